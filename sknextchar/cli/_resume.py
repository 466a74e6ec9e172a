"""``sknextchar train --resume MODEL``: continue the training of a saved MLP.

The counterpart of ``train_from_file(..., resume=True)`` (and of a loop of
``partial_fit`` calls): the saved classifier goes on from the epoch after the
last one it trained up to ``--max-iter``, with its weights, its Adam state and
its place on the learning-rate schedule, on the names of NAMES_FILE (the bundled
names without it), every name trained on (none held out). A model whose early
stopping kept the weights of an earlier epoch than its last goes on from that
epoch (its Adam state is that epoch's), and says so. Without
``--chunk-size`` the names are read once into memory and trained on as one
chunk; with it, chunk by chunk as ``train --chunk-size`` does.

The record of training names that ``sample --novel`` and ``score`` consult then
holds the names of every run: those of the saved record and the names of this
one (the model has learned from both). A model without a record (trained with
``--chunk-size``), or a run with ``--chunk-size``, leaves the new file without
one, rather than with the record of a part of the names; it keeps the length
counts (the default length bounds, ``--match-lengths``) and the spelling of the
names of both runs, when the resumed model has them. For a model that keeps
case, so does the record of the names case-folded (``--novel`` leaves out case
variants): a file saved before that record gets it when NAMES_FILE holds all of
its names, and otherwise a warning says that ``--novel`` compares case exactly.

Ctrl-C once an epoch of the run ended, in the training or after it, keeps the
model in a new file beside ``-o`` (:mod:`~sknextchar.cli._interrupted`) with
these records of both runs: of the names read into memory, all of them (each
epoch trained on every one); read in chunks, the records complete by then (the
counts by prefix only once whole).
"""

import contextlib
import math
import os
import sys
import time
import warnings
from pathlib import Path

from .._file_passes import IN_MEMORY_ADVICE, FilePasses
from .._model_checks import DEFAULT_MAX_BYTES
from .._persistence import resolve_format
from .._shown_paths import shown_path
from .._skops_release import import_skops_io
from .._words import counted, one_or_many
from ..datasets._comment_lines import CommentLinesWarning
from ..datasets._quoted_lines import QuotedLinesWarning
from ..datasets._table_rows import TitleLinesWarning, UnnamedRowsWarning
from ._commands import (
    check_output,
    chunked_names_column,
    input_files,
    load_trained,
    names_column,
    save_and_say,
    training_names,
    with_record,
)
from ._flags import KN_FLAGS, TRAIN_FLAGS, given
from ._interrupted import keeping_epochs, with_kept_records
from ._lengths import name_length_check
from ._main import PROG
from ._quiet import inform
from ._stdin_files import shown_names_file
from ._streams import reader_may_leave
from ._told_once import told_unless_refused

__all__ = ["RESUME_KEYS", "resume"]

# The flags a resumed run takes: how it goes on training, not what the model is.
RESUME_KEYS = (
    "clf__max_iter",
    "clf__batch_size",
    "clf__learning_rate",
    "clf__learning_rate_init",
    "clf__alpha",
    "clf__dropout",
    "clf__random_state",
)


def resume(args):
    """``sknextchar train --resume MODEL``: continue a saved MLP, save a new file.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line of ``train``, with ``resume`` set.

    Returns
    -------
    status : int
        0.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> args = build_parser().parse_args(
    ...     ["train", "--resume", "old.skops", "--max-iter", "30", "-o", "new.skops"])
    >>> args.resume, args.run.__name__
    ('old.skops', 'train')
    """
    params = _resume_params(args)
    inputs = [*input_files(args), args.resume]
    fmt = resolve_format(Path(args.output), args.format)
    if fmt == "skops":
        import_skops_io()  # fail before training if skops is missing
    # The names are read (and refused) before the model, which may be large.
    source, names, weights = _names_to_train_on(args)
    max_bytes = getattr(args, "max_bytes", DEFAULT_MAX_BYTES)  # unset unless given
    old = load_trained(args.resume, args, max_bytes, resume=True)
    sampler, pipe, clf = _resumable_parts(old, args)
    told_unless_refused(pipe.steps[0][1])  # names in quotes: before any epoch
    clf.set_params(**params)
    done = _epochs_done(clf, args)
    # Before training, after the errors of the names and of the model file:
    # --force is no advice that only leads to one of them.
    check_output(args, inputs)
    _warn_other_names(args, sampler, names)
    start = time.perf_counter()
    keep, finished = _needs_records(sampler, names), []

    def record(fitted):  # with this run's records, as whole as they are by then
        records = finished[0] if finished else None
        if keep and not finished:  # Ctrl-C before train_from_file returned
            records = _records_so_far(fitted, latest, names, weights)
        return _with_record(fitted, sampler, names, weights, records)[0]

    # Ctrl-C: the finished epochs (the model once trained) go to a new file,
    # with the records of the names (not the resumed file's alone, nor none).
    with keeping_epochs(pipe, record, args, fmt) as latest:
        how_many = _how_many(names, weights)
        trained, records = _continue(args, pipe, source, done, latest, keep, how_many)
        finished.append(records)  # the report below may be interrupted too
        seconds = time.perf_counter() - start
        saved, note = _with_record(trained, sampler, names, weights, records)
        with reader_may_leave():  # stdout closed early: the model is still saved
            _report(args, done, clf, trained.steps[-1][1], seconds, note)
        _warn_exact_case(args, saved)
        # In the block: a Ctrl-C before the save starts keeps the model too.
        return save_and_say(saved, args, inputs, fmt)


