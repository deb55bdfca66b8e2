"""Stapeling: counts per combination of laws against a register whose truth is known."""

from __future__ import annotations

import csv
import json
import random
from collections import Counter

import pytest

from monitorkit import count_stapeling

LAW_NAMES = {"J": "Jeugdwet", "P": "Participatiewet", "W": "Wmo"}
CBS = {
    frozenset("J"): "Alleen Jeugd",
    frozenset("P"): "Alleen P-wet",
    frozenset("W"): "Alleen Wmo",
    frozenset("JP"): "Jeugd en P-wet",
    frozenset("JW"): "Jeugd en Wmo",
    frozenset("PW"): "P-wet en Wmo",
    frozenset("JPW"): "Jeugd, P-wet en Wmo",
}


def make_register(seed: int = 7, persons: int = 600):
    """Records and, per (region, period), the true set of laws of every person."""
    rng = random.Random(seed)
    records, truth = [], {}
    for number in range(persons):
        for period in ("2023", "2024"):
            if rng.random() < 0.3:
                continue
            region = rng.choice(["GM0363", "GM0599", "GM0518"])
            laws = rng.sample("JPW", rng.choice([1, 1, 2, 3]))
            truth.setdefault((region, period), {})[f"P{number}"] = frozenset(laws)
            for law in laws:
                for provision in range(rng.choice([1, 2])):
                    records.append(
                        [f"P{number}", region, period, LAW_NAMES[law], f"{law}{provision}"]
                    )
    return records, truth


def write(path, records, header=("persoon", "gemeente", "periode", "wet", "voorziening")):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(records)
    return path


def test_every_count_and_share_equals_the_truth(tmp_path):
    records, truth = make_register()
    result = count_stapeling([write(tmp_path / "register.csv", records)])
    cells = {(c.region, c.period, c.category): c for c in result.cells if c.unit == "persons"}
    for (region, period), people in truth.items():
        counts = Counter(CBS[laws] for laws in people.values())
        for category in CBS.values():
            cell = cells[(region, period, category)]
            assert cell.count == counts[category], (region, period, category)
            assert cell.share == pytest.approx(100 * counts[category] / len(people))
        assert cells[(region, period, "Totaal")].count == len(people)
    for period in ("2023", "2024"):
        everyone = {}
        for (_, when), people in truth.items():
            if when == period:
                for person, laws in people.items():
                    everyone[person] = everyone.get(person, frozenset()) | laws
        total = Counter(CBS[laws] for laws in everyone.values())
        for category, count in total.items():
            assert cells[("Totaal", period, category)].count == count


def test_households_take_the_laws_of_all_their_members(tmp_path):
    rows = [
        ["p1", "h1", "GM0363", "2024", "Jeugdwet"],
        ["p2", "h1", "GM0363", "2024", "Wmo"],
        ["p3", "h2", "GM0363", "2024", "Wmo"],
        ["p4", "h2", "GM0363", "2024", "wmo 2015"],
    ]
    path = write(
        tmp_path / "h.csv", rows, ("person_id", "household_id", "gemeentecode", "period", "law")
    )
    result = count_stapeling([path])
    households = {
        c.category: c.count for c in result.cells if c.unit == "households" and c.region == "GM0363"
    }
    assert households["Jeugd en Wmo"] == 1 and households["Alleen Wmo"] == 1
    assert households["Totaal"] == 2
    persons = {
        c.category: c.count for c in result.cells if c.unit == "persons" and c.region == "GM0363"
    }
    assert (persons["Alleen Jeugd"], persons["Alleen Wmo"], persons["Totaal"]) == (1, 3, 4)


