"""The JSON schema, file formats, formula escaping, charts and atomic writes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from exports import write_rows, yes_no_rows

ITEM_KEYS = {"label", "count", "base", "percent", "ci_low", "ci_high"}


@pytest.fixture
def survey(tmp_path):
    rows = yes_no_rows("dash")
    rows[0][1] = '=HYPERLINK("x") - Geen knelpunten'
    rows[0][2] = '=HYPERLINK("x") - Financiering'
    rows[0][3] = '=HYPERLINK("x") - Wetgeving'
    return write_rows(tmp_path / "survey.csv", rows)


def test_json_follows_the_documented_schema(run_cli, survey):
    result = run_cli("summarize", survey, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["source"] == {
        "path": str(survey),
        "format": "csv",
        "reader": "pyarrow",
        "rows": 10,
        "sheet": None,
        "header_rows": 1,
        "header_style": "single",
        "encoding": "utf-8",
        "delimiter": ",",
        "decimal": ".",
    }
    assert data["codebook"]["origin"] == "inferred"
    multi = data["questions"][0]
    assert {"id", "label", "type", "base", "items"} <= set(multi)
    assert multi["type"] == "multi" and multi["base"] == 9
    for item in multi["items"]:
        assert set(item) >= ITEM_KEYS
    financiering = multi["items"][1]
    assert financiering["count"] == 5 and financiering["percent"] == pytest.approx(500 / 9)


def test_json_from_cli_equals_library_result(run_cli, survey):
    from monitorkit.api import summarize_survey

    cli = json.loads(run_cli("summarize", survey, "-f", "json").out)
    assert cli == json.loads(json.dumps(summarize_survey(survey).as_dict()))


def test_csv_escapes_formulas(run_cli, survey, tmp_path):
    target = tmp_path / "out.csv"
    result = run_cli("summarize", survey, "-o", target)
    assert result.code == 0 and result.err == f"wrote {target}\n"
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert rows[0]["question_label"] == '\'=HYPERLINK("x")'
    assert {r["item"] for r in rows if r["question"] == rows[0]["question"]} == {
        "Geen knelpunten",
        "Financiering",
        "Wetgeving",
    }


def test_xlsx_has_a_formatted_sheet_per_question_and_escapes_formulas(run_cli, survey, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    assert run_cli("summarize", survey, "-o", target, "--by", "gemeentegrootte").code == 0
    workbook = load_workbook(target)
    assert workbook.sheetnames[0] == "Overview"
    sheet = workbook[workbook.sheetnames[1]]
    assert sheet["A1"].value.startswith("'=HYPERLINK")
    assert sheet["A1"].data_type == "s"
    assert sheet["A3"].value == "Unweighted; no finite population correction."
    header = [c.value for c in sheet[6]]
    assert header[:6] == ["Item", "n", "Base", "%", "CI low", "CI high"]
    assert sheet.freeze_panes == "B7"
    values = {row[0].value: row for row in sheet.iter_rows(min_row=5) if row[0].value}
    assert values["Financiering"][1].value == 5 and values["Financiering"][2].value == 9
    assert values["Financiering"][3].number_format == "0.0"


def test_markdown_has_a_table_per_question(run_cli, survey):
    result = run_cli("summarize", survey, "-f", "md")
    assert "| Financiering | 5 | 9 | 55.6% | 26.7–81.1 |" in result.out


def test_dutch_number_formatting(run_cli, survey):
    result = run_cli("summarize", survey, "-f", "md", "--locale", "nl")
    assert "| Financiering | 5 | 9 | 55,6 % | 26,7–81,1 |" in result.out


def test_xlsx_needs_an_output_file(run_cli, survey):
    result = run_cli("summarize", survey, "-f", "xlsx")
    assert result.code == 2
    assert result.err == "monitorkit: error: xlsx output needs a file (hint: add -o summary.xlsx)\n"


def test_output_into_missing_folder_exits_4(run_cli, survey, tmp_path):
    result = run_cli("summarize", survey, "-o", tmp_path / "nope" / "out.json")
    assert result.code == 4
    assert "does not exist (hint: create it first or choose another -o path)" in result.err


def test_charts_are_written_as_png_and_svg_deterministically(run_cli, survey, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("summarize", survey, "-f", "json", "--charts", first).code == 0
    assert run_cli("summarize", survey, "-f", "json", "--charts", second).code == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == [
        "gemeentegrootte.png",
        "gemeentegrootte.svg",
        "hyperlink_x.png",
        "hyperlink_x.svg",
    ]
    svg = (first / "hyperlink_x.svg").read_bytes()
    assert svg == (second / "hyperlink_x.svg").read_bytes()
    assert b"Financiering" in svg


def test_chart_bars_are_sorted_with_interval_whiskers(survey):
    from monitorkit.api import summarize_survey
    from monitorkit.render.charts import question_figure

    question = summarize_survey(survey).questions[0]
    figure = question_figure(question)
    axes = figure.axes[0]
    widths = [patch.get_width() for patch in axes.patches]
    assert widths == sorted(widths)
    assert widths[-1] == pytest.approx(500 / 9)
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == ["Geen knelpunten", "Wetgeving", "Financiering"]


def test_by_naming_nothing_is_a_usage_error(run_cli, survey):
    result = run_cli("summarize", survey, "--by", "regio")
    assert result.code == 2
    assert result.err == (
        f"monitorkit: error: {survey}: --by 'regio' is neither a single-choice question nor a "
        "column (hint: single-choice questions: gemeentegrootte)\n"
    )


def test_grouped_chart_draws_groups_top_down_in_legend_order(survey):
    from monitorkit.api import summarize_survey
    from monitorkit.render.charts import question_figure

    question = summarize_survey(survey, by="gemeentegrootte").questions[0]
    axes = question_figure(question).axes[0]
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["G32 (n=3)", "overig (n=6)"]  # respondents in the group who answered
    from matplotlib.container import BarContainer

    first, second = [c for c in axes.containers if isinstance(c, BarContainer)]
    assert first.patches[0].get_y() > second.patches[0].get_y()


def test_scale_chart_keeps_scale_order_with_the_first_point_on_top(tmp_path):
    from exports import write_rows
    from monitorkit.api import summarize_survey
    from monitorkit.render.charts import question_figure

    answers = ["Eens", "Helemaal eens", "Eens", "Oneens", "Eens", "Neutraal"]
    path = write_rows(tmp_path / "s.csv", [["id", "Stelling"], *enumerate(answers)])
    axes = question_figure(summarize_survey(path).questions[0]).axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == ["Helemaal eens", "Eens", "Neutraal", "Oneens", "Helemaal oneens"]


def test_the_confidence_level_used_is_the_one_printed(run_cli, survey, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    terminal = run_cli("summarize", survey, "--confidence", "0.8").out
    assert "80% CI" in terminal and "95%" not in terminal
    markdown = run_cli("summarize", survey, "--confidence", "0.9", "-f", "md").out
    assert "| 90% CI |" in markdown and "95%" not in markdown
    dutch = run_cli("summarize", survey, "--confidence", "0.99", "--locale", "nl").out
    assert "99%-BI" in dutch
    from monitorkit.api import summarize_survey
    from monitorkit.render.charts import question_figure

    summary = summarize_survey(survey, confidence=0.8)
    axes = question_figure(summary.questions[0], confidence=summary.confidence).axes[0]
    assert axes.get_xlabel() == "% of base (whiskers: 80% Wilson interval)"


def test_compare_says_the_confidence_level_it_used(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    result = run_cli(
        "compare",
        "wijkteams-2014",
        "wijkteams-2015",
        "--allow-unit-mismatch",
        "--confidence",
        "0.9",
    )
    assert "90% CI" in result.out and "90% Newcombe hybrid score interval" in result.out
    assert "95%" not in result.out


def test_terminal_output_to_a_pipe_is_not_hard_wrapped(run_cli, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    out = run_cli("summarize", "wijkteams-2015", "--by", "gemeentegrootte").out
    lines = out.splitlines()
    assert any(
        line.startswith("Assumption: Figures about teams are printed without N.")
        and line.endswith("such taken.")
        for line in lines
    )
    assert "Gemeentegrootte [single, base 234]" in lines[lines.index("") + 1]
    monkeypatch.setenv("COLUMNS", "80")
    narrow = run_cli("summarize", "wijkteams-2015").out
    assert max(len(line) for line in narrow.splitlines()) <= 80


def test_dutch_csv_opens_in_columns_with_decimal_commas(run_cli):
    import csv as csvmodule
    import io as iomodule

    english = run_cli("summarize", "wijkteams-2015", "-f", "csv").out
    dutch = run_cli("summarize", "wijkteams-2015", "-f", "csv", "--locale", "nl").out
    rows_en = list(csvmodule.DictReader(iomodule.StringIO(english)))
    # a byte order mark first, so Dutch Excel reads the file as UTF-8
    assert dutch.startswith("\ufeff")
    dutch = dutch.removeprefix("\ufeff")
    rows_nl = list(csvmodule.DictReader(iomodule.StringIO(dutch), delimiter=";"))
    assert dutch.splitlines()[0] == english.splitlines()[0].replace(",", ";")
    assert len(rows_nl) == len(rows_en)
    for en, nl in zip(rows_en, rows_nl, strict=True):
        assert nl["percent"].replace(",", ".") == en["percent"]
        assert nl["count"] == en["count"]
    assert any("," in row["percent"] for row in rows_nl)


def test_a_scale_in_csv_has_its_mean_and_boxes(run_cli, tmp_path):
    import csv as csvmodule
    import io as iomodule

    from exports import write_rows

    points = ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"]
    rows = [["id", "Hoe tevreden bent u?"]] + [[i, points[i % 5]] for i in range(30)]
    path = write_rows(tmp_path / "scale.csv", rows)
    out = run_cli("summarize", path, "-f", "csv").out
    records = {r["item"]: r for r in csvmodule.DictReader(iomodule.StringIO(out))}
    assert (records["mean"]["mean"], records["mean"]["base"]) == ("3.0", "30")
    top = records["top 2 (Tevreden, Zeer tevreden)"]
    assert (top["count"], top["base"], top["percent"]) == ("12", "30", "40.0")
    dutch = run_cli("summarize", path, "--locale", "nl").out
    assert "scores: posities 1–5 op de schaal" in dutch and "bovenste 2 (Tevreden" in dutch
