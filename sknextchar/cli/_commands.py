"""What each command does: train, sample, table and the main job.

Each command takes the parsed command line and returns the exit status. The
modules that need scikit-learn, skops, rich or matplotlib are imported inside the
commands that use them, so that ``--help`` and argument errors never load them.
"""

import os
import sys
import time
from pathlib import Path

from .._file_safety import check_target
from .._model_files import keep_other_files
from .._own_classes import own_class
from .._persistence import load_model, resolve_format
from .._shown_paths import shown_path
from .._skops_release import import_skops_io
from .._text import describe_symbol
from .._version import __version__
from .._words import one_or_many
from .._wrong_kind import WrongKindError
from ..datasets import load_indian_names
from ._errors import PROG
from ._file_arguments import (
    check_context_not_file,
    check_exclude_not_model,
    check_names_not_files,
)
from ._flags import KN_FLAGS, SAMPLER_FLAGS, TRAIN_FLAGS, given
from ._label_checks import is_labels_file
from ._lengths import check_length_flags, check_name_lengths, table_max_length
from ._names_out import NamesOut
from ._places import places_of
from ._quiet import inform
from ._record_flags import check_record
from ._report_hints import novel_repeats_note, sample_report_text

__all__ = [
    "MAIN_JOB_N_NAMES",
    "MAIN_JOB_SEED",
    "build_pipeline",
    "check_output",
    "check_own_model",
    "chunked_names_column",
    "given_names",
    "input_files",
    "load_sampler",
    "load_trained",
    "main_job",
    "names_column",
    "refuse_count_flags",
    "sample",
    "save_and_say",
    "table",
    "tell_prefix_read",
    "train",
    "training_names",
]

# The main job is reproducible: the same model and the same names every run.
MAIN_JOB_SEED = 0
MAIN_JOB_N_NAMES = 20
# The main job's report line is about this many names drawn the same way.
MAIN_JOB_REPORT_N = 2000


# --------------------------------------------------------------------------- #
# Training.
# --------------------------------------------------------------------------- #
def build_pipeline(**params):
    """The pipeline that ``sknextchar train`` fits, with ``set_params`` settings.

    :func:`~sknextchar.make_default_pipeline` with the settings applied; held-out
    names are used (``clf__early_stopping``) exactly when
    ``clf__validation_fraction`` is above 0.

    Parameters
    ----------
    **params
        Settings such as ``clf__max_iter=5`` or ``windows__context_length=4``.

    Returns
    -------
    pipe : Pipeline
        Unfitted, with steps named ``windows`` and ``clf``.

    Examples
    --------
    >>> from sknextchar.cli import build_pipeline
    >>> pipe = build_pipeline(clf__max_iter=5)
    >>> list(pipe.named_steps), pipe["clf"].max_iter, pipe["clf"].early_stopping
    (['windows', 'clf'], 5, True)
    """
    from .._presets import make_default_pipeline

    pipe = make_default_pipeline().set_params(**params)
    clf = pipe["clf"]
    clf.set_params(early_stopping=clf.validation_fraction > 0)
    return pipe


def _fit(pipe, names, *, quiet, header=None, labels=None, weights=None, keep=()):
    """Fit with the progress on stderr; returns the seconds taken. ``keep``:
    callbacks run before the progress (the model of each epoch, for Ctrl-C)."""
    from .._pipeline import fit_weighted
    from ._progress import EpochProgress

    start = time.perf_counter()
    clf = pipe["clf"]
    clf.set_callbacks(*keep, *([] if quiet else [EpochProgress(header)]))
    try:
        fit_weighted(pipe, names, labels, weights)
    finally:
        clf.set_callbacks()  # a runtime hook: the saved model holds none
    return time.perf_counter() - start


