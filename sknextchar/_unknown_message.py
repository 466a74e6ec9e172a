"""The message on characters outside a transformer's vocabulary.

What :class:`~sknextchar.ContextWindowTransformer` says when a name (or a
prefix) holds a character its vocabulary does not know: the characters, the
names that hold them and their places, the vocabulary, and what to pass
instead (an alphabet here, the other settings from ``_unknown_advice``). It
reads the transformer's parameters and fitted vocabulary, never its names.
"""

import re

import numpy as np

from ._text import (
    MAX_REPORTED,
    and_more,
    describe_symbol,
    quoted,
    unknown_symbols_note,
)
from ._unknown_advice import (
    TRAIN_AGAIN,
    compatibility_note,
    drop_refused,
    names_left_empty,
    unknown_hints,
)
from ._validation import element_place
from ._vocabulary import is_auto_alphabet, shown_symbols

__all__ = [
    "alphabet_hint",
    "list_numbered",
    "numbering_note",
    "place_of",
    "placed_names",
    "unknown_message",
    "unknown_text",
]

# How the transformer's own lists are called; any other ``what`` is one argument.
_LISTS = ("names", "prefixes")

# The number of a list copied from a web page or a document: "1. Anna", "2) Ben".
_LIST_NUMBER = re.compile(r"\s*\d+[.)]\s")


def list_numbered(name):
    """Whether ``name`` starts with a list number, as a list copied from a web
    page or a document gives it (``"1. Anna"``, ``"2) Ben"``).

    Examples
    --------
    >>> list_numbered("1. Anna"), list_numbered("2) Ben"), list_numbered("Louis XIV")
    (True, True, False)
    """
    return _LIST_NUMBER.match(name) is not None


def numbering_note(culprits):
    """The note on names that all start with list numbers, the first of the
    ``(place, name)`` ``culprits`` shown as an example.

    Examples
    --------
    >>> numbering_note([("names[0]", "1. Anna")])  # doctest: +ELLIPSIS
    "; the names start with list numbers ('1. Anna'), which an alphabet ..."
    """
    return (
        f"; the names start with list numbers ({quoted(culprits[0][1])}), which "
        "an alphabet that holds them would learn as letters of the names"
    )


def place_of(what, i, index=None):
    """Where element ``i`` of the list called ``what`` is, for a message.

    ``what`` names a list (``"names"``, ``"prefixes"``): ``names[3]``, with the
    index label of a Series (:func:`element_place`); or the one argument a
    caller was given (``"prefix"``, ``"context"``), which is named alone.

    Examples
    --------
    >>> place_of("names", 3), place_of("context", 3)
    ('names[3]', 'context')
    """
    return element_place(what, i, index) if what in _LISTS else what


def placed_names(what, positions, names, index=None):
    """``names[3]='zoë', names[7]='zoé'``: the names at ``positions``, placed.

    Examples
    --------
    >>> placed_names("names", [1], ["ana", "zoë"])
    "names[1]='zoë'"
    """
    return ", ".join(
        f"{place_of(what, i, index)}={quoted(names[i])}" for i in positions
    )


def alphabet_hint(alphabet, them):
    """The alphabet to fit with so that characters are known; ``alphabet`` is
    the transformer's parameter, ``them`` names those characters.

    Examples
    --------
    >>> alphabet_hint("abc", "them")
    "alphabet='auto' (or a larger alphabet)"
    """
    if not is_auto_alphabet(alphabet):
        return "alphabet='auto' (or a larger alphabet)"
    return (
        f"an alphabet that holds {them} (alphabet='auto' holds the characters "
        "of the training names only)"
    )


