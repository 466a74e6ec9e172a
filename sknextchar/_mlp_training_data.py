"""The training data of an embedding MLP's training call, checked.

:class:`~sknextchar.CharEmbeddingMLPClassifier`'s ``fit`` and ``partial_fit``
read their data here: the windows (or context ids and labels) checked as every
model checks them (:mod:`sknextchar._model_input`), with the label column of a
fit by label (:mod:`sknextchar._labels`); the classes a warm-started ``fit``
must see again; the weight of each window; and the refusal of a fit in which
every name of a label weighs 0.
"""

import numpy as np

from ._emptied_labels import EmptiedLabelsError
from ._labels import split_name_labels, with_training_labels
from ._model_input import check_training_data, window_sample_weight
from ._windows import CharWindows

__all__ = ["check_labels_weighted", "check_mlp_training_data", "window_weights"]


def check_labels_weighted(model, data, weights):
    """Refuse a fit where every name of a label weighs 0: it would learn nothing.

    Its label embedding would keep its random start (and the discriminative
    epochs would have no name of it), yet ``label_classes_`` would list it.
    """
    classes = model.label_classes_
    if classes is None or weights is None:
        return
    totals = np.bincount(data.contexts[:, -1], weights, minlength=len(classes))
    empty = [label for label, total in zip(classes, totals) if total == 0]
    if empty:
        raise EmptiedLabelsError(empty)


def check_mlp_training_data(model, X, y, n_symbols, *, first, partial, classes=None):
    """Validated training data; ``classes_`` is set on a first call.

    ``n_symbols`` is the number of rows of the model's embedding table (None
    before its first fit), which a call that is not ``first`` must keep. A
    first ``partial_fit`` on an array needs ``classes``; a warm-started
    ``fit`` on an array needs the classes of the previous fit.
    """
    if partial and first and classes is None and not isinstance(X, CharWindows):
        raise ValueError("classes must be passed on the first call to partial_fit.")
    labels, y = split_name_labels(X, y)
    n_symbols = None if first else n_symbols
    warm = not (first or partial)
    data = check_training_data(
        model, X, y, reset=first, classes=classes, n_symbols=n_symbols, warm=warm
    )
    data = with_training_labels(model, data, X, labels, reset=first, warm=warm)
    if not (first or partial) and data.groups is None:
        seen = np.unique(data.targets)
        if len(seen) != len(model.classes_):
            raise ValueError(
                "warm_start can only be used where y has the same classes as in "
                f"the previous call to fit; previously got "
                f"{model.classes_.tolist()!r}, y has "
                f"{model.classes_[seen].tolist()!r}. Set warm_start=False to fit "
                "a new model on these data, or pass a y that holds every one of "
                "those classes."
            )
    return data


def window_weights(X, data, sample_weight):
    """The weight of each training window (None without ``sample_weight``)."""
    rows = X if isinstance(X, CharWindows) else data.contexts  # validated rows
    return window_sample_weight(rows, sample_weight)
