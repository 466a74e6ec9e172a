"""The shape of an embedding MLP: its first parameters, and the check that it is kept.

:class:`~sknextchar.CharEmbeddingMLPClassifier` draws its parameters from its
hyperparameters once, and every later training call (``warm_start``,
``partial_fit``) must continue with the same shapes. Both are here, read from the
estimator's parameters and fitted attributes; the estimator only calls them.
"""

import numpy as np

from ._labels import check_label_architecture, label_table_shape, n_label_inputs
from ._sizes import check_weight_memory
from ._windows import CharWindows
from .nn.functional import init_params

__all__ = [
    "check_architecture",
    "check_same_vocabulary",
    "hidden_sizes",
    "initial_parameters",
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
        When the weights would not fit in memory (naming the sizes).

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
    check_weight_memory(  # a ValueError naming the sizes, not an OverflowError
        data.n_symbols,
        estimator.embedding_dim,
        data.contexts.shape[1],
        hidden_sizes(estimator),
        len(estimator.classes_),
        dtype.itemsize,
        labels=label_table_shape(estimator),
    )
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
    n_inputs = estimator.n_features_in_ * estimator.embedding_dim + n_label_inputs(
        estimator
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
