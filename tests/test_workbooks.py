"""Workbooks for print and for Excel: page setup, named tables, wrapped notes, contents."""

from __future__ import annotations

import io

import pytest

from monitorkit.render.workbook import P_FORMAT

BY_SIZE = [
    "Item",
    "n",
    "Base",
    "%",
    "CI low",
    "CI high",
    *(f"G32 (A) {title}" for title in ("n", "base", "%", "CI low", "CI high", "sig.")),
    *(f"overig (B) {title}" for title in ("n", "base", "%", "CI low", "CI high", "sig.")),
    "p",
]
TITLE = "Peiling sociale (wijk)teams 2015 (Movisie, 234 gemeenten)"


def open_workbook(data: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def by_size():
    from monitorkit import summarize_survey

    return summarize_survey("wijkteams-2015", by="gemeentegrootte")


@pytest.fixture(scope="module")
def workbook(by_size):
    from monitorkit.render.outputs import summary_xlsx

    return open_workbook(summary_xlsx(by_size))


def links(sheet) -> dict[str, str]:
    """The overview's links: the text of each linked cell and where it leads."""
    return {
        cell.value: cell.hyperlink.location
        for row in sheet.iter_rows()
        for cell in row
        if cell.hyperlink is not None
    }


def test_every_sheet_prints_one_page_wide_with_title_and_page_numbers(workbook):
    assert workbook.sheetnames[0] == "Overview"
    assert workbook.sheetnames[-2:] == ["Not tabulated", "Notes"]
    for sheet in workbook:
        setup = sheet.page_setup
        assert (setup.fitToWidth, setup.fitToHeight, setup.paperSize) == (1, 0, 9), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.oddFooter.left.text == TITLE
        assert sheet.oddFooter.right.text == "Page &P of &N"
        assert sheet.page_margins.left == 0.5
    overview, table = workbook["Overview"], workbook["werkt_met_wijkteams"]
    assert overview.page_setup.orientation == "portrait"
    assert overview.oddHeader.center.text == TITLE
    assert table.page_setup.orientation == "landscape"  # fourteen columns
    assert table.oddHeader.center.text == (
        "Werkt de gemeente met sociale (wijk)teams? [battery, base per item]"
    )
    assert workbook["gemeentegrootte"].page_setup.orientation == "portrait"  # six columns


def test_each_table_is_a_named_excel_table_with_its_header_on_every_page(workbook):
    sheet = workbook["werkt_met_wijkteams"]
    (table,) = sheet.tables.values()
    assert table.ref == "A7:S8" and table.autoFilter.ref == "A7:S8"
    assert [column.name for column in table.tableColumns] == BY_SIZE
    assert [cell.value for cell in sheet[7]] == BY_SIZE
    assert sheet.print_title_rows == "$7:$7"
    # above the table (whose header must be one row), the groups' spanners, merged
    assert [cell.value for cell in sheet[6]][:13:6] == [None, "G32 (A)", "overig (B)"]
    assert sheet["B6"].value == "All"
    assert {"B6:F6", "G6:L6", "M6:R6"} <= {str(cells) for cells in sheet.merged_cells.ranges}
    names = [name for sheet in workbook for name in sheet.tables]
    assert len(names) == len(set(names)) == len(workbook.sheetnames)
    assert workbook["Overview"].tables["T_Overview"].ref == "A5:E16"
    assert workbook["Not tabulated"].tables["T_Not_tabulated"].ref.startswith("A1:C")


def test_numbers_stay_numbers_with_their_formats(workbook):
    row = workbook["werkt_met_wijkteams"][8]
    assert [cell.value for cell in row[:3]] == [
        "Gemeenten die met sociale wijkteams werken",
        204,
        234,
    ]
    assert row[3].value == pytest.approx(100 * 204 / 234)
    assert [cell.number_format for cell in row[1:6]] == ["General", "General"] + ["0.0"] * 3
    assert [cell.number_format for cell in row[8:11]] == ["0.0"] * 3  # G32 %, CI low, high
    assert row[11].value is None and row[17].value is None  # no significance letters
    assert isinstance(row[18].value, float) and row[18].number_format == P_FORMAT


def test_labels_wrap_and_notes_stay_within_the_table_width(workbook):
    sheet = workbook["werkt_met_wijkteams"]
    assert sheet["A8"].alignment.wrap_text and not sheet["B8"].alignment.wrap_text
    assert sheet["A7"].alignment.wrap_text  # the header wraps too
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert {"A1:S1", "A2:S2", "A3:S3", "A4:S4"} <= merged
    assert sheet["A4"].value.startswith("RECONSTRUCTED DATA")
    assert sheet["A4"].alignment.wrap_text
    assert sheet.row_dimensions[4].height >= 3 * 15  # the provenance note shows whole
    numeric = workbook["aantal_teams"]
    assert [cell.value for cell in numeric[6]][:3] == ["Group", "n", "mean"]
    assert "A1:G1" in {str(cells) for cells in numeric.merged_cells.ranges}


def test_the_overview_links_to_every_sheet(workbook):
    assert links(workbook["Overview"]) == {name: f"'{name}'!A1" for name in workbook.sheetnames[1:]}
    header = [cell.value for cell in workbook["Overview"][5]]
    assert header == ["Sheet", "Question", "Type", "Base", "Base rule"]


def test_a_dutch_workbook_is_dutch_around_the_data(by_size):
    from monitorkit.render.outputs import summary_xlsx

    workbook = open_workbook(summary_xlsx(by_size, "nl"))
    assert workbook.sheetnames[0] == "Overzicht"
    assert workbook.sheetnames[-2:] == ["Niet getabelleerd", "Toelichting"]
    overview = workbook["Overzicht"]
    assert overview.oddFooter.right.text == "Pagina &P van &N"
    assert [cell.value for cell in overview[5]] == [
        "Blad",
        "Vraag",
        "Type",
        "Basis",
        "Basis gedefinieerd als",
    ]
    assert overview["E6"].value == "respondenten met een geldig antwoord"
    assert links(overview)["gemeentegrootte"] == "'gemeentegrootte'!A1"
    sheet = workbook["werkt_met_wijkteams"]
    assert [column.name for column in sheet.tables["T_werkt_met_wijkteams"].tableColumns][:6] == [
        "Item",
        "n",
        "Basis",
        "%",
        "BI onder",
        "BI boven",
    ]


def test_the_comparison_workbook_prints_and_filters_the_same_way():
    from monitorkit import compare_waves
    from monitorkit.render.outputs import comparison_xlsx

    workbook = open_workbook(
        comparison_xlsx(
            compare_waves(["wijkteams-2014", "wijkteams-2015"], allow_unit_mismatch=True)
        )
    )
    overview, sheet = workbook["Overview"], workbook["medewerker_wi"]
    assert links(overview) == {"medewerker_wi": "'medewerker_wi'!A1", "Notes": "'Notes'!A1"}
    (table,) = sheet.tables.values()
    assert table.ref == "A3:K4"
    assert [column.name for column in table.tableColumns] == [
        "Item",
        "2014 (N assumed) n",
        "2014 (N assumed) base",
        "2014 (N assumed) %",
        "2015 (N assumed) n",
        "2015 (N assumed) base",
        "2015 (N assumed) %",
        "Change (pp)",
        "95% CI low",
        "95% CI high",
        "p",
    ]
    row = sheet[4]
    assert [cell.number_format for cell in row[1:]] == [
        "General",
        "General",
        "0.0",
        "General",
        "General",
        "0.0",
        "0.0",
        "0.0",
        "0.0",
        P_FORMAT,
    ]
    assert row[10].value < 0.001  # shown as "<0.001", kept as the number
    assert sheet.print_title_rows == "$3:$3" and sheet.page_setup.orientation == "landscape"
    assert sheet.oddFooter.left.text == "Comparison: 2014, 2015"
    assert "A6:K6" in {str(cells) for cells in sheet.merged_cells.ranges}
    assert sheet["A6"].value.startswith("Change: last minus first wave in percentage points")


def test_the_stapeling_workbook_opens_with_its_contents(tmp_path):
    from monitorkit import count_stapeling
    from monitorkit.render.stapeling import cell_columns, stapeling_xlsx

    path = tmp_path / "register.csv"
    path.write_text(
        "persoon,gemeente,periode,wet,voorziening\n"
        "P1,GM0363,2024,Wmo,W1\nP1,GM0363,2024,Jeugdwet,J1\nP2,GM0363,2024,Wmo,W1\n",
        encoding="utf-8",
    )
    result = count_stapeling([path])
    workbook = open_workbook(stapeling_xlsx(result, "nl"))
    assert workbook.sheetnames == ["Inhoud", "Cells", "personen, 2024", "Toelichting"]
    assert links(workbook["Inhoud"]) == {
        "Cells": "'Cells'!A1",
        "personen, 2024": "'personen, 2024'!A1",
        "Toelichting": "'Toelichting'!A1",
    }
    cells = workbook["Cells"]
    (table,) = cells.tables.values()
    assert [column.name for column in table.tableColumns] == cell_columns(result)
    alleen_wmo = next(row for row in cells.iter_rows(min_row=2) if row[3].value == "Alleen Wmo")
    assert (alleen_wmo[4].value, alleen_wmo[5].value) == (1, 50.0)
    assert alleen_wmo[5].number_format == "0.0"
    assert cells.oddFooter.right.text == "Pagina &P van &N"


def test_table_headers_are_made_distinct_and_names_unique():
    from openpyxl import Workbook

    from monitorkit.io.files import add_row
    from monitorkit.render.workbook import add_table

    workbook = Workbook()
    first = workbook.active
    first.title = "a b"
    second = workbook.create_sheet("a_b")
    for sheet in (first, second):
        add_row(sheet, ["Item", "n", "N", None])
        add_row(sheet, ["=1+1", 1, 2, 3])
        add_table(sheet, 1, 4)
    assert [cell.value for cell in first[1]] == ["Item", "n", "N (3)", "(4)"]
    assert list(first.tables) == ["T_a_b"] and list(second.tables) == ["T_a_b_2"]
    assert first["A2"].value == "'=1+1" and first["A2"].alignment.wrap_text


def test_page_headers_hold_one_short_line_with_ampersands_kept():
    from monitorkit.render.workbook import HEADER_CHARACTERS, header_text

    assert header_text("Zorg & Welzijn\n2015") == "Zorg && Welzijn 2015"
    long = header_text("=" + "woord " * 40)
    assert long.startswith("'=woord") and long.endswith("…")
    assert len(long) == HEADER_CHARACTERS
