"""The text of a file of names: read, decoded and checked.

:func:`read_text` reads a whole file (its path checked by
:func:`~._names_path.check_names_path`, a byte-order mark skipped, a line too
long refused as it is read, the end-of-file mark :data:`END_MARK` of old
Windows tools stripped); :func:`open_lines` opens one to be read line by
line; :func:`check_file_start` refuses a binary file on its first megabyte;
:func:`undecodable_error` says where a file does not decode, and what to do.
"""

import codecs
import contextlib
import io

from .._model_files import ZIP_MAGIC
from .._shown_paths import shown_path
from ._codecs import bom_length, encoding_file, file_encoding, wide_codec
from ._decoded_text import check_decoded, cut_line
from ._encoding import (
    SAMPLE_BYTES,
    check_utf8_misread,
    encoding_advice,
    line_reading,
    warn_other_code_page,
)
from ._file_kinds import piped_zip_advice
from ._long_lines import count_line_ends, read_checked
from ._names_path import check_names_path
from ._opened_bytes import open_bytes
from ._wide_text import wide_advice

__all__ = [
    "END_MARK",
    "check_file_start",
    "open_lines",
    "read_text",
    "undecodable_error",
]


def read_text(path, *, encoding="utf-8", longest=None, named=None):
    """The text of a file of names (or of names and labels), checked.

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str, default="utf-8"
        As for :func:`load_names` (a byte-order mark is skipped).
    longest : int or None, default=None
        Refuse a line of more than this many characters (surrounding
        whitespace left out) as the file is read, before it is held whole:
        ``MAX_LETTERS`` for a name a line, ``MAX_ROW_LETTERS`` for a table.
        None reads lines of any length.
    named : int, optional
        The limit the message of a line too long names: ``MAX_LETTERS`` for
        a name a line read with the bound of a row; ``longest`` if None.

    Returns
    -------
    text : str

    Raises
    ------
    OSError
        If the file is missing or a directory.
    ValueError
        If it does not decode, holds NUL characters (binary, or UTF-16 read
        as another encoding) or other control characters (not the tab), or a
        line longer than ``longest``.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.csv")
    ...     with open(path, "wb") as f:
    ...         _ = f.write("\\ufeffname,label\\r\\n".encode("utf-8"))
    ...     read_text(path)
    'name,label\\r\\n'
    """
    path = check_names_path(path, encoding)
    text = _read_text(path, encoding, longest, named)
    check_decoded(text, path, encoding)
    return text


@contextlib.contextmanager
def open_lines(path, encoding="utf-8", *, errors="strict", buffering=-1):
    """A text file opened to be read line by line, its codec chosen by
    :func:`~sknextchar.datasets._codecs.file_encoding` from its first bytes (a
    byte-order mark skipped).

    The file is read once, as it goes: a pipe, or a file larger than memory,
    is read as well as any other. The path is not checked
    (:func:`check_names_path` does that).

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str, default="utf-8"
    errors : str, default="strict"
        What to do with bytes that do not decode (as :func:`open` takes it):
        ``"replace"`` where the text only needs to be looked at.
    buffering : int, default=-1
        The size of the read buffer (as :func:`open` takes it): as many bytes
        as ``lines.buffer.peek()`` may look at before the first line is read.

    Yields
    ------
    lines : io.TextIOWrapper
        The open file; its ``encoding`` is the codec it is read with.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "kids.txt")
    ...     with open(path, "wb") as f:
    ...         _ = f.write("Zoë\\r\\nJosé\\n".encode("utf-16"))
    ...     with open_lines(path) as lines:
    ...         lines.encoding, list(lines)
    ('utf-16', ['Zoë\\n', 'José\\n'])
    """
    with open_bytes(path, buffering) as raw:
        codec = file_encoding(raw.peek(4), encoding)  # nothing consumed
        raw.read(bom_length(raw.peek(4)[:4], codec))
        with io.TextIOWrapper(raw, encoding=codec, errors=errors) as lines:
            yield lines


def _read_text(path, encoding, longest=None, named=None):
    """The decoded text of the file, without its byte-order mark."""
    with open_bytes(path) as f:  # a pipe no program writes to: refused
        data = f.read(SAMPLE_BYTES)
        check_file_start(data, path, encoding)
        if longest is not None:  # a line of megabytes: refused, never held
            codec = file_encoding(data[:4], encoding)
            data = read_checked(f, data, codec, path, longest, named)
        elif f.seekable():  # read whole: no copy of the first megabyte
            f.seek(0)
            data = f.read()
        else:  # once: a pipe cannot be read twice
            data += f.read()
    codec = file_encoding(data[:4], encoding)
    data = data[bom_length(data[:4], codec) :]
    check_utf8_misread(data, path, codec)
    warn_other_code_page(data, path, codec)
    try:
        return data.decode(codec).removesuffix(END_MARK)
    except UnicodeDecodeError as error:
        raise undecodable_error(path, codec, error, given=encoding) from None


