"""What a printed quantity admits: the range of values its digits and words allow.

A figure printed as '37%' stands for anything that rounds to 37; 'ongeveer € 1.400' for
anything that rounds to 1,400 at its last significant digit; 'bijna een derde' for a
share a little under a third; 'de meeste' for more than half. Relations between figures
(a figure the text derives from others, a finding printed twice) are judged against
these ranges, and a verbal quantity is never taken for an exact percentage.
"""

from __future__ import annotations

import re
from fractions import Fraction

#: How far a verbal share ('de helft', 'ongeveer dertig procent') may lie from its
#: number, in percentage points.
VERBAL_SPREAD = Fraction(5, 2)
#: How far 'bijna' (almost) and 'ruim' (just over) reach from their number, relatively.
NEAR = Fraction(1, 10)

NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "vijftien": 15,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
}
#: Fraction words and the share they name.
FRACTION_WORDS = {
    "helft": Fraction(1, 2),
    "derde": Fraction(1, 3),
    "kwart": Fraction(1, 4),
    "vijfde": Fraction(1, 5),
}
#: Words that name a range of shares (percent) on their own.
SHARE_WORDS = {
    "overgrote meerderheid": (Fraction(75), Fraction(100)),
    "meerderheid": (Fraction(50), Fraction(100)),
    "de meeste": (Fraction(50), Fraction(100)),
    "merendeels": (Fraction(50), Fraction(100)),
    "bijna alle": (Fraction(90), Fraction(100)),
    "bijna overal": (Fraction(90), Fraction(100)),
    "alle": (Fraction(100), Fraction(100)),
}
APPROXIMATELY = ("ongeveer", "zo'n", "ca.", "circa", "rond ")
ALMOST = ("bijna",)
OVER = ("ruim", "meer dan")
SHARE_UNITS = ("percent", "fraction")
#: Factors that bring a unit to its base (a budget in millions to euros).
SCALE = {"million euro": 10**6}


def share_like(figure) -> bool:
    """A percentage or a fraction: compared in percentage points."""
    return figure.unit in SHARE_UNITS


def is_verbal(figure) -> bool:
    """Printed in words without a number or 'procent' ('de helft', 'bijna een derde')."""
    text = (figure.value_text or "").lower()
    return bool(text) and not re.search(r"\d|procent", text)


def printed_number(figure) -> Fraction | None:
    """The number a figure prints, in its unit (a fraction as a percentage)."""
    if figure.value is not None:
        return Fraction(str(figure.value))
    text = (figure.value_text or "").lower()
    for word, share in FRACTION_WORDS.items():
        match = re.search(rf"(\w+)\s+{word}\b", text)
        if match:
            times = NUMBER_WORDS.get(match.group(1), 1)
            return 100 * times * share
    words = re.findall(r"[\wé]+", text)
    numbers = [NUMBER_WORDS[word] for word in words if word in NUMBER_WORDS]
    return Fraction(numbers[-1]) if numbers else None


def _last_digit_unit(number: Fraction, decimals: int) -> Fraction:
    """The place of a printed number's last significant digit: 1,400 -> 100, 12.5 -> 0.1."""
    if decimals:
        return Fraction(1, 10**decimals)
    whole = int(number)
    unit = 1
    while whole and whole % 10 == 0:
        whole //= 10
        unit *= 10
    return Fraction(unit)


def printed_range(figure) -> tuple[Fraction, Fraction] | None:
    """The lowest and highest value the printed figure admits, in its unit (shares in
    percentage points); None when the text names no quantity."""
    text = (figure.value_text or "").lower()
    for words, bounds in SHARE_WORDS.items():
        if words in text and figure.value is None:
            return bounds
    number = printed_number(figure)
    if number is None:
        return None
    if any(word in text for word in ALMOST):
        return number * (1 - NEAR), number
    if any(word in text for word in OVER):
        return number, number * (1 + NEAR)
    if share_like(figure) and (is_verbal(figure) or any(w in text for w in APPROXIMATELY)):
        return number - VERBAL_SPREAD, number + VERBAL_SPREAD
    if any(word in text for word in APPROXIMATELY):
        half = _last_digit_unit(number, figure.decimals) / 2
        return number - half, number + half
    if share_like(figure):
        half = Fraction(1, 10**figure.decimals) / 2
        return number - half, number + half
    return number, number


def base_value(figure) -> Fraction | None:
    """A figure's number in the base of its unit (euros, persons), for arithmetic."""
    number = printed_number(figure)
    if number is None:
        return None
    return number * SCALE.get(figure.unit, 1)
