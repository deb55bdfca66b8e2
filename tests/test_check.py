"""`monitorkit check`: GRIM-style consistency of the published figures."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitorkit.published.consistency import check_registry, feasible_counts
from monitorkit.published.registry import read_registry


@pytest.fixture(scope="module")
def report():
    return json.loads(json.dumps(check_registry(read_registry()).as_dict()))


def test_divosa_table_1_anders_is_flagged_and_only_truncation_fits(report):
    figures = {f["id"]: f for f in report["figures"]}
    anders = figures["vj2012-t1-anders"]
    assert anders["status"] == "inconsistent"
    assert anders["consistent"] == {"half_up": False, "half_even": False, "truncate": True}
    assert anders["feasible_counts"] == {"half_up": [], "half_even": [], "truncate": [10]}
    assert [f["id"] for f in report["figures"] if f["status"] == "inconsistent"] == [
        "vj2012-t1-anders"
    ]


def test_rules_each_divosa_table_is_consistent_with(report):
    tables = {
        r["detail"].split(":")[0]: r["consistent_rules"]
        for r in report["relations"]
        if r["type"] == "table"
    }
    assert tables == {
        "vj2012-t31": ["half_up", "half_even", "truncate"],
        "vj2012-t1": ["truncate"],
        "vj2012-t2": ["half_up", "half_even", "truncate"],
        "vj2012-t3": ["half_up", "half_even"],
        "vj2012-t4": ["half_up", "half_even"],
    }
    source = next(r for r in report["relations"] if r["type"] == "source_tables")
    assert source["ok"] is False and source["consistent_rules"] == []


def test_g32_split_and_wijkteam_complement(report):
    relations = {r["type"] + ":" + r["figures"][0]: r for r in report["relations"]}
    split = relations["split:stimulansz2016-werkt-met-wijkteams"]
    assert split["detail"].startswith(
        "half_up: G32-gemeenten die met sociale wijkteams werken n in 23-28;"
    )
    complement = relations["complement:stimulansz2016-werkt-met-wijkteams"]
    assert complement["consistent_rules"] == ["truncate"] and complement["ok"] is False


def test_split_sizes_against_brute_force():
    """Independent check of the G32 split: enumerate every count pair directly."""
    sizes = []
    for g32 in range(1, 234):
        other = 234 - g32
        possible = any(
            round_half_up(100 * (k1 + k2) / 234) == 87
            for k1 in range(g32 + 1)
            if round_half_up(100 * k1 / g32) == 96
            for k2 in range(other + 1)
            if round_half_up(100 * k2 / other) == 86
        )
        if possible:
            sizes.append(g32)
    assert sizes == list(range(23, 29))


def round_half_up(x: float) -> int:
    from decimal import ROUND_HALF_UP, Decimal

    return int(Decimal(repr(x)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_sums_of_counts(report):
    sums = {r["figures"][0]: r for r in report["relations"] if r["type"] == "sum"}
    assert sums["stimulansz2016-athos-groep"]["detail"] == (
        "38 + 51 = 89, printed total 90 (difference +1)"
    )
    assert sums["divosa2014-geconsulteerde-leden"]["ok"] is False
    assert sums["stimulansz2016-dagbesteding-gemeenten"]["ok"] is True


def test_feasible_counts_decimals_and_exact_ties():
    assert feasible_counts(12.5, 8, decimals=1) == [1]
    assert feasible_counts(50, 3) == []
    assert feasible_counts(33, 3) == [1]
    assert feasible_counts(67, 3, rule="truncate") == []
    assert feasible_counts(66, 3, rule="truncate") == [2]


def test_check_cli_exit_code_and_json(run_cli):
    result = run_cli("check", "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["summary"]["inconsistent"] == 1
    assert {"id", "value", "n", "consistent", "feasible_counts", "status"} <= set(
        data["figures"][0]
    )


def test_check_a_consistent_file_exits_0(run_cli, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "source: {id: mine, file: x.txt, document: Eigen peiling}\n"
        "figures:\n"
        "  - {id: a, section: T1, label: Ja, value: 48, unit: percent, n: 125, kind: survey, "
        "quote: '48', table: t}\n"
        "  - {id: b, section: T1, label: Nee, value: 52, unit: percent, n: 125, kind: survey, "
        "quote: '52', table: t}\n"
        "checks:\n  - {type: complement, figures: [a, b]}\n"
    )
    result = run_cli("check", path)
    assert result.code == 0
    assert (
        "0 inconsistent figure(s) (impossible rounding half up), 0 failing relation(s) of 2."
        in (result.out.replace("\n", " "))
    )


def test_registry_errors_name_file_figure_and_field(run_cli, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "source: {id: s, file: x.txt, document: D}\nfigures:\n"
        "  - {id: a, section: T, label: L, value: 5, unit: percent, kind: guess, quote: q}\n"
    )
    result = run_cli("check", path)
    assert result.code == 3
    assert result.err == (
        f"monitorkit: error: {path}, figure 'a', field 'kind': must be one of "
        "survey, national, estimate, practice, sample, policy_target, statutory_rule, "
        "threshold, got 'guess'\n"
    )


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 5000), st.data())
def test_feasible_counts_finds_every_count_of_0_to_n(base, data):
    """The search is exact: the same counts as trying every k in 0..N."""
    from fractions import Fraction

    from monitorkit.published.consistency import feasible_counts, round_percent

    decimals = data.draw(st.sampled_from([0, 1]))
    k = data.draw(st.integers(0, base))
    rule = data.draw(st.sampled_from(["half_up", "half_even", "truncate"]))
    value = float(round_percent(k, base, decimals, rule))  # as a registry holds it
    printed = Fraction(str(value))
    everything = [c for c in range(base + 1) if round_percent(c, base, decimals, rule) == printed]
    assert feasible_counts(value, base, decimals, rule) == everything


def test_decimals_follow_the_printed_percentage():
    from monitorkit.published.registry import printed_decimals

    assert printed_decimals("12,5%", 12.5) == 1
    assert printed_decimals(None, 12.5) == 1
    assert printed_decimals(None, 40) == 0
    assert printed_decimals("ongeveer 30 procent", 30) == 0


def test_check_one_percentage_or_a_table_of_your_own(run_cli, tmp_path):
    one = run_cli("check", "--percent", "41", "--n", "17", "-f", "json")
    assert one.code == 0
    (figure,) = json.loads(one.out)["figures"]
    assert figure["feasible_counts"]["half_up"] == [7]
    impossible = run_cli("check", "--percent", "12,5", "--n", "17", "-f", "json")
    assert impossible.code == 1  # 2/17 = 11.8%, 3/17 = 17.6%: 12.5 cannot be printed
    assert json.loads(impossible.out)["figures"][0]["status"] == "inconsistent"
    table = tmp_path / "tabel.csv"
    table.write_text("label;percent;n\nFinanciering;12,5;40\nWetgeving;41;17\nAnders;33;17\n")
    result = run_cli("check", table, "-f", "json")
    assert result.code == 1
    figures = json.loads(result.out)["figures"]
    assert [(f["label"], f["status"]) for f in figures] == [
        ("Financiering", "consistent"),
        ("Wetgeving", "consistent"),
        ("Anders", "inconsistent"),
    ]
    assert figures[0]["feasible_counts"]["half_up"] == [5]  # 12,5 read with its one decimal
    lonely = run_cli("check", "--percent", "41")
    assert lonely.code == 2 and "--percent and --n go together" in lonely.err
    bad = tmp_path / "bad.csv"
    bad.write_text("label,percent,n\nx,veel,17\n")
    refused = run_cli("check", bad)
    assert refused.code == 3
    assert "row 2: percent and n must be numbers, got 'veel' and '17'" in refused.err


def test_every_bundled_survey_figure_says_what_it_is_a_share_of_and_when():
    from monitorkit.published.registry import read_registry

    figures = read_registry().figures
    survey = [f for f in figures.values() if f.kind == "survey"]
    assert survey and all(f.population and f.fieldwork for f in survey)
    wave_2014, wave_2015 = (
        figures["movisie2016-medewerker-wi-2014"],
        figures["movisie2016-medewerker-wi-2015"],
    )
    assert (wave_2014.population, wave_2014.fieldwork) == ("gemeenten", "2014")
    assert (wave_2015.population, wave_2015.fieldwork) == ("sociale (wijk)teams", "2015")
    peiling = figures["stimulansz2016-werkt-met-wijkteams"]
    assert (peiling.fieldwork, peiling.wave) == ("maart 2016", None)
    assert any("inference from two matching values" in a for a in peiling.assumptions)


def _failing(report, kind: str, figure_id: str) -> dict:
    """The failing relation of a type that involves a figure."""
    found = [r for r in report["relations"] if r["type"] == kind and figure_id in r["figures"]]
    assert len(found) == 1, found
    assert found[0]["ok"] is False, found[0]
    return found[0]


def test_the_derived_figures_of_the_audit_are_found_by_generic_relations(report):
    per_person = _failing(report, "division", "stimulansz2016-budget-per-bijstandsgerechtigde")
    assert per_person["detail"] == (
        "'ongeveer € 1.400': 615,000,000 / 463,000 = 1,328; the printing admits 1,350 to 1,450"
    )
    third = _failing(report, "division", "stimulansz2016-bestand-te-bedienen")
    assert "615,000,000 / 5,000 / 463,000 = 26.57%" in third["detail"]
    spijkenisse = _failing(report, "parts", "stimulansz2016-spijkenisse-aanmeldingen")
    assert spijkenisse["detail"] == (
        "15 + 2 + 5 = 22 of 20 aanmeldingen in Spijkenisse: the parts exceed the total by 2"
    )
    dunk = _failing(report, "repeated_count", "stimulansz2016-dunk-deelnemers")
    assert dunk["figures"] == ["stimulansz2016-dunk-deelnemers", "stimulansz2016-dunk-kostenbasis"]
    thirty = _failing(report, "same_finding", "vj2012-geen-verbinding-wmo")
    assert thirty["detail"] == (
        "'ongeveer 30%' and 'bijna een derde'; printed as shares of different units: "
        "ondervraagde gemeenten and sociale diensten"
    )
    vacatures = next(r for r in report["relations"] if "stimulansz2016-vacatures" in r["figures"])
    assert vacatures["ok"] and "520,000 / 140,000 = 3.714" in vacatures["detail"]


def test_no_code_names_a_registry_figure():
    """The relations are found by generic checks, never by code naming the figures."""
    from pathlib import Path

    import monitorkit

    ids = set(read_registry().figures)
    code = "\n".join(
        path.read_text(encoding="utf-8") for path in Path(monitorkit.__file__).parent.rglob("*.py")
    )
    assert [figure_id for figure_id in ids if figure_id in code] == []


def test_verbal_quantities_are_never_grim_tested(report):
    figures = {f["id"]: f for f in report["figures"]}
    half = figures["divosa2014-beleidskaders"]
    assert (half["status"], half["note"]) == (
        "not checkable",
        "a verbal quantity ('de helft'), not an exact percentage",
    )
    checked = [f for f in report["figures"] if f["status"] != "not checkable"]
    assert checked and not any(f["id"].startswith("divosa2014") for f in checked)


def test_relations_between_figures_of_your_own_registry(run_cli, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "source: {id: mine, file: x.txt, document: Eigen rapport}\nfigures:\n"
        "  - {id: budget, section: A, label: Budget, value: 2, unit: million euro, "
        "kind: national, quote: q}\n"
        "  - {id: mensen, section: A, label: Mensen, value: 1000, unit: count, "
        "kind: national, quote: q}\n"
        "  - {id: per-persoon, section: A, label: Per persoon, value: 2000, "
        "value_text: ruim € 2.000, unit: euro, kind: estimate, quote: q, "
        "divided_from: [budget, mensen]}\n"
        "  - {id: aandeel, section: A, label: Aandeel, value_text: bijna de helft, "
        "unit: fraction, kind: estimate, quote: q, divided_from: [mensen, budget]}\n"
        "  - {id: groep, section: B, label: Groep, value: 12, unit: count, population: leden, "
        "kind: practice, quote: q}\n"
        "  - {id: deel, section: B, label: Deel, value: 9, unit: count, population: leden, "
        "part_of: groep, kind: practice, quote: q}\n"
        "  - {id: basis, section: B, label: Basis, value: 12, unit: count, population: leden, "
        "kind: practice, quote: q}\n"
    )
    data = json.loads(run_cli("check", path, "-f", "json").out)
    relations = {(r["type"], r["figures"][0]): (r["ok"], r["detail"]) for r in data["relations"]}
    assert relations[("division", "per-persoon")] == (
        True,
        "'ruim € 2.000': 2,000,000 / 1,000 = 2,000; the printing admits 2,000 to 2,200",
    )
    assert relations[("division", "aandeel")][0] is False
    assert relations[("parts", "groep")] == (True, "9 = 9 of 12 leden (3 in no part printed)")
    assert relations[("repeated_count", "groep")] == (
        True,
        "B: leden printed as 12 (groep), 12 (basis)",
    )


@pytest.mark.parametrize(
    ("entry", "low", "high"),
    [
        ({"value": 1400, "value_text": "ongeveer € 1.400", "unit": "euro"}, 1350, 1450),
        ({"value_text": "bijna een derde", "unit": "percent"}, 30, 100 / 3),
        ({"value_text": "twee derde", "unit": "fraction"}, 200 / 3 - 2.5, 200 / 3 + 2.5),
        ({"value": 37, "unit": "percent"}, 36.5, 37.5),
        ({"value": 12.5, "unit": "percent", "decimals": 1}, 12.45, 12.55),
        ({"value": 30, "value_text": "ongeveer 30%", "unit": "percent"}, 27.5, 32.5),
        ({"value_text": "de meeste gemeenten", "unit": "percent"}, 50, 100),
        ({"value": 463000, "value_text": "ongeveer 463.000", "unit": "count"}, 462500, 463500),
    ],
)
def test_the_range_a_printed_quantity_admits(entry, low, high):
    from types import SimpleNamespace

    from monitorkit.published.verbal import printed_range

    figure = SimpleNamespace(**{"value": None, "value_text": None, "decimals": 0, **entry})
    found = printed_range(figure)
    assert found is not None
    assert (float(found[0]), float(found[1])) == (pytest.approx(low), pytest.approx(high))


def test_a_misfit_gets_explanations_ranked_under_the_publications_rule(report):
    figures = {f["id"]: f for f in report["figures"]}
    assert figures["vj2012-t1-anders"]["explanations"] == [
        "the item's N was 90-94, 96-100 rather than 95",
        "a misprint of 9 or 11, which print from 95 under half_up",
        "the table rounded by truncate, unlike the rest",
    ]
    assert figures["vj2012-t1-geen"]["explanations"] == []
    pair = next(
        r for r in report["relations"] if r["figures"][0] == "stimulansz2016-werkt-met-wijkteams"
    )
    assert pair["detail"].endswith(
        "likeliest: rounding half up with 1-4 answering neither (a third answer category)"
    )
    tables = next(r for r in report["relations"] if r["type"] == "source_tables")
    assert (
        "half_up 26, half_even 26, truncate 25; the publication's rule: half_up"
        in (tables["detail"])
    )


def test_counts_printed_with_their_share_of_one_total_fit_one_total():
    from monitorkit.published.consistency import check_registry
    from monitorkit.published.registry import Figure

    def pair(name, count, percent):
        common = {"source": "s", "section": "3", "label": name, "kind": "national", "quote": "q"}
        return [
            Figure(id=name, value=count, unit="count", **common),
            Figure(id=f"{name}-pct", value=percent, unit="percent", **common),
        ]

    registry = read_registry()
    (scp,) = [r for r in check_registry(registry).relations if r.type == "shares_of_one_total"]
    assert (scp.ok, scp.detail) == (
        True,
        "800,000 = 45%, 750,000 = 42%, 370,000 = 21% of one total: totals that print every "
        "share (half up): 1,764,706 to 1,797,752",
    )
    from monitorkit.published.consistency import _shares_of_one_total

    wrong = _shares_of_one_total(pair("p", 800_000, 45) + pair("w", 750_000, 50))
    assert (wrong.ok, wrong.rules) == (False, [])
    assert wrong.detail.endswith("totals that print every share (half up): none")
    exact = _shares_of_one_total(pair("a", 1, 33) + pair("b", 2, 67))
    assert exact.detail.endswith(": 3 to 3")


def test_check_writes_csv_with_a_row_per_figure_and_per_relation(run_cli, tmp_path):
    import csv

    target = tmp_path / "check.csv"
    result = run_cli("check", "-o", target, "-q")
    assert result.code == 1  # the bundled sources hold one impossible percentage
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    figures = {r["id"]: r for r in rows if r["record"] == "figure"}
    werkt = figures["stimulansz2016-werkt-met-wijkteams"]
    assert (werkt["value"], werkt["n"], werkt["status"]) == ("87", "234", "consistent")
    assert werkt["counts_half_up"] == "203, 204"
    relations = [r for r in rows if r["record"] == "relation"]
    assert {r["status"] for r in relations} == {"ok", "fail"}
    spijkenisse = next(r for r in relations if "spijkenisse" in r["figures"])
    assert spijkenisse["status"] == "fail" and spijkenisse["id"] == "parts"
    dutch = run_cli("check", "--percent", "12,5", "--n", "40", "-f", "csv", "--locale", "nl").out
    assert dutch.splitlines()[0].startswith("\ufeffrecord;id;label;value;n;status")


def test_check_in_dutch_and_a_format_it_cannot_write(run_cli, tmp_path):
    out = run_cli("check", "--percent", "41", "--n", "17", "--locale", "nl").out
    assert out.startswith("GRIM-controle: 1 van de 1 gepubliceerde cijfers zijn percentages")
    assert "half omhoog" in out and "afkappen" in out
    refused = run_cli("check", "-o", tmp_path / "check.md")
    assert refused.code == 2
    assert refused.err == (
        f"monitorkit: error: cannot tell the format from '{tmp_path / 'check.md'}' "
        "(hint: pass --format json|csv)\n"
    )


def test_check_in_dutch_has_dutch_relations(run_cli):
    from test_dutch import english_words

    out = run_cli("check", "--locale", "nl", "--width", "400").out
    relations = out[out.index("Verbanden tussen cijfers:") :]
    assert "FOUT delen          15 + 2 + 5 = 22 van 20 aanmeldingen in Spijkenisse: de delen" in out
    assert english_words(relations, set()) == set()
