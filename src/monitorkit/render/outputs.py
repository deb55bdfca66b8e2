"""File outputs of a summary: json, csv, md and xlsx, all written atomically."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from monitorkit.errors import UsageError
from monitorkit.io.files import add_row, csv_bytes, json_bytes, workbook_bytes
from monitorkit.options import Locale
from monitorkit.render.assumptions import (
    add_notes_sheet,
    comparison_notes,
    dataset_notes,
    link_notes_sheet,
    summary_notes,
)
from monitorkit.render.common import (
    adjustment,
    base_note,
    design_note,
    fpc_note,
    group_columns,
    group_notes,
    joined_header,
    md_text,
    provenance_notice,
    question_heading,
    scale_note,
    significance_letters,
    source_line,
    table_header,
    table_rows,
    test_marks,
    ungrouped_note,
)
from monitorkit.render.words import word
from monitorkit.render.workbook import (
    NOTICE_COLOUR,
    P_FORMAT,
    add_contents,
    add_spanners,
    add_table,
    font,
    link,
    number_formats,
    set_up_pages,
    set_widths,
    table_widths,
    write_text,
)
from monitorkit.results import ItemEstimate, NumericStats, QuestionResult, TestResult
from monitorkit.stats.estimates import Summary

FORMATS = ("json", "csv", "md", "xlsx")
CSV_COLUMNS = [
    "question",
    "question_label",
    "type",
    "by",
    "group",
    "item",
    "column",
    "count",
    "base",
    "percent",
    "ci_low",
    "ci_high",
    "test",
    "p",
    "p_adjusted",
    "mean",
    "median",
    "sd",
    "min",
    "max",
    "reason",
]


def render_summary(summary: Summary, fmt: str, locale: Locale = "en") -> bytes:
    """The bytes of a summary in one of FORMATS."""
    if fmt == "json":
        return json_bytes(summary.as_dict())
    if fmt == "csv":
        return summary_csv(summary, locale)
    if fmt == "md":
        return summary_markdown(summary, locale).encode("utf-8")
    if fmt == "xlsx":
        return summary_xlsx(summary, locale)
    raise UsageError(f"unknown format '{fmt}'", hint=f"choose one of {', '.join(FORMATS)}")


def write_summary(summary: Summary, fmt: str, path: str | Path, locale: Locale = "en") -> Path:
    """Write a summary in ``fmt`` to ``path`` atomically, never over the file it was read
    from: the library's counterpart of ``summarize -o``."""
    from monitorkit.io.files import write_atomic

    path = Path(path)
    write_atomic(
        path, render_summary(summary, fmt, locale), [Path(summary.responses.source.input_path)]
    )
    return path


def csv_records(summary: Summary) -> list[dict[str, Any]]:
    """One record per item (and per group), plus one per numeric question and group.

    A group's record names its --by column and carries the test of its breakdown; the
    overall record carries the first breakdown's test.
    """
    records = []
    for question in summary.questions:
        common = {"question": question.id, "question_label": question.label, "type": question.type}
        breakdowns = [(b.by or summary.by, b) for b in question.all_breakdowns()]
        if question.stats is not None:
            test = question.stats.test
            records.append({**common, **_numeric_fields(question.stats, test)})
            for by, breakdown in breakdowns:
                test = breakdown.tests[0] if breakdown.tests else None
                records += [
                    {**common, "by": by, "group": g.group, **_numeric_fields(g.stats, test)}
                    for g in breakdown.groups
                ]
            continue
        for index, item in enumerate(question.items):
            records.append(
                {
                    **common,
                    "group": "",
                    "item": item.label,
                    **_item_fields(item),
                    **_test_fields(item.test),
                }
            )
            for by, breakdown in breakdowns:
                test = breakdown.tests[index] if index < len(breakdown.tests) else None
                records += [
                    {
                        **common,
                        "by": by,
                        "group": group.group,
                        "item": item.label,
                        **_item_fields(group.items[index]),
                        **_test_fields(test),
                    }
                    for group in breakdown.groups
                ]
        scale = question.scale
        if scale is not None and scale.mean is not None:
            records.append(
                {
                    **common,
                    "item": "mean",
                    "base": scale.n,
                    "mean": scale.mean,
                    "sd": scale.sd,
                    "ci_low": scale.ci_low,
                    "ci_high": scale.ci_high,
                }
            )
            records += [
                {**common, "item": box.label, **_item_fields(box)}
                for box in (scale.top2, scale.bottom2)
                if box is not None
            ]
        for row in question.missing:
            records.append(
                {**common, "item": row.label, "count": row.count, "reason": "not in base"}
            )
    for entry in summary.responses.not_tabulated:
        records.append({"type": "not tabulated", "column": entry.column, "reason": entry.reason})
    return records


