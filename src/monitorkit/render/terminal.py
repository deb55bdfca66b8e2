"""Terminal tables (rich): one table per question, notices in colour."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from monitorkit.estimates import Summary
from monitorkit.render.common import (
    provenance_notice,
    question_heading,
    source_line,
    table_header,
    table_rows,
)


def print_summary(
    summary: Summary, console: Console | None = None, locale: str = "en", readings: bool = False
) -> None:
    """Print every question of a summary as a table; with ``readings``, how values were read."""
    console = console or Console()
    console.print(source_line(summary), style="dim", highlight=False)
    notice = provenance_notice(summary)
    if notice:
        console.print(notice, style="bold yellow", highlight=False)
    for question in summary.questions:
        groups = [group["group"] for group in question.groups]
        table = Table(
            title=escape(question_heading(question, locale)),
            title_justify="left",
            caption=escape(f"Base: {question.base_rule}"),
            caption_justify="left",
            show_edge=False,
            header_style="bold",
        )
        for index, title in enumerate(table_header(question, groups)):
            table.add_column(
                escape(title),
                justify="left" if index == 0 else "right",
                overflow="fold",
                max_width=60 if index == 0 else None,
            )
        for row in table_rows(question, locale):
            table.add_row(*(escape(cell) for cell in row))
        console.print()
        console.print(table)
        for warning in question.warnings:
            console.print(f"  warning: {warning}", style="yellow", highlight=False)
        if readings:
            shown = " · ".join(
                f"'{r['value']}' {r['read_as']} ({r['count']})" for r in question.readings
            )
            console.print(f"  values read: {shown}", style="dim", highlight=False)
