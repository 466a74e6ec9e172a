"""How like names the words of a reading of bytes are, by how names spell.

The rules of ``_encoding`` compare the readings of a file's bytes in several
code pages by their words (those with a letter outside ASCII). A reading is the
likelier the fewer places it has that no name has (:func:`oddities`: letters of
two scripts in a word, symbols among letters, a capital after a small letter),
the more its letters are of the script expected and of one language's
alphabet (:func:`reading_key`), and, between Greek, Cyrillic and Hebrew, the
fewer places it has that names of its script rarely have (:func:`unlikely`).
Python's ``unicodedata`` only.
"""

import functools
import re
import unicodedata

__all__ = ["oddities", "reading_key", "unlikely"]

# A thorn that starts no stem of an Icelandic name (Hafþór, Arnþrúður).
_MISPLACED_THORN = re.compile("(?<=.)þ(?![oórjuú])")
# An æ after a vowel, which the languages that write it never have (``Zoæ``:
# MS-DOS's reading of the byte of an old Mac's ``Zoë``).
_AE_AFTER_VOWEL = re.compile("(?<=[aeiouyáéíóúýåäöøæ])æ")
# Two vowels of Greek read as one syllable.
_DIPHTHONGS = re.compile("[αεου]ι|[αεηο]υ")
# What Greek spells in no name, in capitals too (where accents are left out):
# a voiceless consonant and a voiced stop together, either way round (but
# the nasal γ of γκ, γχ, γξ), and a last syllable ending in ι after α, ε or ο:
# ΡΕΠΓΕΙ, the Greek reading of cp1251's СЕРГЕЙ.
_GREEK_UNSPELLED = re.compile("[πτκφθχξψ][βγδ]|[βδ][πτκφθχξψ]|γ[πτφθψ]|[αεο]ι$")
# The 27 letters of Hebrew (the final forms among them), without Yiddish's.
_HEBREW = re.compile("[א-ת]+")
# A run of letters (no digit, no underscore).
_LETTERS = re.compile(r"[^\W\d_]+")
# Characters outside ASCII that are no letter but belong in names: apostrophes,
# hyphens and the middle dot of Catalan (Gal·la).
_NAME_PUNCTUATION = frozenset("’‘ʼ·‐‑")
# Dashes, quotes, bullets and the ellipsis (U+2010 to U+2027): a Windows code
# page's punctuation, the same in each of them, and found in lists of names
# ("Jean–Luc"): no sign of a misreading.
_TYPOGRAPHIC = re.compile("[\u2010-\u2027]")
# Of those and the name's punctuation, what may join two letters of a name,
# and the quotes that open.
_DASHES = frozenset("‐‑‒–—―")
_JOINING = _DASHES | frozenset("’‘ʼ·")
_OPENING = frozenset("‘‚‛“„‟")


# The letters outside ASCII of the languages written with these code pages:
# a reading whose Latin letters one language holds is the likelier (Czech
# read as Western European gives "Dvoøák", whose ø and á no language has both
# of).
_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "àáâãçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóúü",  # Catalan
    "éëïóöü",  # Dutch
    "æøåéó",  # Danish, Norwegian
    "åäöéšž",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "áéíóú",  # Irish
    "çë",  # Albanian
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Croatian, Bosnian, Serbian, Slovene
    "ăâîșțşţ",  # Romanian
    "çğıöşüâî\u0307",  # Turkish (İ lowercases to i and U+0307)
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äõöüšž",  # Estonian
)
_ALPHABET_SETS = tuple(frozenset(alphabet) for alphabet in _ALPHABETS)

# Vowels of Greek and Cyrillic, small (ъ is one in Bulgarian), by which
# :func:`unlikely` tells the two scripts apart in a name or two: a byte of
# one's code page is often a letter of the other's.
_VOWELS = {
    "GREEK": frozenset("αεηιουωάέήίόύώϊϋΐΰ"),
    "CYRILLIC": frozenset("аеёиоуыэюяіїєўъ"),
}


