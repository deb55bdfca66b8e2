"""Typeform "Download responses" exports (CSV and XLSX).

Format facts relied on, and where they come from:

* One header row. Column A is ``#`` and holds the response token (32 lowercase letters
  and digits). Then one column per question with the question title as header. The
  question titles may repeat (two questions titled alike give two identical headers).
  A "choose many" multiple-choice question has NO column with its title: it gets one
  column per option whose header is the option text and whose cell holds that option
  text when ticked and is empty otherwise; an "Other" choice adds a column headed
  ``Other`` (in English also on a non-English form) holding the typed text. Two
  questions with the same options therefore give duplicate headers. Sources: a real
  download pasted into a JavaScript prompt (``toAskGemini``; Spanish form, 2024-25):
  header ``#,...,Cervezas y amigos,Comidas del mundo,...,Cervezas y amigos,...,Danos tu
  dirección para que disfrutes del beneficio.,Danos tu dirección para que disfrutes del
  beneficio.,Cuéntanos si tienes alguna restricción alimentaria ,Other,Response
  Type,Start Date (UTC),Stage Date (UTC),Submit Date (UTC),Network ID,Tags``, tokens like
  ``hefupfubphvacf8sv12ch63vnvacgl4s``, ``completed``, ``2025-02-22 17:15:19``, empty
  Stage Date for completed responses, Network ID ``98eebf3737``, empty Tags, phone
  numbers written ``'+56954886178`` (leading apostrophe); a Swedish workout log's TODO
  (2018) quoting the older layout ``#,date,...,Framsida lår,Baksida lår,...,Other,
  ...,Start Date (UTC),Submit Date (UTC),Network ID`` with option columns holding the
  option text; a Laravel importer test with ``...,Response Type,Start Date (UTC),Stage
  Date (UTC),Submit Date (UTC),Network ID,Tags,Ending``.
* Opinion scale / NPS answers are the number (``0``-``10``); single-choice answers are
  the choice text; number fields the number; unanswered questions are empty.
* Partial responses (``Response Type`` = ``partial``) have a Stage Date and no Submit
  Date; the questions after where they stopped are empty. They are real respondents.
* Hidden fields get a column headed with the hidden field's name, placed after the
  questions and before ``Response Type`` (position not verified).
* Not verified: file encoding (UTF-8 without BOM here) and line ends (LF here); the XLSX
  sheet name (``Responses`` here), whether the XLSX keeps the leading apostrophe on phone
  numbers (not kept here) and whether it stores numbers as numbers (done here).
"""

from __future__ import annotations

import csv
import io
import random
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl.utils import get_column_letter

from . import (
    ExpectedQuestion,
    PlatformCase,
    choice_question,
    multi_question,
    numeric_question,
    rating_question,
)

TAIL = [
    "Response Type",
    "Start Date (UTC)",
    "Stage Date (UTC)",
    "Submit Date (UTC)",
    "Network ID",
    "Tags",
]
TAIL_REASONS = [
    "platform metadata",
    "timestamp",
    "timestamp",
    "timestamp",
    "platform metadata",
    "empty",
]


@dataclass
class Col:
    header: str
    value: Callable[[object], object]
    key: str = ""  # which question the column belongs to, for the expectations


def monitorkit_names(columns: list[Col]) -> list[str]:
    """Header text stripped; every occurrence of a repeated text gets ' (column X)'."""
    stripped = [c.header.strip() for c in columns]
    counts = Counter(stripped)
    return [
        f"{name} (column {get_column_letter(i + 1)})" if counts[name] > 1 else name
        for i, name in enumerate(stripped)
    ]


def _csv_text(value: object) -> str:
    return "" if value is None else str(value)


