"""KneserNeyClassifier: an interpolated modified Kneser-Ney character n-gram model."""

from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.callback import CallbackSupportMixin, with_callbacks
from sklearn.utils.validation import check_is_fitted

from ._atomic import all_or_nothing, fitted_state
from ._compat import Interval, InvalidParameterError, StrOptions, fit_context
from ._estimator import PackageEstimatorMixin
from ._limits import MAX_EXACT_COUNT
from ._model_input import (
    check_predict_contexts,
    check_score_data,
    check_training_data,
    weighted_log_likelihood,
    window_sample_weight,
)
from ._next_char_model import NextCharModelMixin
from ._ngram import (
    DEFAULT_DISCOUNT_FALLBACK,
    PADDINGS,
    add_k_table,
    interpolated_proba,
    interpolated_target_proba,
    kneser_ney_table,
    max_order,
    merge_counts,
    modified_discounts,
    order_counts,
    table_problem,
)
from ._row_keys import ngram_keys
from ._validation import float_array
from ._windows import CharWindows
from .exceptions import DamagedModelError

# The private attributes that are part of the fitted state (with those ending in _).
_COUNT_STATE = (
    "_n_symbols",
    "_from_windows",
    "_base",
    "_top_keys",
    "_top_counts",
    "_tables",
)


