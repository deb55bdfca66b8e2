"""Reports: a self-contained HTML page, Markdown with PNG charts, and xlsx workbooks.

`write_report` summarizes each file (and compares them as waves when asked)
and renders the same content three ways. Charts are inline SVG in the HTML
and PNG files beside the Markdown. Outputs carry no timestamps, SVG ids are
fixed and workbook dates are fixed, so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from monitorkit.errors import UsageError
from monitorkit.io.datasets import resolve_input
from monitorkit.io.files import publish_folder, safe_name
from monitorkit.options import DesignOptions, Locale, RenderOptions, sort_options
from monitorkit.render.assumptions import dataset_notes
from monitorkit.render.common import (
    base_note,
    design_note,
    fpc_note,
    group_notes,
    joined_header,
    md_text,
    not_tabulated_groups,
    provenance_notice,
    question_heading,
    scale_note,
    source_line,
    table_header,
    table_rows,
    table_spanners,
    ungrouped_note,
)
from monitorkit.render.findings import Finding, Kind, key_findings, left_out, listed
from monitorkit.render.progress import steps
from monitorkit.render.words import report_footer, word
from monitorkit.results import select_by_id

CONFIG_KEYS = (
    "title",
    "subtitle",
    "questions",
    "by",
    "population",
    "weight",
    "strata",
    "adjust",
    "labels",
    "compare",
    "locale",
)


@dataclass
class ReportQuestion:
    id: str
    heading: str
    header: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Draws the question's chart when called (``narrow=True``: the phone layout); drawn
    #: one at a time and closed at once, so a report of hundreds of questions never holds
    #: more than one figure.
    figure: Callable[..., Any] | None = None
    anchor: str = ""
    svg: str = ""
    svg_narrow: str = ""
    png: bytes = b""
    #: A --by table's second header row: (title, columns spanned) over ``columns``.
    spanners: list[tuple[str, int]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FindingList:
    """One list of the key findings: its title, (subject, detail, anchor of the table) per
    line, and a closing line (how many more, or that none is significant)."""

    title: str
    lines: tuple[tuple[str, str, str], ...]
    closing: str = ""


@dataclass
class ReportPart:
    anchor: str
    title: str
    meta: list[str]
    notices: list[str]
    questions: list[ReportQuestion]
    findings: list[FindingList] = field(default_factory=list)


def read_report_config(path: str | Path | None) -> dict[str, Any]:
    """Titles, question selection and order, grouping, waves, weights (all optional)."""
    if path is None:
        return {}
    from monitorkit.io.yamlfile import read_yaml

    data = read_yaml(path, UsageError, "report config") or {}
    unknown = sorted(set(data) - set(CONFIG_KEYS))
    if unknown:
        raise UsageError(
            f"unknown report config field(s): {', '.join(unknown)}",
            hint=f"fields are {', '.join(CONFIG_KEYS)}",
        )
    return data


_SVG_ID = re.compile(r'(\bid="|href="#|url\(#)')


def _svg(figure, prefix: str) -> str:
    """An inline <svg> element: no XML prolog, fixed ids (matplotlib's hash salt is set),
    each id prefixed so that the page's charts never share one (a glyph or clip path
    found first in a hidden chart would leave another chart blank)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return _SVG_ID.sub(lambda match: f"{match.group(1)}{prefix}-", text[text.index("<svg") :])


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    return buffer.getvalue()


