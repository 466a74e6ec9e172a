"""Rejection sampling that falls short: when to stop drawing, and what to say.

:func:`~sknextchar._generation.sample_new_names` draws batches of names until
enough pass its tests. The acceptance rate measured on the names drawn so far
tells early whether the rounds left can give the names still missing: when
even an optimistic bound on that rate cannot (:func:`optimistic_reach`),
drawing stops at once rather than after every round (a request for 300,000
names that one name in 10,000 passes drew 20 rounds of millions of names, for
minutes and a gigabyte, before failing); with ``match_lengths``, whose
thinning's rate moves, the names offered to the thinning bound them
(:class:`ThinnedReach`). Either way the error says how many
names were found, the rate measured and only the settings that can change the
outcome (:func:`shortfall_message`): no higher temperature at
``temperature=inf``, and, when the model gives no name left to return at all
(:class:`~sknextchar._request_support.RequestSupport`), neither the temperature nor
more rounds. When every name drawn was one of a few that the tests left out
(its likeliest name, at a low temperature, excluded or a training name with
``novel=True``: :class:`ExcludedDraws`, and the words of
:class:`~sknextchar._training_record.RepeatedNames`), the message names them and
offers what draws other names: a higher temperature, a ``min_length`` above
their length (it masks the end of the name), with a ``max_length`` that leaves
room above it (:func:`longer_bounds_words`), when the pattern allows a longer
name and that length is below 1,000 (one way, not a sure one: the longer names
may still miss the pattern), and more rounds only while the
draws ``sample`` still makes could find another name
(:func:`rounds_could_find_others`), with how rare other names are; not a
looser pattern nor a lower ``max_length``, which keep them
(:data:`REPEATED_ENOUGH`). With ``unique``, when most names drawn were
repeats of the few accepted, or of those accepted when no draw lately gave
another and the other tests left out hardly any (:func:`redrawn_names`), the
message says so and offers what draws others, fewer names or leaving out
``unique``.
"""

import math
from fractions import Fraction
from unicodedata import normalize

import numpy as np

from ._beam import LENGTH_LEVERS
from ._limits import MAX_LETTERS
from ._name_filter import pattern_width
from ._text import split_symbols
from ._training_record import MAX_FEW, AdvisedWords, RepeatedNames
from ._words import capitalized, counted, one_or_many, or_list

__all__ = [
    "RATE_OPTIMISM",
    "REPEATED_ENOUGH",
    "FEW_LEFT_OUT",
    "bounds_idle",
    "few_left_out",
    "LONGER_ROOM",
    "ExcludedDraws",
    "ThinnedReach",
    "longer_bounds_words",
    "optimistic_reach",
    "redrawn_names",
    "rounds_could_find_others",
    "shortfall_levers",
    "shortfall_message",
]

# The optimistic acceptance rate after ``k`` names of ``n`` drawn passed:
# RATE_OPTIMISM * (k + 5 * sqrt(k) + 10) / n. The true rate is above it only
# when the names accepted fell short of their mean by far more than five
# standard deviations (about 2e-9 when none passed), so a request that the
# rounds left could meet is not stopped.
RATE_OPTIMISM = 2.0

# The fewest names drawn, none accepted and each one of a few names the tests
# left out, past which the message names what draws others (the rate of any
# other name is then below about 0.3%, by the rule of three).
REPEATED_ENOUGH = 1_000

# The largest share of the names drawn that the other tests (the length
# bounds, the pattern, exclude...) may leave out for many names drawn over and
# over to be told as what limits ``unique`` (:func:`redrawn_names`): at most
# 0.26% at temperature=0.05, which gave 7 names at most whatever the bounds;
# max_length=4 left out 7% at temperature=0.1 and 23% at 0.15, where
# max_length=6 gave four times the names, or nearly all asked for.
FEW_LEFT_OUT = 0.01

# The fewest letters a max_length advised with a min_length above a repeated
# name's length leaves for the longer names the model then writes (twice the
# length when that is more): 'santa' masked at 0.01 writes 'santanesh'.
LONGER_ROOM = 5


