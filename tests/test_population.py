"""Finite population correction: intervals and tests with a known population size."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from monitorkit.stats.estimates import _test_table, wilson_interval
from monitorkit.stats.population import Population, resolve_population


def wilson_by_hand(p, n, z=1.959963984540054):
    """Wilson (1927) score interval for a proportion p, in percent; n may be fractional."""
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return 100 * (centre - half), 100 * (centre + half)


@pytest.mark.parametrize(("count", "base", "size"), [(75, 204, 393), (60, 125, 133), (3, 20, 403)])
def test_wilson_with_fpc_uses_the_effective_sample_size(count, base, size):
    population = Population(size, "test")
    effective = base * (size - 1) / (size - base)
    low, high = wilson_interval([count], [base], population=population)
    expected = wilson_by_hand(count / base, effective)
    assert (low[0], high[0]) == (pytest.approx(expected[0]), pytest.approx(expected[1]))
    plain_low, plain_high = wilson_interval([count], [base])
    assert high[0] - low[0] < plain_high[0] - plain_low[0]


def test_a_census_has_no_sampling_error():
    low, high = wilson_interval([30], [40], population=Population(40, "test"))
    assert low[0] == pytest.approx(75) and high[0] == pytest.approx(75)


def test_chi_square_with_fpc_is_divided_by_the_factor():
    table = np.array([[30, 20], [15, 35]])
    plain = _test_table(table)
    corrected = _test_table(table, Population(150, "test"))
    factor = (150 - 100) / 149
    assert corrected.statistic == pytest.approx(plain.statistic / factor)
    assert corrected.name == "Pearson chi-square with FPC"
    assert corrected.p < plain.p


def test_population_auto_uses_the_cbs_count_for_the_survey_year(run_cli):
    data = json.loads(
        run_cli("summarize", "wijkteams-2015", "--population", "auto", "-f", "json").out
    )
    assert data["fpc"]["applied"] is True and data["fpc"]["population"] == 393
    assert "1 January 2015" in data["fpc"]["source"]
    item = next(q for q in data["questions"] if q["id"] == "medewerker_wi")["items"][0]
    # The item is a domain of the whole sample of 234 gemeenten: the FPC uses n = 234.
    assert data["source"]["rows"] == 234 and item["base"] == 204
    expected = wilson_by_hand(75 / 204, 204 * 392 / (393 - 234))
    assert item["ci_low"] == pytest.approx(expected[0])
    plain = json.loads(run_cli("summarize", "wijkteams-2015", "-f", "json").out)
    assert plain["fpc"] == {"applied": False}


def test_population_auto_refuses_surveys_that_are_not_of_municipalities(run_cli):
    result = run_cli("summarize", "divosa-monitor-2011", "--population", "auto")
    assert result.code == 2
    assert result.err == (
        "monitorkit: error: --population auto knows only the number of municipalities, and "
        "divosa-monitor-2011 is not a municipality survey (unit 'sociale dienst') (hint: pass "
        "the population size as a number, or set 'unit: gemeente' in the codebook)\n"
    )


def test_resolve_population_errors():
    assert resolve_population(None) is None
    assert resolve_population("393").size == 393
    with pytest.raises(Exception, match="needs the year"):
        resolve_population("auto", unit="gemeente", year=None)
    with pytest.raises(Exception, match="no municipality count for 1990"):
        resolve_population("auto", unit="gemeente", year=1990)


def test_compare_with_fpc_per_wave_year(run_cli):
    from monitorkit.stats.changes import difference

    data = json.loads(
        run_cli(
            "compare",
            "wijkteams-2014",
            "wijkteams-2015",
            "--allow-unit-mismatch",
            "--population",
            "auto",
            "-f",
            "json",
        ).out
    )
    assert [w["fpc"]["population"] for w in data["waves"]] == [403, 393]
    item = data["questions"][0]["items"][0]
    plain = difference(112, 204, 75, 204)
    assert item["diff_pp"] == pytest.approx(plain.diff_pp)
    width = item["diff_ci"][1] - item["diff_ci"][0]
    assert width < plain.diff_ci[1] - plain.diff_ci[0]
    census = difference(3, 10, 5, 10, Population(10, "t"), Population(10, "t"))
    assert census.diff_ci == (pytest.approx(20), pytest.approx(20))
    assert census.test.p is None


def test_codebook_population_field_applies_fpc(run_cli, tmp_path):
    from exports import write_rows

    path = write_rows(
        tmp_path / "s.csv",
        [["id", "Heeft wijkteam"]] + [[i, "Ja" if i % 3 else "Nee"] for i in range(1, 31)],
    )
    codebook = tmp_path / "cb.yaml"
    codebook.write_text(
        "population: 40\nquestions:\n  - id: team\n    type: battery\n"
        "    items: [{column: Heeft wijkteam, label: Heeft wijkteam}]\n"
    )
    data = json.loads(run_cli("summarize", path, "-c", codebook, "-f", "json").out)
    assert data["fpc"] == {
        "applied": True,
        "population": 40,
        "source": "40 (codebook field 'population')",
    }
    item = data["questions"][0]["items"][0]
    expected = wilson_by_hand(20 / 30, 30 * 39 / 10)
    assert (item["ci_low"], item["ci_high"]) == (
        pytest.approx(expected[0]),
        pytest.approx(expected[1]),
    )


def test_a_population_smaller_than_the_respondents_is_refused(run_cli):
    result = run_cli("summarize", "wijkteams-2015", "--population", "200")
    assert result.code == 2
    assert result.err == (
        "monitorkit: error: wijkteams-2015: the population (200, given with --population) is "
        "smaller than the 234 respondents (hint: give the size of the population the respondents "
        "were drawn from)\n"
    )


def test_groups_and_their_tests_use_the_whole_samples_fpc(run_cli, tmp_path):
    """FPC_RULE: a group is a domain of the sample, so its interval and the group test
    use the fraction of the population that responded at all (60 of 100)."""
    from scipy.stats import chi2

    from exports import write_rows

    rows = [["id", "Heeft wijkteam", "grootte"]]
    rows += [[i, "Ja" if i % 3 else "Nee", "G32"] for i in range(24)]
    rows += [[i, "Ja" if i % 2 else "Nee", "overig"] for i in range(24, 54)]
    rows += [[i, "", "overig"] for i in range(54, 60)]
    path = write_rows(tmp_path / "fpc.csv", rows)
    result = run_cli("summarize", path, "--by", "grootte", "--population", "100", "-f", "json")
    question = json.loads(result.out)["questions"][0]
    factor = (100 - 60) / 99
    g32 = next(g for g in question["groups"] if g["group"] == "G32")["items"][0]
    assert (g32["count"], g32["base"]) == (16, 24)
    low, high = wilson_by_hand(16 / 24, 24 / factor)
    assert (g32["ci_low"], g32["ci_high"]) == (pytest.approx(low), pytest.approx(high))
    table = np.array([[16, 8], [15, 15]])
    expected = np.outer(table.sum(1), table.sum(0)) / table.sum()
    statistic = ((table - expected) ** 2 / expected).sum() / factor
    test = question["items"][0]["test"]
    assert test["name"] == "Pearson chi-square with FPC"
    assert test["statistic"] == pytest.approx(statistic)
    assert test["p"] == pytest.approx(chi2.sf(statistic, 1))
