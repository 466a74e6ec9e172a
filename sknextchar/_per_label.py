"""PerLabelClassifier: a next-character model of names by label, one model per label."""

import warnings
from numbers import Integral

import numpy as np
from joblib import effective_n_jobs
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.callback import CallbackSupportMixin, with_callbacks
from sklearn.utils.parallel import Parallel, delayed
from sklearn.utils.validation import check_is_fitted

from ._atomic import all_or_nothing
from ._checkpoint_fields import (
    LABEL_FIELD,
    check_label_checkpoints,
    check_unfilled_labels,
    checkpoints_in,
    filled_for,
    without_idle_checkpoints,
)
from ._compat import HasMethods, Interval, fit_context
from ._emptied_labels import EmptiedLabelsError
from ._estimator import PackageEstimatorMixin
from ._fit_checks import check_fit_before_drawing
from ._kneser_ney import KneserNeyClassifier
from ._label_input import warn_if_column
from ._labels import label_ids, learn_name_labels, split_name_labels
from ._members import estimator_parts, fit_member
from ._meta_callbacks import check_one_place, fit_in_subtask
from ._model_input import (
    check_fits_on_windows,
    check_predict_contexts,
    check_score_data,
    check_training_data,
    weighted_log_likelihood,
)
from ._next_char_model import NextCharModelMixin, float64_log_proba
from ._pipeline import next_log_proba_function
from ._sample_weight import check_sample_weight, check_takes_sample_weight
from ._stacklevel import user_stacklevel
from ._windows import CharWindows
from ._words import counted
from .callbacks import Checkpoint
from .exceptions import DamagedModelError
from .nn.functional import target_log_proba

__all__ = ["PerLabelClassifier"]


