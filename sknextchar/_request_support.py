"""The names a request can give at all, when the model allows only a few.

A count model without smoothing (``add_k=0``) gives most names probability 0:
trained on four names, it writes those four and nothing else. A request for
new names, or for more distinct names than it writes, then fails whatever the
temperature or the number of rounds: the temperature reweights the names of
nonzero probability and ``top_k`` and ``top_p`` leave some out, but none gives
a name of probability 0 any. When a request falls short,
:func:`~sknextchar._generation.sample_new_names` asks :class:`RequestSupport`
for those names: a breadth-first walk from the prefix over the symbols of
nonzero probability, within the length bounds, that gives up past
:data:`MAX_SUPPORT` names (so it asks the model about at most that many
contexts per length, :data:`MAX_CELLS` log-probabilities at a time, and
nothing for a request that succeeds). When every name it finds is left out by
the request's tests or was returned already, the error says so, and names
only the settings that change those names: the prefix, the tests and the
length bounds, each only when a name past it passes the same tests (the walk
goes on past ``max_length`` for at most :data:`MAX_LONGER` lengths to find
one; when it cannot tell, the bound is named).
"""

import itertools

import numpy as np

from ._generation import check_prefix_continues
from ._vocabulary import END_ID

__all__ = ["MAX_CELLS", "MAX_LONGER", "MAX_SUPPORT", "RequestSupport", "possible_ids"]

# The most names of nonzero probability (and unfinished names at one length)
# listed; past it, the request can give too many names to list.
MAX_SUPPORT = 4096
# The most lengths past max_length walked to find a longer name that a
# request's tests pass, before a longer bound is offered as one that may help.
MAX_LONGER = 32
# The most next-symbol log-probabilities asked of the model at once (8 MB of
# float64): 4,096 unfinished names of a 20,000-symbol vocabulary at once held
# 0.7 GB.
MAX_CELLS = 1 << 20


def possible_ids(next_log_proba, prefix_ids, context, controls, limit=MAX_SUPPORT):
    """Every name of nonzero probability that extends a prefix within bounds.

    Parameters
    ----------
    next_log_proba : callable
        Next-symbol log-probabilities of integer contexts (see
        :mod:`sknextchar._generation`).
    prefix_ids : ndarray of int of shape (n_prefix,)
        The prefix's letters.
    context : ndarray of int of shape (1, context_length)
        The context after it.
    controls : SamplingControls
        Their ``min_length`` and ``max_length`` bound the names.
    limit : int, default=MAX_SUPPORT
        The most names, and unfinished names at one length, to list.

    Returns
    -------
    ids : list of ndarray, or None
        The names' letter ids, one array of rows per length; None when there
        are more than ``limit``.

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> def next_log_proba(contexts):  # "-" -> a or b, a -> end, b -> a
    ...     table = np.log([[0, .5, .5], [1, 0, 0], [0, 1, 0]])
    ...     return table[contexts[:, -1]]
    >>> with np.errstate(divide="ignore"):
    ...     ids = possible_ids(next_log_proba, np.array([], np.uint8),
    ...         np.zeros((1, 1), np.uint8), SamplingControls(max_length=3))
    >>> [rows.tolist() for rows in ids]
    [[[1]], [[2, 1]]]
    """
    found, n_found = [], 0
    for length, rows in _by_length(next_log_proba, prefix_ids, context, limit):
        if rows is None:
            return None
        if length > controls.max_length:  # a prefix longer than the bounds
            break
        if length >= controls.min_length:
            found.append(rows)
            n_found += len(rows)
        if n_found > limit:
            return None
        if length == controls.max_length:
            break
    return found


def _by_length(next_log_proba, prefix_ids, context, limit):
    """The names of nonzero probability that extend a prefix, length by
    length: pairs ``(length, rows)``, ``rows`` the letter ids of the names of
    ``length`` letters that can end, from the prefix's length on until no
    name goes on; lazily, so a caller stops the walk where it wants. ``rows``
    is None, last, past ``limit`` unfinished names at one length."""
    rows, contexts = prefix_ids[None, :], context
    step = 1  # rows per model call, 1 until the vocabulary's size is known
    for length in itertools.count(len(prefix_ids)):
        possible = _possible(next_log_proba, contexts, step, limit)
        if possible is None:
            yield length, None
            return
        ends, parent, letter, step = possible
        yield length, rows[ends]
        if not len(parent):
            return
        letter = (letter + END_ID + 1).astype(rows.dtype)[:, None]
        rows = np.concatenate((rows[parent], letter), axis=1)
        contexts = np.concatenate((contexts[parent, 1:], letter), axis=1)


