"""Estimates: counts, bases, percentages and 95% Wilson intervals in one tidy frame.

Counting is vectorised over each question's state matrix. Intervals come from
statsmodels (Wilson score), group tests from scipy: Pearson chi-square, or
Fisher's exact test when an expected count is below 5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from monitorkit.answers import SELECTED
from monitorkit.population import Population
from monitorkit.responses import BASE_RULES, QuestionResponses, Responses

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ["question", "item", "label", "group", "count", "base", "percent", "ci_low", "ci_high"]
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

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "type": self.type,
            "base": self.base,
            "base_rule": self.base_rule,
            "items": self.items,
        }
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
        }
        if self.provenance:
            from monitorkit.datasets import public_provenance

            data["provenance"] = public_provenance(self.provenance)
        if self.by:
            data["by"] = self.by
        data["questions"] = [q.as_dict() for q in self.questions]
        return data


def wilson_interval(
    count, base, confidence: float = 0.95, population: Population | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval in percent (statsmodels); NaN where the base is 0.

    With a known population the interval uses the effective sample size
    n / ((N - n) / (N - 1)); a census (n = N) has no sampling error.
    """
    from statsmodels.stats.proportion import proportion_confint

    count = np.asarray(count, dtype=float)
    base = np.asarray(base, dtype=float)
    safe = np.where(base > 0, base, 1)
    share = count / safe
    if population is not None:
        effective = np.array([population.effective_n(n) for n in np.atleast_1d(base)])
        effective = effective.reshape(base.shape)
        census = ~np.isfinite(effective)
        nobs = np.where(census, 1.0, effective)
        low, high = proportion_confint(share * nobs, nobs, alpha=1 - confidence, method="wilson")
        low, high = np.where(census, share, low), np.where(census, share, high)
    else:
        low, high = proportion_confint(count, safe, alpha=1 - confidence, method="wilson")
    low = np.where(base > 0, low * 100, np.nan)
    high = np.where(base > 0, high * 100, np.nan)
    return low, high


