"""Fitted next-character pipelines: unwrapping, splitting, and the model protocol.

The sampler/model protocol
--------------------------
:class:`~sknextchar.NameSampler` (and the plotting and command-line helpers) work
with any *next-character pipeline*: a scikit-learn :class:`~sklearn.pipeline.Pipeline`
(possibly wrapped in :class:`~sklearn.frozen.FrozenEstimator`, with ``"passthrough"``
steps skipped) of exactly two steps,

1. a :class:`~sknextchar.ContextWindowTransformer`, whose ``vocabulary_`` fixes the
   symbols and whose ``encode_prefixes`` turns text into integer contexts;
2. a model with ``predict_log_proba(contexts)``: for an integer array of shape
   ``(n, context_length)`` of symbol ids, it returns the ``(n, n_symbols)``
   natural-log probabilities of the next symbol, one column per symbol of the
   transformer's vocabulary, in vocabulary order (its ``classes_``, when it has
   one, equals the vocabulary).

A model may also offer ``next_log_proba(contexts)``: the same numbers, for ids the
caller has already validated, without ``predict_log_proba``'s input checks. The
sampler's inner loop calls it when it exists (:func:`next_log_proba_function`). The
sampler never looks at the model's class, so any model that follows the protocol
can be sampled, scored and beam-searched.
"""

import contextlib
import contextvars
import functools
import warnings

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sklearn import get_config
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline

from ._epoch_records import weight_0_noted
from ._fit_checks import check_fit_before_drawing
from ._gathered_names import GatheredWarnings
from ._held_pipeline import held_pipeline_advice
from ._holdout import same_text_groups
from ._kept_names import weighted_names
from ._label_posterior import windows_log_likelihood
from ._learned_alphabet import copy_reads_otherwise, learned_alphabet_copy
from ._sample_weight import check_sample_weight, check_takes_sample_weight
from ._step_words import StepError, spelled_settings
from ._steps import pipeline_steps, unfreeze
from ._training_record import fold_map
from ._transformer import ContextWindowTransformer, unknown_symbols
from ._validation import check_names
from ._vocabulary import check_transformer_settings, is_auto_alphabet
from ._weight_routing import model_gets_weights
from ._wrong_kind import WrongKindError

__all__ = [
    "check_fit_on_names",
    "check_pipeline_to_fit",
    "fit_in_pipeline_words",
    "fit_weighted",
    "in_pipeline_words",
    "name_keys",
    "names_log_likelihood",
    "names_told_once",
    "next_log_proba_function",
    "reading_groups",
    "split_pipeline",
    "told_in_places",
    "with_vocabulary_of",
]


def split_pipeline(estimator, *, owner="NameSampler"):
    """The (transformer, model) pair of a next-character pipeline.

    Parameters
    ----------
    estimator : Pipeline or FrozenEstimator
        A pipeline of a :class:`~sknextchar.ContextWindowTransformer` followed by
        a model with ``predict_log_proba``, possibly frozen.
    owner : str, default="NameSampler"
        Who needs the pipeline, for the error message.

    Returns
    -------
    transformer : ContextWindowTransformer
    model : estimator

    Raises
    ------
    TypeError
        If ``estimator`` is not such a pipeline.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> pipe = make_pipeline(ContextWindowTransformer(), CharEmbeddingMLPClassifier())
    >>> [type(step).__name__ for step in split_pipeline(pipe)]
    ['ContextWindowTransformer', 'CharEmbeddingMLPClassifier']
    """
    expected = (
        f"{owner} needs a Pipeline of a ContextWindowTransformer followed by a "
        "next-character model with predict_log_proba, e.g. make_pipeline("
        "ContextWindowTransformer(), CharEmbeddingMLPClassifier()), possibly "
        "wrapped in FrozenEstimator"
    )
    pipe = unfreeze(estimator)
    if not isinstance(pipe, Pipeline):
        raise WrongKindError(
            f"{expected}; got {type(pipe).__name__}.{held_pipeline_advice(pipe)}"
        )
    steps = pipeline_steps(pipe)
    kinds = [type(step).__name__ for step in steps]
    if len(steps) != 2 or not isinstance(steps[0], ContextWindowTransformer):
        raise WrongKindError(f"{expected}; got a Pipeline of steps {kinds}.")
    if not hasattr(steps[1], "predict_log_proba"):
        raise WrongKindError(
            f"{expected}; the last step {kinds[1]} has no predict_log_proba."
        )
    return steps[0], steps[1]


