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
from fractions import Fraction

ROUNDING_RULES = ("half_up", "half_even", "truncate")


def round_percent(count: int, base: int, decimals: int = 0, rule: str = "half_up") -> Fraction:
    """100·count/base rounded to ``decimals`` places under ``rule``, as an exact Fraction."""
    scale = 10**decimals
    scaled = Fraction(100 * count * scale, base)
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
    centre = int(target * base / 100)
    window = range(max(0, centre - 2), min(base, centre + 3) + 1)
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
