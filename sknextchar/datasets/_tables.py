"""Tables of names: a spreadsheet's export read for its column of names.

The one CSV reader of the package (``train --labels``, the command line's files
of names, ``load_names(names_column=...)`` and ``train_from_file``). A file is
a *table with a column of names* when its first line is a header row: split at
a comma, a semicolon or a tab (tried in that order, quotes respected), it has a
field whose name says "name" (:data:`NAME_HEADERS`, compared without case,
with ``_`` and ``-`` as spaces) and at least one other field, or it is alone in
a ``.csv`` or ``.tsv`` file; in another file, a header split at a comma or a
semicolon also needs a row below it that splits (``Name, Anna`` as the first
line of a list of single names keeps it a list). A file that *looks like a
table without such a header* has the same number (two or more) of fields on
every non-blank line: at a tab in any file (no name holds a tab), at a comma or
a semicolon in a ``.csv`` or ``.tsv`` file only, since a plain list may hold
``Smith, Anna``.
"""

import csv
import io
import itertools
import os
import re
import unicodedata

from ._count_cells import CountCells, count_of, is_number

__all__ = [
    "DELIMITER_NAMES",
    "NAME_HEADERS",
    "CountCells",
    "Table",
    "TitleLinesError",
    "check_not_separator_line",
    "check_one_column",
    "check_counts_column_argument",
    "check_one_line",
    "check_no_title",
    "check_width",
    "LINES_LOOKED_AT",
    "column_at",
    "column_cells",
    "column_values",
    "count_of",
    "counted_rows",
    "detect_table",
    "find_table",
    "header_key",
    "headerless_table",
    "is_name_header",
    "is_number",
    "lines_looked_at",
    "named_rows",
    "table_of",
    "table_rows",
    "text_lines",
    "with_first",
]

# The headers of a column of names, as header_key spells them.
NAME_HEADERS = frozenset(
    {"name", "names", "first name", "first names", "firstname", "given name",
     "given names", "givenname", "forename", "forenames", "prenom", "prénom",
     "vorname", "nombre", "nome", "voornaam"}
)  # fmt: skip
_DELIMITERS = ",;\t"
_TABLE_SUFFIXES = (".csv", ".tsv")
# The delimiters in words, for messages.
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
# A spreadsheet's note of the delimiter, on a line before the header: "sep=;".
_SEPARATOR_LINE = re.compile(r'"?sep=.?"?[,;\t]*', re.IGNORECASE)


def header_key(field):
    """A header field compared without case, ``_`` and ``-`` read as spaces,
    in Unicode NFC (as the names are: a header typed on a Mac, ``Pre\u0301nom``,
    is ``prénom``).

    Examples
    --------
    >>> header_key("  First_Name "), header_key("GIVEN-name")
    ('first name', 'given name')
    >>> header_key("Pre\u0301nom") == "pr\u00e9nom"
    True
    """
    field = unicodedata.normalize("NFC", field)
    return " ".join(field.replace("_", " ").replace("-", " ").casefold().split())


# The words of a header of names alone in a .csv file (``Full name``, ``Name:``,
# ``Baby Name``, ``Name (first)``), as header_key spells them.
_NAME_WORDS = frozenset(
    {"name", "names", "firstname", "forename", "forenames", "givenname", "nom",
     "nombre", "nombres", "nome", "prenom", "prénom", "prénoms",
     "vorname", "vornamen", "voornaam", "voornamen"}
)  # fmt: skip


def is_name_header(field, *, alone=False):
    """Whether a header field says "name" (:data:`NAME_HEADERS`); with
    ``alone`` (the only field of the first line of a ``.csv`` or ``.tsv``
    file), also a few words with one of "name" in some languages, without
    digits or delimiters (``Full name``, ``Name:``, ``Name (first)``; not
    ``Names 2024``).

    Examples
    --------
    >>> is_name_header("Given_Name"), is_name_header("Full name")
    (True, False)
    >>> is_name_header("Name (first)", alone=True)
    True
    >>> is_name_header("Baby names 2024", alone=True)
    False
    """
    key = header_key(field)
    if key in NAME_HEADERS:
        return True
    if not alone or re.search(r"[\d,;\t]", key):  # Names 2024; name;sex
        return False
    words = re.findall(r"[^\W\d_]+", key)
    return len(words) <= 3 and bool(_NAME_WORDS.intersection(words))


