"""CharEmbeddingMLPClassifier: P(next character | context) with embeddings + MLP."""

import contextlib
import copy
import inspect
import math
import time
import warnings
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, _fit_context
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import gen_batches
from sklearn.utils._param_validation import (
    Interval,
    InvalidParameterError,
    Options,
    StrOptions,
)
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import (
    check_is_fitted,
    check_non_negative,
    check_random_state,
    column_or_1d,
    validate_data,
)

from ._adam import AdamOptimizer
from ._base import (
    ACTIVATIONS,
    backward,
    dropout_masks,
    forward,
    init_params,
    loss,
    squared_norm,
)
from ._blas import one_blas_thread
from ._estimator import PackageEstimatorMixin
from ._windows import CharWindows

# Training has diverged when an epoch's mean loss exceeds this many times the loss
# of a uniform prediction (at least 1 nat) plus the L2 penalty at the start of the
# call. Adam's bounded steps keep the weights finite even at absurd step sizes, so
# the loss, not only NaN, must reveal it.
_DIVERGENCE_FACTOR = 10

# Rows per forward pass at prediction time: bounds the memory of predicting on a
# large corpus to a few MB of activations.
_PREDICT_CHUNK = 4096


class _DivergedError(ArithmeticError):
    """Raised inside training when the loss explodes or stops being finite."""


class _Buffers:
    """The parameters and their gradients as views into two flat buffers.

    One contiguous buffer per role makes an Adam step a handful of vectorised
    operations, whatever the number of layers. The layout is ``[embeddings,
    *coefs, *intercepts]``, so the L2-penalised arrays are a prefix.
    """

    def __init__(self, embeddings, coefs, intercepts, dtype):
        arrays = [embeddings, *coefs, *intercepts]
        self.flat = np.empty(sum(a.size for a in arrays), dtype=dtype)
        self.grad_flat = np.empty_like(self.flat)
        views, grad_views, start = [], [], 0
        for array in arrays:
            stop = start + array.size
            views.append(self.flat[start:stop].reshape(array.shape))
            grad_views.append(self.grad_flat[start:stop].reshape(array.shape))
            views[-1][...] = array
            start = stop
        n = len(coefs)
        self.embeddings, self.coefs, self.intercepts = (
            views[0],
            views[1 : n + 1],
            views[n + 1 :],
        )
        self.grads = (grad_views[0], grad_views[1 : n + 1], grad_views[n + 1 :])
        self.n_weights = embeddings.size + sum(c.size for c in coefs)
        self.best = None  # copy of flat at the best validation epoch
        self.loss_limit = np.inf  # an epoch's mean loss above it means divergence

    @property
    def weights(self):
        """The L2-penalised parameters (embeddings and coefs) as one flat view."""
        return self.flat[: self.n_weights]


