"""Whether the steps of a fitted next-character pipeline still belong together.

A scikit-learn Pipeline fits its steps one after another: when a refit fails in
the model after the transformer was refitted, the transformer holds the new
vocabulary and the model the old weights. Outputs computed from such a pair would
be silently wrong (letters shifted by one id), so every use checks first.
"""

import numpy as np

__all__ = ["STEPS_DISAGREE", "check_steps_agree", "steps_disagreement"]

#: The start of the message of every check that finds the steps disagreeing.
STEPS_DISAGREE = "The pipeline's steps disagree"
_ADVICE = (
    "a refit that failed in a later step, after the transformer was refitted, "
    "leaves a pipeline so; fit the whole pipeline again"
)


def check_steps_agree(transformer, model, vocabulary=None):
    """Fail unless the model was fitted on the transformer's current encoding.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        The fitted first step.
    model : estimator
        The fitted model after it.
    vocabulary : sequence of str or None, default=None
        The vocabulary recorded when the caller (a sampler) was fitted, if any.

    Raises
    ------
    ValueError
        Starting with :data:`STEPS_DISAGREE`, saying what differs and what to do.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._consistency import check_steps_agree
    >>> transformer = ContextWindowTransformer().fit(["abid"])
    >>> check_steps_agree(transformer, object(), transformer.vocabulary_)
    >>> check_steps_agree(transformer, object(), ("-", "x"))
    Traceback (most recent call last):
    ...
    ValueError: The pipeline's steps disagree: the transformer's vocabulary ...
    """
    what = steps_disagreement(transformer, model, vocabulary)
    if what is not None:
        raise ValueError(f"{STEPS_DISAGREE}: {what}; {_ADVICE}.")


def steps_disagreement(transformer, model, vocabulary=None):
    """What differs between a transformer and the model fitted after it, or None.

    The check of :func:`check_steps_agree`, as a value: a loaded model file
    whose steps disagree (a hand-edited vocabulary or ``classes_``) is refused
    with it at load.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        The fitted first step.
    model : estimator
        The fitted model after it.
    vocabulary : sequence of str or None, default=None
        The vocabulary recorded when the caller (a sampler) was fitted, if any.

    Returns
    -------
    what : str or None
        What differs, or None when the steps agree.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._consistency import steps_disagreement
    >>> transformer = ContextWindowTransformer().fit(["ab"])
    >>> class Model:
    ...     classes_ = np.array(["-", "b", "a"])
    >>> steps_disagreement(transformer, Model())[:58]
    "the transformer's vocabulary is not the model's classes_ ("
    """
    current = tuple(transformer.vocabulary_)
    classes = np.asarray(getattr(model, "classes_", []))
    n_features = getattr(model, "n_features_in_", None)
    if vocabulary is not None and tuple(vocabulary) != current:
        what = "the transformer's vocabulary changed since the sampler was fitted"
    elif classes.dtype.kind == "U" and tuple(classes.tolist()) != current:
        what = (
            "the transformer's vocabulary is not the model's classes_ "
            f"({_symbols_differ(current, classes.tolist())})"
        )
    elif n_features is not None and n_features != transformer.context_length:
        what = (
            f"the transformer's context_length={transformer.context_length} is not "
            f"the {n_features:,} characters the model was fitted on"
        )
    elif len(getattr(model, "embeddings_", current)) < len(current):
        what = (
            f"the model has embeddings for {len(model.embeddings_):,} symbols, and "
            f"the transformer's vocabulary has {len(current):,}"
        )
    else:
        return None
    return what


def _symbols_differ(vocabulary, classes):
    """How the classes differ from the vocabulary: symbols missing, or order."""
    in_classes, in_vocabulary = set(classes), set(vocabulary)
    lacks = [s for s in vocabulary if s not in in_classes][:5]
    extra = [s for s in classes if s not in in_vocabulary][:5]
    if not (lacks or extra):
        return "the same symbols in another order, or some twice"
    parts = [f"classes_ lacks {', '.join(map(repr, lacks))}"] * bool(lacks)
    parts += [f"only classes_ has {', '.join(map(repr, extra))}"] * bool(extra)
    return "; ".join(parts)