class KneserNeyClassifier(
    PackageEstimatorMixin,
    NextCharModelMixin,
    CallbackSupportMixin,
    ClassifierMixin,
    BaseEstimator,
):
    """Predict the next character with an interpolated modified Kneser-Ney n-gram.

    The classical count model of character language modelling, with the interface
    of :class:`CharEmbeddingMLPClassifier`: it learns from the windows of
    :class:`ContextWindowTransformer` (or from an integer array of context ids
    with labels ``y``), so it is the last step of a pipeline from names, and
    :class:`NameSampler`, ``GridSearchCV`` and :func:`save_model` work with it as
    with the MLP. Fitting counts n-grams, so it takes a fraction of a second;
    ``partial_fit`` adds counts. Names with counts fit with ``sample_weight``
    (whole numbers: a weight of 3 is the name 3 times).

    An n-gram is a context of ``order - 1`` symbols and the symbol after it. For
    an n-gram ``h w`` of order ``k`` (Chen & Goodman 1998, section 3)::

        P_k(w | h) = max(c_k(h w) - D_k(c_k(h w)), 0) / c_k(h .)
                     + gamma_k(h) * P_{k-1}(w | h')
        gamma_k(h) = (D_k1 N_1(h .) + D_k2 N_2(h .) + D_k3+ N_3+(h .)) / c_k(h .)

    with ``h'`` the context without its oldest symbol, ``c_k(h .)`` the sum of
    ``c_k(h w)`` over ``w``, ``N_r(h .)`` the number of symbols ``w`` with
    ``c_k(h w) = r`` (``3+``: at least 3), and ``D_k(c)`` the discount
    ``D_k1``, ``D_k2`` or ``D_k3+`` of a count 1, 2 or more, estimated for each
    order from its count-of-counts (``discounts_``). A context never seen at
    order ``k`` gives ``P_k = P_{k-1}``; the recursion ends at the uniform
    ``P_0 = 1 / n_classes``, so every symbol keeps a probability above zero.
    The counts ``c_k`` are raw counts at the highest order and, below it, the
    continuation counts of Kneser & Ney (1995): the number of distinct symbols
    seen right before ``h w``. A lower order is only consulted when the longer
    context is rare, so it models how many contexts a symbol completes rather
    than how often it occurs.

    **Start padding.** The context of a name's first letter is all ``"-"``
    (id 0), so an n-gram such as ``"----a"`` is only ever preceded by more
    padding and its continuation count would be 1 whatever its frequency.
    ``padding`` chooses the treatment of the n-grams that begin with padding.

    **Add-k.** With ``add_k`` set, the model is the plain smoothed count table of
    the highest order instead, ``P(w | h) = (c(h w) + k) / (c(h .) + k C)`` with
    ``C = n_classes`` (uniform for a context never seen). With
    ``context_length=1`` it is the lecture's bigram table of normalised counts
    (``add_k=0``) or its "fake counts" smoothing (``add_k=1``).

    Parameters
    ----------
    order : int or None, default=None
        Symbols per n-gram, the predicted one included. None uses the whole
        context: ``order = context_length + 1``. A smaller order reads only the
        last ``order - 1`` symbols of each context (so a model of another order
        can share a pipeline's windows, e.g. inside a
        :class:`MixtureClassifier`).
    padding : {"single", "raw", "continuation"}, default="single"
        How n-grams that begin with the start padding are counted.
        ``"single"``: the run of padding is one start-of-name symbol, like the
        sentence-start token of word models: n-grams that begin with exactly one
        pad keep their raw counts, and those that begin with two pads are not
        stored at the orders >= 3 (they pass the lower estimate through).
        ``"raw"``: every n-gram that begins with padding keeps its raw count at
        every order (the start of a name is then discounted again at each
        order). ``"continuation"``: no exception.
    add_k : float or None, default=None
        None uses modified Kneser-Ney. A number ``k >= 0`` uses add-k smoothing
        of the highest order's counts instead (see above).
    discount_fallback : tuple of 3 floats, default=(0.5, 1.0, 1.5)
        ``(D1, D2, D3+)`` of an order whose count-of-counts do not define Chen
        & Goodman's estimates (one of ``n_1``, ``n_2``, ``n_3`` is 0, or an
        estimate falls outside ``(0, r)``), as in KenLM. ``0 < D_r <= r``.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The column order of :meth:`predict_proba`: the whole vocabulary after
        fitting on a :class:`CharWindows`, else the sorted labels of ``y``.
    order_ : int
        The order used (``order``, or the context length plus one).
    discounts_ : ndarray of shape (n_orders, 3) or None
        Row ``k - 1`` holds ``(D1, D2, D3+)`` of order ``k``, for the
        ``n_orders = order_`` orders; None with ``add_k``.
    count_of_counts_ : ndarray of shape (n_orders, 4) or None
        Row ``k - 1`` holds ``(n_1, n_2, n_3, n_4)``, the number of n-grams of
        order ``k`` with count 1, 2, 3 and 4; None with ``add_k``.
    fallback_orders_ : list of int
        Orders whose discounts are ``discount_fallback``.
    n_ngrams_ : int
        Distinct n-grams stored, all orders together.
    n_windows_ : int
        Training windows counted, over all calls (a window of a name of
        ``sample_weight`` 3 counts 3 times).
    n_features_in_ : int
        The context length of the training data.

    See Also
    --------
    CharEmbeddingMLPClassifier : The neural model with the same interface.
    MixtureClassifier : Interpolates this model with others.

    Notes
    -----
    Each n-gram is one ``int64`` key (its symbol ids as the digits of a number in
    base ``max(n_symbols, n_classes)``), so the order is at most 13 for the 27
    default symbols. The model keeps the sorted keys and counts of the highest
    order, from which every lower order follows, and per order the sorted
    n-gram keys, their interpolation weights and the sorted context keys (CSR
    style). Counting and every lower order are vectorised NumPy (sorting and
    ``np.unique``), with no Python object per n-gram. Id 0 in a context is the
    start padding, also when fitting on an array.

    References
    ----------
    R. Kneser and H. Ney, "Improved backing-off for M-gram language modeling",
    ICASSP 1995.

    S. F. Chen and J. Goodman, "An empirical study of smoothing techniques for
    language modeling", Technical Report TR-10-98, Harvard University, 1998.

    Examples
    --------
    >>> from sklearn.pipeline import Pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> names = ["abid", "adil", "aditi", "amit", "anil", "anita", "arif", "asha"]
    >>> pipe = Pipeline([("windows", ContextWindowTransformer(context_length=3)),
    ...                  ("clf", KneserNeyClassifier())]).fit(names)
    >>> pipe["clf"].order_
    4
    >>> pipe.predict_proba(["amit"]).shape  # one row per window of "amit"
    (5, 27)
    >>> contexts = pipe["windows"].encode_prefixes(["ash"])  # what follows "ash"?
    >>> pipe["clf"].predict(contexts)
    array(['a'], dtype='<U1')
    """

    _parameter_constraints = {
        "order": [None, Interval(Integral, 1, None, closed="left")],
        "padding": [StrOptions(set(PADDINGS))],
        "add_k": [None, Interval(Real, 0, None, closed="left")],
        "discount_fallback": ["array-like"],
    }

    def __init__(
        self,
        order=None,
        *,
        padding="single",
        add_k=None,
        discount_fallback=DEFAULT_DISCOUNT_FALLBACK,
    ):
        self.order = order
        self.padding = padding
        self.add_k = add_k
        self.discount_fallback = discount_fallback

    @all_or_nothing(deep=True)
    @fit_context(prefer_skip_nested_validation=True)
    @with_callbacks
    def fit(self, X, y=None, sample_weight=None):
        """Count the n-grams of the training windows.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            The windows of :meth:`ContextWindowTransformer.transform`, or an
            array of context ids (non-negative integers; 0 is the padding).
        y : None or array-like of shape (n_windows,)
            Must be None for a :class:`CharWindows`; the labels for an array.
        sample_weight : float or array-like, default=None
            How many times each name occurs: one per name for windows (each of
            the name's windows gets it; what a pipeline's ``fit(names,
            clf__sample_weight=...)`` passes), one per row for arrays. Whole
            numbers >= 0: a weight of 3 counts the name's n-grams 3 times (the
            model of the name written 3 times), 0 leaves it out. A fraction is
            refused, with ``add_k`` too: the counts are integers, and the
            discounts come from the numbers of n-grams seen once, twice and
            three times. None counts every window once.

        Returns
        -------
        self : KneserNeyClassifier
            The fitted model.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import KneserNeyClassifier
        >>> X = np.array([[0, 1], [1, 2], [2, 0], [1, 2]])  # context ids
        >>> clf = KneserNeyClassifier().fit(X, ["b", "c", "a", "c"])
        >>> clf.predict([[1, 2]]).tolist()
        ['c']

        Names with counts (``"abid"`` 3 times, ``"asha"`` once):

        >>> from sknextchar import ContextWindowTransformer
        >>> t = ContextWindowTransformer(context_length=1).fit(["abid", "asha"])
        >>> clf = KneserNeyClassifier(add_k=0)
        >>> clf = clf.fit(t.transform(["abid", "asha"]), sample_weight=[3, 1])
        >>> clf.ngram_counts()["ab"], clf.ngram_counts()["as"], clf.n_windows_
        (3, 1, 20)
        """
        data, weights = self._check_fit_input(X, y, sample_weight)
        self._add(X, y, data, weights)
        return self

    def _check_fit_input(self, X, y=None, sample_weight=None):
        """What ``fit`` checks before it counts: (data, the names' counts).

        A fit draws nothing, but a composite model that fits parts which
        draw checks this on an unfitted clone before any part draws
        (:func:`~sknextchar._fit_checks.check_fit_before_drawing`).
        """
        self._check_discount_fallback()
        data = check_training_data(self, X, y, reset=True)
        weights = _name_counts(X, data, sample_weight, counted=0)
        self._start(data.n_symbols, isinstance(X, CharWindows))
        return data, weights

    @all_or_nothing(deep=True)
    @fit_context(prefer_skip_nested_validation=True)
    @with_callbacks
    def partial_fit(self, X, y=None, classes=None, sample_weight=None):
        """Add the n-gram counts of more windows.

        ``fit(A)`` followed by ``partial_fit(B)`` gives the model of ``fit`` on
        the windows of ``A`` and ``B`` together. The first call fixes the labels
        (``classes_``) and, for an array, the context ids: 0 to the largest id it
        saw, as :class:`CharEmbeddingMLPClassifier` does. A later call with a
        larger id is refused; begin with a batch that holds the largest id, or
        pass windows of one fitted :class:`ContextWindowTransformer` (its
        vocabulary fixes the ids).

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, as in :meth:`fit`.
        y : None or array-like of shape (n_windows,)
            None for a :class:`CharWindows`; the labels for an array.
        classes : array-like of shape (n_classes,), default=None
            All the labels that any call may see. Required on the first call with
            an array ``X``; with a :class:`CharWindows`, the vocabulary is the
            classes and ``classes`` must be None or equal to it.
        sample_weight : float or array-like, default=None
            Whole numbers >= 0, one per name for windows, one per row for
            arrays, as in :meth:`fit`: ``fit(A, sample_weight=wa)`` then
            ``partial_fit(B, sample_weight=wb)`` is the model of ``fit`` on
            ``A`` and ``B`` with the weights ``wa`` and ``wb``.

        Returns
        -------
        self : KneserNeyClassifier
            The updated model.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
        >>> transformer = ContextWindowTransformer(context_length=2).fit(["a"])
        >>> clf = KneserNeyClassifier()
        >>> for batch in (["abid", "ali"], ["asha"]):
        ...     clf = clf.partial_fit(transformer.transform(batch))
        >>> clf.n_windows_  # 5 + 4 + 5
        14
        """
        self._check_discount_fallback()
        first = not hasattr(self, "_top_keys")
        if first and classes is None and not isinstance(X, CharWindows):
            raise ValueError("classes must be passed on the first call to partial_fit.")
        data = check_training_data(
            self,
            X,
            y,
            reset=first,
            classes=classes,
            n_symbols=None if first else self._n_symbols,
        )
        weights = _name_counts(
            X, data, sample_weight, self.n_windows_ if not first else 0
        )
        if first:
            self._start(data.n_symbols, isinstance(X, CharWindows))
        elif self._requested_order() != self.order_:
            raise ValueError(
                f"order={self.order!r} does not match the fitted order_="
                f"{self.order_}; adding counts needs the same order. Set order back, "
                "or call fit to start again."
            )
        self._add(X, y, data, weights)
        return self

    # ------------------------------------------------------------------ counting

    def _check_discount_fallback(self):
        try:  # True is no discount
            fallback = float_array(self.discount_fallback)
        except (TypeError, ValueError):  # bools, text, ragged lists: refused below
            fallback = np.full(0, np.nan)
        if fallback.shape != (3,) or not (
            np.all(fallback > 0) and np.all(fallback <= (1, 2, 3))
        ):
            raise InvalidParameterError(
                "discount_fallback must be 3 numbers (D1, D2, D3+) with 0 < D1 <= 1, "
                f"0 < D2 <= 2 and 0 < D3+ <= 3; got {self.discount_fallback!r}."
            )

    def _requested_order(self):
        return self.n_features_in_ + 1 if self.order is None else self.order

    def _start(self, n_symbols, from_windows):
        """Empty counts for a first fit of the data's shape."""
        order = self._requested_order()
        self._n_symbols = int(n_symbols)
        self._from_windows = bool(from_windows)
        self._base = max(self._n_symbols, len(self.classes_), 2)
        most = max_order(self._base)
        if order > most and order - 1 > self.n_features_in_ < most - 1:
            raise ValueError(self._past_both(order, most))
        if order > most:  # first: no windows are that long
            raise ValueError(self._too_long(order, most))
        if order - 1 > self.n_features_in_:
            raise ValueError(
                f"order={order} needs contexts of at least {order - 1} symbols, but "
                f"the data has {self.n_features_in_}. Lengthen the windows "
                "(ContextWindowTransformer(context_length=...)) or lower order."
            )
        self.order_ = order
        self.n_windows_ = 0
        self._top_keys = np.zeros(0, dtype=np.int64)
        self._top_counts = np.zeros(0, dtype=np.int64)

    def _past_both(self, order, most):
        """The message of an order past the data's contexts and past 64 bits
        (longer windows lift the first limit, never the second)."""
        n, longest = self.n_features_in_, most - 1
        how = f"give contexts of {longest} symbols or less"
        if self._from_windows:
            how = (
                "lengthen the windows (ContextWindowTransformer(context_length="
                f"{longest}) or less)"
            )
        return (
            f"order={order} is too long: contexts of {n} symbols allow at most "
            f"order={n + 1} (and n-grams of {self._base} symbols in 64 bits at most "
            f"order={most}). Pass order={n + 1} or less, or {how} with order={most} "
            "or less."
        )

    def _too_long(self, order, most):
        """The message of an order whose n-grams do not fit in 64 bits."""
        if self._from_windows and self.order is None:  # the windows' length
            return (
                f"context_length={order - 1} is too long for a count model of "
                f"{self._base} symbols: it counts n-grams of the whole context and "
                f"the next character ({order} symbols), and an n-gram must fit in 64 "
                f"bits, so the context is at most {most - 1} symbols. Pass "
                f"context_length={most - 1} or less (or order={most} or less, "
                "n-grams shorter than the windows)."
            )
        ids = ", or number the context ids from 0 without gaps"
        ids = "" if self._from_windows else ids
        return (
            f"order={order} is too long for {self._base} symbols (context ids "
            f"0 to {self._n_symbols - 1}, {len(self.classes_):,} classes): an "
            f"n-gram must fit in 64 bits, so the order is at most {most}. Pass "
            f"order={most} or less{ids}."
        )

    def _add(self, X, y, data, weights=None):
        """Merge the windows' n-grams into the counts and rebuild the tables.

        ``weights``: the integer count of each window, or None (each once).

        One task for scikit-learn's callbacks (``sklearn.callback``).
        """
        ctx = self._init_callback_context()
        hooks = dict(estimator=self, X=X, y=y, reconstruction_attributes=self._fitted)
        ctx.call_on_fit_task_begin(**hooks)
        contexts, targets = data.contexts, data.targets
        width = contexts.shape[1]
        keys = ngram_keys(contexts[:, width - (self.order_ - 1) :], targets, self._base)
        self._top_keys, self._top_counts = merge_counts(
            self._top_keys, self._top_counts, keys, weights
        )
        self.n_windows_ += len(keys) if weights is None else int(weights.sum())
        if self.add_k is not None:
            self._build_add_k()
        else:
            self._build_kneser_ney()
        ctx.call_on_fit_task_end(**hooks)

    def _fitted(self):
        """A copy of the fitted state: a callback's ``fitted_estimator`` gets it."""
        return fitted_state(self, _COUNT_STATE)

    def _build_kneser_ney(self):
        by_order = order_counts(
            self._top_keys, self._top_counts, self.order_, self._base, self.padding
        )
        discounts, count_of_counts, tables = [], [], []
        self.fallback_orders_ = []
        for k, (keys, counts) in enumerate(by_order, start=1):
            d, cc, fell_back = modified_discounts(counts, self.discount_fallback)
            discounts.append(d)
            count_of_counts.append(cc)
            if fell_back:
                self.fallback_orders_.append(k)
            tables.append(kneser_ney_table(keys, counts, d, self._base, k))
        self.discounts_ = np.array(discounts, dtype=float)
        self.count_of_counts_ = np.array(count_of_counts, dtype=np.int64)
        self.n_ngrams_ = int(sum(len(keys) for keys, _ in by_order))
        self._tables = tables

    def _build_add_k(self):
        self.discounts_ = self.count_of_counts_ = None
        self.fallback_orders_ = []
        self.n_ngrams_ = len(self._top_keys)
        self._tables = [
            add_k_table(
                self._top_keys,
                self._top_counts,
                float(self.add_k) + 0.0,  # -0.0 is 0: no negative zeros
                len(self.classes_),
                self._base,
                self.order_,
            )
        ]

    # ------------------------------------------------------------------ predict

    def next_log_proba(self, contexts):
        """Log-probabilities of the next symbol, without input checks.

        The fast path of the sampler/model protocol (see ``sknextchar._pipeline``):
        ``contexts`` must be an integer array of ids the model knows, at least
        ``order_ - 1`` columns wide (only the last ones are read).

        Parameters
        ----------
        contexts : ndarray of shape (n, context_length), int
            Context ids the model knows.

        Returns
        -------
        log_proba : ndarray of shape (n, n_classes)

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import KneserNeyClassifier
        >>> clf = KneserNeyClassifier().fit(np.array([[0], [1]]), ["x", "y"])
        >>> float(np.exp(clf.next_log_proba(np.array([[1]]))).sum().round(6))
        1.0
        """
        if "_tables" not in self.__dict__:  # a dict lookup: the sampler's hot path
            check_is_fitted(self)
        proba = self._proba(contexts)
        with np.errstate(divide="ignore"):  # add_k=0 gives zeros
            return np.log(proba, out=proba)  # in place: one (n, V) array, not two

    def _proba(self, contexts):
        return interpolated_proba(
            self._tables, np.asarray(contexts), len(self.classes_), self._base
        )

    def predict_log_proba(self, X):
        """Natural-log probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        log_proba : ndarray of shape (n_windows, n_classes)
            Columns in the order of ``classes_``.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "ali"])
        >>> KneserNeyClassifier().fit(windows).predict_log_proba(windows).shape
        (9, 27)
        """
        contexts = check_predict_contexts(self, X, self._checked_n_symbols())
        return self.next_log_proba(contexts)

    def predict_proba(self, X):
        """Probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        proba : ndarray of shape (n_windows, n_classes)
            Rows sum to 1; columns in the order of ``classes_``.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
        >>> t = ContextWindowTransformer(context_length=1).fit(["ab", "b"])
        >>> clf = KneserNeyClassifier(add_k=0).fit(t.transform(["ab", "b"]))
        >>> clf.predict_proba(t.encode_prefixes([""]))[0, :3].tolist()  # after "-"
        [0.0, 0.5, 0.5]
        """
        contexts = check_predict_contexts(self, X, self._checked_n_symbols())
        return self._proba(contexts)

    def predict(self, X):
        """The most probable next symbol after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        y_pred : ndarray of shape (n_windows,)
            Labels from ``classes_``.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
        >>> t = ContextWindowTransformer(context_length=2).fit(["abid"])
        >>> clf = KneserNeyClassifier().fit(t.transform(["abid"]))
        >>> "".join(clf.predict(t.transform(["abid"])))
        'abid-'
        """
        proba = self.predict_proba(X)  # checks that the model is fitted
        return self.classes_[np.argmax(proba, axis=1)]

    def score(self, X, y=None, sample_weight=None):
        """Mean natural-log likelihood per predicted character (higher is better).

        Every window counts once, the end-of-name marker included: minus the
        cross-entropy in nats per character, what ``GridSearchCV`` maximises by
        default.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        y : None or array-like of shape (n_windows,)
            None for a :class:`CharWindows`; the true labels for an array.
        sample_weight : float or array-like, default=None
            Weights of the names of a :class:`CharWindows` (every window of a
            name counts with its weight: what a pipeline's ``score(names,
            sample_weight=...)`` passes), or of the rows of an array; None
            weighs every window the same.

        Returns
        -------
        score : float
            ``mean(log P(target | context))``, at most 0.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
        >>> t = ContextWindowTransformer(context_length=2).fit(["abid"])
        >>> clf = KneserNeyClassifier().fit(t.transform(["abid", "ali"]))
        >>> bool(clf.score(t.transform(["abid"])) > clf.score(t.transform(["zoya"])))
        True
        """
        contexts, targets = check_score_data(self, X, y, self._checked_n_symbols())
        proba = interpolated_target_proba(
            self._tables,
            np.asarray(contexts),
            targets,
            len(self.classes_),
            self._base,
        )  # (n_windows,): the rows of the distinct contexts only, not (n, V)
        with np.errstate(divide="ignore"):  # add_k=0 gives zeros
            picked = np.log(proba, out=proba)
        return weighted_log_likelihood(picked, X, sample_weight)

    def _checked_n_symbols(self):
        check_is_fitted(self)
        return self._n_symbols

    # --------------------------------------------------------------- inspection

    def ngram_counts(self, order=None):
        """The counts one order of the model uses, for inspection and teaching.

        Raw counts at the highest order; below it, the continuation counts of
        Kneser-Ney (with the exceptions of ``padding``).

        Parameters
        ----------
        order : int or None, default=None
            An order in ``1 .. order_``; None is ``order_``.

        Returns
        -------
        counts : dict
            N-gram -> count. An n-gram is the string of its symbols after
            fitting on a :class:`CharWindows` (``"-ab"``: the context ``"-a"``
            followed by ``"b"``), else a tuple of its context ids and its label.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
        >>> t = ContextWindowTransformer(context_length=1).fit(["ab"])
        >>> KneserNeyClassifier().fit(t.transform(["ab", "b"])).ngram_counts()
        {'-a': 1, '-b': 1, 'ab': 1, 'b-': 2}
        """
        check_is_fitted(self)
        order = self.order_ if order is None else order
        if not (isinstance(order, Integral) and 1 <= order <= self.order_):
            raise ValueError(f"order must be in 1..{self.order_}; got {order!r}.")
        keys, counts = order_counts(
            self._top_keys, self._top_counts, self.order_, self._base, self.padding
        )[order - 1]
        powers = self._base ** np.arange(order - 1, -1, -1, dtype=np.int64)
        digits = (keys[:, None] // powers) % self._base  # (m, order) symbol ids
        return {
            self._ngram_label(row): int(count)
            for row, count in zip(digits.tolist(), counts.tolist(), strict=True)
        }

    def _ngram_label(self, ids):
        if self._from_windows:
            return "".join(str(self.classes_[i]) for i in ids)
        return (*ids[:-1], self.classes_[ids[-1]].item())

    def __setstate__(self, state):
        # A pickled, joblib or skops copy: its count tables are checked here, so
        # a damaged or edited file fails at load, not inside NumPy at first use.
        super().__setstate__(state)
        tables = self.__dict__.get("_tables")
        if tables is None:
            return
        base = self.__dict__.get("_base")
        if not isinstance(tables, list) or not tables:
            problems = ["they are not a list of tables"]
        elif not isinstance(base, int) or base < 2:
            problems = ["the number of symbols is not an int >= 2"]
        else:
            found = [table_problem(t, base) for t in tables]
            problems = [f"table {i}: {p}" for i, p in enumerate(found) if p]
        if problems:
            raise DamagedModelError(
                f"This {type(self).__name__}'s count tables are damaged "
                f"({'; '.join(problems)}): load an intact "
                "file, or fit the model again."
            )


def _name_counts(X, data, sample_weight, counted):
    """Each window's count from ``sample_weight``: int64 whole numbers, or None.

    Parameters
    ----------
    X : CharWindows or array-like
        The training input (one weight per name of windows, per row of an array).
    data : TrainingData
        ``X`` checked (its ``contexts`` are the rows of an array).
    sample_weight : None, float or array-like
        The user's weights.
    counted : int
        Windows the model has counted already (0 on a first fit, which must
        count some; the counts stay exact below 2**53).

    Returns
    -------
    counts : ndarray of shape (n_windows,), int64, or None

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> from sknextchar._model_input import check_training_data
    >>> data = check_training_data(BaseEstimator(), [[0], [1]], [1, 2], reset=True)
    >>> _name_counts([[0], [1]], data, [2, 0.0], counted=0).tolist()
    [2, 0]
    """
    rows = X if isinstance(X, CharWindows) else data.contexts  # any array-like
    weights = window_sample_weight(rows, sample_weight)
    if weights is None:
        return None
    fractional = weights[weights != np.floor(weights)]
    if len(fractional):
        raise ValueError(
            "sample_weight must hold whole numbers for KneserNeyClassifier (how "
            f"many times each name occurs); got {float(fractional[0])!r}. Its counts "
            "are integers, and modified Kneser-Ney's discounts come from the "
            "numbers of n-grams seen once, twice and three times. Round the "
            "weights (e.g. numpy.rint(sample_weight)), or use "
            "CharEmbeddingMLPClassifier, which takes any weights."
        )
    if not counted and not weights.any():  # windows of weight-0 names only
        raise ValueError(
            "sample_weight is 0 for every name of these windows, so there is "
            "nothing to count; give some of their names a positive weight."
        )
    if counted + weights.sum() > MAX_EXACT_COUNT:
        raise ValueError(
            f"sample_weight brings the windows counted to "
            f"{counted + weights.sum():.3g}, more than the {MAX_EXACT_COUNT:.3g} a "
            "model can count exactly; scale the weights down."
        )
    return weights.astype(np.int64)
