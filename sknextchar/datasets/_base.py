"""The loader of a user's own file of names: ``load_names``, and its readers.

:func:`load_names` reads a file of one name per line, or a table's column
(with counts, labels, or by the positions of its columns), through the
checks of the modules it calls: the path and the text
(:mod:`~._text_files`), the column arguments (:func:`check_table_arguments`),
the warnings on comment and title lines (:mod:`~._comment_lines`). The
bundled data is in :mod:`~._bundled`.
"""

import contextlib
import itertools
import os
import stat
import unicodedata
import warnings

from .._limits import MAX_LETTERS, check_counts_total
from .._shown_paths import path_text, shown_path
from .._stacklevel import user_stacklevel
from ._column_arguments import (
    check_column_arguments,
    check_labels_column_argument,
    row_fields,
)
from ._column_choice import labels_and_counts_advice
from ._comment_lines import numbered_lines, warn_comment_lines, warn_title_name
from ._counted_rows import counted_rows, labelled_counts
from ._encoding import SAMPLE_BYTES
from ._family_records import warn_names_look, warn_surname_shape
from ._header_as_data import warn_named_header
from ._label_values import refuse_one_label, warn_case_twins
from ._labelled_table import labelled_rows, labelled_table
from ._long_lines import MAX_ROW_LETTERS, check_line_lengths
from ._name_sources import is_file_object, names_of_file_object
from ._positions import (
    NoNamesError,
    PlacedColumn,
    check_header_arguments,
    position_counted_rows,
    position_table,
)
from ._quoted_lines import PYTHON_ONE_COLUMN, warn_quoted_lines
from ._sheet_rows import sheet_rows
from ._table_rows import (
    LINES_LOOKED_AT,
    UnnamedRows,
    UnnamedRowsWarning,
    check_header_mix,
    header_line,
    rows_below_header,
    text_lines,
    unnamed_rows_words,
    without_title,
)
from ._table_warning import warn_if_table
from ._tables import TitleLinesError, column_values, detect_table, find_table, table_of
from ._text_files import open_lines, read_text
from ._untitled_columns import empty_column_told
from ._workbooks import (
    check_sheet_file,
    is_workbook,
    warn_text_named_workbook,
    workbook_names,
)

__all__ = [
    "check_table_arguments",
    "first_lines",
    "check_not_empty",
    "header_row_of_lines",
    "labelled_names",
    "load_names",
    "warn_unnamed_rows",
]


