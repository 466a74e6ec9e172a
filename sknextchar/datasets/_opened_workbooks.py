"""An Excel workbook opened by openpyxl to be read a row at a time.

A workbook with chart sheets is opened from a copy without their parts
(openpyxl fails on some, and they hold no cells), kept in memory while it is
small; a workbook openpyxl cannot open is refused with :func:`.unreadable`.
"""

import contextlib
import shutil
import tempfile
import zipfile

from ._workbook_errors import unreadable

__all__ = ["open_book"]

_IN_MEMORY = 1 << 20  # bytes of a workbook's copy kept in memory, the rest on disk


@contextlib.contextmanager
def open_book(openpyxl, path, data_only, charts=()):
    """The workbook, opened to be read a row at a time (from an open file:
    openpyxl refuses a path of another suffix than its own), without the
    parts of its ``charts`` (chart sheets: openpyxl fails on some, and they
    hold no cells).

    Examples
    --------
    >>> import os, tempfile, openpyxl
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.xlsx")
    ...     openpyxl.Workbook().save(path)
    ...     with open_book(openpyxl, path, True) as book:
    ...         book.sheetnames
    ['Sheet']
    """
    with _without_parts(path, charts) if charts else open(path, "rb") as file:
        try:
            book = openpyxl.load_workbook(
                file, read_only=True, data_only=data_only, keep_links=False
            )
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise unreadable(path, exc) from None
        try:
            yield book
        finally:
            book.close()


def _without_parts(path, left_out):
    """A copy of the zip archive ``path`` without the members ``left_out``
    (stored, not compressed again: its size was bounded), each part copied
    a block at a time into a temporary file (in memory while it is small)."""
    copy = tempfile.SpooledTemporaryFile(_IN_MEMORY)
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(copy, "w") as kept:
        for member in archive.infolist():
            if member.filename not in left_out:
                with (
                    archive.open(member) as part,
                    kept.open(member.filename, "w") as to,
                ):
                    shutil.copyfileobj(part, to)
    copy.seek(0)
    return copy
