"""A codebook inferred from an export's headers and values (DESIGN §4).

Columns are grouped into questions by the header conventions of survey
platforms (``Question - Option``, ``Question: Option``, ``Question [Option]``,
``[Option] Question``, ``Question.Option``, Qualtrics' ``Selected Choice``,
SurveyMonkey's two header rows, SPSS variable labels and multiple-response sets,
runs of option-per-column checkboxes). The values then decide each question's
type: yes/no columns sharing a question become ``multi`` (one set, one base) or
``battery`` (each item its own base); a column of options joined by a separator
is a ``multi`` in one cell; answers of a known scale or a 0–10 rating are a
``scale``; otherwise ``single`` or ``numeric``.

Closed and open questions are told apart by structure, not by length: a closed
question's answers recur (few distinct values, each given by several
respondents); free text rarely repeats. Every column that is not tabulated gets
a reason (see ``monitorkit.codebook.columns``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from monitorkit.codebook import columns as reasons
from monitorkit.codebook.lists import (
    find_separator,
    list_options,
    list_question,
    looks_dutch,
    ranking_options,
)
from monitorkit.codebook.model import Codebook, Item, NotTabulated, Question
from monitorkit.io.readers import RawTable
from monitorkit.vocabulary import (
    MISSING_WORDS,
    NOT_SELECTED,
    SELECTED,
    SENTINEL_CODES,
    ValueRules,
    classify,
    display,
    is_scale_point,
    is_vocabulary_word,
    looks_exclusive,
    looks_typed,
    natural_order,
    normalise,
    option_index,
    parse_bounded,
    parse_number,
    read_binary,
    scale_points,
    split_options,
)

#: Most categories a closed question without value labels may have; above it only a
#: column whose answers recur heavily (a municipality of a national file) is closed.
MAX_SINGLE_CATEGORIES = 40
MAX_LARGE_CATEGORIES = 500
#: Header words of a question that asks for a rating on a 0–10 or 1–10 scale.
RATING_WORDS = re.compile(
    r"cijfer|score|rating|\brate\b|grade|\bmark\b|beoordeel|schaal|scale|sterren|stars|"
    r"hoe tevreden|how satisfied|hoe belangrijk|how important|"
    r"[01]\s*(-|tot|to|t/m)\s*10|10\s*=|=\s*10|\b10\b.*\b(hoog|high|best|uitstekend|excellent)"
)
#: Header words of a rating that runs to 10 whatever the highest answer given.
TEN_POINT_WORDS = re.compile(r"cijfer|grade|\bmark\b|\b10\b")
#: Header words of a 0–10 likelihood question (Net Promoter): its scale starts at 0.
LIKELIHOOD_WORDS = re.compile(
    r"how likely|hoe waarschijnlijk|aanbevelen|aanraden|recommend|\bnps\b|net promoter"
)
#: Header words of codes that stand for categories ('leeftijd_cat', 'leeftijdsklasse').
CATEGORY_WORDS = re.compile(r"cat\b|_cat|categorie|category|klasse|class|groep|group|band")
#: Header words of a question that asks for an amount, not a code.
AMOUNT_WORDS = re.compile(
    r"hoeveel|aantal|how many|how much|number of|\buur\b|uren|hours|leeftijd|\bage\b|"
    r"jaren|years|bedrag|amount|euro|€|fte|percentage|%|minuten|minutes|dagen|days|km"
)
#: Header words of an open question (explain, comment, namely).
#: Header words of a question that asks for free text: they decide against recurrence.
OPEN_WORDS = re.compile(
    r"toelichting|opmerking|namelijk|specify|specificeer|comment|explain|suggestie|"
    r"suggestion|feedback|please describe|anything else|nog iets|welke functie|your role|"
    r"job title"
)
#: Header words that often, not always, ask for free text: they decide only when the
#: answers do not recur as a closed question's do ('Waarom ...?' may be a closed list).
OPEN_HINTS = re.compile(r"waarom|\bwhy\b|beter doen|do better|verbeter|improve|wat vindt")
#: Headers of a column naming who filled in or handled the form: names, not answers.
STAFF_WORDS = re.compile(
    r"\bnaam\b|\bname\b|interviewer|enqu[eê]teur|ingevuld door|filled in by|completed by|"
    r"klantmanager|consulent|casemanager|behandelaar|contactpersoon"
)
#: Headers of a column of weights.
WEIGHT_WORDS = re.compile(r"^(gewicht|weegfactor|weging|weight|wgt|weightfactor|weging_?\w*)$")
#: Headers of a column of places: a closed question even with many categories.
PLACE_WORDS = re.compile(
    r"gemeente|municipality|woonplaats|plaats|wijk|stadsdeel|regio|city|cbs|\bgm\b"
)


#: Option texts of a write-in option ('Anders, namelijk', 'Other (please specify)').
OTHER_OPTION = re.compile(
    r"^(anders|overig|overige|other|others|else)\b|namelijk|please specify|specify|"
    r"specificeer|\b(anders|other)\s*[(:,-]|_text$|\[(other|anders|overig)\]$",
    re.IGNORECASE,
)
_SELECTED_CHOICE = re.compile(r"\s+-\s+Selected Choice(\s+-\s+|$)", re.IGNORECASE)
_SPLITTERS = (
    re.compile(r"^(?P<stem>.+?)\s+-\s+(?P<option>.+)$"),
    re.compile(r"^(?P<stem>.+)\s+-\s+(?P<option>.+?)$"),
    re.compile(r"^(?P<stem>[^:]+?):\s*(?P<option>.+)$"),
    re.compile(r"^(?P<stem>.+?)\s*\[(?P<option>[^\]]+)\]$"),
    re.compile(r"^\[(?P<option>[^\]]+)\]\s*(?P<stem>.+)$"),
    re.compile(r"^(?P<stem>[^.\s][^.]*?)\.(?P<option>[^.\s].*)$"),
    re.compile(r"^(?P<stem>[A-Za-z][\w]*?)_(?P<option>[A-Za-z0-9]+)$"),
    re.compile(r"^(?P<stem>\S.*?)/(?P<option>[^/\s]+)$"),  # KoboToolbox 'group/q/option'
    re.compile(r"^(?P<option>[^:]+):(?P<stem>.+)$"),  # Alchemer 'Option:Question'
)


@dataclass
class _Candidate:
    column: str
    stem: str
    option: str


@dataclass
class _Inference:
    """Questions found so far and the reasons for the columns left out."""

    raw: RawTable
    questions: list[Question]
    left_out: dict[str, NotTabulated]

    def leave_out(self, column: str, reason: str, detail: str = "") -> None:
        self.left_out.setdefault(column, NotTabulated(column, reason, detail))


def infer_codebook(raw: RawTable) -> Codebook:
    """Infer questions and types from a raw table; origin 'inferred'.

    Every column ends up in a question or in ``not_tabulated`` with its reason.
    """
    found = _Inference(raw, [], {})
    respondent_id = _find_id(raw)
    if respondent_id is not None:
        found.leave_out(respondent_id, reasons.RESPONDENT_ID)
    pool, blank = [], []
    for column in raw.columns:
        if column == respondent_id:
            continue
        reason = _reason_before_values(raw, column)
        if reason:
            found.leave_out(column, reason)
            if reason == reasons.EMPTY:
                blank.append(column)
        elif _is_other_id(raw, column):
            found.leave_out(column, reasons.RESPONDENT_ID)
        else:
            pool.append(column)

    used: set[str] = set()
    for name, mr_set in sorted(raw.mr_sets.items()):
        members = [c for c in mr_set.get("variable_list", []) if c in pool]
        if len(members) >= 2:
            found.questions.append(_mr_set_question(raw, name, mr_set, members))
            used.update(members)

    grouping = [c for c in raw.columns if (c in pool and c not in used) or c in blank]
    for stem, candidates in _group_columns(raw, grouping):
        used.update(_group_questions(found, stem, candidates))
    used.update(_checkbox_runs(found, [c for c in pool if c not in used]))

    for column in pool:
        if column in used or column in found.left_out:
            continue
        result = _single_column(raw, column)
        if isinstance(result, Question):
            found.questions.append(result)
        else:
            found.leave_out(column, *result)

    _drop_list_summaries(found)
    _attach_single_write_ins(found)
    order = {column: index for index, column in enumerate(raw.columns)}
    found.questions.sort(key=lambda q: order[q.columns[0]])
    _unique_ids(found.questions)
    _unique_labels(found.questions)
    _note_write_ins(found)
    left_out = sorted(found.left_out.values(), key=lambda entry: order[entry.column])
    return Codebook(
        questions=found.questions,
        id=respondent_id,
        origin="inferred",
        not_tabulated=left_out,
        instrument=_stem_of_path(raw.source.path),
    )


def _attach_single_write_ins(found: _Inference) -> None:
    """SurveyMonkey's single choice with 'Other (please specify)': the text is the answer.

    A respondent who chose Other has an empty answer cell and text in the Other
    column; counted as the Other option, they stay in the question's base.
    """
    singles = {q.column: q for q in found.questions if q.type == "single" and q.column}
    for column, entry in list(found.left_out.items()):
        pair = found.raw.header_pairs.get(column)
        if entry.reason != reasons.WRITE_IN or pair is None or pair[0] not in singles:
            continue
        question = singles[pair[0]]
        question.items = [Item(label=pair[1], column=column, other=True)]
        if pair[1] not in question.categories and question.categories:
            question.categories = [*question.categories, pair[1]]
        del found.left_out[column]


def _drop_list_summaries(found: _Inference) -> None:
    """A one-cell list that repeats its own option columns ('q' beside 'q/werk', 'q/zorg').

    KoboToolbox and ODK export a select_multiple both ways; the option columns hold
    the same answers with an explicit 0, so they are the question and the list is not.
    """
    stems = {
        q.label
        for q in found.questions
        if q.type in ("multi", "battery") and q.column is None and q.items
    }
    for question in list(found.questions):
        if question.type == "multi" and question.column is not None and question.column in stems:
            found.questions.remove(question)
            found.leave_out(
                question.column,
                reasons.METADATA,
                f"the same answers as the option columns '{question.column}/…', tabulated there",
            )


def _reason_before_values(raw: RawTable, column: str) -> str | None:
    """Metadata, personal data, write-in boxes and empty columns, known before reading answers."""
    series = raw.frame[column]
    if _is_text_entry(raw, column):
        return reasons.WRITE_IN
    # the first filled cell nearly always settles it; only a blank one needs the whole column
    first = series.first_valid_index()
    blank = first is None or not str(series.at[first]).strip()
    if blank and (series.dropna().astype(str).str.strip() == "").all():
        other_box = _OTHER_BOX.search(column) or _OTHER_BOX.search(raw.text(column))
        return reasons.WRITE_IN if other_box else reasons.EMPTY
    reason = reasons.header_reason(column, raw.text(column))
    if reason:
        return reason
    return None


_TEXT_ENTRY = re.compile(r"(_text|\s-\s(text|tekst))$", re.IGNORECASE)
_OTHER_BOX = re.compile(r"\[(other|anders|overig)\]$", re.IGNORECASE)


def _is_text_entry(raw: RawTable, column: str) -> bool:
    """Qualtrics' 'other, namely' boxes (Q5_4_TEXT, '- Text') beside their option's tick."""
    return bool(_TEXT_ENTRY.search(column) or _TEXT_ENTRY.search(raw.text(column)))


def _stem_of_path(path: str) -> str:
    from pathlib import Path

    return Path(path).stem


def _find_id(raw: RawTable) -> str | None:
    """The respondent id: a named id column among the first five, or a leading row index."""
    for column in raw.columns[:5]:
        if reasons.is_id_header(column, raw.text(column)):
            series = raw.frame[column].dropna()
            if len(series) and series.is_unique:
                return column
    first = raw.columns[0] if raw.columns else None
    if first is not None and first.startswith("column ") and _is_row_index(raw.frame[first]):
        return first
    return None


_ID_HEADER = re.compile(r"((^|[\s_.-])(id|code)|nummer|number|nr)$")


def _is_other_id(raw: RawTable, column: str) -> bool:
    """A further id column (an embedded 'panel_id', 'deelnemer_nr'): id-like header, unique."""
    if not (_ID_HEADER.search(normalise(column)) or reasons.is_id_header(column, column)):
        return False
    values = raw.frame[column].dropna()
    return len(values) >= 5 and values.is_unique and len(values) >= 0.9 * len(raw.frame)


def _is_row_index(series) -> bool:
    """An unnamed leading column counting 0 or 1 upwards: pandas' or Excel's row index."""
    import pandas as pd

    numbers = pd.to_numeric(series, errors="coerce").to_numpy()
    if len(numbers) == 0 or np.isnan(numbers).any() or numbers[0] not in (0, 1):
        return False
    return bool((numbers == np.arange(numbers[0], numbers[0] + len(numbers))).all())


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


def _group_questions(found: _Inference, stem: str, candidates: list[_Candidate]) -> set[str]:
    """The questions of one group of columns; returns the columns it used.

    Yes/no members form one multi or battery (with a write-in member as its
    'Other' item). Members answered on one scale are scale questions sharing its
    points; members with a shared set of answers (a grid) are single questions
    sharing their categories, so an answer nobody gave in one row still shows.
    """
    raw = found.raw
    binary, write_ins, rest, blank, stray = [], [], [], [], []
    for candidate in candidates:
        entry = found.left_out.get(candidate.column)
        if entry is not None and entry.reason == reasons.EMPTY:
            blank.append(candidate)
            continue
        series = raw.frame[candidate.column]
        rules = ValueRules.for_column(raw, candidate.column)
        read = read_binary(series, candidate.option, rules)
        if not read.unrecognised and (read.states >= 0).any():
            binary.append((candidate, read.states))
        elif _mostly_yes_no(read):
            # its stray cells were answered: they count as answered when telling a set
            # of checkboxes from a battery
            answered = np.where(series.notna().to_numpy() & (read.states < 0), 0, read.states)
            stray.append((candidate, answered))
        elif OTHER_OPTION.search(candidate.option) or OTHER_OPTION.search(candidate.column):
            write_ins.append(candidate)
        else:
            rest.append(candidate)
    if binary:
        binary += stray  # a typo in one cell does not take an item out of its set
    else:
        rest += [candidate for candidate, _ in stray]
    used: set[str] = set()
    if len(binary) >= 2 or (binary and write_ins):
        question = _binary_question(raw, stem, binary, write_ins, blank)
        found.questions.append(question)
        used.update(question.columns)
        for column in used:
            found.left_out.pop(column, None)
    else:
        rest = [c for c, _ in binary] + write_ins + rest
        write_ins = []
    for candidate in write_ins:
        if candidate.column not in used:
            found.leave_out(candidate.column, reasons.WRITE_IN)
    used.update(_grid_questions(found, stem, rest))
    return used


#: The share of a column's filled cells that may hold something other than a yes/no
#: answer (a typo, a stray NUL) for it still to count as a member of a yes/no set.
STRAY_SHARE = 0.05


def _mostly_yes_no(read) -> bool:
    """A yes/no column with a few stray values: at most STRAY_SHARE of its filled cells
    (at least one) unrecognised, the rest read as yes or no."""
    stray = sum(n for (_, how), n in read.readings.items() if how == "unrecognised")
    filled = sum(n for (value, how), n in read.readings.items() if value != "(empty)")
    answered = int((read.states >= 0).sum())
    return answered > 0 and 0 < stray <= max(1, STRAY_SHARE * filled)


def _binary_question(
    raw: RawTable,
    stem: str,
    binary: list[tuple[_Candidate, np.ndarray]],
    write_ins: list[_Candidate],
    blank: list[_Candidate],
) -> Question:
    """A multi or battery from yes/no members, with write-in members counted as 'Other'.

    In a multi, an option's column that nobody ticked (empty throughout) is an
    option with a count of 0, not a column to drop.
    """
    matrix = np.column_stack([states for _, states in binary])
    items = [
        Item(label=c.option, column=c.column, exclusive=looks_exclusive(c.option))
        for c, _ in binary
    ]
    checkbox = not (matrix == NOT_SELECTED).any()
    answered = matrix >= 0
    same_rows = bool((answered.all(axis=1) | ~answered.any(axis=1)).all())
    kind = "multi" if checkbox or same_rows or any(i.exclusive for i in items) else "battery"
    if kind == "multi":
        items += [Item(label=c.option, column=c.column, other=True) for c in write_ins]
        items += [
            Item(label=c.option, column=c.column, exclusive=looks_exclusive(c.option))
            for c in blank
        ]
    order = {column: index for index, column in enumerate(raw.columns)}
    items.sort(key=lambda item: order[item.source])
    question_id = _question_id(raw, [item.source for item in items], stem)
    return Question(id=question_id, type=kind, label=stem, items=items)


def _grid_questions(found: _Inference, stem: str, members: list[_Candidate]) -> set[str]:
    """Scale or single questions for a group's other members, with shared categories."""
    raw = found.raw
    closed, lists, used = [], [], set()
    for candidate in members:
        result = _single_column(raw, candidate.column, label=f"{stem} - {candidate.option}")
        if isinstance(result, Question) and result.type in ("single", "scale"):
            closed.append(result)
        elif isinstance(result, Question):
            found.questions.append(result)
            used.add(candidate.column)
            if result.separator and result.type == "multi":
                lists.append(result)
        else:
            found.leave_out(candidate.column, *result)
    if lists and len({q.separator for q in lists}) == 1:
        converted = _rows_read_as_lists(raw, closed, lists[0])
        for question in converted:
            closed.remove(question)
            found.questions.append(question)
            used.add(question.source)
        _share_list_options(raw, lists + converted)
    if any(q.type == "numeric" for q in found.questions if q.column in used):
        for question in [q for q in closed if _numbers_only(q.categories)]:
            closed.remove(question)
            question.type, question.categories = "numeric", []
            found.questions.append(question)
            used.add(question.source)
    free = [q for q in closed if not raw.value_labels.get(q.source)]
    if len(free) >= 2:
        answers = [label for question in free for label in question.categories]
        points = scale_points(answers)
        if points:
            for question in free:
                question.type, question.categories = "scale", points
        elif all(question.type == "single" for question in free):
            shared = _by_frequency(raw, [q.source for q in free])
            for question in free:
                question.categories = shared
    for question in closed:
        found.questions.append(question)
        used.add(question.source)
    return used


