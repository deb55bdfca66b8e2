"""Google Forms exports: Forms' "Download responses (.csv)" file and the linked Sheet's xlsx.

Format facts these cases rely on, and where they come from:

* One header row; one column per question, titled with the question title as typed
  (duplicate titles give duplicate headers: neither Forms nor Sheets makes them
  unique). The first column is the submission time, ``Timestamp`` in an English
  account, ``Tijdstempel`` in a Dutch one; when the form collects e-mail addresses the
  second column is ``Email Address`` (``Email address`` in forms made since 2024;
  ``E-mailadres`` in Dutch). Seen in many public scripts that read these files
  (``drop(columns=["Timestamp", "Email Address"])``; a Sheets header row
  ``["Timestamp","Email address","College",...]``; a Dutch test fixture
  ``{"Tijdstempel": "4-5-2026 10:59:37"}``).
* Grids: one column per row, headed ``Question title [Row text]``; a multiple-choice grid
  cell holds the chosen column label, a checkbox grid cell the chosen labels joined like a
  checkbox answer. (Google Forms help, "Multiple choice grid"/"Checkbox grid"; the
  danaleeling.blogspot.com post "Converting Likert survey words in Google Forms to numbers
  in Google Sheets" shows grid cells holding the label words.)
* Linear scale: the number only (1..5, 0..10); the end labels are not exported.
* Checkboxes: all ticked options in ONE cell, in the order of the form, the text typed in
  the built-in "Other"/"Anders" option last, as typed. The separator differs by file:
  the linked Google Sheet (and its xlsx/CSV downloads) joins with ", " (simile-widgets
  issue #174 "Google spreadsheet ... multiple check box ... stored in a single cell with a
  comma separator"), whereas the CSV from the Forms "Download responses (.csv)" joins with
  ";" and no space (GravityKit/GravityView PR #1359: "Google Forms ... use semicolons to
  separate multiple items"; a public copy of a Forms CSV in
  GeckoRobotics/gecko-sustainability components/Form.tsx:
  ``'Waste management (food, trash, technical waste, recycling, compost, etc);Community
  service / outreach'``). Option texts may themselves contain ", ".
* Forms CSV: UTF-8, every field quoted (also empty ones, ``""``), timestamps written as
  ``2024/05/14 9:41:07 AM GMT+2`` (seen in several public copies:
  ``"2017/05/02 12:11:03 PM GMT+2"``, ``"2016/08/15 7:16:38 PM GMT+2"`` in a Polish
  form, ``'2022/06/22 11:07:29 AM AST'``). Not verified: BOM (assumed none), line ending
  (assumed CRLF), and whether a Dutch account gets "Tijdstempel" in the CSV (the Polish
  copy had an English "Timestamp"; the Dutch CSV case below assumes a localised header
  with the same timestamp pattern).
* Sheet xlsx: sheet ``Form Responses 1`` / ``Formulierreacties 1``, header row frozen,
  timestamps real date-times (Dutch display ``d-m-yyyy H:mm:ss``), linear-scale answers
  numbers, everything else text.

Conventions used for the expectations (see ``tests/platforms/__init__.py``): duplicate
headers become ``"Title (column X)"``; a grid row is its own question (``scale`` for a
Likert grid, ``multi`` for a checkbox grid, whose labels come from the grid's columns,
zero counts included); a checkbox cell is a one-cell list whose base is the non-empty
cells and whose "Other" write-ins count once per respondent as "Other"/"Anders".
"""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from . import ExpectedQuestion, PlatformCase

# --------------------------------------------------------------------------------------
# A small model of a form's response table: columns with per-respondent truth values.
# --------------------------------------------------------------------------------------


@dataclass
class Ticks:
    """A checkbox answer: the ticked options (form order) and the typed 'Other' text."""

    options: list[str]
    other: str | None = None

    def joined(self, sep: str) -> str:
        return sep.join([*self.options, *([self.other] if self.other else [])])


@dataclass
class Column:
    header: str
    cells: list  # None (empty) | str | int | float | datetime | Ticks
    reason: str | None = None  # set when the column is not tabulated


