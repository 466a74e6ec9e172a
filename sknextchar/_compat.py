"""The one home of scikit-learn's private names.

Every private scikit-learn object the package relies on is imported here and
re-exported under a public name, so a scikit-learn release that moves one breaks
this module alone. Nothing else in the package imports ``sklearn.<...>._x`` or a
``_name`` from scikit-learn.

It also holds the guard against ``cross_val_predict``, which depends on the name
of one of scikit-learn's private functions.
"""

import contextlib
import contextvars
import sys

import numpy as np
from sklearn.base import _fit_context
from sklearn.utils._param_validation import (
    HasMethods,
    InvalidParameterError,
    Options,
    StrOptions,
    validate_parameter_constraints,
)
from sklearn.utils._param_validation import Interval as _Interval
from sklearn.utils.metaestimators import _BaseComposition

try:  # the block of the HTML diagram (scikit-learn's private name, 1.7 and later)
    from sklearn.utils._repr_html.estimator import _VisualBlock
except ImportError:  # pragma: no cover - a release that moved it
    _VisualBlock = None

__all__ = [
    "BaseComposition",
    "HasMethods",
    "Interval",
    "InvalidParameterError",
    "NotString",
    "Options",
    "StrOptions",
    "VisualBlock",
    "fit_context",
    "predicting_per_name",
    "reject_cross_val_predict",
    "validate_declared_parameters",
    "validate_parameter_constraints",
]


class Interval(_Interval):
    """scikit-learn's ``Interval`` constraint, refusing booleans.

    ``True`` is an ``int`` to Python, but ``context_length=True`` is a mistake,
    not a context of one character: a bool satisfies no interval here.

    Examples
    --------
    >>> from numbers import Integral
    >>> from sknextchar._compat import Interval
    >>> interval = Interval(Integral, 1, None, closed="left")
    >>> interval.is_satisfied_by(3), interval.is_satisfied_by(True)
    (True, False)
    """

    def is_satisfied_by(self, val):
        """Whether ``val`` is a number (not a bool) inside the interval."""
        return not isinstance(val, (bool, np.bool_)) and super().is_satisfied_by(val)


class NotString(HasMethods):
    """scikit-learn's ``HasMethods`` constraint, refusing strings and bytes.

    A string (or bytes) has ``split`` and ``__iter__``, but ``cv="abc"`` is no
    splitter nor an iterable of (train, test) splits: it satisfies no
    constraint here (as scikit-learn's ``"cv_object"`` refuses it).

    Examples
    --------
    >>> from sknextchar._compat import NotString
    >>> iterable = NotString(["__iter__"])
    >>> iterable.is_satisfied_by([(0, 1)]), iterable.is_satisfied_by("ab")
    (True, False)
    >>> iterable.is_satisfied_by(b"ab"), iterable.is_satisfied_by(bytearray(b"ab"))
    (False, False)
    >>> str(iterable), str(NotString(["split"]))
    ('an iterable', "an object implementing 'split'")
    """

    def is_satisfied_by(self, val):
        """Whether ``val`` has the methods and is not a string or bytes."""
        text = (str, bytes, bytearray)
        return not isinstance(val, text) and super().is_satisfied_by(val)

    def __str__(self):
        return "an iterable" if self.methods == ["__iter__"] else super().__str__()


def validate_declared_parameters(estimator, params=None):
    """Validate an estimator's parameters against the constraints its class
    declares (``_parameter_constraints``; none declared: nothing to check), as
    scikit-learn does before ``fit`` runs.

    Parameters
    ----------
    estimator : estimator instance
        The estimator whose parameters are checked.
    params : dict or None, default=None
        Its parameters; None: ``estimator.get_params(deep=False)``.

    Raises
    ------
    InvalidParameterError
        Naming the first parameter that satisfies none of its constraints.

    Examples
    --------
    >>> from sklearn.linear_model import Ridge
    >>> try:
    ...     validate_declared_parameters(Ridge(alpha=-1.0))
    ... except InvalidParameterError as error:
    ...     print(error)  # doctest: +ELLIPSIS
    The 'alpha' parameter of Ridge must be ...
    """
    constraints = getattr(type(estimator), "_parameter_constraints", None)
    if not constraints:
        return
    validate_parameter_constraints(
        constraints,
        estimator.get_params(deep=False) if params is None else params,
        caller_name=type(estimator).__name__,
    )


#: ``sklearn.base._fit_context``: validates the parameters before ``fit`` runs.
fit_context = _fit_context

#: ``sklearn.utils.metaestimators._BaseComposition``: ``get_params`` and
#: ``set_params`` of a meta-estimator over a list of ``(name, estimator)`` pairs.
BaseComposition = _BaseComposition

#: ``sklearn.utils._repr_html.estimator._VisualBlock``: how the HTML diagram of
#: a meta-estimator lays out its members (``_sk_visual_block_``); None when a
#: scikit-learn release moved it (the diagram then shows one box).
VisualBlock = _VisualBlock

# The function cross_val_predict calls to fit and predict one fold, and the module
# that defines it (scikit-learn >= 1.0).
_CROSS_VAL_PREDICT_FRAME = ("_fit_and_predict", "_validation.py")
# True while an estimator that predicts one row per name runs pipelines.
_PER_NAME = contextvars.ContextVar("sknextchar_predicting_per_name", default=False)


@contextlib.contextmanager
def predicting_per_name():
    """Within it, pipelines serve an estimator that predicts one row per name.

    A context manager (and decorator) for estimators such as
    :class:`~sknextchar.NameLabelClassifier`, whose predictions are one row per
    name, so ``cross_val_predict`` stitches them back correctly: it turns
    :func:`reject_cross_val_predict` off for the pipelines they fit and run in
    this thread.

    Examples
    --------
    >>> with predicting_per_name():
    ...     reject_cross_val_predict()  # never raises here
    """
    token = _PER_NAME.set(True)
    try:
        yield
    finally:
        _PER_NAME.reset(token)


def reject_cross_val_predict(max_depth=40):
    """Raise if called under ``sklearn.model_selection.cross_val_predict``.

    ``cross_val_predict`` stitches one prediction per input row back into input
    order. Windows are not input rows (a name gives ``len(name) + 1`` of them), so
    its result would be silently misaligned. It cannot be made to work; this turns
    the silent error into a clear one. Looks a bounded number of frames up the
    call stack for the private function it uses to predict each fold.

    Parameters
    ----------
    max_depth : int, default=40
        How many frames to look up.

    Raises
    ------
    TypeError
        When one of the calling frames is cross_val_predict's fold function.

    Examples
    --------
    >>> reject_cross_val_predict()  # not under cross_val_predict: nothing happens
    """
    if _PER_NAME.get():  # one row per name: what cross_val_predict expects
        return
    name, filename = _CROSS_VAL_PREDICT_FRAME
    frame = sys._getframe(1)
    for _ in range(max_depth):
        if frame is None:
            return
        code = frame.f_code
        if code.co_name == name and code.co_filename.endswith(filename):
            raise TypeError(
                "cross_val_predict cannot be used with ContextWindowTransformer: it "
                "returns one prediction per name, but the pipeline predicts one row "
                "per window (len(name) + 1 per name). Use cross_val_score or "
                "cross_validate with the scorers of sknextchar.metrics, or fit on "
                "each fold and call predict_proba yourself."
            )
        frame = frame.f_back
