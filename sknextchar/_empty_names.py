"""The error of names that read as empty, made from the names and their count.

A name can hold nothing a model learns: only invisible characters (a
byte-order mark, a zero-width space, the Arabic tatweel) and whitespace, or
only characters that ``strip_accents`` removes. :class:`EmptyNamesError` says
how many names do so and shows the first of them where they are; it keeps the
names, their places and their count as attributes
(:class:`~sknextchar._placed_names.PlacedNamesError`), so that the pass over a
file (:mod:`sknextchar._vocabulary_pass`), which finds them chunk by chunk,
gives its own count and places and the message is made anew from them.
"""

import unicodedata

from ._placed_names import PlacedNamesError
from ._text import TATWEEL, describe_symbol, normalize_text
from ._words import MAX_REPORTED, counted, one_or_many

__all__ = ["EmptyNamesError"]


class EmptyNamesError(PlacedNamesError):
    """Names read as empty, refused.

    Parameters
    ----------
    names : list of str
        The names read as empty, as given: all of them (what each kind holds
        and how many are of each kind are told from them, unless ``kinds`` is
        given); the first ``MAX_REPORTED`` are kept and shown.
    places : list of str
        Where the first names are (``"names[3]"``), those the message shows.
    n_names : int or None, default=None
        How many names read as empty; None: ``len(names)``.
    positions : list of int or None, default=None
        The position of each of ``names`` in the list checked.
    strip_accents : {None, "ascii", "unicode"}, default=None
        The transformer's ``strip_accents``.
    keep_tatweel : bool, default=False
        Whether the vocabulary holds the Arabic tatweel (then a name of
        tatweels is not read as empty by it).
    kinds : dict or None, default=None
        For each kind of name read as empty (``"invisible"``: only invisible
        characters; ``"marks"``: only combining marks; ``"other"``: only
        characters without an ASCII equivalent), how many names and the
        characters they hold, for the message; None: told from ``names``.

    Examples
    --------
    >>> error = EmptyNamesError(["\\u200b"], ["names[4]"], n_names=7)
    >>> str(error)[:68]
    '7 names hold only invisible characters that are no letter of a name '
    >>> str(error.placed(["names[1]"], n_names=1))[:34]
    '1 name holds only invisible charac'
    """

    check_order = 0  # a fit reads the names before anything else

    def __init__(
        self,
        names,
        places,
        *,
        n_names=None,
        positions=None,
        strip_accents=None,
        keep_tatweel=False,
        kinds=None,
    ):
        self.strip_accents, self.keep_tatweel = strip_accents, keep_tatweel
        self.kinds = _kinds(names, keep_tatweel) if kinds is None else kinds
        n_names = len(names) if n_names is None else n_names
        if positions is not None:
            positions = list(positions)[:MAX_REPORTED]
        names = list(names)[:MAX_REPORTED]
        super().__init__(names, places, n_names=n_names, positions=positions)

    def message(self):
        """The message, made from the attributes: of each kind of name
        present, what they hold and what to do."""
        n_invisible, held = self.kinds.get("invisible", (0, ()))
        n_stripped = sum(
            n for kind, (n, _) in self.kinds.items() if kind != "invisible"
        )
        removes = f"strip_accents={self.strip_accents!r} removes every character of"
        if not n_stripped:  # only invisible characters
            them = one_or_many(self.n_names, "it", "them")
            return (
                f"{counted(self.n_names, 'name', ('holds', 'hold'))} only "
                f"{_no_letters(held)} and whitespace: {self.shown()}. Remove {them}."
            )
        if not n_invisible:
            return (
                f"{removes} {counted(self.n_names, 'name')}: {self.shown()}. "
                f"{_advice(self.kinds)}"
            )
        them, hold = one_or_many(n_invisible, ("it", "holds"), ("them", "hold"))
        return (
            f"{counted(self.n_names, 'name')} read as empty: {self.shown()}. "
            f"{n_invisible:,} of them {hold} only {_no_letters(held)} and "
            f"whitespace: remove {them}. {removes} the other {n_stripped:,}. "
            f"{_advice(self.kinds)}"
        )

    def joined_attributes(self, later):
        # The kinds of both lists: counts summed, the characters of each.
        kinds = dict(self.kinds)
        for kind, (n, chars) in later.kinds.items():
            had_n, had = kinds.get(kind, (0, ()))
            kept = tuple(dict.fromkeys(had + chars))
            kinds[kind] = (had_n + n, kept if kind == "invisible" else kept[:_SHOWN])
        return {"kinds": kinds}


