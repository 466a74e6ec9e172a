"""Input checks shared by next-character models: windows or integer context arrays.

A next-character model takes either the :class:`CharWindows` container of
:class:`ContextWindowTransformer` (the targets are inside it and ``classes_`` is
the whole vocabulary) or, as any classifier, an integer array of context ids with
labels ``y``. These functions validate both forms the same way for every model
that uses them, and leave what the model does with the data to the model.
"""

import inspect
import re

import numpy as np
from scipy import sparse
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import (
    check_is_fitted,
    check_non_negative,
    validate_data,
)

from ._label_input import check_no_missing_labels, labels_1d
from ._sample_weight import check_sample_weight
from ._steps import unfreeze
from ._windows import CharWindows
from ._words import counted
from .nn.functional import target_log_proba

__all__ = [
    "target_log_proba_in_chunks",
    "TrainingData",
    "check_fits_on_windows",
    "check_ids_below",
    "check_predict_contexts",
    "check_score_data",
    "check_training_data",
    "weighted_log_likelihood",
    "window_sample_weight",
]


_WIDTH_MISMATCH = re.compile(r"^X has (\d+) features, but \w+ is expecting (\d+) ")


def _width_advice(n, m, call):
    """What to do when windows of ``n`` characters meet a model fitted on ``m``."""
    if call == "partial_fit":
        return (
            "partial_fit adds to the fitted model, so make the windows with "
            f"context_length={m} as for the first call, or call fit to start a new "
            "model on these windows"
        )
    if call == "warm_start":
        return (
            "warm_start=True continues the fitted model: set warm_start=False to "
            f"fit a new model on these windows, or make them with context_length={m}"
        )
    return (
        f"make the windows with context_length={m}, as for the fit, or fit the "
        f"model (or the whole pipeline) again on windows of {n} characters"
    )


def _validate_contexts(estimator, X, y=None, *, reset, dtype, call="predict"):
    """``validate_data`` whose context-length mismatch says what to do.

    Parameters
    ----------
    estimator : estimator
    X, y : as for ``sklearn.utils.validation.validate_data`` (``y=None``: X only).
    reset : bool
    dtype : str or None
    call : {"predict", "partial_fit", "warm_start"}, default="predict"
        The call that meets the mismatch, for the advice: using the fitted
        model, adding to it with ``partial_fit``, or a warm-started ``fit``.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.dummy import DummyClassifier
    >>> model = DummyClassifier().fit(np.array([[0, 1]]), ["x"])
    >>> _validate_contexts(model, [[0, 1, 2]], reset=False, dtype="numeric")
    Traceback (most recent call last):
    ...
    ValueError: X has 3 features, but DummyClassifier is expecting 2 features ...
    """
    try:
        if y is None:
            return validate_data(estimator, X, reset=reset, dtype=dtype)
        return validate_data(estimator, X, y, reset=reset, dtype=dtype)
    except ValueError as error:
        found = _WIDTH_MISMATCH.match(str(error))
        if found is None:
            raise
        n, m = int(found[1]), int(found[2])
        raise ValueError(
            f"{str(error).rstrip('.')}: the windows have {n} characters of context "
            f"and the model was fitted on windows of {m}; "
            f"{_width_advice(n, m, call)}."
        ) from None


class TrainingData:
    """Validated training input.

    Attributes
    ----------
    contexts : ndarray of shape (n_windows, context_length), int
    targets : ndarray of shape (n_windows,), int
        The class index of each target (a column of ``predict_proba``).
    groups : ndarray of shape (n_windows,) or None
        The name each window came from, for windows; None for an array.
    n_symbols : int
        Number of context ids the data needs (the vocabulary size for windows,
        the largest id plus one for an array).
    """

    __slots__ = ("contexts", "targets", "groups", "n_symbols")

    def __init__(self, contexts, targets, groups, n_symbols):
        self.contexts, self.targets = contexts, targets
        self.groups, self.n_symbols = groups, n_symbols


def _show_symbols(symbols):
    """A vocabulary as one string when it is made of characters, else a list.

    Examples
    --------
    >>> _show_symbols(("-", "a", "b"))
    "'-ab'"
    """
    if all(isinstance(x, str) and len(x) == 1 for x in symbols):
        return repr("".join(symbols))
    return repr(list(symbols))


