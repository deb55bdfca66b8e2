"""Text from the data stays inert in every output: no formula, no HTML, no escape sequence."""

from __future__ import annotations

import csv
import io
import re

import pytest

from exports import write_rows

PAYLOADS = [
    '=HYPERLINK("http://x","klik")',
    "<script>alert(1)</script>",
    "\x1b[31mRood\x1b[0m",
    "$\\foo$ kosten",
    "[bold]vet[/bold]",
]
GROUPS = ["=1+1", "-", "<b>G4</b>", "+31 6", "@SUM(A1)"]


@pytest.fixture
def hostile(tmp_path):
    rows = [["id", *(f"{payload}: Ja" for payload in PAYLOADS), "groep"]]
    for number in range(50):
        answers = ["Ja" if (number + k) % (k + 2) else "Nee" for k in range(len(PAYLOADS))]
        rows.append([number, *answers, GROUPS[number % len(GROUPS)]])
    return write_rows(tmp_path / "hostile.csv", rows)


def test_every_workbook_cell_is_inert(run_cli, hostile, tmp_path):
    from openpyxl import load_workbook

    summary, comparison = tmp_path / "s.xlsx", tmp_path / "c.xlsx"
    assert run_cli("summarize", hostile, "--by", "groep", "-o", summary, "-q").code == 0
    labels = "=wave,-b"
    assert run_cli("compare", hostile, hostile, "--labels", labels, "-o", comparison).code == 0
    texts = []
    for path in (summary, comparison):
        for sheet in load_workbook(path):
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, sheet.title, cell.coordinate)
                    if isinstance(cell.value, str):
                        texts.append(cell.value)
    assert not [t for t in texts if t.startswith(("=", "+", "@")) or "\x1b" in t]
    assert any(t.startswith("'=1+1") for t in texts)  # the group is there, as text
    assert any(t.startswith("'@SUM(A1)") for t in texts)


def test_csv_and_markdown_and_terminal_are_inert(run_cli, hostile, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    table = run_cli("summarize", hostile, "--by", "groep", "-f", "csv").out
    values = [value for row in csv.reader(io.StringIO(table)) for value in row]
    assert not [v for v in values if v.startswith(("=", "+", "@")) or "\x1b" in v]
    markdown = run_cli("summarize", hostile, "--by", "groep", "-f", "md").out
    assert not re.search(r"(?<!\\)<(script|b|/script)", markdown)
    assert "\\<script>alert(1)\\</script>" in markdown
    terminal = run_cli("summarize", hostile, "--by", "groep")
    assert terminal.code == 0 and "\x1b" not in terminal.out
    assert "[bold]vet[/bold]" in terminal.out  # markup in the data is shown, not applied


def test_chart_text_is_plain_text(run_cli, hostile, tmp_path):
    charts = tmp_path / "charts"
    result = run_cli("summarize", hostile, "--charts", charts, "-q")
    assert result.code == 0, result.err
    svgs = [p.read_text(encoding="utf-8") for p in charts.glob("*.svg")]
    assert svgs and not any("<script>" in svg for svg in svgs)


def test_a_lone_dash_and_numbers_stay_as_they_are():
    from monitorkit.io.files import escape_formula

    assert escape_formula("-") == "-" and escape_formula("+") == "+"
    assert escape_formula("-5") == "-5" and escape_formula("+31") == "+31"
    assert escape_formula("-x") == "'-x" and escape_formula("=1") == "'=1"
    assert escape_formula("Rood\x1b[0m\x07") == "Rood[0m"
    assert escape_formula(3) == 3
