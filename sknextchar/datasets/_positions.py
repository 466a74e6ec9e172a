"""Tables without a header row, read by the positions of their columns.

The US Social Security baby-name files (``Emma,F,18688``: name, sex, count)
and many lists of names with counts (``Aarav,1203``) have no header row. With
``header=None`` (the command line's ``--no-header``) such a file is read as a
table whose first row is data: its delimiter is the one of ``,;\\t`` that
splits its first row into the most fields, its width the most fields of its
first 1,000 rows (``Emma,F`` above ``Liam,M,19837``: 3), and its columns
are given by position (counted from 0 in Python, as pandas counts them,
from 1 on the command line, as ``cut``, ``awk`` and spreadsheets count
them). The rows are then read as those of a table with a header
(:func:`~sknextchar.datasets._tables.named_rows`), from its first.
"""

import csv
import itertools
from numbers import Integral

from .._name_headers import is_name_header
from .._shown_paths import flag_word, shown_path
from .._words import counted, quoted_row
from ._column_arguments import COMMAND_LINE, PYTHON, row_fields
from ._placed_column import PlacedColumn, ordinal
from ._table_rows import LINES_LOOKED_AT, header_line, separator_hint, split_rows
from ._table_top import is_header_row
from ._tables import Table, find_table, table_counts

__all__ = [
    "HEADER_VALUES",
    "NoNamesError",
    "PlacedColumn",
    "check_header_arguments",
    "position_counted_rows",
    "position_table",
]

#: What ``header`` may be: the first row is the header (the default), or None.
HEADER_VALUES = ("infer", None)


def _check_position(value, what, spelling=PYTHON):
    """Refuse a column position that is not a whole number >= 0 (counted
    from ``spelling.start``): a bool, a negative number, a header (a str).

    Parameters
    ----------
    value : object
        The position given, counted from 0 (the command line's from 1, less 1).
    what : {"names", "counts", "labels"}
        The argument, as ``spelling`` words it in the message.

    Examples
    --------
    >>> _check_position(2, "counts")
    >>> _check_position(-1, "names")
    Traceback (most recent call last):
    ...
    ValueError: names_column=-1 is no column: with header=None, pass the position ...
    """
    if isinstance(value, Integral) and not isinstance(value, bool) and value >= 0:
        return
    whole = isinstance(value, Integral) and not isinstance(value, bool)
    if whole:  # the command line's own count (--names-column 0: -1 here)
        given = spelling.given(what, int(value))
    else:  # a str (a header), a bool, a float: in Python's words
        given = spelling.given(what, 0).split("=")[0] + f"={value!r}"
    header = ", and a header names a column only without header=None" * (
        isinstance(value, str)
    )
    raise (ValueError if whole else TypeError)(
        f"{given} is no column: with {spelling.header}, pass the position of a "
        f"column, a whole number counted from {spelling.start} "
        f"({spelling.given(what, 0)} for the first column){header}."
    )


def check_header_arguments(header, names_column, counts_column, labels_column=None):
    """Refuse a ``header`` that is neither ``"infer"`` nor None; with None,
    a ``names_column`` left out (a file without a header has no column
    found by its header), and positions (``labels_column`` too) that are no
    column (``"name"``, -1, True) or the same column twice. Before the file
    is read.

    Returns
    -------
    positions : bool
        Whether the file is read by positions (``header`` is None).

    Examples
    --------
    >>> check_header_arguments(None, 0, 2), check_header_arguments("infer", "a", None)
    (True, False)
    >>> check_header_arguments(None, None, None)
    Traceback (most recent call last):
    ...
    ValueError: header=None reads a table without a header row by the positions ...
    >>> check_header_arguments(None, 0, 1, labels_column=1)
    Traceback (most recent call last):
    ...
    ValueError: counts_column=1 is the column of labels (labels_column=1): pass ...
    """
    if header is not None and not (isinstance(header, str) and header == "infer"):
        raise ValueError(
            f"header must be 'infer' (the first row of a table is its header, "
            f"the default) or None (the file has no header row: its columns "
            f"are given by position, counted from 0); got {header!r}."
        )
    if header is not None:
        return False
    if names_column is None:
        raise ValueError(
            "header=None reads a table without a header row by the positions "
            "of its columns: pass names_column, the position of its column of "
            "names counted from 0 (e.g. names_column=0 for the first column)."
        )
    given = {"names": names_column, "labels": labels_column, "counts": counts_column}
    given = {what: at for what, at in given.items() if at is not None}
    seen = {}
    for what, at in given.items():
        _check_position(at, what)
        if at in seen:
            raise ValueError(
                f"{PYTHON.given(what, at)} is the column of {seen[at]} "
                f"({PYTHON.given(seen[at], at)}): pass the position of the "
                f"column of {what}, another column."
            )
        seen[at] = what
    return True


