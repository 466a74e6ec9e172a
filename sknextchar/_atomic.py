"""All or nothing: a fit that fails leaves the estimator exactly as it was.

:func:`all_or_nothing` wraps a ``fit``, ``partial_fit`` or ``fit_transform``: it
records the estimator's attributes before the call and, if the call raises
(any exception, KeyboardInterrupt and MemoryError included), puts them back and
removes the attributes the call added. Callbacks of scikit-learn's callback API
are runtime hooks, not state, and are left alone.
"""

import copy
import functools

from ._hooks import CALLBACK_ATTRIBUTES
from ._windows import CharWindows

__all__ = ["all_or_nothing", "report_fit", "reports_fit"]


def _snapshot(estimator, deep):
    params = set(estimator.get_params(deep=False))
    state = {k: v for k, v in vars(estimator).items() if k not in CALLBACK_ATTRIBUTES}
    if deep:  # one deepcopy keeps references shared between attributes shared
        learned = copy.deepcopy({k: v for k, v in state.items() if k not in params})
        state.update(learned)
    return state


def _restore(estimator, state):
    for name in [
        k for k in vars(estimator) if k not in CALLBACK_ATTRIBUTES and k not in state
    ]:
        delattr(estimator, name)
    vars(estimator).update(state)


def report_fit(X, *, succeeded):
    """Tell the transformer behind windows whether a model fit on them.

    Does nothing unless ``X`` is a :class:`~sknextchar.CharWindows` (see
    :meth:`~sknextchar.CharWindows.report_fit`).

    Parameters
    ----------
    X : object
        The training input of a model's fit.
    succeeded : bool
        Whether the fit completed.

    Examples
    --------
    >>> report_fit([[0, 1]], succeeded=False)  # not windows: nothing to tell
    """
    if isinstance(X, CharWindows):
        X.report_fit(succeeded)


def reports_fit(method):
    """Decorate a model's fitting method: its windows hear whether it completed.

    Parameter validation included, so place it outermost. See :func:`report_fit`.

    Parameters
    ----------
    method : callable
        ``fit`` or ``partial_fit`` of a model, taking the training input first.

    Returns
    -------
    wrapper : callable

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> class Failing:
    ...     @reports_fit
    ...     def fit(self, X):
    ...         raise ArithmeticError("diverged")
    >>> transformer = ContextWindowTransformer()
    >>> try:
    ...     Failing().fit(transformer.fit_transform(["abid"]))
    ... except ArithmeticError:
    ...     pass
    >>> transformer.encode(["abid"])
    Traceback (most recent call last):
    ...
    ValueError: The pipeline's steps disagree: ...
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        X = args[0] if args else kwargs.get("X")
        try:
            result = method(self, *args, **kwargs)
        except BaseException:
            report_fit(X, succeeded=False)
            raise
        report_fit(X, succeeded=True)
        return result

    return wrapper


def all_or_nothing(method=None, *, deep=False):
    """Decorate a fitting method so that a failure leaves the estimator unchanged.

    Parameters
    ----------
    method : callable or None
        The method (``@all_or_nothing``), or None (``@all_or_nothing(deep=True)``).
    deep : bool, default=False
        Record deep copies of the fitted attributes: for methods that change
        them in place. The default records references, enough for methods that
        only assign new values.

    Returns
    -------
    wrapper : callable

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> class Model(BaseEstimator):
    ...     @all_or_nothing
    ...     def fit(self, X):
    ...         self.seen_ = X
    ...         self.size_ = len(X) // X.count("a")  # fails without an "a"
    ...         return self
    >>> model = Model().fit(["a", "b"])
    >>> try:
    ...     model.fit(["b"])
    ... except ZeroDivisionError:
    ...     pass
    >>> model.seen_, model.size_
    (['a', 'b'], 2)
    """
    if method is None:
        return functools.partial(all_or_nothing, deep=deep)

    @functools.wraps(method)
    @reports_fit
    def wrapper(self, *args, **kwargs):
        saved = _snapshot(self, deep)
        try:
            return method(self, *args, **kwargs)
        except BaseException:
            _restore(self, saved)
            raise

    return wrapper
