"""Header layouts of survey exports: title rows, one or two header rows, Qualtrics.

Works on the first rows of a sheet as plain lists of strings (None for an
empty cell), so the same rules apply to xlsx, csv and every other grid.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from monitorkit.errors import Location

#: Words SurveyMonkey writes in its second header row over a column that holds
#: the answer itself rather than one option of a question.
RESPONSE_WORDS = frozenset({"response", "open-ended response", "antwoord", "open antwoord"})

_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
_IMPORT_ID = re.compile(r'^\{"ImportId"')
#: Column codes Qualtrics writes in its first header row; the second row holds their texts.
QUALTRICS_CODES = frozenset(
    {"startdate", "enddate", "status", "ipaddress", "progress", "finished", "recordeddate"}
    | {"responseid", "distributionchannel", "userlanguage", "duration (in seconds)"}
)
_DATE_OR_NUMBER = re.compile(r"^[\d\s:/.,+-]+(am|pm)?$", re.IGNORECASE)


@dataclass
class HeaderLayout:
    """How the top of a grid is laid out."""

    title_rows: int
    header_rows: int
    style: str  # "single", "two-row" (SurveyMonkey) or "qualtrics" (codes, texts, ImportIds)


@dataclass
class NamedColumns:
    """Unique column names plus what the header rows said about each column."""

    names: list[str]
    labels: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: A header text that occurs more than once -> the suffixed names it was given.
    duplicates: dict[str, list[str]] = field(default_factory=dict)


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _filled(row: list[str | None]) -> list[int]:
    return [i for i, cell in enumerate(row) if cell is not None and str(cell).strip() != ""]


def detect_layout(rows: list[list[str | None]], header_rows: int | None = None) -> HeaderLayout:
    """Find title rows above the header and how many header rows there are.

    A title row has at most one filled cell (or two above a much wider row: an
    export date); the header is the first row after them. Qualtrics puts an
    ``{"ImportId": ...}`` row third; SurveyMonkey leaves the first header row blank
    over an option group and names the options (or "Response") in the second.
    """
    title = 0
    while title < len(rows) and title < 20 and _is_title_row(rows, title):
        title += 1
    if title == len(rows) or title == 20:
        title = 0
    if header_rows is not None:
        style = {1: "single", 2: "two-row"}.get(header_rows, "qualtrics")
        return HeaderLayout(title, header_rows, style)
    top = rows[title]
    second = rows[title + 1] if title + 1 < len(rows) else []
    third = rows[title + 2] if title + 2 < len(rows) else []
    if any(cell and _IMPORT_ID.match(str(cell)) for cell in third):
        return HeaderLayout(title, 3, "qualtrics")
    if _looks_like_qualtrics_texts(top, second):
        return HeaderLayout(title, 2, "qualtrics")
    if _looks_like_second_header(top, second):
        return HeaderLayout(title, 2, "two-row")
    return HeaderLayout(title, 1, "single")


def _is_title_row(rows: list[list[str | None]], index: int) -> bool:
    """A row above the header: one filled cell, or two ('Geëxporteerd op:' and a date)
    above a row with at least twice as many and four or more."""
    filled = len(_filled(rows[index]))
    if filled <= 1:
        return True
    below = [len(_filled(row)) for row in rows[index + 1 :]]
    following = next((count for count in below if count), 0)
    return filled == 2 and following >= 4 and following >= 2 * filled


def _looks_like_qualtrics_texts(top: list[str | None], second: list[str | None]) -> bool:
    """Qualtrics codes in the first row with question texts, not answers, below them.

    An export without its ImportId row still has the texts ('Start Date', 'Response
    ID') under the codes; a data row has a date, a number or an id there instead.
    """
    positions = [
        i for i, cell in enumerate(top) if cell and str(cell).strip().casefold() in QUALTRICS_CODES
    ]
    if len(positions) < 2:
        return False
    below = [second[i] if i < len(second) else None for i in positions]
    texts = [str(cell).strip() for cell in below if cell is not None and str(cell).strip()]
    if len(texts) < len(positions):
        return False
    return all(not _DATE_OR_NUMBER.match(text) and not text.startswith("R_") for text in texts)


def _looks_like_second_header(top: list[str | None], second: list[str | None]) -> bool:
    filled_second = _filled(second)
    if not filled_second:
        return False
    texts = [str(second[i]).strip() for i in filled_second]
    if any(text.lower() in RESPONSE_WORDS for text in texts):
        return True
    filled_top = set(_filled(top))
    if not filled_top:
        return False
    first = min(filled_top)
    gaps = [i for i in range(first + 1, len(top)) if i not in filled_top and i < len(second)]
    if not gaps:
        return False
    run_cells = [second[i] for i in gaps]
    if any(cell is None or str(cell).strip() == "" for cell in run_cells):
        return False
    run_texts = [str(cell).strip() for cell in run_cells]
    if any(_NUMBER.match(text) for text in run_texts):
        return False
    from monitorkit.vocabulary import is_vocabulary_word

    if any(is_vocabulary_word(text) for text in run_texts):
        return False
    return max(Counter(run_texts).values()) == 1


def name_columns(
    header: list[list[str | None]], layout: HeaderLayout, location: Location
) -> NamedColumns:
    """Unique column names from the header rows; duplicates are an input error."""
    width = max(len(row) for row in header)
    rows = [list(row) + [None] * (width - len(row)) for row in header]
    clean = [
        [None if c is None or str(c).strip() == "" else str(c).strip() for c in r] for r in rows
    ]
    named = NamedColumns(names=[])
    if layout.style == "two-row":
        question = None
        for i in range(width):
            if clean[0][i] is not None:
                question = clean[0][i]
            option = clean[1][i]
            if option is None or option.lower() in RESPONSE_WORDS:
                name = question or option or f"column {column_letter(i)}"
            elif question is None:
                name = option
            else:
                name = f"{question} - {option}"
                named.pairs[name] = (question, option)
            named.names.append(name)
    else:
        for i in range(width):
            named.names.append(clean[0][i] or f"column {column_letter(i)}")
        if layout.style == "qualtrics" and len(clean) > 1:
            for name, text in zip(named.names, clean[1], strict=True):
                if text:
                    named.labels[name] = text
    _suffix_duplicates(named)
    return named


def _suffix_duplicates(named: NamedColumns) -> None:
    """Give every occurrence of a repeated header a visible ' (column X)' suffix.

    Google Sheets and Typeform exports repeat question titles; each copy stays a
    column of its own, and ``duplicates`` records the renaming for warnings and for
    a codebook that names the ambiguous header.
    """
    positions: dict[str, list[int]] = {}
    for i, name in enumerate(named.names):
        positions.setdefault(name, []).append(i)
    for name, where in positions.items():
        if len(where) < 2:
            continue
        renamed = [f"{name} (column {column_letter(i)})" for i in where]
        for i, new in zip(where, renamed, strict=True):
            named.names[i] = new
            named.labels[new] = named.labels.get(name, name)
            if name in named.pairs:
                named.pairs[new] = named.pairs[name]
        named.labels.pop(name, None)
        named.pairs.pop(name, None)
        named.duplicates[name] = renamed
