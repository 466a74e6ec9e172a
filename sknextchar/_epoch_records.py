"""The records of an embedding MLP's epochs: early stopping, patience, progress.

:class:`~sknextchar.CharEmbeddingMLPClassifier` keeps, besides its weights, the
records of its training run (``loss_curve_``, ``best_loss_``,
``validation_scores_``, ``best_validation_score_``, the patience count
``_no_improvement_count``). This module holds what reads and updates them: the
hold-out of early stopping, the patience counter of a call, the update after an
epoch, and the words of the verbose lines, of the stop, of the convergence
warning and of the advice when training diverges. The epochs are run by
:mod:`sknextchar._mlp_epochs`, which calls these.
"""

import contextlib
import inspect

import numpy as np

from ._holdout import check_hold_out, same_name_groups, validation_split
from ._training_record import fold_map
from .nn.training import Patience, drop_later_epochs

# An L2 penalty above this, for windows of a mean weight of 1, is named as the
# cause when training diverges (the step size otherwise).
HUGE_ALPHA = 1.0

# What a hold-out too small for the names of a weight above 0 adds.
WEIGHT_0_HELD_OUT = (
    "(Names or rows of sample_weight 0 are left out before the hold-out is "
    "drawn, so they do not count.)"
)

__all__ = [
    "case_fold",
    "check_early_stopping_split",
    "convergence_message",
    "divergence_advice",
    "first_epoch_message",
    "parameter_default",
    "patience_of",
    "penalty_for",
    "progress_line",
    "record_epoch",
    "split_for_early_stopping",
    "start_records",
    "stop_reason",
    "weight_0_noted",
    "weight_scale_advice",
]


def start_records(estimator, *, new_run):
    """Set the records that early stopping or the patience counter compare to.

    A ``fit`` is a new run (the patience counter restarts); ``partial_fit``
    continues the count. Switching ``early_stopping`` between warm-started fits
    keeps the records that still apply, as MLPClassifier's names mean:
    ``best_loss_`` is None under early stopping, the validation records are None
    without it.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> clf = SimpleNamespace(early_stopping=False, loss_curve_=[3.0, 2.5],
    ...                       best_loss_=None, validation_scores_=[-2.6],
    ...                       best_validation_score_=-2.6, _no_improvement_count=4)
    >>> start_records(clf, new_run=True)
    >>> clf.best_loss_, clf.validation_scores_, clf._no_improvement_count
    (2.5, None, 0)
    """
    drop_later_epochs(estimator)  # go on from the epoch of the restored weights
    if new_run:
        estimator._no_improvement_count = 0
    if estimator.early_stopping:
        estimator.best_loss_ = None
        if estimator.validation_scores_ is None:
            estimator.validation_scores_ = []
            estimator.best_validation_score_ = -np.inf
    else:
        if estimator.best_loss_ is None:
            estimator.best_loss_ = min(estimator.loss_curve_, default=np.inf)
        estimator.validation_scores_ = None
        estimator.best_validation_score_ = None