_SHOWN = MAX_REPORTED + 1  # characters kept of a kind: enough to show "..."


def _kinds(names, keep_tatweel):
    """How many of ``names`` (all read as empty) are of each kind, and the
    characters they hold: each distinct character is read once (invisible,
    a mark ``strip_accents="unicode"`` removes too, or another), each name
    only looked up, as many names of one script share their characters."""
    kind_of = {}
    for char in set("".join(names)):
        if not normalize_text(char, keep_tatweel=keep_tatweel).strip():
            kind_of[char] = "i"  # invisible (or whitespace)
        elif normalize_text(
            char, strip_accents="unicode", keep_tatweel=keep_tatweel
        ).strip():
            kind_of[char] = "o"  # kept by 'unicode': no ASCII equivalent
        else:
            kind_of[char] = "m"  # a combining mark
    table = str.maketrans(kind_of)
    groups = {"invisible": [], "marks": [], "other": []}
    for name in names:  # a name may hold a line break: each one translated
        held = name.translate(table)
        kind = "other" if "o" in held else "marks" if "m" in held else "invisible"
        groups[kind].append(name)
    return {
        kind: (len(group), _held(group, kind))
        for kind, group in groups.items()
        if group
    }


def _held(names, kind):
    """The characters of ``names`` of a kind that the message tells: each
    invisible one (few), or the first few combining marks or other characters
    a ``strip_accents`` removed."""
    joined = "".join(names)
    if kind == "invisible":
        return tuple(sorted({char for char in joined if not char.isspace()}))
    decomposed = unicodedata.normalize("NFKD", normalize_text(joined))
    found = {}
    for char in decomposed:
        if not char.isspace() and bool(unicodedata.combining(char)) == (
            kind == "marks"
        ):
            found.setdefault(char, None)
            if len(found) == _SHOWN:
                break
    return tuple(found)


def _no_letters(held):
    """What names read as empty hold: the invisible characters, the Arabic
    tatweel, or both (``held``: their characters)."""
    told = []
    if set(held) - {TATWEEL}:
        told.append(
            "invisible characters that are no letter of a name (a byte-order "
            "mark, a zero-width space or joiner, a direction mark)"
        )
    if TATWEEL in held:
        told.append(
            f"the Arabic tatweel ({describe_symbol(TATWEEL)}, U+0640: a stretch of "
            "the line between two letters, no letter of a name)"
        )
    return ", ".join(told)


def _advice(kinds):
    """The advice on the names a ``strip_accents`` empties, of ``kinds``
    (:func:`_kinds`; its invisible names are told apart)."""
    n_marks, marks = kinds.get("marks", (0, ()))
    n_other, others = kinds.get("other", (0, ()))
    they, hold, them = ("It", "holds", "it") if n_marks + n_other == 1 else _THEY
    if not n_marks:
        return (
            f"{they} {hold} only characters without an ASCII equivalent "
            f"({_removed(others)}). Pass strip_accents='unicode', which keeps "
            f"letters without an ASCII equivalent, or remove {them}."
        )
    held = f"only accents or other combining marks ({_removed(marks)})"
    if n_other:
        held = (
            f"either {held}, which strip_accents='unicode' removes too, or "
            f"only characters without an ASCII equivalent ({_removed(others)})"
        )
    return (
        f"{they} {hold} {held}: remove {them}, or leave strip_accents=None "
        "(the default), which keeps every character."
    )


_THEY = ("They", "hold", "them")


def _removed(chars):
    """The characters a ``strip_accents`` removed, for a message: the first
    few, each described."""
    shown = [describe_symbol(char) for char in chars[:MAX_REPORTED]]
    return ", ".join(shown) + (", ..." if len(chars) > MAX_REPORTED else "")
