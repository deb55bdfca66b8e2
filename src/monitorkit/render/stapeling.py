"""Stapeling counts in every format: a wide table per unit and period, or tidy cells.

Terminal, Markdown and the xlsx overview show one table per unit (persons,
households), period and --by group: a row per category, a column per region
(Markdown and xlsx: a row per region), each cell the count with its share and,
with a population file, its rate per 1,000 inhabitants. JSON and CSV hold the
tidy cells. A cell suppressed by publication rules is "." as CBS prints it, and
every format says when the rules were applied. The UpSet-style chart shows the
seven combinations of laws as bars over a matrix of which laws each holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from monitorkit.errors import UsageError
from monitorkit.io.files import add_row, csv_bytes, json_bytes
from monitorkit.options import Locale
from monitorkit.render.common import data_table, md_text, shown, terminal_console
from monitorkit.render.numbers import fmt_count, fmt_number, fmt_percent
from monitorkit.render.words import word
from monitorkit.results import StapelingCell
from monitorkit.stats.stapeling import CATEGORIES, TOTAL, Stapeling

#: How CBS shows a suppressed cell.
SUPPRESSED = "."

Table = tuple[str, list[str], dict[str, dict[str, StapelingCell]]]


def cell_columns(result: Stapeling) -> list[str]:
    """The tidy cells' columns: group and per_1000 only when the result has them."""
    columns = ["region", "period"]
    columns += ["group"] if any(c.group is not None for c in result.cells) else []
    columns += ["unit", "category", "count", "share"]
    columns += ["per_1000"] if result.population else []
    return columns


def tables(result: Stapeling, locale: Locale = "en") -> list[Table]:
    """Per unit, period (and group): a title, the categories in order and each region's
    cells by category."""
    grouped: dict[tuple, dict[str, dict[str, StapelingCell]]] = {}
    categories: dict[tuple, list[str]] = {}
    for cell in result.cells:
        key = (cell.unit, cell.period, cell.group)
        grouped.setdefault(key, {}).setdefault(cell.region, {})[cell.category] = cell
        order = categories.setdefault(key, [])
        if cell.category not in order:
            order.append(cell.category)
    titled = []
    for key, rows in grouped.items():
        unit, period, group = key
        title = f"{word(unit, locale)}, {period}"
        title += f", {result.columns['by']} = {group}" if group is not None else ""
        titled.append((title, categories[key], rows))
    return titled


def cell_text(cell: StapelingCell | None, locale: Locale) -> str:
    """'count (share)' or with a rate 'count (share; rate ‰)'; '.' when suppressed."""
    if cell is None:
        return "–"
    if cell.count is None:
        return SUPPRESSED
    inside = fmt_percent(cell.share, 1, locale)
    if cell.per_1000 is not None:
        inside += f"; {fmt_number(cell.per_1000, 1, locale)} ‰"
    return f"{fmt_count(cell.count, locale)} ({inside})"


def notes(result: Stapeling, locale: Locale = "en") -> list[str]:
    """What the numbers are, the publication rules if applied, and the warnings."""
    lines = [word(NOTE, locale)]
    if result.population:
        lines.append(f"{word(RATE_NOTE, locale)} {result.population}")
    if result.disclosure is not None:
        lines.append(disclosure_note(result, locale))
    lines += [f"{word('Warning:', locale)} {w}" for w in result.warnings]
    return lines


def disclosure_note(result: Stapeling, locale: Locale = "en") -> str:
    rules = result.disclosure
    assert rules is not None
    if locale == "nl":
        return (
            f"Publicatieregels {rules.rule.upper()} toegepast: aantallen afgerond op "
            f"veelvouden van {rules.base}, cellen onder {rules.threshold} als '.'; aandelen "
            "en cijfers per 1.000 berekend uit onafgeronde aantallen"
        )
    return f"Applied: {rules.describe()}"


#: Regions the terminal shows side by side (Totaal included); files hold all of them.
TERMINAL_REGIONS = 5


