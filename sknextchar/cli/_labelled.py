"""The command line's reader of files of names, with labels for ``train --labels``.

Every command reads its files of names here, not through
:func:`~sknextchar.datasets.load_names`: :func:`read_names_file` reads
``train``'s NAMES_FILE, ``score``'s and ``classify``'s ``--names-file`` and
``sample``'s ``--exclude-file`` (one name per line, or the column of names of a
table, which the command line finds without ``--names-column``; the counts of
``--counts``), and :func:`names_column_of` the column ``train --chunk-size``
reads (a table without a header row, ``--no-header``: :mod:`._no_header`). A
new format of files of names is read here, in ``load_names`` and in
:mod:`sknextchar._name_chunks` (``train_from_file``).

``--labels COLUMN`` reads NAMES_FILE as a CSV file with a header row (a comma,
semicolon or tab between fields): the names are the column ``name`` (or the first
column that is not COLUMN), the labels the column COLUMN. A spreadsheet exported
as ``name,label`` is used as it is: ``--labels label``. Without NAMES_FILE, the
bundled names are read with their labels (``--labels label``, columns ``name`` and
``label``: ``female`` or ``male``). ``--labels FILE`` (an existing file) reads one
label per line, beside NAMES_FILE's one name per line.
"""

import csv
import itertools
import sys
import unicodedata
from importlib import resources

from .._shown_paths import shown_path
from .._words import MAX_QUOTED_FIELDS, MAX_QUOTED_ROW, quoted_row
from ..datasets._column_arguments import (
    COMMAND_LINE,
    column_roles,
    headerless_advice,
    row_fields,
)
from ..datasets._comment_lines import (
    numbered_lines,
    warn_comment_lines,
    warn_title_name,
)
from ..datasets._count_cells import is_number
from ..datasets._counted_rows import rows_later, untitled_place
from ..datasets._encoding import SAMPLE_BYTES
from ..datasets._family_records import (
    surname_column_words,
    surname_shape_words,
    warn_names_look,
)
from ..datasets._header_as_data import (
    first_row_data_like,
    warn_named_header,
)
from ..datasets._labelled_table import (
    ColumnWords,
    NoLabelsColumnError,
    first_row,
    header_column_at,
    labelled_rows,
    labelled_table,
    labels_hint,
    table_rows_of,
)
from ..datasets._long_lines import MAX_ROW_LETTERS
from ..datasets._names_path import check_names_path
from ..datasets._noted_rows import noted_first
from ..datasets._quoted_lines import (
    COMMAND_LINE_BY_HEADER,
    COMMAND_LINE_ONE_COLUMN,
    warn_quoted_lines,
)
from ..datasets._table_rows import (
    DELIMITER_NAMES,
    LINES_LOOKED_AT,
    UnnamedRows,
    ends_in_empty_fields,
    header_line,
    header_line_number,
    not_a_column,
    rows_below_header,
    separator_hint,
    text_lines,
    unnamed_rows_words,
    without_title,
)
from ..datasets._tables import (
    cells_below,
    check_rows_below_header,
    detect_table,
    find_table,
    headerless_table,
    lines_looked_at,
    named_rows,
    table_of,
)
from ..datasets._text_files import check_file_start, open_lines, read_text
from ..datasets._untitled_columns import (
    empty_column_told,
    holds_numbers,
    titled_number_words,
)
from ._blank_title import untitled_column, untitled_hint
from ._column_note import LabelCells, header_as_name_note, shell_word, table_note
from ._label_checks import (
    check_labels_file,
    checked_labels,
    close_labels_file_note,
    is_labels_file,
    too_long_for_a_file,
)
from ._paired import paired_lines
from ._quiet import inform
from ._weights import CountsColumn, counts_column_at

__all__ = ["names_column_of", "read_labelled_names", "read_names_file"]

_BUNDLED = ("sknextchar.datasets", "data", "indian_name_labels.csv")


