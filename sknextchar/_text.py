"""Text normalisation and segmentation of names into symbols.

Names are normalised the way scikit-learn's text vectorizers preprocess documents
(``sklearn.feature_extraction.text.CountVectorizer``): Unicode NFC first, so
that composed and decomposed input are one string, then ``lowercase``, then the
optional ``strip_accents`` with scikit-learn's own functions, then NFC again.

A name is then cut into symbols: single code points (``unit="char"``), or
user-perceived characters, extended grapheme clusters (``unit="grapheme"``): a
base letter with the combining marks that follow it, so that a vowel sign of
Devanagari or a combining accent is never a symbol of its own. The standard
library does not segment grapheme clusters; the ``regex`` package does (``\\X``).
"""

import unicodedata

# Up to this many offending names are quoted in a message.
MAX_REPORTED = 5

UNITS = ("char", "grapheme")

# Categories whose characters are invisible or cannot stand alone: messages add
# their Unicode name (a byte-order mark, a zero-width joiner, a combining accent).
_NAMED = {"Mn", "Mc", "Me", "Cf"}

# Categories a terminal draws in no column of their own: nonspacing and
# enclosing marks (whatever their combining class: most vowel signs of Indic
# scripts have class 0) and format characters.
_ZERO_WIDTH = {"Mn", "Me", "Cf"}


# Invisible characters that carry no letter of a name: a byte-order mark (often
# left at the start of a line by joining files), a zero-width space, a word
# joiner, a soft hyphen, and the bidirectional marks, embeddings and isolates
# that text copied from web pages and word processors carries. The zero-width
# joiner and non-joiner are kept: they spell words of Persian and Indic scripts.
_INVISIBLE = dict.fromkeys(
    map(ord, "\ufeff\u200b\u2060\u00ad\u200e\u200f\u061c"
             "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)  # fmt: skip


def normalize_text(text, *, lowercase=True, strip_accents=None):
    """One name as the model sees it.

    Parameters
    ----------
    text : str
        The name as the user wrote it.
    lowercase : bool, default=True
        Lowercase it (after NFC; ``"İ"``, the Turkish capital, becomes ``"i"``).
    strip_accents : {None, "ascii", "unicode"}, default=None
        Remove accents as ``CountVectorizer`` (``sklearn.feature_extraction.text``)
        does: ``"ascii"`` keeps only what has an ASCII equivalent (other
        characters are removed), ``"unicode"`` removes the combining marks of
        the compatibility decomposition (NFKD).

    Returns
    -------
    text : str
        In NFC, without the invisible characters that are no letter of a name
        (a byte-order mark, a zero-width space, a soft hyphen, bidirectional
        marks; the zero-width joiner and non-joiner stay).

    Examples
    --------
    >>> normalize_text("Jose\\u0301") == normalize_text("Jos\\u00e9") == "jos\\u00e9"
    True
    >>> normalize_text("Zoë", strip_accents="unicode")
    'zoe'
    >>> normalize_text("Ángel", lowercase=False, strip_accents="ascii")
    'Angel'
    >>> normalize_text("İpek")
    'ipek'
    >>> normalize_text("\ufeffAsha\u200e")  # a byte-order mark, a direction mark
    'asha'
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    if lowercase:
        # The Turkish capital İ lowercases to i, as in Turkish, not to Python's
        # locale-free i plus a combining dot above (a dotted i with a second dot).
        text = text.replace("\u0130", "i").lower()
    if strip_accents is None or text.isascii():
        return text
    from sklearn.feature_extraction.text import (
        strip_accents_ascii,
        strip_accents_unicode,
    )

    fold = strip_accents_ascii if strip_accents == "ascii" else strip_accents_unicode
    return unicodedata.normalize("NFC", fold(text))


def graphemes(text):
    """The extended grapheme clusters of ``text`` (user-perceived characters).

    Parameters
    ----------
    text : str

    Returns
    -------
    clusters : list of str
        Their concatenation is ``text``.

    Examples
    --------
    >>> graphemes("राहुल")
    ['रा', 'हु', 'ल']
    >>> [len(c) for c in graphemes("Zoe\\u0308")]  # e and its diaeresis: one
    [1, 1, 2]
    """
    return _grapheme_pattern().findall(text)


def _grapheme_pattern():
    try:
        import regex
    except ImportError as exc:  # a dependency; only a broken install lacks it
        raise ImportError(
            "unit='grapheme' (the default with alphabet='auto') needs the 'regex' "
            "package to find user-perceived characters: pip install regex",
            name="regex",
        ) from exc
    return regex.compile(r"\X")


def split_symbols(text, unit):
    """The symbols of ``text``: code points or grapheme clusters.

    Parameters
    ----------
    text : str
    unit : {"char", "grapheme"}

    Returns
    -------
    symbols : list of str

    Examples
    --------
    >>> split_symbols("ab", "char"), split_symbols("e\\u0301a", "grapheme")
    (['a', 'b'], ['e\\u0301', 'a'])
    """
    return list(text) if unit == "char" else graphemes(text)


def describe_symbol(symbol):
    """A symbol as messages quote it, readable when it is hard to see.

    A lone mark, an invisible character or a space other than the ASCII
    space gets its Unicode name; a symbol of several code points (a grapheme
    cluster: a letter with marks, a conjunct) gets its code points, which
    tell apart clusters that look alike.

    Examples
    --------
    >>> describe_symbol("a"), describe_symbol("\\u0301")
    ("'a'", "'\\u0301' (COMBINING ACUTE ACCENT)")
    >>> print(describe_symbol("\\xa0"), describe_symbol("i\\u0307"))
    '\\xa0' (NO-BREAK SPACE) 'i̇' (U+0069 U+0307)
    """
    if len(symbol) > 1:
        return f"{symbol!r} ({' '.join(f'U+{ord(c):04X}' for c in symbol)})"
    category = unicodedata.category(symbol)
    if category in _NAMED or (category == "Zs" and symbol != " "):
        name = unicodedata.name(symbol, f"U+{ord(symbol):04X}")
        return f"{symbol!r} ({name})"
    return repr(symbol)


def starts_with_mark(text):
    """Whether ``text`` starts with a combining mark (cannot stand alone).

    Examples
    --------
    >>> starts_with_mark("\\u0941ल"), starts_with_mark("हु")
    (True, False)
    """
    return bool(text) and unicodedata.category(text[0]).startswith("M")


def display_width(text):
    """The columns ``text`` takes on a terminal, for aligning tables.

    A wide character (CJK, most emoji) takes two columns, a nonspacing or
    enclosing mark or a format character none, any other one (as the C
    library's ``wcwidth`` counts them, so a spacing vowel sign of Devanagari
    takes one).

    Parameters
    ----------
    text : str

    Returns
    -------
    width : int

    Examples
    --------
    >>> display_width("asha"), display_width("李娜"), display_width("Jose\\u0301")
    (4, 4, 4)
    >>> display_width("राहुल")  # the vowel sign u is a mark of class 0: no column
    4
    """
    return sum(
        0
        if unicodedata.category(c) in _ZERO_WIDTH
        else 2
        if unicodedata.east_asian_width(c) in {"W", "F"}
        else 1
        for c in text
    )


def pad_right(text, width):
    """``text`` followed by spaces up to ``width`` terminal columns.

    Examples
    --------
    >>> pad_right("李娜", 6) + "|"
    '李娜  |'
    """
    return text + " " * max(0, width - display_width(text))
