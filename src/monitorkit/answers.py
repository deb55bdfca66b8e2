"""Answer vocabularies: raw cell values -> selected / not selected / missing.

Each distinct value of a column is classified once and the result broadcast
over the respondents, so a 100k-row column costs one factorize, not 100k
Python calls. How every value was read is kept, so a user can check it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

SELECTED = 1
NOT_SELECTED = 0
MISSING = -1

SELECTED_WORDS = frozenset(
    {
        "ja",
        "j",
        "yes",
        "y",
        "1",
        "x",
        "waar",
        "true",
        "aangevinkt",
        "gekozen",
        "selected",
        "checked",
    }
)
NOT_SELECTED_WORDS = frozenset(
    {
        "nee",
        "n",
        "no",
        "0",
        "onwaar",
        "false",
        "niet aangevinkt",
        "niet gekozen",
        "not selected",
        "unchecked",
    }
)
MISSING_WORDS = frozenset(
    {
        "",
        "na",
        "n/a",
        "n.a.",
        "nan",
        "n.v.t.",
        "n.v.t",
        "nvt",
        "niet van toepassing",
        "weet niet",
        "weet ik niet",
        "geen antwoord",
        "geen mening",
        "missing",
        "none",
        "<na>",
        "-",
    }
)
READ_AS = {SELECTED: "selected", NOT_SELECTED: "not selected", MISSING: "missing"}

_SPACES = re.compile(r"\s+")


def normalise(value: Any) -> str:
    """Case- and whitespace-insensitive text of a cell; '' for an empty cell.

    Whole floats lose their '.0' (SPSS and Excel store 1 as 1.0).
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value)
    if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
        text = text[:-2]
    return _SPACES.sub(" ", text).strip().casefold()


def is_vocabulary_word(text: str) -> bool:
    """True for the answer words of the vocabularies (Ja, Nee, x, weet niet, ...)."""
    word = normalise(text)
    return word in SELECTED_WORDS or word in NOT_SELECTED_WORDS or (word and word in MISSING_WORDS)


@dataclass
class ValueRules:
    """What a file says about a column's codes: SPSS value labels and user-missing values."""

    value_labels: dict[Any, str] = field(default_factory=dict)
    missing_codes: list[Any] = field(default_factory=list)
    missing_ranges: list[tuple[float, float]] = field(default_factory=list)

    def is_user_missing(self, value: Any) -> bool:
        if value is None or (isinstance(value, float) and value != value):
            return False
        word = normalise(value)
        if any(word == normalise(code) for code in self.missing_codes):
            return True
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        return any(low <= number <= high for low, high in self.missing_ranges)

    def label_of(self, value: Any) -> str | None:
        word = normalise(value)
        for code, label in self.value_labels.items():
            if normalise(code) == word:
                return label
        return None


def classify(value: Any, option: str | None = None, rules: ValueRules | None = None) -> int:
    """Read one raw value as SELECTED, NOT_SELECTED or MISSING; None if unrecognised.

    Value labels are consulted first (so 2 = 'Nee' reads as not selected),
    then the vocabularies, then the option's own label text (SurveyMonkey and
    checkbox exports write the option itself when it is ticked).
    """
    rules = rules or ValueRules()
    if rules.is_user_missing(value):
        return MISSING
    word = normalise(value)
    if word in MISSING_WORDS:
        return MISSING
    label = rules.label_of(value)
    if label is not None:
        labelled = normalise(label)
        if labelled in SELECTED_WORDS:
            return SELECTED
        if labelled in NOT_SELECTED_WORDS:
            return NOT_SELECTED
        if labelled in MISSING_WORDS:
            return MISSING
        if option is not None and labelled == normalise(option):
            return SELECTED
    if word in SELECTED_WORDS:
        return SELECTED
    if word in NOT_SELECTED_WORDS:
        return NOT_SELECTED
    if option is not None and word == normalise(option):
        return SELECTED
    return None


@dataclass
class BinaryColumn:
    """One yes/no column read: a state per respondent and how each value was read."""

    states: np.ndarray
    readings: Counter = field(default_factory=Counter)

    @property
    def unrecognised(self) -> list[str]:
        return [value for (value, read_as) in self.readings if read_as == "unrecognised"]


def read_binary(
    series: pd.Series, option: str | None = None, rules: ValueRules | None = None
) -> BinaryColumn:
    """States (1 selected, 0 not selected, -1 missing) for a whole column at once.

    Values outside the vocabularies count as missing and are reported as
    'unrecognised' in the readings.
    """
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    lookup = np.full(len(uniques) + 1, MISSING, dtype=np.int8)
    readings: Counter = Counter()
    counts = np.bincount(codes + 1, minlength=len(uniques) + 1)
    for index, value in enumerate(uniques):
        state = classify(value, option, rules)
        shown = _display(value)
        if state is None:
            readings[(shown, "unrecognised")] += int(counts[index + 1])
            state = MISSING
        else:
            readings[(shown, READ_AS[state])] += int(counts[index + 1])
        lookup[index] = state
    if counts[0]:
        readings[("(empty)", "missing")] += int(counts[0])
    return BinaryColumn(lookup[codes], readings)


def _display(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_categories(
    series: pd.Series, rules: ValueRules | None = None
) -> tuple[pd.Series, Counter]:
    """Category labels for a single-choice column; missing words and codes become NA."""
    import pandas as pd

    rules = rules or ValueRules()
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    labels: list[Any] = []
    readings: Counter = Counter()
    counts = np.bincount(codes + 1, minlength=len(uniques) + 1)
    for index, value in enumerate(uniques):
        label = rules.label_of(value)
        shown = _display(value)
        if (
            rules.is_user_missing(value)
            or normalise(value) in MISSING_WORDS
            or (label is not None and normalise(label) in MISSING_WORDS)
        ):
            labels.append(None)
            readings[(shown, "missing")] += int(counts[index + 1])
        else:
            labels.append(label if label is not None else shown)
            readings[(shown, "category")] += int(counts[index + 1])
    if counts[0]:
        readings[("(empty)", "missing")] += int(counts[0])
    lookup = np.array([*labels, None], dtype=object)
    return pd.Series(lookup[codes], index=series.index, dtype=object), readings


def read_numbers(
    series: pd.Series, decimal: str = ".", rules: ValueRules | None = None
) -> tuple[pd.Series, Counter]:
    """Numbers from a column, honouring a decimal comma; missing codes and text become NA."""
    import pandas as pd

    rules = rules or ValueRules()
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    numbers = np.full(len(uniques) + 1, np.nan)
    readings: Counter = Counter()
    counts = np.bincount(codes + 1, minlength=len(uniques) + 1)
    for index, value in enumerate(uniques):
        shown = _display(value)
        number = None if rules.is_user_missing(value) else parse_number(value, decimal)
        if number is None:
            read_as = (
                "missing"
                if normalise(value) in MISSING_WORDS or rules.is_user_missing(value)
                else "unrecognised"
            )
            readings[(shown, read_as)] += int(counts[index + 1])
        else:
            numbers[index] = number
    if counts[0]:
        readings[("(empty)", "missing")] += int(counts[0])
    return pd.Series(numbers[codes], index=series.index), readings


def parse_number(value: Any, decimal: str = ".") -> float | None:
    """A float from a cell, or None; '1.234,5' reads as 1234.5 under a decimal comma."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        number = float(value)
        return None if number != number else number
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if decimal == ",":
        text = text.replace(".", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None
