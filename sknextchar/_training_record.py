"""A compact record of the names a sampler was fitted on: hashes and lengths.

:class:`~sknextchar.NameSampler` remembers its training names so that
``sample(novel=True)`` can leave them out and :meth:`NameSampler.in_training_set`
can answer whether a name was one of them, also after the sampler is saved and
loaded. It does not keep the names themselves: a name is compared as the model
spells it, as its symbol ids after the transformer's own normalisation
(:meth:`ContextWindowTransformer.encode`: lowercasing and whatever else the
transformer does), and the record holds a 64-bit hash of those ids, sorted.
That is 8 bytes per distinct training name (8 MB for 1,000,000 names), plus one
count per name length.

Two different names share a hash with probability about ``n / 2**64`` per
query (``5e-14`` at a million training names), so a new name is taken for a
training name about once in twenty thousand billion draws.

The hash is FNV-1a over the ids, computed for all names at once with NumPy
(no Python loop per name), and does not depend on Python's hash seed, so a
saved record stays valid in another process. The same hashes tell, for the
message of a request that cannot be met, whether the names a test of
``sample`` rejected are a few names drawn over and over (:class:`RepeatedNames`).

A model that keeps case (``lowercase=False``) writes "HALEIGH" as well as
"Haleigh", and a user asking for new names does not count the one as new when
the list has the other. For a vocabulary with both cases of some letter (or
two capitals of one: "I" and "İ"), the record also holds the hashes of the
names case-folded (:func:`folded_hashes`): the symbols of one letter in any
case mapped to one id (:func:`fold_map`: "A" to "a"; "Ǆ" and "ǅ" to one id in
a list without "ǆ"; "İ" and "ı" with "i"), one more sorted uint64 array.
Accents are not folded ("Jose" and "José" are different names), nor is a
letter into two ("Straße" and "STRASSE"), and a vocabulary without case (the
bundled a-z names) keeps no second array.
"""

import numpy as np
from sklearn.utils.validation import column_or_1d

__all__ = [
    "AdvisedWords",
    "HOTTER_WORDS",
    "MAX_FEW",
    "REFIT_FOLDED",
    "RepeatedNames",
    "WITHOUT_FOLDED",
    "checked_folded",
    "contains",
    "count_dtype",
    "fold_map",
    "folded_hashes",
    "folded_ids",
    "folded_name",
    "folds_case",
    "hash_id_rows",
    "lacks_folded",
    "length_counts",
    "name_record",
    "new_names_accept",
    "padded_ids",
    "record_contains",
    "training_ids",
    "training_record",
]

# The advice of RepeatedNames.words; a message drops it where it cannot help
# (at temperature=inf, no temperature is higher): AdvisedWords.plain.
HOTTER_WORDS = "a higher temperature=... draws others"
# The most distinct names a message of rejected draws names (a few of them).
MAX_FEW = 3


class AdvisedWords(str):
    """The words of a test of ``sample`` that end in advice, and without it.

    A ``str``: the words as a message lists them. ``plain`` holds the same
    words without the advice, for a message where it cannot help (no
    temperature is higher than ``inf``), so that message needs no search for
    the advice's wording in the text. ``repeated`` holds how many draws were
    the names the words name, so a message can tell when every draw was, and
    ``names`` those names (their lengths tell which ``min_length`` skips them).

    Parameters
    ----------
    words : str
        The words, with the advice.
    plain : str
        The words without it.
    repeated : int, default=0
        How many draws were the names the words name.
    names : tuple of str, default=()
        The names the words name.

    Examples
    --------
    >>> words = AdvisedWords("rare (try more)", plain="rare")
    >>> words, words.plain
    ('rare (try more)', 'rare')
    """

    def __new__(cls, words, *, plain, repeated=0, names=()):
        advised = super().__new__(cls, words)
        advised.plain, advised.repeated = plain, repeated
        advised.names = tuple(names)
        return advised

    def __reduce__(self):
        return _advised_words, (str(self), self.plain, self.repeated, self.names)


def _advised_words(words, plain, repeated=0, names=()):
    return AdvisedWords(words, plain=plain, repeated=repeated, names=names)


