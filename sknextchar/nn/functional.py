"""The NumPy math of the character embedding MLP (Bengio et al. 2003).

Pure functions, no estimator state: activations and their derivatives (chosen
through lookup dicts keyed by the ``activation`` parameter), a stable
log-softmax, parameter initialisation, the forward pass
(batched for training, row by row for prediction), the loss and its gradient.
The dropout masks a training step multiplies the hidden layers by are drawn in
:mod:`sknextchar.nn.dropout`.

Notation used in the shape comments: ``n`` windows in the batch, ``L`` context
length, ``V`` embedding rows (symbols), ``K`` embedding dimension, ``H`` units of
the first layer after the embeddings, ``C`` classes; for a model of names by
label, ``J`` labels and ``D`` numbers in each label's embedding.

The first layer reads the concatenated embeddings of the context,
``E[X].reshape(n, L*K)``, gathered one batch at a time: the data stay small integer
ids. Its gradient reaches ``E`` by a scatter-add of each window's embedding
gradient into the rows of its ids, done as a product with a one-hot matrix of the
batch (``np.add.at`` is ten times slower). When it is faster at the step's
shapes (the tuned preset's, batches of 1024, the defaults'), a training step
computes the first layer instead from per-position tables ``E @ W_p`` and the
batch's sparse incidence matrix (:mod:`sknextchar.nn.tables`; the same sums in
another order): :class:`StepBuffers` holds that form's work arrays when
:func:`~sknextchar.nn.tables.tables_pay_off` chooses it. Prediction
(:func:`log_proba_by_row`) uses the tables too, built once per call: it makes
each window's first layer independent of the other windows.

The L2 penalty ``alpha / (2 n) * sum of squared weights`` (the convention of
scikit-learn's MLP) covers the embeddings as well as the coefficients, not the
intercepts. Penalising only ``W`` would be an empty constraint: scaling ``E`` up
and ``W`` down by the same factor leaves the model unchanged and the penalty
smaller, so the embeddings would drift to large norms. Bengio et al. (2003)
decay the embeddings too.

A model of names by label reads, beside the context, the label of each window as
the last column of ``X`` (ids in ``[0, J)``), with ``label_embeddings`` (``LE``, of
shape ``(J, D)``) and the last ``D`` rows of ``coefs[0]`` (``W_label``) as its
first-layer weights: the first layer's pre-activation is the context's plus
``(LE @ W_label)[label]``, a ``(J, H)`` table of offsets computed once per call and
gathered per row (of rank at most ``min(D, J)``). Its gradient sums the first
layer's delta per label into ``G`` (``(J, H)``): ``LE.T @ G`` for ``W_label``,
``G @ W_label.T`` for ``LE``. The L2 penalty covers ``LE`` as well.
"""

import functools

import numpy as np
from scipy.special import expit

from .._sizes import first_layer_inputs
from . import tables as _tables
from .dropout import dropout_masks, keep_units  # importable here, as before

__all__ = [
    "ACTIVATIONS",
    "DERIVATIVES",
    "StepBuffers",
    "backward",
    "concatenated_embeddings",
    "dropout_masks",
    "forward",
    "init_params",
    "keep_units",
    "label_offsets",
    "log_proba_by_row",
    "log_softmax",
    "loss",
    "squared_norm",
    "target_log_proba",
]


def identity(Z):
    """Identity activation, in place: returns ``Z``.

    Examples
    --------
    >>> import numpy as np
    >>> identity(np.array([-1.0, 2.0])).tolist()
    [-1.0, 2.0]
    """
    return Z


def tanh(Z):
    """Hyperbolic tangent activation, in place.

    Examples
    --------
    >>> import numpy as np
    >>> tanh(np.array([0.0, 100.0])).tolist()
    [0.0, 1.0]
    """
    return np.tanh(Z, out=Z)


def logistic(Z):
    """Logistic sigmoid activation, in place.

    Examples
    --------
    >>> import numpy as np
    >>> logistic(np.array([0.0])).tolist()
    [0.5]
    """
    return expit(Z, out=Z)


def relu(Z):
    """Rectified linear activation, in place.

    Examples
    --------
    >>> import numpy as np
    >>> relu(np.array([-1.0, 2.0])).tolist()
    [0.0, 2.0]
    """
    # Against a row of zeros, not the scalar 0: NumPy's vectorised loop needs
    # contiguous operands, and the scalar's loop is 6x slower (same results).
    return np.maximum(Z, _zeros(Z.shape[-1:], Z.dtype), out=Z)


@functools.lru_cache(maxsize=16)
def _zeros(shape, dtype):
    """A read-only array of zeros, made once per shape and dtype."""
    zeros = np.zeros(shape, dtype)
    zeros.flags.writeable = False
    return zeros


#: The activation functions, by the name the ``activation`` parameter takes.
ACTIVATIONS = {"identity": identity, "tanh": tanh, "logistic": logistic, "relu": relu}


# The derivatives are written in terms of the activation's output A (the input Z
# is overwritten in place by the forward pass) and multiply the delta in place.


