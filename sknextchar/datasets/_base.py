"""Loaders for name lists: the bundled Indian names and a user's own file."""

import codecs
import contextlib
import errno
import io
import itertools
import os
import re
import stat
import unicodedata
import warnings
from importlib import resources

from .._file_safety import LINK_LOOP, name_too_long, unnamable_path
from .._limits import MAX_LETTERS, check_counts_total
from .._list_lines import list_item, reads_as_title
from .._shown_paths import close_file_note, dangling_link_note, path_text, shown_path
from .._stacklevel import user_stacklevel
from .._text import quoted
from ._codecs import bom_length, encoding_file, file_encoding, wide_codec
from ._column_arguments import check_column_arguments, check_labels_column_argument
from ._column_choice import labels_and_counts_advice
from ._counted_rows import counted_rows, labelled_counts
from ._decoded_text import check_decoded, cut_line
from ._encoding import (
    SAMPLE_BYTES,
    check_utf8_misread,
    encoding_advice,
    line_reading,
    warn_other_code_page,
)
from ._file_kinds import may_hold_names, not_text_message
from ._header_as_data import warn_named_header
from ._label_values import refuse_one_label, warn_case_twins
from ._labelled_table import labelled_rows, labelled_table
from ._long_lines import (
    MAX_ROW_LETTERS,
    check_line_lengths,
    count_line_ends,
    read_checked,
)
from ._name_sources import is_file_object, names_of_file_object, web_address_error
from ._pipes import open_bytes
from ._positions import (
    NoNamesError,
    PlacedColumn,
    check_header_arguments,
    position_counted_rows,
    position_table,
)
from ._quoted_lines import PYTHON_ONE_COLUMN, warn_quoted_lines
from ._table_rows import (
    UnnamedRows,
    UnnamedRowsWarning,
    text_lines,
    unnamed_rows_words,
)
from ._table_warning import warn_if_table
from ._tables import (
    LINES_LOOKED_AT,
    TitleLinesError,
    column_values,
    detect_table,
    find_table,
    header_line,
    table_of,
)
from ._wide_text import (
    wide_advice,
)

# SHA-256 of the bundled file; data/README.md and data/build_indian_names.py
# record the same value, and the test suite checks the installed file against it.
INDIAN_NAMES_SHA256 = "e49c19496ee7f9640eced1c2f023c66112e32b6a93e5674177870a54951bad20"
# SHA-256 of the bundled labels (indian_name_labels.csv), recorded the same way.
INDIAN_NAME_LABELS_SHA256 = (
    "5d150cb0285170d04169ea1d58008f158b1fa22cbc92649f12e764d11cd9d858"
)


def load_indian_names(*, return_X_y=False):
    """Load the bundled list of 15,074 Indian first names.

    Male and female first names from the ``getindianname`` package, version 1.0.7
    (MIT licence, by Devesh Singh), lowercased, restricted to 4 to 10 letters a-z,
    de-duplicated and sorted. See ``data/README.md`` in the source tree for the
    provenance and the script that rebuilds the file.

    Parameters
    ----------
    return_X_y : bool, default=False
        If True, return ``(names, labels)``: each name with the label of the
        source list it comes from, ``"female"`` or ``"male"``. The 111 names
        found in both lists appear twice, once with each label (the model of
        names by label learns that such a name is likely under both), so there
        are 15,185 pairs, sorted by name then label. Split such data by name
        (e.g. with :class:`~sklearn.model_selection.GroupKFold` and
        ``groups=names``) to keep the two rows of a name together.

    Returns
    -------
    names : list of str
        Sorted unique names, each matching ``^[a-z]{4,10}$`` (with
        ``return_X_y``, sorted names, the 111 shared ones twice).
    labels : list of str
        Only with ``return_X_y``: ``"female"`` or ``"male"`` for each name.

    See Also
    --------
    load_names : Load names from your own file.

    Examples
    --------
    >>> from sknextchar.datasets import load_indian_names
    >>> names = load_indian_names()
    >>> len(names), names[0]
    (15074, 'aaba')
    >>> names, labels = load_indian_names(return_X_y=True)
    >>> len(names), labels.count("female"), labels.count("male")
    (15185, 3568, 11617)
    """
    if return_X_y:
        rows = _read_resource("indian_name_labels.csv").split()[1:]  # no header
        names, labels = zip(*(row.split(",") for row in rows))
        return list(names), list(labels)
    return _read_resource("indian_names.txt").split()


