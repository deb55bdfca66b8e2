"""Wave-to-wave comparison of the same questions.

Questions are matched by codebook id, items by column and else by label, so
waves whose exports name columns differently still line up. Per item: count,
base and percent per wave and the change from the first to the last wave in
percentage points. When respondents can be matched across those two waves (a
municipality code, or ``--key``) the change of the panel is analysed as paired
data, and a partial panel shows its paired and its independent part side by
side; otherwise the waves are independent samples. Three or more waves add a
test for trend and a test across all waves; numeric questions compare means.
The statistics themselves live in :mod:`monitorkit.stats.changes`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from monitorkit.errors import Location, UsageError
from monitorkit.io.datasets import public_provenance
from monitorkit.options import DesignOptions, ReadOptions, sort_options
from monitorkit.results import (
    Change,
    ItemChange,
    ItemEstimate,
    MeanChange,
    NSensitivity,
    NumericStats,
    PairedMeans,
    PairedTable,
    QuestionChange,
    QuestionResult,
    TestResult,
    UnpairedMeans,
    UnpairedPart,
    WaveCell,
    select_by_id,
)
from monitorkit.stats.changes import (
    DESIGN_INTERVAL,
    DESIGN_TEST,
    DIFF_INTERVAL,
    DIFF_TEST,
    SENSITIVITY_ALPHA,
    SENSITIVITY_MAX_N,
    across_waves_test,
    design_across_test,
    design_difference,
    design_trend_test,
    difference_of_shares,
    mean_difference,
    paired_difference,
    smallest_significant_n,
    trend_test,
)
from monitorkit.stats.estimates import Design, Summary, item_states, survey_year
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

_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


def wave_labels(paths: list[str], labels: str | None = None) -> list[str]:
    """From --labels, else the first four-digit year in each file name, else the file stem."""
    if labels:
        given = [label.strip() for label in labels.split(",")]
        if len(given) != len(paths):
            raise UsageError(
                f"--labels names {len(given)} wave{'s' if len(given) != 1 else ''} for "
                f"{len(paths)} files",
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
            f"pass the column that holds the codes; its columns are: {_listing(raw.columns)}",
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


def _listing(columns: list[str], limit: int = 12) -> str:
    """The first columns of a file, for a hint."""
    shown = ", ".join(str(column) for column in columns[:limit])
    return shown + (f", … ({len(columns)} in all)" if len(columns) > limit else "")


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


@dataclass(frozen=True)
class PanelParts:
    """One item's respondents split by the panel: the paired table and the rest of each wave."""

    paired: PairedTable
    unpaired: UnpairedPart | None
    overlap: float | None


def _cell(selected: np.ndarray) -> WaveCell:
    base = int(selected.size)
    count = int(selected.sum())
    return WaveCell(count, base, 100 * count / base if base else None)


@dataclass(frozen=True)
class PanelSplit:
    """A question's respondents by the panel: the pairs that answered in both waves (row in
    the first wave, row in the last), and everyone else who answered in each wave."""

    pairs: np.ndarray
    only_first: np.ndarray
    only_last: np.ndarray

    @property
    def overlap(self) -> float | None:
        """The paired share of the respondents, counting a panel member once."""
        respondents = len(self.pairs) + int(self.only_first.sum()) + int(self.only_last.sum())
        return len(self.pairs) / respondents if respondents else None

    @property
    def partial(self) -> bool:
        return bool(self.only_first.any() or self.only_last.any())


def split_panel(answered_a: np.ndarray, answered_b: np.ndarray, panel: Panel) -> PanelSplit:
    """Pair the panel members who answered in both waves; the rest of each wave stays apart."""
    rows = np.array(panel.rows, dtype=int).reshape(-1, 2)
    both = answered_a[rows[:, 0]] & answered_b[rows[:, 1]]
    pairs = rows[both]
    only_a, only_b = answered_a.copy(), answered_b.copy()
    only_a[pairs[:, 0]] = False
    only_b[pairs[:, 1]] = False
    return PanelSplit(pairs, only_a, only_b)


