"""``sknextchar train NAMES_FILE --counts COLUMN``: names with how often they occur.

NAMES_FILE is then a table with a header row (``name,count``; the US baby-name
files ``name,sex,count`` once given a header row), and COLUMN the header of its
column of counts. Each name trains with its count as its ``sample_weight``: a
name of count 3 as if it were on three lines (a count may have a fraction for
the MLP; ``--model kneser-ney`` counts names, so its counts are whole numbers).
The names (and labels) are read as without ``--counts``; the counts come from
the same rows, found by their line.
"""

import itertools
import math
import os

import numpy as np

from ..datasets._base import read_text
from ..datasets._tables import (
    MAX_COUNT,
    column_at,
    count_of,
    header_key,
    split_header,
    table_rows,
    text_lines,
)

__all__ = [
    "check_counts_column",
    "counts_note",
    "counts_reader",
    "counts_reader_of",
    "refuse_same_column",
]


def counts_reader(path, column, *, encoding="utf-8", others=()):
    """The reader of the counts of NAMES_FILE's rows; fails first on the header.

    Parameters
    ----------
    path : str or None
        NAMES_FILE (None: the bundled names, which have no counts).
    column : str
        ``--counts COLUMN``, the header of the column of counts.
    encoding : str, default="utf-8"
    others : sequence of (str, str or None), default=()
        The other columns read, ``(flag, header)`` (``--labels``,
        ``--names-column``): refused if one is also ``column``.

    Returns
    -------
    weights_of : callable
        ``weights_of(names, lines, whole=False)``: the count of each name,
        read on its line (a float64 array); ``whole`` refuses a fraction.

    Raises
    ------
    ValueError
        If there is no NAMES_FILE, or its first row has no column ``column``,
        or ``column`` is one of ``others``.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "us.csv")
    ...     with open(path, "w") as f:
    ...         _ = f.write("name,sex,count\\nOlivia,F,17728\\nLiam,M,20272\\n")
    ...     weights_of = counts_reader(path, "count")
    >>> weights_of(["Olivia", "Liam"], [2, 3]).tolist()
    [17728.0, 20272.0]
    """
    if path is None:
        raise ValueError(
            f"--counts {column!r} reads the column of counts of NAMES_FILE, and the "
            "bundled names have none: pass NAMES_FILE, a table with a header row "
            "(e.g. name,count)."
        )
    refuse_same_column(column, others, path)
    text = read_text(path, encoding=encoding)
    first = next(text_lines(text), "")
    source = repr(path)
    delimiter = next(
        (d for d in ",;\t" if _has_column(split_header(first, d), column)), None
    )
    if delimiter is None:
        raise ValueError(
            f"--counts {column!r} is not a column of {source}, whose first row (the "
            f"header) is {first.strip()[:80]!r}: pass --counts COLUMN, the header of "
            "its column of counts as that row spells it. A file without a header "
            "row needs one: add a first line that names its columns (e.g. "
            "name,sex,count for the US baby-name files)."
        )
    header = split_header(first, delimiter)
    at = column_at(header, column, None, source)  # refuses two such columns
    shown = header[at]

    def weights_of(names, lines, whole=False):
        weights = np.empty(len(names))
        cells = _cells_on(lines, table_rows(text_lines(text), delimiter, source), at)
        for i, (name, line, cell) in enumerate(zip(names, lines, cells)):
            weights[i] = count_of(cell, name, line, source, shown)
            if whole and weights[i] != math.floor(weights[i]):
                raise ValueError(
                    f"Line {line} of {source} has {cell!r} in the column {shown!r} "
                    f"for the name {name!r}: --model kneser-ney counts names, so a "
                    "count is a whole number. Round the counts, or train the MLP "
                    "(--model mlp), which takes fractions."
                )
        _check_counts(weights, source, shown)
        return weights

    return weights_of


def refuse_same_column(column, others, path):
    """Refuse ``--counts`` naming the column of ``--labels`` or ``--names-column``."""
    for flag, other in others:
        if other is not None and header_key(other) == header_key(column):
            raise ValueError(
                f"--counts {column!r} and {flag} {other!r} name the same column: "
                f"pass --counts the header of the column of counts of {path!r}, "
                f"a column other than the {flag[2:].replace('-', ' ')}."
            )


def _check_counts(weights, source, shown):
    """Refuse counts that add up to more than is counted exactly, or to 0."""
    total = math.fsum(weights)
    if total > MAX_COUNT:
        raise ValueError(
            f"The counts of {source} in its column {shown!r} add up to "
            f"{total:.3g}, more than {MAX_COUNT:,} (2**53), the most that is "
            "counted exactly: divide every count by the same number (the MLP "
            "learns the same model from counts times any constant)."
        )
    if not weights.any():
        raise ValueError(
            f"Every name of {source} has the count 0 in its column {shown!r}, "
            "and a name of count 0 is left out of training: give some names "
            "a count above 0."
        )


def _cells_on(lines, rows, at):
    """The cell of column ``at`` on each of ``lines`` ("" for none), from
    ``rows``, the ``(line, fields)`` of the table: one pass that keeps no row
    (a dict of a million rows took 2 s and 200 MB more)."""
    cells = [""] * len(lines)
    line_at, fields = 0, []
    order = range(len(lines))
    if any(a > b for a, b in zip(lines, itertools.islice(lines, 1, None))):
        order = sorted(order, key=lines.__getitem__)  # in file order
    for i in order:
        while line_at < lines[i]:
            line_at, fields = next(rows, (math.inf, []))
        if line_at == lines[i] and at < len(fields):
            cells[i] = fields[at]
    return cells


def _has_column(header, column):
    return any(header_key(field) == header_key(column) for field in header)


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
    return f"{len(names):,} names ({shown} with their counts{left_out})"


def counts_reader_of(args):
    """The reader of a command's ``--counts COLUMN`` (None without the flag)."""
    if getattr(args, "counts", None) is None:
        return None
    return counts_reader(
        args.names_file, args.counts, encoding=args.encoding, others=_others(args)
    )


def _others(args):
    """The other columns a command reads, ``(flag, header)``, for ``--counts``."""
    labels = getattr(args, "labels", None)
    if labels is not None and os.path.isfile(labels):
        labels = None  # a file of labels, not a column
    return [
        ("--names-column", getattr(args, "names_column", None)),
        ("--labels", labels),
    ]


def check_counts_column(args, column):
    """``--counts`` with a NAMES_FILE read in chunks: a table whose count column
    is not another column read; train_from_file's first pass checks the header
    and the counts before any training, reading the file in chunks."""
    if getattr(args, "counts", None) is None:
        return
    refuse_same_column(args.counts, _others(args), args.names_file)
    if column is None:
        raise ValueError(
            f"--counts {args.counts!r} reads a column of a table, and "
            f"{args.names_file!r} is read as one name per line: pass "
            "--names-column COLUMN, the header of its names."
        )