class Table:
    """The layout of a table: its delimiter, header and column of names.

    Examples
    --------
    >>> table = find_table("id;Vorname;Geschlecht", "namen.csv")
    >>> table.column, table.name_at, table.shown_delimiter
    ('Vorname', 1, 'semicolon')
    """

    def __init__(self, delimiter, header, name_at):
        self.delimiter, self.header, self.name_at = delimiter, header, name_at

    @property
    def column(self):
        """The header of the column of names."""
        return self.header[self.name_at]

    @property
    def shown_delimiter(self):
        """The delimiter in words: comma, semicolon or tab."""
        return DELIMITER_NAMES[self.delimiter]


def _split(line, delimiter):
    """The stripped fields of one line (a row that goes on past it is cut)."""
    try:
        fields = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a field beyond the reader's limit: no header row
        return [line.strip()]
    return [field.strip() for field in fields]


def check_one_column(header, at, source, *, exact=False, skip=()):
    """Refuse a header row in which the header of column ``at`` is not unique.

    A column is read by its header, so two columns with the same header (as
    :func:`header_key` compares, or as spelled with ``exact``) cannot be told
    apart: the second would be ignored without a word.

    Parameters
    ----------
    header : list of str
        The stripped fields of the header row.
    at : int
        The column to read.
    source : str
        The file, as messages show it.
    exact : bool, default=False
        Compare the headers as spelled (the label column) rather than as
        :func:`header_key` does (the column of names).
    skip : collection of int, default=()
        Columns that are not candidates (the label column, for the names).

    Raises
    ------
    ValueError
        If another column has the same header.

    Examples
    --------
    >>> check_one_column(["name", "Name", "label"], 0, "'kids.csv'")
    Traceback (most recent call last):
    ...
    ValueError: 'kids.csv' has 2 columns headed 'name' (columns 1 and 2 of its
    header row), so that header does not say which one to read: ...
    """
    key = (lambda field: field) if exact else header_key
    twins = [
        i + 1
        for i, field in enumerate(header)
        if i not in skip and key(field) == key(header[at])
    ]
    if len(twins) > 1:
        columns = ", ".join(map(str, twins[:-1])) + f" and {twins[-1]}"
        raise ValueError(
            f"{source} has {len(twins)} columns headed {header[at]!r} (columns "
            f"{columns} of its header row), so that header does not say which one "
            "to read: give each column a header of its own in the file (e.g. "
            f"{header[at] + ' 2'!r}), then read the one you mean by its header."
        )


def check_not_separator_line(first_line, path):
    """Refuse a first line ``sep=;``: a spreadsheet's note of the delimiter.

    Some exports for a spreadsheet start with it, before the header row; read
    as it is, the file would be one name per line, the note and the header
    among the names.

    Examples
    --------
    >>> check_not_separator_line("sep=;\\r\\n", "kids.csv")
    Traceback (most recent call last):
    ...
    ValueError: The first line of 'kids.csv' is 'sep=;', a spreadsheet's note of ...
    """
    if _SEPARATOR_LINE.fullmatch(first_line.strip()):
        raise ValueError(
            f"The first line of {os.fspath(path)!r} is {first_line.strip()!r}, a "
            "spreadsheet's note of the delimiter between its fields, not a name "
            "nor a header: delete that line, so that the file starts with its "
            "header row (or its first name), and read it again."
        )


def find_table(first_line, path, names_column=None):
    """The table whose header row is ``first_line``, or None for a list of names.

    Parameters
    ----------
    first_line : str
        The first line of the file (its byte-order mark skipped).
    path : str or os.PathLike
        The file (its suffix tells whether one field can be a header).
    names_column : str or None, default=None
        The header of the column of names (as :func:`header_key` compares);
        None looks for one of :data:`NAME_HEADERS`.

    Returns
    -------
    table : Table or None
        None when ``names_column`` is None and no header names a column of names.

    Raises
    ------
    ValueError
        If ``names_column`` is not a field of the first line, or heads more
        than one column (:func:`check_one_column`).

    Examples
    --------
    >>> find_table("Given Name,gender", "kids.txt").column
    'Given Name'
    >>> find_table("O'Brien", "names.txt") is None
    True
    """
    check_not_separator_line(first_line, path)
    wanted = None if names_column is None else header_key(names_column)
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    for delimiter in _DELIMITERS:
        header = _split(first_line.rstrip("\r\n"), delimiter)
        if wanted is None and len(header) < 2 and suffix not in _TABLE_SUFFIXES:
            continue  # one field: a header only in a .csv or .tsv file
        found = [
            i
            for i, field in enumerate(header)
            if (
                header_key(field) == wanted
                if wanted
                else is_name_header(field, alone=len(header) == 1)
            )
        ]
        if found:
            if wanted is not None:
                check_one_column(header, found[0], repr(os.fspath(path)))
            return Table(delimiter, header, found[0])
    if wanted is not None:
        raise ValueError(
            f"The first row (the header) of {os.fspath(path)!r} is "
            f"{first_line.strip()!r}, with no column {names_column!r}: pass the "
            "header of its column of names, as that row spells it (a file "
            "without a header row needs one: add a first line such as name,count)."
        )
    return None


