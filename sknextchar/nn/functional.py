"""The NumPy math of the character embedding MLP (Bengio et al. 2003).

Pure functions, no estimator state: activations and their derivatives (chosen
through lookup dicts keyed by the ``activation`` parameter), a stable
log-softmax, parameter initialisation, inverted-dropout masks, the forward pass
(batched for training, row by row for prediction), the loss and its gradient.

Notation used in the shape comments: ``n`` windows in the batch, ``L`` context
length, ``V`` embedding rows (symbols), ``K`` embedding dimension, ``H`` units of
the first layer after the embeddings, ``C`` classes.

The first layer reads the concatenated embeddings of the context,
``E[X].reshape(n, L*K)``, gathered one batch at a time: the data stay small integer
ids. Its gradient reaches ``E`` by a scatter-add of each window's embedding
gradient into the rows of its ids, done as a product with a one-hot matrix of the
batch (``np.add.at`` is ten times slower). For training, precomputing the
``(L*V, H)`` table ``E @ W_p`` per position and gathering its rows was measured
too: rebuilt at every step, it is faster only for batches of several hundred
windows and slower for small ones, so the simpler computation is used.
Prediction (:func:`log_proba_by_row`) does use the table, built once per call:
it makes each window's first layer independent of the other windows.

The L2 penalty ``alpha / (2 n) * sum of squared weights`` (the convention of
scikit-learn's MLP) covers the embeddings as well as the coefficients, not the
intercepts. Penalising only ``W`` would be an empty constraint: scaling ``E`` up
and ``W`` down by the same factor leaves the model unchanged and the penalty
smaller, so the embeddings would drift to large norms. Bengio et al. (2003)
decay the embeddings too.
"""

import numpy as np
from scipy.special import expit

