"""``names_column`` and ``counts_column`` refused before a file is read,
with what to pass: a column's header, named from the file's header row.
"""

import collections
import os
from numbers import Integral

from .._text import counted, quoted, quoted_fields, quoted_row
from ._table_rows import DELIMITER_NAMES, check_one_column, header_key, split_rows

__all__ = ["check_column_arguments", "check_counts_column_argument"]


def check_column_arguments(names_column, counts_column, path, header_row):
    """Refuse a ``names_column`` that is not a header (a str) or None, then a
    ``counts_column`` that is not (or comes without ``names_column``), before
    the file at ``path`` is read.

    Parameters
    ----------
    names_column, counts_column : object
        The arguments, as given.
    path : str or os.PathLike
        The file, named in messages.
    header_row : callable
        Called with no argument only when ``names_column`` is refused, to
        name the columns of the file's header row: returns the header row's
        line and its table (None if no column of names is found), the line
        None when it is not known (the file not read).

    Examples
    --------
    >>> check_column_arguments("name", None, "kids.csv", None)  # fine
    >>> check_column_arguments(0, None, "kids.csv", lambda: (None, None))
    Traceback (most recent call last):
    ...
    TypeError: names_column must be the header of the column of names (a str) or \
None, not its position; got 0.
    """
    if names_column is not None and not isinstance(names_column, str):
        first, table = header_row()
        _refuse_names_column(names_column, first, table, repr(os.fspath(path)))
    if counts_column is not None:
        check_counts_column_argument(counts_column, names_column)


def check_counts_column_argument(counts_column, names_column):
    """Refuse a ``counts_column`` that is not a header, or comes without the
    ``names_column`` beside which it is read.

    Examples
    --------
    >>> check_counts_column_argument("count", None)
    Traceback (most recent call last):
    ...
    ValueError: counts_column='count' reads a column of a table: pass ...
    """
    if not isinstance(counts_column, str):
        raise TypeError(
            "counts_column must be the header of a column of counts (a str) or "
            f"None; got {counts_column!r}."
        )
    if names_column is None:
        raise ValueError(
            f"counts_column={counts_column!r} reads a column of a table: pass "
            "names_column too, the header of its column of names."
        )


def _refuse_names_column(names_column, first, table, source):
    """Refuse a ``names_column`` that is not a header (a str), such as the
    position of the column: naming the columns of the header row ``first``
    (None: not known, the file not read) and the one to pass: the column of
    names of ``table`` (the table found without a ``names_column``; None for
    none), or the headers at that position, counted from 0 and from 1.

    Examples
    --------
    >>> _refuse_names_column(1, "id,first,last\\n", None, "'kids.csv'")
    Traceback (most recent call last):
    ...
    TypeError: names_column must be the header of the column of names (a str) or ...
    """
    position = isinstance(names_column, Integral) and not isinstance(names_column, bool)
    what = f"got {names_column!r}"
    if isinstance(names_column, bool):  # an int, but no position
        what += ", a bool, not a header"
    if first is not None:
        at = int(names_column) if position else None
        what += ". " + _what_to_pass(first, table, at, source)
    raise TypeError(
        "names_column must be the header of the column of names (a str) or "
        f"None{', not its position' * position}; {what}."
    )


def _header_fields(first, table):
    """The fields of the header row ``first`` and their delimiter: those of
    ``table``, or, for None, split at the delimiter that gives the most."""
    if table is not None:
        return table.header, table.delimiter
    splits = [((split_rows([first], d) or [[]])[0], d) for d in DELIMITER_NAMES]
    fields, delimiter = max(splits, key=lambda split: len(split[0]))
    return [field.strip() for field in fields], delimiter


def _what_to_pass(first, table, at, source):
    """What to pass as ``names_column`` for the header row ``first``, in
    words: only a header that reads one column; ``at`` is the position
    given (None: none)."""
    header, delimiter = _header_fields(first, table)
    one_name = "pass names_column=None to read one name per line"
    if not header:
        return f"{source} has no header row: {one_name}"
    row = f"The first row of {source}, {quoted_row(first)},"
    if table is not None:
        row += f" has {counted(len(header), 'column')}"
        try:
            check_one_column(header, table.name_at, source)
        except ValueError as twins:  # name,Name,label: neither header reads it
            return f"{row}, and {str(twins).rstrip('.')}"
        return f"{row}: pass names_column={table.column!r}" + _at_position(
            at, header, table.name_at
        )
    if len(header) < 2:  # 'First Name' or 'Anna': a header, or a name
        return (
            f"{row} is one field, not a usual header of names (such as 'name'). "
            "If it heads the names below it, pass "
            f"names_column={quoted(header[0])}; if it is a name, {one_name}"
        )
    return f"{row} has no usual header of names (such as 'name'). " + _choices(
        header, delimiter, at
    )


def _choices(header, delimiter, at):
    """Both readings of a first row of several fields in which no header of
    names was found (``Anna,F``: a row of data; ``id,first``: a header)."""
    usable = [header[i] for i in sorted(_reading_one(header))]
    if usable:
        as_header = (
            "pass the header of its column of names, one of "
            + quoted_fields(usable)[1:-1]
            + _at_position(at, header)
        )
    else:
        as_header = (
            "give each column a header of its own (no two alike), then pass the "
            "header of its column of names"
        )
    n = len(header)
    others = ["label"] if n == 2 else [f"column{i}" for i in range(2, min(n, 4) + 1)]
    example = delimiter.join(["name", *others, *["..."] * (n > 4)])
    return (
        f"If it is a header row, {as_header}. If it is a row of data, write a "
        f"header row above it ({counted(n, 'column')}, e.g. {quoted(example)}) and "
        "pass names_column='name', or pass names_column=None to read each whole "
        "line as a name"
    )


def _reading_one(header):
    """The columns of ``header`` whose header reads them, and no other (not
    empty, not the twin of another as :func:`header_key` compares)."""
    keys = [header_key(field) for field in header]
    twins = collections.Counter(keys)
    return {at for at, key in enumerate(keys) if key and twins[key] == 1}


def _at_position(n, header, offered=None):
    """The headers at position ``n`` of ``header`` (None: no position given),
    counted from 0 (as Python counts) and from 1 (as a spreadsheet does),
    those that read one column, as ``names_column`` reads them (``""``:
    none); not column ``offered`` (the column of names, already offered)."""
    if n is None or len(header) < 2:
        return ""
    usable = _reading_one(header) - {offered}
    found = [
        f"{quoted(header[n - start])} counted from {start} "
        f"(names_column={quoted(header[n - start])} reads it)"
        for start in (0, 1)
        if n - start in usable
    ]
    return f". Column {n:,} is {', '.join(found)}" if found else ""
