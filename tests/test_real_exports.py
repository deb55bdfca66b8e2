"""Real-export behaviour through the CLI: what is left out and why, rows that are not
respondents, input conventions, grouping guards, panel keys and stable bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exports import qualtrics_rows, write_rows, write_xlsx
from monitorkit.stats.estimates import wilson_interval


def summary_json(run_cli, *args):
    result = run_cli("summarize", *args, "-f", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def items_of(question):
    return [(item["label"], item["count"]) for item in question["items"]]


def qualtrics_with_previews(tmp_path: Path) -> Path:
    """The Qualtrics fixture with a Status column: two previews and one test response."""
    rows = qualtrics_rows()
    rows[0].insert(1, "Status")
    rows[1].insert(1, "Response Type")
    rows[2].insert(1, '{"ImportId":"status"}')
    statuses = ["IP Address"] * 10
    for row, status in zip(rows[3:], statuses, strict=True):
        row.insert(1, status)
    extra = [
        ["2024-03-01 09:00:00", "Survey Preview", "R_9001", "Geen knelpunten", "", "", "G4"],
        ["2024-03-01 09:05:00", "Survey Preview", "R_9002", "", "Financiering", "", "G4"],
        ["2024-03-01 09:10:00", "Survey Test", "R_9003", "", "", "Wetgeving", "G4"],
    ]
    return write_rows(tmp_path / "qualtrics.csv", rows + extra)


def test_not_tabulated_block_names_every_column_left_out(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = run_cli("summarize", qualtrics_with_previews(tmp_path))
    assert result.code == 0
    tail = result.out[result.out.index("Not tabulated") :]
    assert tail == (
        "Not tabulated (3 column(s)):\n"
        "  platform metadata: Status (Response Type)\n"
        "  respondent id: ResponseId (Response ID)\n"
        "  timestamp: StartDate (Start Date)\n"
    )


def test_previews_are_left_out_and_counted_unless_asked_for(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    path = qualtrics_with_previews(tmp_path)
    data = summary_json(run_cli, path)
    assert data["source"]["rows"] == 10 and data["previews_left_out"] == 3
    assert data["questions"][0]["base"] == 8
    kept = summary_json(run_cli, path, "--include-previews")
    assert kept["source"]["rows"] == 13 and "previews_left_out" not in kept
    assert kept["questions"][0]["base"] == 11
    assert "3 test and preview responses left out" in run_cli("summarize", path).out


def test_json_names_source_columns_and_reasons(run_cli, tmp_path):
    data = summary_json(run_cli, qualtrics_with_previews(tmp_path))
    assert [q["columns"] for q in data["questions"]] == [["Q2_1", "Q2_2", "Q2_3"], ["Q3"]]
    assert data["not_tabulated"] == [
        {"column": "StartDate", "reason": "timestamp"},
        {"column": "Status", "reason": "platform metadata"},
        {"column": "ResponseId", "reason": "respondent id"},
    ]


def test_csv_md_and_xlsx_list_what_was_not_tabulated(run_cli, tmp_path):
    from openpyxl import load_workbook

    path = qualtrics_with_previews(tmp_path)
    csv_text = run_cli("summarize", path, "-f", "csv").out
    assert ",not tabulated,,,,Status,,,,,,,,,,,,,,platform metadata" in csv_text
    markdown = run_cli("summarize", path, "-f", "md").out
    assert (
        "## Not tabulated\n\n| Column | Reason | Detail |\n| --- | --- | --- |\n"
        "| StartDate | timestamp |  |"
    ) in markdown
    assert run_cli("summarize", path, "-o", tmp_path / "out.xlsx").code == 0
    sheet = load_workbook(tmp_path / "out.xlsx")["Not tabulated"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Column", "Reason", "Detail"],
        ["StartDate", "timestamp", None],
        ["Status", "platform metadata", None],
        ["ResponseId", "respondent id", None],
    ]


LONG_OPTIONS = [
    "Eén integraal sociaal wijkteam met generalisten voor jeugd, Wmo, werk en inkomen",
    "Aparte toegangsteams voor jeugd en Wmo, met een gezamenlijk loket voor alle inwoners",
    "Een regionale uitvoeringsorganisatie verzorgt de toegang voor meerdere gemeenten samen",
]


def test_long_option_texts_are_a_closed_question_and_typed_text_is_open(run_cli, tmp_path):
    rows = [["id", "Hoe is de toegang georganiseerd?", "Heeft u nog opmerkingen?"]]
    remarks = ["Nee", "nee", "Nee.", "Graag meer overleg met de regio", "geen"]
    for number in range(12):
        rows.append([number + 1, LONG_OPTIONS[number % 3], remarks[number % 5]])
    data = summary_json(run_cli, write_rows(tmp_path / "toegang.csv", rows))
    (question,) = data["questions"]
    assert question["type"] == "single"
    assert items_of(question) == [(option, 4) for option in sorted(LONG_OPTIONS)]
    assert data["not_tabulated"][-1] == {
        "column": "Heeft u nog opmerkingen?",
        "reason": "open text",
    }


def test_personal_data_is_never_tabulated(run_cli, tmp_path):
    rows = [["id", "Wat is uw e-mailadres?", "Telefoon", "Uw naam", "Rol"]]
    for number in range(10):
        rows.append([number, f"p{number}@gemeente.nl", f"06-1234567{number}", "Jansen", "Beleid"])
    rows[-1][-1] = "Uitvoering"
    data = summary_json(run_cli, write_rows(tmp_path / "contact.csv", rows))
    reasons = {entry["column"]: entry["reason"] for entry in data["not_tabulated"]}
    assert reasons == {
        "id": "respondent id",
        "Wat is uw e-mailadres?": "personal data",
        "Telefoon": "personal data",
        "Uw naam": "personal data",
    }
    assert [q["columns"] for q in data["questions"]] == [["Rol"]]


def test_google_forms_lists_with_commas_in_options_and_write_ins(run_cli, tmp_path):
    header = "Welke activiteiten? (meerdere antwoorden mogelijk)"
    cells = [
        "Meetups (lokaal, regionaal), Werk en inkomen, inclusief schuldhulp",
        "Meetups (lokaal, regionaal)",
        "Werk en inkomen, inclusief schuldhulp, Webinars",
        "Webinars, via de huisarts",
        "Meetups (lokaal, regionaal), Webinars",
        "Geen van deze",
        "",
    ]
    rows = [["Tijdstempel", header]] + [
        [f"2024/05/13 2:38:0{n} PM GMT+2", cell] for n, cell in enumerate(cells)
    ]
    data = summary_json(run_cli, write_rows(tmp_path / "forms.csv", rows))
    (question,) = data["questions"]
    assert question["type"] == "multi" and question["base"] == 6
    assert items_of(question) == [
        ("Meetups (lokaal, regionaal)", 3),
        ("Webinars", 3),
        ("Werk en inkomen, inclusief schuldhulp", 2),
        ("Geen van deze", 1),
        ("Anders", 1),
    ]
    write_in = data["not_tabulated"][-1]
    assert (write_in["column"], write_in["reason"]) == (header, "write-in text")
    assert write_in["detail"].startswith("1 written answer(s), counted as 'Anders'")
    assert data["not_tabulated"][0] == {"column": "Tijdstempel", "reason": "timestamp"}


def test_microsoft_forms_trailing_separator_and_exclusive_option(run_cli, tmp_path):
    cells = ["Zorg;Welzijn;", "Zorg;", "Weet ik niet;", "Welzijn;Zorg;", None]
    rows = [["ID", "Start time", "Samenwerking met"]] + [
        [n + 1, "5/3/24 10:11:12", cell] for n, cell in enumerate(cells)
    ]
    data = summary_json(run_cli, write_xlsx(tmp_path / "forms.xlsx", rows))
    (question,) = data["questions"]
    assert question["base"] == 4
    assert items_of(question) == [("Zorg", 3), ("Welzijn", 2), ("Weet ik niet", 1)]


def test_likert_in_scale_order_with_zero_counts_and_missing_below(run_cli, tmp_path):
    answers = ["Eens", "Helemaal eens", "Eens", "Weet niet", "Oneens", "Eens", "Neutraal", ""]
    rows = [["id", "De samenwerking verloopt goed"]] + [
        [n, answer] for n, answer in enumerate(answers)
    ]
    path = write_rows(tmp_path / "likert.csv", rows)
    (question,) = summary_json(run_cli, path)["questions"]
    assert question["type"] == "scale" and question["base"] == 6
    assert items_of(question) == [
        ("Helemaal oneens", 0),
        ("Oneens", 1),
        ("Neutraal", 1),
        ("Eens", 3),
        ("Helemaal eens", 1),
    ]
    assert question["missing"] == [{"label": "Weet niet", "count": 1}]
    assert question["scale"]["mean"] == pytest.approx((2 + 3 + 4 * 3 + 5) / 6)
    top, bottom = question["scale"]["top2"], question["scale"]["bottom2"]
    low, high = wilson_interval(4, 6)
    assert top["label"] == "top 2 (Eens, Helemaal eens)"
    assert (top["count"], top["base"], top["ci_low"]) == (4, 6, pytest.approx(float(low)))
    assert top["ci_high"] == pytest.approx(float(high))
    assert bottom["label"] == "bottom 2 (Helemaal oneens, Oneens)"
    assert (bottom["count"], bottom["base"]) == (1, 6)
    (inside,) = summary_json(run_cli, path, "--missing-as-category")["questions"]
    assert inside["base"] == 7 and items_of(inside)[-1] == ("Weet niet", 1)
    assert inside["base_rule"].startswith("respondents with any answer")


def test_rapportcijfer_lists_every_point(run_cli, tmp_path):
    grades = [7, 8, 8, 6, 9, 7, 8, 5]
    rows = [["id", "Welk rapportcijfer geeft u de dienstverlening?"]] + [
        [n, grade] for n, grade in enumerate(grades)
    ]
    (question,) = summary_json(run_cli, write_rows(tmp_path / "cijfer.csv", rows))["questions"]
    assert question["type"] == "scale"
    assert [label for label, _ in items_of(question)] == [str(n) for n in range(1, 11)]
    assert question["scale"]["mean"] == pytest.approx(sum(grades) / 8)
    assert question["scale"]["top2"]["label"] == "top 2 (9, 10)"
    assert (question["scale"]["top2"]["count"], question["scale"]["bottom2"]["count"]) == (1, 0)


def test_footer_row_is_not_a_respondent(run_cli, tmp_path):
    rows = [["id", "Heeft uw gemeente een wijkteam?"]]
    rows += [[n, "Ja" if n % 3 else "Nee"] for n in range(1, 10)]
    rows.append(["Totaal", "9"])
    data = summary_json(run_cli, write_xlsx(tmp_path / "met-totaal.xlsx", rows))
    assert data["source"]["rows"] == 9
    assert data["warnings"] == ["row(s) 11 at the bottom are totals, not respondents: left out"]


def test_quoted_decimal_comma_in_a_comma_delimited_csv_is_a_number(run_cli, tmp_path):
    rows = [["id", "Aantal fte in het wijkteam"]]
    rows += [[n, value] for n, value in enumerate(["12,5", "3", "7,25", "10", "4,5", "6"])]
    (question,) = summary_json(run_cli, write_rows(tmp_path / "fte.csv", rows))["questions"]
    assert question["type"] == "numeric"
    assert question["stats"]["mean"] == pytest.approx((12.5 + 3 + 7.25 + 10 + 4.5 + 6) / 6)


def test_mixed_utf8_and_cp1252_lines_are_read_and_named(run_cli, tmp_path):
    lines = ["id,Gemeente,Wijkteam", "1,Súdwest-Fryslân,Ja", "2,Den Haag,Nee"]
    data = "\n".join(lines).encode("utf-8") + "\n3,Baarle-Nassau – één,Ja\n".encode("cp1252")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    result = summary_json(run_cli, path)
    assert result["source"]["encoding"] == "utf-8 (some lines cp1252)"
    assert result["warnings"] == [
        "the file mixes encodings: line(s) 4 are not UTF-8 and were read as cp1252 (Windows); "
        "check those rows"
    ]
    from monitorkit.io.readers import read_table

    names = read_table(path).frame["Gemeente"].tolist()
    assert names == ["Súdwest-Fryslân", "Den Haag", "Baarle-Nassau – één"]


def test_a_workbook_on_standard_input_without_its_format_says_which_option(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", [["id", "Wijkteam"], [1, "Ja"], [2, "Nee"]])
    done = subprocess.run(
        [sys.executable, "-m", "monitorkit", "summarize", "-"],
        input=path.read_bytes(),
        capture_output=True,
    )
    assert done.returncode == 3
    assert done.stderr.decode().endswith(
        "(hint: it looks like a zip container (an .xlsx workbook?): pass --input-format "
        "(xlsx, sav, parquet))\n"
    )


def test_standard_input_with_its_format(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", [["id", "Wijkteam"], [1, "Ja"], [2, "Nee"], [3, "Ja"]])
    command = [sys.executable, "-m", "monitorkit", "summarize", "-", "-f", "json"]
    done = subprocess.run(
        [*command, "--input-format", "xlsx"],
        input=path.read_bytes(),
        capture_output=True,
        check=True,
    )
    data = json.loads(done.stdout)
    assert data["source"]["path"] == "<stdin>" and data["source"]["format"] == "xlsx"
    assert items_of(data["questions"][0]) == [("Ja", 2), ("Nee", 1)]


def grouped_rows(groups: list[str]) -> list[list]:
    return [["id", "Wijkteam", "Gemeente"]] + [
        [n, "Ja" if n % 2 else "Nee", group] for n, group in enumerate(groups)
    ]


def test_by_with_too_many_groups_is_refused(run_cli, tmp_path):
    path = write_rows(tmp_path / "g.csv", grouped_rows([f"Gemeente {n}" for n in range(25)]))
    result = run_cli("summarize", path, "--by", "Gemeente")
    assert result.code == 2
    assert result.err == (
        f"monitorkit: error: {path}, column 'Gemeente': --by 'Gemeente' is a column with 25 "
        "distinct values; at most 20 groups can be compared (hint: group by a column with "
        "fewer categories (e.g. gemeentegrootte))\n"
    )


def test_by_never_crosses_a_question_with_itself_and_counts_the_ungrouped(run_cli, tmp_path):
    groups = ["G4", "G32", "overig", "G32", "", "overig", "G32", "G4"]
    path = write_rows(tmp_path / "g.csv", grouped_rows(groups))
    data = summary_json(run_cli, path, "--by", "Gemeente")
    wijkteam, gemeente = data["questions"]
    assert "groups" not in gemeente
    assert wijkteam["ungrouped"] == 1
    assert "1 without a group (--by)." in run_cli("summarize", path, "--by", "Gemeente").out


def test_four_digit_respondent_ids_are_not_a_panel_but_key_pairs_them(run_cli, tmp_path):
    def wave(name, answers):
        rows = [["Respondentnummer", "Tevreden"]] + [[1000 + n, a] for n, a in enumerate(answers)]
        return write_rows(tmp_path / name, rows)

    first = wave("meting_2014.csv", ["Ja", "Ja", "Nee", "Ja", "Nee", "Ja"])
    second = wave("meting_2015.csv", ["Nee", "Ja", "Nee", "Nee", "Nee", "Ja"])
    unpaired = json.loads(run_cli("compare", first, second, "-f", "json").out)
    assert unpaired.get("panel") is None
    paired = json.loads(
        run_cli("compare", first, second, "--key", "Respondentnummer", "-f", "json").out
    )
    assert paired["panel"]["matched"] == 6
    assert paired["questions"][0]["items"][0]["paired"]["table"] == [[2, 2], [0, 2]]


@pytest.mark.slow
def test_the_same_file_gives_the_same_bytes_under_any_hash_seed(tmp_path):
    import platforms.google_forms as google

    path = google.CASES[0].write(tmp_path)
    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs = [
            subprocess.run(
                [sys.executable, "-m", "monitorkit", "summarize", str(path), "-f", fmt],
                capture_output=True,
                check=True,
                env=env,
            ).stdout
            for fmt in ("json", "csv", "md")
        ]
        outputs.append(runs)
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_leading_unnamed_row_index_is_the_respondent_id(run_cli, tmp_path):
    rows = [["", "Wijkteam", "Regio"]] + [
        [n, "Ja" if n % 2 else "Nee", "Noord" if n % 3 else "Zuid"] for n in range(8)
    ]
    data = summary_json(run_cli, write_rows(tmp_path / "pandas-export.csv", rows))
    assert data["not_tabulated"] == [{"column": "column A", "reason": "respondent id"}]


@pytest.mark.parametrize("case_name", ["qualtrics-csv-text-nl", "spss_mcgroup_three_slots"])
def test_an_inferred_codebook_written_out_and_read_back_gives_the_same_tables(
    run_cli, tmp_path, case_name
):
    from test_platforms import CASES

    (case,) = [case for case in CASES if case.name == case_name]
    path = case.write(tmp_path)
    codebook = tmp_path / "codebook.yaml"
    assert run_cli("codebook", "infer", path, "-o", codebook).code == 0
    inferred = summary_json(run_cli, path)
    given = summary_json(run_cli, path, "-c", codebook)
    assert given["questions"] == inferred["questions"]
    assert given["not_tabulated"] == inferred["not_tabulated"]


def one_question(run_cli, path, *args):
    data = summary_json(run_cli, path, *args)
    return {q["columns"][0]: q for q in data["questions"]}, data


def test_seven_point_wording_keeps_somewhat_apart_from_satisfied(run_cli, tmp_path):
    answers = ["Very satisfied", "Satisfied", "Somewhat satisfied", "Somewhat satisfied"]
    answers += ["Neutral", "Dissatisfied"]
    rows = [["id", "Satisfaction"]] + [[n, a] for n, a in enumerate(answers)]
    questions, _ = one_question(run_cli, write_rows(tmp_path / "s.csv", rows))
    question = questions["Satisfaction"]
    assert items_of(question) == [
        ("Very dissatisfied", 0),
        ("Dissatisfied", 1),
        ("Somewhat dissatisfied", 0),
        ("Neutral", 1),
        ("Somewhat satisfied", 2),
        ("Satisfied", 1),
        ("Very satisfied", 1),
    ]
    assert question["scale"]["mean"] == pytest.approx((2 + 4 + 5 + 5 + 6 + 7) / 6)


def test_non_answers_in_the_base_stay_out_of_the_mean(run_cli, tmp_path):
    answers = ["Zeer tevreden", "Tevreden", "Neutraal", "Weet niet", "Weet niet", "Ontevreden"]
    rows = [["id", "Tevreden"]] + [[n, a] for n, a in enumerate(answers)]
    path = write_rows(tmp_path / "t.csv", rows)
    questions, _ = one_question(run_cli, path, "--missing-as-category")
    question = questions["Tevreden"]
    assert question["base"] == 6 and items_of(question)[-1] == ("Weet niet", 2)
    assert question["scale"]["mean"] == pytest.approx((5 + 4 + 3 + 2) / 4)
    assert question["scale"]["n"] == 4


def test_spss_codes_labelled_at_their_ends_are_a_scale_in_code_order(run_cli, tmp_path):
    import pandas as pd
    import pyreadstat

    path = tmp_path / "ends.sav"
    pyreadstat.write_sav(
        pd.DataFrame({"oordeel": [1.0, 2.0, 3.0, 4.0, 5.0, 5.0]}),
        str(path),
        column_labels={"oordeel": "Hoe beoordeelt u de dienstverlening?"},
        variable_value_labels={"oordeel": {1.0: "Zeer slecht", 5.0: "Zeer goed"}},
    )
    questions, _ = one_question(run_cli, path)
    question = questions["oordeel"]
    assert question["type"] == "scale"
    assert items_of(question) == [
        ("Zeer slecht", 1),
        ("2", 1),
        ("3", 1),
        ("4", 1),
        ("Zeer goed", 2),
    ]
    assert question["scale"]["mean"] == pytest.approx(20 / 6)


def test_a_slash_inside_single_choice_options_does_not_make_a_list(run_cli, tmp_path):
    answers = ["Alleenstaand", "Samenwonend / getrouwd", "Eenoudergezin", "Bij ouders"] * 3
    answers += ["Samenwonend / getrouwd", "Woongroep"]
    rows = [["id", "Woonsituatie"]] + [[n, a] for n, a in enumerate(answers)]
    questions, _ = one_question(run_cli, write_rows(tmp_path / "w.csv", rows))
    question = questions["Woonsituatie"]
    assert question["type"] == "single"
    assert dict(items_of(question))["Samenwonend / getrouwd"] == 4


def test_a_closed_why_question_and_a_question_answered_alike_are_tabulated(run_cli, tmp_path):
    reasons = ["Dichtbij", "Goede reviews", "Verwezen door huisarts"] * 6
    rows = [["id", "Waarom koos u voor deze aanbieder?", "Hoe tevreden bent u over [Wachttijd]"]]
    rows += [[n, reason, "Tevreden"] for n, reason in enumerate(reasons)]
    questions, data = one_question(run_cli, write_rows(tmp_path / "r.csv", rows))
    assert items_of(questions["Waarom koos u voor deze aanbieder?"]) == [
        ("Dichtbij", 6),
        ("Goede reviews", 6),
        ("Verwezen door huisarts", 6),
    ]
    assert dict(items_of(questions["Hoe tevreden bent u over [Wachttijd]"]))["Tevreden"] == 18
    assert data["not_tabulated"] == [{"column": "id", "reason": "respondent id"}]


def test_ids_weights_names_and_codes_are_not_questions(run_cli, tmp_path):
    rows = [["Respondent", "klantnummer", "Weegfactor", "Naam consulent", "Golf", "Wijkteam"]]
    for n in range(12):
        rows.append(
            [n, 580000 + 7 * n, f"{0.8 + n / 20:.2f}", ["Jansen", "De Vries"][n % 2], "W2", "Ja"]
        )
    rows[-1][-1] = "Nee"
    _, data = one_question(run_cli, write_rows(tmp_path / "ids.csv", rows))
    assert [q["columns"] for q in data["questions"]] == [["Wijkteam"]]
    assert {e["column"]: e["reason"] for e in data["not_tabulated"]} == {
        "Respondent": "respondent id",
        "klantnummer": "respondent id",
        "Weegfactor": "weight",
        "Naam consulent": "personal data",
        "Golf": "constant",
    }


def test_age_bands_in_the_order_of_their_numbers(run_cli, tmp_path):
    bands = ["26-40 jaar"] * 5 + ["65+"] * 4 + ["18-25 jaar"] * 3 + ["41-64 jaar"] * 2
    rows = [["id", "Leeftijd"]] + [[n, band] for n, band in enumerate(bands)]
    questions, _ = one_question(run_cli, write_rows(tmp_path / "l.csv", rows))
    assert [label for label, _ in items_of(questions["Leeftijd"])] == [
        "18-25 jaar",
        "26-40 jaar",
        "41-64 jaar",
        "65+",
    ]


def test_amounts_written_with_a_euro_sign_are_numbers(run_cli, tmp_path):
    rows = [["id", "Uitgaven 2023"], [1, "€ 1.234.567,89"], [2, "€ 250.000,00"], [3, "€ 1.000,50"]]
    path = write_rows(tmp_path / "euro.csv", rows, delimiter=";", encoding="cp1252")
    questions, _ = one_question(run_cli, path)
    assert questions["Uitgaven 2023"]["stats"]["max"] == pytest.approx(1234567.89)


def test_parquet_categories_give_order_and_zero_counts(run_cli, tmp_path):
    import pandas as pd

    levels = ["Nooit", "Zelden", "Soms", "Vaak", "Altijd"]
    answers = pd.Categorical(["Soms", "Vaak", "Soms", "Altijd", "Nooit"], categories=levels)
    path = tmp_path / "c.parquet"
    pd.DataFrame({"id": range(5), "Contact": answers}).to_parquet(path)
    questions, _ = one_question(run_cli, path)
    assert items_of(questions["Contact"]) == [
        ("Nooit", 1),
        ("Zelden", 0),
        ("Soms", 2),
        ("Vaak", 1),
        ("Altijd", 1),
    ]


def test_kobotoolbox_select_multiple_both_ways_is_one_question(run_cli, tmp_path):
    rows = [["_uuid", "diensten/gebruikt", "diensten/gebruikt/werk", "diensten/gebruikt/zorg"]]
    rows += [["services", "", "", ""]] * 0
    answers = ["werk zorg", "zorg", "", "werk", "werk", "zorg", "werk zorg"]
    for n, answer in enumerate(answers):
        rows.append([f"uuid:{n:08d}-0000-4000-8000-000000000000", answer,
                     int("werk" in answer), int("zorg" in answer)])  # fmt: skip
    _, data = one_question(run_cli, write_rows(tmp_path / "kobo.csv", rows))
    (question,) = data["questions"]
    assert question["columns"] == ["diensten/gebruikt/werk", "diensten/gebruikt/zorg"]
    assert question["base"] == 7  # the explicit 0s keep respondents who ticked nothing
    assert items_of(question) == [("werk", 4), ("zorg", 4)]
    reasons = {e["column"]: e["reason"] for e in data["not_tabulated"]}
    assert reasons == {"_uuid": "respondent id", "diensten/gebruikt": "platform metadata"}


def test_space_separated_option_codes_are_a_list(run_cli, tmp_path):
    cells = ["1 3", "2", "1 2 3", "1", "3", "2 3", "1", ""]
    rows = [["id", "services"]] + [[n, cell] for n, cell in enumerate(cells)]
    questions, _ = one_question(run_cli, write_rows(tmp_path / "cto.csv", rows))
    assert questions["services"]["type"] == "multi" and questions["services"]["base"] == 7
    assert items_of(questions["services"]) == [("1", 4), ("2", 3), ("3", 4)]


def test_a_title_and_an_export_date_above_the_header_are_skipped(run_cli, tmp_path):
    rows = [["Monitor schuldhulpverlening 2024"], ["Geëxporteerd op:", "12-06-2024 09:14"], []]
    rows += [["Respondent", "Regio", "Wijkteam", "Leeftijdsgroep"]]
    for n in range(8):
        rows.append([n, ["Noord", "Zuid"][n % 2], ["Ja", "Nee"][n % 3 == 0], "65+"])
    data = summary_json(run_cli, write_xlsx(tmp_path / "titel.xlsx", rows))
    assert data["source"]["rows"] == 8
    assert [q["columns"] for q in data["questions"]] == [
        ["Regio"],
        ["Wijkteam"],
        ["Leeftijdsgroep"],
    ]


def test_surveymonkey_single_choice_with_other_keeps_the_other_respondents(run_cli, tmp_path):
    rows = [
        ["Respondent ID", "Hoe heeft u ervan gehoord?", ""],
        ["", "Response", "Other (please specify)"],
    ]
    answers = ["Krant", "Website", "", "Krant", "", "Website", "", "Krant"]
    texts = ["", "", "via de buurvrouw", "", "huisarts", "", "op de markt", ""]
    rows += [[n, a, t] for n, (a, t) in enumerate(zip(answers, texts, strict=True), start=1)]
    path = write_rows(tmp_path / "monkey.csv", rows)
    questions, data = one_question(run_cli, path)
    question = questions["Hoe heeft u ervan gehoord?"]
    assert question["base"] == 8
    assert items_of(question) == [("Krant", 3), ("Website", 2), ("Other (please specify)", 3)]
    codebook = tmp_path / "codebook.yaml"
    assert run_cli("codebook", "infer", path, "-o", codebook).code == 0
    assert summary_json(run_cli, path, "-c", codebook)["questions"] == data["questions"]


def test_a_batterys_weet_niet_is_shown_per_item_and_can_join_the_base(run_cli, tmp_path):
    rows = [["id", "Biedt uw gemeente [Schuldhulp]", "Biedt uw gemeente [Werk]"]]
    rows += [[1, "Ja", "Nee"], [2, "Weet niet", "Ja"], [3, "Ja", ""], [4, "Nee", "Weet niet"]]
    rows += [[5, "Weet niet", "Ja"], [6, "Ja", "Ja"]]
    path = write_rows(tmp_path / "battery.csv", rows)
    (question,) = summary_json(run_cli, path)["questions"]
    assert [(i["count"], i["base"], i.get("missing")) for i in question["items"]] == [
        (3, 4, [{"label": "Weet niet", "count": 2}]),
        (3, 4, [{"label": "Weet niet", "count": 1}]),
    ]
    (inside,) = summary_json(run_cli, path, "--missing-as-category")["questions"]
    assert [(i["count"], i["base"]) for i in inside["items"]] == [(3, 6), (3, 5)]


def test_google_forms_typed_other_answers_in_a_single_choice_count_as_anders(run_cli, tmp_path):
    answers = ["Krant", "Website", "via de buurvrouw", "Krant", "Website", "op de markt gezien."]
    answers += ["Krant", "Wijkteam", "Wijkteam"]
    rows = [["Tijdstempel", "Hoe heeft u van ons gehoord?"]] + [
        [f"2024/05/13 2:38:0{n} PM GMT+2", answer] for n, answer in enumerate(answers)
    ]
    path = write_rows(tmp_path / "forms.csv", rows)
    questions, data = one_question(run_cli, path)
    question = questions["Hoe heeft u van ons gehoord?"]
    assert question["base"] == 9
    assert items_of(question) == [("Krant", 3), ("Website", 2), ("Wijkteam", 2), ("Anders", 2)]
    assert data["not_tabulated"][-1]["reason"] == "write-in text"
    codebook = tmp_path / "codebook.yaml"
    assert run_cli("codebook", "infer", path, "-o", codebook).code == 0
    assert summary_json(run_cli, path, "-c", codebook)["questions"] == data["questions"]


def test_a_write_in_typed_by_several_respondents_is_still_other(run_cli, tmp_path):
    cells = ["Zorg;Welzijn;", "Zorg;Subsidie via het UWV;", "Welzijn;Subsidie via het UWV;"]
    cells += ["Zorg;", "Welzijn;Zorg;", "Zorg;via de kerk;"]
    rows = [["ID", "Samenwerking met"]] + [[n, cell] for n, cell in enumerate(cells, start=1)]
    questions, _ = one_question(run_cli, write_xlsx(tmp_path / "forms.xlsx", rows))
    assert items_of(questions["Samenwerking met"]) == [("Zorg", 5), ("Welzijn", 3), ("Anders", 3)]
