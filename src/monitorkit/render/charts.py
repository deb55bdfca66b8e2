"""Charts (matplotlib): one horizontal bar chart per question, PNG and SVG.

Bars are sorted by percentage with Wilson-interval whiskers; labels are the
Dutch item labels, wrapped, never cut off. Output is deterministic: a fixed
SVG hash salt and no creation date in the metadata.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from monitorkit.estimates import QuestionSummary, Summary
from monitorkit.render.common import provenance_notice
from monitorkit.render.files import write_atomic

#: Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
LABEL_WIDTH = 38


def _wrap(text: str, width: int = LABEL_WIDTH) -> str:
    return "\n".join(textwrap.wrap(str(text), width, break_on_hyphens=False)) or str(text)


def question_figure(question: QuestionSummary, notice: str | None = None):
    """A matplotlib Figure of one proportion question: sorted bars with interval whiskers."""
    import matplotlib.pyplot as plt
    import numpy as np

    plt.rcParams["svg.hashsalt"] = "monitorkit"
    items = [item for item in question.items if item.get("percent") is not None]
    items.sort(key=lambda item: item["percent"])
    label_lines = sum(_wrap(item["label"]).count("\n") + 1 for item in items) or 1
    groups = question.groups
    bars_per_item = max(1, len(groups))
    height = 1.6 + 0.28 * max(label_lines, len(items) * bars_per_item) + (0.3 if notice else 0)
    figure, axes = plt.subplots(figsize=(8.5, height), layout="constrained")
    positions = np.arange(len(items))
    if groups:
        width = 0.8 / len(groups)
        for offset, group in enumerate(groups):
            lookup = {g["label"]: g for g in group["items"]}
            cells = [lookup[item["label"]] for item in items]
            values = [cell["percent"] if cell["percent"] is not None else 0 for cell in cells]
            errors = _errors(cells)
            axes.barh(
                positions + 0.4 - width * (offset + 0.5),
                values,
                height=width,
                color=PALETTE[offset % len(PALETTE)],
                xerr=errors,
                capsize=2,
                error_kw={"elinewidth": 0.8, "ecolor": "#333333"},
                label=f"{group['group']} (n={group['base']})",
            )
        axes.legend(loc="lower right", fontsize=8, frameon=False)
    else:
        values = [item["percent"] for item in items]
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
                min(item["ci_high"] or item["percent"], 100) + 1.5,
                position,
                f"{item['percent']:.0f}%",
                va="center",
                fontsize=8,
                color="#333333",
            )
    axes.set_yticks(positions, [_wrap(item["label"]) for item in items], fontsize=9)
    axes.set_xlim(0, 108)
    axes.set_xlabel("% of base (whiskers: 95% Wilson interval)", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    base = "base per item" if question.type == "battery" else f"n = {question.base}"
    axes.set_title(_wrap(f"{question.label} ({base})", 70), fontsize=10, loc="left")
    if notice:
        figure.text(
            0.01,
            0.005,
            "Reconstructed from published tables — not original responses",
            fontsize=7,
            color="#9C5700",
            ha="left",
            va="bottom",
        )
    return figure


def _errors(cells: list[dict]):
    import numpy as np

    low = [
        max(
            0.0,
            (c["percent"] or 0) - (c["ci_low"] if c["ci_low"] is not None else c["percent"] or 0),
        )
        for c in cells
    ]
    high = [
        max(
            0.0,
            (c["ci_high"] if c["ci_high"] is not None else c["percent"] or 0) - (c["percent"] or 0),
        )
        for c in cells
    ]
    return np.array([low, high])


def write_charts(summary: Summary, folder: str | Path) -> list[Path]:
    """Write <question>.png and <question>.svg for every proportion question."""
    import matplotlib.pyplot as plt

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    notice = provenance_notice(summary)
    written = []
    for question in summary.questions:
        if question.stats is not None or not question.items:
            continue
        figure = question_figure(question, notice)
        for suffix, options in (("png", {"dpi": 150}), ("svg", {"metadata": {"Date": None}})):
            buffer = io.BytesIO()
            figure.savefig(buffer, format=suffix, **options)
            path = folder / f"{question.id}.{suffix}"
            write_atomic(path, buffer.getvalue())
            written.append(path)
        plt.close(figure)
    return written
