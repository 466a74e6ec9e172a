"""Decoding math: pure functions on arrays of next-symbol log-probabilities.

What a sampler does with one step's log-probabilities, apart from asking the model
for them: temperature, ``top_k``, ``top_p`` and the length bounds reshape the
distribution (:func:`sampling_weights`, :class:`SamplingControls`); an inverse-CDF
draw picks one symbol per name (:func:`draw`); names that share a context share
its row (:func:`~sknextchar._row_keys.distinct_rows`). No estimator, no pipeline,
no strings: arrays in, arrays out. :mod:`sknextchar._generation` runs these steps
in a loop.
"""

from dataclasses import dataclass

import numpy as np
from scipy.special import log_softmax

from ._dead_ends import DeadEndError, UnendingPrefixError
from ._row_keys import ngram_keys
from ._temperature_checks import as_float
from ._vocabulary import END_ID

__all__ = [
    "DEFAULT_LENGTH_RANGE",
    "GREEDY_BELOW",
    "DrawCache",
    "SamplingControls",
    "check_continuable",
    "is_greedy",
    "count_names",
    "deterministic_words",
    "draw",
    "length_bounds",
    "sampling_weights",
    "tempered_log_proba",
]

#: The shortest and longest name of a sampler that saw no training names.
DEFAULT_LENGTH_RANGE = (1, 20)


#: Temperatures below the smallest normal float64 (about 2.2e-308) are greedy:
#: ``1 / temperature`` would overflow, and the tempered distribution is one-hot
#: at the most probable symbol anyway (up to ties).
GREEDY_BELOW = float(np.finfo(np.float64).tiny)


def is_greedy(temperature):
    """Whether a temperature means greedy decoding (argmax, ties to the lower id).

    ``0``, and any temperature below :data:`GREEDY_BELOW` (too small to divide
    by), is greedy.

    Parameters
    ----------
    temperature : float
        A temperature in ``[0, inf]``.

    Returns
    -------
    greedy : bool

    Examples
    --------
    >>> is_greedy(0), is_greedy(1e-310), is_greedy(1e-300), is_greedy(1.0)
    (True, True, False, False)
    """
    return temperature < GREEDY_BELOW


def deterministic_words(controls):
    """What makes decoding deterministic, in words for a message: the setting,
    what sampling then does, and what to use instead.

    Parameters
    ----------
    controls : SamplingControls
        Deterministic controls (a greedy temperature, or ``top_k=1``).

    Returns
    -------
    setting, how, change : str

    Examples
    --------
    >>> deterministic_words(SamplingControls(top_k=1))[0]
    'top_k=1'
    """
    if is_greedy(controls.temperature):
        return (
            f"temperature={controls.temperature:g}",
            "always takes the most probable next letter",
            "a temperature above 0 (e.g. temperature=1.0)",
        )
    return (
        "top_k=1",
        "keeps only the most probable next letter",
        "a top_k above 1 (or no top_k)",
    )


def tempered_log_proba(log_proba, temperature):
    """Row-wise ``log softmax(log_proba / temperature)``, computed stably.

    Parameters
    ----------
    log_proba : ndarray of shape (n, n_symbols)
        Log-probabilities (or logits); ``-inf`` marks impossible symbols.
    temperature : float
        ``0`` (or below :data:`GREEDY_BELOW`) gives the greedy one-hot
        distribution (ties go to the lower id), ``inf`` the uniform distribution
        over the symbols that are not ``-inf``.

    Returns
    -------
    log_proba : ndarray of shape (n, n_symbols), float64
        Each row's exponential sums to 1.

    Examples
    --------
    >>> import numpy as np
    >>> lp = np.log([[0.5, 0.25, 0.25]])
    >>> np.exp(tempered_log_proba(lp, 1.0)).round(3).tolist()
    [[0.5, 0.25, 0.25]]
    >>> np.exp(tempered_log_proba(lp, 0.5)).round(3).tolist()
    [[0.667, 0.167, 0.167]]
    >>> np.exp(tempered_log_proba(lp, 0.0)).tolist()
    [[1.0, 0.0, 0.0]]
    >>> np.exp(tempered_log_proba(lp, np.inf)).round(3).tolist()
    [[0.333, 0.333, 0.333]]
    """
    z = np.array(log_proba, dtype=np.float64)  # (n, V), a copy we may change
    temperature = as_float(temperature)  # an int such as 10**30: NumPy's float
    if is_greedy(temperature):
        out = np.full_like(z, -np.inf)
        np.put_along_axis(out, np.argmax(z, axis=1)[:, None], 0.0, axis=1)
        return out
    if np.isinf(temperature):
        z[np.isfinite(z)] = 0.0
    else:  # shift first: (z - max) / T is finite or -inf, never NaN
        z -= z.max(axis=1, keepdims=True)
        z /= temperature
    return log_softmax(z, axis=1)


