"""A table of names with a column of labels: its columns found by their headers.

The one reading of a table's names with their labels, for ``train --labels
COLUMN`` (:mod:`sknextchar.cli._labelled`) and ``load_names(path,
labels_column=...)``: the delimiter is the one whose header row holds the
labels' column (:func:`table_delimiter`), the names are ``names_column``'s,
else those of the first column whose header says "name", else those of the
first column that is not the labels' (:func:`names_among`); a title above the
header row is left out, with a warning (:func:`labelled_table`). The rows are
then read as every table's rows are (:func:`~._tables.named_rows`), each with a
label (:func:`labelled_rows`). Each interface words its errors
(:class:`ColumnWords`).
"""

import csv
import functools
import itertools

from .._name_headers import (
    ID_TITLES,
    LABEL_TITLES,
    NAME_HEADERS,
    header_key,
    names_field,
    typed_header,
)
from .._remade_errors import remade
from .._words import MAX_REPORTED, quoted
from ._column_arguments import headerless_advice
from ._count_cells import is_number, rows_and_more
from ._header_as_data import value_columns, warn_header_as_data
from ._label_values import each_its_own, reads_as_labels
from ._noted_rows import (
    NONE_READ_LIMIT,
    NotedRowsError,
    noted_first,
    refuse_noted_rows,
)
from ._table_rows import (
    LINES_LOOKED_AT,
    check_header_mix,
    check_not_separator_line,
    check_one_column,
    check_one_line,
    close_header,
    error_value_words,
    header_line,
    header_row,
    is_error_value,
    not_a_column,
    table_rows,
    text_lines,
)
from ._table_top import clear_title, is_header_row, warn_title
from ._tables import (
    Table,
    check_no_title,
    check_rows_below_header,
    named_rows,
    title_of,
)
from ._untitled_columns import untitled_at, untitled_columns, untitled_words

__all__ = [
    "PYTHON_WORDS",
    "ColumnWords",
    "check_label",
    "NoLabelsColumnError",
    "header_column_at",
    "labelled_rows",
    "labelled_table",
    "labels_hint",
    "names_among",
    "table_delimiter",
    "table_rows_of",
]


class ColumnWords:
    """How an interface names the columns of a labelled table in its errors.

    Parameters
    ----------
    names, labels : callable
        The argument that reads the column of names and that of labels, as
        the interface writes it for a column's header (``names_column='name'``).
    near_names : callable
        A header close to the ``names_column`` given, as the interface offers
        it to read the names (``did you mean ...?``).
    labels_header : callable, default=None
        ``labels_header(text, column)``: the column of labels given, as the
        header row of ``text`` (a title above it blank) spells it; None: as
        given (the command line reads a column left without a title by its
        number).

    Examples
    --------
    >>> PYTHON_WORDS.names("name"), PYTHON_WORDS.near_names("name")
    ("names_column='name'", "'name'")
    """

    def __init__(self, names, labels, near_names, labels_header=None):
        self.names, self.labels, self.near_names = names, labels, near_names
        self.labels_header = labels_header or (lambda text, column: column)


#: Python's words: ``load_names(path, names_column=..., labels_column=...)``.
PYTHON_WORDS = ColumnWords(
    "names_column={!r}".format, "labels_column={!r}".format, quoted
)


