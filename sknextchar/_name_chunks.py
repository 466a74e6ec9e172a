"""The names of a file, read one chunk at a time (never more held).

:func:`read_name_chunks` reads a file of names as
:func:`~sknextchar.datasets.load_names` reads it (one name per line, or the
column of a table), a chunk of names at a time; ``_weighted_chunks`` reads a
table's names with their counts; :func:`chunk_reader` gives
:func:`~sknextchar.train_from_file` one such pass over the file per call, the
first of which warns.
"""

import functools
import itertools
import math
import os

import numpy as np

from ._limits import check_counts_total
from ._shown_paths import shown_path
from .datasets._base import check_not_empty, warn_unnamed_rows
from .datasets._comment_lines import numbered_lines, warn_comment_lines, warn_title_name
from .datasets._count_cells import column_words
from .datasets._counted_rows import counted_rows
from .datasets._header_as_data import warn_named_header
from .datasets._line_stream import check_line_lengths, file_lines
from .datasets._positions import PlacedColumn, position_counted_rows, position_table
from .datasets._quoted_lines import PYTHON_ONE_COLUMN, QuotedLines
from .datasets._table_rows import LINES_LOOKED_AT, UnnamedRows
from .datasets._table_warning import warn_if_table
from .datasets._tables import column_values, table_of

__all__ = ["chunk_reader", "read_name_chunks", "replayed"]


def read_name_chunks(
    path,
    chunk_size,
    *,
    encoding="utf-8",
    names_column=None,
    warn_comments=True,
    by_position=False,
):
    """The names of a file, one name per line, in lists of ``chunk_size``.

    Lines are read as :func:`~sknextchar.datasets.load_names` reads them
    (surrounding whitespace stripped, blank lines skipped, any line ending, a
    UTF-8 byte-order mark skipped), but never more than one chunk is held.

    Parameters
    ----------
    path : str or os.PathLike
        A text file with one name per line.
    chunk_size : int
        Names per chunk (the last chunk may hold fewer).
    encoding : str, default="utf-8"
        The file's text encoding.
    names_column : str or None, default=None
        The header of the column of names of a table (a header row, a comma,
        semicolon or tab between fields; as
        :func:`~sknextchar.datasets.load_names` reads it); None reads one name
        per line.
    warn_comments : bool, default=True
        Warn once, as :func:`~sknextchar.datasets.load_names` does, when a
        line looks like a comment ('# girls'), when lines are fields in
        double quotes, as a spreadsheet writes them ('"Smith, Anna"'), when
        the file, read one name per line, looks like a table (a header row
        ``,name,label``), or when another code page reads it as names,
        clearly better; and, at the end, of the rows of a table without a
        name but with another cell (``,female``); False for a
        pass over a file whose first pass warned (no warning filter is
        touched), which yields no chunk for a file emptied since (its caller
        tells that the file changed).
    by_position : bool, default=False
        ``names_column`` is the position of the column of names (counted from
        0) of a table without a header row (``header=None``).

    Yields
    ------
    names : list of str
        The next ``chunk_size`` names, in file order.

    Raises
    ------
    ValueError
        If the file holds a NUL character (it is binary, or in another
        encoding) or another control character (not the tab), cannot be
        decoded, or, read one name per line, holds a line of more than 1,000
        characters (refused as it is read, never held whole); or, as
        :func:`~sknextchar.datasets.load_names` refuses it, if it holds no
        names (it is empty, blank or only a Ctrl-Z end mark; with
        ``warn_comments=True``).

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("asha\\n\\nabid\\r\\nzoe\\n")
    ...     list(read_name_chunks(path, 2))
    [['asha', 'abid'], ['zoe']]
    """
    lines = file_lines(path, encoding, warn=warn_comments, column=names_column)
    if names_column is not None:
        names = _column(lines, path, names_column, by_position, warn_comments)
        chunks = _chunks_of_lines(names, chunk_size)
        yield from _not_empty(chunks, path, names_column, warn_comments)
        return
    # Its first lines may be rows: a table read as a list warns (the first
    # pass), then a line too long for a name is refused.
    head = list(itertools.islice(lines, LINES_LOOKED_AT + 1))
    if warn_comments:
        names = [name for name in map(str.strip, "".join(head).splitlines()) if name]
        warn_if_table(head, names, path, reader="train_from_file")
        whole = len(head) <= LINES_LOOKED_AT  # else lines below it unread
        warn_title_name(numbered_lines("".join(head)), path, whole=whole)
    check_line_lengths("".join(head), path)
    # Split as load_names splits the text (str.splitlines: at U+2028 too);
    # file_lines numbered them at line ends only, as a text editor does.
    lines = (n for line in itertools.chain(head, lines) for n in line.splitlines())
    # Once, at the first chunk with a '# girls' line; the '"Smith, Anna"'
    # lines at the end of the first pass, which saw whether CSV cuts a line.
    commented, quoted = not warn_comments, QuotedLines()
    chunks = _not_empty(_chunks_of_lines(lines, chunk_size), path, None, warn_comments)
    for chunk in chunks:
        commented = commented or warn_comment_lines(chunk, path, whole=False)
        if warn_comments:
            quoted.add(chunk)
        yield chunk
    quoted.warn(path, PYTHON_ONE_COLUMN)


def _not_empty(chunks, path, names_column, refused):
    """The chunks; none at all: the error of ``load_names`` (if ``refused``)."""
    empty = True
    for chunk in chunks:
        empty = False
        yield chunk
    if empty and refused:
        check_not_empty([], path, names_column)


