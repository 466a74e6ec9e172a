"""``sknextchar train NAMES_FILE --counts COLUMN``: names with how often they occur.

NAMES_FILE is then a table with a header row (``name,count``; the US baby-name
files ``name,sex,count`` once given a header row), and COLUMN the header of its
column of counts. Each name trains with its count as its ``sample_weight``: a
name of count 3 as if it were on three lines (a count may have a fraction for
the MLP; ``--model kneser-ney`` counts names, so its counts are whole numbers).
The names (and labels) are read as without ``--counts``, and each count in the
same pass, from its name's own row of the same table (one reader,
``datasets._tables``, as ``load_names`` and ``train_from_file`` read counts).
"""

import array
import math
import warnings

import numpy as np

from .._limits import check_counts_total
from .._name_headers import header_key
from .._shown_paths import flag_word, shown_path
from .._words import MAX_REPORTED, counted
from ..datasets._column_arguments import COMMAND_LINE, headerless_advice, row_fields
from ..datasets._count_cells import CountCells, column_words, rows_and_more
from ..datasets._counted_rows import column_at
from ..datasets._noted_rows import (
    NONE_READ_LIMIT,
    NotedRowsError,
    noted_first,
    refuse_noted_rows,
)
from ..datasets._table_rows import close_header, not_a_column
from ..datasets._table_top import is_header_row
from ..datasets._untitled_columns import (
    no_numbers_words,
    numbered_untitled,
    titled_number_words,
    untitled_columns,
    untitled_words,
)
from ._column_note import header_index, shell_word
from ._label_checks import is_labels_file

__all__ = [
    "CountsColumn",
    "check_counts_flags",
    "check_counts_in_table",
    "counts_column_at",
    "counts_note",
    "how_many_names",
    "untitled_counts",
]


def untitled_counts(header, column, names_at):
    """The index (counted from 0) of the field of ``header`` left without a
    title that ``--counts column`` numbers, counted from 1 (a title spelled
    ``column`` is read first: ``numbered_untitled``); None for none (``header``
    None: not a table) or the names' (``names_at``).

    Examples
    --------
    >>> untitled_counts(["name", ""], "2", 0), untitled_counts(["name", "sex"], "2", 0)
    (1, None)
    >>> untitled_counts(["name", "", "2"], "2", 0) is None  # the column titled 2
    True
    """
    at = None if header is None else numbered_untitled(header, column)
    return None if at == names_at else at


def counts_column_at(
    header, column, first_line, source, names_at=None, line=1, below=None
):
    """The column of counts of NAMES_FILE, ``--counts COLUMN``, in the header
    row of the table its names are read from (None: not a table).

    Parameters
    ----------
    header : list of str or None
        The table's header row, split as the names are read (None when the
        file is read as one name per line).
    column : str
        ``--counts COLUMN``: a header, or the number, counted from 1, of a
        column left without a title (``name,`` above ``Anna,3``: ``--counts
        2``), unless a field of the header row is spelled so.
    first_line : str
        The file's first line, as the message shows it.
    source : str
        The file, as messages show it.
    names_at : int or None, default=None
        The column of names, which is not the counts.
    line : int, default=1
        The line of the header row (below a title or blank lines when not 1).
    below : callable or None, default=None
        Returns the rows below the header row (the first row, when not a
        table) and their delimiter, for a refusal to offer the untitled
        column of counts (``name,sex,`` above ``Anna,F,3``: ``--counts 3``),
        or the column of counts of a file without a header row (a column
        of numbers); None offers none.

    Returns
    -------
    at : int

    Raises
    ------
    ValueError
        If the header has no column ``column`` (beside the names), or two.

    Examples
    --------
    >>> counts_column_at(["name", "sex", "Count"], "count", "", "'us.csv'", 0)
    2
    >>> counts_column_at(["name", "sex", ""], "3", "", "'us.csv'", 0)
    2
    """
    untitled = untitled_counts(header, column, names_at)
    if untitled is not None:
        return untitled
    if header is None or header_index(header, column) is None:
        fields = row_fields(first_line)
        found = below() if below else ((), ",")  # read once: lines that go by
        rows = found[0] if found[1] == fields[1] else ()  # as the first row splits
        advice = headerless_advice(*fields, COMMAND_LINE, labels=True, rows=rows)
        advice = (
            ""
            if is_header_row(*fields, names_at)
            else f" If the file has no header row (the US baby-name files), {advice}."
        )
        row = fields[0] if header is None else header
        others = [field for i, field in enumerate(row) if i != names_at]
        near = close_header(column, others, _flag)
        given = f"--counts {shell_word(column)}"
        beside = "" if header is None or names_at is None else header[names_at]
        beside = f"the names {beside!r}" * bool(beside)
        told = not_a_column(
            given, source, line, row, near, what="counts", beside=beside
        )
        rows, delimiter = found if header is not None else ((), ",")
        skip = [] if names_at is None else [names_at]
        told += titled_number_words(header, column, skip, "--counts", (rows, delimiter))
        at = untitled_columns(header or [], rows, delimiter, True, names_at)
        told += untitled_words(at, COMMAND_LINE, "counts", header or [])
        why = no_numbers_words(row, found if found[1] == fields[1] else ((), ","), skip)
        raise ValueError(f"{told}{f'; {why}' * bool(why)}.{advice}")
    if names_at is not None and header_key(header[names_at]) == header_key(column):
        raise ValueError(
            f"{flag_word('--counts', column)} is the column of the names of {source}: "
            "pass "
            "--counts the header of its column of counts, another column."
        )
    return column_at(header, column, names_at, source, line)  # refuses two such


