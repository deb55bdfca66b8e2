"""Responses: a raw table read through a codebook, with each question's base.

Base rules (DESIGN §4):

* ``battery`` — each item's base is the respondents with a valid answer to it.
* ``multi`` with explicit not-selected values — the respondents who answered
  any item of the set.
* ``multi`` from a checkbox export (only selected or empty) — the respondents
  with at least one selected item (the SPSS multiple-response convention).
* ``multi`` in one cell — the respondents whose cell is not empty.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from monitorkit.answers import (
    MISSING,
    MISSING_WORDS,
    NOT_SELECTED,
    SELECTED,
    ValueRules,
    distinct,
    normalise,
    read_binary,
    read_categories,
    read_numbers,
)
from monitorkit.codebook import Codebook, Question, check_columns, match_bundled, read_codebook
from monitorkit.errors import CodebookError, InputError, UsageError
from monitorkit.readers import RawTable, SourceInfo, read_table

if TYPE_CHECKING:
    import pandas as pd

BASE_RULES = {
    "items": "per item: respondents with a valid answer to that item",
    "answered": "respondents who answered the set (any item not missing)",
    "selected": "respondents with at least one option selected (checkbox export: "
    "unticked and unanswered cannot be told apart)",
    "cell": "respondents whose answer cell is not empty",
    "valid": "respondents with a valid answer",
}


@dataclass
class QuestionResponses:
    """One question's answers: a state matrix (multi, battery) or values (single, numeric)."""

    question: Question
    base_rule: str
    states: np.ndarray | None = None
    values: pd.Series | None = None
    readings: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    #: Category order of a single question (value-label code order); others follow by frequency.
    order: list[str] = field(default_factory=list)

    @property
    def item_bases(self) -> np.ndarray:
        return (self.states >= 0).sum(axis=0)


@dataclass
class Responses:
    """Every question of a survey read through its codebook."""

    source: SourceInfo
    codebook: Codebook
    questions: list[QuestionResponses]
    raw: RawTable
    provenance: dict[str, Any] | None = None
    weights: np.ndarray | None = None
    weight_column: str | None = None

    def question(self, question_id: str) -> QuestionResponses:
        """One question's responses by id; the codebook's error lists the ids if absent."""
        position = self.codebook.questions.index(self.codebook.question(question_id))
        return self.questions[position]

    def group_values(self, by: str) -> pd.Series:
        """Group labels per respondent from a single question id or a raw column name."""
        for entry in self.questions:
            if entry.question.id == by and entry.question.type == "single":
                return entry.values
        if by in self.raw.frame.columns:
            values, _ = read_categories(self.raw.frame[by], ValueRules.for_column(self.raw, by))
            return values
        singles = [q.question.id for q in self.questions if q.question.type == "single"]
        raise UsageError(
            f"--by '{by}' is neither a single-choice question nor a column",
            self.raw.location(),
            f"single-choice questions: {', '.join(singles) or 'none'}",
        )


def _rules_for(raw: RawTable, column: str, question: Question) -> ValueRules:
    return ValueRules.for_column(raw, column, question.value_labels, question.missing)


def read_survey(
    path: str | Path,
    *,
    codebook: str | Path | Codebook | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_rows: int | None = None,
    weight: str | None = None,
) -> Responses:
    """Read a survey export and apply a codebook: given, bundled (matched by columns) or inferred.

    ``path`` may also be the name of a bundled dataset (see ``monitorkit datasets``).
    ``weight`` names a column of positive weights.
    """
    from monitorkit.datasets import provenance_of, resolve_input

    resolved = resolve_input(path)
    raw = read_table(
        resolved, sheet=sheet, encoding=encoding, delimiter=delimiter, header_rows=header_rows
    )
    provenance = provenance_of(resolved)
    if provenance:
        raw.source.path = provenance["dataset"]
    chosen = resolve_codebook(raw, codebook)
    if weight and chosen.origin == "inferred":
        chosen.questions = [q for q in chosen.questions if q.columns != [weight]]
        chosen.ignored.append(weight)
    responses = build_responses(raw, chosen, provenance)
    if weight:
        responses.weights = read_weights(raw, weight)
        responses.weight_column = weight
    return responses


def read_weights(raw: RawTable, column: str) -> np.ndarray:
    """Positive weights from a column; missing, zero or negative ones are refused by row."""
    import difflib

    if column not in raw.frame.columns:
        close = difflib.get_close_matches(column, raw.columns, n=1, cutoff=0.5)
        raise UsageError(
            f"weight column '{column}' is not in the data",
            raw.location(),
            f"the closest header is '{close[0]}'" if close else "check --weight",
        )
    values, _ = read_numbers(raw.frame[column], raw.source.decimal)
    bad = values.isna() | (values <= 0)
    if bad.any():
        rows = [str(row) for row in values.index[bad.to_numpy()][:10]]
        more = f" and {int(bad.sum()) - 10} more" if bad.sum() > 10 else ""
        raise InputError(
            f"weights must be positive numbers; {int(bad.sum())} row(s) have a missing, zero or "
            f"negative weight: rows {', '.join(rows)}{more}",
            raw.location(column=column),
            "fix or drop those rows, or rake the data again with 'monitorkit weight'",
        )
    return values.to_numpy(dtype=float)


