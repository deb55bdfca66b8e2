"""Qualtrics exports (Data & Analysis > Export data), written the way Qualtrics writes them.

Format facts these builders rely on, and where they come from:

* CSV/TSV exports have three header rows: row 1 the field code (``StartDate``,
  ``Q5_1``, ``Q5_4_TEXT``), row 2 the field's name or question text, row 3 an import
  id as JSON (``{"ImportId":"QID12_1"}``); data start on row 4.  Qualtrics support,
  "Understanding Your Dataset" (qualtrics.com/support/survey-platform/
  data-and-analysis-module/data/download-data/understanding-your-dataset/, section
  "File Format Basics"), quoted in nzsl-signbank's notes; kutils ``importQualtrics``
  says the same holds for the XLSX download (namerow 1, questionrow 2, importidrow 3).
* The 17 standard metadata columns, in this order: StartDate, EndDate, Status,
  IPAddress, Progress, Duration (in seconds), Finished, RecordedDate, ResponseId,
  RecipientLastName, RecipientFirstName, RecipientEmail, ExternalReference,
  LocationLatitude, LocationLongitude, DistributionChannel, UserLanguage.  Row 2 for
  them (English account): Start Date, End Date, Response Type, IP Address, Progress,
  Duration (in seconds), Finished, Recorded Date, Response ID, Recipient Last Name,
  Recipient First Name, Recipient Email, External Data Reference, Location Latitude,
  Location Longitude, Distribution Channel, User Language.  Row 3: ``startDate``,
  ``endDate`` and ``recordedDate`` carry a ``"timeZone"`` key; ResponseId's import id
  is ``_recordId``.  Sources: ropensci/qualtRics tests/testthat/files/sample.csv (a
  German account, where row 2 of the metadata is localised: Anfangsdatum,
  Antworttyp, ...), nzsl-signbank's documented real export, scripts that drop these
  row-2 texts by name.  Bot-detection fields (``Q_RecaptchaScore``,
  ``Q_BallotBoxStuffing``) come right after UserLanguage, embedded-data fields after
  the questions.
* Dates are ``YYYY-MM-DD HH:MM:SS`` in the survey's time zone.  Choice-text exports
  write Status as ``IP Address`` / ``Survey Preview`` / ``Survey Test`` and Finished as
  ``True``/``False``; numeric exports write Status 0 (IP Address), 1 (Survey Preview),
  2 (Survey Test), 4 (Imported), 8 (Spam) ... and Finished 1/0 (qualtRics sample.csv;
  several Stata/R/Python cleaning scripts that filter ``Status == 1``/``"Survey
  Preview"``).  Preview and test rows have DistributionChannel ``preview``/``test``.
* Multiple answer (``Q5_1`` .. ``Q5_4``): one column per choice, named by its recode
  value; in a choice-text export the cell holds the choice text when ticked and is
  empty otherwise; in a numeric export it holds 1 when ticked, empty otherwise.  Row 2:
  ``<question> - Selected Choice - <choice>``; an "other, namely" choice with a text
  box adds ``Q5_4_TEXT`` with row 2 ``<question> - <choice> - Text``.  A single answer
  question with such a box: ``Q2`` = ``<question> - Selected Choice`` and ``Q2_5_TEXT``
  = ``<question> - Other - Text`` (many analysis scripts rename exactly these texts).
* Matrix rows: ``Q6_1`` .. with row 2 ``<question> - <statement>``; cells hold the
  column text (choice text) or its recode value (numeric).  Default recode values
  are 1..n in the order of the choices, so "Weet ik niet" after a 5-point scale is 6.
  A numeric CSV holds no value labels anywhere (row 3 only has import ids).
* A Net Promoter Score question writes two columns: the score 0..10 and
  ``<Q>_NPS_GROUP`` with Detractor/Passive/Promoter (numeric: 1/2/3) (Qualtrics
  support, "Net Promoter Score Question" > Downloaded Data Format; a QSF-based
  normaliser maps ``Q12_NPS_GROUP`` to "1=Detractor; 2=Passive; 3=Promoter"; the
  v3 API's JSON lists ``QID2_NPS_GROUP`` before ``QID2``).
* Text entry questions: one column ``Q8`` whose import id ends in ``_TEXT``; free text
  keeps its line breaks inside a quoted cell unless the exporter ticks "remove line
  breaks".
* CSV files are UTF-8 with a byte-order mark and CRLF line ends, quoting only where
  needed (so only row 3 and texts with commas/quotes/newlines are quoted).  The file
  is called ``<survey name>_<Month d, yyyy>_<HH.MM>.csv``.
* Users often delete row 3 in Excel and save again as "CSV (Comma delimited)": the
  file is then Windows-1252 without BOM, dates become ``m/d/yyyy h:mm`` (en-US), and
  True/False become TRUE/FALSE.  Older ("legacy exporter") files also had two header
  rows, but with V1..V10 codes; that layout is not built here.
* XLSX download: the same three header rows on one sheet; Apache POI's default name
  ``Sheet0`` (not verified from a public sample), every cell written as text.

Uncertain points are repeated in the report of the helper that wrote this module.
"""

from __future__ import annotations

import csv
import io
import json
import random
import string
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from . import ExpectedQuestion, PlatformCase

# --------------------------------------------------------------------------- shared

METADATA = [
    ("StartDate", "Start Date", "startDate"),
    ("EndDate", "End Date", "endDate"),
    ("Status", "Response Type", "status"),
    ("IPAddress", "IP Address", "ipAddress"),
    ("Progress", "Progress", "progress"),
    ("Duration (in seconds)", "Duration (in seconds)", "duration"),
    ("Finished", "Finished", "finished"),
    ("RecordedDate", "Recorded Date", "recordedDate"),
    ("ResponseId", "Response ID", "_recordId"),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
    ("RecipientEmail", "Recipient Email", "recipientEmail"),
    ("ExternalReference", "External Data Reference", "externalDataReference"),
    ("LocationLatitude", "Location Latitude", "locationLatitude"),
    ("LocationLongitude", "Location Longitude", "locationLongitude"),
    ("DistributionChannel", "Distribution Channel", "distributionChannel"),
    ("UserLanguage", "User Language", "userLanguage"),
]
_DATED = {"startDate", "endDate", "recordedDate"}