def _numbers_only(labels: list[str]) -> bool:
    return bool(labels) and all(parse_number(label) is not None for label in labels)


def _rows_read_as_lists(raw: RawTable, closed: list[Question], model: Question) -> list[Question]:
    """Grid rows read as single questions whose answers are all the grid's options, listed.

    A row where only one respondent ticked two options does not show its separator
    often enough to be found on its own; beside list rows it is one of them.
    """
    known = option_index([item.label for item in model.items if not item.other])
    converted = []
    for question in closed:
        values = [str(v) for v in raw.frame[question.column].dropna().unique() if str(v).strip()]
        cells = [split_options(value, model.list_separator, known) for value in values]
        if question.type == "single" and all(c.options and not c.write_in for c in cells):
            question.type, question.separator, question.categories = "multi", model.separator, []
            converted.append(question)
    return converted


def _share_list_options(raw: RawTable, questions: list[Question]) -> None:
    """Rows of a checkbox grid share their options: one nobody ticked in a row shows 0."""
    separator = questions[0].list_separator
    cells: Counter = Counter()
    for question in questions:
        for value, count in raw.frame[question.column].dropna().value_counts().items():
            if str(value).strip():
                cells[str(value)] += int(count)
    options = list_options(dict(cells), separator)
    for question in questions:
        others = [item for item in question.items if item.other]
        question.items = [
            Item(label=option, exclusive=looks_exclusive(option)) for option in options
        ] + others


