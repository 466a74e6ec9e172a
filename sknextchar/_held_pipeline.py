"""The pipeline a classifier of names holds, told where the classifier is refused.

A :class:`~sknextchar.NameLabelClassifier` is no next-character pipeline, but it
fits one: a user who passes it where a pipeline is needed (to a
:class:`~sknextchar.NameSampler`, a plot, :func:`~sknextchar.train_from_file`)
has the pipeline at hand in its ``pipeline_``. Every refusal of a model of the
wrong kind adds the same sentence, made here. The class is told by name
(:func:`~sknextchar._own_classes.own_class`), as it lives layers above.
"""

from ._own_classes import own_class
from ._steps import unfreeze

__all__ = ["held_pipeline_advice"]


def held_pipeline_advice(estimator):
    """The sentence that says where a classifier of names keeps its pipeline.

    Parameters
    ----------
    estimator : object
        What a user passed where a next-character pipeline was needed,
        possibly wrapped in :class:`~sklearn.frozen.FrozenEstimator`.

    Returns
    -------
    advice : str
        For a :class:`~sknextchar.NameLabelClassifier`, one or two sentences,
        each starting with a space, that say what to pass instead (its
        ``pipeline_`` once fitted, else the pipeline it is given); an empty
        string for any other object.

    Examples
    --------
    >>> from sknextchar import NameLabelClassifier
    >>> print(held_pipeline_advice(NameLabelClassifier()).strip())
    ... # doctest: +NORMALIZE_WHITESPACE
    A NameLabelClassifier is no next-character pipeline, but it fits one: fit
    it, then pass its pipeline_ (FrozenEstimator(clf.pipeline_) to use it as
    fitted, clf being the classifier); or pass the pipeline it is given as
    estimator (make_default_pipeline() when it is None).
    >>> held_pipeline_advice(object())
    ''
    """
    classifier = unfreeze(estimator)
    if own_class(classifier, {"NameLabelClassifier"}) is None:
        return ""
    pipelines = classifier.__dict__.get("pipelines_")
    if pipelines is None:
        return (
            " A NameLabelClassifier is no next-character pipeline, but it fits "
            "one: fit it, then pass its pipeline_ (FrozenEstimator(clf.pipeline_) "
            "to use it as fitted, clf being the classifier); or pass the pipeline "
            "it is given as estimator (make_default_pipeline() when it is None)."
        )
    advice = (
        " A NameLabelClassifier is no next-character pipeline, but it holds the "
        "one it fitted: pass its pipeline_ (FrozenEstimator(clf.pipeline_) to use "
        "it as fitted, clf being the classifier)."
    )
    if len(pipelines) > 1:
        advice += (
            f" It holds {len(pipelines)} pipelines, in pipelines_; pipeline_ is "
            "the first."
        )
    return advice
