"""Statistics of change between waves: differences, paired tables, trends and means.

Every function takes counts, shares and sample sizes (the effective sizes of a
weighted or finite-population design where those apply) and returns typed
results; ``compare`` decides which of them a comparison needs.

- Two independent waves: Newcombe's hybrid score interval (1998, method 10 for
  independent proportions) and the pooled two-proportion z-test (statsmodels).
- The same respondents in both waves: Newcombe's square-and-add interval for
  paired proportions (1998, method 10 for paired data, with his corrected phi)
  and McNemar's exact test (statsmodels).
- Three or more waves: the Cochran–Armitage test for a linear trend in
  proportions (as R's ``prop.trend.test``) and Pearson's chi-square test of
  equal proportions across all waves (as R's ``prop.test``).
- Waves under weights or strata: each wave's design-based interval and standard
  error take the place of Wilson's and of the binomial variance: the change's
  interval is the MOVER combination of the two waves' intervals (which is
  Newcombe's hybrid score interval when those are Wilson intervals), its test a
  Wald z on the summed variances, and trend and across-wave tests are Wald
  tests on the waves' variances.
- Numeric questions: the difference of means with Welch's interval and test
  (as R's ``t.test``); under a design, each wave's design standard error and
  degrees of freedom take the place of s/sqrt(n) and n - 1.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from monitorkit.results import Change, NumericStats, TestResult, WaveCell, json_value
from monitorkit.stats.population import Population

DIFF_INTERVAL = "Newcombe hybrid score"
DIFF_TEST = "two-proportion z-test (pooled, two-sided)"
PAIRED_INTERVAL = "Newcombe square-and-add (paired)"
PAIRED_TEST = "McNemar exact"
TREND_TEST = "Cochran-Armitage test for trend"
ACROSS_TEST = "Pearson chi-square across waves"
DESIGN_INTERVAL = "MOVER of the waves' design-based (logit) intervals"
DESIGN_TEST = "Wald z-test on the waves' design-based standard errors"
DESIGN_TREND_TEST = "Wald test for linear trend on the waves' design-based variances"
DESIGN_ACROSS_TEST = "Wald chi-square across waves on the design-based variances"
MEAN_INTERVAL = "Welch t"
MEAN_TEST = "Welch t-test (two-sided)"

#: Stand-in for the infinite effective size of a census wave next to a sampled one.
CENSUS_N = 1e9


def difference(
    count_a: int,
    base_a: int,
    count_b: int,
    base_b: int,
    population_a: Population | None = None,
    population_b: Population | None = None,
    confidence: float = 0.95,
) -> Change:
    """B minus A in percentage points, with Newcombe's interval and the pooled z-test.

    With known populations both use each wave's effective sample size
    n / ((N - n) / (N - 1)); two census waves differ without sampling error.
    """
    if not base_a or not base_b:
        return Change(None, None, None)
    size_a = population_a.effective_n(base_a) if population_a else base_a
    size_b = population_b.effective_n(base_b) if population_b else base_b
    return difference_of_shares(count_a / base_a, size_a, count_b / base_b, size_b, confidence)


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
        return Change(diff, (diff, diff), TestResult(DIFF_TEST, None, note=census), DIFF_INTERVAL)
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
        DIFF_INTERVAL,
    )


def mcnemar_exact(table: tuple[tuple[int, int], tuple[int, int]]) -> float | None:
    """Exact McNemar p (statsmodels) of an earlier x later table; None without discordant pairs."""
    from statsmodels.stats.contingency_tables import mcnemar

    if not table[0][1] + table[1][0]:
        return None
    return float(mcnemar(np.asarray(table), exact=True).pvalue)


def paired_difference(
    table: tuple[tuple[int, int], tuple[int, int]], confidence: float = 0.95
) -> Change:
    """Later minus earlier share of one set of respondents, in percentage points.

    ``table`` is earlier (rows: selected, not) by later (columns: selected, not).
    The interval is Newcombe's square-and-add for paired proportions with his
    corrected phi, which is 0 when ad - bc lies between 0 and n/2; the test is
    McNemar's exact test on the discordant pairs.
    """
    from statsmodels.stats.proportion import proportion_confint

    (a, b), (c, d) = table
    n = a + b + c + d
    if not n:
        return Change(None, None, None)
    earlier, later = (a + b) / n, (a + c) / n
    low_e, high_e = proportion_confint(a + b, n, alpha=1 - confidence, method="wilson")
    low_l, high_l = proportion_confint(a + c, n, alpha=1 - confidence, method="wilson")
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    excess = a * d - b * c
    if not margins or 0 <= excess <= n / 2:
        phi = 0.0
    else:
        phi = (excess - n / 2 if excess > 0 else excess) / math.sqrt(margins)
    diff = later - earlier
    down = math.sqrt(
        (later - low_l) ** 2
        + (high_e - earlier) ** 2
        - 2 * phi * (later - low_l) * (high_e - earlier)
    )
    up = math.sqrt(
        (high_l - later) ** 2
        + (earlier - low_e) ** 2
        - 2 * phi * (high_l - later) * (earlier - low_e)
    )
    p = mcnemar_exact(table)
    note = None if p is not None else "no respondent changed answer"
    return Change(
        100 * diff,
        (100 * (diff - down), 100 * (diff + up)),
        TestResult(PAIRED_TEST, p, note=note),
        PAIRED_INTERVAL,
    )


def trend_test(shares: list[float], sizes: list[float], scores: list[float]) -> TestResult | None:
    """Cochran–Armitage chi-square (1 df) for a linear trend in the share over the scores.

    As R's ``prop.trend.test(x, n, score)``: the weighted regression of the
    shares on the scores with weights n / (p (1 - p)), p the pooled share.
    """
    from scipy.stats import chi2

    share, size, score = (np.asarray(v, dtype=float) for v in (shares, sizes, scores))
    size = np.minimum(size, CENSUS_N)
    pooled = float((share * size).sum() / size.sum())
    if not 0 < pooled < 1:
        return TestResult(TREND_TEST, None, note="no variation: the same 0% or 100% in every wave")
    centre = (size * score).sum() / size.sum()
    spread = (size * (score - centre) ** 2).sum()
    statistic = ((size * share * (score - centre)).sum()) ** 2 / (pooled * (1 - pooled) * spread)
    return TestResult(TREND_TEST, float(chi2.sf(statistic, 1)), float(statistic), 1)


def across_waves_test(shares: list[float], sizes: list[float]) -> TestResult | None:
    """Pearson chi-square (waves - 1 df) of equal shares in every wave, as R's ``prop.test``."""
    from scipy.stats import chi2

    share, size = np.asarray(shares, dtype=float), np.minimum(np.asarray(sizes, float), CENSUS_N)
    pooled = float((share * size).sum() / size.sum())
    if not 0 < pooled < 1:
        return TestResult(ACROSS_TEST, None, note="no variation: the same 0% or 100% in every wave")
    statistic = float((size * (share - pooled) ** 2).sum() / (pooled * (1 - pooled)))
    df = len(share) - 1
    return TestResult(ACROSS_TEST, float(chi2.sf(statistic, df)), statistic, df)


