"""The English words of messages: counts and lists, and values quoted and cut.

What this module owns:

- **Counts in words**: a number with its noun, plural unless it is 1
  (:func:`counted`), the words that agree with a count not shown
  (:func:`one_or_many`).
- **Lists in words**: alternatives (:func:`or_list`), a list cut to its first
  :data:`MAX_REPORTED` items with how many more there are (:func:`and_more`),
  and a sentence's first letter in upper case (:func:`capitalized`).
- **Quoting**: names, rows of tables, patterns, fields and values of any type
  quoted for a message and cut after :data:`MAX_QUOTED` characters (or the
  limit of their kind): :func:`quoted`, :func:`quoted_row`,
  :func:`quoted_pattern`, :func:`quoted_value`, :func:`quoted_fields`.
- **Elements of a list**: where one is (``names[3]``, or ``names.iloc[3]``
  with its index label for a Series: :func:`element_place`), and the one
  wording of a missing value among names, labels or weights
  (:func:`missing_value_message`).

The text of names (normalisation, symbols, widths) is ``_text``'s. This module
imports nothing of the package: every layer above words its messages through it.
"""

import numbers
import re
import reprlib

__all__ = [
    "MAX_QUOTED",
    "MAX_QUOTED_FIELDS",
    "MAX_QUOTED_PATTERN",
    "MAX_QUOTED_ROW",
    "MAX_REPORTED",
    "and_more",
    "capitalized",
    "counted",
    "element_place",
    "missing_value_message",
    "one_or_many",
    "or_list",
    "quoted",
    "quoted_fields",
    "quoted_pattern",
    "quoted_row",
    "quoted_value",
]

# Up to this many offending names are quoted in a message.
MAX_REPORTED = 5


def counted(n, noun, verb=None):
    """``n`` and the noun, plural unless ``n`` is 1: ``"1 epoch"``, ``"2 epochs"``.

    Parameters
    ----------
    n : int
        How many; written with thousands separators.
    noun : str
        The singular noun, or several words whose first is the noun's
        qualifier and whose last takes the ``s`` (``"held-out name"``).
    verb : tuple of (str, str) or None, default=None
        The verb that follows, singular and plural (``("holds", "hold")``):
        the one that agrees with ``n`` is added.

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar._words import counted
    >>> counted(1, "epoch"), counted(20, "epoch"), counted(1_500, "held-out name")
    ('1 epoch', '20 epochs', '1,500 held-out names')
    >>> counted(1, "name", ("holds", "hold")), counted(2, "name", ("is", "are"))
    ('1 name holds', '2 names are')
    """
    text = f"{n:,} {noun}{'s' * (n != 1)}"
    return text if verb is None else f"{text} {verb[n != 1]}"


def one_or_many(n, one, many):
    """``one`` if ``n`` is 1, else ``many``: the words of a message that agree
    with a count it does not show (:func:`counted` shows it).

    Examples
    --------
    >>> from sknextchar._words import one_or_many
    >>> one_or_many(1, "the name starts", "the names start")
    'the name starts'
    >>> one_or_many(0, "the name starts", "the names start")
    'the names start'
    """
    return one if n == 1 else many


def or_list(words):
    """``"a, b, or c"`` (``"a"`` alone) for a message's alternatives.

    Examples
    --------
    >>> from sknextchar._words import or_list
    >>> or_list(["lower n", "raise m", "stop"]), or_list(["stop"])
    ('lower n, raise m, or stop', 'stop')
    """
    return ", ".join(words[:-1]) + f", or {words[-1]}" if len(words) > 1 else words[0]


