"""The shape of an embedding MLP: its first parameters, and the check that it is kept.

:class:`~sknextchar.CharEmbeddingMLPClassifier` draws its parameters from its
hyperparameters once, and every later training call (``warm_start``,
``partial_fit``) must continue with the same shapes. Both are here, read from the
estimator's parameters and fitted attributes; the estimator only calls them. So
are the label's part of the network (the size and fitted table of the label
embedding that :mod:`sknextchar.nn.functional` adds to the first layer) and the
rules that involve two of the network's parameters.
"""

import numpy as np

from ._compat import InvalidParameterError
from ._labels import label_classes
from ._model_checks import LABELS_WITHOUT_TABLE
from ._sizes import check_weight_memory, first_layer_inputs
from ._windows import CharWindows
from .nn.functional import init_params

__all__ = [
    "check_architecture",
    "check_initial_memory",
    "check_label_architecture",
    "check_params_together",
    "check_same_vocabulary",
    "hidden_sizes",
    "initial_parameters",
    "label_embedding_size",
    "label_network",
    "label_table_shape",
    "n_label_inputs",
]


def hidden_sizes(estimator):
    """The units of each hidden layer of ``estimator``, as a list of int.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> hidden_sizes(CharEmbeddingMLPClassifier(hidden_layer_sizes=(64, 32)))
    [64, 32]
    """
    return [int(h) for h in np.asarray(estimator.hidden_layer_sizes).ravel()]


def label_embedding_size(estimator):
    """The numbers in each label's embedding: ``label_embedding_dim``, or
    ``embedding_dim`` when it is None.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> label_embedding_size(CharEmbeddingMLPClassifier(embedding_dim=8))
    8
    >>> label_embedding_size(CharEmbeddingMLPClassifier(label_embedding_dim=2))
    2
    """
    size = getattr(estimator, "label_embedding_dim", None)
    return estimator.embedding_dim if size is None else size


def label_network(estimator):
    """The label's part of a fitted network, as the ``nn.functional`` calls take it.

    Parameters
    ----------
    estimator : estimator
        A fitted embedding MLP (models saved before labels existed have no
        ``label_embeddings_``).

    Returns
    -------
    kwargs : dict
        ``{"label_embeddings": ...}`` for a model of names by label, else empty.

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> label_network(BaseEstimator())
    {}
    """
    table = getattr(estimator, "label_embeddings_", None)
    if table is None and label_classes(estimator) is not None:
        raise ValueError(
            f"This {type(estimator).__name__} cannot predict: "
            f"{LABELS_WITHOUT_TABLE}. Fit it again with this version."
        )
    return {} if table is None else {"label_embeddings": table}


def n_label_inputs(estimator):
    """The first layer's inputs from the label: its fitted embedding's size, or 0.

    Examples
    --------
    >>> from sklearn.base import BaseEstimator
    >>> n_label_inputs(BaseEstimator())
    0
    """
    table = label_network(estimator).get("label_embeddings")
    return 0 if table is None else table.shape[1]


def label_table_shape(estimator):
    """``(n_labels, label embedding size)`` of a model fitted with labels, or None.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> model = CharEmbeddingMLPClassifier(label_embedding_dim=3)
    >>> model.label_classes_ = np.array(["female", "male"])
    >>> label_table_shape(model)
    (2, 3)
    """
    classes = label_classes(estimator)
    return None if classes is None else (len(classes), label_embedding_size(estimator))


def check_initial_memory(estimator, data):
    """Refuse a network whose weights, or one batch of it, would not fit in memory.

    :func:`initial_parameters` calls it first; ``fit`` calls it before it draws
    anything from its ``random_state`` (the hold-out of early stopping draws
    first), so that a fit refused for its sizes leaves that generator as it was.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
        As for :func:`initial_parameters`.
    data : TrainingData
        The validated training windows.

    Raises
    ------
    ValueError
        Naming the sizes (not an OverflowError or a MemoryError).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(10**12,))
    >>> clf.classes_, clf.n_features_in_ = np.arange(5), 2
    >>> data = SimpleNamespace(n_symbols=5, contexts=np.zeros((3, 2), int))
    >>> check_initial_memory(clf, data)
    Traceback (most recent call last):
    ...
    ValueError: embedding_dim=10, hidden_layer_sizes=(1000000000000,) makes ...
    """
    check_weight_memory(  # a ValueError naming the sizes, not an OverflowError
        data.n_symbols,
        estimator.embedding_dim,
        data.contexts.shape[1],
        hidden_sizes(estimator),
        len(estimator.classes_),
        np.dtype(estimator.dtype).itemsize,
        labels=label_table_shape(estimator),
        batch=(estimator.batch_size, len(data.contexts), estimator.dropout),
    )