def split_for_early_stopping(
    estimator, data, random_state, sample_weight=None, *, rescale=True
):
    """The training and, under early stopping, the validation windows.

    Returns ``((contexts, targets, weights), None)`` without early stopping;
    else the training rows and the held-out ones (whole names when
    ``data.groups`` says which name each window is from, every copy of a
    repeated name on the same side). Without
    ``sample_weight``, ``weights`` is None. With it, the windows of weight 0 are
    left out first (as if absent: they take no place in the hold-out either);
    the training windows' weights are divided by their mean, so that the
    expected loss of a batch is the weighted mean cross-entropy whatever the
    weights' scale (the held-out windows' weights too, for a weighted mean
    log-likelihood). ``rescale=False`` (``partial_fit``) keeps the weights as
    given: the caller scales the weights of all its calls alike.
    ``random_state`` draws the hold-out: the fit's
    :func:`~sknextchar._holdout.hold_out_seed`, drawn before its initial weights,
    so that the names held out do not depend on the architecture.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> data = SimpleNamespace(contexts=np.zeros((4, 2), int),
    ...                        targets=np.arange(4), groups=None)
    >>> train, val = split_for_early_stopping(
    ...     SimpleNamespace(early_stopping=False), data, np.random.RandomState(0))
    >>> train[1].tolist(), train[2], val
    ([0, 1, 2, 3], None, None)
    >>> train, val = split_for_early_stopping(
    ...     SimpleNamespace(early_stopping=False), data, np.random.RandomState(0),
    ...     np.array([3.0, 0.0, 1.0, 0.0]))
    >>> train[1].tolist(), train[2].tolist()
    ([0, 2], [1.5, 0.5])
    """
    contexts, targets, groups, sample_weight = _weighted_rows(data, sample_weight)
    if not estimator.early_stopping:
        if rescale:
            sample_weight = _mean_one(sample_weight)
        return (contexts, targets, sample_weight), None
    units = _units(estimator, contexts, targets, groups)
    held = _hold_out(
        estimator, contexts, targets, units, random_state, len(data.targets)
    )
    weights = (None, None) if sample_weight is None else (
        _mean_one(sample_weight[~held]), _mean_one(sample_weight[held]),
    )  # fmt: skip
    return (
        (contexts[~held], targets[~held], weights[0]),
        (contexts[held], targets[held], weights[1]),
    )


def case_fold(estimator, groups):
    """The case fold of a model's symbols for its hold-out of names: case
    variants of a name ("Asha", "asha") are one name to ``sample(novel=True)``
    (:func:`~sknextchar._training_record.fold_map`), so one unit. None for rows
    (``groups`` None) and for symbols without case."""
    classes = getattr(estimator, "classes_", None)
    if groups is None or classes is None:
        return None
    return fold_map(tuple(classes))


def check_early_stopping_split(estimator, data, sample_weight=None):
    """Raise if early stopping cannot hold out a validation set of ``data``.

    The checks of :func:`split_for_early_stopping` (a validation set too small,
    a label left without training names), without its draw: ``fit`` calls this
    before it draws anything from its ``random_state``, so that a fit refused
    for its data leaves that generator as it was. Nothing to check without
    early stopping.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> data = SimpleNamespace(contexts=np.zeros((4, 2), int),
    ...                        targets=np.arange(4), groups=np.array([0, 0, 1, 1]))
    >>> clf = SimpleNamespace(early_stopping=True, validation_fraction=0.5)
    >>> check_early_stopping_split(clf, data)  # one name held out, one trained on
    >>> check_early_stopping_split(clf, data, np.array([1.0, 1.0, 0.0, 0.0]))
    Traceback (most recent call last):
    ...
    ValueError: The validation set is too small: validation_fraction=0.5 of 1 \
distinct name leaves 0 for training. Use more data, or early_stopping=False. \
(Names or rows of sample_weight 0 are left out before the hold-out is drawn, so \
they do not count.)
    """
    if not estimator.early_stopping:
        return
    contexts, targets, groups, _ = _weighted_rows(data, sample_weight)
    units = _units(estimator, contexts, targets, groups)
    classes = getattr(estimator, "label_classes_", None)  # None: no labels
    strata = None if classes is None else contexts[:, -1]
    with _weight_0_said(len(targets) != len(data.targets)):
        check_hold_out(
            len(targets), units, estimator.validation_fraction, strata, classes
        )


def _weighted_rows(data, sample_weight):
    """``data``'s contexts, targets, groups and ``sample_weight`` without the
    rows of weight 0 (as if absent)."""
    contexts, targets, groups = data.contexts, data.targets, data.groups
    if sample_weight is not None and not (sample_weight > 0).all():
        kept = sample_weight > 0
        contexts, targets, sample_weight = (
            contexts[kept], targets[kept], sample_weight[kept],
        )  # fmt: skip
        groups = None if groups is None else groups[kept]
    return contexts, targets, groups, sample_weight


def _units(estimator, contexts, targets, groups):
    """The unit of the hold-out of each row: a repeated name is one unit, in
    any case (as novel=True compares them), and per label in a fit by label."""
    classes = getattr(estimator, "label_classes_", None)  # a fit by label
    strata = None if classes is None else contexts[:, -1]
    return same_name_groups(targets, groups, strata, case_fold(estimator, groups))


