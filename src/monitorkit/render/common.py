"""Text shared by every renderer: source line, provenance notice, table rows.

Terminal, Markdown and xlsx output show the same rows; building them once
here keeps the three from drifting apart.
"""

from __future__ import annotations

import re
from typing import Any

from monitorkit.options import Locale
from monitorkit.render.numbers import fmt_count, fmt_interval, fmt_number, fmt_p, fmt_percent
from monitorkit.render.words import ci_title, word
from monitorkit.results import ItemEstimate, QuestionResult, TestResult
from monitorkit.stats.estimates import FPC_RULE, Summary

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_|]|<(?=[A-Za-z/!?]))")
_MARKDOWN_LINK = re.compile(r"([\[\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain_text(text: object) -> str:
    """Text from the data without control characters (escape sequences, bells, NULs):
    what every renderer shows of a label."""
    return _CONTROL.sub("", str(text))


def md_text(text: object) -> str:
    """Text from the data as inert Markdown: emphasis, code, table pipes and anything an
    HTML tag could start with backslash-escaped, brackets too where they could form a
    link; line breaks become spaces and control characters are dropped. '<0.001' and
    '[multi, base 95]' stay as they read."""
    plain = plain_text(text).replace("\r", " ").replace("\n", " ")
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", plain)
    if "](" in plain or "][" in plain or "![" in plain:
        escaped = _MARKDOWN_LINK.sub(r"\\\1", escaped)
    return escaped


#: The width of terminal output written to a pipe or file, where no terminal sets one:
#: wide enough that titles, notes and tables are never hard-wrapped mid-sentence.
PIPE_WIDTH = 1000


def terminal_console() -> Any:
    """A rich console for the terminal renderers: the terminal's width on a terminal (or
    COLUMNS when set), and no hard wrapping when the output goes to a pipe or a file."""
    import os
    import sys

    from rich.console import Console

    if "COLUMNS" in os.environ or sys.stdout.isatty():
        return Console()
    return Console(width=PIPE_WIDTH)


def shown(text: object) -> str:
    """Text from the data for the terminal: control characters (escape sequences) dropped,
    rich markup escaped."""
    from rich.markup import escape

    return escape(plain_text(text))


def source_line(summary: Summary) -> str:
    """Which file was read, how, and with which codebook."""
    source = summary.responses.source
    codebook = summary.responses.codebook
    parts = [source.format]
    if source.sheet:
        parts.append(f"sheet '{source.sheet}'")
    if source.header_style not in ("single", "spss", "parquet"):
        parts.append(f"{source.header_style} header")
    if source.format == "csv":
        parts.append(
            f"{source.encoding}, delimiter '{source.delimiter}', decimal '{source.decimal}'"
        )
    parts.append(f"{source.rows:,} respondents")
    previews = summary.responses.previews_left_out
    if previews:
        parts.append(f"{previews} test and preview responses left out")
    if summary.population is not None:
        parts.append(f"finite population correction: N = {summary.population.size}")
    weights = summary.design.weights
    if weights:
        parts.append(
            f"weighted by '{weights.column}', Kish effective n {weights.kish_effective_n:.1f}"
        )
    name = codebook.instrument or "(unnamed)"
    path = f"{source.path} (bundled dataset)" if summary.provenance else source.path
    return f"{path} ({'; '.join(parts)}) — codebook {name} ({codebook.origin})"


def provenance_notice(summary: Summary, locale: Locale = "en") -> str | None:
    """The honesty notice for reconstructed data (DESIGN §6), or None for real data."""
    provenance = summary.provenance
    if not provenance or provenance.get("kind") != "reconstructed":
        return None
    source = str(provenance.get("source") or "published tables").rstrip(".")
    if locale == "nl":
        return (
            f"GERECONSTRUEERDE DATA — opnieuw opgebouwd uit de gepubliceerde tabellen van "
            f"{source}. Ze reproduceren alleen de gepubliceerde marges, niet de oorspronkelijke "
            "antwoorden; kruistabellen die nooit gepubliceerd zijn, zeggen niets."
        )
    return (
        f"RECONSTRUCTED DATA — rebuilt from the published tables of {source}. "
        "It reproduces the printed marginals only, not the original responses; "
        "cross-tabulations that were never printed are not meaningful."
    )


def design_note(summary: Summary, locale: Locale = "en") -> str:
    """Weighting, strata, finite population correction and provenance in one line."""
    info = summary.design.weights
    responses = summary.responses
    parts = []
    if info:
        effective = fmt_number(info.kish_effective_n, 1, locale)
        weighted = word("weighted by", locale)
        parts.append(
            f"{weighted[0].upper()}{weighted[1:]} '{info.column}' "
            f"({word('Kish effective n', locale)} {effective})"
        )
    elif responses.strata is None:
        parts.append(word("Unweighted", locale))
    if responses.strata is not None:
        count = len(set(responses.strata))
        parts.append(
            f"{word('Stratified by', locale)} '{responses.strata_column}' "
            f"({count} {word('strata', locale)})"
        )
    if summary.interval_method != "wilson":
        parts.append(
            word(
                "intervals: logit for percentages, t for means, design-based standard errors",
                locale,
            )
        )
    if responses.stratum_sizes is not None:
        parts.append(
            f"{word('finite population correction', locale)}: "
            f"{word('population size per stratum', locale)}"
        )
    elif summary.population is not None:
        parts.append(
            f"{word('finite population correction', locale)}: N = {summary.population.size}"
        )
    else:
        parts.append(word("no finite population correction", locale))
    if provenance_notice(summary):
        parts.append(word("reconstructed from published tables", locale))
    return "; ".join(parts) + "."


def fpc_note(summary: Summary) -> str | None:
    """Where the finite population correction applies, and where not."""
    if summary.population is None:
        return None
    source = summary.population.source
    return f"Finite population correction applied to intervals and tests: {source}; {FPC_RULE}."


def question_heading(question: QuestionResult, locale: Locale = "en") -> str:
    if question.type == "battery":
        base = word("base per item", locale)
    else:
        base = f"{word('base', locale)} {fmt_count(question.base, locale)}"
    return f"{question.label} [{question.type}, {base}]"


def base_note(question: QuestionResult, locale: Locale = "en") -> str:
    """'Base: <how the base was defined>.' in the locale's language."""
    return f"{word('Base:', locale)} {word(question.base_rule, locale)}."


def table_header(
    question: QuestionResult, groups: list[str], locale: Locale = "en", confidence: float = 0.95
) -> list[str]:
    """Column titles for a question's table; group names are data and stay as they are."""

    def words(*titles: str) -> list[str]:
        return [word(title, locale) for title in titles]

    if question.type == "numeric":
        return [*words("Statistic", "All"), *groups]
    if groups:
        p = ("p", "p adj.") if adjustment(question) else ("p",)
        return [*words("Item", "All"), *groups, *words("Test", *p, "Groups that differ")]
    if question.weighted:
        titles = words("Item", "n", "Base", "Weighted base", "Effective base", "% (weighted)")
        return [*titles, ci_title(confidence, locale)]
    return [*words("Item", "n", "Base", "%"), ci_title(confidence, locale)]


def table_rows(
    question: QuestionResult, locale: Locale = "en", confidence: float = 0.95
) -> list[list[str]]:
    """The rows of a question's table as display strings."""
    groups = question.groups
    if question.type == "numeric":
        return _numeric_rows(question, locale, confidence)
    rows = []
    adjusted = adjustment(question) is not None
    for index, item in enumerate(question.items):
        if groups:
            cells = [_cell(item, locale)]
            cells += [_cell(group.items[index], locale) for group in groups]
            test = item.test
            rows.append(
                [
                    item.label,
                    *cells,
                    test.name if test else "–",
                    fmt_p(test.p if test else None, locale),
                    *([fmt_p(test.p_adjusted if test else None, locale)] if adjusted else []),
                    differing_pairs(test),
                ]
            )
        else:
            weighted = (
                [
                    fmt_number(item.weighted_base, 1, locale),
                    fmt_number(item.effective_base, 1, locale),
                ]
                if item.weighted
                else []
            )
            rows.append(
                [
                    item.label,
                    fmt_count(item.count, locale),
                    fmt_count(item.base, locale),
                    *weighted,
                    fmt_percent(item.percent, 1, locale),
                    fmt_interval(item.ci_low, item.ci_high, 1, locale),
                ]
            )
    if not groups:
        width = len(table_header(question, [], locale))  # the same width at any confidence
        rows += [row[:2] + [""] * (width - 2) for row in missing_rows(question, locale)]
    return rows


def differing_pairs(test: TestResult | None) -> str:
    """'G32 ≠ overig' for every pair whose adjusted column-proportion test is significant."""
    if test is None or test.pairwise is None:
        return "–"
    return "; ".join(" ≠ ".join(pair) for pair in test.pairwise.differing) or "–"


def adjustment(question: QuestionResult) -> str | None:
    """How the question's item tests were adjusted (--adjust), if they were."""
    return next((i.test.adjustment for i in question.items if i.test and i.test.adjustment), None)


def pairwise_note(question: QuestionResult) -> str | None:
    """Which pairwise test and correction the 'Groups that differ' column uses, and how the
    p column was adjusted."""
    adjusted = adjustment(question)
    prefix = f"p adj.: adjusted by {adjusted}. " if adjusted else ""
    for item in question.items:
        pairwise = item.test.pairwise if item.test else None
        if pairwise:
            return (
                f"{prefix}Groups that differ: {pairwise.test}, p adjusted by "
                f"{pairwise.correction}, at 5%."
            )
    return prefix.strip() or None


def missing_rows(question: QuestionResult, locale: Locale = "en") -> list[list[str]]:
    """Rows for the non-answers below a table: 'Weet niet (not in base)', count."""
    marker = word("not in base", locale)
    rows = [
        [f"{row.label} ({marker})", fmt_count(row.count, locale), "", "", ""]
        for row in question.missing
    ]
    rows += [
        [f"{item.label}: {row.label} ({marker})", fmt_count(row.count, locale), "", "", ""]
        for item in question.items
        for row in item.missing
    ]
    return rows


def scale_note(
    question: QuestionResult, locale: Locale = "en", confidence: float = 0.95
) -> str | None:
    """'Mean 3.45 (95% CI 3.21–3.69; scores: positions 1–5 on the scale; n = 30).'"""
    stats = question.scale
    if stats is None or stats.mean is None:
        return None
    interval = fmt_interval(stats.ci_low, stats.ci_high, 2, locale)
    note = (
        f"{word('Mean', locale)} {fmt_number(stats.mean, 2, locale)} "
        f"({ci_title(confidence, locale)} {interval}; "
        f"{word('scores', locale)}: {stats.scores}; n = {fmt_count(stats.n, locale)})."
    )
    for box in (stats.top2, stats.bottom2):
        if box is not None:
            box_interval = fmt_interval(box.ci_low, box.ci_high, 1, locale)
            note += (
                f" {box.label}: {fmt_percent(box.percent, 1, locale)} "
                f"({ci_title(confidence, locale)} {box_interval})."
            )
    return note


def ungrouped_note(question: QuestionResult, locale: Locale = "en") -> str | None:
    """How many respondents in the base have no value in the --by column."""
    if not question.ungrouped:
        return None
    return f"{fmt_count(question.ungrouped, locale)} {word('without a group', locale)} (--by)."


def not_tabulated_groups(summary: Summary, locale: Locale = "en") -> list[tuple[str, list[str]]]:
    """The columns no question uses, grouped by reason, in the order the reasons are listed."""
    from monitorkit.codebook.columns import REASONS

    grouped: dict[str, list[str]] = {}
    for entry in summary.responses.not_tabulated:
        grouped.setdefault(entry.reason, []).append(entry.column)
    order = {reason: index for index, reason in enumerate(REASONS)}
    return [
        (word(reason, locale), columns)
        for reason, columns in sorted(grouped.items(), key=lambda kv: order.get(kv[0], 99))
    ]


def _cell(item: ItemEstimate, locale: Locale) -> str:
    return f"{fmt_percent(item.percent, 1, locale)} ({item.count}/{item.base})"


def _numeric_rows(question: QuestionResult, locale: Locale, confidence: float) -> list[list[str]]:
    """n, mean, median, sd, min, max per column; under a design also the mean's se and interval."""
    columns = [question.stats, *[group.stats for group in question.groups]]
    keys = ["n", "mean", "se", "ci", "median", "sd", "min", "max"]
    if not any(stats is not None and stats.se is not None for stats in columns):
        keys = [key for key in keys if key not in ("se", "ci")]
    rows = []
    for key in keys:
        if key == "ci":
            cells = [
                fmt_interval(stats.ci_low, stats.ci_high, 2, locale) if stats else ""
                for stats in columns
            ]
            rows.append([f"{word('mean', locale)} {ci_title(confidence, locale)}", *cells])
            continue
        decimals = 0 if key == "n" else 2
        rows.append(
            [key, *[fmt_number(getattr(stats, key, None), decimals, locale) for stats in columns]]
        )
    test = question.stats.test if question.stats else None
    if test:
        name = f"{test.name} ({test.note})" if test.note else test.name
        rows.append(["test", f"{name} p={fmt_p(test.p, locale)}", *[""] * len(question.groups)])
    return rows
