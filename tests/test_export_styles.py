"""Every export style gives the counts and bases a careful analyst computes by hand."""

from __future__ import annotations

import pytest

from exports import (
    ANSWERED,
    COUNTS,
    GROOTTE,
    KNELPUNTEN,
    TEAMS,
    TICKED,
    checkbox_rows,
    forms_rows,
    qualtrics_rows,
    surveymonkey_rows,
    write_rows,
    write_sav,
    write_xlsx,
    yes_no_rows,
)
from monitorkit.api import summarize_survey


def not_tabulated(summary):
    """Column -> reason for every column the summary did not tabulate."""
    return {entry.column: entry.reason for entry in summary.responses.not_tabulated}


def knelpunten(summary):
    """The knelpunten question, its items keyed by label."""
    question = next(q for q in summary.questions if q.type == "multi")
    return question, {item.label: item for item in question.items}


def assert_hand_counts(summary, base):
    question, items = knelpunten(summary)
    assert question.base == base
    assert set(items) == set(KNELPUNTEN)
    for label, count in COUNTS.items():
        assert items[label].count == count
        assert items[label].base == base
        assert items[label].percent == pytest.approx(100 * count / base)


@pytest.mark.parametrize("style", ["dash", "colon", "bracket", "dot"])
def test_header_conventions_group_options_into_one_multi_question(tmp_path, style):
    path = write_xlsx(tmp_path / f"{style}.xlsx", yes_no_rows(style))
    summary = summarize_survey(path)
    assert_hand_counts(summary, ANSWERED)
    question, _ = knelpunten(summary)
    assert question.label in ("Welke knelpunten ervaart u?", "knelpunten")
    assert "answered the set" in question.base_rule


def test_dutch_excel_csv_semicolon_cp1252_decimal_comma(tmp_path):
    rows = yes_no_rows("colon")
    rows[0] += ["Aantal wijkteams (gemiddeld)"]
    for row, teams in zip(rows[1:], TEAMS, strict=True):
        row.append(teams)
    rows[1][-2] = "G32 – één"  # cp1252-only characters survive
    path = write_rows(tmp_path / "export.csv", rows, delimiter=";", encoding="cp1252")
    summary = summarize_survey(path)
    source = summary.responses.source
    assert (source.encoding, source.delimiter, source.decimal) == ("cp1252", ";", ",")
    assert_hand_counts(summary, ANSWERED)
    teams = next(q for q in summary.questions if q.type == "numeric")
    numbers = [float(t.replace(",", ".")) for t in TEAMS if t]
    assert teams.stats.n == 9
    assert teams.stats.mean == pytest.approx(sum(numbers) / 9)
    assert teams.stats.max == 6.0
    grootte = next(q for q in summary.questions if q.id == "gemeentegrootte")
    assert {i.label for i in grootte.items} == {"G32 – één", "G32", "overig"}


def test_utf8_bom_csv_is_detected(tmp_path):
    path = write_rows(tmp_path / "bom.csv", yes_no_rows("dash"), encoding="utf-8-sig")
    summary = summarize_survey(path)
    assert summary.responses.source.encoding == "utf-8-sig"
    assert summary.responses.raw.columns[0] == "id"
    assert_hand_counts(summary, ANSWERED)


@pytest.mark.parametrize(
    ("content", "reader"),
    [
        ('id,Toelichting,Tevreden\n1,"twee\nregels",Ja\n2,"",Nee\n3,,"Ja, zeker"\n', "pyarrow"),
        ("\ufeffid;Vraag\n1;NA\n2;null\n3; spatie \n", "pyarrow"),
        ("id,Vraag,Extra\n1,Ja\n2,Nee,x\n", "pandas"),  # a short row
        ("id,Vraag\n1,Ja\n\n2,Nee\n", "pyarrow"),  # a blank line keeps its row number
    ],
)
def test_csv_grid_is_the_same_whichever_parser_reads_it(tmp_path, content, reader):
    """Arrow reads rectangular UTF-8 files; pandas the rest: the cells come out the same."""
    import io

    import pandas as pd

    from monitorkit.io.readers import read_table

    path = tmp_path / "survey.csv"
    path.write_text(content, encoding="utf-8")
    table = read_table(path)
    text = content.removeprefix("\ufeff")
    expected = pd.read_csv(
        io.StringIO(text),
        sep=table.source.delimiter,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        skip_blank_lines=False,
    ).dropna(how="all")
    assert table.source.reader == reader
    assert table.frame.columns.tolist() == expected.columns.tolist()
    assert table.frame.index.tolist() == [i + 2 for i in expected.index]
    got = table.frame.astype(object).where(table.frame.notna(), None).to_numpy().tolist()
    assert got == expected.astype(object).where(expected.notna(), None).to_numpy().tolist()


def test_checkbox_export_base_excludes_blank_rows(tmp_path):
    path = write_rows(tmp_path / "checkbox.csv", checkbox_rows())
    summary = summarize_survey(path)
    assert_hand_counts(summary, TICKED)
    question, _ = knelpunten(summary)
    assert "at least one option selected" in question.base_rule


