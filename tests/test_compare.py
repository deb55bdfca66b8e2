"""Wave comparison: Newcombe interval and z-test against independent computations."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exports import write_rows
from monitorkit.compare import difference, wave_labels


def newcombe_by_hand(k_a, n_a, k_b, n_b):
    """Newcombe (1998) method 10 from scipy's Wilson bounds: B minus A, in points."""
    from scipy.stats import binomtest

    p_a, p_b = k_a / n_a, k_b / n_b
    ci_a = binomtest(k_a, n_a).proportion_ci(method="wilson")
    ci_b = binomtest(k_b, n_b).proportion_ci(method="wilson")
    d = p_b - p_a
    low = d - math.sqrt((p_b - ci_b.low) ** 2 + (ci_a.high - p_a) ** 2)
    high = d + math.sqrt((ci_b.high - p_b) ** 2 + (p_a - ci_a.low) ** 2)
    return 100 * low, 100 * high


def pooled_z_p(k_a, n_a, k_b, n_b):
    from scipy.stats import norm

    pooled = (k_a + k_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return 2 * norm.sf(abs((k_b / n_b - k_a / n_a) / se))


@settings(max_examples=50, deadline=None)
@given(st.integers(5, 300), st.integers(5, 300), st.data())
def test_difference_matches_hand_newcombe_and_pooled_z(n_a, n_b, data):
    k_a = data.draw(st.integers(1, n_a - 1))
    k_b = data.draw(st.integers(1, n_b - 1))
    result = difference(k_a, n_a, k_b, n_b)
    assert result["diff_pp"] == pytest.approx(100 * (k_b / n_b - k_a / n_a))
    low, high = newcombe_by_hand(k_a, n_a, k_b, n_b)
    assert result["diff_ci"][0] == pytest.approx(low, abs=1e-7)
    assert result["diff_ci"][1] == pytest.approx(high, abs=1e-7)
    assert result["test"]["p"] == pytest.approx(pooled_z_p(k_a, n_a, k_b, n_b), rel=1e-7)


def test_edges_zero_and_hundred_percent():
    same = difference(0, 20, 0, 30)
    assert same["diff_pp"] == 0 and same["test"]["p"] is None
    assert "no variation" in same["test"]["note"]
    low, high = newcombe_by_hand(0, 20, 30, 30)
    full = difference(0, 20, 30, 30)
    assert full["diff_ci"] == [pytest.approx(low), pytest.approx(high)]
    assert difference(3, 0, 4, 10) == {"diff_pp": None, "diff_ci": None, "test": None}


def test_wave_labels_from_years_or_stems():
    assert wave_labels(["data/peiling_2014.xlsx", "export-2015-def.csv"]) == ["2014", "2015"]
    assert wave_labels(["a.csv", "b.csv"]) == ["a", "b"]
    assert wave_labels(["x2014.csv", "y2014.csv"]) == ["x2014", "y2014"]
    assert wave_labels(["a.csv", "b.csv"], "voor,na") == ["voor", "na"]


def test_the_wijkteams_waves_show_55_to_37(run_cli):
    result = run_cli("compare", "wijkteams-2014", "wijkteams-2015", "-f", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert [w["label"] for w in data["waves"]] == ["2014", "2015"]
    item = data["questions"][0]["items"][0]
    assert item["waves"]["2014"] == {"count": 112, "base": 204, "percent": pytest.approx(54.90196)}
    assert item["waves"]["2015"]["count"] == 75
    assert round(item["waves"]["2014"]["percent"]) == 55
    assert round(item["waves"]["2015"]["percent"]) == 37
    low, high = newcombe_by_hand(112, 204, 75, 204)
    assert item["diff_ci"] == [pytest.approx(low), pytest.approx(high)]
    assert item["test"]["p"] == pytest.approx(pooled_z_p(112, 204, 75, 204))
    assert "assumptions" in data["waves"][0]["provenance"]


def test_items_matched_by_label_when_columns_differ(run_cli, tmp_path):
    first = write_rows(
        tmp_path / "peiling_2014.csv",
        [["id", "Partners: Welzijn", "Partners: Zorg"]]
        + [[i, "Ja" if i % 2 else "Nee", "Ja"] for i in range(1, 11)],
    )
    second = write_rows(
        tmp_path / "peiling_2015.csv",
        [["id", "Partners [Zorg]", "Partners [Welzijn]"]]
        + [[i, "Nee", "Ja" if i < 9 else "Nee"] for i in range(1, 11)],
    )
    data = json.loads(run_cli("compare", first, second, "-f", "json").out)
    items = {i["label"]: i for i in data["questions"][0]["items"]}
    assert items["Welzijn"]["waves"]["2014"]["count"] == 5
    assert items["Welzijn"]["waves"]["2015"]["count"] == 8
    assert items["Zorg"]["diff_pp"] == pytest.approx(-100)


def test_compare_needs_two_files(run_cli):
    result = run_cli("compare", "wijkteams-2014")
    assert result.code == 2
    assert result.err == (
        "monitorkit: error: compare needs at least two files "
        "(hint: monitorkit compare A.xlsx B.xlsx)\n"
    )
