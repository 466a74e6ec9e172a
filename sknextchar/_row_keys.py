"""Integer keys of rows of symbol ids, and the distinct rows by their keys.

A row of ids (a context, or an n-gram: a context followed by its target) is one
``int64`` key, its ids written as the digits of a number in base ``n_symbols``,
the first, oldest id most significant (:func:`ngram_keys`). Distinct keys are
found in linear time through a table over every possible key
(:func:`distinct_keys`), and so are distinct rows (:func:`distinct_rows`):
the count model stores its n-grams by key, and the sampler, the scorers and the
label posterior compute each distinct context once. Pure NumPy, no other module
of the package.
"""

import numpy as np

__all__ = ["distinct_keys", "distinct_rows", "ngram_keys"]


def ngram_keys(contexts, targets, base):
    """The key of each n-gram (context ids followed by the target), vectorised.

    Parameters
    ----------
    contexts : ndarray of shape (n, k - 1), int
        Symbol ids, the oldest first; ``k - 1`` may be 0.
    targets : ndarray of shape (n,), int or None
        The last symbol of each n-gram; None gives the keys of the contexts alone.
    base : int
        Number of distinct symbol ids.

    Returns
    -------
    keys : ndarray of shape (n,), int64

    Examples
    --------
    >>> import numpy as np
    >>> ngram_keys(np.array([[0, 1], [2, 3]]), np.array([4, 0]), base=10).tolist()
    [14, 230]
    """
    contexts = np.asarray(contexts)
    keys = np.zeros(len(contexts), dtype=np.int64)
    for column in contexts.T:
        keys = keys * base + column
    if targets is not None:
        keys = keys * base + np.asarray(targets, dtype=np.int64)
    return keys


def distinct_keys(keys, n_keys):
    """The distinct values of integer keys, sorted, and where each key went.

    In linear time, through a table over every possible key, when ``n_keys``
    is at most 16 per key (plus 65,536); by sorting otherwise. The table takes
    9 bytes per possible key, so at most 144 bytes per key.

    Parameters
    ----------
    keys : ndarray of shape (n,), int
        Values in ``[0, n_keys)``.
    n_keys : int
        The number of possible keys.

    Returns
    -------
    distinct : ndarray of shape (u,), int
        Sorted.
    inverse : ndarray of shape (n,), intp
        ``distinct[inverse]`` equals ``keys``.
    where : ndarray of shape (u,), intp
        A position of ``keys`` holding each distinct key.

    Examples
    --------
    >>> import numpy as np
    >>> keys = np.array([5, 2, 5])
    >>> distinct, inverse, where = distinct_keys(keys, 8)
    >>> distinct.tolist(), inverse.tolist(), keys[where].tolist()
    ([2, 5], [1, 0, 1], [2, 5])
    """
    if n_keys > 16 * len(keys) + 65536:  # a table would be mostly empty: sort
        distinct, where, inverse = np.unique(
            keys, return_index=True, return_inverse=True
        )
        return distinct, inverse.ravel(), where
    seen = np.zeros(n_keys, dtype=bool)  # (n_keys,)
    seen[keys] = True
    inverse = (np.cumsum(seen) - 1)[keys]  # (n,) each key's rank among the present
    where = np.empty(np.count_nonzero(seen), dtype=np.intp)
    where[inverse] = np.arange(len(keys))
    return np.flatnonzero(seen).astype(keys.dtype, copy=False), inverse, where


def distinct_rows(contexts, n_symbols):
    """The distinct rows of an integer matrix and where each row went.

    Parameters
    ----------
    contexts : ndarray of int of shape (n, L)
        Ids in ``[0, n_symbols)``.
    n_symbols : int
        The number of symbols.

    Returns
    -------
    distinct : ndarray of shape (n_distinct, L)
    inverse : ndarray of shape (n,)
        ``distinct[inverse]`` equals ``contexts``.

    Examples
    --------
    >>> import numpy as np
    >>> distinct, inverse = distinct_rows(np.array([[0, 1], [2, 0], [0, 1]]), 3)
    >>> distinct.tolist(), inverse.tolist()
    ([[0, 1], [2, 0]], [0, 1, 0])
    """
    L = contexts.shape[1]
    n_keys = n_symbols**L
    if n_keys >= 2**62:  # no int64 key per row: compare the rows whole
        distinct, inverse = np.unique(contexts, axis=0, return_inverse=True)
        return distinct, inverse.ravel()
    keys = ngram_keys(contexts, None, n_symbols)  # (n,)
    _, inverse, where = distinct_keys(keys, n_keys)  # where: a row of each
    return contexts[where], inverse
