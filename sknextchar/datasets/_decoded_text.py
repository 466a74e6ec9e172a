"""The characters no file of names holds, refused once a text is decoded.

:func:`check_decoded` refuses NUL characters (a binary file, or UTF-16 read as
another encoding), the control characters of C1 (a code page read as latin-1),
the other control characters but the tab and the line ends, and UTF-16 read in
the wrong byte order, naming the line and what to pass or do. The readers of a
whole file and of a file line by line (:mod:`~sknextchar.datasets._line_stream`) both
call it.
"""

import codecs
import os
import re

from .._shown_paths import shown_path
from .._text import describe_symbol
from ._codecs import encoding_file
from ._encoding import code_page_readings, encoding_advice, is_one_byte
from ._long_lines import count_line_ends
from ._wide_text import (
    check_utf16_reading,
    wide_advice,
    wide_of_file_start,
    wide_of_nul,
)

__all__ = ["UNLIKE_NAMES", "check_decoded", "cut_line"]

# Control characters of C1 (U+0080 to U+009F), in no name: latin-1 reads the
# bytes 0x80 to 0x9F of a Windows-1252 file (’ “ ” € Œ Š ž ...) as these.
_C1 = re.compile("[\x80-\x9f]")
# The other control characters but the tab and the line ends (C0 and DEL), in
# no name either: a terminal's escape sequence, a page break, a DOS end mark.
_C0 = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A line that splits into cells (a table's row).
_CELLS = re.compile("[,;\t]")
# Either (a text outside ASCII is searched once).
_ODD = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The bytes of UTF-8 text but those (deleted, what is left is one: fast).
_NOT_C0 = bytes(b for b in range(256) if not _C0.match(chr(b)))
#: The characters for which :func:`check_decoded` refuses a text (the control
#: characters but the tab and line ends): a reader of lines calls it on the
#: lines that hold one (and on the first).
UNLIKE_NAMES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_decoded(text, path, encoding, *, line=1):
    """Refuse decoded text that no file of names holds, saying what to pass.

    NUL characters (a binary file, or UTF-16 read as another encoding), C1
    control characters (a code page such as Windows-1252 read as latin-1),
    the other control characters but the tab (ESC, DEL...: deleted by hand),
    and UTF-16 read in the wrong byte order (its letters read as characters
    such as U+6100) are refused, with the line they are on.

    Parameters
    ----------
    text : str
        The text of a file, or one of its lines.
    path : str
    encoding : str
        The encoding the user gave.
    line : int, default=1
        The line ``text`` starts on.

    Raises
    ------
    ValueError

    Examples
    --------
    >>> check_decoded("Zoë\\nO\\x92Brien\\n", "kids.txt", "latin-1")
    Traceback (most recent call last):
    ...
    ValueError: Line 2 of 'kids.txt' holds '\\x92' (U+0092), a control character ...
    """
    if "\x00" in text:
        raise ValueError(_nul_message(text, path, encoding, line))
    if text.isascii():  # C0 only: its bytes are a copy, looked at fast
        if text.encode("ascii").translate(None, _NOT_C0):
            _refuse_control(text, _control_in_name(text, _C0), path, encoding, line)
        return
    # One search for both: C0 (in a name) and C1 (anywhere).
    _refuse_control(text, _control_in_name(text, _ODD), path, encoding, line)
    if line == 1 and codecs.lookup(encoding).name.startswith("utf-16"):
        check_utf16_reading(text[:4096], path, encoding)


def _refuse_control(text, at, path, encoding, line):
    """Refuse the control character ``text[at]`` (None: none to refuse)."""
    if at is None:
        return
    char = text[at]
    if _C1.match(char):
        raise ValueError(_control_message(text, at, path, encoding, line))
    raise ValueError(
        f"Line {_line_of(text, at, line)} of {shown_path(path)} holds "
        f"{describe_symbol(char)}, a control character that is no letter "
        "of a name: delete it from the file (a text editor shows it, e.g. as "
        "a box or as ^ and a letter)."
    )


def _control_in_name(text, controls):
    """Where the first character of ``text`` that ``controls`` finds is that is
    still there once its line is stripped as names are (a page break, ``\\f``,
    before a name is whitespace, not a letter of it; C1 is always there);
    None if none is. A C0 character on a line with a comma, semicolon or tab
    (a table's row) is not refused here: it may be in another cell than the
    name's (an export's line break within a note, U+000B), and ``fit``
    refuses it in a name."""
    for found in controls.finditer(text):
        at = found.start()
        if _C1.match(text[at]):
            return at
        # its line, a "\\r" looked for only within the "\\n"s around it
        begin = text.rfind("\n", 0, at)
        begin = max(begin, text.rfind("\r", begin + 1, at)) + 1
        end = text.find("\n", at) % (len(text) + 1)  # -1: the end of the text
        end = min(end, text.find("\r", at, end) % (len(text) + 1))
        if _CELLS.search(text, begin, end):
            continue  # a row of a table: in a note, say
        if not text[at].isspace():
            return at
        if text[begin:at].strip() and text[at + 1 : end].strip():
            return at
    return None


def _line_of(text, at, line):
    """The line of ``text[at]``, ``text`` starting on ``line``."""
    return line + count_line_ends(text[:at])


def _nul_message(text, path, encoding, line):
    at = _line_of(text, text.index("\x00"), line)
    start = (
        f"{shown_path(path)} holds NUL characters (line {at}), so it is not "
        + encoding_file(encoding)
    )
    wide = wide_of_nul(text, line, encoding)
    if wide is None and line > 1:  # text read in parts: its start was not here
        wide = wide_of_file_start(path)
    elif (wide or "").startswith("utf-32") and os.path.isfile(path):
        wide = wide_of_file_start(path) or wide  # a byte-order mark read as UTF-16
    if wide is not None:
        return f"{start}: {wide_advice(wide)}."
    return (
        f"{start}: no name holds one, so the file is binary, or damaged there "
        "(delete the NUL characters), or in an encoding whose letters have zero "
        "bytes, such as UTF-16 or UTF-32: find the file's encoding (a text editor "
        "such as Notepad++ or VS Code shows it) and pass it, e.g. "
        "encoding='utf-16' or encoding='utf-32'; or save the file as UTF-8 there."
    )


def cut_line(line, most=40):
    """``line`` as a message shows it: its first characters if it is long (a
    line may be a row of a table of a million characters).

    Examples
    --------
    >>> cut_line("Zoë"), cut_line("x" * 50, most=10)
    ('Zoë', 'xxxxxxx...')
    """
    return line if len(line) <= most else line[: most - 3] + "..."


def _control_message(text, at, path, encoding, line):
    """What to do about the C1 control character ``text[at]``: read with a
    code page, the file is in one that reads its letters as names (named by
    :func:`~sknextchar.datasets._encoding.encoding_advice`); read as UTF-8 or
    UTF-16, it is text of such a code page converted as if it were latin-1."""
    start = (
        f"Line {_line_of(text, at, line)} of {shown_path(path)} holds "
        f"{describe_symbol(text[at])}, a control character that is no letter of "
        "a name"
    )
    # Its line, as the readers of a whole file and of lines both have it.
    begin = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    own = re.split(r"\r\n|\r|\n", text[begin:], maxsplit=1)[0]
    if is_one_byte(encoding):
        return f"{start}: {encoding_advice(own.encode(encoding, 'replace'), encoding)}."
    named = code_page_readings(own.encode("latin-1", "replace"), "latin-1")
    page, what, reading = named[0] if named else ("cp1252", "Western European", "")
    reading = cut_line(reading)
    meant = bytes([ord(text[at])]).decode(page, "replace")
    if meant == "\ufffd":
        return (
            f"{start}: delete it, or convert the original file again from its own "
            "encoding (a text editor such as Notepad++ or VS Code shows it; the "
            "file was likely converted as if it were latin-1)."
        )
    if page == "cp1252":  # latin-1 reads its other letters alike
        return (
            f"{start}: text of Windows-1252 converted as if it were latin-1 holds "
            f"it in place of {meant!r}; write {meant!r} there."
        )
    others = "".join(f" or {other}" for other, _, _ in named[1:])
    return (
        f"{start}: the file is text of {page}{others} ({what}: {reading!r}) converted "
        f"as if it were latin-1, which holds it in place of {meant!r} and misreads "
        f"the other letters outside ASCII: convert the original file again from "
        f"{page}, not latin-1."
    )