def and_more(shown, total=None, *, most=MAX_REPORTED, whole=False):
    """The first ``most`` of ``shown`` (texts) between commas, and how many
    more of ``total`` there are: ``"'zoë', 'asha' and 3 more"``.

    Parameters
    ----------
    shown : sequence of str
        The items, as the message shows them (quoted, placed...).
    total : int or None, default=None
        How many items there are, those not in ``shown`` too; None:
        ``len(shown)``.
    most : int, default=MAX_REPORTED
        The items shown at most.
    whole : bool, default=False
        End a list shown whole with ``and``: ``"1, 2 and 3"`` (not
        ``"1, 2, 3"``).

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar._words import and_more
    >>> and_more(["'zoë'", "'asha'"], 5), and_more(["'zoë'", "'asha'"])
    ("'zoë', 'asha' and 3 more", "'zoë', 'asha'")
    >>> and_more([str(n) for n in range(1, 3001)], whole=True)
    '1, 2, 3, 4, 5 and 2,995 more'
    >>> and_more(["1", "2", "3"], whole=True), and_more(["1"], whole=True)
    ('1, 2 and 3', '1')
    """
    shown = list(shown)
    more = (len(shown) if total is None else total) - min(len(shown), most)
    if more > 0:
        return ", ".join(shown[:most]) + f" and {more:,} more"
    if whole and len(shown) > 1:
        return ", ".join(shown[:-1]) + f" and {shown[-1]}"
    return ", ".join(shown)


def capitalized(text):
    """``text`` with its first character in upper case, the rest as it is
    (``str.capitalize`` lowers the rest: ``beam_width=`` would not survive).

    Examples
    --------
    >>> from sknextchar._words import capitalized
    >>> capitalized("ask for fewer names, or widen the beam (beam_width=...)")
    'Ask for fewer names, or widen the beam (beam_width=...)'
    """
    return text[:1].upper() + text[1:]


# A name quoted in a message is cut after this many characters.
MAX_QUOTED = 60
#: A row of a table (its header) quoted in a message: the characters shown.
MAX_QUOTED_ROW = 200
#: The fields of a row that a message shows (a header of 5,000 columns).
MAX_QUOTED_FIELDS = 20
#: A regular expression quoted in a message (``pattern=``): the characters
#: shown; an ordinary one is shown whole.
MAX_QUOTED_PATTERN = MAX_QUOTED_ROW


def quoted(name, limit=MAX_QUOTED):
    """``repr(name)``, cut after ``limit`` characters for a message.

    A "name" of a user's file can be a whole list on one line; a message that
    quotes it whole buries what it says.

    Parameters
    ----------
    name : str
    limit : int, default=MAX_QUOTED
        The characters shown of a longer ``name``: :data:`MAX_QUOTED_ROW` for
        a row of a table, such as its header.

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar._words import quoted
    >>> quoted("asha")
    "'asha'"
    >>> quoted("asha, ravi, " * 20)
    "'asha, ravi, asha, ravi, asha, ravi, asha, ravi, asha, ravi, '... (240 characters)"
    """
    if len(name) <= limit:
        return repr(name)
    return f"{name[:limit]!r}... ({len(name):,} characters)"


def quoted_row(line):
    """A row of a table (its header, say), stripped, for a message: cut after
    :data:`MAX_QUOTED_ROW` characters by :func:`quoted`.

    Examples
    --------
    >>> from sknextchar._words import quoted_row
    >>> quoted_row(" name,sex\\n"), len(quoted_row("a" * 10**6))
    ("'name,sex'", 228)
    """
    return quoted(line.strip(), MAX_QUOTED_ROW)


def quoted_pattern(pattern):
    """A regular expression for a message: cut by :func:`quoted` after
    :data:`MAX_QUOTED_PATTERN` characters.

    Examples
    --------
    >>> from sknextchar._words import quoted_pattern
    >>> quoted_pattern("[a-z]" * 20) == repr("[a-z]" * 20)  # 100 characters: whole
    True
    >>> quoted_pattern("a" * 1000)[-26:]
    "aaa'... (1,000 characters)"
    """
    return quoted(pattern, MAX_QUOTED_PATTERN)