def _numeric_fields(stats: NumericStats | None, test: TestResult | None) -> dict[str, Any]:
    return {
        "base": stats.n if stats else None,
        "test": test.name if test else None,
        "p": test.p if test else None,
        "ci_low": stats.ci_low if stats else None,
        "ci_high": stats.ci_high if stats else None,
        **{k: getattr(stats, k, None) for k in ("mean", "median", "sd", "min", "max")},
    }


def _test_fields(test: TestResult | None) -> dict[str, Any]:
    if test is None:
        return {}
    return {"test": test.name, "p": test.p, "p_adjusted": test.p_adjusted}


def _item_fields(item: ItemEstimate) -> dict[str, Any]:
    keys = ("column", "count", "base", "percent", "ci_low", "ci_high")
    return {key: getattr(item, key) for key in keys}


def summary_csv(summary: Summary, locale: Locale = "en") -> bytes:
    """Tidy CSV: a row per item and group (';' and decimal commas with --locale nl)."""
    return csv_bytes(CSV_COLUMNS, csv_records(summary), dutch=locale == "nl")


def _document_title(summary: Summary) -> str:
    codebook = summary.responses.codebook
    return codebook.title or codebook.instrument or "Survey summary"


def summary_markdown(summary: Summary, locale: Locale = "en") -> str:
    """A Markdown document with one table per question."""
    lines = [
        f"# {_document_title(summary)}",
        "",
    ]
    lines += [f"{word('Source', locale)}: {source_line(summary, locale)}", ""]
    notice = provenance_notice(summary, locale)
    if notice:
        lines += [f"> **{notice}**", ""]
    if recorded := summary_notes(summary, locale):
        lines += [*(f"- {md_text(line)}" for line in recorded), ""]
    if fpc := fpc_note(summary, locale):
        lines += [fpc, ""]
    lines += [f"Warning: {md_text(warning)}" for warning in summary.responses.warnings]
    if summary.responses.warnings:
        lines.append("")
    for question in summary.questions:
        groups = [group.group for group in question.groups]
        header = joined_header(
            question, table_header(question, groups, locale, summary.confidence), locale
        )
        lines += [f"## {md_text(question_heading(question, locale))}", ""]
        lines.append("| " + " | ".join(md_text(h) for h in header) + " |")
        lines.append("|" + "|".join([" --- "] + [" ---: "] * (len(header) - 1)) + "|")
        for row in table_rows(question, locale, summary.confidence):
            lines.append("| " + " | ".join(md_text(cell) for cell in row) + " |")
        lines += ["", base_note(question, locale), design_note(summary, locale), ""]
        notes = (scale_note(question, locale, summary.confidence), ungrouped_note(question, locale))
        lines += [note for note in notes if note]
        if any(notes):
            lines.append("")
        if footnotes := group_notes(question, locale):
            lines += [md_text(note) for note in footnotes] + [""]
        lines += [f"Warning: {warning}" for warning in question.warnings]
        if question.warnings:
            lines.append("")
    if summary.responses.not_tabulated:
        lines += [
            f"## {word('Not tabulated', locale)}",
            "",
            f"| {word('Column', locale)} | {word('Reason', locale)} | {word('Detail', locale)} |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| {md_text(entry.column)} | {md_text(word(entry.reason, locale))} "
            f"| {md_text(entry.detail)} |"
            for entry in summary.responses.not_tabulated
        ]
        lines.append("")
    return "\n".join(lines)


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_names(ids: list[str], reserved: tuple[str, ...] = ("Overview",)) -> list[str]:
    """Excel sheet names: at most 31 characters, no []:*?/\\, unique ignoring case and
    apart from the workbook's own sheets (``reserved``)."""
    names, seen = [], set()
    taken = {name.casefold() for name in reserved}
    for question_id in ids:
        base = _SHEET_FORBIDDEN.sub("_", question_id)[:31] or "question"
        name, number = base, 2
        while name.casefold() in seen or name.casefold() in taken:
            suffix = f"_{number}"
            name, number = base[: 31 - len(suffix)] + suffix, number + 1
        seen.add(name.casefold())
        names.append(name)
    return names


