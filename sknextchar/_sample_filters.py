"""The filter of a sampling request: the test that turns the ids a
:class:`~sknextchar.NameSampler` draws into the names it keeps, and its words.

:meth:`~sknextchar.NameSampler.sample` builds it from ``novel``, ``pattern``,
``min_label_proba`` and ``match_lengths`` (:func:`sample_filter`), and
:meth:`~sknextchar.NameSampler.most_likely` the label's part of it
(:func:`label_filter`); the tests themselves are in
:mod:`sknextchar._name_filter`.
"""

from ._label_posterior import posterior_filter
from ._labels import check_label_values, label_classes
from ._left_out import label_length_counts, novelty_record, training_hashes
from ._length_match import length_matcher
from ._name_filter import (
    check_meetable,
    check_min_label_proba,
    check_pattern,
    label_filter_words,
    name_filter,
)
from ._pattern_needs import one_parse
from ._pipeline import next_log_proba_function, split_pipeline
from ._prefix_lengths import target_lengths
from ._validation import check_bool

__all__ = ["label_filter", "sample_filter"]


def sample_filter(
    sampler, novel, pattern, match_lengths, controls, rng, *, by_label, ids, kept
):
    """The function that turns drawn ids into kept names, and its words.

    It leaves out training names (``novel``), names that miss ``pattern``,
    names whose posterior of their label is below ``min_label_proba``, and
    thins by length (``match_lengths``), in that order. A request no name can
    meet (``pattern`` against the prefix or the length bounds;
    ``match_lengths`` against them) fails first, before any drawing.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    novel, pattern, match_lengths : bool, str or None, bool
        The arguments of :meth:`~sknextchar.NameSampler.sample`, not yet
        checked.
    controls : SamplingControls
        The sampler's length bounds and decoding controls.
    rng : numpy.random.Generator
        The draws of the thinning by length.
    by_label : tuple
        ``(label, min_label_proba)``, as ``sample`` was given them (None and
        None without a label).
    ids : ndarray of int
        The letters of the prefix (empty without one).
    kept : tuple
        ``(unique, exclude)``: the thinning leaves out first the names these
        drop, so that the names returned have the training names' lengths.

    Returns
    -------
    keep : callable
        ``keep(ids)`` gives the names of the rows of drawn ids that pass
        every test (:func:`~sknextchar._name_filter.name_filter`).
    words : list of str
        What the tests reject, for messages.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> from sknextchar import NameSampler
    >>> from sknextchar._sample_request import sampling_controls
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> sampler = NameSampler(pipe).fit(["ana", "bob", "ava"])
    >>> keep, words = sample_filter(
    ...     sampler, True, "a.*", False, sampling_controls(sampler),
    ...     np.random.default_rng(0), by_label=(None, None),
    ...     ids=np.array([1]), kept=(False, frozenset()))
    >>> words
    ["matching pattern='a.*'", 'not among the 3 training names']
    >>> letters = {s: i for i, s in enumerate(sampler.vocabulary_)}
    >>> drawn = np.array([[letters[c] for c in n] for n in ["ana", "anb", "bob"]])
    >>> keep(drawn)
    ['anb']
    """
    with one_parse():  # the checks and the filter's words share one parse
        typical = label_filter(sampler, *by_label)
        record, folded = novelty_record(sampler, novel, by_label[0])
        test = check_pattern(pattern)
        match = counts = None
        if check_bool(match_lengths, "match_lengths"):
            if getattr(sampler, "training_length_counts_", None) is None:
                training_hashes(sampler, "match_lengths=True")  # fitted on no names
            counts, who = target_lengths(
                sampler,
                ids,
                label_length_counts(sampler, by_label[0]),
                by_label[0],
                controls,
            )
        fits = check_meetable(pattern, ids, sampler.vocabulary_, controls, counts)
        if counts is not None:  # the lengths the prefix and pattern allow
            unit = getattr(sampler, "training_name_weight_", 1.0)  # saved before
            match = length_matcher(
                counts, controls, rng, *kept, fits=fits, whose=who, unit=unit
            )
        return name_filter(
            sampler.vocabulary_, record=record, pattern=pattern, test=test,
            typical=typical, match=match, folded=folded,
        )  # fmt: skip


def label_filter(sampler, label, min_label_proba, method="sample"):
    """The test of ``P(label | name) >= min_label_proba`` and its words.

    None when the test keeps every name (no threshold, or 0); ``method``
    names the caller in the message about a bad ``min_label_proba``.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...     NameSampler, PerLabelClassifier)
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...     PerLabelClassifier(KneserNeyClassifier()))
    >>> sampler = NameSampler(pipe).fit(["asha", "ravi"], ["f", "m"])
    >>> label_filter(sampler, "f", 0) is None
    True
    >>> passes, words = label_filter(sampler, "f", 0.9)
    >>> words
    "with P('f' | name) >= min_label_proba=0.9 (lower it to accept more names)"
    """
    caller = f"{type(sampler).__name__}.{method}"
    if not check_min_label_proba(label, min_label_proba, caller):
        return None
    transformer, model = split_pipeline(sampler.estimator_)
    passes = posterior_filter(
        [next_log_proba_function(model, c) for c in label_classes(model)],
        int(check_label_values(model, label, 1)[0]),
        float(min_label_proba),
        context_length=transformer.context_length,
        n_symbols=len(sampler.vocabulary_),
    )
    return passes, label_filter_words(label, min_label_proba)
