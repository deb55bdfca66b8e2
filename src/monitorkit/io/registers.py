"""Person-level registers (one row per person x provision x period) as DuckDB scans.

Registers are too large to load: a file, a folder of parquet files or a glob is
turned into a DuckDB table expression that scans the files where they lie,
csv and parquet alike, so later queries run out of core.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

from monitorkit.errors import InputError, Location

REGISTER_SUFFIXES = (".csv", ".tsv", ".txt", ".parquet", ".pq")


def expand_sources(paths: list[str | Path]) -> list[Path]:
    """The files behind FILE arguments: files as given, a folder's parquet/csv files, globs."""
    found: list[Path] = []
    for given in paths:
        text = str(given)
        if any(mark in text for mark in "*?["):
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", Location(text))
            found += matches
            continue
        path = Path(text)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in REGISTER_SUFFIXES)
            if not inside:
                raise InputError("the folder holds no csv or parquet files", Location(text))
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("no such file or folder", Location(text))
    kinds = {_kind(path) for path in found}
    if len(kinds) > 1:
        raise InputError(
            "a register is read as csv or as parquet, not both at once",
            Location(str(found[0])),
            "convert the files to one format, or pass them in separate runs",
        )
    return found


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    raise InputError(
        f"cannot read a register from a '{suffix or 'nameless'}' file",
        Location(str(path)),
        "use csv or parquet",
    )


def scan(connection: Any, paths: list[Path]) -> str:
    """A DuckDB table expression over the files (all columns as text for csv)."""
    files = "[" + ", ".join(_quote(str(p)) for p in paths) + "]"
    if _kind(paths[0]) == "parquet":
        return f"read_parquet({files}, union_by_name = true)"
    return f"read_csv({files}, all_varchar = true, header = true, union_by_name = true)"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def columns_of(connection: Any, table: str, where: str) -> list[str]:
    """The column names of a scanned register; an unreadable file is one clear line."""
    import duckdb

    try:
        return [row[0] for row in connection.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()]
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        raise InputError(f"cannot read the register: {message}", Location(where)) from None