def initial_parameters(estimator, data, rng):
    """New random parameters of ``estimator``'s network, after a memory check.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
        With ``n_features_in_``, ``classes_`` and, for a model of names by label,
        ``label_classes_`` set.
    data : TrainingData
        The validated training windows (their symbols and context columns).
    rng : numpy.random.RandomState
        The source of the initial values.

    Returns
    -------
    embeddings, coefs, intercepts : ndarray, list, list
    label_embeddings : ndarray or None
        The labels' table, or None for a model without labels.

    Raises
    ------
    ValueError
        When the weights would not fit in memory, or not together with one
        batch's activations (naming the sizes, ``batch_size``).

    Examples
    --------
    >>> import numpy as np
    >>> from types import SimpleNamespace
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> clf = CharEmbeddingMLPClassifier(embedding_dim=2, hidden_layer_sizes=(4,))
    >>> clf.n_features_in_, clf.classes_ = 3, np.arange(5)
    >>> data = SimpleNamespace(n_symbols=5, contexts=np.zeros((1, 3), int))
    >>> E, coefs, intercepts, labels = initial_parameters(
    ...     clf, data, np.random.RandomState(0))
    >>> E.shape, [c.shape for c in coefs], labels is None
    ((5, 2), [(6, 4), (4, 5)], True)
    """
    dtype = np.dtype(estimator.dtype)
    check_initial_memory(estimator, data)
    params = init_params(
        data.n_symbols,
        estimator.embedding_dim,
        estimator.n_features_in_,
        hidden_sizes(estimator),
        len(estimator.classes_),
        estimator.activation,
        dtype,
        rng,
        labels=label_table_shape(estimator),
    )
    return (*params[:3], params[3] if len(params) > 3 else None)


def check_params_together(estimator, partial):
    """Rules of the embedding MLP that involve two parameters, checked when fitting.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
        The model about to train.
    partial : bool
        Whether the call is ``partial_fit``.

    Raises
    ------
    ValueError
        Saying which parameters disagree and what to pass.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> check_params_together(CharEmbeddingMLPClassifier(), partial=True)
    """
    if estimator.early_stopping and partial:
        raise ValueError(
            "partial_fit does not support early_stopping=True; hold out your own "
            "names and call score, or use fit."
        )
    if estimator.early_stopping and estimator.average is not None:
        raise ValueError(
            f"average={estimator.average!r} cannot be combined with "
            "early_stopping=True: early stopping scores and restores the "
            "parameters of single epochs, not their average. Pass average=None "
            "or early_stopping=False."
        )
    if estimator.early_stopping and estimator.validation_fraction == 0:
        raise ValueError(
            f"validation_fraction={estimator.validation_fraction!r} holds out no "
            "data, but early_stopping=True needs a validation set; pass "
            "validation_fraction > 0 (e.g. 0.1) or early_stopping=False."
        )
    tiny = np.finfo(np.dtype(estimator.dtype)).tiny
    if estimator.epsilon < tiny:  # Adam divides by epsilon; 0 gives NaN weights
        raise ValueError(
            f"epsilon={estimator.epsilon!r} is too small for "
            f"dtype={estimator.dtype!r}: it "
            f"rounds to 0 or below the smallest normal number ({tiny:.3g}), and "
            "Adam divides by it. Pass epsilon >= 1e-8 (the default) or "
            "dtype='float64'."
        )
    sizes = np.asarray(estimator.hidden_layer_sizes)
    flags = np.asarray(estimator.hidden_layer_sizes, dtype=object).ravel()
    if (
        any(isinstance(h, (bool, np.bool_)) for h in flags)
        or sizes.ndim > 1
        or (sizes.size and (sizes.dtype.kind not in "iu" or sizes.min() < 1))
    ):
        raise InvalidParameterError(
            f"hidden_layer_sizes must hold positive integers; got "
            f"{estimator.hidden_layer_sizes!r}."
        )


