"""Key findings: the largest shares, significant group differences and wave changes a report
opens with, from the bundled datasets, each linked to its table."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def by_size():
    from monitorkit.api import summarize_survey

    return summarize_survey("wijkteams-2015", by="gemeentegrootte")


def test_group_differences_are_the_significant_items_lowest_p_first(by_size):
    from monitorkit.api import key_findings

    differences = [f for f in key_findings(by_size) if f.kind == "difference"]
    assert [(f.question, f.subject, f.detail) for f in differences] == [
        ("aantal_teams", "Aantal teams", "mean G32 8.00 vs overig 2.00 (p < 0.001)"),
        (
            "richten_zich_op",
            "Teams richten zich op (werk en inkomen): "
            "Teams richten zich op participatiebevordering",
            "G32 10.0% vs overig 67.4% (p < 0.001)",
        ),
        (
            "afspraken",
            "Afspraken met het team: Afspraken met het team over de werkzaamheden (output)",
            "G32 45.8% vs overig 18.9% (p = 0.003)",
        ),
    ]
    assert differences[1].p == pytest.approx(0.000657, abs=1e-6)


def test_largest_shares_take_each_questions_top_item_but_not_the_by_question(by_size):
    from monitorkit.api import key_findings

    shares = [f for f in key_findings(by_size) if f.kind == "share"]
    assert [(f.question, round(f.value or 0, 1)) for f in shares] == [
        ("teamvorm", 90.2),
        ("werkt_met_wijkteams", 87.2),
        ("richten_zich_op", 75.5),
        ("afspraken", 68.1),
        ("taken_wi", 50.0),
    ]
    # a question of one item is named by its item; the interval is the table's
    assert shares[1].text == "Gemeenten die met sociale wijkteams werken: 87.2% (95% CI 82.3–90.9)"


def test_changes_between_waves_in_english_and_dutch():
    from monitorkit.api import compare_waves, key_findings

    comparison = compare_waves(
        ["wijkteams-2014", "wijkteams-2015"], population="auto", allow_unit_mismatch=True
    )
    (change,) = key_findings(comparison)
    assert change.kind == "change" and change.question == "medewerker_wi"
    assert change.detail == (
        "54.9% (2014) → 36.8% (2015): -18.1 pp (95% CI -24.4 to -11.7; p < 0.001)"
    )
    (dutch,) = key_findings(comparison, "nl")
    assert dutch.detail == (
        "54,9 % (2014) → 36,8 % (2015): -18,1 %-punt (95%-BI -24,4 tot -11,7; p < 0,001)"
    )


def test_no_significant_difference_is_said_not_left_blank(run_cli, tmp_path):
    assert run_cli("report", "divosa-monitor-2011", "-o", tmp_path, "-q").code == 0
    markdown = (tmp_path / "report.md").read_text()
    findings = markdown.split("## Key findings", 1)[1].split('<a id="', 1)[0]
    assert re.findall(r"^- \[(.+?)\]", findings, flags=re.M) == [
        "Financiering voor integrale projecten vanuit de Wwb: Participatiebudget",
        "Financiering voor integrale projecten vanuit de Wmo: Participatiebudget",
        "Samenwerkingspartners bij integraal beleid: Welzijnsinstellingen",
        "Knelpunten bij integraal beleid: Inzetbaarheid en capaciteiten van Wwb-ers",
        "Koppelingen vanuit de Wmo: Inzet Wwb-ers om de leefbaarheid te verbeteren",
    ]
    assert "Significant differences" not in findings  # no --by, no such list


def _grouped_survey(path, differ: bool):
    """40 gemeenten in two groups answering ten yes/no items: every item splits the
    groups completely, or none does."""
    from exports import write_rows

    header = ["id", "groep", *[f"Partners: Partner {i}" for i in range(10)]]
    rows = []
    for n in range(40):
        group = "a" if n < 20 else "b"
        answer = ("Ja" if group == "a" else "Nee") if differ else ("Ja" if n % 2 else "Nee")
        rows.append([n, group, *[answer] * 10])
    return write_rows(path, [header, *rows])


def test_a_long_list_stops_and_counts_the_rest_and_none_is_said(run_cli, tmp_path):
    split = _grouped_survey(tmp_path / "split.csv", differ=True)
    assert run_cli("report", split, "--by", "groep", "-o", tmp_path / "a", "-q").code == 0
    markdown = (tmp_path / "a" / "report.md").read_text()
    differences = markdown.split("**Significant differences between groups**")[1]
    differences = differences.split("Each question's largest share")[0]
    assert len(re.findall(r"^- \[", differences, flags=re.M)) == 8
    assert "2 more in the tables below." in differences
    same = _grouped_survey(tmp_path / "same.csv", differ=False)
    assert run_cli("report", same, "--by", "groep", "-o", tmp_path / "b", "-q").code == 0
    markdown = (tmp_path / "b" / "report.md").read_text()
    assert "**Significant differences between groups**\n\nNone is significant at 5%." in markdown


def test_report_opens_with_findings_that_link_to_their_tables(run_cli, tmp_path):
    folder = tmp_path / "r"
    args = ["report", "wijkteams-2015", "--by", "gemeentegrootte", "-o", folder, "-q"]
    assert run_cli(*args, "--locale", "nl").code == 0
    html = (folder / "report.html").read_text()
    assert html.index('id="key-findings"') < html.index('<section class="part"')
    findings = html.split('id="key-findings"')[1].split("</section>")[0]
    links = re.findall(r'<li><a href="#([^"]+)">', findings)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(links) == 8 and set(links) <= set(ids)
    assert "wijkteams-2015-richten-zich-op" in links
    assert "<h2>Belangrijkste uitkomsten</h2>" in html and "<h4>Grootste aandelen</h4>" in html
    assert "G32 10,0\u00a0% tegenover overig 67,4\u00a0% (p\u00a0<\u00a00,001)" in html.replace(
        "&lt;", "<"
    )
    markdown = (folder / "report.md").read_text()
    assert markdown.index("## Belangrijkste uitkomsten") < markdown.index("## wijkteams-2015")
    targets = re.findall(r"\]\(#([^)]+)\)", markdown)
    anchors = re.findall(r'^<a id="([^"]+)"></a>$', markdown, flags=re.M)
    assert len(targets) == 8 and set(targets) <= set(anchors)
    assert "**Significante verschillen tussen groepen**" in markdown


def test_question_ids_that_read_alike_get_their_own_anchor(run_cli, tmp_path):
    from exports import write_rows
    from monitorkit.render.report import ReportQuestion, _question_anchor

    first = ReportQuestion("Q_1", "", [], [], anchor=_question_anchor("p", "Q_1", []))
    assert first.anchor == "p-q-1"
    assert _question_anchor("p", "q-1", [first]) == "p-q-1-2"
    path = write_rows(tmp_path / "s.csv", [["id", "Vraag"], [1, "Ja"], [2, "Nee"]])
    assert run_cli("report", path, "-o", tmp_path / "r", "-q").code == 0
    html = (tmp_path / "r" / "report.html").read_text()
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
