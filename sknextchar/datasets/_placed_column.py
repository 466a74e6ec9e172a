"""A column named by its place (``"the 3rd column"``), not by a header: a
column of a table without a header row, or one its header row leaves
without a title.
"""

from ._column_arguments import PYTHON

__all__ = ["PlacedColumn", "ordinal"]


def ordinal(n):
    """``n`` as an ordinal, ``"3rd"``: a column's place that reads the same
    counted from 0 or from 1.

    Examples
    --------
    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd']
    """
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}
    return str(n) + (suffix if isinstance(suffix, str) else suffix.get(n % 10, "th"))


class PlacedColumn:
    """A column of a table without a header row (or left without a title in
    its header row), as messages name it: by its place, ``"the 3rd
    column"`` (in every interface, whether it counts from 0 or 1), never as
    a column headed ``'3rd'``. Advice that names the
    argument reading it spells it from ``at`` (``counts_column=2`` in
    Python, ``--counts 3`` on the command line).

    Parameters
    ----------
    at : int
        The column's position, counted from 0.

    Examples
    --------
    >>> from sknextchar.datasets._count_cells import column_words
    >>> column = PlacedColumn(2)
    >>> column_words(column), column_words(column, "its")
    ('the 3rd column', 'its 3rd column')
    """

    def __init__(self, at):
        self.at = at

    def words(self, article="the"):
        """The column named by its place after ``article``."""
        return f"{article} {ordinal(self.at + 1)} column"

    def number(self, spelling=PYTHON):
        """The column's number as ``spelling`` counts columns: ``2`` in
        Python (``counts_column=2``), ``3`` on the command line
        (``--counts 3``).

        Examples
        --------
        >>> from sknextchar.datasets._column_arguments import COMMAND_LINE
        >>> PlacedColumn(2).number(), PlacedColumn(2).number(COMMAND_LINE)
        (2, 3)
        """
        return self.at + spelling.start

    def read_as(self, what, spelling=PYTHON):
        """The column by its place, with the argument that reads it as
        ``what`` in ``spelling``'s words.

        Examples
        --------
        >>> from sknextchar.datasets._column_arguments import COMMAND_LINE
        >>> PlacedColumn(2).read_as("counts")
        'its 3rd column (counts_column=2)'
        >>> PlacedColumn(1).read_as("labels", COMMAND_LINE)
        'its 2nd column (--labels 2)'
        """
        return f"{self.words('its')} ({spelling.given(what, self.at)})"
