"""``sknextchar train --chunk-size N``: train from NAMES_FILE chunk by chunk.

The command line's :func:`~sknextchar.train_from_file`: memory holds one chunk
of names at a time, every name is trained on (none held out), and the model
keeps no record of its training names but their spelling (which kinds of
characters follow each other, built a chunk at a time: ``sample`` leaves out a
name spelled as none of them is, as it does for a model trained in memory).
The names are read without labels: a model by label (``--labels``) is trained
on all the names in memory.
"""

import time
from pathlib import Path

from .._persistence import resolve_format
from .._words import counted
from ._commands import (
    build_pipeline,
    check_output,
    chunked_names_column,
    refuse_count_flags,
    save_and_say,
)
from ._flags import TRAIN_FLAGS, given
from ._interrupted import keeping_epochs, with_kept_records
from ._lengths import name_length_check
from ._places import places_of
from ._quiet import inform
from ._stdin_files import shown_names_file
from ._streams import reader_may_leave
from ._train_report import CapitalisedNames

__all__ = ["train_in_chunks"]


def train_in_chunks(args):
    """``sknextchar train --chunk-size N``: train_from_file, save the pipeline.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line, with ``chunk_size``.

    Returns
    -------
    status : int
        0.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> argv = ["train", "names.csv", "--labels", "gender", "--chunk-size", "100",
    ...         "-o", "m.skops"]
    >>> train_in_chunks(build_parser().parse_args(argv))
    Traceback (most recent call last):
    ...
    ValueError: --labels cannot be used with --chunk-size, which reads names ...
    """
    from .._chunked import train_from_file
    from ._quoted_names import quotes_refused_at_once

    _check_flags(args)
    column = chunked_names_column(args)
    from ._no_header import command_line_words, file_columns
    from ._weights import check_counts_in_table

    check_counts_in_table(args, column)
    output = Path(args.output)
    fmt = resolve_format(output, args.format)
    params = {"clf__validation_fraction": 0.0, **given(args, TRAIN_FLAGS)}
    pipe = build_pipeline(**params)
    if pipe["clf"].early_stopping:
        raise ValueError(
            "--chunk-size holds out no names: pass --validation-fraction 0 or "
            "leave --validation-fraction out, and score held-out names of your own "
            "with 'sknextchar score'."
        )
    # After the flags' errors: --force is no advice that leads to one of them.
    check_output(args, [args.names_file])
    start, done = time.perf_counter(), []
    capitalised = CapitalisedNames(_chunk_check(args))  # the first pass's

    def record(fitted):  # with the records of the names complete by then
        kept = done[0] if done else with_kept_records(fitted, latest)
        return fitted if kept is None else kept

    # Ctrl-C: the finished epochs (the pipeline once trained) go to a new file.
    with keeping_epochs(pipe, record, args, fmt) as latest:
        pipe["clf"].set_callbacks(latest)  # the trained copy's classifier has it
        # "--names-column 1", not "names_column=0"; names in quotes that the
        # alphabet cannot hold: one error, as train says it in memory
        with command_line_words(), quotes_refused_at_once(pipe["windows"]) as read:
            if column is None:  # one name a line: read again if the fit refuses
                read(lambda: _name_chunks(args))
            trained = train_from_file(
                args.names_file, pipe, chunk_size=args.chunk_size,
                encoding=args.encoding, verbose=not args.quiet,
                check_names=capitalised, **file_columns(args, column),
                return_sampler=True,  # with the spelling record of the names
            )  # fmt: skip
        done.append(trained)  # a Ctrl-C from here keeps it, records and all
        clf = trained.estimator_.estimator["clf"]
        clf.set_callbacks()  # a runtime hook: the file holds none
        note = capitalised.note(trained.estimator_.estimator["windows"])
        with reader_may_leave():  # stdout closed early: the model is still saved
            inform(
                f"Trained on {shown_names_file(args)}{capitalised.left_out()} in "
                f"chunks of {counted(args.chunk_size, 'name')} for "
                f"{counted(clf.n_iter_, 'epoch')} in "
                f"{time.perf_counter() - start:.1f} s; training loss "
                f"{clf.loss_:.4f} nats per character."
            )
            if note is not None:
                inform(note)
        # In the block: a Ctrl-C before the save starts keeps the model.
        return save_and_say(trained, args, [args.names_file], fmt)


def _chunk_check(args):
    """The check of each chunk of names: the checks recorded for NAMES_FILE
    (a workbook's date cells refused, as train refuses them in memory), then
    the length of its names."""
    places, path, lengths = places_of(args), args.names_file, name_length_check(args)

    def check(names):
        places.run_checks(path, names)
        if lengths is not None:
            lengths(names)

    return check


def _name_chunks(args):
    """The names of NAMES_FILE, one a line, read again chunk by chunk (no
    warning told twice)."""
    from .._name_chunks import read_name_chunks

    return read_name_chunks(
        args.names_file, args.chunk_size, encoding=args.encoding, warn_comments=False
    )


def _check_flags(args):
    """Refuse what training in chunks cannot do, with what to do instead."""
    if args.labels is not None:
        raise ValueError(
            "--labels cannot be used with --chunk-size, which reads names without "
            "labels: leave out --chunk-size to train by label on all the names in "
            "memory, or leave out --labels to train in chunks a model of the names "
            "alone."
        )
    if args.model != "mlp":
        raise ValueError(
            "--chunk-size trains the neural network (--model mlp) a chunk at a "
            "time, and the count model counts all the names in memory: leave out "
            "--chunk-size to train the count model, or pass --model mlp."
        )
    if not args.names_file:
        raise ValueError("--chunk-size reads NAMES_FILE in chunks: pass NAMES_FILE.")
    refuse_count_flags(args)