METADATA_REASONS = {
    "StartDate": "timestamp",
    "EndDate": "timestamp",
    "RecordedDate": "timestamp",
    "Status": "platform metadata",
    "Progress": "platform metadata",
    "Duration (in seconds)": "platform metadata",
    "Finished": "platform metadata",
    "ExternalReference": "platform metadata",
    "DistributionChannel": "platform metadata",
    "UserLanguage": "platform metadata",
    "ResponseId": "respondent id",
    "IPAddress": "personal data",
    "RecipientLastName": "personal data",
    "RecipientFirstName": "personal data",
    "RecipientEmail": "personal data",
    "LocationLatitude": "personal data",
    "LocationLongitude": "personal data",
}

STATUS_TEXT = {"real": "IP Address", "preview": "Survey Preview", "test": "Survey Test"}
STATUS_CODE = {"real": "0", "preview": "1", "test": "2"}
CHANNEL = {"preview": "preview", "test": "test"}


def _import_id(import_id: str, time_zone: str) -> str:
    value = {"ImportId": import_id}
    if import_id in _DATED:
        value["timeZone"] = time_zone
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _response_id(rng: random.Random) -> str:
    return "R_" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(15))


def _coordinate(rng: random.Random, low: float, high: float) -> str:
    # Qualtrics writes the geo-IP position as a float with 12 decimals.
    return f"{rng.uniform(low, high):.12f}"


def _write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@dataclass
class Meta:
    """The metadata of one response row."""

    kind: str  # real | preview | test
    start: datetime
    duration: int
    progress: int
    finished: bool
    recorded: datetime
    response_id: str
    ip: str
    last: str = ""
    first: str = ""
    email: str = ""
    reference: str = ""
    latitude: str = ""
    longitude: str = ""
    channel: str = "anonymous"
    language: str = "EN"

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.duration)

    def cells(self, *, numeric: bool, date_format: str = "%Y-%m-%d %H:%M:%S") -> list[str]:
        finished = ("1" if self.finished else "0") if numeric else str(self.finished)
        status = STATUS_CODE[self.kind] if numeric else STATUS_TEXT[self.kind]
        return [
            _date(self.start, date_format),
            _date(self.end, date_format),
            status,
            self.ip,
            str(self.progress),
            str(self.duration),
            finished,
            _date(self.recorded, date_format),
            self.response_id,
            self.last,
            self.first,
            self.email,
            self.reference,
            self.latitude,
            self.longitude,
            CHANNEL.get(self.kind, self.channel),
            self.language,
        ]


def _date(moment: datetime, date_format: str) -> str:
    if date_format == "excel-us":  # how en-US Excel re-saves a date: 5/13/2024 9:04
        return f"{moment.month}/{moment.day}/{moment.year} {moment.hour}:{moment.minute:02d}"
    return moment.strftime(date_format)


def _meta(
    rng: random.Random,
    kind: str,
    start: datetime,
    *,
    progress: int = 100,
    duration: int | None = None,
    language: str,
    channel: str,
    person: tuple[str, str, str, str] | None = None,
    lat_range=(51.4, 53.2),
    lon_range=(4.2, 6.9),
) -> Meta:
    duration = duration if duration is not None else rng.randint(180, 1500)
    finished = progress == 100
    end = start + timedelta(seconds=duration)
    # An unfinished response is recorded when Qualtrics closes it (a week later by default).
    recorded = end if finished else end + timedelta(days=7)
    last, first, email, reference = person or ("", "", "", "")
    return Meta(
        kind=kind,
        start=start,
        duration=duration,
        progress=progress,
        finished=finished,
        recorded=recorded,
        response_id=_response_id(rng),
        ip=f"{rng.choice([145, 212, 84, 62, 31])}.{rng.randint(1, 254)}.{rng.randint(0, 254)}"
        f".{rng.randint(1, 254)}",
        last=last,
        first=first,
        email=email,
        reference=reference,
        latitude=_coordinate(rng, *lat_range),
        longitude=_coordinate(rng, *lon_range),
        channel=channel,
        language=language,
    )


def _counts(values, labels) -> list[tuple[str, int]]:
    counter = Counter(v for v in values if v is not None)
    return [(label, counter[label]) for label in labels]


def _present(values) -> list[tuple[str, int]]:
    counter = Counter(v for v in values if v not in (None, ""))
    return sorted(counter.items())


# ----------------------------------------------------------- Dutch survey (cases 1, 2)

NL_Q1 = "Wat is uw functie?"
NL_Q2 = "Tot welke categorie behoort uw gemeente?"
NL_GROOTTE = ["G4", "G32", "100.000+", "Overig"]
NL_Q3 = "Hoe is de toegang tot het sociaal domein in uw gemeente georganiseerd?"
NL_TOEGANG = [
    "Eén integraal sociaal wijkteam met generalisten voor jeugd, Wmo, werk en inkomen",
    "Aparte toegangsteams voor jeugd en Wmo, met een gezamenlijk loket voor alle inwoners",
    "De toegang is belegd bij een externe stichting of coöperatie in opdracht van de gemeente",
    "Een regionale uitvoeringsorganisatie verzorgt de toegang voor meerdere gemeenten samen",
]
NL_Q4 = "Hoe vaak heeft u structureel overleg met zorgaanbieders in uw regio?"
NL_FREQ = ["Nooit", "Zelden", "Soms", "Vaak", "Altijd"]
NL_Q5 = (
    "Welke knelpunten ervaart uw gemeente bij de uitvoering van de Wmo en de Jeugdwet? "
    "(meerdere antwoorden mogelijk)"
)
NL_KNELPUNTEN = ["Financiering", "Personeelstekort", "Wet- en regelgeving", "Anders, namelijk"]
NL_Q6 = "In hoeverre bent u het eens met de volgende stellingen?"
NL_STELLINGEN = [
    "De samenwerking met zorgaanbieders verloopt goed",
    "Inwoners weten de toegang tot ondersteuning goed te vinden",
    "De administratieve lasten zijn het afgelopen jaar afgenomen",
    "Er is voldoende budget beschikbaar voor preventie",
]
NL_LIKERT = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
NL_WEET_NIET = "Weet ik niet"
NL_Q7 = (
    "Hoe waarschijnlijk is het dat u de aanpak van uw gemeente zou aanbevelen aan een "
    "collega-gemeente?"
)
NL_Q8 = "Heeft u nog opmerkingen of suggesties voor de monitor?"
NPS_GROUPS = ["Detractor", "Passive", "Promoter"]

