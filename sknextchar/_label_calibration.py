"""Calibration of a generative classifier: a temperature and the log-priors.

A generative classifier adds one log-probability per character,
``log P(name | label) = sum_t log P(c_t | context, label)``. The characters of a
name are not independent evidence about its label, so the sum overstates it and
Bayes' rule gives posteriors that are too sure. The calibrated posterior tempers
the log-likelihoods and learns the offsets,

    log P(label | name) = T * log P(name | label) + log prior(label) - log Z(name),

a conditional-logit (multinomial logistic) model with one feature per label,
fitted by minimising the log-loss on names the likelihoods were not trained on.
``T < 1`` softens over-confident likelihoods. ``T`` is a power of the
likelihoods, so it is kept at ``T >= 0``: a negative one would invert the
classifier (the least likely label the most probable). When the held-out
likelihoods point away from the true labels, the fit gives ``T = 0``, the
priors alone. The fit is convex; like
:class:`~sklearn.linear_model.LogisticRegression`, it adds ``T ** 2 / (2 C)`` to
the summed log-loss (the offsets are not penalised), which keeps ``T`` finite on
held-out names that the likelihoods separate perfectly.

A log-likelihood of ``-inf`` (probability 0, as a count model with
``add_k=0`` gives a name with an n-gram its training names lack) under a
wrong label is strong evidence, and is used: it is floored at ``LOG_FLOOR``
(after each row's largest is subtracted), as the mixture weights floor theirs.
For ``T`` above about 0.01 that label's probability ``exp(LOG_FLOOR * T)``
is 0 in floating point, as it is with ``-inf``: the fit has the same optimum
as with ``-inf`` excluded exactly, and the objective stays smooth and finite
down to ``T = 0``, where the floored ``0 * LOG_FLOOR`` is 0, as prediction
takes ``0 * -inf`` (the priors alone). Under a name's true label, a
probability 0 makes the log-loss infinite for every ``T`` above 0: it is
refused (:func:`check_true_label_possible`), naming the names.
"""

import warnings
from numbers import Integral

import numpy as np
from scipy.optimize import minimize
from scipy.special import log_softmax, logsumexp
from sklearn.exceptions import ConvergenceWarning
from sklearn.frozen import FrozenEstimator

from ._limits import LOG_FLOOR
from ._stacklevel import user_stacklevel
from ._words import MAX_REPORTED, and_more

__all__ = [
    "all_frozen",
    "calibration_cv",
    "calibration_splits",
    "SMOOTH_ADVICE",
    "check_true_label_possible",
    "fit_pool_weights",
    "fit_temperature",
]

PENALTY_C = 1e4


def fit_temperature(
    log_likelihood, y_index, *, log_prior=None, C=PENALTY_C, sample_weight=None
):
    """Fit the temperature, and the log-priors unless given, by log-loss.

    Parameters
    ----------
    log_likelihood : ndarray of shape (n_names, n_classes)
        ``log P(name | label)`` of names the likelihood model was not fitted on.
    y_index : ndarray of shape (n_names,)
        The true label of each name, as a column index.
    log_prior : ndarray of shape (n_classes,) or None, default=None
        Fixed log-priors: only the temperature is fitted. None: the log-priors
        are fitted too.
    C : float, default=1e4
        Inverse strength of the penalty ``T ** 2 / 2`` (as in
        :class:`~sklearn.linear_model.LogisticRegression`, against the summed
        log-loss).
    sample_weight : ndarray of shape (n_names,) or None, default=None
        The weight of each name's log-loss in the sum (an integer weight
        counts as that many copies of the name); None weighs them alike.

    Returns
    -------
    temperature : float
        At least 0: 0 when the likelihoods mislead (a negative power would
        invert them), so that the posterior is the priors.
    log_prior : ndarray of shape (n_classes,)
        Normalised: ``exp(log_prior)`` sums to 1.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> y = rng.integers(0, 2, 2000)
    >>> ll = np.c_[-3.0 * y, -3.0 * (1 - y)] + rng.normal(0, 3, (2000, 2))
    >>> temperature, log_prior = fit_temperature(ll, y)
    >>> 0.3 < temperature < 1.0, float(np.exp(log_prior).sum().round(6))
    (True, 1.0)
    >>> fit_temperature(-ll, y)[0]  # the wrong label: the priors alone
    0.0
    >>> counts = rng.integers(0, 3, 2000)  # names with counts: repeated rows
    >>> t, _ = fit_temperature(ll, y, sample_weight=counts)
    >>> bool(np.isclose(t, fit_temperature(ll.repeat(counts, 0), y.repeat(counts))[0]))
    True
    """
    weights, log_prior = _conditional_logit(
        _centred(log_likelihood)[:, None, :],
        y_index,
        log_prior,
        C,
        bounds=(0.0, None),
        sample_weight=sample_weight,
    )
    return float(weights[0]), log_prior