class NoLabelsColumnError(ValueError):
    """The header row of a table has no column of labels by that header.

    The message is in Python's words, made from the attributes; the command
    line, whose ``--labels`` may also be a file, words its own from them.

    Parameters
    ----------
    column : str
        The header asked for.
    source : str
        The file, as messages show it.
    line : int
        The line of the header row.
    header : list of str
        Its fields (none: an empty file).
    rows : list of (int, list of str)
        The first rows below it (:data:`LINES_LOOKED_AT` at most), as
        :func:`table_rows_of` reads them, up to one it cannot read.
    left_out : collection of int, default=()
        The columns never offered as the labels' (``did you mean``): the
        names', the counts', and a value of a first row that may be data.
    data_row : bool, default=False
        Whether that first row may be a row of data (no usual header row):
        the message then says how to read a file without a header row, by
        the positions of its columns (``header=None``).
    delimiter : str, default=","
        The delimiter of that row.
    counts : bool, default=False
        Whether a ``counts_column`` was given: the reading without a header
        row offers one.

    Examples
    --------
    >>> print(NoLabelsColumnError("gendr", "'k.csv'", 1, ["name", "gender"], []))
    labels_column='gendr' is not a column of 'k.csv' (did you mean 'gender'?); \
its first row (the header) is ['name', 'gender'].
    """

    def __init__(
        self, column, source, line, header, rows, left_out=(), data_row=False,
        delimiter=",", counts=False,
    ):  # fmt: skip
        self.column, self.source, self.line = column, source, line
        self.header, self.rows = header, rows
        self.left_out, self.data_row = left_out, data_row
        self.delimiter, self.counts = delimiter, counts
        super().__init__(self.text())

    def text(self):
        """The message (for :func:`~sknextchar._remade_errors.remade`)."""
        header, given = self.header, f"labels_column={self.column!r}"
        if not header:  # no line but blank ones
            return (
                f"{self.source} contains no names; expected a header row naming "
                f"its columns ({given} among them), and a name with its label on "
                "each row below it."
            )
        if self.one_column:  # Emma above Liam: no column of labels to name
            return (
                f"{given} is not a column of {self.source}: {self.source} is "
                f"{self.list_words()}. "
                "Pass a table with a header row naming its columns (such as "
                "name,label) and each name beside its label, or read the names "
                "alone (without labels_column) and give their labels yourself."
            )
        near = labels_hint(
            self.column, header, self.left_out, rows=self.rows, delimiter=self.delimiter
        )
        told = not_a_column(given, self.source, self.line, header, near, what="labels")
        if not self.data_row:  # name,, above Anna,F,: labels_column=1 reads it
            told += untitled_words(untitled_columns(header, self.rows, self.delimiter))
        told += "."
        if self.data_row:  # Anna,F,3: read by the positions of its columns
            advice = headerless_advice(
                header, self.delimiter, labels=True, counts=self.counts,
                rows=self.rows,
            )  # fmt: skip
            told += f" If the file has no header row, {advice}."
        return told

    @property
    def one_column(self):
        """Whether the file is a list, one field a line: its header row and
        the rows below it hold no comma, semicolon or tab between fields."""
        return (
            len(self.header) == 1
            and not any(character in self.header[0] for character in ",;\t")
            and all(len(fields) <= 1 for _, fields in self.rows)
        )

    def list_words(self):
        """What a list (:attr:`one_column`) is, for its message.

        Examples
        --------
        >>> NoLabelsColumnError("F", "'n.txt'", 1, ["Emma"], []).list_words()
        "a list of one column (its first line, 'Emma', has no comma, semicolon \
or tab between fields), and a list has no column of labels"
        """
        line = "its first line" if self.line == 1 else f"its line {self.line}"
        return (
            f"a list of one column ({line}, {self.header[0]!r}, has "
            "no comma, semicolon or tab between fields), and a list has no column "
            "of labels"
        )

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))


def table_delimiter(text, column):
    """The CSV delimiter of ``text``: the one whose header row holds ``column``.

    A comma, a semicolon or a tab, tried in that order; when none gives such a
    header, what :class:`csv.Sniffer` guesses (for the error message). The
    header decides, not a guess from the rows: an apostrophe in a name
    (O'Brien) or a blank line can mislead the sniffer.

    Examples
    --------
    >>> table_delimiter("name;sex\\nZoë;F\\n", "sex")
    ';'
    """
    for delimiter in ",;\t":
        if header_column_at(first_row(text, delimiter), column) is not None:
            return delimiter
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def first_row(text, delimiter):
    """The stripped fields of the header row of a CSV text (its first
    non-blank line, :func:`header_line`).

    Examples
    --------
    >>> first_row("\\n name , sex\\n", ",")
    ['name', 'sex']
    """
    try:
        header = next(csv.reader([header_line(text_lines(text))], delimiter=delimiter))
    except (csv.Error, StopIteration):  # a field beyond the reader's limit: none
        return []
    return [field.strip() for field in header]