class PerLabelClassifier(
    PackageEstimatorMixin,
    NextCharModelMixin,
    CallbackSupportMixin,
    ClassifierMixin,
    BaseEstimator,
):
    """A model of names by label made of one next-character model per label.

    ``fit(windows, y)``, with one label per name, fits a clone of ``estimator``
    on the windows of the names of each label, so ``P(next | context, label)``
    is the prediction of that label's model. Any next-character model can so be
    conditioned on labels, a :class:`KneserNeyClassifier` (the class-conditional
    n-gram models of a classical generative classifier of text) as well as a
    :class:`MixtureClassifier`: in a pipeline after a
    :class:`ContextWindowTransformer`, :class:`NameSampler` samples names of a
    label from it, and :class:`NameLabelClassifier` classifies names with it,
    alone or in an ensemble with a :class:`CharEmbeddingMLPClassifier` that reads
    the labels (the "Names by label" page measures what that adds). Fitted
    without ``y``, it is one model of all the names, exactly the fitted
    ``estimator``.

    Unlike the embedding MLP, the labels share nothing: each model learns from
    its label's names alone, which suits count models and labels with many
    names each.

    Parameters
    ----------
    estimator : estimator or None, default=None
        An unfitted next-character model that follows the sampler/model protocol
        (``fit(windows)``, ``predict_log_proba(contexts)``). None means
        ``KneserNeyClassifier()``. It is cloned for each label. A
        :class:`~sknextchar.callbacks.Checkpoint` set on it (or on a model in
        it), or on this model or the Pipeline, NameSampler,
        NameLabelClassifier or search around it (callbacks set there reach
        every label's model; set them in one of the two places), saves each
        label's model to files of its own: its path must then hold
        ``{label}``, replaced by the label (``"model-{label}-{epoch}.skops"``),
        and ``n_jobs`` must be 1; otherwise ``fit`` with two labels or more
        raises a ValueError before any training, rather than writing one
        label's checkpoints over another's or saving nothing (as it does for
        ``{label}`` in a fit without labels). Every label's files are checked
        when ``fit`` starts, before any label's model trains. A model that
        does not train by epochs (a :class:`KneserNeyClassifier`) saves
        nothing, which the Checkpoint warns of, once, and needs no
        ``{label}``.
    n_jobs : int or None, default=None
        Labels whose models are fitted in parallel (joblib): None is 1, -1 is
        all processors. Worth it for models that take long to fit, such as a
        :class:`CharEmbeddingMLPClassifier` per label; the fitted models are the
        same either way. At most one worker per label is started. Callbacks
        set on the model (or passed on by the estimator around it) reach the
        labels' models fitted one after the other only: in parallel they run
        without them, which ``fit`` warns of (a Checkpoint that would save
        files is refused; one around count models, which save nothing, warns).

    Attributes
    ----------
    estimators_ : list of estimator
        The fitted models, one per label in the order of ``label_classes_``
        (one model of all the names when fitted without labels).
    label_classes_ : ndarray of shape (n_labels,) or None
        The sorted labels of the fit, None when fitted without labels.
    classes_ : ndarray of shape (n_classes,)
        The symbols, as the models' ``classes_`` (the same for every label).
    n_features_in_ : int
        The context length.

    See Also
    --------
    CharEmbeddingMLPClassifier : Reads the label as one more input, so the labels
        share what they have in common.
    NameLabelClassifier : Classifies names with models of names by label.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler, PerLabelClassifier)
    >>> names = ["anna", "bella", "carla", "bruno", "carlo", "dino"]
    >>> labels = ["f", "f", "f", "m", "m", "m"]
    >>> pipe = make_pipeline(ContextWindowTransformer(context_length=2),
    ...                      PerLabelClassifier(KneserNeyClassifier(order=3)))
    >>> pipe.fit(names, labels)[-1].label_classes_.tolist()
    ['f', 'm']
    >>> sampler = NameSampler(pipe).fit(names, labels)
    >>> sampler.most_likely(3, label="f"), sampler.most_likely(3, label="m")
    (['anna', 'bella', 'carla'], ['dino', 'bruno', 'carlo'])
    """

    _parameter_constraints = {
        "estimator": [HasMethods(["fit", "predict_log_proba"]), None],
        "n_jobs": [
            None,
            Interval(Integral, None, -1, closed="right"),
            Interval(Integral, 1, None, closed="left"),
        ],  # no 0 (joblib has no meaning for it), no bool
    }

    # None stands for KneserNeyClassifier(): set_params says so (_estimator).
    _none_stands_for = {"estimator": ("model", KneserNeyClassifier)}

    def __init__(self, estimator=None, *, n_jobs=None):
        self.estimator = estimator
        self.n_jobs = n_jobs

    @all_or_nothing  # and puts back the transformer that made the windows
    @fit_context(prefer_skip_nested_validation=False)
    @with_callbacks
    def fit(self, X, y=None, sample_weight=None):
        """Fit one model per label, or one model without labels.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            The windows of :meth:`ContextWindowTransformer.transform`, or context
            ids (for one model without labels).
        y : None or array-like
            For a :class:`CharWindows`: None, or the label of each name. For an
            array: the symbol after each context (no labels).
        sample_weight : float or array-like, default=None
            One weight per name for windows, one per row for arrays (e.g. how
            many times each name occurs): each label's model gets the weights
            of its names, and checks them (:class:`KneserNeyClassifier` takes
            whole numbers only). The model must take ``sample_weight`` in its
            ``fit``. None fits every model without weights.

        Returns
        -------
        self : PerLabelClassifier
            The fitted model. A fit that fails leaves it as it was, and in a
            pipeline, the transformer that made the windows too.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, PerLabelClassifier
        >>> windows = ContextWindowTransformer().fit_transform(["ana", "ben"])
        >>> model = PerLabelClassifier().fit(windows, ["x", "y"])
        >>> len(model.estimators_)
        2

        Names with counts ("ana" 3 times, "ben" once):

        >>> model = PerLabelClassifier().fit(windows, ["x", "y"], sample_weight=[3, 1])
        >>> [int(m.n_windows_) for m in model.estimators_]  # 4 windows x 3, 4 x 1
        [12, 4]
        """
        given = y  # checked as given (a DataFrame's index named in messages)
        estimator, X, y, weight, classes, parts = self._checked_input(
            X, y, sample_weight
        )
        if classes is not None:  # labels read as 1d: a column is warned of,
            warn_if_column(given)  # as scikit-learn's classifiers warn
        passed = [c for c in self._own_callbacks() if isinstance(c, Checkpoint)]
        if classes is None:
            check_unfilled_labels(checkpoints_in(estimator) + passed, _NAME)
            n_jobs = 1
        else:
            # No more workers than labels: each worker is a process started at
            # once, and n_jobs=10**18 would not fit a C int.
            n_jobs = min(effective_n_jobs(self.n_jobs), len(classes))
            check_label_checkpoints(estimator, classes, n_jobs, passed)  # first
            estimator = without_idle_checkpoints(estimator)  # told once, above
            if n_jobs > 1:
                self._warn_unreached_callbacks(estimator)
        if len(parts) > 1:  # every label's model, before any draws
            _check_each_part(estimator, parts, weight)
        fitted = self._fit_parts(estimator, parts, weight, n_jobs, (X, y))
        if classes is not None:
            _check_same_symbols(fitted, classes)
        self.estimators_, self.label_classes_ = fitted, classes
        self.classes_ = fitted[0].classes_
        return self

    def _checked_input(self, X, y, sample_weight):
        """What ``fit`` checks of its input: (estimator, X, y, the models'
        sample_weight, classes or None, the (label, X, y) of each model)."""
        estimator = KneserNeyClassifier() if self.estimator is None else self.estimator
        check_fits_on_windows(X, estimator, f"{type(self).__name__}'s estimator", _USE)
        labels, y = split_name_labels(X, y)
        weights = _weights_argument(estimator, sample_weight)
        # Checked here, in PerLabelClassifier's words; the models get a plain
        # array (a DataFrame's column names are recorded and checked here).
        data = check_training_data(self, X, y, reset=True)
        if not isinstance(X, CharWindows):
            X, y = data.contexts, self.classes_[data.targets]
        check_one_place(self, estimator, "PerLabelClassifier's estimator")
        weight = weights.get("sample_weight")
        if labels is None:
            return estimator, X, y, weight, None, [(None, X, y)]
        classes, name_ids = learn_name_labels(labels, X)
        if weights:  # one per name; each label's model gets all (its own count)
            weight = _label_weights(classes, name_ids, sample_weight)
        parts = [(c, X.subset(name_ids == j), None) for j, c in enumerate(classes)]
        return estimator, X, y, weight, classes, parts

    def _check_fit_input(self, X, y=None, sample_weight=None):
        """What ``fit`` checks before anything draws, each label's model too
        (:func:`~sknextchar._fit_checks.check_fit_before_drawing`, which calls
        it on an unfitted clone: a mixture whose member this is checks it)."""
        estimator, _, _, weight, _, parts = self._checked_input(X, y, sample_weight)
        _check_each_part(estimator, parts, weight)

    def _own_callbacks(self):
        return getattr(self, "_skl_callbacks", None) or ()

    def _warn_unreached_callbacks(self, estimator):
        """Warn of the callbacks (Checkpoints apart, refused or saving nothing)
        that the labels' models, fitted in other processes, run without."""
        parts = [self, *estimator_parts(estimator)]
        unreached = sorted(
            {
                type(callback).__name__
                for part in parts
                for callback in getattr(part, "_skl_callbacks", None) or ()
                if not isinstance(callback, Checkpoint)
            }
        )
        if unreached:
            warnings.warn(
                f"The callbacks {', '.join(unreached)} do nothing for the labels' "
                f"models: n_jobs={self.n_jobs} fits the labels' models in other "
                "processes, which callbacks do not reach. Pass n_jobs=1 to use "
                "them, or remove them (set_callbacks()).",
                UserWarning,
                stacklevel=user_stacklevel(),
            )

    def _fit_parts(self, estimator, parts, sample_weight, n_jobs, data):
        """A fitted clone of ``estimator`` for each ``(label, X, y)`` of
        ``parts``: in this process, one callback subtask each (the callbacks
        of this model reach the clone, ``{label}`` in a Checkpoint's path
        replaced by the label), or in ``n_jobs`` processes, without them."""
        ctx = self._init_callback_context(max_subtasks=len(parts))
        ctx.call_on_fit_task_begin(estimator=self, X=data[0], y=data[1])
        if n_jobs > 1:
            fitted = Parallel(n_jobs=n_jobs)(
                delayed(fit_member)(clone(estimator), X, y, sample_weight)
                for _, X, y in parts
            )
        else:
            fitted = [
                fit_in_subtask(ctx, self, _label_fit(c), estimator, X, y, sample_weight)
                for c, X, y in parts
            ]
        ctx.call_on_fit_task_end(estimator=self, X=data[0], y=data[1])
        return fitted

    def next_log_proba(self, contexts, labels=None):
        """Log-probabilities of the next symbol, for contexts already validated.

        The fast path of the sampler/model protocol: each label's rows go to
        that label's model's own fast path.

        Parameters
        ----------
        contexts : ndarray of int of shape (n, context_length)
            Context ids, each below the vocabulary size.
        labels : object, array-like of shape (n,) or None, default=None
            For a model fitted with labels (and only then): one label for all
            rows, or one per row.

        Returns
        -------
        log_proba : ndarray of shape (n, n_classes)

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, PerLabelClassifier
        >>> t = ContextWindowTransformer().fit(["ana", "ben"])
        >>> model = PerLabelClassifier().fit(t.transform(["ana", "ben"]), ["x", "y"])
        >>> model.next_log_proba(t.encode_prefixes(["an", "be"]), labels="x").shape
        (2, 27)
        """
        check_is_fitted(self)
        ids = label_ids(self, labels, len(contexts))
        return self._log_proba(contexts, ids, fast=True)

    def predict_log_proba(self, X, labels=None):
        """Natural-log probability of every symbol after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        labels : object, array-like or None, default=None
            For a model fitted with labels (and only then): the label of every
            name of the windows, or of every row of an array, or one label for
            all.

        Returns
        -------
        log_proba : ndarray of shape (n_windows, n_classes)

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import ContextWindowTransformer, PerLabelClassifier
        >>> windows = ContextWindowTransformer().fit_transform(["ana", "ben"])
        >>> model = PerLabelClassifier().fit(windows, ["x", "y"])
        >>> proba = np.exp(model.predict_log_proba(windows, labels=["x", "y"]))
        >>> bool(np.allclose(proba.sum(axis=1), 1.0))
        True
        """
        contexts = self._contexts(X)
        windows = X if isinstance(X, CharWindows) else None  # labels: one per name
        ids = label_ids(self, labels, len(contexts), windows)
        return self._log_proba(contexts, ids)

    def predict_proba(self, X, labels=None):
        """Probability of every symbol after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        labels : object, array-like or None, default=None
            As in :meth:`predict_log_proba`.

        Returns
        -------
        proba : ndarray of shape (n_windows, n_classes)

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, PerLabelClassifier
        >>> windows = ContextWindowTransformer().fit_transform(["ana", "ben"])
        >>> model = PerLabelClassifier().fit(windows)
        >>> model.predict_proba(windows).shape
        (8, 27)
        """
        return np.exp(self.predict_log_proba(X, labels))

    def predict(self, X, labels=None):
        """The most probable next symbol after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        labels : object, array-like or None, default=None
            As in :meth:`predict_log_proba`.

        Returns
        -------
        symbols : ndarray of shape (n_windows,)
            Values of ``classes_``.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, PerLabelClassifier
        >>> windows = ContextWindowTransformer().fit_transform(["ana", "ben"])
        >>> PerLabelClassifier().fit(windows).predict(windows).shape
        (8,)
        """
        log_proba = self.predict_log_proba(X, labels)  # checks that it is fitted
        return self.classes_[np.argmax(log_proba, axis=1)]

    def score(self, X, y=None, sample_weight=None):
        """Mean natural-log likelihood per predicted character (higher is better).

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        y : None or array-like
            For a :class:`CharWindows`: None, or, for a model fitted with labels,
            the label of each name (as in :meth:`fit`). For an array: the true
            next symbols.
        sample_weight : float or array-like, default=None
            Weights of the names of a :class:`CharWindows` (every window of a
            name counts with its weight: what a pipeline's ``score(names,
            sample_weight=...)`` passes), or of the rows of an array; None
            weighs every window the same.

        Returns
        -------
        score : float
            ``mean(log P(target | context, label))``, at most 0.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer, PerLabelClassifier
        >>> windows = ContextWindowTransformer().fit_transform(["ana", "ben"])
        >>> model = PerLabelClassifier().fit(windows, ["x", "y"])
        >>> model.score(windows, ["x", "y"]) <= 0
        True
        """
        labels, y = split_name_labels(X, y)
        check_is_fitted(self)
        contexts, targets = check_score_data(self, X, y)
        windows = X if isinstance(X, CharWindows) else None
        ids = label_ids(self, labels, len(contexts), windows, "y")
        picked = target_log_proba(self._log_proba(contexts, ids), targets)
        return weighted_log_likelihood(picked, X, sample_weight)

    def _contexts(self, X):
        """Context ids of X, checked against the fit (the models check the ids
        against their vocabulary)."""
        return check_predict_contexts(self, X)

    def _log_proba(self, contexts, ids, fast=False):
        """Each row's log-probabilities from the model of its label (ids)."""
        if ids is None:
            ids = np.zeros(len(contexts), dtype=int)
        out = np.empty((len(contexts), len(self.classes_)))
        for j in np.unique(ids):
            rows = ids == j
            model = self.estimators_[j]
            function = (
                next_log_proba_function(model) if fast else model.predict_log_proba
            )
            out[rows] = float64_log_proba(function(contexts[rows]))
        return out

    def __setstate__(self, state):
        # A pickled, joblib or skops copy: one model per label, checked here so
        # that an edited file fails at load, not with an IndexError at first use.
        super().__setstate__(state)
        if "estimators_" in self.__dict__:
            problem = _fitted_problem(
                self.__dict__["estimators_"], self.__dict__.get("label_classes_")
            )
            if problem:
                raise DamagedModelError(
                    f"This {type(self).__name__} is damaged: {problem}. Fit it "
                    "again, or load a copy saved by save_model."
                )