#: The widths of the summary overview's columns after the sheet's name: question,
#: type, base, base rule.
OVERVIEW_WIDTHS = (30, 9, 6, 23)
#: The width of a table's first column (item or group labels, wrapped).
LABEL_WIDTH = 40


def summary_xlsx(summary: Summary, locale: Locale = "en") -> bytes:
    """A workbook: an overview with the contents, then one sheet per question (its
    table a named Excel table), set up to print one page wide."""
    from openpyxl import Workbook

    document = _document_title(summary)
    heading, emphasis = font(12), font(color=NOTICE_COLOUR)
    workbook = Workbook()
    overview = workbook.active
    overview.title = word("Overview", locale)
    not_tabulated = word("Not tabulated", locale)[:31]
    names = _sheet_names([q.id for q in summary.questions], (overview.title, not_tabulated))
    header = [word(w, locale) for w in ("Sheet", "Question", "Type", "Base", "Base rule")]
    contents = [
        [name, question.label, question.type, question.base, word(question.base_rule, locale)]
        for name, question in zip(names, summary.questions, strict=True)
    ]
    widths = [table_widths(header, contents)[0], *OVERVIEW_WIDTHS]
    set_widths(overview, widths)
    write_text(overview, document, len(widths), font(13))
    write_text(overview, f"{word('Source', locale)}: {source_line(summary, locale)}", len(widths))
    notice = provenance_notice(summary, locale)
    if notice:
        write_text(overview, notice, len(widths), emphasis)
    add_row(overview, [])
    add_contents(overview, header, contents)
    if summary.responses.not_tabulated:
        add_row(overview, [])
        add_row(overview, [not_tabulated])
        link(overview.cell(overview.max_row, 1), not_tabulated)
    notes = summary_notes(summary, locale)
    link_notes_sheet(overview, notes, locale)
    set_up_pages(overview, document, document, locale)

    for name, question in zip(names, summary.questions, strict=True):
        sheet = workbook.create_sheet(name)
        columns, rows = _xlsx_table(question, locale)
        header = [_column_title(column, locale) for column in columns]
        set_widths(sheet, table_widths(header, rows, LABEL_WIDTH))
        write_text(sheet, question_heading(question, locale), len(columns), heading)
        preamble = [base_note(question, locale), design_note(summary, locale)]
        for text in preamble + ([notice] if notice else []):
            write_text(sheet, text, len(columns))
        add_row(sheet, [])
        if question.groups and question.stats is None:
            named = [(group.title, XLSX_GROUP_SPAN) for group in group_columns(question)]
            add_spanners(sheet, [("", 1), (word("All", locale), 5), *named])
        add_row(sheet, header)
        header_row = sheet.max_row
        for row in rows:
            add_row(sheet, row)
        add_table(sheet, header_row, len(columns))
        number_formats(sheet, header_row + 1, [_number_format(title) for title in columns])
        below = (scale_note(question, locale, summary.confidence), ungrouped_note(question, locale))
        texts = [note for note in below if note] + group_notes(question, locale)
        texts += [f"{word('Warning:', locale)} {warning}" for warning in question.warnings]
        if texts:
            add_row(sheet, [])
        for text in texts:
            write_text(sheet, text, len(columns))
        sheet.freeze_panes = sheet.cell(header_row + 1, 2)
        set_up_pages(sheet, question_heading(question, locale), document, locale)
    if summary.responses.not_tabulated:
        sheet = workbook.create_sheet(not_tabulated)
        add_row(sheet, [word(title, locale) for title in ("Column", "Reason", "Detail")])
        for entry in summary.responses.not_tabulated:
            add_row(sheet, [entry.column, word(entry.reason, locale), entry.detail or None])
        set_widths(sheet, (40, 24, 36))
        add_table(sheet, 1, 3)
        set_up_pages(sheet, not_tabulated, document, locale)
    add_notes_sheet(workbook, notes, locale, document)
    return workbook_bytes(workbook)


