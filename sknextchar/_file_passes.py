"""Files read more than once: training from a file must be able to read it again.

:func:`~sknextchar.train_from_file` reads its file once to fix the vocabulary and
again to train: once per epoch, or once when its names are one chunk (the
command line's ``train --chunk-size`` checks its NAMES_FILE in its own words,
in ``cli/_commands.py``). A FIFO (named pipe), a socket or a character device
(``/dev/stdin``) gives its bytes once: the second pass would wait forever for a
writer, or read nothing. Such a path is
refused before it is opened (opening a FIFO with no writer blocks already).
A file removed, renamed, replaced, written to or appended to between two
passes (or during one) is said to have changed while training read it
(:class:`FilePasses`), not to be a path that never was, nor trained on as it
now is; a FIFO swapped in is refused before the pass, not waited on.
"""

import contextlib
import hashlib
import itertools
import os
import stat

from ._shown_paths import shell_path, shown_path
from ._words import one_or_many

__all__ = ["IN_MEMORY_ADVICE", "FilePasses", "check_rereadable"]

# Kinds of file whose contents cannot be read again from the start.
_ONCE = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def check_rereadable(path):
    """Refuse, without opening it, a file that cannot be read more than once.

    A path that does not exist, or a folder, passes: the reader's own message
    says what is wrong with it.

    Parameters
    ----------
    path : str or os.PathLike
        The names file of :func:`~sknextchar.train_from_file`.

    Raises
    ------
    ValueError
        If ``path`` is a FIFO, a socket or a device.

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar._file_passes import check_rereadable
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     fifo = os.path.join(tmp, "names.fifo")
    ...     os.mkfifo(fifo)
    ...     check_rereadable(fifo)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: '...names.fifo' is a FIFO (named pipe), which cannot be read again ...
    """
    kind = _kind(path)
    if kind is None:
        return
    raise ValueError(
        f"{shown_path(path)} is {kind}, which cannot be read again from its "
        "start, but train_from_file reads its file more than once: once to fix "
        "the vocabulary, then to train (again for each epoch, max_iter, when "
        "its names are more than one chunk_size): the names must be in a "
        "regular file. "
        f"Save them to one (for example `cat {shell_path(path)} > "
        "names.txt`) and pass its path, or read them once with "
        "sknextchar.datasets.load_names and fit the pipeline on them in memory."
    )


def _kind(path):
    """The kind of file at ``path`` that gives its bytes once, or None."""
    try:
        mode = os.stat(path).st_mode  # follows links; never blocks, unlike open
    except (OSError, TypeError, ValueError):
        return None
    return next((name for test, name in _ONCE if test(mode)), None)


