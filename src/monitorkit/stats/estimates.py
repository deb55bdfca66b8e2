"""Estimates: counts, bases, percentages and 95% Wilson intervals in one tidy frame.

Counting is vectorised over each question's state matrix. Intervals come from
statsmodels (Wilson score), group tests from scipy: Pearson chi-square, or
Fisher's exact test when an expected count is below 5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from monitorkit.stats.population import Population
from monitorkit.stats.responses import BASE_RULES, QuestionResponses, Responses
from monitorkit.vocabulary import SELECTED

if TYPE_CHECKING:
    import pandas as pd

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


@dataclass
class QuestionSummary:
    """Everything computed for one question, in the shape renderers and JSON need."""

    id: str
    label: str
    type: str
    base: int
    base_rule: str
    items: list[dict[str, Any]]
    stats: dict[str, Any] | None = None
    groups: list[dict[str, Any]] = field(default_factory=list)
    readings: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    #: Explicit non-answers left out of the base: [{"label", "count"}], below the table.
    missing: list[dict[str, Any]] = field(default_factory=list)
    #: Respondents without a value in the --by column (not in any group).
    ungrouped: int = 0
    #: Scale questions: mean score with its interval, and how points were scored.
    scale: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "type": self.type,
            "columns": self.columns,
            "base": self.base,
            "base_rule": self.base_rule,
            "items": self.items,
        }
        if self.missing:
            data["missing"] = self.missing
        if self.scale is not None:
            data["scale"] = self.scale
        if self.ungrouped:
            data["ungrouped"] = self.ungrouped
        if self.stats is not None:
            data["stats"] = self.stats
        if self.groups:
            data["groups"] = self.groups
        data["readings"] = self.readings
        if self.warnings:
            data["warnings"] = self.warnings
        return data


@dataclass
class Summary:
    """The result of summarize: the tidy frame plus per-question detail and provenance."""

    responses: Responses
    questions: list[QuestionSummary]
    table: pd.DataFrame
    by: str | None = None
    confidence: float = 0.95
    population: Population | None = None

    @property
    def provenance(self) -> dict[str, Any] | None:
        return self.responses.provenance

    @property
    def weights_info(self) -> dict[str, Any] | None:
        """The weight column, the sum of weights and Kish's effective sample size."""
        weights = self.responses.weights
        if weights is None:
            return None
        return {
            "column": self.responses.weight_column,
            "sum": json_number(weights.sum()),
            "kish_effective_n": json_number(weights.sum() ** 2 / (weights**2).sum()),
        }

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
            "confidence": self.confidence,
            "interval": "wilson",
            "fpc": self.population.as_dict() if self.population else {"applied": False},
            "weights": self.weights_info,
        }
        if self.provenance:
            from monitorkit.io.datasets import public_provenance

            data["provenance"] = public_provenance(self.provenance)
        if self.by:
            data["by"] = self.by
        responses = self.responses
        if responses.previews_left_out:
            data["previews_left_out"] = responses.previews_left_out
        if responses.warnings:
            data["warnings"] = list(responses.warnings)
        data["questions"] = [q.as_dict() for q in self.questions]
        data["not_tabulated"] = [entry.to_dict() for entry in responses.not_tabulated]
        return data


