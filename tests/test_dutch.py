"""--locale nl: monitorkit's own words are Dutch in every renderer; the data stays as it is.

The check reads each output, takes out every text that comes from the data (question,
item and group labels, column names, the source's title) and fails on any word that is
English and not Dutch, so a new English fixed string fails here.
"""

from __future__ import annotations

import json
import re

import pytest

#: Words that are English and not Dutch (so never in a Dutch sentence).
ENGLISH_TEXT = """the and with from which that this these those not are were has have than where
when only each every group groups answered answer answers valid below above expected adjusted
pair pairs higher lower significantly weighted unweighted population correction reconstructed
published tables table change wave waves mean median respondents base bundled delimiter
statistic rows columns column sheet overview contents page total warning assumption note notes
source question questions none all to for at between any missing tabulated reason detail
without printed rebuilt marginals original responses never meaningful figures refer treated
spread itself size sizes one two rounding truncating up possible same time under rule
tested pooled sided paired independent last first minus points hybrid whiskers intervals made
unless otherwise stated its count counts selected chosen nobody shown differ differs"""
ENGLISH = frozenset(ENGLISH_TEXT.split())
#: JSON keys whose values are data: what the survey and its source call things.
DATA_KEYS = {"label", "group", "column", "id", "path", "instrument", "columns", "value"}


def data_texts(value, found: set[str]) -> set[str]:
    """Every text under a DATA_KEYS key of a JSON result, and the source's citation."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in DATA_KEYS and isinstance(item, str):
                found.add(item)
            elif key in DATA_KEYS and isinstance(item, list):
                found.update(x for x in item if isinstance(x, str))
            else:
                data_texts(item, found)
    elif isinstance(value, list):
        for item in value:
            data_texts(item, found)
    return found


def english_words(text: str, data: set[str]) -> set[str]:
    text = re.sub(r"--[a-z-]+", " ", text)  # option names are commands, not words
    for piece in sorted(data, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(piece)}(?!\w)", " ", text)
    return {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH}


def workbook_text(path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path)
    cells = [
        str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value
    ]
    footers = [sheet.oddFooter.right.text or "" for sheet in book]
    return "\n".join(cells + footers + book.sheetnames)


RUNS = {
    "summarize": ["summarize", "wijkteams-2015", "--by", "gemeentegrootte"],
    "summarize-md": ["summarize", "divosa-monitor-2011", "-f", "md"],
    "summarize-fpc-adjusted": [
        *("summarize", "wijkteams-2015", "--by", "gemeentegrootte"),
        *("--population", "auto", "--adjust", "holm", "--readings"),
    ],
    "summarize-by-md": ["summarize", "wijkteams-2015", "--by", "gemeentegrootte", "-f", "md"],
    "compare": ["compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch"],
    "compare-md": [
        "compare",
        "wijkteams-2014",
        "wijkteams-2015",
        "--allow-unit-mismatch",
        "-f",
        "md",
    ],
}


def _data(run_cli, args: list[str]) -> set[str]:
    files = [a for a in args[1:] if a.startswith(("wijkteams-", "divosa-"))]
    found: set[str] = {"gemeentegrootte", "respondent"}
    for name in files:
        summary = json.loads(run_cli("summarize", name, "-f", "json").out)
        data_texts(summary, found)
        provenance = summary.get("provenance") or {}
        found.update([provenance.get("source", ""), provenance.get("dataset", "")])
        found.add(summary["source"]["path"])
    return {text for text in found if text}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_dutch_output_has_no_english_fixed_words(run_cli, name):
    args = RUNS[name]
    result = run_cli(*args, "--locale", "nl")
    assert result.code == 0, result.err
    assert english_words(result.out, _data(run_cli, args)) == set()


def test_dutch_reproduce_and_check_have_no_english_fixed_words(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "600")
    for args in (["reproduce"], ["check"]):
        out = run_cli(*args, "--locale", "nl").out
        assert english_words(out, set()) == set(), args


@pytest.mark.parametrize(
    "args",
    [
        ["summarize", "wijkteams-2015", "--by", "gemeentegrootte"],
        ["compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch"],
    ],
)
def test_dutch_workbooks_have_no_english_fixed_words(run_cli, tmp_path, args):
    target = tmp_path / "nl.xlsx"
    assert run_cli(*args, "--locale", "nl", "-o", target, "-q").code == 0
    assert english_words(workbook_text(target), _data(run_cli, args)) == set()


def test_the_detector_finds_an_english_note(run_cli):
    """The check itself: the English output of the same run is full of such words."""
    args = RUNS["summarize-by-md"]
    found = english_words(run_cli(*args).out, _data(run_cli, args))
    assert {"respondents", "the", "with"} <= found


def test_dutch_messages_on_standard_error(run_cli, tmp_path):
    result = run_cli("summarize", "wijkteams-2015", "--locale", "nl", "-o", tmp_path / "s.md")
    assert result.err == f"geschreven: {tmp_path / 's.md'}\n"
    charts = run_cli(
        *("summarize", "divosa-monitor-2011", "--locale", "nl", "--charts", tmp_path / "c"),
    )
    assert charts.err.endswith(f"grafiekbestanden in {tmp_path / 'c'}\n")


def test_dutch_report_and_stapeling_have_no_english_fixed_words(run_cli, tmp_path):
    import html

    folder = tmp_path / "rapport"
    args = ["report", "wijkteams-2015", "--by", "gemeentegrootte", "--locale", "nl"]
    assert run_cli(*args, "-o", folder, "-q").code == 0
    page = (folder / "report.html").read_text(encoding="utf-8")
    page = re.sub(r"<(svg|style)\b.*?</\1>", " ", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    data = _data(run_cli, ["summarize", "wijkteams-2015"])
    assert english_words(text, data) == set()
    assert english_words((folder / "report.md").read_text(encoding="utf-8"), data) == set()
    register = tmp_path / "register.csv"
    register.write_text(
        "persoon,gemeente,periode,wet,voorziening\n"
        "P1,GM0363,2024,Wmo,W1\nP1,GM0363,2024,Jeugdwet,J1\nP2,GM0344,2024,Participatiewet,P1\n",
        encoding="utf-8",
    )
    for fmt in ("terminal", "md"):
        result = run_cli("stapeling", register, "--locale", "nl", "--disclosure", "cbs", "-f", fmt)
        assert english_words(result.out + result.err, {str(register)}) == set(), fmt
