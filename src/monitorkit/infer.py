"""A codebook inferred from an export's headers and values (DESIGN §4).

Columns are grouped into questions by the header conventions of survey
platforms (``Question - Option``, ``Question: Option``, ``Question [Option]``,
``Question.Option``, Qualtrics' ``Selected Choice``, SurveyMonkey's two header
rows, SPSS variable labels and multiple-response sets). The values then decide
each question's type: yes/no columns sharing a question become ``multi`` (one
set, one base) or ``battery`` (each item its own base); a column of options
joined by ';' is a ``multi`` in one cell; otherwise ``single`` or ``numeric``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from monitorkit.answers import (
    MISSING_WORDS,
    NOT_SELECTED,
    SELECTED,
    ValueRules,
    normalise,
    parse_number,
    read_binary,
)
from monitorkit.codebook import Codebook, Item, Question
from monitorkit.readers import RawTable

#: Columns survey platforms add about the response rather than the respondent's answers.
PLATFORM_COLUMNS = frozenset(
    normalise(name)
    for name in (
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "RecordedDate",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "ExternalReference",
        "ExternalDataReference",
        "LocationLatitude",
        "LocationLongitude",
        "DistributionChannel",
        "UserLanguage",
        "Start Date",
        "End Date",
        "Recorded Date",
        "IP Address",
        "Response Type",
        "Collector ID",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "Duration",
        "Response Status",
    )
)
ID_NAMES = frozenset(
    normalise(name)
    for name in (
        "id",
        "respondent",
        "respondent id",
        "respondentid",
        "responseid",
        "response id",
        "respnr",
        "resp_id",
        "respondent_id",
        "record",
        "volgnummer",
    )
)
EXCLUSIVE_STARTS = ("geen", "none", "wij ervaren geen", "niets", "not applicable", "nvt")
SEPARATORS = (";", "|", ",", "/")
MAX_SINGLE_CATEGORIES = 30

_SELECTED_CHOICE = re.compile(r"\s+-\s+Selected Choice(\s+-\s+|$)", re.IGNORECASE)
_SPLITTERS = (
    re.compile(r"^(?P<stem>.+?)\s+-\s+(?P<option>.+)$"),
    re.compile(r"^(?P<stem>.+)\s+-\s+(?P<option>.+?)$"),
    re.compile(r"^(?P<stem>[^:]+?):\s*(?P<option>.+)$"),
    re.compile(r"^(?P<stem>.+?)\s*\[(?P<option>[^\]]+)\]$"),
    re.compile(r"^(?P<stem>[^.\s][^.]*?)\.(?P<option>[^.\s].*)$"),
    re.compile(r"^(?P<stem>[A-Za-z][\w]*?)_(?P<option>[A-Za-z0-9]+)$"),
)


@dataclass
class _Candidate:
    column: str
    stem: str
    option: str


def infer_codebook(raw: RawTable) -> Codebook:
    """Infer questions and types from a raw table; origin 'inferred'."""
    columns = raw.columns
    respondent_id = _find_id(raw, columns)
    ignored = [
        c
        for c in columns
        if normalise(c) in PLATFORM_COLUMNS or _is_text_entry(raw, c) or raw.frame[c].isna().all()
    ]
    pool = [c for c in columns if c != respondent_id and c not in ignored]
    questions: list[Question] = []
    used: set[str] = set()

    for name, mr_set in raw.mr_sets.items():
        members = [c for c in mr_set.get("variable_list", []) if c in pool]
        if len(members) >= 2:
            questions.append(_mr_set_question(raw, name, mr_set, members))
            used.update(members)

    groups = _group_columns(raw, [c for c in pool if c not in used])
    for stem, candidates in groups:
        question = _binary_group(raw, stem, candidates)
        if question is not None:
            questions.append(question)
            used.update(question.columns)

    for column in pool:
        if column in used:
            continue
        question = _single_column(raw, column)
        if question is None:
            ignored.append(column)
        else:
            questions.append(question)
    order = {column: index for index, column in enumerate(columns)}
    questions.sort(key=lambda q: order[q.columns[0]])
    _unique_ids(questions)
    return Codebook(
        questions=questions,
        id=respondent_id,
        origin="inferred",
        ignored=ignored,
        instrument=_stem_of_path(raw.source.path),
    )


def _is_text_entry(raw: RawTable, column: str) -> bool:
    """Qualtrics' 'other, namely' boxes: code ending _TEXT or text ending '- Text'."""
    return column.upper().endswith("_TEXT") or raw.text(column).endswith(" - Text")


