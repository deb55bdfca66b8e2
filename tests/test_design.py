"""Design-based proportions against R's survey package (svymean, svyciprop logit, deff).

tests/data/design/reference.R computed reference.json from stratified.csv, a
stratified municipal sample with weights (G4, G32, 100k+, overig and their
numbers of municipalities); the test compares without R installed.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from monitorkit.stats.design import design_mean, design_proportions

HERE = Path(__file__).parent / "data" / "design"
REFERENCE = json.loads((HERE / "reference.json").read_text())
DATA = pd.read_csv(HERE / "stratified.csv")


def estimates(design: str, confidence: float = 0.95):
    items = DATA[["y1", "y2"]]
    strata = None if design == "weighted" else DATA["stratum"].to_numpy()
    sizes = DATA["N"].to_numpy(dtype=float) if design == "stratified_fpc" else None
    return design_proportions(
        (items == 1).to_numpy(),
        items.notna().to_numpy(),
        DATA["w"].to_numpy(dtype=float),
        strata,
        sizes,
        confidence,
    )


@pytest.mark.parametrize("design", ["stratified_fpc", "stratified", "weighted"])
@pytest.mark.parametrize("index, item", [(0, "y1"), (1, "y2")])
def test_matches_r_survey(design, index, item):
    reference = REFERENCE[f"{design}:{item}"]
    result = estimates(design)
    assert result.share[index] == pytest.approx(reference["mean"], rel=1e-6)
    assert result.se[index] == pytest.approx(reference["se"], rel=1e-6)
    assert result.deff[index] == pytest.approx(reference["deff"], rel=1e-6)
    assert 100 * result.low[index] == pytest.approx(100 * reference["low"], abs=1e-4)
    assert 100 * result.high[index] == pytest.approx(100 * reference["high"], abs=1e-4)
    at90 = estimates(design, 0.90)
    assert 100 * at90.low[index] == pytest.approx(100 * reference["low90"], abs=1e-4)
    assert 100 * at90.high[index] == pytest.approx(100 * reference["high90"], abs=1e-4)


def test_two_strata_by_hand():
    """Unweighted, two strata of known size: the textbook stratified variance."""
    selected = np.array([[1], [0], [1], [1], [0], [0]], dtype=bool)
    valid = np.ones_like(selected)
    strata = np.array([0, 0, 0, 1, 1, 1])
    sizes = np.array([30.0, 30.0, 30.0, 60.0, 60.0, 60.0])
    weights = sizes / 3
    result = design_proportions(selected, valid, weights, strata, sizes)
    p = (30 * 2 / 3 + 60 * 1 / 3) / 90
    variance = sum(
        (n_h / 90) ** 2 * (1 - 3 / n_h) * p_h * (1 - p_h) * 3 / 2 / 3
        for n_h, p_h in ((30, 2 / 3), (60, 1 / 3))
    )
    assert result.share[0] == pytest.approx(p)
    assert result.se[0] == pytest.approx(np.sqrt(variance))


POPULATION = "G4: 4\nG32: 36\n100k+: 15\noverig: 338\n"


def test_summarize_with_strata_and_a_population_file_matches_r(run_cli, tmp_path):
    population = tmp_path / "population.yaml"
    population.write_text(POPULATION)
    result = run_cli(
        "summarize", HERE / "stratified.csv", "--strata", "stratum", "--population", population,
        "--weight", "w", "-f", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["interval"].startswith("logit")
    questions = {q["columns"][0]: q for q in data["questions"]}
    for item in ("y1", "y2"):
        reference = REFERENCE[f"stratified_fpc:{item}"]
        yes = next(i for i in questions[item]["items"] if i["label"] == "1")
        assert yes["percent"] == pytest.approx(100 * reference["mean"], rel=1e-6)
        assert yes["se"] == pytest.approx(100 * reference["se"], rel=1e-6)
        assert yes["deff"] == pytest.approx(reference["deff"], rel=1e-6)
        assert yes["ci_low"] == pytest.approx(100 * reference["low"], abs=1e-4)
        assert yes["ci_high"] == pytest.approx(100 * reference["high"], abs=1e-4)


def test_strata_population_errors_are_usage_errors(run_cli, tmp_path):
    data = HERE / "stratified.csv"
    small = tmp_path / "small.yaml"
    small.write_text(POPULATION.replace("G32: 36", "G32: 10"))
    result = run_cli("summarize", data, "--strata", "stratum", "--population", small)
    assert result.code == 2
    assert "stratum 'G32': the population (10) is smaller than its 20 respondents" in result.err
    partial = tmp_path / "partial.yaml"
    partial.write_text("G4: 4\nG32: 36\n")
    result = run_cli("summarize", data, "--strata", "stratum", "--population", partial)
    assert result.code == 2
    assert "no size for stratum '100k+', 'overig'" in result.err
    result = run_cli("summarize", data, "--strata", "stratum", "--population", "393")
    assert result.code == 2
    assert "with --strata, --population names a file" in result.err


def test_stratified_summary_names_its_design(run_cli, tmp_path):
    """Strata alone still give design-based intervals, and every output says so."""
    population = tmp_path / "population.yaml"
    population.write_text(POPULATION)
    args = ("summarize", HERE / "stratified.csv", "--strata", "stratum", "--population", population)
    result = run_cli(*args)
    assert result.code == 0, result.err
    expected = (
        "Stratified by 'stratum' (4 strata); intervals: logit for percentages, t for means, "
        "design-based standard errors; "
        "finite population correction: population size per stratum."
    )
    assert expected in " ".join(result.out.split())
    dutch = run_cli(*args, "--locale", "nl")
    assert "Gestratificeerd naar 'stratum' (4 strata)" in " ".join(dutch.out.split())


NUMERIC = pd.read_csv(HERE / "numeric.csv")
MEAN_FIELDS = ("mean", "se", "low", "high", "median", "sd")


@pytest.mark.parametrize("design", ["stratified_fpc", "weighted"])
@pytest.mark.parametrize("region", ["all", "noord", "zuid"])
def test_design_mean_matches_r(design, region):
    """svymean, confint(df = degf), svyquantile(qrule = "math") and svyvar on a domain."""
    stratified = design == "stratified_fpc"
    estimate = design_mean(
        NUMERIC["uren"].to_numpy(dtype=float),
        NUMERIC["w"].to_numpy(),
        NUMERIC["stratum"].to_numpy() if stratified else None,
        NUMERIC["N"].to_numpy(dtype=float) if stratified else None,
        domain=None if region == "all" else (NUMERIC["regio"] == region).to_numpy(),
    )
    reference = REFERENCE[f"numeric:{design}:{region}"]
    for name in MEAN_FIELDS:
        assert getattr(estimate, name) == pytest.approx(reference[name], rel=1e-6), name


def test_weighted_numeric_question_is_design_based_in_every_group(run_cli):
    result = run_cli(
        "summarize", HERE / "numeric.csv", "--weight", "w", "--by", "regio", "-f", "json"
    )
    assert result.code == 0, result.err
    question = next(q for q in json.loads(result.out)["questions"] if q["id"] == "uren")
    columns = {"all": question["stats"], **{g["group"]: g["stats"] for g in question["groups"]}}
    for region, stats in columns.items():
        reference = REFERENCE[f"numeric:weighted:{region}"]
        for name in MEAN_FIELDS:
            key = {"low": "ci_low", "high": "ci_high"}.get(name, name)
            assert stats[key] == pytest.approx(reference[name], rel=1e-6), (region, name)
    assert question["stats"]["test"]["note"] == (
        "unweighted: ranks the answers as given, not the design"
    )
    table = run_cli("summarize", HERE / "numeric.csv", "--weight", "w", "--confidence", "0.9")
    assert "mean 90% CI" in table.out


def test_unweighted_numeric_question_has_no_design_fields(run_cli):
    result = run_cli("summarize", HERE / "numeric.csv", "-f", "json")
    stats = next(q for q in json.loads(result.out)["questions"] if q["id"] == "uren")["stats"]
    assert set(stats) == {"n", "mean", "median", "sd", "min", "max"}
    assert stats["mean"] == pytest.approx(NUMERIC["uren"].mean())


def test_weighted_scale_mean_uses_the_design(run_cli, tmp_path):
    """A Likert mean score under weights is the design mean of its scores (positions 1-5)."""
    points = ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"]
    answers = [4, 5, 3, 4, 2, 5, 1, 4, 3, 4, None, 5]
    weights = [1.2, 0.8, 1.0, 1.5, 0.7, 1.1, 0.9, 1.3, 1.0, 0.6, 1.0, 1.4]
    rows = [f"{points[a - 1] if a else ''},{w}" for a, w in zip(answers, weights, strict=True)]
    data = tmp_path / "tevredenheid.csv"
    data.write_text("Hoe tevreden bent u?,gewicht\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = run_cli("summarize", data, "--weight", "gewicht", "-f", "json")
    assert result.code == 0, result.err
    scale = json.loads(result.out)["questions"][0]["scale"]
    scores = np.array([np.nan if a is None else a for a in answers], dtype=float)
    expected = design_mean(scores, np.array(weights))
    answered = ~np.isnan(scores)
    hand = (scores[answered] * np.array(weights)[answered]).sum() / np.array(weights)[
        answered
    ].sum()
    assert scale["mean"] == pytest.approx(hand)
    assert (scale["ci_low"], scale["ci_high"]) == pytest.approx((expected.low, expected.high))
    assert scale["n"] == 11


def test_weighted_numeric_interval_reaches_csv_and_xlsx(run_cli, tmp_path):
    import csv

    import openpyxl

    data = HERE / "numeric.csv"
    result = run_cli("summarize", data, "--weight", "w", "-o", tmp_path / "out.csv")
    assert result.code == 0, result.err
    with open(tmp_path / "out.csv", encoding="utf-8") as stream:
        row = next(r for r in csv.DictReader(stream) if r["question"] == "uren")
    reference = REFERENCE["numeric:weighted:all"]
    assert float(row["ci_low"]) == pytest.approx(reference["low"], rel=1e-6)
    assert float(row["ci_high"]) == pytest.approx(reference["high"], rel=1e-6)
    assert run_cli("summarize", data, "--weight", "w", "-o", tmp_path / "out.xlsx").code == 0
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["uren"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(
        ("Group", "n", "mean", "se", "CI low", "CI high", "median", "sd", "min", "max")
    )
    assert rows[header + 1][3] == pytest.approx(reference["se"], rel=1e-6)
