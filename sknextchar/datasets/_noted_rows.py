"""Rows of a table refused all at once, every kind of problem in one refusal.

A reader notes the rows it cannot take (a row without a label, a cell that is
no count, a fraction where counts are whole) and reads on; after the last row,
or before a later row's error, every kind noted is refused in one message
(:class:`NotedRowsError`), the kinds in the order of their first rows, so that
a file is fixed from the top in one run. A noted kind is an object whose
``noted_parts()`` returns ``(first line, message)`` for what it noted (and
forgets it): :class:`~._count_cells.CountCells`,
:class:`~._labelled_table.UnlabelledRows`, the command line's
``CountsColumn``.
"""

import contextlib

__all__ = ["NONE_READ_LIMIT", "NotedRowsError", "noted_first", "refuse_noted_rows"]

# Rows refused in a row, none read, after which a column is told to hold
# none of what it was read for, at once (not after reading a whole file).
NONE_READ_LIMIT = 100


class NotedRowsError(ValueError):
    """The rows of a table refused together: ``parts`` is ``(first line,
    message)`` for each kind of problem, told in the order of their first
    lines (one kind before another on the same line as given).

    Examples
    --------
    >>> print(NotedRowsError([(5, "Line 5: no count."), (2, "Line 2: no label.")]))
    Line 2: no label. Line 5: no count.
    """

    def __init__(self, parts):
        self.parts = sorted(parts, key=lambda part: part[0])
        super().__init__(self.text())

    def text(self):
        """The message: the parts' in order."""
        return " ".join(message for _, message in self.parts)

    def __reduce__(self):  # its class takes the parts, not the message;
        return type(self), (self.parts,), vars(self)  # notes kept as set


def refuse_noted_rows(*noted):
    """Raise :class:`NotedRowsError` for the rows ``noted`` (None skipped)
    have noted, if any.

    Examples
    --------
    >>> refuse_noted_rows(None)  # nothing noted: nothing raised
    """
    parts = [part for rows in noted if rows is not None for part in rows.noted_parts()]
    if parts:
        raise NotedRowsError(parts)


@contextlib.contextmanager
def noted_first(*noted):
    """Refuse the rows ``noted`` so far (each a noted kind; None skipped)
    before a later row's error raised in the block, so that rows are refused
    top-down; a refusal of noted rows raised in the block (by an inner
    reader, such as the rows without a label) is told with them.

    Examples
    --------
    >>> from sknextchar.datasets._count_cells import CountCells
    >>> cells = CountCells("'k.csv'", "count", ",")
    >>> with noted_first(cells):  # doctest: +ELLIPSIS
    ...     cells.take("", "Anna", 2, "Anna")
    ...     raise ValueError("Line 3 of 'k.csv' has 4 fields")
    Traceback (most recent call last):
    ...
    sknextchar.datasets._noted_rows.NotedRowsError: Line 2 of 'k.csv' has nothing ...
    """
    try:
        yield
    except ValueError as error:
        inner = error.parts if isinstance(error, NotedRowsError) else []
        parts = [
            part for rows in noted if rows is not None for part in rows.noted_parts()
        ]
        if parts:
            raise NotedRowsError(inner + parts) from None
        raise
