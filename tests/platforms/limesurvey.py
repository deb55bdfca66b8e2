"""LimeSurvey response exports (Responses > Export responses), as LimeSurvey 5/6 writes them.

Format facts relied on (all from LimeSurvey's own source, ``LimeSurvey/LimeSurvey`` on GitHub):

* ``application/helpers/admin/export/CsvWriter.php``: CSV starts with a UTF-8 byte order mark,
  ONE header row, every value wrapped in double quotes (``"`` doubled inside), a PHP ``null``
  written as nothing at all (no quotes), line breaks inside a value normalised to ``\\n``,
  records ended by ``\\r\\n`` and one extra ``\\r\\n`` (an empty last line) written by
  ``close()``. The field separator is chosen in the export dialog: comma (default),
  semicolon or tab (``$data['aCsvFieldSeparator']`` in the export controller).
* ``application/helpers/admin/export/ExcelWriter.php``: xlsx through PHP_XLSXWriter
  (``writeSheetRow`` without column types, i.e. "GENERAL"): one header row, no merged cells,
  no styling; the only sheet is named after the survey title with ``* : / \\ ? [ ]`` replaced
  by spaces and cut to 31 characters. PHP_XLSXWriter's ``writeCell`` (GENERAL/n_auto branch)
  writes a string that looks like a number (``"0"``, ``"7"``, ``"1845396170"``) as a numeric
  cell and everything else as an inline string; an empty string or ``null`` is an empty cell.
* ``application/helpers/admin/export/Writer.php`` (``write``): the heading is either the
  question code (``viewHelper::getFieldCode``: ``Q1``, ``Q2[SQ001]``, ``Q2[other]``; metadata
  columns keep their field name ``id``, ``submitdate``, ``lastpage``, ``startlanguage``,
  ``seed``, ``startdate``, ``datestamp``, ``ipaddr``, ``refurl``), or the full question text
  (question text, a space, then ``[Subquestion]`` / ``[Other]``; metadata columns get the
  translated ``gT()`` texts from ``createFieldMap``: "Response ID", "Date submitted",
  "Last page", "Start language", "Seed", "Date started", "Date last action", "IP address",
  "Referrer URL"). The export dialog defaults to "Full question text" + "Full answers"
  (``_responses.php``, ``headexports`` in the export controller); ``limer``/``limonaid``'s
  ``get_responses`` default to ``sHeadingType = "code"`` with ``sResponseType = "long"``.
  Column order is ``createFieldMap``'s: id, submitdate, lastpage, startlanguage, seed,
  [token], [startdate, datestamp when date stamps are on], [ipaddr], [refurl], then the
  questions in group/question order.
* ``application/helpers/admin/export/SurveyObj.php`` (``getFullAnswer``): with "Full answers"
  a multiple-choice subquestion is ``gT('Yes')`` when ticked, ``gT('No')`` when shown but not
  ticked (stored as an empty string) and ``gT('N/A')`` when the question was never shown
  (stored NULL: page not reached, or hidden by its condition); its ``[other]`` column holds
  the typed text. A Yes/No question gives Yes / No and ``gT('N/A')`` for anything else,
  including "shown but not answered". A list question gives the answer text, ``gT('Other')``
  for the "-oth-" code (the typed text is in its own ``[other]`` column) and nothing when
  unanswered; an array gives the answer text or an empty string. With "Answer codes" the
  stored values come out unchanged: ``Y`` / empty for multiple choice, ``Y`` / ``N`` for
  Yes/No, the answer codes (``A1``, ``-oth-``) for lists and arrays.
* Response table: ``submitdate`` is NULL for incomplete responses (exported when the
  completion filter is "All responses") and ``lastpage`` is the last page reached, so
  incomplete rows have a smaller ``lastpage`` and empty (or "N/A") later questions. In a
  survey without date stamps (``datestamp = N``) there are no startdate/datestamp columns and
  every completed response has ``submitdate`` "1980-01-01 00:00:00" (the
  "submitdate for not-datestamped surveys is always 1980/01/01" rule in LimeSurvey's code).
  Dates are written as stored: ``YYYY-MM-DD HH:MM:SS``.

Not verified against a real file (no Dutch ``.po`` text was readable, only the binary ``.mo``):
the Dutch translations used for the Dutch-language exports: "Respons ID", "Datum verstuurd",
"Laatste pagina", "Starttaal", "Seed", "Datum gestart", "Datum laatste actie", and
Ja / Nee / "N.v.t." (for ``N/A``) / "Anders" (for ``Other``).

SPSS (not written here; see the final report): ``export_helper.php`` ``SPSSFieldMap`` names a
variable after the question code with ``_`` instead of brackets (``Q2_SQ001``, ``Q2_other``;
``V1``, ``V2`` ... in the old pre-16 export) and labels it ``"[Subquestion] Question text"``
(the bracketed subquestion FIRST, then the question); metadata variables are labelled with
their field name (``id``, ``submitdate``, ``lastpage``, ``seed`` ...). Multiple choice is coded
1 = "Yes", 0 = "Not Selected" (shown but not ticked), system-missing when not shown; Yes/No is
1 = "Yes", 2 = "No"; lists and arrays carry their answer codes with the answer texts as value
labels (string variables when a code is not numeric or "Other" is on).

monitorkit names a LimeSurvey column by its header text; with code headings an option's label
is the bracket text (``SQ001``, ``other``), with full-text headings the option text. A
multiple-choice ``[other]`` column has no tick column of its own (the typed text IS the
answer), so it is an item of the multi counted as "wrote something"; a list question's
``[other]`` column is write-in text beside the list's own "Other"/"Anders" answer.
Incomplete responses (empty submitdate, smaller lastpage) are respondents; their unreached
questions are empty, or "N/A"/"N.v.t." for multiple choice and Yes/No with full answers,
which is a non-answer (not in the base).

Cases:

1. Dutch Wmo client survey, CSV (comma), question-code headings, full answers (the
   limer/limonaid default): list with long options + "Anders" + ``Q1[other]``, multiple choice
   Ja/Nee/N.v.t. with ``Q2[other]`` and an option nobody ticked, Likert array with
   "Weet ik niet", 1-10 list, Yes/No, open text, e-mail; ip address and referrer URL kept.
2. Dutch liveability survey, CSV (semicolon), full question text headings in Dutch (the
   export dialog's default), full answers: tevreden-scale list with "Weet niet", multi with an
   exclusive "Geen van deze problemen" and ``[Anders]``, Ja/Nee array (battery), nooit-altijd
   array with "Niet van toepassing", 1-10 list, two open questions both headed
   "Toelichting", name and e-mail.
3. English sport survey, xlsx, full question text headings, full answers, anonymised without
   date stamps (submitdate "1980-01-01 00:00:00"): multi Yes/No with ``[Other]``, Yes/No/N/A,
   agree array with "Don't know", 0-10 list written as numeric cells, a list with long options
   and "Other" asked only of non-members, open text, name, e-mail; sheet name cut to 31.
4. Short Dutch evaluation form, CSV (comma), question-code headings, ANSWER CODES: multiple
   choice ``Y``/empty with ``[other]`` text, Yes/No ``Y``/``N``, 1-10 list coded 1..10.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from statistics import mean

from openpyxl import Workbook

from . import ExpectedQuestion, PlatformCase

# --------------------------------------------------------------------------------------------
# A small LimeSurvey: questions, response rows as stored in the response table, and the two
# writers (CSV, xlsx) with LimeSurvey's heading and answer rendering.
# --------------------------------------------------------------------------------------------

#: gT() texts used by getFullAnswer and createFieldMap, per export language.
_TR = {
    "en": {"Yes": "Yes", "No": "No", "N/A": "N/A", "Other": "Other"},
    "nl": {"Yes": "Ja", "No": "Nee", "N/A": "N.v.t.", "Other": "Anders"},
}
_META_TEXT = {
    "en": {
        "id": "Response ID",
        "submitdate": "Date submitted",
        "lastpage": "Last page",
        "startlanguage": "Start language",
        "seed": "Seed",
        "startdate": "Date started",
        "datestamp": "Date last action",
        "ipaddr": "IP address",
        "refurl": "Referrer URL",
    },
    "nl": {
        "id": "Respons ID",
        "submitdate": "Datum verstuurd",
        "lastpage": "Laatste pagina",
        "startlanguage": "Starttaal",
        "seed": "Seed",
        "startdate": "Datum gestart",
        "datestamp": "Datum laatste actie",
        "ipaddr": "IP-adres",
        "refurl": "Verwijzende URL",
    },
}
_META_REASON = {
    "id": "respondent id",
    "submitdate": "timestamp",
    "startdate": "timestamp",
    "datestamp": "timestamp",
    "lastpage": "platform metadata",
    "startlanguage": "platform metadata",
    "seed": "platform metadata",
    "refurl": "platform metadata",
    "ipaddr": "personal data",
}


@dataclass
class _Q:
    """One LimeSurvey question. type: L list (radio), M multiple choice, F array, Y yes/no,
    T long free text, S short free text."""

    code: str
    type: str
    text: str
    page: int
    answers: list[tuple[str, str]] = field(default_factory=list)  # (code, text): L and F
    subs: list[tuple[str, str]] = field(default_factory=list)  # (code, text): M and F
    other: bool = False

    def label(self, code: str) -> str:
        return dict(self.answers)[code]


@dataclass
class _Col:
    key: str  # the code heading, also the key of the stored value in a row
    code_head: str
    text_head: str
    kind: str  # meta | L | Lother | M | Mother | F | Y | T
    q: _Q | None


@dataclass
class _Survey:
    sid: int
    title: str
    lang: str  # export language
    questions: list[_Q]
    meta: list[str]
    rows: list[dict] = field(default_factory=list)

    def columns(self) -> list[_Col]:
        cols = [_Col(m, m, _META_TEXT[self.lang][m], "meta", None) for m in self.meta]
        other = _TR[self.lang]["Other"]
        for q in self.questions:
            if q.type == "L":
                cols.append(_Col(q.code, q.code, q.text, "L", q))
                if q.other:
                    key = f"{q.code}[other]"
                    cols.append(_Col(key, key, f"{q.text} [{other}]", "Lother", q))
            elif q.type in ("M", "F"):
                for sq, sq_text in q.subs:
                    key = f"{q.code}[{sq}]"
                    cols.append(_Col(key, key, f"{q.text} [{sq_text}]", q.type, q))
                if q.type == "M" and q.other:
                    key = f"{q.code}[other]"
                    cols.append(_Col(key, key, f"{q.text} [{other}]", "Mother", q))
            else:
                kind = "Y" if q.type == "Y" else "T"
                cols.append(_Col(q.code, q.code, q.text, kind, q))
        return cols

    def headers(self, heading: str) -> list[str]:
        return [c.code_head if heading == "code" else c.text_head for c in self.columns()]

    def values(self, answers: str) -> list[list[object]]:
        """Rows as Writer::write renders them: answers 'long' (full answers) or 'short'."""
        cols = self.columns()
        out = []
        for row in self.rows:
            rendered = []
            for c in cols:
                value = row.get(c.key)
                rendered.append(_full_answer(value, c, self.lang) if answers == "long" else value)
            out.append(rendered)
        return out


def _full_answer(value: object, col: _Col, lang: str) -> object:
    """SurveyObj::getFullAnswer for the question types used here."""
    tr = _TR[lang]
    kind = col.kind
    if kind in ("meta", "T"):  # default branch: $fullAnswer .= $answerCode (null -> "")
        return "" if value is None else str(value)
    if kind in ("Lother", "Mother"):  # the typed text as stored (null stays null)
        return value
    if kind == "L":
        if value == "-oth-":
            return tr["Other"]
        return dict(col.q.answers).get(value)  # unanswered: null
    if kind == "M":
        if value == "Y":
            return tr["Yes"]
        if value in ("N", ""):
            return tr["No"]
        return tr["N/A"]
    if kind == "F":
        return dict(col.q.answers).get(value, "")
    if kind == "Y":
        return {"Y": tr["Yes"], "N": tr["No"]}.get(value, tr["N/A"])
    raise ValueError(kind)


def _csv_escape(value: object) -> str:
    """CsvWriter::csvEscape."""
    if value is None:
        return ""
    text = re.sub(r"\r\n|\r|\n", "\n", str(value))
    return '"' + text.replace('"', '""') + '"'


def _write_csv(path: Path, headers: list[str], rows: list[list[object]], sep: str) -> Path:
    lines = [sep.join(_csv_escape(h) for h in headers)]
    lines += [sep.join(_csv_escape(v) for v in row) for row in rows]
    data = "\ufeff" + "".join(line + "\r\n" for line in lines) + "\r\n"
    path.write_bytes(data.encode("utf-8"))
    return path


_PHP_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def _xlsx_value(value: object) -> object:
    """PHP_XLSXWriter::writeCell, GENERAL (n_auto) branch."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    if value == "0" or (value[0] != "0" and value.isdigit()) or _PHP_NUMBER.fullmatch(value):
        return float(value) if "." in value else int(value)
    return value


