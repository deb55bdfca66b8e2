"""The results statistics hand to renderers: frozen, typed, and turned into JSON in one place.

Every renderer (terminal, csv, md, xlsx, charts, report) and the JSON output
read these objects, never loose dicts, so a field is named once and a new
statistic is added here, where it is computed, and where it is shown.
Percentages are unrounded, 0–100; ``None`` stands for "not computable" (an
empty base) and becomes ``null`` in JSON.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Protocol, TypeVar

from monitorkit.errors import UsageError


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Identified = TypeVar("Identified", bound=HasId)


def select_by_id(
    entries: Sequence[Identified], wanted: Sequence[str] | None, where: str = ""
) -> list[Identified]:
    """The entries (questions) whose ``id`` is wanted, in the order asked; all of them, in
    their own order, when nothing is asked. An unknown id is one line listing the known ones."""
    if not wanted:
        return list(entries)
    by_id = {entry.id: entry for entry in entries}
    unknown = [name for name in wanted if name not in by_id]
    if unknown:
        known = ", ".join(list(by_id)[:30]) + (", ..." if len(by_id) > 30 else "")
        raise UsageError(
            f"unknown question id(s){where}: {', '.join(unknown)}",
            hint=f"the question ids are {known}",
        )
    return [by_id[name] for name in dict.fromkeys(wanted)]


def json_value(value: Any) -> Any:
    """A JSON-ready scalar: NaN becomes None, numpy numbers become Python numbers."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _empty(value: Any) -> bool:
    """None, an empty tuple, False or a zero count; a statistic of 0.0 is a value."""
    if value is None or isinstance(value, float):
        return value is None
    return (isinstance(value, tuple) and not value) or (isinstance(value, int) and value == 0)


class Record:
    """A result that becomes JSON field by field.

    ``OPTIONAL`` fields are left out when empty; ``RENAMED`` gives a field a
    JSON name Python cannot use ('from'); a ``FLATTENED`` field's own fields
    sit at this level. The JSON Schema (render/schema.py) follows the same rules.
    """

    OPTIONAL: ClassVar[tuple[str, ...]] = ()
    RENAMED: ClassVar[dict[str, str]] = {}
    FLATTENED: ClassVar[tuple[str, ...]] = ()

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for spec in fields(self):  # type: ignore[arg-type]
            value = getattr(self, spec.name)
            if spec.name in self.OPTIONAL and _empty(value):
                continue
            if spec.name in self.FLATTENED:
                data.update(value.as_dict())
                continue
            data[self.RENAMED.get(spec.name, spec.name)] = _json(value)
        return data


def _json(value: Any) -> Any:
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return json_value(value)


@dataclass(frozen=True)
class PairTest(Record):
    """One pair of groups compared on one item."""

    groups: tuple[str, str]
    p: float
    p_adjusted: float
    significant: bool


@dataclass(frozen=True)
class PairwiseTests(Record):
    """Every pair of groups on one item, with the test and the multiplicity correction."""

    test: str
    correction: str
    pairs: tuple[PairTest, ...] = ()

    @property
    def differing(self) -> tuple[tuple[str, str], ...]:
        return tuple(pair.groups for pair in self.pairs if pair.significant)


@dataclass(frozen=True)
class TestResult(Record):
    """A test across groups: its name, p and (for chi-square) statistic and df."""

    name: str
    p: float | None
    statistic: float | None = None
    #: Degrees of freedom (the numerator's for an F statistic; fractional for Welch).
    df: float | None = None
    #: The denominator's degrees of freedom of an F statistic (Rao–Scott).
    df_denominator: float | None = None
    note: str | None = None
    #: Effect sizes: Cramér's V of the groups x answers table; Cohen's h of the item's
    #: share in the second group against the first (two groups only).
    cramers_v: float | None = None
    cohens_h: float | None = None
    #: With --adjust: p adjusted over all the tests of the question's items, and how.
    p_adjusted: float | None = None
    adjustment: str | None = None
    pairwise: PairwiseTests | None = None

    OPTIONAL = (
        "statistic",
        "df",
        "df_denominator",
        "note",
        "cramers_v",
        "cohens_h",
        "p_adjusted",
        "adjustment",
        "pairwise",
    )


@dataclass(frozen=True)
class MissingCount(Record):
    """An explicit non-answer left out of the base (Weet niet, n.v.t., a user-missing code)."""

    label: str
    count: int


