"""Beam search: the most probable names of any next-symbol model.

Like :mod:`sknextchar._generation`, everything here works over a *next
log-probabilities* callable (integer contexts of shape ``(n, context_length)``
to the ``(n, n_symbols)`` natural-log probabilities of the next symbol, id 0
the end marker) and knows no estimator: :meth:`sknextchar.NameSampler.most_likely`
validates the request and calls :func:`beam_search`.

A name's score is its log-likelihood: each letter's and the end marker's
log-probability, summed. A name the model cannot end (its end marker has
probability 0, score ``-inf``) is never returned: it would be a cut-off name.
"""

import numpy as np

from ._sizes import machine_memory
from ._vocabulary import END_ID, decode_rows
from ._words import capitalized, counted, or_list

__all__ = [
    "beam_search",
    "beam_shortfall_message",
    "default_beam_width",
]

# The default beam of most_likely: this many unfinished names per name asked
# for, and at least MIN_BEAM. On the bundled names (27 symbols, names of 4 to
# 10 letters, a Kneser-Ney or a 3-epoch MLP model), the former default,
# max(2 * n_names, 100), missed 4 of the 20 most probable names (the 7th among
# them) and 26 of the 200; this one found the exact best of 5 to 1,000 names,
# in 0.2 s at most.
BEAM_PER_NAME = 5
MIN_BEAM = 1000
# Bytes held per unfinished name at the peak of a step, per symbol of the
# vocabulary: the model's next-symbol log-probabilities and their sum with the
# name's score (float64 each), the model's own work on them, and, while the
# next beam is chosen, a float64 copy of the letters' scores and their int64
# positions. Measured peaks of most_likely(10**4 to 3 * 10**5) with an MLP and
# a Kneser-Ney model were 0.6 to 0.85 of the count of _beam_search_bytes.
BEAM_BYTES_PER_SYMBOL = 32
# Bytes held per unfinished name besides: its letters and context (twice,
# while they grow), its score, parent and letter, and its name as a Python
# string while the finished names are ranked.
BEAM_BYTES_PER_BEAM = 160
# Bytes held per name kept (a Python string and its score).
BEAM_BYTES_PER_NAME = 120


# The advice on length bounds of a shortfall, by whether longer and whether
# shorter names could be found.
LENGTH_LEVERS = {
    (True, True): "loosen the length bounds (min_length=..., max_length=...)",
    (True, False): "allow longer names (max_length=...)",
    (False, True): "allow shorter names (min_length=...)",
}


def _beam_search_bytes(n_names, beam_width, n_symbols, max_length, context_length):
    """The peak bytes of :func:`beam_search`, besides the model's own.

    Measured peaks (27 symbols, names of at most 10 letters, a context of 3 to
    8 symbols, an MLP or a Kneser-Ney model) stay within this count.

    Examples
    --------
    >>> _beam_search_bytes(10**5, 5 * 10**5, 27, 10, 3)  # 0.5 GB
    538000000
    """
    per_beam = (
        BEAM_BYTES_PER_SYMBOL * n_symbols
        + BEAM_BYTES_PER_BEAM
        + 2 * (max_length + context_length)
    )
    return int(beam_width) * per_beam + int(n_names) * (
        BEAM_BYTES_PER_NAME + max_length
    )