NL_FUNCTIES = [
    "Beleidsmedewerker sociaal domein",
    "beleidsmedewerker",
    "Beleidsadviseur Wmo",
    "Teamleider toegang",
    "Senior beleidsadviseur jeugd",
    "Kwaliteitsmedewerker",
    "beleidsadviseur",
    "Contractmanager zorg",
    "Strategisch adviseur sociaal domein",
    "Afdelingshoofd Samenleving",
    "Accountmanager Jeugd & Wmo",
    "Beleidsmedewerker",
]
NL_ANDERS = [
    "Wachtlijsten bij specialistische jeugdhulp",
    "Regionale inkoop loopt stroef",
    "Privacyregels bij gegevensdeling",
    "",  # ticked 'Anders, namelijk' but typed nothing
    "Huisvesting van kwetsbare inwoners",
]
NL_OPMERKINGEN = [
    "nee",
    "Nee",
    "geen",
    "Geen opmerkingen.",
    "Graag de vragenlijst volgend jaar eerder uitzetten, de zomer is een lastige periode.",
    "De vraag over budget is lastig te beantwoorden, dat verschilt per domein.",
    "nee",
    "Goed initiatief!",
    "Meer aandacht voor preventie graag.\nEn voor de mantelzorgers.",
    "geen",
    "Wij zitten midden in een herindeling, dat kleurt de antwoorden.",
]
NL_NAMES = [
    ("Jansen", "Anouk"),
    ("de Vries", "Bram"),
    ("Bakker", "Fatima"),
    ("Visser", "Sanne"),
    ("Smit", "Youssef"),
    ("Meijer", "Lotte"),
    ("de Boer", "Kees"),
    ("Mulder", "Inge"),
    ("de Groot", "Ruben"),
    ("Bos", "Marieke"),
    ("Vos", "Daan"),
    ("Peters", "Noor"),
    ("Hendriks", "Thijs"),
    ("van Leeuwen", "Esra"),
    ("Dekker", "Joost"),
    ("Brouwer", "Femke"),
    ("de Wit", "Sven"),
    ("Dijkstra", "Iris"),
    ("Smits", "Hans"),
    ("de Graaf", "Mila"),
    ("van der Meer", "Pieter"),
    ("van der Linden", "Aylin"),
    ("Kok", "Wouter"),
    ("Jacobs", "Roos"),
    ("de Haan", "Mohamed"),
    ("Vermeulen", "Eva"),
    ("van den Berg", "Gijs"),
    ("van Dijk", "Hanneke"),
    ("Verhoeven", "Niels"),
    ("Willems", "Sara"),
]
NL_GEMEENTEN = [
    ("GM0363", "amsterdam"),
    ("GM0599", "rotterdam"),
    ("GM0344", "utrecht"),
    ("GM0518", "denhaag"),
    ("GM0772", "eindhoven"),
    ("GM0014", "groningen"),
    ("GM0855", "tilburg"),
    ("GM0268", "nijmegen"),
    ("GM0202", "arnhem"),
    ("GM0193", "zwolle"),
    ("GM0034", "almere"),
    ("GM0080", "leeuwarden"),
    ("GM0200", "apeldoorn"),
    ("GM0153", "enschede"),
    ("GM0546", "leiden"),
    ("GM0375", "uitgeest"),
    ("GM0402", "hilversum"),
    ("GM1896", "zwartewaterland"),
    ("GM0060", "ameland"),
    ("GM0096", "vlieland"),
    ("GM1680", "aaenhunze"),
    ("GM0738", "aalburg"),
    ("GM0358", "aalsmeer"),
    ("GM0197", "aaltenn"),
    ("GM0059", "achtkarspelen"),
    ("GM0482", "alblasserdam"),
    ("GM0613", "albrandswaard"),
    ("GM0361", "alkmaar"),
    ("GM0141", "almelo"),
    ("GM1724", "alphen-chaam"),
]


@dataclass
class DutchRow:
    meta: Meta
    functie: str | None
    grootte: str | None
    toegang: str | None
    overleg: str | None
    knelpunten: set[str] = field(default_factory=set)
    anders: str = ""
    stellingen: list[str | None] = field(default_factory=lambda: [None] * 4)
    nps: int | None = None
    opmerking: str | None = None


def _nps_group(score: int) -> str:
    return "Detractor" if score <= 6 else "Passive" if score <= 8 else "Promoter"


