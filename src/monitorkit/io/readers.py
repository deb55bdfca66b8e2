"""Survey exports in, one raw table out: path -> respondents x columns + source info.

Readers know nothing about questions. They find the header (title rows, two
header rows, Qualtrics' three), the encoding and delimiter of text files, and
carry what the file itself says about its columns (SPSS variable and value
labels, user-missing codes, multiple-response sets) to the codebook layer.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitorkit.errors import InputError, Location
from monitorkit.io.headers import HeaderLayout, column_letter, detect_layout, name_columns

if TYPE_CHECKING:
    import pandas as pd

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAV_MAGIC = (b"$FL2", b"$FL3")
_PARQUET_MAGIC = b"PAR1"


@dataclass(frozen=True)
class Reader:
    """One file format: its extensions, the bytes it starts with, and how to read it.

    A new format is one entry in READERS (at the end of this module) and one function.
    """

    kind: str
    extensions: frozenset[str]
    magic: tuple[bytes, ...]  # empty for text, which has no signature
    what: str
    read: Callable[[Path, dict[str, Any]], RawTable]

    def signed(self, head: bytes) -> bool:
        return not self.magic or head.startswith(self.magic)


#: An amount may carry a currency sign, as Dutch Excel writes currency cells ('€ 1.234,56').
_CURRENCY = r"(?:[<>≤≥]=?\s*)?(?:(?:€|eur|\$|£)\s?)?"
_DECIMAL_COMMA = re.compile(
    rf"^{_CURRENCY}-?\d{{1,3}}(\.\d{{3}})*,\d+$|^{_CURRENCY}-?\d+,\d+$", re.IGNORECASE
)
_NUMBER_WITH_COMMA = re.compile(
    rf"{_CURRENCY}-?\d{{1,3}}(\.\d{{3}})+(,\d+)?\+?|{_CURRENCY}-?\d+(,\d+)?\+?", re.IGNORECASE
)
_LAYOUT_ROWS = 25


@dataclass
class SourceInfo:
    """What was read and how: reported with every result so a user can check it."""

    path: str
    format: str
    reader: str
    rows: int = 0
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    title_rows: int = 0
    header_rows: int = 1
    header_style: str = "single"
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str = "."
    #: The file actually read, kept when ``path`` is replaced by a dataset name for display.
    input_path: str = ""

    def as_dict(self) -> dict[str, Any]:
        keys = ("path", "format", "reader", "rows", "sheet", "header_rows", "header_style")
        info = {key: getattr(self, key) for key in keys}
        if self.format == "csv":
            info.update(encoding=self.encoding, delimiter=self.delimiter, decimal=self.decimal)
        return info


@dataclass
class RawTable:
    """Respondents x columns as read, with everything the file said about its columns.

    ``frame``'s index holds each respondent's row number in the file (1-based,
    as a spreadsheet shows it), so problems can be reported by row.
    """

    frame: pd.DataFrame
    source: SourceInfo
    labels: dict[str, str] = field(default_factory=dict)
    header_pairs: dict[str, tuple[str, str]] = field(default_factory=dict)
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)
    missing_codes: dict[str, list[Any]] = field(default_factory=dict)
    missing_ranges: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    mr_sets: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: A header text used by several columns -> the suffixed names they were given.
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    #: Columns whose numbers are written with a decimal comma ('12,5').
    decimal_comma: set[str] = field(default_factory=set)
    #: What the reader noticed and a user should know (renamed headers, footer rows...).
    warnings: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.frame.columns]

    def text(self, column: str) -> str:
        """The header text of a column: its label where the file gives one."""
        return self.labels.get(column, column)

    def location(self, column: str | None = None, row: int | None = None) -> Location:
        return Location(self.source.path, self.source.sheet, row=row, column=column)

    def decimal_of(self, column: str) -> str:
        """The decimal mark of a column's numbers: ',' where the column writes '12,5'."""
        return "," if column in self.decimal_comma else "."

    def drop_rows(self, mask: Any) -> None:
        """Leave out the rows where ``mask`` is true (test responses, footers)."""
        self.frame = self.frame.loc[~mask]
        self.source.rows = int(self.frame.shape[0])


