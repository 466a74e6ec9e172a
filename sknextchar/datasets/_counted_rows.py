"""Names with their counts from a table: the column of counts found by its header.

:func:`counted_rows` is the one reader of a table's names with their counts
(``load_names(counts_column=...)`` and ``train_from_file``): the column of
counts found by its header (:func:`column_at`, which the command line's
``--counts`` also uses), a column of names given as the counts refused with the
column that likely holds them (:func:`refuse_counts_of_names`); the rows are
then read by :func:`~sknextchar.datasets._tables.table_counts`.
"""

import itertools

from .._limits import check_counts_total
from .._name_headers import COUNT_TITLES
from .._shown_paths import shown_path
from .._words import quoted_row
from ._column_arguments import NoColumnError, check_counts_column_argument
from ._count_cells import CountCells
from ._header_as_data import warn_named_header
from ._noted_rows import noted_first
from ._placed_column import PlacedColumn
from ._table_rows import (
    LINES_LOOKED_AT,
    check_one_column,
    close_field,
    close_header,
    header_key,
    header_line_number,
    not_a_column,
    rows_below_header,
    text_lines,
    without_title,
)
from ._table_top import is_header_row
from ._tables import cells_below, table_counts, table_of
from ._untitled_columns import titled_number_words, untitled_at, untitled_columns

__all__ = [
    "column_at",
    "counted_rows",
    "labelled_counts",
    "refuse_counts_of_names",
    "rows_later",
    "untitled_place",
]


def column_at(header, column, not_at, source, line=1, below=None):
    """The index of the column headed ``column`` (as :func:`header_key`
    compares) in a header row (on ``line``, below a title when not 1), other
    than ``not_at`` (the names; None when not known); an int ``column`` is
    the index of a field left without a title (``name,`` above ``Anna,3``).
    ``below()`` returns the rows below the header row and their delimiter,
    for a refusal to offer the untitled column of counts (None: none).

    Examples
    --------
    >>> column_at(["Name", "Sex", "Count"], "count", 0, "'kids.csv'")
    2
    >>> column_at(["name", "sex"], "count", 0, "'kids.csv'")
    Traceback (most recent call last):
    ...
    sknextchar.datasets._column_arguments.NoColumnError: counts_column='count' is ...
    """
    if not isinstance(column, str):  # a position: checked before the file was read
        at = untitled_at(column, header)
        if at is None or at == not_at:
            raise ValueError(
                f"counts_column={column!r} is no untitled column of {source}."
            )
        return at
    found = [
        i
        for i, field in enumerate(header)
        if i != not_at and header_key(field) == header_key(column)
    ]
    if not found:
        beside = "" if not_at is None else f"the names {header[not_at]!r}"
        others = [field for i, field in enumerate(header) if i != not_at]
        header_row = is_header_row(header, ",", not_at)
        rows, delimiter = below() if below and header_row else ((), ",")
        untitled = untitled_columns(header, rows, delimiter, True, not_at)
        skip = [] if not_at is None else [not_at]
        below_rows = (rows, delimiter)
        titled = titled_number_words(header, column, skip, "--counts", below_rows)
        raise NoColumnError(
            not_a_column(
                f"counts_column={column!r}",
                source,
                line,
                header,
                close_header(column, others),
                what="counts",
                beside=beside,
            ),
            header,
            ",",
            header_row=header_row,
            counts=True,
            near=close_field(column, others),
            flag="--counts",
            untitled=untitled,
            titled=titled,
        )
    check_one_column(header, found[0], source, skip=[] if not_at is None else [not_at])
    return found[0]