def summary_part(summary, label: str, locale: Locale, wanted: list[str] | None) -> ReportPart:
    """One file's questions: table, base definition, notes and chart per question."""
    from monitorkit.render.charts import question_figure

    notice = provenance_notice(summary, locale)
    notices = [notice] if notice else []
    notices += dataset_notes(summary.provenance, locale)
    meta = [source_line(summary, locale)]
    if fpc := fpc_note(summary, locale):
        meta.append(fpc)
    meta += list(summary.responses.warnings)
    meta += [
        f"{word('Not tabulated', locale)} — {reason}: {', '.join(columns)}"
        for reason, columns in not_tabulated_groups(summary, locale)
    ]
    questions: list[ReportQuestion] = []
    anchor = _anchor(label)
    for question in select_by_id(summary.questions, wanted):
        groups = [g.group for g in question.groups]
        notes = [base_note(question, locale), design_note(summary, locale)]
        notes += [
            note
            for note in (
                scale_note(question, locale, summary.confidence),
                ungrouped_note(question, locale),
            )
            if note
        ]
        notes += group_notes(question, locale)
        figure = None
        if question.stats is None and question.items:
            figure = partial(question_figure, question, notice, locale, summary.confidence)
        header = table_header(question, groups, locale, summary.confidence)
        questions.append(
            ReportQuestion(
                question.id,
                question_heading(question, locale),
                joined_header(question, header, locale),
                table_rows(question, locale, summary.confidence),
                notes,
                list(question.warnings),
                figure,
                _question_anchor(anchor, question.id, questions),
                spanners=table_spanners(question, locale),
                columns=header,
            )
        )
    found = key_findings(summary, locale)
    lists = [_finding_list(found, "share", "Largest shares", questions, locale)]
    if summary.by:
        lists.append(
            _finding_list(
                found, "difference", "Significant differences between groups", questions, locale
            )
        )
    return ReportPart(
        anchor, label, meta, notices, questions, [f for f in lists if f.lines or f.closing]
    )


def comparison_part(comparison, locale: Locale, wanted: list[str] | None) -> ReportPart:
    """The waves side by side (see render.changes), with a slope or line chart per question."""
    from monitorkit.render.changes import cell_text, change_table
    from monitorkit.render.charts import slope_figure

    questions: list[ReportQuestion] = []
    for question in select_by_id(comparison.questions, wanted):
        spec = change_table(comparison, question, locale)
        rows = [
            [
                cell_text(c.kind, v, locale, spec.decimals)
                for c, v in zip(spec.columns, row, strict=True)
            ]
            for row in spec.rows
        ]
        questions.append(
            ReportQuestion(
                question.id,
                question.label,
                [column.title for column in spec.columns],
                rows,
                list(spec.notes),
                [],
                partial(slope_figure, comparison, question, locale),
                _question_anchor("comparison", question.id, questions),
            )
        )
    notices = sorted({n for s in comparison.summaries if (n := provenance_notice(s, locale))})
    meta = [
        f"{label}: {source_line(s, locale)}"
        for label, s in zip(comparison.labels, comparison.summaries, strict=True)
    ]
    changes = _finding_list(
        key_findings(comparison, locale),
        "change",
        "Significant changes between waves",
        questions,
        locale,
    )
    return ReportPart(
        "comparison",
        f"{word('Comparison', locale)} {' → '.join(comparison.labels)}",
        meta,
        notices,
        questions,
        [changes],
    )


def _finding_list(
    found: list[Finding],
    kind: Kind,
    title: str,
    questions: list[ReportQuestion],
    locale: Locale,
) -> FindingList:
    """The findings of one kind about the questions the report shows, each with the anchor
    of its table, and what the short list leaves out."""
    anchors = {question.id: question.anchor for question in questions}
    present = [f for f in found if f.question in anchors]
    lines = tuple((f.subject, f.detail, anchors[f.question]) for f in listed(present, kind))
    more = left_out(present, kind)
    if more:
        closing = f"{more} {word('more in the tables below.', locale)}"
    else:
        closing = "" if lines or kind == "share" else word("None is significant at 5%.", locale)
    return FindingList(word(title, locale), lines, closing)


def _anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "part"


def _question_anchor(part: str, question: str, before: list[ReportQuestion]) -> str:
    """The id of a question's section: the part's and question's anchor, numbered where two
    question ids read the same as an anchor ('Q_1' and 'q-1')."""
    anchor = _anchor(f"{part}-{question}")
    used = {q.anchor for q in before}
    number = 2
    unique = anchor
    while unique in used:
        unique, number = f"{anchor}-{number}", number + 1
    return unique


