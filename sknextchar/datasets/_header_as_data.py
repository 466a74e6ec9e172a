"""A first row read as a table's header row that looks like a row of data.

A column asked for by its header makes the file's first row the header row;
when the user names a column by a value of that row (``labels_column='F'``
of a file ``Emma,F,18688`` without a header row), that row is left out of the
names, silently but for :func:`warn_header_as_data`: a
:class:`HeaderAsDataWarning` when every title of the row is like the values
below it and one at least is a value of its column (:func:`value_columns`),
or one is a number above numbers and another like its column too
(:func:`data_like_titles`); never when a title is a usual header
(:func:`is_usual_title`: ``Nom``, ``Last Name``, ``名前``, ``Sex``; a title of
counts above numbers only), nor for a
year above counts (``Girls,2019,2020``). The warning has its parts as data, so that the
command line says what to pass in its words (:meth:`HeaderAsDataWarning.worded`).
"""

import itertools
import re
import warnings

from .._name_headers import COLUMN_TITLES, COUNT_TITLES, FAMILY_NAME_WORDS, NAME_WORDS
from .._remade_errors import remade
from .._shown_paths import shell_word, shown_path
from .._stacklevel import user_stacklevel
from .._words import one_or_many, quoted_row
from ._column_arguments import COMMAND_LINE, PYTHON
from ._count_cells import is_number
from ._table_rows import LINES_LOOKED_AT, header_key, table_rows
from ._table_top import is_name_header

__all__ = [
    "HeaderAsDataWarning",
    "and_list",
    "data_like_titles",
    "first_row_data_like",
    "is_usual_title",
    "value_columns",
    "warn_header_as_data",
]

# The years a title above counts may be (a column of counts by year).
_YEARS = range(1800, 2101)

# What makes a title like its column, strongly (a value, a number) or not.
_VALUE, _NUMBER, _LIKE, _YEAR = "value", "number", "like", "year"


def is_usual_title(field):
    """Whether a header field is a usual title: one with a word for "name"
    (``Given name``, ``Nom``, ``Last Name``, ``名前``, ``Name of the child``:
    :func:`is_name_header` of a field alone, a word of
    :data:`~sknextchar._name_headers.NAME_WORDS` or
    :data:`~sknextchar._name_headers.FAMILY_NAME_WORDS`), or one of
    :data:`~sknextchar._name_headers.COLUMN_TITLES` (``Sex``, ``count``).

    Examples
    --------
    >>> is_usual_title("Gender"), is_usual_title("Full Name"), is_usual_title("F")
    (True, True, False)
    """
    key = header_key(field)
    words = set(re.findall(r"[^\W\d_]+", key))
    return (
        is_name_header(field, alone=True)
        or key in COLUMN_TITLES
        or bool((NAME_WORDS | FAMILY_NAME_WORDS) & (words | {key.replace(" ", "")}))
    )


def value_columns(header, rows):
    """The columns of a first row that may be data (``header``) whose field
    is found again in its column in the first rows below (``rows``, read as
    :func:`~sknextchar.datasets._table_rows.table_rows` reads them): a value
    (``f`` of ``Mabel,f`` above ``Anna,f``), not a header; none when a row
    cannot be read (the rows read in order say why).

    Examples
    --------
    >>> value_columns(["Mabel", "f"], [(2, ["Anna", "f"])])
    {1}
    """
    cells = set()
    try:
        for _, fields in itertools.islice(rows, LINES_LOOKED_AT):
            cells.update(enumerate(fields))
    except ValueError:
        pass
    return {i for i, field in enumerate(header) if (i, field) in cells}


def data_like_titles(header, rows, delimiter):
    """How each title of ``header`` is like the values of its column in
    ``rows`` (``(line, fields)``, the rows below it): ``"value"`` (one of
    them, :func:`value_columns`), ``"number"`` (a number above numbers),
    ``"year"`` (a year above counts, as a header has them) or ``"like"``
    (letters, written as one of them is, in a column of values each once:
    ``Emma`` above ``Olivia``); ``[]`` when the row may be a header row: a
    title unlike its column, or a usual one (:func:`is_usual_title`; one of
    counts, ``Antal``, above numbers only), or none
    a value and no number beside another title like its column
    (``Girls,2019`` above ``Anna,120``), or a row that cannot be read.

    Examples
    --------
    >>> rows = [(2, ["Olivia", "F", "17921"]), (3, ["Noah", "M", "18252"])]
    >>> data_like_titles(["Emma", "F", "18688"], rows, ",")
    ['like', 'value', 'number']
    >>> data_like_titles(["Name", "Sex", "Count"], rows, ",")
    []
    >>> data_like_titles(["Girl", "X", "2019"], rows, ",")
    []
    """
    if len(header) < 2:
        return []
    try:
        below = list(itertools.islice(rows, LINES_LOOKED_AT))
    except ValueError:  # a row it cannot read: the reading says why
        return []
    columns = [_column(below, at) for at in range(len(header))]
    if any(map(_usual_above, header, columns, [delimiter] * len(header))):
        return []
    values = value_columns(header, below)
    kinds = [
        _VALUE if at in values and title else _kind(title, columns[at], delimiter)
        for at, title in enumerate(header)
    ]
    if None in kinds:
        return []
    data_like = sum(kind != _YEAR for kind in kinds)
    strong = _VALUE in kinds or (_NUMBER in kinds and data_like > 1)
    return kinds if strong else []


