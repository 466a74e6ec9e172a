"""Letters that look like others, told to the user.

Some letters a user types are not the ones they look like, and a model
learns them apart: a Cyrillic ``"а"`` (U+0430) typed inside a Latin name
(``"аsha"``, from a keyboard left on another layout or text copied from a
document that mixed them) is a letter of its own, and ``"аsha"`` is another
name than ``"asha"``; a fit names those names with the letters to retype
(:func:`warn_look_alikes`). The command line also says how a model learned
the full-width letters of CJK input methods (read as ASCII, ``"Ａｓｈａ"`` as
``"asha"``) and the Turkish ``"ı"`` and ``"İ"``, which lowercasing, as Unicode
defines it for every language, cannot read as Turkish does
(:class:`LetterNotes`).
"""

import bisect
import functools
import itertools
import re
import unicodedata

from ._gathered_names import NamesWarning
from ._text import (
    FULL_WIDTH,
    MAX_REPORTED,
    code_points,
    counted,
    holds_full_width,
    one_or_many,
    quoted,
)

__all__ = ["LetterNotes", "warn_look_alikes"]

# Cyrillic and Greek letters drawn as a Latin letter in most fonts, with it.
_AS_LATIN = dict(
    zip(
        "аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХІЈЅУοινρυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijshdqwlABEKMHOPCTXIJSYoivpuABEZHIKMNOPTYX",
        strict=True,
    )
)
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_TURKISH = "\u0131\u0130"  # dotless ı, dotted İ


# A Latin letter next to a Cyrillic or Greek one (across combining marks):
# where a word mixes them, two of its letters meet so. Their main blocks, as
# the standard library's re, many times faster than regex's \p{Latin}, reads.
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_OTHER = "\u0370-\u03ff\u0400-\u052f\u1c80-\u1c8f\u1f00-\u1fff"
_ANY_LATIN, _ANY_OTHER = re.compile(f"[{_LATIN}]"), re.compile(f"[{_OTHER}]")
_MIXED = re.compile(
    f"[{_LATIN}][\u0300-\u036f]*[{_OTHER}]|[{_OTHER}][\u0300-\u036f]*[{_LATIN}]"
)


@functools.lru_cache(maxsize=4096)
def _script(char):
    """The script of a letter among Latin, Cyrillic and Greek, or None."""
    script = unicodedata.name(char, "").split(" ")[0]
    return script if script in _SCRIPTS else None


# Each Latin letter a Cyrillic or a Greek letter looks like, with it.
_AS_OTHER = {
    script: {to: char for char, to in _AS_LATIN.items() if _script(char) == script}
    for script in _SCRIPTS[1:]
}


def odd_letters(name):
    """The letters of ``name`` that look like letters of the script of the
    rest of their word, each with the letter it looks like.

    Parameters
    ----------
    name : str

    Returns
    -------
    odd : dict of str to str

    Examples
    --------
    >>> odd_letters("\u0430sha"), odd_letters("Ив\u0061н"), odd_letters("Иван")
    ({'а': 'a'}, {'a': 'а'}, {})
    """
    odd = {}
    for word in name.split():
        scripts = {}
        for char in filter(str.isalpha, word):
            scripts.setdefault(_script(char), set()).add(char)
        if len(scripts) != 2 or "LATIN" not in scripts or None in scripts:
            continue
        latin = scripts.pop("LATIN")
        ((script, other),) = scripts.items()
        as_other = _AS_OTHER[script]
        if other <= _AS_LATIN.keys():  # Latin letters, some typed in the other script
            odd.update((char, _AS_LATIN[char]) for char in other)
        elif latin <= as_other.keys():  # the other way round: "Ивaн"
            odd.update((char, as_other[char]) for char in latin)
    return odd


def warn_look_alikes(names, index=None, *, learns=None):
    """Warn about the names that mix letters of Latin and Cyrillic or Greek
    within a word, the letters of one script looking like letters of the
    other (``"аsha"`` with a Cyrillic ``"а"``): learned as letters of their
    own, they make ``"аsha"`` another name than ``"asha"``.

    Parameters
    ----------
    names : list of str
        The names as given to ``fit``.
    index : pandas.Index or None, default=None
        The index of the Series they came from, for their places.
    learns : callable or None, default=None
        Whether the model learns a letter as a letter of its own, not
        dropped as unknown (``handle_unknown="drop"``) nor removed
        (``strip_accents="ascii"``): only such letters are warned of. None:
        every letter.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_look_alikes(["asha", "\u0430sha"])
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    1 name mixes letters of two scripts that look alike, learned as letters of
    their own: names[1]='аsha' with Cyrillic 'а' (U+0430) for 'a'. Retype them in
    the script of the rest of the name, or the model learns 'аsha' and 'asha'
    as two names.
    """
    text = "\n".join(names)
    if text.isascii():
        return  # most lists: one quick pass over them all
    # full-width Latin letters are learned as ASCII ones: "Ａｓｈа" mixes too
    text = text.translate(FULL_WIDTH)
    if not (_ANY_OTHER.search(text) and _ANY_LATIN.search(text)):
        return
    hits = [match.start() for match in _MIXED.finditer(text)]
    if not hits:
        return
    starts = list(itertools.accumulate((len(name) + 1 for name in names), initial=0))
    rows = sorted({bisect.bisect_right(starts, at) - 1 for at in hits})
    learns = functools.cache(learns or (lambda char: True))  # a letter once
    found = {}
    for i in rows:
        odd = {
            char: like
            for char, like in odd_letters(names[i].translate(FULL_WIDTH)).items()
            if learns(char)
        }
        if odd:
            found[i] = odd
    if found:
        odd = {i: found[i] for i in list(found)[:MAX_REPORTED]}
        _LookAlikes.found(names, list(found), index, odd=odd)