def train(args):
    """``sknextchar train``: fit the pipeline on names and save it.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    status : int
        0.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> build_parser().parse_args(["train", "-o", "m.skops"]).run.__name__
    'train'
    """
    if getattr(args, "resume", None) is not None:
        from ._resume import resume

        return resume(args)
    _refuse_loading_flags(args)
    from .._pipeline import check_pipeline_to_fit
    from .._vocabulary import refuse_unseen_end_symbol

    # A bad --end-symbol or --alphabet before any line of the file is read;
    # one that does not show too (a fit in Python warns: it may be a copy's).
    pipeline = build_pipeline(**given(args, TRAIN_FLAGS))
    check_pipeline_to_fit(pipeline)
    refuse_unseen_end_symbol(pipeline["windows"].end_symbol)
    if getattr(args, "chunk_size", None) is not None:
        from ._in_chunks import train_in_chunks

        return train_in_chunks(args)
    from ._quoted_names import labels_file_advice, quotes_refused_at_once

    # Names in quotes that the alphabet cannot hold: one error, not a warning
    # then the fit's error advising an alphabet that learns the quotes.
    windows = build_pipeline(**given(args, TRAIN_FLAGS))["windows"]
    with quotes_refused_at_once(windows, labels=args.labels) as read:
        names, labels, weights = training_names(args)
        read(names)
    from .._left_out import check_unlearned_names

    # A name of count 0 that is no name (a zero-width space), before training.
    check_unlearned_names(build_pipeline(**given(args, TRAIN_FLAGS)), names, weights)
    # Fail before training, not after: no folder, a FIFO, an existing file
    # without --force, or the names file itself.
    check_output(args, input_files(args))
    fmt = resolve_format(Path(args.output), args.format)  # save_model's rule
    if fmt == "skops":
        import_skops_io()  # fail before training if skops is missing
    if args.model != "kneser-ney":
        return _train_mlp(args, names, labels, weights, fmt)
    from ._counts import fit_counts

    with labels_file_advice(args.labels):  # its words for the fit's advice
        pipe = fit_counts(args, names, labels, weights)
    saved = with_record(pipe, names, labels, weights)
    return save_and_say(saved, args, input_files(args), fmt)


def _train_mlp(args, names, labels, weights, fmt):
    """Fit the MLP of ``train``, print the report and save it; then, when the
    count model of ``--model kneser-ney`` scores clearly better on the same
    held-out names, say so (:func:`~sknextchar.cli._counts.note_count_model`)."""
    from .._holdout import peeked_hold_out_seed
    from ._counts import note_count_model
    from ._interrupted import keeping_epochs
    from ._quoted_names import labels_file_advice
    from ._stdin_files import shown_names_file
    from ._streams import reader_may_leave
    from ._train_report import report_training
    from ._weights import how_many_names

    refuse_count_flags(args)
    pipe = build_pipeline(**given(args, TRAIN_FLAGS))
    source = "the bundled Indian names"
    if args.names_file:  # in quotes, and '-' as standard input ('-')
        source = shown_names_file(args)
    header = f"Training on {how_many_names(names, weights)} from {source}..."

    def record(fitted):
        return with_record(fitted, names, labels, weights)

    seed = peeked_hold_out_seed(pipe["clf"].random_state)  # the fit's draw
    # Ctrl-C: the finished epochs (or the trained model, once the fit has
    # ended) are saved to a new file beside -o.
    with keeping_epochs(pipe, record, args, fmt) as latest:
        with labels_file_advice(args.labels):
            seconds = _fit(
                pipe, names, quiet=args.quiet, header=header, labels=labels,
                weights=weights, keep=[latest],
            )  # fmt: skip
        with reader_may_leave():  # stdout closed early: the model is saved
            report_training(pipe, names, weights, seconds, labels)
            note_count_model(args, pipe, names, weights, seed)
        # In the block: a Ctrl-C before the save starts keeps the model.
        return save_and_say(record(pipe), args, input_files(args), fmt)


def save_and_say(model, args, inputs, fmt):
    """Save the trained model to ``-o`` (or keep it elsewhere) and say where.

    The last step of ``train`` and ``train --chunk-size``, called inside the
    training's Ctrl-C handling so that a Ctrl-C before the save starts keeps
    the model too.

    Parameters
    ----------
    model : estimator
        The trained model (a NameSampler or a pipeline).
    args : argparse.Namespace
        The parsed command line, with ``output`` and ``force``.
    inputs : list of str
        The command's input files, never overwritten.
    fmt : {"skops", "joblib"}
        The format to write.

    Returns
    -------
    status : int
        0, once ``-o`` was written and named on the standard output.

    Raises
    ------
    OSError, ValueError, SystemExit
        As :func:`~sknextchar.cli._saving.save_trained`.

    Examples
    --------
    >>> import argparse, os, tempfile
    >>> from sknextchar import ContextWindowTransformer
    >>> model = ContextWindowTransformer().fit(["asha"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     args = argparse.Namespace(output=os.path.join(tmp, "m.skops"), force=False)
    ...     save_and_say(model, args, [], "skops")  # doctest: +ELLIPSIS
    Saved the model to '.../m.skops' (skops format).
    0
    """
    from ._saving import save_trained

    path = save_trained(model, args, inputs, fmt)
    inform(f"Saved the model to {shown_path(path)} ({fmt} format).")
    return 0