LINES_LOOKED_AT = 1000  # the first lines of a file that tell a table from a list


def detect_table(lines, path):
    """The table of a file read without a ``names_column``, or None for a list.

    :func:`find_table` of its first non-blank line, except that in a file
    other than a ``.csv`` or ``.tsv`` one, a header split at a comma or a
    semicolon makes a table only if it is the first line and a row below it
    (among the first :data:`LINES_LOOKED_AT` lines) splits too: a list of
    names whose first line is ``Name, Anna`` (or a blank line) stays a list.
    A table whose column of names shares its header with another column is
    refused (:func:`check_one_column`), and so is a header row below a title
    (:func:`check_no_title`).

    Examples
    --------
    >>> detect_table(["Name, Anna\\n", "Zoë\\n"], "list.txt") is None
    True
    >>> detect_table(["Name, Anna\\n", "Zoë\\n"], "list.csv").column
    'Name'
    >>> detect_table(["name,label\\n", "Zoë,f\\n"], "kids.txt").column
    'name'
    >>> detect_table(["\\n", "name,label\\n", "Zoë,f\\n"], "kids.csv").column
    'name'
    """
    lines = list(itertools.islice(lines, LINES_LOOKED_AT))
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return None
    table = find_table(lines[start], path)
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    as_list = table is not None and table.delimiter != "\t"
    as_list = as_list and suffix not in _TABLE_SUFFIXES
    if as_list and start:
        return None  # a blank first line: a list of names, commas and all
    if table is None or len(table.header) == 1:
        check_no_title(lines, path)
    if table is None:
        return None
    if as_list:
        try:
            rows = csv.reader(lines[start + 1 :], delimiter=table.delimiter)
            if not any(len(row) >= 2 for row in rows):
                return None
        except csv.Error:  # not a list of names either: the table's reader says why
            pass
    check_one_column(table.header, table.name_at, repr(os.fspath(path)))
    return table


_TITLE_LINES = 5  # the non-blank lines above a header row that may be a title


class TitleLinesError(ValueError):
    """A table's header row below lines that are not rows of it (a title)."""


def check_no_title(lines, path, names_column=None):
    """Refuse a table whose header row comes below a title (or up to
    :data:`_TITLE_LINES` lines that are not rows of the table).

    A spreadsheet's export may start with a title, ``Baby names 2024``, above
    its header row: read from its first line, the file would be whole lines
    as names, or a table without a header. The header row is a line of two
    fields or more, one of which says "name" (``names_column``, when given),
    every non-blank line below it among ``lines`` splitting into two fields
    or more, at most as many, and a line above it that does not split so: a
    list of names with one ``Name, Anna`` line is no table. In a ``.csv`` or
    ``.tsv`` file, a one-column header that says "name" (``name``) below a
    line that is no name (``Baby Names``) is refused too.

    Raises
    ------
    TitleLinesError
        Naming the header row's line, and asking for the lines above it to be
        deleted.

    Examples
    --------
    >>> check_no_title(["Baby names 2024\\n", "name,sex\\n", "Zoë,F\\n"], "b.csv")
    Traceback (most recent call last):
    ...
    sknextchar.datasets._tables.TitleLinesError: 'b.csv' has its header row ...
    """
    above = [i for i, line in enumerate(lines) if line.strip()][: _TITLE_LINES + 1]
    for at in above[1:]:
        try:
            table = find_table(lines[at], path, names_column)
        except ValueError:  # not that column; or a "sep=;" line
            continue
        if table is None:
            continue
        if len(table.header) == 1:
            if at == above[1] and _one_column_title(lines[above[0]], table, path):
                _refuse_title(lines, at, table, path)
        elif _rows_fit(lines[at + 1 :], table) and not _rows_above(lines[:at], table):
            _refuse_title(lines, at, table, path)