def _usual_above(title, cells, delimiter):
    """Whether ``title`` is a usual title (:func:`is_usual_title`) above the
    values ``cells`` of its column: a title of counts only above numbers
    (``Antal``, Swedish for "count", is a Hungarian given name too)."""
    if header_key(title) in COUNT_TITLES:
        return bool(cells) and all(is_number(cell, delimiter) for cell in cells)
    return is_usual_title(title)


def _column(rows, at):
    """The fields of column ``at`` of ``rows``, the empty ones left out."""
    return [fields[at] for _, fields in rows if at < len(fields) and fields[at]]


def _kind(title, cells, delimiter):
    """How ``title`` is like the values ``cells`` of its column (None: unlike),
    when it is none of them."""
    if not title or not cells:
        return None
    numbers = [is_number(cell, delimiter) for cell in cells]
    if is_number(title, delimiter):
        if not all(numbers):
            return None
        years = _is_year(title) and not all(map(_is_year, cells))
        return _YEAR if years else _NUMBER  # 2019 above counts: a header
    if any(numbers) or not all(c.isalpha() or c in " '\u2019.-" for c in title):
        return None
    if len(set(cells)) * 2 <= len(cells):  # values again and again (F, M)
        return None  # the title is none of them
    return _LIKE if _written(title) in {_written(cell) for cell in cells} else None


def _is_year(field):
    """Whether a field is a year a column of counts may be titled by."""
    field = field.strip()
    return field.isdigit() and int(field) in _YEARS


def and_list(words):
    """``"a, b and c"`` (``"a"`` alone).

    Examples
    --------
    >>> and_list(["a", "b", "c"]), and_list(["a"])
    ('a, b and c', 'a')
    """
    return " and ".join([", ".join(words[:-1]), words[-1]] if words[1:] else words)


def _written(word):
    """How a word is written: in capitals, in small letters, capitalized."""
    return word.isupper(), word.islower(), word.istitle()


class HeaderAsDataWarning(UserWarning):
    """A file's first row, read as its header row because a column was
    asked for by one of its fields, that looks like a row of data
    (:func:`data_like_titles`), with the parts of the message as data.

    Parameters
    ----------
    source : str
        The file, as messages show it.
    line : int
        The line of the row.
    header : list of str
        Its fields.
    columns : dict
        The position of each column read (``"names"``, ``"labels"``,
        ``"counts"``), counted from 0.
    named : sequence of str
        Those of ``columns`` that the user named by their header.
    kinds : list of str
        How each title is like its column (:func:`data_like_titles`).
    text : str, optional
        The line as the file writes it (``Emma;F``, ``"Emma","F"``); by
        default its fields joined by commas.

    Examples
    --------
    >>> kinds = ["like", "value", "number"]
    >>> columns = {"names": 0, "labels": 1}
    >>> warning = HeaderAsDataWarning(
    ...     "'t.csv'", 1, ["Emma", "F", "18688"], columns, ["labels"], kinds)
    >>> print(warning.worded(COMMAND_LINE).split("If ")[1])
    the file has no header row, pass --no-header and the numbers of its \
columns, counted from 1: --no-header --names-column 1 --labels 2; or write a \
header row above it (e.g. name,label).
    >>> print(warning.worded(COMMAND_LINE, no_header=False).split("If ")[1])
    the file has no header row, write a header row above it (e.g. name,label).
    """

    def __init__(self, source, line, header, columns, named, kinds, text=None):
        self.source, self.line, self.header = source, line, header
        self.columns, self.named, self.kinds = columns, named, kinds
        self.row_text = ",".join(header) if text is None else text
        super().__init__(self.worded(PYTHON))

    def text(self):
        """The message, in Python's words (for :func:`remade`)."""
        return self.worded(PYTHON)

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))

    def worded(self, spelling, no_header=True):
        """The message, its arguments as ``spelling`` words them
        (``PYTHON`` or ``COMMAND_LINE``); ``no_header``: whether the command
        reads a table without a header row (``train --no-header``), else the
        advice is to write one."""
        cli = spelling is COMMAND_LINE
        named = [self._argument(what, cli) for what in self.named]
        names = one_or_many(len(named), "names a column", "name columns")
        row = quoted_row(self.row_text)
        return (
            f"Line {self.line} of {self.source}, {row}, is read as its header "
            f"row, as {and_list(named)} {names} by it, but it looks like a "
            f"row of data ({self._why()}), and is left out of the names. If the "
            f"file has no header row, {self._advice(spelling, no_header)}."
        )

    def _advice(self, spelling, no_header):
        """What to do when the file has no header row."""
        order = sorted(self.columns, key=self.columns.get)  # names: name
        titles = ",".join(what[:-1] for what in order)
        written = f"write a header row above it (e.g. {titles})"
        if not no_header:  # a command without --no-header
            return written
        cli = spelling is COMMAND_LINE
        given = [spelling.header]
        given += [spelling.given(what, at) for what, at in self.columns.items()]
        counted = "numbers" if cli else "positions"
        return (
            f"pass {spelling.header} and the {counted} of its columns, counted "
            f"from {spelling.start}: {(' ' if cli else ', ').join(given)}"
            f"{f'; or {written}' * cli}"
        )

    def _argument(self, what, cli):
        """The argument that read column ``what`` by its header, as given."""
        title = self.header[self.columns[what]]
        if cli:
            flag = "--names-column" if what == "names" else f"--{what}"
            return f"{flag} {shell_word(title)}"
        return f"{what}_column={title!r}"

    def _why(self):
        """Why the row looks like data, in words."""
        said = {  # (one title, several)
            _VALUE: ("is a value of its column below too",
                     "are values of their columns below too"),
            _NUMBER: ("is a number above numbers", "are numbers above numbers"),
            _LIKE: ("is like the values below it", "are like the values below them"),
        }  # fmt: skip
        told = []
        for kind in (_VALUE, _NUMBER, _LIKE):
            titles = [repr(t) for t, k in zip(self.header, self.kinds) if k == kind]
            if titles:
                told.append(
                    f"{and_list(titles)} {one_or_many(len(titles), *said[kind])}"
                )
        return "; ".join(told)


