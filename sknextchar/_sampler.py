"""NameSampler: the estimator that samples, scores and ranks names.

A thin meta-estimator: it validates each request (its arguments in
:mod:`sknextchar._sample_request`), splits its fitted pipeline
into the transformer and the model (:func:`sknextchar._pipeline.split_pipeline`),
and hands the model's next-log-probabilities function
(:func:`sknextchar._pipeline.next_log_proba_function`) to the generation
functions of :mod:`sknextchar._generation`. The math of one step lives in
:mod:`sknextchar._decoding`, the tests drawn names must pass in
:mod:`sknextchar._name_filter` (a request's filter built by
:mod:`sknextchar._sample_filters`). The sampler never looks at the model's class: any
model that follows the protocol described in :mod:`sknextchar._pipeline` works.
"""

from contextlib import nullcontext
from dataclasses import replace
from functools import partial
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, MetaEstimatorMixin
from sklearn.callback import CallbackSupportMixin
from sklearn.frozen import FrozenEstimator

from ._atomic import all_or_nothing
from ._beam import beam_search, beam_shortfall_message, default_beam_width
from ._blas import one_blas_thread
from ._compat import HasMethods, Interval, fit_context
from ._consistency import check_steps_agree
from ._dead_ends import check_room_for_a_letter
from ._decoding import (
    check_continuable,
    length_bounds,
)
from ._epoch_records import weight_0_noted
from ._estimator import PackageEstimatorMixin
from ._generation import (
    check_name_count,
    draw_cache,
    given_bounds,
    sample_ids,
    sample_new_names,
)
from ._kept_names import fitted_names, names_as_given
from ._label_posterior import (
    windows_target_log_proba,
    windows_tempered_log_proba,
)
from ._labels import (
    check_sampler_labels,
    check_single_label,
    fit_classes,
    labels_of_windows,
)
from ._left_out import (
    check_unlearned_names,
    in_record,
    novelty_record,
    recorded_names,
    training_hashes,
    with_case_readings,
)
from ._limits import MAX_LETTERS
from ._meta_callbacks import meta_fit_task
from ._model_columns import check_model_columns
from ._model_input import weighted_log_likelihood
from ._name_filter import (
    unspaced_accept,
)
from ._pattern_needs import one_parse
from ._picture_prefix import spelled_as_read
from ._pipeline import (
    check_pipeline_to_fit,
    fit_weighted,
    next_log_proba_function,
    split_pipeline,
)
from ._prefix_lengths import prefix_lengths
from ._random_states import check_random_generator
from ._sample_filters import label_filter, sample_filter
from ._sample_request import (
    check_feasible,
    checked_request,
    encode_prefix,
    encode_prefixes,
    normalised_exclude,
    sampling_controls,
    warn_lowered_prefix,
    warn_prefix_case,
)
from ._sample_weight import check_sample_weight, name_weight
from ._sizes import sampler_record_memory
from ._spelling import spelling_accept, spelling_filter, spelling_record
from ._symbol_notes import pattern_taken
from ._temperature_checks import check_temperatures
from ._temperature_table import TemperatureTable
from ._training_record import (
    checked_folded,
    new_names_accept,
    training_ids,
    training_record,
)
from ._validation import (
    check_bool,
    check_names,
    check_positive_int,
    check_prefix,
    check_sampler_fitted,
)
from ._weight_routing import weights_router