_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)


def hash_id_rows(ids):
    """A 64-bit FNV-1a hash of each row of zero-padded symbol ids.

    Parameters
    ----------
    ids : ndarray of int of shape (n, width)
        Each row holds a name's letter ids (all above 0) followed by zeros.

    Returns
    -------
    hashes : ndarray of uint64 of shape (n,)
        The same name gives the same hash whatever the padding width.

    Examples
    --------
    >>> import numpy as np
    >>> h = hash_id_rows(np.array([[1, 2, 0], [1, 2, 3]]))
    >>> h2 = hash_id_rows(np.array([[1, 2]]))
    >>> bool(h[0] == h2[0]), bool(h[0] == h[1])
    (True, False)
    """
    ids = np.asarray(ids)
    hashes = np.full(len(ids), _FNV_OFFSET, dtype=np.uint64)
    with np.errstate(over="ignore"):  # the multiplication wraps by design
        for column in ids.T:
            letter = column != 0
            mixed = (hashes ^ column.astype(np.uint64)) * _FNV_PRIME
            hashes = np.where(letter, mixed, hashes)
    return hashes


class RepeatedNames:
    """Whether the names a test of ``sample`` rejects are a few, over and over.

    At a very low temperature a model draws its greedy name (the most probable
    character at each step) nearly every time; when a test rejects it
    (training names with ``novel=True``, a spelling no training name has),
    nearly every draw is rejected, and the message of the failed request says
    so, with the names. The tally counts
    the rejected rows of each distinct name, by hash, until there are more
    than ``max_tracked`` (then it stops looking: the model draws many names).

    Parameters
    ----------
    decode : callable
        Maps rows of ids to names (the names quoted); given by the caller,
        which knows the vocabulary.
    max_tracked : int, default=64
        The most distinct rejected names counted.

    Examples
    --------
    >>> import numpy as np
    >>> tally = RepeatedNames(lambda rows: ["ab", "c"][: len(rows)])
    >>> tally.add(np.array([[1, 2, 0], [1, 2, 0], [3, 0, 0]] * 10), [True] * 30)
    >>> tally.words("not among the training names")
    "not among the training names (all 30 names it rejected were 'ab' or 'c', \
drawn over and over: a higher temperature=... draws others)"
    >>> tally.add(np.array([[4, 0], [5, 0], [6, 0]]), [True, False, True])
    >>> tally.words("not among the training names")
    "not among the training names (30 of the 32 names it rejected were 'ab' or \
'c', drawn over and over: a higher temperature=... draws others)"
    """

    def __init__(self, decode, max_tracked=64):
        self.decode = decode
        self.max_tracked = max_tracked
        self.n_rejected = 0
        self._counts = {}  # hash -> [rows rejected, the first row of that name]

    def add(self, ids, rejected, hashes=None):
        """Count the rows of ``ids`` where ``rejected`` (bools) is true.

        ``hashes`` are those of every row, when known.
        """
        rejected = np.asarray(rejected, dtype=bool)
        n_rejected = int(np.count_nonzero(rejected))
        self.n_rejected += n_rejected
        if len(self._counts) > self.max_tracked or not n_rejected:
            return  # many names: no need to look at them
        ids = ids[rejected]
        hashes = hash_id_rows(ids) if hashes is None else hashes[rejected]
        distinct, first, counts = np.unique(
            hashes, return_index=True, return_counts=True
        )
        for key, row, count in zip(distinct.tolist(), first.tolist(), counts.tolist()):
            self._counts.setdefault(key, [0, ids[row]])[0] += count

    def words(self, words):
        """``words``, and the repeated names when a few make up the rejected ones.

        A few is at most :data:`MAX_FEW`
        distinct names that make up 90% of the rejected rows, each rejected 10
        times on average.
        """
        if not self._counts or len(self._counts) > self.max_tracked:
            return words
        top = sorted(self._counts.values(), key=lambda pair: -pair[0])
        few, covered = 0, 0
        while few < min(MAX_FEW, len(top)) and covered < 0.9 * self.n_rejected:
            covered += top[few][0]
            few += 1
        if covered < 0.9 * self.n_rejected or covered < 10 * few:
            return words
        width = max(len(row) for _, row in top[:few])
        rows = np.zeros((few, width), dtype=np.intp)
        for i, (_, row) in enumerate(top[:few]):
            rows[i, : len(row)] = row
        decoded = tuple(self.decode(rows))
        names = " or ".join(map(repr, decoded))
        share = (
            f"all {covered:,}"
            if covered == self.n_rejected
            else f"{covered:,} of the {self.n_rejected:,}"
        )
        listed = f"{words} ({share} names it rejected were {names}, drawn over and over"
        return AdvisedWords(
            f"{listed}: {HOTTER_WORDS})",
            plain=f"{listed})",
            repeated=covered,
            names=decoded,
        )


