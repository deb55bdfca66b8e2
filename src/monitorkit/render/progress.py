"""Progress feedback on long work: a spinner on a terminal, nothing on a pipe or when quiet."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def status(message: str, quiet: bool = False) -> Iterator[None]:
    """Show ``message`` with a spinner on standard error while the block runs."""
    if quiet or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield
