"""The warning that ``handle_unknown="drop"`` removes capitals from names.

With case kept (``lowercase=False``) and an alphabet of lowercase letters (the
default), the capitals of names are unknown, and dropping them learns
``"Emma"`` as ``"mma"``: a fit that drops a capital whose lowercase letter is
known names the names it changes, with what to pass instead.
"""

import numpy as np

from ._gathered_names import NamesWarning
from ._words import MAX_REPORTED, counted, quoted

__all__ = ["warn_capitals_dropped"]


def warn_capitals_dropped(names, symbols, known, index=None):
    """Warn about the names ``handle_unknown="drop"`` removes a capital from,
    its lowercase letter known (or that letter without its accent).

    Parameters
    ----------
    names : list of str
        The names as given to ``fit``.
    symbols : tuple of (str or list of str, ndarray of bool, ndarray of int)
        The symbols of the names one after another, which of them are
        unknown, and the name each is of (in order).
    known : collection of str
        The symbols of the vocabulary.
    index : pandas.Index or None, default=None
        The index of the Series the names came from, for their places.

    Examples
    --------
    >>> import warnings
    >>> flat, bad = "emmaAva", np.array([0, 0, 0, 0, 1, 0, 0], dtype=bool)
    >>> owner = np.array([0, 0, 0, 0, 1, 1, 1])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_capitals_dropped(["emma", "Ava"], (flat, bad, owner), "aemv")
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    handle_unknown='drop' removes capitals whose lowercase letters the
    vocabulary holds, so 1 name is learned without them: names[1]='Ava' read
    as 'va'. To keep them, pass lowercase=True to learn capitals as lowercase
    letters, or alphabet='auto' to learn them as letters of their own.
    """
    flat, bad, owner = symbols
    at = np.flatnonzero(bad)
    if isinstance(flat, str):  # each character as its code: no loop over them
        codes = np.frombuffer(flat.encode("utf-32-le", "surrogatepass"), "<u4")
        dropped, symbol = codes[at].astype(np.intp), chr
        distinct = np.flatnonzero(np.bincount(dropped)).tolist()
    else:
        dropped, symbol = np.array(flat, dtype=object)[at], str
        distinct = set(dropped.tolist())
    known = set(known)
    # The distinct symbols dropped first; the names only if a capital is.
    capitals = [code for code in distinct if _known_lowercase(symbol(code), known)]
    if not capitals:
        return
    hit = owner[at[np.isin(dropped, capitals)]]  # in order: names one by one
    hit = hit[np.diff(hit, prepend=-1) != 0].tolist()
    read = {}
    for i in hit[:MAX_REPORTED]:  # the symbols of a name are together
        start, stop = np.searchsorted(owner, [i, i + 1]).tolist()
        read[names[i]] = "".join(flat[j] for j in range(start, stop) if not bad[j])
    folded = any(symbol(code).lower() not in known for code in capitals)
    _DroppedCapitals.found(names, hit, index, read=read, folded=folded)


def _known_lowercase(symbol, known):
    """Whether ``symbol`` is a capital whose lowercase form is ``known``, or
    that form without its accents (``"É"``: ``"e"``)."""
    from sklearn.feature_extraction.text import strip_accents_unicode  # lazily

    lower = symbol.lower()
    if lower == symbol:
        return False
    return lower in known or strip_accents_unicode(lower) in known


class _DroppedCapitals(NamesWarning):
    """The names ``handle_unknown="drop"`` removes capitals from, with what
    they are read as (of the names of a whole file, within
    :meth:`~sknextchar._gathered_names.GatheredWarnings.gathering`)."""

    order = 1  # as a fit warns: the names are encoded

    def __init__(self):
        super().__init__()
        self.read, self.folded = {}, False

    def gather(self, names, positions, index, offset, *, read, folded):
        """Gather the names at ``positions``; ``read``: what the first few of
        them are read as, by name; ``folded``: whether some capital is known
        only without its accent (``"É"``: ``"e"``)."""
        self.read.update(read)
        self.folded = self.folded or folded
        super().gather(names, positions, index, offset)

    def told(self, name):
        return f"{quoted(name)} read as {quoted(self.read[name])}"

    def message(self):
        return (
            "handle_unknown='drop' removes capitals whose lowercase letters "
            + ("(or those letters without accents) " if self.folded else "")
            + "the vocabulary holds, so "
            f"{counted(self.n_names, 'name', ('is', 'are'))} learned without "
            f"them: {self.listed()}. To keep them, pass lowercase=True to learn "
            "capitals as lowercase letters"
            + (
                ", with strip_accents='unicode' for the accented ones"
                if self.folded
                else ""
            )
            + ", or alphabet='auto' to learn them as letters of their own."
        )
