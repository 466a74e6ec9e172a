"""``names_column`` and ``counts_column`` refused before a file is read,
with what to pass: a column's header, named from the file's header row.
"""

import collections
from numbers import Integral

from .._remade_errors import remade
from .._shown_paths import flag_word, shown_path
from .._words import counted, quoted, quoted_fields, quoted_row
from ._column_spelling import BLANK_ADVICE, COMMAND_LINE, PYTHON, Spelling
from ._count_cells import is_number
from ._table_rows import (
    DELIMITER_NAMES,
    check_one_column,
    close_header,
    header_key,
    split_rows,
)
from ._untitled_columns import (
    column_cells,
    counts_position,
    holds_numbers,
    no_numbers_words,
    untitled_at,
    untitled_columns,
    untitled_words,
)

__all__ = [
    "COMMAND_LINE",
    "PYTHON",
    "NoColumnError",
    "Spelling",
    "check_column_arguments",
    "check_blank_column",
    "check_counts_column_argument",
    "check_labels_column_argument",
    "column_roles",
    "headerless_advice",
    "row_fields",
]


def check_column_arguments(names_column, counts_column, path, header_row):
    """Refuse a ``names_column`` that is not a header (a str) or None, then a
    ``counts_column`` that is not (or comes without ``names_column``), before
    the file at ``path`` is read.

    Parameters
    ----------
    names_column, counts_column : object
        The arguments, as given.
    path : str or os.PathLike
        The file, named in messages.
    header_row : callable
        Called with no argument only when ``names_column`` is refused, to
        name the columns of the file's header row: returns the header row's
        line and its table (None if no column of names is found), the line
        None when it is not known (the file not read), and the rows below
        it (``(line, fields)``), which say what its untitled columns hold.

    Examples
    --------
    >>> check_column_arguments("name", None, "kids.csv", None)  # fine
    >>> check_column_arguments(0, None, "kids.csv", lambda: (None, None, ()))
    Traceback (most recent call last):
    ...
    TypeError: names_column must be the header of the column of names (a str) or \
None, not its position; got 0.
    """
    if names_column is not None and not isinstance(names_column, str):
        first, table, rows = header_row()
        source, counts = shown_path(path), counts_column is not None
        _refuse_names_column(names_column, first, table, source, counts=counts,
                             rows=rows)  # fmt: skip
    if counts_column is not None and not isinstance(counts_column, str):
        found = header_row()
        if counts_position(counts_column, found[1]) is None:
            _refuse_counts_column(counts_column, found, shown_path(path))
    check_blank_column(names_column, "names_column")
    if counts_column is not None:
        check_counts_column_argument(counts_column, names_column)


def check_counts_column_argument(counts_column, names_column):
    """Refuse a ``counts_column`` that is not a header (or the position of a
    column left without a title, :func:`counts_position`, checked before),
    or comes without the ``names_column`` beside which it is read.

    Examples
    --------
    >>> check_counts_column_argument("count", None)
    Traceback (most recent call last):
    ...
    ValueError: counts_column='count' reads a column of a table: pass ...
    """
    if not isinstance(counts_column, str) and not _is_position(counts_column):
        raise TypeError(
            "counts_column must be the header of a column of counts (a str) or "
            f"None; got {counts_column!r}."
        )
    check_blank_column(counts_column, "counts_column")
    if names_column is None:
        raise ValueError(
            f"counts_column={counts_column!r} reads a column of a table: pass "
            "names_column too, the header of its column of names."
        )


