"""Compressed files of names (``names.txt.gz``, ``.bz2``, ``.xz``), read as
the text they hold.

A file is told compressed by its first bytes, not by its name: a
``names.csv.gz`` saved as ``names.csv`` is read as well. A pipe whose program
writes them a few at a time (``(printf 'B'; sleep 1; cat rest) | sknextchar
train - ...``) is waited for until it has written them all, or ended. Its
text is read as it is decompressed, so a line too long, an encoding or a
table is found in it as in any text file; a file cut short or damaged is
refused with what to do, and so is one that decompresses to far more than a
file of names can hold (a "decompression bomb"), before it fills the memory.
"""

import bz2
import gzip
import io
import lzma
import zlib

from .._shown_paths import shown_path

__all__ = [
    "COMPRESSIONS",
    "MAX_RATIO",
    "MIN_ALLOWED_BYTES",
    "compression_of",
    "decompressed",
]

#: The first bytes of each compression read, what it is, how it is opened and
#: the tool that tests a file of it.
COMPRESSIONS = (
    (b"\x1f\x8b", "a gzip-compressed file", gzip.open, "gzip -t"),
    (b"BZh", "a bzip2-compressed file", bz2.open, "bzip2 -t"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", lzma.open, "xz -t"),
)
_BZIP2 = b"1AY&SY"  # after "BZh" and the block size, 1 to 9 ("BZhanna" is a name)
_SNIFFED = 10  # the first bytes that tell every compression

#: A compressed file may hold at most this many times as many bytes of text
#: as it has read of its own (the bundled names compress 2.5 to 5.6 times; a
#: bomb of repeated lines, hundreds to thousands of times), ...
MAX_RATIO = 100
#: ... or this many bytes, whichever is more (a small file of repeated lines).
MIN_ALLOWED_BYTES = 64 << 20

_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def compression_of(start):
    """The entry of :data:`COMPRESSIONS` whose first bytes ``start`` has, or None.

    Examples
    --------
    >>> compression_of(b"\\x1f\\x8b\\x08\\x00")[1]
    'a gzip-compressed file'
    >>> compression_of(b"BZhanna\\n") is None
    True
    """
    for entry in COMPRESSIONS:
        if start.startswith(entry[0]):
            if entry[0] == b"BZh" and start[4:10] != _BZIP2:
                continue
            return entry
    return None


def decompressed(file, path, buffering=-1):
    """``file`` (a binary file open at its start, with ``peek``) as the text it
    holds if it is compressed (gzip, bzip2, xz), else ``file`` itself.

    Parameters
    ----------
    file : io.BufferedReader
    path : str
        Its path, for messages.
    buffering : int, default=-1

    Returns
    -------
    file : io.BufferedReader
        Reading it raises ValueError if the file is damaged, cut short, or
        holds more than ``MAX_RATIO`` times as many bytes of text as it has
        read of the file (and more than ``MIN_ALLOWED_BYTES``), a pipe too.
        Closing it closes ``file``.

    Examples
    --------
    >>> import gzip, io
    >>> raw = io.BufferedReader(io.BytesIO(gzip.compress(b"asha\\nravi\\n")))
    >>> decompressed(raw, "names.txt.gz").read()
    b'asha\\nravi\\n'
    """
    buffer_size = buffering if buffering > 0 else io.DEFAULT_BUFFER_SIZE
    start, file = _start(file, buffer_size)
    found = compression_of(start)
    if found is None:
        return file
    stream = _Decompressed(file, path, found)
    return io.BufferedReader(stream, buffer_size=buffer_size)


def _start(file, buffer_size):
    """The first bytes of ``file`` that tell its compression, and the file to
    read from them on: ``file`` itself, unless a pipe's program had written
    too few to tell when they were peeked at (then they are waited for)."""
    start = file.peek(_SNIFFED)[:_SNIFFED]
    if len(start) == _SNIFFED or file.seekable() or not _may_begin(start):
        return start, file  # all a regular file holds, or text ("asha" typed)
    start = file.read(_SNIFFED)  # waits for the program's next bytes, or its end
    return start, io.BufferedReader(_Replayed(start, file), buffer_size)


def _may_begin(start):
    """Whether the bytes ``start`` agree with the first bytes of a compression."""
    return any(magic[: len(start)] == start[: len(magic)] for magic, *_ in COMPRESSIONS)


class _Replayed(io.RawIOBase):
    """The bytes of the buffered ``file``, after its ``start`` already read."""

    def __init__(self, start, file):
        self._start, self._file = start, file

    def readable(self):
        return True

    def readinto(self, buffer):
        view, size = memoryview(buffer), min(len(buffer), len(self._start))
        view[:size], self._start = self._start[:size], self._start[size:]
        # what the pipe holds, as _opened_bytes' first byte is read on
        rest = view[size:]
        return size + (self._file.readinto1(rest) if len(rest) else 0)

    def close(self):
        if not self.closed:
            self._file.close()
        super().close()


class _Decompressed(io.RawIOBase):
    """The text of a compressed file, its errors and size checked."""

    def __init__(self, file, path, found):
        self._raw, self._path, self._found = _Counted(file), path, found
        self._file = found[2](self._raw, "rb")
        self._read = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        try:
            count = self._file.readinto(buffer)
        except _ERRORS as error:
            raise self._damaged(error) from None
        self._read += count
        if self._read > max(MIN_ALLOWED_BYTES, MAX_RATIO * self._raw.count):
            raise ValueError(
                f"{shown_path(self._path)} is {self._found[1]} that decompresses "
                f"to more than {MAX_RATIO} times its size (over {self._read:,} "
                "bytes of text): a file of names compresses far less, so it is "
                "refused before it fills the memory. If it is names, decompress it "
                "first and pass the text file."
            )
        return count

    def _damaged(self, error):
        what, tool = self._found[1], self._found[3]
        cut = isinstance(error, EOFError)
        how = "cut short (its end is missing)" if cut else f"damaged ({error})"
        return ValueError(
            f"{shown_path(self._path)} is {what}, but it is {how}: copy or "
            f"download it again (check it with {tool} FILE), or pass the text file."
        )

    def close(self):
        if not self.closed:
            self._file.close()
            self._raw.close()
        super().close()


class _Counted:
    """A binary file that counts the bytes read from it."""

    def __init__(self, file):
        self._file, self.count = file, 0

    def read(self, size=-1):
        data = self._file.read(size)
        self.count += len(data)
        return data

    def close(self):
        self._file.close()
