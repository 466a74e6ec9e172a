"""Checks of a loaded sampler's records of its training names.

A fitted :class:`~sknextchar.NameSampler` keeps records of the names it was
fitted on: their hashes and their lengths (overall and per label), their
hashes case-folded, the lengths after each prefix
(``training_prefix_lengths_``) and their spelling
(``training_transitions_``). Each ``*_problem`` function is pure: it reads one
record and returns what is wrong with it, or None.
:func:`~sknextchar._state_checks.fitted_state_problem` runs them on every
sampler of a loaded model, and :mod:`sknextchar._spelling` runs
:func:`transitions_problem` before it follows a sampler's spelling record.
"""

import re

import numpy as np

from ._attribute_checks import count_array, int_vector, strictly_increasing

__all__ = [
    "folded_record_problem",
    "length_record_problem",
    "name_weight_problem",
    "prefix_table_problem",
    "transitions_problem",
]


def length_record_problem(sampler, n_labels):
    """What is wrong with a fitted sampler's record of its training names, or None.

    ``training_name_hashes_`` (sorted distinct uint64 hashes),
    ``training_length_counts_`` (counts of names per length) and
    ``training_length_counts_by_label_`` (the same per label) are set together;
    files saved before 0.2.0 have none of them, and a sampler fitted on no names
    holds None. A sampler of ``train_from_file(..., return_sampler=True)``
    holds the length counts without the hashes (it keeps no names).

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    n_labels : int or None
        The number of labels of its model, None without labels.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> sampler = BaseEstimator()
    >>> sampler.training_name_hashes_ = np.array([3, 7], dtype=np.uint64)
    >>> sampler.training_length_counts_ = np.array([0, 1, 1])
    >>> sampler.training_length_counts_by_label_ = None
    >>> length_record_problem(sampler, None) is None
    True
    >>> sampler.training_length_counts_ = np.array([0, -1, 1])
    >>> length_record_problem(sampler, None)
    'its training_length_counts_ is not a 1-d array of counts (numbers >= 0, not all 0)'
    """
    names = ("training_name_hashes_", "training_length_counts_")
    state = vars(sampler)
    present = [name in state for name in (*names, "training_length_counts_by_label_")]
    if any(present) and not all(present):
        return "its record of the training names is incomplete"
    hashes, counts = state.get(names[0]), state.get(names[1])
    if hashes is not None and counts is None:  # lengths alone: --chunk-size's
        return "its record of the training names is incomplete"
    if counts is None:
        return None
    if hashes is not None and not (
        int_vector(hashes) and hashes.dtype.kind == "u" and strictly_increasing(hashes)
    ):
        return "its training_name_hashes_ is not a sorted 1-d array of distinct uint64"
    if not (count_array(counts) and counts.any()):
        return (
            "its training_length_counts_ is not a 1-d array of counts (numbers >= 0, "
            "not all 0)"
        )
    return _by_label_problem(
        state["training_length_counts_by_label_"], counts, n_labels
    )


def name_weight_problem(sampler):
    """What is wrong with a sampler's ``training_name_weight_`` (absent when
    saved before it; else a float above 0 and at most 1), or None.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> name_weight_problem(SimpleNamespace()) is None
    True
    >>> name_weight_problem(SimpleNamespace(training_name_weight_=0.0))
    'its training_name_weight_ is not a float above 0 and at most 1'
    """
    weight = getattr(sampler, "training_name_weight_", 1.0)
    if not (isinstance(weight, float) and 0 < weight <= 1):
        return "its training_name_weight_ is not a float above 0 and at most 1"
    return None


def _by_label_problem(by_label, counts, n_labels):
    if by_label is None:  # no labels, or saved before the counts by label
        return None
    shape = (n_labels, len(counts))
    if not (count_array(by_label, 2) and by_label.shape == shape):
        return (
            "its training_length_counts_by_label_ is not an array of counts (numbers "
            f">= 0) of shape {shape}, a row per label of its model"
        )
    return None


def prefix_table_problem(table):
    """What is wrong with ``training_prefix_lengths_`` (absent, or None for no
    names; else :func:`~sknextchar._prefix_lengths.prefix_lengths`' dict), or
    None."""
    if table is None:
        return None
    name = "its training_prefix_lengths_"
    fields = {"keys", "counts", "min_names"}  # blend, rows: absent when saved before
    if not isinstance(table, dict) or set(table) - {"blend", "rows"} != fields:
        return (
            f"{name} is not a dict of keys, counts and min_names (blend and rows "
            "optional)"
        )
    keys, counts, min_names = table["keys"], table["counts"], table["min_names"]
    if not (int_vector(keys) and keys.dtype.kind == "u" and strictly_increasing(keys)):
        return f"{name} has keys that are not sorted distinct uint64"
    if not count_array(counts, 2):
        return f"{name} has counts that are not rows of counts (>= 0)"
    if "rows" not in table and len(counts) != len(keys):  # saved before rows
        return f"{name} has counts that are not a row of counts per key"
    rows = table.get("rows", np.arange(len(keys)))
    if not (int_vector(rows) and len(rows) == len(keys)):
        return f"{name} has rows that are not an int per key"
    if not bool(((rows >= 0) & (rows < len(counts))).all()):
        return f"{name} has rows that are not rows of its counts"
    if not isinstance(min_names, int) or isinstance(min_names, bool) or min_names < 1:
        return f"{name} has a min_names that is not an int >= 1"
    blend = table.get("blend", 0.0)
    if not (isinstance(blend, float) and np.isfinite(blend) and blend >= 0):
        return f"{name} has a blend that is not a float >= 0"
    return None