def check_file_start(start, path, encoding):
    """Refuse the first megabyte of a file of names before the rest is read.

    As the whole file would be refused (:func:`check_utf8_misread`, then
    :func:`~._decoded_text.check_decoded`): a binary file, or a sparse one of a
    gigabyte of NUL bytes, at once rather than after filling the memory. A
    start that does not decode is left to the reading of the file, which names the line.

    Parameters
    ----------
    start : bytes
        The first bytes of the file (up to ``SAMPLE_BYTES``).
    path : str
    encoding : str
        The encoding the user gave.

    Examples
    --------
    >>> check_file_start(b"asha\\nravi\\n", "names.txt", "utf-8")
    >>> check_file_start(bytes(4096), "disk.img", "utf-8")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'disk.img' holds NUL characters (line 1), so it is not a utf-8 ...
    """
    codec = file_encoding(start, encoding)
    start = start[bom_length(start[:4], codec) :]
    check_utf8_misread(start, path, codec)
    try:
        text = codecs.getincrementaldecoder(codec)().decode(start)
    except UnicodeDecodeError:
        return
    # The start may be the whole file: its end mark is no name's (a mark
    # within a longer file is refused as its lines are read).
    check_decoded(text.removesuffix(END_MARK), path, encoding)


def undecodable_error(path, codec, error, *, line=1, non_ascii=False, given=None):
    """The error of a file of names that does not decode: where, and what to do.

    Parameters
    ----------
    path : str
    codec : str
        The codec the file was read with
        (:func:`~sknextchar.datasets._codecs.file_encoding`).
    error : UnicodeDecodeError
        Raised on the file's bytes, or on a block of them (``error.object``).
    line : int, default=1
        The line ``error.object`` starts on.
    non_ascii : bool, default=False
        Whether the lines before ``error.object`` decoded with characters
        outside ASCII.
    given : str, optional
        The encoding the user gave, named in the message (``"utf-32"``, read
        as ``"utf-32-le"`` without a byte-order mark); ``codec`` if None.

    Returns
    -------
    error : ValueError
        It names the line and shows its bytes around the one that failed; it
        asks for UTF-16 or UTF-32 in the byte order the bytes have (a file
        without a byte-order mark), or, in a UTF-8 file whose lines before that
        one have accented letters, for that line to be written again
        (``latin-1`` would misread the others), or else for the encodings whose
        reading of the file is names
        (:func:`~sknextchar.datasets._encoding.encoding_advice`).

    Examples
    --------
    >>> data = "Zoë\\nJos".encode() + b"\\xe9\\n"  # one line in latin-1
    >>> try:
    ...     data.decode("utf-8")
    ... except UnicodeDecodeError as error:
    ...     print(undecodable_error("kids.txt", "utf-8", error))
    ... # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    'kids.txt' is not a utf-8 text file (invalid continuation byte at line 2:
    b'Jos\\xe9'):
    its lines before that one are UTF-8, with letters outside ASCII, so that
    line is in another encoding (in latin-1 it reads 'José'): write it
    again in UTF-8, or delete it; encoding='latin-1' would misread ...
    """
    data, start = error.object, error.start
    at = line + count_line_ends(data[:start])
    begin = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
    ends = (data.find(b"\n", start), data.find(b"\r", start))
    # The bytes shown hold those that failed, a line end too.
    end = max(min((i for i in ends if i >= 0), default=len(data)), error.end)
    bad = data[max(begin, start - 40) : min(end, start + 40)]
    what = (
        f"{shown_path(path)} is not {encoding_file(given or codec)} "
        f"({error.reason} at line {at}: {bad!r})"
    )
    if line == 1 and data.startswith(ZIP_MAGIC):  # a pipe: not looked at before
        return ValueError(f"{shown_path(path)} {piped_zip_advice(data)}.")
    wide = wide_codec(data[:4096]) if line == 1 else None
    if wide is not None:
        return ValueError(f"{what}: {wide_advice(wide)}.")
    before = data[:begin].removeprefix(codecs.BOM_UTF8)
    utf8 = codecs.lookup(codec).name.startswith("utf-8")
    if utf8 and (non_ascii or not before.isascii()):
        page, reading = line_reading(data[begin:end].rstrip(b"\r"))
        reading = cut_line(reading)
        return ValueError(
            f"{what}: its lines before that one are UTF-8, with letters outside "
            f"ASCII, so that line is in another encoding (in {page} it reads "
            f"{reading!r}): write it again in UTF-8, or delete it; "
            "encoding='latin-1' would misread the other accented letters of the file."
        )
    # The bytes from the line that failed on tell the encoding, unless they are
    # ASCII (UTF-16 failing on a file's odd last byte, a line end): then all do.
    failed = data[begin:] if not data[begin:].isascii() else data
    return ValueError(f"{what}; {encoding_advice(failed, codec)}.")


#: The DOS end-of-file mark (Ctrl-Z) that old Windows tools write after the
#: last line: stripped as the very last character of a file, refused elsewhere.
END_MARK = "\x1a"
