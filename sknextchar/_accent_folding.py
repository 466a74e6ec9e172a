"""What ``strip_accents`` folds, told to the user.

``strip_accents="unicode"`` decomposes names (NFKD) and removes every
combining mark, as scikit-learn's ``strip_accents_unicode`` does: the accents
of Latin letters, but also marks that other scripts spell with (the hamza of
Arabic ``"أ"``, the Devanagari virama and nukta, the breve of Cyrillic
``"й"``). This module warns when a fit folds marks away from letters of other
scripts (what a fold removed from names it left empty is said by
:mod:`sknextchar._empty_names`); when folding
helps (an unknown accented Latin letter whose plain letter the vocabulary
holds) is told by :mod:`sknextchar._unknown_advice`.
"""

import re
import unicodedata

from ._gathered_names import NamesWarning
from ._text import MAX_REPORTED, counted, describe_symbol, normalize_text, quoted

__all__ = [
    "FoldedNames",
    "warn_other_scripts_folded",
]

# Marks of no script of their own (the Combining Diacritical Marks blocks):
# after a letter of another script (Cyrillic "а" and a stress accent), they
# are that script's.
_MARK_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_SHARED_MARKS = re.compile(f"(\\w)([{_MARK_RANGES}]+)")
_SHARED_MARK = re.compile(f"[{_MARK_RANGES}]")


def warn_other_scripts_folded(names, index=None, *, lowercase=True):
    """Warn that ``strip_accents="unicode"`` changes names of other scripts.

    Folding removes every combining mark, and letters of scripts other than
    Latin are spelled with theirs (``"أحمد"`` is read ``"احمد"``): the names
    that lose such marks are named with what they are read as, and the
    characters that change, each once. Within
    :meth:`~sknextchar._gathered_names.GatheredWarnings.gathering` (the chunks
    of a file), the names are gathered for one warning instead.

    Parameters
    ----------
    names : list of str
        The names as given to ``fit``.
    index : pandas.Index or None, default=None
        The index of the Series they came from, for their places.
    lowercase : bool, default=True
        Whether the names are lowercased, for what they are read as.
    """
    text = "\n".join(names)
    if text.isascii():  # no mark, no other script: most lists, at no cost
        return
    changes = _other_script_changes(unicodedata.normalize("NFC", text))
    if not changes:
        return
    found = re.compile("|".join(map(re.escape, sorted(changes, key=len)[::-1])))
    changed = [i for i, name in enumerate(names) if found.search(_nfc(name))]
    FoldedNames.found(names, changed, index, changes=changes, lowercase=lowercase)


class FoldedNames(NamesWarning):
    """The names ``strip_accents="unicode"`` changes, with what they are read
    as, and the characters that change (of the names of a whole file, within
    :meth:`~sknextchar._gathered_names.GatheredWarnings.gathering`).

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._gathered_names import GatheredWarnings
    >>> gathered, windows = GatheredWarnings(), ContextWindowTransformer(
    ...     alphabet="auto", strip_accents="unicode")
    >>> for offset, chunk in [(0, ["asha", "Йосиф"]), (2, ["Ёжик"])]:
    ...     with gathered.gathering(offset):
    ...         _ = windows.fit(chunk)  # no warning
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     gathered.warn()
    >>> message = str(caught[0].message)
    >>> message[message.index("2 names"):].split(" (")[0]  # doctest: +ELLIPSIS
    "2 names are learned changed: names[1]='Йосиф' read as 'иосиф', names[2]=..."
    """

    order = 1  # after the tab warning, as a fit warns: the names are encoded

    def __init__(self):
        super().__init__()
        self.changes, self.lowercase = {}, True

    def gather(self, names, positions, index, offset, *, changes, lowercase):
        """Gather the names at ``positions`` and the ``changes`` of their
        characters."""
        self.changes.update(changes)
        self.lowercase = lowercase
        super().gather(names, positions, index, offset)

    def told(self, name):
        return f"{quoted(name)} read as {quoted(_folded(name, self.lowercase))}"

    def message(self):
        # In the order of a fit on all the names: the characters, sorted; then
        # the letters of other scripts with shared marks, as they came.
        order = sorted(old for old in self.changes if len(old) == 1)
        order += [old for old in self.changes if len(old) > 1]
        changes = [(old, self.changes[old]) for old in order]
        told = [
            f"{describe_symbol(old)} becomes {quoted(new)}" if new else
            f"{describe_symbol(old)} is removed"
            for old, new in changes[:MAX_REPORTED]
        ]  # fmt: skip
        return (
            "strip_accents='unicode' removes every combining mark, and letters of "
            "scripts other than Latin are spelled with theirs, so "
            f"{counted(self.n_names, 'name', ('is', 'are'))} learned changed: "
            f"{self.listed()}"
            f" ({'; '.join(told)}{'; ...' if len(changes) > MAX_REPORTED else ''}"
            f"). To keep {'it' if self.n_names == 1 else 'them'} as written, leave "
            "strip_accents=None (the default), which keeps every character."
        )


def _nfc(text):
    return unicodedata.normalize("NFC", text)


def _folded(name, lowercase):
    return normalize_text(name, lowercase=lowercase, strip_accents="unicode").strip()


def _other_script_changes(text):
    """``{characters: what folding leaves of them}`` for the marks folding
    removes from letters of scripts other than Latin in ``text`` (NFC)."""
    changes, chars = {}, sorted(c for c in set(text) if not c.isascii())
    for char in chars:
        decomposed = unicodedata.normalize("NFKD", char)
        kept = "".join(c for c in decomposed if not unicodedata.combining(c))
        if kept == decomposed:
            continue  # no mark (a Hangul syllable, a ligature)
        if kept and any(map(_other_script, kept)):  # a letter with its marks
            changes[char] = kept
        elif not kept and not unicodedata.name(char, "").startswith("COMBINING"):
            changes[char] = ""  # a mark of a script: the virama, a vowel sign
    if not any(map(_SHARED_MARK.match, chars)):
        return changes  # the scan below finds nothing: skip it
    for letter, marks in _SHARED_MARKS.findall(text):
        if _other_script(letter):
            changes[letter + marks] = letter
    return changes


def _other_script(char):
    """Whether a character is a letter of a script other than Latin."""
    return char.isalpha() and not unicodedata.name(char, "").startswith("LATIN ")
