"""The rows of a CSV table, read one by one: their fields stripped, each
with the line it starts on; a row wider than its header, or a name with a
line break or a tab in it, refused (:mod:`._tables` reads a table's column
of names from them).
"""

import csv
import io

__all__ = ["check_one_line", "check_width", "table_rows", "text_lines"]


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
