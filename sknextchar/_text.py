"""Text of names: how they are read, cut into symbols and told.

What this module holds:

- **Normalisation** (:func:`normalize_text`, :func:`normalize_texts`): names
  are normalised the way scikit-learn's text vectorizers preprocess documents
  (``sklearn.feature_extraction.text.CountVectorizer``): Unicode NFC first, so
  that composed and decomposed input are one string, then ``lowercase``, then
  the optional ``strip_accents`` with scikit-learn's own functions, then NFC
  again. Invisible characters (a byte-order mark, direction marks, the Arabic
  tatweel) are removed, spaces of other widths read as the space (written as
  a model's vocabulary holds it: :func:`spell_spaces`). The line breaks and
  control characters that no name may hold (:data:`LINE_BREAKS`,
  :data:`CONTROL`) are named for the checks of names; the final forms of
  Greek and Hebrew letters are spelled or folded (:func:`spell_final_forms`,
  :func:`fold_final_forms`), letters spelled the old way, with a joiner, are
  written as their letters (:func:`spell_old_letters`); a prefix keeps a
  joiner at its end.
- **Segmentation** (:func:`split_symbols`, :func:`graphemes`): a name is cut
  into symbols: single code points (``unit="char"``), or user-perceived
  characters, extended grapheme clusters (``unit="grapheme"``): a base letter
  with the combining marks that follow it, so that a vowel sign of Devanagari
  or a combining accent is never a symbol of its own. The standard library
  does not segment grapheme clusters; the ``regex`` package does (``\\X``).
- **The kind of a symbol** (:func:`symbol_kind`, :func:`letter_script`): its
  script and case, or a separator of its own, for the spelling of generated
  names.
- **Symbols in messages**: a symbol shown readably (:func:`describe_symbol`;
  its code points, :func:`code_points`; a character not shown,
  :func:`code_point_name`), the known characters that unknown ones look like
  (:func:`look_alikes`; the note a message adds with them is
  ``_symbol_notes``'s).
- **Widths of tables**: terminal widths and padding (:func:`display_width`,
  :func:`pad_right`).

The English words of messages (counts, lists, quoting) are ``_words``'s. It
imports nothing of the package: every layer above reads names through it.
"""

import functools
import itertools
import re
import unicodedata

# In a search or a cross-validation, each fold's model learns the alphabet of its
# own training names, and scikit-learn turns the error on a held-out name it
# lacks into a warning and a score of nan (a grid of them picks its first
# candidate): the closing sentence of that error says why, and the way out
# (ContextWindowTransformer.with_learned_alphabet). The command line, which
# runs no folds, leaves it out of its messages (its error reporting imports no
# NumPy, hence this module).
FOLD_ALPHABET_NOTE = (
    " In a cross-validation or a search, each fold learns the alphabet of its own "
    "training names only: fit the ContextWindowTransformer on all the names, and "
    "give the pipeline its with_learned_alphabet(), a copy that keeps that alphabet."
)
# The same for a given alphabet (written by hand, or a with_learned_alphabet()
# copy learned from part of the names): said as a condition, since a model that
# ran no fold (a calibrated NameLabelClassifier predicting) fails so on new letters.
FOLD_GIVEN_NOTE = (
    " If a fold of a cross-validation or a search fails so, the alphabet lacks "
    "letters of the names it holds out (and alphabet='auto' would learn those of "
    "each fold's training names only): give the pipeline the "
    "with_learned_alphabet() of a ContextWindowTransformer fitted on all the names."
)


UNITS = ("char", "grapheme")

# Categories whose characters are invisible or cannot stand alone: messages add
# their Unicode name (a byte-order mark, a zero-width joiner, a combining accent,
# a line break, a line separator).
_NAMED = {"Mn", "Mc", "Me", "Cf", "Cc", "Zl", "Zp"}
# Control characters have no Unicode name: their names in the Unicode Standard's
# aliases, for those that names and files meet; their code point for others.
# NUL is its short alias, as every message of the package says it.
_CONTROLS = dict(zip("\x00\t\n\x0b\x0c\r\x1b\x7f\x85", (
    "NUL", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED",
    "CARRIAGE RETURN", "ESCAPE", "DELETE", "NEXT LINE")))  # fmt: skip

# Categories a terminal draws in no column of their own: nonspacing and
# enclosing marks (whatever their combining class: most vowel signs of Indic
# scripts have class 0) and format characters.
_ZERO_WIDTH = {"Mn", "Me", "Cf"}


# Characters that carry no letter of a name: a byte-order mark (often left at
# the start of a line by joining files), a zero-width space, a word joiner, a
# soft hyphen, the bidirectional marks, embeddings and isolates that text
# copied from web pages and word processors carries, and the Arabic tatweel
# (U+0640), a stretch of the line between two letters that justified text and
# calligraphy put in, with no sound: جميـلة is جميلة. The zero-width joiner and
# non-joiner are kept: they spell words of Persian and Indic scripts. A model
# saved before the tatweel was removed, which learned it, keeps it (see
# holds_tatweel).
_INVISIBLE = dict.fromkeys(
    map(ord, "\ufeff\u200b\u2060\u00ad\u200e\u200f\u061c"
             "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
             "\u0640")
)  # fmt: skip

