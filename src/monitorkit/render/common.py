"""Text shared by every renderer: source line, provenance notice, table rows.

Terminal, Markdown and xlsx output show the same rows; building them once
here keeps the three from drifting apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from monitorkit.options import Locale
from monitorkit.render.numbers import fmt_count, fmt_interval, fmt_number, fmt_p, fmt_percent
from monitorkit.render.words import ci_title, method, word
from monitorkit.results import Breakdown, GroupEstimate, ItemEstimate, QuestionResult
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


def terminal_console(width: int | None = None) -> Any:
    """A rich console for the terminal renderers: ``width`` characters wide, else the
    terminal's width on a terminal (or COLUMNS when set); output to a pipe or a file is
    not hard-wrapped and its tables are drawn in plain ASCII (see ``data_table``)."""
    import os
    import sys

    from rich.console import Console

    class PipeAwareConsole(Console):
        plain_tables = False

        def on_broken_pipe(self) -> None:
            """A closed pipe (``| head``) ends the output; the CLI exits quietly with 0."""
            raise BrokenPipeError

    terminal = sys.stdout.isatty()
    if width is None and not terminal and "COLUMNS" not in os.environ:
        width = PIPE_WIDTH
    console = PipeAwareConsole(width=width)
    console.plain_tables = not terminal
    return console


#: Tables outside a terminal: columns apart by spaces, the header underlined with dashes.
PLAIN_BOX_LINES = ("    ", "    ", " -- ", "    ", "    ", "    ", "    ", "    ")


def label_width(console: Any, on_terminal: int) -> int | None:
    """How wide a label column may be: ``on_terminal`` characters, unlimited in a pipe."""
    return None if getattr(console, "plain_tables", False) else on_terminal


def data_table(console: Any, **options: Any) -> Any:
    """A rich Table for ``console``: box drawing on a terminal, plain ASCII in a pipe or
    file, so that text tools and editors see simple columns."""
    from rich import box
    from rich.table import Table

    if getattr(console, "plain_tables", False):
        options["box"] = box.Box("\n".join(PLAIN_BOX_LINES) + "\n", ascii=True)
    options.setdefault("show_edge", False)
    return Table(**options)


def shown(text: object) -> str:
    """Text from the data for the terminal: control characters (escape sequences) dropped,
    rich markup escaped."""
    from rich.markup import escape

    return escape(plain_text(text))


def source_line(summary: Summary, locale: Locale = "en") -> str:
    """Which file was read, how, and with which codebook."""
    source = summary.responses.source
    codebook = summary.responses.codebook
    parts = [source.format]
    if source.sheet:
        parts.append(f"{word('sheet', locale)} '{source.sheet}'")
    if source.header_style not in ("single", "spss", "parquet"):
        parts.append(f"{source.header_style} {word('header', locale)}")
    if source.format == "csv":
        parts.append(
            f"{source.encoding}, {word('delimiter', locale)} '{source.delimiter}', "
            f"{word('decimal', locale)} '{source.decimal}'"
        )
    parts.append(f"{fmt_count(source.rows, locale)} {word('respondents', locale)}")
    previews = summary.responses.previews_left_out
    if previews:
        parts.append(f"{previews} {word('test and preview responses left out', locale)}")
    if summary.population is not None:
        parts.append(
            f"{word('finite population correction', locale)}: N = {summary.population.size}"
        )
    weights = summary.design.weights
    if weights:
        effective = fmt_number(weights.kish_effective_n, 1, locale)
        parts.append(
            f"{word('weighted by', locale)} '{weights.column}', "
            f"{word('Kish effective n', locale)} {effective}"
        )
    name = codebook.instrument or "(unnamed)"
    bundled = f" ({word('bundled dataset', locale)})" if summary.provenance else ""
    return (
        f"{source.path}{bundled} ({'; '.join(parts)}) — {word('codebook', locale)} {name} "
        f"({word(codebook.origin, locale)})"
    )


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


def fpc_note(summary: Summary, locale: Locale = "en") -> str | None:
    """Where the finite population correction applies, and where not."""
    if summary.population is None:
        return None
    source = method(summary.population.source, locale)
    applied = word("Finite population correction applied to intervals and tests:", locale)
    return f"{applied} {source}; {method(FPC_RULE, locale)}."


def question_heading(question: QuestionResult, locale: Locale = "en") -> str:
    if question.type == "battery":
        base = word("base per item", locale)
    else:
        base = f"{word('base', locale)} {fmt_count(question.base, locale)}"
    return f"{question.label} [{word(question.type, locale)}, {base}]"


def base_note(question: QuestionResult, locale: Locale = "en") -> str:
    """'Base: <how the base was defined>.' in the locale's language."""
    return f"{word('Base:', locale)} {word(question.base_rule, locale)}."