def header_column_at(header, column):
    """The index of a column (``--labels COLUMN``) in a header row: the field
    spelled ``column``, else the one field that :func:`header_key` finds equal
    (``Sex`` for ``sex``, as ``--counts`` and ``--names-column`` read their
    columns); None for none, or two such fields. An int ``column`` is the
    index of a field left without a title (``name,`` above ``Anna,F``), read
    by its position: None unless that field is empty in a row of two or more.

    Examples
    --------
    >>> header_column_at(["name", "Sex"], "sex")
    1
    >>> header_column_at(["Sex", "SEX"], "sex") is None
    True
    >>> header_column_at(["name", "", ""], 2), header_column_at(["name", "sex"], 1)
    (2, None)
    """
    if isinstance(column, int):
        return untitled_at(column, header)
    if column in header:
        return header.index(column)
    key = header_key(column)
    found = [i for i, field in enumerate(header) if header_key(field) == key]
    return found[0] if len(found) == 1 else None


def names_among(header, others, names_column):
    """The column of names among the columns ``others`` of ``header``:
    ``names_column``'s, else the first whose header says "name" (of given
    names first: :func:`~sknextchar._name_headers.names_field`), else the
    first of ``others``; None for none.

    Examples
    --------
    >>> names_among(["sex", "id", "First Name"], [1, 2], None)
    2
    >>> names_among(["sex", "id", "note"], [1, 2], None)
    1
    >>> names_among(["Name", "Vorname", "Geschlecht"], [0, 1], None)
    1
    """
    if names_column is not None:
        key = header_key(names_column)
        return next((i for i in others if header_key(header[i]) == key), None)
    named = [i for i in others if header_key(header[i]) in NAME_HEADERS]
    if named:
        return names_field(header, named)
    return others[0] if others else None


def table_rows_of(text, column, source):
    """The rows of a CSV text whose labels are its column ``column``, each
    with the line it starts on, read as they are asked for (every line end,
    CR, LF or CRLF, ends a row, unless it is inside quotes)."""
    return table_rows(text_lines(text), table_delimiter(text, column), source)


def labelled_table(
    text, path, source, column, names_column=None, words=PYTHON_WORDS,
    counts_column=None,
):  # fmt: skip
    """The columns of a table of names and labels, a title above its header
    row left out (with a warning).

    Parameters
    ----------
    text : str
        The whole file.
    path : str or os.PathLike or None
        The file (None: the bundled names, which have no title).
    source : str
        The file as messages show it.
    column : str
        The header of the column of labels.
    names_column : str or None, default=None
        The header of the column of names; None: the first that says "name",
        else the first that is not the labels'.
    words : ColumnWords, default=PYTHON_WORDS
    counts_column : str or None, default=None
        The header of the column of counts: never offered as the labels'.

    Returns
    -------
    text : str
        ``text``, its lines above the header row blank (the lines keep their
        numbers).
    table : Table
        Its delimiter, header row and column of names.
    label_at : int
        The index of the column of labels.

    Examples
    --------
    >>> text = "Name,Gender\\r\\nMary,F\\r\\n"
    >>> _, table, label_at = labelled_table(text, "k.csv", "'k.csv'", "gender")
    >>> table.column, table.header[label_at]
    ('Name', 'Gender')
    """
    given = column, names_column, words, counts_column
    head = list(itertools.islice(text_lines(text), LINES_LOOKED_AT))
    untitled = isinstance(words.labels_header(text, column), int)  # --labels 2
    found = untitled and path is not None and _titled(head, path, names_column)
    try:  # a title's empty cells are no untitled columns: the table's are
        if not found:
            return (text, *_columns(text, source, *given))
    except ValueError:  # a title above the header row: left out, as the names'
        if path is None or not (found := _titled(head, path, names_column)):
            check_not_separator_line(header_line(head), path)  # no table below
            raise
    if not clear_title(head, found):  # names above the header row: refused
        check_no_title(head, path, names_column)
    warn_title(head, found, path)
    below = list(text_lines(text))[found[0] :]  # its lines, numbered as in the file
    text = "\n" * found[0] + "".join(below)
    return (text, *_columns(text, source, *given))