class NameSampler(
    PackageEstimatorMixin, MetaEstimatorMixin, CallbackSupportMixin, BaseEstimator
):
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
    min_length : int in [1, 1000] or None, default=None
        While a name has fewer letters, the end marker is not allowed: its
        probability is removed and the letters' renormalised (masking, not
        rejection: it costs no extra draws and never fails, at the price of
        moving the mass of the model's shorter names onto their continuations).
        ``None`` means the shortest training name seen by :meth:`fit` (1 when
        ``fit`` saw no names), or ``max_length`` if that is shorter: a bound
        left to the data never crosses an explicit one.
    max_length : int in [1, 1000], >= min_length, or None, default=None
        No name is ever cut: a name that has not drawn the end marker by
        ``max_length`` letters is discarded and another is drawn (rejection),
        so the names follow the model's distribution conditioned on ending by
        ``max_length``. ``None`` means the longest training name seen by
        :meth:`fit` (20 when ``fit`` saw no names), or ``min_length`` if that
        is longer.

    Attributes
    ----------
    estimator_ : Pipeline or FrozenEstimator
        The fitted pipeline (the ``FrozenEstimator`` itself when one was given).
    vocabulary_ : tuple of str
        The symbols, in id order; ``vocabulary_[0]`` is the end marker ``"-"``.
    training_length_counts_ : ndarray of int64 or None
        ``training_length_counts_[k]`` training names have ``k`` letters (as the
        transformer spells them); the shortest and longest give the default
        length bounds. Fitted with ``sample_weight``, a name counts as many
        times as its weight (float64 for fractional weights). None when
        ``fit`` saw no names.
    training_length_counts_by_label_ : ndarray of int64 or None
        For a sampler fitted with labels, the same counts for the names of each
        label, a row per label of the model (sorted; as many columns as
        ``training_length_counts_``); ``match_lengths`` with
        ``label`` follows that label's row. None without labels.
    training_prefix_lengths_ : dict or None
        None after a :func:`~sknextchar.train_from_file` whose passes that
        count them were stopped (by Ctrl-C, or by a change of the names file
        after the last epoch: a
        :class:`~sknextchar.exceptions.FileChangedWarning`); else the length
        counts of the training names that start with each prefix
        that at least 20 of them start with (by hash of the prefix), which
        ``sample(prefix=..., match_lengths=True)`` matches blended with all
        training names' lengths. None when ``fit`` saw no names.
    training_name_weight_ : float
        The weight of one name in the length counts, for the rules of
        ``match_lengths`` that need enough names (20 names of a prefix, the
        warning about lengths the names drawn lack): 1.0 without weights and
        for whole counts (a weight is how many times a name occurs, so
        counts count as the names repeated); for ``sample_weight`` of mean
        below 1 (weights 0.5 and 0.25, counts divided by their sum), their
        mean over the names of weight above 0, so that each name counts
        one, whatever their scale. A sampler saved before it counts a weight
        of 1 as one name.
    training_transitions_ : ndarray of str of shape (n_pairs, 2) or None
        The kinds of symbols that follow each other in the training names (a
        script and case such as ``"LATIN upper"``, or a separator such as
        ``"-"``; ``""`` is the start or the end of a name). :meth:`sample`
        keeps the names whose every step is one of them: no lowercase first
        letter, capital inside a word, change of script, doubled hyphen or
        trailing space that no training name has. Then a row
        ``("scripts", "DEVANAGARI LATIN")`` for each set of scripts that some
        training name is written in: a name must use one of these sets (no
        Latin word beside a Devanagari one unless a training name has both),
        and a row ``("capitals", "2")``: no word with more capitals than a
        word of a training name has. None when ``fit`` saw no names (no test).
    training_name_hashes_ : ndarray of uint64 or None
        The compact record of the distinct training names: a sorted 64-bit
        hash of each one's symbol ids, 8 bytes per name. ``sample(novel=True)``
        and :meth:`in_training_set` use it. None when ``fit`` saw no names.
    training_name_folded_hashes_ : ndarray of uint64 or None
        For a vocabulary where some symbol folds to another (a model that
        keeps case: both cases of a letter, or two capitals of one letter such
        as "I" and "İ"): the same record of the names case-folded, the symbols of a
        letter in any case as one (``str.casefold``: "Anna" and "ANNA" are
        one hash, as are "Ǆana" and "ǅana", "Aydın" and "AYDIN"; accents stay,
        and "ß" is never "SS"). ``sample(novel=True)`` leaves out every case
        variant of a training name with it, and ``in_training_set(...,
        ignore_case=True)`` uses it. None for a vocabulary without case (the
        bundled a-z names) or when ``fit`` saw no names.

    See Also
    --------
    ContextWindowTransformer : Cuts names into (context, next character) windows.
    CharEmbeddingMLPClassifier : Predicts the next character of a context.

    Notes
    -----
    At each step the controls apply in this order: the end marker is removed
    below ``min_length``, ``top_k`` keeps the most probable symbols, the
    temperature rescales, ``top_p`` keeps the nucleus. :meth:`predict_proba`
    applies the temperature only; the exact distribution :meth:`sample` draws
    each step from, all controls applied, is :meth:`next_char_proba` (at
    ``max_length`` letters it gives the end marker probability 1: a name kept
    ends there). Whole names are then kept or discarded: ``max_length``,
    ``pattern``, ``novel``, ``unique``, ``exclude`` and ``min_label_proba``
    condition by rejection, so the names follow the step distribution
    conditioned on passing them.
    The "Generating names" page of the documentation shows each control.

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
        "min_length": [Interval(Integral, 1, MAX_LETTERS, closed="both"), None],
        "max_length": [Interval(Integral, 1, MAX_LETTERS, closed="both"), None],
    }

    def __init__(
        self,
        estimator,
        *,
        temperature=1.0,
        top_k=None,
        top_p=None,
        min_length=None,
        max_length=None,
    ):
        self.estimator = estimator
        self.temperature = temperature
        self.top_k = top_k
        self.top_p = top_p
        self.min_length = min_length
        self.max_length = max_length

    # ------------------------------------------------------------------ fit
    @all_or_nothing
    @fit_context(prefer_skip_nested_validation=False)
    def fit(self, X, y=None, sample_weight=None):
        """Fit a clone of the pipeline on names (a FrozenEstimator is not refit).

        The sampler also keeps a compact record of the names (their hashes and
        lengths, see ``training_name_hashes_``): ``sample(novel=True)`` leaves
        them out, and the default length bounds are their shortest and longest.
        Give a FrozenEstimator's sampler the names the pipeline was trained on.

        Parameters
        ----------
        X : 1-D array-like of str
            Training names, each of at most 1,000 characters.
        y : None or array-like of shape (n_names,)
            None, or the label of each name (a style, a gender, a region): the
            pipeline is then fitted on the names and their labels, and every
            method that generates or scores names takes ``label=`` (see
            :ref:`names_by_label`).
        sample_weight : None, float or array-like of shape (n_names,), \
default=None
            How many times each name occurs (a list with counts): one per name,
            finite and >= 0, not all 0. The pipeline's model is fitted with
            them (``model__sample_weight``; a FrozenEstimator is not refit;
            with metadata routing enabled, unless the model asks not to, by
            ``set_fit_request(sample_weight=False)``), and the record counts a
            name of weight 3 three times in the length counts
            (``training_length_counts_``), so the default length bounds and
            ``match_lengths`` follow the weighted list. A
            name of weight 0 is left out of training, as if absent (the
            transformer does not read it: with ``alphabet="auto"`` its
            characters are not learned, and a character outside a fixed
            alphabet is no error), of the length counts and of the spelling
            record (``training_transitions_``), but it is still one of your
            names: ``novel=True`` and :meth:`in_training_set` know it. A
            character of it that no name of a weight above 0 has is not
            learned: the name is then known as the model can write it, with
            that character in a case it learned ("MIRA" as "mira": by
            ``novel=True``, by ``in_training_set(..., ignore_case=True)``,
            and exactly when the vocabulary has no case), or not at all when
            it learned no case of it (no sample can be it). None weighs every
            name once.

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

        A list with counts: each name weighs as many times as it occurs.

        >>> from sknextchar import KneserNeyClassifier
        >>> counted = NameSampler(make_pipeline(ContextWindowTransformer(),
        ...     KneserNeyClassifier())).fit(["asha", "amitabh"], sample_weight=[3, 1])
        >>> counted.training_length_counts_.tolist()
        [0, 0, 0, 0, 3, 0, 0, 1]
        """
        length_bounds(self.min_length, self.max_length)  # fail on crossed bounds
        check_pipeline_to_fit(self.estimator, owner="NameSampler(estimator=...)")
        y = check_sampler_labels(y, X)  # before a long fit: a column warns
        weights = _checked_weights(X, sample_weight)  # before a long fit
        names, labels, fit_weights, checked = fitted_names(
            self.estimator, X, y, sample_weight, weights
        )
        check_unlearned_names(self.estimator, checked, weights, given=X)  # no name
        with (
            names_as_given(X, None if names is X else weights),
            weight_0_noted() if names is not X else nullcontext(),
            meta_fit_task(self, names, labels, fit=fit_weighted) as fit_one,
        ):
            self.estimator_ = fit_one(self.estimator, names, labels, fit_weights)
        transformer, model = split_pipeline(self.estimator_)
        vocabulary = tuple(transformer.vocabulary_)
        if isinstance(self.estimator_, FrozenEstimator):  # fitted elsewhere
            check_steps_agree(transformer, model)
        check_model_columns(model, transformer, vocabulary)
        self.vocabulary_ = vocabulary
        self._record_names(transformer, model, X, y, weights, checked)
        return self

    def _record_names(self, transformer, model, X, y, weights, checked):
        """Keep the record of the training names that :meth:`fit` describes:
        their hashes (folded too), length counts (by label), prefix lengths,
        weight and spelling. ``checked``: all the names, checked once, when
        some name weighs 0 (:func:`~sknextchar._kept_names.fitted_names`), else
        None."""
        vocabulary = self.vocabulary_
        if checked is not None:  # the names of weight 0, unlearned, as written
            X, y, weights, readings = recorded_names(transformer, checked, y, weights)
        with sampler_record_memory(X):  # ten million names: say what to do
            encoded = training_ids(transformer, X)  # None without names
            (
                self.training_name_hashes_,
                self.training_length_counts_,
                self.training_length_counts_by_label_,
                self.training_name_folded_hashes_,  # None without case
            ) = training_record(
                transformer, X, y, fit_classes(model, y, X), encoded, weights
            )
            if checked is not None:  # and in any case the model can write them
                self.training_name_hashes_, self.training_name_folded_hashes_ = (
                    with_case_readings(
                        self.training_name_hashes_,
                        self.training_name_folded_hashes_,
                        readings,
                        vocabulary,
                    )
                )
            self.training_prefix_lengths_ = prefix_lengths(encoded, weights)
            self.training_name_weight_ = name_weight(weights)
            if encoded is not None and weights is not None:  # weight 0: unlearned
                encoded = [ids for ids, w in zip(encoded, weights) if w > 0]
            self.training_transitions_ = spelling_record(vocabulary, encoded)

    def in_training_set(self, X, *, ignore_case=False):
        """Whether each name is one of the names the sampler was fitted on.

        Names are compared as the model spells them, after the transformer's
        own normalisation (lowercasing, for one; with ``handle_unknown="drop"``,
        without the characters it drops, as ``fit`` read the training names:
        "jean-luc" is "jeanluc"), through the compact record
        kept by :meth:`fit` (see ``training_name_hashes_``), which also holds
        after saving and loading.

        A name of weight 0 (``sample_weight``) was not learned, so the model
        may not write it as given: "MIRA" of weight 0 beside lowercase names
        is found exactly only as "mira", the one form the model writes, when
        it learned no capital letter, and in no case when it learned some
        ("Tara") and so tells case apart. The exact answer for such a name
        thus depends on the letters of the other names;
        ``ignore_case=True`` finds it in every case the model can write, as
        ``sample(novel=True)`` leaves those out.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.
        ignore_case : bool, default=False
            For a model that keeps case: also count a name as known when it
            differs from a training name in case only ("ANNA" when the list
            has "Anna"; accents still count), as ``sample(novel=True)`` does
            (``training_name_folded_hashes_``). The default compares exactly.
            A model that lowercases has no case to ignore.

        Returns
        -------
        found : ndarray of bool of shape (n_names,)

        Raises
        ------
        ValueError
            If the sampler has no record: it was fitted on no names, or saved
            by a version before 0.2.0; with ``ignore_case=True``, if a model
            that keeps case was saved before the record of folded names.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=5, random_state=0))
        >>> sampler = NameSampler(pipe).fit(["abid", "asha", "amit"])
        >>> sampler.in_training_set(["Asha", "anil"]).tolist()
        [True, False]

        A model that keeps case tells "Sam" from "SAM", unless asked not to:

        >>> cased = NameSampler(make_pipeline(ContextWindowTransformer(
        ...     alphabet="auto", lowercase=False), CharEmbeddingMLPClassifier(
        ...     max_iter=5, random_state=0))).fit(["Asha", "Amit", "SAM"])
        >>> cased.in_training_set(["Sam", "Amit", "Mia"]).tolist()
        [False, True, False]
        >>> cased.in_training_set(["Sam", "Amit", "Mia"], ignore_case=True).tolist()
        [True, True, False]
        """
        check_sampler_fitted(self)
        ignore_case = check_bool(ignore_case, "ignore_case")
        transformer, model = split_pipeline(self.estimator_)
        check_steps_agree(transformer, model, self.vocabulary_)
        # Read as fit read the names: with "error", a name with a character the
        # model does not know is no training name; "drop" drops the character.
        record, folded = training_hashes(self, "in_training_set"), None
        if ignore_case:  # None without case; fails for a model saved before
            folded = checked_folded(self, self.vocabulary_)
        return in_record(transformer, X, record, folded, ignore_case)

    # ---------------------------------------------------------- probabilities
    def predict_log_proba(self, X, label=None):
        """Tempered next-character log-probabilities of every window of the names.

        Parameters
        ----------
        X : 1-D array-like of str
            Names; a name of ``n`` letters gives ``n + 1`` windows.
        label : object, array-like of shape (n_names,) or None, default=None
            For a sampler fitted with labels (and only then): one label for all
            names, or one per name.

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
        windows, function_of, labels = self._windows_and_model(X, label)
        temperature = sampling_controls(self).temperature
        return windows_tempered_log_proba(
            function_of, labels, windows, len(self.vocabulary_), temperature
        )

    def predict_proba(self, X, label=None):
        """Tempered next-character probabilities of every window of the names.

        Parameters
        ----------
        X : 1-D array-like of str
            Names; a name of ``n`` letters gives ``n + 1`` windows.
        label : object, array-like of shape (n_names,) or None, default=None
            The labels, for a sampler fitted with them (see
            :meth:`predict_log_proba`).

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
        >>> proba.sum(axis=1).tolist(), bool((proba.max(axis=1) == 1).all())
        ([1.0, 1.0, 1.0, 1.0, 1.0], True)
        """
        return np.exp(self.predict_log_proba(X, label))

    def next_char_proba(self, prefixes, label=None):
        """The distribution :meth:`sample` draws the next character from.

        Every control is applied: ``min_length`` (no end marker yet),
        ``max_length`` (a prefix of ``max_length`` letters can only end),
        ``top_k``, the temperature and ``top_p``.

        Parameters
        ----------
        prefixes : 1-D array-like of str
            Beginnings of names (``""`` is the start of a name), at most
            ``max_length`` letters each.
        label : object or None, default=None
            The label to generate for, for a sampler fitted with labels (and
            only then).

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
        (proba,), _, _ = self._next_char_probas(
            prefixes, [self.temperature], label=label
        )
        return proba

    def temperature_table(self, prefix, temperatures=(0.5, 1.0, 2.0), label=None):
        """The next-character distribution after ``prefix`` at several temperatures.

        The lecture's table: the same context, side by side at low, standard and
        high temperature. Each column is :meth:`next_char_proba` at that
        temperature (the other controls of the sampler apply too: ``top_k``,
        ``top_p``, and the length bounds, so the end marker has probability 0
        before ``min_length`` letters; a prefix of ``max_length`` letters or
        more is refused, since only the end could follow it, at probability 1
        whatever the model predicts. ``sknextchar table`` sets ``min_length=1``
        and ``max_length`` one past its context, so its end marker has the
        model's own probability).

        Parameters
        ----------
        prefix : str
            The beginning of a name, e.g. ``"abi"``.
        temperatures : sequence of float, default=(0.5, 1.0, 2.0)
            Each in ``[0, inf]``.
        label : object or None, default=None
            The label to generate for, for a sampler fitted with labels.

        Returns
        -------
        table : TemperatureTable
            ``table.proba`` has shape (n_symbols, n_temperatures);
            ``print(table)`` shows it aligned, the characters ranked by their
            probability at temperature 1 (``table.model_proba``) whatever the
            temperatures shown.

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
        # One more column at temperature 1, the model's own, ranks the rows.
        (*columns, model), ids, contexts = self._next_char_probas(
            [prefix], (*temperatures, 1.0), one_prefix=True, label=label
        )
        high = sampling_controls(self).max_length  # only the end after it
        seen = self.training_length_range()  # None resolves to its default
        check_room_for_a_letter("prefix", prefix, letters=len(ids), max_length=high,
            given=self.max_length, recorded=seen is not None,
            min_length=self.min_length)  # fmt: skip
        return TemperatureTable(
            # Normalised like the training names; its last word goes on.
            prefix=spelled_as_read(self, ids),
            context=spelled_as_read(self, contexts[0]),
            symbols=self.vocabulary_,
            temperatures=temperatures,
            proba=np.stack([proba[0] for proba in columns], axis=1),
            model_proba=model[0],
        )

    def _next_char_probas(
        self, prefixes, temperatures, *, one_prefix=False, label=None
    ):
        """:meth:`next_char_proba` at each temperature; the model runs once.

        Returns the list of probabilities, and the letters and contexts of the
        prefixes.
        """
        transformer, next_log_proba = self._fitted_parts(label)
        controls = sampling_controls(self)
        prefixes = check_names(
            prefixes, what="prefixes", allow_empty_strings=True, longest=None
        )
        ids, lengths, contexts = encode_prefixes(
            transformer, prefixes, controls, one_prefix=one_prefix
        )
        log_proba = next_log_proba(contexts)
        probas = [
            replace(controls, temperature=t).next_symbol_proba(log_proba, lengths)
            for t in temperatures
        ]
        what = "prefix" if one_prefix else "prefixes"  # as the call named them
        check_continuable(probas[0], prefixes, controls, what=what, lengths=lengths)
        return probas, ids, contexts

    # ---------------------------------------------------------------- scores
    def score_samples(self, X, *, per_char=False, label=None):
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
        label : object, array-like of shape (n_names,) or None, default=None
            For a sampler fitted with labels (and only then): the label to
            score the names under, one for all or one per name. The
            log-likelihood is then ``log P(name | label)``.

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
        windows, picked = self._target_log_proba(X, label)
        total = np.bincount(windows.name_index, picked, minlength=windows.n_names)
        counts = np.bincount(windows.name_index, minlength=windows.n_names)
        total[counts == 0] = np.nan
        per_char = check_bool(per_char, "per_char")
        return total / np.maximum(counts, 1) if per_char else total

    def score(self, X, y=None, sample_weight=None):
        """Mean log-likelihood per predicted character of the untempered model.

        The end marker counts as a character. This is what ``GridSearchCV`` and
        ``cross_val_score`` maximise; the sampling parameters (temperature,
        ``top_k``, ``top_p``, lengths) do not change it. With ``sample_weight``,
        each character counts with its name's weight, as in the models' own
        ``score``.

        Parameters
        ----------
        X : 1-D array-like of str
            Held-out names.
        y : None or array-like of shape (n_names,)
            None, or, for a sampler fitted with labels, the label of each name
            (so a search or ``cross_val_score`` over a sampler fitted with
            labels scores ``log P(name | label)``).
        sample_weight : None, float or array-like of shape (n_names,), \
