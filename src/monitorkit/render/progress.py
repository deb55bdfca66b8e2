"""Progress feedback on long work: a spinner on a terminal, nothing on a pipe or when quiet."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
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


@contextmanager
def steps(total: int, message: str, quiet: bool = False) -> Iterator[Callable[[], None]]:
    """A progress bar over ``total`` steps on standard error; yields the function that advances it.

    On a pipe or with ``quiet`` the bar is not shown and advancing costs nothing.
    """
    if quiet or not sys.stderr.isatty() or total <= 0:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(message, total=total)
        yield lambda: progress.advance(task)
