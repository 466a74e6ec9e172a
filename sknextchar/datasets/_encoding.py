"""Telling a file's encoding by the script of its letters.

A name is letters of one script (``Dvořák``, ``Иван``), perhaps with an
apostrophe or a hyphen; the same bytes read in the wrong encoding give letters
of two scripts in one word (``Ð˜Ð²Ð°Ð½``), symbols among letters (``JosÃ©``),
or a capital inside a small-letter word (``DvoĹ™Ăˇk``); and between code pages
that all read Latin letters, the likelier reading has the accented letters of
one language (``Dvořák``, not ``Dvoøák``). Three rules use that, with Python's
``unicodedata`` only:

- :func:`check_utf8_misread` refuses a UTF-8 file read with a one-byte code page
  (``encoding="latin-1"``, ``"cp1252"``...), which would train on such mojibake;
- :func:`warn_other_code_page` warns of a file read with a one-byte code page
  that another one reads as names, clearly better (``Łukasz``, not
  ``£ukasz``): a warning, as the user may have chosen the code page knowingly;
- :func:`encoding_advice` names, for a file that does not decode, the code pages
  whose reading of it is names, each with a name as it reads it.

Both look at the first megabyte of the file: thousands of names, read at once.
"""

import codecs
import functools
import itertools
import os
import re
import unicodedata
import warnings

from .._stacklevel import user_stacklevel
from .._text import counted

#: The bytes of a file the rules look at (its first megabyte).
SAMPLE_BYTES = 1 << 20
# The first words with a letter outside ASCII that are scored: plenty to tell
# a script, in a few milliseconds whatever the size of the file.
_SCORED_WORDS = 2000
# A word: what lies between ASCII spaces and line breaks (not U+00A0, which a
# one-byte code page may read for the second byte of a UTF-8 letter). Tried
# only where a word starts (the look-behind): a search from every character of
# a long run of ASCII would scan the rest of the run each time (quadratic time).
_WORD = re.compile(r"(?<![^ \t\n\r\f\v])[^ \t\n\r\f\v]*[^\x00-\x7f][^ \t\n\r\f\v]*")
_OUTSIDE_ASCII = re.compile(r"[^\x00-\x7f]")
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

# The code pages advice may name, in the order a tie is named; a "Western"
# file is named latin-1 unless it has bytes 0x80 to 0x9F (cp1252's ’ € Œ...).
CODE_PAGES = (
    ("cp1252", "Western European"),
    ("cp1250", "Central European"),
    ("iso8859-2", "Central European, ISO 8859-2"),
    ("cp1251", "Cyrillic"),
    ("cp1253", "Greek"),
    ("cp1254", "Turkish"),
    ("cp1257", "Baltic"),
    ("cp1255", "Hebrew"),
    ("cp1256", "Arabic"),
    ("koi8-r", "Russian, KOI8-R"),
    ("koi8-u", "Ukrainian, KOI8-U"),
    ("mac_roman", "Western European, old Mac"),
    ("cp850", "Western European, MS-DOS"),
)
# Code pages of old systems, named only when they read a file better than the
# others (a tie with cp1252 is cp1252's: "Mäkelä" is "Mõkelõ" in cp850).
_OLD_CODE_PAGES = frozenset({"mac_roman", "cp850"})
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
# At most this many code pages are named, each with a name as it reads it.
_MOST_NAMED = 3
#: What to do about a file that no code page of :data:`CODE_PAGES` reads as
#: names (to follow a semicolon or a colon in a message).
UNKNOWN_ENCODING = (
    "no common code page reads its letters as names: if it is a text file, find "
    "its encoding (a text editor such as Notepad++ or VS Code shows it) and pass "
    "it, e.g. encoding='utf-16', encoding='shift_jis' or encoding='gb18030'; or "
    "save the file as UTF-8 there and pass encoding='utf-8'"
)
# Vowels of Greek and Cyrillic, small (ъ is one in Bulgarian), by which
# :func:`_unlikely` tells the two scripts apart in a name or two: a byte of
# one's code page is often a letter of the other's.
_VOWELS = {
    "GREEK": frozenset("αεηιουωάέήίόύώϊϋΐΰ"),
    "CYRILLIC": frozenset("аеёиоуыэюяіїєўъ"),
}


