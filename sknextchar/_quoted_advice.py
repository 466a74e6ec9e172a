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

from ._name_headers import one_column_header
from ._pasted_lists import reads_as_title
from ._words import MAX_REPORTED, and_more, one_or_many, quoted

__all__ = [
    "fit_quotes",
    "QUOTES_NOTE_WORDS",
    "QUOTES_REMOVED",
    "QUOTES_REMOVED_IN_CHUNKS",
    "QUOTES_REMOVED_TO_SCORE",
    "QUOTES_TYPED",
    "header_quotes_removed",
    "in_quotes",
    "inner_quoted",
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
SCORED_WITHOUT_QUOTES = "pass the names without their double quotes"
QUOTES_REMOVED_TO_SCORE = (
    f"{SCORED_WITHOUT_QUOTES} (the lines of a file: read it "
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


def inner_quoted(name):
    """Whether ``name`` is in double quotes with a quote mark inside
    (``'"O""Neil"'``), which reading it as a field of CSV leaves in it.

    Examples
    --------
    >>> inner_quoted('"O""Neil"'), inner_quoted('"Anna"')
    (True, False)
    """
    return in_quotes(name) and '"' in name.strip()[1:-1]


def header_quotes_removed(header, how=QUOTES_REMOVED):
    """What reads the names below a first line that is the ``header`` of
    their one column (``"name"`` above ``"Asha"``), quotes removed, in the
    words of ``how`` (:data:`QUOTES_REMOVED`,
    :data:`QUOTES_REMOVED_IN_CHUNKS` for ``train_from_file``, or
    :data:`QUOTES_REMOVED_TO_SCORE` for the names a fitted model scores):
    the advice of ``how`` would read the header as a name, and is refused.

    Examples
    --------
    >>> print(header_quotes_removed("name"))  # doctest: +NORMALIZE_WHITESPACE
    pass names_column='name' to sknextchar.datasets.load_names(path) (a table
    of one column, its first line its header 'name'), which reads the names
    below it as fields of CSV, quotes removed
    """
    reader = "train_from_file"
    if how != QUOTES_REMOVED_IN_CHUNKS:
        reader = "sknextchar.datasets.load_names(path)"
    advice = (
        f"pass names_column={header!r} to {reader} (a table of one column, its "
        f"first line its header {quoted(header)}), which reads the names below it "
        "as fields of CSV, quotes removed"
    )
    if how == QUOTES_REMOVED_TO_SCORE:
        return f"{SCORED_WITHOUT_QUOTES}; the lines of a file: {advice}"
    return advice


def fit_quotes(names, culprits, how):
    """What the unknown-character error on ``names`` (a list, to fit or to
    score; the indices ``culprits`` of those refused, in order) says of their
    double quotes, ``how`` what reads them without (:data:`QUOTES_REMOVED`
    or :data:`QUOTES_REMOVED_TO_SCORE`): :func:`quoted_list`, then ``how``
    (for names below a header of their one column, ``"name"``:
    :func:`header_quotes_removed`), the names
    with a quote mark inside and how many, and whether the first refused is
    that header.

    Examples
    --------
    >>> fit_quotes(['"name"', '"Asha"'], [0, 1], QUOTES_REMOVED)[-1]
    True
    >>> fit_quotes(["First Name", '"Asha"'], [0, 1], QUOTES_REMOVED)[0]
    True
    """
    header = one_column_header(names[0]) if names else None
    if header is not None:
        how = header_quotes_removed(header, how)
    inner = [names[i] for i in culprits if inner_quoted(names[i])]
    headed = header is not None and len(culprits) > 1 and culprits[0] == 0
    # the header is no name: a bare one ("First Name") leaves them quoted
    quoted, title = quoted_list(names, culprits[int(headed) :])
    return quoted, title, how, inner, len(inner), headed


def inner_quotes_note(names, count=None):
    """The note on every one of ``names`` in double quotes with a quote mark
    inside (``'"O""Neil"'``), which reading the names as fields of CSV
    leaves in the name (``'O"Neil'``): the advice to read them so would
    otherwise only lead to an error on that ``"``. The first few are shown,
    with how many more there are (``count``, when ``names`` are only the
    first of them: a file read in chunks). ``""`` for none.

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
    inner = [name.strip() for name in names if inner_quoted(name)]
    if not inner:
        return ""
    count = len(inner) if count is None else count
    shown = [
        f"{quoted(name)} is {quoted(next(csv.reader([name]), [name])[0])}"
        for name in inner[:MAX_REPORTED]
    ]
    many = f"{count:,} names still hold"
    return (
        f"; read so, {one_or_many(count, 'a name still holds', many)} a '\"' "
        "(a quote mark of the name itself, which a CSV file doubles), "
        f"{and_more(shown, count, whole=True)}: take it out of "
        f"{one_or_many(count, 'the name', 'the names')} as well"
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
