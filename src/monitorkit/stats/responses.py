"""Responses: a raw table read through a codebook, with each question's base.

Base rules (DESIGN §4):

* ``battery`` — each item's base is the respondents with a valid answer to it.
* ``multi`` with explicit not-selected values — the respondents who answered
  any item of the set.
* ``multi`` from a checkbox export (only selected or empty) — the respondents
  with at least one selected item (the SPSS multiple-response convention).
* ``multi`` in one cell — the respondents whose cell is not empty.
* ``multi`` over slot columns (an SPSS category set) — respondents with at least
  one valid slot.
* ``single``, ``scale`` and ``numeric`` — respondents with a valid answer; explicit
  non-answers (Weet niet, n.v.t., user-missing codes) are counted and shown
  below the categories, or put in the base with ``missing_as_category``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from monitorkit.codebook import columns as reasons
from monitorkit.codebook.model import (
    Codebook,
    NotTabulated,
    Question,
    bundled_codebook,
    check_columns,
    read_codebook,
)
from monitorkit.errors import CodebookError, InputError, Location, UsageError
from monitorkit.io.readers import RawTable, SourceInfo, read_table
from monitorkit.vocabulary import (
    MISSING,
    MISSING_WORDS,
    NOT_SELECTED,
    SELECTED,
    ValueRules,
    distinct,
    normalise,
    option_key,
    read_binary,
    read_categories,
    read_counted,
    read_numbers,
    read_written,
    split_options,
)

if TYPE_CHECKING:
    import pandas as pd

BASE_RULES = {
    "items": "per item: respondents with a valid answer to that item",
    "items_with_missing": "per item: respondents with any answer to that item, non-answers "
    "(Weet niet, n.v.t.) counted as not 'yes'",
    "answered": "respondents who answered the set (any item not missing)",
    "selected": "respondents with at least one option selected (checkbox export: "
    "unticked and unanswered cannot be told apart)",
    "cell": "respondents whose answer cell is not empty",
    "slots": "respondents who named at least one option",
    "valid": "respondents with a valid answer",
    "valid_missing": "respondents with a valid answer; non-answers (listed below) excluded",
    "with_missing": "respondents with any answer, non-answers (Weet niet, n.v.t.) included",
}
#: Most groups a --by column may have before a breakdown stops being readable.
MAX_GROUPS = 20


@dataclass
class QuestionResponses:
    """One question's answers: a state matrix (multi, battery) or values (single, numeric)."""

    question: Question
    base_rule: str
    states: np.ndarray | None = None
    values: pd.Series | None = None
    readings: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    #: Categories of a single or scale question in the order asked, zero counts included.
    order: list[str] = field(default_factory=list)
    #: Explicit non-answers left out of the base, by label (shown below the categories).
    missing: dict[str, int] = field(default_factory=dict)
    #: Non-answers counted as categories (--missing-as-category): in the base, not scored.
    unscored: list[str] = field(default_factory=list)
    #: A battery's explicit non-answers per item (Weet niet), by label.
    item_missing: list[dict[str, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The question's id."""
        return self.question.id

    @property
    def matrix(self) -> np.ndarray:
        """The state matrix (respondents x items) of a multi or battery question."""
        if self.states is None:
            raise ValueError(f"question '{self.question.id}' has values, not states")
        return self.states

    @property
    def answers(self) -> pd.Series:
        """The answers (category labels or numbers) of a single, scale or numeric question."""
        if self.values is None:
            raise ValueError(f"question '{self.question.id}' has states, not values")
        return self.values


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
    #: Per respondent: the stratum (--strata) and that stratum's population size, if known.
    strata: np.ndarray | None = None
    strata_column: str | None = None
    stratum_sizes: np.ndarray | None = None
    stratum_sizes_source: str | None = None
    #: Test and preview responses left out (Qualtrics 'Survey Preview'/'Survey Test').
    previews_left_out: int = 0

    @property
    def not_tabulated(self) -> list[NotTabulated]:
        """Every column of the data no question uses, with the reason."""
        return self.codebook.not_tabulated

    @property
    def warnings(self) -> list[str]:
        """What the reader noticed about the file as a whole."""
        return self.raw.warnings

    @property
    def respondents(self) -> int:
        """The sample: every respondent read (test and preview responses left out)."""
        return len(self.raw.frame)

    def question(self, question_id: str) -> QuestionResponses:
        """One question's responses by id; the codebook's error lists the ids if absent."""
        position = self.codebook.questions.index(self.codebook.question(question_id))
        return self.questions[position]

    def nested_parts(self, by: str) -> list[str]:
        """The columns of a nested breakdown 'A*B' (each group of A split by B), or [by]."""
        if NESTED not in by or by in self.raw.frame.columns:
            return [by]
        return [part.strip() for part in by.split(NESTED)]

    def group_values(self, by: str) -> pd.Series:
        """Group labels per respondent from a single question (id or column) or a raw column;
        for a nested 'A*B', each combination 'a · b' of the respondent's groups.

        Refused for a numeric column or one with more than MAX_GROUPS distinct values:
        such a breakdown has groups too small to say anything.
        """
        parts = self.nested_parts(by)
        if len(parts) > 1:
            series = [self.group_values(part).astype(object) for part in parts]
            combined = series[0].where(series[0].isna(), series[0].astype(str))
            for more in series[1:]:
                combined = (combined.astype(object) + NESTED_JOIN + more.astype(str)).where(
                    combined.notna() & more.notna()
                )
            return self._checked_groups(by, combined)
        for entry in self.questions:
            question = entry.question
            if by in (question.id, question.column) and question.type in ("single", "scale"):
                return self._checked_groups(by, entry.answers)
            if by in (question.id, question.column) or by in question.columns:
                raise UsageError(
                    f"--by '{by}' is a {question.type} question; groups come from one answer",
                    self.raw.location(column=question.column),
                    "pick a single-choice question or column",
                )
        if by in self.raw.frame.columns:
            rules = ValueRules.for_column(self.raw, by)
            return self._checked_groups(by, read_categories(self.raw.frame[by], rules).values)
        singles = [q.question.id for q in self.questions if q.question.type in ("single", "scale")]
        raise UsageError(
            f"--by '{by}' is neither a single-choice question nor a column",
            self.raw.location(),
            f"single-choice questions: {', '.join(singles) or 'none'}",
        )

    def _checked_groups(self, by: str, values: pd.Series) -> pd.Series:
        from monitorkit.vocabulary import parse_number

        groups = values.dropna().unique()
        numeric = len(groups) > 0 and all(parse_number(g) is not None for g in groups)
        if len(groups) > MAX_GROUPS or (numeric and len(groups) > 10):
            kind = "numeric column" if numeric else "column"
            raise UsageError(
                f"--by '{by}' is a {kind} with {len(groups)} distinct values; at most "
                f"{MAX_GROUPS} groups can be compared",
                self.raw.location(column=by),
                "group by a column with fewer categories (e.g. gemeentegrootte)",
            )
        return values

    def group_order(self, by: str, values: pd.Series) -> list[str]:
        """Groups in value-label or scale order where the file or codebook gives one.

        Other groups (and any the labels do not list) follow alphabetically.
        """
        present = {str(v) for v in values.dropna().unique()}
        parts = self.nested_parts(by)
        if len(parts) > 1:
            from itertools import product

            orders = [self.group_order(part, self.group_values(part)) for part in parts]
            nested = [NESTED_JOIN.join(names) for names in product(*orders)]
            return [name for name in nested if name in present]
        asked: list[str] = []
        for entry in self.questions:
            question = entry.question
            if by in (question.id, question.column) and (
                question.type == "scale" or question.value_labels or self.raw.value_labels.get(by)
            ):
                asked = list(entry.order)
        if not asked and by in self.raw.frame.columns:
            asked = ValueRules.for_column(self.raw, by).label_order()
        ordered = [label for label in dict.fromkeys(asked) if label in present]
        return ordered + sorted(present - set(ordered))

    def by_questions(self, by: str) -> set[str]:
        """The ids of the questions that --by names (by id or column; each part of a nested
        'A*B'): they are not broken down by themselves."""
        parts = self.nested_parts(by)
        return {
            entry.question.id
            for entry in self.questions
            for part in parts
            if part == entry.question.id or part in entry.question.columns
        }


#: Joins the columns of a nested --by ('gemeentegrootte*regio') and the names of its groups.
NESTED = "*"
NESTED_JOIN = " · "


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
    input_format: str | None = None,
    include_previews: bool = False,
    missing_as_category: bool = False,
) -> Responses:
    """Read a survey export and apply a codebook: given, the bundled dataset's, or inferred.

    ``path`` may also be the name of a bundled dataset (see ``monitorkit datasets``),
    or '-' for standard input (``input_format`` says what it is). ``codebook`` may be
    a file, a Codebook, or the name of a bundled codebook. ``weight`` names a column
    of positive weights. Test and preview responses are left out unless
    ``include_previews``; ``missing_as_category`` puts explicit non-answers in the base.
    """
    raw, provenance, previews = read_respondents(
        path,
        sheet=sheet,
        encoding=encoding,
        delimiter=delimiter,
        header_rows=header_rows,
        input_format=input_format,
        include_previews=include_previews,
    )
    if codebook is None and provenance:
        codebook = bundled_codebook(provenance["dataset"])
    chosen = resolve_codebook(raw, codebook)
    if missing_as_category:
        chosen.missing_as_category = True
    if weight:
        _mark_not_tabulated(chosen, weight, reasons.WEIGHT)
    responses = build_responses(raw, chosen, provenance)
    responses.previews_left_out = previews
    if weight:
        responses.weights = read_weights(raw, weight)
        responses.weight_column = weight
    return responses


def read_respondents(
    path: str | Path, *, include_previews: bool = False, **reading: Any
) -> tuple[RawTable, dict[str, Any] | None, int]:
    """The raw table of a file or bundled dataset, its provenance, and previews left out."""
    from monitorkit.io.datasets import provenance_of, resolve_input

    resolved = resolve_input(path)
    raw = read_table(resolved, **reading)
    provenance = provenance_of(resolved)
    if provenance:
        raw.source.path = provenance["dataset"]
    previews = 0 if include_previews else leave_out_previews(raw)
    return raw, provenance, previews


#: Qualtrics' Status of responses that are not real: previews and tests (English, Dutch).
PREVIEW_STATUS = frozenset(
    {"survey preview", "survey test", "preview", "test", "enquêtevoorbeeld", "enquêtetest"}
    | {"voorbeeld van enquête", "test van enquête", "voorbeeldweergave", "testrespons"}
)
#: The same in a Qualtrics export of numeric values (1 = Survey Preview, 2 = Survey Test).
PREVIEW_CODES = frozenset({"1", "2"})


def leave_out_previews(raw: RawTable) -> int:
    """Drop preview and test responses, told by a 'Status' column; returns how many."""
    status = next((c for c in raw.columns if normalise(c) == "status"), None)
    if status is None:
        return 0
    values = raw.frame[status].map(normalise)
    given = values[values != ""]
    coded = raw.source.header_style == "qualtrics" and bool(given.str.fullmatch(r"\d+").all())
    previews = values.isin(PREVIEW_CODES if coded else PREVIEW_STATUS).to_numpy()
    count = int(previews.sum())
    if count:
        raw.drop_rows(previews)
    return count


def _mark_not_tabulated(codebook: Codebook, column: str, reason: str) -> None:
    """Take a column out of the questions (where inferred) and list it with its reason."""
    if codebook.origin == "inferred":
        codebook.questions = [q for q in codebook.questions if q.columns != [column]]
    codebook.not_tabulated = [e for e in codebook.not_tabulated if e.column != column]
    codebook.not_tabulated.append(NotTabulated(column, reason))


def closest_header(raw: RawTable, name: str, option: str) -> str:
    """A hint for a column name that is not in the data: the header it most likely meant
    (case aside first, then by similarity)."""
    import difflib

    same = [column for column in raw.columns if column.casefold() == name.casefold()]
    close = same or difflib.get_close_matches(name, raw.columns, n=1, cutoff=0.5)
    return f"the closest header is '{close[0]}'" if close else f"check {option}"


def read_weights(raw: RawTable, column: str) -> np.ndarray:
    """Positive, finite weights from a column; missing, zero, negative or infinite ones are
    refused by row."""
    if column not in raw.frame.columns:
        raise UsageError(
            f"weight column '{column}' is not in the data",
            raw.location(),
            closest_header(raw, column, "--weight"),
        )
    values, _ = read_numbers(raw.frame[column], raw.decimal_of(column))
    bad = values.isna() | (values <= 0) | ~np.isfinite(values.to_numpy(dtype=float))
    if bad.any():
        rows = [str(row) for row in values.index[bad.to_numpy()][:10]]
        more = f" and {int(bad.sum()) - 10} more" if bad.sum() > 10 else ""
        raise InputError(
            f"weights must be positive numbers; {int(bad.sum())} row(s) have a missing, zero, "
            f"negative or infinite weight: rows {', '.join(rows)}{more}",
            raw.location(column=column),
            "fix or drop those rows, or rake the data again with 'monitorkit weight'",
        )
    return values.to_numpy(dtype=float)


def resolve_codebook(raw: RawTable, codebook: str | Path | Codebook | None) -> Codebook:
    """The codebook to use: the one given (a file or a bundled name), else inferred.

    A given codebook leaves columns it does not name untabulated; they are listed
    with the reason platform metadata would have (a timestamp, an e-mail address)
    or 'not in codebook'.
    """
    if codebook is None:
        return _inferred(raw)
    if isinstance(codebook, Codebook):
        chosen = codebook
    elif not Path(codebook).suffix and not Path(codebook).exists():
        named = bundled_codebook(str(codebook))
        if named is None:
            raise CodebookError(
                f"no codebook file or bundled codebook named '{codebook}'",
                Location(str(codebook)),
                "give the path of a YAML codebook, or a name from data/codebooks/",
            )
        chosen = named
    else:
        chosen = read_codebook(codebook)
    check_columns(chosen, raw.columns, raw.location(), raw.duplicates)
    listed = {entry.column for entry in chosen.not_tabulated}
    tabulated = {column for question in chosen.questions for column in question.columns}
    for column in raw.columns:
        if column in tabulated or column in listed:
            continue
        if column == chosen.id:
            reason = reasons.RESPONDENT_ID
        else:
            reason = reasons.header_reason(column, raw.text(column)) or reasons.NOT_IN_CODEBOOK
        chosen.not_tabulated.append(NotTabulated(column, reason))
    return chosen


def _inferred(raw: RawTable) -> Codebook:
    from monitorkit.codebook.infer import infer_codebook

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


def build_responses(raw: RawTable, codebook: Codebook, provenance: dict | None = None) -> Responses:
    """Read every question of the codebook from the raw table.

    ``provenance`` belongs to a bundled dataset's own file only: a user's file, even
    a copy of a bundled one read with its codebook, is the user's data.
    """
    questions = [
        _read_question(raw, question, codebook.missing_as_category)
        for question in codebook.questions
    ]
    return Responses(raw.source, codebook, questions, raw, provenance)


def _read_question(
    raw: RawTable, question: Question, missing_as_category: bool = False
) -> QuestionResponses:
    frame = raw.frame
    as_category = question.missing_as_category
    as_category = missing_as_category if as_category is None else as_category
    if question.type in ("single", "scale"):
        return _read_categorical(raw, question, as_category)
    if question.type == "numeric":
        return _read_numeric(raw, question)
    if question.column is not None:
        return _read_one_cell_multi(raw, question)
    if question.slots:
        return _read_slots(raw, question)
    columns = []
    readings: Counter = Counter()
    item_missing: list[dict[str, int]] = []
    odd_cells: list[str] = []
    for item in question.items:
        rules = _rules_for(raw, item.source, question)
        if question.selected:
            read = read_counted(frame[item.source], question.selected, rules)
        elif item.other:
            read = read_written(frame[item.source], rules)
        else:
            read = read_binary(frame[item.source], item.label, rules)
        odd_cells += _unrecognised_cells(frame[item.source], read.readings, item.source)
        states = read.states
        explicit = {
            value: count
            for (value, read_as), count in read.readings.items()
            if read_as == "missing" and value != "(empty)"
        }
        if question.type == "battery" and as_category and explicit:
            states = _answered_as_not_selected(frame[item.source], states, rules)
            explicit = {}
        columns.append(states)
        item_missing.append(explicit)
        readings.update(read.readings)
    states = np.column_stack(columns) if columns else np.empty((len(frame), 0), dtype=np.int8)
    if question.type == "battery":
        rule = "items_with_missing" if as_category else "items"
        entry = QuestionResponses(question, rule, states=states, readings=readings)
        entry.item_missing = item_missing
    else:
        entry = _multi_base(question, states, readings)
    _warn_unrecognised(entry, "not a yes/no answer", odd_cells)
    _warn_exclusive(entry)
    return entry


#: Cells named in a warning about values read as missing; the rest are counted.
CELLS_NAMED = 5


def _unrecognised_cells(series: pd.Series, readings: Counter, column: str) -> list[str]:
    """Where a column holds the values its reading did not recognise: "row 7, column 'x'"
    (each distinct value is judged once, not each respondent's cell)."""
    odd = {value for (value, read_as) in readings if read_as == "unrecognised"}
    if not odd:
        return []
    from monitorkit.vocabulary import display

    raw_values = [value for value in series.dropna().unique() if display(value) in odd]
    rows = series.index[series.isin(raw_values).to_numpy()]
    return [f"row {row}, column '{column}'" for row in rows]


def _answered_as_not_selected(
    series: pd.Series, states: np.ndarray, rules: ValueRules
) -> np.ndarray:
    """A battery item's explicit non-answers (Weet niet) in its base, as 'not yes'."""
    column = distinct(series)
    explicit = np.array(
        [rules.is_user_missing(v) or normalise(v) in MISSING_WORDS for v in column.values]
        + [False],
        dtype=bool,
    )[column.codes]
    return np.where((states == MISSING) & explicit, NOT_SELECTED, states).astype(np.int8)


def _read_categorical(raw: RawTable, question: Question, as_category: bool) -> QuestionResponses:
    """A single or scale question: categories in the order asked, non-answers apart."""
    rules = _rules_for(raw, question.source, question)
    series = raw.frame[question.source]
    if question.separator:
        series = _first_ranked(series, question.separator)
    read = read_categories(series, rules)
    order = list(question.categories or rules.label_order())
    values = _to_categories(read.values, order)
    for item in question.items:
        if item.other and item.column is not None:
            values = _with_write_in(values, raw.frame[item.column], item.label)
        elif item.other:
            listed = set(order) - {item.label}
            values = values.where(values.isna() | values.isin(listed), item.label)
        order += [] if item.label in order else [item.label]
    missing = dict(read.missing)
    rule = "valid_missing" if missing else "valid"
    unscored: list[str] = []
    if as_category and missing:
        values = values.where(values.notna(), read.missing_values)
        unscored = [label for label in missing if label not in order]
        order += unscored
        missing, rule = {}, "with_missing"
    return QuestionResponses(
        question,
        rule,
        values=values,
        readings=read.readings,
        order=order,
        missing=missing,
        unscored=unscored,
    )


def _first_ranked(series: pd.Series, separator: str) -> pd.Series:
    """A ranking's cells reduced to the option ranked first."""
    from monitorkit.vocabulary import split_fragments

    firsts: dict[Any, str | None] = {
        value: next(iter(split_fragments(str(value), separator)), None)
        for value in series.dropna().unique()
    }
    return series.map(firsts)


def _with_write_in(values: pd.Series, written: pd.Series, label: str) -> pd.Series:
    """Respondents with no answer but text in the write-in column chose the write-in option."""
    text = written.astype(object).where(written.notna(), "").astype(str).str.strip()
    wrote = (text != "") & ~text.str.casefold().isin(MISSING_WORDS)
    return values.where(~(values.isna() & wrote), label)


def _to_categories(values: pd.Series, order: list[str]) -> pd.Series:
    """Answers written differently from a category take its spelling.

    That covers case and spaces ('helemaal eens' for 'Helemaal eens').
    """
    spelling = {normalise(label): label for label in order}
    if not spelling:
        return values
    import pandas as pd

    uniques = [v for v in values.unique() if pd.notna(v)]
    renamed = {v: spelling[normalise(v)] for v in uniques if spelling.get(normalise(v), v) != v}
    return values.replace(renamed) if renamed else values


def _read_numeric(raw: RawTable, question: Question) -> QuestionResponses:
    """Numbers, with user-missing codes and non-answer words counted apart."""
    rules = _rules_for(raw, question.source, question)
    values, readings = read_numbers(
        raw.frame[question.source], raw.decimal_of(question.source), rules
    )
    missing: dict[str, int] = {}
    for (value, read_as), count in readings.items():
        if read_as == "missing" and value != "(empty)":
            label = rules.label_of(value) or value
            missing[label] = missing.get(label, 0) + count
    rule = "valid_missing" if missing else "valid"
    entry = QuestionResponses(question, rule, values=values, readings=readings, missing=missing)
    _warn_unrecognised(entry, "not a number")
    bounds = [(v, n) for (v, read_as), n in readings.items() if read_as == "read as its bound"]
    if bounds:
        shown = ", ".join(f"'{value}' ({count}x)" for value, count in bounds[:5])
        entry.warnings.append(f"answers at a bound are counted as that bound: {shown}")
    return entry


def _read_slots(raw: RawTable, question: Question) -> QuestionResponses:
    """A category set: each slot column holds the code of one option a respondent named."""
    frame = raw.frame
    selected = np.zeros((len(frame), len(question.items)), dtype=bool)
    valid = np.zeros(len(frame), dtype=bool)
    readings: Counter = Counter()
    codes = {normalise(item.value): index for index, item in enumerate(question.items)}
    for slot in question.slots:
        rules = _rules_for(raw, slot, question)
        column = distinct(frame[slot])
        lookup = np.full(len(column.values), -1, dtype=np.int64)
        answered = np.zeros(len(column.values), dtype=bool)
        for index, (value, count) in enumerate(zip(column.values, column.counts, strict=True)):
            if rules.is_user_missing(value) or normalise(value) in MISSING_WORDS:
                readings[(str(value), "missing")] += count
                continue
            answered[index] = True
            position = codes.get(normalise(value))
            if position is None:
                readings[(str(value), "not in codebook")] += count
            else:
                lookup[index] = position
                readings[(str(value), "selected")] += count
        per_row = column.spread(lookup, -1)
        valid |= column.spread(answered, False)
        rows = np.flatnonzero(per_row >= 0)
        selected[rows, per_row[rows]] = True
    states = np.where(selected, SELECTED, NOT_SELECTED).astype(np.int8)
    states[~valid] = MISSING
    return QuestionResponses(question, "slots", states=states, readings=readings)


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
    """A multi question whose cells list the chosen options joined by a separator.

    Parts that match no option are a respondent's own 'Other' text: they count once
    for the question's write-in item, or, without one, are reported as not in the codebook.
    """
    column = distinct(raw.frame[question.source])
    known = {
        option_key(item.label): index for index, item in enumerate(question.items) if not item.other
    }
    other = next((index for index, item in enumerate(question.items) if item.other), None)
    lookup = np.zeros((len(column.values), len(question.items)), dtype=np.int8)
    readings = column.readings()
    unknown: Counter = Counter()
    for index, (value, count) in enumerate(zip(column.values, column.counts, strict=True)):
        cell = split_options(str(value), question.list_separator, known)
        if not cell.options and (not cell.write_in or normalise(cell.write_in) in MISSING_WORDS):
            lookup[index] = MISSING
            readings[(str(value), "missing")] += count
            continue
        for position in cell.options:
            lookup[index, position] = SELECTED
            readings[(question.items[position].label, "selected")] += count
        if cell.write_in and other is not None:
            lookup[index, other] = SELECTED
            readings[(cell.write_in, f"written in: {question.items[other].label}")] += count
        elif cell.write_in:
            unknown[cell.write_in] += count
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


def _warn_unrecognised(entry: QuestionResponses, what: str, cells: list[str] | None = None) -> None:
    """A warning listing the values read as missing for being ``what``, and where they are;
    the question keeps its items."""
    values: Counter = Counter()
    for (value, read_as), count in entry.readings.items():
        if read_as == "unrecognised":
            values[value] += count
    if values:
        shown = ", ".join(f"'{v}' ({n}x)" for v, n in values.most_common(5))
        where = ""
        if cells:
            more = f" and {len(cells) - CELLS_NAMED} more" if len(cells) > CELLS_NAMED else ""
            where = f" ({'; '.join(cells[:CELLS_NAMED])}{more})"
        entry.warnings.append(f"values read as missing because they are {what}: {shown}{where}")


def _warn_exclusive(entry: QuestionResponses) -> None:
    """An exclusive option ('Wij ervaren geen knelpunten') ticked with others is worth a look."""
    question = entry.question
    for index, item in enumerate(question.items):
        if not item.exclusive:
            continue
        others = np.delete(entry.matrix, index, axis=1) == SELECTED
        clash = int(((entry.matrix[:, index] == SELECTED) & others.any(axis=1)).sum())
        if clash:
            entry.warnings.append(
                f"{clash} respondent(s) selected the exclusive option '{item.label}' "
                "together with other options"
            )