def _stem_of_path(path: str) -> str:
    from pathlib import Path

    return Path(path).stem


def _find_id(raw: RawTable, columns: list[str]) -> str | None:
    for column in columns[:5]:
        if normalise(column) in ID_NAMES or normalise(raw.text(column)) in ID_NAMES:
            series = raw.frame[column].dropna()
            if len(series) and series.is_unique:
                return column
    return None


def _clean_text(text: str) -> str:
    """Qualtrics writes 'Question - Selected Choice - Option'; drop the marker."""
    return _SELECTED_CHOICE.sub(lambda m: m.group(1) if m.group(1).strip() else "", text).strip()


def _group_columns(raw: RawTable, columns: list[str]) -> list[tuple[str, list[_Candidate]]]:
    """Columns sharing a question stem, in file order; each column joins its largest group."""
    options: dict[str, list[_Candidate]] = {}
    for column in columns:
        if column in raw.header_pairs:
            stem, option = raw.header_pairs[column]
            options[column] = [_Candidate(column, stem, option)]
            continue
        found = []
        for text in dict.fromkeys([_clean_text(raw.text(column)), column]):
            for pattern in _SPLITTERS:
                match = pattern.match(text)
                if match:
                    found.append(_Candidate(column, match["stem"].strip(), match["option"].strip()))
        options[column] = found
    sizes = Counter(
        c.stem for found in options.values() for c in {x.stem: x for x in found}.values()
    )
    groups: dict[str, list[_Candidate]] = defaultdict(list)
    for found in options.values():
        best = max(found, key=lambda c: sizes[c.stem], default=None)
        if best is not None and sizes[best.stem] >= 2:
            groups[best.stem].append(best)
    return [(stem, members) for stem, members in groups.items() if len(members) >= 2]


def _binary_group(raw: RawTable, stem: str, candidates: list[_Candidate]) -> Question | None:
    """A multi or battery question from the group's columns that read as yes/no.

    Members that do not (an 'Anders, namelijk' text column beside the options)
    are left out, to be read as questions of their own; at least two must remain.
    """
    states, kept = [], []
    for candidate in candidates:
        column = raw.frame[candidate.column]
        read = read_binary(column, candidate.option, ValueRules.for_column(raw, candidate.column))
        if not read.unrecognised and (read.states >= 0).any():
            states.append(read.states)
            kept.append(candidate)
    if len(kept) < 2:
        return None
    matrix = np.column_stack(states)
    items = [
        Item(label=c.option, column=c.column, exclusive=_looks_exclusive(c.option)) for c in kept
    ]
    checkbox = not (matrix == NOT_SELECTED).any()
    answered = matrix >= 0
    same_rows = bool((answered.all(axis=1) | ~answered.any(axis=1)).all())
    kind = "multi" if checkbox or same_rows or any(i.exclusive for i in items) else "battery"
    return Question(id=_slug(stem), type=kind, label=stem, items=items)


def _looks_exclusive(label: str) -> bool:
    return normalise(label).startswith(EXCLUSIVE_STARTS)


def _mr_set_question(raw: RawTable, name: str, mr_set: dict, members: list[str]) -> Question:
    """An SPSS multiple-response set: a multi question over its variables."""
    counted = mr_set.get("counted_value")
    items = []
    for column in members:
        label = raw.labels.get(column, column)
        if not mr_set.get("is_dichotomy", True) or counted is None:
            items.append(Item(label=_clean_text(label), column=column))
            continue
        split = _SPLITTERS[2].match(label) or _SPLITTERS[0].match(label)
        items.append(Item(label=split["option"] if split else label, column=column))
    return Question(
        id=_slug(name.lstrip("$")),
        type="multi",
        label=mr_set.get("label") or name.lstrip("$"),
        items=items,
    )


