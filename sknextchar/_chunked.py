"""Training from a file of names larger than memory, one chunk at a time.

:func:`train_from_file` reads the file at most one chunk at a time: a first
pass fixes the vocabulary (every symbol of the file, or the alphabet given) and
counts the chunks; then each epoch is one pass over the file's chunks, a
``partial_fit`` per chunk. A file of several chunks is read again for each
epoch; a file whose names are one chunk, which its training holds in memory
anyway, is read once more, for the first epoch, and its later epochs train on
the names kept (:func:`~sknextchar._name_chunks.replayed`). The classifier
places each ``partial_fit`` on its learning-rate schedule by the number of
epochs in ``loss_curve_``; this module keeps ``loss_curve_`` a record of true
epochs (passes over the whole file), so the schedule counts true epochs, not
chunks.
"""

import copy
import math
import os
import time
import warnings
from numbers import Integral

import numpy as np
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils import check_random_state

from ._atomic import learned_state
from ._chunk_progress import ChunkProgress
from ._chunk_record import ChunkedRecord
from ._compat import validate_declared_parameters
from ._epoch_records import (
    HUGE_ALPHA,
    parameter_default,
    penalty_for,
    stop_reason,
    weight_scale_advice,
)
from ._error_lines import names_by_line
from ._file_passes import FilePasses, check_rereadable
from ._model_input import window_sample_weight
from ._name_chunks import chunk_reader, replayed
from ._pipeline import split_pipeline
from ._progress_output import shared_progress
from ._random_states import refuse_generator
from ._shown_paths import shown_path
from ._stacklevel import user_stacklevel
from ._steps import unfreeze
from ._validation import check_path_then_pipeline
from ._vocabulary_pass import UnknownSymbolsError, first_pass
from ._words import counted
from .datasets._base import check_table_arguments
from .datasets._quoted_lines import quoted_lines_held
from .datasets._workbooks import check_not_workbook
from .exceptions import FileChangedWarning
from .nn.adam import scheduled_learning_rate
from .nn.training import Patience, drop_later_epochs

__all__ = ["train_from_file"]


def _check_classifier(clf):
    if not (hasattr(clf, "partial_fit") and hasattr(clf, "max_iter")):
        raise TypeError(
            "train_from_file trains a Pipeline of a ContextWindowTransformer and a "
            f"CharEmbeddingMLPClassifier (partial_fit, max_iter); got a "
            f"{type(clf).__name__}, which has no partial_fit over epochs."
        )
    # As fit would, before the run turns an int seed into one stream.
    refuse_generator(clf)
    validate_declared_parameters(clf, {"random_state": clf.random_state})
    if clf.early_stopping:
        raise ValueError(
            "train_from_file does not hold out names (early_stopping=True): keep "
            "held-out names in a file of their own and score them, and set "
            "early_stopping=False (clf__early_stopping=False)."
        )
    average = getattr(clf, "average", None)
    if average is not None:
        raise ValueError(
            f"train_from_file cannot average the parameters (average={average!r}): "
            "it trains with a partial_fit per chunk and pass, and each would "
            "average its own steps only and put that average in place of the "
            "parameters. Set average=None (clf__average=None), or fit the pipeline "
            "on names in memory (pipeline.fit(names)), which averages over the "
            "whole run."
        )


