"""Temporary files beside a target: their names, and their making and removal.

:func:`temp_name` names one beside the file it will replace (hidden, with the
target's name and suffix and a random part, cut to fit the folder's names);
:func:`new_file` makes a new, empty file for a block and removes it when the
block ends, however it ends, never taking or removing another's file.
"""

import contextlib
import os
import secrets

from ._name_limits import most_name_bytes

__all__ = [
    "new_file",
    "temp_name",
]


# Room left in a file name for the temporary file's prefix and random part.
_TEMP_STEM = 40


# A file of its own: never one that exists, nor one a symbolic link leads to.
_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


# New random names tried for the temporary file before giving up: a name of
# another's file is never taken (one in 2**32 per file beside the target).
_TEMP_TRIES = 5


@contextlib.contextmanager
def new_file(name, mode=0o600, *, keep=None):
    """Make a new, empty file for this block; remove it when the block ends.

    The file is named before it is made, so that an interrupt at any moment
    (Ctrl-C as it is made included) leaves nothing behind: however the block
    ends, the file is removed if it is still there, unless ``keep(path)`` says
    to keep it. A file that exists is never taken nor removed: a name that one
    has is drawn again (5 tries, then FileExistsError).

    Parameters
    ----------
    name : callable
        ``name()`` gives a new path of random name at each call.
    mode : int, default=0o600
        The mode it is made with (the umask applies).
    keep : callable or None, default=None
        ``keep(path)``: whether the file stays when the block ends (such as a
        file that was written in full); None removes it always.

    Yields
    ------
    path : str
        The new file, empty.

    Examples
    --------
    >>> import os, secrets, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with new_file(lambda: os.path.join(tmp, secrets.token_hex(4))) as path:
    ...         os.path.getsize(path)
    ...     os.listdir(tmp)
    0
    []
    """
    ours = None
    try:
        for tries_left in reversed(range(_TEMP_TRIES)):
            path = ours = name()
            try:
                os.close(os.open(path, _NEW_FILE, mode))
                break
            except FileExistsError:
                ours = None  # another's file by that name: never removed
                if not tries_left:
                    raise
        yield path
    finally:
        if ours is not None and os.path.lexists(ours):
            if keep is None or not keep(ours):
                os.remove(ours)


def temp_name(real, random=None):
    """A new name beside ``real`` for the temporary file: hidden, with the
    target's name and suffix and a random part (``.m.skops.1f3a9c0e.skops``);
    ``random``, if given, stands for the random part (8 hex digits).

    The target's name in it is cut so that the name fits in the folder's
    names (:func:`~sknextchar._name_limits.most_name_bytes`; 143 bytes on
    eCryptfs), then its suffix: any target whose own name fits can be
    written.

    Examples
    --------
    >>> from pathlib import Path
    >>> print(Path(temp_name(Path("/data/m.skops"), "0" * 8)).name)
    .m.skops.00000000.skops
    """
    random = random or secrets.token_hex(4)
    most = most_name_bytes(real.parent)
    stem, suffix = real.name[:_TEMP_STEM], real.suffix[:20]
    while len(os.fsencode(f".{stem}.{random}{suffix}")) > most and (stem or suffix):
        stem, suffix = (stem[:-1], suffix) if stem else (stem, suffix[:-1])
    return os.path.join(real.parent, f".{stem}.{random}{suffix}")
