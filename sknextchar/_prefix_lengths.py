"""The lengths of the training names that start with a prefix.

``NameSampler.sample(prefix=..., match_lengths=True)`` gives the names the
lengths of the training names that start with the prefix, not those of all
training names: names starting "ra" are longer than most (6.97 letters on
average in the bundled names, against 6.51). The sampler does not keep its
training names (:mod:`~sknextchar._training_record`), so :meth:`NameSampler.fit` keeps,
for every prefix that at least :data:`MIN_PREFIX_NAMES` training names start
with, their length counts: a table keyed by the hash of the prefix's symbol ids
(:func:`~sknextchar._training_record.hash_id_rows`). A rarer prefix falls back to the
lengths of all training names (or of a label's).

A prefix's few names give a rough estimate of its lengths, and all names' lengths
a biased one, so the target blends them (:func:`blend_lengths`): the prefix's
length counts plus :data:`BLEND_NAMES` names' worth of all training names'
length shares (over the lengths a name with the prefix can have).
``python benchmarks/bench_prefix_lengths.py`` measures it on the bundled names
split in halves (fitting, held-out), over the 113 to 121 prefixes of 1 to 3
letters with at least 10 fitting and 30 held-out names, five splits: the
total-variation distance between the target fitted on one half and the
held-out half's lengths of the prefix falls from 0.155-0.166 on average to
0.131-0.142 (weighted by names, 0.098-0.109 to 0.087-0.097); 75 to 88 prefixes
nearer, 26 to 37 farther. Both rare prefixes (0.19-0.20 to 0.16-0.17, where the
target was all names' lengths) and common ones (0.078-0.097 to 0.076-0.092) gain.
Cross-validation within the fitting half chose 40 names (50 in two splits; 20
or 30 to 75 or 100 within 0.0025 of the best); a floor of 10 names instead of
20 changed the mean by 0.001 at most. End to end (a KneserNey sampler fitted on
one half, three draws of 2,000 names with ``match_lengths``, against the other
half's lengths), over 9 prefixes that 28 to 370 fitting names start with: 0.188
on average before, 0.135 blended; 6 nearer ("shr" 0.35 to 0.18, "raj" 0.22 to
0.14), 3 farther ("am" 0.07 to 0.10).

Each node of the table holds at least :data:`MIN_PREFIX_NAMES` names, so there
are at most ``total letters / MIN_PREFIX_NAMES`` of them (in practice far
fewer): 409 rows of 11 counts (39 KB with their keys) for the 15,074 bundled
names. Names of large counts are many names each (a name of count 20 is 20
names), so they keep every prefix of every name: the rows of a name's long
tail of prefixes are the same (that name's length), and each distinct row is
then kept once (:func:`prefix_table`). The bundled names of count 1,000 each
keep 35,772 prefixes and 1,906 distinct rows: 525 KB, where a row per prefix
took 3.4 MB (the keys, 286 KB of them, still grow with the counts). A sampler
saved before the blend has a table without ``"blend"`` (its rows of 100 names
or more): it matches those rows' own lengths, as when it was saved; one saved
before the rows were shared, a row per prefix, without ``"rows"``.
"""

from dataclasses import dataclass, replace

import numpy as np

from ._sample_weight import name_weight
from ._training_record import count_dtype, hash_id_rows, padded_ids

__all__ = [
    "BLEND_NAMES",
    "MIN_PREFIX_NAMES",
    "LengthsOf",
    "blend_lengths",
    "counts_by_key",
    "enough_names",
    "prefix_counts",
    "prefix_lengths",
    "prefix_or_all",
    "prefix_table",
    "target_lengths",
]

# The fewest training names that start with a prefix for their lengths to be
# kept (blended into the target of match_lengths). Measured on the bundled
# names (benchmarks/bench_prefix_lengths.py, "Few names"), over the 28
# prefixes of 1 to 3 letters that 300+ names start with: the lengths of m of a
# prefix's names (drawn with replacement) are at a total-variation distance
# from those of all its names of 0.30 at m=10, 0.21 at 20, 0.13 at 50, 0.093
# at 100 and 0.066 at 200 (falling as 1/sqrt(m)),
# while all training names' lengths are at 0.091 on average (median 0.064).
# Alone, a prefix's lengths needed 100 names to be as near as the fallback's;
# blended (BLEND_NAMES), 20 are enough (10 measured no better, in a table twice
# the size).
MIN_PREFIX_NAMES = 20

