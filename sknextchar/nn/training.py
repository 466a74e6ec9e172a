"""The pieces of a training run, as small objects that
:mod:`sknextchar._mlp_epochs` puts together.

- :class:`ParameterWorkspace`: the parameters and their gradients as views into
  two flat buffers, so an optimizer step is a few vectorised operations.
- :class:`MinibatchTrainer`: one epoch of mini-batch steps (shuffle, dropout,
  forward, loss, backward, optimizer step), watched by a :class:`DivergenceGuard`.
- :class:`ParameterAverage`: the moving average of the parameters over the
  steps of a run (Polyak averaging), which the fit can end with.
- :class:`Patience`: the count of epochs without improvement, for stopping.
- :func:`validation_score`: the score of early stopping's hold-out after each
  epoch (the hold-out itself: :func:`sknextchar._holdout.validation_split`).
- :class:`BestEpoch`, :func:`trained_epochs` and :func:`drop_later_epochs`: the
  weights and Adam's state that early stopping restores, and what a continued
  run makes of the epochs after them.
"""

import math

import numpy as np
from sklearn.utils import gen_batches

from .adam import flush_subnormals
from .dropout import dropout_masks
from .functional import (
    StepBuffers,
    backward,
    forward,
    loss,
    squared_norm,
    target_log_proba,
)

__all__ = [
    "DIVERGENCE_FACTOR",
    "BestEpoch",
    "DivergenceError",
    "DivergenceGuard",
    "MinibatchTrainer",
    "ParameterAverage",
    "ParameterWorkspace",
    "Patience",
    "drop_later_epochs",
    "gradient_step",
    "trained_epochs",
    "validation_score",
]

# Training has diverged when an epoch's mean loss exceeds this many times the loss
# of a uniform prediction (at least 1 nat) plus the L2 penalty at the start of the
# call. Adam's bounded steps keep the weights finite even at absurd step sizes, so
# the loss, not only NaN, must reveal it.
DIVERGENCE_FACTOR = 10


class ParameterWorkspace:
    """The parameters and their gradients as views into two flat buffers.

    One contiguous buffer per role makes an optimizer step a handful of
    vectorised operations, whatever the number of layers. The layout is
    ``[embeddings, *coefs, *intercepts]`` (``[embeddings, label_embeddings,
    *coefs, *intercepts]`` for a model of names by label), so the L2-penalised
    arrays are a prefix. The given arrays are copied in, never written to.

    Parameters
    ----------
    embeddings : ndarray of shape (V, K)
    coefs, intercepts : list of ndarray
    dtype : numpy dtype
        The dtype of both buffers.
    label_embeddings : ndarray of shape (J, D) or None, default=None
        The label embeddings of a model of names by label.

    Attributes
    ----------
    flat, grad_flat : ndarray of shape (n_params,)
        The parameters and their gradients.
    embeddings, coefs, intercepts : ndarray, list of ndarray, list of ndarray
        Views of ``flat`` shaped as the given arrays.
    label_embeddings : ndarray or None
        A view of ``flat``, or None without labels.
    grads : tuple
        ``(grad_embeddings, grad_coefs, grad_intercepts)`` (and
        ``grad_label_embeddings`` with labels), views of ``grad_flat``, in the
        form ``backward(out=...)`` takes.
    weights : ndarray of shape (n_weights,)
        The L2-penalised prefix of ``flat`` (a property).

    Examples
    --------
    >>> import numpy as np
    >>> ws = ParameterWorkspace(np.ones((2, 2)), [np.zeros((4, 3))], [np.zeros(3)],
    ...                         np.float32)
    >>> ws.flat.shape, ws.weights.shape  # the intercepts are not penalised
    ((19,), (16,))
    >>> ws.coefs[0][0, 0] = 5.0  # a view: writes go to the flat buffer
    >>> float(ws.flat[4])
    5.0
    """

    def __init__(self, embeddings, coefs, intercepts, dtype, label_embeddings=None):
        labelled = label_embeddings is not None
        arrays = [embeddings, *([label_embeddings] if labelled else []), *coefs]
        arrays += intercepts
        self.flat = np.empty(sum(a.size for a in arrays), dtype=dtype)
        self.grad_flat = np.empty_like(self.flat)
        views, grad_views, start = [], [], 0
        for array in arrays:
            stop = start + array.size
            views.append(self.flat[start:stop].reshape(array.shape))
            grad_views.append(self.grad_flat[start:stop].reshape(array.shape))
            views[-1][...] = array
            start = stop
        n, first = len(coefs), 1 + labelled
        self.embeddings = views[0]
        self.label_embeddings = views[1] if labelled else None
        self.coefs, self.intercepts = views[first : n + first], views[n + first :]
        self.grads = (
            grad_views[0], grad_views[first : n + first], grad_views[n + first :],
        ) + ((grad_views[1],) if labelled else ())  # fmt: skip
        self.n_weights = sum(a.size for a in arrays[: n + first])

    @property
    def weights(self):
        """The L2-penalised parameters (embeddings and coefs) as one flat view.

        Examples
        --------
        >>> import numpy as np
        >>> ws = ParameterWorkspace(np.ones((2, 2)), [np.ones((4, 3))], [np.zeros(3)],
        ...                         np.float64)
        >>> ws.weights.size == ws.embeddings.size + ws.coefs[0].size
        True
        >>> ws.weights[0] = 7.0  # a view of flat
        >>> float(ws.embeddings[0, 0])
        7.0
        """
        return self.flat[: self.n_weights]


