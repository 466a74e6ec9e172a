"""NameSampler: the estimator that samples, scores and ranks names.

A thin meta-estimator: it validates each request, splits its fitted pipeline
into the transformer and the model (:func:`sknextchar._pipeline.split_pipeline`),
and hands the model's next-log-probabilities function
(:func:`sknextchar._pipeline.next_log_proba_function`) to the generation
functions of :mod:`sknextchar._generation`. The math of one step lives in
:mod:`sknextchar._decoding`. The sampler never looks at the model's class: any
model that follows the protocol described in :mod:`sknextchar._pipeline` works.
"""

from dataclasses import replace
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, MetaEstimatorMixin, clone
from sklearn.utils.validation import check_is_fitted

from ._blas import one_blas_thread
from ._compat import HasMethods, Interval, fit_context, validate_parameter_constraints
from ._decoding import SamplingControls, tempered_log_proba
from ._estimator import PackageEstimatorMixin
from ._generation import beam_search, check_reachable, sample_names, sample_new_names
from ._pipeline import next_log_proba_function, split_pipeline
from ._temperature_table import TemperatureTable
from ._validation import (
    check_bool,
    check_exclude,
    check_names,
    check_positive_int,
    check_prefix,
    check_random_generator,
    check_temperatures,
)
from .nn.functional import target_log_proba

# The constructor parameters that shape sampling, in SamplingControls' order.
_CONTROLS = ("temperature", "top_k", "top_p", "min_length", "max_length")


