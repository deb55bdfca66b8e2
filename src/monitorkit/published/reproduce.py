"""`reproduce`: every published figure recomputed from the bundled data, side by side.

A survey figure placed in a reconstructed dataset is recomputed with the same
code a user's file goes through (read -> codebook -> responses -> estimates),
rounded under the rule recorded for it, and compared with the printed value.
A figure printed twice is computed through its twin. Everything else is
reported as not computable, with the reason — never skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from monitorkit.published.consistency import ROUNDING_RULES
from monitorkit.published.registry import Figure, Registry

MATCH, MISMATCH, NOT_COMPUTABLE = "match", "mismatch", "not computable"
#: What a match from a reconstructed dataset means, said with every such result.
REBUILT = (
    "reproduced from data rebuilt from these figures (consistency, not independent replication)"
)
#: What a match from data that were not rebuilt from the figure means.
INDEPENDENT = "recomputed independently from data that were not rebuilt from this figure"
#: How far an 'ongeveer' figure may be from the computed value and still match (points).
APPROXIMATE_TOLERANCE = 2.5

#: Why a figure of each kind (data/published/*.yaml, ``kind``) is not computed from survey data.
REASONS = {
    "national": "a national or administrative statistic (CBS, SCP, benchmark), not survey data",
    "estimate": "the authors' estimate or computation, not a survey result",
    "practice": "a figure from a practice example, not survey data",
    "sample": "the size of a sample or group, not a survey result",
    "policy_target": "a policy target or budget decision, not a measurement",
    "statutory_rule": "a rule of the law (an age or a period), not a measurement",
    "threshold": "a threshold describing who took part, not a result",
}
VERBAL = "a verbal quantity ('{text}') without a number"
NO_N = "no N printed and not rebuilt in a reconstructed dataset"
NOT_REBUILT = "not rebuilt in a reconstructed dataset"


@dataclass
class Reproduction:
    """One figure: published against computed."""

    figure: Figure
    status: str
    computed: float | None = None
    exact: float | None = None
    n: int | None = None
    dataset: str | None = None
    rule: str | None = None
    reason: str = ""
    rebuilt: bool = True

    @property
    def n_assumed(self) -> int | None:
        """The N used where the source prints none (chosen by the reconstruction)."""
        return self.n if self.n is not None and self.figure.n is None else None

    @property
    def basis(self) -> str | None:
        """What agreement with the printed value means for this figure."""
        if self.dataset is None:
            return None
        return REBUILT if self.rebuilt else INDEPENDENT

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.figure.id,
            "source": self.figure.source,
            "label": self.figure.label,
            "published": self.figure.value
            if self.figure.value is not None
            else self.figure.value_text,
            "computed": self.computed,
            "unrounded": self.exact,
            "n": self.n,
            "n_printed": self.figure.n,
            "n_assumed": self.n_assumed,
            "status": self.status,
            "basis": self.basis,
            "dataset": self.dataset,
            "rounding": self.rule,
            "reason": self.reason,
            "population": self.figure.population,
            "fieldwork": self.figure.fieldwork,
            "assumptions": list(self.figure.assumptions),
        }


def round_as_printed(value: float, decimals: int, rule: str) -> float:
    """A computed percentage rounded the way the source rounded (exact for ties)."""
    from monitorkit.published.consistency import round_fraction

    return float(round_fraction(Fraction(value).limit_denominator(10**9), decimals, rule))


class _Datasets:
    """Summaries of the bundled reconstructed datasets, computed once per grouping."""

    def __init__(self) -> None:
        from monitorkit.io.datasets import list_datasets

        self.placements: dict[str, tuple[str, dict[str, Any], str]] = {}
        self.rebuilt: set[str] = set()
        for dataset in list_datasets():
            rules = dataset.provenance.get("rounding", {})
            if dataset.reconstructed:
                self.rebuilt.add(dataset.name)
            for figure_id, place in (dataset.provenance.get("figures") or {}).items():
                self.placements[figure_id] = (
                    dataset.name,
                    place,
                    rules.get(figure_id, ROUNDING_RULES[0]),
                )
        self._cache: dict[tuple[str, str | None], Any] = {}

    def summary(self, name: str, by: str | None):
        from monitorkit.stats.estimates import summarize_survey

        if (name, by) not in self._cache:
            self._cache[(name, by)] = summarize_survey(name, by=by)
        return self._cache[(name, by)]

    def compute(self, figure_id: str) -> tuple[float, int, str, str] | None:
        """(exact value, base, dataset, rule) for a placed figure, else None."""
        if figure_id not in self.placements:
            return None
        name, place, rule = self.placements[figure_id]
        group = place.get("group")
        by = place.get("by")
        question = next(q for q in self.summary(name, by).questions if q.id == place["question"])
        if place["answer"] == "mean":
            stats = next(g.stats for g in question.groups if g.group == group)
            return stats.mean, stats.n, name, rule
        items = question.items
        if group:
            items = next(g.items for g in question.groups if g.group == group)
        item = next(
            i
            for i, source in zip(items, question.items, strict=True)
            if source.column == place["column"]
        )
        percent = item.percent
        if place["answer"] == "Nee":
            percent = 100 * self._answered(name, by, place, group, "Nee") / item.base
        return percent, item.base, name, rule

    def _answered(self, name: str, by: str | None, place: dict[str, Any], group, answer: str):
        """How many answered ``answer`` to an item (a 'Weet niet' kept in the base is
        neither Ja nor Nee), within the group where the figure is a group's."""
        frame = self.summary(name, by).responses.raw.frame
        rows = frame[place["column"]].astype(str).str.strip() == answer
        if group:
            rows &= frame[place["by"]].astype(str) == group
        return int(rows.sum())


