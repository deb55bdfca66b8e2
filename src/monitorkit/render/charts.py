"""Charts (matplotlib): one horizontal bar chart per question, PNG and SVG.

Bars are sorted by percentage (a scale keeps its order) with interval whiskers
and a value label each; labels are the Dutch item labels, wrapped, never cut
off. A chart's height follows its bars and label lines. Output is
deterministic: a fixed SVG hash salt and no creation date in the metadata.

Text size: every text is at least 9 pt at the chart's own size, and the chart
is meant to be shown at that size, never scaled down much. The wide layout is
:data:`WIDE` inches, which fits an A4 or Letter page between margins and a
desktop report column as it is. A phone (390 px, about 3.7 inches of CSS
pixels) would shrink it to half, so ``narrow=True`` draws a second layout
:data:`NARROW` inches wide with each item's label above its bars; the HTML
report holds both and a CSS media query shows the one that fits. Two drawn
layouts were chosen over one SVG scaled to the screen because a scaled chart
shrinks its text with it: 9 pt on a desktop becomes 4 pt on a phone.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path

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
#: Figure widths in inches: a page or desktop column, one item's compact chart, a phone.
WIDE, COMPACT, NARROW = 7.0, 5.0, 3.6
#: Text sizes in points; none is below 9 at the size the chart is drawn.
TITLE, LABEL, SMALL = 11.0, 10.0, 9.0
#: Inches: one bar's thickness and the space between items.
BAR, GAP = 0.22, 0.14


def _line(size: float) -> float:
    """The height in inches of a line of text of ``size`` points."""
    return size * 1.3 / 72


def _wrap(text: str, width: int = LABEL_WIDTH) -> str:
    """Chart text from the data, wrapped, without control characters (no glyph for them)."""
    plain = plain_text(text)
    return "\n".join(textwrap.wrap(plain, width, break_on_hyphens=False)) or plain


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _prepare(pyplot) -> None:
    """Fixed SVG ids, and data labels taken as text ('$x$' is not math)."""
    pyplot.rcParams["svg.hashsalt"] = "monitorkit"
    pyplot.rcParams["text.parse_math"] = False


@dataclass(frozen=True)
class _Bar:
    """One bar: where it sits (inches from the bottom of the plot), its cell, and its
    series (the group; 0 without groups)."""

    y: float
    cell: ItemEstimate
    series: int


#: The most bars a question's chart draws; beyond it the chart shows the largest items
#: (a single question sums the rest into one bar) and the table keeps them all.
MAX_BARS = 20


def fitted(question: QuestionResult, locale: Locale = "en", confidence: float = 0.95):
    """The question as its chart shows it: at most MAX_BARS bars, never one bar per
    municipality of a 345-value column. A single question keeps its MAX_BARS - 1 largest
    answers and sums the rest into 'Other (k)'; a multi or battery question keeps its
    largest items (their shares do not add up). Scales keep every point."""
    items = question.items
    if len(items) <= MAX_BARS or question.type == "scale":
        return question
    order = sorted(range(len(items)), key=lambda i: (-(items[i].percent or 0.0), i))
    merge = question.type == "single"
    keep = sorted(order[: MAX_BARS - 1] if merge else order[:MAX_BARS])
    rest = order[MAX_BARS - 1 :] if merge else []
    label = f"{word('Other', locale)} ({len(rest)})"

    def shown(cells: tuple[ItemEstimate, ...]) -> tuple[ItemEstimate, ...]:
        kept = tuple(cells[i] for i in keep)
        return (*kept, _summed([cells[i] for i in rest], label, confidence)) if rest else kept

    groups = tuple(replace(group, items=shown(group.items)) for group in question.groups)
    return replace(question, items=shown(items), groups=groups)


def _summed(cells: list[ItemEstimate], label: str, confidence: float) -> ItemEstimate:
    """Several answers of one single question as one: their counts (and shares) added, a
    Wilson interval where unweighted, none under weights (no design for the sum here)."""
    from monitorkit.stats.estimates import wilson_interval

    count, base = sum(cell.count for cell in cells), cells[0].base
    percent = sum(cell.percent or 0.0 for cell in cells) if base else None
    if cells[0].weighted or not base:
        return ItemEstimate(label, count, base, percent, None, None)
    low, high = wilson_interval(count, base, confidence)
    return ItemEstimate(label, count, base, percent, float(low), float(high))


def question_figure(
    question: QuestionResult,
    notice: str | None = None,
    locale: Locale = "en",
    confidence: float = 0.95,
    narrow: bool = False,
):
    """A matplotlib Figure of one proportion question: bars with interval whiskers.

    Options are sorted by percentage (the largest on top); the points of a scale
    stay in scale order, the first on top. With ``--by`` each item has a bar per
    group, the groups in legend order from the top; the legend sits above the
    plot, never on the bars. A question of one item (without groups) is a compact
    chart, and ``narrow`` the phone layout (see the module's docstring).
    """
    import matplotlib.pyplot as plt

    _prepare(plt)
    shown = fitted(question, locale, confidence)
    summed = shown.items[-1] if question.type == "single" and shown is not question else None
    question = shown
    items = [item for item in question.items if item.percent is not None]
    if question.type == "scale":
        items.reverse()  # bars run bottom-up: the scale's first point on top
    else:
        # the largest on top; the bar of the answers summed as 'Other' at the bottom
        items.sort(key=lambda item: (item is not summed, item.percent or 0.0))
    groups = question.groups
    above = narrow or (len(items) == 1 and len(groups) < 2)
    width = NARROW if narrow else COMPACT if above else WIDE
    characters = int(width * 72 / (LABEL * 0.6))  # about as many as fit across
    labels = [_wrap(item.label, characters if above else LABEL_WIDTH) for item in items]
    bars, ticks, height = _bar_places(items, groups, labels, above)
    base = word("base per item", locale) if question.type == "battery" else f"n = {question.base}"
    title = _wrap(f"{question.label} ({base})", int(width * 72 / (TITLE * 0.6)))
    legend = [f"{group.group} (n={group.base})" for group in groups]
    columns = 1 if narrow else max(1, len(legend))
    axis = _wrap(interval_axis(confidence, locale), int(width * 72 / (SMALL * 0.55)))
    note = None
    if notice:
        note = word("Reconstructed from published tables — not original responses", locale)
        note = _wrap(note, int(width * 72 / (SMALL * 0.55)))
    top = _line(TITLE) * _lines(title) + 0.15
    top += _line(SMALL) * -(-len(legend) // columns) + 0.1 if legend else 0
    bottom = 0.3 + _line(SMALL) * _lines(axis) + (_line(SMALL) * _lines(note) + 0.1 if note else 0)
    figure = plt.figure(figsize=(width, top + height + bottom))
    total = top + height + bottom
    if above:
        axes = figure.add_axes((0.03, bottom / total, 0.84, height / total))
    else:
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        # keep a strip below the axes free for the notice
        strip = (_line(SMALL) * _lines(note) + 0.1) / total if note else 0.0
        figure.set_layout_engine(ConstrainedLayoutEngine(rect=(0, strip, 1, 1 - strip)))
        axes = figure.add_subplot()
    _draw_bars(axes, bars, legend, locale)
    axes.set_ylim(0, height)
    axes.set_xlim(0, 112 if above else 108)
    axes.set_xticks(range(0, 101, 20))
    axes.tick_params(axis="x", labelsize=SMALL)
    if above:
        axes.set_yticks([])
        axes.spines["left"].set_visible(False)
        for (label_y, _), label in zip(ticks, labels, strict=True):
            axes.text(0, label_y, label, fontsize=LABEL, va="bottom", ha="left", color="#1d2433")
    else:
        axes.set_yticks([y for _, y in ticks], labels, fontsize=LABEL)
    axes.set_xlabel(axis, fontsize=SMALL, loc="left" if above else "center")
    axes.spines[["top", "right"]].set_visible(False)
    if legend:
        axes.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=columns,
            fontsize=SMALL,
            frameon=False,
            borderaxespad=0.2,
            handlelength=1.0,
        )
    if above:
        figure.suptitle(title, x=0.03, y=1 - 0.06 / total, ha="left", va="top", fontsize=TITLE)
    else:
        figure.suptitle(title, x=0.01, ha="left", fontsize=TITLE)
    if note:
        figure.text(0.01, 0.01, note, fontsize=SMALL, color="#9C5700", ha="left", va="bottom")
    return figure


def _bar_places(
    items: list[ItemEstimate], groups, labels: list[str], above: bool
) -> tuple[list[_Bar], list[tuple[float, float]], float]:
    """Where each bar goes, in inches from the bottom, items bottom-up and each item's
    groups top-down; per item the height of its label (above its bars) or the middle of
    its bars (a tick label beside them); and the plot's height."""
    bars = []
    ticks = []
    y = 0.0
    for item, label in zip(items, labels, strict=True):
        if groups:
            cells = [next(g for g in group.items if g.label == item.label) for group in groups]
        else:
            cells = [item]
        block = BAR * len(cells)
        text = _line(LABEL) * _lines(label)
        space = GAP + block + (text + 0.04 if above else max(0.0, text - block))
        start = y + GAP / 2 + (0 if above else max(0.0, text - block) / 2)
        for series, cell in enumerate(cells):
            bars.append(_Bar(start + block - BAR * (series + 0.5), cell, series))
        ticks.append((start + block + 0.04, start + block / 2))
        y += space
    return bars, ticks, y


def _draw_bars(axes, bars: list[_Bar], legend: list[str], locale: Locale) -> None:
    """Bars (one set per group, in legend order), their interval whiskers and value
    labels. A bar of 0% (or of no answers) has no whisker: a line floating from nothing
    would read as a bar of its own."""
    for series in sorted({bar.series for bar in bars}):
        own = [bar for bar in bars if bar.series == series]
        axes.barh(
            [bar.y for bar in own],
            [bar.cell.percent or 0.0 for bar in own],
            height=BAR * 0.86,
            color=PALETTE[series % len(PALETTE)],
            label=legend[series] if legend else None,
        )
    for bar in bars:
        cell = bar.cell
        percent = cell.percent or 0.0
        end = percent
        if percent > 0 and cell.ci_low is not None and cell.ci_high is not None:
            axes.errorbar(
                percent,
                bar.y,
                xerr=[[max(0.0, percent - cell.ci_low)], [max(0.0, cell.ci_high - percent)]],
                fmt="none",
                ecolor="#333333",
                elinewidth=0.9,
                capsize=2.5,
            )
            end = max(end, cell.ci_high)
        axes.text(
            min(end, 100.0) + 1.5,
            bar.y,
            fmt_percent(cell.percent, 0, locale),
            va="center",
            fontsize=SMALL,
            color="#333333",
        )


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


def slope_figure(comparison, question: QuestionChange, locale: Locale = "en", narrow: bool = False):
    """Each item's percentage (a numeric question's mean) per wave, with its interval.

    One line per item, labelled at its end (``narrow``: in a legend below the plot,
    where a phone has no room beside it); waves named by year sit at their distance
    in time, so 2014, 2015, 2017 leave a gap before 2017. Items are nudged apart a
    little so their interval lines do not hide each other.
    """
    import matplotlib.pyplot as plt

    from monitorkit.stats.compare import trend_scores

    _prepare(plt)
    labels = comparison.labels
    scores = trend_scores(labels)
    positions = [score - scores[0] for score in scores]
    span = max(positions[-1], 1.0)
    lines = _wave_lines(comparison, question)
    width = NARROW if narrow else WIDE
    characters = int(width * 72 / (LABEL * 0.6))
    names = [_wrap(label, characters - 8 if narrow else 30) for label, _ in lines]
    below = sum(_line(SMALL) * _lines(name) + 0.08 for name in names) + 0.2 if narrow else 0.0
    figure, axes = plt.subplots(
        figsize=(width, 2.6 + 0.2 * len(lines) + below), layout="constrained"
    )
    nudge = 0.012 * span
    values = [v for _, points in lines for _, y, low, high in points for v in (y, low, high)]
    if question.means is None:
        bottom, top = 0.0, 105.0
    else:
        known = [v for v in values if v is not None]
        bottom, top = min(0.0, *known), max(known) * 1.08
    # data units per inch of the plot (the figure less title, ticks, axis label, legend)
    per_inch = (top - bottom) / max(0.8, figure.get_size_inches()[1] - 1.2 - below)
    ends: list[tuple[float, int]] = []  # each line's last value, for its name
    texts: dict[int, list[tuple[float, str]]] = {}  # value labels per wave
    for index, (_, points) in enumerate(lines):
        if not points:
            continue
        colour = PALETTE[index % len(PALETTE)]
        shift = (index - (len(lines) - 1) / 2) * nudge
        for at, _, low, high in points:
            if low is not None and high is not None and high > low:
                x = positions[at] + shift
                axes.plot([x, x], [low, high], color=colour, linewidth=1.2, alpha=0.6)
        xs, ys = [positions[at] + shift for at, *_ in points], [y for _, y, *_ in points]
        axes.plot(xs, ys, marker="o", color=colour, linewidth=2, label=names[index])
        ends.append((ys[-1], index))
        for at, y, *_ in points:
            text = fmt_number(y, 1, locale) if question.means else fmt_percent(y, 0, locale)
            texts.setdefault(at, []).append((y, text))
    # values left of the first wave's points (the lines run off to the right), right of
    # the others'; each wave's values, and the lines' names, pushed apart where they meet
    edge = nudge * len(lines) / 2
    for at, labelled in texts.items():
        heights = [_line(SMALL) * per_inch] * len(labelled)
        side = -1 if at == 0 else 1
        for (_, text), y in zip(labelled, _spread([y for y, _ in labelled], heights), strict=True):
            axes.annotate(
                text,
                (positions[at] + side * edge, y),
                xytext=(5 * side, 0),
                textcoords="offset points",
                va="center",
                ha="left" if side > 0 else "right",
                fontsize=SMALL,
                color="#333333",
            )
    if not narrow and ends:
        heights = [_line(SMALL) * _lines(names[index]) * per_inch for _, index in ends]
        for (_, index), y in zip(ends, _spread([y for y, _ in ends], heights), strict=True):
            axes.annotate(
                names[index],
                (positions[-1] + edge, y),
                xytext=(40, 0),
                textcoords="offset points",
                va="center",
                fontsize=SMALL,
                color=PALETTE[index % len(PALETTE)],
            )
    axes.set_xticks(positions, labels)
    axes.tick_params(labelsize=SMALL)
    right = 0.3 if narrow else 0.35 + 0.1 * max(_lines(name) for name in names)
    axes.set_xlim(-(0.32 if narrow else 0.15) * span, positions[-1] + right * span)
    axes.set_ylim(bottom, top)
    unit = "% of base" if question.means is None else "Mean"
    axes.set_ylabel(word(unit, locale), fontsize=SMALL)
    axes.set_xlabel(
        f"{word('vertical lines', locale)}: {ci_title(comparison.confidence, locale)}",
        fontsize=SMALL,
        color="#555555",
        loc="right",
    )
    axes.spines[["top", "right"]].set_visible(False)
    if narrow:
        figure.legend(loc="outside lower left", fontsize=SMALL, frameon=False, handlelength=1.2)
    figure.suptitle(
        _wrap(question.label, int(width * 72 / (TITLE * 0.6))), x=0.01, ha="left", fontsize=TITLE
    )
    return figure


def _spread(values: list[float], heights: list[float]) -> list[float]:
    """Label positions near ``values`` that keep each label's ``heights`` apart: labels
    closer than their heights are pushed apart, the group kept centred where it was."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [values[i] for i in order]
    for at in range(1, len(placed)):
        need = (heights[order[at - 1]] + heights[order[at]]) / 2
        placed[at] = max(placed[at], placed[at - 1] + need)
    shift = (sum(placed) - sum(values[i] for i in order)) / len(placed) if placed else 0.0
    result = [0.0] * len(values)
    for at, index in enumerate(order):
        result[index] = placed[at] - shift
    return result


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

    _prepare(plt)
    rows = [r for r in results if r.computed is not None and r.figure.unit == "percent"]
    height = 1.6 + 0.24 * len(rows)
    figure, axes = plt.subplots(figsize=(WIDE, height), layout="constrained")
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
    axes.set_yticks(positions, [_wrap(f"{r.figure.id}", 45) for r in rows], fontsize=SMALL)
    axes.set_xlim(0, 102)
    axes.set_ylim(-0.7, len(rows) - 0.3)
    axes.set_xlabel("%", fontsize=SMALL)
    axes.tick_params(axis="x", labelsize=SMALL)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, fontsize=SMALL, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.suptitle(
        word("Published figures and their reproduction from the bundled data", locale),
        x=0.01,
        ha="left",
        fontsize=TITLE,
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
