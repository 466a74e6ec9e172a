"""A table written for a test as an Excel workbook and as a CSV file, so that
a test reads one beside the other. openpyxl is imported when a workbook is
written: the test modules that use it skip without it (``importorskip``)."""

import csv


def written_workbook(path, rows, title=None, more=()):
    """``path``: a new workbook of ``rows`` in its first sheet, titled
    ``title`` (None: openpyxl's ``Sheet``); ``more``: ``(title, rows,
    state)`` of further sheets. Returns ``str(path)``."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if title is not None:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, other, state in more:
        extra = book.create_sheet(name)
        extra.sheet_state = state
        for row in other:
            extra.append(row)
    book.save(path)
    return str(path)


def written_csv(path, rows):
    """``path``: ``rows`` as a CSV file, a cell of None empty. Returns
    ``str(path)``."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(["" if c is None else c for c in r] for r in rows)
    return str(path)