def identity_derivative(A, delta, scratch=None):
    """Backpropagate ``delta`` through the identity: nothing to do.

    Examples
    --------
    >>> import numpy as np
    >>> identity_derivative(np.array([3.0]), np.array([0.5])).tolist()
    [0.5]
    """
    return delta


def tanh_derivative(A, delta, scratch=None):
    """Multiply ``delta`` by tanh' = 1 - A**2, in place.

    ``scratch``, an array shaped as ``delta``, holds the factor (allocated when
    None), as in the other derivatives.

    Examples
    --------
    >>> import numpy as np
    >>> tanh_derivative(np.array([0.0, 0.5]), np.array([1.0, 1.0])).tolist()
    [1.0, 0.75]
    """
    factor = np.multiply(A, A, out=scratch)  # one temporary where `1 - A * A` makes two
    np.subtract(1, factor, out=factor)
    delta *= factor
    return delta


def logistic_derivative(A, delta, scratch=None):
    """Multiply ``delta`` by the sigmoid's derivative A * (1 - A), in place.

    Examples
    --------
    >>> import numpy as np
    >>> logistic_derivative(np.array([0.5]), np.array([1.0])).tolist()
    [0.25]
    """
    factor = np.subtract(1, A, out=scratch)
    factor *= A
    delta *= factor
    return delta


def relu_derivative(A, delta, scratch=None):
    """Zero ``delta`` where the unit was inactive, in place.

    Examples
    --------
    >>> import numpy as np
    >>> relu_derivative(np.array([0.0, 2.0]), np.array([1.0, 1.0])).tolist()
    [0.0, 1.0]
    """
    # The comparison written as 0.0 and 1.0 in delta's dtype: multiplying by a
    # boolean array converts it element by element, 2x slower in all.
    if scratch is None:
        scratch = np.empty_like(delta)
    delta *= np.greater(A, 0, out=scratch)
    return delta


# Derivatives that read only the sign of the activation's output (and identity,
# which reads nothing): dropout's positive scaling leaves them unchanged.
_SIGN_DERIVATIVES = frozenset({"relu", "identity"})

#: The derivatives of the activations, by the same names as :data:`ACTIVATIONS`.
DERIVATIVES = {
    "identity": identity_derivative,
    "tanh": tanh_derivative,
    "logistic": logistic_derivative,
    "relu": relu_derivative,
}


def log_softmax(S):
    """Row-wise log-softmax, in place, stable for large scores.

    The same numbers as :func:`scipy.special.log_softmax` over ``axis=1``, written
    into ``S``: the training loop calls it on every batch, and not allocating a
    second array there is measurably faster.

    Parameters
    ----------
    S : ndarray of shape (n, C)
        Scores; overwritten.

    Returns
    -------
    S : ndarray of shape (n, C)
        The log-probabilities, in the same array.

    Examples
    --------
    >>> import numpy as np
    >>> S = np.array([[1000.0, 1000.0], [0.0, np.log(3.0)]])
    >>> np.exp(log_softmax(S)).round(2).tolist()
    [[0.5, 0.5], [0.25, 0.75]]
    """
    S -= S.max(axis=1, keepdims=True)  # the largest score becomes 0: no overflow
    S -= np.log(np.exp(S).sum(axis=1, keepdims=True))
    return S


def init_params(
    n_symbols,
    embedding_dim,
    context_length,
    hidden_layer_sizes,
    n_classes,
    activation,
    dtype,
    random_state,
    labels=None,
):
    """Random initial embeddings, coefficients and intercepts.

    Embeddings are standard normal, so the first layer sees unit-variance inputs.
    Hidden coefficients are Glorot-uniform (twice as wide for the logistic
    activation, whose slope at 0 is 1/4). The output layer and all intercepts
    start at zero, so the first prediction is uniform over the classes and the
    first loss is ``log(n_classes)`` rather than a large, confidently wrong value.

    Parameters
    ----------
    n_symbols, embedding_dim, context_length : int
        ``V``, ``K`` and ``L``.
    hidden_layer_sizes : sequence of int
        Units of each hidden layer (may be empty).
    n_classes : int
        ``C``.
    activation : str
        A key of :data:`ACTIVATIONS`.
    dtype : numpy dtype
        Floating dtype of every parameter.
    random_state : numpy.random.RandomState
        Source of randomness.
    labels : tuple (n_labels, label_embedding_dim) or None, default=None
        ``(J, D)`` for a model of names by label: a label embedding table is
        drawn too, and ``coefs[0]`` gets ``D`` more rows, the label's weights.

    Returns
    -------
    embeddings : ndarray of shape (n_symbols, embedding_dim)
        Standard normal.
    coefs : list of ndarray
        ``coefs[i]`` has shape ``(fan_in, fan_out)``; the first ``fan_in`` is
        ``context_length * embedding_dim`` (plus ``D`` with labels).
    intercepts : list of ndarray
        ``intercepts[i]`` has shape ``(fan_out,)``.
    label_embeddings : ndarray of shape (J, D)
        Standard normal, drawn after ``embeddings``; only when ``labels`` is
        given. With ``D = embedding_dim``, the draws are those of an embedding
        table of ``n_symbols + J`` rows and a context one position longer.

    Examples
    --------
    >>> import numpy as np
    >>> E, coefs, intercepts = init_params(
    ...     27, 10, 3, (64,), 27, "tanh", np.float32, np.random.RandomState(0))
    >>> E.shape, [c.shape for c in coefs], [b.shape for b in intercepts]
    ((27, 10), [(30, 64), (64, 27)], [(64,), (27,)])
    >>> E, coefs, intercepts, LE = init_params(
    ...     27, 10, 3, (64,), 27, "tanh", np.float32, np.random.RandomState(0),
    ...     labels=(2, 4))  # 2 labels, 4 numbers each
    >>> LE.shape, coefs[0].shape  # 3 * 10 context inputs and 4 label inputs
    ((2, 4), (34, 64))
    """
    embeddings = random_state.standard_normal((n_symbols, embedding_dim))
    label_embeddings = None if labels is None else random_state.standard_normal(labels)
    n_label_inputs = 0 if labels is None else labels[1]
    first = first_layer_inputs(context_length, embedding_dim, n_label_inputs)
    units = [first, *hidden_layer_sizes]
    units.append(n_classes)
    factor = 2.0 if activation == "logistic" else 1.0
    coefs, intercepts = [], []
    for fan_in, fan_out in zip(units[:-1], units[1:]):
        if len(coefs) == len(units) - 2:  # the output layer
            coef = np.zeros((fan_in, fan_out))
        else:
            bound = factor * np.sqrt(6.0 / (fan_in + fan_out))
            coef = random_state.uniform(-bound, bound, (fan_in, fan_out))
        coefs.append(coef.astype(dtype))
        intercepts.append(np.zeros(fan_out, dtype=dtype))
    params = (embeddings.astype(dtype), coefs, intercepts)
    return params if labels is None else (*params, label_embeddings.astype(dtype))


