"""Why a path can name no file, in the words of a message.

A path with a NUL character or a lone surrogate (:func:`unnamable_path`), a
name or a whole path longer than the file system takes (:func:`name_too_long`,
with the limits of :mod:`~sknextchar._name_limits`), a loop of symbolic
links (:data:`LINK_LOOP`), a file where the path has a folder
(:func:`file_on_the_way`). Readers and writers of files share these words.
"""

import os
from pathlib import Path

from ._name_limits import most_path_bytes, path_limit
from ._shown_paths import shown_path

__all__ = [
    "LINK_LOOP",
    "NUL_IN_PATH",
    "file_on_the_way",
    "name_too_long",
    "unnamable_path",
]


#: Why a path with a NUL character names no file, for a message.
NUL_IN_PATH = "a path cannot hold the NUL character ('\\x00')"


def unnamable_path(path):
    """Why no file can have the name ``path``, for a message, or None.

    A NUL character, or a lone surrogate that stands for no byte (U+D800;
    U+DC80..U+DCFF stand for the bytes that are no text): ``os.stat`` says only
    "embedded null byte" or "'utf-8' codec can't encode character".

    Examples
    --------
    >>> print(unnamable_path("a\\x00b"), unnamable_path("names.txt"))
    a path cannot hold the NUL character ('\\x00') None
    >>> unnamable_path("x\\ud800.txt")
    'a path cannot hold a lone surrogate (U+D800), which stands for no byte'
    """
    try:
        encoded = os.fsencode(path)
    except UnicodeEncodeError as error:
        code = ord(error.object[error.start])
        return (
            f"a path cannot hold a lone surrogate (U+{code:04X}), "
            "which stands for no byte"
        )
    return NUL_IN_PATH if b"\x00" in encoded else None


#: What a path that is a loop of symbolic links is, for a message.
LINK_LOOP = (
    "it is a symbolic link in a loop of links (each leads to the next, the last "
    "back to the first), so it leads to no file"
)


def name_too_long(path):
    """What is too long in ``path`` for the file system (``ENAMETOOLONG``).

    Parameters
    ----------
    path : str or os.PathLike
        A path the system refused as too long.

    Returns
    -------
    reason : str
        The part of the path, or of where a symbolic link in it leads, longer
        than a file name may be (cut short), or the length of the whole path,
        with the limit of the file system; if neither passes a limit, what may
        be too long, with no number.

    Examples
    --------
    >>> import tempfile
    >>> from sknextchar._path_flaws import name_too_long
    >>> print(name_too_long(tempfile.gettempdir() + "/" + "x" * 300))
    ... # doctest: +NORMALIZE_WHITESPACE
    the name 'xxxxxxxxxxxxxxxxxxxx...' is 300 bytes long, and a file or
    folder name may have at most 255 there
    """
    given = os.fsdecode(path)  # as the system was given it
    real = os.path.realpath(given)  # the names its links lead to
    typed = [os.fsencode(part) for part in Path(given).parts]
    longest = max([*typed, *map(os.fsencode, Path(real).parts)], key=len)
    limit = path_limit(Path(real), "PC_NAME_MAX", 255)
    if len(longest) > limit:
        name = shown_path(os.fsdecode(longest)[:20] + "...")
        where = (
            f"the name {name} is"
            if longest in typed
            else f"a symbolic link in it leads to the name {name}, which is"
        )
        return (
            f"{where} {len(longest):,} bytes long, and a file or folder name may "
            f"have at most {limit:,} there"
        )
    most = most_path_bytes(Path(real))
    for size in (len(os.fsencode(given)), len(os.fsencode(real))):
        if size > most:
            return (
                f"the path is {size:,} bytes long, more than the {most:,} the "
                "system takes"
            )
    if real != os.path.abspath(given):
        return "a symbolic link in it leads to a name too long for the file system"
    return "it is too long for the file system"


def file_on_the_way(path):
    """The first folder of ``path`` that is a file instead, as the path gives it.

    Parameters
    ----------
    path : str or os.PathLike
        A path that a file stands in the way of (``NotADirectoryError``).

    Returns
    -------
    part : str
        The path up to that file (``path`` itself if none is found).

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     open(os.path.join(tmp, "names.txt"), "w").close()
    ...     part = file_on_the_way(os.path.join(tmp, "names.txt", "m.skops"))
    ...     os.path.basename(part)
    'names.txt'
    """
    for parent in reversed(Path(os.fspath(path)).parents):
        if os.path.exists(parent) and not os.path.isdir(parent):
            return str(parent)
    return os.fspath(path)