def _weighted_chunks(
    path,
    chunk_size,
    encoding,
    names_column,
    counts_column,
    warn=True,
    by_position=False,
    every_name=False,
):
    """``(names, weights)`` of a table, ``chunk_size`` names at a time: the
    names of its column ``names_column``, the numbers of ``counts_column``
    (their positions, ``by_position``: ``header=None``). A name of count 0
    is left out, as if absent (the chunks are those of the file without
    it), unless ``every_name`` (the first pass, which checks it and places
    each name in the file)."""
    lines = file_lines(path, encoding, warn=warn, column=names_column)
    again = None  # a pipe is read once: counts such as 1.500 may not tell late
    if os.path.isfile(path):
        again = functools.partial(
            file_lines, path, encoding, warn=False, column=names_column
        )
    read = position_counted_rows if by_position else counted_rows
    unnamed = UnnamedRows()  # told of once, at the end of the file's first pass
    columns = path, names_column, counts_column
    rows = read(lines, *columns, warn=warn, again=again, unnamed=unnamed)
    names, weights, totals = [], [], []  # totals: of each chunk, for the check
    named = False
    for name, weight in rows:
        named = True
        if not (weight or every_name):
            continue  # not learned: the chunks of the file without it
        names.append(name)
        weights.append(weight)
        if len(names) == chunk_size:
            totals.append(math.fsum(weights))
            yield names, np.array(weights)
            names, weights = [], []
    totals.append(math.fsum(weights))  # at the end of the first pass, refused
    if warn:
        source = shown_path(path)
        warn_unnamed_rows(unnamed, source, ("count",), none_named=not named)
    column = (  # a position is named by its place, the same in every interface
        column_words(PlacedColumn(counts_column), "its")
        if by_position or not isinstance(counts_column, str)  # or untitled's
        else f"counts_column={counts_column!r}"
    )
    check_counts_total(totals, f"The counts of {shown_path(path)} in {column}")
    if names:
        yield names, np.array(weights)


def _column(lines, path, names_column, by_position=False, warn=True):
    """The names of the column ``names_column`` of a table's lines (its
    position, ``by_position``: a table without a header row); with ``warn``
    (the first pass), the rows without a name but with another cell are told
    of at the end, as ``load_names`` tells them."""
    head = list(itertools.islice(lines, LINES_LOOKED_AT))
    if by_position:
        table = position_table(head, path, {"names": names_column})
    else:
        table = table_of(head, path, names_column, warn=warn)  # its title once
        if warn:  # Emma,F: a row of data read as the header row?
            warn_named_header(head, table, path)
    unnamed, source, named = UnnamedRows(), shown_path(path), False
    for _, name in column_values(itertools.chain(head, lines), table, source, unnamed):
        named = True
        yield name
    if warn:  # no name at all: told as such, then refused as load_names does
        warn_unnamed_rows(unnamed, source, none_named=not named)


def _chunks_of_lines(lines, chunk_size):
    """The non-blank stripped lines, in lists of chunk_size."""
    chunk = []
    for line in lines:
        name = line.strip()
        if name:
            chunk.append(name)
        if len(chunk) == chunk_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunk_reader(
    path, chunk_size, encoding, names_column, counts_column, by_position=False
):
    """``chunks()``: one pass over the file, ``(names, weights or None)``; the
    first pass warns about a line such as '# my names', the others do not
    (``by_position``: the columns are positions, ``header=None``). The names
    of count 0 are left out, the chunks those of the file without them;
    ``chunks(every_name=True)`` keeps them, ``chunk_size`` names of the file
    a chunk, for a pass that places each name in the file. The passes after
    the first read the file by its absolute path as it was then, whatever the
    working folder is by then (the first's errors spell ``path`` as given)."""
    passes, where = itertools.count(), os.path.abspath(path)

    def chunks(every_name=False):
        first = not next(passes)
        path_now = path if first else where
        if counts_column is not None:
            columns = names_column, counts_column, first, by_position, every_name
            return _weighted_chunks(path_now, chunk_size, encoding, *columns)
        unweighted = read_name_chunks(
            path_now,
            chunk_size,
            encoding=encoding,
            names_column=names_column,
            warn_comments=first,
            by_position=by_position,
        )
        return ((chunk, None) for chunk in unweighted)

    return chunks


def replayed(chunks):
    """``chunks()`` read from the file once, then from memory: for a file whose
    names are one chunk, which its training holds in memory anyway, so that
    each epoch (and each pass of the records) does not read the file again.

    The names read are kept only when they are one chunk: a file that grew
    since it was counted is read again on each pass, one chunk held at a time.
    ``chunks(every_name=True)`` (the first pass's, names of count 0 included)
    still reads the file.

    Examples
    --------
    >>> reads = []
    >>> def chunks(every_name=False):
    ...     reads.append(every_name)
    ...     return iter([(["abid", "asha"], None)])
    >>> again = replayed(chunks)
    >>> [list(again()) for _ in range(3)][-1], reads
    ([(['abid', 'asha'], None)], [False])
    """
    kept = []

    def chunks_again(every_name=False):
        if every_name:
            return chunks(every_name=True)
        if kept:
            return iter(kept[0])
        return _kept_if_one(chunks(), kept)

    return chunks_again


def _kept_if_one(read, kept):
    """The chunks of ``read``; when it ends after one, that chunk is kept (put
    in ``kept``). A second chunk lets the first go, as a pass that reads the
    file holds one chunk at a time."""
    first, n_chunks = None, 0
    for chunk in read:
        n_chunks += 1
        first = chunk if n_chunks == 1 else None
        yield chunk
    if n_chunks == 1:
        kept.append([first])