# How many names' worth of all training names' length shares are added to a
# prefix's length counts (in units of the weight of one name,
# :func:`~sknextchar._sample_weight.name_weight`): chosen by
# cross-validation on half the bundled names (see the module's docstring;
# benchmarks/bench_prefix_lengths.py).
BLEND_NAMES = 40


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
    if keys[where] != key:
        return None
    rows = table.get("rows")  # absent when saved before: a row per key
    return table["counts"][where if rows is None else rows[where]]


def prefix_lengths(
    encoded, weights=None, min_names=MIN_PREFIX_NAMES, blend_names=BLEND_NAMES
):
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
        The fewest names a prefix must have: their weights over the weight
        of one name (:func:`~sknextchar._sample_weight.name_weight`). Whole
        counts count the names repeated (3 names of count 2 are 6), weights
        of mean below 1 count their names (names of weight 0.5, 0.25 and
        0.375 are 3), whatever their scale.
    blend_names : float, default=BLEND_NAMES
        How many names' worth of all names' length shares
        :func:`blend_lengths` adds to a prefix's counts.

    Returns
    -------
    table : dict or None
        ``"keys"``: the sorted :func:`~sknextchar._training_record.hash_id_rows` of the
        prefixes (uint64); ``"counts"``: rows of length counts,
        ``counts[rows[i], k]`` of the names that start with prefix ``i`` have
        ``k`` symbols (int64, or float64 for fractional weights); ``"rows"``:
        each key's row (unsigned), only when rows repeat enough to save bytes
        (:func:`prefix_table`; without it, a row per key,
        :func:`counts_by_key`); ``"min_names"``: ``min_names``; ``"blend"``:
        ``blend_names`` times the weight of one name, as a float
        (:func:`prefix_table`).
        Plain arrays in a dict, so that a saved sampler holds no new type.

    Examples
    --------
    >>> import numpy as np
    >>> names = [np.array(ids) for ids in ([1, 2], [1, 2, 3], [1, 3, 3, 3], [2])]
    >>> table = prefix_lengths(names, min_names=2)
    >>> len(table["keys"]), prefix_counts(table, [1]).tolist(), table["blend"]
    (2, [0, 0, 1, 1, 1], 40.0)
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
    unit = name_weight(weights)  # the weight of one name
    width = int(lengths.max(initial=0)) + 1
    new_group = np.zeros(len(ids), dtype=bool)
    if len(ids):
        new_group[0] = True
    rows, counts = [], []
    for depth in range(1, ids.shape[1] + 1):  # runs of one prefix: contiguous
        column = ids[:, depth - 1]
        new_group[1:] |= column[1:] != column[:-1]
        starts = np.flatnonzero(new_group)
        group = np.cumsum(new_group) - 1
        many = enough_names(np.add.reduceat(w, starts), unit, min_names)
        common = many & (column[starts] != 0)
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
    counts = np.concatenate(counts).astype(count_dtype(weights))
    return prefix_table(keys, counts, min_names, float(blend_names) * unit)


def prefix_table(keys, counts, min_names, blend):
    """The table :func:`prefix_lengths` returns, from a row of length counts
    per prefix: its keys sorted, each distinct row of counts kept once when
    rows repeat.

    The rows of a prefix and of its longer prefixes that the same names start
    with are the same: names of large counts keep every prefix of each
    (:func:`enough_names`), and a name's long tail of prefixes would repeat
    its row. Then ``"counts"`` holds the distinct rows and ``"rows"`` each
    key's row of them; when that would take no fewer bytes (rows that seldom
    repeat, as those of names of count 1), ``"counts"`` holds a row per key
    and there is no ``"rows"``, as in a table saved before rows were shared
    (which a version from before reads too).

    Parameters
    ----------
    keys : ndarray of uint64
        The :func:`~sknextchar._training_record.hash_id_rows` of the prefixes, distinct.
    counts : ndarray of shape (len(keys), n_lengths)
        The length counts of each prefix's names.
    min_names : int
    blend : float

    Returns
    -------
    table : dict

    Examples
    --------
    >>> keys = np.array([9, 4, 7], dtype=np.uint64)
    >>> table = prefix_table(keys, np.array([[0, 2], [1, 1], [0, 2]]), 20, 40.0)
    >>> table["keys"].tolist(), table["counts"].tolist(), table["rows"].tolist()
    ([4, 7, 9], [[0, 2], [1, 1]], [1, 0, 0])
    >>> table = prefix_table(keys, np.array([[0, 2], [1, 1], [3, 0]]), 20, 40.0)
    >>> table["counts"].tolist(), "rows" in table
    ([[1, 1], [3, 0], [0, 2]], False)
    """
    sort = np.argsort(keys)
    counts = counts[sort]
    shared, rows = np.unique(counts, axis=0, return_inverse=True)
    rows = rows.reshape(-1).astype(np.min_scalar_type(max(len(shared) - 1, 0)))
    table = {"keys": keys[sort], "counts": counts}
    if shared.nbytes + rows.nbytes < counts.nbytes:  # rows repeat enough to pay
        table.update(counts=shared, rows=rows)
    return {**table, "min_names": int(min_names), "blend": float(blend)}


