"""Length matching: thinning sampled names to the training names' lengths.

``NameSampler.sample(match_lengths=True)`` keeps a name of ``k`` letters with a
probability proportional to ``q_k / p_k``, the training names' share of ``k``
letters over the sampler's own. The sampler's share ``p`` is estimated from the
names drawn, after every other test, ``unique`` and ``exclude`` included: the
names returned are those, so their lengths are the ones to correct. The first
batch draws at least :data:`LENGTH_PILOT` names, so that the estimate holds the
common lengths whatever the number of names asked for.
"""

import warnings

import numpy as np

from ._decoding import deterministic_words
from ._prefix_lengths import LengthsOf
from ._stacklevel import user_stacklevel
from ._words import counted, one_or_many, or_list

__all__ = [
    "LENGTH_PILOT",
    "UNMATCHED_NAMES",
    "UNMATCHED_SHARE",
    "LengthTally",
    "length_matcher",
]

# The fewest names the first batch of ``sample(match_lengths=True)`` draws, so
# that the estimate of the sampler's own lengths holds every common length
# whatever n_samples (a first batch of 20 names lacked the rarer lengths, and
# those lost their share; of 1 name, the filter kept it whatever its length).
# The names that pass beyond n_samples are not used. Drawing 1,000 names of the
# bundled Indian names costs about 20 ms with the default model, 5 ms with a
# Kneser-Ney one.
LENGTH_PILOT = 1000

# The share of the target's lengths that the names drawn may lack before
# match_lengths warns: at temperature=0.01 every name had the greedy name's 4
# letters, and the names returned kept those alone without a word (lengths
# of 5 to 10 letters, 91% of the bundled names', never drawn). A length the
# sampler draws too rarely for the names drawn to hold one weighs far less.
# Told once the names are all drawn, of the names of every round (of
# LENGTH_PILOT names or more): told of the first 1,000 names, it was wrong
# when later rounds drew the length (at temperature=0.35, 6% of the training
# names of 2 letters, the names returned held 45 of the 60 asked for).
UNMATCHED_SHARE = 0.05

# Or, once the names are all drawn, the names of those lengths missing from the
# names returned, counted at the size of the comparison of the n names asked
# for with the N names of the target, n * N / (n + N): with top_k=2 a
# Kneser-Ney model of the 32,033 US names of makemore never drew names of 2 or
# 3 letters, 2% of the training names', and 5,000 names asked for came back
# without the 100 of them they should hold (chi-square against the training
# lengths: p = 3e-17) without a word; 2% of 4,325 is 86. An MLP of 4 epochs
# at top_p=0.9 drew no names of 2 letters, 0.2% of them: the 10 names missing
# of 5,000 went unseen by the same test (p = 0.15; 0.2% of 4,325 is 9). A
# target of few names tells its rare lengths roughly: 1 name of 2 letters in
# 100 is 30 names missing from 3,000, but Fisher's exact test of the two
# gives p = 0.03 (1% of 97 is 1). The count bounds that test: the chance that
# m = share * N names of those lengths all fall in the target, of two samples
# of one distribution, is (N / (n + N)) ** m <= exp(-count), below 2e-9 at 20.
UNMATCHED_NAMES = 20