def rounds_could_find_others(drawn, limit=None):
    """Whether more rounds could find a name other than the ``drawn`` repeated.

    None of ``drawn`` draws was another name, so their rate is most likely
    (95%) below ``3 / drawn`` (the rule of three). ``sample`` stops after
    ``limit`` draws without a name accepted (``None``: no such stop); more
    rounds can help when the draws left before it, at that rate, could give
    one name (once one is accepted, only ``max_rounds`` bounds the drawing).

    Parameters
    ----------
    drawn : int
        The names drawn, each one of the repeated names, at least 1.
    limit : int or None, default=None
        The most names drawn without one accepted.

    Returns
    -------
    could : bool

    Examples
    --------
    >>> rounds_could_find_others(1_502, limit=1_000_000)
    True
    >>> rounds_could_find_others(800_000, limit=1_000_000)  # 200,000 left
    False
    """
    return limit is None or 3 * (limit - drawn) >= drawn


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


class ThinnedReach:
    """The most names the rounds left can give a request that
    ``match_lengths`` thins, from the names offered to the thinning.

    The thinning's own rate moves as its estimate of the lengths settles,
    so the rate of accepted names cannot bound what the rounds left give;
    the names offered to it (those that pass every other test) can, as no
    name is accepted without being offered. Without ``unique`` they come at
    a steady rate, bounded as by :func:`optimistic_reach`. With ``unique``,
    a name thinned out may be offered and kept later, but no name is
    accepted that was never offered: the names still to come are those
    offered but not accepted and the names not offered yet, which come ever
    more rarely as the names drawn pile up, so the rate over the last rounds
    bounds them: over the last one, two... rounds, whichever bounds them
    lowest (a model that draws a few names over and over stops in a few
    rounds, not after every round).

    Parameters
    ----------
    tally : LengthTally
        What the thinning did (:class:`~sknextchar._length_match.LengthTally`).
    unique : bool
        Whether the request returns distinct names.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> tally = SimpleNamespace(kept_names={"sant", "ravi"}, thinned=1)
    >>> reach = ThinnedReach(tally, unique=True)
    >>> reach(2, 5_000, 19 * 5_000)  # 3 names in 5,000 draws: 1 + 824
    825
    >>> reach(2, 100_000, 10 * 95_000)  # no other in 95,000 draws: 1 + 200
    201
    """

    def __init__(self, tally, unique):
        self.tally, self.unique = tally, unique
        self.words = ("falling",) if unique else ()  # for shortfall_message
        self._ends = [(0, 0)]  # (distinct names offered, drawn) as rounds end

    def __call__(self, n_accepted, drawn, more):
        """The most names ``more`` further draws can give, optimistically,
        after ``n_accepted`` names accepted of ``drawn``; called once a round."""
        if not self.unique:  # every name offered could be accepted
            return optimistic_reach(self.tally.candidates, drawn, more)
        offered = len(self.tally.kept_names) + self.tally.thinned  # distinct
        new = min(
            optimistic_reach(offered - before, drawn - at, more)
            for before, at in self._ends
            if at < drawn
        )
        self._ends.append((offered, drawn))
        return offered - n_accepted + new


class ExcludedDraws:
    """The names drawn that ``exclude`` left out, tallied for the message.

    At a low temperature a model draws its likeliest name nearly every time;
    when ``exclude`` holds it, every draw is left out. The words of
    :meth:`words` then name it, as those of ``novel=True`` name a training
    name (the tally is :class:`~sknextchar._training_record.RepeatedNames`'s, over
    names), and say how many draws were such names (``repeated``) when every
    one was one of a few (at most :data:`~sknextchar._training_record.MAX_FEW`).

    Examples
    --------
    >>> tally = ExcludedDraws()
    >>> tally.add(["sant"] * 40)
    >>> words = tally.words("not among the 1 excluded name")
    >>> words
    "not among the 1 excluded name (all 40 names it rejected were 'sant', \
drawn over and over: a higher temperature=... draws others)"
    >>> words.repeated
    40
    """

    def __init__(self):
        self.n_drawn = 0
        self._names, self._codes = [], {}
        self._tally = RepeatedNames(self._decode)

    def add(self, names):
        """Count ``names`` (str), drawn and left out by ``exclude``."""
        self.n_drawn += len(names)
        if not names or len(self._codes) > self._tally.max_tracked:
            return  # many names: no need to look at them
        codes = np.array([[self._code(name)] for name in names], dtype=np.intp)
        hashes = codes[:, 0].astype(np.uint64)  # one code per name, its own hash
        self._tally.add(codes, np.ones(len(names), dtype=bool), hashes=hashes)

    def words(self, words):
        """``words``, with the names when a few make up those left out."""
        named = self._tally.words(words)
        if isinstance(named, AdvisedWords):
            few = len(self._codes) <= MAX_FEW
            named.repeated = self.n_drawn if few else 0
        return named

    def _code(self, name):
        if name not in self._codes:
            self._names.append(name)
            self._codes[name] = len(self._names)
        return self._codes[name]

    def _decode(self, rows):
        return [self._names[int(row[0]) - 1] for row in rows]