def _titled(head, path, names_column):
    """:func:`title_of` the first lines ``head`` of a file, with the
    ``names_column`` given, else without it (then said by the reader)."""
    return title_of(head, path, names_column) or title_of(head, path)


def _columns(text, source, column, names_column, words, counts_column):
    """The :class:`Table` of ``text`` and the index of its labels' column."""
    column = words.labels_header(text, column)
    rows = table_rows_of(text, column, source)
    line, header = header_row(rows) or (1, [])
    label_at = header_column_at(header, column)
    delimiter = table_delimiter(text, column)
    head = list(itertools.islice(text_lines(text), LINES_LOOKED_AT))
    if label_at is None:  # name<TAB>sex;count read as one field: the mix said
        first = header_line(head)
        check_header_mix(head[head.index(first) :] if first else [], source)
        found = line, header, rows, delimiter
        _refuse_labels(column, source, found, names_column, counts_column)
    if not isinstance(column, int):  # untitled columns, told apart by position
        check_one_column(header, label_at, source, exact=True)
    check_rows_below_header(head, delimiter, len(header), source)
    name_at = _name_at(header, label_at, names_column, source, line, words)
    check_one_column(header, name_at, source, skip=[label_at])
    columns = {"names": name_at, "labels": label_at}
    at = None if counts_column is None else header_column_at(header, counts_column)
    columns.update({} if at is None else {"counts": at})
    named = [what for what in columns if what != "names" or names_column is not None]
    if counts_column is None or at is not None:  # else refused: no warning first
        warn_header_as_data(head, delimiter, source, columns, named)
    return Table(delimiter, header, name_at), label_at


def _refuse_labels(column, source, found, names_column, counts_column):
    """Raise :class:`NoLabelsColumnError`: no column ``column`` in the header
    row of ``found`` (its line, its fields, the rows below it, and their
    delimiter), never offering the names', the counts' (``counts_column``)
    or a value of a first row that may be data in its stead."""
    line, header, rows, delimiter = found
    below = []
    try:  # the rows read in order say what is wrong in one it cannot read
        below.extend(itertools.islice(rows, LINES_LOOKED_AT))
    except ValueError:
        pass
    data_row = len(header) > 1 and not is_header_row(header, delimiter)
    left_out = value_columns(header, below) if data_row else set()
    left_out.add(names_among(header, range(len(header)), names_column))
    if isinstance(counts_column, str):
        key = header_key(counts_column)
        left_out.update(i for i, field in enumerate(header) if header_key(field) == key)
    elif counts_column is not None:  # an untitled column's position
        left_out.add(untitled_at(counts_column, header))
    left_out = sorted(left_out - {None})
    raise NoLabelsColumnError(
        column, source, line, header, below, left_out, data_row, delimiter,
        counts_column is not None,
    )  # fmt: skip