def resolve_codebook(raw: RawTable, codebook: str | Path | Codebook | None) -> Codebook:
    """The codebook to use: the one given, else a matching bundled one, else inferred."""
    if isinstance(codebook, Codebook):
        chosen = codebook
    elif codebook is not None:
        chosen = read_codebook(codebook)
    else:
        chosen = match_bundled(raw.columns)
        if chosen is None:
            from monitorkit.infer import infer_codebook

            inferred = infer_codebook(raw)
            if not inferred.questions:
                raise CodebookError(
                    "no questions found: every column is open text, empty or platform metadata "
                    f"({len(raw.columns)} columns)",
                    raw.location(),
                    "write a codebook and pass it with --codebook; 'monitorkit codebook infer' "
                    "shows what was recognised",
                )
            return inferred
    check_columns(chosen, raw.columns, raw.location())
    return chosen


def build_responses(raw: RawTable, codebook: Codebook, provenance: dict | None = None) -> Responses:
    """Read every question of the codebook from the raw table."""
    provenance = provenance or codebook.provenance
    questions = [_read_question(raw, question) for question in codebook.questions]
    return Responses(raw.source, codebook, questions, raw, provenance)


def _read_question(raw: RawTable, question: Question) -> QuestionResponses:
    frame = raw.frame
    if question.type == "single":
        rules = _rules_for(raw, question.column, question)
        values, readings = read_categories(frame[question.column], rules)
        return QuestionResponses(
            question, "valid", values=values, readings=readings, order=rules.label_order()
        )
    if question.type == "numeric":
        values, readings = read_numbers(
            frame[question.column], raw.source.decimal, _rules_for(raw, question.column, question)
        )
        entry = QuestionResponses(question, "valid", values=values, readings=readings)
        _warn_unrecognised(entry, "not a number")
        return entry
    if question.column is not None:
        return _read_one_cell_multi(raw, question)
    columns = []
    readings: Counter = Counter()
    for item in question.items:
        read = read_binary(frame[item.column], item.label, _rules_for(raw, item.column, question))
        columns.append(read.states)
        readings.update(read.readings)
    states = np.column_stack(columns) if columns else np.empty((len(frame), 0), dtype=np.int8)
    if question.type == "battery":
        entry = QuestionResponses(question, "items", states=states, readings=readings)
    else:
        entry = _multi_base(question, states, readings)
    _warn_unrecognised(entry, "not a yes/no answer")
    _warn_exclusive(entry)
    return entry


def _multi_base(question: Question, states: np.ndarray, readings: Counter) -> QuestionResponses:
    """Apply the multi-set base: answered the set, or at least one selected for checkboxes."""
    selected = states == SELECTED
    if (states == NOT_SELECTED).any():
        in_base = (states >= 0).any(axis=1)
        rule = "answered"
    else:
        in_base = selected.any(axis=1)
        rule = "selected"
    result = np.where(selected, SELECTED, NOT_SELECTED).astype(np.int8)
    result[~in_base] = MISSING
    return QuestionResponses(question, rule, states=result, readings=readings)


def _read_one_cell_multi(raw: RawTable, question: Question) -> QuestionResponses:
    """A multi question whose cells list the chosen options joined by a separator."""
    column = distinct(raw.frame[question.column])
    wanted = {normalise(item.label): index for index, item in enumerate(question.items)}
    lookup = np.zeros((len(column.values), len(question.items)), dtype=np.int8)
    readings = column.readings()
    unknown: Counter = Counter()
    for index, (value, count) in enumerate(zip(column.values, column.counts, strict=True)):
        parts = [p.strip() for p in str(value).split(question.separator) if p.strip()]
        if not parts or all(normalise(p) in MISSING_WORDS for p in parts):
            lookup[index] = MISSING
            readings[(str(value), "missing")] += count
            continue
        for part in parts:
            position = wanted.get(normalise(part))
            if position is None:
                unknown[part] += count
            else:
                lookup[index, position] = SELECTED
                readings[(part, "selected")] += count
    states = column.spread(lookup, MISSING)
    entry = QuestionResponses(question, "cell", states=states, readings=readings)
    for part, count in unknown.items():
        readings[(part, "not in codebook")] += count
    if unknown:
        names = ", ".join(f"'{p}'" for p in list(unknown)[:5])
        entry.warnings.append(
            f"options not in the codebook were ignored: {names}"
            + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        )
    return entry


def _warn_unrecognised(entry: QuestionResponses, what: str) -> None:
    values = Counter()
    for (value, read_as), count in entry.readings.items():
        if read_as == "unrecognised":
            values[value] += count
    if values:
        shown = ", ".join(f"'{v}' ({n}x)" for v, n in values.most_common(5))
        entry.warnings.append(f"values read as missing because they are {what}: {shown}")


def _warn_exclusive(entry: QuestionResponses) -> None:
    """An exclusive option ('Wij ervaren geen knelpunten') ticked with others is worth a look."""
    question = entry.question
    for index, item in enumerate(question.items):
        if not item.exclusive:
            continue
        others = np.delete(entry.states, index, axis=1) == SELECTED
        clash = int(((entry.states[:, index] == SELECTED) & others.any(axis=1)).sum())
        if clash:
            entry.warnings.append(
                f"{clash} respondent(s) selected the exclusive option '{item.label}' "
                "together with other options"
            )
