"""NameSampler: temperature sampling, beam search and scoring of names.

The last step of a character-level language model (Bengio et al. 2003): read the
next-character distribution, pick a character, append it, repeat until the end
marker. All names advance together, so a step is one call of the classifier on an
integer context matrix that shifts left.
"""

import math
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, MetaEstimatorMixin, _fit_context, clone
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils._param_validation import (
    HasMethods,
    Interval,
    validate_parameter_constraints,
)
from sklearn.utils.validation import check_is_fitted

from ._blas import one_blas_thread
from ._classifier import CharEmbeddingMLPClassifier
from ._estimator import PackageEstimatorMixin
from ._temperature_table import TemperatureTable
from ._transformer import ContextWindowTransformer
from ._validation import check_names
from ._vocabulary import END_ID, codepoints

# A batch of sampled names for unique/exclude is at most this many times
# ``n_samples`` (plus a constant), which bounds memory and time per round.
_MAX_BATCH_FACTOR = 16
# The acceptance rate assumed when sizing a batch never drops below this value.
_MIN_RATE = 1.0 / 64


# --------------------------------------------------------------------------- #
# The math: pure functions on arrays of log-probabilities.
# --------------------------------------------------------------------------- #
def tempered_log_proba(log_proba, temperature):
    """Row-wise ``log softmax(log_proba / temperature)``, computed stably.

    Parameters
    ----------
    log_proba : ndarray of shape (n, n_symbols)
        Log-probabilities (or logits); ``-inf`` marks impossible symbols.
    temperature : float
        ``0`` gives the greedy one-hot distribution (ties go to the lower id),
        ``inf`` the uniform distribution over the symbols that are not ``-inf``.

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
    if temperature == 0:
        out = np.full_like(z, -np.inf)
        np.put_along_axis(out, np.argmax(z, axis=1)[:, None], 0.0, axis=1)
        return out
    if np.isinf(temperature):
        z[np.isfinite(z)] = 0.0
    else:
        z /= temperature
    z -= z.max(axis=1, keepdims=True)  # the largest term is exp(0) = 1
    z -= np.log(np.exp(z).sum(axis=1, keepdims=True))
    return z


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
        ``0`` is greedy (a one-hot row at the most probable allowed symbol);
        ``inf`` is uniform over the allowed symbols.
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
    n_symbols = z.shape[1]
    end_allowed = np.asarray(end_allowed, dtype=bool)
    if end_allowed.ndim:
        z[~end_allowed, END_ID] = -np.inf
    elif not end_allowed:
        z[:, END_ID] = -np.inf
    if temperature == 0:
        weights = np.zeros_like(z)
        np.put_along_axis(weights, np.argmax(z, axis=1)[:, None], 1.0, axis=1)
        return weights
    ranked = top_k is not None and top_k < n_symbols
    ranked = ranked or (top_p is not None and top_p < 1)
    if ranked:
        order = np.argsort(-z, axis=1, kind="stable")  # (n, V) most probable first
    if top_k is not None and top_k < n_symbols:
        np.put_along_axis(z, order[:, top_k:], -np.inf, axis=1)
    if np.isinf(temperature):
        z[np.isfinite(z)] = 0.0
    elif temperature != 1:
        z /= temperature
    z -= z.max(axis=1, keepdims=True)
    weights = np.exp(z)  # (n, V), max 1 per row
    if top_p is not None and top_p < 1:
        ranked_w = np.take_along_axis(weights, order, axis=1)  # (n, V) descending
        mass = np.cumsum(ranked_w, axis=1)
        before = mass - ranked_w  # mass of the more probable symbols
        # Keep a symbol while the more probable ones have not reached top_p yet:
        # this is the smallest set whose probability reaches top_p.
        ranked_w[before >= top_p * mass[:, -1:]] = 0.0
        np.put_along_axis(weights, order, ranked_w, axis=1)
    return weights


def draw(weights, uniform, rows=None):
    """Inverse-CDF draw of one symbol per row of unnormalised ``weights``.

    Parameters
    ----------
    weights : ndarray of shape (n_distributions, n_symbols)
        Non-negative, at least one positive entry per row.
    uniform : ndarray of shape (n,)
        Uniform numbers in ``(0, 1]``; a zero-weight symbol is never drawn.
    rows : ndarray of int of shape (n,) or None, default=None
        Which distribution each draw uses (``None``: draw ``i`` uses row ``i``),
        so that many names sharing a context share one row of ``weights``.

    Returns
    -------
    ids : ndarray of shape (n,), intp

    Examples
    --------
    >>> import numpy as np
    >>> draw(np.array([[0.0, 1.0, 3.0]]), np.array([0.25])).tolist()
    [1]
    >>> draw(np.array([[0.0, 1.0, 3.0]]), np.array([0.25, 0.26]), rows=[0, 0]).tolist()
    [1, 2]
    """
    cdf = np.cumsum(weights, axis=1)  # (n_distributions, V)
    cdf /= cdf[:, -1:]  # the last column is exactly 1
    if rows is not None:
        cdf = np.take(cdf, rows, axis=0)  # (n, V)
    # The first symbol whose CDF reaches u. A zero-weight symbol repeats the CDF
    # value before it (0 for the first symbol), which is below u > 0.
    return np.argmax(cdf >= uniform[:, None], axis=1)


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
    n, L = contexts.shape
    n_keys = n_symbols**L
    if n_keys < 2**62:  # one int64 key per row: the context in base n_symbols
        keys = np.zeros(n, dtype=np.int64)  # (n,)
        for column in contexts.T:
            keys *= n_symbols
            keys += column
        if n_keys > 16 * n + 65536:
            _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
            return contexts[first], inverse.ravel()
        # A table over every possible context: linear time, no sort.
        seen = np.zeros(n_keys, dtype=bool)
        seen[keys] = True
        slot = np.cumsum(seen) - 1  # (n_keys,) the rank of each present key
        where = np.empty(n_keys, dtype=np.intp)
        where[keys] = np.arange(n)  # a row holding each present key
        return contexts[where[seen]], slot[keys]
    distinct, inverse = np.unique(contexts, axis=0, return_inverse=True)
    return distinct, inverse.ravel()


def _possible_names(n_letters, prefix_length, min_length, max_length, enough):
    """How many letter strings extend a prefix within the length bounds.

    Counting stops once the count exceeds ``enough`` (the terms grow fast).
    """
    count = 0
    for length in range(max(min_length, prefix_length), max_length + 1):
        count += n_letters ** (length - prefix_length)
        if count > enough:
            break
    return count


# --------------------------------------------------------------------------- #
# The estimator.
# --------------------------------------------------------------------------- #
def _unfreeze(estimator):
    """The estimator inside any number of FrozenEstimator wrappers."""
    while isinstance(estimator, FrozenEstimator):
        estimator = estimator.estimator
    return estimator


def _pipeline_steps(pipe):
    """The steps of a Pipeline, unfrozen, without the skipped ones."""
    return [
        _unfreeze(step)
        for _, step in pipe.steps
        if step is not None and not (isinstance(step, str) and step == "passthrough")
    ]


def _split_pipeline(estimator):
    """The (transformer, classifier) pair inside a possibly frozen pipeline."""
    expected = (
        "NameSampler needs a Pipeline of a ContextWindowTransformer followed by a "
        "next-character classifier with predict_log_proba, e.g. make_pipeline("
        "ContextWindowTransformer(), CharEmbeddingMLPClassifier()), possibly "
        "wrapped in FrozenEstimator"
    )
    pipe = _unfreeze(estimator)
    if not isinstance(pipe, Pipeline):
        raise TypeError(f"{expected}; got {type(pipe).__name__}.")
    steps = _pipeline_steps(pipe)
    kinds = [type(step).__name__ for step in steps]
    if len(steps) != 2 or not isinstance(steps[0], ContextWindowTransformer):
        raise TypeError(f"{expected}; got a Pipeline of steps {kinds}.")
    if not hasattr(steps[1], "predict_log_proba"):
        raise TypeError(
            f"{expected}; the last step {kinds[1]} has no predict_log_proba."
        )
    return steps[0], steps[1]


def _check_count(value, what):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Integral):
        raise TypeError(f"{what} must be a positive int; got {value!r}.")
    if value < 1:
        raise ValueError(f"{what} must be a positive int; got {value!r}.")
    return int(value)


def _check_exclude(exclude, lowercase):
    if exclude is None:
        return frozenset()
    if isinstance(exclude, (str, bytes)):
        raise TypeError(
            f"exclude must be a collection of names, not a single string; got "
            f"{exclude!r}. Wrap it in a list: [{exclude!r}]."
        )
    try:
        names = list(exclude)
    except TypeError:
        raise TypeError(
            f"exclude must be a collection of names (list, set, array of str); got "
            f"{type(exclude).__name__}."
        ) from None
    bad = [name for name in names if not isinstance(name, str)]
    if bad:
        raise TypeError(f"exclude must hold str only; got {bad[0]!r}.")
    return frozenset(name.lower() for name in names) if lowercase else frozenset(names)


def _as_generator(random_state):
    """A NumPy Generator or RandomState; both have ``.random(size)``."""
    if isinstance(random_state, np.random.RandomState):
        return random_state
    if isinstance(random_state, (bool, np.bool_)):
        raise TypeError(
            f"random_state must be None, an int or a Generator; got {random_state!r}."
        )
    try:
        return np.random.default_rng(random_state)
    except (TypeError, ValueError) as exc:
        raise type(exc)(
            "random_state must be None, a non-negative int, a numpy Generator or "
            f"RandomState; got {random_state!r}."
        ) from None


class NameSampler(PackageEstimatorMixin, MetaEstimatorMixin, BaseEstimator):
    """Generate, score and rank names with a fitted character-level model.

    A meta-estimator around a :class:`~sklearn.pipeline.Pipeline` of a
    :class:`ContextWindowTransformer` and a next-character classifier such as
    :class:`CharEmbeddingMLPClassifier` (Bengio et al. 2003). ``fit`` clones and
    fits the pipeline; wrap an already fitted pipeline in
    :class:`~sklearn.frozen.FrozenEstimator` to use it without refitting.

    Names are generated one character at a time, all names of a call together:
    at each step the classifier predicts the next-character distribution of
    every unfinished name from its last ``context_length`` symbols (one call on
    an integer context matrix), a character is drawn, and the matrix shifts
    left. A name ends when the end marker ``"-"`` is drawn.

    The constructor parameters are the hyper-parameters of the sampling
    distribution (``GridSearchCV``-able, changeable with ``set_params`` without
    refitting); what one call asks for (how many names, a prefix, uniqueness,
    names to avoid, the random seed) are arguments of :meth:`sample`.

    Parameters
    ----------
    estimator : Pipeline
        ``make_pipeline(ContextWindowTransformer(), classifier)``, or such a
        fitted pipeline wrapped in :class:`~sklearn.frozen.FrozenEstimator`.
    temperature : float in [0, inf], default=1.0
        Sampling temperature ``T``: the next character is drawn with probability
        ``P_i = exp(z_i / T) / sum_j exp(z_j / T)``, where ``z`` are the model's
        log-probabilities. ``T=1`` samples the model; ``T<1`` sharpens (more
        conservative names); ``T=0`` is greedy decoding (argmax, ties to the
        lower id); ``T>1`` flattens (more creative names); ``T=inf`` is uniform
        over the allowed symbols.
    top_k : int >= 1 or None, default=None
        Draw only from the ``top_k`` most probable allowed symbols.
    top_p : float in (0, 1] or None, default=None
        Nucleus sampling: draw only from the smallest set of most probable
        symbols whose (tempered) probability reaches ``top_p``.
    min_length : int >= 1, default=1
        While a name has fewer letters, the end marker is not allowed: its
        probability is removed and the letters' renormalised.
    max_length : int >= min_length, default=20
        A name that reaches ``max_length`` letters ends there. So the samples
        are not drawn from the model conditioned on the length bounds (that
        would need rejection): a name the model would continue past
        ``max_length`` is cut, so the mass of all its longer continuations goes
        to its first ``max_length`` letters, and ``min_length`` moves the end
        marker's mass onto the letters of short names.

    Attributes
    ----------
    estimator_ : Pipeline or FrozenEstimator
        The fitted pipeline (the ``FrozenEstimator`` itself when one was given).
    vocabulary_ : tuple of str
        The symbols, in id order; ``vocabulary_[0]`` is the end marker ``"-"``.

    See Also
    --------
    ContextWindowTransformer : Cuts names into (context, next character) windows.
    CharEmbeddingMLPClassifier : Predicts the next character of a context.

    Notes
    -----
    At each step the controls apply in this order: the end marker is removed
    below ``min_length`` (and is the only choice at ``max_length``), ``top_k``
    keeps the most probable symbols, the temperature rescales, ``top_p`` keeps
    the nucleus. :meth:`predict_proba` applies the
    temperature only; the exact distribution :meth:`sample` draws from, all
    controls applied, is :meth:`next_char_proba`.

    :meth:`score` and :meth:`score_samples` measure the untempered model, so
    that ``GridSearchCV`` over ``estimator__...`` parameters selects the model
    with the best held-out likelihood; the sampling parameters do not change
    them.

    A step evaluates the classifier once per distinct context among the
    unfinished names (10,000 names share a few thousand contexts at most), and
    draws one uniform number per unfinished name from ``random_state``, the only
    source of randomness. Generation runs with BLAS limited to one thread: its
    matrices are small, and BLAS threads cost more than they bring.

    References
    ----------
    Y. Bengio, R. Ducharme, P. Vincent and C. Jauvin, "A Neural Probabilistic
    Language Model", Journal of Machine Learning Research 3, 2003.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (CharEmbeddingMLPClassifier,
    ...     ContextWindowTransformer, NameSampler)
    >>> names = ["abid", "abida", "aditi", "amit", "anita", "arun", "asha"] * 3
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
    >>> sampler = NameSampler(pipe, temperature=0.8, max_length=10).fit(names)
    >>> new = sampler.sample(5, random_state=0)
    >>> len(new), all(1 <= len(name) <= 10 and name.isalpha() for name in new)
    (5, True)
    """

    _parameter_constraints = {
        "estimator": [HasMethods(["fit"])],  # the pipeline is checked in fit
        "temperature": [Interval(Real, 0, None, closed="both")],
        "top_k": [Interval(Integral, 1, None, closed="left"), None],
        "top_p": [Interval(Real, 0, 1, closed="right"), None],
        "min_length": [Interval(Integral, 1, None, closed="left")],
        "max_length": [Interval(Integral, 1, None, closed="left")],
    }

    def __init__(
        self,
        estimator,
        *,
        temperature=1.0,
        top_k=None,
        top_p=None,
        min_length=1,
        max_length=20,
    ):
        self.estimator = estimator
        self.temperature = temperature
        self.top_k = top_k
        self.top_p = top_p
        self.min_length = min_length
        self.max_length = max_length

    # ------------------------------------------------------------------ fit
    @_fit_context(prefer_skip_nested_validation=False)
    def fit(self, X, y=None):
        """Fit a clone of the pipeline on names (a FrozenEstimator is not refit).

        Parameters
        ----------
        X : 1-D array-like of str
            Training names.
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        self : NameSampler
            The fitted sampler.

        Examples
        --------
        >>> from sklearn.frozen import FrozenEstimator
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> names = ["abid", "aditi", "amit", "asha"] * 3
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0)).fit(names)
        >>> sampler = NameSampler(FrozenEstimator(pipe)).fit(names)  # no refit
        >>> sampler.estimator_.estimator is pipe
        True
        """
        self._check_lengths()
        _split_pipeline(self.estimator)  # fail before a long fit
        self.estimator_ = clone(self.estimator).fit(X, y)
        transformer, classifier = _split_pipeline(self.estimator_)
        vocabulary = tuple(transformer.vocabulary_)
        classes = getattr(classifier, "classes_", None)
        if classes is None or list(np.asarray(classes)) != list(vocabulary):
            raise ValueError(
                "The classifier's classes_ must be the transformer's whole vocabulary "
                f"{vocabulary!r} in id order; got {classes!r}. Fit the classifier on "
                "the windows of the ContextWindowTransformer, inside the pipeline."
            )
        self.vocabulary_ = vocabulary
        return self

    # ---------------------------------------------------------- probabilities
    def predict_log_proba(self, X):
        """Tempered next-character log-probabilities of every window of the names.

        Parameters
        ----------
        X : 1-D array-like of str
            Names; a name of ``n`` letters gives ``n + 1`` windows.

        Returns
        -------
        log_proba : ndarray of shape (n_windows, n_symbols)
            ``log softmax(z / temperature)`` with ``z`` the model's
            log-probabilities; columns in ``vocabulary_`` order. Only the
            temperature is applied (see :meth:`next_char_proba`).

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe, temperature=2.0).fit(["abid", "asha"])
        >>> sampler.predict_log_proba(["abid"]).shape
        (5, 27)
        """
        check_is_fitted(self)
        self._check_sampling_params()
        transformer, classifier = _split_pipeline(self.estimator_)
        windows = transformer.transform(X)
        log_proba = self._next_log_proba_function(classifier)(windows.contexts)
        return tempered_log_proba(log_proba, self.temperature)

    def predict_proba(self, X):
        """Tempered next-character probabilities of every window of the names.

        Parameters
        ----------
        X : 1-D array-like of str
            Names; a name of ``n`` letters gives ``n + 1`` windows.

        Returns
        -------
        proba : ndarray of shape (n_windows, n_symbols)
            Rows sum to 1; columns in ``vocabulary_`` order.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe, temperature=0).fit(["abid", "asha"])
        >>> proba = sampler.predict_proba(["abid"])  # greedy: one-hot rows
        >>> proba.sum(axis=1).tolist(), (proba.max(axis=1) == 1).all()
        ([1.0, 1.0, 1.0, 1.0, 1.0], np.True_)
        """
        return np.exp(self.predict_log_proba(X))

    def next_char_proba(self, prefixes):
        """The distribution :meth:`sample` draws the next character from.

        Every control is applied: ``min_length`` (no end marker yet),
        ``max_length`` (a prefix of ``max_length`` letters can only end),
        ``top_k``, the temperature and ``top_p``.

        Parameters
        ----------
        prefixes : 1-D array-like of str
            Beginnings of names (``""`` is the start of a name), at most
            ``max_length`` letters each.

        Returns
        -------
        proba : ndarray of shape (n_prefixes, n_symbols)
            Rows sum to 1; columns in ``vocabulary_`` order.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe, top_k=3).fit(["abid", "asha"])
        >>> proba = sampler.next_char_proba(["", "ab"])
        >>> (proba > 0).sum(axis=1).tolist()
        [3, 3]
        """
        return self._next_char_proba(prefixes, self.temperature)

    def _next_char_proba(self, prefixes, temperature):
        check_is_fitted(self)
        self._check_sampling_params()
        transformer, classifier = _split_pipeline(self.estimator_)
        prefixes = check_names(prefixes, what="prefixes", allow_empty_strings=True)
        _, lengths, contexts = transformer._encode_prefix_list(prefixes)
        too_long = lengths > self.max_length
        if too_long.any():
            i = int(np.flatnonzero(too_long)[0])
            raise ValueError(
                f"prefixes[{i}]={prefixes[i]!r} has {lengths[i]} letters, more than "
                f"max_length={self.max_length}."
            )
        weights = sampling_weights(
            self._next_log_proba_function(classifier)(contexts),
            temperature=temperature,
            top_k=self.top_k,
            top_p=self.top_p,
            end_allowed=lengths >= self.min_length,
        )
        ended = lengths == self.max_length  # the name must end here
        weights[ended] = 0.0
        weights[ended, END_ID] = 1.0
        return weights / weights.sum(axis=1, keepdims=True)

    def temperature_table(self, prefix, temperatures=(0.5, 1.0, 2.0)):
        """The next-character distribution after ``prefix`` at several temperatures.

        The lecture's table: the same context, side by side at low, standard and
        high temperature. Each column is :meth:`next_char_proba` at that
        temperature (the other controls of the sampler apply too).

        Parameters
        ----------
        prefix : str
            The beginning of a name, e.g. ``"abi"``.
        temperatures : sequence of float, default=(0.5, 1.0, 2.0)
            Each in ``[0, inf]``.

        Returns
        -------
        table : TemperatureTable
            ``table.proba`` has shape (n_symbols, n_temperatures);
            ``print(table)`` shows it aligned.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe).fit(["abid", "abida", "asha"])
        >>> table = sampler.temperature_table("abi", temperatures=(0.5, 1, 2))
        >>> table.proba.shape, table.proba.sum(axis=0).round(6).tolist()
        ((27, 3), [1.0, 1.0, 1.0])
        >>> print(table.to_string(top=3))  # doctest: +ELLIPSIS
        next character after prefix 'abi' (context 'abi')
        next  T=0.5    T=1    T=2
        d     ...
        """
        if not isinstance(prefix, str):
            raise TypeError(f"prefix must be a str; got {type(prefix).__name__}.")
        if isinstance(temperatures, (str, bytes)) or np.ndim(temperatures) != 1:
            raise TypeError(
                f"temperatures must be a sequence of floats; got {temperatures!r}."
            )
        try:
            temps = tuple(float(t) for t in temperatures)
        except (TypeError, ValueError):
            raise TypeError(
                f"temperatures must be a sequence of floats; got {temperatures!r}."
            ) from None
        if not temps or any(not (t >= 0) for t in temps):  # catches NaN too
            raise ValueError(
                f"temperatures must be a non-empty sequence of floats in [0, inf]; "
                f"got {temperatures!r}."
            )
        columns = [self._next_char_proba([prefix], t)[0] for t in temps]
        transformer, _ = _split_pipeline(self.estimator_)
        context = transformer.decode(transformer.encode_prefixes([prefix])[0])
        normalised = prefix.lower() if transformer.lowercase else prefix
        return TemperatureTable(
            prefix=normalised,
            context=context,
            symbols=self.vocabulary_,
            temperatures=temps,
            proba=np.stack(columns, axis=1),
        )

    # ---------------------------------------------------------------- scores
    def score_samples(self, X, *, per_char=False):
        """Log-likelihood of each whole name under the untempered model.

        The sum of the log-probabilities of every character of the name and of
        the end marker after it. Use ``per_char=True`` to compare names of
        different lengths: longer names have lower totals simply because they
        have more characters to predict.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.
        per_char : bool, default=False
            Divide by the number of predicted symbols (``len(name) + 1``): the
            mean log-likelihood per character, the quantity :meth:`score`
            averages over all characters.

        Returns
        -------
        log_likelihood : ndarray of shape (n_names,)
            Natural logarithms; higher is more plausible. A name left without
            any character under ``handle_unknown="drop"`` gets NaN.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe).fit(["abid", "asha", "amit"])
        >>> sampler.score_samples(["abid", "zzzzqx"]).shape
        (2,)
        """
        check_is_fitted(self)
        transformer, classifier = _split_pipeline(self.estimator_)
        windows = transformer.transform(X)
        log_proba = self._next_log_proba_function(classifier)(windows.contexts)
        per_window = log_proba[np.arange(len(windows)), windows.targets]
        total = np.bincount(windows.name_index, per_window, minlength=windows.n_names)
        counts = np.bincount(windows.name_index, minlength=windows.n_names)
        total[counts == 0] = np.nan
        return total / np.maximum(counts, 1) if per_char else total

    def score(self, X, y=None):
        """Mean log-likelihood per predicted character of the untempered model.

        The end marker counts as a character. This is what ``GridSearchCV`` and
        ``cross_val_score`` maximise; the sampling parameters (temperature,
        ``top_k``, ``top_p``, lengths) do not change it.

        Parameters
        ----------
        X : 1-D array-like of str
            Held-out names.
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        score : float
            Natural-log likelihood per character (higher is better; minus the
            cross-entropy in nats).

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe).fit(["abid", "asha", "amit"])
        >>> sampler.score(["abid", "asha"]) < 0
        True
        """
        check_is_fitted(self)
        transformer, classifier = _split_pipeline(self.estimator_)
        windows = transformer.transform(X)
        if not len(windows):  # every name dropped by handle_unknown="drop"
            raise ValueError(
                "No character of these names is in the vocabulary, so there is "
                "nothing to score: every name was dropped by handle_unknown='drop'."
            )
        log_proba = self._next_log_proba_function(classifier)(windows.contexts)
        picked = log_proba[np.arange(len(windows)), windows.targets]
        return float(picked.mean(dtype=np.float64))  # as the classifier's score

    # -------------------------------------------------------------- sampling
    def sample(
        self,
        n_samples=1,
        *,
        prefix="",
        unique=False,
        exclude=None,
        random_state=None,
        max_rounds=20,
    ):
        """Generate names.

        All names advance together: each step is one classifier call on the
        contexts of the unfinished names, then one uniform number per name
        picks the next character from :meth:`next_char_proba`'s distribution.

        Parameters
        ----------
        n_samples : int, default=1
            Number of names.
        prefix : str, default=""
            Every name starts with these letters (lowercased like the training
            names; at most ``max_length`` of them).
        unique : bool, default=False
            Return ``n_samples`` distinct names.
        exclude : collection of str or None, default=None
            Names never to return, e.g. the training names for novel names only.
        random_state : int, numpy Generator, RandomState or None, default=None
            The only source of randomness: the same seed gives the same names.
        max_rounds : int, default=20
            With ``unique`` or ``exclude``, rejected names are replaced by
            drawing more, in at most this many batches.

        Returns
        -------
        names : list of str
            ``n_samples`` names, in the order they were generated.

        Raises
        ------
        ValueError
            If the request cannot be met: more distinct names than exist within
            the length bounds, or too few new names after ``max_rounds`` rounds.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> names = ["abid", "abida", "aditi", "amit", "anita", "arun", "asha"]
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe, temperature=2.0, min_length=4,
        ...                       max_length=8).fit(names)
        >>> new = sampler.sample(5, prefix="a", unique=True, exclude=names,
        ...                      random_state=0)
        >>> len(set(new)), all(n.startswith("a") and 4 <= len(n) <= 8 for n in new)
        (5, True)
        >>> new == sampler.sample(5, prefix="a", unique=True, exclude=names,
        ...                       random_state=0)
        True
        """
        check_is_fitted(self)
        self._check_sampling_params()
        n_samples = _check_count(n_samples, "n_samples")
        max_rounds = _check_count(max_rounds, "max_rounds")
        if not isinstance(unique, (bool, np.bool_)):
            raise TypeError(f"unique must be True or False; got {unique!r}.")
        transformer, classifier = _split_pipeline(self.estimator_)
        exclude = _check_exclude(exclude, transformer.lowercase)
        prefix_ids, start = self._checked_prefix(prefix, transformer)
        rng = _as_generator(random_state)
        if unique or exclude:
            self._check_reachable(n_samples, prefix_ids, unique)
        with one_blas_thread():
            if not unique and not exclude:
                return self._generate(n_samples, prefix_ids, start, classifier, rng)
            return self._sample_rejecting(
                n_samples,
                prefix_ids,
                start,
                classifier,
                rng,
                unique,
                exclude,
                max_rounds,
            )

    def _sample_rejecting(
        self, n_samples, prefix_ids, start, classifier, rng, unique, exclude, max_rounds
    ):
        """Draw batches until enough names pass ``unique`` and ``exclude``."""
        accepted = []
        seen = set()
        drawn = 0
        batch_cap = _MAX_BATCH_FACTOR * n_samples + 1024
        deterministic = self.temperature == 0 or self.top_k == 1
        for _ in range(max_rounds):
            missing = n_samples - len(accepted)
            rate = max(len(accepted) / drawn, _MIN_RATE) if drawn else 1.0
            size = min(math.ceil(missing / rate * 1.1) + 8, batch_cap)
            batch = self._generate(size, prefix_ids, start, classifier, rng)
            drawn += size
            for name in batch:  # set look-ups on finished strings, not generation
                if name in exclude or (unique and name in seen):
                    continue
                seen.add(name)
                accepted.append(name)
                if len(accepted) == n_samples:
                    return accepted
            if deterministic:  # every further batch would be the same name
                break
        what = "distinct new" if unique else "new"
        raise ValueError(
            f"Could only generate {len(accepted)} of the {n_samples} requested "
            f"{what} names after drawing {drawn} (temperature={self.temperature}, "
            f"top_k={self.top_k}, top_p={self.top_p}, min_length={self.min_length}, "
            f"max_length={self.max_length}, {len(exclude)} excluded names). The "
            "model rarely produces others under these settings: ask for fewer "
            "names, raise the temperature, loosen top_k/top_p or the length "
            "bounds, or raise max_rounds."
        )

    def _check_reachable(self, n_samples, prefix_ids, unique):
        """Fail at once when the request exceeds the names that can exist."""
        if self.temperature == 0 or self.top_k == 1:
            possible = 1  # greedy decoding has a single output
        else:
            possible = _possible_names(
                len(self.vocabulary_) - 1,
                len(prefix_ids),
                self.min_length,
                self.max_length,
                enough=n_samples,
            )
        if unique and n_samples > possible:
            raise ValueError(
                f"unique=True asks for {n_samples} distinct names, but at most "
                f"{possible} can be generated with temperature={self.temperature}, "
                f"top_k={self.top_k}, min_length={self.min_length}, max_length="
                f"{self.max_length} and this prefix over {len(self.vocabulary_) - 1} "
                "letters. Ask for fewer names or loosen the settings."
            )

    def _generate(self, n, prefix_ids, start, classifier, rng):
        """Generate ``n`` names in one batch (no uniqueness), as strings.

        ``start`` is the (1, L) context after the prefix whose ids are
        ``prefix_ids``.
        """
        n_prefix = len(prefix_ids)
        width = self.max_length
        out = np.zeros((n, width), dtype=prefix_ids.dtype)  # (n, max_length) ids
        out[:, :n_prefix] = prefix_ids
        contexts = np.repeat(start, n, axis=0)  # (n, L)
        rows = np.arange(n)  # the unfinished names
        next_log_proba = self._next_log_proba_function(classifier)
        n_symbols = len(self.vocabulary_)
        greedy = self.temperature == 0
        for length in range(n_prefix, self.max_length):
            # Names that share a context share its distribution: the model (and
            # the controls) run once per distinct context, in one call.
            distinct, inverse = distinct_rows(contexts, n_symbols)  # (u, L), (m,)
            weights = sampling_weights(
                next_log_proba(distinct),  # (u, V)
                temperature=self.temperature,
                top_k=self.top_k,
                top_p=self.top_p,
                end_allowed=length >= self.min_length,
            )
            if greedy:
                chosen = np.argmax(weights, axis=1)[inverse]
            else:  # one uniform in (0, 1] per unfinished name
                chosen = draw(weights, 1.0 - rng.random(len(rows)), inverse)
            going = chosen != END_ID
            if not going.all():
                rows, contexts, chosen = rows[going], contexts[going], chosen[going]
            if not len(rows):
                break
            out[rows, length] = chosen
            shifted = np.empty_like(contexts)
            shifted[:, :-1] = contexts[:, 1:]
            shifted[:, -1] = chosen
            contexts = shifted
        # Names that reach max_length end there: nothing left to do.
        return self._decode_rows(out)

    @staticmethod
    def _next_log_proba_function(classifier):
        """The cheapest call that returns log-probabilities of integer contexts.

        The contexts the sampler builds are valid ids by construction, and those
        of the transformer too, so the classifier's input validation (the same
        work at every step) is skipped when the classifier has an unchecked path.
        """
        if isinstance(classifier, CharEmbeddingMLPClassifier):
            return classifier._log_proba
        return classifier.predict_log_proba

    def _decode_rows(self, ids):
        """Strings of an (n, width) id matrix, 0 = end, in one vectorised pass."""
        points = codepoints("".join(self.vocabulary_)).astype("<u4")
        points[END_ID] = 0  # NUL: NumPy drops trailing NULs from str items
        chars = np.ascontiguousarray(points[ids])  # (n, width)
        return chars.view(f"<U{ids.shape[1]}")[:, 0].tolist()

    # ------------------------------------------------------------ beam search
    def most_likely(self, n_names=10, *, prefix="", exclude=None, beam_width=None):
        """The most probable names, by beam search.

        Names are ranked by their untempered log-likelihood
        (:meth:`score_samples`), among the names that start with ``prefix`` and
        have ``min_length`` to ``max_length`` letters; temperature, ``top_k``
        and ``top_p`` shape sampling, not likelihood, and are not used. The
        search keeps the ``beam_width`` most probable unfinished names at each
        length, and stops extending a name as soon as it cannot beat the
        ``n_names``-th best finished one (log-probabilities only decrease as a
        name grows). With a beam as wide as the number of possible names, the
        result is exact.

        Parameters
        ----------
        n_names : int, default=10
            Number of names.
        prefix : str, default=""
            Every name starts with these letters.
        exclude : collection of str or None, default=None
            Names to skip, e.g. the training names.
        beam_width : int or None, default=None
            Unfinished names kept per step; ``None`` means
            ``max(2 * n_names, 100)``.

        Returns
        -------
        names : list of str
            ``n_names`` distinct names, most probable first.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> names = ["abid", "abida", "aditi", "amit", "anita", "arun", "asha"]
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe, max_length=8).fit(names)
        >>> best = sampler.most_likely(3)
        >>> scores = sampler.score_samples(best)
        >>> len(best), bool((scores[:-1] >= scores[1:]).all())
        (3, True)
        """
        check_is_fitted(self)
        self._check_sampling_params()
        n_names = _check_count(n_names, "n_names")
        width = max(2 * n_names, 100) if beam_width is None else beam_width
        width = _check_count(width, "beam_width")
        transformer, classifier = _split_pipeline(self.estimator_)
        exclude = _check_exclude(exclude, transformer.lowercase)
        prefix_ids, start = self._checked_prefix(prefix, transformer)
        with one_blas_thread():
            best_names = self._beam_search(
                n_names, prefix_ids, start, classifier, exclude, width
            )
        if len(best_names) < n_names:
            raise ValueError(
                f"Found only {len(best_names)} of the {n_names} requested names "
                f"with prefix {prefix!r}, min_length={self.min_length} and "
                f"max_length={self.max_length}"
                + (f" outside the {len(exclude)} excluded names" if exclude else "")
                + ". Ask for fewer names, widen the length bounds or the beam."
            )
        return best_names

    def _beam_search(self, n_names, prefix_ids, start, classifier, exclude, width):
        """The at most ``n_names`` best names found with a beam of ``width``."""
        next_log_proba = self._next_log_proba_function(classifier)
        beams = prefix_ids[None, :]  # (B, length) ids of unfinished names
        contexts = start  # (B, L)
        scores = np.zeros(1)  # (B,) log-probability of each beam so far
        best_names, best_scores = [], np.empty(0)  # top finished, best first
        n_letters = len(self.vocabulary_) - 1
        for length in range(len(prefix_ids), self.max_length + 1):
            total = scores[:, None] + next_log_proba(contexts)  # (B, V)
            if length >= self.min_length:
                ended = self._decode_rows(beams)  # length >= min_length >= 1
                keep = np.array([name not in exclude for name in ended], dtype=bool)
                candidates = best_names + [n for n, k in zip(ended, keep) if k]
                merged = np.concatenate((best_scores, total[keep, END_ID]))
                order = np.argsort(-merged, kind="stable")[:n_names]
                best_names = [candidates[i] for i in order]
                best_scores = merged[order]
            if length == self.max_length:
                break
            grown = total[:, 1:].ravel()  # (B * n_letters,)
            bound = best_scores[-1] if len(best_scores) == n_names else -np.inf
            alive = np.flatnonzero(grown > bound)  # the others cannot win
            if not alive.size:
                break
            if alive.size > width:
                alive = alive[np.argpartition(-grown[alive], width - 1)[:width]]
            alive = alive[np.argsort(-grown[alive], kind="stable")]
            parent, letter = np.divmod(alive, n_letters)
            letter = (letter + 1).astype(beams.dtype)  # letters are ids 1..
            beams = np.concatenate((beams[parent], letter[:, None]), axis=1)
            contexts = np.concatenate((contexts[parent, 1:], letter[:, None]), axis=1)
            scores = grown[alive]
        return best_names

    # --------------------------------------------------------------- helpers
    def _check_lengths(self):
        if self.max_length < self.min_length:
            raise ValueError(
                f"max_length={self.max_length} must be >= min_length={self.min_length}."
            )

    def _check_sampling_params(self):
        """Validate the sampling parameters at call time (set_params needs no fit).

        Cheaper than ``_validate_params``, which inspects the signature.
        """
        names = ("temperature", "top_k", "top_p", "min_length", "max_length")
        validate_parameter_constraints(
            {name: self._parameter_constraints[name] for name in names},
            {name: getattr(self, name) for name in names},
            caller_name=type(self).__name__,
        )
        self._check_lengths()

    def _checked_prefix(self, prefix, transformer):
        """Ids of the prefix letters and its (1, L) context, checked."""
        if not isinstance(prefix, str):
            raise TypeError(
                f"prefix must be a str (use '' for none); got {type(prefix).__name__}."
            )
        ids, lengths, context = transformer._encode_prefix_list([prefix])
        if lengths[0] > self.max_length:
            raise ValueError(
                f"prefix {prefix!r} has {lengths[0]} letters, more than max_length="
                f"{self.max_length}; raise max_length or shorten the prefix."
            )
        return ids, context

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        return tags