def panel_parts(
    states_a: np.ndarray,
    states_b: np.ndarray,
    panel: Panel,
    confidence: float = 0.95,
    designs: tuple[Design | None, Design | None] = (None, None),
) -> PanelParts:
    """Pair the item's answers of the panel members who answered it in both waves.

    Everyone else who answered the item in the first or the last wave (not in
    the panel, or in it without an answer in the other wave) forms the
    independent part; ``overlap`` is the paired share of all the respondents
    the two waves have for the item, counting a panel member once. Under a
    weighted or stratified design (``designs`` of the two waves) both parts are
    design-based (see ``_design_parts``); the 2x2 table counts respondents.
    """
    split = split_panel(states_a >= 0, states_b >= 0, panel)
    earlier = states_a[split.pairs[:, 0]] == SELECTED
    later = states_b[split.pairs[:, 1]] == SELECTED
    table = (
        (int((earlier & later).sum()), int((earlier & ~later).sum())),
        (int((~earlier & later).sum()), int((~earlier & ~later).sum())),
    )
    paired_n = len(split.pairs)
    design_a, design_b = designs
    if design_a is not None and design_a.design_based and design_b is not None:
        paired_change, unpaired = _design_parts(
            states_a, states_b, split, design_a, design_b, confidence
        )
        return PanelParts(PairedTable(paired_n, table, paired_change), unpaired, split.overlap)
    paired = PairedTable(paired_n, table, paired_difference(table, confidence))
    if not split.partial:
        return PanelParts(paired, None, split.overlap)
    first = _cell(states_a[split.only_first] == SELECTED)
    last = _cell(states_b[split.only_last] == SELECTED)
    change = difference_of_shares(
        (first.percent or 0) / 100, first.base, (last.percent or 0) / 100, last.base, confidence
    )
    return PanelParts(paired, UnpairedPart(first, last, change), split.overlap)


PAIRED_DESIGN_TEST = "design-based t-test of the paired difference (first wave's design)"
PAIRED_DESIGN_INTERVAL = "t on the first wave's design (linearised standard error)"


def _design_parts(
    states_a: np.ndarray,
    states_b: np.ndarray,
    split: PanelSplit,
    design_a: Design,
    design_b: Design,
    confidence: float,
) -> tuple[Change, UnpairedPart | None]:
    """The panel's parts under a weighted or stratified design.

    Paired: the mean over the pairs of the later minus the earlier answer (1, 0
    or -1) on the first wave's design (``_design_paired_mean``), in percentage
    points. Independent: each wave's other respondents as a domain of that
    wave's design, compared as design-based waves are (MOVER and Wald z).
    """
    from monitorkit.stats.design import design_proportions

    pairs = split.pairs
    difference = np.full(len(states_a), np.nan)
    difference[pairs[:, 0]] = (states_b[pairs[:, 1]] == SELECTED).astype(float) - (
        states_a[pairs[:, 0]] == SELECTED
    ).astype(float)
    paired = _design_paired_mean(difference, design_a, confidence, scale=100)
    if not split.partial:
        return paired, None
    cells = []
    for states, only, design in (
        (states_a, split.only_first, design_a),
        (states_b, split.only_last, design_b),
    ):
        estimate = design_proportions(
            (states == SELECTED)[:, None],
            only[:, None],
            design.weights,
            design.strata,
            design.population_sizes(len(states)),
            confidence,
        )
        cell = _cell(states[only] == SELECTED)
        if only.any():
            cell = replace(
                cell,
                percent=float(100 * estimate.share[0]),
                ci_low=float(100 * estimate.low[0]),
                ci_high=float(100 * estimate.high[0]),
                se=float(100 * estimate.se[0]),
            )
        cells.append(cell)
    return paired, UnpairedPart(
        cells[0], cells[1], design_difference(cells[0], cells[1], confidence)
    )


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
                "fpc": summary.design.fpc.as_dict(),
            }
            if summary.provenance:
                wave["provenance"] = public_provenance(summary.provenance)
            waves.append(wave)
        design_based = any(s.interval_method != "wilson" for s in self.summaries)
        data: dict[str, Any] = {
            "waves": waves,
            "interval": DESIGN_INTERVAL if design_based else DIFF_INTERVAL,
            "test": DESIGN_TEST if design_based else DIFF_TEST,
        }
        if len(self.labels) >= 3:
            data["trend_scores"] = dict(zip(self.labels, trend_scores(self.labels), strict=True))
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
    questions: Sequence[str] | None = None,
    reading: ReadOptions | None = None,
    design: DesignOptions | None = None,
    allow_unit_mismatch: bool = False,
    **options: Any,
) -> Comparison:
    """Summarize each wave and line up the questions they share; pair the municipalities
    present in the first and the last wave when a municipality code column is found.

    ``codebooks`` gives one codebook per wave; ``reading`` and ``design`` (or their
    fields as keywords, as for ``summarize_survey``) apply to every wave. ``questions``
    lists the ids to compare, in that order (default: every question the waves share).
    A question whose waves count different units (a share of gemeenten against a share of
    teams, as the datasets record them) is refused unless ``allow_unit_mismatch``; then it
    carries the units, and every output says so.
    """
    from monitorkit.stats.estimates import summarize_survey

    reading, design = sort_options(reading, design, options, "compare_waves")
    if isinstance(paths, (str, Path)):
        paths = [str(paths)]
    if len(paths) < 2:
        raise UsageError(
            "compare needs at least two files", hint="monitorkit compare A.xlsx B.xlsx"
        )
    names = wave_labels(paths, labels)
    books = codebooks or [reading.codebook] * len(paths)
    summaries = [
        summarize_survey(path, reading=replace(reading, codebook=book), design=design)
        for path, book in zip(paths, books, strict=True)
    ]
    return compare_summaries(
        summaries,
        names,
        key=key,
        mergers=mergers,
        confidence=design.confidence,
        questions=questions,
        allow_unit_mismatch=allow_unit_mismatch,
    )


