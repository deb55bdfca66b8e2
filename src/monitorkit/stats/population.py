"""Finite population correction: surveys that reach most of a small, known population.

A survey answered by 234 of 393 municipalities has sampled most of the
population; the sampling variance of a proportion shrinks by the factor
(N - n) / (N - 1). Intervals and tests use the effective sample size
n / factor, which is infinite (no sampling error) for a census.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from monitorkit.errors import UsageError

MUNICIPALITY_UNITS = frozenset({"gemeente", "gemeenten", "municipality", "municipalities"})


@dataclass(frozen=True)
class Population:
    """A known population size and where the number comes from."""

    size: int
    source: str

    def factor(self, n: float) -> float:
        """(N - n) / (N - 1): the share of the sampling variance that remains."""
        if self.size <= 1 or n >= self.size:
            return 0.0
        return (self.size - n) / (self.size - 1)

    def effective_n(self, n: float) -> float:
        factor = self.factor(n)
        return math.inf if factor == 0 else n / factor


def read_stratum_sizes(path: str) -> dict[str, int]:
    """Population size per stratum from YAML ({G4: 4, G32: 36, ...}) or a two-column CSV."""
    from pathlib import Path

    from monitorkit.errors import InputError, Location
    from monitorkit.io.yamlfile import read_yaml

    where = Location(path)
    if Path(path).suffix.lower() == ".csv":
        import csv

        with open(path, encoding="utf-8-sig", newline="") as stream:
            rows = [row for row in csv.reader(stream) if row]
        data: object = {row[0]: row[1] for row in rows[1:] if len(row) >= 2}
    else:
        data = read_yaml(path, InputError, "population file")
    if not isinstance(data, dict) or not data:
        raise InputError("must map each stratum to its population size", where, "e.g. G4: 4")
    sizes = {}
    for stratum, size in data.items():
        number = int(size) if str(size).strip().isdecimal() and str(size).isascii() else None
        if number is None or number < 1:
            raise InputError(
                f"stratum '{stratum}': the population size must be a whole number, got {size!r}",
                where,
            )
        sizes[str(stratum)] = number
    return sizes


@cache
def municipality_counts() -> tuple[str, dict[int, int]]:
    """The bundled number of municipalities per year (CBS), and its citation."""
    import yaml

    from monitorkit.io.datasets import data_dir

    data = yaml.safe_load((data_dir() / "reference" / "gemeenten.yaml").read_text(encoding="utf-8"))
    return data["source"], {int(year): int(count) for year, count in data["counts"].items()}


def resolve_population(
    value: str | int | None, *, unit: str = "", year: int | None = None, what: str = "the survey"
) -> Population | None:
    """--population N, 'auto' (municipality surveys: CBS count for the survey's year), or None."""
    if value is None or value == "":
        return None
    text = str(value).strip().lower()
    if text.isdecimal() and text.isascii():
        if int(text) < 2:
            raise UsageError(f"--population must be at least 2, got {value}")
        return Population(int(text), "given with --population")
    if text != "auto":
        raise UsageError(f"--population takes a number or 'auto', got '{value}'")
    if unit.strip().lower() not in MUNICIPALITY_UNITS:
        raise UsageError(
            f"--population auto knows only the number of municipalities, and {what} is not "
            f"a municipality survey (unit '{unit or 'not set'}')",
            hint="pass the population size as a number, or set 'unit: gemeente' in the codebook",
        )
    source, counts = municipality_counts()
    if year is None:
        raise UsageError(
            f"--population auto needs the year of {what}",
            hint="put the year in the file name or in the codebook ('year: 2015')",
        )
    if year not in counts:
        raise UsageError(
            f"no municipality count for {year}",
            hint=f"known years: {min(counts)}-{max(counts)}; or pass a number",
        )
    return Population(counts[year], f"{counts[year]} gemeenten on 1 January {year} ({source})")
