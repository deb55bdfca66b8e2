"""Safety checks on an xlsx, ods or parquet file before any reader sees it.

A zip bomb (tiny file, enormous content), a sheet whose used range claims
millions of rows, one far-away cell, a huge shared string referenced by
thousands of cells or an ods row repeated a million times would make the Rust
readers allocate until the process aborts. The zip directory gives a first
answer cheaply; then every worksheet is inflated as a stream (never trusting the
sizes the directory claims: zipfile stops at the declared size and checks the
CRC) and what the reader would allocate is estimated from what is really there:
the used range spanned by the cells present, and the text of the shared strings
the cells refer to. A parquet file is judged from its metadata and its string
dictionaries (``check_parquet``). Files over the limits are refused with one line, exit 3.
"""

from __future__ import annotations

import html
import itertools
import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from monitorkit.errors import InputError, Location

#: Declared uncompressed size above which a workbook is refused (bytes).
MAX_UNCOMPRESSED = int(os.environ.get("MONITORKIT_MAX_UNCOMPRESSED", 2 * 1024**3))
#: Compression ratio above which a large member is taken for a zip bomb.
MAX_RATIO = 200
#: Cells (rows x columns of the declared used range) above which a sheet is refused.
MAX_CELLS = int(os.environ.get("MONITORKIT_MAX_CELLS", 50_000_000))
#: Memory reading one sheet may take (bytes): estimated from the cells spanned and the
#: shared text the cells refer to, so a file the readers cannot hold is refused, not aborted.
MAX_MEMORY = int(os.environ.get("MONITORKIT_MAX_MEMORY", 3 * 1024**3))
#: Bytes per spanned cell while reading (the Rust reader's dense range, measured at about
#: 27, plus the data frame's column of references).
BYTES_PER_CELL = 40
#: Copies of each text the reading holds at once (the reader's, Arrow's, Python's).
TEXT_COPIES = 3
#: Chunks in which members are inflated and scanned.
CHUNK = 8 * 1024**2

_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
#: Cell references beyond column ZZ (rare: looked for in every sheet) and beyond Z.
_FAR_COLUMN = re.compile(rb' r="([A-Z]{3})\d')
_WIDE_COLUMN = re.compile(rb' r="([A-Z]{2})\d')
#: The widest a sheet can be without a three-letter column (ZZ).
TWO_LETTER_COLUMNS = 702
_SHARED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>(\d+)<')
_SHARED_ITEM = re.compile(rb"<(?:\w+:)?si\b")

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_SHEET_RID_FIRST = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"')
_HIDDEN = re.compile(
    rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\bstate="(?:hidden|veryHidden)"'
)
_HIDDEN_STATE_FIRST = re.compile(
    rb'<(?:\w+:)?sheet\b[^>]*?\bstate="(?:hidden|veryHidden)"[^>]*?\bname="([^"]*)"'
)
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b(?=[^>]*\bt="e")[^>]*?\br="([A-Z]+\d+)"[^>]*>.*?<(?:\w+:)?v>([^<]*)<', re.S
)
#: Error cells named in a warning; the rest are counted.
ERRORS_NAMED = 10
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_TARGET_FIRST = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.decode():
        number = number * 26 + (ord(char) - 64)
    return number


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet member path, read from workbook.xml and its rels."""
    try:
        workbook = archive.read("xl/workbook.xml")[:1_000_000]
        rels = archive.read("xl/_rels/workbook.xml.rels")[:1_000_000]
    except KeyError:
        return {}
    targets = {rid: target for rid, target in _REL.findall(rels)}
    targets.update({rid: target for target, rid in _REL_TARGET_FIRST.findall(rels)})
    sheets = {name: rid for name, rid in _SHEET.findall(workbook)}
    sheets.update({name: rid for rid, name in _SHEET_RID_FIRST.findall(workbook)})
    members = {}
    for name, rid in sheets.items():
        target = targets.get(rid, b"").decode()
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        members[html.unescape(name.decode("utf-8", "replace"))] = path
    return members


def _damaged(path: Path, member: str, exc: Exception) -> InputError:
    return InputError(
        f"the workbook is damaged: member {member} does not match its zip directory ({exc})",
        Location(str(path)),
        "open and re-save the file in Excel, or export it as CSV",
    )


def _stream(archive: zipfile.ZipFile, member: str, path: Path):
    """The member's bytes in chunks, inflated as they are read, with the inflated total
    capped at MAX_UNCOMPRESSED whatever the directory claims."""
    total = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > MAX_UNCOMPRESSED:
                    raise InputError(
                        f"workbook member {member} inflates beyond "
                        f"{MAX_UNCOMPRESSED / 1024**3:.1f} GiB; refusing to parse it",
                        Location(str(path)),
                        "export the data as CSV, or raise MONITORKIT_MAX_UNCOMPRESSED if it "
                        "is genuine",
                    )
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise _damaged(path, member, exc) from None


def _shared_lengths(archive: zipfile.ZipFile, path: Path) -> list[int]:
    """The length in bytes of every shared string (xl/sharedStrings.xml), in index order."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    starts: list[int] = []
    offset, tail = 0, b""
    for chunk in _stream(archive, "xl/sharedStrings.xml", path):
        data = tail + chunk
        base = offset - len(tail)
        found = (base + match.start() for match in _SHARED_ITEM.finditer(data))
        starts += [position for position in found if not starts or position > starts[-1]]
        offset += len(chunk)
        tail = data[-8:]
    return [b - a for a, b in itertools.pairwise([*starts, offset])]


