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
        "don't know",
        "dont know",
        "do not know",
        "not applicable",
        "prefer not to say",
        "zeg ik liever niet",
        "wil ik niet zeggen",
        "niet bekend",
        "onbekend",
    }
)
#: Beginnings of an exclusive option in a tick-all-that-apply set ('Geen van deze').
EXCLUSIVE_STARTS = (
    "geen",
    "none",
    "wij ervaren geen",
    "niets",
    "not applicable",
    "nvt",
    "weet ik niet",
    "weet niet",
    "don't know",
)
READ_AS = {SELECTED: "selected", NOT_SELECTED: "not selected", MISSING: "missing"}


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
    return " ".join(text.split()).casefold()  # runs of whitespace as one space, ends off


def looks_exclusive(label: str) -> bool:
    """An option that rules out the others ('Geen knelpunten', 'None of the above')."""
    return normalise(label).startswith(EXCLUSIVE_STARTS)


_TYPED_LOOK = re.compile(r"^[a-zà-ÿ]|[.!?]$|\b(via|namelijk|bijvoorbeeld|e\.g\.|i\.e\.)\b")


def looks_typed(text: str) -> bool:
    """Text that reads as typed by a respondent, not as a form's option: it starts in
    lower case, ends in a full stop or question mark, or explains ('via', 'namelijk')."""
    return bool(_TYPED_LOOK.search(text.strip()))


def is_vocabulary_word(text: str) -> bool:
    """True for the answer words of the vocabularies (Ja, Nee, x, weet niet, ...)."""
    word = normalise(text)
    return (
        word in SELECTED_WORDS or word in NOT_SELECTED_WORDS or bool(word and word in MISSING_WORDS)
    )


@dataclass
class ValueRules:
    """What a file says about a column's codes: SPSS value labels and user-missing values."""

    value_labels: dict[Any, str] = field(default_factory=dict)
    missing_codes: list[Any] = field(default_factory=list)
    missing_ranges: list[tuple[float, float]] = field(default_factory=list)

    @classmethod
    def for_column(
        cls, raw: Any, column: str, value_labels: dict | None = None, missing: list | None = None
    ) -> ValueRules:
        """The rules a raw table's file states for a column, plus a codebook's own."""
        labels = {**raw.value_labels.get(column, {}), **(value_labels or {})}
        codes = [*raw.missing_codes.get(column, []), *(missing or [])]
        return cls(labels, codes, list(raw.missing_ranges.get(column, [])))

    def label_order(self) -> list[str]:
        """Labels in code order (1, 2, ... 10), the order a scale was asked in.

        Text codes keep the order the file or codebook gives them in.
        """

        ordered = sorted(self.value_labels.items(), key=lambda pair: _code_key(pair[0]))
        return [
            label
            for code, label in ordered
            if normalise(label) not in MISSING_WORDS and not self.is_user_missing(code)
        ]

    def is_user_missing(self, value: Any) -> bool:
        if not self.missing_codes and not self.missing_ranges:
            return False
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


def classify(value: Any, option: str | None = None, rules: ValueRules | None = None) -> int | None:
    """Read one raw value as SELECTED, NOT_SELECTED or MISSING; None if unrecognised.

    Value labels are consulted first (so 2 = 'Nee' reads as not selected),
    then the vocabularies, then the option's own label text (SurveyMonkey and
    checkbox exports write the option itself when it is ticked).
    """
    rules = rules or ValueRules()
    if rules.is_user_missing(value):
        return MISSING
    word = normalise(value)
    if option is not None and word and word == normalise(option):
        return SELECTED  # 'Weet ik niet' ticked in a checkbox set is an answer
    if word in MISSING_WORDS:
        return MISSING
    label = rules.label_of(value)
    if label is not None:
        state = _state_of_word(normalise(label), option)
        if state is not None:
            return state
    return _state_of_word(word, option)