def _dutch_rows() -> list[DutchRow]:
    rng = random.Random(20240513)
    grootte = ["G4"] * 2 + ["G32"] * 8 + ["100.000+"] * 6 + ["Overig"] * 14
    rng.shuffle(grootte)
    partial = {7, 21}  # stopped after question 4
    start = datetime(2024, 5, 13, 9, 2, 11)
    real: list[DutchRow] = []
    for i in range(30):
        start += timedelta(minutes=rng.randint(20, 600), seconds=rng.randint(0, 59))
        last, first = NL_NAMES[i]
        code, place = NL_GEMEENTEN[i]
        initials = first[0].lower()
        person = (last, first, f"{initials}.{last.replace(' ', '').lower()}@{place}.nl", code)
        done = i not in partial
        meta = _meta(
            rng,
            "real",
            start,
            progress=100 if done else 44,
            duration=None if done else rng.randint(60, 200),
            language="NL",
            channel="email",
            person=person,
        )
        toegang = None if i == 12 else rng.choices(NL_TOEGANG, weights=[5, 4, 2, 2])[0]
        # Display logic: question 4 only when the municipality runs the access itself.
        overleg = None
        if toegang in NL_TOEGANG[:2]:
            overleg = rng.choices(NL_FREQ, weights=[0, 2, 5, 6, 2])[0]
        row = DutchRow(
            meta=meta,
            functie=rng.choice(NL_FUNCTIES) if i not in (3, 17) else None,
            grootte=grootte[i],
            toegang=toegang,
            overleg=overleg,
        )
        if done:
            if rng.random() > 0.1:
                for option, chance in zip(NL_KNELPUNTEN, (0.6, 0.5, 0.4, 0.2), strict=True):
                    if rng.random() < chance:
                        row.knelpunten.add(option)
            for item in range(4):
                if rng.random() < 0.06:
                    continue
                weights = [1, 3, 3, 4, 2, 1] if item < 3 else [3, 4, 3, 2, 0, 1]
                row.stellingen[item] = rng.choices([*NL_LIKERT, NL_WEET_NIET], weights)[0]
            if i not in (5, 26):
                row.nps = rng.choices([0, 2, 3, 5, 6, 7, 8, 9, 10], [1, 1, 2, 3, 4, 6, 7, 4, 2])[0]
            row.opmerking = rng.choice(NL_OPMERKINGEN) if rng.random() < 0.6 else None
        real.append(row)
    # Make the hard parts certain whatever the draw gave.
    finished = [r for r in real if r.meta.finished]
    for item in range(4):
        if not any(r.stellingen[item] == NL_WEET_NIET for r in real):
            finished[3 + item].stellingen[item] = NL_WEET_NIET
    if not any(r.nps == 0 for r in real):
        finished[10].nps = 0
    if not any("Anders, namelijk" in r.knelpunten for r in real):
        finished[2].knelpunten.add("Anders, namelijk")
    writers = iter(NL_ANDERS)
    for r in real:
        if "Anders, namelijk" in r.knelpunten:
            r.anders = next(writers, "Wachtlijsten")
    # Two previews and one generated test response: they copy the closed answers of
    # real rows so they bring no option of their own.  The first preview and the test
    # come before the launch; the second preview (someone checked a fix) lies among
    # the real responses, in recorded-date order.
    rows = list(real)
    extra = [
        ("preview", real[0], "test", datetime(2024, 5, 10, 14, 31, 5), 0),
        (
            "test",
            real[9],
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
            datetime(2024, 5, 10, 14, 40, 12),
            1,
        ),
        ("preview", real[4], "Test Anneke", real[11].meta.start + timedelta(minutes=3), 14),
    ]
    for kind, template, text, moment, position in extra:
        meta = _meta(rng, kind, moment, language="NL", channel=kind)
        copy = DutchRow(
            meta=meta,
            functie=text,
            grootte=template.grootte,
            toegang=template.toegang,
            overleg=template.overleg,
            knelpunten=set(template.knelpunten),
            anders=template.anders,
            stellingen=list(template.stellingen),
            nps=template.nps if template.nps is not None else 8,
            opmerking=text,
        )
        rows.insert(position, copy)
    return rows


def _dutch_headers(numeric: bool) -> tuple[list[str], list[str], list[str]]:
    codes = [code for code, _, _ in METADATA]
    texts = [text for _, text, _ in METADATA]
    ids = [_import_id(i, "Europe/Amsterdam") for _, _, i in METADATA]

    def add(code: str, text: str, import_id: str) -> None:
        codes.append(code)
        texts.append(text)
        ids.append(json.dumps({"ImportId": import_id}, separators=(",", ":")))

    # Question numbers and QIDs differ: questions were added and moved while building.
    add("Q1", NL_Q1, "QID12_TEXT")
    add("Q2", NL_Q2, "QID2")
    add("Q3", NL_Q3, "QID3")
    add("Q4", NL_Q4, "QID14")
    for n, option in enumerate(NL_KNELPUNTEN, start=1):
        add(f"Q5_{n}", f"{NL_Q5} - Selected Choice - {option}", f"QID5_{n}")
    add("Q5_4_TEXT", f"{NL_Q5} - Anders, namelijk - Text", "QID5_4_TEXT")
    for n, statement in enumerate(NL_STELLINGEN, start=1):
        add(f"Q6_{n}", f"{NL_Q6} - {statement}", f"QID6_{n}")
    add("Q7_NPS_GROUP", f"{NL_Q7} - Group", "QID7_NPS_GROUP")
    add("Q7", NL_Q7, "QID7")
    add("Q8", NL_Q8, "QID15_TEXT")
    return codes, texts, ids


def _code(options: list[str], value: str | None) -> str:
    return "" if value is None else str(options.index(value) + 1)


def _dutch_cells(row: DutchRow, numeric: bool) -> list[str]:
    def closed(options: list[str], value: str | None) -> str:
        return _code(options, value) if numeric else (value or "")

    cells = row.meta.cells(numeric=numeric)
    cells += [row.functie or "", closed(NL_GROOTTE, row.grootte), closed(NL_TOEGANG, row.toegang)]
    cells.append(closed(NL_FREQ, row.overleg))
    for option in NL_KNELPUNTEN:
        ticked = option in row.knelpunten
        cells.append(("1" if numeric else option) if ticked else "")
    cells.append(row.anders)
    for value in row.stellingen:
        cells.append(closed([*NL_LIKERT, NL_WEET_NIET], value))
    if row.nps is None:
        cells += ["", ""]
    else:
        group = _nps_group(row.nps)
        cells += [_code(NPS_GROUPS, group) if numeric else group, str(row.nps)]
    cells.append(row.opmerking or "")
    return cells


