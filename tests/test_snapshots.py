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