def _by_frequency(raw: RawTable, columns: list[str]) -> list[str]:
    """Answers over several columns, most frequent first, ties in alphabetical order."""
    counts: Counter = Counter()
    for column in columns:
        rules = ValueRules.for_column(raw, column)
        for value, count in raw.frame[column].dropna().value_counts().items():
            if normalise(value) not in MISSING_WORDS and not rules.is_user_missing(value):
                counts[display(value)] += int(count)
    return _frequency_order(counts)


def _frequency_order(counts: dict[str, int]) -> list[str]:
    """Most frequent first, ties alphabetical; numbered answers in the order of their numbers.

    Codes that are all numbers go in numeric order, and so do bands that each hold a
    number ('18-25 jaar', '65+', 'minder dan 20.000', 'meer dan 100.000'), a band
    below or above its number sorting just before or after it.
    """
    numbers = {label: parse_number(label) for label in counts}
    if all(number is not None for number in numbers.values()):
        return sorted(counts, key=lambda label: numbers[label] or 0.0)
    bands = {label: _band_key(label) for label in counts}
    if len(counts) >= 3 and all(key is not None for key in bands.values()):
        return sorted(counts, key=lambda label: bands[label] or 0.0)
    return sorted(counts, key=lambda label: (-counts[label], normalise(label), label))


