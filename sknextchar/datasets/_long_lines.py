"""A line too long to be a name, refused as a file is read, never held whole.

A file whose line ends were lost, or a list of names on one line, is one
"name" of megabytes: the readers refuse it from its first characters past the
limit, in bounded memory, naming its line (as a text editor numbers them).
"""

import codecs
import os
import re

from .._limits import MAX_LETTERS
from .._shown_paths import shown_path
from .._text import LINE_BREAKS
from ._encoding import is_one_byte

__all__ = [
    "MAX_ROW_LETTERS",
    "LineLengths",
    "check_line_lengths",
    "count_line_ends",
    "read_checked",
]

#: The longest line of a file that may be a table: a row of many fields (a
#: survey export of 7,000 columns has rows of about 105,000 characters).
MAX_ROW_LETTERS = 1000 * MAX_LETTERS

#: Bytes read at a time by :func:`read_checked`.
BLOCK_BYTES = 1 << 20

# The pieces between line breaks: a name is never longer than one.
_PIECES = re.compile(f"[^{LINE_BREAKS}]+")


def count_line_ends(data):
    """The line ends of ``data`` (str or bytes) as a text editor counts them:
    ``\\r\\n``, ``\\r`` (old Macs) and ``\\n``.

    Examples
    --------
    >>> count_line_ends("asha\\r\\nravi\\rmei\\n"), count_line_ends(b"a\\n\\nb")
    (3, 2)
    """
    if isinstance(data, str):
        return data.count("\n") + data.count("\r") - data.count("\r\n")
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


class LineLengths:
    """Refuse a line longer than ``longest`` characters, given in pieces.

    Surrounding whitespace does not count (names are stripped). Only the end
    of the line being read is kept, at most about ``2 * longest`` characters.

    Parameters
    ----------
    path : str
        The file, for the message.
    longest : int, default=MAX_LETTERS
        The most characters of a line: ``MAX_LETTERS`` for a name a line,
        ``MAX_ROW_LETTERS`` for a file that may be a table.
    line : int, default=1
        The line the first piece starts on.
    named : int, optional
        The limit the message names: ``MAX_LETTERS`` for a name a line read
        with the bound of a row (its first lines may be a table's); ``longest``
        if None.

    Examples
    --------
    >>> lengths = LineLengths("names.txt", longest=5)
    >>> lengths.check("asha\\nra")
    >>> lengths.check("vi\\n")
    >>> lengths.check("abc, d")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Line 3 of 'names.txt' holds a name of more than 5 characters, ...
    """

    def __init__(self, path, longest=MAX_LETTERS, line=1, named=None):
        self.path, self.longest, self.line = os.fspath(path), longest, line
        self.named = longest if named is None else named
        self._tail = ""  # the line being read, left-stripped, its end bounded
        # longest + 1 characters from a line's start: one pass over the text
        self._long = re.compile(
            f"(?<![^{LINE_BREAKS}])[^{LINE_BREAKS}]{{{longest + 1}}}"
        )
        self._after_cr = False  # the last piece ended with "\r"

    def check(self, piece, *, look=True):
        """Check the next piece of text; ValueError at a line too long.

        ``look=False``: a piece known to hold no line too long (its bytes
        said so) is only counted, for the lines after it.
        """
        text = self._tail + piece
        if look and self._long.search(text) is not None:  # long, or with spaces
            self._refuse(text)
        tail = text[max(map(text.rfind, LINE_BREAKS)) + 1 :].lstrip()
        content = tail.rstrip()  # only the count of its trailing spaces counts
        self._tail = content + " " * min(len(tail) - len(content), self.longest + 1)
        self.line += count_line_ends(piece) - (self._after_cr and piece[:1] == "\n")
        self._after_cr = piece[-1:] == "\r" if piece else self._after_cr

    def _refuse(self, text):
        for match in _PIECES.finditer(text):
            name = match.group().strip()
            if len(name) > self.longest:
                crlf = self._after_cr and text[:1] == "\n"  # split across pieces
                line = self.line + count_line_ends(text[: match.start()]) - crlf
                raise ValueError(self._message(line, name))

    def _message(self, line, name):
        where, start = f"Line {line} of {shown_path(self.path)} holds", name[:20]
        how = (
            "(its line ends were lost, or it is a list). Give each name a line "
            "of its own (names between commas or spaces on one line are one name)."
        )
        if self.named <= MAX_LETTERS and any(c in name for c in ",;\t"):
            how = (  # a row of a table read one name per line
                "(a row of a table, or a list). If the file is a table with a "
                "header row, pass names_column= the header of its column of "
                "names (e.g. names_column='name'); else give each name a line "
                "of its own."
            )
        if self.named <= MAX_LETTERS:
            return (
                f"{where} a name of more than {self.named:,} characters, "
                f"starting {start!r}: the most letters a name can have is "
                f"{MAX_LETTERS:,}, so it is not one name {how}"
            )
        return (
            f"{where} more than {self.named:,} characters, starting {start!r}: "
            f"more than a row of a table of names holds (a name has at most "
            f"{MAX_LETTERS:,} letters), so it is not one name nor one row {how}"
        )


