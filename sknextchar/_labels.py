"""Labels of names for a conditional next-character model: P(next | context, label).

A model fitted on :class:`CharWindows` with ``y`` (one label per name) reads the
label of each window's name as one more input beside its context. The label is
encoded as one more column of context ids: label ``j`` (the ``j``-th of the sorted
``label_classes_``) has the id ``n_symbols + j``, past the vocabulary's ids, so its
embedding is a row of the model's embedding table after the symbols' rows and its
weights are a block of the first layer of their own. The math of the network is
unchanged; a model fitted without ``y`` has no label column and is the
unconditional model.

These functions check the labels, learn and encode them, and add the column.
"""

import numpy as np
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import column_or_1d

from ._model_input import TrainingData, check_no_missing_labels
from ._windows import CharWindows

__all__ = [
    "check_label_values",
    "labels_of_windows",
    "label_classes",
    "n_label_columns",
    "split_name_labels",
    "with_label_column",
    "with_training_labels",
]


def label_classes(estimator):
    """The labels a fitted model was conditioned on, or None.

    Parameters
    ----------
    estimator : estimator
        A next-character model (models saved before labels existed have no
        ``label_classes_`` and are unconditional).

    Returns
    -------
    classes : ndarray or None

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> label_classes(BaseEstimator()) is None
    True
    """
    return getattr(estimator, "label_classes_", None)


def n_label_columns(estimator):
    """1 if the model reads a label column beside its context, else 0.

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> n_label_columns(BaseEstimator())
    0
    """
    return int(label_classes(estimator) is not None)


def split_name_labels(X, y):
    """Separate the labels of the names from the targets.

    With :class:`CharWindows`, the targets are inside the windows, so a ``y``
    given with them is one label per name. With an array, ``y`` is the targets.

    Parameters
    ----------
    X : CharWindows or array-like
    y : array-like or None

    Returns
    -------
    labels : array-like or None
        The names' labels (None for an array ``X`` or no ``y``).
    y : array-like or None
        What the input checks see as targets.

    Examples
    --------
    >>> split_name_labels([[0, 1]], ["a"])
    (None, ['a'])
    """
    if isinstance(X, CharWindows):
        return y, None
    return None, y


def check_label_values(estimator, labels, n_rows, name_index=None):
    """The label ids of each row, with errors that list the known labels.

    Parameters
    ----------
    estimator : estimator
        A fitted conditional model (``label_classes_`` set).
    labels : scalar or array-like
        One label for every row, or one per row, or (with ``name_index``) one
        per name.
    n_rows : int
        Number of rows the ids are for.
    name_index : ndarray of int or None, default=None
        The name of each row, when ``labels`` has one label per name.

    Returns
    -------
    ids : ndarray of int of shape (n_rows,)
        Positions in ``label_classes_``.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> model = BaseEstimator()
    >>> model.label_classes_ = np.array(["female", "male"])
    >>> check_label_values(model, "male", 3).tolist()
    [1, 1, 1]
    >>> check_label_values(model, "other", 1)
    Traceback (most recent call last):
    ...
    ValueError: Unknown label 'other': this model knows the labels ['female', 'male']...
    """
    classes = label_classes(estimator)
    values = np.asarray(labels, dtype=object)
    if values.ndim == 0:
        values = np.full(n_rows if name_index is None else 1, values.item(), object)
        name_index = None if name_index is None else np.zeros(n_rows, dtype=int)
    values = column_or_1d(values)
    check_no_missing_labels(values)
    expected = n_rows if name_index is None else int(name_index.max(initial=-1)) + 1
    if len(values) < expected or (name_index is None and len(values) != n_rows):
        what = "rows" if name_index is None else "names"
        raise ValueError(
            f"Got {len(values)} labels for {expected} {what}: pass one label per "
            f"{what[:-1]}, or a single label for all."
        )
    known = classes.astype(object)
    unknown = [v for v in dict.fromkeys(values.tolist()) if v not in set(known)]
    if unknown:
        raise ValueError(
            f"Unknown label {unknown[0]!r}: this model knows the labels "
            f"{classes.tolist()!r} (learned from the y of its fit); pass one of them."
        )
    ids = np.searchsorted(classes, values.astype(classes.dtype))
    return ids if name_index is None else ids[name_index]


def labels_of_windows(labels, windows):
    """Per-name labels as per-window labels; a single label or None unchanged.

    Parameters
    ----------
    labels : object, array-like of shape (n_names,) or None
        One label for all names (a string or any scalar), one per name, or None.
    windows : CharWindows
        The windows of the names.

    Returns
    -------
    labels : object, ndarray of shape (n_windows,) or None

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit_transform(["ab", "c"])
    >>> labels_of_windows(["x", "y"], windows).tolist()
    ['x', 'x', 'x', 'y', 'y']
    >>> labels_of_windows("x", windows)
    'x'
    """
    if labels is None or np.ndim(labels) == 0:
        return labels
    values = column_or_1d(np.asarray(labels, dtype=object))
    if len(values) != windows.n_names:
        raise ValueError(
            f"Got {len(values)} labels for {windows.n_names} names: pass one label "
            "per name, or a single label for all."
        )
    return values[windows.name_index]


