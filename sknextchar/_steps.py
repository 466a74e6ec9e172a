"""The steps of a pipeline, seen through FrozenEstimator wrappers and skipped steps.

A foundation for every module that looks inside a fitted model: the sampler's
pipeline protocol (:mod:`sknextchar._pipeline`) and the checks of a loaded model's
fitted state (:mod:`sknextchar._state_checks`) read the steps the same way.
"""

from sklearn.frozen import FrozenEstimator

__all__ = ["pipeline_steps", "unfreeze"]


def unfreeze(estimator):
    """The estimator inside any number of FrozenEstimator wrappers.

    Parameters
    ----------
    estimator : object
        An estimator, possibly wrapped in :class:`~sklearn.frozen.FrozenEstimator`.

    Returns
    -------
    estimator : object
        The innermost estimator.

    Examples
    --------
    >>> from sklearn.frozen import FrozenEstimator
    >>> from sknextchar import ContextWindowTransformer
    >>> unfreeze(FrozenEstimator(ContextWindowTransformer()))
    ContextWindowTransformer()
    """
    while isinstance(estimator, FrozenEstimator):
        estimator = estimator.estimator
    return estimator


def pipeline_steps(pipe):
    """The steps of a Pipeline, unfrozen, without the skipped ones.

    Parameters
    ----------
    pipe : Pipeline
        The pipeline.

    Returns
    -------
    steps : list of estimators

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer
    >>> pipeline_steps(make_pipeline("passthrough", ContextWindowTransformer()))
    [ContextWindowTransformer()]
    """
    return [
        unfreeze(step)
        for _, step in pipe.steps
        if step is not None and not (isinstance(step, str) and step == "passthrough")
    ]
