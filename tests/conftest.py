"""Shared helpers: run the CLI in-process and capture its output and exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys):
    """Call monitorkit's entry point as a user would and return (code, stdout, stderr)."""
    from monitorkit.cli import main

    def run(*args: str) -> Run:
        code = 0
        try:
            main([str(a) for a in args])
        except SystemExit as exit_:
            code = exit_.code or 0
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
