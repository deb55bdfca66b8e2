"""SPSS .sav files with multiple-response sets, value labels and user-missing values.

The .sav files are not written by a hand-rolled writer: they are made by GNU PSPP from
SPSS syntax and committed as fixtures in ``tests/data/sav/`` together with the syntax
(``*.sps``; for the LimeSurvey case also the ``.dat`` data file the syntax reads). This
module holds the generating truth (seeded generators), renders that syntax from it and
states the expectations from the same truth; a case's ``write`` only copies the fixture.
Regenerate the syntax and the .sav files with ``cd tests && python -m platforms.spss``
(needs ``pspp`` on the PATH); ``tests/data/sav/README.md`` says the same.

Format facts relied on
----------------------
* PSPP syntax (GNU PSPP manual, "MRSETS", "MISSING VALUES", "VALUE LABELS", "DATA LIST",
  "GET DATA /TYPE=TXT"): ``MRSETS /MDGROUP NAME=$x VARIABLES=... VALUE=n
  CATEGORYLABELS=VARLABELS`` writes a multiple-dichotomy set (the counted value
  is stored in the set), ``/MCGROUP NAME=$x VARIABLES=...`` a multiple-category set whose
  categories are the values (labelled by the variables' value labels). PSPP writes them in
  the .sav's MR-set record (subtype 7), which pyreadstat returns as ``meta.mr_sets``
  (names without the ``$``; ``type`` "D" with ``counted_value``, or "C"). ``MISSING
  VALUES v (8, 9)`` and ``(9990 THRU HI)`` come back as ``meta.missing_ranges``; with
  ``read_sav(..., user_missing=True)`` the codes stay in the data. Numeric system-missing
  (``.`` in DATA LIST LIST) and empty strings are the empty cells.
* Multiple-dichotomy sets in the wild are coded 0/1 (counted value 1) or, in CATI/
  research-agency files, 1 = "Niet genoemd" / 2 = "Genoemd" (counted value 2); a
  respondent who was not asked the question is system-missing on every variable, a
  refusal may be a user-missing code (9 "Geen antwoord"). Multiple-category sets hold
  one code per "slot" variable (``partner_1``..``partner_3``: "Noem maximaal drie ...").
* LimeSurvey's "Export responses to SPSS" (LimeSurvey/LimeSurvey,
  application/controllers/admin/export.php ``exportspss`` and
  application/helpers/export_helper.php ``SPSSFieldMap``/``SPSSGetValues``/
  ``SPSSExportData``) writes two files: ``survey_<sid>_SPSS_syntax_file.sps`` (UTF-8 with
  BOM, ``SET UNICODE=ON``, ``SHOW LOCALE``, ``PRESERVE LOCALE``, ``SET LOCALE='en_UK'``,
  ``GET DATA /TYPE=TXT /FILE='survey_<sid>_SPSS_data_file.dat' /DELCASE=LINE
  /DELIMITERS="," /QUALIFIER="'" ... /VARIABLES= V1 F7 ...``, ``VARIABLE LABELS V1
  "..."`` (long labels split as ``"..."+`` continuation lines), ``VALUE LABELS``,
  ``VARIABLE LEVEL``, then ``RENAME VARIABLE ( V1 = id )`` per field, ``RESTORE
  LOCALE``) and the comma-separated data file with every value quoted in ``'`` and empty
  for no answer. Variable labels of array/multiple-choice subquestions are
  ``"[<subquestion text>] <question text>"``; variable names are the question code plus
  ``_<subquestion code>`` (``ondersteuning_SQ001``), the "other" text field is
  ``<code>_other`` (a string); the response-table fields come first as ``id``, ``token``,
  ``submitdate``, ``lastpage``, ``startlanguage``, ``seed``, ``startdate``,
  ``datestamp`` with the field name as label (``Seed`` for seed), and when the survey is
  not anonymous the participant attributes (``firstname`` "First name", ``lastname``
  "Last name", ``email`` "Email address") come before them. Multiple choice: ticked
  ``Y`` -> 1, shown but not ticked -> 0, not shown -> empty; value labels 1 "Yes",
  0 "Not Selected". Yes/No questions: 1 "Yes", 2 "No". List/array answer codes that are
  not numeric (LimeSurvey's default ``A1``, ``A2``...) make the variable a string with
  string value labels. Dates are written ``dd-mm-yyyy hh:mm:ss`` into DATETIME23.2;
  numerical-input answers come from a DECIMAL(30,10) column (``'12.0000000000'``).
  The adaptations needed to run that syntax in PSPP are listed in the README and in the
  syntax file: the four locale/unicode commands PSPP does not know are kept as comments,
  the data file is written without the BOM LimeSurvey puts in front (PSPP would read the
  BOM into the first value and lose the first respondent's id), and a ``SAVE OUTFILE``
  is added (a LimeSurvey user saves the .sav from SPSS after running the syntax).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from platforms import ExpectedQuestion, PlatformCase

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "sav"


# --------------------------------------------------------------------------------------
# Variables, data sets and the syntax PSPP reads
# --------------------------------------------------------------------------------------


@dataclass
class Var:
    """One SPSS variable: name, format, label, value labels and user-missing values."""

    name: str
    fmt: str  # SPSS input format: F4.0, A60, DATE11, DATETIME20
    label: str
    labels: dict = field(default_factory=dict)  # code -> value label
    missing: tuple = ()  # discrete user-missing codes
    missing_from: float | None = None  # lower end of a "x THRU HI" missing range
    level: str | None = None  # NOMINAL, ORDINAL or SCALE

    @property
    def is_string(self) -> bool:
        return self.fmt.startswith("A")

    def is_user_missing(self, value) -> bool:
        if value is None:
            return False
        if value in self.missing:
            return True
        return self.missing_from is not None and value >= self.missing_from

    def is_valid(self, value) -> bool:
        return value is not None and value != "" and not self.is_user_missing(value)


@dataclass
class Dataset:
    stem: str  # file name without extension
    title: str
    variables: list[Var]
    rows: list[dict]  # variable name -> value (None = system-missing / empty)
    mrsets: list[str] = field(default_factory=list)  # MRSETS subcommands

    def var(self, name: str) -> Var:
        return next(v for v in self.variables if v.name == name)

    def values(self, name: str) -> list:
        return [row.get(name) for row in self.rows]


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _number(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return str(int(value))


def _datum(var: Var, value) -> str:
    if value is None:
        return '""' if var.is_string or var.fmt.startswith("DATE") else "."
    if isinstance(value, datetime):
        return _quote(value.strftime("%d-%m-%Y %H:%M:%S"))
    if isinstance(value, date):
        return _quote(value.strftime("%d-%m-%Y"))
    if var.is_string:
        return _quote(str(value))
    return _number(value)


def _code(var: Var, code) -> str:
    return _quote(code) if var.is_string else _number(code)


def render_syntax(ds: Dataset) -> str:
    """PSPP syntax that defines the variables, reads the data inline and saves the .sav."""
    out = [
        f"* {ds.title}.",
        "* Generated from tests/platforms/spss.py; run with: pspp " + ds.stem + ".sps",
        "SET LOCALE='UTF-8'.",
        "DATA LIST LIST",
    ]
    specs = [f"  {v.name} ({v.fmt})" for v in ds.variables]
    specs[0] = " /" + specs[0].strip()
    out += specs
    out[-1] += "."
    out.append("BEGIN DATA")
    for row in ds.rows:
        out.append(" ".join(_datum(v, row.get(v.name)) for v in ds.variables))
    out.append("END DATA.")
    out.append("")
    out.append("VARIABLE LABELS")
    labelled = [v for v in ds.variables if v.label]
    for index, v in enumerate(labelled):
        end = "." if index == len(labelled) - 1 else ""
        sep = "" if index == 0 else " /"
        out.append(f"{sep}{v.name} {_quote(v.label)}{end}".strip())
    # value labels: variables with identical label sets share one block
    groups: list[tuple[list[Var], dict]] = []
    for v in ds.variables:
        if not v.labels:
            continue
        for names, labels in groups:
            if labels == v.labels and names[0].is_string == v.is_string:
                names.append(v)
                break
        else:
            groups.append(([v], v.labels))
    if groups:
        out.append("VALUE LABELS")
        for index, (names, labels) in enumerate(groups):
            lead = "  " if index == 0 else " /"
            out.append(lead + " ".join(n.name for n in names))
            items = list(labels.items())
            for j, (code, text) in enumerate(items):
                end = "." if index == len(groups) - 1 and j == len(items) - 1 else ""
                out.append(f"    {_code(names[0], code)} {_quote(text)}{end}")
    for v in ds.variables:
        if v.missing:
            codes = ", ".join(_code(v, c) for c in v.missing)
            out.append(f"MISSING VALUES {v.name} ({codes}).")
        elif v.missing_from is not None:
            out.append(f"MISSING VALUES {v.name} ({_number(v.missing_from)} THRU HI).")
    levels: dict[str, list[str]] = {}
    for v in ds.variables:
        if v.level:
            levels.setdefault(v.level, []).append(v.name)
    if levels:
        parts = [f"{' '.join(names)} ({level})" for level, names in levels.items()]
        out.append("VARIABLE LEVEL " + "\n  /".join(parts) + ".")
    if ds.mrsets:
        out.append("MRSETS")
        for index, sub in enumerate(ds.mrsets):
            end = "." if index == len(ds.mrsets) - 1 else ""
            out.append(f"  /{sub}{end}")
    out.append(f"SAVE OUTFILE='{ds.stem}.sav'.")
    return "\n".join(out) + "\n"


def _mrset_md(name: str, label: str, names: Sequence[str], value: int) -> str:
    return (
        f"MDGROUP NAME=${name} LABEL={_quote(label)}\n"
        f"    VARIABLES={' '.join(names)} VALUE={value} CATEGORYLABELS=VARLABELS"
    )


def _mrset_mc(name: str, label: str, names: Sequence[str]) -> str:
    return f"MCGROUP NAME=${name} LABEL={_quote(label)}\n    VARIABLES={' '.join(names)}"


# --------------------------------------------------------------------------------------
# Expectations from the truth
# --------------------------------------------------------------------------------------


def _label(var: Var, code) -> str:
    text = var.labels.get(code)
    return text if text is not None else _number(code) if not var.is_string else code


def _missing_rows(ds: Dataset, var: Var) -> list[tuple[str, int]]:
    """(label, count) of the user-missing codes that occur, in code order."""
    present = sorted({v for v in ds.values(var.name) if var.is_user_missing(v)})
    values = ds.values(var.name)
    return [(_label(var, code), values.count(code)) for code in present]


def expect_categorical(
    ds: Dataset,
    name: str,
    kind: str = "single",
    codes: Sequence | None = None,
    non_answers: Sequence = (),
) -> ExpectedQuestion:
    """A single/scale question: items in code order (all labelled codes, or ``codes``).

    ``non_answers``: labelled codes that are explicit non-answers (not user-missing in
    the file, e.g. LimeSurvey's "Weet ik niet" answer option): left out of the base and
    listed under ``missing``.
    """
    var = ds.var(name)
    if codes is None:
        codes = [c for c in var.labels if not var.is_user_missing(c) and c not in non_answers]
    values = ds.values(name)
    valid = [v for v in values if var.is_valid(v) and v not in non_answers]
    assert set(valid) <= set(codes), (name, set(valid) - set(codes))
    items = [(_label(var, c), valid.count(c)) for c in codes]
    missing = [(_label(var, c), values.count(c)) for c in non_answers if values.count(c)]
    missing += _missing_rows(ds, var)
    mean = None
    if kind == "scale":
        mean = sum(valid) / len(valid)
    return ExpectedQuestion(
        columns=[name],
        type=kind,
        base=len(valid),
        items=items,
        ordered=kind == "scale",
        missing=missing,
        mean=mean,
    )


def expect_numeric(ds: Dataset, name: str) -> ExpectedQuestion:
    var = ds.var(name)
    valid = [v for v in ds.values(name) if var.is_valid(v)]
    return ExpectedQuestion(
        columns=[name],
        type="numeric",
        base=len(valid),
        missing=_missing_rows(ds, var),
        mean=sum(valid) / len(valid),
    )


def option_text(label: str) -> str:
    """The option part of a variable label: inside a leading "[...]", after "...: "."""
    if label.startswith("["):
        return label[1 : label.index("] ")]
    if ": " in label:
        return label.rsplit(": ", 1)[1]
    return label


def expect_md(
    ds: Dataset, names: Sequence[str], counted, write_ins: Sequence[str] = ()
) -> ExpectedQuestion:
    """A multiple-dichotomy set: item per variable, counted value = ticked.

    Base: respondents with a valid (not system- or user-missing) value on any variable.
    ``write_ins``: string "other" variables that are items of the set themselves
    (LimeSurvey's ``_other``): counted when not empty.
    """
    vars_ = [ds.var(n) for n in names]
    items = [
        (option_text(v.label), sum(1 for r in ds.rows if r.get(v.name) == counted)) for v in vars_
    ]
    for name in write_ins:
        var = ds.var(name)
        items.append((option_text(var.label), sum(1 for r in ds.rows if r.get(name))))
    base = sum(1 for r in ds.rows if any(v.is_valid(r.get(v.name)) for v in vars_))
    return ExpectedQuestion(columns=[*names, *write_ins], type="multi", base=base, items=items)


def expect_mc(ds: Dataset, names: Sequence[str]) -> ExpectedQuestion:
    """A multiple-category set: item per labelled category, respondents naming it."""
    vars_ = [ds.var(n) for n in names]
    codes = [c for c in vars_[0].labels if not vars_[0].is_user_missing(c)]
    items = [
        (vars_[0].labels[c], sum(1 for r in ds.rows if c in {r.get(n) for n in names}))
        for c in codes
    ]
    base = sum(1 for r in ds.rows if any(v.is_valid(r.get(v.name)) for v in vars_))
    return ExpectedQuestion(columns=list(names), type="multi", base=base, items=items)


# --------------------------------------------------------------------------------------
# Shared answer pools
# --------------------------------------------------------------------------------------

FIRST = ["Fatima", "Jan", "Anouk", "Mehmet", "Sanne", "Pieter", "Ilse", "Kevin", "Noor"]
FIRST += ["Ruud", "Yvonne", "Bram", "Samira", "Henk", "Lotte", "Dewi", "Marco", "Esther"]
LAST = ["el Amrani", "de Vries", "Jansen", "Yilmaz", "Bakker", "van den Berg", "Visser"]
LAST += ["Smit", "Hendriks", "Mulder", "de Jong", "Kramer", "Bouzid", "van Dijk", "Peters"]


def _person(rng: random.Random, domain: str) -> tuple[str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    mail = f"{first[0].lower()}.{last.replace(' ', '').lower()}@{domain}"
    return first, last, mail


def _timestamp(rng: random.Random, start: datetime, days: int) -> datetime:
    moment = start + timedelta(days=rng.randrange(days), minutes=rng.randrange(8 * 60, 22 * 60))
    return moment.replace(second=rng.randrange(60))


# --------------------------------------------------------------------------------------
# 1. MDGROUP, VALUE=1 over 0/1 variables; labels "Question: Option"
# --------------------------------------------------------------------------------------

KNELPUNT_Q = "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?"
KNELPUNTEN = [
    "Financiering van trajecten is onzeker door jaarlijkse subsidiecycli en late beschikkingen",
    "Onvoldoende capaciteit bij het sociaal wijkteam om doorverwijzingen snel op te pakken",
    "Privacyregels (AVG) belemmeren het delen van cliëntgegevens tussen organisaties",
    "Wisselende contactpersonen bij de gemeente",
    "Te veel administratieve verantwoording en rapportageverplichtingen per cliënt",
    "Onduidelijke verdeling van taken en verantwoordelijkheden tussen de netwerkpartners",
    "Geen van deze knelpunten",
]
SECTOREN = {
    1: "Zorg en welzijn (inclusief wijkteams, thuiszorg en maatschappelijke opvang)",
    2: "Onderwijs en kinderopvang",
    3: "Wonen (woningcorporaties, huurdersverenigingen)",
    4: "Werk en inkomen (re-integratie, schuldhulpverlening, sociale werkvoorziening)",
    5: "Veiligheid (politie, reclassering, Veiligheidshuis)",
    6: "Anders",
}
TOELICHTINGEN = [
    "De beschikkingen voor 2024 kwamen pas in maart binnen, wij hebben drie maanden "
    "voorgefinancierd.",
    "Wachtlijst bij het wijkteam van ongeveer acht weken voor nieuwe aanmeldingen.",
    "Door de AVG durven collega's niet meer te bellen over gezamenlijke cliënten.",
    "Elk half jaar een nieuwe accounthouder, steeds opnieuw uitleggen wie we zijn.",
    "Zie eerdere mail aan de beleidsadviseur.",
    "Voor elke cliënt drie verschillende rapportages in drie verschillende systemen.",
    "Niet altijd duidelijk wie regie heeft bij multiproblematiek.",
    "Prima samenwerking, korte lijnen met de wijkcoördinator.",
]


def _knelpunten() -> Dataset:
    rng = random.Random(101)
    n = 26
    names = [f"knelp_{i}" for i in range(1, 8)]
    variables = [
        Var("respnr", "F4.0", "Respondentnummer", level="NOMINAL"),
        Var("contactpersoon", "A40", "Naam contactpersoon"),
        Var("email", "A60", "E-mailadres contactpersoon"),
        Var("sector", "F1.0", "In welke sector is uw organisatie voornamelijk actief?", SECTOREN),
        Var(
            "samenwerking",
            "F1.0",
            "Werkt uw organisatie structureel samen met de gemeente?",
            {1: "Ja", 2: "Nee"},
        ),
        *[
            Var(n_, "F1.0", f"{KNELPUNT_Q}: {text}", {0: "Niet gekozen", 1: "Gekozen"})
            for n_, text in zip(names, KNELPUNTEN, strict=True)
        ],
        Var("toelichting", "A200", "Kunt u de genoemde knelpunten toelichten?"),
    ]
    ids = sorted(rng.sample(range(1001, 1400), n))
    rows = []
    for i in range(n):
        first, last, mail = _person(rng, "welzijnsorganisatie.nl")
        row = {
            "respnr": ids[i],
            "contactpersoon": f"{first} {last}" if rng.random() < 0.85 else None,
            "email": mail if rng.random() < 0.8 else None,
            "sector": rng.choice([1, 1, 1, 2, 3, 4, 4, 6]),
            "samenwerking": 2 if i in (5, 17) or rng.random() < 0.15 else 1,
        }
        ticks = [None] * 7
        if row["samenwerking"] == 1 and i != 3:  # respondent 3 skipped the question
            ticks = [0] * 7
            if i == 12 or (i != 8 and rng.random() < 0.1):
                ticks[6] = 1  # exclusive "Geen van deze knelpunten"
            elif i != 8:  # respondent 8 saw the question and ticked nothing
                for k in rng.sample(range(6), rng.randint(1, 4)):
                    ticks[k] = 1
        row.update(zip(names, ticks, strict=True))
        if row["samenwerking"] == 1 and rng.random() < 0.7:
            row["toelichting"] = rng.choice([*TOELICHTINGEN, "nee", "geen", "Geen", "-"])
        rows.append(row)
    # the short repeated answers occur for sure
    rows[0]["toelichting"], rows[1]["toelichting"] = "nee", "geen"
    return Dataset(
        "01_knelpunten_mdgroup_value1",
        "Partnermonitor sociaal domein: MDGROUP met VALUE=1 over 0/1-variabelen",
        variables,
        rows,
        [_mrset_md("knelpunten", KNELPUNT_Q, names, 1)],
    )


def _case_knelpunten() -> PlatformCase:
    ds = _knelpunten()
    names = [f"knelp_{i}" for i in range(1, 8)]
    return PlatformCase(
        name="spss_mdgroup_value1_binary",
        write=_copier(ds.stem),
        respondents=len(ds.rows),
        questions=[
            expect_categorical(ds, "sector"),
            expect_categorical(ds, "samenwerking"),
            expect_md(ds, names, 1),
        ],
        not_tabulated={
            "respnr": "respondent id",
            "contactpersoon": "personal data",
            "email": "personal data",
            "toelichting": "open text",
        },
    )


# --------------------------------------------------------------------------------------
# 2. MDGROUP, VALUE=2 with 1 = "Niet genoemd", 2 = "Genoemd"; labels = option texts
# --------------------------------------------------------------------------------------

KANALEN = [
    "Website van de gemeente",
    "Telefonisch contact met het klantcontactcentrum van de gemeente (14 0xx)",
    "Loket in het gemeentehuis of in het wijkcentrum",
    "Huisarts, praktijkondersteuner of een andere zorgverlener",
    "Familie, vrienden, buren of kennissen",
    "Sociale media (Facebook, Instagram, WhatsApp-groepen in de buurt)",
    "Anders, namelijk",
]
KANAAL_ANDERS = ["Bibliotheek", "Via de ouderenadviseur", "Huis-aan-huisblad", "Kerk"]
WIJKEN = {1: "Centrum", 2: "Noord", 3: "Oost", 4: "Zuid", 5: "West", 6: "Buitengebied"}


def _kanalen() -> Dataset:
    rng = random.Random(202)
    n = 30
    names = [f"kan_{i}" for i in range(1, 8)]
    variables = [
        Var("volgnummer", "F5.0", "Volgnummer"),
        Var("interviewdatum", "DATE11", "Datum interview"),
        Var("postcode", "A6", "Postcode"),
        Var("wijk", "F2.0", "Wijk (op basis van postcode)", WIJKEN),
        Var("leeftijd", "F3.0", "Leeftijd respondent", level="SCALE"),
        Var(
            "gezocht",
            "F1.0",
            "Heeft u het afgelopen jaar informatie gezocht over zorg of ondersteuning?",
            {1: "Ja", 2: "Nee", 9: "Weet niet meer"},
            missing=(9,),
        ),
        *[
            Var(n_, "F1.0", text, {1: "Niet genoemd", 2: "Genoemd", 9: "Geen antwoord"}, (9,))
            for n_, text in zip(names, KANALEN, strict=True)
        ],
        Var("kan_7_tekst", "A120", "Anders, namelijk: via welk ander kanaal?"),
    ]
    rows = []
    for i in range(n):
        gezocht = 9 if i in (6, 21) else 2 if i in (2, 14) or rng.random() < 0.25 else 1
        row = {
            "volgnummer": 20001 + i,
            "interviewdatum": date(2024, 10, 1) + timedelta(days=rng.randrange(21)),
            "postcode": f"{rng.randint(7411, 7425)}{rng.choice('ABCDEGHJKLMNPRST')}"
            f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
            "wijk": rng.choice([1, 1, 2, 2, 3, 4, 4, 5, 6]),
            "leeftijd": rng.randint(19, 88) if i != 11 else None,
            "gezocht": gezocht,
        }
        codes = [None] * 7
        if gezocht == 1:
            if i in (4, 19):  # refused the follow-up question: "Geen antwoord" everywhere
                codes = [9] * 7
            else:
                codes = [1] * 7
                for k in rng.sample(range(6), rng.randint(1, 3)):
                    codes[k] = 2
                if i in (9, 24):
                    codes[6] = 2
                    row["kan_7_tekst"] = rng.choice(KANAAL_ANDERS)
        row.update(zip(names, codes, strict=True))
        rows.append(row)
    return Dataset(
        "02_informatiekanalen_mdgroup_value2",
        "Inwonerspanel (telefonisch): MDGROUP met VALUE=2, 1 = Niet genoemd, 2 = Genoemd",
        variables,
        rows,
        [
            _mrset_md(
                "kanalen",
                "Via welke kanalen heeft u informatie gezocht over zorg of ondersteuning?",
                names,
                2,
            )
        ],
    )


def _case_kanalen() -> PlatformCase:
    ds = _kanalen()
    names = [f"kan_{i}" for i in range(1, 8)]
    return PlatformCase(
        name="spss_mdgroup_value2_genoemd",
        write=_copier(ds.stem),
        respondents=len(ds.rows),
        questions=[
            expect_categorical(ds, "wijk"),
            expect_numeric(ds, "leeftijd"),
            expect_categorical(ds, "gezocht"),
            expect_md(ds, names, 2),
        ],
        not_tabulated={
            "volgnummer": "respondent id",
            "interviewdatum": "timestamp",
            "postcode": "personal data",
            "kan_7_tekst": "write-in text",
        },
    )


# --------------------------------------------------------------------------------------
# 3. MCGROUP over three slot variables ("Noem maximaal drie ...")
# --------------------------------------------------------------------------------------

PARTNERS = {
    1: "Huisartsenpraktijk of praktijkondersteuner huisarts (POH-GGZ)",
    2: "GGD",
    3: "Woningcorporatie",
    4: "Maatschappelijk werk",
    5: "Schuldhulpverlening of budgetbeheer",
    6: "Jeugdgezondheidszorg (consultatiebureau, jeugdarts)",
    7: "Politie / wijkagent",
    8: "UWV of Werkplein",
    9: "Onderwijs (school, leerplichtambtenaar, zorgcoördinator)",
    10: "Anders",
}
FUNCTIES = {
    1: "Wijkteammedewerker of consulent Wmo",
    2: "Jeugdconsulent",
    3: "Leidinggevende of teamleider",
    4: "Beleidsmedewerker",
    5: "Anders",
}
PARTNER_ANDERS = ["Vluchtelingenwerk", "Voedselbank", "Kerkelijke diaconie"]
OPMERKINGEN_3 = [
    "Met de huisartsen loopt het sinds de nieuwe POH veel beter.",
    "Woningcorporatie reageert traag op signalen van overlast.",
    "nee",
    "geen",
    "Graag vaker een casusoverleg met alle partners samen.",
    "Jammer dat UWV niet aan tafel zit.",
    "Het wijkteam is soms moeilijk bereikbaar na 16.00 uur.",
    "Nee",
    "We missen een vast aanspreekpunt bij de GGD.",
]


def _partners() -> Dataset:
    rng = random.Random(303)
    n = 24
    slots = ["partner_1", "partner_2", "partner_3"]
    slot_label = "Noem maximaal drie samenwerkingspartners: partner {}"
    variables = [
        Var("respondent_id", "A8", "Respondent-ID"),
        Var("startdatum", "DATETIME20", "Startdatum"),
        Var("functie", "F1.0", "Wat is uw functie?", FUNCTIES),
        *[Var(s, "F2.0", slot_label.format(k), PARTNERS) for k, s in enumerate(slots, 1)],
        Var("partner_anders", "A80", "Anders, namelijk:"),
        Var("opmerkingen", "A250", "Heeft u nog opmerkingen over de samenwerking?"),
    ]
    named_codes = [1, 1, 2, 3, 3, 4, 4, 5, 6, 7, 9, 9, 10]  # 8 (UWV) is never named
    rows = []
    for i in range(n):
        row = {
            "respondent_id": f"R{i + 1:04d}",
            "startdatum": _timestamp(rng, datetime(2024, 5, 13), 14),
            "functie": rng.choice([1, 1, 1, 2, 2, 3, 4, 5]),
        }
        k = 0 if i in (7, 18) else rng.choice([1, 2, 2, 3, 3, 3])
        chosen = rng.sample(sorted(set(named_codes)), k)
        values: list = [*chosen, None, None, None][:3]
        if i == 10:  # the same partner written in two slots (counts once)
            values = [3, 3, 1]
        if i == 15:  # only the second slot filled in
            values = [None, 6, None]
        row.update(zip(slots, values, strict=True))
        if 10 in values:
            row["partner_anders"] = rng.choice(PARTNER_ANDERS)
        if rng.random() < 0.6:
            row["opmerkingen"] = rng.choice(OPMERKINGEN_3)
        rows.append(row)
    return Dataset(
        "03_samenwerkingspartners_mcgroup",
        "Netwerkmonitor: MCGROUP over drie slotvariabelen",
        variables,
        rows,
        [
            _mrset_mc(
                "partners",
                "Noem maximaal drie organisaties waarmee u het afgelopen jaar het meest "
                "heeft samengewerkt",
                slots,
            )
        ],
    )


def _case_partners() -> PlatformCase:
    ds = _partners()
    return PlatformCase(
        name="spss_mcgroup_three_slots",
        write=_copier(ds.stem),
        respondents=len(ds.rows),
        questions=[
            expect_categorical(ds, "functie"),
            expect_mc(ds, ["partner_1", "partner_2", "partner_3"]),
        ],
        not_tabulated={
            "respondent_id": "respondent id",
            "startdatum": "timestamp",
            "partner_anders": "write-in text",
            "opmerkingen": "open text",
        },
    )


# --------------------------------------------------------------------------------------
# 4. Single and scale questions with user-missing codes, rapportcijfer, numeric range
# --------------------------------------------------------------------------------------

EENS = {
    1: "Helemaal mee oneens",
    2: "Mee oneens",
    3: "Niet eens, niet oneens",
    4: "Mee eens",
    5: "Helemaal mee eens",
    8: "Weet niet",
    9: "Geen antwoord",
}
STELLINGEN = [
    "Ik weet waar ik terecht kan met vragen over zorg en ondersteuning",
    "De gemeente informeert inwoners voldoende over veranderingen in de Wmo",
    "Ik kan voor hulp een beroep doen op mensen in mijn omgeving",
    "In mijn buurt gaan mensen prettig met elkaar om",
]
TEVREDEN = {
    1: "Zeer ontevreden",
    2: "Ontevreden",
    3: "Niet tevreden, niet ontevreden",
    4: "Tevreden",
    5: "Zeer tevreden",
    8: "Weet niet",
    9: "Geen antwoord",
}
EENZAAM = {1: "Nooit", 2: "Zelden", 3: "Soms", 4: "Vaak", 5: "Altijd", 8: "Weet niet"}
EENZAAM |= {9: "Geen antwoord"}
WOONSITUATIE = {
    1: "Alleenstaand, zonder thuiswonende kinderen",
    2: "Samenwonend of getrouwd, zonder thuiswonende kinderen",
    3: "Samenwonend of getrouwd, met een of meer thuiswonende kinderen jonger dan 18 jaar",
    4: "Eenoudergezin met een of meer thuiswonende kinderen",
    5: "Inwonend bij ouders, familie of in een instelling (bijvoorbeeld een zorgcentrum)",
    6: "Anders",
}
OPMERKINGEN_4 = [
    "nee",
    "Nee",
    "geen",
    "Meer bankjes in het park graag, voor ouderen is de wandeling naar de winkels te lang.",
    "De aanvraag voor de scootmobiel duurde vier maanden.",
    "Fijn dat er nu een inloopspreekuur in de bibliotheek is.",
    "Het Wmo-loket is telefonisch slecht bereikbaar.",
    "Er wordt in onze straat te hard gereden.",
    "Ik wist niet dat ik als mantelzorger recht had op respijtzorg.",
    "Dank voor deze enquête.",
]


def _inwonersenquete() -> Dataset:
    rng = random.Random(404)
    n = 36
    st_names = [f"st_{i}" for i in range(1, 5)]
    variables = [
        Var("respnr", "F5.0", "Respondentnummer"),
        Var("ingevuld_op", "DATETIME20", "Datum en tijd ingevuld"),
        Var("email", "A60", "E-mailadres (alleen als u kans wilt maken op een cadeaubon)"),
        Var(
            "geslacht",
            "F1.0",
            "Wat is uw geslacht?",
            {1: "Man", 2: "Vrouw", 3: "Anders", 9: "Geen antwoord"},
            missing=(9,),
            level="NOMINAL",
        ),
        Var("woonsituatie", "F1.0", "Wat is uw woonsituatie?", WOONSITUATIE, level="NOMINAL"),
        *[
            Var(n_, "F1.0", text, EENS, missing=(8, 9), level="ORDINAL")
            for n_, text in zip(st_names, STELLINGEN, strict=True)
        ],
        Var(
            "contact_loket",
            "F1.0",
            "Heeft u het afgelopen jaar contact gehad met het Wmo-loket?",
            {1: "Ja", 2: "Nee"},
            level="NOMINAL",
        ),
        Var(
            "tevreden_loket",
            "F1.0",
            "Hoe tevreden bent u over de dienstverlening van het Wmo-loket?",
            TEVREDEN,
            missing=(8, 9),
            level="ORDINAL",
        ),
        Var(
            "eenzaam",
            "F1.0",
            "Hoe vaak voelt u zich eenzaam?",
            EENZAAM,
            missing=(8, 9),
            level="ORDINAL",
        ),
        Var(
            "rapportcijfer",
            "F2.0",
            "Welk rapportcijfer geeft u uw buurt als woonomgeving? (1 = zeer slecht, "
            "10 = uitstekend)",
            {1: "Zeer slecht", 10: "Uitstekend", 99: "Weet niet"},
            missing=(99,),
            level="ORDINAL",
        ),
        Var(
            "mantelzorger",
            "F1.0",
            "Geeft u op dit moment mantelzorg aan iemand in uw omgeving?",
            {1: "Ja", 2: "Nee", 9: "Geen antwoord"},
            missing=(9,),
            level="NOMINAL",
        ),
        Var(
            "uren_mantelzorg",
            "F4.0",
            "Hoeveel uur per week besteedt u gemiddeld aan mantelzorg?",
            {9998: "Weet niet", 9999: "Geen antwoord"},
            missing_from=9990,
            level="SCALE",
        ),
        Var("opmerkingen", "A250", "Heeft u nog opmerkingen of suggesties voor de gemeente?"),
    ]
    rows = []
    for i in range(n):
        _first, _last, mail = _person(rng, rng.choice(["gmail.com", "hotmail.com", "ziggo.nl"]))
        row = {
            "respnr": 30100 + rng.randrange(10) + 10 * i,
            "ingevuld_op": _timestamp(rng, datetime(2024, 3, 4), 24),
            "email": mail if rng.random() < 0.4 else None,
            "geslacht": rng.choice([1, 1, 2, 2, 2, 3]),
            "woonsituatie": rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 6]),  # 5 never chosen
        }
        for k, name in enumerate(st_names):
            pool = [2, 3, 3, 4, 4, 4, 5] if k == 1 else [1, 2, 3, 3, 4, 4, 4, 5, 5]
            row[name] = rng.choice(pool) if rng.random() > 0.06 else None
        row["contact_loket"] = 1 if rng.random() < 0.55 else 2
        if row["contact_loket"] == 1:
            row["tevreden_loket"] = rng.choice([1, 2, 3, 4, 4, 4, 5, 5])
        row["eenzaam"] = rng.choice([1, 1, 2, 2, 3, 3, 4, 5])
        row["rapportcijfer"] = rng.choice([4, 5, 6, 6, 7, 7, 7, 8, 8, 8, 9, 10])
        row["mantelzorger"] = 1 if rng.random() < 0.35 else 2
        if row["mantelzorger"] == 1:
            row["uren_mantelzorg"] = rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 40])
        if rng.random() < 0.5:
            row["opmerkingen"] = rng.choice(OPMERKINGEN_4)
        rows.append(row)
    # every declared user-missing code occurs at least once
    rows[3]["geslacht"] = 9
    for k, name in enumerate(st_names):
        rows[2 + 7 * k][name], rows[5 + 7 * k][name] = 8, 9
    contact = [r for r in rows if r["contact_loket"] == 1]
    contact[1]["tevreden_loket"], contact[4]["tevreden_loket"] = 8, 9
    rows[9]["eenzaam"], rows[30]["eenzaam"] = 8, 9
    rows[13]["rapportcijfer"] = 99
    rows[20]["mantelzorger"] = 9
    rows[20].pop("uren_mantelzorg", None)
    carers = [r for r in rows if r["mantelzorger"] == 1]
    carers[0]["uren_mantelzorg"], carers[2]["uren_mantelzorg"] = 9998, 9999
    return Dataset(
        "04_inwonersenquete_labels_missing",
        "Inwonersenquete Wmo: value labels, user-missing codes, rapportcijfer, open tekst",
        variables,
        rows,
    )


def _case_inwonersenquete() -> PlatformCase:
    ds = _inwonersenquete()
    likert = [1, 2, 3, 4, 5]
    return PlatformCase(
        name="spss_labels_user_missing",
        write=_copier(ds.stem),
        respondents=len(ds.rows),
        questions=[
            expect_categorical(ds, "geslacht"),
            expect_categorical(ds, "woonsituatie"),
            *[expect_categorical(ds, f"st_{i}", "scale", likert) for i in range(1, 5)],
            expect_categorical(ds, "contact_loket"),
            expect_categorical(ds, "tevreden_loket", "scale", likert),
            expect_categorical(ds, "eenzaam", "scale", likert),
            expect_categorical(ds, "rapportcijfer", "scale", list(range(1, 11))),
            expect_categorical(ds, "mantelzorger"),
            expect_numeric(ds, "uren_mantelzorg"),
        ],
        not_tabulated={
            "respnr": "respondent id",
            "ingevuld_op": "timestamp",
            "email": "personal data",
            "opmerkingen": "open text",
        },
    )


# --------------------------------------------------------------------------------------
# 5. LimeSurvey's SPSS export (syntax + data file), run through PSPP
# --------------------------------------------------------------------------------------

LS_SID = 547132
LS_WIJKEN = {
    "A1": "Centrum",
    "A2": "Noordwijk",
    "A3": "De Hoven",
    "A4": "Oosterpark",
    "A5": "Zuiderveld",
    "A6": "Buitengebied (kernen en buurtschappen buiten de bebouwde kom)",
}
LS_ONDERSTEUNING_Q = (
    "Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?"
)
LS_ONDERSTEUNING = {
    "SQ001": "Huishoudelijke hulp via de Wmo",
    "SQ002": "Begeleiding door een zorgaanbieder, bijvoorbeeld bij de administratie of "
    "dagbesteding",
    "SQ003": "Hulpmiddelen of woningaanpassingen (zoals een traplift, scootmobiel of rolstoel)",
    "SQ004": "Vervoersvoorziening (regiotaxi of Wmo-vervoer)",
    "SQ005": "Ondersteuning voor mantelzorgers (respijtzorg, mantelzorgconsulent)",
    "SQ006": "Geen van deze vormen van ondersteuning",
}
LS_OTHER = "Anders"  # createFieldMap's subquestion text of the "other" field
LS_ANDERS = ["Maaltijdservice", "Boodschappenhulp van de kerk", "Personenalarmering"]
LS_TEVREDEN_Q = "Hoe tevreden bent u over de volgende onderdelen van de ondersteuning?"
LS_TEVREDEN_SQ = {
    "SQ001": "De bereikbaarheid van het Wmo-loket",
    "SQ002": "De tijd tussen uw aanvraag en het besluit van de gemeente",
    "SQ003": "De deskundigheid van de medewerker die het keukentafelgesprek voerde",
    "SQ004": "De mate waarin de ondersteuning past bij uw situatie",
}
LS_TEVREDEN = {
    1: "Zeer ontevreden",
    2: "Ontevreden",
    3: "Neutraal",
    4: "Tevreden",
    5: "Zeer tevreden",
    6: "Weet ik niet",
}
LS_OPMERKINGEN = [
    "nee",
    "geen",
    "Nee, dank u.",
    "De regiotaxi is vaak te laat, soms een uur.",
    "Ik ben erg geholpen door de consulent, die nam de tijd voor ons gesprek.",
    "Het duurde 's zomers erg lang voordat ik een besluit kreeg.",
    "Meer informatie over wat er allemaal mogelijk is, ik wist van niets.",
    "De eigen bijdrage is voor ons te hoog.",
]


@dataclass
class LsField:
    """One field of LimeSurvey's SPSSFieldMap."""

    name: str  # the name RENAME VARIABLE gives
    spss: str  # SPSStype+size as written in GET DATA /VARIABLES
    label: str
    answers: list[tuple] = field(default_factory=list)  # (code, label) in sort order
    level: str | None = None  # VARIABLE LEVEL (SCALE for numerical input)


def _limesurvey() -> tuple[list[LsField], list[dict], Dataset]:
    rng = random.Random(505)
    n = 22
    yes_no = [(1, "Yes"), (0, "Not Selected")]
    m_names = [f"ondersteuning_{code}" for code in LS_ONDERSTEUNING]
    t_names = [f"tevredenheid_{code}" for code in LS_TEVREDEN_SQ]
    fields = [
        LsField("firstname", "A100", "First name"),
        LsField("lastname", "A100", "Last name"),
        LsField("email", "A100", "Email address"),
        LsField("id", "F7", "id"),
        LsField("token", "A15", "token"),
        LsField("submitdate", "DATETIME23.2", "submitdate"),
        LsField("lastpage", "F7", "lastpage"),
        LsField("startlanguage", "A20", "startlanguage"),
        LsField("seed", "A31", "Seed"),
        LsField("startdate", "DATETIME23.2", "startdate"),
        LsField("datestamp", "DATETIME23.2", "datestamp"),
        LsField("wijk", "A2", "In welke wijk woont u?", list(LS_WIJKEN.items())),
        LsField(
            "mantelzorg",
            "F1",
            "Geeft u mantelzorg aan een naaste?",
            [(1, "Yes"), (2, "No")],
        ),
        *[
            LsField(name, "F1", f"[{text}] {LS_ONDERSTEUNING_Q}", yes_no)
            for name, text in zip(m_names, LS_ONDERSTEUNING.values(), strict=True)
        ],
        LsField("ondersteuning_other", "A40", f"[{LS_OTHER}] {LS_ONDERSTEUNING_Q}"),
        *[
            LsField(name, "F1", f"[{text}] {LS_TEVREDEN_Q}", list(LS_TEVREDEN.items()))
            for name, text in zip(t_names, LS_TEVREDEN_SQ.values(), strict=True)
        ],
        LsField("woonjaren", "F13.10", "Hoeveel jaar woont u al in deze gemeente?", level="SCALE"),
        LsField(
            "opmerkingen",
            "A80",
            "Heeft u nog tips of opmerkingen over de ondersteuning in onze gemeente?",
        ),
    ]
    rows = []
    for i in range(n):
        first, last, mail = _person(rng, rng.choice(["kpnmail.nl", "gmail.com", "outlook.com"]))
        start = _timestamp(rng, datetime(2024, 9, 2), 20)
        lastpage = 1 if i in (6, 15) else 3  # two responses broke off after page 1
        row: dict = {
            "firstname": first,
            "lastname": last,
            "email": mail,
            "id": i + 1,
            "token": "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(15)),
            "lastpage": lastpage,
            "startlanguage": "en" if i in (4, 17) else "nl",
            "seed": str(rng.randrange(10**8, 10**9)),
            "startdate": start,
            "submitdate": start + timedelta(minutes=rng.randint(4, 25)) if lastpage == 3 else None,
            "wijk": rng.choice(["A1", "A1", "A2", "A2", "A3", "A4", "A4", "A5"]),  # A6 never
            "mantelzorg": rng.choice([1, 2, 2, 2]) if i != 9 else None,
        }
        row["datestamp"] = row["submitdate"] or start + timedelta(minutes=2)
        if lastpage == 3:
            ticks = [0] * 6
            if i in (3, 12):
                ticks[5] = 1  # exclusive "Geen van deze"
            elif i != 19:  # respondent 19 ticked nothing (only wrote an "other" answer)
                for k in rng.sample(range(5), rng.choice([1, 1, 2, 2, 3])):
                    ticks[k] = 1
            row.update(zip(m_names, ticks, strict=True))
            if i in (8, 19):
                row["ondersteuning_other"] = rng.choice(LS_ANDERS)
            if any(ticks[:5]) or row.get("ondersteuning_other"):  # relevance of the array
                for k, name in enumerate(t_names):
                    if rng.random() < 0.08:
                        continue  # not answered (array is not mandatory)
                    pool = [2, 3, 4, 4, 4, 5, 5] if k == 2 else [1, 2, 3, 4, 4, 5, 6]
                    row[name] = rng.choice(pool)
            row["woonjaren"] = rng.choice([1, 2, 4, 7, 12, 18, 23, 31, 40, 47, 56, 63])
            if rng.random() < 0.55:
                row["opmerkingen"] = rng.choice(LS_OPMERKINGEN)
        rows.append(row)
    # "Weet ik niet" (an ordinary answer option in LimeSurvey) occurs in every statement
    shown = [r for r in rows if "tevredenheid_SQ001" in r or "tevredenheid_SQ002" in r]
    for k, name in enumerate(t_names):
        shown[1 + 2 * k][name] = 6
    variables = [
        Var(
            f.name,
            f.spss if "." in f.spss or f.spss.startswith(("A", "D")) else f.spss + ".0",
            f.label,
            dict(f.answers),
        )
        for f in fields
    ]
    ds = Dataset(f"05_limesurvey_{LS_SID}", "LimeSurvey SPSS export", variables, rows)
    return fields, rows, ds


def _ls_value(f: LsField, value) -> str:
    """One value of LimeSurvey's SPSS data file (SPSSExportData): quoted in ', or empty."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return "'" + value.strftime("%d-%m-%Y %H:%M:%S") + "'"
    if f.spss == "F13.10":
        return f"'{value:.10f}'"
    text = str(value).replace("'", "''").replace("\n", " ").replace("\r", " ")
    return f"'{text}'"


def render_limesurvey(fields: list[LsField], rows: list[dict], stem: str) -> tuple[str, str]:
    """The syntax file (as LimeSurvey writes it, PSPP adaptations marked) and data file."""
    data_file = f"survey_{LS_SID}_SPSS_data_file.dat"
    out = [
        "*$Rev: 121017 $ all 2.",
        "* PSPP does not know the next four commands; LimeSurvey writes them, here they are",
        "* kept as comments: SET UNICODE=ON. SHOW LOCALE. PRESERVE LOCALE. SET LOCALE='en_UK'.",
        "GET DATA",
        " /TYPE=TXT",
        f" /FILE='{data_file}'",
        " /DELCASE=LINE",
        ' /DELIMITERS=","',
        ' /QUALIFIER="\'"',
        " /ARRANGEMENT=DELIMITED",
        " /FIRSTCASE=1",
        " /IMPORTCASE=ALL",
        " /VARIABLES=",
    ]
    out += [f" V{i} {f.spss}" for i, f in enumerate(fields, 1)]
    out[-1] += "."
    out += ["CACHE.", "EXECUTE.", "*Define Variable Properties."]
    for i, f in enumerate(fields, 1):
        label = f.label.replace('"', '""')
        width = 231 - len(f"V{i}")
        parts = [label[j : j + width] for j in range(0, len(label), width)] or [""]
        out.append(f'VARIABLE LABELS V{i} "' + '"+\n"'.join(parts) + '".')
    out.append("*Define Value labels.")
    for i, f in enumerate(fields, 1):
        if not f.answers:
            continue
        out.append(f"VALUE LABELS  V{i}")
        for j, (code, text) in enumerate(f.answers):
            code_text = f'"{code}"' if isinstance(code, str) else str(code)
            end = "." if j == len(f.answers) - 1 else ""
            out.append(f' {code_text} "{text}"{end}')
    for i, f in enumerate(fields, 1):
        if f.level:
            out.append(f"VARIABLE LEVEL V{i}({f.level}).")
    for i, f in enumerate(fields, 1):
        out.append(f"RENAME VARIABLE ( V{i} = {f.name} ).")
    out.append("* RESTORE LOCALE (kept as a comment, PSPP does not know it).")
    out.append("* Added for the fixture: what the user does after running the syntax.")
    out.append(f"SAVE OUTFILE='{stem}.sav'.")
    syntax = "\ufeff" + "\n".join(out) + "\n"
    data = "".join(",".join(_ls_value(f, row.get(f.name)) for f in fields) + "\n" for row in rows)
    return syntax, data


def _case_limesurvey() -> PlatformCase:
    _, _, ds = _limesurvey()
    m_names = [f"ondersteuning_{code}" for code in LS_ONDERSTEUNING]
    return PlatformCase(
        name="spss_limesurvey_export",
        write=_copier(ds.stem),
        respondents=len(ds.rows),
        questions=[
            expect_categorical(ds, "wijk"),
            expect_categorical(ds, "mantelzorg"),
            expect_md(ds, m_names, 1, write_ins=["ondersteuning_other"]),
            *[
                expect_categorical(ds, f"tevredenheid_{code}", "scale", [1, 2, 3, 4, 5], [6])
                for code in LS_TEVREDEN_SQ
            ],
            expect_numeric(ds, "woonjaren"),
        ],
        not_tabulated={
            "firstname": "personal data",
            "lastname": "personal data",
            "email": "personal data",
            "id": "respondent id",
            "token": "respondent id",
            "submitdate": "timestamp",
            "lastpage": "platform metadata",
            "startlanguage": "platform metadata",
            "seed": "platform metadata",
            "startdate": "timestamp",
            "datestamp": "timestamp",
            "opmerkingen": "open text",
        },
    )


# --------------------------------------------------------------------------------------
# Fixtures: copy, regenerate
# --------------------------------------------------------------------------------------


def _copier(stem: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        target = Path(folder) / f"{stem}.sav"
        shutil.copyfile(FIXTURES / f"{stem}.sav", target)
        return target

    return write


DATASETS: list[Callable[[], Dataset]] = [_knelpunten, _kanalen, _partners, _inwonersenquete]


def regenerate(folder: Path = FIXTURES) -> None:
    """Write the .sps (and LimeSurvey .dat) files from the truth and run pspp on them."""
    folder.mkdir(parents=True, exist_ok=True)
    scripts = []
    for make in DATASETS:
        ds = make()
        (folder / f"{ds.stem}.sps").write_text(render_syntax(ds), encoding="utf-8")
        scripts.append(f"{ds.stem}.sps")
    fields, rows, ds = _limesurvey()
    syntax, data = render_limesurvey(fields, rows, ds.stem)
    (folder / f"{ds.stem}.sps").write_text(syntax, encoding="utf-8")
    (folder / f"survey_{LS_SID}_SPSS_data_file.dat").write_text(data, encoding="utf-8")
    scripts.append(f"{ds.stem}.sps")
    for script in scripts:
        done = subprocess.run(["pspp", script], cwd=folder, capture_output=True, text=True)
        if done.returncode or "error" in done.stdout + done.stderr:
            raise RuntimeError(f"pspp {script} failed:\n{done.stdout}{done.stderr}")


CASES: list[PlatformCase] = [
    _case_knelpunten(),
    _case_kanalen(),
    _case_partners(),
    _case_inwonersenquete(),
    _case_limesurvey(),
]


if __name__ == "__main__":
    regenerate(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES)