def check_labels_column_argument(
    labels_column, counts_column, header, path=None, header_row=None
):
    """Refuse a ``labels_column`` that is not a header (a str) with
    ``header="infer"`` (with ``header=None`` a position, checked by
    :func:`~._positions.check_header_arguments`), or a blank one, and a
    ``counts_column`` that is not a header or is the labels' too, before a
    file is read. ``header_row`` is called as by
    :func:`check_column_arguments` when a position is refused, to say how to
    read the file by the positions of its columns; the rows below the header
    row it returns third say which untitled columns hold labels
    (:func:`untitled_columns`).

    Examples
    --------
    >>> check_labels_column_argument("sex", "count", "infer")  # fine
    >>> check_labels_column_argument(1, 2, None)  # positions: checked elsewhere
    >>> check_labels_column_argument("sex", "Sex", "infer")
    Traceback (most recent call last):
    ...
    ValueError: counts_column='Sex' is also labels_column='sex': the labels and ...
    """
    if header is None:
        return
    if not isinstance(labels_column, str):
        first, table, rows = header_row() if header_row else (None, None, ())
        if table is None or untitled_at(labels_column, table.header) is None:
            source = shown_path(path) if path is not None else None
            found = first, table, source, rows
            _refuse_labels_column(labels_column, found, counts_column is not None)
    else:
        check_blank_column(labels_column, "labels_column")
    if counts_column is None:
        return
    _check_counts_position(counts_column, labels_column, path, header_row)
    check_counts_column_argument(counts_column, labels_column)  # given
    if _is_position(counts_column):  # an untitled column's, checked above
        same, each = counts_column == labels_column, "the position of each"
    else:
        key, each = header_key(counts_column), "the header of each"
        same = isinstance(labels_column, str) and key == header_key(labels_column)
    if same:
        raise ValueError(
            f"counts_column={counts_column!r} is also labels_column="
            f"{labels_column!r}: the labels and the counts are two columns; pass "
            f"{each}."
        )


def _check_counts_position(counts_column, labels_column, path, header_row):
    """Refuse a ``counts_column`` that is neither a header (a str) nor the
    position of a column left without a title (:func:`counts_position`) of
    the header row ``header_row()`` finds, never offering the column of
    ``labels_column``."""
    if isinstance(counts_column, str):
        return
    found = header_row() if header_row else (None, None, ())
    if counts_position(counts_column, found[1]) is None:
        source = shown_path(path) if path is not None else None
        _refuse_counts_column(counts_column, found, source, labels_column)


def check_blank_column(column, argument):
    """Refuse a blank header (``""``, ``" "``) given as ``argument``: the
    header of no column, or of one left unnamed, which no argument reads.

    Examples
    --------
    >>> check_blank_column("sex", "labels_column")  # fine
    >>> check_blank_column(" ", "names_column")
    Traceback (most recent call last):
    ...
    ValueError: names_column=' ' is blank: pass the header of the column of names ...
    """
    if not isinstance(column, str) or column.strip():
        return
    what, example, none, untitled = BLANK_ADVICE[argument]
    raise ValueError(
        f"{argument}={column!r} is blank: pass the header of the column of "
        f"{what} (such as {example!r}; a column without a header {untitled}), "
        f"or None {none}."
    )


def _refuse_labels_column(labels_column, found, counts):
    """Refuse a ``labels_column`` that is not a header (a str) with
    ``header="infer"``: for a position, saying how to read the file by the
    positions of its columns (``header=None``), from ``found``: its first
    row (None: not known), its table (None: no column of names found), the
    file as messages show it and the rows below its header row; ``counts``: a
    ``counts_column`` given."""
    position = _is_position(labels_column)
    what = _got(labels_column)
    first, table, source, below = found
    kinds = "(a str) or None, not its position"
    if first and position:
        header, delimiter = _header_fields(first, table)
        row = _row_words(first, table, source)
        if table is not None:  # a header row: the header to pass
            names_at = table.name_at
            first_row = row.startswith("The first")
            row += " is a header row:" if first_row else f" has {len(header)} columns:"
            what += f". {row} pass the header of its column of labels"
            empty = [
                at for at, _ in enumerate(header) if not any(column_cells(below, at))
            ]
            left_out = {names_at, *empty} if below else names_at  # no label: none
            what += _at_position(int(labels_column), header, left_out, "labels_column")
            if untitled := untitled_words(untitled_columns(header, below, delimiter)):
                what += untitled
                kinds = _UNTITLED_KINDS
        elif len(header) > 1:
            advice = headerless_advice(
                header, delimiter, labels=True, counts=counts, rows=below
            )
            what += (
                f". {row} has no usual header of names (such as 'name'). If the "
                f"file has no header row, {advice}"
            )
    if not position:
        kinds = "(a str) or None"
    raise TypeError(
        f"labels_column must be the header of the column of labels {kinds}; {what}."
    )