def shortfall_message(
    n_accepted, n_samples, drawn, unique, exclude, controls, constraints, *,
    hopeless=False, novel=False, pattern=None, stopped=None, exhausted=None,
    excluded=None, limit=None, unit="char", matched=False, redrawn=None,
    bounds_idle=False, n_repeats=0,
):  # fmt: skip
    """What went wrong when too few names were accepted, and what to change.

    ``hopeless``: drawing stopped early, no name of many passing; more rounds
    would not help. ``stopped``: drawing stopped early because the rounds
    left could not give the names missing (:func:`optimistic_reach`), the
    triple ``(rounds_left, more, reach)``, and ``"falling"`` after them when
    the rate of names not drawn before bounds them (:class:`ThinnedReach`).
    ``exhausted``: the triple
    ``(n_possible, prefix, (longer, shorter))`` when the model gives only
    ``n_possible`` names any probability and none is left to return (and
    whether a longer or a shorter name passes the same tests)
    (:meth:`~sknextchar._request_support.RequestSupport.exhausted`). ``novel``:
    ``sample`` leaves out the training names; ``pattern``: the pattern it was
    given, if any. ``excluded``: the :class:`ExcludedDraws` of ``exclude``.
    ``limit``: the most names drawn without one accepted. ``unit``: the
    model's symbols (``transformer.unit_``), in which the lengths of names
    are counted, as ``min_length`` counts them. ``matched``: the thinning
    to the training names' lengths (``match_lengths``) left out at least as
    many names as are missing, so that sampling without it would help.
    ``redrawn``: with ``unique``, the triple ``(n_repeats, names, thinned)``
    when most of at least :data:`REPEATED_ENOUGH` names drawn were repeats
    of the ``names`` accepted (``thinned`` of them repeats of names the
    thinning of ``match_lengths`` left out), and more rounds find no others
    (:func:`redrawn_names`); what draws others is advised, and named when
    few. ``bounds_idle``: most of at least :data:`REPEATED_ENOUGH` names
    drawn were repeats and the tests left out at most :data:`FEW_LEFT_OUT`
    of them (:func:`few_left_out`): looser length bounds or pattern are not
    advised, a higher temperature is. ``n_repeats``: with ``unique``, the
    names drawn that passed the tests but repeated one accepted, told with
    their share: the model is then said to rarely produce new such names.
    Only the settings that can change the outcome are named
    (:func:`shortfall_levers`): when every one of at least
    :data:`REPEATED_ENOUGH` names drawn was one of a few that the tests left
    out, named in the words of ``constraints`` or ``excluded`` (their
    ``repeated``), neither the pattern nor the length bounds, but a
    ``min_length`` above their length, with a ``max_length`` above it, when
    ``pattern`` allows a longer name and their length is below 1,000, and
    more rounds, with how rare other names are, only when
    :func:`rounds_could_find_others`.

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> print(shortfall_message(3, 1_000, 20_000, False, set(), SamplingControls(),
    ...     ["matching pattern='.*zz.*'"], pattern=".*zz.*",
    ...     stopped=(18, 306_432, 722)))  # doctest: +NORMALIZE_WHITESPACE
    Could only generate 3 of the 1,000 requested names after drawing 20,000
    (temperature=1.0, min_length=1, max_length=20): 0.01% of the drawn names
    were accepted as ending by max_length=20, matching
    pattern='.*zz.*'. The model rarely produces such names under these settings: ask
    for fewer names, loosen the pattern (pattern=...), loosen the length bounds
    (min_length=..., max_length=...), change the temperature (temperature=...),
    or allow more rounds (max_rounds=...). Drawing stopped early: the 18 rounds
    left of max_rounds can draw at most 306,432 names more, which would give at
    most about 722 of the 997 names still missing even at a rate several times
    the one measured (at the rate measured, about 391 rounds more are needed).
    """
    # "new": names kept out (training names with novel, or exclude).
    what = ("distinct " if unique else "") + ("new " if novel or exclude else "")
    plain = controls.temperature == math.inf or bool(exhausted)  # no hotter one
    constraints, repeated = _test_words(
        constraints, exclude, excluded, n_accepted, drawn, plain
    )
    kept = [f"ending by max_length={controls.max_length}", *constraints]
    if unique:
        kept.append("distinct")
    head = (
        f"Could only generate {n_accepted:,} of the {n_samples:,} requested {what}"
        f"names after drawing {drawn:,} ({_settings(controls, exclude)})"
    )
    if exhausted is not None and not controls.deterministic:
        return _exhausted_message(
            head, kept, n_accepted, controls, exhausted, novel, exclude, pattern
        )
    if redrawn and not controls.deterministic:  # None or False: not so
        return _redrawn_message(head, drawn, redrawn, controls, matched)
    idle = repeated or bounds_idle  # not the bounds nor the pattern: the model
    levers = shortfall_levers(n_accepted, controls, novel, exclude, pattern, idle)
    if matched and not repeated:  # the thinning left out names that would count
        levers.append("sample without match_lengths=True")
    if controls.deterministic:  # one name, the same at every draw
        return (
            f"{head}: greedy decoding (temperature=0 or top_k=1) gives one name, "
            f"the same at every draw, and the names kept must be {', '.join(kept)}. "
            f"{capitalized(or_list(levers))}."
        )
    if repeated:  # every draw was one of the names named
        levers = _repeated_levers(
            levers, repeated, controls, drawn, limit, pattern, unit
        )
        rounds = _stopped_words(stopped, 0, n_samples, drawn) if stopped else "."
        return _repeated_message(head, kept, drawn, levers, limit) + rounds
    rounds = _rounds_words(hopeless, stopped, levers, n_accepted, n_samples, drawn)
    return (
        f"{head}: {_share(n_accepted, drawn)} of the drawn names were accepted "
        f"as {', '.join(kept)}{_rarely_words(n_repeats, drawn)} under these "
        f"settings: {or_list(levers)}{rounds}"
    )


