"""Rejection sampling that falls short: when to stop drawing, and what to say.

:func:`~sknextchar._generation.sample_new_names` draws batches of names until
enough pass its tests. The acceptance rate measured on the names drawn so far
tells early whether the rounds left can give the names still missing: when
even an optimistic bound on that rate cannot (:func:`optimistic_reach`),
drawing stops at once rather than after every round (a request for 300,000
names that one name in 10,000 passes drew 20 rounds of millions of names, for
minutes and a gigabyte, before failing). Either way the error says how many
names were found, the rate measured and only the settings that can change the
outcome (:func:`shortfall_message`): no higher temperature at
``temperature=inf``, and, when the model gives no name left to return at all
(:class:`~sknextchar._support.RequestSupport`), neither the temperature nor
more rounds.
"""

import math
from fractions import Fraction

from ._beam import LENGTH_LEVERS
from ._novelty import AdvisedWords
from ._text import capitalized, counted, or_list

__all__ = [
    "RATE_OPTIMISM",
    "optimistic_reach",
    "shortfall_levers",
    "shortfall_message",
]

# The optimistic acceptance rate after ``k`` names of ``n`` drawn passed:
# RATE_OPTIMISM * (k + 5 * sqrt(k) + 10) / n. The true rate is above it only
# when the names accepted fell short of their mean by far more than five
# standard deviations (about 2e-9 when none passed), so a request that the
# rounds left could meet is not stopped.
RATE_OPTIMISM = 2.0


def optimistic_reach(n_accepted, drawn, more):
    """The most names ``more`` further draws could give, optimistically.

    The acceptance rate is taken :data:`RATE_OPTIMISM` times above a bound
    five standard deviations over the rate measured (``n_accepted`` of
    ``drawn``). The rate of names not returned before (``unique``) only falls
    as names pile up, so that bound holds for them too.

    Parameters
    ----------
    n_accepted : int
        The names accepted so far.
    drawn : int
        The names drawn so far, at least 1.
    more : int
        The most names the rounds left can draw.

    Returns
    -------
    reach : int
        The most names those draws can be expected to give.

    Examples
    --------
    >>> optimistic_reach(30, 300_000, 19 * 4_801_024)  # 0.01% pass: 300,000?
    40980
    >>> optimistic_reach(0, 1_000, 19 * 17_024)  # none yet: 1,000 may come
    6470
    """
    high = RATE_OPTIMISM * (n_accepted + 5 * math.sqrt(n_accepted) + 10) / drawn
    if more < 2**53:  # a float holds it exactly
        return math.ceil(min(high, 1.0) * more)
    return math.ceil(Fraction(min(high, 1.0)) * more)  # max_rounds=10**400


def shortfall_message(
    n_accepted, n_samples, drawn, unique, exclude, controls, constraints, *,
    hopeless=False, novel=False, pattern=None, stopped=None, exhausted=None,
):  # fmt: skip
    """What went wrong when too few names were accepted, and what to change.

    ``hopeless``: drawing stopped early, no name of many passing; more rounds
    would not help. ``stopped``: drawing stopped early because the rounds
    left could not give the names missing (:func:`optimistic_reach`), the
    triple ``(rounds_left, more, reach)``. ``exhausted``: the triple
    ``(n_possible, prefix, (longer, shorter))`` when the model gives only
    ``n_possible`` names any probability and none is left to return (and
    whether a longer or a shorter name passes the same tests)
    (:meth:`~sknextchar._support.RequestSupport.exhausted`). ``novel``:
    ``sample`` leaves out the training names; ``pattern``: the pattern it was
    given, if any. Only the settings that can change the outcome are named
    (:func:`shortfall_levers`).

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> print(shortfall_message(3, 1_000, 20_000, False, set(), SamplingControls(),
    ...     ["matching pattern '.*zz.*'"], pattern=".*zz.*",
    ...     stopped=(18, 306_432, 722)))  # doctest: +NORMALIZE_WHITESPACE
    Could only generate 3 of the 1,000 requested names after drawing 20,000
    (temperature=1.0, min_length=1, max_length=20, 0 excluded names): 0.01% of
    the drawn names were accepted as ending by max_length=20, matching pattern
    '.*zz.*'. The model rarely produces such names under these settings: ask
    for fewer names, loosen the pattern (pattern=...), loosen the length bounds
    (min_length=..., max_length=...), change the temperature (temperature=...),
    or allow more rounds (max_rounds=...). Drawing stopped early: the 18 rounds
    left of max_rounds can draw at most 306,432 names more, which would give at
    most about 722 of the 997 names still missing even at a rate several times
    the one measured (at the rate measured, about 391 rounds more are needed).
    """
    # "new": names kept out (training names with novel, or exclude).
    what = ("distinct " if unique else "") + ("new " if novel or exclude else "")
    if controls.temperature == math.inf or exhausted:  # no temperature helps
        constraints = [
            words.plain if isinstance(words, AdvisedWords) else words
            for words in constraints
        ]
    kept = [f"ending by max_length={controls.max_length}", *constraints]
    if exclude:
        kept.append(f"not among the {len(exclude):,} excluded names")
    if unique:
        kept.append("distinct")
    head = (
        f"Could only generate {n_accepted:,} of the {n_samples:,} requested {what}"
        f"names after drawing {drawn:,} ({controls}, {len(exclude):,} excluded names)"
    )
    if exhausted is not None and not controls.deterministic:
        return _exhausted_message(
            head, kept, n_accepted, controls, exhausted, novel, exclude, pattern
        )
    levers = shortfall_levers(n_accepted, controls, novel, exclude, pattern)
    if controls.deterministic:  # one name, the same at every draw
        return (
            f"{head}: greedy decoding (temperature=0 or top_k=1) gives one name, "
            f"the same at every draw, and the names kept must be {', '.join(kept)}. "
            f"{capitalized(or_list(levers))}."
        )
    if hopeless:
        rounds = (
            f" (drawing stopped after {drawn:,} names without one accepted, "
            "before max_rounds rounds: these constraints most likely admit no "
            "name this model gives, and more rounds would not help)."
        )
    else:
        levers.append("allow more rounds (max_rounds=...)")
        rounds = "."
        if stopped is not None:
            rounds = _stopped_words(stopped, n_accepted, n_samples, drawn)
    return (
        f"{head}: {_share(n_accepted, drawn)} of the drawn names were accepted "
        f"as {', '.join(kept)}. The model rarely produces such names under these "
        f"settings: {or_list(levers)}{rounds}"
    )


