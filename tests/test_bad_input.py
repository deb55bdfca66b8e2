"""Bad input: one clear line naming the place, exit code 3, never a traceback."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from exports import write_raw_xlsx, write_rows, write_xlsx, yes_no_rows


def assert_one_line(result, code, message):
    assert result.code == code
    assert result.err == f"monitorkit: error: {message}\n"
    assert "Traceback" not in result.err


def assert_refused(result, start):
    """Exit 3 and one line that starts with ``start`` (a hint follows)."""
    assert result.code == 3
    assert result.err.startswith(start) and result.err.count("\n") == 1, result.err


def test_missing_file(run_cli, tmp_path):
    path = tmp_path / "nope.xlsx"
    result = run_cli("summarize", path)
    assert_one_line(
        result,
        3,
        f"{path}: file not found (hint: check the path, or run "
        "'monitorkit datasets' for the bundled datasets)",
    )


def test_empty_file(run_cli, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert_one_line(
        run_cli("summarize", path),
        3,
        f"{path}: file is empty (0 bytes) (hint: export the survey again)",
    )


def test_header_without_data_rows(run_cli, tmp_path):
    path = write_rows(tmp_path / "header.csv", [["id", "Q: a", "Q: b"]])
    result = run_cli("summarize", path)
    assert result.code == 3
    assert "no respondents: the file has a header but no data rows below it" in result.err


def test_unknown_extension(run_cli, tmp_path):
    path = tmp_path / "survey.json"
    path.write_text("{}")
    result = run_cli("summarize", path)
    assert result.code == 3
    assert result.err.startswith(
        f"monitorkit: error: {path}: unknown file type '.json' (hint: "
        "monitorkit reads .csv, .ods, .parquet"
    )


def test_text_renamed_to_xlsx(run_cli, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("id,a\n1,2\n")
    assert_one_line(
        run_cli("summarize", path),
        3,
        f"{path}: the file's contents are not a .xlsx workbook (it looks like text) "
        "(hint: check the file extension or export the survey again)",
    )


def test_xlsx_renamed_to_csv(run_cli, tmp_path):
    path = write_xlsx(tmp_path / "real.xlsx", yes_no_rows("dash")).rename(tmp_path / "real.csv")
    result = run_cli("summarize", path)
    assert_one_line(
        result,
        3,
        f"{path}: the file's contents are not text but a zip container "
        "(an .xlsx workbook?) (hint: rename it to its real extension)",
    )


def test_corrupt_xlsx(run_cli, tmp_path):
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    result = run_cli("summarize", path)
    assert result.code == 3
    assert result.err.startswith(
        f"monitorkit: error: {path}: not a readable xlsx workbook: the zip container is corrupt"
    )


def test_encrypted_xlsx(run_cli, tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert_one_line(
        run_cli("summarize", path),
        3,
        f"{path}: workbook is encrypted (password-protected) or an old binary .xls "
        "saved as .xlsx (hint: remove the password in Excel (File > Info > Protect "
        "Workbook) and save as .xlsx)",
    )


def test_missing_sheet_lists_the_sheets(run_cli, tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", yes_no_rows("dash"), extra_sheets=["Toelichting"])
    assert_one_line(
        run_cli("summarize", path, "--sheet", "Antwoorden"),
        3,
        f"{path}: sheet 'Antwoorden' not found (hint: the workbook has 2 sheet(s): "
        "'Data', 'Toelichting'; pass one with --sheet)",
    )


def test_sheet_by_number(run_cli, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Leeg"
    sheet = workbook.create_sheet("Antwoorden")
    for row in yes_no_rows("dash"):
        sheet.append(row)
    workbook.save(tmp_path / "two.xlsx")
    result = run_cli("summarize", tmp_path / "two.xlsx", "--sheet", "2", "--format", "json")
    assert result.code == 0
    assert '"sheet": "Antwoorden"' in result.out


def test_duplicate_headers_get_a_visible_suffix_and_a_warning(run_cli, tmp_path):
    rows = [["id", "Q1", "Q2", "Q1"], ["1", "Ja", "Nee", "Ja"], ["2", "Nee", "Nee", "Ja"]]
    path = write_rows(tmp_path / "dup.csv", rows)
    data = json.loads(run_cli("summarize", path, "-f", "json").out)
    assert data["warnings"] == [
        "header 'Q1' is used by 2 columns; read as 'Q1 (column B)', 'Q1 (column D)'"
    ]
    columns = [q["columns"] for q in data["questions"]]
    assert columns == [["Q1 (column B)"], ["Q2"], ["Q1 (column D)"]]


def test_codebook_naming_an_ambiguous_duplicate_header_is_an_error(run_cli, tmp_path):
    path = write_rows(tmp_path / "dup.csv", [["id", "Q1", "Q2", "Q1"], ["1", "Ja", "Nee", "Ja"]])
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("questions:\n  - {id: q1, type: single, column: Q1}\n")
    assert_one_line(
        run_cli("summarize", path, "-c", codebook),
        3,
        f"{path}, column 'Q1', question 'q1': column 'Q1' is ambiguous: the data has 2 columns "
        "with that header (hint: name one of 'Q1 (column B)' or 'Q1 (column D)' in the codebook)",
    )


def test_codebook_column_absent_names_closest_header(run_cli, tmp_path):
    path = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text(
        "questions:\n  - id: grootte\n    type: single\n    column: gemeente_grootte\n"
    )
    assert_one_line(
        run_cli("summarize", path, "--codebook", codebook),
        3,
        f"{path}, column 'gemeente_grootte', question 'grootte': column "
        "'gemeente_grootte' named by the codebook is not in the data "
        "(hint: the closest header is 'gemeentegrootte')",
    )


def test_invalid_codebook_names_question_and_field(run_cli, tmp_path):
    path = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("questions:\n  - id: knelpunten\n    type: mutli\n    items: [a]\n")
    assert_one_line(
        run_cli("summarize", path, "--codebook", codebook),
        3,
        f"{codebook}, question 'knelpunten', field 'type': must be one of multi, "
        "battery, single, scale, numeric, got 'mutli'",
    )


def test_zip_bomb_ratio_is_refused_before_parsing(run_cli, tmp_path):
    path = write_xlsx(tmp_path / "bomb.xlsx", yes_no_rows("dash"))
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w") as stream,
    ):
        for _ in range(120):
            stream.write(b"\x00" * (1024 * 1024))
    result = run_cli("summarize", path)
    assert result.code == 3
    assert "xl/media/padding.bin expands" in result.err
    assert "looks like a zip bomb; refusing to parse it" in result.err


def test_declared_size_limit(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr("monitorkit.io.workbook.MAX_UNCOMPRESSED", 1000)
    path = write_xlsx(tmp_path / "big.xlsx", yes_no_rows("dash"))
    result = run_cli("summarize", path)
    assert result.code == 3
    assert "GiB of uncompressed content" in result.err and "refusing to parse it" in result.err


def test_absurd_used_range_is_refused(run_cli, tmp_path):
    path = write_xlsx(tmp_path / "range.xlsx", yes_no_rows("dash"))
    patched = tmp_path / "patched.xlsx"
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
                assert b"XFD1048576" in data
            target.writestr(info, data)
    result = run_cli("summarize", patched)
    assert_one_line(
        result,
        3,
        f"{patched}, sheet 'Data': the sheet's used range A1:XFD1048576 spans "
        "1,048,576 rows x 16,384 columns (17,179,869,184 cells, limit 50,000,000); "
        "refusing to parse it (hint: delete the empty rows and columns below and "
        "right of the data in Excel, or export the sheet as CSV)",
    )


def test_debug_shows_the_traceback(tmp_path):
    from monitorkit.cli import main
    from monitorkit.errors import InputError

    with pytest.raises(InputError):
        main(["--debug", "summarize", str(tmp_path / "missing.csv")])


def test_never_writes_over_the_input(run_cli, tmp_path):
    path = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    before = path.read_bytes()
    result = run_cli("summarize", path, "--format", "csv", "-o", path)
    assert_one_line(
        result,
        4,
        f"{path}: refusing to write over an input file ({path}) (hint: choose another output "
        "path with -o)",
    )
    assert path.read_bytes() == before


def test_unrecognised_answers_are_reported(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    rows = [
        ["id", "Q: a", "Q: b"],
        ["1", "Ja", "Nee"],
        ["2", "misschien", "Ja"],
        ["3", "Nee", "Ja"],
    ]
    path = write_rows(tmp_path / "odd.csv", rows)
    codebook = tmp_path / "cb.yaml"
    codebook.write_text(
        "questions:\n  - id: q\n    type: battery\n    items:\n"
        "      - {column: 'Q: a', label: a}\n      - {column: 'Q: b', label: b}\n"
    )
    result = run_cli("summarize", path, "-c", codebook)
    assert result.code == 0
    assert (
        "warning: values read as missing because they are not a yes/no answer: 'misschien' (1x)"
        in result.out
    )


def test_ragged_csv_names_the_line(run_cli, tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("id,Q: a,Q: b\n1,Ja,Nee\n2,Ja,Nee,extra,cells\n")
    result = run_cli("summarize", path)
    assert_one_line(
        result,
        3,
        f"{path}: cannot parse the file as ','-delimited text: Error "
        "tokenizing data. C error: Expected 3 fields in line 3, saw 5 "
        "(hint: check the delimiter (pass --delimiter) and quoting)",
    )


def test_wrong_encoding_given(run_cli, tmp_path):
    path = tmp_path / "cp1252.csv"
    path.write_bytes("id;vraag\n1;één\n".encode("cp1252"))
    result = run_cli("summarize", path, "--encoding", "utf-8")
    assert result.code == 3
    assert result.err.startswith(f"monitorkit: error: {path}: cannot decode the file as utf-8: ")
    assert result.err.endswith(
        "(hint: pass the right --encoding (utf-8, utf-8-sig, cp1252, utf-16))\n"
    )


def test_openpyxl_is_the_fallback_when_fastexcel_fails(tmp_path, monkeypatch):
    from monitorkit.api import summarize_survey

    def broken(*args, **kwargs):
        raise RuntimeError("calamine could not parse the sheet")

    monkeypatch.setattr("fastexcel.read_excel", broken)
    summary = summarize_survey(write_xlsx(tmp_path / "book.xlsx", yes_no_rows("dash")))
    assert summary.responses.source.reader == "openpyxl"
    question = summary.questions[0]
    assert [(i.count, i.base) for i in question.items] == [(1, 9), (5, 9), (4, 9)]


def test_quiet_writes_no_messages(run_cli, tmp_path):
    path = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    result = run_cli(
        "summarize", path, "-q", "-o", tmp_path / "out.json", "--charts", tmp_path / "c"
    )
    assert (result.code, result.out, result.err) == (0, "", "")
    assert (tmp_path / "out.json").exists() and (tmp_path / "c").is_dir()


def test_nothing_to_tabulate_says_so(run_cli, tmp_path):
    rows = [["StartDate", "Toelichting"]] + [["2024-01-01", f"lange uitleg {i}"] for i in range(9)]
    path = write_rows(tmp_path / "open.csv", rows)
    assert_one_line(
        run_cli("summarize", path),
        3,
        f"{path}: no questions found: every column is open text, empty or platform "
        "metadata (2 columns) (hint: write a codebook and pass it with --codebook; "
        "'monitorkit codebook infer' shows what was recognised)",
    )


def test_no_input_is_written_over_by_link_or_as_codebook(run_cli, tmp_path):
    import os

    path = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    before = path.read_bytes()
    hard = tmp_path / "hard.csv"
    os.link(path, hard)
    soft = tmp_path / "soft.csv"
    soft.symlink_to(path)
    for target in (hard, soft):
        result = run_cli("summarize", path, "-f", "csv", "-o", target)
        assert result.code == 4 and "refusing to write over an input file" in result.err
    codebook = tmp_path / "cb.yaml"
    assert run_cli("codebook", "infer", path, "-o", codebook).code == 0
    kept = codebook.read_bytes()
    result = run_cli("summarize", path, "-c", codebook, "-f", "csv", "-o", codebook)
    assert result.code == 4 and f"({codebook})" in result.err
    assert codebook.read_bytes() == kept and path.read_bytes() == before


def test_chart_names_from_question_ids_stay_in_the_folder(run_cli, tmp_path):
    path = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    codebook = tmp_path / "cb.yaml"
    assert run_cli("codebook", "infer", path, "-o", codebook).code == 0
    text = codebook.read_text(encoding="utf-8")
    first_id = text.split("- id: ", 1)[1].split("\n", 1)[0]
    codebook.write_text(text.replace(f"- id: {first_id}", "- id: ../../escaped", 1))
    charts = tmp_path / "deep" / "charts"
    result = run_cli("summarize", path, "-c", codebook, "--charts", charts)
    assert result.code == 0, result.err
    names = sorted(p.name for p in charts.iterdir())
    assert "escaped.png" in names and "escaped.svg" in names
    assert all("/" not in name and not name.startswith(".") for name in names)
    assert (
        not (tmp_path / "escaped.png").exists() and not (tmp_path / "deep" / "escaped.png").exists()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--delimiter", ";;"], "--delimiter must be one character, got ';;'"),
        (["--population", "²"], "--population takes a number or 'auto', got '²'"),
    ],
)
def test_odd_option_values_are_usage_errors(run_cli, tmp_path, args, message):
    path = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    result = run_cli("summarize", path, *args)
    assert result.code == 2
    assert result.err.startswith(f"monitorkit: error: {message}")
    assert result.err.count("\n") == 1


def test_yaml_bombs_and_deep_nesting_are_refused_quickly(run_cli, tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(
            f"l{level}: &l{level} ["
            + ", ".join([f"*{'a' if level == 1 else f'l{level - 1}'}"] * 9)
            + "]"
        )
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join([*lines, "instrument: x", "questions: []"]) + "\n")
    deep = tmp_path / "deep.yaml"
    deep.write_text("instrument: x\nq: " + "[" * 200 + "]" * 200 + "\n")
    data = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    result = run_cli("summarize", data, "-c", bomb)
    assert_one_line(
        result,
        3,
        f"{bomb}: not accepted as YAML: more than 20 aliases (*references) "
        "(hint: write the file out plainly)",
    )
    result = run_cli("summarize", data, "-c", deep)
    assert_one_line(
        result,
        3,
        f"{deep}: not accepted as YAML: nested more than 50 levels deep "
        "(hint: write the file out plainly)",
    )


@pytest.mark.slow
def test_a_header_line_beyond_the_csv_field_limit_is_read(run_cli, tmp_path):
    header = ["id", *(f"Vraag {i}: een optie met een lange omschrijving" for i in range(3_000))]
    rows = [header, [1, *["Ja"] * 3_000], [2, *["Nee"] * 3_000]]
    path = write_rows(tmp_path / "wide.csv", rows)
    assert len(",".join(header)) > 131_072  # beyond the csv module's default field limit
    result = run_cli("summarize", path, "-f", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["source"]["rows"] == 2


def test_parquet_list_and_struct_columns_are_read_as_text(run_cli, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from monitorkit.io.readers import read_table

    path = tmp_path / "nested.parquet"
    table = {
        "id": [1, 2, 3],
        "Q: a": ["Ja", "Nee", "Ja"],
        "partners": [["UWV", "GGD"], ["GGD"], []],
        "meta": [{"x": 1}, {"x": 2}, {"x": 3}],
    }
    pq.write_table(pa.table(table), path)
    frame = read_table(path).frame
    partners = list(frame["partners"])
    assert partners[:2] == ["UWV; GGD", "GGD"] and frame["partners"].isna().iloc[2]
    assert list(frame["meta"]) == ['{"x": 1}', '{"x": 2}', '{"x": 3}']
    assert run_cli("summarize", path).code == 0


def test_an_output_folder_that_cannot_be_made_is_an_output_error(run_cli, tmp_path):
    data = write_rows(tmp_path / "data.csv", yes_no_rows("dash"))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("summarize", data, "--charts", blocker / "charts", "-q")
    assert result.code == 4
    assert result.err.startswith(f"monitorkit: error: {blocker / 'charts'}: could not create")
    assert result.err.count("\n") == 1


def test_one_far_cell_is_refused_before_the_reader_allocates_its_range(run_cli, tmp_path):
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    rows += '<row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    rows += '<row r="1048576"><c r="XFD1048576" t="s"><v>1</v></c></row>'
    path = write_raw_xlsx(tmp_path / "far.xlsx", rows, ["id", "Ja"])
    assert path.stat().st_size < 2500
    result = run_cli("summarize", path)
    assert_refused(
        result,
        f"monitorkit: error: {path}, sheet 'Sheet1': the sheet's cells span 1,048,576 rows x "
        "16,384 columns (17,179,869,184 cells, limit 50,000,000); refusing to parse it",
    )


def test_a_huge_shared_string_used_by_many_cells_is_refused(run_cli, tmp_path):
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    rows += "".join(f'<row r="{i}"><c r="A{i}" t="s"><v>1</v></c></row>' for i in range(2, 2002))
    path = write_raw_xlsx(tmp_path / "sst.xlsx", rows, ["vraag", "x" * 2_000_000])
    result = run_cli("summarize", path)
    assert_refused(
        result,
        f"monitorkit: error: {path}, sheet 'Sheet1': reading the sheet would take about "
        "11.2 GiB of memory (52,026 cells spanned, 3.7 GiB of shared text referred to; limit "
        "3.0 GiB); refusing to parse it",
    )


def test_a_zip_directory_that_lies_about_sizes_is_called_damaged(run_cli, tmp_path):
    import struct

    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    rows += "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(2, 20000))
    data = bytearray(write_raw_xlsx(tmp_path / "honest.xlsx", rows, ["id"]).read_bytes())
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = data.find(signature)
        while start >= 0:
            struct.pack_into("<I", data, start + offset, 1000)  # uncompressed size: 1000
            start = data.find(signature, start + 4)
    path = tmp_path / "lies.xlsx"
    path.write_bytes(bytes(data))
    result = run_cli("summarize", path)
    assert_refused(
        result,
        f"monitorkit: error: {path}: the workbook is damaged: member xl/worksheets/sheet1.xml "
        "does not match its zip directory",
    )


def test_an_ods_repeat_bomb_is_refused(run_cli, tmp_path):
    import zipfile

    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="Blad1">'
        f"<table:table-row>{cell.format('id')}{cell.format('vraag')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1000000">'
        + cell.format("Ja").replace(
            "<table:table-cell ", '<table:table-cell table:number-columns-repeated="16000" '
        )
        + "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    path = tmp_path / "bomb.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    assert path.stat().st_size < 1000
    result = run_cli("summarize", path)
    assert_refused(
        result,
        f"monitorkit: error: {path}: the spreadsheet's repeated rows and cells span 1,000,001 "
        "rows x 16,000 columns (limit 50,000,000 cells); refusing to parse it",
    )


def test_a_parquet_text_bomb_is_refused_before_it_is_decoded(run_cli, tmp_path):
    """One 200 KB text referred to by 100,000 rows: 19 GiB once decoded, from a small file."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = 100_000
    text = pa.DictionaryArray.from_arrays(
        pa.array(np.zeros(rows, dtype=np.int32)), pa.array(["x" * 200_000])
    )
    path = tmp_path / "bomb.parquet"
    pq.write_table(pa.table({"id": np.arange(rows), "vraag": text}), path, compression="zstd")
    assert path.stat().st_size < 1_000_000
    assert_refused(
        run_cli("summarize", path),
        f"monitorkit: error: {path}: reading the file would take about 55.9 GiB of memory "
        "(200,000 values, 18.6 GiB of text once decoded; limit 3.0 GiB); refusing to read it",
    )


