"""Wave comparison: Newcombe interval and z-test against independent computations."""

from __future__ import annotations

import csv
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exports import write_rows
from monitorkit.results import Change
from monitorkit.stats.changes import difference
from monitorkit.stats.compare import wave_labels
from monitorkit.stats.estimates import wilson_interval


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
    assert result.diff_pp == pytest.approx(100 * (k_b / n_b - k_a / n_a))
    low, high = newcombe_by_hand(k_a, n_a, k_b, n_b)
    assert result.diff_ci[0] == pytest.approx(low, abs=1e-7)
    assert result.diff_ci[1] == pytest.approx(high, abs=1e-7)
    assert result.test.p == pytest.approx(pooled_z_p(k_a, n_a, k_b, n_b), rel=1e-7)


def test_edges_zero_and_hundred_percent():
    same = difference(0, 20, 0, 30)
    assert same.diff_pp == 0 and same.test.p is None
    assert "no variation" in same.test.note
    low, high = newcombe_by_hand(0, 20, 30, 30)
    full = difference(0, 20, 30, 30)
    assert full.diff_ci == (pytest.approx(low), pytest.approx(high))
    assert difference(3, 0, 4, 10) == Change(None, None, None)


def test_wave_labels_from_years_or_stems():
    assert wave_labels(["data/peiling_2014.xlsx", "export-2015-def.csv"]) == ["2014", "2015"]
    assert wave_labels(["a.csv", "b.csv"]) == ["a", "b"]
    assert wave_labels(["x2014.csv", "y2014.csv"]) == ["x2014", "y2014"]
    assert wave_labels(["a.csv", "b.csv"], "voor,na") == ["voor", "na"]


def test_the_wijkteams_waves_show_55_to_37(run_cli):
    result = run_cli(
        "compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch", "-f", "json"
    )
    assert result.code == 0
    data = json.loads(result.out)
    assert [w["label"] for w in data["waves"]] == ["2014", "2015"]
    item = data["questions"][0]["items"][0]
    low, high = wilson_interval(112, 204)
    assert item["waves"]["2014"] == {
        "count": 112,
        "base": 204,
        "percent": pytest.approx(54.90196),
        "ci_low": pytest.approx(float(low)),
        "ci_high": pytest.approx(float(high)),
    }
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


PANEL_A = [  # municipality code as written in wave A, answer in A
    ("GM0363", "Ja"),
    ("GM0599", "Ja"),
    ("GM0518", "Nee"),
    ("GM0344", "Ja"),
    ("GM0014", "Ja"),
    ("GM0034", "Nee"),
    ("GM0153", "Ja"),
    ("GM0200", "Ja"),
    ("GM0202", "Nee"),
    ("GM0228", "Ja"),
]
PANEL_B = [  # the same municipalities in another notation, plus one not in wave A
    ("363.0", "Nee"),
    ("599", "Nee"),
    ("0518", "Ja"),
    ("344", "Nee"),
    ("14", "Ja"),
    ("34", "Nee"),
    ("153", "Nee"),
    ("200", "Ja"),
    ("202", ""),
    ("1680", "Ja"),
]


def write_panel(tmp_path):
    first = write_rows(
        tmp_path / "monitor_2014.csv",
        [["gemeentecode", "Medewerker W&I in team"]] + [list(r) for r in PANEL_A],
    )
    second = write_rows(
        tmp_path / "monitor_2015.csv",
        [["Gemeente (CBS-code)", "Medewerker W&I in team"]] + [list(r) for r in PANEL_B],
    )
    return first, second


def test_panel_found_without_flags_across_header_texts_and_code_formats(run_cli, tmp_path):
    from scipy.stats import binomtest

    first, second = write_panel(tmp_path)
    data = json.loads(run_cli("compare", first, second, "-f", "json").out)
    assert data["panel"] == {
        "keys": ["gemeentecode", "Gemeente (CBS-code)"],
        "matched": 9,
        "warnings": [],
    }
    item = data["questions"][0]["items"][0]
    paired = item["paired"]
    # Hand count over the 8 municipalities with an answer in both waves (GM0228 is not in
    # wave B, GM0202 did not answer in B): Ja->Ja 2 (14, 200), Ja->Nee 4 (363, 599, 344,
    # 153), Nee->Ja 1 (518), Nee->Nee 1 (34).
    assert paired["n"] == 8
    assert paired["table"] == [[2, 4], [1, 1]]
    assert paired["change"]["test"] == {"name": "McNemar exact", "p": binomtest(1, 5, 0.5).pvalue}
    assert paired["change"]["diff_pp"] == pytest.approx(100 * (3 / 8 - 6 / 8))
    assert paired["change"]["interval"] == "Newcombe square-and-add (paired)"
    # The rest answered in one wave only: GM0202 (Nee) and GM0228 (Ja) in A, 1680 (Ja) in B.
    unpaired = item["unpaired"]
    assert unpaired["first"] == {"count": 1, "base": 2, "percent": 50.0}
    assert unpaired["last"] == {"count": 1, "base": 1, "percent": 100.0}
    assert unpaired["change"] == json.loads(json.dumps(difference(1, 2, 1, 1).as_dict()))
    assert item["overlap"] == pytest.approx(8 / 11)
    # The change of all respondents is shown, but not tested as if the waves were unrelated.
    assert item["diff_pp"] == pytest.approx(100 * (4 / 9 - 7 / 10))
    assert item["diff_ci"] is None
    assert item["test"]["p"] is None and item["test"]["name"] == "paired and independent parts"