def test_parquet_folders_and_globs_give_the_same_cells(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records, _ = make_register(seed=3, persons=200)
    expected = count_stapeling([write(tmp_path / "all.csv", records)]).cells
    folder = tmp_path / "parquet"
    folder.mkdir()
    columns = list(zip(*records, strict=True))
    names = ["persoon", "gemeente", "periode", "wet", "voorziening"]
    half = len(records) // 2
    for index, part in enumerate((slice(0, half), slice(half, None))):
        table = pa.table(
            {name: list(values[part]) for name, values in zip(names, columns, strict=True)}
        )
        pq.write_table(table, folder / f"part-{index}.parquet")
    assert count_stapeling([folder]).cells == expected
    assert count_stapeling([str(folder / "*.parquet")]).cells == expected


def test_cli_json_is_the_documented_tidy_cells(run_cli, tmp_path):
    records, truth = make_register(seed=11, persons=100)
    path = write(tmp_path / "register.csv", records)
    result = run_cli("stapeling", path, "-f", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["columns"] == {
        "person": "persoon", "region": "gemeente", "period": "periode", "law": "wet",
        "provision": "voorziening",
    }  # fmt: skip
    assert set(data["cells"][0]) == {"region", "period", "unit", "category", "count", "share"}
    assert data["categories"][-1] == "Totaal"
    people = truth[("GM0363", "2024")]
    wmo_only = sum(laws == frozenset("W") for laws in people.values())
    (cell,) = [
        c for c in data["cells"]
        if (c["region"], c["period"], c["category"]) == ("GM0363", "2024", "Alleen Wmo")
    ]  # fmt: skip
    assert (cell["count"], cell["unit"]) == (wmo_only, "persons")
    assert cell["share"] == pytest.approx(100 * wmo_only / len(people))
    csv_rows = list(csv.DictReader(run_cli("stapeling", path, "-f", "csv").out.splitlines()))
    assert len(csv_rows) == len(data["cells"])
    assert csv_rows[0]["region"] == data["cells"][0]["region"]


def test_unknown_law_values_are_listed_with_their_counts(run_cli, tmp_path):
    rows = [["p1", "GM0363", "2024", "Wmo"], ["p2", "GM0363", "2024", "Jeugdzorg"]]
    rows += [["p3", "GM0363", "2024", "WW"]] * 2
    path = write(tmp_path / "bad.csv", rows, ("persoon", "gemeente", "periode", "wet"))
    result = run_cli("stapeling", path)
    assert result.code == 3
    assert result.err == (
        f"monitorkit: error: {path}: column 'wet': unknown law value(s): 'WW' (2), "
        "'Jeugdzorg' (1) (hint: the law column names Jeugdwet, Participatiewet or Wmo "
        "(also Jeugd, P-wet))\n"
    )


def test_missing_columns_and_empty_registers_are_one_line(run_cli, tmp_path):
    path = write(
        tmp_path / "nolaw.csv", [["p1", "GM0363", "2024"]], ("persoon", "gemeente", "periode")
    )
    result = run_cli("stapeling", path)
    assert result.code == 3
    assert result.err == (
        f"monitorkit: error: {path}: no law column found (hint: name it with --law; the "
        "columns are: persoon, gemeente, periode)\n"
    )
    named = run_cli("stapeling", path, "--law", "domein")
    assert named.code == 2 and "--law column 'domein' is not in the register" in named.err
    empty = write(tmp_path / "empty.csv", [], ("persoon", "gemeente", "periode", "wet"))
    assert (
        run_cli("stapeling", empty).err
        == f"monitorkit: error: {empty}: the register has no records\n"
    )


def test_a_person_in_two_regions_is_reported(tmp_path):
    rows = [["p1", "GM0363", "2024", "Wmo"], ["p1", "GM0599", "2024", "Jeugdwet"]]
    result = count_stapeling(
        [write(tmp_path / "two.csv", rows, ("persoon", "gemeente", "periode", "wet"))]
    )
    assert result.warnings == [
        "period 2024: 1 person(s) have records in more than one region; they are counted in "
        "each region where stated and once in Totaal"
    ]
    totals = {c.category: c.count for c in result.cells if c.region == "Totaal"}
    assert totals["Jeugd en Wmo"] == 1 and totals["Totaal"] == 1


def _persons(result, **where):
    return {
        (c.region, c.period, c.category): c
        for c in result.cells
        if c.unit == "persons" and all(getattr(c, k) == v for k, v in where.items())
    }


def test_rates_per_1000_use_the_population_of_the_region_and_period(tmp_path):
    records, truth = make_register(seed=5, persons=300)
    inhabitants = {"GM0363": 931_298, "GM0599": 670_610, "GM0518": 559_311}
    population = tmp_path / "inwoners.csv"
    population.write_text(
        "gemeente;jaar;inwoners\n"
        + "".join(f"{r};2024;{n:,}\n".replace(",", ".") for r, n in inhabitants.items())
        + "".join(f"{r};2023;{n - 1000}\n" for r, n in inhabitants.items()),
        encoding="utf-8",
    )
    result = count_stapeling([write(tmp_path / "r.csv", records)], population=population)
    cells = _persons(result)
    for (region, period), people in truth.items():
        number = inhabitants[region] - (1000 if period == "2023" else 0)
        jeugd_wmo = sum(laws == frozenset("JW") for laws in people.values())
        cell = cells[(region, period, "Jeugd en Wmo")]
        assert cell.per_1000 == pytest.approx(1000 * jeugd_wmo / number)
        assert cells[(region, period, "Totaal")].per_1000 == pytest.approx(
            1000 * len(people) / number
        )
    everyone = cells[("Totaal", "2024", "Totaal")]
    assert everyone.per_1000 == pytest.approx(1000 * everyone.count / sum(inhabitants.values()))
    assert result.warnings == []


def test_a_yaml_population_without_periods_holds_for_every_period(tmp_path):
    rows = [["p1", "GM0363", "2023", "Wmo"], ["p2", "GM0363", "2024", "Wmo"]]
    rows += [["p3", "GM0599", "2024", "Jeugdwet"]]
    population = tmp_path / "population.yaml"
    population.write_text("- {region: GM0363, inhabitants: 2000}\n", encoding="utf-8")
    result = count_stapeling(
        [write(tmp_path / "r.csv", rows, ("persoon", "gemeente", "periode", "wet"))],
        population=population,
    )
    cells = _persons(result)
    assert cells[("GM0363", "2023", "Alleen Wmo")].per_1000 == 0.5
    assert cells[("GM0363", "2024", "Alleen Wmo")].per_1000 == 0.5
    assert cells[("GM0599", "2024", "Alleen Jeugd")].per_1000 is None
    assert result.warnings == [f"no inhabitants in {population} for GM0599 2024: no rate per 1,000"]


def test_by_splits_every_count_by_the_columns_values(tmp_path):
    records, truth = make_register(seed=9, persons=400)
    age = {f"P{n}": ("0-17" if n % 3 == 0 else "18+") for n in range(400)}
    with_age = [[*record, age[record[0]]] for record in records]
    path = write(
        tmp_path / "r.csv",
        with_age,
        ("persoon", "gemeente", "periode", "wet", "voorziening", "leeftijd"),
    )
    result = count_stapeling([path], by="leeftijd")
    for group in ("0-17", "18+"):
        cells = _persons(result, group=group)
        for (region, period), people in truth.items():
            mine = {p: laws for p, laws in people.items() if age[p] == group}
            counts = Counter(CBS[laws] for laws in mine.values())
            for category in CBS.values():
                cell = cells[(region, period, category)]
                assert cell.count == counts[category]
                assert cell.share == pytest.approx(100 * counts[category] / len(mine))
    assert {c.group for c in result.cells} == {"0-17", "18+"}


def test_the_number_of_provisions_is_counted_1_2_and_3_or_more(tmp_path):
    rows = [["p1", "GM0363", "2024", "Wmo", "hulp bij het huishouden"]]
    rows += [["p2", "GM0363", "2024", "Wmo", "vervoer"], ["p2", "GM0363", "2024", "Jeugdwet", "jh"]]
    rows += [["p3", "GM0363", "2024", "Wmo", v] for v in ("a", "b", "c", "d", "a")]
    rows += [["p4", "GM0363", "2024", "Participatiewet", "bijstand"]] * 2
    cells = _persons(count_stapeling([write(tmp_path / "r.csv", rows)]))
    counts = {c: cells[("GM0363", "2024", c)].count for c in PROVISIONS}
    assert counts == {"1 voorziening": 2, "2 voorzieningen": 1, "3 of meer voorzieningen": 1}
    assert cells[("GM0363", "2024", "3 of meer voorzieningen")].share == 25.0


PROVISIONS = ("1 voorziening", "2 voorzieningen", "3 of meer voorzieningen")


def disclosure_register(tmp_path):
    """GM0363: 23 Alleen Wmo, 12 Alleen Jeugd, 7 Jeugd en Wmo (42 users); GM0599: 3 Alleen Wmo."""
    rows, number = [], 0
    for region, laws, count in [
        ("GM0363", ["Wmo"], 23),
        ("GM0363", ["Jeugdwet"], 12),
        ("GM0363", ["Jeugdwet", "Wmo"], 7),
        ("GM0599", ["Wmo"], 3),
    ]:
        for _ in range(count):
            number += 1
            rows += [[f"p{number}", region, "2024", law] for law in laws]
    return write(tmp_path / "r.csv", rows, ("persoon", "gemeente", "periode", "wet"))


def test_cbs_disclosure_rounds_and_suppresses_after_shares_are_computed(tmp_path):
    from monitorkit import Disclosure

    population = tmp_path / "p.csv"
    population.write_text("region,inhabitants\nGM0363,1000\nGM0599,1000\n", encoding="utf-8")
    result = count_stapeling(
        [disclosure_register(tmp_path)], population=population, disclosure=Disclosure()
    )
    cells = _persons(result)
    wmo, jeugd, both = (cells[("GM0363", "2024", c)] for c in CBS_THREE)
    assert (wmo.count, wmo.share, wmo.per_1000) == (25, pytest.approx(100 * 23 / 42), 23.0)
    assert (jeugd.count, jeugd.share) == (10, pytest.approx(100 * 12 / 42))
    assert (both.count, both.share, both.per_1000) == (None, None, None)
    assert cells[("GM0363", "2024", "Alleen P-wet")].count == 0
    assert cells[("GM0363", "2024", "Totaal")].count == 40
    assert cells[("GM0599", "2024", "Totaal")].count is None
    assert cells[("Totaal", "2024", "Alleen Wmo")].count == 25  # 26 users
    custom = count_stapeling(
        [disclosure_register(tmp_path)], disclosure=Disclosure(base=10, threshold=3)
    )
    cells = _persons(custom)
    assert [cells[("GM0363", "2024", c)].count for c in CBS_THREE] == [20, 10, 10]
    assert cells[("GM0599", "2024", "Alleen Wmo")].count == 0


CBS_THREE = ("Alleen Wmo", "Alleen Jeugd", "Jeugd en Wmo")


def test_every_format_says_the_disclosure_rules_were_applied(run_cli, tmp_path):
    from openpyxl import load_workbook

    path = disclosure_register(tmp_path)
    options = ("--disclosure", "cbs")
    applied = (
        "CBS publication rules: counts rounded to multiples of 5, cells below 10 shown as '.'; "
        "shares and rates computed from unrounded counts"
    )
    data = json.loads(run_cli("stapeling", path, *options, "-f", "json").out)
    assert data["disclosure"] == {"rule": "cbs", "rounding_base": 5, "threshold": 10}
    (both,) = [
        c for c in data["cells"] if (c["region"], c["category"]) == ("GM0363", "Jeugd en Wmo")
    ]
    assert (both["count"], both["share"]) == (None, None)
    rows = list(csv.DictReader(run_cli("stapeling", path, *options, "-f", "csv").out.splitlines()))
    (both,) = [r for r in rows if (r["region"], r["category"]) == ("GM0363", "Jeugd en Wmo")]
    assert (both["count"], both["disclosure"]) == (".", applied)
    markdown = run_cli("stapeling", path, *options, "-f", "md").out
    assert f"- Applied: {applied}" in markdown
    assert "| GM0363 | 10 (28.6%) | 0 (0.0%) | 25 (54.8%) | 0 (0.0%) | . |" in markdown
    terminal = run_cli("stapeling", path, *options, "--width", "200").out
    assert f"Applied: {applied}" in terminal
    dutch = run_cli("stapeling", path, *options, "--locale", "nl", "--width", "200").out
    assert "Publicatieregels CBS toegepast: aantallen afgerond op veelvouden van 5" in dutch
    assert "Categorie" in dutch and "personen, 2024" in dutch
    assert run_cli("stapeling", path, *options, "-o", tmp_path / "s.xlsx").code == 0
    workbook = load_workbook(tmp_path / "s.xlsx")
    assert [row[0] for row in workbook["Notes"].values][-1] == f"Applied: {applied}"
    wide = {row[0]: row[1:] for row in workbook["persons, 2024"].values}
    assert wide["GM0363"][:5] == (10, 0, 25, 0, ".")


def test_the_upset_chart_is_written(run_cli, tmp_path):
    records, _ = make_register(seed=2, persons=300)
    path = write(tmp_path / "r.csv", records)
    chart = tmp_path / "stapeling.png"
    result = run_cli("stapeling", path, "-f", "json", "--chart", chart)
    assert result.code == 0, result.err
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = tmp_path / "again.png"
    run_cli("stapeling", path, "-f", "json", "--chart", again)
    assert again.read_bytes() == chart.read_bytes()
    split = run_cli("stapeling", path, "--by", "voorziening", "--chart", tmp_path / "by.png")
    assert (split.code, split.out) == (2, "")
    assert "--chart draws the counts without --by" in split.err


def test_population_files_without_the_columns_are_one_line(run_cli, tmp_path):
    path = disclosure_register(tmp_path)
    population = tmp_path / "p.csv"
    population.write_text("gemeente,aantal\nGM0363,1000\n", encoding="utf-8")
    result = run_cli("stapeling", path, "--population", population)
    assert result.code == 3
    assert result.err == (
        f"monitorkit: error: {population}: the population file has no inhabitants column "
        "(hint: name the columns region, period (optional) and inhabitants; found: gemeente, "
        "aantal)\n"
    )
    population.write_text("region,inhabitants\nGM0363,veel\n", encoding="utf-8")
    result = run_cli("stapeling", path, "--population", population)
    assert result.code == 3 and "row 2" in result.err and "'veel'" in result.err
    assert run_cli("stapeling", path, "--by", "leeftijd").code == 2


def test_bad_registers_are_one_line_and_two_regions_a_warning(run_cli, tmp_path):
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    result = run_cli("stapeling", empty)
    assert (result.code, result.err) == (
        3,
        f"monitorkit: error: {empty}: the file is empty (hint: export the register again)\n",
    )
    broken = tmp_path / "kapot.parquet"
    broken.write_text("not parquet", encoding="utf-8")
    result = run_cli("stapeling", broken)
    assert result.code == 3 and result.err.startswith(
        f"monitorkit: error: {broken}: cannot read the register: "
    )
    assert result.err.count("\n") == 1
    rows = [["p1", "GM0363", "2024", "Wmo"], ["p1", "GM0599", "2024", "Wmo"]]
    path = write(tmp_path / "two.csv", rows, ("persoon", "gemeente", "periode", "wet"))
    result = run_cli("stapeling", path, "-f", "csv")
    assert result.code == 0
    assert result.err == (
        "warning: period 2024: 1 person(s) have records in more than one region; they are "
        "counted in each region where stated and once in Totaal\n"
    )
    counted = {
        (row["region"], row["category"]): row["count"]
        for row in csv.DictReader(result.out.splitlines())
    }
    assert counted[("GM0363", "Alleen Wmo")] == counted[("GM0599", "Alleen Wmo")] == "1"
    assert counted[("Totaal", "Totaal")] == "1"


def _register_data(tmp_path):
    """A data folder with the bundled registry and register specs."""
    import shutil

    from monitorkit.io.datasets import data_dir

    shutil.copytree(data_dir() / "published", tmp_path / "published")
    specs = tmp_path / "reconstructed" / "specs" / "registers"
    shutil.copytree(data_dir() / "reconstructed" / "specs" / "registers", specs)
    return specs / "scp-sociaal-domein-2015.yaml"


def test_the_scp_register_is_rebuilt_exactly_and_the_same_every_run(tmp_path):
    from monitorkit import reconstruct_registers

    _register_data(tmp_path)
    ((spec, path),) = reconstruct_registers(tmp_path)
    first = path.read_bytes()
    assert len(first) < 5_000_000
    cells = _persons(count_stapeling(path), region="Totaal")
    counts = {category: cell.count for (_, _, category), cell in cells.items()}
    assert counts == {**spec.persons, "Totaal": 1_787_000}
    reconstruct_registers(tmp_path)
    assert path.read_bytes() == first


def test_a_register_spec_that_does_not_print_the_figures_is_refused(tmp_path):
    from monitorkit import reconstruct_registers
    from monitorkit.errors import InputError

    spec = _register_data(tmp_path)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("P-wet en Wmo: 124000", "P-wet en Wmo: 134000"), "utf-8")
    with pytest.raises(InputError) as error:
        reconstruct_registers(tmp_path)
    assert str(error.value) == (
        f"{spec}, figure 'stimulansz2016-scp-participatievoorziening': the persons give 810000 "
        "where 800000 is printed (hint: change the assumed counts per category)"
    )
