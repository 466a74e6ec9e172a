"""Generation of names from any next-symbol model: sampling and beam search.

Every function here works over a *next log-probabilities* callable: it maps an
integer array of contexts, shape ``(n, context_length)``, to the ``(n,
n_symbols)`` natural-log probabilities of the next symbol, in vocabulary order
(id 0 is the end marker). Nothing here knows estimators or pipelines:
:class:`~sknextchar.NameSampler` validates the request, finds that callable with
:func:`sknextchar._pipeline.next_log_proba_function` and calls these functions.

A request starts from a prefix, given as its letter ids ``prefix_ids`` (shape
``(n_prefix,)``) and the ``(1, context_length)`` context after it; the decoding
controls (:class:`~sknextchar._decoding.SamplingControls`) bound the lengths and
shape each step's distribution.
"""

import math

import numpy as np

from ._decoding import count_names, distinct_rows, draw
from ._vocabulary import END_ID, decode_rows

__all__ = [
    "beam_search",
    "check_reachable",
    "sample_ids",
    "sample_names",
    "sample_new_names",
]

# A batch of sampled names for unique/exclude is at most this many times
# ``n_samples`` (plus a constant), which bounds memory and time per round.
MAX_BATCH_FACTOR = 16
# The acceptance rate assumed when sizing a batch never drops below this value.
MIN_ACCEPTANCE_RATE = 1.0 / 64


def sample_ids(
    next_log_proba, *, prefix_ids, context, n_samples, n_symbols, controls, rng
):
    """Sample names as rows of ids, all names advancing together.

    At each step the model runs once, on the distinct contexts of the unfinished
    names; each name draws its next symbol from its context's distribution with
    one uniform number; the contexts shift left. A name ends at the end marker
    or at ``controls.max_length`` letters.

    Parameters
    ----------
    next_log_proba : callable
        Next-symbol log-probabilities of integer contexts (see the module).
    prefix_ids : ndarray of int of shape (n_prefix,)
        The letters every name starts with, at most ``controls.max_length``.
    context : ndarray of int of shape (1, context_length)
        The context after the prefix.
    n_samples : int
        Number of names.
    n_symbols : int
        The number of symbols, the end marker included.
    controls : SamplingControls
        Temperature, ``top_k``, ``top_p`` and length bounds.
    rng : numpy.random.Generator or numpy.random.RandomState
        The only source of randomness: one uniform number per unfinished name
        and step (none when ``controls.greedy``).

    Returns
    -------
    ids : ndarray of shape (n_samples, controls.max_length)
        Each row holds a name's letters followed by zeros (end markers).

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._decoding import SamplingControls
    >>> def next_log_proba(contexts):  # "-" -> a, a -> b, b -> end
    ...     follows = np.array([1, 2, 0])[contexts[:, -1]]
    ...     return np.where(np.arange(3) == follows[:, None], 0.0, -np.inf)
    >>> sample_ids(next_log_proba, prefix_ids=np.array([], dtype=np.uint8),
    ...            context=np.zeros((1, 1), dtype=np.uint8), n_samples=2,
    ...            n_symbols=3, controls=SamplingControls(max_length=4),
    ...            rng=np.random.default_rng(0)).tolist()
    [[1, 2, 0, 0], [1, 2, 0, 0]]
    """
    n_prefix = len(prefix_ids)
    out = np.zeros((n_samples, controls.max_length), dtype=prefix_ids.dtype)
    out[:, :n_prefix] = prefix_ids
    contexts = np.repeat(context, n_samples, axis=0)  # (n, L)
    rows = np.arange(n_samples)  # the unfinished names
    for length in range(n_prefix, controls.max_length):
        # Names that share a context share its distribution: the model (and
        # the controls) run once per distinct context, in one call.
        distinct, inverse = distinct_rows(contexts, n_symbols)  # (u, L), (m,)
        weights = controls.weights(next_log_proba(distinct), length)  # (u, V)
        if controls.greedy:
            chosen = np.argmax(weights, axis=1)[inverse]
        else:  # one uniform in (0, 1] per unfinished name
            chosen = draw(weights, 1.0 - rng.random(len(rows)), inverse)
        going = chosen != END_ID
        if not going.all():
            rows, contexts, chosen = rows[going], contexts[going], chosen[going]
        if not len(rows):
            break
        out[rows, length] = chosen
        shifted = np.empty_like(contexts)  # keeps the ids' small dtype
        shifted[:, :-1] = contexts[:, 1:]
        shifted[:, -1] = chosen
        contexts = shifted
    # Names that reach max_length end there: nothing left to do.
    return out