def bundled_files():
    """The paths of the bundled data files (names, and names with labels).

    The command line never writes over them: without NAMES_FILE, ``train``
    reads them.

    Returns
    -------
    paths : list of str
        Those that exist as files (an installed package may keep them in an
        archive, where they cannot be written over anyway).

    Examples
    --------
    >>> [os.path.basename(p) for p in bundled_files()]
    ['indian_names.txt', 'indian_name_labels.csv']
    """
    folder = resources.files(__package__).joinpath("data")
    paths = [
        folder.joinpath(name) for name in ("indian_names.txt", "indian_name_labels.csv")
    ]
    return [os.fspath(p) for p in paths if isinstance(p, os.PathLike) and p.is_file()]


def _read_resource(filename):
    """The text of a bundled ASCII file."""
    return (
        resources.files(__package__)
        .joinpath("data", filename)
        .read_text(encoding="ascii")
    )


def load_names(
    path, *, encoding="utf-8", names_column=None, counts_column=None, header="infer",
    labels_column=None,
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
    counts_column : str or None, default=None
        The header of a column of counts of the table (compared as the names'
        header is): return each name's number, read on the name's own row, as
        well. ``names_column`` is then needed (the column of names is not
        guessed, as in :func:`~sknextchar.train_from_file`); a file without a
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
        read as a name.
    labels_column : str or None, default=None
        The header of a table's column of labels (compared as the names'
        header is): return the label of each name too, read on its row, as
        ``sknextchar train --labels COLUMN`` reads them (one reader: the same
        names, labels and counts). The column of names is then
        ``names_column``, else the first whose header says "name", else the
        first that is not the labels'; the delimiter is the one whose header
        row holds ``labels_column``; a title above the header row is left
        out, with a warning. Rows with a name and no label are refused (the
        message gives the line of each, once the file is read, or at once
        when the first 100 rows have none). Labels are returned in Unicode
        NFC. With
        ``header=None``, the position of the column (counted from 0), read
        as ``sknextchar train --no-header --labels N`` reads column N
        (counted from 1): ``header=None, names_column=0, labels_column=1``
        reads ``Emma,F,18688``. None returns no labels.

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

    >>> load_names(io.StringIO("Asha\\nRavi\\n"))
    ['Asha', 'Ravi']
    """
    if is_file_object(path):  # as a path is read, from a temporary copy
        columns = dict(names_column=names_column, counts_column=counts_column)
        columns.update(header=header, labels_column=labels_column)
        return names_of_file_object(load_names, path, encoding, **columns)
    path = path_text(path)
    if labels_column is not None:
        columns = names_column, labels_column, counts_column
        return labelled_names(path, encoding, header, columns)
    if check_table_arguments(path, encoding, header, names_column, counts_column):
        return _names_by_position(path, encoding, names_column, counts_column)
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
    else:
        names = [name for name in (line.strip() for line in text.splitlines()) if name]
        head = list(itertools.islice(text_lines(text), LINES_LOOKED_AT))
        warn_if_table(head, names, path, also=labels_and_counts_advice)
        check_line_lengths(text, path, MAX_LETTERS)
        warn_comment_lines(names, path)
        warn_title_name(numbered_lines(text), path)
        warn_quoted_lines(names, path, PYTHON_ONE_COLUMN)
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
    unnamed = UnnamedRows()

    def rows(others=None):  # others: each row without a label (its count)
        return labelled_rows(text, table, label_at, source, unnamed, words, others)

    counts = None
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
    check_column_arguments(
        names_column, counts_column, path, lambda: _header_row_of_file(path, encoding)
    )
    return False


def _header_row_of_file(path, encoding):
    """The header row of a file and its table (None if no column of names is
    found), from its first lines; ``(None, None)`` if it is not known: the
    file cannot be read, starts with ``sep=;`` or a title above its header.
    What :func:`~sknextchar.datasets._column_arguments.check_column_arguments`
    names when it refuses a ``names_column``.
    """
    lines = first_lines(path, encoding)
    first = None if lines is None else header_line(lines)
    if not first:
        return first, None
    try:
        table = find_table(first, path)
    except ValueError:  # a "sep=;" line, refused when the file is read
        return None, None
    try:
        below_title = getattr(detect_table(iter(lines), path, warn=False), "skipped", 0)
    except TitleLinesError:  # a title above the header, refused when read
        return None, None
    except ValueError:  # twin headers: the refusal tells them
        below_title = 0
    return (None, None) if below_title else (first, table)  # a title: not the header


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


class CommentLinesWarning(UserWarning):
    """Lines of a file of names that start with ``#``, read as names (see
    :func:`warn_comment_lines`), a category of its own so that a second reading
    of the same file can leave out what the first one told."""


class TitleNameWarning(CommentLinesWarning):
    """The first line of a list of names read as a name though it reads as a
    title (:func:`warn_title_name`); a kind of :class:`CommentLinesWarning`,
    so that a second reading of the same file leaves it out too."""


def warn_title_name(numbered, path, *, whole=True, labels=None):
    """Warn when the first name of a list of one name per line reads as a
    title (:func:`~sknextchar._list_lines.reads_as_title`: ``Baby names
    2024``), when no name below it on the file's first :data:`LINES_LOOKED_AT`
    + 1 lines has a digit (a list's numbers are no part of its names:
    ``1. Anna``, :func:`~sknextchar._list_lines.list_item`).

    A file of one name per line is read as it is (a name may have a space
    or, rarely, a digit), so the user is told, with the line, and deletes it.

    Parameters
    ----------
    numbered : iterable of (int, str)
        The lines of the file and their names (stripped; ``""`` for a blank
        line), in order, as :func:`numbered_lines` gives them; only those
        on its first :data:`LINES_LOOKED_AT` + 1 lines are looked at.
    path : str or os.PathLike
        The file, for the message.
    whole : bool, default=True
        Whether ``numbered`` holds every line of the file (False: its first
        lines only, whose end is not the file's).
    labels : callable or None, default=None
        With a file of labels, line by line (``train --labels FILE``): the
        path of that file and the line of the label of line ``i``,
        ``labels(i)``; the warning says to delete that line too.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_title_name(numbered_lines("\\nBaby names 2024\\nZoe\\nJose"), "k.txt")
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    Line 2 of 'k.txt', 'Baby names 2024', is read as a name, but it has words
    and a number, as a title has, and no name below it has a digit: if it is a
    title, delete that line.
    """
    numbered = iter(numbered)
    line, first = next(((i, name) for i, name in numbered if name), (0, ""))
    if line > LINES_LOOKED_AT + 1 or not reads_as_title(first):
        return  # most lists: their first name alone is looked at
    below = []
    for i, name in numbered:
        if i > LINES_LOOKED_AT + 1:
            whole = False
            break
        below.append(list_item(name))
    if not "".join(below) or re.search(r"\d", "\n".join(below)):
        return  # a name alone; or R2 D2, 2Pac: digits in names
    looked = "" if whole else f" on the first {LINES_LOOKED_AT + 1:,} lines"
    also = "" if labels is None else " and line {1:,} of {0}".format(*labels(line))
    warnings.warn(
        f"Line {line:,} of {shown_path(path)}, {quoted(first)}, is read as a "
        "name, but it has words and a number, as a title has, and no name "
        f"below it{looked} has a digit: if it is a title, delete that line{also}.",
        TitleNameWarning,
        stacklevel=user_stacklevel(),
    )


def warn_comment_lines(names, path, *, whole=True):
    """Warn once when names start with ``#``: a comment or a title, read as a name.

    A file of one name per line is read as it is (a comment line would be a
    name to any rule that skipped it), so the user is told and deletes it.

    Parameters
    ----------
    names : list of str
        Names read one per line, stripped.
    path : str or os.PathLike
        The file they were read from, for the message.
    whole : bool, default=True
        Whether ``names`` are all the names of the file; False (a first
        chunk) names the first such line without counting them.

    Returns
    -------
    warned : bool

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_comment_lines(["# girls", "Asha", "#boys"], "kids.txt")
    True
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    'kids.txt' has 2 lines that start with '#' (the first: '# girls'), read as
    names, and no name starts with '#': if they are comments or titles, delete
    them.
    """
    if "#" not in "".join(names):  # one pass in C: most files have no '#'
        return False
    commented = [name for name in names if name.startswith("#")]
    if not commented:
        return False
    first = commented[0]
    if not whole:
        what = f"lines that start with '#' (the first: {first!r}), read as names"
        fix = "they are comments or titles, delete them"
    elif len(commented) == 1:
        what = f"a line that starts with '#', {first!r}, read as a name"
        fix = "it is a comment or a title, delete it"
    else:
        what = f"{len(commented):,} lines that start with '#' (the first: {first!r})"
        what, fix = what + ", read as names", "they are comments or titles, delete them"
    warnings.warn(
        f"{shown_path(path)} has {what}, and no name starts with '#': if {fix}.",
        CommentLinesWarning,
        stacklevel=user_stacklevel(),
    )
    return True


def check_not_empty(names, path, names_column=None):
    """Refuse a file that holds no names (``names`` read from it, empty)."""
    if not names:  # header=None: the column by its place, in every interface
        raise NoNamesError(os.fspath(path), names_column)


def numbered_lines(text):
    """Each stripped line of ``text`` (as ``str.splitlines`` splits it), numbered.

    The numbers are those of a text editor: only ``\\n``, ``\\r\\n`` and ``\\r``
    start a new line (the rarer breaks ``splitlines`` also splits at, such as
    U+2028, do not), counted from 1.

    Parameters
    ----------
    text : str

    Yields
    ------
    number : int
    line : str
        Stripped; blank lines are yielded too (as ``""``).

    Examples
    --------
    >>> list(numbered_lines("asha\\r\\n\\nravi\\u2028uma\\rzoe"))
    [(1, 'asha'), (2, ''), (3, 'ravi'), (3, 'uma'), (4, 'zoe')]
    """
    number = 1
    for line in text.splitlines(keepends=True):
        yield number, line.strip()
        if line.endswith(("\n", "\r")):
            number += 1


def read_text(path, *, encoding="utf-8", longest=None, named=None):
    """The text of a file of names (or of names and labels), checked.

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str, default="utf-8"
        As for :func:`load_names` (a byte-order mark is skipped).
    longest : int or None, default=None
        Refuse a line of more than this many characters (surrounding
        whitespace left out) as the file is read, before it is held whole:
        ``MAX_LETTERS`` for a name a line, ``MAX_ROW_LETTERS`` for a table.
        None reads lines of any length.
    named : int, optional
        The limit the message of a line too long names: ``MAX_LETTERS`` for
        a name a line read with the bound of a row; ``longest`` if None.

    Returns
    -------
    text : str

    Raises
    ------
    OSError
        If the file is missing or a directory.
    ValueError
        If it does not decode, holds NUL characters (binary, or UTF-16 read
        as another encoding) or other control characters (not the tab), or a
        line longer than ``longest``.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.csv")
    ...     with open(path, "wb") as f:
    ...         _ = f.write("\\ufeffname,label\\r\\n".encode("utf-8"))
    ...     read_text(path)
    'name,label\\r\\n'
    """
    path = check_names_path(path, encoding)
    text = _read_text(path, encoding, longest, named)
    check_decoded(text, path, encoding)
    return text


@contextlib.contextmanager
def open_lines(path, encoding="utf-8", *, errors="strict", buffering=-1):
    """A text file opened to be read line by line, its codec chosen by
    :func:`~sknextchar.datasets._codecs.file_encoding` from its first bytes (a
    byte-order mark skipped).

    The file is read once, as it goes: a pipe, or a file larger than memory,
    is read as well as any other. The path is not checked
    (:func:`check_names_path` does that).

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str, default="utf-8"
    errors : str, default="strict"
        What to do with bytes that do not decode (as :func:`open` takes it):
        ``"replace"`` where the text only needs to be looked at.
    buffering : int, default=-1
        The size of the read buffer (as :func:`open` takes it): as many bytes
        as ``lines.buffer.peek()`` may look at before the first line is read.

    Yields
    ------
    lines : io.TextIOWrapper
        The open file; its ``encoding`` is the codec it is read with.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.txt")
    ...     with open(path, "wb") as f:
    ...         _ = f.write("Zoë\\r\\nJosé\\n".encode("utf-16"))
    ...     with open_lines(path) as lines:
    ...         lines.encoding, list(lines)
    ('utf-16', ['Zoë\\n', 'José\\n'])
    """
    with open_bytes(path, buffering) as raw:
        codec = file_encoding(raw.peek(4), encoding)  # nothing consumed
        raw.read(bom_length(raw.peek(4)[:4], codec))
        with io.TextIOWrapper(raw, encoding=codec, errors=errors) as lines:
            yield lines


def check_names_path(path, encoding=None):
    """The path of a file of names to read, refused if it cannot be one.

    A folder, a missing path and a device (``/dev/zero`` would be read until
    memory runs out) are refused; a pipe and a terminal are read. A file in a
    folder that may not be searched raises the operating system's
    ``PermissionError`` (naming the file), not "no such file".

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str or None, default=None
        The file's encoding as the user gave it (what a JSON file is converted
        with, in the advice on it).

    Returns
    -------
    path : str

    Raises
    ------
    FileNotFoundError
        If there is no such file (or folder on the way).
    IsADirectoryError
        If ``path`` is a folder.
    OSError
        If ``path`` is too long for the file system (the message says which
        part, and the limit), or is a loop of symbolic links.
    PermissionError
        If a folder on the way may not be searched (the system's, naming it).
    ValueError
        If ``path`` is a device, holds a NUL character or a lone
        surrogate, or is a file of another kind than text (an image, a model
        file).

    Examples
    --------
    >>> check_names_path("/dev/zero")
    Traceback (most recent call last):
    ...
    ValueError: '/dev/zero' is a device, not a file of names; pass a text file.
    """
    path = path_text(path)
    if os.path.isdir(path):
        raise IsADirectoryError(
            f"{shown_path(path)} is a directory; pass a text file of names."
        )
    try:
        mode = os.stat(path).st_mode
    except PermissionError:  # a folder on the way that may not be searched
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:  # a loop of links: there, but no file
            raise OSError(  # one argument: no "[Errno 40]" before the message
                f"{shown_path(path)} is not a file of names: {LINK_LOOP}; "
                "pass a text file."
            ) from None
        if error.errno == errno.ENAMETOOLONG:  # not missing: no such name can be
            raise OSError(
                f"{shown_path(path)} cannot be a file of names: "
                f"{name_too_long(path)}. Check the path."
            ) from None
        raise _no_such_file(path) from None
    except ValueError:  # a NUL or a lone surrogate in the path: no file has it
        raise ValueError(
            f"{shown_path(path)} cannot be a file of names: "
            f"{unnamable_path(path)}. Check the path."
        ) from None
    if is_device(path, mode):
        raise ValueError(
            f"{shown_path(path)} is a device, not a file of names; pass a text file."
        )
    if stat.S_ISREG(mode):  # a pipe cannot be peeked at without losing bytes
        message = not_text_message(path, encoding)  # an image, a model file...
        if message is not None:
            raise ValueError(message)
    return path


def is_device(path, mode):
    """Whether ``path`` (of ``os.stat`` mode ``mode``) is a device other than
    a terminal: ``/dev/zero`` would be read until memory runs out.

    Examples
    --------
    >>> import os
    >>> is_device("/dev/zero", os.stat("/dev/zero").st_mode)
    True
    >>> is_device(".", os.stat(".").st_mode)
    False
    """
    return stat.S_ISBLK(mode) or (stat.S_ISCHR(mode) and not _is_terminal(path))


def _no_such_file(path):
    """The error of a path that leads to no file of names."""
    url = web_address_error(path)  # never downloaded: the user fetches it
    if url is not None:
        return url
    stdin = path == "-" and os.path.exists("/dev/stdin")
    hint = " (standard input is '/dev/stdin', not '-')" if stdin else ""
    hint = dangling_link_note(path) or hint  # a link there, leading nowhere
    return FileNotFoundError(
        f"No such file of names: {shown_path(path)}{hint}."
        + close_file_note(path, may_hold_names)
    )


def _is_terminal(path):
    try:
        with open(path, "rb", buffering=0) as f:
            return f.isatty()
    except OSError:
        return False


def _read_text(path, encoding, longest=None, named=None):
    """The decoded text of the file, without its byte-order mark."""
    with open_bytes(path) as f:  # a pipe no program writes to: refused
        data = f.read(SAMPLE_BYTES)
        check_file_start(data, path, encoding)
        if longest is not None:  # a line of megabytes: refused, never held
            codec = file_encoding(data[:4], encoding)
            data = read_checked(f, data, codec, path, longest, named)
        elif f.seekable():  # read whole: no copy of the first megabyte
            f.seek(0)
            data = f.read()
        else:  # once: a pipe cannot be read twice
            data += f.read()
    codec = file_encoding(data[:4], encoding)
    data = data[bom_length(data[:4], codec) :]
    check_utf8_misread(data, path, codec)
    warn_other_code_page(data, path, codec)
    try:
        return data.decode(codec).removesuffix(END_MARK)
    except UnicodeDecodeError as error:
        raise undecodable_error(path, codec, error, given=encoding) from None


def check_file_start(start, path, encoding):
    """Refuse the first megabyte of a file of names before the rest is read.

    As the whole file would be refused (:func:`check_utf8_misread`, then
    :func:`~._decoded_text.check_decoded`): a binary file, or a sparse one of a
    gigabyte of NUL bytes, at once rather than after filling the memory. A
    start that does not decode is left to the reading of the file, which names the line.

    Parameters
    ----------
    start : bytes
        The first bytes of the file (up to ``SAMPLE_BYTES``).
    path : str
    encoding : str
        The encoding the user gave.

    Examples
    --------
    >>> check_file_start(b"asha\\nravi\\n", "names.txt", "utf-8")
    >>> check_file_start(bytes(4096), "disk.img", "utf-8")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'disk.img' holds NUL characters (line 1), so it is not a utf-8 ...
    """
    codec = file_encoding(start, encoding)
    start = start[bom_length(start[:4], codec) :]
    check_utf8_misread(start, path, codec)
    try:
        text = codecs.getincrementaldecoder(codec)().decode(start)
    except UnicodeDecodeError:
        return
    # The start may be the whole file: its end mark is no name's (a mark
    # within a longer file is refused as its lines are read).
    check_decoded(text.removesuffix(END_MARK), path, encoding)


def undecodable_error(path, codec, error, *, line=1, non_ascii=False, given=None):
    """The error of a file of names that does not decode: where, and what to do.

    Parameters
    ----------
    path : str
    codec : str
        The codec the file was read with
        (:func:`~sknextchar.datasets._codecs.file_encoding`).
    error : UnicodeDecodeError
        Raised on the file's bytes, or on a block of them (``error.object``).
    line : int, default=1
        The line ``error.object`` starts on.
    non_ascii : bool, default=False
        Whether the lines before ``error.object`` decoded with characters
        outside ASCII.
    given : str, optional
        The encoding the user gave, named in the message (``"utf-32"``, read
        as ``"utf-32-le"`` without a byte-order mark); ``codec`` if None.

    Returns
    -------
    error : ValueError
        It names the line and shows its bytes around the one that failed; it
        asks for UTF-16 or UTF-32 in the byte order the bytes have (a file
        without a byte-order mark), or, in a UTF-8 file whose lines before that
        one have accented letters, for that line to be written again
        (``latin-1`` would misread the others), or else for the encodings whose
        reading of the file is names
        (:func:`~sknextchar.datasets._encoding.encoding_advice`).

    Examples
    --------
    >>> data = "Zoë\\nJos".encode() + b"\\xe9\\n"  # one line in latin-1
    >>> try:
    ...     data.decode("utf-8")
    ... except UnicodeDecodeError as error:
    ...     print(undecodable_error("kids.txt", "utf-8", error))
    ... # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    'kids.txt' is not a utf-8 text file (invalid continuation byte at line 2:
    b'Jos\\xe9'):
    its lines before that one are UTF-8, with letters outside ASCII, so that
    line is in another encoding (in latin-1 it reads 'José'): write it
    again in UTF-8, or delete it; encoding='latin-1' would misread ...
    """
    data, start = error.object, error.start
    at = line + count_line_ends(data[:start])
    begin = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
    ends = (data.find(b"\n", start), data.find(b"\r", start))
    # The bytes shown hold those that failed, a line end too.
    end = max(min((i for i in ends if i >= 0), default=len(data)), error.end)
    bad = data[max(begin, start - 40) : min(end, start + 40)]
    what = (
        f"{shown_path(path)} is not {encoding_file(given or codec)} "
        f"({error.reason} at line {at}: {bad!r})"
    )
    wide = wide_codec(data[:4096]) if line == 1 else None
    if wide is not None:
        return ValueError(f"{what}: {wide_advice(wide)}.")
    before = data[:begin].removeprefix(codecs.BOM_UTF8)
    utf8 = codecs.lookup(codec).name.startswith("utf-8")
    if utf8 and (non_ascii or not before.isascii()):
        page, reading = line_reading(data[begin:end].rstrip(b"\r"))
        reading = cut_line(reading)
        return ValueError(
            f"{what}: its lines before that one are UTF-8, with letters outside "
            f"ASCII, so that line is in another encoding (in {page} it reads "
            f"{reading!r}): write it again in UTF-8, or delete it; "
            "encoding='latin-1' would misread the other accented letters of the file."
        )
    # The bytes from the line that failed on tell the encoding, unless they are
    # ASCII (UTF-16 failing on a file's odd last byte, a line end): then all do.
    failed = data[begin:] if not data[begin:].isascii() else data
    return ValueError(f"{what}; {encoding_advice(failed, codec)}.")


#: The DOS end-of-file mark (Ctrl-Z) that old Windows tools write after the
#: last line: stripped as the very last character of a file, refused elsewhere.
END_MARK = "\x1a"
