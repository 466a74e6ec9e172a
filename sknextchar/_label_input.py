"""Checks of the labels a user gives: no missing value, no mix of strings and numbers.

The labels of a model of names by label come from the user (``y`` of a
next-character model, of :class:`~sknextchar.NameSampler` or of
:class:`~sknextchar.NameLabelClassifier`, ``labels`` of sampling and scoring);
these checks refuse, in the caller's parameter name and at the label's place,
what NumPy or scikit-learn would otherwise turn into a wrong label or a
TypeError, and give labels as an array scikit-learn's target checks take.
"""

import numbers
import warnings

import numpy as np
from sklearn.exceptions import DataConversionWarning
from sklearn.utils.validation import column_or_1d

from ._stacklevel import user_stacklevel
from ._validation import (
    element_place,
    is_missing_value,
    missing_value_message,
    other_type_message,
    series_index,
)

__all__ = [
    "check_label_elements",
    "check_label_types",
    "check_no_missing_labels",
    "check_number_objects",
    "label_values",
    "labels_1d",
    "warn_if_column",
]


def label_values(y):
    """Labels as a NumPy array that scikit-learn's target checks take.

    NumPy's variable-width strings (``StringDType``, NumPy >= 2.0) become
    Python strings (``object``): scikit-learn's ``type_of_target`` refuses that
    dtype with a TypeError about ``isdtype``. Other labels are ``np.asarray(y)``.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._label_input import label_values
    >>> strings = getattr(np.dtypes, "StringDType", np.dtypes.ObjectDType)  # NumPy 1
    >>> label_values(np.array(["f", "m"], dtype=strings())).dtype
    dtype('O')
    >>> label_values(["f", "m"]).dtype
    dtype('<U1')
    """
    values = np.asarray(y)
    if values.dtype.kind == "T":  # StringDType
        values = values.astype(object)
    return values


def check_no_missing_labels(y, *, name="y", row="window"):
    """Refuse labels with a missing value (None, NaN, ``pd.NA``) among them.

    Parameters
    ----------
    y : array-like of shape (n_rows,) or (n_rows, 1)
        The labels.
    name : str, default="y"
        What the message calls the labels (the caller's parameter).
    row : str, default="window"
        What one label is for: ``"window"``, or ``"name"`` for labels per name.

    Raises
    ------
    ValueError
        Naming the first missing label and its position (scikit-learn's
        estimator checks expect a ValueError for NaN in ``y``).

    Examples
    --------
    >>> from sknextchar._label_input import check_no_missing_labels
    >>> check_no_missing_labels(["a", "b"])
    >>> check_no_missing_labels(["a", None])
    Traceback (most recent call last):
    ...
    ValueError: Input y contains None: y[1] = None is a missing value; remove it ...
    """
    if isinstance(y, np.ndarray) and y.ndim and y.dtype.kind in "biu":
        return  # integers and booleans have no missing value; skip the slow path
    labels = np.asarray(y, dtype=object)
    if labels.ndim == 0 and row == "name":
        raise ValueError(
            f"{name} must hold one label per name; got the single label "
            f"{labels.item()!r}. To give every name the same label, pass "
            f"[{labels.item()!r}] * len(names)."
        )
    if labels.ndim == 2 and labels.shape[1] == 1:  # a column, taken as 1-D later
        labels = labels[:, 0]
    if labels.ndim != 1 or not labels.size:
        return  # the shape checks that follow say what is wrong
    missing = np.flatnonzero(np.frompyfunc(is_missing_value, 1, 1)(labels).astype(bool))
    if missing.size:
        i = int(missing[0])
        place = element_place(name, i, series_index(y))
        raise ValueError(
            missing_value_message(
                name, place, labels[i], "label", beside=f" with its {row}"
            )
        )


