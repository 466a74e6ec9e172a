"""The length counts of one label's training names, kept by a sampler.

A :class:`~sknextchar.NameSampler` fitted with labels keeps the length counts
of the training names of each label (``training_length_counts_by_label_``):
``sample(..., label=..., match_lengths=True)`` matches them, ``novel=True``
with a label knows from them which labels it was given names of, and
:func:`~sknextchar.metrics.sample_report` compares a label's samples with
them. :func:`label_length_row` gives one label's row, checked, refused in
the words of each use when the sampler has none.
"""

import numpy as np

from .exceptions import DamagedModelError

__all__ = ["label_length_row"]


def label_length_row(sampler, classes, index, label, use):
    """The length counts of the training names of one label, checked.

    The row ``index`` of ``training_length_counts_by_label_``, for
    :func:`~sknextchar.metrics.sample_report` and ``NameSampler.sample``
    with ``match_lengths`` or ``novel`` and a ``label``. A label of the model
    that the sampler was given no training names of (a FrozenEstimator's
    sampler fitted on part of the names) has no lengths to compare with or
    match, and no names that ``novel=True`` could leave out: each use is
    refused, saying so.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    classes : sequence
        The labels of its model, in order.
    index : int
        The position of ``label`` among them.
    label : object
        The label asked for.
    use : {"sample_report", "match_lengths", "novel"}
        What the row is for.

    Returns
    -------
    counts : ndarray or None
        ``counts[k]``: the training names of ``label`` (their weights) of
        ``k`` symbols; None for ``"novel"`` when the sampler keeps no length
        counts by label (nothing tells which labels it was given names of).

    Raises
    ------
    ValueError
        If the sampler keeps no length counts by label (but for ``"novel"``),
        or has no training name of ``label`` of weight above 0.
    DamagedModelError
        If its ``training_length_counts_by_label_`` has not one row per label.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...     NameSampler, PerLabelClassifier)
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...     PerLabelClassifier(KneserNeyClassifier()))).fit(
    ...     ["asha", "uma", "ravi"], ["f", "f", "m"])
    >>> label_length_row(sampler, ["f", "m"], 0, "f", "match_lengths").tolist()
    [0, 0, 0, 1, 1]
    """
    by_label = getattr(sampler, "training_length_counts_by_label_", None)
    if by_label is None and use == "novel":
        return None
    if by_label is None:
        raise _no_label_lengths_error(label, use)
    if np.ndim(by_label) != 2 or len(by_label) != len(classes):
        raise DamagedModelError(
            "This NameSampler's training_length_counts_by_label_ has not one "
            "row per label of its model: load an intact file, or fit it again."
        )
    counts = np.asarray(by_label[int(index)])
    if not counts.sum() > 0:
        consequence, instead = _WITHOUT_LABEL_LENGTHS[use]
        raise ValueError(
            f"This NameSampler was given no training names of label {label!r} "
            "(its fit had none of them, or only names of weight 0), so "
            f"{consequence.format(label=label)}: fit it on names that include "
            f"some of label {label!r} (a FrozenEstimator's sampler on the names "
            f"and labels its pipeline was trained on), or {instead}."
        )
    return counts


# What cannot be done without the training names of a label (their length
# counts), and the other way out.
_WITHOUT_LABEL_LENGTHS = {
    "sample_report": (
        "the lengths cannot be compared with those of label {label!r}",
        "leave label=None to compare with every training name",
    ),
    "match_lengths": (  # a model fitted with labels cannot sample label=None
        "match_lengths cannot match the lengths of label {label!r}",
        "leave match_lengths=False",
    ),
    "novel": (
        "novel=True cannot leave out the training names of label {label!r}",
        "leave novel=False",
    ),
}


def _no_label_lengths_error(label, use):
    """The error for a sampler asked for one label's lengths that has none.

    :func:`~sknextchar.metrics.sample_report` and
    ``NameSampler.sample(match_lengths=True)`` with a ``label`` both refuse a
    sampler without ``training_length_counts_by_label_`` in these words.

    Parameters
    ----------
    label : object
        The label asked for.
    use : {"sample_report", "match_lengths"}
        What the lengths were asked for.

    Returns
    -------
    error : ValueError

    Examples
    --------
    >>> print(_no_label_lengths_error("f", "match_lengths"))  # doctest: +ELLIPSIS
    This NameSampler ... so match_lengths cannot match the lengths of label 'f'...
    """
    consequence, instead = _WITHOUT_LABEL_LENGTHS[use]
    consequence = consequence.format(label=label)
    return ValueError(
        "This NameSampler keeps no length counts by label (it was fitted "
        f"without the labels of its names, or saved before 0.2.0), so {consequence}"
        f": fit it with NameSampler(...).fit(names, labels), or {instead}."
    )
