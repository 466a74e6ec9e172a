"""UTF-16 and UTF-32 told by their bytes: which of them a file is, and which it
is not although it was read so.

A UTF-16 or UTF-32 file without a byte-order mark is told by its zero bytes
(a Latin letter is ``a\\x00`` in UTF-16 little-endian) or by the characters its
units read as (``_codecs.wide_codec``, beside the codec a file is read with);
here, a NUL read in a file is told to be such a file's (:func:`wide_of_nul`),
UTF-16 read in the wrong byte order reads letters as characters such as
U+6100, and a text of one byte a letter (UTF-8, a code page) read as UTF-16
reads two letters at a time as one character (``as`` as ``獡``) and loses its
line breaks (:func:`check_utf16_reading`).
"""

import codecs
import os
import re
import sys

from .._shown_paths import shown_path
from ._codecs import HEAD_BYTES, unmarked_text, wide_codec
from ._encoding import UNKNOWN_ENCODING, encoding_advice

__all__ = [
    "check_utf16_reading",
    "wide_advice",
    "wide_of_file_start",
    "wide_of_nul",
]

# LF and CR of UTF-16 read in the other byte order.
_SWAPPED_BREAKS = "\u0a00\u0d00"
# Bytes that no text of one byte a letter holds: control characters but the
# tab and the line breaks (NUL, which every text of UTF-16 but the shortest
# holds, is among them).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The bytes of a file of names of one byte a letter (letters, those of UTF-8
# and of the code pages, digits and the punctuation of names and of tables),
# and the places that no such file has: a digit against a letter, a letter
# that starts no line ("=" or "_" do in UTF-16 read as one byte a letter).
_NAME_BYTES = re.compile(rb"[A-Za-z0-9 \t'\".,;\-_/()&\x80-\xff\r\n]*")
_GLUED_DIGIT = re.compile(rb"[A-Za-z\x80-\xff][0-9]|[0-9][A-Za-z\x80-\xff]")
_LINE_START = re.compile(rb"[A-Za-z\x80-\xff'\"]")
# A run of ASCII letters as names spell it (Ava, ava, AVA, McDonald) and with a
# vowel if it has four letters or more (not "lzjl").
_ASCII_RUN = re.compile(rb"[A-Za-z]+")
_NAME_SHAPE = re.compile(rb"[A-Z][a-z]+(?:[A-Z][a-z]+)*|[a-z]+|[A-Z]+")
_VOWEL = re.compile(rb"[AEIOUYaeiouy]")
# Four bytes read as two characters, told from a Chinese name by a line break
# inside a character: a name of two or three ASCII letters and a line break
# (Ana, Al; not Anna, as many Chinese names of two characters read so: 潘浩 is
# "Xoim" in UTF-16-LE).
_SHORT_LINE = re.compile(rb"(?=[^\r\n]*[AEIOUYaeiouy])[A-Z]?[a-z]+(?:\r\n|\n)")


def wide_of_nul(text, line, encoding):
    """:func:`wide_codec` of decoded text that holds NUL, starting on ``line``.

    Line 1 starts the file. Read as UTF-16 (``encoding``), UTF-32 holds NUL
    in every other character: after each (``"A\\x00"``) if little-endian,
    before if big-endian. A NUL that starts line 2 (line 1 held none: a file
    of names of another script than Latin) is the second byte of a
    little-endian line break, whose first byte ended line 1: the line is
    looked at after that byte.

    Examples
    --------
    >>> wide_of_nul("Z\\x00o\\x00\\n\\x00", 1, "latin-1")
    'utf-16-le'
    """
    if line == 1 and codecs.lookup(encoding).name.startswith("utf-16"):
        head = text[:4096]
        for codec, nul, other in (("utf-32-le", 1, 0), ("utf-32-be", 0, 1)):
            if set(head[nul::2]) == {"\x00"} and "\x00" not in head[other::2]:
                return codec
        return None
    if line == 1:
        return wide_codec(text[:4096])
    if line == 2 and text.startswith("\x00"):
        codec = wide_codec("\n" + text[:4095])
        return codec if codec == "utf-16-le" else None
    return None


