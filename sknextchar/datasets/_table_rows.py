"""The rows of a CSV table, read one by one: their fields stripped, each
with the line it starts on; a row wider than its header, a name with a
line break or a tab in it, or a header row whose column is not told apart
from another by its header, refused (:mod:`._tables` reads a table's column
of names from them).
"""

import csv
import io
import itertools
import re

from .._name_headers import header_key, typed_header
from .._number_runs import runs_and_more
from .._shown_paths import close_word, shown_path
from .._words import (
    MAX_QUOTED_ROW,
    MAX_REPORTED,
    counted,
    one_or_many,
    quoted,
    quoted_fields,
    quoted_row,
)
from ._placeholders import is_placeholder, placeholder_words
from ._sheet_rows import line_word

__all__ = [
    "mixed_header",
    "DELIMITER_NAMES",
    "LINES_LOOKED_AT",
    "check_one_column",
    "check_one_line",
    "check_header_mix",
    "check_rows_split_as_header",
    "ends_in_empty_fields",
    "not_a_column",
    "split_rows",
    "table_rows",
    "text_lines",
    "UnnamedRows",
    "UnnamedRowsWarning",
    "ERROR_VALUES",
    "is_error_value",
    "is_no_name",
    "error_value_words",
    "unnamed_rows_words",
    "check_not_separator_line",
    "separator_hint",
    "BLANK",
    "header_line",
    "header_row",
    "rows_below_header",
    "is_blank_line",
    "split_line",
    "without_title",
    "lines_above",
    "rows_above",
    "title_words",
    "delimiter_note_at",
    "has_title",
    "TitleLinesWarning",
    "close_field",
    "close_header",
    "header_place",
    "header_line_number",
]

#: The first lines of a file that tell a table from a list, and the rows
#: below a first row that tell a header row from a row of data.
LINES_LOOKED_AT = 1000

#: The delimiters of tables, in words, for messages.
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def ends_in_empty_fields(lines, delimiter):
    """Whether every line ends with an empty field (``Anna,,``): the empty
    columns a spreadsheet writes after a column of names, since no name ends
    with a comma, a semicolon or a tab.

    Examples
    --------
    >>> ends_in_empty_fields(["Anna,,", "José,,"], ",")
    True
    >>> ends_in_empty_fields(["Anna,", "José,m"], ",")
    False
    """
    lines = [line for line in lines if line.strip()]
    return all(not row[-1].strip() for row in csv.reader(lines, delimiter=delimiter))


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
        raise ValueError(
            f"{source} has {len(twins):,} columns headed {quoted(header[at])} "
            f"(columns {_columns(twins)} of its header row), so that header does not "
            "say which one to read: give each column a header of its own in the "
            f"file (e.g. {quoted(header[at] + ' 2')}), then read the one you mean by "
            "its header."
        )


#: The values a spreadsheet writes in a cell whose formula failed (Excel,
#: Google Sheets and LibreOffice alike; ``#N/A``: a lookup found nothing), in
#: capitals; LibreOffice also writes ``Err:`` and a number (``Err:502``). A
#: CSV export keeps them as text, and no name or label is one.
ERROR_VALUES = frozenset(
    "#N/A #NULL! #DIV/0! #VALUE! #REF! #NAME? #NUM! #SPILL! #CALC! #FIELD! "
    "#BLOCKED! #CONNECT! #BUSY! #UNKNOWN! #GETTING_DATA #ERROR!".split()
)


def is_error_value(cell):
    """Whether the (stripped) ``cell`` is a spreadsheet's error value
    (:data:`ERROR_VALUES`), read as an empty cell.

    Examples
    --------
    >>> is_error_value("#N/A"), is_error_value("Err:502"), is_error_value("N'Dour")
    (True, True, False)
    """
    if cell[:1] == "#":  # most cells are names: one look at their first letter
        return cell.upper() in ERROR_VALUES
    return cell[:4] == "Err:" and re.fullmatch(r"Err:[0-9]{3}", cell) is not None


def is_no_name(cell):
    """Whether the (stripped) ``cell`` of a column of names is read as an
    empty cell: a spreadsheet's error value (:func:`is_error_value`) or a
    placeholder for a name not known (``?``, ``Unknown``, ``N.N.``:
    :func:`~._placeholders.is_placeholder`). Not for labels: ``unknown``
    is a label some tables give (``name,gender``).

    Examples
    --------
    >>> is_no_name("#N/A"), is_no_name("(unknown)"), is_no_name("?"), is_no_name("Nina")
    (True, True, True, False)
    """
    return is_error_value(cell) or is_placeholder(cell)


