"""Intervals and tests equal independent implementations for the same counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitorkit.stats.estimates import (
    _test_table,
    mean_interval,
    proportion_interval,
    wilson_interval,
)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_matches_scipy_binomtest(pair):
    from scipy.stats import binomtest

    count, base = pair
    low, high = wilson_interval([count], [base])
    expected = binomtest(count, base).proportion_ci(confidence_level=0.95, method="wilson")
    assert low[0] == pytest.approx(expected.low * 100, abs=1e-9)
    assert high[0] == pytest.approx(expected.high * 100, abs=1e-9)


def test_wilson_interval_edges_zero_and_full_and_empty_base():
    low, high = wilson_interval([0, 20, 0], [20, 20, 0])
    assert low[0] == 0 and high[0] == pytest.approx(16.1125, abs=1e-4)
    assert high[1] == pytest.approx(100) and low[1] == pytest.approx(83.8875, abs=1e-4)
    assert np.isnan(low[2]) and np.isnan(high[2])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 400)), min_size=1, max_size=8),
    st.sampled_from([0.9, 0.95, 0.99, 0.5]),
)
def test_wilson_interval_equals_statsmodels_to_the_last_bit(pairs, confidence):
    """The closed form is the computation statsmodels makes, so summaries keep their bytes."""
    from statsmodels.stats.proportion import proportion_confint

    counts = np.array([min(count, base) for count, base in pairs], dtype=float)
    bases = np.array([base for _, base in pairs], dtype=float)
    low, high = proportion_interval(counts / bases, bases, confidence)
    share = np.nan_to_num(counts / bases) * bases
    expected = proportion_confint(share, bases, alpha=1 - confidence, method="wilson")
    assert low.tolist() == (expected[0] * 100).tolist()
    assert high.tolist() == (expected[1] * 100).tolist()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 10), min_size=2, max_size=300),
    st.sampled_from([0.9, 0.95, 0.99]),
)
def test_mean_interval_equals_statsmodels_to_the_last_bit(scores, confidence):
    from statsmodels.stats.weightstats import DescrStatsW

    values = np.array(scores, dtype=float)
    described = DescrStatsW(values, ddof=1)
    mean, sd, low, high = mean_interval(values, confidence)
    assert (mean, sd) == (described.mean, described.std)
    if described.std > 0:
        assert (low, high) == tuple(described.tconfint_mean(alpha=1 - confidence))


def test_chi_square_equals_hand_computed_pearson_statistic():
    table = np.array([[30, 20], [15, 35]])
    row, column, total = table.sum(1), table.sum(0), table.sum()
    expected = np.outer(row, column) / total
    statistic = ((table - expected) ** 2 / expected).sum()
    result = _test_table(table)
    assert result.name == "Pearson chi-square"
    assert result.statistic == pytest.approx(statistic)
    from scipy.stats import chi2

    assert result.p == pytest.approx(chi2.sf(statistic, 1))


def test_small_expected_counts_use_fisher_exact():
    from scipy.stats import fisher_exact

    table = np.array([[3, 1], [1, 4]])
    result = _test_table(table)
    assert (result.name, result.statistic) == ("Fisher exact", None)
    assert result.p == pytest.approx(fisher_exact(table)[1])


def exact_conditional_chi_square_p(table):
    """P(X^2 >= observed) over every 3x2 table with the observed margins (hypergeometric)."""
    from itertools import product

    from scipy.stats import chi2_contingency, multivariate_hypergeom

    rows, columns = table.sum(axis=1), table.sum(axis=0)
    observed = chi2_contingency(table, correction=False)[0]
    total = 0.0
    for first in product(*(range(int(r) + 1) for r in rows)):
        if sum(first) != columns[0]:
            continue
        candidate = np.column_stack([first, rows - np.array(first)])
        if (candidate.sum(axis=0) == 0).any():
            continue
        statistic = chi2_contingency(candidate, correction=False)[0]
        if statistic >= observed - 1e-9:
            total += multivariate_hypergeom.pmf(first, rows, columns[0])
    return total


def test_sparse_larger_tables_get_a_reproducible_monte_carlo_p():
    table = np.array([[3, 1], [1, 4], [2, 0]])
    first, second = _test_table(table), _test_table(table)
    assert first == second
    assert first.name == "Pearson chi-square, Monte Carlo p (20,000 tables)"
    exact = exact_conditional_chi_square_p(table)
    # R 4: chisq.test(x, simulate.p.value = TRUE, B = 1e6) gives 0.1124 (set.seed(1))
    assert exact == pytest.approx(0.1124, abs=0.001)
    assert first.p == pytest.approx(exact, abs=4 * (exact * (1 - exact) / 20_000) ** 0.5)
    assert first.cramers_v == pytest.approx((first.statistic / 11) ** 0.5)


def test_empty_groups_and_constant_outcomes_give_no_test():
    assert _test_table(np.array([[5, 0], [7, 0]])) is None
    assert _test_table(np.array([[5, 3], [0, 0]])) is None


def test_column_proportion_tests_holm_by_hand():
    from scipy.stats import norm

    from monitorkit.stats.estimates import column_proportion_tests

    cells = [("G4", (30, 10)), ("G32", (20, 16)), ("overig", (60, 140))]
    result = column_proportion_tests(cells)
    assert result.correction == "Holm over 3 pair(s)"

    def pooled(a, b):
        (ya, na), (yb, nb) = a, b
        p = (ya + yb) / (ya + na + yb + nb)
        se = (p * (1 - p) * (1 / (ya + na) + 1 / (yb + nb))) ** 0.5
        return 2 * norm.sf(abs(ya / (ya + na) - yb / (yb + nb)) / se)

    raw = [
        pooled(cells[0][1], cells[1][1]),
        pooled(cells[0][1], cells[2][1]),
        pooled(cells[1][1], cells[2][1]),
    ]
    order = sorted(range(3), key=lambda i: raw[i])
    holm, running = [0.0] * 3, 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (3 - rank) * raw[index]))
        holm[index] = running
    assert [pair.groups for pair in result.pairs] == [
        ("G4", "G32"),
        ("G4", "overig"),
        ("G32", "overig"),
    ]
    assert [pair.p for pair in result.pairs] == pytest.approx(raw)
    assert [pair.p_adjusted for pair in result.pairs] == pytest.approx(holm)
    assert [pair.significant for pair in result.pairs] == [h < 0.05 for h in holm]


def test_pairwise_tests_follow_the_overall_rule_for_small_counts_and_fpc():
    """Fisher for a pair with an expected count below 5; the overall FPC divides the rest."""
    from scipy.stats import chi2, fisher_exact, norm

    from monitorkit.stats.estimates import column_proportion_tests

    cells = [("G4", (9, 1)), ("G32", (20, 16)), ("overig", (60, 140))]
    plain = column_proportion_tests(cells)
    assert plain.pairs[0].p == pytest.approx(fisher_exact([[9, 1], [20, 16]])[1])
    assert plain.pairs[1].p == pytest.approx(fisher_exact([[9, 1], [60, 140]])[1])
    corrected = column_proportion_tests(cells, factor=0.4)
    share = 80 / 236
    z = (20 / 36 - 60 / 200) / (share * (1 - share) * (1 / 36 + 1 / 200)) ** 0.5
    assert plain.pairs[2].p == pytest.approx(2 * norm.sf(abs(z)))
    assert corrected.pairs[2].p == pytest.approx(chi2.sf(z**2 / 0.4, 1))
    assert corrected.pairs[0].p == plain.pairs[0].p  # Fisher: no FPC, as overall
    assert corrected.test.endswith(
        "; chi-square pairs with the overall test's finite population correction"
    )
    assert plain.test == (
        "Pearson chi-square per pair of groups (Fisher exact where an expected count is below 5)"
    )


def test_group_table_marks_significant_differences_with_letters(run_cli, tmp_path):
    """SPSS Custom Tables' convention: each group has a letter, and a cell lists the letters
    of the groups whose percentage is significantly lower."""
    from exports import write_rows

    rows = [["id", "Heeft wijkteam", "grootte"]]
    rows += [[i, "Ja", "G4"] for i in range(30)]
    rows += [[i, "Ja" if i % 2 else "Nee", "G32"] for i in range(30, 70)]
    rows += [[i, "Nee", "overig"] for i in range(70, 100)]
    path = write_rows(tmp_path / "g.csv", rows)
    out = run_cli("summarize", path, "--by", "grootte", "-f", "md").out
    header = next(line for line in out.splitlines() if line.startswith("| Item"))
    assert header.split(" | ")[1:5] == [
        "All %",
        "All 95% CI",
        "All n/base",
        "G32 (A) %",
    ]
    ja = next(line for line in out.splitlines() if line.startswith("| Ja |"))
    cells = [cell.strip() for cell in ja.strip("|").split("|")]
    assert cells[1:-1:3] == ["50.0%", "50.0% C", "100.0% AC", "0.0%"]
    assert cells[3::3] == ["50/100", "20/40", "30/30", "0/30"]
    assert cells[-1] == "<0.001"
    assert "p: Pearson chi-square." in out
    assert (
        "Letters: the percentage is significantly higher than in the group with that letter "
        "(Pearson chi-square per pair of groups (Fisher exact where an expected count is below "
        "5), p adjusted by Holm over 3 pair(s) (pairs only where the overall test is "
        "significant), at 5%)." in out
    )


def test_an_empty_group_has_no_percentage_and_no_pairwise_test(run_cli, tmp_path):
    import json

    from exports import write_rows

    rows = [["id", "Heeft wijkteam", "grootte"]]
    rows += [[i, "Ja" if i % 2 else "Nee", "G32"] for i in range(10)]
    rows += [[i, "", "G4"] for i in range(10, 13)]
    rows += [[i, "Ja" if i % 3 else "Nee", "overig"] for i in range(13, 40)]
    data = json.loads(
        run_cli(
            "summarize", write_rows(tmp_path / "e.csv", rows), "--by", "grootte", "-f", "json"
        ).out
    )
    question = data["questions"][0]
    groups = {g["group"]: g["items"][0] for g in question["groups"]}
    assert groups["G4"] == {
        "label": "Ja",
        "count": 0,
        "base": 0,
        "percent": None,
        "ci_low": None,
        "ci_high": None,
    }
    pairs = question["items"][0]["test"]["pairwise"]["pairs"]
    assert [p["groups"] for p in pairs] == [["G32", "overig"]]


@settings(max_examples=50, deadline=None)  # statsmodels runs gc.collect() per call
@given(st.lists(st.floats(0, 1, allow_nan=False), min_size=0, max_size=30))
def test_adjusted_p_values_equal_statsmodels(pvalues):
    from statsmodels.stats.multitest import multipletests

    from monitorkit.stats.estimates import adjust_pvalues

    for ours, theirs in (("holm", "holm"), ("bh", "fdr_bh")):
        expected = list(multipletests(pvalues, method=theirs)[1]) if pvalues else []
        assert adjust_pvalues(pvalues, ours) == pytest.approx(expected, abs=1e-12)
