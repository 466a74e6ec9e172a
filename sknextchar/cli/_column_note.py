"""The note on a table of names: which column was read, which others could be.

When a command reads its names from a table (a header row, a column of
names), one line on standard error says which column it read; for ``train``,
the note also offers the other columns as the flags that would read them: a
column of numbers as ``--counts`` (whole numbers only, for the count model),
any other as ``--labels`` (a column of 0 and 1 too: a yes or no, whose names
of 0 ``--counts`` would leave out) if ``--labels`` can read it (a label on
each row, two labels at least), never a column that numbers the rows (an id).
"""

import csv
import os
import sys

from .._name_headers import (
    COLUMN_TITLES,
    header_key,
    is_name_header,
    other_names_fields,
    typed_header,
)
from .._shown_paths import shell_word, shown_path
from ..datasets._column_choice import (
    LabelCells,
    header_index,
    number_columns,
    offered_columns,
    untitled_offered,
)
from ..datasets._sheet_rows import in_sheet
from ..datasets._tables import find_table
from ..datasets._untitled_columns import numbered
from ._quiet import inform

__all__ = [
    "LabelCells",
    "header_as_name_note",
    "header_index",
    "number_columns",
    "shell_word",
    "table_note",
]


def table_note(
    table, path, training, counts=None, lines=(), by_label=True, whole=False,
    label_cells=None,
):  # fmt: skip
    """Print the one line that says which column of a table was read.

    For ``train``, the line also names the other columns it could read: a
    column of numbers as ``--counts``, the others (and a column of 0 and 1)
    as labels, if ``--labels`` can read them (:func:`_label_columns`: not an
    empty column, nor one of a single label); never
    ``counts``, already read, nor a column that numbers the rows (an id:
    neither labels nor counts).

    Parameters
    ----------
    table : Table
        The table found (:func:`~sknextchar.datasets._tables.detect_table`).
    path : str
        The file, as the user gave it.
    training : bool
        The file is ``train``'s: offer its other columns.
    counts : str or None, default=None
        ``--counts COLUMN``, already read: not offered.
    lines : sequence of str, default=()
        The first lines of the file (its header first): the cells told apart.
    by_label : bool, default=True
        Offer ``--labels`` (not with ``--chunk-size`` or ``--resume``, which
        refuse it).
    whole : bool, default=False
        Offer as ``--counts`` only columns of whole numbers (the count
        model's counts).
    label_cells : LabelCells or None, default=None
        The whole file's rows, as the names were read, when ``lines`` are
        only its first: a column of one label there is offered only if a
        second label is further down (a file sorted by label), and any
        column only if no name further down is without a label. None offers
        them (the rest of the file is not known).

    Examples
    --------
    >>> import contextlib, io
    >>> from sknextchar.datasets._tables import find_table
    >>> lines = ["name,sex\\n", "asha,f\\n", "ravi,m\\n"]
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     table_note(find_table(lines[0], "kids.csv"), "kids.csv", True, lines=lines)
    >>> err.getvalue().split(" as the names")[1]
    '; to train by label, pass --labels sex.\\n'
    """
    how = ""
    if training:
        labels, numbers = offered_columns(
            lines, table, counts, by_label, whole, label_cells
        )
        untitled = [  # name,, above Anna,F,3: --labels 2, --counts 3
            [str(at + 1) for at in numbered(found, table.header)]
            for found in untitled_offered(lines, table)
        ]
        if by_label and not labels:
            labels = untitled[0]
        how += _offer("to train by label, pass --labels", labels)
        if not numbers:
            numbers = untitled[1]
        how += _offer(
            "to weigh each name by how often it occurs, pass --counts",
            numbers * (counts is None),
        )
    if len(table.header) == 1:
        what = f"starts with the header {table.column!r}: read the names below it"
        if training:  # only train has --no-header
            what += " (if it is a name, pass --no-header --names-column 1)"
        elif header_key(table.column) != "name":
            what += " (if it is a name, add a line 'name' above it)"
        if table.skipped:  # below a title, told before
            what = f"has the header {table.column!r} (line {table.skipped + 1}): read "
            what += "the names below it"
    else:
        what = (
            f"is a table ({_kind(table)}): read "
            f"its column {table.column!r} ({table.name_at + 1} of "
            f"{len(table.header)}) as the names{_other_names(table)}{how}"
        )
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    if table.delimiter != "\t" and suffix not in (".csv", ".tsv"):
        what += (
            f" (if each line is a whole name, {table.shown_delimiter}s included, "
            "start the file with a blank line)"
        )
    inform(f"Note: {shown_path(path)} {what}.", file=sys.stderr)