@functools.cache
def is_one_byte(codec):
    """Whether ``codec`` reads every byte as one character (a code page).

    Examples
    --------
    >>> is_one_byte("latin-1"), is_one_byte("cp1251"), is_one_byte("utf-8")
    (True, True, False)
    >>> is_one_byte("shift_jis")
    False
    """
    name = codecs.lookup(codec).name
    if name.startswith(("utf", "ascii")):
        return False
    try:
        return len(bytes(range(256)).decode(name, "replace")) == 256
    except (LookupError, UnicodeError):  # base64, idna: no code page
        return False


def check_utf8_misread(data, path, encoding):
    """Refuse a UTF-8 file read with a one-byte code page.

    Bytes outside ASCII that decode as strict UTF-8 are, in practice, UTF-8: a
    text of such a code page does so only by chance (a capital such as ``Í``
    followed by ``Š``, in a file of a few names written in capitals). Then the
    file is refused unless its reading in ``encoding`` has fewer places that
    no name has (letters of two scripts in a word, symbols) than its reading
    as UTF-8.

    Parameters
    ----------
    data : bytes
        The first bytes of the file (:data:`SAMPLE_BYTES` are enough).
    path : str
    encoding : str
        The encoding the file is read with.

    Raises
    ------
    ValueError
        It shows a line as ``encoding`` reads it and as UTF-8 does, and asks
        for ``encoding='utf-8'``.

    Examples
    --------
    >>> check_utf8_misread("Anne\\nZoë\\n".encode("latin-1"), "kids.txt", "latin-1")
    >>> check_utf8_misread("Anne\\nZoë\\n".encode(), "kids.txt", "latin-1")
    Traceback (most recent call last):
    ...
    ValueError: 'kids.txt' is UTF-8 text, which encoding='latin-1' misreads (line 2: ...
    """
    if not is_one_byte(encoding) or (data := _sample(data)).isascii():
        return
    utf8 = _utf8_text(data)  # most files that are not UTF-8 fail at once
    if utf8 is None:
        _refuse_mostly_utf8(data, path, encoding)
        return
    if utf8.isascii():
        return
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # not the code page: the reader says so
        return
    if _oddities(_words(text)) < _oddities(_words(utf8)):
        return
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    at = (_OUTSIDE_ASCII.search(text, bom) or _OUTSIDE_ASCII.search(text)).start()
    begin = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    line = re.split(r"\r\n|\r|\n", text[begin:], maxsplit=1)[0]
    right = line.encode(encoding).decode("utf-8-sig", "replace")
    number = 1 + len(re.findall(r"\r\n|\r|\n", text[:begin]))
    raise ValueError(
        f"{os.fspath(path)!r} is UTF-8 text, which encoding={encoding!r} misreads "
        f"(line {number}: {_shown(line)}, in UTF-8 {_shown(right)}); pass "
        "encoding='utf-8'. (Text in that code page reads as UTF-8 only by chance, "
        "in a file of a few names: if this one does, save it as UTF-8.)"
    )


def warn_other_code_page(data, path, encoding):
    """Warn if a one-byte code page other than ``encoding`` reads ``data`` as
    names, clearly better.

    Clearly better (:func:`_clearly_better`): the likeliest reading of
    :func:`code_page_readings` has at most a quarter of the places that no
    name has (letters of two scripts in a word, symbols among letters) of the
    reading of ``encoding``; or none, while that one has letters of another
    script than expected, or of no one language. Some genuine files are odd
    in their code page: a warning, not an error.

    Parameters
    ----------
    data : bytes
        The first bytes of the file (:data:`SAMPLE_BYTES` are enough).
    path : str
    encoding : str
        The encoding the file is read with.

    Warns
    -----
    UserWarning
        It shows a name as ``encoding`` reads it and as the other code page
        does, and asks for that code page.

    Examples
    --------
    >>> import warnings
    >>> polish = "Łukasz\\nWójcik\\nŻaneta\\n".encode("cp1250")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warn_other_code_page(polish, "pl.txt", "cp1250")
    ...     warn_other_code_page(polish, "pl.txt", "cp1252")
    >>> [str(warning.message) for warning in caught]  # doctest: +ELLIPSIS
    ["'pl.txt' reads as names in cp1250 (Central European: 'Łukasz'), ..."]
    """
    if not is_one_byte(encoding) or (data := _sample(data)).isascii():
        return
    if _utf8_text(data) is not None:  # UTF-8: check_utf8_misread's concern
        return
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # not the code page: the reader says so
        return
    if re.search("[\x00\x80-\x9f]", text):  # control characters: it refuses them
        return
    other = [named for named in code_page_readings(data, encoding) if named[2] != text]
    if not other:
        return
    mostly_ascii = _mostly_ascii(data)
    words = _words(text)
    given = _reading_key(words, mostly_ascii)
    best = _reading_key(_words(other[0][2]), mostly_ascii)
    every_word_odd = all(map(_oddities, ([word] for word in words)))
    if not _clearly_better(best, given, every_word_odd=every_word_odd):
        return
    lines = [re.split(r"\r\n|\r|\n", t) for t in (text, *(t for _, _, t in other))]
    at = next(at for at, same in enumerate(zip(*lines)) if len(set(same)) > 1)
    each = " or ".join(
        f"{page} ({what}: {_shown(read[at])})"
        for (page, what, _), read in zip(other, lines[1:])
    )
    if len(other) == 1:
        advice = f"pass encoding={other[0][0]!r} if it is {other[0][1]} text."
    else:  # tied: a name or two (Ayşe, Ayţe) that two languages may write
        passes = " or ".join(f"encoding={page!r}" for page, _, _ in other)
        advice = f"pass {passes}, the one that reads them right."
    warnings.warn(
        f"{os.fspath(path)!r} reads as names in {each}, not in "
        f"encoding={encoding!r} ({_shown(lines[0][at])}); {advice}",
        UserWarning,
        stacklevel=user_stacklevel(),
    )


