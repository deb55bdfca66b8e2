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
    codes, stratum_index = np.unique(strata, return_inverse=True)
    present = np.array([valid[stratum_index == h].any(axis=0) for h in range(len(codes))])
    degrees = d.sum(axis=0) - present.sum(axis=0)
    variance = _score_variance(scores, stratum_index, stratum_sizes, full=False)
    return estimate, variance, degrees, w, d


def _score_variance(
    scores: np.ndarray, stratum_index: np.ndarray, stratum_sizes: np.ndarray | None, full: bool
) -> np.ndarray:
    """The with-replacement variance of score totals within strata, with the stratum FPC.

    Per stratum h: (1 - n_h / N_h) n_h / (n_h - 1) times the sum of squared
    centred scores; strata of one respondent add nothing. ``full`` gives the
    covariance matrix of the columns, else only their variances.
    """
    size = scores.shape[1]
    total = np.zeros((size, size)) if full else np.zeros(size)
    for h in np.unique(stratum_index):
        rows = stratum_index == h
        n_h = int(rows.sum())
        if n_h < 2:
            continue
        centred = scores[rows] - scores[rows].mean(axis=0)
        fpc = 1.0 if stratum_sizes is None else 1.0 - n_h / float(stratum_sizes[rows][0])
        products = centred.T @ centred if full else (centred**2).sum(axis=0)
        total += fpc * n_h / (n_h - 1) * products
    return total


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


RAO_SCOTT = "Rao-Scott F (second-order corrected Pearson chi-square, as R svychisq)"


@dataclass(frozen=True)
class RaoScott:
    """The Rao–Scott second-order corrected test of a groups x outcomes table."""

    statistic: float
    ndf: float
    ddf: float
    p: float
    #: Pearson's X^2 of the weighted table scaled to the number of respondents.
    pearson: float
    #: Cramér's V of that table.
    cramers_v: float


def rao_scott(
    groups: np.ndarray,
    outcomes: np.ndarray,
    weights: np.ndarray | None,
    strata: np.ndarray | None = None,
    stratum_sizes: np.ndarray | None = None,
) -> RaoScott | None:
    """Rao–Scott F test of independence of two codes per respondent (-1: no answer).

    As R survey's ``svychisq(~group + outcome, design)`` with its default
    ``statistic = "F"`` on the full design: the Pearson X^2 of the weighted
    table divided by the mean generalised design effect tr(Delta), referred to F
    on d0 and d0 * nu degrees of freedom, where d0 = tr(Delta)^2 / tr(Delta^2)
    and nu is the design's respondents minus strata. Delta compares the
    linearised covariance of the cell proportions (stratum FPC included) with a
    multinomial one, on the contrasts of the interaction.
    """
    from scipy.stats import f as fisher_f

    n = len(groups)
    domain = (groups >= 0) & (outcomes >= 0)
    rows, row_index = np.unique(groups[domain], return_inverse=True)
    cols, col_index = np.unique(outcomes[domain], return_inverse=True)
    nr, nc = len(rows), len(cols)
    if nr < 2 or nc < 2:
        return None
    cells = np.zeros((n, nr * nc))
    cells[np.flatnonzero(domain), col_index * nr + row_index] = 1.0
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    strata = np.zeros(n, dtype=np.int64) if strata is None else strata
    _, stratum_index = np.unique(strata, return_inverse=True)
    total = w[domain].sum()
    share = (w[:, None] * cells).sum(axis=0) / total
    scores = w[:, None] * domain[:, None] * (cells - share[None, :]) / total
    covariance = _score_variance(scores, stratum_index, stratum_sizes, full=True)
    table = (share * n).reshape(nc, nr).T
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / table.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        pearson = float(np.nansum((table - expected) ** 2 / expected))
    contrasts = _interaction_contrasts(nr, nc)
    inverse = np.diag(np.where(share == 0, 0.0, 1 / np.where(share == 0, 1, share)))
    denominator = contrasts.T @ (inverse / n) @ contrasts
    numerator = contrasts.T @ inverse @ covariance @ inverse @ contrasts
    delta = np.linalg.solve(denominator, numerator)
    trace = float(np.trace(delta))
    d0 = trace**2 / float(np.trace(delta @ delta))
    nu = n - len(np.unique(stratum_index))
    statistic = pearson / trace
    p = float(fisher_f.sf(statistic, d0, d0 * nu))
    cramers_v = float(np.sqrt(pearson / (n * (min(nr, nc) - 1))))
    return RaoScott(statistic, d0, d0 * nu, p, pearson, cramers_v)


def _interaction_contrasts(nr: int, nc: int) -> np.ndarray:
    """The interaction columns of the saturated model, residualised on the main effects.

    Cells are ordered with the row varying fastest, as R's ``expand.grid``.
    """
    row = np.tile(np.arange(nr), nc)
    col = np.repeat(np.arange(nc), nr)
    main = np.column_stack(
        [np.ones(nr * nc)]
        + [(row == i).astype(float) for i in range(1, nr)]
        + [(col == j).astype(float) for j in range(1, nc)]
    )
    interaction = np.column_stack(
        [((row == i) & (col == j)).astype(float) for j in range(1, nc) for i in range(1, nr)]
    )
    fitted = main @ np.linalg.lstsq(main, interaction, rcond=None)[0]
    return interaction - fitted