def _write_xlsx(path: Path, sheet: str, headers: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    name = re.sub(r"[*:/\\?\[\]]", " ", sheet)[:31] or "survey"
    ws.title = name
    ws.append(headers)
    for row in rows:
        ws.append([_xlsx_value(v) for v in row])
    wb.save(path)
    return path


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _names(headers: list[str]) -> list[str]:
    """Column names as monitorkit gives them: the header text, duplicates get '(column X)'."""
    stripped = [h.strip() for h in headers]
    return [
        f"{h} (column {_column_letter(i)})" if stripped.count(h) > 1 else h
        for i, h in enumerate(stripped)
    ]


# --------------------------------------------------------------------------------------------
# Response-row helpers (metadata as LimeSurvey stores it).
# --------------------------------------------------------------------------------------------


def _meta_rows(
    rng: random.Random,
    n: int,
    incomplete: dict[int, int],
    pages: int,
    start: datetime,
    meta: list[str],
    languages: dict[int, str],
    base_language: str,
    datestamp: bool = True,
    days: int = 20,
    hours: int = 14,
) -> list[dict]:
    rows = []
    rid = 0
    for i in range(n):
        rid += 1 if i != 4 else 3  # responses 5 and 6 were deleted test responses
        started = start + timedelta(
            days=rng.randint(0, days),
            hours=rng.randint(0, hours),
            minutes=rng.randint(0, 59),
            seconds=rng.randint(0, 59),
        )
        last = started + timedelta(minutes=rng.randint(3, 25), seconds=rng.randint(0, 59))
        done = i not in incomplete
        row: dict = {"id": rid}
        if datestamp:
            row["submitdate"] = last.strftime("%Y-%m-%d %H:%M:%S") if done else None
        else:
            row["submitdate"] = "1980-01-01 00:00:00" if done else None
        row["lastpage"] = pages if done else incomplete[i]
        row["startlanguage"] = languages.get(i, base_language)
        row["seed"] = str(rng.randint(10**8, 2**31 - 1))
        if "startdate" in meta:
            row["startdate"] = started.strftime("%Y-%m-%d %H:%M:%S")
            row["datestamp"] = last.strftime("%Y-%m-%d %H:%M:%S")
        if "ipaddr" in meta:
            row["ipaddr"] = (
                f"{rng.choice([84, 145, 31, 77, 213])}.{rng.randint(1, 254)}."
                f"{rng.randint(1, 254)}.{rng.randint(1, 254)}"
            )
        if "refurl" in meta:
            row["refurl"] = rng.choice(
                [
                    "",
                    "https://www.example-gemeente.nl/zorg-en-ondersteuning/wmo",
                    "https://mail.example.com/",
                    "",
                ]
            )
        rows.append(row)
    return rows


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _reached(row: dict, q: _Q) -> bool:
    """Was the page holding q saved for this response?"""
    return row["lastpage"] >= q.page


def _scale_items(values: list[object], scale: list[tuple[str, str]]) -> list[tuple[str, int]]:
    return [(text, sum(1 for v in values if v == code)) for code, text in scale]


# --------------------------------------------------------------------------------------------
# Case 1: Dutch Wmo client survey, question-code headings, full answers, comma CSV.
# --------------------------------------------------------------------------------------------

_WMO_LIKERT = [
    ("A1", "Helemaal mee oneens"),
    ("A2", "Mee oneens"),
    ("A3", "Neutraal"),
    ("A4", "Mee eens"),
    ("A5", "Helemaal mee eens"),
]
_WMO_WEET = ("A6", "Weet ik niet")
_WMO = [
    _Q(
        "Q1",
        "L",
        "Hoe bent u in contact gekomen met de gemeente voor uw hulpvraag?",
        1,
        answers=[
            (
                "A1",
                "Ik heb zelf contact opgenomen met het Wmo-loket van de gemeente "
                "(telefonisch, per e-mail of aan de balie)",
            ),
            (
                "A2",
                "Via mijn huisarts, de praktijkondersteuner of een andere zorgverlener "
                "die mij heeft doorverwezen",
            ),
            (
                "A3",
                "Een familielid, mantelzorger of iemand anders uit mijn omgeving heeft "
                "contact opgenomen",
            ),
            (
                "A4",
                "Via het sociaal wijkteam of een medewerker van een welzijnsorganisatie "
                "bij mij in de buurt",
            ),
            (
                "A5",
                "Ik heb (nog) geen contact gehad met de gemeente, mijn aanvraag loopt via "
                "een andere instantie",
            ),
        ],
        other=True,
    ),
    _Q(
        "Q2",
        "M",
        "Voor welke ondersteuning heeft u een aanvraag gedaan? (meerdere antwoorden mogelijk)",
        1,
        subs=[
            ("SQ001", "Hulp bij het huishouden, zoals schoonmaken, wassen en strijken"),
            (
                "SQ002",
                "Begeleiding bij het regelen van dagelijkse zaken, zoals administratie en "
                "afspraken",
            ),
            (
                "SQ003",
                "Een hulpmiddel of woningaanpassing, zoals een scootmobiel, rolstoel of traplift",
            ),
            (
                "SQ004",
                "Vervoer, bijvoorbeeld de regiotaxi of een vervoersvoorziening naar dagbesteding",
            ),
            ("SQ005", "Dagbesteding of een andere vorm van activiteiten buitenshuis"),
            ("SQ006", "Ondersteuning voor mijn mantelzorger, zoals respijtzorg"),
        ],
        other=True,
    ),
    _Q(
        "Q3",
        "F",
        "In hoeverre bent u het eens met de volgende uitspraken over de ondersteuning die u "
        "krijgt?",
        2,
        answers=[*_WMO_LIKERT, _WMO_WEET],
        subs=[
            ("SQ001", "Ik weet waar ik terecht kan als ik hulp of ondersteuning nodig heb"),
            ("SQ002", "De medewerker van de gemeente nam mij en mijn hulpvraag serieus"),
            ("SQ003", "De ondersteuning die ik krijg past bij mijn hulpvraag"),
            ("SQ004", "Door de ondersteuning kan ik mij beter redden in het dagelijks leven"),
        ],
    ),
    _Q(
        "Q4",
        "L",
        "Welk rapportcijfer geeft u de ondersteuning die u van de gemeente krijgt? "
        "(1 = zeer slecht, 10 = uitstekend)",
        2,
        answers=[(str(i), str(i)) for i in range(1, 11)],
    ),
    _Q(
        "Q5",
        "Y",
        "Krijgt u naast de ondersteuning van de gemeente ook hulp van een mantelzorger?",
        3,
    ),
    _Q("Q6", "T", "Heeft u verder nog opmerkingen of suggesties over de Wmo-ondersteuning?", 3),
    _Q(
        "Q7",
        "S",
        "Als u kans wilt maken op een cadeaubon van € 25, vul dan hier uw e-mailadres in",
        3,
    ),
]
_OPEN_NL = [
    "nee",
    "geen",
    "Nee",
    "-",
    "Geen opmerkingen.",
    "Prima geholpen, dank u wel!",
    'De medewerker was vriendelijk, maar het duurde "erg lang" voordat ik iets hoorde.\n'
    "Graag sneller reageren.",
    "Ik had graag vaker dezelfde contactpersoon gehad.",
    "De huishoudelijke hulp wisselt te vaak, dat is onrustig voor mijn moeder.",
    "Meer informatie op de website over wat wel en niet vergoed wordt.",
]


def _wmo_survey() -> _Survey:
    rng = random.Random(482913)
    meta = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
    ]
    n = 30
    incomplete = {5: 1, 11: 2, 17: 1, 22: 2, 26: 2, 29: 1}
    rows = _meta_rows(
        rng, n, incomplete, 3, datetime(2024, 3, 4, 8, 30), meta, {3: "en", 19: "en"}, "nl"
    )
    q2, q3, q5 = _WMO[1], _WMO[2], _WMO[4]
    q1_other = ["Via de thuiszorg", "Mijn dochter heeft gebeld", "Via de ouderenadviseur"]
    q2_other = ["Maaltijdservice", "Hulp bij het aanvragen van een gehandicaptenparkeerkaart"]
    tick = {"SQ001": 0.5, "SQ002": 0.35, "SQ003": 0.3, "SQ004": 0.25, "SQ005": 0.15}
    for i, row in enumerate(rows):
        # page 1 (every row saved it)
        if i == 8:
            row["Q1"] = ""  # shown, not answered
        else:
            row["Q1"] = _pick(
                rng,
                {"A1": 0.35, "A2": 0.2, "A3": 0.2, "A4": 0.1, "A5": 0.07, "-oth-": 0.08},
            )
        row["Q1[other]"] = rng.choice(q1_other) if row["Q1"] == "-oth-" else ""
        if row["Q1"] == "A5":  # Q2 is hidden by its condition: stored NULL
            for sq, _ in q2.subs:
                row[f"Q2[{sq}]"] = None
            row["Q2[other]"] = None
        else:
            for sq, _ in q2.subs:
                row[f"Q2[{sq}]"] = "Y" if rng.random() < tick.get(sq, 0.0) else ""
            row["Q2[other]"] = q2_other[i % 2] if i in (2, 14, 23) else ""
        # page 2
        if _reached(row, q3):
            for sq, _ in q3.subs:
                weights = {"A1": 0.06, "A2": 0.12, "A3": 0.2, "A4": 0.35, "A5": 0.2, "A6": 0.07}
                if sq == "SQ002":
                    weights["A1"] = 0.0  # nobody chose "Helemaal mee oneens" here
                row[f"Q3[{sq}]"] = "" if rng.random() < 0.05 else _pick(rng, weights)
            row["Q4"] = (
                ""
                if i in (7, 20)
                else _pick(rng, {"3": 1, "4": 1, "5": 2, "6": 4, "7": 7, "8": 8, "9": 3, "10": 2})
            )
        else:
            for sq, _ in q3.subs:
                row[f"Q3[{sq}]"] = None
            row["Q4"] = None
        # page 3
        if _reached(row, q5):
            row["Q5"] = "" if i == 12 else _pick(rng, {"Y": 0.4, "N": 0.6})
            row["Q6"] = rng.choice(_OPEN_NL) if rng.random() < 0.6 else ""
            row["Q7"] = f"respondent{row['id']:03d}@example.nl" if rng.random() < 0.4 else ""
        else:
            row["Q5"] = row["Q6"] = row["Q7"] = None
    survey = _Survey(482913, "Wmo-cliëntervaringsonderzoek 2024", "nl", _WMO, meta, rows)
    # every Likert point occurs somewhere in the grid, so sibling columns make it known
    grid = [r[f"Q3[{sq}]"] for r in rows for sq, _ in q3.subs]
    assert all(code in grid for code, _ in _WMO_LIKERT)
    return survey