def compare_summaries(
    summaries: list[Summary],
    names: list[str],
    *,
    key: str | None = None,
    mergers: str | Path | None = None,
    confidence: float = 0.95,
    questions: Sequence[str] | None = None,
    allow_unit_mismatch: bool = False,
) -> Comparison:
    """Line up the questions that summaries of several waves share (no file is read again);
    ``questions`` keeps those ids, in that order."""
    first = summaries[0]
    merger_table = read_mergers(mergers) if mergers else None
    panel = find_panel(first, summaries[-1], (names[0], names[-1]), key, merger_table)
    populations = {
        name: (s.population, s.responses.respondents)
        for name, s in zip(names, summaries, strict=True)
    }
    scores = trend_scores(names)
    compared: list[QuestionChange] = []
    for question in first.questions:
        others = [next((q for q in s.questions if q.id == question.id), None) for s in summaries]
        if sum(q is not None for q in others) < 2:
            continue
        units = differing_units(question.id, summaries, names, allow_unit_mismatch)
        if question.type == "numeric":
            entry = _compare_means(question, others, names, confidence)
            if panel is not None and others[-1] is not None and entry.means is not None:
                entry = _with_mean_panel(entry, summaries, names, panel, confidence)
            compared.append(replace(entry, units=units))
            continue
        entry = _compare_question(question, others, names, populations, scores, confidence)
        if panel is not None and others[-1] is not None:
            entry = _with_panel(entry, question, others[-1], summaries, names, panel, confidence)
        assumed = assumed_bases(question.id, summaries, names)
        if assumed:
            entry = replace(entry, items=tuple(_sensitive(i, assumed) for i in entry.items))
        compared.append(replace(entry, units=units))
    if not compared:
        raise UsageError(
            "the waves share no question", hint="pass a codebook per wave with --codebook"
        )
    shared = " that the waves share"
    return Comparison(names, summaries, select_by_id(compared, questions, shared), panel)


def differing_units(
    question_id: str, summaries: list[Summary], names: list[str], allowed: bool
) -> dict[str, str] | None:
    """The unit each wave's figures of a question are shares of, when the waves differ.

    Units come from a dataset's metadata (``units`` in datasets.yaml, as the source
    prints them); a wave without them is left out. Differing units are refused unless
    ``allowed``: the change would set, say, a share of gemeenten against one of teams.
    """
    units = {
        name: str(unit)
        for name, summary in zip(names, summaries, strict=True)
        if (unit := ((summary.provenance or {}).get("units") or {}).get(question_id))
    }
    if len(set(units.values())) < 2:
        return None
    if not allowed:
        counted = "; ".join(f"{name}: {unit}" for name, unit in units.items())
        raise UsageError(
            f"question '{question_id}': the waves are shares of different units ({counted})",
            hint="these are different measures; pass --allow-unit-mismatch to compare them "
            "anyway (every output then says so)",
        )
    return units


def assumed_bases(question_id: str, summaries: list[Summary], names: list[str]) -> dict[str, int]:
    """Waves whose N for a question is not printed but assumed by their reconstruction
    (``assumed_n`` in datasets.yaml), with the N assumed."""
    return {
        name: int(n)
        for name, summary in zip(names, summaries, strict=True)
        if (n := ((summary.provenance or {}).get("assumed_n") or {}).get(question_id))
    }


