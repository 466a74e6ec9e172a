"""Classical character language models, the baselines of the benchmark suite.

They use the package's symbol convention, so their numbers compare with the
classifier's: 27 symbols, id 0 is ``"-"`` (the start padding of every context and the
end-of-name marker), ids 1..26 are ``a``..``z``. A name of ``n`` letters has ``n + 1``
predicted characters, the end marker included, and the context of its first letter is
all padding. Windows are cut by the package's own :class:`ContextWindowTransformer`.

Models
------
:class:`UniformModel`
    Every symbol has probability 1/27 (NLL ``log 27 = 3.296`` nats per character).
:class:`AddOneBigramModel`
    ``P(w | v) = (c(v w) + 1) / (c(v) + 27)``, Laplace smoothing of bigram counts.
:class:`KneserNeyModel`
    Interpolated modified Kneser-Ney n-gram (Kneser & Ney 1995; Chen & Goodman 1998,
    "An empirical study of smoothing techniques for language modeling", TR-10-98,
    section 3), any order >= 1; the benchmarks use 3..6.

Every model has ``fit(names)``, ``proba(contexts)`` / ``log_proba(contexts)`` (one row
per context, one column per symbol), ``target_proba(contexts, targets)`` and
``nll_per_char(names)``, the mean natural-log negative log-likelihood per predicted
character.
"""

import numpy as np

from sknextchar import ContextWindowTransformer
from sknextchar._vocabulary import DEFAULT_ALPHABET, END_ID, make_vocabulary

VOCABULARY = make_vocabulary(DEFAULT_ALPHABET)  # ("-", "a", ..., "z")
V = len(VOCABULARY)  # 27 symbols
# "-" (id 0) pads every context before the name starts; it is also the end marker,
# but the end marker is only ever a target, so inside a context (or as the first
# symbol of an n-gram of order >= 2) id 0 always means start padding.
PAD = END_ID
_MAX_ORDER = 13  # V**13 < 2**63: an n-gram of up to 13 symbols is one int64 key
_CHUNK = 1 << 16  # rows per block when a (n, V) probability matrix is built


def cut_windows(names, context_length):
    """Contexts and targets of every predicted character of ``names``.

    Parameters
    ----------
    names : list of str
        Names over a-z.
    context_length : int
        Symbols of context, >= 0 (0 gives an empty context per window).

    Returns
    -------
    contexts : ndarray of shape (n_windows, context_length), int
    targets : ndarray of shape (n_windows,), int
        ``n_windows = sum(len(name) + 1)``.
    """
    transformer = ContextWindowTransformer(context_length=max(context_length, 1))
    windows = transformer.fit_transform(names)
    contexts = windows.contexts[:, windows.context_length - context_length :]
    return contexts.astype(np.intp), windows.targets.astype(np.intp)


def encode(grams):
    """One int64 key per row of symbol ids, in base ``V`` (first column most significant).

    A row of zero columns has key 0.
    """
    grams = np.asarray(grams)
    key = np.zeros(len(grams), dtype=np.int64)
    for column in grams.T:
        key = key * V + column
    return key


def decode(key, length):
    """The string of ``length`` symbols whose base-``V`` key is ``key``."""
    symbols = []
    for _ in range(length):
        key, symbol = divmod(int(key), V)
        symbols.append(VOCABULARY[symbol])
    return "".join(reversed(symbols))


class CharModel:
    """Common interface: fit on names, score contexts, NLL per character.

    Subclasses set ``order`` (symbols in an n-gram, the predicted one included) and
    implement ``_fit(contexts, targets)`` and ``proba(contexts)``.
    """

    order = 1

    @property
    def context_length(self):
        """Number of previous symbols the model conditions on (``order - 1``)."""
        return self.order - 1

    def fit(self, names):
        """Fit the model on a list of names; returns ``self``."""
        self._fit(*cut_windows(names, self.context_length))
        return self

    def _check_contexts(self, contexts):
        contexts = np.asarray(contexts)
        if contexts.ndim != 2 or contexts.shape[1] < self.context_length:
            raise ValueError(
                f"contexts must be a 2-D array with at least {self.context_length} "
                f"columns; got shape {contexts.shape}."
            )
        if contexts.size and (contexts.min() < 0 or contexts.max() >= V):
            raise ValueError(f"context ids must lie in [0, {V - 1}].")
        # Keep the last context_length columns: wider windows can be shared.
        return contexts[:, contexts.shape[1] - self.context_length :].astype(np.intp)

    def log_proba(self, contexts):
        """Natural log of :meth:`proba`, shape (n_contexts, 27)."""
        return np.log(self.proba(contexts))

    def target_proba(self, contexts, targets):
        """Probability of each target given its context, shape (n_contexts,)."""
        contexts = np.asarray(contexts)
        targets = np.asarray(targets, dtype=np.intp)
        out = np.empty(len(targets))
        for start in range(0, len(targets), _CHUNK):
            block = slice(start, start + _CHUNK)
            proba = self.proba(contexts[block])  # (chunk, V)
            out[block] = np.take_along_axis(proba, targets[block, None], axis=1)[:, 0]
        return out

    def nll_per_char(self, names):
        """Mean natural-log NLL per predicted character, end marker included."""
        contexts, targets = cut_windows(names, self.context_length)
        return float(-np.mean(np.log(self.target_proba(contexts, targets))))