def _refuse_loading_flags(args):
    """--trust-pickle and --max-bytes read a model file, which only --resume does."""
    given_flags = ["--trust-pickle"] if getattr(args, "trust_pickle", False) else []
    if hasattr(args, "max_bytes"):  # train leaves it unset unless given
        given_flags.append("--max-bytes")
    if given_flags:
        verb, them = one_or_many(len(given_flags), ("sets", "it"), ("set", "them"))
        raise ValueError(
            f"{' and '.join(given_flags)} {verb} how --resume reads a model file, and "
            f"train without --resume reads none: pass --resume MODEL, or leave "
            f"{them} out."
        )


def refuse_count_flags(args):
    """The count model's flags mean nothing to the MLP: refuse them."""
    count_only = [flag.flag for flag in KN_FLAGS if flag.key in given(args, KN_FLAGS)]
    if count_only:
        verb, them = one_or_many(len(count_only), ("sets", "it"), ("set", "them"))
        raise ValueError(
            f"{', '.join(count_only)} {verb} the count model: pass --model "
            f"kneser-ney, or leave {them} out to train the MLP."
        )


def input_files(args):
    """The files ``train`` reads and never writes: NAMES_FILE (else the bundled
    names and labels), and a labels file."""
    from ..datasets._bundled import bundled_files

    labels = getattr(args, "labels", None)
    names = [args.names_file] if args.names_file else bundled_files()
    return names + ([labels] if labels and is_labels_file(labels) else [])


def training_names(args):
    """The names of ``train``, their labels (None without ``--labels``) and
    their counts (None without ``--counts``)."""
    from ._no_header import command_line_words, headerless_names, no_header
    from ._weights import check_counts_flags

    if no_header(args):  # a table without a header row: columns by number
        names, labels, weights = headerless_names(args)
        check_name_lengths(names, args.names_file, places_of(args))
        return names, labels, weights
    check_counts_flags(args)  # before the names; the header, before their rows
    counts = getattr(args, "counts", None)
    if args.labels is not None:
        from ._labelled import read_labelled_names

        with command_line_words(model=args.output):
            names, labels, *weights = read_labelled_names(
                args.names_file, args.labels, encoding=args.encoding,
                places=places_of(args), names_column=names_column(args),
                counts=counts, whole_counts=args.model == "kneser-ney",
            )  # fmt: skip
        weights = weights[0] if weights else None
    elif args.names_file:
        names, weights = _names_of_file(args, args.names_file, training=True)
        labels = None
    else:
        return load_indian_names(), None, None
    check_name_lengths(names, args.names_file, places_of(args))
    return names, labels, weights


def names_column(args):
    """``--names-column``, or None (also for a command without the flag)."""
    return getattr(args, "names_column", None)


def _names_of_file(args, path, *, training=False, places=True, allow_empty=False):
    """The names of a file (a table's column of names), their lines recorded
    (and, for training, their counts: ``(names, weights)``)."""
    from ._labelled import read_names_file
    from ._no_header import command_line_words

    with command_line_words(training):
        return read_names_file(
            path, encoding=args.encoding, names_column=names_column(args),
            places=places_of(args) if places else None, training=training,
            counts=getattr(args, "counts", None), with_counts=training,
            whole_counts=getattr(args, "model", None) == "kneser-ney",
            allow_empty=allow_empty,
        )  # fmt: skip