_USE = (
    "Set estimator to a next-character model, e.g. PerLabelClassifier("
    "KneserNeyClassifier()) or PerLabelClassifier(CharEmbeddingMLPClassifier())."
)


_NAME = "PerLabelClassifier"


def _label_fit(label):
    """``fit(estimator, X, y, sample_weight)`` of :func:`fit_in_subtask` for
    ``label``'s model: its Checkpoints (its own and those it is passed) write
    the label's own files, ``{label}`` in their path the label (percent-encoded,
    dots too); for no label (None), as they are."""

    def fit(estimator, X, y, sample_weight):
        if label is None:
            return fit_member(estimator, X, y, sample_weight)
        with filled_for(estimator, LABEL_FIELD, label):
            return fit_member(estimator, X, y, sample_weight)

    return fit


def _check_each_part(estimator, parts, weight):
    """Check ``estimator``'s fit on each ``(label, X, y)`` of ``parts``, drawing
    nothing (:func:`check_fit_before_drawing`)."""
    for _, part, part_y in parts:
        check_fit_before_drawing(estimator, part, part_y, weight)


def _weights_argument(estimator, sample_weight):
    """``{"sample_weight": sample_weight}`` for the models' fit, {} for None."""
    if sample_weight is None:
        return {}
    check_takes_sample_weight(estimator, "PerLabelClassifier's estimator")
    return {"sample_weight": sample_weight}


