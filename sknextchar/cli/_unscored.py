"""The names ``score`` and ``classify`` can score, and the others said once.

A model that refuses unknown characters (``handle_unknown="error"``, the
default) refuses a whole list of names for one name that holds one: Python's
``score_samples`` keeps that contract. The command line scores the other names
and ends with one error that names the names left out and why (status 1), as
it does when the output cannot write some characters (``classify`` prints
their rows in place, as ``-``). A list in which no name can be scored is
refused whole, with the same message (each distinct name said once, with
all its lines). ``score`` ranks a name given twice once.
"""

import itertools
import re
import sys

from .._number_runs import runs_and_more
from .._placed_names import PlacedNamesError
from .._words import and_more, counted, one_or_many, quoted
from ._name_counts import NameCounts
from ._stdin_files import SHOWN

__all__ = [
    "BLOCK_ROWS",
    "distinct_names",
    "merged_places",
    "scorable_names",
    "unscored_error",
]

#: The names ``score`` and ``classify`` read, score and print at a time: the
#: windows of a block of names, not those of every line of a long file.
BLOCK_ROWS = 1 << 16

_LITERAL = r"(?:'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
# A name placed on a line of a file, as the places name it: 'zoë' (line 2 of
# 'names.txt'); and the same name placed again right after it.
# A file is a path, or standard input as the places rename it.
_FILE = rf"{_LITERAL}|{re.escape(SHOWN)}"
_PLACED = re.compile(rf"({_LITERAL}) \(line (\d+) of ({_FILE})\)")
_AGAIN = r"(?:, and |, | and ){name} \(line (\d+) of {path}\)"
# A name as a message on a list shows it (sknextchar._words.quoted), and a
# name given as an argument more than once: NAME 'zoë', NAME 'zoë'.
_SHOWN = re.compile(
    rf"\bnames\[(\d+)\](=| is ){_LITERAL}(?:\.\.\. \([\d,]+ characters\))?"
)
_GIVEN = re.compile(rf"\bNAME ({_LITERAL})((?:(?:, and |, | and )NAME \1)+)")


def scorable_names(sampler, names, places=None):
    """The names the model can score, and the message on the others.

    A name is left out when it holds a character outside the model's
    vocabulary (``handle_unknown="error"``), when it reads as empty (only
    invisible characters, or only marks that ``strip_accents`` removes), or
    when dropping its unknown characters leaves it empty
    (``handle_unknown="drop"``): each said as the model's ``transform`` says
    it. The names are read once: the message is made from that reading, not
    from a second pass over the list.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    names : list of str or NameCounts
        The names of the command line and of ``--names-file``.
    places : Places or None, default=None
        Where the names came from: the message names each by its line or
        argument.

    Returns
    -------
    kept : sequence of int or NameCounts
        The positions of the names the model can score (a range when it can
        score them all); for ``names`` counted
        (:class:`~._name_counts.NameCounts`), those names counted, when some
        are left out.
    message : str or None
        Why the others were left out, in the command line's words; None when
        none was.

    Raises
    ------
    ValueError
        When no name can be scored: the list is refused whole, each distinct
        name said once (the entry point spells it in the command line's words).

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (CharEmbeddingMLPClassifier,
    ...     ContextWindowTransformer, NameSampler)
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(max_iter=2, random_state=0))
    >>> sampler = NameSampler(pipe).fit(["abid", "asha", "amit"])
    >>> kept, message = scorable_names(sampler, ["asha", "zoë", "\u200b"])
    >>> kept
    [0]
    >>> print(message)  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    1 name holds only invisible characters ...: names[2]='\\u200b'. Remove it.
    Found characters outside the vocabulary ['ë'] in names[1]='zoë'...
    """
    from .._pipeline import split_pipeline
    from ._errors import error_message

    every = range(len(names))  # a range: no list of every line of a long file
    transformer = split_pipeline(sampler.estimator_)[0]
    by_count = isinstance(names, NameCounts)  # a plain list, each name once
    distinct = names.distinct() if by_count else list(dict.fromkeys(names))
    unread = [
        distinct[start + k]
        for start in range(0, len(distinct), BLOCK_ROWS)  # a block's reading at a time
        for k in sorted(_left_out(transformer, distinct[start : start + BLOCK_ROWS]))
    ]
    if not unread:
        return every, None
    # The message on the names left out alone, each at every place it holds.
    where = _positions(names, unread)
    if by_count:
        names.find_lines(unread)  # their lines, read again for them alone
    errors = _unreadable(transformer, unread)
    texts = [_at_every_place(str(e), names, unread, where) for e in errors]
    left = {i for positions in where.values() for i in positions}
    if len(left) == len(names):  # refused whole, in the entry point's words
        placed = (text if places is None else places.rewrite(text) for text in texts)
        raise ValueError(merged_places(" ".join(placed)))
    message = " ".join(error_message(ValueError(text), places) for text in texts)
    kept = names.without(unread) if by_count else [i for i in every if i not in left]
    return kept, merged_places(message)