def train_from_file(
    path,
    pipeline=None,
    *,
    chunk_size=100_000,
    encoding="utf-8",
    verbose=False,
    resume=False,
    names_column=None,
    check_names=None,
    counts_column=None,
    return_sampler=False,
    header="infer",
):
    """Train a pipeline on a file of names of any size, one chunk at a time.

    A first pass reads the file chunk by chunk to fix the vocabulary (every
    symbol in the file under ``alphabet="auto"``; the transformer's alphabet
    otherwise, and a character outside it fails before any training). Then
    each of the classifier's ``max_iter`` epochs is one pass over the file: each
    chunk is cut into windows and trained on with ``partial_fit`` (its windows
    shuffled), then let go. Memory holds one chunk and its windows, whatever
    the size of the file. The learning-rate schedule counts true epochs (passes
    over the file): every chunk of epoch ``e`` trains with the step size of
    epoch ``e``, and ``loss_curve_`` holds one mean loss per pass. As ``fit``
    does, the training stops when the mean loss of a pass did not improve by
    ``tol`` for ``n_iter_no_change`` passes in a row.

    When the file fits in one chunk, the result is the model that
    ``pipeline.fit(names)`` gives (the same weights for the same
    ``random_state``). Shuffle a large file once beforehand (for example with
    ``shuf``): chunks are read in file order, so sorted names would teach each
    chunk a different corner of the alphabet.

    Callbacks (scikit-learn's callback API) set on the pipeline or on its
    classifier see the passes as the ``"epoch"`` subtasks of one ``fit`` task of
    the classifier; one that returns True at the end of an epoch stops the
    training there, and ``n_iter_`` counts the passes run.

    A run that was stopped (by a callback, by Ctrl-C after a
    :class:`~sknextchar.callbacks.Checkpoint`, by a crash) goes on with
    ``resume=True``: the fitted classifier continues from the epoch after the
    last one in its ``loss_curve_`` up to ``max_iter``, with its weights, its
    Adam state and its place on the learning-rate schedule (after a ``fit``
    whose early stopping restored the weights of its best epoch, from the
    epoch after that one, whose Adam state it kept: the later epochs leave
    ``loss_curve_``). A checkpoint
    written during this function also keeps the random stream where the
    epoch left it (as its ``random_state``), so resuming from it gives the
    model of the uninterrupted run, weight for weight.

    Parameters
    ----------
    path : str, bytes or os.PathLike
        A text file with one name per line (read as
        :func:`~sknextchar.datasets.load_names` reads it).
    pipeline : Pipeline or None, default=None
        A pipeline of a :class:`~sknextchar.ContextWindowTransformer` and a
        :class:`~sknextchar.CharEmbeddingMLPClassifier` with
        ``early_stopping=False`` and ``average=None``; None for
        :func:`~sknextchar.make_default_pipeline`. It is not changed: a clone
        is trained (of a :class:`~sklearn.frozen.FrozenEstimator`, of the
        estimator inside it: the returned pipeline is not frozen).
    chunk_size : int, default=100_000
        Names per chunk: the memory bound (about 1 KB per name with the
        defaults' windows and activations). A file of several chunks is read
        again for each epoch (and for each pass of the records): a file
        written to, appended to, replaced, removed or made a folder between
        two passes (or during the first) stops the training with an error
        that says so, and how many finished epochs are lost; a file only
        touched, or saved again with the same bytes, goes on (its bytes are
        compared by a hash). A relative ``path`` is the file of the working
        folder of the call, whatever the working folder later. A file whose
        names are one chunk is read twice, whatever ``max_iter`` is: by the
        first pass and by the first epoch, whose names the later epochs and
        passes train on from memory, so an edit of the file after the first
        epoch is not seen.
    encoding : str, default="utf-8"
        The file's text encoding.
    verbose : bool, default=False
        Print one line per chunk and per epoch to standard error (none while
        ``sys.stderr`` is None). If a write of the progress fails (a closed
        stream, a pipe whose reader left), the progress stops with one
        :class:`~sknextchar.exceptions.ProgressStoppedWarning` for the run
        (the classifier's own ``verbose`` lines included), and the training
        goes on.
    resume : bool, default=False
        Continue the pipeline's fitted classifier instead of training a new
        one (a copy is trained; ``pipeline`` is not changed). Its transformer
        may be fitted (its vocabulary is kept, and a character of the file
        outside it is an error) or not (fitted on the file, as in a new run;
        its vocabulary must be the classifier's ``classes_``), so a
        checkpointed classifier resumes behind a new transformer:
        ``make_pipeline(ContextWindowTransformer(), load_model(checkpoint))``.
    names_column : str or None, default=None
        The header of the column of names when the file is a table (a
        spreadsheet's CSV export with a header row); None reads one name per
        line.
    check_names : callable or None, default=None
        ``check_names(chunk)`` is called on each chunk of names (a list of
        str) in the first pass, before any training, and raises to refuse the
        file: a check of your own that every name is met by once, without
        another pass over the file (names of count 0 included).
    counts_column : str, int or None, default=None
        The header of a column of counts of the table (``names_column`` is
        then needed; a column left without a title in the header row,
        ``name,`` above ``Anna,3``, by its position counted from 0, as
        :func:`~sknextchar.datasets.load_names` reads it): each name trains
        with its row's number as its ``sample_weight``, a name of count 3 as
        if it were on three lines
        (a count may have a fraction). A name of count 0 is left out as if
        absent: the model is the one trained on the file without its row (its
        characters are not learned with ``alphabet="auto"``, and one outside
        a given alphabet or a resumed model's vocabulary is no error). A cell
        that is not a number >= 0 fails in the first pass, with its line.
        None weighs every name once.
    return_sampler : bool, default=False
        Return the trained pipeline in a fitted
        :class:`~sknextchar.NameSampler` (around a
        :class:`~sklearn.frozen.FrozenEstimator`) that keeps the records
        ``NameSampler.fit`` on all the names builds of their lengths and
        spelling, built a chunk at a time in the passes over the file (see
        ``sknextchar._chunk_record``): ``training_length_counts_`` (the
        default length bounds are the file's shortest and longest names;
        ``match_lengths=True`` follows their lengths),
        ``training_prefix_lengths_`` (``match_lengths`` after a prefix) and
        ``training_transitions_`` (its names are spelled as the file's are).
        The table of prefixes may take a few more passes after the training
        (reading the names only): a change of the file that they find (every
        epoch trained on the file as it was) leaves ``training_prefix_lengths_``
        None, with a :class:`~sknextchar.exceptions.FileChangedWarning`, and
        the model is returned. It keeps no record of the names themselves
        (``novel=True`` and :meth:`~sknextchar.NameSampler.in_training_set`
        need them in memory). A bare pipeline in a sampler
        (``NameSampler(FrozenEstimator(pipe)).fit([])``) has none of these
        records: lengths of 1 to 20 symbols, any spelling.
    header : {"infer", None}, default="infer"
        ``"infer"``: a table's first row is its header, and ``names_column``
        and ``counts_column`` are headers. None: the file is a table without
        a header row (the US baby-name files, ``Emma,F,18688``), read from its
        first row, and ``names_column`` (needed) and ``counts_column`` are the
        positions of their columns, counted from 0 (``header=None,
        names_column=0, counts_column=2``), as
        :func:`~sknextchar.datasets.load_names` reads them.

    Returns
    -------
    pipeline : Pipeline or NameSampler
        The trained clone; with ``return_sampler=True``, in a NameSampler.

    Raises
    ------
    TypeError
        If ``path`` is a pipeline or ``pipeline`` a path (the two first
        arguments swapped), or ``names_column`` is not a header (a str) or
        None, or ``counts_column`` neither a header, the position of a column
        left without a title nor None, or with ``header=None`` not a position
        (a whole number >= 0; before the file is read).
    ValueError
        If the classifier has ``early_stopping=True`` or an ``average`` (each
        chunk's ``partial_fit`` would average its own steps only), the file
        holds no name or a character outside a given alphabet, or cannot be
        decoded, or ``path`` is a FIFO, a socket or a device (the names are
        read more than once: they must be in a regular file), or the file was
        written to, appended to or replaced between two of its passes (train
        on a copy that stays as it is); with
        ``resume=True``, if the classifier is not fitted, has trained
        ``max_iter`` epochs already, or does not know the file's characters.
        A name of the file is shown with its line, as the command line
        shows it (``'zoë' (line 6 of 'names.txt')``, blank lines and a
        header row counted).
    OSError
        If the file cannot be read (FileNotFoundError for a path that is no
        file); after its first pass, if it was removed, renamed, made a folder
        or unreadable since (saying that it changed while training read it).

    Warns
    -----
    FileChangedWarning
        With ``return_sampler=True``, if the file changed after the last
        epoch, in the passes that record the lengths by prefix: the model is
        returned without that record (``training_prefix_lengths_`` is None).
        Under an ``"error"`` warnings filter it is raised and no model is
        returned; filter it out by its class to keep such a run going.

    See Also
    --------
    sknextchar.datasets.load_names : Read a file that fits in memory.

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar import make_default_pipeline, train_from_file
    >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("asha\\nabid\\nzoe\\n" * 50)
    ...     fitted = train_from_file(path, pipe, chunk_size=40)
    ...     _ = fitted.set_params(clf__max_iter=3)  # fitted itself: one more pass
    ...     resumed = train_from_file(path, fitted, chunk_size=40, resume=True)
    >>> fitted["clf"].max_iter  # set_params changed fitted
    3
    >>> len(fitted["clf"].loss_curve_), fitted["clf"].n_iter_  # true epochs
    (2, 2)
    >>> len(resumed["clf"].loss_curve_), resumed["clf"].n_iter_
    (3, 1)

    A column of counts left without a title is read by its position,
    counted from 0 (a name of count 0 is left out: no name of 3 letters):

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "counts.csv")
    ...     with open(path, "w") as f:
    ...         _ = f.write("name,\\nasha,3\\nabid,1\\nzoe,0\\n")
    ...     sampler = train_from_file(path, pipe, names_column="name",
    ...                               counts_column=1, return_sampler=True)
    >>> sampler.training_length_counts_.tolist()  # by length: 4 of 4 letters
    [0, 0, 0, 0, 4]
    """
    path = check_path_then_pipeline(path, pipeline, "train_from_file")
    _check_file(path)
    if pipeline is None:
        from ._presets import make_default_pipeline

        pipeline = make_default_pipeline()
    _check_arguments(chunk_size, resume, check_names, return_sampler, verbose)
    by_position = check_table_arguments(
        path, encoding, header, names_column, counts_column
    )
    _check_pipeline_argument(pipeline)  # before clone's errors
    pipeline = _training_copy(pipeline, resume)
    windows, clf = split_pipeline(pipeline, owner="train_from_file")
    _check_classifier(clf)
    first = _epochs_done(clf) if resume else 0

    columns = names_column, counts_column, by_position
    chunks = chunk_reader(path, chunk_size, encoding, *columns)

    # The vocabulary; the chunks to train on, each pass of them checked (passes).
    n_chunks, chunks, passes = _first_pass(
        pipeline, windows, chunks, (path, encoding, columns), chunk_size, check_names
    )
    if resume:
        _check_vocabularies_agree(windows, clf)
    raw_chunks, record = chunks, ChunkedRecord(windows)  # built in the passes
    if return_sampler:
        chunks = record.watching(raw_chunks)  # before the counts are scaled
    if counts_column is not None:
        chunks = _scaled_chunks(chunks, _mean_window_weight(windows, chunks, passes))
    # One output for the run's progress (one warning); Ctrl-C, or a change of
    # the file after an epoch: the records complete go with it.
    with shared_progress("train_from_file") as run, record.given_when_stopped():
        progress = ChunkProgress(n_chunks, clf.max_iter, run) if verbose else None
        trainer = _epoch_trainer(clf, windows, chunks, progress, passes)
        _train_in_one_stream(pipeline, clf, first, trainer)
        if not return_sampler:
            return pipeline
        _finish_record(record, raw_chunks, progress, passes)
    from ._fitted import as_sampler

    sampler = as_sampler(pipeline, "train_from_file", max_length=None)
    return record.fill_finished(sampler)  # the prefix table if it was finished


