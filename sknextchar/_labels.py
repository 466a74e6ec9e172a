"""Labels of names for a conditional next-character model: P(next | context, label).

A model fitted on :class:`CharWindows` with ``y`` (one label per name) reads the
label of each window's name as one more input beside its context. The label is
one more column after the context ids: label ``j`` (the ``j``-th of the sorted
``label_classes_``) has the id ``j`` there. The network embeds it in a table of
its own, ``label_embeddings_`` (``label_embedding_dim`` numbers per label, by
default ``embedding_dim``), read by the last rows of the first layer's weights
(see :mod:`sknextchar.nn.functional`). A model fitted without ``y`` has no label
column and is the unconditional model.

These functions check the labels, learn and encode them, and add the column; the
label's part of the network is described in :mod:`sknextchar._architecture`.
"""

import contextlib
import unicodedata
import warnings
from contextvars import ContextVar

import numpy as np
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import column_or_1d

from ._label_input import (
    check_label_elements,
    check_label_types,
    check_no_missing_labels,
    check_number_objects,
    label_values,
    labels_1d,
)
from ._model_input import TrainingData
from ._remade_errors import remade
from ._stacklevel import user_stacklevel
from ._steps import pipeline_steps, unfreeze
from ._unknown_label import label_spellings_note, unknown_label_error
from ._validation import check_names
from ._windows import CharWindows
from ._words import counted

