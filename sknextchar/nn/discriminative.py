"""Discriminative fine-tuning of a model of names by label (maximum mutual information).

A model of names by label scores each name under every label: ``log P(name |
label)``, the sum of the log-probabilities of the name's windows' targets given
the label. With priors ``P(label)`` (the label frequencies of the training
names), Bayes' rule gives ``P(label | name)``. Fitting by cross-entropy makes
each label's model a good generator; it does not aim at telling the labels
apart. Maximum mutual information (MMI) training, as in speech recognition
(Bahl et al., 1986), adds the label's log-loss:

    loss = mean over windows of CE(window | its name's label)
           + weight * mean over names of -log P(label of the name | name)

The derivative of ``-log P(y | name)`` with respect to the log-probability of
a window of the name under label ``l`` is ``-(1[l = y] - P(l | name))``: the
cross-entropy's gradient with a weight on the window. So one step runs the
network on every window of a batch of names under every label and
backpropagates the cross-entropy with a weight per row
(:func:`~sknextchar.nn.functional.backward`'s ``row_weights``); a window under
a wrong label gets a negative weight, which pushes its probability down.
"""

import numpy as np
from scipy.special import log_softmax

from .dropout import dropout_masks
from .functional import target_log_proba
from .training import DivergenceError, gradient_step

__all__ = [
    "LabelFineTuner",
    "label_loss_weights",
    "names_in_batches",
    "with_every_label",
]


def with_every_label(contexts, n_labels):
    """Each context once per label, the label id as a last column.

    Parameters
    ----------
    contexts : ndarray of int of shape (m, L)
        Context ids without a label column.
    n_labels : int

    Returns
    -------
    X : ndarray of int of shape (n_labels * m, L + 1)
        Rows ``j * m`` to ``(j + 1) * m - 1`` are the contexts under label ``j``.

    Examples
    --------
    >>> import numpy as np
    >>> with_every_label(np.array([[0, 1], [1, 2]]), 2).tolist()
    [[0, 1, 0], [1, 2, 0], [0, 1, 1], [1, 2, 1]]
    """
    m, width = contexts.shape
    X = np.empty((n_labels, m, width + 1), dtype=contexts.dtype)
    X[:, :, :width] = contexts
    X[:, :, width] = np.arange(n_labels, dtype=contexts.dtype)[:, None]
    return X.reshape(n_labels * m, width + 1)


def label_loss_weights(
    target_logp, name_of_row, labels, log_prior, weight, name_scale=None,
    row_scale=None,
):  # fmt: skip
    """Row weights of the fine-tuning loss, and the batch's label log-loss.

    Parameters
    ----------
    target_logp : ndarray of shape (J, m)
        The log-probability of each window's target under each label.
    name_of_row : ndarray of int of shape (m,)
        The name of each window, in ``[0, n_names)``; every name has a window.
    labels : ndarray of int of shape (n_names,)
        Each name's label id, in ``[0, J)``.
    log_prior : ndarray of shape (J,)
        ``log P(label)``.
    weight : float
        The weight of the label's log-loss beside the cross-entropy.
    name_scale, row_scale : ndarray of shape (n_names,) and (m,), or None
        The sample weights of the batch's names and of its windows, each
        divided by its mean over the epoch's names (windows): factors on each
        name's label log-loss and on each window's cross-entropy. None for
        equal weights.

    Returns
    -------
    row_weights : ndarray of shape (J * m,)
        The factor of each row of :func:`with_every_label`'s rows in
        :func:`~sknextchar.nn.functional.backward` (which divides by ``J * m``):
        ``J * m`` times the loss's derivative with respect to the row's
        cross-entropy.
    label_loss : float
        The mean of ``-log P(label | name)`` over the batch's names.

    Examples
    --------
    Two labels equally likely for one name of one window: the true label's row
    gets the cross-entropy's weight plus half the label loss's, the other minus
    half (times ``J * m = 2``).

    >>> import numpy as np
    >>> w, loss = label_loss_weights(np.log([[0.5], [0.5]]), np.array([0]),
    ...                              np.array([0]), np.log([0.5, 0.5]), 1.0)
    >>> w.tolist(), round(loss, 4)
    ([3.0, -1.0], 0.6931)
    """
    n_labels, m = target_logp.shape
    n_names = len(labels)
    log_likelihood = np.stack(
        [np.bincount(name_of_row, row, minlength=n_names) for row in target_logp],
        axis=1,
    )  # (n_names, J)
    log_posterior = log_softmax(log_likelihood + log_prior, axis=1)
    truth = np.arange(n_labels)[None, :] == labels[:, None]  # (n_names, J)
    per_name = weight * (truth - np.exp(log_posterior)) / n_names  # (n_names, J)
    cross_entropy = truth[name_of_row].T / m
    if name_scale is None:
        label_loss = -float(log_posterior[truth].mean())
    else:
        label_loss = -float((log_posterior[truth] * name_scale).mean())
        per_name *= name_scale[:, None]
        cross_entropy = cross_entropy * row_scale
    coef = per_name[name_of_row].T + cross_entropy  # (J, m)
    return (coef * (n_labels * m)).ravel(), label_loss


