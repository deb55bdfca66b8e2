"""The benchmark runs on tiny exports so it never rots: counts are asserted, timings are not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


@pytest.mark.slow
def test_benchmark_checks_counts_and_reports_ratios(tmp_path, capsys):
    from bench_summarize import main

    results = tmp_path / "RESULTS.md"
    arguments = ["--rows", "300", "--xlsx-rows", "300", "--repeats", "1"]
    assert main([*arguments, "--startup-repeats", "1", "--results", str(results)]) == 0
    report = results.read_text(encoding="utf-8")
    for label in ("csv 300 rows", "parquet 300 rows", "xlsx 300 rows"):
        assert f"## {label}" in report
    # every monitorkit and polars run counted the same answers and bases as DuckDB
    assert report.count("summarize_survey() = DuckDB") == 3
    assert report.count("summarize_survey()-by = DuckDB") == 3
    assert "- summarize / DuckDB, csv 300 rows: " in report
    assert "- summarize --by / DuckDB --by, parquet 300 rows: " in report
    assert "- summarize / (fastexcel read + DuckDB count), xlsx 300 rows: " in report
    assert "- peak RSS summarize / DuckDB, csv 300 rows: " in report
    assert "- monitorkit --help / python -c 'import click': " in report
    assert "- CPU: " in report
    assert "Targets:" in capsys.readouterr().out


def test_reference_counts_match_a_hand_count(tmp_path):
    """DuckDB's and polars' counts, the yardstick of the benchmark, are right on a known file."""
    import bench_design
    from bench_workers import duckdb_counts, polars_counts

    table = bench_design.build_table(40)
    grootte = table[bench_design.SIZE].to_pylist()
    multi = bench_design.MULTI_SETS[0]
    first = table[multi.columns[0]].to_pylist()
    answered = [any(table[c][row].as_py() is not None for c in multi.columns) for row in range(40)]
    path = tmp_path / "survey.csv"
    bench_design.write_csv(table, path)
    for counts in (duckdb_counts(path, None), polars_counts(path, bench_design.SIZE)):
        entry = counts[f"multi|{multi.stem}"]
        assert entry["base"] == sum(answered)
        assert entry["counts"][multi.options[0]] == first.count(multi.words[0])
        sizes = counts[f"single|{bench_design.SIZE}"]["counts"]
        assert sizes == {size: grootte.count(size) for size in set(grootte)}
