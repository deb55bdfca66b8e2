"""Municipality codes: normalising CBS codes, finding the key column, municipal mergers.

CBS codes appear as GM0363, 0363, 363 or 363.0 depending on the export; they
are one municipality and normalise to GM0363. A mergers table (old code, new
code, date) maps the codes of merged municipalities forward to their successor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from monitorkit.errors import InputError, Location
from monitorkit.vocabulary import normalise

_CODE = re.compile(r"^(?:gm)?\s*0*(\d{1,4})(?:\.0+)?$")
_KEY_HEADER = re.compile(
    r"gemeente\s*-?\s*code|gm\s*-?\s*code|cbs\s*-?\s*code|cbs-gemeentecode|municipality\s*code"
)
#: Share of a column's values that must look like CBS codes to take it as the key.
KEY_VALUE_SHARE = 0.95


def normalise_code(value: Any) -> str | None:
    """'GM0363', '0363', '363', 363.0 -> 'GM0363'; None for anything else."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    match = _CODE.match(normalise(value))
    if not match or int(match.group(1)) == 0:
        return None
    return f"GM{int(match.group(1)):04d}"


@cache
def valid_codes(year: int | None = None) -> frozenset[str]:
    """CBS codes of the municipalities on 1 January of ``year`` (any year 2010+ if unknown).

    From data/reference/gemeentecodes.yaml (CBS, Gemeentelijke indeling op 1 januari).
    """
    import yaml

    from monitorkit.io.datasets import data_dir

    path = data_dir() / "reference" / "gemeentecodes.yaml"
    codes = yaml.safe_load(path.read_text(encoding="utf-8"))["codes"]
    if year in codes:
        return frozenset(codes[year])
    return frozenset(code for listed in codes.values() for code in listed)


def share_of_valid_codes(values, year: int | None = None) -> float:
    """The share of a column's distinct values that are municipality codes of the year."""
    distinct = [v for v in dict.fromkeys(values) if normalise(v) != ""]
    if not distinct:
        return 0.0
    known = valid_codes(year)
    return sum(normalise_code(v) in known for v in distinct) / len(distinct)


def find_key_column(
    frame, labels: dict[str, str] | None = None, year: int | None = None
) -> str | None:
    """The column of municipality codes: its header or its GM prefix says so, and its values
    are CBS codes of the survey's year.

    Four-digit numbers alone are never enough: respondent ids look the same.
    """
    labels = labels or {}
    for column in frame.columns:
        values = frame[column].dropna()
        if len(values) < 2 or not values.is_unique:
            continue
        text = normalise(f"{column} {labels.get(column, '')}")
        prefixed = all(normalise(v).startswith("gm") for v in values.unique())
        if (_KEY_HEADER.search(text) or prefixed) and share_of_valid_codes(
            values, year
        ) >= KEY_VALUE_SHARE:
            return str(column)
    return None


@dataclass
class Mergers:
    """Old code -> successor code, following chains of mergers to the last successor."""

    successor: dict[str, str] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)

    def forward(self, code: str) -> str:
        seen = set()
        while code in self.successor and code not in seen:
            seen.add(code)
            code = self.successor[code]
        return code


def read_mergers(path: str | Path) -> Mergers:
    """A CSV with columns old_code, new_code and date (one row per merged municipality)."""
    import csv
    import io

    path = Path(path)
    if not path.exists():
        raise InputError("mergers file not found", Location(str(path)), "check the --mergers path")
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if ";" in text.split("\n", 1)[0] else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    missing = {"old_code", "new_code"} - set(reader.fieldnames or [])
    if missing:
        raise InputError(
            f"the mergers file needs columns old_code, new_code (and date); "
            f"missing {', '.join(sorted(missing))}",
            Location(str(path)),
            "see 'Municipal mergers' in the README",
        )
    mergers = Mergers()
    for row_number, row in enumerate(reader, start=2):
        old, new = normalise_code(row["old_code"]), normalise_code(row["new_code"])
        if old is None or new is None:
            raise InputError(
                "not a CBS municipality code",
                Location(str(path), row=row_number),
                "write codes as GM0363, 0363 or 363",
            )
        mergers.successor[old] = new
        mergers.dates[old] = (row.get("date") or "").strip()
    return mergers