# The spaces of other widths, whose compatibility decomposition is the space
# (Unicode's space separators, category Zs, but U+1680, Ogham's visible word
# mark): the no-break space, the en and em quads and spaces, the figure,
# punctuation, thin and hair spaces, the narrow no-break space, the medium
# mathematical space and the ideographic space. Word processors and web pages
# put them between the words of a name; they read as the space, one letter, as
# the user sees one. (Tabs and line breaks are no space separators.)
SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)

# The characters at which str.splitlines splits (a test compares them): no
# name holds one, and a line of a file is never longer than a piece between two.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# The control characters (Unicode category Cc) that no name holds: all of C0
# and C1 and DEL but the tab, which is whitespace a line of a file may hold (the
# line breaks among them have their own message). NUL comes from binary data or
# text decoded with the wrong encoding, C1 (U+0080 to U+009F) from a code page
# read as Latin-1; the file loaders refuse those two with advice about encodings.
CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")

# What normalize_text removes or replaces, in one str.translate table.
_READ_AS = {**_INVISIBLE, **dict.fromkeys(map(ord, SPACES), " ")}

TATWEEL = "\u0640"

# The full-width digits and Latin letters (U+FF10 to U+FF5A) that CJK input
# methods type ("Ａｓｈａ"): the ASCII ones in another width, as NFKC folds
# them; the other full-width and half-width forms (kana, punctuation) stay.
FULL_WIDTH = {
    code: chr(code - 0xFEE0)
    for code in range(0xFF10, 0xFF5B)
    if unicodedata.category(chr(code)) in ("Nd", "Lu", "Ll")
}

# The table of each (keep_spaces, keep_tatweel, keep_full_width).
_TABLES = {
    keeps: {
        code: to
        for code, to in ((_INVISIBLE if keeps[0] else _READ_AS) | FULL_WIDTH).items()
        if not (keeps[1] and code == ord(TATWEEL) or keeps[2] and code in FULL_WIDTH)
    }
    for keeps in itertools.product((False, True), repeat=3)
}

_LEFT_TO_RIGHT_MARK = "\u200e"

# The zero-width non-joiner and joiner act between two letters: at either end
# of a name they do nothing, and a model that learned them there would end
# names with an invisible character. A prefix keeps the one at its end: the
# letter after it, still to come, is the one it acts on.
_JOINERS = "\u200c\u200d"

# Latin, Greek and Cyrillic join no letters and choose no letter's form by a
# variation selector (U+FE00 to U+FE0F; the emoji form, U+FE0F, is for
# symbols, digits and "ℹ", which are of no script): a joiner or selector after
# one of their letters (and its marks) does nothing, nor one at a word's edge
# (the start, after a space, a hyphen or an apostrophe). Text copied from
# chats and web pages leaves them behind, the emoji they belonged to deleted
# ("Lily\ufe0f", "Lily \ufe0f"); kept, the letter (or space) before them
# would be a symbol of its own, "Lily" unknown to a model that learned
# "Lily\ufe0f", which looks the same.
_IDLE_MARKS = _JOINERS + "".join(map(chr, range(0xFE00, 0xFE10)))
_IDLE_MARK_SET = frozenset(_IDLE_MARKS)

# Letters written before they had code points of their own as a consonant,
# the virama and a zero-width joiner (the Unicode Standard's Malayalam and
# Bengali sections list the old sequences): the Malayalam chillus, a
# consonant with no vowel (Unicode 5.1, U+0D7A to U+0D7F: ൺ ൻ ർ ൽ ൾ ൿ), and
# the Bengali khanda ta (Unicode 4.1, U+09CE: ৎ). Text typed with older
# keyboards and fonts still holds them ("അവന്\u200d" is "അവൻ", he). Read as
# the one letter: the two spellings are one name, and the joiner at the end of
# a name, which joins nothing else, does not change the letter before it
# ("അവന്", the consonant with the virama shown, is another word).
OLD_SPELLINGS = {
    **{
        consonant + "\u0d4d\u200d": chillu
        for consonant, chillu in zip(
            "\u0d23\u0d28\u0d30\u0d32\u0d33\u0d15",
            "\u0d7a\u0d7b\u0d7c\u0d7d\u0d7e\u0d7f",
        )
    },
    "\u09a4\u09cd\u200d": "\u09ce",
}

# A word's edge inside a name, as a ``regex`` class: a space, a hyphen or
# dash, an apostrophe. A combining mark after it belongs to no letter.
WORD_EDGE = r"[\s\p{Pd}'\u2019]"

