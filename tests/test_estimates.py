"""Intervals and tests equal independent implementations for the same counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitorkit.estimates import _test_table, wilson_interval


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


def test_chi_square_equals_hand_computed_pearson_statistic():
    table = np.array([[30, 20], [15, 35]])
    row, column, total = table.sum(1), table.sum(0), table.sum()
    expected = np.outer(row, column) / total
    statistic = ((table - expected) ** 2 / expected).sum()
    result = _test_table(table)
    assert result["name"] == "Pearson chi-square"
    assert result["statistic"] == pytest.approx(statistic)
    from scipy.stats import chi2

    assert result["p"] == pytest.approx(chi2.sf(statistic, 1))


def test_small_expected_counts_use_fisher_exact():
    from scipy.stats import fisher_exact

    table = np.array([[3, 1], [1, 4]])
    assert _test_table(table) == {
        "name": "Fisher exact",
        "p": pytest.approx(fisher_exact(table)[1]),
    }


def test_sparse_larger_tables_keep_a_named_chi_square_deterministically():
    table = np.array([[3, 1], [1, 4], [2, 0]])
    first, second = _test_table(table), _test_table(table)
    assert first == second
    assert first["name"] == "Pearson chi-square (expected counts < 5)"


def test_empty_groups_and_constant_outcomes_give_no_test():
    assert _test_table(np.array([[5, 0], [7, 0]])) is None
    assert _test_table(np.array([[5, 3], [0, 0]])) is None
