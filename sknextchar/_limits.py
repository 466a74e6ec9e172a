"""Limits shared across layers: the length of generated names, the largest count.

A module of its own that imports nothing, so that the command line's checks and
``--help`` state the same limit as :class:`~sknextchar.NameSampler`, without
NumPy, and the files of counts, the count model and the record of names refuse
the same totals.
"""

__all__ = ["BYTES_PER_LETTER", "MAX_EXACT_COUNT", "MAX_LETTERS"]

#: The most letters a name may be asked for (``min_length`` and ``max_length``
#: of a sampler, ``--min-length`` and ``--max-length`` of ``sample``): every
#: name being drawn takes at least this many steps (one model call each), so a
#: bound of a billion letters would run for days; no name has anywhere near
#: 1000 letters. Also the longest ``context_length`` (``--context-length``): a
#: longer context adds only end markers before each name, and memory.
MAX_LETTERS = 1000

#: Bytes each letter of a name being drawn takes (its id and its row number).
BYTES_PER_LETTER = 16

#: The largest count kept exactly: float64 holds every whole number up to 2**53
#: and not all of those above, so a count in a file, a sum of weights of the
#: count model and the total of a sampler's length counts stop there.
MAX_EXACT_COUNT = 2**53