def names_in_batches(name_of_row, n_names, names_per_batch, rng):
    """The rows of shuffled batches of whole names.

    Parameters
    ----------
    name_of_row : ndarray of int of shape (n,)
        The name of each window, in ``[0, n_names)``.
    n_names : int
    names_per_batch : int
    rng : numpy.random.Generator
        Shuffles the names.

    Yields
    ------
    rows : ndarray of int
        The windows of the batch's names.
    local : ndarray of int
        Each of those windows' name, numbered from 0 within the batch.
    names : ndarray of int
        The batch's names.

    Examples
    --------
    >>> import numpy as np
    >>> batches = names_in_batches(np.array([0, 1, 0, 1, 1]), 2, 1,
    ...                            np.random.default_rng(0))
    >>> sorted(rows.tolist() for rows, _, _ in batches)
    [[0, 2], [1, 3, 4]]
    """
    order = np.argsort(name_of_row, kind="stable")
    starts = np.searchsorted(name_of_row[order], np.arange(n_names + 1))
    shuffled = rng.permutation(n_names)
    for first in range(0, n_names, names_per_batch):
        names = shuffled[first : first + names_per_batch]
        counts = starts[names + 1] - starts[names]
        local = np.repeat(np.arange(len(names)), counts)
        ends = np.cumsum(counts)
        positions = np.arange(ends[-1]) - np.repeat(ends - counts, counts)
        yield order[np.repeat(starts[names], counts) + positions], local, names