def _sensitive(item: ItemChange, assumed: dict[str, int]) -> ItemChange:
    """An independent change with the range of each assumed N over which it is significant."""
    first, last = item.cell(item.first or ""), item.cell(item.last or "")
    test = item.change.test
    if first is None or last is None or test is None or test.name != DIFF_TEST:
        return item
    if not (first.base and last.base) or item.diff_pp is None:
        return item
    shares = {item.first: first.count / first.base, item.last: last.count / last.base}
    sizes = {item.first: first.base, item.last: last.base}
    direction = "down" if item.diff_pp < 0 else "up" if item.diff_pp > 0 else "none"
    found = []
    for wave, n in assumed.items():
        if wave not in shares:
            continue
        other = item.last if wave == item.first else item.first
        holds_from = smallest_significant_n(
            shares[wave], shares[other], sizes[other], varied_first=wave == item.first
        )
        found.append(
            NSensitivity(wave, n, holds_from, SENSITIVITY_MAX_N, SENSITIVITY_ALPHA, direction)
        )
    return replace(item, sensitivity=tuple(found))


def trend_scores(names: list[str]) -> list[float]:
    """The waves' places on the time axis: their years when every label is one, else 1, 2, …"""
    if all(_YEAR.fullmatch(name) for name in names) and len(set(names)) == len(names):
        return [float(name) for name in names]
    return [float(position) for position in range(1, len(names) + 1)]


PARTIAL_PANEL = "paired and independent parts"


def _with_panel(
    entry: QuestionChange,
    question: QuestionResult,
    last_question: QuestionResult,
    summaries: list[Summary],
    names: list[str],
    panel: Panel,
    confidence: float,
) -> QuestionChange:
    """The panel's analysis of every item of a proportion question, matched to the last wave's.

    A full panel's headline change is the paired one; a partial panel's keeps
    the difference of all respondents without a test of its own, and shows the
    paired and the independent part instead.
    """
    states_a = item_states(summaries[0].responses.question(question.id))
    states_b = item_states(summaries[-1].responses.question(question.id))
    if states_a is None or states_b is None:
        return entry
    positions = match_positions(question, last_question)
    items = []
    for index, (item, position) in enumerate(zip(entry.items, positions, strict=True)):
        if position is None or (item.first, item.last) != (names[0], names[-1]):
            items.append(item)
            continue
        parts = panel_parts(
            states_a[:, index],
            states_b[:, position],
            panel,
            confidence,
            (summaries[0].sampling, summaries[-1].sampling),
        )
        if parts.unpaired is None:
            change = parts.paired.change
        else:
            note = "the waves share only part of their respondents"
            change = Change(item.diff_pp, None, TestResult(PARTIAL_PANEL, None, note=note))
        items.append(
            replace(
                item,
                change=change,
                paired=parts.paired,
                unpaired=parts.unpaired,
                overlap=parts.overlap,
            )
        )
    return replace(entry, items=tuple(items))


def _wave_cell(item: ItemEstimate) -> WaveCell:
    return WaveCell(
        item.count,
        item.base,
        item.percent,
        item.weighted_base,
        item.effective_base,
        item.ci_low,
        item.ci_high,
        item.se,
    )


def _nobody_chose(
    wave: QuestionResult, population: tuple[Population | None, int], confidence: float
) -> WaveCell:
    """A category of a single or scale question that no respondent of the wave chose:
    0% of the wave's base, with the interval and standard error a 0% has in that wave."""
    from monitorkit.stats.estimates import proportion_interval

    if wave.weighted or (wave.items and wave.items[0].se is not None):
        return WaveCell(0, wave.base, 0.0, ci_low=0.0, ci_high=0.0, se=0.0)
    _, size = _share_and_size(WaveCell(0, wave.base, 0.0), *population)
    low, high = proportion_interval(0.0, size, confidence)
    return WaveCell(0, wave.base, 0.0, ci_low=float(low), ci_high=float(high))


