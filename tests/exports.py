"""Builders for survey exports in every style the readers must handle.

Each builder writes a small file whose correct counts and bases are known by
construction, so tests can compare monitorkit's numbers with a hand count.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

# Ten respondents answering "Welke knelpunten ervaart u?" with three options.
# None = the respondent skipped the whole question.
KNELPUNTEN = ["Geen knelpunten", "Financiering", "Wetgeving"]
TICKS = [
    (0, 1, 1),
    (0, 1, 0),
    (0, 0, 1),
    (1, 0, 0),
    (0, 1, 1),
    (0, 1, 0),
    None,
    (0, 0, 1),
    (0, 0, 0),
    (0, 1, 0),
]
# Hand counts. With explicit Ja/Nee values the base is everyone who answered the set
# (9: respondent 9 said Nee to all); in checkbox-style exports unticked and skipped
# look alike, so the base is those with at least one tick (8).
ANSWERED = 9
TICKED = 8
COUNTS = {"Geen knelpunten": 1, "Financiering": 5, "Wetgeving": 4}
GROOTTE = ["G32", "overig", "overig", "G32", "overig", "overig", "G32", "overig", "overig", "G32"]
TEAMS = ["3", "1,5", "2", "", "4", "2", "1", "2,5", "3", "6"]


def write_rows(path: Path, rows: list[list], *, delimiter=",", encoding="utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], sheet: str = "Data", extra_sheets=()) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    for name in extra_sheets:
        workbook.create_sheet(name)
    workbook.save(path)
    return path


def yes_no_rows(header_style: str) -> list[list]:
    """id, three knelpunten items as Ja/Nee (empty when skipped), gemeentegrootte."""
    headers = {
        "dash": "Welke knelpunten ervaart u? - {}",
        "colon": "Welke knelpunten ervaart u?: {}",
        "bracket": "Welke knelpunten ervaart u? [{}]",
        "dot": "knelpunten.{}",
    }[header_style]
    rows = [["id", *[headers.format(o) for o in KNELPUNTEN], "gemeentegrootte"]]
    for number, (ticks, group) in enumerate(zip(TICKS, GROOTTE, strict=True), start=1):
        cells = ["" if ticks is None else ("Ja" if t else "Nee") for t in ticks or (0, 0, 0)]
        rows.append([number, *cells, group])
    return rows


def checkbox_rows() -> list[list]:
    """Checkbox export: 'x' when ticked, empty otherwise (skipped and unticked look alike)."""
    rows = [["Respondent", *[f"Knelpunten [{o}]" for o in KNELPUNTEN]]]
    for number, ticks in enumerate(TICKS, start=1):
        rows.append([number, *["x" if ticks and t else "" for t in ticks or (0, 0, 0)]])
    return rows


def qualtrics_rows() -> list[list]:
    codes = ["StartDate", "ResponseId", "Q2_1", "Q2_2", "Q2_3", "Q3"]
    texts = [
        "Start Date",
        "Response ID",
        *[f"Welke knelpunten ervaart u? - Selected Choice - {o}" for o in KNELPUNTEN],
        "Gemeentegrootte",
    ]
    imports = ['{"ImportId":"startDate"}', '{"ImportId":"_recordId"}']
    imports += [f'{{"ImportId":"QID2_{i}"}}' for i in range(1, 4)] + ['{"ImportId":"QID3"}']
    rows = [codes, texts, imports]
    for number, (ticks, group) in enumerate(zip(TICKS, GROOTTE, strict=True), start=1):
        cells = [
            "" if not ticks else (o if t else "")
            for o, t in zip(KNELPUNTEN, ticks or (0, 0, 0), strict=True)
        ]
        rows.append(["2024-03-01 10:00:00", f"R_{number:04d}", *cells, group])
    return rows


def surveymonkey_rows() -> list[list]:
    top = ["Respondent ID", "Welke knelpunten ervaart u?", "", "", "Gemeentegrootte"]
    second = ["", *KNELPUNTEN, "Response"]
    rows = [top, second]
    for number, (ticks, group) in enumerate(zip(TICKS, GROOTTE, strict=True), start=1):
        cells = [
            o if ticks and t else "" for o, t in zip(KNELPUNTEN, ticks or (0, 0, 0), strict=True)
        ]
        rows.append([1000 + number, *cells, group])
    return rows


def forms_rows() -> list[list]:
    rows = [["ID", "Welke knelpunten ervaart u?"]]
    for number, ticks in enumerate(TICKS, start=1):
        chosen = [o for o, t in zip(KNELPUNTEN, ticks or (0, 0, 0), strict=True) if t]
        rows.append([number, "".join(f"{o};" for o in chosen)])
    return rows


def write_sav(path: Path) -> Path:
    """SPSS file: labels 'Question: Option', 1=Ja 2=Nee 9=Weet niet (user-missing), a size code."""
    import pandas as pd
    import pyreadstat

    data = {}
    for index in range(len(KNELPUNTEN)):
        column = []
        for ticks in TICKS:
            column.append(9.0 if ticks is None else (1.0 if ticks[index] else 2.0))
        data[f"knelp{index + 1}"] = column
    data["grootte"] = [1.0 if g == "G32" else 2.0 for g in GROOTTE]
    frame = pd.DataFrame(data)
    labels = {
        f"knelp{i + 1}": f"Welke knelpunten ervaart u?: {o}" for i, o in enumerate(KNELPUNTEN)
    }
    labels["grootte"] = "Gemeentegrootte"
    yes_no = {1.0: "Ja", 2.0: "Nee", 9.0: "Weet niet"}
    value_labels = {f"knelp{i + 1}": yes_no for i in range(3)}
    value_labels["grootte"] = {1.0: "G32", 2.0: "overig"}
    pyreadstat.write_sav(
        frame,
        str(path),
        column_labels=labels,
        variable_value_labels=value_labels,
        missing_ranges={f"knelp{i + 1}": [9.0] for i in range(3)},
    )
    return path


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName='
        '"/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        '"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def write_raw_xlsx(path: Path, sheet_rows: str, shared: list[str]) -> Path:
    """An xlsx written part by part as the format defines it, with the worksheet's
    ``<sheetData>`` content and the shared strings given verbatim (no <dimension>)."""
    import zipfile

    strings = "".join(f"<si><t>{text}</t></si>" for text in shared)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _XLSX_PARTS.items():
            archive.writestr(name, text)
        archive.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
            f'org/spreadsheetml/2006/main">{strings}</sst>',
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            f'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_rows}</sheetData>'
            "</worksheet>",
        )
    return path