class LabelFineTuner:
    """Epochs of the MMI loss over whole names (see the module's docstring).

    Parameters
    ----------
    workspace : ParameterWorkspace
        The parameters of a model of names by label, updated in place.
    optimizer : AdamOptimizer
        Its ``update_params`` is called once per batch on the flat buffers.
    activation : str
        A key of :data:`~sknextchar.nn.functional.ACTIVATIONS`.
    alpha : float
        L2 strength, scaled by the batch's windows as in training.
    weight : float
        The weight of the label's log-loss.
    log_prior : ndarray of shape (J,)
        ``log P(label)`` in Bayes' rule.
    names_per_batch : int
    dropout : float
        The dropout rate of the hidden units (0 disables it).
    hidden_layer_sizes : list of int

    Examples
    --------
    Two one-letter names, one per label: fine-tuning lowers the label loss.

    >>> import numpy as np
    >>> from sknextchar.nn.adam import AdamOptimizer
    >>> from sknextchar.nn.functional import init_params
    >>> from sknextchar.nn.training import ParameterWorkspace
    >>> E, coefs, intercepts, label_E = init_params(
    ...     3, 2, 1, (8,), 3, "tanh", np.float64, np.random.RandomState(0),
    ...     labels=(2, 2))
    >>> ws = ParameterWorkspace(E, coefs, intercepts, np.float64, label_E)
    >>> tuner = LabelFineTuner(ws, AdamOptimizer([ws.flat], learning_rate_init=0.05),
    ...                        activation="tanh", alpha=0.0, weight=1.0,
    ...                        log_prior=np.log([0.5, 0.5]), names_per_batch=2,
    ...                        dropout=0.0, hidden_layer_sizes=[8])
    >>> contexts, targets = np.array([[0], [1], [0], [2]]), np.array([1, 0, 2, 0])
    >>> names, labels = np.array([0, 0, 1, 1]), np.array([0, 1])
    >>> rng = np.random.default_rng(0)
    >>> losses = [tuner.run_epoch(contexts, targets, names, labels, rng)
    ...           for _ in range(40)]
    >>> losses[0] > 0.6 > 0.1 > losses[-1]
    True
    """

    def __init__(
        self,
        workspace,
        optimizer,
        *,
        activation,
        alpha,
        weight,
        log_prior,
        names_per_batch,
        dropout,
        hidden_layer_sizes,
    ):
        self.workspace = workspace
        self.optimizer = optimizer
        self.activation = activation
        self.alpha = alpha
        self.weight = weight
        self.log_prior = log_prior
        self.names_per_batch = names_per_batch
        self.dropout = dropout
        self.hidden_layer_sizes = hidden_layer_sizes

    def run_epoch(self, contexts, targets, name_of_row, labels, rng, name_weights=None):
        """One pass over the names; returns their mean label log-loss.

        Parameters
        ----------
        contexts : ndarray of int of shape (n, L)
            Context ids, without the label column.
        targets : ndarray of int of shape (n,)
        name_of_row : ndarray of int of shape (n,)
            The name of each window, in ``[0, len(labels))``.
        labels : ndarray of int of shape (n_names,)
            Each name's label id.
        rng : numpy.random.Generator
            Shuffles the names and draws the dropout masks.
        name_weights : ndarray of shape (n_names,) or None, default=None
            Each name's sample weight (> 0): the label log-loss and the
            cross-entropy become weighted means, the weights scaled to a mean
            of 1 over the names (over the windows for the cross-entropy). None
            for equal weights.

        Returns
        -------
        label_loss : float
            The mean of ``-log P(label | name)`` over the names (weighted by
            ``name_weights``), each taken in its batch before the step (with
            dropout, as trained).

        Examples
        --------
        Two names (windows 0-1 and 2-3), one per label. At first the model
        cannot tell them apart: every name's label loss is ``log 2``. After an
        epoch the names' losses differ, and the weights set their mean: weighted
        3 to 1 and 1 to 3, the two means average to the unweighted one.

        >>> import numpy as np
        >>> from sknextchar.nn.adam import AdamOptimizer
        >>> from sknextchar.nn.functional import init_params
        >>> from sknextchar.nn.training import ParameterWorkspace
        >>> E, coefs, intercepts, label_E = init_params(
        ...     3, 2, 1, (8,), 3, "tanh", np.float64, np.random.RandomState(0),
        ...     labels=(2, 2))
        >>> ws = ParameterWorkspace(E, coefs, intercepts, np.float64, label_E)
        >>> tuner = LabelFineTuner(
        ...     ws, AdamOptimizer([ws.flat], learning_rate_init=0.05),
        ...     activation="tanh", alpha=0.0, weight=1.0, log_prior=np.log([0.5, 0.5]),
        ...     names_per_batch=2, dropout=0.0, hidden_layer_sizes=[8])
        >>> contexts, targets = np.array([[0], [1], [0], [2]]), np.array([1, 0, 2, 0])
        >>> names, labels = np.array([0, 0, 1, 1]), np.array([0, 1])
        >>> rng = np.random.default_rng(0)
        >>> loss = tuner.run_epoch(contexts, targets, names, labels, rng)
        >>> bool(np.isclose(loss, np.log(2)))
        True
        >>> start = ws.flat.copy()  # the parameters after one epoch
        >>> def loss_from_start(name_weights):  # measured before the epoch's step
        ...     ws.flat[:] = start
        ...     return tuner.run_epoch(contexts, targets, names, labels, rng,
        ...                            name_weights=name_weights)
        >>> equal = loss_from_start(None)
        >>> first = loss_from_start(np.array([3.0, 1.0]))
        >>> second = loss_from_start(np.array([1.0, 3.0]))
        >>> bool(first != second and np.isclose((first + second) / 2, equal))
        True
        """
        total = 0.0
        batches = names_in_batches(name_of_row, len(labels), self.names_per_batch, rng)
        name_scale = row_scale = None
        if name_weights is not None:
            name_scale = name_weights / name_weights.mean()
            row_scale = name_weights[name_of_row]
            row_scale = row_scale / row_scale.mean()
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for rows, local, names in batches:
                scales = (
                    () if name_scale is None else (name_scale[names], row_scale[rows])
                )
                loss = self.step(
                    contexts[rows], targets[rows], local, labels[names], rng, *scales
                )
                total += loss * len(names)
        label_loss = total / len(labels)
        if not np.isfinite(label_loss) or not np.all(np.isfinite(self.workspace.flat)):
            raise DivergenceError("the label loss of the fine-tuning is not finite")
        self.optimizer.flush([self.workspace.flat])  # see adam.flush_subnormals
        return label_loss

    def step(
        self, contexts, targets, local, labels, rng, name_scale=None, row_scale=None
    ):
        """One optimizer step on a batch of whole names; returns its label loss.

        Parameters
        ----------
        contexts : ndarray of int of shape (m, L)
            The batch's context ids, without the label column.
        targets : ndarray of int of shape (m,)
            The batch's next-character ids.
        local : ndarray of int of shape (m,)
            The name of each window, in ``[0, n_names)`` of the batch.
        labels : ndarray of int of shape (n_names,)
            Each of the batch's names' label id.
        rng : numpy.random.Generator
            Draws the dropout masks.
        name_scale, row_scale : ndarray of shape (n_names,) and (m,), or None
            The batch's names' and windows' weights, as
            :func:`label_loss_weights` takes them (None: equal weights).

        Returns
        -------
        label_loss : float
            The batch's mean ``-log P(label | name)``, before the step.

        Examples
        --------
        Two names, one per label: the label loss of the first batch is
        ``log 2`` (the untrained model gives each label probability 1/2), and
        it goes down step by step.

        >>> import numpy as np
        >>> from sknextchar.nn.adam import AdamOptimizer
        >>> from sknextchar.nn.functional import init_params
        >>> from sknextchar.nn.training import ParameterWorkspace
        >>> E, coefs, intercepts, label_E = init_params(
        ...     3, 2, 1, (8,), 3, "tanh", np.float64, np.random.RandomState(0),
        ...     labels=(2, 2))
        >>> ws = ParameterWorkspace(E, coefs, intercepts, np.float64, label_E)
        >>> tuner = LabelFineTuner(
        ...     ws, AdamOptimizer([ws.flat], learning_rate_init=0.05),
        ...     activation="tanh", alpha=0.0, weight=1.0, log_prior=np.log([0.5, 0.5]),
        ...     names_per_batch=2, dropout=0.0, hidden_layer_sizes=[8])
        >>> contexts, targets = np.array([[0], [1], [0], [2]]), np.array([1, 0, 2, 0])
        >>> local, labels = np.array([0, 0, 1, 1]), np.array([0, 1])
        >>> rng = np.random.default_rng(0)
        >>> losses = [tuner.step(contexts, targets, local, labels, rng)
        ...           for _ in range(3)]
        >>> bool(np.isclose(losses[0], np.log(2)))
        True
        >>> losses[0] > losses[1] > losses[2]
        True
        """
        dtype = self.workspace.flat.dtype
        n_labels = len(self.log_prior)
        X = with_every_label(contexts, n_labels)
        y = np.tile(targets, n_labels)
        masks = None
        if self.dropout:
            masks = dropout_masks(
                len(y), self.hidden_layer_sizes, self.dropout, rng, dtype
            )

        def label_loss(log_proba):  # and the rows' weights in its gradient
            target_logp = target_log_proba(log_proba, y).astype(np.float64)
            row_weights, value = label_loss_weights(
                target_logp.reshape(n_labels, len(targets)), local, labels,
                self.log_prior, self.weight, name_scale, row_scale,
            )  # fmt: skip
            return value, row_weights.astype(dtype)

        return gradient_step(
            self.workspace, self.optimizer, X, y, label_loss,
            activation=self.activation, alpha=self.alpha, l2_rows=len(targets),
            masks=masks,
        )  # fmt: skip