def reading_key(words, mostly_ascii):
    """How unlike names a reading's ``words`` are, the likeliest first.

    First the places that no name has (:func:`oddities`); then whether its
    letters outside ASCII are of another script than expected (a few Latin
    ones among ASCII letters, as in ``Dvořák``, or most letters of another
    script, as in ``Иван``); then, a script that has capitals without any,
    ASCII letters counted (a text of Hebrew read as Cyrillic: ``гег``; not
    ``Zoë``, which an old Mac's ``Zo‘`` is), which ``_encoding.code_page_readings``
    weighs after how names spell (lists of names in small letters are
    common); then the Latin letters that are
    in no alphabet of :data:`_ALPHABETS` with most of the others; then
    letters of a script without capitals (Hebrew), where another reading may
    have them in place; last, the words of letters out of place
    (:func:`_misplaced`: ``Büþra`` and ``Ayþe``, cp1254's ``Büşra`` and
    ``Ayşe`` read as cp1252).

    Examples
    --------
    >>> reading_key(["Dvořák"], True), reading_key(["Dvoøák"], True)
    ((0, False, False, 0, False, 0), (0, False, False, 1, False, 1))
    """
    outside = [char for char in "".join(words) if char.isalpha() and not char.isascii()]
    latin = [char for char in outside if _script(char) == "LATIN"]
    off_script = (2 * len(latin) >= len(outside)) != mostly_ascii
    cased = [char for char in outside if char.islower() or char.isupper()]
    no_capitals = bool(cased) and not any(char.isupper() for char in "".join(words))
    uncased = bool(outside) and not cased and not _spelled_as_hebrew(words)
    foreign, misplaced = _foreign(latin), _misplaced(words)
    return oddities(words), off_script, no_capitals, foreign, uncased, misplaced


def _spelled_as_hebrew(words):
    """Whether ``words`` are Hebrew spelled as names are: no points (names are
    written without them), the five letters with a final form (ך ם ן ף ץ) in
    it at the end of a word and only there, and no word starting with ו (the
    "and" of prose). The Hebrew readings of other scripts' bytes break these
    rules (``ןלרחב``, koi8-r's ``ОЛЬГА``; ``ולומב``, its ``ЕЛЕНА``) or hold
    points (``חֲֵּ``, its ``Глеб``)."""
    hebrew = False
    for word in words:
        if any(unicodedata.category(char)[0] == "M" for char in word):
            return False
        for run in _LETTERS.findall(word):
            if _script(run[0]) != "HEBREW":
                continue
            hebrew = True
            finals = any(char in "ךםןףץ" for char in run[:-1])
            if not _HEBREW.fullmatch(run) or finals or run[-1] in "כמנפצ":
                return False  # a Yiddish ligature (װ), or a letter out of place
            if run[0] == "ו":
                return False
    return hebrew


def unlikely(words):
    """The places of ``words`` that names of Greek or Cyrillic rarely have,
    which tell the two apart in a file of a name or two, where both code pages
    read letters (``Иван`` read as Greek is ``Θβΰν``): :func:`_unlikely_in`
    of each run of letters.

    Examples
    --------
    >>> unlikely(["Иван"]), unlikely(["Θβΰν"])
    (0, 2)
    """
    return sum(_unlikely_in(run) for word in words for run in _LETTERS.findall(word))