def _flag(column):
    """``--counts COLUMN``, as typed at a shell."""
    return f"--counts {shell_word(column)}"


class CountsColumn:
    """The counts of a table's names, read a row at a time with the names.

    Each count is checked as it is read and kept as a float (8 bytes a row):
    no cell is kept.

    Parameters
    ----------
    source : str
        The file, as messages show it.
    shown : str or PlacedColumn
        The header of its column of counts, or (``--no-header``) the column
        by its place (:func:`~sknextchar.datasets._count_cells.column_words`).
    whole : bool, default=False
        Refuse a fraction (``--model kneser-ney`` counts names).
    at : int or None, default=None
        The index of the column in the rows of the table, for the reader.
    delimiter : str, default=","
        The table's delimiter: a semicolon or tab table may write its counts
        as a spreadsheet set to a decimal comma does
        (``datasets._count_cells.CountCells``).
    ahead : callable or None, default=None
        ``ahead(line)`` returns the column's cells again below ``line``,
        ``(line, name, cell)`` each, for a file read whole: more than
        ``HOLD_LIMIT`` counts such as 1.500 are then told how to read them by
        a later count (``CountCells``).

    Examples
    --------
    >>> column = CountsColumn("'us.csv'", "count")
    >>> column.add("17728", "Olivia", 2)
    >>> column.add("20272", "Liam", 3)
    >>> column.weights()
    array([17728., 20272.])
    """

    def __init__(self, source, shown, whole=False, at=None, delimiter=",", ahead=None):
        self.source, self.shown, self.whole, self.at = source, shown, whole, at
        self._cells = CountCells(source, shown, delimiter, ahead)
        self._values = array.array("d")
        self._fractions = _Fractions(source, shown)

    def add(self, cell, name, line, kept=True):
        """Read the count of ``name``, its cell on ``line`` (a cell such as
        17.728 of a semicolon or tab table once the column tells how it is
        read); ``kept=False``: a row refused for another cell (no label),
        whose count is checked, not kept.

        Raises
        ------
        ValueError
            If the column's first rows hold no count (a whole number, with
            ``whole``); the other rows are refused together at the end.
        """
        row = (cell, name, line, kept)
        for held, value in self._cells.take(cell, name, line, row):
            self._keep(value, *held)  # the callers' noted_first: noted rows first

    def refuse_noted(self):
        """Refuse the rows read so far without a count (or with a fraction,
        with ``whole``), if any
        (:func:`~sknextchar.datasets._noted_rows.noted_first`)."""
        refuse_noted_rows(self)

    def noted_parts(self):
        """``[(first line, message)]`` of the rows without a count and of
        those with a fraction (:mod:`~sknextchar.datasets._noted_rows`)."""
        return self._cells.noted_parts() + self._fractions.noted_parts()

    def _keep(self, value, cell, name, line, kept=True):
        if self.whole and value != math.floor(value):
            guessed, whole = self._cells.guessed, bool(self._values)
            self._fractions.note(line, cell, name, value, guessed, whole)
            return
        if kept:
            self._values.append(value)

    def weights(self):
        """The counts read, a float64 array.

        Raises
        ------
        ValueError
            If rows have no count (or a fraction), all of them at once; if the
            counts add up to 0, or to more than is counted exactly.
        """
        with noted_first(self):
            for held, value in self._cells.release():
                self._keep(value, *held)
            self.refuse_noted()
        self._cells.warn_untold()
        weights = np.array(self._values, dtype=np.float64)
        _check_counts(weights, self.source, self.shown)
        _warn_unlike_counts(weights, self.source, self.shown)
        return weights