def test_qualtrics_three_row_export(tmp_path):
    path = write_rows(tmp_path / "qualtrics.csv", qualtrics_rows())
    summary = summarize_survey(path)
    source = summary.responses.source
    assert (source.header_rows, source.header_style, source.rows) == (3, "qualtrics", 10)
    assert_hand_counts(summary, TICKED)
    question, items = knelpunten(summary)
    assert question.label == "Welke knelpunten ervaart u?"
    assert items["Financiering"].column == "Q2_2"
    codebook = summary.responses.codebook
    assert codebook.id == "ResponseId"
    assert not_tabulated(summary) == {"StartDate": "timestamp", "ResponseId": "respondent id"}


def test_surveymonkey_two_row_header_with_option_text_values(tmp_path):
    path = write_xlsx(tmp_path / "monkey.xlsx", surveymonkey_rows())
    summary = summarize_survey(path)
    assert summary.responses.source.header_style == "two-row"
    assert_hand_counts(summary, TICKED)
    grootte = next(q for q in summary.questions if q.type == "single")
    assert grootte.label == "Gemeentegrootte"
    assert {i.label: i.count for i in grootte.items} == {"overig": 6, "G32": 4}


def test_microsoft_forms_options_in_one_cell(tmp_path):
    path = write_xlsx(tmp_path / "forms.xlsx", forms_rows())
    summary = summarize_survey(path)
    question, _ = knelpunten(summary)
    assert question.base_rule.startswith("respondents whose answer cell is not empty")
    assert_hand_counts(summary, TICKED)


def test_spss_labels_value_labels_and_user_missing(tmp_path):
    path = write_sav(tmp_path / "survey.sav")
    summary = summarize_survey(path)
    assert_hand_counts(summary, ANSWERED)
    question, _ = knelpunten(summary)
    assert question.label == "Welke knelpunten ervaart u?"
    readings = {(r.value, r.read_as): r.count for r in question.readings}
    assert readings[("9", "missing")] == 3  # one skipped respondent x three items
    assert readings[("2", "not selected")] > 0
    grootte = next(q for q in summary.questions if q.type == "single")
    assert {i.label: i.count for i in grootte.items} == {"G32": 4, "overig": 6}


def test_parquet_export(tmp_path):
    import pandas as pd

    rows = yes_no_rows("dot")
    frame = pd.DataFrame(rows[1:], columns=rows[0]).replace("", None)
    frame.to_parquet(tmp_path / "survey.parquet")
    summary = summarize_survey(tmp_path / "survey.parquet")
    assert summary.responses.source.format == "parquet"
    assert_hand_counts(summary, ANSWERED)


def test_title_rows_above_the_header_are_skipped(tmp_path):
    rows = [["Divosa-monitor export"], ["Gegenereerd op 1 maart"], [], *yes_no_rows("dash")]
    summary = summarize_survey(write_xlsx(tmp_path / "titled.xlsx", rows))
    assert summary.responses.source.title_rows == 3
    assert_hand_counts(summary, ANSWERED)


def test_battery_items_each_keep_their_own_base(tmp_path):
    rows = [["id", "Koppelingen: Leefbaarheid", "Koppelingen: Vrijwilliger"]]
    answers = [("Ja", "Nee"), ("Nee", ""), ("Ja", "Ja"), ("", "Nee"), ("Ja", "Ja"), ("Nee", "Nee")]
    rows += [[n, a, b] for n, (a, b) in enumerate(answers, start=1)]
    summary = summarize_survey(write_rows(tmp_path / "battery.csv", rows))
    question = summary.questions[0]
    assert question.type == "battery"
    items = {i.label: (i.count, i.base) for i in question.items}
    assert items == {"Leefbaarheid": (3, 5), "Vrijwilliger": (2, 5)}


def test_by_group_breakdown_counts_each_group(tmp_path):
    summary = summarize_survey(
        write_xlsx(tmp_path / "dash.xlsx", yes_no_rows("dash")), by="gemeentegrootte"
    )
    question, items = knelpunten(summary)
    groups = {g.group: g for g in question.groups}
    assert set(groups) == {"G32", "overig"}
    expected = {"G32": 0, "overig": 0}
    for ticks, group in zip(__import__("exports").TICKS, GROOTTE, strict=True):
        expected[group] += ticks is not None and ticks[1] == 1
    financiering = {name: g.items[1] for name, g in groups.items()}
    assert {name: cell.count for name, cell in financiering.items()} == expected
    assert items["Financiering"].test.name == "Fisher exact"


