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
import io
import itertools
import sys
from importlib import resources

from .._shown_paths import shown_path
from .._text import MAX_QUOTED_FIELDS, MAX_QUOTED_ROW, quoted_fields, quoted_row
from ..datasets._base import (
    check_file_start,
    check_names_path,
    numbered_lines,
    open_lines,
    read_text,
    warn_comment_lines,
    warn_title_name,
)
from ..datasets._column_arguments import COMMAND_LINE, headerless_advice
from ..datasets._encoding import SAMPLE_BYTES
from ..datasets._long_lines import MAX_ROW_LETTERS
from ..datasets._quoted_lines import COMMAND_LINE_ONE_COLUMN, warn_quoted_lines
from ..datasets._table_rows import (
    DELIMITER_NAMES,
    UnnamedRows,
    check_one_line,
    close_header,
    ends_in_empty_fields,
    header_line_number,
    header_place,
    table_rows,
    text_lines,
    unnamed_rows_words,
    without_title,
)
from ..datasets._tables import (
    LINES_LOOKED_AT,
    NAME_HEADERS,
    Table,
    cells_below,
    check_no_title,
    check_not_separator_line,
    check_one_column,
    check_rows_below_header,
    clear_title,
    detect_table,
    find_table,
    header_key,
    header_line,
    header_row,
    headerless_table,
    is_header_row,
    is_number,
    lines_looked_at,
    named_rows,
    table_of,
    title_of,
    warn_title,
)
from ._column_note import LabelCells, header_as_name_note, shell_word, table_note
from ._label_checks import check_labels_file, checked_labels, is_labels_file
from ._paired import paired_lines
from ._weights import CountsColumn, counts_column_at

__all__ = ["names_column_of", "read_labelled_names", "read_names_file"]

_BUNDLED = ("sknextchar.datasets", "data", "indian_name_labels.csv")


