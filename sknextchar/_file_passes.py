"""Files read more than once: training from a file must be able to read it again.

:func:`~sknextchar.train_from_file` reads its file once to fix the vocabulary and
once per epoch (the command line's ``train --chunk-size`` checks its NAMES_FILE
in its own words, in ``cli/_commands.py``). A FIFO (named
pipe), a socket or a character device (``/dev/stdin``) gives its bytes once: the
second pass would wait forever for a writer, or read nothing. Such a path is
refused before it is opened (opening a FIFO with no writer blocks already).
"""

import os
import shlex
import stat

__all__ = ["check_rereadable"]

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
