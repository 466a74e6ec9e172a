"""The priors and the pooled likelihood of a classifier of names.

:class:`~sknextchar.NameLabelClassifier` applies Bayes' rule,
``P(label | name) ∝ P(label) P(name | label)``; this module owns its two
factors. The priors: from the label counts, uniform or given
(:func:`check_priors`), and refused at 0 with calibration. The likelihood: each
pipeline's ``log P(name | label)`` (a name of probability 0 under every label
refused), pooled over the pipelines by their shares (``pool_weights_``); and the
check of a loaded copy's pool weights, with those of older copies spread over
the members of ``estimator``. Functions only; no estimator.
"""

import numpy as np

from ._compat import InvalidParameterError, predicting_per_name
from ._label_calibration import SMOOTH_ADVICE
from ._label_posterior import priors_in_label_order
from ._members import is_drop
from ._named_pipelines import named_pipelines
from ._pipeline import names_log_likelihood, split_pipeline
from ._words import MAX_REPORTED, and_more

__all__ = [
    "check_priors",
    "check_priors_above_0",
    "old_pool",
    "per_pipeline_log_likelihood",
    "pool_mean",
    "pool_problem",
    "pooled_log_likelihood",
    "with_dropped",
]


def check_priors(priors, counts, classes=None):
    """The label priors: from the label counts, uniform, or given.

    Parameters
    ----------
    priors : None, "uniform", array-like of shape (n_classes,) or dict
        None: the label frequencies ``counts / counts.sum()``. ``"uniform"``:
        equal priors. An array: the priors in the order of the sorted labels,
        non-negative and summing to 1. A dict (or a pandas Series indexed by
        the labels): the prior of each label.
    counts : ndarray of shape (n_classes,)
        How many training names have each label.
    classes : ndarray of shape (n_classes,) or None, default=None
        The sorted labels, for priors given by label and for the messages.

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
    order = "" if classes is None else f" ({classes.tolist()!r})"
    priors = priors_in_label_order(priors, classes)
    try:
        priors = np.asarray(priors, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidParameterError(
            f"priors must be numbers, one per label in the order of classes_"
            f"{order}, or a dict of the prior of each label; got {priors!r}."
        ) from None
    if priors.shape != counts.shape:
        raise InvalidParameterError(
            f"priors must have one value per label ({len(counts)}, in the order of "
            f"classes_{order}); got shape {priors.shape}."
        )
    if (priors < 0).any() or not np.isclose(priors.sum(), 1.0):
        raise InvalidParameterError(
            f"priors must be non-negative and sum to 1; got {priors.tolist()!r} "
            f"(sum {priors.sum():.6g})."
        )
    return priors


def pooled_log_likelihood(pipelines, classes, names, shares):
    """log P(name | label) of each name and label, pooled over the pipelines.

    ``pipelines`` come in rounds of ``len(shares)`` (one per pipeline of
    ``estimator``, fold after fold): each round's pipeline ``m`` has the share
    ``shares[m]``, split equally among the rounds. Equal shares are the mean.
    A pipeline of share 0 contributes nothing (it is not run): its
    probability 0, ``0 * -inf``, is not NaN.
    """
    if np.all(shares == shares[0]):
        return pool_mean(per_pipeline_log_likelihood(pipelines, classes, names))
    rounds = len(pipelines) // len(shares)
    weights = np.tile(shares, rounds) / rounds
    used = [pipeline for pipeline, w in zip(pipelines, weights, strict=True) if w > 0]
    per_pipeline = per_pipeline_log_likelihood(used, classes, names)
    return np.tensordot(weights[weights > 0], np.stack(per_pipeline), axes=1)


def check_priors_above_0(given, priors, classes):
    """Refuse given priors of 0 with calibration (its log-loss would be infinite)."""
    if given is not None and not np.all(priors > 0):
        ruled_out = classes[priors == 0].tolist()
        raise ValueError(
            f"priors give the labels {ruled_out!r} probability 0, but training "
            "names have them, so the calibration's log-loss would be infinite. "
            "Give every label a prior above 0, or use calibration=None (a "
            "prior of 0 then rules the label out)."
        )


def pool_problem(shares, kept, pipelines):
    """What is wrong with a loaded copy's pool weights, or None (``kept``: the
    positions of the pipelines of estimator that are not "drop")."""
    try:
        shares = np.asarray(shares, dtype=np.float64)
        kept = np.asarray(kept)
        shares[kept]  # noqa: B018  (positions in range)
    except (TypeError, ValueError, IndexError):
        shares = np.empty(0)
    if shares.ndim != 1 or not len(shares) or not isinstance(pipelines, list):
        return "its pool_weights_ are not one weight per pipeline of estimator"
    # A weight other than 0 needs a pipeline, as does every one not "drop".
    needed = np.union1d(kept, np.flatnonzero(shares != 0))
    if len(needed) != len(kept) or len(pipelines) % len(kept) or not len(pipelines):
        return (
            f"its {len(pipelines)} pipelines do not come in rounds of "
            f"{len(needed)}, one per weight of pool_weights_ (of a pipeline "
            "not 'drop')"
        )
    if not np.all(np.isfinite(shares) & (shares >= 0)):
        return "its pool_weights_ are not finite non-negative numbers"
    return None


def old_pool(state):
    """The kept positions and per-member weights of a copy saved when
    ``pool_weights_`` held the weights of the kept members only: spread over
    ``estimator`` as a fit now does, when their count is that of the kept."""
    weights = np.atleast_1d(state["pool_weights_"])
    pairs = named_pipelines(state.get("estimator"))
    if pairs and sum(not is_drop(pipe) for _, pipe in pairs) == len(weights):
        return with_dropped(state["estimator"], weights)
    return np.arange(len(weights)), weights  # the damage check says what is wrong


def with_dropped(estimator, shares):
    """The positions in ``estimator`` of its pipelines that are not "drop", and
    ``shares`` (theirs) spread over all its members, 0 for a "drop" (as
    VotingClassifier's ``weights`` are given for every estimator)."""
    pairs = named_pipelines(estimator)
    kept = np.flatnonzero([not is_drop(pipeline) for _, pipeline in pairs])
    if not len(pairs):
        kept = np.arange(len(shares))
    spread = np.zeros(len(pairs) or len(shares))
    spread[kept] = shares
    return kept, spread


def pool_mean(per_pipeline):
    """The mean of the pipelines' log-likelihoods (one pipeline: its own)."""
    if len(per_pipeline) == 1:
        return per_pipeline[0]
    return np.mean(per_pipeline, axis=0)


@predicting_per_name()
def per_pipeline_log_likelihood(pipelines, classes, names):
    """log P(name | label) of each name and label, one array per pipeline."""
    per_pipeline = []
    for pipeline in pipelines:
        transformer, model = split_pipeline(pipeline, owner="NameLabelClassifier")
        log_likelihood, _ = names_log_likelihood(transformer, model, names, classes)
        _check_possible(log_likelihood, names)
        per_pipeline.append(log_likelihood)
    return per_pipeline


def _check_possible(log_likelihood, names):
    """Raise for names that have probability 0 under every label."""
    impossible = np.flatnonzero(np.all(np.isneginf(log_likelihood), axis=1))
    if len(impossible):  # each name once (its copies are scored alike)
        found = list(dict.fromkeys(names[i] for i in impossible))
        shown = and_more([repr(name) for name in found[:MAX_REPORTED]], len(found))
        raise ValueError(
            f"The model gives the names {shown} probability 0 under every "
            "label, so Bayes' rule cannot weigh "
            "the labels (a count model with add_k=0 gives an unseen n-gram "
            f"probability 0). {SMOOTH_ADVICE} to classify such names."
        )
