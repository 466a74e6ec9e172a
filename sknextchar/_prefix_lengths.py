"""The lengths of the training names that start with a prefix.

``NameSampler.sample(prefix=..., match_lengths=True)`` gives the names the
lengths of the training names that start with the prefix, not those of all
training names: names starting "ra" are longer than most (6.97 letters on
average in the bundled names, against 6.51). The sampler does not keep its
training names (:mod:`~sknextchar._novelty`), so :meth:`NameSampler.fit` keeps,
for every prefix that at least :data:`MIN_PREFIX_NAMES` training names start
with, their length counts: a table keyed by the hash of the prefix's symbol ids
(:func:`~sknextchar._novelty.hash_id_rows`). A rarer prefix falls back to the
lengths of all training names (or of a label's).

Each node of the table holds at least :data:`MIN_PREFIX_NAMES` names, so there
are at most ``total letters / MIN_PREFIX_NAMES`` of them (in practice far
fewer): 75 rows for the 15,074 bundled names.
"""

import numpy as np

from ._novelty import count_dtype, hash_id_rows, padded_ids

__all__ = [
    "MIN_PREFIX_NAMES",
    "prefix_counts",
    "prefix_lengths",
    "prefix_or_all",
    "target_lengths",
]

# The fewest training names that start with a prefix for their lengths to be
# the target of match_lengths. Measured on the bundled names, over the 28
# prefixes of 1 to 3 letters that 300+ names start with: the lengths of m of a
# prefix's names (drawn with replacement) are at a total-variation distance
# from those of all its names of 0.30 at m=10, 0.21 at 20, 0.13 at 50, 0.093
# at 100 and 0.065 at 200 (falling as 1/sqrt(m)), while all training names'
# lengths are at 0.091 on average (median 0.064). From about 100 names, a
# prefix's own lengths are as near as the fallback's, and nearer beyond.
MIN_PREFIX_NAMES = 100


def prefix_counts(table, prefix_ids):
    """The length counts of the training names that start with ``prefix_ids``.

    Parameters
    ----------
    table : dict
        :func:`prefix_lengths`' table.
    prefix_ids : array-like of int
        The prefix's symbol ids.

    Returns
    -------
    counts : ndarray or None
        ``counts[k]`` of those names have ``k`` symbols; None for the empty
        prefix and for a prefix fewer than ``table["min_names"]`` training
        names start with.
    """
    prefix_ids, keys = np.asarray(prefix_ids), table["keys"]
    if not len(prefix_ids) or not len(keys):
        return None
    key = hash_id_rows(prefix_ids[None, :])[0]
    where = min(int(np.searchsorted(keys, key)), len(keys) - 1)
    return table["counts"][where] if keys[where] == key else None


def prefix_lengths(encoded, weights=None, min_names=MIN_PREFIX_NAMES):
    """The length counts of training names by common prefix; None without names.

    Parameters
    ----------
    encoded : list of ndarray of int or None
        Each training name's symbol ids (:meth:`ContextWindowTransformer.encode`).
    weights : ndarray of float64 or None, default=None
        Each name's ``sample_weight``: a name counts as many times in the
        length counts; a name of weight 0 is left out (as from
        ``training_length_counts_``). None for once each.
    min_names : int, default=MIN_PREFIX_NAMES
        The fewest names (of weight above 0) a prefix must have.

    Returns
    -------
    table : dict or None
        ``"keys"``: the sorted :func:`~sknextchar._novelty.hash_id_rows` of the
        prefixes (uint64); ``"counts"``: a row per key, ``counts[i, k]`` of
        the names that start with prefix ``i`` have ``k`` symbols (int64, or
        float64 for fractional weights); ``"min_names"``: ``min_names``.
        Plain arrays in a dict, so that a saved sampler holds no new type.

    Examples
    --------
    >>> import numpy as np
    >>> names = [np.array(ids) for ids in ([1, 2], [1, 2, 3], [1, 3, 3, 3], [2])]
    >>> table = prefix_lengths(names, min_names=2)
    >>> len(table["keys"]), prefix_counts(table, [1]).tolist()
    (2, [0, 0, 1, 1, 1])
    >>> prefix_counts(table, [1, 2]).tolist()
    [0, 0, 1, 1, 0]
    >>> prefix_counts(table, [2]) is None, prefix_counts(table, []) is None
    (True, True)
    """
    if encoded is None:
        return None
    if weights is not None:
        kept = weights > 0
        encoded = [ids for ids, k in zip(encoded, kept) if k]
        weights = weights[kept]
    ids, lengths = padded_ids(encoded)
    order = np.lexsort(ids.T[::-1])  # by first letter, then second...
    ids, lengths = ids[order], lengths[order]
    w = np.ones(len(ids)) if weights is None else weights[order]
    width = int(lengths.max(initial=0)) + 1
    new_group = np.zeros(len(ids), dtype=bool)
    if len(ids):
        new_group[0] = True
    rows, counts = [], []
    for depth in range(1, ids.shape[1] + 1):  # runs of one prefix: contiguous
        column = ids[:, depth - 1]
        new_group[1:] |= column[1:] != column[:-1]
        starts = np.flatnonzero(new_group)
        sizes = np.diff(np.append(starts, len(ids)))
        group = np.cumsum(new_group) - 1
        common = (sizes >= min_names) & (column[starts] != 0)
        if not common.any():
            break  # deeper prefixes have fewer names
        inside = common[group]
        row = (np.cumsum(common) - 1)[group[inside]]  # its row among the common
        table = np.zeros((int(common.sum()), width))
        np.add.at(table, (row, lengths[inside]), w[inside])
        rows.append(np.where(np.arange(ids.shape[1]) < depth, ids[starts[common]], 0))
        counts.append(table)
    if not rows:
        rows, counts = [np.zeros((0, ids.shape[1]), ids.dtype)], [np.zeros((0, width))]
    keys = hash_id_rows(np.concatenate(rows))
    sort = np.argsort(keys)
    counts = np.concatenate(counts)[sort].astype(count_dtype(weights))
    return {"keys": keys[sort], "counts": counts, "min_names": int(min_names)}