def length_matcher(
    target_counts, controls, rng, unique=False, exclude=frozenset(), *,
    fits=None, whose=None, unit=1.0,
):  # fmt: skip
    """A filter that gives kept names the length distribution of ``target_counts``.

    Rejection by length: a name of ``k`` letters is kept with probability
    ``w_k = (q_k / p_k) / max_j (q_j / p_j)``, where ``q`` is the target length
    distribution (restricted to ``[min_length, max_length]``) and ``p`` the
    length distribution of the names offered so far that could be kept
    (estimated from every such name the filter has seen, the batch being
    thinned included). Within each length the names keep their proportions,
    so the names kept follow ``p(name | k) * q_k``: the sampler's names with
    the target's lengths. A length the sampler never produces cannot be
    matched: once the names are all drawn,
    :meth:`LengthTally.warn_unreturned` says which lengths none of the names
    offered in any round had, when those are at least
    :data:`UNMATCHED_SHARE` of the target (of :data:`LENGTH_PILOT` names or
    more) or the names asked for lack enough of them
    (:data:`UNMATCHED_NAMES`); a length no name can have, by ``fits``, is no
    target. The
    estimate needs names: a first batch of a few names leaves
    out the lengths it lacks (:data:`LENGTH_PILOT` is the size of first batch
    that avoids it).

    With ``unique`` and ``exclude``, the filter itself leaves out the names
    ``sample`` would not return: those in ``exclude``, and, with ``unique``,
    the names it kept before and the repeats within a batch; the names it
    kept before (and those of ``exclude``) it returns as they are, after the
    thinning, for ``sample`` to leave out and to count (a name drawn over and
    over is then told, not lost in the thinning). ``p`` is then the
    length distribution of the names that could still be kept, so the names
    kept have the target's lengths however often short names repeat. As the
    names kept pile up, short names are ever more often repeats, so with
    ``unique`` the estimate starts again from each batch of at least
    :data:`LENGTH_PILOT` names.

    Parameters
    ----------
    target_counts : array-like of int
        ``target_counts[k]`` names of the target have ``k`` letters.
    controls : SamplingControls
        Its ``min_length`` and ``max_length`` bound the lengths; target
        lengths outside them are ignored.
    rng : numpy.random.Generator or numpy.random.RandomState
        Draws one uniform number per name offered.
    unique : bool, default=False
        Keep each name once (over every call).
    exclude : collection of str, default=frozenset()
        Names never to keep.
    fits : tuple of (int, int) or None, default=None
        The fewest and most symbols a name can have, from the prefix and the
        pattern as well as the bounds (what
        :func:`~sknextchar._name_filter.check_meetable` returns); target
        lengths outside them are ignored. None: the bounds alone.
    whose : LengthsOf or None, default=None
        Whose lengths ``target_counts`` are, in parts, for the warning (what
        :func:`~sknextchar._prefix_lengths.target_lengths` returns); None:
        all training names.
    unit : float, default=1.0
        The weight of one name in ``target_counts`` (the sampler's
        ``training_name_weight_``): the target holds ``sum(target_counts) /
        unit`` names, for the warning (:data:`UNMATCHED_NAMES`).

    Returns
    -------
    keep : callable
        ``keep(names, lengths=None)`` returns the names kept, in order;
        ``lengths`` are their lengths in the model's symbols (graphemes for a
        grapheme model), the unit of ``target_counts``; None counts code points.
        Its ``tally`` is a :class:`LengthTally` of what it did.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._decoding import SamplingControls
    >>> controls = SamplingControls(min_length=1, max_length=2)
    >>> keep = length_matcher([0, 1, 1], controls, np.random.default_rng(0))
    >>> kept = keep(["a"] * 900 + ["ab"] * 100)  # offered 9:1, target 1:1
    >>> kept.count("ab"), 80 < kept.count("a") < 120
    (100, True)
    >>> keep = length_matcher([0, 1, 1], controls, np.random.default_rng(0),
    ...                       unique=True)
    >>> kept = keep(["a"] * 900 + ["ab"] * 100 + ["b", "bb"])  # a repeat is no name
    >>> list(dict.fromkeys(kept)), keep.tally.candidates, keep.tally.kept
    (['a', 'ab', 'b', 'bb'], 4, 4)
    >>> keep(["ab", "a"])  # repeats of names kept, left for sample to count
    ['ab', 'a']
    >>> keep(["ab", "ccc", "ccc", "ccc"]), keep.tally.repeats  # 3 letters: q = 0
    (['ab'], 2)

    Deterministic decoding gives one name per prefix, whose length is fixed:

    >>> length_matcher([0, 1, 1], SamplingControls(temperature=0), None)
    Traceback (most recent call last):
    ...
    ValueError: match_lengths=True gives the names the training names' lengths ...
    """
    if controls.deterministic:
        raise ValueError(_deterministic_message(controls))
    # Sized by the target's lengths, not max_length: a longer name has q = 0.
    low, high = (controls.min_length, controls.max_length) if fits is None else fits
    q = np.asarray(target_counts, dtype=np.float64)[: high + 1].copy()
    q[:low] = 0.0
    seen = np.zeros(len(q))
    kept_before = set()  # with unique: the names kept so far
    whose = LengthsOf() if whose is None else whose
    tally = LengthTally(q, whose, _cut_words(target_counts, low, high), unit)
    tally.kept_names = kept_before if unique else None
    exclude = frozenset(exclude or ())

    def keep(names, lengths=None):
        if lengths is None:
            lengths = np.fromiter(map(len, names), dtype=np.intp, count=len(names))
        lengths, given = np.asarray(lengths, dtype=np.intp), names
        if unique or exclude:  # the names sample would drop: not offered
            fresh = _fresh(names, exclude, kept_before if unique else None)
            names, lengths = [n for n, f in zip(names, fresh) if f], lengths[fresh]
        inside = lengths < len(q)
        if unique and len(names) >= LENGTH_PILOT:  # the shares drift
            seen[:] = 0
        offered = np.bincount(lengths[inside], minlength=len(q))
        tally.offered += offered
        seen[:] += offered
        tally.candidates += len(names)
        ratio = np.divide(q, seen, out=np.zeros_like(q), where=seen > 0)
        weight = np.zeros(len(names))
        if ratio.any():
            weight[inside] = (ratio / ratio.max())[lengths[inside]]
        chosen = rng.random(len(names)) < weight
        kept = [name for name, k in zip(names, chosen) if k]
        tally.kept += len(kept)
        if unique:
            kept_before.update(kept)
            tally.dropped.update(n for n, k in zip(names, chosen.tolist()) if not k)
        if len(names) == len(given):
            return kept
        returned = _with_dropped(given, fresh, chosen, exclude, kept_before)
        # Repeats in the batch of names not kept: sample never sees them.
        tally.repeats += len(given) - len(names) - (len(returned) - len(kept))
        return returned

    keep.tally = tally
    return keep