def _unlikely_in(run):
    """The places of a run of letters that names of its script rarely have.

    In Greek and Cyrillic: two capitals and then a small letter (``НЯкпт``),
    four consonants in a row or three at the end (but ``ндр`` of
    ``Александр``), no vowel in two letters or
    more (``ЗНЬ``, koi8-r's reading of Hebrew ``תמר``). In Greek, as spelled since
    1982: a word of two syllables or more with no accent, or with two; a
    diaeresis not after a vowel (``Θβΰν``); ``ς`` inside a word, ``σ`` at its
    end; a last letter that is a consonant but ``ν`` and ``ς``. In Cyrillic:
    ``й`` or ``ї`` after a consonant, ``ь`` starting a word or after a vowel,
    ``ы`` or ``ъ`` starting a word (``ЫНЕЮЛ``, its ``שמואל``); ending a
    word: ``б``, ``з``, ``у`` or ``ю`` after a consonant, in three letters
    or more (``КЩУФБУ``, ``ЕЛЕНЗ``, ``Иепдюсб``: its readings of Greek's
    ``ΚΩΣΤΑΣ``, ``ΕΛΕΝΗ``, ``Θεοδώρα``; ``ЕКЕМЮ``, koi8-r's of cp1251's
    ``елена``), ``ъ``, or ``и`` after a vowel (``ЮМДПЕИ``, its ``андрей``).
    In Greek, in capitals too: what :data:`_GREEK_UNSPELLED` finds.
    """
    script = _script(run[0])
    vowels = _VOWELS.get(script)
    if vowels is None or any(_script(char) != script for char in run):
        return 0
    small = run.lower()
    kinds = "".join("-" if c == "ь" else "v" if c in vowels else "c" for c in small)
    unlikely = (run[:2].isupper() and not run.isupper()) + bool(
        re.search("c{4}|c{3}$", kinds.replace("-", ""))
        and not small.endswith("ндр")  # Александр
    )
    for at, (char, kind) in enumerate(zip(run, kinds)):
        before = kinds[at - 1] if at else None
        unlikely += (
            (char.lower() in "ϊϋΐΰ" and before != "v")
            or (char == "ς" and at < len(run) - 1)
            or (char == "σ" and at == len(run) - 1)
            or (char.lower() in "йї" and before == "c")
            or (kind == "-" and before in (None, "v"))
            or (at == 0 and char.lower() in "ыъ")
            or (at == len(run) - 1 > 1 and char.lower() in "бзую" and before == "c")
            or (at == len(run) - 1 > 0 and char.lower() == "ъ")
            or (at == len(run) - 1 and char.lower() == "и" and before == "v")
        )
    unlikely += len(run) > 1 and "v" not in kinds
    if script == "GREEK":
        accents = sum(char in "άέήίόύώΐΰ" for char in small)
        syllables = kinds.count("v") - len(_DIPHTHONGS.findall(small))
        unlikely += accents > 1 or (accents == 0 < syllables - 1 and not run.isupper())
        unlikely += kinds[-1] == "c" and small[-1] not in "νςσ"
        unlikely += len(_GREEK_UNSPELLED.findall(small))
    return unlikely


def _foreign(letters):
    """How many ``letters`` the alphabet that holds the most of them lacks."""
    if not letters:
        return 0
    small = "".join(char.lower()[-1] for char in letters)  # İ: i and U+0307
    return len(small) - max(
        sum(small.count(char) for char in alphabet) for alphabet in _ALPHABETS
    )


def _misplaced(words):
    """The words whose letters outside ASCII no one language holds together
    (``Büþra``: no alphabet of :data:`_ALPHABETS` has ``ü`` and ``þ``), or that
    hold ``þ`` or ``ð`` where Icelandic, the only language of the Western code
    pages that writes them, has none: in a word with ``c``, ``q``, ``w`` or
    ``z`` (``Aðca``), or ``þ`` inside a word but where a stem starts, before
    ``o``, ``r``, ``j`` or ``u`` (``Hafþór``; not ``Ayþe``, ``Barýþ``). The
    bytes of cp1254's ``ş``, ``ğ`` and ``ı`` read so in cp1252 and latin-1.
    Or ``æ`` after a vowel (``Zoæ``, cp850's reading of an old Mac's ``Zoë``)."""
    return sum(map(_misplaced_in, words))


@functools.lru_cache(maxsize=1 << 14)
def _misplaced_in(word):
    """:func:`_misplaced` of one word: 0 or more (a place of each ``þ``)."""
    letters = {
        char.lower()[-1]  # İ: i and U+0307
        for char in word
        if not char.isascii() and char.isalpha() and _script(char) == "LATIN"
    }
    if len(letters) > 1 and not any(letters <= held for held in _ALPHABET_SETS):
        return 1
    small = word.lower()
    if "þ" not in small and "ð" not in small:
        return len(_AE_AFTER_VOWEL.findall(small))
    return len(_AE_AFTER_VOWEL.findall(small)) + sum(
        bool(re.search("[þð]", run) and re.search("[cqwz]", run))
        + len(_MISPLACED_THORN.findall(run))
        for run in _LETTERS.findall(small)
    )


