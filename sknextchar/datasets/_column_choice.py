"""Which other columns of a table of names could be read, as the rows below
its header show: as labels (a label on each row with a name, two labels at
least; a column of 0 and 1 too: a yes or no) or as counts (every cell a
number, whole ones for the count model), never a column that numbers the
rows (an id). For the note of ``train`` on a table
(:func:`~sknextchar.cli._column_note.table_note`) and the warning of
``load_names`` on a table read one name per line
(:func:`~._table_warning.warn_if_table`, with :func:`labels_and_counts_advice`).
"""

import operator
import re
import unicodedata

from .._name_headers import (
    ID_TITLES,
    LABEL_TITLES,
    header_key,
    is_family_name_header,
    is_name_header,
)
from .._words import and_more, quoted, quoted_fields
from ._count_cells import CountCells, is_number, is_written_number
from ._family_records import is_date_column
from ._label_values import each_its_own
from ._table_rows import LINES_LOOKED_AT, rows_below_header, without_title
from ._tables import named_rows
from ._untitled_columns import untitled_columns

__all__ = [
    "LabelCells",
    "header_index",
    "labels_and_counts_advice",
    "number_columns",
    "offered_columns",
    "placed_columns_words",
    "untitled_offered",
]


def offered_columns(
    lines, table, counts=None, by_label=True, whole=False, label_cells=None
):  # fmt: skip
    """The other columns of a table that could be read as labels and as
    counts: never ``counts``, already read, nor a column that numbers the
    rows, nor one of family names (``Surname``, ``Фамилия``) as labels.

    Parameters
    ----------
    lines : sequence of str
        The first lines of the file (its header first): the cells told apart.
    table : Table
        The table found (:func:`~sknextchar.datasets._tables.detect_table`).
    counts : str or None, default=None
        The column of counts, already read: not offered.
    by_label : bool, default=True
        Offer columns of labels.
    whole : bool, default=False
        Offer as counts only columns of whole numbers (the count model's).
    label_cells : LabelCells or None, default=None
        The whole file's rows, when ``lines`` are only its first
        (:func:`_label_columns`).

    Returns
    -------
    labels, numbers : list of str
        The headers of the columns of labels, and of those of numbers.

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> lines = ["Name,Gender,Count\\n", "Mary,F,120\\n", "John,M,200\\n"]
    >>> offered_columns(lines, find_table(lines[0], "k.csv"))
    (['Gender'], ['Count'])
    """
    others = [
        field
        for field in table.header
        if field
        and field != table.column
        and (counts is None or header_key(field) != header_key(counts))
    ]
    cells = _number_cells(lines, table, others)
    flags = {field for field in cells if _zero_one(cells[field])}  # is_female
    labels = [
        f
        for f in others
        if by_label and (f not in cells or f in flags) and not _family_names(f)
    ]
    labels = labels and _label_columns(lines, table, labels, counts, label_cells)
    numbers = [
        field
        for field in cells
        if field not in flags
        and not _row_numbers(cells[field])
        and header_key(field) not in ID_TITLES  # ids 17, 4, 33: no counts
        and not is_date_column(field, cells[field])  # Death Year: 1920
    ]
    if whole:  # a column of fractions is no count of names
        numbers = number_columns(lines, table, numbers, whole=True)
    return labels, numbers


def labels_and_counts_advice(lines, table):
    """``; labels_column=... also returns their labels, and counts_column=...
    their counts``: the columns that ``load_names`` could read beside the
    names of ``table``, chosen as ``train``'s note chooses them
    (:func:`offered_columns`); ``""`` for none.

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> lines = ["Name,Gender,Count\\n", "Mary,F,120\\n", "John,M,200\\n"]
    >>> labels_and_counts_advice(lines, find_table(lines[0], "k.csv"))
    "; labels_column='Gender' also returns their labels, and counts_column='Count' their counts"
    """  # noqa: E501
    labels, numbers = offered_columns(lines, table)
    untitled = untitled_offered(lines, table)  # name,, : labels_column=1
    labels, numbers = labels or untitled[0], numbers or untitled[1]
    told = [
        f"{argument}={_given(columns[0])}" if len(columns) == 1
        else f"{argument}='COLUMN' (one of {quoted_fields(columns)[1:-1]})"
        for argument, columns in (("labels_column", labels), ("counts_column", numbers))
    ]  # fmt: skip
    if labels and numbers:
        return f"; {told[0]} also returns their labels, and {told[1]} their counts"
    if labels:
        return f"; {told[0]} also returns their labels"
    return f"; {told[1]} also returns their counts" if numbers else ""


