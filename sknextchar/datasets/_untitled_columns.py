"""The columns of a header row left without a title (``name,,`` above
``Anna,F,3``), read by their position (``labels_column=1``) or by their
number on the command line (``--labels 2``), and which columns hold
numbers: the columns offered as labels or as counts when none has a title
to pass, and the words that offer them.
"""

import contextlib
from numbers import Integral

from .._number_runs import runs_and_more
from .._shown_paths import shell_word
from ._column_spelling import PYTHON
from ._count_cells import is_number
from ._noted_rows import NotedRowsError
from ._table_rows import header_key, rows_below_header, text_lines

__all__ = [
    "column_cells",
    "counts_position",
    "empty_column_told",
    "empty_column_words",
    "holds_numbers",
    "no_numbers_words",
    "numbered",
    "numbered_untitled",
    "titled_number_words",
    "untitled_at",
    "untitled_columns",
    "untitled_words",
]


def counts_position(counts_column, table):
    """``counts_column`` as the position of the column of counts of
    ``table`` (None: not known) it reads: an int for a field of its header
    row left without a title (:func:`untitled_at`), not the names'; None
    for a header (a str) or any other position.

    Examples
    --------
    >>> from sknextchar.datasets._tables import Table
    >>> table = Table(",", ["name", ""], 0)
    >>> counts_position(1, table), counts_position(0, table)
    (1, None)
    """
    at = None if table is None else untitled_at(counts_column, table.header)
    return None if at is None or at == table.name_at else at


def numbered_untitled(header, number):
    """The index of the field of ``header`` left without a title that
    ``number``, a column's number counted from 1 as the command line counts
    (``--labels 2``, ``--counts 2``), names; None for none, and when a field
    of ``header`` is spelled ``number`` (that column is read by its title).

    Examples
    --------
    >>> numbered_untitled(["name", ""], "2"), numbered_untitled(["name", "2"], "2")
    (1, None)
    >>> numbered_untitled(["name", "", "2"], "2") is None  # the column titled 2
    True
    """
    if not (isinstance(number, str) and number.isascii() and number.isdigit()):
        return None
    if header_key(number) in [header_key(field) for field in header]:
        return None
    return untitled_at(int(number) - 1, header)


def numbered(positions, header):
    """The ``positions`` (counted from 0) of untitled columns that the
    command line reads by their number, counted from 1: not one whose number
    a field of ``header`` spells, which that number reads (a title typed
    exactly is read first: :func:`numbered_untitled`).

    Examples
    --------
    >>> numbered([1], ["name", "", "2"]), numbered([1], ["name", "", "x"])
    ([], [1])
    """
    titles = {header_key(field) for field in header}
    return [at for at in positions if str(at + 1) not in titles]


def untitled_at(column, header):
    """``column``, a position counted from 0 (not a bool), if the field of
    ``header`` there is left without a title (``name,`` above ``Anna,F``):
    ``labels_column`` reads that column by its position; None otherwise.

    Examples
    --------
    >>> untitled_at(1, ["name", ""]), untitled_at(1, ["name", "sex"])
    (1, None)
    """
    if isinstance(column, bool) or not isinstance(column, Integral):
        return None
    at = int(column)
    return at if len(header) > 1 and 0 <= at < len(header) and not header[at] else None


def untitled_columns(header, rows=(), delimiter=",", counts=False, names_at=-1):
    """The positions, counted from 0, of the fields of a header row of two
    or more left without a title whose cells in the rows below, ``(line,
    fields)``, hold values, not numbers only (an index, counts): the columns
    ``labels_column`` (``--labels``, counted from 1) could read; with
    ``counts``, those after the column of names (``names_at``) whose cells
    are numbers, one at least: the columns ``counts_column`` (``--counts``)
    could read (one before the names is an index: pandas', R's row names).
    An empty column (a spreadsheet's last) is neither.

    Examples
    --------
    >>> untitled_columns(["", "name", "", ""], [(2, ["0", "Anna", "F", ""])])
    [2]
    >>> untitled_columns(["name", ""], [(2, ["Anna", "3"])])  # counts
    []
    >>> untitled_columns(["name", ""], [(2, ["Anna", "3"])], counts=True)
    [1]
    >>> untitled_columns(["", "name"], [(2, ["0", "Anna"])], ",", True, 1)  # index
    []
    """
    found = []
    for at in (i for i in range(len(header)) if untitled_at(i, header) is not None):
        if counts:  # numbers, after the names
            kept = holds_numbers(rows, delimiter, at) and at > names_at
        else:  # not numbers only; none: empty
            kept = not holds_numbers(rows, delimiter, at, empty=True)
        if kept:
            found.append(at)
    return found


