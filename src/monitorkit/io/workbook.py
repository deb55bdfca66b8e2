"""Safety checks on an xlsx container before any parser sees it.

A zip bomb (tiny file, enormous declared content) or a sheet whose used range
claims millions of rows would make a parser allocate until the machine gives
up. The zip directory and the first bytes of each worksheet tell us both,
cheaply, so we refuse such files up front.
"""

from __future__ import annotations

import html
import os
import re
import zipfile
from pathlib import Path

from monitorkit.errors import InputError, Location

#: Declared uncompressed size above which a workbook is refused (bytes).
MAX_UNCOMPRESSED = int(os.environ.get("MONITORKIT_MAX_UNCOMPRESSED", 2 * 1024**3))
#: Compression ratio above which a large member is taken for a zip bomb.
MAX_RATIO = 200
#: Cells (rows x columns of the declared used range) above which a sheet is refused.
MAX_CELLS = int(os.environ.get("MONITORKIT_MAX_CELLS", 50_000_000))

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_SHEET_RID_FIRST = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"')
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


def check_workbook(path: Path) -> None:
    """Refuse a corrupt, bomb-like or absurdly dimensioned xlsx before parsing it."""
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
        for sheet, member in _sheet_members(archive).items():
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