def _wmo_case() -> PlatformCase:
    survey = _wmo_survey()
    rows = survey.rows
    q1, q2, q3 = _WMO[:3]
    tr = _TR["nl"]
    questions = []

    answered_q1 = [r["Q1"] for r in rows if r["Q1"] not in (None, "")]
    items = [(text, answered_q1.count(code)) for code, text in q1.answers]
    items.append((tr["Other"], answered_q1.count("-oth-")))
    questions.append(
        ExpectedQuestion(["Q1"], "single", len(answered_q1), [it for it in items if it[1]])
    )

    shown = [r for r in rows if r["Q2[SQ001]"] is not None]  # "Ja"/"Nee" rather than "N.v.t."
    items = [(sq, sum(1 for r in shown if r[f"Q2[{sq}]"] == "Y")) for sq, _ in q2.subs]
    items.append(("other", sum(1 for r in shown if r["Q2[other]"])))
    questions.append(
        ExpectedQuestion(
            [f"Q2[{sq}]" for sq, _ in q2.subs] + ["Q2[other]"], "multi", len(shown), items
        )
    )

    for sq, _ in q3.subs:
        values = [r[f"Q3[{sq}]"] for r in rows]
        scale = _scale_items(values, _WMO_LIKERT)
        weet = values.count(_WMO_WEET[0])
        questions.append(
            ExpectedQuestion(
                [f"Q3[{sq}]"],
                "scale",
                sum(c for _, c in scale),
                scale,
                ordered=True,
                missing=[(_WMO_WEET[1], weet)] if weet else [],
            )
        )

    grades = [int(r["Q4"]) for r in rows if r["Q4"] not in (None, "")]
    questions.append(
        ExpectedQuestion(
            ["Q4"],
            "scale",
            len(grades),
            [(str(g), grades.count(g)) for g in range(1, 11)],
            ordered=True,
            mean=mean(grades),
        )
    )

    yes = sum(1 for r in rows if r["Q5"] == "Y")
    no = sum(1 for r in rows if r["Q5"] == "N")
    questions.append(
        ExpectedQuestion(
            ["Q5"],
            "single",
            yes + no,
            [(tr["Yes"], yes), (tr["No"], no)],
            missing=[(tr["N/A"], len(rows) - yes - no)],
        )
    )

    not_tabulated = {m: _META_REASON[m] for m in survey.meta}
    not_tabulated.update({"Q1[other]": "write-in text", "Q6": "open text", "Q7": "personal data"})

    def write(folder: Path) -> Path:
        return _write_csv(
            folder / f"results-survey{survey.sid}.csv",
            survey.headers("code"),
            survey.values("long"),
            ",",
        )

    return PlatformCase(
        name="limesurvey_nl_code_headings_full_answers_csv",
        write=write,
        respondents=len(rows),
        questions=questions,
        not_tabulated=not_tabulated,
    )