__all__ = [
    "FewNamesPerLabelWarning",
    "check_float_labels",
    "whole_labels_as_ints",
    "check_label_targets",
    "check_label_values",
    "check_sampler_labels",
    "check_single_label",
    "fit_classes",
    "labels_of_windows",
    "label_classes",
    "label_of_text",
    "label_ids",
    "learn_name_labels",
    "labels_checked_once",
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


def check_label_values(estimator, labels, n_rows, windows=None, name="labels"):
    """The label ids of each row, with errors that list the known labels.

    Parameters
    ----------
    estimator : estimator
        A fitted conditional model (``label_classes_`` set).
    labels : scalar or array-like
        One label for every row, or one per row, or (with ``windows``) one
        per name.
    n_rows : int
        Number of rows the ids are for.
    windows : CharWindows or None, default=None
        The windows of the rows, when ``labels`` has one label per name: there
        must be exactly ``windows.n_names`` of them (a subset's ``name_index``
        still counts the names of the whole list).
    name : str, default="labels"
        The caller's parameter that took the labels (``"y"`` of ``score``),
        for the messages.

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
    ValueError: Unknown label 'other': pass one of ['female', 'male'].
    """
    classes = label_classes(estimator)
    name_index = None if windows is None else windows.name_index
    check_label_elements(labels, name=name)  # a list: not NumPy's words
    values = np.asarray(labels, dtype=object)
    if values.ndim == 0:
        values = np.full(n_rows if name_index is None else 1, values.item(), object)
        name_index = None if name_index is None else np.zeros(n_rows, dtype=int)
    else:  # one label for all that is missing (NaN) is an unknown label, below
        values = _one_dimension(values, name)
        _check_label_count(values, n_rows, windows, name, classes.tolist())
        check_no_missing_labels(
            values, name=name, row="window" if name_index is None else "name"
        )
    unknown = _labels_not_in(classes, values)
    if unknown:
        raise unknown_label_error(unknown[0], classes.tolist())
    ids = np.searchsorted(classes, values.astype(classes.dtype))
    return ids if name_index is None else ids[name_index]


def _check_label_count(values, n_rows, windows, name, known=None):
    """Refuse labels that are not exactly one per name (or per row); the
    example of a single label is the one given, else the first ``known``."""
    what, expected = ("row", n_rows) if windows is None else ("name", windows.n_names)
    if len(values) == expected:
        return
    per_window = windows is not None and len(values) == n_rows != expected
    example = values[0] if len(values) == 1 else known[0] if known else None
    single = "" if example is None else f" ({name}={_plain(example)!r})"
    raise ValueError(
        f"{name} must hold one label per {what}: got {counted(len(values), 'label')} "
        f"for {counted(expected, what)}"
        + (", one per window; give each name's label once" if per_window else "")
        + f". Pass one label per {what}, in the order of the {what}s, or a single "
        f"label for all of them{single}."
    )


def _one_dimension(values, name):
    """Labels as a 1-D array: a column taken with scikit-learn's
    ``DataConversionWarning``, more dimensions refused in ``name``'s words."""
    if values.ndim > 2 or (values.ndim == 2 and values.shape[1] != 1):
        raise ValueError(
            f"{name} must hold one label per name, in one dimension; got an "
            f"array of shape {values.shape}. Pass a list, a 1-D array or a "
            "pandas Series of the names' labels."
        )
    return labels_1d(values, name)  # a column, as scikit-learn


def _plain(value):
    """A NumPy scalar as the Python value it holds (shown as the user wrote it)."""
    return value.item() if isinstance(value, np.generic) else value


def fit_classes(model, labels, names):
    """The model's labels, once the labels a sampler is fitted with are checked.

    A :class:`~sklearn.frozen.FrozenEstimator` is not refit, so nothing else
    checks them: labels for a model fitted without labels would be ignored,
    a label the model was not fitted with could never be sampled, and a label
    per name that is missing or miscounted would give wrong length counts.

    Parameters
    ----------
    model : estimator
        The fitted next-character model.
    labels : array-like of shape (n_names,) or None
        One label per name; None checks nothing.
    names : 1-D array-like of str
        The names the labels are of.

    Returns
    -------
    classes : ndarray or None
        ``label_classes(model)``.

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> fit_classes(BaseEstimator(), ["f"], ["asha"])
    Traceback (most recent call last):
    ...
    ValueError: y (labels) was given, but the model was fitted without labels...
    """
    classes = label_classes(model)
    if labels is None:
        return classes
    if classes is None:
        raise ValueError(
            "y (labels) was given, but the model was fitted without labels, so "
            "they would be ignored (a FrozenEstimator is not refit): fit the "
            "pipeline on names and their labels first, pipe.fit(names, labels), "
            "or fit the sampler without y."
        )
    labels = check_sampler_labels(labels, names)  # as NameSampler.fit did first
    unknown = _labels_not_in(classes, labels)
    if unknown:  # the model's labels differ from y's (as the unlabelled case)
        raise ValueError(
            f"y holds the labels {unknown[:5]!r}, which the model was not fitted "
            f"with (it knows {classes.tolist()!r}), and a FrozenEstimator is not "
            "refit: give the sampler the labels of the names the pipeline was "
            "fitted on, or fit the pipeline on these labels first, "
            "pipe.fit(names, labels)."
        )
    check_label_values(model, labels, len(labels))
    return classes


def check_sampler_labels(y, names):
    """The labels of a sampler's fit, checked before anything is trained.

    One label per name, 1-D; a column (shape ``(n_names, 1)``) is taken as
    1-D with scikit-learn's ``DataConversionWarning``, as
    :class:`~sknextchar.NameLabelClassifier` does.

    Parameters
    ----------
    y : array-like of shape (n_names,) or (n_names, 1), or None
        The labels given to ``NameSampler.fit``; None checks nothing.
    names : 1-D array-like of str
        The names the labels are of.

    Returns
    -------
    y : array-like of shape (n_names,) or None
        ``y`` itself, or a column as a 1-D array.

    Examples
    --------
    >>> check_sampler_labels(["f", "m"], ["asha", "ravi"])
    ['f', 'm']
    >>> check_sampler_labels(["f"], ["asha", "ravi"])
    Traceback (most recent call last):
    ...
    ValueError: y must hold one label per name: got 1 label for 2 names...
    """
    if y is None:
        return None
    if isinstance(names, (str, bytes)) or not hasattr(names, "__len__"):
        check_names(names)  # the names' message, not len()'s
    check_no_missing_labels(y, name="y", row="name")  # a single label: say how
    check_label_types(y)
    shape = np.asarray(y, dtype=object).shape
    if len(shape) == 2 and shape[1] == 1:  # as scikit-learn, a column warns
        y = labels_1d(label_values(y))
        shape = y.shape
    if len(shape) != 1:
        raise ValueError(
            f"y must hold one label per name, in one dimension; got an array of "
            f"shape {shape}. Pass a list, a 1-D array or a pandas Series of the "
            "names' labels."
        )
    if shape[0] != len(names):
        raise ValueError(
            f"y must hold one label per name: got {counted(shape[0], 'label')} for "
            f"{counted(len(names), 'name')}. Pass one label per name, in the order "
            "of the names."
        )
    return y


def check_single_label(label, argument="label"):
    """Refuse a list where one label is asked for (the names to generate).

    Parameters
    ----------
    label : object
        The label given.
    argument : str, default="label"
        The caller's parameter, for the message.

    Examples
    --------
    >>> check_single_label("f")
    >>> check_single_label(["f"])
    Traceback (most recent call last):
    ...
    ValueError: label takes the label itself, not a list: pass label='f'.
    """
    if np.ndim(label) == 0:
        check_label_elements(label, name=argument)  # a dict: not "unhashable"
        return
    values = np.asarray(label, dtype=object).ravel().tolist()
    if len(values) == 1:
        raise ValueError(
            f"{argument} takes the label itself, not a list: pass "
            f"{argument}={_plain(values[0])!r}."
        )
    raise ValueError(
        f"{argument} must be a single label for all the names; got "
        f"{counted(len(values), 'label')}. Call once per label."
    )


def labels_of_windows(labels, windows, name="labels"):
    """Per-name labels as per-window labels; a single label or None unchanged.

    Parameters
    ----------
    labels : object, array-like of shape (n_names,) or None
        One label for all names (a string or any scalar), one per name, or None.
    windows : CharWindows
        The windows of the names.
    name : str, default="labels"
        The caller's argument that took the labels (``"y"`` of ``score``,
        ``"label"`` of ``score_samples``), for the messages: a missing label
        is placed as :func:`~sknextchar._validation.element_place` does
        (``y.iloc[6] (position 6, index label 'r6')`` in a Series).

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
    if labels is None:
        return labels
    check_label_elements(labels, name=name)  # a list: not NumPy's words
    if np.ndim(labels) == 0:
        return labels
    values = _one_dimension(np.asarray(labels, dtype=object), name)
    check_no_missing_labels(labels, name=name, row="name")  # a Series' index
    _check_label_count(values, len(windows.name_index), windows, name)
    return values[windows.name_index]


def label_ids(estimator, labels, n_rows, windows=None, name="labels"):
    """The label id of each row for a conditional model, or None for another.

    Parameters
    ----------
    estimator : estimator
        A fitted model: conditional (``label_classes_`` not None) or not.
    labels : scalar, array-like or None
        The labels (see :func:`check_label_values`); must be None exactly when
        the model is unconditional.
    n_rows : int
        Number of rows the ids are for.
    windows : CharWindows or None, default=None
        The windows of the rows, when ``labels`` has one label per name.
    name : str, default="labels"
        The caller's parameter that took the labels, for the messages.

    Returns
    -------
    ids : ndarray of int of shape (n_rows,) or None
        Positions in ``label_classes_``; None for an unconditional model.

    Raises
    ------
    ValueError
        If labels are given to an unconditional model, missing for a conditional
        one, unknown, or of the wrong number.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> model = BaseEstimator()
    >>> model.label_classes_ = np.array(["a", "b"])
    >>> label_ids(model, ["b", "a"], 2).tolist()
    [1, 0]
    """
    classes = label_classes(estimator)
    if classes is None:
        if labels is not None:
            raise ValueError(
                f"This {type(estimator).__name__} was fitted without labels, so it "
                "takes none; fit it with y (one label per name) to condition it on "
                "labels."
            )
        return None
    if labels is None:
        raise ValueError(_missing_labels_message(estimator, classes, windows))
    return check_label_values(estimator, labels, n_rows, windows, name)


def _missing_labels_message(estimator, classes, windows):
    """Why a model fitted with labels got none, and what to do.

    Windows of names (``windows`` given) are what a pipeline fed names
    passes: a direct call that left out the labels, or a scikit-learn string
    scorer (``scoring="accuracy"``), which cannot pass them and would compare
    one prediction per window with one label per name.
    """
    message = (
        f"This {type(estimator).__name__} was fitted with the labels "
        f"{classes.tolist()!r}; pass the label of "
    )
    if windows is None:  # an array of contexts: one label per row
        return message + (
            "every row, or one for all (labels=..., or y in fit and score)."
        )
    return message + (
        "each name (labels=... in predict, predict_proba and predict_log_proba; "
        'y in score). A scikit-learn string scorer (scoring="accuracy", '
        '"neg_log_loss", ...) cannot: it passes no labels to the model and '
        "would compare one prediction per window (len(name) + 1 per name) with "
        "one label per name. Score with sknextchar.metrics.log_likelihood "
        "(scoring=log_likelihood), which passes each name's label as y."
    )


def with_label_column(estimator, contexts, labels, windows=None, name="labels"):
    """Contexts with the label column a conditional model reads.

    Parameters
    ----------
    estimator : estimator
        A fitted model: conditional (``label_classes_`` not None) or not.
    contexts : ndarray of int of shape (n, context_length)
        Validated context ids.
    labels : scalar, array-like or None
        The labels (see :func:`label_ids`); must be None exactly when the model
        is unconditional.
    windows : CharWindows or None, default=None
        The windows of the rows, when ``labels`` has one label per name.
    name : str, default="labels"
        The caller's parameter that took the labels, for the messages.

    Returns
    -------
    contexts : ndarray of int of shape (n, context_length + 1) or unchanged
        The label ``j`` (of ``label_classes_``) is the id ``j`` in the last column.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> model = BaseEstimator()
    >>> model.label_classes_ = np.array(["a", "b"])
    >>> with_label_column(model, np.array([[0, 1], [2, 0]]), "b").tolist()
    [[0, 1, 1], [2, 0, 1]]
    """
    ids = label_ids(estimator, labels, len(contexts), windows, name)
    return contexts if ids is None else _append_column(contexts, ids)


def _append_column(contexts, ids):
    dtype = np.promote_types(
        contexts.dtype, np.min_scalar_type(int(ids.max(initial=0)))
    )
    return np.column_stack([contexts.astype(dtype, copy=False), ids.astype(dtype)])


def with_training_labels(estimator, data, X, labels, *, reset, warm=False):
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
    warm : bool, default=False
        Whether a later call is a warm-started ``fit`` (else a ``partial_fit``),
        for the advice of the errors.

    Returns
    -------
    data : TrainingData
        With one more column, the label ids, when there are labels; else
        ``data`` itself.

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
    (['x', 'y'], [0, 0, 0, 1, 1, 1], 27)
    """
    if labels is not None:
        check_no_missing_labels(labels, row="name")  # a single label: say how
    if reset:
        estimator.label_classes_ = (
            None if labels is None else learn_name_labels(labels, X)[0]
        )
    else:
        _check_no_new_labels(estimator, labels, warm=warm)
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
            f"y must hold one label per name ({counted(X.n_names, 'name')}) when "
            "this model "
            f"is fitted or trained on: it was first fitted with the labels "
            f"{label_classes(estimator).tolist()!r}."
            if labels is None
            else f"y must hold one label per name (the targets come from the "
            f"windows): got {counted(len(labels), 'label')} for "
            f"{counted(X.n_names, 'name')}."
        )
    ids = check_label_values(estimator, labels, len(data.targets), X, "y")
    contexts = _append_column(data.contexts, ids)
    return TrainingData(contexts, data.targets, data.groups, data.n_symbols)


