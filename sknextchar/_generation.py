"""Generation of names from any next-symbol model, by sampling (beam search,
over the same callables, is :mod:`sknextchar._beam`).

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

from ._decoding import (
    DrawCache,
    check_continuable,
    count_names,
    deterministic_words,
    draw,
)
from ._limits import BYTES_PER_LETTER, PROBABILITY_COPIES
from ._row_keys import distinct_rows
from ._set_request import keep_new
from ._shortfall import (
    ExcludedDraws,
    ThinnedReach,
    bounds_idle,
    optimistic_reach,
    redrawn_names,
    shortfall_message,
)
from ._sizes import check_allocation, machine_memory
from ._training_record import MAX_FEW
from ._vocabulary import END_ID, decode_rows
from ._words import counted, one_or_many, or_list

__all__ = [
    "LENGTH_BOUNDS",
    "check_name_count",
    "check_prefix_continues",
    "check_reachable",
    "check_sample_memory",
    "draw_cache",
    "given_bounds",
    "largest_batch",
    "largest_round",
    "sample_ids",
    "sample_memory",
    "sample_names",
    "sample_new_names",
]

# A batch of sampled names for unique/exclude is at most this many times
# ``n_samples`` (plus a constant), which bounds memory and time per round.
MAX_BATCH_FACTOR = 16
# The acceptance rate assumed when sizing a batch never drops below this value.
MIN_ACCEPTANCE_RATE = 1.0 / 64
# Drawing stops, whatever max_rounds says, once this many names are drawn and
# none is accepted: the constraints (a pattern of digits for names of letters,
# say) most likely admit no name the model gives, and max_rounds=10**18 would
# otherwise keep drawing for ever. About a second of drawing for a small model.
NONE_ACCEPTED_LIMIT = 1_000_000
# check_reachable tests each name against novel and exclude only when the names
# within the bounds are at most this many (0.1 s for the 475,254 names of 1 to 4
# letters a-z against a record, 0.2 s against exclude), and only when the names
# left out could leave too few.
MAX_ENUMERATED = 1 << 20
# Bytes a name takes while it is drawn, beside its context and the letters of
# min_length (check_sample_memory, sample_memory). Peak RSS (/usr/bin/time -v)
# of `sknextchar sample -n 1000000 --temperature 3` on an MLP of a-z, context 3
# (its 19,683 contexts' probabilities cached): 121 MB more than `-n 1`, which
# 100 + 3 + 16 * 4 bytes a name (min_length 4) and the 17 MB of the
# probabilities (PROBABILITY_COPIES float32s each) put at 184 MB
# (tests/sampling/test_sample_memory_bounds.py).
NAME_BYTES = 100
# The length bounds of a request, each given (not None) or left to the data.
LENGTH_BOUNDS = ("min_length", "max_length")


def sample_ids(
    next_log_proba,
    *,
    prefix_ids,
    context,
    n_samples,
    n_symbols,
    controls,
    rng,
    cache=None,
):
    """Sample names as rows of ids, all names advancing together; none is cut.

    At each step the model runs once, on the distinct contexts of the unfinished
    names that no earlier step met (see :func:`draw_cache`); each name draws its
    next symbol from its context's distribution with one uniform number; the
    contexts shift left. A name ends when it draws the end marker. A name that
    has ``controls.max_length`` letters draws once more: if that draw is not the
    end marker, the name is discarded, not cut. So the names returned follow the
    step distribution conditioned on ending by ``max_length`` (rejection), and
    fewer than ``n_samples`` may come back.

    Memory grows with the letters drawn, not with ``controls.max_length``; a
    deterministic path (greedy, ``top_k=1``) that comes back to a context it
    has met from ``min_length`` on cycles forever, and is discarded at once.

    Parameters
    ----------
    next_log_proba : callable
        Next-symbol log-probabilities of integer contexts (see the module).
    prefix_ids : ndarray of int of shape (n_prefix,)
        The letters every name starts with, at most ``controls.max_length``.
    context : ndarray of int of shape (1, context_length)
        The context after the prefix.
    n_samples : int
        Number of names to draw.
    n_symbols : int
        The number of symbols, the end marker included.
    controls : SamplingControls
        Temperature, ``top_k``, ``top_p`` and length bounds.
    rng : numpy.random.Generator or numpy.random.RandomState
        The only source of randomness: one uniform number per unfinished name
        and step (none when ``controls.greedy``).
    cache : tuple of two DrawCache or None, default=None
        The distributions of the contexts met so far, from :func:`draw_cache`,
        used and filled: calls with the same ``next_log_proba`` and ``controls``
        (the rounds of one request) may share them. None: the call makes its
        own.

    Returns
    -------
    ids : ndarray of shape (n_ended, width)
        The names that ended, in the order they were drawn: each row holds a
        name's letters followed by zeros (end markers).

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
    [[1, 2], [1, 2]]
    >>> sample_ids(next_log_proba, prefix_ids=np.array([], dtype=np.uint8),
    ...            context=np.zeros((1, 1), dtype=np.uint8), n_samples=2,
    ...            n_symbols=3, controls=SamplingControls(max_length=1),
    ...            rng=np.random.default_rng(0)).shape  # "ab" cannot end by 1
    (0, 0)
    """
    n_prefix = len(prefix_ids)
    contexts = np.repeat(context, n_samples, axis=0)  # (n, L)
    rows = np.arange(n_samples)  # the unfinished names
    ended = np.zeros(n_samples, dtype=bool)
    # (going, letters) of each step: which of the names of the step before go
    # on, and their letters; a byte each, where their row numbers took 8.
    steps = []
    seen = set()  # deterministic decoding: the contexts met so far
    if cache is None:
        cache = draw_cache(n_symbols, context.shape[1], n_samples, controls)
    for length in range(n_prefix, controls.max_length + 1):
        # From min_length on, a step depends on the context alone: a
        # deterministic path that meets a context again cycles and never ends.
        if controls.deterministic and length >= controls.min_length:
            if _loops(contexts, seen):
                break
        chosen = _step_symbols(
            next_log_proba, contexts, length, controls, cache, rng, n_symbols
        )
        # A name whose every next symbol is ruled out (a count model without
        # smoothing, below min_length) draws n_symbols: a dead end, discarded.
        going = (chosen != END_ID) & (chosen < n_symbols)
        ended[rows[chosen == END_ID]] = True
        if length == controls.max_length or not going.any():
            break  # names still going at max_length are discarded
        rows, contexts = rows[going], contexts[going]
        chosen = chosen[going].astype(contexts.dtype)  # keeps the small dtype
        steps.append((going, chosen))
        contexts = _shifted(contexts, chosen)
    return _assemble(prefix_ids, steps, ended)


def _step_symbols(next_log_proba, contexts, length, controls, cache, rng, n_symbols):
    """The symbol each unfinished name draws at one step of :func:`sample_ids`
    (``n_symbols`` when every next symbol is ruled out): from the cache of
    names of its kind when there is one (:func:`_draw_cached`), else from one
    call of the model on the distinct ``contexts``."""
    if cache is not None:  # names too short to end have a cache of their own
        short_or_long = cache[1 if length >= controls.min_length else 0]
        return _draw_cached(
            next_log_proba, contexts, length, controls, short_or_long, rng
        )
    # Names that share a context share its distribution: the model (and the
    # controls) run once per distinct context, in one call.
    distinct, inverse = distinct_rows(contexts, n_symbols)  # (u, L), (m,)
    weights = controls.weights(next_log_proba(distinct), length)  # (u, V)
    if controls.greedy:  # n_symbols: every symbol ruled out, as draw says
        best = weights.argmax(axis=1)
        return np.where(weights.max(axis=1) > 0, best, n_symbols)[inverse]
    # one uniform in (0, 1] per unfinished name
    return draw(weights, 1.0 - rng.random(len(contexts)), inverse)


def _shifted(contexts, symbols):
    """The ``contexts`` (rows of ids) shifted left by one, each row ending
    with its symbol of ``symbols``: the context of the next step."""
    shifted = np.empty_like(contexts)
    shifted[:, :-1] = contexts[:, 1:]
    shifted[:, -1] = symbols
    return shifted


def draw_cache(n_symbols, context_length, n_samples, controls):
    """Caches of the contexts' draw distributions for :func:`sample_ids`, or None.

    A step's distribution depends on the context, and on whether the names
    may end yet (the end marker is masked below ``controls.min_length``): one
    :class:`~sknextchar._decoding.DrawCache` for names shorter than
    ``min_length``, one for the others. A context met before, at any step of
    that kind, is not given to the model again.

    Parameters
    ----------
    n_symbols : int
        The number of symbols, the end marker included.
    context_length : int
        The number of ids of a context.
    n_samples : int
        The number of names of a call.
    controls : SamplingControls
        The controls the cache's distributions are drawn with.

    Returns
    -------
    cache : tuple of two DrawCache, or None
        The caches for names shorter than ``min_length`` and for the others.
        None for greedy decoding (one context per step) and for context spaces
        too large for a table (:meth:`~sknextchar._decoding.DrawCache.fits`).

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> draw_cache(27, 3, 10_000, SamplingControls()) is not None
    True
    >>> draw_cache(27, 3, 10_000, SamplingControls(temperature=0)) is None
    True
    """
    if controls.greedy or not DrawCache.fits(n_symbols, context_length, n_samples):
        return None
    capacity = min(n_symbols**context_length, n_samples)  # reserved, not touched
    short = DrawCache(n_symbols, context_length, capacity)
    return short, DrawCache(n_symbols, context_length, capacity)


def _draw_cached(next_log_proba, contexts, length, controls, cache, rng):
    """One step's symbols, the model running on contexts no earlier step met.

    Within one cache, a step's distribution depends on the context alone.
    When the model's row of a context does not depend on the other rows of its
    call (true of the package's models), the names drawn are those of one call
    per step on the distinct contexts, bit for bit, for a fraction of the
    model's work: ``NameSampler.sample(10_000)`` with the default model (two
    rounds sharing their caches) asks it for 5,700 context rows instead of
    16,240.
    """
    keys = cache.keys(contexts)  # (m,)
    new = cache.unseen(keys)  # (u,) a row of each context not met yet
    if new.size:
        log_proba = next_log_proba(contexts[new])  # (u, V)
        cache.add(keys[new], controls.weights(log_proba, length))
    return cache.draw(keys, 1.0 - rng.random(len(contexts)))  # a uniform per name


def _loops(contexts, seen):
    """Whether a deterministic path's context was met before (then it cycles).

    Deterministic decoding sends every name down the same path, so the first
    context stands for all; ``seen`` collects them.
    """
    key = contexts[0].tobytes()
    if key in seen:
        return True
    seen.add(key)
    return False


def _assemble(prefix_ids, steps, ended):
    """The rows of the names that ended, from the letters of each step and
    which names of the step before went on."""
    kept = np.flatnonzero(ended)
    where = np.full(len(ended), -1, dtype=np.intp)  # each name's row, or -1
    where[kept] = np.arange(len(kept))
    width = len(prefix_ids) + len(steps)
    out = np.zeros((len(kept), width), dtype=prefix_ids.dtype)
    out[:, : len(prefix_ids)] = prefix_ids
    for column, (going, letters) in enumerate(steps, start=len(prefix_ids)):
        where = where[going]  # the rows of the names still going
        mine = where >= 0
        out[where[mine], column] = letters[mine]
    last = np.flatnonzero(out.any(axis=0))  # trim columns no kept name reaches
    return out[:, : last[-1] + 1] if len(last) else out[:, :0]


def sample_names(
    next_log_proba, *, prefix_ids, context, n_samples, vocabulary, controls, rng
):
    """Sample names, as strings (:func:`sample_ids` decoded): none is cut.

    Names that have not ended by ``controls.max_length`` are discarded, so
    fewer than ``n_samples`` names may come back (:func:`sample_new_names`
    draws more until there are enough).

    Parameters
    ----------
    next_log_proba : callable
        Next-symbol log-probabilities of integer contexts (see the module).
    prefix_ids : ndarray of int of shape (n_prefix,)
        The letters every name starts with.
    context : ndarray of int of shape (1, context_length)
        The context after the prefix.
    n_samples : int
        Number of names to draw.
    vocabulary : tuple of str
        The symbols in id order; ``vocabulary[0]`` is the end marker.
    controls : SamplingControls
        Temperature, ``top_k``, ``top_p`` and length bounds.
    rng : numpy.random.Generator or numpy.random.RandomState
        The only source of randomness.

    Returns
    -------
    names : list of str
        The names that ended, in the order they were generated.

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