def load_names(
    path, *, encoding="utf-8", names_column=None, counts_column=None, header="infer",
    labels_column=None, sheet=None,
):  # fmt: skip
    """Load names from a text file with one name per line, or a table's column.

    The file may start with a UTF-8 byte-order mark, may end its lines in any
    way (``\\n``, ``\\r\\n``, ``\\r``) and may end with the end-of-file mark
    of old Windows tools (Ctrl-Z, U+001A; refused anywhere else as a control
    character). Surrounding whitespace is stripped and blank lines are
    skipped; nothing else is changed (case, accents and the alphabet are the
    transformer's business). A line is a name as it is,
    commas, quotes and all: ``load_names`` guesses nothing (a line that
    starts with ``#``, a comment or a title, is read as a name too, with a
    :class:`UserWarning` that asks for it to be deleted; so are lines that
    are each one field in double quotes, ``"Smith, Anna"``, with a
    :class:`UserWarning` that says how to read them as CSV). A file that looks
    like a spreadsheet's export (a header row with a column ``name``, ``first
    name``..., or the same number of tab-separated fields on every line, or of
    comma- or semicolon-separated ones in a ``.csv`` or ``.tsv`` file, or in
    any file when every line ends in a count or an empty field, ``Anna,,``)
    is read so all the same, with a :class:`UserWarning` that says how to read its
    column of names: ``names_column``, or pandas' ``read_csv``.

    Parameters
    ----------
    path : str, bytes, os.PathLike or file object
        The file to read: its path, or a file object (an open file, in text
        or binary mode, ``io.StringIO``, ``io.BytesIO``...), read from where
        it is with ``read()`` and parsed as a file of that name would be
        (``.csv``...), as pandas' ``read_csv`` takes one. A file compressed
        with gzip, bzip2 or xz (``names.txt.gz``, told by its first bytes) is
        read as the text it holds.
    encoding : str, default="utf-8"
        The file's text encoding, e.g. ``"latin-1"`` or ``"utf-16"`` (a file
        object whose ``read()`` gives str is decoded already). With UTF-8,
        a UTF-16 or UTF-32 byte-order mark selects that encoding. A byte-order
        mark in the encoding given is skipped (UTF-8's, or UTF-16's with
        ``"utf-16-le"``).
    names_column : str or None, default=None
        Read the file as a table (a CSV file: a header row, a comma, semicolon
        or tab between fields, quotes around a field that holds one) and return
        the values of the column with this header (compared without case, ``_``
        and ``-`` read as spaces), rows without a value skipped. None reads one
        name per line.
    counts_column : str, int or None, default=None
        The header of a column of counts of the table (compared as the names'
        header is; a column left without a title in the header row, ``name,``
        above ``Anna,3``, by its position counted from 0, as for
        ``labels_column``: ``counts_column=1``): return each name's number,
        read on the name's own row, as well. ``names_column`` is then needed
        (the column of names is not guessed, as in
        :func:`~sknextchar.train_from_file`); a file without a
        header row needs one (e.g. ``name,count``). A count is a number >= 0
        (a fraction is kept, 0 is kept: ``fit`` leaves a name of count 0 out
        of training) of at most 2**53, written without thousands separators
        (in a semicolon- or tab-separated table, also as a spreadsheet set to
        a decimal comma writes it: ``1.234.567``, ``2,5``; a column whose
        every point could be either, such as ``17.728``, reads decimal
        points, with a warning; a tab table's ``17,728`` is read as 17.728
        when the column has a decimal comma, refused otherwise).
        The counts go to ``fit(names, sample_weight=counts)`` (not to
        ``fit(names, counts)``: the second argument is the labels). None
        returns the names only.
    header : {"infer", None}, default="infer"
        ``"infer"``: the first row of a table is its header, and
        ``names_column`` and ``counts_column`` are headers. None: the file is
        a table without a header row (the US baby-name files,
        ``Emma,F,18688``; a list ``Aarav,1203``), read from its first row;
        ``names_column`` (needed) and ``counts_column`` are then the positions
        of their columns, counted from 0 as pandas counts them
        (``header=None, names_column=0, counts_column=2``). The delimiter is
        the one (comma, semicolon or tab) that splits the first row into the
        most fields, and a row may not have more fields than that one. A
        position with ``header="infer"`` is refused: the header row would be
        read as a name, but for a column left without a title.
    labels_column : str, int or None, default=None
        The header of a table's column of labels (compared as the names' header
        is; a column left without a title in the header row, ``name,`` above
        ``Anna,F``, by its position counted from 0, as pandas' ``usecols``
        counts: ``labels_column=1``): return the label of each name too, read on
        its row, as ``sknextchar train --labels COLUMN`` reads them (one reader:
        the same names, labels and counts). The column of names is then
        ``names_column``, else the first whose header says "name", else the
        first that is not the labels'; the delimiter is the one whose header row
        holds ``labels_column``; a title above the header row is left out, with
        a warning. Rows with a name and no label are refused (the message gives
        the line of each, once the file is read, or at once when the first 100
        rows have none). Labels are returned in Unicode
        NFC. With
        ``header=None``, the position of the column (counted from 0), read
        as ``sknextchar train --no-header --labels N`` reads column N
        (counted from 1): ``header=None, names_column=0, labels_column=1``
        reads ``Emma,F,18688``. None returns no labels.
    sheet : str, int or None, default=None
        For an Excel workbook (``.xlsx``, ``.xlsm``, told by its content; reading
        one needs openpyxl, ``pip install "sknextchar[excel]"``): the sheet to
        read, by its name (compared without case when no name is the same) or
        its position counted from 0. None reads the first sheet shown (a
        hidden one is passed over), with a :class:`UserWarning` that names it
        when the workbook has several. The sheet is read as a CSV file of the
        same rows is read (``names_column``, ``counts_column``,
        ``labels_column`` and ``header`` alike): a count stored as ``12.0`` is
        12, a formula gives the value last computed, a merged cell's value is
        in its first cell only, and a date read as a name is refused. A sheet
        has no lines: given no column (nor ``header=None``), a sheet whose
        first row is a header row with a column of names (``name``, ``first
        name``, ``Vorname``...: the rule of ``sknextchar train``) is read for
        that column, as ``names_column`` would read it, and a sheet without
        one a name a row. Messages number the sheet's rows (``rows 3 and
        7``).

    Returns
    -------
    names : list of str
        The names, in file order.
    labels : list of str
        Only with ``labels_column``: the label of each name, returned
        between the names and the counts (``names, labels, counts``, the
        arguments of ``fit(names, labels, sample_weight=counts)``).
    counts : ndarray of shape (n_names,), dtype float64
        Only with ``counts_column``: the count of each name.

    Raises
    ------
    TypeError
        If ``names_column``, ``labels_column`` or ``counts_column`` is not a
        header (a str) or None, such as a column's position (before the file
        is read, but for the header row that the message names); with
        ``header=None``, if one is not a position (a str, a bool, a float).
    FileNotFoundError
        If there is no such file.
    ValueError
        If the file is not text in ``encoding`` (it cannot be decoded, or it
        holds NUL characters), holds a control character (ESC, U+0080 to
        U+009F...; not the tab) or, without ``names_column``, a line of more
        than 1,000 characters (the message gives its line), or holds no name;
        with ``names_column``, if the header has no such column or a row has
        more fields than the header;
        with ``counts_column``, if ``names_column`` is None, the header has no
        such column besides the names', or rows' cells in it are not counts
        (the message gives the line of each, the first five and how many
        more, once the file is read, or at once when the first 100 rows have
        none), or the counts add up to more than 2**53;
        with ``labels_column``, if the header row has no such column (the
        message names the columns it has, or says how to read a file
        without a header row), no column of names beside it, or a row has a
        name and no label, or with ``header=None``, if it is the column of
        names or counts, or no column of the first row;
        if a column's header is blank (``names_column=""``);
        if ``header`` is neither ``"infer"`` nor None; with ``header=None``, if
        ``names_column`` is None, a position is negative, is not a column of
        the first row (the message says how many it has) or is given twice;
        if the file is a pipe that no program writes to, or whose program
        ended without writing anything (an internal subclass of ValueError,
        which may change from one version to the next: catch ValueError).

    Examples
    --------
    >>> import tempfile, os
    >>> from sknextchar.datasets import load_names
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "wb") as f:
    ...         _ = f.write("\\ufeffAsha\\r\\n\\r\\n  Zoë \\r\\n".encode("utf-8"))
    ...     load_names(path)
    ['Asha', 'Zoë']

    A spreadsheet's export, read for its column of names:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write('name;gender\\n"Smith, Anna";f\\nJosé;m\\n')
    ...     load_names(path, names_column="name")
    ['Smith, Anna', 'José']

    Names with how many times each occurs, for ``sample_weight``:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "births.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("name,sex,count\\nOlivia,F,17728\\nLiam,M,20272\\n")
    ...     names, counts = load_names(path, names_column="name", counts_column="count")
    >>> names, counts
    (['Olivia', 'Liam'], array([17728., 20272.]))

    A spreadsheet's export with labels and counts, read as ``sknextchar
    train names.csv --labels sex --counts count`` reads it:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "births.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("Name,Sex,Count\\nOlivia,F,17728\\nLiam,M,20272\\n")
    ...     load_names(path, labels_column="sex", counts_column="count")
    (['Olivia', 'Liam'], ['F', 'M'], array([17728., 20272.]))

    A file without a header row (the US baby-name files), read by the
    positions of its columns, counted from 0:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "yob2018.txt")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("Emma,F,18688\\nLiam,M,19837\\n")
    ...     load_names(path, header=None, names_column=0, counts_column=2)
    (['Emma', 'Liam'], array([18688., 19837.]))

    The same file with its labels, read as ``sknextchar train yob2018.txt
    --no-header --names-column 1 --labels 2 --counts 3`` reads it:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "yob2018.txt")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("Emma,F,18688\\nLiam,M,19837\\n")
    ...     load_names(
    ...         path, header=None, names_column=0, labels_column=1, counts_column=2
    ...     )
    (['Emma', 'Liam'], ['F', 'M'], array([18688., 19837.]))

    An open file, or text in memory:

    >>> import io
    >>> load_names(io.StringIO("Asha\\nRavi\\n"))
    ['Asha', 'Ravi']
    """
    if is_file_object(path):  # as a path is read, from a temporary copy
        columns = dict(names_column=names_column, counts_column=counts_column)
        columns.update(header=header, labels_column=labels_column, sheet=sheet)
        return names_of_file_object(load_names, path, encoding, **columns)
    path = path_text(path)
    if sheet is not None or is_workbook(path):  # its sheet read as a table
        columns = dict(names_column=names_column, counts_column=counts_column)
        columns.update(header=header, labels_column=labels_column)
        path = check_sheet_file(path, sheet)
        return workbook_names(_sheet_names, path, sheet, **columns)
    if labels_column is not None:
        columns = names_column, labels_column, counts_column
        return labelled_names(path, encoding, header, columns)
    if check_table_arguments(path, encoding, header, names_column, counts_column):
        return _names_by_position(path, encoding, names_column, counts_column)
    if names_column is None:  # one name a line (the arguments checked)
        warn_text_named_workbook(path)  # read as the text it is
    # One name a line: read as rows, so that a table is told (and how to read
    # it) before a row too long for a name is refused.
    named = MAX_LETTERS if names_column is None else None  # what it says
    text = read_text(path, encoding=encoding, longest=MAX_ROW_LETTERS, named=named)
    source = shown_path(path)
    if counts_column is not None:
        return _counted_names(text, path, names_column, counts_column)
    if names_column is not None:
        table, unnamed = table_of(text_lines(text), path, names_column), UnnamedRows()
        warn_named_header(text_lines(text), table, path)  # Emma,F: a row of data?
        rows = column_values(text_lines(text), table, source, unnamed)
        names = [name for _, name in rows]
        warn_unnamed_rows(unnamed, source, none_named=not names)
        warn_names_look(names, table, python=True)  # Sex: F, M
    else:
        names = [name for name in (line.strip() for line in text.splitlines()) if name]
        head = list(itertools.islice(text_lines(text), LINES_LOOKED_AT))
        warn_if_table(head, names, path, also=labels_and_counts_advice)
        check_line_lengths(text, path, MAX_LETTERS)
        warn_comment_lines(names, path)
        warn_title_name(numbered_lines(text), path)
        warn_quoted_lines(names, path, PYTHON_ONE_COLUMN)
    warn_surname_shape(
        names, names_column is not None, shown_path(path)
    )  # Kowalski, Jan
    check_not_empty(names, path, names_column)
    return names