def unknown_message(transformer, names, symbols, what, fitting, index):
    """The message of a fitted ``transformer`` on the unknown ``symbols``: the
    flat symbols, which of them are unknown, and the name of each (as
    ``ContextWindowTransformer`` encodes names).

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> fitted = ContextWindowTransformer().fit(["ana"])
    >>> symbols = ("zoë", np.array([False, False, True]), np.zeros(3, dtype=int))
    >>> text = unknown_message(fitted, ["zoë"], symbols, "names", False, None)
    >>> print(text.split(". ")[0])
    Found characters outside the vocabulary ['ë'] in names[0]='zoë'
    """
    flat, bad, owner = symbols
    chars = sorted({flat[i] for i in np.flatnonzero(bad)})
    culprits = np.unique(owner[bad]).tolist()
    shown = [(place_of(what, i, index), names[i]) for i in culprits[:MAX_REPORTED]]
    if what != "names":
        return unknown_text(transformer, chars, shown, len(culprits), what, fitting)
    known = transformer.vocabulary_[1:]
    # with case kept, dropping is offered only after lowercase=True: "J." "j"
    emptied = names_left_empty(
        flat, bad, owner, len(names), known, lowered=not transformer.lowercase
    )
    counts = (emptied[0].size, emptied[1].size)
    starts = np.flatnonzero(np.diff(owner, prepend=-1))  # each name's first
    # dropping a first letter: "émile" "mile" (a quote or hyphen may go)
    firsts = {flat[i] for i in starts[bad[starts]] if flat[i].isalpha()}
    text = unknown_text(
        transformer, chars, shown, len(culprits), what, fitting, counts, kept=firsts,
        numbered=all(list_numbered(names[i]) for i in culprits),
    )  # fmt: skip
    if not emptied[0].size:
        return text
    some = placed_names("names", emptied[0][:MAX_REPORTED].tolist(), names, index)
    return f"{text} {drop_refused(emptied[0].size, some)}"


def unknown_text(
    transformer, chars, culprits, n_culprits, what, fitting, emptied=None,
    again=TRAIN_AGAIN, kept=(), numbered=False,
):  # fmt: skip
    """The message of ``transformer`` (with a vocabulary) on unknown
    characters ``chars``: ``culprits`` are the ``(place, name)`` shown
    (``("names[3]", "zoë")``), of ``n_culprits`` names that hold them;
    ``emptied``: how many names dropping would leave empty, alone and after
    folding (None: not known); ``again``: how the advice to train again
    begins (not ``fitting``); ``kept``: the unknown symbols that begin names,
    which no dropping is offered for; ``numbered``: whether every name that
    holds them starts with a list number (:func:`list_numbered`).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> fitted = ContextWindowTransformer().fit(["ana"])
    >>> text = unknown_text(fitted, ["ë"], [("names[0]", "zoë")], 1, "names", True)
    >>> print(text.split(". ")[0])
    Found characters outside the vocabulary ['ë'] in names[0]='zoë'
    """
    vocabulary = transformer.vocabulary_
    end = vocabulary[0]
    shown = [f"{place}={quoted(name)}" for place, name in culprits]
    shown = and_more(shown, n_culprits, most=len(shown))
    strip_accents, lowercase = transformer.strip_accents, transformer.lowercase
    advice = unknown_hints(
        chars, vocabulary[1:], strip_accents=strip_accents,
        what=what, emptied=emptied, lowercase=lowercase, kept=kept,
    )  # fmt: skip
    hints = [alphabet_hint(transformer.alphabet, "them")] + advice
    note = (
        f"; {end!r} only displays the end marker, it is no character of the names"
        if end in chars
        else ""
    )
    # "1. Anna": no setting but dropping lets unknown digits through, so each
    # hint of ``advice`` removes the numbers; an alphabet would learn them.
    if what == "names" and numbered and advice and any(c.isdigit() for c in chars):
        note += numbering_note(culprits)
        hints = advice
    prefixes = [] if what == "names" else [name for _, name in culprits]
    note += unknown_symbols_note(chars, vocabulary, prefixes)
    if strip_accents != "unicode":
        note += compatibility_note(chars, what, fitting, again)
    return (
        "Found characters outside the vocabulary "
        f"[{', '.join(map(describe_symbol, chars))}] in {shown}. The vocabulary is "
        f"{shown_symbols(vocabulary)} plus the end marker (shown as "
        f"{end!r}){note}. "
        # A prefix is typed (a context of the table, a start of names).
        + ("Clean the names" if what == "names" else "Remove those characters")
        + ", or "
        + ("pass " if fitting else again)
        # Each hint of a fitted model's message is one for training again.
        + (", or " if fitting else ", or with ").join(hints)
        + "."
    )
