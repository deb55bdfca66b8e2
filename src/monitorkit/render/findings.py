"""Key findings: the few lines a report opens with, derived from the typed results.

Three kinds, each naming the question whose table backs it:

- the largest shares: each question's highest percentage, the five highest of a file;
- the significant group differences (``--by``): an item whose test across the groups
  is significant at 5% (its adjusted p under ``--adjust``), with the pairs of groups
  that differ, and a numeric question whose group means differ;
- the significant changes between waves: an item or mean whose headline change is
  significant at 5% (a partial panel's headline has no test of its own, see the table).

The most significant come first; a list stops at :data:`MOST` lines and says how
many more the tables hold. ``key_findings(summary)`` or ``key_findings(comparison)``
gives the same lines a notebook can print or filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from monitorkit.options import Locale
from monitorkit.render.numbers import fmt_interval, fmt_number, fmt_p, fmt_percent
from monitorkit.render.words import ci_title, word
from monitorkit.results import ItemEstimate, QuestionChange, QuestionResult, TestResult
from monitorkit.stats.compare import Comparison
from monitorkit.stats.estimates import PAIRWISE_ALPHA, Summary

#: How many of a file's largest shares a report names.
LARGEST = 5
#: At most this many significant differences (changes) are listed; the rest are counted.
MOST = 8

Kind = Literal["share", "difference", "change"]


@dataclass(frozen=True)
class Finding:
    """One key finding: what it is about (``subject``), its numbers (``detail``) and the
    question whose table shows it. ``value`` is the percentage (share), or the change in
    percentage points (a mean's change in its unit); ``p`` the p-value it rests on."""

    kind: Kind
    question: str
    subject: str
    detail: str
    value: float | None = None
    p: float | None = None

    @property
    def text(self) -> str:
        return f"{self.subject}: {self.detail}"


def key_findings(result: Summary | Comparison, locale: Locale = "en") -> list[Finding]:
    """The key findings of a summary (largest shares, group differences) or of a
    comparison (changes between waves), most telling first."""
    if isinstance(result, Comparison):
        return _changes(result, locale)
    return _largest_shares(result, locale) + _differences(result, locale)


def listed(findings: list[Finding], kind: Kind) -> list[Finding]:
    """The findings of one kind a short list shows."""
    return [f for f in findings if f.kind == kind][:MOST]


def left_out(findings: list[Finding], kind: Kind) -> int:
    """How many findings of a kind a short list leaves out (0 when it shows them all)."""
    return max(0, sum(f.kind == kind for f in findings) - MOST)


def _subject(question: QuestionResult | QuestionChange, label: str, items: int) -> str:
    """'Question: item', or the item alone when it is the question's only item."""
    return label if items == 1 else f"{question.label}: {label}"


def _share(item: ItemEstimate, locale: Locale, confidence: float) -> str:
    interval = fmt_interval(item.ci_low, item.ci_high, 1, locale)
    return f"{fmt_percent(item.percent, 1, locale)} ({ci_title(confidence, locale)} {interval})"


def _largest_shares(summary: Summary, locale: Locale) -> list[Finding]:
    """Each proportion question's largest item, the :data:`LARGEST` largest of them.

    The ``--by`` question itself is left out: its shares are the groups' sizes.
    """
    tops = []
    for question in summary.questions:
        items = [item for item in question.items if item.percent is not None]
        if question.stats is not None or not items or question.id == summary.by:
            continue
        top = max(items, key=lambda item: item.percent or 0.0)
        tops.append(
            Finding(
                "share",
                question.id,
                _subject(question, top.label, len(question.items)),
                _share(top, locale, summary.confidence),
                value=top.percent,
            )
        )
    tops.sort(key=lambda finding: -(finding.value or 0.0))
    return tops[:LARGEST]


def _significant(test: TestResult | None) -> float | None:
    """The p a finding rests on (the adjusted one under --adjust) when below 5%."""
    if test is None:
        return None
    p = test.p_adjusted if test.p_adjusted is not None else test.p
    return p if p is not None and p < PAIRWISE_ALPHA else None


def _p_text(p: float, locale: Locale) -> str:
    text = fmt_p(p, locale)
    return f"p < {text[1:]}" if text.startswith("<") else f"p = {text}"


def _differences(summary: Summary, locale: Locale) -> list[Finding]:
    """Items (and numeric questions) whose groups differ significantly, lowest p first."""
    found = []
    versus = f" {word('vs', locale)} "
    for question in summary.questions:
        groups = question.groups
        if not groups:
            continue
        if question.stats is not None:
            p = _significant(question.stats.test)
            if p is not None:
                means = versus.join(
                    f"{g.group} {fmt_number(g.stats.mean if g.stats else None, 2, locale)}"
                    for g in groups
                )
                detail = f"{word('mean', locale)} {means} ({_p_text(p, locale)})"
                found.append(Finding("difference", question.id, question.label, detail, p=p))
            continue
        for index, item in enumerate(question.items):
            p = _significant(item.test)
            if p is None:
                continue
            share = {g.group: g.items[index].percent for g in groups}
            pairs = item.test.pairwise.differing if item.test and item.test.pairwise else ()
            compared = pairs or (tuple(share),)
            detail = "; ".join(
                versus.join(f"{group} {fmt_percent(share[group], 1, locale)}" for group in pair)
                for pair in compared
            )
            found.append(
                Finding(
                    "difference",
                    question.id,
                    _subject(question, item.label, len(question.items)),
                    f"{detail} ({_p_text(p, locale)})",
                    p=p,
                )
            )
    return sorted(found, key=lambda finding: finding.p or 0.0)


def _changes(comparison: Comparison, locale: Locale) -> list[Finding]:
    """Items (and numeric means) whose change between the first and last wave is
    significant, lowest p first."""
    found = []
    confidence = ci_title(comparison.confidence, locale)
    for question in comparison.questions:
        numeric = question.means is not None
        decimals = 2 if numeric else 1
        for row in question.rows:
            change = row.change
            p = _significant(change.test)
            if p is None or change.diff_pp is None:
                continue
            first = row.first or comparison.labels[0]
            last = row.last or comparison.labels[-1]
            ends = []
            for wave in (first, last):
                cell = row.cell(wave)
                if numeric:
                    value = fmt_number(getattr(cell, "mean", None), decimals, locale)
                else:
                    value = fmt_percent(getattr(cell, "percent", None), 1, locale)
                ends.append(f"{value} ({wave})")
            diff = fmt_number(change.diff_pp, decimals, locale)
            unit = "" if numeric else f" {word('pp', locale)}"
            interval = fmt_interval(*(change.diff_ci or (None, None)), decimals, locale)
            detail = (
                f"{' → '.join(ends)}: {'+' if change.diff_pp > 0 else ''}{diff}{unit} "
                f"({confidence} {interval}; {_p_text(p, locale)})"
            )
            subject = (
                question.label if numeric else _subject(question, row.label, len(question.items))
            )
            found.append(Finding("change", question.id, subject, detail, value=change.diff_pp, p=p))
    return sorted(found, key=lambda finding: finding.p or 0.0)