# Letters written in another form at the end of a word, each form a code point
# of its own: one letter in two forms, which models learn as the plain form
# (fold_final_forms) and names write in the final form where a word ends
# (spell_final_forms). Each row: the final forms, their plain forms, and the
# script's rule of a word's end as what must stand before the letter and what
# must not follow it, across the ignorable characters in between. Greek sigma
# (ς, σ): Unicode's Final_Sigma casing rule, after a cased letter and before
# none, ignoring marks and apostrophes. Hebrew kaf, mem, nun, pe, tsadi
# (ך ם ן ף ץ; כ מ נ פ צ): after a letter and before none, ignoring points, a
# geresh or gershayim, an apostrophe or quote (סנדוויץ', רמב"ם). Other scripts
# shape letters by position in the font, with one code point per letter;
# Arabic's presentation forms are compatibility characters (see normalize_text).
FINAL_FORMS = (
    ("\u03c2", "\u03c3", r"\p{Cased}", r"\p{Case_Ignorable}", r"\p{Cased}"),
    (
        "\u05da\u05dd\u05df\u05e3\u05e5",
        "\u05db\u05de\u05e0\u05e4\u05e6",
        r"\p{L}",
        r"[\p{Case_Ignorable}\u05f3\"]",
        r"\p{L}",
    ),
)
_PLAIN_OF = {
    final: plain
    for finals, plains, *_ in FINAL_FORMS
    for final, plain in zip(finals, plains, strict=True)
}
_FINAL_OF = {plain: final for final, plain in _PLAIN_OF.items()}
_FOLD_ALL = str.maketrans(_PLAIN_OF)
_TWO_FORMS = frozenset(_PLAIN_OF) | frozenset(_FINAL_OF)


def without_invisible(text):
    """``text`` without the invisible characters no model reads.

    The byte-order mark, zero-width space, word joiner, soft hyphen,
    bidirectional marks and the tatweel that :func:`normalize_text` removes
    (with the same table), and nothing else: no case, form or space changed.

    Examples
    --------
    >>> without_invisible("\u200fMee\u00adna ")
    'Meena '
    """
    return text.translate(_TABLES[True, False, True])


def lower_text(text):
    """``text`` in lowercase as names are lowercased: the Turkish capital
    ``"İ"`` becomes ``"i"``, as in Turkish, not Python's locale-free ``"i"``
    plus a combining dot above (a dotted i with a second dot, two code points).

    Examples
    --------
    >>> lower_text("İpek"), len(lower_text("İ")), len("İ".lower())
    ('ipek', 1, 2)
    """
    return text.replace("\u0130", "i").lower()


def normalize_text(
    text,
    *,
    lowercase=True,
    strip_accents=None,
    keep_spaces=False,
    prefix=False,
    keep_tatweel=False,
    keep_idle_marks=False,
    keep_old_spellings=False,
    keep_full_width=False,
):
    """One name (or the beginning of one) as the model sees it.

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
    keep_spaces : bool, default=False
        Keep the other spaces (:data:`SPACES`) as they are instead of writing
        them ``" "``: for a vocabulary that holds several spaces
        (:func:`several_spaces`).
    prefix : bool, default=False
        Read ``text`` as the beginning of a name, which goes on after it: a
        zero-width joiner or non-joiner at its end stays (it joins its last
        letter to the next one), and its last letter keeps the form it has
        inside a word (``"מיכ"``, not ``"מיך"``). As in a whole name, one at
        its start goes.
    keep_tatweel : bool, default=False
        Keep the Arabic tatweel (:data:`TATWEEL`) instead of removing it: for
        a vocabulary that holds it (:func:`holds_tatweel`), learned by a model
        saved before it was removed.
    keep_idle_marks : bool, default=False
        Keep the joiners and variation selectors that do nothing (after a
        Latin, Greek or Cyrillic letter, at a word's edge) instead of removing
        them: for a vocabulary that holds them (:func:`holds_idle_marks`),
        learned by a model saved before they were removed.
    keep_old_spellings : bool, default=False
        Keep a letter spelled the old way, a consonant, the virama and a
        zero-width joiner (:data:`OLD_SPELLINGS`), as it is instead of writing
        it as its letter (its joiner goes at the end of the name): for a model
        saved before they were one letter, which reads names as it was trained.
    keep_full_width : bool, default=False
        Keep the full-width digits and Latin letters (:data:`FULL_WIDTH`) as
        they are instead of reading them as ASCII: for a vocabulary that holds
        them (:func:`holds_full_width`).

    Returns
    -------
    text : str
        In NFC, without the invisible characters that are no letter of a name
        (a byte-order mark, a zero-width space, a soft hyphen, bidirectional
        marks) and without the Arabic tatweel (``"ـ"``, a stretch of the line
        with no sound); the zero-width joiner and non-joiner stay between
        letters, and go at either end, where they join nothing (a prefix
        keeps the one at its end), and after a Latin, Greek or Cyrillic
        letter (with its marks), which they never join, or a space, a hyphen
        or an apostrophe; so does a variation selector there or at the start
        (``"Lily\\ufe0f"`` and ``"Lily \\ufe0f"`` are ``"lily"``; an emoji
        keeps its own: ``"❤\ufe0f"``); with a Greek sigma and
        the Hebrew letters of a final form in the form their place calls for
        (:func:`spell_final_forms`). The other spaces (a no-break space, a
        narrow or thin space, the ideographic space: :data:`SPACES`) are the
        space ``" "``, the full-width digits and Latin letters of CJK input
        methods their ASCII ones (``"Ａｓｈａ"`` is ``"asha"``; the other
        full-width and half-width forms stay). Other compatibility characters
        stay as they are (NFC, not NFKC): Arabic presentation forms (``"ﻣ"``,
        U+FEE3) are letters of their own unless ``strip_accents="unicode"``
        (NFKD) folds them, as it folds ``"ﬁ"`` to ``"fi"``.

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
    >>> normalize_text("Mary\u00a0Ann"), normalize_text("Anne\u202fMarie")
    ('mary ann', 'anne marie')
    >>> normalize_text("Ａｓｈａ２"), normalize_text("Ａｓｈａ", keep_full_width=True)
    ('asha2', 'ａｓｈａ')
    >>> normalize_text("ΝΊΚΟΣ"), normalize_text("Μαρία\u200c")  # final sigma; ZWNJ
    ('νίκος', 'μαρία')
    >>> normalize_text("Lily\ufe0f"), normalize_text("An\u200dna")  # left behind
    ('lily', 'anna')
    >>> normalize_text("അവന്\u200d") == "അവൻ"  # the chillu of Unicode 5.0
    True
    >>> normalize_text("\u200cعلی\u200c", prefix=True)  # the start of علی‌رضا
    'علی\u200c'
    >>> normalize_text("מיכ", prefix=True), normalize_text("מיכ")  # of מיכאל
    ('מיכ', 'מיך')
    """
    table = _TABLES[bool(keep_spaces), bool(keep_tatweel), bool(keep_full_width)]
    text = unicodedata.normalize("NFC", text).translate(table)
    if text.isascii():  # nothing to strip, fold or spell
        return text.lower() if lowercase else text
    if not keep_old_spellings and "\u200d" in text:
        text = spell_old_letters(text)
    if not (keep_idle_marks or _IDLE_MARK_SET.isdisjoint(text)):
        text = _idle_marks_pattern().sub("", text)
    text = text.lstrip(_JOINERS) if prefix else text.strip(_JOINERS)
    if lowercase:
        text = lower_text(text)
    if strip_accents is not None:
        from sklearn.feature_extraction.text import (
            strip_accents_ascii,
            strip_accents_unicode,
        )

        ascii_only = strip_accents == "ascii"
        fold = strip_accents_ascii if ascii_only else strip_accents_unicode
        text = unicodedata.normalize("NFC", fold(text))
    return spell_final_forms(text, open_end=prefix)