def reproduce_figures(
    source: str | None = None, registry: Registry | None = None
) -> list[Reproduction]:
    """Every figure of the registry (or of one source, by id or file name) published vs computed.

    The registry defaults to the bundled one in data/published/.
    """
    from monitorkit.errors import UsageError
    from monitorkit.published.registry import read_registry

    registry = registry or read_registry()
    known = {s.id for s in registry.sources.values()} | {s.file for s in registry.sources.values()}
    if source and source not in known:
        raise UsageError(
            f"unknown source '{source}'",
            hint=f"sources: {', '.join(sorted(s.id for s in registry.sources.values()))}",
        )
    datasets = _Datasets()
    registers = _registers(registry)
    results = []
    for figure in registry.figures.values():
        if source and source not in (figure.source, registry.sources[figure.source].file):
            continue
        if figure.id in registers:
            results.append(_from_register(figure, registers[figure.id]))
        else:
            results.append(_reproduce_figure(figure, registry, datasets))
    return results


def _reproduce_figure(figure: Figure, registry: Registry, datasets: _Datasets) -> Reproduction:
    if figure.kind != "survey":
        return Reproduction(figure, NOT_COMPUTABLE, reason=REASONS[figure.kind])
    if figure.value is None:
        return Reproduction(figure, NOT_COMPUTABLE, reason=VERBAL.format(text=figure.value_text))
    via = [figure.id] + [target for target, relation in figure.links if relation == "same_finding"]
    for figure_id in via:
        computed = datasets.compute(figure_id)
        if computed is None:
            continue
        exact, base, dataset, rule = computed
        shown = round_as_printed(exact, figure.decimals, rule)
        if figure.approximate:
            status = MATCH if abs(exact - figure.value) <= APPROXIMATE_TOLERANCE else MISMATCH
        else:
            status = MATCH if shown == figure.value else MISMATCH
        reason = "" if figure_id == figure.id else f"computed through the same finding {figure_id}"
        if figure.approximate:
            reason = (reason + "; " if reason else "") + (
                f"printed as '{figure.value_text}': matches within {APPROXIMATE_TOLERANCE} points"
            )
        return Reproduction(
            figure, status, shown, exact, base, dataset, rule, reason, dataset in datasets.rebuilt
        )
    return Reproduction(figure, NOT_COMPUTABLE, reason=NO_N if figure.n is None else NOT_REBUILT)


def _registers(registry: Registry) -> dict[str, Any]:
    """Figures placed in a rebuilt person-level register (stapeling), counted again."""
    from monitorkit.io.datasets import data_dir
    from monitorkit.published.registers import register_figures

    return register_figures(data_dir(), registry)


def _from_register(figure: Figure, computed: Any) -> Reproduction:
    """A register figure: a count must equal the printed one, a percentage print as it."""
    if figure.unit == "percent":
        shown = round_as_printed(computed.exact, figure.decimals, "half_up")
    else:
        shown = computed.exact
    status = MATCH if shown == figure.value else MISMATCH
    reason = (
        f"counted with stapeling in the register {computed.register} "
        f"({computed.base:,} persons), rebuilt by monitorkit reconstruct"
    )
    return Reproduction(
        figure, status, shown, computed.exact, computed.base, computed.register, "half_up", reason
    )
