"""Letters of Latin, Cyrillic and Greek drawn alike, and the letter each looks like.

A Cyrillic ``"а"`` (U+0430) looks like the Latin ``"a"``, a Greek ``"ο"`` like
the Cyrillic ``"о"``: a word typed partly on another keyboard layout mixes
them (:func:`odd_letters`), and a model that knows one refuses the other,
whose message names the letter to type (:func:`look_alike_note`). Pure
functions over a fixed table; the warning of a fit is
:mod:`sknextchar._letter_forms`'s.
"""

import functools
import itertools
import unicodedata

from ._text import code_points
from ._words import quoted

__all__ = ["look_alike_note", "odd_letters", "script_of"]

# Cyrillic and Greek letters drawn as a Latin letter in most fonts, with it.
_AS_LATIN = dict(
    zip(
        "аеорсухіјѕһԁԛԝӏАВЕКМНОРСТХІЈЅУαοινρυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijshdqwlABEKMHOPCTXIJSYaoivpuABEZHIKMNOPTYX",
        strict=True,
    )
)
# Greek letters drawn as a Cyrillic one that looks like no Latin letter.
_GREEK_AS_CYRILLIC = dict(zip("ΓΠΦΛκφ", "ГПФЛкф", strict=True))
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


@functools.lru_cache(maxsize=4096)
def script_of(char):
    """The script of a letter among Latin, Cyrillic and Greek, or None."""
    script = unicodedata.name(char, "").split(" ")[0]
    return script if script in _SCRIPTS else None


def _look_alike_table():
    """For each pair of the scripts, ``(script, in_script)``: each letter of
    ``script`` drawn as a letter of ``in_script``, with it."""
    like = {pair: {} for pair in itertools.permutations(_SCRIPTS, 2)}
    for char, latin in _AS_LATIN.items():
        like[script_of(char), "LATIN"][char] = latin
        like["LATIN", script_of(char)][latin] = char
    cyrillic = like["LATIN", "CYRILLIC"]
    for char, latin in like["GREEK", "LATIN"].items():
        if latin in cyrillic:  # Greek "ο", Latin "o", Cyrillic "о"
            like["GREEK", "CYRILLIC"][char] = cyrillic[latin]
    like["GREEK", "CYRILLIC"].update(_GREEK_AS_CYRILLIC)
    for char, other in like["GREEK", "CYRILLIC"].items():
        like["CYRILLIC", "GREEK"][other] = char
    return like


_LIKE = _look_alike_table()


def odd_letters(name):
    """The letters of ``name`` that look like letters of the script of the
    rest of their word, each with the letter it looks like.

    A word of two of Latin, Cyrillic and Greek whose letters of one script
    all look like letters of the other is read as a word of that other
    script, a few letters typed on another layout; the letters of Latin are
    taken as the odd ones last (``"Ивaн"``), those of Greek first.

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
    >>> odd_letters("Ив\u03bfн"), odd_letters("Μ\u0061ρία")  # Greek ο; Latin a
    ({'ο': 'о'}, {'a': 'α'})
    """
    odd = {}
    for word in name.split():
        scripts = {}
        for char in filter(str.isalpha, word):
            scripts.setdefault(script_of(char), set()).add(char)
        if len(scripts) != 2 or None in scripts:
            continue
        # Greek, then Cyrillic, then Latin: the letters taken as odd first.
        one, other = sorted(scripts, key=_SCRIPTS.index, reverse=True)
        for odd_script, in_script in ((one, other), (other, one)):
            like = _LIKE[odd_script, in_script]
            if scripts[odd_script] <= like.keys():
                odd.update((char, like[char]) for char in scripts[odd_script])
                break
    return odd


def look_alike_note(chars, known, names):
    """What a message on letters outside a vocabulary adds about those drawn
    as a letter of another script that the model knows (a Cyrillic ``"а"``
    typed for a Latin ``"a"``), or ``""``: their script and code point, and
    the letter to type. Only for a name of ``names`` whose unknown letters
    all have such a look-alike, so that retyping them is all it needs: not
    for ``"Анна"`` to a model of Latin names (its ``"н"`` looks like no
    Latin letter).

    Parameters
    ----------
    chars : list of str
        The symbols outside the vocabulary.
    known : collection of str
        The symbols it holds.
    names : list of str
        The names (or prefixes) that hold ``chars``, as the model reads them.

    Returns
    -------
    note : str
        Empty, or a sentence that starts with ``". "``.

    Examples
    --------
    >>> print(look_alike_note(["\u0430", "ж"], set("ashe"), ["\u0430sha", "ж"]))
    ... # doctest: +NORMALIZE_WHITESPACE
    . 'а' (U+0430) is a Cyrillic letter drawn as the Latin 'a', which the
    model knows: type 'a' instead
    >>> look_alike_note(["\u0430", "н"], set("ashe"), ["\u0430нн\u0430"])  # Анна
    ''
    """
    like = {}
    for char in chars:
        script = script_of(char) if len(char) == 1 else None
        for other in _SCRIPTS if script else ():
            alike = _LIKE.get((script, other), {}).get(char)
            if alike in known:
                like[char] = alike
                break
    told = set()
    for name in names:
        letters = [char for char in chars if char in name and char.isalpha()]
        if letters and like.keys() >= set(letters):
            told.update(letters)
    pairs = [(char, like[char]) for char in chars if char in told]
    if not pairs:
        return ""
    text = "; ".join(
        f"{quoted(char)} ({code_points(char)}) is a {script_of(char).capitalize()} "
        f"letter drawn as the {script_of(alike).capitalize()} {quoted(alike)}"
        for char, alike in pairs
    )
    likes = [quoted(alike) for _, alike in pairs]
    if len(pairs) == 1:
        return f". {text}, which the model knows: type {likes[0]} instead"
    return f". {text}; the model knows {', '.join(likes)}: type those instead"
