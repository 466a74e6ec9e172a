"""Excel workbooks (``.xlsx``, ``.xlsm``) read as the table one sheet holds.

The cells of a sheet become the rows of a tab-separated text, one row of the
sheet a line (row 5 of the sheet is line 5 of the text), which the readers of
text files then read as any table: header, column choice, counts, labels and
their warnings are theirs, and messages name the workbook. A number stored as
``12.0`` is the text ``12``; a date is written as its ISO text, and refused
once read as a name; a formula gives the value the spreadsheet program last
computed (a formula never computed is refused, naming its cell); a merged
cell's value is given to each row it spans that holds another cell
(:mod:`._merged_cells`).

Reading needs openpyxl (the ``excel`` extra). The sizes its members declare are
checked before any is inflated, with the bounds of compressed text files,
and a part holding a document type declaration refused before any is parsed
(:mod:`._workbook_parts`). The sheet read is chosen by :mod:`._sheet_choice`,
the workbook opened by :mod:`._opened_workbooks`, and the cells read within a
spreadsheet's bounds by :mod:`._bounded_rows`; the advice its errors end with
is :mod:`._workbook_errors`'s.
"""

import datetime
import itertools
import os
import re
import stat
import warnings
import zipfile

from .._shown_paths import shown_path
from .._stacklevel import user_stacklevel
from ._bounded_rows import bounded_rows, check_rows, oversized
from ._compressed import MAX_RATIO, MIN_ALLOWED_BYTES
from ._decoded_text import cut_line
from ._file_kinds import not_text_message
from ._merged_cells import fill_merged
from ._name_sources import load_named_as, warn_renamed
from ._names_path import check_names_path
from ._opened_workbooks import open_book
from ._other_workbooks import zipped_spreadsheet
from ._sheet_choice import chosen_sheet, sheet_flag
from ._tables import DELIMITERS
from ._workbook_errors import AS_CSV, RESAVE, unreadable
from ._workbook_parts import scan_parts

__all__ = [
    "INSTALL",
    "SheetCells",
    "is_workbook",
    "sheet_cells",
    "workbook_names",
    "check_dates",
    "check_not_workbook",
    "check_sheet_file",
    "warn_text_named_workbook",
]

#: How to install what reading a workbook needs.
INSTALL = 'pip install "sknextchar[excel]"'
_MAX_MEMBERS = 10_000
_ZIP_MAGIC = b"PK\x03\x04"
_SUFFIXES = (".xlsx", ".xlsm")  # the suffixes of the workbooks read
_BREAK = re.compile(r"[\r\n]")
_READ_CSV = re.compile(r"pandas\.read_csv\(path((?:, header=None)?)[^)]*\)")


