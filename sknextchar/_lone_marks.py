"""Names that start with a combining mark, refused by a learned alphabet.

A learned grapheme alphabet (``alphabet="auto"``) takes each grapheme of the
names as a symbol; a name that starts with a combining mark (its letter lost,
``"\\u0301a"``) would make the mark a symbol of its own, with which a generated
name could start; one at the start of a word inside the name, after a space, a
hyphen or an apostrophe (``"Anna \\u0301Bob"``), would make the space and the
mark one symbol, which a generated name could hold in place of a space.
:func:`check_no_lone_marks` refuses such names with a :class:`LoneMarksError`,
which keeps the names, their places and their count, so that a file read in
chunks counts and places them in the whole file.
"""

import functools

from ._placed_names import PlacedNamesError
from ._text import WORD_EDGE, describe_symbol
from ._validation import element_place
from ._words import MAX_REPORTED, counted, one_or_many

__all__ = ["LoneMarksError", "check_no_lone_marks"]


class LoneMarksError(PlacedNamesError):
    """Names that start a name or a word with a combining mark, refused.

    Parameters
    ----------
    names : list of str
        The names, as given (the first of them at least: those shown).
    places : list of str
        Where the names shown are (``"names[3]"``).
    mark : str
        The mark the first of them starts a name or a word with, as read.
    n_names : int or None, default=None
        How many names start a name or a word with a mark; None:
        ``len(names)``.
    positions : list of int or None, default=None
        The position of each of ``names`` in the list checked.

    Examples
    --------
    >>> error = LoneMarksError(["\\u0301a"], ["names[2]"], "\\u0301", n_names=4)
    >>> str(error).split(" (after")[0]
    '4 names start with a combining mark or hold one at the start of a word'
    """

    check_order = 1  # after the names are read: when a vocabulary is learned

    def __init__(self, names, places, mark, *, n_names=None, positions=None):
        self.mark = mark
        super().__init__(names, places, n_names=n_names, positions=positions)

    def message(self):
        """The message, made from the attributes."""
        return (
            f"{counted(self.n_names, 'name', ('starts', 'start'))} with a combining "
            f"mark or {one_or_many(self.n_names, 'holds', 'hold')} one at the start of "
            "a word (after a space, a hyphen or an apostrophe), "
            f"which cannot stand alone: {self.shown()} (the first: "
            f"{describe_symbol(self.mark)}). "
            "Remove the mark or add the letter it belongs to."
        )


def check_no_lone_marks(names, texts, index=None):
    """Refuse names that start a name or a word with a combining mark.

    At a name's start the mark would be a symbol of its own, after a space,
    a hyphen or an apostrophe one symbol with it.

    Parameters
    ----------
    names : list of str
        The names as given, for the message.
    texts : list of str
        The same names as the model reads them.
    index : pandas.Index or None, default=None
        The index of the Series they came from, for their places.

    Raises
    ------
    LoneMarksError
        If any of ``texts`` starts a name or a word with a combining mark.
    """
    if "".join(texts).isascii():  # no mark: the common case, fast
        return
    search = _lone_mark_pattern().search
    marked = {text for text in set(texts) if not text.isascii() and search(text)}
    bad = [i for i, text in enumerate(texts) if text in marked]  # each name once
    if bad:
        raise LoneMarksError(
            [names[i] for i in bad[:MAX_REPORTED]],
            [element_place("names", i, index) for i in bad[:MAX_REPORTED]],
            search(texts[bad[0]]).group(),
            n_names=len(bad),
            positions=bad[:MAX_REPORTED],
        )


@functools.cache
def _lone_mark_pattern():
    """A combining mark at the start of the text or of a word of it."""
    import regex  # a dependency, as for graphemes

    return regex.compile(rf"(?:^|(?<={WORD_EDGE}))\p{{M}}")
