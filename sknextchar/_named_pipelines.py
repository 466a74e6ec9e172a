"""The pipelines of a ``NameLabelClassifier``: one, a list, or ``(name,
pipeline)`` pairs (as :class:`~sklearn.ensemble.VotingClassifier` takes them,
``"drop"`` leaving one out), checked, listed and reached by ``set_params``."""

from ._members import is_drop
from ._pipeline import split_pipeline

__all__ = [
    "check_estimators",
    "diagram_members",
    "named_pipelines",
    "with_named_params",
]


def check_estimators(estimator):
    """The unfitted pipelines to fit: a list of one or more.

    Parameters
    ----------
    estimator : Pipeline, list of Pipeline or list of (str, Pipeline)
        ``NameLabelClassifier(estimator=...)``, not None (the classifier
        builds the default pipeline itself); a named pipeline ``"drop"`` is
        left out.

    Returns
    -------
    estimators : list of Pipeline

    Raises
    ------
    ValueError
        For an empty list, every pipeline ``"drop"``, or bad names.
    TypeError
        For an item that is no pipeline of a transformer and a model.

    Examples
    --------
    >>> from sknextchar import make_default_pipeline
    >>> pipe = make_default_pipeline()
    >>> len(check_estimators([("a", pipe), ("b", "drop")]))
    1
    >>> check_estimators([("a", "drop")])
    Traceback (most recent call last):
    ...
    ValueError: Every pipeline of estimator is 'drop'; keep at least one, ...
    """
    estimators = estimator if isinstance(estimator, list) else [estimator]
    if not estimators:
        raise ValueError(
            "estimator is an empty list; give one pipeline or more, or None for "
            "the default pipeline."
        )
    if any(_is_pair(each) for each in estimators):
        pairs = _check_named(estimators)
        estimators = [pipeline for _, pipeline in pairs if not is_drop(pipeline)]
        if not estimators:
            raise ValueError(
                "Every pipeline of estimator is 'drop'; keep at least one, e.g. "
                f"set_params(estimator__{pairs[0][0]}=<a pipeline>)."
            )
    for each in estimators:
        split_pipeline(each, owner="NameLabelClassifier")
    return estimators


def diagram_members(estimator):
    """``(label, pipeline)`` of each pipeline of ``estimator``, labelled as the
    parameter that reaches it (``estimator__NAME``; else ``estimator[i]``).

    Parameters
    ----------
    estimator : None, Pipeline or list
        ``NameLabelClassifier(estimator=...)``.

    Returns
    -------
    members : list of (str, object)
        For the HTML diagram; [] for None.

    Examples
    --------
    >>> from sknextchar import make_default_pipeline
    >>> [label for label, _ in diagram_members([("a", make_default_pipeline())])]
    ['estimator__a: Pipeline']
    """
    if estimator is None:
        return []  # the default pipeline: one box, as for any default member
    if not isinstance(estimator, list):
        return [(f"estimator: {type(estimator).__name__}", estimator)]
    named = [
        (f"estimator__{item[0]}", item[1])
        if _is_pair(item)
        else (f"estimator[{i}]", item)
        for i, item in enumerate(estimator)
    ]
    return [(f"{label}: {type(each).__name__}", each) for label, each in named]


def _is_pair(item):
    """True for a ``(name, pipeline)`` pair of a list ``estimator``."""
    return isinstance(item, tuple) and len(item) == 2


def named_pipelines(estimator):
    """The ``(name, pipeline)`` pairs of a named list ``estimator``, else [].

    Parameters
    ----------
    estimator : object
        ``NameLabelClassifier(estimator=...)``.

    Returns
    -------
    pairs : list of (str, object)

    Examples
    --------
    >>> named_pipelines([("a", "drop")]), named_pipelines(None)
    ([('a', 'drop')], [])
    """
    if isinstance(estimator, list) and estimator and all(map(_is_pair, estimator)):
        if all(isinstance(name, str) for name, _ in estimator):
            return estimator
    return []


def _check_named(pairs):
    """The pairs of a named list ``estimator``; raise for mixed or bad names."""
    if not all(map(_is_pair, pairs)):
        raise ValueError(
            "estimator mixes (name, pipeline) pairs with other items; name every "
            "pipeline, as in [('mlp', pipe), ('counts', other_pipe)], or none."
        )
    names = [name for name, _ in pairs]
    bad = [n for n in names if not isinstance(n, str) or not n or "__" in n]
    if bad:
        raise ValueError(
            f"The names of estimator's pipelines must be non-empty strings without "
            f"'__' (set_params reads it as a separator); got {bad!r}."
        )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(
            f"The names of estimator's pipelines must differ; {repeated!r} names "
            "more than one."
        )
    return pairs


def with_named_params(pairs, params):
    """A new named list ``estimator`` with ``params`` (``NAME`` or ``NAME__key``).

    Parameters
    ----------
    pairs : list of (str, Pipeline)
        The named list ``estimator``.
    params : dict
        The parameters of ``set_params`` below ``estimator__``: ``NAME`` sets
        a pipeline (or ``"drop"``), ``NAME__key`` a parameter of one.

    Returns
    -------
    pairs : list of (str, Pipeline)

    Examples
    --------
    >>> from sknextchar import make_default_pipeline
    >>> pairs = with_named_params([("a", make_default_pipeline())],
    ...                           {"a__clf__alpha": 0.5})
    >>> pairs[0][1]["clf"].alpha
    0.5
    >>> [name for name, each in with_named_params(pairs, {"a": "drop"})]
    ['a']
    """
    if not any(map(_is_pair, pairs)):
        raise ValueError(
            f"Cannot set {', '.join('estimator__' + k for k in params)}: "
            "estimator is a list of pipelines without names. Name them, as in "
            "estimator=[('mlp', pipe), ('counts', other_pipe)], then set "
            "estimator__mlp__clf__alpha=..."
        )
    by_name = dict(_check_named(pairs))
    nested = {}
    for key, value in params.items():
        name, _, rest = key.partition("__")
        if name not in by_name:
            raise ValueError(
                f"Invalid parameter 'estimator__{key}' for NameLabelClassifier: "
                f"estimator has no pipeline named {name!r}; its names are "
                f"{list(by_name)!r}."
            )
        nested.setdefault(name, {})
        if rest:
            nested[name][rest] = value
        else:
            by_name[name] = value
    for name, sub_params in nested.items():
        if sub_params and is_drop(by_name[name]):
            raise ValueError(
                f"Cannot set estimator__{name}__{next(iter(sub_params))}: the "
                f"pipeline {name!r} is 'drop'. Set it to a pipeline first "
                f"(set_params(estimator__{name}=...))."
            )
    for name, sub_params in nested.items():
        if sub_params:
            by_name[name].set_params(**sub_params)
    return list(by_name.items())
