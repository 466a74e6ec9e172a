"""The steps of the package's fitted pipelines, compared when a model loads.

A model file edited by hand (a symbol taken out of the transformer's
vocabulary or the model's ``classes_``, or two swapped) would otherwise load
and fail at first use, or give the scores of one symbol to another. Here: a
fitted pipeline's ``(transformer, model)`` seen through FrozenEstimator
wrappers and skipped steps (:func:`fitted_steps`), what makes them disagree
(:func:`steps_problem`, only for a pipeline whose transformer is the
package's ContextWindowTransformer), and the pipelines a sampler or a
classifier of names holds (:func:`held_pipelines`), whose own check compares
them, so that they are not compared twice.

The checks of each estimator's fitted state, and the order in which a loaded
model's estimators and pipelines are checked, are ``_state_checks``'s; what
makes two steps disagree is ``_consistency``'s. The estimators are known by
class name: this module imports none of them.
"""

from ._consistency import steps_disagreement
from ._own_classes import own_class
from ._steps import pipeline_steps, unfreeze

__all__ = ["fitted_steps", "held_pipelines", "pipeline_problem", "steps_problem"]


def fitted_steps(pipeline):
    """The fitted ``(transformer, model)`` of a (possibly frozen) pipeline, or None.

    Its steps read as :func:`~sknextchar._steps.pipeline_steps` reads them
    (frozen ones unwrapped, skipped ones left out), once they are known to be
    ``(name, step)`` pairs: a transformer with its vocabulary, then a model
    with its classes.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> fitted_steps(pipe) is None  # not fitted
    True
    >>> [type(step).__name__ for step in fitted_steps(pipe.fit(["ab", "ba"]))]
    ['ContextWindowTransformer', 'KneserNeyClassifier']
    """
    pipeline = unfreeze(pipeline)
    steps = getattr(pipeline, "steps", None)
    if not isinstance(steps, list) or not all(
        isinstance(step, tuple) and len(step) == 2 for step in steps
    ):
        return None
    kept = pipeline_steps(pipeline)
    fitted = ["vocabulary_", "classes_"]
    if len(kept) != 2 or not all(
        name in getattr(step, "__dict__", {}) for step, name in zip(kept, fitted)
    ):
        return None
    return tuple(kept)


def steps_problem(steps, vocabulary=None):
    """What differs between the steps of one of the package's pipelines, or None.

    Only a pipeline whose transformer is the package's ContextWindowTransformer
    is checked: another package's (a CountVectorizer's ``vocabulary_`` holds
    words, not the symbols its classifier predicts) passes.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> steps = fitted_steps(pipe.fit(["ab", "ba"]))
    >>> steps_problem(steps) is None
    True
    >>> steps_problem(steps, ("-", "a")) is None
    False
    """
    if steps is None or own_class(steps[0], {"ContextWindowTransformer"}) is None:
        return None
    return steps_disagreement(*steps, vocabulary)


def pipeline_problem(pipeline):
    """What makes the steps of one of the package's fitted pipelines disagree.

    A model file edited by hand (a symbol taken out of the transformer's
    vocabulary or the model's ``classes_``, or two swapped) would otherwise
    load, and fail at first use, or give the scores of one symbol to another.
    Only a pipeline whose first kept step is a ContextWindowTransformer is
    checked: any other object, another package's pipeline among them, passes.

    Parameters
    ----------
    pipeline : object
        A pipeline (possibly frozen), or any other object.

    Returns
    -------
    problem : str or None

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(alphabet="ab"),
    ...                      KneserNeyClassifier()).fit(["ab", "ba"])
    >>> pipeline_problem(pipe) is None
    True
    >>> pipe[-1].classes_ = pipe[-1].classes_[::-1]
    >>> pipeline_problem(pipe)[:52]
    "its steps disagree: the transformer's vocabulary is "
    """
    what = steps_problem(fitted_steps(pipeline))
    return None if what is None else f"its steps disagree: {what}"


# The pipelines whose steps the check of their holder's fitted state compares
# (with the holder's vocabulary, and naming the attribute that holds them).
_HELD_PIPELINES = {
    "NameSampler": ("estimator_",),
    "NameLabelClassifier": ("pipelines_", "pipeline_"),
}


def held_pipelines(estimator):
    """The pipelines (unfrozen) of a fitted sampler or classifier of names,
    whose steps its own check compared; none for any other estimator.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> held_pipelines(ContextWindowTransformer())
    []
    """
    cls = own_class(estimator, _HELD_PIPELINES)
    held = []
    for name in _HELD_PIPELINES[cls.__name__] if cls else ():
        value = vars(estimator).get(name)
        held += value if isinstance(value, (list, tuple)) else [value]
    return [unfreeze(pipeline) for pipeline in held if pipeline is not None]