def label_offsets(label_embeddings, label_coef):
    """What each label adds to the first layer's pre-activation.

    Parameters
    ----------
    label_embeddings : ndarray of shape (J, D)
        Row ``j`` is the embedding of label ``j``.
    label_coef : ndarray of shape (D, H)
        The label's first-layer weights (the last ``D`` rows of ``coefs[0]``).

    Returns
    -------
    offsets : ndarray of shape (J, H)
        ``label_embeddings @ label_coef``: row ``j`` is added to the first
        layer of every window of label ``j``. Its rank is at most ``min(D, J)``.

    Examples
    --------
    >>> import numpy as np
    >>> label_offsets(np.array([[1.0], [-2.0]]), np.array([[0.5, 1.0]])).tolist()
    [[0.5, 1.0], [-1.0, -2.0]]
    """
    return np.matmul(label_embeddings, label_coef)


def _label_input(X, embeddings, coef, label_embeddings):
    """Context ids, label ids and the two blocks of ``coef`` of a labelled input.

    ``X``'s last column holds the label ids; ``coef`` (the first layer's) has the
    context's rows, then the label's.
    """
    X, label_ids = X[:, :-1], X[:, -1]
    n_context = X.shape[1] * embeddings.shape[1]
    if coef.shape[0] != n_context + label_embeddings.shape[1]:
        raise ValueError(
            f"The first layer has {coef.shape[0]} input rows, not the "
            f"{n_context} of the context plus the {label_embeddings.shape[1]} of "
            "the label embedding."
        )
    return X, label_ids, coef[:n_context], coef[n_context:]


def concatenated_embeddings(X, embeddings):
    """The embeddings of each context's ids, side by side.

    Parameters
    ----------
    X : ndarray of int of shape (n, L)
        Context ids.
    embeddings : ndarray of shape (V, K)
        Row ``v`` is the embedding of id ``v``.

    Returns
    -------
    concatenated : ndarray of shape (n, L * K)

    Examples
    --------
    >>> import numpy as np
    >>> E = np.array([[0.0, 0.5], [1.0, 1.5]])
    >>> concatenated_embeddings(np.array([[1, 0]]), E).tolist()
    [[1.0, 1.5, 0.0, 0.5]]
    """
    return embeddings[X].reshape(len(X), -1)  # (n, L, K) -> (n, L*K)


