"""Golden outputs: the bundled datasets rendered in every text format, compared byte for byte.

Any change of presentation shows up here, in review, as a diff of these files.
After an intended change, `make snapshots` writes them anew.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("MONITORKIT_UPDATE_SNAPSHOTS") == "1"

CASES = {
    "divosa-monitor-2011.txt": ("summarize", "divosa-monitor-2011"),
    "divosa-monitor-2011.md": ("summarize", "divosa-monitor-2011", "-f", "md"),
    "divosa-monitor-2011.csv": ("summarize", "divosa-monitor-2011", "-f", "csv"),
    "wijkteams-2015.json": ("summarize", "wijkteams-2015", "-f", "json"),
    "wijkteams-2015-by-grootte.txt": ("summarize", "wijkteams-2015", "--by", "gemeentegrootte"),
    "wijkteams-2015-nl.md": ("summarize", "wijkteams-2015", "-f", "md", "--locale", "nl"),
    "wijkteams-compare.txt": (
        "compare",
        "wijkteams-2014",
        "wijkteams-2015",
        "--allow-unit-mismatch",
    ),
    "wijkteams-compare.md": (
        "compare",
        "wijkteams-2014",
        "wijkteams-2015",
        "--allow-unit-mismatch",
        "-f",
        "md",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendered_output_matches_its_snapshot(name, run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    result = run_cli(*CASES[name])
    assert result.code == 0, result.err
    path = SNAPSHOTS / name
    if UPDATE:
        path.write_text(result.out, encoding="utf-8")

    expected = path.read_text(encoding="utf-8")
    assert result.out == expected, f"{name} changed: run 'make snapshots' if that is intended"


def _html_text(folder: Path) -> str:
    """report.html with each inline chart (SVG) shown as a placeholder: the text and markup
    are reviewed line by line; the drawings' bytes depend on the matplotlib release and are
    checked by tests/test_report.py (the same inputs give the same bytes)."""
    import re

    html = (folder / "report.html").read_text(encoding="utf-8")
    return re.sub(r"<svg\b.*?</svg>", "<svg/>", html, flags=re.S)


def _xlsx_text(path: Path) -> str:
    """Every sheet of a workbook as text: its page setup, tables and merged cells, then each
    filled cell with its value and number format."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    lines = []
    for sheet in book:
        setup = sheet.page_setup
        lines.append(
            f"== {sheet.title} | {setup.orientation} fitToWidth={setup.fitToWidth} "
            f"titles={sheet.print_title_rows} footer={sheet.oddFooter.right.text!r}"
        )
        lines += [f"table {name} {ref}" for name, ref in sheet.tables.items()]
        lines += [f"merged {cells}" for cells in sorted(str(c) for c in sheet.merged_cells.ranges)]
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    value = round(cell.value, 6) if isinstance(cell.value, float) else cell.value
                    lines.append(f"{cell.coordinate}\t{value!r}\t{cell.number_format}")
    return "\n".join(lines) + "\n"


FILE_CASES = {
    "wijkteams-2015-by-grootte.xlsx.txt": (
        ("summarize", "wijkteams-2015", "--by", "gemeentegrootte", "-o", "{out}/w.xlsx"),
        lambda out: _xlsx_text(out / "w.xlsx"),
    ),
    "wijkteams-compare-nl.xlsx.txt": (
        (
            *("compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch"),
            *("--locale", "nl", "-o", "{out}/c.xlsx"),
        ),
        lambda out: _xlsx_text(out / "c.xlsx"),
    ),
    "divosa-monitor-2011.html": (
        ("report", "divosa-monitor-2011", "-o", "{out}/report"),
        lambda out: _html_text(out / "report"),
    ),
    "wijkteams-2015-by-grootte-nl.html": (
        ("report", "wijkteams-2015", "--by", "gemeentegrootte", "--locale", "nl", "-o", "{out}/r"),
        lambda out: _html_text(out / "r"),
    ),
}


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_written_file_matches_its_snapshot(name, run_cli, tmp_path):
    args, as_text = FILE_CASES[name]
    result = run_cli(*(arg.replace("{out}", str(tmp_path)) for arg in args), "-q")
    assert result.code == 0, result.err
    text = as_text(tmp_path)
    path = SNAPSHOTS / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")

    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} changed: run 'make snapshots' if that is intended"
