"""Codebooks round-trip, bundled data is found and labelled, reconstruction is exact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from exports import qualtrics_rows, write_rows, write_xlsx, yes_no_rows
from monitorkit.codebook.model import codebook_from_dict, read_codebook
from monitorkit.io.datasets import data_dir
from monitorkit.published.consistency import consistent_rules, feasible_counts, nearest_count

REPO = Path(__file__).resolve().parents[1]


def test_inferred_codebook_round_trips_through_yaml(run_cli, tmp_path):
    data = write_rows(tmp_path / "qualtrics.csv", qualtrics_rows())
    target = tmp_path / "codebook.yaml"
    result = run_cli("codebook", "infer", data, "-o", target)
    assert result.code == 0 and result.err == f"wrote {target}: 2 questions\n"
    codebook = read_codebook(target)
    # ids are the export's own codes (Qualtrics' code row), not the question text
    assert [(q.id, q.type) for q in codebook.questions] == [("Q2", "multi"), ("Q3", "single")]
    assert [i.column for i in codebook.questions[0].items] == ["Q2_1", "Q2_2", "Q2_3"]
    inferred = json.loads(run_cli("summarize", data, "-f", "json").out)
    given = json.loads(run_cli("summarize", data, "-f", "json", "-c", target).out)
    assert inferred["questions"] == given["questions"]
    assert given["codebook"]["origin"] == "file"


def test_exclusive_option_is_marked_and_clashes_warned(tmp_path):
    from monitorkit.api import summarize_survey

    rows = [
        ["id", "Knelpunten: Geen knelpunten", "Knelpunten: Financiering"],
        ["1", "Ja", "Ja"],
        ["2", "Ja", "Nee"],
        ["3", "Nee", "Ja"],
    ]
    summary = summarize_survey(write_rows(tmp_path / "x.csv", rows))
    assert summary.responses.codebook.questions[0].items[0].exclusive
    assert list(summary.questions[0].warnings) == [
        "1 respondent(s) selected the exclusive option 'Geen knelpunten' together with "
        "other options"
    ]


def test_codebook_validation_names_field():
    from monitorkit.errors import CodebookError

    with pytest.raises(CodebookError) as error:
        codebook_from_dict({"questions": [{"id": "n", "type": "numeric"}]}, "cb.yaml")
    assert str(error.value) == (
        "cb.yaml, question 'n', field 'column': a numeric question needs the name of its column"
    )


def test_codebook_validate_command(run_cli, tmp_path):
    data = write_xlsx(tmp_path / "d.xlsx", yes_no_rows("dash"))
    cb = data_dir() / "codebooks" / "divosa-monitor-2011.yaml"
    result = run_cli("codebook", "validate", cb, "divosa-monitor-2011")
    assert result.code == 0
    assert result.out.endswith(
        "valid, 5 questions; every column is present in divosa-monitor-2011\n"
    )
    assert run_cli("codebook", "validate", cb, data).code == 3


def test_grim_feasible_counts_for_the_divosa_anders_figure():
    assert feasible_counts(10, 95, rule="half_up") == []
    assert feasible_counts(10, 95, rule="half_even") == []
    assert feasible_counts(10, 95, rule="truncate") == [10]
    assert nearest_count(48, 125) == (60, True)
    tabel_1 = [6, 62, 44, 42, 42, 22, 10]
    assert consistent_rules(tabel_1, 95) == ["truncate"]
    assert consistent_rules([98, 27, 17], 99) == ["half_up", "half_even", "truncate"]


PRINTED = {
    "knelpunten": (95, [6, 62, 44, 42, 42, 22, 10]),
    "financiering_wwb": (99, [98, 27, 17]),
    "financiering_wmo": (95, [80, 59, 20]),
    "samenwerkingspartners": (95, [64, 40, 74, 64, 72, 59, 42, 16]),
}


def test_bundled_divosa_dataset_reproduces_the_printed_tables(run_cli):
    result = run_cli("summarize", "divosa-monitor-2011", "-f", "json")
    data = json.loads(result.out)
    assert data["provenance"]["kind"] == "reconstructed"
    assert data["source"]["path"] == "divosa-monitor-2011"
    assert data["codebook"] == {
        "instrument": "divosa-monitor-2011",
        "origin": "bundled",
        "path": "codebooks/divosa-monitor-2011.yaml",
    }
    questions = {q["id"]: q for q in data["questions"]}
    for question_id, (base, printed) in PRINTED.items():
        question = questions[question_id]
        assert question["base"] == base
        rule = "truncate" if question_id == "knelpunten" else "half_up"
        shown = [
            int(i["percent"]) if rule == "truncate" else int(i["percent"] + 0.5)
            for i in question["items"]
        ]
        assert shown == printed, question_id
    battery = questions["koppelingen_wmo"]
    assert [(i["base"], round(i["percent"])) for i in battery["items"]] == [
        (125, 48),
        (123, 32),
        (124, 33),
    ]


def test_reconstructed_knelpunten_respect_exclusive_and_at_least_one():
    from monitorkit.stats.responses import read_survey

    responses = read_survey("divosa-monitor-2011")
    states = responses.question("knelpunten").states
    answered = (states >= 0).all(axis=1)
    geen = states[:, 0] == 1
    others = (states[answered][:, 1:] == 1).sum(axis=1)
    assert (others[geen[answered]] == 0).all()
    assert (others[~geen[answered]] >= 1).all()


def test_every_output_of_reconstructed_data_says_so(run_cli, tmp_path):
    terminal = run_cli("summarize", "divosa-monitor-2011")
    assert "RECONSTRUCTED DATA" in terminal.out
    markdown = run_cli("summarize", "divosa-monitor-2011", "-f", "md")
    assert "RECONSTRUCTED DATA" in markdown.out
    listing = run_cli("datasets")
    assert listing.out.startswith("divosa-monitor-2011\t")
    assert "[reconstructed from published tables]" in listing.out


def test_reconstruction_is_byte_identical_and_matches_the_bundled_files(run_cli, tmp_path):
    import shutil

    for folder in ("first", "second"):
        shutil.copytree(data_dir() / "published", tmp_path / folder / "published")
        shutil.copytree(
            data_dir() / "reconstructed" / "specs", tmp_path / folder / "reconstructed" / "specs"
        )
        assert run_cli("reconstruct", "--data-dir", tmp_path / folder).code == 0
    produced = sorted(
        p.relative_to(tmp_path / "first").as_posix()
        for p in (tmp_path / "first").rglob("*")
        if p.is_file() and "specs" not in p.parts and "published" not in p.parts
    )
    assert produced == [
        "codebooks/divosa-monitor-2011.yaml",
        "codebooks/wijkteams-2014.yaml",
        "codebooks/wijkteams-2015.yaml",
        "reconstructed/datasets.yaml",
        "reconstructed/divosa-monitor-2011.csv",
        "reconstructed/scp-sociaal-domein-2015.parquet",
        "reconstructed/wijkteams-2014.csv",
        "reconstructed/wijkteams-2015.csv",
    ]
    for relative in produced:
        first = (tmp_path / "first" / relative).read_bytes()
        assert first == (tmp_path / "second" / relative).read_bytes()
        if relative.endswith(".parquet"):
            continue  # the register is rebuilt from its spec, not bundled
        assert first == (data_dir() / relative).read_bytes(), relative


def test_cli_start_up_imports_no_heavy_libraries():
    code = (
        "import sys, monitorkit.cli; heavy = {'pandas', 'numpy', 'matplotlib', 'statsmodels', "
        "'scipy', 'pyarrow'} & set(sys.modules); print(sorted(heavy))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"


def test_python_dash_m_runs_the_cli():
    output = subprocess.run(
        [sys.executable, "-m", "monitorkit", "--help"], capture_output=True, text=True, check=True
    )
    assert "summarize" in output.stdout and "datasets" in output.stdout


def test_a_copied_bundled_file_is_the_users_own_data(run_cli, tmp_path):
    copy = tmp_path / "mijn-export.csv"
    copy.write_bytes((data_dir() / "reconstructed" / "divosa-monitor-2011.csv").read_bytes())
    result = run_cli("summarize", copy)
    assert "bundled dataset" not in result.out and "RECONSTRUCTED" not in result.out
    data = json.loads(run_cli("summarize", copy, "-f", "json").out)
    assert data["codebook"]["origin"] == "inferred" and "provenance" not in data


def test_a_bundled_codebook_applies_when_named(run_cli, tmp_path):
    copy = tmp_path / "mijn-export.csv"
    copy.write_bytes((data_dir() / "reconstructed" / "divosa-monitor-2011.csv").read_bytes())
    data = json.loads(run_cli("summarize", copy, "-c", "divosa-monitor-2011", "-f", "json").out)
    assert data["codebook"]["origin"] == "bundled" and "provenance" not in data
    assert [q["base"] for q in data["questions"]][:4] == [95, 99, 95, 95]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        # full question texts: the first words, cut after a whole word, at most 32 characters
        (
            ["Hoe tevreden bent u over de samenwerking met het wijkteam?"],
            "hoe_tevreden_bent_u_over_de",
        ),
        (["Welke knelpunten ervaart u?"], "welke_knelpunten_ervaart_u"),
    ],
)
def test_inferred_ids_from_question_text_are_short_and_whole_words(
    run_cli, tmp_path, headers, expected
):
    rows = [["id", *headers]] + [[i, "Ja" if i % 2 else "Nee"] for i in range(10)]
    data = json.loads(run_cli("summarize", write_rows(tmp_path / "t.csv", rows), "-f", "json").out)
    assert [q["id"] for q in data["questions"]] == [expected]
