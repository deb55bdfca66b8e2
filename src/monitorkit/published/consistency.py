"""Which integer counts can produce a printed percentage? (GRIM-style checks)

The GRIM test (Brown & Heathers, 2017, "The GRIM Test: A Simple Technique
Detects Numerous Anomalies in the Reporting of Results in Psychology",
Social Psychological and Personality Science 8(4)) asks whether a reported
mean is possible given N. For a survey percentage the question is the same:
is there a count k with round(100·k/N) equal to the printed value? Exact
fractions are used, so no float error decides a tie.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from monitorkit.published.verbal import (
    SCALE,
    base_value,
    is_verbal,
    printed_number,
    printed_range,
    share_like,
)

ROUNDING_RULES = ("half_up", "half_even", "truncate")


def round_percent(count: int, base: int, decimals: int = 0, rule: str = "half_up") -> Fraction:
    """100·count/base rounded to ``decimals`` places under ``rule``, as an exact Fraction."""
    return round_fraction(Fraction(100 * count, base), decimals, rule)


def round_fraction(value: Fraction, decimals: int = 0, rule: str = "half_up") -> Fraction:
    """An exact value rounded to ``decimals`` places under ``rule``."""
    scale = 10**decimals
    scaled = value * scale
    if rule == "half_up":
        whole = math.floor(scaled + Fraction(1, 2))
    elif rule == "half_even":
        whole = round(scaled)
    elif rule == "truncate":
        whole = math.floor(scaled)
    else:
        raise ValueError(f"unknown rounding rule {rule!r}; choose one of {ROUNDING_RULES}")
    return Fraction(whole, scale)


def feasible_counts(value: float, base: int, decimals: int = 0, rule: str = "half_up") -> list[int]:
    """Every count k in 0..base whose percentage prints as ``value`` under ``rule``."""
    target = Fraction(str(value))
    # A count can only print as the target if its exact percentage lies within one
    # rounding unit of it: |100k/N - target| <= 10^-decimals. Search all of those.
    reach = Fraction(base, 100 * 10**decimals)
    centre = target * base / 100
    low, high = math.floor(centre - reach) - 1, math.ceil(centre + reach) + 1
    window = range(max(0, low), min(base, high) + 1)
    return [k for k in window if round_percent(k, base, decimals, rule) == target]


def consistent_rules(values: list[float], base: int | list[int], decimals: int = 0) -> list[str]:
    """The rounding rules under which every value of a table is possible."""
    bases = base if isinstance(base, list) else [base] * len(values)
    return [
        rule
        for rule in ROUNDING_RULES
        if all(feasible_counts(v, n, decimals, rule) for v, n in zip(values, bases, strict=True))
    ]


def nearest_count(
    value: float, base: int, decimals: int = 0, rule: str = "half_up"
) -> tuple[int, bool]:
    """The feasible count closest to value·base/100, or the closest count at all.

    Returns (count, feasible). Ties go to the larger count (half up).
    """
    exact = Fraction(str(value)) * base / 100
    candidates = feasible_counts(value, base, decimals, rule)
    if candidates:
        return min(candidates, key=lambda k: (abs(k - exact), -k)), True
    return min(base, max(0, math.floor(exact + Fraction(1, 2)))), False


MAX_UNKNOWN_N = 2000
#: How far from the printed N another item N is looked for (item non-response), relatively.
ITEM_N_REACH = Fraction(1, 20)


def source_rule(figures) -> tuple[str, dict[str, int]]:
    """The one rounding rule a publication's figures with an N point to: the rule under
    which most of them print (ties in ROUNDING_RULES order), with the count per rule."""
    checked = [f for f in figures if f.is_percentage and f.n and not is_verbal(f)]
    fits = {
        rule: sum(bool(feasible_counts(f.value, f.n, f.decimals, rule)) for f in checked)
        for rule in ROUNDING_RULES
    }
    return max(ROUNDING_RULES, key=lambda rule: fits[rule]), fits


def explanations(figure, rule: str) -> list[str]:
    """Why a percentage that cannot print from its N under ``rule`` was printed, likeliest
    first: the item had another N (item non-response), the value is misprinted by one,
    or the table was rounded by another rule than the rest of the publication."""
    found = []
    reach = max(2, math.ceil(figure.n * ITEM_N_REACH))
    bases = [
        n
        for n in range(max(1, figure.n - reach), figure.n + reach + 1)
        if n != figure.n and feasible_counts(figure.value, n, figure.decimals, rule)
    ]
    if bases:
        found.append(f"the item's N was {_ranges(bases)} rather than {figure.n}")
    step = Fraction(1, 10**figure.decimals)
    near = [
        value
        for value in (Fraction(str(figure.value)) - step, Fraction(str(figure.value)) + step)
        if feasible_counts(float(value), figure.n, figure.decimals, rule)
    ]
    if near:
        shown = " or ".join(f"{float(v):g}" for v in near)
        found.append(f"a misprint of {shown}, which print from {figure.n} under {rule}")
    others = [
        other
        for other in ROUNDING_RULES
        if other != rule and feasible_counts(figure.value, figure.n, figure.decimals, other)
    ]
    if others:
        found.append(f"the table rounded by {' or '.join(others)}, unlike the rest")
    return found


def neither_counts(first, second, base: int, rule: str) -> list[int]:
    """How many could have answered neither of a yes/no pair that does not add to 100:
    the third answer category under which both shares print from ``base``."""
    return sorted(
        {
            base - k1 - k2
            for k1 in feasible_counts(first.value, base, first.decimals, rule)
            for k2 in feasible_counts(second.value, base, second.decimals, rule)
            if k1 + k2 < base
        }
    )


@dataclass
class FigureResult:
    """GRIM result for one printed percentage."""

    id: str
    label: str
    value: float | None
    n: int | None
    feasible: dict[str, list[int]] = field(default_factory=dict)
    note: str = ""
    #: Where the figure cannot print under its publication's rule: why it may have been
    #: printed anyway, likeliest first.
    explanations: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> dict[str, bool]:
        return {rule: bool(counts) for rule, counts in self.feasible.items()}

    @property
    def status(self) -> str:
        """'consistent', 'inconsistent' (impossible rounding half up), or 'not checkable'."""
        if not self.feasible:
            return "not checkable"
        return "consistent" if self.feasible["half_up"] else "inconsistent"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "value": self.value,
            "n": self.n,
            "status": self.status,
            "consistent": self.consistent,
            "feasible_counts": self.feasible,
            "note": self.note,
            "explanations": self.explanations,
        }


@dataclass
class RelationResult:
    """A check between figures: a table, a yes/no pair, a group split, a sum, a repeated figure."""

    type: str
    figures: list[str]
    rules: list[str]
    detail: str
    ok: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "figures": self.figures,
            "consistent_rules": self.rules,
            "ok": self.ok,
            "detail": self.detail,
        }


@dataclass
class ConsistencyReport:
    figures: list[FigureResult]
    relations: list[RelationResult]

    @property
    def inconsistent(self) -> bool:
        return any(f.status == "inconsistent" for f in self.figures) or any(
            not r.ok for r in self.relations
        )

    def as_dict(self) -> dict[str, Any]:
        checked = [f for f in self.figures if f.status != "not checkable"]
        return {
            "method": "GRIM for percentages (Brown & Heathers, 2017): integer counts k in 0..N "
            "whose percentage prints as the published value",
            "rules": list(ROUNDING_RULES),
            "summary": {
                "figures": len(self.figures),
                "checked": len(checked),
                "inconsistent": sum(f.status == "inconsistent" for f in checked),
                "relations": len(self.relations),
                "relations_failing": sum(not r.ok for r in self.relations),
            },
            "figures": [f.as_dict() for f in self.figures],
            "relations": [r.as_dict() for r in self.relations],
        }


def check_figure(figure) -> FigureResult:
    """Feasible counts of one figure under every rule; not checkable without a percentage and N."""
    result = FigureResult(figure.id, figure.label, figure.value, figure.n)
    if not figure.is_percentage:
        result.note = "not a percentage"
    elif is_verbal(figure):
        result.note = f"a verbal quantity ('{figure.value_text}'), not an exact percentage"
    elif figure.approximate:
        result.note = f"printed as an approximation ({figure.value_text})"
    elif figure.n is None:
        result.note = "no N printed"
    else:
        result.feasible = {
            rule: feasible_counts(figure.value, figure.n, figure.decimals, rule)
            for rule in ROUNDING_RULES
        }
    return result


def check_registry(registry) -> ConsistencyReport:
    """Every figure, table, complement, split, sum and repeated figure of a registry, and
    the relations the figures themselves state: divisions, parts of a count, and counts
    of one population printed twice."""
    figures = [check_figure(f) for f in registry.figures.values()]
    rules = {
        source: source_rule([f for f in registry.figures.values() if f.source == source])[0]
        for source in registry.sources
    }
    for result, figure in zip(figures, registry.figures.values(), strict=True):
        rule = rules[figure.source]
        if result.feasible and not result.feasible[rule]:
            result.explanations = explanations(figure, rule)
    tables = {
        table_id: members
        for table_id, members in registry.tables().items()
        if all(m.n for m in members)
    }
    relations = [_table_result(table_id, members) for table_id, members in tables.items()]
    relations.extend(_source_tables(tables))
    for check in registry.checks:
        members = [registry.figures[i] for i in check.figures]
        if check.type == "complement":
            relations.append(_complement(members))
        elif check.type == "split":
            relations.append(_split(registry.figures[check.total], members))
        elif check.type == "shares_of_one_total":
            relations.append(_shares_of_one_total(members))
        else:
            relations.append(_sum(registry.figures[check.total], members))
    relations.extend(_same_findings(registry))
    relations.extend(_divisions(registry))
    relations.extend(_parts(registry))
    relations.extend(_repeated_counts(registry))
    return ConsistencyReport(figures, relations)


def _table_result(table_id: str, members) -> RelationResult:
    rules = consistent_rules(
        [m.value for m in members], [m.n for m in members], members[0].decimals
    )
    detail = (
        f"every figure possible under: {', '.join(rules)}"
        if rules
        else "no single rounding rule makes every figure of the table possible"
    )
    return RelationResult(
        "table", [m.id for m in members], rules, f"{table_id}: {detail}", bool(rules)
    )


def _source_tables(tables: dict[str, list]) -> list[RelationResult]:
    """Rules shared by all tables of one source: a publication usually rounds one way."""
    by_source: dict[str, list] = {}
    for members in tables.values():
        by_source.setdefault(members[0].source, []).append(members)
    results = []
    for source, groups in by_source.items():
        if len(groups) < 2:
            continue
        members = [m for group in groups for m in group]
        rules = consistent_rules([m.value for m in members], [m.n for m in members])
        chosen, fits = source_rule(members)
        counted = ", ".join(f"{rule} {fits[rule]}" for rule in ROUNDING_RULES)
        detail = (
            f"{source}: all {len(groups)} tables with an N are possible under {', '.join(rules)}"
            if rules
            else f"{source}: no single rounding rule fits all {len(groups)} tables with an N; "
            f"figures that print per rule ({len(members)}): {counted}; the publication's "
            f"rule: {chosen} (see each misfit's explanations)"
        )
        results.append(
            RelationResult("source_tables", [m.id for m in members], rules, detail, bool(rules))
        )
    return results


def _complement(members) -> RelationResult:
    """Two shares of one base that must add to 100: is there a base and count that print both?"""
    first, second = members
    ids = [first.id, second.id]
    total = first.value + second.value
    bases = [first.n or second.n] if (first.n or second.n) else range(1, MAX_UNKNOWN_N + 1)
    rules = []
    for rule in ROUNDING_RULES:
        for base in bases:
            if any(
                round_percent(base - k, base, second.decimals, rule) == Fraction(str(second.value))
                for k in feasible_counts(first.value, base, first.decimals, rule)
            ):
                rules.append(rule)
                break
    base_text = f"N={bases[0]}" if len(bases) == 1 else "any N up to 2000"
    detail = (
        f"{first.value:g} + {second.value:g} = {total:g}; possible ({base_text}) under: "
        f"{', '.join(rules) or 'no rule'}"
    )
    if "half_up" not in rules and len(bases) == 1:
        neither = neither_counts(first, second, bases[0], "half_up")
        if neither:
            detail += (
                f"; likeliest: rounding half up with {_ranges(neither)} answering neither "
                "(a third answer category)"
            )
    return RelationResult("complement", ids, rules, detail, "half_up" in rules)


def _split(total_figure, groups) -> RelationResult:
    """Which sizes of the first group let the group percentages average to the total?"""
    base = total_figure.n
    ids = [total_figure.id, *[g.id for g in groups]]
    if base is None or len(groups) != 2:
        return RelationResult("split", ids, [], "needs a total N and two groups", True)
    first, second = groups
    sizes: dict[str, list[int]] = {}
    for rule in ROUNDING_RULES:
        totals = set(feasible_counts(total_figure.value, base, total_figure.decimals, rule))
        sizes[rule] = [
            n1
            for n1 in range(1, base)
            if any(
                k1 + k2 in totals
                for k1 in feasible_counts(first.value, n1, first.decimals, rule)
                for k2 in feasible_counts(second.value, base - n1, second.decimals, rule)
            )
        ]
    rules = [rule for rule, found in sizes.items() if found]
    detail = "; ".join(
        f"{rule}: {first.label} n in {_ranges(found) or 'none'}" for rule, found in sizes.items()
    )
    return RelationResult("split", ids, rules, detail, "half_up" in rules)


def _sum(total_figure, parts) -> RelationResult:
    """Counts that are printed as parts of a printed total."""
    added = sum(p.value for p in parts)
    ids = [total_figure.id, *[p.id for p in parts]]
    ok = added == total_figure.value
    detail = (
        f"{' + '.join(f'{p.value:g}' for p in parts)} = {added:g}, printed total "
        f"{total_figure.value:g}" + ("" if ok else f" (difference {total_figure.value - added:+g})")
    )
    return RelationResult("sum", ids, [], detail, ok)


def _shares_of_one_total(members) -> RelationResult:
    """Counts printed with their percentage of one unprinted total (800.000 = 45 procent,
    750.000 = 42 procent): the totals for which every pair prints as it does, rounding half
    up. Consistent when at least one total fits them all."""
    low, high = 1, None
    pairs = list(zip(members[::2], members[1::2], strict=True))
    for count, percent in pairs:
        half = Fraction(1, 2 * 10**percent.decimals)
        value = Fraction(str(percent.value))
        low = max(low, math.floor(Fraction(100 * int(count.value)) / (value + half)) + 1)
        if value > half:
            most = math.floor(Fraction(100 * int(count.value)) / (value - half))
            high = most if high is None else min(high, most)
    ok = high is None or low <= high
    printed = ", ".join(f"{c.value:,.0f} = {p.value:g}%" for c, p in pairs)
    found = f"{low:,} to {high:,}" if ok and high is not None else "none"
    detail = f"{printed} of one total: totals that print every share (half up): {found}"
    return RelationResult(
        "shares_of_one_total", [m.id for m in members], ["half_up"] if ok else [], detail, ok
    )


def _same_findings(registry) -> list[RelationResult]:
    """A finding printed twice must admit a common value and be a share of one population.

    Each printing stands for the range its digits or words allow ('ongeveer 30%',
    'bijna een derde'); the two ranges must overlap, and where both say what they are
    a share of (sociale diensten, gemeenten), it must be the same.
    """
    results, seen = [], set()
    for figure in registry.figures.values():
        for target, relation in figure.links:
            pair = tuple(sorted((figure.id, target)))
            if relation != "same_finding" or pair in seen:
                continue
            seen.add(pair)
            other = registry.figures[target]
            first, second = printed_range(figure), printed_range(other)
            if first is None or second is None:
                continue
            (low_a, high_a), (low_b, high_b) = first, second
            overlap = max(low_a, low_b) <= min(high_a, high_b)
            populations = {figure.population, other.population} - {None}
            detail = f"{_printed(figure)} and {_printed(other)}" + (
                "" if overlap else ": no value fits both"
            )
            if len(populations) > 1:
                detail += (
                    f"; printed as shares of different units: {' and '.join(sorted(populations))}"
                )
            ok = overlap and len(populations) <= 1
            results.append(RelationResult("same_finding", list(pair), [], detail, ok))
    return results


def _printed(figure) -> str:
    """A figure as printed: its words where it has them, else its number."""
    return f"'{figure.value_text}'" if figure.value_text else f"{figure.value:g}"


def _divisions(registry) -> list[RelationResult]:
    """A figure the text computes by division must lie in the range its printing admits.

    The figure names its numerator and divisors (``divided_from``); a share is compared
    in percentage points, an amount in its own unit.
    """
    results = []
    for figure in registry.figures.values():
        if not figure.divided_from:
            continue
        numbers = [base_value(registry.figures[i]) for i in figure.divided_from]
        values = [v for v in numbers if v]
        allowed = printed_range(figure)
        ids = [figure.id, *figure.divided_from]
        if allowed is None or len(values) < len(numbers):
            results.append(RelationResult("division", ids, [], "needs printed numbers", True))
            continue
        computed = values[0]
        for divisor in values[1:]:
            computed /= divisor
        computed /= SCALE.get(figure.unit, 1)
        if share_like(figure):
            computed *= 100
        low, high = allowed
        ok = low <= computed <= high
        shown = " / ".join(f"{float(v):,.0f}" for v in values)
        detail = (
            f"{_printed(figure)}: {shown} = {float(computed):,.4g}"
            f"{'%' if share_like(figure) else ''}; the printing admits "
            f"{float(low):,.4g} to {float(high):,.4g}"
        )
        results.append(RelationResult("division", ids, [], detail, ok))
    return results


def _parts(registry) -> list[RelationResult]:
    """Counts printed as parts of a printed count may not add up to more than it."""
    totals: dict[str, list] = {}
    for figure in registry.figures.values():
        if figure.part_of:
            totals.setdefault(figure.part_of, []).append(figure)
    results = []
    for total_id, parts in totals.items():
        total = registry.figures[total_id]
        numbers = [printed_number(part) for part in parts]
        whole = printed_number(total)
        ids = [total_id, *[part.id for part in parts]]
        values = [v for v in numbers if v is not None]
        if whole is None or len(values) < len(numbers):
            results.append(RelationResult("parts", ids, [], "needs printed numbers", True))
            continue
        added = sum(values)
        ok = added <= whole
        detail = f"{' + '.join(f'{float(v):g}' for v in values)} = {float(added):g} of " + (
            f"{float(whole):g} {total.population or total.label}"
        )
        if added > whole:
            detail += f": the parts exceed the total by {float(added - whole):g}"
        elif added < whole:
            detail += f" ({float(whole - added):g} in no part printed)"
        results.append(RelationResult("parts", ids, [], detail, ok))
    return results


def _repeated_counts(registry) -> list[RelationResult]:
    """Counts of one population in one section (not parts of each other) must agree."""
    groups: dict[tuple[str, str, str], list] = {}
    for figure in registry.figures.values():
        if figure.unit == "count" and figure.population and not figure.part_of:
            key = (figure.source, figure.section, figure.population)
            groups.setdefault(key, []).append(figure)
    results = []
    for (_, section, population), members in groups.items():
        if len(members) < 2:
            continue
        values = {printed_number(m) for m in members}
        detail = f"{section}: {population} printed as " + ", ".join(
            f"{_printed(m)} ({m.id})" for m in members
        )
        results.append(
            RelationResult("repeated_count", [m.id for m in members], [], detail, len(values) == 1)
        )
    return results


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> '3-5, 9'."""
    parts, start = [], None
    for index, number in enumerate(numbers):
        if start is None:
            start = number
        if index + 1 == len(numbers) or numbers[index + 1] != number + 1:
            parts.append(str(start) if start == number else f"{start}-{number}")
            start = None
    return ", ".join(parts)