def read_labelled_names(
    names_file, labels, *, encoding="utf-8", places=None, names_column=None,
    counts=None, whole_counts=False, training=True,
):  # fmt: skip
    """The names and their labels for ``train --labels`` (and ``classify``'s).

    Parameters
    ----------
    names_file : str or None
        NAMES_FILE, or None for the bundled names.
    labels : str
        A column of NAMES_FILE (a CSV file with a header), or a file with one
        label per line.
    encoding : str, default="utf-8"
        The encoding of the files (a UTF-8 byte-order mark is skipped).
    places : Places or None, default=None
        Where to record the line of each name of NAMES_FILE, for error messages.
    names_column : str or None, default=None
        The column of names (``--names-column``); None for the first column
        whose header says "name" (``name``, ``first name``...), else the first
        column that is not ``labels``.
    counts : str or None, default=None
        ``train --counts COLUMN``: also read the count of each name, in that
        column of NAMES_FILE, on the name's own row.
    whole_counts : bool, default=False
        Refuse a count with a fraction (``--model kneser-ney``).
    training : bool, default=True
        False for ``classify --labels COLUMN_OR_FILE``: any number of labels
        is read as given (in NFC), unchecked, and the messages call the file
        of names ``--names-file``.

    Returns
    -------
    names, labels : list of str
        One label per name (and their ``counts``, a float64 array, with
        ``counts``).

    Raises
    ------
    ValueError
        If the column does not exist, a row has no label or too many fields, or
        the files do not pair a label with each name line by line.

    Examples
    --------
    >>> names, labels = read_labelled_names(None, "label")
    >>> len(names), sorted(set(labels))
    (15185, ['female', 'male'])
    """
    names, values, lines, weights = _read_pairs(
        names_file, labels, encoding, names_column, (counts, whole_counts, training)
    )
    if places is not None and names_file is not None:
        places.add_lines("names", names_file, names, lines)
    if not training:
        return names, [unicodedata.normalize("NFC", value) for value in values]
    values = checked_labels(values, weights, labels, names_file, counts)
    return (names, values) if counts is None else (names, values, weights)


def _read_pairs(names_file, labels, encoding, names_column, counts):
    """The names, their labels as the files hold them, the names' lines and
    their counts (None without ``counts``, ``(column, whole, training)``)."""
    as_file = is_labels_file(labels)
    names_flag = "NAMES_FILE" if counts[2] else "--names-file"  # classify's
    if as_file and counts[0] is not None:
        raise ValueError(
            f"--counts {shell_word(counts[0])} reads a column of NAMES_FILE, a "
            "table, and "
            f"--labels {shell_word(labels)} is a file of labels, one per line of a "
            "NAMES_FILE of one name per line: pass the labels as a column of "
            "NAMES_FILE (--labels COLUMN)."
        )
    if as_file:
        if names_column is not None:
            raise ValueError(
                f"--labels {shell_word(labels)} is a file of labels, one per line "
                f"of {names_flag}, so {names_flag} is one name per line: leave out "
                f"--names-column, or pass the label column of {names_flag} as "
                "--labels COLUMN."
            )
        if names_file is None:
            raise ValueError(
                f"--labels {shell_word(labels)} is a file of labels, one per line "
                "of NAMES_FILE: pass NAMES_FILE too (or --labels label for the "
                "bundled names' labels)."
            )
        check_labels_file(labels, names_file, names_flag)
        return (*paired_lines(names_file, labels, encoding, names_flag), None)
    if names_file is None:
        text = resources.files(_BUNDLED[0]).joinpath(*_BUNDLED[1:]).read_text("ascii")
        source = "the bundled names (columns 'name' and 'label')"
    else:
        text, source = read_text(names_file, encoding=encoding), shown_path(names_file)
    given = names_column, _WORDS, counts[0]
    try:
        found = labelled_table(text, names_file, source, labels, *given)
    except NoLabelsColumnError as error:
        _refuse_labels(error, names_file, training=counts[2])
    return _columns(*found, source, counts)