@dataclass(frozen=True)
class ItemEstimate(Record):
    """One item (option, statement or category): count, base, percent and interval.

    Weighted results add the weighted count and base and Kish's effective base;
    with ``--by`` the overall item carries the test across groups.
    """

    label: str
    count: int
    base: int
    percent: float | None
    ci_low: float | None
    ci_high: float | None
    column: str | None = None
    weighted_count: float | None = None
    weighted_base: float | None = None
    effective_base: float | None = None
    #: Weighted designs: the standard error (percentage points) and the design effect.
    se: float | None = None
    deff: float | None = None
    test: TestResult | None = None
    #: A battery item's explicit non-answers (Weet niet), left out of its base.
    missing: tuple[MissingCount, ...] = ()

    @property
    def weighted(self) -> bool:
        return self.weighted_base is not None

    OPTIONAL = (
        "column",
        "weighted_count",
        "weighted_base",
        "effective_base",
        "se",
        "deff",
        "test",
        "missing",
    )


@dataclass(frozen=True)
class NumericStats(Record):
    """A numeric question (or one group of it): n, mean, median, sd, min and max.

    Under weights or strata the mean, median and sd are the design's (R survey's
    ``svymean``, ``svyquantile(qrule="math")``, ``svyvar``) and the mean has a
    standard error and interval; min and max are the values as answered.
    """

    n: int
    mean: float | None = None
    median: float | None = None
    sd: float | None = None
    min: float | None = None
    max: float | None = None
    #: With weights or strata: mean, median and sd are design-based, with the mean's
    #: standard error and t interval.
    se: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    #: The design's degrees of freedom for the mean (respondents minus strata).
    df: float | None = None
    test: TestResult | None = None

    OPTIONAL = ("se", "ci_low", "ci_high", "df", "test")


@dataclass(frozen=True)
class ScaleStats(Record):
    """A scale question's mean score with its interval, and how the points were scored."""

    n: int
    mean: float | None
    ci_low: float | None
    ci_high: float | None
    sd: float | None
    scores: str
    #: The share answering one of the two highest (lowest) points of the scale, with its
    #: interval, the label naming those points.
    top2: ItemEstimate | None = None
    bottom2: ItemEstimate | None = None

    OPTIONAL = ("top2", "bottom2")


@dataclass(frozen=True)
class GroupEstimate(Record):
    """One group of a ``--by`` breakdown: its base and items (or numeric statistics)."""

    group: str
    base: int
    items: tuple[ItemEstimate, ...] = ()
    stats: NumericStats | None = None

    OPTIONAL = ("stats",)


@dataclass(frozen=True)
class Breakdown(Record):
    """One ``--by`` column's breakdown of a question, when several are asked: its groups
    and, per item (or once for the means), the test across those groups."""

    by: str
    groups: tuple[GroupEstimate, ...]
    tests: tuple[TestResult | None, ...] = ()
    ungrouped: int = 0

    OPTIONAL = ("ungrouped",)


@dataclass(frozen=True)
class Reading(Record):
    """How one raw value was read, and by how many respondents."""

    value: str
    read_as: str
    count: int