def check_pipeline_to_fit(estimator, *, owner="NameSampler"):
    """Refuse a pipeline to fit, and its transformer's settings, before any name.

    :func:`split_pipeline`'s checks, then, unless the pipeline is frozen (not
    fitted again), its transformer's settings, refused as the transformer's
    ``fit`` refuses them before reading any name
    (:func:`~sknextchar._vocabulary.check_transformer_settings`), and its
    model's parameters, at any depth
    (:func:`~sknextchar._fit_checks.check_fit_before_drawing`), so that no
    pipeline of a list draws before a later one is refused: an estimator
    that checks the names before fitting the pipeline calls this first, so that
    a bad setting is reported before a bad name, as by a Pipeline's ``fit``.

    Parameters
    ----------
    estimator : Pipeline or FrozenEstimator
        A next-character pipeline, possibly frozen.
    owner : str, default="NameSampler"
        Who needs the pipeline, for the error message, in the words of the
        interface (``NameSampler(estimator=...)`` for NameSampler's ``fit``).

    Returns
    -------
    transformer : ContextWindowTransformer
    model : estimator

    Raises
    ------
    TypeError
        If ``estimator`` is not such a pipeline (NameLabelClassifier checks
        its pipelines first, in its own name).
    InvalidParameterError
        If the transformer or the model of a pipeline to fit has a bad setting.

    Examples
    --------
    >>> from sknextchar import make_default_pipeline
    >>> pipe = make_default_pipeline().set_params(windows__end_symbol="ab")
    >>> try:
    ...     check_pipeline_to_fit(pipe)
    ... except ValueError as error:  # an InvalidParameterError
    ...     print(error)
    end_symbol must be one character, the end marker's display; got 'ab'.
    """
    transformer, model = split_pipeline(estimator, owner=owner)
    if not isinstance(estimator, FrozenEstimator):  # a frozen one is not refit
        check_transformer_settings(transformer)
        check_fit_before_drawing(model)  # its parameters, before a step draws
    return transformer, model


def next_log_proba_function(model, label=None, argument="label"):
    """The function that gives a model's next-symbol log-probabilities.

    ``model.next_log_proba`` (the protocol's unchecked fast path) when the model
    has one, else ``model.predict_log_proba``. For a model fitted with labels
    (``label_classes_`` not None), the function of one label: the model is
    called with ``labels=label``.

    Parameters
    ----------
    model : estimator
        A fitted model that follows the protocol of this module.
    label : object or None, default=None
        The label to condition on (a single label, or one per context row);
        required for a model fitted with labels, refused for any other.
    argument : {"label", "y"}, default="label"
        How the caller takes ``label``, for the messages: ``label=`` (sampling
        and most scoring methods), or ``y``, the labels of
        :meth:`NameSampler.score`, as scikit-learn's ``score(X, y)``.

    Returns
    -------
    function : callable
        Maps an integer array of shape ``(n, context_length)`` to an array of
        shape ``(n, n_symbols)`` of log-probabilities.

    Raises
    ------
    ValueError
        If ``label`` is given for a model fitted without labels, or missing for
        one fitted with labels (the message lists them).

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> next_log_proba_function(CharEmbeddingMLPClassifier()).__name__
    'next_log_proba'
    """
    function = getattr(model, "next_log_proba", None)
    function = function if callable(function) else model.predict_log_proba
    known = getattr(model, "label_classes_", None)
    if known is None and label is not None:
        given = "y was given" if argument == "y" else f"label={label!r} was given"
        raise ValueError(
            f"{given}, but the model was fitted without labels; fit it on names "
            "and their labels (e.g. NameSampler(pipe).fit(names, labels)) to "
            "generate and score names by label"
            + (", or leave y=None." if argument == "y" else ".")
        )
    if known is None:
        return function
    if label is None and argument == "y":
        raise ValueError(
            "The model was fitted with labels: pass y, one label per name, each "
            f"one of {known.tolist()!r}."
        )
    if label is None:
        raise ValueError(
            f"The model was fitted with the labels {known.tolist()!r}: pass "
            "label=..., one of them."
        )
    return functools.partial(function, labels=label)