class FilePasses:
    """The passes over one file of names, each after the first checked to read
    the file that the first read.

    The file's identity, size and modification time, and a hash of its bytes,
    are recorded when this is made, before the first pass; the file is found by
    its absolute path then, so that a change of the working folder does not
    change the file the later passes read. Before each pass after the first
    they are looked at again (one ``os.stat``), and after every pass the bytes
    are hashed again too (one more read of the file, from the system's cache
    when the file fits in memory, else from the disk: a small cost beside
    training on it): a file of another size (written to, appended to,
    replaced), or one removed, made a folder or a FIFO, or no longer readable,
    is refused; each said to have changed while training read it, at the pass
    that found it. A file of the same size is refused when its bytes changed,
    even if its time did not (rewritten within the resolution of the file
    system's times, or its old time put back by a copy, ``cp -p`` or ``touch
    -r``); the same bytes (only touched, or saved again unchanged) go on. A
    file that grows as it is read (still being written) is refused at the end
    of the first pass.

    Parameters
    ----------
    path : str or os.PathLike
        The names file, as the user spelled it (the errors say it so).
    first : str, default="the end of the first pass"
        The end of the first pass, as the error of a change that it finds
        names it.

    Attributes
    ----------
    path : str or os.PathLike
        ``path``, as given.
    where : str
        Its absolute path when this was made: the file the passes read.
    first : str
        ``first``, as given.
    state : tuple or None
        The file's device, inode, size and modification time (ns) as the
        passes found it; None if it was no regular file.
    when : str
        The pass that :meth:`checked` reads next, as its errors name it
        (``"epoch 3"``): set it before each pass after the first.
    epochs_done : int
        The epochs this training finished: the errors say they are lost.
    change : str or None
        The change found, as its error says it after the file's path (``"epoch
        2 found it grown from 2,282 to 2,291 bytes ..."``); None while the file
        is as the first pass found it.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("asha\\nabid\\n")
    ...     passes = FilePasses(path)
    ...     with passes.reading():  # the first pass
    ...         pass
    ...     os.utime(path, ns=(0, 0))  # touched: the same bytes go on
    ...     with passes.reading("epoch 1"):
    ...         passes.epochs_done = 1
    ...     with open(path, "a") as f:
    ...         _ = f.write("zoe\\n")
    ...     with passes.reading("epoch 2"):  # doctest: +ELLIPSIS
    ...         pass
    Traceback (most recent call last):
    ...
    ValueError: '...names.txt' changed while training read it: epoch 2 found it ...
    """

    def __init__(self, path, first="the end of the first pass"):
        self.path, self.where, self.first = path, os.path.abspath(path), first
        self.state = _state(self.where)
        self._digest = _digest(self.where) if self.state is not None else None
        if _state(self.where) != self.state:  # being written: no digest to trust
            self._digest = None
        self.when, self.epochs_done = "a pass after the first", 0
        self.change = None

    def checked(self, chunks):
        """The passes of ``chunks``, each checked.

        Parameters
        ----------
        chunks : callable
            ``chunks(*args, **kwargs)``: an iterable of one pass over the file.

        Returns
        -------
        passing : callable
            ``chunks`` whose first call is read as the first pass and each
            later one as the pass :attr:`when` (in :meth:`reading`).
        """
        calls = itertools.count()

        def passing(*args, **kwargs):
            when = self.when if next(calls) else None
            return self._read(when, chunks(*args, **kwargs))

        return passing

    def _read(self, when, chunks):
        with self.reading(when):
            yield from chunks

    @contextlib.contextmanager
    def reading(self, when=None):
        """A pass over the file, checked before (after the first) and after.

        Parameters
        ----------
        when : str or None, default=None
            The pass, as its errors name it (``"epoch 3"``); None for the
            first, whose errors of opening the file are the reader's own.

        Yields
        ------
        None
            The pass runs in the ``with`` block.
        """
        if when is not None:
            self.check(when)
        try:
            yield
        except OSError as error:
            changed = None if when is None else self._gone(error, when)
            if changed is None:
                raise  # the first pass's, or not the file that changed
            raise changed from error
        self._check_state(when or self.first, rehash=True)

    def check(self, when, rehash=False):
        """Refuse the file if it is no longer the one the first pass read (a
        look at its kind, size and time: the check before a pass).

        Parameters
        ----------
        when : str
            The pass about to read the file, as the error names it.
        rehash : bool, default=False
            Hash the bytes again even when the size and time are the same (a
            rewrite of the same size that kept the file's time is then seen):
            one more read of the file.

        Raises
        ------
        ValueError
            If the file changed (other bytes, or a FIFO now in its place).
        """
        self._check_kind(when)
        self._check_state(when, rehash)

    def _check_kind(self, when):
        """A FIFO, socket or device now in its place is refused, not opened
        (opening a FIFO with no writer would wait forever)."""
        kind = _kind(self.where)
        if kind is not None:
            what = f"could not read it again ({kind} is now in its place"
            raise self._changed(ValueError, when, what + ", since the previous pass)")

    def _check_state(self, when, rehash=False):
        """Refuse the file if it is no longer as the first pass found it; a
        file of the same size with the same bytes goes on. Its bytes are
        hashed when its state changed, or always (``rehash``: after a pass)."""
        now = _state(self.where)
        if now is None:
            return  # no regular file: the pass's own error, told by _gone
        if now == self.state and not (rehash and self._digest is not None):
            return
        same_size = self.state is not None and now[2] == self.state[2]
        if same_size and self._digest is not None:
            digest = _digest(self.where)
            # None: unreadable now. Before a pass, its open says why; after
            # the last, nothing opens it again, so a change of the same size
            # made with the loss of the permission to read it goes unseen.
            if digest in (self._digest, None):
                self.state = now  # only touched, or saved again unchanged
                return
        what = f"found it {_how(self.state, now)} since training started reading it"
        advice = f"{_STAY}{IN_MEMORY_ADVICE}."
        raise self._changed(ValueError, when, what, advice)

    def _gone(self, error, when):
        """The error of a pass that could not open the file, in words of the
        change: gone (removed, renamed, a link whose target is gone), now a
        folder, or no longer readable; None for another error (its own)."""
        where = self.where
        if os.path.exists(where) and not os.path.isdir(where):
            if not isinstance(error, PermissionError):
                return None  # not the file that changed: its own error says what
            now = "permission to read it was taken away"
        elif os.path.isdir(where):
            now = "a folder is now in its place"
        else:
            now = "it is gone: removed or renamed, or a link to a file removed"
        what = f"could not open it again ({now}, since the previous pass)"
        return self._changed(type(error), when, what)

    def _changed(self, kind, when, what, advice=None):
        """The error (of class ``kind``) of a change ``what`` found by the
        pass ``when``. Its ``not_kept`` is the sentence that says the epochs
        this training finished are not kept ("" before the first ended): a
        caller that keeps them, which each read the file as it was, says so
        in its place."""
        self.change = f"{when} {what}"
        lost, done = "", self.epochs_done
        if done:  # trained on the file as it was, but not returned
            lost = (
                f" The {one_or_many(done, 'epoch', f'{done:,} epochs')} this "
                f"training finished {one_or_many(done, 'is', 'are')} not kept."
            )
        error = kind(
            f"{shown_path(self.path)} changed while training read it: {when} "
            f"{what}.{lost} Training from a file reads it more than once"
            + (advice or _PUT_BACK)
        )
        error.not_kept = lost
        return error