def _dutch_writer(numeric: bool):
    def write(folder: Path) -> Path:
        rows = _dutch_rows()
        codes, texts, ids = _dutch_headers(numeric)
        grid = [codes, texts, ids] + [_dutch_cells(r, numeric) for r in rows]
        name = "Monitor sociaal domein 2024_May 27, 2024_11.42.csv"
        if numeric:
            name = "Monitor sociaal domein 2024_May 27, 2024_11.44.csv"
        return _write_csv(folder / name, grid, "utf-8-sig")

    return write


def _dutch_case(numeric: bool) -> PlatformCase:
    rows = _dutch_rows()
    real = [r for r in rows if r.meta.kind == "real"]

    def label(options: list[str], value: str | None) -> str | None:
        if value is None:
            return None
        return _code(options, value) if numeric else value

    questions: list[ExpectedQuestion] = []
    grootte = [label(NL_GROOTTE, r.grootte) for r in real]
    toegang = [label(NL_TOEGANG, r.toegang) for r in real]
    overleg = [label(NL_FREQ, r.overleg) for r in real]
    questions.append(
        ExpectedQuestion(["Q2"], "single", sum(v is not None for v in grootte), _present(grootte))
    )
    questions.append(
        ExpectedQuestion(["Q3"], "single", sum(v is not None for v in toegang), _present(toegang))
    )
    if numeric:  # codes 2..5 without labels: nothing marks them as a Likert scale
        questions.append(
            ExpectedQuestion(
                ["Q4"], "single", sum(v is not None for v in overleg), _present(overleg)
            )
        )
    else:
        questions.append(
            ExpectedQuestion(
                ["Q4"],
                "scale",
                sum(v is not None for v in overleg),
                _counts(overleg, NL_FREQ),
                ordered=True,
            )
        )
    ticked = [r for r in real if r.knelpunten]
    questions.append(
        ExpectedQuestion(
            [f"Q5_{n}" for n in range(1, 5)],
            "multi",
            len(ticked),
            [(o, sum(o in r.knelpunten for r in real)) for o in NL_KNELPUNTEN],
        )
    )
    grid = [*NL_LIKERT, NL_WEET_NIET]
    seen_codes = sorted(
        {_code(grid, r.stellingen[i]) for r in real for i in range(4) if r.stellingen[i]}, key=int
    )
    for item in range(4):
        values = [r.stellingen[item] for r in real]
        if numeric:
            codes = [_code(grid, v) if v else None for v in values]
            counter = Counter(c for c in codes if c)
            questions.append(
                ExpectedQuestion(
                    [f"Q6_{item + 1}"],
                    "single",
                    sum(counter.values()),
                    [(c, counter[c]) for c in seen_codes],
                )
            )
        else:
            valid = [v for v in values if v in NL_LIKERT]
            questions.append(
                ExpectedQuestion(
                    [f"Q6_{item + 1}"],
                    "scale",
                    len(valid),
                    _counts(valid, NL_LIKERT),
                    ordered=True,
                    missing=[(NL_WEET_NIET, values.count(NL_WEET_NIET))],
                )
            )
    scores = [r.nps for r in real if r.nps is not None]
    groups = [_nps_group(s) for s in scores]
    group_items = _present([_code(NPS_GROUPS, g) if numeric else g for g in groups])
    questions.append(ExpectedQuestion(["Q7_NPS_GROUP"], "single", len(scores), group_items))
    questions.append(
        ExpectedQuestion(
            ["Q7"],
            "scale",
            len(scores),
            _counts([str(s) for s in scores], [str(n) for n in range(11)]),
            ordered=True,
            mean=sum(scores) / len(scores),
        )
    )
    not_tabulated = dict(METADATA_REASONS)
    not_tabulated.update({"Q1": "open text", "Q8": "open text", "Q5_4_TEXT": "write-in text"})
    return PlatformCase(
        name=f"qualtrics-csv-{'numeric' if numeric else 'text'}-nl",
        write=_dutch_writer(numeric),
        respondents=len(real),
        questions=questions,
        not_tabulated=not_tabulated,
        left_out=len(rows) - len(real),
    )


# ------------------------------------------- English survey re-saved by Excel (case 3)

EN_Q1 = "How long have you been living in this municipality?"
EN_YEARS = ["Less than 1 year", "1 to 3 years", "3 to 10 years", "More than 10 years"]
EN_Q2 = "What is your current housing situation?"
EN_HOUSING = [
    "Renting from a housing association (social housing, e.g. Woonbedrijf or Trudo)",
    "Renting from a private landlord, including rooms rented through an agency",
    "Living in a home that I (or my partner) own, with or without a mortgage",
    "Living with family or friends without paying a regular rent",
    "Other",
]
EN_Q3 = "Which of the following municipal services have you used in the past 12 months?"
EN_SERVICES = [
    "Registration of your address (BRP)",
    "Parking permit",
    "Social support (Wmo)",
    "Youth and family support",
    "None of these",
]
EN_Q4 = "To what extent do you agree with the following statements?"
EN_STATEMENTS = [
    "The municipality’s information is available in English",
    "I know where to go with questions about care and support",
    "I feel welcome in my neighbourhood",
    "The municipality takes the needs of international residents seriously",
]
EN_AGREE = [
    "Strongly disagree",
    "Somewhat disagree",
    "Neither agree nor disagree",
    "Somewhat agree",
    "Strongly agree",
]
EN_DONT_KNOW = "Don't know"
EN_Q5 = (
    "Which grade (1 = very poor, 10 = excellent) would you give the municipality’s "
    "services overall?"
)
EN_Q6 = "Is there anything else you would like to tell us?"
EN_Q7 = "If you would like to receive the results, please leave your e-mail address."
EN_COMMENTS = [
    "No",
    "no",
    "None",
    "Keep up the good work!",
    "Please make the website available in English, the Dutch-only letters are hard to follow.",
    "no",
    "The café meetings for newcomers were really helpful.",
    "It took 3 months to get an appointment at the town hall.",
    "None",
]
EN_OTHER_HOUSING = ["Student housing", "Anti-squat (antikraak)", "Employer-provided flat"]