def check_architecture(estimator):
    """Refuse to continue training weights of another shape.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
        A fitted estimator, about to train further.

    Raises
    ------
    ValueError
        When ``embedding_dim``, ``hidden_layer_sizes`` or
        ``label_embedding_dim`` no longer match the fitted weights, saying how
        to continue.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> X, y = np.array([[0, 1], [1, 2], [2, 0]]), np.array([1, 2, 0])
    >>> clf = CharEmbeddingMLPClassifier(max_iter=1, random_state=0).fit(X, y)
    >>> check_architecture(clf.set_params(embedding_dim=3))
    Traceback (most recent call last):
    ...
    ValueError: embedding_dim=3 and hidden_layer_sizes=(500,) do not match ...
    """
    n_inputs = first_layer_inputs(
        estimator.n_features_in_, estimator.embedding_dim, n_label_inputs(estimator)
    )
    expected = [n_inputs, *hidden_sizes(estimator)]
    actual = [c.shape[0] for c in estimator.coefs_]
    fitted_dim = estimator.embeddings_.shape[1]
    if fitted_dim != estimator.embedding_dim or expected != actual:
        raise ValueError(
            f"embedding_dim={estimator.embedding_dim!r} and hidden_layer_sizes="
            f"{estimator.hidden_layer_sizes!r} do not match the fitted weights "
            f"(embedding_dim={fitted_dim}, hidden_layer_sizes={tuple(actual[1:])}). "
            "Continuing training needs the same architecture: restore the "
            "parameters, or set warm_start=False and call fit to start again."
        )
    check_label_architecture(estimator)


def check_label_architecture(estimator):
    """Refuse to continue training label embeddings of another size.

    Parameters
    ----------
    estimator : estimator
        A fitted embedding MLP about to train on (``warm_start`` or
        ``partial_fit``).

    Raises
    ------
    ValueError
        If its ``label_embeddings_`` are not ``label_embedding_size`` wide.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> model = CharEmbeddingMLPClassifier(label_embedding_dim=3)
    >>> model.label_embeddings_ = np.zeros((2, 4))
    >>> check_label_architecture(model)
    Traceback (most recent call last):
    ...
    ValueError: label_embedding_dim=3 does not match the fitted label embeddings...
    """
    table = getattr(estimator, "label_embeddings_", None)
    if table is not None and table.shape[1] != label_embedding_size(estimator):
        raise ValueError(
            f"label_embedding_dim={estimator.label_embedding_dim!r} does not match "
            f"the fitted label embeddings ({table.shape[1]} numbers per label; "
            f"label_embedding_dim={estimator.label_embedding_dim!r} means "
            f"{label_embedding_size(estimator)}). Continuing training needs the "
            "same architecture: restore the parameter, or set warm_start=False "
            "and call fit to start again."
        )


def check_same_vocabulary(estimator, X):
    """Refuse a warm-started fit on windows of another vocabulary, saying why.

    In a pipeline, a warm-started ``fit`` refits the transformer first: with
    ``alphabet="auto"``, names with other characters give windows of another
    vocabulary, which the fitted weights (one row and column per symbol)
    cannot continue on.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
        A fitted estimator, about to train further.
    X : object
        The training input; only a :class:`~sknextchar.CharWindows` is checked.

    Raises
    ------
    ValueError
        Naming both vocabularies and what to do.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> windows = ContextWindowTransformer(alphabet="auto").fit_transform(["abba"])
    >>> clf = CharEmbeddingMLPClassifier(max_iter=1, random_state=0).fit(windows)
    >>> more = ContextWindowTransformer(alphabet="auto").fit_transform(["abc"])
    >>> check_same_vocabulary(clf, more)
    Traceback (most recent call last):
    ...
    ValueError: warm_start=True continues the model of the vocabulary '-ab', ...
    """
    vocabulary = getattr(X, "vocabulary", None)
    if not isinstance(X, CharWindows) or list(vocabulary) == list(estimator.classes_):
        return
    raise ValueError(
        "warm_start=True continues the model of the vocabulary "
        f"{''.join(estimator.classes_)!r}, but these windows use "
        f"{''.join(vocabulary)!r}: the transformer was fitted again, on names "
        "whose characters differ. A continued model keeps its vocabulary: set "
        "warm_start=False to train a new model on all the names, or give the "
        "transformer the model's characters (alphabet=...) and leave out names "
        "with others."
    )