def _rarely_words(n_repeats, drawn):
    """After the share accepted: how many names drawn were repeats, if any,
    and what the model rarely produces (new such names, when there were)."""
    if not n_repeats:
        return ". The model rarely produces such names"
    return (
        f"; {n_repeats:,} ({_share(n_repeats, drawn)}) were repeats of names "
        "accepted before. The model rarely produces new such names"
    )


def _rounds_words(hopeless, stopped, levers, n_accepted, n_samples, drawn):
    """The end of the message about rounds: none would help (``hopeless``),
    or more rounds are a lever (added to ``levers``), and why drawing
    stopped early when it did."""
    if hopeless:
        return _HOPELESS.format(drawn=drawn)
    levers.append("allow more rounds (max_rounds=...)")
    if stopped is None:
        return "."
    return _stopped_words(stopped, n_accepted, n_samples, drawn)


def bounds_idle(n_repeats, drawn, n_accepted, thinning=None):
    """Whether most of at least :data:`REPEATED_ENOUGH` names drawn were
    repeats of names accepted and the tests left out few of them
    (:func:`few_left_out`): looser bounds or pattern would not help.

    Examples
    --------
    >>> bounds_idle(1_621_549, 1_625_120, 2_753), bounds_idle(900, 1_000, 10)
    (True, False)
    """
    many = n_repeats >= REPEATED_ENOUGH and 2 * n_repeats >= drawn
    return many and few_left_out(n_repeats, drawn, n_accepted, thinning)


