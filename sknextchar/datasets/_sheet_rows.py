"""The word for the rows of a workbook's sheet in the messages of its reading.

A workbook's sheet is read as the text of a tab-separated table
(:mod:`~sknextchar.datasets._workbooks`), whose readers speak of lines: line 83
of that text is row 83 of the sheet, which the spreadsheet shows as such, and a
sheet has no lines. Within :func:`sheet_rows` (set by the readers of a sheet,
in Python and on the command line), the messages that number a table's lines
(:func:`line_word`) say "row".
"""

import contextlib
import contextvars

__all__ = ["in_sheet", "line_word", "sheet_rows"]

_SHEET = contextvars.ContextVar("sknextchar_sheet_rows", default=False)


@contextlib.contextmanager
def sheet_rows():
    """Within it, the lines read are a workbook sheet's rows.

    Examples
    --------
    >>> with sheet_rows():
    ...     line_word(2)
    'rows'
    >>> line_word(1)
    'line'
    """
    token = _SHEET.set(True)
    try:
        yield
    finally:
        _SHEET.reset(token)


def in_sheet():
    """Whether the lines read are a workbook sheet's rows (:func:`sheet_rows`).

    Examples
    --------
    >>> in_sheet()
    False
    """
    return _SHEET.get()


def line_word(n):
    """``"line"`` or ``"lines"`` for ``n`` of them, ``"row"`` or ``"rows"``
    in a sheet.

    Examples
    --------
    >>> line_word(1), line_word(3)
    ('line', 'lines')
    """
    word = "row" if in_sheet() else "line"
    return word if n == 1 else f"{word}s"