class UniformModel(CharModel):
    """Every one of the 27 symbols has probability 1/27, whatever the context."""

    order = 1

    def _fit(self, contexts, targets):
        pass

    def proba(self, contexts):
        contexts = self._check_contexts(contexts)
        return np.full((len(contexts), V), 1.0 / V)


class AddOneBigramModel(CharModel):
    """Bigram model with add-one (Laplace) smoothing.

    ``P(w | v) = (c(v w) + 1) / (c(v) + 27)`` where ``c(v w)`` counts symbol ``w``
    right after symbol ``v`` in the training windows and ``c(v) = sum_w c(v w)``.
    The first letter of a name is predicted from ``v = "-"``.

    Attributes
    ----------
    counts_ : ndarray of shape (27, 27)
        ``counts_[v, w] = c(v w)``.
    """

    order = 2

    def _fit(self, contexts, targets):
        pairs = contexts[:, -1] * V + targets
        self.counts_ = np.bincount(pairs, minlength=V * V).reshape(V, V)

    def proba(self, contexts):
        contexts = self._check_contexts(contexts)
        counts = self.counts_[contexts[:, -1]]  # (n, V)
        return (counts + 1.0) / (counts.sum(axis=1, keepdims=True) + V)


class _OrderTable:
    """One order of the interpolated model, as dense per-context rows.

    ``P_k(w | h) = alpha[row(h), w] + gamma[row(h)] * P_{k-1}(w | h')``, where ``h'``
    drops the oldest symbol of ``h``. Row ``len(context_keys)`` is the sentinel for a
    context never seen at this order: alpha 0 and gamma 1, so the estimate falls
    through to the lower order.
    """

    def __init__(self, context_keys, alpha, gamma):
        self.context_keys = context_keys  # (n_contexts,), sorted
        self.alpha = alpha  # (n_contexts + 1, V)
        self.gamma = gamma  # (n_contexts + 1,)

    def rows(self, keys):
        if not len(self.context_keys):  # nothing stored at this order
            return np.zeros(len(keys), dtype=np.intp)
        pos = np.searchsorted(self.context_keys, keys)
        pos = np.minimum(pos, len(self.context_keys) - 1)
        found = self.context_keys[pos] == keys
        return np.where(found, pos, len(self.context_keys))


def modified_discounts(counts, fallback=(0.5, 1.0, 1.5)):
    """Chen & Goodman's modified Kneser-Ney discounts from count-of-counts.

    With ``n_r`` the number of n-grams of count exactly ``r`` and
    ``Y = n_1 / (n_1 + 2 n_2)`` (Chen & Goodman 1998, section 3)::

        D1  = 1 - 2 Y n_2 / n_1
        D2  = 2 - 3 Y n_3 / n_2
        D3+ = 3 - 4 Y n_4 / n_3

    When a formula is undefined (some ``n_r`` of ``r <= 3`` is 0) or a discount falls
    outside ``(0, r)``, the whole order uses ``fallback`` instead (the values KenLM
    offers as its discount fallback); this happens at the unigram level, where 27
    continuation counts carry little count-of-count information.

    Parameters
    ----------
    counts : ndarray of int
        The counts the order's estimate uses (raw or continuation counts).
    fallback : tuple of 3 floats, default=(0.5, 1.0, 1.5)

    Returns
    -------
    discounts : tuple of 3 floats
        ``(D1, D2, D3+)``.
    count_of_counts : tuple of 4 ints
        ``(n_1, n_2, n_3, n_4)``.
    used_fallback : bool
    """
    n1, n2, n3, n4 = (int(np.count_nonzero(counts == r)) for r in (1, 2, 3, 4))
    if min(n1, n2, n3) == 0:
        return tuple(fallback), (n1, n2, n3, n4), True
    y = n1 / (n1 + 2 * n2)
    discounts = (1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3)
    if not all(0 < d < r for d, r in zip(discounts, (1, 2, 3))):
        return tuple(fallback), (n1, n2, n3, n4), True
    return discounts, (n1, n2, n3, n4), False


