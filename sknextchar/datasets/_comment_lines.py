"""Lines of a list of names that read as no name: comments and titles, warned of.

A file of one name per line is read as it is, so a line that starts with
``#`` (:func:`warn_comment_lines`) or a first line that reads as a title
(:func:`warn_title_name`) is read as a name, with a warning of a category of
its own (:class:`CommentLinesWarning`) that asks the user to delete it;
:func:`numbered_lines` numbers the lines as a text editor does.
"""

import re
import warnings

from .._pasted_lists import list_item, reads_as_title
from .._shown_paths import shown_path
from .._stacklevel import user_stacklevel
from .._words import quoted
from ._table_rows import LINES_LOOKED_AT

__all__ = [
    "CommentLinesWarning",
    "TitleNameWarning",
    "numbered_lines",
    "warn_comment_lines",
    "warn_title_name",
]


class CommentLinesWarning(UserWarning):
    """Lines of a file of names that start with ``#``, read as names (see
    :func:`warn_comment_lines`), a category of its own so that a second reading
    of the same file can leave out what the first one told."""


class TitleNameWarning(CommentLinesWarning):
    """The first line of a list of names read as a name though it reads as a
    title (:func:`warn_title_name`); a kind of :class:`CommentLinesWarning`,
    so that a second reading of the same file leaves it out too."""


def warn_title_name(numbered, path, *, whole=True, labels=None):
    """Warn when the first name of a list of one name per line reads as a
    title (:func:`~sknextchar._pasted_lists.reads_as_title`: ``Baby names
    2024``), when no name below it on the file's first :data:`LINES_LOOKED_AT`
    + 1 lines has a digit (a list's numbers are no part of its names:
    ``1. Anna``, :func:`~sknextchar._pasted_lists.list_item`).

    A file of one name per line is read as it is (a name may have a space
    or, rarely, a digit), so the user is told, with the line, and deletes it.

    Parameters
    ----------
    numbered : iterable of (int, str)
        The lines of the file and their names (stripped; ``""`` for a blank
        line), in order, as :func:`numbered_lines` gives them; only those
        on its first :data:`LINES_LOOKED_AT` + 1 lines are looked at.
    path : str or os.PathLike
        The file, for the message.
    whole : bool, default=True
        Whether ``numbered`` holds every line of the file (False: its first
        lines only, whose end is not the file's).
    labels : callable or None, default=None
        With a file of labels, line by line (``train --labels FILE``): the
        path of that file and the line of the label of line ``i``,
        ``labels(i)``; the warning says to delete that line too.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_title_name(numbered_lines("\\nBaby names 2024\\nZoe\\nJose"), "k.txt")
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    Line 2 of 'k.txt', 'Baby names 2024', is read as a name, but it has words
    and a number, as a title has, and no name below it has a digit: if it is a
    title, delete that line.
    """
    numbered = iter(numbered)
    line, first = next(((i, name) for i, name in numbered if name), (0, ""))
    if line > LINES_LOOKED_AT + 1 or not reads_as_title(first):
        return  # most lists: their first name alone is looked at
    below = []
    for i, name in numbered:
        if i > LINES_LOOKED_AT + 1:
            whole = False
            break
        below.append(list_item(name))
    if not "".join(below) or re.search(r"\d", "\n".join(below)):
        return  # a name alone; or R2 D2, 2Pac: digits in names
    looked = "" if whole else f" on the first {LINES_LOOKED_AT + 1:,} lines"
    also = "" if labels is None else " and line {1} of {0}".format(*labels(line))
    warnings.warn(
        f"Line {line} of {shown_path(path)}, {quoted(first)}, is read as a "
        "name, but it has words and a number, as a title has, and no name "
        f"below it{looked} has a digit: if it is a title, delete that line{also}.",
        TitleNameWarning,
        stacklevel=user_stacklevel(),
    )


def warn_comment_lines(names, path, *, whole=True):
    """Warn once when names start with ``#``: a comment or a title, read as a name.

    A file of one name per line is read as it is (a comment line would be a
    name to any rule that skipped it), so the user is told and deletes it.

    Parameters
    ----------
    names : list of str
        Names read one per line, stripped.
    path : str or os.PathLike
        The file they were read from, for the message.
    whole : bool, default=True
        Whether ``names`` are all the names of the file; False (a first
        chunk) names the first such line without counting them.

    Returns
    -------
    warned : bool

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_comment_lines(["# girls", "Asha", "#boys"], "kids.txt")
    True
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    'kids.txt' has 2 lines that start with '#' (the first: '# girls'), read as
    names, and no name starts with '#': if they are comments or titles, delete
    them.
    """
    if "#" not in "".join(names):  # one pass in C: most files have no '#'
        return False
    commented = [name for name in names if name.startswith("#")]
    if not commented:
        return False
    first = commented[0]
    if not whole:
        what = f"lines that start with '#' (the first: {first!r}), read as names"
        fix = "they are comments or titles, delete them"
    elif len(commented) == 1:
        what = f"a line that starts with '#', {first!r}, read as a name"
        fix = "it is a comment or a title, delete it"
    else:
        what = f"{len(commented):,} lines that start with '#' (the first: {first!r})"
        what, fix = what + ", read as names", "they are comments or titles, delete them"
    warnings.warn(
        f"{shown_path(path)} has {what}, and no name starts with '#': if {fix}.",
        CommentLinesWarning,
        stacklevel=user_stacklevel(),
    )
    return True


#: Characters of a text split into lines at a time by :func:`numbered_lines`:
#: the lines of a whole file of 13,000,000 names, split at once, doubled the
#: peak memory of ``load_names`` (1.9 GB), though only its first lines are read.
_BLOCK = 1 << 16


def numbered_lines(text):
    """Each stripped line of ``text`` (as ``str.splitlines`` splits it), numbered.

    The numbers are those of a text editor: only ``\\n``, ``\\r\\n`` and ``\\r``
    start a new line (the rarer breaks ``splitlines`` also splits at, such as
    U+2028, do not), counted from 1.

    Parameters
    ----------
    text : str

    Yields
    ------
    number : int
    line : str
        Stripped; blank lines are yielded too (as ``""``).

    Examples
    --------
    >>> list(numbered_lines("asha\\r\\n\\nravi\\u2028uma\\rzoe"))
    [(1, 'asha'), (2, ''), (3, 'ravi'), (3, 'uma'), (4, 'zoe')]
    """
    number, start = 1, 0
    while start < len(text):  # a block at a time: a caller may stop early
        end = text.find("\n", start + _BLOCK)  # a cut after "\n" splits no line
        end = len(text) if end < 0 else end + 1
        for line in text[start:end].splitlines(keepends=True):
            yield number, line.strip()
            if line.endswith(("\n", "\r")):
                number += 1
        start = end