_FIRST_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")
_BELOW = re.compile(r"^(minder dan|jonger dan|tot|onder|beneden|less than|under|below|<)")
_ABOVE = re.compile(r"(meer dan|ouder dan|boven|more than|over|above|>|\+|en ouder|or more)")


def _band_key(label: str) -> float | None:
    """The number a band starts at, nudged down for 'below x' and up for 'x or more'."""
    text = normalise(label)
    match = _FIRST_NUMBER.search(text)
    if not match:
        return None
    number = float(re.sub(r"[.,](?=\d{3}\b)", "", match.group()).replace(",", "."))
    if _BELOW.search(text):
        return number - 0.5
    if _ABOVE.search(text) and not re.search(r"\d\s*[-–]\s*\d", text):
        return number + 0.5
    return number


def _checkbox_runs(found: _Inference, columns: list[str]) -> set[str]:
    """Runs of adjacent columns headed by an option and holding that option when ticked.

    Typeform and some SurveyMonkey exports write 'choose many' questions this way,
    without a shared question text; a free-text 'Other' column right after the run
    is its write-in item.
    """
    raw = found.raw
    position = {column: index for index, column in enumerate(raw.columns)}
    runs: list[list[str]] = []
    for column in columns:
        if not _holds_own_header(raw, column):
            continue
        if runs and position[runs[-1][-1]] == position[column] - 1:
            runs[-1].append(column)
        else:
            runs.append([column])
    used: set[str] = set()
    for run in runs:
        if len(run) < 2:
            continue
        items = [
            Item(label=raw.text(c), column=c, exclusive=looks_exclusive(raw.text(c))) for c in run
        ]
        after = position[run[-1]] + 1
        if after < len(raw.columns):
            other = raw.columns[after]
            if other in columns and OTHER_OPTION.search(raw.text(other)):
                items.append(Item(label=raw.text(other), column=other, other=True))
        label = " / ".join(item.label for item in items)
        found.questions.append(
            Question(
                id=_question_id(raw, list(run), items[0].label),
                type="multi",
                label=label,
                items=items,
            )
        )
        used.update(item.source for item in items)
    return used


