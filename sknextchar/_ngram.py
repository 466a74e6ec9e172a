"""The count math of character n-gram models, in pure NumPy functions.

An n-gram is stored as one ``int64`` key: its symbol ids written as the digits of
a number in base ``base`` (the first, oldest symbol most significant, the
predicted symbol last). Sorted arrays of keys and their counts are the whole
storage: no Python object per n-gram, and every step (counting, continuation
counts, discounts, the interpolation tables, the probabilities of a batch of
contexts) is a handful of vectorised operations on those arrays.

Symbol id 0 inside a context is the start padding (the package's ``"-"``, which is
also the end-of-name marker; the end marker is only ever a target, so as the
first symbol of an n-gram of order >= 2, id 0 always means padding).

An *interpolation table* of order ``k`` holds, for every context ``h`` of ``k - 1``
symbols seen at that order, the weights of::

    P_k(w | h) = alpha(h w) + gamma(h) * P_{k-1}(w | h')

with ``h'`` the context without its oldest symbol; a context not in the table
leaves ``P_k = P_{k-1}``. It is a dict of arrays (so that skops saves it): the
sorted n-gram keys and their ``alpha``, the sorted context keys with their
``gamma`` and, in CSR style, ``indptr`` (the n-grams of context ``i`` are
``indptr[i]:indptr[i + 1]``).
"""

import numpy as np

from ._row_keys import distinct_keys, ngram_keys

PAD = 0  # the start padding id (the end marker "-")
PADDINGS = ("single", "raw", "continuation")
DEFAULT_DISCOUNT_FALLBACK = (0.5, 1.0, 1.5)
# Distinct contexts interpolated at a time: _apply_table's temporaries hold an
# entry per n-gram of each row's context (up to n_classes per row), so a block
# bounds their memory and keeps them in cache, whatever the number of rows.
_BLOCK_ROWS = 4096

__all__ = [
    "DEFAULT_DISCOUNT_FALLBACK",
    "PADDINGS",
    "add_k_table",
    "interpolated_proba",
    "interpolated_target_proba",
    "kneser_ney_table",
    "max_order",
    "merge_counts",
    "modified_discounts",
    "table_problem",
    "order_counts",
    "weighted_key_counts",
]


def max_order(base):
    """The longest n-gram over ``base`` symbols whose key fits in an int64.

    Parameters
    ----------
    base : int
        Number of distinct symbol ids, >= 2.

    Returns
    -------
    order : int
        The largest ``k`` with ``base ** k <= 2 ** 63 - 1``.

    Examples
    --------
    >>> max_order(27)
    13
    """
    order, power = 0, 1
    while power * base <= np.iinfo(np.int64).max:
        order, power = order + 1, power * base
    return order


def merge_counts(keys, counts, new_keys, weights=None):
    """Add the occurrences ``new_keys`` (one entry per occurrence) to sorted counts.

    Parameters
    ----------
    keys : ndarray of shape (m,), int64
        Sorted distinct keys.
    counts : ndarray of shape (m,), int64
        Their counts.
    new_keys : ndarray of shape (n,), int64
        Keys to add, in any order, repeated once per occurrence.
    weights : ndarray of shape (n,), int64, default=None
        How many times each entry of ``new_keys`` occurs (>= 0; see
        :func:`weighted_key_counts`); None counts each entry once.

    Returns
    -------
    keys, counts : ndarray of int64
        Sorted distinct keys and their summed counts.

    Examples
    --------
    >>> import numpy as np
    >>> keys, counts = merge_counts(np.array([2, 5]), np.array([1, 1]),
    ...                             np.array([5, 7, 5]))
    >>> keys.tolist(), counts.tolist()
    ([2, 5, 7], [1, 3, 1])
    >>> keys, counts = merge_counts(np.array([2, 5]), np.array([1, 1]),
    ...                             np.array([5, 7, 5]), np.array([2, 0, 1]))
    >>> keys.tolist(), counts.tolist()
    ([2, 5], [1, 4])
    """
    if weights is None:
        added, added_counts = np.unique(new_keys, return_counts=True)
    else:
        added, added_counts = weighted_key_counts(new_keys, weights)
    if not len(keys):
        return added.astype(np.int64), added_counts.astype(np.int64)
    merged, inverse = np.unique(np.concatenate([keys, added]), return_inverse=True)
    total = np.bincount(
        inverse, weights=np.concatenate([counts, added_counts]), minlength=len(merged)
    )
    return merged.astype(np.int64), np.rint(total).astype(np.int64)


