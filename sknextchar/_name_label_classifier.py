"""NameLabelClassifier: the label of a name, by Bayes' rule on P(name | label).

The two factors of the rule, the priors and the pipelines' pooled likelihood,
are :mod:`sknextchar._pooled_likelihood`'s; the calibration's fits are
:mod:`sknextchar._label_calibration`'s; the checks of its fit, before and
after the pipelines' fits, are :mod:`sknextchar._name_label_checks`'s.
"""

import contextlib
import warnings
from numbers import Integral

import numpy as np
from scipy.special import logsumexp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.callback import CallbackSupportMixin
from sklearn.utils.validation import check_is_fitted

from ._compat import (
    HasMethods,
    Interval,
    NotString,
    StrOptions,
    fit_context,
    predicting_per_name,
)
from ._estimator import (
    PackageEstimatorMixin,
    members_visual_block,
    set_all_or_nothing,
)
from ._gathered_names import each_told_once
from ._kept_names import kept_rows, names_as_given, weighted_names
from ._label_calibration import (
    all_frozen,
    calibration_cv,
    calibration_splits,
    check_true_label_possible,
    fit_pool_weights,
    fit_temperature,
)
from ._label_input import (
    check_label_elements,
    check_no_missing_labels,
    label_values,
)
from ._label_posterior import log_priors
from ._labels import (
    labels_checked_once,
    whole_labels_as_ints,
)
from ._meta_callbacks import meta_fit_task
from ._name_label_checks import (
    check_each_fit,
    check_fitted_with,
    check_frozen_read,
    check_name_labels,
    check_take_weights,
    check_unlearned,
)
from ._named_pipelines import (
    check_estimators,
    diagram_members,
    named_pipelines,
    with_named_params,
)
from ._pipeline import (
    check_pipeline_to_fit,
    fit_in_pipeline_words,
    fit_weighted,
    in_pipeline_words,
    names_told_once,
    reading_groups,
    told_in_places,
)
from ._pooled_likelihood import (
    check_priors,
    check_priors_above_0,
    old_pool,
    per_pipeline_log_likelihood,
    pool_mean,
    pool_problem,
    pooled_log_likelihood,
    with_dropped,
)
from ._presets import make_default_pipeline
from ._sample_weight import check_sample_weight
from ._stacklevel import user_stacklevel
from ._step_words import StepError
from ._validation import check_names, series_index
from ._vocabulary import unseen_end_symbol_told_once
from ._weight_routing import weights_router
from ._words import counted
from .exceptions import DamagedModelError

__all__ = ["NameLabelClassifier"]


def _weighted_labels(names, labels, sample_weight):
    """:func:`weighted_names`, with labels of whole floats as the ints the
    pipelines take (``classes_`` stay floats, as given)."""
    names, labels, weights = weighted_names(names, labels, sample_weight)
    return names, whole_labels_as_ints(labels), weights


