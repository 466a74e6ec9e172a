"""The length bounds of ``sknextchar sample``, refused up front when absurd.

A name is drawn one letter at a time, every name of a batch together, and
``--min-length`` forbids the end before that many letters: a bound of a billion
letters would run for days and fill the memory before failing. The bounds are
checked before the model file is loaded. (A ``--min-length`` above the model's
default maximum raises that maximum, as ``NameSampler.sample`` does.)
"""

from .._sizes import machine_memory

__all__ = ["MAX_LETTERS", "check_length_flags", "check_name_lengths"]

#: The most letters ``--min-length`` and ``--max-length`` may ask for: far more
#: than any name has, far less than would keep the command busy for minutes.
MAX_LETTERS = 1000
# Bytes each letter of a name being drawn takes (its id and its row number).
_BYTES_PER_LETTER = 16


def check_length_flags(args):
    """Refuse ``--min-length``/``--max-length`` that cannot give names.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line of ``sample``.

    Raises
    ------
    ValueError
        If a bound is above :data:`MAX_LETTERS`, the bounds cross, or the
        names asked for cannot fit in memory at ``--min-length`` letters each.

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
    needed = args.n_samples * (low or 0) * _BYTES_PER_LETTER
    if needed > machine_memory():
        raise ValueError(
            f"-n {args.n_samples:,} names of --min-length {low:,} letters or more "
            f"need {needed:.3g} bytes, more than this machine's "
            f"{machine_memory():.3g} bytes of memory: ask for fewer names, or "
            "shorter ones."
        )


def check_name_lengths(names, path):
    """Refuse a training "name" longer than any sampled name can be.

    Such a line is not one name: a list on one line, say, or a file whose
    line ends were lost.

    Parameters
    ----------
    names : list of str
        The names of NAMES_FILE.
    path : str
        NAMES_FILE.

    Examples
    --------
    >>> check_name_lengths(["asha, ravi" * 200], "names.txt")
    Traceback (most recent call last):
    ...
    ValueError: 'names.txt' holds a name of 2,000 characters, starting ...
    """
    longest = max(names, key=len, default="")
    if len(longest) > MAX_LETTERS:
        raise ValueError(
            f"{path!r} holds a name of {len(longest):,} characters, starting "
            f"{longest[:20]!r}: more than {MAX_LETTERS:,}, the most letters a "
            "sampled name can have, so it is not one name. Give each name a line "
            "of its own (names between commas or spaces on one line are one "
            "name)."
        )