class DivergenceError(ArithmeticError):
    """Training diverged: the loss exploded or stopped being finite.

    Examples
    --------
    >>> isinstance(DivergenceError("the loss became nan"), ArithmeticError)
    True
    """


class DivergenceGuard:
    """Tells a diverging run from a merely bad one, and raises DivergenceError.

    A run has diverged when a batch loss, the weights or the optimizer's
    moments stop being finite, or when an epoch's mean loss exceeds
    ``loss_limit``.

    Parameters
    ----------
    loss_limit : float
        The largest acceptable mean loss of an epoch.

    Examples
    --------
    >>> guard = DivergenceGuard.for_start(27, alpha=0.0, batch_size=32, weights=[])
    >>> round(guard.loss_limit, 2)  # ten times the loss of a uniform guess
    32.96
    >>> guard.check_batch(float("nan"), epoch=3)
    Traceback (most recent call last):
        ...
    sknextchar.nn.training.DivergenceError: the training loss became nan in epoch 3
    """

    def __init__(self, loss_limit):
        self.loss_limit = loss_limit

    @classmethod
    def for_start(cls, n_classes, alpha, batch_size, weights):
        """The guard of a run that starts from ``weights``.

        The limit is :data:`DIVERGENCE_FACTOR` times the loss of a uniform
        prediction (at least 1 nat) plus the L2 penalty of the starting weights.

        Parameters
        ----------
        n_classes : int
        alpha : float
            L2 strength.
        batch_size : int
            Windows per step (the penalty is scaled by it).
        weights : list of ndarray
            The penalised parameters at the start.

        Returns
        -------
        guard : DivergenceGuard

        Examples
        --------
        >>> DivergenceGuard.for_start(2, 0.0, 8, []).loss_limit  # 10 * max(log 2, 1)
        10.0
        """
        uniform = max(math.log(n_classes), 1.0)
        penalty = 0.5 * alpha / batch_size * squared_norm(weights)
        return cls(DIVERGENCE_FACTOR * (uniform + penalty))

    def check_batch(self, batch_loss, epoch):
        """Raise if a batch loss is not finite.

        Parameters
        ----------
        batch_loss : float
        epoch : int
            The epoch (1-based), for the message.

        Examples
        --------
        >>> DivergenceGuard(10.0).check_batch(2.5, epoch=1)  # fine: nothing happens
        """
        if not math.isfinite(batch_loss):
            raise DivergenceError(
                f"the training loss became {batch_loss} in epoch {epoch}"
            )

    def check_epoch(self, mean_loss, flat, epoch):
        """Raise if an epoch's mean loss is too high or the weights are not finite.

        Parameters
        ----------
        mean_loss : float
        flat : ndarray
            The parameters.
        epoch : int
            The epoch (1-based), for the message.

        Examples
        --------
        >>> import numpy as np
        >>> DivergenceGuard(10.0).check_epoch(11.0, np.zeros(2), epoch=2)
        Traceback (most recent call last):
            ...
        sknextchar.nn.training.DivergenceError: the mean training loss of epoch 2 was \
11 nats, above 10, 10 times that of a uniform prediction
        """
        if mean_loss > self.loss_limit:
            raise DivergenceError(
                f"the mean training loss of epoch {epoch} was {mean_loss:.3g} nats, "
                f"above {self.loss_limit:.3g}, {DIVERGENCE_FACTOR} times that of a "
                "uniform prediction"
            )
        if not np.isfinite(flat).all():
            raise DivergenceError(f"the weights stopped being finite in epoch {epoch}")

    def check_optimizer(self, optimizer, epoch):
        """Raise if the optimizer's moments stopped being finite.

        A gradient above the square root of the largest float (1.8e19 in
        float32: an enormous ``alpha`` times the starting weights) makes Adam's
        second moment inf. The weights stay finite, but those that it holds
        never move again, and no model file can hold the state: training is
        over, though its loss looks finite.

        Parameters
        ----------
        optimizer : AdamOptimizer
        epoch : int
            The epoch (1-based), for the message.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar.nn.adam import AdamOptimizer
        >>> adam = AdamOptimizer([np.zeros(2, dtype=np.float32)])
        >>> DivergenceGuard(10.0).check_optimizer(adam, epoch=1)  # fine
        >>> adam.vs[0][1] = np.inf
        >>> DivergenceGuard(10.0).check_optimizer(adam, epoch=1)
        Traceback (most recent call last):
            ...
        sknextchar.nn.training.DivergenceError: the squared gradients overflowed \
float32 in epoch 1 (Adam's second moments became inf)
        """
        moments = [*optimizer.ms, *optimizer.vs]
        if not all(np.isfinite(moment).all() for moment in moments):
            raise DivergenceError(
                f"the squared gradients overflowed {moments[0].dtype} in epoch "
                f"{epoch} (Adam's second moments became inf)"
            )

    def check_score(self, score, epoch):
        """Raise if an epoch's held-out score is not a number.

        Weights large enough to overflow the held-out logits can leave the
        training loss finite for the epoch in which they grew.

        Parameters
        ----------
        score : float or None
            The held-out mean log-likelihood (None: nothing held out).
        epoch : int
            The epoch (1-based), for the message.

        Examples
        --------
        >>> DivergenceGuard(10.0).check_score(-2.5, epoch=1)  # fine
        >>> DivergenceGuard(10.0).check_score(float("nan"), epoch=2)
        Traceback (most recent call last):
            ...
        sknextchar.nn.training.DivergenceError: the held-out log-likelihood \
became nan in epoch 2
        """
        if score is not None and np.isnan(score):
            raise DivergenceError(
                f"the held-out log-likelihood became nan in epoch {epoch}"
            )