def sample_names(
    next_log_proba, *, prefix_ids, context, n_samples, vocabulary, controls, rng
):
    """Sample names, as strings (:func:`sample_ids` decoded).

    Parameters
    ----------
    next_log_proba : callable
        Next-symbol log-probabilities of integer contexts (see the module).
    prefix_ids : ndarray of int of shape (n_prefix,)
        The letters every name starts with.
    context : ndarray of int of shape (1, context_length)
        The context after the prefix.
    n_samples : int
        Number of names.
    vocabulary : tuple of str
        The symbols in id order; ``vocabulary[0]`` is the end marker.
    controls : SamplingControls
        Temperature, ``top_k``, ``top_p`` and length bounds.
    rng : numpy.random.Generator or numpy.random.RandomState
        The only source of randomness.

    Returns
    -------
    names : list of str
        In the order they were generated.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._decoding import SamplingControls
    >>> def next_log_proba(contexts):  # uniform over the end marker, a and b
    ...     return np.full((len(contexts), 3), np.log(1 / 3))
    >>> names = sample_names(next_log_proba, prefix_ids=np.array([1], np.uint8),
    ...     context=np.array([[1]], np.uint8), n_samples=50, vocabulary="-ab",
    ...     controls=SamplingControls(max_length=3), rng=np.random.default_rng(0))
    >>> sorted(set(names))[:4]
    ['a', 'aa', 'aaa', 'aab']
    """
    ids = sample_ids(
        next_log_proba,
        prefix_ids=prefix_ids,
        context=context,
        n_samples=n_samples,
        n_symbols=len(vocabulary),
        controls=controls,
        rng=rng,
    )
    return decode_rows(ids, vocabulary)


def check_reachable(n_samples, *, n_letters, n_prefix, controls):
    """Fail at once when more distinct names are asked for than can exist.

    Parameters
    ----------
    n_samples : int
        The number of distinct names asked for.
    n_letters : int
        The number of letters (the symbols except the end marker).
    n_prefix : int
        The number of letters of the prefix.
    controls : SamplingControls
        The controls: greedy decoding has a single output, the length bounds
        limit the others.

    Raises
    ------
    ValueError
        If fewer than ``n_samples`` distinct names can be generated.

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> check_reachable(6, n_letters=2, n_prefix=0,
    ...                 controls=SamplingControls(max_length=2))  # 2 + 4 names
    >>> check_reachable(2, n_letters=2, n_prefix=0,
    ...                 controls=SamplingControls(temperature=0))
    Traceback (most recent call last):
    ...
    ValueError: unique=True asks for 2 distinct names, but at most 1 can be ...
    """
    if controls.deterministic:
        possible = 1  # greedy decoding has a single output
    else:
        possible = count_names(
            n_letters,
            n_prefix,
            controls.min_length,
            controls.max_length,
            enough=n_samples,
        )
    if n_samples > possible:
        raise ValueError(
            f"unique=True asks for {n_samples} distinct names, but at most "
            f"{possible} can be generated with temperature={controls.temperature}, "
            f"top_k={controls.top_k}, min_length={controls.min_length}, max_length="
            f"{controls.max_length} and this prefix over {n_letters} letters. Ask "
            "for fewer names or loosen the settings."
        )