class LengthTally:
    """What a :func:`length_matcher` did: the names it could keep
    (``candidates``: not repeats of names it kept, not excluded) and those it
    kept (``kept``); ``candidates - kept`` names were thinned out. ``whose``
    is a :class:`~sknextchar._prefix_lengths.LengthsOf`; ``cut`` says which
    lengths of the target it matches when it matches not all of them
    (``" with 7 letters or more"``; ``""``: all). With ``unique``,
    ``repeats`` counts the names it was given again in a batch and left out
    itself, unseen by ``sample``: the repeats of a name it thinned out.
    ``offered[k]`` names of ``k`` letters were offered, over every call.
    ``unit`` is the weight of one name in ``q`` (1.0: ``q`` counts names)."""

    def __init__(self, q, whose, cut, unit=1.0):
        self.q, self.whose, self.cut, self.unit = q, whose, cut, float(unit)
        self.candidates = self.kept = self.repeats = 0
        self.kept_names = None  # with unique: the names kept so far
        self.dropped = set()  # with unique: the names ever thinned out
        self.offered = np.zeros(len(q))  # never started again, unlike seen

    def warn_unreturned(self, n_samples, controls):
        """Warn, once ``n_samples`` names are all kept, when none of the names
        offered in any round had lengths of :data:`UNMATCHED_SHARE` of the
        target or more (once :data:`LENGTH_PILOT` names were offered), or
        that enough of the names asked for would have
        (:func:`_lacks_enough`): the names returned lack those lengths.

        Examples
        --------
        >>> import warnings
        >>> from sknextchar._decoding import SamplingControls
        >>> controls = SamplingControls(min_length=1, max_length=2)
        >>> def tally_of(offered):  # 300 training names of 2 letters in 10,300
        ...     tally = LengthTally(np.array([0.0, 10_000.0, 300.0]), LengthsOf(), "")
        ...     tally.offered[:], tally.candidates = offered, sum(offered)
        ...     return tally
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     tally_of([0, 5000, 0]).warn_unreturned(5000, controls)
        ...     tally_of([0, 5000, 3]).warn_unreturned(5000, controls)  # drawn
        ...     tally_of([0, 500, 0]).warn_unreturned(500, controls)  # 15 names
        >>> len(caught)
        1
        >>> print(caught[0].message)
        match_lengths=True cannot give the names the lengths of all training
        names: none of the 5,000 names drawn that pass the other tests had 2
        letters, the lengths of 3% of all training names (...), so the names
        returned lack them (about 146 of the 5,000 names asked for would have
        them). The model draws names of those lengths too rarely to match them.
        """
        _warn_unmatched(self, self.offered, controls, n_samples)

    def may_warn(self, n_samples):
        """Whether :meth:`warn_unreturned` may still warn of ``n_samples``
        names, whatever later rounds offer: the lengths none of the names
        offered so far had are enough for it (later rounds can only make them
        fewer). ``sample`` holds its names back while this is true, so that
        the warning comes before them.

        Examples
        --------
        >>> tally = LengthTally(np.array([0.0, 10_000.0, 300.0]), LengthsOf(), "")
        >>> tally.offered[:] = [0, 5000, 0]
        >>> tally.may_warn(5000)
        True
        >>> tally.offered[:] = [0, 5000, 3]
        >>> tally.may_warn(5000)
        False
        """
        share = _lacking_share(self.q, self.offered)
        n_target = self.q.sum() / self.unit
        return bool(
            share >= UNMATCHED_SHARE or _lacks_enough(share, n_samples, n_target)
        )

    @property
    def thinned(self):
        """The names left out for their length that sampling without the
        thinning would have returned: with unique, the distinct names thinned
        out and never kept (a name thinned out in every round is one name);
        otherwise every draw thinned out."""
        if self.kept_names is None:
            return self.candidates - self.kept
        return len(self.dropped - self.kept_names)


