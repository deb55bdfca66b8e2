"""Estimates: counts, bases, percentages and 95% Wilson intervals in one tidy frame.

Counting is vectorised over each question's state matrix. Intervals come from
statsmodels (Wilson score), group tests from scipy: Pearson chi-square, or
Fisher's exact test when an expected count is below 5.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from monitorkit.options import DesignOptions, ReadOptions, sort_options
from monitorkit.results import (
    DesignUsed,
    FpcUsed,
    GroupEstimate,
    ItemEstimate,
    MissingCount,
    NumericStats,
    PairTest,
    PairwiseTests,
    QuestionResult,
    Reading,
    ScaleStats,
    StrataUsed,
    StratumUsed,
    TestResult,
    WeightsUsed,
    json_value,
    select_by_id,
)
from monitorkit.stats.population import Population
from monitorkit.stats.responses import (
    BASE_RULES,
    QuestionResponses,
    Responses,
    closest_header,
)
from monitorkit.vocabulary import SELECTED

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class Summary:
    """The result of summarize: the tidy frame plus per-question detail and provenance."""

    responses: Responses
    questions: list[QuestionResult]
    table: pd.DataFrame
    #: Every --by column, in order: one breakdown, or several side by side.
    by_columns: tuple[str, ...] = ()
    confidence: float = 0.95
    population: Population | None = None
    #: The sampling design the estimates used (weights, strata, stratum sizes).
    sampling: Design | None = None
    #: --adjust: 'holm' or 'bh' for the group tests of each table (with ``by``).
    adjust: str | None = None

    @property
    def by(self) -> str | None:
        """The --by column (the first of several), or None."""
        return self.by_columns[0] if self.by_columns else None

    @property
    def provenance(self) -> dict[str, Any] | None:
        return self.responses.provenance

    @property
    def interval_method(self) -> str:
        """How intervals were computed: Wilson for a simple random sample, else design-based."""
        from monitorkit.stats.design import INTERVAL_METHOD

        plain = self.responses.weights is None and self.responses.strata is None
        return "wilson" if plain else INTERVAL_METHOD

    @property
    def design(self) -> DesignUsed:
        """The design every estimate rests on: confidence, interval method, weights,
        strata and finite population correction."""
        responses = self.responses
        weights = None
        if responses.weights is not None:
            total = responses.weights.sum()
            weights = WeightsUsed(
                str(responses.weight_column),
                float(total),
                float(total**2 / (responses.weights**2).sum()),
            )
        strata = None
        if responses.strata is not None:
            names, counts = np.unique(responses.strata, return_counts=True)
            sizes: dict[str, int] = {}
            if responses.stratum_sizes is not None:
                sizes = dict(
                    zip(responses.strata, responses.stratum_sizes.astype(int).tolist(), strict=True)
                )
            strata = StrataUsed(
                str(responses.strata_column),
                tuple(
                    StratumUsed(str(name), int(count), sizes.get(name))
                    for name, count in zip(names, counts, strict=True)
                ),
            )
        if responses.stratum_sizes is not None:
            fpc = FpcUsed(True, per_stratum=True, source=responses.stratum_sizes_source)
        elif self.population is not None:
            fpc = FpcUsed(True, self.population.size, source=self.population.source)
        else:
            fpc = FpcUsed(False)
        from monitorkit.options import ADJUSTMENTS

        adjust = ADJUSTMENTS[self.adjust] if self.adjust and self.by else None
        return DesignUsed(self.confidence, self.interval_method, fpc, weights, strata, adjust)

    def as_dict(self) -> dict[str, Any]:
        """The documented JSON schema (DESIGN §5); percentages unrounded, 0-100."""
        codebook = self.responses.codebook
        data: dict[str, Any] = {
            "source": self.responses.source.as_dict(),
            "codebook": {
                "instrument": codebook.instrument,
                "origin": codebook.origin,
                "path": codebook.path,
            },
            **self.design.as_dict(),
        }
        if self.provenance:
            from monitorkit.io.datasets import public_provenance

            data["provenance"] = public_provenance(self.provenance)
        if self.by:
            data["by"] = self.by
        if len(self.by_columns) > 1:
            data["by_columns"] = list(self.by_columns)
        responses = self.responses
        if responses.previews_left_out:
            data["previews_left_out"] = responses.previews_left_out
        if responses.warnings:
            data["warnings"] = list(responses.warnings)
        data["questions"] = [question.as_dict() for question in self.questions]
        data["not_tabulated"] = [entry.to_dict() for entry in responses.not_tabulated]
        return data


def proportion_interval(share, size, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval in percent for shares at (effective) sample sizes.

    The closed form, computed as statsmodels' ``proportion_confint(method="wilson")``
    computes it (the same numbers to the last bit; tested against it), without importing
    scipy.stats: a 100-row file would otherwise spend most of its time on that import.
    An infinite size (a census) gives the point itself, a zero size NaN.
    """
    from scipy.special import ndtri

    share = np.asarray(share, dtype=float)
    size = np.asarray(size, dtype=float)
    finite = np.isfinite(size) & (size > 0)
    nobs = np.where(finite, size, 1.0)
    observed = (np.nan_to_num(share) * nobs) / nobs
    crit = -ndtri((1 - confidence) / 2.0)
    crit2 = crit**2
    denom = 1 + crit2 / nobs
    center = (observed + crit2 / (2 * nobs)) / denom
    dist = crit * np.sqrt(observed * (1.0 - observed) / nobs + crit2 / (4.0 * nobs**2))
    dist /= denom
    low, high = np.clip(center - dist, 0, 1), np.clip(center + dist, 0, 1)
    census = np.isinf(size)
    low = np.where(census, share, np.where(finite, low, np.nan))
    high = np.where(census, share, np.where(finite, high, np.nan))
    return low * 100, high * 100