def check_prefix_continues(next_log_proba, *, prefix, n_prefix, context, controls):
    """Fail when no name can go on after the prefix of a request.

    After a prefix where the model and the controls allow no symbol (a count
    model without smoothing below ``min_length``, or a prefix of
    ``max_length`` letters that the model never ends), every name drawn is
    discarded: no temperature or number of rounds helps. When no name was
    accepted, :func:`sample_new_names` asks this before its own message, so
    that the error says why (:func:`~sknextchar._decoding.check_continuable`);
    a request that succeeds costs no model call more.

    Parameters
    ----------
    next_log_proba : callable
        Next-symbol log-probabilities of integer contexts (see the module).
    prefix : str
        The prefix, as the caller gave it (for the message).
    n_prefix : int
        Its number of letters.
    context : ndarray of int of shape (1, context_length)
        The context after it.
    controls : SamplingControls
        The controls the names are drawn with.

    Raises
    ------
    ValueError
        If no symbol can follow the prefix.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._decoding import SamplingControls
    >>> def next_log_proba(contexts):  # a letter always, never the end
    ...     return np.log(np.tile([0.0, 1.0], (len(contexts), 1)))
    >>> check_prefix_continues(next_log_proba, prefix="aa", n_prefix=2,
    ...     context=np.ones((1, 1), np.uint8), controls=SamplingControls(max_length=3))
    >>> check_prefix_continues(next_log_proba, prefix="aaa", n_prefix=3,
    ...     context=np.ones((1, 1), np.uint8), controls=SamplingControls(max_length=3))
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.UnendingPrefixError: No name can continue prefix='aaa': ...
    """
    with np.errstate(divide="ignore"):
        proba = controls.next_symbol_proba(next_log_proba(context), [n_prefix])
    check_continuable(proba, [prefix], controls, what="prefix", lengths=[n_prefix])