# --------------------------------------------------------------------------------------------
# Case 2: Dutch liveability survey, full question text headings in Dutch, full answers,
# semicolon CSV, two open questions both called "Toelichting".
# --------------------------------------------------------------------------------------------

_TEVREDEN = [
    ("A1", "Zeer ontevreden"),
    ("A2", "Ontevreden"),
    ("A3", "Niet tevreden, niet ontevreden"),
    ("A4", "Tevreden"),
    ("A5", "Zeer tevreden"),
]
_FREQ = [("A1", "Nooit"), ("A2", "Zelden"), ("A3", "Soms"), ("A4", "Vaak"), ("A5", "Altijd")]
_NVT = ("A9", "Niet van toepassing")
_BUURT = [
    _Q(
        "B1",
        "L",
        "Hoe tevreden bent u over uw buurt als plek om te wonen?",
        1,
        answers=[*_TEVREDEN, ("A9", "Weet niet")],
    ),
    _Q(
        "B2",
        "M",
        "Welke van de volgende problemen komen volgens u vaak voor in uw buurt?",
        1,
        subs=[
            (
                "SQ001",
                "Overlast van groepen jongeren die rondhangen op straat, in parken of bij "
                "winkelcentra",
            ),
            ("SQ002", "Te hard rijden en gevaarlijke verkeerssituaties in de woonstraten"),
            (
                "SQ003",
                "Rommel op straat, zwerfafval en dumpingen van grofvuil naast de containers",
            ),
            ("SQ004", "Hondenpoep op de stoep, in het gras en op speelplekken voor kinderen"),
            (
                "SQ005",
                "Geluidsoverlast van buren, feesten of bedrijven in de directe omgeving",
            ),
            ("SQ006", "Geen van deze problemen"),
        ],
        other=True,
    ),
    _Q("B3", "T", "Toelichting", 1),
    _Q(
        "B4",
        "F",
        "Bent u in de afgelopen 12 maanden slachtoffer geworden van een van de volgende delicten?",
        2,
        answers=[("A1", "Ja"), ("A2", "Nee")],
        subs=[
            ("SQ001", "Fietsdiefstal"),
            ("SQ002", "Inbraak of poging tot inbraak in uw woning"),
            ("SQ003", "Vernieling van of diefstal uit uw auto"),
            ("SQ004", "Online oplichting of fraude bij aan- of verkoop via internet"),
        ],
    ),
    _Q(
        "B5",
        "F",
        "Hoe vaak voelt u zich onveilig op de volgende plekken?",
        2,
        answers=[*_FREQ, _NVT],
        subs=[
            ("SQ001", "In uw eigen buurt"),
            ("SQ002", "'s Avonds op straat in uw eigen buurt"),
            ("SQ003", "In en rond het station en bij de bushaltes"),
        ],
    ),
    _Q("B6", "T", "Toelichting", 2),
    _Q(
        "B7",
        "L",
        "Welk rapportcijfer geeft u voor de leefbaarheid in uw buurt?",
        3,
        answers=[(str(i), str(i)) for i in range(1, 11)],
    ),
    _Q("B8", "T", "Wat zou de gemeente volgens u als eerste moeten verbeteren in uw buurt?", 3),
    _Q("B9", "S", "Wat is uw naam? (niet verplicht)", 3),
    _Q("B10", "S", "Wat is uw e-mailadres? (niet verplicht)", 3),
]
_BUURT_OPEN = [
    "nee",
    "geen",
    "Meer blauw op straat, vooral in het weekend.",
    "De verlichting in het parkje achter de school is al maanden kapot.",
    "Drempels in de Dorpsstraat; er wordt veel te hard gereden; ook door scooters.",
    "Meer prullenbakken en vaker legen.",
    "geen",
    "Speeltuin opknappen",
]
_NAMES = ["Fatima el Amrani", "Jan de Vries", "M. Jansen", "Kees", "Anouk Bakker", "P. Visser"]


