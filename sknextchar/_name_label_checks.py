"""The checks of a NameLabelClassifier's fit, before and after its pipelines' fits.

:class:`~sknextchar.NameLabelClassifier` fits one or more pipelines of names by
label. Before any of them is fitted, these checks refuse what would fail
later or silently learn something else: labels that are missing, mixed, of a
single class or not one per name; a model that takes no ``sample_weight``; a
name of weight 0 that is no name; a name a frozen pipeline cannot read. After
the fits, a pipeline (a frozen one) that does not know every label of ``y`` is
refused, and labels it knows that ``y`` lacks are told.
"""

import warnings
from contextlib import nullcontext

import numpy as np
from sklearn.frozen import FrozenEstimator

from ._kept_names import kept_rows, names_as_given
from ._label_input import (
    check_label_types,
    check_no_missing_labels,
    label_values,
    labels_1d,
)
from ._labels import check_float_labels, check_label_targets, label_classes
from ._left_out import check_unlearned_names
from ._pipeline import check_fit_on_names, split_pipeline
from ._sample_weight import check_sample_weight, check_takes_sample_weight
from ._stacklevel import user_stacklevel
from ._weight_routing import model_gets_weights
from ._words import counted

__all__ = [
    "check_each_fit",
    "check_fitted_with",
    "check_frozen_read",
    "check_name_labels",
    "check_take_weights",
    "check_unlearned",
]


def check_each_fit(pipelines, names, labels, weights, splits=None):
    """Raise, before any fit draws, what a fit of a pipeline of ``pipelines``
    on the names refuses before it draws
    (:func:`~sknextchar._pipeline.check_fit_on_names`): a later fit refused
    after an earlier one drew (a model whose ``random_state`` is None draws
    from NumPy's global generator) would leave a refused fit that drew.

    ``splits``, ``(train, test)`` rows of ``names``: each pipeline is fitted
    on each training part (a calibration's folds), numbered in the errors as
    the fits number them; None: on all the names.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         PerLabelClassifier)
    >>> pipe = make_pipeline(ContextWindowTransformer(context_length=2),
    ...                      PerLabelClassifier(KneserNeyClassifier(order=4)))
    >>> check_each_fit([pipe], ["ann", "bob"], np.array(["f", "m"]), None)
    Traceback (most recent call last):
    ...
    ValueError: order=4 needs contexts of at least 3 symbols, but the data has 2. ...
    """
    for rows in [None] if splits is None else [train for train, _ in splits]:
        part = (names, labels, weights)
        numbered = nullcontext()
        if rows is not None:
            kept = None if weights is None else weights[rows]
            part = ([names[i] for i in rows], labels[rows], kept)
            numbered = names_as_given(names, rows=rows)
        with numbered:
            for pipeline in pipelines:
                check_fit_on_names(pipeline, *part)


def check_fitted_with(pipelines, classes):
    """Raise unless every pipeline's model knows every label (a frozen one may
    not); warn of the labels a frozen one knows that ``y`` lacks.

    Examples
    --------
    >>> from sklearn.frozen import FrozenEstimator
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         PerLabelClassifier)
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...                      PerLabelClassifier(KneserNeyClassifier()))
    >>> frozen = FrozenEstimator(pipe.fit(["ann", "bob"], ["f", "m"]))
    >>> check_fitted_with([frozen], np.array(["f", "m"]))  # knows them all
    >>> check_fitted_with([frozen], np.array(["f", "x"]))
    Traceback (most recent call last):
    ...
    ValueError: A pipeline of estimator was fitted with the labels ['f', 'm'], \
but y holds the labels ['f', 'x'] ...
    """
    extra = []
    for pipeline in pipelines:
        known = label_classes(split_pipeline(pipeline, owner="NameLabelClassifier")[1])
        extra += [] if known is None else np.setdiff1d(known, classes).tolist()
        if known is None or not np.isin(classes, known).all():
            has = "no labels" if known is None else f"the labels {known.tolist()!r}"
            raise ValueError(
                f"A pipeline of estimator was fitted with {has}, but y holds the "
                f"labels {classes.tolist()!r} (a FrozenEstimator keeps the pipeline "
                "as it was fitted). Pass it unfitted, or freeze a pipeline fitted "
                "with these labels: pipe.fit(names, labels)."
            )
    if extra:
        warnings.warn(
            f"A pipeline of estimator knows the labels "
            f"{list(dict.fromkeys(extra))!r}, which y lacks: the classifier "
            f"predicts only the labels of y (classes_ = {classes.tolist()!r}), as "
            "scikit-learn's classifiers take their classes from y. To predict "
            "those labels too, give fit names of them.",
            UserWarning,
            stacklevel=user_stacklevel(),
        )


