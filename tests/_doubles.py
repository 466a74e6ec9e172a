"""Next-character models for tests: exact, fast, and not the package's classifier.

``NGramCounts`` has the classifier's contract (fit on CharWindows, ``classes_`` =
the vocabulary, ``predict_log_proba`` on integer contexts) and probabilities that
are exact smoothed counts: an oracle for greedy paths, beam search and scores.
``FastNGramCounts`` adds the protocol's unchecked ``next_log_proba`` and counts its
calls; ``BareNGram`` has nothing but ``fit`` and ``predict_log_proba``. None of them
is a CharEmbeddingMLPClassifier: the sampler must work with each through the
protocol of ``sknextchar._pipeline``.
"""

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer
from sknextchar._windows import CharWindows


def _codes(contexts, n_symbols):
    contexts = np.asarray(contexts, dtype=np.intp)  # (n, L)
    return contexts @ n_symbols ** np.arange(contexts.shape[1])[::-1]  # (n,)


def ngram_log_table(windows, alpha):
    """Add-``alpha`` smoothed log P(next | context), one row per possible context.

    A tiny seeded jitter on the smoothed counts breaks ties, so every greedy path
    and every ranking is unique and tests can compare them exactly.
    """
    V, L = len(windows.vocabulary), windows.context_length
    counts = np.zeros((V**L, V))
    np.add.at(counts, (_codes(windows.contexts, V), windows.targets), 1.0)
    jitter = np.random.default_rng(0).uniform(0, 1e-3, counts.shape)
    smoothed = counts + alpha * (1 + jitter)
    return np.log(smoothed / smoothed.sum(axis=1, keepdims=True))


class NGramCounts(ClassifierMixin, BaseEstimator):
    """Add-``alpha`` n-gram counts with the next-character classifier's contract."""

    n_fits = 0  # every fit of any instance; tells whether something was refit

    def __init__(self, alpha=0.1):
        self.alpha = alpha

    def fit(self, X, y=None):
        assert isinstance(X, CharWindows) and y is None
        type(self).n_fits += 1
        self.log_table_ = ngram_log_table(X, self.alpha)
        self.classes_ = np.array(X.vocabulary)
        return self

    def predict_log_proba(self, X):
        contexts = X.contexts if isinstance(X, CharWindows) else X
        return self.log_table_[_codes(contexts, len(self.classes_))]

    def predict_proba(self, X):
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_log_proba(X), axis=1)]

    def score(self, X, y=None):
        log_proba = self.predict_log_proba(X)
        return log_proba[np.arange(len(X)), X.targets].mean()


class FastNGramCounts(NGramCounts):
    """NGramCounts with the protocol's unchecked ``next_log_proba``.

    ``predict_log_proba`` refuses to run once ``strict`` is set, so a test can
    prove that the sampler takes the fast path.
    """

    def __init__(self, alpha=0.1, strict=False):
        super().__init__(alpha=alpha)
        self.strict = strict

    def next_log_proba(self, contexts):
        self.n_next_calls_ = getattr(self, "n_next_calls_", 0) + 1
        return self.log_table_[_codes(contexts, len(self.classes_))]

    def predict_log_proba(self, X):
        if self.strict:
            raise AssertionError("predict_log_proba called; next_log_proba expected")
        return super().predict_log_proba(X)


class BareNGram(BaseEstimator):
    """The least a model needs: ``fit`` on windows and ``predict_log_proba``.

    No ``classes_``, no ``score``, no ``next_log_proba``, no scikit-learn mixin.
    """

    def __init__(self, alpha=0.1):
        self.alpha = alpha

    def fit(self, X, y=None):
        self.log_table_ = ngram_log_table(X, self.alpha)
        self.n_symbols_ = len(X.vocabulary)
        return self

    def predict_log_proba(self, X):
        return self.log_table_[_codes(X, self.n_symbols_)]


def count_pipe(context_length=2, alpha=0.1, model=NGramCounts, **transformer_params):
    """``make_pipeline(ContextWindowTransformer(...), model(alpha=alpha))``."""
    return make_pipeline(
        ContextWindowTransformer(context_length, **transformer_params),
        model(alpha=alpha),
    )