class _Fractions:
    """The rows of a column of counts whose count has a fraction, where
    counts are whole (``--model kneser-ney`` counts names), refused all at
    once; the first ``NONE_READ_LIMIT`` (100), none whole above them, at once."""

    def __init__(self, source, shown):
        self.source, self.shown, self.rows, self.total = source, shown, [], 0

    def note(self, line, cell, name, value, guessed, whole):
        """Note a fraction (``guessed``: read from a point that could be
        either; ``whole``: a whole count was kept above it)."""
        self.total += 1
        if len(self.rows) < MAX_REPORTED:
            self.rows.append((line, cell, name, value, guessed))
        if self.total >= NONE_READ_LIMIT and not whole:
            raise NotedRowsError(self.noted_parts(early=True))  # none whole

    def noted_parts(self, early=False):
        rows, total = self.rows, self.total
        self.rows, self.total = [], 0
        if not total:
            return []
        return [(rows[0][0], self._message(rows, total, early))]

    def _message(self, rows, total, early):
        column, guessed = column_words(self.shown), [row for row in rows if row[4]]
        if total == 1:
            line, cell, name, value, _ = rows[0]
            what = (
                f"Line {line} of {self.source} has {cell!r} in {column} for the "
                f"name {name!r}" + f", read as {value:g}" * bool(guessed)
            )
        else:
            shown = [
                f"line {line} has {cell!r}" + f" (read as {value:g})" * was_guessed
                + f" for the name {name!r}"
                for line, cell, name, value, was_guessed in rows
            ]  # fmt: skip
            what = (
                f"{self.source} has no whole counts in {column}, none among its "
                f"first {total:,} counts"
                if early
                else f"{total:,} rows of {self.source} have a fraction in {column}"
            ) + f": {rows_and_more(shown, total)}"
            what += ". Is it the column of counts?" * early
        what += " " if early else ": "
        if not guessed:
            return (
                f"{what}--model kneser-ney counts names, so a count is a whole "
                "number. Round the counts, or train the MLP (--model mlp), which "
                "takes fractions."
            )
        cell = guessed[0][1].strip()
        mark = "comma" if "," in cell else "point"  # 1,500 of a ; table: alike
        digits = cell.replace("," if mark == "comma" else ".", "")
        which = (
            f"if it is {digits},"
            if total == 1
            else f"if the {mark}s are between thousands,"
        )
        return (
            f"{what}{f'its {mark}' if total == 1 else f'their {mark}s'} could be a "
            f"decimal {mark} or a {mark} between thousands, and no count of the "
            "column tells which. --model kneser-ney counts names, so a count is "
            f"a whole number: {which} write the counts without {mark}s between "
            f"thousands ({digits}) and train again; else train the MLP (--model "
            "mlp), which takes fractions."
        )


def _refuse_same_column(column, others, path):
    """Refuse ``--counts`` naming the column of ``--labels`` or ``--names-column``."""
    for flag, other in others:
        if other is not None and header_key(other) == header_key(column):
            raise ValueError(
                f"{flag_word('--counts', column)} and {flag_word(flag, other)} "
                "name the same column: pass --counts the header of the column of "
                f"counts of {shown_path(path)}, "
                f"a column other than the {flag[2:].replace('-', ' ')}."
            )


def _check_counts(weights, source, shown):
    """Refuse counts that add up to more than is counted exactly, or to 0."""
    its = column_words(shown, "its")
    check_counts_total(weights, f"The counts of {source} in {its}")
    if not weights.any():
        raise ValueError(
            f"Every name of {source} has the count 0 in {its}, "
            "and a name of count 0 is left out of training: give some names "
            "a count above 0."
        )