def _check_file(path):
    """Refuse a file that cannot be read once per pass a chunk at a time."""
    check_rereadable(path)  # a FIFO's second pass would wait forever
    check_not_workbook(path, "train_from_file")  # read whole, by load_names


def _first_pass(pipeline, windows, chunks, file, chunk_size, check):
    """:func:`~sknextchar._vocabulary_pass.first_pass` over every name of the
    file, those of count 0 too (checked, and counted in the places of its
    errors, but not learned); the number of chunks of ``chunk_size`` names
    learned that each epoch trains on (the chunks of the file without them),
    ``chunks`` for the passes after it (a file of one chunk, which its
    training holds in memory anyway, is read once more, not once per pass),
    and the :class:`~sknextchar._file_passes.FilePasses` that checks each of
    them reads the file this pass read. ``file`` is ``(path, encoding,
    (names_column, counts_column, by_position))``; an error's names are
    named by their lines of the file
    (:func:`~sknextchar._error_lines.names_by_line`)."""
    path, encoding, (names_column, _, by_position) = file
    step = next((name for name, est in pipeline.steps if est is windows), None)
    passes = FilePasses(path)  # the file as it is before its first pass
    chunks = passes.checked(chunks)  # each pass that reads the file
    every_name = chunks(every_name=True)
    # Lines in double quotes that the vocabulary refuses: one error says them,
    # with what reads them, not a warning before it.
    with (
        names_by_line(path, encoding, names_column, by_position),
        quoted_lines_held() as held,
    ):
        try:
            n_learned = first_pass(
                windows, every_name, os.fspath(path), names_column, check, step
            )
        except UnknownSymbolsError as error:
            if error.quotes and error.quotes[0]:
                held.clear()
            raise
    n_chunks = math.ceil(n_learned / chunk_size)
    return n_chunks, replayed(chunks) if n_chunks <= 1 else chunks, passes


