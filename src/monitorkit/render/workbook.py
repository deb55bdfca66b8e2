"""What every monitorkit workbook shares so it filters in Excel and prints whole.

Each table is a named Excel table (a clean rectangle with filters, its header
repeated on every printed page); the text around it (headings, notes,
warnings) sits in rows merged over the table's width and wrapped, so a long
note reads as a paragraph above or below its table instead of one cell running
over several pages. Every sheet prints fitted to one page wide, upright or
landscape as its width needs, with the title in the page header and the page
number in the footer; a contents table links to each sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from monitorkit.io.files import add_row, escape_formula
from monitorkit.options import Locale
from monitorkit.render.words import word

#: Column-width units (digits of the default font) a sheet may take and still print
#: upright on A4 (which holds about 90 inside the margins), scaled down by at most a
#: tenth; a wider sheet prints landscape.
PORTRAIT_WIDTH = 100
#: The narrowest and widest a table's column is made (in characters; text wraps).
NARROWEST, WIDEST = 7, 30
#: Excel's width of a column that sets none.
DEFAULT_WIDTH = 8.43
#: Characters of running text in the width of one digit, about (Calibri, Arial).
TEXT_PER_DIGIT = 1.2
#: Points per line of 11 pt text, and the tallest row Excel allows.
LINE_HEIGHT = 15.0
MAX_ROW_HEIGHT = 409.0
#: Characters a page header or footer section may hold before it is cut (Excel
#: refuses a header or footer longer than 255 characters in all).
HEADER_CHARACTERS = 80
#: Page margins in inches: narrow enough for wide tables, wide enough for any printer.
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.75, "bottom": 0.75, "header": 0.3, "footer": 0.3}
TABLE_STYLE = "TableStyleLight1"
#: The workbook's font (openpyxl's default): named on every styled cell, since a font
#: without a name is drawn in the reader's fallback, often a serif.
FONT_NAME = "Calibri"
#: The colour of a link (Excel's own), and of a notice a reader must not miss.
LINK_COLOUR = "0563C1"
NOTICE_COLOUR = "9C5700"


def font(size: float = 11, bold: bool = True, color: str | None = None) -> Any:
    """A font of the workbook's family for headings, headers and emphasis."""
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=size, bold=bold, color=color)


def write_text(sheet: Any, text: str, columns: int, text_font: Any = None) -> int:
    """Append ``text`` as a row merged over the first ``columns`` columns, wrapped and
    tall enough to show it whole; the row's number.

    A merged cell keeps the text within the table's width when printed, and no
    spreadsheet fits a merged row's height by itself, hence the estimate.
    """
    from openpyxl.styles import Alignment

    add_row(sheet, [text])
    row = sheet.max_row
    cell = sheet.cell(row, 1)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if text_font is not None:
        cell.font = text_font
    if columns > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    size = text_font.sz if text_font is not None and text_font.sz else 11
    width = sum(column_width(sheet, index) for index in range(1, columns + 1))
    lines = text_lines(str(cell.value), width * 11 / size)
    sheet.row_dimensions[row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT * size / 11)
    return row


def text_lines(text: str, width: float) -> int:
    """The lines ``text`` wraps into in a width of ``width`` characters of the default font
    (its digits; text averages a little narrower), broken between words."""
    import textwrap

    per_line = max(1, int(width * TEXT_PER_DIGIT))
    return sum(max(1, len(textwrap.wrap(part, per_line))) for part in text.split("\n"))


def column_width(sheet: Any, index: int) -> float:
    """A column's width in characters, Excel's default where none is set."""
    from openpyxl.utils import get_column_letter

    dimension = sheet.column_dimensions.get(get_column_letter(index))
    return dimension.width if dimension is not None and dimension.customWidth else DEFAULT_WIDTH


def set_widths(sheet: Any, widths: Sequence[float]) -> None:
    """Give the first ``len(widths)`` columns their widths in characters."""
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def table_widths(
    header: Sequence[Any], rows: Sequence[Sequence[Any]], first: float | None = None
) -> list[float]:
    """Column widths that fit a table: a column as wide as its header's longest word
    (the header wraps) or its longest value, text at most NARROWEST..WIDEST wide (it
    wraps); ``first`` fixes the label column's width."""
    widths: list[float] = []
    for index, title in enumerate(header):
        words = str(title or "").split()
        values = [_shown_length(row[index]) for row in rows if index < len(row)]
        widths.append(min(WIDEST, max(NARROWEST, *(len(w) + 2 for w in words), *values)))
    if first is not None and widths:
        widths[0] = first
    return widths


def _shown_length(value: Any) -> int:
    """About how many characters a value takes on screen (a number at its format)."""
    if value is None:
        return 0
    if isinstance(value, float):
        return 7
    return len(str(value)) + 1


