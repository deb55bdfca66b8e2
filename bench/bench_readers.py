"""Benchmark: xlsx readers and answer counting against the obvious alternatives.

Generates a survey export (default 100,000 respondents x 24 columns), then
times, in the same run:

* reading it with fastexcel (monitorkit's reader), pandas + calamine and
  pandas + openpyxl;
* monitorkit's whole read_table (fastexcel + header detection);
* counting a multi question vectorised (factorize + state matrix) against a
  Python loop over respondents.

Ratios are reported against monitorkit's way; run with `make bench`.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

OPTIONS = ["Financiering", "Wetgeving", "Verkokering", "Capaciteit", "Resultaten", "Anders"]


def build_export(path: Path, rows: int) -> None:
    """A realistic export: id, six Ja/Nee knelpunten, a size class, numbers and free text."""
    import xlsxwriter

    rng = random.Random(2014)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Data")
    header = ["Respondent", *[f"Welke knelpunten ervaart u? - {o}" for o in OPTIONS]]
    header += ["Gemeentegrootte", "Aantal wijkteams", "Toelichting"]
    header += [f"Partners: {p}" for p in ("Welzijn", "Zorg", "Wsw", "UWV", "Woningcorporatie")]
    header += [f"Stelling {i}" for i in range(1, 10)]
    sheet.write_row(0, 0, header)
    for row in range(1, rows + 1):
        skipped = rng.random() < 0.1
        values = [row]
        values += ["" if skipped else rng.choice(["Ja", "Nee"]) for _ in OPTIONS]
        values += [rng.choice(["G4", "G32", "overig"]), rng.randint(1, 12), "opmerking"]
        values += [rng.choice(["x", ""]) for _ in range(5)]
        values += [rng.choice(["Eens", "Oneens", "Neutraal", ""]) for _ in range(9)]
        sheet.write_row(row, 0, values)
    workbook.close()


def timed(label: str, function, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<42} {best:8.3f} s", flush=True)
    return best


def bench_readers(path: Path) -> dict[str, float]:
    import fastexcel
    import pandas as pd

    from monitorkit.io.readers import read_table

    print("Reading the export:")
    results = {
        "fastexcel": timed(
            "fastexcel -> Arrow -> pandas",
            lambda: fastexcel.read_excel(str(path)).load_sheet(0).to_pandas(),
        ),
        "monitorkit": timed(
            "monitorkit read_table (fastexcel, all text)", lambda: read_table(path)
        ),
        "calamine": timed(
            "pandas.read_excel(engine='calamine')",
            lambda: pd.read_excel(path, engine="calamine"),
        ),
        "openpyxl": timed(
            "pandas.read_excel(engine='openpyxl')",
            lambda: pd.read_excel(path, engine="openpyxl"),
        ),
    }
    return results


def bench_counting(path: Path) -> dict[str, float]:
    from monitorkit.io.readers import read_table
    from monitorkit.vocabulary import classify, read_binary

    frame = read_table(path).frame
    columns = [c for c in frame.columns if c.startswith("Welke knelpunten")]

    def vectorised():
        states = [read_binary(frame[c]).states for c in columns]
        return [int((s == 1).sum()) for s in states]

    def python_loop():
        counts = [0] * len(columns)
        for row in frame[columns].itertuples(index=False):
            for index, value in enumerate(row):
                if classify(value) == 1:
                    counts[index] += 1
        return counts

    print("Counting a six-item multi question:")
    assert vectorised() == python_loop()
    return {
        "vectorised": timed("factorize + state matrix (monitorkit)", vectorised, repeat=3),
        "loop": timed("Python loop over respondents", python_loop),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="respondents to generate")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xlsx"
        start = time.perf_counter()
        build_export(path, args.rows)
        size = path.stat().st_size / 1024**2
        built = time.perf_counter() - start
        print(f"Export: {args.rows:,} rows, {size:.1f} MiB ({built:.1f} s to build)")
        readers = bench_readers(path)
        counting = bench_counting(path)
    print("Ratios (higher = slower than monitorkit's way):")
    print(f"  pandas+openpyxl / fastexcel   {readers['openpyxl'] / readers['fastexcel']:6.1f}x")
    print(f"  pandas+calamine / fastexcel   {readers['calamine'] / readers['fastexcel']:6.1f}x")
    print(f"  pandas+openpyxl / read_table  {readers['openpyxl'] / readers['monitorkit']:6.1f}x")
    print(f"  Python loop / vectorised      {counting['loop'] / counting['vectorised']:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
