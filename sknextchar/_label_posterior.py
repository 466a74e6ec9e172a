"""The label of generated names by the model's own Bayes' rule: P(label | name).

A model of names by label gives each name a likelihood under every label,
``P(name | label)``, the product of its characters' (and its end's)
probabilities. With equal priors, Bayes' rule turns them into the posterior
``P(label | name) = P(name | label) / sum_l P(name | l)``. ``NameSampler.sample``
keeps, with ``min_label_proba=``, only the names whose posterior of the requested
label reaches a threshold: rejection, so the names kept follow ``P(name | label)``
conditioned on being recognisably of that label (see :ref:`names_by_label`).

The same likelihoods, window by window, serve ``NameSampler``'s scores and
window probabilities (:func:`windows_target_log_proba`,
:func:`windows_tempered_log_proba`): everywhere, the model runs once per distinct
context of each label, not once per window.

Pure functions over rows of symbol ids (a name's letters, then end markers, id 0)
and next-log-probability functions (one per label, as
:mod:`sknextchar._generation` uses them); no estimator.
"""

from collections.abc import Mapping
from numbers import Real

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.special import log_softmax

from ._compat import InvalidParameterError
from ._decoding import tempered_log_proba
from ._row_keys import distinct_rows

__all__ = [
    "label_log_likelihood",
    "label_posterior",
    "log_priors",
    "name_windows",
    "posterior_filter",
    "priors_in_label_order",
    "windows_from_contexts",
    "windows_log_likelihood",
    "windows_target_log_proba",
    "windows_tempered_log_proba",
]


def name_windows(ids, context_length):
    """Every (context, next symbol) window of names given as rows of ids.

    Parameters
    ----------
    ids : ndarray of int of shape (n_names, width)
        Each row a name's letter ids (never 0) followed by end markers (0).
    context_length : int
        The symbols a context holds; the start of a name is padded with 0.

    Returns
    -------
    contexts : ndarray of shape (n_windows, context_length)
    targets : ndarray of shape (n_windows,)
        The symbol after each context: each letter, then the end marker.
    name_index : ndarray of int of shape (n_windows,)
        The row each window comes from; a name of ``k`` letters has ``k + 1``.

    Examples
    --------
    >>> import numpy as np
    >>> contexts, targets, rows = name_windows(np.array([[1, 2], [3, 0]]), 2)
    >>> contexts.tolist(), targets.tolist(), rows.tolist()
    ([[0, 0], [0, 1], [1, 2], [0, 0], [0, 3]], [1, 2, 0, 3, 0], [0, 0, 0, 1, 1])
    """
    n_names, width = ids.shape
    padded = np.zeros((n_names, context_length + width + 1), dtype=ids.dtype)
    padded[:, context_length : context_length + width] = ids
    windows = sliding_window_view(padded, context_length + 1, axis=1)
    lengths = np.count_nonzero(ids, axis=1)
    inside = np.arange(width + 1) <= lengths[:, None]  # (n_names, width + 1)
    chosen = windows[inside]  # (n_windows, context_length + 1), name by name
    return chosen[:, :-1], chosen[:, -1], np.nonzero(inside)[0]


def label_log_likelihood(ids, functions, *, context_length, n_symbols):
    """``log P(name | label)`` of names under each label's model.

    Parameters
    ----------
    ids : ndarray of int of shape (n_names, width)
        Names as rows of ids (see :func:`name_windows`).
    functions : sequence of callable
        One next-log-probabilities function per label: maps contexts of shape
        ``(n, context_length)`` to ``(n, n_symbols)`` log-probabilities.
    context_length : int
        The model's context length.
    n_symbols : int
        The number of symbols, the end marker included.

    Returns
    -------
    log_likelihood : ndarray of shape (n_names, n_labels)
        Each name's letters' and end's log-probabilities, summed; each label's
        model runs once on the distinct contexts of all the names.

    Examples
    --------
    >>> import numpy as np
    >>> def uniform(contexts):  # end, a, b equally likely
    ...     return np.full((len(contexts), 3), np.log(1 / 3))
    >>> label_log_likelihood(np.array([[1, 2]]), [uniform], context_length=1,
    ...                      n_symbols=3).round(4).tolist()  # 3 symbols of 1/3
    [[-3.2958]]
    """
    if not len(ids):
        return np.zeros((0, len(functions)))
    contexts, targets, name_index = name_windows(ids, context_length)
    return windows_log_likelihood(
        functions, contexts, targets, name_index, len(ids), n_symbols
    )


