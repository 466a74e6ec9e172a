"""Scorers for language models that work without ``y``.

A character model is judged by how likely it finds held-out names: the mean
natural-log likelihood per predicted character (end marker included). Every
estimator of this package, and every pipeline ending in
:class:`CharEmbeddingMLPClassifier`, returns that number from ``score(names)``;
the scorers here expose it, and its usual transforms, in the
``scorer(estimator, X, y=None)`` form that ``GridSearchCV(scoring=...)``,
``cross_val_score`` and ``cross_validate`` accept. All follow scikit-learn's
rule that higher is better, hence the ``neg_`` prefixes.

:func:`~sknextchar.metrics.sample_report` judges generated names instead: how
many are new, distinct, and as long as the training names.

scikit-learn's string scorers that need ``y`` (``scoring="neg_log_loss"``,
``"accuracy"``) cannot work on a pipeline fed names: the targets are made inside
the pipeline, and the scorer only sees ``y=None``. Use these instead.
"""

import math

from ._sample_report import SampleReport, sample_report

__all__ = [
    "SCORERS",
    "SampleReport",
    "log_likelihood",
    "neg_bits_per_char",
    "neg_perplexity",
    "sample_report",
]


def log_likelihood(estimator, X, y=None):
    """Mean natural-log likelihood per character (nats, higher is better).

    Parameters
    ----------
    estimator : fitted estimator
        A pipeline of :class:`ContextWindowTransformer` and
        :class:`CharEmbeddingMLPClassifier`, a :class:`NameSampler`, or the
        classifier itself.
    X : list of str or CharWindows
        Held-out names (or windows, for the bare classifier).
    y : None
        Ignored; the targets come from ``X``.

    Returns
    -------
    score : float
        ``estimator.score(X)``: the mean of log P(next char | context).

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
    return float(estimator.score(X, y))


def neg_bits_per_char(estimator, X, y=None):
    """Minus the cross-entropy in bits per character (higher is better).

    Bits per character = - mean log2 P(next char | context) = - log_likelihood / ln 2.
    A uniform guess over 27 symbols costs log2(27) = 4.75 bits.

    Parameters
    ----------
    estimator : fitted estimator
        See :func:`log_likelihood`.
    X : list of str or CharWindows
        Held-out names.
    y : None
        Ignored.

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
    return log_likelihood(estimator, X, y) / math.log(2)


def neg_perplexity(estimator, X, y=None):
    """Minus the per-character perplexity (higher is better).

    Perplexity = exp(- log_likelihood): the number of equally likely choices the
    model is, on average, hesitating between. Uniform over 27 symbols gives 27.

    Parameters
    ----------
    estimator : fitted estimator
        See :func:`log_likelihood`.
    X : list of str or CharWindows
        Held-out names.
    y : None
        Ignored.

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
    return -math.exp(-log_likelihood(estimator, X, y))


#: The scorers by name, for multi-metric evaluation:
#: ``cross_validate(pipe, names, scoring=SCORERS)``.
SCORERS = {
    "log_likelihood": log_likelihood,
    "neg_bits_per_char": neg_bits_per_char,
    "neg_perplexity": neg_perplexity,
}
