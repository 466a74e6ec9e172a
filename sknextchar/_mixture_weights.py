"""The maths of a mixture of next-character models.

Mixture weights that maximise held-out likelihood, as pure functions of the
members' predictions: EM for the linear mixture, L-BFGS-B for the log-linear one;
the weights a user gives instead (``weights=[...]``), checked and normalised;
and the mixture's log-probabilities from its fitted members and weights
(:func:`mixed_log_proba`). The estimator, its members' fits and its input
checks are ``_mixture``'s."""

import math

import numpy as np
from scipy.optimize import minimize
from scipy.special import log_softmax, logsumexp

from ._compat import InvalidParameterError
from ._limits import LOG_FLOOR
from ._member_checks import member_columns
from ._members import is_drop
from ._next_char_model import float64_log_proba
from ._validation import float_array
from .nn.functional import target_log_proba

__all__ = [
    "em_mixture_weights",
    "given_weights",
    "log_linear_log_proba",
    "log_linear_weights",
    "member_log_proba",
    "mixed_log_proba",
]

# The largest log-linear weight: an exponent of a probability (about 1 in a fitted
# mixture); times the floor of a log-probability it stays far from overflow.
_MAX_EXPONENT = 1e6


def given_weights(weights, estimators, combine):
    """The normalised weights of the members that are not ``"drop"``, or None
    for ``"fit"``.

    Parameters
    ----------
    weights : "fit" or list of float
        A mixture's ``weights`` parameter: one per member of ``estimators``.
    estimators : list of (str, estimator or "drop")
        The mixture's members.
    combine : {"linear", "log-linear"}
        Linear weights are scaled to sum to 1; log-linear ones are exponents,
        kept as given.

    Returns
    -------
    weights : ndarray of shape (n_kept,) or None

    Raises
    ------
    InvalidParameterError
        ``weights`` is not one non-negative number per member, not all zero on
        the members kept.

    Examples
    --------
    >>> members = [("a", None), ("b", "drop"), ("c", None)]
    >>> given_weights([1, 5, 3], members, "linear").tolist()
    [0.25, 0.75]
    >>> given_weights("fit", members, "linear") is None
    True
    """
    if isinstance(weights, str):
        return None
    names = [name for name, _ in estimators]
    try:  # [True, False] is no list of numbers (a mask, maybe): refused
        values = float_array(weights)
    except (TypeError, ValueError):  # a dict by member name, text
        values = np.full(0, np.nan)  # refused below, with the same words
    kept = [not is_drop(member) for _, member in estimators]
    if (
        values.shape != (len(names),)
        or not np.all(np.isfinite(values))
        or np.any(values < 0)
        or not np.any(values[kept] > 0)
    ):
        raise InvalidParameterError(
            f"weights must be 'fit' or {len(names)} non-negative numbers (a "
            f"list), one per member of estimators in their order "
            f"({', '.join(names)}; a 'drop' member's is ignored), not all zero "
            f"on the members kept; got {weights!r}."
        )
    values = values[kept]
    if combine == "log-linear" and values.max() > _MAX_EXPONENT:
        raise ValueError(
            f"log-linear weights are exponents of the members' probabilities; "
            f"above {_MAX_EXPONENT:g} they overflow; got {weights!r}."
        )
    if combine == "linear":
        values = values / values.max()  # no overflow in the sum
        return values / values.sum()
    return values


