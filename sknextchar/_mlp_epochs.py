"""The epochs of one training call of the embedding MLP.

:class:`~sknextchar.CharEmbeddingMLPClassifier` checks its data and parameters,
packs its parameters into a workspace and reports the call to the callbacks;
this module runs what follows: the trainer of the call (Adam's steps carried
over or started anew, the divergence guard, the parameter average), the loop
over the epochs (each a callback subtask, with the validation score of early
stopping, the records of :mod:`sknextchar._epoch_records` and the verbose
lines) and the end of a ``fit`` (why it stopped, the convergence warning, the
best epoch's weights restored), and the callback subtask of each
discriminative epoch that follows a ``fit``.
"""

import time
import warnings

from sklearn.exceptions import ConvergenceWarning

from ._epoch_records import (
    convergence_message,
    first_epoch_message,
    patience_of,
    progress_line,
    record_epoch,
    stop_reason,
)
from ._stacklevel import user_stacklevel
from ._step_words import enclosing_step, spelled_in_pipeline
from .nn.adam import AdamOptimizer
from .nn.training import (
    BestEpoch,
    DivergenceGuard,
    MinibatchTrainer,
    ParameterAverage,
    validation_score,
)

__all__ = [
    "CALLBACK_STOP",
    "DISCRIMINATIVE_EPOCH_TASK",
    "VALIDATION_CHUNK",
    "end_fit",
    "fit_epochs",
    "mlp_trainer",
    "task_starter",
]

# Rows per forward pass of the validation score: bounds the memory of scoring a
# large hold-out to a few MB of activations.
VALIDATION_CHUNK = 4096
# Why training stopped when a callback's on_fit_task_end returned True.
CALLBACK_STOP = "a callback asked to stop"
# The callback task of each discriminative epoch (an epoch of fit is "epoch").
DISCRIMINATIVE_EPOCH_TASK = "discriminative epoch"


def mlp_trainer(estimator, ws, n_windows, hidden_layer_sizes, optimizer=None):
    """The trainer of one training call on the workspace ``ws`` (the packed
    parameters): the optimizer's steps, the divergence guard, the average.

    ``fit`` starts a new optimizer (``optimizer=None``), as MLPClassifier does;
    ``partial_fit`` passes the estimator's, whose state it carries over (its
    settings adapted to the estimator's parameters). The estimator keeps
    ``trainer.optimizer`` for its next call. ``hidden_layer_sizes`` are the
    estimator's hidden layers, as it resolves them.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> from sknextchar.nn.training import ParameterWorkspace
    >>> ws = ParameterWorkspace(np.full((3, 2), 0.1), [np.full((4, 3), 0.1)],
    ...                         [np.zeros(3)], np.float64)  # no hidden layer
    >>> clf = CharEmbeddingMLPClassifier(batch_size=4)
    >>> clf.classes_ = np.arange(3)
    >>> trainer = mlp_trainer(clf, ws, 6, ())
    >>> type(trainer.optimizer).__name__, trainer.average is None
    ('AdamOptimizer', True)
    >>> mlp_trainer(clf, ws, 6, (), trainer.optimizer).optimizer is trainer.optimizer
    True
    """
    settings = dict(
        learning_rate_init=estimator.learning_rate_init,
        beta_1=estimator.beta_1,
        beta_2=estimator.beta_2,
        epsilon=estimator.epsilon,
        schedule=estimator.learning_rate,
        n_epochs=estimator.max_iter,
    )
    if optimizer is None:
        optimizer = AdamOptimizer([ws.flat], **settings)
    else:
        optimizer.adapt([ws.flat], **settings)
    guard = DivergenceGuard.for_start(
        len(estimator.classes_),
        estimator.alpha,
        min(estimator.batch_size, n_windows),
        [ws.weights],
    )
    return MinibatchTrainer(
        ws,
        optimizer,
        activation=estimator.activation,
        alpha=estimator.alpha,
        batch_size=estimator.batch_size,
        shuffle=estimator.shuffle,
        dropout=estimator.dropout,
        hidden_layer_sizes=hidden_layer_sizes,
        guard=guard,
        average=None
        if estimator.average is None
        else ParameterAverage(ws.flat, estimator.average),
    )