def check_reachable(
    n_samples, *, n_letters, n_prefix, controls, left_out=None, prefix_ids=None,
    unique=True, given=LENGTH_BOUNDS,
):  # fmt: skip
    """Fail at once when more distinct names are asked for than can exist.

    The message names only the settings that bound the count: the one that
    makes decoding deterministic (``temperature=0`` or ``top_k=1``: one name
    per prefix), else the length bounds, and ``top_k`` and the prefix when
    they are given. With ``left_out`` (the training names of ``novel=True``,
    the names of ``exclude``), the names it leaves out do not count: when
    they could matter and the names within the bounds are at most
    :data:`MAX_ENUMERATED`, every one is tested. Without ``unique`` names may
    repeat, and the request fails only when ``left_out`` leaves out every name
    within the bounds (no setting of temperature, ``top_k`` or ``top_p`` can
    then give one).

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
    left_out : tuple of (callable, int, str) or None, default=None
        ``(test, at_most, words)``: ``test(ids)`` gives a bool per row of
        zero-padded letter ids, True for a name never returned; at most
        ``at_most`` names pass it; ``words`` say which they are, for the
        message (e.g. ``"training names (novel=True)"``).
    prefix_ids : ndarray of int of shape (n_prefix,) or None, default=None
        The prefix's letters, needed with ``left_out``.
    unique : bool, default=True
        Whether the names asked for must be distinct; False: one name that is
        not left out is enough.
    given : tuple of str, default=LENGTH_BOUNDS
        The length bounds the caller gave (:func:`given_bounds`); the message
        says the others are left at their defaults.

    Raises
    ------
    ValueError
        If fewer than ``n_samples`` distinct names (without ``unique``: no name)
        can be generated.

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

    Three of the 26 one-letter names are training names:

    >>> import numpy as np
    >>> known = lambda ids: np.isin(ids[:, 0], [1, 2, 3])
    >>> check_reachable(24, n_letters=26, n_prefix=0,
    ...                 controls=SamplingControls(max_length=1),
    ...                 left_out=(known, 3, "training names (novel=True)"),
    ...                 prefix_ids=np.array([], np.uint8))
    Traceback (most recent call last):
    ...
    ValueError: unique=True asks for 24 distinct names, but at most 23 new ones ...
    """
    if not unique:  # names may repeat: one name not left out is enough
        if left_out is not None:
            _check_new_reachable(
                1, prefix_ids, n_letters, controls, left_out, False, given
            )
        return
    if controls.deterministic:
        if n_samples > 1:
            raise ValueError(_deterministic_message(n_samples, controls))
        return
    # With top_k, not every name can come: at most top_k letters at each step.
    # The names left out are counted among all names (an upper bound then).
    n_steps = n_letters if controls.top_k is None else min(n_letters, controls.top_k)
    possible = count_names(
        n_steps, n_prefix, controls.min_length, controls.max_length, enough=n_samples
    )
    if n_samples > possible:
        limits = [_bounds_words(controls, given)]
        if controls.top_k is not None:
            limits.append(f"top_k={controls.top_k}")
        after = _after_prefix(n_prefix)
        raise ValueError(
            f"unique=True asks for {_names(n_samples, 'distinct ')}, but at most "
            f"{possible:,} can be generated with {', '.join(limits)} "
            f"({counted(n_steps, 'letter')} to choose from at each step{after}). "
            "Ask for fewer names or loosen those settings."
        )
    if left_out is not None:
        _check_new_reachable(
            n_samples, prefix_ids, n_letters, controls, left_out, given=given
        )