def beam_search(
    next_log_proba,
    *,
    prefix_ids,
    context,
    n_names,
    beam_width,
    vocabulary,
    min_length,
    max_length,
    exclude=frozenset(),
    accept=None,
):
    """The most probable names that extend a prefix, by beam search.

    Names are ranked by their log-likelihood under ``next_log_proba`` (each
    letter's and the end marker's log-probability, summed); names of
    probability 0 are left out. The search keeps the ``beam_width`` most
    probable unfinished names at each length and stops extending a name as
    soon as it cannot beat the ``n_names``-th best finished one
    (log-probabilities only decrease as a name grows). With a beam as wide as
    the number of possible names, the result is exact.

    Parameters
    ----------
    next_log_proba : callable
        Next-symbol log-probabilities of integer contexts (see the module).
    prefix_ids : ndarray of int of shape (n_prefix,)
        The letters every name starts with, at most ``max_length``.
    context : ndarray of int of shape (1, context_length)
        The context after the prefix.
    n_names : int
        The most names to return.
    beam_width : int
        Unfinished names kept per step.
    vocabulary : tuple of str
        The symbols in id order; ``vocabulary[0]`` is the end marker.
    min_length, max_length : int
        The length bounds of a name (``1 <= min_length <= max_length``).
    exclude : set of str, default=frozenset()
        Names to skip.
    accept : callable or None, default=None
        ``accept(ids)`` gives a bool per finished name (rows of letter ids, all
        of one length): names it rejects are skipped too. The bound stays
        exact, since it counts only the names kept.

    Returns
    -------
    names : list of str
        At most ``n_names`` distinct names of nonzero probability, most
        probable first (fewer when fewer exist within the bounds).
    reach : dict
        What could find more names of nonzero probability, for a list
        shorter than ``n_names``: ``"wider"``, whether the beam left out an
        unfinished name (if not, no wider beam finds another name; the search
        was exhaustive); ``"longer"``, whether a name of ``max_length``
        letters can go on; ``"shorter"``, whether a name of fewer than
        ``min_length`` letters (at least one) can end.

    Raises
    ------
    ValueError
        If the search cannot fit in memory (:func:`_beam_search_bytes`), before
        any search.

    Examples
    --------
    >>> import numpy as np
    >>> def next_log_proba(contexts):  # P(end, a, b) = (0.5, 0.3, 0.2) always
    ...     return np.log(np.tile([0.5, 0.3, 0.2], (len(contexts), 1)))
    >>> request = dict(prefix_ids=np.array([], np.uint8), beam_width=10,
    ...     context=np.zeros((1, 2), np.uint8), vocabulary="-ab", min_length=1)
    >>> beam_search(next_log_proba, n_names=4, max_length=3, **request)[0]
    ['a', 'b', 'aa', 'ab']
    >>> names, reach = beam_search(next_log_proba, n_names=9, max_length=2,
    ...                            **request)  # only 6 names exist
    >>> names
    ['a', 'b', 'aa', 'ab', 'ba', 'bb']
    >>> reach  # an exhaustive search; longer names exist
    {'wider': False, 'longer': True, 'shorter': False}
    """
    _check_beam_memory(n_names, beam_width, vocabulary, max_length, context, (
        len(prefix_ids)))  # fmt: skip
    beams = prefix_ids[None, :]  # (B, length) ids of unfinished names
    contexts = context  # (B, L)
    scores = np.zeros(1)  # (B,) log-probability of each beam so far
    best = [], np.empty(0)  # top finished names and scores, best first
    reach = {"wider": False, "longer": False, "shorter": False}
    for length in range(len(prefix_ids), max_length + 1):
        total = scores[:, None] + next_log_proba(contexts)  # (B, V)
        if 0 < length < min_length:
            reach["shorter"] |= bool((total[:, END_ID] > -np.inf).any())
        bound = best[1][-1] if len(best[1]) == n_names else -np.inf
        if length >= min_length:
            best = _keep_best(best, beams, total[:, END_ID], bound, n_names, (
                vocabulary, exclude, accept))  # fmt: skip
            bound = best[1][-1] if len(best[1]) == n_names else -np.inf
        if length == max_length:
            reach["longer"] = bool((total[:, END_ID + 1 :] > -np.inf).any())
            break
        grown = _grow(total, bound, beam_width)
        if grown is None:
            break
        parent, letter, scores, truncated = grown
        reach["wider"] |= truncated
        letter = letter.astype(beams.dtype)
        beams = np.concatenate((beams[parent], letter[:, None]), axis=1)
        contexts = np.concatenate((contexts[parent, 1:], letter[:, None]), axis=1)
    return best[0], reach


def default_beam_width(n_names):
    """The beam of ``most_likely`` when none is given (:data:`BEAM_PER_NAME`).

    Examples
    --------
    >>> default_beam_width(10), default_beam_width(1_000)
    (1000, 5000)
    """
    return max(BEAM_PER_NAME * n_names, MIN_BEAM)


def beam_shortfall_message(
    n_found, n_names, *, prefix, n_prefix, reach, controls, exclude,
    label_words=None, novel=False,
):  # fmt: skip
    """Why ``most_likely`` found fewer names than asked for, and what helps.

    A wider beam or other length bounds are advised only when they could find
    more (``reach``, from :func:`beam_search`). A search the beam never cut
    weighed every name of nonzero probability within the bounds (the names
    left out are of probability 0, excluded or rejected): the message says so.
    With ``novel`` (``most_likely(novel=True)``), it says that the training
    names were left out, and that ranking them too finds more.

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> reach = {"wider": False, "longer": True, "shorter": False}
    >>> beam_shortfall_message(26, 30, prefix="", n_prefix=0, reach=reach,
    ...     controls=SamplingControls(max_length=1), exclude=())
    "Found only 26 of the 30 requested names with prefix '', min_length=1 and \
max_length=1; the search weighed every name of nonzero probability. Ask for \
fewer names, or allow longer names (max_length=...)."
    """
    levers = ["ask for fewer names"] if n_found else []
    exhaustive = not reach["wider"]
    lengths = (reach["longer"] or not exhaustive, reach["shorter"] or not exhaustive)
    if any(lengths):
        levers.append(LENGTH_LEVERS[lengths])
    if n_prefix:
        levers.append("give a shorter prefix (prefix=...)")
    if not exhaustive:
        levers.append("widen the beam (beam_width=...)")
    if exclude:
        levers.append("exclude fewer names (exclude=...)")
    if novel:
        levers.append("leave novel=False to rank the training names too")
    if label_words is not None:
        levers.append("lower min_label_proba")
    lever_words = or_list(levers or ["check the model: it ends no name at all"])
    left_out = ["the training names (novel=True)"] if novel else []
    if exclude:
        left_out.append(f"the {counted(len(exclude), 'excluded name')}")
    return (
        f"Found only {n_found:,} of the {n_names:,} requested names with prefix "
        f"{prefix!r}, min_length={controls.min_length} and max_length="
        f"{controls.max_length}"
        + (f" outside {' and '.join(left_out)}" if left_out else "")
        + ("" if label_words is None else f", {label_words}")
        + (
            "; the search weighed every name of nonzero probability"
            if exhaustive
            else ""
        )
        + f". {capitalized(lever_words)}."
    )


