"""The counts of a column of a table, read one way for the whole column.

``count_of`` checks one cell (a number >= 0, in the digits 0 to 9, at most
2**53); :class:`CountCells` reads a column's cells, a semicolon or tab table's also
as a spreadsheet set to a decimal comma writes them, the whole column
deciding how a point is read.
"""

import dataclasses
import decimal
import re
import warnings

from .._limits import MAX_EXACT_COUNT
from .._stacklevel import user_stacklevel
from .._words import MAX_REPORTED, and_more, capitalized
from ._noted_rows import NONE_READ_LIMIT, NotedRowsError

__all__ = [
    "CountCells",
    "column_words",
    "count_of",
    "digits_only",
    "is_number",
    "is_written_number",
    "rows_and_more",
]


def rows_and_more(shown, total):
    """``shown`` rows between commas, and how many more rows of ``total``.

    Examples
    --------
    >>> rows_and_more(["line 2", "line 3"], 4), rows_and_more(["line 2"], 2)
    ('line 2, line 3 and 2 more rows', 'line 2 and 1 more row')
    """
    more = total - len(shown)
    return and_more(shown, total) + (
        "" if more < 1 else " rows" if more > 1 else " row"
    )


def _separated(cell):
    """Whether a cell has a thousands separator (``17,728``)."""
    return bool(re.search(rf"\d{_SEPARATOR}\d", cell))


def is_written_number(cell):
    """Whether a cell is a number however a person writes it: with
    separators between thousands (``1,000``, ``1 000``, ``1.000,5``) or as a
    percentage (``12%``); no label, though perhaps no count either.

    Examples
    --------
    >>> [is_written_number(c) for c in ["1,000", "12 %", "1.000,5", "F", "2b"]]
    [True, True, True, False, False]
    """
    return bool(_WRITTEN.fullmatch(cell.strip()))


def digits_only(cell):
    """A cell written with separators between thousands (``1,000.5``,
    ``1.000,5``, ``1 000``) with digits only and a decimal point, as a count
    is written (``1000.5``, ``1000``); None for any other cell.

    Examples
    --------
    >>> digits_only("1,000.5"), digits_only("1.000,5"), digits_only("12 345")
    ('1000.5', '1000.5', '12345')
    >>> print(digits_only("1,000,5"), digits_only("17"))
    None None
    """
    found = _GROUPS.fullmatch(cell.strip())
    if found is None:
        return None
    groups, separator, mark, fraction = found.groups()
    if mark is not None and mark == separator:
        return None  # 1,000,5: no reading
    whole = groups.replace(separator, "")
    return whole if mark is None else f"{whole}.{fraction}"


def column_words(column, article="the"):
    """How a message names ``column``: a header, quoted (``"the column
    'count'"``), or a column of a table without a header row, which names
    itself by its place (a
    :class:`~sknextchar.datasets._positions.PlacedColumn`: ``"the 3rd
    column"``, not a column headed ``'3rd'``).

    Examples
    --------
    >>> column_words("count"), column_words("count", "its")
    ("the column 'count'", "its column 'count'")
    """
    if isinstance(column, str):
        return f"{article} column {column!r}"
    return column.words(article)


def count_of(cell, name, line, source, column, number=None):
    """The number in a cell of a column of counts, checked: finite, >= 0 and
    at most ``MAX_EXACT_COUNT``. ``number`` is the cell's number as Python
    writes it, when the cell writes it otherwise (``"17.728"`` of a
    semicolon file is ``"17728"``: :class:`CountCells`); messages quote the
    cell.

    Examples
    --------
    >>> count_of(" 17728 ", "Olivia", 2, "'us.csv'", "count")
    17728.0
    >>> count_of("n/a", "Olivia", 2, "'us.csv'", "count")
    Traceback (most recent call last):
    ...
    ValueError: Line 2 of 'us.csv' has 'n/a' in the column 'count' for the name ...
    """
    if number is None and len(cell) < 16 and cell.isdigit() and cell.isascii():
        return float(cell)  # most cells: whole, below 2**53 (the fast path)
    digits = (cell if number is None else number).strip()
    value = float(digits) if _COUNT.fullmatch(digits) else None
    if value is not None and value < MAX_EXACT_COUNT:
        return value  # most cells: no message to build
    if value == MAX_EXACT_COUNT and decimal.Decimal(digits) == MAX_EXACT_COUNT:
        return value  # exactly 2**53 (2**53 + 1 reads as the same float)
    if value is not None:
        raise ValueError(
            f"{_where(cell, name, line, source, column)}, more than "
            f"{MAX_EXACT_COUNT:,} (2**53), the largest count that is kept "
            "exactly: divide every count by the same number (the MLP learns the "
            "same model from counts times any constant)."
        )
    raise ValueError(_not_a_count(cell, name, line, source, column))