def folded_record_problem(sampler):
    """What is wrong with a sampler's record of its names case-folded, or None.

    ``training_name_folded_hashes_`` is absent (saved before it) or None (a
    vocabulary without case, or no names), or sorted distinct uint64 hashes
    beside an exact record. It may hold more hashes than the exact record:
    a name of weight 0 that the model can write only in another case (a
    keep-case model that learned no capital, given "MIRA" of weight 0) is
    recorded case-folded only
    (:func:`~sknextchar._left_out.with_case_readings`), and the number of
    those names is not kept.

    Parameters
    ----------
    sampler : NameSampler
        Fitted; its exact record checked first (:func:`length_record_problem`).

    Returns
    -------
    problem : str or None
        None for a record that fits; else what is wrong, for the message.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> exact = np.array([3, 7], dtype=np.uint64)
    >>> old = SimpleNamespace(training_name_hashes_=exact)  # saved before it
    >>> folded_record_problem(old) is None
    True
    >>> new = SimpleNamespace(training_name_hashes_=exact,
    ...                       training_name_folded_hashes_=exact[:1])
    >>> folded_record_problem(new) is None
    True
    >>> new.training_name_folded_hashes_ = np.arange(5, dtype=np.uint64)
    >>> folded_record_problem(new) is None  # names of weight 0 case-folded
    True
    >>> new.training_name_folded_hashes_ = exact[::-1]
    >>> folded_record_problem(new)
    'its training_name_folded_hashes_ is not None or a sorted 1-d array of \
distinct uint64 beside its training_name_hashes_'
    """
    folded = vars(sampler).get("training_name_folded_hashes_")
    if folded is None:
        return None
    hashes = vars(sampler).get("training_name_hashes_")
    if not (
        isinstance(folded, np.ndarray)
        and folded.ndim == 1
        and folded.dtype == np.uint64
        and strictly_increasing(folded)
        and hashes is not None
    ):
        return (
            "its training_name_folded_hashes_ is not None or a sorted 1-d array "
            "of distinct uint64 beside its training_name_hashes_"
        )
    return None


_CASE_ROW = "(start|lower|capital|capitals) (lower|capital|capitals|end)"


def transitions_problem(pairs):
    """What is wrong with a sampler's spelling record, or None.

    The record (``training_transitions_``) is None (or absent: saved before
    it) or an array of strings of shape ``(n_pairs, 2)``; a row
    ``("capitals", count)`` (absent before it) holds a whole number, a row
    ``("case", runs)`` two names of runs of a word.

    Parameters
    ----------
    pairs : object
        The record.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> import numpy as np
    >>> transitions_problem(np.array([["", "LATIN lower"]])) is None
    True
    >>> transitions_problem(np.array(["LATIN upper"]))[:40]
    'its training_transitions_ is not None or'
    >>> transitions_problem(np.array([["capitals", "two"]]))[:47]
    "its training_transitions_ has a row ('capitals'"
    >>> transitions_problem(np.array([["case", "upper lower"]]))[:43]
    "its training_transitions_ has a row ('case'"
    """
    if pairs is None:
        return None
    if not (
        isinstance(pairs, np.ndarray)
        and pairs.dtype.kind == "U"
        and pairs.ndim == 2
        and pairs.shape[1] == 2
    ):
        return (
            "its training_transitions_ is not None or an array of strings of "
            "shape (n_pairs, 2), the kinds of characters that follow each other"
        )
    counts = pairs[pairs[:, 0] == "capitals", 1].tolist()
    wrong = [n for n in counts if not re.fullmatch("[0-9]{1,9}", n)]
    if wrong:
        return (
            f"its training_transitions_ has a row ('capitals', {wrong[0]!r}) whose "
            "count is not a whole number >= 0 (the most capitals in one word of "
            "a training name)"
        )
    runs = pairs[pairs[:, 0] == "case", 1].tolist()
    wrong = [r for r in runs if not re.fullmatch(_CASE_ROW, r)]
    if wrong:
        return (
            f"its training_transitions_ has a row ('case', {wrong[0]!r}) that is "
            "not two of start, lower, capital, capitals, end (two runs of a word "
            "that follow each other)"
        )
    return None