class NameSampler(PackageEstimatorMixin, MetaEstimatorMixin, BaseEstimator):
    """Generate, score and rank names with a fitted character-level model.

    A meta-estimator around a :class:`~sklearn.pipeline.Pipeline` of a
    :class:`ContextWindowTransformer` and a next-character model such as
    :class:`CharEmbeddingMLPClassifier` (Bengio et al. 2003). ``fit`` clones and
    fits the pipeline; wrap an already fitted pipeline in
    :class:`~sklearn.frozen.FrozenEstimator` to use it without refitting.

    Any model works whose ``predict_log_proba`` maps an integer array of
    contexts to log-probabilities over the transformer's vocabulary, one column
    per symbol in id order; a model that also has ``next_log_proba`` (the same
    numbers without input checks) is called through it while generating. The
    sampler never looks at the model's class.

    Names are generated one character at a time, all names of a call together:
    at each step the model predicts the next-character distribution of
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
        ``make_pipeline(ContextWindowTransformer(), model)``, or such a fitted
        pipeline wrapped in :class:`~sklearn.frozen.FrozenEstimator`.
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

    A step evaluates the model once per distinct context among the
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
    @fit_context(prefer_skip_nested_validation=False)
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
        split_pipeline(self.estimator)  # fail before a long fit
        self.estimator_ = clone(self.estimator).fit(X, y)
        transformer, model = split_pipeline(self.estimator_)
        vocabulary = tuple(transformer.vocabulary_)
        _check_model_columns(model, transformer, vocabulary)
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
        transformer, next_log_proba = self._fitted_parts()
        controls = self._controls()
        windows = transformer.transform(X)
        return tempered_log_proba(
            next_log_proba(windows.contexts), controls.temperature
        )

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
        (proba,), _, _ = self._next_char_probas(prefixes, [self.temperature])
        return proba

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
        prefix = check_prefix(prefix)
        temperatures = check_temperatures(temperatures)
        columns, ids, contexts = self._next_char_probas(
            [prefix], temperatures, one_prefix=True
        )
        transformer, _ = split_pipeline(self.estimator_)
        return TemperatureTable(
            prefix=transformer.decode(ids),  # normalised like the training names
            context=transformer.decode(contexts[0]),
            symbols=self.vocabulary_,
            temperatures=temperatures,
            proba=np.stack([proba[0] for proba in columns], axis=1),
        )

    def _next_char_probas(self, prefixes, temperatures, *, one_prefix=False):
        """:meth:`next_char_proba` at each temperature; the model runs once.

        Returns the list of probabilities, and the letters and contexts of the
        prefixes.
        """
        transformer, next_log_proba = self._fitted_parts()
        controls = self._controls()
        prefixes = check_names(prefixes, what="prefixes", allow_empty_strings=True)
        ids, lengths, contexts = self._encode_prefixes(
            transformer, prefixes, one_prefix=one_prefix
        )
        log_proba = next_log_proba(contexts)
        probas = [
            replace(controls, temperature=t).next_symbol_proba(log_proba, lengths)
            for t in temperatures
        ]
        return probas, ids, contexts

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
        windows, picked = self._target_log_proba(X)
        total = np.bincount(windows.name_index, picked, minlength=windows.n_names)
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
        windows, picked = self._target_log_proba(X)
        if not len(windows):  # every name dropped by handle_unknown="drop"
            raise ValueError(
                "No character of these names is in the vocabulary, so there is "
                "nothing to score: every name was dropped by handle_unknown='drop'."
            )
        return float(picked.mean(dtype=np.float64))  # as the classifier's score

    def _target_log_proba(self, X):
        """The windows of the names and each window's target log-probability."""
        transformer, next_log_proba = self._fitted_parts()
        windows = transformer.transform(X)
        if not len(windows):
            return windows, np.zeros(0)
        log_proba = next_log_proba(windows.contexts)  # (n_windows, V)
        return windows, target_log_proba(log_proba, windows.targets)

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

        All names advance together: each step is one model call on the
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
        transformer, next_log_proba = self._fitted_parts()
        controls = self._controls()
        n_samples = check_positive_int(n_samples, "n_samples")
        max_rounds = check_positive_int(max_rounds, "max_rounds")
        unique = check_bool(unique, "unique")
        exclude = check_exclude(exclude, lowercase=transformer.lowercase)
        prefix_ids, _, context = self._encode_prefixes(
            transformer, [check_prefix(prefix)], one_prefix=True
        )
        rng = check_random_generator(random_state)
        if unique:
            check_reachable(
                n_samples,
                n_letters=len(self.vocabulary_) - 1,
                n_prefix=len(prefix_ids),
                controls=controls,
            )

        def draw_names(n):
            return sample_names(
                next_log_proba,
                prefix_ids=prefix_ids,
                context=context,
                n_samples=n,
                vocabulary=self.vocabulary_,
                controls=controls,
                rng=rng,
            )

        with one_blas_thread():
            if not unique and not exclude:
                return draw_names(n_samples)
            return sample_new_names(
                draw_names,
                n_samples,
                unique=unique,
                exclude=exclude,
                max_rounds=max_rounds,
                controls=controls,
            )

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
        transformer, next_log_proba = self._fitted_parts()
        self._controls()  # the length bounds, checked
        n_names = check_positive_int(n_names, "n_names")
        width = max(2 * n_names, 100) if beam_width is None else beam_width
        width = check_positive_int(width, "beam_width")
        exclude = check_exclude(exclude, lowercase=transformer.lowercase)
        prefix_ids, _, context = self._encode_prefixes(
            transformer, [check_prefix(prefix)], one_prefix=True
        )
        with one_blas_thread():
            best = beam_search(
                next_log_proba,
                prefix_ids=prefix_ids,
                context=context,
                n_names=n_names,
                beam_width=width,
                vocabulary=self.vocabulary_,
                min_length=self.min_length,
                max_length=self.max_length,
                exclude=exclude,
            )
        if len(best) < n_names:
            raise ValueError(
                f"Found only {len(best)} of the {n_names} requested names "
                f"with prefix {prefix!r}, min_length={self.min_length} and "
                f"max_length={self.max_length}"
                + (f" outside the {len(exclude)} excluded names" if exclude else "")
                + ". Ask for fewer names, widen the length bounds or the beam."
            )
        return best

    # --------------------------------------------------------------- helpers
    def _fitted_parts(self):
        """The fitted transformer and the model's next-log-probabilities function."""
        check_is_fitted(self)
        transformer, model = split_pipeline(self.estimator_)
        return transformer, next_log_proba_function(model)

    def _check_lengths(self):
        if self.max_length < self.min_length:
            raise ValueError(
                f"max_length={self.max_length} must be >= min_length={self.min_length}."
            )

    def _controls(self):
        """The sampling parameters, validated at call time (set_params needs no fit).

        Cheaper than ``_validate_params``, which inspects the signature.
        """
        values = {name: getattr(self, name) for name in _CONTROLS}
        validate_parameter_constraints(
            {name: self._parameter_constraints[name] for name in _CONTROLS},
            values,
            caller_name=type(self).__name__,
        )
        self._check_lengths()
        return SamplingControls(**values)

    def _encode_prefixes(self, transformer, prefixes, *, one_prefix=False):
        """Letters, lengths and contexts of checked prefixes within max_length."""
        ids, lengths, contexts = transformer.encode_prefix_list(prefixes)
        too_long = lengths > self.max_length
        if too_long.any():
            i = int(np.flatnonzero(too_long)[0])
            which = f"prefix {prefixes[i]!r}" if one_prefix else f"prefixes[{i}]"
            which += "" if one_prefix else f"={prefixes[i]!r}"
            raise ValueError(
                f"{which} has {lengths[i]} letters, more than max_length="
                f"{self.max_length}; raise max_length or shorten the prefix."
            )
        return ids, lengths, contexts

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        return tags


def _check_model_columns(model, transformer, vocabulary):
    """Fail unless the model predicts one column per symbol, in id order.

    A model with ``classes_`` must list the whole vocabulary; one without is
    asked for the distribution after the empty prefix, whose shape must fit.
    """
    classes = getattr(model, "classes_", None)
    if classes is not None:
        if list(np.asarray(classes)) != list(vocabulary):
            raise ValueError(
                "The model's classes_ must be the transformer's whole vocabulary "
                f"{vocabulary!r} in id order; got {classes!r}. Fit the model on "
                "the windows of the ContextWindowTransformer, inside the pipeline."
            )
        return
    start = transformer.encode_prefix_list([""])[2]  # (1, L) all padding
    shape = np.shape(next_log_proba_function(model)(start))
    if shape != (1, len(vocabulary)):
        raise ValueError(
            f"The model must give one log-probability per symbol of the "
            f"transformer's vocabulary ({len(vocabulary)} columns, in id order) for "
            f"each context; got shape {shape} for one context. Fit the model on the "
            "windows of the ContextWindowTransformer, inside the pipeline."
        )
