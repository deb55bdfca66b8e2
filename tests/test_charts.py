"""Charts that fit their content: height per bar, compact one-item charts, value labels,
legends beside the data, no whisker on an empty bar, and text of 9 pt or more at the
size each layout is shown (a page or desktop column; a 390 px phone)."""

from __future__ import annotations

import pytest

from monitorkit.results import GroupEstimate, ItemEstimate, QuestionResult

#: The narrowest content a phone of 390 CSS px gives a chart (0.75rem padding each side),
#: and an A4 page between 12 mm margins, in inches (96 CSS px to the inch).
PHONE = (390 - 2 * 12) / 96
A4 = (210 - 2 * 12) / 25.4


@pytest.fixture(scope="module")
def divosa():
    from monitorkit.api import summarize_survey

    return {q.id: q for q in summarize_survey("divosa-monitor-2011").questions}


@pytest.fixture(scope="module")
def by_size():
    from monitorkit.api import summarize_survey

    return {q.id: q for q in summarize_survey("wijkteams-2015", by="gemeentegrootte").questions}


def _figures(divosa, by_size):
    from monitorkit.api import compare_waves
    from monitorkit.render.charts import question_figure, slope_figure

    comparison = compare_waves(["wijkteams-2014", "wijkteams-2015"], allow_unit_mismatch=True)
    questions = [divosa["samenwerkingspartners"], by_size["afspraken"]]
    questions.append(by_size["werkt_met_wijkteams"])
    for narrow in (False, True):
        for question in questions:
            yield narrow, question_figure(question, "x", "nl", narrow=narrow)
        yield narrow, slope_figure(comparison, comparison.questions[0], "nl", narrow=narrow)


def _texts(figure):
    from matplotlib.text import Text

    return [t for t in figure.findobj(Text) if t.get_text().strip() and t.get_visible()]


def test_every_chart_text_is_9_pt_or_more_at_the_size_it_is_shown(divosa, by_size):
    import matplotlib.pyplot as plt

    for narrow, figure in _figures(divosa, by_size):
        width = figure.get_size_inches()[0]
        assert width <= (PHONE if narrow else A4)  # shown at its own size, never shrunk
        sizes = {t.get_text(): t.get_fontsize() for t in _texts(figure)}
        assert min(sizes.values()) >= 9, sizes
        plt.close(figure)


def test_height_follows_the_bars_and_one_item_is_compact(divosa):
    import matplotlib.pyplot as plt

    from monitorkit.render.charts import question_figure

    figures = {
        name: question_figure(divosa[name])
        for name in ("samenwerkingspartners", "knelpunten", "financiering_wwb")
    }
    heights = {name: f.get_size_inches()[1] for name, f in figures.items()}
    # 8, 7 and 3 options: each bar adds its own height, nothing else does
    assert heights["samenwerkingspartners"] > heights["knelpunten"] > heights["financiering_wwb"]
    one = QuestionResult(
        "q", "Werkt de gemeente met teams?", "battery", ("q",), 234, "valid",
        items=(ItemEstimate("Gemeenten met teams", 204, 234, 87.2, 82.3, 90.9),),
    )  # fmt: skip
    compact = question_figure(one)
    width, height = compact.get_size_inches()
    assert width < figures["financiering_wwb"].get_size_inches()[0] and height < 2
    (bar,) = compact.axes[0].patches
    assert bar.get_width() == pytest.approx(87.2)
    for figure in [*figures.values(), compact]:
        plt.close(figure)


def _grouped_question() -> QuestionResult:
    """Two groups, the second with no one choosing the first item."""
    items = (
        ItemEstimate("Welzijn", 6, 20, 30.0, 14.5, 51.9),
        ItemEstimate("Zorg", 8, 20, 40.0, 21.9, 61.3),
    )
    groups = (
        GroupEstimate("G32", 10, (items[0], ItemEstimate("Zorg", 3, 10, 30.0, 10.8, 60.3))),
        GroupEstimate(
            "overig",
            10,
            (ItemEstimate("Welzijn", 0, 10, 0.0, 0.0, 27.8), items[1]),
        ),
    )
    return QuestionResult(
        "partners", "Partners", "multi", ("a", "b"), 20, "any", items=items, groups=groups
    )