def _cut_words(target_counts, low, high):
    """Which lengths of ``target_counts`` lie within ``[low, high]``, in
    words, when some lie outside: ``" with 4 to 6 letters"``.

    Examples
    --------
    >>> _cut_words([0, 1, 1, 1], 2, 3), _cut_words([0, 1, 1, 1], 1, 2)
    (' with 2 letters or more', ' with at most 2 letters')
    >>> _cut_words([0, 1, 1, 1], 2, 2), _cut_words([0, 1, 1, 1], 1, 9)
    (' with 2 letters', '')
    """
    counts = np.asarray(target_counts)
    below, above = bool(np.any(counts[:low])), bool(np.any(counts[high + 1 :]))
    if below and above:
        span = f"{low} to {high}" if low < high else f"{low}"
        return f" with {span} letters"
    if below:
        return f" with {counted(low, 'letter')} or more"
    if above:
        return f" with at most {counted(high, 'letter')}"
    return ""


def _deterministic_message(controls):
    """Why ``match_lengths`` cannot work with deterministic decoding."""
    setting, how, change = deterministic_words(controls)
    return (
        "match_lengths=True gives the names the training names' lengths by "
        f"drawing names and keeping some by their length, but at {setting} "
        f"sampling {how}, so there is one name per prefix, of one length. Sample "
        f"without match_lengths=True, or use {change}."
    )


def _warn_unmatched(tally, seen, controls, n_samples):
    """Warn when the names offered in every round (``seen[k]`` of ``k``
    letters) lack lengths that are at least :data:`UNMATCHED_SHARE` of the
    target ``tally.q`` (of :data:`LENGTH_PILOT` names or more), or lengths
    that enough of the ``n_samples`` names asked for, all kept, would have
    (:func:`_lacks_enough`): the names kept lack them too. Only what draws
    other lengths is advised: leaving out
    ``match_lengths`` would not, since the thinning never removes a length
    the names drawn have."""
    q = tally.q
    lacking = (q > 0) & (seen == 0)
    share = _lacking_share(q, seen)
    sure = tally.candidates >= LENGTH_PILOT and share >= UNMATCHED_SHARE
    if not sure and not _lacks_enough(share, n_samples, q.sum() / tally.unit):
        return
    ways = []
    if controls.temperature < 1:
        ways.append("raise the temperature (e.g. temperature=1.0)")
    for name in ("top_k", "top_p"):
        if getattr(controls, name) is not None:
            ways.append(f"raise {name} (or leave {name} out)")
    ways = " or ".join(ways) if len(ways) == 2 else or_list(ways) if ways else ""
    advice = (
        f"To draw names of those lengths too, {ways}."
        if ways
        else "The model draws names of those lengths too rarely to match them."
    )
    lengths = np.flatnonzero(lacking).tolist()
    missing = _length_ranges(lengths)
    letters = one_or_many(lengths[-1], "letter", "letters")  # as "2 or 5 letters"
    # The share is of the target's lengths that can be matched (tally.cut).
    of = tally.whose.share(tally.cut)
    would = round(share * n_samples)  # of the names asked for; 0: unsaid
    asked = (
        f" (about {would:,} of the {counted(n_samples, 'name')} asked for would"
        " have them)"
        if would
        else ""
    )
    warnings.warn(
        f"match_lengths=True cannot give the names the lengths of {tally.whose}: "
        f"none of the {tally.candidates:,} names drawn that pass the other "
        f"tests had {missing} {letters}, the lengths of {_percent(share)} of "
        f"{of} ({controls}), so the names returned lack them{asked}. "
        f"{advice}",
        UserWarning,
        stacklevel=user_stacklevel(),
    )


