"""scikit-learn's callbacks (``sklearn.callback``) through the package's
meta-estimators, :class:`~sknextchar.NameSampler` and
:class:`~sknextchar.NameLabelClassifier` (and through
:class:`~sknextchar.PerLabelClassifier` to each label's model).

They do what scikit-learn's own meta-estimators (a Pipeline, a search) do: the
meta-estimator's ``fit`` is a task (``task_name="fit"``) with one subtask per
pipeline it fits (``"fit-estimator"``: one, or one per calibration fold and
pipeline), and the auto-propagated callbacks set on the meta-estimator, or
propagated to it by a search, reach the pipeline fitted in that subtask (and
from there its classifier's epochs). Two cases keep what worked before:

- a :class:`~sklearn.frozen.FrozenEstimator` is not fitted, so nothing is
  propagated to it (it has no callbacks to take);
- callbacks set on the pipeline inside a meta-estimator that has none of its
  own run there, as the root of their own task tree (scikit-learn refuses
  them in a meta-estimator that has callbacks too: set them on one of the two).

A warning that the fits of one pipeline would each give (a Checkpoint that
saves nothing, once per calibration fold) is given once per fit of the
meta-estimator (:func:`first_telling`).
"""

from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from functools import partial

from sklearn.base import clone
from sklearn.callback import AutoPropagatedCallback
from sklearn.frozen import FrozenEstimator

__all__ = [
    "PASSED_ON_BY",
    "check_one_place",
    "first_telling",
    "fit_in_subtask",
    "meta_fit_task",
]

#: The estimators whose callbacks reach a PerLabelClassifier in them (as a
#: step of a pipeline), as the messages list them.
PASSED_ON_BY = "the Pipeline, NameSampler, NameLabelClassifier or search around it"

#: The warnings told so far in the fit of a meta-estimator (see
#: :func:`first_telling`); None outside one.
_TOLD = ContextVar("sknextchar_told_in_fit", default=None)


@contextmanager
def meta_fit_task(meta, X, y=None, *, fit, n_fits=1):
    """The callback task of a meta-estimator's ``fit``, begun and ended.

    Call it inside a ``fit`` decorated by scikit-learn's ``_fit_context`` (or
    ``with_callbacks``), which tears the callbacks down.

    Parameters
    ----------
    meta : estimator with :class:`~sklearn.callback.CallbackSupportMixin`
        The meta-estimator being fitted.
    X, y : array-like
        Its training data, given to the callbacks.
    fit : callable
        ``fit(estimator, X, y, sample_weight)`` fits ``estimator`` and returns
        it (``fit_weighted`` of :mod:`sknextchar._pipeline`).
    n_fits : int or None, default=1
        How many estimators it fits (its subtasks); None if not known ahead.

    Yields
    ------
    fit_one : callable
        ``fit_one(estimator, X, y=None, sample_weight=None)`` fits a clone of
        ``estimator`` with ``fit`` in a subtask of the task
        (:func:`fit_in_subtask`) and returns it.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> from sknextchar import NameSampler
    >>> def fit(estimator, X, y, sample_weight):
    ...     return estimator.fit(X, y)
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> with meta_fit_task(NameSampler(pipe), ["asha"], fit=fit) as fit_one:
    ...     fitted = fit_one(pipe, ["asha"])
    >>> fitted is pipe, fitted[0].vocabulary_[:4]
    (False, ('-', 'a', 'b', 'c'))
    """
    ctx = meta._init_callback_context(max_subtasks=n_fits)
    # The warnings of the fits in it are told once (first_telling); a meta
    # fit inside another's (a pipeline of the folds) tells in the outer one's.
    token = _TOLD.set(set()) if _TOLD.get() is None else None
    try:
        ctx.call_on_fit_task_begin(estimator=meta, X=X, y=y)
        yield partial(fit_in_subtask, ctx, meta, fit)
        ctx.call_on_fit_task_end(estimator=meta, X=X, y=y)
    finally:
        if token is not None:
            _TOLD.reset(token)


def first_telling(message):
    """Whether to give the warning ``message`` now: always outside the fit of
    a meta-estimator (:func:`meta_fit_task`), the first time only in one.

    A meta-estimator fits its pipeline several times in one ``fit`` (one per
    calibration fold, and once more on all the names), each fit a fresh clone
    whose Checkpoints would warn again the same words: one fit, one warning.

    Parameters
    ----------
    message : str
        The warning's text.

    Returns
    -------
    tell : bool

    Examples
    --------
    >>> first_telling("saves nothing"), first_telling("saves nothing")
    (True, True)
    """
    told = _TOLD.get()
    if told is None:
        return True
    if message in told:
        return False
    told.add(message)
    return True


def fit_in_subtask(ctx, meta, fit, estimator, X, y=None, sample_weight=None):
    """``fit(clone(estimator), X, y, sample_weight)`` as a subtask.

    The subtask ``"fit-estimator"`` of ``ctx``; the auto-propagated callbacks
    of ``meta`` reach the clone during its fit (see the module's notes for
    when they are not propagated).

    Parameters
    ----------
    ctx : CallbackContext
        The task of ``meta``'s fit.
    meta : estimator
        The meta-estimator that fits ``estimator``.
    fit : callable
        ``fit(estimator, X, y, sample_weight)``, as :func:`meta_fit_task`
        takes it.
    estimator : estimator
        The pipeline to clone and fit.
    X, y, sample_weight
        What ``fit`` takes.

    Returns
    -------
    fitted : estimator
        The fitted clone.
    """
    fitted = clone(estimator)
    subtask = ctx.subcontext(task_name="fit-estimator")
    with _propagated(subtask, meta, fitted):
        subtask.call_on_fit_task_begin(estimator=meta, X=X, y=y)
        fitted = fit(fitted, X, y, sample_weight)
        subtask.call_on_fit_task_end(estimator=meta, X=X, y=y)
    return fitted


def check_one_place(meta, estimator, where):
    """Refuse, before any fit, auto-propagated callbacks set on ``estimator``
    when ``meta`` has callbacks too (set on it or passed on to it), which
    :func:`fit_in_subtask` would pass on to ``estimator``'s clone: scikit-learn
    refuses them there, in words of its own, when the clone is fitted.

    Parameters
    ----------
    meta : estimator
        The meta-estimator that fits clones of ``estimator``.
    estimator : estimator
        Its parameter.
    where : str
        How the message names ``estimator`` ("PerLabelClassifier's estimator").
    """
    own = [
        type(callback).__name__
        for callback in getattr(estimator, "_skl_callbacks", None) or ()
        if isinstance(callback, AutoPropagatedCallback)
    ]
    if own and getattr(meta, "_skl_callbacks", None) is not None:
        raise ValueError(
            f"{where} has callbacks of its own ({', '.join(own)}), and the "
            f"{type(meta).__name__} has callbacks too (set on it, or passed on by "
            f"{PASSED_ON_BY}), which would reach {where}: scikit-learn takes them "
            f"in one place only. Remove them from {where} (set_callbacks()), or "
            "from the estimator you set the others on."
        )


def _propagated(subtask, meta, estimator):
    """Propagate ``meta``'s callbacks to ``estimator`` for its fit, or not."""
    if isinstance(estimator, FrozenEstimator):
        return nullcontext()  # not fitted: nothing to watch
    own = getattr(estimator, "_skl_callbacks", [])
    if getattr(meta, "_skl_callbacks", None) is None and any(
        isinstance(callback, AutoPropagatedCallback) for callback in own
    ):
        return nullcontext()  # set on the pipeline: they run there, as before
    return subtask.propagate_callback_context(estimator)