def _buurt_survey() -> _Survey:
    rng = random.Random(735184)
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    n = 36
    incomplete = {4: 1, 9: 2, 15: 1, 21: 2, 27: 1, 33: 2, 35: 1}
    rows = _meta_rows(
        rng, n, incomplete, 3, datetime(2024, 9, 16, 7, 0), meta, {10: "en", 30: "en"}, "nl"
    )
    b2, b4, b5, b7 = _BUURT[1], _BUURT[3], _BUURT[4], _BUURT[6]
    tick = {"SQ001": 0.3, "SQ002": 0.45, "SQ003": 0.35, "SQ004": 0.4, "SQ005": 0.2}
    b2_other = ["Parkeerproblemen", "Drugshandel bij de flat", "Ratten bij de containers"]
    for i, row in enumerate(rows):
        row["B1"] = (
            "" if i == 6 else _pick(rng, {"A1": 1, "A2": 3, "A3": 6, "A4": 14, "A5": 6, "A9": 2})
        )
        if i in (3, 18, 25):  # "Geen van deze problemen" (exclusive option)
            for sq, _ in b2.subs:
                row[f"B2[{sq}]"] = "Y" if sq == "SQ006" else ""
        else:
            for sq, _ in b2.subs:
                row[f"B2[{sq}]"] = "Y" if rng.random() < tick.get(sq, 0.0) else ""
        row["B2[other]"] = b2_other[i % 3] if i in (1, 12, 22, 31) else ""
        row["B3"] = rng.choice(_BUURT_OPEN) if rng.random() < 0.3 else ""
        if _reached(row, b4):
            for sq, _ in b4.subs:
                p_yes = {"SQ001": 0.25, "SQ002": 0.08, "SQ003": 0.12, "SQ004": 0.15}[sq]
                row[f"B4[{sq}]"] = (
                    "" if rng.random() < 0.06 else ("A1" if rng.random() < p_yes else "A2")
                )
            for sq, _ in b5.subs:
                weights = {"A1": 8, "A2": 7, "A3": 6, "A4": 3, "A5": 2, "A9": 1}
                if sq == "SQ001":
                    weights["A5"] = 0  # nobody said "Altijd" for the own neighbourhood
                row[f"B5[{sq}]"] = "" if rng.random() < 0.05 else _pick(rng, weights)
            row["B6"] = rng.choice(_BUURT_OPEN) if rng.random() < 0.25 else ""
        else:
            for sq, _ in b4.subs:
                row[f"B4[{sq}]"] = None
            for sq, _ in b5.subs:
                row[f"B5[{sq}]"] = None
            row["B6"] = None
        if _reached(row, b7):
            row["B7"] = (
                ""
                if i == 14
                else _pick(rng, {"2": 1, "4": 1, "5": 2, "6": 5, "7": 9, "8": 8, "9": 2})
            )
            row["B8"] = rng.choice(_BUURT_OPEN) if rng.random() < 0.55 else ""
            row["B9"] = rng.choice(_NAMES) if rng.random() < 0.3 else ""
            row["B10"] = f"bewoner{row['id']}@example.com" if rng.random() < 0.35 else ""
        else:
            row["B7"] = row["B8"] = row["B9"] = row["B10"] = None
    survey = _Survey(735184, "Leefbaarheid en veiligheid 2024", "nl", _BUURT, meta, rows)
    grid = [r[f"B5[{sq}]"] for r in rows for sq, _ in b5.subs]
    assert all(code in grid for code, _ in _FREQ)
    return survey