def _report(args, done, before, clf, seconds, note):
    """What ``train --resume`` prints once the model is trained."""
    if done < len(before.loss_curve_):  # said once the file was accepted
        print(_kept_epoch_note(args.resume, done, len(before.loss_curve_)))
    inform(
        f"Continued {shown_path(args.resume)} for {counted(clf.n_iter_, 'epoch')} "
        "(epochs "
        f"{done + 1} to {len(clf.loss_curve_)} of --max-iter {clf.max_iter}) "
        f"on {_source(args)} in {seconds:.1f} s; training loss {clf.loss_:.4f} "
        "nats per character (no names held out)."
    )
    inform(note)


def _warn_other_names(args, sampler, names):
    """Say on stderr when none of the names read from a table is among those
    the resumed model was trained on: read from another column, say (the
    model records its names, not how they were read). A file of one name a
    line has no other column to read: nothing is said."""
    if sampler is None or not names or not _has_record(sampler):
        return
    if args.names_column is None:  # not a table: no other column to read
        return
    try:
        if sampler.in_training_set(sorted(set(names))).any():
            return
    except ValueError:  # names the model cannot read: the training says so
        return
    read = shown_names_file(args) if args.names_file else "the bundled names"
    print(
        f"{PROG}: warning: none of the {counted(len(set(names)), 'distinct name')} of "
        f"{read} is among the names "
        f"{shown_path(args.resume)} was trained on, so it goes on learning other "
        "names. If its training read them from another column, or with other "
        "flags, pass the same (--names-column, --counts, --no-header, --encoding).",
        file=sys.stderr,
    )


def _resume_params(args):
    """The settings of the resumed classifier; refuse the flags it cannot take."""
    if args.labels is not None:
        raise ValueError(
            "--labels cannot be used with --resume, which continues a model of names "
            "without labels: train a new model with --labels on all the names."
        )
    if args.model != "mlp" or given(args, KN_FLAGS):
        raise ValueError(
            "--resume continues the training of an MLP. A count model (--model "
            "kneser-ney) needs no resuming: train it again, without --resume, on "
            "all the names, old and new; counting them takes a fraction of a second."
        )
    params = given(args, TRAIN_FLAGS)
    if params.pop("clf__validation_fraction", 0) > 0:
        raise ValueError(
            "--resume holds out no names (it trains as partial_fit does, on every "
            "name): pass --validation-fraction 0 or leave it out, and score held-out "
            "names of your own with 'sknextchar score'."
        )
    fixed = [flag.flag for flag in TRAIN_FLAGS if flag.key in params]
    fixed = [flag for flag in fixed if _key(flag) not in RESUME_KEYS]
    if fixed:
        takes = [_flag(key) for key in RESUME_KEYS]
        raise ValueError(
            f"--resume continues {shown_path(args.resume)} as it is, so "
            f"{', '.join(fixed)} "
            f"cannot be changed (a resumed run takes {', '.join(takes)}): leave "
            f"{one_or_many(len(fixed), 'it', 'them')} out, or train a new model "
            "without --resume."
        )
    settings = {key.rpartition("__")[2]: value for key, value in params.items()}
    return {**settings, "early_stopping": False, "validation_fraction": 0.0}


def _key(flag_name):
    return next(flag.key for flag in TRAIN_FLAGS if flag.flag == flag_name)