def counted_rows(
    lines, path, names_column, counts_column, *, warn=True, again=None, unnamed=None
):
    """``(name, count)`` for each row of a table with a name: the one reader of
    names with counts (``load_names`` and ``train_from_file``).

    The header (the first of ``lines``) is checked when this is called: the
    table needs a column ``names_column`` (as :func:`~._tables.find_table` finds it) and
    another one ``counts_column`` (:func:`column_at`). The rows are then read
    as they are asked for, as :func:`~._tables.named_rows` reads them (rows without a
    name skipped), each count from its name's own row, checked by
    :func:`~._count_cells.count_of` (an error names the line and the column).

    Parameters
    ----------
    lines : iterable of str
        The lines of the file, its header row first.
    path : str or os.PathLike
        The file, as messages show it.
    names_column, counts_column : str
        The headers of the column of names and of the column of counts.
    warn : bool, default=True
        Warn when counts such as 17.728 of a semicolon or tab table, which
        could be read with a decimal point or with a point between thousands,
        are read
        with decimal points, no count of the column telling which
        (:class:`~._count_cells.CountCells`); False for a file read again.
    again : callable or None, default=None
        Returns ``lines`` again, from the first, for a source that can be
        read again (a text in memory, a regular file; not a pipe): a column
        of more than ``HOLD_LIMIT`` counts such as 17.728 is then told how
        to read them by a later count, such as 1.234.567
        (:class:`~._count_cells.CountCells` reads the cells below them,
        :func:`~._tables.cells_below`).
    unnamed : list or None, default=None
        Gets the line of each row without a name (:func:`~._tables.named_rows`).

    Returns
    -------
    rows : iterator of (str, float)

    Examples
    --------
    >>> lines = ["name;count\\n", '"Smith; Anna";3\\n', "\\n", "José;0.5\\n"]
    >>> list(counted_rows(lines, "kids.csv", "name", "count"))
    [('Smith; Anna', 3.0), ('José', 0.5)]
    """
    check_counts_column_argument(counts_column, names_column)
    lines = iter(lines)
    head = list(itertools.islice(lines, LINES_LOOKED_AT))
    table = table_of(head, path, names_column, counts=True, warn=warn)
    source = shown_path(path)
    if isinstance(counts_column, str):
        refuse_counts_of_names(table, counts_column, source)
    line = header_line_number(head, table.skipped)
    below = rows_later(without_title(head, table.skipped), table.delimiter, source)
    at = column_at(table.header, counts_column, table.name_at, source, line, below)
    if warn:  # Emma,F,18688: a row of data read as the header row?
        warn_named_header(head, table, path, at)
    lines = itertools.chain(head, lines)
    column = untitled_place(table.header, at)
    return table_counts(lines, table, at, source, warn, again, column, unnamed)


def untitled_place(header, at):
    """Column ``at`` of ``header`` as messages name it: by its place (``"its
    2nd column"``, :class:`~._positions.PlacedColumn`) if left without a
    title, else None (by its header).

    Examples
    --------
    >>> untitled_place(["name", ""], 1).words(), untitled_place(["name", "n"], 1)
    ('the 2nd column', None)
    """
    return None if header[at] else PlacedColumn(at)


def rows_later(lines, delimiter, source):
    """:func:`column_at`'s ``below`` (and ``--counts``'): a function that
    returns the rows below the header row of ``lines``, read when it is
    called (a refusal), and ``delimiter``.

    Examples
    --------
    >>> rows_later(["name,\\n", "Anna,3\\n"], ",", "'k.csv'")()
    ([(2, ['Anna', '3'])], ',')
    """
    return lambda: (rows_below_header(lines, delimiter, source), delimiter)


