"""What a request for a set of names asks of the names taken together.

:class:`SetRequest` carries a ``NameSampler.sample`` call's set-level asks
(how many names, ``unique``, ``exclude``, ``novel``, ``pattern``, the
controls with their length bounds, the rounds, the pilot of
``match_lengths``, ``emit``), built once when the call is checked
(:func:`~sknextchar._sample_request.checked_request`) and passed whole to
:func:`~sknextchar._generation.sample_new_names`; :func:`keep_new` keeps or
refuses each name drawn by the tests of the names taken together (a name
already taken, a name excluded). A test of each name alone is the filter's
(:mod:`sknextchar._sample_filters`); a control of each step is a field of
:class:`~sknextchar._decoding.SamplingControls`.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass

from ._decoding import SamplingControls

__all__ = ["SetRequest", "keep_new"]


@dataclass(frozen=True)
class SetRequest:
    """What the names of a set must be, taken together: built once, checked,
    by ``NameSampler.sample``
    (:func:`~sknextchar._sample_request.checked_request`), and read whole by
    :func:`~sknextchar._generation.sample_new_names` and the function that
    keeps or refuses the names drawn (:func:`keep_new`). A new
    set-level control (a test of the names taken together, such as
    ``unique``) is a field here, its test in :func:`keep_new`, named in
    :attr:`tests_names`; a test of each name alone is the filter's
    (:mod:`sknextchar._sample_filters`).

    Parameters
    ----------
    n_samples : int
        Number of names.
    unique : bool
        Return distinct names.
    exclude : set of str
        Names never to return.
    max_rounds : int
        The most batches to draw; drawing stops sooner when
        :data:`~sknextchar._generation.NONE_ACCEPTED_LIMIT` names are drawn
        and none is accepted, and when the rate measured shows that the
        rounds left cannot give the names missing
        (:func:`~sknextchar._shortfall.optimistic_reach`; with ``pilot``, whose
        thinning rate settles as names are drawn, from the names offered to
        the thinning of ``matched``,
        :class:`~sknextchar._shortfall.ThinnedReach`).
    controls : SamplingControls
        The controls the names are drawn with (their length bounds among
        them): a deterministic sampler gets one round, and the message of the
        error names them.
    novel : bool, default=False
        Whether the names drawn leave out the training names: the error
        message then asks for new names.
    pattern : str or None, default=None
        The pattern the names drawn are tested against, for the error message
        (it names the pattern as a setting to loosen only when there is one).
    pilot : int, default=0
        The fewest names the first round draws: a ``sample`` that thins by an
        estimate from the names it is given (``match_lengths``, see
        :func:`~sknextchar._length_match.length_matcher`) needs enough of them
        whatever ``n_samples``. The names it accepts beyond ``n_samples`` are
        not used.
    emit : callable or None, default=None
        ``emit(names)`` gets the names each round accepts (a list, in the
        order drawn) once the round ends, and they are not kept: memory holds
        one round's names (and, with ``unique`` or ``exclude``, the set of
        those accepted), not all of them. None keeps them all and returns them.

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> request = SetRequest(3, unique=True, exclude=set(), max_rounds=20,
    ...                         controls=SamplingControls())
    >>> request.tests_names, request.novel
    (True, False)
    """

    n_samples: int
    unique: bool
    exclude: Collection
    max_rounds: int
    controls: SamplingControls
    novel: bool = False
    pattern: str | None = None
    pilot: int = 0
    emit: Callable | None = None

    @property
    def tests_names(self):
        """Whether a test of the names taken together (``unique``,
        ``exclude``) keeps or refuses each name drawn (:func:`keep_new`);
        without one, a round's names are taken as they come."""
        return bool(self.unique or self.exclude)


def keep_new(batch, accepted, seen, request, excluded):
    """Append, in place, the names of ``batch`` that pass the tests of
    ``request`` (a :class:`SetRequest`: unique and exclude); those
    ``exclude`` leaves out go to ``excluded`` (an ExcludedDraws). The number
    of repeats ``unique`` left out."""
    left_out, repeats, new = [], 0, []
    unique, exclude = request.unique, request.exclude
    room = request.n_samples - len(accepted)
    for name in batch:  # set look-ups on finished strings, not generation
        if name in exclude:
            left_out.append(name)
            continue
        if unique and name in seen:
            repeats += 1
            continue
        seen.add(name)
        new.append(name)
        if len(new) == room:
            break
    excluded.add(left_out)
    accepted.extend(new)
    return repeats