def sampling_weights(
    log_proba, *, temperature=1.0, top_k=None, top_p=None, end_allowed=True
):
    """The distribution a sampler draws the next symbol from, unnormalised.

    The controls apply in this order: the end marker is removed where it is not
    allowed (names shorter than ``min_length``); ``top_k`` keeps the ``k`` most
    probable remaining symbols; the temperature rescales the log-probabilities;
    ``top_p`` keeps the smallest set of the most probable symbols whose tempered
    probability reaches ``p`` (nucleus sampling). Symbols are ranked by the
    model's own probabilities, ties going to the lower id, so ``top_k`` and
    ``top_p`` still select the model's favourites at ``temperature=inf``.

    Parameters
    ----------
    log_proba : ndarray of shape (n, n_symbols)
        The model's log-probabilities.
    temperature : float, default=1.0
        ``0`` (or below :data:`GREEDY_BELOW`) is greedy (a one-hot row at the
        most probable allowed symbol); ``inf`` is uniform over the allowed
        symbols.
    top_k : int or None, default=None
        Keep only the ``top_k`` most probable allowed symbols.
    top_p : float in (0, 1] or None, default=None
        Nucleus sampling threshold.
    end_allowed : bool or ndarray of bool of shape (n,), default=True
        Where False, the end marker (id 0) gets weight 0.

    Returns
    -------
    weights : ndarray of shape (n, n_symbols), float64
        Non-negative; the largest weight of each row is 1. Divide by the row sum
        for probabilities.

    Examples
    --------
    >>> import numpy as np
    >>> lp = np.log([[0.1, 0.6, 0.3]])
    >>> sampling_weights(lp, end_allowed=False).round(3).tolist()
    [[0.0, 1.0, 0.5]]
    >>> sampling_weights(lp, top_p=0.7).round(3).tolist()
    [[0.0, 1.0, 0.5]]
    >>> sampling_weights(lp, top_k=1).tolist()
    [[0.0, 1.0, 0.0]]
    """
    z = np.array(log_proba, dtype=np.float64)  # (n, V), a copy we may change
    temperature = as_float(temperature)  # an int such as 10**30: NumPy's float
    n_symbols = z.shape[1]
    end_allowed = np.asarray(end_allowed, dtype=bool)
    if end_allowed.ndim:
        z[~end_allowed, END_ID] = -np.inf
    elif not end_allowed:
        z[:, END_ID] = -np.inf
    if is_greedy(temperature):
        weights = np.zeros_like(z)
        np.put_along_axis(weights, np.argmax(z, axis=1)[:, None], 1.0, axis=1)
        weights[np.isneginf(z).all(axis=1)] = 0.0  # every symbol ruled out
        return weights
    cut_k = top_k is not None and top_k < n_symbols
    cut_p = top_p is not None and top_p < 1
    if cut_k or cut_p:
        order = np.argsort(-z, axis=1, kind="stable")  # (n, V) most probable first
    if cut_k:
        np.put_along_axis(z, order[:, top_k:], -np.inf, axis=1)
    top = z.max(axis=1, keepdims=True)
    top[np.isneginf(top)] = 0.0  # a row with every symbol ruled out: weights 0
    z -= top  # then z / T is finite or -inf, never NaN
    if np.isinf(temperature):
        z[np.isfinite(z)] = 0.0
    elif temperature != 1:
        z /= temperature
    weights = np.exp(z)  # (n, V), max 1 per row
    if cut_p:
        _keep_nucleus(weights, order, top_p)
    return weights