def redrawn_names(n_repeats, drawn, accepted, quiet=0, n_samples=0, thinning=None):
    """``(n_repeats, accepted, thinned)`` when most of at least
    :data:`REPEATED_ENOUGH` names ``drawn`` were ``n_repeats`` repeats of
    the ``accepted``, and these are few (at most
    :data:`~sknextchar._training_record.MAX_FEW`) or more rounds hardly help: the
    last ``quiet`` draws, at least :data:`REPEATED_ENOUGH`, gave none new,
    so that other names most likely (95%, the rule of three) come less than
    once in ``quiet / 3`` draws, the names missing of ``n_samples`` would
    take more draws than all those made, and the other tests left out at
    most :data:`FEW_LEFT_OUT` of the names drawn, so that the model, not the
    length bounds, limits the names. Else None. ``unique`` then waits for
    names the model hardly ever draws, which looser length bounds do not
    change either (six names drawn over and over at temperature=0.05 gave
    seven with the widest bounds, nine after 200 rounds). ``thinning``: the
    :class:`~sknextchar._length_match.LengthTally` of ``match_lengths``:
    the repeats it left out itself (``thinning.repeats``), which ``sample``
    never sees, are repeats too, and its names thinned out are not left out
    by the other tests.

    Examples
    --------
    >>> redrawn_names(6_000, 6_510, ["sant"]), redrawn_names(600, 6_510, ["sant"])
    ((6000, ['sant'], 0), None)
    >>> six = ["sant", "santa", "sanjay", "sanja", "sunil", "sunita"]
    >>> redrawn_names(21_314, 21_320, six, quiet=8_448, n_samples=200)[1] == six
    True
    >>> redrawn_names(21_314, 21_320, six, quiet=300, n_samples=200) is None
    True

    Names still found at a rate that more rounds can use:

    >>> many = [f"name{i}" for i in range(1_801)]
    >>> redrawn_names(536_385, 538_437, many, quiet=5_000, n_samples=2_000) is None
    True

    Names that max_length=4 left out, 23% of those drawn (max_length=6 gave
    138 to 140 names of the 140 asked for):

    >>> redrawn_names(32_574, 42_572, many[:49], quiet=3_264, n_samples=140) is None
    True
    """
    hidden = 0 if thinning is None else thinning.repeats  # never returned
    model = few_left_out(n_repeats, drawn, len(accepted), thinning)  # not the bounds
    n_repeats += hidden
    many = n_repeats >= REPEATED_ENOUGH and 2 * n_repeats >= drawn
    slow = (n_samples - len(accepted)) * quiet > 3 * drawn  # draws needed
    few = len(accepted) <= MAX_FEW or (quiet >= REPEATED_ENOUGH and slow and model)
    return (n_repeats, list(accepted), hidden) if many and few else None


def few_left_out(n_repeats, drawn, n_accepted, thinning=None):
    """Whether the tests of a request (the length bounds, the pattern,
    ``exclude``...) left out at most :data:`FEW_LEFT_OUT` of the names
    ``drawn``: those neither accepted nor ``n_repeats`` repeats of names
    accepted (nor, with ``match_lengths``, repeats or names its
    ``thinning`` left out itself). Looser bounds or a looser pattern then
    give hardly more names: the model draws the same ones.

    Examples
    --------
    >>> few_left_out(1_621_549, 1_625_120, 2_753)  # 818 left out: 0.05%
    True
    >>> few_left_out(32_574, 42_572, 49)  # max_length=4: 23% left out
    False
    """
    hidden = 0 if thinning is None else thinning.repeats  # never returned
    thinned = 0 if thinning is None else thinning.candidates - thinning.kept
    left_out = drawn - n_repeats - hidden - n_accepted - thinned
    return left_out <= FEW_LEFT_OUT * drawn


def _redrawn_message(head, drawn, redrawn, controls, matched=False):
    """The message when most names drawn were the accepted, again; without
    ``match_lengths`` when its thinning left out names that would count
    (``matched``), and leaving out ``unique`` with it when the repeats
    include names the thinning left out."""
    n_repeats, names, thinned = redrawn
    levers = []
    if controls.temperature < math.inf:
        levers.append("raise the temperature (temperature=...)")
    for name in ("top_k", "top_p"):
        if getattr(controls, name) is not None:
            levers.append(f"loosen {name}=...")
    # Without unique, the thinning still leaves out most of the names drawn
    # over and over: 59 of 200 names in 20 rounds at temperature=0.05.
    leave = "leave out unique=True" + (" and match_lengths=True" if thinned else "")
    levers += ["ask for fewer names", leave]
    if matched:
        levers.append("sample without match_lengths=True")
    which = " or ".join(map(repr, names))
    if len(names) > MAX_FEW:
        which = f"one of the {len(names):,} names"
    which += " again, already returned"
    if thinned:  # repeats the thinning left out: none was returned
        which += ", or names drawn before that match_lengths=True left out"
    return (
        f"{head}: {n_repeats:,} of the {drawn:,} names drawn were {which}, "
        "which the model draws over and over under "
        f"these settings and unique=True returns once. {capitalized(or_list(levers))}."
    )