class _LookAlikes(NamesWarning):
    """The names that mix look-alike letters of two scripts (of the names of
    a whole file, within
    :meth:`~sknextchar._gathered_names.GatheredWarnings.gathering`)."""

    order = 1  # as a fit warns: the names are encoded

    def __init__(self):
        super().__init__()
        self.odd = {}

    def gather(self, names, positions, index, offset, *, odd):
        """Gather the names at ``positions``; ``odd``: the letters of the first
        few of them, by name, that look like others."""
        self.odd.update((names[i], letters) for i, letters in odd.items())
        super().gather(names, positions, index, offset)

    def told(self, name):
        told = ", ".join(
            f"{_script(char).capitalize()} {quoted(char)} ({code_points(char)}) "
            f"for {quoted(like)}"
            for char, like in self.odd.get(name, {}).items()
        )
        return f"{quoted(name)} with {told}" if told else quoted(name)

    def message(self):
        first = next(iter(self.odd))
        plain = "".join(self.odd[first].get(char, char) for char in first)
        return (
            f"{counted(self.n_names, 'name', ('mixes', 'mix'))} letters of two "
            "scripts that look alike, learned as letters of their own: "
            f"{self.listed()}. Retype them in the script of the rest of the "
            f"name, or the model learns {quoted(first)} and {quoted(plain)} as "
            "two names."
        )


class LetterNotes:
    """The notes on letters a transformer learned otherwise than as typed:
    full-width letters read as ASCII ones, the Turkish ``"ı"`` and ``"İ"``
    lowercased as Unicode does, not as Turkish does. The names are counted a
    chunk at a time (:meth:`learned`), for ``train --chunk-size``.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> names = ["Ａｓｈａ", "IŞIK", "Aydın"]
    >>> windows = ContextWindowTransformer(alphabet="auto").fit(names)
    >>> letters = LetterNotes()
    >>> letters.learned(names[:1]); letters.learned(names[1:])
    >>> for note in letters.notes(windows):
    ...     print(note)  # doctest: +NORMALIZE_WHITESPACE
    Note: 1 of 3 names has full-width letters or digits, learned as ASCII
    ones ('Ａｓｈａ' as 'asha').
    Note: 1 of 3 names holds the Turkish ı or İ, lowercased as Unicode does,
    not as Turkish does: ı stays ı and İ becomes i, but I becomes i, not ı
    ('IŞIK' as 'işik', not 'ışık'); to keep Turkish names as written, train
    with --keep-case --alphabet auto.
    """

    def __init__(self):
        self.n_names, self.wide, self.turkish = 0, [], []
        self.n_wide = self.n_turkish = 0
        self.with_i = None  # the first name with an I: Turkish, or any

    def learned(self, names):
        """Count the letters of ``names``, the names of a chunk learned."""
        self.n_names += len(names)
        if self.with_i is None:  # an "I" lowercasing reads otherwise than Turkish
            self.with_i = next(((name, True) for name in names if "I" in name), None)
        if "".join(names).isascii():
            return
        wide = [
            name for name in names if not FULL_WIDTH.keys().isdisjoint(map(ord, name))
        ]
        turkish = [name for name in names if not set(_TURKISH).isdisjoint(name)]
        self.n_wide, self.n_turkish = (
            self.n_wide + len(wide),
            self.n_turkish + len(turkish),
        )
        self.wide, self.turkish = (self.wide + wide)[:1], (self.turkish + turkish)[:1]
        with_i = next((name for name in turkish if "I" in name), None)
        if with_i is not None and (self.with_i is None or self.with_i[1]):
            self.with_i = (with_i, False)

    def notes(self, windows):
        """The notes, for the names the transformer ``windows`` was fitted on."""
        notes, of = [], f"of {counted(self.n_names, 'name')}"
        if self.wide and not holds_full_width(windows.vocabulary_):
            first = self.wide[0]
            notes.append(
                f"Note: {self.n_wide:,} {of} "
                f"{one_or_many(self.n_wide, 'has', 'have')} full-width letters or "
                f"digits, learned as ASCII ones ({quoted(first)} as "
                f"{quoted(windows.normalize([first])[0])})."
            )
        # Only an "I" is lowercased otherwise than Turkish does: "İ" becomes
        # "i" in both, "ı" stays.
        turkish = self.turkish and self.with_i is not None
        if turkish and windows.lowercase and windows.strip_accents != "ascii":
            notes.append(self._turkish_note(windows, of))
        return notes

    def _turkish_note(self, windows, of):
        """The note on names that hold ``"ı"`` or ``"İ"``, lowercased."""
        first = self.with_i[0]
        learned = windows.normalize([first])[0]
        turkish = first.replace("I", "\u0131").replace("\u0130", "i").lower()
        example = f" ({quoted(first)} as {quoted(learned)}, not {quoted(turkish)})"
        return (
            f"Note: {self.n_turkish:,} {of} "
            f"{one_or_many(self.n_turkish, 'holds', 'hold')} the Turkish ı or İ, "
            "lowercased as Unicode does, not as Turkish does: ı stays ı and İ "
            f"becomes i, but I becomes i, not ı{example}; to keep Turkish names "
            "as written, train with --keep-case --alphabet auto."
        )