# What a refused argument may be when the header row has a column left
# without a title: the position reads that one.
_UNTITLED_KINDS = "(a str), the position of a column left without a title, or None"


def _got(column):
    """``got 1``: the refused argument ``column`` (a bool is an int, but no
    position: said so)."""
    return f"got {column!r}" + ", a bool, not a header" * isinstance(column, bool)


def _row_words(first, table, source):
    """The header row ``first`` of ``table`` (None: none found) of the file
    ``source`` in words: its first row, or the row on its line below a
    title or Excel's ``sep=;`` line (``table.skipped``)."""
    skipped = getattr(table, "skipped", 0)
    where = f"header row of {source} (line {skipped + 1})" * bool(skipped)
    return f"The {where or f'first row of {source}'}, {quoted_row(first)},"


def _is_position(column):
    """Whether ``column`` is a position (an int, numpy's too, not a bool)."""
    return isinstance(column, Integral) and not isinstance(column, bool)


def _refuse_names_column(names_column, first, table, source, *, counts=False, rows=()):
    """Refuse a ``names_column`` that is not a header (a str), such as the
    position of the column: naming the columns of the header row ``first``
    (None: not known, the file not read) and the one to pass: the column of
    names of ``table`` (the table found without a ``names_column``; None for
    none), or the headers at that position, counted from 0 and from 1
    (``counts``: whether a ``counts_column`` was given too; ``rows``, those
    below ``first``, tell which column could be read as counts).

    Examples
    --------
    >>> _refuse_names_column(1, "id,first,last\\n", None, "'kids.csv'")
    Traceback (most recent call last):
    ...
    TypeError: names_column must be the header of the column of names (a str) or ...
    """
    position = _is_position(names_column)
    what = _got(names_column)
    if first is not None:
        at = int(names_column) if position else None
        what += ". " + _what_to_pass(first, table, at, source, (counts, rows))
    raise TypeError(
        "names_column must be the header of the column of names (a str) or "
        f"None{', not its position' * position}; {what}."
    )


def _refuse_counts_column(counts_column, found, source, labels_column=None):
    """Refuse a ``counts_column`` that is not a header (a str), such as the
    position of a titled column: naming the headers of the header row
    ``first`` (None: not known) that may be passed and the untitled columns
    of counts in the rows below it, and, for a first row in which no column
    of names is found (``table`` None), the reading of a file without a
    header row, by the positions of its columns; ``found`` is ``(first,
    table, rows)``, ``rows`` those below the header row. A column is offered
    only if it holds numbers there (when they are known), and never the
    names' nor ``labels_column``'s.

    Examples
    --------
    >>> _refuse_counts_column(2, ("Emma,F,18688\\n", None, ()), "'yob.txt'")
    Traceback (most recent call last):
    ...
    TypeError: counts_column must be the header of a column of counts (a str) ...
    """
    position = _is_position(counts_column)
    what = _got(counts_column)
    first, table, rows = found
    header, delimiter = _header_fields(first, table) if first else ([], ",")
    untitled = ""
    if len(header) > 1:
        at = int(counts_column) if position else None
        left_out = _not_counts(header, table, (rows, delimiter), labels_column)
        row = _row_words(first, table, source)
        usable = [header[i] for i in sorted(_reading_one(header) - left_out)]
        skip = _not_counts(header, table, ((), delimiter), labels_column)
        one_of = f", one of {quoted_fields(usable)[1:-1]}" if usable else ""
        if why := "" if usable else no_numbers_words(header, (rows, delimiter), skip):
            one_of = f" ({why})"
        as_header = f"pass the header of its column of counts{one_of}" + (
            _at_position(at, header, left_out, "counts_column")
        )
        if table is not None:
            what += f". {row} has {counted(len(header), 'column')}: {as_header}"
            at = untitled_columns(header, rows, delimiter, True, table.name_at)
            untitled = untitled_words(at, what="counts")
            what += untitled
        else:
            advice = headerless_advice(header, delimiter, rows=rows)
            what += (
                f". {row} has no usual header of names (such as 'name'). If it "
                f"is a header row, {as_header}. If it is a row of data (the "
                f"file has no header row), {advice}"
            )
    kinds = _UNTITLED_KINDS
    if not untitled:
        kinds = f"(a str) or None{', not its position' * position}"
    raise TypeError(
        f"counts_column must be the header of a column of counts {kinds}; {what}."
    )