__all__ = [
    "ACTIVATIONS",
    "DERIVATIVES",
    "backward",
    "concatenated_embeddings",
    "dropout_masks",
    "forward",
    "init_params",
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
    return np.maximum(Z, 0, out=Z)


#: The activation functions, by the name the ``activation`` parameter takes.
ACTIVATIONS = {"identity": identity, "tanh": tanh, "logistic": logistic, "relu": relu}


# The derivatives are written in terms of the activation's output A (the input Z
# is overwritten in place by the forward pass) and multiply the delta in place.


def identity_derivative(A, delta):
    """Backpropagate ``delta`` through the identity: nothing to do.

    Examples
    --------
    >>> import numpy as np
    >>> identity_derivative(np.array([3.0]), np.array([0.5])).tolist()
    [0.5]
    """
    return delta


def tanh_derivative(A, delta):
    """Multiply ``delta`` by tanh' = 1 - A**2, in place.

    Examples
    --------
    >>> import numpy as np
    >>> tanh_derivative(np.array([0.0, 0.5]), np.array([1.0, 1.0])).tolist()
    [1.0, 0.75]
    """
    factor = np.multiply(A, A)  # one temporary where `1 - A * A` makes two
    np.subtract(1, factor, out=factor)
    delta *= factor
    return delta


def logistic_derivative(A, delta):
    """Multiply ``delta`` by the sigmoid's derivative A * (1 - A), in place.

    Examples
    --------
    >>> import numpy as np
    >>> logistic_derivative(np.array([0.5]), np.array([1.0])).tolist()
    [0.25]
    """
    factor = np.subtract(1, A)
    factor *= A
    delta *= factor
    return delta


def relu_derivative(A, delta):
    """Zero ``delta`` where the unit was inactive, in place.

    Examples
    --------
    >>> import numpy as np
    >>> relu_derivative(np.array([0.0, 2.0]), np.array([1.0, 1.0])).tolist()
    [0.0, 1.0]
    """
    delta *= A > 0  # 10x faster than masked assignment
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

    Returns
    -------
    embeddings : ndarray of shape (n_symbols, embedding_dim)
        Standard normal.
    coefs : list of ndarray
        ``coefs[i]`` has shape ``(fan_in, fan_out)``; the first ``fan_in`` is
        ``context_length * embedding_dim``.
    intercepts : list of ndarray
        ``intercepts[i]`` has shape ``(fan_out,)``.

    Examples
    --------
    >>> import numpy as np
    >>> E, coefs, intercepts = init_params(
    ...     27, 10, 3, (64,), 27, "tanh", np.float32, np.random.RandomState(0))
    >>> E.shape, [c.shape for c in coefs], [b.shape for b in intercepts]
    ((27, 10), [(30, 64), (64, 27)], [(64,), (27,)])
    """
    embeddings = random_state.standard_normal((n_symbols, embedding_dim))
    units = [context_length * embedding_dim, *hidden_layer_sizes, n_classes]
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
    return embeddings.astype(dtype), coefs, intercepts


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


def dropout_masks(n, hidden_layer_sizes, rate, generator, dtype):
    """Inverted-dropout multipliers of one batch, one array per hidden layer.

    Each unit of each window is kept with probability ``1 - rate`` and then
    scaled by ``1 / (1 - rate)``, so the expected output of a layer is the same
    with and without dropout and prediction needs no rescaling (Srivastava et
    al., "Dropout: a simple way to prevent neural networks from overfitting",
    JMLR 15, 2014).

    Parameters
    ----------
    n : int
        Windows in the batch.
    hidden_layer_sizes : sequence of int
        Units of each hidden layer.
    rate : float
        Probability of dropping a unit, in [0, 1).
    generator : numpy.random.Generator
        Source of randomness.
    dtype : numpy dtype
        Floating dtype of the masks.

    Returns
    -------
    masks : list of ndarray
        ``masks[i]`` has shape ``(n, hidden_layer_sizes[i])`` and holds 0 or
        ``1 / (1 - rate)``.

    Examples
    --------
    >>> import numpy as np
    >>> (mask,) = dropout_masks(2, (4,), 0.5, np.random.default_rng(0), np.float32)
    >>> mask.shape, sorted(set(mask.ravel().tolist())) <= [0.0, 2.0]
    ((2, 4), True)
    """
    scale = np.dtype(dtype).type(1.0 / (1.0 - rate))
    masks = []
    for size in hidden_layer_sizes:
        keep = generator.random((n, size), dtype=np.float32) >= rate  # (n, H_i)
        masks.append(keep.astype(dtype) * scale)
    return masks


def forward(X, embeddings, coefs, intercepts, activation, masks=None, gathered=None):
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
        Dropout multipliers from :func:`dropout_masks` (training only): the
        output of hidden layer ``i`` is multiplied by ``masks[i]``.
    gathered : ndarray of shape (n, L, K) or None, default=None
        A buffer (of the embeddings' dtype) to gather the context's embeddings
        into; pass the same buffer to :func:`backward`, which then reads it
        instead of gathering again.

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
    if gathered is None:
        A = concatenated_embeddings(X, embeddings) @ coefs[0]  # (n, H)
    else:  # the caller's buffer, read again by backward
        np.take(embeddings, X, axis=0, out=gathered)  # (n, L, K)
        A = gathered.reshape(len(X), -1) @ coefs[0]
    A += intercepts[0]
    hidden = []
    for i, (coef, intercept) in enumerate(zip(coefs[1:], intercepts[1:])):
        A = activate(A)  # (n, H_i)
        if masks is not None:
            A *= masks[i]
        hidden.append(A)
        A = A @ coef  # (n, H_{i+1})
        A += intercept
    return hidden, log_softmax(A)  # (n, C)


def log_proba_by_row(X, embeddings, coefs, intercepts, activation, chunk_size=512):
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
    keeps them in cache: on the bundled names this runs within 15% of the
    batched products for the default architecture, and faster than them for
    wide contexts (``make_tuned_pipeline``'s).

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
    chunk_size : int, default=512
        Windows per pass.

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
    n, L = X.shape
    V, K = embeddings.shape
    table = np.matmul(embeddings, coefs[0].reshape(L, K, -1))  # (L, V, H): E @ W_p
    table = table.reshape(L * V, -1)
    offsets = np.arange(0, L * V, V)  # the table's first row of each position
    later = [(_vector_matrix_layout(c), b) for c, b in zip(coefs[1:], intercepts[1:])]
    out = np.empty((n, coefs[-1].shape[1]), dtype=coefs[-1].dtype)
    for start in range(0, n, chunk_size):
        rows = X[start : start + chunk_size] + offsets  # (m, L) rows of the table
        A = table[rows[:, 0]]  # (m, H)
        for p in range(1, L):
            A += table[rows[:, p]]
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


def loss(log_proba, y, weights, alpha):
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
    """
    n = len(y)
    data = -float(target_log_proba(log_proba, y).sum(dtype=np.float64)) / n
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
        buffer); allocated when None.
    masks : list of ndarray or None, default=None
        The dropout multipliers the forward pass used.
    gathered : ndarray of shape (n, L, K) or None, default=None
        The buffer :func:`forward` gathered the embeddings into, if it was
        given one.
    onehot : ndarray of shape (n * L, V) or None, default=None
        A buffer of zeros for the scatter-add of the embeddings' gradient; it is
        left all zeros again (its ones are cleared one by one). None to allocate
        one.

    Returns
    -------
    grad_embeddings : ndarray of shape (V, K)
        Gradient with respect to the embeddings.
    grad_coefs : list of ndarray
        Gradient with respect to each coefficient matrix.
    grad_intercepts : list of ndarray
        Gradient with respect to each intercept vector.

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
        out = (
            np.empty_like(embeddings),
            [np.empty_like(c) for c in coefs],
            [np.empty(c.shape[1], dtype=c.dtype) for c in coefs],
        )
    grad_embeddings, grad_coefs, grad_intercepts = out
    derivative = DERIVATIVES[activation]
    n = len(y)
    delta = np.exp(log_proba, out=log_proba)  # (n, C) softmax
    delta[np.arange(n), y] -= 1  # d(cross-entropy)/d(scores)
    delta /= n
    for i in range(len(coefs) - 1, 0, -1):
        A = hidden[i - 1]  # (n, H_i), input of layer i
        np.matmul(A.T, delta, out=grad_coefs[i])  # (H_i, H_{i+1})
        np.sum(delta, axis=0, out=grad_intercepts[i])
        delta = delta @ coefs[i].T  # (n, H_i), gradient of the layer's output
        if masks is not None:
            mask = masks[i - 1]
            delta *= mask
            if activation not in _SIGN_DERIVATIVES:
                # The activation's own output, undoing the dropout scaling where
                # the unit was kept (where it was dropped, delta is already 0).
                A = np.divide(A, mask, out=np.zeros_like(A), where=mask != 0)
            # ReLU's derivative needs only the sign of its output, which the
            # positive scaling of the kept units keeps: no division needed.
        delta = derivative(A, delta)
    np.sum(delta, axis=0, out=grad_intercepts[0])
    _first_layer_backward(
        X, embeddings, coefs[0], delta, grad_embeddings, grad_coefs[0], gathered, onehot
    )
    if alpha:
        scale = alpha / n
        grad_embeddings += scale * embeddings
        for coef, grad in zip(coefs, grad_coefs):
            grad += scale * coef
    return grad_embeddings, grad_coefs, grad_intercepts


def _first_layer_backward(
    X, embeddings, coef, delta, grad_embeddings, grad_coef, gathered=None, onehot=None
):
    """Gradients of the first layer's weights and of the embeddings it read."""
    n, L = X.shape
    V, K = embeddings.shape
    if gathered is None:
        gathered = concatenated_embeddings(X, embeddings)
    np.matmul(gathered.reshape(n, L * K).T, delta, out=grad_coef)
    grad_emb = delta @ coef.T  # (n, L*K): gradient of each concatenated embedding
    # Scatter-add row (i, p) of grad_emb into row X[i, p] of the embeddings.
    if onehot is None:
        onehot = np.zeros((n * L, V), dtype=delta.dtype)  # one batch only
    ones = np.arange(0, n * L * V, V) + X.reshape(-1)
    flat = onehot.reshape(-1)
    flat[ones] = 1
    np.matmul(onehot.T, grad_emb.reshape(n * L, K), out=grad_embeddings)  # (V, K)
    flat[ones] = 0  # all zeros again, for the next batch
