"""The rows of a CSV table, read one by one: their fields stripped, each
with the line it starts on; a row wider than its header, or a name with a
line break or a tab in it, refused (:mod:`._tables` reads a table's column
of names from them).
"""

import csv
import io

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


def check_rows_split_as_header(lines, delimiter, width, source):
    """Refuse a header row whose rows below are split at another delimiter.

    A header ``name,label`` above rows ``Anna;F`` would give the names
    ``Anna;F`` (the rows have one field at the header's comma): refused when
    every non-blank row of ``lines`` (the header's own line first, left out)
    is one field at the header's delimiter and the same number of fields (two
    or more) at a semicolon or a tab, which no name holds. A comma is never
    taken for the rows' delimiter (a name ``Smith, Anna`` under a header
    ``name;nickname``), nor are rows that split at the header's delimiter,
    even into fewer fields (a spreadsheet leaves out empty cells at the end).

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
    if width < 2 or not rows or any(len(row) > 1 for row in rows):
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
                f"The header row of {source} has {width} fields between "
                f"{written}s ({_listed(header)}), but no row below it "
                f"has as many: each has {len(split[0])} fields between {shown}s "
                f"(the first: {_listed(split[0])}), and would be read as one "
                f"name. Write the header with {shown}s, as the rows are "
                f"({between.join(fields)}), and read the file again"
                + _quoted(split[0], other)
            )


def _quoted(fields, delimiter):
    """How to keep rows as whole names, their delimiter included (not a tab:
    no name holds one)."""
    if delimiter == "\t":
        return "."
    whole = delimiter.join(fields)  # the row as written
    return (
        f" (if each row is one name, {DELIMITER_NAMES[delimiter]}s included, make "
        f'it a .csv file with each name in quotes: "{whole}").'
    )


def _listed(fields):
    return ", ".join(repr(field.strip()) for field in fields)


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