def labels_hint(column, header, left_out, shown=quoted, rows=(), delimiter=","):
    """`` (did you mean ...?)`` for a labels' column ``column`` that no field
    of ``header`` is: the fields spelled as it is but for case and spaces
    (``Sex`` and ``SEX`` for ``sex``: it is none of them, as two are), else
    the one close to it (``gender`` for ``gendr``) of those not in
    ``left_out`` (:class:`NoLabelsColumnError`'s) nor an id (:func:`_an_id`,
    by its cells in ``rows``, ``(line, fields)`` below the header), else the one
    column whose cells there read as labels (``sex`` for ``gender``, beside
    ``id``: ``reads_as_labels``) for a usual title of labels (``label``,
    ``gender``: ``LABEL_TITLES``), each written by ``shown`` (the command
    line's flag and its word); ``""`` when none is.

    Examples
    --------
    >>> labels_hint("sex", ["name", "Sex", "SEX"], {0})
    " (did you mean 'Sex' or 'SEX'?)"
    >>> labels_hint("gendr", ["name", "gender"], {0}, "--labels {}".format)
    ' (did you mean --labels gender?)'
    >>> rows = [(2, ["1", "Ann", "F"]), (3, ["2", "Bo", "M"]), (4, ["3", "Cy", "F"])]
    >>> labels_hint("gender", ["id", "name", "sex"], {1}, rows=rows)
    " (did you mean 'sex'?)"
    >>> labels_hint("d", ["id", "name", "sex"], {1}, rows=rows)  # not 'id'
    ''
    """
    key = header_key(column)
    near = [typed_header(f) for f in header if f and header_key(f) == key]
    if near:
        return f" (did you mean {' or '.join(map(shown, near))}?)"
    cells = [[fields[i] if i < len(fields) else "" for _, fields in rows] for i in
             range(len(header))]  # fmt: skip
    others = [i for i in range(len(header)) if i not in left_out and header[i]]
    number = functools.partial(is_number, delimiter=delimiter)
    others = [i for i in others if not _an_id(header[i], cells[i], number)]
    hint = close_header(column, [header[i] for i in others], shown)
    labels = [i for i in others if reads_as_labels(cells[i], number)]
    if hint or len(labels) != 1 or key not in LABEL_TITLES:
        return hint
    return f" (did you mean {shown(header[labels[0]])}?)"


def _an_id(field, cells, number):
    """Whether a column (its header ``field``, its ``cells``) is an id of the
    rows, never offered as labels: titled so (``id``), or a value of its own
    on each row that is no number (``P17``; numbers so may be counts), unless
    titled as labels (``sex``: ``F``, ``M``, ``X`` in a small file)."""
    if header_key(field) in ID_TITLES:
        return True
    if header_key(field) in LABEL_TITLES:
        return False
    return each_its_own(cells) and not all(map(number, filter(None, cells)))


def _name_at(header, label_at, names_column, source, line, words):
    """The column of names: ``names_column``, else a "name" column, else the
    first (``line``: the header row's)."""
    others = [i for i in range(len(header)) if i != label_at]
    at = names_among(header, others, names_column)
    if at is not None:
        return at
    if names_column is None:
        raise ValueError(
            f"{source} has no column of names beside {header[label_at]!r}."
        )
    given, near = words.names(names_column), words.near_names
    if header_key(header[label_at]) == header_key(names_column):
        raise ValueError(
            f"{given} is also the label column "
            f"({words.labels(header[label_at])}) of {source}: the names "
            "and their labels are two columns; pass the header of each."
        )
    near = close_header(names_column, [header[i] for i in others], near)
    beside = f"the labels {header[label_at]!r}"
    told = not_a_column(given, source, line, header, near, what="names", beside=beside)
    raise ValueError(f"{told}.")


def labelled_rows(
    text, table, label_at, source, unnamed=None, column=None, others=None
):  # fmt: skip
    """``(line, fields)`` of each row of the table with a name, its label
    checked (:func:`check_label`; ``column`` names the column of labels as
    there, None: by its header, or by its number counted from 1 when it has
    none). The rows with a name and no label are
    refused after the last row, all at once (:class:`UnlabelledRows`), with
    what ``others(line, fields)``, called for each of them, noted in their
    other cells (their counts: one refusal for both).

    Examples
    --------
    >>> text = 'name,sex\\n"Smith, Anna",F\\n\\n,M\\nJosé,M\\n'
    >>> table = Table(",", ["name", "sex"], 0)
    >>> [(line, f) for line, f in labelled_rows(text, table, 1, "'k.csv'")]
    [(2, ['Smith, Anna', 'F']), (5, ['José', 'M'])]
    """
    title = table.header[label_at]  # none: --labels N read it (cli._blank_title)
    if column is None:
        column = f"the column {title!r}" if title else f"column {label_at + 1}"
    unlabelled = UnlabelledRows(source, column)
    with noted_first(unlabelled):
        for line, fields in named_rows(text_lines(text), table, source, unnamed):
            if unlabelled.check(fields[label_at], fields[table.name_at], line):
                yield line, fields
            elif others is not None:
                others(line, fields)
        unlabelled.refuse_noted()