def _clearly_better(best, given, *, every_word_odd=False):
    """Whether a reading of key ``best`` (:func:`_reading_key`) is clearly
    likelier than one of key ``given``: of the script expected, with at most a
    quarter of its oddities (two at least: one may be in the names); or with
    none, nor letters of no one language or out of place, while that one has
    letters of another script, or two of no one language (one may be a
    foreign name's), or a word of letters out of place (:func:`_misplaced`),
    or an oddity in every word outside ASCII (``every_word_odd``: ``Zo‘``,
    an old Mac's ``Zoë`` read as cp1252, in a file of ASCII names else)."""
    odd, off_script, _, foreign, _, misplaced = best
    clean = not (odd or foreign or misplaced)
    if off_script:  # both Latin in a name of more accents than a-z (Çağrı)?
        return bool(clean and given[1] and given[5])
    if given[0] >= 2 and 4 * odd <= given[0]:
        return True
    if every_word_odd and clean:  # such as an old Mac's 'Zoë' read as 'Zo‘'
        return True
    return clean and bool(given[1] or given[3] >= 2 or given[5])


def encoding_advice(data, codec):
    """What to pass for a file whose bytes ``data`` do not decode with ``codec``.

    UTF-8 if they are UTF-8; else the code pages of :data:`CODE_PAGES` whose
    reading of them is most like names (:func:`code_page_readings`), each with
    a line as it reads it, never ``codec``.

    Parameters
    ----------
    data : bytes
        The file's bytes from the line that failed on (the first
        :data:`SAMPLE_BYTES` are looked at).
    codec : str
        The codec the file was read with.

    Returns
    -------
    advice : str
        To follow a semicolon in a message.

    Examples
    --------
    >>> encoding_advice("Иван\\nНаталья\\n".encode("cp1251"), "utf-8")
    "its letters read as names in cp1251 (Cyrillic: 'Иван'); pass encoding='cp1251'"
    >>> encoding_advice("Zoë\\nÁngel\\n".encode(), "cp1252")
    "it is UTF-8 text; pass encoding='utf-8'"
    """
    data = _sample(data)
    if (utf8 := _utf8_text(data)) is not None:  # ASCII: UTF-16 or -32 read it
        kind = "ASCII" if utf8.isascii() else "UTF-8"
        return f"it is {kind} text; pass encoding='utf-8'"
    named = code_page_readings(data, codec)
    if not named:
        return UNKNOWN_ENCODING
    lines = [re.split(r"\r\n|\r|\n", text) for _, _, text in named]
    shown = next(
        (at for at, same in enumerate(zip(*lines)) if len(set(same)) > 1), None
    )
    if shown is None:  # one reading: its first line with a letter outside ASCII
        outside = (at for at, line in enumerate(lines[0]) if not line.isascii())
        shown = next(outside, 0)  # none: UTF-16 or UTF-32 read ASCII text
    each = [
        f"{c} ({what}: {_shown(t[shown])})" for (c, what, _), t in zip(named, lines)
    ]
    if len(named) == 1:
        return f"its letters read as names in {each[0]}; pass encoding={named[0][0]!r}"
    passes = " or ".join(f"encoding={page!r}" for page, _, _ in named)
    return (
        f"its letters read as names in {', '.join(each[:-1])} or {each[-1]}; pass "
        f"{passes}, the one that reads them right"
    )