class ParameterAverage:
    """An exponential moving average of a flat parameter buffer, step by step.

    Polyak averaging (Polyak & Juditsky 1992), in its exponential form. Trained
    at a constant step size, the parameters keep wandering around a minimum;
    their average sits nearer its middle than any one of them.

    Bias-corrected as Adam's moments are, so that it is the weighted mean of
    the parameters after the steps seen so far, the weight of a step ``decay **
    (its age in steps)``, whatever the number of steps. The corrected average
    itself is kept, in the dtype of the parameters: each step moves it towards
    them by ``(1 - decay) / (1 - decay ** n_steps)`` (all the way at the first
    step), three vectorised operations without temporaries.

    Parameters
    ----------
    flat : ndarray of shape (n_params,)
        The parameters; only their shape and dtype are read here.
    decay : float
        In (0, 1): the weight that the average keeps at each step.

    Attributes
    ----------
    n_steps : int
        Steps averaged so far.

    Examples
    --------
    >>> import numpy as np
    >>> average = ParameterAverage(np.zeros(2), decay=0.5)
    >>> for value in (1.0, 3.0):
    ...     average.update(np.full(2, value))
    >>> average.copy_to(np.zeros(2)).round(4).tolist()  # (0.5 * 1 + 1 * 3) / 1.5
    [2.3333, 2.3333]
    """

    def __init__(self, flat, decay):
        self.decay = float(decay)
        self.n_steps = 0
        self._mean = np.zeros_like(flat)
        self._scratch = np.empty_like(flat)

    def update(self, flat):
        """Move the average towards ``flat`` (after one optimizer step).

        Parameters
        ----------
        flat : ndarray of shape (n_params,)

        Examples
        --------
        >>> import numpy as np
        >>> average = ParameterAverage(np.zeros(1), decay=0.9)
        >>> average.update(np.array([4.0]))  # the first step: the average is it
        >>> average.n_steps, average.copy_to(np.zeros(1)).tolist()
        (1, [4.0])
        """
        self.n_steps += 1
        rate = (1.0 - self.decay) / (1.0 - self.decay**self.n_steps)
        np.subtract(flat, self._mean, out=self._scratch)
        self._scratch *= rate
        self._mean += self._scratch

    def copy_to(self, out):
        """Write the average into ``out`` (if any step was seen).

        Its subnormal values are written as 0 (see
        :func:`~sknextchar.nn.adam.flush_subnormals`).

        Parameters
        ----------
        out : ndarray of shape (n_params,)
            Overwritten in place; left unchanged before the first step.

        Returns
        -------
        out : ndarray

        Examples
        --------
        >>> import numpy as np
        >>> average = ParameterAverage(np.zeros(2), decay=0.5)
        >>> average.copy_to(np.ones(2)).tolist()  # no step yet: left unchanged
        [1.0, 1.0]
        >>> average.update(np.array([1e-310, 2.0]))
        >>> out = average.copy_to(np.ones(2))  # the subnormal written as 0
        >>> bool(out[0] == 0.0), float(out[1])
        (True, 2.0)
        """
        if self.n_steps:
            out[...] = self._mean
            flush_subnormals(out, self._scratch)
        return out