def check_label_types(y, *, name="y"):
    """Refuse labels that mix strings and numbers, or of another type.

    A list such as ``["a", 1]`` becomes the strings ``['1', 'a']`` in NumPy, so
    a model would learn a label ``'1'`` that the ``1`` given later is not;
    scikit-learn's ``unique_labels`` refuses such a mix in the same words.

    Parameters
    ----------
    y : array-like
        The labels (any shape).
    name : str, default="y"
        What the message calls the labels (the caller's parameter).

    Raises
    ------
    ValueError
        Naming a string and a number among the labels, and their positions;
        or the first label that is neither (a dict, bytes), and its place.

    Examples
    --------
    >>> from sknextchar._label_input import check_label_types
    >>> check_label_types(["a", "b"]), check_label_types([1, 2])
    (None, None)
    >>> check_label_types(["a", "a", 1])
    Traceback (most recent call last):
    ...
    ValueError: Mix of label input types (string and number) in y: y[0] = 'a' ...
    """
    if isinstance(y, np.ndarray) and y.dtype.kind != "O":
        return  # one NumPy type: all strings or all numbers
    labels, index = check_label_elements(y, name=name)
    is_text = np.frompyfunc(lambda label: isinstance(label, str), 1, 1)(labels)
    is_text = is_text.astype(bool)
    if is_text.all() or not is_text.any():
        return
    text, number = int(np.argmax(is_text)), int(np.argmin(is_text))
    raise ValueError(
        f"Mix of label input types (string and number) in {name}: "
        f"{element_place(name, text, index)} = {labels[text]!r} is a string and "
        f"{element_place(name, number, index)} = {labels[number]!r} is not. Give "
        f"every label as a string ([str(label) for label in {name}]) or every "
        "label as a number."
    )


def check_label_elements(y, *, name="y"):
    """Refuse a label that is neither a str nor a number (a list, bytes, a
    dict), at its place in ``y``, before NumPy or a set of labels meets it (a
    list among labels made NumPy fail with "inhomogeneous shape", a dict made
    a lookup fail with "unhashable type"). A single label (0-d) of another
    type is refused as ``name`` itself.

    Returns
    -------
    labels : ndarray of object
        The labels, flattened.
    index : pandas.Index or None
        Where a message places them (a Series' index), as
        :func:`~sknextchar._validation.element_place` takes it.

    Examples
    --------
    >>> from sknextchar._label_input import check_label_elements
    >>> check_label_elements(["f", "m"])[0].tolist()
    ['f', 'm']
    >>> check_label_elements(["f", ["m"]], name="labels")
    Traceback (most recent call last):
    ...
    ValueError: labels[1] is ['m'] (list), not a str or a number: flatten labels ...
    """
    if isinstance(y, np.ndarray) and y.dtype.kind != "O":
        return y.ravel(), None  # one NumPy type of str or number: no list in it
    given = np.asarray(y, dtype=object)  # a list among labels: kept as one
    labels = given.ravel()  # element, not NumPy's "inhomogeneous shape"
    index = series_index(y) if given.shape[:1] == (labels.size,) else None
    if all(issubclass(kind, _LABEL_KINDS) for kind in set(map(type, labels))):
        return labels, index  # each a str or a number, told by their types alone
    other = np.frompyfunc(_of_another_type, 1, 1)(labels).astype(bool)
    if not given.ndim and other.any():  # one label, to give again
        raise ValueError(other_type_message(name, name, labels[0], "a str or a "
            "number", instead="pass a label the model was fitted with"))  # fmt: skip
    if other.any():
        i = int(np.argmax(other))
        raise ValueError(other_type_message(name, element_place(name, i, index),
            labels[i], "a str or a number", beside=" with its name",
            flat="one label per name"))  # fmt: skip
    return labels, index