def line_reading(line):
    """``(code page, text)``: the likeliest reading of ``line`` (bytes) by
    :func:`code_page_readings`, else cp1252's (U+FFFD for a byte it has no
    letter for).

    Examples
    --------
    >>> line_reading("Иван".encode("cp1251")), line_reading(b"\\xb0\\xb1")
    (('cp1251', 'Иван'), ('cp1252', '°±'))
    """
    named = code_page_readings(line, "utf-8")
    if named:
        return named[0][0], named[0][2]
    return "cp1252", line.decode("cp1252", "replace")


def code_page_readings(data, codec):
    """The best readings of ``data`` by the code pages of :data:`CODE_PAGES`.

    Parameters
    ----------
    data : bytes
    codec : str
        A codec not to name (the one the bytes failed in).

    Returns
    -------
    readings : list of (str, str, str)
        ``(code page, what it is for, text)`` of those that read ``data`` best
        by :func:`_reading_key`, whether a cased script's reading has no
        capital left aside (more than one if they tie, at most three; a tie
        broken by :func:`_unlikely`, then by that: ``иван`` in cp1251 is
        ``ХБЮМ`` in koi8-r, which spells no name);
        none if in each reading more than one word in twenty has letters of
        two scripts or a symbol. Code pages that read the bytes alike are
        named once, by the first.

    Examples
    --------
    >>> greek = "Γιώργος\\nΕλένη\\n".encode("cp1253")
    >>> [page for page, _, _ in code_page_readings(greek, "utf-8")]
    ['cp1253']

    One name may read as letters of two scripts, each word with a capital
    first: how names of each script spell tells them apart (``Гйюсгпт``: no
    Cyrillic name has ``й`` after a consonant), but not always in capitals:

    >>> [text for _, _, text in code_page_readings(greek[:7], "utf-8")]
    ['Γιώργος']
    >>> [text for _, _, text in code_page_readings("ГЛЕБ".encode("cp1251"), "utf-8")]
    ['ГЛЕБ', 'ΓΛΕΑ']
    """
    readings, mostly_ascii = {}, _mostly_ascii(data)
    for order, (page, what) in enumerate(CODE_PAGES):
        if page == "cp1252" and not re.search(b"[\x80-\x9f]", data):
            page = "latin-1"  # the same letters, the name older files are known by
        if _same(page, codec):
            continue
        try:
            text = data.decode(page)
        except UnicodeDecodeError:  # a byte the code page has no letter for
            continue
        if text not in readings:  # else an earlier code page reads it alike
            words = _words(text)
            key = _reading_key(words, mostly_ascii)
            readings[text] = (key, order, page, what, words)
    ranked = sorted(readings.items(), key=lambda item: (_cased(item[1][0]), item[1][1]))
    if not ranked:
        return []
    best, _, _, _, words = ranked[0][1]
    if best[0] > len(words) // 20:  # no reading is names
        return []
    tied = [
        (p, w, text, ws, key[2])
        for text, (key, _, p, w, ws) in ranked
        if _cased(key) == _cased(best)
    ]
    if any(named[0] not in _OLD_CODE_PAGES for named in tied):
        tied = [named for named in tied if named[0] not in _OLD_CODE_PAGES]
    if len(tied) > 1:  # Greek, Cyrillic or Hebrew: how each spells, then case
        unlikely = [(_unlikely(named[3]), named[4]) for named in tied]
        tied = [named for named, n in zip(tied, unlikely) if n == min(unlikely)]
    return [(page, what, text) for page, what, text, _, _ in tied[:_MOST_NAMED]]


def _cased(key):
    """A :func:`_reading_key` but whether a cased script has no capital."""
    return key[:2] + key[3:]


def _refuse_mostly_utf8(data, path, encoding):
    """Refuse a file whose lines outside ASCII are UTF-8 but for a few (a line
    pasted from another file): read in a one-byte code page, the others would
    be misread. The UTF-8 reader names the lines to write again."""
    lines = [line for line in data.splitlines() if not line.isascii()]
    decoded = [_strict_utf8(line) for line in lines]  # "José" in latin-1 is not
    bad = [i for i, text in enumerate(decoded) if text is None]
    if len(lines) - len(bad) < 2 or len(bad) * 10 > len(lines):
        return  # not UTF-8 text: letters of a code page, as asked
    if bad and bad[-1] == len(lines) - 1 and len(data) >= SAMPLE_BYTES:
        bad.pop()  # a letter cut at the end of the sample
    if not bad:
        return
    good = next(line for line, text in zip(lines, decoded) if text is not None)
    raise ValueError(
        f"{os.fspath(path)!r} is UTF-8 text but for {counted(len(bad), 'line')} in "
        f"another encoding, and encoding={encoding!r} misreads the others ("
        f"{_shown(good.decode(encoding, 'replace'))}, in UTF-8 "
        f"{_shown(good.decode('utf-8'))}): read it with encoding='utf-8', whose "
        "message names the lines to write again in UTF-8."
    )


