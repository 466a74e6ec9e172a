"""Progress that never stops a training: the first write that fails ends it.

A progress line is decoration: a closed standard error, a pipe whose reader
left (``python train.py 2>&1 | head -1``) or a character the stream's encoding
cannot hold must not lose the model being trained. :class:`ProgressOutput`
makes every write of one training's progress; the first that fails stops them
all, with one :class:`~sknextchar.exceptions.ProgressStoppedWarning`, and the
training goes on.
"""

import contextlib
import contextvars
import sys
import warnings

from ._stacklevel import user_stacklevel
from .exceptions import ProgressStoppedWarning

__all__ = ["ProgressOutput", "shared_progress", "training_output"]

# What a write to a stream raises when it cannot be made: OSError (a pipe whose
# reader left: BrokenPipeError; a full disk), ValueError (a closed file; a
# character its encoding has no place for: UnicodeEncodeError).
_FAILED_WRITE = (OSError, ValueError)


class ProgressOutput:
    """The writes of one training's progress, stopped at the first that fails.

    Parameters
    ----------
    stream : file object, "stdout", "stderr" or None, default=None
        Where :meth:`line` writes; None or ``"stdout"`` for ``sys.stdout`` as
        it is at each write (as :func:`print` does), ``"stderr"`` for
        ``sys.stderr`` as it is at each write. Nothing is written while that
        is None (a program started with the stream closed: ``2>&-``), and
        nothing is warned.
    training : str, default="fit"
        The training in the words of the interface (``"fit"``,
        ``"train_from_file"``), for the warning.

    Attributes
    ----------
    stopped : bool
        True once a write failed: nothing more is written.

    Examples
    --------
    >>> import io, warnings
    >>> out = ProgressOutput(io.StringIO())
    >>> out.line("epoch 1")
    >>> out.stream.close()
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     out.line("epoch 2")
    ...     out.line("epoch 3")
    >>> out.stopped, len(caught)
    (True, 1)
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    The progress of fit could not be written (ValueError: I/O operation on
    closed file); no more of it is shown, and fit goes on.
    """

    def __init__(self, stream=None, training="fit"):
        self.stream = stream
        self.training = training
        self.stopped = False

    def line(self, text, stream=None):
        """Write ``text`` and a newline, flushed, unless the writes stopped;
        on ``stream`` (as the parameter) when given, else on the output's."""
        stream = _resolved(self.stream if stream is None else stream)
        if stream is not None:
            self.call(print, text, file=stream, flush=True)

    def call(self, write, *args, **kwargs):
        """Call ``write(*args, **kwargs)`` (a display's own method that
        writes) unless the writes stopped; a failure stops them."""
        if self.stopped:
            return
        try:
            write(*args, **kwargs)
        except _FAILED_WRITE as error:
            self.stop(error)

    def stop(self, error):
        """Stop the writes after ``error``, with one warning."""
        self.stopped = True
        message = (
            f"The progress of {self.training} could not be written "
            f"({type(error).__name__}: {error}); no more of it is shown, and "
            f"{self.training} goes on."
        )
        # The warning is shown on sys.stderr, which may be the stream that failed:
        # warnings lets a BrokenPipeError there pass, not a closed file's error.
        with contextlib.suppress(*_FAILED_WRITE):
            warnings.warn(message, ProgressStoppedWarning, stacklevel=user_stacklevel())


def _resolved(stream):
    """The file object ``stream`` names (None: there is none to write to)."""
    if stream is None or stream == "stdout":
        return sys.stdout
    return sys.stderr if stream == "stderr" else stream


_SHARED = contextvars.ContextVar("sknextchar_shared_progress", default=None)


@contextlib.contextmanager
def shared_progress(training):
    """A new :class:`ProgressOutput` for ``training``, which
    :func:`training_output` gives within the block: one output for a training
    made of several (``train_from_file``'s ``partial_fit`` per chunk), so that
    its progress stops once, with one warning."""
    token = _SHARED.set(ProgressOutput(training=training))
    try:
        yield _SHARED.get()
    finally:
        _SHARED.reset(token)


def training_output(training):
    """The output of a training's progress: the shared one inside
    :func:`shared_progress`, else a new one for ``training`` (standard output).

    Examples
    --------
    >>> with shared_progress("train_from_file") as run:
    ...     training_output("partial_fit") is run
    True
    >>> training_output("fit").training
    'fit'
    """
    shared = _SHARED.get()
    return ProgressOutput(training=training) if shared is None else shared
