"""Limits shared across layers: the length of generated names, the largest count,
the floor of a log-probability, the largest seed.

A module of its own that imports nothing of the package nor NumPy, so that the
command line's checks and ``--help`` state the same limit as
:class:`~sknextchar.NameSampler`, and the files of counts (``load_names`` and
``train --counts``, with :func:`check_counts_total`), the count model and the
record of names refuse the same totals.
"""

import math

__all__ = [
    "BYTES_PER_LETTER",
    "LOG_FLOOR",
    "MAX_EXACT_COUNT",
    "MAX_LETTERS",
    "MAX_SEED",
    "PROBABILITY_COPIES",
    "check_counts_total",
    "long_name_words",
]

#: The most letters a name may be asked for (``min_length`` and ``max_length``
#: of a sampler, ``--min-length`` and ``--max-length`` of ``sample``): every
#: name being drawn takes at least this many steps (one model call each), so a
#: bound of a billion letters would run for days; no name has anywhere near
#: 1000 letters. Also the longest ``context_length`` (``--context-length``): a
#: longer context adds only end markers before each name, and memory.
MAX_LETTERS = 1000

#: The largest int seed, of a ``random_state`` and of ``--seed`` (NumPy's
#: ``RandomState`` takes no larger one).
MAX_SEED = 2**32 - 1

#: Bytes each letter of the names asked for takes, at the peak of a request:
#: a letter and a 1-byte mask per step as they are drawn, then the names as
#: strings, and ``sample`` prints a batch whole. Measured (load 11-19; 2 shared cores)
#: as the peak RSS (``/usr/bin/time -v``) of ``sknextchar sample MODEL -n 300000
#: --min-length 45 --max-length 60 --temperature 0.05 --seed 0 -q`` less that of
#: ``--min-length 5``, over the letters (grapheme clusters) printed more; the low
#: temperature repeats contexts, so that the letters, not the probabilities, make
#: the peak: 3.4 bytes a letter for an MLP of a-z, 4.1 for a Kneser-Ney model of
#: 400 CJK characters, 15.8 for one of 148 Devanagari syllables (grapheme
#: clusters, decoded as Python objects); 2.1 for the MLP of a-z at ``-n 1000000``
#: and the default temperature. The largest, rounded up.
BYTES_PER_LETTER = 16

#: Copies of each probability of a context being drawn from, at the peak of a
#: step of sampling: the model's output and its work arrays, the weights drawn
#: from and their cumulative sums, for every distinct context of a batch (at
#: most one per name, and no more than the contexts there are); a copy takes
#: the bytes of the model's floats (8 for a count model's float64, 4 for an
#: MLP's float32). Measured with peak RSS (``/usr/bin/time -v``) of
#: ``sknextchar sample -n N --temperature 3`` (every context distinct) less
#: that of ``-n 1``, on a-z models of the bundled names, less 169 bytes a name
#: (:func:`~sknextchar._generation.sample_memory`): Kneser-Ney models of context
#: 5 and 8 took 56.6 and 54.5 bytes a symbol and name at ``-n 100000`` (7.1 and
#: 6.8 copies), 38.8 and 48.0 at ``-n 1000000``; MLPs of context 5 and 8, 20.0
#: (5 copies) at ``-n 100000``, 15.4 and 19.9 at ``-n 1000000``; a Kneser-Ney
#: model of 400 CJK characters, 38.9 from ``-n 50000`` to ``200000``. Rounded
#: up (tests/sampling/test_sample_memory_bounds.py).
PROBABILITY_COPIES = 8

#: The largest count kept exactly: float64 holds every whole number up to 2**53
#: and not all of those above, so a count in a file, a sum of weights of the
#: count model and the total of a sampler's length counts stop there.
MAX_EXACT_COUNT = 2**53

#: The floor of a log-probability where a weight multiplies it: a model may give
#: probability 0 (add-k smoothing with k = 0), and a weight of 0 times the floor
#: is 0 rather than NaN (the mixture weights, the calibration of a classifier of
#: names). exp(-1e4) is 0 in float64, as exp(-inf) is.
LOG_FLOOR = -1e4


def check_counts_total(counts, what):
    """Refuse counts that add up to more than :data:`MAX_EXACT_COUNT`.

    Parameters
    ----------
    counts : iterable of float
        The counts of a file's names, each one at most ``MAX_EXACT_COUNT``.
    what : str
        The counts, as the message names them in the user's interface (the
        file, and the column as a parameter or a flag gives it).

    Raises
    ------
    ValueError
        If their sum (exact, :func:`math.fsum`) is above ``MAX_EXACT_COUNT``.

    Examples
    --------
    >>> check_counts_total([2.0**53, 2.0], "The counts of 'us.csv'")
    Traceback (most recent call last):
    ...
    ValueError: The counts of 'us.csv' add up to 9.01e+15, more than ...
    """
    total = math.fsum(counts)
    if total > MAX_EXACT_COUNT:
        raise ValueError(
            f"{what} add up to {total:.3g}, more than {MAX_EXACT_COUNT:,} (2**53), "
            "the most that is counted exactly: divide every count by the same "
            "number (the MLP learns the same model from counts times any constant)."
        )


def long_name_words(name):
    """Why ``name``, of more than :data:`MAX_LETTERS` characters, is not one
    name: the words every interface says after its own place of the name (a
    line of a file, ``names[3]``, NAME) and before its own advice.

    Parameters
    ----------
    name : str
        The name refused, stripped of the whitespace around it.

    Returns
    -------
    words : str
        Starting "holds a name of", with no full stop.

    Examples
    --------
    >>> print("names[0]", long_name_words("asha, ravi, " * 100))
    names[0] holds a name of 1,200 characters, starting 'asha, ravi, asha, ra':
    more than 1,000, the most letters a name can have, so it is not one name
    """
    return (
        f"holds a name of {len(name):,} characters, starting {name[:20]!r}: "
        f"more than {MAX_LETTERS:,}, the most letters a name can have, so it is "
        "not one name"
    )