def wide_of_file_start(path):
    """:func:`wide_codec` of the first bytes of the file at ``path`` (None if
    it cannot be read): a file read in parts may have met its first NUL past
    line 2, where a letter whose low byte is a line break (U+090A, U+040A) cut
    the first name of a UTF-16 file without a byte-order mark."""
    try:
        with open(path, "rb") as file:
            return wide_codec(file.read(HEAD_BYTES))
    except (OSError, TypeError, ValueError):
        return None


def wide_advice(codec):
    """What to pass for a file of ``codec`` (:func:`wide_codec`), to follow a
    colon or a semicolon in a message.

    Examples
    --------
    >>> wide_advice("utf-16-le")  # doctest: +NORMALIZE_WHITESPACE
    "it looks like UTF-16 text (little-endian) without a byte-order mark; pass
    encoding='utf-16-le'"
    """
    if codec in ("utf-16", "utf-32"):
        kind = codec.upper()
        return f"it is {kind} text, with a byte-order mark; pass encoding={codec!r}"
    return f"it looks like {unmarked_text(codec)}; pass encoding={codec!r}"


def check_utf16_reading(sample, path, encoding):
    """Refuse the start of a file read as UTF-16 that is not UTF-16 text in
    that byte order: UTF-16 in the other order (:func:`_check_byte_order`),
    or text of one byte a letter (:func:`_check_not_one_byte`).

    Parameters
    ----------
    sample : str
        The first characters of the file as ``encoding`` reads them.
    path : str
    encoding : str
        The encoding the user gave (``"utf-16"``, ``"utf-16-le"``...).

    Raises
    ------
    ValueError
        It says what the file is and what to pass.

    Examples
    --------
    >>> check_utf16_reading("asha\\nravi\\n".encode().decode("utf-16-le"), "a.txt",
    ...                     "utf-16-le")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'a.txt' read as utf-16-le is characters such as '獡' (U+7361), ...
    """
    name = codecs.lookup(encoding).name
    mark = _mark_order(path)
    if mark is not None and (name == "utf-16" or name.endswith(mark)):
        return  # a byte-order mark of that order: UTF-16 it is
    order = name[-2:] if name[-3:] in ("-le", "-be") else sys.byteorder[0] + "e"
    _check_byte_order(sample, path, encoding, order)
    _check_not_one_byte(sample, path, encoding, order)


def _mark_order(path):
    """``"le"`` or ``"be"``: the byte order of the UTF-16 byte-order mark that
    starts the file at ``path``; None if none does (or a UTF-32 one), or if
    ``path`` is no file that can be read again (a pipe)."""
    try:
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as file:
            start = file.read(4)
    except (OSError, TypeError, ValueError):
        return None
    if start.startswith(codecs.BOM_UTF32_LE):
        return None
    if start.startswith(codecs.BOM_UTF16_LE):
        return "le"
    return "be" if start.startswith(codecs.BOM_UTF16_BE) else None


def _check_byte_order(sample, path, encoding, order):
    """Refuse UTF-16 read in the wrong byte order: characters whose low byte
    is zero (U+6100, 'a' swapped) make up a quarter of the text or more, and
    the text read in the other order is ASCII by half at least (Chinese names
    hold such characters too: U+4E00, ``一``, read swapped is ``N``); or the
    line breaks are all swapped (U+0A00 for LF, U+0D00 for CR, and no line
    break: a script whose letters have no zero byte, Cyrillic or Devanagari).
    The message names what the rule saw: letters, or line breaks."""
    swapped = [char for char in sample if ord(char) > 0xFF and not ord(char) & 0xFF]
    breaks = [char for char in swapped if char in _SWAPPED_BREAKS]
    letters = [char for char in swapped if char not in _SWAPPED_BREAKS]
    if len(swapped) >= len(sample) / 4 and _ascii_when_swapped(sample, order):
        seen = (letters or breaks)[0]
    elif breaks and "\n" not in sample and "\r" not in sample:
        seen = breaks[0]
    else:
        return
    what = "line breaks" if seen in _SWAPPED_BREAKS else "letters"
    other = "utf-16-be" if order == "le" else "utf-16-le"
    raise ValueError(
        f"{shown_path(path)} read as {encoding} gives characters such as {seen!r} "
        f"(U+{ord(seen):04X}) in place of {what}: it is UTF-16 in the other "
        f"byte order; pass encoding={other!r}."
    )