@dataclass
class Survey:
    columns: list[Column] = field(default_factory=list)
    # Builders of the expected questions, called with a header -> name function.
    expect: list = field(default_factory=list)

    def add(self, header: str, cells: list, reason: str | None = None) -> Column:
        column = Column(header, cells, reason)
        self.columns.append(column)
        return column

    def names(self) -> dict[int, str]:
        """Column name per position as monitorkit names them (duplicates suffixed)."""
        headers = [c.header.strip() for c in self.columns]
        counts = Counter(headers)
        return {
            i: f"{h} (column {_letter(i)})" if counts[h] > 1 else h for i, h in enumerate(headers)
        }

    def name_of(self, column: Column) -> str:
        return self.names()[next(i for i, c in enumerate(self.columns) if c is column)]

    def questions(self) -> list[ExpectedQuestion]:
        return [build(self.name_of) for build in self.expect]

    def not_tabulated(self) -> dict[str, str]:
        return {self.name_of(c): c.reason for c in self.columns if c.reason}

    def respondents(self) -> int:
        return len(self.columns[0].cells)


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def deal(rng: random.Random, counts: dict, n: int) -> list:
    """Exactly ``counts[v]`` respondents answer ``v``; the rest leave it empty; shuffled."""
    cells = [value for value, k in counts.items() for _ in range(k)]
    assert len(cells) <= n, (len(cells), n)
    cells += [None] * (n - len(cells))
    rng.shuffle(cells)
    return cells


# ---- expectations from the truth -----------------------------------------------------


def expect_single(column: Column, missing_labels=(), *, kind="single"):
    def build(name):
        answers = [c for c in column.cells if c is not None]
        valid = [a for a in answers if a not in missing_labels]
        counts = Counter(valid)
        miss = Counter(a for a in answers if a in missing_labels)
        return ExpectedQuestion(
            columns=[name(column)],
            type=kind,
            base=len(valid),
            items=sorted(counts.items()),
            missing=[(m, miss[m]) for m in missing_labels if miss[m]],
        )

    return build


def expect_likert(column: Column, vocabulary, missing_labels=()):
    def build(name):
        answers = [c for c in column.cells if c is not None]
        valid = [a for a in answers if a not in missing_labels]
        assert set(valid) <= set(vocabulary), set(valid) - set(vocabulary)
        miss = Counter(a for a in answers if a in missing_labels)
        return ExpectedQuestion(
            columns=[name(column)],
            type="scale",
            base=len(valid),
            items=[(point, valid.count(point)) for point in vocabulary],
            ordered=True,
            missing=[(m, miss[m]) for m in missing_labels if miss[m]],
        )

    return build


def expect_rating(column: Column, low: int, high: int):
    def build(name):
        valid = [c for c in column.cells if c is not None]
        assert all(low <= v <= high for v in valid)
        return ExpectedQuestion(
            columns=[name(column)],
            type="scale",
            base=len(valid),
            items=[(str(v), valid.count(v)) for v in range(low, high + 1)],
            ordered=True,
            mean=sum(valid) / len(valid),
        )

    return build


def expect_numeric(column: Column):
    def build(name):
        valid = [c for c in column.cells if c is not None]
        return ExpectedQuestion(
            columns=[name(column)], type="numeric", base=len(valid), mean=sum(valid) / len(valid)
        )

    return build


def expect_checkboxes(column: Column, options, other_label: str | None):
    """One-cell list: base = non-empty cells; a write-in counts once as Other/Anders."""

    def build(name):
        answered = [c for c in column.cells if c is not None]
        items = [(o, sum(o in t.options for t in answered)) for o in options]
        if other_label:  # a question (not a grid row): every option was chosen somewhere
            assert all(count for _, count in items), items
            items.append((other_label, sum(t.other is not None for t in answered)))
        return ExpectedQuestion(
            columns=[name(column)], type="multi", base=len(answered), items=items
        )

    return build


# ---- writers --------------------------------------------------------------------------


