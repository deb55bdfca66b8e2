"""Number formatting for renderers: English by default, Dutch (decimal comma) on request."""

from __future__ import annotations

import math

from monitorkit.options import Locale


def _is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_number(value: float | None, decimals: int = 1, locale: Locale = "en") -> str:
    """A number with fixed decimals and thousands separators; '–' when missing."""
    if _is_missing(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.00 is 0.00
    if locale == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_count(value: int | None, locale: Locale = "en") -> str:
    """A whole count with thousands separators."""
    return fmt_number(value, 0, locale)


def fmt_percent(value: float | None, decimals: int = 1, locale: Locale = "en") -> str:
    """A percentage: '57.0%' in English, '57,0 %' in Dutch."""
    if _is_missing(value):
        return "–"
    text = fmt_number(value, decimals, locale)
    return f"{text} %" if locale == "nl" else f"{text}%"


def fmt_interval(
    low: float | None, high: float | None, decimals: int = 1, locale: Locale = "en"
) -> str:
    """An interval as 'low–high', or 'low to high' ('tot' in Dutch) when a bound shows a
    minus sign (no % sign)."""
    if low is None or high is None or _is_missing(low) or _is_missing(high):
        return "–"
    low_text, high_text = fmt_number(low, decimals, locale), fmt_number(high, decimals, locale)
    negative = low_text.startswith("-") or high_text.startswith("-")
    joint = (" tot " if locale == "nl" else " to ") if negative else "–"
    return f"{low_text}{joint}{high_text}"


def fmt_p(value: float | None, locale: Locale = "en") -> str:
    """A p-value: three decimals, '<0.001' below that."""
    if value is None or _is_missing(value):
        return "–"
    if value < 0.001:
        return "<" + fmt_number(0.001, 3, locale)
    return fmt_number(value, 3, locale)
