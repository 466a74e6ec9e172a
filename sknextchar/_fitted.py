"""Helpers on fitted models, shared by plotting and the command line.

A user hands plotting and the command line a model in one of several forms: a
fitted :class:`~sklearn.pipeline.Pipeline`, a fitted
:class:`~sknextchar.NameSampler` around one, or a bare classifier, each possibly
wrapped in :class:`~sklearn.frozen.FrozenEstimator`. These helpers find the parts
inside such a model, turn a fitted pipeline into a sampler without refitting it,
and name a model in an error message.
"""

import unicodedata

from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from ._held_pipeline import held_pipeline_advice
from ._pipeline import split_pipeline
from ._sampler import NameSampler
from ._steps import pipeline_steps, unfreeze
from ._text import split_symbols
from ._transformer import ContextWindowTransformer
from ._wrong_kind import WrongKindError

__all__ = ["as_sampler", "describe", "find_parts", "prefix_letters"]


def find_parts(estimator):
    """The transformer and the last step inside a model, unfrozen.

    Parameters
    ----------
    estimator : Pipeline, NameSampler or estimator
        A fitted :class:`~sknextchar.NameSampler`, a Pipeline or a bare model,
        each possibly wrapped in :class:`~sklearn.frozen.FrozenEstimator`.

    Returns
    -------
    transformer : ContextWindowTransformer or None
        The pipeline's :class:`~sknextchar.ContextWindowTransformer`; None for a
        bare model or a pipeline without one.
    model : estimator or None
        The last step of the pipeline (None for a pipeline without steps), or
        the bare model itself.

    Raises
    ------
    sklearn.exceptions.NotFittedError
        If ``estimator`` is an unfitted NameSampler.

    Examples
    --------
    >>> from sklearn.frozen import FrozenEstimator
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar._fitted import find_parts
    >>> pipe = make_pipeline(ContextWindowTransformer(), CharEmbeddingMLPClassifier())
    >>> [type(part).__name__ for part in find_parts(FrozenEstimator(pipe))]
    ['ContextWindowTransformer', 'CharEmbeddingMLPClassifier']
    >>> find_parts(CharEmbeddingMLPClassifier())
    (None, CharEmbeddingMLPClassifier())
    """
    model = unfreeze(estimator)
    if isinstance(model, NameSampler):
        check_is_fitted(model)
        model = unfreeze(model.estimator_)
    if not isinstance(model, Pipeline):
        return None, model
    steps = pipeline_steps(model)
    transformer = next(
        (s for s in steps[:-1] if isinstance(s, ContextWindowTransformer)), None
    )
    return transformer, steps[-1] if steps else None


def as_sampler(estimator, caller, *, max_length=20):
    """A fitted NameSampler for a model, without refitting anything.

    Parameters
    ----------
    estimator : Pipeline or NameSampler
        A fitted next-character pipeline or a fitted
        :class:`~sknextchar.NameSampler`, each possibly wrapped in
        :class:`~sklearn.frozen.FrozenEstimator`.
    caller : str
        Who needs the sampler, for the error message.
    max_length : int, default=20
        The sampler's ``max_length`` when a pipeline is wrapped.

    Returns
    -------
    sampler : NameSampler
        ``estimator`` itself (unfrozen) if it is a NameSampler, else
        ``NameSampler(FrozenEstimator(pipeline), max_length=max_length)``,
        fitted, with the other sampling controls at their defaults.

    Raises
    ------
    TypeError
        If ``estimator`` is neither a Pipeline nor a NameSampler.
    sklearn.exceptions.NotFittedError
        If ``estimator`` is an unfitted NameSampler or pipeline.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar._fitted import as_sampler
    >>> pipe = make_pipeline(
    ...     ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=2,
    ...                                random_state=0),
    ... ).fit(["abid", "asha", "ravi", "uma"])
    >>> sampler = as_sampler(pipe, "my_function", max_length=6)
    >>> type(sampler).__name__, sampler.max_length
    ('NameSampler', 6)
    >>> len(sampler.sample(3, random_state=0))
    3
    """
    model = unfreeze(estimator)
    if isinstance(model, NameSampler):
        check_is_fitted(model)
        return model
    if not isinstance(model, Pipeline):
        raise WrongKindError(
            f"{caller} needs a fitted Pipeline of a ContextWindowTransformer and a "
            "next-character classifier, or a NameSampler (FrozenEstimator wrappers "
            f"are fine); got {describe(estimator)}.{held_pipeline_advice(model)}"
        )
    split_pipeline(model)  # in NameSampler's words, not NameSampler(estimator=)'s
    return NameSampler(FrozenEstimator(model), max_length=max_length).fit([])


def prefix_letters(sampler, prefix):
    """The letters of ``prefix`` as ``sampler`` reads it: its symbols.

    A model of user-perceived characters (``unit="grapheme"``) reads
    ``"an\u0308a"`` as 3 letters, where it has 4 code points; the whitespace
    before a prefix goes, as the sampler reads it. A character the model lacks
    counts as one letter of its unit (the caller refuses it in its own terms).

    Parameters
    ----------
    sampler : NameSampler
        A fitted sampler.
    prefix : str
        The beginning of a name.

    Returns
    -------
    letters : int

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(alphabet="auto"),
    ...                      KneserNeyClassifier()).fit(["an\u0308a", "asha"])
    >>> sampler = as_sampler(pipe, "my_function")
    >>> prefix_letters(sampler, " an\u0308a"), prefix_letters(sampler, "z\u0308")
    (3, 1)
    """
    transformer, _ = find_parts(sampler)
    try:
        return int(transformer.encode_prefix_list([prefix], what="prefix")[1][0])
    except ValueError:  # a character the model lacks
        text = unicodedata.normalize("NFC", prefix).lstrip()
        return len(split_symbols(text, transformer.unit_))


def describe(estimator):
    """The name of an estimator's class, showing one FrozenEstimator wrapper.

    Parameters
    ----------
    estimator : object
        Any object, possibly wrapped in
        :class:`~sklearn.frozen.FrozenEstimator`.

    Returns
    -------
    name : str
        ``"LogisticRegression"``, or ``"FrozenEstimator(LogisticRegression)"``
        for a frozen one (however many wrappers there are).

    Examples
    --------
    >>> from sklearn.frozen import FrozenEstimator
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sknextchar._fitted import describe
    >>> describe(LogisticRegression())
    'LogisticRegression'
    >>> describe(FrozenEstimator(LogisticRegression()))
    'FrozenEstimator(LogisticRegression)'
    """
    inner = unfreeze(estimator)
    if inner is estimator:
        return type(estimator).__name__
    return f"FrozenEstimator({type(inner).__name__})"
