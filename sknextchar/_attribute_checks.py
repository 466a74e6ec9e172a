"""Predicates of the values a loaded model's fitted attributes may hold.

Each is True when a value is of one kind (an int, a number, a 1-d array of
ints, of counts, of floats, values in increasing order or each once), and
False otherwise, whatever the value is: the checks of a loaded model's fitted
state (:mod:`sknextchar._state_checks`, :mod:`sknextchar._record_checks`)
build their messages on them.
"""

from numbers import Integral, Real

import numpy as np

__all__ = [
    "count_array",
    "distinct",
    "float_vector",
    "int_vector",
    "is_int",
    "is_real",
    "strictly_increasing",
]


def is_int(value, low=0):
    """An int (not a bool) of at least ``low``."""
    return isinstance(value, Integral) and not isinstance(value, bool) and value >= low


def is_real(value):
    """A real number (not a bool)."""
    return isinstance(value, Real) and not isinstance(value, bool)


def int_vector(value, ndim=1):
    """An array of ``ndim`` dimensions of ints, signed or not."""
    return (
        isinstance(value, np.ndarray)
        and value.ndim == ndim
        and value.dtype.kind in "iu"
    )


def count_array(value, ndim=1):
    """Counts >= 0: ints, or finite floats (names weighed by fractional
    ``sample_weight``)."""
    return (
        isinstance(value, np.ndarray)
        and value.ndim == ndim
        and value.dtype.kind in "iuf"
        and bool(np.isfinite(value).all())
        and bool((value >= 0).all())
    )


def float_vector(value, finite=True):
    """A 1-d array of floats, all finite when ``finite``."""
    return (
        isinstance(value, np.ndarray)
        and value.ndim == 1
        and value.dtype.kind == "f"
        and (not finite or bool(np.isfinite(value).all()))
    )


def strictly_increasing(values):
    """Sorted and distinct; False for values that do not compare (arrays of
    arrays among them, whose comparison has no single truth value)."""
    try:
        return bool(np.all(values[1:] > values[:-1]))
    except (TypeError, ValueError):
        return False


def distinct(values):
    """No value twice; False for values that cannot be compared so."""
    try:
        return len(set(values.tolist())) == len(values)
    except TypeError:  # unhashable values
        return False