def holds_numbers(rows, delimiter, at, empty=False):
    """Whether the cells of column ``at`` in ``rows`` (``(line, fields)``)
    that are not empty are numbers, one at least (any: ``empty``).

    Examples
    --------
    >>> rows = [(2, ["Anna", "3", ""]), (3, ["Ravi", "", ""])]
    >>> holds_numbers(rows, ",", 1), holds_numbers(rows, ",", 2)
    (True, False)
    """
    numbers = [is_number(cell, delimiter) for cell in column_cells(rows, at) if cell]
    return all(numbers) and (empty or any(numbers))


def no_numbers_words(header, below, skip=()):
    """Why no column of ``header`` is offered as counts, in words (``""``
    if one holds numbers, or the rows ``below`` it are not known, as
    ``(rows, delimiter)``): no column (but those at ``skip``, the names' and
    the labels', if one of them does) holds a number in every row looked at.

    Examples
    --------
    >>> no_numbers_words(["name", "sex"], ([(2, ["Anna", "F"])], ","), {0})
    'no column holds a number in the 1 row looked at below it'
    >>> no_numbers_words(["name", "n"], ([(2, ["Anna", "3"])], ","), {0})
    ''
    """
    rows, delimiter = below
    numbers = {at for at in range(len(header)) if holds_numbers(rows, delimiter, at)}
    if not rows or numbers - {*skip}:
        return ""
    beside = " beside the names and the labels" * bool(numbers)
    each = "the 1 row" if len(rows) == 1 else f"each of the {len(rows):,} rows"
    return f"no column{beside} holds a number in {each} looked at below it"


def column_cells(rows, at):
    """The cells of column ``at`` in ``rows`` (``(line, fields)``), stripped;
    none for a row too short to have one.

    Examples
    --------
    >>> column_cells([(2, ["Anna", " F "]), (3, ["Ravi"])], 1)
    ['F']
    """
    return [fields[at].strip() for _, fields in rows if at < len(fields)]


def untitled_words(positions, spelling=None, what="labels", header=()):
    """The columns left without a title at ``positions`` (counted from 0:
    :func:`untitled_columns`) and the argument that reads each as ``what``
    (``"labels"``, ``"counts"``), in ``spelling``'s words (None: Python's,
    counted from 0), as the end of a sentence (``""`` for none); the command
    line's leave out a column whose number a field of ``header`` spells
    (:func:`numbered`).

    Examples
    --------
    >>> untitled_words([1])
    '. Its column 1, counted from 0, has no title: labels_column=1 reads it'
    >>> from sknextchar.datasets._column_spelling import COMMAND_LINE
    >>> untitled_words([1, 2], COMMAND_LINE, "counts")
    '; its columns 2 and 3 have no title: --counts 2 or --counts 3 reads one'
    """
    if spelling is not None and spelling.start:  # --counts 2, not a title 2
        positions = numbered(positions, header)
    if not positions:
        return ""
    spelling = spelling or PYTHON
    shown = runs_and_more([at + spelling.start for at in positions])
    given = " or ".join(spelling.given(what, at) for at in positions)
    its, counted = ("; its", "") if spelling.start else (". Its", ", counted from 0,")
    if len(positions) == 1:
        return f"{its} column {shown}{counted} has no title: {given} reads it"
    return f"{its} columns {shown}{counted} have no title: {given} reads one"