def error_value_words(cell, what):
    """Why the error value ``cell`` is read as no ``what`` (``"name"``,
    ``"label"``), in a message.

    Examples
    --------
    >>> error_value_words("#N/A", "name")
    "'#N/A', the error value a spreadsheet writes for a formula that failed, is no name"
    """
    if is_placeholder(cell):
        return placeholder_words(cell, what)
    why = "the error value a spreadsheet writes for a formula that failed"
    return f"{quoted(cell)}, {why}, is no {what}"


class UnnamedRowsWarning(UserWarning):
    """Rows of a table left out for want of a name (:func:`unnamed_rows_words`
    says which), a category of its own so that a second reading of the same
    file can leave out what the first one told."""


class UnnamedRows:
    """The rows of a table left out for an empty cell in its column of names,
    as a reader meets them: how many, the lines of the first few (not a list
    that grows with the file), and the column, as the table names it.

    Examples
    --------
    >>> unnamed = UnnamedRows()
    >>> for line in range(3, 100, 2):
    ...     unnamed.append(line)
    >>> len(unnamed), unnamed.first
    (49, [3, 5, 7, 9, 11])
    """

    def __init__(self):
        self.count, self.first, self.column = 0, [], "column"
        self.error = ""  # the first error value read as no name (#N/A)
        self.headed = True  # the column named by its header (else its place)

    def read_from(self, table):
        """Name the column of names of ``table``: its header as in the file
        (``column 'Given Name'``), or its place (``the 1st column``)."""
        header, self.headed = table.header[table.name_at], table.has_header
        self.column = (
            f"column {quoted(header)}" if table.has_header else f"the {header} column"
        )

    def append(self, line, error=""):
        """Count the row at ``line`` (counted from 1); ``error``: the
        spreadsheet's error value in its cell of names, if any."""
        self.count, self.error = self.count + 1, self.error or error
        if len(self.first) < MAX_REPORTED:
            self.first.append(line)

    def __len__(self):
        return self.count


def unnamed_rows_words(unnamed, source, kept=(), *, elsewhere=None):
    """What a reader of a table says of the rows it leaves out for an empty
    cell in its column of names: how many, the first of their ``lines``, and,
    when it reads a count or a label of each row (``kept``), that they are
    lost with them; when no row has a name (``elsewhere``), that the names
    are likely in another column, and how to name it.

    Parameters
    ----------
    unnamed : UnnamedRows
        Such rows.
    source : str
        The file, quoted.
    kept : tuple of str, default=()
        What the reader reads of a row besides its name: ``"count"``,
        ``"label"``; nothing, and the rows are only said to be left out.
    elsewhere : {"names_column", "--names-column"}, default=None
        The setting of the column of names, in the interface's spelling,
        when no row of the table has a name: the note says to name another
        column with it rather than to write the names or remove the rows.

    Returns
    -------
    words : str

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> unnamed = UnnamedRows()
    >>> unnamed.read_from(find_table("name,count", "kids.csv"))
    >>> unnamed.append(3), unnamed.append(7)
    (None, None)
    >>> print(unnamed_rows_words(unnamed, "'kids.csv'", ("count", "label")))
    2 rows of 'kids.csv' have no name in column 'name' and are left out, with
    their other cells (lines 3 and 7). To keep a row's count and label, write
    its name; remove the rows that have none.
    >>> print(unnamed_rows_words(unnamed, "'kids.csv'"))
    2 rows of 'kids.csv' have no name in column 'name' and are left out (lines
    3 and 7).
    >>> print(unnamed_rows_words(unnamed, "'kids.csv'", ("count",),
    ...                          elsewhere="names_column"))
    2 rows of 'kids.csv' have no name in column 'name' and are left out, with
    their other cells (lines 3 and 7). No row has a name there: the names are
    likely in another column; pass its header as names_column.
    """
    n_rows = len(unnamed)
    shown = runs_and_more(unnamed.first, n_rows)
    shown = f"({line_word(n_rows)} {shown})"  # rows of a sheet
    words = (
        f"{counted(n_rows, 'row')} of {source} {one_or_many(n_rows, 'has', 'have')} "
        f"no name in {unnamed.column}"
    )
    if unnamed.error:
        words = f"{words} ({error_value_words(unnamed.error, 'name')})"
    words = f"{words} and {one_or_many(n_rows, 'is', 'are')} left out"
    if not kept:
        words = f"{words} {shown}."
    else:
        their = one_or_many(n_rows, "its", "their")
        words = f"{words}, with {their} other cells {shown}."
    if elsewhere is not None:  # removing every row helps nobody
        return f"{words} {_another_column(unnamed, elsewhere)}"
    if not kept:
        return words
    return (
        f"{words} To keep a row's {' and '.join(kept)}, write its name; remove "
        "the rows that have none."
    )