def quoted_value(value, limit=MAX_QUOTED):
    """``repr(value)`` of a value of any type for a message, cut: a str by
    :func:`quoted`, bytes (or a bytearray) after ``limit`` bytes, any other
    value as :func:`reprlib.repr` shortens it (the first items of a list, an
    array or a Series), on one line, with the length of a longer one: a list
    of 100,000 names or a megabyte of bytes passed where a str is expected is
    not echoed whole.

    Parameters
    ----------
    value : object
    limit : int, default=MAX_QUOTED
        The characters of a str, or bytes of bytes, shown of a longer one.

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar._words import quoted_value
    >>> quoted_value(["ab", "cd"]), quoted_value(7), quoted_value(b"ab")
    ("['ab', 'cd']", '7', "b'ab'")
    >>> quoted_value(b"a" * 1000)[-26:]
    "aaaaaaaa'... (1,000 bytes)"
    >>> quoted_value(["a"] * 1000)
    "['a', 'a', 'a', 'a', 'a', 'a', ...] (1,000 items)"
    >>> quoted_value(["a" * 100])
    "['aaaaaaaaaaaa...aaaaaaaaaaaaa'] (1 item)"
    """
    if isinstance(value, str):
        return quoted(value, limit)
    if isinstance(value, (bytes, bytearray)):
        if len(value) <= limit:
            return repr(value)
        return f"{bytes(value[:limit])!r}... ({len(value):,} bytes)"
    shown = value.tolist() if hasattr(value, "tolist") else value  # an array's items
    text = re.sub(r"\s*\n\s*", " ", reprlib.repr(shown))  # one line
    try:
        size = len(value)
    except TypeError:  # no length to tell
        return text
    if "..." not in text:
        return text
    return f"{text} ({counted(size, 'item')})"


def quoted_fields(fields, most=MAX_QUOTED_FIELDS):
    """``repr(fields)`` of a row of a table for a message: its first ``most``
    fields, each cut by :func:`quoted`, and how many more it has.

    A header of thousands of columns, quoted whole, is a message of pages.

    Parameters
    ----------
    fields : list of str
    most : int, default=MAX_QUOTED_FIELDS

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar._words import quoted_fields
    >>> quoted_fields(["name", "sex"])
    "['name', 'sex']"
    >>> quoted_fields([f"q{i}" for i in range(5001)], most=3)
    "['q0', 'q1', 'q2', ... (4,998 more fields)]"
    """
    shown = ", ".join(quoted(field) for field in fields[:most])
    more = len(fields) - most
    return f"[{shown}{f', ... ({more:,} more fields)' if more > 0 else ''}]"


def element_place(what, i, index=None):
    """How a message names the element at position ``i`` of ``what``.

    ``names[3]`` for a list, an array or a Series whose index label at that
    position is 3; for a Series indexed otherwise (a filtered DataFrame's
    column), ``names.iloc[3]`` with the position and the index label, since
    ``names[3]`` reads the label 3 there.

    Parameters
    ----------
    what : str
        How the input is called (``"names"``).
    i : int
        The position of the element.
    index : pandas.Index or None, default=None
        The index of the Series the input came from; None for any other input.

    Returns
    -------
    place : str

    Examples
    --------
    >>> element_place("names", 3)
    'names[3]'
    >>> element_place("names", 3, index=[0, 2, 3, 4])
    'names.iloc[3] (position 3, index label 4)'
    """
    label = None if index is None else index[i]
    # A NumPy scalar (np.int64(4)) as Python shows it (4): NumPy is not imported.
    label = label.item() if type(label).__module__ == "numpy" else label
    if index is None or (isinstance(label, numbers.Integral) and label == i):
        return f"{what}[{i}]"
    return f"{what}.iloc[{i}] (position {i}, index label {label!r})"


def missing_value_message(what, where, value, one, *, beside=""):
    """Why a missing value among names or labels is refused, and what to do:
    one wording for both, in the caller's words.

    Parameters
    ----------
    what : str
        The parameter that holds it (``"names"``, ``"y"``).
    where : str
        Its place there (:func:`element_place`).
    value : object
        The missing value: None, NaN, ``pd.NA``, ``pd.NaT``.
    one : str
        What an element of ``what`` is (``"name"``, ``"label"``).
    beside : str, default=""
        What goes with it when it is removed (``" with its window"``).

    Returns
    -------
    message : str
        Showing NaN as scikit-learn shows it.

    Examples
    --------
    >>> print(missing_value_message("y", "y[1]", float("nan"), "label",
    ...     beside=" with its window"))
    Input y contains NaN: y[1] = nan is a missing value;
    remove it from y with its window, or put a label in its place.
    """
    shown = "NaN" if isinstance(value, numbers.Real) else repr(value)
    return (
        f"Input {what} contains {shown}: {where} = {value!r} is a missing value; "
        f"remove it from {what}{beside}, or put a {one} in its place."
    )