def _misplaced_punctuation(word):
    """The punctuation of ``word`` beside a letter where names have none.

    A dash, an apostrophe or a middle dot may join two letters (``Jean–Luc``,
    ``O’Brien``, ``Gal·la``), a dash before a capital in a word that starts
    with one (not ``Mu–oz``, an old Mac's ``Muñoz`` read as cp1252); a quote
    may open before a letter, and close after one (``’`` and ``”`` always, as
    an apostrophe may; ``‘`` and ``“`` after a quote opened: German writes
    ``„Bobby“``); an apostrophe may start a word (Dutch ``’t Hooft``,
    ``’s-Gravesande``; ``‘Abd``). Read as cp1252, the letters of an old Mac
    or of MS-DOS are often such punctuation (``Zo‘``, ``Fran‡ois``).
    """
    misplaced, opened = 0, False
    for at, char in enumerate(word):
        if char in "․‥…‧" or not (
            _TYPOGRAPHIC.fullmatch(char) or char in _NAME_PUNCTUATION
        ):
            continue  # an ellipsis may end a name cut short (bob…)
        before = at > 0 and word[at - 1].isalpha()
        after = at + 1 < len(word) and word[at + 1].isalpha()
        if before and after:  # a dash joins a part with a capital: Jean–Luc
            small = word[at + 1].islower() and word[:1].isupper()
            misplaced += char not in _JOINING or (small and char in _DASHES)
        elif after:  # an apostrophe may start a word too: ’t Hooft, ‘Abd
            misplaced += char not in _OPENING and not (at == 0 and char in "’‘ʼ")
        elif before:
            misplaced += char not in "’”" and not (opened and char in "‘“")
        opened = opened or char in _OPENING
    return misplaced


def oddities(words):
    """The places of ``words`` that no name has: letters of two scripts, a
    symbol or a control character, a mark on no letter or of another script,
    a capital after a small letter, punctuation beside a letter where names
    have none (:func:`_misplaced_punctuation`).

    Examples
    --------
    >>> oddities(["JosÃ©", "Zoë"]), oddities(["Zoë"])
    (2, 0)
    """
    odd = 0
    for word in words:
        odd += not word.isascii() and _misplaced_punctuation(word)
        before = None  # (script, small) of the letter before
        for char in word:
            kind = unicodedata.category(char)
            if kind[0] == "M":  # a mark belongs to the letter before
                odd += before is None or not _mark_fits(char, before[0])
            elif kind[0] != "L":
                odd += kind == "Cc" or (
                    not char.isascii()
                    and char not in _NAME_PUNCTUATION
                    and not _TYPOGRAPHIC.fullmatch(char)
                )
                before = None
            else:
                script = _script(char)
                if before is not None and script != "MODIFIER":
                    odd += script != before[0] or (char.isupper() and before[1])
                before = (script, char.islower())
    return odd


@functools.cache
def _script(char):
    """The script of a letter: the first word of its Unicode name (LATIN,
    CYRILLIC, GREEK, ARABIC...)."""
    if char.isascii():
        return "LATIN"
    return unicodedata.name(char, "?").split(" ", 1)[0]


@functools.cache
def _mark_fits(mark, script):
    """Whether a mark may follow a letter of ``script``: a mark of the same
    script (a vowel sign), or one that accented letters decompose into."""
    return _script(mark) == script or mark in _decomposition_marks()


@functools.cache
def _decomposition_marks():
    """The marks that precomposed letters decompose into (U+0301 of ``é``)."""
    return frozenset(
        "".join(unicodedata.normalize("NFD", chr(code))[1:] for code in range(0x2000))
    )