def read_labelled_names(
    names_file, labels, *, encoding="utf-8", places=None, names_column=None,
    counts=None, whole_counts=False,
):  # fmt: skip
    """The names and their labels for ``train --labels``.

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
        names_file, labels, encoding, names_column, (counts, whole_counts)
    )
    if places is not None and names_file is not None:
        places.add_lines("names", names_file, names, lines)
    values = checked_labels(values, weights, labels, names_file, counts)
    return (names, values) if counts is None else (names, values, weights)


def _read_pairs(names_file, labels, encoding, names_column, counts):
    """The names, their labels as the files hold them, the names' lines and
    their counts (None without ``counts``, ``(column, whole)``)."""
    as_file = is_labels_file(labels)
    if as_file and counts[0] is not None:
        raise ValueError(
            f"--counts {counts[0]!r} reads a column of NAMES_FILE, a table, and "
            f"--labels {shown_path(labels)} is a file of labels, one per line of a "
            "NAMES_FILE of one name per line: pass the labels as a column of "
            "NAMES_FILE (--labels COLUMN)."
        )
    if as_file:
        if names_column is not None:
            raise ValueError(
                f"--labels {shown_path(labels)} is a file of labels, one per line "
                "of NAMES_FILE, so NAMES_FILE is one name per line: leave out "
                "--names-column, or pass the label column of NAMES_FILE as "
                "--labels COLUMN."
            )
        if names_file is None:
            raise ValueError(
                f"--labels {shown_path(labels)} is a file of labels, one per line "
                "of NAMES_FILE: pass NAMES_FILE too (or --labels label for the "
                "bundled names' labels)."
            )
        check_labels_file(labels, names_file)
        return (*paired_lines(names_file, labels, encoding), None)
    if names_file is None:
        text = resources.files(_BUNDLED[0]).joinpath(*_BUNDLED[1:]).read_text("ascii")
        source = "the bundled names (columns 'name' and 'label')"
    else:
        text, source = read_text(names_file, encoding=encoding), shown_path(names_file)
        check_not_separator_line(header_line(text_lines(text)), names_file)
    try:
        return _columns(text, labels, source, names_column, counts)
    except ValueError:  # a title above the header row: left out, as the names'
        head = list(itertools.islice(text_lines(text), LINES_LOOKED_AT))
        if names_file is None or not (
            found := title_of(head, names_file, names_column)
            or title_of(head, names_file)  # --names-column not its: said below
        ):
            raise
    if not clear_title(head, found):  # names above the header row: refused
        check_no_title(head, names_file, names_column)
    warn_title(head, found, names_file)
    below = list(text_lines(text))[found[0] :]  # its lines, numbered as in the file
    return _columns("\n" * found[0] + "".join(below), labels, source, names_column,
                    counts)  # fmt: skip


def _flag(column):
    """``--names-column COLUMN``, as typed at a shell."""
    return f"--names-column {shell_word(column)}"


def _labels_flag(column):
    """``--labels COLUMN``, as typed at a shell."""
    return f"--labels {shell_word(column)}"


def _delimiter(text, column):
    """The CSV delimiter of ``text``: the one whose header row holds ``column``.

    A comma, a semicolon or a tab, tried in that order; when none gives such a
    header, what :class:`csv.Sniffer` guesses (for the error message). The
    header decides, not a guess from the rows: an apostrophe in a name
    (O'Brien) or a blank line can mislead the sniffer.
    """
    for delimiter in ",;\t":
        if header_column_at(_first_row(text, delimiter), column) is not None:
            return delimiter
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _first_row(text, delimiter):
    """The stripped fields of the header row of a CSV text (its first
    non-blank line, :func:`header_line`)."""
    try:
        header = next(csv.reader([header_line(text_lines(text))], delimiter=delimiter))
    except (csv.Error, StopIteration):  # a field beyond the reader's limit: none
        return []
    return [field.strip() for field in header]


def header_column_at(header, column):
    """The index of a column (``--labels COLUMN``) in a header row: the field
    spelled ``column``, else the one field that :func:`header_key` finds equal
    (``Sex`` for ``sex``, as ``--counts`` and ``--names-column`` read their
    columns); None for none, or two such fields.

    Examples
    --------
    >>> header_column_at(["name", "Sex"], "sex")
    1
    >>> header_column_at(["Sex", "SEX"], "sex") is None
    True
    """
    if column in header:
        return header.index(column)
    key = header_key(column)
    found = [i for i, field in enumerate(header) if header_key(field) == key]
    return found[0] if len(found) == 1 else None


def _rows(text, column, source):
    """The rows of a CSV text, each with the line it starts on, read as they
    are asked for.

    Every line end (CR, LF, CRLF) ends a row, unless it is inside quotes.
    """
    return table_rows(_lf_lines(text), _delimiter(text, column), source)


def _lf_lines(text):
    """The lines of ``text``, each line end (CR, LF, CRLF) read as LF."""
    return io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"))


def _labelled_counts(text, column, source, header, name_at, counts):
    """The :class:`CountsColumn` ``counts[0]`` of a table whose labels are
    its column ``column`` (None without ``--counts``), read from its rows."""
    if counts[0] is None:
        return None
    first = header_line(text_lines(text))
    line = header_line_number(text_lines(text))
    at = counts_column_at(header, counts[0], first, source, name_at, line)

    def ahead(below):  # the cells again, for counts such as 1.500 that tell late
        for line, fields in _rows(text, column, source):
            if line > below and len(fields) > max(at, name_at) and fields[name_at]:
                yield line, fields[name_at], fields[at]

    delimiter = _delimiter(text, column)
    return CountsColumn(source, header[at], counts[1], at, delimiter, ahead)


def _name_at(header, label_at, names_column, source, line=1):
    """The column of names: ``names_column``, else a "name" column, else the
    first (``line``: the header row's)."""
    others = [i for i in range(len(header)) if i != label_at]
    at = _names_among(header, others, names_column)
    if at is not None:
        return at
    if names_column is None:
        raise ValueError(
            f"{source} has no column of names beside {header[label_at]!r}."
        )
    if header_key(header[label_at]) == header_key(names_column):
        raise ValueError(
            f"--names-column {names_column!r} is also the label column "
            f"(--labels {header[label_at]!r}) of {source}: the names and their "
            "labels are two columns; pass the header of each."
        )
    raise ValueError(
        f"--names-column {names_column!r} is not a column of {source} "
        f"beside the labels, whose {header_place(line)} is "
        f"{quoted_fields(header)}"
        f"{close_header(names_column, [header[i] for i in others], _flag)}: "
        "pass the header of its column of names."
    )


def _names_among(header, others, names_column):
    """The column of names among the columns ``others`` of ``header``:
    ``names_column``'s, else the first whose header says "name", else the
    first of ``others``; None for none."""
    if names_column is not None:
        key = header_key(names_column)
        return next((i for i in others if header_key(header[i]) == key), None)
    named = [i for i in others if header_key(header[i]) in NAME_HEADERS]
    if named:
        return named[0]
    return others[0] if others else None


def _refuse_labels(text, column, source, found, names_column, counts):
    """Refuse ``--labels column``, no column of the header row ``found``
    (``(line, header, rows)``: its line, its fields and the rows below it).

    The message offers the header's case variants of ``column``, else the
    field close to it, but never the column the names would be read from,
    nor the column of ``--counts`` (``counts``), nor a value of a first row
    that may be data (:func:`_values`).
    """
    line, header, rows = found
    near = [
        _labels_flag(field)
        for field in header
        if field and header_key(field) == header_key(column)
    ]  # 'Sex' and 'SEX'
    hint = f" (did you mean {' or '.join(near)}?)" if near else ""
    delimiter = _delimiter(text, column)
    offered = len(header) > 1 and not is_header_row(header, delimiter)
    left_out = _values(header, rows) if offered else set()
    left_out.add(_names_among(header, range(len(header)), names_column))
    counts_key = None if counts is None else header_key(counts)
    left_out.update(
        i for i, field in enumerate(header) if header_key(field) == counts_key
    )
    others = [field for i, field in enumerate(header) if i not in left_out]
    hint = hint or close_header(column, others, _labels_flag)  # 'lable'
    advice = headerless_advice(header, delimiter, COMMAND_LINE, labels=True)
    raise ValueError(
        f"--labels {column!r} is neither a file nor a column of {source}, whose "
        f"{header_place(line)} is {quoted_fields(header)}{hint}. Pass the "
        "name of the label column (e.g. --labels label for a CSV file "
        "name,label), or a file with one label per line"
        + (f". If it has no header row, {advice}." if offered else ".")
    )


def _values(header, rows):
    """The columns of a first row that may be data (``header``) whose field
    is found again in its column in the first rows below (``rows``, read as
    :func:`table_rows` reads them): a value (``f`` of ``Mabel,f`` above
    ``Anna,f``), not a header; none when a row cannot be read (the rows read
    in order say why)."""
    cells = set()
    try:
        for _, fields in itertools.islice(rows, LINES_LOOKED_AT):
            cells.update(enumerate(fields))
    except ValueError:
        pass
    return {i for i, field in enumerate(header) if (i, field) in cells}


def _columns(text, column, source, names_column=None, counts=(None, False)):
    """The name column, the label column, the names' lines and their counts
    (``counts``: ``(column, whole)``; None without a column) of a CSV text."""
    rows = _rows(text, column, source)
    line, header = header_row(rows) or (1, [])
    label_at = header_column_at(header, column)
    if label_at is None:
        found = (line, header, rows)
        _refuse_labels(text, column, source, found, names_column, counts[0])
    check_one_column(header, label_at, source, exact=True)
    head = list(itertools.islice(text_lines(text), LINES_LOOKED_AT))
    check_rows_below_header(head, _delimiter(text, column), len(header), source)
    name_at = _name_at(header, label_at, names_column, source, line)
    check_one_column(header, name_at, source, skip=[label_at])
    counted = _labelled_counts(text, column, source, header, name_at, counts)
    names, labels, lines, unnamed = [], [], [], UnnamedRows()
    table = Table(_delimiter(text, column), header, name_at)
    for line, fields in named_rows(_lf_lines(text), table, source, unnamed):
        if not fields[label_at]:
            raise ValueError(
                f"Line {line} of {source} has the name {fields[name_at]!r} but no "
                f"label in column {header[label_at]!r}; give every name a label."
            )
        check_one_line(fields[label_at], line, source)
        names.append(fields[name_at])
        labels.append(fields[label_at])
        lines.append(line)
        if counted is not None:
            counted.add(fields[counted.at], fields[name_at], line)
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
    if places is not None:
        places.add_lines("names", path, names, lines)
    if not with_counts:
        return names
    return names, column and column.weights()


def _check_header_rows(lines, path):
    """Refuse a header row of names whose rows are split at another delimiter
    (``name,label`` above ``Anna;F``), in any file (as a list, a ``.txt``
    file would read its lines as names)."""
    lines = list(itertools.islice(lines, LINES_LOOKED_AT))
    first = header_line(lines)
    table = find_table(first, path) if first else None
    if table is not None:
        source = shown_path(path)
        check_rows_below_header(lines, table.delimiter, len(table.header), source)


def _in_header(text, column):
    """Whether the header line of a text is a header row with ``column``."""
    first = header_line(text_lines(text))
    return any(
        header_column_at(_first_row(first, d), column) is not None for d in ",;\t"
    )


def _counts_column(table, counts, text, path, whole):
    """The :class:`CountsColumn` ``counts`` of the table of names, its
    header checked before any row is read (the header row's, below a title)."""
    header, names_at = (None, None) if table is None else (table.header, table.name_at)
    skipped = 0 if table is None else table.skipped
    first = header_line(without_title(text_lines(text), skipped))
    line = header_line_number(text_lines(text), skipped)
    at = counts_column_at(header, counts, first, shown_path(path), names_at, line)

    def ahead(line):  # the cells below line, for counts such as 1.500 that tell late
        return cells_below(text_lines(text), table, at, line)

    return CountsColumn(shown_path(path), header[at], whole, at, table.delimiter, ahead)


def _table_rows(text, table, path, column, cells=None):
    """``(line, name)`` of each row of a table with a name, in one pass: with
    a :class:`CountsColumn`, the count of each name read on its row; with
    :class:`LabelCells`, the row's other cells looked at as labels; and the
    lines of the rows without a name, for :func:`unnamed_note`."""
    rows, name_at, unnamed = [], table.name_at, UnnamedRows()
    for line, fields in named_rows(text_lines(text), table, shown_path(path), unnamed):
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

    Unlike :func:`sknextchar.datasets._base.first_lines` (a hint for a
    message, which never raises and reads no pipe), these lines decide how
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
    example = fields[_names_field(fields, character)]
    example = f" (e.g. --names-column {shell_word(example)}{labels})" if example else ""
    whole_lines = (
        ""
        if delimiter == "tab" or empty
        else " If each line is one name, "
        f"{delimiter}s included, give the file a .txt name."
    )
    counted = is_number(fields[-1].strip(), character)  # ana,5: a name, its count
    header = _header_example(fields, character, counted)
    if counted:  # any file whose every line ends with a number is a table
        whole = _WHOLE_NAMES.format(delimiter, first.strip())
        long = len(first.strip()) > MAX_QUOTED_ROW  # hardly one name: no example
        whole_lines = "" if delimiter == "tab" or long else whole
    no_header = f"add one (e.g. {header}) first."
    if training:  # train reads it as it is, its columns by number
        advice = headerless_advice(fields, character, COMMAND_LINE, labels=True)
        no_header = f"{advice}."
    raise ValueError(
        f"{shown_path(path)} looks like a table of {width} columns: "
        f"{lines_looked_at(len(lines))} has {width} fields between {delimiter}s, "
        "and its first line "
        f"{quoted_row(first)} is not a header with a column of names (such as "
        f"'name' or 'first name'). If that line is its header, pass --names-column "
        f"COLUMN, the header of the names{example}; "
        f"if it has no header row, {no_header}" + whole_lines
    )


def _one_column(training):
    """How a command reads a file's lines as fields of CSV, quotes removed:
    ``train`` as a table without a header row; the others need a header."""
    if training:
        return COMMAND_LINE_ONE_COLUMN
    return 'add a header row, a first line "name", and pass --names-column name'


def _names_field(fields, delimiter):
    """The place of the names in a row: its first field that is no number."""
    numbers = [is_number(field.strip(), delimiter) for field in fields]
    return numbers.index(False) if False in numbers else 0


def _header_example(fields, delimiter, counted):
    """A header row for a table without one, from its first row ``fields``,
    in its own delimiter (a tab in words): ``name`` over the first field that
    is no number, ``label`` after it, ``count`` last for a row that ends in a
    count (``counted``), ``columnN`` elsewhere.

    Examples
    --------
    >>> _header_example(["Anna", "F"], ";", False)
    'name;label'
    >>> _header_example(["Anna", "F", "5"], "\\t", True)
    'name, a tab, label, a tab, count'
    >>> _header_example(["1", "Anna", "F"], ";", False)
    'column1;name;label'
    >>> _header_example(["Anna"] + ["1"] * 99, ",", True)[-36:]
    'column16,column17,column18,...,count'
    """
    at, last = _names_field(fields, delimiter), len(fields) - 1
    header = [f"column{i + 1}" for i in range(len(fields))]
    header[at] = "name"
    if counted and last != at:
        header[last] = "count"
    if at + 1 < len(fields) and header[at + 1].startswith("column"):
        header[at + 1] = "label"
    if len(header) > MAX_QUOTED_FIELDS:  # thousands of columns: the first, the last
        header = [*header[: MAX_QUOTED_FIELDS - 2], "...", header[-1]]
    return (", a tab, " if delimiter == "\t" else delimiter).join(header)