def _another_column(unnamed, setting):
    """Where the names likely are when no row has one, and how to name that
    column with ``setting`` (``names_column``, ``--names-column``): by its
    header, or by its place as that interface counts it."""
    if unnamed.headed:
        how = f"pass its header as {setting}"
    elif setting.startswith("--"):
        how = f"pass its number as {setting} (counted from 1)"
    else:  # names_column, as Python counts
        how = "pass its place as names_column (counted from 0)"
    return f"No row has a name there: the names are likely in another column; {how}."


def _columns(numbers):
    """Column numbers in words, the first few of thousands: ``"1, 2 and 3"``."""
    return runs_and_more(numbers)


def table_rows(lines, delimiter, source):
    """Each CSV row of ``lines`` (an iterable of lines), its fields stripped.

    Yields ``(line, fields)``: the line a row starts on, counted from 1.

    Examples
    --------
    >>> list(table_rows(['"Smith, Anna",f\\n', "\\n", "Bob,m\\n"], ",", "f.csv"))
    [(1, ['Smith, Anna', 'f']), (2, []), (3, ['Bob', 'm'])]
    """
    reader = csv.reader(itertools.chain(lines, _END_ROW), delimiter=delimiter)
    line = 1
    try:
        for row in reader:
            if reader.line_num != line or row == _END_ROW:  # rare: a cell of lines
                if row == _END_ROW:
                    return
                _check_closed(row, line, reader.line_num, delimiter, source)
            yield line, [field.strip() for field in row]
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ValueError(_unreadable(exc, line, source)) from None


# A last line after a file's own: a row of its own, or the end of a cell that
# a quote left open at the end of the file (the csv module reads it so).
_END_ROW = ["\ufdd0"]
# The lines in a cell that look like rows of the table, past which its quote
# is one left open, swallowing the rows below it.
_ROWS_IN_A_CELL = 2


def _check_closed(row, line, last, delimiter, source):
    """Refuse a row over several lines (``line`` to ``last``) whose quote is
    left open: to the end of the file, or over rows of the table (lines in a
    cell that split into as many fields as its row, twice). A cell of a few
    lines in quotes, as a spreadsheet writes a note, is read as it is."""
    if row[-1].endswith(_END_ROW[0]):
        n_lines = last - line  # the last line is the one added
        start = row[-1].split("\n", 1)[0]
        raise ValueError(
            f"Line {line} of {source} opens a quote, {quoted_row(start)}..., that "
            f"is not closed before the end of the file: its {n_lines:,} lines "
            "would be one cell, the rows below it lost. Close the quote (or "
            'double it, "" inside quotes, for a quote mark in a cell).'
        )
    width = len(row)
    for field in row:
        inner = field.split("\n")[1:]
        rows = [text for text in inner if _row_like(text, delimiter, width)]
        if width > 1 and len(rows) >= _ROWS_IN_A_CELL:
            raise ValueError(
                f"Line {line} of {source} opens a quote that runs over "
                f"{last - line + 1:,} lines, read as one cell that holds rows of "
                f"the table ({quoted_row(rows[0])}, {quoted_row(rows[1])}): close "
                'the quote where the cell ends (or double it, "" inside quotes, '
                "for a quote mark in a cell)."
            )


def _row_like(text, delimiter, width):
    """Whether a line in a cell reads as a row of the table: ``width`` fields,
    or more, as a spreadsheet writes them, none after a space (``"Bo,M,ok"``; not
    ``"Springfield, IL, 62701, USA"``, a line of an address or a note)."""
    fields = next(csv.reader([text], delimiter=delimiter), [])
    return len(fields) >= width and not any(f[:1].isspace() for f in fields[1:])