def table_header(
    question: QuestionResult, groups: list[str], locale: Locale = "en", confidence: float = 0.95
) -> list[str]:
    """Column titles for a question's table; group names are data and stay as they are.

    A --by table has three columns per group (%, interval, n/base) under the spanners
    of ``table_spanners``, and a p per breakdown; a renderer with one header row joins
    the two.
    """

    def words(*titles: str) -> list[str]:
        return [word(title, locale) for title in titles]

    if question.type == "numeric":
        named = [column.title.rsplit(" (", 1)[0] for column in group_columns(question)]
        return [*words("Statistic", "All"), *named]
    if question.all_breakdowns():
        per_group = ["%", ci_title(confidence, locale), word("n/base", locale)]
        columns = len(group_columns(question)) + 1
        return [word("Item", locale), *per_group * columns, *p_titles(question, locale)]
    if question.weighted:
        titles = words("Item", "n", "Base", "Weighted base", "Effective base", "% (weighted)")
        return [*titles, ci_title(confidence, locale)]
    return [*words("Item", "n", "Base", "%"), ci_title(confidence, locale)]


def p_titles(question: QuestionResult, locale: Locale = "en") -> list[str]:
    """The p columns of a --by table: 'p' (and 'p adj.'), one set per breakdown, named by
    its column when there are several."""
    adjusted = adjustment(question) is not None
    titles = []
    for breakdown in question.all_breakdowns():
        suffix = f" {breakdown.by}" if breakdown.by else ""
        titles += [f"p{suffix}"] + ([f"{word('p adj.', locale)}{suffix}"] if adjusted else [])
    return titles


#: Columns under each group's spanner in a --by table: %, interval, n/base.
GROUP_SPAN = 3


@dataclass(frozen=True)
class GroupColumn:
    """One group's column in a --by table: its breakdown, the group and its letter."""

    breakdown: Breakdown
    group: GroupEstimate
    letter: str
    #: The breakdown's position among the question's breakdowns.
    position: int

    @property
    def title(self) -> str:
        """'G32 (A)', or 'regio: Noord (C)' when several breakdowns stand side by side."""
        name = f"{self.breakdown.by}: {self.group.group}" if self.breakdown.by else self.group.group
        return f"{name} ({self.letter})"


