"""A sheet's cells read as text, row by row, within the bounds of a
spreadsheet program's sheet, and the error of a sheet past them.

The cells read are those the sheet holds, not the range it declares (a file
may declare any). A number stored as ``12.0`` is the text ``12``, a date its
ISO text (and the date cells are told, to be refused if read as names).
"""

import datetime

from .._shown_paths import shown_path
from ._workbook_errors import AS_CSV

__all__ = ["bounded_rows", "check_rows", "oversized"]

_DATES = (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)
# A spreadsheet program's sheet has at most 1,048,576 rows (Excel, and
# LibreOffice since 7.4); a sheet read is at most as many cells as 16
# columns of them (its widest row times its rows): a bound on the work a
# few bytes can ask, whatever range the sheet declares (and a bound on the
# cells openpyxl makes: each row as long as its last cell, an empty one too).
_MAX_ROWS = 1 << 20
_MAX_CELLS = 16 << 20


def check_rows(path, parts):
    """Refuse a workbook with a sheet of more rows than a spreadsheet
    program's sheet holds, as counted in its part's bytes: before openpyxl
    opens it, which parses the whole of a sheet that declares no range.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> part = "xl/worksheets/sheet1.xml"
    >>> check_rows("kids.xlsx", SimpleNamespace(parts={"Kids": part}, rows={part: 5}))
    >>> far = SimpleNamespace(parts={"Kids": part}, rows={part: 2_000_000})
    >>> check_rows("kids.xlsx", far)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: sheet 'Kids' of 'kids.xlsx' has more than 1,048,576 rows, ...
    """
    titles = {part: title for title, part in parts.parts.items()}
    for part, rows in parts.rows.items():
        if rows > _MAX_ROWS:
            title = titles.get(part, part)
            raise oversized(path, title, rows, 0)


def oversized(path, title, at, width, far=None):
    """The error of the sheet ``title`` of ``path`` of more rows, or more
    cells, than it may have (``_MAX_ROWS``, ``_MAX_CELLS``), found at row
    ``at``, as wide as ``width`` (to its cell ``far``).

    Examples
    --------
    >>> print(oversized("kids.xlsx", "Kids", 1_000_000, 40, "AN9"))
    ... # doctest: +NORMALIZE_WHITESPACE
    sheet 'Kids' of 'kids.xlsx' has 1,000,000 rows or more, 40 columns wide (to
    its cell AN9): over 16,777,216 cells, more than a sheet of names holds (it
    was not saved by a spreadsheet program, or holds more than names): delete
    the rows and columns that hold no names, or save the names as a CSV file
    (File > Save As) and pass that one.
    """
    if at > _MAX_ROWS:
        what = (
            f"more than {_MAX_ROWS:,} rows, more than a spreadsheet program's "
            "sheet holds"
        )
    else:
        what = (
            f"{at:,} rows or more, {width:,} columns wide (to its cell {far}): "
            f"over {_MAX_CELLS:,} "
            "cells, more than a sheet of names holds"
        )
    return ValueError(
        f"sheet {title!r} of {shown_path(path)} has {what} (it was not saved by a "
        "spreadsheet program, or holds more than names): delete the rows and "
        f"columns that hold no names, {AS_CSV}."
    )


_NO_CELLS = ()  # a row without a cell: one object for them all


def bounded_rows(sheet, formulas):
    """The cells of ``sheet`` as text, row by row from row 1; the date
    cells; with ``formulas``, the cells that are there without a value (a
    formula never computed, or a formatted empty cell). Without, the values
    alone are read (openpyxl makes no cell objects), a text kept as it is.
    The cells read are those the sheet holds, not the range it declares (a
    file may declare any): a row as long as its last cell, a row without
    cells one shared empty row; the reading stops at a row past
    ``_MAX_ROWS``, or past ``_MAX_CELLS`` cells (the widest row of text
    times the rows, or the cells openpyxl made), and says where (``over``:
    ``(row, width, the cell farthest right)``, else None).

    Examples
    --------
    >>> import os, tempfile, openpyxl
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.xlsx")
    ...     book = openpyxl.Workbook()
    ...     book.active.append(["Asha", True, datetime.date(2020, 1, 2)])
    ...     book.save(path)
    ...     book = openpyxl.load_workbook(path, read_only=True)
    ...     rows, dates, unknown, over = bounded_rows(book.active, False)
    ...     book.close()
    >>> rows, dates, over
    ([['Asha', 'TRUE', '2020-01-02']], {'2020-01-02': 'C1'}, None)
    """
    from openpyxl.utils import get_column_letter

    sheet.reset_dimensions()  # else openpyxl pads each row to the declared range
    rows, dates, unknown, width, far, cells = [], {}, [], 0, None, 0
    for at, row in enumerate(sheet.iter_rows(values_only=not formulas), 1):
        if at > _MAX_ROWS:  # even if empty: openpyxl gives one for each number
            return rows, dates, unknown, (at, width, None)  # before a row's
        if not row:  # the most rows of a sheet declared larger than it is
            rows.append(_NO_CELLS)
            continue
        if formulas:
            unknown += [c.coordinate for c in row if _no_value(c)]
            row = [cell.value for cell in row]
        texts = [value if type(value) is str else _cell_text(value) for value in row]
        if any(isinstance(value, _DATES) for value in row):
            for column, value in enumerate(row, 1):
                if isinstance(value, _DATES):
                    where = f"{get_column_letter(column)}{at}"
                    dates.setdefault(texts[column - 1], where)
        while texts and not texts[-1].strip():
            texts.pop()
        if len(texts) > width:  # the text farthest right yet: named if too many
            width, far = len(texts), f"{get_column_letter(len(texts))}{at}"
        if width * at > _MAX_CELLS:  # each row of the text read is as wide
            return rows, dates, unknown, (at, width, far)
        cells += len(row)  # as many as openpyxl made: up to the row's last cell
        if cells > _MAX_CELLS:  # formatted empty cells far right, row after row
            last = f"{get_column_letter(len(row))}{at}"
            return rows, dates, unknown, (at, len(row), last)
        rows.append(texts)
    return rows, dates, unknown, None


def _no_value(cell):
    """Whether ``cell`` is in the sheet's XML without a value (a cell typed
    as text without one is a formula computed as "": Excel's ``t="str"``)."""
    if cell.value is not None or type(cell).__name__ == "EmptyCell":
        return False
    return cell.data_type not in ("s", "str", "inlineStr")


def _cell_text(value):
    """A cell's value as its text: ``12.0`` is ``12``, a date ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, _DATES[:3]):
        return value.isoformat()
    return str(value)
