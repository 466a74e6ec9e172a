"""The command line's standard output and error: nothing written fails to encode.

Python writes its standard output with ``errors="strict"`` in every locale but
C/POSIX: a character the output's encoding has no place for stops the command
with a codec's error. Two kinds of text do that:

- a path whose bytes are no UTF-8 (``os.fsdecode`` gives each such byte as a
  lone surrogate, U+DC80 to U+DCFF, which no encoding writes): it is written
  as a Python escape, ``\\xff``, on both streams, and nothing else is said;
- a character the output's encoding cannot hold (a Devanagari name on a cp1252
  console): it is written as its escape, ``\\u0915``, and :func:`escaped_status`
  then says on stderr which characters were escaped and how to get them as
  they are, and makes the status 1.

Only :func:`~sknextchar.cli.main` changes the streams, and only while it runs:
the Python API leaves the host program's streams alone. Standard library only.
"""

import codecs
import contextlib
import errno
import os
import sys

from .._shown_paths import escaped_byte, is_undecoded
from .._text import code_point_name

__all__ = [
    "escaped_status",
    "escaping_streams",
    "missing_streams_closed",
    "reader_gone",
    "written_while_closed",
    "reader_may_leave",
    "stderr_reader_may_leave",
    "stdout_to_devnull",
    "unwritten_output",
]

_QUIET = "sknextchar.escape"  # stderr: every character escaped, none noted
_NOTED = "sknextchar.escape-noted"  # stdout: the characters escaped are noted
# One entry per main() running (main may be called inside main): the
# characters escaped on stdout, in order, and whether stdout's reader went.
_NOTES = [{}]
_GONE = [[]]


def _escape(char):
    """A path's undecodable byte as ``\\xNN``, any other character as Python's
    backslash escape."""
    if is_undecoded(char):
        return escaped_byte(char)
    return char.encode("ascii", "backslashreplace").decode("ascii")


def _escape_error(exc, notes=None):
    """A codecs error handler: the unencodable part of ``exc``, escaped."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    if notes is not None:
        notes.update(dict.fromkeys(c for c in text if not is_undecoded(c)))
    return "".join(_escape(c) for c in text), exc.end


codecs.register_error(_QUIET, _escape_error)
codecs.register_error(_NOTED, lambda exc: _escape_error(exc, _NOTES[-1]))


@contextlib.contextmanager
def escaping_streams():
    """Within the block, ``sys.stdout`` and ``sys.stderr`` escape what their
    encoding cannot write; after it, each stream has its error handler back.

    Yields
    ------
    notes : dict
        The characters escaped on stdout (its keys, in order), for
        :func:`escaped_status`.

    Examples
    --------
    >>> import io, sys
    >>> from sknextchar.cli._streams import escaping_streams
    >>> out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    >>> sys.stdout, before = out, sys.stdout
    >>> with escaping_streams() as notes:
    ...     print("m\\udcff.skops Zo\\u00eb")
    >>> sys.stdout = before
    >>> out.flush(); out.buffer.getvalue(); list(notes); out.errors
    b'm\\\\xff.skops Zo\\\\xeb\\n'
    ['ë']
    'strict'
    """
    _NOTES.append({})
    _GONE.append([])
    changed = []
    for stream, handler in ((sys.stdout, _NOTED), (sys.stderr, _QUIET)):
        before = getattr(stream, "errors", None)
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors=handler)  # a text file's own method
            changed.append((stream, before))
    try:
        yield _NOTES[-1]
    finally:
        for stream, before in reversed(changed):  # stderr may be stdout itself
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors=before)
        _NOTES.pop()
        _GONE.pop()


def escaped_status(status, notes, stream=None, output=True):
    """The command's status once it ended: after characters its standard
    output could not hold were escaped, say so on stderr and return 1.

    A command whose standard output holds only messages (``train`` and
    ``plot``: what was trained, where the file was saved) keeps its status:
    the names or scores a script reads were not touched, so one note says
    which characters its messages show escaped.

    Parameters
    ----------
    status : int
        The command's status.
    notes : dict
        The characters escaped on stdout (its keys).
    stream : file or None, default=None
        Where to say it; None is ``sys.stderr``.
    output : bool, default=True
        Whether the command's standard output is its output (names, scores,
        tables) rather than messages only.

    Returns
    -------
    status : int
        ``status``, or 1 if it was 0 and a character of the output was
        escaped.

    Examples
    --------
    >>> import sys
    >>> from sknextchar.cli._streams import escaped_status
    >>> escaped_status(0, {}, sys.stdout)
    0
    >>> escaped_status(0, dict.fromkeys("\\u0915"), sys.stdout)
    ... # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    sknextchar: error: the standard output ... has no U+0915 (DEVANAGARI LETTER
    KA): it was written as \\u0915. ...
    1
    >>> escaped_status(0, dict.fromkeys("\\u0915"), sys.stdout, output=False)
    ... # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    sknextchar: note: the standard output ... has no U+0915 (DEVANAGARI LETTER
    KA): it was written as \\u0915. ...
    0
    """
    if not notes:
        return status
    chars = list(notes)
    shown = ", ".join(map(code_point_name, chars[:3]))
    escapes = ", ".join(_escape(c) for c in chars[:3])
    encoding = getattr(sys.stdout, "encoding", None) or "another encoding"
    kind = "error" if output else "note"
    print(
        f"sknextchar: {kind}: the standard output (a console or the file it is "
        f"sent to) is encoded as {encoding}, which has no {shown}"
        f"{', ...' if len(chars) > 3 else ''}: it was written as {escapes}. "
        "Set the environment variable PYTHONUTF8=1 (or PYTHONIOENCODING=utf-8) "
        "and run the command again: the output is then UTF-8, every character "
        "as it is (Windows: 'set PYTHONUTF8=1' in cmd, '$env:PYTHONUTF8=1' in "
        "PowerShell).",
        file=sys.stderr if stream is None else stream,
    )
    return (status or 1) if output else status


def stdout_to_devnull(stream=None):
    """Send what is still to be written on the standard output (or
    ``stream``) to the null device, once its reader went: no second error as
    Python exits (what the Python documentation advises for a closed pipe)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (sys.stdout if stream is None else stream).fileno())
        os.close(devnull)


