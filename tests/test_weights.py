"""Weighted estimates: weighted percentages, Kish effective bases, refused weights."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from exports import write_rows

ANSWERS = ["Ja", "Nee", "Ja", "Ja", "Nee", "", "Ja", "Nee", "Nee", "Ja"]
WEIGHTS = [0.5, 1.5, 2.0, 1.0, 0.8, 1.2, 0.6, 2.5, 1.0, 0.9]
GROUPS = ["G32", "G32", "overig", "overig", "overig", "G32", "overig", "overig", "G32", "overig"]


@pytest.fixture
def weighted_file(tmp_path):
    rows = [["id", "Koppeling: Leefbaarheid", "Koppeling: Vrijwilliger", "grootte", "gewicht"]]
    for number, (answer, weight, group) in enumerate(
        zip(ANSWERS, WEIGHTS, GROUPS, strict=True), start=1
    ):
        rows.append([number, answer, "Ja" if number % 3 else "Nee", group, str(weight)])
    return write_rows(tmp_path / "weighted.csv", rows)


def test_weighted_percent_bases_and_design_based_interval(run_cli, weighted_file):
    """Counts and bases by hand; SE, design effect and logit interval as R's survey gives them."""
    reference = json.loads(
        (Path(__file__).parent / "data" / "design" / "reference.json").read_text()
    )["weighted-small:y"]
    data = json.loads(run_cli("summarize", weighted_file, "--weight", "gewicht", "-f", "json").out)
    item = data["questions"][0]["items"][0]
    answered = np.array([a != "" for a in ANSWERS])
    yes = np.array([a == "Ja" for a in ANSWERS])
    w = np.array(WEIGHTS)
    share = w[yes].sum() / w[answered].sum()
    kish = w[answered].sum() ** 2 / (w[answered] ** 2).sum()
    assert (item["count"], item["base"]) == (5, 9)
    assert item["weighted_base"] == pytest.approx(w[answered].sum())
    assert item["weighted_count"] == pytest.approx(w[yes].sum())
    assert item["percent"] == pytest.approx(100 * share)
    assert item["effective_base"] == pytest.approx(kish)
    assert item["percent"] == pytest.approx(100 * reference["mean"], rel=1e-6)
    assert item["se"] == pytest.approx(100 * reference["se"], rel=1e-6)
    assert item["deff"] == pytest.approx(reference["deff"], rel=1e-6)
    assert item["ci_low"] == pytest.approx(100 * reference["low"], abs=1e-4)
    assert item["ci_high"] == pytest.approx(100 * reference["high"], abs=1e-4)
    assert data["interval"].startswith("logit")
    assert data["weights"] == {
        "column": "gewicht",
        "sum": pytest.approx(w.sum()),
        "kish_effective_n": pytest.approx(w.sum() ** 2 / (w**2).sum()),
    }
    assert "gewicht" not in [q["id"] for q in data["questions"]]


def test_weighted_group_tests_are_rao_scott(run_cli, weighted_file):
    data = json.loads(
        run_cli(
            "summarize", weighted_file, "--weight", "gewicht", "--by", "grootte", "-f", "json"
        ).out
    )
    test = data["questions"][0]["items"][0]["test"]
    assert test["name"].startswith("Rao-Scott F")
    assert test["pairwise"]["test"].startswith("Rao-Scott F")


def test_bad_weights_are_refused_with_their_rows(run_cli, tmp_path):
    rows = [
        ["id", "Q: a", "Q: b", "w"],
        [1, "Ja", "Nee", "1"],
        [2, "Nee", "Ja", "0"],
        [3, "Ja", "Ja", "-2"],
        [4, "Nee", "Nee", ""],
        [5, "Ja", "Nee", "inf"],
        [6, "Ja", "Nee", "1e400"],
    ]
    path = write_rows(tmp_path / "bad.csv", rows)
    result = run_cli("summarize", path, "--weight", "w")
    assert result.code == 3
    assert result.err == (
        f"monitorkit: error: {path}, column 'w': weights must be positive numbers; 5 row(s) have a "
        "missing, zero, negative or infinite weight: rows 3, 4, 5, 6, 7 (hint: fix or drop "
        "those rows, or rake the data again with 'monitorkit weight')\n"
    )
    unknown = run_cli("summarize", path, "--weight", "gewicht")
    assert unknown.code == 2 and "weight column 'gewicht' is not in the data" in unknown.err


def test_weighted_compare_combines_the_waves_design_based_intervals(
    run_cli, weighted_file, tmp_path
):
    """MOVER of the two waves' logit intervals, and a Wald z on their standard errors."""
    from scipy.stats import norm

    second = tmp_path / "weighted_2016.csv"
    second.write_bytes(weighted_file.read_bytes().replace(b"Nee", b"Ja", 2))
    data = json.loads(
        run_cli(
            "compare", weighted_file, second, "--weight", "gewicht", "--labels", "A,B", "-f", "json"
        ).out
    )
    assert data["interval"] == "MOVER of the waves' design-based (logit) intervals"
    item = data["questions"][0]["items"][0]
    a, b = item["waves"]["A"], item["waves"]["B"]
    diff = b["percent"] - a["percent"]
    low = diff - ((b["percent"] - b["ci_low"]) ** 2 + (a["ci_high"] - a["percent"]) ** 2) ** 0.5
    high = diff + ((b["ci_high"] - b["percent"]) ** 2 + (a["percent"] - a["ci_low"]) ** 2) ** 0.5
    assert item["diff_pp"] == pytest.approx(diff)
    assert item["diff_ci"] == [pytest.approx(low), pytest.approx(high)]
    z = diff / (a["se"] ** 2 + b["se"] ** 2) ** 0.5
    assert item["test"]["p"] == pytest.approx(2 * norm.sf(abs(z)))
    assert item["test"]["name"] == "Wald z-test on the waves' design-based standard errors"
