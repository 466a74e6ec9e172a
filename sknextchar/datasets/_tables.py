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
a semicolon in a ``.csv`` or ``.tsv`` file, and in another file only when the
last field of every line is a number (``ana,5``) or empty (``ana,,``), since
a plain list may hold ``Smith, Anna``. A header row whose rows all split at
another delimiter (``name,label`` above ``Anna;F``), most of them as one field
at its own, is refused when its column of names is read (:func:`table_of`).
"""

import csv
import itertools
import os

from .._name_headers import header_key, name_header_positions, names_field
from .._shown_paths import shown_path
from ._column_arguments import NoColumnError, row_fields
from ._count_cells import CountCells, is_number
from ._header_again import check_not_header, may_be_key, unlike_starts
from ._noted_rows import noted_first, refuse_noted_rows
from ._table_footers import (
    FOOTER_LINES,
    TOTALS,
    FooterLinesError,
    LastLine,
    NamesSeen,
    is_total,
    refuse_footer,
)
from ._table_rows import (
    DELIMITER_NAMES,
    LINES_LOOKED_AT,
    check_not_separator_line,
    check_one_column,
    check_one_line,
    check_rows_split_as_header,
    close_field,
    close_header,
    has_title,
    header_line,
    header_row,
    is_blank_line,
    is_no_name,
    lines_above,
    not_a_column,
    rows_above,
    rows_below_header,
    separator_hint,
    split_line,
    table_rows,
    title_words,
    without_title,
)
from ._table_top import (
    TABLE_SUFFIXES,
    clear_title,
    is_header_row,
    names_above_words,
    one_column_title,
    warn_title,
)
from ._wide_rows import WideRows

__all__ = [
    "DELIMITERS",
    "Table",
    "TitleLinesError",
    "check_rows_below_header",
    "check_no_title",
    "title_of",
    "cells_below",
    "column_cells",
    "column_values",
    "detect_table",
    "find_table",
    "headerless_table",
    "lines_looked_at",
    "named_rows",
    "table_counts",
    "table_of",
]

DELIMITERS = ",;\t"


class Table:
    """The layout of a table: its delimiter, header and column of names.

    Examples
    --------
    >>> table = find_table("id;Vorname;Geschlecht", "namen.csv")
    >>> table.column, table.name_at, table.shown_delimiter
    ('Vorname', 1, 'semicolon')
    """

    def __init__(self, delimiter, header, name_at, *, has_header=True):
        self.delimiter, self.header, self.name_at = delimiter, header, name_at
        # False: a table read by column positions (``header=None``), whose
        # ``header`` names its columns for messages and whose first row is data.
        self.has_header = has_header
        self.skipped = 0  # lines above the header row: a title, left out

    @property
    def column(self):
        """The header of the column of names."""
        return self.header[self.name_at]

    @property
    def shown_delimiter(self):
        """The delimiter in words: comma, semicolon or tab."""
        return DELIMITER_NAMES[self.delimiter]


def find_table(
    first_line, path, names_column=None, *, counts=False, delimiters=DELIMITERS
):
    """The table whose header row is ``first_line``, or None for a list of names.

    Parameters
    ----------
    first_line : str
        The first line of the file (its byte-order mark skipped).
    path : str or os.PathLike
        The file (its suffix tells whether one field can be a header).
    names_column : str or None, default=None
        The header of the column of names (as :func:`header_key` compares);
        None looks for one of :data:`NAME_HEADERS` (of given names first:
        :func:`~sknextchar._name_headers.names_field`).
    counts : bool, default=False
        Whether a column of counts is read too (a ``counts_column`` given):
        the reading without a header row that an error offers reads one.
    delimiters : str, default=",;\\t"
        The delimiters tried, in order (one: a ``sep=;`` line's).

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
    for delimiter in delimiters:
        header = split_line(first_line.rstrip("\r\n"), delimiter)
        if len(header) < 2 and (
            (wanted is None and suffix not in TABLE_SUFFIXES)
            or (delimiter != "\t" and "\t" in first_line)
        ):  # one field: a header only in a .csv or .tsv file, and not "name<TAB>"
            continue
        found = (
            [i for i, field in enumerate(header) if header_key(field) == wanted]
            if wanted
            else name_header_positions(header, alone=len(header) == 1)
        )
        if found:
            if wanted is not None:
                check_one_column(header, found[0], shown_path(path))
                return Table(delimiter, header, found[0])
            return Table(delimiter, header, names_field(header, found))
    if wanted is not None:
        fields = row_fields(first_line)
        raise NoColumnError(
            not_a_column(
                f"names_column={names_column!r}",
                shown_path(path),
                1,
                fields[0] or [first_line.rstrip("\r\n")],  # too long to split: cut
                close_header(names_column, fields[0]),
                what="names",
            ),
            *fields,
            header_row=is_header_row(*fields),
            counts=counts,
            near=close_field(names_column, fields[0]),
        )
    return None


def detect_table(lines, path, *, warn=True):
    """The table of a file read without a ``names_column``, or None for a list.

    :func:`find_table` of its first non-blank line, except that in a file
    other than a ``.csv`` or ``.tsv`` one, a header split at a comma or a
    semicolon makes a table only if it is the first line and a row below it
    (among the first :data:`LINES_LOOKED_AT` lines) splits too: a list of
    names whose first line is ``Name, Anna`` (or a blank line) stays a list.
    A table whose column of names shares its header with another column is
    refused (:func:`check_one_column`); a header row below a title
    (:func:`title_of`) is the table's, the title left out (with a
    :class:`TitleLinesWarning`, when ``warn``).

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
    start = next((i for i, line in enumerate(lines) if not is_blank_line(line)), None)
    if start is None:
        return None
    if separator_hint(lines[start]) and (found := title_of(lines, path)):
        return _below_title(lines, path, found, None, warn=warn)  # below "sep=;"
    table = find_table(lines[start], path)
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    as_list = table is not None and table.delimiter != "\t"
    as_list = as_list and suffix not in TABLE_SUFFIXES
    if as_list and start:
        return None  # a blank first line: a list of names, commas and all
    if (table is None or len(table.header) == 1) and (
        found := title_of(lines, path)
    ):  # the table below its title; in a list, "Name, Anna" may be a name
        if suffix in TABLE_SUFFIXES or found[1].delimiter == "\t":
            return _below_title(lines, path, found, None, warn=warn)
        check_no_title(lines, path, offer=clear_title(lines, found))
    if table is None:
        return None
    if as_list:
        try:
            rows = csv.reader(lines[start + 1 :], delimiter=table.delimiter)
            if not any(len(row) >= 2 for row in rows):
                return None
        except csv.Error:  # not a list of names either: the table's reader says why
            pass
    check_one_column(table.header, table.name_at, shown_path(path))
    return table


_TITLE_LINES = 5  # the non-blank lines above a header row that may be a title


class TitleLinesError(ValueError):
    """A table's header row below lines that are not rows of it (a title)."""


def check_no_title(lines, path, names_column=None, *, offer=False):
    """Refuse a table whose header row comes below a title (:func:`title_of`);
    ``offer``: the message offers the ``names_column`` that reads the table
    below it (:func:`table_of` leaves the title out), before its deletion.

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
    if found := title_of(lines, path, names_column):
        at, table = found
        offered = (
            f"To read its column of names, pass names_column={table.column!r} (the "
            f"lines above its header row are left out as a title), or delete "
            if offer
            else "Delete "
        )
        names = names_above_words(lines, found)
        error = TitleLinesError(
            f"{title_words(lines, at, table, path)}"
            f"{names or f' (a title?). {offered}'}"
            f"{lines_above(at)}, so that the file starts with its header row, and "
            "read it again."
        )
        error.offered = offer  # names_column offered: warn_if_table says no more
        error.moved = bool(names)  # names above the header row: moved, or not
        raise error


def title_of(lines, path, names_column=None):
    """``(at, table)``: the line ``at`` (counted from 0) of a table's header
    row below a title (or up to :data:`_TITLE_LINES` lines that are not rows
    of the table), and the table it heads; None for a table without one.

    A spreadsheet's export may start with a title, ``Baby names 2024``, above
    its header row: read from its first line, the file would be whole lines
    as names, or a table without a header. The header row is a line of two
    fields or more, one of which says "name" (``names_column``, when given),
    every non-blank line below it among ``lines`` splitting into two fields
    or more, at most as many, and a line above it that does not split so: a
    list of names with one ``Name, Anna`` line is no table, unless that line
    is the first and ``names_column`` is a cell of the second only (a title
    holding the delimiter, ``Baby names; 2024``). In a ``.csv`` or
    ``.tsv`` file, a one-column header that says "name" (``name``) below a
    line that is no name (``Baby Names``) is one too.

    Examples
    --------
    >>> title_of(["Baby names 2024\\n", "name,sex\\n", "Zoë,F\\n"], "b.csv")[0]
    1
    """
    above = [i for i, line in enumerate(lines) if not is_blank_line(line)]
    above = above[: _TITLE_LINES + 1]
    hint = bool(above) and separator_hint(lines[above[0]])  # "sep=;": no title
    for at in above[1:]:
        try:
            table = find_table(lines[at], path, names_column, delimiters=hint or ",;\t")
        except ValueError:  # not that column; or a "sep=;" line
            continue
        if table is None:
            continue
        if len(table.header) == 1:
            title = hint or one_column_title(lines[above[0]], table, path)
            if at == above[1] and title:
                return at, table
        elif _rows_fit(lines[at:], table) and (
            not rows_above(lines[:at], table)
            or _typed_below(lines, above[:2], at, path, names_column)
        ):
            return at, table
    return None


def _typed_below(lines, first_two, at, path, names_column):
    """Whether a header row ``at``, the second non-blank line (``first_two``
    of them), has the ``names_column`` typed (a header) and the line above
    it has not: that line is a title, even one holding the delimiter
    (``Baby names; 2024`` above ``Name;Gender``)."""
    if not isinstance(names_column, str) or first_two != [first_two[0], at]:
        return False
    try:
        return find_table(lines[first_two[0]], path, names_column) is None
    except ValueError:  # not a cell of the line above: it is no header row
        return True


def _rows_fit(lines, table):
    """Whether the non-blank lines below a header row (``lines``, the
    header row first; one at least below it)
    split into 2 fields or more, at most as many as the header has; the
    lines at their end that :func:`named_rows` refuses as a footer (its one
    rule: :class:`NamesSeen`) aside, and a few names alone on their rows
    below them (``Zoë``, its empty cells left out: fewer than the rows that
    split, at most :data:`FOOTER_LINES`)."""
    try:
        widths = [
            len(row) for row in csv.reader(lines[1:], delimiter=table.delimiter) if row
        ]
    except csv.Error:
        return False
    try:
        for _ in named_rows(lines, table, ""):
            pass
    except FooterLinesError as exc:
        widths = widths[: len(widths) - len(exc.rows)]
    except ValueError:  # a row the table's reader refuses: it says why later
        pass
    alone = len(widths) - len(
        "".join("1" if width == 1 else "2" for width in widths).rstrip("1")
    )
    if alone <= FOOTER_LINES and alone < len(widths) - alone:
        widths = widths[: len(widths) - alone]
    return bool(widths) and all(2 <= width <= len(table.header) for width in widths)


def _below_title(lines, path, found, names_column, *, warn=True, counts=False):
    """The table whose header row ``found`` (:func:`title_of`) is, its title
    (the lines above) left out, as said when ``warn``; below a ``sep=;``
    line, split at that delimiter (as ``found`` is), whatever the file's suffix."""
    at = found[0]
    if not clear_title(lines, found):  # names above the header row: refused
        check_no_title(lines, path, names_column)
    if warn:
        warn_title(lines, found, path)
    blanked = ["\n"] * at + lines[at:]  # blank lines above a header are skipped
    if separator_hint(header_line(lines)):  # "sep=;": split at that delimiter only
        table = found[1]
        check_one_column(table.header, table.name_at, shown_path(path))
        check_rows_below_header(blanked, table.delimiter, len(table.header),
                                shown_path(path))  # fmt: skip
    elif names_column is None:
        table = detect_table(blanked, path, warn=False)
    else:
        table = table_of(blanked, path, names_column, counts=counts, warn=False)
    table.skipped = at
    return table


def table_of(lines, path, names_column=None, *, counts=False, warn=True):
    """:func:`find_table` of the first non-blank of ``lines`` (the first of a
    file; blank lines above a header row are skipped, as blank lines are
    elsewhere); a header row below a title (:func:`title_of`) is the table's,
    the title left out (with a :class:`TitleLinesWarning`, when ``warn``); one
    whose rows split at another delimiter (``name,label`` above ``Anna;F``:
    each row would be one name) is refused. ``counts`` as for :func:`find_table`.

    Examples
    --------
    >>> table_of(["\\n", "id;Vorname\\n", "1;Zoë\\n"], "namen.csv", "vorname").name_at
    1
    """
    lines = list(itertools.islice(lines, LINES_LOOKED_AT))
    first = header_line(lines)
    try:  # a "sep=;" line refused, unless a table is below it (title_of)
        table = find_table(first, path, names_column, counts=counts)
    except ValueError as refused:
        if found := title_of(lines, path, names_column):
            return _below_title(lines, path, found, names_column, warn=warn,
                                counts=counts)  # fmt: skip
        if names_column is not None and (found := title_of(lines, path)):
            if error := _no_column_below_title(lines, path, found, names_column):
                raise error from None  # not the error that called the title the header
        if isinstance(refused, NoColumnError):  # the columns offered fit its rows
            rows = rows_below_header(lines, refused.delimiter, shown_path(path))
            raise refused.below(rows) from None
        raise
    if table is not None:  # name,label above rows Anna;F
        source = shown_path(path)
        check_rows_below_header(lines, table.delimiter, len(table.header), source)
    return table


def _no_column_below_title(lines, path, found, names_column):
    """The error for a ``names_column`` that the header row below a title
    (``found``, from :func:`title_of` without it) has not, naming that row
    and the title left out, rather than the title as the first row; None for
    names above the header row (not :func:`clear_title`), left to the caller."""
    if not clear_title(lines, found):
        return None
    at, table = found
    return NoColumnError(
        f"{title_words(lines, at, table, path)}"
        f"{' (left out as its title)' * has_title(lines, at)}. That "
        f"header row has no column {names_column!r}"
        f"{close_header(names_column, table.header)}: pass the header of its "
        "column of names, as that row spells it",
        table.header,
        table.delimiter,
        header_row=True,
        near=close_field(names_column, table.header),
    )


def check_rows_below_header(lines, delimiter, width, source):
    """:func:`~sknextchar.datasets._table_rows.check_rows_split_as_header` of
    the header row among ``lines`` (the first lines of a file: blank lines
    above it skipped) and the rows below it; ``source`` names the file."""
    below = lines[lines.index(header_line(lines)) :]
    check_rows_split_as_header(below, delimiter, width, source)


def headerless_table(lines, path):
    """``(delimiter, n_fields)`` if ``lines`` look like a table without a header.

    Every non-blank line among the first :data:`LINES_LOOKED_AT` splits into
    the same number (two or more) of fields: at a tab in any file, at a comma
    or a semicolon in a ``.csv`` or ``.tsv`` file, and in any other file when
    the last field of every line is a number (``ana,5``: a name and its count;
    a list of ``Smith, Anna`` stays a list) or empty (``ana,,``: the empty
    columns a spreadsheet writes; no name ends with a comma). None otherwise.
    The first lines decide, as they do for a file read in chunks
    (:func:`lines_looked_at` says which lines in a message): a table with a
    stray row far down is still a table. The delimiter is its character
    (:data:`DELIMITER_NAMES` says it in words).

    Examples
    --------
    >>> headerless_table(["Zoë;female", "José;male"], "kids.csv")
    (';', 2)
    >>> headerless_table(["Smith, Anna", "Jones, Bob"], "list.txt") is None
    True
    >>> headerless_table(["ana,5", "eva, 3"], "counts.txt")
    (',', 2)
    >>> headerless_table(["ana,,", "eva,,"], "list.txt")
    (',', 3)
    """
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    lines = [line for line in itertools.islice(lines, LINES_LOOKED_AT) if line.strip()]
    table_file = suffix in TABLE_SUFFIXES
    for delimiter in DELIMITERS:
        # Its rows read as they go, none kept: a thousand lists held at once
        # set off the garbage collector, which goes over the caller's names.
        rows = csv.reader(lines, delimiter=delimiter)
        try:
            width = len(next(rows, ()))
            if width < 2 or any(len(row) != width for row in rows):
                continue
        except csv.Error:  # a field beyond the reader's limit: not a table
            continue
        if table_file or delimiter == "\t" or _last_fields_tell(lines, delimiter):
            return delimiter, width
    return None


def _last_fields_tell(lines, delimiter):
    """Whether the last field of every line is a number (a count), as in a
    list of names with their counts that is not called ``.csv``, or empty
    (``Anna,,``: a spreadsheet's empty columns, as
    :func:`~sknextchar.datasets._table_rows.ends_in_empty_fields` tells)."""
    last = [row[-1].strip() for row in csv.reader(lines, delimiter=delimiter)]
    return not any(last) or all(is_number(field, delimiter) for field in last)


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


def column_values(lines, table, source, unnamed=None):
    """``(line, name)`` for each row of the table below its header with a name.

    ``lines`` holds the header row first; rows without a name (blank lines) are
    skipped, and a row wider than the header is refused.

    Examples
    --------
    >>> table = find_table("name,label", "kids.csv")
    >>> list(column_values(["name,label\\n", "Zoë,f\\n", ",m\\n", "José,m"], table, ""))
    [(2, 'Zoë'), (4, 'José')]
    """
    for line, fields in named_rows(lines, table, source, unnamed):
        yield line, fields[table.name_at]


def named_rows(lines, table, source, unnamed=None):
    """``(line, fields)`` for each row of the table below its header with a
    name (:func:`column_values`), its fields padded to the header's width;
    the line of each row without a name but with another cell (a count, a
    label) is added to ``unnamed`` (an :class:`~._table_rows.UnnamedRows`),
    when given (a line of empty
    cells only, ``,,``, is a blank line).

    In a table of two columns or more, the rows at its end (up to
    :data:`FOOTER_LINES` of them, below a row that splits) that have what no
    name of the column above them has (:class:`NamesSeen`: a row of one
    field, a digit, a ``:`` or more words, ``Source: national registry
    2020``; a row that splits, a name that starts with a label such as
    ``Source:`` or ``Notes:``, ``Source: national registry, 2020``) are a
    footer, refused (naming their lines: :func:`refuse_footer`) rather than
    read as names; a row like the names (``Zoë``, its empty cells left out;
    ``Mary Ann,4``; ``R2-D2,5``, ``Jean:Paul,2``) is a name. The rows are
    read as they are asked for, holding back those few lines at most.

    Examples
    --------
    >>> table = find_table("name,count", "kids.csv")
    >>> list(named_rows(["name,count\\n", "Zoë\\n", "José,3"], table, ""))
    [(2, ['Zoë', '']), (3, ['José', '3'])]
    """
    _ = unnamed is None or unnamed.read_from(table)  # the column, as named
    wide = WideRows(source, len(table.header), table.has_header)
    with noted_first(wide):  # rows wider than the header, refused all at once
        held, written = yield from _body_rows(lines, table, source, unnamed, wide)
        refuse_noted_rows(wide)
    if held:
        total = header_key(held[0][1][table.name_at]) in TOTALS
        refuse_footer(held, written, table, source, total)


def _body_rows(lines, table, source, unnamed, wide):
    """The rows of :func:`named_rows`; returns those held back at the end
    (a footer), not yielded, and the line of the first as written and its
    number of fields there."""
    lines = LastLine(without_title(lines, table.skipped))
    rows = _rows_below_header(lines, table, source)
    width, at = len(table.header), table.name_at
    keys = [header_key(field) if table.has_header else "" for field in table.header]
    looked_for = TOTALS | {keys[at]}  # a name that is a sum or the header again
    unlike = unlike_starts("".join(key[:1] for key in looked_for))
    held, run, split, written = [], 0, False, None  # rows that may be a footer
    seen = NamesSeen()
    for line, fields in rows:
        n_fields = len(fields)
        if at < n_fields and fields[at] and not is_no_name(fields[at]):
            name = fields[at]
            novel = seen.novel(name) is not None  # a digit, a colon
            ends = split and n_fields > 1 and seen.footer_label(name)
            if n_fields > width and not ends and wide.note(fields, line):
                continue  # refused for its width alone, its cells shifted
            check_one_line(name, line, source)
            if n_fields < width:
                fields = fields + [""] * (width - n_fields)  # padded
            row = line, fields
            if not held and (
                (
                    split
                    and n_fields > 1
                    and (name[0] in unlike or not may_be_key(name, looked_for, unlike))
                    and not ends
                )
                or n_fields == 1 == width
                or (n_fields == 1 and not seen.lack(name))
            ):
                run = 0
                if n_fields == 1 or novel or " " in name:  # else nothing new
                    seen.add(name)
                yield row  # most rows: neither a footer, nor a sum, nor a header
                continue
            check_not_header(row[1], keys, line, source)
            run = run + 1 if ends or n_fields == 1 < width else 0
            total = is_total(fields[:n_fields], at, header_key(name), table.delimiter)
            written = written if held else (lines.text, n_fields)  # as written
            held.append(row)
            if split and (0 < run <= FOOTER_LINES or total):
                continue  # a footer (or a sum), unless a row follows
            split = split or n_fields > 1
            seen.add_rows(held, at)
            yield from _released(held, width, wide)
            held = []
        else:  # no name: a blank line, or a row of a count or a label
            _unnamed_row(fields, width, line, wide, unnamed, at)
    return held, held and written


def _unnamed_row(fields, width, line, wide, unnamed, at):
    """Check a row without a name (or with a spreadsheet's error value in
    column ``at``, ``#N/A``); note its line in ``unnamed`` (a list, or None)
    when it has another cell."""
    if len(fields) > width:
        wide.note(fields, line)
    if unnamed is not None and any(fields):
        unnamed.append(line, fields[at] if at < len(fields) else "")


def _rows_below_header(lines, table, source):
    """The rows of :func:`table_rows` below the header row (all of them in
    a table without one: ``header=None``)."""
    rows = table_rows(lines, table.delimiter, source)
    if table.has_header:
        header_row(rows)
    return rows


def _released(held, width, wide):
    """The rows held back, read after all: a row below them is no footer."""
    for line, fields in held:
        if len(fields) > width and wide.note(fields, line):
            continue  # a footer's width was left unchecked: refused for it
        yield line, fields


def table_counts(
    lines, table, at, source, warn=True, again=None, column=None, unnamed=None
):
    """``(name, count)`` for each row of ``table`` with a name, its count in
    column ``at``: :func:`~._counted_rows.counted_rows` once the columns are
    known (also of a table read by positions, ``header=None``, whose
    ``column`` messages name by its place; None: by its header)."""
    ahead = again and (lambda line: cells_below(again(), table, at, line))
    column = table.header[at] if column is None else column
    cells = CountCells(source, column, table.delimiter, ahead)
    return _counted(lines, table, at, source, cells, warn, unnamed)


def _counted(lines, table, at, source, cells, warn, unnamed=None):
    with noted_first(cells):  # rows without a count refused before a later error
        for line, name, cell in column_cells(lines, table, at, source, unnamed):
            yield from cells.take(cell, name, line, name)
        yield from cells.finish(warn)


def column_cells(lines, table, at, source, unnamed=None):
    """``(line, name, cell)`` for each row of the table with a name: its cell
    of column ``at`` (``""`` for none), read from the name's own row, as
    :func:`named_rows` reads the rows.

    Examples
    --------
    >>> table = find_table("name,sex,count", "us.csv")
    >>> list(column_cells(["name,sex,count\\n", "Zoë,F\\n", "José,M,3"], table, 2, ""))
    [(2, 'Zoë', ''), (3, 'José', '3')]
    """
    for line, fields in named_rows(lines, table, source, unnamed):
        yield line, fields[table.name_at], fields[at]


def cells_below(lines, table, at, line):
    """``(line, name, cell)`` for each row with a name that starts below
    ``line``: its cell of column ``at`` (unstripped), for a second look at a
    column (:class:`CountCells` looking for a count that tells how its points
    are read). Lighter than :func:`column_cells`: the rows are split, not
    checked (the rows read in order check them, and refuse a footer), and
    the rows down to ``line`` only split.

    Examples
    --------
    >>> table = find_table("name;count", "de.csv")
    >>> lines = ["name;count\\n", "Ana;1.500\\n", ";2,5\\n", "Bo\\n", " Zoë ;1.234.567"]
    >>> list(cells_below(lines, table, 1, 2))
    [(5, 'Zoë', '1.234.567')]
    """
    reader = csv.reader(lines, delimiter=table.delimiter)
    name_at, start, past = table.name_at, 1, max(at, table.name_at)
    try:
        for row in reader:
            if start > line and len(row) > past:
                name = row[name_at].strip()
                if name:
                    yield start, name, row[at]
            start = reader.line_num + 1
    except csv.Error:  # the rows read in order say what is wrong there
        return