class MinibatchTrainer:
    """One epoch of mini-batch optimizer steps over the training windows.

    Parameters
    ----------
    workspace : ParameterWorkspace
        The parameters, updated in place.
    optimizer : AdamOptimizer
        Its ``update_params`` is called once per batch on the flat buffers.
    activation : str
        A key of :data:`~sknextchar.nn.functional.ACTIVATIONS`.
    alpha : float
        L2 strength.
    batch_size : int
        Windows per step (clipped to the number of windows by :meth:`run_epoch`).
    shuffle : bool
        Whether to shuffle the windows before each epoch.
    dropout : float
        The dropout rate of the hidden units (0 disables it).
    hidden_layer_sizes : list of int
        Units of each hidden layer (for the dropout masks).
    guard : DivergenceGuard
        Checks every batch and every epoch.
    average : ParameterAverage or None, default=None
        Updated after every step; None keeps no average.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar.nn.adam import AdamOptimizer
    >>> from sknextchar.nn.functional import init_params
    >>> ws = ParameterWorkspace(*init_params(3, 2, 2, (8,), 3, "relu", np.float64,
    ...                                      np.random.RandomState(0)), np.float64)
    >>> trainer = MinibatchTrainer(
    ...     ws, AdamOptimizer([ws.flat], learning_rate_init=0.1), activation="relu",
    ...     alpha=0.0, batch_size=2, shuffle=True, dropout=0.0,
    ...     hidden_layer_sizes=[8], guard=DivergenceGuard(100.0))
    >>> X, y = np.array([[0, 1], [1, 2], [2, 0]]), np.array([2, 0, 1])
    >>> rng = np.random.RandomState(0)
    >>> losses = [trainer.run_epoch(X, y, rng, epoch) for epoch in range(1, 31)]
    >>> losses[0] > 1.0 > 0.1 > losses[-1]
    True
    """

    def __init__(
        self,
        workspace,
        optimizer,
        *,
        activation,
        alpha,
        batch_size,
        shuffle,
        dropout,
        hidden_layer_sizes,
        guard,
        average=None,
    ):
        self.workspace = workspace
        self.optimizer = optimizer
        self.activation = activation
        self.alpha = alpha
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.dropout = dropout
        self.hidden_layer_sizes = hidden_layer_sizes
        self.guard = guard
        self.average = average

    def run_epoch(self, X, y, rng, epoch, sample_weight=None):
        """One pass over the windows in mini-batches.

        Parameters
        ----------
        X : ndarray of int of shape (n, L)
            Context ids.
        y : ndarray of int of shape (n,)
            Class index of each window.
        rng : numpy.random.RandomState
            Shuffles the windows and seeds the dropout masks.
        epoch : int
            The epoch's number (1-based), for divergence messages.
        sample_weight : ndarray of shape (n,) or None, default=None
            A factor on each window's cross-entropy (see :meth:`step`); None
            for equal weights.

        Returns
        -------
        mean_loss : float
            The mean of the batch losses, weighted by batch size; with
            ``sample_weight``, their sum over the sum of the weights (the
            weighted mean cross-entropy, whatever the weights' scale, plus the
            penalty over the mean weight).

        Examples
        --------
        One batch: the epoch's loss is that of the parameters before its step,
        where each of the 3 classes has probability 1/3, weighted or not.

        >>> import numpy as np
        >>> from sknextchar.nn.adam import AdamOptimizer
        >>> from sknextchar.nn.functional import init_params
        >>> ws = ParameterWorkspace(*init_params(
        ...     3, 2, 2, (8,), 3, "relu", np.float64, np.random.RandomState(0)),
        ...     np.float64)
        >>> trainer = MinibatchTrainer(
        ...     ws, AdamOptimizer([ws.flat], learning_rate_init=0.1),
        ...     activation="relu", alpha=0.0, batch_size=3, shuffle=False,
        ...     dropout=0.0, hidden_layer_sizes=[8], guard=DivergenceGuard(100.0))
        >>> X, y = np.array([[0, 1], [1, 2], [2, 0]]), np.array([2, 0, 1])
        >>> loss = trainer.run_epoch(X, y, np.random.RandomState(0), epoch=1,
        ...                          sample_weight=np.array([1.0, 1.0, 4.0]))
        >>> bool(np.isclose(loss, np.log(3)))
        True
        >>> bool(trainer.run_epoch(X, y, np.random.RandomState(0), epoch=2) < loss)
        True
        """
        n_total = (
            len(y) if sample_weight is None else float(sample_weight.sum(dtype=float))
        )
        if sample_weight is not None:
            sample_weight = sample_weight.astype(self.workspace.flat.dtype)
        if self.shuffle:
            order = rng.permutation(len(y))
            X, y = X[order], y[order]
            if sample_weight is not None:
                sample_weight = sample_weight[order]
        batch_size = min(self.batch_size, len(y))
        total = 0.0
        # Drawn only with dropout, so the random stream of the default is unchanged.
        generator = (
            np.random.default_rng(rng.randint(np.iinfo(np.int32).max))
            if self.dropout
            else None
        )
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for i, batch in enumerate(gen_batches(len(y), batch_size)):
                row_weights = None if sample_weight is None else sample_weight[batch]
                batch_loss = self.step(X[batch], y[batch], generator, row_weights)
                self.guard.check_batch(batch_loss, epoch)
                if i == 0:  # an overflow of the first step: said at once
                    self.guard.check_optimizer(self.optimizer, epoch)
                if self.average is not None:
                    self.average.update(self.workspace.flat)
                total += batch_loss * (batch.stop - batch.start)
        mean_loss = total / n_total
        self.guard.check_epoch(mean_loss, self.workspace.flat, epoch)
        self.guard.check_optimizer(self.optimizer, epoch)
        self.optimizer.flush([self.workspace.flat])  # see adam.flush_subnormals
        return mean_loss

    def step(self, X, y, generator=None, row_weights=None):
        """One optimizer step on one mini-batch; returns the batch loss.

        Parameters
        ----------
        X, y : ndarray of int
            The batch: contexts ``(n, L)`` and class indices ``(n,)``.
        generator : numpy.random.Generator or None, default=None
            Draws the dropout masks; None for no dropout.
        row_weights : ndarray of shape (n,) or None, default=None
            A factor on each window's cross-entropy: the loss is
            ``sum_i row_weights[i] * CE_i / n`` plus the L2 penalty
            ``alpha / (2 n) * ||weights||**2``. With weights scaled to a mean
            of 1 over the epoch's windows, the expected batch loss is the
            weighted mean cross-entropy, whatever the weights' scale. None for
            equal weights (the unweighted step, unchanged).

        Returns
        -------
        batch_loss : float

        Examples
        --------
        The loss is measured before the step: log 3 at first, lower after.

        >>> import numpy as np
        >>> from sknextchar.nn.adam import AdamOptimizer
        >>> from sknextchar.nn.functional import init_params
        >>> ws = ParameterWorkspace(*init_params(
        ...     3, 2, 2, (8,), 3, "relu", np.float64, np.random.RandomState(0)),
        ...     np.float64)
        >>> trainer = MinibatchTrainer(
        ...     ws, AdamOptimizer([ws.flat], learning_rate_init=0.1),
        ...     activation="relu", alpha=0.0, batch_size=3, shuffle=False,
        ...     dropout=0.0, hidden_layer_sizes=[8], guard=DivergenceGuard(100.0))
        >>> X, y = np.array([[0, 1], [1, 2], [2, 0]]), np.array([2, 0, 1])
        >>> losses = [trainer.step(X, y) for _ in range(3)]
        >>> bool(np.isclose(losses[0], np.log(3)))
        True
        >>> losses[0] > losses[1] > losses[2]
        True
        """
        ws = self.workspace
        buffers, masks = self._buffers(X.shape)
        if generator is None:
            masks = None
        else:
            masks = dropout_masks(len(y), self.hidden_layer_sizes, self.dropout,
                                  generator, ws.flat.dtype, out=masks)  # fmt: skip

        def cross_entropy(log_proba):  # the batch loss, and its row weights
            value = loss(log_proba, y, [ws.weights], self.alpha, row_weights)
            return value, row_weights

        return gradient_step(
            ws, self.optimizer, X, y, cross_entropy, activation=self.activation,
            alpha=self.alpha, l2_rows=len(y), masks=masks, buffers=buffers,
        )  # fmt: skip

    def _buffers(self, shape):
        """Work arrays of a batch of ``shape`` (n, L), allocated once per size.

        The :class:`~sknextchar.nn.functional.StepBuffers` of the forward and
        backward passes and the dropout masks. An epoch has at most two batch
        sizes.
        """
        cache = self.__dict__.setdefault("_work", {})
        if shape not in cache:
            ws = self.workspace
            n, L = shape
            L -= ws.label_embeddings is not None  # the label's column
            dtype = ws.flat.dtype
            cache[shape] = (
                StepBuffers(n, L, ws.embeddings, ws.coefs),
                [np.empty((n, h), dtype) for h in self.hidden_layer_sizes]
                if self.dropout
                else None,
            )
        return cache[shape]