def _share_and_size(
    cell: WaveCell, population: Population | None, sample: int
) -> tuple[float, float]:
    """A wave's share and the sample size its sampling error rests on (Kish, then FPC).

    The FPC's sample fraction is the wave's whole sample of ``sample`` respondents
    (see estimates.FPC_RULE), as in each wave's own intervals.
    """
    share = (cell.percent or 0) / 100
    size = cell.effective_base if cell.effective_base is not None else float(cell.base)
    if population is not None:
        factor = population.factor(sample)
        size = size / factor if factor > 0 else float("inf")
    return share, size


def _compare_question(
    question: QuestionResult,
    waves: list[QuestionResult | None],
    names: list[str],
    populations: dict[str, tuple[Population | None, int]],
    scores: list[float],
    confidence: float = 0.95,
) -> QuestionChange:
    matched = [
        match_items(question, wave) if wave else [None] * len(question.items) for wave in waves
    ]
    categories = question.type in ("single", "scale")
    items = []
    for index, item in enumerate(question.items):
        cells: dict[str, WaveCell | None] = {}
        for name, matches, wave in zip(names, matched, waves, strict=True):
            match = matches[index]
            if match is not None:
                cells[name] = _wave_cell(match)
            elif categories and wave is not None and wave.base:
                cells[name] = _nobody_chose(wave, populations[name], confidence)
            else:
                cells[name] = None
        present = [
            (name, cell, score)
            for (name, cell), score in zip(cells.items(), scores, strict=True)
            if cell is not None and cell.base
        ]
        if len(present) < 2:
            items.append(ItemChange(item.label, cells, Change(None, None, None)))
            continue
        cells_present = [cell for _, cell, _ in present]
        scores_present = [score for *_, score in present]
        if all(cell.se is not None for cell in cells_present):
            change = design_difference(cells_present[0], cells_present[-1], confidence)
            trend = across = None
            if len(present) >= 3:
                trend = design_trend_test(cells_present, scores_present)
                across = design_across_test(cells_present)
        else:
            shares, sizes = zip(
                *(_share_and_size(cell, *populations[name]) for name, cell, _ in present),
                strict=True,
            )
            change = difference_of_shares(shares[0], sizes[0], shares[-1], sizes[-1], confidence)
            trend = across = None
            if len(present) >= 3:
                trend = trend_test(list(shares), list(sizes), scores_present)
                across = across_waves_test(list(shares), list(sizes))
        items.append(
            ItemChange(
                item.label,
                cells,
                change,
                present[0][0],
                present[-1][0],
                trend=trend,
                across=across,
            )
        )
    return QuestionChange(question.id, question.label, question.type, tuple(items))


def _compare_means(
    question: QuestionResult,
    waves: list[QuestionResult | None],
    names: list[str],
    confidence: float,
) -> QuestionChange:
    """A numeric question: each wave's statistics and the change of the mean, first to last."""
    stats = {
        name: wave.stats if wave is not None else None
        for name, wave in zip(names, waves, strict=True)
    }
    present = [(name, s) for name, s in stats.items() if s is not None and s.n]
    if len(present) < 2:
        means = MeanChange(stats, None, None, None, None, None)
        return QuestionChange(question.id, question.label, question.type, means=means)
    (first, a), (last, b) = present[0], present[-1]
    change = mean_difference(a, b, confidence)
    means = MeanChange(
        stats, first, last, change.diff_pp, change.diff_ci, change.test, change.interval
    )
    return QuestionChange(question.id, question.label, question.type, means=means)


PAIRED_MEAN_TEST = "paired t-test"
PAIRED_MEAN_INTERVAL = "t (paired differences)"