def mean_interval(
    stats: NumericStats, confidence: float = 0.95
) -> tuple[float | None, float | None]:
    """A mean's interval: the design's where there is one, else t on n - 1 df from s / sqrt(n)."""
    from scipy.stats import t as student

    if stats.ci_low is not None:
        return stats.ci_low, stats.ci_high
    if stats.mean is None or stats.sd is None or stats.n < 2:
        return None, None
    half = float(student.ppf(0.5 + confidence / 2, stats.n - 1)) * stats.sd / math.sqrt(stats.n)
    return stats.mean - half, stats.mean + half


def mean_difference(a: NumericStats, b: NumericStats, confidence: float = 0.95) -> Change:
    """B's mean minus A's with Welch's interval and test (Welch–Satterthwaite df).

    Without a design each wave's squared standard error is s^2 / n on n - 1
    degrees of freedom; under a design it is the design's SE on its own df.
    """
    from scipy.stats import t as student

    if a.mean is None or b.mean is None or a.n < 2 or b.n < 2:
        return Change(None, None, None)
    parts = []
    for stats in (a, b):
        if stats.se is not None and stats.df is not None:
            parts.append((stats.se**2, stats.df))
        else:
            parts.append(((stats.sd or 0.0) ** 2 / stats.n, stats.n - 1))
    variance = sum(v for v, _ in parts)
    diff = b.mean - a.mean
    if variance == 0:
        return Change(diff, None, TestResult(MEAN_TEST, None, note="no variation in either wave"))
    df = variance**2 / sum(v**2 / max(f, 1) for v, f in parts)
    se = math.sqrt(variance)
    half = float(student.ppf(0.5 + confidence / 2, df)) * se
    p = float(2 * student.sf(abs(diff) / se, df))
    return Change(
        diff,
        (diff - half, diff + half),
        TestResult(MEAN_TEST, p, statistic=diff / se, df=df),
        MEAN_INTERVAL,
    )


