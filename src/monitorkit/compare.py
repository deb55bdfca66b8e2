"""Wave-to-wave comparison of the same questions (independent samples).

Questions are matched by codebook id, items by column and else by label, so
waves whose exports name columns differently still line up. Per item: count,
base and percent per wave, the difference in percentage points (later minus
earlier) with a 95% Newcombe hybrid score interval, and a two-sided pooled
two-proportion z-test, both from statsmodels.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from monitorkit.answers import normalise
from monitorkit.datasets import public_provenance
from monitorkit.errors import UsageError
from monitorkit.estimates import QuestionSummary, Summary, _number

DIFF_INTERVAL = "Newcombe hybrid score"
DIFF_TEST = "two-proportion z-test (pooled, two-sided)"
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


def wave_labels(paths: list[str], labels: str | None = None) -> list[str]:
    """From --labels, else the first four-digit year in each file name, else the file stem."""
    if labels:
        given = [label.strip() for label in labels.split(",")]
        if len(given) != len(paths):
            raise UsageError(
                f"--labels names {len(given)} waves for {len(paths)} files",
                hint="give one label per file, e.g. --labels 2014,2015",
            )
        return given
    names = []
    for path in paths:
        stem = Path(path).stem
        year = _YEAR.search(stem)
        names.append(year.group(0) if year else stem)
    if len(set(names)) < len(names):
        return [Path(path).stem for path in paths]
    return names


def difference(count_a: int, base_a: int, count_b: int, base_b: int) -> dict[str, Any]:
    """B minus A in percentage points, with Newcombe's interval and the pooled z-test."""
    from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

    if not base_a or not base_b:
        return {"diff_pp": None, "diff_ci": None, "test": None}
    diff = 100 * (count_b / base_b - count_a / base_a)
    low, high = confint_proportions_2indep(
        count_b, base_b, count_a, base_a, method="newcomb", compare="diff"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        _, p = proportions_ztest([count_b, count_a], [base_b, base_a])
    p = _number(p)
    test = (
        {"name": DIFF_TEST, "p": p}
        if p is not None
        else {
            "name": DIFF_TEST,
            "p": None,
            "note": "no variation: the same 0% or 100% in both waves",
        }
    )
    return {"diff_pp": diff, "diff_ci": [_number(low * 100), _number(high * 100)], "test": test}


@dataclass
class Comparison:
    """The same questions across waves."""

    labels: list[str]
    summaries: list[Summary]
    questions: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        waves = []
        for label, summary in zip(self.labels, self.summaries, strict=True):
            wave = {
                "label": label,
                "source": summary.responses.source.as_dict(),
                "codebook": summary.responses.codebook.instrument,
            }
            if summary.provenance:
                wave["provenance"] = public_provenance(summary.provenance)
            waves.append(wave)
        return {
            "waves": waves,
            "interval": DIFF_INTERVAL,
            "test": DIFF_TEST,
            "questions": self.questions,
        }


def _match_items(question: QuestionSummary, other: QuestionSummary) -> list[dict | None]:
    """For each item of ``question``, the same item in ``other`` by column, else by label."""
    by_column = {item.get("column"): item for item in other.items if item.get("column")}
    by_label = {normalise(item["label"]): item for item in other.items}
    return [
        by_column.get(item.get("column")) or by_label.get(normalise(item["label"]))
        for item in question.items
    ]


def compare(
    paths: list[str],
    *,
    labels: str | None = None,
    codebooks: list | None = None,
    confidence: float = 0.95,
) -> Comparison:
    """Summarize each wave and line up the questions they share."""
    from monitorkit.estimates import summarize

    if len(paths) < 2:
        raise UsageError(
            "compare needs at least two files", hint="monitorkit compare A.xlsx B.xlsx"
        )
    names = wave_labels(paths, labels)
    books = codebooks or [None] * len(paths)
    summaries = [
        summarize(path, codebook=book, confidence=confidence)
        for path, book in zip(paths, books, strict=True)
    ]
    first = summaries[0]
    questions = []
    for question in first.questions:
        others = [next((q for q in s.questions if q.id == question.id), None) for s in summaries]
        if sum(q is not None for q in others) < 2 or question.type == "numeric":
            continue
        questions.append(_compare_question(question, others, names))
    if not questions:
        raise UsageError(
            "the waves share no question", hint="pass a codebook per wave with --codebook"
        )
    return Comparison(names, summaries, questions)


def _compare_question(
    question: QuestionSummary, waves: list[QuestionSummary | None], names: list[str]
) -> dict[str, Any]:
    matched = [
        _match_items(question, wave) if wave else [None] * len(question.items) for wave in waves
    ]
    items = []
    for index, item in enumerate(question.items):
        cells = {
            name: (
                {
                    "count": m[index]["count"],
                    "base": m[index]["base"],
                    "percent": m[index]["percent"],
                }
                if m[index]
                else None
            )
            for name, m in zip(names, matched, strict=True)
        }
        present = [(name, cell) for name, cell in cells.items() if cell]
        entry = {"label": item["label"], "waves": cells}
        if len(present) >= 2:
            (_, first), (_, last) = present[0], present[-1]
            entry.update(difference(first["count"], first["base"], last["count"], last["base"]))
            entry["from"], entry["to"] = present[0][0], present[-1][0]
        else:
            entry.update({"diff_pp": None, "diff_ci": None, "test": None})
        items.append(entry)
    return {"id": question.id, "label": question.label, "type": question.type, "items": items}
