"""Keeping the epochs ``sknextchar train`` finished when Ctrl-C stops it.

A training call is all or nothing: interrupted, the classifier is left as it
was before the call (unfitted), and the epochs it trained are gone. The
command line owns the user's time, so it keeps them itself: a callback
(:class:`LatestEpoch`) holds a copy of the classifier's learned state after
each epoch (refreshed in place: one copy, not one per epoch), and the
classifier itself once its fit ends (the copy then dropped). On Ctrl-C, in
the fit or after it (while the model is reported and readied for saving),
:func:`keep_finished_epochs` saves the pipeline with that model to a new file
beside ``-o`` (:func:`~sknextchar.cli._saving.keep_elsewhere`: never ``-o``
itself, never an existing file), and says where it is and how many epochs it
holds. Used by ``train``, ``train --resume`` and ``train --chunk-size``. A run
of :func:`~sknextchar.train_from_file` keeps with them the records of the
file's names complete by then (:func:`with_kept_records`).
"""

import contextlib
import copy
import os
import sys
import warnings

import numpy as np

from .._atomic import learned_state
from .._file_safety import file_state
from .._shown_paths import flag_word, shell_path
from .._words import counted
from ._errors import PROG
from ._what_was_saved import move_command, target_left

__all__ = [
    "LatestEpoch",
    "keep_finished_epochs",
    "keeping_epochs",
    "with_kept_records",
]

# The tasks of one epoch and of a whole fit, as CharEmbeddingMLPClassifier
# (and train_from_file) name them.
_EPOCH_TASK, _FIT_TASK = "epoch", "fit"


class LatestEpoch:
    """A callback that keeps the classifier as it is after its latest epoch.

    It asks for no ``fitted_estimator`` (scikit-learn's callback API would
    build a new copy for every epoch, and two would be alive while the next
    replaces the last): it copies the classifier's learned state once, after
    the first epoch, and copies each later epoch's into the same arrays. The
    state holds what the saved model holds, the Adam optimizer's moments
    included: ``train --resume`` goes on from them as the run would have.

    Parameters
    ----------
    transformer : ContextWindowTransformer or None, default=None
        The pipeline's transformer, fitted before the classifier: a copy of
        it is taken when the classifier's fit starts (an interrupted fit puts
        the transformer back as it was before, unfitted).

    Attributes
    ----------
    model : CharEmbeddingMLPClassifier or None
        The classifier after the latest epoch that ended (its
        ``loss_curve_`` holds one loss per epoch trained), or the classifier
        itself once its fit ended; None before the first epoch ends. A copy
        shares the arrays that later epochs overwrite: read it once training
        stopped.
    fitted_transformer : ContextWindowTransformer or None
        The copy of ``transformer`` fitted, from the start of the fit.
    fit_ended : bool
        Whether the classifier's fit ended (``model`` is then the classifier).
    records : ChunkedRecord or None
        After Ctrl-C in :func:`~sknextchar.train_from_file`, the record of the
        file's names it was building (see :func:`with_kept_records`); else
        None.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.cli._interrupted import LatestEpoch
    >>> windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
    >>> latest = LatestEpoch()
    >>> clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=3,
    ...                                  random_state=0).set_callbacks(latest)
    >>> clf = clf.fit(windows)
    >>> len(latest.model.loss_curve_), latest.model is clf, latest.fit_ended
    (3, True, True)
    """

    def __init__(self, transformer=None):
        self.transformer = transformer
        self.fitted_transformer = self.records = None
        self._forget()

    def _forget(self):
        self.fit_ended, self._estimator, self._state = False, None, None
        self._whole = False  # the state is one epoch's, not half of two

    def __deepcopy__(self, memo):
        # A runtime hook: a copy of the estimator that holds it shares it.
        return self

    @property
    def model(self):
        """The classifier after the latest epoch (see the class docstring)."""
        if self.fit_ended and hasattr(self._estimator, "loss_curve_"):
            return self._estimator  # not rolled back by a Ctrl-C after the end
        if self._state is None or not self._whole:
            return None
        model = copy.copy(self._estimator)
        for name in learned_state(model):  # as it is now, not as it was then
            delattr(model, name)
        vars(model).update(self._state)
        return model

    def setup(self, estimator, context):
        """Forget the model of an earlier call; copy the fitted transformer."""
        self._forget()
        self.fitted_transformer = copy.deepcopy(self.transformer)

    def on_fit_task_begin(self, estimator, context):
        """Nothing to do when a task begins."""

    def on_fit_task_end(self, estimator, context):
        """Copy the classifier's state after an epoch; never stop."""
        if context.task_name == _FIT_TASK:
            # The classifier is the model: the copy is dropped (no memory held
            # through the report and the save), its learned state referenced
            # (a Ctrl-C now, before fit returns, would put back the old one).
            self._estimator, self.fit_ended = estimator, True
            self._state, self._whole = dict(learned_state(estimator)), True
        if context.task_name != _EPOCH_TASK:
            return False
        self._estimator = estimator
        try:
            self._copy_state(estimator)
        except KeyboardInterrupt:  # mid-copy: the live state is whole, finish
            self._copy_state(estimator)
            raise
        return False

    def _copy_state(self, estimator):
        self._whole = False
        self._state = _copied_into(self._state, learned_state(estimator))
        self._whole = True

    def teardown(self, estimator, context):
        """Nothing to release."""