def with_vocabulary_of(estimator, names):
    """An unfitted pipeline whose ``alphabet="auto"`` is fixed to that of ``names``.

    A pipeline fitted on part of the names (a fold, or all but held-out names)
    with ``alphabet="auto"`` would learn the characters of that part only and
    refuse a held-out name with another one; fixed to the vocabulary that all
    the names give (its transformer is that of
    :meth:`~sknextchar.ContextWindowTransformer.with_learned_alphabet`), it
    knows them all. Where that method refuses (with ``unit="char"``, code
    points that make up a letter's old spelling, which a copy would keep: the
    folds read ``"അവന്\u200d"`` as ``"അവന്"``, another word, where the model
    fitted on all the names reads ``"അവൻ"``), the transformer fitted on all
    the names is its first step, frozen: the folds read names as that model
    does.

    Parameters
    ----------
    estimator : Pipeline or estimator
        Unfitted. A pipeline whose first step is a ContextWindowTransformer
        with ``alphabet="auto"`` is cloned and fixed; anything else (a given
        alphabet, a frozen fitted pipeline) is returned as it is.
    names : list of str
        All the names.

    Returns
    -------
    estimator : Pipeline or estimator

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> pipe = make_pipeline(ContextWindowTransformer(alphabet="auto"),
    ...                      CharEmbeddingMLPClassifier())
    >>> with_vocabulary_of(pipe, ["zoë", "ana"])[0].alphabet
    ['a', 'n', 'o', 'z', 'ë']
    """
    place = _transformer_place(estimator)
    if place is None or not _auto(estimator.steps[place][1]):
        return estimator
    step, transformer = estimator.steps[place]
    fitted = clone(transformer).fit(names)
    if copy_reads_otherwise(fitted):  # no copy reads names as it does
        return clone(estimator).set_params(**{step: FrozenEstimator(fitted)})
    return clone(estimator).set_params(**{step: learned_alphabet_copy(fitted)})


def _transformer_place(estimator):
    """The place in ``estimator.steps`` of the transformer a fit fits, or None.

    The first step that is not skipped (``"passthrough"`` or None), if it is
    a :class:`~sknextchar.ContextWindowTransformer`; None for a frozen
    pipeline or step (not fitted again) and for anything but a Pipeline.

    Parameters
    ----------
    estimator : estimator
        A pipeline to fit, or anything else.

    Returns
    -------
    place : int or None

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> _transformer_place(make_pipeline(
    ...     "passthrough", ContextWindowTransformer(), CharEmbeddingMLPClassifier()))
    1
    """
    if not isinstance(estimator, Pipeline):
        return None
    for place, (_, step) in enumerate(estimator.steps):
        if step is None or (isinstance(step, str) and step == "passthrough"):
            continue
        return place if isinstance(step, ContextWindowTransformer) else None
    return None


def _auto(transformer):
    """Whether the transformer learns its alphabet from the names."""
    return is_auto_alphabet(transformer.alphabet)


def _may_warn_of_names(transformer):
    """Whether a fit of the transformer with a given alphabet may warn about
    some names: those ``strip_accents`` changes, or the capitals that
    ``handle_unknown="drop"`` removes when not lowercased."""
    dropped = transformer.handle_unknown != "error" and not transformer.lowercase
    return bool(transformer.strip_accents) or dropped


@contextlib.contextmanager
def told_in_places(rows=None, index=None):
    """Within the block, the warnings of fits about some of their names are
    given once at its end, in the places of the caller's names.

    Parameters
    ----------
    rows : ndarray of int or None, default=None
        The place of each name fitted in the caller's list (the names of a
        weight above 0); None: the same.
    index : pandas.Index or None, default=None
        The index of the caller's Series, for those places.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     with told_in_places(rows=[0, 3]):
    ...         _ = ContextWindowTransformer(strip_accents="ascii").fit(
    ...             ["asha", "Łukasz"])
    >>> print(str(caught[0].message).split(": ")[1].split(" (")[0])
    names[3]='Łukasz' read as 'ukasz'
    """
    gathered = GatheredWarnings(index=index)
    with gathered.gathering(0 if rows is None else rows):
        yield
    gathered.warn()