def windows_log_likelihood(
    functions, contexts, targets, name_index, n_names, n_symbols
):
    """The log-probabilities of the windows' targets, summed by name, per function.

    Parameters
    ----------
    functions : sequence of callable
        Next-log-probabilities functions (one per label): each maps contexts of
        shape ``(n, context_length)`` to ``(n, n_symbols)`` log-probabilities,
        a row depending on its own context only. Each runs once, on the
        distinct contexts.
    contexts : ndarray of int of shape (n_windows, context_length)
    targets : ndarray of int of shape (n_windows,)
    name_index : ndarray of int of shape (n_windows,)
        The name of each window, in ``[0, n_names)``.
    n_names : int
    n_symbols : int
        The number of symbols, the end marker included.

    Returns
    -------
    log_likelihood : ndarray of shape (n_names, len(functions)), float64

    Examples
    --------
    >>> import numpy as np
    >>> def half(contexts):  # two symbols, each 1/2
    ...     return np.full((len(contexts), 2), np.log(0.5))
    >>> windows_log_likelihood([half], np.array([[0], [1], [0]]), np.array([1, 0, 0]),
    ...                        np.array([0, 0, 1]), 2, 2).round(4).tolist()
    [[-1.3863], [-0.6931]]
    """
    distinct, inverse = distinct_rows(contexts, n_symbols)
    columns = []
    for function in functions:
        picked = np.asarray(function(distinct), dtype=np.float64)[inverse, targets]
        columns.append(np.bincount(name_index, picked, minlength=n_names))
    return np.stack(columns, axis=1)


def windows_target_log_proba(function_of, labels, windows, n_symbols):
    """Each window's log-probability of its target; the model runs once per context.

    Names share most of their contexts (the bundled names' 113,163 windows
    have 4,338 distinct contexts of 3 symbols), so the model runs on the
    distinct contexts of each label only (:func:`windows_from_contexts`).

    Parameters
    ----------
    function_of : callable
        ``function_of(label)`` is the next-log-probabilities function of a
        label (None for a model without labels): it maps contexts of shape
        ``(n, context_length)`` to ``(n, n_symbols)`` log-probabilities.
    labels : object, ndarray of shape (n_windows,) or None
        None, one label for every window, or one per window.
    windows : CharWindows
        The windows (``contexts`` and ``targets`` are read).
    n_symbols : int
        The number of symbols, the end marker included.

    Returns
    -------
    picked : ndarray of shape (n_windows,)
        ``log P(targets[i] | contexts[i], labels[i])``, in the dtype the
        functions give.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit_transform(["ab", "ba"])
    >>> def function_of(label):  # every symbol equally likely
    ...     return lambda contexts: np.full((len(contexts), 27), -np.log(27))
    >>> windows_target_log_proba(function_of, None, windows, 27).round(3).tolist()
    [-3.296, -3.296, -3.296, -3.296, -3.296, -3.296]
    """
    return windows_from_contexts(
        function_of,
        labels,
        windows,
        n_symbols,
        lambda log_proba, inverse, targets: log_proba[inverse, targets],
    )