def _copied_into(old, new):
    """A deep copy of ``new`` that reuses the arrays of ``old`` (an earlier
    copy) where their shapes and types agree: no second copy in memory."""
    if isinstance(new, np.ndarray):
        if (
            isinstance(old, np.ndarray)
            and old.shape == new.shape
            and old.dtype == new.dtype
            and old is not new
        ):
            np.copyto(old, new)
            return old
        return new.copy()
    if isinstance(new, (list, tuple)) and type(old) is type(new):
        if len(old) == len(new):
            return type(new)(_copied_into(o, n) for o, n in zip(old, new))
    if isinstance(new, dict) and isinstance(old, dict):
        return {key: _copied_into(old.get(key), value) for key, value in new.items()}
    if type(old) is type(new) and hasattr(new, "__dict__") and old is not new:
        # An optimizer, say: its arrays reused; what it pickles (and so what
        # the saved model holds), not its scratch space.
        state = new.__getstate__()
        if isinstance(state, dict) and not isinstance(new, type):
            vars(old).update(_copied_into(vars(old), state))
            for name in set(vars(old)) - set(state):
                delattr(old, name)
            return old
    return copy.deepcopy(new)


def _fitted_transformer(transformer, clf):
    """``transformer`` as fitted before ``clf`` was trained.

    ``train_from_file`` fits a copy of an unfitted transformer on the file and
    does not return it when interrupted; the transformer learns only its
    vocabulary, which is the classifier's ``classes_`` (the end marker first):
    fitted on those symbols, a copy learns the same one. None if it does not.
    """
    if getattr(transformer, "vocabulary_", None) is not None:
        return transformer
    symbols = [str(s) for s in clf.classes_[1:]]
    plain = next((s for s in symbols if s.strip() == s), "a")
    names = [s if s.strip() == s else plain + s + plain for s in symbols]
    from sklearn.base import clone

    fitted = clone(transformer)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a tab's warning was given already
            fitted.fit(names)
    except ValueError:
        return None
    return fitted if list(fitted.vocabulary_) == list(clf.classes_) else None