def spell_old_letters(text):
    """``text`` with each letter of :data:`OLD_SPELLINGS` as its own letter.

    Parameters
    ----------
    text : str
        In NFC.

    Returns
    -------
    text : str

    Examples
    --------
    >>> spell_old_letters("\u0d05\u0d35\u0d28\u0d4d\u200d")  # അവന്‍: he
    '\u0d05\u0d35\u0d7b'
    >>> spell_old_letters("\u09ac\u09bf\u09a6\u09cd\u09af\u09c1\u09a4\u09cd\u200d")
    '\u09ac\u09bf\u09a6\u09cd\u09af\u09c1\u09ce'
    """
    for spelling, letter in OLD_SPELLINGS.items():
        text = text.replace(spelling, letter)
    return text


@functools.cache
def _idle_marks_pattern():
    """The joiners and variation selectors that do nothing (see
    :data:`_IDLE_MARKS`): after a letter that has no use for them, with its
    combining marks (``"ọ́"`` has no precomposed form), or at a word's edge."""
    import regex  # a dependency, as for graphemes

    letter = r"[\p{Latin}\p{Greek}\p{Cyrillic}]\p{M}*"
    return regex.compile(f"(?:(?<=^|{WORD_EDGE})|(?<={letter}))[{_IDLE_MARKS}]+")


def spells_old_letters_apart(symbols):
    """Whether the code points ``symbols`` hold every one of a letter's old
    spelling (:data:`OLD_SPELLINGS`: ``"\u0d28"``, the virama and the joiner):
    an alphabet that spells it that way, whose names keep it.

    Parameters
    ----------
    symbols : iterable of str

    Returns
    -------
    apart : bool

    Examples
    --------
    >>> spells_old_letters_apart("\u0d05\u0d35\u0d28\u0d4d\u200d")  # അവന്‍
    True
    >>> spells_old_letters_apart("\u0d05\u0d35\u0d7b")  # അവൻ
    False
    """
    symbols = set(symbols)
    return any(symbols.issuperset(spelling) for spelling in OLD_SPELLINGS)


def holds_idle_marks(symbols, *, alone=False):
    """Whether ``symbols`` hold a joiner or selector that does nothing.

    That is one in a grapheme cluster after a Latin, Greek or Cyrillic letter
    or a space (:func:`normalize_text` removes them from names). Such an
    alphabet (learned by a model saved before they were removed from names,
    ``"y\ufe0f"``) keeps them in names, read as typed.

    Parameters
    ----------
    symbols : iterable of str
    alone : bool, default=False
        Also count a joiner or selector that is a symbol of its own: in the
        code points learned by a model saved before they were removed, it may
        be one after a letter (``"y"``, ``"\ufe0f"``).

    Returns
    -------
    holds : bool

    Examples
    --------
    >>> holds_idle_marks(("l", "y\ufe0f")), holds_idle_marks(("\u2764\ufe0f", "y"))
    (True, False)
    >>> holds_idle_marks(("y", "\ufe0f")), holds_idle_marks(("y", "\ufe0f"), alone=True)
    (False, True)
    """
    pattern = _idle_marks_pattern()
    if alone and not _IDLE_MARK_SET.isdisjoint(symbols):
        return True
    return any(s[:1] not in _IDLE_MARK_SET and pattern.search(s) for s in symbols)