def proportion_interval(share, size, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval in percent for shares at (effective) sample sizes.

    statsmodels computes the interval; an infinite size (a census) gives the point
    itself, a zero size NaN.
    """
    from statsmodels.stats.proportion import proportion_confint

    share = np.asarray(share, dtype=float)
    size = np.asarray(size, dtype=float)
    finite = np.isfinite(size) & (size > 0)
    nobs = np.where(finite, size, 1.0)
    low, high = proportion_confint(
        np.nan_to_num(share) * nobs, nobs, alpha=1 - confidence, method="wilson"
    )
    census = np.isinf(size)
    low = np.where(census, share, np.where(finite, low, np.nan))
    high = np.where(census, share, np.where(finite, high, np.nan))
    return low * 100, high * 100


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


def json_number(value: Any) -> Any:
    """JSON-friendly scalar: NaN becomes None, numpy types become Python types."""
    if value is None:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    value = float(value) if isinstance(value, (np.floating, float)) else value
    if isinstance(value, float) and value != value:
        return None
    return value


@dataclass
class Indicators:
    """A proportion question as indicator matrices: who selected, who answered, per item."""

    labels: list[str]
    selected: np.ndarray
    valid: np.ndarray


def indicators(entry: QuestionResponses) -> Indicators | None:
    """Multi, battery, single and scale questions as indicators; None for numeric ones."""
    if entry.states is not None:
        return Indicators(
            [i.label for i in entry.question.items], entry.states == SELECTED, entry.states >= 0
        )
    if entry.question.type not in ("single", "scale"):
        return None
    values = entry.values
    labels = [str(c) for c in _category_counts(values.dropna(), entry.order).index]
    answered = values.notna().to_numpy()
    codes = pd_categorical_codes(values, labels)
    selected = codes[:, None] == np.arange(len(labels))[None, :]
    return Indicators(labels, selected, np.repeat(answered[:, None], len(labels), axis=1))


def item_states(entry: QuestionResponses) -> np.ndarray | None:
    """Per respondent and item: 1 selected, 0 not, -1 not in the base; None for numeric."""
    ind = indicators(entry)
    if ind is None:
        return None
    return np.where(ind.valid, ind.selected.astype(np.int8), np.int8(-1)).astype(np.int8)


def pd_categorical_codes(values, labels: list[str]) -> np.ndarray:
    """Position of each respondent's answer among ``labels`` (-1 for none), vectorised."""
    import pandas as pd

    return pd.Categorical(values.astype(object), categories=labels).codes.astype(np.int64)


@dataclass
class Design:
    """How estimates generalise: confidence, weights (Kish) and finite population."""

    confidence: float = 0.95
    weights: np.ndarray | None = None
    population: Population | None = None

    def sizes(self, valid: np.ndarray, mask: np.ndarray | None, total: bool) -> np.ndarray:
        """Effective sample size per item: Kish's n_eff with weights, FPC for totals."""
        bases = valid.sum(axis=0).astype(float)
        if self.weights is None:
            sizes = bases
        else:
            weights = self.weights if mask is None else self.weights[mask]
            weighted = (weights[:, None] * valid).sum(axis=0)
            squares = (weights[:, None] ** 2 * valid).sum(axis=0)
            with np.errstate(invalid="ignore", divide="ignore"):
                sizes = np.where(squares > 0, weighted**2 / np.where(squares > 0, squares, 1), 0.0)
        if total and self.population is not None:
            factors = np.array([self.population.factor(n) for n in bases])
            with np.errstate(divide="ignore"):
                sizes = np.where(factors > 0, sizes / np.where(factors > 0, factors, 1), np.inf)
        return sizes


def proportion_rows(
    ind: Indicators, design: Design, mask: np.ndarray | None = None, total: bool = True
) -> list[dict[str, Any]]:
    """Count, base, percent and interval per item, over all respondents or a mask of them."""
    selected = ind.selected if mask is None else ind.selected[mask]
    valid = ind.valid if mask is None else ind.valid[mask]
    counts = selected.sum(axis=0)
    bases = valid.sum(axis=0)
    if design.weights is None:
        top, bottom = counts.astype(float), bases.astype(float)
    else:
        weights = design.weights if mask is None else design.weights[mask]
        top = (weights[:, None] * selected).sum(axis=0)
        bottom = (weights[:, None] * valid).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1), np.nan)
    sizes = design.sizes(valid, mask, total)
    low, high = proportion_interval(share, sizes, design.confidence)
    rows = []
    for index, label in enumerate(ind.labels):
        row = {
            "label": label,
            "count": int(counts[index]),
            "base": int(bases[index]),
            "percent": json_number(share[index] * 100),
            "ci_low": json_number(low[index]),
            "ci_high": json_number(high[index]),
        }
        if design.weights is not None:
            row.update(
                weighted_count=json_number(top[index]),
                weighted_base=json_number(bottom[index]),
                effective_base=json_number(design.sizes(valid, mask, False)[index]),
            )
        rows.append(row)
    return rows