def position_table(lines, path, positions, spelling=PYTHON):
    """The table of a file without a header row, read by column positions.

    Parameters
    ----------
    lines : iterable of str
        The file's lines (the first :data:`LINES_LOOKED_AT` are looked at).
    path : str or os.PathLike
        The file, as messages show it.
    positions : dict
        ``{what: position}``, the positions counted from 0 (``"names"``
        first; ``"counts"``, ``"labels"``), each a column of the first row.
    spelling : Spelling, default=PYTHON
        The interface's words for positions, in messages.

    Returns
    -------
    table : Table
        With ``has_header=False``: its ``header`` names each column by its
        place, the same in every interface (``'3rd'``: ``counts_column=2``
        in Python, ``--counts 3`` on the command line), for messages.

    Raises
    ------
    ValueError
        If a position is not a column of the file's first row (the message
        says how many it has).

    Examples
    --------
    >>> table = position_table(["Emma,F,18688\\n"], "yob.txt", {"names": 0})
    >>> table.delimiter, table.name_at, table.header[2]
    (',', 0, '3rd')
    >>> position_table(["Emma,F,18688\\n"], "yob.txt", {"names": 0, "counts": 3})
    Traceback (most recent call last):
    ...
    ValueError: counts_column=3 is not a column of 'yob.txt', whose first row ...
    """
    lines = list(itertools.islice(lines, LINES_LOOKED_AT))
    first = header_line(lines)
    hint = separator_hint(first)  # "sep=;": no row, the delimiter of those below
    skipped = lines.index(first) + 1 if hint else 0
    first = header_line(lines[skipped:]) if hint else first
    _check_no_header_row(first, path, spelling)
    fields, delimiter = row_fields(first) if first else ([], ",")
    if hint:
        lines, delimiter = lines[skipped:], hint
        fields = split_rows([first], hint)[0] if first else []
    width = _widest(lines, delimiter, len(fields)) if first else 0
    width = width or max(positions.values()) + 1  # an empty file: no rows
    rows = f"first row {quoted_row(first)} has"
    if first and width > len(fields):  # Emma,F above Liam,M,19837
        rows = f"widest row among its first {counted(len(lines), 'line')} has"
    for what, at in positions.items():
        if at >= width:
            last = f"{spelling.start + width - 1}"
            raise ValueError(
                f"{spelling.given(what, at)} is not a column of "
                f"{shown_path(path)}, whose {rows} "
                f"{counted(width, 'column')} (counted from {spelling.start}: "
                f"{spelling.start} to {last}): pass the "
                f"{'number' if spelling.start else 'position'} of a column of "
                "that row."
            )
    header = [ordinal(at + 1) for at in range(width)]
    table = Table(delimiter, header, positions["names"], has_header=False)
    table.skipped = skipped  # the "sep=;" line, left out as a title is
    return table


def _widest(lines, delimiter, least):
    """The most fields of a row among ``lines`` split at ``delimiter``, its
    empty fields at the end left out (``least`` if the rows cannot be split)."""
    rows = split_rows(lines, delimiter) or []
    return max([least] + [len(_filled(row)) for row in rows])


def _filled(row):
    """The fields of a row up to its last that is not empty."""
    while row and not row[-1].strip():
        row = row[:-1]
    return row