# Why drawing stopped before max_rounds rounds when none was accepted.
_HOPELESS = (
    " (drawing stopped after {drawn:,} names without one accepted, before "
    "max_rounds rounds: these constraints most likely admit no name this model "
    "gives, and more rounds would not help)."
)


def _settings(controls, exclude):
    """The settings of a request, with its excluded names counted when it
    has some (no "0 excluded names" for a request that excluded none)."""
    return f"{controls}, {_excluded(exclude)}" if exclude else str(controls)


def _excluded(exclude):
    """ "1 excluded name", "2 excluded names": ``exclude`` counted."""
    return counted(len(exclude), "excluded name")


def _test_words(constraints, exclude, excluded, n_accepted, drawn, plain):
    """The words of the request's tests, those of ``exclude`` last (with the
    names ``excluded`` names), without their advice when ``plain``; and,
    when none was accepted and every one of at least :data:`REPEATED_ENOUGH`
    draws was one of the few names they name, those names (else ``()``)."""
    words = list(constraints)
    if exclude:
        base = f"not among the {_excluded(exclude)}"
        words.append(base if excluded is None else excluded.words(base))
    repeated = sum(getattr(each, "repeated", 0) for each in words)
    repeated = not n_accepted and drawn >= REPEATED_ENOUGH and repeated >= drawn
    repeated = [n for each in words for n in getattr(each, "names", ())] * repeated
    if plain:
        words = [getattr(each, "plain", each) for each in words]  # AdvisedWords
    return words, repeated


def _repeated_levers(levers, names, controls, drawn, limit, pattern, unit="char"):
    """``levers`` and those that skip the repeated ``names``: a
    ``min_length`` above their length (in the model's symbols, ``unit``),
    which masks their end, after the temperature, when ``pattern`` and
    :data:`MAX_LETTERS` allow a longer name (:func:`longer_bounds_words`),
    saying that with a pattern the longer names may still miss it (whether
    they match is known only by drawing them); more rounds when
    :func:`rounds_could_find_others`."""
    longest = max(len(split_symbols(name, unit)) for name in names)
    width = None if pattern is None else pattern_width(normalize("NFC", pattern))
    most = MAX_LETTERS if width is None or width[1] is None else width[1]
    if longest < min(most, MAX_LETTERS):
        who = repr(names[0]) if len(set(names)) == 1 else "the longest of them"
        at = next((i + 1 for i, w in enumerate(levers) if "temperature" in w), 0)
        # "pattern is" names the parameter: the command line says --pattern.
        missed = "" if pattern is None else (
            "; pattern is still applied, and these longer names may not match it"
        )  # fmt: skip
        levers.insert(at, (
            f"raise min_length above {longest}, the length of {who} "
            f"({longer_bounds_words(longest, controls.max_length)}{missed})"
        ))  # fmt: skip
    if rounds_could_find_others(drawn, limit):
        levers.append("allow more rounds (max_rounds=...)")
    return levers


def longer_bounds_words(length, max_length):
    """The length bounds that leave out names of ``length`` letters or fewer,
    in words: ``min_length`` one above, and a ``max_length`` that leaves room
    for the longer names the model then writes (:data:`LONGER_ROOM`), named
    when the current ``max_length`` leaves less.

    Parameters
    ----------
    length : int
        The length to go above, below :data:`MAX_LETTERS`.
    max_length : int
        The current ``max_length``, resolved.

    Returns
    -------
    words : str

    Examples
    --------
    >>> longer_bounds_words(7, 7)
    'min_length=8 and max_length=14, or a higher max_length if the longer names \
it then writes are cut'
    >>> longer_bounds_words(4, 20)
    'min_length=5, and a higher max_length=... if the longer names it then \
writes are cut'
    """
    room = min(MAX_LETTERS, max(2 * length, length + LONGER_ROOM))
    cut = "if the longer names it then writes are cut"
    if max_length >= MAX_LETTERS:  # none higher
        return f"min_length={length + 1}"
    if max_length >= room:
        return f"min_length={length + 1}, and a higher max_length=... {cut}"
    words = f"min_length={length + 1} and max_length={room}"
    return words if room == MAX_LETTERS else f"{words}, or a higher max_length {cut}"