class StepBuffers:
    """The work arrays of a training step on batches of ``n`` windows.

    Allocated once and passed to :func:`forward` and :func:`backward` step after
    step, they take every array of the size of the batch that the two would
    otherwise allocate: allocating them anew each step costs page faults (in a
    fresh process, arrays of more than 128 KiB are returned to the system when
    freed) and cache misses.

    Parameters
    ----------
    n : int
        Windows per batch.
    context_length : int
        ``L`` (the label's column of a model of names by label not counted).
    embeddings : ndarray of shape (V, K)
    coefs : list of ndarray
        As returned by :func:`init_params`; only shapes and dtype are read.

    Attributes
    ----------
    gathered : ndarray of shape (n, L, K)
        The gathered embeddings of the batch's contexts.
    onehot : ndarray of shape (n * L, V)
        Zeros, for the scatter-add of the embeddings' gradient (left zeros).
    onehot_starts : ndarray of int of shape (n * L,)
        The flat index of each row of ``onehot``.
    outputs : list of ndarray
        Each layer's output, ``(n, fan_out)``: the hidden layers', then the
        scores (the log-probabilities).
    scores_t : ndarray of shape (C, n)
        Scratch for the scores, transposed.
    input_grads : list of ndarray
        The gradient of each layer's input, ``(n, fan_in)``: first the
        concatenated embeddings', then each hidden layer's output's.
    factors : list of ndarray
        Scratch of each hidden layer's shape, for the activation's derivative.
    rows : ndarray of int of shape (n,)
        ``arange(n)``.
    tables : FirstLayerTables or None
        The work arrays of the first layer's table form, when
        :func:`~sknextchar.nn.tables.tables_pay_off` says it is the faster form
        at these shapes (None otherwise): :func:`forward` and :func:`backward`
        then compute the first layer with them.

    Examples
    --------
    >>> import numpy as np
    >>> params = init_params(5, 2, 3, (4,), 5, "tanh", np.float32,
    ...                      np.random.RandomState(0))
    >>> buffers = StepBuffers(8, 3, params[0], params[1])
    >>> [a.shape for a in buffers.outputs], [a.shape for a in buffers.input_grads]
    ([(8, 4), (8, 5)], [(8, 6), (8, 4)])
    >>> hidden, log_proba = forward(np.zeros((8, 3), int), *params, "tanh",
    ...                             buffers=buffers)
    >>> log_proba is buffers.outputs[-1]
    True
    """

    def __init__(self, n, context_length, embeddings, coefs):
        V, K = embeddings.shape
        dtype = embeddings.dtype
        self.gathered = np.empty((n, context_length, K), dtype)
        self.onehot = np.zeros((n * context_length, V), dtype)
        self.onehot_starts = np.arange(0, n * context_length * V, V)
        self.outputs = [np.empty((n, c.shape[1]), dtype) for c in coefs]
        self.scores_t = np.empty((coefs[-1].shape[1], n), dtype)
        # The first layer's input is the context's L * K (a label's is apart).
        self.input_grads = [np.empty((n, context_length * K), dtype)]
        self.input_grads += [np.empty((n, c.shape[0]), dtype) for c in coefs[1:]]
        self.factors = [np.empty((n, c.shape[1]), dtype) for c in coefs[:-1]]
        self.rows = np.arange(n)
        H = coefs[0].shape[1]
        self.tables = None
        if len(coefs) > 1 and _tables.tables_pay_off(n, context_length, K, V, H):
            self.tables = _tables.FirstLayerTables(n, context_length, embeddings, H)


def forward(
    X,
    embeddings,
    coefs,
    intercepts,
    activation,
    masks=None,
    gathered=None,
    buffers=None,
    label_embeddings=None,
):
    """Hidden activations and class log-probabilities of a batch of windows.

    The training pass: one matrix product per layer for the whole batch. A BLAS
    computes such a product in blocks of rows, and the order in which it sums a
    row's terms may depend on the row's place in its block, so the last bits of
    a row's result can depend on the other rows of the batch. Prediction uses
    :func:`log_proba_by_row`, which does not have this dependence.

    Parameters
    ----------
    X : ndarray of int of shape (n, L)
        Context ids, each in ``[0, V)``.
    embeddings : ndarray of shape (V, K)
        Row ``v`` is the embedding of id ``v``.
    coefs, intercepts : list of ndarray
        As returned by :func:`init_params`.
    activation : str
        A key of :data:`ACTIVATIONS`.
    masks : list of ndarray or None, default=None
        Dropout multipliers from :func:`~sknextchar.nn.dropout.dropout_masks`
        (training only): the output of hidden layer ``i`` is multiplied by
        ``masks[i]``.
    gathered : ndarray of shape (n, L, K) or None, default=None
        A buffer (of the embeddings' dtype) to gather the context's embeddings
        into; pass the same buffer to :func:`backward`, which then reads it
        instead of gathering again.
    buffers : StepBuffers or None, default=None
        Work arrays for a batch of this size (the gather goes into its
        ``gathered`` unless ``gathered`` is given); pass the same to
        :func:`backward`. The results are then views of them, overwritten by
        the next call.
    label_embeddings : ndarray of shape (J, D) or None, default=None
        For a model of names by label: ``X`` has one more column, the label
        ids, and the last ``D`` rows of ``coefs[0]`` are the label's weights
        (see the module's docstring).

    Returns
    -------
    hidden : list of ndarray
        The output of each hidden layer (after dropout, when ``masks`` is
        given), ``hidden[i]`` of shape ``(n, hidden_layer_sizes[i])``.
    log_proba : ndarray of shape (n, C)
        Natural-log class probabilities.

    Examples
    --------
    >>> import numpy as np
    >>> params = init_params(5, 2, 3, (4,), 5, "tanh", np.float64,
    ...                      np.random.RandomState(0))
    >>> hidden, log_proba = forward(np.array([[0, 1, 2]]), *params, "tanh")
    >>> np.exp(log_proba).round(2).tolist()  # zero output layer: uniform
    [[0.2, 0.2, 0.2, 0.2, 0.2]]
    """
    activate = ACTIVATIONS[activation]
    outputs = [None] * len(coefs) if buffers is None else buffers.outputs
    first = coefs[0]
    if label_embeddings is not None:
        X, label_ids, first, label_coef = _label_input(
            X, embeddings, first, label_embeddings
        )
    work = _table_work(buffers, gathered)
    if gathered is None and buffers is not None:
        gathered = buffers.gathered
    if work is not None:  # the first layer as a sum of table rows
        work.set_contexts(X)
        A = _tables.first_layer_forward(work, embeddings, first, out=outputs[0])
    elif gathered is None:
        A = np.matmul(concatenated_embeddings(X, embeddings), first, out=outputs[0])
    else:  # the caller's buffer, read again by backward
        embeddings.take(X, axis=0, out=gathered)  # (n, L, K)
        A = np.matmul(gathered.reshape(len(X), -1), first, out=outputs[0])
    if label_embeddings is not None:
        A += label_offsets(label_embeddings, label_coef)[label_ids]  # (n, H)
    hidden = []
    for i in range(1, len(coefs)):
        A += intercepts[i - 1]
        A = activate(A)  # (n, H_i)
        if masks is not None:
            A *= masks[i - 1]
        hidden.append(A)
        A = np.matmul(A, coefs[i], out=outputs[i])  # (n, H_{i+1})
    A += intercepts[-1]
    return hidden, _log_softmax_rows(A, None if buffers is None else buffers.scores_t)