def check_output(args, inputs, *, keep=keep_other_files):
    """Refuse ``-o`` before any work: ``check_target`` with ``--force`` and the
    command line's spelling of its advice.

    ``--force`` replaces an existing model file; a file that is no model file
    (a names file, a table) is never replaced by a model, not even with it
    (``plot`` passes the rule of its pictures as ``keep``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line, with ``output`` and ``force``.
    inputs : list of str
        The command's input files, never overwritten.
    keep : callable, default=keep_other_files
        What an existing file must be to be replaced (``keep`` of
        :func:`~sknextchar._file_safety.check_target`): a model file.

    Examples
    --------
    >>> import argparse, os, tempfile
    >>> from sknextchar.cli._commands import check_output
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     names = os.path.join(tmp, "names.txt")
    ...     with open(names, "w") as f:
    ...         _ = f.write("asha\\n")
    ...     try:
    ...         check_output(argparse.Namespace(output=names, force=True), [names])
    ...     except ValueError as exc:
    ...         print(str(exc).split(": ")[1][:34])
    it is one of the input files of th
    """
    return check_target(
        args.output, inputs=inputs, force=args.force, command_line=True, keep=keep
    )


def chunked_names_column(args):
    """The column of names of NAMES_FILE read in chunks (None: one per line),
    recorded with the file for the error messages; with ``--no-header``, its
    position (counted from 0), the columns checked against the first row."""
    from ._labelled import names_column_of
    from ._no_header import check_columns, command_line_words, no_header

    _check_read_twice(args)
    if no_header(args):  # a number, read by file_columns; its places by position
        at = check_columns(args)
        places_of(args).add_file(
            "names", args.names_file, args.encoding, at, by_position=True
        )
        return names_column(args)
    with command_line_words():
        column = names_column_of(
            args.names_file, encoding=args.encoding, names_column=names_column(args),
            training=True, counts=getattr(args, "counts", None),
        )  # fmt: skip
    places_of(args).add_file("names", args.names_file, args.encoding, column)
    return column


def _check_read_twice(args):
    """--chunk-size and --resume read NAMES_FILE again: refuse a pipe."""
    path = args.names_file
    if os.path.exists(path) and not (os.path.isfile(path) or os.path.isdir(path)):
        flag = "--resume" if getattr(args, "resume", None) else "--chunk-size"
        raise ValueError(
            f"{flag} reads NAMES_FILE more than once, and {shown_path(path)} is not a "
            "regular file (a pipe or standard input can be read only once): save "
            "the names to a file and pass that file."
        )


# --------------------------------------------------------------------------- #
# Using a saved model.
# --------------------------------------------------------------------------- #
def given_names(args, counted=None):
    """The names of the command line, then those of ``--names-file``.

    Each name is stripped of the spaces around it, as a line of a names file is.

    Parameters
    ----------
    args : argparse.Namespace
        With ``names``, ``names_file`` and ``encoding``.
    counted : callable, optional
        Reads ``--names-file`` after the NAMEs (``counted(args, names)``):
        all the names (``score``'s plain list, each name with its count), or
        None for the whole reader to read it.

    Returns
    -------
    names : list of str

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> given_names(build_parser().parse_args(["score", "m.skops", "asha ", "ravi"]))
    ['asha', 'ravi']
    """
    blank = next((name for name in args.names if not name.strip()), None)
    if blank is not None:  # said here: the estimators show it stripped
        raise ValueError(
            f"NAME {blank!r} is blank (empty or only whitespace): there is no "
            f"name in it to {args.run.__name__}. Leave it out, or give a name."
        )
    names = [name.strip() for name in args.names]
    check_names_not_files(args.names, args.run.__name__, args.model, args.names_file)
    places_of(args).add_arguments("names", "NAME", names)
    read = None if counted is None or args.names_file is None else counted(args, names)
    if read is not None:
        names = read
    elif args.names_file is not None:
        names += _names_of_file(args, args.names_file)
    # A line of megabytes would be scored (and printed) for minutes.
    check_name_lengths(names, args.names_file or "NAME", places_of(args))
    return names


def load_sampler(args, **settings):
    """The NameSampler of the model file, with the sampling settings applied.

    Parameters
    ----------
    args : argparse.Namespace
        With ``model``, ``trust_pickle`` and ``max_bytes`` (the flags of every
        command that reads a model file).
    **settings
        Sampling parameters to set, such as ``temperature=0.8``.

    Returns
    -------
    sampler : NameSampler
        The model file's sampler, or a pipeline in a fitted sampler.
    """
    model = load_trained(args.model, args, args.max_bytes)  # fails fast
    from sklearn.pipeline import Pipeline

    from .._fitted import as_sampler
    from .._labels import label_of_text
    from .._sampler import NameSampler
    from .._steps import unfreeze

    if not isinstance(unfreeze(model), (Pipeline, NameSampler)):
        raise WrongKindError(_not_from_train(args.model, type(model).__name__))
    sampler = as_sampler(model, PROG).set_params(**settings)
    args.label = label_of_text(sampler, getattr(args, "label", None))  # 1 for '1'
    return sampler


