"""The table of one compared question, built once for every renderer.

Terminal, Markdown, the HTML report and the xlsx workbook all show a compared
question through :func:`change_table`: the same columns, rows and notes. Cells
keep their typed values (a wave's cell, a number, an interval); :func:`cell_text`
turns them into text, and the workbook spreads them over numeric columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from monitorkit.options import Locale
from monitorkit.render.numbers import fmt_interval, fmt_number, fmt_p, fmt_percent
from monitorkit.render.words import ci_title, level, method, word
from monitorkit.results import Change, NumericStats, QuestionChange
from monitorkit.stats.compare import Comparison, assumed_bases, trend_scores

Kind = Literal["label", "wave", "change", "interval", "p", "count", "share"]


@dataclass(frozen=True)
class Column:
    """A column of a change table: its title and what kind of value its cells hold."""

    title: str
    kind: Kind


@dataclass(frozen=True)
class ChangeTable:
    """One compared question as columns, rows of typed cells, and the notes that explain them."""

    question: QuestionChange
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    notes: tuple[str, ...]
    #: Decimals of changes and intervals: 1 for percentage points, 2 for means.
    decimals: int = 1


def cell_text(kind: Kind, value: Any, locale: Locale = "en", decimals: int = 1) -> str:
    """A cell as text: a wave as '43.8% (35/80)' or 'mean 6.0 (n 80)', numbers in the locale."""
    if kind == "label":
        return str(value)
    if value is None:
        return "–"
    if kind == "wave":
        if isinstance(value, NumericStats):
            return f"{fmt_number(value.mean, 2, locale)} (n {value.n})"
        return f"{fmt_percent(value.percent, 1, locale)} ({value.count}/{value.base})"
    if kind == "interval":
        return fmt_interval(value[0], value[1], decimals, locale)
    if kind == "p":
        return fmt_p(value, locale)
    if kind == "count":
        return str(value)
    if kind == "share":
        return fmt_percent(100 * value, 0, locale)
    return fmt_number(value, decimals, locale)


def _headline(change: Change | None) -> tuple[float | None, Any, float | None]:
    if change is None:
        return None, None, None
    return change.diff_pp, change.diff_ci, change.test.p if change.test else None


def change_table(
    comparison: Comparison, question: QuestionChange, locale: Locale = "en"
) -> ChangeTable:
    """The columns, rows and notes of one compared question."""
    confidence = comparison.confidence
    assumed = assumed_bases(question.id, comparison.summaries, comparison.labels)
    waves = [
        Column(f"{label} ({word('N assumed', locale)})" if label in assumed else label, "wave")
        for label in comparison.labels
    ]
    headline = [
        Column(word("Change (pp)", locale), "change"),
        Column(ci_title(confidence, locale), "interval"),
        Column("p", "p"),
    ]
    numeric = question.means is not None
    if numeric:
        headline[0] = Column(word("Change", locale), "change")
    partial = any(row.unpaired is not None for row in question.rows)
    tested = not partial or any(row.change.diff_ci is not None for row in question.rows)
    if not tested:
        headline = headline[:1]
    extra: list[Column] = []
    if question.trend:
        extra += [Column(word("p trend", locale), "p"), Column(word("p across waves", locale), "p")]
    if partial:
        extra += [
            Column(word("Overlap", locale), "share"),
            Column(word("Paired n", locale), "count"),
            Column(word("Paired change", locale), "change"),
            Column(f"{word('Paired', locale)} {ci_title(confidence, locale)}", "interval"),
            Column(word("p paired", locale), "p"),
            Column(word("Independent change", locale), "change"),
            Column(f"{word('Independent', locale)} {ci_title(confidence, locale)}", "interval"),
            Column(word("p independent", locale), "p"),
        ]
    elif question.paired:
        extra.append(Column(word("Paired n", locale), "count"))
    rows = []
    for item in question.rows:
        name = word(item.label, locale) if numeric else item.label
        row: list[Any] = [name, *(item.cell(label) for label in comparison.labels)]
        row += _headline(item.change)[: len(headline)]
        if question.trend:
            row += [item.trend.p if item.trend else None, item.across.p if item.across else None]
        if partial:
            paired = item.paired
            row += [item.overlap, paired.n if paired else None]
            row += _headline(paired.change if paired else None)
            row += _headline(item.unpaired.change if item.unpaired else None)
        elif question.paired:
            row.append(item.paired.n if item.paired else None)
        rows.append(tuple(row))
    columns = (Column(word("Item", locale), "label"), *waves, *headline, *extra)
    notes = _notes(comparison, question, partial, locale)
    return ChangeTable(question, columns, tuple(rows), notes, decimals=2 if numeric else 1)


#: The sentences of a compare table's notes, per locale; method names stay as named.
NOTES = {
    "en": {
        "independent": "{change}; {methods}.",
        "partial": (
            "{change}. {first} and {last} share only part of their respondents ({n} matched "
            "on {keys}), so the change of all respondents has no test of its own. Overlap: "
            "the share of the item's respondents present in both waves. Paired: those "
            "respondents, {paired}. Independent: the other respondents of each wave (not "
            "matched, or matched without an answer in the other wave), {independent}."
        ),
        "full": (
            "{change}. Every respondent of {first} and {last} is matched ({n} on {keys}): the "
            "change is paired, {paired}."
        ),
        "trend": (
            "p trend: {trend} over {axis}, the waves taken as independent samples; p across "
            "waves: {across} (equal percentages in every wave)."
        ),
        "years": "the years",
        "order": "the waves' order (1, 2, …)",
        "method": "{confidence} {interval} interval; p: {test}",
        "none": "no change could be computed",
    },
    "nl": {
        "independent": "{change}; {methods}.",
        "partial": (
            "{change}. {first} en {last} delen maar een deel van hun respondenten ({n} "
            "gekoppeld op {keys}); het verschil over alle respondenten heeft daarom geen "
            "eigen toets. Overlap: het aandeel van de respondenten van het item dat in beide "
            "metingen voorkomt. Gepaard: die respondenten, {paired}. Onafhankelijk: de "
            "overige respondenten van elke meting (niet gekoppeld, of gekoppeld zonder "
            "antwoord in de andere meting), {independent}."
        ),
        "full": (
            "{change}. Elke respondent van {first} en {last} is gekoppeld ({n} op {keys}): "
            "het verschil is gepaard, {paired}."
        ),
        "trend": (
            "p trend: {trend} over {axis}, de metingen als onafhankelijke steekproeven; p "
            "over alle metingen: {across} (gelijke percentages in elke meting)."
        ),
        "years": "de jaren",
        "order": "de volgorde van de metingen (1, 2, …)",
        "method": "{confidence}-betrouwbaarheidsinterval ({interval}); p: {test}",
        "none": "geen verschil te berekenen",
    },
}


def _notes(
    comparison: Comparison, question: QuestionChange, partial: bool, locale: Locale
) -> tuple[str, ...]:
    """Say which analysis each column is: independent, paired, partly paired, trend.

    The names come from the results themselves, so a weighted comparison names
    its design-based interval and test, an unweighted one Newcombe and the z-test.
    """
    text = NOTES[locale]
    confidence = level(comparison.confidence)
    if question.means is not None:
        change = word("Change: last minus first wave's mean", locale)
    else:
        change = word("Change: last minus first wave in percentage points", locale)
    panel = comparison.panel

    def methods(part: str) -> str:
        return _methods(_changes(question, part), confidence, text)

    notes = []
    if panel is None or not question.paired:
        notes.append(text["independent"].format(change=change, methods=methods("change")))
    else:
        key = "partial" if partial else "full"
        notes.append(
            text[key].format(
                change=change,
                first=comparison.labels[0],
                last=comparison.labels[-1],
                n=len(panel.rows),
                keys=_keys(panel.keys),
                paired=methods("paired"),
                independent=methods("unpaired"),
            )
        )
    if question.units:
        notes.append(unit_mismatch_note(question.units, locale))
    for item in question.items:
        notes.extend(sensitivity_note(item, found, locale) for found in item.sensitivity)
    if question.trend:
        scores = trend_scores(comparison.labels)
        axis = text["years"] if scores[0] != 1.0 else text["order"]
        trend = method(next(item.trend.name for item in question.rows if item.trend), locale)
        across = method(next(item.across.name for item in question.rows if item.across), locale)
        notes.append(text["trend"].format(trend=trend, axis=axis, across=across))
    return tuple(notes)


def unit_mismatch_note(units: dict[str, str], locale: Locale) -> str:
    """The warning every format gives a question compared across waves of different units."""
    counted = "; ".join(f"{wave}: {unit}" for wave, unit in units.items())
    return word(
        "Units differ ({counted}): compared only because --allow-unit-mismatch was given; "
        "the change sets two different measures against each other.",
        locale,
    ).format(counted=counted)


def sensitivity_note(item, found, locale: Locale) -> str:
    """What an unprinted N does to a change's conclusion: the N from which it holds."""
    other = item.last if found.wave == item.first else item.first
    size = item.cell(other).base
    context = {
        "item": item.label,
        "wave": found.wave,
        "n": found.assumed_n,
        "other": other,
        "size": size,
        "alpha": fmt_number(found.alpha, 2, locale),
        "direction": word(found.direction, locale),
        "from": found.holds_from,
        "max": f"{found.up_to:,}".replace(",", "." if locale == "nl" else ","),
    }
    if found.holds_from is None:
        text = (
            "{item}: {wave}'s N is not printed ({n} assumed); the change is not significant "
            "(p < {alpha}) for any {wave} N up to {max} with {other}'s N at {size}."
        )
    else:
        text = (
            "{item}: {wave}'s N is not printed ({n} assumed); the change is significant "
            "(p < {alpha}) for any {wave} N of {from} or more with {other}'s N at {size}; "
            "its direction ({direction}) holds for every N."
        )
    return word(text, locale).format(**context)


def _changes(question: QuestionChange, part: str) -> list[Change]:
    """The headline, paired or unpaired changes of the question's rows."""
    found = []
    for item in question.rows:
        value = getattr(item, part)
        change = value if isinstance(value, Change) else getattr(value, "change", None)
        if change is not None and change.interval is not None:
            found.append(change)
    return found


def _methods(changes: list[Change], confidence: str, text: dict[str, str]) -> str:
    """'95% <interval> interval; p: <test>' for each distinct pair the changes used."""
    pairs = dict.fromkeys(
        (change.interval, change.test.name if change.test else None) for change in changes
    )
    locale: Locale = "nl" if text is NOTES["nl"] else "en"
    return (
        "; ".join(
            text["method"].format(
                confidence=confidence,
                interval=method(interval, locale),
                test=method(test, locale),
            )
            for interval, test in pairs
        )
        or text["none"]
    )


def _keys(keys: list[str]) -> str:
    """The key columns of a panel, once when both waves call the column the same."""
    return ", ".join(dict.fromkeys(keys))
