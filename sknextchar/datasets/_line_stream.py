"""A file of names read line by line, as it goes: the same checks as reading
it whole (:func:`~sknextchar.datasets._text_files.read_text`) on the first
megabyte and on each line, so that training in chunks refuses and warns as
``load_names`` does."""

import codecs
import io

from .._limits import MAX_LETTERS
from ._decoded_text import UNLIKE_NAMES, check_decoded
from ._encoding import SAMPLE_BYTES, warn_other_code_page
from ._long_lines import MAX_ROW_LETTERS, LineLengths, check_line_lengths
from ._names_path import check_names_path
from ._table_rows import LINES_LOOKED_AT
from ._text_files import END_MARK, check_file_start, open_lines, undecodable_error

# check_line_lengths: for the readers of its lines, as file_lines reads them
__all__ = ["check_line_lengths", "file_lines"]

# Bytes read at a time: a longer line is read, and checked, in pieces.
_PIECE = 1 << 16


def file_lines(path, encoding, *, warn=True, column=None):
    """The lines of a file of names, decoded and checked, read as they go;
    ``warn``: of another code page that reads them (the first pass only);
    ``column``: the column of names of a table, or None (a name a line). A line
    longer than a name (a table: ``MAX_ROW_LETTERS``) is refused from the first
    character past it (:class:`~sknextchar.datasets._long_lines.LineLengths`);
    a name a line, the first ``LINES_LOOKED_AT + 1`` lines may be rows (the
    reader tells a table from them, then checks them)."""
    longest = MAX_LETTERS if column is None else MAX_ROW_LETTERS
    head = LINES_LOOKED_AT + 1 if column is None else 0
    path = check_names_path(path, encoding)
    with open_lines(path, encoding, buffering=SAMPLE_BYTES) as file:
        # The first megabyte, as read_text looks at it (a pipe: what it holds).
        sample = file.buffer.peek(SAMPLE_BYTES)
        # Refused from it, not after a first "line" of a gigabyte of NULs.
        check_file_start(sample[:SAMPLE_BYTES], path, encoding)
        if warn:
            warn_other_code_page(sample, path, file.encoding)
        lines = _checked_lines(file, path, encoding, file.encoding, longest, head)
        yield from lines


def _checked_lines(file, path, encoding, codec, longest=None, head=0):
    """The lines of an open text file, checked as ``read_text`` checks a whole
    file (``check_decoded``), a line that does not decode refused by its number,
    one longer than ``longest`` characters (not None; ``MAX_ROW_LETTERS`` for
    the first ``head`` lines) as it is read; a DOS end-of-file mark as the
    file's last character is stripped, as ``read_text`` strips it.

    Its bytes are read and decoded ``_PIECE`` at a time, and looked at a piece
    at a time: a line is looked at alone only if the piece has a long one. A
    line that goes on past a piece is held in parts (:class:`_Held`), each
    looked at once (names between U+2028, one line of megabytes, are read in
    a time that grows as the file does)."""
    pieces, number, held = _Pieces(file.buffer, codec), 0, None
    try:
        for text in pieces:
            lines = text.split("\n")
            end = lines.pop()  # the start of the next line (at the end: the last)
            if not pieces.more:
                lines.append(end)
                end = ""
            if held is not None and not lines:  # the line held goes on
                held.add(end, pieces.odd)
                continue
            first, number = number + 1, number + len(lines)
            whole, odd, done = text[: len(text) - len(end)], pieces.odd, 0
            if held is not None:  # the line held ends: its rest looked at
                rest = whole[len(lines[0]) :]
                lines[0] = held.add(lines[0], odd).text()
                whole, odd, done, held = lines[0] + rest, odd or held.odd, 1, None
            if longest is not None and max(map(len, lines[done:]), default=0) > longest:
                _check_lines(lines[done:], first + done, path, longest, head)
            if first == 1 or odd:  # its whole lines, once
                check_decoded(whole, path, encoding, line=first)
            if len(end) > min(_PIECE, longest or _PIECE):  # held, not joined again
                held = _Held(path, longest, number + 1, head).add(end, pieces.odd)
                end = ""
            pieces.carry = end
            last = "" if pieces.more else lines.pop()  # the file's, no line end
            for line in lines:
                yield line + "\n"
            if last:
                yield last
    except UnicodeDecodeError as error:  # in the block read for line number+1
        raise undecodable_error(
            path,
            codec,
            error,
            line=number + 1,
            non_ascii=pieces.non_ascii,
            given=encoding,
        ) from None