def test_paired_interval_matches_the_published_example():
    """Fagerland, Lydersen & Laake (2017), the Cavo et al. (2012) table: Newcombe's
    square-and-add interval -0.1186 to -0.0046 for p1+ - p+1; ours is later minus earlier."""
    from monitorkit.stats.changes import paired_difference

    change = paired_difference(((59, 6), (16, 80)))
    assert change.diff_pp == pytest.approx(100 * 10 / 161)
    assert change.diff_ci == (pytest.approx(0.46, abs=0.005), pytest.approx(11.86, abs=0.005))
    assert change.test.p == pytest.approx(0.052478790283203125)


def test_codes_normalise_across_notations():
    from monitorkit.stats.municipalities import normalise_code

    assert {normalise_code(v) for v in ("GM0363", "0363", "363", 363.0, "gm363", " 363 ")} == {
        "GM0363"
    }
    assert normalise_code("Amsterdam") is None and normalise_code(0) is None


def test_merger_with_several_responding_predecessors_is_left_out(run_cli, tmp_path):
    first, second = write_panel(tmp_path)
    mergers = tmp_path / "herindelingen.csv"
    mergers.write_text(
        "old_code,new_code,date\nGM0599,GM1680,2015-01-01\nGM0518,GM1680,2015-01-01\n"
    )
    data = json.loads(run_cli("compare", first, second, "--mergers", mergers, "-f", "json").out)
    assert data["panel"]["warnings"] == [
        "wave 2014: GM1680 has 2 responding predecessors (GM0518, GM0599); left out of the "
        "paired analysis as ambiguous",
        "wave 2015: GM1680 has 3 responding predecessors (GM0518, GM0599, GM1680); left out of "
        "the paired analysis as ambiguous",
    ]
    assert data["questions"][0]["items"][0]["paired"]["n"] == 6


def test_merger_maps_a_single_predecessor_forward(run_cli, tmp_path):
    first, second = write_panel(tmp_path)
    mergers = tmp_path / "herindelingen.csv"
    mergers.write_text("old_code;new_code;date\nGM0228;GM1680;2015-01-01\n")
    data = json.loads(run_cli("compare", first, second, "--mergers", mergers, "-f", "json").out)
    assert data["panel"]["matched"] == 10
    assert data["questions"][0]["items"][0]["paired"]["n"] == 9


def test_missing_key_column_is_a_usage_error(run_cli, tmp_path):
    first, second = write_panel(tmp_path)
    result = run_cli("compare", first, second, "--key", "gemeente")
    assert result.code == 2
    assert result.err.startswith(
        f"monitorkit: error: {first}: --key column 'gemeente' is not in wave 2014"
    )


