"""What the cells of a family tree's export hold besides given names (its
placeholders for a name not known, ``?``, ``Unknown``, ``N.N.``, are
:mod:`._placeholders`'): a column of years or dates (:func:`is_date_column`:
no counts), a column read as the names that looks like labels or dates
(:func:`names_look_words`), and names written with their surnames
(:func:`surname_shape_words`: ``Kowalski, Jan``, ``Jan /Kowalski/``).
"""

import re
import warnings

from .._name_headers import COUNT_TITLES, header_key, is_name_header, names_field
from .._shown_paths import shell_word
from .._stacklevel import user_stacklevel
from .._words import and_more, quoted, quoted_fields

__all__ = [
    "is_date_column",
    "names_look_words",
    "surname_column_words",
    "surname_shape_words",
    "warn_names_look",
    "warn_surname_shape",
]

# The words of a header of years or dates (``Death Year``, ``BIRT_DATE``,
# ``Born``, ``Geburtsjahr``), and the ends of such words. No beginnings:
# ``births``, ``Geburten``, ``Deaths`` head counts (``name,sex,births``).
_DATE_WORDS = frozenset(
    "year years date dates born birth death died dob dod yob birt deat bapt chr "
    "buri marr baptism burial jahr datum geboren gestorben année annee rok år "
    "anno birthday geburtstag".split()
)
_DATE_ENDS = ("jahr", "datum", "year", "date")
_YEAR = re.compile(r"[0-9]{4}")


def is_date_column(header, cells):
    """Whether a column of numbers holds years or dates rather than counts:
    its header says so (:data:`_DATE_WORDS`: ``Death Year``, ``Born``,
    ``BIRT_DATE``), or its every cell (one at least) is a year from 1000 to
    2100 and its header is no title of counts (``count``, ``n``).

    Examples
    --------
    >>> is_date_column("Death Year", ["1920"]), is_date_column("x", ["1850", "1901"])
    (True, True)
    >>> is_date_column("count", ["1850", "1901"]), is_date_column("x", ["999"])
    (False, False)
    """
    words = re.findall(r"[^\W\d_]+", header_key(header))
    if any(w in _DATE_WORDS or w.endswith(_DATE_ENDS) for w in words):
        return True
    filled = [cell for cell in cells if cell]
    if header_key(header) in COUNT_TITLES:  # count: 1850, 1523 (four digits)
        return False
    return bool(filled) and all(
        _YEAR.fullmatch(cell) and 1000 <= int(cell) <= 2100 for cell in filled
    )


# At most this many values in a column of labels read as names.
_FEW_LABELS = 10


def names_look_words(names, column, header, python):
    """A warning's words when the column asked for as the names (its header
    ``column``, of the header row ``header``) looks like no names: labels
    (a few values, repeated, each of one or two letters: ``F``, ``M``;
    not under a header of names, ``Li``, ``Wu``, ``李`` being names) or
    dates or numbers (a digit in every name); None when it looks like names.
    ``python``: spelled as ``load_names``' arguments, else as the flags.

    Examples
    --------
    >>> print(names_look_words(["F", "M", "F"], "Sex", ["Name", "Sex"], False))
    column 'Sex', read as the names, holds only 'F' and 'M', values of one or
    two letters: it looks like labels, not names. To train by label, pass
    --names-column Name --labels Sex.
    >>> names_look_words(["Anna", "Jo"], "Name", ["Name"], True) is None
    True
    """
    if not names:
        return None
    values = sorted(set(names))
    few = len(values) <= _FEW_LABELS and len(values) < len(names)
    if few and not is_name_header(column):  # name: Li, Wu, Li (short names)
        if all(len(value) <= 2 for value in values):
            shown = and_more(map(quoted, values), most=_FEW_LABELS, whole=True)
            what = f"holds only {shown}, values of one or two letters"
            return _looks(column, header, python, what, "labels")
    if all(re.search(r"\d", name) for name in names):
        shown = quoted_fields(values[:3])[1:-1] + (", ..." if len(values) > 3 else "")
        what = f"has a digit in every cell ({shown})"
        return _looks(column, header, python, what, "dates or numbers")


def warn_names_look(names, table, python):
    """Warn when the column of ``table`` asked for as the names looks like
    labels or dates (:func:`names_look_words`): read all the same, a user
    may mean it. ``python``: the words of ``load_names``, else the flags.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar.datasets._tables import find_table
    >>> table = find_table("Name,Born", "t.csv", "Born")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_names_look(["1851", "1855"], table, True)
    >>> print(caught[0].message)
    column 'Born', read as the names, has a digit in every cell ('1851',
    '1855'): it looks like dates or numbers, not names. Pass the column of
    names: names_column='Name'.
    """
    words = names_look_words(names, table.column, table.header, python)
    if words:
        warnings.warn(words, stacklevel=user_stacklevel())


