"""Stapeling counts in every format: a wide table per unit and period, or tidy cells.

Terminal, Markdown and the xlsx overview show one table per unit (persons,
households) and period: a row per region, a column per category, each cell
the count with its share. JSON and CSV hold the tidy cells.
"""

from __future__ import annotations

import json
from typing import Any

from monitorkit.errors import UsageError
from monitorkit.io.files import add_row, csv_bytes
from monitorkit.options import Locale
from monitorkit.render.common import data_table, md_text, shown, terminal_console
from monitorkit.render.numbers import fmt_count, fmt_percent
from monitorkit.render.words import word
from monitorkit.results import StapelingCell
from monitorkit.stats.stapeling import Stapeling

CELL_COLUMNS = ["region", "period", "unit", "category", "count", "share"]


def tables(
    result: Stapeling,
) -> list[tuple[str, str, list[str], dict[str, dict[str, StapelingCell]]]]:
    """Per unit and period: the categories in order and each region's cells by category."""
    grouped: dict[tuple[str, str], dict[str, dict[str, StapelingCell]]] = {}
    categories: dict[tuple[str, str], list[str]] = {}
    for cell in result.cells:
        key = (cell.unit, cell.period)
        grouped.setdefault(key, {}).setdefault(cell.region, {})[cell.category] = cell
        order = categories.setdefault(key, [])
        if cell.category not in order:
            order.append(cell.category)
    return [
        (unit, period, categories[(unit, period)], rows) for (unit, period), rows in grouped.items()
    ]


def cell_text(cell: StapelingCell | None, locale: Locale) -> str:
    if cell is None:
        return "–"
    return f"{fmt_count(cell.count, locale)} ({fmt_percent(cell.share, 1, locale)})"


#: Regions the terminal shows side by side (Totaal included); files hold all of them.
TERMINAL_REGIONS = 5


def print_stapeling(result: Stapeling, console: Any = None, locale: Locale = "en") -> None:
    """One table per unit and period: a row per category, a column per region, count (share).

    With more regions than fit, the terminal shows the first ones and Totaal and
    says so; csv, xlsx, md and json hold every region.
    """

    console = console or terminal_console()
    console.print(f"Register: {', '.join(result.sources)}", style="dim", highlight=False)
    used = ", ".join(f"{role} = '{name}'" for role, name in result.columns.items())
    console.print(f"Columns: {used}", style="dim", highlight=False)
    for unit, period, categories, rows in tables(result):
        regions = list(rows)
        visible = (
            regions
            if len(regions) <= TERMINAL_REGIONS
            else [*regions[: TERMINAL_REGIONS - 1], regions[-1]]
        )
        table = data_table(console, title=f"{unit}, {period}", title_justify="left")
        table.add_column("Category")
        for region in visible:
            table.add_column(shown(region), justify="right")
        for category in categories:
            table.add_row(
                shown(category), *(cell_text(rows[r].get(category), locale) for r in visible)
            )
        console.print()
        console.print(table)
        if len(visible) < len(regions):
            console.print(
                f"{len(regions) - 1} regions: the first {len(visible) - 1} and Totaal shown; "
                "-f csv, md or xlsx (-o FILE) holds them all.",
                style="dim",
                highlight=False,
            )
    console.print()
    console.print(NOTE, style="dim", highlight=False)
    for warning in result.warnings:
        console.print(f"warning: {warning}", style="yellow", highlight=False)


NOTE = (
    "Count (share of the region's users in the period). A person counts once per region "
    "and period, under every law they used a provision of; Totaal counts each person once."
)


def stapeling_markdown(result: Stapeling, locale: Locale = "en") -> str:
    lines = ["# Stapeling", "", f"Register: {', '.join(result.sources)}", ""]
    for unit, period, categories, rows in tables(result):
        header = ["Region", *categories]
        lines += [
            f"## {unit}, {period}",
            "",
            "| " + " | ".join(md_text(h) for h in header) + " |",
            "|" + "|".join([" --- "] + [" ---: "] * len(categories)) + "|",
        ]
        for region, cells in rows.items():
            texts = [cell_text(cells.get(c), locale) for c in categories]
            lines.append("| " + " | ".join(md_text(t) for t in [region, *texts]) + " |")
        lines.append("")
    lines.append(NOTE)
    lines += [f"- warning: {w}" for w in result.warnings]
    return "\n".join(lines) + "\n"


def stapeling_xlsx(result: Stapeling, locale: Locale = "en") -> bytes:
    """A contents sheet, a sheet of tidy cells, then a wide sheet per unit and period
    (counts as numbers); each table a named Excel table printed one page wide."""
    from openpyxl import Workbook

    from monitorkit.io.files import workbook_bytes
    from monitorkit.render.workbook import (
        add_contents,
        add_table,
        font,
        number_formats,
        set_up_pages,
        set_widths,
        table_widths,
        write_text,
    )

    document = "Stapeling"
    workbook = Workbook()
    contents = workbook.active
    contents.title = word("Contents", locale)
    set_widths(contents, (32, 24, 16))
    write_text(contents, document, 3, font(13))
    write_text(contents, f"Register: {', '.join(result.sources)}", 3)
    write_text(contents, NOTE, 3)
    add_row(contents, [])
    sheet = workbook.create_sheet("Cells")
    add_row(sheet, CELL_COLUMNS)
    for cell in result.cells:
        add_row(sheet, cell.as_dict().values())
    set_widths(sheet, (22, 10, 12, 28, 8, 8))
    add_table(sheet, 1, len(CELL_COLUMNS))
    number_formats(sheet, 2, [None] * 5 + ["0.0"])
    set_up_pages(sheet, sheet.title, document, locale)
    listed = [[sheet.title, None, None]]
    for unit, period, categories, rows in tables(result):
        wide = workbook.create_sheet(f"{unit} {period}"[:31])
        add_row(wide, ["Region", *categories])
        for region, cells in rows.items():
            add_row(
                wide,
                [
                    region,
                    *(cells[c].count if c in cells else None for c in categories),
                ],
            )
        set_widths(wide, table_widths(["Region", *categories], [[r] for r in rows]))
        add_table(wide, 1, len(categories) + 1)
        set_up_pages(wide, f"{unit}, {period}", document, locale)
        listed.append([wide.title, unit, period])
    add_contents(contents, [word(w, locale) for w in ("Sheet", "Unit", "Period")], listed)
    set_up_pages(contents, document, document, locale)
    return workbook_bytes(workbook)


def render_stapeling(result: Stapeling, fmt: str, locale: Locale = "en") -> bytes:
    """The bytes of a stapeling result in json, csv, md or xlsx."""
    if fmt == "json":
        return (json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "csv":
        records = [cell.as_dict() for cell in result.cells]
        return csv_bytes(CELL_COLUMNS, records, dutch=locale == "nl")
    if fmt == "md":
        return stapeling_markdown(result, locale).encode("utf-8")
    if fmt == "xlsx":
        return stapeling_xlsx(result, locale)
    raise UsageError(f"unknown format '{fmt}'", hint="choose one of json, csv, md, xlsx")
