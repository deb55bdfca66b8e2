"""One measured job per process: the benchmark runs each of these as a fresh interpreter.

    python bench/bench_workers.py ENGINE FILE [--by COLUMN] [--out COUNTS.json]

ENGINE is ``duckdb`` or ``polars`` (count every question of the generated design the
way monitorkit defines its counts and bases, and write them as JSON), ``monitorkit``
(the library call, its summary normalised to the same JSON), ``floor`` (only read the
file with the fastest reader: pyarrow for csv and parquet, fastexcel for xlsx) or
``openpyxl`` (pandas.read_excel with openpyxl, the usual way in scripts). Running each
job in its own process makes wall time, CPU time and peak memory comparable: every
job pays its imports and holds only its own data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench_design import BATTERY, MULTI_SETS, NUMBERS, SINGLES, SIZE, MultiSet

#: Counts are keyed 'kind|question' (or 'kind|question|group'), each holding its base,
#: the count per answer and (for scales) the count of non-answers such as 'Weet niet'.
Counts = dict[str, dict[str, Any]]
NON_ANSWERS = frozenset({"Weet niet"})
SINGLE_COLUMNS = ["Gemeentecode", SIZE, *BATTERY, *(single.column for single in SINGLES)]


def _key(kind: str, question: str, group: str | None) -> str:
    return f"{kind}|{question}" if group is None else f"{kind}|{question}|{group}"


def _choice_entry(values: dict[str, int]) -> dict[str, Any]:
    """Base, counts and non-answers of one single-choice column from its value counts."""
    counts = {str(v): n for v, n in values.items() if n and str(v) not in NON_ANSWERS}
    missing = {str(v): n for v, n in values.items() if n and str(v) in NON_ANSWERS}
    return {"base": sum(counts.values()), "counts": counts, "missing": missing}


def _number_entry(n: int, mean: float | None, low: Any, high: Any, median: Any) -> dict[str, Any]:
    rounded = [None if v is None else round(float(v), 6) for v in (mean, low, high, median)]
    return dict(zip(("base", "mean", "min", "max", "median"), [int(n), *rounded], strict=True))


def _selected_word(multi: MultiSet, numeric: bool) -> Any:
    return float(multi.words[0]) if numeric else multi.words[0]


def duckdb_counts(path: Path, by: str | None) -> Counts:
    """The counts with DuckDB: csv and parquet read by DuckDB itself, xlsx via fastexcel."""
    import duckdb

    connection = duckdb.connect()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        connection.execute(
            f"CREATE TABLE answers AS SELECT * FROM read_csv('{path}', all_varchar = true)"
        )
    elif suffix == ".parquet":
        connection.execute(f"CREATE VIEW answers AS SELECT * FROM read_parquet('{path}')")
    else:
        import fastexcel

        sheet = fastexcel.read_excel(str(path)).load_sheet(0).to_arrow()  # noqa: F841
        connection.execute("CREATE TABLE answers AS SELECT * FROM sheet")
    types = dict(
        connection.execute("SELECT column_name, column_type FROM (DESCRIBE answers)").fetchall()
    )

    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    # one pass per kind of question, grouped by the breakdown and overall (grouping sets)
    group = quoted(by) if by else "NULL"
    sets = "GROUPING SETS ((grp, name, value), (name, value))" if by else "grp, name, value"
    listed = ", ".join(quoted(c) for c in SINGLE_COLUMNS)
    rows = connection.execute(
        f"SELECT grouping(grp) = 0, grp, name, value, count(*) FROM "
        f"(UNPIVOT (SELECT {group} AS grp, {listed} FROM answers) ON {listed} "
        f"INTO NAME name VALUE value) GROUP BY {sets}"
    ).fetchall()
    values: dict[str, dict[str, int]] = {}
    for grouped, grouping, name, value, n in rows:
        if grouped and by and name != by:
            values.setdefault(_key("single", name, str(grouping)), {})[value] = n
        elif not grouped or not by:
            values.setdefault(_key("single", name, None), {})[value] = n
    counts: Counts = {key: _choice_entry(found) for key, found in values.items()}

    measures = []
    for multi in MULTI_SETS:
        columns = [quoted(c) for c in multi.columns]
        answered = " OR ".join(f"{c} IS NOT NULL" for c in columns)
        measures.append(f"count(*) FILTER (WHERE {answered})")
        for name, column in zip(multi.columns, columns, strict=True):
            word = _selected_word(multi, not types[name].startswith("VARCHAR"))
            measures.append(f"count(*) FILTER (WHERE {column} = {word!r})")
    for name in NUMBERS:
        number = f"TRY_CAST({quoted(name)} AS DOUBLE)"
        measures += [f"count({number})", f"avg({number})", f"min({number})", f"max({number})"]
        measures.append(f"median({number})")
    select = f"SELECT grouping(grp) = 0 AND grp IS NOT NULL, grp, {', '.join(measures)}"
    sets = "GROUPING SETS ((grp), ())" if by else "grp"
    query = f"{select} FROM (SELECT {group} AS grp, * FROM answers) GROUP BY {sets}"
    for grouped, grouping, *cells in connection.execute(query).fetchall():
        grouping = str(grouping) if grouped else None
        for multi in MULTI_SETS:
            base, selected = cells[0], cells[1 : 1 + len(multi.options)]
            cells = cells[1 + len(multi.options) :]
            counts[_key("multi", multi.stem, grouping)] = {
                "base": base,
                "counts": dict(zip(multi.options, selected, strict=True)),
            }
        for name in NUMBERS:
            counts[_key("numeric", name, grouping)] = _number_entry(*cells[:5])
            cells = cells[5:]
    return counts


def polars_counts(path: Path, by: str | None) -> Counts:
    """The counts with polars: lazy queries over one frame, collected together."""
    import polars as pl

    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pl.read_csv(path, infer_schema=False)
    elif suffix == ".parquet":
        frame = pl.read_parquet(path)
    else:
        frame = pl.read_excel(path, engine="calamine")
    lazy = frame.lazy()
    singles = [(None, column) for column in SINGLE_COLUMNS]
    singles += [(by, column) for column in SINGLE_COLUMNS if by and column != by]
    single_queries = [
        lazy.group_by([*([key] if key else []), column]).len() for key, column in singles
    ]
    measures: list[pl.Expr] = []
    for index, multi in enumerate(MULTI_SETS):
        answered = pl.any_horizontal([pl.col(c).is_not_null() for c in multi.columns])
        measures.append(answered.sum().alias(f"base{index}"))
        for option, column in zip(multi.options, multi.columns, strict=True):
            word = _selected_word(multi, frame.schema[column].is_numeric())
            measures.append((pl.col(column) == word).sum().alias(f"{index}|{option}"))
    for name in NUMBERS:
        number = pl.col(name).cast(pl.Float64, strict=False)
        measures += [
            number.count().alias(f"n|{name}"),
            number.mean().alias(f"mean|{name}"),
            number.min().alias(f"min|{name}"),
            number.max().alias(f"max|{name}"),
            number.median().alias(f"median|{name}"),
        ]
    overall = [lazy.select(measures)] + ([lazy.group_by(by).agg(measures)] if by else [])
    results = pl.collect_all([*single_queries, *overall])
    counts: Counts = {}
    for (key, column), table in zip(singles, results, strict=False):
        values: dict[str | None, dict[str, int]] = {}
        for row in table.iter_rows():
            *grouping, value, n = row
            if value is not None:
                values.setdefault(str(grouping[0]) if key else None, {})[value] = n
        for grouping, found in values.items():
            counts[_key("single", column, grouping)] = _choice_entry(found)
    for summary in results[len(singles) :]:
        for row in summary.iter_rows(named=True):
            grouping = str(row[by]) if by in row else None
            for index, multi in enumerate(MULTI_SETS):
                counts[_key("multi", multi.stem, grouping)] = {
                    "base": row[f"base{index}"],
                    "counts": {option: row[f"{index}|{option}"] for option in multi.options},
                }
            for name in NUMBERS:
                measured = ("n", "mean", "min", "max", "median")
                cells = [row[f"{measure}|{name}"] for measure in measured]
                counts[_key("numeric", name, grouping)] = _number_entry(*cells)
    return counts


def summary_counts(summary: dict[str, Any]) -> Counts:
    """monitorkit's summary JSON in the same shape, for the design's questions."""
    kinds = {"single": "single", "scale": "single", "multi": "multi", "numeric": "numeric"}
    counts: Counts = {}
    for question in summary["questions"]:
        kind = kinds.get(question["type"])
        if kind is None:
            continue
        name = question["label"] if kind == "multi" else question["columns"][0]
        parts = [(None, question)] + [(g["group"], g) for g in question.get("groups", [])]
        for grouping, part in parts:
            key = _key(kind, name, grouping)
            if kind == "numeric":
                stats = part["stats"]
                counts[key] = _number_entry(
                    stats["n"], stats["mean"], stats["min"], stats["max"], stats["median"]
                )
                continue
            entry: dict[str, Any] = {
                "base": part["base"],
                "counts": {i["label"]: i["count"] for i in part["items"] if i["count"]},
            }
            if kind == "single":
                missing = part.get("missing", [])
                entry["missing"] = {m["label"]: m["count"] for m in missing if m["count"]}
            counts[key] = entry
    return counts


def comparable(counts: Counts) -> Counts:
    """The counts without the non-answers of each group: a summary lists those for the
    whole sample only."""
    for key, entry in counts.items():
        if key.count("|") == 2:
            entry.pop("missing", None)
    return counts


def _read_floor(path: Path) -> None:
    """Only the read, with the fastest reader for the format: the floor nothing gets under."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        import pyarrow.csv as pacsv

        pacsv.read_csv(path)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        pq.read_table(path)
    else:
        import fastexcel

        fastexcel.read_excel(str(path)).load_sheet(0).to_arrow()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("engine", choices=["duckdb", "polars", "monitorkit", "floor", "openpyxl"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--by")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    counts: Counts | None = None
    if args.engine == "duckdb":
        counts = duckdb_counts(args.file, args.by)
    elif args.engine == "polars":
        counts = polars_counts(args.file, args.by)
    elif args.engine == "monitorkit":
        from monitorkit import summarize_survey

        counts = summary_counts(summarize_survey(args.file, by=args.by).as_dict())
    elif args.engine == "floor":
        _read_floor(args.file)
    else:
        import pandas as pd

        pd.read_excel(args.file, engine="openpyxl")
    if args.out and counts is not None:
        args.out.write_text(json.dumps(comparable(counts), sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