def _repeated_message(head, kept, drawn, levers, limit):
    """The message when every name drawn was one of a few the tests named,
    without its last full stop."""
    start = (
        f"{head}: {_share(0, drawn)} of the drawn names were accepted as "
        f"{', '.join(kept)}. "
        f"Every one of the {drawn:,} names drawn was one of those named, which "
        "the model draws nearly every time under these settings"
    )
    if not rounds_could_find_others(drawn, limit):
        return f"{start}, so more rounds would draw them again: {or_list(levers)}"
    stop = "" if limit is None else (
        f"; sample stops after {limit:,} draws without a name accepted"
    )  # fmt: skip
    return (
        f"{start}: other names, if it gives any, most likely come up less than "
        f"once in {drawn // 3:,} draws, so more rounds find one slowly{stop}. "
        f"{capitalized(or_list(levers))}"
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
        f"{one_or_many(n_possible, 'it cannot', 'none of them can')} be returned: "
        f"{why}. No temperature, top_k, top_p or number "
        f"of rounds can give another: {or_list(levers)}."
    )


def _stopped_words(stopped, n_accepted, n_samples, drawn):
    """Why drawing stopped before ``max_rounds`` rounds, for the message;
    ``stopped`` may end with ``"falling"`` when the names to come are new
    ones, ever rarer (:class:`ThinnedReach`): the rate measured sizes no
    rounds then."""
    rounds_left, more, reach, *falling = stopped
    missing = n_samples - n_accepted
    left = counted(rounds_left, "round")
    words = (
        f". Drawing stopped early: the {left} left of max_rounds "
        f"can draw at most {more:,} names more, which would give at most about "
        f"{reach:,} of the {missing:,} names still missing even at a rate several "
        "times the one measured"
    )
    if falling:
        words += " (names not drawn before come ever more rarely as names pile up)"
    elif n_accepted:  # a rate to size the rounds by
        needed = math.ceil(missing * drawn / n_accepted / (more / rounds_left))
        words += f" (at the rate measured, about {needed:,} rounds more are needed)"
    return words + "."


def shortfall_levers(n_accepted, controls, novel, exclude, pattern, repeated=False):
    """The settings that can give more accepted names, in words: only those
    in use (a pattern, ``top_k``, ``top_p``, ``novel``, ``exclude``), the
    temperature (not raised: a hotter model writes longer names, more of them
    cut by ``max_length``; lowered at ``temperature=inf``) and fewer names
    once some were accepted. ``repeated``: every name drawn was one of a few
    that the tests left out; only what draws others (a higher temperature,
    a looser ``top_k`` or ``top_p``) or keeps them (``novel``, ``exclude``)
    is named, not the pattern nor looser length bounds, which leave the
    draws as they are (:func:`shortfall_message` adds a ``min_length`` above
    their length, which masks their end, and more rounds when they may
    help); so when most names drawn were repeats of the names accepted and
    the tests left out few (:func:`bounds_idle`)."""
    levers = ["ask for fewer names"] if n_accepted else []
    if controls.deterministic:  # only what undoes it lets the names vary
        undo = ["temperature=... above 0"] if controls.greedy else []
        undo += (
            ["top_k=... above 1 (or leave top_k out)"] if controls.top_k == 1 else []
        )
        levers.append(f"set {' and '.join(undo)}")
    if pattern is not None and not repeated:
        levers.append("loosen the pattern (pattern=...)")
    if not repeated:
        levers.append("loosen the length bounds (min_length=..., max_length=...)")
    if not controls.deterministic:
        how = "lower" if controls.temperature == math.inf else "change"
        how = "raise" if repeated and controls.temperature < math.inf else how
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
