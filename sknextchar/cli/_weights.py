"""``sknextchar train NAMES_FILE --counts COLUMN``: names with how often they occur.

NAMES_FILE is then a table with a header row (``name,count``; the US baby-name
files ``name,sex,count`` once given a header row), and COLUMN the header of its
column of counts. Each name trains with its count as its ``sample_weight``: a
name of count 3 as if it were on three lines (a count may have a fraction for
the MLP; ``--model kneser-ney`` counts names, so its counts are whole numbers).
The names (and labels) are read as without ``--counts``; the counts come from
the same rows, found by their line.
"""

import math

import numpy as np

from ..datasets._base import read_text
from ..datasets._tables import (
    column_at,
    count_of,
    header_key,
    split_header,
    table_rows,
    text_lines,
)

__all__ = ["counts_reader", "counts_note"]


def counts_reader(path, column, *, encoding="utf-8"):
    """The reader of the counts of NAMES_FILE's rows; fails first on the header.

    Parameters
    ----------
    path : str or None
        NAMES_FILE (None: the bundled names, which have no counts).
    column : str
        ``--counts COLUMN``, the header of the column of counts.
    encoding : str, default="utf-8"

    Returns
    -------
    weights_of : callable
        ``weights_of(names, lines, whole=False)``: the count of each name,
        read on its line (a float64 array); ``whole`` refuses a fraction.

    Raises
    ------
    ValueError
        If there is no NAMES_FILE, or its first row has no column ``column``.

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
        rows = dict(table_rows(text_lines(text), delimiter, source))
        weights = np.empty(len(names))
        for i, (name, line) in enumerate(zip(names, lines)):
            fields = rows.get(line, [])
            cell = fields[at] if at < len(fields) else ""
            weights[i] = count_of(cell, name, line, source, shown)
            if whole and weights[i] != math.floor(weights[i]):
                raise ValueError(
                    f"Line {line} of {source} has {cell!r} in the column {shown!r} "
                    f"for the name {name!r}: --model kneser-ney counts names, so a "
                    "count is a whole number. Round the counts, or train the MLP "
                    "(--model mlp), which takes fractions."
                )
        if not weights.any():
            raise ValueError(
                f"Every name of {source} has the count 0 in its column {shown!r}, "
                "and a name of count 0 is left out of training: give some names "
                "a count above 0."
            )
        return weights

    return weights_of


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