def _flag(column):
    """``--names-column COLUMN``, as typed at a shell."""
    return f"--names-column {shell_word(column)}"


def _labels_flag(column):
    """``--labels COLUMN``, as typed at a shell."""
    return f"--labels {shell_word(column)}"


# The command line's words for the columns of a labelled table.
_WORDS = ColumnWords(_flag, _labels_flag, _flag, untitled_column)  # name, : --labels 2


def _labelled_counts(text, column, source, table, counts):
    """The :class:`CountsColumn` ``counts[0]`` of a table whose labels are
    its column ``column`` (None without ``--counts``), read from its rows."""
    if counts[0] is None:
        return None
    header, name_at = table.header, table.name_at
    first = header_line(text_lines(text))
    line = header_line_number(text_lines(text))
    below = rows_later(text_lines(text), table.delimiter, source)
    at = counts_column_at(header, counts[0], first, source, name_at, line, below)

    def ahead(below):  # the cells again, for counts such as 1.500 that tell late
        for line, fields in table_rows_of(text, column, source):
            if line > below and len(fields) > max(at, name_at) and fields[name_at]:
                yield line, fields[name_at], fields[at]

    shown = untitled_place(header, at) or header[at]  # name, : --counts 2
    return CountsColumn(source, shown, counts[1], at, table.delimiter, ahead)


def _refuse_labels(error, names_file, training):
    """Refuse ``--labels COLUMN`` that ``error`` (a
    :class:`~sknextchar.datasets._labelled_table.NoLabelsColumnError`) found
    no column of its header row, in the command line's words: the columns
    offered in its stead are those Python offers (:func:`labels_hint`), as
    flags; a first row that may be data is read with ``--no-header`` (not
    ``training``: classify has none, a header row is to be written); a list
    of names has no column to offer; a file close to ``--labels lables.txt``
    is named (:func:`close_labels_file_note`), and then no column.
    """
    header, delimiter = error.header, error.delimiter
    shown, is_not = _not_a_column(error.column)  # classify reads label files too
    close = close_labels_file_note(error.column, names_file)
    if error.one_column:  # a list: a file of labels, or a table of both
        raise ValueError(
            f"{shown} {is_not} a column: {error.source} is a list of names. Pass "
            f"a file of their labels, one per line (--labels FILE).{close}"
        )
    hint = (
        ""
        if close
        else labels_hint(  # one guess: the file
            error.column, header, error.left_out, _labels_flag, error.rows, delimiter
        )
    )
    advice = (
        headerless_advice(
            header,
            delimiter,
            COMMAND_LINE,
            labels=True,
            by_label=True,
            rows=error.rows,
        )  # fmt: skip
        if training  # classify has no --no-header
        else "write a header row above it (name,label) and pass --labels label"
    )
    told = not_a_column(
        shown, error.source, error.line, header, hint, what="labels", is_not=is_not
    )
    if not hint:  # else the column meant is what to pass
        told += " (or a file with one label per line)" + untitled_hint(
            header, error.rows, delimiter
        )
        told += titled_number_words(  # name,sex: --labels 2
            header, error.column, error.left_out, "--labels", (error.rows, delimiter)
        )
    raise ValueError(
        told
        + (f". If it has no header row, {advice}." if error.data_row else ".")
        + close
    )


def _not_a_column(column):
    """``--labels column`` as shown, and what it is not but a column: a file
    (too long a name for one, or none)."""
    too_long = too_long_for_a_file(column)
    if too_long:
        shown = _labels_flag(column[:40]) + "..."  # not 4,000 bytes twice
        return shown, f"cannot be a file of labels ({too_long}), and is not"
    return _labels_flag(column), "is neither a file nor"