def _train_in_one_stream(pipeline, clf, first, train_epoch):
    """:func:`_train_epochs` with the callbacks of the pipeline and of ``clf``,
    and one random stream for the whole run (``clf.random_state`` after);
    ``clf.best_loss_``, the lowest loss of its epochs."""
    seed = clf.random_state
    # One random stream for the whole run, as fit has (an int would restart it
    # at every partial_fit call, drawing the same shuffle every epoch).
    clf.set_params(
        random_state=check_random_state(seed) if isinstance(seed, Integral) else seed
    )
    # A Pipeline's callbacks reach its model in fit; here there is no pipe.fit.
    callbacks = [*getattr(pipeline, "_skl_callbacks", [])]
    callbacks += getattr(clf, "_skl_callbacks", [])
    try:
        _train_epochs(clf, callbacks, first, train_epoch)
    finally:
        clf.set_params(random_state=seed)
    clf.best_loss_ = min(clf.loss_curve_)


def _epoch_trainer(clf, windows, chunks, progress, passes):
    """``train_epoch(epoch)``: one pass over the file; True when the loss of the
    passes stopped improving (``tol``, ``n_iter_no_change``), as ``fit`` stops."""
    resumed = hasattr(clf, "loss_curve_")  # drop_later_epochs kept its epochs
    patience = Patience(
        clf.tol,
        clf.n_iter_no_change,
        min(clf.loss_curve_, default=float("inf")) if resumed else float("inf"),
        getattr(clf, "_no_improvement_count", 0) if resumed else 0,
        higher_is_better=False,
    )

    def train_epoch(epoch):
        passes.when = f"epoch {epoch + 1}"  # a pass read from memory: unchecked
        _train_epoch(clf, windows, chunks(), epoch, progress, passes.path)
        passes.epochs_done += 1  # a change found later says it is lost
        _, stop = patience.update(clf.loss_curve_[-1])
        clf._no_improvement_count = patience.count  # the passes', not the chunks'
        if stop and progress is not None:
            progress.stopping(stop_reason(clf))
        return stop

    return train_epoch


