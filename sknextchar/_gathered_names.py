"""Warnings of a fit about some of its names, one per file in chunks.

A fit warns about some of the names it learns (those that hold a tab, those
``strip_accents="unicode"`` changes), naming the first few. Training from a
file fits the transformer on each chunk in turn: within
:meth:`GatheredWarnings.gathering`, each such warning gathers its names instead,
numbered from the start of the file, and :meth:`GatheredWarnings.warn` then
gives one warning of each kind for the whole file, as a fit on all its names
gives.
"""

import contextlib
import contextvars
import warnings
from numbers import Integral

from ._stacklevel import user_stacklevel
from ._validation import element_place
from ._words import MAX_REPORTED, and_more, quoted

__all__ = ["GatheredWarnings", "NamesWarning", "each_told_once"]

# The GatheredWarnings that fits gather their names in (see gathering).
_GATHERING = contextvars.ContextVar("sknextchar_gathered_names", default=None)
# The texts of the warnings given within each_told_once, or None outside.
_TOLD = contextvars.ContextVar("sknextchar_names_told", default=None)


@contextlib.contextmanager
def each_told_once():
    """Within the block, a warning about names whose text was given already
    in it is left out: the pipelines of one estimator, each fitted on the same
    names, warn once of a name ``strip_accents`` changes, not once each.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> with warnings.catch_warnings(record=True) as caught, each_told_once():
    ...     warnings.simplefilter("always")
    ...     for _ in range(2):
    ...         _ = ContextWindowTransformer(alphabet="auto").fit(["asha", "zo\\te"])
    >>> len(caught)
    1
    """
    token = _TOLD.set(set())
    try:
        yield
    finally:
        _TOLD.reset(token)


class NamesWarning:
    """A warning of a fit about some of its names: a subclass words it
    (:meth:`message`) and may say more of each name (:meth:`told`).

    ``order`` places it among the warnings of one fit, as a fit on all the
    names gives them.
    """

    order = 0

    def __init__(self):
        self.shown, self.n_names = [], 0

    @classmethod
    def found(cls, names, positions, index=None, **details):
        """Warn about the names at ``positions`` (a list) now, at the user's
        line; within :meth:`GatheredWarnings.gathering`, gather them instead.
        ``details`` go to :meth:`gather`."""
        gathering = _GATHERING.get()
        if gathering is None:
            alone = cls()
            alone.gather(names, positions, index, 0, **details)
            alone.warn()
        elif gathering.offset is not None:  # None: names gathered before
            kind = gathering.kinds.setdefault(cls, cls())
            if gathering.index is not None:
                index = gathering.index
            kind.gather(names, positions, index, gathering.offset, **details)

    def gather(self, names, positions, index, offset):
        """Count the names at ``positions``; show the first few, numbered from
        name ``offset`` of the file (or ``offset[i]``, the place in the file
        of each name: a sequence)."""
        self.n_names += len(positions)
        self.shown += [
            f"{element_place('names', _in_file(offset, i), index)}="
            f"{self.told(names[i])}"
            for i in positions[: MAX_REPORTED - len(self.shown)]
        ]

    def told(self, name):
        """How the warning shows a name: ``'zoë'``."""
        return quoted(name)

    def listed(self):
        """The names shown, and how many more there are."""
        return and_more(self.shown, self.n_names)

    def message(self):  # pragma: no cover - each subclass words its own
        raise NotImplementedError

    def warn(self):
        """Warn about the names gathered, if any (at the user's line)."""
        told, text = _TOLD.get(), self.n_names and self.message()
        if not text or (told is not None and text in told):
            return  # no name, or told within each_told_once
        if told is not None:
            told.add(text)
        warnings.warn(text, UserWarning, stacklevel=user_stacklevel())


class GatheredWarnings:
    """The names that the fits on the chunks of a file warn about, for one
    warning of each kind about them all, as a fit on all the names warns.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> gathered, windows = GatheredWarnings(), ContextWindowTransformer(
    ...     alphabet="auto")
    >>> for offset, chunk in [(0, ["asha", "zo\\te"]), (2, ["ra\\tvi"])]:
    ...     with gathered.gathering(offset):
    ...         _ = windows.fit(chunk)  # no warning
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     gathered.warn()
    >>> str(caught[0].message).split(":")[1].split(".")[0]
    " names[1]='zo\\\\te', names[2]='ra\\\\tvi'"

    The names of a fit may be some of the caller's (those of a weight above
    0): a sequence given to :meth:`gathering` places each in the caller's
    list, and ``index`` is that of the caller's Series.

    >>> import numpy as np
    >>> gathered = GatheredWarnings()
    >>> with gathered.gathering(np.array([0, 2])):
    ...     _ = windows.fit(["asha", "zo\\te"])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     gathered.warn()
    >>> str(caught[0].message).split(":")[1].split(".")[0]
    " names[2]='zo\\\\te'"
    """

    def __init__(self, index=None):
        self.kinds, self.offset, self.index = {}, 0, index

    @contextlib.contextmanager
    def gathering(self, offset):
        """Gather the names the fits within warn about, numbered from name
        ``offset`` of the file (or placed by it, a sequence of the place in
        the file of each name fitted); None: leave them out (names gathered
        before, fitted again)."""
        self.offset, token = offset, _GATHERING.set(self)
        try:
            yield self
        finally:
            _GATHERING.reset(token)

    def warn(self):
        """Give each warning gathered, in the order of a fit's warnings."""
        for kind in sorted(self.kinds.values(), key=lambda kind: kind.order):
            kind.warn()


def _in_file(offset, i):
    """The place in the file of name ``i`` of a fit: ``offset + i``, or
    ``offset[i]`` when ``offset`` places each name."""
    return offset + i if isinstance(offset, Integral) else int(offset[i])