def _not_counts(header, table, below, labels_column):
    """The columns of ``header`` never offered as the counts': the names'
    (of ``table``, None: not known), the labels' (``labels_column``), and,
    when the rows ``below`` it (and their delimiter) are known, those whose
    cells are not numbers (a first row in which no table is found included:
    ``2024`` above ``F`` is no header of counts).

    Examples
    --------
    >>> from sknextchar.datasets._tables import Table
    >>> table = Table(",", ["name", "sex", "n", "note"], 0)
    >>> rows = [(2, ["Anna", "F", "3", "x"])]
    >>> sorted(_not_counts(table.header, table, (rows, ","), "sex"))
    [0, 1, 3]
    """
    keys = [header_key(field) for field in header]
    left_out = {None if table is None else table.name_at}
    if isinstance(labels_column, str) and header_key(labels_column) in keys:
        left_out.add(keys.index(header_key(labels_column)))
    elif _is_position(labels_column):
        left_out.add(int(labels_column))
    rows, delimiter = below
    if rows:
        left_out.update(
            at for at in range(len(header)) if not holds_numbers(rows, delimiter, at)
        )
    return left_out


def _header_fields(first, table):
    """The fields of the header row ``first`` and their delimiter: those of
    ``table``, or, for None, split at the delimiter that gives the most."""
    if table is not None:
        return table.header, table.delimiter
    splits = [((split_rows([first], d) or [[]])[0], d) for d in DELIMITER_NAMES]
    fields, delimiter = max(splits, key=lambda split: len(split[0]))
    return [field.strip() for field in fields], delimiter


def row_fields(first):
    """``(fields, delimiter)`` of a first row in which no column was found:
    split at the delimiter that gives the most fields.

    Examples
    --------
    >>> row_fields("Emma;F;18688\\n")
    (['Emma', 'F', '18688'], ';')
    """
    return _header_fields(first, None)


def _what_to_pass(first, table, at, source, counted_rows=(False, ())):
    """What to pass as ``names_column`` for the header row ``first``, in
    words: only a header that reads one column; ``at`` is the position
    given (None: none); ``counted_rows``: whether a ``counts_column`` was
    given, and the rows below ``first``."""
    header, delimiter = _header_fields(first, table)
    one_name = "pass names_column=None to read one name per line"
    if not header:
        return f"{source} has no header row: {one_name}"
    row = _row_words(first, table, source)
    if table is not None:
        row += f" has {counted(len(header), 'column')}"
        try:
            check_one_column(header, table.name_at, source)
        except ValueError as twins:  # name,Name,label: neither header reads it
            return f"{row}, and {str(twins).rstrip('.')}"
        return f"{row}: pass names_column={table.column!r}" + _at_position(
            at, header, table.name_at
        )
    if len(header) < 2:  # 'First Name' or 'Anna': a header, or a name
        return (
            f"{row} is one field, not a usual header of names (such as 'name'). "
            "If it heads the names below it, pass "
            f"names_column={quoted(header[0])}; if it is a name, {one_name}"
        )
    return f"{row} has no usual header of names (such as 'name'). " + _choices(
        header, delimiter, at, *counted_rows
    )


def _choices(header, delimiter, at, counts=False, rows=()):
    """Both readings of a first row of several fields in which no header of
    names was found (``Anna,F``: a row of data; ``id,first``: a header)."""
    usable = [header[i] for i in sorted(_reading_one(header))]
    if usable:
        as_header = (
            "pass the header of its column of names, one of "
            + quoted_fields(usable)[1:-1]
            + _at_position(at, header)
        )
    else:
        as_header = (
            "give each column a header of its own (no two alike), then pass the "
            "header of its column of names"
        )
    return (
        f"If it is a header row, {as_header}. If it is a row of data (the file "
        f"has no header row), "
        f"{headerless_advice(header, delimiter, counts=counts, rows=rows)}; "
        "or pass "
        "names_column=None to read each whole line as a name"
    )