def _columns(text, table, label_at, source, counts=(None, False, True)):
    """The names, their labels and lines, and their counts (``counts``:
    ``(column, whole, training)``; None without a column) of a CSV text whose
    columns are those of ``table`` and ``label_at``."""
    column = table.header[label_at]
    counted = _labelled_counts(text, column, source, table, counts)
    names, labels, lines, unnamed = [], [], [], UnnamedRows()

    def others(line, fields):  # a row without a label: its count told too
        counted.add(fields[counted.at], fields[table.name_at], line, kept=False)

    others = None if counted is None else others
    empty = empty_column_told(text, table, label_at, source, COMMAND_LINE)
    with empty, noted_first(counted):  # rows without a count, before a later error
        for line, fields in labelled_rows(
            text, table, label_at, source, unnamed, others=others
        ):
            names.append(fields[table.name_at])
            labels.append(fields[label_at])
            lines.append(line)
            if counted is not None:
                counted.add(fields[counted.at], fields[table.name_at], line)
    kept = ("count", "label") if counted is not None else ("label",)
    unnamed_note(unnamed, source, kept, none_named=not names)  # before a refusal
    if not names:
        raise ValueError(f"{source} holds no names below its header.")
    return names, labels, lines, counted and counted.weights()


def unnamed_note(unnamed, source, kept=(), *, none_named=False):
    """Note on stderr the rows of a table left out for an empty cell in its
    column of names (``unnamed``), if any, and what of them is lost (``kept``,
    as in :func:`~sknextchar.datasets._table_rows.unnamed_rows_words`);
    ``none_named``: no row has a name, and the note says to pass another
    ``--names-column`` instead.

    Examples
    --------
    >>> import contextlib, io
    >>> from sknextchar.datasets._table_rows import UnnamedRows
    >>> err, unnamed = io.StringIO(), UnnamedRows()
    >>> unnamed.column, unnamed.first, unnamed.count = "column 'name'", [4, 9], 2
    >>> with contextlib.redirect_stderr(err):
    ...     unnamed_note(unnamed, "'kids.csv'", ("count",))
    >>> print(err.getvalue())  # doctest: +ELLIPSIS
    Note: 2 rows of 'kids.csv' have no name in column 'name' and are left out, ...
    """
    if unnamed:
        elsewhere = "--names-column" if none_named else None
        words = unnamed_rows_words(unnamed, source, kept, elsewhere=elsewhere)
        print(f"Note: {words}", file=sys.stderr)