def target_lengths(
    sampler, prefix_ids, all_counts, label=None, controls=None, named="the prefix"
):
    """The length counts ``match_lengths`` matches, and what they are.

    Parameters
    ----------
    sampler : NameSampler
        Fitted; its ``training_prefix_lengths_`` (absent from a sampler saved
        before it) holds the counts by prefix.
    prefix_ids : array-like of int
        The prefix's symbol ids.
    all_counts : ndarray
        The lengths of all training names (of ``label``'s, with a label): the
        fallback.
    label : object or None, default=None
        With a label, the label's lengths are kept (the table counts every
        label's names together).
    controls : SamplingControls or None, default=None
        Its ``min_length`` and ``max_length``: a prefix none of whose names
        has a length within them falls back too (the bounds leave it nothing).
    named : str, default="the prefix"
        How the words name the prefix.

    Returns
    -------
    counts : ndarray
    words : str
        Whose lengths they are, for messages and reports.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> table = prefix_lengths([np.array([1, 2])] * 3, min_names=2)
    >>> s = SimpleNamespace(training_prefix_lengths_=table)
    >>> target_lengths(s, [1], np.array([0, 1, 3]))
    (array([0, 0, 3]), 'the training names that start with the prefix')
    >>> target_lengths(s, [2], np.array([0, 1, 3]))[1]
    'all training names (fewer than 2 start with the prefix)'
    >>> from sknextchar._decoding import SamplingControls
    >>> bounds = SamplingControls(min_length=1, max_length=1)
    >>> target_lengths(s, [1], np.array([0, 1, 3]), controls=bounds)[1]
    'all training names (none that start with the prefix is within the length bounds)'
    """
    table = getattr(sampler, "training_prefix_lengths_", None)
    if not len(prefix_ids):
        return all_counts, "all training names"
    if label is not None:
        return all_counts, f"the training names of label {label!r}"  # not by prefix
    if table is None:
        return all_counts, "all training names (no record by prefix)"
    counts = prefix_counts(table, prefix_ids)
    return prefix_or_all(counts, all_counts, table["min_names"], controls, named)


def prefix_or_all(
    counts, all_counts, min_names=MIN_PREFIX_NAMES, controls=None, named="the prefix"
):
    """The length counts of a prefix's training names, or of all when too few
    start with it; and what they are.

    Parameters
    ----------
    counts : ndarray or None
        The lengths of the training names that start with the prefix; None
        when fewer than ``min_names`` do.
    all_counts : ndarray
        The fallback: the lengths of all training names (or of a label's).
    min_names : int, default=MIN_PREFIX_NAMES
        The fewest names a prefix's own lengths need, for the words.
    controls : SamplingControls or None, default=None
        Its ``min_length`` and ``max_length``: counts with no length within
        them fall back too.
    named : str, default="the prefix"
        How the words name the prefix.

    Returns
    -------
    counts : ndarray
    words : str
        Whose lengths they are, for messages and reports.

    Examples
    --------
    >>> prefix_or_all(None, np.array([0, 2]), 100, named="'ra'")[1]
    "all training names (fewer than 100 start with 'ra')"
    >>> prefix_or_all(np.array([0, 0, 1]), np.array([0, 2]))
    (array([0, 0, 1]), 'the training names that start with the prefix')
    """
    if counts is None:
        fewer = f"fewer than {min_names} start with {named}"
        return all_counts, f"all training names ({fewer})"
    low, high = (
        (0, len(counts))
        if controls is None
        else (controls.min_length, controls.max_length)
    )
    if not np.any(counts[low : high + 1]):
        within = f"none that start with {named} is within the length bounds"
        return all_counts, f"all training names ({within})"
    return counts, f"the training names that start with {named}"
