"""The note on a table of names: which column was read, which others could be.

When a command reads its names from a table (a header row, a column of
names), one line on standard error says which column it read; for ``train``,
the note also offers the other columns as the flags that would read them: a
column of numbers as ``--counts`` (whole numbers only, for the count model),
any other as ``--labels`` (a column of 0 and 1 too: a yes or no, whose names
of 0 ``--counts`` would leave out) if ``--labels`` can read it (a label on
each row, two labels at least), never a column that numbers the rows (an id).
"""

import operator
import os
import re
import sys
import unicodedata

from .._shown_paths import shell_word as one_shell_word
from .._shown_paths import shown_path
from ..datasets._tables import (
    LINES_LOOKED_AT,
    CountCells,
    find_table,
    header_key,
    is_name_header,
    is_number,
    named_rows,
)

__all__ = [
    "LabelCells",
    "header_as_name_note",
    "header_index",
    "number_columns",
    "shell_word",
    "table_note",
]


def shell_word(text):
    """``text`` as typed in a shell: quoted only when it must be.

    Examples
    --------
    >>> shell_word("first name"), shell_word("sex")
    ("'first name'", 'sex')
    >>> print(shell_word("lab\\udcff.txt"))  # a byte of a file name, as bash reads it
    $'lab\\xff.txt'
    """
    return text if re.fullmatch(r"[\w.-]+", text) else one_shell_word(text)


def table_note(
    table, path, training, counts=None, lines=(), by_label=True, whole=False,
    label_cells=None,
):  # fmt: skip
    """Print the one line that says which column of a table was read.

    For ``train``, the line also names the other columns it could read: a
    column of numbers as ``--counts``, the others (and a column of 0 and 1)
    as labels, if ``--labels`` can read them (:func:`_label_columns`: not an
    empty column, nor one of a single label); never
    ``counts``, already read, nor a column that numbers the rows (an id:
    neither labels nor counts).

    Parameters
    ----------
    table : Table
        The table found (:func:`~sknextchar.datasets._tables.detect_table`).
    path : str
        The file, as the user gave it.
    training : bool
        The file is ``train``'s: offer its other columns.
    counts : str or None, default=None
        ``--counts COLUMN``, already read: not offered.
    lines : sequence of str, default=()
        The first lines of the file (its header first): the cells told apart.
    by_label : bool, default=True
        Offer ``--labels`` (not with ``--chunk-size`` or ``--resume``, which
        refuse it).
    whole : bool, default=False
        Offer as ``--counts`` only columns of whole numbers (the count
        model's counts).
    label_cells : LabelCells or None, default=None
        The whole file's rows, as the names were read, when ``lines`` are
        only its first: a column of one label there is offered only if a
        second label is further down (a file sorted by label), and any
        column only if no name further down is without a label. None offers
        them (the rest of the file is not known).

    Examples
    --------
    >>> import contextlib, io
    >>> from sknextchar.datasets._tables import find_table
    >>> lines = ["name,sex\\n", "asha,f\\n", "ravi,m\\n"]
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     table_note(find_table(lines[0], "kids.csv"), "kids.csv", True, lines=lines)
    >>> err.getvalue().split(" as the names")[1]
    '; to train by label, pass --labels sex.\\n'
    """
    others = [
        field
        for field in table.header
        if field
        and field != table.column
        and (counts is None or header_key(field) != header_key(counts))
    ]
    how = ""
    if training:
        cells = _number_cells(lines, table, others)
        flags = {field for field in cells if _zero_one(cells[field])}  # is_female
        labels = [f for f in others if by_label and (f not in cells or f in flags)]
        labels = labels and _label_columns(lines, table, labels, counts, label_cells)
        numbers = [
            field
            for field in cells
            if field not in flags and not _row_numbers(cells[field])
        ]
        how += _offer("to train by label, pass --labels", labels)
        if whole:  # a column of fractions is no count of names
            numbers = number_columns(lines, table, numbers, whole=True)
        how += _offer(
            "to weigh each name by how often it occurs, pass --counts",
            numbers * (counts is None),
        )
    if len(table.header) == 1:
        what = f"starts with the header {table.column!r}: read the names below it"
        if table.skipped:  # below a title, told before
            what = f"has the header {table.column!r} (line {table.skipped + 1}): read "
            what += "the names below it"
    else:
        what = (
            f"is a table ({table.shown_delimiter}-separated, with a header): read "
            f"its column {table.column!r} ({table.name_at + 1} of "
            f"{len(table.header)}) as the names{how}"
        )
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    if table.delimiter != "\t" and suffix not in (".csv", ".tsv"):
        what += (
            f" (if each line is a whole name, {table.shown_delimiter}s included, "
            "start the file with a blank line)"
        )
    print(f"Note: {shown_path(path)} {what}.", file=sys.stderr)


