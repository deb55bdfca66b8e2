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

from dataclasses import dataclass, field
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
}
REQUIRED = ("person", "region", "period", "law")


@dataclass
class Stapeling:
    """The counts per region, period, unit and category, and how they were made."""

    sources: list[str]
    columns: dict[str, str]
    cells: list[StapelingCell]
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "columns": self.columns,
            "categories": [*CATEGORIES.values(), TOTAL],
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


def _law_case(column: str) -> str:
    value = f"lower(trim(CAST({_identifier(column)} AS VARCHAR)))"
    whens = " ".join(
        f"WHEN {value} IN ({', '.join(repr(v) for v in values)}) THEN {LAWS[law][0]}"
        for law, values in LAW_VALUES.items()
    )
    return f"CASE {whens} END"


def count_stapeling(
    paths: str | Path | list[str | Path],
    *,
    person: str | None = None,
    household: str | None = None,
    region: str | None = None,
    period: str | None = None,
    law: str | None = None,
    provision: str | None = None,
) -> Stapeling:
    """Count users per combination of laws, per region and period, from person-level records.

    ``paths`` are csv or parquet files, folders of them, or globs. Columns are
    found from common Dutch and English headers, or named by the keywords.
    Unknown law values, missing columns and empty registers are refused.
    """
    import duckdb

    from monitorkit.io.registers import columns_of, expand_sources, scan

    files = expand_sources([paths] if isinstance(paths, (str, Path)) else paths)
    where = str(files[0]) if len(files) == 1 else f"{files[0]} (+{len(files) - 1} more)"
    connection = duckdb.connect()
    table = scan(connection, files)
    given = {"person": person, "household": household, "region": region, "period": period}
    given.update(law=law, provision=provision)
    columns = find_columns(columns_of(connection, table, where), given, where)
    law_code = _law_case(columns["law"])
    _refuse_unknown_laws(connection, table, columns["law"], law_code, where)
    text = {role: f"CAST({_identifier(name)} AS VARCHAR)" for role, name in columns.items()}
    provision_value = text.get("provision", "NULL")
    household_value = text.get("household", "NULL")
    connection.execute(
        f"""CREATE TEMP TABLE records AS
        SELECT {text["person"]} AS person, {household_value} AS household,
               {text["region"]} AS region, {text["period"]} AS period,
               {law_code} AS law, {provision_value} AS provision
        FROM {table}
        WHERE {text["person"]} IS NOT NULL"""
    )
    if connection.execute("SELECT count(*) FROM records").fetchone()[0] == 0:  # type: ignore[index]
        raise InputError("the register has no records", Location(where))
    units = [("persons", "person")] + (
        [("households", "household")] if "household" in columns else []
    )
    cells: list[StapelingCell] = []
    for unit, key in units:
        cells += _count(connection, unit, key)
    return Stapeling([str(f) for f in files], columns, cells, _warnings(connection))


def _refuse_unknown_laws(
    connection: Any, table: str, column: str, law_code: str, where: str
) -> None:
    unknown = connection.execute(
        f"""SELECT CAST({_identifier(column)} AS VARCHAR) AS value, count(*) AS n
        FROM {table} WHERE ({law_code}) IS NULL GROUP BY 1 ORDER BY n DESC, value LIMIT 10"""
    ).fetchall()
    if unknown:
        listed = ", ".join(f"{value!r} ({count})" for value, count in unknown)
        raise InputError(
            f"column '{column}': unknown law value(s): {listed}",
            Location(where),
            "the law column names Jeugdwet, Participatiewet or Wmo (also Jeugd, P-wet)",
        )


def _count(connection: Any, unit: str, key: str) -> list[StapelingCell]:
    """One unit's cells: per region and period (and over all regions) by combination and by
    the number of provisions; shares of the region's total users in the period."""
    rows = connection.execute(
        f"""WITH units AS (
            SELECT region, period, {key} AS id, bit_or(law) AS laws,
                   count(DISTINCT provision) AS provisions
            FROM records WHERE {key} IS NOT NULL GROUP BY region, period, {key}
            UNION ALL
            SELECT '{TOTAL}' AS region, period, {key} AS id, bit_or(law) AS laws,
                   count(DISTINCT provision) AS provisions
            FROM records WHERE {key} IS NOT NULL GROUP BY period, {key}
        )
        SELECT region, period, laws, least(provisions, 3) AS provisions, count(*) AS n
        FROM units GROUP BY ALL ORDER BY region, period"""
    ).fetchall()
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for region, period, laws, provisions, n in rows:
        cell = counts.setdefault((region, period), {})
        cell[CATEGORIES[laws]] = cell.get(CATEGORIES[laws], 0) + n
        cell[TOTAL] = cell.get(TOTAL, 0) + n
        if provisions:
            name = PROVISION_CATEGORIES[provisions - 1]
            cell[name] = cell.get(name, 0) + n
    order = [*CATEGORIES.values(), TOTAL]
    has_provisions = any(name in c for c in counts.values() for name in PROVISION_CATEGORIES)
    if has_provisions:
        order += list(PROVISION_CATEGORIES)
    cells = []
    regions = [*sorted({r for r, _ in counts if r != TOTAL}), TOTAL]
    periods = sorted({p for _, p in counts})
    for region in regions:
        for period in periods:
            found = counts.get((region, period))
            if found is None:
                continue
            total = found[TOTAL]
            for category in order:
                count = found.get(category, 0)
                share = json_value(100 * count / total) if total else None
                cells.append(StapelingCell(region, period, unit, category, count, share))
    return cells


def _warnings(connection: Any) -> list[str]:
    """People recorded in more than one region in one period: counted in each, once in Totaal."""
    rows = connection.execute(
        """SELECT period, count(*) FROM (
            SELECT period, person FROM records GROUP BY period, person
            HAVING count(DISTINCT region) > 1
        ) GROUP BY period ORDER BY period"""
    ).fetchall()
    return [
        f"period {period}: {count} person(s) have records in more than one region; they are "
        "counted in each region where stated and once in Totaal"
        for period, count in rows
    ]