def _ascii_when_swapped(sample, order):
    """Whether half the characters of ``sample`` at least are ASCII when its
    bytes (in ``order``) are read in the other byte order."""
    other = "be" if order == "le" else "le"
    data = sample.encode(f"utf-16-{order}", "surrogatepass")
    text = data.decode(f"utf-16-{other}", "replace")
    return 2 * sum(char.isascii() for char in text) >= len(text)


def _check_not_one_byte(sample, path, encoding, order):
    """Refuse text of one byte a letter (UTF-8, ASCII, a code page) read as
    UTF-16: every character is two of its bytes (``as`` read as ``獡``), so
    the reading has no line break, while its bytes have line breaks between
    lines of letters, or are letters alone (a name or two, three characters
    at least; two if a name and its line break, :data:`_SHORT_LINE`: ``Ana``
    and LF read as ``湁\u0a61``; not ``Anna``, nor ``Al`` read as ``汁``, as
    often a Chinese name: ``潘`` is ``Xo``). UTF-16 text holds zero bytes
    (those of its line breaks, its spaces and its Latin letters) unless it is
    a name of another script without a line break; and its characters' bytes
    are rarely all letters, spaces and line breaks, nor read as names
    (:func:`_reads_as_one_byte`: a Chinese name may hold ``\\r``, U+840D)."""
    if len(sample) < 2 or "\n" in sample or "\r" in sample:
        return
    data = sample.encode(f"utf-16-{order}", "surrogatepass")
    if len(sample) == 2 and not _SHORT_LINE.fullmatch(data):
        return
    if not _reads_as_one_byte(data, encoding):
        return
    seen = next(char for char in sample if not char.isspace())
    pair = data[sample.index(seen) * 2 :][:2].decode("latin-1")
    raise ValueError(
        f"{shown_path(path)} read as {encoding} is characters such as {seen!r} "
        f"(U+{ord(seen):04X}), each two bytes of a name ({pair!r}), and no line "
        "break: it is not UTF-16 but text of one byte a letter; "
        f"{encoding_advice(data, encoding)}."
    )


def _reads_as_one_byte(data, encoding):
    """Whether ``data``, the bytes of a text read as UTF-16 without a line
    break, read as names of one byte a letter: no control byte (a zero byte:
    UTF-16 it is); only the bytes of names and tables (:data:`_NAME_BYTES`),
    no digit against a letter; lines that start with a letter and have two
    bytes at least, ended by LF or CRLF (CR alone, as old Macs did, twice at
    least); runs of ASCII letters spelled as names; letters outside ASCII that
    UTF-8 or a common code page reads (:func:`encoding_advice`); and lines
    of two names, or a name of ASCII letters alone."""
    if _CONTROL_BYTES.search(data) or not _NAME_BYTES.fullmatch(data):
        return False
    lone_cr = len(re.findall(rb"\r(?!\n)", data))
    if _GLUED_DIGIT.search(data) or (lone_cr and (b"\n" in data or lone_cr < 2)):
        return False
    lines = [line.strip() for line in re.split(rb"\r\n|\r|\n", data)]
    lines = [line for line in lines if line]
    if not all(_LINE_START.match(line) and len(line) > 1 for line in lines):
        return False
    runs = _ASCII_RUN.findall(data)
    if not all(_NAME_SHAPE.fullmatch(run) for run in runs) or any(
        len(run) > 3 and not _VOWEL.search(run) for run in runs
    ):
        return False
    if not data.isascii() and encoding_advice(data, encoding) == UNKNOWN_ENCODING:
        return False
    if len(lines) < 2:
        return bool(re.fullmatch(rb"[A-Za-z '-]+[\r\n]*", data))
    return all(re.search(rb"[A-Za-z\x80-\xff]", line) for line in lines)
