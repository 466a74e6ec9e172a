"""The length bounds of ``sknextchar sample``, refused up front when absurd.

A name is drawn one letter at a time, every name of a batch together, and
``--min-length`` forbids the end before that many letters: a bound of a billion
letters would run for days and fill the memory before failing. The bounds are
checked before the model file is loaded. (A ``--min-length`` above the model's
default maximum raises that maximum, as ``NameSampler.sample`` does.) So is,
with them, what needs no model: a ``--prefix`` longer than ``--max-length``,
a ``--pattern`` that does not compile (the model file takes seconds to load).
"""

import functools
import unicodedata

from .._limits import BYTES_PER_LETTER, MAX_LETTERS, long_name_words
from .._shown_paths import shown_path
from .._sizes import machine_memory
from ._places import places_of

__all__ = [
    "check_length_flags",
    "check_name_lengths",
    "name_length_check",
    "table_max_length",
]


def check_length_flags(args):
    """Refuse ``--min-length``/``--max-length`` that cannot give names.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line of ``sample``.

    Raises
    ------
    ValueError
        If a bound is above :data:`~sknextchar._limits.MAX_LETTERS`, the bounds
        cross, ``--prefix`` has more letters than ``--max-length``,
        ``--pattern`` is no regular expression, or the names asked for cannot
        fit in memory at ``--min-length`` letters each.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> args = build_parser().parse_args(["sample", "m.skops", "--min-length", "5"])
    >>> check_length_flags(args)
    >>> args.max_length = 3
    >>> check_length_flags(args)
    Traceback (most recent call last):
    ...
    ValueError: --max-length 3 must be >= --min-length 5: raise --max-length ...
    """
    low, high = args.min_length, args.max_length
    for flag, value in (("--min-length", low), ("--max-length", high)):
        if value is not None and value > MAX_LETTERS:
            raise ValueError(
                f"{flag} {value:,} is more than {MAX_LETTERS:,}, the most letters "
                "sample gives a name (each letter is one more step for every name "
                f"being drawn): pass a smaller {flag}."
            )
    if low is not None and high is not None and high < low:
        raise ValueError(
            f"--max-length {high} must be >= --min-length {low}: raise --max-length "
            "or lower --min-length."
        )
    _check_prefix_length(args.prefix, high)
    if getattr(args, "pattern", None) is not None:  # not a length: but as early
        from .._name_filter import check_pattern

        check_pattern(args.pattern)
    needed = args.n_samples * (low or 0) * BYTES_PER_LETTER
    if needed > machine_memory():
        from .._words import counted

        raise ValueError(
            f"-n {args.n_samples:,} names of --min-length {counted(low, 'letter')} "
            "or more "
            f"need {needed:.3g} bytes, more than the {machine_memory():.3g} "
            "bytes of memory this process may use: ask for fewer names, or "
            "shorter ones."
        )


def _check_prefix_length(prefix, max_length):
    """Refuse a ``--prefix`` of more letters than ``--max-length``, as the
    sampler does once the model is loaded: its grapheme clusters are the
    fewest letters any model reads in it (a model of code points reads more)."""
    if not prefix or max_length is None:
        return
    from .._dead_ends import long_prefix_message
    from .._shown_paths import flag_word
    from .._text import graphemes

    letters = len(graphemes(unicodedata.normalize("NFC", prefix).lstrip()))
    if letters > max_length:  # as the sampler's error is told (error_message)
        shown = flag_word("--prefix", prefix)
        message = long_prefix_message(shown, letters, max_length, bound="--max-length")
        raise ValueError(message)


def table_max_length(sampler, context):
    """The ``max_length`` of ``sknextchar table``: one past its CONTEXT, so that
    no length bound of sampling bites (the end marker gets the model's own
    probability). The letters of CONTEXT are counted as the model reads them
    (a model of code points reads a letter and its combining mark as two); a
    CONTEXT of :data:`~sknextchar._limits.MAX_LETTERS` letters or more, after
    which only the end can come, is refused, as the plotting functions refuse
    it (:class:`~sknextchar._dead_ends.NoRoomAfterError`). It is counted once
    the model is loaded: before, the letters it would be told to have may not
    be the model's.

    Parameters
    ----------
    sampler : NameSampler
        The model file's sampler.
    context : str
        CONTEXT.

    Returns
    -------
    max_length : int

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> from sknextchar._fitted import as_sampler
    >>> pipe = make_pipeline(ContextWindowTransformer(unit="char"),
    ...                      KneserNeyClassifier()).fit(["asha", "abid"])
    >>> table_max_length(as_sampler(pipe, "table"), "ab\u0308")
    4
    """
    from .._dead_ends import room_after_message
    from .._fitted import prefix_letters
    from .._words import quoted

    letters = prefix_letters(sampler, context)
    if letters >= MAX_LETTERS:
        shown = f"CONTEXT {quoted(context)}"
        raise ValueError(room_after_message(shown, letters, 1, "CONTEXT"))
    return letters + 1


def check_name_lengths(names, path, places=None):
    """Refuse a training "name" longer than any sampled name can be.

    Such a line is not one name: a list on one line, say, or a file whose
    line ends were lost.

    Parameters
    ----------
    names : list of str
        The names of NAMES_FILE.
    path : str
        NAMES_FILE.
    places : Places or None, default=None
        Where the names came from: the message names the line of the name.

    Examples
    --------
    >>> check_name_lengths(["asha, ravi" * 200], "names.txt")
    Traceback (most recent call last):
    ...
    ValueError: 'names.txt' holds a name of 2,000 characters, starting ...
    """
    longest = max(names, key=len, default="")
    if len(longest) > MAX_LETTERS:
        from .._words import capitalized

        where = None if places is None else places.place("names", longest)
        where = f"{shown_path(path)}" if where is None else capitalized(where)
        own = "a line of its own (names between commas or spaces on one line"
        if where == "NAME":  # an argument, as its Python twin is an element
            own = "a NAME of its own (names between commas or spaces in one NAME"
        raise ValueError(
            f"{where} {long_name_words(longest)}. Give each name {own} are one name)."
        )


def name_length_check(args):
    """``check_names`` of ``train_from_file``: the first pass over NAMES_FILE
    refuses a line too long to be a name, as ``train`` does in memory.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line of ``train``.

    Returns
    -------
    check : callable
        Takes a chunk of names; raises ValueError at a name of more than
        1,000 characters, naming its line of NAMES_FILE.

    Examples
    --------
    >>> import argparse
    >>> from sknextchar.cli._lengths import name_length_check
    >>> check = name_length_check(argparse.Namespace(names_file="n.txt"))
    >>> check(["asha", "ravi"])
    >>> check(["asha, ravi" * 200])
    Traceback (most recent call last):
    ...
    ValueError: 'n.txt' holds a name of 2,000 characters, starting ...
    """
    return functools.partial(
        check_name_lengths, path=args.names_file, places=places_of(args)
    )
