"""The error of a label a model of names by label does not know, with the
known label it is likely meant for: one that differs only in case, spaces at
either end or how its accents are encoded, else the one closest to it (a
typo). Its command-line spelling is :func:`sknextchar.cli._errors.cli_spelling`'s.

A label as typed alike (:func:`label_key`: NFC, no spaces at either end) is
what both this error and the warning on labels written in several ways
(:func:`label_spellings_note`, warned of at fit) compare.
"""

import unicodedata

from ._shown_paths import close_word
from ._words import counted

__all__ = ["label_key", "label_spellings_note", "unknown_label_error"]


def unknown_label_error(label, known):
    """The error for a label a model of names by label does not know.

    Parameters
    ----------
    label : object
        The label given.
    known : list
        The labels of the model (those of the ``y`` of its fit).

    Returns
    -------
    error : ValueError
        It names the one of ``known`` that differs from ``label`` only in
        case (or spaces at either end, or how an accent is encoded:
        :func:`_case_variant`), else the one closest to it (a typo,
        ``'femal'``); else it lists ``known``, and the one that has the same
        text as ``label`` (``'1'`` for ``1``).

    Examples
    --------
    >>> print(unknown_label_error(1, ["1", "2"]))
    Unknown label 1: pass one of ['1', '2'] ('1', not 1: a label's type counts).
    >>> print(unknown_label_error("f", ["F", "M"]))
    Unknown label 'f': did you mean 'F'?
    >>> print(unknown_label_error("femal", ["female", "male"]))
    Unknown label 'femal': did you mean 'female'?
    >>> print(unknown_label_error("x", ["female", "male"]))
    Unknown label 'x': pass one of ['female', 'male'].
    """
    same_text = [value for value in known if str(value) == str(label)]
    # 'F' for 'f'; else a typo's: 'female' for 'femal'
    near = None if same_text else _case_variant(label, known) or _typo_of(label, known)
    shown = ascii if near is not None and _encoded_apart(near, label) else repr
    if near is not None:  # what to pass, in one look
        guess = f": did you mean {shown(near)}?" + _encoding_words(near, label)
        return ValueError(f"Unknown label {shown(label)}{guess}")
    hint = ""
    if same_text:
        hint = f" ({same_text[0]!r}, not {label!r}: a label's type counts)"
    return ValueError(f"Unknown label {shown(label)}: pass one of {known!r}{hint}.")


def _encoded_apart(label, typed):
    """Whether ``label`` and ``typed`` (str) encode their accents unalike,
    one composed (``ç``), the other decomposed (``c`` and a combining mark)."""
    return any(unicodedata.normalize("NFC", text) != text for text in (label, typed))


def _encoding_words(label, typed):
    """What :func:`unknown_label_error` adds when the near ``label`` encodes
    its accents otherwise than ``typed``: the two look alike on a screen."""
    if not _encoded_apart(label, typed):
        return ""
    if unicodedata.normalize("NFC", label) != label:
        form, how = "NFD", "decomposed (a letter, then a combining mark, as files"
        how += " saved on macOS hold them)"
    else:
        form, how = "NFC", "composed (one character per accented letter)"
    return (
        f" Its accents are {how}, which the screen does not show: pass "
        f"unicodedata.normalize({form!r}, label)."
    )


def _case_variant(value, choices):
    """The one choice that a value equals with case ignored, or None.

    A label typed ``f`` for a model of the labels ``F`` and ``M`` is likely
    ``F``; the message of the unknown value can say so. Spaces at either end
    and how accents are encoded (:func:`label_key`) are ignored too: a label
    typed ``"Française"`` is the ``"Franc\u0327aise"`` of a file saved on
    macOS.

    Parameters
    ----------
    value : object
        A value that is none of the choices.
    choices : iterable
        The known values.

    Returns
    -------
    choice : str or None
        The only string choice equal to ``value`` after ``str.casefold``; None
        when ``value`` is no string, or when none or several are.

    Examples
    --------
    >>> _case_variant("f", ["F", "M"])
    'F'
    >>> _case_variant("x", ["F", "M"]) is None
    True
    """
    if not isinstance(value, str):
        return None
    texts = [choice for choice in choices if isinstance(choice, str)]
    for key in (str.casefold, lambda text: label_key(text).casefold()):
        found = [choice for choice in texts if key(choice) == key(value)]
        if found:  # in case alone first: "f" is "F" of "F", "F " and "M"
            return found[0] if len(found) == 1 else None
    return None


def _typo_of(value, choices):
    """The string choice closest to ``value`` (:func:`close_word`, case and
    spaces at either end aside), or None: none is close, or two are as close."""
    if not isinstance(value, str):
        return None
    texts = [choice for choice in choices if isinstance(choice, str)]
    return close_word(value, texts, lambda text: label_key(text).casefold())


def label_key(label):
    """A label (a str) as typed alike: in NFC, without spaces at either end.

    Examples
    --------
    >>> label_key("Franc\u0327aise ") == "Fran\xe7aise"
    True
    """
    return unicodedata.normalize("NFC", label).strip()


def label_spellings_note(labels, argument="y"):
    """The warning on labels that are one label written in several ways, or ''.

    Labels that differ only in spaces at either end (``"F "``, from a
    spreadsheet's cell) or in how their accents are encoded (``"Française"``
    typed, and decomposed, ``"c"`` and a combining cedilla, as files saved on
    macOS hold it) look alike, but each is learned as a label of its own.

    Parameters
    ----------
    labels : iterable
        The distinct labels (those that are no string are left out).
    argument : str, default="y"
        What the labels were given as, for the message.

    Returns
    -------
    note : str

    Examples
    --------
    >>> print(label_spellings_note(["F", "F ", "M"]))  # doctest: +ELLIPSIS
    y holds labels that look alike but differ in spaces at either end or in how
    their accents are encoded ('F' and 'F '), so each is learned as a label of its
    own. If they are one label, write them alike ... before fitting.
    >>> label_spellings_note(["F", "f", "M"])
    ''
    """
    spellings = {}
    for label in labels:
        if isinstance(label, str):
            spellings.setdefault(label_key(label), []).append(label)
    twins = [found for found in spellings.values() if len(found) > 1]
    if not twins:
        return ""
    shown = "; ".join(" and ".join(map(_label_shown, found)) for found in twins[:3])
    if len(twins) > 3:  # hundreds of them: a spreadsheet's column of "x "
        shown += f"; and {counted(len(twins) - 3, 'more such set')}"
    return (
        f"{argument} holds labels that look alike but differ in spaces at either "
        f"end or in how their accents are encoded ({shown}), so each is learned as "
        "a label of its own. If they are one label, write them alike (e.g. "
        "[unicodedata.normalize('NFC', label).strip() for label in labels], or "
        "series.str.strip().str.normalize('NFC') with pandas) before fitting."
    )


def _label_shown(label):
    """A label as a message quotes it: its escapes when it holds more than
    ASCII, so that a composed and a decomposed accent differ on the screen."""
    return repr(label) if label.isascii() else ascii(label)
