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

from ._list_lines import reads_as_title
from ._text import one_or_many, quoted

__all__ = [
    "QUOTES_NOTE_WORDS",
    "QUOTES_REMOVED",
    "QUOTES_REMOVED_IN_CHUNKS",
    "QUOTES_REMOVED_TO_SCORE",
    "QUOTES_TYPED",
    "in_quotes",
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