def _holds_own_header(raw: RawTable, column: str) -> bool:
    """Every filled cell of the column repeats its header (a ticked option)."""
    import pandas as pd

    values = [v for v in raw.frame[column].unique() if pd.notna(v) and str(v).strip() != ""]
    if not values:
        return False
    header = normalise(raw.text(column))
    return all(normalise(v) == header for v in values)


def _mr_set_question(raw: RawTable, name: str, mr_set: dict, members: list[str]) -> Question:
    """An SPSS multiple-response set as declared.

    A dichotomy set (MDGROUP) counts its declared value as selected, whatever the
    value labels say; a category set (MCGROUP) is one question whose items are the
    categories found across its slot variables.
    """
    label = mr_set.get("label") or name.lstrip("$")
    question_id = _slug(name.lstrip("$"))
    if not mr_set.get("is_dichotomy", mr_set.get("type") == "D"):
        return _category_set(raw, question_id, label, members)
    counted = mr_set.get("counted_value")
    items = []
    for column in members:
        text = raw.labels.get(column, column)
        split = None
        for pattern in (_SPLITTERS[2], _SPLITTERS[4], _SPLITTERS[3], _SPLITTERS[0]):
            split = pattern.match(text)
            if split:
                break
        items.append(Item(label=split["option"].strip() if split else text, column=column))
    selected = [] if counted is None else [counted]
    return Question(id=question_id, type="multi", label=label, items=items, selected=selected)


def _category_set(raw: RawTable, question_id: str, label: str, slots: list[str]) -> Question:
    """The items of an SPSS category set: every labelled or observed code across its slots."""
    codes: dict[Any, str] = {}
    for slot in slots:
        rules = ValueRules.for_column(raw, slot)
        for code, text in rules.value_labels.items():
            if not rules.is_user_missing(code) and normalise(text) not in MISSING_WORDS:
                codes.setdefault(code, str(text))
        for value in raw.frame[slot].dropna().unique():
            if rules.is_user_missing(value) or normalise(value) in MISSING_WORDS:
                continue
            known = [c for c in codes if normalise(c) == normalise(value)]
            if not known:
                codes[value] = display(value)
    ordered = sorted(codes.items(), key=lambda pair: _number_first(pair[0]))
    items = [Item(label=text, value=code) for code, text in ordered]
    return Question(id=question_id, type="multi", label=label, items=items, slots=list(slots))


def _number_first(code: Any) -> tuple:
    number = parse_number(code)
    return (0, number, "") if number is not None else (1, 0.0, str(code))


