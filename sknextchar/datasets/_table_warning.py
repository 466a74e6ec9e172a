"""The warning of a file read one name per line that looks like a table:
what to pass to read its column of names (:func:`warn_if_table`, for
:func:`~sknextchar.datasets.load_names` and
:func:`~sknextchar.train_from_file`).
"""

import warnings

from .._name_headers import typed_header
from .._shown_paths import shown_path
from .._stacklevel import user_stacklevel
from .._words import quoted_row
from ._column_arguments import headerless_advice, row_fields
from ._sheet_rows import line_word
from ._table_rows import (
    DELIMITER_NAMES,
    LINES_LOOKED_AT,
    check_not_separator_line,
    rows_below_header,
)
from ._tables import TitleLinesError, detect_table, headerless_table, lines_looked_at

__all__ = ["warn_if_table"]


def warn_if_table(lines, names, path, *, reader="load_names", also=None):
    """Warn when a file read one name per line looks like a table.

    A header row with a column of names (``name,label``, or a pandas export's
    ``,name,label``), or the same number of fields on every line: each whole
    line would be a name. The warning says how to read the column of names.

    Parameters
    ----------
    lines : list of str
        The file's first lines as read (the first :data:`LINES_LOOKED_AT` tell
        a table from a list; more are not looked at).
    names : list of str
        The names read from the file (lines stripped, blank ones skipped): all
        of them, or those of ``lines`` and one more when there are more.
    path : str or os.PathLike
        The file, as the warning names it.
    reader : str, default="load_names"
        The function that reads the file, as the warning names it.
    also : callable or None, default=None
        Called with ``lines`` and the table found (a header row): what else
        the reader could read of it, said beside ``names_column`` in the
        advice (:func:`~._column_choice.labels_and_counts_advice`).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_if_table([",name,label\\n", "0,Asha,f\\n"], ["0,Asha,f"], "a.csv")
    >>> "pass names_column='name'" in str(caught[0].message)
    True
    """
    try:
        table = detect_table(iter(lines), path, warn=False)
    except ValueError as exc:  # a "sep=;" line, a title above the header, or a
        # column of names with a twin
        done = "moved or deleted" if getattr(exc, "moved", False) else "deleted"
        then = f"once those lines are {done}, names_column reads the column of "
        then += "names by its header"  # a title, or names above the header row
        try:
            if not isinstance(exc, TitleLinesError):
                check_not_separator_line(next(iter(lines), ""), path)
                then = "once each column has a header of its own, names_column "
                then += "reads the one you mean"
        except ValueError:
            then = "once that first line is deleted, names_column reads the column "
            then += "of names by its header"
        then = "" if getattr(exc, "offered", False) else f"; {then}"  # said once
        warnings.warn(
            f"{exc} ({reader} read it one name per line, so each whole "
            f"{line_word(1)} is a name{then}.)",
            UserWarning,
            stacklevel=user_stacklevel(),
        )
        return
    if table is not None:
        header = next(ln.strip() for ln in lines[table.skipped :] if ln.strip())
        if len(table.header) == 1 and header.startswith('"'):
            return  # a quoted list: its own warning gives the same advice
        what = f"a header row {quoted_row(header)} with a column {table.column!r}"
        column = table.column
    elif (found := headerless_table(names, path)) is not None:
        delimiter, width = DELIMITER_NAMES[found[0]], found[1]
        what = f"{width} {delimiter}-separated fields on {lines_looked_at(len(names))}"
        column = None  # no header row: read by positions
    else:
        return
    offered = also(lines, table) if column and also is not None else ""
    how = _how(column, names, reader, table, offered)  # labels, counts too
    warnings.warn(
        f"{shown_path(path)} looks like a table ({what}), and {reader} reads "
        f"one name per line, so each whole {line_word(1)} is a name. To read its "
        f"column of names, {how}.",
        UserWarning,
        stacklevel=user_stacklevel(),
    )


def _how(column, names, reader, table=None, offered=""):
    """What to pass to read the column of names ``column`` (None: a table
    without a header row, whose first row is ``names[0]``) of ``table``;
    ``offered``, ``"; labels_column=... also returns their labels"``, said
    beside names_column, before the pandas call."""
    fits = reader != "load_names"  # counts weigh a fit; load_names would return them
    fields, delimiter = row_fields(names[0]) if not column else ([], ",")
    rows = rows_below_header(names[:LINES_LOOKED_AT], delimiter, "") if fields else ()
    return (
        f"pass names_column={typed_header(column)!r} (a header row is "
        f"needed{offered}), or use "
        f"pandas.read_csv(path{_pandas_arguments(table)})[{column!r}]"
        if column
        else "pass names_column='COLUMN' if its first row is a header, or if it "
        f"has no header row, "
        f"{headerless_advice(fields, delimiter, counts=fits, rows=rows)}"
        " (or use "
        "pandas.read_csv(path, header=None, sep=None, engine='python'))"
    )


def _pandas_arguments(table):
    """The arguments of ``pandas.read_csv`` that read ``table``: its
    delimiter (not sniffed: pandas sniffs a blank first line in vain), and
    below a spreadsheet's note of it (``sep=;``, on the first line, which
    pandas would take for the header row) the lines above the header skipped.

    Examples
    --------
    >>> table = detect_table(iter(["sep=;\\n", "Name;Count\\n", "Asha;3\\n"]), "a.csv")
    >>> _pandas_arguments(table)
    ", sep=';', skiprows=1"
    >>> _pandas_arguments(detect_table(iter(["Name,Count\\n", "Asha,3\\n"]), "a.csv"))
    ''
    """
    if table is None:  # pragma: no cover (a table with a header row)
        return ", sep=None, engine='python'"
    sep = "" if table.delimiter == "," else f", sep={table.delimiter!r}"
    return sep + (f", skiprows={table.skipped}" if table.skipped else "")
