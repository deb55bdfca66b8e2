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
        "survey, national, estimate, practice, sample, got 'guess'\n"
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