def _keep_nucleus(weights, order, top_p):
    """Zero, in place, the weights outside each row's ``top_p`` nucleus."""
    ranked = np.take_along_axis(weights, order, axis=1)  # (n, V) descending
    mass = np.cumsum(ranked, axis=1)
    before = mass - ranked  # the mass of the more probable symbols
    # Keep a symbol while the more probable ones have not reached top_p yet:
    # this is the smallest set whose probability reaches top_p.
    ranked[before >= top_p * mass[:, -1:]] = 0.0
    np.put_along_axis(weights, order, ranked, axis=1)


def draw(weights, uniform, rows=None):
    """Inverse-CDF draw of one symbol per row of unnormalised ``weights``.

    Parameters
    ----------
    weights : ndarray of shape (n_distributions, n_symbols)
        Non-negative.
    uniform : ndarray of shape (n,)
        Uniform numbers in ``(0, 1]``; a zero-weight symbol is never drawn.
    rows : ndarray of int of shape (n,) or None, default=None
        Which distribution each draw uses (``None``: draw ``i`` uses row ``i``),
        so that many names sharing a context share one row of ``weights``.

    Returns
    -------
    ids : ndarray of shape (n,), intp
        The first symbol whose cumulative probability reaches ``uniform``;
        ``n_symbols`` (no symbol) for a row whose weights are all 0.

    Examples
    --------
    >>> import numpy as np
    >>> draw(np.array([[0.0, 1.0, 3.0]]), np.array([0.25])).tolist()
    [1]
    >>> draw(np.array([[0.0, 1.0, 3.0]]), np.array([0.25, 0.26]), rows=[0, 0]).tolist()
    [1, 2]
    """
    weights = np.asarray(weights)
    cdf = np.empty((len(weights), _search_width(weights.shape[1])))
    _cdf_into(weights, cdf)
    rows = np.arange(len(uniform)) if rows is None else np.asarray(rows, np.intp)
    return _count_below(cdf.ravel(), cdf.shape[1], rows * cdf.shape[1], uniform)


def _search_width(n_symbols):
    """The row width of a padded CDF: a power of two, at least 2."""
    return max(2, 1 << (n_symbols - 1).bit_length())


def _cdf_into(weights, out):
    """Write each row's cumulative weights, scaled to end at exactly 1, into ``out``.

    ``out`` is wider than ``weights``: its extra columns get 2, above every
    uniform number, so a search over the whole padded row never counts them.
    """
    n_symbols = weights.shape[1]
    cdf = out[:, :n_symbols]
    np.cumsum(weights, axis=1, out=cdf)
    total = cdf[:, -1:].copy()
    total[total <= 0] = 1.0  # a row of zero weights stays 0: it draws n_symbols
    cdf /= total  # the last column is exactly 1
    out[:, n_symbols:] = 2.0


def _count_below(flat, width, base, uniform):
    """How many entries of each draw's CDF row are below its uniform number.

    ``flat`` holds CDF rows of ``width`` entries (a power of two, padded by
    :func:`_cdf_into`), ``base`` the offset of each draw's row. A CDF does not
    decrease, so the count is the first symbol whose CDF reaches ``u``: the
    symbol ``argmax(cdf >= u)`` draws. A zero-weight symbol repeats the CDF value
    before it (0 for the first symbol), which is below ``u > 0``, so it is never
    the one. Found by a binary search, ``log2(width)`` gathers of one entry per
    draw, where comparing whole rows reads ``width`` entries per draw (3x
    slower for 10,000 draws over 27 symbols).
    """
    step = width // 2
    index = base + (step - 1)  # (n,) the entry each draw compares first
    while True:
        below = np.take(flat, index) < uniform  # (n,)
        if step == 1:
            return index - base + below
        step //= 2
        index += below * (2 * step) - step  # right or left by half the span