def _one_column_title(first, table, path):
    """Whether ``first``, the line above the header of a one-column table of
    a ``.csv`` or ``.tsv`` file, is a title: the header is a word that says
    "name" (``name``, not ``Full name``), and ``first`` is no name (a title
    such as ``Baby Names``, or with digits). A ``first`` that is itself a
    header of names (``name``, ``First name``) is the header, and the line
    below it a name."""
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    if suffix not in _TABLE_SUFFIXES or header_key(table.column) not in NAME_HEADERS:
        return False
    first = first.strip()
    if header_key(first) in NAME_HEADERS:
        return False
    return is_name_header(first, alone=True) or bool(re.search(r"\d", first))


def _rows_fit(lines, table):
    """Whether the non-blank ``lines`` (one at least) split into 2 fields or
    more, at most as many as the header has."""
    try:
        widths = [
            len(row) for row in csv.reader(lines, delimiter=table.delimiter) if row
        ]
    except csv.Error:
        return False
    return bool(widths) and all(2 <= width <= len(table.header) for width in widths)


def _rows_above(lines, table):
    """Whether the non-blank ``lines`` above a header row split as the rows
    below it do, two fields filled at least (``Smith, John``: a row of a list
    of names; ``Baby names 2024;;``, a title, does not)."""
    try:
        rows = [row for row in csv.reader(lines, delimiter=table.delimiter) if row]
    except csv.Error:
        return False
    return all(
        2 <= len(row) <= len(table.header) and sum(map(bool, map(str.strip, row))) >= 2
        for row in rows
    )


def _refuse_title(lines, at, table, path):
    first = next(line.strip() for line in lines if line.strip())
    above = "line 1" if at == 1 else f"lines 1 to {at}"
    what = (
        f"{above}, {first!r}, which is not a row of the table"
        if at == 1
        else f"{above} (the first: {first!r}), which are not rows of the table"
    )
    raise TitleLinesError(
        f"{os.fspath(path)!r} has its header row {lines[at].strip()!r} (with the "
        f"column of names {table.column!r}) on line {at + 1}, below {what} (a "
        f"title?). Delete {above}, so that the file starts with its header row, "
        "and read it again."
    )


def table_of(lines, path, names_column=None):
    """:func:`find_table` of the first non-blank of ``lines`` (the first of a
    file; blank lines above a header row are skipped, as blank lines are
    elsewhere); a header row below a title is refused (:func:`check_no_title`).

    Examples
    --------
    >>> table_of(["\\n", "id;Vorname\\n", "1;Zoë\\n"], "namen.csv", "vorname").name_at
    1
    """
    lines = list(itertools.islice(lines, LINES_LOOKED_AT))
    first = next((line for line in lines if line.strip()), "")
    check_not_separator_line(first, path)
    try:
        return find_table(first, path, names_column)
    except ValueError:
        check_no_title(lines, path, names_column)
        raise


def headerless_table(lines, path):
    """``(delimiter, n_fields)`` if ``lines`` look like a table without a header.

    Every non-blank line among the first :data:`LINES_LOOKED_AT` splits into
    the same number (two or more) of fields: at a tab in any file, at a comma
    or a semicolon in a ``.csv`` or ``.tsv`` file. None otherwise. The first
    lines decide, as they do for a file read in chunks (:func:`lines_looked_at`
    says which lines in a message): a table with a stray row far down is
    still a table. The delimiter is its character (:data:`DELIMITER_NAMES`
    says it in words).

    Examples
    --------
    >>> headerless_table(["Zoë;female", "José;male"], "kids.csv")
    (';', 2)
    >>> headerless_table(["Smith, Anna", "Jones, Bob"], "list.txt") is None
    True
    """
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    lines = [line for line in itertools.islice(lines, LINES_LOOKED_AT) if line.strip()]
    for delimiter in _DELIMITERS if suffix in _TABLE_SUFFIXES else "\t":
        rows = csv.reader(lines, delimiter=delimiter)
        try:
            width = len(next(rows, ()))
            if width >= 2 and all(len(row) == width for row in rows):
                return delimiter, width
        except csv.Error:  # a field beyond the reader's limit: not a table
            pass
    return None