def _looks(column, header, python, what, kind):
    """The words of :func:`names_look_words`: what the column holds, and
    which arguments would read the names, and it as labels, instead."""
    found = [i for i, f in enumerate(header) if f != column and is_name_header(f)]
    names = header[names_field(header, found)] if found else None
    if python:
        named = f"names_column={names or 'COLUMN'!r}"
        label = f"labels_column={column!r}"
    else:
        named = f"--names-column {shell_word(names) if names else 'COLUMN'}"
        label = f"--labels {shell_word(column)}"
    words = f"column {column!r}, read as the names, {what}: it looks like {kind}, "
    if kind == "labels":
        how = "To read it as labels" if python else "To train by label"
        both = f"{named}, {label}" if python else f"{named} {label}"
        return f"{words}not names. {how}, pass {both}."
    return f"{words}not names. Pass the column of names: {named}."


# Most names this shape: ``Surname, Given...`` (a comma after the first word).
_COMMA_NAME = re.compile(r"[^\W\d_][\w'’.-]*,\s+[^\W\d_]")
# The names looked at first: with none of either shape, no note.
_FIRST_NAMES = 1000
# GEDCOM's surname between slashes (``Jan /Kowalski/``).
_SLASHED = re.compile(r"/[^/]+/")


def surname_shape_words(names, python, table, comma=True):
    """A note's words when most ``names`` hold a surname too: ``Kowalski,
    Jan`` (a comma after the first word) or GEDCOM's ``Jan /Kowalski/``;
    None otherwise. ``python``: how ``load_names`` reads a column of given
    names, else how the flags do; ``table``: whether the names are a
    table's column (else a list, one name per line); ``comma``: look for
    ``Kowalski, Jan`` too (a list of them has its own warning in Python).

    Examples
    --------
    >>> print(surname_shape_words(["Kowalski, Jan", "Nowak, Zofia"], False, True))
    2 of 2 names are written 'Surname, Given' ('Kowalski, Jan'): the model
    learns the surnames too; if the file has the given names in another
    column, pass --names-column COLUMN.
    """
    names = [name for name in names if name]
    first = names[:_FIRST_NAMES]  # most names are of no such shape: a look
    if not any(map(_COMMA_NAME.match, first)) and not any(map(_SLASHED.search, first)):
        return None
    comma = [name for name in names if comma and _COMMA_NAME.match(name)]
    slashed = [name for name in names if _SLASHED.search(name)]
    found, shape = max((comma, "'Surname, Given'"), (slashed, "'Given /Surname/'"),
                       key=lambda pair: len(pair[0]))  # fmt: skip
    if not names or len(found) * 2 <= len(names):
        return None
    words = (
        f"{len(found):,} of {len(names):,} names are written {shape} "
        f"({found[0]!r}): the model learns the surnames too; "
    )
    if not table:
        return f"{words}to learn only given names, list only the given names."
    how = "names_column='COLUMN'" if python else "--names-column COLUMN"
    return f"{words}if the file has the given names in another column, pass {how}."


def warn_surname_shape(names, table, source):
    """Warn, in ``load_names``' words, when most ``names`` hold a surname too
    (:func:`surname_shape_words`); ``table``: read from a table's column
    (else a list: ``Given /Surname/`` only, as ``Kowalski, Jan`` lines are
    warned of as a table's);
    ``source``: the file, quoted.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_surname_shape(["Jan /Kowalski/", "Anna /Nowak/"], False, "'g.txt'")
    >>> "'Given /Surname/'" in str(caught[0].message)
    True
    """
    words = surname_shape_words(names, True, table, comma=table)
    if words:
        warnings.warn(f"{source}: {words}", stacklevel=user_stacklevel())


# A line of a list of ``Surname, Given`` read as a table of two columns.
_SURNAME_GIVEN = re.compile(r"\s*[^\W\d_][\w'’ .-]*,\s+([^\W\d_][\w'’ .-]+?)\s*")


def surname_column_words(lines, delimiter):
    """For a table without a header row whose every line is ``Surname,
    Given`` (``Kowalski, Jan``: a space after the comma, a given name of two
    letters or more, most of them different, not labels), the advice to
    read column 2, the given names, as ``train`` reads it; else ``""``.

    Examples
    --------
    >>> print(surname_column_words(["Kowalski, Jan\\n", "Nowak, Zofia\\n"], ","))
    pass --no-header --names-column 2: its lines look like 'Surname, Given'
    ('Kowalski, Jan'), column 2 the given names.
    >>> surname_column_words(["Anna, F\\n", "Bo, M\\n"], ",")
    ''
    """
    lines = [line.rstrip("\r\n") for line in lines if line.strip()]
    found = [_SURNAME_GIVEN.fullmatch(line) for line in lines]
    if delimiter != "," or not lines or not all(found):
        return ""
    given = {match.group(1) for match in found}
    if len(given) * 2 <= len(lines):  # Anna, F: labels
        return ""
    return (
        "pass --no-header --names-column 2: its lines look like 'Surname, "
        f"Given' ({lines[0].strip()!r}), column 2 the given names."
    )