def _positions(names, some):
    """Each of the names ``some`` mapped to its positions in ``names``."""
    where = {name: [] for name in some}
    for i, name in enumerate(names):
        if name in where:
            where[name].append(i)
    return where


def _at_every_place(message, names, distinct, where):
    """The message on the ``distinct`` names with each name shown at every
    position of ``names`` that holds it (``names[1]='zoë', names[4]='zoë'``):
    the places then name all its lines, merged into one."""

    def every(match):
        name, verb = distinct[int(match.group(1))], match.group(2)
        return ", ".join(f"names[{i}]{verb}{quoted(name)}" for i in where[name])

    return _SHOWN.sub(every, message)


def merged_places(message):
    """The message with a name placed on several lines of a file, one after
    the other, shown once with its lines (the first five, and how many more);
    and a name given more than once as NAME, once with how many times.

    Examples
    --------
    >>> from sknextchar.cli._unscored import merged_places
    >>> merged_places("in 'zoë' (line 2 of 'f.txt'), 'zoë' (line 4 of 'f.txt'),"
    ...     " 'zoë' (line 6 of 'f.txt') and 'asha' (line 7 of 'f.txt').")
    "in 'zoë' (lines 2, 4 and 6 of 'f.txt') and 'asha' (line 7 of 'f.txt')."
    >>> merged_places("in NAME 'zoë', NAME 'zoë' and NAME 'ève'.")
    "in NAME 'zoë' (given 2 times) and NAME 'ève'."
    """

    def merge(match):
        name, line, path = match.groups()
        again = re.compile(_AGAIN.format(name=re.escape(name), path=re.escape(path)))
        lines, end = [line], match.end()
        while (more := again.match(message, end)) is not None:
            lines.append(more.group(1))
            end = more.end()
        ends[match.start()] = end
        if len(lines) == 1:
            return match.group(0)
        lines = runs_and_more(map(int, lines))
        return f"{name} (lines {lines} of {path})"

    ends, parts, at = {}, [], 0
    for match in _PLACED.finditer(message):
        if match.start() < at:
            continue  # merged into the name before it
        parts += [message[at : match.start()], merge(match)]
        at = ends[match.start()]
    return _GIVEN.sub(_given_times, "".join(parts) + message[at:])


def _given_times(match):
    """``NAME 'zoë' (given 3 times)`` for a name given as NAME 3 times in a row."""
    name, again = match.groups()
    return f"NAME {name} (given {again.count(f'NAME {name}') + 1:,} times)"


def _unreadable(transformer, names):
    """The errors ``transform`` gives on the names it cannot read (in the
    order it checks them: names read as empty, then unknown characters), each
    naming them by their places in ``names``."""
    from .._unknown_message import fold_note, unknown_message

    empty, unknown, emptied, symbols = _left_out_kinds(transformer, names)
    errors = [_placed_error(transformer, names, empty)] if empty else []
    if unknown and getattr(transformer, "handle_unknown", "error") == "error":
        note = fold_note(transformer.alphabet, "names", False)
        text = unknown_message(transformer, names, symbols, "names", False, None)
        errors.append(ValueError(text + note))
    if emptied:
        errors.append(_placed_error(transformer, names, emptied))
    return errors


def _left_out(transformer, names):
    """The positions of the names of ``names`` the model cannot score (read
    as empty, holding an unknown character, or emptied by dropping them)."""
    empty, unknown, emptied, _ = _left_out_kinds(transformer, names)
    if getattr(transformer, "handle_unknown", "error") == "error":
        return set(empty) | set(unknown)
    return set(empty) | set(emptied)