def test_spss_multiple_response_set_becomes_one_multi_question(tmp_path):
    """pyreadstat cannot write MR sets, so the reader's output is built directly."""
    import pandas as pd

    from monitorkit.codebook.infer import infer_codebook
    from monitorkit.io.readers import RawTable, SourceInfo
    from monitorkit.stats.estimates import estimate
    from monitorkit.stats.responses import build_responses

    frame = pd.DataFrame(
        {
            "p1": [1.0, 0.0, 1.0, 0.0],
            "p2": [1.0, 1.0, 0.0, 0.0],
            "p3": [0.0, 0.0, 0.0, 0.0],
        },
        index=range(1, 5),
    )
    raw = RawTable(
        frame,
        SourceInfo("mr.sav", "sav", "pyreadstat", rows=4, header_style="spss"),
        labels={"p1": "Welzijn", "p2": "Zorg", "p3": "Wsw"},
        mr_sets={
            "$partners": {
                "type": "D",
                "is_dichotomy": True,
                "counted_value": 1,
                "label": "Samenwerkingspartners",
                "variable_list": ["p1", "p2", "p3"],
            }
        },
    )
    codebook = infer_codebook(raw)
    assert [(q.id, q.type, q.label) for q in codebook.questions] == [
        ("partners", "multi", "Samenwerkingspartners")
    ]
    summary = estimate(build_responses(raw, codebook))
    assert [(i.label, i.count, i.base) for i in summary.questions[0].items] == [
        ("Welzijn", 2, 4),
        ("Zorg", 2, 4),
        ("Wsw", 0, 4),
    ]


def test_readings_option_shows_how_values_were_read(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    path = write_sav(tmp_path / "survey.sav")
    result = run_cli("summarize", path, "--readings")
    assert "values read: '2' not selected (17) · '1' selected (10) · '9' missing (3)" in result.out


def test_qualtrics_other_text_column_does_not_break_the_option_group(tmp_path):
    rows = qualtrics_rows()
    rows[0].insert(5, "Q2_4_TEXT")
    rows[1].insert(5, "Welke knelpunten ervaart u? - Anders - Text")
    rows[2].insert(5, '{"ImportId":"QID2_4_TEXT"}')
    for index, row in enumerate(rows[3:]):
        row.insert(5, "iets anders" if index % 3 == 0 else "")
    summary = summarize_survey(write_rows(tmp_path / "other.csv", rows))
    assert_hand_counts(summary, TICKED)
    assert not_tabulated(summary)["Q2_4_TEXT"] == "write-in text"


def test_open_text_member_of_a_dash_group_is_left_out(tmp_path):
    rows = yes_no_rows("dash")
    rows[0].append("Welke knelpunten ervaart u? - Toelichting")
    for index, row in enumerate(rows[1:]):
        row.append(f"toelichting {index}")
    summary = summarize_survey(write_rows(tmp_path / "toelichting.csv", rows))
    assert_hand_counts(summary, ANSWERED)
    assert not_tabulated(summary)["Welke knelpunten ervaart u? - Toelichting"] == "open text"


def test_labelled_likert_is_a_scale_in_code_order_with_zero_counts(tmp_path):
    import pandas as pd
    import pyreadstat

    answers = [5.0, 1.0, 5.0, 2.0, 5.0, 9.0, 3.0, 5.0]
    path = tmp_path / "scale.sav"
    scale = {
        1.0: "Helemaal eens",
        2.0: "Eens",
        3.0: "Neutraal",
        4.0: "Oneens",
        5.0: "Helemaal oneens",
        9.0: "Weet niet",
    }
    pyreadstat.write_sav(
        pd.DataFrame({"stelling": answers}),
        str(path),
        column_labels={"stelling": "De samenwerking met het UWV verloopt goed"},
        variable_value_labels={"stelling": scale},
    )
    question = summarize_survey(path).questions[0]
    assert question.type == "scale"
    assert [(i.label, i.count) for i in question.items] == [
        ("Helemaal eens", 1),
        ("Eens", 1),
        ("Neutraal", 1),
        ("Oneens", 0),
        ("Helemaal oneens", 4),
    ]
    assert [(row.label, row.count) for row in question.missing] == [("Weet niet", 1)]
    assert question.base == 7
    assert question.scale.mean == pytest.approx((1 + 2 + 3 + 5 * 4) / 7)


def test_surveymonkey_csv_and_merged_header_cells(tmp_path):
    from openpyxl import Workbook

    assert_hand_counts(
        summarize_survey(write_rows(tmp_path / "monkey.csv", surveymonkey_rows())), TICKED
    )
    workbook = Workbook()
    for row in surveymonkey_rows():
        workbook.active.append([None if cell == "" else cell for cell in row])
    workbook.active.merge_cells("B1:D1")
    workbook.save(tmp_path / "merged.xlsx")
    summary = summarize_survey(tmp_path / "merged.xlsx")
    assert summary.responses.source.header_style == "two-row"
    assert_hand_counts(summary, TICKED)


def test_excel_unicode_text_export_utf16_tab_delimited(tmp_path):
    path = write_rows(
        tmp_path / "unicode.txt", yes_no_rows("colon"), delimiter="\t", encoding="utf-16"
    )
    summary = summarize_survey(path)
    assert (summary.responses.source.encoding, summary.responses.source.delimiter) == (
        "utf-16",
        "\\t",
    )
    assert_hand_counts(summary, ANSWERED)