class DrawCache:
    """The draw distributions of the contexts met so far, kept by context.

    Once a name may end, a sampling step's distribution depends on the context
    alone, so a context met at an earlier step (by any name) does not need the
    model again: a sampler asks the model for the contexts this cache has not
    seen (:meth:`unseen`), stores their weights (:meth:`add`) and draws every
    name from the stored rows (:meth:`draw`). The draws are those of
    :func:`draw` on the same weights, bit for bit. The cache is a table over
    every possible context, so it is for context spaces that are not much
    larger than the number of names (:meth:`fits`).

    Parameters
    ----------
    n_symbols : int
        The number of symbols.
    context_length : int
        The number of ids of a context.
    capacity : int, default=64
        The contexts it has room for before it grows (by doubling, a copy each
        time); memory is reserved, and only touched as contexts are stored.

    Examples
    --------
    >>> import numpy as np
    >>> cache = DrawCache(n_symbols=3, context_length=1)
    >>> keys = cache.keys(np.array([[1], [2], [1]], dtype=np.uint8))
    >>> new = cache.unseen(keys)  # one row of each context not stored yet
    >>> sorted(keys[new].tolist())
    [1, 2]
    >>> weights = {1: [0.0, 1.0, 3.0], 2: [1.0, 0.0, 0.0]}  # of contexts 1 and 2
    >>> cache.add(keys[new], np.array([weights[k] for k in keys[new]]))
    >>> cache.unseen(keys).tolist()
    []
    >>> cache.draw(keys, np.array([0.25, 0.5, 0.26])).tolist()
    [1, 0, 2]
    """

    def __init__(self, n_symbols, context_length, capacity=64):
        self.n_symbols = n_symbols
        self._slot = np.full(n_symbols**context_length, -1, dtype=np.int32)
        self._width = _search_width(n_symbols)
        self._cdf = np.empty((max(capacity, 1), self._width))  # grown when full
        self._count = 0

    @staticmethod
    def fits(n_symbols, context_length, n_names):
        """Whether a cache over every context is small for ``n_names`` names.

        At most ``n_names / 2 + 65536`` contexts: a cache's table takes 4
        bytes a context, and its distributions (stored only for the contexts
        met, 256 bytes each with 27 symbols) at most 128 bytes a name beyond
        16 MiB, even when every context is met.
        """
        return n_symbols**context_length <= n_names // 2 + 65536

    def keys(self, contexts):
        """The keys of contexts (:func:`~sknextchar._row_keys.ngram_keys`)."""
        return ngram_keys(contexts, None, self.n_symbols)

    def unseen(self, keys):
        """The index of one key of each context not stored yet (in no set order)."""
        new = np.flatnonzero(self._slot[keys] < 0)  # (m,) positions of new contexts
        if new.size:  # one position per key, without sorting: write each key's
            candidates = keys[new]  # positions into its free slot, keep those whose
            self._slot[candidates] = new  # write stayed (one per key), clear again
            new = new[self._slot[candidates] == new]
            self._slot[candidates] = -1
        return new

    def add(self, keys, weights):
        """Store the draw distributions of new contexts.

        Parameters
        ----------
        keys : ndarray of int64 of shape (m,)
            Distinct keys, none stored yet.
        weights : ndarray of shape (m, n_symbols)
            Their unnormalised weights (as :func:`draw` takes them).
        """
        start, stop = self._count, self._count + len(keys)
        if stop > len(self._cdf):  # grow by doubling: a copy per doubling
            grown = np.empty((max(2 * len(self._cdf), stop), self._width))
            grown[:start] = self._cdf[:start]
            self._cdf = grown
        _cdf_into(np.asarray(weights), self._cdf[start:stop])
        self._slot[keys] = np.arange(start, stop)
        self._count = stop

    def draw(self, keys, uniform):
        """One symbol per key, as :func:`draw` with that context's weights.

        Parameters
        ----------
        keys : ndarray of int64 of shape (n,)
            Stored keys.
        uniform : ndarray of shape (n,)
            Uniform numbers in ``(0, 1]``.

        Returns
        -------
        ids : ndarray of shape (n,), intp
        """
        base = np.multiply(self._slot[keys], self._width, dtype=np.intp)  # (n,)
        return _count_below(self._cdf.ravel(), self._width, base, uniform)