def _where(cell, name, line, source, column):
    """``Line 2 of 'k.csv' has 'n/a' in the column 'count' for the name 'Ava'``."""
    shown = repr(cell) if cell else "nothing"
    return (
        f"Line {line} of {source} has {shown} in {column_words(column)} for the "
        f"name {name!r}"
    )


def _not_a_count(cell, name, line, source, column):
    """The message of one row whose cell is no count."""
    return (
        f"{_where(cell, name, line, source, column)}, not a count (a number >= 0, "
        f"written with the digits 0 to 9): {_GIVE_COUNTS}" + _hint([cell])
    )


_GIVE_COUNTS = "give each name how many times it occurs (0 leaves it out of training)"


def _hint(cells, separated=False):
    """The advice on a percentage among ``cells`` (a share, no count), else
    on thousands separators, if a cell has one (``separated``: one not in
    ``cells`` has), with the first such cell written as a count is."""
    cells = [cell.strip() for cell in cells]
    share = next((cell for cell in cells if _PERCENT.fullmatch(cell)), None)
    if share is not None:
        return (
            f"; {share!r} is a share of the names, not a count: a count is how "
            "many times a name occurs (12% of 1,000 names is 120). Pass the "
            "column that holds how many times each name occurs, or leave the "
            "counts out to read each name once."
        )
    if not separated and not any(map(_separated, cells)):
        return "."
    written = ((cell, digits_only(cell)) for cell in cells)
    example, rewritten = next(((c, d) for c, d in written if d), ("17,728", "17728"))
    return (
        "; write a count with digits only, no thousands separators "
        f"({rewritten}, not {example}), and a fraction with a point (2.5)."
    )


def not_counts_message(refused, total, source, column, separated=False, early=False):
    """The message of ``total`` rows whose cell of a column of counts is no
    count, the first of them in ``refused``: ``(line, cell, name)`` each
    (``separated``: one of them has a thousands separator; ``early``: they
    are the first rows, none with a count, and the file is read no further).

    Examples
    --------
    >>> refused = [(2, "", "Anna"), (5, "-1", "Bo")]
    >>> print(not_counts_message(refused, 2, "'k.csv'", "count"))
    ... # doctest: +NORMALIZE_WHITESPACE
    2 rows of 'k.csv' have no count in the column 'count' (a number >= 0,
    written with the digits 0 to 9): line 2 has nothing for the name 'Anna',
    line 5 has '-1' for the name 'Bo'. Give each name how many times it
    occurs (0 leaves it out of training).
    """
    rows = [
        f"line {line} has {repr(cell) if cell else 'nothing'} for the name {name!r}"
        for line, cell, name in refused
    ]
    what = (
        f"{source} has no counts in {column_words(column)}, none in its "
        f"first {total:,} rows"
        if early
        else f"{total:,} rows of {source} have no count in {column_words(column)}"
    )
    return (
        f"{what} (a number >= 0, written with the digits 0 to 9): "
        f"{rows_and_more(rows, total)}. "
        + "Is it the column of counts? " * early
        + capitalized(_GIVE_COUNTS)
        + _hint((c for _, c, _ in refused), separated)
    )


# What people write between thousands: 1,000 1.000 1 000 12'345 and the
# no-break and narrow no-break spaces.
_SEPARATOR = r"[,'. _\u00a0\u202f]"
# A percentage (12%, 12.5 %, 12,5%): a share of the names, no count.
_PERCENT_TEXT = r"[0-9]+(?:[.,][0-9]+)?\s?%"
_PERCENT = re.compile(_PERCENT_TEXT, re.ASCII)
# Digits in groups of three between separators, perhaps a fraction after
# another mark: 1,000.5, 1.000,5, 1 000, 12'345.
_GROUPS = re.compile(
    rf"([1-9][0-9]{{0,2}}(?:({_SEPARATOR})[0-9]{{3}})(?:\2[0-9]{{3}})*)"
    r"(?:([.,])([0-9]+))?"
)
# A number however a person writes it: a percentage, or with separators.
_WRITTEN = re.compile(
    rf"{_PERCENT_TEXT}|[0-9]{{1,3}}(?:{_SEPARATOR}[0-9]{{3}})+(?:[.,][0-9]+)?"
)
# A count as count_of reads it: ASCII digits, perhaps with a decimal point.
_COUNT = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


