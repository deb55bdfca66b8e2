"""Wave-to-wave comparison of the same questions (independent samples).

Questions are matched by codebook id, items by column and else by label, so
waves whose exports name columns differently still line up. Per item: count,
base and percent per wave, the difference in percentage points (later minus
earlier) with a 95% Newcombe hybrid score interval, and a two-sided pooled
two-proportion z-test, both from statsmodels.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from monitorkit.errors import Location, UsageError
from monitorkit.io.datasets import public_provenance
from monitorkit.results import (
    Change,
    ItemChange,
    ItemEstimate,
    PairedTable,
    QuestionChange,
    QuestionResult,
    TestResult,
    WaveCell,
    json_value,
)
from monitorkit.stats.estimates import Summary, item_states, survey_year
from monitorkit.stats.municipalities import (
    KEY_VALUE_SHARE,
    Mergers,
    find_key_column,
    normalise_code,
    read_mergers,
    share_of_valid_codes,
)
from monitorkit.stats.population import Population
from monitorkit.vocabulary import SELECTED, distinct, normalise

DIFF_INTERVAL = "Newcombe hybrid score"
DIFF_TEST = "two-proportion z-test (pooled, two-sided)"
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


def wave_labels(paths: list[str], labels: str | None = None) -> list[str]:
    """From --labels, else the first four-digit year in each file name, else the file stem."""
    if labels:
        given = [label.strip() for label in labels.split(",")]
        if len(given) != len(paths):
            raise UsageError(
                f"--labels names {len(given)} waves for {len(paths)} files",
                hint="give one label per file, e.g. --labels 2014,2015",
            )
        return given
    names = []
    for path in paths:
        stem = Path(path).stem
        year = _YEAR.search(stem)
        names.append(year.group(0) if year else stem)
    if len(set(names)) < len(names):
        return [Path(path).stem for path in paths]
    return names


#: Stand-in for the infinite effective size of a census wave next to a sampled one.
CENSUS_N = 1e9


def difference(
    count_a: int,
    base_a: int,
    count_b: int,
    base_b: int,
    population_a: Population | None = None,
    population_b: Population | None = None,
) -> Change:
    """B minus A in percentage points, with Newcombe's interval and the pooled z-test.

    With known populations both use each wave's effective sample size
    n / ((N - n) / (N - 1)); two census waves differ without sampling error.
    """
    if not base_a or not base_b:
        return Change(None, None, None)
    size_a = population_a.effective_n(base_a) if population_a else base_a
    size_b = population_b.effective_n(base_b) if population_b else base_b
    return difference_of_shares(count_a / base_a, size_a, count_b / base_b, size_b)


def difference_of_shares(
    share_a: float, size_a: float, share_b: float, size_b: float, confidence: float = 0.95
) -> Change:
    """The same from shares and (effective) sample sizes, which may be weighted or infinite."""
    from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

    if not size_a or not size_b:
        return Change(None, None, None)
    diff = 100 * (share_b - share_a)
    if size_a == size_b == float("inf"):
        census = "two census waves: no sampling error"
        return Change(diff, (diff, diff), TestResult(DIFF_TEST, None, note=census))
    size_a, size_b = min(size_a, CENSUS_N), min(size_b, CENSUS_N)
    low, high = confint_proportions_2indep(
        share_b * size_b,
        size_b,
        share_a * size_a,
        size_a,
        method="newcomb",
        compare="diff",
        alpha=1 - confidence,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        _, statistic_p = proportions_ztest([share_b * size_b, share_a * size_a], [size_b, size_a])
    p = json_value(statistic_p)
    note = None if p is not None else "no variation: the same 0% or 100% in both waves"
    return Change(
        diff,
        (json_value(low * 100), json_value(high * 100)),
        TestResult(DIFF_TEST, p, note=note),
    )


PAIRED_TEST = "McNemar exact"


def mcnemar_exact(table: list[list[int]]) -> float:
    """Exact McNemar p-value (statsmodels) for a 2x2 table of earlier x later answers."""
    from statsmodels.stats.contingency_tables import mcnemar

    return float(mcnemar(np.asarray(table), exact=True).pvalue)


@dataclass
class Panel:
    """Which respondents are the same municipality in the first and the last wave."""

    keys: list[str]
    rows: list[tuple[int, int]]
    warnings: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"keys": self.keys, "matched": len(self.rows), "warnings": self.warnings}


def _wave_codes(
    summary: Summary, key: str | None, mergers: Mergers | None, warnings_out: list[str], label: str
) -> tuple[str | None, dict[str, int]]:
    """Code -> row position for one wave; duplicated and ambiguous codes left out."""
    raw = summary.responses.raw
    column = key if key and key in raw.frame.columns else None
    if key and column is None:
        raise UsageError(
            f"--key column '{key}' is not in wave {label}",
            Location(raw.source.path),
            "pass the column that holds the codes",
        )
    year = survey_year(summary.responses)
    column = column or find_key_column(raw.frame, raw.labels, year)
    if column is None:
        return None, {}
    values = distinct(raw.frame[column])
    municipal = share_of_valid_codes(values.values, year) >= KEY_VALUE_SHARE
    identity = normalise_code if municipal else _person_key
    per_value = np.array([identity(v) for v in values.values] or [None], dtype=object)
    codes = values.spread(per_value[: len(values.values)], None)
    forward = (
        codes
        if mergers is None or not municipal
        else np.array([mergers.forward(c) if c else None for c in codes], dtype=object)
    )
    positions: dict[str, list[int]] = {}
    for position, code in enumerate(forward):
        if code:
            positions.setdefault(code, []).append(position)
    result = {}
    for code, found in positions.items():
        if len(found) == 1:
            result[code] = found[0]
            continue
        predecessors = sorted({codes[p] for p in found})
        if mergers is not None and any(p != code for p in predecessors):
            warnings_out.append(
                f"wave {label}: {code} has {len(found)} responding predecessors "
                f"({', '.join(predecessors)}); left out of the paired analysis as ambiguous"
            )
        else:
            warnings_out.append(
                f"wave {label}: code {code} occurs {len(found)} times; "
                "left out of the paired analysis"
            )
    return column, result


def _person_key(value: Any) -> str | None:
    """Any id as given (a respondent in a person panel): case and spaces aside."""
    key = normalise(value)
    return key or None


def find_panel(
    first: Summary,
    last: Summary,
    labels: tuple[str, str],
    key: str | None = None,
    mergers: Mergers | None = None,
) -> Panel | None:
    """Respondents of the first and last wave that are the same municipality, if any."""
    warnings_out: list[str] = []
    key_a, codes_a = _wave_codes(first, key, mergers, warnings_out, labels[0])
    key_b, codes_b = _wave_codes(last, key, mergers, warnings_out, labels[1])
    if not key_a or not key_b:
        return None
    common = sorted(set(codes_a) & set(codes_b))
    return Panel([key_a, key_b], [(codes_a[c], codes_b[c]) for c in common], warnings_out)


def paired_item(states_a: np.ndarray, states_b: np.ndarray, panel: Panel) -> PairedTable:
    """The 2x2 table of one item over the panel members who answered it in both waves."""
    rows = np.array(panel.rows, dtype=int).reshape(-1, 2)
    a = states_a[rows[:, 0]] if len(rows) else np.array([], dtype=np.int8)
    b = states_b[rows[:, 1]] if len(rows) else np.array([], dtype=np.int8)
    both = (a >= 0) & (b >= 0)
    a, b = a[both] == SELECTED, b[both] == SELECTED
    table = (
        (int((a & b).sum()), int((a & ~b).sum())),
        (int((~a & b).sum()), int((~a & ~b).sum())),
    )
    discordant = table[0][1] + table[1][0]
    p = mcnemar_exact([list(row) for row in table]) if discordant else None
    return PairedTable(int(both.sum()), table, PAIRED_TEST, p)


@dataclass
class Comparison:
    """The same questions across waves."""

    labels: list[str]
    summaries: list[Summary]
    questions: list[QuestionChange]
    panel: Panel | None = None

    @property
    def confidence(self) -> float:
        """The confidence level of every wave's intervals and of the changes."""
        return self.summaries[0].confidence

    @property
    def table(self):
        """Every wave's tidy estimates in one frame, the wave in the 'wave' column."""
        import pandas as pd

        frames = []
        for label, summary in zip(self.labels, self.summaries, strict=True):
            frame = summary.table.copy()
            frame["wave"] = label
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def as_dict(self) -> dict[str, Any]:
        waves = []
        for label, summary in zip(self.labels, self.summaries, strict=True):
            wave = {
                "label": label,
                "source": summary.responses.source.as_dict(),
                "codebook": summary.responses.codebook.instrument,
                "fpc": summary.population.as_dict() if summary.population else {"applied": False},
            }
            if summary.provenance:
                wave["provenance"] = public_provenance(summary.provenance)
            waves.append(wave)
        data: dict[str, Any] = {"waves": waves, "interval": DIFF_INTERVAL, "test": DIFF_TEST}
        if self.panel is not None:
            data["panel"] = self.panel.as_dict()
        data["questions"] = [question.as_dict() for question in self.questions]
        return data


