"""``score``'s plain list of names, read as it goes into each name and its count.

``score`` ranks each distinct name once, so a list of a million lines of
fifteen thousand names needs those names and how often each is given, not
every line. A *plain* list is read so, line by line: a regular file (not
standard input, a pipe, a table's ``.csv`` or ``.tsv``) of the default
encoding, UTF-8, whose every line is a name of letters (and accents, with
spaces, hyphens, apostrophes or periods within it), no longer than a message
shows it whole, its first line no header (``name``), its lines ended as on
Linux or on Windows (``\\r\\n``: the whole reader numbers them alike, mixed
or not). Any other line may give a note, a warning or an error (a comment, a
quote mark, a delimiter, a digit, a byte-order mark, a carriage return alone,
a blank first line, bytes that do not decode, a compressed file...): the file
is then read whole by :func:`~._labelled.read_names_file`, which says it as
it always did. The lines of the names left out are found by reading the file
once more, for those names alone (their ``\\r`` stripped).
"""

import bisect
import collections
import itertools
import os
import unicodedata

from .._error_lines import numbered_names
from .._name_headers import is_name_header
from .._words import MAX_QUOTED
from ..datasets._names_path import check_names_path
from ..datasets._table_top import TABLE_SUFFIXES
from ..datasets._text_files import open_lines
from ._places import places_of

__all__ = ["NameCounts", "counted_file_names", "plain_name_counts"]

# Bytes read at a time: a line never spans two pieces (cut at a line end).
_PIECE = 1 << 16
# Characters a plain name may hold within it, beside letters and marks.
_WITHIN = frozenset(" -'.")
# The bytes of the longest plain name, in UTF-8 (4 bytes a character at most).
_LONGEST_BYTES = 4 * MAX_QUOTED + 1


class NameCounts:
    """The names of the command line (NAME), then those of a plain list,
    each distinct name of the list held once with its number of lines.

    Iterated (and measured by ``len``), it is the list of names read whole:
    the NAMEs in order, then each name of the file as many times as its
    lines, the names in the order first given (a name's lines together).

    Parameters
    ----------
    given : list of str
        The NAMEs.
    counts : dict
        Each name of the file, in the order first given, and its lines.
    path : str
        The file, read again for the lines of names left out.

    Examples
    --------
    >>> counted = NameCounts(["ravi"], {"asha": 2, "uma": 1}, "names.txt")
    >>> list(counted), len(counted), counted.distinct()
    (['ravi', 'asha', 'asha', 'uma'], 4, ['ravi', 'asha', 'uma'])
    >>> list(counted.without(["asha"]))
    ['ravi', 'uma']
    """

    def __init__(self, given, counts, path):
        self.given, self.counts, self.path = list(given), counts, path
        self._size = len(self.given) + sum(counts.values())
        self._ends, self._names, self._lines = None, None, {}

    def __len__(self):
        return self._size

    def __iter__(self):
        yield from self.given
        for name, count in self.counts.items():
            yield from itertools.repeat(name, count)

    def pairs(self):
        """Each name and how many times it is given, NAMEs first (each once)."""
        return itertools.chain(((name, 1) for name in self.given), self.counts.items())

    def distinct(self):
        """Each name once, in the order first given."""
        return list(dict.fromkeys(itertools.chain(self.given, self.counts)))

    def without(self, names):
        """The names given but ``names``, as a :class:`NameCounts`."""
        left = set(names)
        counts = {name: n for name, n in self.counts.items() if name not in left}
        return NameCounts([n for n in self.given if n not in left], counts, self.path)

    def find_lines(self, names):
        """Read the file once more for the lines of ``names`` (names left
        out): :meth:`line_at` then says where each is."""
        wanted = {name: [] for name in names if name in self.counts}
        if not wanted:
            return
        with open_lines(self.path, errors="replace") as text:
            for number, name in numbered_names(text, self.path):
                if name in wanted:
                    wanted[name].append(number)
        self._lines = wanted

    def line_at(self, index, test):
        """The line of the file of the name at ``index`` of the file's names
        (counted from 0, in the order of iteration), if it passes ``test``
        and :meth:`find_lines` found it; else None."""
        if index is None or not self._lines:
            return None
        if self._ends is None:  # the errors' names alone ask: no list before
            self._ends = list(itertools.accumulate(self.counts.values()))
            self._names = list(self.counts)
        at = bisect.bisect_right(self._ends, index)
        if at == len(self._ends):
            return None
        name = self._names[at]
        lines = self._lines.get(name, ())
        nth = index - (self._ends[at] - self.counts[name])  # its nth line
        return lines[nth] if test(name) and nth < len(lines) else None