def read_names_file(path, *, encoding="utf-8", names_column=None, places=None,
                    training=False, counts=None, with_counts=False,
                    whole_counts=False, allow_empty=False):  # fmt: skip
    """The names of a file of names: one per line, or a table's column of names.

    A table (a header row with a column of names, see
    :mod:`sknextchar.datasets._tables`) gives the names of that column, with a
    note on standard error; a file that looks like a table without such a
    header is refused, and so is a header row above rows split at another
    delimiter (``name,label`` above ``Anna;F``); any other file gives one name
    per line, as :func:`~sknextchar.datasets.load_names` reads it (with a note
    when its first line reads as a header: :func:`header_as_name_note`).

    Parameters
    ----------
    path : str
        NAMES_FILE, ``--names-file`` or ``--exclude-file``.
    encoding : str, default="utf-8"
    names_column : str or None, default=None
        ``--names-column``: read this column of a table, without a note.
    places : Places or None, default=None
        Where to record the line of each name, for error messages.
    training : bool, default=False
        The file is ``train``'s: the note says how to train by label.
    counts : str or None, default=None
        ``train --counts COLUMN``: the note does not offer it as labels.
    with_counts : bool, default=False
        Return ``(names, weights)``: also the count of each name, read in the
        column ``counts`` on the name's own row (None without ``counts``).
    whole_counts : bool, default=False
        Refuse a count with a fraction (``--model kneser-ney``).
    allow_empty : bool, default=False
        Give an empty list for a file without names (``--exclude-file``: an
        empty list excludes nothing), instead of failing.

    Returns
    -------
    names : list of str

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.csv")
    ...     with open(path, "w") as f:
    ...         _ = f.write('name,label\\n"Zoë",female\\nJosé,male\\n')
    ...     read_names_file(path, names_column="name")
    ['Zoë', 'José']
    """
    # A line of megabytes refused as it is read (a name: check_name_lengths).
    text = read_text(path, encoding=encoding, longest=MAX_ROW_LETTERS)
    _check_header_rows(text_lines(text), path)
    table = (
        detect_table(text_lines(text), path)
        if names_column is None
        else table_of(text_lines(text), path, names_column)
    )
    counted = with_counts and counts is not None
    if table is None and (not counted or _in_header(text, counts)):
        # A header without names: before --counts, a column of that header.
        _refuse_headerless(text.splitlines(), path, training)
    column = None
    if counted:  # the header, before any row (none: --counts says so)
        column = _counts_column(table, counts, text, path, whole_counts)
    if names_column is not None:  # Emma,F: a row of data read as the header row?
        at = None if column is None else column.at
        warn_named_header(text_lines(text), table, path, at)
    if table is None:
        rows = [(line, name) for line, name in numbered_lines(text) if name]
        warn_comment_lines([name for _, name in rows], path)
        warn_title_name(rows, path)
        warn_quoted_lines([name for _, name in rows], path, _one_column(training))
        header_as_name_note(list(itertools.islice(text_lines(text), 1)), path)
    else:  # train's note looks at the other columns as the names are read
        cells = LabelCells(table, counts) if training and names_column is None else None
        rows, unnamed = _table_rows(text, table, path, column, cells)
        if names_column is None:
            head = itertools.islice(text_lines(text), LINES_LOOKED_AT + 1)
            table_note(
                table, path, training, counts, list(head), whole=whole_counts,
                label_cells=cells,
            )  # fmt: skip
        kept = ("count",) if column is not None else ()  # after the column's note
        unnamed_note(unnamed, shown_path(path), kept, none_named=not rows)
    if not rows and allow_empty:
        return []
    if not rows:
        what = "one name per line" if table is None else f"names in {table.column!r}"
        raise ValueError(f"{shown_path(path)} contains no names; expected {what}.")
    lines, names = (list(values) for values in zip(*rows))
    _look_at_names(names, table, path, names_column, training)
    if places is not None:
        places.add_lines("names", path, names, lines)
    if not with_counts:
        return names
    return names, column and column.weights()


def _look_at_names(names, table, path, names_column, training):
    """Warn when the column asked for by ``--names-column`` looks like labels
    or dates (:func:`~sknextchar.datasets._family_records.warn_names_look`),
    and, for ``train``, note names written with their surnames
    (``Kowalski, Jan``)."""
    if table is not None and names_column is not None:  # Sex: F, M
        warn_names_look(names, table, python=False)
    words = training and surname_shape_words(names, False, table is not None)
    if words:
        inform(f"Note: {shown_path(path)}: {words}", file=sys.stderr)


def _check_header_rows(lines, path):
    """Refuse a header row of names whose rows are split at another delimiter
    (``name,label`` above ``Anna;F``), in any file (as a list, a ``.txt``
    file would read its lines as names)."""
    lines = list(itertools.islice(lines, LINES_LOOKED_AT))
    first = header_line(lines)
    table = find_table(first, path) if first and not separator_hint(first) else None
    if table is not None:
        source = shown_path(path)
        check_rows_below_header(lines, table.delimiter, len(table.header), source)


def _in_header(text, column):
    """Whether the header line of a text is a header row with ``column``."""
    first = header_line(text_lines(text))
    return any(
        header_column_at(first_row(first, d), column) is not None for d in ",;\t"
    )