@dataclass
class EnglishRow:
    meta: Meta
    years: str | None
    housing: str | None
    housing_other: str = ""
    services: set[str] = field(default_factory=set)
    statements: list[str | None] = field(default_factory=lambda: [None] * 4)
    grade: int | None = None
    comment: str | None = None
    email: str = ""


def _english_rows() -> list[EnglishRow]:
    rng = random.Random(777)
    start = datetime(2024, 3, 4, 8, 15, 0)
    rows: list[EnglishRow] = []
    others = iter(EN_OTHER_HOUSING)
    for i in range(24):
        start += timedelta(minutes=rng.randint(30, 900))
        meta = _meta(rng, "real", start, language="EN", channel="anonymous")
        housing = rng.choices(EN_HOUSING, weights=[3, 6, 3, 2, 1])[0] if i != 9 else None
        row = EnglishRow(meta=meta, years=rng.choice(EN_YEARS), housing=housing)
        if housing == "Other":
            row.housing_other = next(others, "")
        if rng.random() < 0.9:
            used = {
                s
                for s, p in zip(EN_SERVICES[:4], (0.7, 0.4, 0.2, 0.2), strict=True)
                if rng.random() < p
            }
            row.services = used or {"None of these"}
        for item in range(4):
            if rng.random() < 0.08:
                continue
            weights = [1, 2, 3, 5, 3, 1] if item != 1 else [0, 2, 3, 5, 3, 2]
            row.statements[item] = rng.choices([*EN_AGREE, EN_DONT_KNOW], weights)[0]
        if i not in (4, 15):
            row.grade = rng.choices([3, 5, 6, 7, 8, 9, 10], [1, 1, 3, 7, 7, 3, 1])[0]
        row.comment = rng.choice(EN_COMMENTS) if rng.random() < 0.55 else None
        if rng.random() < 0.4:
            row.email = (
                f"resident{rng.randint(100, 999)}@{rng.choice(['gmail.com', 'outlook.com'])}"
            )
        rows.append(row)
    rows[11].services = set()  # skipped the (not forced) question
    if not any(r.housing == "Other" for r in rows):
        rows[2].housing, rows[2].housing_other = "Other", EN_OTHER_HOUSING[0]
    for item in range(4):
        if not any(r.statements[item] == EN_DONT_KNOW for r in rows):
            rows[5 + item].statements[item] = EN_DONT_KNOW
    preview = EnglishRow(
        meta=_meta(
            rng, "preview", datetime(2024, 3, 1, 11, 0, 3), language="EN", channel="preview"
        ),
        years=rows[0].years,
        housing=rows[0].housing,
        housing_other=rows[0].housing_other,
        services=set(rows[0].services),
        statements=list(rows[0].statements),
        grade=8,
        comment="test test",
    )
    rows.insert(0, preview)
    return rows


def _english_header(with_import_ids: bool, time_zone: str):
    codes = [code for code, _, _ in METADATA]
    texts = [text for _, text, _ in METADATA]
    ids = [_import_id(i, time_zone) for _, _, i in METADATA]

    def add(code: str, text: str, import_id: str) -> None:
        codes.append(code)
        texts.append(text)
        ids.append(json.dumps({"ImportId": import_id}, separators=(",", ":")))

    add("Q1", EN_Q1, "QID1")
    add("Q2", f"{EN_Q2} - Selected Choice", "QID2")
    add("Q2_5_TEXT", f"{EN_Q2} - Other - Text", "QID2_5_TEXT")
    for n, service in enumerate(EN_SERVICES, start=1):
        add(f"Q3_{n}", f"{EN_Q3} - Selected Choice - {service}", f"QID3_{n}")
    for n, statement in enumerate(EN_STATEMENTS, start=1):
        add(f"Q4_{n}", f"{EN_Q4} - {statement}", f"QID4_{n}")
    add("Q5", EN_Q5, "QID9")
    add("Q6", EN_Q6, "QID6_TEXT")
    add("Q7", EN_Q7, "QID7_TEXT")
    return [codes, texts, ids] if with_import_ids else [codes, texts]


def _write_english_resaved(folder: Path) -> Path:
    rows = _english_rows()
    grid = _english_header(False, "Europe/Amsterdam")
    for r in rows:
        cells = r.meta.cells(numeric=False, date_format="excel-us")
        cells[6] = cells[6].upper()  # Excel turns True/False into booleans: TRUE/FALSE
        cells += [r.years or "", r.housing or "", r.housing_other]
        cells += [s if s in r.services else "" for s in EN_SERVICES]
        cells += [v or "" for v in r.statements]
        cells += ["" if r.grade is None else str(r.grade), r.comment or "", r.email]
        grid.append(cells)
    # Saved by Excel as "CSV (Comma delimited)": Windows-1252, no BOM, CRLF.
    return _write_csv(folder / "International residents survey 2024.csv", grid, "cp1252")


