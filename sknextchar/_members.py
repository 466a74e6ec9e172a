"""The members of a composite model (a mixture's): which are left out, the record
of their names, fitting one, and continuing the fit of one that trains by epochs."""

from ._own_classes import own_class
from ._shown_paths import shown_path

__all__ = [
    "continuation",
    "epoch_writers",
    "estimator_parts",
    "fills_label_names",
    "fills_member_names",
    "fit_member",
    "is_drop",
    "is_pair_list",
    "kept_members",
    "names_match",
    "names_of",
    "refuse_params_of_dropped",
    "resumable",
    "saves_nothing_message",
    "trains_by_epochs",
]


def is_drop(member):
    """Whether a member of ``estimators`` is left out (``"drop"``)."""
    return isinstance(member, str) and member == "drop"


def kept_members(estimators, validate_names):
    """The members of ``estimators`` that are not ``"drop"``, as (name,
    estimator) pairs, after checking them all; ``validate_names`` is the
    composite's check of the names (scikit-learn's ``_validate_names``)."""
    if not estimators or not all(
        isinstance(pair, tuple) and len(pair) == 2 for pair in estimators
    ):
        raise ValueError(
            "estimators must be a non-empty list of (name, estimator) pairs, "
            "e.g. [('kn', KneserNeyClassifier()), ('mlp', "
            f"CharEmbeddingMLPClassifier())]; got {estimators!r}."
        )
    validate_names([name for name, _ in estimators])
    kept = [(name, m) for name, m in estimators if not is_drop(m)]
    if not kept:
        raise ValueError(
            "Every member of estimators is 'drop': at least one must be a "
            "next-character model, e.g. set_params("
            f"{estimators[0][0]}=KneserNeyClassifier())."
        )
    for name, member in kept:
        if not (hasattr(member, "fit") and hasattr(member, "predict_log_proba")):
            raise TypeError(
                f"Member {name!r} ({type(member).__name__}) must have fit and "
                "predict_log_proba: a next-character model such as "
                "KneserNeyClassifier or CharEmbeddingMLPClassifier, or be "
                "'drop' to leave it out."
            )
    return kept


def refuse_params_of_dropped(estimators, params):
    """A parameter of a member that is (or is set to) ``"drop"``: say so."""
    members = {
        pair[0]: pair[1]
        for pair in (estimators if isinstance(estimators, list) else [])
        if isinstance(pair, tuple) and len(pair) == 2
    }
    members.update((key, value) for key, value in params.items() if key in members)
    for key in params:
        name, nested, _ = key.partition("__")
        if nested and isinstance(name, str) and is_drop(members.get(name)):
            raise ValueError(
                f"Cannot set {key}: the member {name!r} is 'drop'. Set it to an "
                f"estimator first (set_params({name}=...)); a search that also "
                "tries it as 'drop' takes a list of two grids."
            )


def is_pair_list(value, second=object):
    """Whether ``value`` is a list of (str, ``second``) tuples."""
    return isinstance(value, list) and all(
        isinstance(pair, tuple)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], second)
        for pair in value
    )


def names_of(estimators):
    """``(name, kept)`` for each member of ``estimators``: the record of a fit
    behind ``named_estimators_`` (None if ``estimators`` is no list of pairs)."""
    if not is_pair_list(estimators):
        return None
    return [(name, not is_drop(member)) for name, member in estimators]


def names_match(names, fitted):
    """Whether a record of member names fits the fitted members ``estimators_``."""
    return (
        is_pair_list(names, bool)
        and isinstance(fitted, list)
        and sum(kept for _, kept in names) == len(fitted)
    )


def resumable(estimator):
    """Whether ``estimator`` can continue training: it has the parameters
    ``warm_start`` and ``max_iter``, as scikit-learn's iterative models.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, KneserNeyClassifier
    >>> resumable(CharEmbeddingMLPClassifier()), resumable(KneserNeyClassifier())
    (True, False)
    """
    params = estimator.get_params(deep=False)
    return "warm_start" in params and "max_iter" in params


