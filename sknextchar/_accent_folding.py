"""What ``strip_accents`` folds, told to the user.

``strip_accents="unicode"`` decomposes names (NFKD) and removes every
combining mark, as scikit-learn's ``strip_accents_unicode`` does: the accents
of Latin letters, but also marks that other scripts spell with (the hamza of
Arabic ``"أ"``, the Devanagari virama and nukta, the breve of Cyrillic
``"й"``). This module warns when a fit folds marks away from letters of other
scripts, and when ``strip_accents="ascii"`` removes letters that have no
ASCII form (``"Đ"``, ``"Ł"``, ``"ß"``: ``"Łukasz"`` is read ``"ukasz"``);
what a fold removed from names it left empty is said by
:mod:`sknextchar._empty_names`; when folding
helps (an unknown accented Latin letter whose plain letter the vocabulary
holds) is told by :mod:`sknextchar._unknown_advice`.
"""

import re
import unicodedata

from ._gathered_names import NamesWarning
from ._text import TATWEEL, describe_symbol, normalize_text
from ._words import MAX_REPORTED, counted, one_or_many, quoted

__all__ = [
    "warn_other_scripts_folded",
]

# Marks of no script of their own (the Combining Diacritical Marks blocks):
# after a letter of another script (Cyrillic "а" and a stress accent), they
# are that script's.
_MARK_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_SHARED_MARKS = re.compile(f"(\\w)([{_MARK_RANGES}]+)")
_SHARED_MARK = re.compile(f"[{_MARK_RANGES}]")


def warn_other_scripts_folded(names, index=None, *, lowercase=True, strip="unicode"):
    """Warn that ``strip_accents`` changes names beyond their accents.

    ``"unicode"`` removes every combining mark, and letters of scripts other
    than Latin are spelled with theirs (``"أحمد"`` is read ``"احمد"``);
    ``"ascii"`` also removes every character without an ASCII form, Latin
    letters among them (``"Łukasz"`` is read ``"ukasz"``, ``"Straße"``
    ``"strae"``). The names that change so are named with what they are
    read as, and the characters that change, each once. Within
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
    strip : {"unicode", "ascii"}, default="unicode"
        The ``strip_accents`` of the fit.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_other_scripts_folded(["José", "Łukasz"], strip="ascii")
    >>> print(str(caught[0].message).split(": ")[1].split(" (")[0])
    names[1]='Łukasz' read as 'ukasz'
    """
    text = "\n".join(names)
    if text.isascii():  # no mark, no other script: most lists, at no cost
        return
    if strip == "ascii":  # the characters of the names as read, not those removed
        changed, changes = _read_for_ascii(names, text)
    else:
        changes = _other_script_changes(_nfc(text))
        read = dict(enumerate(map(_nfc, names))) if changes else {}
        found = re.compile("|".join(map(re.escape, sorted(changes, key=len)[::-1])))
        changed = [i for i, name in read.items() if found.search(name)]
    if not changes:
        return
    _FoldedNames.found(
        names, changed, index, changes=changes, lowercase=lowercase, strip=strip
    )


class _FoldedNames(NamesWarning):
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
        self.changes, self.lowercase, self.strip = {}, True, "unicode"

    def gather(
        self, names, positions, index, offset, *, changes, lowercase, strip="unicode"
    ):
        """Gather the names at ``positions`` and the ``changes`` of their
        characters."""
        self.changes.update(changes)
        self.lowercase, self.strip = lowercase, strip
        super().gather(names, positions, index, offset)

    def told(self, name):
        folded = _folded(name, self.lowercase, self.strip)
        return f"{quoted(name)} read as {quoted(folded)}"

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
        it = one_or_many(self.n_names, "it", "them")
        return (
            _WHY[self.strip]
            + f"{counted(self.n_names, 'name', ('is', 'are'))} learned changed: "
            f"{self.listed()}"
            f" ({'; '.join(told)}{'; ...' if len(changes) > MAX_REPORTED else ''}"
            f"). {_KEEP[self.strip].format(it=it)}"
        )


# What each strip_accents does beyond accents, and how to keep the names.
_WHY = {
    "unicode": "strip_accents='unicode' removes every combining mark, and letters "
    "of scripts other than Latin are spelled with theirs, so ",
    "ascii": "strip_accents='ascii' keeps only what has an ASCII form, and "
    "removes the rest, so ",
}
_KEEP = {
    "unicode": "To keep {it} as written, leave strip_accents=None (the default), "
    "which keeps every character.",
    "ascii": "To keep such characters, pass strip_accents='unicode', which "
    "removes the accents only (with alphabet='auto', which learns the "
    "characters that remain), or spell {it} in ASCII in the names themselves.",
}


def _nfc(text):
    return unicodedata.normalize("NFC", text)


def _folded(name, lowercase, strip="unicode"):
    return normalize_text(name, lowercase=lowercase, strip_accents=strip).strip()


def _read_for_ascii(names, text):
    """The positions of the names that ``strip_accents="ascii"`` changes beyond
    their accents, and ``{character: what is left of it}`` for their
    characters as read (NFC: :func:`~sknextchar._text.normalize_text` drops the
    tatweel); ``text`` is the names joined by newlines. No name is read on its
    own: a list of 400,000 names that all hold "Ł" is read at once."""
    read = _nfc(text)  # a line end stops any composing: each name as read
    changes = _ascii_removals(read)
    changes.pop(TATWEEL, None)
    if not changes:
        return [], {}
    # A letter, or the base of a mark, that is read as one of those changes.
    maybe = changes if read == text else _ascii_removals(text).keys() - {TATWEEL}
    held = re.compile(f"[{re.escape(''.join(maybe))}]").search
    return [i for i, name in enumerate(names) if held(name)], changes


def _ascii_removals(text):
    """``{character: what is left of it}`` for the characters of ``text``
    (NFC) that ``strip_accents="ascii"`` changes beyond their accents: those
    whose compatibility decomposition (NFKD) holds a character outside ASCII
    that is no combining mark (``"Ł"``, ``"ß"``, ``"’"`` leave nothing;
    ``"Ŀ"``, L and a middle dot, leaves ``"L"``; ``"½"`` leaves ``"12"``).
    An invisible format character (a zero-width joiner, which joins letters
    of scripts that shape them) is left out: it is no letter of a Latin name.
    """
    changes = {}
    for char in sorted(c for c in set(text) if not c.isascii()):
        parts = unicodedata.normalize("NFKD", char)
        if unicodedata.category(char) != "Cf" and any(
            not c.isascii() and not unicodedata.combining(c) for c in parts
        ):
            changes[char] = parts.encode("ascii", "ignore").decode("ascii")
    return changes


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