def fit_pool_weights(
    log_likelihoods, y_index, *, log_prior=None, C=PENALTY_C, sample_weight=None
):
    """Fit one non-negative weight per model, and the log-priors, by log-loss.

    The calibrated posterior of several models of names by label, a weighted
    product of experts,
    ``log P(label | name) = sum_m w_m log P_m(name | label) + log prior(label)
    - log Z(name)``: the conditional-logit model of :func:`fit_temperature`
    with one feature per model (stacking by the log-loss). A model that adds
    nothing gets a weight of 0, not a negative one. The penalty is
    ``sum_m w_m ** 2 / (2 C)``.

    Parameters
    ----------
    log_likelihoods : ndarray of shape (n_names, n_models, n_classes)
        ``log P_m(name | label)`` of names the models were not fitted on.
    y_index : ndarray of shape (n_names,)
        The true label of each name, as a column index.
    log_prior : ndarray of shape (n_classes,) or None, default=None
        Fixed log-priors: only the weights are fitted. None: fitted too.
    C : float, default=1e4
        Inverse strength of the penalty.
    sample_weight : ndarray of shape (n_names,) or None, default=None
        The weight of each name's log-loss in the sum; None weighs them alike.

    Returns
    -------
    weights : ndarray of shape (n_models,)
        Non-negative; their sum is the temperature of the pooled models.
    log_prior : ndarray of shape (n_classes,)
        Normalised: ``exp(log_prior)`` sums to 1.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> y = rng.integers(0, 2, 2000)
    >>> good = np.c_[-3.0 * y, -3.0 * (1 - y)] + rng.normal(0, 3, (2000, 2))
    >>> noise = rng.normal(0, 3, (2000, 2))  # says nothing about the label
    >>> weights, _ = fit_pool_weights(np.stack([good, noise], axis=1), y)
    >>> bool(weights[0] > 0.3), bool(weights[1] < 0.05)
    (True, True)
    """
    ll = np.stack(
        [_centred(log_likelihoods[:, m]) for m in range(log_likelihoods.shape[1])],
        axis=1,
    )
    return _conditional_logit(
        ll, y_index, log_prior, C, bounds=(0.0, None), sample_weight=sample_weight
    )


