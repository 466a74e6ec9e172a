"""Scorers for language models that work without ``y``.

A character model is judged by how likely it finds held-out names: the mean
natural-log likelihood per predicted character (end marker included). Every
estimator of this package, and every pipeline ending in
:class:`CharEmbeddingMLPClassifier`, returns that number from ``score(names)``;
the scorers here expose it, and its usual transforms, in the
``scorer(estimator, X, y=None, sample_weight=None)`` form that
``GridSearchCV(scoring=...)``, ``cross_val_score`` and ``cross_validate`` accept.
All follow scikit-learn's rule that higher is better, hence the ``neg_`` prefixes.

They weigh the held-out names by the ``sample_weight`` a search or, with metadata
routing on, a cross-validation gives them, as ``score`` does (their metadata
request for ``sample_weight`` is True). ``scorer.set_score_request(
sample_weight=False)`` returns a copy that scores every name once.

:func:`~sknextchar.metrics.sample_report` judges generated names instead: how
many are new, distinct, and as long as the training names.

scikit-learn's string scorers that need ``y`` (``scoring="neg_log_loss"``,
``"accuracy"``) cannot work on a pipeline fed names: the targets are made inside
the pipeline, and the scorer only sees ``y=None``. Use these instead.
"""

import math

from sklearn.base import ClassifierMixin, RegressorMixin
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils.metadata_routing import MetadataRequest

from ._name_label_classifier import NameLabelClassifier
from ._sample_report import SampleReport, sample_report

__all__ = [
    "SCORERS",
    "SampleReport",
    "log_likelihood",
    "neg_bits_per_char",
    "neg_perplexity",
    "sample_report",
]


# How far above 0 rounding may put the mean log-likelihood of a certain model.
_ROUNDING = 1e-9

_WHAT_TO_SCORE = (
    "these scorers are for models of names (a pipeline of "
    "ContextWindowTransformer and a next-character model, or a NameSampler). A "
    "NameLabelClassifier's score is the accuracy of its labels: score it with "
    'scoring="neg_log_loss" or "accuracy", or score its pipelines.'
)


def _scoring_estimator(estimator):
    """The estimator whose ``score`` ``estimator.score`` returns: the last step
    of a pipeline, the model of a FrozenEstimator, a search's refitted model."""
    while True:
        if isinstance(estimator, Pipeline) and estimator.steps:
            estimator = estimator.steps[-1][1]
        elif isinstance(estimator, FrozenEstimator):
            estimator = estimator.estimator
        elif hasattr(estimator, "best_estimator_"):
            estimator = estimator.best_estimator_
        else:
            return estimator


def _check_scores_log_likelihood(estimator):
    """Refuse a model whose ``score`` is an accuracy or an R², whatever its value
    (a NameLabelClassifier that gets every label wrong scores 0.0)."""
    scorer = _scoring_estimator(estimator)
    score_method = getattr(type(scorer), "score", None)
    if isinstance(scorer, NameLabelClassifier) or score_method is ClassifierMixin.score:
        meaning = "the accuracy"
    elif score_method is RegressorMixin.score:
        meaning = "the R²"
    else:
        return
    raise TypeError(
        f"{type(estimator).__name__}.score is {meaning} of its predictions, "
        "not a mean log-likelihood: " + _WHAT_TO_SCORE
    )


def log_likelihood(estimator, X, y=None, sample_weight=None):
    """Mean natural-log likelihood per character (nats, higher is better).

    Parameters
    ----------
    estimator : fitted estimator
        A pipeline of :class:`ContextWindowTransformer` and
        :class:`CharEmbeddingMLPClassifier`, a :class:`NameSampler`, or the
        classifier itself.
    X : list of str or CharWindows
        Held-out names (or windows, for the bare classifier).
    y : None or array-like of shape (n_names,), default=None
        None (the targets come from ``X``), or the label of each name for a
        model fitted with labels; passed on to ``estimator.score``.
    sample_weight : None or array-like of shape (n_names,), default=None
        How many times each held-out name counts, passed on to
        ``estimator.score``; None counts each once. A search passes the
        ``sample_weight`` of its ``fit`` here (with metadata routing on, so
        does ``cross_validate(..., params={"sample_weight": counts})``);
        ``log_likelihood.set_score_request(sample_weight=False)`` is a copy
        that ignores it.

    Returns
    -------
    score : float
        ``estimator.score(X, y, sample_weight=sample_weight)``: the (weighted)
        mean of log P(next char | context).

    Raises
    ------
    TypeError
        If ``estimator`` is (or ends in) a
        :class:`~sknextchar.NameLabelClassifier` or another model whose
        ``score`` is an accuracy or an R², whatever its value; or if
        ``estimator.score`` returns a positive number, which no log-likelihood
        is.

    Examples
    --------
    >>> import math
    >>> from sknextchar.metrics import log_likelihood
    >>> class Uniform27:  # stands in for a fitted model
    ...     def score(self, X, y=None):
    ...         return -math.log(27)
    >>> round(log_likelihood(Uniform27(), ["abid"]), 4)
    -3.2958
    """
    _check_scores_log_likelihood(estimator)
    if sample_weight is None:  # a model whose score takes no weights still works
        score = float(estimator.score(X, y))
    else:
        score = float(estimator.score(X, y, sample_weight=sample_weight))
    if score > _ROUNDING:  # log P <= 0: this score is something else
        raise TypeError(
            f"{type(estimator).__name__}.score returned {score:.4g}, which is no "
            "mean log-likelihood (that is never above 0): " + _WHAT_TO_SCORE
        )
    return score