def names_told_once(estimators, names, rows=None, index=None):
    """The pipelines for the folds, having warned once about the names they warn of.

    The first step of a pipeline warns about some of the names it learns
    (those ``strip_accents`` changes, those whose capitals
    ``handle_unknown="drop"`` removes, those with a tab). A classifier that
    fits its pipelines on the folds of the names would warn once per fold, of
    the fold's names. Here they warn once, of all the names, in the caller's
    places: an ``alphabet="auto"`` is learned from all the names
    (:func:`with_vocabulary_of`), which tells of them; a given alphabet that
    may warn is fitted once per distinct setting (one that cannot, and a
    frozen pipeline, cost nothing). The fits of the folds are then kept quiet.

    Parameters
    ----------
    estimators : list of estimator
        The pipelines to fit (unfitted, or frozen).
    names : list of str
        All the names the pipelines learn from.
    rows : ndarray of int or None, default=None
        The place of each name in the caller's list (the names of a weight
        above 0), for the places the warnings give; None: the same.
    index : pandas.Index or None, default=None
        The index of the caller's Series, for those places.

    Returns
    -------
    shared : list of estimator
        ``with_vocabulary_of`` each estimator, for the folds.
    quiet : callable
        A context within which fits leave those warnings out.

    Examples
    --------
    >>> import warnings
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> pipe = make_pipeline(ContextWindowTransformer(strip_accents="ascii"),
    ...                      CharEmbeddingMLPClassifier())
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     shared, quiet = names_told_once([pipe], ["asha", "Łukasz"], rows=[0, 3])
    ...     with quiet():
    ...         _ = shared[0][0].fit(["Łukasz"])  # a fold: no warning
    >>> print(str(caught[0].message).split(": ")[1].split(" (")[0])
    names[3]='Łukasz' read as 'ukasz'
    """
    told, shared = set(), []
    for estimator in estimators:
        with told_in_places(rows, index):  # an "auto" alphabet tells here
            shared.append(with_vocabulary_of(estimator, names))
        place = _transformer_place(estimator)
        first = None if place is None else estimator.steps[place][1]
        if first is None or _auto(first) or not _may_warn_of_names(first):
            continue
        setting = repr(sorted(first.get_params().items()))
        if setting in told:
            continue
        told.add(setting)
        try:  # told at the block's end, unless the fit is refused
            with told_in_places(rows, index), warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the pipelines' fits give others
                clone(first).fit(names)
        except ValueError:
            continue  # refused: the fit of a fold refuses it, in its own words
    quiet = GatheredWarnings()
    return shared, lambda: quiet.gathering(None)


def names_log_likelihood(transformer, model, names, labels):
    """Each name's log-likelihood under each label, the names cut into windows once.

    ``log P(name | label)``: the sum over the name's windows (its characters
    and its end) of the model's untempered log-probability of the next
    symbol, with one pass of the transformer over the names and the model run
    once per label on their distinct contexts. The numbers of
    :meth:`NameSampler.score_samples` for each label, bit for bit.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted.
    model : estimator
        Fitted on the transformer's windows (the protocol above).
    names : list of str
        The names.
    labels : list
        The labels to score the names under; ``[None]`` for a model fitted
        without labels.

    Returns
    -------
    log_likelihood : ndarray of shape (n_names, n_labels)
        0 for a name left without any window (``handle_unknown="drop"``).
    counts : ndarray of int of shape (n_names,)
        The windows of each name (the symbols predicted: its characters and
        its end).

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(max_iter=5, random_state=0))
    >>> transformer, model = pipe.fit(["abid", "asha", "amit"]).steps
    >>> log_likelihood, counts = names_log_likelihood(
    ...     transformer[1], model[1], ["asha", "ali"], [None])
    >>> log_likelihood.shape, counts.tolist()
    ((2, 1), [5, 4])
    """
    import numpy as np

    windows = transformer.transform(names)
    functions = [next_log_proba_function(model, label) for label in labels]
    log_likelihood = windows_log_likelihood(
        functions,
        windows.contexts,
        windows.targets,
        windows.name_index,
        windows.n_names,
        len(transformer.vocabulary_),
    )
    return log_likelihood, np.bincount(windows.name_index, minlength=windows.n_names)


