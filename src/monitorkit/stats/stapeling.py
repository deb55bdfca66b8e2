"""Stapeling: who uses provisions under more than one law (Jeugdwet, Participatiewet, Wmo).

From person-level records (one row per person x provision x period) every
person gets, per region and period, the set of laws they used provisions
under; the counts per combination are the categories CBS publishes in
"Gebruik voorzieningen sociaal domein". Households (when a household column is
given) get the laws of all their members. The region "Totaal" counts each
person once over all regions. One SQL text computes everything on DuckDB,
which scans csv and parquet where they lie, so registers larger than memory
work.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from monitorkit.errors import InputError, Location, UsageError
from monitorkit.results import StapelingCell, json_value

#: Each law's bit and its name in CBS's categories.
LAWS = {"J": (1, "Jeugd"), "P": (2, "P-wet"), "W": (4, "Wmo")}
#: How the law column may name each law (case and spaces aside).
LAW_VALUES = {
    "J": ("jeugdwet", "jeugd", "jeugdhulp", "jw", "j"),
    "P": ("participatiewet", "p-wet", "pwet", "participatie", "pw", "p"),
    "W": ("wmo", "wmo 2015", "wmo2015", "w"),
}
#: The seven combinations as CBS names them, by bit mask, then the total.
CATEGORIES = {
    1: "Alleen Jeugd",
    2: "Alleen P-wet",
    4: "Alleen Wmo",
    3: "Jeugd en P-wet",
    5: "Jeugd en Wmo",
    6: "P-wet en Wmo",
    7: "Jeugd, P-wet en Wmo",
}
TOTAL = "Totaal"
PROVISION_CATEGORIES = ("1 voorziening", "2 voorzieningen", "3 of meer voorzieningen")
#: Header names each role is recognised by (lower case, spaces and underscores aside).
ROLES = {
    "person": ("persoon", "persoonid", "personid", "person", "rinpersoon", "bsn", "client"),
    "household": ("huishouden", "huishoudenid", "householdid", "household", "rinhuishouden"),
    "region": ("gemeente", "gemeentecode", "municipality", "municipalitycode", "regio", "region"),
    "wijk": ("wijk", "wijkcode", "district", "districtcode"),
    "period": ("periode", "period", "jaar", "year", "maand", "month"),
    "law": ("wet", "law", "domein", "domain"),
    "provision": ("voorziening", "provision", "voorzieningsoort", "productcategorie"),
    "by": (),
}
REQUIRED = ("person", "region", "period", "law")


#: CBS's convention for "Gebruik voorzieningen sociaal domein" (StatLine, wijken en buurten):
#: counts rounded to multiples of 5, small cells shown as ".".
CBS_ROUNDING_BASE = 5
CBS_THRESHOLD = 10


@dataclass(frozen=True)
class Disclosure:
    """Publication rules: counts rounded to multiples of ``base``; a cell whose unrounded
    count is below ``threshold`` (zero aside) is suppressed, with its share and rate."""

    rule: str = "cbs"
    base: int = CBS_ROUNDING_BASE
    threshold: int = CBS_THRESHOLD

    def __post_init__(self) -> None:
        if self.base < 1 or self.threshold < 0:
            raise UsageError(
                f"disclosure rounding base {self.base} and threshold {self.threshold}",
                hint="the base is 1 or more, the threshold 0 or more",
            )

    def apply(self, cell: StapelingCell) -> StapelingCell:
        """The cell as published: shares and rates stay as computed from unrounded counts."""
        count = cell.count or 0
        if 0 < count < self.threshold:
            return replace(cell, count=None, share=None, per_1000=None)
        rounded = int(Fraction(count, self.base) + Fraction(1, 2)) * self.base
        return replace(cell, count=rounded)

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "rounding_base": self.base, "threshold": self.threshold}

    def describe(self) -> str:
        return (
            f"{self.rule.upper()} publication rules: counts rounded to multiples of "
            f"{self.base}, cells below {self.threshold} shown as '.'; shares and rates "
            "computed from unrounded counts"
        )


@dataclass
class Stapeling:
    """The counts per region, period, unit and category, and how they were made."""

    sources: list[str]
    columns: dict[str, str]
    cells: list[StapelingCell]
    warnings: list[str] = field(default_factory=list)
    disclosure: Disclosure | None = None
    population: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "columns": self.columns,
            "categories": [*CATEGORIES.values(), TOTAL],
            "population": self.population,
            "disclosure": self.disclosure.as_dict() if self.disclosure else None,
            "warnings": self.warnings,
            "cells": [cell.as_dict() for cell in self.cells],
        }


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "").replace("_", "").replace("-", "")


def find_columns(found: list[str], given: dict[str, str | None], where: str) -> dict[str, str]:
    """Which column holds which role: as given by option, else by its header."""
    by_key = {_key(name): name for name in found}
    columns: dict[str, str] = {}
    for role, names in ROLES.items():
        chosen = given.get(role)
        if chosen:
            if chosen not in found:
                raise UsageError(
                    f"--{role} column '{chosen}' is not in the register",
                    Location(where),
                    f"its columns are: {', '.join(found)}",
                )
            columns[role] = chosen
            continue
        match = next((by_key[n] for n in names if n in by_key), None)
        if match is not None:
            columns[role] = match
    missing = [role for role in REQUIRED if role not in columns]
    if missing:
        raise InputError(
            f"no {' or '.join(missing)} column found",
            Location(where),
            f"name it with --{missing[0]}; the columns are: {', '.join(found)}",
        )
    return columns


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def law_bit(value: str | None) -> int | None:
    """The bit of the law a value of the law column names, None when it names none."""
    key = (value or "").strip().lower()
    return next((LAWS[law][0] for law, names in LAW_VALUES.items() if key in names), None)


def count_stapeling(
    paths: str | Path | list[str | Path],
    *,
    person: str | None = None,
    household: str | None = None,
    region: str | None = None,
    period: str | None = None,
    law: str | None = None,
    provision: str | None = None,
    by: str | None = None,
    population: str | Path | None = None,
    disclosure: Disclosure | None = None,
) -> Stapeling:
    """Count users per combination of laws, per region and period, from person-level records.

    ``paths`` are csv or parquet files, folders of them, or globs. Columns are
    found from common Dutch and English headers, or named by the keywords;
    ``by`` splits every count by the values of one more column. With a
    ``population`` file (region, optional period, inhabitants) each cell also
    gets a rate per 1,000 inhabitants; with ``disclosure`` the counts are
    rounded and small cells suppressed after shares and rates are computed.
    Unknown law values, missing columns and empty registers are refused.
    """
    import duckdb

    from monitorkit.io.registers import columns_of, expand_sources, read_population, scan

    files = expand_sources([paths] if isinstance(paths, (str, Path)) else paths)
    where = str(files[0]) if len(files) == 1 else f"{files[0]} (+{len(files) - 1} more)"
    inhabitants = read_population(population) if population is not None else None
    connection = duckdb.connect()
    # DuckDB's own bar would draw over the output mid-run; in Jupyter without ipywidgets
    # it draws none and refuses the setting
    with contextlib.suppress(duckdb.InvalidInputException):
        connection.execute("SET enable_progress_bar = false")
    table = scan(connection, files)
    given = {"person": person, "household": household, "region": region, "period": period}
    given.update(law=law, provision=provision, by=by)
    columns = find_columns(columns_of(connection, table, where), given, where)
    text = {role: f"CAST({_identifier(name)} AS VARCHAR)" for role, name in columns.items()}
    _law_codes(connection, table, columns["law"], text["law"], where)
    person = _identifier(columns["person"])
    household = _identifier(columns["household"]) if "household" in columns else "NULL"
    connection.execute(
        f"""CREATE TEMP TABLE records AS
        SELECT {person} AS person, {household} AS household,
               {text["region"]} AS region, {text["period"]} AS period,
               law_codes.code AS law, {text.get("provision", "NULL")} AS provision,
               {text.get("by", "NULL")} AS grp
        FROM {table} JOIN law_codes ON {text["law"]} = law_codes.value
        WHERE {person} IS NOT NULL"""
    )
    if connection.execute("SELECT count(*) FROM records").fetchone()[0] == 0:  # type: ignore[index]
        raise InputError("the register has no records", Location(where))
    units = [("persons", "person")] + (
        [("households", "household")] if "household" in columns else []
    )
    cells: list[StapelingCell] = []
    for unit, key in units:
        cells += _count(connection, unit, key, provisions="provision" in columns)
    warnings = _warnings(connection)
    if inhabitants is not None:
        cells, unmatched = _rates(cells, inhabitants)
        if unmatched:
            warnings.append(
                f"no inhabitants in {population} for {', '.join(unmatched)}: no rate per 1,000"
            )
    if disclosure is not None:
        cells = [disclosure.apply(cell) for cell in cells]
    result = Stapeling([str(f) for f in files], columns, cells, warnings, disclosure)
    result.population = str(population) if population is not None else None
    return result


def _law_codes(connection: Any, table: str, column: str, value: str, where: str) -> None:
    """The table law_codes (value, code) of every distinct value of the law column; values
    naming no law are refused, listed with their counts."""
    values = [
        row[0] for row in connection.execute(f"SELECT DISTINCT {value} FROM {table}").fetchall()
    ]
    codes = {v: law_bit(v) for v in values}
    unknown = [v for v, code in codes.items() if code is None]
    if unknown:
        counted = connection.execute(
            f"""SELECT {value} AS value, count(*) AS n FROM {table}
            WHERE {value} IS NULL OR {value} IN (SELECT unnest(?))
            GROUP BY 1 ORDER BY n DESC, value LIMIT 10""",
            [[v for v in unknown if v is not None]],
        ).fetchall()
        listed = ", ".join(f"{v!r} ({n})" for v, n in counted)
        raise InputError(
            f"column '{column}': unknown law value(s): {listed}",
            Location(where),
            "the law column names Jeugdwet, Participatiewet or Wmo (also Jeugd, P-wet)",
        )
    connection.execute("CREATE TEMP TABLE law_codes (value VARCHAR, code INTEGER)")
    if codes:
        connection.executemany("INSERT INTO law_codes VALUES (?, ?)", list(codes.items()))


def _count(connection: Any, unit: str, key: str, provisions: bool) -> list[StapelingCell]:
    """One unit's cells: per region and period (and over all regions), split by the --by
    column's values when given, by combination and by the number of provisions; shares of
    the total users of the region (and group) in the period."""
    units = f"""SELECT {{region}} AS region, period, grp, {key} AS id, bit_or(law) AS laws,
                   {"count(DISTINCT provision)" if provisions else "0"} AS provisions
            FROM records WHERE {key} IS NOT NULL GROUP BY {{groups}}period, grp, {key}"""
    rows = connection.execute(
        f"""WITH units AS (
            {units.format(region="region", groups="region, ")}
            UNION ALL
            {units.format(region=f"'{TOTAL}'", groups="")}
        )
        SELECT region, period, grp, laws, least(provisions, 3) AS provisions, count(*) AS n
        FROM units GROUP BY ALL"""
    ).fetchall()
    counts: dict[tuple[str, str, str | None], dict[str, int]] = {}
    for region, period, group, laws, provisions, n in rows:
        cell = counts.setdefault((region, period, group), {})
        cell[CATEGORIES[laws]] = cell.get(CATEGORIES[laws], 0) + n
        cell[TOTAL] = cell.get(TOTAL, 0) + n
        if provisions:
            name = PROVISION_CATEGORIES[provisions - 1]
            cell[name] = cell.get(name, 0) + n
    order = [*CATEGORIES.values(), TOTAL]
    if any(name in c for c in counts.values() for name in PROVISION_CATEGORIES):
        order += list(PROVISION_CATEGORIES)
    regions = [*sorted({r for r, _, _ in counts if r != TOTAL}), TOTAL]
    periods = sorted({p for _, p, _ in counts})
    groups = sorted({g for _, _, g in counts}, key=lambda g: (g is None, g or ""))
    cells = []
    for region in regions:
        for period in periods:
            for group in groups:
                found = counts.get((region, period, group))
                if found is None:
                    continue
                total = found[TOTAL]
                for category in order:
                    count = found.get(category, 0)
                    share = json_value(100 * count / total) if total else None
                    cells.append(
                        StapelingCell(region, period, unit, category, count, share, group=group)
                    )
    return cells


def _rates(
    cells: list[StapelingCell], inhabitants: dict[tuple[str, str | None], int]
) -> tuple[list[StapelingCell], list[str]]:
    """Each cell's count per 1,000 inhabitants of its region in its period (a population
    without a period holds for every period). Totaal without a row of its own has the
    inhabitants of every region listed for the period."""
    totals: dict[str | None, int] = {}
    for (region, period), listed in inhabitants.items():
        if region != TOTAL:
            totals[period] = totals.get(period, 0) + listed
    rated: list[StapelingCell] = []
    unmatched: list[str] = []
    for cell in cells:
        number: int | None = inhabitants.get(
            (cell.region, cell.period), inhabitants.get((cell.region, None))
        )
        if number is None and cell.region == TOTAL:
            number = totals.get(cell.period, totals.get(None))
        if number is None:
            where = f"{cell.region} {cell.period}"
            if where not in unmatched:
                unmatched.append(where)
            rated.append(cell)
            continue
        rate = json_value(1000 * (cell.count or 0) / number) if number else None
        rated.append(replace(cell, per_1000=rate))
    return rated, unmatched


def _warnings(connection: Any) -> list[str]:
    """People recorded in more than one region in one period: counted in each, once in Totaal."""
    rows = connection.execute(
        """SELECT period, count(*) FROM (
            SELECT period, person FROM records GROUP BY period, person
            HAVING min(region) <> max(region)
        ) GROUP BY period ORDER BY period"""
    ).fetchall()
    return [
        f"period {period}: {count} person(s) have records in more than one region; they are "
        "counted in each region where stated and once in Totaal"
        for period, count in rows
    ]
