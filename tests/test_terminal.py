"""Terminal output: plain in a pipe, --width, --questions, and a closed pipe ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from exports import write_rows

REPO = Path(__file__).resolve().parents[1]


def _many_questions(tmp_path: Path, questions: int = 150) -> Path:
    rows = [["id", *(f"Vraag {q}: heeft u contact met partner {q}?" for q in range(questions))]]
    rows += [[r, *("Ja" if (r + q) % 3 else "Nee" for q in range(questions))] for r in range(40)]
    return write_rows(tmp_path / "many.csv", rows)


def test_output_to_a_pipe_is_plain_and_unwrapped(run_cli, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    out = run_cli("summarize", "wijkteams-2015", "--questions", "teamvorm").out
    assert not set("│┃━╇") & set(out)
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Item "))
    assert set(lines[header + 1].strip()) == {"-"}
    # the longest label stays on one line: nothing is wrapped at 80 columns
    assert any(
        "Gemeenten met één of meerdere teams specifiek gericht op jeugd en gezin" in line
        for line in lines
    )


def test_width_wraps_terminal_output_at_the_width_given(run_cli):
    out = run_cli("summarize", "wijkteams-2015", "--questions", "teamvorm", "--width", "60").out
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 60
    assert "Teamvorm en specialisatie" in out


def test_width_out_of_range_is_a_usage_error(run_cli):
    result = run_cli("summarize", "wijkteams-2015", "--width", "10")
    assert result.code == 2
    assert "Invalid value for '--width': 10 is not in the range 40<=x<=1000." in result.err


def test_questions_selects_and_orders_the_tables(run_cli):
    import json

    out = run_cli(
        "summarize", "wijkteams-2015", "--questions", "teamvorm,gemeentegrootte", "-f", "json"
    ).out
    assert [q["id"] for q in json.loads(out)["questions"]] == ["teamvorm", "gemeentegrootte"]
    compared = run_cli(
        "compare",
        "wijkteams-2014",
        "wijkteams-2015",
        "--allow-unit-mismatch",
        "--questions",
        "medewerker_wi",
        "-f",
        "json",
    ).out
    assert [q["id"] for q in json.loads(compared)["questions"]] == ["medewerker_wi"]


def test_an_unknown_question_id_names_the_known_ones(run_cli):
    result = run_cli("summarize", "wijkteams-2015", "--questions", "teamvorm,nope")
    assert result.code == 2
    assert result.err.startswith(
        "monitorkit: error: unknown question id(s): nope "
        "(hint: the question ids are gemeentegrootte, werkt_met_wijkteams, "
    )
    result = run_cli(
        "compare",
        "wijkteams-2014",
        "wijkteams-2015",
        "--allow-unit-mismatch",
        "--questions",
        "teamvorm",
    )
    assert result.code == 2
    assert result.err == (
        "monitorkit: error: unknown question id(s) that the waves share: teamvorm "
        "(hint: the question ids are medewerker_wi)\n"
    )


def test_a_closed_pipe_ends_quietly_with_exit_0(tmp_path):
    """`monitorkit summarize big.csv | head -1`: no traceback, no error, exit 0."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    for fmt in ("terminal", "csv"):
        command = ["summarize", str(_many_questions(tmp_path)), "-f", fmt, "-q"]
        process = subprocess.Popen(
            [sys.executable, "-m", "monitorkit", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        assert process.wait(timeout=60) == 0
        assert process.stderr.read() == b""
