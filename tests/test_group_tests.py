"""Group differences under a design: Rao–Scott F against R's svychisq, effect sizes, --adjust.

tests/data/design/groups.R wrote groups.csv (a municipal survey stratified by
gemeentegrootte with a census stratum G4, weights and missing answers) and
groups.json with ``svychisq(~regio + item, design)`` under three designs.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from monitorkit.stats.design import rao_scott

HERE = Path(__file__).parent / "data" / "design"
REFERENCE = json.loads((HERE / "groups.json").read_text())
GROUPS = HERE / "groups.csv"
POPULATION = HERE / "groups-population.yaml"


@pytest.fixture(scope="module")
def frame():
    import pandas as pd

    return pd.read_csv(GROUPS)


@pytest.mark.parametrize("design", ["stratified_fpc", "stratified", "weighted"])
@pytest.mark.parametrize("item", ["antwoord", "optie"])
def test_rao_scott_matches_svychisq(frame, design, item):
    import pandas as pd

    strata = None if design == "weighted" else pd.Categorical(frame.stratum).codes
    sizes = frame.N.to_numpy(float) if design == "stratified_fpc" else None
    result = rao_scott(
        pd.Categorical(frame.regio).codes.astype(int),
        pd.Categorical(frame[item]).codes.astype(int),
        frame.w.to_numpy(float),
        strata,
        sizes,
    )
    reference = REFERENCE[f"{design}:{item}"]
    assert result.statistic == pytest.approx(reference["statistic"], rel=1e-9)
    assert result.ndf == pytest.approx(reference["ndf"], rel=1e-9)
    assert result.ddf == pytest.approx(reference["ddf"], rel=1e-9)
    assert result.p == pytest.approx(reference["p"], abs=1e-9)


def summarized(run_cli, *options):
    result = run_cli("summarize", GROUPS, "--weight", "w", "--by", "regio", "-f", "json", *options)
    assert result.code == 0, result.err
    return {q["id"]: q for q in json.loads(result.out)["questions"]}


def test_the_cli_runs_rao_scott_on_the_declared_design(run_cli):
    questions = summarized(run_cli, "--strata", "stratum", "--population", POPULATION)
    for item in ("antwoord", "optie"):
        test = questions[item]["items"][0]["test"]
        reference = REFERENCE[f"stratified_fpc:{item}"]
        assert (
            test["name"] == "Rao-Scott F (second-order corrected Pearson chi-square, as R svychisq)"
        )
        assert test["p"] == pytest.approx(reference["p"], abs=1e-9)
        assert (test["df"], test["df_denominator"]) == (
            pytest.approx(reference["ndf"]),
            pytest.approx(reference["ddf"]),
        )
    weighted = summarized(run_cli)["antwoord"]["items"][0]["test"]
    assert weighted["p"] == pytest.approx(REFERENCE["weighted:antwoord"]["p"], abs=1e-9)


def test_pairs_are_domains_of_the_same_design_and_protected(run_cli):
    questions = summarized(run_cli, "--strata", "stratum", "--population", POPULATION)
    nee = questions["antwoord"]["items"][1]
    assert nee["label"] == "Nee"
    pairs = {tuple(p["groups"]): p for p in nee["test"]["pairwise"]["pairs"]}
    # noord vs oost on "Nee" alone is p = 0.0026 (0.008 after Holm), but the question's
    # overall test is not significant (p = 0.067), so no pair is called different.
    assert pairs[("noord", "oost")]["p_adjusted"] < 0.05
    assert not any(p["significant"] for p in pairs.values())
    assert nee["test"]["pairwise"]["correction"].endswith(
        "(pairs only where the overall test is significant)"
    )


def test_cramers_v_and_cohens_h(run_cli, tmp_path):
    from exports import write_rows

    rows = [["id", "Heeft wijkteam", "grootte"]]
    rows += [[i, "Ja" if i % 4 else "Nee", "G32"] for i in range(40)]
    rows += [[i, "Ja" if i % 2 else "Nee", "overig"] for i in range(40, 100)]
    data = json.loads(
        run_cli(
            "summarize", write_rows(tmp_path / "h.csv", rows), "--by", "grootte", "-f", "json"
        ).out
    )
    ja = data["questions"][0]["items"][0]
    # G32 30/40 Ja, overig 30/60 Ja
    assert ja["test"]["cohens_h"] == pytest.approx(
        2 * math.asin(math.sqrt(0.5)) - 2 * math.asin(math.sqrt(0.75))
    )
    table = np.array([[30, 10], [30, 30]])
    expected = np.outer(table.sum(1), table.sum(0)) / 100
    chi_square = ((table - expected) ** 2 / expected).sum()
    assert ja["test"]["cramers_v"] == pytest.approx(math.sqrt(chi_square / 100))


@pytest.fixture
def partners(tmp_path):
    import random

    from exports import write_rows

    random.seed(5)
    rows = [["id", *(f"Partners: {p}" for p in ("UWV", "GGD", "Woningcorporatie", "Politie"))]]
    rows[0].append("grootte")
    for number in range(150):
        group = random.choice(["G32", "overig", "overig"])
        shares = [0.7 if group == "G32" else 0.45, 0.52, 0.54, 0.56]
        rows.append([number, *("Ja" if random.random() < s else "Nee" for s in shares), group])
    return write_rows(tmp_path / "partners.csv", rows)


@pytest.mark.parametrize("method", ["holm", "bh"])
def test_adjust_over_the_items_of_a_table(run_cli, partners, method):
    from scipy.stats import false_discovery_control

    def items(*options):
        result = run_cli("summarize", partners, "--by", "grootte", "-f", "json", *options)
        return json.loads(result.out)["questions"][0]["items"]

    raw = [item["test"]["p"] for item in items()]
    adjusted = items("--adjust", method)
    if method == "bh":
        expected = list(false_discovery_control(raw, method="bh"))
    else:  # Holm by hand: step down over the sorted p-values, kept monotone
        order = sorted(range(4), key=raw.__getitem__)
        expected, running = [0.0] * 4, 0.0
        for rank, index in enumerate(order):
            running = max(running, min(1.0, (4 - rank) * raw[index]))
            expected[index] = running
    assert [item["test"]["p"] for item in adjusted] == pytest.approx(raw)
    assert [item["test"]["p_adjusted"] for item in adjusted] == pytest.approx(expected)
    name = {"holm": "Holm", "bh": "Benjamini-Hochberg"}[method]
    assert adjusted[0]["test"]["adjustment"] == f"{name} over 4 test(s) of the question's items"


def test_adjusted_p_reaches_every_format(run_cli, partners, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    monkeypatch.setenv("COLUMNS", "200")
    out = run_cli("summarize", partners, "--by", "grootte", "--adjust", "holm").out
    header = next(line for line in out.splitlines() if line.lstrip().startswith("Item "))
    assert header.split()[-2:] == ["p", "adj."]
    assert "p adj.: adjusted by Holm over 4 test(s) of the question's items." in out
    rows = list(
        csv.DictReader(
            io.StringIO(
                run_cli(
                    "summarize", partners, "--by", "grootte", "--adjust", "holm", "-f", "csv"
                ).out
            )
        )
    )
    assert rows[0]["p_adjusted"] and float(rows[0]["p_adjusted"]) >= float(rows[0]["p"])
    target = tmp_path / "a.xlsx"
    run_cli("summarize", partners, "--by", "grootte", "--adjust", "holm", "-o", target)
    sheet = next(s for s in load_workbook(target) if s.title != "Overview")
    assert "p adj." in [c.value for row in sheet.iter_rows(max_row=8) for c in row]


def test_unknown_adjustment_is_a_usage_error(run_cli, partners):
    result = run_cli("summarize", partners, "--adjust", "bonferroni")
    assert result.code == 2
    assert "Invalid value for '--adjust'" in result.err


def test_the_codebook_can_give_the_population_per_stratum(run_cli, tmp_path):
    import yaml

    codebook = tmp_path / "groups.yaml"
    assert run_cli("codebook", "infer", GROUPS, "-o", codebook).code == 0
    data = yaml.safe_load(codebook.read_text(encoding="utf-8"))
    data["population"] = yaml.safe_load(POPULATION.read_text(encoding="utf-8"))
    codebook.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli(
        "summarize", GROUPS, "-c", codebook, "--strata", "stratum", "--weight", "w",
        "--by", "regio", "-f", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["fpc"]["source"] == "the codebook's population per stratum"
    antwoord = next(q for q in summary["questions"] if q["id"] == "antwoord")
    test = antwoord["items"][0]["test"]
    assert test["p"] == pytest.approx(REFERENCE["stratified_fpc:antwoord"]["p"], abs=1e-9)
    without = run_cli("summarize", GROUPS, "-c", codebook)
    assert without.code == 2
    assert "the codebook gives the population per stratum, but no --strata column" in without.err


def test_a_bad_population_per_stratum_names_the_stratum(run_cli, tmp_path):
    codebook = tmp_path / "bad.yaml"
    codebook.write_text(
        "instrument: x\npopulation: {G4: 4, G32: veel}\nquestions:\n"
        "- {id: antwoord, label: Antwoord, type: single, column: antwoord}\n",
        encoding="utf-8",
    )
    result = run_cli("summarize", GROUPS, "-c", codebook, "--strata", "stratum")
    assert result.code == 3
    assert "stratum 'G32': the population size must be a whole number, got 'veel'" in result.err


@settings(max_examples=12, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["G32", "overig"]), st.booleans()), min_size=12, max_size=80)
)
def test_a_simple_random_sample_keeps_wilson_and_pearson(rows):
    """Without weights or strata nothing design-based enters: Wilson intervals per item and
    Pearson's chi-square (Fisher for a sparse 2x2) across the groups, as before."""
    import tempfile

    from scipy.stats import chi2_contingency, fisher_exact
    from statsmodels.stats.proportion import proportion_confint

    from exports import write_rows
    from monitorkit import summarize_survey

    assume(0 < sum(yes for _, yes in rows) < len(rows))
    with tempfile.TemporaryDirectory() as folder:
        table = [["id", "Heeft wijkteam", "grootte"]]
        table += [[i, "Ja" if yes else "Nee", group] for i, (group, yes) in enumerate(rows)]
        summary = summarize_survey(write_rows(Path(folder) / "srs.csv", table), by="grootte")
    ja = next(item for item in summary.questions[0].items if item.label == "Ja")
    count = sum(yes for _, yes in rows)
    low, high = proportion_confint(count, len(rows), method="wilson")
    assert (ja.count, ja.base) == (count, len(rows))
    assert (ja.ci_low, ja.ci_high) == (pytest.approx(100 * low), pytest.approx(100 * high))
    counts = np.array(
        [[sum(y for g, y in rows if g == name), sum(not y for g, y in rows if g == name)]
         for name in ("G32", "overig")]
    )  # fmt: skip
    counts = counts[counts.sum(axis=1) > 0]
    counts = counts[:, counts.sum(axis=0) > 0]
    if counts.shape != (2, 2):
        assert ja.test is None
        return
    expected = np.outer(counts.sum(1), counts.sum(0)) / counts.sum()
    if expected.min() < 5:
        assert ja.test.name == "Fisher exact"
        assert ja.test.p == pytest.approx(fisher_exact(counts)[1])
    else:
        statistic, p, _, _ = chi2_contingency(counts, correction=False)
        assert ja.test.name == "Pearson chi-square"
        assert (ja.test.statistic, ja.test.p) == (pytest.approx(statistic), pytest.approx(p))