def check_name_count(n_names, n_letters, n_prefix, controls, given=LENGTH_BOUNDS):
    """Refuse, before any search, more names than the bounds let exist.

    ``most_likely`` returns distinct names of ``min_length`` to ``max_length``
    letters that start with the prefix, each letter one of the model's: there
    are at most that many (fewer when some have probability 0, or are left
    out). Without this check, ``most_likely(10**9)`` weighed every one of the
    12 million names of a small model's bounds before it failed.

    Parameters
    ----------
    n_names : int
        The number of names asked for.
    n_letters : int
        The number of letters of the model (its symbols but the end marker).
    n_prefix : int
        The number of letters of the prefix.
    controls : SamplingControls
        The length bounds, resolved.
    given : tuple of str, default=LENGTH_BOUNDS
        The length bounds the caller gave (:func:`given_bounds`).

    Raises
    ------
    ValueError
        If ``n_names`` is more than the names that exist within the bounds.

    Examples
    --------
    >>> from sknextchar._decoding import SamplingControls
    >>> check_name_count(6, 2, 0, SamplingControls(max_length=2))  # 2 + 4
    >>> check_name_count(7, 2, 0, SamplingControls(max_length=2))
    Traceback (most recent call last):
    ...
    ValueError: n_names=7 asks for more names than exist: at most 6 names of 1 ...
    """
    low, high = controls.min_length, controls.max_length
    possible = count_names(n_letters, n_prefix, low, high, enough=n_names)
    if n_names <= possible:
        return
    span = _span_words(low, high)
    after = _after_prefix(n_prefix)
    bounds = (
        "loosen the length bounds (min_length=..., max_length=...)"
        if low > max(1, n_prefix)
        else "allow longer names (max_length=...)"
    )
    raise ValueError(
        f"n_names={n_names} asks for more names than exist: at most "
        f"{_names(possible)} of {span} ({_bounds_words(controls, given)}) "
        f"can be written with the model's {n_letters:,} letters{after}. Ask "
        f"for fewer names, or {bounds}."
    )


def _check_new_reachable(
    n_samples,
    prefix_ids,
    n_letters,
    controls,
    left_out,
    unique=True,
    given=LENGTH_BOUNDS,
):
    """Fail when too few names are not left out (counted by enumerating every
    name, when they are few enough and it could matter); without ``unique``,
    when none is."""
    test, at_most, words = left_out
    low, high, n_prefix = controls.min_length, controls.max_length, len(prefix_ids)
    possible = count_names(n_letters, n_prefix, low, high, enough=MAX_ENUMERATED)
    if possible - at_most >= n_samples or possible > MAX_ENUMERATED:
        return
    names = _all_names(prefix_ids, n_letters, low, high)
    n_left = sum(int(np.count_nonzero(test(ids))) for ids in names)
    if possible - n_left >= n_samples:
        return
    after = _after_prefix(n_prefix)
    if unique:
        asked = (
            f"unique=True asks for {_names(n_samples, 'distinct ')}, but at most "
            f"{possible - n_left:,} new ones can be generated"
        )
    else:  # no temperature, top_k or top_p can help: every name is left out
        asked = "No name can be returned"
    raise ValueError(
        f"{asked}: {_names(possible)} {one_or_many(possible, 'exists', 'exist')} with "
        f"{_bounds_words(controls, given)}{after}, and {_all_of(n_left, possible)} "
        f"{one_or_many(n_left, 'is', 'are')} left out as {words}. To get "
        f"{'more' if unique else 'names'}, "
        f"{_new_names_levers(n_samples, n_prefix, words, possible - n_left)}."
    )


