"""Writing outputs safely: atomically, never over an input, formulas escaped."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from monitorkit.errors import Location, OutputError

_UMASK = os.umask(0)
os.umask(_UMASK)

#: A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: Characters no spreadsheet cell may hold (XML 1.0 forbids them), dropped from text.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def add_row(sheet: Any, values: Any) -> None:
    """Append a row to an openpyxl sheet with every text made inert (``escape_formula``):
    the one way monitorkit's workbooks receive their cells."""
    sheet.append([escape_formula(value) for value in values])


def escape_formula(value: Any) -> Any:
    """Text a spreadsheet would execute gets a leading apostrophe, and characters no cell
    may hold are dropped; other values pass.

    A plain number written as text ('-5', '+31') is data, not a formula, and passes, as
    do a lone '-' or '+' (a dash for "none" is text to every spreadsheet).
    """
    if not isinstance(value, str):
        return value
    value = _ILLEGAL.sub("", value)
    if value.startswith(FORMULA_STARTS) and value not in ("-", "+") and not _is_number(value):
        return "'" + value
    return value


def json_bytes(data: Any) -> bytes:
    """JSON as every output writes it: UTF-8, indented, non-ASCII kept, a final newline."""
    import json

    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_bytes(columns: list[str], records: list[dict[str, Any]], dutch: bool = False) -> bytes:
    """Tidy CSV of ``records`` with every text inert (``escape_formula``).

    Dutch spreadsheets read ';' as the separator and ',' as the decimal sign: with
    ``dutch`` the file uses both, and starts with a UTF-8 byte order mark, without which
    Excel reads 'één' as Windows-1252, so it opens in columns with numbers as numbers.
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        fieldnames=columns,
        lineterminator="\n",
        extrasaction="ignore",
        delimiter=";" if dutch else ",",
    )
    writer.writeheader()
    for record in records:
        row = {key: escape_formula(value) for key, value in record.items()}
        if dutch:
            row = {
                key: repr(value).replace(".", ",") if isinstance(value, float) else value
                for key, value in row.items()
            }
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig" if dutch else "utf-8")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths are one file: the same path, a symlink to it, or a hard link."""
    try:
        if first.resolve() == second.resolve():
            return True
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


def refuse_inputs(path: Path, inputs: list[Path] | tuple[Path, ...]) -> None:
    """Refuse to write over an input file, by path, symlink or hard link."""
    for source in inputs:
        if same_file(Path(source), path):
            raise OutputError(
                f"refusing to write over an input file ({source})",
                Location(str(path)),
                "choose another output path with -o",
            )


def check_output_path(path: Path, inputs: list[Path] | tuple[Path, ...] = ()) -> None:
    """Refuse to write over an input file or into a folder that does not exist."""
    refuse_inputs(path, inputs)
    target = path.resolve()
    if not target.parent.is_dir():
        raise OutputError(
            f"folder '{path.parent}' does not exist",
            Location(str(path)),
            "create it first or choose another -o path",
        )
    if target.is_dir():
        raise OutputError("is a directory", Location(str(path)), "give a file name with -o")


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(text: str, limit: int = 80) -> str:
    """A file name made from data (a question id, a wave label): letters, digits, '.', '_'
    and '-' only, never a path component, never hidden, never empty."""
    name = _UNSAFE.sub("_", text).strip("._") or "unnamed"
    return name[:limit]


def make_folder(folder: Path) -> Path:
    """Create an output folder (and its parents); a refusal is an output error (exit 4)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"could not create the folder: {exc.strerror or exc}",
            Location(str(folder)),
            "check the path and that you may write there",
        ) from None
    return folder


def write_atomic(path: Path, data: bytes, inputs: list[Path] | tuple[Path, ...] = ()) -> None:
    """Write bytes to a temp file beside ``path`` and rename it into place."""
    path = Path(path)
    check_output_path(path, inputs)
    temp = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.resolve().parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o666 & ~_UMASK)  # mkstemp makes it private; give it normal permissions
        os.replace(temp, path)
    except OSError as exc:
        if temp and os.path.exists(temp):
            os.unlink(temp)
        raise OutputError(
            f"could not write: {exc.strerror or exc}",
            Location(str(path)),
            "check that the folder is writable and the file is not open in another program",
        ) from None


#: The timestamp written into generated workbooks, so the same inputs give the same bytes.
FIXED_TIMESTAMP = "2000-01-01T00:00:00Z"
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def workbook_bytes(workbook) -> bytes:
    """An openpyxl workbook saved with fixed zip dates and document dates (byte-reproducible)."""
    import io
    import zipfile

    raw = io.BytesIO()
    workbook.save(raw)
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>" + FIXED_TIMESTAMP.encode() + rb"\g<2>", data)
            member = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, data)
    return output.getvalue()


#: The list of files a run wrote into its folder, so a rebuild removes only those.
MANIFEST = ".monitorkit-report"


def publish_folder(
    folder: Path, outputs: dict[str, bytes], inputs: list[Path], what: str = "output"
) -> list[Path]:
    """Write a set of files (names relative to ``folder``) as a whole, touching nothing else.

    Every target is checked against the inputs first (no input is ever written
    over), and no subfolder may be a link out of ``folder``; the files are built
    in a temporary folder inside ``folder`` and then moved into place, so a run
    stopped midway leaves the previous set as it was. Of the files a previous run
    wrote (its manifest), those this run does not write again are removed; a file
    it did not write is never touched.
    """
    import shutil

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError("is not a folder", Location(str(folder)), "give a folder with -o")
    make_folder(folder)
    targets = {name: folder / name for name in outputs}
    subfolders = sorted({target.parent for target in targets.values()} - {folder})
    for sub in subfolders:
        if sub.is_symlink() or (sub.exists() and not sub.is_dir()):
            raise OutputError(
                f"the {what}'s {sub.name} folder is a link or a file",
                Location(str(sub)),
                "remove it or choose another -o folder",
            )
    for target in targets.values():
        refuse_inputs(target, inputs)
    previous = _manifest(folder)
    stage = Path(tempfile.mkdtemp(prefix=f".{what}-", dir=folder))
    try:
        for name, data in outputs.items():
            staged = stage / name
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
        for sub in subfolders:
            sub.mkdir(parents=True, exist_ok=True)
        for name, target in targets.items():
            os.replace(stage / name, target)
    except OSError as exc:
        raise OutputError(
            f"could not write the {what}: {exc.strerror or exc}",
            Location(str(folder)),
            "check that the folder is writable",
        ) from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    for name in previous - set(outputs):
        stale = folder / name
        if stale.is_file() and not stale.is_symlink():
            stale.unlink()
    write_atomic(folder / MANIFEST, "".join(f"{name}\n" for name in sorted(outputs)).encode())
    return [targets[name] for name in outputs]


def _manifest(folder: Path) -> set[str]:
    """The files the previous run in ``folder`` wrote (plain names under it only)."""
    try:
        lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {
        line for line in lines
        if line and not line.startswith(("/", "\\")) and ".." not in Path(line).parts
    }  # fmt: skip
