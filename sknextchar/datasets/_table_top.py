"""The top of a table: whether a file's first row
is a header row (:func:`is_header_row`, by the headers that say "name" of
:mod:`sknextchar._name_headers`), and whether the lines above a
header row are clearly a title (:func:`clear_title`,
:func:`one_column_title`), left out with a
:class:`TitleLinesWarning` (:func:`warn_title`), or names pasted above it.
:mod:`._tables` reads a table by them (and finds a header row below a
title: ``title_of``).
"""

import os
import re
import unicodedata
import warnings

from .._name_headers import NAME_HEADERS, is_name_header, name_header_positions
from .._stacklevel import user_stacklevel
from .._words import one_or_many, quoted_row
from ._count_cells import is_number
from ._table_rows import (
    TitleLinesWarning,
    has_title,
    header_key,
    is_blank_line,
    split_line,
    title_words,
)

__all__ = [
    "TABLE_SUFFIXES",
    "clear_title",
    "is_header_row",
    "names_above_words",
    "one_column_title",
    "warn_title",
]

# The file suffixes of tables: a one-column header row is a header there.
TABLE_SUFFIXES = (".csv", ".tsv")


def is_header_row(fields, delimiter, names_at=None):
    """Whether a file's first row, split at ``delimiter`` into ``fields``, is
    a header row (``name,sex,count``), which a reading without a header row
    refuses: two fields or more, none a number, one a header of names
    (:func:`is_name_header`) or the column ``names_at``, found by its header.

    Examples
    --------
    >>> is_header_row(["name", "sex", "count"], ",")
    True
    >>> is_header_row(["Emma", "F", "5"], ",")
    False
    """
    if len(fields) < 2 or any(is_number(field.strip(), delimiter) for field in fields):
        return False
    return names_at is not None or bool(name_header_positions(fields))


def clear_title(lines, found):
    """Whether the lines above a table's header row (``found``, from
    :func:`title_of`) are clearly a title, to be left out: not every one of
    them a name alone on its line (``Zoe``, ``Mary Ann``: names pasted above
    the header row, refused as a title is before its deletion, not dropped).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> table = SimpleNamespace(header=["name", "count"], delimiter=",")
    >>> lines = ["Zoe\\n", "Jose\\n", "name,count\\n", "emma,5\\n"]
    >>> clear_title(lines, (2, table))
    False
    >>> titled = ["Baby names 2024\\n", *lines[2:]]
    >>> clear_title(titled, (1, table))
    True
    """
    at, table = found
    above = [line for line in lines[:at] if not is_blank_line(line)]
    return len(table.header) == 1 or not all(
        _reads_as_name(line, table.delimiter) for line in above
    )


def _reads_as_name(line, delimiter):
    """Whether ``line`` is one field of letters (spaces, ``'-.`` between
    them), its words capitalized alike (``Mary Ann``, ``emma``; not ``My
    list``), not a header of names: a name rather than a title."""
    fields = [field for field in split_line(line, delimiter) if field]
    if len(fields) != 1 or is_name_header(fields[0], alone=True):
        return False
    letters = (
        c.isalpha() or c in " '\u2019.-" or unicodedata.combining(c) for c in fields[0]
    )
    return all(letters) and len({word[0].isupper() for word in fields[0].split()}) == 1


def warn_title(lines, found, path):
    """Warn that the lines above a table's header row (``found``, from
    :func:`title_of`) are read as its title, and left out; those of them
    that read as names (``Zoe`` below ``Baby names 2024``) said to be moved
    below it if they are names. A spreadsheet's note of the delimiter alone
    above it (``sep=;``) is no title: left out without a word."""
    at, table = found
    if not has_title(lines, at):
        return
    named = [
        quoted_row(line)
        for line in lines[:at]
        if not is_blank_line(line) and _reads_as_name(line, table.delimiter)
    ]
    n_named = len(named)
    note = ""
    if named:  # a subtitle, or a name pasted above the header row
        move = one_or_many(n_named, "it is one, move it", "they are, move them")
        cells = ""
        if len(table.header) > 1:
            cells = one_or_many(n_named, ", as a row with its other cells", ", as rows")
        reads = one_or_many(n_named, "reads as a name", "read as names")
        note = f" ({', '.join(named)} {reads}: if {move} below the header row{cells})"
    words = f"{title_words(lines, *found, path)}: read as its title, left out{note}."
    warnings.warn(words, TitleLinesWarning, stacklevel=user_stacklevel())


# The words of names_above_words for one line above a header row, and for more.
_ABOVE_WORDS = (
    ("it reads", "they read"),
    ("it is", "they are"),
    ("it", "them"),
    ("a name", "names"),
    ("a row with its", "rows with their"),
)


def names_above_words(lines, found):
    """What the lines above a header row that read as names (not
    :func:`clear_title`) are, in words, up to the advice to delete them (as
    a title is) or to move them below it; ``""`` for a title.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> table = SimpleNamespace(header=["name", "count"], delimiter=",")
    >>> lines = ["Ohio\\n", "name,count\\n", "emma,5\\n"]
    >>> print(names_above_words(lines, (1, table)))
    ; it reads as a name, not a title, so it is not left out. If it is a name of
    the list, move it below the header row, as a row with its other cells; else
    delete
    """
    if clear_title(lines, found):
        return ""
    n_above = sum(not is_blank_line(line) for line in lines[: found[0]])
    they_read, they_are, them, names, rows = (
        one_or_many(n_above, *words) for words in _ABOVE_WORDS
    )
    return (
        f"; {they_read} as {names}, not a title, so {they_are} not left out. If "
        f"{they_are} {names} of the list, move {them} below the header row, as "
        f"{rows} other cells; else delete "
    )


def one_column_title(first, table, path):
    """Whether ``first``, the line above the header of a one-column table of
    a ``.csv`` or ``.tsv`` file, is a title: the header is a word that says
    "name" (``name``, not ``Full name``), and ``first`` is no name (a title
    such as ``Baby Names``, or with digits). A ``first`` that is itself a
    header of names (``name``, ``First name``) is the header, and the line
    below it a name.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> one_column_title("Baby Names", SimpleNamespace(column="name"), "b.csv")
    True
    >>> one_column_title("First name", SimpleNamespace(column="name"), "b.csv")
    False
    """
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    if suffix not in TABLE_SUFFIXES or header_key(table.column) not in NAME_HEADERS:
        return False
    first = first.strip()
    if header_key(first) in NAME_HEADERS:
        return False
    return is_name_header(first, alone=True) or bool(re.search(r"\d", first))