def _number_format(title: str) -> str | None:
    """A summary column's number format, by its title: percentages and statistics to one
    decimal, p values to three (below 0.001 as "<0.001"); counts stay General."""
    if title.endswith(("%", "CI low", "CI high")) or title in ("mean", "median", "sd", "se"):
        return "0.0"
    return P_FORMAT if title in ("p", "p adj.") else None


#: Columns per group in a --by sheet: n, base, %, CI low, CI high, significance letters.
XLSX_GROUP_SPAN = 6


#: The titles a --by sheet's group and p columns end in ('G32 (A) base', 'p adj. regio').
_TITLE_ENDS = ("CI low", "CI high", "base", "sig.", "n", "%")
_TITLE_STARTS = ("p adj.", "p test", "p")


def _column_title(column: str, locale: Locale) -> str:
    """A sheet's column title in the locale's words; group names and --by columns stay."""
    if column in DUTCH_TITLES_WHOLE:
        return word(column, locale)
    for end in _TITLE_ENDS:
        if column.endswith(f" {end}"):
            return f"{column[: -len(end)]}{word(end, locale)}"
    for start in _TITLE_STARTS:
        if column.startswith(f"{start} "):
            return f"{word(start, locale)}{column[len(start) :]}"
    return word(column, locale)


#: Titles translated as a whole even when they end like a group's column title.
DUTCH_TITLES_WHOLE = ("CI low", "CI high", "n", "%", "Base")


def _xlsx_table(
    question: QuestionResult, locale: Locale = "en"
) -> tuple[list[str], list[list[Any]]]:
    """Numbers, not display strings, so a spreadsheet can compute with them."""
    if question.stats is not None:
        keys = ["n", "mean", "median", "sd", "min", "max"]
        if question.stats.se is not None:
            keys[2:2] = ["se", "ci_low", "ci_high"]
        columns = ["Group", *[{"ci_low": "CI low", "ci_high": "CI high"}.get(k, k) for k in keys]]
        rows = [[word("All", locale), *[getattr(question.stats, k) for k in keys]]]
        rows += [[g.group, *[getattr(g.stats, k, None) for k in keys]] for g in question.groups]
        return columns, rows
    columns = ["Item", "n", "Base", "%", "CI low", "CI high"]
    groups = group_columns(question)
    for group in groups:
        titles = ("n", "base", "%", "CI low", "CI high", "sig.")
        columns += [f"{group.title} {title}" for title in titles]
    breakdowns = question.all_breakdowns()
    adjusted = adjustment(question) is not None
    marks = test_marks(question)
    marked = len(marks) > 1
    for breakdown in breakdowns:
        suffix = f" {breakdown.by}" if breakdown.by else ""
        columns += [f"p{suffix}", *([f"p adj.{suffix}"] if adjusted else [])]
        columns += [f"p test{suffix}"] if marked else []
    rows = []
    for index, item in enumerate(question.items):
        row = [item.label, item.count, item.base, item.percent, item.ci_low, item.ci_high]
        differs = significance_letters(question, index) if breakdowns else []
        for group, letters in zip(groups, differs, strict=True):
            cell = group.group.items[index]
            row += [cell.count, cell.base, cell.percent, cell.ci_low, cell.ci_high, letters or None]
        for breakdown in breakdowns:
            test = breakdown.tests[index] if index < len(breakdown.tests) else None
            row.append(test.p if test else None)
            row += [test.p_adjusted if test else None] if adjusted else []
            row += [(marks.get(test.name) or None) if test else None] if marked else []
        rows.append(row)
    for missing in question.missing:
        row = [f"{missing.label} (not in base)", missing.count]
        rows.append(row + [None] * (len(columns) - len(row)))
    return columns, rows


COMPARE_CSV_COLUMNS = [
    "question",
    "question_label",
    "item",
    "wave",
    "count",
    "base",
    "percent",
    "ci_low",
    "ci_high",
    "se",
    "weighted_base",
    "effective_base",
    "n",
    "mean",
    "sd",
    "diff_pp",
    "diff_mean",
    "diff_ci_low",
    "diff_ci_high",
    "interval",
    "test",
    "p",
    "p_trend",
    "p_across",
    "overlap",
    "paired_n",
    "paired_diff_pp",
    "paired_ci_low",
    "paired_ci_high",
    "paired_p",
    "independent_diff_pp",
    "independent_ci_low",
    "independent_ci_high",
    "independent_p",
    "unit_mismatch",
    "n_sensitivity",
]


