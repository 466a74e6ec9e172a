"""The footer of a table: the lines below its rows (``Source: national
registry 2020``) that are no rows of it, told by what no name of its column
has (:class:`NamesSeen`), and a last row that sums the rows above
(``Total,5``). :mod:`._tables` holds them back as it reads the rows, and
refuses them (:func:`refuse_footer`) rather than read them as names.
"""

import csv
import re

from .._number_runs import runs_and_more
from ._count_cells import is_number

__all__ = [
    "FOOTER_LINES",
    "TOTALS",
    "FooterLinesError",
    "LastLine",
    "NamesSeen",
    "as_written",
    "is_total",
    "refuse_footer",
]

FOOTER_LINES = 5  # the lines at the end of a table that may be a footer

# The last row of a spreadsheet that sums the rows above (as header_key reads).
TOTALS = frozenset(
    {"total", "totals", "grand total", "sum", "summe", "gesamt", "totaal", "totale"}
)
_DIGIT = re.compile(r"\d")
# The label a footer starts with: words and a colon before a space or the end
# (``Source:``, ``Quelle :``, ``Notes:``), or a web address (``https://``);
# not ``Jean:Paul``, ``A:1``.
_LABEL = re.compile(r"[^\W\d_][\w.'’() -]*?\s?:(?:\s|$)|[^\W\d_]+://").match


class NamesSeen:
    """What the names of a column read so far have, that a footer line
    (``Source: national registry 2020``) has and a name (``Zoë``) has not: a
    digit, a ``:``; and, for a line of one field (a name alone on its row,
    its empty cells left out), two words more than any name (one more is a
    name such as ``Mary Ann`` below names of one word). A footer that holds
    the delimiter (``Source: national registry, 2020``) is read as a row:
    its name (``Source: national registry``) is told by the label it starts
    with (:meth:`footer_label`), not by a digit or a ``:`` alone (``R2-D2``,
    ``Jean:Paul`` are names), nor by more words.

    Examples
    --------
    >>> seen = NamesSeen()
    >>> seen.add("Zoë")
    >>> [seen.lack(line) for line in ["Mary Ann", "Notes:", "R2", "A new registry"]]
    [False, True, True, True]
    >>> [seen.footer_label(name) for name in ["Source: registry", "R2-D2", "A:1"]]
    [True, False, False]
    """

    def __init__(self):
        self.digit, self.colon, self.words = False, False, 1
        # .search of what no name has yet: a digit, a colon (None: no match)
        self.novel = _NOVEL[False, False]
        self.labelled = False  # a name that reads as a footer's label

    def add(self, name):
        if self.novel(name) is not None:
            self.digit = self.digit or _DIGIT.search(name) is not None
            self.colon = self.colon or ":" in name
            self.novel = _NOVEL[self.digit, self.colon]
        self.labelled = self.labelled or self.footer_label(name)
        if " " in name:
            self.words = max(self.words, len(name.split()))

    def add_rows(self, rows, at):
        for _, fields in rows:
            self.add(fields[at])

    def lack(self, line):
        """Whether ``line`` (of one field) has what none of the names has."""
        if self.novel(line) is not None:
            return True
        return len(line.split()) > self.words + 1

    def footer_label(self, name):
        """Whether ``name`` starts with a footer's label (``Source:``, a web
        address) as none of the names does."""
        return not self.labelled and ":" in name and _LABEL(name) is not None


_NOVEL = {
    (False, False): re.compile(r"[\d:]").search,
    (True, False): re.compile(r":").search,
    (False, True): _DIGIT.search,
    (True, True): lambda line: None,
}


def is_total(fields, at, key, delimiter):
    """Whether a row of two fields or more sums the rows above: its name
    ``fields[at]`` (``key``, as ``header_key`` reads it) is a total, and the
    cells beside it numbers or empty (``Total,5``; ``Sum,kr`` is a name and
    its label)."""
    if len(fields) < 2 or key not in TOTALS:
        return False
    others = (field.strip() for i, field in enumerate(fields) if i != at)
    return all(is_number(field, delimiter) for field in others if field)


class FooterLinesError(ValueError):
    """A table's last lines that are no rows of it (a footer, a total);
    ``rows`` holds them, ``(line, fields)`` each."""

    def __init__(self, message, rows):
        super().__init__(message)
        self.rows = rows

    def __reduce__(self):  # its class takes the rows as well as the message
        return type(self), (self.args[0], self.rows), vars(self)  # notes and all


class LastLine:
    """The lines of a file (an iterable), passed on as they are read, the
    last one kept (``text``): a footer is quoted as written."""

    def __init__(self, lines):
        self.lines, self.text = lines, ""

    def __iter__(self):
        for text in self.lines:
            self.text = text
            yield text


def as_written(text, fields, n_fields, delimiter):
    """The row ``fields`` (its first ``n_fields`` as written, then padded)
    as its line ``text`` spells it; its fields joined when it is not that line
    alone (a row over two lines)."""
    text = text.rstrip("\r\n")
    try:
        alone = next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        alone = []
    if [field.strip() for field in alone] == fields[:n_fields]:
        return text
    return delimiter.join(fields[:n_fields])


def refuse_footer(held, written, table, source, total):
    """Refuse the lines ``held`` (``(line, fields)``, padded; ``written``:
    the text of the first's line, and its number of fields there) at the
    end of a table of two columns or more: a footer (``Source: ...``) or a
    total (``total``: :func:`is_total` of the first), which would be read as
    names.

    Raises
    ------
    FooterLinesError
        Naming the lines, and asking for them to be deleted (or, for a name,
        moved above the last row of the table, or its empty cells written).
    """
    first, last = held[0][0], held[-1][0]
    run = runs_and_more(range(first, last + 1))  # "5-7", as other lists of lines
    lines = f"line {first}" if first == last else f"lines {run}"
    fields, (text, n_fields) = held[0][1], written
    name = fields[table.name_at]
    shown = as_written(text, fields, n_fields, table.delimiter)
    end = f"Delete {lines}, so that the file ends with the last row of its table, "
    keep = (
        f"(if {'it is' if first == last else 'one of them is'} a row of names, "
        "move it above the last row of the table instead, where it is read as "
        "one)."
    )
    if total:
        message = (
            f"{source} has {shown!r} on line {first}, the last row of its table: "
            "the sum of the rows above (a total?), which would be read as the "
            f"name {name!r}. {end}and read it again {keep}"
        )
    elif n_fields > 1:
        message = (
            f"{source} has {shown!r} on {lines}, below the rows of its table: "
            f"{name!r} starts with a label (a footer with a "
            f"{table.shown_delimiter} in it?) as no name above it does, and would "
            f"be read as a name. {end}and read it again {keep}"
        )
    else:
        d, width = table.delimiter, len(table.header)
        if _LABEL(name) is None:
            keep = (
                "(if it is a name, write its empty cells after it, as a "
                f"spreadsheet does: {name + d * (width - 1)!r})."
            )
        # A table without a header row (header=None) has no header to show.
        wide = (
            f"its header row {d.join(table.header)!r} has"
            if table.has_header
            else "its rows have"
        )
        message = (
            f"{source} has {shown!r} on {lines}, below the rows of its table, "
            f"with one field where {wide} {width} (a footer?): it would be read "
            f"as a name. {end}and read it again {keep}"
        )
    raise FooterLinesError(message, held)
