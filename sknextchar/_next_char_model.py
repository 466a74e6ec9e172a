"""The mixin shared by the package's next-character models."""

import numpy as np

from ._hooks import CALLBACK_ATTRIBUTES

__all__ = ["NextCharModelMixin", "float64_log_proba"]


def float64_log_proba(log_proba):
    """A member's log-probabilities as float64 rows that sum to 1 in float64.

    A model that computes in float32 (:class:`~sknextchar.CharEmbeddingMLPClassifier`
    by default) gives rows that sum to 1 within float32's rounding, about 1e-7:
    cast as they are, the float64 rows of a model built on it would be off by as
    much, which NumPy's ``Generator.choice`` refuses (it allows 1.5e-8). Such rows
    are normalised again after the cast; float64 ones are returned as they are.

    Parameters
    ----------
    log_proba : ndarray of shape (n, n_classes)
        Natural-log probabilities, each row a distribution.

    Returns
    -------
    log_proba : ndarray of shape (n, n_classes), float64

    Examples
    --------
    >>> import numpy as np
    >>> rows = np.log(np.array([[0.1, 0.2, 0.7]], dtype=np.float32))
    >>> float(abs(np.exp(rows.astype(np.float64)).sum() - 1)) > 1e-9
    True
    >>> float(abs(np.exp(float64_log_proba(rows)).sum() - 1)) < 1e-15
    True
    """
    log_proba = np.asarray(log_proba)
    if log_proba.dtype == np.float64:
        return log_proba
    log_proba = log_proba.astype(np.float64)
    # Rows already sum to about 1: no overflow, no shift by the maximum needed.
    log_proba -= np.log(np.exp(log_proba).sum(axis=1, keepdims=True))
    return log_proba


class NextCharModelMixin:
    """What every next-character model of the package shares.

    The models that map context ids to the next symbol
    (:class:`~sknextchar.CharEmbeddingMLPClassifier`,
    :class:`~sknextchar.KneserNeyClassifier`,
    :class:`~sknextchar.MixtureClassifier` and
    :class:`~sknextchar.PerLabelClassifier`) take small non-negative integer
    ids as input, and say so in their scikit-learn tags, so that scikit-learn's
    common checks feed them integer data. A pickled, joblib or skops copy of
    one leaves out the callbacks set on it (scikit-learn's callback API):
    they are runtime hooks, not model state, and may not even pickle.

    Their ``predict_proba``, ``predict`` and ``score`` stay on each class: the
    signatures differ (only the models of names by label take ``labels``, which
    metadata routing reads from the signature), their runnable examples are the
    class's own, and the API pages show no inherited methods. What their
    ``score`` methods share is ``_model_input.weighted_log_likelihood``.
    :class:`~sknextchar.NameLabelClassifier` is no such model: it classifies
    names (strings), and has tags of its own.

    Place it after ``PackageEstimatorMixin`` and before the scikit-learn
    mixins.

    Examples
    --------
    >>> from sknextchar import KneserNeyClassifier
    >>> tags = KneserNeyClassifier().__sklearn_tags__()
    >>> tags.input_tags.categorical, tags.input_tags.positive_only
    (True, True)
    """

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        # Contexts are small non-negative integer ids: this makes scikit-learn's
        # common checks feed integer data.
        tags.input_tags.categorical = True
        tags.input_tags.positive_only = True
        return tags

    def __getstate__(self):
        state = super().__getstate__()
        return {k: v for k, v in state.items() if k not in CALLBACK_ATTRIBUTES}