def _possible(next_log_proba, contexts, step, limit):
    """Which ``contexts`` can end, and the (row, letter) pairs of nonzero
    probability, asking the model ``step`` rows at a time: ``(ends, parent,
    letter, step)`` with the next step, or None past ``limit`` pairs."""
    ends, parents, letters, start = [], [], [], 0
    while start < len(contexts):
        with np.errstate(divide="ignore"):  # (step, V): at most MAX_CELLS
            possible = next_log_proba(contexts[start : start + step]) > -np.inf
        ends.append(possible[:, END_ID])
        parent, letter = np.nonzero(possible[:, END_ID + 1 :])
        parents.append(parent + start)
        letters.append(letter)
        if sum(map(len, parents)) > limit:
            return None
        start += len(possible)
        step = max(1, MAX_CELLS // possible.shape[1])
    return (np.concatenate(ends), np.concatenate(parents),
            np.concatenate(letters), step)  # fmt: skip


class RequestSupport:
    """What a sampling request can give at all, asked when it fell short.

    Parameters
    ----------
    next_log_proba : callable
        The model's next-symbol log-probabilities.
    prefix : str
        The prefix as the caller gave it.
    prefix_ids : ndarray of int of shape (n_prefix,)
        Its letters.
    context : ndarray of int of shape (1, context_length)
        The context after it.
    controls : SamplingControls
        The request's controls.
    keep : callable or None
        ``keep(ids)`` gives the names (str) of the rows of ``ids`` that the
        request's own tests pass (novel, pattern, spelling, label), with no
        randomness; None when its tests draw at random (length matching):
        then the names are not listed.
    """

    def __init__(self, next_log_proba, *, prefix, prefix_ids, context, controls, keep):
        self.next_log_proba = next_log_proba
        self.prefix, self.prefix_ids = prefix, prefix_ids
        self.context, self.controls, self.keep = context, controls, keep

    def check_continues(self):
        """Fail when no name can go on after the prefix
        (:func:`~sknextchar._generation.check_prefix_continues`)."""
        check_prefix_continues(
            self.next_log_proba, prefix=self.prefix, n_prefix=len(self.prefix_ids),
            context=self.context, controls=self.controls,
        )  # fmt: skip

    def exhausted(self, accepted, unique, exclude):
        """How many names the model can give here, when none is left to return.

        Returns
        -------
        exhausted : tuple of (int, str, tuple of bool) or None
            The number of names of nonzero probability within the bounds, the
            prefix and whether names of other lengths pass the same tests,
            ``(longer, shorter)`` (see :func:`_longer_passes`), when every
            one of those names is left out by the tests, by ``exclude`` or
            (with ``unique``) is among ``accepted``; None when some may be
            left, when they are too many to list, and for deterministic
            controls (one name, the same at every draw).
        """
        if self.keep is None or self.controls.deterministic:
            return None  # random tests; one name, which the message names
        taken = set(accepted) if unique else set()

        def passes(rows):  # some name of ``rows`` could be returned
            names = self.keep(rows) if len(rows) else []
            return any(name not in exclude and name not in taken for name in names)

        levels = _by_length(
            self.next_log_proba, self.prefix_ids, self.context, MAX_SUPPORT
        )
        n_possible, shorter = 0, False
        for length, rows in levels:
            if rows is None or length > self.controls.max_length:
                return None  # too many to list; a prefix past the bounds
            if length >= self.controls.min_length:
                if passes(rows) or n_possible + len(rows) > MAX_SUPPORT:
                    return None
                n_possible += len(rows)
            elif length:  # no name has 0 letters
                shorter = shorter or passes(rows)
            if length == self.controls.max_length:
                return (
                    n_possible,
                    self.prefix,
                    (_longer_passes(levels, passes), shorter),
                )
        return n_possible, self.prefix, (False, shorter)


def _longer_passes(levels, passes):
    """Whether a name longer than ``max_length`` could be returned: one of
    the next :data:`MAX_LONGER` lengths of the walk ``levels`` has a name
    that ``passes``, or the walk goes on past them or lists too many names
    to tell (then a longer bound may help)."""
    for _, rows in itertools.islice(levels, MAX_LONGER):
        if rows is None or passes(rows):
            return True
    return next(levels, None) is not None