def padded_ids(encoded):
    """The rows of ids of encoded names, zero padded to the longest.

    Parameters
    ----------
    encoded : list of ndarray of int
        One 1-D array of letter ids per name, as
        :meth:`ContextWindowTransformer.encode` returns them.

    Returns
    -------
    ids : ndarray of shape (n_names, longest)
    lengths : ndarray of int of shape (n_names,)

    Examples
    --------
    >>> import numpy as np
    >>> ids, lengths = padded_ids([np.array([3, 1]), np.array([2])])
    >>> ids.tolist(), lengths.tolist()
    ([[3, 1], [2, 0]], [2, 1])
    """
    lengths = np.fromiter((len(a) for a in encoded), dtype=np.intp, count=len(encoded))
    width = int(lengths.max(initial=0))
    ids = np.zeros((len(encoded), width), dtype=np.uint8 if width else np.intp)
    if len(encoded) and width:
        flat = np.concatenate(encoded)
        ids = np.zeros((len(encoded), width), dtype=flat.dtype)
        mask = np.arange(width) < lengths[:, None]  # row-major: the letters in order
        ids[mask] = flat
    return ids, lengths


def length_counts(lengths, weights=None):
    """How many names have each number of letters.

    Parameters
    ----------
    lengths : array-like of int
        The number of letters of each name.
    weights : ndarray of float64 or None, default=None
        How many times each name counts (its ``sample_weight``); None for once.

    Returns
    -------
    counts : ndarray of int64 or float64
        ``counts[k]`` names have ``k`` letters: int64 when every weight is a
        whole number (a name of weight 3 counts three times, exactly), float64
        for fractional weights (see :func:`count_dtype`).

    Examples
    --------
    >>> length_counts([4, 2, 4]).tolist()
    [0, 0, 1, 0, 2]
    >>> length_counts([4, 2, 4], np.array([3.0, 0.0, 1.0])).tolist()
    [0, 0, 0, 0, 4]
    >>> length_counts([4, 2], np.array([0.5, 1.0])).tolist()
    [0.0, 0.0, 1.0, 0.0, 0.5]
    """
    lengths = np.asarray(lengths, dtype=np.intp)
    if weights is None:
        return np.bincount(lengths).astype(np.int64)
    return np.bincount(lengths, weights=weights).astype(count_dtype(weights))


def count_dtype(weights):
    """int64 for whole-number weights (counts kept exact), else float64.

    Whole numbers whose sum is above 2**53 (past which float64 counts are not
    exact, and int64 may overflow) are kept as float64 too.

    Examples
    --------
    >>> count_dtype(np.array([2.0, 0.0])), count_dtype(np.array([0.5]))
    (dtype('int64'), dtype('float64'))
    >>> count_dtype(np.array([1e20, 1.0]))
    dtype('float64')
    """
    if weights is None:
        return np.dtype(np.int64)
    whole = bool(np.all(weights == np.rint(weights)))
    # _limits.MAX_EXACT_COUNT, written out: this module imports none of the package.
    small = float(np.sum(weights, dtype=np.float64)) <= 2**53
    return np.dtype(np.int64 if whole and small else np.float64)


