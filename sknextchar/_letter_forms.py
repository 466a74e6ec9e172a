"""Letters that look like others, told to the user.

Some letters a user types are not the ones they look like, and a model
learns them apart: a Cyrillic ``"а"`` (U+0430) typed inside a Latin name
(``"аsha"``, from a keyboard left on another layout or text copied from a
document that mixed them) is a letter of its own, and ``"аsha"`` is another
name than ``"asha"``; a fit names those names with the letters to retype
(:func:`warn_look_alikes`, over the table of
:mod:`sknextchar._look_alike_letters`). The command line also says how a model learned
the full-width letters of CJK input methods (read as ASCII, ``"Ａｓｈａ"`` as
``"asha"``) and the Turkish ``"ı"`` and ``"İ"``, which lowercasing, as Unicode
defines it for every language, cannot read as Turkish does
(:class:`LetterNotes`).
"""

import bisect
import functools
import itertools
import re

from ._gathered_names import NamesWarning
from ._look_alike_letters import odd_letters, script_of
from ._text import FULL_WIDTH, code_points, holds_full_width, normalize_text
from ._words import MAX_REPORTED, counted, one_or_many, quoted

__all__ = [
    "LetterNotes",
    "full_width_read_note",
    "read_as_ascii",
    "warn_look_alikes",
]

_TURKISH = "\u0131\u0130"  # dotless ı, dotted İ
_WIDE = "full-width letters or digits"


# Two letters of two of the scripts next to each other (across combining
# marks): where a word mixes them, two of its letters meet so. Their main
# blocks, as the standard library's re, many times faster than regex's
# \p{Latin}, reads.
_BLOCKS = {
    "LATIN": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "CYRILLIC": "\u0400-\u052f\u1c80-\u1c8f",
    "GREEK": "\u0370-\u03ff\u1f00-\u1fff",
}
_OTHERS = {  # the blocks of the scripts other than each
    script: "".join(b for s, b in _BLOCKS.items() if s != script) for script in _BLOCKS
}
_ANY = re.compile(f"[{''.join(_BLOCKS.values())}]")
_ANY_OTHER = {script: re.compile(f"[{_OTHERS[script]}]") for script in _BLOCKS}
_ANY_WIDE = re.compile(f"[{re.escape(''.join(map(chr, sorted(FULL_WIDTH))))}]")
_MIXED = re.compile(
    "|".join(f"[{b}][\u0300-\u036f]*[{_OTHERS[s]}]" for s, b in _BLOCKS.items())
)


def _block_script(char):
    """The script of a letter of the blocks of :data:`_BLOCKS`."""
    return next(s for s, b in _BLOCKS.items() if re.match(f"[{b}]", char))


def warn_look_alikes(names, index=None, *, learns=None):
    """Warn about the names that mix letters of two of Latin, Cyrillic and
    Greek within a word, the letters of one script looking like letters of
    the other (``"аsha"`` with a Cyrillic ``"а"``, ``"Ивοн"`` with a Greek
    ``"ο"``, :func:`~sknextchar._look_alike_letters.odd_letters`): learned
    as letters of their own, they make ``"аsha"`` another name than ``"asha"``.

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
    if _ANY_WIDE.search(text):  # a search, many times faster than translate
        text = text.translate(FULL_WIDTH)
    first = _ANY.search(text)  # a letter of a script, then one of another
    if first is None or not _ANY_OTHER[_block_script(first.group())].search(text):
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
            f"{script_of(char).capitalize()} {quoted(char)} ({code_points(char)}) "
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


def full_width_read_note(texts, windows, what="name"):
    """The note that some of ``texts`` (names to score, a prefix) hold
    full-width letters or digits, read as ASCII ones as the transformer
    ``windows`` learned them (the note ``train`` gives, for a model's
    input); None if none does, or the model learned full-width letters.

    Parameters
    ----------
    texts : list of str
    windows : ContextWindowTransformer
        Fitted.
    what : str, default="name"
        What the texts are: ``"name"``, ``"prefix"``.

    Returns
    -------
    note : str or None

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit(["asha", "amit"])
    >>> print(full_width_read_note(["Ａｓｈａ", "amit"], windows))
    ... # doctest: +NORMALIZE_WHITESPACE
    Note: 1 of 2 names has full-width letters or digits, read as ASCII ones as
    the model learned them ('Ａｓｈａ' as 'asha').
    >>> print(full_width_read_note(["Ａｓ"], windows, "prefix"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Note: the prefix 'Ａｓ' has full-width letters or digits, read as ASCII ones
    as the model learned them ('Ａｓ' as 'as').
    >>> full_width_read_note(["asha"], windows) is None
    True
    """
    wide = [text for text in texts if read_as_ascii(text, windows)]
    if not wide:
        return None
    if len(texts) == 1:
        which = f"the {what} {quoted(wide[0])} has"
    else:
        verb = one_or_many(len(wide), "has", "have")
        which = f"{len(wide):,} of {counted(len(texts), what)} {verb}"
    first = wide[0]
    if what == "name":
        read = windows.normalize([first])[0]
    else:  # the start of a name
        read = normalize_text(
            first, lowercase=windows.lowercase, strip_accents=windows.strip_accents,
            prefix=True,
        )  # fmt: skip
    return (
        f"Note: {which} {_WIDE}, read as ASCII ones as the model learned them "
        f"({quoted(first)} as {quoted(read)})."
    )


def read_as_ascii(text, windows):
    """Whether ``text`` holds full-width letters or digits that the
    transformer ``windows`` reads as ASCII ones: it learned none.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit(["asha"])
    >>> read_as_ascii("Ａｓ", windows), read_as_ascii("As", windows)
    (True, False)
    """
    return holds_full_width(text) and not holds_full_width(windows.vocabulary_)


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
        self.with_i = None  # the first name with an I
        self.turkish_with_i = None  # the first with an I and ı or İ

    def learned(self, names):
        """Count the letters of ``names``, the names of a chunk learned."""
        self.n_names += len(names)
        if self.with_i is None:  # an "I" lowercasing reads otherwise than Turkish
            self.with_i = next((name for name in names if "I" in name), None)
        if "".join(names).isascii():
            return
        wide = [name for name in names if holds_full_width(name)]
        turkish = [name for name in names if not set(_TURKISH).isdisjoint(name)]
        self.n_wide, self.n_turkish = (
            self.n_wide + len(wide),
            self.n_turkish + len(turkish),
        )
        self.wide, self.turkish = (self.wide + wide)[:1], (self.turkish + turkish)[:1]
        if self.turkish_with_i is None:
            self.turkish_with_i = next((name for name in turkish if "I" in name), None)

    def notes(self, windows):
        """The notes, for the names the transformer ``windows`` was fitted on."""
        notes, of = [], f"of {counted(self.n_names, 'name')}"
        if self.wide and not holds_full_width(windows.vocabulary_):
            first = self.wide[0]
            notes.append(
                f"Note: {self.n_wide:,} {of} "
                f"{one_or_many(self.n_wide, 'has', 'have')} {_WIDE}, learned as "
                f"ASCII ones ({quoted(first)} as "
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
        first = self.turkish_with_i or self.with_i
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
