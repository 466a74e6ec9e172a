"""The names a weighted fit keeps, and their places in the caller's input.

A meta-estimator fits its inner pipelines on a list of the names it was given:
a list (a Series' index labels are gone), without the names of weight 0. The
inner messages count the names of that list (``names[1]``); the caller's are
counted in the input it passed (``names[2]``, or ``names.iloc[2]`` with the
index label of a Series).
"""

import contextlib
import re

import numpy as np
from sklearn.frozen import FrozenEstimator

from ._emptied_labels import EmptiedLabelsError
from ._sample_weight import check_sample_weight
from ._validation import check_names, element_place, series_index

__all__ = ["fitted_names", "kept_rows", "names_as_given", "weighted_names"]

# An element of the list of names, as the transformer's messages show it.
_PLACE = re.compile(r"\bnames\[(\d+)\]")


def weighted_names(names, labels, sample_weight):
    """The names, labels and weights to fit: without the names of weight 0.

    Parameters
    ----------
    names : list of str
    labels : ndarray of shape (n_names,) or None
    sample_weight : array-like of shape (n_names,), float or None

    Returns
    -------
    names, labels, weights
        ``weights`` is None when ``sample_weight`` is.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._kept_names import weighted_names
    >>> weighted_names(["asha", "uma", "ravi"], np.array(["f", "f", "m"]), [1, 0, 2])
    (['asha', 'ravi'], array(['f', 'm'], dtype='<U1'), array([1., 2.]))
    """
    if sample_weight is None:
        return names, labels, None
    weights = check_sample_weight(sample_weight, len(names), "name")
    kept = np.flatnonzero(weights > 0)
    if len(kept) == len(names):
        return names, labels, np.array(weights)
    if labels is None:
        return [names[i] for i in kept], None, weights[kept]
    lost = np.setdiff1d(labels, labels[kept])
    if len(lost):  # not a label left out of classes_ without a word
        raise EmptiedLabelsError(lost)
    return [names[i] for i in kept], labels[kept], weights[kept]


def fitted_names(estimator, X, y, sample_weight, weights):
    """What a meta-estimator fits its pipeline with: not the names of weight 0.

    Parameters
    ----------
    estimator : estimator
        The pipeline to fit, or a FrozenEstimator (not refit).
    X : 1-D array-like of str
        The names as the caller passed them.
    y : array-like of shape (n_names,) or None
    sample_weight : array-like, float or None
        The weights as the caller passed them.
    weights : ndarray of float64 or None
        The same, checked.

    Returns
    -------
    names, labels, fit_weights
        ``X``, ``y`` and ``sample_weight`` as given when no name weighs 0 (the
        model checks them) or for a FrozenEstimator; else the names, labels
        and weights of :func:`weighted_names`.
    checked : list of str or None
        All the names, checked once, when some name weighs 0 (for the record
        of the names); None otherwise.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._kept_names import fitted_names
    >>> fitted_names(None, ["asha", "uma"], None, [1, 0], np.array([1.0, 0.0]))
    (['asha'], None, array([1.]), ['asha', 'uma'])
    """
    if weights is None or weights.all():
        return X, y, sample_weight, None
    checked = check_names(X)
    if isinstance(estimator, FrozenEstimator):
        return X, y, sample_weight, checked
    labels = None if y is None else np.asarray(y)
    return (*weighted_names(checked, labels, weights), checked)


@contextlib.contextmanager
def names_as_given(X, sample_weight=None, *, rows=None):
    """Number the names of a ValueError raised inside as they are in ``X``.

    Parameters
    ----------
    X : 1-D array-like of str
        The names as the caller passed them (a list, an array, a Series).
    sample_weight : array-like of shape (n_names,), float or None, default=None
        Their weights, checked, when the list that the code inside numbers
        leaves out the names of weight 0 (:func:`weighted_names`).
    rows : array-like of int or None, default=None
        Else the position in ``X`` of each name of that list (a fold's).

    Examples
    --------
    >>> import pandas as pd
    >>> from sknextchar._kept_names import names_as_given
    >>> names = pd.Series(["asha", "uma", "zoë"], index=[10, 11, 12])
    >>> with names_as_given(names, sample_weight=[1, 0, 1]):
    ...     raise ValueError("Found ['ë'] in names[1]='zoë'.")
    Traceback (most recent call last):
    ...
    ValueError: Found ['ë'] in names.iloc[2] (position 2, index label 12)='zoë'.
    """
    try:
        yield
    except ValueError as error:
        message = str(error)
        index = series_index(X)
        kept = kept_rows(sample_weight) if rows is None else np.asarray(rows)
        if len(error.args) != 1 or (index is None and kept is None):
            raise

        def place(match):
            i = int(match.group(1))
            position = i if kept is None or i >= len(kept) else int(kept[i])
            return element_place("names", position, index)

        error.args = (_PLACE.sub(place, message),)
        raise


def kept_rows(sample_weight):
    """The positions of the names of a weight above 0, those a weighted fit keeps.

    Parameters
    ----------
    sample_weight : array-like of shape (n_names,), float or None
        The weights, checked (:func:`weighted_names` checks them).

    Returns
    -------
    rows : ndarray of int or None
        The positions, in the caller's input, of the names of
        :func:`weighted_names`; None when it keeps every name as given.

    Examples
    --------
    >>> from sknextchar._kept_names import kept_rows
    >>> kept_rows([1, 0, 2]).tolist(), kept_rows(None)
    ([0, 2], None)
    """
    if sample_weight is None:
        return None
    weights = np.asarray(sample_weight, dtype=np.float64)
    return None if weights.ndim == 0 else np.flatnonzero(weights > 0)
