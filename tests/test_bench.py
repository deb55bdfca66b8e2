"""The benchmark script runs (on a tiny export) so it never rots; timings are not asserted."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def test_benchmark_runs_and_reports_ratios(capsys):
    from bench_readers import main

    assert main(["--rows", "200"]) == 0
    output = capsys.readouterr().out
    assert "Export: 200 rows" in output
    assert "pandas+openpyxl / fastexcel" in output
    assert "Python loop / vectorised" in output