def _reading_one(header):
    """The columns of ``header`` whose header reads them, and no other (not
    empty, not the twin of another as :func:`header_key` compares)."""
    keys = [header_key(field) for field in header]
    twins = collections.Counter(keys)
    return {at for at, key in enumerate(keys) if key and twins[key] == 1}


def _at_position(n, header, offered=None, argument="names_column"):
    """The headers at position ``n`` of ``header`` (None: no position given),
    counted from 0 (as Python counts) and from 1 (as a spreadsheet does),
    those that read one column, as ``argument`` reads them (``""``: none);
    not column ``offered`` (the column of names, already offered, or no
    column of counts; a set: none of those columns)."""
    if n is None or len(header) < 2:
        return ""
    left_out = offered if isinstance(offered, set) else {offered}
    usable = _reading_one(header) - left_out
    found = [
        f"{quoted(header[n - start])} counted from {start} "
        f"({argument}={quoted(header[n - start])} reads it)"
        for start in (0, 1)
        if n - start in usable
    ]
    return f". Column {n} is {', '.join(found)}" if found else ""


def column_roles(fields, delimiter, rows=()):
    """What each column of a table without a header row likely holds, by its
    first row ``fields``: the index of its names (its first field that is no
    number), of its labels (the first field after the names that is neither
    a number nor empty) and of its counts (the last field after the names
    that is a number, and whose cells in the other ``rows`` of the file,
    ``(line, fields)``, are numbers or empty); None for no such field.

    Examples
    --------
    >>> column_roles(["Emma", "F", "18688"], ",")
    (0, 1, 2)
    >>> column_roles(["Anna", "1", "F"], ",")
    (0, 2, 1)
    >>> column_roles(["7", "Anna", ""], ",")
    (1, None, None)
    >>> column_roles(["Baby names", "2024"], ";", [(2, ["Name", "Gender"])])
    (0, None, None)
    """
    numbers = [is_number(field.strip(), delimiter) for field in fields]
    names_at = numbers.index(False) if False in numbers else 0
    after = range(names_at + 1, len(fields))
    label_at = next((i for i in after if not numbers[i] and fields[i].strip()), None)
    counts = (i for i in reversed(after) if numbers[i])
    counts_at = next(
        (i for i in counts if holds_numbers(rows, delimiter, i, True)), None
    )
    return names_at, label_at, counts_at


def headerless_advice(
    fields, delimiter, spelling=PYTHON, *, labels=False, counts=True, by_label=False,
    rows=(),
):  # fmt: skip
    """How to read a table without a header row whose first row is
    ``fields`` (and its other ``rows``, ``(line, fields)``, as far as known):
    its column of names, of counts (with ``counts``) and, with ``labels``, of
    labels (:func:`column_roles`), as ``spelling`` words them (the command
    line's beside its other flags, or among them with ``by_label``: given
    ``--labels``).

    Examples
    --------
    >>> headerless_advice(["Emma", "F", "18688"], ",")
    'pass header=None and the positions of its columns, counted from 0: header=None, names_column=0, counts_column=2'
    >>> headerless_advice(["Emma", "F", "18688"], ",", counts=False)
    'pass header=None and the positions of its columns, counted from 0: header=None, names_column=0'
    >>> headerless_advice(["Emma", "F", "18688"], ",", labels=True)
    'pass header=None and the positions of its columns, counted from 0: header=None, names_column=0, labels_column=1, counts_column=2'
    >>> headerless_advice(["Emma", "F", "18688"], ",", COMMAND_LINE, labels=True)
    'pass --no-header and the numbers of its columns, counted from 1: --no-header --names-column 1 --counts 3 (and --labels 2 to train by label)'
    >>> headerless_advice(["Anna", "1", "F"], ",", COMMAND_LINE, labels=True)
    'pass --no-header and the numbers of its columns, counted from 1: --no-header --names-column 1 --counts 2 (and --labels 3 to train by label)'
    """  # noqa: E501
    names_at, label_at, counts_at = column_roles(fields, delimiter, rows)
    given = [spelling.header, spelling.given("names", names_at)]
    cli = spelling.start == 1
    labels = labels and label_at is not None
    if labels and (by_label or not cli):  # labels_column=... or --labels given
        given.append(spelling.given("labels", label_at))
    if counts and counts_at is not None:
        given.append(spelling.given("counts", counts_at))
    joined = (" " if cli else ", ").join(given)
    if labels and cli and not by_label:
        joined += f" (and {spelling.given('labels', label_at)} to train by label)"
    what = "numbers" if cli else "positions"
    return (
        f"pass {spelling.header} and the {what} of its columns, counted from "
        f"{spelling.start}: {joined}"
    )