def _unreadable(error, line, source):
    """Why the CSV reader stopped, in the row that starts on ``line``."""
    limit = csv.field_size_limit()
    if "field limit" in str(error):  # a name has at most a thousand letters
        return (
            f"{source} is not a CSV file that can be read: a field of more than "
            f"{limit:,} characters, no name nor label, in the row that starts on "
            f"line {line} (a quote left open there makes the rest of the file "
            "one field, or the file's line ends were lost): close the quote, or "
            "give each row a line of its own."
        )
    return (
        f"{source} is not a CSV file that can be read: {error}, in the row that "
        f"starts on line {line} (a quote left open there makes the rest of the "
        "file one field)."
    )


def check_rows_split_as_header(lines, delimiter, width, source):
    """Refuse a header row whose rows below are split at another delimiter.

    A header ``name,label`` above rows ``Anna;F`` would give the names
    ``Anna;F`` (the rows have one field at the header's comma): refused when
    most non-blank rows of ``lines`` (the header's own line first, left out)
    are two fields or more at a semicolon or a tab, which no name holds (as
    many on each row or not: ``Anna;F;3`` above ``Ravi;M``), and at least
    half of them are one field at the header's delimiter: a row
    ``Smith, Anna;F`` among them, split at the header's comma, would be the
    name ``Smith`` (and ``Anna;F`` above it one name, a semicolon in it). A
    comma is never taken for the rows' delimiter (a name ``Smith, Anna``
    under a header ``name;nickname``), nor are rows that split at the
    header's delimiter more often than not, even into fewer fields (a
    spreadsheet leaves out empty cells at the end). The message
    shows a header or row of thousands of fields cut.

    Examples
    --------
    >>> check_rows_split_as_header(["name,label\\n", "Anna;F\\n"], ",", 2, "'a.csv'")
    Traceback (most recent call last):
    ...
    ValueError: The header row of 'a.csv' has 2 fields between commas ('name', ...
    >>> check_rows_split_as_header(["name;sex\\n", "Anna;F\\n"], ";", 2, "'a.csv'")
    """
    lines = list(lines)
    rows = split_rows(lines[1:], delimiter)
    split_too = [row for row in rows or () if len(row) > 1]  # Smith, Anna;F
    if rows and 2 * len(split_too) > len(rows):
        _check_header_not_mixed(lines[0], delimiter, rows, source)
    if width < 2 or not rows or 2 * len(split_too) > len(rows):
        return
    for other in (";", "\t"):
        shown = DELIMITER_NAMES[other]
        split = split_rows(lines[1:], other) if other != delimiter else None
        wide = [row for row in split or () if len(row) >= 2]
        if split and 2 * len(wide) > len(split):
            header = [field.strip() for field in split_rows(lines[:1], delimiter)[0]]
            # As many fields as the rows have: a header of fewer is refused too.
            most = max(map(len, wide))
            fields = header + [f"column{i + 1}" for i in range(width, most)]
            written = DELIMITER_NAMES[delimiter]
            write = f". Write the header with {shown}s"
            if mixed := mixed_header(header, other, most):  # name<TAB>sex;count
                fields, write = (
                    mixed,
                    f". It mixes {written}s and {shown}s: "
                    + (f"write it with {shown}s only"),
                )
            raise ValueError(
                f"The header row of {source} has {width:,} fields between "
                f"{written}s ({_listed(header)}), but "
                + _rows_below(rows, split_too, (split, wide), (delimiter, other))
                + f"{write}, as the rows are ({_joined(fields, other)}), and read "
                "the file again" + _quoted(wide[0], other)
            )


def mixed_header(header, other, width):
    """The fields of a header row split at its delimiter (``header``) and
    at ``other`` too, when they are the ``width`` fields of its rows, more
    than ``header``: a header that mixes two delimiters; None otherwise.

    Examples
    --------
    >>> mixed_header(["name", "sex;count"], ";", 3)
    ['name', 'sex', 'count']
    >>> mixed_header(["name", "sex;count"], ";", 2) is None  # a title with ;
    True
    """
    fields = [part.strip() for field in header for part in field.split(other)]
    return fields if len(header) < len(fields) == width else None


