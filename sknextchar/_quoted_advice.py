"""The unknown-character advice on names read with their double quotes.

A file of one column that a spreadsheet wrote (``"Anna"`` on each line) read
one name per line keeps the quote marks (``load_names`` guesses nothing). The
fit then refuses the ``"``; an alphabet that holds it (``alphabet='auto'``)
would learn the quote marks as letters of every name. What trains the names
themselves is to read each line as a field of CSV, quotes removed: the advice
here, in Python's words for each path that reads them (names to fit, a file
trained on in chunks, names a fitted model scores); the command line says it
as its flags.
"""

import csv

from ._list_lines import reads_as_title
from ._text import MAX_REPORTED, and_more, one_or_many, quoted

__all__ = [
    "QUOTES_NOTE_WORDS",
    "QUOTES_REMOVED",
    "QUOTES_REMOVED_IN_CHUNKS",
    "QUOTES_REMOVED_TO_SCORE",
    "QUOTES_TYPED",
    "in_quotes",
    "inner_quotes_note",
    "quoted_list",
    "quotes_note",
]

# What reads each line as a field of CSV, quotes removed, in Python's words:
# names to fit,
QUOTES_REMOVED = (
    "load them with sknextchar.datasets.load_names(path, header=None, "
    "names_column=0), which reads each line as a field of CSV, quotes removed"
)
# names of a file trained on in chunks (train_from_file, resumed or not),
QUOTES_REMOVED_IN_CHUNKS = (
    "pass header=None, names_column=0 to train_from_file, which reads each line "
    "as a field of CSV, quotes removed"
)
# names given to a fitted model (to score, say), typed or read from a file:
# the command line's words differ (QUOTES_TYPED for names typed in the shell).
QUOTES_REMOVED_TO_SCORE = (
    "pass the names without their double quotes (the lines of a file: read it "
    "with sknextchar.datasets.load_names(path, header=None, names_column=0), "
    "which reads each line as a field of CSV, quotes removed)"
)
QUOTES_TYPED = (
    "type the names without their double quotes ('\"Mary\"' keeps them in the shell)"
)


# Words of the note (quotes_note) that no other message has: an error that
# holds them says the names are in quotes, and what reads them without.
QUOTES_NOTE_WORDS = "as a CSV file quotes a field, which an alphabet that holds"


def in_quotes(name):
    """Whether ``name`` is in double quotes, as a CSV field that needs them.

    Examples
    --------
    >>> in_quotes('"Anna"'), in_quotes('Jo "Jay" Li')
    (True, False)
    """
    stripped = name.strip()
    return len(stripped) > 1 and stripped[0] == stripped[-1] == '"'


def inner_quotes_note(names):
    """The note on every one of ``names`` in double quotes with a quote mark
    inside (``'"O""Neil"'``), which reading the names as fields of CSV
    leaves in the name (``'O"Neil'``): the advice to read them so would
    otherwise only lead to an error on that ``"``. The first few are shown,
    with how many more there are. ``""`` for none.

    Examples
    --------
    >>> note = inner_quotes_note(['"Anna"', '"O""Neil"'])
    >>> print(note)  # doctest: +NORMALIZE_WHITESPACE
    ; read so, a name still holds a '"' (a quote mark of the name itself,
    which a CSV file doubles), '"O""Neil"' is 'O"Neil': take it out of the
    name as well
    >>> print(inner_quotes_note(['"O""Neil"', '"Jo""Ann"']))
    ... # doctest: +NORMALIZE_WHITESPACE
    ; read so, 2 names still hold a '"' (a quote mark of the name itself,
    which a CSV file doubles), '"O""Neil"' is 'O"Neil' and '"Jo""Ann"' is
    'Jo"Ann': take it out of the names as well
    >>> inner_quotes_note(['"Anna"'])
    ''
    """
    inner = [
        name.strip() for name in names if in_quotes(name) and '"' in name.strip()[1:-1]
    ]
    if not inner:
        return ""
    shown = [
        f"{quoted(name)} is {quoted(next(csv.reader([name]), [name])[0])}"
        for name in inner[:MAX_REPORTED]
    ]
    many = f"{len(inner):,} names still hold"
    return (
        f"; read so, {one_or_many(len(inner), 'a name still holds', many)} a '\"' "
        "(a quote mark of the name itself, which a CSV file doubles), "
        f"{and_more(shown, len(inner), whole=True)}: take it out of "
        f"{one_or_many(len(inner), 'the name', 'the names')} as well"
    )


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
    return bool(items) and all(in_quotes(names[i]) for i in items), title


def quotes_note(first, n_names, how=QUOTES_REMOVED):
    """The note on ``n_names`` names in double quotes, ``first`` shown;
    ``how``: what reads them without their quote marks, in the words of the
    call that read them.

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
        f"quotes ({quoted(first)}), {QUOTES_NOTE_WORDS} '\"' would learn as "
        "letters of "
        f"{one_or_many(n_names, 'the name', 'the names')}: {how}"
    )