def _strict_utf8(line):
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf8_text(data):
    """``data`` decoded as UTF-8, or None if it is not UTF-8.

    An incomplete last letter is left out (a block of a file may cut one): a
    text whose only letter outside ASCII is such a byte (``Zoë`` in latin-1,
    at the end of a file) is no UTF-8 text that a caller would tell.

    Examples
    --------
    >>> _utf8_text("Zoë".encode()[:3]), _utf8_text("Zoë\\n".encode("latin-1"))
    ('Zo', None)
    """
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data)
    except UnicodeDecodeError:
        return None


def _same(codec, other):
    return codecs.lookup(codec).name == codecs.lookup(other).name


def _sample(data):
    """The first :data:`SAMPLE_BYTES` of ``data``, cut after a line break."""
    if len(data) <= SAMPLE_BYTES:
        return data
    data = data[:SAMPLE_BYTES]
    return data[: max(data.rfind(b"\n"), data.rfind(b"\r")) + 1] or data


def _mostly_ascii(data):
    """Whether most letters of the lines with a byte outside ASCII are ASCII
    ones, as in ``Dvořák`` or ``Ó Briain`` (not in ``Иван``)."""
    lines = (line for line in re.split(rb"[\r\n]", data) if not line.isascii())
    joined = b"".join(itertools.islice(lines, _SCORED_WORDS))
    outside = len(re.findall(rb"[\x80-\xff]", joined))
    return len(re.findall(rb"[A-Za-z]", joined)) >= outside


def _words(text):
    """The first words of ``text`` with a character outside ASCII."""
    return [
        match.group() for match in itertools.islice(_WORD.finditer(text), _SCORED_WORDS)
    ]


def _reading_key(words, mostly_ascii):
    """How unlike names a reading's ``words`` are, the likeliest first.

    First the places that no name has (:func:`_oddities`); then whether its
    letters outside ASCII are of another script than expected (a few Latin
    ones among ASCII letters, as in ``Dvořák``, or most letters of another
    script, as in ``Иван``); then, a script that has capitals without any,
    ASCII letters counted (a text of Hebrew read as Cyrillic: ``гег``; not
    ``Zoë``, which an old Mac's ``Zo‘`` is), which :func:`code_page_readings`
    weighs after how names spell (lists of names in small letters are
    common); then the Latin letters that are
    in no alphabet of :data:`_ALPHABETS` with most of the others; then
    letters of a script without capitals (Hebrew), where another reading may
    have them in place; last, the words of letters out of place
    (:func:`_misplaced`: ``Büþra`` and ``Ayþe``, cp1254's ``Büşra`` and
    ``Ayşe`` read as cp1252).
    """
    outside = [char for char in "".join(words) if char.isalpha() and not char.isascii()]
    latin = [char for char in outside if _script(char) == "LATIN"]
    off_script = (2 * len(latin) >= len(outside)) != mostly_ascii
    cased = [char for char in outside if char.islower() or char.isupper()]
    no_capitals = bool(cased) and not any(char.isupper() for char in "".join(words))
    uncased = bool(outside) and not cased and not _spelled_as_hebrew(words)
    foreign, misplaced = _foreign(latin), _misplaced(words)
    return _oddities(words), off_script, no_capitals, foreign, uncased, misplaced


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


def _unlikely(words):
    """The places of ``words`` that names of Greek or Cyrillic rarely have,
    which tell the two apart in a file of a name or two, where both code pages
    read letters (``Иван`` read as Greek is ``Θβΰν``): :func:`_unlikely_in`
    of each run of letters."""
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


def _oddities(words):
    """The places of ``words`` that no name has: letters of two scripts, a
    symbol or a control character, a mark on no letter or of another script,
    a capital after a small letter, punctuation beside a letter where names
    have none (:func:`_misplaced_punctuation`)."""
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


def _shown(line, most=40):
    line = line.strip()
    return repr(line if len(line) <= most else line[: most - 3] + "...")
