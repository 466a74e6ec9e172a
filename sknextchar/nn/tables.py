"""The first layer as per-position tables: fewer products when the batch is large.

The first layer's pre-activation of a window is ``concat(E[x_1], ..., E[x_L]) @ W``
(``W`` of shape ``(L*K, H)``). Split ``W`` into its ``L`` blocks of ``K`` rows,
``W_p``: the pre-activation is ``sum_p (E @ W_p)[x_p]``, a sum of rows of ``L``
tables of shape ``(V, H)``. With the batch's incidence matrix ``S`` (``n`` rows,
``L*V`` columns, a one in column ``p*V + x_p`` of each position ``p`` of each
window), that is ``S @ T`` with ``T`` the ``L`` tables stacked. Backward, the same
matrix gives each (position, symbol) pair its sum of the batch's deltas,
``G = S.T @ delta`` (``(L*V, H)``), and then

- the first layer's weights: ``dW_p = E.T @ G_p`` (a ``(K, V) @ (V, H)``
  product per position),
- the embeddings: ``dE = sum_p G_p @ W_p.T``.

The same sums as the gather-and-multiply form (``E[X] @ W``,
``E[X].T @ delta``, ``delta @ W.T`` and a scatter-add), in another order: the
results agree to round-off. The dense products cost ``3 n L K H``
multiply-adds; these ``3 V L K H`` plus ``2 n L H`` for the two sparse products.
With ``V = 27`` symbols and a batch of a hundred or more windows, that is far
fewer: on the tuned preset's shapes (``n = 128, L = 6, K = 24, H = 512``) the
first layer's forward and backward took 232 us against 489 us (float32, one
BLAS thread, November 2026). For small batches the sparse products' fixed costs
dominate (42 against 21 us at ``n = 32, L = 3, K = 10, H = 200``):
:func:`tables_pay_off` chooses, from a cost model fitted to such runs.
"""

import numpy as np
import scipy.sparse as sp

__all__ = [
    "FirstLayerTables",
    "first_layer_backward",
    "first_layer_forward",
    "tables_pay_off",
]

# Cost model of the first layer's forward and backward in each form, fitted by
# least squares to 21 measured shapes (n from 16 to 1024, L from 3 to 8, K from
# 2 to 24, H from 64 to 1024; float32, one BLAS thread, November 2026), in
# microseconds: the gather form per n*L*K*H, per n*L and fixed; the table form
# per V*L*K*H (the small products), per n*L*H (the sparse products), per L*H
# and fixed. The fit is within 15% of the measured ratio of the two forms on 17
# of the 21 shapes and picks the faster form on 20.
_GATHER_COST = (4.93e-5, 2.98e-2, 12.5)
_TABLE_COST = (5.15e-5, 1.86e-4, 1.51e-2, 20.4)
# The table form is chosen when it is predicted to take at most this share.
_MARGIN = 0.85


def tables_pay_off(n, context_length, embedding_dim, n_symbols, n_units):
    """Whether the table form should be faster than the gather form.

    Parameters
    ----------
    n : int
        Windows per batch.
    context_length, embedding_dim, n_symbols, n_units : int
        ``L``, ``K``, ``V`` and ``H`` (the first layer's units).

    Returns
    -------
    bool
        True when the cost model predicts the table form to take at most 85% of
        the gather form's time. Either form gives the same results up to
        round-off; only the speed depends on the choice.

    Examples
    --------
    >>> tables_pay_off(128, 6, 24, 27, 512)  # the tuned preset
    True
    >>> tables_pay_off(32, 3, 10, 27, 200)  # a small batch
    False
    """
    L, K, V, H = context_length, embedding_dim, n_symbols, n_units
    a, b, c = _GATHER_COST
    gather = a * n * L * K * H + b * n * L + c
    a, b, c, d = _TABLE_COST
    tables = a * V * L * K * H + b * n * L * H + c * L * H + d
    return bool(tables <= _MARGIN * gather)