def test_a_hidden_first_sheet_and_excel_error_values_are_said(run_cli, tmp_path):
    """Excel writes #N/A as an error cell (t="e"); the readers make it a blank. The blank
    is kept out of the base, and the warning names the cells; a hidden first sheet is
    passed over for the first visible one, and said so."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["id", "Heeft u een wijkteam?"])
    for number in range(1, 8):
        sheet.append([number, "Ja" if number % 2 else "Nee"])
    for row, error in ((4, "#N/A"), (6, "#DIV/0!")):
        sheet.cell(row, 2).value = error
        sheet.cell(row, 2).data_type = "e"
    hidden = book.create_sheet("Verborgen", 0)
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    path = tmp_path / "errors.xlsx"
    book.save(path)
    result = run_cli("summarize", path, "-f", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["source"]["sheet"] == "Data"
    assert data["warnings"] == [
        "the first sheet 'Verborgen' is hidden: read 'Data', the first visible sheet "
        "(--sheet chooses another)",
        "2 cell(s) hold Excel error values, read as missing: B4 (#N/A), B6 (#DIV/0!)",
    ]
    assert data["questions"][0]["base"] == 5


def test_a_typo_in_a_yes_no_set_is_named_and_the_item_stays_in_its_question(run_cli, tmp_path):
    rows = [["id", "Partners: UWV", "Partners: GGD", "Partners: Politie"]]
    rows += [[i, "Ja" if i % 2 else "Nee", "Nee" if i % 3 else "Ja", "Ja"] for i in range(20)]
    rows[5][2] = "Jaa"
    rows[9][3] = "Ja\x00"
    path = write_rows(tmp_path / "typo.csv", rows)
    data = json.loads(run_cli("summarize", path, "-f", "json").out)
    (partners,) = data["questions"]
    assert (partners["type"], partners["columns"]) == (
        "multi",
        ["Partners: UWV", "Partners: GGD", "Partners: Politie"],
    )
    ggd, politie = partners["items"][1:]
    assert (ggd["label"], ggd["count"], ggd["base"]) == ("GGD", 7, 20)
    assert (politie["count"], politie["base"]) == (19, 20)
    assert partners["warnings"] == [
        "values read as missing because they are not a yes/no answer: 'Jaa' (1x), "
        "'Ja\x00' (1x) (row 6, column 'Partners: GGD'; row 10, column 'Partners: Politie')"
    ]