def _given(column):
    """A header, quoted, or a position (an untitled column's), as passed."""
    return quoted(column) if isinstance(column, str) else str(column)


def untitled_offered(lines, table):
    """The columns of ``table`` left without a title that are offered beside
    its names when no titled one is (``name,,`` above ``Anna,F,3``): the one
    that holds labels, and the one after the names that holds numbers
    (:func:`~._untitled_columns.untitled_columns`), in the rows below its
    header row among ``lines``; each a list of its position, counted from 0
    (empty for none, or for several: none is guessed).

    Examples
    --------
    >>> from sknextchar.datasets._tables import Table
    >>> table = Table(",", ["name", "", ""], 0)
    >>> untitled_offered(["name,,\\n", "Anna,F,3\\n"], table)
    ([1], [2])
    >>> untitled_offered([",name\\n", "0,Anna\\n"], Table(",", ["", "name"], 1))
    ([], [])
    """
    lines = list(without_title(lines, table.skipped))  # a title's left out
    rows, delimiter = rows_below_header(lines, table.delimiter, ""), table.delimiter
    labels = untitled_columns(table.header, rows, delimiter)
    numbers = untitled_columns(table.header, rows, delimiter, True, table.name_at)
    return tuple(found if len(found) == 1 else [] for found in (labels, numbers))


def placed_columns_words(lines, table, spelling):
    """The columns of a table without a header row (``table``, read by
    positions) in words, each by its number as ``spelling`` counts them
    with its first values, and the column of labels it likely has
    (:func:`offered_columns`), for a labels column asked for by a title that
    such a table has not.

    Examples
    --------
    >>> from sknextchar.datasets._positions import position_table
    >>> from sknextchar.datasets._column_arguments import COMMAND_LINE
    >>> lines = ["Anna,1,F\\n", "Bo,2,M\\n", "Cy,3,F\\n"]
    >>> table = position_table(lines, "k.csv", {"names": 0})
    >>> print(placed_columns_words(lines, table, COMMAND_LINE))
    the columns 1 ('Anna', 'Bo', 'Cy'), 2 ('1', '2', '3') and 3 ('F', 'M'),
    counted from 1; its labels are likely in column 3: pass --labels 3
    """
    values = [[] for _ in table.header]
    for _, fields in named_rows(lines, table, ""):
        for at, cell in enumerate(fields[: len(values)]):
            if cell and cell not in values[at] and len(values[at]) < _SHOWN_VALUES:
                values[at].append(cell)
    shown = [
        f"{at + spelling.start} {quoted_fields(cells)[1:-1].join('()')}"
        for at, cells in enumerate(values[:_SHOWN_COLUMNS])
    ]
    words = f"the columns {and_more(shown, len(values), whole=True)}, counted "
    words += f"from {spelling.start}"
    labels = offered_columns(lines, table)[0]
    if not labels:
        return words
    at = table.header.index(labels[0])
    return (
        f"{words}; its labels are likely in column {at + spelling.start}: pass "
        f"{spelling.given('labels', at)}"
    )


# The first values of each column shown, and the columns shown.
_SHOWN_VALUES, _SHOWN_COLUMNS = 3, 6


def number_columns(lines, table, columns, whole=False):
    """The ``columns`` of a table (headers) whose every cell in the rows of
    ``lines`` (the header first) is a number, whole or with a fraction (and
    one at least): counts or weights of the names rather than labels (as
    ``--labels`` warns of them). With ``whole``, a whole number each, as
    ``--counts`` reads it (:class:`~sknextchar.datasets._count_cells.CountCells`):
    the counts that the count model takes. A column that numbers the rows
    (1, 2, 3..., or 0, 1, 2... as pandas writes its index) is no counts.

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> table = find_table("id,name,sex,count", "us.csv")
    >>> number_columns(["id,name,sex,count\\n", "1,Ava,F,3\\n", "2,Bo,M,"], table,
    ...                ["id", "sex", "count"])
    ['count']
    """
    cells = _number_cells(lines, table, columns, whole)
    return [column for column in cells if not _row_numbers(cells[column])]


