"""The notes a message on symbols outside a model's vocabulary adds about them.

A symbol that looks like a known character (a curly apostrophe, a no-break
space: :func:`~sknextchar._text.look_alikes`) is told with the one to type; a
prefix that ends inside a grapheme cluster of the model (:func:`cut_cluster`)
is told with a whole cluster to type, or a ``pattern=`` where the caller takes
one (:func:`pattern_taken`). Both the errors on names (``_unknown_message``)
and on a picture's prefix (``_picture_prefix``) add them.
"""

import contextlib
import contextvars
import re

from ._text import describe_symbol, graphemes, look_alikes, normalize_text
from ._words import one_or_many, quoted, quoted_pattern

__all__ = ["cut_cluster", "pattern_taken", "unknown_symbols_note"]

# Whether the caller of a message on a prefix takes a pattern instead
# (pattern_taken: NameSampler.sample); no other does.
_PATTERN_TAKEN = contextvars.ContextVar("sknextchar_pattern_taken", default=False)


def unknown_symbols_note(chars, vocabulary, prefixes=(), what="prefix"):
    """What a message on symbols outside a vocabulary adds about them, or ''.

    Those that look like a known character
    (:func:`~sknextchar._text.look_alikes`): type that instead. A grapheme
    cluster that a prefix ends with and that is only the start of the
    vocabulary's symbols (``"प्र"`` of ``"प्रि"``; the ``regex`` package makes a
    conjunct one cluster): the prefix ends inside a symbol of the model: type a
    whole one, or (where a pattern is taken, :func:`pattern_taken`) give a
    pattern; a model of characters gives such names too.

    Parameters
    ----------
    chars : list of str
        The symbols outside the vocabulary.
    vocabulary : tuple of str
        The end marker's display, then the symbols.
    prefixes : list of str, default=()
        The prefixes (as typed) that hold them, when they are prefixes.
    what : str, default="prefix"
        What the note calls such a prefix (``"context"`` for a plot's).

    Returns
    -------
    note : str
        Empty, or sentences that start with ``". "``.

    Examples
    --------
    >>> note = unknown_symbols_note(["प्र"], ("-", "प्रि", "या"), ["प्र"])
    >>> print(note.replace(": ", ":\\n"))  # doctest: +ELLIPSIS
    . 'प्र' (U+092A U+094D U+0930) ends the prefix inside a symbol of the model:
    its symbols are grapheme clusters ... ('प्रि'). Type that whole cluster, ...
    """
    note = ""
    similar = look_alikes(chars, vocabulary[1:])
    if similar:
        told = "; ".join(
            f"{describe_symbol(char)} looks like {plain!r}, which the model knows"
            for char, plain in similar
        )
        note = f". {told}: type {one_or_many(len(similar), 'that', 'those')} instead"
    return note + _cut_cluster_note(chars, vocabulary[1:], prefixes, what)


def _cut_cluster_note(chars, known, prefixes, what="prefix"):
    """The words on a prefix that ends inside a cluster of ``known``, or ''.

    A pattern instead of the prefix is offered only to a caller that takes one
    (:func:`pattern_taken`); any other is asked for a whole cluster."""
    cut = cut_cluster(chars, known, prefixes)
    if cut is None:
        return ""
    last, prefix, whole = cut
    if _PATTERN_TAKEN.get():
        pattern = re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", prefix.strip()) + ".*"
        instead = (
            "Type a whole cluster; to sample names that start with "
            f"{quoted(prefix.strip())}, give pattern={quoted_pattern(pattern)} instead "
            "of a prefix;"
        )
    else:
        one = one_or_many(len(whole), "that whole cluster", "one of those clusters")
        instead = f"Type {one},"
    return (
        f". {describe_symbol(last)} ends the {what} inside a symbol of the "
        "model: its symbols are grapheme clusters (a letter with its marks "
        f"and vowel signs, a conjunct), and a {what} ends where one ends, as "
        f"the symbols that start so do ({', '.join(map(repr, whole[:5]))}). "
        f"{instead} or train the model again with unit='char' (one symbol per "
        "character)"
    )


def cut_cluster(chars, known, prefixes):
    """The cluster of ``chars`` (unknown symbols) that ends one of
    ``prefixes`` inside symbols of ``known``: ``(cluster, prefix, symbols
    that start with it)``, or None.

    Examples
    --------
    >>> cut_cluster(["प्र"], ("प्रि", "या"), ["प्र"])
    ('प्र', 'प्र', ['प्रि'])
    >>> cut_cluster(["ë"], ("a", "b"), ["zoë"]) is None
    True
    """
    unknown = {char.lower() for char in chars}
    for prefix in prefixes:
        last = graphemes(normalize_text(prefix, prefix=True))[-1:]
        whole = [s for s in known if last and _starts(s.lower(), last[0])]
        if last and last[0] in unknown and whole:
            return last[0], prefix, whole
    return None


@contextlib.contextmanager
def pattern_taken():
    """Within it, the note on a prefix cut inside a cluster offers
    ``pattern=`` instead (the caller, ``NameSampler.sample``, takes one).

    Examples
    --------
    >>> with pattern_taken():
    ...     note = unknown_symbols_note(["प्र"], ("-", "प्रि"), ["प्र"])
    >>> "give pattern='प्र.*' instead" in note
    True
    >>> "Type that whole cluster, or" in unknown_symbols_note(
    ...     ["प्र"], ("-", "प्रि"), ["प्र"])
    True
    """
    token = _PATTERN_TAKEN.set(True)
    try:
        yield
    finally:
        _PATTERN_TAKEN.reset(token)


def _starts(symbol, start):
    return len(symbol) > len(start) and symbol.startswith(start)