# What to do when the names of the file of a training changed.
_STAY = (
    ": its epochs would learn a mix of the old names and the new. Copy the "
    "file and train on the copy, which stays as it is"
)
# ... or, in Python, read the names once (the command line words it its way).
IN_MEMORY_ADVICE = (
    "; or, if the names fit in memory, load them with "
    "sknextchar.datasets.load_names and fit the pipeline on them"
)

# What to do when the file of a training is gone or changed kind.
_PUT_BACK = (
    ": put the file back as it was (or train on a copy that stays in place) "
    "and train again."
)


def _state(path):
    """The file's device, inode, size and modification time; None if it is no
    regular file (gone, or a folder: the pass's own error, told by _gone)."""
    try:
        found = os.stat(path)
    except (OSError, TypeError, ValueError):
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


def _digest(path):
    """A hash of the file's bytes; None if it cannot be read."""
    try:
        with open(path, "rb") as file:
            return hashlib.file_digest(file, "blake2b").digest()
    except OSError:
        return None


def _how(then, now):
    """What became of a file whose state went from ``then`` to ``now`` (of
    other bytes, when its size is the same)."""
    if then is None or then[:2] != now[:2]:
        return (
            "replaced by another file (moved or renamed into its place, or saved "
            "anew by an editor)"
        )
    if now[2] != then[2]:
        grown = now[2] > then[2]
        how = "grown" if grown else "shrunk"
        why = "written to or appended to" if grown else "written over"
        return f"{how} from {then[2]:,} to {now[2]:,} bytes ({why})"
    return "modified: the same size, other bytes (written over)"