def _counts_column(table, counts, text, path, whole):
    """The :class:`CountsColumn` ``counts`` of the table of names, its
    header checked before any row is read (the header row's, below a title)."""
    header, names_at = (None, None) if table is None else (table.header, table.name_at)
    skipped = 0 if table is None else table.skipped
    first = header_line(without_title(text_lines(text), skipped))
    line = header_line_number(text_lines(text), skipped)
    lines = without_title(text_lines(text), skipped)
    delimiter = row_fields(first)[1] if table is None else table.delimiter
    below = rows_later(lines, delimiter, shown_path(path))  # not a table: as split
    at = counts_column_at(
        header, counts, first, shown_path(path), names_at, line, below
    )

    def ahead(line):  # the cells below line, for counts such as 1.500 that tell late
        return cells_below(text_lines(text), table, at, line)

    shown = untitled_place(header, at) or header[at]  # name, : --counts 2
    return CountsColumn(shown_path(path), shown, whole, at, table.delimiter, ahead)


def _table_rows(text, table, path, column, cells=None):
    """``(line, name)`` of each row of a table with a name, in one pass: with
    a :class:`CountsColumn`, the count of each name read on its row; with
    :class:`LabelCells`, the row's other cells looked at as labels; and the
    lines of the rows without a name, for :func:`unnamed_note`."""
    rows, name_at, unnamed = [], table.name_at, UnnamedRows()
    with noted_first(column):  # rows without a count, before a later error
        for line, fields in named_rows(
            text_lines(text), table, shown_path(path), unnamed
        ):
            if column is not None:
                column.add(fields[column.at], fields[name_at], line)
            if cells is not None:
                cells.add(fields)
            rows.append((line, fields[name_at]))
    return rows, unnamed


def names_column_of(
    path, *, encoding="utf-8", names_column=None, training=False, counts=None
):
    """The column of names of a file read in chunks (None: one name per line).

    What :func:`read_names_file` decides, from the first lines of the file
    only (it may be larger than memory); the note is printed the same way.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("O'Brien\\nJean-Luc\\n")
    ...     print(names_column_of(path))
    None
    """
    first = _first_lines(path, encoding, LINES_LOOKED_AT + 1)  # + 1: more?
    _check_header_rows(first, path)
    table = (
        detect_table(first, path, warn=False)  # a title: told as the file is read
        if names_column is None
        else table_of(first, path, names_column, warn=False)
    )
    if table is None:
        _refuse_headerless(first, path, training)
        header_as_name_note(first, path)
        return None  # its lines in double quotes: told as train_from_file reads it
    if names_column is None:  # --chunk-size or --resume: never --labels
        table_note(table, path, training, counts, first, by_label=False)
    return table.column


def _first_lines(path, encoding, n_lines):
    """Up to ``n_lines`` first lines of a file, decoded as read_text does.

    Unlike :func:`sknextchar.datasets._base.first_lines` (a hint
    for a message, which never raises and reads no pipe), these lines decide how
    the file is read: a path or a start that reading the file would refuse
    is refused here, in the same words, before any line is taken.
    """
    path = check_names_path(path, encoding)
    with open_lines(path, encoding, errors="replace", buffering=SAMPLE_BYTES) as text:
        # Its first megabyte refused as reading the whole file would, before a
        # first "line" of a gigabyte of NULs is read.
        start = text.buffer.peek(SAMPLE_BYTES)[:SAMPLE_BYTES]
        check_file_start(start, path, encoding)
        return list(itertools.islice(text, n_lines))


# How to read whole lines that end with a number as names (R2,5).
_WHOLE_NAMES = (
    " If each line is one whole name, {0}s and numbers included, make it a .csv "
    'file whose first line is name, each name below it in quotes (e.g. "{1}").'
)