class NameLabelClassifier(
    PackageEstimatorMixin, ClassifierMixin, CallbackSupportMixin, BaseEstimator
):
    """Classify names by label with a character model of names by label.

    A generative classifier (Ng and Jordan, 2001): ``fit`` trains a pipeline of
    :class:`ContextWindowTransformer` and :class:`CharEmbeddingMLPClassifier` on
    the names and their labels, which learns ``P(name | label)`` one character
    at a time; prediction applies Bayes' rule,
    ``P(label | name) ∝ P(label) P(name | label)``. The same fitted pipeline
    generates names of a label (``NameSampler(FrozenEstimator(clf.pipeline_))``).

    Parameters
    ----------
    estimator : Pipeline, list or None, default=None
        An unfitted pipeline of a :class:`ContextWindowTransformer` and a model
        that can be fitted with labels: :class:`CharEmbeddingMLPClassifier`, or
        any next-character model wrapped in :class:`PerLabelClassifier` (one
        model per label, say a :class:`KneserNeyClassifier`). None means
        :func:`make_default_pipeline`. It is cloned. A list of pipelines (say,
        of different context lengths or sizes, or an MLP and a count model per
        label) is an ensemble: each is fitted, and prediction pools their
        likelihoods (see ``log_likelihood``); it costs one fit and one
        prediction per pipeline. Given as ``(name, pipeline)`` pairs (as
        :class:`~sklearn.ensemble.VotingClassifier` takes them), the pipelines'
        parameters are ``estimator__NAME__...`` in ``set_params`` and in a
        search (``estimator__mlp__clf__alpha``); ``"drop"`` in place of a
        pipeline leaves it out (``estimator__mlp="drop"``). A fitted pipeline wrapped in
        :class:`~sklearn.frozen.FrozenEstimator` is not fitted again (the
        labels of ``y`` must be among the pipeline's labels; ``classes_``
        are those of ``y``, as scikit-learn's classifiers take them, and a
        label of the pipeline that ``y`` lacks is left out, with a warning):
        ``fit`` then sets the priors and,
        with calibration, fits the temperature on the names it is given,
        which must be names the pipeline was not trained on (see
        ``calibration``). An MLP fine-tuned on the
        label's log-loss
        (``clf__discriminative_epochs``, with ``clf__alpha=0.05``) classifies
        better than one fitted for generation alone (see the "Names by label"
        page).
    priors : None, "uniform", array-like or dict, default=None
        The prior probability of each label, as in
        :class:`~sklearn.naive_bayes.GaussianNB`: None uses the label
        frequencies of the training names, ``"uniform"`` equal priors (better
        for balanced accuracy when the labels are unbalanced, as in the
        bundled names, three male for each female one), an array the given
        priors in the order of ``classes_``, a dict the prior of each label
        (``{"female": 0.5, "male": 0.5}``). Changing it needs no refit of the
        pipeline's weights, but ``set_params`` then ``fit`` refits; tune it in
        a search like any parameter. With ``calibration="temperature"``, None
        means that the priors are fitted with the temperature, and the other
        values fix them (only the temperature is fitted).
    calibration : {"temperature", "weights"} or None, default=None
        None: Bayes' rule as it is. ``"temperature"``: the posterior
        ``P(label | name) ∝ P(label) P(name | label) ** temperature_``, with the
        temperature (and the priors, see ``priors``) fitted by minimising the
        log-loss of names the pipeline was not trained on: the pipeline is
        fitted ``cv`` times, each time without one fold of the training names,
        which it then scores. The characters of a name are not independent
        evidence about its label, so the sum of their log-probabilities
        overstates it and plain Bayes' rule is over-confident; a
        ``temperature_`` below 1 tempers it. Only the training names are used.
        ``"weights"``: the same, with a weight of its own for each pipeline of
        a list ``estimator`` (``pool_weights_``, fitted with the temperature),
        for ensembles of unlike models, say MLPs and count models; a pipeline
        that adds nothing gets a weight of 0. See :ref:`names_by_label` for the
        measured effect. A pipeline with ``alphabet="auto"`` gets in every fold
        the alphabet of all the training names, so a character found in one
        fold's names only is known to the others. With a
        :class:`~sklearn.frozen.FrozenEstimator` as ``estimator`` (every
        pipeline frozen), nothing is fitted again and there are no folds:
        the temperature is fitted on all the names given to ``fit``, scored
        by the frozen pipeline. Give ``fit`` names it was not trained on (a
        held-out set), as
        :class:`~sklearn.calibration.CalibratedClassifierCV` asks of a
        FrozenEstimator: on its own training names the pipeline is surer
        than on new names, and the temperature fitted there over-confident.
        Nothing in a fitted pipeline records its training names, so this
        is not checked. A frozen pipeline in a list with unfrozen ones
        scores every name, in the fold that holds it out from the others.
    cv : int, cross-validation splitter or iterable, default=5
        The folds of the calibration: a number of folds
        (:class:`~sklearn.model_selection.StratifiedGroupKFold` with the names
        as groups, so the rows of a name stay in one fold), a splitter whose
        ``split(names, labels, groups=groups)`` gives them, or an iterable
        yielding ``(train, test)`` splits as arrays of indices, as
        scikit-learn's searches and
        :class:`~sklearn.calibration.CalibratedClassifierCV` take them. A group
        is a name as the pipelines read it (their transformer's
        ``normalize``): "Asha" and "asha" are one name to a pipeline that
        lowercases, and stay on one side of each fold. Each fold's training
        part needs every label, and a number of folds is at most the number of
        distinct names and of names of the most common label (a larger one is
        refused, naming the most that work). A number or a splitter splits the
        names of a weight above 0 (see ``sample_weight`` in ``fit``); the
        indices of given splits are those of the rows passed to ``fit``, and a
        name of weight 0 in a split is neither fitted nor scored. A name in no
        test part is not scored. Given splits are read once per ``fit``: a
        generator serves one fit (and cannot be cloned, so not in a search),
        a list any number. Unused without calibration, and when every pipeline
        of ``estimator`` is a FrozenEstimator (see ``calibration``).
    ensemble : bool, default=True
        With calibration: True keeps the pipelines of the ``cv`` folds and
        pools their likelihoods, an ensemble of ``cv`` models (per pipeline of
        ``estimator``) each fitted on ``(cv - 1) / cv`` of the names: ``fit``
        costs ``cv`` pipeline fits, prediction ``cv`` times one pipeline's.
        False fits the pipeline once more on all the names and calibrates it:
        ``cv + 1`` fits, prediction as without calibration. Unused without
        calibration, and with frozen pipelines only (one pipeline each). A
        :class:`~sknextchar.callbacks.Checkpoint` in the pipeline writes the
        same files in each of these fits, each fit replacing the last one's
        (``paths`` lists every save): they end up holding the last fit's
        models, with True those of the last fold (``pipelines_[-1]``), with
        False those fitted on all the names (``pipeline_``). For checkpoints of
        the whole model, use False, or fit the pipeline alone with the
        Checkpoint and calibrate it frozen on held-out names.

    Attributes
    ----------
    pipeline_ : Pipeline
        The fitted pipeline, conditioned on the labels (with an ensemble, the
        first fold's pipeline).
    pipelines_ : list of Pipeline
        The pipelines whose likelihoods prediction averages: ``[pipeline_]``
        unless the calibration keeps an ensemble.
    classes_ : ndarray of shape (n_classes,)
        The sorted labels.
    class_count_ : ndarray of float64 of shape (n_classes,)
        Training names of each label (with ``sample_weight``, the sums of
        their weights), float as in scikit-learn's naive Bayes.
    class_prior_ : ndarray of shape (n_classes,)
        The priors used by prediction (fitted, with calibration and
        ``priors=None``).
    temperature_ : float
        The power of the likelihoods in Bayes' rule: 1.0 without calibration.
        Fitted, it is at least 0 (a negative power would invert the
        classifier); 0, with a warning, when the held-out likelihoods point
        away from the labels: prediction then gives every name the priors.
    pool_weights_ : ndarray of shape (n_estimators,)
        The share of each pipeline of ``estimator``, in its order, in
        ``log_likelihood`` (the fold pipelines of a pipeline pool theirs
        equally): fitted with ``calibration="weights"``, else equal. A
        ``"drop"`` has 0, as :class:`~sklearn.ensemble.VotingClassifier`'s
        ``weights`` are given for every estimator, dropped or not; a
        pipeline of share 0 adds nothing. They sum to 1. ``n_estimators``
        is 1 for a single pipeline.

    See Also
    --------
    NameSampler : Generates names of a label from the same kind of pipeline.
    PerLabelClassifier : One next-character model per label, for a model that
        does not read labels.
    sklearn.naive_bayes.GaussianNB : The ``priors`` parameter follows it.
    sklearn.calibration.CalibratedClassifierCV : Calibration by cross-validation,
        which ``calibration`` and ``ensemble`` follow.

    References
    ----------
    A. Y. Ng and M. I. Jordan, "On Discriminative vs. Generative Classifiers: A
    comparison of logistic regression and naive Bayes", NIPS 14, 2001.

    Examples
    --------
    >>> from sknextchar import NameLabelClassifier, make_default_pipeline
    >>> names = ["anna", "bella", "carla", "dora", "bruno", "carlo", "dino", "paolo"]
    >>> labels = ["f", "f", "f", "f", "m", "m", "m", "m"]
    >>> pipe = make_default_pipeline(random_state=0).set_params(
    ...     clf__hidden_layer_sizes=(32,), clf__max_iter=60, clf__batch_size=8)
    >>> clf = NameLabelClassifier(pipe).fit(names, labels)
    >>> clf.classes_.tolist(), clf.predict(["nina", "nino"]).tolist()
    (['f', 'm'], ['f', 'm'])
    >>> float(clf.predict_proba(["nina"]).round(2).sum())
    1.0
    >>> calibrated = NameLabelClassifier(pipe, calibration="temperature", cv=2)
    >>> calibrated.fit(names, labels).predict(["nina", "nino"]).tolist()
    ['f', 'm']
    >>> len(calibrated.pipelines_), calibrated.temperature_ > 0
    (2, True)

    An ensemble of unlike models, each with a fitted weight:

    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         PerLabelClassifier)
    >>> counts = make_pipeline(ContextWindowTransformer(context_length=2),
    ...                        PerLabelClassifier(KneserNeyClassifier(order=3)))
    >>> pooled = NameLabelClassifier([pipe, counts], calibration="weights", cv=2)
    >>> pooled.fit(names, labels).pool_weights_.shape
    (2,)
    """

    _parameter_constraints = {
        "estimator": [HasMethods(["fit", "predict_log_proba"]), list, None],
        "priors": ["array-like", dict, StrOptions({"uniform"}), None],
        "calibration": [StrOptions({"temperature", "weights"}), None],
        "cv": [
            Interval(Integral, 2, None, closed="left"),
            NotString(["split"]),
            NotString(["__iter__"]),
        ],
        "ensemble": ["boolean"],
    }

    # None stands for make_default_pipeline(): set_params says so (_estimator).
    _none_stands_for = {"estimator": ("pipeline", make_default_pipeline)}

    def __init__(
        self, estimator=None, *, priors=None, calibration=None, cv=5, ensemble=True
    ):
        self.estimator = estimator
        self.priors = priors
        self.calibration = calibration
        self.cv = cv
        self.ensemble = ensemble

    def get_params(self, deep=True):
        """The parameters, with those of the pipelines of ``estimator``.

        As scikit-learn's ``get_params``; with ``deep=True``
        and a list of ``(name, pipeline)`` pairs as ``estimator``, each
        pipeline is ``estimator__NAME`` and its parameters are
        ``estimator__NAME__...`` (as with one pipeline, ``estimator__...``).

        Parameters
        ----------
        deep : bool, default=True
            Include the parameters of the pipelines of ``estimator``.

        Returns
        -------
        params : dict
            Parameter names mapped to their values.

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> clf = NameLabelClassifier([("small", make_default_pipeline()),
        ...                            ("big", make_default_pipeline())])
        >>> clf.get_params()["estimator__big__clf__alpha"]
        0.01
        """
        params = super().get_params(deep=deep)
        if deep:
            for name, pipeline in named_pipelines(self.estimator):
                params[f"estimator__{name}"] = pipeline
                if hasattr(pipeline, "get_params"):
                    nested = pipeline.get_params(deep=True).items()
                    params.update((f"estimator__{name}__{k}", v) for k, v in nested)
        return params

    def set_params(self, **params):
        """Set the parameters, those of the pipelines of ``estimator`` included.

        As scikit-learn's ``set_params``; with a list of
        ``(name, pipeline)`` pairs as ``estimator``, ``estimator__NAME``
        replaces a pipeline and ``estimator__NAME__...`` sets its parameters,
        so a search can tune them.

        Parameters
        ----------
        **params : dict
            Parameter names mapped to their new values.

        Returns
        -------
        self : NameLabelClassifier
            The classifier.

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> clf = NameLabelClassifier([("small", make_default_pipeline()),
        ...                            ("big", make_default_pipeline())])
        >>> clf = clf.set_params(estimator__big__clf__alpha=0.05)
        >>> clf.estimator[1][1].named_steps["clf"].alpha
        0.05
        """
        # All or nothing: a wrong name leaves even the parameters before it.
        return set_all_or_nothing(self, self._set_params_in_lists, params)

    def _set_params_in_lists(self, **params):
        """``set_params``, reaching the pipelines of a named list ``estimator``."""
        base = params.get("estimator", self.estimator)
        if isinstance(base, list):  # set_all_or_nothing checked every name
            prefix = "estimator__"
            nested = {
                key[len(prefix) :]: params.pop(key)
                for key in list(params)
                if key.startswith(prefix)
            }
            if nested:
                params["estimator"] = with_named_params(base, nested)
        return super().set_params(**params)

    @fit_context(prefer_skip_nested_validation=False)
    @predicting_per_name()  # its pipelines serve predictions of one row per name
    def fit(self, X, y, sample_weight=None):
        """Fit the pipeline on the names and their labels; set the priors.

        With calibration, fit the pipeline on the folds of the names and the
        temperature (and the priors) on the names each fold leaves out. A fit
        that fails leaves the classifier as it was.

        Parameters
        ----------
        X : 1-D array-like of str
            Names, each of at most 1,000 characters.
        y : array-like of shape (n_names,)
            The label of each name: at least 2 distinct labels (one is
            refused, as by scikit-learn's classifiers).
        sample_weight : float or array-like of shape (n_names,), default=None
            One weight per name (e.g. how often it occurs), >= 0 (a single
            number weighs every name alike): an integer weight counts as that
            many copies of the name. The pipelines are
            fitted with them (their models' ``fit`` must take
            ``sample_weight``; with metadata routing enabled, a model that
            asks not to, by ``set_fit_request(sample_weight=False)``, is
            fitted without them; a FrozenEstimator is not fitted), the
            priors learned from the labels are the weighted label
            frequencies (``class_count_`` the sums of the weights), and the
            calibration's log-loss weighs each held-out name by its weight
            (the folds are drawn by name, whatever its weight). A name of
            weight 0 is left out (a label whose every name weighs 0 is
            refused), by a FrozenEstimator too: it does not read it (a
            character it does not know is no error), as
            ``NameSampler(FrozenEstimator(pipe)).fit`` does not. None weighs
            every name alike.

        Returns
        -------
        self : NameLabelClassifier
            The fitted classifier.

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe, priors="uniform").fit(
        ...     ["anna", "marco"], ["f", "m"])
        >>> clf.class_prior_.tolist()
        [0.5, 0.5]

        Names with counts (a weight of 3 counts as three copies of the name):

        >>> clf = NameLabelClassifier(pipe).fit(
        ...     ["anna", "marco"], ["f", "m"], sample_weight=[3, 1])
        >>> clf.class_prior_.tolist(), clf.class_count_.tolist()
        ([0.75, 0.25], [3.0, 1.0])
        """
        estimators = _pipelines_to_fit(self.estimator)  # fail before fitting
        for each in estimators:  # a bad setting before a bad name, as a fit's
            check_pipeline_to_fit(each)
        names, frozen = check_names(X), all_frozen(estimators)
        # Frozen pipelines learn nothing from the labels: no advice on their names.
        labels, classes, ids = check_name_labels(y, len(names), advise=not frozen)
        given, cv = names, self.cv
        names, labels, weights = _weighted_labels(names, labels, sample_weight)
        check_unlearned(estimators, given, sample_weight, X)
        if self.calibration is not None and not frozen:
            cv = calibration_cv(cv, len(given), kept_rows(sample_weight))  # read once
        check_take_weights(estimators, weights)
        counts = _label_counts(classes, ids, labels, weights)
        priors, temperature = check_priors(self.priors, counts, classes), 1.0
        # The names of a weight above 0, as NameSampler's fit reads them.
        check_frozen_read(X, estimators, given, sample_weight, self.calibration)
        shares = np.full(len(estimators), 1.0 / len(estimators))
        n_fits = len(estimators) if self.calibration is None else None
        # The default pipeline's steps advise their parameters as it sets them.
        fit = fit_weighted if self.estimator is not None else fit_in_pipeline_words
        with (
            names_as_given(X, sample_weight),  # its messages count the names of X
            _default_words(self.estimator is None),
            labels_checked_once(),  # by check_name_labels, of all the names
            each_told_once(),  # of a name strip_accents changes: once, not per pipeline
            unseen_end_symbol_told_once(),  # an end marker unseen: once, not per fold
            meta_fit_task(self, names, labels, fit=fit, n_fits=n_fits) as fit_one,
        ):
            # Told of once, of all the names, in the places of X; not by each fit.
            places = kept_rows(sample_weight), series_index(X)
            if self.calibration is None:
                fitted = (names, labels, weights)
                pipelines = _fit_each(fit_one, estimators, fitted, places)
            else:
                pipelines, temperature, priors, shares = self._fit_calibrated(
                    fit_one,
                    cv,
                    estimators,
                    names,
                    labels,
                    classes,
                    priors,
                    weights,
                    places=places,
                )
        check_fitted_with(pipelines, classes)
        # One share per member of estimator, in its order: 0 for a "drop".
        kept, pool = with_dropped(self.estimator, shares)
        # Attributes only now, in one call: a fit that raised above, or a
        # Ctrl-C between two of them, leaves the old fit whole, never half.
        vars(self).update(
            pipelines_=pipelines, pipeline_=pipelines[0], classes_=classes,
            class_count_=counts, class_prior_=priors, temperature_=temperature,
            _pool_kept_=kept, pool_weights_=pool,
        )  # fmt: skip
        return self

    def _fit_calibrated(
        self, fit_one, cv, estimators, names, labels, classes, priors, weights, places
    ):
        """The fold pipelines (or a refit), temperature, priors and pool weights
        (``weights``: of the names, or None; each fitted by ``fit_one``, a subtask;
        ``cv``: ``self.cv``, given splits as rows of ``names``; ``places``: the
        rows and index of ``names`` in X, for the warnings about names)."""
        check_priors_above_0(self.priors, priors, classes)
        # log P(name | label) of the held-out names, per pipeline of estimators.
        held_out = np.full((len(names), len(estimators), len(classes)), np.nan)
        # Told of once, of all the names; the fits below are quiet about them.
        shared, quiet = names_told_once(estimators, names, *places)
        pipelines, groups = [], reading_groups(shared, names)
        splits = list(calibration_splits(cv, shared, names, labels, classes, groups))
        # Every fit checked before the first draws (not the default pipeline's:
        # its fits tell their errors in its words).
        refits = [] if self.ensemble else [(np.arange(len(names)), None)]
        check_each_fit(
            [] if self.estimator is None else shared,
            names,
            labels,
            weights,
            [*splits, *refits],
        )
        for train, test in splits:
            fold_names, fold_weights = [names[i] for i in train], _part(weights, train)
            # Numbered among all the names; told of by a fit on them all.
            with names_as_given(names, rows=train), quiet():
                fold = [
                    fit_one(e, fold_names, labels[train], fold_weights) for e in shared
                ]
            pipelines += fold
            if len(test):
                held_names = [names[i] for i in test]
                spelled = fold if self.estimator is None else []  # as fit is
                with names_as_given(names, rows=test), in_pipeline_words(spelled):
                    held = per_pipeline_log_likelihood(fold, classes, held_names)
                held_out[test] = np.stack(held, axis=1)
        scored = _some_scored(~np.isnan(held_out[:, 0, 0]))
        fixed = None if self.priors is None else log_priors(priors)
        y_index = np.searchsorted(classes, labels[scored])
        held_names = [names[i] for i in np.flatnonzero(scored)]
        check_true_label_possible(
            held_out[scored], y_index, held_names, self.calibration == "weights"
        )
        shares = np.full(len(estimators), 1.0 / len(estimators))
        fit_args = {"log_prior": fixed, "sample_weight": _part(weights, scored)}
        if self.calibration == "weights":
            pool, log_prior = fit_pool_weights(held_out[scored], y_index, **fit_args)
            temperature = float(pool.sum())
            shares = pool / temperature if temperature > 0 else shares
        else:
            pooled = pool_mean(list(held_out[scored].transpose(1, 0, 2)))
            temperature, log_prior = fit_temperature(pooled, y_index, **fit_args)
        _warn_if_priors_alone(temperature)
        if not self.ensemble:
            with quiet():
                pipelines = [fit_one(e, names, labels, weights) for e in estimators]
        return pipelines, temperature, np.exp(log_prior), shares

    def log_likelihood(self, X):
        """``log P(name | label)`` of every name under every label.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        log_likelihood : ndarray of shape (n_names, n_classes)
            Natural logarithms, columns in the order of ``classes_``; the sum over
            the characters of each name and its end marker. With several
            pipelines, the mean of their log-likelihoods: a log-linear pool (a
            product of experts), whose normaliser differs by label only by a
            constant, which the priors fitted by the calibration absorb. On
            held-out bundled names it calibrates better than the mean of the
            likelihoods (measured in :ref:`names_by_label`).

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe).fit(["anna", "marco"], ["f", "m"])
        >>> clf.log_likelihood(["anna", "ugo", "lia"]).shape
        (3, 2)
        """
        check_is_fitted(self)
        with names_as_given(X):  # a Series' index labels
            shares = self.pool_weights_[self._pool_kept_]
            return pooled_log_likelihood(
                self.pipelines_, self.classes_, check_names(X), shares
            )

    def predict_joint_log_proba(self, X):
        """``log P(name, label)``: the log-likelihood plus the log-prior.

        With calibration, the log-likelihood times ``temperature_`` plus the
        log-prior.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        joint_log_proba : ndarray of shape (n_names, n_classes)

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe).fit(["anna", "marco"], ["f", "m"])
        >>> clf.predict_joint_log_proba(["anna"]).shape
        (1, 2)
        """
        log_likelihood = self.log_likelihood(X)  # checks that it is fitted
        log_prior = log_priors(self.class_prior_)  # a prior of 0 rules a label out
        if self.temperature_ == 0.0:  # the priors alone, even where P(name | l) = 0
            log_likelihood = np.zeros_like(log_likelihood)
        elif self.temperature_ != 1.0:
            log_likelihood = self.temperature_ * log_likelihood
        return log_likelihood + log_prior

    def predict_log_proba(self, X):
        """``log P(label | name)`` by Bayes' rule.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        log_proba : ndarray of shape (n_names, n_classes)
            Columns in the order of ``classes_``.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe).fit(["anna", "marco"], ["f", "m"])
        >>> bool(np.isclose(np.exp(clf.predict_log_proba(["ugo"])).sum(), 1.0))
        True
        """
        joint = self.predict_joint_log_proba(X)
        return joint - logsumexp(joint, axis=1, keepdims=True)

    def predict_proba(self, X):
        """``P(label | name)`` by Bayes' rule.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        proba : ndarray of shape (n_names, n_classes)
            Rows sum to 1; columns in the order of ``classes_``.

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe).fit(["anna", "marco"], ["f", "m"])
        >>> clf.predict_proba(["anna", "ugo"]).shape
        (2, 2)
        """
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        """The most probable label of each name.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        labels : ndarray of shape (n_names,)
            Values of ``classes_``.

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe).fit(["anna", "marco"], ["f", "m"])
        >>> clf.predict(["anna"]).shape
        (1,)
        """
        joint = self.predict_joint_log_proba(X)  # checks that it is fitted
        return self.classes_[np.argmax(joint, axis=1)]

    def score(self, X, y, sample_weight=None):
        """The accuracy on the names: the (weighted) share of right labels.

        As scikit-learn's ``ClassifierMixin.score``; labels in NumPy's
        ``StringDType`` are taken as Python strings, as in ``fit``.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.
        y : array-like of shape (n_names,)
            The true label of each name.
        sample_weight : float or array-like of shape (n_names,), default=None
            One weight per name, checked as in :meth:`fit`: finite, >= 0, not
            all 0 (a single number weighs every name alike).

        Returns
        -------
        score : float
            The share of names whose predicted label is ``y``.

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe).fit(["anna", "marco"], ["f", "m"])
        >>> 0.0 <= clf.score(["anna", "marco"], ["f", "m"]) <= 1.0
        True
        """
        check_no_missing_labels(y, row="name")  # not a TypeError of sorting
        check_label_elements(y)  # nor NumPy's of a list among labels
        if isinstance(X, (str, bytes)) or not hasattr(X, "__len__"):
            X = check_names(X)  # the names' message, not len()'s
        if np.ndim(y) and len(X) != len(y):
            raise ValueError(
                f"X and y have different lengths: {counted(len(X), 'name')} and "
                f"{counted(len(y), 'label')}."
            )
        if sample_weight is not None:  # as fit checks them, before predicting
            sample_weight = check_sample_weight(sample_weight, len(X), "name")
        return super().score(X, label_values(y), sample_weight=sample_weight)

    def get_metadata_routing(self):
        """The metadata routing: ``sample_weight`` to ``fit`` and its pipelines.

        ``fit`` uses ``sample_weight`` itself (the priors, the calibration) and
        fits each pipeline's model with it, unless, with scikit-learn's
        metadata routing enabled, the model asks not to
        (``pipe["clf"].set_fit_request(sample_weight=False)``); a model whose
        request is unset gets the weights, and a FrozenEstimator none. The
        pipelines are ``estimator`` (one) or ``estimator_0``, ``estimator_1``,
        ... (a list) in the routing.

        Returns
        -------
        routing : MetadataRouter
            The classifier's own requests and one child per pipeline.

        Examples
        --------
        >>> import sklearn
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> with sklearn.config_context(enable_metadata_routing=True):
        ...     pipe = make_default_pipeline()
        ...     routing = NameLabelClassifier(pipe).get_metadata_routing()
        ...     print(routing.consumes("fit", ["sample_weight"]))
        ...     _ = pipe["clf"].set_fit_request(sample_weight=False)
        ...     routing = NameLabelClassifier(pipe).get_metadata_routing()
        ...     print(routing.consumes("fit", ["sample_weight"]))
        {'sample_weight'}
        set()
        """
        return weights_router(self, _pipelines_to_fit(self.estimator))

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    def _sk_visual_block_(self):
        """The HTML diagram shows the pipelines side by side, as VotingClassifier's."""
        return members_visual_block(self, diagram_members(self.estimator))

    def __setstate__(self, state):
        # A copy saved before pool_weights_ pooled all its pipelines equally.
        state = dict(state)
        if "pipelines_" in state:
            state.setdefault("pool_weights_", np.ones(1))
            if "_pool_kept_" not in state:  # saved with the weights of kept members
                state["_pool_kept_"], state["pool_weights_"] = old_pool(state)
            problem = pool_problem(
                state["pool_weights_"], state["_pool_kept_"], state["pipelines_"]
            )
            if problem:
                raise DamagedModelError(
                    f"This {type(self).__name__} is damaged: {problem}. Fit it "
                    "again, or load a copy saved by save_model."
                )
        super().__setstate__(state)