def given_bounds(sampler):
    """The length bounds ``sampler`` was given (not None): the others are
    left to the training names (:func:`~sknextchar._decoding.length_bounds`).

    Examples
    --------
    >>> from sknextchar import NameSampler
    >>> given_bounds(NameSampler(None, max_length=2))
    ('max_length',)
    """
    return tuple(
        bound for bound in LENGTH_BOUNDS if getattr(sampler, bound) is not None
    )


def _bounds_words(controls, given):
    """ "min_length=2, max_length=9"; the bounds not ``given`` are said to be
    left at their defaults, with the values those take ("max_length=2,
    min_length left at its default, 2"): the user gave no such setting."""
    shown = [f"{bound}={getattr(controls, bound)}" for bound in given]
    left = [bound for bound in LENGTH_BOUNDS if bound not in given]
    if left:
        default = one_or_many(len(left), "its default", "their defaults")
        values = " and ".join(str(getattr(controls, bound)) for bound in left)
        shown.append(f"{' and '.join(left)} left at {default}, {values}")
    return ", ".join(shown)


def _span_words(low, high):
    """ "2 letters", "3 to 9 letters": the lengths the bounds allow."""
    return counted(low, "letter") if low == high else f"{low:,} to {high:,} letters"


def _all_of(n_left, possible):
    """ "all 26 of them", "3 of them" or, of one name, "it" for a message."""
    if n_left == possible == 1:
        return "it"
    return f"{'all ' if n_left == possible else ''}{n_left:,} of them"


def _names(n, kind=""):
    """ "1 name" or "2,000 names" (``kind`` before "name")."""
    return counted(n, f"{kind}name")


def _new_names_levers(n_samples, n_prefix, words, n_new=1):
    """What else lets a request for new names be met: the settings that
    ``words`` (what is left out) and the prefix name (fewer names only when
    ``n_new``, the names not left out, is not 0)."""
    levers = ["ask for fewer names"] if n_samples > 1 and n_new else []
    levers.append("loosen the length bounds (min_length=..., max_length=...)")
    if n_prefix:
        levers.append("give a shorter prefix (prefix=...)")
    if "novel=True" in words:
        levers.append("sample without novel=True")
    if "exclude=" in words:
        levers.append("exclude fewer names (exclude=...)")
    return or_list(levers)


def _after_prefix(n_prefix):
    """ " after a prefix of N letters" for a message, or "" without a prefix."""
    return f" after a prefix of {counted(n_prefix, 'letter')}" if n_prefix else ""


def _all_names(prefix_ids, n_letters, min_length, max_length):
    """Every name of ``n_letters`` letters that extends ``prefix_ids`` within
    the bounds: rows of ids, one array per length."""
    n_prefix = len(prefix_ids)
    for length in range(max(min_length, n_prefix), max_length + 1):
        n_free = length - n_prefix
        codes = np.arange(n_letters**n_free)[:, None]  # (m, 1) each free part
        place = n_letters ** np.arange(n_free - 1, -1, -1)  # (n_free,)
        free = codes // place % n_letters + 1  # (m, n_free) letter ids
        prefix = np.broadcast_to(prefix_ids, (len(free), n_prefix))
        yield np.concatenate((prefix, free), axis=1).astype(np.intp)


def _deterministic_message(n_samples, controls):
    """Why deterministic decoding cannot give ``n_samples`` distinct names."""
    setting, how, change = deterministic_words(controls)
    return (
        f"unique=True asks for {_names(n_samples, 'distinct ')}, but at most 1 can "
        f"be generated at {setting}: sampling {how}, so there is one name per "
        f"prefix. Use {change}, or n_samples=1."
    )