def _buurt_case() -> PlatformCase:
    survey = _buurt_survey()
    rows = survey.rows
    b2, b4, b5 = _BUURT[1], _BUURT[3], _BUURT[4]
    tr = _TR["nl"]
    cols = survey.columns()
    names = dict(zip([c.key for c in cols], _names(survey.headers("full")), strict=True))
    questions = []

    values = [r["B1"] for r in rows]
    scale = _scale_items(values, _TEVREDEN)
    questions.append(
        ExpectedQuestion(
            [names["B1"]],
            "scale",
            sum(c for _, c in scale),
            scale,
            ordered=True,
            missing=[("Weet niet", values.count("A9"))],
        )
    )

    shown = [r for r in rows if r["B2[SQ001]"] is not None]
    items = [(text, sum(1 for r in shown if r[f"B2[{sq}]"] == "Y")) for sq, text in b2.subs]
    items.append((tr["Other"], sum(1 for r in shown if r["B2[other]"])))
    questions.append(
        ExpectedQuestion(
            [names[f"B2[{sq}]"] for sq, _ in b2.subs] + [names["B2[other]"]],
            "multi",
            len(shown),
            items,
        )
    )

    item_bases = []
    items = []
    for sq, text in b4.subs:
        values = [r[f"B4[{sq}]"] for r in rows]
        items.append((text, values.count("A1")))
        item_bases.append(values.count("A1") + values.count("A2"))
    battery_base = sum(1 for r in rows if any(r[f"B4[{sq}]"] in ("A1", "A2") for sq, _ in b4.subs))
    questions.append(
        ExpectedQuestion(
            [names[f"B4[{sq}]"] for sq, _ in b4.subs],
            "battery",
            battery_base,
            items,
            item_bases=item_bases,
        )
    )

    for sq, _ in b5.subs:
        values = [r[f"B5[{sq}]"] for r in rows]
        scale = _scale_items(values, _FREQ)
        nvt = values.count(_NVT[0])
        questions.append(
            ExpectedQuestion(
                [names[f"B5[{sq}]"]],
                "scale",
                sum(c for _, c in scale),
                scale,
                ordered=True,
                missing=[(_NVT[1], nvt)] if nvt else [],
            )
        )

    grades = [int(r["B7"]) for r in rows if r["B7"] not in (None, "")]
    questions.append(
        ExpectedQuestion(
            [names["B7"]],
            "scale",
            len(grades),
            [(str(g), grades.count(g)) for g in range(1, 11)],
            ordered=True,
            mean=mean(grades),
        )
    )

    not_tabulated = {names[m]: _META_REASON[m] for m in survey.meta}
    not_tabulated.update(
        {
            names["B3"]: "open text",
            names["B6"]: "open text",
            names["B8"]: "open text",
            names["B9"]: "personal data",
            names["B10"]: "personal data",
        }
    )

    def write(folder: Path) -> Path:
        return _write_csv(
            folder / f"results-survey{survey.sid}.csv",
            survey.headers("full"),
            survey.values("long"),
            ";",
        )

    return PlatformCase(
        name="limesurvey_nl_full_text_headings_semicolon_csv",
        write=write,
        respondents=len(rows),
        questions=questions,
        not_tabulated=not_tabulated,
    )


# --------------------------------------------------------------------------------------------
# Case 3: English survey exported to xlsx, full question text headings, full answers, an
# anonymised survey without date stamps (submitdate 1980-01-01 00:00:00).
# --------------------------------------------------------------------------------------------