def gradient_step(
    workspace, optimizer, X, y, objective, *, activation, alpha, l2_rows,
    masks=None, buffers=None,
):  # fmt: skip
    """One optimizer step of the network on the rows ``X, y``.

    The forward pass, the objective, the backward pass of the cross-entropy
    (weighted by row as the objective says) and the optimizer's update, which
    adds the L2 term ``alpha / l2_rows * weights`` in one pass over the flat
    buffers. The step of :class:`MinibatchTrainer` and of the discriminative
    fine-tuning alike.

    Parameters
    ----------
    workspace : ParameterWorkspace
        The parameters, updated in place.
    optimizer : AdamOptimizer
    X, y : ndarray of int
        Contexts ``(n, L)`` and class indices ``(n,)``.
    objective : callable
        ``objective(log_proba)`` returns the value to report and the row
        weights of the backward pass (None for equal weights).
    activation : str
    alpha : float
        L2 strength.
    l2_rows : int
        The rows the L2 strength is divided by.
    masks, buffers : optional
        The dropout masks and the work arrays of the passes.

    Returns
    -------
    value : float
        The objective's value, before the step.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar.nn.adam import AdamOptimizer
    >>> from sknextchar.nn.functional import init_params, loss
    >>> ws = ParameterWorkspace(*init_params(3, 2, 2, (4,), 3, "tanh", np.float64,
    ...                                      np.random.RandomState(0)), np.float64)
    >>> X, y = np.array([[0, 1], [1, 2]]), np.array([2, 0])
    >>> before = ws.flat.copy()
    >>> value = gradient_step(
    ...     ws, AdamOptimizer([ws.flat]), X, y, lambda lp: (loss(lp, y, [], 0), None),
    ...     activation="tanh", alpha=0.0, l2_rows=2)
    >>> round(value, 4), bool((ws.flat != before).any())  # log 3, then a step
    (1.0986, True)
    """
    ws = workspace
    hidden, log_proba = forward(
        X, ws.embeddings, ws.coefs, ws.intercepts, activation, masks,
        buffers=buffers, label_embeddings=ws.label_embeddings,
    )  # fmt: skip
    value, row_weights = objective(log_proba)
    backward(
        X, y, ws.embeddings, ws.coefs, hidden, log_proba, activation,
        0.0,  # the L2 term is added by the optimizer, over the flat buffers
        out=ws.grads, masks=masks, buffers=buffers,
        label_embeddings=ws.label_embeddings, row_weights=row_weights,
    )  # fmt: skip
    # grad += alpha / n * weights, over every penalised array at once.
    l2 = (alpha / l2_rows, ws.n_weights) if alpha else None
    optimizer.update_params([ws.flat], [ws.grad_flat], l2=l2)
    return value