def _refuse_headerless(lines, path, training=False):
    """A file that looks like a table, without a header naming its names:
    refuse, with what the command can do (``training``: ``train``, which also
    reads ``--labels`` and ``--counts``; ``score`` and ``sample`` read names)."""
    found = headerless_table(lines, path)
    if found is None:
        return
    character, width = found
    delimiter = DELIMITER_NAMES[character]
    first = next(line for line in lines if line.strip())
    fields = (next(csv.reader([first], delimiter=character)) + [""] * width)[:width]
    # Anna,,, : no name ends with a comma, whatever the file's name
    empty = ends_in_empty_fields(lines[:LINES_LOOKED_AT], character)
    by_label = training and not empty  # no column of labels beside empty ones
    labels = "; and --labels COLUMN to train by label" if by_label else ""
    example = fields[column_roles(fields, character)[0]]
    example = f" (e.g. --names-column {shell_word(example)}{labels})" if example else ""
    whole_lines = (
        ""
        if delimiter == "tab" or empty
        else " If each line is one name, "
        f"{delimiter}s included, give the file a .txt name."
    )
    rows = rows_below_header(lines, character, shown_path(path))  # 2024 above F
    # ana,5: a name, its count, on every line looked at (not 2024 above F)
    counted = is_number(fields[-1].strip(), character) and holds_numbers(
        rows, character, width - 1, empty=True
    )
    header = _header_example(fields, character, rows)
    if counted:  # any file whose every line ends with a number is a table
        whole = _WHOLE_NAMES.format(delimiter, first.strip())
        long = len(first.strip()) > MAX_QUOTED_ROW  # hardly one name: no example
        whole_lines = "" if delimiter == "tab" or long else whole
    no_header = f"add one (e.g. {header}) first."
    if training:  # train reads it as it is, its columns by number
        advice = headerless_advice(
            fields, character, COMMAND_LINE, labels=True, rows=rows
        )
        no_header = surname_column_words(lines, character) or f"{advice}."
    named = "If that line is its header, pass --names-column COLUMN, "
    named += "the header of the names"
    advice = f"{named}{example}; if it has no header row, {no_header}"
    if first_row_data_like(lines, character, shown_path(path)):  # Emma,F,18688
        advice = f"It looks like a row of data: if so, {no_header} {named}."
    raise ValueError(
        f"{shown_path(path)} looks like a table of {width} columns: "
        f"{lines_looked_at(len(lines))} has {width} fields between {delimiter}s, "
        "and its first line "
        f"{quoted_row(first)} is not a header with a column of names (such as "
        f"'name' or 'first name'). {advice}" + whole_lines
    )


def _one_column(training):
    """How a command reads a file's lines as fields of CSV, quotes removed:
    ``train`` as a table without a header row; the others need a header."""
    if training:
        return COMMAND_LINE_ONE_COLUMN
    return COMMAND_LINE_BY_HEADER


def _header_example(fields, delimiter, rows=()):
    """A header row for a table without one, from its first row ``fields``
    (and the ``rows`` below it), in its own delimiter (a tab in words):
    ``name``, ``label`` and ``count`` over the columns :func:`column_roles`
    finds them in, ``columnN`` elsewhere.

    Examples
    --------
    >>> _header_example(["Anna", "F"], ";")
    'name;label'
    >>> _header_example(["Anna", "F", "5"], "\\t")
    'name, a tab, label, a tab, count'
    >>> _header_example(["1", "Anna", "F"], ";")
    'column1;name;label'
    >>> _header_example(["Anna", "1", "F"], ",")
    'name,count,label'
    >>> _header_example(["Anna"] + ["1"] * 99, ",")[-36:]
    'column16,column17,column18,...,count'
    """
    header = [f"column{i + 1}" for i in range(len(fields))]
    roles = column_roles(fields, delimiter, rows)
    for at, title in zip(roles, ("name", "label", "count")):
        if at is not None:
            header[at] = title
    if len(header) > MAX_QUOTED_FIELDS:  # thousands of columns: the first, the last
        header = [*header[: MAX_QUOTED_FIELDS - 2], "...", header[-1]]
    return (", a tab, " if delimiter == "\t" else delimiter).join(header)