# The passes of the records after the training, as their errors name them.
_AFTER = "a pass after the last epoch (recording the lengths by prefix)"


def _finish_record(record, chunks, progress, passes):
    """The passes of ``record`` left after the last epoch (the depths of its
    prefix table). A change of the file that they find keeps the model, which
    every epoch trained on the file as it was, with a FileChangedWarning
    (given after the error is handled: under an "error" filter, that warning
    alone is raised): the prefix table is left out (``record.done`` stays
    False), not made of two files."""
    passes.when = _AFTER
    try:
        record.finish(chunks, progress)
    except (ValueError, OSError):
        if passes.change is None:
            raise  # not a change of the file: its own error
    if passes.change is None:
        return
    warnings.warn(
        f"{shown_path(passes.path)} changed after the last epoch of training: "
        f"{passes.change}. The trained model is kept, as every epoch read the "
        "file as it was; it lacks only the record of the lengths of the names "
        "after each prefix, which that pass was building, so sampling with "
        "match_lengths=True after a prefix matches the lengths of all the names. "
        "For that record too, copy the file and train on the copy, which stays "
        "as it is.",
        FileChangedWarning,
        stacklevel=user_stacklevel(),
    )


def _check_pipeline_argument(pipeline):
    """Refuse a ``pipeline`` of another kind in the words of train_from_file;
    for a NameSampler (or another wrapper of a pipeline), say to pass its
    ``estimator``."""
    try:
        split_pipeline(pipeline, owner="train_from_file(pipeline=...)")
    except TypeError as error:
        if not isinstance(unfreeze(getattr(pipeline, "estimator", None)), Pipeline):
            raise
        raise TypeError(
            f"{error} Pass the pipeline it wraps: its estimator, as in "
            "train_from_file(path, sampler.estimator), or its fitted "
            "estimator_ with resume=True."
        ) from None


