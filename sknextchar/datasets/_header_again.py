"""A table's header row again below it: files joined one after another.

:func:`check_not_header` refuses a row that is the header row again, which a
reader of a table would read as a name and its label or count; it looks at a
row's fields only when its first field may be a header's
(:func:`may_be_key`), so that most rows cost one look at a character.
"""

import functools
import string

from .._name_headers import header_key
from .._words import quoted_row

__all__ = ["check_not_header", "may_be_key", "unlike_starts"]


def check_not_header(fields, keys, line, source):
    """Refuse a row below a header of two fields or more that is the header
    again (as :func:`header_key` compares): exports joined one after another,
    whose header rows would be read as a name and its label or count. (In a
    table of one column, ``Name`` below ``name`` may be a name.)

    ``keys`` are the header's fields as :func:`header_key` spells them,
    computed once for all the rows; a row's fields are compared only when
    its first may match (:func:`may_be_key`).

    Examples
    --------
    >>> check_not_header(["Name", "Sex"], ["name", "sex"], 9, "'kids.csv'")
    Traceback (most recent call last):
    ...
    ValueError: Line 9 of 'kids.csv' is its header row again, 'Name,Sex' ...
    """
    if len(fields) != len(keys) or len(keys) < 2:
        return
    if not may_be_key(fields[0], keys[:1], unlike_starts(keys[0][:1])):
        return  # most rows: a first field that is not the header's
    if all(header_key(field) == key for field, key in zip(fields, keys)):
        raise ValueError(
            f"Line {line} of {source} is its header row again, "
            f"{quoted_row(','.join(fields))} (files joined one after another?), "
            "and would be read as a row: delete every header row below the first."
        )


def may_be_key(field, keys, unlike):
    """Whether ``header_key(field)`` may be one of ``keys``: a cheap test
    before :func:`header_key`, for a field of each row. ``unlike`` holds the
    first characters of a field that is none of them (:func:`unlike_starts`); the
    key of a field of ASCII letters is the field in lowercase.

    Examples
    --------
    >>> keys, unlike = ["name", "sum"], unlike_starts("ns")
    >>> [may_be_key(f, keys, unlike) for f in ["Sum", "Suma", "Zoë", "S-x"]]
    [True, False, False, True]
    """
    if field[:1] in unlike:
        return False
    if field.isascii() and field.isalpha():
        return field.lower() in keys  # its key, exactly
    return True


@functools.lru_cache(maxsize=64)
def unlike_starts(starts):
    """The first characters of a field whose key (:func:`header_key`) starts
    with none of the characters of ``starts``: the ASCII letters and digits
    that are not among them, in lowercase. A field that starts with one has
    a key that starts with it, in lowercase, or with a character beyond
    ASCII (NFC joins it to the accents after it: ``"A\u030a"`` is ``"å"``),
    so that none is unlike a key that starts beyond ASCII.

    Examples
    --------
    >>> sorted(unlike_starts("ns"))[:4], "S" in unlike_starts("ns")
    (['0', '1', '2', '3'], False)
    >>> len(unlike_starts("å"))
    0
    """
    if not starts.isascii():
        return frozenset()
    return frozenset(
        c for c in string.ascii_letters + string.digits if c.lower() not in starts
    )