def sample_new_names(
    sample, request, *, constraints=(), support=None, unit="char", matched=None,
    max_batch=None,
):  # fmt: skip
    """Draw batches of names until enough are accepted.

    Rejection sampling: each round draws a batch sized from the acceptance rate
    so far (at most ``MAX_BATCH_FACTOR * n_samples + 1024`` names). ``sample``
    may itself reject names (those that do not end by ``max_length``, that miss
    a pattern or that are training names) and return fewer than it drew; of
    the names it returns, those that pass the tests of ``request`` (``unique``
    and ``exclude``) are kept. The accepted names are those of plain sampling
    conditioned on passing every test, in the order they were drawn.

    Parameters
    ----------
    sample : callable
        ``sample(n)`` draws ``n`` names and returns those it accepts (a list of
        str, at most ``n``), e.g. :func:`sample_names` with every other
        argument bound.
    request : SetRequest
        What the names must be, taken together: their number, ``unique``,
        ``exclude``, ``max_rounds``, ``controls``...
        (:class:`~sknextchar._set_request.SetRequest`).
    constraints : sequence of str, default=()
        What ``sample`` itself rejects, in words, for the error message (e.g.
        ``"matching pattern='.*a'"``).
    support : RequestSupport or None, default=None
        Asked only when too few names were accepted, before the error
        (:class:`~sknextchar._request_support.RequestSupport`): when none was, its
        ``check_continues()`` raises its own error when no name can go on at
        all; its ``exhausted(...)`` tells when the model gives no name left to
        return, whatever the temperature and the rounds.
    unit : {"char", "grapheme"}, default="char"
        The model's symbols (``transformer.unit_``): the error message counts
        the length of a name drawn over and over in them, as ``min_length``
        does.
    matched : LengthTally or None, default=None
        What the thinning of ``match_lengths`` did
        (:class:`~sknextchar._length_match.LengthTally`): the error message
        offers sampling without it when it left out at least as many names
        as are missing (with ``unique``, distinct names never kept), and
        the rounds stop early on it; the repeats it left out itself count
        as names drawn over and over (:func:`~sknextchar._shortfall.redrawn_names`).
        Once the names are all accepted, it tells of the lengths that none
        of the names drawn in any round had
        (:meth:`~sknextchar._length_match.LengthTally.warn_unreturned`); not
        when the names fall short, which the error tells.
    max_batch : int or None, default=None
        The most names a round draws, when fewer than ``MAX_BATCH_FACTOR *
        n_samples + 1024`` (:func:`largest_batch`: the most that fit in
        memory); never below ``n_samples``, which the first round draws.
        None: no bound but that one.

    Returns
    -------
    names : list of str
        ``n_samples`` names, in the order they were drawn; with ``emit``, an
        empty list (every name went to ``emit``).

    Raises
    ------
    ValueError
        If ``max_rounds`` batches do not give ``n_samples`` names; the message
        gives the acceptance rate and what to loosen.

    Examples
    --------
    >>> import itertools
    >>> from sknextchar._decoding import SamplingControls
    >>> from sknextchar._set_request import SetRequest
    >>> stream = itertools.cycle(["ab", "ba", "ab", "b"])
    >>> def sample(n):
    ...     return [next(stream) for _ in range(n)]
    >>> request = SetRequest(2, unique=True, exclude={"ab"}, max_rounds=3,
    ...                      controls=SamplingControls())
    >>> sample_new_names(sample, request)
    ['ba', 'b']
    """
    # All the names, or each round's for emit: held back while the warning
    # on the lengths the names lack may still come, so that it comes first.
    hold = matched and (lambda: matched.may_warn(request.n_samples))
    rounds = _Rounds(_Accepted(request.emit, hold))
    if _draw_rounds(sample, request, rounds, matched, max_batch):
        return _all_accepted(rounds.accepted, matched, request.controls)
    raise _shortfall_error(rounds, request, constraints, support, unit, matched)


class _Rounds:
    """What the rounds of :func:`sample_new_names` drew: the names
    ``accepted`` (an :class:`_Accepted`), the set of them ``seen`` (by
    ``unique``), the names ``excluded`` (an ExcludedDraws), the names
    ``drawn``, the ``repeats`` left out, the names drawn since the last new
    one (``quiet``), and why drawing ``stopped`` early (None: it did not)."""

    def __init__(self, accepted):
        self.accepted, self.seen, self.excluded = accepted, set(), ExcludedDraws()
        self.drawn, self.repeats, self.quiet, self.stopped = 0, 0, 0, None


def _draw_rounds(sample, request, rounds, matched, max_batch):
    """Draw the rounds of :func:`sample_new_names` into ``rounds`` (a
    :class:`_Rounds`) until ``request`` (a SetRequest) is met (True) or
    drawing stops (False: too few names)."""
    n_samples, accepted, pilot = request.n_samples, rounds.accepted, request.pilot
    batch_cap = _batch_cap(n_samples, max_batch, pilot)
    # The most the rounds left can give; thinned, from the names offered.
    bound = (
        (matched and ThinnedReach(matched, request.unique))
        if pilot
        else optimistic_reach
    )
    for rounds_left in range(request.max_rounds - 1, -1, -1):
        missing = n_samples - len(accepted)
        size = _round_size(missing, len(accepted), rounds.drawn, batch_cap, pilot)
        batch = sample(size)
        rounds.drawn += size
        rounds.repeats += _accept_round(batch, rounds, request)
        del batch  # not kept while the next round draws (with emit, printed)
        new = len(accepted) + missing > n_samples
        rounds.quiet = 0 if new else rounds.quiet + size  # names drawn, none new
        if len(accepted) == n_samples:
            return True
        if request.controls.deterministic:  # every further batch, the same name
            return False
        if not accepted and rounds.drawn >= NONE_ACCEPTED_LIMIT:  # hopeless, stop
            return False
        # The rate so far shows the rounds left cannot give the names missing.
        more = rounds_left * batch_cap
        reach = bound and bound(len(accepted), rounds.drawn, more)
        if bound and rounds_left and reach < n_samples - len(accepted):
            rounds.stopped = (rounds_left, more, reach, *getattr(bound, "words", ()))
            return False
    return False