def _label_columns(lines, table, columns, counts=None, cells=None):
    """The ``columns`` of a table (headers) that ``train --labels`` can read,
    as the rows of ``lines`` (the header first) show: a label on every row
    with a name (it refuses a name without one: an empty column never is),
    not a value of its own on each row (an id, ``P17``, ``P04``, ``P33``;
    unless titled as labels, ``sex``: ``F``, ``M``, ``X`` in a small file),
    not numbers written with separators or as percentages (``1,000``,
    ``12%``),
    and two labels at least (it refuses a column of one label, in Unicode NFC,
    the names of count 0 of ``--counts`` left out). When ``lines`` are only
    the first of the file (more than :data:`LINES_LOOKED_AT` of them), a
    column of one label there (or none: all of count 0) may have its second
    further down (a file sorted by label): it is kept if ``cells``
    (:class:`LabelCells`, the whole file's rows as the names were read) has
    one, and any column only if no row with a name further down leaves its
    label blank; all are kept if ``cells`` is None. Rows that the reader
    refuses tell nothing: every column is kept.

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> table = find_table("name,sex,note,land", "kids.csv")
    >>> lines = ["name,sex,note,land\\n", "Ava,F,,IN\\n", "Bo,M,,IN\\n"]
    >>> _label_columns(lines, table, ["sex", "note", "land"])
    ['sex']
    """
    at = {column: table.header.index(column) for column in columns}
    count_at = header_index(table.header, counts)
    seen = {column: set() for column in columns}
    filled = {column: [] for column in columns}  # an id: a value of its own each
    try:
        for _, fields in named_rows(lines, table, "NAMES_FILE"):
            at = {column: i for column, i in at.items() if fields[i]}
            if count_at is None or not _ZERO.fullmatch(fields[count_at]):
                for column, i in at.items():
                    seen[column].add(unicodedata.normalize("NFC", fields[i]))
                    filled[column].append(fields[i])
    except ValueError:  # a row the reader refuses (and says so where it reads)
        return list(columns)
    at = {  # titled as labels (sex: F, M, X in a small file): labels still
        column: i
        for column, i in at.items()
        if (header_key(column) in LABEL_TITLES or not each_its_own(filled[column]))
        and not (filled[column] and all(map(is_written_number, filled[column])))
    }  # 1,000 or 12%: numbers, no labels
    if len(lines) <= LINES_LOOKED_AT:  # the whole file
        return [column for column in at if len(seen[column]) > 1]
    if cells is None:
        return list(at)
    return [column for column in at if cells.offered(column, len(seen[column]) <= 1)]


class LabelCells:
    """The cells of a table's other columns as labels, looked at on each row
    with a name as the reader of the names reads it (:meth:`add`), so that
    the note on a long file offers a column as ``--labels`` without reading
    the file again: whether a name is left without its label (``train
    --labels`` refuses it), and whether the column has two labels (in Unicode
    NFC) on rows whose count is not 0 (``--counts`` leaves those out).

    Parameters
    ----------
    table : Table
        The table whose rows are read.
    counts : str or None, default=None
        ``--counts COLUMN``: not looked at, and its cells of 0 leave a row's
        labels out.

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> cells = LabelCells(find_table("name,sex,land,n", "kids.csv"), "n")
    >>> for fields in (["Ava", "F", "IN", "1"], ["Bo", "M", "IN", "0"]):
    ...     cells.add(fields)
    >>> cells.offered("sex", True), cells.offered("land", False)
    (False, True)
    >>> cells.add(["Cy", "M", "", "1"])
    >>> cells.offered("sex", True), cells.offered("land", False)
    (True, False)
    """

    def __init__(self, table, counts=None):
        self._count_at = header_index(table.header, counts)
        skip = {table.name_at, self._count_at}
        self._header = table.header
        self._label = {
            i: None for i, field in enumerate(table.header) if field and i not in skip
        }
        self._name_at = table.name_at
        self._blank, self._two = set(), set()
        self._looked_at()

    def _looked_at(self):
        """The cells looked at on each row, once a column is decided."""
        filled = [i for i in self._label if i not in self._blank]
        self._cells = operator.itemgetter(self._name_at, self._name_at, *filled)
        self._looking = tuple(
            (i, label) for i, label in self._label.items()
            if i not in self._blank and i not in self._two
        )  # fmt: skip

    def add(self, fields):
        """Look at the fields of a row with a name (stripped, as wide as the
        header at least)."""
        if not all(self._cells(fields)):  # a few rows: each cell looked at
            self._blank.update(i for i in self._label if not fields[i])
            self._looked_at()
        for i, label in self._looking:  # as written: most rows
            if fields[i] != label and fields[i]:
                self._another(fields, i, label)

    def _another(self, fields, i, label):
        """Note a label of column ``i`` other than ``label`` (None: the first)."""
        count_at = self._count_at
        if count_at is not None and _ZERO.fullmatch(fields[count_at]):
            return
        cell = unicodedata.normalize("NFC", fields[i])
        if label is None:
            self._label[i] = cell
        elif cell != label:
            self._two.add(i)
        else:
            return  # the same label, written otherwise
        self._looked_at()

    def offered(self, column, one):
        """Whether ``column`` (a header) has a label on every row with a
        name and, if ``one`` (one label in the first lines), another one."""
        i = self._header.index(column)
        return i not in self._blank and (not one or i in self._two)