def test_a_miscased_design_column_gets_the_right_hint(run_cli):
    strata = run_cli("summarize", GROUPS, "--strata", "Stratum")
    assert strata.code == 2
    assert strata.err == (
        f"monitorkit: error: {GROUPS}: --strata column 'Stratum' is not in the data "
        "(hint: the closest header is 'stratum')\n"
    )
    weight = run_cli("summarize", GROUPS, "--weight", "W")
    assert weight.code == 2 and "(hint: the closest header is 'w')" in weight.err


@pytest.fixture
def two_splits(tmp_path):
    import random

    from exports import write_rows

    random.seed(3)
    rows = [["id", "grootte", "regio", "Partners: UWV", "Partners: GGD", "Aantal fte"]]
    for number in range(200):
        size, region = random.choice(["G4", "G32", "overig"]), random.choice(["Noord", "Zuid"])
        uwv = random.random() < (0.8 if size == "G4" else 0.4)
        ggd = random.random() < (0.7 if region == "Noord" else 0.4)
        answers = ["Ja" if uwv else "Nee", "Ja" if ggd else "Nee", random.randint(1, 20)]
        rows.append([number, size, region, *answers])
    return write_rows(tmp_path / "splits.csv", rows)


def test_two_by_columns_stand_side_by_side_each_with_its_own_tests(run_cli, two_splits):
    """--by A --by B: every group of both columns, letters over the whole table but
    compared within one breakdown, and a p per breakdown equal to that of --by alone."""
    both = json.loads(
        run_cli("summarize", two_splits, "--by", "grootte", "--by", "regio", "-f", "json").out
    )
    assert both["by"] == "grootte" and both["by_columns"] == ["grootte", "regio"]
    partners = next(q for q in both["questions"] if q["id"] == "partners")
    assert [b["by"] for b in partners["breakdowns"]] == ["grootte", "regio"]
    for column, breakdown in zip(("grootte", "regio"), partners["breakdowns"], strict=True):
        alone = json.loads(run_cli("summarize", two_splits, "--by", column, "-f", "json").out)
        single = next(q for q in alone["questions"] if q["id"] == "partners")
        assert [t["p"] for t in breakdown["tests"]] == [i["test"]["p"] for i in single["items"]]
        assert breakdown["groups"] == single["groups"]

    out = run_cli("summarize", two_splits, "--by", "grootte", "--by", "regio", "-f", "md").out
    out = out[out.index("## Partners") :]
    header = next(line for line in out.splitlines() if line.startswith("| Item"))
    titles = [cell.strip() for cell in header.strip("| ").split(" | ")]
    assert titles[4::3][:5] == [
        "grootte: G32 (A) %",
        "grootte: G4 (B) %",
        "grootte: overig (C) %",
        "regio: Noord (D) %",
        "regio: Zuid (E) %",
    ]
    assert titles[-2:] == ["p grootte", "p regio"]
    uwv = next(line for line in out.splitlines() if line.startswith("| UWV |"))
    cells = [cell.strip() for cell in uwv.strip("| ").split(" | ")]
    assert cells[4:-2:3] == ["40.0%", "73.6% AC", "37.7%", "50.0%", "52.9%"]
    ggd = next(line for line in out.splitlines() if line.startswith("| GGD |"))
    assert [cell.strip() for cell in ggd.strip("| ").split(" | ")][13:-2:3] == ["74.5% E", "32.4%"]