def count_names(n_letters, prefix_length, min_length, max_length, enough):
    """How many letter strings extend a prefix within the length bounds.

    Counting stops once the count exceeds ``enough`` (the terms grow fast).

    Parameters
    ----------
    n_letters : int
        The number of letters (the symbols except the end marker).
    prefix_length : int
        The number of letters already fixed.
    min_length, max_length : int
        The length bounds of a whole name.
    enough : int
        Stop counting above this number.

    Returns
    -------
    count : int
        The number of names, or a number above ``enough``.

    Examples
    --------
    >>> count_names(2, 0, 1, 3, enough=100)  # 2 + 4 + 8
    14
    >>> count_names(26, 1, 1, 20, enough=1000) > 1000
    True
    """
    count = 0
    for length in range(max(min_length, prefix_length), max_length + 1):
        count += n_letters ** (length - prefix_length)
        if count > enough:
            break
    return count


def length_bounds(min_length, max_length, seen=None):
    """The length bounds a sampler uses: the given ones, else the training names'.

    A bound left to the data never crosses a given one: ``min_length=None``
    means the shortest training name, or ``max_length`` if that is shorter, and
    ``max_length=None`` the longest, or ``min_length`` if that is longer.

    Parameters
    ----------
    min_length, max_length : int or None
        The sampler's parameters.
    seen : tuple of (int, int) or None, default=None
        The shortest and longest training name; None (no names seen) means
        :data:`DEFAULT_LENGTH_RANGE`.

    Returns
    -------
    min_length, max_length : int

    Raises
    ------
    ValueError
        If both bounds are given and ``max_length < min_length``.

    Examples
    --------
    >>> length_bounds(None, None, (4, 10)), length_bounds(12, None, (4, 10))
    ((4, 10), (12, 12))
    >>> length_bounds(None, 3, (4, 10)), length_bounds(None, None)
    ((3, 3), (1, 20))
    """
    seen = seen or DEFAULT_LENGTH_RANGE
    low = min(seen[0], max_length or seen[0]) if min_length is None else min_length
    high = max(seen[1], low) if max_length is None else max_length
    if high < low:
        raise ValueError(f"max_length={high} must be >= min_length={low}.")
    return low, high


@dataclass(frozen=True)
class SamplingControls:
    """The decoding controls of one sampler: temperature, top-k/p, lengths.

    Parameters
    ----------
    temperature : float, default=1.0
        ``0`` is greedy, ``inf`` uniform over the allowed symbols.
    top_k : int or None, default=None
        Keep only the ``top_k`` most probable allowed symbols.
    top_p : float in (0, 1] or None, default=None
        Nucleus sampling threshold.
    min_length : int, default=1
        A name shorter than this cannot end (the end marker is masked).
    max_length : int, default=20
        A name of this length must end: one that draws a letter instead is
        discarded by the generation functions (never cut).

    Examples
    --------
    >>> import numpy as np
    >>> controls = SamplingControls(temperature=0.5, min_length=2, max_length=3)
    >>> lp = np.log([[0.5, 0.25, 0.25]] * 3)
    >>> controls.next_symbol_proba(lp, lengths=[1, 2, 3]).round(3).tolist()
    [[0.0, 0.5, 0.5], [0.667, 0.167, 0.167], [1.0, 0.0, 0.0]]
    >>> controls.deterministic, str(controls)  # the settings in use
    (False, 'temperature=0.5, min_length=2, max_length=3')
    >>> str(SamplingControls(top_k=5))
    'temperature=1.0, top_k=5, min_length=1, max_length=20'
    """

    temperature: float = 1.0
    top_k: int | None = None
    top_p: float | None = None
    min_length: int = DEFAULT_LENGTH_RANGE[0]
    max_length: int = DEFAULT_LENGTH_RANGE[1]

    @property
    def greedy(self):
        """Whether each step picks the most probable allowed symbol."""
        return is_greedy(self.temperature)

    @property
    def deterministic(self):
        """Whether every draw gives the same name (greedy or ``top_k=1``)."""
        return is_greedy(self.temperature) or self.top_k == 1

    def weights(self, log_proba, lengths):
        """:func:`sampling_weights` of names that have ``lengths`` letters.

        Parameters
        ----------
        log_proba : ndarray of shape (n, n_symbols)
            The model's log-probabilities.
        lengths : int or array-like of int of shape (n,)
            The number of letters of each name so far.

        Returns
        -------
        weights : ndarray of shape (n, n_symbols)
            Unnormalised; the length bounds apply below ``min_length`` only.
        """
        return sampling_weights(
            log_proba,
            temperature=self.temperature,
            top_k=self.top_k,
            top_p=self.top_p,
            end_allowed=np.asarray(lengths) >= self.min_length,
        )

    def next_symbol_proba(self, log_proba, lengths):
        """The exact distribution of the next symbol, every control applied.

        Parameters
        ----------
        log_proba : ndarray of shape (n, n_symbols)
            The model's log-probabilities.
        lengths : array-like of int of shape (n,)
            The number of letters of each name so far, at most ``max_length``;
            at ``max_length`` only the end marker is left (a name that drew a
            letter there would be discarded, so given that it is kept, it ends)
            when the model gives the end marker a probability there.

        Returns
        -------
        proba : ndarray of shape (n, n_symbols)
            Rows sum to 1; a row where the model and the controls rule every
            symbol out (a count model without smoothing, below ``min_length``,
            or at ``max_length`` when it gives the end marker probability 0,
            where no name drawn ends) is NaN.
        """
        lengths = np.asarray(lengths)
        weights = self.weights(log_proba, lengths)
        ended = lengths == self.max_length  # the name must end here, if it can
        can_end = np.asarray(log_proba)[ended, END_ID] > -np.inf  # the model's
        weights[ended] = 0.0
        weights[ended, END_ID] = can_end
        # Every symbol ruled out: 0 / 0, NaN (NumPy 1.25 also flags it as a
        # division by zero).
        with np.errstate(invalid="ignore", divide="ignore"):
            return weights / weights.sum(axis=1, keepdims=True)

    def __str__(self):
        # Only the filters in use: "top_k=None" would read as a value to pass (on
        # the command line, "--top-k None").
        settings = {"temperature": self.temperature, "top_k": self.top_k,
                    "top_p": self.top_p, "min_length": self.min_length,
                    "max_length": self.max_length}  # fmt: skip
        return ", ".join(f"{k}={v}" for k, v in settings.items() if v is not None)