def check_header_mix(lines, source):
    """Refuse a header row (the first of ``lines``) that mixes delimiters,
    whichever its rows use (``name<TAB>sex;count`` above rows of three fields
    between tabs, or between semicolons): for a reader that found no column
    in it, such as the labels' (the header then read as one field).

    Examples
    --------
    >>> check_header_mix(["name\\tsex;count\\n", "Anna\\tF\\t3\\n"], "'m.tsv'")
    Traceback (most recent call last):
    ...
    ValueError: The header row of 'm.tsv', 'name\\tsex;count', mixes tabs and ...
    >>> check_header_mix(["name;sex\\n", "Anna;F\\n"], "'k.csv'")
    """
    lines = list(lines)
    for delimiter in DELIMITER_NAMES:
        rows = split_rows(lines[1:], delimiter)
        if rows and 2 * sum(len(row) > 1 for row in rows) > len(rows):
            _check_header_not_mixed(lines[0], delimiter, rows, source)


def _check_header_not_mixed(header_line, delimiter, rows, source):
    """Refuse a header row that mixes the delimiter of its rows with another
    (``name<TAB>sex;count`` above rows of three fields between tabs): a row
    is wider than it, and split at both it has as many fields as the widest
    row (every row, when they are as wide; else said first, before the rows
    wider than it)."""
    others = [other for other in ";\t" if other != delimiter and other in header_line]
    header = split_line(header_line, delimiter)
    if not others or not any(row[len(header) :] for row in rows):
        return  # no other delimiter, or no row wider than the header
    widest = max(map(len, rows))
    even = all(len(row) == widest for row in rows)
    first = next(row for row in rows if len(row) == widest)
    below = "every row below it has" if even else "the widest rows below it have"
    written = DELIMITER_NAMES[delimiter]
    for other in others:
        if mixed := mixed_header(header, other, widest):
            raise ValueError(
                f"The header row of {source}, {quoted_row(header_line)}, mixes "
                f"{written}s and {DELIMITER_NAMES[other]}s: it has {len(header):,} "
                f"fields between {written}s ({_listed(header)}), and {below} "
                f"{len(mixed):,} (the first: {_listed(first)}). "
                f"Write the header with {written}s only, as the rows are "
                f"({_joined(mixed, delimiter)}), and read the file again."
            )


def _joined(fields, delimiter):
    """``fields`` joined as a row of ``delimiter`` (a tab in words), cut."""
    between = f", a {DELIMITER_NAMES[delimiter]}, " if delimiter == "\t" else delimiter
    return _cut(between.join(fields))


def _rows_below(rows, split_too, split, delimiters):
    """How the rows below a header split, in words: ``rows`` at its
    delimiter, ``split_too`` those that split there too, ``split`` all of
    them at the other delimiter and those of two fields or more there
    (``delimiters``: the header's, the other)."""
    written, shown = (DELIMITER_NAMES[d] for d in delimiters)
    split, wide = split
    widths = sorted({len(row) for row in wide})
    widths = f"{widths[0]:,}" + (f" to {widths[-1]:,}" if len(widths) > 1 else "")
    every = (
        "every row has"
        if len(wide) == len(split)
        else counted(len(wide), f"of the {len(split):,} row", ("has", "have"))
    )
    first = f"{widths} fields between {shown}s "
    first = f"{every} {first}(the first: {_listed(wide[0])})"
    if not split_too:
        return (
            f"no row below it has as many: {first}, and each would be read as one name"
        )
    row, name = delimiters[0].join(split_too[0]), split_too[0][0].strip()
    whole = len(rows) - len(split_too)
    are = one_or_many(whole, "is one field", "are one field")
    return (
        f"{whole:,} of the {len(rows):,} rows below it {are} between {written}s, "
        f"read as {one_or_many(whole, 'one name', 'one name each')}, and "
        f"{first}: {quoted_row(row)} would be split at its {written} (the name "
        f"{quoted(name)})"
    )


def _quoted(fields, delimiter):
    """How to keep rows as whole names, their delimiter included (not a tab:
    no name holds one)."""
    if delimiter == "\t":
        return "."
    whole = _cut(delimiter.join(fields), '"')  # the row as written
    return (
        f" (if each row is one name, {DELIMITER_NAMES[delimiter]}s included, make "
        f"it a .csv file with each name in quotes: {whole})."
    )