def add_spanners(sheet: Any, spanners: Sequence[tuple[str, int]]) -> None:
    """A row of titles each merged over the columns it spans (a --by table's groups),
    placed above the table, whose header must stay one row for Excel's filters."""
    from openpyxl.styles import Alignment

    add_row(sheet, [cell for title, span in spanners for cell in [title] + [None] * (span - 1)])
    row, column = sheet.max_row, 1
    for title, span in spanners:
        cell = sheet.cell(row, column)
        cell.font, cell.alignment = font(), Alignment(horizontal="center")
        if title and span > 1:
            sheet.merge_cells(
                start_row=row, start_column=column, end_row=row, end_column=column + span - 1
            )
        column += span


def add_table(sheet: Any, header_row: int, columns: int) -> None:
    """Make the rectangle from ``header_row`` down to the sheet's last row a named table.

    Excel's table ("Format as Table") gives every column a filter and sort; its
    header titles must be distinct text on one line, so a blank or repeated title
    gets its column number. The header is bold and prints on every page; text
    wraps within its column, each row tall enough for it.
    """
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    seen: set[str] = set()
    for index, cell in enumerate(sheet[header_row][:columns], start=1):
        title = " ".join(("" if cell.value is None else str(cell.value)).split())
        if not title or title.casefold() in seen:
            title = f"{title} ({index})".strip()
        cell.value = escape_formula(title)
        seen.add(title.casefold())
        cell.font = font()
        cell.alignment = Alignment(horizontal="center", vertical="bottom", wrap_text=True)
    last_row = sheet.max_row
    for row in range(header_row + 1, last_row + 1):
        for column in range(1, columns + 1):
            cell = sheet.cell(row, column)
            cell.alignment = Alignment(wrap_text=isinstance(cell.value, str), vertical="top")
    fit_heights(sheet, header_row, last_row, columns)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    if last_row == header_row:
        return  # a table needs a row below its header
    table = Table(
        displayName=table_name(sheet),
        ref=f"A{header_row}:{get_column_letter(columns)}{last_row}",
        tableStyleInfo=TableStyleInfo(name=TABLE_STYLE, showRowStripes=True),
    )
    sheet.add_table(table)


def fit_heights(sheet: Any, first_row: int, last_row: int, columns: int) -> None:
    """Make each row with wrapped text tall enough for its longest cell.

    Neither Excel nor LibreOffice reliably fits the height of a written row by
    itself, so a wrapped label would be cut to its first line.
    """
    widths = [column_width(sheet, index) for index in range(1, columns + 1)]
    for row in range(first_row, last_row + 1):
        lines = max(
            (
                text_lines(cell.value, width)
                for cell, width in zip(sheet[row][:columns], widths, strict=False)
                if isinstance(cell.value, str)
            ),
            default=1,
        )
        if lines > 1:
            sheet.row_dimensions[row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)


def table_name(sheet: Any) -> str:
    """A table name Excel accepts (letters, digits, underscores; never a cell address),
    made from the sheet's name and unique in the workbook."""
    taken = {name.casefold() for other in sheet.parent.worksheets for name in other.tables}
    base = "T_" + re.sub(r"\W", "_", sheet.title, flags=re.ASCII)
    name, number = base, 2
    while name.casefold() in taken:
        name, number = f"{base}_{number}", number + 1
    return name


#: A p value to three decimals, and below 0.001 as "<0.001" (the cell keeps the number).
P_FORMAT = '[<0.001]"<0.001";0.000'


def number_formats(sheet: Any, first_row: int, formats: Iterable[str | None]) -> None:
    """Give each column its number format (None leaves it General) from ``first_row`` down."""
    for index, number_format in enumerate(formats, start=1):
        if number_format is None:
            continue
        for (cell,) in sheet.iter_rows(min_row=first_row, min_col=index, max_col=index):
            cell.number_format = number_format


def link(cell: Any, sheet_name: str) -> None:
    """Make ``cell`` a link to the top of the sheet called ``sheet_name``."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    quoted = sheet_name.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1")
    cell.font = Font(name=FONT_NAME, color=LINK_COLOUR, underline="single")


def add_contents(sheet: Any, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Append a contents table: a row per sheet, its first cell (the sheet's name) a link."""
    add_row(sheet, header)
    header_row = sheet.max_row
    for row in rows:
        add_row(sheet, row)
        link(sheet.cell(sheet.max_row, 1), str(row[0]))
    add_table(sheet, header_row, len(header))


def set_up_pages(sheet: Any, title: str, document: str, locale: Locale = "en") -> None:
    """Print the sheet one page wide (landscape when its columns need it) on A4, with
    ``title`` in the page header, ``document`` and the page number in the footer."""
    from openpyxl.worksheet.page import PageMargins

    width = sum(column_width(sheet, index) for index in range(1, sheet.max_column + 1))
    setup = sheet.page_setup
    setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(**MARGINS)
    sheet.oddHeader.center.text = header_text(title)
    sheet.oddFooter.left.text = header_text(document)
    sheet.oddFooter.right.text = word("Page &P of &N", locale)


def header_text(text: str) -> str:
    """Text for a page header or footer: one line, cut to fit, its '&' not a code."""
    line = " ".join(escape_formula(text).split())
    if len(line) > HEADER_CHARACTERS:
        line = line[: HEADER_CHARACTERS - 1].rstrip() + "…"
    return line.replace("&", "&&")