def _change_fields(change, prefix: str = "", diff: str = "diff_pp") -> dict[str, Any]:
    """A change's CSV fields: the difference under ``diff``, its interval and p, and for
    the headline (no prefix) the names of the interval and test."""
    if change is None:
        return {}
    low, high = change.diff_ci or (None, None)
    fields = {
        f"{prefix}{diff}": change.diff_pp,
        f"{prefix}p": change.test.p if change.test else None,
    }
    if prefix:
        fields.update({f"{prefix}ci_low": low, f"{prefix}ci_high": high})
    else:
        test = change.test.name if change.test else None
        fields.update(diff_ci_low=low, diff_ci_high=high, interval=change.interval, test=test)
    return fields


def comparison_records(comparison) -> list[dict[str, Any]]:
    """One record per item (or numeric question) and wave; the change sits on every row.

    ``diff_pp`` is in percentage points (items), ``diff_mean`` in the answer's unit.
    """
    records = []
    from monitorkit.render.changes import sensitivity_note, unit_mismatch_note

    for question in comparison.questions:
        common = {"question": question.id, "question_label": question.label}
        if question.units:
            common["unit_mismatch"] = unit_mismatch_note(question.units, "en")
        if question.means is not None:
            change = _change_fields(question.means.change, diff="diff_mean")
            for wave, stats in question.means.waves.items():
                numbers = {"n": stats.n, "mean": stats.mean, "sd": stats.sd} if stats else {}
                records.append({**common, "item": "mean", "wave": wave, **numbers, **change})
            continue
        for item in question.items:
            change = _change_fields(item.change)
            change["p_trend"] = item.trend.p if item.trend else None
            change["p_across"] = item.across.p if item.across else None
            if item.paired is not None:
                change.update(overlap=item.overlap, paired_n=item.paired.n)
                change.update(_change_fields(item.paired.change, "paired_"))
            if item.unpaired is not None:
                change.update(_change_fields(item.unpaired.change, "independent_"))
            if item.sensitivity:
                change["n_sensitivity"] = " ".join(
                    sensitivity_note(item, found, "en") for found in item.sensitivity
                )
            for wave, cell in item.waves.items():
                records.append(
                    {
                        **common,
                        "item": item.label,
                        "wave": wave,
                        **(cell.as_dict() if cell else {}),
                        **change,
                    }
                )
    return records