def labelled_names(path, encoding, header, columns):
    """``load_names(path, labels_column=...)``: the names of a table with
    their labels (and counts), read as ``train --labels`` reads them
    (:func:`~._labelled_table.labelled_table`; with ``header=None``, by the
    positions of its columns, as ``train --no-header`` reads them);
    ``columns`` are the arguments ``names_column``, ``labels_column`` and
    ``counts_column``."""
    names_column, labels_column, counts_column = columns
    header_row = lambda: _header_row_of_file(path, encoding)  # noqa: E731
    check_labels_column_argument(labels_column, counts_column, header, path, header_row)
    by_position = check_header_arguments(
        header, names_column, counts_column, labels_column
    )
    if not by_position:
        check_column_arguments(names_column, None, path, header_row)
    if not isinstance(labels_column, str):  # a position (numpy's too): an int
        labels_column = int(labels_column)
    text = read_text(path, encoding=encoding, longest=MAX_ROW_LETTERS)
    source, placed, words = shown_path(path), None, None
    if by_position:  # "its 2nd column (labels_column=1)", as --no-header reads it
        positions = {"names": names_column, "labels": labels_column}
        if counts_column is not None:  # each a column of the first rows
            positions["counts"] = counts_column
        table = position_table(text_lines(text), path, positions)
        label_at, words = labels_column, PlacedColumn(labels_column).read_as("labels")
        placed = None if counts_column is None else PlacedColumn(counts_column)
    else:
        text, table, label_at = labelled_table(
            text, path, source, labels_column, names_column, counts_column=counts_column
        )
        if not isinstance(labels_column, str):  # an untitled column, by position
            words = PlacedColumn(labels_column).read_as("labels")
    unnamed = UnnamedRows()

    def rows(others=None):  # others: each row without a label (its count)
        return labelled_rows(text, table, label_at, source, unnamed, words, others)

    counts, told = None, contextlib.nullcontext()  # an empty untitled column is
    if not by_position:  # told so (labels_column=2 of "name,," above "Anna,F,")
        told = empty_column_told(text, table, label_at, source)
    with told:
        if counts_column is None:
            pairs = [(fields[table.name_at], fields[label_at]) for _, fields in rows()]
        else:
            found = text, table, label_at, rows, source, counts_column
            pairs, counts = labelled_counts(*found, placed)
    kept = ("label",) if counts_column is None else ("count", "label")
    warn_unnamed_rows(unnamed, source, kept, none_named=not pairs)
    if not pairs and not by_position:
        raise ValueError(f"{source} holds no names below its header.")
    names = [name for name, _ in pairs]
    check_not_empty(names, path, names_column)  # in its 1st column (names_column=0)
    labels = [unicodedata.normalize("NFC", label) for _, label in pairs]
    given = f"labels_column={labels_column!r}"
    told = ("a classifier", "pass labels_column=None to load the names alone")
    refuse_one_label(labels, counts, given, told)
    warn_case_twins(labels, given, source, user_stacklevel(), "load it again")
    return (names, labels) if counts is None else (names, labels, counts)