def refuse_counts_of_names(table, counts_column, source):
    """Refuse a ``counts_column`` that is the column of names, suggesting the
    column of counts: the only one headed as counts often are.

    Examples
    --------
    >>> from sknextchar.datasets._tables import find_table
    >>> table = find_table("name,count", "kids.csv")
    >>> refuse_counts_of_names(table, "count", "'kids.csv'")
    >>> refuse_counts_of_names(table, "Name", "'kids.csv'")
    Traceback (most recent call last):
    ...
    ValueError: counts_column='Name' names the column of names of 'kids.csv', ...
    """
    if header_key(counts_column) != header_key(table.header[table.name_at]):
        return
    likely = [
        field
        for i, field in enumerate(table.header)
        if i != table.name_at and header_key(field) in COUNT_TITLES
    ]
    instead = f" (counts_column={likely[0]!r})" if len(likely) == 1 else ""
    raise ValueError(
        f"counts_column={counts_column!r} names the column of names of {source}, "
        f"whose header is {quoted_row(table.delimiter.join(table.header))}: pass the "
        f"column of counts{instead}, another column."
    )


def labelled_counts(text, table, label_at, rows, source, counts_column, placed=None):
    """The ``(name, label)`` of each row of ``rows`` and the names' counts,
    read in the column ``counts_column`` of ``table`` as ``load_names(
    counts_column=...)`` reads counts (each checked, and their total):
    ``load_names(path, labels_column=..., counts_column=...)``.

    Parameters
    ----------
    text : str
        The file (read again for counts such as 1.500 that tell late).
    table : Table
        Its layout; ``label_at`` the index of its column of labels.
    rows : callable
        ``rows(others)`` returns its rows, ``(line, fields)`` each, as
        :func:`~._labelled_table.labelled_rows` reads them, calling
        ``others(line, fields)`` for each row without a label (its count is
        checked, to be refused with its label).
    source : str
        The file, as messages show it.
    counts_column : str or int
        The header of the column of counts, or its position in a table
        without a header row (``header=None``).
    placed : PlacedColumn or None, default=None
        That column of a table without a header row, as messages name it
        (:class:`~._positions.PlacedColumn`); None: by its header.

    Returns
    -------
    pairs : list of (str, str)
    counts : ndarray of shape (n_pairs,), dtype float64

    Examples
    --------
    >>> from sknextchar.datasets._tables import Table
    >>> text = "name,sex,n\\nZoë,F,3\\nJosé,M,2.5\\n"
    >>> table = Table(",", ["name", "sex", "n"], 0)
    >>> rows = [(2, ["Zoë", "F", "3"]), (3, ["José", "M", "2.5"])]
    >>> labelled_counts(text, table, 1, lambda _: iter(rows), "'k.csv'", "n")
    ([('Zoë', 'F'), ('José', 'M')], array([3. , 2.5]))
    """
    import numpy as np  # not at import: the command line's help does without it

    name_at, line = table.name_at, header_line_number(text_lines(text))
    if placed is None:
        below = rows_later(text_lines(text), table.delimiter, source)
        at = column_at(table.header, counts_column, name_at, source, line, below)
        column, given = table.header[at], f"counts_column={counts_column!r}"
        column = untitled_place(table.header, at) or column
    else:  # "its 3rd column (counts_column=2)"
        at, column, given = placed.at, placed, placed.read_as("counts")
    ahead = lambda below: cells_below(text_lines(text), table, at, below)  # noqa: E731
    cells = CountCells(source, column, table.delimiter, ahead)
    pairs, counts = [], []

    def others(line, fields):  # a row without a label: its count told too
        for pair, count in cells.take(fields[at], fields[name_at], line, None):
            if pair is not None:  # a count held before it, read now
                pairs.append(pair)
                counts.append(count)

    with noted_first(cells):  # rows without a count refused before a later error
        for line, fields in itertools.chain(rows(others), [(None, None)]):
            if fields is None:  # after the last row: the counts still held
                read = cells.finish()
            else:
                pair = fields[name_at], fields[label_at]
                read = cells.take(fields[at], pair[0], line, pair)
            for pair, count in read:
                if pair is not None:  # None: a row without a label
                    pairs.append(pair)
                    counts.append(count)
    where = f"{source} in {given}"
    check_counts_total(counts, f"The counts of {where}")
    return pairs, np.array(counts, dtype=np.float64)