@contextlib.contextmanager
def _weight_0_said(left_out):
    """Say, in a hold-out's error raised inside, that rows of weight 0 were
    left out before it, when some were (``left_out``)."""
    try:
        yield
    except ValueError as error:
        if not left_out:
            raise
        raise ValueError(f"{error} {WEIGHT_0_HELD_OUT}") from None


def _hold_out(estimator, contexts, targets, groups, random_state, n_given):
    """:func:`validation_split`, per label in a fit by label (the last column
    of ``contexts``), whose message says when weights of 0 left rows out
    (``n_given`` rows before, ``len(targets)`` after)."""
    classes = getattr(estimator, "label_classes_", None)  # None: no labels
    strata = None if classes is None else contexts[:, -1]
    with _weight_0_said(len(targets) != n_given):
        return validation_split(
            len(targets), groups, estimator.validation_fraction, random_state,
            strata, classes,
        )  # fmt: skip


@contextlib.contextmanager
def weight_0_noted():
    """Say, in an error of the hold-out raised inside, that names of weight 0
    were left out before it (by the caller, when the model does not see them).

    Examples
    --------
    >>> with weight_0_noted():
    ...     raise ValueError("validation_fraction=0.5 of 1 name leaves 0.")
    Traceback (most recent call last):
    ...
    ValueError: validation_fraction=0.5 of 1 name leaves 0. (Names or rows of \
sample_weight 0 are left out before the hold-out is drawn, so they do not count.)
    """
    try:
        yield
    except ValueError as error:
        message = str(error)
        if (
            len(error.args) != 1
            or "validation_fraction" not in message
            or WEIGHT_0_HELD_OUT in message
        ):
            raise
        error.args = (f"{message} {WEIGHT_0_HELD_OUT}",)
        raise


def weight_scale_advice(weights):
    """What to change when ``partial_fit`` diverged on weights far from 1.

    ``partial_fit`` takes ``sample_weight`` as given, so weights scaled to sum
    to 1 (or in the billions) leave the L2 penalty of its loss far from the
    scale of the cross-entropy: not a step size that lowering
    ``learning_rate_init`` would mend. The advice gives the factor that brings
    these weights to a mean of 1. Returns None for weights of a mean between
    0.01 and 100 (or no weights).

    Examples
    --------
    >>> weight_scale_advice(np.array([1e-6, 0.0, 3e-6]))[:44]
    'partial_fit takes sample_weight as given and'
    >>> weight_scale_advice(np.array([1e-6, 0.0, 3e-6]))[-60:]
    'e.g. multiply them by 5e+05 (fit divides them by their mean)'
    >>> weight_scale_advice(np.array([0.5, 2.0])) is None
    True
    """
    if weights is None:
        return None
    mean = float(np.mean(weights[weights > 0]))
    if 0.01 <= mean <= 100:
        return None
    return (
        f"partial_fit takes sample_weight as given and these weigh {mean:.3g} "
        "per window on average: scale the weights of all your calls alike to a "
        f"mean of about 1, e.g. multiply them by {1 / mean:.3g} (fit divides "
        "them by their mean)"
    )