def _labels_not_in(classes, values):
    """The distinct values that are not among ``classes``, in order of appearance."""
    known = set(classes.tolist())
    values = np.asarray(values, dtype=object).ravel().tolist()
    return [value for value in dict.fromkeys(values) if value not in known]


def _check_no_new_labels(estimator, labels, *, warm=False):
    """Refuse, in a later training call, a label that the first fit did not see."""
    classes = label_classes(estimator)
    if labels is None or classes is None:
        return
    check_label_types(labels)
    new = _labels_not_in(classes, labels)
    if new:
        raise ValueError(
            f"y holds the labels {new!r}, which this model was not first fitted "
            f"with (it knows {classes.tolist()!r}): a model learns its labels in "
            "its first fit, so "
            + (
                "set warm_start=False to fit a new model on these labels."
                if warm
                else "give the first partial_fit names of every label, or fit "
                "again with all the labels."
            )
        )


def learn_name_labels(labels, X):
    """The sorted labels of a fit on names, and each name's label id.

    Checked like any classifier's targets, one per name of the windows.

    Parameters
    ----------
    labels : array-like of shape (n_names,)
        One label per name.
    X : CharWindows or array-like
        The training windows (the number of names is checked for
        :class:`CharWindows`).

    Returns
    -------
    classes : ndarray of shape (n_labels,)
        The sorted distinct labels.
    ids : ndarray of int of shape (n_names,)
        The position of each name's label in ``classes``.

    Examples
    --------
    >>> classes, ids = learn_name_labels(["m", "f", "m"], None)
    >>> classes.tolist(), ids.tolist()
    (['f', 'm'], [1, 0, 1])
    """
    check_no_missing_labels(labels, row="name")
    check_label_types(labels)  # before NumPy makes a number a string
    values = column_or_1d(label_values(labels))
    if isinstance(X, CharWindows) and len(values) != X.n_names:
        raise ValueError(
            f"y must hold one label per name (the targets come from the windows): "
            f"got {counted(len(values), 'label')} for {counted(X.n_names, 'name')}."
        )
    if values.dtype.kind == "f":  # fit(*load_names(..., counts_column=...))
        raise ValueError(f"y holds floats ({values.dtype}), {_FLOAT_LABELS}")
    return check_label_targets(values)