def group_columns(question: QuestionResult) -> list[GroupColumn]:
    """Every group of every breakdown, in column order, lettered A, B, ..., Z, AA, AB, ...
    (one series over the whole table, so no letter is ambiguous)."""
    from string import ascii_uppercase as letters

    def letter(index: int) -> str:
        return letters[index] if index < 26 else letter(index // 26 - 1) + letters[index % 26]

    pairs = [(b, g, p) for p, b in enumerate(question.all_breakdowns()) for g in b.groups]
    return [GroupColumn(b, g, letter(i), p) for i, (b, g, p) in enumerate(pairs)]


def table_spanners(question: QuestionResult, locale: Locale = "en") -> list[tuple[str, int]]:
    """The header row above a --by table's columns: (title, columns spanned), covering every
    column; 'All' and each group with its letter, e.g. ('G32 (A)', 3). Empty without groups."""
    if not question.all_breakdowns() or question.type == "numeric":
        return []
    spanners = [("", 1), (word("All", locale), GROUP_SPAN)]
    spanners += [(column.title, GROUP_SPAN) for column in group_columns(question)]
    return [*spanners, ("", len(p_titles(question, locale)))]


def joined_header(question: QuestionResult, header: list[str], locale: Locale = "en") -> list[str]:
    """Spanner and column title in one title ('G32 (A) %'), for one-row headers."""
    spanners = [title for title, span in table_spanners(question, locale) for _ in range(span)]
    if not spanners:
        return header
    return [f"{top} {title}" if top else title for top, title in zip(spanners, header, strict=True)]


def stacked_header(question: QuestionResult, header: list[str], locale: Locale = "en") -> list[str]:
    """Spanner over column title on two lines, the spanner only over its first column, for
    tables (the terminal's) that have one header row of several lines."""
    spanners = table_spanners(question, locale)
    if not spanners:
        return header
    tops = [title if column == 0 else "" for title, span in spanners for column in range(span)]
    return [f"{top}\n{title}" for top, title in zip(tops, header, strict=True)]


def significance_letters(question: QuestionResult, index: int) -> list[str]:
    """Column-proportion letters of item ``index`` per group column, as in SPSS Custom
    Tables: a group's cell lists the letters of the groups of the same breakdown whose
    percentage is significantly lower."""
    columns = group_columns(question)
    found: list[list[str]] = [[] for _ in columns]
    for position, breakdown in enumerate(question.all_breakdowns()):
        test = breakdown.tests[index] if index < len(breakdown.tests) else None
        if test is None or test.pairwise is None:
            continue
        mine = {c.group.group: (i, c) for i, c in enumerate(columns) if c.position == position}
        for pair in test.pairwise.pairs:
            if not pair.significant or not all(name in mine for name in pair.groups):
                continue
            (i, a), (j, b) = (mine[name] for name in pair.groups)
            first, second = a.group.items[index].percent, b.group.items[index].percent
            if first is None or second is None or first == second:
                continue
            higher, lower = (i, b) if first > second else (j, a)
            found[higher].append(lower.letter)
    return ["".join(sorted(letters, key=lambda x: (len(x), x))) for letters in found]


#: Marks on the p of the rows whose test differs from the table's first one.
TEST_MARKS = ("†", "‡", "§", "¶", "#")


def test_marks(question: QuestionResult) -> dict[str, str]:
    """Each test used in a --by table -> its mark: none for the first, then † ‡ § ¶ #."""
    names = dict.fromkeys(
        test.name for breakdown in question.all_breakdowns() for test in breakdown.tests if test
    )
    return {name: TEST_MARKS[i - 1] if i else "" for i, name in enumerate(names) if i <= 5}


def table_rows(
    question: QuestionResult, locale: Locale = "en", confidence: float = 0.95
) -> list[list[str]]:
    """The rows of a question's table as display strings."""
    if question.type == "numeric":
        return _numeric_rows(question, locale, confidence)
    rows = []
    breakdowns = question.all_breakdowns()
    adjusted = adjustment(question) is not None
    marks = test_marks(question)
    columns = group_columns(question)
    for index, item in enumerate(question.items):
        if breakdowns:
            letters = significance_letters(question, index)
            cells = _group_cells(item, "", locale)
            for column, differs in zip(columns, letters, strict=True):
                cells += _group_cells(column.group.items[index], differs, locale)
            for breakdown in breakdowns:
                test = breakdown.tests[index] if index < len(breakdown.tests) else None
                cells.append(
                    fmt_p(test.p if test else None, locale)
                    + (marks.get(test.name, "") if test else "")
                )
                if adjusted:
                    cells.append(fmt_p(test.p_adjusted if test else None, locale))
            rows.append([item.label, *cells])
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
    if not breakdowns:
        width = len(table_header(question, [], locale))  # the same width at any confidence
        rows += [row[:2] + [""] * (width - 2) for row in missing_rows(question, locale)]
    return rows


def _group_cells(cell: ItemEstimate, letters: str, locale: Locale) -> list[str]:
    """One column's cells in a --by table: '67.4% A', its interval, 'n/base'."""
    percent = fmt_percent(cell.percent, 1, locale)
    return [
        f"{percent} {letters}" if letters else percent,
        fmt_interval(cell.ci_low, cell.ci_high, 1, locale),
        f"{fmt_count(cell.count, locale)}/{fmt_count(cell.base, locale)}",
    ]


def adjustment(question: QuestionResult) -> str | None:
    """How the question's item tests were adjusted (--adjust), if they were."""
    tests = [test for b in question.all_breakdowns() for test in b.tests if test is not None]
    return next((test.adjustment for test in tests if test.adjustment), None)


def group_notes(question: QuestionResult, locale: Locale = "en") -> list[str]:
    """The footnotes of a --by table, once per table: which test gave each p (and its mark),
    how p was adjusted, and what the letters mean."""
    breakdowns = question.all_breakdowns()
    if not breakdowns or question.type == "numeric":
        return []
    notes = []
    tests = [
        f"{mark} {method(name, locale)}".strip() for name, mark in test_marks(question).items()
    ]
    if tests:
        notes.append(f"p: {'; '.join(tests)}.")
    if adjusted := adjustment(question):
        notes.append(f"p adj.: {word('adjusted by', locale)} {method(adjusted, locale)}.")
    pairwise = next(
        (t.pairwise for b in breakdowns for t in b.tests if t is not None and t.pairwise), None
    )
    explained = word(
        "Letters: the percentage is significantly higher than in the group with that letter",
        locale,
    )
    if pairwise:
        how = (
            f"{method(pairwise.test, locale)}, {word('p adjusted by', locale)} "
            f"{method(pairwise.correction, locale)}, {word('at', locale)} 5%"
        )
        notes.append(f"{explained} ({how}).")
    else:
        notes.append(f"{explained}; {word('no item differs between the groups at 5%', locale)}.")
    return notes


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
        f"{word('scores', locale)}: {method(stats.scores, locale)}; "
        f"n = {fmt_count(stats.n, locale)})."
    )
    for box in (stats.top2, stats.bottom2):
        if box is not None:
            box_interval = fmt_interval(box.ci_low, box.ci_high, 1, locale)
            note += (
                f" {method(box.label, locale)}: {fmt_percent(box.percent, 1, locale)} "
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
    groups = group_columns(question)
    columns = [question.stats, *[column.group.stats for column in groups]]
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
        values = [fmt_number(getattr(stats, key, None), decimals, locale) for stats in columns]
        rows.append([word(key, locale), *values])
    for breakdown in question.all_breakdowns():
        test = breakdown.tests[0] if breakdown.tests else None
        if test:
            name = method(test.name, locale)
            name = f"{name} ({method(test.note, locale)})" if test.note else name
            label = word("test", locale) + (f" {breakdown.by}" if breakdown.by else "")
            cells = [f"{name} p={fmt_p(test.p, locale)}", *[""] * len(groups)]
            rows.append([label, *cells])
    return rows
