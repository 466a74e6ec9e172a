"""An option given twice with two values: argparse keeps the last one
silently (``sample m.skops -n 5 -n 10`` drew 10 names, ``train -o a.skops -o
b.skops`` wrote ``b.skops``); the command line keeps the last one too, the
convention that lets a wrapper script or a line typed again override a value
by adding it, and tells of it, naming every value given and the one taken.
An option repeated with the same value (``--novel --novel``) changes nothing
and is taken without a word."""

from .._shown_paths import shell_word

__all__ = ["Repeats"]


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