def _state_of_word(word: str, option: str | None) -> int | None:
    if word in SELECTED_WORDS:
        return SELECTED
    if word in NOT_SELECTED_WORDS:
        return NOT_SELECTED
    if word in MISSING_WORDS:
        return MISSING
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


@dataclass
class Distinct:
    """A column as its distinct values: read each once, then spread over the respondents."""

    codes: np.ndarray  # per respondent: index into values, -1 for an empty cell
    values: list[Any]
    counts: list[int]  # respondents per value
    empty: int  # respondents with an empty cell

    def spread(self, per_value: np.ndarray, empty_value: Any) -> np.ndarray:
        """Per-respondent results from one result per distinct value (rows for a 2-D table)."""
        filler = np.full((1, *per_value.shape[1:]), empty_value, dtype=per_value.dtype)
        return np.concatenate([per_value, filler])[self.codes]

    def readings(self) -> Counter:
        """A readings counter that already holds the empty cells."""
        return Counter({("(empty)", "missing"): self.empty} if self.empty else {})


def distinct(series: pd.Series) -> Distinct:
    """Factorize a column once (pandas), counting the respondents per distinct value."""
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    counts = np.bincount(codes + 1, minlength=len(uniques) + 1)
    return Distinct(codes, list(uniques), [int(n) for n in counts[1:]], int(counts[0]))


def read_binary(
    series: pd.Series, option: str | None = None, rules: ValueRules | None = None
) -> BinaryColumn:
    """States (1 selected, 0 not selected, -1 missing) for a whole column at once.

    Values outside the vocabularies count as missing and are reported as
    'unrecognised' in the readings.
    """
    return _read_by_value(series, lambda value: classify(value, option, rules))


