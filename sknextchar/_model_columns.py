"""Whether a pipeline's model predicts one column per symbol of its transformer.

:class:`~sknextchar.NameSampler` reads a model's next-symbol
log-probabilities as columns in the vocabulary's id order (id 0 the end
marker); a model fitted on other targets, or on another transformer's
windows, would give columns of other symbols. :func:`check_model_columns`
refuses it when the sampler is fitted.
"""

import numpy as np

from ._pipeline import next_log_proba_function

__all__ = ["check_model_columns"]


def check_model_columns(model, transformer, vocabulary):
    """Fail unless the model predicts one column per symbol, in id order.

    A model with ``classes_`` must list the whole vocabulary; one without is
    asked for the distribution after the empty prefix, whose shape must fit.

    Parameters
    ----------
    model : estimator
        The pipeline's fitted last step.
    transformer : ContextWindowTransformer
        The pipeline's fitted transformer.
    vocabulary : tuple of str
        The transformer's symbols in id order.

    Raises
    ------
    ValueError
        If the model's classes or columns are not the vocabulary's.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> pipe = pipe.fit(["ab", "ba"])
    >>> check_model_columns(pipe[-1], pipe[0], pipe[0].vocabulary_)
    >>> check_model_columns(pipe[-1], pipe[0], ("-", "b", "a"))
    Traceback (most recent call last):
    ...
    ValueError: The model's classes_ must be the transformer's whole vocabulary ...
    """
    classes = getattr(model, "classes_", None)
    if classes is not None:
        if list(np.asarray(classes)) != list(vocabulary):
            raise ValueError(
                "The model's classes_ must be the transformer's whole vocabulary "
                f"{vocabulary!r} in id order; got {classes!r}. Fit the model on "
                "the windows of the ContextWindowTransformer, inside the pipeline."
            )
        return
    start = transformer.encode_prefix_list([""])[2]  # (1, L) all padding
    shape = np.shape(next_log_proba_function(model)(start))
    if shape != (1, len(vocabulary)):
        raise ValueError(
            f"The model must give one log-probability per symbol of the "
            f"transformer's vocabulary ({len(vocabulary):,} columns, in id order) for "
            f"each context; got shape {shape} for one context. Fit the model on the "
            "windows of the ContextWindowTransformer, inside the pipeline."
        )