def _calibration_folds(cv, names, labels, classes, groups):
    """The (train, test) row indices of the calibration, each train with every label.

    Parameters
    ----------
    cv : int, cross-validation splitter or list of (train, test)
        ``NameLabelClassifier(cv=...)``: a number of folds of
        :class:`~sklearn.model_selection.StratifiedGroupKFold`, a splitter, or
        the splits of :func:`calibration_cv` (rows of ``names``).
    names : list of str
        The names.
    labels : ndarray of shape (n_names,)
        Their labels.
    classes : ndarray
        The distinct labels.
    groups : array-like of shape (n_names,)
        The group of each name (its copies, as the model reads them, share one).

    Yields
    ------
    train, test : ndarray of int

    Raises
    ------
    ValueError
        If ``cv`` asks for more folds than the names allow (naming the most
        that work), or a fold's training part lacks a label.

    Examples
    --------
    >>> import numpy as np
    >>> labels = np.array(["f", "f", "m", "m"])
    >>> folds = _calibration_folds(2, list("abcd"), labels, ["f", "m"], [0, 1, 2, 3])
    >>> [test.tolist() for _, test in folds]
    [[0, 2], [1, 3]]
    >>> list(_calibration_folds(3, list("abcd"), labels, ["f", "m"], [0, 1, 2, 3]))
    Traceback (most recent call last):
    ...
    ValueError: cv=3 is more folds than the calibration can make of these names: ...
    """
    if isinstance(cv, Integral):
        # Here: model_selection imports scikit-learn's metrics, which loading
        # or using a fitted classifier never needs.
        from sklearn.model_selection import StratifiedGroupKFold

        _check_n_folds(cv, labels, groups)
        folds = StratifiedGroupKFold(cv).split(names, labels, groups=groups)
    else:  # a splitter, or the given splits
        folds = cv.split(names, labels, groups=groups) if hasattr(cv, "split") else cv
    for k, (train, test) in enumerate(folds):
        missing = np.setdiff1d(classes, labels[train])
        if len(missing):
            advice = (
                "fewer folds (cv), more names of that label"
                if isinstance(cv, Integral)
                else "a splitter that stratifies by label, such as cv="
                "StratifiedGroupKFold(n_splits, shuffle=True), or a number of folds"
                if hasattr(cv, "split")
                else "splits (cv) whose training part has names of every label "
                "(of a weight above 0), a splitter, or a number of folds"
            )
            raise ValueError(
                f"The calibration needs every label in the training part of each "
                f"fold; fold {k} has no name labelled {missing.tolist()!r}. Use "
                f"{advice}, or calibration=None."
            )
        yield train, test


def calibration_splits(cv, estimators, names, labels, classes, groups):
    """The calibration's (train, test) rows: folds, or every name for frozen pipelines.

    A :class:`~sklearn.frozen.FrozenEstimator` is not fitted again, so folds
    would score every name with the same pipeline: when every pipeline is
    frozen, ``cv`` is not used and the one split scores all the names (which
    should be names the pipelines were not trained on). Otherwise, the folds
    of :func:`_calibration_folds`.

    Parameters
    ----------
    cv : int, cross-validation splitter or list of (train, test)
        ``NameLabelClassifier(cv=...)``, its splits read by :func:`calibration_cv`.
    estimators : list of estimators
        The pipelines to calibrate, possibly frozen.
    names, labels, classes, groups
        As for :func:`_calibration_folds`.

    Returns
    -------
    splits : iterable of (train, test) ndarray of int

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.frozen import FrozenEstimator
    >>> from sklearn.pipeline import Pipeline
    >>> labels = np.array(["f", "f", "m", "m"])
    >>> frozen = [FrozenEstimator(Pipeline([("p", "passthrough")]))]
    >>> [test.tolist() for _, test in calibration_splits(
    ...     5, frozen, list("abcd"), labels, ["f", "m"], [0, 1, 2, 3])]
    [[0, 1, 2, 3]]
    """
    if all_frozen(estimators):
        rows = np.arange(len(names))
        return [(rows, rows)]
    folds = _calibration_folds(cv, names, labels, classes, groups)
    return list(folds) if isinstance(cv, list) else folds  # checked before any fit


def all_frozen(estimators):
    """Whether every pipeline of ``estimators`` is a FrozenEstimator: then the
    calibration scores every name with them, and ``cv`` is unused."""
    return all(isinstance(each, FrozenEstimator) for each in estimators)