def _single_column(
    raw: RawTable, column: str, label: str | None = None
) -> Question | tuple[str, str]:
    """One column on its own: a question, or the reason (and detail) it is not tabulated."""
    series = raw.frame[column]
    rules = ValueRules.for_column(raw, column)
    label = label or _clean_text(raw.text(column))
    question_id = _question_id(raw, [column], label)
    counts: Counter = Counter()
    frequencies = series.dropna().value_counts(sort=False).items()
    for value, count in sorted(frequencies, key=lambda pair: (-pair[1], str(pair[0]))):
        if str(value).strip():
            counts[display(value)] += int(count)
    present = {
        text: n
        for text, n in counts.items()
        if normalise(text) not in MISSING_WORDS and not rules.is_user_missing(text)
    }
    if not present:
        if counts:
            return Question(id=question_id, type="single", label=label, column=column)
        return (reasons.EMPTY, "")
    if OTHER_OPTION.search(normalise(label)) and not _answer_words(present, rules):
        return (reasons.WRITE_IN, "")
    if _answer_labels(rules):
        return _labelled_question(raw, column, question_id, label, rules, present)
    # a value outside the yes/no words rules the column out before reading every respondent
    binary = (
        read_binary(series, None, rules)
        if all(classify(text, None, rules) is not None for text in present)
        else None
    )
    if (
        binary is not None
        and not binary.unrecognised
        and (binary.states == SELECTED).any()
        and (binary.states == NOT_SELECTED).any()
    ):
        return Question(
            id=question_id,
            type="single",
            label=label,
            column=column,
            categories=_yes_first(present, rules),
        )
    numbers = _numbers_of(present, raw.decimal_of(column))
    weights = WEIGHT_WORDS.match(normalise(column)) or WEIGHT_WORDS.match(normalise(label))
    if weights and numbers and all(number > 0 for number in numbers.values()):
        return (reasons.WEIGHT, "positive numbers under a weight header: pass it with --weight")
    if numbers is not None:
        sentinels = [t for t, n in numbers.items() if n in SENTINEL_CODES]
        valid = {t: n for t, n in numbers.items() if t not in sentinels}
        if sentinels and valid and all(n is not None and n >= 0 for n in valid.values()):
            question = _number_question(
                raw, column, question_id, label, valid, {t: present[t] for t in valid}
            )
            question.missing = [*question.missing, *sentinels]
            return question
        return _number_question(raw, column, question_id, label, numbers, present)
    reason = reasons.value_reason(list(present))
    if reason:
        return (reason, "")
    separator = find_separator(present, coded=" " not in raw.text(column).strip())
    if separator:
        ranked = ranking_options(present, separator)
        if ranked:
            return Question(
                id=question_id,
                type="single",
                label=f"{label} (ranked first)",
                column=column,
                separator=separator,
                categories=ranked,
            )
        return list_question(column, question_id, label, separator, present)
    points = scale_points(list(present))
    if points:
        return Question(id=question_id, type="scale", label=label, column=column, categories=points)
    ordered = natural_order(list(present))
    if ordered:
        return Question(
            id=question_id, type="single", label=label, column=column, categories=ordered
        )
    answered = sum(present.values())
    if PLACE_WORDS.search(normalise(label)) and len(present) == answered >= 5:
        return (reasons.RESPONDENT_ID, "one row per place: the place identifies the respondent")
    verdict = _closed_or_open(present, label)
    if verdict == "closed" and STAFF_WORDS.search(normalise(label)):
        return (reasons.PERSONAL, "names of people")
    if verdict == "closed":
        written = _typed_one_offs(present)
        options = {text: n for text, n in present.items() if text not in written}
        items = []
        other = "Anders" if looks_dutch([label, *options]) else "Other"
        if written and normalise(other) not in {normalise(text) for text in options}:
            items = [Item(label=other, other=True)]
        else:
            options = present
        return Question(
            id=question_id,
            type="single",
            label=label,
            column=column,
            categories=_frequency_order(options) + [item.label for item in items],
            items=items,
        )
    if verdict == reasons.CONSTANT:
        return (reasons.CONSTANT, f"every answer is '{next(iter(present))}'")
    return (verdict, "")


def _numbers_of(present: dict[str, int], decimal: str) -> dict[str, float] | None:
    """Each answer as a number (a bound such as '50+' as that bound); None as soon as one
    is not a number, so a column of text is not parsed to its end."""
    numbers = {}
    for text in present:
        number = parse_number(text, decimal)
        if number is None:
            number = parse_bounded(text, decimal)
        if number is None:
            return None
        numbers[text] = number
    return numbers


def _typed_one_offs(present: dict[str, int]) -> set[str]:
    """Answers one respondent typed into a single choice's 'Other' box (Google, MS Forms).

    Those platforms write the typed text as the answer itself. Taken as such are
    answers given once that read as typed — starting in lower case, ending in a full
    stop or question mark — when there are two or more of them beside at least two
    options that several respondents chose. Length alone says nothing: option texts
    of many words are normal.
    """
    once = {text for text, n in present.items() if n == 1 and looks_typed(text)}
    recurring = [text for text, n in present.items() if n >= 2]
    return once if len(once) >= 2 and len(recurring) >= 2 else set()


