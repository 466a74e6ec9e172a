"""The unknown-character advice on names read with their double quotes.

A file of one column that a spreadsheet wrote (``"Anna"`` on each line) read
one name per line keeps the quote marks (``load_names`` guesses nothing). The
fit then refuses the ``"``; an alphabet that holds it (``alphabet='auto'``)
would learn the quote marks as letters of every name. What trains the names
themselves is to read each line as a field of CSV, quotes removed: the advice
here, in Python's words (the command line says it as its flags).
"""

from ._list_lines import reads_as_title
from ._text import one_or_many, quoted

__all__ = ["QUOTES_REMOVED", "quoted_list", "quotes_note"]

# What reads each line as a field of CSV, quotes removed, in Python's words.
QUOTES_REMOVED = (
    "load them with sknextchar.datasets.load_names(path, header=None, "
    "names_column=0), which reads each line as a field of CSV, quotes removed"
)


def _in_quotes(name):
    stripped = name.strip()
    return len(stripped) > 1 and stripped[0] == stripped[-1] == '"'


def quoted_list(names, culprits):
    """Whether every one of ``names`` that holds unknown characters (their
    indices ``culprits``, in order) is in double quotes, as a CSV field is;
    the first of them may be the list's title (``Baby names 2024``), with or
    without quotes. Returns ``(quoted, title)``.

    Examples
    --------
    >>> quoted_list(['"Anna"', '"Bo"'], [0, 1])
    (True, False)
    >>> quoted_list(["Baby names 2024", '"Anna"'], [0, 1])
    (True, True)
    >>> quoted_list(['"Anna"', "Zoë"], [0, 1])
    (False, False)
    """
    title = len(culprits) > 1 and culprits[0] == 0 and reads_as_title(names[0])
    items = culprits[int(title) :]
    return bool(items) and all(_in_quotes(names[i]) for i in items), title


def quotes_note(first, n_names):
    """The note on ``n_names`` names in double quotes, ``first`` shown.

    Examples
    --------
    >>> print(quotes_note('"Anna"', 2))  # doctest: +NORMALIZE_WHITESPACE
    ; the names are in double quotes ('"Anna"'), as a CSV file quotes a
    field, which an alphabet that holds '"' would learn as letters of the
    names: load them with sknextchar.datasets.load_names(path, header=None,
    names_column=0), which reads each line as a field of CSV, quotes removed
    """
    return (
        f"; {one_or_many(n_names, 'the name is', 'the names are')} in double "
        f"quotes ({quoted(first)}), as a CSV file quotes a field, which an "
        "alphabet that holds '\"' would learn as letters of "
        f"{one_or_many(n_names, 'the name', 'the names')}: {QUOTES_REMOVED}"
    )