def lines_looked_at(n_lines):
    """The lines :func:`headerless_table` looked at, in words, for a message.

    Parameters
    ----------
    n_lines : int
        The lines of the file (or at least ``LINES_LOOKED_AT + 1`` of them).

    Examples
    --------
    >>> lines_looked_at(2), lines_looked_at(LINES_LOOKED_AT + 1)
    ('every line', 'each of its first 1,000 lines')
    """
    if n_lines <= LINES_LOOKED_AT:
        return "every line"
    return f"each of its first {LINES_LOOKED_AT:,} lines"


def table_rows(lines, delimiter, source):
    """Each CSV row of ``lines`` (an iterable of lines), its fields stripped.

    Yields ``(line, fields)``: the line a row starts on, counted from 1.

    Examples
    --------
    >>> list(table_rows(['"Smith, Anna",f\\n', "\\n", "Bob,m\\n"], ",", "f.csv"))
    [(1, ['Smith, Anna', 'f']), (2, []), (3, ['Bob', 'm'])]
    """
    reader = csv.reader(lines, delimiter=delimiter)
    line = 1
    try:
        for row in reader:
            yield line, [field.strip() for field in row]
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ValueError(
            f"{source} is not a CSV file that can be read: {exc}, in the row that "
            f"starts on line {line} (a quote left open there makes the rest of the "
            "file one field)."
        ) from None


def check_width(fields, width, line, source):
    """Refuse a row with more fields than the header (empty ones aside)."""
    if len(fields) > width and any(fields[width:]):
        raise ValueError(
            f"Line {line} of {source} has {len(fields)} fields, more than the "
            f"{width} of its header: a name or label with the delimiter in it "
            'needs quotes ("Mary, Ann"), or the columns do not line up.'
        )


def column_values(lines, table, source):
    """``(line, name)`` for each row of the table below its header with a name.

    ``lines`` holds the header row first; rows without a name (blank lines) are
    skipped, and a row wider than the header is refused.

    Examples
    --------
    >>> table = find_table("name,label", "kids.csv")
    >>> list(column_values(["name,label\\n", "Zoë,f\\n", ",m\\n", "José,m"], table, ""))
    [(2, 'Zoë'), (4, 'José')]
    """
    for line, fields in named_rows(lines, table, source):
        yield line, fields[table.name_at]


def named_rows(lines, table, source):
    """``(line, fields)`` for each row of the table below its header with a
    name (:func:`column_values`), its fields padded to the header's width.

    Examples
    --------
    >>> table = find_table("name,count", "kids.csv")
    >>> list(named_rows(["name,count\\n", "Zoë\\n", "José,3"], table, ""))
    [(2, ['Zoë', '']), (3, ['José', '3'])]
    """
    rows = table_rows(lines, table.delimiter, source)
    next((row for row in rows if any(row[1])), None)  # the header, blank rows above
    for line, fields in rows:
        check_width(fields, len(table.header), line, source)
        if table.name_at < len(fields) and fields[table.name_at]:
            check_one_line(fields[table.name_at], line, source)
            yield line, fields + [""] * (len(table.header) - len(fields))


def column_at(header, column, not_at, source):
    """The index of the column headed ``column`` (as :func:`header_key`
    compares) in a header row, other than ``not_at`` (the names; None when
    not known).

    Examples
    --------
    >>> column_at(["Name", "Sex", "Count"], "count", 0, "'kids.csv'")
    2
    >>> column_at(["name", "sex"], "count", 0, "'kids.csv'")
    Traceback (most recent call last):
    ...
    ValueError: The first row (the header) of 'kids.csv' is 'name,sex', with no ...
    """
    found = [
        i
        for i, field in enumerate(header)
        if i != not_at and header_key(field) == header_key(column)
    ]
    if not found:
        beside = "" if not_at is None else f" beside the names {header[not_at]!r}"
        raise ValueError(
            f"The first row (the header) of {source} is {','.join(header)!r}, with "
            f"no column {column!r}{beside}: pass the header of its column of "
            "counts, as that row spells it (a file without a header row needs "
            "one: add a first line such as name,count)."
        )
    check_one_column(header, found[0], source, skip=[] if not_at is None else [not_at])
    return found[0]


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