def mean_interval(values: np.ndarray, confidence: float) -> tuple[float, float, float, float]:
    """Mean, sd (ddof 1) and the t interval of the mean of a simple random sample.

    Computed as statsmodels' ``DescrStatsW(values, ddof=1).tconfint_mean`` computes it
    (tested against it), with scipy.special's t quantile instead of scipy.stats.
    """
    from scipy.special import stdtrit

    count = float(values.size)
    mean = np.dot(values, np.ones(values.size)) / count
    with np.errstate(invalid="ignore", divide="ignore"):  # one value: no sd, no interval
        sd = np.sqrt(np.dot((values - mean) ** 2, np.ones(values.size)) / (count - 1))
        std_mean = sd * np.sqrt((count - 1) / count) / np.sqrt(count - 1)
    crit = stdtrit(count - 1, 1 - (1 - confidence) / 2.0)
    return float(mean), float(sd), float(mean - crit * std_mean), float(mean + crit * std_mean)


def wilson_interval(
    count, base, confidence: float = 0.95, population: Population | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval in percent (statsmodels); NaN where the base is 0.

    With a known population the interval uses the effective sample size
    n / ((N - n) / (N - 1)); a census (n = N) has no sampling error.
    """
    count = np.asarray(count, dtype=float)
    base = np.asarray(base, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(base > 0, count / np.where(base > 0, base, 1), np.nan)
    size = (
        base
        if population is None
        else np.array(
            [population.effective_n(n) if n > 0 else 0.0 for n in np.atleast_1d(base)]
        ).reshape(base.shape)
    )
    return proportion_interval(share, size, confidence)


class Indicators:
    """A proportion question as indicators: who selected, who answered, per item.

    Multi and battery questions hold the respondents x items matrices. A single-choice
    question holds each respondent's answer as its position among the labels (-1 for
    none) and builds the matrices only where a computation needs them: its counts and
    bases come from the positions, so a 345-category question over a million
    respondents does not fill two 345-million-cell matrices.
    """

    def __init__(
        self,
        labels: list[str],
        selected: np.ndarray | None = None,
        valid: np.ndarray | None = None,
        *,
        choice: np.ndarray | None = None,
    ) -> None:
        self.labels = labels
        self.choice = choice
        self._selected = selected
        self._valid = valid

    @property
    def selected(self) -> np.ndarray:
        """Respondents x items: selected the item."""
        if self._selected is None:
            assert self.choice is not None
            self._selected = self.choice[:, None] == np.arange(len(self.labels))[None, :]
        return self._selected

    @property
    def valid(self) -> np.ndarray:
        """Respondents x items: in the item's base."""
        if self._valid is None:
            self._valid = np.repeat(self.answered[:, None], len(self.labels), axis=1)
        return self._valid

    @property
    def answered(self) -> np.ndarray:
        """Per respondent: in the question's base (in any item's)."""
        if self.choice is not None:
            return np.asarray(self.choice >= 0)
        return np.asarray(self.valid.any(axis=1))

    @property
    def respondents(self) -> int:
        return len(self.choice) if self.choice is not None else len(self.valid)

    def first_selected(self) -> tuple[np.ndarray, np.ndarray]:
        """Per respondent the position of the (first) item selected (0 where none is), and
        whether any is."""
        if self.choice is not None:
            return np.where(self.choice >= 0, self.choice, 0), np.asarray(self.choice >= 0)
        return self.selected.argmax(axis=1), np.asarray(self.selected.any(axis=1))

    def totals(
        self, values: np.ndarray | None = None, mask: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per item: the sum of ``values`` (one per respondent; None counts respondents) over
        the respondents who selected it and over those in its base, within ``mask``."""
        if self.choice is not None and values is None:
            choice = self.choice if mask is None else self.choice[mask]
            answered = choice >= 0
            counts = np.bincount(choice[answered], minlength=len(self.labels))
            return counts, np.full(len(self.labels), int(answered.sum()))
        selected = self.selected if mask is None else self.selected[mask]
        valid = self.valid if mask is None else self.valid[mask]
        if values is None:
            return selected.sum(axis=0), valid.sum(axis=0)
        values = values if mask is None else values[mask]
        return (values[:, None] * selected).sum(axis=0), (values[:, None] * valid).sum(axis=0)


def indicators(entry: QuestionResponses) -> Indicators | None:
    """Multi, battery, single and scale questions as indicators; None for numeric ones."""
    if entry.states is not None:
        return Indicators(
            [i.label for i in entry.question.items], entry.states == SELECTED, entry.states >= 0
        )
    if entry.question.type not in ("single", "scale"):
        return None
    labels, choice = category_positions(entry.answers, entry.order)
    return Indicators(labels, choice=choice)


def category_positions(values: pd.Series, order: list[str]) -> tuple[list[str], np.ndarray]:
    """The categories of a single-choice question and each respondent's answer among them.

    Categories are those asked, in the order asked (also when nobody chose them), then
    any other answers, most frequent first, ties by label; positions are -1 where the
    respondent gave no answer. One factorize and one bincount, however many categories.
    """
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = [str(value) for value in uniques]
    counts: dict[str, int] = {}
    frequencies = np.bincount(codes[codes >= 0], minlength=len(texts))
    for text, count in zip(texts, frequencies, strict=True):
        counts[text] = counts.get(text, 0) + int(count)
    asked = list(dict.fromkeys(order))
    rest = sorted((t for t in counts if t not in set(asked)), key=lambda t: (-counts[t], t))
    labels = asked + rest
    position = {label: index for index, label in enumerate(labels)}
    lookup = np.array([position[text] for text in texts] + [-1], dtype=np.int64)
    return labels, lookup[codes]


def item_states(entry: QuestionResponses) -> np.ndarray | None:
    """Per respondent and item: 1 selected, 0 not, -1 not in the base; None for numeric."""
    ind = indicators(entry)
    if ind is None:
        return None
    return np.where(ind.valid, ind.selected.astype(np.int8), np.int8(-1)).astype(np.int8)


@dataclass
class Design:
    """How estimates generalise: confidence, weights, strata and finite population."""

    confidence: float = 0.95
    weights: np.ndarray | None = None
    population: Population | None = None
    #: Per respondent: the stratum, and the population size of that stratum (if known).
    strata: np.ndarray | None = None
    stratum_sizes: np.ndarray | None = None

    @property
    def design_based(self) -> bool:
        """Weights or strata: intervals from the design, not from a simple random sample."""
        return self.weights is not None or self.strata is not None

    def population_sizes(self, respondents: int) -> np.ndarray | None:
        """Per respondent, the population size for the design's correction (None: none)."""
        if self.stratum_sizes is not None:
            return self.stratum_sizes
        if self.population is not None:
            return np.full(respondents, float(self.population.size))
        return None

    def fpc_factor(self, respondents: int) -> float:
        """(N - n) / (N - 1) for a sample of ``respondents``: 1 without a known population."""
        return 1.0 if self.population is None else self.population.factor(respondents)

    def sizes(self, ind: Indicators, mask: np.ndarray | None) -> np.ndarray:
        """Effective sample size per item: Kish's n_eff with weights, over the FPC factor.

        The FPC's sample fraction is the whole sample's (FPC_RULE), for a group's
        items as for the totals.
        """
        if self.weights is None:
            sizes = ind.totals(None, mask)[1].astype(float)
        else:
            _, weighted = ind.totals(self.weights, mask)
            _, squares = ind.totals(self.weights**2, mask)
            with np.errstate(invalid="ignore", divide="ignore"):
                sizes = np.where(squares > 0, weighted**2 / np.where(squares > 0, squares, 1), 0.0)
        if self.population is not None:
            factor = self.fpc_factor(ind.respondents if mask is None else len(mask))
            sizes = sizes / factor if factor > 0 else np.where(sizes > 0, np.inf, 0.0)
        return sizes


#: How the finite population correction counts the sample, the same for every estimate.
FPC_RULE = (
    "every item and every group is a domain of the whole sample: the correction uses the "
    "share of the population that responded at all (n/N, per stratum n_h/N_h), as R's "
    "survey package does for a domain, not the share that answered the item"
)


def proportion_rows(
    ind: Indicators,
    design: Design,
    mask: np.ndarray | None = None,
    columns: list[str | None] | None = None,
) -> tuple[ItemEstimate, ...]:
    """Count, base, percent and interval per item, over all respondents or a mask of them."""
    counts, bases = ind.totals(None, mask)
    if design.weights is None:
        top, bottom = counts.astype(float), bases.astype(float)
    else:
        top, bottom = ind.totals(design.weights, mask)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1), np.nan)
    se = deff = None
    if not design.design_based:
        low, high = proportion_interval(share, design.sizes(ind, mask), design.confidence)
    else:
        low, high, se, deff = _weighted_interval(ind, design, mask)
    effective = None if design.weights is None else _kish_sizes(ind, design.weights, mask)
    columns = columns or [None] * len(ind.labels)
    return tuple(
        ItemEstimate(
            label=label,
            count=int(counts[index]),
            base=int(bases[index]),
            percent=json_value(share[index] * 100),
            ci_low=json_value(low[index]),
            ci_high=json_value(high[index]),
            column=columns[index] if index < len(columns) else None,
            weighted_count=None if effective is None else json_value(top[index]),
            weighted_base=None if effective is None else json_value(bottom[index]),
            effective_base=None if effective is None else json_value(effective[index]),
            se=None if se is None else json_value(se[index]),
            deff=None if deff is None else json_value(deff[index]),
        )
        for index, label in enumerate(ind.labels)
    )