def check_table_arguments(path, encoding, header, names_column, counts_column):
    """Refuse ``header``, ``names_column`` and ``counts_column`` before the
    file at ``path`` is read (``load_names`` and ``train_from_file``): with
    ``header=None``, positions (:func:`~._positions.check_header_arguments`);
    else headers, a refusal naming the columns of the file's header row
    (:func:`~._column_arguments.check_column_arguments`). Returns whether the
    file is read by positions.
    """
    if check_header_arguments(header, names_column, counts_column):
        return True
    header_row = lambda: _header_row_of_file(path, encoding)  # noqa: E731
    check_column_arguments(names_column, counts_column, path, header_row)
    return False


def _header_row_of_file(path, encoding):
    """:func:`header_row_of_lines` of the first lines of the file at
    ``path`` (:func:`first_lines`): what
    :func:`~sknextchar.datasets._column_arguments.check_column_arguments`
    names when it refuses a ``names_column``, and which untitled columns it
    offers. A header row that mixes delimiters, most rows below it not as
    wide as it, is refused as such (``check_header_mix``): a column offered
    from it (``'sex;count'``) would read nothing."""
    lines = first_lines(path, encoding)
    found = header_row_of_lines(lines, path)
    table, rows = found[1:]
    wide = [len(fields) != len(getattr(table, "header", ())) for _, fields in rows]
    if table is not None and 2 * sum(wide) > len(rows):
        check_header_mix(without_title(lines, table.skipped), shown_path(path))
    return found