class CharEmbeddingMLPClassifier(PackageEstimatorMixin, ClassifierMixin, BaseEstimator):
    """Predict the next character from learned character embeddings and an MLP.

    The neural probabilistic language model of Bengio et al. (2003) at the
    scale of characters. Each symbol of the vocabulary has a learned vector of
    ``embedding_dim`` numbers (a row of ``embeddings_``); the vectors of the
    ``context_length`` previous symbols are concatenated and fed to a
    multi-layer perceptron whose softmax output is the distribution of the next
    symbol. Embeddings and weights are learned jointly by minimising the mean
    cross-entropy plus an L2 penalty with Adam, in NumPy.

    ``fit`` takes the :class:`CharWindows` container that
    :class:`ContextWindowTransformer` returns (the targets come from it, and
    ``classes_`` is the whole vocabulary), so the two make a stock
    :class:`~sklearn.pipeline.Pipeline` from names to next-character
    probabilities. It also takes an ordinary integer array of context ids with
    targets ``y``, as any classifier does.

    Parameters
    ----------
    embedding_dim : int, default=10
        Length ``K`` of each symbol's embedding vector.
    hidden_layer_sizes : array-like of int, default=(500,)
        Units of each hidden layer; ``()`` gives a log-bilinear model (embeddings
        straight to the softmax).
    activation : {"relu", "tanh", "logistic", "identity"}, default="relu"
        Activation of the hidden layers.
    alpha : float, default=0.01
        Strength of the L2 penalty ``alpha / (2 * batch size) * ||w||**2`` on the
        embeddings and the coefficients (not the intercepts), as in
        :class:`~sklearn.neural_network.MLPClassifier`. The embeddings are
        penalised too, because a penalty on the first layer alone could be
        dodged by scaling the embeddings up.
    dropout : float, default=0.0
        Probability of dropping each hidden unit of each training window in
        each step (inverted dropout: the kept units are scaled by
        ``1 / (1 - dropout)``, so prediction uses the whole network unchanged).
        0 disables it. A regulariser for large networks: with context 8,
        embeddings of 24 and 512 units, 20 epochs on the bundled names reach a
        held-out NLL of 1.99 nats per character without it and 1.91 with 0.3
        (see :func:`~sknextchar.make_tuned_pipeline`, which uses it).
    batch_size : int, default=128
        Windows per Adam step; clipped to the number of training windows.
    learning_rate : {"cosine", "constant"}, default="cosine"
        Learning-rate schedule. ``"constant"`` keeps ``learning_rate_init``.
        ``"cosine"`` decays it once per epoch along half a cosine, from
        ``learning_rate_init`` in the first epoch towards 1/100 of it at epoch
        ``max_iter``; ``partial_fit`` places each call on the same schedule by
        the number of epochs trained so far, and stays at the floor after
        ``max_iter`` epochs. On the bundled names it lowers the held-out
        negative log-likelihood by about 0.04 nats per character for the same
        number of epochs.
    learning_rate_init : float, default=0.005
        The Adam step size (before the schedule).
    max_iter : int, default=20
        Maximum number of epochs (passes over the training windows). With
        ``learning_rate="constant"``, reaching it raises a
        :class:`~sklearn.exceptions.ConvergenceWarning`; with ``"cosine"`` it is
        the planned length of the schedule, so it does not.
    shuffle : bool, default=True
        Whether to shuffle the windows before each epoch.
    random_state : int, RandomState instance or None, default=None
        Seeds the initial weights, the shuffling and the validation split. Pass
        an int for reproducible results.
    tol : float, default=1e-4
        Minimum improvement of the training loss (or of the validation score
        under ``early_stopping``) that resets the patience counter.
    verbose : bool or int, default=False
        Print one progress line per epoch: loss, validation score, seconds.
    warm_start : bool, default=False
        When True, ``fit`` starts from the previous solution instead of new
        random weights (with a fresh optimizer, as in
        :class:`~sklearn.neural_network.MLPClassifier`).
    early_stopping : bool, default=False
        Hold out ``validation_fraction`` of the training names (whole names,
        never single windows, when ``X`` is a :class:`CharWindows`; rows for an
        array), stop
        when the held-out log-likelihood has not improved by ``tol`` for
        ``n_iter_no_change`` epochs, and restore the weights of the best epoch.
    validation_fraction : float, default=0.1
        Fraction of the names (or rows) held out under ``early_stopping``.
    beta_1 : float, default=0.9
        Adam's decay rate of the first moment estimates, in [0, 1).
    beta_2 : float, default=0.999
        Adam's decay rate of the second moment estimates, in [0, 1).
    epsilon : float, default=1e-8
        Adam's numerical stability term.
    n_iter_no_change : int, default=10
        Patience: the number of consecutive epochs without an improvement of at
        least ``tol`` after which training stops.
    dtype : {"float32", "float64"}, default="float32"
        Floating type of the parameters and of the computation. On the bundled
        names float32 trains about 1.8 times faster than float64 and reaches
        the same held-out likelihood (to 0.003 nats); float64 is for checking
        gradients.
    callback : callable or None, default=None
        Called after every epoch as ``callback(info)`` with a dict with the keys
        ``"epoch"`` (1-based, within the current call), ``"max_iter"``,
        ``"loss"``, ``"validation_score"`` (None without early stopping),
        ``"learning_rate"`` and ``"seconds"`` (of the epoch). Returning True
        stops training after that epoch. Meant for progress bars and custom
        logging; it must not modify the estimator.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The class labels, in the column order of :meth:`predict_proba`. After
        fitting on a :class:`CharWindows`, the whole vocabulary as ``str`` in id
        order (symbols never seen as targets included); otherwise the sorted
        unique labels of ``y``.
    embeddings_ : ndarray of shape (n_symbols, embedding_dim)
        Row ``i`` is the embedding of context id ``i``. After fitting on a
        :class:`CharWindows`, ``n_symbols`` is the vocabulary size; after
        fitting on an array, it is the largest context id seen by the first
        ``fit`` or ``partial_fit`` plus one, and larger ids are an error.
    coefs_ : list of ndarray
        ``coefs_[i]`` has shape ``(fan_in, fan_out)``; ``coefs_[0]`` maps the
        ``context_length * embedding_dim`` concatenated embeddings to the first
        hidden layer (or to the output).
    intercepts_ : list of ndarray
        ``intercepts_[i]`` has shape ``(fan_out,)``.
    loss_ : float
        Training loss (mean cross-entropy in nats plus the L2 penalty) of the
        last epoch.
    loss_curve_ : list of float
        Training loss of every epoch so far.
    best_loss_ : float or None
        Lowest training loss reached; None under ``early_stopping`` (see
        ``best_validation_score_``), as in
        :class:`~sklearn.neural_network.MLPClassifier`.
    validation_scores_ : list of float or None
        Under ``early_stopping``, the held-out mean log-likelihood per
        character (natural log, higher is better) after every epoch; else None.
    best_validation_score_ : float or None
        The best of ``validation_scores_``, whose weights were restored; None
        without early stopping.
    n_iter_ : int
        Epochs run by the last call to ``fit`` (1 after ``partial_fit``).
    t_ : int
        Training windows seen by the optimizer over all calls.
    n_features_in_ : int
        The context length.

    See Also
    --------
    ContextWindowTransformer : Cuts names into the windows this model learns.
    sklearn.neural_network.MLPClassifier : The generic MLP whose training
        contract this estimator follows.

    Notes
    -----
    Contexts stay small integer arrays: the embeddings are gathered one
    mini-batch at a time and no one-hot copy of the data is ever made. The
    parameters live in one flat buffer (and their gradients in another), so an
    Adam step is a few vectorised operations; BLAS runs single-threaded during
    training and prediction, which is faster for these small products, robust on
    a busy machine, and makes the results independent of the BLAS thread count.

    Training has diverged when the loss or the weights stop being finite, or
    when an epoch's mean loss exceeds ten times that of a uniform prediction
    (Adam's bounded steps keep the weights finite even at absurd step sizes).
    Then a ValueError says so and the estimator is left exactly as it was
    before the call: unfitted after a first ``fit``, with its previous weights
    after ``partial_fit`` or a warm-started ``fit``. Any other error, or a
    KeyboardInterrupt, during a training call leaves it unchanged too; to stop
    a long run early and keep the model, return True from ``callback``.

    References
    ----------
    Y. Bengio, R. Ducharme, P. Vincent and C. Jauvin, "A Neural Probabilistic
    Language Model", Journal of Machine Learning Research 3:1137-1155, 2003.

    D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization",
    ICLR 2015.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> names = ["abid", "adil", "aditi", "amit", "anil", "anita", "arif", "asha"]
    >>> pipe = make_pipeline(
    ...     ContextWindowTransformer(context_length=3),
    ...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(32,), batch_size=8,
    ...                                learning_rate_init=0.01, max_iter=40,
    ...                                random_state=0),
    ... ).fit(names)
    >>> proba = pipe.predict_proba(["amit"])  # one row per window of "amit"
    >>> proba.shape
    (5, 27)
    >>> pipe.score(names) > -1.0  # mean log-likelihood per character
    True
    >>> transformer, clf = pipe[0], pipe[-1]
    >>> contexts = transformer.encode_prefixes(["ash"])  # what follows "ash"?
    >>> clf.predict(contexts)
    array(['a'], dtype='<U1')
    """

    _parameter_constraints = {
        "embedding_dim": [Interval(Integral, 1, None, closed="left")],
        "hidden_layer_sizes": [
            "array-like",
            Interval(Integral, 1, None, closed="left"),
        ],
        "activation": [StrOptions(set(ACTIVATIONS))],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "dropout": [Interval(Real, 0, 1, closed="left")],
        "batch_size": [Interval(Integral, 1, None, closed="left")],
        "learning_rate": [StrOptions({"constant", "cosine"})],
        "learning_rate_init": [Interval(Real, 0, None, closed="neither")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": ["random_state"],
        "tol": [Interval(Real, 0, None, closed="left")],
        "verbose": ["verbose"],
        "warm_start": ["boolean"],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="left")],
        "beta_1": [Interval(Real, 0, 1, closed="left")],
        "beta_2": [Interval(Real, 0, 1, closed="left")],
        "epsilon": [Interval(Real, 0, None, closed="neither")],
        "n_iter_no_change": [
            Interval(Integral, 1, None, closed="left"),
            Options(Real, {np.inf}),
        ],
        "dtype": [
            StrOptions({"float32", "float64"}),
            Options(type, {np.float32, np.float64}),
        ],
        "callback": [callable, None],
    }

    def __init__(
        self,
        embedding_dim=10,
        *,
        hidden_layer_sizes=(500,),
        activation="relu",
        alpha=0.01,
        dropout=0.0,
        batch_size=128,
        learning_rate="cosine",
        learning_rate_init=0.005,
        max_iter=20,
        shuffle=True,
        random_state=None,
        tol=1e-4,
        verbose=False,
        warm_start=False,
        early_stopping=False,
        validation_fraction=0.1,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-8,
        n_iter_no_change=10,
        dtype="float32",
        callback=None,
    ):
        self.embedding_dim = embedding_dim
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.alpha = alpha
        self.dropout = dropout
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.learning_rate_init = learning_rate_init
        self.max_iter = max_iter
        self.shuffle = shuffle
        self.random_state = random_state
        self.tol = tol
        self.verbose = verbose
        self.warm_start = warm_start
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.n_iter_no_change = n_iter_no_change
        self.dtype = dtype
        self.callback = callback

    # ------------------------------------------------------------------ fit

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y=None):
        """Learn the embeddings and the weights from training windows.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            The windows of :meth:`ContextWindowTransformer.transform`, or an
            array of context ids (non-negative integers).
        y : None or array-like of shape (n_windows,)
            Must be None for a :class:`CharWindows` (the targets are inside);
            required for an array: the label of the symbol after each context.

        Returns
        -------
        self : CharEmbeddingMLPClassifier
            The fitted classifier.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import CharEmbeddingMLPClassifier
        >>> X = np.array([[0, 1], [1, 2], [2, 0]])  # context ids, 2 per window
        >>> y = np.array(["b", "c", "a"])
        >>> clf = CharEmbeddingMLPClassifier(embedding_dim=2, learning_rate_init=0.05,
        ...                                  max_iter=100, random_state=0).fit(X, y)
        >>> clf.predict(X).tolist()
        ['b', 'c', 'a']
        """
        self._check_params_together(partial=False)
        cold = not (self.warm_start and hasattr(self, "coefs_"))
        with self._atomic_call():
            contexts, targets, groups, n_symbols = self._check_training_data(
                X, y, first=cold, exact_classes=True
            )
            rng = check_random_state(self.random_state)
            if cold:
                self._initialize(contexts, n_symbols, rng)
            self._check_architecture()
            self._start_stopping_state(new_run=True)
            ws = self._workspace(len(targets))
            self._optimizer = self._new_optimizer(ws)
            if self.early_stopping:
                train, val = self._split_validation(contexts, targets, groups, rng)
            else:
                train, val = (contexts, targets), None
            with one_blas_thread():
                self._fit_epochs(ws, train, val, rng)
        return self

    @_fit_context(prefer_skip_nested_validation=True)
    def partial_fit(self, X, y=None, classes=None):
        """Train for exactly one epoch over the given windows.

        The first call initialises the model; later calls continue from the
        current weights and optimizer state (Adam's moments and step count).
        ``early_stopping`` is not supported here, as in
        :class:`~sklearn.neural_network.MLPClassifier`: hold out your own data
        and call :meth:`score`.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Training windows, as in :meth:`fit`.
        y : None or array-like of shape (n_windows,)
            None for a :class:`CharWindows`; the labels for an array.
        classes : array-like of shape (n_classes,), default=None
            All the labels that any call may see. Required on the first call
            with an array ``X``; with a :class:`CharWindows`, the vocabulary is
            the classes and ``classes`` must be None or equal to it.

        Returns
        -------
        self : CharEmbeddingMLPClassifier
            The updated classifier.

        Examples
        --------
        >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
        >>> clf = CharEmbeddingMLPClassifier(random_state=0)
        >>> for _ in range(3):
        ...     clf = clf.partial_fit(windows)
        >>> len(clf.loss_curve_), clf.t_
        (3, 30)
        """
        self._check_params_together(partial=True)
        first = not hasattr(self, "coefs_")
        with self._atomic_call():
            contexts, targets, _, n_symbols = self._check_training_data(
                X, y, first=first, exact_classes=False, classes=classes
            )
            rng = check_random_state(self.random_state)
            if first:
                self._initialize(contexts, n_symbols, rng)
            self._check_architecture()
            self._start_stopping_state(new_run=False)
            ws = self._workspace(len(targets))
            if getattr(self, "_optimizer", None) is None:
                self._optimizer = self._new_optimizer(ws)
            else:
                self._sync_optimizer(ws)
            self.n_iter_ = 0
            with one_blas_thread():
                self._run_epoch(
                    ws, (contexts, targets), None, rng, len(self.loss_curve_)
                )
        return self

    def _fit_epochs(self, ws, train, val, rng):
        """The epoch loop of ``fit``: stopping, warning, best-weight restore."""
        self.n_iter_ = 0
        for epoch in range(self.max_iter):
            reason = self._run_epoch(ws, train, val, rng, epoch)
            if reason:
                if self.verbose:
                    print(f"Stopping: {reason}.", flush=True)
                break
        else:
            # A cosine schedule is planned to end at max_iter, with the step size
            # annealed to 1%: reaching it is the end of the run, not a failure.
            if self.learning_rate == "constant":
                what = "validation score" if val else "training loss"
                warnings.warn(
                    f"Stopped after max_iter={self.max_iter} epochs before the "
                    f"{what} stopped improving by tol={self.tol}; increase "
                    "max_iter to train longer.",
                    ConvergenceWarning,
                    stacklevel=4,  # the caller of fit
                )
        if val is not None:
            ws.flat[:] = ws.best  # the weights of the best validation epoch

    def _run_epoch(self, ws, train, val, rng, schedule_epoch):
        """One epoch and its bookkeeping; returns why training should stop, or None."""
        start = time.perf_counter()
        self._optimizer.learning_rate = self._scheduled_learning_rate(schedule_epoch)
        epoch_loss = self._fit_epoch(ws, *train, rng)
        self.n_iter_ += 1
        self.t_ += len(train[1])
        self.loss_ = epoch_loss
        self.loss_curve_.append(epoch_loss)
        stop = self._update_no_improvement(ws, val)
        info = {
            "epoch": self.n_iter_,
            "max_iter": self.max_iter,
            "loss": epoch_loss,
            "validation_score": self.validation_scores_[-1] if val else None,
            "learning_rate": self._optimizer.learning_rate,
            "seconds": time.perf_counter() - start,
        }
        if self.verbose:
            print(_progress_line(info), flush=True)
        if self.callback is not None and self.callback(info):
            return "the callback asked to stop"
        if stop:
            return (
                f"{'training loss' if val is None else 'validation score'} did not "
                f"improve by tol={self.tol} for {self.n_iter_no_change} consecutive "
                "epochs"
            )
        return None

    def _fit_epoch(self, ws, X, y, rng):
        """One pass over the windows in mini-batches; returns the mean loss."""
        if self.shuffle:
            order = rng.permutation(len(y))
            X, y = X[order], y[order]
        batch_size = min(self.batch_size, len(y))
        epoch = self.n_iter_ + 1
        total = 0.0
        # Drawn only with dropout, so the random stream of the default is unchanged.
        generator = (
            np.random.default_rng(rng.randint(np.iinfo(np.int32).max))
            if self.dropout
            else None
        )
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for batch in gen_batches(len(y), batch_size):
                batch_loss = self._fit_batch(ws, X[batch], y[batch], generator)
                if not math.isfinite(batch_loss):
                    raise _DivergedError(
                        f"the training loss became {batch_loss} in epoch {epoch}"
                    )
                total += batch_loss * (batch.stop - batch.start)
        mean_loss = total / len(y)
        if mean_loss > ws.loss_limit:
            raise _DivergedError(
                f"the mean training loss of epoch {epoch} was {mean_loss:.3g} nats, "
                f"above {ws.loss_limit:.3g}, {_DIVERGENCE_FACTOR} times that of a "
                "uniform prediction"
            )
        if not np.isfinite(ws.flat).all():
            raise _DivergedError(f"the weights stopped being finite in epoch {epoch}")
        return mean_loss

    def _fit_batch(self, ws, X, y, generator=None):
        """One Adam step on one mini-batch; returns the batch loss."""
        masks = None
        if generator is not None:
            masks = dropout_masks(
                len(y), self._hidden_sizes(), self.dropout, generator, ws.flat.dtype
            )
        hidden, log_proba = forward(
            X, ws.embeddings, ws.coefs, ws.intercepts, self.activation, masks
        )
        batch_loss = loss(log_proba, y, [ws.weights], self.alpha)
        backward(
            X,
            y,
            ws.embeddings,
            ws.coefs,
            hidden,
            log_proba,
            self.activation,
            self.alpha,
            out=ws.grads,
            masks=masks,
        )
        self._optimizer.update_params([ws.flat], [ws.grad_flat])
        return batch_loss

    def _update_no_improvement(self, ws, val):
        """Track the best epoch and the patience counter; True means stop."""
        if val is None:
            improved = self.loss_ < self.best_loss_ - self.tol
            self.best_loss_ = min(self.best_loss_, self.loss_)
        else:
            score = self._mean_log_likelihood(*val)
            self.validation_scores_.append(score)
            improved = score > self.best_validation_score_ + self.tol
            if score > self.best_validation_score_:
                self.best_validation_score_ = score
                ws.best = ws.flat.copy()
        self._no_improvement_count = 0 if improved else self._no_improvement_count + 1
        return self._no_improvement_count >= self.n_iter_no_change

    def _scheduled_learning_rate(self, epoch):
        """The step size of an epoch (0-based) under ``learning_rate``."""
        if self.learning_rate == "constant":
            return self.learning_rate_init
        progress = min(epoch / self.max_iter, 1.0)
        floor = 0.01
        return self.learning_rate_init * (
            floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress))
        )

    # ------------------------------------------------------ fit: the setup

    def _check_params_together(self, partial):
        """Rules that involve two parameters, checked when fitting."""
        if self.early_stopping and partial:
            raise ValueError(
                "partial_fit does not support early_stopping=True; hold out your own "
                "names and call score, or use fit."
            )
        if self.early_stopping and self.validation_fraction == 0:
            raise ValueError(
                f"validation_fraction={self.validation_fraction!r} holds out no "
                "data, but early_stopping=True needs a validation set; pass "
                "validation_fraction > 0 (e.g. 0.1) or early_stopping=False."
            )
        sizes = np.asarray(self.hidden_layer_sizes)
        if sizes.ndim > 1 or (
            sizes.size and (sizes.dtype.kind not in "iu" or sizes.min() < 1)
        ):
            raise InvalidParameterError(
                f"hidden_layer_sizes must hold positive integers; got "
                f"{self.hidden_layer_sizes!r}."
            )

    def _check_training_data(self, X, y, *, first, exact_classes, classes=None):
        """Validate training input; set ``classes_`` on a first call.

        Returns the contexts, the class index of each target, the name of each
        window for a :class:`CharWindows` (else None), and the number of
        embedding rows the contexts need.
        """
        if isinstance(X, CharWindows):
            if y is not None:
                raise ValueError(
                    "y must be None when X is a CharWindows container: the targets "
                    f"come from the windows; got y of type {type(y).__name__}."
                )
            if classes is not None and list(np.asarray(classes)) != list(X.vocabulary):
                raise ValueError(
                    "classes must be None or the windows' vocabulary "
                    f"{X.vocabulary!r}; got {classes!r}."
                )
            contexts = validate_data(self, X.contexts, reset=first, dtype=None)
            if first:
                self.classes_ = np.array(X.vocabulary)
                n_symbols = len(X.vocabulary)
            else:
                self._check_vocabulary(X.vocabulary)
                n_symbols = self.embeddings_.shape[0]
            self._check_ids_in_table(contexts, n_symbols)
            return contexts, X.targets, X.name_index, n_symbols

        if y is None:
            raise ValueError(
                f"This {type(self).__name__} estimator requires y to be passed, but "
                "the target y is None. Pass the next-symbol labels, or pass the "
                "CharWindows container of ContextWindowTransformer as X."
            )
        X, y = validate_data(self, X, y, reset=first, dtype="numeric")
        check_classification_targets(y)
        contexts = self._as_ids(X)
        if first:
            if classes is None and not exact_classes:
                raise ValueError(
                    "classes must be passed on the first call to partial_fit."
                )
            self.classes_ = np.unique(y if classes is None else np.asarray(classes))
            n_symbols = int(contexts.max()) + 1
        else:
            if classes is not None and not np.array_equal(
                np.unique(classes), self.classes_
            ):
                raise ValueError(
                    f"classes={classes!r} is not the same as on the first call to "
                    f"partial_fit, {self.classes_.tolist()!r}."
                )
            n_symbols = self.embeddings_.shape[0]
        self._check_labels(y, same_set=exact_classes and not first)
        self._check_ids_in_table(contexts, n_symbols)
        return contexts, np.searchsorted(self.classes_, y), None, n_symbols

    def _initialize(self, contexts, n_symbols, rng):
        """New random parameters and empty training history."""
        self.embeddings_, self.coefs_, self.intercepts_ = init_params(
            n_symbols,
            self.embedding_dim,
            contexts.shape[1],
            self._hidden_sizes(),
            len(self.classes_),
            self.activation,
            np.dtype(self.dtype),
            rng,
        )
        self.n_iter_ = 0
        self.t_ = 0
        self.loss_curve_ = []
        self.best_loss_ = None
        self.validation_scores_ = None
        self.best_validation_score_ = None
        self._no_improvement_count = 0
        self._optimizer = None

    def _start_stopping_state(self, new_run):
        """Set the records that early stopping or the patience counter compare to.

        A ``fit`` is a new run (the patience counter restarts); ``partial_fit``
        continues the count. Switching ``early_stopping`` between warm-started
        fits keeps the records that still apply, as MLPClassifier's names mean:
        ``best_loss_`` is None under early stopping, the validation records are
        None without it.
        """
        if new_run:
            self._no_improvement_count = 0
        if self.early_stopping:
            self.best_loss_ = None
            if self.validation_scores_ is None:
                self.validation_scores_ = []
                self.best_validation_score_ = -np.inf
        else:
            if self.best_loss_ is None:
                self.best_loss_ = min(self.loss_curve_, default=np.inf)
            self.validation_scores_ = None
            self.best_validation_score_ = None

    def _check_architecture(self):
        """Refuse to continue training weights of another shape."""
        expected = [self.n_features_in_ * self.embedding_dim, *self._hidden_sizes()]
        actual = [c.shape[0] for c in self.coefs_]
        if self.embeddings_.shape[1] != self.embedding_dim or expected != actual:
            raise ValueError(
                f"embedding_dim={self.embedding_dim!r} and hidden_layer_sizes="
                f"{self.hidden_layer_sizes!r} do not match the fitted weights "
                f"(embedding_dim={self.embeddings_.shape[1]}, hidden_layer_sizes="
                f"{tuple(actual[1:])}). Continuing training needs the same "
                "architecture: restore the parameters, or set warm_start=False and "
                "call fit to start again."
            )

    def _workspace(self, n_windows):
        """Pack the public parameters into flat buffers and point them at the views.

        The public attributes are the source of truth (a pickled or loaded
        estimator has lost any memory sharing), so every training call repacks.
        """
        ws = _Buffers(
            self.embeddings_, self.coefs_, self.intercepts_, np.dtype(self.dtype)
        )
        self.embeddings_ = ws.embeddings
        self.coefs_ = list(ws.coefs)
        self.intercepts_ = list(ws.intercepts)
        if self.early_stopping:
            ws.best = ws.flat.copy()
        uniform = max(math.log(len(self.classes_)), 1.0)
        batch = min(self.batch_size, n_windows)
        penalty = 0.5 * self.alpha / batch * squared_norm([ws.weights])
        ws.loss_limit = _DIVERGENCE_FACTOR * (uniform + penalty)
        return ws

    def _new_optimizer(self, ws):
        return AdamOptimizer(
            [ws.flat],
            learning_rate_init=self.learning_rate_init,
            beta_1=self.beta_1,
            beta_2=self.beta_2,
            epsilon=self.epsilon,
        )

    def _sync_optimizer(self, ws):
        """Reuse the optimizer state with the current parameters and dtype."""
        opt = self._optimizer
        if opt.ms[0].shape != ws.flat.shape:
            opt.ms, opt.vs = [np.zeros_like(ws.flat)], [np.zeros_like(ws.flat)]
            opt.t = 0
        opt.ms = [m.astype(ws.flat.dtype, copy=False) for m in opt.ms]
        opt.vs = [v.astype(ws.flat.dtype, copy=False) for v in opt.vs]
        opt.learning_rate_init = self.learning_rate_init
        opt.beta_1, opt.beta_2, opt.epsilon = self.beta_1, self.beta_2, self.epsilon

    def _split_validation(self, contexts, targets, groups, rng):
        """Hold out ``validation_fraction`` of the names (or of the rows)."""
        units = np.unique(groups) if groups is not None else np.arange(len(targets))
        n_val = math.ceil(self.validation_fraction * len(units))
        kind = "names" if groups is not None else "rows"
        if n_val >= len(units) or len(units) < 2:
            raise ValueError(
                f"The validation set is too small: validation_fraction="
                f"{self.validation_fraction!r} of {len(units)} {kind} leaves "
                f"{len(units) - n_val} for training. Use more data, a smaller "
                "validation_fraction, or early_stopping=False."
            )
        held_out = rng.choice(units, size=n_val, replace=False)
        if groups is not None:
            is_val = np.isin(groups, held_out)  # every window of a held-out name
        else:
            is_val = np.zeros(len(targets), dtype=bool)
            is_val[held_out] = True
        return (
            (contexts[~is_val], targets[~is_val]),
            (contexts[is_val], targets[is_val]),
        )

    # --------------------------------------------------------------- predict

    def predict_log_proba(self, X):
        """Natural-log probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        log_proba : ndarray of shape (n_windows, n_classes)
            Columns in the order of ``classes_`` (the vocabulary's id order
            after fitting on windows).

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import CharEmbeddingMLPClassifier
        >>> clf = CharEmbeddingMLPClassifier(random_state=0).fit(
        ...     np.array([[0, 1], [1, 0]]), ["x", "y"])
        >>> log_proba = clf.predict_log_proba(np.array([[0, 1]]))
        >>> log_proba.shape, bool(np.isclose(np.exp(log_proba).sum(), 1.0))
        ((1, 2), True)
        """
        contexts = self._check_predict_input(X)
        return self._log_proba(contexts)

    def predict_proba(self, X):
        """Probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        proba : ndarray of shape (n_windows, n_classes)
            Rows sum to 1; columns in the order of ``classes_``.

        Examples
        --------
        >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
        >>> t = ContextWindowTransformer().fit(["abid"])
        >>> clf = CharEmbeddingMLPClassifier(random_state=0).fit(t.transform(["abid"]))
        >>> proba = clf.predict_proba(t.encode_prefixes(["ab"]))  # P(char after "ab")
        >>> proba.shape, clf.classes_[proba.argmax()]
        ((1, 27), np.str_('i'))
        """
        return np.exp(self.predict_log_proba(X))

    def predict(self, X):
        """The most probable next symbol after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.

        Returns
        -------
        y_pred : ndarray of shape (n_windows,)
            Labels from ``classes_``.

        Examples
        --------
        >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
        >>> t = ContextWindowTransformer().fit(["abid"])
        >>> clf = CharEmbeddingMLPClassifier(random_state=0).fit(t.transform(["abid"]))
        >>> "".join(clf.predict(t.transform(["abid"])))
        'abid-'
        """
        log_proba = self.predict_log_proba(X)  # checks that the model is fitted
        return self.classes_[np.argmax(log_proba, axis=1)]

    def score(self, X, y=None):
        """Mean natural-log likelihood per predicted character (higher is better).

        Every window counts once, the end-of-name marker included, so this is
        minus the held-out cross-entropy in nats per character. It is what
        :class:`~sklearn.model_selection.GridSearchCV` and
        :func:`~sklearn.model_selection.cross_val_score` maximise by default.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        y : None or array-like of shape (n_windows,)
            None for a :class:`CharWindows`; the true labels for an array.

        Returns
        -------
        score : float
            ``mean(log P(target | context))``, at most 0.

        Examples
        --------
        >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
        >>> clf = CharEmbeddingMLPClassifier(random_state=0).fit(windows)
        >>> round(clf.score(windows), 2) <= 0
        True
        """
        if isinstance(X, CharWindows):
            if y is not None:
                raise ValueError(
                    "y must be None when X is a CharWindows container: the targets "
                    f"come from the windows; got y of type {type(y).__name__}."
                )
            contexts = self._check_predict_input(X)
            if list(self.classes_) != list(X.vocabulary):
                raise ValueError(
                    "This model's classes_ are not the windows' vocabulary, so the "
                    "windows' targets cannot be scored; pass score(contexts, y)."
                )
            return self._mean_log_likelihood(contexts, X.targets)
        if y is None:
            raise ValueError(
                "score needs y when X is an array of contexts; pass the true labels, "
                "or pass a CharWindows container as X."
            )
        contexts = self._check_predict_input(X)
        y = column_or_1d(y, warn=True)
        if len(y) != len(contexts):
            raise ValueError(
                f"X and y have different numbers of rows: {len(contexts)} and {len(y)}."
            )
        self._check_labels(y, same_set=False)
        return self._mean_log_likelihood(contexts, np.searchsorted(self.classes_, y))

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        # Contexts are small non-negative integer ids: this makes scikit-learn's
        # common checks feed integer data.
        tags.input_tags.categorical = True
        tags.input_tags.positive_only = True
        return tags

    # ------------------------------------------------------ predict: helpers

    def _check_predict_input(self, X):
        """Validated context ids of ``X`` for a fitted model."""
        check_is_fitted(self)
        if isinstance(X, CharWindows):
            if self.classes_.dtype.kind == "U":
                self._check_vocabulary(X.vocabulary)
            contexts = validate_data(self, X.contexts, reset=False, dtype=None)
        else:
            contexts = self._as_ids(
                validate_data(self, X, reset=False, dtype="numeric")
            )
        self._check_ids_in_table(contexts, self.embeddings_.shape[0])
        return contexts

    def _log_proba(self, contexts):
        """Log-probabilities in chunks, to bound the memory of the activations."""
        out = np.empty((len(contexts), len(self.classes_)), dtype=self.coefs_[0].dtype)
        # One BLAS thread, as in training: a product split over threads sums in
        # another order, so scores would depend on the thread count (and differ
        # between GridSearchCV's n_jobs=1 and its workers); one thread was also
        # twice as fast on 4096-row chunks on a busy 2-core machine.
        with one_blas_thread():
            for rows in gen_batches(len(contexts), _PREDICT_CHUNK):
                _, out[rows] = forward(
                    contexts[rows],
                    self.embeddings_,
                    self.coefs_,
                    self.intercepts_,
                    self.activation,
                )
        return out

    def _mean_log_likelihood(self, contexts, targets):
        """Mean log P(target | context), accumulated in float64."""
        log_proba = self._log_proba(contexts)
        picked = log_proba[np.arange(len(targets)), targets]
        return float(picked.mean(dtype=np.float64))

    def _as_ids(self, X):
        """Context ids as a compact integer array; reject floats and negatives."""
        if X.dtype.kind == "b":
            X = X.astype(np.uint8)
        if X.dtype.kind == "f":
            if not np.array_equal(X, np.round(X)):
                example = X[X != np.round(X)][0]
                raise ValueError(
                    "X must hold integer symbol ids (context ids); got non-integer "
                    f"values such as {float(example)!r}."
                )
        check_non_negative(X, f"{type(self).__name__} (context ids)")
        if X.dtype.kind == "f":
            X = X.astype(np.min_scalar_type(int(X.max()) if X.size else 0))
        return X

    def _check_ids_in_table(self, contexts, n_rows):
        """Every context id must have an embedding row."""
        if contexts.size == 0 or contexts.max() < n_rows:
            return
        bad = np.unique(contexts[contexts >= n_rows])
        shown = ", ".join(str(int(v)) for v in bad[:10])
        more = f" and {len(bad) - 10} more" if len(bad) > 10 else ""
        raise ValueError(
            f"Context ids [{shown}]{more} are past the embedding table, which has "
            f"{n_rows} rows (ids 0 to {n_rows - 1}), fixed by the first fit. Encode "
            "contexts with the vocabulary the model was fit on, or refit on data "
            "that contains every id."
        )

    def _check_vocabulary(self, vocabulary):
        if list(vocabulary) != list(self.classes_):
            raise ValueError(
                f"These windows use the vocabulary {_show(vocabulary)}, but the "
                f"model's classes_ are {_show(self.classes_.tolist())}. Transform "
                "the names with the transformer the model was fit with."
            )

    def _check_labels(self, y, *, same_set):
        """Labels must be known classes (and all of them, for a warm start)."""
        labels = np.unique(y)
        unknown = np.setdiff1d(labels, self.classes_)
        if len(unknown):
            raise ValueError(
                f"y has labels {unknown.tolist()!r} that are not in classes_ "
                f"{self.classes_.tolist()!r}; pass every label in `classes` on the "
                "first call to partial_fit, or fit again."
            )
        if same_set and len(labels) != len(self.classes_):
            raise ValueError(
                "warm_start can only be used where y has the same classes as in the "
                f"previous call to fit; previously got {self.classes_.tolist()!r}, y "
                f"has {labels.tolist()!r}."
            )

    def _hidden_sizes(self):
        return [int(h) for h in np.asarray(self.hidden_layer_sizes).ravel()]

    @contextlib.contextmanager
    def _atomic_call(self):
        """Leave the estimator as it was if the training call fails.

        A diverged run becomes a ValueError that says what to change; any other
        error is re-raised unchanged.
        """
        params = self.get_params(deep=False)
        saved = copy.deepcopy({k: v for k, v in vars(self).items() if k not in params})
        try:
            yield
        except BaseException as exc:
            for name in [k for k in vars(self) if k not in params]:
                delattr(self, name)
            vars(self).update(saved)
            if isinstance(exc, _DivergedError):
                default = (
                    inspect.signature(type(self))
                    .parameters["learning_rate_init"]
                    .default
                )
                raise ValueError(
                    f"Training diverged: {exc}, with learning_rate_init="
                    f"{self.learning_rate_init!r}. Lower learning_rate_init (the "
                    f"default is {default}). The estimator was left as it was "
                    "before this call."
                ) from None
            raise


def _show(symbols):
    """A vocabulary as one string when it is made of characters, else a list."""
    if all(isinstance(x, str) and len(x) == 1 for x in symbols):
        return repr("".join(symbols))
    return repr(list(symbols))


def _progress_line(info):
    """One line of verbose output for an epoch."""
    line = f"Epoch {info['epoch']}/{info['max_iter']}: loss = {info['loss']:.4f}"
    if info["validation_score"] is not None:
        line += f", validation score = {info['validation_score']:.4f}"
    return line + f", lr = {info['learning_rate']:.2e}, {info['seconds']:.2f} s"
