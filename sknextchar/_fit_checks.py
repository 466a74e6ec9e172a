"""A part's fit checked before a composite model draws anything.

A :class:`~sknextchar.MixtureClassifier` fits its members one after the other,
and a :class:`~sknextchar.PerLabelClassifier` a model per label: a member with
``random_state=None`` draws from NumPy's global generator when it is fitted, so
a later member refused for its parameters or its data would leave a refused fit
that drew. Drawn numbers cannot be given back to the global generator (another
thread may have drawn since), so the composite checks every part first:
:func:`check_fit_before_drawing` runs on an unfitted clone what the part's
``fit`` checks before its first draw (its parameters and those of the
estimators among them, inside the package's composites only, as
scikit-learn's ``fit`` validates them, and for the
package's models that declare it, their ``_check_fit_input``: the data, the
memory of its weights, its early-stopping split, each label's or member's
model), and draws nothing.

The parts are known by their methods only: this module imports none of them.
"""

from sklearn import get_config
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator

__all__ = ["check_fit_before_drawing"]


def check_fit_before_drawing(estimator, X=None, y=None, sample_weight=None):
    """Raise what ``estimator.fit(X, y, sample_weight)`` would before drawing.

    Parameters
    ----------
    estimator : estimator
        The part, fitted or not: an unfitted clone is checked (``estimator``
        is not changed).
    X : CharWindows, array-like or None, default=None
        The data it is to be fitted on; None checks its parameters only.
    y : array-like or None, default=None
        Its labels, as ``fit`` takes them.
    sample_weight : array-like or None, default=None
        Its weights, as ``fit`` takes them.

    Raises
    ------
    ValueError or TypeError
        What the part's ``fit`` raises for its parameters or those of the
        estimators among them (scikit-learn's ``InvalidParameterError``), or,
        with ``X``, for that data.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit_transform(["ana", "bob"])
    >>> check_fit_before_drawing(CharEmbeddingMLPClassifier(), windows)
    >>> check_fit_before_drawing(
    ...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(10**12,)), windows)
    Traceback (most recent call last):
    ...
    ValueError: embedding_dim=10, hidden_layer_sizes=(1000000000000,) makes ...
    """
    trial = clone(estimator)
    for part in _parts(trial):  # as their fits would, at any depth
        _validate_params(part)
    check_input = getattr(trial, "_check_fit_input", None)
    if X is not None and check_input is not None:
        check_input(X, y, sample_weight)


def _parts(estimator):
    """``estimator`` and the estimators among its parameters, at any depth
    (those in lists of (name, estimator) steps too), inside the package's
    composites only (those that declare ``_check_fit_input``), which fit
    them as given: not inside a ``FrozenEstimator``, whose ``fit`` fits
    nothing, nor a user's estimator, whose ``fit`` may set the parameters of
    one it is given (a template) before fitting it."""
    yield estimator
    if isinstance(estimator, FrozenEstimator) or not hasattr(
        estimator, "_check_fit_input"
    ):
        return
    for value in estimator.get_params(deep=False).values():
        steps = value if isinstance(value, (list, tuple)) else [(None, value)]
        for step in steps:
            if isinstance(step, tuple) and len(step) >= 2 and _is_estimator(step[1]):
                yield from _parts(step[1])


def _is_estimator(value):
    return hasattr(value, "get_params") and not isinstance(value, type)


def _validate_params(part):
    """Validate ``part``'s parameters as scikit-learn's ``fit`` would: only
    a class that declares constraints (a user's estimator may not), and not
    under ``config_context(skip_parameter_validation=True)``."""
    declared = getattr(type(part), "_parameter_constraints", None) is not None
    validate = getattr(part, "_validate_params", None)
    if (
        declared
        and validate is not None
        and not get_config()["skip_parameter_validation"]
    ):
        validate()