def counted_file_names(args, names):
    """``--names-file`` of ``score``, after the NAMEs ``names``: a
    :class:`NameCounts` for a plain list (its lines recorded for errors),
    else None (the whole reader reads it).

    Parameters
    ----------
    args : argparse.Namespace
        With ``names_file`` and ``encoding``.
    names : list of str
        The NAMEs, stripped.

    Returns
    -------
    counted : NameCounts or None

    Examples
    --------
    >>> import argparse, os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("asha\\nravi\\nasha\\n")
    ...     args = argparse.Namespace(names_file=path, encoding="utf-8")
    ...     counted = counted_file_names(args, ["uma"])
    >>> dict(counted.counts)
    {'asha': 2, 'ravi': 1}
    """
    places, path = places_of(args), args.names_file
    if args.encoding != "utf-8" or getattr(args, "names_column", None) is not None:
        return None
    if places.renamed(path) != path:  # standard input, read once
        return None
    counts = plain_name_counts(path)
    if counts is None:
        return None
    counted = NameCounts(names, counts, path)
    places.add_counted("names", path, args.encoding, counted)
    return counted


def plain_name_counts(path):
    """Each name of a plain list at ``path`` and its number of lines (a
    :class:`collections.Counter`, in the order first given); None if
    ``path`` is no plain list (see the module).

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "wb") as f:  # a Windows line end, then Linux's
    ...         _ = f.write("Zoë\\r\\nJean-Luc\\n\\nZoë".encode())
    ...     dict(plain_name_counts(path)), plain_name_counts(path + "x")
    ({'Zoë': 2, 'Jean-Luc': 1}, None)
    """
    suffix = os.path.splitext(path)[1].casefold()
    if suffix in TABLE_SUFFIXES or path.startswith(("/dev/", "/proc/")):
        return None
    try:
        if not os.path.isfile(path) or check_names_path(path) != path:
            return None
        with open(path, "rb") as file:
            counts = _counted_pieces(file)
    except (OSError, ValueError):  # told by the whole reader, in its words
        return None
    return counts or None  # no name: the whole reader's error


def _counted_pieces(file):
    """The counts of the names of an open file, :data:`_PIECE` bytes at a
    time; None at the first line that is no plain name."""
    counts, carry, first = collections.Counter(), b"", True
    while piece := file.read(_PIECE):
        piece, cut = carry + piece, piece.rfind(b"\n")
        if cut >= 0:
            cut += len(carry)
            piece, carry = piece[: cut + 1], piece[cut + 1 :]
        else:
            carry, piece = piece, b""
        if len(carry) > _LONGEST_BYTES:  # a line too long to be shown whole
            return None
        piece = piece.replace(b"\r\n", b"\n")  # Windows' line ends, as Linux's
        if piece and not _counted(piece.decode("utf-8")[:-1], counts, first):
            return None
        first = first and not piece
    if carry and not _counted(carry.decode("utf-8"), counts, first):
        return None
    return counts


def _counted(text, counts, first):
    """Count the names of the lines of ``text`` (``first``: the file's
    first) into the Counter ``counts``; False at a line that is no plain name."""
    if "\r" in text:
        return False
    lines = text.split("\n")
    if first and (not lines[0] or is_name_header(lines[0], alone=True)):
        return False  # a blank first line, or a header: the whole reader's
    if max(map(len, lines)) > MAX_QUOTED:
        return False
    names = list(filter(None, lines))  # blank lines are no names
    if not text.replace("\n", "").isalpha() and not all(map(_plain, names)):
        return False
    counts.update(names)
    return True


def _plain(name):
    """Whether a line other than letters alone is a plain name: letters and
    marks, with spaces, hyphens, apostrophes or periods within it."""
    if not (_letter(name[0]) and _letter(name[-1])):
        return False
    return all(_letter(c) or c in _WITHIN for c in name)


def _letter(character):
    """A letter, or a mark (an accent, a vowel sign)."""
    return character.isalpha() or unicodedata.category(character).startswith("M")