def estimate(
    responses: Responses,
    *,
    by: str | None = None,
    confidence: float = 0.95,
    population: Population | None = None,
) -> Summary:
    """Tabulate every question; with ``by``, also per group with a test per item.

    Responses read with a weight column give weighted percentages, with
    unweighted and weighted bases and Kish's effective base for intervals and tests.
    """
    import pandas as pd

    design = Design(confidence, responses.weights, population)
    groups = responses.group_values(by) if by else None
    by_question = responses.by_question(by) if by else None
    summaries = []
    rows: list[dict[str, Any]] = []
    for entry in responses.questions:
        summary = _summarize_question(entry, design)
        if groups is not None and entry.question.id != by_question:
            answered = _answered(entry)
            summary.ungrouped = int((answered & groups.isna().to_numpy()).sum())
            summary.groups, tests = _group_breakdown(entry, groups, design)
            for item, test in zip(summary.items, tests, strict=False):
                item["test"] = test
            if summary.stats is not None and tests:
                summary.stats["test"] = tests[0]
        summaries.append(summary)
        for item_index, item in enumerate(summary.items):
            rows.append({"question": summary.id, "item": item_index, "group": NO_GROUP, **item})
        for group in summary.groups:
            for item_index, item in enumerate(group["items"]):
                rows.append(
                    {"question": summary.id, "item": item_index, "group": group["group"], **item}
                )
    table = pd.DataFrame(rows).reindex(columns=COLUMNS)
    table["wave"] = ""
    return Summary(responses, summaries, table, by, confidence, population)


def _answered(entry: QuestionResponses) -> np.ndarray:
    """Per respondent: in the question's base (answered any item, or gave a valid value)."""
    if entry.states is not None:
        return (entry.states >= 0).any(axis=1)
    return entry.values.notna().to_numpy()


def _summarize_question(entry: QuestionResponses, design: Design) -> QuestionSummary:
    question = entry.question
    readings = [
        {"value": value, "read_as": read_as, "count": count}
        for (value, read_as), count in sorted(
            entry.readings.items(), key=lambda kv: (-kv[1], str(kv[0][0]), kv[0][1])
        )
    ]
    common = dict(
        id=question.id,
        label=question.label,
        type=question.type,
        base_rule=BASE_RULES[entry.base_rule],
        readings=readings,
        warnings=list(entry.warnings),
        columns=list(question.columns),
        missing=[{"label": label, "count": count} for label, count in entry.missing.items()],
    )
    ind = indicators(entry)
    if ind is None:
        valid = entry.values.dropna()
        weights = (
            None if design.weights is None else design.weights[entry.values.notna().to_numpy()]
        )
        return QuestionSummary(
            base=len(valid), items=[], stats=_numeric_stats(valid, weights), **common
        )
    items = proportion_rows(ind, design)
    for item, source in zip(items, question.items, strict=False):
        if source.column is not None:
            item["column"] = source.column
    base = int(ind.valid.any(axis=1).sum())
    summary = QuestionSummary(base=base, items=items, **common)
    if question.type == "scale":
        summary.scale = _scale_stats(entry, ind, design)
    return summary


def scale_scores(labels: list[str]) -> tuple[np.ndarray, str]:
    """The score of each scale point: its number (a 0–10 rating), else its position 1..k."""
    from monitorkit.vocabulary import parse_number

    numbers = [parse_number(label) for label in labels]
    if all(number is not None for number in numbers):
        return np.array(numbers, dtype=float), "the answers' own numbers"
    return np.arange(1, len(labels) + 1, dtype=float), f"positions 1–{len(labels)} on the scale"


def _scale_stats(entry: QuestionResponses, ind: Indicators, design: Design) -> dict[str, Any]:
    """Mean score with a t interval (statsmodels; weighted where weights are given)."""
    from statsmodels.stats.weightstats import DescrStatsW

    scores, scoring = scale_scores(ind.labels)
    chosen = ind.selected.argmax(axis=1)
    answered = ind.selected.any(axis=1)
    values = scores[chosen[answered]]
    weights = None if design.weights is None else design.weights[answered]
    if values.size == 0:
        return {
            "n": 0,
            "mean": None,
            "ci_low": None,
            "ci_high": None,
            "sd": None,
            "scores": scoring,
        }
    described = DescrStatsW(values, weights=weights, ddof=1)
    low, high = (None, None)
    if values.size > 1 and described.std > 0:
        low, high = described.tconfint_mean(alpha=1 - design.confidence)
    return {
        "n": int(values.size),
        "mean": json_number(described.mean),
        "ci_low": json_number(low),
        "ci_high": json_number(high),
        "sd": json_number(described.std) if values.size > 1 else None,
        "scores": scoring,
    }