def test_terminal_output_names_the_panel_and_its_test(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    first, second = write_panel(tmp_path)
    out = run_cli("compare", first, second).out
    assert (
        "2014 and 2015 share only part of their respondents (9 matched on gemeentecode, "
        "Gemeente (CBS-code)), so the change of all respondents has no test of its own."
    ) in out
    assert (
        "70.0% (7/10)   44.4% (4/9)       ↓ -25.6       73%          8           -37.5   "
        "-69.3 to 12.5      0.375                 50.0        -39.1 to 90.5           0.386"
    ) in out


def test_compare_writes_csv_md_xlsx_and_charts(run_cli, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "change.csv"
    result = run_cli(
        "compare",
        "wijkteams-2014",
        "wijkteams-2015",
        "--allow-unit-mismatch",
        "-o",
        target,
        "--charts",
        tmp_path / "charts",
    )
    assert result.code == 0
    rows = list(csv.DictReader(target.open()))
    assert [(r["wave"], r["count"], r["base"]) for r in rows] == [
        ("2014", "112", "204"),
        ("2015", "75", "204"),
    ]
    assert float(rows[0]["diff_pp"]) == pytest.approx(100 * (75 - 112) / 204)
    md = run_cli(
        "compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch", "-f", "md"
    ).out
    assert "| 54.9% (112/204) | 36.8% (75/204) | -18.1 | -27.3 to -8.5 | <0.001 |" in md
    assert (
        run_cli(
            "compare",
            "wijkteams-2014",
            "wijkteams-2015",
            "--allow-unit-mismatch",
            "-o",
            tmp_path / "c.xlsx",
        ).code
        == 0
    )
    sheet = load_workbook(tmp_path / "c.xlsx")["medewerker_wi"]
    assert [c.value for c in sheet[4]][:7] == [
        "Sociale (wijk)teams met een medewerker Dienst Werk en Inkomen in het team",
        112,
        204,
        pytest.approx(54.90196, abs=1e-4),
        75,
        204,
        pytest.approx(36.7647, abs=1e-4),
    ]
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == [
        "medewerker_wi-slope.png",
        "medewerker_wi-slope.svg",
        "medewerker_wi.png",
        "medewerker_wi.svg",
    ]


def test_slope_chart_plots_each_wave(run_cli):
    from monitorkit.api import compare_waves
    from monitorkit.render.charts import slope_figure

    comparison = compare_waves(["wijkteams-2014", "wijkteams-2015"], allow_unit_mismatch=True)
    axes = slope_figure(comparison, comparison.questions[0]).axes[0]
    (line,) = [line for line in axes.get_lines() if line.get_marker() == "o"]
    assert list(line.get_xdata()) == [0, 1]
    assert list(line.get_ydata()) == [
        pytest.approx(54.90196, abs=1e-4),
        pytest.approx(36.7647, abs=1e-4),
    ]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["2014", "2015"]


def test_an_item_missing_in_one_wave_is_shown_without_a_change(run_cli, tmp_path):
    first = write_rows(
        tmp_path / "p_2014.csv",
        [["id", "Partners: Welzijn", "Partners: Zorg"]] + [[i, "Ja", "Nee"] for i in range(1, 6)],
    )
    second = write_rows(
        tmp_path / "p_2015.csv",
        [["id", "Partners: Welzijn", "Partners: Wsw"]] + [[i, "Nee", "Ja"] for i in range(1, 6)],
    )
    data = json.loads(run_cli("compare", first, second, "-f", "json").out)
    items = {i["label"]: i for i in data["questions"][0]["items"]}
    assert items["Zorg"]["waves"]["2015"] is None
    assert items["Zorg"]["diff_pp"] is None and items["Zorg"]["test"] is None
    assert items["Welzijn"]["diff_pp"] == pytest.approx(-100)
    assert items["Welzijn"]["diff_ci"][0] < -50


def test_comparison_table_is_one_tidy_frame_with_waves():
    from monitorkit.api import compare_waves

    table = compare_waves(["wijkteams-2014", "wijkteams-2015"], allow_unit_mismatch=True).table
    assert list(table.columns[:6]) == ["question", "item", "label", "group", "wave", "count"]
    rows = table[table.question == "medewerker_wi"]
    assert rows[["wave", "count", "base"]].values.tolist() == [
        ["2014", 112, 204],
        ["2015", 75, 204],
    ]


def test_a_category_nobody_chose_in_a_wave_is_zero_percent(run_cli, tmp_path):
    from monitorkit.stats.estimates import wilson_interval

    first = write_rows(
        tmp_path / "g_2019.csv",
        [["id", "Gemeentegrootte"]]
        + [[i, g] for i, g in enumerate(["G4"] * 3 + ["G32"] * 4 + ["overig"] * 3)],
    )
    second = write_rows(
        tmp_path / "g_2023.csv",
        [["id", "Gemeentegrootte"]] + [[i, g] for i, g in enumerate(["G32", "overig"] * 4)],
    )
    data = json.loads(run_cli("compare", first, second, "-f", "json").out)
    g4 = next(i for i in data["questions"][0]["items"] if i["label"] == "G4")
    low, high = wilson_interval(0, 8)
    assert g4["waves"]["2023"] == {
        "count": 0,
        "base": 8,
        "percent": 0.0,
        "ci_low": pytest.approx(float(low)),
        "ci_high": pytest.approx(float(high)),
    }
    assert (g4["from"], g4["to"]) == ("2019", "2023")
    assert g4["diff_pp"] == pytest.approx(-30.0)


UNIT_NOTE = (
    "Units differ (2014: gemeenten; 2015: sociale (wijk)teams): compared only because "
    "--allow-unit-mismatch was given; the change sets two different measures against each other."
)


def test_waves_of_different_units_are_refused_unless_allowed(run_cli):
    refused = run_cli("compare", "wijkteams-2014", "wijkteams-2015", "-f", "json")
    assert refused.code == 2 and refused.out == ""
    assert refused.err == (
        "monitorkit: error: question 'medewerker_wi': the waves are shares of different units "
        "(2014: gemeenten; 2015: sociale (wijk)teams) (hint: these are different measures; pass "
        "--allow-unit-mismatch to compare them anyway (every output then says so))\n"
    )


def test_an_allowed_unit_mismatch_is_said_in_every_format(run_cli, tmp_path):
    from openpyxl import load_workbook

    waves = ("compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch")
    data = json.loads(run_cli(*waves, "-f", "json").out)
    assert data["questions"][0]["units"] == {"2014": "gemeenten", "2015": "sociale (wijk)teams"}
    assert UNIT_NOTE in run_cli(*waves).out.replace("\n", " ")
    assert UNIT_NOTE in run_cli(*waves, "-f", "md").out
    rows = list(csv.DictReader(run_cli(*waves, "-f", "csv").out.splitlines()))
    assert {row["unit_mismatch"] for row in rows} == {UNIT_NOTE}
    run_cli(*waves, "-o", tmp_path / "c.xlsx")
    cells = [c.value for row in load_workbook(tmp_path / "c.xlsx")["medewerker_wi"] for c in row]
    assert UNIT_NOTE in cells
    dutch = run_cli(*waves, "-f", "md", "--locale", "nl").out
    assert "Eenheden verschillen (2014: gemeenten; 2015: sociale (wijk)teams)" in dutch


def test_an_unprinted_n_gets_the_range_over_which_the_change_holds(run_cli):
    from monitorkit.stats.changes import difference_of_shares

    waves = ("compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch")
    item = json.loads(run_cli(*waves, "-f", "json").out)["questions"][0]["items"][0]
    first = item["sensitivity"][0]
    assert (first["wave"], first["assumed_n"], first["direction"]) == ("2014", 204, "down")

    def significant(n: int) -> bool:
        p = difference_of_shares(112 / 204, n, 75 / 204, 204).test.p
        return p is not None and p < 0.05

    brute = min(n for n in range(2, 300) if all(significant(m) for m in range(n, 300)))
    assert first["holds_from"] == brute == 33
    md = run_cli(*waves, "-f", "md").out
    assert (
        "2014's N is not printed (204 assumed); the change is significant (p < 0.05) for any "
        "2014 N of 33 or more with 2015's N at 204; its direction (down) holds for every N."
    ) in md
    assert "| Item | 2014 (N assumed) | 2015 (N assumed) | Change (pp) |" in md
    rows = list(csv.DictReader(run_cli(*waves, "-f", "csv").out.splitlines()))
    assert "2014 N of 33 or more" in rows[0]["n_sensitivity"]


ASSUMED_2014 = (
    "Assumption: The 2014 peiling's N is not printed in the sources. It is set to 204, the "
    "number of gemeenten with teams in the 2015 peiling"
)


def test_the_datasets_assumptions_and_notes_travel_in_every_format(run_cli, tmp_path):
    from openpyxl import load_workbook

    waves = ("compare", "wijkteams-2014", "wijkteams-2015", "--allow-unit-mismatch")
    assert ASSUMED_2014 in run_cli(*waves).out.replace("\n", "")
    md = run_cli(*waves, "-f", "md").out
    assert f"  - {ASSUMED_2014}" in md
    assert "  - Note: werkt\\_met\\_wijkteams: 87% + 12% of 234 is 99%" in md
    provenance = json.loads(run_cli(*waves, "-f", "json").out)["waves"][0]["provenance"]
    assert provenance["assumptions"][0].startswith("The 2014 peiling's N is not printed")
    piped = run_cli(*waves, "-f", "csv")
    assert f"# 2014: {ASSUMED_2014}" in piped.err and "# " not in piped.out
    run_cli(*waves, "-o", tmp_path / "c.csv")
    sidecar = (tmp_path / "c.csv.notes.txt").read_text(encoding="utf-8").splitlines()
    assert sidecar[0].startswith(f"2014: {ASSUMED_2014}")
    run_cli(*waves, "-o", tmp_path / "c.xlsx")
    notes = [row[0].value for row in load_workbook(tmp_path / "c.xlsx")["Notes"].iter_rows()]
    assert notes == ["Assumptions and notes", *sidecar]  # a named table under its header
    summary_md = run_cli("summarize", "wijkteams-2014", "-f", "md", "--locale", "nl").out
    assert "- Aanname: De N van de peiling van 2014 staat niet in de bronnen." in summary_md
    run_cli("summarize", "wijkteams-2014", "-o", tmp_path / "s.xlsx", "--locale", "nl")
    sheet = load_workbook(tmp_path / "s.xlsx")["Toelichting"]
    assert sheet["A1"].value == "Aannames en toelichtingen"
    assert sheet["A2"].value.startswith("Aanname: De N van de peiling van 2014")
