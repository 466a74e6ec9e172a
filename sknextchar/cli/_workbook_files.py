"""Excel workbooks given as the file of names of a command, and ``--sheet``.

The sheet (``--sheet NAME_OR_NUMBER``, else the first one shown) is written
as a tab-separated text to a temporary file, which the command reads in place
of the workbook, as it reads any table: messages and notes name the workbook,
and the temporary file is deleted when the command ends.
"""

import contextlib
import os
import sys
import tempfile

from .._shown_paths import shown_path
from ..datasets._sheet_rows import sheet_rows
from ..datasets._workbooks import (
    check_dates,
    check_sheet_file,
    is_workbook,
    sheet_cells,
)
from ._quiet import inform

__all__ = ["workbook_as_text"]

_FLAG = "--sheet"


@contextlib.contextmanager
def workbook_as_text(args):
    """Within the block, the command's file of names (``args.read_file``) is
    the text of its sheet when it is a workbook.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line; its file of names is replaced by a temporary
        text file (and ``args.encoding`` by UTF-8, that file's encoding), and
        ``args.places`` renames that file to the workbook.

    Raises
    ------
    ValueError
        If ``--sheet`` is given for a file that is no workbook, or the
        workbook cannot be read (:func:`~sknextchar.datasets._workbooks.sheet_cells`).

    Examples
    --------
    >>> import argparse
    >>> args = argparse.Namespace(read_file=("names_file", "NAMES_FILE"),
    ...                           names_file=None, sheet=None)
    >>> with workbook_as_text(args):
    ...     args.names_file is None
    True
    """
    dest = getattr(args, "read_file", (None, None))[0]
    path, sheet = (
        getattr(args, dest, None) if dest else None,
        getattr(args, "sheet", None),
    )
    if path is None or not is_workbook(check_sheet_file(path, sheet, _FLAG)):
        yield
        return
    cells = sheet_cells(path, sheet, _FLAG)
    if cells.note is not None:
        inform(f"Note: {cells.note}.", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        text = os.path.join(folder, f"{os.path.basename(path)}.tsv")
        with open(text, "w", encoding="utf-8", newline="") as f:
            f.write(cells.text)
        setattr(args, dest, text)
        args.encoding = "utf-8"
        places = getattr(args, "places", None)
        if places is not None:  # messages name the workbook
            places.rename(shown_path(text), shown_path(path))
            places.rename(text, path)
            places.check_values(text, lambda names: check_dates(path, cells, names))
        try:
            with sheet_rows():  # messages number the sheet's rows
                yield
        finally:
            setattr(args, dest, path)