def contains(record, hashes):
    """Which hashes are in a sorted record.

    Parameters
    ----------
    record : ndarray of uint64 of shape (n_record,)
        Sorted hashes (:func:`hash_id_rows` of the training names, unique and
        sorted).
    hashes : ndarray of uint64 of shape (n,)
        The hashes to look up.

    Returns
    -------
    found : ndarray of bool of shape (n,)

    Examples
    --------
    >>> import numpy as np
    >>> record = np.array([3, 8, 20], dtype=np.uint64)
    >>> contains(record, np.array([8, 9], dtype=np.uint64)).tolist()
    [True, False]
    """
    if not len(record):
        return np.zeros(len(hashes), dtype=bool)
    where = np.minimum(np.searchsorted(record, hashes), len(record) - 1)
    return record[where] == hashes


def name_record(encoded, label_of_name=None, n_labels=0, weights=None, vocabulary=None):
    """The record of names: hashes, length counts (by label), hashes case-folded.

    With ``weights``, a name counts as many times as its weight in the length
    counts (:func:`length_counts`); every name, of weight 0 too, is among the
    hashes (it is still one of the user's names).

    Parameters
    ----------
    encoded : list of ndarray of int
        Each name's symbol ids (:meth:`ContextWindowTransformer.encode`).
    label_of_name : ndarray of int of shape (n_names,) or None, default=None
        Each name's label id, in ``[0, n_labels)``; None for names without
        labels.
    n_labels : int, default=0
        The number of labels.
    weights : ndarray of float64 of shape (n_names,) or None, default=None
        Each name's weight (checked: finite, >= 0); None for once each.
    vocabulary : sequence of str or None, default=None
        The symbols, for the hashes of the names case-folded; None for none.

    Returns
    -------
    hashes : ndarray of uint64
        The sorted distinct hashes of the names (:func:`hash_id_rows`).
    counts : ndarray of int64 (float64 for fractional weights)
        ``counts[k]`` names have ``k`` letters.
    by_label : ndarray of shape (n_labels, len(counts)) or None
        The same counts for the names of each label; None without labels.
    folded : ndarray of uint64 or None
        The sorted distinct hashes of the names case-folded
        (:func:`folded_hashes`), the names of weight 0 too; None without
        ``vocabulary`` or for a vocabulary without case.

    Examples
    --------
    >>> import numpy as np
    >>> hashes, counts, by_label, folded = name_record(
    ...     [np.array([1, 2]), np.array([3])], np.array([0, 1]), 2)
    >>> len(hashes), counts.tolist(), by_label.tolist(), folded
    (2, [0, 1, 1], [[0, 0, 1], [0, 1, 0]], None)
    """
    ids, lengths = padded_ids(encoded)
    counts = length_counts(lengths, weights)
    by_label = None
    if label_of_name is not None:
        by_label = np.zeros((n_labels, len(counts)), dtype=counts.dtype)
        added = 1 if weights is None else weights.astype(counts.dtype)
        np.add.at(by_label, (label_of_name, lengths), added)
    if weights is not None:  # no longer lengths than the counted names'
        width = np.flatnonzero(counts)[-1] + 1
        counts = counts[:width]
        by_label = None if by_label is None else by_label[:, :width].copy()
    folded = None if vocabulary is None else folded_hashes(ids, vocabulary)
    return np.unique(hash_id_rows(ids)), counts, by_label, folded


def training_ids(transformer, names):
    """The symbol ids of a sampler's training names; None without names.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["ab"])
    >>> [a.tolist() for a in training_ids(t, ["ab", "b"])], training_ids(t, [])
    ([[1, 2], [2]], None)
    """
    if names is None or (hasattr(names, "__len__") and not len(names)):
        return None  # a FrozenEstimator fitted with fit([])
    return transformer.encode(names)  # checks the names