def weighted_key_counts(keys, weights):
    """The distinct keys and the sum of the integer weights of each.

    A key of weight 0 is left out. When each key shifted left by the bits of
    the largest weight still fits in an int64, a key and its weight sort as
    one number (the bits of the weight below those of the key), which is
    about as fast as sorting the keys alone; otherwise the keys are argsorted.
    The sums are integer sums, exact.

    Parameters
    ----------
    keys : ndarray of shape (n,), int64
        Non-negative keys, in any order.
    weights : ndarray of shape (n,), int64
        Non-negative weights.

    Returns
    -------
    keys, counts : ndarray of int64
        Sorted distinct keys of positive weight and their summed weights.

    Examples
    --------
    >>> import numpy as np
    >>> keys, counts = weighted_key_counts(np.array([9, 4, 9, 3]),
    ...                                    np.array([2, 1, 5, 0]))
    >>> keys.tolist(), counts.tolist()
    ([4, 9], [1, 7])
    """
    keys, weights = np.asarray(keys, np.int64), np.asarray(weights, np.int64)
    kept = weights > 0
    if not kept.all():
        keys, weights = keys[kept], weights[kept]
    if not len(keys):
        return keys, weights
    bits = int(weights.max()).bit_length()
    if int(keys.max()) < 2 ** (63 - bits):
        packed = np.sort((keys << bits) | weights)  # by key, then by weight
        keys, weights = packed >> bits, packed & ((1 << bits) - 1)
    else:
        by_key = np.argsort(keys)
        keys, weights = keys[by_key], weights[by_key]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[starts], np.add.reduceat(weights, starts)


