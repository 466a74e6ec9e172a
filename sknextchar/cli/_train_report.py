"""What ``sknextchar train`` prints once the MLP is fitted: the names it was
trained on, its epochs, and the held-out NLL of early stopping."""

import math

import numpy as np

from .._holdout import same_name_groups
from .._text import counted

__all__ = ["report_training"]


def report_training(pipe, names, weights, seconds, labels=None):
    """Print how training went and the held-out NLL.

    The classifier's early stopping holds out ``ceil(validation_fraction *
    n)`` of the ``n`` distinct names of count above 0, each with every copy of
    it (under its label, in a fit by label): the units of
    :func:`~sknextchar._holdout.same_name_groups` on the model's own windows,
    so the count is the classifier's, characters dropped by
    ``handle_unknown="drop"`` included.

    Parameters
    ----------
    pipe : Pipeline
        Fitted, with steps ``windows`` and ``clf``.
    names : list of str
        The names it was fitted on.
    weights : ndarray or None
        Their counts (``--counts``), or None.
    seconds : float
        The time the fit took.
    labels : list or None, default=None
        The label of each name (``--labels``), or None.

    Examples
    --------
    >>> from sknextchar.cli import build_pipeline
    >>> pipe = build_pipeline(clf__max_iter=1, clf__random_state=0)
    >>> names = ["ann", "bob", "cy", "ann"] * 5
    >>> report_training(pipe.fit(names), names, None, 0.5)  # doctest: +ELLIPSIS
    Trained on 2 of 3 distinct names (a name written more than once is held out
    with all its copies or not at all) for 1 epoch in 0.5 s.
    Held-out NLL: ... on 1 distinct held-out name (weights of epoch 1 kept).
    """
    clf = pipe["clf"]
    n_distinct, n_kept = _distinct_names(pipe["windows"], names, weights, labels)
    n_held_out = (
        math.ceil(clf.validation_fraction * n_distinct) if clf.early_stopping else 0
    )
    trained = counted(n_distinct - n_held_out, "name")
    if n_distinct < n_kept and n_held_out:
        trained = (
            f"{n_distinct - n_held_out:,} of {n_distinct:,} distinct names (a name "
            "written more than once is held out with all its copies or not at all)"
        )
    epochs = counted(clf.n_iter_, "epoch")
    print(f"Trained on {trained} for {epochs} in {seconds:.1f} s.")
    if clf.early_stopping:
        nll = -clf.best_validation_score_
        best = clf.validation_scores_.index(clf.best_validation_score_) + 1
        held = "distinct held-out name" if n_distinct < n_kept else "held-out name"
        print(
            f"Held-out NLL: {nll:.4f} nats per character ({nll / math.log(2):.3f} "
            f"bits) on {counted(n_held_out, held)} (weights of epoch "
            f"{best} kept)."
        )
    else:
        print(
            f"Training loss: {clf.loss_:.4f} nats per character (no names held out: "
            "--validation-fraction 0)."
        )


def _distinct_names(transformer, names, weights, labels):
    """How many units the classifier's hold-out draws from (the distinct names
    of weight above 0 as its windows read them, under each label), and how many
    names of weight above 0 there are."""
    kept = range(len(names)) if weights is None else np.flatnonzero(weights > 0)
    windows = transformer.transform([names[i] for i in kept])
    strata = None
    if labels is not None:
        ids = np.unique([str(labels[i]) for i in kept], return_inverse=True)[1]
        strata = ids.ravel()[windows.name_index]
    units = same_name_groups(windows.targets, windows.name_index, strata)
    return np.unique(units).size, len(kept)