def _shortfall_error(rounds, request, constraints, support, unit, matched):
    """The ValueError of :func:`sample_new_names` when ``rounds`` (a
    :class:`_Rounds`) fell short of ``request``, after the names accepted
    (with ``emit``) and any error of ``support`` of its own."""
    accepted, n_samples = rounds.accepted, request.n_samples
    accepted.flush()  # the names accepted come before the error that counts them
    if not accepted and support is not None:
        support.check_continues()  # no name can go on at all: say why
    hopeless = not accepted and rounds.drawn >= NONE_ACCEPTED_LIMIT
    words = list(constraints)  # as they are: listing the names adds to them
    exhausted = support and support.exhausted(
        rounds.seen, request.unique, request.exclude
    )
    thinned = matched is not None and matched.thinned >= n_samples - len(accepted)
    taken = accepted.listed(rounds.seen)  # in order, when few enough to name
    redrawn = request.unique and redrawn_names(
        rounds.repeats, rounds.drawn, taken, rounds.quiet, n_samples, matched
    )
    idle = request.unique and bounds_idle(
        rounds.repeats, rounds.drawn, len(accepted), matched
    )
    return ValueError(shortfall_message(
        len(accepted), n_samples, rounds.drawn, request.unique, request.exclude,
        request.controls, words, hopeless=hopeless, novel=request.novel,
        pattern=request.pattern, excluded=rounds.excluded,
        stopped=None if hopeless else rounds.stopped, exhausted=exhausted,
        limit=NONE_ACCEPTED_LIMIT, unit=unit, matched=thinned, redrawn=redrawn,
        bounds_idle=idle, n_repeats=rounds.repeats,
    ))  # fmt: skip


def _round_size(missing, n_accepted, drawn, batch_cap, pilot):
    """The names a round draws for the ``missing`` ones, at the acceptance
    rate so far (``n_accepted`` of ``drawn``), 10% and 8 more after the first
    round (which assumes no rejection, and draws at least ``pilot``)."""
    rate = max(n_accepted / drawn, MIN_ACCEPTANCE_RATE) if drawn else 1.0
    margin = 1.1 if drawn else 1.0  # the first round assumes no rejection
    size = min(math.ceil(missing / rate * margin) + (8 if drawn else 0), batch_cap)
    return size if drawn else max(size, pilot)


def _batch_cap(n_samples, max_batch, pilot):
    """The most names a round of :func:`sample_new_names` draws: at most
    :func:`largest_round`, and ``max_batch`` (what fits in memory) unless the
    first round itself draws more."""
    cap = largest_round(n_samples)
    return cap if max_batch is None else min(cap, max(max_batch, n_samples, pilot))


def largest_round(n_samples):
    """The most names a round of :func:`sample_new_names` may draw for
    ``n_samples`` names, memory aside: ``MAX_BATCH_FACTOR * n_samples + 1024``.

    Examples
    --------
    >>> largest_round(100)
    2624
    """
    return MAX_BATCH_FACTOR * n_samples + 1024


def _all_accepted(accepted, matched, controls):
    """The names, all accepted; ``matched``, a
    :class:`~sknextchar._length_match.LengthTally` or None, first tells of
    the lengths they lack."""
    if matched is not None:
        matched.warn_unreturned(len(accepted), controls)
    accepted.flush()  # after the warning: a terminal shows it above the names
    return accepted.names


def _accept_round(batch, rounds, request):
    """Accept into ``rounds`` (a :class:`_Rounds`) the names of a round's
    ``batch`` that pass the tests of ``request`` (a :class:`SetRequest`; all,
    up to ``n_samples``, when it has none: then ``unique`` is False) and end
    the round; the number of repeats left out."""
    repeats, accepted = 0, rounds.accepted
    if request.tests_names:
        repeats = keep_new(batch, accepted, rounds.seen, request, rounds.excluded)
    else:
        accepted.extend(batch[: request.n_samples - len(accepted)])
    if len(accepted) < request.n_samples:  # the last round's: after any warning
        accepted.round_ended()
    return repeats


class _Accepted:
    """The names :func:`sample_new_names` accepted: all of them in ``names``,
    or, with ``emit``, those of each round handed to ``emit(names)`` when the
    round ends (:meth:`round_ended`) and then dropped; ``len`` counts them all.
    While ``hold()`` is true, the rounds' names wait for the next round's end
    or for :meth:`flush`.

    Examples
    --------
    >>> shown = []
    >>> accepted = _Accepted(shown.append)
    >>> accepted.extend(["ab", "ba"]); accepted.round_ended()
    >>> len(accepted), accepted.names, shown
    (2, [], [['ab', 'ba']])
    >>> held = _Accepted(shown.append, hold=lambda: True)
    >>> held.extend(["c"]); held.round_ended(); shown[1:]
    []
    >>> held.flush(); shown[1:]
    [['c']]
    """

    def __init__(self, emit=None, hold=None):
        self.names, self.emit, self.count, self.hold = [], emit, 0, hold
        self.first = []  # the first few, in order, for a message

    def __len__(self):
        return self.count

    def extend(self, names):
        """Accept ``names`` (a list), after those accepted before."""
        self.names.extend(names)
        self.count += len(names)
        self.first += names[: MAX_FEW + 1 - len(self.first)]

    def round_ended(self):
        """With ``emit``: hand it the names of the round that ended (and of
        those held back), drop them; unless ``hold()``."""
        if self.emit is not None and not (self.hold and self.hold()):
            self.flush()

    def flush(self):
        """With ``emit``: hand it the names not handed yet, drop them."""
        if self.emit is not None and self.names:
            names, self.names = self.names, []
            self.emit(names)

    def listed(self, seen):
        """Every name accepted, for a message that names them when they are
        at most ``MAX_FEW``, in order (else counts them): without ``emit``,
        those kept; with it, the first few, or ``seen``, the set of them all
        that ``unique`` keeps."""
        if self.emit is None:
            return self.names
        return self.first if self.count <= MAX_FEW else list(seen)