def read_table(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_rows: int | None = None,
    input_format: str | None = None,
) -> RawTable:
    """Read any supported survey export into a RawTable.

    The format is taken from the extension and confirmed from the file's first
    bytes, so a renamed file is reported instead of misread. ``path`` '-' reads
    standard input, as ``input_format`` (an extension such as 'csv' or 'xlsx'; default csv).
    """
    if str(path) == STDIN:
        return _read_stdin(
            input_format,
            sheet=sheet,
            encoding=encoding,
            delimiter=delimiter,
            header_rows=header_rows,
        )
    path = Path(path)
    if input_format is not None and path.suffix.lower().lstrip(".") != input_format:
        raise InputError(
            "--input-format applies to standard input ('-') only",
            Location(str(path)),
            "give the file its real extension instead",
        )
    reader = _check_path(path)
    options = {
        "sheet": sheet,
        "encoding": encoding,
        "delimiter": delimiter,
        "header_rows": header_rows,
    }
    table = reader.read(path, options)
    if sheet is not None and reader.kind != "excel":
        raise InputError(
            f"--sheet applies to workbooks only, this is a {table.source.format} file",
            Location(str(path)),
            "leave out --sheet",
        )
    if table.frame.shape[0] == 0:
        raise InputError(
            "no respondents: the file has a header but no data rows below it",
            Location(str(path), table.source.sheet),
            "check that this is the export with responses, not an empty template",
        )
    table.source.rows = int(table.frame.shape[0])
    table.source.input_path = str(path)
    return table


STDIN = "-"
STDIN_NAME = "<stdin>"


def _read_stdin(input_format: str | None, **options: Any) -> RawTable:
    """Spool standard input to a temporary file of the stated format and read that."""
    import sys
    import tempfile

    suffix = "." + (input_format or "csv").lower().lstrip(".")
    if suffix not in KNOWN_EXTENSIONS:
        known = ", ".join(sorted(e.lstrip(".") for e in KNOWN_EXTENSIONS))
        raise InputError(
            f"unknown --input-format '{input_format}'", Location(STDIN_NAME), f"use one of {known}"
        )
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="monitorkit-") as folder:
        spooled = Path(folder) / f"stdin{suffix}"
        spooled.write_bytes(data)
        try:
            table = read_table(spooled, **options)
        except InputError as error:
            error.location.file = STDIN_NAME
            actual = _describe_binary(data[:8])
            if actual and input_format is None:
                error.hint = f"it looks like {actual}: pass --input-format (xlsx, sav, parquet)"
            raise
    table.source.path = STDIN_NAME
    table.source.input_path = STDIN_NAME
    return table


def _check_path(path: Path) -> Reader:
    """The reader for the file's extension; refused if the file's bytes say otherwise."""
    where = Location(str(path))
    if not path.exists():
        raise InputError(
            "file not found",
            where,
            "check the path, or run 'monitorkit datasets' for the bundled datasets",
        )
    if path.is_dir():
        raise InputError("is a directory, not a survey file", where, "name a file inside it")
    suffix = path.suffix.lower()
    if suffix not in KNOWN_EXTENSIONS:
        known = ", ".join(sorted(KNOWN_EXTENSIONS))
        raise InputError(
            f"unknown file type '{suffix or '(no extension)'}'",
            where,
            f"monitorkit reads {known}",
        )
    with path.open("rb") as stream:
        head = stream.read(8)
    if not head:
        raise InputError("file is empty (0 bytes)", where, "export the survey again")
    reader = next(r for r in READERS if suffix in r.extensions)
    if suffix == ".xls" and head.startswith(_OLE_MAGIC):
        return reader
    if reader.kind == "excel" and head.startswith(_OLE_MAGIC):
        raise InputError(
            f"workbook is encrypted (password-protected) or an old binary .xls saved as {suffix}",
            where,
            "remove the password in Excel (File > Info > Protect Workbook) and save as .xlsx",
        )
    if not reader.signed(head):
        raise InputError(
            f"the file's contents are not {reader.what.format(suffix=suffix)} "
            f"({_describe_bytes(head)})",
            where,
            "check the file extension or export the survey again",
        )
    binary = None if reader.magic else _describe_binary(head)
    if binary:
        raise InputError(
            f"the file's contents are not text but {binary}",
            where,
            "rename it to its real extension",
        )
    return reader


def _describe_binary(head: bytes) -> str | None:
    if head.startswith(_ZIP_MAGIC):
        return "a zip container (an .xlsx workbook?)"
    if head.startswith(_OLE_MAGIC):
        return "an old binary Office file (.xls?)"
    if head.startswith(_SAV_MAGIC):
        return "an SPSS .sav file"
    if head.startswith(_PARQUET_MAGIC):
        return "a parquet file"
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data"
    return None


def _describe_bytes(head: bytes) -> str:
    return f"it looks like {_describe_binary(head) or 'text'}"