def em_mixture_weights(member_proba, *, max_iter=200, tol=1e-7, sample_weight=None):
    """Linear-interpolation weights that maximise held-out likelihood, by EM.

    Finds ``w >= 0`` with ``sum(w) = 1`` maximising
    ``mean_i log(sum_m w_m p[i, m])``, a concave function of ``w``, by the
    expectation-maximisation updates of a mixture with fixed components
    (Dempster, Laird & Rubin 1977; the classical method of interpolated language
    models, Jelinek & Mercer 1980): the responsibility of member ``m`` for
    window ``i`` is ``r[i, m] = w_m p[i, m] / sum_m' w_m' p[i, m']`` and the new
    weights are the mean responsibilities. Each update raises the likelihood;
    it stops when the gain falls below ``tol``.

    Parameters
    ----------
    member_proba : ndarray of shape (n_windows, n_members)
        The probability each member gives to the true next symbol of each
        held-out window.
    max_iter : int, default=200
        Maximum number of EM updates.
    tol : float, default=1e-7
        Stop when an update raises the mean log-likelihood by less than this.
    sample_weight : ndarray of shape (n_windows,) or None, default=None
        The weight of each window (>= 0, not all 0): the means above become
        weighted means, so an integer weight counts as that many copies of the
        window. None weighs them alike.

    Returns
    -------
    weights : ndarray of shape (n_members,)
    mean_log_likelihood : float
        ``mean_i log(sum_m w_m p[i, m])`` at the returned weights (weighted by
        ``sample_weight``).
    n_iter : int
        Updates made.

    Examples
    --------
    >>> import numpy as np
    >>> # Member 0 is right on the first two windows, member 1 on the last two.
    >>> p = np.array([[0.9, 0.1], [0.9, 0.1], [0.1, 0.9], [0.1, 0.9]])
    >>> weights, _, _ = em_mixture_weights(p)
    >>> weights.round(3).tolist()
    [0.5, 0.5]
    >>> # The first window counted three times: member 0 gets the larger weight.
    >>> weights, _, _ = em_mixture_weights(p, sample_weight=np.array([3, 1, 1, 1]))
    >>> weights.round(3).tolist()
    [0.708, 0.292]
    """
    p = np.maximum(np.asarray(member_proba, dtype=np.float64), 1e-300)
    weights = np.full(p.shape[1], 1.0 / p.shape[1])
    mixed = p @ weights  # (n,)
    score = float(np.average(np.log(mixed), weights=sample_weight))
    n_iter = 0
    while n_iter < max_iter:
        n_iter += 1
        weights = weights * np.average(
            p / mixed[:, None], axis=0, weights=sample_weight
        )
        weights /= weights.sum()  # exact in theory; keeps rounding from drifting
        mixed = p @ weights
        new_score = float(np.average(np.log(mixed), weights=sample_weight))
        gain, score = new_score - score, new_score
        if gain < tol:
            break
    return weights, score, n_iter


def log_linear_log_proba(member_log_proba, weights):
    """``log_softmax(sum_m w_m log P_m)``: the normalised product of the members.

    Parameters
    ----------
    member_log_proba : sequence of ndarray of shape (n, n_classes)
        Each member's log-probabilities (floored at ``LOG_FLOOR``).
    weights : ndarray of shape (n_members,)

    Returns
    -------
    log_proba : ndarray of shape (n, n_classes)

    Examples
    --------
    >>> import numpy as np
    >>> a, b = np.log([[0.5, 0.5]]), np.log([[0.9, 0.1]])
    >>> np.exp(log_linear_log_proba([a, b], np.array([1.0, 1.0]))).round(2)
    array([[0.9, 0.1]])
    """
    scores = sum(
        w * np.maximum(lp, LOG_FLOOR)
        for w, lp in zip(weights, member_log_proba, strict=True)
    )
    return log_softmax(scores, axis=1)


def _nll_and_gradient(weights, stacked, targets, sample_weight=None):
    """Mean NLL of the log-linear mixture and its gradient in the weights
    (means weighted by ``sample_weight`` unless None)."""
    scores = np.tensordot(weights, stacked, axes=1)  # (n, C)
    log_q = log_softmax(scores, axis=1)
    rows = np.arange(len(targets))
    nll = -float(np.average(target_log_proba(log_q, targets), weights=sample_weight))
    q = np.exp(log_q)  # (n, C)
    # d nll / d w_m = -mean_i (L_m[i, y_i] - E_q[L_m[i]])
    expected = np.einsum("nc,mnc->mn", q, stacked)  # (M, n)
    residual = stacked[:, rows, targets] - expected  # (M, n)
    if sample_weight is None:
        return nll, -residual.mean(axis=1)
    return nll, -np.average(residual, axis=1, weights=sample_weight)