def _left_out_kinds(transformer, names):
    """The positions of the names read as empty, of those holding unknown
    characters, and of those dropping them empties (``handle_unknown="drop"``);
    and the symbols read (:func:`~sknextchar._transformer.unknown_symbols`)."""
    import numpy as np

    from .._transformer import unknown_symbols

    unknown, (texts, symbols) = unknown_symbols(transformer, names, read=True)
    empty = [i for i, text in enumerate(texts) if not text]
    if not unknown or getattr(transformer, "handle_unknown", "error") == "error":
        return empty, list(unknown), [], symbols
    _, bad, owner = symbols  # dropped: a name may be left without any
    kept = np.bincount(owner[~bad], minlength=len(names))
    return empty, list(unknown), [i for i in unknown if not kept[i]], symbols


def _placed_error(transformer, names, positions):
    """What ``transform`` says of the names at ``positions`` (a few, all of
    one kind: read as empty, or emptied by dropping), read alone, each named
    by its place in the whole list."""
    from .._unknown_message import place_of

    try:
        transformer.transform([names[i] for i in positions])
    except PlacedNamesError as error:
        at = [positions[i] for i in error.positions]
        return error.placed([place_of("names", i) for i in at], positions=at)
    return ValueError(f"{and_more([quoted(names[i]) for i in positions])} "
                      "cannot be scored.")  # fmt: skip


def unscored_error(message, n_left, n_names, outcome, unit="name"):
    """Print the error on the names left out; the command's status, 1.

    Parameters
    ----------
    message : str
        What :func:`scorable_names` said of them.
    n_left, n_names : int
        The names not scored, and all the names given.
    outcome : str
        What became of them and of the others (``"left out (the others are
        ranked above)"``).
    unit : str, default="name"
        What ``n_left`` and ``n_names`` count: distinct names (``score``
        ranks each once), or ``"row"`` (``classify`` gives each line a row).

    Returns
    -------
    status : int
        1: the command did not do all it was asked.

    Examples
    --------
    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     unscored_error("Found characters ... in NAME 'zoë'.", 1, 2,
    ...                    "left out (the other is ranked above)")
    1
    >>> print(err.getvalue().split(": ")[2])
    1 of the 2 names left out (the other is ranked above)
    """
    from ._errors import PROG

    left = f"{n_left:,} of the {counted(n_names, unit)}"
    print(f"{PROG}: error: {left} {outcome}: {message}", file=sys.stderr)
    return 1


def distinct_names(names, verb):
    """Each name once, in the order first given, and the note for those given
    more than once (None: each was given once), printed by the command once
    the names are scored (a list refused whole gets its error alone).

    Names are compared in NFC, as the model reads them (``zoë`` typed with
    its ``ë`` as one code point or as ``e`` and a mark, as files saved on
    macOS hold it): the first spelling given is kept. Names that differ in
    case are kept apart, even for a model that lowercases them.

    Parameters
    ----------
    names : list of str or NameCounts
    verb : str
        What the command does to each (``"ranked"``, ``"classified"``).

    Returns
    -------
    names : list of str
    note : str or None

    Examples
    --------
    >>> names, note = distinct_names(["asha", "ravi", "asha"], "ranked")
    >>> names
    ['asha', 'ravi']
    >>> print(note)
    Note: 1 name given more than once is ranked once: 'asha' (2 times).
    """
    import unicodedata

    by_count = isinstance(names, NameCounts)
    seen, first = {}, {}
    for name, n in names.pairs() if by_count else zip(names, itertools.repeat(1)):
        key = unicodedata.normalize("NFC", name)
        first.setdefault(key, name)
        seen[key] = seen.get(key, 0) + n
    if len(seen) == len(names):
        return list(first.values()) if by_count else names, None
    twice = [(first[key], n) for key, n in seen.items() if n > 1]
    shown = and_more([f"{quoted(name)} ({n:,} times)" for name, n in twice])
    verb = f"{one_or_many(len(twice), 'is', 'are')} {verb} once"
    note = f"Note: {counted(len(twice), 'name')} given more than once {verb}: {shown}."
    return list(first.values()), note