def _check_arguments(
    chunk_size, resume, check_names=None, return_sampler=False, verbose=False
):
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, Integral):
        raise TypeError(f"chunk_size must be a positive integer; got {chunk_size!r}.")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer; got {chunk_size!r}.")
    flags = ("verbose", verbose), ("resume", resume), ("return_sampler", return_sampler)
    for name, value in flags:
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False; got {value!r}.")
    wanted = "a function called on each chunk of names, or None"
    if check_names is not None and not callable(check_names):
        raise TypeError(f"check_names must be {wanted}; got {check_names!r}.")


def _training_copy(pipeline, resume):
    """A clone of the pipeline; resumed, with (copies of) its steps' fitted state.

    Without FrozenEstimator wrappers (of the pipeline or of its steps): a frozen
    estimator clones as itself, so training the clone would train the caller's.
    """
    trained = clone(unfreeze(pipeline))
    trained.steps = [
        (name, clone(unfreeze(step)) if isinstance(step, FrozenEstimator) else step)
        for name, step in trained.steps
    ]
    if resume:
        owner = "train_from_file"
        for new, old in zip(
            split_pipeline(trained, owner=owner), split_pipeline(pipeline, owner=owner)
        ):
            vars(new).update(copy.deepcopy(learned_state(old)))
    return trained


def _epochs_done(clf):
    """The epochs a resumed classifier has trained, when some are left to run."""
    if not hasattr(clf, "coefs_"):
        raise ValueError(
            "resume=True continues a fitted classifier, and this "
            f"{type(clf).__name__} is not fitted: pass resume=False to train a new "
            "model."
        )
    if getattr(clf, "label_classes_", None) is not None:
        raise ValueError(
            "train_from_file reads names without labels, and this classifier was "
            "fitted with labels: continue it with fit(names, labels) in memory."
        )
    # After early stopping, the run goes on from the epoch whose weights it kept.
    drop_later_epochs(clf)  # (clf is the training copy)
    done = len(clf.loss_curve_)
    if done >= clf.max_iter:
        raise ValueError(
            "Nothing to resume: the classifier has trained "
            f"{counted(done, 'epoch')}, and max_iter={clf.max_iter}. Raise max_iter "
            "(clf__max_iter=...) to train it longer."
        )
    return done


def _check_vocabularies_agree(windows, clf):
    if list(windows.vocabulary_) != list(clf.classes_):
        raise ValueError(
            "The transformer's vocabulary "
            f"{''.join(windows.vocabulary_)!r} is not the resumed classifier's "
            f"classes_ {''.join(clf.classes_)!r}: put the classifier behind the "
            "transformer it was trained with, or behind an unfitted one with the "
            "same parameters (fitted on the same file)."
        )


def _train_epochs(clf, callbacks, first, train_epoch):
    """Run ``train_epoch(epoch)`` for each epoch, as fit's epochs to callbacks.

    The ``callbacks`` (scikit-learn's callback API) see one ``fit`` task of
    ``clf`` whose ``"epoch"`` subtasks are the passes over the file, as in
    ``clf.fit``, not one task per chunk; a callback that returns True at the end
    of an epoch stops the training there. The chunks' ``partial_fit`` calls run
    without them. ``clf`` keeps its own callbacks. The epochs run from ``first``
    (the epochs trained before a resumed run) to ``max_iter``.
    """
    own = getattr(clf, "_skl_callbacks", [])
    clf.set_callbacks(*callbacks)
    ctx = clf._init_callback_context(max_subtasks=clf.max_iter - first)  # set up
    hooks = {
        "estimator": clf,
        "reconstruction_attributes": lambda: copy.deepcopy(learned_state(clf)),
    }
    clf.set_callbacks()
    try:
        ctx.call_on_fit_task_begin(estimator=clf)
        for epoch in range(first, clf.max_iter):
            task = ctx.subcontext(task_name="epoch")
            task.call_on_fit_task_begin(estimator=clf)
            stop = train_epoch(epoch)
            clf.n_iter_ = epoch + 1 - first
            if task.call_on_fit_task_end(**hooks) or stop:
                break
        ctx.call_on_fit_task_end(**hooks)
    finally:
        clf.set_callbacks(*own)
        for name in ("_callback_fit_ctx", "_skl_callbacks_to_teardown"):
            vars(clf).pop(name, None)  # left by a failure before any chunk
        for callback in callbacks:
            callback.teardown(estimator=clf, context=ctx)