@pytest.mark.parametrize("narrow", [False, True])
def test_grouped_bars_have_value_labels_the_legend_above_and_no_whisker_on_zero(narrow):
    import matplotlib.pyplot as plt
    from matplotlib.container import ErrorbarContainer

    from monitorkit.render.charts import question_figure

    figure = question_figure(_grouped_question(), narrow=narrow)
    axes = figure.axes[0]
    figure.canvas.draw()
    values = sorted(t.get_text() for t in axes.texts if t.get_text().endswith("%"))
    assert values == ["0%", "30%", "30%", "40%"]
    whiskers = [c for c in axes.containers if isinstance(c, ErrorbarContainer)]
    assert len(whiskers) == 3  # the 0% bar of 'overig' has none
    renderer = figure.canvas.get_renderer()
    legend = axes.get_legend().get_window_extent(renderer)
    plot = axes.get_window_extent(renderer)
    assert legend.y0 >= plot.y1 - 1  # above the plot: it covers no bar
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["G32 (n=10)", "overig (n=10)"]
    plt.close(figure)


def test_the_phone_layout_puts_labels_above_their_bars(divosa):
    import matplotlib.pyplot as plt

    from monitorkit.render.charts import question_figure

    figure = question_figure(divosa["samenwerkingspartners"], narrow=True)
    axes = figure.axes[0]
    assert axes.get_yticks().size == 0
    labels = {t.get_text(): t.get_position()[1] for t in axes.texts}
    bars = sorted((p.get_width(), p.get_y() + p.get_height()) for p in axes.patches)
    top_bar = bars[-1]  # Welzijnsinstellingen, 73.7%
    assert top_bar[0] == pytest.approx(73.68, abs=0.01)
    assert labels["Welzijnsinstellingen"] >= top_bar[1]
    plt.close(figure)


@pytest.mark.parametrize("narrow", [False, True])
def test_slope_labels_of_close_lines_never_overlap(tmp_path, narrow):
    """Five partners within a few points of each other: their values and names are
    pushed apart instead of printed over each other."""
    import matplotlib.pyplot as plt

    from exports import write_rows
    from monitorkit.api import compare_waves
    from monitorkit.render.charts import slope_figure

    yes = {"2014": [14, 13, 11, 10, 6], "2016": [14, 14, 11, 9, 4]}
    paths = []
    for year, counts in yes.items():
        header = ["id", *[f"Partners: Partner {name}" for name in "ABCDE"]]
        rows = [[n, *["Ja" if n < c else "Nee" for c in counts]] for n in range(20)]
        paths.append(write_rows(tmp_path / f"p_{year}.csv", [header, *rows]))
    comparison = compare_waves(paths)
    figure = slope_figure(comparison, comparison.questions[0], narrow=narrow)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts]
    assert len(boxes) == 10 + (0 if narrow else 5)  # values per wave (+ the line names)
    for first in range(len(boxes)):
        for second in range(first + 1, len(boxes)):
            assert not boxes[first].overlaps(boxes[second])
    plt.close(figure)


def test_a_question_with_hundreds_of_answers_gets_the_largest_and_the_rest_summed():
    """345 municipalities: 19 bars of the largest and 'Other (326)' holding the rest, whose
    count and share are the sums; a multi-select question keeps its 20 largest items."""
    from dataclasses import replace

    from monitorkit.render.charts import MAX_BARS, fitted
    from monitorkit.results import ItemEstimate, QuestionResult

    items = tuple(
        ItemEstimate(f"Gemeente {i:03d}", count, 3450, 100 * count / 3450, None, None)
        for i, count in enumerate([50] * 5 + [10] * 340)
    )
    single = QuestionResult("gemeente", "Gemeente", "single", ("gemeente",), 3450, "", items)
    shown = fitted(single)
    assert len(shown.items) == MAX_BARS
    assert [item.count for item in shown.items[:5]] == [50] * 5
    other = shown.items[-1]
    assert other.label == "Other (326)" and other.count == 3260
    assert other.percent == pytest.approx(100 * 3260 / 3450)
    assert other.ci_low is not None and other.ci_low < other.percent < other.ci_high
    assert fitted(single, "nl").items[-1].label == "Overige (326)"
    multi = fitted(replace(single, type="multi"))
    assert len(multi.items) == MAX_BARS and all(i.label != "Other (326)" for i in multi.items)
    few = replace(single, items=items[:MAX_BARS])
    assert fitted(few) is few