def divergence_advice(estimator, weights):
    """What to change when a training call of ``estimator`` diverged.

    Weights far from 1 get :func:`weight_scale_advice`. Otherwise the setting
    to lower is the step size ``learning_rate_init`` when it is above its
    default (a step too long diverges whatever the penalty), else ``alpha``
    when the L2 penalty outweighs the windows (``alpha`` over their mean
    weight above :data:`HUGE_ALPHA`), else ``learning_rate_init``; the advice
    offers a value below the one that failed: the default when it is lower,
    else a tenth.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
    weights : ndarray or None
        The windows' weights as the call used them (``partial_fit``'s); None
        for equal weights or ``fit``'s (scaled to a mean of 1).

    Returns
    -------
    advice : str
        The end of the message, after the cause ("; ..." or ", with ...").

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> divergence_advice(CharEmbeddingMLPClassifier(learning_rate_init=0.1), None)
    ', with learning_rate_init=0.1. Lower learning_rate_init (the default is 0.005).'
    >>> divergence_advice(CharEmbeddingMLPClassifier(), None)
    ', with learning_rate_init=0.005. Lower learning_rate_init, e.g. to 0.0005.'
    >>> divergence_advice(CharEmbeddingMLPClassifier(alpha=1.0), np.full(3, 0.02))[:72]
    ', with alpha=1.0 on windows that weigh 0.02 on average. Lower alpha (the'
    """
    advice = weight_scale_advice(weights)
    if advice:
        return f"; {advice}."
    mean = 1.0 if weights is None else float(np.mean(weights[weights > 0]))
    name = "learning_rate_init"
    step_kept = estimator.learning_rate_init <= parameter_default(estimator, name)
    if step_kept and estimator.alpha / mean > HUGE_ALPHA:
        name = "alpha"
    value, default = getattr(estimator, name), parameter_default(estimator, name)
    if default < value:
        lower = f" (the default is {default})"
    else:  # the default failed, or a higher one would
        lower = f", e.g. to {value / 10:.3g}"
    scale = ""
    if name == "alpha" and value <= HUGE_ALPHA:  # huge for these weights
        scale = f" on windows that weigh {mean:.3g} on average"
    return f", with {name}={value!r}{scale}. Lower {name}{lower}."


def penalty_for(mean):
    """The largest L2 penalty ``alpha`` of one significant digit at most
    :data:`HUGE_ALPHA` times the windows' mean weight ``mean`` (the penalty
    that no longer outweighs them).

    Examples
    --------
    >>> penalty_for(0.00275), penalty_for(0.000138), penalty_for(0.5)
    (0.002, 0.0001, 0.5)
    """
    bound = HUGE_ALPHA * mean
    unit = 10.0 ** np.floor(np.log10(bound))
    return float(f"{np.floor(bound / unit) * unit:.1g}")


def parameter_default(estimator, name):
    """The default of the parameter ``name`` of the estimator's class.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> parameter_default(CharEmbeddingMLPClassifier(alpha=3.0), "alpha")
    0.01
    """
    return inspect.signature(type(estimator)).parameters[name].default


def _mean_one(weights):
    """The weights divided by their mean (None stays None).

    Divided by their largest first, so that no sum of huge weights overflows.
    """
    if weights is None:
        return None
    weights = weights / weights.max()
    return weights / weights.mean()


def patience_of(estimator):
    """The patience counter of a training call, from the records so far.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> clf = SimpleNamespace(early_stopping=False, best_loss_=2.5, tol=1e-4,
    ...                       n_iter_no_change=10, _no_improvement_count=3)
    >>> patience = patience_of(clf)
    >>> patience.best, patience.count, patience.higher_is_better
    (2.5, 3, False)
    """
    if estimator.early_stopping:
        best, higher_is_better = estimator.best_validation_score_, True
    else:
        best, higher_is_better = estimator.best_loss_, False
    return Patience(
        estimator.tol,
        estimator.n_iter_no_change,
        best,
        estimator._no_improvement_count,
        higher_is_better=higher_is_better,
    )


def record_epoch(estimator, epoch_loss, score, n_windows, patience):
    """Bring the estimator's records up to date with an epoch.

    ``score`` is the epoch's validation score, or None without early stopping.
    Returns whether the epoch is the best so far and whether patience ran out
    (see ``Patience.update``).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> clf = SimpleNamespace(n_iter_=0, t_=0, loss_curve_=[])
    >>> patience = Patience(1e-4, 10, float("inf"), higher_is_better=False)
    >>> record_epoch(clf, 2.5, None, 30, patience)
    (True, False)
    >>> clf.n_iter_, clf.t_, clf.loss_curve_, clf.best_loss_
    (1, 30, [2.5], 2.5)
    """
    estimator.n_iter_ += 1
    estimator.t_ += n_windows
    estimator.loss_ = epoch_loss
    estimator.loss_curve_.append(epoch_loss)
    if score is None:
        is_best, stop = patience.update(epoch_loss)
        estimator.best_loss_ = patience.best
    else:
        estimator.validation_scores_.append(score)
        is_best, stop = patience.update(score)
        estimator.best_validation_score_ = patience.best
    estimator._no_improvement_count = patience.count
    return is_best, stop