def write_csv(columns: list[Col], people: list, path: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.header for c in columns])
    for person in people:
        writer.writerow([_csv_text(c.value(person)) for c in columns])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def write_xlsx(columns: list[Col], people: list, path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Responses"
    sheet.append([c.header for c in columns])
    for person in people:
        row = []
        for column in columns:
            value = column.value(person)
            if isinstance(value, str) and value.startswith("'+"):
                value = value[1:]  # the apostrophe only guards the CSV against formulas
            row.append(None if value in ("", None) else value)
        sheet.append(row)
    workbook.save(path)
    return path


# --------------------------------------------------------------------------- shared parts

TOKEN_CHARS = string.ascii_lowercase + string.digits


@dataclass
class Meta:
    token: str
    completed: bool
    start: datetime
    end: datetime
    network: str
    source: str


def _meta(
    rng: random.Random, index: int, n: int, first_day: datetime, partial: bool, networks: list[str]
) -> Meta:
    """Newest response first, as Typeform lists them."""
    start = first_day + timedelta(
        days=(n - index) // 3,
        hours=rng.randint(6, 22),
        minutes=rng.randint(0, 59),
        seconds=rng.randint(0, 59),
    )
    end = start + timedelta(minutes=rng.randint(1, 12), seconds=rng.randint(0, 59))
    source = rng.choices(["newsletter", "facebook", "poster", ""], weights=[5, 3, 2, 2])[0]
    token = "".join(rng.choice(TOKEN_CHARS) for _ in range(32))
    return Meta(token, not partial, start, end, rng.choice(networks), source)


def _stamp(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")


def _tail_columns() -> list[Col]:
    return [
        Col("Response Type", lambda p: "completed" if p.meta.completed else "partial"),
        Col("Start Date (UTC)", lambda p: _stamp(p.meta.start)),
        Col("Stage Date (UTC)", lambda p: "" if p.meta.completed else _stamp(p.meta.end)),
        Col("Submit Date (UTC)", lambda p: _stamp(p.meta.end) if p.meta.completed else ""),
        Col("Network ID", lambda p: p.meta.network),
        Col("Tags", lambda p: ""),
    ]


def _networks(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice("0123456789abcdef") for _ in range(10)) for _ in range(count)]


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def names_of(columns: list[Col], key: str) -> list[str]:
    names = monitorkit_names(columns)
    return [name for name, column in zip(names, columns, strict=True) if column.key == key]


# --------------------------------------------------------------------------- English form

EN_FACILITIES = [
    "Library",
    "Sports hall",
    "Community café",
    "Youth club",
    "Advice desk for questions about benefits, debts, housing, care or other money matters",
]
EN_NONE = "None of these"
EN_OTHER_USED = ["Repair café", "the garden", "Computer lessons", "repair cafe", "Choir rehearsals"]
EN_OTHER_IMPROVE = ["Parking", "More seats outside", "wifi", "Toilets", "toilets"]
EN_HOURS_Q = "How satisfied are you with the opening hours of the community centre?"
SATISFIED = [
    "Very dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Very satisfied",
]
EN_NPS_Q = "How likely are you to recommend the community centre to a friend or neighbour?"
EN_WHY_Q = "Why did you give this score? "
EN_WHY = [
    "Friendly volunteers",
    "friendly staff",
    "Too crowded on Wednesday afternoons",
    "The café is cheap and the coffee is good.",
    "no",
    "Not much for teenagers.",
    "It is close to home",
]
EN_CLEAN_Q = "How would you rate the cleanliness of the building?"
QUALITY = ["Very poor", "Poor", "Fair", "Good", "Very good"]
EN_EMAIL_Q = "What is your email address? We only use it to send you the results."
EN_NAMES = ["Sarah", "Tom", "Aisha", "Pieter", "Mei", "Jan", "Olga", "Kees", "Nadia", "Ruben"]


@dataclass
class EnPerson:
    meta: Meta
    first_name: str
    used: set[str]
    used_other: str
    hours: str | None
    nps: int | None
    why_nps: str
    improve: set[str]
    improve_other: str
    clean: str | None
    why_clean: str
    email: str


def _en_people(seed: int, n: int) -> list[EnPerson]:
    rng = random.Random(seed)
    networks = _networks(rng, n - 4)
    people = []
    for index in range(n):
        partial = index in (4, 17)  # left after the recommendation question
        meta = _meta(rng, index, n, datetime(2024, 5, 13), partial, networks)
        first_name = rng.choice(EN_NAMES) if rng.random() < 0.85 else ""
        if rng.random() < 0.1:
            used, used_other = {EN_NONE}, ""
        else:
            used = {
                f
                for f in EN_FACILITIES
                if rng.random() < (0.55 if f in EN_FACILITIES[:3] else 0.25)
            }
            used_other = rng.choice(EN_OTHER_USED) if (rng.random() < 0.2 or not used) else ""
        hours = _weighted(
            rng,
            {
                "Very dissatisfied": 1,
                "Dissatisfied": 3,
                "Neither satisfied nor dissatisfied": 4,
                "Satisfied": 9,
                "Very satisfied": 4,
            },
        )
        nps = None if index == 9 else rng.choice([2, 5, 6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10])
        why_nps = rng.choice(EN_WHY) if (nps is not None and rng.random() < 0.55) else ""
        person = EnPerson(
            meta, first_name, used, used_other, hours, nps, why_nps, set(), "", None, "", ""
        )
        if not partial:
            person.improve = {f for f in EN_FACILITIES if rng.random() < 0.3}
            person.improve_other = rng.choice(EN_OTHER_IMPROVE) if rng.random() < 0.2 else ""
            person.clean = _weighted(rng, {"Poor": 2, "Fair": 5, "Good": 10, "Very good": 5})
            person.why_clean = rng.choice(
                ["Toilets could be cleaner", "fine", "Always tidy", "no", ""]
            )
            person.email = (
                f"{first_name.lower() or 'resident'}{rng.randint(10, 99)}@example.com"
                if rng.random() < 0.5
                else ""
            )
        people.append(person)
    return people


def _en_columns() -> list[Col]:
    columns = [
        Col("#", lambda p: p.meta.token),
        Col("What is your first name?", lambda p: p.first_name),
    ]
    columns += [
        Col(o, (lambda p, o=o: o if o in p.used else ""), "used") for o in [*EN_FACILITIES, EN_NONE]
    ]
    columns.append(Col("Other", lambda p: p.used_other, "used"))
    columns.append(Col(EN_HOURS_Q, lambda p: p.hours, "hours"))
    columns.append(Col(EN_NPS_Q, lambda p: p.nps, "nps"))
    columns.append(Col(EN_WHY_Q, lambda p: p.why_nps, "why_nps"))
    columns += [
        Col(o, (lambda p, o=o: o if o in p.improve else ""), "improve") for o in EN_FACILITIES
    ]
    columns.append(Col("Other", lambda p: p.improve_other, "improve"))
    columns.append(Col(EN_CLEAN_Q, lambda p: p.clean, "clean"))
    columns.append(Col(EN_WHY_Q, lambda p: p.why_clean, "why_clean"))
    columns.append(Col(EN_EMAIL_Q, lambda p: p.email, "email"))
    columns.append(Col("utm_source", lambda p: p.meta.source, "hidden"))
    return columns + _tail_columns()


EN_PEOPLE = _en_people(seed=20240513, n=30)
EN_COLUMNS = _en_columns()


def _en_expected() -> list[ExpectedQuestion]:
    people, columns = EN_PEOPLE, EN_COLUMNS
    return [
        multi_question(
            names_of(columns, "used"),
            [*EN_FACILITIES, EN_NONE, "Other"],
            [p.used | ({"Other"} if p.used_other else set()) for p in people],
        ),
        choice_question(
            names_of(columns, "hours")[0], [p.hours for p in people], points=SATISFIED, kind="scale"
        ),
        rating_question(names_of(columns, "nps")[0], [p.nps for p in people], 0, 10),
        multi_question(
            names_of(columns, "improve"),
            [*EN_FACILITIES, "Other"],
            [p.improve | ({"Other"} if p.improve_other else set()) for p in people],
        ),
        choice_question(
            names_of(columns, "clean")[0], [p.clean for p in people], points=QUALITY, kind="scale"
        ),
    ]


def _en_not_tabulated() -> dict[str, str]:
    names = monitorkit_names(EN_COLUMNS)
    reasons = {
        names[0]: "respondent id",
        names[1]: "personal data",
        names_of(EN_COLUMNS, "why_nps")[0]: "open text",
        names_of(EN_COLUMNS, "why_clean")[0]: "open text",
        names_of(EN_COLUMNS, "email")[0]: "personal data",
        "utm_source": "platform metadata",
    }
    return {**reasons, **dict(zip(TAIL, TAIL_REASONS, strict=True))}


def _write_en_csv(folder: Path) -> Path:
    return write_csv(EN_COLUMNS, EN_PEOPLE, folder / "Community centre visitors-responses.csv")


# --------------------------------------------------------------------------- Dutch form

NL_EMAIL_Q = "Wat is uw e-mailadres? (niet verplicht)"
NL_TEVREDEN_Q = "Hoe tevreden bent u over de dienstverlening van de gemeente?"
TEVREDEN = ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"]
NL_ONDERWERPEN = [
    "Verkeersveiligheid en te hard rijden",
    "Onderhoud van groen, stoepen en straten",
    "Zwerfafval en vuilnis naast de containers",
    "Voorzieningen voor jongeren, zoals een trapveldje, een hangplek of een jongerencentrum",
    "Overlast van buren, hangjongeren of horeca in de avond en in de nacht",
]
NL_ANDERS_TEKST = [
    "Parkeren",
    "parkeerdruk",
    "Hondenpoep",
    "Meer bankjes",
    "hondenpoep op de stoep",
]
NL_TOELICHTING_Q = "Kunt u uw antwoord toelichten?"
NL_TOELICHTING = [
    "nee",
    "Er wordt veel te hard gereden in de Dorpsstraat.",
    "De containers zitten vaak vol.",
    "Prima buurt, fijne buren.",
    "Geen",
    "Te weinig speelplekken voor kleine kinderen.",
]
NL_CIJFER_Q = "Welk rapportcijfer geeft u uw buurt als plek om te wonen?"
NL_AANRADEN_Q = "Hoe waarschijnlijk is het dat u uw buurt aanraadt aan vrienden of familie?"
NL_JAREN_Q = "Hoeveel jaar woont u al in deze gemeente?"
NL_WONEN_Q = "Wat is uw woonsituatie?"
NL_WONEN = [
    "Ik woon in een koopwoning",
    "Ik huur mijn woning van een woningcorporatie of een andere sociale verhuurder",
    "Ik huur mijn woning van een particuliere verhuurder, makelaar of belegger",
    "Ik woon in bij mijn ouders, familie of vrienden",
]
NL_TELEFOON_Q = "Op welk telefoonnummer mogen we u bellen voor een vervolggesprek?"
NL_OPMERKING_Q = "Heeft u nog andere opmerkingen?"
NL_OPMERKINGEN = [
    "nee",
    "Nee",
    "geen",
    "Nee.",
    "Bedankt voor het vragen!",
    "Kom eens kijken in de Beukenlaan.",
]


@dataclass
class NlPerson:
    meta: Meta
    email: str
    tevreden: str | None
    onderwerpen: set[str]
    anders: str
    toelichting1: str
    cijfer: int | None
    aanraden: int | None
    toelichting2: str
    jaren: int | None
    wonen: str | None
    telefoon: str
    opmerking: str


def _nl_people(seed: int, n: int) -> list[NlPerson]:
    rng = random.Random(seed)
    networks = _networks(rng, n - 3)
    people = []
    for index in range(n):
        partial = index in (2, 23)  # gestopt na de eerste toelichting
        meta = _meta(rng, index, n, datetime(2024, 10, 1), partial, networks)
        email = f"bewoner{rng.randint(100, 999)}@example.nl" if rng.random() < 0.4 else ""
        tevreden = _weighted(
            rng,
            {
                "Zeer ontevreden": 1,
                "Ontevreden": 3,
                "Neutraal": 6,
                "Tevreden": 10,
                "Zeer tevreden": 3,
                "Weet ik niet": 2,
            },
        )
        onderwerpen = {
            o for o in NL_ONDERWERPEN if rng.random() < (0.5 if o in NL_ONDERWERPEN[:2] else 0.3)
        }
        anders = rng.choice(NL_ANDERS_TEKST) if (rng.random() < 0.2 or not onderwerpen) else ""
        if index == 11:
            onderwerpen, anders = set(), ""  # vraag niet beantwoord
        toelichting1 = rng.choice(NL_TOELICHTING) if rng.random() < 0.6 else ""
        person = NlPerson(
            meta,
            email,
            tevreden,
            onderwerpen,
            anders,
            toelichting1,
            None,
            None,
            "",
            None,
            None,
            "",
            "",
        )
        if not partial:
            person.cijfer = rng.choice([4, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 9, 10])
            person.aanraden = (
                None if index == 15 else rng.choice([0, 3, 5, 6, 7, 7, 8, 8, 8, 9, 10])
            )
            person.toelichting2 = rng.choice(NL_TOELICHTING) if rng.random() < 0.5 else ""
            person.jaren = rng.choice(
                [
                    0,
                    1,
                    2,
                    3,
                    4,
                    5,
                    6,
                    7,
                    8,
                    9,
                    10,
                    12,
                    14,
                    15,
                    18,
                    20,
                    22,
                    25,
                    30,
                    31,
                    35,
                    40,
                    42,
                    48,
                    51,
                    60,
                ]
            )
            if index == 7:
                person.jaren = None
            person.wonen = _weighted(rng, dict(zip(NL_WONEN, [10, 7, 4, 2], strict=True)))
            person.telefoon = (
                f"'+316{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.3 else ""
            )
            person.opmerking = rng.choice(NL_OPMERKINGEN) if rng.random() < 0.55 else ""
        people.append(person)
    return people


def _nl_columns() -> list[Col]:
    columns = [Col("#", lambda p: p.meta.token), Col(NL_EMAIL_Q, lambda p: p.email, "email")]
    columns.append(Col(NL_TEVREDEN_Q, lambda p: p.tevreden, "tevreden"))
    columns += [
        Col(o, (lambda p, o=o: o if o in p.onderwerpen else ""), "onderwerpen")
        for o in NL_ONDERWERPEN
    ]
    columns.append(Col("Other", lambda p: p.anders, "onderwerpen"))
    columns.append(Col(NL_TOELICHTING_Q, lambda p: p.toelichting1, "toelichting1"))
    columns.append(Col(NL_CIJFER_Q, lambda p: p.cijfer, "cijfer"))
    columns.append(Col(NL_AANRADEN_Q, lambda p: p.aanraden, "aanraden"))
    columns.append(Col(NL_TOELICHTING_Q, lambda p: p.toelichting2, "toelichting2"))
    columns.append(Col(NL_JAREN_Q, lambda p: p.jaren, "jaren"))
    columns.append(Col(NL_WONEN_Q, lambda p: p.wonen, "wonen"))
    columns.append(Col(NL_TELEFOON_Q, lambda p: p.telefoon, "telefoon"))
    columns.append(Col(NL_OPMERKING_Q, lambda p: p.opmerking, "opmerking"))
    columns.append(Col("utm_source", lambda p: p.meta.source, "hidden"))
    return columns + _tail_columns()


NL_PEOPLE = _nl_people(seed=20241001, n=27)
NL_COLUMNS = _nl_columns()


def _nl_expected() -> list[ExpectedQuestion]:
    people, columns = NL_PEOPLE, NL_COLUMNS
    return [
        choice_question(
            names_of(columns, "tevreden")[0],
            [p.tevreden for p in people],
            points=TEVREDEN,
            missing_words=("Weet ik niet",),
            kind="scale",
        ),
        multi_question(
            names_of(columns, "onderwerpen"),
            [*NL_ONDERWERPEN, "Other"],
            [p.onderwerpen | ({"Other"} if p.anders else set()) for p in people],
        ),
        rating_question(names_of(columns, "cijfer")[0], [p.cijfer for p in people], 1, 10),
        rating_question(names_of(columns, "aanraden")[0], [p.aanraden for p in people], 0, 10),
        numeric_question(names_of(columns, "jaren")[0], [p.jaren for p in people]),
        choice_question(names_of(columns, "wonen")[0], [p.wonen for p in people]),
    ]


def _nl_not_tabulated() -> dict[str, str]:
    names = monitorkit_names(NL_COLUMNS)
    reasons = {
        names[0]: "respondent id",
        names_of(NL_COLUMNS, "email")[0]: "personal data",
        names_of(NL_COLUMNS, "toelichting1")[0]: "open text",
        names_of(NL_COLUMNS, "toelichting2")[0]: "open text",
        names_of(NL_COLUMNS, "telefoon")[0]: "personal data",
        names_of(NL_COLUMNS, "opmerking")[0]: "open text",
        "utm_source": "platform metadata",
    }
    return {**reasons, **dict(zip(TAIL, TAIL_REASONS, strict=True))}


def _write_nl_csv(folder: Path) -> Path:
    return write_csv(NL_COLUMNS, NL_PEOPLE, folder / "Bewonerspeiling 2024-responses.csv")


def _write_nl_xlsx(folder: Path) -> Path:
    return write_xlsx(NL_COLUMNS, NL_PEOPLE, folder / "Bewonerspeiling 2024-responses.xlsx")


def _check_hard_parts() -> None:
    """The generated truth has the awkward features the cases promise."""
    assert not any(p.clean == "Very poor" for p in EN_PEOPLE)
    assert {0, 1, 3, 4} & {p.nps for p in EN_PEOPLE} == set()
    assert any(p.used_other for p in EN_PEOPLE) and any(p.improve_other for p in EN_PEOPLE)
    assert any(EN_NONE in p.used for p in EN_PEOPLE)
    assert sum(not p.meta.completed for p in EN_PEOPLE) == 2
    assert {1, 2, 3} & {p.cijfer for p in NL_PEOPLE} == set()
    assert any(p.tevreden == "Weet ik niet" for p in NL_PEOPLE)
    assert any(p.telefoon for p in NL_PEOPLE) and any(p.anders for p in NL_PEOPLE)
    assert len({p.jaren for p in NL_PEOPLE if p.jaren is not None}) >= 12


_check_hard_parts()

CASES: list[PlatformCase] = [
    PlatformCase(
        name="typeform_en_csv",
        write=_write_en_csv,
        respondents=len(EN_PEOPLE),
        questions=_en_expected(),
        not_tabulated=_en_not_tabulated(),
    ),
    PlatformCase(
        name="typeform_nl_csv",
        write=_write_nl_csv,
        respondents=len(NL_PEOPLE),
        questions=_nl_expected(),
        not_tabulated=_nl_not_tabulated(),
    ),
    PlatformCase(
        name="typeform_nl_xlsx",
        write=_write_nl_xlsx,
        respondents=len(NL_PEOPLE),
        questions=_nl_expected(),
        not_tabulated=_nl_not_tabulated(),
    ),
]