def _mean_window_weight(windows, chunks, passes):
    """The mean weight of the file's windows of weight above 0 (a pass over
    ``chunks()``, named in the errors of ``passes``).

    ``fit`` divides the weights by this mean; ``partial_fit`` takes them as
    given, so each chunk's weights are divided by the mean of the whole file,
    and a chunk of rare names weighs less than one of common names.
    """
    total, n_windows = 0.0, 0
    passes.when = "the pass that weighs the counts"
    for chunk, weights in chunks():
        if weights.any():
            per_window = window_sample_weight(windows.transform(chunk), weights)
            total += float(per_window.sum())
            n_windows += int(np.count_nonzero(per_window))
    if not n_windows:  # the first pass found counts above 0: the file changed
        raise ValueError(
            "Every name of the file has the count 0 now: it changed while "
            "training read it again; train on a file that stays as it is."
        )
    return total / n_windows


def _scaled_chunks(chunks, scale):
    """``chunks()`` with every weight divided by ``scale``."""
    return lambda: ((chunk, weights / scale) for chunk, weights in chunks())


def _fit_chunk(clf, data, weights):
    """``partial_fit`` on a chunk's windows; their number (their total weight)."""
    if weights is None:
        clf.partial_fit(data)
        return len(data)
    try:
        clf.partial_fit(data, sample_weight=weights)
    except ValueError as error:
        window_weights = window_sample_weight(data, weights)
        raise _chunk_weight_error(error, window_weights, clf) from None
    return float(window_sample_weight(data, weights).sum())


def _chunk_weight_error(error, window_weights, clf):
    """``partial_fit``'s error on a chunk; when it diverged on weights far from
    1, advice on the chunks: the counts are divided by the mean of the whole
    file (:func:`_mean_window_weight`), so a chunk of rare names weighs little;
    and the setting of ``clf`` to lower, with a value: a step size above its
    default, else an L2 penalty ``alpha`` that outweighs them."""
    advice = weight_scale_advice(window_weights)
    if advice is None or advice not in str(error):
        return error
    mean = float(np.mean(window_weights[window_weights > 0]))
    head = str(error).partition(advice)[0].rstrip("; ")
    lower, step = ".", parameter_default(clf, "learning_rate_init")
    if clf.learning_rate_init > step:
        lower = (
            f", or lower learning_rate_init from {clf.learning_rate_init!r} to "
            f"{step} (a step too long)."
        )
    elif clf.alpha > HUGE_ALPHA * mean:
        lower = (
            f", or lower alpha from {clf.alpha!r} to {penalty_for(mean):.3g} "
            "(the L2 penalty outweighs them)."
        )
    return ValueError(
        f"{head}; training in chunks divides the counts by their mean per window "
        f"over the whole file, and the names of this chunk weigh {mean:.3g} per "
        "window on average: pass a larger chunk_size, so that each chunk holds "
        f"names of common and of rare counts alike{lower}"
    )


def _train_epoch(clf, windows, chunks, epoch, progress, path):
    """One pass over the file; appends the pass's mean loss to ``loss_curve_``."""
    start, total, n_windows = time.perf_counter(), 0.0, 0
    for index, (chunk, weights) in enumerate(chunks, 1):
        if weights is not None and not weights.any():
            continue  # names of count 0: nothing to learn
        chunk_start = time.perf_counter()
        data = windows.transform(chunk)
        mass = _fit_chunk(clf, data, weights)
        # partial_fit recorded the chunk as an epoch: keep the true epochs only,
        # so the next call's place on the schedule is still this epoch.
        chunk_loss = clf.loss_curve_.pop()
        total += chunk_loss * mass  # the mean loss of the pass, weighted
        n_windows += mass
        if progress is not None:
            seconds = time.perf_counter() - chunk_start
            progress.chunk(epoch + 1, index, len(chunk), chunk_loss, seconds)
        del data
    if not n_windows:  # the first pass found names: the file changed since
        raise ValueError(
            f"{shown_path(path)} holds no names any more: it changed while "
            "training read it again; train on a file that stays as it is."
        )
    clf.loss_curve_.append(total / n_windows)
    clf.loss_ = clf.loss_curve_[-1]
    if progress is not None:
        rate = scheduled_learning_rate(
            clf.learning_rate, clf.learning_rate_init, epoch, clf.max_iter
        )
        progress.epoch(epoch + 1, clf.loss_, rate, time.perf_counter() - start)
