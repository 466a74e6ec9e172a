"""What to pass for characters outside a vocabulary, each way one that works.

The error on unknown characters offers other settings: ``strip_accents`` to
fold accented letters into known ones, ``handle_unknown="drop"`` to remove the
characters, and, when case is kept, ``lowercase=True`` for capitals of known
letters. Each is offered only when it lets every name through: dropping
would leave a name without any character (one written in another script
entirely), which no fit or score accepts, and folding leaves the letters it
does not fold unknown. Nor is dropping offered when it would remove a
capital (lowercased: ``"É"`` of ``"Émile"``) or the first letter of a name: it
would learn ``"Emma"`` as ``"mma"``, ``"Émile"`` as ``"mile"``. The
alphabet's own advice is the transformer's.
"""

import unicodedata

import numpy as np

from ._placed_names import PlacedNamesError
from ._remade_errors import remade
from ._text import lower_text
from ._words import MAX_REPORTED, and_more, counted, quoted

__all__ = [
    "TRAIN_AGAIN",
    "TRAIN_A_NEW_MODEL",
    "DroppedNamesError",
    "compatibility_note",
    "drop_refused",
    "latin_folds",
    "names_left_empty",
    "space_symbols",
    "unknown_hints",
]

# How the advice of a fitted model's message begins (its vocabulary is fixed:
# a setting is one to train again with); a caller that trains otherwise (a
# resumed run, which keeps the model's vocabulary) passes its own as ``again``.
TRAIN_AGAIN = "train the model again with "

# The advice of a resumed run, which keeps the model's vocabulary: a setting
# of the transformer takes a new model (train_from_file's resume=False; the
# command line's run without --resume puts its own words in their place).
TRAIN_A_NEW_MODEL = "train a new model (resume=False) with "


def latin_folds(symbols, known):
    """The symbols that are accented Latin letters, or ligatures and other
    compatibility forms of Latin letters (``"ﬁ"``), that
    ``strip_accents="unicode"`` folds into ``known`` symbols, each with the
    letters it folds to.

    Parameters
    ----------
    symbols : iterable of str
        Unknown symbols (characters or grapheme clusters).
    known : iterable of str
        The symbols of the vocabulary.

    Returns
    -------
    folds : list of (str, str)

    Examples
    --------
    >>> latin_folds(["ë", "ø", "أ", "ﬁ"], "abcdefghijklmnopqrstuvwxyz")
    [('ë', 'e'), ('ﬁ', 'fi')]
    """
    from sklearn.feature_extraction.text import strip_accents_unicode  # lazily

    known, folds = set(known), []
    for symbol in symbols:
        letters = strip_accents_unicode(symbol)
        latin = all(unicodedata.name(c, "").startswith("LATIN ") for c in letters)
        if letters != symbol and letters and latin and set(letters) <= known:
            folds.append((symbol, letters))
    return folds


def space_symbols(flat):
    """Which of the symbols ``flat`` (a str, a list or an array of them) are
    whitespace; each distinct symbol is looked at once, not each of the
    symbols of a long list of names.

    Examples
    --------
    >>> space_symbols("a b\u00a0c").tolist()
    [False, True, False, True, False]
    """
    flat = flat if isinstance(flat, np.ndarray) else np.asarray(list(flat), object)
    blank = np.zeros(len(flat), dtype=bool)
    for symbol in set(flat.tolist()):
        if symbol.isspace():
            blank |= flat == symbol
    return blank