def check_frozen_read(X, estimators, names, sample_weight, calibration):
    """Raise, before any fit, for names of a weight above 0 that a frozen
    pipeline cannot read (a character it does not know), as
    NameSampler(FrozenEstimator(pipe)) does: predict would fail on them. A
    calibration of frozen pipelines alone reads them as it scores them: none
    is read here then. A name of weight 0 is left out, as if absent.

    Examples
    --------
    >>> from sklearn.frozen import FrozenEstimator
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> frozen = FrozenEstimator(pipe.fit(["ann", "bob"]))
    >>> names = ["ann", "bo1"]
    >>> check_frozen_read(names, [frozen], names, np.array([1.0, 0.0]), None)
    >>> check_frozen_read(names, [frozen], names, None, None)
    Traceback (most recent call last):
    ...
    ValueError: Found characters outside the vocabulary ['1'] in names[1]='bo1'. ...
    """
    frozen = [each for each in estimators if isinstance(each, FrozenEstimator)]
    rows = kept_rows(sample_weight)
    rows = np.arange(len(names)) if rows is None else rows
    if calibration is not None and len(frozen) == len(estimators):
        rows = rows[:0]
    if not (frozen and len(rows)):
        return
    with names_as_given(X, rows=rows):
        for pipeline in frozen:
            windows = split_pipeline(pipeline, owner="NameLabelClassifier")[0]
            windows.encode([names[i] for i in rows.tolist()])


def check_take_weights(estimators, weights):
    """Raise, before any fit, for a pipeline whose model's fit takes no weights.

    Examples
    --------
    >>> from sklearn.discriminant_analysis import QuadraticDiscriminantAnalysis
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> weights = np.ones(2)
    >>> check_take_weights(
    ...     [make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())], weights)
    >>> check_take_weights([make_pipeline(ContextWindowTransformer(),
    ...                                   QuadraticDiscriminantAnalysis())], weights)
    Traceback (most recent call last):
    ...
    TypeError: sample_weight is given, but the fit of the model of estimator's \
pipeline 0 (QuadraticDiscriminantAnalysis) takes no sample_weight, ...
    """
    for i, pipeline in enumerate(estimators if weights is not None else []):
        if isinstance(pipeline, FrozenEstimator):
            continue  # not fitted again: the weights set the priors only
        model = split_pipeline(pipeline, owner="NameLabelClassifier")[1]
        check_takes_sample_weight(model, f"the model of estimator's pipeline {i}")
        model_gets_weights(model)  # an alias request fails before any fit


def check_unlearned(estimators, names, sample_weight, X):
    """Refuse, before any fit, a name of weight 0 that is no name (a zero-width
    space), as each pipeline reads it; placed in ``X``, as NameSampler does.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipes = [make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())]
    >>> names = ["ann", "\u200b"]
    >>> check_unlearned(pipes, names, None, names)  # no weights, nothing left out
    >>> check_unlearned(pipes, names, [1.0, 0.0], names)
    Traceback (most recent call last):
    ...
    sknextchar._empty_names.EmptyNamesError: 1 name holds only invisible \
characters ...
    """
    if sample_weight is None:
        return
    weights = check_sample_weight(sample_weight, len(names), "name")
    for pipeline in estimators:
        check_unlearned_names(pipeline, names, weights, given=X)


def check_name_labels(y, n_names, *, advise):
    """The labels as a 1-D array, one per name, no missing value, 2 classes or
    more; their classes and the ids of the names' labels in them (``advise``:
    warn of labels of few names).

    Examples
    --------
    >>> labels, classes, ids = check_name_labels(["f", "m", "f"], 3, advise=False)
    >>> classes.tolist(), ids.tolist()
    (['f', 'm'], [0, 1, 0])
    >>> check_name_labels(None, 3, advise=False)
    Traceback (most recent call last):
    ...
    ValueError: NameLabelClassifier needs y, the label of each name; got y=None.
    >>> check_name_labels(["f", "f"], 2, advise=False)
    Traceback (most recent call last):
    ...
    ValueError: NameLabelClassifier needs samples of at least 2 classes in y, \
but y holds only one class: 'f'. ...
    """
    if y is None:
        raise ValueError(
            "NameLabelClassifier needs y, the label of each name; got y=None."
        )
    check_no_missing_labels(y, row="name")
    check_label_types(y)  # before NumPy makes a number a string
    labels = labels_1d(label_values(y))  # as scikit-learn, a column warns
    check_float_labels(labels)  # counts as labels: said as NameSampler.fit does
    if len(labels) != n_names:  # before a warning that counts them as names
        raise ValueError(
            "X and y have different lengths: "
            f"{counted(n_names, 'name')} and {counted(len(labels), 'label')}."
        )
    # The pipelines' fits do not warn again (labels_checked_once).
    classes, ids = check_label_targets(labels, advise=advise)
    if len(classes) < 2:  # as scikit-learn's classifiers: one class is no choice
        (only,) = classes.tolist()
        raise ValueError(
            "NameLabelClassifier needs samples of at least 2 classes in y, but y "
            f"holds only one class: {only!r}. Add names of another label; "
            "to model the names of one label alone, fit a pipeline on them "
            "without y (make_default_pipeline().fit(names))."
        )
    return labels, classes, ids