def _check_beam_memory(n_names, beam_width, vocabulary, max_length, context, n_prefix):
    """Refuse, before the search, a beam that cannot fit in memory.

    Only the unfinished names that can exist count: ``n_letters ** depth`` at
    most, ``depth`` letters after the prefix, however wide the beam. Without
    this, ``n_names=10**7`` passed a count of half the real peak and searched
    for more than 10 minutes on a machine it did not fit.
    """
    n_letters, depth = len(vocabulary) - 1, max_length - n_prefix
    # Past 64 letters, 2 or more letters make 2**64 names: beyond any memory.
    width = min(beam_width, n_letters ** min(depth, 64))
    needed = _beam_search_bytes(
        min(n_names, (depth + 1) * width), width, len(vocabulary), max_length,
        context.shape[1],
    )  # fmt: skip
    available = machine_memory()
    if needed <= available:
        return
    per_name = _beam_search_bytes(
        1, BEAM_PER_NAME, len(vocabulary), max_length, context.shape[1]
    )
    levers = [
        "give a narrower beam (beam_width=...; a narrower beam may miss some of "
        "the most probable names)",
        "draw names with sample(), which holds far less per name",
    ]
    if beam_width <= default_beam_width(n_names):  # not a beam wider than usual
        fit = available // per_name
        levers.insert(0, f"ask for fewer names (about {fit:,} fit the default beam)")
    words = or_list(levers)
    raise ValueError(
        f"n_names={n_names} with beam_width={beam_width} makes the beam search "
        f"need about {needed:.3g} bytes, more than the {available:.3g} bytes of "
        f"memory this process may use. {capitalized(words)}."
    )


def _keep_best(best, beams, end_scores, bound, n_names, tests):
    """The ``n_names`` best of the finished names so far and those of ``beams``.

    Only the beams whose name scores above ``bound`` (so never a name of
    probability 0, score ``-inf``) are decoded and tested: ``tests`` holds the
    vocabulary, the names to exclude and ``accept`` (a bool per row of ids, or
    None for all).
    """
    vocabulary, exclude, accept = tests
    rows = np.flatnonzero(end_scores > bound)
    if accept is not None and rows.size:
        rows = rows[accept(beams[rows])]
    names = decode_rows(beams[rows], vocabulary)
    keep = np.array([name not in exclude for name in names], dtype=bool)
    best_names, best_scores = best
    candidates = best_names + [name for name, k in zip(names, keep) if k]
    merged = np.concatenate((best_scores, end_scores[rows[keep]]))
    order = np.argsort(-merged, kind="stable")[:n_names]
    return [candidates[i] for i in order], merged[order]


def _grow(total, bound, beam_width):
    """The beams of the next length: parents, letters, scores (best first) and
    whether the beam left out any that could beat ``bound``.

    ``total`` holds each beam's score plus each next symbol's log-probability;
    extensions that cannot beat ``bound`` are dropped. ``None`` if none is left.
    Extensions tied at the cut are kept in index order (parent, then letter),
    as a stable sort would keep them: an arbitrary pick among thousands of
    ties (a count model backing off) lost the best names.
    """
    n_letters = total.shape[1] - 1
    grown = total[:, 1:].ravel()  # (B * n_letters,) a copy; letters are ids 1..
    above = grown > bound  # the others cannot win (nor can NaN)
    n_above = int(np.count_nonzero(above))
    if not n_above:
        return None
    if n_above > beam_width:  # the beam_width largest, without a full sort
        grown[~above] = -np.inf
        del above
        cut = grown.size - beam_width
        kth = np.partition(grown, cut)[cut]  # of the ties at kth, the first
        alive = np.flatnonzero(grown > kth)
        ties = np.flatnonzero(grown == kth)[: beam_width - alive.size]
        alive = np.concatenate((alive, ties))
    else:
        alive = np.flatnonzero(above)
    alive = alive[np.argsort(-grown[alive], kind="stable")]
    parent, letter = np.divmod(alive, n_letters)
    return parent, letter + 1, grown[alive], n_above > beam_width