class NoColumnError(ValueError):
    """A column asked for by its header that the file's first row has not:
    the message offers reading the file without a header row, by column
    positions, in Python's words; :meth:`in_command_line` in the command
    line's.

    Parameters
    ----------
    what : str
        What was wrong and what to pass, without the end of the sentence.
    fields : list of str
        The fields of the file's first row.
    delimiter : str
    header_row : bool, default=False
        Whether that row is a header row (``name,sex,count``): the reading
        without a header row, which would refuse it, is then not offered.
    counts : bool, default=False
        Whether a column of counts was asked for: only then does Python's
        reading without a header row offer ``counts_column`` (the command
        line offers ``--counts`` for a row that ends with a number).
    near : str or None, default=None
        The header field close to the column asked for, which ``what``
        offers as ``(did you mean 'name'?)``: the command line offers its
        ``flag`` with it (``--names-column name``).
    flag : str, default="--names-column"
        The command line's flag of the column asked for.
    untitled : list of int, default=()
        The untitled columns of counts of the header row, offered in each
        interface's words (:func:`untitled_words`).
    titled : str, default=""
        The command line's words for a number that gives a column with a
        title (:func:`titled_number_words`), which Python reads as a header.
    rows : list of (int, list of str), default=()
        The rows below the first, as far as read (:meth:`below`): a column of
        counts is offered only if their cells in it are numbers too.
    """

    def __init__(
        self, what, fields, delimiter, *, header_row=False, counts=False, near=None,
        flag="--names-column", untitled=(), titled="", rows=(),
    ):  # fmt: skip
        self.what, self.fields, self.delimiter = what, fields, delimiter
        self.titled, self.rows = titled, list(rows)
        self.header_row, self.counts = header_row, counts
        self.near, self.flag, self.untitled = near, flag, list(untitled)
        super().__init__(self.text())

    def text(self):
        """The message in Python's words (for :func:`remade`)."""
        return self._told(PYTHON)

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))

    def below(self, rows):
        """The same error, knowing the ``rows`` below the first row."""
        return remade(type(self), {**vars(self), "rows": list(rows)})

    def _what(self, spelling):
        if spelling is not COMMAND_LINE:
            return self.what
        titled = getattr(self, "titled", "")  # name,sex,count: --counts 2
        if getattr(self, "near", None) is None:
            return self.what + titled
        flagged = close_header(self.near, [self.near], self._flagged)
        return self.what.replace(close_header(self.near, [self.near]), flagged) + titled

    def _flagged(self, field):
        return flag_word(self.flag, field)

    def _told(self, spelling, labels=False):
        untitled = getattr(self, "untitled", [])  # name,sex, : --counts 3
        told = untitled_words(untitled, spelling, "counts", self.fields)
        what = self._what(spelling) + told
        if self.header_row:
            return f"{what}."
        counts = self.counts or spelling is COMMAND_LINE
        rows = getattr(self, "rows", ())  # 2024 above Gender: no count
        advice = headerless_advice(
            self.fields, self.delimiter, spelling, labels=labels, counts=counts,
            rows=rows,
        )  # fmt: skip
        return f"{what}. If the file has no header row, {advice}."

    def in_command_line(self, *, training=True):
        """The error in the command line's words: ``train`` (``training``)
        reads a file without a header row with ``--no-header`` (and a column
        of labels); the other commands need a header row."""
        if training or self.header_row:
            return ValueError(self._told(COMMAND_LINE, labels=True))
        return ValueError(
            f"{self._what(COMMAND_LINE)}. If the file has no header row, add one "
            "above its first row, naming its columns (train alone reads a file "
            "without one, with --no-header)."
        )