def fit_weighted(pipeline, X, y=None, sample_weight=None):
    """Fit a next-character pipeline on names, each with its weight.

    The weights go to the pipeline's last step, the model, one per name (the
    model gives each of a name's windows its weight): through the
    ``step__sample_weight`` fit parameter, or, when scikit-learn's metadata
    routing is on, through the model's ``set_fit_request(sample_weight=True)``
    (set here on ``pipeline``'s own model when unset, so pass a clone); a model
    that asks not to get them (``set_fit_request(sample_weight=False)``, routing
    on) is fitted without them. A name of weight 0 is left out, as if absent:
    the transformer does not read it either (with ``alphabet="auto"`` its
    characters are not learned; one outside a fixed alphabet is no error).
    Without weights it is ``pipeline.fit(X, y)``; a FrozenEstimator is not
    refit.

    Parameters
    ----------
    pipeline : Pipeline or FrozenEstimator
        A next-character pipeline (see :func:`split_pipeline`).
    X : 1-D array-like of str
        Training names.
    y : None or array-like of shape (n_names,), default=None
        The names' labels, for a model of names by label.
    sample_weight : None or array-like of shape (n_names,), default=None
        One weight per name (e.g. how often it occurs); the model checks them.

    Returns
    -------
    pipeline : Pipeline or FrozenEstimator
        The fitted ``pipeline``.

    Raises
    ------
    TypeError
        If the model's ``fit`` takes no ``sample_weight``.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> pipe = fit_weighted(pipe, ["abid", "asha"], sample_weight=[3, 1])
    >>> pipe[-1].n_features_in_
    3
    """
    if sample_weight is None or isinstance(pipeline, FrozenEstimator):
        return pipeline.fit(X, y)
    name, model = _last_step(pipeline)
    check_takes_sample_weight(model, f"the pipeline's step {name!r}")
    if not model_gets_weights(model):  # routing on, the model asks not to
        return pipeline.fit(X, y)
    n_given = len(X) if hasattr(X, "__len__") else None
    X, y, sample_weight = _without_weight_0(X, y, sample_weight)
    fit_params = {f"{name}__sample_weight": sample_weight}
    if get_config()["enable_metadata_routing"]:
        model.set_fit_request(sample_weight=True)  # True already, or unset
        fit_params = {"sample_weight": sample_weight}
    left_out = n_given is not None and len(X) < n_given
    with weight_0_noted() if left_out else contextlib.nullcontext():
        return pipeline.fit(X, y, **fit_params)


def check_fit_on_names(pipeline, X, y=None, sample_weight=None):
    """Raise what :func:`fit_weighted` would raise before its model draws.

    The pipeline's transformer is fitted on a clone (it draws nothing) and
    its model's fit checked on those windows
    (:func:`~sknextchar._fit_checks.check_fit_before_drawing`), quietly: the
    fit itself tells what it warns of. Errors are raised as they are, not in
    the pipeline's words (:func:`fit_in_pipeline_words`). An estimator that fits several
    pipelines checks each this way before the first one draws, so that a
    later one refused leaves the generators as they were. A FrozenEstimator
    is not fitted: nothing to check.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(context_length=2),
    ...                      KneserNeyClassifier(order=4))
    >>> check_fit_on_names(pipe, ["asha", "ravi"])
    Traceback (most recent call last):
    ...
    ValueError: order=4 needs contexts of at least 3 symbols, but the data has 2. ...
    """
    if isinstance(pipeline, FrozenEstimator):
        return
    transformer, model = split_pipeline(pipeline, owner="NameLabelClassifier")
    if sample_weight is not None and model_gets_weights(model):
        X, y, sample_weight = _without_weight_0(X, y, sample_weight)
    elif sample_weight is not None:  # routing on, the model asks not to
        sample_weight = None
    # In a context of its own: what the fit tells once (a name's warning, an
    # end marker unseen) is not taken as told by the warnings ignored here.
    contextvars.Context().run(_check_quietly, transformer, model, X, y, sample_weight)


