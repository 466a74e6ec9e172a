"""The stack level of a warning that points at the user's call."""

import contextlib
import os
import sys

__all__ = ["user_stacklevel"]

# The package's folder, and contextlib's file: a context manager used as a
# decorator of the package (``@predicting_per_name()``) adds a frame of its own.
_INTERNAL = (os.path.dirname(os.path.abspath(__file__)) + os.sep, contextlib.__file__)


def _skipped():
    """The places whose frames are not the user's: the package's, and
    scikit-learn's and joblib's once loaded (scikit-learn's Pipeline, its fit
    decorators and callbacks call the package's estimators for the user; the
    Pipeline fits its transformers through a joblib ``Memory``)."""
    places = list(_INTERNAL)
    for name in ("sklearn", "joblib"):
        where = getattr(sys.modules.get(name), "__file__", None)
        if where is not None:  # not loaded: none of its frames can be on the stack
            places.append(os.path.dirname(os.path.abspath(where)) + os.sep)
    return tuple(places)


def user_stacklevel():
    """The ``stacklevel`` of :func:`warnings.warn`, called by the caller of
    this function, that points at the first frame outside the package and
    scikit-learn: the user's call, however deep in the package (and in a
    scikit-learn :class:`~sklearn.pipeline.Pipeline`) the warning is made.

    Examples
    --------
    >>> user_stacklevel() >= 1
    True
    """
    skipped = _skipped()
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename.startswith(skipped):
        frame, level = frame.f_back, level + 1
    return level
