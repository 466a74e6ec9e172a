"""How an interface names the reading of a table by column positions
(:class:`Spelling`): Python's (:data:`PYTHON`, ``header=None`` and positions
counted from 0) and the command line's (:data:`COMMAND_LINE`, ``--no-header``
and numbers counted from 1), and Python's words for a column's argument
left blank (:data:`BLANK_ADVICE`).
"""

__all__ = ["BLANK_ADVICE", "COMMAND_LINE", "PYTHON", "Spelling"]


class Spelling:
    """How an interface names the reading of a table by column positions:
    where it counts them from, and its words for them.

    Examples
    --------
    >>> PYTHON.given("counts", 2), COMMAND_LINE.given("counts", 2)
    ('counts_column=2', '--counts 3')
    """

    def __init__(self, start, header, words):
        self.start, self.header, self.words = start, header, words

    def given(self, what, at):
        """The argument reading column ``at`` (counted from 0) as ``what``
        (``"names"``, ``"counts"`` or ``"labels"``)."""
        return self.words[what].format(at + self.start)


#: The Python readers' words: ``header=None``, positions counted from 0.
PYTHON = Spelling(
    0,
    "header=None",
    {
        "names": "names_column={}",
        "counts": "counts_column={}",
        "labels": "labels_column={}",
    },
)
#: The command line's words: ``--no-header``, columns counted from 1.
COMMAND_LINE = Spelling(
    1,
    "--no-header",
    {"names": "--names-column {}", "counts": "--counts {}", "labels": "--labels {}"},
)

#: Python's words for each column argument, told when it is blank: what it
#: reads, a header it may be, what None does, and how a column left without a
#: title in the header row is read.
BLANK_ADVICE = {
    "names_column": ("names", "name", "to read one name per line", "needs one"),
    "labels_column": (
        "labels",
        "sex",
        "to load the names alone",
        "is read by its position, counted from 0: labels_column=1 for the 2nd",
    ),
    "counts_column": ("counts", "count", "to read no counts", "needs one"),
}