def _answer_labels(rules: ValueRules) -> list[str]:
    """Value labels of real answers (not of user-missing codes such as 9 = Weet niet)."""
    return [
        label
        for code, label in rules.value_labels.items()
        if not rules.is_user_missing(code) and normalise(label) not in MISSING_WORDS
    ]


def _answer_words(present: dict[str, int], rules: ValueRules) -> bool:
    """Every answer is a yes/no word or a number (not free text)."""
    return all(
        classify(text, None, rules) is not None or parse_number(text) is not None
        for text in present
    )


def _yes_first(present: dict[str, int], rules: ValueRules) -> list[str]:
    """A yes/no question's answers: value-label order where labelled, else yes before no."""
    order = rules.label_order()
    if order:
        return order
    return sorted(present, key=lambda text: (classify(text, None, rules) != SELECTED, text))


def _labelled_question(
    raw: RawTable, column: str, question_id: str, label: str, rules: ValueRules, present: dict
) -> Question:
    """A coded column with value labels: a scale when the labels are one, else single.

    Whole-number codes labelled only at their ends ('1 = Zeer slecht', '5 = Zeer
    goed', or a 1–10 rapportcijfer) are a scale of every code in between, in code
    order; so is a rating the header asks for.
    """
    order = rules.label_order()
    answers = [code for code, text in rules.value_labels.items() if text in order]
    unlabelled = [text for text in present if rules.label_of(text) is None]
    labelled = [parse_number(code) for code in answers]
    numbers = [n for n in [*labelled, *(parse_number(t) for t in unlabelled)] if n is not None]
    ends = _labelled_ends(labelled, numbers)
    rating = ends or _rating_range(numbers, label)
    if rating and len(order) < rating[1] - rating[0] + 1:
        points = [rules.label_of(point) or str(point) for point in range(rating[0], rating[1] + 1)]
        return Question(id=question_id, type="scale", label=label, column=column, categories=points)
    kind = "scale" if scale_points(order) else "single"
    return Question(id=question_id, type=kind, label=label, column=column, categories=order)


def _labelled_ends(labelled: list[float | None], numbers: list[float]) -> tuple[int, int] | None:
    """(low, high) when whole-number codes have labels at both ends and gaps between."""
    if len(labelled) < 2 or any(n is None or not float(n).is_integer() for n in labelled):
        return None
    if not all(float(n).is_integer() for n in numbers):
        return None
    low, high = int(min(numbers)), int(max(numbers))
    codes = {int(n) for n in labelled if n is not None}
    if {low, high} <= codes and len(codes) < high - low + 1 and 3 <= high - low + 1 <= 11:
        return low, high
    return None


def _rating_range(numbers: list[float], label: str) -> tuple[int, int] | None:
    """The points of a rating question's whole numbers, from 0 or 1 up; else None.

    A likelihood (recommend) question runs from 0 to 10 even when nobody chose 0; a
    header naming a grade or 10 ('rapportcijfer', '1 = slecht, 10 = goed') runs to
    10; another rating header (how satisfied, score) to the highest answer given.
    Without such a header, whole numbers from 0 or 1 up to 10 with at least five
    different values are a 0–10 or 1–10 rating.
    """
    if not numbers or not all(float(n).is_integer() for n in numbers):
        return None
    low, high = int(min(numbers)), int(max(numbers))
    if low < 0 or high > 10:
        return None
    header = normalise(label)
    start = 0 if low == 0 else 1
    if LIKELIHOOD_WORDS.search(header):
        return (0, 10) if high > 5 else None
    if RATING_WORDS.search(header):
        if TEN_POINT_WORDS.search(header):
            return (start, 10)
        return (start, high) if high >= 3 else None
    shape = high == 10 and len(set(numbers)) >= 5 and not AMOUNT_WORDS.search(header)
    return (start, 10) if shape else None


def _number_question(
    raw: RawTable, column: str, question_id: str, label: str, numbers: dict, present: dict
) -> Question:
    """Numbers: a rating scale, coded answers (few whole numbers) or a numeric question."""
    values = list(numbers.values())
    rating = _rating_range(values, label)
    if rating:
        points = [str(point) for point in range(rating[0], rating[1] + 1)]
        return Question(id=question_id, type="scale", label=label, column=column, categories=points)
    whole = all(float(n).is_integer() for n in values)
    header = normalise(label)
    amount = AMOUNT_WORDS.search(header) and not CATEGORY_WORDS.search(header)
    bounded = any(parse_number(text, raw.decimal_of(column)) is None for text in present)
    few = len(values) <= 10 and sum(present.values()) >= 2 * len(values)
    if whole and not amount and not bounded and few:
        ordered = sorted(present, key=lambda text: numbers[text])
        return Question(
            id=question_id, type="single", label=label, column=column, categories=ordered
        )
    return Question(id=question_id, type="numeric", label=label, column=column)


