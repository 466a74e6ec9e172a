"""A column of a table's header row left without a title, read by its number.

A spreadsheet writes a column whose title cell was left empty as an empty field
of its header row (``name,`` above ``Anna,F``). ``train --labels 2`` reads that
column by its number, counted from 1 (as ``--no-header`` numbers every column),
so the file needs no edit; a column with a title is read by its title, and a
header field spelled ``2`` stays the column ``--labels 2`` names.
"""

from ..datasets._count_cells import is_number
from ..datasets._labelled_table import first_row, header_column_at

__all__ = ["untitled_column", "untitled_hint", "untitled_number"]

_DELIMITERS = ",;\t"


def untitled_column(text, column):
    """``--labels column`` as the header row of ``text`` spells it: ``""``
    for the number (counted from 1) of its one field left empty, else
    ``column`` as given.

    Examples
    --------
    >>> untitled_column("name,\\nAnna,F\\n", "2")
    ''
    >>> untitled_column("name,2\\nAnna,F\\n", "2")  # a column titled 2
    '2'
    >>> untitled_column("name,sex\\nAnna,F\\n", "2")  # titled: read by its title
    '2'
    """
    if not (column.isascii() and column.isdigit()):
        return column
    headers = [first_row(text, delimiter) for delimiter in _DELIMITERS]
    if any(header_column_at(header, column) is not None for header in headers):
        return column
    at = int(column) - 1
    for header in headers:
        if _blank_at(header) == at:
            return ""
    return column


def untitled_hint(header, rows=(), delimiter=","):
    """How to read the one field of ``header`` left without a title, as the
    end of a message (``""`` for none: :func:`untitled_number`).

    Examples
    --------
    >>> untitled_hint(["name", ""], [(2, ["Anna", "F"])])
    '; its column 2 has no title: --labels 2 reads it'
    >>> untitled_hint(["", "name"], [(2, ["0", "Anna"])])  # pandas' index
    ''
    """
    number = untitled_number(header, rows, delimiter)
    return f"; its column {number} has no title: --labels {number} reads it" * (
        number is not None
    )


def untitled_number(header, rows=(), delimiter=","):
    """The number, counted from 1, of the one field of ``header`` left
    without a title, that ``--labels`` could read: None for none, for more
    than one, or for a column of numbers (an index, counts) or of empty cells
    in the rows below, ``(line, fields)``.

    Examples
    --------
    >>> untitled_number(["name", ""], [(2, ["Anna", "F"])])
    2
    >>> untitled_number(["name", "", ""], [(2, ["Anna", "F", ""])]) is None
    True
    >>> untitled_number(["name", ""], [(2, ["Anna", "3"])]) is None  # counts
    True
    """
    at = _blank_at(header)
    if at is None:
        return None
    cells = [fields[at].strip() for _, fields in rows if at < len(fields)]
    cells = [cell for cell in cells if cell]
    if all(is_number(cell, delimiter) for cell in cells):
        return None
    return at + 1


def _blank_at(header):
    """The index of the one empty field of a header row of two fields or
    more; None for none, or for two."""
    blank = [i for i, field in enumerate(header) if not field]
    return blank[0] if len(header) > 1 and len(blank) == 1 else None