def normalize_texts(
    texts,
    *,
    lowercase=True,
    strip_accents=None,
    keep_spaces=False,
    keep_tatweel=False,
    keep_idle_marks=False,
    keep_old_spellings=False,
    keep_full_width=False,
):
    """:func:`normalize_text` of each text, ASCII texts without a call each.

    An ASCII text is in NFC and holds no invisible character, no accent and
    no letter of two forms: it only needs lowercasing. A list of ASCII texts
    (names of a-z) is lowercased in one pass, without a Python-level
    call per text: a third of the time to cut 1,000,000 names into windows.

    Parameters
    ----------
    texts : list of str
        Names as the user wrote them.
    lowercase : bool, default=True
        As in :func:`normalize_text`.
    strip_accents : {None, "ascii", "unicode"}, default=None
        As in :func:`normalize_text`.
    keep_spaces : bool, default=False
        As in :func:`normalize_text`.
    keep_tatweel : bool, default=False
        As in :func:`normalize_text`.
    keep_idle_marks : bool, default=False
        As in :func:`normalize_text`.
    keep_old_spellings : bool, default=False
        As in :func:`normalize_text`.
    keep_full_width : bool, default=False
        As in :func:`normalize_text`.

    Returns
    -------
    texts : list of str
        ``[normalize_text(text, ...) for text in texts]``, the same strings.

    Examples
    --------
    >>> normalize_texts(["Asha", "Jose\\u0301", "RAVI"])
    ['asha', 'jos\\xe9', 'ravi']
    """
    if "".join(texts).isascii():
        return list(map(str.lower if lowercase else str, texts))
    # each distinct name once: a list of names repeated reads its distinct ones
    read = {
        text: normalize_text(
            text,
            lowercase=lowercase,
            strip_accents=strip_accents,
            keep_spaces=keep_spaces,
            keep_tatweel=keep_tatweel,
            keep_idle_marks=keep_idle_marks,
            keep_old_spellings=keep_old_spellings,
            keep_full_width=keep_full_width,
        )
        for text in {text for text in texts if not text.isascii()}
    }
    return [
        (text.lower() if lowercase else str(text)) if text.isascii() else read[text]
        for text in texts
    ]


def spell_final_forms(text, letters=None, *, open_end=False):
    """``text`` with each letter of two forms in the form its place calls for.

    The final form where a word ends by its script's rule (:data:`FINAL_FORMS`:
    the Greek ``ς`` after a cased letter and before none, as Unicode's
    Final_Sigma casing rule says; the Hebrew ``ך ם ן ף ץ`` after a letter and
    before none), the plain form (``σ``, ``כ מ נ פ צ``) everywhere else,
    whichever form the text had. Capital ``Σ`` has one form and is left as is.

    Parameters
    ----------
    text : str
    letters : str or None, default=None
        The plain forms of the letters to spell; None: all of them.
    open_end : bool, default=False
        Whether the text goes on after its end (a prefix): its last word
        does not end there, and keeps the plain form of its last letter.

    Returns
    -------
    text : str

    Examples
    --------
    >>> spell_final_forms("Νίκοσ Παπασ-Σοφία"), spell_final_forms("ςοφία")
    ('Νίκος Παπας-Σοφία', 'σοφία')
    >>> spell_final_forms("נתנ בנ-ציונ"), spell_final_forms("םיכאל")
    ('נתן בן-ציון', 'מיכאל')
    >>> spell_final_forms("בן ציונ", open_end=True)  # the start of בן ציונה
    'בן ציונ'
    """
    if _TWO_FORMS.isdisjoint(text):
        return text
    if open_end:  # as if a letter, cased (Greek's rule), came next
        return spell_final_forms(text + "a", letters)[:-1]
    for index, (finals, plains, *_) in enumerate(FINAL_FORMS):
        chosen = "".join(p for p in plains if letters is None or p in letters)
        if chosen and any(c in text for c in finals + plains):
            text = fold_final_forms(text, "".join(map(_FINAL_OF.get, chosen)))
            text = _final_form_pattern(index, chosen).sub(_final_of_match, text)
    return text


def _final_of_match(match):
    return _FINAL_OF[match[0]]


@functools.cache
def _final_form_pattern(index, plains):
    """Where the letters ``plains`` of row ``index`` of the table end a word."""
    import regex  # a dependency, as for graphemes

    _, _, before, between, after = FINAL_FORMS[index]
    return regex.compile(f"(?<={before}{between}*)[{plains}](?!{between}*{after})")


def fold_final_forms(text, finals=None):
    """``text`` with final forms written plain (``ς`` as ``σ``, ``ם`` as ``מ``).

    The form models learn (:data:`FINAL_FORMS`).

    Parameters
    ----------
    text : str
    finals : str or None, default=None
        The final forms to fold; None: all of them.

    Examples
    --------
    >>> fold_final_forms("Νίκος"), fold_final_forms("אברהם", finals="ן")
    ('Νίκοσ', 'אברהם')
    """
    if finals is None:
        return text.translate(_FOLD_ALL)
    return text.translate({ord(final): _PLAIN_OF[final] for final in finals})