# How a spreadsheet set to a decimal comma writes a number in a semicolon-
# separated file: points between thousands (17.728, 1.234.567), a decimal comma
# (2,5, 1.234,5). A point before a fraction (2.5, 0.125) is Python's way.
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+", re.ASCII)
_EITHER = re.compile(r"[1-9]\d{0,2}\.\d{3}", re.ASCII)  # 17.728: 17728, or 17.728?
_DECIMAL_COMMA = re.compile(r"(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+),\d+", re.ASCII)
_POINT = re.compile(r"\d*\.\d+|\d+\.", re.ASCII)
# A tab table's comma between thousands, as a spreadsheet set to a decimal
# point writes it: 1,234,567 only that; 17,728 either that or a decimal comma.
_COMMA_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3}){2,}", re.ASCII)
_COMMA_EITHER = re.compile(r"[1-9]\d{0,2},\d{3}", re.ASCII)
# The counts held back at most while the column has not told how it writes a
# point: then its points are read as decimal points, as when it ends untold,
# so that reading a file in chunks needs no more memory for a longer file.
HOLD_LIMIT = 10_000
_WAYS = {"grouped": "points between thousands", "comma": "a decimal comma"}
_DECIMAL_COMMA_FILE = "as a spreadsheet set to a decimal comma writes numbers"


def is_number(cell, delimiter):
    """Whether a cell is a number >= 0 as a column of counts may write it:
    whole or with a fraction, in a semicolon or tab table also as a
    spreadsheet set to a decimal comma writes it (:class:`CountCells`).

    Examples
    --------
    >>> is_number("1.234,5", ";"), is_number("1.234,5", ","), is_number("2.5", ",")
    (True, False, True)
    """
    if _COUNT.fullmatch(cell):
        return True
    return _may_be_decimal_comma(cell, delimiter) and bool(
        _GROUPED.fullmatch(cell) or _DECIMAL_COMMA.fullmatch(cell)
    )


def _may_be_decimal_comma(cell, delimiter):
    """Whether a cell of a table split at ``delimiter`` may be written as a
    spreadsheet set to a decimal comma writes numbers (``17.728``, ``2,5``):
    any cell with a point or a comma in a semicolon table; in a tab table
    (a spreadsheet's "Unicode text", written in any locale), one whose commas
    are not all between thousands (not ``1,234,567``, which is refused as it
    is in any other table; ``17,728`` could be either: :class:`CountCells`).

    Examples
    --------
    >>> cells = ("17.728", "2,5", "17,728", "1,234,567")
    >>> [_may_be_decimal_comma(cell, "\\t") for cell in cells]
    [True, True, True, False]
    >>> _may_be_decimal_comma("17.728", ",")
    False
    """
    if "." not in cell and "," not in cell:
        return False
    if delimiter == "\t":
        return not _COMMA_GROUPED.fullmatch(cell.strip())
    return delimiter == ";"


@dataclasses.dataclass
class _UntoldMark:
    """The counts of a column written with ``mark`` (``"."``: 1.000;
    ``","``: a semicolon table's 1,000) that could be a decimal mark or a
    separator between thousands: the first held while the column's way is
    not known, ``(line, cell)`` (None: none); whether the column reads the
    mark as a decimal mark with no count telling (``untold``: warned of at
    the end); and those so read, for the warning: how many, the last line
    and the first :data:`~sknextchar._words.MAX_REPORTED` ``(line, cell)``.

    Examples
    --------
    >>> marks = _UntoldMark(".")
    >>> marks.read("1.000", 2); marks.read("1.000", 2); marks.read("2.000", 3)
    >>> marks.total, marks.last, marks.shown
    (2, 3, [(2, '1.000'), (3, '2.000')])
    """

    mark: str
    first: tuple | None = None
    untold: bool = False
    total: int = 0
    last: int = 0
    shown: list = dataclasses.field(default_factory=list)

    def read(self, cell, line):
        """Note a count (stripped) such as 1.000 that may be read with the
        decimal mark no count telling, for the warning to name it; a line
        once (a line looked at ahead comes again)."""
        if line > self.last:
            self.total, self.last = self.total + 1, line
            if len(self.shown) < MAX_REPORTED:
                self.shown.append((line, cell))