def counts_by_key(table):
    """The row of length counts of each key of a :func:`prefix_lengths`
    table, shared or not (``table["counts"]`` itself when it has no
    ``"rows"``).

    Examples
    --------
    >>> table = {"counts": np.array([[0, 2], [1, 1]]), "rows": np.array([1, 0, 0])}
    >>> counts_by_key(table).tolist()
    [[1, 1], [0, 2], [0, 2]]
    """
    rows = table.get("rows")
    return table["counts"] if rows is None else table["counts"][rows]


def enough_names(weights, unit, min_names=MIN_PREFIX_NAMES):
    """Whether prefixes whose names weigh ``weights`` (summed) have at least
    ``min_names`` names of weight ``unit`` (the weight of one name).

    Sums of weights divided by a weight are off by a few ulps (20 names of
    weight 0.3 add up to 19.999999999999996 names of 0.3), so the count is
    compared with a relative tolerance of 1e-9: weights of mean below 1 all
    multiplied alike keep the same prefixes.

    Examples
    --------
    >>> enough_names(np.array([20 * 0.3, 19 * 0.3]), 0.3, 20).tolist()
    [True, False]
    """
    return np.asarray(weights) / unit >= min_names * (1 - 1e-9)


def blend_lengths(counts, all_counts, blend, start=0):
    """A prefix's length counts plus ``blend`` names' worth of all names' shares.

    Parameters
    ----------
    counts : ndarray
        ``counts[k]`` of the names that start with the prefix have ``k``
        symbols.
    all_counts : ndarray
        The lengths of all names, the same way.
    blend : float
        How many names' worth of ``all_counts``' shares to add; 0 returns
        ``counts`` itself.
    start : int, default=0
        The prefix's length: no name that starts with it is shorter, so the
        shares are those of the names of ``start`` symbols or more.

    Returns
    -------
    counts : ndarray
        ``counts`` (float64, as long as the longer of the two, when blended).

    Examples
    --------
    >>> blend_lengths(np.array([0, 0, 1, 3]), np.array([0, 2, 4, 2]), 4.0, start=2)
    array([0.        , 0.        , 3.66666667, 4.33333333])
    >>> blend_lengths(np.array([0, 1]), np.array([0, 2, 4]), 0.0)
    array([0, 1])
    """
    shares = np.zeros(max(len(counts), len(all_counts)))
    shares[start : len(all_counts)] = all_counts[start:]
    if not blend or not shares.sum():
        return counts
    out = shares * (blend / shares.sum())
    out[: len(counts)] += counts
    return out