def final_forms_learned_plain(vocabulary):
    """The final forms a vocabulary reads as their plain form, as one string.

    Those it lacks while it has their plain form (every one with a learned
    alphabet): the transformer folds them and decoded names write them where
    a word ends. A vocabulary with both forms of a letter (an alphabet given
    by hand, a model saved before this rule) keeps them two letters.

    Parameters
    ----------
    vocabulary : tuple of str
        The end marker's display, then the symbols.

    Examples
    --------
    >>> final_forms_learned_plain(("-", "ν", "σ", "ם", "מ", "נ", "ן"))
    'ς'
    """
    symbols = "".join(vocabulary[1:])
    return "".join(
        final
        for final, plain in _PLAIN_OF.items()
        if plain in symbols and final not in symbols
    )


def _space_read(vocabulary):
    """The symbol of a vocabulary that a space of a name reads as, or None.

    :func:`normalize_text` writes every space as ``" "``. A vocabulary that
    lacks it but holds exactly one other space of :data:`SPACES` (a model
    saved before spaces were one letter, trained where names had a no-break
    space; an alphabet given with one) reads a space as that one, as it was
    trained. None for a vocabulary without a space, or with several others.

    Parameters
    ----------
    vocabulary : tuple of str
        The end marker's display, then the symbols.

    Examples
    --------
    >>> _space_read(("-", "a", " ")), _space_read(("-", "a", "\\xa0"))
    (' ', '\\xa0')
    >>> _space_read("-a") is None
    True
    """
    symbols = vocabulary[1:]
    if " " in symbols:
        return " "
    others = [space for space in SPACES if space in symbols]
    return others[0] if len(others) == 1 else None


def spell_spaces(texts, vocabulary):
    """Normalised ``texts`` with the space written as ``vocabulary`` holds it.

    The space of :func:`_space_read`: a model saved before spaces were one
    letter, whose only space is ``"\\xa0"``, reads and writes the space as it;
    other vocabularies leave the texts as they are.

    Examples
    --------
    >>> spell_spaces(["mary ann"], ("-", "a", "\\xa0")), spell_spaces(["a b"], "-ab ")
    (['mary\\xa0ann'], ['a b'])
    """
    space = _space_read(vocabulary)
    if space is None or space == " ":
        return texts
    return [text.replace(" ", space) for text in texts]


def several_spaces(symbols):
    """Whether ``symbols`` hold two or more spaces: ``" "`` or :data:`SPACES`.

    Such an alphabet (given so, or learned by a model saved before spaces
    were one letter) keeps them letters of their own, read as typed.

    Examples
    --------
    >>> several_spaces(("a", " ", "\\xa0")), several_spaces(("a", "\\xa0"))
    (True, False)
    """
    return sum(space in symbols for space in " " + SPACES) >= 2


def holds_tatweel(symbols):
    """Whether ``symbols`` hold the Arabic tatweel (:data:`TATWEEL`), alone
    or in a grapheme cluster.

    Such an alphabet (given so, or learned by a model saved before the
    tatweel was removed from names) keeps it in names, read as typed.

    Examples
    --------
    >>> holds_tatweel(("ع", "\u0640", "ل")), holds_tatweel(("ع", "ل"))
    (True, False)
    """
    return any(TATWEEL in symbol for symbol in symbols)


def holds_full_width(symbols):
    """Whether ``symbols`` (a text, or its symbols) hold a full-width digit or
    Latin letter (:data:`FULL_WIDTH`): an alphabet given so, or learned by a
    model saved before they were read as ASCII, which keeps them in names;
    a name typed so.

    Examples
    --------
    >>> holds_full_width(("ａ", "s")), holds_full_width(("a", "ア"))
    (True, False)
    >>> holds_full_width("Ａｓｈａ"), holds_full_width("asha")
    (True, False)
    """
    text = symbols if isinstance(symbols, str) else "".join(symbols)
    return not text.isascii() and not FULL_WIDTH.keys().isdisjoint(map(ord, text))


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


@functools.cache  # compiled once: regex's own cache costs more than findall
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


def split_each(texts, unit, fold=None):
    """The symbols of each of ``texts`` (:func:`split_symbols`), their final
    forms read as ``fold`` says (:func:`fold_final_forms`; None: as they
    are). Each distinct text is split once: a list of 100,000 names of 420
    distinct ones costs the 420 splits (a name repeated shares its list).

    Examples
    --------
    >>> split_each(["ana", "bo", "ana"], "grapheme")
    [['a', 'n', 'a'], ['b', 'o'], ['a', 'n', 'a']]
    """
    split = {
        text: split_symbols(fold_final_forms(text, fold) if fold else text, unit)
        for text in set(texts)
    }
    return [split[text] for text in texts]


