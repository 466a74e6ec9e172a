"""All or nothing: a fit that fails leaves the estimator exactly as it was.

:func:`all_or_nothing` wraps a ``fit``, ``partial_fit`` or ``fit_transform``: it
records the estimator's attributes before the call and, if the call raises
(any exception, KeyboardInterrupt and MemoryError included), puts them back and
removes the attributes the call added. Callbacks of scikit-learn's callback API
are runtime hooks, not state, and are left alone.

:class:`Rollback` does the same for the embedding MLP's training calls with a
narrower meaning of the state (:func:`fitted_state`: the attributes whose names
end in ``_``, and the private names the caller gives).

:class:`FitLink` and :func:`reports_fit` extend the promise to a Pipeline: the
windows a Pipeline's ``fit_transform`` made put the transformer back when the
model's fit on them fails, until a model's fit on them has completed.
"""

import contextlib
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
    "link_to_fit",
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
    """Keeps a transformer in step with the model a meta-estimator fits on its windows.

    A Pipeline's ``fit`` refits the transformer, then the model on the windows.
    When the model's fit fails (an error, a KeyboardInterrupt, a callback that
    raises), the model puts its own attributes back, and the link puts back the
    transformer's: the whole pipeline is as it was before the call. Only the
    outermost model's fit reports (a member of a mixture or a label's model
    fitted inside it does not): the transformer goes back once, if that fit
    fails. Once a model's fit on the windows has completed, the transformer
    keeps its new fit: a later failure on the same windows changes nothing. A
    later fit that succeeds brings the new fit back after a failure. Nothing
    happens when the transformer was fitted again in between (its ``token``
    attribute differs).

    Parameters
    ----------
    transformer : BaseEstimator
        The transformer whose ``fit_transform`` made the windows.
    before, after : dict
        Its :func:`learned_state` before and after that call.
    token : str, default="_later_step_failed"
        The attribute, a new object at each fit, that tells the fits apart.

    Attributes
    ----------
    kept : bool
        Whether a model's fit on the windows has completed.
    depth : int
        How many model fits on the windows are running, one inside the other.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(alphabet="auto"),
    ...                      KneserNeyClassifier()).fit(["abid"])
    >>> try:  # KneserNeyClassifier counts names: whole weights only
    ...     pipe.fit(["zoya"], kneserneyclassifier__sample_weight=[0.5])
    ... except ValueError:
    ...     pass
    >>> "".join(pipe[0].vocabulary_)  # the transformer was put back too
    '-abdi'
    """

    def __init__(self, transformer, before, after, token="_later_step_failed"):
        self.transformer = transformer
        self.before, self.after = before, after
        self.token = token
        self.kept = False
        self.depth = 0

    @contextlib.contextmanager
    def model_fit(self):
        """The fit of a model on the windows: the outermost one reports its end.

        Yields
        ------
        None
        """
        self.depth += 1
        try:
            yield
        except BaseException:
            self.depth -= 1
            if self.depth == 0:
                self.report(False)
            raise
        self.depth -= 1
        if self.depth == 0:
            self.report(True)

    def report(self, succeeded):
        """Put back the transformer's state before (failure) or after (success).

        A failure does nothing once a success was reported.

        Parameters
        ----------
        succeeded : bool
            Whether a model's fit on the windows completed.
        """
        if not succeeded and self.kept:
            return  # a model was fitted on this fit of the transformer: keep it
        self.kept = self.kept or succeeded
        current = vars(self.transformer).get(self.token)
        source, target = (
            (self.before, self.after) if succeeded else (self.after, self.before)
        )
        if current is source.get(self.token):
            _put_learned(self.transformer, target)


def link_to_fit(transformer, before):
    """The :class:`FitLink` of a ``fit_transform`` a meta-estimator called, or None.

    A Pipeline (any meta-estimator of scikit-learn's callback API) marks the
    step it fits with a parent callback context. Windows the user made with the
    transformer's own ``fit_transform`` are not linked: no model's failure on
    them changes the user's transformer, as with ``fit(X).transform(X)``.

    Parameters
    ----------
    transformer : BaseEstimator
        The transformer, just fitted by ``fit_transform``.
    before : dict
        Its :func:`learned_state` before that call.

    Returns
    -------
    link : FitLink or None

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> transformer = ContextWindowTransformer().fit(["abid"])
    >>> link_to_fit(transformer, {}) is None  # fitted by the user: no link
    True
    """
    if not hasattr(transformer, "_parent_callback_ctx"):
        return None
    return FitLink(transformer, before, learned_state(transformer))


def reports_fit(method):
    """Decorate a model's fitting method: its windows hear whether it completed.

    When a meta-estimator (a Pipeline) made the windows with the transformer's
    ``fit_transform``, the first model fit on them that fails puts that
    transformer back (:class:`FitLink`); fits nested in another fit on the same
    windows (a mixture's members) leave the report to the outermost one.

    Parameter validation included, so place it outermost.

    Parameters
    ----------
    method : callable
        ``fit`` or ``partial_fit`` of a model, taking the training input first.

    Returns
    -------
    wrapper : callable

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer
    >>> class Failing(BaseEstimator):
    ...     @reports_fit
    ...     def fit(self, X, y=None):
    ...         raise ArithmeticError("diverged")
    >>> pipe = make_pipeline(ContextWindowTransformer(), Failing())
    >>> try:
    ...     pipe.fit(["abid"])
    ... except ArithmeticError:
    ...     pass
    >>> hasattr(pipe[0], "vocabulary_")  # put back: unfitted, as before
    False
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        X = args[0] if args else kwargs.get("X")
        link = X.fit_link if isinstance(X, CharWindows) else None
        if link is None:
            return method(self, *args, **kwargs)
        with link.model_fit():
            return method(self, *args, **kwargs)

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
