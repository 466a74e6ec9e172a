"""The sheet of a workbook read: the one named (by its name or position), or
the first visible one, and how messages name the choice (``sheet=`` in Python,
``--sheet`` on the command line); a chart sheet named is told apart from no
sheet.
"""

import numbers

from .._shown_paths import shell_word, shown_path
from ._workbook_errors import AS_CSV

__all__ = ["chosen_sheet", "sheet_flag"]


def sheet_flag(flag, value):
    """How a message writes the choice of the sheet ``value``.

    Examples
    --------
    >>> sheet_flag("sheet", "Kids 2024"), sheet_flag("--sheet", "Kids 2024")
    ("sheet='Kids 2024'", "--sheet 'Kids 2024'")
    """
    if flag.startswith("-"):
        return f"{flag} {shell_word(str(value))}"
    return f"{flag}={value!r}"


def chosen_sheet(book, path, sheet, flag, charts=()):
    """The sheet ``sheet`` names (None: the first visible), and the note of
    which was read when there are several and none was named; ``charts``,
    the names of the chart sheets, are told apart from no sheet.

    Examples
    --------
    >>> import openpyxl
    >>> book = openpyxl.Workbook()
    >>> book.active.title = "Kids"
    >>> _ = book.create_sheet("Old")
    >>> sheet, note = chosen_sheet(book, "kids.xlsx", None, "sheet")
    >>> sheet.title
    'Kids'
    >>> print(note)  # doctest: +NORMALIZE_WHITESPACE
    read sheet 'Kids' of 'kids.xlsx', the first shown of its 2 sheets ('Kids',
    'Old'); pass sheet='Old' to read another
    """
    sheets = book.worksheets
    if not sheets:  # chart sheets alone (openpyxl was given none), or damaged
        only = f"chart sheets only ({', '.join(map(repr, charts))}), " * bool(charts)
        raise ValueError(
            f"{shown_path(path)} holds {only}no sheet of cells: put the names in a "
            f"sheet of cells, {AS_CSV}."
        )
    listed = ", ".join(_sheet_word(s, flag) for s in sheets)
    if sheet is None:
        shown = [s for s in sheets if s.sheet_state == "visible"] or sheets
        if len(sheets) == 1:
            return shown[0], None
        other = next(s for s in [*shown, *sheets] if s is not shown[0])
        note = (
            f"read sheet {shown[0].title!r} of {shown_path(path)}, "
            f"the first shown of its {len(sheets)} sheets ({listed}); "
            f"pass {sheet_flag(flag, other.title)} to read another"
        )
        return shown[0], note
    found = _named_sheet(sheets, sheet, flag)
    chart = _named_chart(charts, sheet)
    if found is None and chart is not None:
        raise ValueError(
            f"sheet {chart!r} of {shown_path(path)} is a chart sheet "
            f"(a chart, no cells), not a sheet of names: its sheets of cells are "
            f"{listed}."
        )
    if found is None:
        raise ValueError(
            f"{shown_path(path)} has no such sheet ({sheet_flag(flag, sheet)}): "
            f"its sheets are {listed}."
        )
    return found, None


def _named_sheet(sheets, sheet, flag):
    """The sheet of that name (exact, else without case), else of that
    position (from 1 in the command line, from 0 in Python), else None."""
    if isinstance(sheet, str):
        for same in (str, str.casefold):
            named = [s for s in sheets if same(s.title) == same(sheet)]
            if named:
                return named[0]
        if not sheet.strip().isdigit():
            return None
        sheet = int(sheet)
    if isinstance(sheet, bool) or not isinstance(sheet, numbers.Integral):
        raise TypeError(
            f"sheet must be a sheet's name (str) or position (int), not {sheet!r}."
        )
    at = int(sheet) - 1 if flag.startswith("-") else int(sheet)
    return sheets[at] if 0 <= at < len(sheets) else None


def _named_chart(charts, sheet):
    """The chart sheet named ``sheet`` (exact, else without case), or None."""
    if not isinstance(sheet, str):
        return None
    for same in (str, str.casefold):
        named = [title for title in charts if same(title) == same(sheet)]
        if named:
            return named[0]
    return None


def _sheet_word(sheet, flag):
    """A sheet's name in a list of the sheets, as the choice of a sheet
    takes it: a shell word in the command line (``--sheet``), else a Python
    string; " (hidden)" after a hidden sheet's."""
    title = shell_word(sheet.title) if flag.startswith("-") else repr(sheet.title)
    hidden = "" if sheet.sheet_state == "visible" else " (hidden)"
    return f"{title}{hidden}"