def _not_from_train(path, kind):
    return (
        f"{shown_path(path)} holds a {kind}, not a model saved by 'sknextchar train' "
        "(a "
        "Pipeline of a ContextWindowTransformer and a CharEmbeddingMLPClassifier)."
    )


def check_own_model(model, path):
    """Refuse a model file of another package (a scikit-learn LogisticRegression).

    Every command reads its model file through :func:`load_trained`, which
    calls this: a model whose last step is no estimator of sknextchar's (nor a
    subclass of one) gets one message, whichever command read it, and none of
    the advice meant for sknextchar's own models.

    Parameters
    ----------
    model : estimator
        The model of the file: a NameSampler, a Pipeline or a bare estimator,
        each possibly frozen.
    path : str
        The model file, for the message.

    Raises
    ------
    WrongKindError
        A TypeError: if the model's last step (or the bare model) is not one
        of sknextchar's.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import KneserNeyClassifier
    >>> check_own_model(KneserNeyClassifier(), "kn.skops")
    >>> check_own_model(make_pipeline(LogisticRegression()), "lr.skops")
    Traceback (most recent call last):
    ...
    sknextchar._wrong_kind.WrongKindError: 'lr.skops' holds a Pipeline whose ...
    """
    from sklearn.exceptions import NotFittedError

    from .._fitted import describe, find_parts
    from .._steps import unfreeze

    try:
        last = find_parts(model)[1]
    except NotFittedError:  # a NameSampler never fitted: said by load_trained
        return
    if last is None or own_class(unfreeze(last)) is not None:
        return
    kind = describe(last)
    if last is not unfreeze(model):
        kind = f"{describe(model)} whose last step is a {kind}"
    raise WrongKindError(_not_from_train(path, kind))


def load_trained(path, args, max_bytes, *, resume=False):
    """The model of a model file, refused if it was never fitted.

    Every command that reads a model file reads it through this: a model saved
    from Python before its ``fit`` has nothing to sample, score, draw or go on
    training, and failed far inside (a traceback, or Python's "Call 'fit'").

    Parameters
    ----------
    path : str
        The model file.
    args : argparse.Namespace
        With ``trust_pickle``.
    max_bytes : int or None
        The most bytes the file may hold once uncompressed.
    resume : bool, default=False
        Whether ``path`` is the model of ``train --resume``, for the message.

    Returns
    -------
    model : estimator
        The fitted model of the file.

    Raises
    ------
    ValueError
        If the file holds a model that was never fitted, saying to train one.
    WrongKindError
        A TypeError: if it holds a model of another package
        (:func:`check_own_model`).

    Examples
    --------
    >>> import argparse, os, tempfile
    >>> from sknextchar import ContextWindowTransformer, save_model
    >>> args = argparse.Namespace(trust_pickle=False)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save_model(ContextWindowTransformer(), os.path.join(tmp, "u.skops"))
    ...     try:
    ...         load_trained(str(path), args, None)
    ...     except ValueError as error:
    ...         print(str(error).partition(" holds ")[2][:45])
    a ContextWindowTransformer that was never fit
    """
    model = load_model(path, allow_pickle=args.trust_pickle, max_bytes=max_bytes)
    from .._fitted import describe  # after a missing file's error: it loads NumPy
    from .._state_checks import is_unfitted

    check_own_model(model, path)
    if not is_unfitted(model):
        return model
    what = (f"{shown_path(path)} holds a {describe(model)} that was never fitted "
            "(saved from Python before its fit)")  # fmt: skip
    if resume:
        raise ValueError(
            f"--resume continues the training of a trained model, and {what}: "
            "train a new model without --resume ('sknextchar train NAMES_FILE "
            "-o MODEL'), or fit the model in Python before saving it."
        )
    raise ValueError(
        f"{what}, so there is no trained model in it: train one with 'sknextchar "
        "train NAMES_FILE -o MODEL' and pass that file, or fit the model in "
        "Python before saving it."
    )