def _log_softmax_rows(S, scratch=None):
    """:func:`log_softmax`, the same numbers, with the rows' maximum found faster.

    NumPy reduces each of the n rows of C scores in its own inner loop; over a
    transposed copy, the maximum is C element-wise passes over n values (copy
    included, 2.4x faster at n = 128 and 3.7x at n = 1024, C = 27; exact in any
    order). The sums keep the row order, so that every bit stays as
    :func:`log_softmax` makes it. ``scratch``, of shape (C, n) (allocated when
    None), then holds the exponentials.
    """
    if scratch is None:
        scratch = np.empty(S.shape[::-1], S.dtype)
    np.copyto(scratch, S.T)
    # The ufuncs' reductions called directly: NumPy's wrappers cost 1-2 us each.
    S -= np.maximum.reduce(scratch, axis=0, keepdims=True).T
    exp = np.exp(S, out=scratch.reshape(S.shape))
    S -= np.log(np.add.reduce(exp, axis=1, keepdims=True))
    return S


def log_proba_by_row(
    X, embeddings, coefs, intercepts, activation, chunk_size=128, label_embeddings=None
):
    """Class log-probabilities of each window, computed independently of the others.

    The prediction pass. A single matrix product per layer for the whole batch
    (:func:`forward`) would let the last bits of a window's result depend on the
    other windows: some BLAS kernels (OpenBLAS's Haswell kernels, for one) sum a
    row's terms in an order that depends on where the row falls in their blocks,
    so ``predict_proba`` of permuted rows would not be the permuted predictions.
    Here every step is per window:

    - the first layer is a sum of table rows: ``E @ W_p``, the first layer's
      weights ``W_p`` of context position ``p`` applied to every embedding, is
      computed once per call (it does not depend on the windows), and a window's
      pre-activation is the sum over positions of the rows of its ids, plus the
      intercept (gathers and element-wise additions);
    - every later layer is a stack of vector-matrix products, one per window
      (``(n, 1, fan_in) @ (fan_in, fan_out)``).

    So a window's result is the same bits whether it is predicted alone, first
    or last in a batch, or in a batch of another size. Windows are processed
    ``chunk_size`` at a time, which bounds the memory of the activations and
    keeps them in cache: on the 113,163 windows of the bundled names, one BLAS
    thread, this took 104 ms against 164 ms for :func:`forward` over the whole
    batch with the default architecture, and 123 against 260 ms with
    ``make_tuned_pipeline``'s (a quiet run, November 2026). 128 windows of 500
    float32 units are 250 KiB: with 512 (1 MiB), each chunk's temporaries went
    back to the system and were faulted in again (1,388 page faults in the
    model's calls of one ``sample(10_000)``, none with 128), and those calls
    took 1.3x as long.

    Parameters
    ----------
    X : ndarray of int of shape (n, L)
        Context ids, each in ``[0, V)``.
    embeddings : ndarray of shape (V, K)
        Row ``v`` is the embedding of id ``v``.
    coefs, intercepts : list of ndarray
        As returned by :func:`init_params`.
    activation : str
        A key of :data:`ACTIVATIONS`.
    chunk_size : int, default=128
        Windows per pass.
    label_embeddings : ndarray of shape (J, D) or None, default=None
        For a model of names by label (``X``'s last column is the label ids):
        the label's row of :func:`label_offsets`, computed once per call, is
        added to each window's first layer.

    Returns
    -------
    log_proba : ndarray of shape (n, C)
        Natural-log class probabilities; the same as :func:`forward`'s up to
        the rounding of the sums.

    Examples
    --------
    >>> import numpy as np
    >>> params = init_params(5, 2, 3, (4,), 5, "tanh", np.float32,
    ...                      np.random.RandomState(0))
    >>> X = np.random.RandomState(1).randint(0, 5, (50, 3))
    >>> batch = log_proba_by_row(X, *params, "tanh")
    >>> alone = log_proba_by_row(X[7:8], *params, "tanh")
    >>> bool((batch[7] == alone[0]).all())
    True
    """
    activate = ACTIVATIONS[activation]
    first, offsets_by_label = coefs[0], None
    if label_embeddings is not None:
        X, label_ids, first, label_coef = _label_input(
            X, embeddings, first, label_embeddings
        )
        offsets_by_label = label_offsets(label_embeddings, label_coef)  # (J, H)
    n, L = X.shape
    V, K = embeddings.shape
    table = np.matmul(embeddings, first.reshape(L, K, -1))  # (L, V, H): E @ W_p
    table = table.reshape(L * V, -1)
    offsets = np.arange(0, L * V, V)  # the table's first row of each position
    later = [(_vector_matrix_layout(c), b) for c, b in zip(coefs[1:], intercepts[1:])]
    out = np.empty((n, coefs[-1].shape[1]), dtype=coefs[-1].dtype)
    for start in range(0, n, chunk_size):
        rows = X[start : start + chunk_size] + offsets  # (m, L) rows of the table
        A = table[rows[:, 0]]  # (m, H)
        for p in range(1, L):
            A += table[rows[:, p]]
        if offsets_by_label is not None:
            A += offsets_by_label[label_ids[start : start + chunk_size]]
        A += intercepts[0]
        A = A[:, np.newaxis, :]  # (m, 1, H): one vector per window
        for coef, intercept in later:
            A = activate(A)
            A = np.matmul(A, coef)  # (m, 1, H_next)
            A += intercept
        out[start : start + chunk_size] = log_softmax(A[:, 0, :])  # (m, C)
    return out