# The headers of the columns beside the names that no name is (as header_key
# spells them): a first line "name,count" is a header, "Name, Anna" a name.
_COLUMN_WORDS = frozenset(
    {"count", "counts", "frequency", "freq", "total", "number", "label", "labels",
     "sex", "gender", "id"}
)  # fmt: skip


def header_as_name_note(lines, path):
    """Print a note when the first line of a list of names reads as a header.

    Only a ``.csv`` or ``.tsv`` file starts with a one-column header
    (``First Name``), and another file's header split at a comma or a
    semicolon needs a row below it that splits (``name,count`` above single
    names is a name): the line is read as a name, as the documented rule
    says, and the note says how to read it as the header. A line split so
    has the note only when its other fields are headers that no name is
    (``count``, ``sex``...): ``Name, Anna`` is a name. A blank first line
    (which keeps whole lines as names) has no note.

    Parameters
    ----------
    lines : sequence of str
        The first lines of the file, read as one name per line.
    path : str
        The file, as the user gave it.

    Examples
    --------
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     header_as_name_note(["First Name\\n", "Anna\\n"], "export.txt")
    >>> "; if it is the header, pass --names-column 'First Name'" in err.getvalue()
    True
    """
    first = lines[0].strip() if lines else ""
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    if not first or first.startswith("#") or suffix in (".csv", ".tsv"):
        return  # a comment line warns of itself
    table = find_table(first, path)
    others = table and [f for i, f in enumerate(table.header) if i != table.name_at]
    if table is not None and all(header_key(f) in _COLUMN_WORDS for f in others):
        column = table.column  # name,count; not Name, Anna (a name)
    elif table is None and is_name_header(first, alone=True):
        column = first
    else:
        return
    why = (
        "only a .csv or .tsv file starts with a one-column header"
        if table is None
        else f"no line below it has a {table.shown_delimiter}, as a table's rows do"
    )
    print(
        f"Note: {shown_path(path)} starts with {first!r}, read as a name ({why}); if "
        "it "
        f"is the header, pass --names-column {shell_word(column)} to read the "
        "names below it.",
        file=sys.stderr,
    )


def _offer(how, columns):
    """``; how COLUMN`` for the columns that a flag could read ("" for none)."""
    if not columns:
        return ""
    if len(columns) == 1:
        return f"; {how} {shell_word(columns[0])}"
    return f"; {how} COLUMN (one of " + ", ".join(map(repr, columns)) + ")"


def number_columns(lines, table, columns, whole=False):
    """The ``columns`` of a table (headers) whose every cell in the rows of
    ``lines`` (the header first) is a number, whole or with a fraction (and
    one at least): counts or weights of the names rather than labels (as
    ``--labels`` warns of them). With ``whole``, a whole number each, as
    ``--counts`` reads it (:class:`~sknextchar.datasets._tables.CountCells`):
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
    try:
        for _, fields in named_rows(lines, table, "NAMES_FILE"):
            at = {column: i for column, i in at.items() if fields[i]}
            if count_at is None or not _ZERO.fullmatch(fields[count_at]):
                for column, i in at.items():
                    seen[column].add(unicodedata.normalize("NFC", fields[i]))
    except ValueError:  # a row the reader refuses (and says so where it reads)
        return list(columns)
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


def header_index(header, column):
    """The index of ``column`` in a header row, as
    :func:`~sknextchar.datasets._tables.header_key` compares (the first of
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
    reads the column (:class:`~sknextchar.datasets._tables.CountCells`)."""
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
