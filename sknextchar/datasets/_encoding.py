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
import re
import warnings

from .._shown_paths import shown_path
from .._stacklevel import user_stacklevel
from .._words import counted
from ._reading_scores import oddities, reading_key, unlikely

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
    if oddities(_words(text)) < oddities(_words(utf8)):
        return
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    at = (_OUTSIDE_ASCII.search(text, bom) or _OUTSIDE_ASCII.search(text)).start()
    begin = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    line = re.split(r"\r\n|\r|\n", text[begin:], maxsplit=1)[0]
    right = line.encode(encoding).decode("utf-8-sig", "replace")
    number = 1 + len(re.findall(r"\r\n|\r|\n", text[:begin]))
    raise ValueError(
        f"{shown_path(path)} is UTF-8 text, which encoding={encoding!r} misreads "
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
    given = reading_key(words, mostly_ascii)
    best = reading_key(_words(other[0][2]), mostly_ascii)
    every_word_odd = all(map(oddities, ([word] for word in words)))
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
        f"{shown_path(path)} reads as names in {each}, not in "
        f"encoding={encoding!r} ({_shown(lines[0][at])}); {advice}",
        UserWarning,
        stacklevel=user_stacklevel(),
    )


def _clearly_better(best, given, *, every_word_odd=False):
    """Whether a reading of key ``best`` (:func:`reading_key`) is clearly
    likelier than one of key ``given``: of the script expected, with at most a
    quarter of its oddities (two at least: one may be in the names); or with
    none, nor letters of no one language or out of place, while that one has
    letters of another script, or two of no one language (one may be a
    foreign name's), or a word of letters out of place (as
    :func:`reading_key` counts it), or an oddity in every word outside ASCII
    (``every_word_odd``: ``Zo‘``, an old Mac's ``Zoë`` read as cp1252, in a
    file of ASCII names else)."""
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
        by :func:`reading_key`, whether a cased script's reading has no
        capital left aside (more than one if they tie, at most three; a tie
        broken by :func:`unlikely`, then by that: ``иван`` in cp1251 is
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
            key = reading_key(words, mostly_ascii)
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
        rare = [(unlikely(named[3]), named[4]) for named in tied]
        tied = [named for named, n in zip(tied, rare) if n == min(rare)]
    return [(page, what, text) for page, what, text, _, _ in tied[:_MOST_NAMED]]


def _cased(key):
    """A :func:`reading_key` but whether a cased script has no capital."""
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
        f"{shown_path(path)} is UTF-8 text but for {counted(len(bad), 'line')} in "
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


def _shown(line, most=40):
    line = line.strip()
    return repr(line if len(line) <= most else line[: most - 3] + "...")
