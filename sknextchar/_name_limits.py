"""How long a file name and a path may be where a file is, as the system says.

The limits of the file system a folder is on (``os.pathconf``: 255 bytes a
name on most, 143 on eCryptfs; 4,096 a path), with the usual values where the
system does not say: what a temporary file's name is cut to, and what a
refusal of a path too long names.
"""

import contextlib
import os
from pathlib import Path

__all__ = ["most_name_bytes", "most_path_bytes", "path_limit"]


def most_name_bytes(folder):
    """The bytes a file name may have in ``folder``: its file system's limit
    (``PC_NAME_MAX``: 255 on most, 143 on eCryptfs), 255 where the system does
    not say.

    Examples
    --------
    >>> import tempfile
    >>> most_name_bytes(tempfile.gettempdir()) > 0
    True
    """
    return path_limit(Path(folder, "name"), "PC_NAME_MAX", 255)


def most_path_bytes(path):
    """The bytes a path may have where ``path`` is (``PC_PATH_MAX`` counts the
    NUL that ends a path in C)."""
    return path_limit(path, "PC_PATH_MAX", 4096) - 1


def path_limit(path, name, default):
    """``os.pathconf`` of the nearest existing folder of ``path``, or ``default``
    (where the system has no ``pathconf``, as on Windows, or sets no limit)."""
    pathconf = getattr(os, "pathconf", None)
    for folder in path.parents if pathconf else ():
        with contextlib.suppress(OSError, ValueError):
            limit = pathconf(folder, name)
            return limit if limit > 0 else default
    return default