# The target types of scikit-learn's classifiers (check_classification_targets).
_CLASSIFICATION = (
    "binary",
    "multiclass",
    "multiclass-multioutput",
    "multilabel-indicator",
    "multilabel-sequences",
)
# Set by labels_checked_once: per thread and per task, unlike a warnings filter,
# which is the whole process's (two fits in two threads could leave one behind).
_CHECKED = ContextVar("sknextchar_labels_checked", default=False)


def check_label_targets(values, *, advise=True):
    """Check labels as a classifier's targets; warn of labels of few names each.

    What scikit-learn's ``check_classification_targets`` refuses is refused
    with its message; its warning for more distinct labels than half the
    samples (a regression problem?) is replaced by one about names: a label is
    learned from its own names, so a label of one or two names teaches little.
    Labels that look alike, one label written two ways (``"F"`` and ``"F "``,
    a composed and a decomposed accent), warn too
    (:func:`~sknextchar._unknown_label.label_spellings_note`). Neither warning is
    given inside :func:`labels_checked_once`.

    Parameters
    ----------
    values : ndarray of shape (n_names,)
        One label per name.
    advise : bool, default=True
        Whether to warn of labels of few names (False: a fit that learns
        nothing from each label's names, only their shares).

    Returns
    -------
    classes : ndarray of shape (n_labels,)
        The sorted distinct labels.
    ids : ndarray of int of shape (n_names,)
        The position of each name's label in ``classes``.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = check_label_targets(np.array([f"l{i}" for i in range(30)]))
    >>> print(str(caught[0].message)[:60])
    30 distinct labels in y for 30 names, 30 labels of a single
    """
    if type_of_target(values, input_name="y") not in _CLASSIFICATION:
        check_number_objects(values)  # its words, then what to do
        # scikit-learn's own refusal, in its words: it raises before it warns.
        check_classification_targets(values)
    classes, ids = np.unique(values, return_inverse=True)
    if not _CHECKED.get() and (note := label_spellings_note(classes.tolist())):
        warnings.warn(note, UserWarning, stacklevel=user_stacklevel())  # "F", "F "
    n_names, n_labels = len(values), len(classes)
    # scikit-learn's bounds: more than 20 names, more labels than half of them.
    if not advise or _CHECKED.get() or n_names <= 20 or n_labels <= round(n_names / 2):
        return classes, ids
    warnings.warn(
        FewNamesPerLabelWarning(
            n_labels, n_names, int(np.sum(np.bincount(ids) == 1)),
            numbers=values.dtype.kind in "iu",
        ),
        stacklevel=user_stacklevel(),
    )  # fmt: skip
    return classes, ids