def _flag(key):
    return next(flag.flag for flag in TRAIN_FLAGS if flag.key == key)


def _resumable_parts(model, args):
    """The sampler (None for a bare pipeline), pipeline and MLP of a model file."""
    from sklearn.pipeline import Pipeline

    from .._classifier import CharEmbeddingMLPClassifier
    from .._fitted import describe, find_parts
    from .._sampler import NameSampler
    from .._steps import unfreeze

    sampler = unfreeze(model)
    pipe = unfreeze(sampler.estimator_) if isinstance(sampler, NameSampler) else sampler
    last = find_parts(model)[1] if isinstance(pipe, Pipeline) else None
    if isinstance(pipe, CharEmbeddingMLPClassifier):  # a Checkpoint's file
        raise ValueError(
            f"{shown_path(args.resume)} holds a CharEmbeddingMLPClassifier alone, "
            "without "
            "the ContextWindowTransformer that reads names for it (a file of the "
            "Checkpoint callback, say), and --resume continues a model that "
            "'sknextchar train' saved. In Python, put it back behind its fitted "
            "transformer (make_pipeline(pipe[0], load_model(path))) and save "
            "that; or train a new model without --resume."
        )
    if not isinstance(last, CharEmbeddingMLPClassifier):
        shown = describe(last if last is not None else model)
        raise ValueError(
            f"--resume continues the training of an MLP model (train --model mlp, "
            f"the default), and {shown_path(args.resume)} holds a {shown}. A count "
            "model "
            "needs no resuming: train it again, without --resume, on all the "
            "names, old and new; counting them takes a fraction of a second."
        )
    if getattr(last, "label_classes_", None) is not None:
        raise ValueError(
            f"{shown_path(args.resume)} is a model of names by label (trained with "
            "--labels), "
            "and --resume continues a model of names without labels: train a new "
            "model with --labels on all the names."
        )
    if last.average is not None:
        raise ValueError(
            f"--resume cannot continue {shown_path(args.resume)}: its MLP averages its "
            f"parameters (average={last.average!r}, set in Python), and --resume "
            "trains with a partial_fit per chunk and epoch, each of which would "
            "average its own steps only. Train a new model without --resume on "
            "all the names, or set average=None on its classifier in Python first."
        )
    sampler = sampler if isinstance(sampler, NameSampler) else None
    return sampler, pipe, last


def _epochs_done(clf, args):
    """The epochs the classifier has trained, when --max-iter leaves some to run.

    After early stopping, those up to the epoch whose weights it kept: the run
    goes on from there (``nn.training.trained_epochs``).
    """
    from ..nn.training import trained_epochs

    done, run = trained_epochs(clf), len(clf.loss_curve_)
    if done >= clf.max_iter:
        whose = "" if getattr(args, "clf__max_iter", None) else "its "
        kept = f" (the weights early stopping kept, of the {run} it ran)" * (done < run)
        raise ValueError(
            f"Nothing to resume: {shown_path(args.resume)} has trained "
            f"{counted(done, 'epoch')}{kept}, and {whose}--max-iter is "
            f"{clf.max_iter}. Pass a larger --max-iter (the total number of epochs, "
            f"e.g. --max-iter {done + 10} for 10 more)."
        )
    return done


def _names_to_train_on(args):
    """What to train on, ``(path, chunk_size, passes)``, the names and their
    counts (None with --chunk-size). Read into memory, the names are the
    first pass of ``passes`` (a FilePasses; None with --chunk-size): the
    training's passes must read the file that this one read."""
    if args.chunk_size is not None and not args.names_file:
        raise ValueError("--chunk-size reads NAMES_FILE in chunks: pass NAMES_FILE.")
    if args.names_file:  # a table's column of names, read the same way twice
        args.names_column = chunked_names_column(args)
        from ._weights import check_counts_in_table

        check_counts_in_table(args, args.names_column)
    if args.chunk_size is not None:
        return (args.names_file, args.chunk_size, None), None, None
    path = args.names_file or _bundled_names_file()
    passes = FilePasses(path, first=_MEMORY)  # the file before it is read
    with _no_memory_advice(), passes.reading():  # a change while read: refused
        names, _, weights = training_names(args)
    return (path, len(names), passes), names, weights  # one chunk: in memory


def _bundled_names_file():
    from ..datasets._bundled import bundled_files

    for path in bundled_files():
        if os.path.basename(path) == "indian_names.txt":
            return path
    raise ValueError(
        "The bundled names are not a file in this installation: pass NAMES_FILE "
        "(e.g. write sknextchar.datasets.load_indian_names() to a file)."
    )