def training_record(
    transformer, names, labels=None, classes=None, encoded=None, weights=None
):
    """The record a sampler keeps of its training names (see :func:`name_record`).

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted: it spells the names as symbol ids.
    names : 1-D array-like of str or None
        The training names; None or empty for none (no record).
    labels : array-like of shape (n_names,) or None, default=None
        Each name's label, for the length counts by label.
    classes : ndarray or None, default=None
        The sorted labels of the model (None for a model without labels).
    encoded : list of ndarray or None, default=None
        :func:`training_ids` of the names, when the caller has them already
        (the names are then encoded once).
    weights : ndarray of float64 of shape (n_names,) or None, default=None
        Each name's weight, for the length counts (:func:`name_record`).

    Returns
    -------
    hashes, counts, by_label, folded : ndarray or None
        As :func:`name_record`, ``folded`` for the transformer's vocabulary;
        all None without names.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["asha"])
    >>> training_record(t, ["asha", "ravi"])[1].tolist()
    [0, 0, 0, 0, 2]
    """
    if encoded is None:
        encoded = training_ids(transformer, names)
    if encoded is None:
        return None, None, None, None  # a FrozenEstimator fitted with fit([])
    vocabulary = tuple(transformer.vocabulary_)
    if labels is None or classes is None:
        return name_record(encoded, weights=weights, vocabulary=vocabulary)
    label_of_name = np.searchsorted(classes, column_or_1d(np.asarray(labels)))
    return name_record(encoded, label_of_name, len(classes), weights, vocabulary)


def fold_map(vocabulary):
    """Each symbol's id mapped to the id of its letter in any case; None without case.

    Symbols are one letter in any case when ``str.casefold`` writes them
    alike once uppercased (``"Ǆ"``, ``"ǅ"`` and ``"ǆ"``; ``"ẞ"`` and ``"ß"``,
    both ``"ss"``), with the Turkish ``"İ"`` taken as ``"i"`` (as
    ``lowercase=True`` writes it) and the dotless ``"ı"`` beside ``"I"``, its
    capital: ``"AYDIN"`` is ``"Aydın"`` in capitals. The symbols of a letter
    map to the first that is its own lowercase (``"a"`` for ``"A"``), else to
    the first (``"Ǆ"`` for ``"ǅ"`` in a list without ``"ǆ"``). A letter whose
    fold is two letters stays one: ``"ß"`` is not ``"SS"`` (nor is
    ``"Straße"`` ``"STRASSE"``, a name of another length).

    Parameters
    ----------
    vocabulary : sequence of str
        The symbols, in id order; ``vocabulary[0]``, the end marker, maps to 0
        and no symbol maps to it.

    Returns
    -------
    fold : ndarray of intp of shape (n_symbols,) or None
        ``fold[i]`` is the id of the symbol ``vocabulary[i]`` folds to, ``i``
        for a letter of one form. None when no capital folds to another
        symbol (no case to ignore: the a-z names, a list in capitals of
        distinct letters). Two capitals of one letter ("I" and "İ", "Ǆ" and
        "ǅ") fold even in a list in capitals only: "IPEK" is "İPEK" with case
        ignored there, as in a list with lowercase letters and to a model that
        lowercases.

    Examples
    --------
    >>> fold_map(("-", "A", "a", "n", "É")).tolist()  # no "é": "É" stays
    [0, 2, 2, 3, 4]
    >>> fold_map(("-", "I", "i", "ı", "İ", "Ǆ", "ǅ")).tolist()
    [0, 2, 2, 2, 2, 5, 5]
    >>> fold_map(("-", "a", "n")) is None, fold_map(("-", "i", "ı")) is None
    (True, True)
    >>> fold_map(("-", "A", "K")) is None, fold_map(("-", "I", "K", "İ")).tolist()
    (True, [0, 1, 2, 1])
    """
    first = {}  # a letter's fold -> the id its symbols map to
    for i, symbol in sorted(
        enumerate(vocabulary[1:], 1), key=lambda pair: pair[1] != pair[1].lower()
    ):  # the symbols that are their own lowercase first, each in id order
        first.setdefault(_letter_fold(symbol), i)
    fold = np.arange(len(vocabulary), dtype=np.intp)
    for i, symbol in enumerate(vocabulary[1:], 1):
        fold[i] = first[_letter_fold(symbol)]
    capitals = [i for i, symbol in enumerate(vocabulary) if symbol != symbol.lower()]
    return fold if np.any(fold[capitals] != capitals) else None


def _letter_fold(symbol):
    """What a symbol is with case ignored, for :func:`fold_map`.

    Examples
    --------
    >>> [_letter_fold(s) for s in ("A", "ı", "İ", "ǅ", "ẞ", "É")]
    ['a', 'i', 'i', 'ǆ', 'ss', 'é']
    """
    return symbol.replace("\u0130", "i").upper().casefold()