@contextlib.contextmanager
def keeping_epochs(pipe, record, args, fmt):
    """Train ``pipe`` in this block; on Ctrl-C, or when the names file changed
    while training read it, keep its finished epochs.

    The block may go on after the fit (reporting it, readying what to save):
    Ctrl-C there keeps the trained model. The epochs that finished before the
    file changed read it as it was: they are saved as after Ctrl-C, and the
    error says where in place of its sentence that they are not kept.

    Parameters
    ----------
    pipe, record, args, fmt
        As for :func:`keep_finished_epochs`.

    Yields
    ------
    latest : LatestEpoch
        The callback to set on ``pipe``'s classifier, before any other.

    Raises
    ------
    SystemExit
        With status 130 after Ctrl-C, once an epoch finished (see
        :func:`keep_finished_epochs`); before that, the KeyboardInterrupt,
        as after ``-o`` was written (the block may save it) or for a second
        Ctrl-C that gave up a save elsewhere.
    ValueError, OSError
        The names file changed while training read it (the error's
        ``not_kept`` sentence): once an epoch finished, raised again with
        that sentence replaced by where its model was saved and which epochs
        are left (or why it could not be saved); before that, as it was.
        Other errors out of the block are raised as they are.
    """
    latest = LatestEpoch(pipe.steps[0][1])
    before = file_state(args.output)  # -o as it is before training
    try:
        yield latest
    except KeyboardInterrupt as stop:
        if file_state(args.output) != before or getattr(stop, "given_up", False):
            raise  # -o was written (it holds the model), or a second Ctrl-C
        latest.records = getattr(stop, "chunk_record", None)  # train_from_file's
        keep_finished_epochs(latest, pipe, record, args, fmt, before=before)
        raise  # no epoch finished: nothing to keep
    except (ValueError, OSError) as error:
        if not getattr(error, "not_kept", ""):
            raise  # not a file of names that changed after an epoch ended
        latest.records = getattr(error, "chunk_record", None)
        kept = _epochs_kept_note(latest, pipe, record, args, fmt, before)
        if kept is None:
            raise
        raise type(error)(str(error).replace(error.not_kept, kept)) from None


def with_kept_records(pipe, latest):
    """``pipe`` in a sampler with the records of its training names that were
    complete when Ctrl-C stopped ``train_from_file`` (``latest.records``).

    Parameters
    ----------
    pipe : Pipeline
        The fitted pipeline to keep.
    latest : LatestEpoch
        The callback of the interrupted training.

    Returns
    -------
    sampler : NameSampler or None
        With the length counts and the spelling of the file's names (its first
        pass ended), and the prefix table if all of it was counted (else None);
        None when no record was complete.
    """
    from .._fitted import as_sampler

    if latest.records is None or latest.records.lengths is None:
        return None
    sampler = as_sampler(pipe, PROG, max_length=None)  # bounds from the lengths
    return latest.records.fill_finished(sampler)