def _warn_unlike_counts(weights, source, shown):
    """Warn of a column of counts that reads as something else: 0 and 1 only
    (a yes or no of each name: its names of 0 are left out), or the numbers
    of the rows, 1, 2, 3... (an id: the last name weighs most)."""
    # The column as --counts gives it: its header, or its number (--no-header).
    flag = shell_word(shown) if isinstance(shown, str) else shown.number(COMMAND_LINE)
    if set(np.unique(weights)) == {0.0, 1.0}:
        zeros = int(np.count_nonzero(weights == 0))
        warnings.warn(
            f"Every count of --counts {flag} ({source}) is 0 or 1, and a name "
            f"of count 0 is left out of training ({zeros:,} of {len(weights):,} "
            "here): if that column says yes or no of each name (a label), pass "
            f"--labels {flag} in place of --counts.",
            UserWarning,
            stacklevel=3,
        )
    elif len(weights) > 2 and any(
        np.array_equal(weights, np.arange(start, start + len(weights)))
        for start in (0, 1)
    ):
        warnings.warn(
            f"The counts of --counts {flag} ({source}) number its rows "
            f"{weights[0]:.0f}, {weights[1]:.0f}, {weights[2]:.0f}... in order, as "
            f"an id does, so the name on its last row weighs {weights[-1]:,.0f} "
            "times as much as one of count 1: if that column numbers the rows, "
            "leave out --counts (or pass the column of how often each name "
            "occurs).",
            UserWarning,
            stacklevel=3,
        )


def counts_note(names, weights):
    """The words that say how many names the counts stand for.

    Examples
    --------
    >>> counts_note(["ava", "zoe"], np.array([3.0, 0.0]))
    '2 names (3 with their counts; 1 of count 0, left out)'
    """
    total = float(weights.sum())
    shown = f"{total:,.0f}" if total == round(total) else f"{total:,.2f}"
    zeros = int(np.count_nonzero(weights == 0))
    left_out = f"; {zeros:,} of count 0, left out" if zeros else ""
    return f"{counted(len(names), 'name')} ({shown} with their counts{left_out})"


def how_many_names(names, weights):
    """``"1,234 names"`` (``"1 name"``), with what their counts stand for
    (:func:`counts_note`) when ``weights`` are given.

    Examples
    --------
    >>> how_many_names(["ava"], None), how_many_names(["ava"], np.array([2.0]))
    ('1 name', '1 name (2 with their counts)')
    """
    if weights is None:
        return counted(len(names), "name")
    return counts_note(names, weights)


def check_counts_flags(args):
    """Refuse a command's ``--counts COLUMN`` without NAMES_FILE, or naming
    the column of ``--labels`` or ``--names-column``, before any reading."""
    column = getattr(args, "counts", None)
    if column is None:
        return
    if args.names_file is None:
        raise ValueError(
            f"{flag_word('--counts', column)} reads the column of counts of "
            "NAMES_FILE, and the bundled names have none: pass NAMES_FILE, a "
            "table with a header row (e.g. name,count)."
        )
    _refuse_same_column(column, _others(args), args.names_file)


def _others(args):
    """The other columns a command reads, ``(flag, header)``, for ``--counts``."""
    labels = getattr(args, "labels", None)
    if labels is not None and is_labels_file(labels):
        labels = None  # a file of labels, not a column
    return [
        ("--names-column", getattr(args, "names_column", None)),
        ("--labels", labels),
    ]


def check_counts_in_table(args, column):
    """Refuse ``--counts`` when NAMES_FILE is not read as a table (``column``,
    its column of names as its first lines decide, is None), or when it names
    another column read; train_from_file's first pass then checks the header
    and the counts before any training, reading the file in chunks."""
    if getattr(args, "counts", None) is None or getattr(args, "no_header", False):
        return  # --no-header: its columns checked by number
    _refuse_same_column(args.counts, _others(args), args.names_file)
    if column is None:
        raise ValueError(
            f"{flag_word('--counts', args.counts)} reads a column of a table, and "
            f"{shown_path(args.names_file)} is read as one name per line: pass "
            "--names-column COLUMN, the header of its names."
        )
