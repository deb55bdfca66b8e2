"""The library API: one verb-noun function per job.

The command line, the notebooks and the report build call these, and so can a
user's own script::

    from monitorkit import summarize_survey
    summary = summarize_survey("survey.xlsx", by="gemeentegrootte")

Each function lives with the data it works on (see ARCHITECTURE.md); this
module only gathers them, so ``import monitorkit`` stays light and every
command is the same call a notebook makes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from monitorkit.codebook.infer import infer_codebook
from monitorkit.codebook.model import Codebook, read_codebook, write_codebook
from monitorkit.errors import UsageError
from monitorkit.published.consistency import ConsistencyReport, check_registry
from monitorkit.published.reconstruct import reconstruct_datasets
from monitorkit.published.registers import reconstruct_registers
from monitorkit.published.registry import read_registry
from monitorkit.published.reproduce import reproduce_figures
from monitorkit.render.findings import key_findings
from monitorkit.render.report import build_report
from monitorkit.stats.compare import compare_waves
from monitorkit.stats.estimates import summarize_survey
from monitorkit.stats.responses import read_respondents, read_survey
from monitorkit.stats.stapeling import Disclosure, count_stapeling
from monitorkit.stats.weighting import rake_weights


def check_figures(files: list[str | Path] | None = None) -> ConsistencyReport:
    """Are the published percentages of registry FILES (default: the bundled ones) possible?"""
    return check_registry(read_registry(list(files) if files else None))


def check_table(
    files: str | Path | list[str | Path] | None = None,
    percent: str | float | None = None,
    n: int | None = None,
) -> ConsistencyReport:
    """GRIM for percentages of your own: csv tables (label, percent, n[, decimals]) and/or
    one ``percent`` with its ``n`` (decimals as written: '12,5' has one)."""
    from monitorkit.published.consistency import (
        PrintedPercentage,
        check_percentages,
        read_percent_table,
    )
    from monitorkit.published.registry import printed_decimals

    if isinstance(files, (str, Path)):
        files = [files]
    figures = [figure for path in files or [] for figure in read_percent_table(path)]
    if (percent is None) != (n is None):
        raise UsageError("a percentage needs its n, and an n its percentage")
    if n is not None and n < 1:
        raise UsageError(f"n must be at least 1, got {n}")
    if percent is not None and n is not None:
        text = str(percent).rstrip("%").strip()
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise UsageError(f"--percent must be a number, got {percent!r}") from None
        if not 0 <= value <= 100:
            raise UsageError(f"--percent must lie between 0 and 100, got {percent}")
        figures.append(
            PrintedPercentage("given", f"{text}% of {n}", value, n, printed_decimals(text, value))
        )
    return check_percentages(figures)


def infer_codebook_of(path: str | Path, **reading: Any) -> Codebook:
    """The codebook monitorkit infers for a file, test and preview responses left out."""
    raw, _, _ = read_respondents(path, **reading)
    return infer_codebook(raw)


__all__ = [
    "Disclosure",
    "build_report",
    "check_figures",
    "check_table",
    "compare_waves",
    "count_stapeling",
    "infer_codebook_of",
    "key_findings",
    "rake_weights",
    "read_codebook",
    "read_survey",
    "reconstruct_datasets",
    "reconstruct_registers",
    "reproduce_figures",
    "summarize_survey",
    "write_codebook",
]