class FirstLayerTables:
    """The work arrays of the table form for batches of ``n`` windows.

    Parameters
    ----------
    n : int
        Windows per batch.
    context_length : int
        ``L``.
    embeddings : ndarray of shape (V, K)
        Only the shape and dtype are read.
    n_units : int
        ``H``, the first layer's units.

    Attributes
    ----------
    incidence : scipy.sparse.csr_array of shape (n, L * V)
        The batch's incidence matrix; :meth:`set_contexts` writes its column
        indices (its rows always hold ``L`` ones, in increasing columns).
    tables : ndarray of shape (L, V, H)
        ``E @ W_p`` for each position ``p``.
    sums : ndarray of shape (L, V, H)
        Each (position, symbol) pair's sum of the deltas.
    embeddings_t : ndarray of shape (K, V)
        ``E.T``, contiguous.
    per_position : ndarray of shape (L, V, K)
        Each position's share of the embeddings' gradient.

    Examples
    --------
    >>> import numpy as np
    >>> work = FirstLayerTables(2, 3, np.zeros((5, 4)), n_units=8)
    >>> work.set_contexts(np.array([[0, 1, 2], [4, 4, 4]]))
    >>> work.incidence.toarray().nonzero()[1].tolist()  # column p * V + x_p
    [0, 6, 12, 4, 9, 14]
    """

    def __init__(self, n, context_length, embeddings, n_units):
        V, K = embeddings.shape
        L, dtype = context_length, embeddings.dtype
        self._offsets = np.arange(0, L * V, V)
        indptr = np.arange(0, n * L + 1, L)
        indices = np.tile(self._offsets, n)  # symbol 0 everywhere until set
        self.incidence = sp.csr_array(
            (np.ones(n * L, dtype), indices, indptr), shape=(n, L * V)
        )
        self.tables = np.empty((L, V, n_units), dtype)
        self.sums = np.empty((L, V, n_units), dtype)
        self.embeddings_t = np.empty((K, V), dtype)
        self.per_position = np.empty((L, V, K), dtype)

    def set_contexts(self, X):
        """Point the incidence matrix at the windows ``X`` (``(n, L)`` ids).

        Parameters
        ----------
        X : ndarray of int of shape (n, L)
            The batch's context ids, each in ``[0, V)``.

        Raises
        ------
        ValueError
            For an id outside ``[0, V)``: the sparse products do not check
            their column indices.

        Examples
        --------
        >>> import numpy as np
        >>> work = FirstLayerTables(1, 2, np.zeros((3, 4)), n_units=8)
        >>> work.set_contexts(np.array([[2, 0]]))
        >>> work.incidence.indices.tolist()  # column p * V + x_p
        [2, 3]
        >>> work.set_contexts(np.array([[0, 3]]))
        Traceback (most recent call last):
        ...
        ValueError: Context ids must be in [0, 3), the embeddings' rows; got ids ...
        """
        n, L = X.shape
        V = self.tables.shape[1]
        if X.size and (int(X.max()) >= V or int(X.min()) < 0):
            raise ValueError(
                f"Context ids must be in [0, {V}), the embeddings' rows; got ids "
                f"from {int(X.min())} to {int(X.max())}."
            )
        np.add(X, self._offsets, out=self.incidence.indices.reshape(n, L))


def first_layer_forward(work, embeddings, coef, out):
    """The first layer's pre-activation by tables, without intercept.

    Parameters
    ----------
    work : FirstLayerTables
        With :meth:`~FirstLayerTables.set_contexts` called on the batch.
    embeddings : ndarray of shape (V, K)
    coef : ndarray of shape (L * K, H)
        The context's rows of the first layer's weights.
    out : ndarray of shape (n, H)
        Where the result goes.

    Returns
    -------
    out : ndarray of shape (n, H)
        ``concatenated_embeddings(X, embeddings) @ coef``, up to round-off.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> E, W = rng.normal(size=(5, 2)), rng.normal(size=(6, 4))
    >>> X = rng.integers(0, 5, (7, 3))
    >>> work = FirstLayerTables(7, 3, E, n_units=4)
    >>> work.set_contexts(X)
    >>> Z = first_layer_forward(work, E, W, out=np.empty((7, 4)))
    >>> bool(np.allclose(Z, E[X].reshape(7, 6) @ W))
    True
    """
    L, V, H = work.tables.shape
    np.matmul(embeddings, coef.reshape(L, -1, H), out=work.tables)  # E @ W_p
    np.copyto(out, work.incidence @ work.tables.reshape(L * V, H))
    return out


def first_layer_backward(work, embeddings, coef, delta, grad_embeddings, grad_coef):
    """Gradients of the first layer's weights and of the embeddings, by tables.

    Parameters
    ----------
    work : FirstLayerTables
        As :func:`first_layer_forward` left it.
    embeddings : ndarray of shape (V, K)
    coef : ndarray of shape (L * K, H)
        The context's rows of the first layer's weights.
    delta : ndarray of shape (n, H)
        The gradient of the first layer's pre-activation.
    grad_embeddings : ndarray of shape (V, K)
        Written with the embeddings' gradient.
    grad_coef : ndarray of shape (L * K, H)
        Written with the weights' gradient.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> E, W = rng.normal(size=(5, 2)), rng.normal(size=(6, 4))
    >>> X, delta = rng.integers(0, 5, (7, 3)), rng.normal(size=(7, 4))
    >>> work = FirstLayerTables(7, 3, E, n_units=4)
    >>> work.set_contexts(X)
    >>> dE, dW = np.empty_like(E), np.empty_like(W)
    >>> first_layer_backward(work, E, W, delta, dE, dW)
    >>> bool(np.allclose(dW, E[X].reshape(7, 6).T @ delta))
    True
    >>> dE_loop = np.zeros_like(E)
    >>> np.add.at(dE_loop, X.ravel(), (delta @ W.T).reshape(21, 2))
    >>> bool(np.allclose(dE, dE_loop))
    True
    """
    L, V, H = work.sums.shape
    np.copyto(work.sums.reshape(L * V, H), work.incidence.T @ delta)
    np.copyto(work.embeddings_t, embeddings.T)
    np.matmul(work.embeddings_t, work.sums, out=grad_coef.reshape(L, -1, H))
    coef_t = coef.reshape(L, -1, H).transpose(0, 2, 1)  # (L, H, K): W_p.T
    np.matmul(work.sums, coef_t, out=work.per_position)
    np.add.reduce(work.per_position, axis=0, out=grad_embeddings)