def match_positions(question: QuestionResult, other: QuestionResult) -> list[int | None]:
    """For each item of ``question``, the position of the same item in ``other``.

    Items match by column, else by label, so waves whose headers differ line up.
    """
    by_column = {item.column: i for i, item in enumerate(other.items) if item.column}
    by_label = {normalise(item.label): i for i, item in enumerate(other.items)}
    positions = []
    for item in question.items:
        position = by_column.get(item.column) if item.column else None
        positions.append(position if position is not None else by_label.get(normalise(item.label)))
    return positions


def match_items(question: QuestionResult, other: QuestionResult) -> list[ItemEstimate | None]:
    """For each item of ``question``, the same item in ``other`` (None where it has none)."""
    return [None if p is None else other.items[p] for p in match_positions(question, other)]


def compare_waves(
    paths: list[str],
    *,
    labels: str | None = None,
    codebooks: list | None = None,
    key: str | None = None,
    mergers: str | Path | None = None,
    population: str | int | None = None,
    weight: str | None = None,
    strata: str | None = None,
    confidence: float = 0.95,
) -> Comparison:
    """Summarize each wave and line up the questions they share; pair the municipalities
    present in the first and the last wave when a municipality code column is found."""
    from monitorkit.stats.estimates import summarize_survey

    if len(paths) < 2:
        raise UsageError(
            "compare needs at least two files", hint="monitorkit compare A.xlsx B.xlsx"
        )
    names = wave_labels(paths, labels)
    books = codebooks or [None] * len(paths)
    summaries = [
        summarize_survey(
            path,
            codebook=book,
            confidence=confidence,
            population=population,
            weight=weight,
            strata=strata,
        )
        for path, book in zip(paths, books, strict=True)
    ]
    return compare_summaries(summaries, names, key=key, mergers=mergers, confidence=confidence)