def _vector_matrix_layout(coef):
    """The memory order in which ``x @ coef`` is fastest for one vector ``x``.

    A narrow matrix (``fan_out < fan_in``, the output layer) is faster as dot
    products over its columns (Fortran order): measured 1.5x faster for
    ``500 -> 27``.
    """
    return np.asfortranarray(coef) if coef.shape[1] < coef.shape[0] else coef


def target_log_proba(log_proba, targets):
    """Each row's log-probability of its own target.

    Parameters
    ----------
    log_proba : ndarray of shape (n, C)
        Log-probabilities, one row per window.
    targets : array-like of int of shape (n,)
        The column of each row's target.

    Returns
    -------
    picked : ndarray of shape (n,)
        ``log_proba[i, targets[i]]`` for every row ``i``.

    Examples
    --------
    >>> import numpy as np
    >>> log_proba = np.log(np.array([[0.5, 0.5], [0.25, 0.75]]))
    >>> np.exp(target_log_proba(log_proba, [1, 1])).tolist()
    [0.5, 0.75]
    """
    return log_proba[np.arange(len(log_proba)), targets]


def squared_norm(weights):
    """Sum of the squares of every array in ``weights``.

    Parameters
    ----------
    weights : iterable of ndarray

    Returns
    -------
    total : float

    Examples
    --------
    >>> import numpy as np
    >>> squared_norm([np.array([3.0]), np.array([[4.0]])])
    25.0
    """
    return float(sum(np.dot(w.ravel(), w.ravel()) for w in weights))


def loss(log_proba, y, weights, alpha, row_weights=None):
    """Mean cross-entropy plus the L2 penalty ``alpha / (2 n) * ||weights||**2``.

    Parameters
    ----------
    log_proba : ndarray of shape (n, C)
        As returned by :func:`forward`.
    y : ndarray of int of shape (n,)
        Class index of each window, in ``[0, C)``.
    weights : iterable of ndarray
        The penalised arrays: the embeddings and the coefficients.
    alpha : float
        L2 strength.
    row_weights : ndarray of shape (n,) or None, default=None
        A factor on each window's cross-entropy: the data term becomes
        ``sum_i row_weights[i] * CE_i / n`` (the loss whose gradient
        :func:`backward` computes with the same ``row_weights``). None is all
        ones.

    Returns
    -------
    loss : float
        The batch's mean loss, in nats.

    Examples
    --------
    >>> import numpy as np
    >>> log_proba = np.log(np.array([[0.5, 0.5], [0.25, 0.75]]))
    >>> round(loss(log_proba, np.array([0, 1]), [np.ones(2)], alpha=0.0), 4)
    0.4904
    >>> w = np.array([2.0, 0.0])  # the first window twice, the second left out
    >>> round(loss(log_proba, np.array([0, 1]), [], 0.0, row_weights=w), 4)
    0.6931
    """
    n = len(y)
    if row_weights is None:
        picked = target_log_proba(log_proba, y)
        data = -float(np.add.reduce(picked, dtype=np.float64)) / n
    else:
        picked = target_log_proba(log_proba, y).astype(np.float64)
        data = -float(np.dot(picked, row_weights.astype(np.float64))) / n
    if alpha:
        data += 0.5 * alpha / n * squared_norm(weights)
    return data