def calibration_cv(cv, n_names, kept=None):
    """``cv`` as the calibration splits the names: given splits read once.

    A number of folds or a splitter is returned as it is (it splits the names
    that the fit keeps). An iterable of ``(train, test)`` arrays of indices, as
    scikit-learn's searches and
    :class:`~sklearn.calibration.CalibratedClassifierCV` take it, indexes the
    rows passed to ``fit``: it is read once (a generator too) into the same
    splits of the kept names, those of a weight above 0. A name of weight 0
    drops out of both parts: it is neither fitted nor scored.

    Parameters
    ----------
    cv : int, cross-validation splitter or iterable of (train, test)
        ``NameLabelClassifier(cv=...)``.
    n_names : int
        The number of names passed to ``fit``.
    kept : ndarray of int or None, default=None
        The positions of the names the fit keeps; None: every name.

    Returns
    -------
    cv : int, cross-validation splitter or list of (train, test) ndarray of int
        Given splits as rows of the kept names.

    Raises
    ------
    ValueError
        If ``cv`` gives no splits, a split that is not a pair of 1-D arrays
        of indices, an index out of range, or a split whose training part has
        no names (of a weight above 0).

    Examples
    --------
    >>> import numpy as np
    >>> splits = [([0, 1], [2, 3]), ([2, 3], [0, 1])]
    >>> [test.tolist() for _, test in calibration_cv(splits, 4, np.array([0, 2, 3]))]
    [[1, 2], [0]]
    >>> calibration_cv([([0, 9], [1])], 4)
    Traceback (most recent call last):
    ...
    ValueError: cv's split 0 has train indices out of range: [9]. ...
    """
    if isinstance(cv, Integral) or hasattr(cv, "split"):
        return cv
    to_kept = np.arange(n_names)
    if kept is not None:  # the row among the kept names, -1 for weight 0
        to_kept = np.full(n_names, -1)
        to_kept[kept] = np.arange(len(kept))
    splits = []
    for k, pair in enumerate(cv):
        train, test = (to_kept[rows] for rows in _given_pair(pair, k, n_names))
        if not np.any(train >= 0):
            weighed = "" if kept is None else " of a weight above 0"
            raise ValueError(
                f"cv's split {k} has no training names{weighed}, so no pipeline "
                "could be fitted to score its test part. Give each split (train, "
                f"test) of cv training names{weighed}."
            )
        splits.append((train[train >= 0], test[test >= 0]))
    if not splits:
        used_up = (
            " (a generator is used up by the first fit that reads it, as is any "
            "iterator: pass the splits as a list)"
            if iter(cv) is cv
            else ""
        )
        raise ValueError(
            f"cv gave no (train, test) splits{used_up}. Give cv the splits, a "
            "number of folds or a splitter."
        )
    return splits


def _given_pair(pair, k, n_names):
    """Split ``k`` of a given ``cv``, checked: a pair of 1-D arrays of indices
    of the ``n_names`` rows passed to fit."""
    try:
        parts = [np.asarray(part) for part in pair]
    except (TypeError, ValueError):
        parts = []
    if len(parts) != 2 or any(
        part.ndim != 1 or (part.size and part.dtype.kind not in "iu") for part in parts
    ):
        shown = " ".join(repr(pair).split())  # on one line, at most 80 characters
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        raise ValueError(
            f"cv's split {k} is not a pair (train, test) of 1-D arrays of row "
            f"indices (integers), as KFold().split(X) gives; got {shown}. Give cv "
            "as such pairs (of a boolean mask, np.flatnonzero(mask)), a number "
            "of folds or a splitter."
        )
    rows = [part.astype(np.intp) for part in parts]
    for which, part in zip(("train", "test"), rows, strict=True):
        out = part[(part < 0) | (part >= n_names)]
        if len(out):
            raise ValueError(
                f"cv's split {k} has {which} indices out of range: "
                f"{out[:MAX_REPORTED].tolist()}. The splits of cv index the rows "
                f"passed to fit ({n_names:,} names: 0 to {n_names - 1:,}; in a "
                "search, the rows of the training part of each of its folds)."
            )
    return rows