def unwritten_output(exc, stream=None):
    """After ``exc`` (an OSError or ValueError) writing the standard output
    (``> /dev/full``): what is left to write there goes to the null device
    (no second error as Python exits), and the line that says so.

    Examples
    --------
    >>> import io
    >>> unwritten_output(OSError(28, "No space left on device"), io.StringIO())
    'the output was not all written: [Errno 28] No space left on device'
    """
    stdout_to_devnull(stream)
    return f"the output was not all written: {exc}"


@contextlib.contextmanager
def reader_may_leave(stream=None):
    """Around a report printed before a file is saved: if the standard
    output's (or ``stream``'s) reader went (``train ... | head -c0``: a closed
    pipe), the rest of the report is left out quietly and the command goes on
    to save its file; :func:`reader_gone` then says so, for the status.

    Examples
    --------
    >>> from sknextchar.cli._streams import reader_gone, reader_may_leave
    >>> with reader_may_leave():
    ...     print("Trained.")
    Trained.
    >>> reader_gone()
    False
    """
    try:
        yield
    except BrokenPipeError:
        stdout_to_devnull(stream)
        _GONE[-1].append(True)


class _LeavingReader:
    """A standard error whose writes go on quietly once its reader went: the
    stream, but :meth:`write` and :meth:`flush` through :func:`reader_may_leave`."""

    def __init__(self, stream):
        self._stream = stream

    def __getattr__(self, name):  # isatty, fileno, encoding...: the stream's
        return getattr(self._stream, name)

    def write(self, text):
        with reader_may_leave(self._stream):
            return self._stream.write(text)
        return len(text)

    def flush(self):
        with reader_may_leave(self._stream):
            self._stream.flush()


@contextlib.contextmanager
def stderr_reader_may_leave():
    """Within the block, a standard error whose reader went (``train ... 2>&1
    | head -1``: the progress of its epochs on a closed pipe) stops no
    command: what is still to be written there goes to the null device, the
    command goes on (``train`` saves its model) and :func:`reader_gone` says
    so, for the status. Nothing is flushed more than before.

    Examples
    --------
    >>> import sys
    >>> from sknextchar.cli._streams import stderr_reader_may_leave
    >>> before = sys.stderr
    >>> with stderr_reader_may_leave():
    ...     sys.stderr is before, sys.stderr.isatty() == before.isatty()
    (False, True)
    >>> sys.stderr is before
    True
    """
    before = sys.stderr
    if before is None:  # pythonw: no standard error at all
        yield
        return
    sys.stderr = _LeavingReader(before)
    try:
        yield
    finally:
        sys.stderr = before


class _ClosedStream:
    """A standard stream the command started without (``2>&-``, ``1>&-``:
    ``sys.stderr`` or ``sys.stdout`` is None): what is written there is lost,
    as on a pipe whose reader went, and :func:`reader_gone` says so, for the
    status (and :func:`written_while_closed`, which stream it was)."""

    encoding, errors = "utf-8", "strict"

    def __init__(self, name):
        self.name = name  # "stdout" or "stderr"

    def write(self, text):
        _GONE[-1].append(self.name)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        raise OSError(errno.EBADF, "the command was started with this stream closed")


@contextlib.contextmanager
def missing_streams_closed():
    """Within the block, a standard output or error the command was started
    without (None) is a stream whose writes are lost, as on a pipe whose reader
    went: no code of the command meets a None stream (where ``print`` would
    write standard error's lines on standard output, and ``isatty`` fails),
    and a command that had something to write there ends with status 1.

    Examples
    --------
    >>> import sys
    >>> from sknextchar.cli._streams import (
    ...     escaping_streams, missing_streams_closed, reader_gone)
    >>> before, sys.stderr = sys.stderr, None
    >>> with missing_streams_closed(), escaping_streams():
    ...     print("lost", file=sys.stderr)
    ...     sys.stderr.isatty(), reader_gone()
    (False, True)
    >>> sys.stderr is None
    True
    >>> sys.stderr = before
    """
    missing = [name for name in ("stdout", "stderr") if getattr(sys, name) is None]
    for name in missing:
        setattr(sys, name, _ClosedStream(name))
    try:
        yield
    finally:
        for name in missing:
            setattr(sys, name, None)


def reader_gone():
    """Whether the reader of the standard output (or error) went while a
    report was printed (see :func:`reader_may_leave`) in this run of ``main``."""
    return bool(_GONE[-1])


def written_while_closed(name):
    """Whether this run of ``main`` wrote to the standard stream ``name``
    (``"stdout"``, ``"stderr"``) that it was started without (``1>&-``): what
    it wrote there is lost (see :func:`missing_streams_closed`)."""
    return name in _GONE[-1]
