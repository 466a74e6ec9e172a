"""``sample_weight``: one weight per name (for windows) or per row (for arrays).

scikit-learn's ``fit(X, y, sample_weight)`` and ``score(X, y, sample_weight)``
weigh the rows of their input. The rows a user gives a pipeline of names are
names, so a next-character model that receives the windows of
:class:`ContextWindowTransformer` takes one weight per name and gives each of
the name's windows that weight (``_model_input.window_sample_weight``); for an
array of context ids, one per row. A name list with counts (``name,count``) is
a weighted list: a weight of 3 is the name three times.
"""

import math

import numpy as np
from sklearn.utils.validation import has_fit_parameter

from ._words import element_place, missing_value_message

__all__ = [
    "check_sample_weight",
    "check_takes_sample_weight",
    "merged_name_weight",
    "name_weight",
    "name_weight_of_sum",
]


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
    >>> check_sample_weight([1, float("nan")], 2, "name")
    Traceback (most recent call last):
    ...
    ValueError: Input sample_weight contains NaN: sample_weight[1] = nan is a \
missing value; remove it from sample_weight with its name, or put a weight in \
its place.
    """
    weights = _as_float64(sample_weight)
    problem = _problem(weights, n_rows)
    if problem:
        rule = (
            f"sample_weight must be a number or {n_rows:,} numbers, one per {unit}, "
            "finite, >= 0 and not all 0"
        )
        if problem == _NOT_FINITE:
            raise ValueError(_not_finite_message(sample_weight, weights, rule, unit))
        raise ValueError(f"{rule}; got {problem}.")
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


def name_weight(weights):
    """The weight that counts as one name in the length records.

    A weight is how many times a name occurs (a weight of 3 is the name three
    times), so a name of weight 1 is one name, and whole counts count as the
    names repeated. Weights whose mean (over the names of weight above 0) is
    below 1 cannot all be counts of names that occur: they are relative
    weights (0.5 and 1.5, or counts divided by their sum), and a name of their
    mean weight counts as one name, so that they count as many names as they
    have and multiplying them all alike changes nothing. The weight of one
    name is thus ``min(1, mean)`` (:func:`name_weight_of_sum`); a name of
    weight 0 is left out, as from training.

    Parameters
    ----------
    weights : ndarray of float64 or None
        Each name's ``sample_weight``; None for once each.

    Returns
    -------
    weight : float
        1.0 for None, for no name of weight above 0, and for weights of mean
        1 or more.

    Examples
    --------
    >>> name_weight(None), name_weight(np.array([2.0, 3.0, 0.0]))
    (1.0, 1.0)
    >>> name_weight(np.array([0.5, 0.25, 0.0]))  # relative: their mean
    0.375
    """
    if weights is None:
        return 1.0
    kept = np.asarray(weights, dtype=np.float64)
    kept = kept[kept > 0]
    return name_weight_of_sum(math.fsum(kept), len(kept))


def name_weight_of_sum(total, n_names):
    """:func:`name_weight` of ``n_names`` names of weight above 0 whose
    weights add up to ``total``: ``min(1, total / n_names)``, 1.0 for none.

    The one computation of the weight of one name, for the weights in memory
    (``NameSampler.fit``) and those summed a chunk at a time (``train
    --chunk-size``).

    Examples
    --------
    >>> name_weight_of_sum(6.0, 3), name_weight_of_sum(1.5, 3)
    (1.0, 0.5)
    >>> name_weight_of_sum(0.0, 0)
    1.0
    """
    return min(1.0, float(total) / n_names) if n_names else 1.0


def merged_name_weight(totals, weights):
    """The weight of one name in length counts added from runs whose counts
    add up to ``totals``, each in names of its own ``weights``.

    Each run counts ``total / weight`` names; the sum of the counts over the
    sum of those names is the weight of one name of the counts added (a run
    saved before ``training_name_weight_`` counts a weight of 1 as a name).

    Examples
    --------
    >>> merged_name_weight([500.0, 100.0], [0.5, 1.0])  # 1,000 names and 100
    0.5454545454545454
    >>> merged_name_weight([3000.0, 100.0], [1.0, 1.0])
    1.0
    """
    names = math.fsum(t / w for t, w in zip(totals, weights))
    return name_weight_of_sum(math.fsum(totals), names)


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
    ragged lists; complex numbers, whose imaginary part a cast would drop;
    dates and durations, which a cast makes a count of days or nanoseconds
    since 1970, and NaT a large negative number).
    A weight a masked array's mask hides is missing (NaN), whatever the
    number under it (``np.asarray`` would take that number)."""
    try:
        weights = np.asarray(sample_weight)  # converted once (a list of 1M: 50 ms)
        if weights.dtype.kind in "cmM":  # even 1+0j, as sklearn; datetime64
            return None
        weights = weights.astype(np.float64, copy=False)
    except (TypeError, ValueError):
        return None
    if isinstance(sample_weight, np.ma.MaskedArray):
        weights = np.where(np.ma.getmaskarray(sample_weight), np.nan, weights)
    return weights


def _problem(weights, n_rows):
    if weights is None:
        return "values that are not real numbers"
    if weights.ndim > 1 or (weights.ndim == 1 and len(weights) != n_rows):
        return f"shape {weights.shape}"
    if not np.isfinite(weights).all():
        return _NOT_FINITE
    if (weights < 0).any():
        return "a negative value"
    return None if (weights > 0).any() else "only zeros"


_NOT_FINITE = "a value that is not finite"


def _not_finite_message(sample_weight, weights, rule, unit):
    """Why the first weight that is not finite is refused, placed as a name
    is (``sample_weight.iloc[5] (position 5, index label 17)`` of a Series
    indexed otherwise), and what to do: a missing one (NaN, ``pd.NA`` of an
    ``Int64`` column of counts, None) in the words of a missing name."""
    if weights.ndim == 0:  # one weight for every name
        missing = ", a missing value" if np.isnan(weights) else ""
        return f"{rule}; got {weights.item()!r}{missing}."
    i = int(np.flatnonzero(~np.isfinite(weights))[0])
    series = hasattr(sample_weight, "iloc") and hasattr(sample_weight, "index")
    where = element_place("sample_weight", i, sample_weight.index if series else None)
    if not np.isnan(weights[i]):
        return (
            f"{rule}; got {where} = {weights[i].item()!r}: put a finite weight in "
            f"its place, or remove it from sample_weight with its {unit}."
        )
    value = weights[i]  # as given, when it shows which missing value it is
    if series:
        value = sample_weight.iloc[i]
    else:  # a list, an array, a pandas array
        try:
            value = sample_weight[i]
        except (LookupError, TypeError, ValueError):  # none to show: the float
            pass
    value = value.item() if isinstance(value, np.generic) else value
    value = weights[i].item() if isinstance(value, (str, bytes)) else value
    return missing_value_message(
        "sample_weight", where, value, "weight", beside=f" with its {unit}"
    )