def backward(
    X,
    y,
    embeddings,
    coefs,
    hidden,
    log_proba,
    activation,
    alpha,
    out=None,
    masks=None,
    gathered=None,
    onehot=None,
    buffers=None,
    label_embeddings=None,
    row_weights=None,
):
    """Gradient of :func:`loss` with respect to every parameter.

    Parameters
    ----------
    X, y : ndarray of int
        The batch: contexts ``(n, L)`` and class indices ``(n,)``.
    embeddings, coefs : ndarray and list of ndarray
        The parameters the forward pass used (intercepts are not needed).
    hidden, log_proba : list of ndarray and ndarray
        The outputs of :func:`forward` on ``X``. ``log_proba`` is overwritten
        (it becomes scratch space).
    activation : str
        A key of :data:`DERIVATIVES`.
    alpha : float
        L2 strength.
    out : tuple (grad_embeddings, grad_coefs, grad_intercepts), optional
        Arrays to write the gradients into (for example views into one flat
        buffer); allocated when None. With ``label_embeddings``, a fourth
        array, ``grad_label_embeddings``.
    masks : list of ndarray or None, default=None
        The dropout multipliers the forward pass used.
    gathered : ndarray of shape (n, L, K) or None, default=None
        The buffer :func:`forward` gathered the embeddings into, if it was
        given one.
    onehot : ndarray of shape (n * L, V) or None, default=None
        A buffer of zeros for the scatter-add of the embeddings' gradient; it is
        left all zeros again (its ones are cleared one by one). None to allocate
        one.
    buffers : StepBuffers or None, default=None
        The work arrays :func:`forward` was given (``gathered`` and ``onehot``,
        when given, take precedence over theirs).
    label_embeddings : ndarray of shape (J, D) or None, default=None
        As given to :func:`forward` (``X``'s last column is the label ids).
    row_weights : ndarray of shape (n,) or None, default=None
        A factor on each window's cross-entropy (negative factors allowed): the
        gradient of ``sum_i row_weights[i] * CE_i / n``. None is all ones.

    Returns
    -------
    grad_embeddings : ndarray of shape (V, K)
        Gradient with respect to the embeddings.
    grad_coefs : list of ndarray
        Gradient with respect to each coefficient matrix.
    grad_intercepts : list of ndarray
        Gradient with respect to each intercept vector.
    grad_label_embeddings : ndarray of shape (J, D)
        Only with ``label_embeddings``.

    Examples
    --------
    >>> import numpy as np
    >>> params = init_params(5, 2, 3, (4,), 5, "tanh", np.float64,
    ...                      np.random.RandomState(0))
    >>> X, y = np.array([[0, 1, 2]]), np.array([3])
    >>> hidden, log_proba = forward(X, *params, "tanh")
    >>> g_E, g_coefs, g_intercepts = backward(
    ...     X, y, params[0], params[1], hidden, log_proba, "tanh", alpha=0.0)
    >>> g_intercepts[-1].round(2).tolist()  # softmax minus the one-hot target
    [0.2, 0.2, 0.2, -0.8, 0.2]
    """
    if out is None:
        out = _gradient_arrays(embeddings, coefs, label_embeddings)
    grad_embeddings, grad_coefs, grad_intercepts = out[:3]
    n = len(y)
    if buffers is None:
        buffers = _NoBuffers(len(coefs), np.arange(n))
    delta = _output_delta(log_proba, y, buffers.rows, row_weights)
    for i in range(len(coefs) - 1, 0, -1):
        A = hidden[i - 1]  # (n, H_i), input of layer i
        np.matmul(A.T, delta, out=grad_coefs[i])  # (H_i, H_{i+1})
        np.add.reduce(delta, axis=0, out=grad_intercepts[i])  # np.sum, less overhead
        # (n, H_i), gradient of the layer's output
        delta = np.matmul(delta, coefs[i].T, out=buffers.input_grads[i])
        mask = None if masks is None else masks[i - 1]
        _activation_backward(activation, A, delta, mask, buffers.factors[i - 1])
    np.add.reduce(delta, axis=0, out=grad_intercepts[0])
    _input_backward(
        X, embeddings, coefs[0], delta, out, label_embeddings,
        buffers.gathered if gathered is None else gathered,
        buffers.onehot if onehot is None else onehot, buffers,
        _table_work(buffers, gathered),
    )  # fmt: skip
    if alpha:
        scale = alpha / n
        grad_embeddings += scale * embeddings
        for coef, grad in zip(coefs, grad_coefs):
            grad += scale * coef
        if label_embeddings is not None:
            grad_label_embeddings = out[3]
            grad_label_embeddings += scale * label_embeddings
    return tuple(out)


def _output_delta(log_proba, y, rows, row_weights):
    """d(mean cross-entropy)/d(scores), in place of ``log_proba``; rows weighted."""
    delta = np.exp(log_proba, out=log_proba)  # (n, C) softmax
    delta[rows, y] -= 1  # d(cross-entropy)/d(scores)
    delta /= len(y)
    if row_weights is not None:
        delta *= row_weights[:, None]
    return delta