_ZERO = re.compile(r"0+(?:[.,]0*)?")  # a count of 0 (0, 0.0, 0,00)


def _family_names(field):
    """Whether a header titles family names (``Last Name``, ``Фамилия``,
    ``Nom``, ``Primer apellido``: :func:`is_family_name_header`) or names
    (the ``Name`` beside the ``Vorname`` read: a family name): no labels to
    train by."""
    return is_family_name_header(field) or is_name_header(field)


def header_index(header, column):
    """The index of ``column`` in a header row, as
    :func:`~sknextchar._name_headers.header_key` compares (the first of
    several); None for none, and for a ``column`` of None.

    Examples
    --------
    >>> header_index(["Name", "Given_Name"], "given name"), header_index(["a"], "b")
    (1, None)
    """
    keys = [header_key(field) for field in header]
    key = None if column is None else header_key(column)
    return keys.index(key) if key in keys else None


def _number_cells(lines, table, columns, whole=False):
    """The cells of each of ``columns`` whose every cell is a number (one at
    least; with ``whole``, a whole number as the column reads it), in the
    rows of ``lines``."""
    at = {column: table.header.index(column) for column in columns}
    cells = {column: [] for column in columns}
    try:
        for _, fields in named_rows(lines, table, "NAMES_FILE"):
            for column, i in at.items():
                cell = fields[i]
                if cell and not is_number(cell, table.delimiter):
                    at[column] = None  # not a count
                cells[column].append(cell)
            at = {column: i for column, i in at.items() if i is not None}
    except ValueError:  # a row the reader refuses (and says so where it reads)
        return {}
    return {
        column: cells[column]
        for column in at
        if any(cells[column])
        and (not whole or _whole_counts(cells[column], column, table.delimiter))
    }


def _whole_counts(cells, column, delimiter):
    """Whether every cell of a column is a whole number, as ``--counts``
    reads the column (:class:`~sknextchar.datasets._count_cells.CountCells`)."""
    reader = CountCells("", column, delimiter)
    try:
        values = [
            value
            for line, cell in enumerate(cells, 2)
            if cell
            for _, value in reader.take(cell, "", line)
        ]
        values += [value for _, value in reader.finish(warn=False)]
    except ValueError:  # the column mixes two ways of writing numbers
        return False
    return all(float(value).is_integer() for value in values)


def _zero_one(cells):
    """Whether a column holds 0 and 1 and no other number: a label (yes or
    no) rather than counts, whose names of count 0 would be left out.

    Examples
    --------
    >>> _zero_one(["1", "0", "", "1"]), _zero_one(["1", "0", "2"]), _zero_one(["1"])
    (True, False, False)
    """
    return {cell for cell in cells if cell} == {"0", "1"}


def _row_numbers(cells):
    """Whether the cells of a column number its rows, from 0 or 1 (two rows
    at least): an id, neither counts nor labels."""
    start = int(cells[0]) if cells[0] in ("0", "1") else None
    return (
        start is not None
        and len(cells) > 1
        and cells == [str(n) for n in range(start, start + len(cells))]
    )
