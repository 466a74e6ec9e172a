"""The length limits of generated names, shared by the sampler and the command line.

A module of its own that imports nothing, so that the command line's checks and
``--help`` state the same limit as :class:`~sknextchar.NameSampler`, without
NumPy.
"""

__all__ = ["BYTES_PER_LETTER", "MAX_LETTERS"]

#: The most letters a name may be asked for (``min_length`` of a sampler,
#: ``--min-length`` and ``--max-length`` of ``sample``): every name being drawn
#: takes at least this many steps (one model call each), so a bound of a
#: billion letters would run for days; no name has anywhere near 1000 letters.
MAX_LETTERS = 1000

#: Bytes each letter of a name being drawn takes (its id and its row number).
BYTES_PER_LETTER = 16
