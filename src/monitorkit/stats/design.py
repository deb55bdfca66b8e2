"""Design-based proportions and means: weights, strata and finite population correction.

A proportion under a weighted and/or stratified design is the ratio of weighted
totals; its variance comes from Taylor linearisation with a single stage of
sampling within strata (R survey: ``svydesign(ids=~1, strata=, weights=,
fpc=)`` then ``svymean``), and its interval from the logit transform of
``svyciprop(method="logit")``: the Wald interval of the logit with the
linearised standard error and a t quantile on the design's degrees of freedom
(respondents minus strata), transformed back, so it stays within 0–100%.
The design effect compares that variance with the one a simple random sample
of the same size would have (``svymean(deff=TRUE)``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

INTERVAL_METHOD = "logit (svyciprop, Taylor-linearised standard error)"


@dataclass(frozen=True)
class ProportionEstimates:
    """Per item: estimate, standard error, design effect and interval (all as shares 0–1)."""

    share: np.ndarray
    se: np.ndarray
    deff: np.ndarray
    low: np.ndarray
    high: np.ndarray


def _linearised(
    y: np.ndarray,
    valid: np.ndarray,
    weights: np.ndarray | None,
    strata: np.ndarray | None,
    stratum_sizes: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Ratio estimates of the mean of ``y`` per column over its domain ``valid``.

    Returns the estimate, its Taylor-linearised variance (with the stratum finite
    population correction), the degrees of freedom (domain respondents minus the
    strata they fall in), the weights and the domain indicator as floats.
    """
    n = y.shape[0]
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    strata = np.zeros(n, dtype=np.int64) if strata is None else strata
    d = valid.astype(float)
    y = np.where(valid, y, 0.0)
    totals = (w[:, None] * d).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        estimate = (w[:, None] * y * d).sum(axis=0) / totals
        # linearised scores of the ratio estimator, zero outside the domain
        scores = w[:, None] * d * (y - estimate[None, :]) / totals[None, :]
    variance = np.zeros(y.shape[1])
    codes, stratum_index = np.unique(strata, return_inverse=True)
    present = np.array([valid[stratum_index == h].any(axis=0) for h in range(len(codes))])
    degrees = d.sum(axis=0) - present.sum(axis=0)
    for h in range(len(codes)):
        rows = stratum_index == h
        n_h = int(rows.sum())
        if n_h < 2:
            continue
        part = scores[rows]
        centred = part - part.mean(axis=0)
        fpc = 1.0
        if stratum_sizes is not None:
            fpc = 1.0 - n_h / float(stratum_sizes[rows][0])
        variance += fpc * n_h / (n_h - 1) * (centred**2).sum(axis=0)
    return estimate, variance, degrees, w, d


def _t_quantile(confidence: float, degrees: np.ndarray) -> np.ndarray:
    from scipy.stats import t as student

    return student.ppf(0.5 + confidence / 2, np.maximum(degrees, 1))


def design_proportions(
    selected: np.ndarray,
    valid: np.ndarray,
    weights: np.ndarray | None,
    strata: np.ndarray | None = None,
    stratum_sizes: np.ndarray | None = None,
    confidence: float = 0.95,
) -> ProportionEstimates:
    """Design-based proportions for every item (columns) of respondents x items matrices.

    Each item is a domain estimate over the respondents with a valid answer
    (``valid``), as R's ``svyciprop(~y, subset(design, !is.na(y)))`` on the full
    design: respondents outside the domain keep their stratum and their place in
    the finite population correction. ``stratum_sizes`` gives, per respondent, the
    population size N_h of the respondent's stratum (or of the whole population
    without strata); None for sampling with replacement (no correction).
    """
    share, variance, degrees, w, d = _linearised(
        selected.astype(float), valid, weights, strata, stratum_sizes
    )
    se = np.sqrt(variance)
    z = _t_quantile(confidence, degrees)
    with np.errstate(invalid="ignore", divide="ignore"):
        logit = np.log(share / (1 - share))
        se_logit = se / (share * (1 - share))
        low = 1 / (1 + np.exp(-(logit - z * se_logit)))
        high = 1 / (1 + np.exp(-(logit + z * se_logit)))
    edge = (share <= 0) | (share >= 1)
    low, high = np.where(edge, share, low), np.where(edge, share, high)
    deff = _design_effect(variance, share, w, d, stratum_sizes)
    return ProportionEstimates(share, se, deff, low, high)


@dataclass(frozen=True)
class MeanEstimate:
    """A numeric question's design-based mean, standard error, interval, median and sd."""

    mean: float
    se: float
    low: float
    high: float
    median: float
    sd: float
    #: Degrees of freedom of the t interval: domain respondents minus their strata.
    df: float


MEAN_INTERVAL = "t on the design's degrees of freedom"


def design_mean(
    values: np.ndarray,
    weights: np.ndarray | None,
    strata: np.ndarray | None = None,
    stratum_sizes: np.ndarray | None = None,
    confidence: float = 0.95,
    domain: np.ndarray | None = None,
) -> MeanEstimate:
    """Design-based mean of ``values`` (NaN = no answer) over the respondents in ``domain``.

    As R survey: ``svymean`` for the mean and its linearised SE, the interval
    ``confint(svymean(...), df = degf(design))`` (a t interval on the domain's
    degrees of freedom), ``svyquantile(qrule = "math")`` for the median (the
    smallest value whose weighted share at or below it reaches one half) and
    ``sqrt(svyvar(...))`` for the standard deviation.
    """
    values = np.asarray(values, dtype=float)
    valid = ~np.isnan(values)
    if domain is not None:
        valid &= domain
    mean, variance, degrees, w, _ = _linearised(
        values[:, None], valid[:, None], weights, strata, stratum_sizes
    )
    se = float(np.sqrt(variance[0]))
    half = float(_t_quantile(confidence, degrees)[0]) * se
    x, wx = values[valid], w[valid]
    order = np.argsort(x, kind="stable")
    cumulative = np.cumsum(wx[order]) / wx.sum()
    median = float(x[order][np.searchsorted(cumulative, 0.5 - 1e-12)])
    count = x.size
    spread = (
        (wx * (x - mean[0]) ** 2).sum() / wx.sum() * count / (count - 1) if count > 1 else np.nan
    )
    return MeanEstimate(
        float(mean[0]),
        se,
        mean[0] - half,
        mean[0] + half,
        median,
        float(np.sqrt(spread)),
        float(degrees[0]),
    )


def _design_effect(
    variance: np.ndarray,
    share: np.ndarray,
    w: np.ndarray,
    d: np.ndarray,
    stratum_sizes: np.ndarray | None,
) -> np.ndarray:
    """Design variance over the variance of a simple random sample of the same size.

    As R's ``svymean(deff=TRUE)``: the SRS variance is the weighted variance of the
    item (with n/(n-1)) over the domain's sample size n, drawn without replacement
    from the domain's estimated population (the sum of its weights).
    """
    n = d.sum(axis=0)
    population = (w[:, None] * d).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        srs = share * (1 - share) * n / (n - 1) * (population - n) / (population * n)
        return np.where(population > n, variance / srs, np.nan)