def _listed(fields):
    """The fields of a row, quoted, the first few of thousands
    (:func:`~sknextchar._words.quoted_fields` without its brackets)."""
    return quoted_fields([field.strip() for field in fields])[1:-1]


def _cut(text, quote=""):
    """``text`` between ``quote`` marks, cut after
    :data:`~sknextchar._words.MAX_QUOTED_ROW` characters (a header of a
    megabyte, written again)."""
    if len(text) <= MAX_QUOTED_ROW:
        return f"{quote}{text}{quote}"
    return f"{quote}{text[:MAX_QUOTED_ROW]}...{quote} ({len(text):,} characters)"


def split_rows(lines, delimiter):
    """The non-blank rows of ``lines``, split at ``delimiter`` (None when
    the reader refuses one: the table's reader says why, in its turn)."""
    try:
        return [row for row in csv.reader(lines, delimiter=delimiter) if any(row)]
    except csv.Error:
        return None


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
            "a line break, and its first line alone may not be the whole name. "
            "Write the cell on one line; or, if the quote is left open, close it "
            '(or double it, "" inside quotes, for a quote mark in a name).'
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


# A spreadsheet's note of the delimiter, on a line before the header: "sep=;".
_SEPARATOR_LINE = re.compile(r'"?sep=(.?)"?[,;\t]*', re.IGNORECASE)


def separator_hint(line):
    """The delimiter that a line ``sep=;`` (a spreadsheet's note of it, on
    the first line of its export) names: a comma, a semicolon or a tab; None
    for any other line, and for a delimiter that no table of names has.

    Examples
    --------
    >>> separator_hint("sep=;\\r\\n"), separator_hint("sep=|"), separator_hint("Anna")
    (';', None, None)
    """
    found = _SEPARATOR_LINE.fullmatch(line.strip(" \r\n"))
    return found[1] if found and found[1] and found[1] in ",;\t" else None


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
            f"The first line of {shown_path(path)} is {quoted_row(first_line)}, a "
            "spreadsheet's note of the delimiter between its fields, not a name "
            "nor a header: delete that line, so that the file starts with its "
            "header row (or its first name), and read it again."
        )


class TitleLinesWarning(UserWarning):
    """Lines above a table's header row, left out as its title."""


def split_line(line, delimiter):
    """The stripped fields of one line (a row that goes on past it is cut)."""
    try:
        fields = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a field beyond the reader's limit: no header row
        return [line.strip()]
    return [field.strip() for field in fields]


def header_line(lines):
    """The line of a table's header row: the first non-blank of ``lines``
    (``""`` for none), the blank lines above it skipped. Every reader of a
    header reads it here (the names, ``--labels COLUMN``, ``--counts``). A
    line of nothing but spaces and delimiters (``,,``: a spreadsheet's empty
    row) is blank.

    Examples
    --------
    >>> header_line(["\\n", " ,, \\n", "name,label\\n", "Zoë,f\\n"])
    'name,label\\n'
    """
    return next((line for line in lines if not is_blank_line(line)), "")


def is_blank_line(line):
    """Whether a line holds only spaces and delimiters, its fields read
    (``"",""``, empty fields in quotes, is blank too).

    Examples
    --------
    >>> blank = is_blank_line
    >>> blank(' ,; \\n'), blank('"","" \\n'), blank('"";x'), blank(2 * '""')
    (True, True, False, False)
    """
    if BLANK.fullmatch(line):
        return True
    return '"' in line and any(
        all(BLANK.fullmatch(field) for field in split_line(line, delimiter))
        for delimiter in DELIMITER_NAMES
    )


BLANK = re.compile(r"[\s,;]*")


def header_row(rows):
    """``(line, fields)`` of the header row among the rows of
    :func:`table_rows` (None for none): the first with a field filled, the
    blank rows above it skipped, as :func:`header_line` skips blank lines.
    The rows below it are left in ``rows``, an iterator.

    Examples
    --------
    >>> rows = table_rows(["\\n", "name,label\\n", "Zoë,f\\n"], ",", "'kids.csv'")
    >>> header_row(rows), next(rows)
    ((2, ['name', 'label']), (3, ['Zoë', 'f']))
    """
    return next((row for row in rows if not BLANK.fullmatch("".join(row[1]))), None)


