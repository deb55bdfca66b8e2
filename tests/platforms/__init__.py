"""Survey-platform exports written the way each platform really writes them.

Each module in this package builds exports of one platform (metadata columns,
header rows, answer texts, Dutch and English variants) from a seeded generator
and states, from the generating truth rather than from monitorkit, what a careful
analyst counts by hand. ``tests/test_platforms.py`` runs every case through
``summarize`` and compares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: Why a column is not tabulated (the ``reason`` of a ``not_tabulated`` entry).
REASONS = (
    "platform metadata",  # Status, Progress, Finished, Collector ID, lastpage, seed, Network ID ...
    "respondent id",  # ResponseId, Respondent ID, Respons ID, #, ID, a leading unnamed index
    "timestamp",  # StartDate, Tijdstempel, Submit Date (UTC), Completion time ...
    "personal data",  # e-mail, names, IP address, phone numbers, location
    "open text",  # free answers
    "write-in text",  # the text of an 'Other, namely ...' answer
    "constant",  # one non-answer value in every row
    "empty",  # no value at all
    "unrecognised values",  # neither closed nor open text
    "weight",  # the column given with --weight
    "not in codebook",  # a codebook was given and does not name the column
    "group column",  # the column given with --by when it is not a question
)


@dataclass
class ExpectedQuestion:
    """A closed question monitorkit must find.

    ``columns``: the source columns exactly as monitorkit names them (see the module
    docstrings: codes of a Qualtrics/LimeSurvey code row, ``Question - Option`` for a
    SurveyMonkey two-row header, the header text otherwise), matched as a set.
    ``items``: (label, count) per item; every item's base is ``base`` unless
    ``item_bases`` gives one per item (batteries). With ``ordered`` the items must come
    in this order (scales); otherwise order is free. ``missing``: (label, count) rows
    shown below the valid categories (Weet niet, n.v.t., user-missing codes).
    """

    columns: list[str]
    type: str  # multi | battery | single | scale | numeric
    base: int
    items: list[tuple[str, int]] = field(default_factory=list)
    item_bases: list[int] | None = None
    ordered: bool = False
    missing: list[tuple[str, int]] = field(default_factory=list)
    mean: float | None = None  # numeric and scale questions


@dataclass
class PlatformCase:
    """One export file and what a hand count gives."""

    name: str
    write: Callable[[Path], Path]  # writes the export into a folder, returns its path
    respondents: int  # respondents after test/preview rows and footers are left out
    questions: list[ExpectedQuestion]
    not_tabulated: dict[str, str]  # column -> reason (one of REASONS)
    options: dict = field(default_factory=dict)  # keyword arguments for summarize()
    left_out: int = 0  # preview/test rows left out by default


def multi_question(names: list[str], labels: list[str], ticked: list[set[str]]) -> ExpectedQuestion:
    """Checkbox question: base = respondents with at least one tick (Other text counts)."""
    answered = [t for t in ticked if t]
    return ExpectedQuestion(
        columns=names,
        type="multi",
        base=len(answered),
        items=[(label, sum(1 for t in answered if label in t)) for label in labels],
    )


def choice_question(
    name: str,
    answers: list[str | None],
    *,
    points: list[str] | None = None,
    missing_words: tuple[str, ...] = (),
    kind: str = "single",
) -> ExpectedQuestion:
    """Single/scale: every point listed in order when ``points`` is given, else observed ones."""
    given = [a for a in answers if a]
    missing = Counter(a for a in given if a in missing_words)
    valid = Counter(a for a in given if a not in missing_words)
    if points is None:
        items = sorted(valid.items())
    else:
        assert set(valid) <= set(points), (set(valid), points)
        items = [(p, valid.get(p, 0)) for p in points]
    return ExpectedQuestion(
        columns=[name],
        type=kind,
        base=sum(valid.values()),
        items=items,
        ordered=points is not None,
        missing=sorted(missing.items()),
    )


def rating_question(name: str, values: list[int | None], low: int, high: int) -> ExpectedQuestion:
    given = [v for v in values if v is not None]
    return ExpectedQuestion(
        columns=[name],
        type="scale",
        base=len(given),
        items=[(str(p), given.count(p)) for p in range(low, high + 1)],
        ordered=True,
        mean=sum(given) / len(given),
    )


def numeric_question(name: str, values: list[int | None]) -> ExpectedQuestion:
    given = [v for v in values if v is not None]
    return ExpectedQuestion(
        columns=[name], type="numeric", base=len(given), mean=sum(given) / len(given)
    )