def names_left_empty(flat, bad, owner, n_names, known, *, lowered=False):
    """The names that ``handle_unknown="drop"`` leaves without any symbol:
    alone, and after ``strip_accents="unicode"`` folded what it can.

    Parameters
    ----------
    flat : str or list of str
        The symbols of the names, one after another.
    bad : ndarray of bool
        Which of them are unknown.
    owner : ndarray of int
        The name each symbol is of.
    n_names : int
    known : iterable of str
        The symbols of the vocabulary.
    lowered : bool, default=False
        Whether to count with the names lowercased first (``lowercase=True``
        offered to a transformer that keeps case): ``"J."`` keeps ``"j"``.

    Returns
    -------
    dropped, folded : ndarray of int
        The positions of the names left empty by dropping, and by folding
        then dropping.

    Examples
    --------
    >>> flat, bad = "zoëиван", np.array([0, 0, 1, 1, 1, 1, 1], dtype=bool)
    >>> owner = np.array([0, 0, 0, 1, 1, 1, 1])
    >>> names_left_empty(flat, bad, owner, 2, "abcdefghijklmnopqrstuvwxyz")
    (array([1]), array([1]))
    >>> flat, bad = "J.", np.array([1, 1], dtype=bool)
    >>> names_left_empty(flat, bad, np.array([0, 0]), 1, "j", lowered=True)
    (array([], dtype=int64), array([], dtype=int64))
    >>> flat, bad = "1. я", np.array([1, 1, 0, 1], dtype=bool)
    >>> names_left_empty(flat, bad, np.array([0, 0, 0, 0]), 1, "ab ")
    (array([0]), array([0]))
    """
    known = set(known)
    if lowered:  # the capitals of known letters are known once lowercased
        at = np.flatnonzero(bad)
        lower = {flat[i]: flat[i].lower() for i in at}
        bad = bad.copy()
        bad[at[[lower[flat[i]] in known for i in at]]] = False
        flat = [lower.get(symbol, symbol) for symbol in flat]
    at = np.flatnonzero(bad)
    foldable = {old for old, _ in latin_folds({flat[i] for i in at}, known)}
    holds_unknown = np.bincount(owner[at], minlength=n_names) > 0
    # a name left holding only spaces ("1. Анна" with " " known) is empty too
    blank = space_symbols(flat)
    kept = np.bincount(owner[~bad & ~blank], minlength=n_names)
    folds = np.array([flat[i] in foldable for i in at], dtype=bool)
    kept_folded = kept + np.bincount(owner[at[folds]], minlength=n_names)
    return (
        np.flatnonzero(holds_unknown & (kept == 0)),
        np.flatnonzero(holds_unknown & (kept_folded == 0)),
    )


def unknown_hints(
    chars, known, *, strip_accents, what, emptied=None, lowercase=True, kept=()
):
    """The settings that let names with the unknown ``chars`` through, but
    the alphabet (``lowercase``, ``strip_accents``, ``handle_unknown``), as
    parameters.

    Parameters
    ----------
    chars : list of str
        The unknown symbols.
    known : str or list of str
        The symbols of the vocabulary.
    strip_accents : str or None
        The transformer's.
    what : str
        ``"names"``, or what else holds them (a prefix: no setting drops).
    emptied : tuple of (int, int), optional
        How many names ``handle_unknown="drop"`` would leave empty, alone and
        after folding accents (the sizes of :func:`names_left_empty`); None if
        not known (then each setting that helps some names is offered).
    lowercase : bool, default=True
        The transformer's: with False, capitals are unknown when only their
        lowercase letters are known, and lowercasing is what lets them through
        (dropping would remove them from the names).
    kept : collection of str, default=()
        Unknown symbols no dropping may remove: the first letters of names
        (``"é"`` of ``"émile"``, which dropping learns as ``"mile"``).

    Returns
    -------
    hints : list of str

    Examples
    --------
    >>> alphabet = "abcdefghijklmnopqrstuvwxyz"
    >>> unknown_hints(["ë"], alphabet, strip_accents=None, what="names")[0]
    "strip_accents='unicode' to fold accented letters ('ë' -> 'e')"
    >>> unknown_hints(["ë", "и"], alphabet, strip_accents=None, what="names",
    ...               emptied=(0, 0))  # doctest: +NORMALIZE_WHITESPACE
    ["handle_unknown='drop' to remove unknown characters (and
      strip_accents='unicode' to fold accented letters ('ë' -> 'e') rather than
      remove them)"]
    >>> unknown_hints(["ë", "и"], alphabet, strip_accents=None, what="names",
    ...               emptied=(1, 0))  # doctest: +NORMALIZE_WHITESPACE
    ["strip_accents='unicode' to fold accented letters ('ë' -> 'e') and
      handle_unknown='drop' to remove the other unknown characters"]
    >>> unknown_hints(["E", "O"], alphabet, strip_accents=None, what="names",
    ...               emptied=(0, 0), lowercase=False)
    ["lowercase=True to lowercase capitals ('E' -> 'e', 'O' -> 'o')"]
    >>> unknown_hints(["é"], alphabet, strip_accents=None, what="names",
    ...               emptied=(0, 0), kept={"é"})  # of "émile": not "mile"
    ["strip_accents='unicode' to fold accented letters ('é' -> 'e')"]
    """
    lowered = {} if lowercase else {c: lower_text(c) for c in chars}
    lowered = {c: low for c, low in lowered.items() if low != c}
    if _helps(lowered, known, strip_accents):
        return _lowercase_hints(
            chars, known, lowered, strip_accents, what, emptied, kept
        )
    # Compatibility forms alone (ligatures...): compatibility_note names the fold.
    alone = all(map(_is_compatibility, chars))
    folds = latin_folds(chars, known) if strip_accents is None and not alone else []
    others, kept = set(chars) - {old for old, _ in folds}, set(kept)
    dropping = emptied is None or not emptied[0]
    drop = what == "names" and dropping and not set(chars) & kept
    if not folds:  # not Arabic "أ": it stays Arabic
        return [_DROP] if drop else []
    fold = f"strip_accents='unicode' to fold {_folded_kinds(folds)} ({_told(folds)})"
    if not others or emptied is None:
        return [fold, _DROP] if drop else [fold]
    if what != "names" or emptied[1] or others & kept:
        return [_DROP] if drop else []
    if drop:  # dropping works alone, and folding first keeps the letters it folds
        return [f"{_DROP} (and {fold} rather than remove them)"]
    return [f"{fold} and {_OTHER}"]


