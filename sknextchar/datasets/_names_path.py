"""The path of a file of names, refused before it is read if it cannot be one.

:func:`check_names_path` refuses a folder, a missing file (with a hint: a web
address, ``-`` for the standard input, a dangling link, a file of a close
name), a device other than a terminal (:func:`is_device`), a path no file can
have, and a file of another kind than text (an image, a model file).
"""

import errno
import os
import stat

from .._path_flaws import LINK_LOOP, name_too_long, unnamable_path
from .._shown_paths import close_file_note, dangling_link_note, path_text, shown_path
from ._file_kinds import may_hold_names, not_text_message
from ._name_sources import web_address_error

__all__ = [
    "check_names_path",
    "is_device",
]


def check_names_path(path, encoding=None):
    """The path of a file of names to read, refused if it cannot be one.

    A folder, a missing path and a device (``/dev/zero`` would be read until
    memory runs out) are refused; a pipe and a terminal are read. A file in a
    folder that may not be searched raises the operating system's
    ``PermissionError`` (naming the file), not "no such file".

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str or None, default=None
        The file's encoding as the user gave it (what a JSON file is converted
        with, in the advice on it).

    Returns
    -------
    path : str

    Raises
    ------
    FileNotFoundError
        If there is no such file (or folder on the way).
    IsADirectoryError
        If ``path`` is a folder.
    OSError
        If ``path`` is too long for the file system (the message says which
        part, and the limit), or is a loop of symbolic links.
    PermissionError
        If a folder on the way may not be searched (the system's, naming it).
    ValueError
        If ``path`` is a device, holds a NUL character or a lone
        surrogate, or is a file of another kind than text (an image, a model
        file).

    Examples
    --------
    >>> check_names_path("/dev/zero")
    Traceback (most recent call last):
    ...
    ValueError: '/dev/zero' is a device, not a file of names; pass a text file.
    """
    path = path_text(path)
    if os.path.isdir(path):
        raise IsADirectoryError(
            f"{shown_path(path)} is a directory; pass a text file of names."
        )
    try:
        mode = os.stat(path).st_mode
    except PermissionError:  # a folder on the way that may not be searched
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:  # a loop of links: there, but no file
            raise OSError(  # one argument: no "[Errno 40]" before the message
                f"{shown_path(path)} is not a file of names: {LINK_LOOP}; "
                "pass a text file."
            ) from None
        if error.errno == errno.ENAMETOOLONG:  # not missing: no such name can be
            raise OSError(
                f"{shown_path(path)} cannot be a file of names: "
                f"{name_too_long(path)}. Check the path."
            ) from None
        raise _no_such_file(path) from None
    except ValueError:  # a NUL or a lone surrogate in the path: no file has it
        raise ValueError(
            f"{shown_path(path)} cannot be a file of names: "
            f"{unnamable_path(path)}. Check the path."
        ) from None
    if is_device(path, mode):
        raise ValueError(
            f"{shown_path(path)} is a device, not a file of names; pass a text file."
        )
    if stat.S_ISREG(mode):  # a pipe cannot be peeked at without losing bytes
        message = not_text_message(path, encoding)  # an image, a model file...
        if message is not None:
            raise ValueError(message)
    return path


def is_device(path, mode):
    """Whether ``path`` (of ``os.stat`` mode ``mode``) is a device other than
    a terminal: ``/dev/zero`` would be read until memory runs out.

    Examples
    --------
    >>> import os
    >>> is_device("/dev/zero", os.stat("/dev/zero").st_mode)
    True
    >>> is_device(".", os.stat(".").st_mode)
    False
    """
    return stat.S_ISBLK(mode) or (stat.S_ISCHR(mode) and not _is_terminal(path))


def _no_such_file(path):
    """The error of a path that leads to no file of names."""
    url = web_address_error(path)  # never downloaded: the user fetches it
    if url is not None:
        return url
    stdin = path == "-" and os.path.exists("/dev/stdin")
    hint = " (standard input is '/dev/stdin', not '-')" if stdin else ""
    hint = dangling_link_note(path) or hint  # a link there, leading nowhere
    return FileNotFoundError(
        f"No such file of names: {shown_path(path)}{hint}."
        + close_file_note(path, may_hold_names)
    )


def _is_terminal(path):
    try:
        with open(path, "rb", buffering=0) as f:
            return f.isatty()
    except OSError:
        return False
