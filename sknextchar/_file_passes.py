"""Files read more than once: training from a file must be able to read it again.

:func:`~sknextchar.train_from_file` reads its file once to fix the vocabulary and
again to train: once per epoch, or once when its names are one chunk (the
command line's ``train --chunk-size`` checks its NAMES_FILE in its own words,
in ``cli/_commands.py``). A FIFO (named pipe), a socket or a character device
(``/dev/stdin``) gives its bytes once: the second pass would wait forever for a
writer, or read nothing. Such a path is
refused before it is opened (opening a FIFO with no writer blocks already).
A file removed, renamed or replaced between two passes is said to have changed
while training read it (:func:`read_again`), not to be a path that never was;
a FIFO swapped in is refused before the pass, not waited on.
"""

import contextlib
import os
import shlex
import stat

__all__ = ["check_rereadable", "read_again"]

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
    try:
        mode = os.stat(path).st_mode  # follows links; never blocks, unlike open
    except (OSError, TypeError, ValueError):
        return
    kind = next((name for test, name in _ONCE if test(mode)), None)
    if kind is None:
        return
    raise ValueError(
        f"{os.fspath(path)!r} is {kind}, which cannot be read again from its "
        "start, but train_from_file reads its file once to fix the vocabulary "
        "and once per epoch (max_iter): the names must be in a regular file. "
        f"Save them to one (for example `cat {shlex.quote(os.fspath(path))} > "
        "names.txt`) and pass its path, or read them once with "
        "sknextchar.datasets.load_names and fit the pipeline on them in memory."
    )


@contextlib.contextmanager
def read_again(path, epoch):
    """A pass over the file at ``path`` after the first, refused in words of
    the change if the file changed so that it cannot be read again.

    The path is checked (:func:`check_rereadable`) before the pass, so a FIFO
    swapped in between two passes is refused rather than waited on; a pass
    that cannot open the file says what became of it: gone (removed, renamed,
    or a link whose target is gone), now a folder, or no longer readable.

    Parameters
    ----------
    path : str or os.PathLike
        The names file, read once per epoch.
    epoch : int
        The epoch of the pass, counted from 0.

    Raises
    ------
    ValueError
        If ``path`` is now a FIFO, a socket or a device.
    OSError
        Of the kind the pass raised (FileNotFoundError, IsADirectoryError,
        PermissionError...), saying that the file changed while training read
        it, at which epoch, and what to do.

    Examples
    --------
    >>> try:
    ...     with read_again("/no/such/names.txt", 2):  # gone since a pass
    ...         raise FileNotFoundError("No such file of names")
    ... except FileNotFoundError as error:
    ...     print(str(error)[:66])
    '/no/such/names.txt' changed while training read it: epoch 3 could
    """
    check_rereadable(path)
    try:
        yield
    except OSError as error:
        if os.path.exists(path) and not os.path.isdir(path):
            if not isinstance(error, PermissionError):
                raise  # not the file that changed: its own error says what
            now = "permission to read it was taken away"
        elif os.path.isdir(path):
            now = "a folder is now in its place"
        else:
            now = "it is gone: removed or renamed, or a link to a file removed"
        raise type(error)(
            f"{os.fspath(path)!r} changed while training read it: epoch "
            f"{epoch + 1} could not open it again ({now}, since the previous "
            "pass). Training reads its file once per epoch: put the file back "
            "as it was (or train on a copy that stays in place) and train again."
        ) from error