def _closed_or_open(present: dict[str, int], label: str) -> str:
    """'closed' when answers recur as a closed question's do; else why it is not tabulated.

    Judged on the distinct answers and how often each was given, not on their
    length: 80-character options are normal. A closed question has at least half
    its answers given by two or more respondents and few one-off answers, always
    written the same way. Typed text shows itself by answers that differ only in
    case or punctuation ('Nee', 'nee', 'Nee.'), by 'no'/'geen' beside sentences,
    and by a header asking for comments or an explanation. One answer given by
    everyone is a question answered alike, unless it reads as a code (no spaces, not
    an answer word): then the column is a constant such as a survey or wave code.
    """
    answered = sum(present.values())
    distinct = len(present)
    header = normalise(label)
    if distinct == 1:
        text = next(iter(present))
        code_like = " " not in text.strip() and not (
            is_vocabulary_word(text) or is_scale_point(text)
        )
        return reasons.CONSTANT if answered >= 5 and code_like else "closed"
    once = sum(1 for n in present.values() if n == 1)
    recurring = sum(n for n in present.values() if n >= 2) / answered
    few_one_offs = once < 3 or once < 0.3 * answered
    typed = _typed(present) or bool(OPEN_WORDS.search(header))
    if not typed and distinct <= MAX_SINGLE_CATEGORIES and recurring >= 0.5 and few_one_offs:
        return "closed"
    large = distinct <= MAX_LARGE_CATEGORIES and recurring >= 0.3
    if not typed and large and (PLACE_WORDS.search(header) or answered >= 10 * distinct):
        return "closed"
    words = sum(len(text.split()) * n for text, n in present.items()) / answered
    if typed or OPEN_HINTS.search(header) or words >= 2 or max(len(t) for t in present) > 30:
        return reasons.OPEN_TEXT
    return reasons.UNRECOGNISED


#: Answers that say 'nothing to add' in free text.
_NOTHING = frozenset(
    {"nee", "no", "geen", "niets", "nothing", "no thanks", "nee hoor", "nope", "nvt", "-"}
)


def _typed(present: dict[str, int]) -> bool:
    """Answers typed by hand: spelling variants of one answer, or 'no' beside sentences."""
    worded = [text for text in present if re.search(r"[^\W\d_]", text)]
    folded = Counter(re.sub(r"[\W_]+", " ", text).strip().casefold() for text in worded)
    if any(n > 1 for n in folded.values()):
        return True
    nothing = any(key in _NOTHING for key in folded)
    sentences = any(len(text.split()) >= 4 for text in present)
    return nothing and sentences


def _note_write_ins(found: _Inference) -> None:
    """Say, under not tabulated, where written-in 'Other' text was counted but not listed."""
    raw = found.raw
    for question in found.questions:
        for item in question.items:
            if not item.other:
                continue
            column = item.column or question.source
            filled = raw.frame[column].dropna()
            if item.column is None and question.type == "single":
                listed = {normalise(c) for c in question.categories}
                answers = sum(1 for v in filled if normalise(v) not in listed | MISSING_WORDS)
            elif item.column is None:
                known = option_index([i.label for i in question.items if not i.other])
                answers = sum(
                    1
                    for v in filled
                    if split_options(str(v), question.list_separator, known).write_in
                )
            else:
                answers = int((filled.astype(str).str.strip() != "").sum())
            found.leave_out(
                column,
                reasons.WRITE_IN,
                f"{answers} written answer(s), counted as '{item.label}' in question "
                f"'{question.id}'; the texts themselves are not tabulated",
            )


#: The longest id made from a question's text; cut after a whole word.
ID_LENGTH = 32
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_.]{0,23}")
_CODE_SEPARATORS = "_[.#-"


def _slug(text: str) -> str:
    """A short ascii identifier for a question text: its first words, never half a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = ""
    for part in re.findall(r"[a-z0-9]+", ascii_text.lower()):
        longer = f"{slug}_{part}" if slug else part
        if len(longer) > ID_LENGTH and slug:
            break
        slug = longer[:ID_LENGTH]
    return slug or "question"


def _question_id(raw: RawTable, columns: list[str], text: str) -> str:
    """A question's id: the export's own code where it has one (SPSS variable names, a
    Qualtrics or LimeSurvey code row: 'Q2' for Q2_1, Q2_2, ...), else its text's first words.

    Codes are short and stay the same when a question's wording changes between waves.
    """
    coded = bool(columns) and all(raw.labels.get(c, c) != c for c in columns)
    if coded:
        stem = columns[0]
        if len(columns) > 1:
            shortest = min(len(c) for c in columns)
            shared = next(
                (i for i in range(shortest) if len({c[i] for c in columns}) > 1), shortest
            )
            cuts = [
                cut
                for cut in range(1, shared + 1)
                if all(len(c) > cut and c[cut] in _CODE_SEPARATORS for c in columns)
            ]
            stem = columns[0][: cuts[-1]] if cuts else ""
        if _CODE.fullmatch(stem):
            return stem
    return _slug(text)


_PIPED = re.compile(r"\$\{[^}]*\}")


def _unique_labels(questions: list[Question]) -> None:
    """Questions that read alike (Qualtrics loop & merge) carry their column to tell them apart.

    Piped text the platform did not fill in ('${lm://Field/1}') is shown as '…'.
    """
    for question in questions:
        question.label = _PIPED.sub("…", question.label)
    counts = Counter(question.label for question in questions)
    for question in questions:
        if counts[question.label] > 1:
            question.label = f"{question.label} ({question.columns[0]})"


def _unique_ids(questions: list[Question]) -> None:
    seen: Counter = Counter()
    for question in questions:
        seen[question.id] += 1
        if seen[question.id] > 1:
            question.id = f"{question.id}_{seen[question.id]}"
