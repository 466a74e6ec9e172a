"""``sample_weight``: one weight per name (for windows) or per row (for arrays).

scikit-learn's ``fit(X, y, sample_weight)`` and ``score(X, y, sample_weight)``
weigh the rows of their input. The rows a user gives a pipeline of names are
names, so a next-character model that receives the windows of
:class:`ContextWindowTransformer` takes one weight per name and gives each of
the name's windows that weight (``_model_input.window_sample_weight``); for an
array of context ids, one per row. A name list with counts (``name,count``) is
a weighted list: a weight of 3 is the name three times.
"""

import numpy as np
from sklearn.utils.validation import has_fit_parameter

__all__ = ["check_sample_weight", "check_takes_sample_weight"]


def check_sample_weight(sample_weight, n_rows, unit):
    """``sample_weight`` as ``n_rows`` float64 numbers, or a ValueError.

    Parameters
    ----------
    sample_weight : float or array-like of shape (n_rows,)
        Finite numbers >= 0, not all 0, whose sum is finite in float64 (a
        single number weighs every row alike).
    n_rows : int
        The number of rows the weights are for.
    unit : str
        What a row is ("name", "row"), for the message.

    Returns
    -------
    weights : ndarray of shape (n_rows,), float64
        Read-only when ``sample_weight`` is a single number.

    Examples
    --------
    >>> check_sample_weight([1, 2], 2, "name").tolist()
    [1.0, 2.0]
    >>> check_sample_weight(3, 2, "name").tolist()
    [3.0, 3.0]
    >>> check_sample_weight([1, -1], 2, "name")
    Traceback (most recent call last):
    ...
    ValueError: sample_weight must be a number or 2 numbers, one per name, \
finite, >= 0 and not all 0; got a negative value.
    """
    weights = _as_float64(sample_weight)
    problem = _problem(weights, n_rows)
    if problem:
        raise ValueError(
            f"sample_weight must be a number or {n_rows} numbers, one per {unit}, "
            f"finite, >= 0 and not all 0; got {problem}."
        )
    weights = np.broadcast_to(weights, (n_rows,))
    with np.errstate(over="ignore"):
        total = weights.sum()
    if not np.isfinite(total):  # class counts, priors, means would be inf or NaN
        raise ValueError(
            f"sample_weight adds up to more than {np.finfo(np.float64).max:.3g}, "
            "the largest float64, so the sums of the weights (the counts of each "
            "class, their mean) would overflow to inf; scale them down (divide "
            "them by their largest, for example)."
        )
    return weights


def check_takes_sample_weight(model, what, alternatives=""):
    """Raise, before any fit, if ``model.fit`` takes no ``sample_weight``.

    Parameters
    ----------
    model : estimator
        The model the weights would be given to.
    what : str
        Which model it is, for the message ("the member 'kn'").
    alternatives : str, default=""
        More ways out than "a model that takes it, or no weights" (a member
        may be dropped), as a clause starting with ", ".

    Raises
    ------
    TypeError
        If ``model``'s ``fit`` has no ``sample_weight`` parameter.

    Examples
    --------
    >>> from sklearn.cluster import KMeans
    >>> from sklearn.decomposition import PCA
    >>> check_takes_sample_weight(KMeans(), "the model")
    >>> check_takes_sample_weight(PCA(), "the model")
    Traceback (most recent call last):
    ...
    TypeError: sample_weight is given, but the fit of the model (PCA) takes no \
sample_weight, so it would ignore the weights: use a model that takes it \
(CharEmbeddingMLPClassifier, KneserNeyClassifier, MixtureClassifier, \
PerLabelClassifier), or fit without sample_weight.
    """
    if not has_fit_parameter(model, "sample_weight"):
        raise TypeError(
            f"sample_weight is given, but the fit of {what} ({type(model).__name__}) "
            "takes no sample_weight, so it would ignore the weights: use a model "
            "that takes it (CharEmbeddingMLPClassifier, KneserNeyClassifier, "
            f"MixtureClassifier, PerLabelClassifier){alternatives}, or fit without "
            "sample_weight."
        )


def _as_float64(sample_weight):
    """The weights as float64, or None if they are not real numbers (text,
    ragged lists; complex numbers, whose imaginary part a cast would drop)."""
    try:
        weights = np.asarray(sample_weight)  # converted once (a list of 1M: 50 ms)
        if weights.dtype.kind == "c":  # even 1+0j, as sklearn
            return None
        return weights.astype(np.float64, copy=False)
    except (TypeError, ValueError):
        return None


def _problem(weights, n_rows):
    if weights is None:
        return "values that are not real numbers"
    if weights.ndim > 1 or (weights.ndim == 1 and len(weights) != n_rows):
        return f"shape {weights.shape}"
    if not np.isfinite(weights).all():
        return "a value that is not finite"
    if (weights < 0).any():
        return "a negative value"
    return None if (weights > 0).any() else "only zeros"