_AGREE = [
    ("A1", "Strongly disagree"),
    ("A2", "Disagree"),
    ("A3", "Neither agree nor disagree"),
    ("A4", "Agree"),
    ("A5", "Strongly agree"),
]
_DONT_KNOW = ("A6", "Don't know")
_SPORT = [
    _Q(
        "S1",
        "M",
        "Which of the following municipal sports and leisure facilities have you used in the "
        "past 12 months?",
        1,
        subs=[
            (
                "SQ001",
                "Indoor swimming pool (including lessons, lane swimming and recreational swimming)",
            ),
            (
                "SQ002",
                "Sports park with outdoor pitches for football, hockey, tennis or athletics",
            ),
            ("SQ003", "Public library and its reading rooms, study places and activities"),
            ("SQ004", "Community centre or neighbourhood house for courses, clubs and meetings"),
            (
                "SQ005",
                "Outdoor fitness equipment and calisthenics parks in public green spaces",
            ),
        ],
        other=True,
    ),
    _Q("S2", "Y", "Are you currently a member of a sports club or association?", 1),
    _Q(
        "S3",
        "F",
        "To what extent do you agree or disagree with the following statements?",
        2,
        answers=[*_AGREE, _DONT_KNOW],
        subs=[
            ("SQ001", "There are enough opportunities to exercise in my neighbourhood"),
            (
                "SQ002",
                "Sports facilities in the municipality are affordable for people on a low income",
            ),
            (
                "SQ003",
                "The municipality keeps parks and sports fields clean and well maintained",
            ),
        ],
    ),
    _Q(
        "S4",
        "L",
        "How likely is it that you would recommend the municipal sports facilities to a "
        "friend or colleague? (0 = not at all likely, 10 = extremely likely)",
        2,
        answers=[(str(i), str(i)) for i in range(11)],
    ),
    _Q(
        "S5",
        "L",
        "What is the main reason you do not exercise more often?",
        3,
        answers=[
            (
                "A1",
                "I do not have enough time because of work, study or caring responsibilities",
            ),
            (
                "A2",
                "Membership fees and entrance prices for sports facilities are too expensive "
                "for me",
            ),
            (
                "A3",
                "My health or a physical limitation makes it difficult for me to exercise more",
            ),
            ("A4", "There are no suitable facilities or activities close to where I live"),
            ("A5", "I already exercise as much as I want to"),
        ],
        other=True,
    ),
    _Q(
        "S6",
        "T",
        "Do you have any other comments or suggestions about sport and leisure in the "
        "municipality?",
        3,
    ),
    _Q("S7", "S", "Your name (optional)", 3),
    _Q("S8", "S", "Your e-mail address (optional)", 3),
]
_OPEN_EN = [
    "no",
    "none",
    "No",
    "n/a",
    "Longer opening hours for the pool in the evening please.",
    "The changing rooms at the sports park need renovating.",
    "More activities for teenagers, there is nothing to do for them here.",
    "Keep up the good work!",
]


def _sport_survey() -> _Survey:
    rng = random.Random(219846)
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
    n = 28
    incomplete = {6: 1, 13: 2, 19: 1, 24: 2}
    rows = _meta_rows(
        rng,
        n,
        incomplete,
        3,
        datetime(2024, 5, 13, 9, 0),
        meta,
        {i: "nl" for i in (2, 8, 9, 15, 21, 26)},
        "en",
        datestamp=False,
    )
    s1, s3, s5 = _SPORT[0], _SPORT[2], _SPORT[4]
    tick = {"SQ001": 0.45, "SQ002": 0.35, "SQ003": 0.5, "SQ004": 0.2, "SQ005": 0.1}
    s1_other = ["Skate park", "Ice rink in the winter", "Climbing wall"]
    s5_other = ["I don't like sports", "No one to go with"]
    for i, row in enumerate(rows):
        for sq, _ in s1.subs:
            row[f"S1[{sq}]"] = "Y" if rng.random() < tick[sq] else ""
        row["S1[other]"] = s1_other[i % 3] if i in (0, 10, 17) else ""
        row["S2"] = "" if i == 11 else _pick(rng, {"Y": 0.35, "N": 0.65})
        if _reached(row, s3):
            for sq, _ in s3.subs:
                weights = {"A1": 0.1, "A2": 0.15, "A3": 0.2, "A4": 0.33, "A5": 0.15, "A6": 0.07}
                if sq == "SQ003":
                    weights["A1"] = 0.0
                row[f"S3[{sq}]"] = "" if rng.random() < 0.04 else _pick(rng, weights)
            row["S4"] = (
                ""
                if i == 5
                else _pick(rng, {"0": 1, "3": 1, "5": 2, "6": 3, "7": 6, "8": 8, "9": 4, "10": 3})
            )
        else:
            for sq, _ in s3.subs:
                row[f"S3[{sq}]"] = None
            row["S4"] = None
        if _reached(row, s5):
            if row["S2"] == "Y":  # S5 is only asked of non-members: hidden, stored NULL
                row["S5"] = None
                row["S5[other]"] = None
            else:
                row["S5"] = _pick(
                    rng, {"A1": 0.35, "A2": 0.2, "A3": 0.12, "A4": 0.1, "A5": 0.13, "-oth-": 0.1}
                )
                row["S5[other]"] = rng.choice(s5_other) if row["S5"] == "-oth-" else ""
            row["S6"] = rng.choice(_OPEN_EN) if rng.random() < 0.5 else ""
            row["S7"] = rng.choice(["Emma", "J. Smith", "Noah de Boer", "Liam"]) if i % 4 else ""
            row["S8"] = f"resident{row['id']}@example.org" if rng.random() < 0.4 else ""
        else:
            row["S5"] = row["S5[other]"] = row["S6"] = row["S7"] = row["S8"] = None
    survey = _Survey(219846, "Resident Survey Sport and Leisure 2024", "en", _SPORT, meta, rows)
    grid = [r[f"S3[{sq}]"] for r in rows for sq, _ in s3.subs]
    assert all(code in grid for code, _ in _AGREE)
    return survey


