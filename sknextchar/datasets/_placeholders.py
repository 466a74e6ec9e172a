"""The placeholders a genealogy program or a transcriber writes in a cell
for a name or a value not known (``?``, ``Unknown``, ``N.N.``): read as an
empty cell, as a spreadsheet's error value is
(:func:`~._table_rows.is_no_name`). It imports nothing of the package:
the reader of a table's rows, below most modules, asks it of every cell.
"""

__all__ = ["PLACEHOLDERS", "is_placeholder", "placeholder_words"]

#: The cells a genealogy program or a transcriber writes for a name or a
#: value not known, casefolded, without brackets around them (``(unknown)``
#: is ``unknown``); a cell of question marks alone is one too.
PLACEHOLDERS = frozenset(
    {"unknown", "unk", "n.n.", "n.n", "nn", "n.n.n.", "nomen nescio",
     "unbekannt", "inconnu", "inconnue", "desconocido", "desconocida",
     "sconosciuto", "ignoto", "onbekend", "nieznany", "nieznana", "okänd",
     "ukjent", "ukendt", "tuntematon", "неизвестно", "неизвестен"}
)  # fmt: skip

# The first characters of a placeholder, in either case, or in brackets.
_FIRST = frozenset("?([<" + "".join(p[0] + p[0].upper() for p in PLACEHOLDERS))

# The longest placeholder looked at: a longer cell is read as it is.
_LONGEST = 16


def is_placeholder(cell):
    """Whether the (stripped) ``cell`` is a placeholder for a value not
    known (:data:`PLACEHOLDERS`, in any case, in brackets or not), or only
    question marks.

    Examples
    --------
    >>> [is_placeholder(c) for c in ("?", "(Unknown)", "N.N.", "NN", "Nina")]
    [True, True, True, True, False]
    """
    if len(cell) > _LONGEST or cell[:1] not in _FIRST:  # most names: one look
        return False
    key = cell.casefold().strip("()[]<> ")
    return key in PLACEHOLDERS or (bool(cell) and not cell.strip("?"))


def placeholder_words(cell, what):
    """Why the placeholder ``cell`` is read as no ``what`` (``"name"``,
    ``"label"``), in a message.

    Examples
    --------
    >>> placeholder_words("N.N.", "name")
    "'N.N.', a placeholder written for a name not known, is no name"
    """
    return f"{cell!r}, a placeholder written for a {what} not known, is no {what}"