def fit_epochs(estimator, trainer, train, val, rng, ctx, schedule, hooks, out):
    """The epoch loop of ``estimator``'s training call.

    Each epoch is a subtask of the callback context ``ctx``: one pass of
    ``trainer`` over the training windows, the validation score under early
    stopping, the estimator's records brought up to date
    (:func:`~sknextchar._epoch_records.record_epoch`) and, when ``verbose``,
    a line on ``out``.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
        Its records (``loss_curve_``, ``n_iter_``...) are updated.
    trainer : MinibatchTrainer
        The trainer of the call (:func:`mlp_trainer`).
    train : tuple of (ndarray, ndarray, ndarray or None)
        The training windows' contexts, targets and weights (None: equal).
    val : tuple of (ndarray, ndarray, ndarray or None) or None
        The held-out windows of early stopping, alike; None without it.
    rng : numpy.random.RandomState
        Shuffles the windows and draws the dropout masks.
    ctx : callback context
        The context of the call; each epoch is a subcontext ``"epoch"``.
    schedule : iterable of int
        The epochs' places on the learning-rate schedule, one per epoch.
    hooks : dict
        The keyword arguments of the callbacks' ``on_fit_task_*`` calls.
    out : ProgressOutput
        Where the verbose lines go.

    Returns
    -------
    best : BestEpoch or None
        The weights of the best validation epoch; None without early stopping.
    reason : str or None
        Why the loop stopped early: None when it ran every epoch of
        ``schedule``, :data:`CALLBACK_STOP` when a callback asked to stop, else
        why patience ran out (:func:`~sknextchar._epoch_records.stop_reason`).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> from sknextchar.nn.training import ParameterWorkspace
    >>> ws = ParameterWorkspace(np.full((3, 2), 0.1), [np.full((4, 3), 0.1)],
    ...                         [np.zeros(3)], np.float64)
    >>> clf = CharEmbeddingMLPClassifier(batch_size=4, max_iter=3)
    >>> clf.classes_ = np.arange(3)
    >>> clf.loss_curve_, clf.t_, clf.best_loss_ = [], 0, np.inf
    >>> clf._no_improvement_count = 0
    >>> ctx = SimpleNamespace(subcontext=lambda task_name: ctx,
    ...                       call_on_fit_task_begin=lambda **hooks: None,
    ...                       call_on_fit_task_end=lambda **hooks: False)
    >>> X = np.array([[0, 1], [1, 2], [2, 0], [0, 0], [1, 1], [2, 2]])
    >>> y = np.array([1, 2, 0, 0, 1, 2])
    >>> trainer = mlp_trainer(clf, ws, len(y), ())
    >>> fit_epochs(clf, trainer, (X, y, None), None, np.random.RandomState(0),
    ...            ctx, range(3), {}, None)
    (None, None)
    >>> clf.n_iter_, clf.t_, len(clf.loss_curve_)
    (3, 18, 3)
    """
    patience = patience_of(estimator)
    best = BestEpoch(trainer, len(estimator.loss_curve_)) if val is not None else None
    estimator.n_iter_ = 0
    for schedule_epoch in schedule:
        epoch_ctx = ctx.subcontext(task_name="epoch")
        epoch_ctx.call_on_fit_task_begin(**hooks)
        learning_rate = trainer.optimizer.set_epoch(schedule_epoch)
        start = time.perf_counter()
        epoch_loss = trainer.run_epoch(
            train[0], train[1], rng, estimator.n_iter_ + 1, sample_weight=train[2]
        )
        score = None
        if val is not None:
            score = validation_score(
                trainer.workspace, val[0], val[1], estimator.activation,
                VALIDATION_CHUNK, sample_weight=val[2],
            )  # fmt: skip
            trainer.guard.check_score(score, estimator.n_iter_ + 1)
        n_windows = len(train[1])
        is_best, stop = record_epoch(estimator, epoch_loss, score, n_windows, patience)
        if is_best and val is not None:
            best = BestEpoch(trainer, len(estimator.loss_curve_))
        if estimator.verbose:
            seconds = time.perf_counter() - start
            out.line(progress_line(estimator, learning_rate, seconds))
        if epoch_ctx.call_on_fit_task_end(**hooks):
            return best, CALLBACK_STOP
        if stop:
            return best, stop_reason(estimator)
    return best, None


def end_fit(estimator, trainer, best, reason, out):
    """Report why ``estimator``'s ``fit`` stopped (on ``out``, a
    ProgressOutput), warn when it did not converge, and restore the best
    validation epoch.

    ``trainer``, ``best`` and ``reason`` are those of :func:`fit_epochs`.
    A run that reached ``max_iter`` with a constant step size and no average
    did not converge: the ConvergenceWarning points at the user's line.

    Examples
    --------
    >>> import warnings
    >>> from types import SimpleNamespace
    >>> clf = SimpleNamespace(verbose=0, learning_rate="constant", average=None,
    ...                       early_stopping=False, max_iter=3, tol=1e-4)
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     end_fit(clf, None, None, None, None)
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    Stopped after max_iter=3 epochs before the training loss stopped improving
    by tol=0.0001; increase max_iter to train longer.
    """
    if reason and estimator.verbose:
        out.line(f"Stopping: {reason}.")
    # A cosine schedule is planned to end at max_iter, with the step size
    # annealed to 1%, and an averaged run ends with its average: reaching it
    # is the end of the run, not a failure.
    if (
        reason is None
        and estimator.learning_rate == "constant"
        and not estimator.average
    ):
        warnings.warn(
            convergence_message(estimator),
            ConvergenceWarning,
            stacklevel=user_stacklevel(),
        )
    if best is not None:  # the weights and Adam state of the best epoch
        best.restore(trainer, estimator)
    message = None if reason == CALLBACK_STOP else first_epoch_message(estimator)
    if message is not None:  # in a Pipeline, as it sets the parameter
        step = enclosing_step(estimator)
        spelled = (
            message if step is None else spelled_in_pipeline(message, estimator, step)
        )
        warnings.warn(spelled, UserWarning, stacklevel=user_stacklevel())


def task_starter(ctx, hooks):
    """A function that reports the start of a subtask of ``ctx`` to the callbacks.

    It returns the function that reports the subtask's end, which returns True
    when a callback asks to stop.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> tasks = []
    >>> ctx = SimpleNamespace(
    ...     subcontext=lambda task_name: tasks.append(task_name) or ctx,
    ...     call_on_fit_task_begin=lambda **hooks: None,
    ...     call_on_fit_task_end=lambda **hooks: False)
    >>> end = task_starter(ctx, {})()  # a discriminative epoch starts
    >>> end(), tasks
    (False, ['discriminative epoch'])
    """

    def start():
        task = ctx.subcontext(task_name=DISCRIMINATIVE_EPOCH_TASK)
        task.call_on_fit_task_begin(**hooks)
        return lambda: task.call_on_fit_task_end(**hooks)

    return start