class Patience:
    """Counts the epochs in a row without an improvement of at least ``tol``.

    Parameters
    ----------
    tol : float
        The smallest change that counts as an improvement.
    n_iter_no_change : int or float
        Stop after this many epochs in a row without improvement (``inf``: never).
    best : float
        The best value so far.
    count : int, default=0
        Epochs without improvement so far (a ``partial_fit`` continues the count).
    higher_is_better : bool, default=True
        True for a score, False for a loss.

    Examples
    --------
    >>> patience = Patience(tol=0.1, n_iter_no_change=2, best=float("inf"),
    ...                     higher_is_better=False)
    >>> [patience.update(loss) for loss in (3.0, 2.95, 2.0, 1.95, 1.94)]
    [(True, False), (True, False), (True, False), (True, False), (True, True)]
    >>> patience.best, patience.count
    (1.94, 2)
    """

    def __init__(self, tol, n_iter_no_change, best, count=0, higher_is_better=True):
        self.tol = tol
        self.n_iter_no_change = n_iter_no_change
        self.best = best
        self.count = count
        self.higher_is_better = higher_is_better

    def update(self, value):
        """Record an epoch's value.

        Parameters
        ----------
        value : float
            The epoch's loss or score.

        Returns
        -------
        is_best : bool
            Whether ``value`` is the best so far (by any margin).
        stop : bool
            Whether the count of epochs without improvement reached
            ``n_iter_no_change``.

        Examples
        --------
        A loss of 2.9 is the best so far, but lower by less than ``tol``: not an
        improvement, and with ``n_iter_no_change=1`` that one epoch stops. A
        loss of 2.0 improves by more than ``tol`` and resets the count.

        >>> patience = Patience(tol=0.5, n_iter_no_change=1, best=3.0,
        ...                     higher_is_better=False)
        >>> patience.update(2.9), patience.count
        ((True, True), 1)
        >>> patience.update(2.0), patience.count
        ((True, False), 0)
        """
        if self.higher_is_better:
            improved = value > self.best + self.tol
            is_best = value > self.best
        else:
            improved = value < self.best - self.tol
            is_best = value < self.best
        if is_best:
            self.best = value
        self.count = 0 if improved else self.count + 1
        return is_best, self.count >= self.n_iter_no_change


