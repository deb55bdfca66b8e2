"""Terminal tables (rich): one table per question, notices in colour."""

from __future__ import annotations

from rich.console import Console

from monitorkit.options import Locale
from monitorkit.render.assumptions import dataset_notes, summary_notes
from monitorkit.render.common import (
    base_note,
    data_table,
    design_note,
    fpc_note,
    group_notes,
    label_width,
    not_tabulated_groups,
    provenance_notice,
    question_heading,
    scale_note,
    shown,
    source_line,
    stacked_header,
    table_header,
    table_rows,
    terminal_console,
    ungrouped_note,
)
from monitorkit.render.numbers import fmt_number
from monitorkit.render.words import word
from monitorkit.stats.estimates import Summary


def print_summary(
    summary: Summary, console: Console | None = None, locale: Locale = "en", readings: bool = False
) -> None:
    """Print every question of a summary as a table; with ``readings``, how values were read."""
    console = console or terminal_console()
    console.print(shown(source_line(summary, locale)), style="dim", highlight=False)
    notice = provenance_notice(summary, locale)
    if notice:
        console.print(notice, style="bold yellow", highlight=False)
        for line in summary_notes(summary, locale):
            console.print(line, style="yellow", highlight=False)
    if fpc := fpc_note(summary, locale):
        console.print(fpc, style="dim", highlight=False)
    if summary.interval_method != "wilson":
        console.print(design_note(summary, locale), style="dim", highlight=False)
    for warning in summary.responses.warnings:
        console.print(
            f"{word('warning:', locale)} {shown(warning)}", style="yellow", highlight=False
        )
    for question in summary.questions:
        groups = [group.group for group in question.groups]
        table = data_table(
            console,
            title=shown(question_heading(question, locale)),
            title_justify="left",
            caption=shown(base_note(question, locale)),
            caption_justify="left",
            header_style="bold",
        )
        header = table_header(question, groups, locale, summary.confidence)
        for index, title in enumerate(stacked_header(question, header, locale)):
            table.add_column(
                shown(title),
                justify="left" if index == 0 else "right",
                overflow="fold",
                max_width=label_width(console, 60) if index == 0 else None,
            )
        for row in table_rows(question, locale, summary.confidence):
            table.add_row(*(shown(cell) for cell in row))
        console.print()
        console.print(table)
        for note in (
            scale_note(question, locale, summary.confidence),
            ungrouped_note(question, locale),
        ):
            if note:
                console.print(f"  {note}", style="dim", highlight=False)
        for note in group_notes(question, locale):
            console.print(f"  {shown(note)}", style="dim", highlight=False)
        for warning in question.warnings:
            console.print(
                f"  {word('warning:', locale)} {shown(warning)}", style="yellow", highlight=False
            )
        if readings:
            readings_text = " · ".join(
                f"'{r.value}' {word(r.read_as, locale)} ({r.count})" for r in question.readings
            )
            console.print(
                f"  {word('values read:', locale)} {shown(readings_text)}",
                style="dim",
                highlight=False,
            )
    _print_not_tabulated(summary, console, locale)


def _print_not_tabulated(summary: Summary, console: Console, locale: Locale) -> None:
    """After the tables: every column that is not in them, by reason."""
    groups = not_tabulated_groups(summary, locale)
    if not groups:
        return
    count = sum(len(columns) for _, columns in groups)
    console.print()
    console.print(
        f"{word('Not tabulated', locale)} ({count} {word('column(s)', locale)}):",
        style="bold",
        highlight=False,
    )
    texts = summary.responses.raw.labels
    for reason, columns in groups:
        listed = ", ".join(
            _short(column if texts.get(column, column) == column else f"{column} ({texts[column]})")
            for column in columns
        )
        console.print(f"  {reason}: {shown(listed)}", highlight=False)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_comparison(comparison, console: Console | None = None, locale: Locale = "en") -> None:
    """One table per shared question (see render.changes), its notes below it."""
    from monitorkit.render.changes import cell_text, change_table

    console = console or terminal_console()
    for label, summary in zip(comparison.labels, comparison.summaries, strict=True):
        console.print(
            f"{shown(label)}: {shown(source_line(summary, locale))}", style="dim", highlight=False
        )
        notice = provenance_notice(summary, locale)
        if notice:
            console.print(f"{label}: {notice}", style="bold yellow", highlight=False)
            for line in dataset_notes(summary.provenance, locale):
                console.print(f"{label}: {line}", style="yellow", highlight=False)
    notes: list[str] = []
    for question in comparison.questions:
        spec = change_table(comparison, question, locale)
        table = data_table(
            console,
            title=shown(f"{question.label} [{word(question.type, locale)}]"),
            title_justify="left",
            header_style="bold",
        )
        for index, column in enumerate(spec.columns):
            if index == 0:
                table.add_column(
                    shown(column.title), overflow="fold", max_width=label_width(console, 50)
                )
            else:
                table.add_column(shown(column.title), justify="right")
        change_at = next(i for i, c in enumerate(spec.columns) if c.kind == "change")
        for row in spec.rows:
            cells = [
                shown(cell_text(c.kind, v, locale, spec.decimals))
                for c, v in zip(spec.columns, row, strict=True)
            ]
            p = row[change_at + 2] if spec.columns[change_at + 1].kind == "interval" else None
            cells[change_at] = _arrow(row[change_at], p, cells[change_at])
            table.add_row(*cells)
        console.print()
        console.print(table)
        notes += [note for note in spec.notes if note not in notes]
    if comparison.panel is not None:
        for warning in comparison.panel.warnings:
            console.print(
                f"  {word('warning:', locale)} {shown(warning)}", style="yellow", highlight=False
            )
    console.print()
    for note in notes:
        console.print(note, style="dim", highlight=False)
    console.print(f"* p < {fmt_number(0.05, 2, locale)}.", style="dim", highlight=False)


def _arrow(change: float | None, p: float | None, text: str) -> str:
    """The headline change with its direction, and * where p < 0.05."""
    if change is None:
        return text
    arrow = "↑ " if change > 0 else "↓ " if change < 0 else "= "
    return f"{arrow}{text}{' *' if p is not None and p < 0.05 else ''}"
