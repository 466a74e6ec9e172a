"""The mixin shared by the package's next-character models."""

from ._hooks import CALLBACK_ATTRIBUTES

__all__ = ["NextCharModelMixin"]


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
