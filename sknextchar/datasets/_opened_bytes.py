"""Files opened to be read without a hang: a pipe no program writes to is refused.

Opening a named pipe (``mkfifo labels``) waits for a program to open it to
write, for ever if none does. :func:`open_bytes` opens a pipe at once instead,
waits a moment for its first byte or its writer, and refuses it if neither
comes; any other file is opened as :func:`open` opens it. A pipe whose
program ended without writing (``<(true)``, ``<(grep x none.txt)``) is
refused at once as empty, on Linux, whose pipes tell a writer that left
from none; so is a named pipe whose first program to open it ended without
writing (``: > ff``), even if another writes to it later.

A compressed file (gzip, bzip2, xz), a pipe too, is read as the text it holds
(:mod:`._compressed`).
"""

import io
import os
import select
import stat
import sys
import time

from .._shown_paths import shown_path
from ._compressed import decompressed

__all__ = ["PIPE_WAIT", "PipeError", "open_bytes"]

PIPE_WAIT = 2.0  # seconds a pipe is given to have a program writing to it


def open_bytes(path, buffering=-1):
    """``path`` opened to read bytes, as ``open(path, "rb", buffering)`` does,
    but a pipe that no program writes to is refused rather than waited for,
    and a compressed file gives the bytes it holds
    (:func:`~._compressed.decompressed`).

    Parameters
    ----------
    path : str
    buffering : int, default=-1
        The size of the read buffer (-1: the default).

    Returns
    -------
    file : io.BufferedReader
        Not seekable if the file is compressed.

    Raises
    ------
    PipeError
        If ``path`` is a pipe with no program writing to it, and none opens
        it to write within ``PIPE_WAIT`` seconds; or whose program ended
        without writing to it.

    Examples
    --------
    A pipe no program writes to, refused after ``PIPE_WAIT`` seconds (made
    0.1 here; a user is given 2):

    >>> import os, tempfile
    >>> from unittest import mock
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     fifo = os.path.join(tmp, "labels")
    ...     os.mkfifo(fifo)
    ...     with mock.patch("sknextchar.datasets._opened_bytes.PIPE_WAIT", 0.1):
    ...         open_bytes(fifo)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sknextchar.datasets._opened_bytes.PipeError: '.../labels' is a pipe that no ...
    """
    if not stat.S_ISFIFO(os.stat(path).st_mode):
        return decompressed(open(path, "rb", buffering=buffering), path, buffering)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # never waits
    try:
        first = _first_byte(fd, path)
        os.set_blocking(fd, True)  # a program writes it: its bytes are waited for
    except BaseException:
        os.close(fd)
        raise
    size = buffering if buffering > 0 else io.DEFAULT_BUFFER_SIZE
    file = io.BufferedReader(_Prefixed(fd, first), buffer_size=size)
    return decompressed(file, path, buffering)


class PipeError(ValueError):
    """A pipe refused by :func:`open_bytes`: no program writes to it, or its
    program ended without writing. Its message starts with the pipe's path,
    so that a reader can name the argument it came from in front of it.

    Examples
    --------
    >>> print(PipeError("'labels' is an empty pipe."))
    'labels' is an empty pipe.
    """


def _first_byte(fd, path):
    """The pipe's first byte (b"" if a program holds it open without having
    written yet), once a program writes to it; refused after ``PIPE_WAIT``,
    or at once when its program ended without writing."""
    deadline = time.monotonic() + PIPE_WAIT
    while True:
        try:
            first = os.read(fd, 1)
        except BlockingIOError:  # a program holds it open to write
            return b""
        if first:
            return first
        if _writer_left(fd):
            raise PipeError(
                f"{shown_path(path)} is an empty pipe: the program that writes it "
                "ended without writing anything; check that program's output (run "
                "it alone), or pass a text file."
            )
        if time.monotonic() > deadline:  # b"": no program writes to it
            break
        time.sleep(0.02)
    raise PipeError(
        f"{shown_path(path)} is a pipe that no program writes to (none did for "
        f"{PIPE_WAIT:g} seconds); start the program that writes it first, or "
        "pass a text file."
    )


def _writer_left(fd):
    """Whether a program opened the pipe ``fd`` to write and closed it, with
    nothing left to read. Linux says so (a hang-up, not before a first
    writer); elsewhere it is not known (False)."""
    if not sys.platform.startswith("linux"):
        return False
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    events = dict(poller.poll(0)).get(fd, 0)
    return bool(events & select.POLLHUP) and not events & select.POLLIN


class _Prefixed(io.RawIOBase):
    """The bytes of ``fd``, after the ``prefix`` already read from it."""

    def __init__(self, fd, prefix):
        self._file = io.FileIO(fd, "rb")
        self._prefix = prefix

    def readable(self):
        return True

    def readinto(self, buffer):
        size, view = len(self._prefix), memoryview(buffer)
        if not size:
            return self._file.readinto(view)
        view[:size], self._prefix = self._prefix, b""
        rest = view[size:]  # read on: a byte-order mark peeked at whole
        return size + (self._file.readinto(rest) if len(rest) else 0)

    def close(self):
        self._file.close()
        super().close()