def forms_timestamp(moment: datetime, zone: str = "GMT+2") -> str:
    """The Forms CSV timestamp: 2024/05/14 9:41:07 AM GMT+2."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {half} {zone}"


def csv_text(value, sep: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Ticks):
        return value.joined(sep)
    if isinstance(value, datetime):
        return forms_timestamp(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_forms_csv(survey: Survey, path: Path) -> Path:
    """The CSV inside the zip of Forms' "Download responses (.csv)": all fields quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([c.header for c in survey.columns])
    for i in range(survey.respondents()):
        writer.writerow([csv_text(c.cells[i], ";") for c in survey.columns])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def write_sheet_xlsx(survey: Survey, path: Path, sheet: str, date_format: str) -> Path:
    """File > Download > Microsoft Excel (.xlsx) of the form's linked response sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append([c.header for c in survey.columns])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    worksheet.freeze_panes = "A2"
    for i in range(survey.respondents()):
        row = []
        for column in survey.columns:
            value = column.cells[i]
            row.append(value.joined(", ") if isinstance(value, Ticks) else value)
        worksheet.append(row)
        for cell in worksheet[worksheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = date_format
    workbook.save(path)
    return path


def timestamps(rng: random.Random, n: int, start: datetime) -> list[datetime]:
    moments, moment = [], start
    for _ in range(n):
        moment += timedelta(minutes=rng.randint(7, 900), seconds=rng.randint(0, 59))
        moments.append(moment)
    return moments


def checkbox_answers(rng, n, options, chance, others, *, exclusive=None, chose_exclusive=0,
                     skipped=0):  # fmt: skip
    """Random checkbox answers; ``others`` are the typed write-ins, given to random rows;
    ``chose_exclusive`` rows tick only the exclusive option, ``skipped`` rows nothing."""
    cells: list = []
    for _ in range(n):
        ticked = [o for o in options if o != exclusive and rng.random() < chance[o]]
        cells.append(Ticks(ticked))
    order = list(range(n))
    rng.shuffle(order)
    rows = iter(order)
    for text in others:
        cells[next(rows)].other = text
    for _ in range(chose_exclusive):
        cells[next(rows)] = Ticks([exclusive])
    for _ in range(skipped):
        cells[next(rows)] = None
    if exclusive:
        # Respondents with nothing ticked and no write-in chose the exclusive option.
        for i, cell in enumerate(cells):
            if cell is not None and not cell.options and cell.other is None:
                cells[i] = Ticks([exclusive])
    else:
        for i, cell in enumerate(cells):
            if cell is not None and not cell.options and cell.other is None:
                cells[i] = None
    return cells


def checkbox_grid_answers(rng, n, labels, chance, skipped_rows):
    cells = []
    for i in range(n):
        ticked = [label for label in labels if rng.random() < chance.get(label, 0)]
        cells.append(Ticks(ticked) if ticked and i not in skipped_rows else None)
    return cells


# --------------------------------------------------------------------------------------
# Dutch partner survey (Google Sheet, downloaded as xlsx)
# --------------------------------------------------------------------------------------

NL_ORG = [
    "Gemeente",
    "Zorgaanbieder (Wmo of Jeugdwet)",
    "Welzijnsorganisatie",
    "Onderwijs of kinderopvang",
    "Maatschappelijke organisatie, vereniging of stichting die met vrijwilligers werkt",
]
NL_TERREINEN = [
    "Werk en inkomen, inclusief schuldhulp en armoedebeleid",
    "Zorg en ondersteuning thuis (Wmo), zoals huishoudelijke hulp, begeleiding en hulpmiddelen",
    "Jeugdhulp en opvoedondersteuning",
    "Wonen, leefbaarheid en veiligheid in de wijk",
    "Onderwijs en vroegschoolse educatie",
]
TEVREDEN_NL = ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"]
KANALEN = ["E-mail", "Telefoon", "Overleg op locatie", "Teams of videobellen"]
OPEN_TOELICHTING = [
    "geen",
    "nee",
    "Korte lijnen met de beleidsmedewerker, dat werkt prettig.",
    "Soms duurt het lang voordat we antwoord krijgen op een subsidieaanvraag.",
    "geen",
    "Wisselende contactpersonen, daardoor veel overdracht.",
    "nvt",
    "Goed overleg in het sociaal wijkteam",
]


def partners_nl(seed: int = 11, n: int = 32) -> Survey:
    rng = random.Random(seed)
    s = Survey()
    s.add("Tijdstempel", timestamps(rng, n, datetime(2024, 3, 4, 8, 0)), "timestamp")
    mails = [f"{rng.choice('ajmsrk')}.{name}@{org}.nl" for name, org in _people(rng, n)]
    s.add("E-mailadres", mails, "personal data")

    org = s.add(
        "Bij welk type organisatie werkt u?",
        deal(rng, {NL_ORG[0]: 6, NL_ORG[1]: 9, NL_ORG[2]: 7, NL_ORG[3]: 4, NL_ORG[4]: 6}, n),
    )
    s.expect.append(expect_single(org))

    chance = dict(zip(NL_TERREINEN, [0.45, 0.5, 0.35, 0.3, 0.15], strict=True))
    others = [
        "Sport",
        "Cultuur, sport en recreatie",
        "Vluchtelingenwerk",
        "mantelzorgondersteuning",
    ]
    terreinen = s.add(
        "Op welke terreinen is uw organisatie actief? (meerdere antwoorden mogelijk)",
        checkbox_answers(rng, n, NL_TERREINEN, chance, others, skipped=2),
    )
    s.expect.append(expect_checkboxes(terreinen, NL_TERREINEN, "Anders"))

    grid = "Hoe tevreden bent u over de samenwerking met de gemeente op de volgende onderdelen?"
    rows = {
        "Bereikbaarheid van contactpersonen": {
            "Zeer ontevreden": 1, "Ontevreden": 3, "Neutraal": 7, "Tevreden": 14,
            "Zeer tevreden": 5, "Weet ik niet": 1,
        },
        "Snelheid van besluitvorming over aanvragen en subsidies": {
            # Nobody chose "Zeer tevreden" here: the grid's other rows show it exists.
            "Zeer ontevreden": 4, "Ontevreden": 9, "Neutraal": 8, "Tevreden": 6,
            "Weet ik niet": 3,
        },
        "Informatievoorziening over nieuw beleid": {
            "Zeer ontevreden": 2, "Ontevreden": 6, "Neutraal": 10, "Tevreden": 9,
            "Zeer tevreden": 2, "Weet ik niet": 2,
        },
    }  # fmt: skip
    for row, counts in rows.items():
        column = s.add(f"{grid} [{row}]", deal(rng, counts, n))
        s.expect.append(expect_likert(column, TEVREDEN_NL, ["Weet ik niet"]))

    channels = "Via welke kanalen heeft u contact met de gemeente?"
    chances = {
        "Beleidsafdeling": {"E-mail": 0.8, "Telefoon": 0.4, "Overleg op locatie": 0.35,
                            "Teams of videobellen": 0.5},
        "Wijkteam": {"E-mail": 0.4, "Telefoon": 0.6, "Overleg op locatie": 0.55,
                     "Teams of videobellen": 0.2},
        # Nobody meets the contact centre in person: count 0 from the sibling rows.
        "Klantcontactcentrum": {"E-mail": 0.3, "Telefoon": 0.5, "Teams of videobellen": 0.05},
    }  # fmt: skip
    for row, chance_row in chances.items():
        column = s.add(
            f"{channels} [{row}]", checkbox_grid_answers(rng, n, KANALEN, chance_row, {0, 5})
        )
        s.expect.append(expect_checkboxes(column, KANALEN, None))

    wijkaanpak = s.add(
        "Hoe belangrijk vindt u een gezamenlijke wijkaanpak voor uw organisatie?",
        deal(rng, {1: 1, 2: 3, 3: 6, 4: 12, 5: 9}, n),
    )
    s.expect.append(expect_rating(wijkaanpak, 1, 5))
    cijfer = s.add(
        "Welk rapportcijfer geeft u de samenwerking met de gemeente?",
        deal(rng, {1: 1, 4: 1, 5: 3, 6: 5, 7: 10, 8: 8, 9: 2, 10: 1}, n),
    )
    s.expect.append(expect_rating(cijfer, 1, 10))
    s.add("Toelichting", _open(rng, n, OPEN_TOELICHTING, 0.55), "open text")

    wijkteam = s.add(
        "Hoe tevreden bent u hierover?",
        deal(
            rng,
            {"Ontevreden": 3, "Neutraal": 6, "Tevreden": 12, "Zeer tevreden": 4,
             "Niet van toepassing": 5},
            n,
        ),
    )  # fmt: skip
    s.expect.append(expect_likert(wijkteam, TEVREDEN_NL, ["Niet van toepassing"]))
    s.add("Toelichting", _open(rng, n, OPEN_TOELICHTING, 0.4), "open text")

    # Only organisations working in youth care got the youth-care section (skip logic).
    jeugd = [
        rng.choice(["Zeer ontevreden", "Ontevreden", "Ontevreden", "Neutraal", "Tevreden"])
        if t is not None and NL_TERREINEN[2] in t.options
        else None
        for t in terreinen.cells
    ]
    jeugdhulp = s.add("Hoe tevreden bent u hierover?", jeugd)
    s.expect.append(expect_likert(jeugdhulp, TEVREDEN_NL))

    s.add(
        "Heeft u nog andere opmerkingen of suggesties?",
        _open(
            rng,
            n,
            ["nee", "Nee, dank u.", "Graag vaker een gezamenlijke bijeenkomst per wijk.",
             "Meer duidelijkheid over de subsidieregels voor 2025 alstublieft", "geen"],
            0.5,
        ),
        "open text",
    )  # fmt: skip
    phones = [
        f"06-{rng.randint(10000000, 99999999)}" if rng.random() < 0.3 else None for _ in range(n)
    ]
    s.add(
        "Wilt u meedoen aan een vervolggesprek? Laat dan uw telefoonnummer achter.",
        phones,
        "personal data",
    )
    return s


# --------------------------------------------------------------------------------------
# English community-partner survey (Forms CSV download, and the Sheet's xlsx)
# --------------------------------------------------------------------------------------

EN_ORG = [
    "Charity or voluntary group",
    "Housing association",
    "Health or social care provider",
    "School, college or youth service",
    "Local business",
]
EN_ACTIVITIES = [
    "Meetups (local, regional)",
    "Online webinars, workshops and short courses",
    "Annual partnership conference",
    "Working group on housing, debt and income support for residents with multiple problems",
    "None of these",
]
AGREE_EN = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
]
SATISFIED_EN = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
EXPLAIN_EN = [
    "no",
    "none",
    "The application form is far too long for a small group like ours.",
    "Quick replies from the officer, very helpful.",
    "n/a",
    "Training was good but always on weekday mornings, hard for volunteers.",
    "none",
]


def partners_en(seed: int, n: int, *, email_header: str) -> Survey:
    rng = random.Random(seed)
    s = Survey()
    s.add("Timestamp", timestamps(rng, n, datetime(2024, 5, 13, 9, 0)), "timestamp")
    mails = [f"{name}@{org}.org.uk" for name, org in _people(rng, n)]
    s.add(email_header, mails, "personal data")

    org = s.add(
        "Which type of organisation do you work for?",
        deal(rng, {EN_ORG[0]: 9, EN_ORG[1]: 4, EN_ORG[2]: 6, EN_ORG[3]: 5, EN_ORG[4]: 2}, n),
    )
    s.expect.append(expect_single(org))

    chance = dict(zip(EN_ACTIVITIES, [0.55, 0.45, 0.3, 0.2, 0.0], strict=True))
    activities = s.add(
        "Which of these activities did you take part in this year? (tick all that apply)",
        checkbox_answers(
            rng, n, EN_ACTIVITIES, chance, ["Podcast", "Mentoring, peer review", "site visits"],
            exclusive="None of these", chose_exclusive=2, skipped=1,
        ),
    )  # fmt: skip
    s.expect.append(expect_checkboxes(activities, EN_ACTIVITIES, "Other"))

    grid = "To what extent do you agree with the following statements?"
    rows = {
        "The municipality listens to our organisation": {
            "Strongly disagree": 2, "Disagree": 5, "Neither agree nor disagree": 6,
            "Agree": 9, "Strongly agree": 3, "Not applicable": 1,
        },
        "We receive information in good time": {
            "Strongly disagree": 3, "Disagree": 8, "Neither agree nor disagree": 7,
            "Agree": 6, "Not applicable": 2,
        },
        "Funding rules are clear": {
            "Strongly disagree": 4, "Disagree": 7, "Neither agree nor disagree": 5,
            "Agree": 6, "Strongly agree": 1, "Not applicable": 2,
        },
    }  # fmt: skip
    for row, counts in rows.items():
        column = s.add(f"{grid} [{row}]", deal(rng, _fit(counts, n), n))
        s.expect.append(expect_likert(column, AGREE_EN, ["Not applicable"]))

    funding = s.add(
        "How satisfied are you with this?",
        deal(rng, _fit({"Very dissatisfied": 3, "Dissatisfied": 6, "Neutral": 7,
                        "Satisfied": 6, "Very satisfied": 2, "Don't know": 2}, n), n),
    )  # fmt: skip
    s.expect.append(expect_likert(funding, SATISFIED_EN, ["Don't know"]))
    s.add("Please explain your answer", _open(rng, n, EXPLAIN_EN, 0.5), "open text")
    training = s.add(
        "How satisfied are you with this?",
        deal(rng, _fit({"Dissatisfied": 2, "Neutral": 5, "Satisfied": 11,
                        "Very satisfied": 4}, n), n),
    )  # fmt: skip
    s.expect.append(expect_likert(training, SATISFIED_EN, ["Don't know"]))
    s.add("Please explain your answer", _open(rng, n, EXPLAIN_EN, 0.35), "open text")

    when = "When are you usually available for meetings?"
    chances = {
        "Morning": {"Monday": 0.5, "Tuesday": 0.55, "Wednesday": 0.4, "Thursday": 0.5,
                    "Friday": 0.3},
        "Afternoon": {"Monday": 0.3, "Tuesday": 0.35, "Wednesday": 0.45, "Thursday": 0.3,
                      "Friday": 0.2},
        # Nobody is free on Friday evening: 0 from the sibling rows.
        "Evening": {"Monday": 0.2, "Tuesday": 0.25, "Wednesday": 0.15, "Thursday": 0.3},
    }  # fmt: skip
    for row, chance_row in chances.items():
        column = s.add(f"{when} [{row}]", checkbox_grid_answers(rng, n, DAYS, chance_row, {1, 4}))
        s.expect.append(expect_checkboxes(column, DAYS, None))

    nps = s.add(
        "How likely is it that you would recommend partnering with the municipality to a "
        "colleague?",
        deal(rng, _fit({0: 1, 3: 1, 5: 3, 6: 3, 7: 6, 8: 7, 9: 3, 10: 2}, n), n),
    )
    s.expect.append(expect_rating(nps, 0, 10))
    overall = s.add(
        "Overall, how would you rate the partnership?",
        deal(rng, _fit({1: 1, 2: 3, 3: 8, 4: 10, 5: 3}, n), n),
    )
    s.expect.append(expect_rating(overall, 1, 5))
    fte = [
        rng.choice([0.4, 0.8, 1.5, 2, 3.5, 6, 12, 14.2, 25, 38, 120, 250, 7.6, 9, 18])
        if rng.random() < 0.85
        else None
        for _ in range(n)
    ]
    staff = s.add("How many paid staff (FTE) does your organisation have?", fte)
    s.expect.append(expect_numeric(staff))
    s.add(
        "Anything else you would like to tell us?",
        _open(rng, n, ["no", "No thanks", "Keep up the good work!",
                       "Please share the results with all partners, not just the big ones."], 0.4),
        "open text",
    )  # fmt: skip
    names = [f"{first} {last}" if rng.random() < 0.4 else None for first, last in _names(rng, n)]
    s.add("Your name (optional)", names, "personal data")
    return s


# --------------------------------------------------------------------------------------
# Dutch resident panel (Forms CSV download, no e-mail column)
# --------------------------------------------------------------------------------------

LEEFTIJD = ["Jonger dan 18 jaar", "18 tot 35 jaar", "35 tot 50 jaar", "50 tot 65 jaar",
            "65 jaar of ouder"]  # fmt: skip
WIJK = ["Centrum", "Noord", "Oost", "Zuid, inclusief De Hoven", "West"]
VOORZIENINGEN = [
    "Bibliotheek",
    "Buurthuis of wijkcentrum",
    "Sportvoorzieningen, zoals zwembad, sporthal of trapveldje",
    "Huisarts of praktijkondersteuner",
    "Geen van deze",
]
EENS_NL = ["Helemaal mee oneens", "Mee oneens", "Niet mee eens, niet mee oneens", "Mee eens",
           "Helemaal mee eens"]  # fmt: skip


def inwoners_nl(seed: int = 23, n: int = 24) -> Survey:
    rng = random.Random(seed)
    s = Survey()
    s.add("Tijdstempel", timestamps(rng, n, datetime(2024, 9, 2, 7, 30)), "timestamp")
    age = s.add(
        "Wat is uw leeftijd?",
        deal(rng, {LEEFTIJD[0]: 1, LEEFTIJD[1]: 5, LEEFTIJD[2]: 6, LEEFTIJD[3]: 7,
                   LEEFTIJD[4]: 5}, n),
    )  # fmt: skip
    s.expect.append(expect_single(age))
    wijk = s.add(
        "In welke wijk woont u?",
        deal(rng, {WIJK[0]: 4, WIJK[1]: 6, WIJK[2]: 5, WIJK[3]: 6, WIJK[4]: 3}, n),
    )
    s.expect.append(expect_single(wijk))
    chance = dict(zip(VOORZIENINGEN, [0.4, 0.3, 0.45, 0.55, 0.0], strict=True))
    voorzieningen = s.add(
        "Van welke voorzieningen heeft u het afgelopen jaar gebruikgemaakt?",
        checkbox_answers(
            rng, n, VOORZIENINGEN, chance, ["Kinderboerderij", "Speeltuin, kinderboerderij",
                                            "Repair café"],
            exclusive="Geen van deze", chose_exclusive=2, skipped=1,
        ),
    )  # fmt: skip
    s.expect.append(expect_checkboxes(voorzieningen, VOORZIENINGEN, "Anders"))

    grid = "In hoeverre bent u het eens met de volgende stellingen?"
    rows = {
        "Ik voel me veilig in mijn buurt": {
            "Mee oneens": 2, "Niet mee eens, niet mee oneens": 4, "Mee eens": 11,
            "Helemaal mee eens": 6,
        },
        "De gemeente luistert naar inwoners": {
            "Helemaal mee oneens": 4, "Mee oneens": 7, "Niet mee eens, niet mee oneens": 6,
            "Mee eens": 4, "Helemaal mee eens": 1, "Weet niet": 2,
        },
        "Ik weet waar ik terecht kan met vragen over zorg of geld": {
            "Helemaal mee oneens": 2, "Mee oneens": 5, "Niet mee eens, niet mee oneens": 5,
            "Mee eens": 7, "Helemaal mee eens": 2, "Weet niet": 1,
        },
    }  # fmt: skip
    for row, counts in rows.items():
        column = s.add(f"{grid} [{row}]", deal(rng, counts, n))
        s.expect.append(expect_likert(column, EENS_NL, ["Weet niet"]))
    s.add("Toelichting", _open(rng, n, OPEN_TOELICHTING, 0.3), "open text")
    cijfer = s.add(
        "Welk rapportcijfer geeft u uw buurt als plek om te wonen?",
        deal(rng, {3: 1, 5: 2, 6: 4, 7: 8, 8: 6, 9: 2}, n),
    )
    s.expect.append(expect_rating(cijfer, 1, 10))
    s.add("Toelichting", _open(rng, n, OPEN_TOELICHTING, 0.3), "open text")
    s.add(
        "Wat zou de gemeente als eerste moeten verbeteren in uw buurt?",
        _open(rng, n, ["Meer groen", "meer groen", "Hondenpoep!",
                       "Verkeersveiligheid bij de school", "geen idee",
                       "Handhaving op parkeren, vooral in het weekend"], 0.7),
        "open text",
    )  # fmt: skip
    mails = [f"{name}@ziggo.nl" if rng.random() < 0.35 else None for name, _ in _people(rng, n)]
    s.add(
        "Mogen we u benaderen voor een vervolgonderzoek? Vul dan uw e-mailadres in.",
        mails,
        "personal data",
    )
    return s


# ---- small generators ----------------------------------------------------------------

_LAST = ["devries", "jansen", "bakker", "visser", "smit", "meijer", "mulder", "bos", "vos",
         "dekker", "peters", "hendriks", "vandijk", "brouwer", "dejong", "kok"]  # fmt: skip
_ORGS = ["welzijnwest", "zorgplus", "gemeente-voorbeeld", "stichtingdebrug", "jeugdzorgnu"]
_FIRST = ["Anna", "Ben", "Chloe", "David", "Emma", "Faisal", "Grace", "Harry", "Isla", "Jack"]
_SURNAME = ["Smith", "Jones", "Patel", "Brown", "Taylor", "Khan", "Wilson", "Evans", "Walker"]


def _people(rng, n):
    return [(rng.choice(_LAST), rng.choice(_ORGS)) for _ in range(n)]


def _names(rng, n):
    return [(rng.choice(_FIRST), rng.choice(_SURNAME)) for _ in range(n)]


def _open(rng, n, pool, chance):
    return [rng.choice(pool) if rng.random() < chance else None for _ in range(n)]


def _fit(counts: dict, n: int) -> dict:
    """Drop answers from the largest categories until the counts fit ``n`` respondents."""
    counts = dict(counts)
    while sum(counts.values()) > n:
        largest = max(counts, key=counts.get)
        counts[largest] -= 1
    return counts


# --------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------


def _case(name: str, survey: Survey, write) -> PlatformCase:
    return PlatformCase(
        name=name,
        write=write,
        respondents=survey.respondents(),
        questions=survey.questions(),
        not_tabulated=survey.not_tabulated(),
    )


_PARTNERS_NL = partners_nl()
_PARTNERS_EN_CSV = partners_en(seed=7, n=28, email_header="Email Address")
_PARTNERS_EN_XLSX = partners_en(seed=31, n=26, email_header="Email address")
_INWONERS_NL = inwoners_nl()

CASES: list[PlatformCase] = [
    _case(
        "google-sheets-xlsx-nl",
        _PARTNERS_NL,
        lambda folder: write_sheet_xlsx(
            _PARTNERS_NL,
            folder / "Partnerpeiling sociaal domein 2024 (reacties).xlsx",
            "Formulierreacties 1",
            "d-m-yyyy H:mm:ss",
        ),
    ),
    _case(
        "google-forms-csv-en",
        _PARTNERS_EN_CSV,
        lambda folder: write_forms_csv(_PARTNERS_EN_CSV, folder / "Community partners survey.csv"),
    ),
    _case(
        "google-forms-csv-nl",
        _INWONERS_NL,
        lambda folder: write_forms_csv(_INWONERS_NL, folder / "Inwonerspanel najaar 2024.csv"),
    ),
    _case(
        "google-sheets-xlsx-en",
        _PARTNERS_EN_XLSX,
        lambda folder: write_sheet_xlsx(
            _PARTNERS_EN_XLSX,
            folder / "Community partners survey (Responses).xlsx",
            "Form Responses 1",
            "m/d/yyyy H:mm:ss",
        ),
    ),
]