def _check_quietly(transformer, model, X, y, sample_weight):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # told by the fit
        windows = clone(transformer).fit_transform(X, y)
        check_fit_before_drawing(model, windows, y, sample_weight)


def _without_weight_0(X, y, sample_weight):
    """The names, labels and weights to fit: without the names of weight 0
    (:func:`~sknextchar._kept_names.weighted_names`); as given when none
    weighs 0 (a single number weighs them all alike: the model checks it)."""
    if np.ndim(sample_weight) != 1:
        return X, y, sample_weight
    weights = check_sample_weight(sample_weight, len(X), "name")
    if weights.all():
        return X, y, sample_weight
    labels = None if y is None else np.asarray(y)
    return weighted_names(check_names(X), labels, weights)


def reading_groups(pipelines, names, *, owner="NameLabelClassifier"):
    """The group of each name: the names that a pipeline reads as one.

    "José" and "Jose" are one name to a pipeline whose transformer strips
    accents; "Asha" and "asha" to any pipeline (:func:`name_keys`): to one that
    keeps case, they are case variants of one name, as early stopping's
    hold-out and ``sample(novel=True)`` take them. With several pipelines,
    names that any of them reads alike are one group. Give the groups to a
    splitter (``groups=``) to keep each name on one side.

    Parameters
    ----------
    pipelines : list of Pipeline or FrozenEstimator
        Next-character pipelines (see :func:`split_pipeline`), fitted or not.
    names : list of str
        The names.
    owner : str, default="NameLabelClassifier"
        Who needs the pipelines, for the error message.

    Returns
    -------
    groups : ndarray of object of shape (n_names,)
        Each name's group, named by the first name of the group as written: a
        list that no pipeline reads two ways gives back its names.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> reading_groups([pipe], ["Asha", "ravi", "asha"]).tolist()
    ['Asha', 'ravi', 'Asha']
    """
    groups = [
        same_text_groups(name_keys(split_pipeline(p, owner=owner)[0], names))
        for p in pipelines
    ]
    first = groups[0]
    if len(groups) > 1:  # one component per group of names read alike
        rows = np.tile(np.arange(len(names)), len(groups))
        links = coo_matrix(
            (np.ones(rows.size), (rows, np.concatenate(groups))),
            shape=(len(names), len(names)),
        )
        first = same_text_groups(connected_components(links, directed=False)[1])
    return np.asarray(names, dtype=object)[first]


def name_keys(transformer, names):
    """Each name as a hold-out compares it: as ``transformer`` reads it, and,
    when it keeps case, with case ignored as ``sample(novel=True)`` ignores it
    (:func:`~sknextchar._training_record.fold_map`): "Asha" and "asha" are one name.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted or not (then a copy, without its callbacks, is fitted on
        ``names``).
    names : list of str
        The names.

    Returns
    -------
    keys : list of str or bytes
        Equal for the names read as one: their ``normalize`` form, or for a
        transformer that drops some of their characters
        (``handle_unknown="drop"``: "ann1" is "ann") or keeps case and has
        letters in two cases, the bytes of their ids as it reads them (the
        characters it drops left out), case-folded when it keeps case.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> name_keys(ContextWindowTransformer(), ["Asha", "asha"])
    ['asha', 'asha']
    >>> keys = name_keys(ContextWindowTransformer(lowercase=False, alphabet="auto"),
    ...                  ["Asha", "asha", "ravi"])
    >>> keys[0] == keys[1] != keys[2]
    True
    """
    texts = transformer.normalize(names)
    drops = transformer.handle_unknown == "drop"  # "ann1" is read as "ann"
    if (transformer.lowercase and not drops) or not len(texts):
        return texts
    fitted = transformer
    if not hasattr(transformer, "vocabulary_"):  # a copy without its callbacks
        fitted = type(transformer)(**transformer.get_params(deep=False)).fit(names)
    fold = None if transformer.lowercase else fold_map(tuple(fitted.vocabulary_))
    if fold is None and not (drops and unknown_symbols(fitted, names)):
        return texts  # no letter in two cases, and none dropped
    ids = fitted.encode(names)  # without the characters it drops
    return [(row if fold is None else fold[row]).tobytes() for row in ids]