def check_continuable(proba, prefixes, controls, *, what="prefixes", lengths=None):
    """Raise for prefixes after which the model and the controls allow no symbol.

    Parameters
    ----------
    proba : ndarray of shape (n, n_symbols)
        :meth:`SamplingControls.next_symbol_proba` of the prefixes (NaN rows
        where every symbol is ruled out).
    prefixes : list of str
    controls : SamplingControls
    what : str, default="prefixes"
        How the caller named the prefixes: ``"prefixes"`` names one by its
        position (``prefixes[1]='ab'``); any other name is the one argument a
        call took (``"prefix"``: ``prefix='ab'``).
    lengths : array-like of int of shape (n,) or None, default=None
        The letters of each prefix: a dead prefix of ``controls.max_length``
        letters is one whose end the model or the controls rule out.

    Raises
    ------
    UnendingPrefixError
        A ``ValueError``, for a dead prefix of ``controls.max_length`` letters.
    DeadEndError
        A ``ValueError``, for another dead prefix; both carry the parts of
        their message as attributes (:mod:`sknextchar._dead_ends`).

    Examples
    --------
    >>> import numpy as np
    >>> check_continuable(np.array([[0.5, 0.5]]), ["ab"], SamplingControls())
    >>> check_continuable(np.full((1, 2), np.nan), ["ab"], SamplingControls())
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.DeadEndError: No name can continue prefixes[0]='ab': ...
    >>> check_continuable(np.full((1, 2), np.nan), ["ab"], SamplingControls(),
    ...                   what="prefix")
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.DeadEndError: No name can continue prefix='ab': ...
    """
    dead = np.flatnonzero(np.isnan(proba).any(axis=1))
    if len(dead):
        i = int(dead[0])
        where = ("prefixes", i) if what == "prefixes" else (what, None)
        if lengths is not None and lengths[i] == controls.max_length:
            raise UnendingPrefixError(
                *where, prefixes[i], max_length=controls.max_length
            )
        raise DeadEndError(*where, prefixes[i], min_length=controls.min_length)