def log_linear_weights(
    member_log_proba, targets, *, max_iter=200, tol=1e-7, sample_weight=None
):
    """Log-linear mixture weights that maximise held-out likelihood.

    The mixture ``P(w | h) ∝ prod_m P_m(w | h) ** w_m`` (a product of experts,
    Hinton 2002) has a held-out mean log-likelihood that is concave in the
    weights; it is maximised under ``w >= 0`` by L-BFGS-B with the exact gradient
    ``mean_i (log P_m(y_i) - E_q[log P_m])``. The weights are free to sum to any
    value: their sum also sets the sharpness of the product.

    Parameters
    ----------
    member_log_proba : sequence of ndarray of shape (n_windows, n_classes)
        Each member's log-probabilities of every symbol, on held-out windows.
    targets : ndarray of shape (n_windows,)
        The column of each window's true next symbol.
    max_iter : int, default=200
        Maximum number of L-BFGS-B iterations.
    tol : float, default=1e-7
        Stop when an iteration lowers the mean negative log-likelihood by less
        (relative to its size).
    sample_weight : ndarray of shape (n_windows,) or None, default=None
        The weight of each window (>= 0, not all 0), for weighted means: an
        integer weight counts as that many copies of the window.

    Returns
    -------
    weights : ndarray of shape (n_members,)
    mean_log_likelihood : float
    n_iter : int

    Examples
    --------
    >>> import numpy as np
    >>> targets = np.array([0, 1, 0, 1])
    >>> mostly_right = np.log([[0.8, 0.2], [0.2, 0.8], [0.8, 0.2], [0.8, 0.2]])
    >>> mostly_wrong = np.log([[0.2, 0.8], [0.8, 0.2], [0.2, 0.8], [0.5, 0.5]])
    >>> weights, score, _ = log_linear_weights([mostly_right, mostly_wrong], targets)
    >>> weights.round(3).tolist(), round(score, 3)  # the first, a little flattened
    ([0.792, 0.0], -0.562)
    """
    stacked = np.maximum(np.stack(member_log_proba).astype(np.float64), LOG_FLOOR)
    targets = np.asarray(targets)
    start = np.full(len(stacked), 1.0 / len(stacked))
    result = minimize(
        _nll_and_gradient,
        start,
        args=(stacked, targets, sample_weight),
        jac=True,
        method="L-BFGS-B",
        bounds=[(0, None)] * len(stacked),
        options={"maxiter": max_iter, "ftol": tol},
    )
    return result.x, -float(result.fun), int(result.nit)


def member_log_proba(member, classes, contexts, *, checked):
    """A fitted member's log-probabilities in the mixture's column order, float64.

    Parameters
    ----------
    member : estimator
        A fitted next-character model.
    classes : ndarray
        The mixture's ``classes_``; a member that lacks some gets ``-inf`` there.
    contexts : ndarray of shape (n, context_length)
        Context ids.
    checked : bool
        Ask the member's ``predict_log_proba``, which checks its input; else
        its fast path (``next_log_proba``) when it has one.

    Returns
    -------
    log_proba : ndarray of shape (n, len(classes))

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import KneserNeyClassifier
    >>> member = KneserNeyClassifier(add_k=1).fit(np.array([[0], [1]]), ["a", "b"])
    >>> lp = member_log_proba(member, np.array(["a", "b", "c"]), np.array([[0]]),
    ...                       checked=True)  # fmt: skip
    >>> lp.shape, bool(np.isneginf(lp[0, 2]))  # it never predicts "c"
    ((1, 3), True)
    """
    if checked:
        log_proba = member.predict_log_proba(contexts)
    else:  # the protocol's fast path, else its predict_log_proba
        function = getattr(member, "next_log_proba", None)
        function = function if callable(function) else member.predict_log_proba
        log_proba = function(contexts)
    log_proba = float64_log_proba(log_proba)  # rows sum to 1 in float64
    columns = member_columns(classes, member.classes_)
    if isinstance(columns, slice):
        return log_proba
    full = np.full((len(contexts), len(classes)), -np.inf)
    full[:, columns] = log_proba
    return full


def mixed_log_proba(members, weights, classes, contexts, *, combine, checked):
    """The log-probabilities of a fitted mixture: its members' mixed.

    Members of weight 0 are not evaluated.

    Parameters
    ----------
    members : list of estimator
        The fitted members (``estimators_``).
    weights : ndarray of shape (n_members,)
        Their weights (``weights_``).
    classes : ndarray
        The mixture's ``classes_``.
    contexts : ndarray of shape (n, context_length)
        Context ids.
    combine : {"linear", "log-linear"}
        ``sum_m w_m P_m``, or :func:`log_linear_log_proba`.
    checked : bool
        As in :func:`member_log_proba`.

    Returns
    -------
    log_proba : ndarray of shape (n, len(classes))

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import KneserNeyClassifier
    >>> X, y, classes = np.array([[0], [1]]), ["a", "b"], np.array(["a", "b"])
    >>> members = [KneserNeyClassifier(add_k=1).fit(X, y),
    ...            KneserNeyClassifier(add_k=1e9).fit(X, y)]
    >>> lp = mixed_log_proba(members, np.array([0.5, 0.5]), classes, X[:1],
    ...                      combine="linear", checked=True)
    >>> np.exp(lp).round(2).tolist()
    [[0.5, 0.5]]
    """
    active = np.flatnonzero(weights > 0)

    def of(m):
        return member_log_proba(members[m], classes, contexts, checked=checked)

    if combine == "log-linear":
        return log_linear_log_proba([of(m) for m in active], weights[active])
    parts = [of(m) + math.log(weights[m]) for m in active]  # one at a time
    if len(parts) == 1:
        return parts[0]
    return logsumexp(np.stack(parts), axis=0)
