"""SurveyMonkey "All Responses Data" exports (expanded columns, actual answer text).

Format facts relied on, and where they come from:

* Two header rows. Row 1 holds the nine respondent metadata headers and, for each
  question, the question text above its first column only; the other columns of that
  question are blank in row 1 (in the .xlsx download the question cell is merged across
  them). Row 2 is blank under the metadata columns and holds, per question column, the
  option text (checkbox options, matrix row texts), ``Response`` (single-answer
  questions, rating and NPS questions) or ``Open-Ended Response`` (text boxes). An
  "Other (please specify)" box gets its own column with that option text in row 2 and
  the typed text in the cells. Sources: a real expanded CSV export committed as
  RuoyunLin/code_snippets ``survey_monkey_python_analysis/data_g1.csv`` (blog post
  "Analyze Survey Monkey data using Python", 2019): checkbox question with columns
  ``Desktop computer, ..., Other (please specify)``, a single answer with ``Response``,
  a matrix whose row-2 cells are the statements and whose cells hold
  ``Strongly agree`` ... ``Strongly disagree``; row 1 and row 2 quoted in the
  ggwash dc-election parser (``// Row 1: Respondent ID,Collector ID,...`` /
  ``// Row 2: ,,,,,,,,,Name,...,Response,Response,Open-Ended Response``); the
  metadata list ``Respondent ID, Collector ID, Start Date, End Date, IP Address,
  Email Address, First Name, Last Name, Custom Data 1`` in several parsers
  (monkeywrangler ``loadSurveyMonkeyXLS(idcols = 1:9)``, a Python
  ``SurveyMonkeyParser.METADATA_COLUMNS``).
* Checkbox cells hold the option text when ticked and are empty otherwise; matrix and
  single-answer cells hold the answer text; NPS / rating cells hold the number. Skipped
  questions and pages not reached are empty cells (partial responses are in the export).
* Dates in CSV are ``MM/DD/YYYY hh:mm:ss AM`` (data_g1.csv: ``07/14/2019 06:03:59 PM``).
  Respondent IDs are 11-digit numbers, Collector IDs 9-digit numbers. Email, names and
  Custom Data are filled only for email-invitation collectors (SurveyMonkey help,
  "Reacties anoniem maken" / "Respondenten traceren": web links record the IP address,
  email invitations also the e-mail address, first and last name and custom data).
* Localisation: SurveyMonkey writes the metadata headers in the account language. The
  only Dutch evidence found is an R script reading Flemish SurveyMonkey .xls exports
  (``select(-c(`Verzamelprogramma-ID`, `Datum`, `IP-adres`))``), which matches the
  Dutch help centre's term "verzamelprogramma" for collector. The other Dutch headers
  used below (Respondent-ID, Begindatum, Einddatum, E-mailadres, Voornaam, Achternaam,
  Aangepaste gegevens 1) and the row-2 words ``Antwoord`` / ``Open antwoord`` are NOT
  verified; they follow SurveyMonkey's Dutch UI vocabulary. A Dutch survey exported
  from an English-language account keeps the English headers (the last case).
* Not verified: the CSV encoding (written here as UTF-8 with BOM, CRLF line ends),
  whether the xlsx stores dates as date cells (done here) or text, and the sheet name
  (``Sheet`` here).
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from . import (
    ExpectedQuestion,
    PlatformCase,
    choice_question,
    multi_question,
    rating_question,
)

# --------------------------------------------------------------------------- layout

META_EN = [
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
]
# Unverified except Verzamelprogramma-ID and IP-adres (see module docstring).
META_NL = [
    "Respondent-ID",
    "Verzamelprogramma-ID",
    "Begindatum",
    "Einddatum",
    "IP-adres",
    "E-mailadres",
    "Voornaam",
    "Achternaam",
    "Aangepaste gegevens 1",
]
META_REASONS = [
    "respondent id",
    "platform metadata",
    "timestamp",
    "timestamp",
    "personal data",
    "personal data",
    "personal data",
    "personal data",
    "platform metadata",
]
FILLERS = {
    "en": ("Response", "Open-Ended Response"),
    "nl": ("Antwoord", "Open antwoord"),  # unverified
}


@dataclass
class Col:
    """One export column: question text (row 1), row-2 text, cell value per respondent."""

    question: str
    sub: str
    value: Callable[[object], object]
    group: int = 0  # columns of one question share a group number


@dataclass
class Layout:
    columns: list[Col] = field(default_factory=list)
    fillers: tuple[str, str] = FILLERS["en"]
    _group: int = 0

    def meta(self, headers: list[str], getters: list[Callable]) -> None:
        for header, getter in zip(headers, getters, strict=True):
            self._group += 1
            self.columns.append(Col(header, "", getter, self._group))

    def question(self, text: str, subs: list[tuple[str, Callable]]) -> list[str]:
        """Add a question's columns; return monitorkit's names for them."""
        self._group += 1
        names = []
        for sub, getter in subs:
            self.columns.append(Col(text, sub, getter, self._group))
            names.append(self.name(text, sub))
        return names

    def name(self, question: str, sub: str) -> str:
        question = question.strip()
        if not sub or sub in self.fillers:
            return question
        return f"{question} - {sub.strip()}"

    def header_rows(self) -> tuple[list[str], list[str]]:
        top, second, seen = [], [], set()
        for col in self.columns:
            top.append("" if col.group in seen else col.question)
            seen.add(col.group)
            second.append(col.sub)
        return top, second


def _cell(value: object) -> object:
    return None if value is None or value == "" else value


def write_xlsx(layout: Layout, people: list, path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet"
    top, second = layout.header_rows()
    sheet.append([_cell(v) for v in top])
    sheet.append([_cell(v) for v in second])
    for person in people:
        sheet.append([_cell(col.value(person)) for col in layout.columns])
    # Merge the question cell in row 1 across the question's columns.
    start = 0
    while start < len(layout.columns):
        end = start
        while (
            end + 1 < len(layout.columns)
            and layout.columns[end + 1].group == layout.columns[start].group
        ):
            end += 1
        if end > start:
            sheet.merge_cells(start_row=1, start_column=start + 1, end_row=1, end_column=end + 1)
        start = end + 1
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "mm/dd/yyyy hh:mm:ss AM/PM"
    workbook.save(path)
    return path


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%m/%d/%Y %I:%M:%S %p")
    return str(value)


def write_csv(layout: Layout, people: list, path: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    top, second = layout.header_rows()
    writer.writerow(top)
    writer.writerow(second)
    for person in people:
        writer.writerow([_csv_text(col.value(person)) for col in layout.columns])
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


# --------------------------------------------------------------------------- counting helpers


# --------------------------------------------------------------------------- shared generators

FIRST_NAMES = [
    "Anna",
    "Daan",
    "Sanne",
    "Mohamed",
    "Lotte",
    "Priya",
    "Tom",
    "Fatima",
    "Jeroen",
    "Emma",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "El Amrani",
    "Visser",
    "Smit",
    "Kaya",
    "Meijer",
    "Mulder",
]


def _ip(rng: random.Random) -> str:
    first = rng.choice([77, 80, 84, 86, 89, 94, 145, 213])
    return f"{first}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}"


@dataclass
class Meta:
    respondent_id: int
    collector_id: int
    start: datetime
    end: datetime
    ip: str
    email: str = ""
    first: str = ""
    last: str = ""
    custom: str = ""


def _meta(rng: random.Random, index: int, n: int, start_day: datetime, web: int, mail: int) -> Meta:
    """Rows come newest first, as SurveyMonkey lists them: ids and dates fall down the file."""
    via_mail = rng.random() < 0.35
    start = start_day + timedelta(
        days=(n - index) // 4,
        hours=rng.randint(7, 21),
        minutes=rng.randint(0, 59),
        seconds=rng.randint(0, 59),
    )
    end = start + timedelta(minutes=rng.randint(3, 19), seconds=rng.randint(0, 59))
    meta = Meta(
        11_430_000_000 + 7919 * (n - index) + rng.randint(0, 900),
        mail if via_mail else web,
        start,
        end,
        _ip(rng),
    )
    if via_mail:
        meta.first, meta.last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        user = f"{meta.first}.{meta.last}".lower().replace(" ", "")
        meta.email = f"{user}{rng.randint(1, 99)}@example.nl"
        meta.custom = f"K-{rng.randint(20000, 29999)}"
    return meta


def _meta_getters() -> list[Callable]:
    return [
        lambda p: p.meta.respondent_id,
        lambda p: p.meta.collector_id,
        lambda p: p.meta.start,
        lambda p: p.meta.end,
        lambda p: p.meta.ip,
        lambda p: p.meta.email,
        lambda p: p.meta.first,
        lambda p: p.meta.last,
        lambda p: p.meta.custom,
    ]


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# --------------------------------------------------------------------------- English survey

EN_SERVICES_Q = (
    "Which of the following municipal services have you used in the past 12 months?"
    " (Select all that apply)"
)
EN_SERVICES = [
    "Waste collection and recycling",
    "Library",
    "Parking permits",
    "Social support at home (help with household tasks, personal care or daily activities)",
    "Debt counselling or financial advice provided through the municipal social team",
    "None of the above",
]
EN_OTHER = "Other (please specify)"
EN_OTHER_TEXTS = [
    "Building permit",
    "Passport renewal",
    "Dog licence",
    "building permit",
    "Youth care",
]
EN_MATRIX_Q = (  # with the trailing space SurveyMonkey keeps from the question editor
    "To what extent do you agree or disagree with the following statements"
    " about your neighbourhood? "
)
EN_MATRIX_ROWS = [
    "I feel safe walking in my neighbourhood after dark",
    "People in my neighbourhood help each other",
    "The streets and pavements in my neighbourhood are well maintained",
    "There are enough facilities for young people in my neighbourhood",
]
AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
EN_MATRIX_WEIGHTS = [
    {
        "Strongly disagree": 2,
        "Disagree": 3,
        "Neither agree nor disagree": 3,
        "Agree": 8,
        "Strongly agree": 4,
    },
    # Nobody strongly disagrees here; the point is known from the sibling rows.
    {"Disagree": 2, "Neither agree nor disagree": 5, "Agree": 7, "Strongly agree": 3},
    {
        "Strongly disagree": 4,
        "Disagree": 6,
        "Neither agree nor disagree": 4,
        "Agree": 4,
        "Strongly agree": 1,
        "N/A": 2,
    },
    {
        "Strongly disagree": 3,
        "Disagree": 5,
        "Neither agree nor disagree": 5,
        "Agree": 3,
        "Strongly agree": 1,
        "N/A": 5,
    },
]
EN_SATISFACTION_Q = (
    "Overall, how satisfied or dissatisfied are you with the services provided by the municipality?"
)
SATISFIED = [
    "Very dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Very satisfied",
]
EN_NPS_Q = (
    "How likely is it that you would recommend this municipality as a place to live"
    " to a friend or colleague?"
)
EN_HOUSING_Q = "Which of the following best describes your current housing situation?"
EN_HOUSING = [
    "I own my home (with or without a mortgage)",
    "I rent my home from a housing association or social housing corporation",
    "I rent my home from a private landlord or through a letting agency",
    "I live with my parents, other family members or friends without paying rent",
    "I live in sheltered accommodation, a care home or other supported housing",
]
EN_CHILDREN_Q = "Do any children under the age of 18 live in your household?"
EN_COMMENT_Q = "Is there anything else you would like to tell us about living in this municipality?"
EN_COMMENTS = [
    "No",
    "no",
    "Nothing to add",
    "No, thank you",
    "More bins in the park near the station please, they are always full on Sundays.",
    "The new cycle path along the canal is great, but the lighting at night is poor.",
    "It took three weeks before anyone answered my email about the parking permit.",
    "Friendly staff at the service desk.",
    "Please do something about the speeding cars in our street.",
]


@dataclass
class EnPerson:
    meta: Meta
    services: set[str]
    other: str
    matrix: list[str | None]
    satisfaction: str | None
    nps: int | None
    housing: str | None
    children: str | None
    comment: str


def _en_people(seed: int, n: int) -> list[EnPerson]:
    rng = random.Random(seed)
    people = []
    for index in range(n):
        meta = _meta(rng, index, n, datetime(2024, 3, 4), web=431874203, mail=431874377)
        services: set[str] = set()
        other = ""
        if index != 5:  # respondent 6 skipped the checkbox question
            if rng.random() < 0.12:
                services = {"None of the above"}
            else:
                for option in EN_SERVICES[:-1]:
                    if rng.random() < (0.55 if option in EN_SERVICES[:2] else 0.25):
                        services.add(option)
                if rng.random() < 0.2 or not services:
                    other = rng.choice(EN_OTHER_TEXTS)
        matrix = [_weighted(rng, weights) for weights in EN_MATRIX_WEIGHTS]
        if index in (8, 21):
            matrix[3] = None  # skipped one statement
        partial = index in (3, 14, 26, 29)  # stopped after the matrix page
        person = EnPerson(meta, services, other, matrix, None, None, None, None, "")
        if not partial:
            person.satisfaction = _weighted(
                rng,
                {
                    "Very satisfied": 4,
                    "Satisfied": 10,
                    "Neither satisfied nor dissatisfied": 5,
                    "Dissatisfied": 3,
                },
            )
            person.nps = (
                None if index == 11 else rng.choice([3, 5, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 10])
            )
            person.housing = _weighted(rng, dict(zip(EN_HOUSING[:4], [9, 5, 4, 2], strict=True)))
            person.children = _weighted(rng, {"Yes": 4, "No": 6})
            person.comment = rng.choice(EN_COMMENTS) if rng.random() < 0.6 else ""
        people.append(person)
    return people


def _en_layout() -> tuple[Layout, dict[str, list[str]]]:
    layout = Layout(fillers=FILLERS["en"])
    layout.meta(META_EN, _meta_getters())
    names: dict[str, list[str]] = {}
    names["services"] = layout.question(
        EN_SERVICES_Q,
        [(o, (lambda p, o=o: o if o in p.services else "")) for o in EN_SERVICES]
        + [(EN_OTHER, lambda p: p.other)],
    )
    names["matrix"] = layout.question(
        EN_MATRIX_Q, [(row, (lambda p, i=i: p.matrix[i])) for i, row in enumerate(EN_MATRIX_ROWS)]
    )
    names["satisfaction"] = layout.question(
        EN_SATISFACTION_Q, [("Response", lambda p: p.satisfaction)]
    )
    names["nps"] = layout.question(EN_NPS_Q, [("Response", lambda p: p.nps)])
    names["housing"] = layout.question(EN_HOUSING_Q, [("Response", lambda p: p.housing)])
    names["children"] = layout.question(EN_CHILDREN_Q, [("Response", lambda p: p.children)])
    names["comment"] = layout.question(EN_COMMENT_Q, [("Open-Ended Response", lambda p: p.comment)])
    return layout, names


def _en_expected(people: list[EnPerson], names: dict[str, list[str]]) -> list[ExpectedQuestion]:
    ticked = [p.services | ({EN_OTHER} if p.other else set()) for p in people]
    questions = [multi_question(names["services"], [*EN_SERVICES, EN_OTHER], ticked)]
    for i, name in enumerate(names["matrix"]):
        questions.append(
            choice_question(
                name,
                [p.matrix[i] for p in people],
                points=AGREE,
                missing_words=("N/A",),
                kind="scale",
            )
        )
    questions.append(
        choice_question(
            names["satisfaction"][0],
            [p.satisfaction for p in people],
            points=SATISFIED,
            kind="scale",
        )
    )
    questions.append(rating_question(names["nps"][0], [p.nps for p in people], 0, 10))
    questions.append(choice_question(names["housing"][0], [p.housing for p in people]))
    questions.append(choice_question(names["children"][0], [p.children for p in people]))
    return questions


def _not_tabulated(meta_headers: list[str], extra: dict[str, str]) -> dict[str, str]:
    return {**dict(zip(meta_headers, META_REASONS, strict=True)), **extra}


EN_PEOPLE = _en_people(seed=20240304, n=32)
EN_LAYOUT, EN_NAMES = _en_layout()


def _write_en_xlsx(folder: Path) -> Path:
    return write_xlsx(EN_LAYOUT, EN_PEOPLE, folder / "Resident survey 2024.xlsx")


def _write_en_csv(folder: Path) -> Path:
    return write_csv(EN_LAYOUT, EN_PEOPLE, folder / "Resident survey 2024.csv")


EN_NOT_TABULATED = _not_tabulated(META_EN, {EN_NAMES["comment"][0]: "open text"})

# --------------------------------------------------------------------------- Dutch survey

NL_TEVREDEN_Q = (
    "Hoe tevreden bent u in het algemeen over de ondersteuning die u van de gemeente krijgt?"
)
TEVREDEN = ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"]
NL_VORMEN_Q = (
    "Voor welke vormen van ondersteuning heeft u het afgelopen jaar contact gehad"
    " met de gemeente? (meerdere antwoorden mogelijk)"
)
NL_VORMEN = [
    "Hulp bij het huishouden",
    "Vervoer (Regiotaxi, scootmobiel of een andere vervoersvoorziening)",
    "Aanpassingen in of aan de woning, zoals een traplift, drempelhulpen"
    " of een aangepaste badkamer",
    "Begeleiding bij het structureren van de dag of bij het regelen van financiële"
    " en administratieve zaken",
    "Mantelzorgondersteuning",
]
NL_ANDERS = "Anders, namelijk"
NL_ANDERS_TEKST = [
    "rolstoel",
    "Maaltijdservice",
    "dagbesteding",
    "Rolstoel",
    "hulp bij aanvraag kwijtschelding",
]
NL_MATRIX_Q = "In hoeverre bent u het eens met de volgende stellingen?"
NL_MATRIX_ROWS = [
    "De ondersteuning die ik krijg past bij mijn hulpvraag",
    "Door de ondersteuning kan ik beter de dingen doen die ik wil",
    "Door de ondersteuning heb ik een betere kwaliteit van leven",
    "Ik werd snel geholpen nadat ik mij bij de gemeente had gemeld",
]
EENS_DATA = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
NL_MATRIX_WEIGHTS = [
    {"Mee oneens": 2, "Neutraal": 4, "Mee eens": 10, "Helemaal mee eens": 5, "Weet niet": 1},
    {
        "Helemaal mee oneens": 1,
        "Mee oneens": 3,
        "Neutraal": 6,
        "Mee eens": 8,
        "Helemaal mee eens": 3,
        "Weet niet": 2,
    },
    {
        "Helemaal mee oneens": 2,
        "Mee oneens": 3,
        "Neutraal": 7,
        "Mee eens": 6,
        "Helemaal mee eens": 2,
        "Weet niet": 3,
    },
    {
        "Helemaal mee oneens": 3,
        "Mee oneens": 5,
        "Neutraal": 4,
        "Mee eens": 7,
        "Helemaal mee eens": 3,
    },
]
NL_CIJFER_Q = (
    "Welk rapportcijfer geeft u de gemeente voor de ondersteuning?"
    " (1 = zeer slecht, 10 = uitstekend)"
)
NL_OPMERKING_Q = "Heeft u nog tips of opmerkingen voor de gemeente?"
NL_OPMERKINGEN = [
    "nee",
    "Nee",
    "geen",
    "Nee, dank u",
    "Graag één vast aanspreekpunt, ik moest mijn verhaal drie keer vertellen.",
    "De huishoudelijke hulp komt vaak later dan afgesproken.",
    "Heel tevreden over de consulent, die nam echt de tijd.",
    "Het aanvraagformulier is te ingewikkeld voor ouderen.",
]
NL_INGEVULD_Q = "Wie heeft deze vragenlijst ingevuld?"
NL_INGEVULD = [
    "Ik heb de vragenlijst zelf ingevuld",
    "Ik heb de vragenlijst samen met iemand anders ingevuld"
    " (bijvoorbeeld een familielid, mantelzorger of vriend)",
    "Iemand anders heeft de vragenlijst voor mij ingevuld, op basis van mijn antwoorden",
]


@dataclass
class NlPerson:
    meta: Meta
    tevreden: str | None
    vormen: set[str]
    anders: str
    matrix: list[str | None]
    cijfer: int | None
    opmerking: str
    ingevuld: str | None


def _nl_people(seed: int, n: int) -> list[NlPerson]:
    rng = random.Random(seed)
    people = []
    for index in range(n):
        meta = _meta(rng, index, n, datetime(2024, 9, 16), web=438120551, mail=438120602)
        tevreden = _weighted(
            rng,
            {
                "Zeer tevreden": 5,
                "Tevreden": 11,
                "Neutraal": 4,
                "Ontevreden": 2,
                "Zeer ontevreden": 1,
                "Weet ik niet": 2,
            },
        )
        vormen = {v for v in NL_VORMEN if rng.random() < (0.5 if v == NL_VORMEN[0] else 0.3)}
        anders = rng.choice(NL_ANDERS_TEKST) if (rng.random() < 0.18 or not vormen) else ""
        if index == 9:
            vormen, anders = set(), ""  # vraag overgeslagen
        matrix = [_weighted(rng, weights) for weights in NL_MATRIX_WEIGHTS]
        gestopt = index in (6, 19)  # afgebroken na de stellingen
        person = NlPerson(meta, tevreden, vormen, anders, matrix, None, "", None)
        if not gestopt:
            person.cijfer = (
                None if index == 12 else rng.choice([4, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 9, 10])
            )
            person.opmerking = rng.choice(NL_OPMERKINGEN) if rng.random() < 0.65 else ""
            person.ingevuld = _weighted(rng, dict(zip(NL_INGEVULD, [12, 5, 3], strict=True)))
        people.append(person)
    return people


def _nl_layout(meta_headers: list[str], fillers: str) -> tuple[Layout, dict[str, list[str]]]:
    response, open_response = FILLERS[fillers]
    layout = Layout(fillers=FILLERS[fillers])
    layout.meta(meta_headers, _meta_getters())
    names: dict[str, list[str]] = {}
    names["tevreden"] = layout.question(NL_TEVREDEN_Q, [(response, lambda p: p.tevreden)])
    names["vormen"] = layout.question(
        NL_VORMEN_Q,
        [(o, (lambda p, o=o: o if o in p.vormen else "")) for o in NL_VORMEN]
        + [(NL_ANDERS, lambda p: p.anders)],
    )
    names["matrix"] = layout.question(
        NL_MATRIX_Q, [(row, (lambda p, i=i: p.matrix[i])) for i, row in enumerate(NL_MATRIX_ROWS)]
    )
    names["cijfer"] = layout.question(NL_CIJFER_Q, [(response, lambda p: p.cijfer)])
    names["opmerking"] = layout.question(NL_OPMERKING_Q, [(open_response, lambda p: p.opmerking)])
    names["ingevuld"] = layout.question(NL_INGEVULD_Q, [(response, lambda p: p.ingevuld)])
    return layout, names


def _nl_expected(people: list[NlPerson], names: dict[str, list[str]]) -> list[ExpectedQuestion]:
    questions = [
        choice_question(
            names["tevreden"][0],
            [p.tevreden for p in people],
            points=TEVREDEN,
            missing_words=("Weet ik niet",),
            kind="scale",
        )
    ]
    ticked = [p.vormen | ({NL_ANDERS} if p.anders else set()) for p in people]
    questions.append(multi_question(names["vormen"], [*NL_VORMEN, NL_ANDERS], ticked))
    for i, name in enumerate(names["matrix"]):
        questions.append(
            choice_question(
                name,
                [p.matrix[i] for p in people],
                points=EENS_DATA,
                missing_words=("Weet niet",),
                kind="scale",
            )
        )
    questions.append(rating_question(names["cijfer"][0], [p.cijfer for p in people], 1, 10))
    questions.append(choice_question(names["ingevuld"][0], [p.ingevuld for p in people]))
    return questions


NL_PEOPLE = _nl_people(seed=20240916, n=28)
NL_LAYOUT, NL_NAMES = _nl_layout(META_NL, "nl")
# The same Dutch questionnaire, exported from an English-language account as CSV.
NL_EN_PEOPLE = _nl_people(seed=20241007, n=26)
NL_EN_LAYOUT, NL_EN_NAMES = _nl_layout(META_EN, "en")


def _write_nl_xlsx(folder: Path) -> Path:
    return write_xlsx(NL_LAYOUT, NL_PEOPLE, folder / "Clientervaringsonderzoek Wmo 2024.xlsx")


def _write_nl_en_csv(folder: Path) -> Path:
    return write_csv(NL_EN_LAYOUT, NL_EN_PEOPLE, folder / "Clientervaringsonderzoek Wmo 2024.csv")


def _check_hard_parts() -> None:
    """The generated truth has the awkward features the cases promise."""
    assert not any(p.matrix[1] == "Strongly disagree" for p in EN_PEOPLE)
    assert any(p.matrix[0] == "Strongly disagree" for p in EN_PEOPLE)
    assert not any(p.satisfaction == "Very dissatisfied" for p in EN_PEOPLE)
    assert {0, 1, 2} & {p.nps for p in EN_PEOPLE} == set()
    assert any(p.other for p in EN_PEOPLE) and any(
        "None of the above" in p.services for p in EN_PEOPLE
    )
    assert any(p.matrix[2] == "N/A" for p in EN_PEOPLE)
    assert not any(p.matrix[0] == "Helemaal mee oneens" for p in NL_PEOPLE)
    assert any(p.matrix[3] == "Helemaal mee oneens" for p in NL_PEOPLE)
    assert any(p.tevreden == "Weet ik niet" for p in NL_PEOPLE)
    assert {1, 2, 3} & {p.cijfer for p in NL_PEOPLE + NL_EN_PEOPLE} == set()
    for people in (NL_PEOPLE, NL_EN_PEOPLE):
        assert any(p.anders for p in people) and any(p.meta.email for p in people)


_check_hard_parts()

CASES: list[PlatformCase] = [
    PlatformCase(
        name="surveymonkey_en_xlsx",
        write=_write_en_xlsx,
        respondents=len(EN_PEOPLE),
        questions=_en_expected(EN_PEOPLE, EN_NAMES),
        not_tabulated=EN_NOT_TABULATED,
    ),
    PlatformCase(
        name="surveymonkey_en_csv",
        write=_write_en_csv,
        respondents=len(EN_PEOPLE),
        questions=_en_expected(EN_PEOPLE, EN_NAMES),
        not_tabulated=EN_NOT_TABULATED,
    ),
    PlatformCase(
        name="surveymonkey_nl_xlsx_dutch_headers",
        write=_write_nl_xlsx,
        respondents=len(NL_PEOPLE),
        questions=_nl_expected(NL_PEOPLE, NL_NAMES),
        not_tabulated=_not_tabulated(META_NL, {NL_NAMES["opmerking"][0]: "open text"}),
    ),
    PlatformCase(
        name="surveymonkey_nl_csv_english_account",
        write=_write_nl_en_csv,
        respondents=len(NL_EN_PEOPLE),
        questions=_nl_expected(NL_EN_PEOPLE, NL_EN_NAMES),
        not_tabulated=_not_tabulated(META_EN, {NL_EN_NAMES["opmerking"][0]: "open text"}),
    ),
]