#: Where a line may not break inside a number: around an interval's en dash (word
#: joiners), around 'to'/'tot' between negative bounds, before a Dutch ' %' (' %-punt')
#: or ' pp', and around the '=' of 'p = 0.012' or 'n = 204' (no-break spaces).
_UNBREAKABLE = (
    (re.compile(r"(?<=\d)–(?=-?\d)"), "\u2060–\u2060"),
    (re.compile(r"(?<=\d) (to|tot) (?=-?\d)"), "\u00a0\\1\u00a0"),
    (re.compile(r"(?<=\d) (%|pp\b)"), "\u00a0\\1"),
    (re.compile(r"(?<=\w) ([=<]) ?(?=[<\d-])"), "\u00a0\\1\u00a0"),
)


def keep_numbers(text: str) -> str:
    """Text whose numbers and intervals a browser never breaks across two lines."""
    for pattern, replacement in _UNBREAKABLE:
        text = pattern.sub(replacement, text)
    return text


def render_html(
    title: str, subtitle: str, parts: list[ReportPart], locale: Locale, confidence: float = 0.95
) -> str:
    from importlib.metadata import version

    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("monitorkit", "render/templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )
    environment.filters["keep_numbers"] = keep_numbers
    return environment.get_template("report.html.j2").render(
        title=title,
        subtitle=subtitle,
        parts=parts,
        findings=any(part.findings for part in parts),
        several=len(parts) > 1,
        words={
            "findings": word("Key findings", locale),
            "findings_note": word(FINDINGS_NOTE, locale),
            "contents": word("Contents", locale),
            "scroll": word("Scroll the table sideways", locale),
        },
        lang=locale,
        version=version("monitorkit"),
        footer=report_footer(confidence, locale),
    )


FINDINGS_NOTE = (
    "Each question's largest share; significant: p below 0.05 (two-sided), the adjusted p "
    "where the tables adjust; each line links to its table."
)


def findings_markdown(parts: list[ReportPart], locale: Locale) -> list[str]:
    """The key findings as Markdown lines, each linking to its table's anchor."""
    if not any(part.findings for part in parts):
        return []
    lines = [f"## {word('Key findings', locale)}", ""]
    for part in parts:
        if not part.findings:
            continue
        if len(parts) > 1:
            lines += [f"### {md_text(part.title)}", ""]
        for found in part.findings:
            lines += [f"**{md_text(found.title)}**", ""]
            lines += [
                f"- [{md_text(subject)}](#{anchor}): {md_text(detail)}"
                for subject, detail, anchor in found.lines
            ]
            lines += ([""] if found.lines else []) + ([found.closing, ""] if found.closing else [])
    return [*lines, word(FINDINGS_NOTE, locale), ""]


def render_markdown(
    title: str, subtitle: str, parts: list[ReportPart], charts: str, locale: Locale = "en"
) -> str:
    """The report as Markdown: key findings first, then per part its tables, notes and
    chart links; each question has an anchor the findings link to."""
    lines = [f"# {title}", ""]
    if subtitle:
        lines += [subtitle, ""]
    lines += findings_markdown(parts, locale)
    for part in parts:
        lines += [f'<a id="{part.anchor}"></a>', "", f"## {md_text(part.title)}", ""]
        lines += [f"{line}  " for line in part.meta] + [""]
        lines += [f"> **{md_text(n)}**\n" for n in part.notices]
        for question in part.questions:
            lines += [f'<a id="{question.anchor}"></a>', ""]
            lines += [f"### {md_text(question.heading)}", ""]
            lines.append("| " + " | ".join(md_text(h) for h in question.header) + " |")
            lines.append("|" + "|".join([" --- "] + [" ---: "] * (len(question.header) - 1)) + "|")
            lines += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in question.rows]
            lines += [""] + [f"{note}  " for note in question.notes] + [""]
            lines += [f"Warning: {w}" for w in question.warnings]
            if question.figure is not None:
                lines += [
                    f"![{md_text(question.heading)}]({charts}/{chart_file(part, question)})",
                    "",
                ]
    return "\n".join(lines) + "\n"


