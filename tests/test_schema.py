"""`summarize --format json` follows its documented JSON Schema, generated from the result types."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from monitorkit import summarize_survey
from monitorkit.render.schema import comparison_schema, summary_schema
from test_platforms import CASES

ROOT = Path(__file__).parents[1]
DESIGN = ROOT / "tests" / "data" / "design"
VALIDATOR = jsonschema.Draft202012Validator(summary_schema())


def problems(document, validator=VALIDATOR) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_the_schema_is_valid_and_the_documented_file_is_current():
    jsonschema.Draft202012Validator.check_schema(summary_schema())
    documented = json.loads((ROOT / "docs" / "summary.schema.json").read_text(encoding="utf-8"))
    assert documented == summary_schema(), "run `make docs` to regenerate docs/summary.schema.json"


def test_the_schema_command_prints_it(run_cli):
    result = run_cli("schema")
    assert result.code == 0
    assert json.loads(result.out) == summary_schema()


def test_every_result_field_is_described():
    item = summary_schema()["$defs"]["ItemEstimate"]
    assert item["required"] == ["label", "count", "base", "percent", "ci_low", "ci_high"]
    assert item["properties"]["percent"] == {"type": ["number", "null"]}
    assert item["properties"]["test"] == {
        "anyOf": [{"$ref": "#/$defs/TestResult"}, {"type": "null"}]
    }
    assert set(summary_schema()["$defs"]) >= {
        "QuestionResult", "ItemEstimate", "GroupEstimate", "NumericStats", "ScaleStats",
        "TestResult", "PairwiseTests", "PairTest", "MissingCount", "Reading",
    }  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_platform_exports_follow_the_schema(case, tmp_path):
    summary = summarize_survey(case.write(tmp_path), **case.options)
    assert problems(json.loads(json.dumps(summary.as_dict()))) == []


@pytest.mark.parametrize(
    "args",
    [
        ["divosa-monitor-2011", "--readings"],
        ["wijkteams-2015", "--population", "auto"],
        [DESIGN / "stratified.csv", "--by", "stratum", "--weight", "w"],
        [DESIGN / "stratified.csv", "--by", "stratum"],
    ],
    ids=["reconstructed", "fpc", "weighted-by-with-pairwise-tests", "by"],
)
def test_cli_outputs_follow_the_schema(run_cli, args):
    result = run_cli("summarize", *args, "-f", "json")
    assert result.code == 0, result.err
    assert problems(json.loads(result.out)) == []


def test_stratified_output_follows_the_schema(run_cli, tmp_path):
    population = tmp_path / "population.yaml"
    population.write_text("G4: 4\nG32: 36\n100k+: 15\noverig: 338\n")
    args = ("--strata", "stratum", "--population", population, "-f", "json")
    result = run_cli("summarize", DESIGN / "stratified.csv", *args)
    data = json.loads(result.out)
    assert problems(data) == []
    assert data["fpc"] == {"applied": True, "per_stratum": True, "source": str(population)}
    assert data["strata"]["strata"][2] == {"stratum": "G4", "respondents": 4, "population": 4}


def test_the_schema_rejects_what_the_output_never_holds(run_cli):
    data = json.loads(run_cli("summarize", "divosa-monitor-2011", "-f", "json").out)
    wrong = copy.deepcopy(data)
    wrong["questions"][0]["items"][0]["percent"] = "57,0%"
    assert problems(wrong) == [
        "questions/0/items/0/percent: '57,0%' is not of type 'number', 'null'"
    ]
    wrong = copy.deepcopy(data)
    del wrong["questions"][0]["base"]
    assert problems(wrong) == ["questions/0: 'base' is a required property"]
    wrong = copy.deepcopy(data)
    wrong["questions"][0]["items"][0]["pct"] = 57.0
    assert len(problems(wrong)) == 1


COMPARE_VALIDATOR = jsonschema.Draft202012Validator(comparison_schema())
CHANGES = ROOT / "tests" / "data" / "changes"


def compare_problems(document) -> list[str]:
    return problems(document, COMPARE_VALIDATOR)


def test_the_compare_schema_is_valid_and_documented():
    jsonschema.Draft202012Validator.check_schema(comparison_schema())
    documented = json.loads((ROOT / "docs" / "compare.schema.json").read_text(encoding="utf-8"))
    assert documented == comparison_schema(), "run `make docs` to regenerate docs/"


@pytest.mark.parametrize(
    "args",
    [
        ["wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch", "--population", "auto"],
        [*(CHANGES / f"monitor_{y}.csv" for y in (2014, 2015, 2017)), "--key", "gemeentecode"],
        [*(CHANGES / f"monitor_{y}.csv" for y in (2014, 2015, 2017))],
    ],
    ids=["fpc", "three-waves-full-panel", "three-waves-numeric"],
)
def test_compare_outputs_follow_the_schema(run_cli, args):
    result = run_cli("compare", *args, "-f", "json")
    assert result.code == 0, result.err
    assert compare_problems(json.loads(result.out)) == []


def test_a_partial_panel_and_a_weighted_comparison_follow_the_schema(run_cli, tmp_path):
    from test_compare import write_panel

    first, second = write_panel(tmp_path)
    data = json.loads(run_cli("compare", first, second, "-f", "json").out)
    assert "unpaired" in data["questions"][0]["items"][0]
    assert compare_problems(data) == []
    weighted = DESIGN / "groups.csv"
    copy_path = tmp_path / "groups_2016.csv"
    copy_path.write_bytes(weighted.read_bytes())
    result = run_cli(
        "compare", weighted, copy_path, "--weight", "w", "--labels", "a,b", "-f", "json"
    )
    data = json.loads(result.out)
    assert compare_problems(data) == []
    wrong = copy.deepcopy(data)
    wrong["questions"][0]["items"][0]["waves"]["a"]["percent"] = "57%"
    (problem,) = compare_problems(wrong)
    assert problem.startswith(
        "questions/0/items/0/waves/a: {'count': 78, 'base': 120, 'percent': '57%'"
    )
