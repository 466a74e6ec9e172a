"""Keeping the epochs ``sknextchar train`` finished when Ctrl-C stops it.

A training call is all or nothing: interrupted, the classifier is left as it
was before the call (unfitted), and the epochs it trained are gone. The
command line owns the user's time, so it keeps them itself: a callback
(:class:`LatestEpoch`) holds the predict-ready copy of the classifier that
scikit-learn's callback API gives after each epoch, and on Ctrl-C
:func:`keep_finished_epochs` saves the pipeline with that copy to a new file
beside ``-o`` (:func:`~sknextchar.cli._saving.keep_elsewhere`: never ``-o``
itself, never an existing file), and says where it is and how many epochs it
holds.
"""

import contextlib
import copy
import os
import shlex
import sys

from .._text import counted
from ._errors import PROG

__all__ = ["LatestEpoch", "keep_finished_epochs", "keeping_epochs"]

# The task of one epoch, as CharEmbeddingMLPClassifier names it.
_EPOCH_TASK = "epoch"


class LatestEpoch:
    """A callback that keeps the classifier as it is after its latest epoch.

    Parameters
    ----------
    transformer : ContextWindowTransformer or None, default=None
        The pipeline's transformer, fitted before the classifier: a copy of
        it is taken when the classifier's fit starts (an interrupted fit puts
        the transformer back as it was before, unfitted).

    Attributes
    ----------
    model : CharEmbeddingMLPClassifier or None
        The predict-ready copy after the latest epoch that ended (its
        ``loss_curve_`` holds one loss per epoch trained); None before the
        first one ends.
    fitted_transformer : ContextWindowTransformer or None
        The copy of ``transformer`` fitted, from the start of the fit.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.cli._interrupted import LatestEpoch
    >>> windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
    >>> latest = LatestEpoch()
    >>> clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=3,
    ...                                  random_state=0).set_callbacks(latest)
    >>> clf = clf.fit(windows)
    >>> len(latest.model.loss_curve_), latest.model is clf
    (3, False)
    """

    def __init__(self, transformer=None):
        self.transformer = transformer
        self.model = self.fitted_transformer = None

    def __deepcopy__(self, memo):
        # A runtime hook: a copy of the estimator that holds it shares it.
        return self

    def setup(self, estimator, context):
        """Forget the model of an earlier call; copy the fitted transformer."""
        self.model = None
        self.fitted_transformer = copy.deepcopy(self.transformer)

    def on_fit_task_begin(self, estimator, context):
        """Nothing to do when a task begins."""

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        """Keep the copy of the classifier after an epoch; never stop."""
        if context.task_name == _EPOCH_TASK and fitted_estimator is not None:
            self.model = fitted_estimator
        return False

    def teardown(self, estimator, context):
        """Nothing to release."""


@contextlib.contextmanager
def keeping_epochs(pipe, data, args, fmt):
    """Fit ``pipe`` in this block; on Ctrl-C, keep its finished epochs.

    Parameters
    ----------
    pipe, data, args, fmt
        As for :func:`keep_finished_epochs`.

    Yields
    ------
    latest : LatestEpoch
        The callback to set on ``pipe``'s classifier, before any other.

    Raises
    ------
    SystemExit
        With status 130 after Ctrl-C, once an epoch finished (see
        :func:`keep_finished_epochs`); before that, the KeyboardInterrupt.
    """
    latest = LatestEpoch(pipe["windows"])
    try:
        yield latest
    except KeyboardInterrupt:
        keep_finished_epochs(latest, pipe, data, args, fmt)
        raise  # no epoch finished: nothing to keep


def keep_finished_epochs(latest, pipe, data, args, fmt):
    """After Ctrl-C in training: save the finished epochs to a new file.

    Parameters
    ----------
    latest : LatestEpoch
        The callback that ran during the interrupted fit.
    pipe : Pipeline
        The pipeline that was being fitted; its steps are set to
        ``latest.fitted_transformer`` and ``latest.model``.
    data : tuple
        ``(names, labels, weights)`` of the fit, for the record of the
        training names the model file holds.
    args : argparse.Namespace
        The parsed command line, with ``output``.
    fmt : {"skops", "joblib"}
        The format to write.

    Returns
    -------
    None
        When no epoch finished: nothing to keep (the caller re-raises).

    Raises
    ------
    SystemExit
        With status 130 (interrupted), once the model was kept in a new file
        or could not be: the message on stderr says which. A second Ctrl-C
        while it is saved stops the saving (nothing was saved).
    """
    from ._commands import with_record
    from ._saving import keep_elsewhere

    if latest.model is None:
        return
    n_epochs, total = len(latest.model.loss_curve_), pipe["clf"].max_iter
    output = os.fspath(args.output)
    target = repr(output) + (
        " is as it was" if os.path.lexists(output) else " was not created"
    )
    done = f"after {counted(n_epochs, 'finished epoch')} of {total:,}"
    print(
        f"{PROG}: interrupted {done}; keeping them in a new file (Ctrl-C again "
        "to give them up)...",
        file=sys.stderr,
    )
    pipe.set_params(windows=latest.fitted_transformer, clf=latest.model)
    path, failures = keep_elsewhere(with_record(pipe, *data), output, fmt)
    if path is None:
        print(
            f"{PROG}: nothing was saved ({target}): the model of the finished "
            f"epochs could not be kept in another file either ({'; '.join(failures)}).",
            file=sys.stderr,
        )
        raise SystemExit(130)
    where = shlex.quote(str(path))
    print(
        f"{PROG}: {target}; the model as it was after epoch {n_epochs:,} (its "
        f"last finished epoch) was saved to {str(path)!r} instead: use it where "
        f"it is{_resume_advice(args, where, output)}.",
        file=sys.stderr,
    )
    raise SystemExit(130)


def _resume_advice(args, where, output):
    """How to go on with the kept model: move it into place, or (a model
    without labels: ``--resume`` continues no other) train it on."""
    move = f" or move it into place (mv {where} {shlex.quote(output)})"
    if getattr(args, "labels", None) is not None:
        return "," + move  # --resume refuses a model of names by label
    names = "" if args.names_file is None else f" {shlex.quote(args.names_file)}"
    return (
        f",{move}, or go on training it (sknextchar train{names} --resume "
        f"{where} -o MODEL)"
    )