def rows_below_header(lines, delimiter, source):
    """The rows below the header row of ``lines`` (``(line, fields)``, the
    first :data:`LINES_LOOKED_AT` at most), as far as they read: a row that
    cannot be read ends them (the reading of the file refuses it). What a
    message looks at to say what a table's untitled columns hold.

    Examples
    --------
    >>> rows_below_header(["name,\\n", "Anna,3\\n", '"x\\n'], ",", "'k.csv'")
    [(2, ['Anna', '3'])]
    """
    below = []
    try:
        rows = table_rows(lines, delimiter, source)
        header_row(rows)
        below.extend(itertools.islice(rows, LINES_LOOKED_AT))
    except ValueError:  # refused when the file is read
        pass
    return below


def without_title(lines, skipped):
    """``lines`` with the first ``skipped`` (a table's title above its header
    row) read as blank lines, so that the others keep their numbers.

    Examples
    --------
    >>> list(without_title(["Baby names\\n", "name\\n", "Zoë\\n"], 1))
    ['\\n', 'name\\n', 'Zoë\\n']
    """
    if not skipped:
        return lines
    return ("\n" if i < skipped else line for i, line in enumerate(lines))


def lines_above(at):
    """The lines above a header row on line ``at + 1``, in words, written as
    every list of lines is (:func:`~sknextchar._number_runs.runs_and_more`).

    Examples
    --------
    >>> lines_above(1), lines_above(2), lines_above(3)
    ('line 1', 'lines 1 and 2', 'lines 1-3')
    """
    return ("line " if at == 1 else "lines ") + runs_and_more(range(1, at + 1))


def title_words(lines, at, table, path):
    """Where a table's header row is (line ``at`` of ``lines``, counted from
    0), below a title: the start of what is said of it, every non-blank line
    above it quoted (at most a few: a title's).

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> lines = ["Baby names\\n", "Source: SSA\\n", "name,sex\\n"]
    >>> print(title_words(lines, 2, find_table(lines[2], "b.csv"), "b.csv"))
    'b.csv' has its header row 'name,sex' (with the column of names 'name') on
    line 3, below lines 1 and 2 ('Baby names', 'Source: SSA'), not rows of the
    table
    """
    note = delimiter_note_at(lines[:at])
    start = 0 if note is None else note + 1
    above = [quoted_row(line) for line in lines[start:at] if not is_blank_line(line)]
    numbers = runs_and_more(range(start + 1, at + 1))
    where = ("line " if at - start == 1 else "lines ") + numbers
    what = (
        f"{where}, {above[0]}, which is not a row of the table"
        if len(above) == 1
        else f"{where} ({', '.join(above)}), not rows of the table"
    )
    if note is not None:  # "sep=;": no title, nor a row
        said = f"line {note + 1}, {quoted_row(lines[note])}, {DELIMITER_NOTE}"
        what = f"{said}, and {what}" if above else said
    return (
        f"{shown_path(path)} has its header row {quoted_row(lines[at])} (with the "
        f"column of names {table.column!r}) on line {at + 1}, below {what}"
    )


def has_title(lines, at):
    """Whether the lines above a header row on line ``at + 1`` hold a title:
    a line that is neither blank nor a spreadsheet's note of its delimiter.

    Examples
    --------
    >>> has_title(["sep=;\\n", "\\n", "name;sex\\n"], 2), has_title(["Kids\\n"], 1)
    (False, True)
    """
    return not all(is_blank_line(line) or separator_hint(line) for line in lines[:at])


DELIMITER_NOTE = "a spreadsheet's note of its delimiter (read as such)"


def delimiter_note_at(lines):
    """The index of a spreadsheet's note of its delimiter (``sep=;``) among
    the lines above a header row: the first non-blank one, if it is such a
    note (:func:`separator_hint`); None for none.

    Examples
    --------
    >>> delimiter_note_at(["sep=;\\n", "Kids\\n"]), delimiter_note_at(["Kids\\n"])
    (0, None)
    """
    found = next((i for i, line in enumerate(lines) if not is_blank_line(line)), None)
    return found if found is not None and separator_hint(lines[found]) else None