class FewNamesPerLabelWarning(UserWarning):
    """Labels of few names each (:func:`check_label_targets`); the message is
    made from the attributes, so an interface that gives the labels another
    way (the command line's ``--labels``) words it with :meth:`worded`.

    Parameters
    ----------
    n_labels, n_names : int
        How many distinct labels and names.
    single : int
        How many labels have a single name.
    numbers : bool, default=False
        Whether the labels are whole numbers (maybe counts of the names).

    Examples
    --------
    >>> warning = FewNamesPerLabelWarning(30, 30, 30)
    >>> str(warning)[:40]
    '30 distinct labels in y for 30 names, 30'
    >>> warning.worded(labels="--labels")[:47]
    '30 distinct labels in --labels for 30 names, 30'
    """

    def __init__(self, n_labels, n_names, single, numbers=False):
        self.n_labels, self.n_names = n_labels, n_names
        self.single, self.numbers = single, numbers
        super().__init__(self.text())

    def worded(self, labels="y", weights="sample_weight"):
        """The message, the labels given as ``labels`` and counts of the
        names as ``weights``."""
        counts = (
            f" If {labels} counts how often each name occurs, pass it as {weights}."
        )
        return (
            f"{counted(self.n_labels, 'distinct label')} in {labels} for "
            f"{counted(self.n_names, 'name')}, {counted(self.single, 'label')} "
            "of a single name: a label is learned from its own names, so a label "
            "of one or two names teaches the model little beyond those names "
            "(names sampled by it are much like them, and a classifier can hardly "
            "tell it from the others). Give more names of each label, or merge "
            "rare labels into broader ones (a region rather than a town)."
            + (counts if self.numbers else "")
        )

    def text(self):
        """The message in Python's words (:meth:`worded`)."""
        return self.worded()

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))