def check_number_objects(values):
    """Refuse labels that are numbers in an array of dtype ``object`` (such
    as ``np.array([1, 2], dtype=object)`` or a Series of that dtype), as
    scikit-learn's classifiers do (``type_of_target`` reads them as
    "unknown"): the message opens with scikit-learn's words, then says what
    the labels are and how to pass them.

    Parameters
    ----------
    values : ndarray of shape (n_names,)
        The labels as :func:`label_values` gives them (numbers of dtype
        ``object`` stay so).

    Examples
    --------
    >>> from sknextchar._label_input import check_number_objects
    >>> check_number_objects(np.array(["f", "m"], dtype=object))
    >>> check_number_objects(np.array([1, 2], dtype=object))
    Traceback (most recent call last):
    ...
    ValueError: Unknown label type: unknown. y holds numbers in an array of dtype \
object (y[0] = 1), which scikit-learn's classifiers refuse: pass them as numbers, \
np.asarray(y, dtype=int), or as strings, y.astype(str).
    """
    if values.dtype != object or not values.size:
        return
    numbers = np.asarray(values.tolist())
    if numbers.dtype.kind in "biuf":
        number = "bool" if numbers.dtype.kind == "b" else "int"
        whole = np.isfinite(numbers).all() and (numbers == np.round(numbers)).all()
        number = number if whole else "float"  # int would cut them
        raise ValueError(
            "Unknown label type: unknown. y holds numbers in an array of dtype "
            f"object (y[0] = {values[0]!r}), which scikit-learn's classifiers "
            f"refuse: pass them as numbers, np.asarray(y, dtype={number}), or as "
            "strings, y.astype(str)."
        )


_LABEL_KINDS = (str, numbers.Number, np.bool_)


def _of_another_type(label):
    """Whether ``label`` is neither a str nor a number (nor a missing value,
    told by :func:`check_no_missing_labels`)."""
    return not isinstance(label, _LABEL_KINDS) and not is_missing_value(label)


def labels_1d(values, name="y"):
    """``values`` as a 1d array: a column (shape ``(n, 1)``) with a
    ``DataConversionWarning`` that points at the user's call, as
    scikit-learn's estimators warn; any other shape of more than one dimension
    refused by :func:`~sklearn.utils.validation.column_or_1d`.

    The warning opens with scikit-learn's words, so that a filter or a test
    on them still matches; then it names the argument.

    Parameters
    ----------
    values : array-like of shape (n,) or (n, 1)
        The labels.
    name : str, default="y"
        The argument that holds them, as the warning names it.

    Returns
    -------
    labels : ndarray of shape (n,)

    Examples
    --------
    >>> import warnings
    >>> from sknextchar._label_input import labels_1d
    >>> labels_1d(["f", "m"]).tolist()
    ['f', 'm']
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     labels_1d([["f"], ["m"]], name="labels").tolist()
    ['f', 'm']
    >>> print(caught[0].message)
    A column-vector y was passed when a 1d array was expected: labels has shape (2, 1), read as a 1d array of its labels; pass a 1d array or a list (numpy.ravel(labels)) to silence this warning.
    """  # noqa: E501
    labels = column_or_1d(values)  # a shape other than (n,) and (n, 1): refused
    warn_if_column(values, name)
    return labels


def warn_if_column(values, name="y"):
    """Warn, as scikit-learn's estimators do, if ``values`` is a column of
    labels (shape ``(n, 1)``: an array, a one-column DataFrame, a list of
    one-item lists); the warning is :func:`labels_1d`'s.

    For a caller that reads a column as 1d itself, and checks it as given
    (a DataFrame keeps its index in the messages).

    Examples
    --------
    >>> import warnings
    >>> from sknextchar._label_input import warn_if_column
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_if_column(["f", "m"])
    ...     warn_if_column([["f"], ["m"]])
    >>> [type(w.message).__name__ for w in caught]
    ['DataConversionWarning']
    """
    shape = getattr(values, "shape", None)  # no np.shape: array functions may be
    if shape is None and isinstance(values, (list, tuple)):  # refused (a wrapper)
        shape = np.asarray(values, dtype=object).shape
    if shape is not None and len(shape) == 2 and shape[1] == 1:
        warnings.warn(
            "A column-vector y was passed when a 1d array was expected: "
            f"{name} has shape {tuple(shape)}, read as a 1d array of its labels; "
            f"pass a 1d array or a list (numpy.ravel({name})) to silence this "
            "warning.",
            DataConversionWarning,
            stacklevel=user_stacklevel(),
        )