def _single_column(raw: RawTable, column: str) -> Question | None:
    """One column on its own: yes/no battery item, multi in one cell, single or numeric."""
    series = raw.frame[column]
    rules = ValueRules.for_column(raw, column)
    label = _clean_text(raw.text(column))
    values = series.dropna()
    kept = [
        v
        for v in values.unique()
        if normalise(v) not in MISSING_WORDS and not rules.is_user_missing(v)
    ]
    present = values[values.isin(kept)]
    if present.empty:
        return None
    binary = read_binary(series, None, rules)
    if (
        not binary.unrecognised
        and (binary.states == SELECTED).any()
        and (binary.states == NOT_SELECTED).any()
        and not rules.value_labels.keys() - _binary_codes(rules)
    ):
        return Question(
            id=_slug(label), type="battery", label=label, items=[Item(label=label, column=column)]
        )
    if rules.value_labels:
        return Question(id=_slug(label), type="single", label=label, column=column)
    separator = _find_separator(present)
    if separator:
        cells = Counter(present.astype(str).value_counts().to_dict())
        chosen = _option_counts(cells, separator)
        options = sorted(chosen, key=lambda option: -chosen[option])
        return Question(
            id=_slug(label),
            type="multi",
            label=label,
            column=column,
            separator=separator,
            items=[Item(label=option) for option in options],
        )
    decimal = raw.source.decimal
    distinct = present.unique()
    numbers = [parse_number(v, decimal) for v in distinct]
    if all(n is not None for n in numbers):
        whole = all(float(n).is_integer() for n in numbers)
        kind = "single" if whole and len(distinct) <= 10 else "numeric"
        return Question(id=_slug(label), type=kind, label=label, column=column)
    if _looks_like_open_text(present, distinct):
        return None
    if len(distinct) <= MAX_SINGLE_CATEGORIES or len(distinct) <= 0.5 * len(present):
        return Question(id=_slug(label), type="single", label=label, column=column)
    return None


def _looks_like_open_text(present, distinct) -> bool:
    """Free text: every answer different (eight or more of them), or long answers."""
    every_answer_unique = len(distinct) == len(present) and len(present) >= 8
    return every_answer_unique or present.astype(str).str.len().mean() > 40


def _binary_codes(rules: ValueRules) -> set:
    from monitorkit.answers import classify

    return {code for code in rules.value_labels if classify(code, None, rules) is not None}


def _split_cell(value: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in str(value).split(separator) if part.strip())


def _option_counts(cells: Counter, separator: str) -> Counter:
    """How many respondents chose each option, from distinct cell texts and their counts."""
    options: Counter = Counter()
    for text, count in cells.items():
        for part in set(_split_cell(text, separator)):
            options[part] += count
    return options


def _find_separator(values) -> str | None:
    """A separator that splits cells into a small set of options recurring across cells.

    Works on the distinct cell texts (with their counts), not on every respondent.
    """
    cells = Counter(values.astype(str).value_counts().to_dict())
    for separator in SEPARATORS:
        holding = [text for text in cells if separator in text]
        if sum(cells[text] for text in holding) < 2:
            continue
        if separator == "," and all(re.fullmatch(r"-?\d+,\d+", text) for text in holding):
            continue
        options = _option_counts(cells, separator)
        if len(options) < 2 or len(options) > 40:
            continue
        recurring = sum(1 for n in options.values() if n >= 2) >= 0.6 * len(options)
        if recurring and len(options) <= len(cells):
            return separator
    return None


def _slug(text: str) -> str:
    """A short ascii identifier for a question text."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = "_".join(words)[:40].rstrip("_")
    return slug or "question"


def _unique_ids(questions: list[Question]) -> None:
    seen: Counter = Counter()
    for question in questions:
        seen[question.id] += 1
        if seen[question.id] > 1:
            question.id = f"{question.id}_{seen[question.id]}"
