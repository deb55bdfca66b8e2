"""Raking (iterative proportional fitting) of respondent weights to known margins.

Margins come from a YAML file: per variable (a column of the data) the target
per category, as shares (summing to 1), percentages (summing to 100) or counts
(any total; only their proportions matter). Weights are scaled one margin at a
time until every weighted share is within the tolerance of its target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from monitorkit.errors import InputError, Location
from monitorkit.io.readers import RawTable
from monitorkit.vocabulary import ValueRules, read_categories


@dataclass
class Margin:
    """Target shares of one variable's categories."""

    column: str
    targets: dict[str, float]


@dataclass
class RakeResult:
    """Raked weights and how well they meet the margins."""

    weights: np.ndarray
    iterations: int
    converged: bool
    max_deviation: float
    margins: list[dict[str, Any]] = field(default_factory=list)

    @property
    def kish_effective_n(self) -> float:
        return float(self.weights.sum() ** 2 / (self.weights**2).sum())

    def as_dict(self) -> dict[str, Any]:
        weights = self.weights
        return {
            "converged": self.converged,
            "iterations": self.iterations,
            "max_deviation": self.max_deviation,
            "respondents": int(weights.size),
            "weights": {
                "min": float(weights.min()),
                "max": float(weights.max()),
                "mean": float(weights.mean()),
            },
            "kish_effective_n": self.kish_effective_n,
            "design_effect": float(weights.size / self.kish_effective_n),
            "margins": self.margins,
        }


def read_margins(path: str | Path) -> list[Margin]:
    """Load margins: {column: {category: share | percentage | count}}."""
    from monitorkit.io.yamlfile import read_yaml

    data = read_yaml(path, what="margins file")
    if not isinstance(data, dict) or not data:
        raise InputError(
            "a margins file maps each column to {category: target}",
            Location(str(path)),
            "e.g. gemeentegrootte: {G32: 0.1, overig: 0.9}",
        )
    margins = []
    for column, targets in data.items():
        where = Location(str(path), column=str(column))
        if not isinstance(targets, dict) or len(targets) < 2:
            raise InputError("needs at least two categories with a target each", where)
        values = {}
        for category, target in targets.items():
            usable = isinstance(target, (int, float)) and not isinstance(target, bool)
            if not usable or not math.isfinite(target) or target <= 0:
                raise InputError(
                    f"target of '{category}' must be a positive number, got {target!r}", where
                )
            values[str(category)] = float(target)
        total = sum(values.values())
        margins.append(Margin(str(column), {k: v / total for k, v in values.items()}))
    return margins


def _category_codes(raw: RawTable, margin: Margin) -> np.ndarray:
    """Each respondent's category index in a margin; missing or unknown values are refused."""
    if margin.column not in raw.frame.columns:
        raise InputError(
            f"margin column '{margin.column}' is not in the data",
            raw.location(),
            "check the column names in the margins file",
        )
    import pandas as pd

    labels = read_categories(
        raw.frame[margin.column], ValueRules.for_column(raw, margin.column)
    ).values
    names = list(margin.targets)
    codes = pd.Index(names).get_indexer(pd.Index(labels.astype(object))).astype(int)
    codes[labels.isna().to_numpy()] = -2
    where = raw.location(column=margin.column)
    missing = labels.index[codes == -2]
    if len(missing):
        shown = ", ".join(str(r) for r in missing[:10])
        raise InputError(
            f"{len(missing)} respondent(s) have no value to rake on: rows {shown}",
            where,
            "fill in the value or drop those rows before weighting",
        )
    unknown = sorted({str(v) for v in labels[codes == -1].unique()})
    if unknown:
        raise InputError(
            f"categories not in the margins: {', '.join(unknown)}",
            where,
            f"the margins list {', '.join(names)}",
        )
    empty = [name for index, name in enumerate(names) if not (codes == index).any()]
    if empty:
        raise InputError(
            f"no respondents in margin categor{'y' if len(empty) == 1 else 'ies'} "
            f"{', '.join(empty)}; raking cannot give them weight",
            where,
            "merge the category with another in the margins file",
        )
    return codes


def rake(
    raw: RawTable,
    margins: list[Margin],
    base_weights: np.ndarray | None = None,
    max_iterations: int = 100,
    tolerance: float = 1e-8,
) -> RakeResult:
    """Iterative proportional fitting of weights to the margins' target shares."""
    codes = [_category_codes(raw, margin) for margin in margins]
    targets = [np.array(list(margin.targets.values())) for margin in margins]
    weights = np.ones(raw.frame.shape[0]) if base_weights is None else base_weights.astype(float)
    deviation = np.inf
    iteration = 0
    while iteration < max_iterations and deviation >= tolerance:
        iteration += 1
        for code, target in zip(codes, targets, strict=True):
            totals = np.bincount(code, weights=weights, minlength=len(target))
            weights = weights * (target * weights.sum() / totals)[code]
        deviation = max(
            float(
                np.abs(np.bincount(c, weights=weights, minlength=len(t)) / weights.sum() - t).max()
            )
            for c, t in zip(codes, targets, strict=True)
        )
    weights = weights * weights.size / weights.sum()
    report = []
    for margin, code, target in zip(margins, codes, targets, strict=True):
        sample = np.bincount(code, minlength=len(target)) / code.size
        achieved = np.bincount(code, weights=weights, minlength=len(target)) / weights.sum()
        report.append(
            {
                "column": margin.column,
                "categories": [
                    {"category": name, "target": float(t), "sample": float(s), "weighted": float(a)}
                    for name, t, s, a in zip(margin.targets, target, sample, achieved, strict=True)
                ],
            }
        )
    return RakeResult(weights, iteration, deviation < tolerance, deviation, report)


def rake_weights(
    path: str | Path,
    margins_path: str | Path,
    output: str | Path,
    *,
    weight_name: str = "weight",
    base_weight: str | None = None,
    max_iterations: int = 100,
    tolerance: float = 1e-8,
    **reading,
) -> RakeResult:
    """Rake a survey file to the margins and write it, with a weight column, as CSV."""
    from monitorkit.io.datasets import resolve_input
    from monitorkit.io.files import check_output_path, escape_formula, write_atomic
    from monitorkit.io.readers import read_table
    from monitorkit.stats.responses import read_weights

    source = resolve_input(path)
    inputs = [source, Path(margins_path)]
    check_output_path(Path(output), inputs)
    raw = read_table(source, **reading)
    base = read_weights(raw, base_weight) if base_weight else None
    result = rake(raw, read_margins(margins_path), base, max_iterations, tolerance)
    frame = raw.frame.copy()
    frame[weight_name] = result.weights
    frame.columns = [escape_formula(str(column)) for column in frame.columns]
    text = frame.map(escape_formula).to_csv(index=False, lineterminator="\n")
    write_atomic(Path(output), text.encode("utf-8"), inputs=inputs)
    return result