def first_row_data_like(lines, delimiter, source):
    """The line, fields and kinds (:func:`data_like_titles`) of the first row
    of ``lines`` (the first that is not blank), split at ``delimiter``, when
    it looks like a row of data; else None.

    Examples
    --------
    >>> first_row_data_like(["Emma,F\\n", "Noah,M\\n", "Ava,F\\n"], ",", "'t.csv'")
    (1, ['Emma', 'F'], ['like', 'value'])
    >>> print(first_row_data_like(["Name,Sex\\n", "Noah,M\\n"], ",", "'t.csv'"))
    None
    """
    rows = table_rows(lines, delimiter, source)
    try:
        line, header = next((at, fields) for at, fields in rows if any(fields))
    except (StopIteration, ValueError):  # a row it cannot read: told as read
        return None
    kinds = data_like_titles(header, rows, delimiter)
    return (line, header, kinds) if kinds else None


def warn_header_as_data(lines, delimiter, source, columns, named):
    """Warn (:class:`HeaderAsDataWarning`) when the header row of ``lines``
    (a table's first lines, from the first of the file: that row is the
    first that is not blank), its columns split at
    ``delimiter``, looks like a row of data (:func:`data_like_titles`);
    ``columns`` and ``named`` as the warning takes them. Returns whether it
    warned.

    Examples
    --------
    >>> import warnings
    >>> lines = ["Emma,F\\n", "Olivia,F\\n", "Noah,M\\n"]
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_header_as_data(lines, ",", "'t.csv'", {"names": 0}, ["names"])
    True
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    Line 1 of 't.csv', 'Emma,F', is read as its header row, as names_column='Emma' ...
    """
    read = []  # the lines read, to show the row as the file writes it
    found = first_row_data_like(_kept(lines, read), delimiter, source)
    if found is None:
        return False
    line, header, kinds = found
    text = read[line - 1].rstrip("\r\n")
    warning = HeaderAsDataWarning(source, line, header, columns, named, kinds, text)
    warnings.warn(warning, stacklevel=user_stacklevel())
    return True


def _kept(lines, read):
    """``lines``, each added to the list ``read`` as it is read."""
    for text in lines:
        read.append(text)
        yield text


def warn_named_header(lines, table, path, counts_at=None):
    """:func:`warn_header_as_data` for a table whose column of names was
    asked for by its header (``names_column``, ``--names-column``), from its
    first ``lines`` (from the first of the file, a title above the header
    row left out); ``counts_at``: the column of counts read with it (None:
    none)."""
    columns = {"names": table.name_at}
    columns.update({} if counts_at is None else {"counts": counts_at})
    skipped = table.skipped  # a title above the header row: not the header
    lines = itertools.chain(["\n"] * skipped, itertools.islice(lines, skipped, None))
    source = shown_path(path)
    return warn_header_as_data(lines, table.delimiter, source, columns, list(columns))
