"""The entry point: parse, run the command, turn a user's error into one line.

The console script imports this module before :func:`main` runs, so it imports
nothing at the top but ``sys``: every other module is imported inside ``main``'s
handling of Ctrl-C, which then prints one line, never a traceback.
"""

import sys

__all__ = ["PROG", "main"]

#: The program's name, at the start of every message.
PROG = "sknextchar"


def main(argv=None):
    """Run the ``sknextchar`` command line.

    Errors a user can cause (a missing or corrupt file, a bad value, a name with
    unknown characters) print one line, ``sknextchar: error: ...``, on stderr
    and give a non-zero status instead of a traceback; warnings print one line
    each. While it runs, nothing it prints fails to encode: a path's byte that
    is no UTF-8 shows as ``\\xff``, a character the standard output cannot
    hold as its escape (``\\u0915``, then an error on stderr and status 1;
    for ``train`` and ``plot``, whose output is messages, a note and their
    status); see :mod:`sknextchar.cli._streams`. A standard output closed
    early (``| head``) ends the command quietly with status 1, after
    ``train`` saved its model.

    Parameters
    ----------
    argv : list of str or None, default=None
        The arguments, without the program name; None reads ``sys.argv[1:]``.
        No arguments runs the main job (train the default model on the bundled
        names, print its held-out NLL and 20 new names).

    Returns
    -------
    status : int
        0 on success, 1 after an error, 2 after a usage error, 130 when
        interrupted.

    Examples
    --------
    >>> from sknextchar.cli import main
    >>> main(["--version"])  # doctest: +ELLIPSIS
    sknextchar ...
    0
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    output = []  # the command's -o and how it was before, once parsed
    try:
        from ._streams import (
            escaping_streams,
            missing_streams_closed,
            stderr_reader_may_leave,
        )

        # No print fails to encode; a stderr closed early stops no training.
        with (
            missing_streams_closed(),
            escaping_streams() as escaped,
            stderr_reader_may_leave(),
        ):
            return _ended(_run(argv, output), argv, escaped, output)
    except KeyboardInterrupt:  # also while the modules of the command load
        if sys.stderr is not None:  # else print would write it on stdout
            print(f"{PROG}: interrupted{_what_was_saved(*output)}", file=sys.stderr)
        return 130


def _ended(status, argv, escaped, output=()):
    """The command's status, once its standard output was flushed: 1, quietly,
    if the output's reader went (``| head``; ``train`` saved its model first);
    else after what :func:`~sknextchar.cli._streams.escaped_status` says of
    the characters escaped (``train`` and ``plot`` print messages only).
    ``output``: the command's -o FILE and its state before, if it has one."""
    from ._streams import (
        escaped_status,
        reader_gone,
        reader_may_leave,
        unwritten_output,
        written_while_closed,
    )

    try:
        with reader_may_leave():  # a buffered stdout's closed pipe shows here
            if sys.stdout is not None:
                sys.stdout.flush()
    except (OSError, ValueError) as exc:  # e.g. '> /dev/full': not all written
        print(f"{PROG}: error: {unwritten_output(exc)}", file=sys.stderr)
        return 1
    if written_while_closed("stdout"):  # '1>&-': no reader ever, said once
        print(_STDOUT_CLOSED + _still_saved(*output), file=sys.stderr)
    if reader_gone():
        return status or 1
    command = next((a for a in argv if not a.startswith("-")), None)
    messages = command in ("train", "plot")
    return escaped_status(status, escaped, output=not messages)


# A standard output closed before the command started ('--help 1>&-'): unlike
# a reader that left ('| head'), no one chose to stop reading, so the status 1
# is said, as GNU ls and grep say "write error" (a saved model stays saved).
_STDOUT_CLOSED = (
    f"{PROG}: error: the standard output was closed when the command started "
    "(1>&-), so what it was to print there was lost: send it to a file or to "
    "/dev/null instead"
)


def _still_saved(path=None, before=None):
    """After the line on a closed standard output: the -o FILE the command
    wrote all the same (``train`` saved its model), if it did."""
    if path is None:
        return ""
    from .._file_safety import file_state  # the standard library only
    from .._shown_paths import shown_path

    return (
        f" ({shown_path(path)} was saved all the same)"
        if file_state(path) != before
        else ""
    )


def _what_was_saved(path=None, before=None):
    """After "interrupted": whether the command's -o FILE was written.

    ``train`` and ``plot`` write -o through a temporary file renamed into place
    once complete (:func:`~sknextchar._file_safety.atomic_write`), so an
    interrupted command wrote all of it or nothing; the file as it is now says
    which.
    """
    if path is None:
        return ""
    from .._file_safety import file_state  # the standard library only
    from .._shown_paths import shown_path
    from ._what_was_saved import target_left  # the standard library only

    if file_state(path) != before:
        return f", after writing {shown_path(path)}."
    return f": nothing was saved ({target_left(path, before)})."