def titled_number_words(header, column, skip, flag, below):
    """For ``flag N`` (the command line's ``--counts N``, ``--labels N``)
    whose N numbers, counted from 1, a column of ``header`` with a title (not
    one of ``skip``: the names), that title, as the end of a message (``""``
    for none): a number reads only a column without a title. ``flag TITLE``
    is offered if the column's cells in ``below`` (``(rows, delimiter)``)
    suit it: numbers for ``--counts``, a cell not empty for ``--labels``.

    Examples
    --------
    >>> titled_number_words(["name", "count"], "2", [0], "--counts",
    ...                     ([(2, ["Anna", "3"])], ","))
    "; its column 2 has the title 'count': --counts count reads it"
    >>> titled_number_words(["name", "sex"], "2", [0], "--counts",
    ...                     ([(2, ["Anna", "F"])], ","))
    "; its column 2 has the title 'sex' (a number reads a column without one)"
    >>> titled_number_words(["name", "sex"], "2", [0], "--labels",
    ...                     ([(2, ["Anna", "F"])], ","))
    "; its column 2 has the title 'sex': --labels sex reads it"
    """
    if header is None or not (column.isascii() and column.isdigit()):
        return ""
    at = int(column) - 1
    if not 0 <= at < len(header) or at in skip or not header[at]:
        return ""
    told = f"; its column {at + 1} has the title {header[at]!r}"
    rows, delimiter = below
    if flag == "--counts":
        suits = holds_numbers(rows, delimiter, at)
    else:
        suits = any(column_cells(rows, at))
    if suits:
        return f"{told}: {flag} {shell_word(header[at])} reads it"
    return f"{told} (a number reads a column without one)"


def empty_column_words(text, table, label_at, source, spelling=None):
    """For a column of labels left without a title (``--labels 3``,
    ``labels_column=2``) with no label on any row (a spreadsheet's empty
    last column, ``name,,`` above ``Anna,F,``), a sentence that says so and
    offers the untitled column that has values (:func:`untitled_words`), in
    ``spelling``'s words (None: Python's); ``""`` for a titled column, or
    one with a label.

    Examples
    --------
    >>> from sknextchar.datasets._column_spelling import COMMAND_LINE
    >>> from sknextchar.datasets._tables import Table
    >>> table = Table(",", ["name", "", ""], 0)
    >>> empty_column_words("name,,\\nAnna,F,\\n", table, 2, "'k.csv'", COMMAND_LINE)
    ' Column 3 has no label on any row; its column 2 has no title: --labels 2 reads it.'
    >>> print(empty_column_words("name,,\\nAnna,F,\\n", table, 2, "'k.csv'"))
     Its column 2, counted from 0, has no label on any row. Its column 1, \
counted from 0, has no title: labels_column=1 reads it.
    """
    if table.header[label_at]:
        return ""
    below = rows_below_header(text_lines(text), table.delimiter, source)
    if any(column_cells(below, label_at)):
        return ""
    spelling = spelling or PYTHON
    found = untitled_columns(table.header, below, table.delimiter)
    hint = untitled_words(found, spelling, header=table.header)
    if spelling.start:
        return f" Column {label_at + 1} has no label on any row{hint}."
    return f" Its column {label_at}, counted from 0, has no label on any row{hint}."


@contextlib.contextmanager
def empty_column_told(text, table, label_at, source, spelling=None):
    """Tell the rows without a label refused in the block
    (:class:`~._noted_rows.NotedRowsError`) of a column left without a title
    that has no label on any row as such (:func:`empty_column_words`), in
    ``spelling``'s words (None: Python's).

    Examples
    --------
    >>> from sknextchar.datasets._tables import Table
    >>> table = Table(",", ["name", ""], 0)
    >>> with empty_column_told("name,\\nAnna,\\n", table, 1, "'k.csv'"):
    ...     raise NotedRowsError([(2, "Line 2 has no label.")])
    Traceback (most recent call last):
    ...
    ValueError: Line 2 has no label. Its column 1, counted from 0, has no label on ...
    """
    try:
        yield
    except NotedRowsError as error:
        words = empty_column_words(text, table, label_at, source, spelling)
        if not words:
            raise
        raise ValueError(f"{error}{words}") from None