def _with_mean_panel(
    entry: QuestionChange,
    summaries: list[Summary],
    names: list[str],
    panel: Panel,
    confidence: float,
) -> QuestionChange:
    """A numeric question's panel analysis: paired differences and the other respondents.

    Unweighted, the paired part is the paired t-test and interval (R's
    ``t.test(x2, x1, paired = TRUE)``); under a design, the mean difference on the
    first wave's design as for items. The other respondents of each wave are
    compared as independent samples (Welch, or design-based). A full panel's
    headline is the paired change; a partial panel's has no test of its own.
    """
    import pandas as pd

    means = entry.means
    if means is None or (means.first, means.last) != (names[0], names[-1]):
        return entry
    values = [
        pd.to_numeric(s.responses.question(entry.id).answers, errors="coerce").to_numpy(float)
        for s in (summaries[0], summaries[-1])
    ]
    split = split_panel(~np.isnan(values[0]), ~np.isnan(values[1]), panel)
    pairs = split.pairs
    design_a, design_b = summaries[0].sampling, summaries[-1].sampling
    designed = design_a is not None and design_a.design_based and design_b is not None
    difference = np.full(len(values[0]), np.nan)
    difference[pairs[:, 0]] = values[1][pairs[:, 1]] - values[0][pairs[:, 0]]
    if designed and design_a is not None:
        paired = _design_paired_mean(difference, design_a, confidence)
    else:
        paired = _paired_mean(difference[pairs[:, 0]], confidence)
    unpaired = None
    if split.partial:
        parts = [
            _part_stats(wave, mask, design if designed else None, confidence)
            for wave, mask, design in (
                (values[0], split.only_first, design_a),
                (values[1], split.only_last, design_b),
            )
        ]
        unpaired = UnpairedMeans(
            parts[0], parts[1], mean_difference(parts[0], parts[1], confidence)
        )
    if unpaired is None:
        headline = paired
    else:
        note = "the waves share only part of their respondents"
        headline = Change(means.diff, None, TestResult(PARTIAL_PANEL, None, note=note))
    updated = replace(
        means,
        diff=headline.diff_pp,
        diff_ci=headline.diff_ci,
        test=headline.test,
        interval=headline.interval,
        paired=PairedMeans(len(pairs), paired),
        unpaired=unpaired,
        overlap=split.overlap,
    )
    return replace(entry, means=updated)


def _paired_mean(differences: np.ndarray, confidence: float) -> Change:
    """Mean of the paired differences with its t interval and the paired t-test."""
    from scipy.stats import t as student

    n = differences.size
    if n < 2:
        return Change(None, None, None)
    mean, sd = float(differences.mean()), float(differences.std(ddof=1))
    if sd == 0:
        note = "every respondent changed by the same amount"
        return Change(mean, (mean, mean), TestResult(PAIRED_MEAN_TEST, None, note=note))
    se = sd / float(np.sqrt(n))
    half = float(student.ppf(0.5 + confidence / 2, n - 1)) * se
    p = float(2 * student.sf(abs(mean / se), n - 1))
    test = TestResult(PAIRED_MEAN_TEST, p, statistic=mean / se, df=n - 1)
    return Change(mean, (mean - half, mean + half), test, PAIRED_MEAN_INTERVAL)


def _design_paired_mean(
    difference: np.ndarray, design: Design, confidence: float, scale: float = 1.0
) -> Change:
    """The mean of the paired differences (NaN outside the pairs) as a domain of the first
    wave's design, with its t interval on the design's df (R: ``confint(svymean(~d, sub),
    df = degf(sub))``) and R's ``svyttest(d ~ 0, sub)``, whose df is one less. ``scale``
    100 gives a difference of shares in percentage points."""
    from scipy.stats import t as student

    from monitorkit.stats.design import design_mean

    if int((~np.isnan(difference)).sum()) < 2:
        return Change(None, None, None)
    sizes = design.population_sizes(len(difference))
    mean = design_mean(difference, design.weights, design.strata, sizes, confidence)
    centre, interval = scale * mean.mean, (scale * mean.low, scale * mean.high)
    if mean.se == 0:
        note = "every respondent changed by the same amount"
        return Change(centre, (centre, centre), TestResult(PAIRED_DESIGN_TEST, None, note=note))
    df = max(mean.df - 1, 1)
    p = float(2 * student.sf(abs(mean.mean / mean.se), df))
    test = TestResult(PAIRED_DESIGN_TEST, p, statistic=mean.mean / mean.se, df=df)
    return Change(centre, interval, test, PAIRED_DESIGN_INTERVAL)


def _part_stats(
    values: np.ndarray, mask: np.ndarray, design: Design | None, confidence: float
) -> NumericStats:
    """n, mean and sd of the answers in ``mask`` (design-based with a design: mean, se, df)."""
    chosen = values[mask]
    if chosen.size == 0:
        return NumericStats(0)
    sd = float(chosen.std(ddof=1)) if chosen.size > 1 else None
    if design is None:
        return NumericStats(int(chosen.size), float(chosen.mean()), sd=sd)
    from monitorkit.stats.design import design_mean

    sizes = design.population_sizes(len(values))
    estimate = design_mean(values, design.weights, design.strata, sizes, confidence, mask)
    return NumericStats(
        int(chosen.size), estimate.mean, sd=estimate.sd, se=estimate.se, df=estimate.df
    )
