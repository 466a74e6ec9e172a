"""Rows of a table wider than its header row (``Mary, Ann,f`` below
``name,label``: a name with the delimiter in it, unquoted), noted as the
rows are read and refused all at once (:class:`WideRows`, a noted kind of
:mod:`._noted_rows`), so that a file with a few such rows is fixed in one
run rather than one row a run.
"""

from .._number_runs import runs_and_more
from .._words import MAX_REPORTED
from ._noted_rows import NotedRowsError

__all__ = ["WideRows"]

# The wide rows after which the columns are told not to line up, at once.
_MOST = MAX_REPORTED


class WideRows:
    """The rows of a table with more fields than its header row (empty
    fields at the end aside), refused together (:meth:`noted_parts`); on
    the row after :data:`_MOST` of them, at once (the columns do not line
    up: the file is read no further).

    Parameters
    ----------
    source : str
        The file, as messages show it.
    width : int
        The fields of its header row (of its widest first row, in a table
        without one).
    has_header : bool, default=True
        Whether the table has a header row.

    Examples
    --------
    >>> wide = WideRows("'k.csv'", 2)
    >>> wide.note(["Mary", "Ann", "f"], 3)
    True
    >>> wide.note(["Zoë", "f", ""], 4)  # an empty field at the end: not wide
    False
    >>> wide.note(["Lee", "Jo", "m", "x"], 6)
    True
    >>> print(wide.noted_parts()[0][1])  # doctest: +NORMALIZE_WHITESPACE
    Lines 3 and 6 of 'k.csv' have 3 or 4 fields, more than the 2 of its header:
    a name or label with the delimiter in it needs quotes ("Mary, Ann"), or the
    columns do not line up.
    """

    def __init__(self, source, width, has_header=True):
        self.source, self.width, self.has_header = source, width, has_header
        self.rows = []  # (line, number of fields)

    def note(self, fields, line):
        """Note the row ``fields`` on ``line`` if it is wider than the header;
        whether it is (its cells, shifted, are then read no further: the row
        is refused for its width alone, not for a count or label out of place)."""
        if self.rows and self.rows[-1][0] >= line:
            return True  # noted already: a row held back as a footer, then read
        if len(fields) > self.width and any(fields[self.width :]):
            self.rows.append((line, len(fields)))
            if len(self.rows) > _MOST:
                raise NotedRowsError(self.noted_parts())
            return True
        return False

    def noted_parts(self):
        """``[(first line, message)]`` for the rows noted (forgotten then)."""
        rows, self.rows = self.rows, []
        if not rows:
            return []
        above = "of its header" if self.has_header else "of its widest row above it"
        fix = (
            'a name or label with the delimiter in it needs quotes ("Mary, Ann"), '
            "or the columns do not line up."
        )
        if len(rows) == 1:
            line, n_fields = rows[0]
            return [
                (
                    line,
                    f"Line {line} of {self.source} has {n_fields:,} fields, more "
                    f"than the {self.width:,} {above}: {fix}",
                )
            ]
        stopped = len(rows) > _MOST
        lines = runs_and_more([line for line, _ in rows])
        least, most = min(n for _, n in rows), max(n for _, n in rows)
        widths = f"{least:,}" + ("" if least == most else f" to {most:,}")
        widths = widths.replace(" to ", " or ") if most == least + 1 else widths
        further = " (read no further: the columns do not line up)" if stopped else ""
        return [
            (
                rows[0][0],
                f"Lines {lines}{further} of {self.source} have {widths} fields, "
                f"more than the {self.width:,} {above}: {fix}",
            )
        ]