def folded_name(name):
    """A name with case ignored as :func:`fold_map` ignores it, for a list of
    names that no vocabulary comes with: two names are one in any case when
    their keys are equal.

    Each letter in any case is one (``"Anna"`` and ``"ANNA"``; ``"İpek"``,
    ``"ipek"`` and ``"IPEK"``; ``"Aydın"`` and ``"AYDIN"``), and a letter whose
    fold is two stays one: ``"Straße"`` is not ``"STRASSE"`` (``str.casefold``
    makes both ``"strasse"``, and misses the Turkish ``"İ"`` and ``"ı"``).

    Parameters
    ----------
    name : str
        In the Unicode form to compare (NFC).

    Returns
    -------
    key : str or tuple of str
        The name folded, or, when a letter of it folds to two, the fold of each
        letter: never equal to the key of a name of other letters.

    Examples
    --------
    >>> folded_name("İpek") == folded_name("IPEK"), folded_name("AYDIN")
    (True, 'aydin')
    >>> folded_name("Straße") == folded_name("STRASSE")
    False
    >>> folded_name("Straße") == folded_name("STRAẞE")
    True
    """
    name = name.replace("\u0130", "i")
    key = name.upper().casefold()  # no case mapping shortens a text
    return key if len(key) == len(name) else tuple(map(_letter_fold, name))


def folded_hashes(ids, vocabulary):
    """The sorted distinct hashes of names case-folded; None for a caseless vocabulary.

    Parameters
    ----------
    ids : ndarray of int of shape (n_names, width)
        The names' zero-padded symbol ids (:func:`padded_ids`).
    vocabulary : sequence of str
        The symbols, in id order (:func:`fold_map`).

    Returns
    -------
    hashes : ndarray of uint64 or None
        :func:`hash_id_rows` of the folded ids, sorted and distinct ("Anna" and
        "ANNA" give one hash); None without case.

    Examples
    --------
    >>> import numpy as np
    >>> vocabulary = ("-", "A", "N", "a", "n")
    >>> folded = folded_hashes(np.array([[1, 4, 4, 3], [1, 2, 2, 1]]), vocabulary)
    >>> len(folded), folded_hashes(np.array([[1, 2]]), ("-", "a", "n"))
    (1, None)
    """
    fold = fold_map(vocabulary)
    if fold is None:
        return None
    return np.unique(hash_id_rows(folded_ids(ids, fold)))


def folded_ids(ids, fold):
    """Rows of ids case-folded by :func:`fold_map`, in the dtype of ``ids``.

    A folded id is an id, so it fits (and a uint8 row hashes faster).

    Examples
    --------
    >>> import numpy as np
    >>> folded_ids(np.array([[1, 2, 0]], dtype=np.uint8), fold_map(("-", "A", "a")))
    array([[2, 2, 0]], dtype=uint8)
    """
    return fold.astype(ids.dtype, copy=False)[ids]


def record_contains(ids, record, folded=None, vocabulary=None):
    """Which rows of ids are training names, exactly or (with ``folded``) in any case.

    Parameters
    ----------
    ids : ndarray of int of shape (n, width)
        Zero-padded rows of symbol ids (:func:`padded_ids`).
    record : ndarray of uint64
        The sorted hashes of the training names.
    folded : ndarray of uint64 or None, default=None
        Their :func:`folded_hashes`: a row is then known when its folded form
        is a training name's folded form. None compares exactly.
    vocabulary : sequence of str or None, default=None
        The symbols, for the fold (needed with ``folded``).

    Returns
    -------
    known : ndarray of bool of shape (n,)
        True for the rows that are training names.

    Examples
    --------
    >>> vocabulary, anna = ("-", "A", "N", "a", "n"), [np.array([1, 4, 4, 3])]
    >>> ids = np.array([[1, 2, 2, 1], [1, 4, 4, 3], [4, 3, 0, 0]])
    >>> record_contains(ids, name_record(anna)[0]).tolist()
    [False, True, False]
    >>> folded = name_record(anna, vocabulary=vocabulary)[3]
    >>> record_contains(ids, name_record(anna)[0], folded, vocabulary).tolist()
    [True, True, False]
    """
    fold = None if folded is None else fold_map(vocabulary)
    if fold is None:
        return contains(record, hash_id_rows(ids))
    return contains(folded, hash_id_rows(folded_ids(ids, fold)))


