"""NameLabelClassifier: the label of a name, by Bayes' rule on P(name | label)."""

import numpy as np
from scipy.special import logsumexp
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, column_or_1d

from ._compat import HasMethods, StrOptions, fit_context
from ._estimator import PackageEstimatorMixin
from ._model_input import check_no_missing_labels
from ._pipeline import next_log_proba_function, split_pipeline
from ._presets import make_default_pipeline
from ._validation import check_names
from .nn.functional import target_log_proba

__all__ = ["NameLabelClassifier", "check_priors"]


def check_priors(priors, counts):
    """The label priors: from the label counts, uniform, or given.

    Parameters
    ----------
    priors : None, "uniform" or array-like of shape (n_classes,)
        None: the label frequencies ``counts / counts.sum()``. ``"uniform"``:
        equal priors. An array: the priors in the order of the sorted labels,
        non-negative and summing to 1.
    counts : ndarray of shape (n_classes,)
        How many training names have each label.

    Returns
    -------
    priors : ndarray of shape (n_classes,)

    Examples
    --------
    >>> import numpy as np
    >>> check_priors(None, np.array([1, 3])).tolist()
    [0.25, 0.75]
    >>> check_priors("uniform", np.array([1, 3])).tolist()
    [0.5, 0.5]
    """
    if priors is None:
        return counts / counts.sum()
    if isinstance(priors, str):  # "uniform", the only string the parameter takes
        return np.full(len(counts), 1.0 / len(counts))
    priors = np.asarray(priors, dtype=np.float64)
    if priors.shape != counts.shape:
        raise ValueError(
            f"priors must have one value per label ({len(counts)}, in the order of "
            f"classes_); got shape {priors.shape}."
        )
    if (priors < 0).any() or not np.isclose(priors.sum(), 1.0):
        raise ValueError(
            f"priors must be non-negative and sum to 1; got {priors.tolist()!r} "
            f"(sum {priors.sum():.6g})."
        )
    return priors


class NameLabelClassifier(PackageEstimatorMixin, ClassifierMixin, BaseEstimator):
    """Classify names by label with a character model of names by label.

    A generative classifier (Ng and Jordan, 2001): ``fit`` trains a pipeline of
    :class:`ContextWindowTransformer` and :class:`CharEmbeddingMLPClassifier` on
    the names and their labels, which learns ``P(name | label)`` one character
    at a time; prediction applies Bayes' rule,
    ``P(label | name) ∝ P(label) P(name | label)``. The same fitted pipeline
    generates names of a label (``NameSampler(FrozenEstimator(clf.pipeline_))``).

    Parameters
    ----------
    estimator : Pipeline or None, default=None
        An unfitted pipeline of a :class:`ContextWindowTransformer` and a model
        that can be fitted with labels (:class:`CharEmbeddingMLPClassifier`).
        None means :func:`make_default_pipeline`. It is cloned.
    priors : None, "uniform" or array-like of shape (n_classes,), default=None
        The prior probability of each label, as in
        :class:`~sklearn.naive_bayes.GaussianNB`: None uses the label
        frequencies of the training names, ``"uniform"`` equal priors (better
        for balanced accuracy when the labels are unbalanced, as in the
        bundled names, three male for each female one), an array the given
        priors in the order of ``classes_``. Changing it needs no refit of the
        pipeline's weights, but ``set_params`` then ``fit`` refits; tune it in
        a search like any parameter.

    Attributes
    ----------
    pipeline_ : Pipeline
        The fitted pipeline, conditioned on the labels.
    classes_ : ndarray of shape (n_classes,)
        The sorted labels.
    class_count_ : ndarray of shape (n_classes,)
        Training names of each label.
    class_prior_ : ndarray of shape (n_classes,)
        The priors used by prediction.

    See Also
    --------
    NameSampler : Generates names of a label from the same kind of pipeline.
    sklearn.naive_bayes.GaussianNB : The ``priors`` parameter follows it.

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
    >>> clf.predict_proba(["nina"]).round(2).sum()
    np.float64(1.0)
    """

    _parameter_constraints = {
        "estimator": [HasMethods(["fit", "predict_log_proba"]), None],
        "priors": ["array-like", StrOptions({"uniform"}), None],
    }

    def __init__(self, estimator=None, *, priors=None):
        self.estimator = estimator
        self.priors = priors

    @fit_context(prefer_skip_nested_validation=False)
    def fit(self, X, y):
        """Fit the pipeline on the names and their labels; set the priors.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.
        y : array-like of shape (n_names,)
            The label of each name.

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
        """
        names = check_names(X)
        labels = _check_labels(y, len(names))
        estimator = self.estimator
        estimator = make_default_pipeline() if estimator is None else estimator
        split_pipeline(estimator, owner=type(self).__name__)  # fail before fitting
        self.pipeline_ = clone(estimator).fit(names, labels)
        self.classes_, self.class_count_ = np.unique(labels, return_counts=True)
        self.class_prior_ = check_priors(self.priors, self.class_count_)
        return self

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
            the characters of each name and its end marker.

        Examples
        --------
        >>> from sknextchar import NameLabelClassifier, make_default_pipeline
        >>> pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
        >>> clf = NameLabelClassifier(pipe).fit(["anna", "marco"], ["f", "m"])
        >>> clf.log_likelihood(["anna", "ugo", "lia"]).shape
        (3, 2)
        """
        check_is_fitted(self)
        transformer, model = split_pipeline(self.pipeline_, owner=type(self).__name__)
        windows = transformer.transform(check_names(X))
        columns = []
        for label in self.classes_:
            log_proba = next_log_proba_function(model, label)(windows.contexts)
            picked = target_log_proba(log_proba, windows.targets)
            columns.append(np.bincount(windows.name_index, picked, windows.n_names))
        return np.stack(columns, axis=1)

    def predict_joint_log_proba(self, X):
        """``log P(name, label)``: the log-likelihood plus the log-prior.

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
        with np.errstate(divide="ignore"):  # a prior of 0 rules a label out
            return self.log_likelihood(X) + np.log(self.class_prior_)

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

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags


def _check_labels(y, n_names):
    """The labels as a 1-D array, one per name, no missing value."""
    if y is None:
        raise ValueError(
            "NameLabelClassifier needs y, the label of each name; got y=None."
        )
    check_no_missing_labels(y)
    labels = column_or_1d(np.asarray(y))
    check_classification_targets(labels)
    if len(labels) != n_names:
        raise ValueError(
            f"X and y have different lengths: {n_names} names and {len(labels)} labels."
        )
    return labels
