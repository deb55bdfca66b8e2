"""File outputs of a summary: json, csv, md and xlsx, all written atomically."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from monitorkit.errors import UsageError
from monitorkit.io.files import add_row, csv_bytes, workbook_bytes
from monitorkit.options import Locale
from monitorkit.render.assumptions import (
    add_notes_sheet,
    comparison_notes,
    dataset_notes,
    summary_notes,
)
from monitorkit.render.common import (
    adjustment,
    base_note,
    design_note,
    fpc_note,
    md_text,
    pairwise_note,
    provenance_notice,
    question_heading,
    scale_note,
    source_line,
    table_header,
    table_rows,
    ungrouped_note,
)
from monitorkit.render.words import word
from monitorkit.results import ItemEstimate, NumericStats, QuestionResult
from monitorkit.stats.estimates import Summary

FORMATS = ("json", "csv", "md", "xlsx")
CSV_COLUMNS = [
    "question",
    "question_label",
    "type",
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
        return (json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n").encode()
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
    """One record per item (and per group), plus one per numeric question and group."""
    records = []
    for question in summary.questions:
        common = {"question": question.id, "question_label": question.label, "type": question.type}
        if question.stats is not None:
            test = question.stats.test
            for name, stats in [("", question.stats)] + [
                (g.group, g.stats) for g in question.groups
            ]:
                records.append(
                    {
                        **common,
                        "group": name,
                        "base": stats.n if stats else None,
                        "test": test.name if test else None,
                        "p": test.p if test else None,
                        "ci_low": stats.ci_low if stats else None,
                        "ci_high": stats.ci_high if stats else None,
                        **{k: getattr(stats, k) for k in ("mean", "median", "sd", "min", "max")},
                    }
                )
            continue
        for index, item in enumerate(question.items):
            records.append(
                {
                    **common,
                    "group": "",
                    "item": item.label,
                    **_item_fields(item),
                    "test": item.test.name if item.test else None,
                    "p": item.test.p if item.test else None,
                    "p_adjusted": item.test.p_adjusted if item.test else None,
                }
            )
            for group in question.groups:
                records.append(
                    {
                        **common,
                        "group": group.group,
                        "item": item.label,
                        **_item_fields(group.items[index]),
                    }
                )
        for row in question.missing:
            records.append(
                {**common, "item": row.label, "count": row.count, "reason": "not in base"}
            )
    for entry in summary.responses.not_tabulated:
        records.append({"type": "not tabulated", "column": entry.column, "reason": entry.reason})
    return records


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
    lines += [f"Source: {source_line(summary)}", ""]
    notice = provenance_notice(summary, locale)
    if notice:
        lines += [f"> **{notice}**", ""]
    if recorded := summary_notes(summary, locale):
        lines += [*(f"- {md_text(line)}" for line in recorded), ""]
    if fpc := fpc_note(summary):
        lines += [fpc, ""]
    lines += [f"Warning: {md_text(warning)}" for warning in summary.responses.warnings]
    if summary.responses.warnings:
        lines.append("")
    for question in summary.questions:
        groups = [group.group for group in question.groups]
        header = table_header(question, groups, locale, summary.confidence)
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
        if pairwise := pairwise_note(question):
            lines += [pairwise, ""]
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


def _sheet_names(ids: list[str]) -> list[str]:
    """Excel sheet names: at most 31 characters, no []:*?/\\, unique ignoring case."""
    names, seen = [], set()
    for question_id in ids:
        base = _SHEET_FORBIDDEN.sub("_", question_id)[:31] or "question"
        name, number = base, 2
        while name.casefold() in seen or name.casefold() == "overview":
            suffix = f"_{number}"
            name, number = base[: 31 - len(suffix)] + suffix, number + 1
        seen.add(name.casefold())
        names.append(name)
    return names


def summary_xlsx(summary: Summary, locale: Locale = "en") -> bytes:
    """A workbook: an overview sheet, then one formatted sheet per question."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    overview = workbook.active
    overview.title = "Overview"
    bold = Font(bold=True)
    add_row(overview, ["monitorkit summary"])
    overview["A1"].font = Font(bold=True, size=13)
    add_row(overview, [word("Source", locale), source_line(summary)])
    notice = provenance_notice(summary, locale)
    if notice:
        add_row(overview, [word("Provenance", locale), notice])
        overview.cell(overview.max_row, 2).font = Font(bold=True, color="9C5700")
    add_row(overview, [])
    add_row(overview, [word(w, locale) for w in ("Sheet", "Question", "Type", "Base", "Base rule")])
    for cell in overview[overview.max_row]:
        cell.font = bold
    names = _sheet_names([q.id for q in summary.questions])
    for name, question in zip(names, summary.questions, strict=True):
        add_row(
            overview,
            [
                name,
                question.label,
                question.type,
                question.base,
                question.base_rule,
            ],
        )
    overview.column_dimensions["A"].width = 16
    overview.column_dimensions["B"].width = 60
    overview.column_dimensions["E"].width = 60

    for name, question in zip(names, summary.questions, strict=True):
        sheet = workbook.create_sheet(name)
        preamble = [
            [question_heading(question, locale)],
            [base_note(question, locale)],
            [design_note(summary, locale)],
        ]
        if notice:
            add_row(preamble, [notice])
        for row in preamble:
            add_row(sheet, row)
        sheet["A1"].font = Font(bold=True, size=12)
        add_row(sheet, [])
        header_row = len(preamble) + 2
        columns, rows = _xlsx_table(question)
        add_row(sheet, [word(column, locale) for column in columns])
        for cell in sheet[header_row]:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for row in rows:
            add_row(sheet, row)
        for column_index, title in enumerate(columns, start=1):
            letter = get_column_letter(column_index)
            sheet.column_dimensions[letter].width = (
                50 if column_index == 1 else max(10, len(title) + 2)
            )
            number_format = (
                "0.0"
                if title.endswith(("%", "CI low", "CI high", "mean", "median", "sd", "se"))
                else ("0.000" if title.endswith("p") else None)
            )
            if number_format:
                for (cell,) in sheet.iter_rows(
                    min_row=header_row + 1, min_col=column_index, max_col=column_index
                ):
                    cell.number_format = number_format
        notes = (scale_note(question, locale, summary.confidence), ungrouped_note(question, locale))
        for note in notes:
            if note:
                add_row(sheet, [note])
        for warning in question.warnings:
            add_row(sheet, [f"{word('Warning:', locale)} {warning}"])
        sheet.freeze_panes = sheet.cell(header_row + 1, 2)
    if summary.responses.not_tabulated:
        sheet = workbook.create_sheet(word("Not tabulated", locale)[:31])
        add_row(sheet, [word(title, locale) for title in ("Column", "Reason", "Detail")])
        for cell in sheet[1]:
            cell.font = bold
        for entry in summary.responses.not_tabulated:
            add_row(
                sheet,
                [
                    entry.column,
                    word(entry.reason, locale),
                    entry.detail or None,
                ],
            )
        sheet.column_dimensions["A"].width = 60
        sheet.column_dimensions["B"].width = 24
        sheet.column_dimensions["C"].width = 80
    add_notes_sheet(workbook, summary_notes(summary, locale), locale)
    return workbook_bytes(workbook)