def _english_case() -> PlatformCase:
    rows = _english_rows()
    real = [r for r in rows if r.meta.kind == "real"]
    questions = [
        ExpectedQuestion(["Q1"], "single", len(real), _present([r.years for r in real])),
        ExpectedQuestion(
            ["Q2"],
            "single",
            sum(r.housing is not None for r in real),
            _present([r.housing for r in real]),
        ),
        ExpectedQuestion(
            [f"Q3_{n}" for n in range(1, 6)],
            "multi",
            sum(bool(r.services) for r in real),
            [(s, sum(s in r.services for r in real)) for s in EN_SERVICES],
        ),
    ]
    for item in range(4):
        values = [r.statements[item] for r in real]
        valid = [v for v in values if v in EN_AGREE]
        questions.append(
            ExpectedQuestion(
                [f"Q4_{item + 1}"],
                "scale",
                len(valid),
                _counts(valid, EN_AGREE),
                ordered=True,
                missing=[(EN_DONT_KNOW, values.count(EN_DONT_KNOW))],
            )
        )
    grades = [r.grade for r in real if r.grade is not None]
    questions.append(
        ExpectedQuestion(
            ["Q5"],
            "scale",
            len(grades),
            _counts([str(g) for g in grades], [str(n) for n in range(1, 11)]),
            ordered=True,
            mean=sum(grades) / len(grades),
        )
    )
    not_tabulated = dict(METADATA_REASONS)
    # An anonymous link leaves the recipient fields and the external reference empty.
    for column in ("RecipientLastName", "RecipientFirstName", "RecipientEmail"):
        not_tabulated[column] = "empty"
    not_tabulated["ExternalReference"] = "empty"
    not_tabulated.update({"Q2_5_TEXT": "write-in text", "Q6": "open text", "Q7": "personal data"})
    return PlatformCase(
        name="qualtrics-csv-two-header-rows-en",
        write=_write_english_resaved,
        respondents=len(real),
        questions=questions,
        not_tabulated=not_tabulated,
        left_out=len(rows) - len(real),
    )


# ------------------------------------------------------------ English xlsx (case 4)

X_Q1 = "What is your age?"
X_AGES = ["18 to 29 years", "30 to 44 years", "45 to 64 years", "65 years or older"]
X_Q2 = "Where do you usually look first for information about support from the municipality?"
X_SOURCES = [
    "On the municipality's website or in the municipal app, using the search function",
    "I ask the neighbourhood team (wijkteam) or my general practitioner for advice",
    "I ask family, friends or neighbours who have dealt with the municipality before",
    "I call the municipality's general phone number (14 040) and ask to be referred",
]
X_Q3 = "Which kinds of support have you received in the past year? (select all that apply)"
X_SUPPORT = [
    "Household help",
    "Transport services",
    "Debt counselling",
    "Support for informal carers",
    "Other (please specify)",
    "None of the above",
]
X_Q4 = "How satisfied are you with the following aspects of the support you received?"
X_ASPECTS = [
    "The time it took before the support started",
    "The quality of the support",
    "How well the municipality kept you informed",
]
X_SATISFACTION = [
    "Extremely dissatisfied",
    "Somewhat dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Somewhat satisfied",
    "Extremely satisfied",
]
X_NOT_APPLICABLE = "Not applicable"
X_Q5 = (
    "On a scale from 0 to 10, how much do you trust the municipality to help you when you need it?"
)
X_Q6 = "What could the municipality do better?"
X_DISTRICTS = ["Centrum", "Noord", "Oost", "Zuid", "West"]
X_OTHER = ["Meals on wheels", "Wheelchair", "Language course"]
X_BETTER = [
    "Answer the phone faster",
    "nothing",
    "Nothing",
    "Explain the decision letters in plain English.",
    "Fewer forms, the same questions are asked three times.",
    "nothing",
    "More evening opening hours at the district office",
]
X_NAMES = [
    ("Brown", "Emily"),
    ("Kowalski", "Marta"),
    ("Singh", "Arjun"),
    ("Murphy", "Sean"),
    ("Rossi", "Giulia"),
    ("Nguyen", "Linh"),
    ("Schmidt", "Lukas"),
    ("Garcia", "Lucia"),
    ("Okafor", "Chinedu"),
    ("Smith", "Olivia"),
    ("Popescu", "Andrei"),
    ("Ahmed", "Yasmin"),
    ("Novak", "Petra"),
    ("Dubois", "Camille"),
    ("Johansson", "Erik"),
    ("Silva", "Ana"),
    ("Kaya", "Emre"),
    ("Wilson", "James"),
    ("Chen", "Wei"),
    ("Fischer", "Hannah"),
    ("Moreau", "Louis"),
    ("Taylor", "Grace"),
]


@dataclass
class XlsxRow:
    meta: Meta
    recaptcha: str
    age: str | None
    source: str | None
    support: set[str] = field(default_factory=set)
    other: str = ""
    aspects: list[str | None] = field(default_factory=lambda: [None] * 3)
    trust: int | None = None
    better: str | None = None
    district: str = ""
    panel_id: str = ""