def _run(argv, output):
    """Parse, import what the command needs, run it, and turn its errors into a
    status.

    Parsing needs only the parser and the flag table: ``--help``, ``--version``
    and usage errors end before the commands' modules load. ``output`` gets the
    command's -o FILE and its state before the command runs (for Ctrl-C).
    """
    import warnings

    from ._arguments import check_reading_flags
    from ._errors import USER_ERRORS, error_message, show_warning
    from ._parser import shared_parser

    places = None  # where the command's names came from, for its errors
    try:
        with warnings.catch_warnings():
            warnings.showwarning = show_warning
            args = shared_parser().parse_args(argv) if argv else None
            if getattr(args, "output", None) is not None:
                from .._file_safety import file_state

                output += [args.output, file_state(args.output)]
            from ._commands import main_job
            from ._places import Places

            places = Places()
            # A warning names a name by its line too (names[3] is line 5).
            warnings.showwarning = _with_places(show_warning, places)
            if args is None:
                return main_job()
            args.places = places
            check_reading_flags(args)  # before any file is read
            from ._quiet import quiet_if
            from ._stdin_files import stdin_as_typed
            from ._told_once import quotes_told_once
            from ._workbook_files import workbook_as_text

            # -q: results, warnings and errors only; names in quotes: one line;
            # '-' named so in the notes on stderr, as in errors; a workbook's
            # sheet read as a table
            with (
                quiet_if(args.quiet),
                workbook_as_text(args),
                quotes_told_once(args),
                stdin_as_typed(places),
            ):
                announce_pipes(args)
                return args.run(args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. 'sknextchar sample m.skops | head'
        from ._streams import stdout_to_devnull

        stdout_to_devnull()  # no second error at exit
        return 1
    except USER_ERRORS as exc:
        message = error_message(exc, places)
        if isinstance(exc, MemoryError):  # what to lower depends on the command
            command = next((a for a in argv if not a.startswith("-")), None)
            message = out_of_memory_message(exc, command)
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 1


def _with_places(show, places):
    """``show`` (a ``warnings.showwarning``) with the names a warning points at
    by position (``names[3]='o1'``) named by their place (``line 5 of ...``),
    as the errors name them."""
    from ._errors import warning_text

    def shown(message, *args, **kwargs):
        show(places.rewrite(warning_text(message)), *args, **kwargs)

    return shown


def announce_pipes(args, stream=None):
    """Say on stderr, when it is a terminal, which files read are pipes.

    Reading a named pipe (``mkfifo``) waits, silently, until a program writes
    into it; ``<(cat names.txt)`` is a pipe too, written at once. One line
    each tells a person at the terminal why the command may wait; scripts,
    whose stderr is no terminal, see nothing, nor does a command given ``-q``.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line: its files of names, labels and names left out.
    stream : file or None, default=None
        Where to say it; None is ``sys.stderr``.

    Examples
    --------
    >>> import argparse, io
    >>> announce_pipes(argparse.Namespace(names_file="names.txt"), io.StringIO())
    """
    import os
    import stat

    from ._quiet import is_quiet

    stream = sys.stderr if stream is None else stream
    if is_quiet() or not stream.isatty():  # -q: informational
        return
    for key in ("names_file", "labels", "exclude_file"):
        path = getattr(args, key, None)
        try:
            fifo = isinstance(path, str) and stat.S_ISFIFO(os.stat(path).st_mode)
        except (OSError, ValueError):
            continue
        if fifo:
            from .._shown_paths import shown_path  # the standard library only

            print(
                f"{PROG}: reading {shown_path(path)}, a pipe: waiting for a program "
                "to write into it (Ctrl-C stops)...",
                file=stream,
                flush=True,
            )


# What to lower when a command runs out of memory, by command.
_LOWER = {
    "train": "train a smaller model (lower --embedding-dim, --hidden-layer-sizes "
    "or --context-length), on fewer names, or from the file in chunks "
    "(--chunk-size N)",
    "sample": "ask for fewer names at a time (a lower -n), or shorter ones "
    "(a lower --max-length)",
    "score": "score fewer names at a time (split the --names-file)",
    "classify": "classify fewer names at a time (split the --names-file)",
}


def out_of_memory_message(exc, command):
    """The message of a MemoryError: what the command ran out of memory on,
    and what to lower for that command (the model file's size, else).

    Examples
    --------
    >>> from sknextchar.cli._main import out_of_memory_message
    >>> out_of_memory_message(MemoryError(), "sample")  # doctest: +ELLIPSIS
    'out of memory (MemoryError): ask for fewer names at a time (a lower -n), ...'
    """
    from ._errors import one_line

    advice = _LOWER.get(
        command,
        "try a smaller model, or a machine (or container) with more memory",
    )
    return f"out of memory ({one_line(exc) or 'MemoryError'}): {advice}."