def header_row_of_lines(lines, path):
    """The header row of the first ``lines`` of a file, its table (None if
    no column of names is found) and the rows below it (``(line, fields)``,
    as far as those lines go; with no table, split as the first row splits);
    ``(None, None, ())`` if it is not known: no lines (``lines`` None: the
    file cannot be read). Below a title (``Baby
    names 2024,``) or Excel's ``sep=;`` line, the header row is the row
    below that line (on line ``table.skipped + 1``: messages name it by its
    line, not as the first row), its table and rows those below it, where a
    position reads an untitled column (as ``--labels 2`` does).

    Examples
    --------
    >>> first, table, rows = header_row_of_lines(["name,\\n", "Anna,3\\n"], "k.csv")
    >>> first, table.header, rows
    ('name,\\n', ['name', ''], [(2, ['Anna', '3'])])
    >>> lines = ["sep=;\\n", "name;sex\\n", "Anna;F\\n"]
    >>> first, table, _ = header_row_of_lines(lines, "k.csv")
    >>> first, table.skipped
    ('name;sex\\n', 1)
    """
    first = None if lines is None else header_line(lines)
    first, table = _header_row_of_lines(lines, first, path)
    if table is None:  # the rows below, split as the first row is
        delimiter = row_fields(first)[1] if first else ","
        return first, None, rows_below_header(lines or [], delimiter, shown_path(path))
    lines = list(without_title(lines, table.skipped))  # a title's left out
    first = header_line(lines) if table.skipped else first  # on line skipped + 1
    return first, table, rows_below_header(lines, table.delimiter, shown_path(path))


