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
