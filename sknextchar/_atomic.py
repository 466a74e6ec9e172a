"""All or nothing: a fit that fails leaves the estimator exactly as it was.

:func:`all_or_nothing` wraps a ``fit``, ``partial_fit`` or ``fit_transform``: it
records the estimator's attributes before the call and, if the call raises
(any exception, KeyboardInterrupt and MemoryError included), puts them back and
removes the attributes the call added. Callbacks of scikit-learn's callback API
are runtime hooks, not state, and are left alone.

:class:`Rollback` does the same for the embedding MLP's training calls with a
narrower meaning of the state (:func:`fitted_state`: the attributes whose names
end in ``_``, and the private names the caller gives).
"""

import copy
import functools

from ._hooks import CALLBACK_ATTRIBUTES
from ._windows import CharWindows

__all__ = [
    "FitLink",
    "Rollback",
    "all_or_nothing",
    "fitted_state",
    "learned_state",
    "report_fit",
    "reports_fit",
]


def _snapshot(estimator, deep):
    state = {k: v for k, v in vars(estimator).items() if k not in CALLBACK_ATTRIBUTES}
    if deep:  # one deepcopy keeps references shared between attributes shared
        state.update(copy.deepcopy(learned_state(estimator)))
    return state


def _restore(estimator, state):
    for name in [
        k for k in vars(estimator) if k not in CALLBACK_ATTRIBUTES and k not in state
    ]:
        delattr(estimator, name)
    vars(estimator).update(state)


def learned_state(estimator):
    """The attributes a fit sets: every attribute but parameters and callbacks.

    Parameters
    ----------
    estimator : BaseEstimator

    Returns
    -------
    state : dict
        Attribute name to value (references, not copies).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> learned_state(ContextWindowTransformer())
    {}
    >>> "vocabulary_" in learned_state(ContextWindowTransformer().fit(["abid"]))
    True
    """
    params = set(estimator.get_params(deep=False))
    return {
        k: v
        for k, v in vars(estimator).items()
        if k not in params and k not in CALLBACK_ATTRIBUTES
    }


def _put_learned(estimator, state):
    for name in learned_state(estimator):
        delattr(estimator, name)
    vars(estimator).update(state)


def _is_fitted_state(name, training_state):
    public_fitted = name.endswith("_") and not name.startswith("_")
    return public_fitted or name in training_state


def fitted_state(estimator, training_state=()):
    """A deep copy of an estimator's fitted state.

    The fitted state is every attribute whose name ends with ``_`` (scikit-learn's
    convention for what ``fit`` learns) and the private ``training_state`` names;
    parameters, callbacks and anything else set on the estimator are not part of
    it. A copy does not change when training goes on.

    Parameters
    ----------
    estimator : object
    training_state : tuple of str, default=()
        Private attributes that are part of the fitted state.

    Returns
    -------
    state : dict
        Attribute name to a deep copy of its value.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> model = SimpleNamespace(alpha=0.1, coefs_=[1.0], _optimizer="adam")
    >>> fitted_state(model, ("_optimizer",))
    {'coefs_': [1.0], '_optimizer': 'adam'}
    """
    return copy.deepcopy(
        {
            name: value
            for name, value in vars(estimator).items()
            if _is_fitted_state(name, training_state)
        }
    )


class Rollback:
    """The fitted state of an estimator, recorded to be put back after a failure.

    Records :func:`fitted_state` (a copy: training changes some of it in place,
    such as the loss history and the optimizer's moments), and nothing else, so
    the callbacks and anything else set on the estimator stay as they are.

    Parameters
    ----------
    estimator : object
        The estimator about to be trained.
    training_state : tuple of str, default=()
        Private attributes that are part of the fitted state.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> model = SimpleNamespace(loss_curve_=[1.0], hook="kept")
    >>> rollback = Rollback(model)
    >>> model.loss_curve_.append(0.5); model.coefs_ = ["new"]; model.hook = "new"
    >>> rollback.restore(model)
    >>> model.loss_curve_, hasattr(model, "coefs_"), model.hook
    ([1.0], False, 'new')
    """

    def __init__(self, estimator, training_state=()):
        self.training_state = tuple(training_state)
        self.saved = fitted_state(estimator, self.training_state)

    def restore(self, estimator):
        """Put the recorded fitted state back, removing what the call added.

        Parameters
        ----------
        estimator : object
            The estimator the state was recorded from.
        """
        added = [k for k in vars(estimator) if _is_fitted_state(k, self.training_state)]
        for name in added:
            delattr(estimator, name)
        vars(estimator).update(self.saved)


class FitLink:
    """Keeps a transformer in step with the model fitted on its windows.

    A Pipeline's ``fit`` refits the transformer, then the model on the windows.
    When the model's fit fails (an error, a KeyboardInterrupt, a callback that
    raises), the model puts its own attributes back, and the link puts back the
    transformer's: the whole pipeline is as it was before the call. A later fit
    that succeeds on the same windows brings the transformer's new fit back, so
    that it agrees with that model. Nothing happens when the transformer was
    fitted again in between (its ``token`` attribute differs).

    Parameters
    ----------
    transformer : BaseEstimator
        The transformer whose ``fit_transform`` made the windows.
    before, after : dict
        Its :func:`learned_state` before and after that call.
    token : str, default="_later_step_failed"
        The attribute, a new object at each fit, that tells the fits apart.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> transformer = ContextWindowTransformer().fit(["abid"])
    >>> windows = transformer.fit_transform(["zoya"])
    >>> try:
    ...     CharEmbeddingMLPClassifier(learning_rate_init=-1.0).fit(windows)
    ... except ValueError:
    ...     pass
    >>> transformer.vocabulary_ == ContextWindowTransformer().fit(["abid"]).vocabulary_
    True
    """

    def __init__(self, transformer, before, after, token="_later_step_failed"):
        self.transformer = transformer
        self.before, self.after = before, after
        self.token = token

    def report(self, succeeded):
        """Put back the transformer's state before (failure) or after (success).

        Parameters
        ----------
        succeeded : bool
            Whether a model's fit on the windows completed.
        """
        current = vars(self.transformer).get(self.token)
        source, target = (
            (self.before, self.after) if succeeded else (self.after, self.before)
        )
        if current is source.get(self.token):
            _put_learned(self.transformer, target)


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

    A failure puts the transformer that made the windows back (:class:`FitLink`).

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
    >>> hasattr(transformer, "vocabulary_")  # put back: unfitted, as before
    False
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
