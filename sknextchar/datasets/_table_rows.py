"""The rows of a CSV table, read one by one: their fields stripped, each
with the line it starts on; a row wider than its header, or a name with a
line break or a tab in it, refused (:mod:`._tables` reads a table's column
of names from them).
"""

import csv
import io

from .._text import MAX_QUOTED_ROW, quoted, quoted_fields, quoted_row

__all__ = [
    "DELIMITER_NAMES",
    "check_one_line",
    "check_rows_split_as_header",
    "check_width",
    "table_rows",
    "text_lines",
]

#: The delimiters of tables, in words, for messages.
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


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
        raise ValueError(_unreadable(exc, line, source)) from None


def _unreadable(error, line, source):
    """Why the CSV reader stopped, in the row that starts on ``line``."""
    limit = csv.field_size_limit()
    if "field limit" in str(error):  # a name has at most a thousand letters
        return (
            f"{source} is not a CSV file that can be read: a field of more than "
            f"{limit:,} characters, no name nor label, in the row that starts on "
            f"line {line:,} (a quote left open there makes the rest of the file "
            "one field, or the file's line ends were lost): close the quote, or "
            "give each row a line of its own."
        )
    return (
        f"{source} is not a CSV file that can be read: {error}, in the row that "
        f"starts on line {line:,} (a quote left open there makes the rest of the "
        "file one field)."
    )


def check_width(fields, width, line, source):
    """Refuse a row with more fields than the header (empty ones aside)."""
    if len(fields) > width and any(fields[width:]):
        raise ValueError(
            f"Line {line} of {source} has {len(fields)} fields, more than the "
            f"{width} of its header: a name or label with the delimiter in it "
            'needs quotes ("Mary, Ann"), or the columns do not line up.'
        )


def check_rows_split_as_header(lines, delimiter, width, source):
    """Refuse a header row whose rows below are split at another delimiter.

    A header ``name,label`` above rows ``Anna;F`` would give the names
    ``Anna;F`` (the rows have one field at the header's comma): refused when
    every non-blank row of ``lines`` (the header's own line first, left out)
    is the same number of fields (two or more) at a semicolon or a tab, which
    no name holds, and at least half of them are one field at the header's
    delimiter: a row ``Smith, Anna;F`` among them, split at the header's
    comma, would be the name ``Smith`` (and ``Anna;F`` above it one name, a
    semicolon in it). A comma is never taken for the rows' delimiter (a name
    ``Smith, Anna`` under a header ``name;nickname``), nor are rows that
    split at the header's delimiter more often than not, even into fewer
    fields (a spreadsheet leaves out empty cells at the end). The message
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
    rows = _split_rows(lines[1:], delimiter)
    split_too = [row for row in rows or () if len(row) > 1]  # Smith, Anna;F
    if width < 2 or not rows or 2 * len(split_too) > len(rows):
        return
    for other in (";", "\t"):
        shown = DELIMITER_NAMES[other]
        split = _split_rows(lines[1:], other) if other != delimiter else None
        if split and len({len(row) for row in split}) == 1 and len(split[0]) >= 2:
            header = [field.strip() for field in _split_rows(lines[:1], delimiter)[0]]
            # As many fields as the rows have: a header of fewer is refused too.
            fields = header + [f"column{i + 1}" for i in range(width, len(split[0]))]
            between = f", a {shown}, " if other == "\t" else other
            written = DELIMITER_NAMES[delimiter]
            raise ValueError(
                f"The header row of {source} has {width:,} fields between "
                f"{written}s ({_listed(header)}), but "
                + _rows_below(rows, split_too, split, (delimiter, other))
                + f". Write the header with {shown}s, as the rows are "
                f"({_cut(between.join(fields))}), and read the file again"
                + _quoted(split[0], other)
            )


def _rows_below(rows, split_too, split, delimiters):
    """How the rows below a header split, in words: ``rows`` at its
    delimiter, ``split_too`` those that split there too, ``split`` all of
    them at the other delimiter (``delimiters``: the header's, the other)."""
    written, shown = (DELIMITER_NAMES[d] for d in delimiters)
    first = f"{len(split[0]):,} fields between {shown}s (the first: "
    first += f"{_listed(split[0])})"
    if not split_too:
        return (
            f"no row below it has as many: each has {first}, and would be read "
            "as one name"
        )
    row, name = delimiters[0].join(split_too[0]), split_too[0][0].strip()
    whole = len(rows) - len(split_too)
    are = "is one field" if whole == 1 else "are one field"
    return (
        f"{whole:,} of the {len(rows):,} rows below it {are} between {written}s, "
        f"read as {'one name' if whole == 1 else 'one name each'}, and every row has "
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
    (:func:`~sknextchar._text.quoted_fields` without its brackets)."""
    return quoted_fields([field.strip() for field in fields])[1:-1]


def _cut(text, quote=""):
    """``text`` between ``quote`` marks, cut after
    :data:`~sknextchar._text.MAX_QUOTED_ROW` characters (a header of a
    megabyte, written again)."""
    if len(text) <= MAX_QUOTED_ROW:
        return f"{quote}{text}{quote}"
    return f"{quote}{text[:MAX_QUOTED_ROW]}...{quote} ({len(text):,} characters)"


def _split_rows(lines, delimiter):
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
