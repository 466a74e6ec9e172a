"""An option given twice with two values: argparse keeps the last one
silently (``sample m.skops -n 5 -n 10`` drew 10 names, ``train -o a.skops -o
b.skops`` wrote ``b.skops``); the command line keeps the last one too, the
convention that lets a wrapper script or a line typed again override a value
by adding it, and tells of it, naming every value given and the one taken.
An option repeated with the same value (``--novel --novel``) changes nothing
and is taken without a word.

The values are seen through argparse's public surface only (no private hook,
which a Python release may change): :func:`record` makes an option's action
note each value it is called with (``Action.__call__``) and its ``type`` the
words it converts."""

import functools

from .._shown_paths import shell_word
from ._typed_flags import options_named

__all__ = ["Repeats", "last_kept", "record"]


class Repeats:
    """The values each option of one parse was given, in order, and the notes
    on the options given different values.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="sample")
    >>> n = parser.add_argument("-n", "--n-samples", type=int)
    >>> repeats = Repeats()
    >>> repeats.taken(n, 5, ["5"])
    >>> repeats.taken(n, 5, ["05"])  # the same value: nothing to tell
    >>> repeats.notes()
    []
    >>> repeats.taken(n, 10, ["10"])
    >>> print(*repeats.notes())  # doctest: +NORMALIZE_WHITESPACE
    Note: -n/--n-samples was given 3 times, as -n 5, as -n 05 and as -n 10:
    the last one, -n 10, is used.
    """

    def __init__(self):
        self.given = {}  # an option's action -> [(its value, the words typed)]
        self.typed = []  # the words converted for the value not yet taken

    def words_of(self, values):
        """The words typed for ``values``, the value an action is called
        with: those its type converted, else (no type) the values' own
        words; the words converted are then forgotten."""
        words, self.typed = self.typed, []
        if words or values is None:
            return words
        if isinstance(values, str):
            return [values]
        return [str(value) for value in values] if isinstance(values, list) else []

    def taken(self, action, value, words):
        """Record that ``action``, an option, took ``value`` from the words
        ``words``."""
        if action.option_strings:  # a positional argument: once by design
            self.given.setdefault(action, []).append((value, list(words)))

    def notes(self):
        """One line for each option given values that differ, in the order
        the options were first given."""
        return [
            _note(action, given)
            for action, given in self.given.items()
            if any(value != given[0][0] for value, _ in given[1:])
        ]


def _note(action, given):
    """The note on ``action`` given the (value, words) of ``given``."""
    flag = action.option_strings[0]
    shown = [" ".join([flag, *map(shell_word, words)]) for _, words in given]
    times = "twice" if len(given) == 2 else f"{len(given)} times"
    listed = ", as ".join(shown[:-1]) + f" and as {shown[-1]}"
    return (
        f"Note: {'/'.join(action.option_strings)} was given {times}, as {listed}: "
        f"the last one, {shown[-1]}, is used."
    )


def last_kept(words, repeats, options):
    """``words``, that a parser of the options ``options`` read into
    ``repeats``, with each option given more than once kept only where it
    was given last (its value is the one used); None if the words of one of
    them are not found (``-qn3``: two options in one word).

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="sample")
    >>> parser.repeats = Repeats()
    >>> _ = record(parser.add_argument("-n", "--n-samples", type=int), parser)
    >>> words = ["-n", "3", "--n-s=4", "m", "-n5"]
    >>> _ = parser.parse_known_args(words)
    >>> last_kept(words, parser.repeats, {"-n", "--n-samples"})
    ['m', '-n5']
    """
    dropped = set()
    for action, given in repeats.given.items():
        spans = _spans(words, action, options, [typed for _, typed in given])
        if len(spans) != len(given):
            return None
        dropped.update(i for start, stop in spans[:-1] for i in range(start, stop))
    return [word for i, word in enumerate(words) if i not in dropped]


def _spans(words, action, options, typed):
    """Where in ``words`` (before a ``--``) the option ``action`` was given,
    ``typed`` the words of each value: (start, stop) of each time."""
    end = words.index("--") if "--" in words else len(words)
    spans, at = [], 0
    while at < end and len(spans) < len(typed):
        word = words[at]
        flag, joined, _ = word.partition("=")
        attached = not word.startswith("--") and word[:2] in action.option_strings
        if _names(flag, action, options):
            stop = at + 1 + (0 if joined else len(typed[len(spans)]))
        elif attached and len(word) > 2 and action.nargs != 0:  # -n5
            stop = at + 1
        else:
            at += 1
            continue
        spans.append((at, stop))
        at = stop
    return spans


def _names(flag, action, options):
    """Whether ``flag`` names ``action`` among ``options``: one of its
    option strings, or the start of its long ones and of no other option
    (:func:`~._typed_flags.options_named`)."""
    named = options_named(flag, options)
    return bool(named) and set(named) <= {*action.option_strings}


def record(action, parser):
    """Make the option ``action`` of ``parser`` note in ``parser.repeats``
    each value it takes, with the words typed for it, and return it.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="sample")
    >>> parser.repeats = Repeats()
    >>> n = record(parser.add_argument("-n", type=int), parser)
    >>> parser.parse_args(["-n", "5", "-n010"]).n
    10
    >>> print(*parser.repeats.notes())  # doctest: +NORMALIZE_WHITESPACE
    Note: -n was given twice, as -n 5 and as -n 010: the last one, -n 010, is
    used.
    """
    if action.option_strings and not isinstance(action, _Recording):
        action.__class__ = _recording(type(action))
        if action.type is not None:
            action.type = _Typed(action.type, parser)
    return action


class _Recording:
    """The mark of an action that notes its values (:func:`_recording`)."""


@functools.cache
def _recording(kind):
    """The action class ``kind`` whose call first notes its value and the
    words typed for it in the parser's ``repeats``."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser.repeats.taken(self, values, parser.repeats.words_of(values))
        kind.__call__(self, parser, namespace, values, option_string)

    return type(kind.__name__, (kind, _Recording), {"__call__": __call__})


class _Typed:
    """An option's type that notes each word it converts in the parser's
    ``repeats``; argparse sees the type itself otherwise (its name, its
    errors)."""

    def __init__(self, kind, parser):
        self.kind, self.parser = kind, parser

    def __call__(self, word):
        value = self.kind(word)  # its errors are argparse's to tell
        self.parser.repeats.typed.append(word)
        return value

    def __getattr__(self, name):  # __name__ in argparse's "invalid int value"
        if "kind" not in vars(self):  # a copy being made
            raise AttributeError(name)
        return getattr(self.kind, name)

    def __repr__(self):
        return repr(self.kind)
