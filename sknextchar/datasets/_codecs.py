"""The codec a file of names is read with, from the encoding given and the
file's first bytes: a byte-order mark selects UTF-16 or UTF-32 and is skipped,
and an encoding Python does not know is answered with the one to pass (Notepad's
names for its encodings, "ANSI" or "Unicode", each with Python's)."""

import codecs
import re
import sys

__all__ = ["bom_length", "file_encoding", "unknown_encoding_message"]

# The byte-order marks, each with the encoding that reads it and its name in a
# message (UTF-32 LE's starts with UTF-16 LE's, so it comes first).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Those that name another encoding than UTF-8.
_OTHER_BOMS = tuple((bom, codec) for bom, codec, _ in _BOMS if codec != "utf-8-sig")


def file_encoding(start, encoding="utf-8"):
    """The codec to read a text file with, its byte-order mark skipped.

    For UTF-8 (the default), a UTF-16 or UTF-32 byte-order mark at the start of
    the file (a "Unicode" text file saved on Windows) selects that encoding:
    such a file needs no ``encoding``. ``"utf-16"`` or ``"utf-32"`` without a
    byte-order mark reads this machine's byte order (``"utf-16-le"`` on most),
    as ``bytes.decode`` does. Another encoding is used as given.

    Parameters
    ----------
    start : bytes
        The first bytes of the file (4 are enough), read from the stream that
        is then decoded: a pipe cannot be opened twice.
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
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(unknown_encoding_message(encoding, start)) from None
    _check_reads_files(encoding, name)
    if name in ("utf-16", "utf-32") and not start.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
    ):  # no byte-order mark: this machine's order, read whole or in blocks alike
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
    was given; else Notepad's names are answered with Python's: "Unicode" is
    ``"utf-16"``, "Unicode big endian" ``"utf-16-be"``, "UTF-8 with BOM"
    ``"utf-8-sig"``, and "ANSI" the code page of the Windows that saved the
    file (``"cp1252"`` on Western European Windows).

    Parameters
    ----------
    encoding : str
        The encoding given, unknown to Python.
    start : bytes, default=b""
        The first bytes of the file (4 are enough).

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
    nor the zero bytes of UTF-16 text: it was saved in another encoding. Pass
    encoding='utf-8' (Notepad's 'UTF-8'), or encoding='cp1252' (its 'ANSI' on
    Western European or American Windows).
    >>> print(unknown_encoding_message("ANSI", "Zoë".encode("utf-16")))
    ... # doctest: +NORMALIZE_WHITESPACE
    The encoding 'ANSI' is Notepad's name for the Windows code page of the
    computer that saved the file, but this file starts with the byte-order mark
    of UTF-16, which says its encoding: pass encoding='utf-16'.
    """
    key = _notepad_key(encoding)
    if key not in _NOTEPAD:
        return (
            f"encoding={encoding!r} is not a text encoding Python knows; pass the "
            "file's, e.g. encoding='utf-8' or encoding='cp1252'."
        )
    what = f"The encoding {encoding!r} is Notepad's name for " + (
        "the Windows code page of the computer that saved the file"
        if _NOTEPAD[key] is None
        else f"Python's {_NOTEPAD[key]!r}"
    )
    python = _NOTEPAD[key]
    for bom, codec, name in _BOMS:
        if start.startswith(bom):
            agree = python is not None and f"{python}-".startswith(f"{codec}-")
            return (
                f"{what}, and this file starts with the byte-order mark of {name}: "
                f"pass encoding={codec!r}."
                if agree
                else f"{what}, but this file starts with the byte-order mark of "
                f"{name}, which says its encoding: pass encoding={codec!r}."
            )
    # UTF-16 text of Latin letters has zero bytes; Notepad writes a mark first.
    if python in ("utf-16", "utf-16-be") and start and b"\x00" not in start:
        return (
            f"{what}, which Notepad writes with a byte-order mark at the start, "
            "and this file has neither one nor the zero bytes of UTF-16 text: it "
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