class CountCells:
    """The counts of one column of a table, every cell read the same way: the
    one reader of counts (``count_of`` checks each).

    In a semicolon-separated table, and in a tab-separated one (a
    spreadsheet's "Unicode text", whose locale its delimiter does not tell),
    the way of a spreadsheet set to a decimal comma is read too:
    ``"1.234.567"`` is 1234567 and ``"1.234,5"`` is 1234.5. The whole column
    decides how a point is read: as between thousands when a cell has two
    points (``1.234.567``) or another a decimal comma (``2,5``); as a decimal
    point when a cell's point cannot be between thousands (``2.5``, ``0.750``,
    ``17.7281``). A column whose every point could be either (``1.500``,
    ``17.728``) reads them as decimal points, and :meth:`finish` warns. Such
    counts wait for a count that tells, at most ``HOLD_LIMIT`` (10,000) of
    them. Then the cells of a column that can be read again (``ahead``: a text
    in memory, a file) are looked through, none held, for the first count that
    tells; a column that cannot (a pipe) reads its points as decimal points,
    and a later ``1.234.567`` or ``2,5`` is refused. Decimal commas beside
    decimal points (or points between thousands) are refused. In a tab table a
    comma such as ``17,728`` could be a decimal comma or between thousands
    too: it is read as a decimal comma (17.728) when the column tells it is
    written with decimal commas, and refused otherwise (Python reads no
    comma), with both readings named. In a semicolon table such a comma
    (``1,000``) is read as the column tells too, and as a decimal comma when
    nothing tells, with a warning, as ``1.000`` is read with a decimal point; a
    column with both, nothing telling, is refused (one of them is between
    thousands). Other tables read a point as Python does.

    The cells are given in order to :meth:`take`, which returns the counts it
    can read so far (in order); :meth:`finish` returns the rest. ``guessed``
    says whether the counts returned so far read points as decimal points
    (or a semicolon table's commas as decimal commas) with no count telling
    so (a message may then ask for ``1500`` rather than ``1.500``).

    Parameters
    ----------
    source : str
        The file, as messages show it.
    column : str or PlacedColumn
        The header of the column, or its place in a table without a header
        row (:func:`column_words`).
    delimiter : str
        The table's delimiter.
    ahead : callable or None, default=None
        For a column that can be read again: ``ahead(line)`` returns its
        cells in the rows that start below ``line`` (the last cell held),
        ``(line, name, cell)`` each, read when ``HOLD_LIMIT`` counts have not
        told the column's way (:func:`~sknextchar.datasets._tables.cells_below`).

    Examples
    --------
    >>> cells = CountCells("'namen.csv'", "Anzahl", ";")
    >>> cells.take("1.500", "Anna", 2, "Anna"), cells.take("2,5", "Lena", 3, "Lena")
    ([], [('Anna', 1500.0), ('Lena', 2.5)])
    >>> cells = CountCells("'names.csv'", "count", ";")
    >>> cells.take("17.728", "Ava", 2, "Ava"), cells.take("2.5", "Bo", 3, "Bo")
    ([], [('Ava', 17.728), ('Bo', 2.5)])
    """

    def __init__(self, source, column, delimiter, ahead=None):
        self.source, self.column, self.delimiter = source, column, delimiter
        self._ahead = ahead
        self._way, self._told, self._held = None, None, []
        # counts such as 1.000, and 1,000 of a semicolon table: one record a mark
        self._points, self._commas = _UntoldMark("."), _UntoldMark(",")
        self.guessed = False  # read with a mark untold, kept after finish()
        self._refused, self._n_refused = [], 0  # the cells that are no count
        self._separated = self._some = False  # a refused cell 17,728; a count read

    def take(self, cell, name, line, item=None):
        """``[(item, count)...]``: the counts read so far, in order, after
        ``cell``, the count of ``name`` on ``line`` (checked)."""
        if not self._held:
            if len(cell) < 16 and cell.isdigit() and cell.isascii():
                self._some = True
                return [(item, float(cell))]  # most cells: whole, below 2**53
            if not _may_be_decimal_comma(cell, self.delimiter):
                value = self._count(cell, name, line)
                return [] if value is None else [(item, value)]
            number = self._known(cell.strip(), line)
            if number is not None:  # the column's way known: 1.500 as it reads
                value, self._some = float(number), True
                if value >= MAX_EXACT_COUNT:  # checked, refused past 2**53
                    value = count_of(cell, name, line, self.source, self.column, number)
                return [(item, value)]
        way = self._way_of(cell.strip(), name, line)
        self._note_either(way, cell.strip(), line)
        self._held.append((item, cell, name, line))
        self._some = self._some or way is not None  # a number, read later
        if self._way is None and len(self._held) < HOLD_LIMIT:
            return []  # a cell such as 17.728 waits for the column to tell
        if self._way is None and self._ahead is not None:
            self._look_ahead()
        if self._way is None:  # held long enough: decimal marks, as at the end
            self._guess_way()
        return self._release()

    def finish(self, warn=True):
        """The counts still held, after the last cell; a column whose every
        point could be a decimal point or between thousands reads decimal
        points (with ``warn``, a warning says so). The cells that are no count
        are refused first, all at once."""
        counts = self.release()  # a tab table's 17,728 refused before a warning
        self.refuse_noted()
        self.warn_untold(warn)
        return counts

    def release(self):
        """The counts still held, after the last cell, not refusing the cells
        noted (:meth:`finish` without its refusal and its warning)."""
        if self._way is None and (self._points.first or self._commas.first):
            self._guess_way()
        return self._release()

    def warn_untold(self, warn=True):
        """After :meth:`release`, warn (with ``warn``) that the points that
        could be either were read as decimal points (or a semicolon table's
        commas as decimal commas)."""
        for marks in (self._points, self._commas):
            if marks.untold and warn:
                self._warn_either(marks)
            marks.untold = False

    def _note_either(self, way, cell, line):
        """Note the first cell (stripped) that could be written either way,
        ``way`` "either" (such as 17.728; 1,000 of a semicolon table apart),
        while the column's way is not known; refuse a point that could be
        either below commas read as decimal commas with no count telling."""
        if way != "either" or ("," in cell and self.delimiter != ";"):
            return
        marks = self._marks_of(cell)
        if self._way is None:
            marks.read(cell, line)
            marks.first = marks.first or (line, cell)
        elif marks is self._points and self._comma_guessed():
            marks.first = (line, cell)  # 1,000 read as 1 above: 1.000 either way
            self._refuse_both()

    def _marks_of(self, cell):
        """The record of the mark of a cell such as 1.000 or 1,000."""
        return self._commas if "," in cell else self._points

    def _comma_guessed(self):
        """Whether the column reads decimal commas as no count told it, for
        its counts such as 1,000 (:meth:`_guess_way`)."""
        return self._commas.first is not None and self._told == self._commas.first

    def _guess_way(self):
        """The column's way when no count told it: decimal marks, warned of
        (17.728 with a decimal point; 1,000 of a semicolon table with a
        decimal comma, as ``1.000`` is read with a decimal point); a column
        with both refused, as one of them is between thousands."""
        if self._commas.first is None:
            self._way, self._told = "point", self._points.first
            self._points.untold = self.guessed = self._points.first is not None
            return
        if self._points.first is not None:
            self._refuse_both()
        self._way, self._told = "comma", self._commas.first
        self._commas.untold = self.guessed = True

    def _refuse_both(self):
        """Refuse a column with a count such as 1.000 and one such as 1,000
        (of a semicolon table) and no count telling how it writes numbers."""
        firsts = sorted([self._points.first, self._commas.first])
        (line, cell), (other_line, other) = firsts
        whole = [c.replace(".", "").replace(",", "") for c in (cell, other)]
        whole = f"{whole[0]} for both" if whole[0] == whole[1] else ", ".join(whole)
        raise ValueError(
            f"Line {line} of {self.source} has {cell!r} in "
            f"{column_words(self.column)} and line {other_line} has {other!r}: "
            "each could be written with a decimal mark or with a separator "
            "between thousands, one of them each way, and no count of the "
            "column tells which (2,5 or 1.234.567 for decimal commas; 2.5 for "
            "decimal points). Write the counts without separators between "
            f"thousands ({whole}), and a fraction with one "
            "mark, and read the file again."
        )

    def _known(self, cell, line):
        """The number of a cell (stripped) written the way the column is known
        to write numbers, which tells nothing new (None for any other: it goes
        through :meth:`_way_of`). ``2.5`` of a column read with decimal points
        while no count told so (``untold``) tells it, and is None."""
        if self._way == "point":
            if (_EITHER if self._points.untold else _COUNT).fullmatch(cell):
                if self._points.untold:
                    self._points.read(cell, line)
                return cell
        elif self._way is not None and not (
            self._comma_guessed() and _EITHER.fullmatch(cell)
        ):  # 1.000 below 1,000 read with a decimal comma, untold: refused
            if _GROUPED.fullmatch(cell) or _DECIMAL_COMMA.fullmatch(cell):
                if self._commas.untold and _COMMA_EITHER.fullmatch(cell):
                    self._commas.read(cell, line)
                return cell.replace(".", "").replace(",", ".")
        return None

    def _look_ahead(self):
        """Decide the column's way from its first count that tells it, the
        cells below the last one held read again (``ahead``), none held."""
        for line, name, cell in self._ahead(self._held[-1][3]):
            way = self._way_of(cell.strip(), name, line)
            if way not in (None, "either"):
                return
            self._note_either(way, cell.strip(), line)

    def _release(self):
        held, self._held = self._held, []
        read = [(item, self._read(cell, name, line)) for item, cell, name, line in held]
        return [(item, value) for item, value in read if value is not None]

    def _count(self, cell, name, line, number=None):
        """The count of a cell (:func:`count_of`); None for a cell that is no
        count, noted to be refused with the others by :meth:`finish`."""
        if _COUNT.fullmatch((cell if number is None else number).strip()):
            self._some = True
            return count_of(cell, name, line, self.source, self.column, number)
        self._note(cell, name, line)
        if self._n_refused >= NONE_READ_LIMIT and not self._some:
            self.refuse_noted(early=True)  # the column holds no counts
        return None

    def _note(self, cell, name, line):
        """Note a cell that is no count, to be refused with the others."""
        self._n_refused += 1
        self._separated = self._separated or _separated(cell)
        if len(self._refused) < MAX_REPORTED:
            self._refused.append((line, cell, name))

    def refuse_noted(self, early=False):
        """Refuse the cells noted so far that are no count, all in one
        message (one cell: the message of :func:`count_of`, which names its
        line); ``early``: the column's first rows, none with a count."""
        parts = self.noted_parts(early)
        if parts:
            raise NotedRowsError(parts)

    def noted_parts(self, early=False):
        """``[(first line, message)]`` of the cells noted that are no count,
        those still held too, forgotten (:mod:`~._noted_rows`)."""
        for _, cell, name, line in self._held:  # read at the end, or never
            if not is_number(cell.strip(), self.delimiter):
                self._note(cell, name, line)
        self._held = []  # told now: never read again
        refused, total = self._refused, self._n_refused
        self._refused, self._n_refused = [], 0
        if not total:
            return []
        if total == 1:
            line, cell, name = refused[0]
            return [(line, _not_a_count(cell, name, line, self.source, self.column))]
        message = not_counts_message(
            refused, total, self.source, self.column, self._separated, early
        )
        return [(refused[0][0], message)]

    def _read(self, cell, name, line):
        number, stripped = None, cell.strip()
        if self._comma_either(stripped) and self._way in (None, "point"):
            self._refuse_comma(stripped, name, line)
        if _may_be_decimal_comma(stripped, self.delimiter):
            if self._way != "point" and (
                _GROUPED.fullmatch(stripped) or _DECIMAL_COMMA.fullmatch(stripped)
            ):
                number = stripped.replace(".", "").replace(",", ".")
        return self._count(cell, name, line, number)

    def _way_of(self, cell, name, line):
        """How the cell writes numbers: "either" for a cell such as 17.728
        (the column decides); else the way it tells, checked against the
        column's (None for a cell that tells nothing, such as n/a)."""
        if not _may_be_decimal_comma(cell, self.delimiter):
            return None  # 1,234,567 of a tab table: refused as it is read
        if self._comma_either(cell):  # 17,728 of a tab table
            if self._way == "point":
                self._refuse_comma(cell, name, line)
            return "either"
        if _DECIMAL_COMMA.fullmatch(cell):
            way = "comma"
        elif _GROUPED.fullmatch(cell):
            if cell.count(".") == 1:
                return "either"
            way = "grouped"
        elif _POINT.fullmatch(cell):
            way = "point"
        else:
            return None
        self._agree(way, cell, name, line)
        return way

    def _comma_either(self, cell):
        """Whether a cell (stripped) is a tab or semicolon table's ``17,728``:
        a decimal comma or a comma between thousands, as the column tells."""
        return self.delimiter in "\t;" and bool(_COMMA_EITHER.fullmatch(cell))

    def _refuse_comma(self, cell, name, line):
        """Refuse a tab table's ``17,728`` in a column not told to be written
        with decimal commas, naming both readings and what the column told."""
        if self._told is not None and not self._points.untold:
            told_line, told = self._told
            told = f"but line {told_line} has {told!r}, written with a decimal point"
        else:
            told = (
                "and no count of the column tells which (2,5 or 1.234.567 for "
                "a decimal comma; 2.5 for a decimal point)"
            )
        whole, fraction = cell.replace(",", ""), cell.replace(",", ".")
        raise ValueError(
            f"Line {line} of {self.source} has {cell!r} in "
            f"{column_words(self.column)} for the name {name!r}, which could be "
            f"{fraction} (a decimal comma) or {whole} (a comma between "
            f"thousands), {told}. Write the count {whole} if the comma is "
            f"between thousands, or {fraction} if it is a decimal comma."
        )

    def _agree(self, way, cell, name, line):
        """Refuse a cell written another way than the column's cells so far."""
        if self._way is None or (self._way == "point") == (way == "point"):
            if self._points.untold and way == "point":  # told at last: points
                self._told, self._points.untold = (line, cell), False
                self.guessed = False
            self._way, self._told = self._way or way, self._told or (line, cell)
            return
        told_line, told = self._told
        if self._points.untold:
            self._refuse_late(way, cell, name, line)
        ways = [_WAYS.get(w, "a decimal point") for w in (self._way, way)]
        raise ValueError(
            f"Line {line} of {self.source} has {cell!r} in "
            f"{column_words(self.column)} for the name {name!r}, written with "
            f"{ways[1]}, but "
            f"line {told_line} has {told!r}, written with {ways[0]}: the column "
            "mixes two ways of writing numbers. Write every count one way: "
            f"{_DECIMAL_COMMA_FILE} (1.234.567 for 1234567, 2,5 for a "
            "fraction), or with a decimal point and no thousands separators "
            "(1234567, 2.5)."
        )

    def _refuse_late(self, way, cell, name, line):
        """Refuse a cell that tells the column's way after ``HOLD_LIMIT``
        counts that did not were read with decimal points."""
        told_line, told = self._told
        raise ValueError(
            f"Line {line} of {self.source} has {cell!r} in "
            f"{column_words(self.column)} for the name {name!r}, written with "
            f"{_WAYS[way]}, "
            f"but the {HOLD_LIMIT:,} counts from line {told_line} ({told!r}) on "
            "could each be read with a decimal point or with points between "
            "thousands, and no count told which; they were read with decimal "
            f"points ({told!r} as {float(told):g}), as the counts are read without "
            f"holding more than {HOLD_LIMIT:,} of them. Write the counts without "
            f"points between thousands ({told.replace('.', '')}, "
            f"{cell.replace('.', '').replace(',', '.')}), or with a count that "
            "tells the way among the first ones (such as 1.234.567 or 2,5), and "
            "read the file again."
        )

    def _warn_either(self, untold):
        """Warn that the counts such as 17.728 (``untold``, the record of a
        mark: of 1,000 for commas) were read with decimal marks, no count
        telling."""
        mark, total, shown = untold.mark, untold.total, untold.shown
        marks = "commas" if mark == "," else "points"
        tells = (
            "2,5 or 1.234.567 for decimal commas"
            if mark == ","
            else "2.5 or 0.750 for decimal points; 1.234.567 or a decimal "
            "comma, 2,5, for thousands"
        )
        wholes = ", ".join(cell.replace(mark, "") for _, cell in shown)
        wholes += ", ..." * (total > len(shown))
        read = "; ".join(
            f"{cell!r} (line {line}) is {float(cell.replace(',', '.')):g}, "
            f"not {cell.replace(mark, '')}"
            for line, cell in shown
        ) + (f"; and {total - len(shown):,} more" if total > len(shown) else "")
        warnings.warn(
            f"The counts of {self.source} in {column_words(self.column, 'its')} have "
            f"{marks} that could be decimal {marks} or {marks} between thousands, "
            f"and no count tells which ({tells}): they are read "
            f"as decimal {marks}, so {read}. If the {marks} are between "
            f"thousands, write the counts without them ({wholes}).",
            UserWarning,
            stacklevel=user_stacklevel(),
        )
