"""A file of names read line by line, as it goes: the same checks as reading it
whole (:func:`~sknextchar.datasets._base.read_text`) on the first megabyte and on
each line, so that training in chunks refuses and warns as ``load_names`` does."""

from ._base import (
    UNLIKE_NAMES,
    check_decoded,
    check_file_start,
    check_names_path,
    open_lines,
    undecodable_error,
)
from ._encoding import SAMPLE_BYTES, warn_other_code_page

__all__ = ["checked_lines", "file_lines"]


def file_lines(path, encoding, *, warn=True):
    """The lines of a file of names, decoded and checked, read as they go;
    ``warn``: of another code page that reads them (the first pass only)."""
    path = check_names_path(path)
    with open_lines(path, encoding, buffering=SAMPLE_BYTES) as file:
        # The first megabyte, as read_text looks at it (a pipe: what it holds).
        sample = file.buffer.peek(SAMPLE_BYTES)
        # Refused from it, not after a first "line" of a gigabyte of NULs.
        check_file_start(sample[:SAMPLE_BYTES], path, encoding)
        if warn:
            warn_other_code_page(sample, path, file.encoding, stacklevel=4)
        yield from checked_lines(file, path, encoding, file.encoding)


def checked_lines(file, path, encoding, codec):
    """The lines of an open text file, checked as ``read_text`` checks a whole
    file (``check_decoded``), a line that does not decode refused by its number."""
    number, non_ascii, unlike_names = 0, False, UNLIKE_NAMES.search
    try:
        for number, line in enumerate(file, 1):
            ascii_line = line.isascii()  # most lines: only a NUL to look for
            non_ascii = non_ascii or not ascii_line
            if ("\x00" in line if ascii_line else unlike_names(line)) or number == 1:
                check_decoded(line, path, encoding, line=number)
            yield line
    except UnicodeDecodeError as error:  # in the block read for line number+1
        raise undecodable_error(
            path, codec, error, line=number + 1, non_ascii=non_ascii
        ) from None