def check_sample_memory(
    n_samples, context_length, min_length=1, *, n_symbols, itemsize=8
):
    """Refuse, up front, a number of names that cannot fit in memory.

    Generation holds, per name drawn, its context, its row number, a uniform
    number, its letters and the finished string: about :data:`NAME_BYTES`
    ``+ context_length`` bytes, and
    :data:`~sknextchar._limits.BYTES_PER_LETTER` per letter (as measured), at
    least ``min_length`` of them (:func:`sample_memory`). Each step also holds the
    probabilities of every symbol for each distinct context of the names drawn
    together (all ``n_samples`` of them at first):
    :data:`~sknextchar._limits.PROBABILITY_COPIES` floats of ``itemsize``
    bytes per symbol and context, for at most ``n_samples`` contexts and no
    more than there are. A model of
    a few thousand characters (Chinese names) needs far more per name than
    one of 26 letters. A request that needs more than the machine's physical
    memory is refused before anything is allocated
    (:func:`sknextchar._sizes.check_allocation`). The estimate is 1.1 to 1.9
    times the peak measured with near-uniform draws (every context distinct)
    on models of a-z; the model's own draws, which repeat contexts, take less.

    Parameters
    ----------
    n_samples : int
        The number of names asked for.
    context_length : int
        The model's context length.
    min_length : int, default=1
        The fewest letters of a name.
    n_symbols : int
        The model's number of symbols, the end marker included.
    itemsize : int, default=8
        The bytes of a float of the model's probabilities (8 for float64).

    Raises
    ------
    ValueError
        If ``n_samples`` names need more memory than the machine has.

    Examples
    --------
    >>> check_sample_memory(10_000, 3, n_symbols=27)
    >>> check_sample_memory(10**15, 3, n_symbols=27)
    Traceback (most recent call last):
    ...
    ValueError: n_samples=1000000000000000 makes the names being generated need ...
    >>> check_sample_memory(10**8, 3, min_length=1000, n_symbols=27)
    Traceback (most recent call last):
    ...
    ValueError: n_samples=100000000, min_length=1000 makes the names being ...
    """
    names, probabilities = sample_memory(
        n_samples, context_length, min_length, n_symbols=n_symbols, itemsize=itemsize
    )
    parameters = {"n_samples": n_samples}
    if BYTES_PER_LETTER * min_length > NAME_BYTES + context_length:  # long names
        parameters["min_length"] = min_length  # lowering it is the fix too
    what = "the names being generated"
    if probabilities > names:
        what += f" (with the probabilities of {n_symbols:,} symbols for each)"
    check_allocation(1, names + probabilities, what=what, parameters=parameters)


def sample_memory(n_samples, context_length, min_length=1, *, n_symbols, itemsize=8):
    """The bytes ``n_samples`` names take while they are drawn together.

    Per name, :data:`NAME_BYTES` plus ``context_length`` and
    :data:`~sknextchar._limits.BYTES_PER_LETTER` per letter of
    ``min_length``; per distinct context of a step (at most one per name, and
    no more than there are), :data:`~sknextchar._limits.PROBABILITY_COPIES`
    floats of ``itemsize`` bytes per symbol (see :func:`check_sample_memory`).

    Returns
    -------
    names, probabilities : int
        The bytes of the names, and of the probabilities of their contexts.

    Examples
    --------
    >>> sample_memory(1000, 3, n_symbols=27)  # 27**3 contexts: more than names
    (119000, 1728000)
    >>> sample_memory(1000, 3, n_symbols=27, itemsize=4)  # float32 (an MLP)
    (119000, 864000)
    """
    names = n_samples * (NAME_BYTES + context_length + BYTES_PER_LETTER * min_length)
    contexts = min(n_samples, n_symbols**context_length)
    return names, contexts * n_symbols * PROBABILITY_COPIES * itemsize


def largest_batch(context_length, min_length=1, *, n_symbols, itemsize=8, memory=None):
    """The most names one round of sampling may draw together in ``memory``
    bytes (None: what this process may use,
    :func:`~sknextchar._sizes.machine_memory`), by :func:`sample_memory`.

    :func:`sample_new_names` draws at most this many names a round, so that
    a round sized up from a low acceptance rate (``unique``, ``exclude``,
    ``novel``) holds no more than ``memory`` (``NameSampler.sample`` gives the
    memory available when it starts drawing, less the names it keeps:
    :func:`~sknextchar._sample_request.round_bound`); a round that fits draws
    the names it drew before.

    Examples
    --------
    >>> largest_batch(3, n_symbols=27, memory=10**9)
    8117544
    >>> sum(sample_memory(8117544, 3, n_symbols=27)) <= 10**9
    True
    >>> sum(sample_memory(8117545, 3, n_symbols=27)) <= 10**9
    False
    """
    memory = machine_memory() if memory is None else memory
    size = {"n_symbols": n_symbols, "itemsize": itemsize}
    per_name = sum(sample_memory(1, context_length, min_length, **size))
    every_context = n_symbols**context_length
    if memory // per_name <= every_context:  # a context per name
        return max(memory // per_name, 0)
    names, probabilities = sample_memory(
        every_context, context_length, min_length, **size
    )
    return max((memory - probabilities) // (names // every_context), 0)