def _sport_case() -> PlatformCase:
    survey = _sport_survey()
    rows = survey.rows
    s1, s3, s5 = _SPORT[0], _SPORT[2], _SPORT[4]
    tr = _TR["en"]
    cols = survey.columns()
    names = dict(zip([c.key for c in cols], _names(survey.headers("full")), strict=True))
    questions = []

    shown = [r for r in rows if r["S1[SQ001]"] is not None]
    items = [(text, sum(1 for r in shown if r[f"S1[{sq}]"] == "Y")) for sq, text in s1.subs]
    items.append((tr["Other"], sum(1 for r in shown if r["S1[other]"])))
    questions.append(
        ExpectedQuestion(
            [names[f"S1[{sq}]"] for sq, _ in s1.subs] + [names["S1[other]"]],
            "multi",
            len(shown),
            items,
        )
    )

    yes = sum(1 for r in rows if r["S2"] == "Y")
    no = sum(1 for r in rows if r["S2"] == "N")
    questions.append(
        ExpectedQuestion(
            [names["S2"]],
            "single",
            yes + no,
            [(tr["Yes"], yes), (tr["No"], no)],
            missing=[(tr["N/A"], len(rows) - yes - no)],
        )
    )

    for sq, _ in s3.subs:
        values = [r[f"S3[{sq}]"] for r in rows]
        scale = _scale_items(values, _AGREE)
        dont = values.count(_DONT_KNOW[0])
        questions.append(
            ExpectedQuestion(
                [names[f"S3[{sq}]"]],
                "scale",
                sum(c for _, c in scale),
                scale,
                ordered=True,
                missing=[(_DONT_KNOW[1], dont)] if dont else [],
            )
        )

    scores = [int(r["S4"]) for r in rows if r["S4"] not in (None, "")]
    questions.append(
        ExpectedQuestion(
            [names["S4"]],
            "scale",
            len(scores),
            [(str(s), scores.count(s)) for s in range(11)],
            ordered=True,
            mean=mean(scores),
        )
    )

    reasons = [r["S5"] for r in rows if r["S5"] not in (None, "")]
    items = [(text, reasons.count(code)) for code, text in s5.answers]
    items.append((tr["Other"], reasons.count("-oth-")))
    questions.append(
        ExpectedQuestion([names["S5"]], "single", len(reasons), [it for it in items if it[1]])
    )

    not_tabulated = {names[m]: _META_REASON[m] for m in survey.meta}
    not_tabulated.update(
        {
            names["S5[other]"]: "write-in text",
            names["S6"]: "open text",
            names["S7"]: "personal data",
            names["S8"]: "personal data",
        }
    )

    def write(folder: Path) -> Path:
        return _write_xlsx(
            folder / f"results-survey{survey.sid}.xlsx",
            survey.title,
            survey.headers("full"),
            survey.values("long"),
        )

    return PlatformCase(
        name="limesurvey_en_full_text_headings_xlsx",
        write=write,
        respondents=len(rows),
        questions=questions,
        not_tabulated=not_tabulated,
    )


# --------------------------------------------------------------------------------------------
# Case 4: short Dutch evaluation form, question-code headings with ANSWER CODES: multiple
# choice is Y / empty, Yes/No is Y / N, the 1-10 list has codes 1..10.
# --------------------------------------------------------------------------------------------

_EVAL = [
    _Q(
        "E1",
        "M",
        "Hoe heeft u over deze informatiebijeenkomst gehoord?",
        1,
        subs=[
            ("SQ001", "Via de gemeentelijke website of de digitale nieuwsbrief van de gemeente"),
            ("SQ002", "Via een advertentie of een artikel in de lokale krant of huis-aan-huisblad"),
            ("SQ003", "Via sociale media, zoals Facebook, Instagram, LinkedIn of X"),
            ("SQ004", "Via buren, familie, vrienden of kennissen"),
            ("SQ005", "Via een persoonlijke uitnodiging per brief"),
        ],
        other=True,
    ),
    _Q("E2", "Y", "Heeft u eerder een informatiebijeenkomst van de gemeente bezocht?", 1),
    _Q(
        "E3",
        "L",
        "Welk rapportcijfer geeft u deze bijeenkomst?",
        2,
        answers=[(str(i), str(i)) for i in range(1, 11)],
    ),
    _Q("E4", "T", "Wat kan er volgens u beter bij een volgende bijeenkomst?", 2),
]


_E1_OTHER = {3: "Via het wijkplatform", 11: "Stond op het scherm in de bibliotheek"}


def _eval_survey() -> _Survey:
    rng = random.Random(561274)
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    n = 20
    incomplete = {7: 1, 16: 1}
    rows = _meta_rows(
        rng,
        n,
        incomplete,
        2,
        datetime(2024, 11, 21, 21, 5),
        meta,
        {12: "en"},
        "nl",
        days=6,
        hours=1,
    )
    e1 = _EVAL[0]
    tick = {"SQ001": 0.3, "SQ002": 0.25, "SQ003": 0.2, "SQ004": 0.3, "SQ005": 0.0}
    for i, row in enumerate(rows):
        for sq, _ in e1.subs:
            row[f"E1[{sq}]"] = "Y" if rng.random() < tick[sq] else ""
        row["E1[other]"] = _E1_OTHER.get(i, "")
        row["E2"] = "" if i == 9 else _pick(rng, {"Y": 0.45, "N": 0.55})
        if row["lastpage"] >= 2:
            row["E3"] = _pick(rng, {"4": 1, "6": 2, "7": 5, "8": 6, "9": 2})
            row["E4"] = rng.choice(
                ["nee", "Meer tijd voor vragen uit de zaal", "", "Betere geluidsinstallatie", ""]
            )
        else:
            row["E3"] = row["E4"] = None
    return _Survey(561274, "Evaluatie informatiebijeenkomst Omgevingswet", "nl", _EVAL, meta, rows)


def _eval_case() -> PlatformCase:
    survey = _eval_survey()
    rows = survey.rows
    e1 = _EVAL[0]
    questions = []

    ticked = [r for r in rows if any(r[f"E1[{sq}]"] == "Y" for sq, _ in e1.subs) or r["E1[other]"]]
    items = [(sq, sum(1 for r in rows if r[f"E1[{sq}]"] == "Y")) for sq, _ in e1.subs]
    items.append(("other", sum(1 for r in rows if r["E1[other]"])))
    questions.append(
        ExpectedQuestion(
            [f"E1[{sq}]" for sq, _ in e1.subs] + ["E1[other]"], "multi", len(ticked), items
        )
    )

    yes = sum(1 for r in rows if r["E2"] == "Y")
    no = sum(1 for r in rows if r["E2"] == "N")
    questions.append(ExpectedQuestion(["E2"], "single", yes + no, [("Y", yes), ("N", no)]))

    grades = [int(r["E3"]) for r in rows if r["E3"] not in (None, "")]
    questions.append(
        ExpectedQuestion(
            ["E3"],
            "scale",
            len(grades),
            [(str(g), grades.count(g)) for g in range(1, 11)],
            ordered=True,
            mean=mean(grades),
        )
    )

    not_tabulated = {m: _META_REASON[m] for m in survey.meta}
    not_tabulated["E4"] = "open text"

    def write(folder: Path) -> Path:
        return _write_csv(
            folder / f"results-survey{survey.sid}.csv",
            survey.headers("code"),
            survey.values("short"),
            ",",
        )

    return PlatformCase(
        name="limesurvey_nl_code_headings_answer_codes_csv",
        write=write,
        respondents=len(rows),
        questions=questions,
        not_tabulated=not_tabulated,
    )


CASES: list[PlatformCase] = [_wmo_case(), _buurt_case(), _sport_case(), _eval_case()]