@contextlib.contextmanager
def labels_checked_once():
    """Leave out :func:`check_label_targets`' warning inside the block: the fits
    of a meta-estimator that checked all the labels itself (its folds would warn
    again). Per thread and task (a :class:`contextvars.ContextVar`): fits in
    other threads warn as usual, and no warnings filter is changed.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught, labels_checked_once():
    ...     warnings.simplefilter("always")
    ...     _ = check_label_targets(np.array([f"l{i}" for i in range(30)]))
    >>> caught
    []
    """
    token = _CHECKED.set(True)
    try:
        yield
    finally:
        _CHECKED.reset(token)


# What to do with labels of floats, after what they are.
_FLOAT_LABELS = (
    "and y is the label of each name (a style, a gender, a region). If these "
    "numbers count the names, pass them as sample_weight (fit(names, "
    "sample_weight=counts), or fit(names, labels, sample_weight=counts) with the "
    "names' labels); if they are labels, give them as text or integers "
    "(y.astype(int))."
)


def check_float_labels(values):
    """Refuse labels ``y`` of floats that are not whole numbers (or not finite).

    Labels such as ``[0.0, 1.0]`` are two classes, as for scikit-learn's
    classifiers; ``[0.5, 17728.0]`` are more likely counts of the names
    (``fit(*load_names(..., counts_column=...))``), which go to
    ``sample_weight``. The message starts as scikit-learn's ("Unknown label
    type: continuous") and says so.

    Parameters
    ----------
    values : ndarray of shape (n_names,)
        The labels.

    Examples
    --------
    >>> import numpy as np
    >>> check_float_labels(np.array([0.0, 1.0]))
    >>> check_float_labels(np.array([1.0, np.inf]))
    Traceback (most recent call last):
    ...
    ValueError: Unknown label type: continuous: y holds floats (float64) that are \
no whole numbers, such as y[1] = inf, and y is the label of each name (...
    """
    if values.dtype.kind != "f":
        return
    with np.errstate(invalid="ignore"):
        odd = ~np.isfinite(values) | (values != np.round(values))
    if odd.any():
        i = int(np.argmax(odd))
        raise ValueError(
            f"Unknown label type: continuous: y holds floats ({values.dtype}) that "
            f"are no whole numbers, such as y[{i}] = {values[i].item()!r}, "
            + _FLOAT_LABELS
        )