def _kind(table):
    """What table it is, in the note's words: a sheet's cells are no separated
    text (its reading as one is not the user's)."""
    if in_sheet():
        return "a sheet with a header row"
    return f"{table.shown_delimiter}-separated, with a header"


def header_as_name_note(lines, path):
    """Print a note when the first line of a list of names reads as a header.

    Only a ``.csv`` or ``.tsv`` file starts with a one-column header
    (``First Name``), and another file's header split at a comma or a
    semicolon needs a row below it that splits (``name,count`` above single
    names is a name): the line is read as a name, as the documented rule
    says, and the note says how to read it as the header. A line split so
    has the note only when its other fields are headers that no name is
    (:data:`~sknextchar._name_headers.COLUMN_TITLES`: ``count``, ``sex``,
    ``year``...): ``Name, Anna`` is a name. A blank first line
    (which keeps whole lines as names) has no note.

    Parameters
    ----------
    lines : sequence of str
        The first lines of the file, read as one name per line.
    path : str
        The file, as the user gave it.

    Examples
    --------
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     header_as_name_note(["First Name\\n", "Anna\\n"], "export.txt")
    >>> "; if it is the header, pass --names-column 'First Name'" in err.getvalue()
    True
    """
    first = lines[0].strip() if lines else ""
    suffix = os.path.splitext(os.fspath(path))[1].casefold()
    if not first or first.startswith("#") or suffix in (".csv", ".tsv"):
        return  # a comment line warns of itself
    table = find_table(first, path)
    others = table and [f for i, f in enumerate(table.header) if i != table.name_at]
    if table is not None and all(header_key(f) in COLUMN_TITLES for f in others):
        column = table.column  # name,count; not Name, Anna (a name)
    elif table is None and is_name_header(first, alone=True):
        column = next(csv.reader([first]))[0]  # "name" is read as name
    else:
        return
    why = (
        "only a .csv or .tsv file starts with a one-column header"
        if table is None
        else f"no line below it has a {table.shown_delimiter}, as a table's rows do"
    )
    print(
        f"Note: {shown_path(path)} starts with {first!r}, read as a name ({why}); if "
        "it "
        f"is the header, pass --names-column {shell_word(column)} to read the "
        "names below it.",
        file=sys.stderr,
    )


def _other_names(table):
    """``; column 'Name' also holds names: ...`` for the other columns of
    ``table`` headed as names (``Name`` beside the ``Vorname`` read), as
    ``--names-column`` reads them ("" for none)."""
    others = [typed_header(f) for f in other_names_fields(table.header, table.name_at)]
    if not others:
        return ""
    which = (
        f"column {others[0]!r} also holds"
        if len(others) == 1
        else ("columns " + ", ".join(map(repr, others)) + " also hold")
    )
    return (
        f" ({which} names: pass --names-column {shell_word(others[0])} to read "
        "it instead)"
    )


def _offer(how, columns):
    """``; how COLUMN`` for the columns that a flag could read ("" for none),
    as they are typed (without a byte-order mark: :func:`typed_header`)."""
    if not columns:
        return ""
    columns = [typed_header(column) for column in columns]
    if len(columns) == 1:
        return f"; {how} {shell_word(columns[0])}"
    return f"; {how} COLUMN (one of " + ", ".join(map(repr, columns)) + ")"
