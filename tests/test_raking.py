"""Raking against an independent implementation (ipfn), and its refusals."""

from __future__ import annotations

import csv
import json
import random

import numpy as np
import pandas as pd
import pytest

from exports import write_rows


@pytest.fixture
def sample(tmp_path):
    rng = random.Random(11)
    rows = [["id", "grootte", "regio", "Heeft wijkteam"]]
    for number in range(1, 121):
        rows.append(
            [
                number,
                rng.choice(["G4", "G32", "overig", "overig"]),
                rng.choice(["Noord", "Oost", "West", "Zuid", "West"]),
                rng.choice(["Ja", "Nee"]),
            ]
        )
    path = write_rows(tmp_path / "sample.csv", rows)
    margins = tmp_path / "margins.yaml"
    margins.write_text(
        "grootte: {G4: 4, G32: 36, overig: 353}\nregio: {Noord: 20, Oost: 25, West: 35, Zuid: 20}\n"
    )
    return path, margins, rows


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # inside ipfn, not monitorkit
def test_raked_weights_equal_ipfn(run_cli, sample, tmp_path):
    from ipfn import ipfn

    path, margins, rows = sample
    result = run_cli("weight", path, "-m", margins, "-o", tmp_path / "out.csv", "-f", "json")
    assert result.code == 0
    report = json.loads(result.out)
    assert report["converged"] is True and report["max_deviation"] < 1e-8
    ours = pd.read_csv(tmp_path / "out.csv")["weight"].to_numpy()

    frame = pd.DataFrame(rows[1:], columns=rows[0])
    frame["w"] = 1.0
    total = len(frame)
    size = pd.Series({"G4": 4, "G32": 36, "overig": 353}, dtype=float)
    region = pd.Series({"Noord": 20, "Oost": 25, "West": 35, "Zuid": 20}, dtype=float)
    size.index.name, region.index.name = "grootte", "regio"
    aggregates = [size / size.sum() * total, region / region.sum() * total]
    fitted = ipfn.ipfn(
        frame,
        aggregates,
        [["grootte"], ["regio"]],
        weight_col="w",
        convergence_rate=1e-12,
        max_iteration=1000,
    ).iteration()
    assert ours == pytest.approx(fitted["w"].to_numpy(), rel=1e-6)
    achieved = pd.Series(ours).groupby(frame["grootte"]).sum() / ours.sum()
    assert achieved["G32"] == pytest.approx(36 / 393)


def test_raking_refuses_missing_and_unknown_categories(run_cli, tmp_path):
    path = write_rows(
        tmp_path / "s.csv", [["id", "grootte"], [1, "G32"], [2, ""], [3, "overig"], [4, "G4"]]
    )
    margins = tmp_path / "m.yaml"
    margins.write_text("grootte: {G32: 0.1, overig: 0.9}\n")
    result = run_cli("weight", path, "-m", margins, "-o", tmp_path / "o.csv")
    assert result.code == 3
    assert result.err == (
        f"monitorkit: error: {path}, column 'grootte': 1 respondent(s) have no "
        "value to rake on: rows 3 (hint: fill in the value or drop those rows "
        "before weighting)\n"
    )
    path.write_text("id,grootte\n1,G32\n2,overig\n3,G4\n")
    result = run_cli("weight", path, "-m", margins, "-o", tmp_path / "o.csv")
    assert "categories not in the margins: G4 (hint: the margins list G32, overig)" in result.err


def test_raking_refuses_bad_base_weights_and_reports_non_convergence(run_cli, tmp_path):
    path = write_rows(
        tmp_path / "s.csv",
        [["id", "a", "b", "w"], [1, "x", "p", "1"], [2, "y", "q", "0"], [3, "x", "q", "1"]],
    )
    margins = tmp_path / "m.yaml"
    margins.write_text("a: {x: 0.5, y: 0.5}\nb: {p: 0.5, q: 0.5}\n")
    bad = run_cli("weight", path, "-m", margins, "-o", tmp_path / "o.csv", "--base-weight", "w")
    assert bad.code == 3 and "rows 3" in bad.err
    slow = run_cli(
        "weight",
        path,
        "-m",
        margins,
        "-o",
        tmp_path / "o.csv",
        "--max-iterations",
        "1",
        "-f",
        "json",
    )
    assert slow.code == 1
    assert json.loads(slow.out)["converged"] is False


def test_raked_file_escapes_formulas_but_keeps_numbers(run_cli, tmp_path):
    path = write_rows(tmp_path / "s.csv", [["id", "a", "note"], [1, "x", "=1+1"], [2, "y", "-5"]])
    margins = tmp_path / "m.yaml"
    margins.write_text("a: {x: 1, y: 3}\n")
    assert run_cli("weight", path, "-m", margins, "-o", tmp_path / "o.csv").code == 0
    rows = list(csv.DictReader((tmp_path / "o.csv").open()))
    assert [r["note"] for r in rows] == ["'=1+1", "-5"]
    assert np.isclose(float(rows[1]["weight"]) / float(rows[0]["weight"]), 3)


@pytest.mark.parametrize("target", [".nan", ".inf", "-.inf", "true", "'0.5'", "0"])
def test_margin_targets_must_be_finite_positive_numbers(run_cli, tmp_path, target):
    path = write_rows(tmp_path / "s.csv", [["id", "grootte"], [1, "G32"], [2, "overig"]])
    margins = tmp_path / "m.yaml"
    margins.write_text(f"grootte: {{G32: {target}, overig: 0.9}}\n")
    result = run_cli("weight", path, "-m", margins, "-o", tmp_path / "o.csv")
    assert result.code == 3
    assert result.err.startswith(
        f"monitorkit: error: {margins}, column 'grootte': target of 'G32' must be a positive "
        "number, got "
    )
    assert not (tmp_path / "o.csv").exists()
