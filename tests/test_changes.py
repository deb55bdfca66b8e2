"""Change between waves against base R: trend, across-wave, McNemar and Welch tests.

tests/data/changes/reference.R wrote the three waves (2014, 2015, 2017; the same
80 municipalities in 2014 and 2017) and reference.json with R's prop.trend.test,
prop.test, binom.test and t.test on them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitorkit.stats.changes import difference, trend_test

HERE = Path(__file__).parent / "data" / "changes"
REFERENCE = json.loads((HERE / "reference.json").read_text())
WAVES = [str(HERE / f"monitor_{year}.csv") for year in (2014, 2015, 2017)]


def compared(run_cli, *options):
    result = run_cli("compare", *WAVES, "--key", "gemeentecode", "-f", "json", *options)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_three_waves_match_r(run_cli):
    data = compared(run_cli)
    assert data["trend_scores"] == {"2014": 2014.0, "2015": 2015.0, "2017": 2017.0}
    ja = data["questions"][0]["items"][0]
    assert [ja["waves"][w]["count"] for w in ("2014", "2015", "2017")] == REFERENCE["ja"]
    assert ja["trend"]["statistic"] == pytest.approx(REFERENCE["trend"]["statistic"], rel=1e-9)
    assert ja["trend"]["p"] == pytest.approx(REFERENCE["trend"]["p"], rel=1e-9)
    assert ja["across"]["statistic"] == pytest.approx(REFERENCE["across"]["statistic"], rel=1e-9)
    assert ja["across"]["df"] == REFERENCE["across"]["df"] == 2
    assert ja["across"]["p"] == pytest.approx(REFERENCE["across"]["p"], rel=1e-9)


def test_a_full_panel_is_analysed_as_paired(run_cli):
    ja = compared(run_cli)["questions"][0]["items"][0]
    (a, b), (c, d) = ja["paired"]["table"]
    assert [a, b, c, d] == REFERENCE["panel"]["table"]
    assert ja["overlap"] == 1.0 and "unpaired" not in ja
    assert ja["test"]["name"] == "McNemar exact"
    assert ja["test"]["p"] == pytest.approx(REFERENCE["panel"]["mcnemar_p"], rel=1e-9)
    assert ja["interval"] == "Newcombe square-and-add (paired)"
    # The same table as independent samples would say p = 0.040, not 0.011.
    independent = difference(35, 80, 48, 80)
    assert independent.test.p == pytest.approx(0.0397, abs=1e-4)
    assert ja["diff_pp"] == pytest.approx(independent.diff_pp)


@pytest.mark.parametrize(
    ("confidence", "low", "high"), [("0.95", "low", "high"), ("0.9", "low90", "high90")]
)
def test_numeric_question_compares_means_with_welch(run_cli, confidence, low, high):
    result = run_cli("compare", *WAVES, "-f", "json", "--confidence", confidence)
    data = json.loads(result.out)
    assert "panel" not in data  # the made-up codes are no CBS codes: independent samples
    means = data["questions"][1]["means"]
    welch = REFERENCE["welch"]
    assert (means["from"], means["to"]) == ("2014", "2017")
    assert means["diff"] == pytest.approx(welch["diff"], rel=1e-9)
    assert means["diff_ci"] == [
        pytest.approx(welch[low], rel=1e-9),
        pytest.approx(welch[high], rel=1e-9),
    ]
    assert means["test"]["p"] == pytest.approx(welch["p"], rel=1e-9)
    assert means["test"]["df"] == pytest.approx(welch["df"], rel=1e-9)


def test_positions_replace_years_when_waves_are_not_years(run_cli):
    data = compared(run_cli, "--labels", "voor,tijdens,na")
    assert data["trend_scores"] == {"voor": 1.0, "tijdens": 2.0, "na": 3.0}
    trend = data["questions"][0]["items"][0]["trend"]
    assert trend["p"] == pytest.approx(REFERENCE["trend_positions"]["p"], rel=1e-9)


def test_every_format_shows_the_trend_and_the_paired_change(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = run_cli("compare", *WAVES, "--key", "gemeentecode").out
    assert (
        "43.8% (35/80)   55.0% (44/80)   60.0% (48/80)      ↑ 16.2 *        4.7–27.1   0.011"
        "     0.053            0.108         80" in out
    )
    assert "6.00 (n 80)   6.73 (n 80)   6.86 (n 80)   ↑ 0.85 *   0.65–1.06   <0.001" in out
    assert "p trend: Cochran-Armitage test for trend over the years" in out
    md = run_cli("compare", *WAVES, "--key", "gemeentecode", "-f", "md").out
    assert (
        "| Mean | 6.00 (n 80) | 6.73 (n 80) | 6.86 (n 80) | 0.85 | 0.65–1.06 | <0.001 | 80 |" in md
    )
    assert "the change is paired, 95% Newcombe square-and-add (paired) interval" in md


def test_the_workbook_spreads_the_change_table_over_numbers(run_cli, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "waves.xlsx"
    assert run_cli("compare", *WAVES, "--key", "gemeentecode", "-o", target).code == 0
    sheet = load_workbook(target)["samenwerking_met_uwv"]
    header = [c.value for c in sheet[3]]
    assert header[:10] == [
        "Item",
        "2014 n",
        "2014 base",
        "2014 %",
        "2015 n",
        "2015 base",
        "2015 %",
        "2017 n",
        "2017 base",
        "2017 %",
    ]
    assert header[10:] == [
        "Change (pp)",
        "95% CI low",
        "95% CI high",
        "p",
        "p trend",
        "p across waves",
        "Paired n",
    ]
    row = [c.value for c in sheet[4]]
    assert row[:4] == ["Ja", 35, 80, 43.75]
    assert row[14] == pytest.approx(REFERENCE["trend"]["p"], rel=1e-9)
    means = load_workbook(target)["aantal_fte_in_het_team"]
    assert [c.value for c in means[3]][:4] == ["Item", "2014 n", "2014 mean", "2014 sd"]
    row = [c.value for c in means[4]]
    assert row[:3] == ["Mean", 80, pytest.approx(6.005)]
    assert row[10:13] == [
        pytest.approx(REFERENCE["paired_t"]["diff"]),
        pytest.approx(REFERENCE["paired_t"]["low"]),
        pytest.approx(REFERENCE["paired_t"]["high"]),
    ]


@settings(max_examples=40, deadline=None)
@given(st.integers(5, 200), st.integers(5, 200), st.data())
def test_two_wave_trend_is_the_squared_z_test(n_a, n_b, data):
    """Cochran–Armitage over two waves is the pooled two-proportion z-test."""
    k_a = data.draw(st.integers(1, n_a - 1))
    k_b = data.draw(st.integers(1, n_b - 1))
    trend = trend_test([k_a / n_a, k_b / n_b], [n_a, n_b], [0.0, 1.0])
    assert trend.p == pytest.approx(difference(k_a, n_a, k_b, n_b).test.p, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.integers(5, 300), st.integers(5, 300), st.data())
def test_mover_of_wilson_intervals_is_newcombes_interval(n_a, n_b, data):
    """The design-based change reduces to Newcombe's hybrid score interval when each
    wave's interval is Wilson's, as for a simple random sample."""
    from monitorkit.results import WaveCell
    from monitorkit.stats.changes import design_difference
    from monitorkit.stats.estimates import wilson_interval

    k_a = data.draw(st.integers(0, n_a))
    k_b = data.draw(st.integers(0, n_b))

    def cell(k, n):
        low, high = wilson_interval(k, n)
        return WaveCell(k, n, 100 * k / n, ci_low=float(low), ci_high=float(high), se=1.0)

    mover = design_difference(cell(k_a, n_a), cell(k_b, n_b))
    newcombe = difference(k_a, n_a, k_b, n_b)
    assert mover.diff_ci == (
        pytest.approx(newcombe.diff_ci[0], abs=1e-7),
        pytest.approx(newcombe.diff_ci[1], abs=1e-7),
    )


def test_design_trend_finds_a_monotone_series_and_not_a_flat_one():
    from monitorkit.results import WaveCell
    from monitorkit.stats.changes import design_across_test, design_trend_test

    def cells(percents, se=2.0):
        return [WaveCell(0, 100, p, se=se) for p in percents]

    rising = design_trend_test(cells([40, 45, 50, 55]), [2014, 2015, 2016, 2017])
    # slope 5 points a year with equal variances 4: z = sum((s - mean) p) / sqrt(v sum (s - mean)^2)
    z = (5 * (1.5**2 + 0.5**2) * 2 / 100) / ((4 / 100**2) * 5) ** 0.5
    assert rising.statistic == pytest.approx(z**2)
    assert rising.p < 1e-6
    flat = design_trend_test(cells([50, 52, 48, 50]), [2014, 2015, 2016, 2017])
    assert flat.p > 0.5
    across = design_across_test(cells([40, 45, 50, 55]))
    assert across.df == 3 and across.statistic == pytest.approx(
        sum((p - 47.5) ** 2 for p in (40, 45, 50, 55)) / 4
    )


def test_a_panel_where_paired_and_independent_tests_disagree():
    """42 of 100 before, 50 after: independent samples see nothing (p = 0.256), the 12
    respondents who changed (2 away, 10 towards) are a significant shift (p = 0.039)."""
    from scipy.stats import binomtest

    from monitorkit.stats.changes import paired_difference

    paired = paired_difference(((40, 2), (10, 48)))
    independent = difference(42, 100, 50, 100)
    assert independent.test.p == pytest.approx(0.2563716699)  # R: prop.test(correct = FALSE)
    assert paired.test.p == pytest.approx(binomtest(2, 12).pvalue) == pytest.approx(0.03857421875)
    assert paired.test.p < 0.05 < independent.test.p
    assert paired.diff_pp == pytest.approx(independent.diff_pp) == pytest.approx(8.0)
    # The paired interval is narrower: the two shares are strongly correlated.
    assert paired.diff_ci[1] - paired.diff_ci[0] < independent.diff_ci[1] - independent.diff_ci[0]


def test_a_weighted_stratified_partial_panel_matches_r(run_cli):
    """tests/data/changes/panel.R: the paired part as R's svymean/svyttest of the
    difference on the first wave's design, the other respondents as domains."""
    reference = json.loads((HERE / "panel.json").read_text())
    result = run_cli(
        "compare", HERE / "panel_2018.csv", HERE / "panel_2020.csv", "--key", "gemeentecode",
        "--weight", "w", "--strata", "stratum", "--population", HERE / "panel-design.yaml",
        "-f", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    question = next(q for q in json.loads(result.out)["questions"] if q["id"] != "stratum")
    ja = next(item for item in question["items"] if item["label"] == "Ja")
    paired = ja["paired"]
    assert paired["n"] == reference["paired_n"] == 99
    expected = reference["paired"]
    assert paired["change"]["diff_pp"] == pytest.approx(expected["diff"], rel=1e-9)
    assert paired["change"]["diff_ci"] == [
        pytest.approx(expected["low"], abs=1e-6),
        pytest.approx(expected["high"], abs=1e-6),
    ]
    assert paired["change"]["test"]["p"] == pytest.approx(expected["p"], rel=1e-9)
    assert paired["change"]["test"]["df"] == expected["df"]
    for part, key in (("first", "first_only"), ("last", "last_only")):
        cell, wanted = ja["unpaired"][part], reference[key]
        assert cell["percent"] == pytest.approx(wanted["percent"], rel=1e-9)
        assert cell["se"] == pytest.approx(wanted["se"], rel=1e-6)
        assert (cell["ci_low"], cell["ci_high"]) == (
            pytest.approx(wanted["low"], abs=1e-4),
            pytest.approx(wanted["high"], abs=1e-4),
        )
    assert ja["test"]["p"] is None and ja["overlap"] == pytest.approx(99 / (99 + 21 + 20))


def test_dutch_compare_columns_and_intervals(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    from test_compare import write_panel

    first, second = write_panel(tmp_path)
    out = run_cli("compare", first, second, "--locale", "nl", "--confidence", "0.9").out
    assert "Gepaard 90%-BI" in out and "Onafhankelijk 90%-BI" in out
    assert "2014 en 2015 delen maar een deel van hun respondenten (9 gekoppeld op" in out
    assert "90%-betrouwbaarheidsinterval (Newcombe square-and-add (gepaard)); p: McNemar" in out
    assert "* p < 0,05." in out
    assert "-69,3 tot 12,5" not in out  # 90%, not 95%
    assert " tot " in out and " to " not in out.split("Verschil:")[0]


def test_numbers_never_show_a_negative_zero():
    from monitorkit.render.numbers import fmt_interval, fmt_number

    assert fmt_number(-0.001, 2) == "0.00"
    assert fmt_number(-0.001, 2, "nl") == "0,00"
    assert fmt_interval(-0.001, 0.16, 2, "nl") == "0,00–0,16"
    assert fmt_interval(-2.5, 1.0, 1, "nl") == "-2,5 tot 1,0"
    assert fmt_interval(-2.5, 1.0, 1) == "-2.5 to 1.0"


def test_a_full_panel_compares_means_paired(run_cli):
    means = compared(run_cli)["questions"][1]["means"]
    reference = REFERENCE["paired_t"]
    assert means["paired"]["n"] == 80 and means["overlap"] == 1.0
    assert means["test"]["name"] == "paired t-test"
    assert means["diff"] == pytest.approx(reference["diff"], rel=1e-9)
    assert means["diff_ci"] == [
        pytest.approx(reference["low"], rel=1e-9),
        pytest.approx(reference["high"], rel=1e-9),
    ]
    assert means["test"]["p"] == pytest.approx(reference["p"], rel=1e-6)
    assert means["test"]["df"] == reference["df"]
