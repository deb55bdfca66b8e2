"""The bundled CBS municipality codes per year agree with the bundled counts and known history."""

from __future__ import annotations

import re
from functools import cache

import pytest
import yaml

from monitorkit.io.datasets import data_dir

YEARS = range(2010, 2026)


@cache
def reference() -> dict:
    return yaml.safe_load(
        (data_dir() / "reference" / "gemeentecodes.yaml").read_text(encoding="utf-8")
    )


@cache
def counts() -> dict[int, int]:
    data = yaml.safe_load((data_dir() / "reference" / "gemeenten.yaml").read_text(encoding="utf-8"))
    return {int(year): int(count) for year, count in data["counts"].items()}


def codes(year: int) -> list[str]:
    return reference()["codes"][year]


def test_every_year_from_2010_to_2025_is_listed():
    assert sorted(reference()["codes"]) == list(YEARS)


@pytest.mark.parametrize("year", sorted(counts()))
def test_number_of_codes_equals_the_cbs_count(year):
    assert len(codes(year)) == counts()[year]


@pytest.mark.parametrize("year", YEARS)
def test_codes_are_gm_and_four_digits_sorted_and_unique(year):
    listed = codes(year)
    assert all(re.fullmatch(r"GM\d{4}", code) for code in listed)
    assert listed == sorted(set(listed))


def test_every_code_has_a_name():
    everything = {code for year in YEARS for code in codes(year)}
    assert everything == set(reference()["names"])


@pytest.mark.parametrize("year", YEARS)
def test_amsterdam_rotterdam_den_haag_and_utrecht_every_year(year):
    assert {"GM0363", "GM0599", "GM0518", "GM0344"} <= set(codes(year))
    assert reference()["names"]["GM0363"] == "Amsterdam"


def present(code: str) -> list[int]:
    return [year for year in YEARS if code in codes(year)]


@pytest.mark.parametrize(
    ("code", "years"),
    [
        # Rozenburg joined Rotterdam on 18 March 2010: still there on 1 January 2010 only.
        ("GM0600", [2010]),
        # Oldambt (Scheemda, Winschoten, Reiderland) began on 1 January 2010.
        ("GM0039", []),
        ("GM1895", list(range(2010, 2026))),
        # Sneek, Bolsward and others became Súdwest-Fryslân on 1 January 2011.
        ("GM0091", [2010]),
        ("GM1900", list(range(2011, 2026))),
        # De Friese Meren (2014) was renamed De Fryske Marren, with a new code, on 1 July 2015.
        ("GM1921", [2014, 2015]),
        ("GM1940", list(range(2016, 2026))),
        # Haren and Ten Boer joined Groningen on 1 January 2019.
        ("GM0017", list(range(2010, 2019))),
        ("GM0014", list(range(2010, 2026))),
        # Haaren was divided among four neighbours on 1 January 2021.
        ("GM0788", list(range(2010, 2021))),
        # Weesp joined Amsterdam on 24 March 2022: listed on 1 January 2022, gone in 2023.
        ("GM0457", list(range(2010, 2023))),
        # Brielle, Hellevoetsluis and Westvoorne became Voorne aan Zee on 1 January 2023.
        ("GM0501", list(range(2010, 2023))),
        ("GM1992", [2023, 2024, 2025]),
    ],
)
def test_codes_appear_exactly_in_the_years_the_municipality_existed(code, years):
    assert present(code) == years


def test_no_change_on_1_january_2024_or_2025():
    assert codes(2023) == codes(2024) == codes(2025)
    assert len(codes(2025)) == 342


def test_a_merger_year_loses_the_old_codes_and_gains_the_new_one():
    gone = set(codes(2018)) - set(codes(2019))
    new = set(codes(2019)) - set(codes(2018))
    assert {"GM0005", "GM0009", "GM0017", "GM0738", "GM0870", "GM0874"} <= gone
    assert {"GM1959", "GM1963", "GM1966", "GM1969", "GM1970", "GM1978"} <= new
    assert len(codes(2018)) - len(gone) + len(new) == len(codes(2019))