def _header_row_of_lines(lines, first, path):
    """The header row ``first`` of the first ``lines`` of the file at
    ``path`` and its table, as :func:`header_row_of_lines` returns them."""
    if not first:
        return first, None
    try:
        table = find_table(first, path)
    except ValueError:  # Excel's "sep=;" line: the table is below it, if any
        first = table = None
    try:
        below = detect_table(iter(lines), path, warn=False)
    except TitleLinesError:  # a title above the header, refused when read
        return None, None
    except ValueError:  # twin headers: the refusal tells them
        below = None
    if getattr(below, "skipped", 0):  # a title: the first row is not the header
        return None, below
    return first, table


def _sheet_names(path, *, encoding, names_column=None, **columns):
    """:func:`load_names` on the text of a workbook's sheet at ``path``
    (tab-separated, a ``.tsv``); asked for no column (nor ``header=None``), it
    reads the column of names of a sheet with a header row, found by the rule
    of the command line (:func:`~._tables.detect_table`): a sheet has no
    lines, and a row's cells joined by tabs are never a name."""
    wanted = (names_column, columns["counts_column"], columns["labels_column"])
    if wanted == (None, None, None) and columns["header"] == "infer":
        with contextlib.suppress(ValueError):  # refused as the sheet is read
            lines = first_lines(path, encoding) or []
            table = detect_table(lines, path, warn=False)
            names_column = None if table is None else table.column
    with sheet_rows():  # its messages number the sheet's rows
        return load_names(path, encoding=encoding, names_column=names_column, **columns)