def _split_header(
    grid: pd.DataFrame, where: Location, header_rows: int | None
) -> tuple[pd.DataFrame, HeaderLayout, Any]:
    """Detect the layout on the top rows of a header-less grid and name its columns."""
    import pandas as pd

    top = grid.head(_LAYOUT_ROWS)
    rows = [[None if pd.isna(v) else str(v) for v in row] for row in top.itertuples(index=False)]
    if not rows:
        raise InputError("the sheet is empty", where, "check that you picked the sheet with data")
    layout = detect_layout(rows, header_rows)
    start = layout.title_rows
    header = rows[start : start + layout.header_rows]
    named = name_columns(header, layout, where)
    body = grid.iloc[start + layout.header_rows :]
    body = body.set_axis(named.names, axis=1)
    body = body.dropna(how="all")
    unnamed = [n for n in named.names if n.startswith("column ") and body[n].isna().all()]
    if unnamed:
        body = body.drop(columns=unnamed)
    return body, layout, named


def _finish_grid(
    grid: pd.DataFrame, source: SourceInfo, header_rows: int | None, first_row: int
) -> RawTable:
    """Index rows by their position in the file, split off the header and build the table."""
    import pandas as pd

    grid.index = pd.RangeIndex(first_row, first_row + len(grid))
    body, layout, named = _split_header(grid, Location(source.path, source.sheet), header_rows)
    source.title_rows = layout.title_rows
    source.header_rows = layout.header_rows
    source.header_style = layout.style
    table = RawTable(
        body, source, labels=named.labels, header_pairs=named.pairs, duplicates=named.duplicates
    )
    for name, renamed in named.duplicates.items():
        table.warnings.append(
            f"header '{name}' is used by {len(renamed)} columns; read as "
            + ", ".join(f"'{new}'" for new in renamed)
        )
    _drop_footer_rows(table)
    return table


#: First cells of a summary row below the respondents in a hand-edited export.
FOOTER_WORDS = frozenset(
    {"totaal", "total", "totals", "gemiddelde", "gemiddeld", "average", "mean", "som", "sum"}
)


def _drop_footer_rows(table: RawTable) -> None:
    """Leave out 'Totaal'/'Gemiddelde' rows at the bottom: a summary, not a respondent."""
    frame = table.frame
    footer: list[Any] = []
    for row_number, row in zip(reversed(frame.index), reversed(range(len(frame))), strict=True):
        values = frame.iloc[row].dropna()
        first = str(values.iloc[0]).strip().rstrip(":").casefold() if len(values) else ""
        if first not in FOOTER_WORDS:
            break
        footer.append(row_number)
    if footer and len(footer) < len(frame):
        table.frame = frame.drop(index=footer)
        rows = ", ".join(str(row) for row in sorted(footer))
        table.warnings.append(f"row(s) {rows} at the bottom are totals, not respondents: left out")