def describe_symbol(symbol, *, named=False):
    """A symbol as messages quote it, readable when it is hard to see.

    A lone mark, an invisible or control character, a line or paragraph
    separator or a space other than the ASCII space gets its name
    (:func:`char_name`); a symbol of several code points (a grapheme cluster:
    a letter with marks, a conjunct) gets its code points, which tell apart
    clusters that look alike. ``named``: any one character gets its name (the
    ASCII space too: an end marker that does not show).

    Examples
    --------
    >>> describe_symbol("a"), describe_symbol("\\u0301")
    ("'a'", "'\\u0301' (COMBINING ACUTE ACCENT)")
    >>> print(describe_symbol("\\xa0"), describe_symbol("i\\u0307"))
    '\\xa0' (NO-BREAK SPACE) 'i̇' (U+0069 U+0307)
    >>> print(describe_symbol("\\t"), describe_symbol(" ", named=True))
    '\\t' (CHARACTER TABULATION) ' ' (SPACE)
    """
    if len(symbol) > 1:
        return f"{symbol!r} ({code_points(symbol)})"
    category = unicodedata.category(symbol)
    if named or category in _NAMED or (category == "Zs" and symbol != " "):
        return f"{symbol!r} ({char_name(symbol)})"
    return repr(symbol)


def char_name(char):
    """The name of one character, as every message names it: Unicode's; for
    a control character, which has none, its alias in the Unicode Standard
    (those that names and files meet); else its code point (the messages that
    refuse a control character say it is one).

    Examples
    --------
    >>> char_name("\\u2028"), char_name("\\x7f"), char_name("\\x01")
    ('LINE SEPARATOR', 'DELETE', 'U+0001')
    >>> char_name("\\x00")  # its short alias, as messages say it
    'NUL'
    >>> char_name("\\ue000")  # a private use character: no name
    'U+E000'
    """
    return _CONTROLS.get(char) or unicodedata.name(char, code_points(char))


def code_point_name(char):
    """One character as a message names it where the character itself is not
    shown (an output that cannot hold it): its code point, and its name
    (:func:`char_name`) if it has one.

    Examples
    --------
    >>> code_point_name("\\u0645"), code_point_name("\\u2028")
    ('U+0645 (ARABIC LETTER MEEM)', 'U+2028 (LINE SEPARATOR)')
    >>> code_point_name("\\x81"), code_point_name("\\ue000")
    ('U+0081', 'U+E000')
    """
    point, name = code_points(char), char_name(char)
    return point if name == point else f"{point} ({name})"


def code_points(text):
    """The code points of ``text``, as the Unicode Standard writes them.

    Parameters
    ----------
    text : str

    Returns
    -------
    points : str
        ``U+`` and at least four hex digits for each character, a space
        between two.

    Examples
    --------
    >>> code_points("i\\u0307"), code_points("\\u200c")
    ('U+0069 U+0307', 'U+200C')
    """
    return " ".join(f"U+{ord(c):04X}" for c in text)


# Characters that look like (or stand for) an ASCII one in a typed name: curly
# and modifier apostrophes, accents used as apostrophes, other spaces, dashes.
_LOOKS_LIKE = {
    **dict.fromkeys("\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032", "'"),
    **dict.fromkeys("\u00a0\u2007\u202f\u2009\u2002\u2003", " "),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
}
_PLAIN = frozenset(_LOOKS_LIKE.values())  # the ASCII characters they stand for


def look_alikes(chars, known):
    """The known characters that characters outside a vocabulary look like.

    A name typed or copied with a curly apostrophe, a no-break space or a dash
    is refused by a model that learned the plain ``'``, space or hyphen; the
    message can say which one to type. The other way round too: a name typed
    on a keyboard with ``'`` is refused by a model that learned ``O’Neil``
    from a file a word processor wrote, and ``’`` is the one to type (the
    plain character first when the model knows it, else the first known
    look-alike, the usual one first: ``’`` before ``ʼ``).

    Parameters
    ----------
    chars : iterable of str
        Characters the vocabulary does not hold.
    known : collection of str
        The characters it holds.

    Returns
    -------
    pairs : list of (str, str)
        ``(character, known look-alike)`` for each character that has one.

    Examples
    --------
    >>> look_alikes(["\u2019", "x"], {"'", "a"})
    [('’', "'")]
    >>> look_alikes(["'", "\u02bc"], {"\u2019", "a"})
    [("'", '’'), ('ʼ', '’')]
    """
    pairs = []
    for char in chars:
        plain = _LOOKS_LIKE.get(char, char)
        if plain not in _PLAIN:
            continue
        alike = [
            c
            for c, to in _LOOKS_LIKE.items()
            if to == plain and c != char and c in known
        ]
        if plain != char and plain in known:
            pairs.append((char, plain))
        elif alike:
            pairs.append((char, alike[0]))
    return pairs