def new_names_accept(record, folded=None, vocabulary=None, accept=None):
    """The test of a beam search's finished names that leaves out training names.

    Parameters
    ----------
    record, folded, vocabulary
        As in :func:`record_contains`.
    accept : callable or None, default=None
        Another test (a bool per row of ids), which a name must pass too.

    Returns
    -------
    test : callable
        ``test(ids)`` gives a bool per row of ids: True for a name that is no
        training name (and passes ``accept``).

    Examples
    --------
    >>> test = new_names_accept(name_record([np.array([1, 2])])[0])
    >>> test(np.array([[1, 2, 0], [2, 1, 0]])).tolist()
    [False, True]
    """

    def test(ids):
        new = ~record_contains(ids, record, folded, vocabulary)
        return new if accept is None else accept(ids) & new

    return test


# Why a sampler that keeps case has no folded record, and what to do.
WITHOUT_FOLDED = (
    "it was saved by an earlier version of sknextchar, or resumed with train "
    "--resume from such a file on names that did not hold all of its own"
)
REFIT_FOLDED = (
    "Fit it again on the training names (NameSampler(FrozenEstimator(pipe))"
    ".fit(names) does not refit the pipeline)"
)


def folds_case(sampler):
    """Whether ``novel=True`` on a sampler leaves out case variants of its names.

    True when it keeps the record of its names case-folded (a model that
    keeps case); the answers of ``in_training_set(..., ignore_case=True)``
    are then those of ``novel=True``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> folds_case(SimpleNamespace(training_name_folded_hashes_=np.zeros(1)))
    True
    >>> folds_case(SimpleNamespace(training_name_folded_hashes_=None))
    False
    """
    return getattr(sampler, "training_name_folded_hashes_", None) is not None


def lacks_folded(sampler):
    """Whether a sampler keeps case but has no record of its names case-folded.

    Such a sampler (see ``WITHOUT_FOLDED``) compares case exactly with
    ``novel=True``: "HALEIGH" counts as new beside "Haleigh".

    Parameters
    ----------
    sampler : NameSampler
        Fitted.

    Returns
    -------
    lacks : bool
        False with the record, and for a vocabulary without case.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> lacks_folded(SimpleNamespace(vocabulary_=("-", "A", "a")))
    True
    >>> lacks_folded(SimpleNamespace(vocabulary_=("-", "a")))
    False
    """
    folded = getattr(sampler, "training_name_folded_hashes_", None)
    return folded is None and fold_map(sampler.vocabulary_) is not None


def checked_folded(sampler, vocabulary):
    """A sampler's record of its names case-folded, for ``ignore_case=True``.

    Parameters
    ----------
    sampler : NameSampler
        Fitted, with a record of its training names.
    vocabulary : sequence of str
        Its symbols (:func:`fold_map`).

    Returns
    -------
    folded : ndarray of uint64 or None
        ``training_name_folded_hashes_``; None for a vocabulary without case,
        where the exact record answers alike.

    Raises
    ------
    ValueError
        For a model that keeps case without the folded record (saved before
        it, or resumed from such a file; :func:`lacks_folded`).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> checked_folded(SimpleNamespace(), ("-", "a")) is None
    True
    >>> checked_folded(SimpleNamespace(), ("-", "A", "a"))
    Traceback (most recent call last):
    ...
    ValueError: This NameSampler keeps case but has no record of its training ...
    """
    folded = getattr(sampler, "training_name_folded_hashes_", None)
    if folded is None and fold_map(vocabulary) is not None:
        raise ValueError(
            "This NameSampler keeps case but has no record of its training "
            f"names with case ignored: {WITHOUT_FOLDED}. {REFIT_FOLDED}, or "
            "pass ignore_case=False to compare exactly."
        )
    return folded
