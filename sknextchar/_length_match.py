"""Length matching: thinning sampled names to the training names' lengths.

``NameSampler.sample(match_lengths=True)`` keeps a name of ``k`` letters with a
probability proportional to ``q_k / p_k``, the training names' share of ``k``
letters over the sampler's own. The sampler's share ``p`` is estimated from the
names drawn, after every other test, ``unique`` and ``exclude`` included: the
names returned are those, so their lengths are the ones to correct. The first
batch draws at least :data:`LENGTH_PILOT` names, so that the estimate holds the
common lengths whatever the number of names asked for.
"""

import numpy as np

from ._decoding import deterministic_words

__all__ = ["LENGTH_PILOT", "length_matcher"]

# The fewest names the first batch of ``sample(match_lengths=True)`` draws, so
# that the estimate of the sampler's own lengths holds every common length
# whatever n_samples (a first batch of 20 names lacked the rarer lengths, and
# those lost their share; of 1 name, the filter kept it whatever its length).
# The names that pass beyond n_samples are not used. Drawing 1,000 names of the
# bundled Indian names costs about 20 ms with the default model, 5 ms with a
# Kneser-Ney one.
LENGTH_PILOT = 1000


def length_matcher(target_counts, controls, rng, unique=False, exclude=frozenset()):
    """A filter that gives kept names the length distribution of ``target_counts``.

    Rejection by length: a name of ``k`` letters is kept with probability
    ``w_k = (q_k / p_k) / max_j (q_j / p_j)``, where ``q`` is the target length
    distribution (restricted to ``[min_length, max_length]``) and ``p`` the
    length distribution of the names offered so far that could be kept
    (estimated from every such name the filter has seen, the batch being
    thinned included). Within each length the names keep their proportions,
    so the names kept follow ``p(name | k) * q_k``: the sampler's names with
    the target's lengths. A length the sampler never produces cannot be
    matched. The estimate needs names: a first batch of a few names leaves
    out the lengths it lacks (:data:`LENGTH_PILOT` is the size of first batch
    that avoids it).

    With ``unique`` and ``exclude``, the filter itself leaves out the names
    ``sample`` would not return: those in ``exclude``, and, with ``unique``,
    the names it kept before and the repeats within a batch. ``p`` is then the
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

    Returns
    -------
    keep : callable
        ``keep(names, lengths=None)`` returns the names kept, in order;
        ``lengths`` are their lengths in the model's symbols (graphemes for a
        grapheme model), the unit of ``target_counts``; None counts code points.

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
    >>> keep(["a"] * 900 + ["ab"] * 100 + ["b", "bb"])  # a repeat is no name
    ['a', 'ab', 'b', 'bb']

    Deterministic decoding gives one name per prefix, whose length is fixed:

    >>> length_matcher([0, 1, 1], SamplingControls(temperature=0), None)
    Traceback (most recent call last):
    ...
    ValueError: match_lengths=True gives the names the training names' lengths ...
    """
    if controls.deterministic:
        raise ValueError(_deterministic_message(controls))
    # Sized by the target's lengths, not max_length: a longer name has q = 0.
    q = np.asarray(target_counts, dtype=np.float64)[: controls.max_length + 1].copy()
    q[: controls.min_length] = 0.0
    seen = np.zeros(len(q))
    kept_before = set()  # with unique: the names kept so far
    exclude = frozenset(exclude or ())

    def keep(names, lengths=None):
        if lengths is None:
            lengths = np.fromiter(map(len, names), dtype=np.intp, count=len(names))
        lengths = np.asarray(lengths, dtype=np.intp)
        if unique or exclude:  # the names sample would drop: not offered
            fresh = _fresh(names, exclude, kept_before if unique else None)
            names, lengths = [n for n, f in zip(names, fresh) if f], lengths[fresh]
        inside = lengths < len(q)
        if unique and len(names) >= LENGTH_PILOT:  # the shares drift
            seen[:] = 0
        seen[:] += np.bincount(lengths[inside], minlength=len(q))
        ratio = np.divide(q, seen, out=np.zeros_like(q), where=seen > 0)
        if not ratio.any():
            return []
        weight = np.zeros(len(names))
        weight[inside] = (ratio / ratio.max())[lengths[inside]]
        kept = rng.random(len(names)) < weight
        kept = [name for name, k in zip(names, kept) if k]
        if unique:
            kept_before.update(kept)
        return kept

    return keep


def _deterministic_message(controls):
    """Why ``match_lengths`` cannot work with deterministic decoding."""
    setting, how, change = deterministic_words(controls)
    return (
        "match_lengths=True gives the names the training names' lengths by "
        f"drawing names and keeping some by their length, but at {setting} "
        f"sampling {how}, so there is one name per prefix, of one length. Sample "
        f"without match_lengths=True, or use {change}."
    )


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