def windows_tempered_log_proba(function_of, labels, windows, n_symbols, temperature):
    """Each window's tempered log-probabilities; the model runs once per context.

    ``log softmax(z / temperature)`` row by row
    (:func:`~sknextchar._decoding.tempered_log_proba`), with ``z`` the model's
    log-probabilities after the window's context, computed for the distinct
    contexts of each label only (:func:`windows_from_contexts`).

    Parameters
    ----------
    function_of : callable
        ``function_of(label)`` is the next-log-probabilities function of a
        label (see :func:`windows_target_log_proba`).
    labels : object, ndarray of shape (n_windows,) or None
        None, one label for every window, or one per window.
    windows : CharWindows
        The windows.
    n_symbols : int
        The number of symbols, the end marker included.
    temperature : float
        In ``[0, inf]``.

    Returns
    -------
    log_proba : ndarray of shape (n_windows, n_symbols), float64

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit_transform(["ab"])
    >>> row = np.log(np.array([2] + [1] * 26) / 28)  # the end twice as likely
    >>> def function_of(label):  # as a letter, after every context
    ...     return lambda contexts: np.tile(row, (len(contexts), 1))
    >>> log_proba = windows_tempered_log_proba(function_of, None, windows, 27, 0.5)
    >>> proba = np.exp(log_proba)  # T=0.5 squares the odds: 4 to 1
    >>> proba.shape, proba[:, 0].round(3).tolist()
    ((3, 27), [0.133, 0.133, 0.133])
    """
    return windows_from_contexts(
        function_of,
        labels,
        windows,
        n_symbols,
        lambda log_proba, inverse, _: tempered_log_proba(log_proba, temperature)[
            inverse
        ],
    )


def windows_from_contexts(function_of, labels, windows, n_symbols, finish):
    """Per-window results of the model's rows, the model run once per context.

    The model runs on the distinct contexts of each label, and ``finish``
    turns its rows into the windows' results: the numbers of one call on
    every window, bit for bit, when a row depends on its own context and
    label only (true of the package's models) and ``finish`` works row by row.

    Parameters
    ----------
    function_of : callable
        ``function_of(label)`` is the next-log-probabilities function of a
        label (see :func:`windows_target_log_proba`).
    labels : object, ndarray of shape (n_windows,) or None
        None, one label for every window, or one per window. The labels are
        taken in order of first appearance, so the first label the model
        refuses is the first of the windows.
    windows : CharWindows
        The windows.
    n_symbols : int
        The number of symbols, the end marker included.
    finish : callable
        ``finish(log_proba, inverse, targets)`` gives the results of windows
        from the model's rows of their distinct contexts, ``log_proba[inverse]``
        being the rows of the windows, whose targets are ``targets``.

    Returns
    -------
    results : ndarray of shape (n_windows, ...)
        ``finish``'s results, in window order.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit_transform(["ab", "ba"])
    >>> def function_of(label):  # every symbol equally likely
    ...     return lambda contexts: np.full((len(contexts), 27), -np.log(27))
    >>> windows_from_contexts(function_of, None, windows, 27,
    ...                       lambda log_proba, inverse, targets: log_proba[inverse]
    ...                       ).shape
    (6, 27)
    """
    contexts, targets = windows.contexts, windows.targets
    parts = []
    for rows, label in _label_groups(labels):
        distinct, inverse = distinct_rows(contexts[rows], n_symbols)  # (u, L), (m,)
        log_proba = np.asarray(function_of(label)(distinct))  # (u, V)
        parts.append((rows, finish(log_proba, inverse, targets[rows])))
    if len(parts) == 1:
        return parts[0][1]
    first = parts[0][1]
    results = np.empty(
        (len(targets), *first.shape[1:]), np.result_type(*[part for _, part in parts])
    )
    for rows, part in parts:
        results[rows] = part
    return results


def _label_groups(labels):
    """The rows of each label, in order of first appearance, and the label."""
    if labels is None or np.ndim(labels) == 0 or not len(labels):
        return [(slice(None), labels)]
    return [(labels == label, label) for label in dict.fromkeys(labels.tolist())]


def label_posterior(log_likelihood):
    """``P(label | name)`` by Bayes' rule with equal priors.

    Parameters
    ----------
    log_likelihood : ndarray of shape (n_names, n_labels)
        ``log P(name | label)``.

    Returns
    -------
    proba : ndarray of shape (n_names, n_labels)
        ``P(name | label) / sum_l P(name | l)``; rows sum to 1 (a name
        impossible under every label gets NaN).

    Examples
    --------
    >>> import numpy as np
    >>> label_posterior(np.log([[0.02, 0.06]])).round(3).tolist()
    [[0.25, 0.75]]
    """
    return np.exp(log_softmax(np.asarray(log_likelihood, dtype=np.float64), axis=1))