@dataclass(frozen=True)
class LengthsOf:
    """Whose lengths ``match_lengths`` matches (and ``sample_report`` compares
    with), in parts, for each message to build its words from.

    Parameters
    ----------
    names : str, default="training names"
        The names, without their article: ``"training names of label 'x'"``,
        ``"training names that start with 'ra'"``.
    every : bool, default=True
        Said "all" (every training name, no prefix or a prefix's fallback),
        not "the".
    why : str, default=""
        Why all the names stand for a prefix's, said in a parenthesis; ""
        for none.
    blended : bool, default=False
        The names' lengths blended with all training names'.

    Examples
    --------
    >>> print(LengthsOf(why="fewer than 20 start with 'ra'"))
    all training names (fewer than 20 start with 'ra')
    >>> LengthsOf(why="fewer than 20 start with 'ra'").share(" with 3 letters or more")
    'the training names with 3 letters or more'
    >>> print(LengthsOf("training names that start with 'ra'", False, blended=True))
    the training names that start with 'ra', blended with all training names' lengths
    """

    names: str = "training names"
    every: bool = True
    why: str = ""
    blended: bool = False

    def __str__(self):
        why = f" ({self.why})" if self.why else ""
        return f"{self._article()} {self.names}{why}{self._blend()}"

    def share(self, cut=""):
        """The words that a share of the lengths is of: without the
        parenthesis (said once, where the names are first told); with ``cut``
        (``" with 3 letters or more"``), of those names within it, "the"
        names then, since not all of them."""
        return f"{self._article(cut)} {self.names}{cut}{self._blend()}"

    def _article(self, cut=""):
        return "all" if self.every and not cut else "the"

    def _blend(self):
        return ", blended with all training names' lengths" if self.blended else ""


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
    words : LengthsOf
        Whose lengths they are, for messages and reports.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> table = prefix_lengths([np.array([1, 2])] * 3, min_names=2, blend_names=3)
    >>> s = SimpleNamespace(training_prefix_lengths_=table)
    >>> target_lengths(s, [1], np.array([0, 1, 3]))[0]  # [0, 0, 3] + 3 * [0, 1, 3] / 4
    array([0.  , 0.75, 5.25])
    >>> old = SimpleNamespace(training_prefix_lengths_=dict(table))
    >>> del old.training_prefix_lengths_["blend"]  # saved before the blend
    >>> counts, words = target_lengths(old, [1], np.array([0, 1, 3]))
    >>> counts, str(words)
    (array([0, 0, 3]), 'the training names that start with the prefix')
    >>> print(target_lengths(s, [2], np.array([0, 1, 3]))[1])
    all training names (fewer than 2 start with the prefix)
    >>> print(target_lengths(s, [], np.array([0, 1, 3]), label="y")[1])
    the training names of label 'y'
    >>> from sknextchar._decoding import SamplingControls
    >>> bounds = SamplingControls(min_length=1, max_length=1)
    >>> print(target_lengths(s, [1], np.array([0, 1, 3]), controls=bounds)[1])
    all training names (none that start with the prefix is within the length bounds)
    """
    table = getattr(sampler, "training_prefix_lengths_", None)
    if label is not None:  # not by prefix; with no prefix too, the label's
        return all_counts, LengthsOf(f"training names of label {label!r}", False)
    if not len(prefix_ids):
        return all_counts, LengthsOf()
    if table is None:
        return all_counts, LengthsOf(why="no record by prefix")
    counts = prefix_counts(table, prefix_ids)
    blend = table.get("blend", 0.0)  # saved before the blend: the own lengths
    return prefix_or_all(
        counts, all_counts, table["min_names"], controls, named, blend, len(prefix_ids)
    )


def prefix_or_all(
    counts,
    all_counts,
    min_names=MIN_PREFIX_NAMES,
    controls=None,
    named="the prefix",
    blend=0.0,
    start=0,
):
    """The length counts of a prefix's training names (blended with all
    names' lengths), or of all when too few start with it; and what they are.

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
    blend : float, default=0.0
        How many names' worth of ``all_counts``' shares :func:`blend_lengths`
        adds to ``counts``.
    start : int, default=0
        The prefix's length (:func:`blend_lengths`).

    Returns
    -------
    counts : ndarray
    words : LengthsOf
        Whose lengths they are, for messages and reports.

    Examples
    --------
    >>> print(prefix_or_all(None, np.array([0, 2]), 100, named="'ra'")[1])
    all training names (fewer than 100 start with 'ra')
    >>> counts, words = prefix_or_all(np.array([0, 0, 1]), np.array([0, 2]))
    >>> counts, str(words)
    (array([0, 0, 1]), 'the training names that start with the prefix')
    >>> counts, words = prefix_or_all(np.array([0, 0, 1]), np.array([0, 2]), blend=1.0)
    >>> counts, words.blended
    (array([0., 1., 1.]), True)
    """
    if counts is None:
        return all_counts, LengthsOf(why=f"fewer than {min_names} start with {named}")
    low, high = (
        (0, len(counts))
        if controls is None
        else (controls.min_length, controls.max_length)
    )
    if not np.any(counts[low : high + 1]):
        within = f"none that start with {named} is within the length bounds"
        return all_counts, LengthsOf(why=within)
    words = LengthsOf(f"training names that start with {named}", False)
    if not blend:
        return counts, words
    blended = blend_lengths(counts, all_counts, blend, start)
    return blended, replace(words, blended=True)