def _percent(count: np.ndarray, base: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(base > 0, count / np.where(base > 0, base, 1) * 100, np.nan)


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


def _proportion_rows(
    labels: list[str], counts, bases, confidence: float, population: Population | None = None
) -> list[dict[str, Any]]:
    counts = np.asarray(counts)
    bases = np.asarray(bases)
    low, high = wilson_interval(counts, bases, confidence, population)
    percent = _percent(counts, bases)
    return [
        {
            "label": label,
            "count": int(c),
            "base": int(b),
            "percent": json_number(p),
            "ci_low": json_number(lo),
            "ci_high": json_number(hi),
        }
        for label, c, b, p, lo, hi in zip(labels, counts, bases, percent, low, high, strict=True)
    ]


def estimate(
    responses: Responses,
    *,
    by: str | None = None,
    confidence: float = 0.95,
    population: Population | None = None,
) -> Summary:
    """Tabulate every question; with ``by``, also per group with a test per item."""
    import pandas as pd

    groups = responses.group_values(by) if by else None
    summaries = []
    rows: list[dict[str, Any]] = []
    for entry in responses.questions:
        summary = _summarize_question(entry, confidence, population)
        if groups is not None and entry.question.id != by:
            summary.groups, tests = _group_breakdown(entry, groups, confidence, population)
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
    return Summary(responses, summaries, table, by, confidence, population)


def _summarize_question(
    entry: QuestionResponses, confidence: float, population: Population | None
) -> QuestionSummary:
    question = entry.question
    readings = [
        {"value": value, "read_as": read_as, "count": count}
        for (value, read_as), count in sorted(entry.readings.items(), key=lambda kv: -kv[1])
    ]
    common = dict(
        id=question.id,
        label=question.label,
        type=question.type,
        base_rule=BASE_RULES[entry.base_rule],
        readings=readings,
        warnings=list(entry.warnings),
    )
    if entry.states is not None:
        states = entry.states
        counts = (states == SELECTED).sum(axis=0)
        bases = entry.item_bases
        items = _proportion_rows(
            [i.label for i in question.items], counts, bases, confidence, population
        )
        for item, source in zip(items, question.items, strict=True):
            if source.column is not None:
                item["column"] = source.column
        base = int((states >= 0).any(axis=1).sum())
        return QuestionSummary(base=base, items=items, **common)
    values = entry.values
    valid = values.dropna()
    if question.type == "single":
        counts = _category_counts(valid, entry.order)
        base = len(valid)
        items = _proportion_rows(
            list(counts.index), counts.to_numpy(), [base] * len(counts), confidence, population
        )
        return QuestionSummary(base=base, items=items, **common)
    stats = _numeric_stats(valid)
    return QuestionSummary(base=len(valid), items=[], stats=stats, **common)


def _category_counts(valid: pd.Series, order: list[str]) -> pd.Series:
    """Frequencies in value-label order where labels are given, else most frequent first."""
    counts = valid.value_counts(sort=True)
    order = [label for label in order if label in counts.index]
    if order:
        rest = [label for label in counts.index if label not in order]
        counts = counts.reindex(order + rest)
    return counts


def _numeric_stats(valid: pd.Series) -> dict[str, Any]:
    numbers = valid.astype(float)
    if numbers.empty:
        return {"n": 0, "mean": None, "median": None, "sd": None, "min": None, "max": None}
    return {
        "n": int(numbers.size),
        "mean": json_number(numbers.mean()),
        "median": json_number(numbers.median()),
        "sd": json_number(numbers.std(ddof=1)) if numbers.size > 1 else None,
        "min": json_number(numbers.min()),
        "max": json_number(numbers.max()),
    }


def _group_breakdown(
    entry: QuestionResponses, groups: pd.Series, confidence: float, population: Population | None
) -> tuple[list[dict], list[dict | None]]:
    """Per group of the --by column: the question's items; and one test per item."""
    names = [g for g in groups.dropna().unique()]
    names.sort(key=str)
    in_group = [(groups == name).to_numpy() for name in names]
    result = []
    if entry.states is not None:
        states = entry.states
        labels = [i.label for i in entry.question.items]
        for name, mask in zip(names, in_group, strict=True):
            sub = states[mask]
            counts = (sub == SELECTED).sum(axis=0)
            bases = (sub >= 0).sum(axis=0)
            result.append(
                {
                    "group": str(name),
                    "base": int((sub >= 0).any(axis=1).sum()),
                    "items": _proportion_rows(labels, counts, bases, confidence),
                }
            )
        tests = [
            _test_table(
                np.array(
                    [
                        [g["items"][i]["count"], g["items"][i]["base"] - g["items"][i]["count"]]
                        for g in result
                    ]
                ),
                population,
            )
            for i in range(len(labels))
        ]
    elif entry.question.type == "single":
        values = entry.values
        categories = list(_category_counts(values.dropna(), entry.order).index)
        table = []
        for name, mask in zip(names, in_group, strict=True):
            sub = values[mask].dropna()
            counts = sub.value_counts().reindex(categories, fill_value=0)
            table.append(counts.to_numpy())
            result.append(
                {
                    "group": str(name),
                    "base": len(sub),
                    "items": _proportion_rows(
                        categories, counts.to_numpy(), [len(sub)] * len(categories), confidence
                    ),
                }
            )
        tests = [_test_table(np.array(table), population) if table else None] * len(categories)
    else:
        values = entry.values
        samples = []
        for name, mask in zip(names, in_group, strict=True):
            sub = values[mask].dropna()
            samples.append(sub.to_numpy(dtype=float))
            result.append(
                {
                    "group": str(name),
                    "base": len(sub),
                    "items": [],
                    "stats": _numeric_stats(sub),
                }
            )
        return result, [_numeric_test(samples)]
    return result, tests


def _numeric_test(samples: list[np.ndarray]) -> dict[str, Any] | None:
    """Kruskal-Wallis across groups (scipy): no normality assumed for small municipal samples."""
    from scipy.stats import kruskal

    usable = [s for s in samples if s.size]
    if len(usable) < 2 or len(np.unique(np.concatenate(usable))) < 2:
        return None
    statistic, p = kruskal(*usable)
    return {"name": "Kruskal-Wallis", "statistic": json_number(statistic), "p": json_number(p)}


def _test_table(table: np.ndarray, population: Population | None = None) -> dict[str, Any] | None:
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
    if sparse and table.shape == (2, 2):
        _, p = fisher_exact(table)
        name = "Fisher exact" + (" (no FPC)" if population else "")
        return {"name": name, "p": json_number(p)}
    statistic, p, dof, _ = chi2_contingency(table, correction=False)
    name = "Pearson chi-square (expected counts < 5)" if sparse else "Pearson chi-square"
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


def summarize(
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
) -> Summary:
    """Read a survey export and tabulate every question: the library face of `summarize`.

    ``population`` is a size, 'auto' (the number of municipalities in the survey's year,
    for municipality surveys) or None (no finite population correction).
    """
    from monitorkit.population import resolve_population
    from monitorkit.responses import read_survey

    responses = read_survey(
        path,
        codebook=codebook,
        sheet=sheet,
        encoding=encoding,
        delimiter=delimiter,
        header_rows=header_rows,
    )
    if not isinstance(population, Population):
        population = resolve_population(
            population,
            unit=responses.codebook.unit,
            year=survey_year(responses),
            what=str(path),
        )
    return estimate(responses, by=by, confidence=confidence, population=population)