def _category_counts(valid: pd.Series, order: list[str]) -> pd.Series:
    """Frequencies of every category in the order asked (zero where nobody chose it).

    Answers outside the known categories follow, most frequent first, ties by label.
    """
    counts = valid.astype(str).value_counts()
    rest = sorted(
        (label for label in counts.index if label not in set(order)),
        key=lambda label: (-counts[label], label),
    )
    return counts.reindex(list(dict.fromkeys(order)) + rest, fill_value=0)


def _numeric_stats(valid: pd.Series, weights: np.ndarray | None = None) -> dict[str, Any]:
    numbers = valid.astype(float)
    if numbers.empty:
        return {"n": 0, "mean": None, "median": None, "sd": None, "min": None, "max": None}
    stats = {
        "n": int(numbers.size),
        "mean": json_number(numbers.mean()),
        "median": json_number(numbers.median()),
        "sd": json_number(numbers.std(ddof=1)) if numbers.size > 1 else None,
        "min": json_number(numbers.min()),
        "max": json_number(numbers.max()),
    }
    if weights is not None:
        stats["weighted_mean"] = json_number(np.average(numbers.to_numpy(), weights=weights))
    return stats


def _group_breakdown(
    entry: QuestionResponses, groups: pd.Series, design: Design
) -> tuple[list[dict], list[dict | None]]:
    """Per group of the --by column: the question's items; and one test per item.

    Group intervals carry weights but no FPC (a group's population size is unknown).
    """
    names = sorted(groups.dropna().unique(), key=str)
    masks = [(groups == name).to_numpy() for name in names]
    ind = indicators(entry)
    if ind is None:
        samples, result = [], []
        for name, mask in zip(names, masks, strict=True):
            sub = entry.values[mask].dropna()
            samples.append(sub.to_numpy(dtype=float))
            result.append(
                {"group": str(name), "base": len(sub), "items": [], "stats": _numeric_stats(sub)}
            )
        return result, [_numeric_test(samples)]
    result = [
        {
            "group": str(name),
            "base": int(ind.valid[mask].any(axis=1).sum()),
            "items": proportion_rows(ind, design, mask, total=False),
        }
        for name, mask in zip(names, masks, strict=True)
    ]
    weighted = design.weights is not None

    def selected_and_not(cell: dict[str, Any]) -> tuple[float, float]:
        if not weighted:
            return cell["count"], cell["base"] - cell["count"]
        if cell["percent"] is None:
            return 0.0, 0.0
        share = cell["percent"] / 100
        return share * cell["effective_base"], (1 - share) * cell["effective_base"]

    if entry.question.type == "single":
        table = np.array([[selected_and_not(c)[0] for c in g["items"]] for g in result])
        omnibus = [_test_table(table, design.population, weighted)] * len(ind.labels)
    else:
        omnibus = [
            _test_table(
                np.array([selected_and_not(g["items"][index]) for g in result]),
                design.population,
                weighted,
            )
            for index in range(len(ind.labels))
        ]
    tests = []
    for index, test in enumerate(omnibus):
        cells = [(g["group"], selected_and_not(g["items"][index])) for g in result]
        tests.append({**test, "pairwise": column_proportion_tests(cells)} if test else None)
    return result, tests


PAIRWISE_TEST = "two-proportion z-test (pooled) per pair of groups"
PAIRWISE_CORRECTION = "Holm"


def column_proportion_tests(
    cells: list[tuple[str, tuple[float, float]]], alpha: float = 0.05
) -> dict[str, Any]:
    """Every pair of groups compared on one item, p-values adjusted for the number of pairs.

    ``cells`` holds (group, (selected, not selected)) counts, effective counts when weighted.
    """
    import warnings
    from itertools import combinations

    from statsmodels.stats.multitest import multipletests
    from statsmodels.stats.proportion import proportions_ztest

    pairs, pvalues = [], []
    for (name_a, (yes_a, no_a)), (name_b, (yes_b, no_b)) in combinations(cells, 2):
        total_a, total_b = yes_a + no_a, yes_b + no_b
        if not total_a or not total_b or yes_a + yes_b in (0, total_a + total_b):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            _, p = proportions_ztest([yes_a, yes_b], [total_a, total_b])
        pairs.append([name_a, name_b])
        pvalues.append(float(p))
    adjusted = multipletests(pvalues, alpha=alpha, method="holm")[1] if pvalues else []
    return {
        "test": PAIRWISE_TEST,
        "correction": f"{PAIRWISE_CORRECTION} over {len(pairs)} pair(s)",
        "pairs": [
            {"groups": pair, "p": p, "p_adjusted": float(q), "significant": bool(q < alpha)}
            for pair, p, q in zip(pairs, pvalues, adjusted, strict=True)
        ],
    }