def design_difference(first: WaveCell, last: WaveCell, confidence: float = 0.95) -> Change:
    """Last minus first wave's design-based percentage, with the MOVER interval and a Wald z.

    MOVER (Zou & Donner 2008) combines the waves' own intervals l, u around p:
    the change d = p2 - p1 has lower bound d - sqrt((p2 - l2)^2 + (u1 - p1)^2) and
    upper bound d + sqrt((u2 - p2)^2 + (p1 - l1)^2); the waves are independent
    samples, so the Wald test divides d by sqrt(se1^2 + se2^2).
    """
    from scipy.stats import norm

    numbers = _numbers(first.percent, first.ci_low, first.ci_high, first.se)
    numbers_last = _numbers(last.percent, last.ci_low, last.ci_high, last.se)
    if numbers is None or numbers_last is None:
        return Change(None, None, None)
    (p1, l1, u1, se1), (p2, l2, u2, se2) = numbers, numbers_last
    diff = p2 - p1
    low = diff - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    high = diff + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    se = math.hypot(se1, se2)
    if se == 0:
        note = "no variation: the same 0% or 100% in both waves"
        return Change(diff, (low, high), TestResult(DESIGN_TEST, None, note=note), DESIGN_INTERVAL)
    statistic = diff / se
    p = float(2 * norm.sf(abs(statistic)))
    return Change(
        diff, (low, high), TestResult(DESIGN_TEST, p, statistic=statistic), DESIGN_INTERVAL
    )


def _numbers(*values: float | None) -> tuple[float, ...] | None:
    """The values as floats, or None when any is missing."""
    if any(value is None for value in values):
        return None
    return tuple(float(value) for value in values if value is not None)


def _shares_and_variances(cells: list[WaveCell]) -> tuple[np.ndarray, np.ndarray]:
    shares = np.array([(cell.percent or 0.0) / 100 for cell in cells])
    variances = np.array([((cell.se or 0.0) / 100) ** 2 for cell in cells])
    return shares, variances


def design_trend_test(cells: list[WaveCell], scores: list[float]) -> TestResult:
    """Wald chi-square (1 df) of the slope of the share on the scores, weights 1 / variance.

    The design-based counterpart of Cochran–Armitage for independent waves whose
    variances come from their designs.
    """
    from scipy.stats import chi2

    share, variance = _shares_and_variances(cells)
    if (variance <= 0).any():
        return TestResult(DESIGN_TREND_TEST, None, note="a wave without sampling variance")
    weight, score = 1 / variance, np.asarray(scores, dtype=float)
    centre = (weight * score).sum() / weight.sum()
    statistic = float(
        ((weight * (score - centre) * share).sum()) ** 2 / (weight * (score - centre) ** 2).sum()
    )
    return TestResult(DESIGN_TREND_TEST, float(chi2.sf(statistic, 1)), statistic, 1)


def design_across_test(cells: list[WaveCell]) -> TestResult:
    """Wald chi-square (waves - 1 df) of equal shares, each wave weighted by 1 / variance."""
    from scipy.stats import chi2

    share, variance = _shares_and_variances(cells)
    if (variance <= 0).any():
        return TestResult(DESIGN_ACROSS_TEST, None, note="a wave without sampling variance")
    weight = 1 / variance
    pooled = (weight * share).sum() / weight.sum()
    statistic = float((weight * (share - pooled) ** 2).sum())
    df = len(cells) - 1
    return TestResult(DESIGN_ACROSS_TEST, float(chi2.sf(statistic, df)), statistic, df)


#: The significance level a change's sensitivity to an unprinted N is judged at.
SENSITIVITY_ALPHA = 0.05
#: The largest N the sensitivity search looks at.
SENSITIVITY_MAX_N = 100_000


def smallest_significant_n(
    share_varied: float, share_fixed: float, size_fixed: float, varied_first: bool
) -> int | None:
    """The smallest N of the varied wave from which the pooled z-test of the two shares is
    significant at SENSITIVITY_ALPHA for every larger N, or None.

    With both shares held, the z statistic grows with N, so a bisection finds it.
    """

    def significant(n: int) -> bool:
        first: tuple[float, float] = (share_varied, n)
        second: tuple[float, float] = (share_fixed, size_fixed)
        if not varied_first:
            first, second = second, first
        change = difference_of_shares(first[0], first[1], second[0], second[1])
        p = change.test.p if change.test else None
        return p is not None and p < SENSITIVITY_ALPHA

    if share_varied == share_fixed or not significant(SENSITIVITY_MAX_N):
        return None
    low, high = 1, SENSITIVITY_MAX_N
    while low < high:
        middle = (low + high) // 2
        if significant(middle):
            high = middle
        else:
            low = middle + 1
    return low
