"""The codec a file of names is read with, from the encoding given and the
file's first bytes: a byte-order mark selects UTF-16 or UTF-32 and is skipped,
the bytes of UTF-16 or UTF-32 without one tell their byte order
(:func:`wide_codec`), and an encoding Python does not know is answered with the
one to pass (Notepad's names for its encodings, "ANSI" or "Unicode", each with
Python's; for a file without a byte-order mark, the byte order its bytes
show)."""

import codecs
import re
import sys

__all__ = [
    "HEAD_BYTES",
    "bom_length",
    "close_encodings",
    "encoding_file",
    "file_encoding",
    "unknown_encoding_message",
    "unmarked_text",
    "wide_codec",
]

#: The first bytes of a file that tell its codec when no encoding that
#: Python knows is given: a byte-order mark, or UTF-16's byte order without one.
HEAD_BYTES = 4096

# The byte-order marks, each with the encoding that reads it and its name in a
# message (UTF-32 LE's starts with UTF-16 LE's, so it comes first).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# The byte-order marks that "utf-16" and "utf-32" read as such.
_OWN_BOMS = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}
# Those that name another encoding than UTF-8.
_OTHER_BOMS = tuple((bom, codec) for bom, codec, _ in _BOMS if codec != "utf-8-sig")


def file_encoding(start, encoding="utf-8"):
    """The codec to read a text file with, its byte-order mark skipped.

    For UTF-8 (the default), a UTF-16 or UTF-32 byte-order mark at the start of
    the file (a "Unicode" text file saved on Windows) selects that encoding:
    such a file needs no ``encoding``. ``"utf-16"`` or ``"utf-32"`` without a
    byte-order mark of its own width (none, or the other one's: UTF-16 given as
    ``"utf-32"``) reads this machine's byte order (``"utf-16-le"`` on most),
    as ``bytes.decode`` does, so that what does not decode gets the message of
    the file's reader (Python's own reader would say only "UTF-32 stream does
    not start with BOM"). Another encoding is used as given.

    Parameters
    ----------
    start : bytes
        The first bytes of the file (4 tell a byte-order mark; up to
        :data:`HEAD_BYTES` tell the byte order of UTF-16 without one, for the
        message on an encoding Python does not know), read from the stream
        that is then decoded: a pipe cannot be opened twice.
    encoding : str, default="utf-8"

    Returns
    -------
    codec : str

    Examples
    --------
    >>> file_encoding("asha".encode("utf-16")), file_encoding(b"asha", "latin-1")
    ('utf-16', 'latin-1')
    >>> file_encoding(b"asha")
    'utf-8-sig'
    >>> file_encoding(b"a\\x00s\\x00", "utf-16") == "utf-16-" + sys.byteorder[0] + "e"
    True
    >>> file_encoding("asha".encode("utf-16"), "utf-32")[:7]  # UTF-16's mark
    'utf-32-'
    """
    if not isinstance(encoding, str):
        raise TypeError(
            "encoding must be the name of the file's text encoding, a str such as "
            f"'utf-8' or 'cp1252'; got {encoding!r}."
        )
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        raise ValueError(unknown_encoding_message(encoding, start)) from None
    _check_reads_files(encoding, name)
    if name in _OWN_BOMS and not start.startswith(_OWN_BOMS[name]):
        # no byte-order mark of its own (none, or the other width's, which its
        # reader would refuse unexplained): this machine's order, read whole or
        # in blocks alike, and the message on what does not decode says more
        return f"{name}-{sys.byteorder[0]}e"
    if name != "utf-8":
        return encoding
    for bom, codec in _OTHER_BOMS:
        if start.startswith(bom):
            return codec
    return "utf-8-sig"  # UTF-8, with a byte-order mark skipped