def _scan_sheet(
    archive: zipfile.ZipFile,
    member: str,
    path: Path,
    sheet: str,
    shared: list[int],
    facts: WorkbookFacts,
) -> None:
    """Refuse a worksheet whose cells span more than MAX_CELLS, or whose reading would take
    more than MAX_MEMORY, measured on the cells really present.

    One pass inflates the sheet and finds the last row, columns beyond ZZ (rare, so cheap
    to look for) and the number of shared-string cells; only when those bounds are over a
    limit does a second pass measure the two-letter columns or the shared text exactly.
    """
    rows = counted_rows = widest = shared_cells = 0
    for data in _tags(archive, member, path):
        numbers = _ROW_NUMBER.findall(data[-65536:]) or _ROW_NUMBER.findall(data)
        rows = max([rows, *map(int, numbers)])
        if not numbers:
            counted_rows += data.count(b"<row") + data.count(b":row ")
        for letters in set(_FAR_COLUMN.findall(data)):
            widest = max(widest, _column_number(letters))
        if shared:
            shared_cells += data.count(b't="s"')
        if b't="e"' in data:
            error_cells = _ERROR_CELL.findall(data)
            named = facts.errors.setdefault(sheet, [])
            named += [(ref.decode(), value.decode()) for ref, value in error_cells][
                : max(0, ERRORS_NAMED - len(named))
            ]
            facts.error_counts[sheet] = facts.error_counts.get(sheet, 0) + len(error_cells)
    rows = max(rows, counted_rows)
    columns = widest or TWO_LETTER_COLUMNS
    text = shared_cells * max(shared, default=0)
    if not _over(rows, columns, text):
        return
    if not widest:
        found = (_WIDE_COLUMN.findall(data) for data in _tags(archive, member, path))
        columns = max([26, *(_column_number(c) for letters in found for c in set(letters))])
    if rows * columns > MAX_CELLS:
        raise InputError(
            f"the sheet's cells span {rows:,} rows x {columns:,} columns "
            f"({rows * columns:,} cells, limit {MAX_CELLS:,}); refusing to parse it",
            Location(str(path), sheet),
            "delete the stray cells far below or right of the data in Excel, or export the "
            "sheet as CSV (MONITORKIT_MAX_CELLS raises the limit)",
        )
    if _over(rows, columns, text):
        text = sum(
            shared[index]
            for data in _tags(archive, member, path)
            for index in map(int, _SHARED_CELL.findall(data))
            if index < len(shared)
        )
    if _over(rows, columns, text):
        needed = _memory(rows, columns, text)
        raise InputError(
            f"reading the sheet would take about {needed / 1024**3:.1f} GiB of memory "
            f"({rows * columns:,} cells spanned, {text / 1024**3:.1f} GiB of shared text "
            f"referred to; limit {MAX_MEMORY / 1024**3:.1f} GiB); refusing to parse it",
            Location(str(path), sheet),
            "export the sheet as CSV, or raise MONITORKIT_MAX_MEMORY (bytes) if the machine "
            "has the memory",
        )


def _memory(rows: int, columns: int, text: int) -> int:
    """Estimated bytes a reader takes for a sheet: its dense range and the text it copies."""
    return rows * columns * BYTES_PER_CELL + text * TEXT_COPIES