@dataclass(frozen=True)
class QuestionResult(Record):
    """Everything computed for one question."""

    id: str
    label: str
    type: str
    columns: tuple[str, ...]
    base: int
    base_rule: str
    items: tuple[ItemEstimate, ...] = ()
    missing: tuple[MissingCount, ...] = ()
    scale: ScaleStats | None = None
    ungrouped: int = 0
    stats: NumericStats | None = None
    groups: tuple[GroupEstimate, ...] = ()
    #: With several --by columns, every breakdown (``groups`` and the tests of ``items``
    #: are then the first one's).
    breakdowns: tuple[Breakdown, ...] = ()
    readings: tuple[Reading, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def weighted(self) -> bool:
        return bool(self.items) and self.items[0].weighted

    def all_breakdowns(self) -> tuple[Breakdown, ...]:
        """The question's breakdowns: those of several --by columns, or the one of ``groups``
        (named '' as the summary names its column), or none."""
        if self.breakdowns or not self.groups:
            return self.breakdowns
        if self.stats is not None:
            tests: tuple[TestResult | None, ...] = (self.stats.test,)
        else:
            tests = tuple(item.test for item in self.items)
        return (Breakdown("", self.groups, tests, self.ungrouped),)

    OPTIONAL = ("missing", "scale", "ungrouped", "stats", "groups", "breakdowns", "warnings")


@dataclass(frozen=True)
class WaveCell(Record):
    """One item in one wave of a comparison."""

    count: int
    base: int
    percent: float | None
    weighted_base: float | None = None
    effective_base: float | None = None
    #: The wave's own interval for the percentage (as in its summary).
    ci_low: float | None = None
    ci_high: float | None = None
    #: Under weights or strata: the wave's design-based standard error (percentage points).
    se: float | None = None

    OPTIONAL = ("weighted_base", "effective_base", "ci_low", "ci_high", "se")


@dataclass(frozen=True)
class Change(Record):
    """Later minus earlier wave (percentage points, or units of a mean), interval and test."""

    diff_pp: float | None
    diff_ci: tuple[float | None, float | None] | None
    test: TestResult | None
    #: How the interval was made (Newcombe hybrid score, paired square-and-add, Welch).
    interval: str | None = None

    OPTIONAL = ("interval",)


@dataclass(frozen=True)
class PairedTable(Record):
    """An item over the panel members who answered it in both waves, and its paired change.

    ``table`` is earlier (selected, not) by later (selected, not).
    """

    n: int
    table: tuple[tuple[int, int], tuple[int, int]]
    change: Change

    @property
    def p(self) -> float | None:
        return self.change.test.p if self.change.test else None


@dataclass(frozen=True)
class UnpairedPart(Record):
    """With a partial panel: the item's respondents present in only one of the two waves."""

    first: WaveCell
    last: WaveCell
    change: Change


@dataclass(frozen=True)
class NSensitivity(Record):
    """How a change's conclusion depends on a wave's N where the source prints none.

    The wave's percentage is held at its value and its N varied (the other waves as
    they are): ``holds_from`` is the smallest N from which the change is significant
    at ``alpha`` for every larger N (up to ``up_to``), None if for none.
    """

    wave: str
    assumed_n: int
    holds_from: int | None
    up_to: int
    alpha: float
    direction: str

    @property
    def significant_at_assumed(self) -> bool:
        return self.holds_from is not None and self.assumed_n >= self.holds_from


@dataclass(frozen=True)
class ItemChange(Record):
    """One item across the waves: each wave's cell, the headline change and what backs it.

    Without a panel the change compares the first and last wave as independent
    samples. With one, a full panel's change is the paired analysis; a partial
    panel's headline has no test of its own and ``paired`` and ``unpaired`` show
    the two parts, with ``overlap`` the paired share of the item's respondents.
    Three or more waves add a test for trend and one across all waves.
    """

    label: str
    #: Each wave's cell by wave label (null where the wave lacks the item).
    waves: dict[str, WaveCell | None]
    change: Change
    first: str | None = None
    last: str | None = None
    paired: PairedTable | None = None
    unpaired: UnpairedPart | None = None
    #: The share of the item's respondents present in both waves of the panel.
    overlap: float | None = None
    trend: TestResult | None = None
    across: TestResult | None = None
    #: Per wave whose N is not printed (assumed by a reconstruction): the range of N over
    #: which the change's conclusion holds.
    sensitivity: tuple[NSensitivity, ...] = ()

    OPTIONAL = (
        "first",
        "last",
        "paired",
        "unpaired",
        "overlap",
        "trend",
        "across",
        "sensitivity",
    )
    RENAMED: ClassVar[dict[str, str]] = {"first": "from", "last": "to"}
    FLATTENED = ("change",)

    def cell(self, wave: str) -> WaveCell | None:
        return self.waves.get(wave)

    @property
    def diff_pp(self) -> float | None:
        return self.change.diff_pp

    @property
    def diff_ci(self) -> tuple[float | None, float | None]:
        return self.change.diff_ci or (None, None)

    @property
    def test(self) -> TestResult | None:
        return self.change.test


@dataclass(frozen=True)
class PairedMeans(Record):
    """A numeric question over the panel members who answered it in both waves."""

    n: int
    change: Change


@dataclass(frozen=True)
class UnpairedMeans(Record):
    """With a partial panel: the numeric answers of respondents present in one wave only."""

    first: NumericStats
    last: NumericStats
    change: Change


@dataclass(frozen=True)
class MeanChange(Record):
    """A numeric question across the waves: each wave's statistics and the change of the mean.

    As for items, a full panel's change is the paired one and a partial panel's
    shows its paired and independent parts.
    """

    #: Each wave's statistics by wave label (null where the wave lacks the question).
    waves: dict[str, NumericStats | None]
    first: str | None
    last: str | None
    #: The last wave's mean minus the first's, in the answers' unit.
    diff: float | None
    diff_ci: tuple[float | None, float | None] | None
    test: TestResult | None
    interval: str | None = None
    paired: PairedMeans | None = None
    unpaired: UnpairedMeans | None = None
    #: The share of the question's respondents present in both waves of the panel.
    overlap: float | None = None

    OPTIONAL = ("paired", "unpaired", "overlap")
    RENAMED: ClassVar[dict[str, str]] = {"first": "from", "last": "to"}

    #: Read by the change table as an item's are.
    label: ClassVar[str] = "Mean"
    trend: ClassVar[None] = None
    across: ClassVar[None] = None

    def cell(self, wave: str) -> NumericStats | None:
        return self.waves.get(wave)

    def stats(self, wave: str) -> NumericStats | None:
        return self.waves.get(wave)

    @property
    def change(self) -> Change:
        return Change(self.diff, self.diff_ci, self.test, self.interval)


@dataclass(frozen=True)
class QuestionChange(Record):
    """A question the waves share: item by item, or (numeric) the change of its mean."""

    id: str
    label: str
    type: str
    items: tuple[ItemChange, ...] = ()
    means: MeanChange | None = None
    #: What each wave's figures are shares of, given only when the waves differ (compared
    #: under allow_unit_mismatch): wave -> unit as the source prints it.
    units: dict[str, str] | None = None

    OPTIONAL = ("means", "units")

    @property
    def rows(self) -> tuple[ItemChange | MeanChange, ...]:
        """What a table shows a row for: the items, or the mean of a numeric question."""
        return (self.means,) if self.means is not None else self.items

    @property
    def paired(self) -> bool:
        return any(row.paired is not None for row in self.rows)

    @property
    def trend(self) -> bool:
        return any(row.trend is not None for row in self.rows)


@dataclass(frozen=True)
class FpcUsed(Record):
    """Finite population correction: one population size, or one per stratum."""

    applied: bool
    population: int | None = None
    per_stratum: bool = False
    source: str | None = None

    OPTIONAL = ("population", "per_stratum", "source")


@dataclass(frozen=True)
class WeightsUsed(Record):
    """The weight column, the sum of weights and Kish's effective sample size."""

    column: str
    sum: float
    kish_effective_n: float


@dataclass(frozen=True)
class StratumUsed(Record):
    """One stratum: its respondents and, when known, its population size."""

    stratum: str
    respondents: int
    population: int | None


@dataclass(frozen=True)
class StrataUsed(Record):
    """The --strata column and each stratum's respondents and population size."""

    column: str
    strata: tuple[StratumUsed, ...]


@dataclass(frozen=True)
class DesignUsed(Record):
    """How a summary's estimates generalise: the design every number of it rests on.

    ``interval`` is 'wilson' for a simple random sample, else the design-based
    method; the FPC rule is the same for every estimate (see estimates.FPC_RULE).
    """

    #: The confidence level of every interval (0.95 for 95%).
    confidence: float
    #: 'wilson', or the design-based method with weights or strata.
    interval: str
    fpc: FpcUsed
    weights: WeightsUsed | None = None
    strata: StrataUsed | None = None
    #: With --adjust and --by: how the group tests were adjusted over a table's items.
    adjust: str | None = None

    OPTIONAL = ("adjust",)


@dataclass(frozen=True)
class StapelingCell(Record):
    """Users of provisions under one combination of laws in one region and period.

    ``category`` is as CBS writes it ("Alleen Jeugd", …, "Jeugd, P-wet en Wmo",
    "Totaal"), or a number of provisions ("1 voorziening", …); ``share`` is the
    count over the region's total users in the period (0–100), computed from
    unrounded counts even when publication rules round ``count``.
    """

    region: str
    period: str
    unit: str
    category: str
    #: None where publication rules suppressed the cell (CBS prints ".").
    count: int | None
    share: float | None
    #: Per 1,000 inhabitants of the region in the period, with a population file.
    per_1000: float | None = None
    #: The value of the --by column the cell counts (absent without --by).
    group: str | None = None

    OPTIONAL = ("per_1000", "group")