def _how_many(names, weights):
    """``"12 names"`` in memory, with what their counts stand for (those of
    count 0 left out); None with --chunk-size (no names in memory)."""
    if names is None:
        return None
    from ._weights import how_many_names

    return how_many_names(names, weights)


def _source(args):
    if args.names_file:
        return f"the names of {shown_names_file(args)}"
    return "the bundled Indian names"


def _kept_epoch_note(resumed, done, n_run):
    """Why the resumed run started after epoch ``done`` of the ``n_run`` it ran."""
    return (
        f"{shown_path(resumed)} holds the weights of epoch {done} of the {n_run} it "
        "ran, the best on its held-out names (early stopping kept them): the "
        f"training went on from epoch {done + 1}, and the loss curve of the later "
        "epochs is left out."
    )


# train_from_file's advice of a resumed run (TRAIN_A_NEW_MODEL), in flags: the
# part its errors of the names take (their advising), never found in their text.
_TRAIN_A_NEW_MODEL = "train a new model (without --resume) with "


def _continue(args, pipe, source, done, latest, records=True, how_many=None):
    """Train the epochs past ``done`` on ``source``, ``(path, chunk_size,
    passes)`` (in memory: ``how_many`` names, in words, which the FilePasses
    ``passes`` read: the training must start on the same file),
    with the callback ``latest`` first: a trained copy of ``pipe``, and (if
    ``records``, else None) the sampler of ``train_from_file`` around it, with
    the records of the lengths and spelling of the names read."""
    from .._chunked import train_from_file
    from .._unknown_advice import TRAIN_A_NEW_MODEL, DroppedNamesError
    from .._vocabulary_pass import UnknownSymbolsError
    from ._no_header import command_line_words, file_columns

    (path, chunk_size, passes), clf = source, pipe.steps[-1][1]
    in_chunks, progress = args.chunk_size is not None, []
    if not (args.quiet or in_chunks):
        from ._progress import EpochProgress

        header = f"Continuing the training on {how_many} from {_source(args)}..."
        progress = [EpochProgress(header, first_epoch=done)]
    clf.set_callbacks(latest, *progress)
    try:  # its first pass refuses characters the model does not know
        with (
            command_line_words(),
            _told_before(not in_chunks),
            _no_memory_advice(not in_chunks),
        ):
            _same_file(passes, _AFTER_MEMORY)  # the names in memory are its
            trained = train_from_file(
                path, pipe, chunk_size=chunk_size, encoding=args.encoding,
                verbose=in_chunks and not args.quiet, resume=True,
                check_names=name_length_check(args), return_sampler=records,
                **file_columns(args, names_column(args)),  # --no-header: by number
            )  # fmt: skip
    except (UnknownSymbolsError, DroppedNamesError) as error:  # its own advice
        if error.fitting or error.again != TRAIN_A_NEW_MODEL:
            raise  # pragma: no cover (a resumed run's names are encoded)
        # The transformer's own parameters, which the flags set (not spelled
        # as the pipeline's: a file saved in Python may name its steps freely).
        raise error.respelled(None).advising(_TRAIN_A_NEW_MODEL) from None
    finally:
        clf.set_callbacks()
    pipe = trained.estimator_.estimator if records else trained
    pipe.steps[-1][1].set_callbacks()  # a runtime hook: the file holds none
    return pipe, trained if records else None


# The reading of the names into memory, and the training's first pass after
# it, as a change found then is said.
_MEMORY = "the reading of the names into memory"
_AFTER_MEMORY = "the pass after the one that read the names into memory"


def _same_file(passes, when):
    """Refuse the file if it is no longer the one ``passes`` read (None, read
    in chunks: train_from_file's own passes check it), by its bytes too: a
    rewrite of the same size that kept the file's time while the model loaded
    is seen. What is left unseen is a change in the few milliseconds between
    this hash and train_from_file's own first look at the file (from which
    its passes are checked)."""
    if passes is not None:
        passes.check(when, rehash=True)


@contextlib.contextmanager
def _no_memory_advice(in_memory=True):
    """Without the advice of a changed file to read its names into memory
    (:data:`~sknextchar._file_passes.IN_MEMORY_ADVICE`; to train without
    --chunk-size, on the command line): this run does, or reads them in
    chunks because they do not fit (``in_memory`` False: the advice stays)."""
    try:
        yield
    except ValueError as error:  # the file changed
        if not in_memory or IN_MEMORY_ADVICE not in str(error):
            raise
        raise ValueError(str(error).replace(IN_MEMORY_ADVICE, "")) from None


