"""A column of a table's header row left without a title, read by its number.

A spreadsheet writes a column whose title cell was left empty as an empty field
of its header row (``name,`` above ``Anna,F``). ``train --labels 2`` reads that
column by its number, counted from 1 (as ``--no-header`` numbers every column),
so the file needs no edit; a column with a title is read by its title, and a
header field spelled ``2`` stays the column ``--labels 2`` names. A header row
may leave several columns untitled (``name,,`` above ``Anna,F,``: the empty
columns a spreadsheet writes at the end): each is read by its number, and
only those with values below the header row are offered.
"""

from ..datasets._column_arguments import COMMAND_LINE
from ..datasets._labelled_table import first_row, header_column_at
from ..datasets._tables import DELIMITERS
from ..datasets._untitled_columns import (
    numbered_untitled,
    untitled_columns,
    untitled_words,
)

__all__ = [
    "untitled_column",
    "untitled_hint",
]


def untitled_column(text, column):
    """``--labels column`` as the reader of the header row of ``text`` takes
    it: the index (counted from 0) of the field left empty that ``column``,
    a number counted from 1, names, else ``column`` as given.

    Examples
    --------
    >>> untitled_column("name,\\nAnna,F\\n", "2")
    1
    >>> untitled_column("name,,\\nAnna,F,\\n", "3")  # one of two untitled
    2
    >>> untitled_column("name,2\\nAnna,F\\n", "2")  # a column titled 2
    '2'
    >>> untitled_column("name,sex\\nAnna,F\\n", "2")  # titled: read by its title
    '2'
    """
    headers = [first_row(text, delimiter) for delimiter in DELIMITERS]
    if any(header_column_at(header, column) is not None for header in headers):
        return column
    found = (numbered_untitled(header, column) for header in headers)
    return next((at for at in found if at is not None), column)


def untitled_hint(header, rows=(), delimiter=","):
    """How to read the fields of ``header`` left without a title, as the
    end of a message (``""`` for none): those that ``--labels`` could read
    (:func:`~sknextchar.datasets._untitled_columns.untitled_columns`, which
    ``load_names``' ``labels_column`` offers too, counted from 0), but a
    column whose number a title spells.

    Examples
    --------
    >>> untitled_hint(["name", ""], [(2, ["Anna", "F"])])
    '; its column 2 has no title: --labels 2 reads it'
    >>> untitled_hint(["name", "", ""], [(2, ["Anna", "F", "x"])])
    '; its columns 2 and 3 have no title: --labels 2 or --labels 3 reads one'
    >>> untitled_hint(["", "name"], [(2, ["0", "Anna"])])  # pandas' index
    ''
    """
    found = untitled_columns(header, rows, delimiter)
    return untitled_words(found, COMMAND_LINE, header=header)