def _xlsx_table(question: QuestionResult) -> tuple[list[str], list[list[Any]]]:
    """Numbers, not display strings, so a spreadsheet can compute with them."""
    if question.stats is not None:
        keys = ["n", "mean", "median", "sd", "min", "max"]
        if question.stats.se is not None:
            keys[2:2] = ["se", "ci_low", "ci_high"]
        columns = ["Group", *[{"ci_low": "CI low", "ci_high": "CI high"}.get(k, k) for k in keys]]
        rows = [["All", *[getattr(question.stats, k) for k in keys]]]
        rows += [[g.group, *[getattr(g.stats, k, None) for k in keys]] for g in question.groups]
        return columns, rows
    columns = ["Item", "n", "Base", "%", "CI low", "CI high"]
    for group in question.groups:
        columns += [f"{group.group} n", f"{group.group} base", f"{group.group} %"]
    adjusted = adjustment(question) is not None
    if question.groups:
        columns += ["Test", "p"] + (["p adj."] if adjusted else [])
    rows = []
    for index, item in enumerate(question.items):
        row = [item.label, item.count, item.base, item.percent, item.ci_low, item.ci_high]
        for group in question.groups:
            cell = group.items[index]
            row += [cell.count, cell.base, cell.percent]
        if question.groups:
            test = item.test
            row += [test.name if test else None, test.p if test else None]
            row += [test.p_adjusted if test else None] if adjusted else []
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
        lines.append(f"- {label}: {source_line(summary)}")
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
    """A workbook with one sheet per question: the change table with numbers as numbers.

    A wave's cell becomes its count, base and percent (a numeric question's n,
    mean and sd); an interval its low and high bound.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from monitorkit.render.changes import change_table

    workbook = Workbook()
    overview = workbook.active
    overview.title = "Overview"
    add_row(overview, ["Waves", ", ".join(comparison.labels)])
    for label, summary in zip(comparison.labels, comparison.summaries, strict=True):
        add_row(overview, [label, source_line(summary)])
        if provenance_notice(summary, locale):
            add_row(overview, ["", provenance_notice(summary, locale)])
    overview.column_dimensions["B"].width = 100
    names = _sheet_names([q.id for q in comparison.questions])
    for name, question in zip(names, comparison.questions, strict=True):
        spec = change_table(comparison, question, locale)
        sheet = workbook.create_sheet(name)
        add_row(sheet, [question.label])
        sheet["A1"].font = Font(bold=True, size=12)
        add_row(sheet, [])
        numeric = question.means is not None
        add_row(
            sheet,
            [title for column in spec.columns for title in _xlsx_titles(column, numeric, locale)],
        )
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in spec.rows:
            add_row(
                sheet,
                [
                    value
                    for column, cell in zip(spec.columns, row, strict=True)
                    for value in _xlsx_values(column.kind, cell)
                ],
            )
        add_row(sheet, [])
        for note in spec.notes:
            add_row(sheet, [note])
        sheet.column_dimensions["A"].width = 50
        sheet.freeze_panes = "B4"
    add_notes_sheet(workbook, comparison_notes(comparison, locale), locale)
    return workbook_bytes(workbook)


def _xlsx_titles(column, numeric: bool, locale: Locale) -> list[str]:
    if column.kind == "wave":
        parts = ("n", word("mean", locale), "sd") if numeric else ("n", word("base", locale), "%")
        return [f"{column.title} {part}" for part in parts]
    if column.kind == "interval":
        return [f"{column.title} {word('low', locale)}", f"{column.title} {word('high', locale)}"]
    return [column.title]


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
        return (json.dumps(comparison.as_dict(), ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "csv":
        return csv_bytes(COMPARE_CSV_COLUMNS, comparison_records(comparison), locale == "nl")
    if fmt == "md":
        return comparison_markdown(comparison, locale).encode("utf-8")
    if fmt == "xlsx":
        return comparison_xlsx(comparison, locale)
    raise UsageError(f"unknown format '{fmt}'", hint=f"choose one of {', '.join(FORMATS)}")