@dataclass(frozen=True)
class PrintedPercentage:
    """A percentage a user copied from a report, with its N: what ``check_figure`` needs."""

    id: str
    label: str
    value: float
    n: int
    decimals: int = 0
    unit: str = "percent"
    rounding: str = "printed"
    value_text: str | None = None

    @property
    def is_percentage(self) -> bool:
        return True

    @property
    def approximate(self) -> bool:
        return False


#: Header names a user's table may use for each column (case aside).
TABLE_COLUMNS = {
    "label": ("label", "omschrijving", "item", "categorie"),
    "percent": ("percent", "percentage", "pct", "%"),
    "n": ("n", "basis", "base", "aantal"),
    "decimals": ("decimals", "decimalen"),
}


def read_percent_table(path: str | Path) -> list[PrintedPercentage]:
    """A csv of printed percentages: label, percent, n and optionally decimals per row.

    The delimiter may be ',' or ';' and a decimal comma is read; without a decimals
    column, each percentage is checked at the decimals it is written with.
    """
    import csv

    from monitorkit.errors import InputError, Location
    from monitorkit.published.registry import printed_decimals

    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the table: {exc}", Location(where)) from None
    dialect = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = [row for row in csv.reader(text.splitlines(), delimiter=dialect) if any(row)]
    if not rows:
        raise InputError("the table is empty", Location(where))
    header = [cell.strip().lower() for cell in rows[0]]
    positions = {
        role: next((header.index(name) for name in names if name in header), None)
        for role, names in TABLE_COLUMNS.items()
    }
    missing = [role for role in ("percent", "n") if positions[role] is None]
    if missing:
        raise InputError(
            f"no {' or '.join(missing)} column",
            Location(where),
            "give columns label, percent, n (and optionally decimals)",
        )
    figures = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {
            role: row[index].strip() if index is not None and index < len(row) else ""
            for role, index in positions.items()
        }
        printed = cells["percent"].rstrip("%").strip()
        try:
            value = float(printed.replace(",", "."))
            n = int(cells["n"])
            decimals = (
                int(cells["decimals"]) if cells["decimals"] else printed_decimals(printed, value)
            )
        except ValueError:
            raise InputError(
                f"row {number}: percent and n must be numbers, got {cells['percent']!r} and "
                f"{cells['n']!r}",
                Location(where, row=number),
            ) from None
        if n < 1 or not 0 <= value <= 100:
            raise InputError(
                f"row {number}: needs 0 <= percent <= 100 and n >= 1", Location(where, row=number)
            )
        label = cells["label"] or f"row {number}"
        figures.append(PrintedPercentage(f"row {number}", label, value, n, decimals))
    return figures


def check_percentages(figures: list[PrintedPercentage]) -> ConsistencyReport:
    """GRIM for each percentage of a user's table, and whether one rounding rule fits all."""
    results = [check_figure(figure) for figure in figures]
    relations = []
    if len(figures) > 1:
        relations.append(_table_result("the table", figures))
    return ConsistencyReport(results, relations)