def _check_reads_files(encoding, name):
    """Refuse a codec of Python's that reads no file of text: one of bytes to
    bytes (``base64``, ``rot13``, ``zlib``), or one that cannot go past a
    byte it has no character for (``idna``, ``punycode``), as a reader must
    to say where a file fails."""
    try:
        bytes(range(256)).decode(encoding, "replace")
    except LookupError:
        what = "turns bytes into other bytes, not into text"
    except UnicodeError:
        what = "is not for files"
    else:
        return
    raise ValueError(
        f"encoding={encoding!r} is no encoding of text files (Python's {name!r} "
        f"codec {what}); pass the file's encoding, e.g. encoding='utf-8' or "
        "encoding='latin-1'."
    )


def encoding_file(encoding):
    """``"a utf-8 text file"``, ``"an ASCII text file"``: a text file of an
    encoding as messages name it (ASCII in capitals, as it is spelled; a
    byte-order mark's ``-sig`` left out), with its article.

    Examples
    --------
    >>> encoding_file("utf-8-sig"), encoding_file("ascii"), encoding_file("latin-1")
    ('a utf-8 text file', 'an ASCII text file', 'a latin-1 text file')
    >>> encoding_file("iso-8859-15"), encoding_file("euc-jp"), encoding_file("hz")
    ('an iso-8859-15 text file', 'an euc-jp text file', 'an hz text file')
    """
    name = encoding.removesuffix("-sig")
    name = "ASCII" if name.lower() == "ascii" else name
    # An initial vowel; HZ is said letter by letter ("aitch-zed").
    vowel = name[:1].lower() in ("a", "e", "i", "o") or name.lower() == "hz"
    return f"{'an' if vowel else 'a'} {name} text file"


def bom_length(start, codec):
    """How many of the first bytes of a file, ``start``, are a byte-order mark
    that ``codec`` reads as U+FEFF (``b"\\xff\\xfe"`` in ``"utf-16-le"``; an
    Excel "Unicode text" file read with the byte order named): 0 if none, or
    if ``codec`` skips it itself (``"utf-16"``, ``"utf-8-sig"``), or if it is
    the start of UTF-32's (whose reader says what the file is).

    Examples
    --------
    >>> bom_length(codecs.BOM_UTF16_LE + b"Z\\x00", "utf-16-le")
    2
    >>> bom_length(codecs.BOM_UTF16_LE, "utf-16"), bom_length(b"Zo", "cp1252")
    (0, 0)
    """
    if codecs.lookup(codec).name in ("utf-16", "utf-32", "utf-8-sig"):
        return 0
    try:
        bom = "\ufeff".encode(codec)
    except UnicodeEncodeError:  # a code page without the character
        return 0
    wider = start.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    return len(bom) if start.startswith(bom) and (len(bom) == 4 or not wider) else 0


def wide_codec(head):
    """The UTF-16 or UTF-32 codec of a file whose first bytes are ``head``
    (bytes, or a str read one byte a character), or None if they look like
    neither: a byte-order mark; or characters of four bytes each
    (:func:`_utf32_of_units`); or a zero byte in every other place, as in a
    name of Latin letters in UTF-16 (at odd places in little-endian, at even
    ones in big-endian), or fewer, as in names of another script, whose zero
    bytes are those of the line breaks (``b"\\n\\x00"`` in little-endian):
    then the bytes must read as such names in that order
    (:func:`_utf16_of_script_lines`).

    Examples
    --------
    >>> wide_codec("Zoë\\n".encode("utf-16-be")), wide_codec(b"Zo\\xeb\\n")
    ('utf-16-be', None)
    """
    if isinstance(head, str):
        head = bytes(min(ord(char), 0xFF) for char in head)
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if (utf32 := _utf32_of_units(head)) is not None:
        return utf32
    places = [i % 2 for i, byte in enumerate(head) if not byte]
    if not places:
        return None
    if len(places) < len(head) / 4:
        return _utf16_of_script_lines(head)
    odd = sum(places) / len(places)
    return "utf-16-le" if odd >= 0.9 else "utf-16-be" if odd <= 0.1 else None