class UnlabelledRows:
    """The rows of a table with a name and no label, refused all at once
    (:meth:`refuse_noted`, after the last row, or before a later row's error:
    :func:`~._noted_rows.noted_first`), as :func:`check_label` refuses one:
    the first five named, and how many more. When the first
    ``NONE_READ_LIMIT`` (100) rows have none, they are refused at once.

    Examples
    --------
    >>> rows = UnlabelledRows("'k.csv'", "the column 'sex'")
    >>> [rows.check(label, name, line) for line, name, label in
    ...  [(2, "Ava", ""), (3, "Bo", "M"), (4, "Cy", "")]]
    [False, True, False]
    >>> rows.refuse_noted()  # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    Traceback (most recent call last):
    ...
    sknextchar.datasets._noted_rows.NotedRowsError: 2 rows of 'k.csv' have a name
    but no label in the column 'sex': line 2 ('Ava'), line 4 ('Cy'); give every
    name a label.
    """

    def __init__(self, source, column):
        self.source, self.column, self.rows, self.total = source, column, [], 0
        self._some, self.error = False, ""  # a label read; the first #N/A

    def check(self, label, name, line):
        """Whether the row's label is there (a label of two lines is
        refused at once); a row without one (or with a spreadsheet's error
        value, ``#N/A``) is noted."""
        error = label if is_error_value(label) else ""
        if error:
            self.error, label = self.error or error, ""
        if label:
            check_one_line(label, line, self.source)
            self._some = True
            return True
        self.total += 1
        if len(self.rows) < MAX_REPORTED:
            self.rows.append((line, name, error))
        if self.total >= NONE_READ_LIMIT and not self._some:
            raise NotedRowsError(self.noted_parts(early=True))  # none has one
        return False

    def refuse_noted(self):
        """Refuse the rows noted, if any (:func:`~._noted_rows.refuse_noted_rows`)."""
        refuse_noted_rows(self)

    def noted_parts(self, early=False):
        """``[(first line, message)]`` of the rows noted (one: :func:`check_label`'s
        message; ``early``: the first rows, none with a label), forgotten."""
        rows, total = self.rows, self.total
        self.rows, self.total = [], 0
        if not total:
            return []
        first, name, error = rows[0]
        if total == 1:
            return [(first, _no_label(name, first, self.source, self.column, error))]
        shown = rows_and_more(self._shown(rows), total)
        column = self.column
        if self.error:
            column = f"{column} ({error_value_words(self.error, 'label')})"
        if early:
            return [(first, (
                f"{self.source} has no labels in {column}, none in its "
                f"first {total:,} rows with a name: {shown}. Is it the column of "
                "labels? Give every name a label."
            ))]  # fmt: skip
        return [(first, (
            f"{total:,} rows of {self.source} have a name but no label in "
            f"{column}: {shown}; give every name a label."
        ))]  # fmt: skip

    @staticmethod
    def _shown(rows):
        return [
            f"line {line} ({name!r}{error and f', label {error!r}'})"
            for line, name, error in rows
        ]


def check_label(label, name, line, source, column):
    """Refuse a row with a name and no label, or a label of two lines: in
    the message, ``column`` names the column of labels, by its header
    (``"the column 'sex'"``) or its place in a table without a header row
    (``"its 2nd column (--labels 2)"``).

    Examples
    --------
    >>> check_label("", "Ava", 3, "'k.csv'", "the column 'sex'")
    Traceback (most recent call last):
    ...
    ValueError: Line 3 of 'k.csv' has the name 'Ava' but no label in the column 'sex'; \
give every name a label.
    """
    if not label or is_error_value(label):
        raise ValueError(_no_label(name, line, source, column, label))
    check_one_line(label, line, source)


def _no_label(name, line, source, column, error=""):
    """The message of one row with a name and no label (``error``: the
    spreadsheet's error value it holds instead, if any)."""
    error = error and f" ({error_value_words(error, 'label')})"
    return (
        f"Line {line} of {source} has the name {name!r} but no label in "
        f"{column}{error}; give every name a label."
    )