def _excluded_names(args):
    check_exclude_not_model(args.exclude_file, args.model)  # no file of names
    if args.exclude_file is not None:  # a file without names excludes none
        names = _names_of_file(args, args.exclude_file, places=False, allow_empty=True)
        check_name_lengths(names, args.exclude_file)  # as train and score do
        return names


def with_record(pipe, names, labels=None, weights=None):
    """The fitted pipeline in a NameSampler that remembers the training names.

    What ``sknextchar train`` saves: the pipeline is not refit; the sampler
    adds the compact record of the names (``sample --novel``, ``score``'s
    ``train`` column) and their length range (the default length bounds),
    with the labels the length counts of each label (``sample --label X
    --match-lengths`` and ``--report``).

    Parameters
    ----------
    pipe : Pipeline
        The fitted pipeline.
    names : list of str
        The names it was trained on.
    labels : list or None, default=None
        Their labels (``train --labels``); None for a model without labels.
    weights : ndarray or None, default=None
        Their counts (``train --counts``): the length counts weigh them.

    Returns
    -------
    sampler : NameSampler

    Examples
    --------
    >>> from sknextchar.cli._commands import build_pipeline, with_record
    >>> pipe = build_pipeline(clf__max_iter=2, clf__random_state=0)
    >>> sampler = with_record(pipe.fit(["abid", "asha"] * 10), ["abid", "asha"])
    >>> sampler.training_length_range(), sampler.estimator_.estimator is pipe
    ((4, 4), True)
    """
    from sklearn.frozen import FrozenEstimator

    from .._sampler import NameSampler

    return NameSampler(FrozenEstimator(pipe)).fit(names, labels, sample_weight=weights)


def sample(args):
    """``sknextchar sample``: print new names, one per line.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    status : int
        0.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> build_parser().parse_args(["sample", "m.skops"]).run.__name__
    'sample'
    """
    from ._excluded import excluded_as_sampled, warn_other_column

    check_length_flags(args)  # before the model is loaded
    places_of(args).add_arguments("prefixes", "--prefix", [args.prefix])
    with excluded_as_sampled(args.exclude_file) as leave_out:
        excluded = _excluded_names(args)  # refused before a large model loads
        sampler = load_sampler(args, **given(args, SAMPLER_FLAGS))
        excluded = leave_out(excluded, sampler)
    warn_other_column(args, excluded, sampler)
    check_record(sampler, args)
    request = {
        "prefix": args.prefix,
        "pattern": args.pattern,
        "novel": args.novel,
        "match_lengths": args.match_lengths,
        "unique": args.unique,
        "exclude": excluded,
        "random_state": args.seed,
        "label": args.label,
        "min_label_proba": args.min_label_proba,
        "max_rounds": args.max_rounds,
        "keep_spelling": not args.any_spelling,
    }
    if args.report:  # the report needs every name: printed once all are drawn
        names = sampler.sample(args.n_samples, **request)
        print("\n".join(names))
        sys.stdout.flush()  # on stderr: stdout holds the names alone, for a file
        tell_prefix_read(sampler, args.prefix)
        print(sample_report_text(sampler, names, args), file=sys.stderr)
        return 0
    out = NamesOut(args.n_samples, distinct=args.novel and not args.unique)
    with out.interruptible():  # each batch printed as it is drawn, none kept
        sampler.sample(args.n_samples, **request, on_batch=out)
    tell_prefix_read(sampler, args.prefix)
    note = novel_repeats_note(sampler, out.counts(), args)
    if note:
        inform(note, file=sys.stderr)
    return 0


def tell_prefix_read(model, prefix, argument=None):
    """Tell how ``model`` reads ``prefix`` when it reads it otherwise than
    typed: its capitals as lowercase letters, with the warning of
    ``NameSampler.sample`` (which also names full-width letters), the prefix
    named as the command takes it (``argument``: ``CONTEXT``, ``--tree``;
    None for ``sample``, whose sampler warned already); else its full-width
    letters as ASCII ones, with the note score gives."""
    from .._fitted import find_parts
    from .._sample_request import lowers_capitals
    from ._score import tell_full_width  # it imports this module

    windows = find_parts(model)[0]
    if windows is not None and lowers_capitals(windows, prefix):
        if argument is not None:
            _warn_lowered(windows, prefix, argument)
        return
    tell_full_width(model, [prefix], "prefix")


