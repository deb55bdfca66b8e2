"""Person-level registers (one row per person x provision x period) as DuckDB scans.

Registers are too large to load: a file, a folder of parquet files or a glob is
turned into a DuckDB table expression that scans the files where they lie,
csv and parquet alike, so later queries run out of core.
"""

from __future__ import annotations

import glob
import re
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
            if path.stat().st_size == 0:
                raise InputError("the file is empty", Location(text), "export the register again")
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


#: A count written with thousands separators: 931.298 or 931,298.
THOUSANDS = re.compile(r"\d{1,3}([.,]\d{3})+")
#: Header names of a population file's columns (lower case).
POPULATION_COLUMNS = {
    "region": ("region", "regio", "gemeente", "gemeentecode", "wijk", "wijkcode"),
    "period": ("period", "periode", "jaar", "year"),
    "inhabitants": ("inhabitants", "inwoners", "population", "bevolking", "aantal inwoners"),
}


def read_population(path: str | Path) -> dict[tuple[str, str | None], int]:
    """Inhabitants per (region, period) from a csv (',' or ';') or YAML list of records with
    region, optional period and inhabitants; a region without a period holds for all."""
    from monitorkit.io.yamlfile import read_yaml

    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise InputError("population file not found", Location(where), "check the path")
    if path.suffix.lower() in (".yaml", ".yml"):
        records = read_yaml(path, what="population file")
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise InputError(
                "a population file in YAML is a list of records",
                Location(where),
                "write '- {region: GM0363, period: 2024, inhabitants: 931298}' per line",
            )
        rows = [{str(k): v for k, v in record.items()} for record in records]
        first_row = 1
    else:
        rows = _population_csv(path)
        first_row = 2
    if not rows:
        raise InputError("the population file has no rows", Location(where))
    roles = _population_roles(list(rows[0]), where)
    inhabitants: dict[tuple[str, str | None], int] = {}
    for number, row in enumerate(rows, start=first_row):
        region = str(row.get(roles["region"]) or "").strip()
        period = row.get(roles["period"]) if "period" in roles else None
        value = str(row.get(roles["inhabitants"]) or "").strip()
        if THOUSANDS.fullmatch(value):
            value = value.replace(".", "").replace(",", "")
        if not region or not value.isdigit():
            raise InputError(
                f"inhabitants '{value}' for region '{region}' is not a whole number",
                Location(where, row=number, column=roles["inhabitants"]),
                "write inhabitants as a count without decimals",
            )
        key = (region, None if period in (None, "") else str(period).strip())
        inhabitants[key] = int(value)
    return inhabitants


def _population_csv(path: Path) -> list[dict[str, str]]:
    import csv

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    lines = text.splitlines()
    delimiter = ";" if lines and lines[0].count(";") > lines[0].count(",") else ","
    return list(csv.DictReader(lines, delimiter=delimiter))


def _population_roles(found: list[str], where: str) -> dict[str, str]:
    by_name = {name.strip().lower(): name for name in found}
    roles = {}
    for role, names in POPULATION_COLUMNS.items():
        match = next((by_name[n] for n in names if n in by_name), None)
        if match is not None:
            roles[role] = match
    missing = [role for role in ("region", "inhabitants") if role not in roles]
    if missing:
        raise InputError(
            f"the population file has no {' or '.join(missing)} column",
            Location(where),
            "name the columns region, period (optional) and inhabitants; found: "
            + ", ".join(found),
        )
    return roles