# The fitted attribute that records the epoch whose weights early stopping
# restored: the number of epochs of ``loss_curve_`` behind the weights.
_WEIGHTS_EPOCH = "_weights_epoch"


class BestEpoch:
    """The parameters and the optimizer's state after an epoch, to put back.

    Early stopping restores the weights of the best held-out epoch, and with
    them Adam's moments, step count and step size of that epoch: a run that
    continues the weights (``partial_fit``, a resumed
    :func:`~sknextchar.train_from_file`) then goes on as from that epoch, never
    with the moments of later epochs.

    Parameters
    ----------
    trainer : MinibatchTrainer
        Its workspace and optimizer, copied as they are now.
    epoch : int
        The number of epochs (of the estimator's ``loss_curve_``) behind them.

    Examples
    --------
    >>> import numpy as np
    >>> from types import SimpleNamespace
    >>> from sknextchar.nn.adam import AdamOptimizer
    >>> ws = ParameterWorkspace(np.zeros((2, 1)), [], [np.zeros(2)], np.float64)
    >>> trainer = SimpleNamespace(workspace=ws, optimizer=AdamOptimizer([ws.flat]))
    >>> best = BestEpoch(trainer, epoch=3)
    >>> trainer.optimizer.update_params([ws.flat], [np.ones(4)])
    >>> model = SimpleNamespace(loss_curve_=[3.0, 2.0, 1.0, 1.5, 1.6])
    >>> best.restore(trainer, model)
    >>> ws.flat.tolist(), trainer.optimizer.t, trained_epochs(model)
    ([0.0, 0.0, 0.0, 0.0], 0, 3)
    """

    def __init__(self, trainer, epoch):
        self.epoch = epoch
        self.flat = trainer.workspace.flat.copy()
        self.optimizer_state = trainer.optimizer.copy_state()

    def restore(self, trainer, estimator):
        """Put the parameters and the optimizer's state back into ``trainer``.

        Parameters
        ----------
        trainer : MinibatchTrainer
        estimator : object
            The estimator trained: it records the epoch of its weights (see
            :func:`trained_epochs`).

        Examples
        --------
        >>> import numpy as np
        >>> from types import SimpleNamespace
        >>> from sknextchar.nn.adam import AdamOptimizer
        >>> ws = ParameterWorkspace(np.ones((1, 1)), [], [np.zeros(1)], np.float64)
        >>> trainer = SimpleNamespace(workspace=ws, optimizer=AdamOptimizer([ws.flat]))
        >>> best = BestEpoch(trainer, epoch=1)
        >>> ws.flat[:] = 5.0  # later epochs move the parameters
        >>> model = SimpleNamespace(loss_curve_=[1.0, 2.0])
        >>> best.restore(trainer, model)
        >>> ws.flat.tolist(), trained_epochs(model)
        ([1.0, 0.0], 1)
        """
        trainer.workspace.flat[:] = self.flat
        trainer.optimizer.set_state(self.optimizer_state)
        setattr(estimator, _WEIGHTS_EPOCH, self.epoch)