def progress_line(estimator, learning_rate, seconds):
    """One line of verbose output for the epoch just recorded.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> clf = SimpleNamespace(n_iter_=2, max_iter=20, loss_=2.51234,
    ...                       early_stopping=False)
    >>> progress_line(clf, 0.005, 0.25)
    'Epoch 2/20: loss = 2.5123, lr = 5.00e-03, 0.25 s'
    """
    line = (
        f"Epoch {estimator.n_iter_}/{estimator.max_iter}: loss = {estimator.loss_:.4f}"
    )
    if estimator.early_stopping:
        line += f", validation score = {estimator.validation_scores_[-1]:.4f}"
    return line + f", lr = {learning_rate:.2e}, {seconds:.2f} s"


def stop_reason(estimator):
    """Why patience ended a run (the verbose ``Stopping:`` line says it).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> stop_reason(SimpleNamespace(early_stopping=True, tol=1e-4,
    ...                             n_iter_no_change=10))
    'validation score did not improve by tol=0.0001 for 10 consecutive epochs'
    """
    what = "validation score" if estimator.early_stopping else "training loss"
    return (
        f"{what} did not improve by tol={estimator.tol} for "
        f"{estimator.n_iter_no_change} consecutive epochs"
    )


def first_epoch_message(estimator):
    """The words of the warning that early stopping kept the first epoch's
    weights, after later epochs; None for any other run.

    The held-out names are new names: a held-out score that is best after
    one epoch, and worse after each epoch that learns the training names
    better, is the mark of too few distinct names (a yearly table of a few
    dozen names, many rows each), which later epochs learn by heart rather
    than what names share. The model kept has learned little. The epochs are
    those of ``validation_scores_``, which a warm-started fit continues (its
    ``n_iter_`` counts its own only).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> clf = SimpleNamespace(early_stopping=True, n_iter_=11,
    ...                       validation_scores_=[-2.75] + [-2.9] * 10)
    >>> print(first_epoch_message(clf))  # doctest: +NORMALIZE_WHITESPACE
    Early stopping kept the weights of epoch 1 of 11: the held-out names scored
    best after the first epoch (NLL 2.7500 nats per character) and worse after
    each of the 10 epochs that learned the training names better, so the model has
    learned little of the names. That is the mark of too few distinct names
    (the held-out names are new ones): later epochs learn the training names by
    heart rather than what names share. Give more distinct names, or train on
    all the names without a hold-out: early_stopping=False.
    >>> clf.validation_scores_ = [-2.9, -2.75]
    >>> first_epoch_message(clf) is None
    True
    """
    scores = estimator.validation_scores_ if estimator.early_stopping else None
    if not scores or len(scores) < 2:  # the record, warm-started fits' too
        return None
    if max(scores[1:]) >= scores[0]:
        return None  # a later epoch did as well: kept or not, it learned
    return (
        f"Early stopping kept the weights of epoch 1 of {len(scores)}: the "
        "held-out names scored best after the first epoch (NLL "
        f"{-scores[0]:.4f} nats per character) and worse after each of the "
        f"{len(scores) - 1} epochs that learned the training names better, so "
        "the model has learned little of the names. That is the mark of too few "
        "distinct names (the held-out names are new ones): later epochs learn "
        "the training names by heart rather than what names share. Give more "
        "distinct names, or train on all the names without a hold-out: "
        "early_stopping=False."
    )


def convergence_message(estimator):
    """The words of the ConvergenceWarning of a run that reached ``max_iter``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> convergence_message(SimpleNamespace(early_stopping=False, max_iter=5,
    ...                                     tol=1e-4))  # doctest: +NORMALIZE_WHITESPACE
    'Stopped after max_iter=5 epochs before the training loss stopped improving
    by tol=0.0001; increase max_iter to train longer.'
    """
    what = "validation score" if estimator.early_stopping else "training loss"
    return (
        f"Stopped after max_iter={estimator.max_iter} epochs before the {what} "
        f"stopped improving by tol={estimator.tol}; increase max_iter to train "
        "longer."
    )