def _fit_each(fit_one, estimators, fitted, places):
    """Each pipeline fitted by ``fit_one`` on ``fitted`` (names, labels,
    weights), without calibration; told of the names in ``places``. Every
    fit's checks first: a later pipeline refused leaves the generators as
    they were (:func:`check_each_fit`)."""
    if len(estimators) > 1:
        check_each_fit(estimators, *fitted)
    pipelines = []
    for each in estimators:
        with told_in_places(*places):
            pipelines.append(fit_one(each, *fitted))
    return pipelines


def _some_scored(scored):
    """``scored``, the held-out names of the calibration, unless none is."""
    if not scored.any():
        raise ValueError(
            "The calibration needs held-out names; the splitter or splits given "
            "as cv left none out (a name of weight 0 is not scored). Give a "
            "number of folds, or a splitter or splits with test parts."
        )
    return scored


def _warn_if_priors_alone(temperature):
    """Warn when the calibration leaves the priors alone to predict (T = 0)."""
    if temperature == 0.0:
        warnings.warn(
            "The calibration found that the likelihoods of the held-out names "
            "do not help predict their labels (they favour wrong labels), so "
            "temperature_ is 0 and every name gets the priors (class_prior_). "
            "Train on more names of each label, or use another estimator.",
            UserWarning,
            stacklevel=user_stacklevel(),
        )