@contextlib.contextmanager
def _told_before(in_memory):
    """Without the warnings of the file's lines that the names read into
    memory already gave (``in_memory``): its first pass reads them again."""
    with warnings.catch_warnings():
        if in_memory:
            for told in _READ_BEFORE:
                warnings.filterwarnings("ignore", category=told)
        yield


# The reader's warnings of a file's lines: quoted lines, rows with no name, '#'
# lines, a title above the header row.
_READ_BEFORE = (
    QuotedLinesWarning, UnnamedRowsWarning, CommentLinesWarning, TitleLinesWarning
)  # fmt: skip


def _records_so_far(pipe, latest, names, weights):
    """This run's records (a sampler of ``pipe``) when Ctrl-C stopped it before
    ``train_from_file`` returned them: those of the names in memory (each epoch
    kept trained on all of them), or, read in chunks, those complete in the
    passes over the file (:func:`with_kept_records`; None before the first
    pass ended)."""
    if names is None:
        return with_kept_records(pipe, latest)
    return with_record(pipe, names, weights=weights)


def _with_record(pipe, sampler, names, weights=None, records=None):
    """What to save, and a line on its record of training names.

    Without a record of the names, the records of the lengths and spelling of
    both runs (``records``: this one's sampler) are kept when the resumed model
    has them.
    """
    # A sampler saved before 0.2.0 has no record (no attribute at all).
    if sampler is None or names is None or not _has_record(sampler):
        pipe = _with_lengths(pipe, sampler, records)
        why = (
            "--chunk-size keeps none"
            if names is None
            else "the resumed model had none, so it would miss the first names"
        )
        return pipe, (
            f"The new model keeps no record of its training names ({why}): "
            "to leave them out of sample, pass their file with --exclude-file "
            "instead of --novel."
        )
    return merged_record(sampler, pipe, names, weights), (
        "Its record of training names (sample --novel, score) holds the names "
        "of the resumed model and these."
    )


def _warn_exact_case(args, saved):
    """Say on stderr when --novel on the new file compares case exactly: it
    keeps case, and the resumed file had no record of its names case-folded
    that the names of this run could make whole (:func:`merged_record`).

    Not when the new file keeps no record of its names at all (read in
    chunks, or resumed from a model without one): :func:`_with_record`
    already said so, and there is nothing for --novel to compare.
    """
    from .._sampler import NameSampler
    from .._training_record import lacks_folded

    if not isinstance(saved, NameSampler) or not _has_record(saved):
        return  # no record of the names: its note says so
    if not lacks_folded(saved):
        return
    print(
        f"{PROG}: warning: {shown_path(args.resume)} has no record of its training "
        "names "
        "case-folded (it was saved before sknextchar kept one), and "
        f"{_source(args)} do not hold all of them: sample --novel, sample "
        f"--report and score on {shown_path(args.output)} compare names exactly, so a "
        "case variant of a training name (HALEIGH beside Haleigh) counts as "
        "new. To leave case variants out, resume it on a file that holds every "
        "name it was trained on, or train a new model on all the names without "
        "--resume ('sknextchar train NAMES_FILE --keep-case ... -o MODEL').",
        file=sys.stderr,
    )