def first_lines(path, encoding):
    """The first lines of a regular file (:data:`LINES_LOOKED_AT` at most, of
    its first ``SAMPLE_BYTES`` characters, a line cut there left out), or
    None if it cannot be read (not a regular file: a pipe is not read; a
    ``path`` that is no str, bytes or os.PathLike, such as a file descriptor,
    which reading would close; an ``encoding`` that is not a str, refused when
    the file is read).

    It never raises, unlike the command line's reader of a chunked file's
    first lines (``_first_lines`` in :mod:`sknextchar.cli._labelled`), which
    decides how the file is read: this one serves a hint in the message of
    an error being raised (:func:`_header_row_of_file`), which another error
    must not replace, and reads no pipe (the call refused did not read it).

    Examples
    --------
    >>> first_lines("no such file.csv", "utf-8") is None
    True
    """
    if not isinstance(encoding, str) or not isinstance(path, (str, bytes, os.PathLike)):
        return None
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open_lines(path, encoding) as file:
            text = file.read(SAMPLE_BYTES)
    except (OSError, LookupError, ValueError):  # UnicodeDecodeError too
        return None
    lines = list(itertools.islice(text_lines(text), LINES_LOOKED_AT + 1))
    if len(lines) > LINES_LOOKED_AT or len(text) == SAMPLE_BYTES:
        lines.pop()  # cut (or one more than looked at)
    return lines if lines or not text else None


def _names_by_position(path, encoding, names_at, counts_at):
    """The names (and counts) of a table without a header row: ``header=None``."""
    text = read_text(path, encoding=encoding, longest=MAX_ROW_LETTERS)
    if counts_at is not None:
        return _counted_names(text, path, names_at, counts_at, by_position=True)
    table, unnamed = (
        position_table(text_lines(text), path, {"names": names_at}),
        UnnamedRows(),
    )
    source = shown_path(path)
    names = [
        name for _, name in column_values(text_lines(text), table, source, unnamed)
    ]
    warn_unnamed_rows(unnamed, source, none_named=not names)  # no other cell read
    check_not_empty(names, path, names_at)  # told after the rows it left out
    return names


def _counted_names(text, path, names_column, counts_column, *, by_position=False):
    """The names of a table's column and the counts of another, checked."""
    import numpy as np  # not at import: the command line's help does without it

    again = lambda: text_lines(text)  # noqa: E731 (counts such as 1.500 tell late)
    unnamed = UnnamedRows()
    lines = text_lines(text)
    if by_position:
        rows = position_counted_rows(
            lines, path, names_column, counts_column, again=again, unnamed=unnamed
        )
    else:
        rows = counted_rows(
            lines, path, names_column, counts_column, again=again, unnamed=unnamed
        )
    names, counts = [], []
    for name, count in rows:
        names.append(name)
        counts.append(count)
    source = shown_path(path)
    warn_unnamed_rows(unnamed, source, ("count",), none_named=not names)
    check_not_empty(names, path, names_column)  # told after the rows left out
    column = (  # by its place, as the other messages name it; the argument
        PlacedColumn(counts_column).read_as("counts")
        if by_position
        else f"counts_column={counts_column!r}"
    )
    where = f"{shown_path(path)} in {column}"
    check_counts_total(counts, f"The counts of {where}")
    return names, np.array(counts, dtype=np.float64)


def warn_unnamed_rows(unnamed, source, kept=(), *, none_named=False):
    """Warn of the rows of a table left out for an empty cell in its column
    of names (``unnamed``, from :func:`~._tables.named_rows`), if any, and of
    what is lost with them (``kept``: ``("count",)`` when counts are read);
    ``none_named``: no row has a name, and the warning says to pass another
    ``names_column`` instead.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar.datasets._table_rows import UnnamedRows
    >>> unnamed = UnnamedRows()
    >>> unnamed.column = "column 'name'"
    >>> unnamed.append(3)
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unnamed_rows(unnamed, "'kids.csv'", ("count",))
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    1 row of 'kids.csv' has no name in column 'name' and is left out, with its ...
    """
    if unnamed:
        elsewhere = "names_column" if none_named else None
        message = unnamed_rows_words(unnamed, source, kept, elsewhere=elsewhere)
        warnings.warn(message, UnnamedRowsWarning, stacklevel=user_stacklevel())


def check_not_empty(names, path, names_column=None):
    """Refuse a file that holds no names (``names`` read from it, empty)."""
    if not names:  # header=None: the column by its place, in every interface
        raise NoNamesError(os.fspath(path), names_column)