def _reject_y_with_windows(estimator, y, *, scoring=False):
    """Refuse labels of names (y with windows) given to a model that takes none."""
    if y is None:
        return
    name = type(estimator).__name__
    if scoring:  # a model that takes labels splits them off before this check
        raise ValueError(
            f"This {name} was fitted without labels, so it scores names without "
            "them: score without y (pipe.score(names)); to score names by label, "
            f"fit PerLabelClassifier({name}(...)) on the names and their labels."
        )
    raise ValueError(
        f"{name} was given y, the labels of the names (as a Pipeline, NameSampler "
        "or NameLabelClassifier fitted with labels passes them), but it fits no "
        "model of names by label: its targets come from the windows. To model "
        f"names by label, wrap it: PerLabelClassifier({name}(...)) fits one "
        f"{name} per label; or fit without y (one model of all the names)."
    )


def _check_vocabulary(estimator, vocabulary):
    if list(vocabulary) != list(estimator.classes_):
        raise ValueError(
            f"These windows use the vocabulary {_show_symbols(vocabulary)}, but the "
            f"model's classes_ are {_show_symbols(estimator.classes_.tolist())}. "
            "Transform the names with the transformer the model was fit with; in "
            "a Pipeline, the pipeline's steps disagree (a refit that failed in a "
            "later step, after the transformer was refitted, leaves them so): fit "
            "the whole pipeline again."
        )


def _refuse_names(estimator, X):
    """Refuse names (strings) given to a model of windows, saying what to put first.

    scikit-learn's own message for a 1-D array of strings ("Reshape your data
    ...") would send the user the wrong way.

    Parameters
    ----------
    estimator : estimator
        The next-character model, named in the message.
    X : object
        Its input.

    Raises
    ------
    ValueError
        If ``X`` is a string or a sequence whose first element is a string.

    Examples
    --------
    >>> from sknextchar import KneserNeyClassifier
    >>> _refuse_names(KneserNeyClassifier(), [[0, 1]])  # context ids: fine
    >>> _refuse_names(KneserNeyClassifier(), ["asha", "abid"])
    Traceback (most recent call last):
    ...
    ValueError: KneserNeyClassifier predicts the next symbol from windows of ...
    """
    if sparse.issparse(X):  # numbers only (and SciPy 1.10 cannot take X[0])
        return
    first = X
    if not isinstance(X, str):
        try:
            first = X[0] if len(X) else None
        except (TypeError, KeyError, IndexError):  # a DataFrame, an odd sequence
            return
    if isinstance(first, (str, np.str_)):
        name = type(estimator).__name__
        raise ValueError(
            f"{name} predicts the next symbol from windows of context ids, and X "
            f"holds names (strings) such as {first!r}. Put a "
            f"ContextWindowTransformer before it, make_pipeline("
            f"ContextWindowTransformer(), {name}()), which cuts names into "
            "windows, or start from make_default_pipeline()."
        )