def test_two_by_columns_in_csv_name_the_column_of_each_group(run_cli, two_splits):
    rows = list(
        csv.DictReader(
            io.StringIO(
                run_cli(
                    "summarize", two_splits, "--by", "grootte", "--by", "regio", "-f", "csv"
                ).out
            )
        )
    )
    fte = [(r["by"], r["group"], r["base"]) for r in rows if r["question"] == "aantal_fte"]
    assert fte == [
        ("", "", "200"),
        ("grootte", "G32", "75"),
        ("grootte", "G4", "72"),
        ("grootte", "overig", "53"),
        ("regio", "Noord", "98"),
        ("regio", "Zuid", "102"),
    ]
    uwv = [r for r in rows if r["question"] == "partners" and r["item"] == "UWV" and r["by"]]
    assert {(r["by"], r["test"]) for r in uwv} == {
        ("grootte", "Pearson chi-square"),
        ("regio", "Pearson chi-square"),
    }
    assert len({r["p"] for r in uwv if r["by"] == "regio"}) == 1


def test_a_nested_by_splits_each_group_by_the_next_column(run_cli, two_splits):
    """--by 'grootte*regio': one group per combination, counted from the respondents who
    have both; the two columns themselves are not broken down by it."""
    data = json.loads(run_cli("summarize", two_splits, "--by", "grootte*regio", "-f", "json").out)
    partners = next(q for q in data["questions"] if q["id"] == "partners")
    names = [g["group"] for g in partners["groups"]]
    assert names == [
        f"{size} · {region}" for size in ("G32", "G4", "overig") for region in ("Noord", "Zuid")
    ]
    assert sum(g["base"] for g in partners["groups"]) == 200
    alone = json.loads(run_cli("summarize", two_splits, "--by", "grootte", "-f", "json").out)
    g32 = next(g for g in next(q for q in alone["questions"] if q["id"] == "partners")["groups"])
    nested = [g for g in partners["groups"] if g["group"].startswith("G32 · ")]
    assert sum(g["items"][0]["count"] for g in nested) == g32["items"][0]["count"]
    sizes = next(q for q in data["questions"] if q["id"] == "grootte")
    assert "groups" not in sizes