def build_report(
    files: list[str],
    folder: str | Path,
    *,
    config: str | Path | None = None,
    locale: Locale | None = None,
    by: str | list[str] | None = None,
    design: DesignOptions | None = None,
    compare: bool | None = None,
    labels: str | None = None,
    questions: list[str] | None = None,
    quiet: bool = True,
    allow_unit_mismatch: bool = False,
    **options: Any,
) -> list[Path]:
    """Summarize (and compare) the files and write report.html, report.md (+ charts/) and xlsx.

    The design (or its fields as keywords: ``population``, ``weight``, ...) applies to
    every file; what it leaves unset comes from the ``config`` file. ``questions`` (or
    the config's list) selects the questions and their order.
    """
    import matplotlib.pyplot as plt

    from monitorkit.render.outputs import comparison_xlsx, summary_xlsx
    from monitorkit.stats.compare import compare_summaries, wave_labels
    from monitorkit.stats.estimates import summarize_survey

    settings = read_report_config(config)
    _, design = sort_options(None, design, options, "build_report")
    language: Locale = RenderOptions(locale=locale or settings.get("locale", "en")).locale
    by = by or settings.get("by")
    wanted = questions or settings.get("questions")
    design = replace(
        design,
        **{
            key: settings[key]
            for key in ("population", "weight", "strata", "adjust")
            if getattr(design, key) is None and settings.get(key) is not None
        },
    )
    labels = labels or settings.get("labels")
    if isinstance(labels, list):
        labels = ",".join(str(label) for label in labels)
    compare = settings.get("compare", len(files) > 1) if compare is None else compare
    folder = Path(folder)
    names = wave_labels(files, labels)
    summaries = [summarize_survey(f, by=by, design=design) for f in files]
    titles = names if len(files) > 1 else [Path(summaries[0].responses.source.path).name]
    parts = [summary_part(s, t, language, wanted) for s, t in zip(summaries, titles, strict=True)]
    comparison = None
    if compare and len(files) > 1:
        try:
            comparison = compare_summaries(
                summaries,
                names,
                confidence=design.confidence,
                allow_unit_mismatch=allow_unit_mismatch,
            )
        except UsageError as error:
            if "--allow-unit-mismatch" not in (error.hint or ""):
                error.hint = "use --no-compare for files that are not waves of one survey"
            raise
        parts.append(comparison_part(comparison, language, wanted))
    instruments = dict.fromkeys(
        s.responses.codebook.title or s.responses.codebook.instrument or "Report" for s in summaries
    )
    title = settings.get("title") or " · ".join(instruments)
    subtitle = settings.get("subtitle", "")
    figures = [q for part in parts for q in part.questions if q.figure is not None]
    with steps(len(figures), "Drawing charts", quiet) as advance:
        for question in figures:
            assert question.figure is not None
            drawn = question.figure()
            question.svg, question.png = _svg(drawn, question.anchor), _png(drawn)
            plt.close(drawn)
            drawn = question.figure(narrow=True)
            question.svg_narrow = _svg(drawn, f"{question.anchor}-narrow")
            plt.close(drawn)
            advance()
    outputs: dict[str, bytes] = {
        "report.html": render_html(title, subtitle, parts, language, design.confidence).encode(),
        "report.md": render_markdown(title, subtitle, parts, "charts", language).encode("utf-8"),
    }
    for part in parts:
        for question in part.questions:
            if question.png:
                outputs[f"charts/{chart_file(part, question)}"] = question.png
    if len(summaries) == 1:
        outputs["report.xlsx"] = summary_xlsx(summaries[0], language)
    else:
        for summary, name in zip(summaries, names, strict=True):
            outputs[f"report-{safe_name(_anchor(name))}.xlsx"] = summary_xlsx(summary, language)
        if comparison is not None:
            outputs["comparison.xlsx"] = comparison_xlsx(comparison, language)
    inputs = [resolve_input(f) for f in files] + ([Path(config)] if config else [])
    return publish_folder(folder, outputs, inputs, "report")


def chart_file(part: ReportPart, question: ReportQuestion) -> str:
    """The file name of a question's chart in the report's charts folder."""
    return f"{safe_name(f'{part.anchor}-{question.id}')}.png"