def merged_record(sampler, pipe, names, weights=None):
    """A sampler of ``pipe`` whose record holds ``sampler``'s names and ``names``.

    Parameters
    ----------
    sampler : NameSampler
        The resumed model's sampler, with a record of its training names.
    pipe : Pipeline
        The pipeline trained further (on ``names``).
    names : list of str
        The names of the continued run.
    weights : ndarray or None, default=None
        Their counts (``--counts``), for the length counts.

    Returns
    -------
    sampler : NameSampler
        With ``sampler``'s settings: ``in_training_set`` and ``novel=True`` know
        the names of both runs, in any case for a model that keeps case (the
        record of the names case-folded: the union of both runs'; for a
        ``sampler`` saved before that record, the new names' when they hold
        all of its names, else none, and ``novel=True`` compares case
        exactly), the length counts add those of both (each run's names
        counted in its own ``training_name_weight_``), and so do
        the steps of their spelling (``training_transitions_``; None, no test,
        when ``sampler`` has none: it was saved before them).

    Examples
    --------
    >>> from sknextchar.cli._commands import build_pipeline, with_record
    >>> pipe = build_pipeline(clf__max_iter=1, clf__random_state=0)
    >>> old = with_record(pipe.fit(["abid", "asha"] * 5), ["abid", "asha"])
    >>> new = merged_record(old, pipe, ["ravi"])
    >>> new.in_training_set(["asha", "ravi", "uma"]).tolist()
    [True, True, False]
    """
    import numpy as np
    from sklearn.frozen import FrozenEstimator

    from .._sampler import NameSampler
    from .._spelling import spelling_union

    params = {**sampler.get_params(deep=False), "estimator": FrozenEstimator(pipe)}
    merged = NameSampler(**params).fit(names, sample_weight=weights)
    merged.training_name_folded_hashes_ = _merged_folded(sampler, merged)
    merged.training_name_hashes_ = np.union1d(
        sampler.training_name_hashes_, merged.training_name_hashes_
    )
    merged.training_name_weight_ = _merged_weight(sampler, merged)
    merged.training_length_counts_ = _added(
        sampler.training_length_counts_, merged.training_length_counts_
    )
    merged.training_transitions_ = spelling_union(  # not the new names' only
        getattr(sampler, "training_transitions_", None), merged.training_transitions_
    )
    return merged


def _merged_folded(old, new):
    """The record of the names of both runs case-folded; None without case,
    or when the resumed model has none (saved before it) and not all of its
    names are among the new run's (whose folded record is then complete)."""
    import numpy as np

    from .._training_record import contains

    old_folded = getattr(old, "training_name_folded_hashes_", None)
    new_folded = new.training_name_folded_hashes_
    if new_folded is None:
        return None  # a vocabulary without case
    if old_folded is not None:
        return np.union1d(old_folded, new_folded)
    if contains(new.training_name_hashes_, old.training_name_hashes_).all():
        return new_folded  # resumed on its own names (and more): all folded
    return None


def _with_lengths(pipe, sampler, records):
    """``pipe`` in a sampler with the records of the lengths and spelling of
    the resumed model's names and of this run's (``records``, the sampler of
    ``train_from_file``), or ``pipe`` when the resumed model has neither.

    The length counts add those of both runs (none when the resumed model has
    none: a file saved before ``--chunk-size`` kept them), each run's names
    counted in its own weight of one name (``training_name_weight_``); the
    counts by prefix are this run's, as :func:`merged_record` keeps them; the
    spelling, both runs' (:func:`~sknextchar._spelling.spelling_union`).
    """
    from .._fitted import as_sampler
    from .._spelling import spelling_union

    if records is None:  # Ctrl-C before the first pass ended: no record
        return pipe
    old = getattr(sampler, "training_transitions_", None)
    both = spelling_union(old, records.training_transitions_)
    old_counts = getattr(sampler, "training_length_counts_", None)
    if both is None and old_counts is None:
        return pipe
    saved = as_sampler(pipe, PROG, max_length=None)  # bounds from the lengths
    saved.training_transitions_ = both
    if old_counts is not None:
        saved.training_name_weight_ = _merged_weight(sampler, records)
        saved.training_length_counts_ = _added(
            old_counts, records.training_length_counts_
        )
        saved.training_prefix_lengths_ = records.training_prefix_lengths_
    return saved


def _merged_weight(old, new):
    """The weight of one name in the length counts of samplers ``old`` and
    ``new`` added: each counts its names in its own weight of one name (1.0
    for a file saved before ``training_name_weight_``)."""
    from .._sample_weight import merged_name_weight

    runs = [old, new]
    totals = [math.fsum(run.training_length_counts_) for run in runs]
    weights = [getattr(run, "training_name_weight_", 1.0) for run in runs]
    return merged_name_weight(totals, weights)


def _added(old, new):
    """Two arrays of length counts added (the shorter padded with zeros)."""
    import numpy as np

    counts = np.zeros(max(len(old), len(new)), dtype=np.result_type(old, new))
    counts[: len(old)] += old
    counts[: len(new)] += new
    return counts


def _needs_records(sampler, names):
    """Whether :func:`_with_record` keeps the records of this run's lengths
    and spelling (built in passes over the file): not when it merges the
    record of the names, nor when the resumed model has neither record."""
    if sampler is None or (names is not None and _has_record(sampler)):
        return False
    kept = ("training_transitions_", "training_length_counts_")
    return any(getattr(sampler, key, None) is not None for key in kept)


def _has_record(sampler):
    return getattr(sampler, "training_name_hashes_", None) is not None