def compare_summaries(
    summaries: list[Summary],
    names: list[str],
    *,
    key: str | None = None,
    mergers: str | Path | None = None,
    confidence: float = 0.95,
) -> Comparison:
    """Line up the questions that summaries of several waves share (no file is read again)."""
    first = summaries[0]
    merger_table = read_mergers(mergers) if mergers else None
    panel = find_panel(first, summaries[-1], (names[0], names[-1]), key, merger_table)
    populations = {name: s.population for name, s in zip(names, summaries, strict=True)}
    questions = []
    for question in first.questions:
        others = [next((q for q in s.questions if q.id == question.id), None) for s in summaries]
        if sum(q is not None for q in others) < 2 or question.type == "numeric":
            continue
        entry = _compare_question(question, others, names, populations, confidence)
        if panel is not None and others[-1] is not None:
            entry = _with_paired(entry, question, others[-1], first, summaries[-1], panel)
        questions.append(entry)
    if not questions:
        raise UsageError(
            "the waves share no question", hint="pass a codebook per wave with --codebook"
        )
    return Comparison(names, summaries, questions, panel)


def _with_paired(
    entry: QuestionChange,
    question: QuestionResult,
    last_question: QuestionResult,
    first: Summary,
    last: Summary,
    panel: Panel,
) -> QuestionChange:
    """Paired tables for every item of a proportion question, matched to the last wave's."""
    states_a = item_states(first.responses.question(question.id))
    states_b = item_states(last.responses.question(question.id))
    if states_a is None or states_b is None:
        return entry
    positions = match_positions(question, last_question)
    items = tuple(
        item
        if position is None
        else replace(item, paired=paired_item(states_a[:, index], states_b[:, position], panel))
        for index, (item, position) in enumerate(zip(entry.items, positions, strict=True))
    )
    return replace(entry, items=items)


def _wave_cell(item: ItemEstimate) -> WaveCell:
    if item.weighted:
        return WaveCell(
            item.count, item.base, item.percent, item.weighted_base, item.effective_base
        )
    return WaveCell(item.count, item.base, item.percent)


def _share_and_size(cell: WaveCell, population: Population | None) -> tuple[float, float]:
    """A wave's share and the sample size its sampling error rests on (Kish, then FPC)."""
    share = (cell.percent or 0) / 100
    size = cell.effective_base if cell.effective_base is not None else float(cell.base)
    if population is not None:
        factor = population.factor(cell.base)
        size = size / factor if factor > 0 else float("inf")
    return share, size


def _compare_question(
    question: QuestionResult,
    waves: list[QuestionResult | None],
    names: list[str],
    populations: dict[str, Population | None],
    confidence: float = 0.95,
) -> QuestionChange:
    matched = [
        match_items(question, wave) if wave else [None] * len(question.items) for wave in waves
    ]
    items = []
    for index, item in enumerate(question.items):
        cells = tuple(
            (name, _wave_cell(match) if (match := matches[index]) is not None else None)
            for name, matches in zip(names, matched, strict=True)
        )
        present = [(name, cell) for name, cell in cells if cell is not None]
        if len(present) < 2:
            items.append(ItemChange(item.label, cells, Change(None, None, None)))
            continue
        (name_a, first), (name_b, last) = present[0], present[-1]
        change = difference_of_shares(
            *_share_and_size(first, populations[name_a]),
            *_share_and_size(last, populations[name_b]),
            confidence,
        )
        items.append(ItemChange(item.label, cells, change, name_a, name_b))
    return QuestionChange(question.id, question.label, question.type, tuple(items))
