"""Where a command's names came from, so that its errors can say so.

The estimators point at a name by its position in the list they were given
(``names[3]='o1'``). On the command line that position means nothing: the name
is a line of a file (``line 5 of 'names.txt'``, blank lines and a header row
counted) or an argument (``NAME``, ``--prefix``). Each command records in
:class:`Places` where its names and prefixes came from, and the entry point
rewrites its error message with them. A name is found by its text, not by its
position alone, which may be one in a subset (the names counted beside the
held-out ones, a chunk of a file): the line of its position when the names
recorded hold it there, else the first line that holds it; a name a message
shows at several positions (``names[1]='x', names[3]='x'``) is found at as
many lines, in order (the second position: the second line that holds it;
a NAME argument counts as one of them, before the lines of a file). A
long name cut in a message is found by its start and length; another line of
the same start and length is named too (the first is then a guess).
"""

import ast
import itertools
import re

from .._error_lines import numbered_names
from .._shown_paths import flag_word, shown_path
from ..datasets._text_files import open_lines

__all__ = ["Places", "places_of"]

# An element of a list as the estimators' messages show it, followed by its
# value as a Python string literal: names[3]='asha' or names[3] is 'a\nb' (the
# one prefix of a call: prefix='a1'); a long value is cut
# (sknextchar._words.quoted): names[3]='asha, ...'... (240 characters).
_ELEMENT = re.compile(
    r"\b(?:(names|prefixes)\[(\d+)\]|(prefix))(=| is )"
    r"('(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
    r"(\.\.\. \(([\d,]+) characters\))?"
)


class Places:
    """Where the names (and prefixes) of one command came from.

    Examples
    --------
    >>> from sknextchar.cli._places import Places
    >>> places = Places()
    >>> places.add_lines("names", "names.txt", ["asha", "o-neil"], [1, 3])
    >>> places.add_arguments("prefixes", "--prefix", ["a1"])
    >>> places.rewrite("Found ['1'] in prefixes[0]='a1'.")
    "Found ['1'] in --prefix a1."
    >>> places.rewrite("Found ['1'] in prefix='a1'.")
    "Found ['1'] in --prefix a1."
    >>> places.rewrite("Found ['-'] in names[4]='o-neil' and names[5]='zoe'.")
    "Found ['-'] in 'o-neil' (line 3 of 'names.txt') and names[5]='zoe'."
    """

    def __init__(self):
        # (what, find): find(test, index=None, rank=0) -> (place, in_file) or
        # None: the place of the value at position index if it passes test,
        # else of the (rank + 1)-th value that does (the last, if fewer do).
        self._sources = []
        self._renamed = []  # (shown, as the user typed it): '/dev/stdin' for '-'
        self._checks = []  # (path, check): check(values) of what add_lines records

    def rename(self, old, new):
        """Write ``new`` for ``old`` in messages: ``'/dev/stdin'`` is standard
        input to a user who typed ``-``."""
        self._renamed.append((old, new))

    def check_values(self, path, check):
        """Call ``check(values)`` on the values read later from the file
        ``path`` (:meth:`add_lines`), which refuses them by raising."""
        self._checks.append((path, check))

    def run_checks(self, path, values):
        """Run the checks of :meth:`check_values` for the file ``path`` on
        ``values`` read from it (all of them, or a chunk: ``train
        --chunk-size`` reads a file a chunk at a time)."""
        for at, check in self._checks:
            if at == path:
                check(values)

    def has_renames(self):
        """Whether :meth:`rename` was called."""
        return bool(self._renamed)

    def renamed(self, text):
        """``text`` with the renames of :meth:`rename` made, as the notes
        printed on stderr show it (``Note: standard input ('-') is a table``)."""
        for old, new in self._renamed:
            text = text.replace(old, new)
        return text

    def add_lines(self, what, path, values, lines):
        """Values read from a file: ``values[i]`` is on line ``lines[i]``;
        the checks of :meth:`check_values` for that file run on them."""
        self.run_checks(path, values)

        def find(test, index=None, rank=0):
            if index is not None and index < len(values) and test(values[index]):
                return f"line {lines[index]} of {shown_path(path)}", True
            passing = (line for value, line in zip(values, lines) if test(value))
            line = _nth(passing, rank)
            return (
                None if line is None else (f"line {line} of {shown_path(path)}", True)
            )

        self._sources.append((what, find))

    def add_file(self, what, path, encoding, column=None, *, by_position=False):
        """Values read from the stripped lines of a file (or from the column
        ``column`` of a table: with ``by_position``, the column at that
        position, counted from 0, of a table without a header row), found
        when needed."""

        def find(test, index=None, rank=0):
            line = _line_of(test, path, encoding, (column, by_position), rank)
            return (
                None if line is None else (f"line {line} of {shown_path(path)}", True)
            )

        self._sources.append((what, find))

    def add_counted(self, what, path, encoding, counted):
        """Values of a file read as each value and its count
        (:class:`~._name_counts.NameCounts`): a value at a position is found
        on its line by ``counted.line_at``, else as :meth:`add_file` finds it."""

        def find(test, index=None, rank=0):
            line = counted.line_at(index, test)
            if line is None:
                line = _line_of(test, path, encoding, rank=rank)
            return (
                None if line is None else (f"line {line} of {shown_path(path)}", True)
            )

        self._sources.append((what, find))

    def add_arguments(self, what, argument, values):
        """Values given on the command line as ``argument`` (e.g. ``NAME``)."""
        values = list(values)

        def find(test, index=None, rank=0):
            return (argument, False) if sum(map(test, values)) > rank else None

        find.count = lambda test: sum(map(test, values))  # ranks it holds
        find.size = len(values)  # positions it holds, before a file's

        self._sources.append((what, find))

    def place(self, what, value):
        """Where a value came from (``"line 5 of 'names.txt'"``), or None."""
        for kind, find in self._sources:
            found = find(value.__eq__) if kind == what else None
            if found is not None:
                return found[0]
        return None

    def rewrite(self, message):
        """The message with each recorded element named by its place."""
        ranks = _ranks(_ELEMENT.finditer(message))

        def replace(match):
            what, index, one, verb, literal, cut, length = match.groups()
            what = what or f"{one}es"  # prefix='a1': one of the prefixes
            try:
                value = ast.literal_eval(literal)
            except (ValueError, SyntaxError):
                return match.group(0)
            test = value.__eq__ if cut is None else _starts(value, length)
            index = None if index is None else int(index)
            rank = ranks.get((what, literal, cut), {}).get(index, 0)
            find, found = self._found(what, test, index, rank)
            if found is None:
                return match.group(0)
            place, in_file = found
            if cut is not None and in_file:
                place = _alike(find, test, place)
            if cut is None and not in_file and place.startswith("--"):
                return _flag_shown(place, value, literal, verb)
            return _shown(place, in_file, literal + (cut or ""), verb)

        # renamed last: a place found is a path too ("line 2 of '/dev/stdin'")
        return self.renamed(_ELEMENT.sub(replace, message))

    def _found(self, what, test, index, rank):
        """The source (its ``find``) of the value at ``rank`` among those that
        pass ``test``, and its place; ``(None, None)`` if none holds it. The
        values given as arguments come first: a rank beyond them is one in
        the sources after them (NAME 'zoë', then 'zoë' on a line of a file)."""
        finds = [find for kind, find in self._sources if kind == what]
        for find in finds:
            found = find(test, index, rank)
            if found is not None:
                return find, found
            rank -= getattr(find, "count", lambda test: 0)(test)
            if index is not None and hasattr(find, "size"):
                index = index - find.size if index >= find.size else None
        for find in finds:  # fewer than rank + 1 hold it: the first that does
            if (found := find(test, index, 0)) is not None:
                return find, found
        return None, None


