"""The members of a composite model (a mixture's): which are left out, the record
of their names, fitting one, and continuing the fit of one that trains by epochs."""

__all__ = [
    "continuation",
    "fit_member",
    "is_drop",
    "is_pair_list",
    "names_match",
    "names_of",
    "refuse_params_of_dropped",
    "resumable",
]


def is_drop(member):
    """Whether a member of ``estimators`` is left out (``"drop"``)."""
    return isinstance(member, str) and member == "drop"


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