def is_workbook(path):
    """Whether the file ``path`` is an Excel workbook (a zip archive of
    ``xl/`` members), told by its content.

    Examples
    --------
    >>> is_workbook(os.devnull)
    False
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe is read once
            return False
        with open(path, "rb") as f:
            if f.read(4) != _ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as archive:
            return any(name.startswith("xl/") for name in archive.namelist())
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return False


def warn_text_named_workbook(path):
    """Warn that the file ``path``, named as a workbook (``.xlsx``), holds
    text: it is read as a text file, one name a line (a header only in a
    ``.csv`` or ``.tsv`` file on the command line), which its suffix does
    not say; ``names_column`` reads its first line as a header.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.xlsx")
    ...     with open(path, "w") as f:
    ...         _ = f.write("name\\nAsha\\n")
    ...     with warnings.catch_warnings(record=True) as caught:
    ...         warnings.simplefilter("always")
    ...         warn_text_named_workbook(path)
    >>> print(caught[0].message)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    '...kids.xlsx' is named as an Excel workbook (.xlsx) but holds text, not
    a workbook: it is read as a text file of names, one a line, its first line
    too; if that line is a header, pass names_column=, the header of its
    column of names.
    """
    suffix = os.path.splitext(path)[1]
    if suffix.casefold() not in _SUFFIXES or not os.path.isfile(path):
        return
    if not_text_message(path) is not None:  # refused as what it is
        return
    warnings.warn(
        f"{shown_path(path)} is named as an Excel workbook ({suffix}) but holds "
        "text, not a workbook: it is read as a text file of names, one a line, "
        "its first line too; if that line is a header, pass names_column=, the "
        "header of its column of names.",
        stacklevel=user_stacklevel(),
    )


def workbook_names(load, path, sheet, **arguments):
    """``load`` (:func:`~sknextchar.datasets.load_names`) on the text of a
    sheet of the workbook ``path`` (:func:`sheet_cells`), its messages naming
    the workbook; a :class:`UserWarning` says which sheet was read when it has
    several and ``sheet`` is None.

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> from sknextchar.datasets import load_names
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.xlsx")
    ...     book = openpyxl.Workbook()
    ...     book.active.append(["Asha"])
    ...     book.save(path)
    ...     workbook_names(load_names, path, None)
    ['Asha']
    """
    cells = sheet_cells(path, sheet)
    if cells.note is not None:
        warnings.warn(
            f"{cells.note[0].upper()}{cells.note[1:]}.", stacklevel=user_stacklevel()
        )
    base = f"{os.path.basename(path)}.tsv"
    data = cells.text.encode("utf-8")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")  # told below, under the caller's filters
            loaded = load_named_as(load, data, path, base, "utf-8", **arguments)
    finally:  # an error's warnings are told too
        warn_renamed(caught, _read_excel)  # pandas reads a workbook with read_excel
    check_dates(path, cells, loaded if isinstance(loaded, list) else loaded[0])
    return loaded


def _read_excel(text):
    return _READ_CSV.sub(r"pandas.read_excel(path\1)", text)


def check_sheet_file(path, sheet, flag="sheet"):
    """``path``, checked to be a workbook when a ``sheet`` of it is asked for.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.csv")
    ...     with open(path, "w") as f:
    ...         _ = f.write("Asha\\n")
    ...     check_sheet_file(path, 1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: sheet=1 picks a sheet of an Excel workbook; '...kids.csv' is none: ...
    """
    if sheet is None or is_workbook(path):
        return path
    check_names_path(path, "utf-8")  # a missing file is told so
    raise ValueError(
        f"{sheet_flag(flag, sheet)} picks a sheet of an Excel workbook; "
        f"{shown_path(path)} is none: leave out {flag}."
    )


def check_not_workbook(path, caller):
    """Refuse the workbook ``path`` given to ``caller``, which reads a text
    file a chunk at a time.

    Examples
    --------
    >>> check_not_workbook(os.devnull, "train_from_file")
    """
    if is_workbook(path):
        raise ValueError(
            f"{shown_path(path)} is an Excel workbook, which {caller} cannot read "
            "a chunk at a time as it reads a text file: read its names with "
            f"load_names({shown_path(path)}) (sheet= picks a sheet) and fit the "
            f"pipeline on them, {AS_CSV}."
        )


def check_dates(path, cells, names):
    """Refuse ``names`` read from the sheet ``cells`` of the workbook ``path``
    when one is the text of a date cell (:meth:`SheetCells.date_of`).

    Examples
    --------
    >>> cells = SheetCells("Asha\\n2020-01-02\\n", "Kids", None, {"2020-01-02": "A2"})
    >>> check_dates("kids.xlsx", cells, ["Asha"])
    >>> check_dates("kids.xlsx", cells, ["Asha", "2020-01-02"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: cell A2 of sheet 'Kids' of 'kids.xlsx' holds a date (2020-01-02), ...
    """
    found = cells.date_of(names)
    if found is not None:
        raise ValueError(date_message(path, cells.title, *found))


def date_message(path, title, text, cell):
    """The error of a date read as a name (a cell the spreadsheet formats as
    a date)."""
    return (
        f"cell {cell} of sheet {title!r} of {shown_path(path)} holds a date "
        f"({text}), not a name: a cell formatted as a date shows a number or a "
        "name typed as a date; delete it, or format the column as Text and "
        "type the name again."
    )


class SheetCells:
    """The text of one sheet and what its cells were.

    Attributes
    ----------
    text : str
        The rows, tab-separated (one column: each cell as it is).
    title : str
        The sheet read.
    note : str or None
        Which sheet was read, when the workbook has several and none was
        chosen: ``"read sheet 'Names', the first of 2 ('Names', 'Old')"``.
    dates : dict
        The text of each date cell -> its cell (``"2020-01-02" -> "A5"``).
    """

    def __init__(self, text, title, note, dates):
        self.text, self.title, self.note, self.dates = text, title, note, dates

    def date_of(self, names):
        """The first of ``names`` that is a date cell's text, and its cell, or None."""
        found = (name for name in names if name in self.dates)
        name = next(found, None)
        return None if name is None else (name, self.dates[name])


def sheet_cells(path, sheet=None, flag="sheet"):
    """The cells of a sheet of the workbook ``path``, as text.

    Parameters
    ----------
    path : str
        A workbook (:func:`is_workbook`).
    sheet : str, int or None, default=None
        A sheet's name, or its position; None: the first visible sheet.
    flag : str, default="sheet"
        How messages name the choice of a sheet: ``"--sheet"`` in the command
        line, which counts positions from 1 (Python counts them from 0).

    Returns
    -------
    cells : SheetCells

    Raises
    ------
    ValueError
        If openpyxl is missing, the workbook is damaged, an Excel binary
        workbook (``.xlsb``), too large once inflated, declares a document
        type (``<!DOCTYPE``), has no such sheet (or names a chart sheet), a
        sheet of more rows than a spreadsheet program's (1,048,576) or more
        cells than 16 full columns of them, or its sheet holds no text
        (empty, or numbers only), or a formula never computed.

    Examples
    --------
    >>> sheet_cells(os.devnull)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: '/dev/null' cannot be read as an Excel workbook ...
    """
    _check_sizes(path)
    openpyxl = _openpyxl(path)
    try:
        parts = scan_parts(path, RESAVE)  # before any part is parsed
    except zipfile.BadZipFile as exc:  # a part damaged or encrypted
        raise unreadable(path, exc) from None
    check_rows(path, parts)
    with open_book(openpyxl, path, True, parts.charts.values()) as book:
        chosen, note = chosen_sheet(book, path, sheet, flag, parts.charts)
        try:  # openpyxl parses a sheet's XML as its rows are read
            rows, dates, unknown, over = bounded_rows(chosen, parts.formulas)
        except Exception as exc:  # a damaged sheet: many kinds, as in loading
            raise unreadable(path, exc) from None
    if over is not None:
        raise oversized(path, chosen.title, *over)
    fill_merged(rows, parts.merged_of(chosen.title))
    if unknown:
        _check_formulas(openpyxl, path, chosen.title, unknown, parts.charts.values())
    _check_has_text(rows, path, chosen.title)
    cells = SheetCells(_text(rows), chosen.title, note, dates)
    one_column = max(map(len, rows), default=0) <= 1  # each cell a name
    if one_column:
        _check_one_line(rows, path, chosen.title)
    if dates and one_column:
        raise ValueError(date_message(path, chosen.title, *next(iter(dates.items()))))
    return cells


def _check_sizes(path):
    """Refuse a damaged zip, an Excel binary workbook (``.xlsb``), or one
    whose members declare more bytes than a file of names of its size may
    hold (the bounds of compressed text)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise unreadable(path, exc) from None
    binary = zipped_spreadsheet([member.filename for member in members], b"")
    if binary is not None:  # an .xlsb holds xl/ parts too
        raise ValueError(f"{shown_path(path)} is {binary[0]}, never read: {binary[1]}.")
    total = sum(member.file_size for member in members)
    bound = max(MIN_ALLOWED_BYTES, MAX_RATIO * os.path.getsize(path))
    if len(members) > _MAX_MEMBERS or total > bound:
        raise ValueError(
            f"{shown_path(path)} would inflate to {total:,} bytes in "
            f"{len(members):,} parts, more than a workbook of names of its size "
            f"holds (at most {bound:,}): it is damaged or no workbook of names; "
            f"{AS_CSV}."
        )


def _openpyxl(path):
    """openpyxl, or the error that says how to install it."""
    try:
        import openpyxl
    except ImportError:
        raise ValueError(
            f"{shown_path(path)} is an Excel workbook: reading it needs openpyxl "
            f"({INSTALL}), {AS_CSV}."
        ) from None
    return openpyxl


def _check_formulas(openpyxl, path, title, unknown, charts):
    """Refuse a formula never computed (no value stored), naming its cell."""
    wanted = set(unknown)
    with open_book(openpyxl, path, False, charts) as book:
        book[title].reset_dimensions()  # the cells read before, no more
        for row in book[title].iter_rows():
            for cell in row:
                at = getattr(cell, "coordinate", None)  # None: an empty cell
                if at in wanted and _is_formula(cell.value):
                    raise ValueError(
                        f"cell {cell.coordinate} of sheet {title!r} of "
                        f"{shown_path(path)} holds a formula ({cell.value}) whose "
                        "value was never computed (the file was written by a "
                        "program, not saved by a spreadsheet): open the file in "
                        "Excel or LibreOffice and save it, then pass it again."
                    )


def _is_formula(value):
    return (
        isinstance(value, str)
        and value.startswith("=")
        or (type(value).__name__ in ("ArrayFormula", "DataTableFormula"))
    )


def _check_has_text(rows, path, title):
    """Refuse a sheet without cells, or with numbers and dates only."""
    cells = [cell for row in _filled(rows) for cell in row if cell.strip()]
    if not cells:
        raise ValueError(
            f"sheet {title!r} of {shown_path(path)} is empty: put the names in "
            "its first column, one a row, or choose the sheet that holds them."
        )
    if not any(_is_text(cell) for cell in cells):
        raise ValueError(
            f"sheet {title!r} of {shown_path(path)} holds numbers (or dates) "
            "only, no names: choose the sheet that holds the names, or check "
            "that its cells are not formatted as numbers."
        )


def _check_one_line(rows, path, title):
    """Refuse a cell of a sheet of one column that holds a line break: it
    would be read as two names, and the rows below as lines one off."""
    broken = (at for at, row in enumerate(rows, 1) if row and _BREAK.search(row[0]))
    at = next(broken, None)
    if at is not None:
        raise ValueError(
            f"cell A{at} of sheet {title!r} of {shown_path(path)} holds a line "
            f"break ({cut_line(rows[at - 1][0])!r}), and a name is one line: "
            "write the cell on one line (a break typed with Alt+Enter), or "
            "delete it."
        )


def _is_text(cell):
    try:
        float(cell)
    except ValueError:
        return not _is_date_text(cell)
    return False


def _is_date_text(cell):
    try:
        datetime.datetime.fromisoformat(cell)
    except ValueError:
        return False
    return True


def _text(rows):
    """The rows as text: one column each cell as it is, else tab-separated,
    every row as wide as the widest (a cell with a tab, a quote, a line
    break, a comma or a semicolon quoted: :func:`_field`)."""
    width = max(map(len, rows), default=0)
    blank = "\t" * (width - 1) + "\n" if width > 1 else "\n"  # a row without cells
    lines, after = [], 0  # the rows written so far
    for at in itertools.compress(range(len(rows)), rows):  # the rows with cells
        row = rows[at]
        if width > 1:
            row = map(_field, [*row, *[""] * (width - len(row))])
        lines += [blank * (at - after), "\t".join(row), "\n"]
        after = at + 1
    return "".join(lines) + blank * (len(rows) - after)


def _filled(rows):
    """The rows that hold a cell (each row without one is passed over at C
    speed: a sheet declared larger than it is has a million of them)."""
    return itertools.compress(rows, rows)


# A cell quoted in the text: one holding a quote or a line break (as CSV
# quotes), or any delimiter the table reader tries (``Rao, Asha``), so that
# the reader takes the tab for the delimiter.
_QUOTED = re.compile("[" + re.escape('"\r\n' + DELIMITERS) + "]")


def _field(cell):
    """``cell`` as a field of the tab-separated text (quoted if need be)."""
    if not _QUOTED.search(cell):
        return cell
    return '"' + cell.replace('"', '""') + '"'