def sample_new_names(sample, n_samples, *, unique, exclude, max_rounds, controls):
    """Draw batches of names until enough pass ``unique`` and ``exclude``.

    Rejection sampling: each round draws a batch sized from the acceptance rate
    so far (at most ``MAX_BATCH_FACTOR * n_samples + 1024`` names) and keeps the
    names that are new; the accepted names are those of plain sampling
    conditioned on being new.

    Parameters
    ----------
    sample : callable
        ``sample(n)`` returns ``n`` sampled names (a list of str), e.g.
        :func:`sample_names` with every other argument bound.
    n_samples : int
        Number of names.
    unique : bool
        Return distinct names.
    exclude : set of str
        Names never to return.
    max_rounds : int
        The most batches to draw.
    controls : SamplingControls
        The controls ``sample`` draws with: a deterministic sampler gets one
        round, and the message of the error names them.

    Returns
    -------
    names : list of str
        ``n_samples`` names, in the order they were drawn.

    Raises
    ------
    ValueError
        If ``max_rounds`` batches do not give ``n_samples`` names.

    Examples
    --------
    >>> import itertools
    >>> from sknextchar._decoding import SamplingControls
    >>> stream = itertools.cycle(["ab", "ba", "ab", "b"])
    >>> def sample(n):
    ...     return [next(stream) for _ in range(n)]
    >>> sample_new_names(sample, 2, unique=True, exclude={"ab"}, max_rounds=3,
    ...                  controls=SamplingControls())
    ['ba', 'b']
    """
    accepted, seen, drawn = [], set(), 0
    batch_cap = MAX_BATCH_FACTOR * n_samples + 1024
    for _ in range(max_rounds):
        missing = n_samples - len(accepted)
        rate = max(len(accepted) / drawn, MIN_ACCEPTANCE_RATE) if drawn else 1.0
        size = min(math.ceil(missing / rate * 1.1) + 8, batch_cap)
        batch = sample(size)
        drawn += size
        for name in batch:  # set look-ups on finished strings, not generation
            if name in exclude or (unique and name in seen):
                continue
            seen.add(name)
            accepted.append(name)
            if len(accepted) == n_samples:
                return accepted
        if controls.deterministic:  # every further batch would be the same name
            break
    what = "distinct new" if unique else "new"
    raise ValueError(
        f"Could only generate {len(accepted)} of the {n_samples} requested "
        f"{what} names after drawing {drawn} ({controls}, {len(exclude)} excluded "
        "names). The model rarely produces others under these settings: ask for "
        "fewer names, raise the temperature, loosen top_k/top_p or the length "
        "bounds, or raise max_rounds."
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
):
    """The most probable names that extend a prefix, by beam search.

    Names are ranked by their log-likelihood under ``next_log_proba`` (each
    letter's and the end marker's log-probability, summed). The search keeps the
    ``beam_width`` most probable unfinished names at each length and stops
    extending a name as soon as it cannot beat the ``n_names``-th best finished
    one (log-probabilities only decrease as a name grows). With a beam as wide
    as the number of possible names, the result is exact.

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

    Returns
    -------
    names : list of str
        At most ``n_names`` distinct names, most probable first (fewer when
        fewer exist within the bounds).

    Examples
    --------
    >>> import numpy as np
    >>> def next_log_proba(contexts):  # P(end, a, b) = (0.5, 0.3, 0.2) always
    ...     return np.log(np.tile([0.5, 0.3, 0.2], (len(contexts), 1)))
    >>> beam_search(next_log_proba, prefix_ids=np.array([], np.uint8),
    ...             context=np.zeros((1, 2), np.uint8), n_names=4, beam_width=10,
    ...             vocabulary="-ab", min_length=1, max_length=3)
    ['a', 'b', 'aa', 'ab']
    """
    beams = prefix_ids[None, :]  # (B, length) ids of unfinished names
    contexts = context  # (B, L)
    scores = np.zeros(1)  # (B,) log-probability of each beam so far
    best_names, best_scores = [], np.empty(0)  # top finished, best first
    for length in range(len(prefix_ids), max_length + 1):
        total = scores[:, None] + next_log_proba(contexts)  # (B, V)
        if length >= min_length:
            best_names, best_scores = _keep_best(
                (best_names, best_scores),
                decode_rows(beams, vocabulary),
                total[:, END_ID],
                n_names,
                exclude,
            )
        if length == max_length:
            break
        bound = best_scores[-1] if len(best_scores) == n_names else -np.inf
        grown = _grow(total, bound, beam_width)
        if grown is None:
            break
        parent, letter, scores = grown
        letter = letter.astype(beams.dtype)
        beams = np.concatenate((beams[parent], letter[:, None]), axis=1)
        contexts = np.concatenate((contexts[parent, 1:], letter[:, None]), axis=1)
    return best_names


def _keep_best(best, names, scores, n_names, exclude):
    """The ``n_names`` best of the finished names so far and ``names``."""
    best_names, best_scores = best
    keep = np.array([name not in exclude for name in names], dtype=bool)
    candidates = best_names + [name for name, k in zip(names, keep) if k]
    merged = np.concatenate((best_scores, scores[keep]))
    order = np.argsort(-merged, kind="stable")[:n_names]
    return [candidates[i] for i in order], merged[order]


def _grow(total, bound, beam_width):
    """The beams of the next length: parents, letters and scores, best first.

    ``total`` holds each beam's score plus each next symbol's log-probability;
    extensions that cannot beat ``bound`` are dropped. ``None`` if none is left.
    """
    n_letters = total.shape[1] - 1
    grown = total[:, 1:].ravel()  # (B * n_letters,) letters are ids 1..
    alive = np.flatnonzero(grown > bound)  # the others cannot win
    if not alive.size:
        return None
    if alive.size > beam_width:
        alive = alive[np.argpartition(-grown[alive], beam_width - 1)[:beam_width]]
    alive = alive[np.argsort(-grown[alive], kind="stable")]
    parent, letter = np.divmod(alive, n_letters)
    return parent, letter + 1, grown[alive]