def neg_bits_per_char(estimator, X, y=None, sample_weight=None):
    """Minus the cross-entropy in bits per character (higher is better).

    Bits per character = - mean log2 P(next char | context) = - log_likelihood / ln 2.
    A uniform guess over 27 symbols costs log2(27) = 4.75 bits.

    Parameters
    ----------
    estimator : fitted estimator
        See :func:`log_likelihood`.
    X : list of str or CharWindows
        Held-out names.
    y : None or array-like of shape (n_names,), default=None
        See :func:`log_likelihood`.
    sample_weight : None or array-like of shape (n_names,), default=None
        See :func:`log_likelihood`.

    Returns
    -------
    score : float
        ``-bits_per_char``.

    Examples
    --------
    >>> import math
    >>> from sknextchar.metrics import neg_bits_per_char
    >>> class Uniform27:
    ...     def score(self, X, y=None):
    ...         return -math.log(27)
    >>> round(neg_bits_per_char(Uniform27(), ["abid"]), 3)
    -4.755
    """
    return log_likelihood(estimator, X, y, sample_weight) / math.log(2)


def neg_perplexity(estimator, X, y=None, sample_weight=None):
    """Minus the per-character perplexity (higher is better).

    Perplexity = exp(- log_likelihood): the number of equally likely choices the
    model is, on average, hesitating between. Uniform over 27 symbols gives 27.

    Parameters
    ----------
    estimator : fitted estimator
        See :func:`log_likelihood`.
    X : list of str or CharWindows
        Held-out names.
    y : None or array-like of shape (n_names,), default=None
        See :func:`log_likelihood`.
    sample_weight : None or array-like of shape (n_names,), default=None
        See :func:`log_likelihood`.

    Returns
    -------
    score : float
        ``-perplexity``.

    Examples
    --------
    >>> import math
    >>> from sknextchar.metrics import neg_perplexity
    >>> class Uniform27:
    ...     def score(self, X, y=None):
    ...         return -math.log(27)
    >>> round(neg_perplexity(Uniform27(), ["abid"]), 6)
    -27.0
    """
    return -math.exp(-log_likelihood(estimator, X, y, sample_weight))


def _score_request(scorer, request):
    """The metadata request of ``scorer`` for scikit-learn's routing."""
    routing = MetadataRequest(owner=scorer.__name__)
    routing.score.add_request(param="sample_weight", alias=request)
    return routing


class _RequestedScorer:
    """One of the scorers above with another request for ``sample_weight``:
    what their ``set_score_request`` returns, leaving the module's own unchanged
    (a module-level object shared by every search)."""

    def __init__(self, scorer, request):
        _score_request(scorer, request)  # scikit-learn checks the request here
        self.scorer, self.request = scorer, request

    def __call__(self, estimator, X, y=None, sample_weight=None):
        weighs = self.request is not False
        return self.scorer(estimator, X, y, sample_weight if weighs else None)

    def __repr__(self):
        return (
            f"{self.scorer.__name__}.set_score_request(sample_weight={self.request!r})"
        )

    def get_metadata_routing(self):
        """The request for ``sample_weight`` that scikit-learn's routing reads."""
        return _score_request(self.scorer, self.request)

    def set_score_request(self, *, sample_weight=True):
        """The scorer with this request for ``sample_weight`` (see above)."""
        return _requested(self.scorer, sample_weight)

    def _accept_sample_weight(self):
        return self.request is not False


def _requested(scorer, sample_weight=True):
    """``scorer``, or a copy of it with another request for ``sample_weight``."""
    return scorer if sample_weight is True else _RequestedScorer(scorer, sample_weight)


# What scikit-learn asks of a scorer, on the functions themselves (a function
# pickles by name and shows as one in the API reference): the metadata request
# that routing reads, ``set_score_request`` as on its scorers, and the
# ``_accept_sample_weight`` that its multi-metric searches call on every scorer
# of a dict when ``fit`` is given ``sample_weight`` (scikit-learn >= 1.7; a plain
# function failed there with an AttributeError).
for _scorer in (log_likelihood, neg_bits_per_char, neg_perplexity):
    _weighted = _RequestedScorer(_scorer, True)
    _scorer.get_metadata_routing = _weighted.get_metadata_routing
    _scorer.set_score_request = _weighted.set_score_request
    _scorer._accept_sample_weight = _weighted._accept_sample_weight
del _scorer, _weighted

#: The scorers by name, for multi-metric evaluation:
#: ``cross_validate(pipe, names, scoring=SCORERS)``.
SCORERS = {
    "log_likelihood": log_likelihood,
    "neg_bits_per_char": neg_bits_per_char,
    "neg_perplexity": neg_perplexity,
}