def _kish_sizes(ind: Indicators, weights: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """Kish's effective base per item, (sum w)^2 / sum w^2, without any FPC."""
    return Design(weights=weights).sizes(ind, mask)


def _weighted_interval(
    ind: Indicators, design: Design, mask: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Design-based interval, standard error and design effect of weighted proportions, in %.

    A group is a domain of the whole sample (R's ``svyby``): the respondents outside
    it stay in the variance with a score of zero, and keep their place in the
    finite population correction (FPC_RULE).
    """
    from monitorkit.stats.design import design_proportions

    valid = ind.valid if mask is None else ind.valid & mask[:, None]
    sizes = design.population_sizes(len(ind.valid))
    result = design_proportions(
        ind.selected, valid, design.weights, design.strata, sizes, design.confidence
    )
    return result.low * 100, result.high * 100, result.se * 100, result.deff


def estimate(
    responses: Responses,
    *,
    by: str | Sequence[str] | None = None,
    confidence: float = 0.95,
    population: Population | None = None,
    adjust: str | None = None,
    questions: Sequence[str] | None = None,
) -> Summary:
    """Tabulate every question (or those ``questions`` names, in that order); with ``by``
    (a column, or several for side-by-side breakdowns), also per group with a test per item.

    Responses read with a weight column give weighted percentages, with
    unweighted and weighted bases and Kish's effective base for intervals and tests.
    """
    design = Design(
        confidence, responses.weights, population, responses.strata, responses.stratum_sizes
    )
    if design.strata is not None and design.weights is None and design.stratum_sizes is not None:
        # as R's svydesign with fpc and no weights: each respondent stands for N_h / n_h
        _, index, counts = np.unique(design.strata, return_inverse=True, return_counts=True)
        design.weights = design.stratum_sizes / counts[index]
    columns = [by] if isinstance(by, str) else list(by or [])
    splits = []
    for column in columns:
        groups = responses.group_values(column)
        order = responses.group_order(column, groups)
        splits.append((column, groups, order, responses.by_questions(column)))
    results = []
    for entry in select_by_id(responses.questions, questions):
        result = _summarize_question(entry, design)
        grouped = [
            (column, _with_groups(result, entry, groups, order, design, adjust))
            for column, groups, order, by_questions in splits
            if entry.question.id not in by_questions
        ]
        if grouped:
            result = grouped[0][1]
        if len(columns) > 1 and grouped:
            result = replace(
                result,
                breakdowns=tuple(
                    replace(split.all_breakdowns()[0], by=column) for column, split in grouped
                ),
            )
        results.append(result)
    return Summary(
        responses,
        results,
        tidy_frame(results),
        tuple(columns),
        confidence,
        population,
        design,
        adjust,
    )


def _with_groups(
    result: QuestionResult,
    entry: QuestionResponses,
    groups: pd.Series,
    order: list[str],
    design: Design,
    adjust: str | None = None,
) -> QuestionResult:
    """The question's result with its breakdown by group and a test per item.

    With ``adjust`` ('holm' or 'bh') the items' p-values are adjusted over the
    question's distinct tests; pairs are then judged on the adjusted p.
    """
    breakdown, tests = _group_breakdown(entry, groups, order, design)
    shared = entry.question.type in ("single", "scale")
    tests = [_protected(test) for test in _adjusted(tests, adjust, shared)]
    ungrouped = int((_answered(entry) & groups.isna().to_numpy()).sum())
    items = tuple(replace(item, test=test) for item, test in zip(result.items, tests, strict=False))
    stats = result.stats
    if stats is not None and tests:
        stats = replace(stats, test=tests[0])
    return replace(result, items=items, stats=stats, groups=tuple(breakdown), ungrouped=ungrouped)


#: The tidy frame's columns (DESIGN §5): one row per question, item and group.
COLUMNS = [
    "question",
    "item",
    "label",
    "group",
    "wave",
    "count",
    "base",
    "percent",
    "ci_low",
    "ci_high",
    "weighted_count",
    "weighted_base",
    "effective_base",
]
NO_GROUP = ""


def tidy_frame(results: list[QuestionResult], wave: str = "") -> pd.DataFrame:
    """Every item estimate, overall and per group, as one row of the tidy frame."""
    import pandas as pd

    rows = []
    for result in results:
        cells = [(NO_GROUP, result.items)] + [(g.group, g.items) for g in result.groups]
        for group, items in cells:
            for index, item in enumerate(items):
                rows.append(
                    {
                        "question": result.id,
                        "item": index,
                        "group": group,
                        "wave": wave,
                        **{name: getattr(item, name) for name in COLUMNS[5:]},
                        "label": item.label,
                    }
                )
    return pd.DataFrame(rows, columns=COLUMNS)


def _answered(entry: QuestionResponses) -> np.ndarray:
    """Per respondent: in the question's base (answered any item, or gave a valid value)."""
    if entry.states is not None:
        return np.asarray((entry.states >= 0).any(axis=1), dtype=bool)
    return np.asarray(entry.answers.notna().to_numpy(), dtype=bool)


def _summarize_question(entry: QuestionResponses, design: Design) -> QuestionResult:
    question = entry.question
    readings = tuple(
        Reading(str(value), read_as, count)
        for (value, read_as), count in sorted(
            entry.readings.items(), key=lambda kv: (-kv[1], str(kv[0][0]), kv[0][1])
        )
    )
    common: dict[str, Any] = dict(
        id=question.id,
        label=question.label,
        type=question.type,
        base_rule=BASE_RULES[entry.base_rule],
        readings=readings,
        warnings=tuple(entry.warnings),
        columns=tuple(question.columns),
        missing=tuple(MissingCount(label, count) for label, count in entry.missing.items()),
    )
    ind = indicators(entry)
    if ind is None:
        stats = _numeric_stats(entry.answers, design)
        return QuestionResult(base=entry.answers.notna().sum(), stats=stats, **common)
    columns = [item.column for item in question.items] if entry.states is not None else None
    items = proportion_rows(ind, design, columns=columns)
    if entry.item_missing:
        items = tuple(
            replace(item, missing=tuple(MissingCount(k, n) for k, n in missing.items()))
            for item, missing in zip(items, entry.item_missing, strict=True)
        )
    return QuestionResult(
        base=int(ind.answered.sum()),
        items=items,
        scale=_scale_stats(entry, ind, design) if question.type == "scale" else None,
        **common,
    )


def scale_scores(labels: list[str]) -> tuple[np.ndarray, str]:
    """The score of each scale point: its number (a 0–10 rating), else its position 1..k."""
    from monitorkit.vocabulary import parse_number

    numbers = [parse_number(label) for label in labels]
    if all(number is not None for number in numbers):
        return np.array(numbers, dtype=float), "the answers' own numbers"
    return np.arange(1, len(labels) + 1, dtype=float), f"positions 1–{len(labels)} on the scale"


def _scale_stats(entry: QuestionResponses, ind: Indicators, design: Design) -> ScaleStats:
    """Mean score with a t interval: ``mean_interval`` for a simple random sample (its half-width
    times the square root of the FPC factor with a known population), else the design's.

    Non-answers counted in the base with --missing-as-category are not points of the
    scale and have no score: they stay out of the mean.
    """
    points = [label for label in ind.labels if label not in entry.unscored]
    scores, scoring = scale_scores(points)
    score_of = dict(zip(points, scores, strict=True))
    per_label = np.array([score_of.get(label, np.nan) for label in ind.labels])
    position, chose = ind.first_selected()
    chosen = per_label[position]
    answered = chose & ~np.isnan(chosen)
    values = chosen[answered]
    if values.size == 0:
        return ScaleStats(0, None, None, None, None, scoring)
    boxes = _boxes(points, scores, chosen, answered, design)
    if design.design_based:
        from monitorkit.stats.design import design_mean

        sizes = design.population_sizes(len(chosen))
        scored = np.where(answered, chosen, np.nan)
        estimate = design_mean(scored, design.weights, design.strata, sizes, design.confidence)
        return ScaleStats(
            n=int(values.size),
            mean=json_value(estimate.mean),
            ci_low=json_value(estimate.low) if values.size > 1 else None,
            ci_high=json_value(estimate.high) if values.size > 1 else None,
            sd=json_value(estimate.sd) if values.size > 1 else None,
            scores=scoring,
            top2=boxes[0],
            bottom2=boxes[1],
        )
    mean, sd, t_low, t_high = mean_interval(values, design.confidence)
    low = high = None
    if values.size > 1 and sd > 0:
        shrink = math.sqrt(design.fpc_factor(len(chosen)))  # FPC_RULE
        low, high = (mean - shrink * (mean - t_low), mean + shrink * (t_high - mean))
    return ScaleStats(
        n=int(values.size),
        mean=json_value(mean),
        ci_low=json_value(low),
        ci_high=json_value(high),
        sd=json_value(sd) if values.size > 1 else None,
        scores=scoring,
        top2=boxes[0],
        bottom2=boxes[1],
    )


def _boxes(
    points: list[str],
    scores: np.ndarray,
    chosen: np.ndarray,
    answered: np.ndarray,
    design: Design,
) -> tuple[ItemEstimate | None, ItemEstimate | None]:
    """Top-2-box and bottom-2-box: the share choosing one of the two highest (lowest) scored
    points of the scale, among those who chose a point, with the interval every percentage
    of the design gets. None for a scale of fewer than four points."""
    if len(points) < 4:
        return None, None
    order = np.argsort(scores, kind="stable")
    low, high = scores[order[:2]], scores[order[-2:]]
    names = [points[i] for i in order]
    top = np.isin(chosen, high) & answered
    bottom = np.isin(chosen, low) & answered
    boxes = Indicators(
        [f"top 2 ({', '.join(names[-2:])})", f"bottom 2 ({', '.join(names[:2])})"],
        np.column_stack([top, bottom]),
        np.column_stack([answered, answered]),
    )
    top_box, bottom_box = proportion_rows(boxes, design)
    return top_box, bottom_box


def _numeric_stats(
    answers: pd.Series, design: Design, domain: np.ndarray | None = None
) -> NumericStats:
    """n, mean, median, sd, min and max of the answers in ``domain`` (all when None).

    With weights or strata, the mean, median and sd come from the design, with
    the mean's standard error and interval (a domain estimate on the full design).
    """
    import pandas as pd

    from monitorkit.stats.design import design_mean

    values = pd.to_numeric(answers, errors="coerce").to_numpy(dtype=float)
    answered = ~np.isnan(values) if domain is None else ~np.isnan(values) & domain
    numbers = pd.Series(values[answered])
    if numbers.empty:
        return NumericStats(0)
    plain = NumericStats(
        n=int(numbers.size),
        mean=json_value(numbers.mean()),
        median=json_value(numbers.median()),
        sd=json_value(numbers.std(ddof=1)) if numbers.size > 1 else None,
        min=json_value(numbers.min()),
        max=json_value(numbers.max()),
    )
    if not design.design_based:
        return plain
    sizes = design.population_sizes(len(values))
    estimate = design_mean(values, design.weights, design.strata, sizes, design.confidence, domain)
    return replace(
        plain,
        mean=json_value(estimate.mean),
        median=json_value(estimate.median),
        sd=json_value(estimate.sd),
        se=json_value(estimate.se),
        ci_low=json_value(estimate.low),
        ci_high=json_value(estimate.high),
        df=estimate.df,
    )


def _group_breakdown(
    entry: QuestionResponses, groups: pd.Series, names: list[str], design: Design
) -> tuple[list[GroupEstimate], list[TestResult | None]]:
    """Per group of the --by column, in ``names`` order: the question's items; one test per item.

    Group intervals carry weights but no FPC (a group's population size is unknown).
    """
    masks = _group_masks(groups, names)
    ind = indicators(entry)
    if ind is None:
        samples, result = [], []
        for name, mask in zip(names, masks, strict=True):
            sub = entry.answers[mask].dropna()
            samples.append(sub.to_numpy(dtype=float))
            stats = _numeric_stats(entry.answers, design, mask)
            result.append(GroupEstimate(str(name), len(sub), stats=stats))
        return result, [_numeric_test(samples, weighted=design.design_based)]
    result = [
        GroupEstimate(
            str(name),
            int(ind.answered[mask].sum()),
            proportion_rows(ind, design, mask),
        )
        for name, mask in zip(names, masks, strict=True)
    ]
    if design.design_based:
        return result, _design_group_tests(ind, masks, result, design, entry.question.type)
    return result, _count_group_tests(ind, result, design, entry.question.type)


def _group_masks(groups: pd.Series, names: list[str]) -> list[np.ndarray]:
    """Per group name, which respondents' --by answer reads as that name (one factorize)."""
    import pandas as pd

    codes, uniques = pd.factorize(groups, use_na_sentinel=True)
    texts = np.array([str(value) for value in uniques] + [None], dtype=object)
    return [np.asarray(texts[codes] == name, dtype=bool) for name in names]


def _count_group_tests(
    ind: Indicators, groups: list[GroupEstimate], design: Design, kind: str
) -> list[TestResult | None]:
    """Without weights or strata: tests on the groups' counts, the FPC by division.

    Single and scale questions get one test of groups x answers, shared by their
    items; other questions one groups x (selected, not) test per item.
    """

    def selected_and_not(cell: ItemEstimate) -> tuple[float, float]:
        return cell.count, cell.base - cell.count

    sample = ind.respondents  # the FPC's sample fraction is the whole sample's (FPC_RULE)
    factor = design.fpc_factor(sample)
    if kind in ("single", "scale"):
        table = np.array([[c.count for c in g.items] for g in groups], dtype=float)
        test = _test_table(table, design.population, respondents=sample)
        omnibus = [(test, factor)] * len(ind.labels)
    else:
        omnibus = []
        for index in range(len(ind.labels)):
            table = np.array([selected_and_not(g.items[index]) for g in groups], dtype=float)
            test = _test_table(table, design.population, respondents=sample)
            omnibus.append((test, factor))
    tests: list[TestResult | None] = []
    for index, (test, factor) in enumerate(omnibus):
        cells = [(g.group, selected_and_not(g.items[index])) for g in groups]
        pairwise = column_proportion_tests(cells, factor=factor)
        tests.append(_with_effects(test, pairwise, groups, index))
    return tests


def _design_group_tests(
    ind: Indicators,
    masks: list[np.ndarray],
    groups: list[GroupEstimate],
    design: Design,
    kind: str,
) -> list[TestResult | None]:
    """Under weights or strata: Rao–Scott F tests on the full design (R's ``svychisq``).

    Single and scale questions test groups x answers once; every item (and every
    pair of groups, as a domain of the same design) tests groups x (selected, not).
    """
    from itertools import combinations

    from monitorkit.stats.design import RAO_SCOTT, rao_scott

    respondents = ind.valid.shape[0]
    group_codes = np.full(respondents, -1)
    for code, mask in enumerate(masks):
        group_codes[mask] = code
    sizes = design.population_sizes(respondents)

    def tested(outcome: np.ndarray, codes: np.ndarray = group_codes) -> TestResult | None:
        result = rao_scott(codes, outcome, design.weights, design.strata, sizes)
        if result is None or not np.isfinite(result.p):
            return None
        return TestResult(
            RAO_SCOTT,
            json_value(result.p),
            statistic=json_value(result.statistic),
            df=json_value(result.ndf),
            df_denominator=json_value(result.ddf),
            cramers_v=json_value(result.cramers_v),
        )

    items = [
        np.where(ind.valid[:, i], ind.selected[:, i].astype(int), -1)
        for i in range(len(ind.labels))
    ]
    if kind in ("single", "scale"):
        answered = ind.valid.any(axis=1)
        shared = tested(np.where(answered, ind.selected.argmax(axis=1), -1))
        overall = [shared] * len(items)
    else:
        overall = [tested(outcome) for outcome in items]
    names = [g.group for g in groups]
    tests: list[TestResult | None] = []
    for index, outcome in enumerate(items):
        pairs, pvalues = [], []
        for a, b in combinations(range(len(names)), 2):
            pair = np.where((group_codes == a) | (group_codes == b), group_codes, -1)
            test = tested(outcome, pair)
            if test is not None and test.p is not None:
                pairs.append((names[a], names[b]))
                pvalues.append(test.p)
        pairwise = _adjusted_pairs(pairs, pvalues, RAO_SCOTT + " per pair of groups, as domains")
        tests.append(_with_effects(overall[index], pairwise, groups, index))
    return tests


def _with_effects(
    test: TestResult | None, pairwise: PairwiseTests, groups: list[GroupEstimate], index: int
) -> TestResult | None:
    """The item's test with its pairwise comparisons and, for two groups, Cohen's h."""
    if test is None:
        return None
    shares = [g.items[index].percent for g in groups if g.items]
    cohens_h = None
    if len(shares) == 2 and shares[0] is not None and shares[1] is not None:
        first, second = (math.asin(math.sqrt(share / 100)) for share in (shares[0], shares[1]))
        cohens_h = 2 * (second - first)
    return replace(test, pairwise=pairwise, cohens_h=cohens_h)


PAIRWISE_TEST = (
    "Pearson chi-square per pair of groups (Fisher exact where an expected count is below 5)"
)
PAIRWISE_FPC = "; chi-square pairs with the overall test's finite population correction"
PAIRWISE_CORRECTION = "Holm"
PAIRWISE_ALPHA = 0.05
PROTECTED = " (pairs only where the overall test is significant)"


def _adjusted(
    tests: list[TestResult | None], adjust: str | None, shared: bool
) -> list[TestResult | None]:
    """The tests with p adjusted over the question's tests (statsmodels).

    A single or scale question (``shared``) has one test of groups x answers
    repeated on its items, so it counts once and keeps its own p.
    """
    if adjust is None:
        return tests
    from monitorkit.options import ADJUSTMENTS

    present = {i: t for i, t in enumerate(tests) if t is not None and t.p is not None}
    if not present:
        return tests
    pvalues = [float(t.p or 0.0) for t in present.values()]
    if shared:
        adjusted, count = list(pvalues), 1
    else:
        adjusted, count = adjust_pvalues(pvalues, adjust), len(present)
    how = f"{ADJUSTMENTS[adjust]} over {count} test(s) of the question's items"
    result = list(tests)
    for (index, test), q in zip(present.items(), adjusted, strict=True):
        result[index] = replace(test, p_adjusted=float(q), adjustment=how)
    return result


def _protected(test: TestResult | None) -> TestResult | None:
    """A pair is called different only where the item's overall test is significant too.

    A protected comparison: one row never says both "no difference between the
    groups" and "these two groups differ". The overall p is the adjusted one
    under ``--adjust``.
    """
    if test is None or test.pairwise is None:
        return test
    overall = test.p_adjusted if test.p_adjusted is not None else test.p
    pairwise = replace(test.pairwise, correction=test.pairwise.correction + PROTECTED)
    if overall is None or overall >= PAIRWISE_ALPHA:
        pairs = tuple(replace(pair, significant=False) for pair in pairwise.pairs)
        pairwise = replace(pairwise, pairs=pairs)
    return replace(test, pairwise=pairwise)


def column_proportion_tests(
    cells: list[tuple[str, tuple[float, float]]],
    alpha: float = 0.05,
    factor: float = 1.0,
) -> PairwiseTests:
    """Every pair of groups compared on one item, p-values adjusted for the number of pairs.

    ``cells`` holds (group, (selected, not selected)) counts. Each pair gets the
    overall test's rule: Fisher's exact test when an expected count is below 5,
    else the Pearson chi-square (the square of the pooled two-proportion z)
    divided by the same finite population ``factor`` (N - n) / (N - 1), so a row
    never says "no difference" overall while a pair differs only for want of the
    correction.
    """
    from itertools import combinations

    from scipy.stats import chi2, fisher_exact

    pairs, pvalues = [], []
    for (name_a, (yes_a, no_a)), (name_b, (yes_b, no_b)) in combinations(cells, 2):
        total_a, total_b = yes_a + no_a, yes_b + no_b
        if not total_a or not total_b or yes_a + yes_b in (0, total_a + total_b):
            continue
        table = np.array([[yes_a, no_a], [yes_b, no_b]], dtype=float)
        expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
        if expected.min() < 5:
            p = float(fisher_exact(np.rint(table).astype(int))[1])
        elif factor == 0:
            p = 0.0 if (yes_a / total_a) != (yes_b / total_b) else 1.0
        else:
            statistic = (
                table.sum()
                * (yes_a * no_b - no_a * yes_b) ** 2
                / (total_a * total_b * (yes_a + yes_b) * (no_a + no_b))
            )
            p = float(chi2.sf(statistic / factor, 1))
        pairs.append((name_a, name_b))
        pvalues.append(p)
    return _adjusted_pairs(
        pairs, pvalues, PAIRWISE_TEST + (PAIRWISE_FPC if factor != 1 else ""), alpha
    )


def adjust_pvalues(pvalues: list[float], method: str = "holm") -> list[float]:
    """p-values adjusted for multiplicity: Holm's step-down or Benjamini–Hochberg ('bh').

    The same numbers as statsmodels' ``multipletests`` (``holm``, ``fdr_bh``; tested
    against it), without its garbage collection on every call, which cost a third
    of a 100,000-row ``--by`` run that adjusts once per item.
    """
    values = np.asarray(pvalues, dtype=float)
    count = values.size
    if count == 0:
        return []
    order = np.argsort(values, kind="stable")
    ranked = values[order]
    if method == "holm":
        stepped = np.maximum.accumulate(np.minimum(1.0, (count - np.arange(count)) * ranked))
    else:
        scaled = ranked * count / np.arange(1, count + 1)
        stepped = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    adjusted = np.empty(count)
    adjusted[order] = stepped
    return [float(value) for value in adjusted]


def _adjusted_pairs(
    pairs: list[tuple[str, str]], pvalues: list[float], test: str, alpha: float = 0.05
) -> PairwiseTests:
    """The pairs with their p-values and Holm's adjustment over the pairs of one item."""
    adjusted = adjust_pvalues(pvalues, "holm")
    return PairwiseTests(
        test,
        f"{PAIRWISE_CORRECTION} over {len(pairs)} pair(s)",
        tuple(
            PairTest(pair, p, float(q), bool(q < alpha))
            for pair, p, q in zip(pairs, pvalues, adjusted, strict=True)
        ),
    )


def _numeric_test(samples: list[np.ndarray], weighted: bool = False) -> TestResult | None:
    """Kruskal-Wallis across groups (scipy): no normality assumed for small municipal samples.

    It ranks the answers as given; under weights or strata the note says so.
    """
    from scipy.stats import kruskal

    usable = [s for s in samples if s.size]
    if len(usable) < 2 or len(np.unique(np.concatenate(usable))) < 2:
        return None
    statistic, p = kruskal(*usable)
    note = "unweighted: ranks the answers as given, not the design" if weighted else None
    return TestResult("Kruskal-Wallis", json_value(p), statistic=json_value(statistic), note=note)


#: Tables drawn for a Monte Carlo p-value; the seed is fixed so output is reproducible.
MONTE_CARLO_TABLES = 20_000
MONTE_CARLO_SEED = 20141


def _test_table(
    table: np.ndarray,
    population: Population | None = None,
    respondents: int | None = None,
) -> TestResult | None:
    """Independence test of a groups x outcomes table of (unweighted) counts.

    Pearson chi-square (no continuity correction) unless an expected count is
    below 5; then Fisher's exact test for a 2x2 table, and for larger tables a
    Monte Carlo p-value of the same chi-square over random tables with the
    observed margins (scipy's ``random_table``; as R's
    ``chisq.test(simulate.p.value = TRUE)``), with a fixed seed. With a known
    population the chi-square statistic is divided by (N - n) / (N - 1), n being
    the ``respondents`` in the table; the exact and Monte Carlo tests have no
    such correction and say so. Cramér's V comes with every test.
    """
    from scipy.stats import MonteCarloMethod, chi2, chi2_contingency, fisher_exact

    table = table[table.sum(axis=1) > 0]
    table = table[:, table.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return None
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    statistic, p, dof, _ = chi2_contingency(table, correction=False)
    cramers_v = json_value(math.sqrt(statistic / (table.sum() * (min(table.shape) - 1))))
    no_fpc = " (no FPC)" if population else ""
    if expected.min() < 5:
        if table.shape == (2, 2):
            _, p = fisher_exact(table)
            return TestResult("Fisher exact" + no_fpc, json_value(p), cramers_v=cramers_v)
        method = MonteCarloMethod(n_resamples=MONTE_CARLO_TABLES, rng=MONTE_CARLO_SEED)
        simulated = chi2_contingency(np.rint(table).astype(int), correction=False, method=method)
        return TestResult(
            f"Pearson chi-square, Monte Carlo p ({MONTE_CARLO_TABLES:,} tables){no_fpc}",
            json_value(simulated.pvalue),
            statistic=json_value(statistic),
            df=int(dof),
            note="expected counts below 5: p from tables with the same margins",
            cramers_v=cramers_v,
        )
    name = "Pearson chi-square"
    if population is not None:
        factor = population.factor(table.sum() if respondents is None else respondents)
        if factor == 0:
            return TestResult(name + " with FPC", None, note="a census: no sampling error")
        statistic, p, name = (
            statistic / factor,
            chi2.sf(statistic / factor, dof),
            name + " with FPC",
        )
    return TestResult(
        name,
        json_value(p),
        statistic=json_value(statistic),
        df=int(dof),
        cramers_v=cramers_v,
    )


def survey_year(responses: Responses) -> int | None:
    """The survey's year: from its codebook, else the first four-digit year in the file name."""
    import re
    from pathlib import Path

    if responses.codebook.year:
        return responses.codebook.year
    match = re.search(r"(?<!\d)(19|20)\d{2}(?!\d)", Path(responses.source.input_path).stem)
    return int(match.group(0)) if match else None


def _stratify(responses: Responses, column: str, population: Any) -> None:
    """Give the responses their strata and, from a population file, each stratum's size."""
    from monitorkit.errors import UsageError
    from monitorkit.stats.population import read_stratum_sizes
    from monitorkit.vocabulary import ValueRules, read_categories

    raw = responses.raw
    if column not in raw.frame.columns:
        raise UsageError(
            f"--strata column '{column}' is not in the data",
            raw.location(),
            closest_header(raw, column, "--strata"),
        )
    labels = read_categories(raw.frame[column], ValueRules.for_column(raw, column)).values
    if labels.isna().any():
        rows = ", ".join(str(r) for r in labels.index[labels.isna().to_numpy()][:5])
        raise UsageError(
            f"--strata '{column}' has no stratum for row(s) {rows}",
            raw.location(column=column),
            "every respondent needs a stratum",
        )
    strata = labels.astype(str).to_numpy()
    responses.strata = strata
    responses.strata_column = column
    codebook_sizes = responses.codebook.population
    if population is None and isinstance(codebook_sizes, dict):
        sizes, source = codebook_sizes, "the codebook's population per stratum"
        where = "the codebook's population"
    elif population is None:
        return
    elif isinstance(population, (int, Population)) or str(population).strip().isdecimal():
        raise UsageError(
            "with --strata, --population names a file of the population size per stratum",
            hint="e.g. a YAML file with 'G4: 4', 'G32: 36', 'overig: 353'",
        )
    else:
        sizes, source = read_stratum_sizes(str(population)), str(population)
        where = f"the population file {population}"
    unknown = sorted(set(strata) - set(sizes))
    if unknown:
        raise UsageError(
            f"{where} has no size for stratum {', '.join(repr(u) for u in unknown)}",
            hint=f"strata in {where}: {', '.join(sizes)}",
        )
    for stratum in sorted(set(strata)):
        n_h = int((strata == stratum).sum())
        if sizes[stratum] < n_h:
            raise UsageError(
                f"stratum '{stratum}': the population ({sizes[stratum]}) is smaller than its "
                f"{n_h} respondents",
                hint=f"check {where}",
            )
    responses.stratum_sizes = np.array([sizes[stratum] for stratum in strata], dtype=float)
    responses.stratum_sizes_source = source


def summarize_survey(
    path,
    *,
    by: str | Sequence[str] | None = None,
    questions: Sequence[str] | None = None,
    reading: ReadOptions | None = None,
    design: DesignOptions | None = None,
    **options: Any,
) -> Summary:
    """Read a survey export and tabulate every question: the library face of `summarize`.

    ``reading`` says how to read the file (see ``read_survey``), ``design`` how
    the estimates generalise; their fields may also be given as keywords
    (``summarize_survey("s.xlsx", by="grootte", weight="w", population="auto")``).
    ``questions`` lists the question ids to tabulate, in the order wanted (default: all).
    ``by`` breaks every table down by a column; several columns give side-by-side
    breakdowns, each with its own tests.
    ``population`` is a size, 'auto' (the number of municipalities in the survey's
    year, for municipality surveys) or None (no finite population correction); with
    ``strata`` (a column) it is a YAML or CSV file of the population size per stratum.
    """
    from monitorkit.errors import UsageError
    from monitorkit.stats.population import resolve_population
    from monitorkit.stats.responses import read_survey

    reading, design = sort_options(reading, design, options, "summarize_survey")
    responses = read_survey(path, weight=design.weight, **reading.as_kwargs())
    population, strata = design.population, design.strata
    if strata:
        _stratify(responses, strata, population)
        population = None
    given = responses.codebook.population
    if population is None and given and not strata:
        if isinstance(given, dict):
            raise UsageError(
                "the codebook gives the population per stratum, but no --strata column",
                responses.raw.location(),
                "name the column of the strata with --strata",
            )
        population = Population(given, f"{given} (codebook field 'population')")
    if not isinstance(population, Population):
        population = resolve_population(
            population,
            unit=responses.codebook.unit,
            year=survey_year(responses),
            what=str(path),
        )
    if population is not None and population.size < responses.source.rows:
        raise UsageError(
            f"the population ({population.size}, {population.source}) is smaller than the "
            f"{responses.source.rows} respondents",
            responses.raw.location(),
            "give the size of the population the respondents were drawn from",
        )
    return estimate(
        responses,
        by=by,
        confidence=design.confidence,
        population=population,
        adjust=design.adjust,
        questions=questions,
    )