def _folded_kinds(folds):
    """What the ``(old, new)`` ``folds`` fold, in words: accented letters,
    ligatures (``"ﬁ"``), other forms of letters (the long ``"ſ"``).

    Examples
    --------
    >>> _folded_kinds([("é", "e"), ("ﬁ", "fi")])
    'accented letters and ligatures'
    >>> _folded_kinds([("i\u0307", "i")])  # one symbol of two code points
    'accented letters'
    """
    kinds = {
        "ligatures" if "LIGATURE" in _name(old) else "other forms"
        if _is_compatibility(old) else "accented letters"
        for old, _ in folds
    }  # fmt: skip
    order = ["accented letters", "ligatures", "other forms"]
    words = [kind for kind in order if kind in kinds]
    if words[-1] == "other forms":  # "accented letters and other forms of letters"
        words[-1] += " of letters"
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def _name(symbol):
    """The Unicode name of a one-character ``symbol``; ``""`` for a symbol
    of several (a letter with a mark that has no composed form: ``"i̇"``)."""
    return unicodedata.name(symbol, "") if len(symbol) == 1 else ""


def _told(changes):
    """The first ``(old, new)`` ``changes`` as ``'É' -> 'é'``, and how many
    more there are."""
    told = [f"{quoted(old)} -> {quoted(new)}" for old, new in changes[:MAX_REPORTED]]
    return and_more(told, len(changes))


_DROP = "handle_unknown='drop' to remove unknown characters"
# Dropping what another setting leaves unknown (folding, lowercasing).
_OTHER = "handle_unknown='drop' to remove the other unknown characters"


def _helps(lowered, known, strip_accents):
    """Whether lowercasing makes some capital a known symbol, or (accents not
    yet stripped) one that ``strip_accents="unicode"`` folds into a known one:
    ``"É"`` of ``"Émile"``. The capitals of another script stay unknown."""
    new = set(lowered.values())
    if new & set(known):
        return True
    return strip_accents is None and bool(latin_folds(new, known))


def _lowercase_hints(chars, known, lowered, strip_accents, what, emptied, kept):
    """The hints of :func:`unknown_hints` for a transformer that keeps case,
    when some unknown ``chars`` are capitals (``lowered``: each with its
    lowercase): lowercasing first, then what the symbols it leaves unknown
    need. Dropping alone is not offered: it would remove the capitals (the
    first letter of a capitalised name) as well, nor dropping a capital that
    lowercasing leaves unknown (``"É"`` of ``"Émile"``: ``"mile"``). ``emptied``
    counts names emptied without lowercasing, at least as many as with it."""
    lower = f"lowercase=True to lowercase capitals ({_told(list(lowered.items()))})"
    left = sorted({lower_text(c) for c in chars} - set(known))
    if not left:
        return [lower]
    kept = {lower_text(c) for c in kept} | set(lowered.values())
    rest = unknown_hints(
        left, known, strip_accents=strip_accents, what=what, emptied=emptied,
        kept=kept,
    )  # fmt: skip
    # One hint, lowercasing said once: "lowercase=True ... and A or B".
    rest = " or ".join(hint.replace(_DROP, _OTHER) for hint in rest)
    return [f"{lower} and {rest}"] if rest else []


def drop_refused(n_emptied, shown):
    """Why ``handle_unknown="drop"`` is not offered: the ``n_emptied`` names
    it would leave empty, of which the first ``MAX_REPORTED`` are ``shown``
    (placed: ``names[2]='иван'``).

    Examples
    --------
    >>> print(drop_refused(1, "names[2]='иван'"))  # doctest: +NORMALIZE_WHITESPACE
    handle_unknown='drop' would not do: it would leave 1 name without any
    character of the vocabulary (names[2]='иван'), which can be neither learned
    nor scored.
    """
    more = n_emptied - MAX_REPORTED
    return (
        "handle_unknown='drop' would not do: it would leave "
        f"{counted(n_emptied, 'name')} without any character of the vocabulary ({shown}"
        + (f" and {more:,} more" if more > 0 else "")
        + "), which can be neither learned nor scored."
    )