def _check_n_folds(cv, labels, groups):
    """Refuse a number of folds above what StratifiedGroupKFold makes of the
    names, in the words of ``NameLabelClassifier``'s ``cv``: one fold at most
    per group (distinct name), and per name of the most common label."""
    found, counts = np.unique(labels, return_counts=True)
    n_groups = len(np.unique(np.asarray(groups)))
    most = int(np.argmax(counts))
    if cv <= min(counts[most], n_groups):
        return
    label = found[most].item() if isinstance(found[most], np.generic) else found[most]
    raise ValueError(
        f"cv={cv} is more folds than the calibration can make of these names: "
        "StratifiedGroupKFold keeps the copies of a name together, so it makes "
        f"at most one fold per distinct name ({n_groups:,} here, as the model "
        "reads them) and per name of the most common label "
        f"({label!r} has {counts[most]:,}). Pass cv={min(counts[most], n_groups):,} "
        "or fewer to NameLabelClassifier, a splitter, or calibration=None."
    )


def _conditional_logit(ll, y_index, log_prior, C, bounds, sample_weight=None):
    """Weights and log-priors minimising the penalised log-loss of the scores
    ``sum_m w_m ll[:, m] + offsets``; ``bounds`` of each weight. With
    ``sample_weight``, each name's log-loss counts with its weight (the loss
    and its gradient are those of the names repeated, divided by the total).

    Written so that one model (``fit_temperature``) takes the arithmetic of a
    single scaled score: the same numbers, bit for bit, as a fit of one feature.
    """
    y_index = np.asarray(y_index)
    n, n_models, n_classes = ll.shape
    check_true_label_possible(ll, y_index, every_model=True)  # a weight each
    if sample_weight is not None:
        sample_weight = np.asarray(sample_weight, dtype=np.float64)
        n = sample_weight.sum()
    # -inf under a wrong label: floored, so that a weight of 0 times it is 0.
    features = [np.maximum(ll[:, m], LOG_FLOOR) for m in range(n_models)]
    onehot = np.eye(n_classes)[y_index]
    free_prior = log_prior is None

    def loss_and_grad(theta):
        weights = theta[:n_models]
        offsets = np.r_[0.0, theta[n_models:]] if free_prior else log_prior
        scores = sum(w * f for w, f in zip(weights, features, strict=True))
        log_p = log_softmax(scores + offsets, axis=1)
        residual = np.exp(log_p) - onehot
        picked = np.take_along_axis(log_p, y_index[:, None], axis=1)
        if sample_weight is not None:
            residual = residual * sample_weight[:, None]
            picked = picked * sample_weight[:, None]
        loss = -picked.sum() + (weights**2).sum() / (2 * C)
        grad_w = np.array([(residual * f).sum() for f in features]) + weights / C
        grad = np.r_[grad_w, residual.sum(axis=0)[1:]] if free_prior else grad_w
        return loss / n, grad / n

    start = np.r_[np.full(n_models, 1.0 / n_models), np.zeros(n_classes - 1)]
    if free_prior:  # the label frequencies, relative to the first label
        counts = np.bincount(y_index, sample_weight, minlength=n_classes) + 1.0
        start[n_models:] = np.log(counts[1:] / counts[0])
    else:
        start = start[:n_models]
    bounds = [bounds] * n_models + [(None, None)] * (len(start) - n_models)
    theta = _converged(
        minimize(loss_and_grad, start, jac=True, method="L-BFGS-B", bounds=bounds)
    )
    offsets = np.r_[0.0, theta[n_models:]] if free_prior else np.asarray(log_prior)
    return theta[:n_models], offsets - logsumexp(offsets)