def _gradient_arrays(embeddings, coefs, label_embeddings):
    """New arrays for :func:`backward`'s gradients, in the order of its ``out``."""
    arrays = (
        np.empty_like(embeddings),
        [np.empty_like(c) for c in coefs],
        [np.empty(c.shape[1], dtype=c.dtype) for c in coefs],
    )
    if label_embeddings is None:
        return arrays
    return (*arrays, np.empty_like(label_embeddings))


def _table_work(buffers, gathered):
    """The table form's work arrays if the step's first layer uses them, else None.

    :func:`forward` and :func:`backward` decide alike: the buffers chose the
    table form and the caller gave no ``gathered`` buffer of its own.
    """
    return None if gathered is not None else getattr(buffers, "tables", None)


def _input_backward(
    X, embeddings, coef, delta, out, label_embeddings, gathered, onehot, buffers,
    work,
):  # fmt: skip
    """Gradients of the first layer's weights and of the embeddings it read.

    The context's part by :func:`_first_layer_backward`, or from the tables of
    ``work`` (which :func:`forward` pointed at the batch's contexts) when it is
    not None; with labels (``X``'s last column), the label's part of ``coef``
    and the label embeddings by :func:`_label_backward`, into ``out[3]``.
    """
    grad_coef = out[1][0]
    if label_embeddings is not None:
        X, label_ids, coef, label_coef = _label_input(
            X, embeddings, coef, label_embeddings
        )
        grad_coef, grad_label_coef = grad_coef[: len(coef)], grad_coef[len(coef) :]
        _label_backward(
            label_ids, label_embeddings, label_coef, delta, out[3], grad_label_coef
        )
    if work is not None:
        _tables.first_layer_backward(work, embeddings, coef, delta, out[0], grad_coef)
        return
    _first_layer_backward(
        X, embeddings, coef, delta, out[0], grad_coef, gathered, onehot,
        buffers.input_grads[0], buffers.onehot_starts,
    )  # fmt: skip


def _label_backward(
    label_ids, label_embeddings, label_coef, delta, grad_embeddings, grad_coef
):
    """Gradients of the label embeddings and weights from the first layer's delta.

    The label adds ``(LE @ W)[label]`` to the first layer: its gradient is the
    delta summed per label, ``G`` (J, H), as a product with the batch's one-hot
    matrix of labels; then ``LE.T @ G`` for ``W`` and ``G @ W.T`` for ``LE``.
    """
    onehot = np.zeros((len(label_embeddings), len(label_ids)), delta.dtype)
    onehot[label_ids, np.arange(len(label_ids))] = 1
    per_label = np.matmul(onehot, delta)  # (J, H)
    np.matmul(label_embeddings.T, per_label, out=grad_coef)  # (D, H)
    np.matmul(per_label, label_coef.T, out=grad_embeddings)  # (J, D)


class _NoBuffers:
    """What :func:`backward` reads of a StepBuffers when it was given none."""

    gathered = onehot = onehot_starts = None

    def __init__(self, n_layers, rows):
        self.input_grads = self.factors = [None] * n_layers
        self.rows = rows


def _activation_backward(activation, A, delta, mask, scratch):
    """Multiply ``delta`` (in place) by the dropout mask and the activation's slope.

    ``A`` is the layer's output after dropout. ReLU's derivative needs only the
    sign of its output, which the positive scaling of the kept units keeps; the
    other activations read their own output, undone from the scaling where the
    unit was kept (where it was dropped, delta is already 0). The mask holds 0 or
    a scale of at least 1, so ``max(mask, 1)`` divides the kept units by the
    scale and leaves the dropped ones (zeros) alone, without the branches of a
    ``where=`` division (10x slower on random masks).
    """
    if mask is not None:
        delta *= mask
        if activation not in _SIGN_DERIVATIVES:
            ones = np.ones(mask.shape[-1:], mask.dtype)  # a row: the vectorised loop
            A = np.divide(A, np.maximum(mask, ones, out=scratch), out=scratch)
            scratch = None
    DERIVATIVES[activation](A, delta, scratch)


def _first_layer_backward(
    X,
    embeddings,
    coef,
    delta,
    grad_embeddings,
    grad_coef,
    gathered=None,
    onehot=None,
    grad_gathered=None,
    onehot_starts=None,
):
    """Gradients of the first layer's weights and of the embeddings it read."""
    n, L = X.shape
    V, K = embeddings.shape
    if gathered is None:
        gathered = concatenated_embeddings(X, embeddings)
    np.matmul(gathered.reshape(n, L * K).T, delta, out=grad_coef)
    # (n, L*K): gradient of each concatenated embedding
    grad_emb = np.matmul(delta, coef.T, out=grad_gathered)
    # Scatter-add row (i, p) of grad_emb into row X[i, p] of the embeddings.
    if onehot is None:
        onehot = np.zeros((n * L, V), dtype=delta.dtype)  # one batch only
    if onehot_starts is None:
        onehot_starts = np.arange(0, n * L * V, V)
    ones = onehot_starts + X.reshape(-1)
    flat = onehot.reshape(-1)
    flat[ones] = 1
    np.matmul(onehot.T, grad_emb.reshape(n * L, K), out=grad_embeddings)  # (V, K)
    flat[ones] = 0  # all zeros again, for the next batch
