"""Reports: self-contained HTML, Markdown with charts, xlsx; the same bytes every run."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def wijkteams_report(tmp_path_factory):
    from monitorkit.api import build_report

    folder = tmp_path_factory.mktemp("report")
    build_report(["wijkteams-2014", "wijkteams-2015"], folder, allow_unit_mismatch=True)
    return folder


def test_html_is_self_contained_with_every_question(wijkteams_report):
    html = (wijkteams_report / "report.html").read_text()
    assert not re.search(r"<(link|script|img|iframe)\b", html)
    assert not re.search(r'(src|href)="(?!#)|url\((?!#)', html)  # nothing fetched
    # 2014: 1 question; 2015: 10 with bars (aantal_teams is numeric); 1 slope chart;
    # each drawn for a page and for a phone
    assert html.count('<div class="chart-wide"><svg') == 12
    assert html.count('<div class="chart-narrow"><svg') == 12
    assert html.count("<svg") == 24
    assert "Werkt de gemeente met sociale (wijk)teams?" in html
    assert "RECONSTRUCTED DATA" in html and "Assumption: The 2014 peiling" in html
    assert "54.9% (112/204)" in html and "-27.3 to -8.5" in html
    assert "Base: respondents who answered the set (any item not missing)." in html
    assert '<meta name="viewport"' in html and "@media print" in html


def test_markdown_links_charts_that_exist(wijkteams_report):
    markdown = (wijkteams_report / "report.md").read_text()
    links = re.findall(r"\]\((charts/[^)]+\.png)\)", markdown)
    assert len(links) == 12
    assert all((wijkteams_report / link).exists() for link in links)
    assert sorted(p.name for p in wijkteams_report.iterdir()) == [
        ".monitorkit-report",
        "charts",
        "comparison.xlsx",
        "report-2014.xlsx",
        "report-2015.xlsx",
        "report.html",
        "report.md",
    ]


def test_same_inputs_give_the_same_bytes(run_cli, tmp_path):
    for folder in ("a", "b"):
        assert run_cli("report", "divosa-monitor-2011", "-o", tmp_path / folder, "-q").code == 0
    first = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    assert [str(p) for p in first] == [
        ".monitorkit-report",
        "charts/divosa-monitor-2011-financiering_wmo.png",
        "charts/divosa-monitor-2011-financiering_wwb.png",
        "charts/divosa-monitor-2011-knelpunten.png",
        "charts/divosa-monitor-2011-koppelingen_wmo.png",
        "charts/divosa-monitor-2011-samenwerkingspartners.png",
        "report.html",
        "report.md",
        "report.xlsx",
    ]
    for relative in first:
        assert (tmp_path / "a" / relative).read_bytes() == (tmp_path / "b" / relative).read_bytes()


def test_report_config_selects_and_orders_questions(run_cli, tmp_path):
    config = tmp_path / "report.yaml"
    config.write_text(
        "title: Knelpunten en partners\nquestions: [samenwerkingspartners, "
        "knelpunten]\nlocale: nl\n"
    )
    assert (
        run_cli(
            "report", "divosa-monitor-2011", "-o", tmp_path / "r", "--config", config, "-q"
        ).code
        == 0
    )
    markdown = (tmp_path / "r" / "report.md").read_text()
    assert markdown.startswith("# Knelpunten en partners")
    headings = re.findall(r"^### (.+)$", markdown, flags=re.M)
    assert headings == [
        "Samenwerkingspartners bij integraal beleid [meerkeuze, basis 95]",
        "Knelpunten bij integraal beleid [meerkeuze, basis 95]",
    ]
    assert "| Wij ervaren geen knelpunten | 6 | 95 | 6,3 % | 2,9–13,1 |" in markdown
    assert "| Item | n | Basis | % | 95%-BI |" in markdown
    assert (
        "Basis: respondenten die de vraag beantwoordden (minstens één item niet leeg)." in markdown
    )
    config.write_text("questions: [nope]\n")
    result = run_cli("report", "divosa-monitor-2011", "-o", tmp_path / "s", "--config", config)
    assert result.code == 2
    assert "unknown question id(s): nope" in result.err


@pytest.mark.slow
def test_make_report_twice_changes_nothing(tmp_path):
    """Runs the Makefile's report recipe twice into two folders and compares every byte."""
    import subprocess
    import sys
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text()
    recipe = makefile.split("\nreport:", 1)[1].split("\n\n", 1)[0]
    commands = [
        line.strip() for line in recipe.splitlines()[1:] if line.startswith("\t$(BIN)/monitorkit")
    ]
    assert len(commands) == 4
    for run in ("one", "two"):
        folder = tmp_path / run
        folder.mkdir()
        for command in commands:
            command = command.replace("$(BIN)/monitorkit", f"{sys.executable} -m monitorkit")
            command = command.replace("$$?", "$?").replace("reports/", f"{folder}/")
            subprocess.run(command, shell=True, check=True, cwd=folder)
    files = sorted(
        p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file()
    )
    assert len(files) > 20
    for relative in files:
        assert (tmp_path / "one" / relative).read_bytes() == (
            tmp_path / "two" / relative
        ).read_bytes(), relative


def test_no_progress_on_a_pipe_and_nothing_when_quiet(run_cli, tmp_path):
    piped = run_cli("report", "divosa-monitor-2011", "-o", tmp_path / "a")
    assert (piped.code, piped.out, piped.err) == (0, "", f"wrote 8 files to {tmp_path / 'a'}\n")
    quiet = run_cli("report", "divosa-monitor-2011", "-o", tmp_path / "b", "-q")
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")


