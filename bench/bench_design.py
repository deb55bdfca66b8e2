"""Generated survey exports for the benchmark: one design, written as xlsx, csv and parquet.

A municipality survey as the national monitors run it, ~60 columns: a respondent id,
the CBS code of the municipality (the 345 gemeenten of 2022), its size class, five
tick-all-that-apply sets (written Ja/Nee or 0/1, as platforms write them), a battery of
statements on one agreement scale, single-choice questions, numbers and an open text.
The design (which columns form which question, with which words) is kept here so the
reference queries count the same thing without reading monitorkit's codebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]

SIZE_CLASSES = ["G4", "G40", "Meer dan 50.000 inwoners", "20.000-50.000", "Minder dan 20.000"]
SCALE = [
    "Helemaal mee oneens",
    "Mee oneens",
    "Neutraal",
    "Mee eens",
    "Helemaal mee eens",
    "Weet niet",
]


@dataclass(frozen=True)
class MultiSet:
    """A tick-all-that-apply question: one column per option, selected written as ``words[0]``."""

    stem: str
    options: tuple[str, ...]
    words: tuple[str, str]  # (selected, not selected)

    @property
    def columns(self) -> list[str]:
        return [f"{self.stem} - {option}" for option in self.options]


@dataclass(frozen=True)
class Single:
    """A single-choice question: one column holding one of ``answers``."""

    column: str
    answers: tuple[str, ...]


MULTI_SETS = (
    MultiSet(
        "Welke knelpunten ervaart u bij de uitvoering?",
        (
            "Financiering",
            "Wetgeving",
            "Verkokering",
            "Capaciteit",
            "Resultaten meten",
            "Privacy",
            "Samenwerking",
            "Anders",
        ),
        ("Ja", "Nee"),
    ),
    MultiSet(
        "Met welke partners werkt het wijkteam samen?",
        ("Welzijn", "Zorg", "Wsw", "UWV", "Woningcorporatie", "Politie", "GGD", "Onderwijs"),
        ("1", "0"),
    ),
    MultiSet(
        "Welke instrumenten zet u in?",
        (
            "Loonkostensubsidie",
            "Jobcoaching",
            "Beschut werk",
            "Proefplaatsing",
            "Scholing",
            "Schuldhulp",
            "Taalcursus",
        ),
        ("Ja", "Nee"),
    ),
    MultiSet(
        "Welke doelgroepen bereikt u?",
        (
            "Jongeren",
            "Ouderen",
            "Statushouders",
            "Arbeidsbeperkten",
            "Dak- en thuislozen",
            "Mantelzorgers",
            "Gezinnen",
        ),
        ("1", "0"),
    ),
    MultiSet(
        "Welke ondersteuning biedt u?",
        ("Huishoudelijke hulp", "Begeleiding", "Dagbesteding", "Vervoer", "Hulpmiddelen", "Anders"),
        ("Ja", "Nee"),
    ),
)
BATTERY_STEM = "In hoeverre bent u het eens met de volgende stellingen?"
BATTERY = tuple(f"{BATTERY_STEM} - Stelling {number}" for number in range(1, 11))
SINGLES = (
    Single(
        "Hoe tevreden bent u over de samenwerking?",
        (
            "Zeer ontevreden",
            "Ontevreden",
            "Niet tevreden, niet ontevreden",
            "Tevreden",
            "Zeer tevreden",
        ),
    ),
    Single(
        "Welke organisatievorm heeft het wijkteam?",
        ("Integraal team", "Generalistisch team", "Specialistisch team", "Geen vaste vorm"),
    ),
    Single(
        "Sinds wanneer werkt uw gemeente met wijkteams?",
        ("Voor 2015", "2015 tot 2018", "2018 tot 2021", "Vanaf 2021"),
    ),
    Single(
        "Wie voert de regie over de uitvoering?",
        ("De gemeente", "Een stichting", "Een regionale dienst", "Anders"),
    ),
)
MUNICIPALITY = "Gemeentecode"
SIZE = "Gemeentegrootte"
NUMBERS = ("Leeftijd", "Aantal wijkteams", "Aantal fte", "Aantal meldingen")
#: Share of respondents who leave a question (a whole set, a statement, a choice) empty.
SKIPPED = 0.08


def municipality_codes() -> list[str]:
    """The CBS codes of the 345 municipalities of 1 January 2022."""
    import yaml

    path = ROOT / "data" / "reference" / "gemeentecodes.yaml"
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["codes"][2022])


def _choice(rng: np.random.Generator, words: list[str] | tuple[str, ...], rows: int) -> np.ndarray:
    """Answers drawn with uneven shares (as real answers are), ``None`` where skipped."""
    weights = rng.uniform(0.2, 1.0, len(words))
    drawn = np.array(words, dtype=object)[rng.choice(len(words), rows, p=weights / weights.sum())]
    drawn[rng.random(rows) < SKIPPED] = None
    return drawn


def build_table(rows: int, seed: int = 2022) -> pa.Table:
    """The export as an Arrow table of text columns (numbers as their text), nulls for empty."""
    rng = np.random.default_rng(seed)
    columns: dict[str, np.ndarray] = {"Respondent": np.arange(1, rows + 1).astype(str)}
    codes = municipality_codes()
    columns[MUNICIPALITY] = np.array(codes, dtype=object)[rng.integers(0, len(codes), rows)]
    columns[SIZE] = np.array(SIZE_CLASSES, dtype=object)[
        rng.choice(len(SIZE_CLASSES), rows, p=[0.05, 0.15, 0.2, 0.3, 0.3])
    ]
    for multi in MULTI_SETS:
        skipped = rng.random(rows) < SKIPPED
        for column in multi.columns:
            chosen = rng.random(rows) < rng.uniform(0.1, 0.7)
            cells = np.where(chosen, multi.words[0], multi.words[1]).astype(object)
            cells[skipped] = None
            columns[column] = cells
    for statement in BATTERY:
        columns[statement] = _choice(rng, SCALE, rows)
    for single in SINGLES:
        columns[single.column] = _choice(rng, single.answers, rows)
    numbers = {
        "Leeftijd": rng.integers(18, 91, rows).astype(str),
        "Aantal wijkteams": rng.integers(1, 41, rows).astype(str),
        "Aantal fte": np.char.mod("%.1f", rng.uniform(0.5, 120.0, rows)),
        "Aantal meldingen": rng.integers(0, 5000, rows).astype(str),
    }
    for name, values in numbers.items():
        cells = values.astype(object)
        cells[rng.random(rows) < SKIPPED] = None
        columns[name] = cells
    openings = np.array(
        [
            "Wachtlijst van ",
            "Te weinig budget, tekort van ",
            "Goed overleg met ",
            "Samenwerking verloopt moeizaam sinds ",
            "Meer tijd nodig voor ",
        ]
    )
    remarks = np.char.add(openings[rng.integers(0, len(openings), rows)], "")
    remarks = np.char.add(remarks, rng.integers(1, 100_000, rows).astype(str))
    remarks = np.char.add(remarks, ".").astype(object)
    remarks[rng.random(rows) < 0.6] = None
    columns["Toelichting"] = remarks
    days = np.datetime64("2022-03-01") + rng.integers(0, 60, rows).astype("timedelta64[D]")
    columns["Ingevuld op"] = days.astype(str)
    return pa.table({name: pa.array(values, type=pa.string()) for name, values in columns.items()})


def write_csv(table: pa.Table, path: Path) -> None:
    """Comma-separated UTF-8 with a header row, quoting only where needed (as platforms do)."""
    import pyarrow.csv as pacsv

    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="needed"))


def write_parquet(table: pa.Table, path: Path) -> None:
    """Parquet with the numbers and the 0/1 sets as integer columns, the rest as text."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    integer = set(NUMBERS) - {"Aantal fte"} | {
        column for multi in MULTI_SETS if multi.words == ("1", "0") for column in multi.columns
    }
    typed = table
    for name in [*integer, "Aantal fte", "Respondent"]:
        target = pa.float64() if name == "Aantal fte" else pa.int64()
        index = typed.schema.get_field_index(name)
        typed = typed.set_column(index, name, pc.cast(typed[name], target))
    pq.write_table(typed, path)


def write_xlsx(table: pa.Table, path: Path) -> None:
    """A workbook as an online survey tool writes it: numbers as numbers, text as text."""
    import xlsxwriter

    numeric = {"Respondent", *NUMBERS}
    numeric |= {c for multi in MULTI_SETS if multi.words == ("1", "0") for c in multi.columns}
    columns = []
    for name in table.column_names:
        values = table[name].to_pylist()
        columns.append(
            [None if v is None else float(v) for v in values] if name in numeric else values
        )
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Data")
    sheet.write_row(0, 0, table.column_names)
    for row, cells in enumerate(zip(*columns, strict=True), start=1):
        for index, value in enumerate(cells):
            if value is not None:
                sheet.write(row, index, value)
    workbook.close()
