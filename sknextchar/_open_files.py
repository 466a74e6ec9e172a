"""Paths that name a file the process has open, not a file of their own.

/dev/stdout, /dev/fd/N and /proc/self/fd/N lead to whatever the shell
connected (a log opened for ``>>``, a terminal, a pipe): a file written beside
its target and renamed into place cannot go there. :func:`open_file_path`
finds such a path on the way to a target, through symbolic links.
"""

import os
import re

__all__ = [
    "open_file_path",
]


# Paths that name a file the process has open rather than a file of their own.
_OPEN_FILE = re.compile(
    r"/dev/std(?:in|out|err)|/dev/fd/\d+|/proc/(?:self|thread-self|\d+)"
    r"(?:/task/\d+)?/fd/\d+"
)


_MAX_LINKS = 40  # symbolic links followed in a row, as Linux does


def open_file_path(path):
    """The path on the way to ``path``'s file that names an open file, or None.

    /dev/stdout, /dev/fd/N and /proc/self/fd/N lead to whatever file, pipe or
    terminal the process has open there; symbolic links to them count too, and
    links to the folders on the way (a link to /dev or to /proc/self).
    """
    current = os.path.abspath(os.fspath(path))
    for _ in range(_MAX_LINKS):
        folder, name = os.path.split(current)
        for each in (current, os.path.join(os.path.realpath(folder), name)):
            if _OPEN_FILE.fullmatch(each):
                return each
        current = each
        try:
            target = os.readlink(current)
        except OSError:  # not a link, or no such file: a path of its own
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return None