class KneserNeyModel(CharModel):
    """Interpolated modified Kneser-Ney character n-gram model.

    For an n-gram ``h w`` of order ``k`` (context ``h`` of ``k - 1`` symbols)::

        P_k(w | h) = max(c_k(h w) - D_k(c_k(h w)), 0) / c_k(h .)
                     + gamma_k(h) * P_{k-1}(w | h')
        gamma_k(h) = (D_k1 N_1(h .) + D_k2 N_2(h .) + D_k3+ N_3+(h .)) / c_k(h .)

    with ``h'`` the context without its oldest symbol, ``c_k(h .)`` the sum of
    ``c_k(h w)`` over ``w``, ``N_r(h .)`` the number of symbols ``w`` with
    ``c_k(h w) = r`` (``3+``: ``>= 3``) and ``D_k(c)`` the discount ``D_k1``,
    ``D_k2`` or ``D_k3+`` for ``c = 1, 2, >= 3``, estimated separately for each order
    by :func:`modified_discounts` from the counts that order uses (Chen & Goodman
    1998, section 3). A context unseen at order ``k`` gives ``P_k = P_{k-1}``. The
    recursion ends at ``P_0(w) = 1 / 27``, so every symbol keeps a non-zero
    probability.

    The counts ``c_k``:

    - at the highest order ``k = order``: raw counts of the training windows;
    - below it: continuation counts, the number of distinct symbols ``v`` seen right
      before ``h w`` (Kneser & Ney 1995): a lower order is consulted when the longer
      context is rare, so it should model how many contexts a symbol completes,
      not how often it occurs;
    - n-grams that begin with the start padding are the exception (``padding``).

    **Start padding.** Each context is padded with ``order - 1`` symbols ``"-"``, so
    the first letter of a name is an n-gram ``"----a"`` and the second ``"---ab"``.
    Such an n-gram is only ever preceded by more padding, so its continuation
    count is 1 whatever its frequency. ``padding`` chooses the treatment:

    ``"single"`` (default)
        The run of padding counts as one start-of-name symbol, like the
        sentence-start token ``<s>`` of word models, whose n-grams keep their raw
        counts in KenLM (Heafield et al. 2013): n-grams that begin with two pads are
        not stored (their order passes the estimate through, ``P_k = P_{k-1}``), and
        n-grams that begin with exactly one pad keep their raw counts.
    ``"raw"``
        Every n-gram that begins with padding keeps its raw count, at every order.
        The start of a name is then estimated from the same raw counts at several
        orders, each discounting them again (over-smoothing the start).
    ``"continuation"``
        No exception: the padded n-grams get their continuation counts of 1.

    Parameters
    ----------
    order : int, default=5
        Symbols per n-gram, the predicted one included (context of ``order - 1``).
    padding : {"single", "raw", "continuation"}, default="single"
        Treatment of n-grams that begin with the start padding, see above.
    discount_fallback : tuple of 3 floats, default=(0.5, 1.0, 1.5)
        Discounts of an order whose count-of-counts do not define Chen & Goodman's.

    Attributes
    ----------
    discounts_ : dict of int -> tuple of 3 floats
        ``(D1, D2, D3+)`` of each order ``1 .. order``.
    count_of_counts_ : dict of int -> tuple of 4 ints
        ``(n_1, n_2, n_3, n_4)`` of each order, over the n-grams it stores.
    fallback_orders_ : list of int
        Orders whose discounts are ``discount_fallback``.
    n_ngrams_ : int
        Number of n-grams stored, all orders together.
    """

    _PADDINGS = ("single", "raw", "continuation")

    def __init__(self, order=5, *, padding="single", discount_fallback=(0.5, 1.0, 1.5)):
        if not 1 <= order <= _MAX_ORDER:
            raise ValueError(f"order must be in [1, {_MAX_ORDER}]; got {order!r}.")
        if padding not in self._PADDINGS:
            raise ValueError(
                f"padding must be one of {self._PADDINGS}; got {padding!r}."
            )
        self.order = order
        self.padding = padding
        self.discount_fallback = discount_fallback

    def _fit(self, contexts, targets):
        n = self.order
        grams = np.column_stack([contexts, targets])  # (n_windows, n)
        # Distinct k-grams ending at each target, and their raw counts, k = 1..n.
        keys, raw = {}, {}
        for k in range(1, n + 1):
            keys[k], raw[k] = np.unique(encode(grams[:, n - k :]), return_counts=True)
        self._keys, self._counts, self._tables = {}, {}, {}
        self.discounts_, self.count_of_counts_, self.fallback_orders_ = {}, {}, []
        for k in range(n, 0, -1):
            counts = raw[k] if k == n else self._continuation(k, keys, raw)
            stored = slice(None)
            if self.padding == "single" and k >= 3:
                stored = keys[k] // V ** (k - 2) != PAD  # not two leading pads
            self._keys[k], self._counts[k] = keys[k][stored], counts[stored]
            discounts, cc, fell_back = modified_discounts(
                self._counts[k], self.discount_fallback
            )
            self.discounts_[k], self.count_of_counts_[k] = discounts, cc
            if fell_back:
                self.fallback_orders_.append(k)
            self._tables[k] = self._table(self._keys[k], self._counts[k], discounts)
        self.n_ngrams_ = int(sum(len(k) for k in self._keys.values()))

    def _continuation(self, k, keys, raw):
        """Counts of order ``k < order``: distinct left extensions of each k-gram."""
        # Each distinct (k+1)-gram ``v g`` adds one to the count of its suffix ``g``.
        suffix_keys, counts = np.unique(keys[k + 1] % V**k, return_counts=True)
        # Every window's context is order - 1 >= k symbols long, so each k-gram of a
        # window has a (k+1)-gram extension in the same window: the sets coincide.
        if not np.array_equal(suffix_keys, keys[k]):  # pragma: no cover
            raise RuntimeError("k-grams without a left extension; this is a bug.")
        if k >= 2 and self.padding != "continuation":
            starts_padded = keys[k] // V ** (k - 1) == PAD
            counts = np.where(starts_padded, raw[k], counts)
        return counts

    def _table(self, keys, counts, discounts):
        """Dense alpha and gamma rows of one order from its n-gram counts."""
        contexts, symbols = np.divmod(keys, V)
        context_keys, row = np.unique(contexts, return_inverse=True)
        totals = np.bincount(row, weights=counts)  # c_k(h .)
        d = np.array([0.0, *discounts])[np.minimum(counts, 3)]  # D_k(c_k(h w))
        alpha = np.zeros((len(context_keys) + 1, V))  # last row: unseen context
        alpha[row, symbols] = np.maximum(counts - d, 0) / totals[row]
        gamma = np.ones(len(context_keys) + 1)
        gamma[:-1] = np.bincount(row, weights=d) / totals  # sum of D = D1 N1 + ...
        return _OrderTable(context_keys, alpha, gamma)

    def _rows(self, contexts):
        """Table row of each context at every order 1..n, in that order."""
        width = contexts.shape[1]
        return [
            self._tables[k].rows(encode(contexts[:, width - (k - 1) :]))
            for k in range(1, self.order + 1)
        ]

    def proba(self, contexts):
        contexts = self._check_contexts(contexts)
        proba = np.full((len(contexts), V), 1.0 / V)  # P_0, (n, V)
        for k, rows in enumerate(self._rows(contexts), start=1):
            table = self._tables[k]
            proba = table.alpha[rows] + table.gamma[rows, None] * proba  # (n, V)
        return proba

    def target_proba(self, contexts, targets):
        contexts = self._check_contexts(contexts)
        targets = np.asarray(targets, dtype=np.intp)
        proba = np.full(len(targets), 1.0 / V)  # P_0, (n,)
        for k, rows in enumerate(self._rows(contexts), start=1):
            table = self._tables[k]
            proba = table.alpha[rows, targets] + table.gamma[rows] * proba  # (n,)
        return proba

    def counts(self, k):
        """The counts order ``k`` uses, as ``{n-gram string: count}``, for inspection.

        Raw counts at the highest order, continuation counts below it, padded
        n-grams as ``padding`` says.
        """
        return {
            decode(key, k): int(c)
            for key, c in zip(self._keys[k], self._counts[k], strict=True)
        }