def trained_epochs(estimator):
    """The number of epochs of ``loss_curve_`` that led to the estimator's weights.

    All of them, unless early stopping restored the weights of an earlier epoch
    (the best on the held-out names, :class:`BestEpoch`): then the epochs up to
    that one. A continued run goes on from there.

    Parameters
    ----------
    estimator : object
        A fitted estimator with a ``loss_curve_``.

    Returns
    -------
    n_epochs : int

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> trained_epochs(SimpleNamespace(loss_curve_=[3.0, 2.0]))
    2
    >>> trained_epochs(SimpleNamespace(loss_curve_=[3.0, 2.0], _weights_epoch=1))
    1
    """
    n_epochs = len(estimator.loss_curve_)
    kept = getattr(estimator, _WEIGHTS_EPOCH, None)
    if isinstance(kept, int) and not isinstance(kept, bool) and 0 <= kept < n_epochs:
        return kept
    return n_epochs


def drop_later_epochs(estimator):
    """Drop the records of the epochs after those behind the weights.

    After early stopping restored the weights of an earlier epoch, a run that
    continues them goes on from that epoch: the epochs after it, whose weights
    were discarded, leave ``loss_curve_`` (and ``validation_scores_``), so
    that the records, the place on the learning-rate schedule and Adam's state
    describe the same weights.

    Parameters
    ----------
    estimator : object
        A fitted estimator with a ``loss_curve_``; changed in place.

    Returns
    -------
    n_dropped : int
        The number of epochs dropped.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> model = SimpleNamespace(loss_curve_=[3.0, 2.0, 2.5], loss_=2.5,
    ...                         validation_scores_=[-3.1, -2.2, -2.4],
    ...                         _weights_epoch=2)
    >>> drop_later_epochs(model)
    1
    >>> model.loss_curve_, model.validation_scores_, model.loss_
    ([3.0, 2.0], [-3.1, -2.2], 2.0)
    """
    kept, n_epochs = trained_epochs(estimator), len(estimator.loss_curve_)
    vars(estimator).pop(_WEIGHTS_EPOCH, None)
    n_dropped = n_epochs - kept
    if n_dropped:
        scores = getattr(estimator, "validation_scores_", None)
        if scores:  # one for each of the last len(scores) epochs
            del scores[max(len(scores) - n_dropped, 0) :]
        del estimator.loss_curve_[kept:]
        if kept:
            estimator.loss_ = estimator.loss_curve_[-1]
    return n_dropped


def validation_score(
    workspace, contexts, targets, activation, chunk_size=4096, sample_weight=None
):
    """The mean log-likelihood of held-out windows under the current parameters.

    Computed with the training pass (:func:`~sknextchar.nn.functional.forward`)
    in chunks of ``chunk_size`` rows and averaged in float64: the score early
    stopping compares from epoch to epoch.

    Parameters
    ----------
    workspace : ParameterWorkspace
        The parameters.
    contexts : ndarray of int of shape (n, L)
    targets : ndarray of int of shape (n,)
    activation : str
    chunk_size : int, default=4096
        Rows per forward pass (bounds the memory of the activations).
    sample_weight : ndarray of shape (n,) or None, default=None
        The weight of each window: the score is then the weighted mean
        ``sum(w * log P) / sum(w)``. None weighs every window the same.

    Returns
    -------
    score : float
        ``mean(log P(target | context))`` in nats, at most 0.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar.nn.functional import init_params
    >>> ws = ParameterWorkspace(*init_params(4, 2, 2, (), 4, "relu", np.float64,
    ...                                      np.random.RandomState(0)), np.float64)
    >>> score = validation_score(ws, np.array([[0, 1]]), np.array([2]), "relu")
    >>> bool(np.isclose(score, -np.log(4)))  # a zero output layer: uniform
    True
    """
    picked = [
        target_log_proba(
            forward(
                contexts[rows],
                workspace.embeddings,
                workspace.coefs,
                workspace.intercepts,
                activation,
                label_embeddings=workspace.label_embeddings,
            )[1],
            targets[rows],
        )
        for rows in gen_batches(len(targets), chunk_size)
    ]
    if sample_weight is None:
        return float(np.concatenate(picked).mean(dtype=np.float64))
    picked = np.concatenate(picked).astype(np.float64)
    return float(np.dot(picked, sample_weight) / np.sum(sample_weight))