def _exhausted_message(
    head, kept, n_accepted, controls, exhausted, novel, exclude, pattern
):
    """The message when no name of nonzero probability is left to return."""
    n_possible, prefix, lengths = exhausted
    where = f"prefix={prefix!r}, " if prefix else ""
    levers = ["ask for fewer names"] if n_accepted else []
    if prefix:
        levers.append("give a shorter prefix (prefix=...)")
    if pattern is not None:
        levers.append("loosen the pattern (pattern=...)")
    if any(lengths):  # only when a name of other lengths passes the tests
        levers.append(LENGTH_LEVERS[lengths])
    if novel:
        levers.append("sample without novel=True")
    if exclude:
        levers.append("exclude fewer names (exclude=...)")
    if not levers:  # only tests no setting here names (a label's, say)
        levers.append("loosen what the names must be" if n_possible else (
            "check the model: it ends no name at all"))  # fmt: skip
    bounds = f"{where}min_length={controls.min_length} and max_length="
    if not n_possible:  # no name ends within the bounds
        return (
            f"{head}: with {bounds}{controls.max_length}, the model gives no name "
            "any probability. No temperature, top_k, top_p or number of rounds "
            f"can give one: {or_list(levers)}."
        )
    # Every one of them ends within the bounds: only the tests are reasons.
    why = "the request's tests leave each out"
    if kept[1:]:
        why = f"the names must also be {'; '.join(kept[1:])}"
    return (
        f"{head}: with {bounds}{controls.max_length}, the model gives any "
        f"probability to only {counted(n_possible, 'name')}, and "
        f"{'it cannot' if n_possible == 1 else 'none of them can'} be returned: "
        f"{why}. No temperature, top_k, top_p or number "
        f"of rounds can give another: {or_list(levers)}."
    )


def _stopped_words(stopped, n_accepted, n_samples, drawn):
    """Why drawing stopped before ``max_rounds`` rounds, for the message."""
    rounds_left, more, reach = stopped
    missing = n_samples - n_accepted
    left = counted(rounds_left, "round")
    words = (
        f". Drawing stopped early: the {left} left of max_rounds "
        f"can draw at most {more:,} names more, which would give at most about "
        f"{reach:,} of the {missing:,} names still missing even at a rate several "
        "times the one measured"
    )
    if n_accepted:  # a rate to size the rounds by
        needed = math.ceil(missing * drawn / n_accepted / (more / rounds_left))
        words += f" (at the rate measured, about {needed:,} rounds more are needed)"
    return words + "."


def shortfall_levers(n_accepted, controls, novel, exclude, pattern):
    """The settings that can give more accepted names, in words: only those
    in use (a pattern, ``top_k``, ``top_p``, ``novel``, ``exclude``), the
    temperature (not raised: a hotter model writes longer names, more of them
    cut by ``max_length``; lowered at ``temperature=inf``) and fewer names
    once some were accepted."""
    levers = ["ask for fewer names"] if n_accepted else []
    if controls.deterministic:  # only what undoes it lets the names vary
        undo = ["temperature=... above 0"] if controls.greedy else []
        undo += (
            ["top_k=... above 1 (or leave top_k out)"] if controls.top_k == 1 else []
        )
        levers.append(f"set {' and '.join(undo)}")
    if pattern is not None:
        levers.append("loosen the pattern (pattern=...)")
    levers.append("loosen the length bounds (min_length=..., max_length=...)")
    if not controls.deterministic:
        how = "lower" if controls.temperature == math.inf else "change"
        levers.append(f"{how} the temperature (temperature=...)")
    for name in ("top_k", "top_p"):
        if getattr(controls, name) is not None and not controls.deterministic:
            levers.append(f"loosen {name}=...")
    if novel:
        levers.append("sample without novel=True")
    if exclude:
        levers.append("exclude fewer names (exclude=...)")
    return levers


def _share(n_accepted, drawn):
    """The share of the drawn names accepted, as a percentage that is 0 only
    when none was (``0.00015%`` for 3 in 2,000,000, not ``0.00%``)."""
    percent = 100 * n_accepted / max(drawn, 1)
    if n_accepted == 0 or percent >= 0.01:
        return f"{percent:.2f}%"
    return f"{percent:.{1 - math.floor(math.log10(percent))}f}%"  # 2 digits shown