@contextlib.contextmanager
def _default_words(default):
    """The advice of a step of the default pipeline (``alphabet='auto'``, for
    estimator=None), spelled as that pipeline's parameters
    (:func:`~sknextchar._pipeline.fit_in_pipeline_words`), with the estimator
    that sets them. A pipeline of the user's own (``default`` False) spells
    its step's advice as its own parameters, which the user sets on it."""
    try:
        yield
    except StepError as error:
        if not default:
            raise
        raise ValueError(
            f"{error} These are parameters of the default pipeline "
            "(NameLabelClassifier(estimator=None)); pass it with them set: "
            f"estimator=make_default_pipeline().set_params({error.settings[0]})."
        ) from None


def _label_counts(classes, ids, labels, weights):
    """The counts of the labels ``classes`` (the sums of the names' weights,
    float64 with or without), given their ``ids`` in the names before
    ``weighted_names`` and the ``labels`` it kept."""
    if len(ids) != len(labels):  # names of weight 0 left out (no label lost)
        ids = np.searchsorted(classes, labels)
    counts = np.bincount(ids, weights=weights, minlength=len(classes))
    return counts.astype(np.float64)


def _part(weights, rows):
    """The weights of some rows (None stays None)."""
    return None if weights is None else weights[rows]


def _pipelines_to_fit(estimator):
    """The unfitted pipelines to fit: the default one for None, else those of
    ``estimator`` (a list of one or more)."""
    return (
        [make_default_pipeline()] if estimator is None else check_estimators(estimator)
    )
