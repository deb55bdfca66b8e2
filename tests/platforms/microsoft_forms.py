"""Microsoft Forms exports: the workbook of Responses > "Open in Excel" / "Download a copy".

Format facts these cases rely on, and where they come from:

* One header row, one row per response, written as an Excel table on ``Sheet1``. The
  fixed columns come first: ``ID``, ``Start time``, ``Completion time``, ``Email``,
  ``Name``, and in exports since about 2023 ``Last modified time``; Dutch:
  ``ID``, ``Begintijd``, ``Tijd van voltooien``, ``E-mail``, ``Naam``,
  ``Tijd van laatste wijziging`` (several public scripts that read Dutch Forms exports
  list exactly these: ``['ID', 'Begintijd', 'Tijd van voltooien', 'E-mail', 'Naam',
  'Tijd van laatste wijziging', ...]``; English: ``"ID","Start time","Completion
  time","Email","Name","Last modified time"``). Note: "Tijd van voltooien", not
  "Tijd van voltooiing". ``Last modified time`` is empty unless a response was edited.
  IDs are the response numbers, so deleted responses leave gaps.
* Start/completion times are real Excel date-times (shown ``m/d/yy h:mm:ss``).
* Forms makes headers unique, as an Excel table must: a question whose title repeats an
  earlier header gets a digit appended (a quiz export read in public code has
  ``"ID2"``, ``"Name2"``; another reads ``"Email2"``). Headers keep the question title
  as typed, including trailing non-breaking spaces or line breaks.
* Responses that were not signed in (``Anyone can respond``) have ``anonymous`` in the
  Email column and an empty Name.
* Choice questions with several answers: all chosen options in one cell, each followed by
  ";" (``Option A;Option B;``; the Excel counting recipe for Forms on web-breeze.net,
  ``COUNTIF(F:F,"*;"&H2&";*")+COUNTIF(F:F,H2&";*")``, relies on that trailing ";"; Google
  Forms by contrast uses ", "). The text typed into the "Other" option is written like
  an option. A single-answer choice cell holds just the option text.
* Likert: one column per statement, headed with the statement text only (the question
  text is not exported: Microsoft Tech Community thread "Export Likert Question Text with
  Statements", summarised in AndrewGodlewsky/AI-Dev-Survey docs/research/
  microsoft-forms-export.md); cells hold the option label text.
* Net Promoter Score and Rating: the number (0..10; 1..5 stars or 1..10 numbers).
* Ranking: one cell with every option in the respondent's order, each followed by ";".

What a ranking counts as (a decision, not a platform fact): a ranking cell is not a
tick-all-that-apply list (every answered cell names every option, so each would score
100%). It is counted as a ``single`` question whose answer is the option ranked first;
items are all ranked options (0 when nobody put it first), base is the answered cells.

Not verified: the exact sheet/table names (assumed ``Sheet1``/``Table1``), whether
rating/NPS cells are numbers or text (numbers here), and whether English exports of old
forms already have ``Last modified time`` (the English case here has none).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from . import ExpectedQuestion, PlatformCase


@dataclass
class Choices:
    """A multi-select (or ranking) answer: options in order plus an 'Other' text."""

    options: list[str]
    other: str | None = None

    def cell(self) -> str:
        return "".join(f"{o};" for o in [*self.options, *([self.other] if self.other else [])])


@dataclass
class Column:
    header: str
    cells: list  # None | str | int | datetime | Choices
    reason: str | None = None


@dataclass
class Survey:
    columns: list[Column] = field(default_factory=list)
    expect: list = field(default_factory=list)

    def add(self, header: str, cells: list, reason: str | None = None) -> Column:
        column = Column(header, cells, reason)
        self.columns.append(column)
        return column

    def questions(self) -> list[ExpectedQuestion]:
        return [build() for build in self.expect]

    def not_tabulated(self) -> dict[str, str]:
        return {c.header.strip(): c.reason for c in self.columns if c.reason}

    def respondents(self) -> int:
        return len(self.columns[0].cells)


def deal(rng: random.Random, counts: dict, n: int) -> list:
    """Exactly ``counts[v]`` respondents answer ``v``; the rest leave it empty; shuffled."""
    cells = [value for value, k in counts.items() for _ in range(k)]
    assert len(cells) <= n, (len(cells), n)
    cells += [None] * (n - len(cells))
    rng.shuffle(cells)
    return cells


# ---- expectations from the truth -----------------------------------------------------


def expect_single(column: Column):
    def build():
        valid = [c for c in column.cells if c is not None]
        return ExpectedQuestion(
            columns=[column.header.strip()],
            type="single",
            base=len(valid),
            items=sorted(Counter(valid).items()),
        )

    return build


def expect_likert(column: Column, vocabulary, missing_labels=()):
    def build():
        answers = [c for c in column.cells if c is not None]
        valid = [a for a in answers if a not in missing_labels]
        assert set(valid) <= set(vocabulary)
        miss = Counter(a for a in answers if a in missing_labels)
        return ExpectedQuestion(
            columns=[column.header.strip()],
            type="scale",
            base=len(valid),
            items=[(point, valid.count(point)) for point in vocabulary],
            ordered=True,
            missing=[(m, miss[m]) for m in missing_labels if miss[m]],
        )

    return build


def expect_rating(column: Column, low: int, high: int):
    def build():
        valid = [c for c in column.cells if c is not None]
        assert all(low <= v <= high for v in valid)
        return ExpectedQuestion(
            columns=[column.header.strip()],
            type="scale",
            base=len(valid),
            items=[(str(v), valid.count(v)) for v in range(low, high + 1)],
            ordered=True,
            mean=sum(valid) / len(valid),
        )

    return build


def expect_multi(column: Column, options, other_label: str):
    def build():
        answered = [c for c in column.cells if c is not None]
        items = [(o, sum(o in a.options for a in answered)) for o in options]
        assert all(count for _, count in items), items
        items.append((other_label, sum(a.other is not None for a in answered)))
        return ExpectedQuestion(
            columns=[column.header.strip()], type="multi", base=len(answered), items=items
        )

    return build


def expect_ranking(column: Column, options):
    """Decision: a ranking is tabulated as the option each respondent ranked first."""

    def build():
        answered = [c for c in column.cells if c is not None]
        firsts = Counter(a.options[0] for a in answered)
        return ExpectedQuestion(
            columns=[column.header.strip()],
            type="single",
            base=len(answered),
            items=[(o, firsts[o]) for o in options],
        )

    return build


# ---- writer ---------------------------------------------------------------------------


def write_forms_xlsx(survey: Survey, path: Path) -> Path:
    """The workbook Forms writes: one Excel table on Sheet1, dates as real date-times."""
    import xlsxwriter

    n = survey.respondents()
    workbook = xlsxwriter.Workbook(str(path))
    worksheet = workbook.add_worksheet("Sheet1")
    stamp = workbook.add_format({"num_format": "m/d/yy h:mm:ss"})
    worksheet.add_table(
        0,
        0,
        n,
        len(survey.columns) - 1,
        {
            "name": "Table1",
            "style": "Table Style Medium 2",
            "columns": [{"header": c.header} for c in survey.columns],
        },
    )
    for j, column in enumerate(survey.columns):
        for i, value in enumerate(column.cells, start=1):
            if value is None:
                worksheet.write_blank(i, j, None)
            elif isinstance(value, datetime):
                worksheet.write_datetime(i, j, value, stamp)
            elif isinstance(value, Choices):
                worksheet.write_string(i, j, value.cell())
            elif isinstance(value, int | float):
                worksheet.write_number(i, j, value)
            else:
                worksheet.write_string(i, j, value)
    worksheet.set_column(0, 0, 6)
    worksheet.set_column(1, len(survey.columns) - 1, 20)
    workbook.close()
    return path


# ---- generators -----------------------------------------------------------------------


def response_ids(rng: random.Random, n: int, deleted: int) -> list[int]:
    """Response numbers 1.. with ``deleted`` numbers missing (responses deleted by the owner)."""
    ids = list(range(1, n + deleted + 1))
    for gone in rng.sample(ids[1:-1], deleted):
        ids.remove(gone)
    return ids


def times(rng: random.Random, n: int, start: datetime) -> tuple[list, list]:
    starts, ends, moment = [], [], start
    for _ in range(n):
        moment += timedelta(minutes=rng.randint(5, 600), seconds=rng.randint(0, 59))
        starts.append(moment)
        ends.append(moment + timedelta(minutes=rng.randint(3, 25), seconds=rng.randint(0, 59)))
    return starts, ends


def multi_answers(rng, n, options, chance, others, *, exclusive, chose_exclusive, skipped):
    """Random ticks; then some rows get a write-in, some the exclusive option, some nothing."""
    cells: list = []
    for _ in range(n):
        cells.append(Choices([o for o in options if o != exclusive and rng.random() < chance[o]]))
    order = list(range(n))
    rng.shuffle(order)
    rows = iter(order)
    for text in others:
        cells[next(rows)].other = text
    for _ in range(chose_exclusive):
        cells[next(rows)] = Choices([exclusive])
    for _ in range(skipped):
        cells[next(rows)] = None
    for i, cell in enumerate(cells):
        if cell is not None and not cell.options and cell.other is None:
            cells[i] = Choices([exclusive])
    return cells


def rankings(rng, n, options, weights, skipped):
    """Full rankings (Forms records every option once the respondent reorders the list)."""
    cells: list = []
    for _ in range(n):
        pool, weight, order = list(options), list(weights), []
        while pool:
            pick = rng.choices(range(len(pool)), weights=weight)[0]
            order.append(pool.pop(pick))
            weight.pop(pick)
        cells.append(Choices(order))
    for i in rng.sample(range(n), skipped):
        cells[i] = None
    return cells


def _open(rng, n, pool, chance):
    return [rng.choice(pool) if rng.random() < chance else None for _ in range(n)]


# --------------------------------------------------------------------------------------
# Dutch staff survey of a municipality (signed-in respondents, newer export)
# --------------------------------------------------------------------------------------

CLUSTER = [
    "Sociaal domein",
    "Ruimte en wonen",
    "Publiekszaken",
    "Bedrijfsvoering, inclusief ICT, financiën en HR",
]
STEUN = [
    "Intervisie, coaching of supervisie",
    "Opleidingen en cursussen via de gemeentelijke academie of een externe opleider",
    "Vertrouwenspersoon",
    "Bedrijfsmaatschappelijk werk",
    "Geen",
]
EENS_NL = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
THEMAS = [
    "Werkdruk",
    "Thuiswerken en hybride werken",
    "Loopbaanmogelijkheden",
    "Salaris en secundaire arbeidsvoorwaarden",
    "Samenwerking tussen afdelingen",
]
_VOORNAAM = ["Anouk", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanneke", "Iris",
             "Joost", "Karim", "Lotte", "Mohamed", "Noor", "Pieter", "Sanne"]  # fmt: skip
_ACHTERNAAM = ["de Vries", "Jansen", "van den Berg", "Bakker", "El Amrani", "Visser", "Smit",
               "de Boer", "Yilmaz", "Mulder", "Kok", "Hendriks"]  # fmt: skip


def medewerkers_nl(seed: int = 5, n: int = 26) -> Survey:
    rng = random.Random(seed)
    s = Survey()
    s.add("ID", response_ids(rng, n, deleted=2), "respondent id")
    starts, ends = times(rng, n, datetime(2024, 10, 7, 8, 30))
    s.add("Begintijd", starts, "timestamp")
    s.add("Tijd van voltooien", ends, "timestamp")
    people = [(rng.choice(_VOORNAAM), rng.choice(_ACHTERNAAM)) for _ in range(n)]
    s.add(
        "E-mail",
        [f"{v.lower()}.{a.replace(' ', '').lower()}@gemeentevoorbeeld.nl" for v, a in people],
        "personal data",
    )
    s.add("Naam", [f"{v} {a}" for v, a in people], "personal data")
    edited = set(rng.sample(range(n), 3))
    s.add(
        "Tijd van laatste wijziging",
        [ends[i] + timedelta(days=1, minutes=13) if i in edited else None for i in range(n)],
        "timestamp",
    )

    cluster = s.add(
        "Bij welk cluster werkt u?",
        deal(rng, {CLUSTER[0]: 11, CLUSTER[1]: 6, CLUSTER[2]: 4, CLUSTER[3]: 5}, n),
    )
    s.expect.append(expect_single(cluster))
    chance = dict(zip(STEUN, [0.45, 0.5, 0.1, 0.15, 0.0], strict=True))
    steun = s.add(
        "Van welke vormen van ondersteuning heeft u het afgelopen jaar gebruikgemaakt?",
        multi_answers(
            rng, n, STEUN, chance, ["Mentorprogramma", "Loopbaangesprek, via HR"],
            exclusive="Geen", chose_exclusive=2, skipped=2,
        ),
    )  # fmt: skip
    s.expect.append(expect_multi(steun, STEUN, "Anders"))

    statements = {
        "Ik heb voldoende tijd om mijn werk goed te doen": {
            "Helemaal mee oneens": 3, "Mee oneens": 8, "Neutraal": 6, "Mee eens": 7,
            "Helemaal mee eens": 1, "Geen mening": 1,
        },
        # Nobody strongly disagrees here; the point still belongs to the scale.
        "Ik weet bij wie ik terecht kan met vragen over de Wmo en de Jeugdwet": {
            "Mee oneens": 2, "Neutraal": 5, "Mee eens": 10, "Helemaal mee eens": 6,
            "Geen mening": 2,
        },
        "De samenwerking met het wijkteam verloopt goed": {
            "Helemaal mee oneens": 1, "Mee oneens": 4, "Neutraal": 5, "Mee eens": 6,
            "Helemaal mee eens": 2, "Geen mening": 5,
        },
    }  # fmt: skip
    for statement, counts in statements.items():
        column = s.add(statement, deal(rng, counts, n))
        s.expect.append(expect_likert(column, EENS_NL, ["Geen mening"]))

    nps = s.add(
        "Hoe waarschijnlijk is het dat u de gemeente als werkgever aanbeveelt aan vrienden of "
        "bekenden?",
        deal(rng, {0: 1, 2: 1, 4: 2, 5: 3, 6: 4, 7: 6, 8: 5, 9: 2, 10: 2}, n),
    )
    s.expect.append(expect_rating(nps, 0, 10))
    s.add(
        "Toelichting",
        _open(rng, n, ["Te hoge werkdruk", "nee", "Fijne collega's, goede sfeer in het team.",
                       "-", "Weinig doorgroeimogelijkheden"], 0.5),
        "open text",
    )  # fmt: skip
    plezier = s.add(
        "Welk cijfer geeft u uw werkplezier?",
        deal(rng, {3: 1, 5: 2, 6: 5, 7: 9, 8: 6, 9: 2, 10: 1}, n),
    )
    s.expect.append(expect_rating(plezier, 1, 10))
    ranking = s.add(
        "Zet de volgende thema's in volgorde van belang (bovenaan = belangrijkst)",
        rankings(rng, n, THEMAS, [5, 3, 2, 4, 1], skipped=3),
    )
    s.expect.append(expect_ranking(ranking, THEMAS))
    # A repeated title: Forms appends "2" to keep the table's headers unique.
    s.add(
        "Toelichting2",
        _open(rng, n, ["geen", "Werkdruk staat met stip op 1.", "geen", "Salaris blijft achter "
                       "bij de markt, zeker voor ICT."], 0.45),
        "open text",
    )  # fmt: skip
    s.add(
        "Wat kan de gemeente als werkgever beter doen?\u00a0",
        _open(rng, n, ["Minder vergaderen", "nee", "Betere laptops en een werkende VPN",
                       "Meer ruimte voor thuiswerken", "geen"], 0.6),
        "open text",
    )  # fmt: skip
    return s


# --------------------------------------------------------------------------------------
# English resident survey (form opened to anyone halfway; older export without
# "Last modified time")
# --------------------------------------------------------------------------------------

AREA = ["Northfield", "Riverside", "Old Town", "Hillcrest, Meadowbank and surrounding villages"]
SERVICES = [
    "Waste and recycling collection",
    "Parks, sports facilities and playgrounds",
    "Library",
    "Council tax, benefits or debt advice",
    "None of these",
]
AGREE_EN = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
PRIORITIES = ["Road repairs", "Youth services", "Affordable housing", "Street cleaning"]
_FIRST = ["Amelia", "Oliver", "Priya", "George", "Fatima", "Harry", "Sophie", "Mohammed", "Lily"]
_LAST = ["Smith", "Jones", "Patel", "Brown", "Taylor", "Khan", "Wilson", "Evans", "Walker"]


def residents_en(seed: int = 9, n: int = 30) -> Survey:
    rng = random.Random(seed)
    s = Survey()
    s.add("ID", response_ids(rng, n, deleted=1), "respondent id")
    starts, ends = times(rng, n, datetime(2024, 6, 3, 9, 0))
    s.add("Start time", starts, "timestamp")
    s.add("Completion time", ends, "timestamp")
    # The first responses came in while the form was for staff only (signed in); then it
    # was opened to anyone and the rest are anonymous.
    signed_in = 9
    people = [(rng.choice(_FIRST), rng.choice(_LAST)) for _ in range(signed_in)]
    s.add(
        "Email",
        [f"{f.lower()}.{last.lower()}@northshire.gov.uk" for f, last in people]
        + ["anonymous"] * (n - signed_in),
        "personal data",
    )
    s.add("Name", [f"{f} {last}" for f, last in people] + [None] * (n - signed_in), "personal data")

    area = s.add(
        "Which area do you live in?",
        deal(rng, {AREA[0]: 9, AREA[1]: 8, AREA[2]: 7, AREA[3]: 5}, n),
    )
    s.expect.append(expect_single(area))
    chance = dict(zip(SERVICES, [0.7, 0.45, 0.3, 0.2, 0.0], strict=True))
    services = s.add(
        "Which council services have you used in the past 12 months? Select all that apply.\n",
        multi_answers(
            rng, n, SERVICES, chance, ["Planning, building control", "Registrar", "Cemetery"],
            exclusive="None of these", chose_exclusive=2, skipped=1,
        ),
    )  # fmt: skip
    s.expect.append(expect_multi(services, SERVICES, "Other"))

    statements = {
        "I feel safe walking in my neighbourhood after dark": {
            "Strongly disagree": 3, "Disagree": 5, "Neutral": 6, "Agree": 10,
            "Strongly agree": 4, "Don't know": 1,
        },
        # Nobody strongly agrees that the council keeps them informed.
        "The council keeps residents well informed about local plans": {
            "Strongly disagree": 6, "Disagree": 10, "Neutral": 7, "Agree": 4,
            "Don't know": 2,
        },
        "It is easy to reach the right person at the council": {
            "Strongly disagree": 5, "Disagree": 8, "Neutral": 6, "Agree": 5,
            "Strongly agree": 2, "Don't know": 3,
        },
    }  # fmt: skip
    for statement, counts in statements.items():
        column = s.add(statement, deal(rng, counts, n))
        s.expect.append(expect_likert(column, AGREE_EN, ["Don't know"]))

    nps = s.add(
        "How likely are you to recommend living in this area to a friend or family member?",
        deal(rng, {0: 2, 1: 1, 3: 2, 5: 4, 6: 3, 7: 5, 8: 6, 9: 3, 10: 3}, n),
    )
    s.expect.append(expect_rating(nps, 0, 10))
    s.add(
        "Comments",
        _open(rng, n, ["none", "no", "Lovely area but the buses are unreliable.",
                       "Too much traffic on the high street"], 0.4),
        "open text",
    )  # fmt: skip
    website = s.add(
        "How would you rate the council's website?",
        deal(rng, {1: 4, 2: 6, 3: 9, 4: 7, 5: 2}, n),
    )
    s.expect.append(expect_rating(website, 1, 5))
    ranking = s.add(
        "Rank these priorities for next year's budget",
        rankings(rng, n, PRIORITIES, [4, 2, 5, 1], skipped=2),
    )
    s.expect.append(expect_ranking(ranking, PRIORITIES))
    s.add(
        "Comments2",
        _open(rng, n, ["no", "Fix the potholes first!", "Housing is the biggest issue by far",
                       "none"], 0.5),
        "open text",
    )  # fmt: skip
    s.add(
        "Is there anything else you would like to tell us?",
        _open(rng, n, ["No", "no thanks", "Please publish the results of this survey.",
                       "The bins were missed three times in May."], 0.45),
        "open text",
    )  # fmt: skip
    return s


# --------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------


def _case(name: str, survey: Survey, filename: str) -> PlatformCase:
    return PlatformCase(
        name=name,
        write=lambda folder: write_forms_xlsx(survey, folder / filename),
        respondents=survey.respondents(),
        questions=survey.questions(),
        not_tabulated=survey.not_tabulated(),
    )


CASES: list[PlatformCase] = [
    _case("microsoft-forms-xlsx-nl", medewerkers_nl(), "Medewerkerspeiling 2024(1-26).xlsx"),
    _case("microsoft-forms-xlsx-en", residents_en(), "Residents survey 2024(1-30).xlsx"),
]