def first_line(error: Exception) -> str:
    """A reader's message without the 'Context:' lines some readers append."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _read_excel(path: Path, sheet: str | int | None, header_rows: int | None) -> RawTable:
    """Read a workbook with fastexcel (Rust, straight to Arrow); openpyxl if that fails."""
    from monitorkit.io.workbook import WorkbookFacts, check_ods, check_workbook

    facts = WorkbookFacts()
    if path.suffix.lower() == ".ods":
        check_ods(path)
    elif path.suffix.lower() != ".xls":
        facts = check_workbook(path)
    try:
        grid, source = _read_excel_fastexcel(path, sheet, facts.hidden)
    except InputError:
        raise
    except Exception as fast_error:  # fastexcel raises its own hierarchy; fall back once
        try:
            grid, source = _read_excel_openpyxl(path, sheet)
        except InputError:
            raise
        except Exception:
            raise InputError(
                f"workbook could not be read: {first_line(fast_error)}",
                Location(str(path), sheet if isinstance(sheet, str) else None),
                "open and re-save it in Excel, or export the sheet as CSV",
            ) from None
    table = _finish_grid(grid, source, header_rows, first_row=1)
    table.decimal_comma = _decimal_comma_columns(table.frame, None)
    if table.decimal_comma:
        source.decimal = ","
    if sheet is None and source.sheets and source.sheet != source.sheets[0]:
        table.warnings.append(
            f"the first sheet '{source.sheets[0]}' is hidden: read '{source.sheet}', the "
            "first visible sheet (--sheet chooses another)"
        )
    errors = facts.errors.get(source.sheet or "", [])
    if errors:
        count = facts.error_counts[source.sheet or ""]
        cells = ", ".join(f"{ref} ({value})" for ref, value in errors)
        more = f" and {count - len(errors)} more" if count > len(errors) else ""
        table.warnings.append(
            f"{count} cell(s) hold Excel error values, read as missing: {cells}{more}"
        )
    return table


def _pick_sheet(
    path: Path, names: list[str], sheet: str | int | None, hidden: list[str] | None = None
) -> str:
    if sheet is None:
        visible = [name for name in names if name not in (hidden or [])]
        return (visible or names)[0]
    if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isascii() and sheet.isdecimal()):
        number = int(sheet)
        if sheet not in names and 1 <= number <= len(names):
            return names[number - 1]
    if sheet in names:
        return str(sheet)
    folded = {name.casefold(): name for name in names}
    if str(sheet).casefold() in folded:
        return folded[str(sheet).casefold()]
    listing = ", ".join(f"'{name}'" for name in names)
    raise InputError(
        f"sheet '{sheet}' not found",
        Location(str(path)),
        f"the workbook has {len(names)} sheet(s): {listing}; pass one with --sheet",
    )


def _read_excel_fastexcel(
    path: Path, sheet: str | int | None, hidden: list[str] | None = None
) -> tuple[pd.DataFrame, SourceInfo]:
    import fastexcel

    reader = fastexcel.read_excel(str(path))
    names = list(reader.sheet_names)
    chosen = _pick_sheet(path, names, sheet, hidden)
    loaded = reader.load_sheet(chosen, header_row=None, dtypes="string")
    grid = loaded.to_arrow().to_pandas()
    grid.columns = range(grid.shape[1])
    source = SourceInfo(str(path), "xlsx", "fastexcel", sheet=chosen, sheets=names)
    return grid, source


def _read_excel_openpyxl(path: Path, sheet: str | int | None) -> tuple[pd.DataFrame, SourceInfo]:
    import openpyxl
    import pandas as pd

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        names = list(workbook.sheetnames)
        chosen = _pick_sheet(path, names, sheet)
        rows = [
            [None if v is None else _excel_text(v) for v in row]
            for row in workbook[chosen].iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    grid = pd.DataFrame(rows, dtype=object)
    source = SourceInfo(str(path), "xlsx", "openpyxl", sheet=chosen, sheets=names)
    return grid, source


def _excel_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_text(
    path: Path, encoding: str | None, delimiter: str | None, header_rows: int | None
) -> RawTable:
    """Read delimited text: encoding, delimiter and decimal comma detected and reported."""
    import pandas as pd

    csv.field_size_limit(_FIELD_LIMIT)  # exports with 10,000 columns have long header lines
    data = path.read_bytes()
    text, encoding, mixed_lines = _decode(data, encoding, path)
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():
        raise InputError("file has no content (only blank lines)", Location(str(path)))
    lines = _first_lines(text, _LAYOUT_ROWS)
    delimiter = delimiter or _detect_delimiter(lines, path.suffix.lower())
    top = [[cell or None for cell in row] for row in csv.reader(lines, delimiter=delimiter)]
    layout = detect_layout(top, header_rows) if top else HeaderLayout(0, 1, "single")
    header = top[layout.title_rows : layout.title_rows + layout.header_rows] or [[None]]
    # The header fixes the width: a data row with more cells is an error naming its line.
    width = max(len(row) for row in header)
    grid, reader = None, "pyarrow"
    if not mixed_lines and encoding in ("utf-8", "utf-8-sig"):
        del text  # parsed from the bytes: the decoded copy is not needed
        grid = _parse_utf8(data, delimiter, width)
        if grid is None:
            text = data.decode(encoding).removeprefix("\ufeff")
    if grid is None:
        reader = "pandas"
        try:
            grid = pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                header=None,
                names=range(width),
                dtype=str,
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                engine="c",
            )
        except (pd.errors.ParserError, ValueError) as exc:
            raise InputError(
                f"cannot parse the file as '{_show_delimiter(delimiter)}'-delimited text: "
                f"{str(exc).strip()}",
                Location(str(path)),
                "check the delimiter (pass --delimiter) and quoting",
            ) from None
    source = SourceInfo(
        str(path), "csv", reader, encoding=encoding, delimiter=_show_delimiter(delimiter)
    )
    table = _finish_grid(grid, source, header_rows, first_row=1)
    if mixed_lines:
        shown = ", ".join(str(n) for n in mixed_lines[:10])
        more = f" and {len(mixed_lines) - 10} more" if len(mixed_lines) > 10 else ""
        table.warnings.append(
            f"the file mixes encodings: line(s) {shown}{more} are not UTF-8 and were read as "
            "cp1252 (Windows); check those rows"
        )
    table.decimal_comma = _decimal_comma_columns(table.frame, delimiter)
    if table.decimal_comma:
        source.decimal = ","
    return table


def _parse_utf8(data: bytes, delimiter: str, width: int) -> pd.DataFrame | None:
    """A rectangular UTF-8 file parsed by Arrow's multithreaded reader, every cell as text.

    The same grid pandas' reader gives (empty cells missing, quoted newlines kept), at a
    fraction of the time and without a decoded copy of the file. None where a row has
    another number of cells than the header (short rows, blank lines) or the bytes are
    not what Arrow reads: pandas' reader handles those and names the line at fault.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        table = pacsv.read_csv(
            pa.py_buffer(body),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{index}": pa.string() for index in range(width)},
                strings_can_be_null=True,
                null_values=[""],
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # a ragged or unusual file: the caller reads it with pandas instead
    if table.num_columns != width or table.num_rows == 0:
        return None
    grid = table.to_pandas()
    grid.columns = range(width)
    return grid