def read_checked(file, start, codec, path, longest, named=None):
    """Read a binary file to its end, refusing a line too long as it goes.

    Its bytes are read once; a block with no run of more than ``longest``
    bytes between line ends (most) is not decoded here: in UTF-8 and one-byte
    code pages a character is at least a byte, so its lines are short enough.

    Parameters
    ----------
    file : binary file
        Open, ``start`` read from it already.
    start : bytes
        The bytes read before (the first block, looked at).
    codec : str
        The codec its text is in (bytes that do not decode count as one
        character each here: the reader of the text says where they are).
    path : str
        The file, for the message.
    longest : int
        The most characters of a line (:class:`LineLengths`).
    named : int, optional
        The limit its message names (:class:`LineLengths`).

    Returns
    -------
    data : bytes
        ``start`` and the bytes read after it.

    Examples
    --------
    >>> import io
    >>> read_checked(io.BytesIO(b"vi\\n"), b"asha\\nra", "utf-8", "n.txt", 5)
    b'asha\\nravi\\n'
    """
    by_bytes = is_one_byte(codec) or codecs.lookup(codec).name.startswith("utf-8")
    blocks, block, run, lengths = [], start, 0, None
    if not by_bytes:  # UTF-16, UTF-32: every block decoded and looked at
        lengths = _Decoded(b"", codec, LineLengths(path, longest, named=named))
    while block:
        if lengths is None:
            flagged, after = _long_run(block, run, longest)
            if flagged:  # from the start of the line it flags (in bytes)
                lengths = _decoded_from(blocks, run, codec, path, longest, named)
            run = after
        blocks.append(block)
        if lengths is not None:
            lengths.check(block)
        block = file.read(BLOCK_BYTES)
    return b"".join(blocks)


class _Decoded:
    """Bytes decoded as they come, their lines' lengths checked."""

    def __init__(self, prefix, codec, lengths):
        self.decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self.prefix, self.lengths = prefix, lengths

    def check(self, block):
        self.lengths.check(self.decoder.decode(self.prefix + block))
        self.prefix = b""


def _decoded_from(blocks, run, codec, path, longest, named):
    """Check from the last ``run`` bytes of ``blocks`` (the start of the line
    that goes on in ``block``); its number counted only now."""
    line, prefix, after_cr = 1, b"", False
    for before in blocks:
        line += count_line_ends(before) - (after_cr and before[:1] == b"\n")
        after_cr = before[-1:] == b"\r"
    for before in reversed(blocks):  # the run has no line end: counted above
        if len(prefix) >= run:
            break
        prefix = before[-(run - len(prefix)) :] + prefix
    lengths = LineLengths(path, longest, line=line, named=named)
    lengths._after_cr = after_cr and not prefix  # a "\r\n" across blocks
    return _Decoded(prefix, codec, lengths)


def _long_run(text, run=0, longest=MAX_LETTERS):
    """Whether ``text`` (str, or bytes of UTF-8 or of a one-byte code page)
    holds more than ``longest`` items with no ``\\n`` or ``\\r`` between them,
    the line before it ``run`` long so far; and the length of its last line.

    A window of ``longest + 1`` items at a time, from its last line end: a
    few searches a window, none a line.

    Examples
    --------
    >>> _long_run("asha\\nravi", longest=4), _long_run("ravi", 2, longest=4)
    ((False, 4), (True, 2))
    """
    nl, cr = ("\n", "\r") if isinstance(text, str) else (b"\n", b"\r")
    size, at, width = len(text), 0, longest + 1 - run
    while at + width <= size:  # any line end starts a line: "\\r" if no "\\n"
        end = text.rfind(nl, at, at + width)
        if end < 0 and (end := text.rfind(cr, at, at + width)) < 0:
            return True, run
        at, width = end + 1, longest + 1
    last = max(text.rfind(nl, at), text.rfind(cr, at))
    if last >= 0:
        return False, size - last - 1
    return False, size - at if at else run + size


def check_line_lengths(text, path, longest=MAX_LETTERS, line=1):
    """Refuse a line of ``text`` longer than ``longest`` characters
    (:class:`LineLengths`), ``text`` starting on ``line``: most text is only
    looked at by :func:`_long_run`.

    Examples
    --------
    >>> check_line_lengths("asha\\nravi\\n", "names.txt", 4)
    >>> check_line_lengths("asha,ravi,zoe\\n", "names.txt", 4)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Line 1 of 'names.txt' holds a name of more than 4 characters, ...
    """
    if _long_run(text, 0, longest)[0]:
        LineLengths(path, longest, line=line).check(text)
