"""The advice and the error of an Excel workbook that cannot be read.

The messages of the readers of workbooks (:mod:`._workbooks` and the modules
it reads a sheet with) end with the same advice: save the names as a CSV file
(:data:`AS_CSV`), or save a suspicious workbook again (:data:`RESAVE`).
"""

import zipfile

from .._shown_paths import shown_path

__all__ = ["AS_CSV", "RESAVE", "unreadable"]

#: The advice that ends a refused workbook's message.
AS_CSV = "or save the names as a CSV file (File > Save As) and pass that one"
#: The advice for a workbook that may be unsafe to read as it is.
RESAVE = (
    "if you trust it, open it in Excel or LibreOffice and save it again as "
    f".xlsx, {AS_CSV}"
)
# Errors whose text says what is wrong with the file: a damaged zip, a part
# missing (KeyError: "There is no item named 'xl/styles.xml' in the
# archive"), XML not well formed (where); other errors are openpyxl's own.
_TOLD = (zipfile.BadZipFile, KeyError, SyntaxError, OSError, EOFError)


def unreadable(path, exc):
    """The error of a workbook that cannot be read: what was wrong when the
    error says something of the file (a zip, a part or its XML damaged),
    not an error inside openpyxl (``AttributeError: ...``), which would
    tell the user nothing.

    Examples
    --------
    >>> print(unreadable("kids.xlsx", KeyError("xl/styles.xml")))
    ... # doctest: +NORMALIZE_WHITESPACE
    'kids.xlsx' cannot be read as an Excel workbook (KeyError: 'xl/styles.xml'):
    open it in Excel or LibreOffice and save it again as .xlsx, or save the
    names as a CSV file (File > Save As) and pass that one.
    """
    why = f" ({type(exc).__name__}: {exc})" if isinstance(exc, _TOLD) else ""
    return ValueError(
        f"{shown_path(path)} cannot be read as an Excel workbook{why}: open it "
        f"in Excel or LibreOffice and save it again as .xlsx, {AS_CSV}."
    )
