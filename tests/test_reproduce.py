"""`monitorkit reproduce` and the reconstructed wijkteams waves."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from monitorkit.api import reproduce_figures
from monitorkit.published.registry import read_registry
from monitorkit.published.reproduce import round_as_printed


@pytest.fixture(scope="module")
def results():
    return {r.figure.id: r for r in reproduce_figures()}


def test_every_computable_figure_matches_and_nothing_is_skipped(results):
    registry = read_registry()
    assert set(results) == set(registry.figures)
    counts = Counter(r.status for r in results.values())
    assert counts["mismatch"] == 0
    assert counts["match"] == 82
    assert counts["match"] + counts["not computable"] == len(registry.figures)
    for result in results.values():
        if result.status == "not computable":
            assert result.reason


def test_the_55_to_37_change_is_reproduced(results):
    assert (
        results["movisie2016-medewerker-wi-2014"].computed,
        results["movisie2016-medewerker-wi-2015"].computed,
    ) == (55.0, 37.0)
    assert results["movisie2016-medewerker-wi-2015"].n == 204


def test_truncated_tables_are_compared_under_truncation(results):
    anders = results["vj2012-t1-anders"]
    assert (anders.status, anders.rule, anders.computed) == ("match", "truncate", 10.0)
    assert anders.exact == pytest.approx(1000 / 95)
    geen = results["stimulansz2016-geen-wijkteam"]
    assert (geen.status, geen.rule, geen.n) == ("match", "half_up", 234)


def test_one_rounding_rule_per_dataset_and_a_stated_departure_per_table():
    from monitorkit.io.datasets import list_datasets

    datasets = {d.name: d.provenance for d in list_datasets()}
    assert set(datasets["wijkteams-2015"]["rounding"].values()) == {"half_up"}
    notes = datasets["wijkteams-2015"]["notes"]
    assert (
        "werkt_met_wijkteams: 87% + 12% of 234 is 99%; under half_up both print only if some "
        "answer neither, as `monitorkit check` finds likeliest: 1 of 234 answer 'Weet niet' "
        "(kept in the base)"
    ) in notes
    divosa = datasets["divosa-monitor-2011"]
    assert {rule for figure, rule in divosa["rounding"].items() if "-t1-" in figure} == {"truncate"}
    assert {rule for figure, rule in divosa["rounding"].items() if "-t1-" not in figure} == {
        "half_up"
    }
    knelpunten = next(n for n in divosa["notes"] if n.startswith("knelpunten:"))
    assert (
        "vj2012-t1-anders (10% of 95): the item's N was 90-94, 96-100 rather than 95; a "
        "misprint of 9 or 11, which print from 95 under half_up; the table rounded by "
        "truncate, unlike the rest"
    ) in knelpunten


def test_national_and_verbal_figures_say_why_they_are_not_computable(results):
    assert results["stimulansz2016-bijstand-2016"].reason.startswith("a national or administrative")
    assert results["vj2012-geen-resultaatmeting"].reason == (
        "a verbal quantity ('ruim een vijfde') without a number"
    )
    assert results["vj2012-t32-huishouding-ja"].reason == (
        "no N printed and not rebuilt in a reconstructed dataset"
    )


def test_approximate_text_figure_matches_its_table_twin(results):
    leefbaarheid = results["vj2012-tekst-leefbaarheid"]
    assert (leefbaarheid.status, leefbaarheid.computed) == ("match", 48.0)
    assert "ongeveer 50%" in leefbaarheid.reason


def test_round_as_printed_handles_exact_ties():
    assert round_as_printed(12.5, 0, "half_up") == 13
    assert round_as_printed(12.5, 0, "half_even") == 12
    assert round_as_printed(10.526, 0, "truncate") == 10


def test_reproduce_cli_json_and_source_filter(run_cli):
    result = run_cli("reproduce", "movisie2016", "--format", "json")
    assert result.code == 0
    rows = json.loads(result.out)
    assert {r["source"] for r in rows} == {"movisie2016"}
    assert set(rows[0]) >= {"id", "source", "label", "published", "computed", "n", "status"}
    unknown = run_cli("reproduce", "nope")
    assert unknown.code == 2
    assert unknown.err.startswith("monitorkit: error: unknown source 'nope' (hint: sources: ")


def test_wijkteams_2015_group_split_as_printed(run_cli):
    data = json.loads(
        run_cli("summarize", "wijkteams-2015", "--by", "gemeentegrootte", "-f", "json").out
    )
    question = next(q for q in data["questions"] if q["id"] == "werkt_met_wijkteams")
    item = question["items"][0]
    assert (item["count"], item["base"]) == (204, 234)
    groups = {g["group"]: g["items"][0] for g in question["groups"]}
    assert (groups["G32"]["count"], groups["G32"]["base"]) == (24, 25)
    assert (groups["overig"]["count"], groups["overig"]["base"]) == (180, 209)
    assert data["provenance"]["kind"] == "reconstructed"
    assert any(
        "G32-gemeenten among the 234 is not printed" in a for a in data["provenance"]["assumptions"]
    )


def test_reproduce_dot_plot(run_cli, tmp_path):
    from monitorkit.render.charts import reproduction_figure

    result = run_cli("reproduce", "vj2012", "--chart", tmp_path / "dots.svg")
    assert result.code == 0 and (tmp_path / "dots.svg").read_bytes().startswith(b"<?xml")
    rows = [r for r in reproduce_figures("vj2012") if r.computed is not None]
    axes = reproduction_figure(rows).axes[0]
    published, reproduced = axes.collections
    assert len(reproduced.get_offsets()) == len(rows)
    assert len(published.get_offsets()) == len(rows) == 39  # vj2012 matches above
    assert [t.get_text() for t in axes.get_yticklabels()][:2] == [r.figure.id for r in rows[:2]]
    bad = run_cli("reproduce", "vj2012", "--chart", tmp_path / "dots.pdf")
    assert bad.code == 2 and "name the chart file .png or .svg" in bad.err


def test_reproduce_says_what_a_match_means_and_which_n_was_assumed(run_cli):
    data = json.loads(run_cli("reproduce", "-f", "json").out)
    matches = [r for r in data if r["status"] == "match"]
    assert matches and {r["basis"] for r in matches} == {
        "reproduced from data rebuilt from these figures (consistency, not independent replication)"
    }
    assumed = [r for r in matches if r["n_assumed"]]
    assert assumed and all(r["n_printed"] is None and r["n_assumed"] == r["n"] for r in assumed)
    wave_2014 = next(r for r in matches if r["id"] == "movisie2016-medewerker-wi-2014")
    assert (wave_2014["n_printed"], wave_2014["n_assumed"]) == (None, 204)
    printed = next(r for r in matches if r["id"] == "vj2012-t1-anders")
    assert (printed["n"], printed["n_printed"], printed["n_assumed"]) == (95, 95, None)
    out = run_cli("reproduce").out
    assert "consistency, not independent replication" in out
    assert "N printed" in out and "N assumed" in out and "(assumed)" not in out
    row = next(line for line in out.splitlines() if "medewerker-wi-2014" in line)
    assert " – " in row and " 204 " in row and "rebuilt" in row


@pytest.mark.parametrize(
    ("figure_id", "reason"),
    [
        ("stimulansz2016-banen-afspraak", "a policy target or budget decision, not a measurement"),
        ("stimulansz2016-bezuiniging-wsw", "a policy target or budget decision, not a measurement"),
        (
            "stimulansz2016-bijstand-vanaf-18",
            "a rule of the law (an age or a period), not a measurement",
        ),
        ("divosa2014-inwoners-grens", "a threshold describing who took part, not a result"),
        (
            "stimulansz2016-budget-per-bijstandsgerechtigde",
            "the authors' estimate or computation, not a survey result",
        ),
        ("stimulansz2016-dunk-deelnemers", "a figure from a practice example, not survey data"),
        ("vj2012-respondenten", "the size of a sample or group, not a survey result"),
    ],
)
def test_each_figure_not_computed_gets_the_reason_of_its_kind(results, figure_id, reason):
    assert (results[figure_id].status, results[figure_id].reason) == ("not computable", reason)


def test_the_scp_stapeling_figures_are_counted_in_the_rebuilt_register(results):
    expected = {
        "stimulansz2016-scp-participatievoorziening": (800_000, 800_000),
        "stimulansz2016-scp-participatievoorziening-pct": (45.0, 100 * 800_000 / 1_787_000),
        "stimulansz2016-scp-maatschappelijke-ondersteuning": (750_000, 750_000),
        "stimulansz2016-scp-maatschappelijke-ondersteuning-pct": (42.0, 100 * 750 / 1787),
        "stimulansz2016-scp-jeugdhulp": (370_000, 370_000),
        "stimulansz2016-scp-jeugdhulp-pct": (21.0, 100 * 370 / 1787),
        "stimulansz2016-scp-meer-dan-een-sector": (7.0, 100 * 131 / 1787),
        "stimulansz2016-scp-participatie-en-ondersteuning": (126_000, 126_000),
    }
    for figure_id, (shown, exact) in expected.items():
        result = results[figure_id]
        assert (result.status, result.computed, result.n) == ("match", shown, 1_787_000)
        assert result.exact == pytest.approx(exact)
        assert result.dataset == "scp-sociaal-domein-2015"
        assert result.as_dict()["basis"].startswith("reproduced from data rebuilt")


def test_reproduce_speaks_dutch_under_locale_nl(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    out = run_cli("reproduce", "vj2012", "--locale", "nl").out
    assert "N gedrukt" in out and "N aangenomen" in out
    assert "niet te berekenen (een hoeveelheid in woorden ('de meerderheid') zonder getal)" in out
    assert "herbouwd: gereproduceerd uit data die uit deze cijfers zijn herbouwd" in out


def test_reproduce_writes_csv(run_cli, tmp_path):
    import csv

    target = tmp_path / "reproduce.csv"
    assert run_cli("reproduce", "vj2012", "-o", target, "-q").code == 0
    rows = {r["id"]: r for r in csv.DictReader(target.open(encoding="utf-8"))}
    respondents = rows["vj2012-respondenten"]
    assert (respondents["published"], respondents["status"]) == ("133", "not computable")
    assert respondents["reason"] == "the size of a sample or group, not a survey result"
    matched = [r for r in rows.values() if r["status"] == "match"]
    assert matched and all(r["basis"].startswith("reproduced from data rebuilt") for r in matched)