def test_unrelated_files_are_not_compared_as_waves_by_accident(run_cli, tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("Vraag A\nJa\nNee\nJa\n", encoding="utf-8")
    second.write_text("Vraag B\nJa\nJa\nNee\n", encoding="utf-8")
    result = run_cli("report", first, second, "-o", tmp_path / "report")
    assert result.code == 2
    assert result.err == (
        "monitorkit: error: the waves share no question "
        "(hint: use --no-compare for files that are not waves of one survey)\n"
    )
    result = run_cli("report", first, second, "--no-compare", "-o", tmp_path / "report", "-q")
    assert result.code == 0, result.err
    assert "Vraag B" in (tmp_path / "report" / "report.md").read_text(encoding="utf-8")


def test_a_report_never_touches_what_it_did_not_write(run_cli, tmp_path):
    """The input in the output folder, the user's own charts and a link are left alone."""
    import pandas as pd

    from monitorkit.io.datasets import resolve_input

    folder = tmp_path / "out"
    (folder / "charts").mkdir(parents=True)
    own = folder / "charts" / "mine.png"
    own.write_bytes(b"the user's own chart")
    survey = folder / "report.xlsx"
    pd.read_csv(resolve_input("wijkteams-2015")).to_excel(survey, index=False)
    before = survey.read_bytes()
    result = run_cli("report", survey, "-o", folder, "-q")
    assert result.code == 4
    assert result.err == (
        f"monitorkit: error: {survey}: refusing to write over an input file ({survey}) "
        "(hint: choose another output path with -o)\n"
    )
    assert survey.read_bytes() == before
    assert sorted(p.name for p in folder.rglob("*")) == ["charts", "mine.png", "report.xlsx"]
    survey.rename(tmp_path / "survey.xlsx")
    assert run_cli("report", tmp_path / "survey.xlsx", "-o", folder, "-q").code == 0
    assert own.read_bytes() == b"the user's own chart"
    written = (folder / ".monitorkit-report").read_text().splitlines()
    assert "report.html" in written and "charts/mine.png" not in written
    link = tmp_path / "linked"
    (link / "elsewhere").mkdir(parents=True)
    (link / "charts").symlink_to(link / "elsewhere")
    linked = run_cli("report", tmp_path / "survey.xlsx", "-o", link, "-q")
    assert linked.code == 4 and "the report's charts folder is a link or a file" in linked.err
    assert list((link / "elsewhere").iterdir()) == []


def test_a_rebuilt_report_removes_only_its_own_stale_charts(run_cli, tmp_path):
    folder = tmp_path / "out"
    assert run_cli("report", "divosa-monitor-2011", "-o", folder, "-q").code == 0
    stale = folder / "charts" / "divosa-monitor-2011-gone.png"
    stale.write_bytes(b"x")
    manifest = folder / ".monitorkit-report"
    manifest.write_text(manifest.read_text() + "charts/divosa-monitor-2011-gone.png\n../../etc\n")
    assert run_cli("report", "divosa-monitor-2011", "-o", folder, "-q").code == 0
    assert not stale.exists()
    assert "charts/divosa-monitor-2011-gone.png" not in manifest.read_text()


def test_an_unknown_locale_in_the_report_config_is_a_usage_error(run_cli, tmp_path):
    config = tmp_path / "report.yaml"
    config.write_text("locale: fr\n")
    result = run_cli("report", "divosa-monitor-2011", "-o", tmp_path / "out", "--config", config)
    assert result.code == 2
    assert result.err == "monitorkit: error: unknown locale 'fr' (hint: choose one of en, nl)\n"


def test_html_keeps_numbers_whole_shows_scrolling_and_prints_cleanly(wijkteams_report):
    """The structure a browser needs: checked in the HTML, without running a browser."""
    html = (wijkteams_report / "report.html").read_text()
    style = html.split("<style>")[1].split("</style>")[0]
    assert "td { text-align: right; white-space: nowrap; }" in style
    assert ".table-wrap { overflow-x: auto;" in style and "no-repeat local" in style
    # the hint runs on the table's scroll timeline: shown only while the table scrolls
    assert ".table-block .table-wrap { scroll-timeline: --table inline; }" in style
    assert "animation: scrolls linear both; animation-timeline: --table;" in style
    screen = style.split("@media screen and (max-width: 44.99em)")[1].split("}\n@media")[0]
    assert ".chart-wide { display: none; }" in screen
    assert ".chart-narrow { display: block; }" in screen
    printed = style.split("@media print")[1]
    for rule in (
        ".part > h2 { break-before: page; }",
        "thead { display: table-header-group; }",
        "figure, .table-block, tr, .notice, .findings li, h2, h3, h4 { break-inside: avoid; }",
        "footer { break-before: avoid; }",
    ):
        assert rule in printed
    # every id once on the page, each chart's own (a hidden chart's glyphs are not shared)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)) > 1000
    assert 'id="comparison-medewerker-wi-narrow-' in html
    # an interval's en dash and the '<' of 'p < 0.001' never start a new line
    assert "95% CI 82.3\u2060–\u206090.9" in html and "p\u00a0&lt;\u00a00.001" in html


def test_keep_numbers_joins_what_must_stay_on_one_line():
    from monitorkit.render.report import keep_numbers

    assert keep_numbers("-27,3 tot -8,5; p < 0,001; 54,9 % (n = 204)") == (
        "-27,3\u00a0tot\u00a0-8,5; p\u00a0<\u00a00,001; 54,9\u00a0% (n\u00a0=\u00a0204)"
    )
    assert keep_numbers("63.6–72.4 and 2014–2015 to be; -18.1 pp; 3 ppm") == (
        "63.6\u2060–\u206072.4 and 2014\u2060–\u20602015 to be; -18.1\u00a0pp; 3 ppm"
    )