class _Pieces:
    """The text of a binary file, ``_PIECE`` bytes at a time, its line ends
    read as ``\\n`` (as ``open`` reads them), after the ``carry`` left;
    ``more``: whether another piece follows (the next block is read first);
    ``odd``: whether the piece may hold a character ``check_decoded`` refuses."""

    def __init__(self, raw, codec):
        decoder = codecs.getincrementaldecoder(codec)()
        self.decoder = io.IncrementalNewlineDecoder(decoder, translate=True)
        self.utf8 = codecs.lookup(codec).name.startswith("utf-8")
        self.raw, self.carry, self.more, self.non_ascii = raw, "", True, False
        self.odd = False

    def __iter__(self):
        block = self.raw.read(_PIECE)
        while block:
            after = self.raw.read(_PIECE)
            self.more = bool(after)
            text = self.decoder.decode(block, final=not after)
            if not after:  # the file's last character: an end mark is no name's
                text = text.removesuffix(END_MARK)
            self.non_ascii = self.non_ascii or not text.isascii()
            # its bytes looked at (fast), or its text; the carry's as it was
            odd = self.odd and bool(self.carry)
            if self.utf8 or text.isascii():
                self.odd = odd or bool(block.translate(None, _NOT_ODD))
            else:
                self.odd = odd or UNLIKE_NAMES.search(text) is not None
            text, self.carry = self.carry + text, ""
            yield text
            block = after


# The bytes of UTF-8 text but those of characters check_decoded refuses (and
# 0xC2, which starts a C1 character): deleted, what is left is odd.
_NOT_ODD = bytes(
    b for b in range(256) if not (b < 0x80 and UNLIKE_NAMES.match(chr(b)) or b == 0xC2)
)


def _check_lines(lines, first, path, longest, head):
    """Refuse the first of ``lines`` (``first`` its number) too long."""
    for number, line in enumerate(lines, first):
        most = MAX_ROW_LETTERS if number <= head else longest
        if len(line) > most:
            LineLengths(path, most, line=number, named=longest).check(line)


class _Held:
    """The line ``number``, longer than a piece or than a line may be, held
    in parts as it is read: each part looked at once (:class:`LineLengths`;
    ``longest`` as :func:`_checked_lines` takes it), joined once at its end.

    A run of spaces and tabs is kept at most ``most + 1`` long (what tells a
    line too long, or a name, from padding): a line of gigabytes of spaces is
    not held. Line breaks such as U+2028, and control characters, are kept:
    the reader of the line splits at them, and refuses them as it would.
    """

    def __init__(self, path, longest, number, head):
        most = MAX_ROW_LETTERS if number <= head else longest
        self.lengths = None  # longest None: lines of any length
        if longest is not None:
            self.lengths = LineLengths(path, most, line=number, named=longest)
        self.most, self.parts, self.spaces, self.odd = most, [], "", False

    def add(self, text, odd):
        """Hold ``text``, the next part of the line (``odd``: it may hold a
        character ``check_decoded`` refuses); ValueError if now too long."""
        if self.lengths is not None:
            self.lengths.check(text)
        self.odd = self.odd or odd
        content = text.rstrip(" \t")
        if content:
            self.parts += (self.spaces, content)
            self.spaces = ""
        self.spaces += text[len(content) :]
        if self.most is not None:
            self.spaces = self.spaces[: self.most + 1]
        return self

    def text(self):
        """The line held, as far as it was read."""
        return "".join(self.parts) + self.spaces
