"""The lines of a file that hold the names an error of its first pass shows.

The checks of :func:`~sknextchar.train_from_file`'s first pass place a name by
its position among the file's names (``names[2]='zoë'``, counted from 0, blank
lines and a table's header row left out), which points at no line a user can
find. :func:`placed_in_lines` gives such an error its names' lines instead
(``'zoë' (line 6 of 'gaps.txt')``), as the command line names them: it reads
the file again, once, for the few names the message shows.
"""

import ast
import contextlib
import functools
import itertools
import re

from ._shown_paths import shown_path
from .datasets._positions import position_table
from .datasets._table_rows import LINES_LOOKED_AT
from .datasets._tables import column_values, table_of
from .datasets._text_files import open_lines

__all__ = [
    "lines_spelled",
    "name_lines",
    "names_by_line",
    "numbered_names",
    "placed_in_lines",
]

# A name of the file as the first pass's errors show it: names[2]='zoë', or
# names[2] is 'a b'; a long one cut (sknextchar._words.quoted): 'asha, ...'...
# (240 characters).
_SHOWN = re.compile(
    r"\bnames\[(\d+)\](=| is )('(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
    r"(\.\.\. \([\d,]+ characters\))?"
)


def name_lines(path, encoding, positions, column=None, by_position=False):
    """The line of the file of each name at ``positions`` among its names.

    The names are counted as :func:`~sknextchar.train_from_file` counts them:
    one a stripped line, blank lines skipped (a line cut at U+2028 is one
    line of several names), or the names of a table's column (``column``; a
    position of a table without a header row, ``by_position``).

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str
    positions : iterable of int
    column : str, int or None, default=None
    by_position : bool, default=False

    Returns
    -------
    lines : dict
        ``{position: (line, name)}`` for the positions found; empty if the
        file can no longer be read.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "gaps.txt")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("asha\\n\\n\\nravi\\n\\nzoë\\n")
    ...     name_lines(path, "utf-8", [2, 0])
    {0: (1, 'asha'), 2: (6, 'zoë')}
    """
    wanted, found = set(positions), {}
    try:
        with open_lines(path, encoding, errors="replace") as text:
            names = numbered_names(text, path, column, by_position)
            for position, (line, name) in enumerate(names):
                if position in wanted:
                    found[position] = (line, name)
                if len(found) == len(wanted):
                    break
    except (OSError, ValueError, LookupError):  # gone or changed: not placed
        return {}
    return found


def numbered_names(text, path, column=None, by_position=False):
    """``(line, name)`` for each name of an open file, in order, the names
    counted as :func:`name_lines` counts them (the one counter of a name's
    line, that of the command line's places too).

    Parameters
    ----------
    text : iterable of str
        The lines of the file, open.
    path : str or os.PathLike
        The file, as its messages show it.
    column, by_position
        As :func:`name_lines` takes them.

    Returns
    -------
    numbered : iterator of (int, str)

    Examples
    --------
    >>> list(numbered_names(["asha\\n", "\\n", " ravi\\u2028uma\\n"], "f.txt"))
    [(1, 'asha'), (3, 'ravi'), (3, 'uma')]
    """
    if column is None:
        return (
            (number, name)
            for number, line in enumerate(text, 1)
            for name in map(str.strip, line.splitlines())
            if name
        )
    head = list(itertools.islice(text, LINES_LOOKED_AT))
    if by_position:
        table = position_table(head, path, {"names": column})
    else:
        table = table_of(head, path, column, warn=False)
    rows = column_values(itertools.chain(head, text), table, shown_path(path))
    return ((line, name.strip()) for line, name in rows if name.strip())


def lines_spelled(message, path, lines, spell=None):
    """``message`` (spelled by ``spell`` first, if not None) with each name
    of ``lines`` (:func:`name_lines`) it shows named by its line of
    ``path``; a name whose text is not that of its line is left as shown.

    Examples
    --------
    >>> lines_spelled("in names[2]='zoë' and names[5]='x'.", "g.txt", {2: (6, "zoë")})
    "in 'zoë' (line 6 of 'g.txt') and names[5]='x'."
    """
    message = message if spell is None else spell(message)

    def replace(match):
        position, verb, literal, cut = match.groups()
        line, name = lines.get(int(position), (None, None))
        try:
            shown = ast.literal_eval(literal)
        except (ValueError, SyntaxError):  # pragma: no cover (always a literal)
            return match.group(0)
        if line is None or not (name == shown or (cut and name.startswith(shown))):
            return match.group(0)
        # Written as the command line's places write a line (line 1200).
        place, literal = f"line {line} of {shown_path(path)}", literal + (cut or "")
        return f"{place} is {literal}" if verb == " is " else f"{literal} ({place})"

    return _SHOWN.sub(replace, message)


@contextlib.contextmanager
def names_by_line(path, encoding, column=None, by_position=False):
    """Within it, an error of the first pass over ``path`` names its names
    by their lines of the file (:func:`placed_in_lines`).

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar._empty_names import EmptyNamesError
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("asha\\n\\n\\u200b\\n")
    ...     try:
    ...         with names_by_line(path, "utf-8"):  # names[1] is on line 3
    ...             raise EmptyNamesError(["\\u200b"], ["names[1]"], positions=[1])
    ...     except EmptyNamesError as error:
    ...         shown = str(error).split(": ")[-1]
    >>> print(shown.replace(path, "names.txt"))
    '\\u200b' (line 3 of 'names.txt'). Remove it.
    """
    try:
        yield
    except ValueError as error:
        placed = placed_in_lines(error, path, encoding, column, by_position)
        if placed is error:
            raise
        raise placed from None


def placed_in_lines(error, path, encoding, column=None, by_position=False):
    """The error of a first pass, its names named by their lines of the file.

    Only an error that places names in the whole file is changed (one with
    ``respelled``, keeping its class and attributes); any other, or one that
    shows no name, is returned as it is.

    Parameters
    ----------
    error : Exception
    path, encoding, column, by_position
        As :func:`name_lines` takes them.

    Returns
    -------
    error : Exception
    """
    if not hasattr(error, "respelled"):
        return error
    positions = [int(m.group(1)) for m in _SHOWN.finditer(str(error))]
    if not positions:
        return error
    lines = name_lines(path, encoding, positions, column, by_position)
    if not lines:
        return error
    spell = getattr(error, "spell", None)  # the pipeline's, first
    return error.respelled(
        functools.partial(lines_spelled, path=path, lines=lines, spell=spell)
    )