def _warn_lowered(windows, prefix, argument):
    """The warning ``sample --prefix`` gives on capitals read as lowercase
    letters, the prefix named ``argument``, in the words of what the command
    makes after it (``CONTEXT``: a table; plot's flags: a picture)."""
    from .._sample_request import warn_lowered_prefix

    ids = windows.encode_prefix_list([prefix], what="prefix")[0]
    made = "table" if argument == "CONTEXT" else "picture"  # plot's flags
    warn_lowered_prefix(windows, prefix, ids, named=argument, made=made)


def table(args):
    """``sknextchar table``: next-character probabilities at several temperatures.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    status : int
        0.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> build_parser().parse_args(["table", "m.skops", "ab"]).run.__name__
    'table'
    """
    # The model's own distribution: no length bound of sampling bites here.
    check_context_not_file(args.context, args.model)
    places_of(args).add_arguments("prefixes", "CONTEXT", [args.context])
    sampler = load_sampler(args, min_length=1)
    # One past CONTEXT, in the letters this model reads.
    sampler.set_params(max_length=table_max_length(sampler, args.context))
    temperature_table = sampler.temperature_table(
        args.context, args.temperatures, label=args.label
    )
    print(temperature_table.to_string(top=args.top))
    tell_prefix_read(sampler, args.context, "CONTEXT")  # none if read as typed
    end = sampler.vocabulary_[0]
    inform(
        f"{describe_symbol(end)} is the end marker: the name ends (it also pads "
        "the context)."
    )
    return 0


# --------------------------------------------------------------------------- #
# The main job.
# --------------------------------------------------------------------------- #
def _main_job_summary(sampler):
    """One line: the sample report of names drawn like the main job's, novel or not."""
    from .._sample_report import sample_report

    drawn = sampler.sample(
        MAIN_JOB_REPORT_N, match_lengths=True, random_state=MAIN_JOB_SEED
    )
    report = sample_report(drawn, sampler).summary().split(": ", 1)[1]
    return (
        f"Report on {MAIN_JOB_REPORT_N:,} names drawn the same way, neither "
        f"training names nor repeats left out: {report}"
    )


def main_job():
    """Train the default model on the bundled names; print its NLL and new names.

    What ``sknextchar`` (or ``python -m sknextchar``) does without arguments.
    It is seeded: every run prints the same model's NLL and the same names.

    Returns
    -------
    status : int
        0.

    Examples
    --------
    Run it as ``python -m sknextchar`` (it takes about 20 s). Its seed and the
    number of names it prints:

    >>> from sknextchar.cli._commands import MAIN_JOB_N_NAMES, MAIN_JOB_SEED
    >>> MAIN_JOB_SEED, MAIN_JOB_N_NAMES
    (0, 20)
    """
    from sklearn.frozen import FrozenEstimator

    from .._sampler import NameSampler

    names = load_indian_names()
    print(
        f"{PROG} {__version__}: training the default model on the "
        f"{len(names):,} bundled Indian names (seed {MAIN_JOB_SEED})...",
        file=sys.stderr,
    )
    pipe = build_pipeline(clf__random_state=MAIN_JOB_SEED)
    seconds = _fit(pipe, names, quiet=False)
    from ._train_report import report_training

    report_training(pipe, names, None, seconds)
    # New names as long as the training names: within their range (the
    # sampler's default bounds; none is cut, a name that runs on is redrawn)
    # and with their length distribution (the model cannot count letters).
    sampler = NameSampler(FrozenEstimator(pipe)).fit(names)
    shortest, longest = sampler.training_length_range()
    new = sampler.sample(
        MAIN_JOB_N_NAMES, novel=True, unique=True, match_lengths=True,
        random_state=MAIN_JOB_SEED,
    )  # fmt: skip
    print(
        f"{MAIN_JOB_N_NAMES} distinct new names of {shortest} to {longest} letters, "
        "none of them in the training set:"
    )
    print("\n".join(f"  {name}" for name in new))
    print(_main_job_summary(sampler))
    print(f"Next: '{PROG} train -o names.skops', then '{PROG} --help'.")
    return 0