def display(value: Any) -> str:
    """A cell as text: whole floats without '.0', surrounding spaces off."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass
class Categories:
    """A single-choice column read: a label per respondent, NA where not a valid answer.

    ``missing`` counts the explicit non-answers (Weet niet, n.v.t., user-missing codes)
    by their label, in code order, so a table can show what left the base.
    """

    values: pd.Series
    readings: Counter
    missing: dict[str, int]
    #: Per respondent the label of an explicit non-answer, NA otherwise.
    missing_values: pd.Series


def read_categories(series: pd.Series, rules: ValueRules | None = None) -> Categories:
    """Category labels for a single-choice column; missing words and codes become NA."""
    import pandas as pd

    rules = rules or ValueRules()
    column = distinct(series)
    labels = np.full(len(column.values), None, dtype=object)
    missing_labels = np.full(len(column.values), None, dtype=object)
    readings = column.readings()
    for index, (value, count) in enumerate(zip(column.values, column.counts, strict=True)):
        label = rules.label_of(value)
        shown = display(value)
        if (
            rules.is_user_missing(value)
            or normalise(value) in MISSING_WORDS
            or (label is not None and normalise(label) in MISSING_WORDS)
        ):
            readings[(shown, "missing")] += count
            missing_labels[index] = label if label is not None else shown
        else:
            labels[index] = label if label is not None else shown
            readings[(shown, "category")] += count
    missing: Counter = Counter()
    for index in sorted(range(len(column.values)), key=lambda i: _code_key(column.values[i])):
        if missing_labels[index] is not None:
            missing[missing_labels[index]] += column.counts[index]
    return Categories(
        pd.Series(column.spread(labels, None), index=series.index, dtype=object),
        readings,
        dict(missing),
        pd.Series(column.spread(missing_labels, None), index=series.index, dtype=object),
    )


def _code_key(value: Any) -> tuple[int, float]:
    """Stable-sort key: numeric codes in numeric order first, text codes as given."""
    number = parse_number(value)
    return (0, number) if number is not None else (1, 0.0)


def read_numbers(
    series: pd.Series, decimal: str = ".", rules: ValueRules | None = None
) -> tuple[pd.Series, Counter]:
    """Numbers from a column, honouring a decimal comma; missing codes and text become NA.

    An answer at a bound ('50+', '<1') counts as that bound and is reported in the
    readings as 'read as its bound'.
    """
    import pandas as pd

    rules = rules or ValueRules()
    column = distinct(series)
    numbers = np.full(len(column.values), np.nan)
    readings = column.readings()
    for index, (value, count) in enumerate(zip(column.values, column.counts, strict=True)):
        missing = rules.is_user_missing(value) or normalise(value) in MISSING_WORDS
        number = None if missing else parse_number(value, decimal)
        bounded = None if missing or number is not None else parse_bounded(value, decimal)
        if bounded is not None:
            numbers[index] = bounded
            readings[(display(value), "read as its bound")] += count
        elif number is None:
            readings[(display(value), "missing" if missing else "unrecognised")] += count
        else:
            numbers[index] = number
    return pd.Series(column.spread(numbers, np.nan), index=series.index), readings


_CURRENCY = re.compile(r"^(€|eur|\$|£)\s?", re.IGNORECASE)
_SPACED_THOUSANDS = re.compile(r"^-?\d{1,3}( \d{3})+([.,]\d+)?$")
_BOUND = re.compile(r"^(?:[<>≤≥]=?\s*)?(?P<number>[^<>≤≥+]+?)\s*\+?$")
#: Codes platforms write for 'seen but not answered', 'refused' or 'don't know' in
#: otherwise non-negative numbers (Qualtrics' -99 recode, SurveyCTO's -99/-98).
SENTINEL_CODES = frozenset({-99.0, -98.0, -97.0, -96.0, -95.0, -999.0, -9.0})


def parse_number(value: Any, decimal: str = ".") -> float | None:
    """A float from a cell, or None; '1.234,5' reads as 1234.5 under a decimal comma.

    A currency sign in front ('€ 1.234,56', as Dutch Excel writes amounts) is
    dropped; spaces count only as thousands separators ('1 234 567'), so '1 3'
    (two codes of a list) is no number.
    """
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        number = float(value)
        return None if number != number else number
    text = _CURRENCY.sub("", str(value).strip()).replace("\u00a0", " ").strip()
    if " " in text:
        if not _SPACED_THOUSANDS.match(text):
            return None
        text = text.replace(" ", "")
    if decimal == ",":
        text = text.replace(".", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def parse_bounded(value: Any, decimal: str = ".") -> float | None:
    """A number written at a bound ('50+', '<1', '>= 10') as that bound; else None."""
    text = str(value).strip()
    if not text or not (text[0] in "<>≤≥" or text.endswith("+")):
        return None
    match = _BOUND.match(text)
    return parse_number(match.group("number"), decimal) if match else None


#: Ordered answer scales (Likert-type, quality, frequency, likelihood), Dutch and
#: English, each as the platform writes its points. Answers read as a scale only
#: when one wording holds them all: 'Somewhat satisfied' and 'Satisfied' are
#: different points, never one.
SCALES: tuple[tuple[str, ...], ...] = (
    # agreement
    ("Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"),
    ("Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"),
    ("Zeer oneens", "Oneens", "Neutraal", "Eens", "Zeer eens"),
    ("Zeer mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Zeer mee eens"),
    ("Helemaal niet mee eens", "Niet mee eens", "Neutraal", "Mee eens", "Helemaal mee eens"),
    (
        "Helemaal mee oneens",
        "Mee oneens",
        "Niet mee eens, niet mee oneens",
        "Mee eens",
        "Helemaal mee eens",
    ),
    ("Helemaal oneens", "Oneens", "Niet eens, niet oneens", "Eens", "Helemaal eens"),
    ("Helemaal oneens", "Oneens", "Eens noch oneens", "Eens", "Helemaal eens"),
    ("Volledig oneens", "Oneens", "Noch eens, noch oneens", "Eens", "Volledig eens"),
    (
        "Helemaal oneens",
        "Oneens",
        "Enigszins oneens",
        "Neutraal",
        "Enigszins eens",
        "Eens",
        "Helemaal eens",
    ),
    (
        "Helemaal mee oneens",
        "Mee oneens",
        "Een beetje mee oneens",
        "Neutraal",
        "Een beetje mee eens",
        "Mee eens",
        "Helemaal mee eens",
    ),
    (
        "Helemaal oneens",
        "Oneens",
        "Eerder oneens",
        "Neutraal",
        "Eerder eens",
        "Eens",
        "Helemaal eens",
    ),
    ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"),
    ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"),
    (
        "Strongly disagree",
        "Somewhat disagree",
        "Neither agree nor disagree",
        "Somewhat agree",
        "Strongly agree",
    ),
    (
        "Strongly disagree",
        "Disagree",
        "Somewhat disagree",
        "Neither agree nor disagree",
        "Somewhat agree",
        "Agree",
        "Strongly agree",
    ),
    # satisfaction
    ("Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"),
    (
        "Zeer ontevreden",
        "Ontevreden",
        "Niet tevreden, niet ontevreden",
        "Tevreden",
        "Zeer tevreden",
    ),
    ("Heel ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Heel tevreden"),
    ("Zeer ontevreden", "Ontevreden", "Tevreden noch ontevreden", "Tevreden", "Zeer tevreden"),
    (
        "Zeer ontevreden",
        "Ontevreden",
        "Enigszins ontevreden",
        "Neutraal",
        "Enigszins tevreden",
        "Tevreden",
        "Zeer tevreden",
    ),
    (
        "Very dissatisfied",
        "Dissatisfied",
        "Neither satisfied nor dissatisfied",
        "Satisfied",
        "Very satisfied",
    ),
    ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"),
    (
        "Extremely dissatisfied",
        "Somewhat dissatisfied",
        "Neither satisfied nor dissatisfied",
        "Somewhat satisfied",
        "Extremely satisfied",
    ),
    (
        "Very dissatisfied",
        "Dissatisfied",
        "Somewhat dissatisfied",
        "Neither satisfied nor dissatisfied",
        "Somewhat satisfied",
        "Satisfied",
        "Very satisfied",
    ),
    (
        "Extremely dissatisfied",
        "Moderately dissatisfied",
        "Slightly dissatisfied",
        "Neither satisfied nor dissatisfied",
        "Slightly satisfied",
        "Moderately satisfied",
        "Extremely satisfied",
    ),
    # frequency
    ("Nooit", "Zelden", "Soms", "Vaak", "Altijd"),
    ("Nooit", "Soms", "Regelmatig", "Vaak", "Altijd"),
    ("Nooit", "Zelden", "Soms", "Regelmatig", "Vaak", "Altijd"),
    ("Nooit", "Zelden", "Soms", "Vaak", "Heel vaak"),
    ("Never", "Rarely", "Sometimes", "Often", "Always"),
    ("Never", "Rarely", "Sometimes", "Very often", "Always"),
    # quality
    ("Zeer slecht", "Slecht", "Matig", "Goed", "Zeer goed"),
    ("Slecht", "Matig", "Voldoende", "Goed", "Uitstekend"),
    ("Zeer slecht", "Slecht", "Redelijk", "Goed", "Zeer goed"),
    ("Zeer slecht", "Slecht", "Voldoende", "Goed", "Zeer goed"),
    ("Zeer slecht", "Slecht", "Redelijk", "Goed", "Uitstekend"),
    ("Heel slecht", "Slecht", "Neutraal", "Goed", "Heel goed"),
    ("Very poor", "Poor", "Fair", "Good", "Very good"),
    ("Very poor", "Poor", "Fair", "Good", "Excellent"),
    ("Very poor", "Poor", "Average", "Good", "Very good"),
    ("Poor", "Fair", "Good", "Very good", "Excellent"),
    ("Terrible", "Poor", "Average", "Good", "Excellent"),
    # importance, usefulness, extent, likelihood
    ("Helemaal niet belangrijk", "Niet belangrijk", "Neutraal", "Belangrijk", "Zeer belangrijk"),
    ("Zeer onbelangrijk", "Onbelangrijk", "Neutraal", "Belangrijk", "Zeer belangrijk"),
    ("Helemaal niet nuttig", "Niet nuttig", "Neutraal", "Nuttig", "Zeer nuttig"),
    ("Helemaal niet", "In geringe mate", "In enige mate", "In grote mate", "In zeer grote mate"),
    (
        "Zeer onwaarschijnlijk",
        "Onwaarschijnlijk",
        "Neutraal",
        "Waarschijnlijk",
        "Zeer waarschijnlijk",
    ),
    (
        "Not at all important",
        "Slightly important",
        "Moderately important",
        "Very important",
        "Extremely important",
    ),
    ("Not important at all", "Not important", "Neutral", "Important", "Very important"),
    (
        "Not at all",
        "To a small extent",
        "To some extent",
        "To a large extent",
        "To a very large extent",
    ),
    ("Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely", "Very likely"),
    (
        "Extremely unlikely",
        "Somewhat unlikely",
        "Neither likely nor unlikely",
        "Somewhat likely",
        "Extremely likely",
    ),
    (
        "Very dissatisfied",
        "Dissatisfied",
        "Somewhat dissatisfied",
        "Neutral",
        "Somewhat satisfied",
        "Satisfied",
        "Very satisfied",
    ),
    (
        "Strongly disagree",
        "Disagree",
        "Somewhat disagree",
        "Neutral",
        "Somewhat agree",
        "Agree",
        "Strongly agree",
    ),
)
_SCALE_WORDS = frozenset(normalise(point) for scale in SCALES for point in scale)
#: Answers with an order but no score to average (Net Promoter groups).
ORDERED_ANSWERS: tuple[tuple[str, ...], ...] = (("Detractor", "Passive", "Promoter"),)


def is_scale_point(text: str) -> bool:
    """A point of some known scale ('Tevreden', 'Strongly agree')."""
    return normalise(text) in _SCALE_WORDS


def natural_order(answers: list[str]) -> list[str] | None:
    """The known order of answers that have one but are no scale, every answer listed."""
    words = {normalise(answer): answer for answer in answers}
    for order in ORDERED_ANSWERS:
        if words.keys() <= {normalise(point) for point in order}:
            return [words.get(normalise(point), point) for point in order]
    return None


def scale_points(answers: list[str]) -> list[str] | None:
    """Every point of the scale the answers belong to, in scale order; else None.

    One wording holding all the answers decides; the shortest such scale wins (a
    5-point before a 7-point scale). Answers that mix wordings of one length
    ('Helemaal mee oneens' with 'Niet eens, niet oneens') are placed when every
    answer sits at one position in all wordings of that length and no two share one.
    Points are shown as the data writes them (case aside); a point nobody chose in
    the wording most answers use. At least two different points must occur.
    """
    words = {normalise(answer): answer for answer in answers}
    if len(words) < 2:
        return None
    fitting = [scale for scale in SCALES if words.keys() <= {normalise(p) for p in scale}]
    if fitting:
        scale = min(fitting, key=len)
        return [words.get(normalise(point), point) for point in scale]
    for length in sorted({len(scale) for scale in SCALES}):
        scales = [scale for scale in SCALES if len(scale) == length]
        positions: dict[str, set[int]] = {}
        for scale in scales:
            for position, point in enumerate(scale):
                positions.setdefault(normalise(point), set()).add(position)
        if not words.keys() <= positions.keys():
            continue
        placed = {word: positions[word] for word in words}
        if any(len(found) != 1 for found in placed.values()):
            continue
        taken = [next(iter(found)) for found in placed.values()]
        if len(set(taken)) != len(taken):
            continue
        model = max(scales, key=lambda scale: sum(normalise(p) in words for p in scale))
        shown = list(model)
        for word, found in placed.items():
            shown[next(iter(found))] = words[word]
        return shown
    return None


def split_fragments(text: str, separator: str) -> list[str]:
    """A one-cell list split at the separator, never inside brackets ('Meetups (a, b)')."""
    marker = separator.strip() or separator
    if "(" not in text and "[" not in text and "{" not in text:
        return [part.strip() for part in text.split(marker) if part.strip()]
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(0, depth - 1)
        if depth == 0 and text.startswith(marker, index):
            parts.append("".join(current))
            current = []
            index += len(marker)
            continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def is_continuation(fragment: str) -> bool:
    """A fragment that starts in lower case continues the option before it ('Werk en
    inkomen, inclusief schuldhulp'; 'Alleenstaand; met kinderen')."""
    return fragment[:1].islower()


_AROUND_SEPARATOR = re.compile(r"\s*([;,|])\s*")


def option_key(text: str) -> str:
    """An option's text for matching list parts: case, spaces and spacing at ';,|' aside."""
    return _AROUND_SEPARATOR.sub(r"\1 ", normalise(text)).strip()


def option_index(labels: list[str]) -> dict[str, int]:
    """Option keys -> position, for ``split_options``."""
    return {option_key(label): index for index, label in enumerate(labels)}


@dataclass
class CellOptions:
    """The options found in one list cell, and any text that is none of them (a write-in)."""

    options: list[int]
    write_in: str = ""


def split_options(text: str, separator: str, known: dict[str, int]) -> CellOptions:
    """Match a list cell against known options (``option_index``), longest first.

    Options may themselves contain the separator ('Werk en inkomen, inclusief
    schuldhulp'); whatever matches no option is the respondent's own 'Other' text,
    which platforms write as one more element of the list.
    """
    fragments = split_fragments(text, separator)
    joiner = separator if separator.strip() not in (",", ";") else f"{separator.strip()} "
    found: list[int] = []
    rest: list[str] = []
    start = 0
    while start < len(fragments):
        for end in range(len(fragments), start, -1):
            option = known.get(option_key(joiner.join(fragments[start:end])))
            if option is not None:
                if option not in found:
                    found.append(option)
                start = end
                break
        else:
            rest.append(fragments[start])
            start += 1
    return CellOptions(found, joiner.join(rest))


def _read_by_value(series: pd.Series, state_of) -> BinaryColumn:
    """States for a whole column from a function of one distinct value (None: unrecognised)."""
    column = distinct(series)
    lookup = np.full(len(column.values), MISSING, dtype=np.int8)
    readings = column.readings()
    for index, (value, count) in enumerate(zip(column.values, column.counts, strict=True)):
        state = state_of(value)
        readings[(display(value), "unrecognised" if state is None else READ_AS[state])] += count
        lookup[index] = MISSING if state is None else state
    return BinaryColumn(column.spread(lookup, MISSING), readings)


def read_counted(series: pd.Series, counted: list[Any], rules: ValueRules) -> BinaryColumn:
    """An SPSS dichotomy-set column: the counted value is selected, any other answer is not.

    The set declares which code counts (VALUE=2 means code 2), whatever its labels say.
    """
    wanted = {normalise(value) for value in counted}

    def state_of(value: Any) -> int:
        if rules.is_user_missing(value) or normalise(value) in MISSING_WORDS:
            return MISSING
        return SELECTED if normalise(value) in wanted else NOT_SELECTED

    return _read_by_value(series, state_of)


def read_written(series: pd.Series, rules: ValueRules) -> BinaryColumn:
    """A write-in option's own column: any written text selects it; 'Nee'/0 does not."""

    def state_of(value: Any) -> int:
        state = classify(value, None, rules)
        return SELECTED if state is None else state

    return _read_by_value(series, state_of)