def check_true_label_possible(log_likelihood, y_index, names=None, every_model=False):
    """Refuse held-out names of probability 0 under their true label.

    Parameters
    ----------
    log_likelihood : ndarray of shape (n_names, n_classes) or \
            (n_names, n_models, n_classes)
        ``log P(name | label)`` of the held-out names (per model).
    y_index : ndarray of shape (n_names,)
        The true label of each name, as a column index.
    names : list of str or None, default=None
        The names, to show; None shows their rows.
    every_model : bool, default=False
        Refuse a name only when every model gives it ``-inf`` under its true
        label: each model has a weight of its own (``calibration="weights"``),
        which can fall to about 0 for the models that do. False refuses a name
        that any model gives ``-inf`` (the models pooled with fixed shares).

    Raises
    ------
    ValueError
        If a name's log-likelihood under its true label is ``-inf`` (under
        one model or more, or every model): the calibration's log-loss is then
        infinite for every temperature above 0.

    Examples
    --------
    >>> import numpy as np
    >>> ll = np.array([[0.0, -np.inf], [-np.inf, -1.0]])
    >>> check_true_label_possible(ll, np.array([0, 1]))  # -inf under wrong labels
    >>> check_true_label_possible(ll, np.array([0, 0]), ["ada", "ugo"])
    Traceback (most recent call last):
    ...
    ValueError: The calibration's held-out names have probability 0 under ...
    """
    ll = np.asarray(log_likelihood, dtype=np.float64)
    ll = ll if ll.ndim == 3 else ll[:, None, :]
    true = np.isneginf(
        np.take_along_axis(ll, np.asarray(y_index)[:, None, None], axis=2)[..., 0]
    )
    rows = np.flatnonzero(true.all(axis=1) if every_model else true.any(axis=1))
    # Some pipelines give such names a probability: weights of their own can do.
    weigh = "" if every_model or true[rows].all() else ' or calibration="weights"'
    if len(rows):  # each name once (a name's copies are scored alike)
        found = list(dict.fromkeys(names[i] for i in rows)) if names else rows
        shown = [
            repr(each) if names else f"row {each}" for each in found[:MAX_REPORTED]
        ]
        shown = and_more(shown, len(found))
        every = " under every pipeline" if every_model and ll.shape[1] > 1 else ""
        raise ValueError(
            "The calibration's held-out names have probability 0 under their "
            f"own label{every}: {shown} (a count model with add_k=0 gives "
            "probability 0 to a name with an n-gram its training names lack), so "
            "the log-loss the calibration minimises is not finite for any "
            f"temperature above 0. {SMOOTH_ADVICE}, or use calibration=None{weigh}."
        )


#: What smooths a count model that gives names probability 0.
SMOOTH_ADVICE = (
    "Smooth the model (add_k above 0, or add_k=None for Kneser-Ney's discounts)"
)


def _converged(result):
    """The solution of ``minimize``, with a ConvergenceWarning if it failed."""
    if not np.isfinite(result.fun):
        raise ValueError(
            "The calibration's log-loss is not finite at its solution "
            f"({result.message}). Check the log-likelihoods of the names "
            "(NameLabelClassifier(calibration=None).fit(...).log_likelihood) "
            "for NaN, or use calibration=None."
        )
    if not result.success:
        warnings.warn(
            f"The calibration's fit did not converge ({result.message}) after "
            f"{result.nit} iterations: temperature_, class_prior_ and "
            "pool_weights_ may not minimise the held-out log-loss. Check the "
            "log-likelihoods of the names (NameLabelClassifier(calibration=None)"
            ".fit(...).log_likelihood) for extreme values, or use "
            "calibration=None.",
            ConvergenceWarning,
            stacklevel=user_stacklevel(),
        )
    return result.x


def _centred(log_likelihood):
    """The log-likelihoods minus each row's largest (the posterior is unchanged)."""
    ll = np.asarray(log_likelihood, dtype=np.float64)
    top = ll.max(axis=1, keepdims=True)
    return ll - np.where(np.isfinite(top), top, 0.0)