def counted_rows(lines, path, names_column, counts_column, *, warn=True):
    """``(name, count)`` for each row of a table with a name: the one reader of
    names with counts (``load_names`` and ``train_from_file``).

    The header (the first of ``lines``) is checked when this is called: the
    table needs a column ``names_column`` (as :func:`find_table` finds it) and
    another one ``counts_column`` (:func:`column_at`). The rows are then read
    as they are asked for, as :func:`named_rows` reads them (rows without a
    name skipped), each count from its name's own row, checked by
    :func:`count_of` (an error names the line and the column).

    Parameters
    ----------
    lines : iterable of str
        The lines of the file, its header row first.
    path : str or os.PathLike
        The file, as messages show it.
    names_column, counts_column : str
        The headers of the column of names and of the column of counts.
    warn : bool, default=True
        Warn when counts such as 17.728 of a semicolon table are read as
        thousands (:class:`CountCells`); False for a file read again.

    Returns
    -------
    rows : iterator of (str, float)

    Examples
    --------
    >>> lines = ["name;count\\n", '"Smith; Anna";3\\n', "\\n", "José;0.5\\n"]
    >>> list(counted_rows(lines, "kids.csv", "name", "count"))
    [('Smith; Anna', 3.0), ('José', 0.5)]
    """
    check_counts_column_argument(counts_column, names_column)
    lines = iter(lines)
    head = list(itertools.islice(lines, LINES_LOOKED_AT))
    table = table_of(head, path, names_column)
    source = repr(os.fspath(path))
    _refuse_counts_of_names(table, counts_column, source)
    at = column_at(table.header, counts_column, table.name_at, source)
    return _counted(itertools.chain(head, lines), table, at, source, warn)


# Headers that a column of counts often has, to suggest one (as header_key reads).
_COUNTS_HEADERS = ("count", "counts", "n", "number", "frequency", "freq", "total")


def _refuse_counts_of_names(table, counts_column, source):
    """Refuse a ``counts_column`` that is the column of names, suggesting the
    column of counts: the only one headed as counts often are."""
    if header_key(counts_column) != header_key(table.header[table.name_at]):
        return
    likely = [
        field
        for i, field in enumerate(table.header)
        if i != table.name_at and header_key(field) in _COUNTS_HEADERS
    ]
    instead = f" (counts_column={likely[0]!r})" if len(likely) == 1 else ""
    raise ValueError(
        f"counts_column={counts_column!r} names the column of names of {source}, "
        f"whose header is {table.delimiter.join(table.header)!r}: pass the "
        f"column of counts{instead}, another column."
    )


def _counted(lines, table, at, source, warn):
    cells = CountCells(source, table.header[at], table.delimiter)
    for line, name, cell in column_cells(lines, table, at, source):
        yield from cells.take(cell, name, line, name)
    yield from cells.finish(warn)


def column_cells(lines, table, at, source):
    """``(line, name, cell)`` for each row of the table with a name: its cell
    of column ``at`` (``""`` for none), read from the name's own row, as
    :func:`named_rows` reads the rows.

    Examples
    --------
    >>> table = find_table("name,sex,count", "us.csv")
    >>> list(column_cells(["name,sex,count\\n", "Zoë,F\\n", "José,M,3"], table, 2, ""))
    [(2, 'Zoë', ''), (3, 'José', '3')]
    """
    for line, fields in named_rows(lines, table, source):
        yield line, fields[table.name_at], fields[at]


def check_one_line(value, line, source):
    """Refuse a name (or label) with a line break (a quote left open), or
    with a tab (in any table, quoted or not; inside quotes in a tab-separated
    one).

    Examples
    --------
    >>> check_one_line('Zoë,f\\nasha,m', 2, "'kids.csv'")
    Traceback (most recent call last):
    ...
    ValueError: Line 2 of 'kids.csv' opens a quote that runs over 2 lines, ...
    """
    if "\n" in value or "\r" in value:
        n_lines = len(value.splitlines())
        raise ValueError(
            f"Line {line} of {source} opens a quote that runs over {n_lines:,} "
            f"lines, {value[:30]!r}..., read as one field: no name or label holds "
            'a line break. Close the quote (or double it, "" inside quotes, for a '
            "quote mark in a name)."
        )
    if "\t" in value:
        raise ValueError(
            f"Line {line} of {source} has {value!r}, with a tab in it, read as one "
            "field: no name or label holds a tab. Write a space instead (a tab "
            "inside quotes does not end a field)."
        )


def text_lines(text):
    """The lines of a text for the CSV reader: any line end read as ``\\n``.

    Examples
    --------
    >>> list(text_lines("a,b\\r\\nc,d\\re"))
    ['a,b\\n', 'c,d\\n', 'e']
    """
    return io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"))


def with_first(first, rest):
    """``first`` followed by the items of ``rest``."""
    return itertools.chain([first], rest)