def print_stapeling(result: Stapeling, console: Any = None, locale: Locale = "en") -> None:
    """One table per unit and period: a row per category, a column per region, count (share).

    With more regions than fit, the terminal shows the first ones and Totaal and
    says so; csv, xlsx, md and json hold every region.
    """

    console = console or terminal_console()
    dim = {"style": "dim", "highlight": False}
    console.print(f"{word('Register:', locale)} {', '.join(result.sources)}", **dim)
    used = ", ".join(f"{role} = '{name}'" for role, name in result.columns.items())
    console.print(f"{word('Columns:', locale)} {used}", **dim)
    for title, categories, rows in tables(result, locale):
        regions = list(rows)
        visible = (
            regions
            if len(regions) <= TERMINAL_REGIONS
            else [*regions[: TERMINAL_REGIONS - 1], regions[-1]]
        )
        table = data_table(console, title=title, title_justify="left")
        table.add_column(word("Category", locale))
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
                f"{len(regions) - 1} {word('regions', locale)}: "
                f"{word('the first', locale)} {len(visible) - 1} {word(MORE_NOTE, locale)}",
                **dim,
            )
    console.print()
    for line in notes(result, locale):
        style = "yellow" if line.startswith(word("Warning:", locale)) else "dim"
        console.print(line, style=style, highlight=False)


NOTE = (
    "Count (share of the region's users in the period). A person counts once per region "
    "and period, under every law they used a provision of; Totaal counts each person once."
)
RATE_NOTE = "‰: per 1,000 inhabitants, from"
MORE_NOTE = "and Totaal shown; -f csv, md or xlsx (-o FILE) holds them all."


def stapeling_markdown(result: Stapeling, locale: Locale = "en") -> str:
    lines = ["# Stapeling", "", f"{word('Register:', locale)} {', '.join(result.sources)}", ""]
    for title, categories, rows in tables(result, locale):
        header = [word("Region", locale), *categories]
        lines += [
            f"## {md_text(title)}",
            "",
            "| " + " | ".join(md_text(h) for h in header) + " |",
            "|" + "|".join([" --- "] + [" ---: "] * len(categories)) + "|",
        ]
        for region, cells in rows.items():
            texts = [cell_text(cells.get(c), locale) for c in categories]
            lines.append("| " + " | ".join(md_text(t) for t in [region, *texts]) + " |")
        lines.append("")
    lines += [f"- {md_text(line)}" for line in notes(result, locale)]
    return "\n".join(lines) + "\n"


def _published(record: dict[str, Any]) -> dict[str, Any]:
    """A tidy cell for csv and xlsx: a suppressed count is '.', as CBS prints it."""
    return {**record, "count": SUPPRESSED} if record["count"] is None else record


def stapeling_xlsx(result: Stapeling, locale: Locale = "en") -> bytes:
    """A contents sheet with the notes (publication rules among them), a sheet of tidy
    cells, then a wide sheet per unit and period (counts as numbers); each table a named
    Excel table printed one page wide."""
    from openpyxl import Workbook

    from monitorkit.io.files import workbook_bytes
    from monitorkit.render.assumptions import add_notes_sheet, link_notes_sheet
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
    set_widths(contents, (32, 40))
    write_text(contents, document, 2, font(13))
    write_text(contents, f"Register: {', '.join(result.sources)}", 2)
    add_row(contents, [])
    sheet = workbook.create_sheet("Cells")
    columns = cell_columns(result)
    add_row(sheet, columns)
    for cell in result.cells:
        record = _published(cell.as_dict())
        add_row(sheet, [record.get(column) for column in columns])
    set_widths(sheet, [{"category": 28, "region": 22}.get(column, 10) for column in columns])
    add_table(sheet, 1, len(columns))
    decimals = {"share": "0.0", "per_1000": "0.0"}
    number_formats(sheet, 2, [decimals.get(column) for column in columns])
    set_up_pages(sheet, sheet.title, document, locale)
    listed = [[sheet.title, None]]
    for title, categories, rows in tables(result, locale):
        wide = workbook.create_sheet(title.replace(":", " ")[:31])
        header = [word("Region", locale), *categories]
        add_row(wide, header)
        for region, cells in rows.items():
            counts = [
                _published(cells[c].as_dict())["count"] if c in cells else None for c in categories
            ]
            add_row(wide, [region, *counts])
        set_widths(wide, table_widths(header, [[r] for r in rows]))
        add_table(wide, 1, len(header))
        set_up_pages(wide, title, document, locale)
        listed.append([wide.title, title])
    add_contents(contents, [word(w, locale) for w in ("Sheet", "Table")], listed)
    lines = notes(result, locale)
    link_notes_sheet(contents, lines, locale)
    set_up_pages(contents, document, document, locale)
    add_notes_sheet(workbook, lines, locale, document)
    return workbook_bytes(workbook)