def _fit_needs_y(model):
    """Whether ``model.fit`` has a second positional parameter without a default."""
    try:
        parameters = inspect.signature(model.fit).parameters.values()
    except (TypeError, ValueError):  # no signature to read: its fit will tell
        return False
    positional = [
        p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    return len(positional) > 1 and positional[1].default is inspect.Parameter.empty


def check_fits_on_windows(X, model, what, remedy):
    """Raise, before any fit, if ``model`` cannot be fitted on the windows ``X``.

    A next-character model is fitted on windows alone, ``fit(windows)``: the
    targets are inside them. A model whose ``fit`` needs ``y`` (any
    scikit-learn classifier) is no such model, and would fail deep inside its
    own fit with a message about a missing ``y``.

    Parameters
    ----------
    X : object
        The training input; nothing is checked unless it is a :class:`CharWindows`.
    model : estimator
        The model that would be fitted on ``X``.
    what : str
        Which parameter holds it, for the message ("PerLabelClassifier's
        estimator").
    remedy : str
        What to do instead, one or more sentences.

    Raises
    ------
    TypeError
        If ``X`` holds windows and ``model.fit`` needs ``y``.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> windows = ContextWindowTransformer().fit_transform(["ana"])
    >>> check_fits_on_windows(windows, KneserNeyClassifier(), "the model", "")
    >>> check_fits_on_windows(windows, LogisticRegression(), "the model", "")
    Traceback (most recent call last):
    ...
    TypeError: the model (LogisticRegression) is not a next-character model: ...
    """
    if not (isinstance(X, CharWindows) and _fit_needs_y(model)):
        return
    inner = unfreeze(model)
    if inner is not model:  # a FrozenEstimator's fit needs y, whatever it holds
        raise TypeError(
            f"{what} is a FrozenEstimator({type(inner).__name__}): the models here "
            "are fitted on the windows of these names, and a frozen one is never "
            f"fitted. Give the {type(inner).__name__} itself (it is then fitted "
            "on these names). To keep a fitted model as it is, use it on its own: "
            "NameSampler(FrozenEstimator(its pipeline)).fit([]) samples and scores "
            "names with it, and your own code can average fitted models' "
            "predict_proba."
        )
    raise TypeError(
        f"{what} ({type(model).__name__}) is not a next-character model: its "
        "fit needs y, while a model is fitted on the windows of a "
        "ContextWindowTransformer alone, fit(windows), their targets being "
        f"inside them. {remedy}"
    )


def _check_context_ids(estimator, X):
    """Context ids as a compact integer array; refuse what is not an id.

    Non-integers, values that are not finite or too large for an id (past
    int64), and negatives are refused.

    Parameters
    ----------
    estimator : estimator
        Named in the error messages.
    X : ndarray
        A numeric array, already validated by ``validate_data``.

    Returns
    -------
    X : ndarray of int

    Examples
    --------
    >>> import numpy as np
    >>> _check_context_ids(None, np.array([[0.0, 2.0]])).tolist()
    [[0, 2]]
    """
    if X.dtype.kind == "b":
        X = X.astype(np.uint8)
    if X.dtype.kind == "f":
        # NaN and infinity too: assume_finite=True lets them through validate_data.
        wrong = ~np.isfinite(X) | (X != np.round(X))
        _refuse_ids(X, wrong, "non-integer or infinite values such as")
        # An id past int64 is no symbol's; shown as the float, not 300 digits.
        _refuse_ids(X, X >= 2.0**63, "values too large for an id, such as", _TOO_LARGE)
    check_non_negative(X, f"{type(estimator).__name__} (context ids)")
    if X.dtype.kind == "f":
        X = X.astype(np.min_scalar_type(int(X.max()) if X.size else 0))
    return X


_TOO_LARGE = (
    " Number the context ids from 0 without gaps, as ContextWindowTransformer does."
)


def _refuse_ids(X, wrong, got, advice=""):
    """Refuse the context ids where ``wrong``, showing the first of them."""
    if wrong.any():
        raise ValueError(
            "X must hold integer symbol ids (context ids); got "
            f"{got} {float(X[wrong][0])!r}.{advice}"
        )


def check_ids_below(contexts, n_symbols, *, adding=False, warm=False):
    """Every context id must be below ``n_symbols``, fixed by the first fit.

    Parameters
    ----------
    contexts : ndarray of int
        Checked context ids.
    n_symbols : int
        The number of ids the model knows.
    adding : bool, default=False
        Whether the call is a later ``partial_fit`` (or a warm-started ``fit``):
        the message then says that training cannot add ids.
    warm : bool, default=False
        Whether that later call is a warm-started ``fit`` (else a
        ``partial_fit``), for the advice.

    Examples
    --------
    >>> import numpy as np
    >>> check_ids_below(np.array([[0, 3]]), 4)  # fine: nothing happens
    """
    if contexts.size == 0 or contexts.max() < n_symbols:
        return
    bad = np.unique(contexts[contexts >= n_symbols])
    shown = ", ".join(str(int(v)) for v in bad[:10])
    more = f" and {len(bad) - 10:,} more" if len(bad) > 10 else ""
    known = (
        f"Context ids [{shown}]{more} are not known to the model, which knows "
        f"{counted(n_symbols, 'id')} (0 to {n_symbols - 1})"
    )
    if adding:
        remedy = (
            ", and warm_start=True continues the fitted model. Set "
            "warm_start=False to fit a new model on these windows."
            if warm
            else ". Call fit on data that holds every id, or begin partial_fit "
            "with a batch that holds the largest id."
        )
        raise ValueError(
            f"{known}, fixed by the first call to fit or partial_fit (on an array: "
            f"its largest id plus one), as classes_ is; a later call cannot add ids"
            f"{remedy}"
        )
    raise ValueError(
        f"{known}, fixed by the first fit. Encode contexts with the vocabulary the "
        "model was fit on, or refit on data that contains every id."
    )


def _check_labels(estimator, y, *, scoring=False, warm=False):
    """Labels must be known classes."""
    labels = np.unique(y)
    unknown = np.setdiff1d(labels, estimator.classes_)
    if len(unknown):
        remedy = (
            "the model gives them no probability: score only the windows whose "
            "labels are in classes_, or fit the model on data that has them"
            if scoring
            else "warm_start=True continues the fitted model, whose classes_ its "
            "first fit fixed: set warm_start=False to fit a new model on these labels"
            if warm
            else "pass every label in `classes` on the first call to partial_fit "
            "(the first fit or partial_fit fixes classes_), or fit again on all "
            "the data"
        )
        raise ValueError(
            f"y has labels {unknown.tolist()!r} that are not in classes_ "
            f"{estimator.classes_.tolist()!r}; {remedy}."
        )


def _call(reset, warm):
    """The training call, for the advice of ``_validate_contexts``."""
    return "predict" if reset else "warm_start" if warm else "partial_fit"


def _training_windows(estimator, X, y, *, reset, classes, n_symbols, warm):
    _reject_y_with_windows(estimator, y)
    if classes is not None and list(np.asarray(classes)) != list(X.vocabulary):
        raise ValueError(
            f"classes must be None or the windows' vocabulary {X.vocabulary!r}; got "
            f"{classes!r}."
        )
    contexts = _validate_contexts(
        estimator, X.contexts, reset=reset, dtype=None, call=_call(reset, warm)
    )
    if reset:
        estimator.classes_ = np.array(X.vocabulary)
        n_symbols = len(X.vocabulary)
    else:
        _check_vocabulary(estimator, X.vocabulary)
    check_ids_below(contexts, n_symbols, adding=not reset, warm=warm)
    return TrainingData(contexts, X.targets, X.name_index, n_symbols)


def check_training_data(
    estimator, X, y, *, reset, classes=None, n_symbols=None, warm=False
):
    """Validate training input and set ``classes_`` (and ``n_features_in_``) on reset.

    Parameters
    ----------
    estimator : estimator
        The model being fitted.
    X : CharWindows or array-like of int of shape (n_windows, context_length)
    y : None or array-like of shape (n_windows,)
        None for windows; the labels for an array.
    reset : bool
        True on a first fit: ``classes_`` comes from the windows' vocabulary, or
        from ``classes`` (or ``np.unique(y)``) for an array.
    classes : array-like or None, default=None
        Every label any call may see (``partial_fit``'s argument). With an array on
        a first ``partial_fit``, the caller must pass it.
    n_symbols : int or None, default=None
        The number of context ids known from the first fit (ignored on reset).
    warm : bool, default=False
        Whether a later call is a warm-started ``fit`` (else a ``partial_fit``),
        for the advice of the errors.

    Returns
    -------
    data : TrainingData

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.base import BaseEstimator
    >>> data = check_training_data(BaseEstimator(), np.array([[0, 1], [1, 2]]),
    ...                            ["x", "y"], reset=True)
    >>> data.targets.tolist(), data.n_symbols
    ([0, 1], 3)
    """
    if isinstance(X, CharWindows):
        return _training_windows(
            estimator,
            X,
            y,
            reset=reset,
            classes=classes,
            n_symbols=n_symbols,
            warm=warm,
        )
    if y is None:
        raise ValueError(
            f"This {type(estimator).__name__} estimator requires y to be passed, but "
            "the target y is None. Pass the next-symbol labels, or pass the "
            "CharWindows container of ContextWindowTransformer as X."
        )
    check_no_missing_labels(y)
    _refuse_names(estimator, X)
    X, y = _validate_contexts(
        estimator, X, y, reset=reset, dtype="numeric", call=_call(reset, warm)
    )
    check_classification_targets(y)
    contexts = _check_context_ids(estimator, X)
    if reset:
        estimator.classes_ = np.unique(y if classes is None else np.asarray(classes))
        n_symbols = int(contexts.max()) + 1 if contexts.size else 1
    elif classes is not None and not np.array_equal(
        np.unique(classes), estimator.classes_
    ):
        raise ValueError(
            f"classes={classes!r} is not the classes_ that the first call to fit "
            f"or partial_fit fixed, {estimator.classes_.tolist()!r}; pass those, "
            "or fit again on data with the new classes."
        )
    _check_labels(estimator, y, warm=warm)
    check_ids_below(contexts, n_symbols, adding=not reset, warm=warm)
    return TrainingData(
        contexts, np.searchsorted(estimator.classes_, y), None, n_symbols
    )


def check_predict_contexts(estimator, X, n_symbols=None):
    """Validated context ids of ``X`` for a fitted model.

    Parameters
    ----------
    estimator : estimator
        A fitted model with ``classes_`` and ``n_features_in_``.
    X : CharWindows or array-like of int of shape (n_windows, context_length)
    n_symbols : int or None, default=None
        Reject ids at or above it (None: no bound).

    Returns
    -------
    contexts : ndarray of shape (n_windows, context_length), int

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.dummy import DummyClassifier
    >>> model = DummyClassifier().fit(np.array([[0, 1]]), ["x"])
    >>> check_predict_contexts(model, [[1, 1]], n_symbols=2).tolist()
    [[1, 1]]
    """
    check_is_fitted(estimator)
    if isinstance(X, CharWindows):
        if estimator.classes_.dtype.kind == "U":
            _check_vocabulary(estimator, X.vocabulary)
        contexts = _validate_contexts(estimator, X.contexts, reset=False, dtype=None)
    else:
        _refuse_names(estimator, X)
        contexts = _check_context_ids(
            estimator, _validate_contexts(estimator, X, reset=False, dtype="numeric")
        )
    if n_symbols is not None:
        check_ids_below(contexts, n_symbols)
    return contexts


def check_score_data(estimator, X, y, n_symbols=None):
    """Validated contexts and target class indices, for ``score``.

    Parameters
    ----------
    estimator : estimator
        A fitted model.
    X : CharWindows or array-like of int of shape (n_windows, context_length)
    y : None or array-like of shape (n_windows,)
        None for windows; the true labels for an array.
    n_symbols : int or None, default=None
        Reject context ids at or above it.

    Returns
    -------
    contexts : ndarray of shape (n_windows, context_length)
    targets : ndarray of shape (n_windows,)
        Column of ``predict_proba`` of each true label.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.dummy import DummyClassifier
    >>> model = DummyClassifier().fit(np.array([[0], [1]]), ["x", "y"])
    >>> check_score_data(model, [[1]], ["y"])[1].tolist()
    [1]
    """
    if isinstance(X, CharWindows):
        _reject_y_with_windows(estimator, y, scoring=True)
        contexts = check_predict_contexts(estimator, X, n_symbols)
        if list(estimator.classes_) != list(X.vocabulary):
            raise ValueError(
                "This model's classes_ are not the windows' vocabulary, so the "
                "windows' targets cannot be scored; pass score(contexts, y)."
            )
        return contexts, np.asarray(X.targets)
    if y is None:
        raise ValueError(
            "score needs y when X is an array of contexts; pass the true labels, or "
            "pass a CharWindows container as X."
        )
    check_no_missing_labels(y)
    contexts = check_predict_contexts(estimator, X, n_symbols)
    y = labels_1d(y)
    if len(y) != len(contexts):
        raise ValueError(
            f"X and y have different numbers of rows: {len(contexts):,} and {len(y):,}."
        )
    _check_labels(estimator, y, scoring=True)
    return contexts, np.searchsorted(estimator.classes_, y)


def target_log_proba_in_chunks(log_proba_function, contexts, targets, chunk_size):
    """Each window's log-probability of its target, a block of rows at a time.

    Scoring needs one number per window, not the whole ``(n_windows, n_symbols)``
    matrix: computing it in blocks bounds the memory of scoring a large corpus.

    Parameters
    ----------
    log_proba_function : callable
        Maps contexts of shape ``(n, context_length)`` to log-probabilities of
        shape ``(n, n_symbols)``.
    contexts : ndarray of shape (n_windows, context_length)
        Checked context ids.
    targets : ndarray of shape (n_windows,)
        Class index of each window's target.
    chunk_size : int
        Rows per call of ``log_proba_function``.

    Returns
    -------
    picked : ndarray of shape (n_windows,)
        ``log_proba_function(contexts)[i, targets[i]]``, in float64.

    Examples
    --------
    >>> import numpy as np
    >>> log_half = lambda contexts: np.log(np.full((len(contexts), 2), 0.5))
    >>> target_log_proba_in_chunks(log_half, np.zeros((3, 1)), np.array([0, 1, 1]), 2)
    array([-0.69314718, -0.69314718, -0.69314718])
    """
    picked = np.empty(len(targets))
    for start in range(0, len(targets), chunk_size):
        rows = slice(start, start + chunk_size)
        picked[rows] = target_log_proba(
            log_proba_function(contexts[rows]), targets[rows]
        )
    return picked


def weighted_log_likelihood(picked, X, sample_weight):
    """The weighted mean of the windows' log-likelihoods, for ``score``.

    As in scikit-learn's ``score`` methods, ``sample_weight`` weighs the input
    rows: for windows, the names (each window of a name counts with its name's
    weight, which is what a pipeline's ``score(names, sample_weight=...)``
    passes on); for an array of contexts, the rows. A window of weight 0 is
    left out. Without weights, it is the plain mean: what every next-character
    model's ``score`` returns.

    Parameters
    ----------
    picked : ndarray of shape (n_windows,)
        Each window's log-probability of its target.
    X : CharWindows or array-like of shape (n_windows, context_length)
        The scored input.
    sample_weight : float, array-like of shape (n_names,) or (n_windows,) or None
        Finite numbers >= 0, not all 0: one per name of a :class:`CharWindows`,
        one per row of an array. None weighs every window the same.

    Returns
    -------
    score : float

    Examples
    --------
    >>> import numpy as np
    >>> picked = np.log([0.5, 0.25])
    >>> round(weighted_log_likelihood(picked, [[0], [1]], [3, 1]), 4)
    -0.8664
    >>> bool(weighted_log_likelihood(picked, [[0], [1]], 1.0) == picked.mean())
    True
    >>> round(weighted_log_likelihood(picked, [[0], [1]], None), 4)
    -1.0397
    """
    if sample_weight is None:  # float64 sums, even of float32 log-probabilities
        return float(picked.mean(dtype=np.float64))
    weights = window_sample_weight(X, sample_weight)
    kept = weights > 0  # a window of weight 0 counts for nothing, even at log(0)
    if not kept.any():  # windows of some names only (CharWindows.subset)
        raise ValueError(
            "sample_weight is 0 for every name these windows come from: there "
            "is nothing to score; give some of them a positive weight."
        )
    return float(np.average(picked[kept], weights=weights[kept]))


def window_sample_weight(X, sample_weight):
    """The weight of each row of a model's input, from the user's ``sample_weight``.

    Parameters
    ----------
    X : CharWindows or array-like of shape (n_rows, context_length)
        The model's input.
    sample_weight : None, float or array-like
        One weight per name of a :class:`CharWindows` (each window gets its
        name's weight), one per row of an array; None for no weights.

    Returns
    -------
    weights : ndarray of shape (n_rows,), float64, or None
        None when ``sample_weight`` is None.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit_transform(["ab", "c"])
    >>> window_sample_weight(windows, [2, 1]).tolist()
    [2.0, 2.0, 2.0, 1.0, 1.0]
    >>> window_sample_weight([[0, 0, 0]], None) is None
    True
    """
    if sample_weight is None:
        return None
    if isinstance(X, CharWindows):
        return check_sample_weight(sample_weight, X.n_names, "name")[X.name_index]
    return check_sample_weight(sample_weight, len(np.asarray(X)), "row")