def rows_above(lines, table):
    """Whether the non-blank ``lines`` above a header row split as the rows
    below it do, two fields filled at least (``Smith, John``: a row of a list
    of names; ``Baby names 2024;;``, a title, does not).

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> table = find_table("name,count", "kids.csv")
    >>> rows_above(["Smith, John\\n"], table), rows_above(["Baby names,,\\n"], table)
    (True, False)
    """
    try:
        rows = csv.reader(lines, delimiter=table.delimiter)
        rows = [row for row in rows if not BLANK.fullmatch("".join(row))]
    except csv.Error:
        return False
    return all(
        2 <= len(row) <= len(table.header) and sum(map(bool, map(str.strip, row))) >= 2
        for row in rows
    )


def header_line_number(lines, skipped=0):
    """The line (counted from 1) of a table's header row among ``lines``:
    the first non-blank one below the ``skipped`` lines of its title, as
    :func:`header_line` finds it (1 for none).

    Examples
    --------
    >>> header_line_number(["Baby names\\n", "\\n", "name,sex\\n"], 1)
    3
    """
    lines = enumerate(lines, 1)
    return next((i for i, line in lines if i > skipped and not is_blank_line(line)), 1)


def header_place(line):
    """A table's header row in words, for messages that show it: the first
    row on line 1, else the row on ``line`` (below a title or blank lines).

    Examples
    --------
    >>> header_place(1), header_place(3)
    ('first row (the header)', 'header row (line 3)')
    """
    return "first row (the header)" if line <= 1 else f"header row (line {line})"


def not_a_column(given, where, line, header, near="", *, what, beside="",
                 is_not="is not"):  # fmt: skip
    """The one wording of a column asked for by a header that a table's
    header row (on ``line``, its fields ``header``) has not, be it the
    names', the labels' or the counts', in Python's words or the command
    line's: what was asked (``given``, ``is_not`` a column, ``beside``
    another), then the one it may mean (``near``, :func:`close_header`),
    else which columns there are and what to pass (the header of the column
    of ``what``); the caller ends the sentence.

    Examples
    --------
    >>> print(not_a_column("names_column='nme'", "'k.csv'", 1, ["name", "sex"],
    ...                    " (did you mean 'name'?)", what="names"))
    names_column='nme' is not a column of 'k.csv' (did you mean 'name'?); its \
first row (the header) is ['name', 'sex']
    >>> print(not_a_column("counts_column='n'", "'k.csv'", 1, ["name", "sex"],
    ...                    what="counts", beside="the names 'name'"))
    counts_column='n' is not a column (beside the names 'name') of 'k.csv', \
whose first row (the header) is ['name', 'sex']: pass the header of its \
column of counts, as that row spells it
    """
    beside = f" (beside {beside})" if beside else ""
    if near:  # the guess first; the header row still shows a wrong guess
        return (f"{given} {is_not} a column{beside} of {where}{near}; its "
                f"{header_place(line)} is {quoted_fields(header)}")  # fmt: skip
    return (
        f"{given} {is_not} a column{beside} of {where}, whose {header_place(line)} "
        f"is {quoted_fields(header)}{near}: pass the header of its column of "
        f"{what}, as that row spells it"
    )


def close_field(column, header):
    """The field of ``header`` close to ``column`` (as :func:`header_key`
    spells them: a misspelling such as ``nmae``), or None; None too when
    two fields are spelled the same (``Name`` and ``\\ufeffname``: either
    would be refused as not saying which column).

    Examples
    --------
    >>> close_field("nmae", ["name", "count"]), close_field("id", ["name"])
    ('name', None)
    >>> close_field("nam", ["Name", "\\ufeffname"]) is None
    True
    """
    fields = [field for field in header if field]
    near = close_word(column, fields, header_key, ties=True)
    return None if near is None else typed_header(near)


def close_header(column, header, shown=quoted):
    """`` (did you mean 'name'?)`` for a ``column`` asked for that is close to
    one of the fields of ``header`` (:func:`close_field`), that field written
    by ``shown`` (the command line's flag and its word); ``""`` when none is.

    Examples
    --------
    >>> close_header("nmae", ["name", "count"]), close_header("id", ["name"])
    (" (did you mean 'name'?)", '')
    >>> close_header("cnt", ["name", "count"], lambda field: f"--counts {field}")
    ' (did you mean --counts count?)'
    """
    near = close_field(column, header)
    return "" if near is None else f" (did you mean {shown(near)}?)"