def render_stapeling(result: Stapeling, fmt: str, locale: Locale = "en") -> bytes:
    """The bytes of a stapeling result in json, csv, md or xlsx."""
    if fmt == "json":
        return json_bytes(result.as_dict())
    if fmt == "csv":
        columns = cell_columns(result)
        records = [_published(cell.as_dict()) for cell in result.cells]
        if result.disclosure is not None:
            columns.append("disclosure")
            applied = result.disclosure.describe()
            records = [{**record, "disclosure": applied} for record in records]
        return csv_bytes(columns, records, dutch=locale == "nl")
    if fmt == "md":
        return stapeling_markdown(result, locale).encode("utf-8")
    if fmt == "xlsx":
        return stapeling_xlsx(result, locale)
    raise UsageError(f"unknown format '{fmt}'", hint="choose one of json, csv, md, xlsx")


#: The laws of each combination, in the matrix under the bars (top to bottom).
MATRIX_LAWS = ("Jeugd", "P-wet", "Wmo")


def upset_figure(
    result: Stapeling,
    region: str = TOTAL,
    unit: str = "persons",
    period: str | None = None,
    locale: Locale = "en",
):
    """An UpSet-style chart of one region, unit and period (default: the last): a bar per
    combination of laws, the laws it holds marked as dots joined by a line underneath."""
    import matplotlib.pyplot as plt

    from monitorkit.render.charts import PALETTE

    plt.rcParams["svg.hashsalt"] = "monitorkit"
    plt.rcParams["text.parse_math"] = False
    chosen = [c for c in result.cells if c.region == region and c.unit == unit and c.group is None]
    periods = sorted({c.period for c in chosen})
    if not periods:
        raise UsageError(
            f"no {unit} in region '{region}' to chart",
            hint="the chart needs a result without --by, for a region in the register",
        )
    period = period or periods[-1]
    by_category = {c.category: c for c in chosen if c.period == period}
    combinations = sorted(CATEGORIES.items(), key=lambda item: -(by_category[item[1]].count or 0))
    figure, (bars, matrix) = plt.subplots(
        2, 1, figsize=(8.5, 4.8), height_ratios=(3, 1.3), sharex=True, layout="constrained"
    )
    positions = range(len(combinations))
    counts = [by_category[name].count or 0 for _, name in combinations]
    bars.bar(positions, counts, color=PALETTE[0], width=0.6)
    for position, (_, name) in zip(positions, combinations, strict=True):
        cell = by_category[name]
        label = SUPPRESSED if cell.count is None else fmt_count(cell.count, locale)
        bars.annotate(
            f"{label}\n{fmt_percent(cell.share, 1, locale)}",
            (position, cell.count or 0),
            ha="center",
            va="bottom",
            fontsize=7,
            xytext=(0, 2),
            textcoords="offset points",
        )
    bars.spines[["top", "right"]].set_visible(False)
    bars.tick_params(labelsize=8)
    bars.set_ylabel(word(unit, locale), fontsize=8)
    bars.margins(y=0.2)
    total = by_category.get(TOTAL)
    title = f"{word('Users by combination of laws', locale)}: {region}, {period}"
    if total is not None and total.count is not None:
        title += f" (n = {fmt_count(total.count, locale)})"
    bars.set_title(title, fontsize=10, loc="left")
    rows = list(range(len(MATRIX_LAWS)))[::-1]
    for position, (mask, _) in zip(positions, combinations, strict=True):
        held = [row for bit, row in zip((1, 2, 4), rows, strict=True) if mask & bit]
        matrix.scatter([position] * len(rows), rows, s=40, color="#dddddd", zorder=2)
        matrix.scatter([position] * len(held), held, s=40, color=PALETTE[0], zorder=3)
        if len(held) > 1:
            matrix.plot([position, position], [min(held), max(held)], color=PALETTE[0], zorder=3)
    matrix.set_yticks(rows, MATRIX_LAWS, fontsize=8)
    matrix.set_xticks([])
    matrix.set_ylim(-0.6, len(rows) - 0.4)
    matrix.spines[["top", "right", "bottom", "left"]].set_visible(False)
    if result.disclosure is not None:
        matrix.set_xlabel(disclosure_note(result, locale), fontsize=6, color="#555555", loc="left")
    return figure


def write_upset_chart(result: Stapeling, path: str | Path, locale: Locale = "en") -> Path:
    """The UpSet-style chart of Totaal, persons, the last period, as .png or .svg."""
    from monitorkit.render.charts import save_figure

    return save_figure(upset_figure(result, locale=locale), path)