def order_counts(keys, counts, order, base, padding="single"):
    """The counts each order of an interpolated Kneser-Ney model uses.

    From the raw counts of the highest order: raw counts at the highest order, and
    below it the continuation counts of Kneser & Ney (1995), the number of
    distinct symbols seen right before each lower-order n-gram. N-grams that begin
    with the start padding follow ``padding``: ``"raw"`` keeps their raw counts at
    every order >= 2, ``"single"`` does the same and also drops the n-grams that
    begin with two pads at the orders >= 3 (the run of padding is one start
    symbol), ``"continuation"`` has no exception.

    Every window has a full context, so each k-gram of a window extends to the
    (k+1)-gram of the same window; the lower orders are therefore suffixes of the
    highest order's n-grams, and their raw counts are sums of its raw counts.

    Parameters
    ----------
    keys : ndarray of shape (m,), int64
        Sorted distinct keys of the highest order's n-grams.
    counts : ndarray of shape (m,), int64
        Their raw counts.
    order : int
        Symbols per n-gram at the highest order.
    base : int
        Number of distinct symbol ids.
    padding : {"single", "raw", "continuation"}, default="single"

    Returns
    -------
    counts_by_order : list of (keys, counts)
        Entry ``k - 1`` holds the sorted keys and the counts of order ``k``.

    Examples
    --------
    >>> import numpy as np
    >>> # Bigrams over {0, 1, 2} (base 3): "01" x2, "21" x1, "12" x1.
    >>> keys = np.array([0 * 3 + 1, 1 * 3 + 2, 2 * 3 + 1])
    >>> by_order = order_counts(keys, np.array([2, 1, 1]), order=2, base=3)
    >>> [(k.tolist(), c.tolist()) for k, c in by_order]
    [([1, 2], [2, 1]), ([1, 5, 7], [2, 1, 1])]
    """
    by_order = [None] * order
    by_order[order - 1] = (keys, counts)
    upper_keys, upper_raw = keys, counts
    for k in range(order - 1, 0, -1):
        lower, inverse, n_left = np.unique(
            upper_keys % base**k, return_inverse=True, return_counts=True
        )
        raw = np.rint(np.bincount(inverse, weights=upper_raw)).astype(np.int64)
        used = n_left.astype(np.int64)
        if k >= 2 and padding != "continuation":
            used = np.where(lower // base ** (k - 1) == PAD, raw, used)
        by_order[k - 1] = (lower, used)
        upper_keys, upper_raw = lower, raw
    if padding == "single":
        for k in range(3, order + 1):
            k_keys, k_counts = by_order[k - 1]
            kept = k_keys // base ** (k - 2) != PAD  # not two leading pads
            by_order[k - 1] = (k_keys[kept], k_counts[kept])
    return by_order


def modified_discounts(counts, fallback=DEFAULT_DISCOUNT_FALLBACK):
    """Chen & Goodman's modified Kneser-Ney discounts from count-of-counts.

    With ``n_r`` the number of n-grams of count exactly ``r`` and
    ``Y = n_1 / (n_1 + 2 n_2)`` (Chen & Goodman 1998, section 3)::

        D1 = 1 - 2 Y n_2 / n_1,  D2 = 2 - 3 Y n_3 / n_2,  D3+ = 3 - 4 Y n_4 / n_3

    When a formula is undefined (some ``n_r`` with ``r <= 3`` is 0) or a discount
    falls outside ``(0, r)``, the order uses ``fallback`` (KenLM's discount
    fallback values by default).

    Parameters
    ----------
    counts : ndarray of int
        The counts the order uses.
    fallback : tuple of 3 floats, default=(0.5, 1.0, 1.5)

    Returns
    -------
    discounts : tuple of 3 floats
        ``(D1, D2, D3+)``.
    count_of_counts : tuple of 4 ints
        ``(n_1, n_2, n_3, n_4)``.
    used_fallback : bool

    Examples
    --------
    >>> import numpy as np
    >>> discounts, cc, fell_back = modified_discounts(np.array([1, 2, 2, 3, 4, 4, 4]))
    >>> [round(d, 3) for d in discounts], cc, fell_back
    ([0.2, 1.7, 0.6], (1, 2, 1, 3), False)
    """
    counts = np.asarray(counts)
    n1, n2, n3, n4 = (int(np.count_nonzero(counts == r)) for r in (1, 2, 3, 4))
    cc = (n1, n2, n3, n4)
    if min(n1, n2, n3) == 0:
        return tuple(float(d) for d in fallback), cc, True
    y = n1 / (n1 + 2 * n2)
    discounts = (1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3)
    if not all(0 < d < r for d, r in zip(discounts, (1, 2, 3), strict=True)):
        return tuple(float(d) for d in fallback), cc, True
    return discounts, cc, False


def _grouped_by_context(keys, base):
    """Context keys, CSR ``indptr`` and the row of each n-gram of sorted keys."""
    contexts = keys // base
    starts = np.flatnonzero(np.r_[True, contexts[1:] != contexts[:-1]])
    if not len(keys):
        starts = np.zeros(0, dtype=np.intp)
    indptr = np.r_[starts, len(keys)].astype(np.int64)
    row = np.repeat(np.arange(len(starts)), np.diff(indptr))
    return contexts[starts], indptr, row


def _table(keys, alpha, context_keys, indptr, gamma, order):
    return {
        "order": int(order),
        "ngram_keys": keys,
        "alpha": alpha,
        "context_keys": context_keys,
        "indptr": indptr,
        "gamma": gamma,
    }


def kneser_ney_table(keys, counts, discounts, base, order):
    """The interpolation table of one order of modified Kneser-Ney.

    ``alpha(h w) = max(c(h w) - D(c(h w)), 0) / c(h .)`` and
    ``gamma(h) = (D1 N1(h .) + D2 N2(h .) + D3+ N3+(h .)) / c(h .)``, where ``c``
    are the counts the order uses, ``c(h .)`` their sum over ``w``, ``N_r(h .)``
    the number of ``w`` with count ``r`` (``3+``: at least 3) and ``D(c)`` the
    discount of a count ``c``.

    Parameters
    ----------
    keys : ndarray of shape (m,), int64
        Sorted keys of the order's n-grams.
    counts : ndarray of shape (m,), int64
        Their counts (raw or continuation), all >= 1.
    discounts : tuple of 3 floats
        ``(D1, D2, D3+)``.
    base : int
        Number of distinct symbol ids.
    order : int
        Symbols per n-gram.

    Returns
    -------
    table : dict
        See the module docstring.

    Examples
    --------
    >>> import numpy as np
    >>> # Order 1 (empty context): symbol 1 seen 3 times, symbol 2 once.
    >>> table = kneser_ney_table(np.array([1, 2]), np.array([3, 1]),
    ...                          (0.5, 1.0, 1.5), base=3, order=1)
    >>> table["alpha"].tolist(), table["gamma"].tolist()
    ([0.375, 0.125], [0.5])
    """
    context_keys, indptr, row = _grouped_by_context(keys, base)
    totals = np.add.reduceat(counts, indptr[:-1]) if len(keys) else np.zeros(0)
    d = np.array([0.0, *discounts])[np.minimum(counts, 3)]  # D(c(h w))
    alpha = np.maximum(counts - d, 0.0) / totals[row]
    gamma = (np.add.reduceat(d, indptr[:-1]) if len(keys) else np.zeros(0)) / totals
    return _table(keys, alpha, context_keys, indptr, gamma, order)


def add_k_table(keys, counts, k, n_classes, base, order):
    """The table of add-k smoothing: ``P(w | h) = (c(h w) + k) / (c(h .) + k C)``.

    Written as one interpolation order over the uniform distribution:
    ``alpha(h w) = c(h w) / (c(h .) + k C)`` and ``gamma(h) = k C / (c(h .) + k C)``,
    with ``C = n_classes``. A context never seen gets the uniform distribution.

    Parameters
    ----------
    keys, counts : ndarray of shape (m,), int64
        Sorted n-gram keys and their raw counts.
    k : float
        The pseudo-count, >= 0.
    n_classes : int
        Number of symbols that can follow a context.
    base : int
        Number of distinct symbol ids.
    order : int
        Symbols per n-gram.

    Returns
    -------
    table : dict

    Examples
    --------
    >>> import numpy as np
    >>> table = add_k_table(np.array([1, 2]), np.array([3, 1]), 1.0, 3, base=3,
    ...                     order=1)
    >>> table["alpha"].tolist(), table["gamma"].tolist()
    ([0.42857142857142855, 0.14285714285714285], [0.42857142857142855])
    """
    context_keys, indptr, row = _grouped_by_context(keys, base)
    totals = np.add.reduceat(counts, indptr[:-1]) if len(keys) else np.zeros(0)
    # An absurdly large k would overflow k C to inf, and inf / inf is NaN.
    pseudo = min(k * n_classes, np.finfo(np.float64).max)
    denominator = totals + pseudo
    alpha = counts / denominator[row]
    gamma = pseudo / denominator
    return _table(keys, alpha, context_keys, indptr, gamma, order)


def interpolated_proba(tables, contexts, n_classes, base):
    """Next-symbol probabilities of a batch of contexts, the tables from low to high.

    Starts from the uniform distribution ``P_0 = 1 / n_classes`` and applies each
    table's ``P_k = alpha + gamma P_{k-1}`` in turn, order by order. A row
    depends on its context alone: each distinct context (of the columns the
    tables read) is computed once, a block of them at a time, and its row is
    copied to the contexts that share it, so the work and the temporaries grow
    with the distinct contexts, not with the rows.

    Parameters
    ----------
    tables : list of dict
        Interpolation tables in increasing order (an order may be missing: it then
        passes the lower estimate through).
    contexts : ndarray of shape (n, width), int
        Symbol ids, the oldest first; ``width`` is at least the highest table's
        order minus one, and only the last columns are read.
    n_classes : int
        Number of columns of the result.
    base : int
        Number of distinct symbol ids.

    Returns
    -------
    proba : ndarray of shape (n, n_classes), float64

    Examples
    --------
    >>> import numpy as np
    >>> table = add_k_table(np.array([1, 2]), np.array([3, 1]), 1.0, 3, base=3,
    ...                     order=1)
    >>> interpolated_proba([table], np.zeros((1, 0), dtype=int), 3, 3).round(3)
    array([[0.143, 0.571, 0.286]])
    """
    proba, inverse = _distinct_proba(tables, contexts, n_classes, base)
    return proba[inverse]


def interpolated_target_proba(tables, contexts, targets, n_classes, base):
    """The probability of each context's target, :func:`interpolated_proba`'s.

    Without the ``(n, n_classes)`` matrix: the rows of the distinct contexts
    only, and one number per context.

    Parameters
    ----------
    tables : list of dict
        Interpolation tables in increasing order.
    contexts : ndarray of shape (n, width), int
        Symbol ids, the oldest first (see :func:`interpolated_proba`).
    targets : ndarray of shape (n,), int
        The column of each context's target.
    n_classes : int
        Number of columns of the distributions.
    base : int
        Number of distinct symbol ids.

    Returns
    -------
    proba : ndarray of shape (n,), float64
        ``interpolated_proba(...)[i, targets[i]]``, bit for bit.

    Examples
    --------
    >>> import numpy as np
    >>> table = add_k_table(np.array([1, 2]), np.array([3, 1]), 1.0, 3, base=3,
    ...                     order=1)
    >>> interpolated_target_proba([table], np.zeros((2, 0), dtype=int),
    ...                           np.array([1, 0]), 3, 3).round(3)
    array([0.571, 0.143])
    """
    proba, inverse = _distinct_proba(tables, contexts, n_classes, base)
    return proba[inverse, targets]


def _distinct_proba(tables, contexts, n_classes, base):
    """The distributions of the distinct contexts, and the one of each row."""
    width = contexts.shape[1]
    reach = max((table["order"] - 1 for table in tables), default=0)
    # The key of each row's last ``reach`` ids; the newest id is the last digit,
    # so the key of its last ``k`` ids is ``key % base**k``.
    keys = ngram_keys(contexts[:, width - reach :], None, base)  # (n,)
    distinct, inverse, _ = distinct_keys(keys, base**reach)  # (u,), (n,)
    proba = np.full((len(distinct), n_classes), 1.0 / n_classes)  # (u, V)
    for start in range(0, len(distinct), _BLOCK_ROWS):
        block = distinct[start : start + _BLOCK_ROWS]
        rows = proba[start : start + _BLOCK_ROWS]  # a view: filled in place
        for table in tables:
            _apply_table(table, block % base ** (table["order"] - 1), rows, base)
    return proba, inverse


def _apply_table(table, context_keys, proba, base):
    """``proba[i] = alpha(h_i .) + gamma(h_i) proba[i]`` for the rows seen, in place."""
    known = table["context_keys"]
    if not len(known):
        return
    position = np.minimum(np.searchsorted(known, context_keys), len(known) - 1)
    seen = np.flatnonzero(known[position] == context_keys)
    rows = position[seen]
    proba[seen] *= table["gamma"][rows, None]
    starts, stops = table["indptr"][rows], table["indptr"][rows + 1]
    lengths = stops - starts
    offsets = np.cumsum(lengths) - lengths  # where each row's n-grams begin
    ngram = np.repeat(starts - offsets, lengths) + np.arange(lengths.sum())
    symbols = table["ngram_keys"][ngram] % base
    proba[np.repeat(seen, lengths), symbols] += table["alpha"][ngram]


def _int_vector(value):
    return (
        isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "iu"
    )


def _float_vector(value, size):
    return (
        isinstance(value, np.ndarray)
        and value.shape == (size,)
        and value.dtype.kind == "f"
        and bool(np.isfinite(value).all())
        and bool((value >= 0).all())
    )


def table_problem(table, base):
    """What makes an interpolation table unusable, or None.

    The structure :func:`kneser_ney_table` and :func:`add_k_table` build: sorted
    distinct keys of n-grams of ``order`` symbols (each below
    ``base ** order``), one non-negative ``alpha`` each, sorted distinct context
    keys with one ``gamma`` each, and ``indptr`` delimiting each context's
    n-grams. A model file whose tables break this (damaged or edited) would
    otherwise fail inside NumPy, or give probabilities that do not sum to 1.

    Parameters
    ----------
    table : object
        The table to check.
    base : int
        Number of distinct symbol ids.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> table = kneser_ney_table(np.array([1, 2]), np.array([3, 1]),
    ...                          (0.5, 1.0, 1.5), base=3, order=1)
    >>> table_problem(table, base=3) is None
    True
    >>> table["alpha"] = table["alpha"][:1]
    >>> table_problem(table, base=3)
    'its alpha does not hold one non-negative float per n-gram'
    """
    names = ("order", "ngram_keys", "alpha", "context_keys", "indptr", "gamma")
    if not isinstance(table, dict) or set(table) != set(names):
        return f"it is not a table with the entries {', '.join(names)}"
    order, keys, contexts = table["order"], table["ngram_keys"], table["context_keys"]
    if not isinstance(order, int) or not 1 <= order <= max_order(base):
        return f"its order {order!r} is not an order of n-grams in base {base}"
    if not (_int_vector(keys) and _int_vector(contexts)):
        return "its keys are not vectors of integers"
    for name, values, limit in ((
        ("n-gram", keys, base**order), ("context", contexts, base ** (order - 1))
    )):  # fmt: skip
        if len(values) and (values[0] < 0 or values[-1] >= limit):
            return f"a {name} key is outside [0, {limit})"
        if (np.diff(values) <= 0).any():
            return f"its {name} keys are not sorted and distinct"
    if not _float_vector(table["alpha"], len(keys)):
        return "its alpha does not hold one non-negative float per n-gram"
    if not _float_vector(table["gamma"], len(contexts)):
        return "its gamma does not hold one non-negative float per context"
    indptr = table["indptr"]
    if not (
        _int_vector(indptr)
        and len(indptr) == len(contexts) + 1
        and indptr[0] == 0
        and indptr[-1] == len(keys)
        and (np.diff(indptr) >= 0).all()
    ):
        return "its indptr does not delimit the n-grams of each context"
    if not _sums_to_one(table):
        return "its alpha and gamma do not sum to 1 after each context"
    return None


def _sums_to_one(table):
    """Each context's alpha and gamma sum to 1, as the interpolation needs
    (the lower order's distribution, which gamma weighs, sums to 1)."""
    indptr = table["indptr"]
    sums = np.zeros(len(table["gamma"]))
    rows = np.diff(indptr) > 0
    if rows.any():
        sums[rows] = np.add.reduceat(table["alpha"], indptr[:-1][rows])
    return bool(np.allclose(sums + table["gamma"], 1.0, rtol=0, atol=1e-6))