def log_priors(priors):
    """``log P(label)``: the log of the priors, ``-inf`` for a prior of 0.

    The one place where priors become the log-priors that Bayes' rule adds to
    ``log P(name | label)``: for ``NameLabelClassifier``'s ``priors`` and
    ``class_prior_``, and for the weights of ``classify --priors`` once scaled
    to sum to 1. Each interface checks its priors first, in its own words.

    Parameters
    ----------
    priors : array-like of shape (n_labels,)
        Non-negative priors, summing to 1; a prior of 0 rules its label out.

    Returns
    -------
    log_priors : ndarray of shape (n_labels,)

    Examples
    --------
    >>> log_priors([0.25, 0.75, 0.0]).round(3).tolist()
    [-1.386, -0.288, -inf]
    """
    with np.errstate(divide="ignore"):  # a prior of 0: that label is never chosen
        return np.log(priors)


def priors_in_label_order(priors, classes):
    """Priors given by label (a dict, or a Series indexed by the labels) as a
    list in the order of ``classes``; other priors as they are.

    Parameters
    ----------
    priors : dict, pandas.Series or array-like
        ``NameLabelClassifier``'s ``priors`` (not None nor ``"uniform"``).
    classes : ndarray of shape (n_labels,) or None
        The sorted labels; None leaves ``priors`` as they are.

    Returns
    -------
    priors : list or array-like

    Raises
    ------
    InvalidParameterError
        scikit-learn's error of a parameter, a ValueError: if a prior given by
        label is not a number of 0 or more (said first: it is what to correct,
        whatever labels are given), or the labels given are not those of
        ``classes``.

    Examples
    --------
    >>> import numpy as np
    >>> priors_in_label_order({"m": 0.25, "f": 0.75}, np.array(["f", "m"]))
    [0.75, 0.25]
    >>> try:
    ...     priors_in_label_order({"f": -1}, np.array(["f", "m"]))
    ... except ValueError as error:  # an InvalidParameterError
    ...     print(error)
    priors must be non-negative and sum to 1; got {'f': -1}.
    """
    by_label = priors.to_dict() if hasattr(priors, "to_dict") else priors
    if not isinstance(by_label, Mapping) or classes is None:
        return priors
    if hasattr(priors, "to_dict") and not set(by_label) & set(classes.tolist()):
        return priors  # a Series indexed 0, 1, ...: in the order of classes_
    bad = {k: v for k, v in by_label.items() if not (isinstance(v, Real) and v >= 0)}
    if bad:
        raise InvalidParameterError(
            f"priors must be non-negative and sum to 1; got {bad!r}."
        )
    if set(by_label) != set(classes.tolist()):
        raise InvalidParameterError(
            f"priors by label must give each label of y once: the labels are "
            f"{classes.tolist()!r}; got priors for {list(by_label)!r}."
        )
    return [by_label[label] for label in classes.tolist()]


def posterior_filter(functions, label_index, threshold, *, context_length, n_symbols):
    """The test names pass when ``P(label | name) >= threshold``.

    Parameters
    ----------
    functions : sequence of callable
        One next-log-probabilities function per label (see
        :func:`label_log_likelihood`).
    label_index : int
        The position of the requested label among ``functions``.
    threshold : float in [0, 1]
        The least posterior a name keeps.
    context_length, n_symbols : int
        The model's context length and number of symbols.

    Returns
    -------
    passes : callable
        ``passes(ids)`` gives a bool array of shape ``(n_names,)`` for names as
        rows of ids.

    Examples
    --------
    >>> import numpy as np
    >>> def label_a(contexts):  # P(end, a, b) = (0.2, 0.6, 0.2)
    ...     return np.log(np.tile([0.2, 0.6, 0.2], (len(contexts), 1)))
    >>> def label_b(contexts):  # P(end, a, b) = (0.2, 0.2, 0.6)
    ...     return np.log(np.tile([0.2, 0.2, 0.6], (len(contexts), 1)))
    >>> passes = posterior_filter([label_a, label_b], 0, 0.5, context_length=2,
    ...                           n_symbols=3)
    >>> passes(np.array([[1, 1], [2, 2], [1, 0]])).tolist()  # 0.9, 0.1, 0.75
    [True, False, True]
    """

    def passes(ids):
        log_likelihood = label_log_likelihood(
            ids, functions, context_length=context_length, n_symbols=n_symbols
        )
        return label_posterior(log_likelihood)[:, label_index] >= threshold

    return passes