def _xlsx_rows() -> list[XlsxRow]:
    rng = random.Random(4242)
    start = datetime(2024, 9, 2, 7, 55, 0)
    rows: list[XlsxRow] = []
    others = iter(X_OTHER)
    for i, (last, first) in enumerate(X_NAMES):
        start += timedelta(minutes=rng.randint(15, 700))
        email = (
            f"{first.lower()}.{last.lower()}@{rng.choice(['gmail.com', 'hotmail.com', 'ziggo.nl'])}"
        )
        meta = _meta(
            rng, "real", start, language="EN", channel="email", person=(last, first, email, "")
        )
        row = XlsxRow(
            meta=meta,
            recaptcha=rng.choices(["1", "0.9", "0.8", "0.7", "0.3"], [5, 8, 2, 1, 1])[0],
            age=rng.choices(X_AGES, [2, 4, 5, 4])[0],
            source=rng.choices(X_SOURCES, [6, 3, 3, 2])[0] if i != 13 else None,
            district=X_DISTRICTS[i % 5],
            panel_id=f"P{10230 + 7 * i}",
        )
        if i != 6:  # one respondent skipped the whole question
            got = {
                s
                for s, p in zip(X_SUPPORT[:5], (0.4, 0.3, 0.15, 0.25, 0.12), strict=True)
                if rng.random() < p
            }
            row.support = got or {"None of the above"}
            if "Other (please specify)" in got:
                row.other = next(others, "")
        # Display logic: the satisfaction grid only for those who received support.
        if row.support and row.support != {"None of the above"}:
            for item in range(3):
                weights = [1, 2, 2, 5, 3, 1] if item != 0 else [2, 3, 2, 4, 0, 1]
                row.aspects[item] = rng.choices([*X_SATISFACTION, X_NOT_APPLICABLE], weights)[0]
        row.trust = rng.choices([0, 2, 4, 5, 6, 7, 8, 9], [1, 1, 2, 3, 4, 6, 5, 2])[0]
        row.better = rng.choice(X_BETTER) if rng.random() < 0.7 else None
        rows.append(row)
    rows[19].trust = None
    if not any(r.trust == 0 for r in rows):
        rows[3].trust = 0
    helped = [r for r in rows if any(r.aspects)]
    for item in range(3):
        if not any(r.aspects[item] == X_NOT_APPLICABLE for r in helped):
            helped[item].aspects[item] = X_NOT_APPLICABLE
    preview = XlsxRow(
        meta=_meta(
            rng, "preview", datetime(2024, 8, 29, 15, 12, 44), language="EN", channel="preview"
        ),
        recaptcha="0.9",
        age=rows[1].age,
        source=rows[1].source,
        support=set(rows[1].support),
        other=rows[1].other,
        aspects=list(rows[1].aspects),
        trust=7,
        better="test",
    )
    rows.insert(0, preview)
    return rows


def _write_xlsx(folder: Path) -> Path:
    from openpyxl import Workbook

    rows = _xlsx_rows()
    codes = [code for code, _, _ in METADATA]
    texts = [text for _, text, _ in METADATA]
    ids = [_import_id(i, "Europe/Amsterdam") for _, _, i in METADATA]

    def add(code: str, text: str, import_id: str) -> None:
        codes.append(code)
        texts.append(text)
        ids.append(json.dumps({"ImportId": import_id}, separators=(",", ":")))

    add("Q_RecaptchaScore", "Q_RecaptchaScore", "Q_RecaptchaScore")
    add("Q1", X_Q1, "QID1")
    add("Q2", X_Q2, "QID2")
    for n, option in enumerate(X_SUPPORT, start=1):
        add(f"Q3_{n}", f"{X_Q3} - Selected Choice - {option}", f"QID3_{n}")
    add("Q3_5_TEXT", f"{X_Q3} - Other (please specify) - Text", "QID3_5_TEXT")
    for n, aspect in enumerate(X_ASPECTS, start=1):
        add(f"Q4_{n}", f"{X_Q4} - {aspect}", f"QID4_{n}")
    add("Q5", X_Q5, "QID5")
    add("Q6", X_Q6, "QID6_TEXT")
    add("district", "district", "district")
    add("panel_id", "panel_id", "panel_id")

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet0"
    for header in (codes, texts, ids):
        sheet.append(header)
    for r in rows:
        cells = r.meta.cells(numeric=False)
        cells += [r.recaptcha, r.age or "", r.source or ""]
        cells += [s if s in r.support else "" for s in X_SUPPORT]
        cells.append(r.other)
        cells += [v or "" for v in r.aspects]
        cells += ["" if r.trust is None else str(r.trust), r.better or "", r.district, r.panel_id]
        # Every cell is text; an empty answer is an empty cell, not an empty string.
        sheet.append([c if c != "" else None for c in cells])
    path = folder / "Residents support survey 2024_September 30, 2024_09.15.xlsx"
    workbook.save(path)
    return path


def _xlsx_case() -> PlatformCase:
    rows = _xlsx_rows()
    real = [r for r in rows if r.meta.kind == "real"]
    questions = [
        ExpectedQuestion(["Q1"], "single", len(real), _present([r.age for r in real])),
        ExpectedQuestion(
            ["Q2"],
            "single",
            sum(r.source is not None for r in real),
            _present([r.source for r in real]),
        ),
        ExpectedQuestion(
            [f"Q3_{n}" for n in range(1, 7)],
            "multi",
            sum(bool(r.support) for r in real),
            [(s, sum(s in r.support for r in real)) for s in X_SUPPORT],
        ),
    ]
    for item in range(3):
        values = [r.aspects[item] for r in real]
        valid = [v for v in values if v in X_SATISFACTION]
        questions.append(
            ExpectedQuestion(
                [f"Q4_{item + 1}"],
                "scale",
                len(valid),
                _counts(valid, X_SATISFACTION),
                ordered=True,
                missing=[(X_NOT_APPLICABLE, values.count(X_NOT_APPLICABLE))],
            )
        )
    trust = [r.trust for r in real if r.trust is not None]
    questions.append(
        ExpectedQuestion(
            ["Q5"],
            "scale",
            len(trust),
            _counts([str(t) for t in trust], [str(n) for n in range(11)]),
            ordered=True,
            mean=sum(trust) / len(trust),
        )
    )
    questions.append(
        ExpectedQuestion(["district"], "single", len(real), _present([r.district for r in real]))
    )
    not_tabulated = dict(METADATA_REASONS)
    not_tabulated["ExternalReference"] = "empty"  # e-mail distribution without references
    not_tabulated.update(
        {
            "Q_RecaptchaScore": "platform metadata",
            "Q3_5_TEXT": "write-in text",
            "Q6": "open text",
            "panel_id": "respondent id",
        }
    )
    return PlatformCase(
        name="qualtrics-xlsx-en",
        write=_write_xlsx,
        respondents=len(real),
        questions=questions,
        not_tabulated=not_tabulated,
        left_out=len(rows) - len(real),
    )


CASES: list[PlatformCase] = [
    _dutch_case(numeric=False),
    _dutch_case(numeric=True),
    _english_case(),
    _xlsx_case(),
]