def _numeric_test(samples: list[np.ndarray]) -> dict[str, Any] | None:
    """Kruskal-Wallis across groups (scipy): no normality assumed for small municipal samples."""
    from scipy.stats import kruskal

    usable = [s for s in samples if s.size]
    if len(usable) < 2 or len(np.unique(np.concatenate(usable))) < 2:
        return None
    statistic, p = kruskal(*usable)
    return {"name": "Kruskal-Wallis", "statistic": json_number(statistic), "p": json_number(p)}


def _test_table(
    table: np.ndarray, population: Population | None = None, weighted: bool = False
) -> dict[str, Any] | None:
    """Independence test of a groups x outcomes table of counts.

    Pearson chi-square (no continuity correction) unless an expected count is
    below 5; then Fisher's exact test for a 2x2 table. Larger sparse tables keep
    the chi-square, named as such, because scipy's r x c Fisher test is a
    Monte Carlo estimate whose p-value changes from run to run. With a known
    population the chi-square statistic is divided by (N - n) / (N - 1).
    """
    from scipy.stats import chi2, chi2_contingency, fisher_exact

    table = table[table.sum(axis=1) > 0]
    table = table[:, table.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return None
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    sparse = expected.min() < 5
    if sparse and table.shape == (2, 2) and not weighted:
        _, p = fisher_exact(table)
        name = "Fisher exact" + (" (no FPC)" if population else "")
        return {"name": name, "p": json_number(p)}
    statistic, p, dof, _ = chi2_contingency(table, correction=False)
    name = "Pearson chi-square (expected counts < 5)" if sparse else "Pearson chi-square"
    if weighted:
        name += " on Kish-effective weighted counts"
    if population is not None:
        factor = population.factor(table.sum())
        if factor == 0:
            return {"name": name + " with FPC", "p": None, "note": "a census: no sampling error"}
        statistic, p, name = (
            statistic / factor,
            chi2.sf(statistic / factor, dof),
            name + " with FPC",
        )
    return {"name": name, "statistic": json_number(statistic), "df": int(dof), "p": json_number(p)}


def survey_year(responses: Responses) -> int | None:
    """The survey's year: from its codebook, else the first four-digit year in the file name."""
    import re
    from pathlib import Path

    if responses.codebook.year:
        return responses.codebook.year
    match = re.search(r"(?<!\d)(19|20)\d{2}(?!\d)", Path(responses.source.input_path).stem)
    return int(match.group(0)) if match else None


def summarize_survey(
    path,
    *,
    codebook=None,
    by: str | None = None,
    sheet=None,
    encoding=None,
    delimiter=None,
    header_rows=None,
    confidence: float = 0.95,
    population: Population | str | int | None = None,
    weight: str | None = None,
    input_format: str | None = None,
    include_previews: bool = False,
    missing_as_category: bool = False,
) -> Summary:
    """Read a survey export and tabulate every question: the library face of `summarize`.

    ``population`` is a size, 'auto' (the number of municipalities in the survey's year,
    for municipality surveys) or None (no finite population correction). See
    ``read_survey`` for the reading options.
    """
    from monitorkit.stats.population import resolve_population
    from monitorkit.stats.responses import read_survey

    responses = read_survey(
        path,
        codebook=codebook,
        sheet=sheet,
        encoding=encoding,
        delimiter=delimiter,
        header_rows=header_rows,
        weight=weight,
        input_format=input_format,
        include_previews=include_previews,
        missing_as_category=missing_as_category,
    )
    if population is None and responses.codebook.population:
        population = Population(
            responses.codebook.population,
            f"{responses.codebook.population} (codebook field 'population')",
        )
    if not isinstance(population, Population):
        population = resolve_population(
            population,
            unit=responses.codebook.unit,
            year=survey_year(responses),
            what=str(path),
        )
    if population is not None and population.size < responses.source.rows:
        from monitorkit.errors import UsageError

        raise UsageError(
            f"the population ({population.size}, {population.source}) is smaller than the "
            f"{responses.source.rows} respondents",
            responses.raw.location(),
            "give the size of the population the respondents were drawn from",
        )
    return estimate(responses, by=by, confidence=confidence, population=population)