class DroppedNamesError(PlacedNamesError):
    """Names ``handle_unknown="drop"`` leaves without any character, refused.

    Parameters
    ----------
    names : list of str
        The names, as given (the first of them at least: those shown).
    places : list of str
        Where the names shown are (``"names[3]"``).
    alphabet_hint : str
        The alphabet to pass so that their characters are known.
    fitting : bool
        Whether the advice is for this fit, or for training again.
    again : str, default=TRAIN_AGAIN
        How the advice for training again begins (not ``fitting``).
    n_names : int or None, default=None
        How many names are left empty; None: ``len(names)``.
    positions : list of int or None, default=None
        The position of each of ``names`` in the list checked.
    note : str, default=""
        A closing sentence, its space before it included (such as
        the transformer's note on the folds of a search).

    Examples
    --------
    >>> error = DroppedNamesError(["иван"], ["names[2]"], "alphabet='auto'",
    ...                           fitting=True, n_names=7)
    >>> print(error)  # doctest: +NORMALIZE_WHITESPACE
    handle_unknown='drop' leaves 7 names without any character of the
    vocabulary: names[2]='иван' and 6 more. Such a name can be neither learned
    nor scored; remove it, or pass alphabet='auto'.
    """

    check_order = 2  # when the names are encoded, after the vocabulary is fixed

    def __init__(
        self, names, places, alphabet_hint, *, fitting, again=TRAIN_AGAIN,
        n_names=None, positions=None, note="",
    ):  # fmt: skip
        self.alphabet_hint, self.fitting, self.again = alphabet_hint, fitting, again
        self.note = note
        super().__init__(names, places, n_names=n_names, positions=positions)

    def advising(self, again):
        """The same error, its advice for training again begun by ``again``.

        Parameters
        ----------
        again : str
            Such as :data:`TRAIN_A_NEW_MODEL`.

        Returns
        -------
        error : DroppedNamesError
        """
        return remade(type(self), {**vars(self), "again": again})

    def message(self):
        """The message, made from the attributes."""
        more = self.n_names - len(self.places)
        return (
            f"handle_unknown='drop' leaves {counted(self.n_names, 'name')} without "
            f"any character of the vocabulary: {self.shown()}"
            + (f" and {more:,} more" if more > 0 else "")
            + ". Such a name can be neither learned nor scored; remove it, or "
            + ("pass " if self.fitting else self.again)
            + f"{self.alphabet_hint}.{self.note}"
        )


def compatibility_note(chars, what, fitting, again=TRAIN_AGAIN):
    """The note on unknown ``chars`` that are all compatibility forms of other
    characters (Arabic presentation forms, ligatures, full-width punctuation,
    half-width kana),
    which ``strip_accents="unicode"`` folds into the ordinary ones; else "".

    Parameters
    ----------
    chars : list of str
    what : str
        ``"names"``, or what else holds them (a typed prefix).
    fitting : bool
        Whether the advice is for this fit, or for training again.
    again : str, default=TRAIN_AGAIN
        How the advice for training again begins (not ``fitting``).

    Examples
    --------
    >>> compatibility_note(["ﬁ"], "names", True).split(":")[0]  # a ligature
    '. They are all compatibility forms of other characters (presentation \
forms, ligatures, full-width punctuation, half-width kana), which NFC keeps'
    >>> compatibility_note(["ë"], "names", True)
    ''
    """
    if not all(map(_is_compatibility, chars)):
        return ""
    return (
        ". They are all compatibility forms of other characters "
        "(presentation forms, ligatures, full-width punctuation, half-width "
        "kana), which NFC "
        "keeps: " + ("pass " if fitting else again)
        + "strip_accents='unicode' to fold them into the ordinary ones (it "
        "also removes accents and vowel marks), or "
        + ("give the names in ordinary characters (re-export the file)"
           if what == "names" else "type them as ordinary characters")
    )  # fmt: skip


def _is_compatibility(symbol):
    """Whether a symbol is one character with a compatibility decomposition
    (an Arabic presentation form, a ligature, full-width punctuation)."""
    return len(symbol) == 1 and unicodedata.decomposition(symbol).startswith("<")