def _over(rows: int, columns: int, text: int) -> bool:
    return rows * columns > MAX_CELLS or _memory(rows, columns, text) > MAX_MEMORY


def _tags(archive: zipfile.ZipFile, member: str, path: Path):
    """The member's inflated bytes in chunks that end before a tag, so no tag is split."""
    carry = b""
    for chunk in _stream(archive, member, path):
        data = carry + chunk
        cut = data.rfind(b"<")
        yield data[:cut]
        carry = data[cut:]
    yield carry


@dataclass
class WorkbookFacts:
    """What the scan saw that a reader does not say: hidden sheets, and per sheet the
    cells holding Excel error values (#N/A, #DIV/0!), which the readers turn into blanks."""

    hidden: list[str] = field(default_factory=list)
    errors: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    error_counts: dict[str, int] = field(default_factory=dict)


def _hidden_sheets(archive: zipfile.ZipFile) -> list[str]:
    try:
        workbook = archive.read("xl/workbook.xml")[:1_000_000]
    except KeyError:
        return []
    names = _HIDDEN.findall(workbook) + _HIDDEN_STATE_FIRST.findall(workbook)
    return [html.unescape(name.decode("utf-8", "replace")) for name in names]


def check_workbook(path: Path) -> WorkbookFacts:
    """Refuse a corrupt, bomb-like or absurdly dimensioned xlsx before parsing it; return
    what the scan found that the reader will not report."""
    where = Location(str(path))
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(
            f"not a readable xlsx workbook: the zip container is corrupt ({exc})",
            where,
            "open and re-save the file in Excel, or export it as CSV",
        ) from None
    with archive:
        infos = archive.infolist()
        if "xl/workbook.xml" not in {info.filename for info in infos}:
            raise InputError(
                "not an xlsx workbook: the zip file has no xl/workbook.xml",
                where,
                "check that this is an Excel workbook and not another zip file",
            )
        declared = sum(info.file_size for info in infos)
        if declared > MAX_UNCOMPRESSED:
            raise InputError(
                f"workbook declares {declared / 1024**3:.1f} GiB of uncompressed content "
                f"(limit {MAX_UNCOMPRESSED / 1024**3:.1f} GiB); refusing to parse it",
                where,
                "export the data as CSV, or raise MONITORKIT_MAX_UNCOMPRESSED if it is genuine",
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 100 * 1024**2 and ratio > MAX_RATIO:
                raise InputError(
                    f"workbook member {info.filename} expands {ratio:.0f}-fold to "
                    f"{info.file_size / 1024**2:.0f} MiB, which looks like a zip bomb; "
                    "refusing to parse it",
                    where,
                    "re-save the file in Excel or export it as CSV",
                )
        sheets = _sheet_members(archive)
        for sheet, member in sheets.items():
            try:
                with archive.open(member) as stream:
                    head = stream.read(8192)
            except (KeyError, zipfile.BadZipFile, OSError):
                continue
            match = _DIMENSION.search(head)
            if not match or not match.group(3):
                continue
            rows = int(match.group(4)) - int(match.group(2)) + 1
            columns = _column_number(match.group(3)) - _column_number(match.group(1)) + 1
            if rows * columns > MAX_CELLS:
                used = f"{match.group(1).decode()}{match.group(2).decode()}:" + (
                    f"{match.group(3).decode()}{match.group(4).decode()}"
                )
                raise InputError(
                    f"the sheet's used range {used} spans {rows:,} rows x {columns:,} columns "
                    f"({rows * columns:,} cells, limit {MAX_CELLS:,}); refusing to parse it",
                    Location(str(path), sheet),
                    "delete the empty rows and columns below and right of the data in Excel, "
                    "or export the sheet as CSV",
                )
        shared = _shared_lengths(archive, path)
        facts = WorkbookFacts(hidden=_hidden_sheets(archive))
        for sheet, member in sheets.items():
            if member in archive.namelist():
                _scan_sheet(archive, member, path, sheet, shared, facts)
    return facts


_ODS_TOKEN = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell)\b([^>]*)>|</table:table-row>"
)
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')