def keep_finished_epochs(latest, pipe, record, args, fmt, *, before):
    """After Ctrl-C in training: save the finished epochs to a new file.

    Parameters
    ----------
    latest : LatestEpoch
        The callback that ran during the interrupted training.
    pipe : Pipeline
        The pipeline that was being trained (or a pipeline whose copy was):
        its first and last steps are set to ``latest.fitted_transformer`` and
        ``latest.model``.
    record : callable
        ``record(pipe)``: what to save, such as the pipeline in a NameSampler
        with the record of its training names.
    args : argparse.Namespace
        The parsed command line, with ``output``.
    fmt : {"skops", "joblib"}
        The format to write.
    before : object
        ``-o`` before training (:func:`~sknextchar._file_safety.file_state`):
        the message says whether it is as it was or was not created.

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
    from ._saving import keep_elsewhere, kept_instead

    model = _latest_model(latest, pipe)
    if model is None:
        return
    n_epochs, total = len(model.loss_curve_), model.max_iter
    output = os.fspath(args.output)
    target = target_left(output, before)
    done = f"after {counted(n_epochs, 'finished epoch')} of {total:,}"
    what = f"the model as it was after epoch {n_epochs:,} (its last finished epoch)"
    if latest.fit_ended:
        done = f"after the training ended ({counted(n_epochs, 'epoch')})"
        what = "the trained model"
    print(
        f"{PROG}: interrupted {done}; keeping {'it' if latest.fit_ended else 'them'}"
        " in a new file (Ctrl-C again to give up)...",
        file=sys.stderr,
    )
    path, failures = keep_elsewhere(record(pipe), output, fmt)
    if path is None:
        print(
            f"{PROG}: nothing was saved ({target}): {what} could not be kept in "
            f"another file either ({'; '.join(failures)}).",
            file=sys.stderr,
        )
        raise SystemExit(130)
    print(
        f"{PROG}: {target}; {what} was {kept_instead(path, failures)}: use it "
        f"where it is{_resume_advice(args, path, model, fmt)}.",
        file=sys.stderr,
    )
    raise SystemExit(130)


def _latest_model(latest, pipe):
    """The classifier after the latest finished epoch, set in ``pipe`` with
    the transformer fitted for it; None when no epoch finished, or the
    transformer cannot be fitted again (nothing to keep)."""
    model = latest.model
    if model is None:
        return None
    transformer = _fitted_transformer(latest.fitted_transformer, model)
    if transformer is None:
        return None  # not a transformer that this vocabulary can fit
    model.set_callbacks()  # runtime hooks: the saved model holds none
    first, last = pipe.steps[0][0], pipe.steps[-1][0]
    pipe.set_params(**{first: transformer, last: model})
    return model


def _epochs_kept_note(latest, pipe, record, args, fmt, before):
    """After the names file changed while training read it: the epochs that
    finished before (each read the file as it was) saved to a new file beside
    ``-o``, as after Ctrl-C; the sentence that says where, and which epochs
    are left to train. None when nothing was kept."""
    from ._saving import keep_elsewhere, kept_instead

    model = _latest_model(latest, pipe)
    if model is None:
        return None
    output, n_epochs = os.fspath(args.output), len(model.loss_curve_)
    path, failures = keep_elsewhere(record(pipe), output, fmt)
    if path is None:
        return (
            f" The model after epoch {n_epochs:,}, its last finished epoch, could "
            f"not be kept ({'; '.join(failures)})."
        )
    go_on = (
        "go on training it on a copy of the names that stays as it is "
        f"({_resume_command(args, ' COPY', path, fmt)})"
    )
    if getattr(args, "labels", None) is not None:  # --resume takes no labels
        go_on = f"use it where it is{_resume_advice(args, path, model, fmt)}"
    return (
        f" The model after epoch {n_epochs:,}, its last finished epoch (which read "
        f"the file as it was), was {kept_instead(path, failures)}, and "
        f"{target_left(output, before)}: epochs {n_epochs + 1:,} to "
        f"{model.max_iter:,} are left to train; {go_on}."
    )


def _resume_advice(args, kept, model, fmt):
    """How to go on with the kept ``model``: move it into place, or (a model
    without labels: ``--resume`` continues no other) train it on, up to the
    epoch --max-iter asked for (``--resume`` keeps the model's max_iter), when
    some are left (after a fit that ended, none may be)."""
    from ..nn.training import trained_epochs

    move = f" or move it into place ({move_command(kept, args.output)})"
    if getattr(args, "labels", None) is not None:
        return "," + move  # --resume refuses a model of names by label
    if trained_epochs(model) >= model.max_iter:  # --resume: "Nothing to resume"
        return "," + move
    names = "" if args.names_file is None else f" {shell_path(args.names_file)}"
    return (
        f",{move}, or go on training it up to epoch {model.max_iter:,} "
        f"({_resume_command(args, names, kept, fmt)})"
    )


def _resume_command(args, names, kept, fmt):
    """``sknextchar train NAMES --resume KEPT -o OUTPUT``, with the flags that
    read the names as this run did, --trust-pickle for a pickle, and those of
    ``-o`` as given (--format, and --force while a file is there)."""
    words = "".join(f" {word}" for word in _reading_words(args))
    if fmt == "joblib":  # a pickle: loaded only when trusted
        words += " --trust-pickle"
    output = f"-o {shell_path(args.output)}"
    if getattr(args, "format", "auto") not in (None, "auto"):
        output += f" --format {args.format}"
    if getattr(args, "force", False) and os.path.lexists(args.output):
        output += " --force"  # as the run was told to replace it
    return f"sknextchar train{names}{words} --resume {shell_path(kept)} {output}"


def _reading_words(args):
    """The flags of the command line that chose and read its names (those the
    parser's ``reading_actions`` record: --names-column, --counts,
    --no-header, --encoding...), as given, and --chunk-size: the resumed run
    reads the same names the same way."""
    words = []
    for action in getattr(args, "reading_actions", ()):
        value = getattr(args, action.dest, action.default)
        if value is None or value == action.default:
            continue
        option = action.option_strings[-1]
        words.append(option if action.nargs == 0 else flag_word(option, str(value)))
    if getattr(args, "chunk_size", None) is not None:
        words.append(f"--chunk-size {args.chunk_size}")
    return words