def _names_expected(names_column, spelling=PYTHON):
    """Where a file's names were looked for, as an error that found none
    says it: one per line (``names_column`` None), below the header in the
    column so headed (a str), or in the column at that position of a table
    without a header row (an int, counted from 0: by its place, with the
    argument that reads it in ``spelling``'s words).

    Examples
    --------
    >>> from sknextchar.datasets._column_arguments import COMMAND_LINE
    >>> _names_expected(None), _names_expected("name")
    ('one name per line', "names below the header, in its column 'name'")
    >>> _names_expected(0), _names_expected(0, COMMAND_LINE)
    ('names in its 1st column (names_column=0)', 'names in its 1st column (--names-column 1)')
    """  # noqa: E501
    if names_column is None:
        return "one name per line"
    if isinstance(names_column, str):
        return f"names below the header, in its column {names_column!r}"
    return f"names in {PlacedColumn(names_column).read_as('names', spelling)}"


class NoNamesError(ValueError):
    """A file with no names where they were looked for (:func:`_names_expected`),
    in Python's words; :meth:`in_command_line` in the command line's.

    Parameters
    ----------
    path : str
        The file, as its messages show it.
    names_column : str, int or None
        Where its names were looked for.

    Examples
    --------
    >>> error = NoNamesError("kids.txt", 0)
    >>> print(error)
    'kids.txt' contains no names; expected names in its 1st column (names_column=0).
    >>> print(error.in_command_line())
    'kids.txt' contains no names; expected names in its 1st column (--names-column 1).
    """

    def __init__(self, path, names_column):
        self.path, self.names_column = path, names_column
        super().__init__(self._told(PYTHON))

    def _told(self, spelling):
        expected = _names_expected(self.names_column, spelling)
        return f"{shown_path(self.path)} contains no names; expected {expected}."

    def in_command_line(self):
        """The error in the command line's words (columns counted from 1)."""
        return ValueError(self._told(COMMAND_LINE))

    def __reduce__(self):  # its class takes the attributes, not the message
        return type(self), (self.path, self.names_column), vars(self)  # notes too


def _check_no_header_row(first, path, spelling):
    """Refuse a first row that is a header row with a column of names and
    no number (``name,sex,count``), or the header of one column that says
    "name" (``name``, ``"name"``): read by positions, it would be a name."""
    try:
        table = find_table(first, path) if first else None
    except ValueError:  # a "sep=;" line: not a header either
        return
    others = ""
    if table is not None and is_header_row(table.header, table.delimiter):
        column, others = table.column, " (and each other column by its header)"
    elif table is None and first and _one_name_header(first):
        column = _one_name_header(first)
    else:
        return  # also a row of data whose first name is "Name" (Name,F,5)
    by_header = (
        f"names_column={column!r}"
        if spelling is PYTHON
        else flag_word("--names-column", column)
    )
    raise ValueError(
        f"The first row of {shown_path(path)}, {quoted_row(first)}, is a header "
        f"row (its column of names is {column!r}), which {spelling.header} would "
        f"read as a row of names: leave out {spelling.header} and pass {by_header}"
        f"{others}."
    )


def _one_name_header(first):
    """The field of a first row of one field, read as CSV (``"name"`` is
    ``name``), when it is a header of names (:data:`NAME_HEADERS`); else ""."""
    fields = next(csv.reader([first]), [])
    one = len(fields) == 1 and is_name_header(fields[0])
    return fields[0].strip() if one else ""


def position_counted_rows(
    lines, path, names_at, counts_at, *, warn=True, again=None, unnamed=None
):
    """``(name, count)`` for each row with a name of a file without a header
    row: the names of column ``names_at``, the counts of ``counts_at``
    (positions counted from 0), as
    :func:`~sknextchar.datasets._counted_rows.counted_rows` reads a table with a
    header (``warn``, ``again`` and ``unnamed`` as there).

    Examples
    --------
    >>> list(position_counted_rows(["Emma,F,18688\\n", "Liam,M,19837\\n"], "y", 0, 2))
    [('Emma', 18688.0), ('Liam', 19837.0)]
    """
    lines = iter(lines)
    head = list(itertools.islice(lines, LINES_LOOKED_AT))
    table = position_table(head, path, {"names": names_at, "counts": counts_at})
    source = shown_path(path)
    rows = itertools.chain(head, lines)
    column = PlacedColumn(counts_at)  # "the 3rd column", no header
    return table_counts(
        rows, table, counts_at, source, warn, again, column, unnamed=unnamed
    )