def with_label_column(estimator, contexts, labels, name_index=None):
    """Contexts with the label column a conditional model reads.

    Parameters
    ----------
    estimator : estimator
        A fitted model: conditional (``label_classes_`` not None) or not.
    contexts : ndarray of int of shape (n, context_length)
        Validated context ids.
    labels : scalar, array-like or None
        The labels (see :func:`check_label_values`); must be None exactly when
        the model is unconditional.
    name_index : ndarray of int or None, default=None
        The name of each row, when ``labels`` has one label per name.

    Returns
    -------
    contexts : ndarray of int of shape (n, context_length + 1) or unchanged
        The label ``j`` is the id ``n_symbols + j`` in the last column.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> model = BaseEstimator()
    >>> model.label_classes_ = np.array(["a", "b"])
    >>> model.embeddings_ = np.zeros((5, 2))  # 3 symbols, then 2 labels
    >>> with_label_column(model, np.array([[0, 1], [2, 0]]), "b").tolist()
    [[0, 1, 4], [2, 0, 4]]
    """
    classes = label_classes(estimator)
    if classes is None:
        if labels is not None:
            raise ValueError(
                f"This {type(estimator).__name__} was fitted without labels, so it "
                "takes none; fit it with y (one label per name) to condition it on "
                "labels."
            )
        return contexts
    if labels is None:
        raise ValueError(
            f"This {type(estimator).__name__} was fitted with the labels "
            f"{classes.tolist()!r}; pass the label of the names (labels=..., or y "
            "in fit and score)."
        )
    ids = check_label_values(estimator, labels, len(contexts), name_index)
    n_symbols = estimator.embeddings_.shape[0] - len(classes)
    return _append_column(contexts, ids + n_symbols)


def _append_column(contexts, ids):
    dtype = np.promote_types(
        contexts.dtype, np.min_scalar_type(int(ids.max(initial=0)))
    )
    return np.column_stack([contexts.astype(dtype, copy=False), ids.astype(dtype)])


def with_training_labels(estimator, data, X, labels, *, reset):
    """Training data with the label column; learn ``label_classes_`` on reset.

    Parameters
    ----------
    estimator : estimator
        The model being fitted.
    data : TrainingData
        The validated windows.
    X : CharWindows or array-like
        The training input (labels need :class:`CharWindows`).
    labels : array-like of shape (n_names,) or None
        One label per name, or None for the unconditional model.
    reset : bool
        A first fit: the labels seen become ``label_classes_`` (None without
        labels). Later calls must match the first.

    Returns
    -------
    data : TrainingData
        With one more context column and the label rows counted in
        ``n_symbols`` when there are labels; else ``data`` itself.

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._model_input import check_training_data
    >>> windows = ContextWindowTransformer(context_length=2).fit_transform(["ab", "ba"])
    >>> model = BaseEstimator()
    >>> data = check_training_data(model, windows, None, reset=True)
    >>> data = with_training_labels(model, data, windows, ["x", "y"], reset=True)
    >>> model.label_classes_.tolist(), data.contexts[:, -1].tolist(), data.n_symbols
    (['x', 'y'], [27, 27, 27, 28, 28, 28], 29)
    """
    if reset:
        estimator.label_classes_ = None if labels is None else _learn(labels, X)
    if label_classes(estimator) is None:
        if labels is None:
            return data
        raise ValueError(
            "This model was first fitted without labels, so it cannot train on "
            "labelled names; call fit with warm_start=False to start again."
        )
    if not isinstance(X, CharWindows):
        raise ValueError("Labels of names need CharWindows as X.")
    if labels is None or len(np.atleast_1d(labels)) != X.n_names:
        raise ValueError(
            f"y must hold one label per name ({X.n_names} names) when this model "
            f"is fitted or trained on: it was first fitted with the labels "
            f"{label_classes(estimator).tolist()!r}."
            if labels is None
            else f"y must hold one label per name (the targets come from the "
            f"windows): got {len(labels)} labels for {X.n_names} names."
        )
    ids = check_label_values(estimator, labels, len(data.targets), X.name_index)
    n_labels = len(label_classes(estimator))
    contexts = _append_column(data.contexts, ids + data.n_symbols)
    return TrainingData(contexts, data.targets, data.groups, data.n_symbols + n_labels)


def _learn(labels, X):
    """The sorted labels of a first fit, checked like any classifier's targets."""
    check_no_missing_labels(labels)
    values = column_or_1d(np.asarray(labels))
    check_classification_targets(values)
    if isinstance(X, CharWindows) and len(values) != X.n_names:
        raise ValueError(
            f"y must hold one label per name (the targets come from the windows): "
            f"got {len(values)} labels for {X.n_names} names."
        )
    return np.unique(values)
