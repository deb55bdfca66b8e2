"""`python -m monitorkit` runs the command line."""

from monitorkit.cli import main

main()