def _utf16_of_script_lines(head):
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``head`` read in that byte order
    is lines of characters of U+0100 to U+1FFF (Greek, Cyrillic, Hebrew,
    Arabic, Devanagari and the other scripts of India, Thai, Georgian...) and
    ASCII ones (spaces, hyphens), with a line break (LF or CR) among them."""
    for codec, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        codes = [
            pair[high] << 8 | pair[1 - high] for pair in zip(head[::2], head[1::2])
        ]
        if any(code in (0x0A, 0x0D) for code in codes) and all(
            0 < code < 0x80 or 0x100 <= code < 0x2000 for code in codes
        ):
            return codec
    return None


def _utf32_of_units(head):
    """``"utf-32-le"`` or ``"utf-32-be"`` when ``head`` read in that byte order
    is characters of U+0001 to U+2FFFF but the surrogates, a line break or
    two at least: no text of two bytes a character or one reads so, as one of
    its characters in two would be U+0000 to U+0002."""
    head = head[: len(head) - len(head) % 4]
    if len(head) < 8:
        return None
    for codec, order in (("utf-32-le", "little"), ("utf-32-be", "big")):
        codes = [int.from_bytes(head[i : i + 4], order) for i in range(0, len(head), 4)]
        if all(0 < code < 0x30000 and not 0xD800 <= code < 0xE000 for code in codes):
            return codec
    return None


# Notepad's names for the encodings it saves in (its "Save as" and status bar),
# normalised as _notepad_key does, with what each is in Python.
_NOTEPAD = {
    "ansi": None,  # the code page of the Windows that saved the file
    "unicode": "utf-16",
    "unicodebigendian": "utf-16-be",
    "utf8withbom": "utf-8-sig",
}


def _notepad_key(encoding):
    """``"UTF-8 with BOM"`` -> ``"utf8withbom"``."""
    return re.sub(r"[^0-9a-z]", "", encoding.casefold())


def unknown_encoding_message(encoding, start=b""):
    """The message on an ``encoding`` Python has no codec for: what to pass.

    A byte-order mark at the ``start`` of the file says its encoding, whatever
    was given, and so do the bytes of UTF-16 or UTF-32 without one, in their
    byte order (``"utf-16-be"``: the advice reads the file in one step);
    else Notepad's names are answered with Python's: "Unicode" is
    ``"utf-16"``, "Unicode big endian" ``"utf-16-be"``, "UTF-8 with BOM"
    ``"utf-8-sig"``, and "ANSI" the code page of the Windows that saved the
    file (``"cp1252"`` on Western European Windows).

    Parameters
    ----------
    encoding : str
        The encoding given, unknown to Python.
    start : bytes, default=b""
        The first bytes of the file (up to :data:`HEAD_BYTES` are looked at:
        those of UTF-16 or UTF-32 without a byte-order mark tell its byte
        order, :func:`_byte_order`).

    Returns
    -------
    message : str

    Examples
    --------
    >>> print(unknown_encoding_message("Unicode"))  # doctest: +NORMALIZE_WHITESPACE
    The encoding 'Unicode' is Notepad's name for Python's 'utf-16': pass
    encoding='utf-16'.
    >>> print(unknown_encoding_message("Unicode", "Zoë".encode("utf-16")))
    ... # doctest: +NORMALIZE_WHITESPACE
    The encoding 'Unicode' is Notepad's name for Python's 'utf-16', and this
    file starts with the byte-order mark of UTF-16: pass encoding='utf-16'.
    >>> print(unknown_encoding_message("Unicode", "Zoë".encode("utf-8")))
    ... # doctest: +NORMALIZE_WHITESPACE
    The encoding 'Unicode' is Notepad's name for Python's 'utf-16', which Notepad
    writes with a byte-order mark at the start, and this file has neither one
    nor the bytes of UTF-16 text: it was saved in another encoding. Pass
    encoding='utf-8' (Notepad's 'UTF-8'), or encoding='cp1252' (its 'ANSI' on
    Western European or American Windows).
    >>> print(unknown_encoding_message("ANSI", "Zoë".encode("utf-16")))
    ... # doctest: +NORMALIZE_WHITESPACE
    The encoding 'ANSI' is Notepad's name for the Windows code page of the
    computer that saved the file, but this file starts with the byte-order mark
    of UTF-16, which says its encoding: pass encoding='utf-16'.
    """
    head = start[:HEAD_BYTES]
    key = _notepad_key(encoding)
    if key not in _NOTEPAD:
        wide = _byte_order(head)
        return f"encoding={encoding!r} is not a text encoding; " + (
            _bytes_of(wide) if wide is not None else _close_advice(encoding)
        )
    what = f"The encoding {encoding!r} is Notepad's name for " + (
        "the Windows code page of the computer that saved the file"
        if _NOTEPAD[key] is None
        else f"Python's {_NOTEPAD[key]!r}"
    )
    python = _NOTEPAD[key]
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            agree = python is not None and f"{python}-".startswith(f"{codec}-")
            return (
                f"{what}, and this file starts with the byte-order mark of {name}: "
                f"pass encoding={codec!r}."
                if agree
                else f"{what}, but this file starts with the byte-order mark of "
                f"{name}, which says its encoding: pass encoding={codec!r}."
            )
    wide = _byte_order(head, utf16=python in ("utf-16", "utf-16-be"))
    if wide is not None:  # no mark: its bytes tell
        agree = python is not None and wide.startswith(python)
        return f"{what}{', and' if agree else ', but'} {_bytes_of(wide)}"
    # UTF-16 text of Latin letters has zero bytes; Notepad writes a mark first.
    if python in ("utf-16", "utf-16-be") and head and _line_break_order(head) is None:
        return (
            f"{what}, which Notepad writes with a byte-order mark at the start, "
            "and this file has neither one nor the bytes of UTF-16 text: it "
            "was saved in another encoding. Pass "
            "encoding='utf-8' (Notepad's 'UTF-8'), or encoding='cp1252' (its "
            "'ANSI' on Western European or American Windows)."
        )
    if python is not None:
        return f"{what}: pass encoding={python!r}."
    return (
        f"{what}: pass encoding='cp1252' for a file saved on Western European or "
        "American Windows; on another, its code page: encoding='cp1250' (Central "
        "European), encoding='cp1251' (Cyrillic), encoding='cp1253' (Greek) or "
        "encoding='cp1254' (Turkish)."
    )


def close_encodings(encoding, most=3):
    """The names of text encodings close to ``encoding``, an unknown name,
    compared without case, spaces, ``-`` and ``_``: the one it spells so
    (``"cp 1252"``), else those it is the start of (``"windows"``: the
    Western European code page first), else the most alike; at most
    ``most``, each a name of another codec.

    Examples
    --------
    >>> close_encodings("windows"), close_encodings("cp-1252")
    (['windows-1252', 'windows-1250', 'windows-1251'], ['cp1252'])
    >>> close_encodings("win1252"), close_encodings("ascii7"), close_encodings("xyz")
    (['windows-1252'], ['ascii'], [])
    """
    import difflib
    from encodings.aliases import aliases

    names = {}  # folded name -> the name as shown
    for name in sorted({*aliases, *aliases.values()}):
        names.setdefault(_notepad_key(name), name.replace("_", "-"))
    key = _notepad_key(encoding)
    found = [key] if key in names else []
    if not found and len(key) >= 3:
        found = [name for name in names if name.startswith(key)]
    if not found:
        found = difflib.get_close_matches(key, list(names), n=most, cutoff=0.75)
    codecs_of = {}  # one name per codec, the Western code page's first
    for name in found:
        try:
            codec = codecs.lookup(names[name]).name
        except LookupError:  # a name without a codec here: "mbcs" off Windows
            continue
        codecs_of.setdefault(codec, names[name])
    western = ("cp1252", "iso8859-1", "utf-8")
    first = sorted(codecs_of, key=lambda codec: codec not in western)
    return [codecs_of[codec] for codec in first[:most]]


def _close_advice(encoding):
    """The encodings to pass for an unknown ``encoding``: the names close to
    it (:func:`close_encodings`), else the two most common."""
    close = [f"encoding={name!r}" for name in close_encodings(encoding)]
    if not close:
        return "pass the file's, e.g. encoding='utf-8' or encoding='cp1252'."
    listed = ", ".join(close[:-1]) + ", or " + close[-1] if close[1:] else close[0]
    return f"did you mean {listed}?"


def _byte_order(head, utf16=False):
    """The UTF-16 or UTF-32 codec, its byte order named, of a file without a
    byte-order mark whose first bytes are ``head``: :func:`wide_codec`, or,
    for a file said to be UTF-16 (``utf16``: Notepad's "Unicode") of names of
    a script that :func:`wide_codec` does not tell (Chinese: characters past
    U+1FFF), the byte order its line breaks show (:func:`_line_break_order`);
    None for neither.

    Examples
    --------
    >>> zh = "王芳\\r\\n李娜\\n".encode("utf-16-be")
    >>> _byte_order(zh, utf16=True), _byte_order(zh), _byte_order(b"Zo\\n", True)
    ('utf-16-be', None, None)
    """
    wide = wide_codec(head)
    if wide is not None or not utf16:
        return None if wide in ("utf-16", "utf-32") else wide
    order = _line_break_order(head)
    return None if order == "utf-16" else order


def _line_break_order(head):
    """What the line breaks in ``head``, bytes without a byte-order mark, say
    of UTF-16: ``"utf-16-le"`` or ``"utf-16-be"`` when most of the two-byte
    units that hold the byte of LF or CR are line breaks in that order
    (``b"\\n\\x00"`` in little-endian) and none is one in the other;
    ``"utf-16"`` when they cannot tell (no line break, or both orders); None
    when the bytes are not UTF-16 text: no zero byte (as Latin letters have),
    a unit of two zero bytes (U+0000, no text's: a file padded with NUL
    bytes), or line-break bytes mostly outside such units (text of a byte a
    character in which a NUL follows a line break).

    Examples
    --------
    >>> _line_break_order("王芳\\n上官\\n".encode("utf-16-le"))
    'utf-16-le'
    >>> _line_break_order(b"Zo\\xc3\\xab\\nJos\\xc3\\xa9\\n\\x00\\x00\\x00\\x00")
    >>> _line_break_order(b"Zoe\\nAnna\\nJo\\n\\x00Ravi\\n")
    """
    units = list(zip(head[::2], head[1::2]))
    if b"\x00" not in head or (0, 0) in units:
        return None
    held = sum(10 in unit or 13 in unit for unit in units)
    little = sum(low in (10, 13) and not high for low, high in units)
    big = sum(high in (10, 13) and not low for low, high in units)
    if not held or little and big:
        return "utf-16"
    if 2 * (little + big) <= held:
        return None
    return "utf-16-le" if little else "utf-16-be"


def _bytes_of(codec):
    """What the bytes of a file without a byte-order mark show it to be, as
    ``codec`` (:func:`_byte_order`), and what to pass."""
    text = unmarked_text(codec)
    return f"this file holds the bytes of {text}: pass encoding={codec!r}."


def unmarked_text(codec):
    """The text of a file without a byte-order mark that ``codec`` reads
    (``"utf-16-le"``, ``"utf-32-be"``...: its byte order named), in words.

    Examples
    --------
    >>> unmarked_text("utf-16-le")
    'UTF-16 text (little-endian) without a byte-order mark'
    """
    order = "little" if codec.endswith("le") else "big"
    return f"{codec[:6].upper()} text ({order}-endian) without a byte-order mark"