def _label_weights(classes, name_ids, sample_weight):
    """The names' checked weights; every label keeps a name of positive weight."""
    weights = check_sample_weight(sample_weight, len(name_ids), "name")
    total = np.bincount(name_ids, weights=weights, minlength=len(classes))
    empty = [label for label, w in zip(classes, total, strict=True) if w == 0]
    if empty:
        raise EmptiedLabelsError(empty)
    return weights


def _check_same_symbols(fitted, classes):
    """Every label's model predicts the same symbols, in the same order."""
    first = list(fitted[0].classes_)
    for label, model in zip(classes[1:], fitted[1:], strict=True):
        if list(model.classes_) != first:
            raise ValueError(
                f"The model of label {label!r} predicts other symbols than the "
                f"model of label {classes[0]!r}; fit it on windows (CharWindows), "
                "whose vocabulary gives every label's model the same symbols."
            )


def _fitted_problem(estimators, label_classes):
    """What is wrong with the fitted models of a loaded copy, or None."""
    expected = 1 if label_classes is None else len(label_classes)
    if not isinstance(estimators, list) or len(estimators) != expected:
        whose = "fitted without labels" if label_classes is None else "one per label"
        return f"it should hold {counted(expected, 'fitted model')} ({whose})"
    symbols = [list(getattr(model, "classes_", [])) for model in estimators]
    if not symbols[0] or any(other != symbols[0] for other in symbols):
        return "its models do not predict the same symbols"
    return None
