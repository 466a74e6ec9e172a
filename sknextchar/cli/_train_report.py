"""What ``sknextchar train`` prints once the MLP is fitted: the names it was
trained on, its epochs, and the held-out NLL of early stopping."""

import math

import numpy as np

from .._holdout import same_text_groups
from .._text import counted

__all__ = ["report_training"]


def report_training(pipe, names, weights, seconds):
    """Print how training went and the held-out NLL.

    The classifier's early stopping holds out ``ceil(validation_fraction *
    n)`` of the ``n`` distinct names of count above 0 (as the model reads
    them), each with every copy of it (:func:`~sknextchar._holdout.same_name_groups`).

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

    Examples
    --------
    >>> from sknextchar.cli import build_pipeline
    >>> pipe = build_pipeline(clf__max_iter=1, clf__random_state=0)
    >>> names = ["ann", "bob", "cy", "ann"] * 5
    >>> report_training(pipe.fit(names), names, None, 0.5)  # doctest: +ELLIPSIS
    Trained on 2 of 3 distinct names (a name written more than once is held out
    with all its copies or not at all) for 1 epoch in 0.5 s.
    Held-out NLL: ... on 1 held-out name (weights of epoch 1 kept).
    """
    clf = pipe["clf"]
    if weights is not None:  # names of count 0 are left out before the hold-out
        names = [name for name, weight in zip(names, weights) if weight > 0]
    n_distinct = np.unique(same_text_groups(pipe["windows"].normalize(names))).size
    n_held_out = (
        math.ceil(clf.validation_fraction * n_distinct) if clf.early_stopping else 0
    )
    trained = counted(n_distinct - n_held_out, "name")
    if n_distinct < len(names) and n_held_out:
        trained = (
            f"{n_distinct - n_held_out:,} of {n_distinct:,} distinct names (a name "
            "written more than once is held out with all its copies or not at all)"
        )
    epochs = counted(clf.n_iter_, "epoch")
    print(f"Trained on {trained} for {epochs} in {seconds:.1f} s.")
    if clf.early_stopping:
        nll = -clf.best_validation_score_
        best = clf.validation_scores_.index(clf.best_validation_score_) + 1
        print(
            f"Held-out NLL: {nll:.4f} nats per character ({nll / math.log(2):.3f} "
            f"bits) on {counted(n_held_out, 'held-out name')} (weights of epoch "
            f"{best} kept)."
        )
    else:
        print(
            f"Training loss: {clf.loss_:.4f} nats per character (no names held out: "
            "--validation-fraction 0)."
        )
