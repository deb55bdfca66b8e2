"""Charts (matplotlib): one horizontal bar chart per question, PNG and SVG.

Bars are sorted by percentage (a scale keeps its order) with Wilson-interval
whiskers; labels are the Dutch item labels, wrapped, never cut off. Output is deterministic: a fixed
SVG hash salt and no creation date in the metadata.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

from monitorkit.io.files import make_folder, safe_name, write_atomic
from monitorkit.options import Locale
from monitorkit.render.common import plain_text, provenance_notice
from monitorkit.render.numbers import fmt_number, fmt_percent
from monitorkit.render.words import ci_title, interval_axis, word
from monitorkit.results import GroupEstimate, ItemEstimate, QuestionChange, QuestionResult
from monitorkit.stats.changes import mean_interval
from monitorkit.stats.estimates import Summary

#: Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
LABEL_WIDTH = 38


def _wrap(text: str, width: int = LABEL_WIDTH) -> str:
    """Chart text from the data, wrapped, without control characters (no glyph for them)."""
    plain = plain_text(text)
    return "\n".join(textwrap.wrap(plain, width, break_on_hyphens=False)) or plain


def question_figure(
    question: QuestionResult,
    notice: str | None = None,
    locale: Locale = "en",
    confidence: float = 0.95,
):
    """A matplotlib Figure of one proportion question: bars with interval whiskers.

    Options are sorted by percentage; the points of a scale stay in scale order.
    """
    import matplotlib.pyplot as plt
    import numpy as np

    plt.rcParams["svg.hashsalt"] = "monitorkit"
    plt.rcParams["text.parse_math"] = False  # labels are data: '$x$' is text, not math
    items = [item for item in question.items if item.percent is not None]
    if question.type == "scale":
        items.reverse()  # bars run bottom-up: the scale's first point on top
    else:
        items.sort(key=lambda item: item.percent or 0.0)
    label_lines = sum(_wrap(item.label).count("\n") + 1 for item in items) or 1
    groups = question.groups
    bars_per_item = max(1, len(groups))
    height = 1.6 + 0.28 * max(label_lines, len(items) * bars_per_item) + (0.3 if notice else 0)
    figure, axes = plt.subplots(figsize=(8.5, height), layout="constrained")
    positions = np.arange(len(items))
    if groups:
        width = 0.8 / len(groups)
        for offset, group in enumerate(groups):
            lookup = {g.label: g for g in group.items}
            cells = [lookup[item.label] for item in items]
            values = [cell.percent if cell.percent is not None else 0 for cell in cells]
            errors = _errors(cells)
            axes.barh(
                positions + 0.4 - width * (offset + 0.5),
                values,
                height=width,
                color=PALETTE[offset % len(PALETTE)],
                xerr=errors,
                capsize=2,
                error_kw={"elinewidth": 0.8, "ecolor": "#333333"},
                label=f"{group.group} (n={group.base})",
            )
        axes.legend(loc="lower right", fontsize=8, frameon=False)
    else:
        values = [item.percent or 0.0 for item in items]
        axes.barh(
            positions,
            values,
            height=0.65,
            color=PALETTE[0],
            xerr=_errors(items),
            capsize=3,
            error_kw={"elinewidth": 0.9, "ecolor": "#333333"},
        )
        for position, item in zip(positions, items, strict=True):
            axes.text(
                min(item.ci_high or item.percent or 0.0, 100) + 1.5,
                float(position),
                fmt_percent(item.percent, 0, locale),
                va="center",
                fontsize=8,
                color="#333333",
            )
    axes.set_yticks(positions, [_wrap(item.label) for item in items], fontsize=9)
    axes.set_xlim(0, 108)
    axes.set_xlabel(interval_axis(confidence, locale), fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    base = word("base per item", locale) if question.type == "battery" else f"n = {question.base}"
    axes.set_title(_wrap(f"{question.label} ({base})", 70), fontsize=10, loc="left")
    if notice:
        # keep a strip below the axes free for the notice, whatever the label's length
        engine: Any = figure.get_layout_engine()
        engine.set(rect=(0, 0.35 / height, 1, 1 - 0.35 / height))
        figure.text(
            0.01,
            0.005,
            word("Reconstructed from published tables — not original responses", locale),
            fontsize=7,
            color="#9C5700",
            ha="left",
            va="bottom",
        )
    return figure


def _errors(cells: list[ItemEstimate]):
    """Whisker lengths below and above each bar (none where there is no interval)."""
    import numpy as np

    def ends(cell: ItemEstimate) -> tuple[float, float]:
        point = cell.percent or 0.0
        low = cell.ci_low if cell.ci_low is not None else point
        high = cell.ci_high if cell.ci_high is not None else point
        return max(0.0, point - low), max(0.0, high - point)

    return np.array([ends(cell) for cell in cells]).T.reshape(2, len(cells))


def write_charts(summary: Summary, folder: str | Path, locale: Locale = "en") -> list[Path]:
    """Write <question>.png and <question>.svg for every proportion question."""
    import matplotlib.pyplot as plt

    folder = Path(folder)
    make_folder(folder)
    notice = provenance_notice(summary)
    written = []
    for question in summary.questions:
        if question.stats is not None or not question.items:
            continue
        figure = question_figure(question, notice, locale, summary.confidence)
        written.extend(_save(figure, folder, question.id))
        plt.close(figure)
    return written


def _wave_question(comparison, question: QuestionChange) -> QuestionResult:
    """A compared question shaped as a grouped result: the waves are the groups."""
    from monitorkit.stats.compare import match_items

    summaries = [
        next((q for q in s.questions if q.id == question.id), None) for s in comparison.summaries
    ]
    reference = next(q for q in reversed(summaries) if q is not None)
    groups = []
    for label, wave in zip(comparison.labels, summaries, strict=True):
        if wave is None:
            continue
        matched = match_items(reference, wave)
        items = tuple(
            replace(m, label=r.label)
            if m is not None
            else ItemEstimate(r.label, 0, 0, None, None, None)
            for m, r in zip(matched, reference.items, strict=True)
        )
        groups.append(GroupEstimate(label, wave.base, items))
    return replace(reference, groups=tuple(groups))


def slope_figure(comparison, question: QuestionChange, locale: Locale = "en"):
    """Each item's percentage (a numeric question's mean) per wave, with its interval.

    One line per item, labelled at its end; waves named by year sit at their
    distance in time, so 2014, 2015, 2017 leave a gap before 2017. Items are
    nudged apart a little so their interval lines do not hide each other.
    """
    import matplotlib.pyplot as plt

    from monitorkit.stats.compare import trend_scores

    plt.rcParams["svg.hashsalt"] = "monitorkit"
    plt.rcParams["text.parse_math"] = False  # labels are data: '$x$' is text, not math
    labels = comparison.labels
    scores = trend_scores(labels)
    positions = [score - scores[0] for score in scores]
    span = max(positions[-1], 1.0)
    lines = _wave_lines(comparison, question)
    figure, axes = plt.subplots(figsize=(8.5, 2.0 + 0.35 * len(lines)), layout="constrained")
    nudge = 0.012 * span
    for index, (label, points) in enumerate(lines):
        shift = (index - (len(lines) - 1) / 2) * nudge
        points = [(positions[at] + shift, y, low, high) for at, y, low, high in points]
        if not points:
            continue
        colour = PALETTE[index % len(PALETTE)]
        for x, _, low, high in points:
            if low is not None and high is not None and high > low:
                axes.plot([x, x], [low, high], color=colour, linewidth=1.2, alpha=0.6)
        xs, ys = [x for x, *_ in points], [y for _, y, *_ in points]
        axes.plot(xs, ys, marker="o", color=colour, linewidth=2)
        axes.annotate(
            _wrap(label, 30),
            (xs[-1], ys[-1]),
            xytext=(26, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=colour,
        )
        for x, y in zip(xs, ys, strict=True):
            text = (
                fmt_number(y, 1, locale)
                if question.means is not None
                else fmt_percent(y, 0, locale)
            )
            axes.annotate(
                text,
                (x, y),
                xytext=(6, 7),
                textcoords="offset points",
                va="bottom",
                ha="left",
                fontsize=7,
                color="#333333",
            )
    axes.set_xticks(positions, labels)
    axes.set_xlim(-0.15 * span, positions[-1] + 0.35 * span)
    if question.means is None:
        axes.set_ylim(0, 105)
        axes.set_ylabel(word("% of base", locale))
    else:
        axes.set_ylim(bottom=min(0.0, axes.get_ylim()[0]))
        axes.set_ylabel(word("Mean", locale))
    axes.set_xlabel(
        f"{word('vertical lines', locale)}: {ci_title(comparison.confidence, locale)}",
        fontsize=7,
        color="#666666",
        loc="right",
    )
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(_wrap(question.label, 70), fontsize=10, loc="left")
    return figure


def _wave_lines(comparison, question: QuestionChange) -> list[tuple[str, list[tuple]]]:
    """Per item (or the mean): (wave position, value, interval low, interval high) per wave."""
    if question.means is not None:
        points = []
        for at, label in enumerate(comparison.labels):
            stats = question.means.stats(label)
            if stats is not None and stats.mean is not None:
                low, high = mean_interval(stats, comparison.confidence)
                points.append((at, stats.mean, low, high))
        return [(question.label, points)]
    lines = []
    for item in question.items:
        points = [
            (at, c.percent, c.ci_low, c.ci_high)
            for at, label in enumerate(comparison.labels)
            if (c := item.cell(label)) is not None and c.percent is not None
        ]
        lines.append((item.label, points))
    return lines


def write_comparison_charts(comparison, folder: str | Path, locale: Locale = "en") -> list[Path]:
    """<question>.png/.svg (grouped bars by wave) and <question>-slope.png/.svg (the line
    across the waves) per question; a numeric question has the line of its mean only."""
    import matplotlib.pyplot as plt

    folder = Path(folder)
    make_folder(folder)
    notice = "reconstructed" if any(provenance_notice(s) for s in comparison.summaries) else None
    written = []
    for question in comparison.questions:
        figures = []
        if question.means is None:
            grouped = _wave_question(comparison, question)
            figures.append(
                (question.id, question_figure(grouped, notice, locale, comparison.confidence))
            )
        figures.append((f"{question.id}-slope", slope_figure(comparison, question, locale)))
        for name, figure in figures:
            written.extend(_save(figure, folder, name))
            plt.close(figure)
    return written


def _save(figure, folder: Path, name: str) -> list[Path]:
    """PNG and SVG of a figure, written atomically with no timestamps, under a file name
    made safe from ``name`` (a question id from a codebook is data, never a path)."""
    paths = []
    for suffix, options in (("png", {"dpi": 150}), ("svg", {"metadata": {"Date": None}})):
        buffer = io.BytesIO()
        figure.savefig(buffer, format=suffix, **options)
        path = folder / f"{safe_name(name)}.{suffix}"
        write_atomic(path, buffer.getvalue())
        paths.append(path)
    return paths


def reproduction_figure(results, locale: Locale = "en"):
    """Published against reproduced percentages: one row per computable figure, two dots."""
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "monitorkit"
    plt.rcParams["text.parse_math"] = False  # labels are data: '$x$' is text, not math
    rows = [r for r in results if r.computed is not None and r.figure.unit == "percent"]
    height = 1.4 + 0.22 * len(rows)
    figure, axes = plt.subplots(figsize=(8.5, height), layout="constrained")
    positions = list(range(len(rows)))[::-1]
    for position, result in zip(positions, rows, strict=True):
        colour = PALETTE[5] if result.status == "mismatch" else "#999999"
        axes.plot(
            [result.figure.value, result.exact], [position, position], color=colour, linewidth=1
        )
    axes.scatter(
        [r.figure.value for r in rows],
        positions,
        s=28,
        color=PALETTE[0],
        label=word("published", locale),
        zorder=3,
    )
    axes.scatter(
        [r.exact for r in rows],
        positions,
        s=14,
        color=PALETTE[1],
        marker="D",
        label=word("reproduced (unrounded)", locale),
        zorder=4,
    )
    axes.set_yticks(positions, [_wrap(f"{r.figure.id}", 45) for r in rows], fontsize=7)
    axes.set_xlim(0, 102)
    axes.set_xlabel("%", fontsize=8)
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(
        word("Published figures and their reproduction from the bundled data", locale),
        fontsize=10,
        loc="left",
    )
    return figure


def save_figure(figure, path: str | Path) -> Path:
    """One figure to a .png or .svg file (by suffix), without timestamps."""
    import matplotlib.pyplot as plt

    from monitorkit.errors import UsageError

    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise UsageError(
            f"cannot write a chart as '{path.suffix or path.name}'",
            hint="name the chart file .png or .svg",
        )
    buffer = io.BytesIO()
    options = {"dpi": 150} if suffix == "png" else {"metadata": {"Date": None}}
    figure.savefig(buffer, format=suffix, **options)
    plt.close(figure)
    write_atomic(path, buffer.getvalue())
    return path