default=None
            How many times each name occurs, as in :meth:`fit`: finite, >= 0,
            not all 0. A search or ``cross_val_score`` given ``sample_weight``
            passes it here too (with metadata routing on, after
            ``set_score_request(sample_weight=True)``). None weighs every name
            once.

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
        >>> weighted = sampler.score(["abid", "asha"], sample_weight=[2, 1])
        >>> bool(np.isclose(weighted, sampler.score(["abid", "abid", "asha"])))
        True
        """
        windows, picked = self._target_log_proba(X, y, argument="y")
        if not len(windows):  # every name dropped by handle_unknown="drop"
            raise ValueError(
                "No character of these names is in the vocabulary, so there is "
                "nothing to score: every name was dropped by handle_unknown='drop'."
            )
        return weighted_log_likelihood(picked, windows, sample_weight)

    def _target_log_proba(self, X, label=None, argument="label"):
        """The windows of the names and each window's target log-probability
        (``argument``: how the caller takes the labels, for the messages)."""
        windows, function_of, labels = self._windows_and_model(X, label, argument)
        if not len(windows):
            return windows, np.zeros(0)
        return windows, windows_target_log_proba(
            function_of, labels, windows, len(self.vocabulary_)
        )

    # -------------------------------------------------------------- sampling
    def sample(
        self,
        n_samples=1,
        *,
        prefix="",
        pattern=None,
        novel=False,
        unique=False,
        exclude=None,
        random_state=None,
        max_rounds=20,
        return_scores=False,
        match_lengths=False,
        label=None,
        min_label_proba=None,
        keep_spelling=True,
        on_batch=None,
    ):
        """Generate names; none is ever cut.

        All names advance together: each step is one model call on the
        contexts of the unfinished names, then one uniform number per name
        picks the next character from :meth:`next_char_proba`'s distribution.
        A name ends when it draws the end marker. Every constraint other than
        ``prefix`` and ``min_length`` works by rejection: a name that has not
        ended by ``max_length`` letters, that does not match ``pattern``, that
        is a training name (``novel``), a repeat (``unique``) or in
        ``exclude`` is discarded and more names are drawn. So is a name with a
        step between two kinds of characters that no training name has
        (``training_transitions_``: a lowercase first letter in a list of
        capitalised names, a capital inside a word, a change of script, a
        doubled hyphen, a trailing space or zero-width non-joiner), or with
        a set of scripts that no training name has; the steps into the
        letters of ``prefix`` are not tested. So the names follow the sampling
        distribution conditioned on passing every test.

        Parameters
        ----------
        n_samples : int, default=1
            Number of names.
        prefix : str, default=""
            Every name starts with these letters (normalised like the training
            names; at most ``max_length`` of them). Conditions by construction:
            generation starts after it. A prefix with capitals given to a model
            that lowercases (``lowercase=True``) is read in lowercase, with a
            ``UserWarning``.
        pattern : str or None, default=None
            A Python regular expression every name must match in full
            (``re.fullmatch``, on the name as the transformer spells it, so
            lowercase by default), e.g. ``".*a"`` (ends with a), ``".*sh.*"``
            (contains sh), ``"[^xyz]*"`` (none of x, y, z).
        novel : bool, default=False
            Leave out the names the sampler was fitted on (its record, see
            :meth:`in_training_set`). For a model that keeps case, in any
            case: "HALEIGH" is not new when the list has "Haleigh"
            (``training_name_folded_hashes_``; a model saved before that
            record compares exactly). Accents are not ignored. It does not
            make the names distinct: a new name the model likes can come
            more than once (``novel`` and ``unique`` are separate tests, so
            that the names follow the model's distribution of new names);
            add ``unique=True`` for distinct new names.
        unique : bool, default=False
            Return ``n_samples`` distinct names.
        exclude : collection of str or None, default=None
            Names never to return, e.g. the names of another list. They are
            compared as the model spells them, after its normalisation
            (lowercased by a model that lowercases; without the characters
            ``handle_unknown="drop"`` drops: "jean-luc" leaves out "jeanluc"),
            so exactly, case included, by a model that keeps case: it returns
            "ANNA" when ``exclude`` holds "Anna", where ``novel=True`` leaves
            out every case variant of a training name (give both forms, or fit
            the sampler on the list and use ``novel``). A name the model never
            writes (blank, or read as nothing: "--" when it drops hyphens) is
            ignored. A list, set or Series (``exclude=df["name"]``), not a
            DataFrame, whose loop reads its column labels: it is refused.
        random_state : int, numpy Generator, RandomState or None, default=None
            The only source of randomness: the same seed (an int in
            ``[0, 2**32 - 1]``, as the estimators' ``random_state``; a bool is
            refused) gives the same names for the same request. Unlike an
            estimator's ``random_state``, a numpy Generator is taken too: an
            int seeds one. None draws from NumPy's global generator, as an
            estimator's ``fit`` does, so ``np.random.seed(0)`` before the
            calls repeats them too, and each call advances it
            (``np.random.default_rng()`` draws apart from it, from fresh
            entropy). The names are drawn in batches sized by
            ``n_samples``, so ``sample(5, random_state=0)`` is not the first
            five names of ``sample(10, random_state=0)``; and a later batch
            bounded by the memory available (see ``max_rounds``) draws other
            names for the same seed than one that is not.
        max_rounds : int, default=20
            Rejected names are replaced by drawing more, in at most this many
            batches (each at most ``16 * n_samples + 1024`` names, and no more
            than fit in the memory available when the drawing starts, less the
            names kept: on a machine short of memory, smaller batches, so that
            a request may need more of them).
        return_scores : bool, default=False
            Also return each name's log-likelihood under the untempered model,
            the number :meth:`score_samples` gives.
        match_lengths : bool, default=False
            Give the names the length distribution of the training names (within
            the bounds), by rejection on length: a name of ``k`` letters is kept
            with a probability proportional to the training names' share of
            ``k`` letters over the sampler's own, estimated from the names drawn
            in the call that pass every other test (``novel``, ``pattern``,
            ``unique``, ``exclude``; with ``unique``, from the latest large batch, as
            repeats leave ever fewer short names); with ``label``, the lengths
            of that label's training names (refused by a sampler fitted without
            labels, which has no record of them). With a ``prefix`` (and no
            ``label``), the lengths of the training names that start with it
            (``training_prefix_lengths_``), when at least 20 do (fewer give
            too rough an estimate; with ``sample_weight``, names of weight
            ``training_name_weight_``) and some have a length within the bounds,
            blended with every training name's lengths as 40 more names (a
            prefix's few names give a rough estimate, all names a biased one);
            else those of every training name. A ``pattern`` does not narrow
            them (the sampler keeps no names to match it against). So that
            the estimate holds every common length whatever ``n_samples``, the
            first batch draws at least 1,000 names (the names beyond
            ``n_samples`` are not used: a few milliseconds more for a small
            request). Within each length, names keep the model's proportions.
            For a model that cannot count letters (a short context), this
            corrects the lengths without retraining. A length the sampler
            never draws cannot be matched: when the names drawn in every
            round lack lengths of 5% or more of the target (once 1,000 or
            more names passed the other tests; at a temperature near 0 every
            name has one length), or lengths that 20 or more of the
            ``n_samples`` names would have (``top_k`` or ``top_p`` may leave
            out the shortest; counted as of ``n * N / (n + N)`` names for
            ``n_samples`` n and a target of N training names, so that a
            length of few training names is no sign), a ``UserWarning``
            names them and what draws them, once every name is drawn (a
            length later rounds draw is not lacking): when the names fall
            short, the error alone tells.
        label : object or None, default=None
            For a sampler fitted with labels (and only then): the label the
            names are generated for, drawn from P(name | label). An unknown
            label is an error that lists the known ones.
        min_label_proba : float in [0, 1] or None, default=None
            With ``label``: keep only the names the model itself recognises as
            of that label, those whose ``P(label | name)`` reaches this value,
            by Bayes' rule over the model's likelihoods ``P(name | l)`` of every
            label with equal priors (rejection, as ``novel``: the names follow
            P(name | label) conditioned on passing). Makes names more typical of
            the label without sharpening the distribution as a lower
            temperature does, so as many of them are new. ``None`` or ``0``
            keeps every name (the same names for the same seed). Costs one
            model pass per label over each batch of drawn names.
        keep_spelling : bool, default=True
            Keep only names spelled as the training names are: every step
            between two kinds of characters (a script and case, a separator,
            the start or the end) is one that some training name has
            (``training_transitions_``), the scripts of its letters are
            those of some training name, and no word has more capitals than a
            word of a training name. False draws from the model's
            distribution without this test. With training names of the letters
            ``a`` to ``z`` alone every step is allowed, and the two agree.
            Either way no name starts or ends with whitespace (names never
            do: they are read without it), though the vocabulary has a space.
        on_batch : callable or None, default=None
            ``on_batch(names)`` gets the names of each batch as soon as the
            batch is drawn and tested (a list, in the order generated; the
            lists in turn are the names ``sample`` returns without it), so
            that they can be written while more are drawn, and they are not
            kept: memory holds one batch of names (with ``unique`` or
            ``exclude``, also the set of those returned), not them all, and
            ``sample`` returns an empty list. The names are the same, for
            the same ``random_state``. When too few are accepted, the error
            comes after the batches that were given. With ``match_lengths``,
            while the names drawn so far lack lengths enough for its warning
            (a model that draws them rarely, if ever), the batches wait for
            the next one, or for that warning, which then comes before them.
            Not with ``return_scores``.

        Returns
        -------
        names : list of str
            ``n_samples`` names, in the order they were generated (empty
            with ``on_batch``).
        scores : ndarray of shape (n_samples,)
            Only with ``return_scores=True``.

        Raises
        ------
        ValueError
            If the request cannot be met: more distinct names than exist within
            the length bounds, a ``prefix`` that no full match of ``pattern``
            starts with, a ``pattern`` whose every match holds a character the
            model never writes (a literal one: a capital for a model of
            lowercased names, a digit it never learned), a ``pattern`` whose
            every match starts or ends with whitespace (names never do), a
            ``pattern`` or ``match_lengths`` whose lengths the bounds leave
            out, ``match_lengths`` or ``novel`` with a ``label`` that the
            sampler was given no training names of, ``match_lengths`` with
            deterministic decoding (``temperature=0`` or ``top_k=1``: one name
            per prefix, of one length) (all refused before any name is
            drawn), a sampler without a record with ``novel=True``,
            ``min_label_proba`` without ``label``, or too few accepted names
            after ``max_rounds`` rounds (the message gives the acceptance rate
            and what to loosen).

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> names = ["abid", "abida", "aditi", "amit", "anita", "arun", "asha"]
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=100, random_state=0))
        >>> sampler = NameSampler(pipe, temperature=2.0).fit(names)
        >>> new = sampler.sample(5, prefix="a", unique=True, novel=True,
        ...                      random_state=0)
        >>> len(set(new)), all(n.startswith("a") and 4 <= len(n) <= 5 for n in new)
        (5, True)
        >>> new == sampler.sample(5, prefix="a", unique=True, novel=True,
        ...                       random_state=0)
        True
        >>> ends, scores = sampler.sample(3, pattern=".*a", return_scores=True,
        ...                               random_state=0)
        >>> all(n.endswith("a") for n in ends), scores.shape
        (True, (3,))

        Names written as each batch is drawn, none kept in memory:

        >>> batches = []
        >>> sampler.sample(5, on_batch=batches.append, random_state=0)
        []
        >>> sum(batches, []) == sampler.sample(5, random_state=0)
        True

        Names of a label that the model itself recognises as of that label:

        >>> import numpy as np
        >>> by_label = NameSampler(pipe).fit(names[1:], ["f", "f", "m", "f", "m", "f"])
        >>> typical = by_label.sample(4, label="f", min_label_proba=0.9,
        ...                           random_state=0)
        >>> f, m = (by_label.score_samples(typical, label=c) for c in ("f", "m"))
        >>> bool(np.all(np.exp(f) / (np.exp(f) + np.exp(m)) >= 0.9))
        True
        """
        transformer, next_log_proba = self._fitted_parts(label)
        request, return_scores = checked_request(
            self, transformer, n_samples, max_rounds=max_rounds, unique=unique,
            exclude=exclude, novel=novel, pattern=pattern,
            match_lengths=match_lengths, on_batch=on_batch,
            return_scores=return_scores,
        )  # fmt: skip
        rng = check_random_generator(random_state)
        draw, found = self._name_drawer(
            request, (transformer, next_log_proba, prefix), rng,
            by_label=(label, min_label_proba), keep_spelling=keep_spelling,
            match_lengths=match_lengths,
        )  # fmt: skip
        with one_blas_thread():
            names = sample_new_names(draw, request, **found)
        scores = return_scores and self.score_samples(names, label=label)
        return (names, scores) if return_scores else names

    def _name_drawer(self, request, model_prefix, rng, **tests):
        """``draw(n)``, the function that draws ``n`` names for ``request``
        (a SetRequest) from the model's prefix (``model_prefix``: the
        transformer, the model's function and the prefix) and keeps those
        that pass the tests of ``sample`` (``tests``: ``by_label``,
        ``keep_spelling`` and ``match_lengths``); and what
        :func:`~sknextchar._generation.sample_new_names` knows of it, as its
        keywords. The request is checked against the model first
        (:func:`~sknextchar._sample_request.check_feasible`)."""
        transformer, next_log_proba, prefix = model_prefix
        controls, match_lengths = request.controls, tests["match_lengths"]
        # The filter and the count of its names share a parse; a prefix cut
        # inside a cluster of the model is advised a pattern.
        with one_parse(), pattern_taken():
            prefix_ids, context = encode_prefix(transformer, prefix, controls)
            keep, words = sample_filter(self, request.novel, request.pattern,
                match_lengths, controls, rng, by_label=tests["by_label"],
                ids=prefix_ids, kept=(request.unique, request.exclude))  # fmt: skip
            spelled = spelling_filter(
                self, len(prefix_ids), words, tests["keep_spelling"]
            )
            support, max_batch = check_feasible(self, request, prefix_ids, context,
                (next_log_proba, prefix, keep, spelled, match_lengths))  # fmt: skip
        warn_lowered_prefix(transformer, prefix, prefix_ids)  # the request goes ahead
        warn_prefix_case(self, transformer, prefix, prefix_ids,  # "ma" for "Ma"
                         label=tests["by_label"][0])  # fmt: skip
        # The rounds share the distributions of the contexts met so far.
        n_symbols = len(self.vocabulary_)
        cache = draw_cache(n_symbols, context.shape[1], request.n_samples, controls)

        def draw(n):  # n names drawn, those that end and pass are kept
            return keep(spelled(sample_ids(
                next_log_proba, prefix_ids=prefix_ids, context=context,
                n_samples=n, n_symbols=n_symbols, controls=controls,
                rng=rng, cache=cache)))  # fmt: skip

        found = {"constraints": words, "support": support, "unit": transformer.unit_}
        return draw, {**found, "matched": keep.tally, "max_batch": max_batch}

    # ------------------------------------------------------------ beam search
    def most_likely(
        self,
        n_names=10,
        *,
        prefix="",
        exclude=None,
        beam_width=None,
        label=None,
        min_label_proba=None,
        keep_spelling=True,
        novel=False,
    ):
        """The most probable names, by beam search.

        Names are ranked by their untempered log-likelihood
        (:meth:`score_samples`), among the names that start with ``prefix``,
        have ``min_length`` to ``max_length`` letters and are spelled as the
        training names are (as in :meth:`sample`); temperature, ``top_k``
        and ``top_p`` shape sampling, not likelihood, and are not used. The
        search keeps the ``beam_width`` most probable unfinished names at each
        length, and stops extending a name as soon as it cannot beat the
        ``n_names``-th best finished one (log-probabilities only decrease as a
        name grows). With a beam as wide as the number of possible names, the
        result is exact. A name the model cannot end (probability 0) is never
        returned. Time and memory grow with the beam: about 10 s and 0.4 GB
        for ``n_names=10**5`` on 27 symbols; a search that cannot fit in
        memory is refused before it starts (:meth:`sample` needs far less
        per name).

        Parameters
        ----------
        n_names : int, default=10
            Number of names.
        prefix : str, default=""
            Every name starts with these letters (as in :meth:`sample`: read
            as the model reads names, capitals in lowercase, with a warning,
            for a model that lowercases).
        exclude : collection of str or None, default=None
            Names to skip, such as held-out names (for the training names, use
            ``novel=True``, which needs no list of them). They are compared as
            the model spells them, after its normalisation (lowercased by a
            model that lowercases; without the characters
            ``handle_unknown="drop"`` drops), so exactly, case included, by a
            model that keeps case: "ANNA" is among the names when ``exclude``
            holds "Anna", unlike with ``novel=True``, which leaves out every
            case variant of a training name (give each form to skip). A
            list, set or Series (``exclude=df["name"]``), not a DataFrame.
        beam_width : int or None, default=None
            Unfinished names kept per step; ``None`` means
            ``max(5 * n_names, 1000)``.
        label : object or None, default=None
            For a sampler fitted with labels (and only then): the most probable
            names of this label.
        min_label_proba : float in [0, 1] or None, default=None
            With ``label``: only names whose ``P(label | name)`` reaches this
            value, as in :meth:`sample` (the most probable names of the label
            that the model recognises as of that label).
        keep_spelling : bool, default=True
            Only names spelled as the training names are, as in :meth:`sample`;
            False ranks every name without whitespace at either end.
        novel : bool, default=False
            Only names the sampler was not fitted on, told as
            ``sample(novel=True)`` tells them (case variants of a training
            name included, for a model that keeps case), so a sampler loaded
            from a file gives its most probable new names without its
            training names at hand. False ranks training names too.

        Returns
        -------
        names : list of str
            ``n_names`` distinct names, most probable first.

        Raises
        ------
        ValueError
            If fewer than ``n_names`` names of nonzero probability are found
            (saying whether a wider beam could find more), or if the search
            cannot fit in memory.

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
        >>> new = sampler.most_likely(3, novel=True)
        >>> bool(sampler.in_training_set(new).any())
        False
        """
        transformer, next_log_proba = self._fitted_parts(label)
        controls = sampling_controls(self)  # the length bounds, checked
        n_names = check_positive_int(n_names, "n_names")
        width = default_beam_width(n_names) if beam_width is None else beam_width
        width = check_positive_int(width, "beam_width")
        exclude = normalised_exclude(transformer, exclude)
        prefix_ids, context = encode_prefix(transformer, prefix, controls)
        check_name_count(n_names, len(self.vocabulary_) - 1, len(prefix_ids),
                         controls, given_bounds(self))  # fmt: skip
        accept, typical, record = self._ranked_accept(
            len(prefix_ids), (label, min_label_proba), keep_spelling, novel
        )
        warn_lowered_prefix(transformer, prefix, prefix_ids)  # the search goes ahead
        warn_prefix_case(self, transformer, prefix, prefix_ids, label=label)
        with one_blas_thread():
            best, reach = beam_search(next_log_proba, prefix_ids=prefix_ids,
                context=context, n_names=n_names, beam_width=width,
                vocabulary=self.vocabulary_, min_length=controls.min_length,
                max_length=controls.max_length, exclude=exclude, accept=accept,
            )  # fmt: skip
        if len(best) < n_names:
            raise ValueError(beam_shortfall_message(
                len(best), n_names, prefix=prefix, n_prefix=len(prefix_ids),
                reach=reach, controls=controls, exclude=exclude,
                label_words=None if typical is None else typical[1],
                novel=record is not None,
            ))  # fmt: skip
        return best

    def _ranked_accept(self, n_prefix, by_label, keep_spelling, novel):
        """The test of the names ``most_likely`` ranks (``accept(ids)``, the
        spelled, unspaced names of a label's kind, new with ``novel``), the
        label's filter (None without ``min_label_proba``) and the record of
        the training names (None without ``novel``)."""
        label, min_label_proba = by_label
        typical = label_filter(self, label, min_label_proba, "most_likely")
        accept = unspaced_accept(self.vocabulary_, spelling_accept(
            self, n_prefix, typical and typical[0], keep_spelling
        ))  # fmt: skip
        record, folded = novelty_record(self, novel, label)
        if record is not None:
            accept = new_names_accept(record, folded, self.vocabulary_, accept)
        return accept, typical, record

    # --------------------------------------------------------------- helpers
    def _fitted_parts(self, label=None, *, one_label=True, argument="label"):
        """The fitted transformer and the model's next-log-probabilities function.

        For a model fitted with labels, the function of ``label``: a single label
        when generating (``one_label``), or one per context row when scoring.
        """
        check_sampler_fitted(self)
        if one_label:
            check_single_label(label, argument)
        transformer, model = split_pipeline(self.estimator_)
        check_steps_agree(transformer, model, self.vocabulary_)
        return transformer, next_log_proba_function(model, label, argument)

    def _windows_and_model(self, X, label, argument="label"):
        """The windows of names, the model's function of a label, and the labels.

        The labels are those of the windows, checked (see
        :func:`~sknextchar._label_posterior.windows_from_contexts`).
        """
        # Fails on a label the model does not fit.
        transformer, _ = self._fitted_parts(label, one_label=False, argument=argument)
        windows = transformer.transform(X)
        model = split_pipeline(self.estimator_)[1]
        function_of = partial(next_log_proba_function, model)
        return windows, function_of, labels_of_windows(label, windows, argument)

    def training_length_range(self):
        """The shortest and longest training name seen by :meth:`fit`.

        The default length bounds of :meth:`sample` and :meth:`most_likely`.

        Returns
        -------
        lengths : tuple of (int, int) or None
            None when the sampler has no record (fitted on no names, or saved
            before 0.2.0).

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import (CharEmbeddingMLPClassifier,
        ...     ContextWindowTransformer, NameSampler)
        >>> pipe = make_pipeline(ContextWindowTransformer(),
        ...     CharEmbeddingMLPClassifier(max_iter=5, random_state=0))
        >>> NameSampler(pipe).fit(["abid", "asha", "amitabh"]).training_length_range()
        (4, 7)
        """
        check_sampler_fitted(self)
        counts = getattr(self, "training_length_counts_", None)
        if counts is None or not np.any(counts):
            return None
        present = np.flatnonzero(counts)
        return int(present[0]), int(present[-1])

    def get_metadata_routing(self):
        """The metadata routing: ``sample_weight`` to ``fit`` and the pipeline.

        ``fit`` uses ``sample_weight`` itself (the record of the names' lengths)
        and fits the pipeline's model with it, unless, with scikit-learn's
        metadata routing enabled, the model asks not to
        (``pipe["clf"].set_fit_request(sample_weight=False)``); a model whose
        request is unset gets the weights, and a FrozenEstimator none.

        Returns
        -------
        routing : MetadataRouter
            The sampler's own requests and the pipeline's, as ``estimator``.

        Examples
        --------
        >>> import sklearn
        >>> from sknextchar import NameSampler, make_default_pipeline
        >>> with sklearn.config_context(enable_metadata_routing=True):
        ...     pipe = make_default_pipeline()
        ...     _ = pipe["clf"].set_fit_request(sample_weight=False)
        ...     routing = NameSampler(pipe).get_metadata_routing()
        ...     print(routing.consumes("fit", ["sample_weight"]))
        set()
        """
        return weights_router(self, [self.estimator])

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        return tags


def _checked_weights(X, sample_weight):
    """The weights of the names ``X``, checked (None without)."""
    if sample_weight is None:
        return None
    if isinstance(X, (str, bytes)) or not hasattr(X, "__len__"):
        check_names(X)  # the names' message, not len()'s
    return check_sample_weight(sample_weight, len(X), "name")