def whole_labels_as_ints(labels):
    """Labels of whole floats (checked by :func:`check_float_labels`) as the
    ints a model of names by label takes, which refuses floats as likely
    counts of the names; other labels, and floats beyond 2**53, unchanged.

    Examples
    --------
    >>> import numpy as np
    >>> whole_labels_as_ints(np.array([1.0, 2.0])).tolist()
    [1, 2]
    >>> whole_labels_as_ints(np.array(["f", "m"])).tolist()
    ['f', 'm']
    """
    if labels.dtype.kind != "f" or not (np.abs(labels) < 2.0**53).all():
        return labels
    return labels.astype(np.int64)


def label_of_text(sampler, text):
    """The label of a sampler's model whose text is ``text`` (a label typed on
    the command line), or ``text`` itself.

    A model trained in Python may have labels that are not strings (``1``);
    the command line gives only text (``'1'``).

    Parameters
    ----------
    sampler : NameSampler or Pipeline
        Fitted (the model of a file, for ``sknextchar plot``).
    text : str or None

    Returns
    -------
    label : object
        The one label of the model whose ``str`` is ``text``, else the one
        whose ``str`` is ``text`` in NFC (``"Française"`` typed for a label
        learned decomposed, as files saved on macOS hold it); else ``text``
        (None for None).

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler, PerLabelClassifier)
    >>> sampler = NameSampler(make_pipeline(
    ...     ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())))
    >>> sampler = sampler.fit(["asha", "ravi", "john", "mary"], [1, 1, 2, 2])
    >>> label_of_text(sampler, "1"), label_of_text(sampler, "3")
    (1, '3')
    """
    if text is None:
        return None
    model = unfreeze(getattr(sampler, "estimator_", sampler))  # or a Pipeline
    steps = pipeline_steps(model) if hasattr(model, "steps") else []
    classes = label_classes(steps[-1] if steps else None)
    if classes is None:
        return text
    same = [label for label in classes.tolist() if str(label) == text]
    if not same:  # typed in NFC (as the command line reads it), learned in NFD
        text_nfc = unicodedata.normalize("NFC", text)
        same = [
            label
            for label in classes.tolist()
            if unicodedata.normalize("NFC", str(label)) == text_nfc
        ]
    return same[0] if len(same) == 1 else text