def comparison_markdown(comparison, locale: Locale = "en") -> str:
    """A Markdown document with one table per question (see render.changes) and its notes."""
    from monitorkit.render.changes import cell_text, change_table

    lines = [f"# Comparison of {', '.join(comparison.labels)}", ""]
    for label, summary in zip(comparison.labels, comparison.summaries, strict=True):
        lines.append(f"- {label}: {source_line(summary, locale)}")
        if provenance_notice(summary, locale):
            lines.append(f"  - **{provenance_notice(summary, locale)}**")
        lines += [f"  - {md_text(line)}" for line in dataset_notes(summary.provenance, locale)]
    lines.append("")
    for question in comparison.questions:
        spec = change_table(comparison, question, locale)
        lines += [
            f"## {md_text(question.label)}",
            "",
            "| " + " | ".join(md_text(c.title) for c in spec.columns) + " |",
            "|" + "|".join([" --- "] + [" ---: "] * (len(spec.columns) - 1)) + "|",
        ]
        for row in spec.rows:
            cells = (
                cell_text(c.kind, v, locale, spec.decimals)
                for c, v in zip(spec.columns, row, strict=True)
            )
            lines.append("| " + " | ".join(md_text(c) for c in cells) + " |")
        lines += ["", *(f"{note}  " for note in spec.notes), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def comparison_xlsx(comparison, locale: Locale = "en") -> bytes:
    """A workbook with an overview (the waves, the contents) and one sheet per question:
    the change table with numbers as numbers, a named Excel table printed one page wide.

    A wave's cell becomes its count, base and percent (a numeric question's n,
    mean and sd); an interval its low and high bound.
    """
    from openpyxl import Workbook

    from monitorkit.render.changes import change_table

    document = f"{word('Comparison', locale)}: {', '.join(comparison.labels)}"
    workbook = Workbook()
    overview = workbook.active
    overview.title = word("Overview", locale)
    names = _sheet_names([q.id for q in comparison.questions], (overview.title,))
    header = [word("Sheet", locale), word("Question", locale)]
    contents = [[name, q.label] for name, q in zip(names, comparison.questions, strict=True)]
    widths = [table_widths(header, contents)[0], 68]
    set_widths(overview, widths)
    write_text(overview, document, len(widths), font(13))
    for label, summary in zip(comparison.labels, comparison.summaries, strict=True):
        write_text(overview, f"{label}: {source_line(summary, locale)}", len(widths))
        if notice := provenance_notice(summary, locale):
            write_text(overview, notice, len(widths), font(color=NOTICE_COLOUR))
    add_row(overview, [])
    add_contents(overview, header, contents)
    notes = comparison_notes(comparison, locale)
    link_notes_sheet(overview, notes, locale)
    set_up_pages(overview, document, document, locale)
    for name, question in zip(names, comparison.questions, strict=True):
        spec = change_table(comparison, question, locale)
        numeric = question.means is not None
        titles = [t for column in spec.columns for t in _xlsx_titles(column, numeric, locale)]
        sheet = workbook.create_sheet(name)
        values = [
            [
                value
                for column, cell in zip(spec.columns, row, strict=True)
                for value in _xlsx_values(column.kind, cell)
            ]
            for row in spec.rows
        ]
        set_widths(sheet, table_widths(titles, values, LABEL_WIDTH))
        write_text(sheet, question.label, len(titles), font(12))
        add_row(sheet, [])
        add_row(sheet, titles)
        for row in values:
            add_row(sheet, row)
        add_table(sheet, 3, len(titles))
        formats = [
            number_format
            for column in spec.columns
            for number_format in _xlsx_formats(column.kind, numeric, spec.decimals)
        ]
        number_formats(sheet, 4, formats)
        add_row(sheet, [])
        for note in spec.notes:
            write_text(sheet, note, len(titles))
        sheet.freeze_panes = "B4"
        set_up_pages(sheet, question.label, document, locale)
    add_notes_sheet(workbook, notes, locale, document)
    return workbook_bytes(workbook)


def _xlsx_titles(column, numeric: bool, locale: Locale) -> list[str]:
    if column.kind == "wave":
        parts = ("n", word("mean", locale), "sd") if numeric else ("n", word("base", locale), "%")
        return [f"{column.title} {part}" for part in parts]
    if column.kind == "interval":
        return [f"{column.title} {word('low', locale)}", f"{column.title} {word('high', locale)}"]
    return [column.title]


def _xlsx_formats(kind: str, numeric: bool, decimals: int) -> list[str | None]:
    """The number formats of the columns ``_xlsx_values`` spreads a cell over: shares and
    percentages to one decimal, means and changes to the table's decimals, p to three."""
    places = "0." + "0" * decimals
    if kind == "wave":
        return [None, "0.00", "0.00"] if numeric else [None, None, "0.0"]
    if kind == "interval":
        return [places, places]
    return [{"change": places, "p": P_FORMAT, "share": "0.0%"}.get(kind)]


def _xlsx_values(kind: str, value: Any) -> list[Any]:
    """A typed cell as the workbook's numbers (add_row makes the labels inert)."""
    if kind == "label":
        return [value]
    if kind == "wave":
        if value is None:
            return [None, None, None]
        if isinstance(value, NumericStats):
            return [value.n, value.mean, value.sd]
        return [value.count, value.base, value.percent]
    if kind == "interval":
        return list(value) if value is not None else [None, None]
    return [value]


def render_comparison(comparison, fmt: str, locale: Locale = "en") -> bytes:
    """The bytes of a comparison in json, csv, md or xlsx."""
    if fmt == "json":
        return json_bytes(comparison.as_dict())
    if fmt == "csv":
        return csv_bytes(COMPARE_CSV_COLUMNS, comparison_records(comparison), locale == "nl")
    if fmt == "md":
        return comparison_markdown(comparison, locale).encode("utf-8")
    if fmt == "xlsx":
        return comparison_xlsx(comparison, locale)
    raise UsageError(f"unknown format '{fmt}'", hint=f"choose one of {', '.join(FORMATS)}")