def trains_by_epochs(estimator):
    """Whether ``estimator`` is a :class:`~sknextchar.CharEmbeddingMLPClassifier`
    (told by its parameters, so that this module stays below the classifier's):
    a model whose epochs the callbacks see.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, KneserNeyClassifier
    >>> trains_by_epochs(CharEmbeddingMLPClassifier())
    True
    >>> trains_by_epochs(KneserNeyClassifier())
    False
    """
    return all(
        hasattr(estimator, name)
        for name in ("embedding_dim", "max_iter", "warm_start", "partial_fit")
    )


def fills_member_names(estimator):
    """Whether ``estimator`` is a :class:`~sknextchar.MixtureClassifier` (told by
    its parameters, so that this module stays below the mixture's), which
    fills ``{member}`` in a Checkpoint's path with each member's name."""
    params = estimator.get_params(deep=False)
    return {"estimators", "combine", "refit_max_iter"} <= params.keys()


def fills_label_names(estimator):
    """Whether ``estimator`` is a :class:`~sknextchar.PerLabelClassifier` (told
    by its class's name, so that this module stays below it), which fills
    ``{label}`` in a Checkpoint's path with each label when fitted with labels.

    Examples
    --------
    >>> from sknextchar import KneserNeyClassifier, PerLabelClassifier
    >>> fills_label_names(PerLabelClassifier())
    True
    >>> fills_label_names(KneserNeyClassifier())
    False
    """
    return own_class(estimator, {"PerLabelClassifier"}) is not None


def epoch_writers(members):
    """The (name, estimator) pairs of ``members`` (no ``"drop"``) with a model
    that trains by epochs in them: those that write checkpoints."""
    return [
        (name, member)
        for name, member in members
        if any(trains_by_epochs(part) for part in estimator_parts(member))
    ]


def saves_nothing_message(path, name):
    """The warning of a Checkpoint whose path is ``path`` on a ``name`` (the
    class of an estimator) in which no model trains by epochs, so that the
    Checkpoint saves nothing.

    Examples
    --------
    >>> saves_nothing_message("m.skops", "KneserNeyClassifier")[:53]
    "The Checkpoint path 'm.skops' saves nothing: no model"
    """
    return (
        f"The Checkpoint path {shown_path(path)} saves nothing: no model in this "
        f"{name} trains by epochs, the only models a Checkpoint saves (a "
        "CharEmbeddingMLPClassifier; a KneserNeyClassifier is fitted in one "
        "pass, and a FrozenEstimator not at all). Remove the Checkpoint "
        "(set_callbacks()), or fit a CharEmbeddingMLPClassifier with it."
    )


def estimator_parts(estimator):
    """``estimator`` and the estimators among its parameters, at any depth.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> [type(part).__name__ for part in estimator_parts(pipe)]
    ['Pipeline', 'ContextWindowTransformer', 'KneserNeyClassifier']
    """
    deep = getattr(estimator, "get_params", None)
    if deep is None or isinstance(estimator, type):
        return [estimator]
    return [
        estimator,
        *(
            part
            for part in deep(deep=True).values()
            if hasattr(part, "get_params") and not isinstance(part, type)
        ),
    ]


def continuation(fitted, max_iter):
    """``fitted`` (a :func:`resumable` estimator), set so that its next ``fit``
    goes on from its parameters for ``max_iter`` epochs.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> clf = continuation(CharEmbeddingMLPClassifier(), 3)
    >>> clf.warm_start, clf.max_iter
    (True, 3)
    """
    return fitted.set_params(warm_start=True, max_iter=max_iter)


def fit_member(estimator, X, y, sample_weight=None):
    weights = {} if sample_weight is None else {"sample_weight": sample_weight}
    return estimator.fit(X, **weights) if y is None else estimator.fit(X, y, **weights)