def _first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]`` without splitting the whole file."""
    size = 1 << 16
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def _decode(data: bytes, encoding: str | None, path: Path) -> tuple[str, str, list[int]]:
    """The file's text, the encoding used, and the lines read as cp1252 in a mixed file.

    Without --encoding: a BOM decides; else UTF-8; a file that is UTF-8 except for
    some lines (rows pasted from another export) is read line by line, each line in
    UTF-8 where it is valid and in cp1252 where not, and those lines are reported.
    """
    if encoding is None and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        try:
            return data.decode("utf-8"), "utf-8", []
        except UnicodeDecodeError:
            return _decode_lines(data)
    encoding = encoding or _detect_encoding(data)
    try:
        return data.decode(encoding), encoding, []
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(
            f"cannot decode the file as {encoding}: {exc}",
            Location(str(path)),
            "pass the right --encoding (utf-8, utf-8-sig, cp1252, utf-16)",
        ) from None


def _decode_lines(data: bytes) -> tuple[str, str, list[int]]:
    """cp1252 throughout, or UTF-8 with the lines that are not UTF-8 read as cp1252."""
    lines = data.split(b"\n")
    texts, fallback, utf8_non_ascii = [], [], False
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
            utf8_non_ascii = utf8_non_ascii or not line.isascii()
        except UnicodeDecodeError:
            texts.append(line.decode("cp1252", errors="replace"))
            fallback.append(number)
    if not utf8_non_ascii:
        return data.decode("cp1252", errors="replace"), "cp1252", []
    return "\n".join(texts), "utf-8 (some lines cp1252)", fallback


def _show_delimiter(delimiter: str) -> str:
    return "\\t" if delimiter == "\t" else delimiter


def _detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (Dutch Excel)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


#: The csv module's limit on one field (131,072 by default), raised to the largest it takes.
_FIELD_LIMIT = 2**31 - 1


def _detect_delimiter(first_lines: list[str], suffix: str) -> str:
    """The candidate that splits the first lines into the same number (>1) of fields."""
    if suffix == ".tsv":
        return "\t"
    lines = [line for line in first_lines if line.strip()]
    best, best_score = ",", (0, 0)
    for candidate in (",", ";", "\t", "|"):
        widths = [len(row) for row in csv.reader(lines, delimiter=candidate)]
        if not widths or max(widths) < 2:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = candidate, score
    return best


_NOT_THOUSANDS = re.compile(rf"^{_CURRENCY}-?\d+,(\d{{1,2}}|\d{{4,}})$", re.IGNORECASE)


def _decimal_comma_columns(frame: pd.DataFrame, delimiter: str | None) -> set[str]:
    """Columns of numbers (judged on their first 2,000 values) written '12,5'.

    In a comma-delimited file such values are quoted, and '1,234' may be an English
    thousands separator, so there a comma counts as decimal only before one, two or
    four or more digits.
    """
    decimal = _DECIMAL_COMMA if delimiter != "," else _NOT_THOUSANDS
    found = set()
    for column in frame.columns:
        values = frame[column].dropna().head(2000).astype(str).str.strip()
        values = values[values != ""]
        if values.empty or not values.str.contains(",", regex=False).any():
            continue
        if not values.str.fullmatch(_NUMBER_WITH_COMMA.pattern, case=False).all():
            continue
        if values.str.fullmatch(decimal.pattern, case=False).any():
            found.add(str(column))
    return found


def _read_sav(path: Path) -> RawTable:
    """Read SPSS .sav with labels, user-missing codes kept as values, and MR sets."""
    import pandas as pd
    import pyreadstat

    try:
        frame, meta = pyreadstat.read_sav(str(path), user_missing=True)
    except Exception as exc:
        raise InputError(
            f"SPSS file could not be read: {exc}",
            Location(str(path)),
            "open and re-save it in SPSS or PSPP",
        ) from None
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    missing_codes: dict[str, list[Any]] = {}
    missing_ranges: dict[str, list[tuple[float, float]]] = {}
    for column, ranges in (meta.missing_ranges or {}).items():
        for entry in ranges:
            bounds: Any = entry
            low, high = bounds["lo"], bounds["hi"]
            if low == high:
                missing_codes.setdefault(column, []).append(low)
            else:
                missing_ranges.setdefault(column, []).append((float(low), float(high)))
    for column, values in (meta.missing_user_values or {}).items():
        known = missing_codes.setdefault(column, [])
        known.extend(value for value in values if value not in known)
    source = SourceInfo(str(path), "sav", "pyreadstat", header_style="spss")
    return RawTable(
        frame,
        source,
        labels={k: v for k, v in (meta.column_names_to_labels or {}).items() if v},
        value_labels=dict(meta.variable_value_labels or {}),
        missing_codes=missing_codes,
        missing_ranges=missing_ranges,
        mr_sets=dict(getattr(meta, "mr_sets", None) or {}),
    )


def _nested(values: Any) -> bool:
    """Whether a parquet column holds lists, structs or maps (it holds one kind throughout):
    only those need flattening, so text columns are not walked value by value."""
    import numpy as np

    present = values.dropna()
    return not present.empty and isinstance(present.iloc[0], (list, tuple, np.ndarray, dict))


def _flat_value(value: Any) -> Any:
    """A parquet list cell as one text ('UWV; GGD', a multi-select in one cell), a struct or
    map cell as JSON text; other values as they are."""
    import json

    import numpy as np

    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(_flat_value(item)) for item in value) or None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return value


def _read_parquet(path: Path) -> RawTable:
    import pandas as pd

    from monitorkit.io.workbook import check_parquet

    check_parquet(path)
    try:
        # each Arrow column is released once converted: the file is not held twice
        frame = pd.read_parquet(
            path, engine="pyarrow", to_pandas_kwargs={"self_destruct": True, "split_blocks": True}
        )
    except Exception as exc:
        raise InputError(f"parquet file could not be read: {exc}", Location(str(path))) from None
    frame.columns = [str(c) for c in frame.columns]
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    categories = {}
    for column in frame.columns:
        if frame[column].dtype == object and _nested(frame[column]):
            frame[column] = frame[column].map(_flat_value)
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            # the categories a file declares are its answers, in their order, used or not
            levels = [str(level) for level in frame[column].cat.categories]
            categories[column] = dict(zip(levels, levels, strict=True))
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    source = SourceInfo(str(path), "parquet", "pyarrow", header_style="parquet")
    return RawTable(frame, source, value_labels=categories)


#: Every format monitorkit reads, by extension; `read_table` dispatches on this table.
READERS: tuple[Reader, ...] = (
    Reader(
        "excel",
        frozenset({".xlsx", ".xlsm", ".xls", ".ods"}),
        (_ZIP_MAGIC,),
        "a {suffix} workbook",
        lambda path, o: _read_excel(path, o["sheet"], o["header_rows"]),
    ),
    Reader(
        "csv",
        frozenset({".csv", ".tsv", ".txt"}),
        (),
        "text",
        lambda path, o: _read_text(path, o["encoding"], o["delimiter"], o["header_rows"]),
    ),
    Reader(
        "sav",
        frozenset({".sav", ".zsav"}),
        _SAV_MAGIC,
        "an SPSS .sav file",
        lambda p, o: _read_sav(p),
    ),
    Reader(
        "parquet",
        frozenset({".parquet", ".pq"}),
        (_PARQUET_MAGIC,),
        "a parquet file",
        lambda path, o: _read_parquet(path),
    ),
)
KNOWN_EXTENSIONS = frozenset(ext for reader in READERS for ext in reader.extensions)

__all__ = ["READERS", "RawTable", "Reader", "SourceInfo", "column_letter", "read_table"]