def _ranks(matches):
    """For each element value a message shows (what, literal, cut), the rank of
    each of its positions among the distinct positions shown with it."""
    positions = {}
    for match in matches:
        what, index, _, _, literal, cut, _ = match.groups()
        if index is not None:
            positions.setdefault((what, literal, cut), set()).add(int(index))
    return {
        key: {index: rank for rank, index in enumerate(sorted(indices))}
        for key, indices in positions.items()
    }


def _nth(items, rank):
    """The item of ``items`` at ``rank`` (the last if there are fewer), or None."""
    found = list(itertools.islice(items, rank + 1))
    return found[-1] if found else None


def _shown(place, in_file, literal, verb):
    """``"'o1' (line 5 of 'f.txt')"`` or ``"--prefix 'o1'"``, or with "is"."""
    if verb.strip() == "is":
        return f"{place} is {literal}"
    return f"{literal} ({place})" if in_file else f"{place} {literal}"


def _flag_shown(flag, value, literal, verb):
    """A flag's value as typed in a shell (``--prefix ë``, ``--prefix=-a``),
    as every message spells it; as ``literal`` when that spells out what the
    screen would not show (an escaped invisible character)."""
    if verb.strip() == "is" or literal != repr(value):
        return _shown(flag, False, literal, verb)
    return flag_word(flag, value)


def _starts(start, length):
    """The test of a value cut in a message: its start and its length."""
    length = int(length.replace(",", ""))
    return lambda value: len(value) == length and value.startswith(start)


def _alike(find, test, place):
    """The place of a value cut in a message, and another line that the cut
    leaves alike (the same start and length): the first is then a guess."""
    others = (find(test, None, rank) for rank in (0, 1))
    other = next((o[0] for o in others if o is not None and o[0] != place), None)
    if other is None:
        return place
    return f"{place}, or another line of the same start and length, such as {other}"


def _line_of(test, path, encoding, column=(None, False), rank=0):
    """The (``rank`` + 1)-th line of the file (the last, if fewer do) that
    holds a name that passes ``test`` (its names counted as the reader counts
    them: :func:`~sknextchar._error_lines.numbered_names`; the column of a
    table: ``column`` is ``(column, by_position)``), or None."""
    try:
        with open_lines(path, encoding, errors="replace") as text:
            numbered = numbered_names(text, path, *column)
            return _nth((n for n, name in numbered if test(name)), rank)
    except (OSError, ValueError, LookupError):  # gone or changed since: no place
        pass
    return None


def places_of(args):
    """The :class:`Places` of a parsed command line (the entry point sets one).

    Parameters
    ----------
    args : argparse.Namespace

    Returns
    -------
    places : Places
        ``args.places``, or a new one that nobody reads when the command is run
        without the entry point.

    Examples
    --------
    >>> import argparse
    >>> type(places_of(argparse.Namespace())).__name__
    'Places'
    """
    places = getattr(args, "places", None)
    return Places() if places is None else places