def symbol_kind(symbol, *, detailed=True):
    """What kind of character a symbol is, for the spelling of generated names.

    A letter is its script and case (``"LATIN upper"``, ``"GREEK lower"``,
    ``"DEVANAGARI letter"`` for a script without case; an independent vowel
    of an Indic script, which takes no vowel sign, is ``"DEVANAGARI
    vowel"``), a combining mark its Unicode name (a vowel sign, a virama and
    an accent each follow their own letters, and some stack: ``ां``, ``ो``
    with ``ं``), and so is a letter that is a vowel sign (Thai ``เ``, written
    before its consonant, and ``า``, after it), a digit its script and
    ``"digit"``; any other character (a
    space, a hyphen, an apostrophe, a zero-width joiner) is a kind of its
    own. A grapheme cluster is the kind of its first character. The script
    is the first word of the character's Unicode name. A cluster that ends
    with a zero-width joiner or non-joiner has the joiner in its kind.

    Parameters
    ----------
    symbol : str
        A symbol of a vocabulary (not the end marker).
    detailed : bool, default=True
        False: the kinds of samplers saved before marks and vowels were kinds
        of their own, a script and ``"mark"`` for every combining mark and
        ``"letter"`` for every letter of a script without case.
        (``Indic_Syllabic_Category`` is found by the ``regex`` package.)

    Returns
    -------
    kind : str

    Examples
    --------
    >>> [symbol_kind(s) for s in ["A", "é", "ж", "रा"]]
    ['LATIN upper', 'LATIN lower', 'CYRILLIC lower', 'DEVANAGARI letter']
    >>> symbol_kind("आ")  # an independent vowel
    'DEVANAGARI vowel'
    >>> [symbol_kind(s) for s in ["-", " ", "\u0301", "\u094d"]]
    ['-', ' ', 'COMBINING ACUTE ACCENT', 'DEVANAGARI SIGN VIRAMA']
    >>> symbol_kind("\u094d", detailed=False), symbol_kind("आ", detailed=False)
    ('DEVANAGARI mark', 'DEVANAGARI letter')
    >>> symbol_kind("ก"), symbol_kind("เ"), symbol_kind("เ", detailed=False)
    ('THAI letter', 'THAI CHARACTER SARA E', 'THAI letter')
    >>> symbol_kind("\u06cc\u200c")  # FARSI YEH and a zero-width non-joiner
    'ARABIC letter+\u200c'
    """
    char = symbol[0]
    category = unicodedata.category(char)
    if category[0] not in "LMN":
        return symbol
    vowel = _vowel(char) if detailed and category == "Lo" else None
    if detailed and (category[0] == "M" or vowel == "Vowel_Dependent"):
        return char_name(char)  # its own letters
    script = unicodedata.name(char, "").split(" ", 1)[0] or category
    if category[0] == "L":
        case = {"Lu": "upper", "Lt": "upper", "Ll": "lower"}.get(category, "letter")
        case = "vowel" if vowel == "Vowel_Independent" else case
    else:
        case = "mark" if category[0] == "M" else "digit"
    # A joiner belongs to the cluster of the letter before it: a kind of its own
    # (a name must not end with "ی" + ZWNJ when no training name does).
    joiner = symbol[-1] if len(symbol) > 1 and symbol[-1] in _JOINERS else ""
    return f"{script} {case}{joiner and '+' + joiner}"


@functools.cache
def _vowel(char):
    """Which vowel of an Indic or Thai script a letter is, or None.

    ``"Vowel_Independent"`` (``अ``: a vowel that takes no vowel sign) or
    ``"Vowel_Dependent"`` (Thai ``เ`` and ``า``, letters that are vowel signs,
    before or after their consonant): their ``Indic_Syllabic_Category``.
    """
    import regex  # a dependency, as for graphemes

    for value in ("Vowel_Independent", "Vowel_Dependent"):
        if regex.match(rf"\p{{Indic_Syllabic_Category={value}}}", char):
            return value
    return None


def letter_script(symbol):
    """The script of a letter, as :func:`symbol_kind` names it; ``""`` otherwise.

    Examples
    --------
    >>> [letter_script(s) for s in ["Ł", "रा", "\u0941", "-", "7"]]
    ['LATIN', 'DEVANAGARI', '', '', '']
    """
    char = symbol[0]
    category = unicodedata.category(char)
    if category[0] != "L":
        return ""
    return unicodedata.name(char, "").split(" ", 1)[0] or category


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

    A mark learned alone is drawn on a dotted circle (U+25CC). With a
    spacing vowel sign (``"◌ा"``) that takes two columns: one each, as the C
    library's ``wcwidth`` counts them and as xterm and VTE draw them. Some
    terminals (kitty, foot, WezTerm, mlterm, as measured by the ``wcwidth``
    package) draw a letter with such a sign in one column: a table is a
    column off there. With a nonspacing sign
    (``"◌ु"``), one column:

    >>> display_width("\\u25cc\\u093e"), display_width("\\u25cc\\u0941")
    (2, 1)
    """
    if text.isascii():  # one column each (controls too, as below): no look-ups
        return len(text)
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

    Text in a right-to-left script (Arabic, Hebrew) is put between two
    left-to-right marks (U+200E, invisible, no column): a terminal that
    reorders right-to-left text then reverses the name within its own
    columns, instead of taking the spaces and the numbers after it into the
    name's direction and moving them to its left (the cells of a row out of
    their columns). Names read back drop the marks (:func:`normalize_text`).

    Examples
    --------
    >>> pad_right("李娜", 6) + "|"
    '李娜  |'
    >>> pad_right("سارا", 6) + "|"
    '\u200eسارا\u200e  |'
    """
    padding = " " * max(0, width - display_width(text))
    if not text.isascii() and any(
        unicodedata.bidirectional(c) in ("R", "AL") for c in text
    ):
        return f"{_LEFT_TO_RIGHT_MARK}{text}{_LEFT_TO_RIGHT_MARK}{padding}"
    return text + padding