def check_ods(path: Path) -> None:
    """Refuse an ods file whose repeated rows and cells (``number-rows-repeated``,
    ``number-columns-repeated``) would spread a few values over more than MAX_CELLS cells.

    The range counted is the one a reader fills: up to the last row and column holding a
    value; LibreOffice's trailing runs of empty, formatted cells do not count.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(
            f"not a readable ods spreadsheet: the zip container is corrupt ({exc})",
            Location(str(path)),
            "open and re-save the file in LibreOffice, or export it as CSV",
        ) from None
    with archive:
        if "content.xml" not in archive.namelist():
            raise InputError(
                "not an ods spreadsheet: the zip file has no content.xml",
                Location(str(path)),
                "check that this is an OpenDocument spreadsheet",
            )
        row = column = last_row = last_column = 0
        repeat, filled = 1, False
        carry = b""
        for chunk in _stream(archive, "content.xml", path):
            data = carry + chunk
            cut = data.rfind(b"<")
            data, carry = data[:cut], data[cut:]
            for match in _ODS_TOKEN.finditer(data):
                kind, attributes = match.group(1), match.group(2) or b""
                if kind == b"table-row":
                    repeated = _ROWS_REPEATED.search(attributes)
                    repeat, column, filled = int(repeated.group(1)) if repeated else 1, 0, False
                    if attributes.endswith(b"/"):
                        row += repeat
                elif kind is None:
                    row += repeat
                    if filled:
                        last_row = row
                else:
                    repeated = _COLUMNS_REPEATED.search(attributes)
                    column += int(repeated.group(1)) if repeated else 1
                    if b"value-type" in attributes:
                        filled, last_column = True, max(last_column, column)
                if last_row * last_column > MAX_CELLS:
                    raise InputError(
                        f"the spreadsheet's repeated rows and cells span {last_row:,} rows x "
                        f"{last_column:,} columns (limit {MAX_CELLS:,} cells); refusing to "
                        "parse it",
                        Location(str(path)),
                        "delete the repeated rows and columns in LibreOffice, or export the "
                        "sheet as CSV (MONITORKIT_MAX_CELLS raises the limit)",
                    )


def check_parquet(path: Path) -> None:
    """Refuse a parquet file that would not fit in memory once read, judged before reading
    its values: the rows x columns it declares, and the text its string columns hold when
    decoded. A dictionary-encoded column stores each distinct text once and
    refers to it by index, so a small file can stand for terabytes of text (one long
    string in a million rows); that size is computed from the dictionaries and indices,
    which are read without decoding. Together they must fit MAX_MEMORY."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    where = Location(str(path))
    try:
        parquet = pq.ParquetFile(path)
        metadata = parquet.metadata
    except Exception as exc:
        raise InputError(f"parquet file could not be read: {exc}", where) from None
    rows, columns = metadata.num_rows, metadata.num_columns
    cells = rows * columns * BYTES_PER_VALUE

    def textual(kind) -> bool:
        if pa.types.is_dictionary(kind):
            return textual(kind.value_type)
        return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))

    texts = [field.name for field in parquet.schema_arrow if textual(field.type)]
    _refuse_parquet(path, cells, 0)
    if not texts:
        return
    try:
        coded = pq.ParquetFile(path, read_dictionary=texts)
        text = 0
        for group in range(coded.num_row_groups):
            for column in coded.read_row_group(group, columns=texts).columns:
                for chunk in column.chunks:
                    if pa.types.is_dictionary(chunk.type):
                        lengths = pc.binary_length(chunk.dictionary)
                        text += pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0
                    else:
                        text += chunk.nbytes
    except Exception as exc:
        raise InputError(f"parquet file could not be read: {exc}", where) from None
    _refuse_parquet(path, cells, text)


#: Bytes per value of a data frame read from parquet (a reference or a number), besides text.
BYTES_PER_VALUE = 16


def _refuse_parquet(path: Path, cells: int, text: int) -> None:
    """One line, exit 3, when a parquet file's values and text would not fit MAX_MEMORY."""
    needed = cells + text * TEXT_COPIES
    if needed <= MAX_MEMORY:
        return
    raise InputError(
        f"reading the file would take about {needed / 1024**3:.1f} GiB of memory "
        f"({cells // BYTES_PER_VALUE:,} values, {text / 1024**3:.1f} GiB of text once decoded; "
        f"limit {MAX_MEMORY / 1024**3:.1f} GiB); refusing to read it",
        Location(str(path)),
        "select the columns and rows the survey needs (e.g. with DuckDB), or raise "
        "MONITORKIT_MAX_MEMORY (bytes) if the machine has the memory",
    )