def _last_step(pipeline):
    """The (name, estimator) of a Pipeline's last step: the model."""
    if not isinstance(pipeline, Pipeline):
        raise TypeError(
            "sample_weight needs a Pipeline of a ContextWindowTransformer and a "
            f"next-character model; got {type(pipeline).__name__}."
        )
    name, model = pipeline.steps[-1]
    if model is None or isinstance(model, str):
        raise TypeError(
            f"sample_weight needs a model as the pipeline's last step; step "
            f"{name!r} is {model!r}."
        )
    return name, model


def fit_in_pipeline_words(pipeline, X, y=None, sample_weight=None):
    """:func:`fit_weighted`, the advice of a step that fails told as the
    pipeline's parameters (:class:`StepError`, :func:`in_pipeline_words`).

    For the owner of a pipeline the user did not build (the default pipeline
    of :class:`~sknextchar.NameLabelClassifier`).

    Parameters
    ----------
    pipeline : Pipeline
        A next-character pipeline, not fitted.
    X, y, sample_weight
        As :func:`fit_weighted` takes them.

    Returns
    -------
    pipeline : Pipeline
        The fitted ``pipeline``.

    Examples
    --------
    >>> from sknextchar import make_default_pipeline
    >>> try:
    ...     fit_in_pipeline_words(make_default_pipeline(), ["zoë"])
    ... except StepError as error:
    ...     error.step, error.settings[0]
    ('windows', "windows__alphabet='auto'")
    """
    with in_pipeline_words([pipeline]):
        return fit_weighted(pipeline, X, y, sample_weight)


@contextlib.contextmanager
def in_pipeline_words(pipelines):
    """Within it, a step of ``pipelines`` that raises has its advice told as
    the pipeline sets the step's parameters (:class:`StepError`).

    The step that failed is the one whose code raised the error: the innermost
    frame of its traceback that is a method of one of the steps (its ``self``).
    Which steps a failed fit left unfitted does not tell it: a
    ContextWindowTransformer fitted by a Pipeline goes back to its state before
    the fit when the model after it fails. Only that step's own parameters are
    spelled, in its own message; any other error, or one that advises none of
    them, is raised as it is.

    Parameters
    ----------
    pipelines : list of Pipeline
        The pipelines fitted or used within, possibly frozen; empty: no
        error is spelled.

    Examples
    --------
    >>> from sknextchar import make_default_pipeline
    >>> pipe = make_default_pipeline().set_params(clf__max_iter=1)
    >>> pipe = pipe.fit(["asha", "ravi"])
    >>> try:
    ...     with in_pipeline_words([pipe]):
    ...         pipe.predict_log_proba(["zoë"])
    ... except StepError as error:
    ...     error.step, error.settings[0]
    ('windows', "windows__alphabet='auto'")
    """
    try:
        yield
    except StepError:
        raise  # spelled by the step, in the Pipeline it found running it
    except ValueError as error:
        failed = _failed_step(error, pipelines)
        if failed is None:
            raise
        message, settings = spelled_settings(str(error), failed[1], failed[0])
        if not settings:
            raise
        raise StepError(message, failed[0], settings) from None


def _failed_step(error, pipelines):
    """The (name, step) of ``pipelines`` whose method is the innermost frame
    of ``error``'s traceback: the step that raised it; None if no step's."""
    steps = {
        id(step): (name, step)
        for pipeline in pipelines
        if isinstance(unfreeze(pipeline), Pipeline)
        for name, step in unfreeze(pipeline).steps
        if not (step is None or isinstance(step, str))  # "passthrough"
    }
    failed, trace = None, error.__traceback__
    while trace is not None:
        failed = steps.get(id(trace.tb_frame.f_locals.get("self")), failed)
        trace = trace.tb_next
    return failed
