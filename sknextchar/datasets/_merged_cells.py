"""Merged cells of a sheet read as the sheet shows them.

A workbook stores a merged cell's value in its first (top left) cell only;
the sheet shows it over every row the merge spans. A label merged over the
rows of its names is each row's label, and a name merged over the rows of its
counts is each row's name: the value is given to each row the merge spans
that holds another cell. A row that holds nothing else stays empty, as a
blank row: a name merged over three rows of a list is one name. A merge
within a row (a title over the columns) gives no cell more. A merge over
another (which no spreadsheet program writes) is passed over: each row of a
column is filled once at most.
"""

import re

__all__ = ["fill_merged"]

_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def fill_merged(rows, ranges):
    """Give each row a merged cell spans its value (see the module).

    Parameters
    ----------
    rows : list of list of str
        The cells of a sheet as text, row 1 first, each row as long as its
        last cell that is not empty (changed in place).
    ranges : iterable of str
        The merged ranges (``"A2:A4"``).

    Examples
    --------
    >>> rows = [["name", "sex"], ["Asha", "F"], ["Zoë"], ["Bo"], [], ["Ravi", "M"]]
    >>> fill_merged(rows, ["B2:B5"])
    >>> rows
    [['name', 'sex'], ['Asha', 'F'], ['Zoë', 'F'], ['Bo', 'F'], [], ['Ravi', 'M']]
    """
    filled = {}  # column -> the last row a merge spans in it
    for merged in sorted(filter(None, map(_span, ranges))):
        (top, column), (bottom, right) = merged
        if top <= filled.get(column, 0):
            continue  # over another merge, which no program writes
        filled[column] = bottom
        if top > len(rows) or column >= len(rows[top - 1]):
            continue  # an empty merged cell
        value = rows[top - 1][column]
        for row in rows[top : min(bottom, len(rows))]:
            others = row[:column] + row[right + 1 :]
            if any(cell.strip() for cell in others):
                row.extend([""] * (column + 1 - len(row)))
                row[column] = value


def _span(ref):
    """The (row, column) of the top left and bottom right cells of the range
    ``ref`` (rows from 1, columns from 0), or None for another ref."""
    cells = [_CELL.fullmatch(part) for part in ref.split(":")]
    if len(cells) != 2 or not all(cells):
        return None
    (first, top), (last, bottom) = (cell.groups() for cell in cells)
    return (int(top), _column(first)), (int(bottom), _column(last))


def _column(letters):
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1