def _lacking_share(q, seen):
    """The share of the target ``q`` of the lengths ``seen`` lacks."""
    lacking = (q > 0) & (seen == 0)
    return q[lacking].sum() / q.sum() if q.sum() > 0 else 0.0


def _lacks_enough(share, n_samples, n_target):
    """Whether lengths lacking from ``n_samples`` names, ``share`` of a
    target of ``n_target`` names, are worth a warning: :data:`UNMATCHED_NAMES`
    names or more, counted at the size of the comparison of the two, ``n_samples
    * n_target / (n_samples + n_target)`` (the smaller of the two, at most):
    a target of few names tells its rare lengths too roughly for their
    absence from many names to show.

    Examples
    --------
    >>> _lacks_enough(0.02, 5000, 32033), _lacks_enough(0.002, 5000, 32033)
    (True, False)
    >>> _lacks_enough(0.02, 2000, 100), _lacks_enough(0.0, 10**9, 10**9)
    (False, False)
    """
    if share <= 0:
        return False
    effective = n_samples * n_target / (n_samples + n_target)
    return share * effective >= UNMATCHED_NAMES


def _percent(share):
    """A share in per cent, those under 1% to one significant digit (not
    "0%"), never in exponent form.

    Examples
    --------
    >>> _percent(0.667), _percent(0.02), _percent(0.004), _percent(0.00002)
    ('67%', '2%', '0.4%', '0.002%')
    >>> _percent(0.0096), _percent(5e-7), _percent(0.0)
    ('1%', '0.00005%', '0%')
    """
    if share >= 0.01 or share <= 0:
        return f"{share:.0%}"
    return (
        np.format_float_positional(share * 100, precision=1, fractional=False, trim="-")
        + "%"
    )


def _length_ranges(lengths):
    """Sorted lengths as runs: ``[2, 5, 6, 7]`` is ``"2 or 5 to 7"``.

    Examples
    --------
    >>> _length_ranges([2, 5, 6, 7]), _length_ranges([4]), _length_ranges([3, 4])
    ('2 or 5 to 7', '4', '3 or 4')
    >>> _length_ranges([2, 4, 5, 9, 10, 11])
    '2, 4, 5 or 9 to 11'
    """
    runs = []
    for length in lengths:
        if runs and runs[-1][1] == length - 1:
            runs[-1][1] = length
        else:
            runs.append([length, length])
    words = []
    for a, b in runs:  # two lengths in a row are two words, not a run
        words += [f"{a} to {b}"] if b > a + 1 else [str(n) for n in range(a, b + 1)]
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


def _with_dropped(names, fresh, chosen, exclude, kept_before):
    """``names`` in order without those thinned out: of the ``fresh`` ones,
    those ``chosen`` (a bool per fresh name); of the others, the excluded
    names and the repeats of names kept (a repeat of a name thinned out is
    left out, or ``sample`` would return it)."""
    chosen = iter(chosen.tolist())
    return [
        name
        for name, new in zip(names, fresh.tolist())
        if (next(chosen) if new else name in exclude or name in kept_before)
    ]


def _fresh(names, exclude, kept_before):
    """Which names are not in ``exclude`` nor, unless ``kept_before`` is None,
    in ``kept_before`` or earlier in ``names``: a bool array."""
    fresh = np.zeros(len(names), dtype=bool)
    batch = set()
    for i, name in enumerate(names):  # set look-ups on finished strings
        if name in exclude:
            continue
        if kept_before is not None:
            if name in kept_before or name in batch:
                continue
            batch.add(name)
        fresh[i] = True
    return fresh
