"""CharEmbeddingMLPClassifier: P(next character | context) with embeddings + MLP.

The estimator validates its input and orchestrates: the math is in
:mod:`sknextchar.nn.functional`, Adam and its schedule in :mod:`sknextchar.nn.adam`,
the pieces of a training run in :mod:`sknextchar.nn.training`, the epochs of a
training call (its trainer, the loop, the end of a fit) in
:mod:`sknextchar._mlp_epochs`, the records of its epochs (early stopping,
patience, progress) in :mod:`sknextchar._epoch_records`,
and the checks of the two input kinds in :mod:`sknextchar._model_input` (of a
training call's data, in :mod:`sknextchar._mlp_training_data`).
"""

import contextlib
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.callback import CallbackSupportMixin, with_callbacks
from sklearn.utils.validation import check_is_fitted, check_random_state

from ._architecture import (
    check_architecture,
    check_initial_memory,
    check_params_together,
    check_same_vocabulary,
    hidden_sizes,
    initial_parameters,
    label_network,
)
from ._atomic import Rollback, fitted_state, reports_fit
from ._blas import one_blas_thread
from ._compat import Interval, Options, StrOptions, fit_context
from ._epoch_records import (
    check_early_stopping_split,
    divergence_advice,
    split_for_early_stopping,
    start_records,
)
from ._estimator import PackageEstimatorMixin
from ._holdout import hold_out_seed
from ._label_fine_tuning import check_discriminative_labels, fine_tune_labels
from ._labels import split_name_labels, with_label_column
from ._mlp_epochs import (
    CALLBACK_STOP,
    end_fit,
    fit_epochs,
    mlp_trainer,
    task_starter,
)
from ._mlp_training_data import (
    check_labels_weighted,
    check_mlp_training_data,
    window_weights,
)
from ._model_checks import network_array_problem
from ._model_input import (
    check_predict_contexts,
    check_score_data,
    weighted_log_likelihood,
)
from ._next_char_model import NextCharModelMixin
from ._progress_output import training_output
from ._random_states import RANDOM_STATE, refuse_generator, seed_of_saved_state
from ._row_keys import distinct_rows
from ._windows import CharWindows
from .exceptions import DamagedModelError
from .nn.adam import SCHEDULES
from .nn.functional import (
    ACTIVATIONS,
    log_proba_by_row,
)
from .nn.training import DivergenceError, ParameterWorkspace

# Private attributes that are part of the fitted state (besides the names ending
# with "_"): what a failed training call puts back, and what a callback's
# fitted_estimator copies (_weights_epoch: see nn.training.trained_epochs).
_TRAINING_STATE = ("_optimizer", "_no_improvement_count", "_weights_epoch")


class CharEmbeddingMLPClassifier(
    PackageEstimatorMixin,
    NextCharModelMixin,
    CallbackSupportMixin,
    ClassifierMixin,
    BaseEstimator,
):
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
        :class:`~sklearn.exceptions.ConvergenceWarning`; with ``"cosine"`` (or
        ``average``) it is the planned length of the run, so it does not.
    shuffle : bool, default=True
        Whether to shuffle the windows before each epoch.
    random_state : int, RandomState instance or None, default=None
        Seeds the initial weights, the shuffling and the validation split. Pass
        an int in ``[0, 2**32 - 1]`` for reproducible results; a bool or a
        numpy Generator is refused when ``fit`` starts, as in scikit-learn
        (from a Generator ``rng``, pass ``int(rng.integers(2**32))``). A model
        saved with ``random_state=True``, which a fit read as the seed 1
        before, loads with ``random_state=1`` and a warning.
        The validation split draws apart from the rest (see
        ``validation_fraction``), so the names held out do not depend on the
        architecture. A fit refused for its data or parameters
        draws nothing: it is refused before the first draw.
    tol : float, default=1e-4
        Minimum improvement of the training loss (or of the validation score
        under ``early_stopping``) that resets the patience counter.
    verbose : bool or int, default=False
        Print one progress line per epoch: loss, validation score, learning
        rate, seconds. For other displays, set callbacks (see Notes).
    warm_start : bool, default=False
        When True, ``fit`` starts from the previous solution instead of new
        random weights (with a fresh optimizer, as in
        :class:`~sklearn.neural_network.MLPClassifier`). On windows the
        classes are the vocabulary's, whatever characters the names hold: names
        without some of them keep every column, and train those characters'
        outputs as any names without them do. On an array, ``y`` must hold
        every class of the previous fit.
    early_stopping : bool, default=False
        Hold out ``validation_fraction`` of the training names (whole names,
        never single windows, when ``X`` is a :class:`CharWindows`, and a name
        written more than once with all its copies, in any case for windows
        that keep case, as ``NameSampler.sample(novel=True)`` compares names,
        so that the held-out score does not reward memorising the list; rows
        for an array), stop
        when the held-out log-likelihood has not improved by ``tol`` for
        ``n_iter_no_change`` epochs, and restore the weights of the best epoch
        (with Adam's state of that epoch). A later ``partial_fit`` (or
        warm-started ``fit``) goes on from that epoch: the records of the
        epochs after it leave ``loss_curve_`` and ``validation_scores_``.
    validation_fraction : float, default=0.1
        Fraction of the names (or rows) held out under ``early_stopping``:
        ``ceil(validation_fraction * n_names)`` of them, ``n_names`` counting
        each distinct name once (a name under two labels too). In a fit with labels
        (``y``), they are drawn per label, in proportion to its names (as by
        :class:`~sklearn.model_selection.StratifiedShuffleSplit`), and every
        label keeps at least one name for training (a label of a single name
        is never held out): no label goes untrained. When the share cannot be
        held out so (too many labels of too few names), ``fit`` raises a
        ValueError that names the labels of the fewest names. The names held
        out depend only on the names (and labels), ``validation_fraction`` and
        ``random_state``, not on the architecture (``embedding_dim``,
        ``hidden_layer_sizes``, ``dropout``, ... or the windows'
        ``context_length``): two models fitted with the same int
        ``random_state`` are scored on the same names, those that a
        :class:`~sknextchar.MixtureClassifier` and ``sknextchar train --model
        kneser-ney`` hold out with that seed too, and a warm-started ``fit``
        holds out the names of the first. An int seeds the split on its own,
        apart from the initial weights; a RandomState instance (None: NumPy's
        global one) first gives one seed for the split, then draws the initial
        weights, so each fit with it (a warm-started one too) holds out other
        names, as scikit-learn's estimators draw anew from an instance. In a
        fit by label, adding names of other labels can change
        which names of a label are held out.
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
    label_embedding_dim : int or None, default=None
        Numbers in each label's embedding, for a model fitted with labels (see
        Notes); None for ``embedding_dim``. A label adds a learned offset to the
        first layer, and the offsets of the labels have rank at most
        ``label_embedding_dim``: a size below the number of labels minus one
        ties the labels' effects to that many shared directions (1: one axis,
        say from "feminine" to "masculine"); see the "Names by label" page.
        Unused by a model fitted without labels, as ``momentum`` is unused by
        :class:`~sklearn.neural_network.MLPClassifier` with ``solver="adam"``.
    discriminative_epochs : int, default=0
        Epochs of discriminative fine-tuning after the ``max_iter`` epochs of a
        ``fit`` with labels: the loss gains ``discriminative_weight`` times the
        label's log-loss, ``-log P(label | name)`` by Bayes' rule with the label
        frequencies as priors (maximum mutual information training; see
        Notes). It makes the model a better classifier of names
        (:class:`~sknextchar.NameLabelClassifier`). 0 (the default) trains the
        cross-entropy alone; a fit without labels needs 0.
    discriminative_weight : float, default=10.0
        The weight of the label's log-loss (a mean over names) beside the
        cross-entropy (a mean over windows) in those epochs.
    average : float or None, default=None
        Polyak averaging: the decay, in (0, 1), of an exponential moving
        average of the parameters over the Adam steps of each ``fit`` or
        ``partial_fit`` call; at the end of the call the average replaces the
        parameters (before any discriminative epochs, which are not averaged).
        It pays with ``learning_rate="constant"``, where the parameters keep
        wandering around a minimum: on the names of makemore (1024 hidden units,
        20 epochs), ``learning_rate="constant"``, ``learning_rate_init=0.001``
        and ``average=0.9995`` reach a held-out NLL about 0.01 nats per
        character below the cosine schedule's without averaging, which
        averaging does not improve. A decay of ``1 - 1 / n`` averages over
        about the last ``n`` steps. None (the default) keeps the parameters of
        the last step. Not with ``early_stopping``, which scores and restores
        the parameters of single epochs, nor with
        :func:`~sknextchar.train_from_file`, whose ``partial_fit`` per chunk
        would average its own steps only. (Unlike the ``average`` of
        :class:`~sklearn.linear_model.SGDClassifier`, a bool or the number of
        samples after which averaging starts, this is a decay.)

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
        hidden layer (or to the output); after a fit with labels, its last
        ``label_embedding_dim`` rows are the label embedding's weights.
    intercepts_ : list of ndarray
        ``intercepts_[i]`` has shape ``(fan_out,)``.
    label_classes_ : ndarray of shape (n_labels,) or None
        The sorted labels of the names, after a fit on windows with ``y``;
        None after a fit without labels.
    label_embeddings_ : ndarray of shape (n_labels, label_embedding_dim) or None
        Row ``j`` is the embedding of label ``label_classes_[j]``; None after a
        fit without labels.
    loss_ : float
        Training loss (mean cross-entropy in nats plus the L2 penalty) of the
        last epoch; with ``sample_weight``, the weighted mean cross-entropy.
    loss_curve_ : list of float
        Training loss of every epoch so far (weighted as ``loss_``).
    best_loss_ : float or None
        Lowest training loss reached; None under ``early_stopping`` (see
        ``best_validation_score_``), as in
        :class:`~sklearn.neural_network.MLPClassifier`.
    validation_scores_ : list of float or None
        Under ``early_stopping``, the held-out mean log-likelihood per
        character (natural log, higher is better) after every epoch, weighted
        by the held-out names' ``sample_weight`` when given; else None.
    best_validation_score_ : float or None
        The best of ``validation_scores_``, whose weights were restored; None
        without early stopping.
    n_iter_ : int
        Epochs run by the last call to ``fit`` (1 after ``partial_fit``, however
        many came before), the discriminative epochs not counted: as
        scikit-learn's :class:`~sklearn.neural_network.MLPClassifier` counts
        them. ``t_`` and ``loss_curve_`` go on over the calls.
    label_loss_curve_ : list of float
        The training names' mean label log-loss (weighted by their
        ``sample_weight`` when given) in each discriminative epoch of the last
        ``fit`` (empty without them).
    t_ : int
        Training windows seen by the optimizer over all calls (those of weight
        0 not counted).
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
    mini-batch at a time and no one-hot copy of the data is ever made (for
    large enough batches, the first layer is computed from per-position tables
    ``E @ W_p`` and the batch's sparse incidence matrix instead: fewer
    products, the same sums up to round-off; see ``sknextchar.nn.tables``). The
    parameters live in one flat buffer (and their gradients in another), so an
    Adam step is a few vectorised operations; BLAS runs single-threaded during
    training and prediction, which is faster for these small products, robust on
    a busy machine, and makes the results independent of the BLAS thread count.
    Prediction computes each window on its own (the first layer as a sum of
    rows of a per-position table, the others as one vector-matrix product per
    window), so a window's probabilities are the same bits whatever other
    windows are predicted with it, on any BLAS.

    **Labels.** ``fit(windows, y)`` with one label per name learns
    P(next | context, label): the label of each window's name is one more input
    beside its context, with a learned embedding of ``label_embedding_dim``
    numbers (a row of ``label_embeddings_``; by default ``embedding_dim``, as if
    the label were one more position of the context) and first-layer weights of
    its own (the last rows of ``coefs_[0]``). In a
    :class:`~sklearn.pipeline.Pipeline`, ``pipe.fit(names, labels)`` and
    ``pipe.score(names, labels)`` pass the labels as ``y`` (so
    :class:`~sklearn.model_selection.GridSearchCV` and ``cross_val_score`` work
    unchanged), and ``pipe.predict_proba(names, labels=labels)`` passes them to
    this model (with metadata routing enabled, call
    ``set_predict_proba_request(labels=True)`` on it first). Without ``y``,
    nothing changes: the model is bit for bit the model of names.
    :class:`~sknextchar.NameSampler` samples by label, and
    :class:`~sknextchar.NameLabelClassifier` turns the model into a classifier
    of names by Bayes' rule.

    **Discriminative fine-tuning.** With ``discriminative_epochs``, ``fit``
    goes on after its ``max_iter`` epochs with that many epochs over batches of
    64 whole names, each run under every label, at a fifth of
    ``learning_rate_init`` on a cosine schedule, lowering the cross-entropy plus
    ``discriminative_weight`` times ``-log P(label | name)`` (the label
    frequencies of the names as priors); see ``sknextchar.nn.discriminative``.
    ``partial_fit`` never runs them. Each is a subtask of the ``fit`` task for
    callbacks (``task_name="discriminative epoch"``, after the ``"epoch"``
    tasks): when it ends, ``label_loss_curve_[-1]`` is its label loss, and a
    callback that returns True stops the fine-tuning there; a callback that
    stops the ``max_iter`` epochs skips it. On validation names of the bundled
    ones, 6 of them took the ROC AUC of the tuned pipeline's classifier from
    0.927 to 0.934, and to 0.940 with ``alpha=0.05`` (see the "Names by label"
    page). They cost the generator: use a fine-tuned pipeline to classify,
    another to sample.

    **Callbacks.** The classifier supports scikit-learn's callback API
    (``sklearn.callback``): set callbacks with ``set_callbacks``, or on
    a :class:`~sklearn.pipeline.Pipeline` or a search around it, which
    propagates them here (scikit-learn's :class:`~sklearn.callback.ProgressBar`
    shows the epochs inside a grid search). ``fit`` is a task with one subtask
    per epoch (``task_name="epoch"``; then one per discriminative epoch, see
    above), ``partial_fit`` a task with one. When an
    epoch task ends, ``loss_curve_[-1]`` (and ``loss_``), ``n_iter_``, ``t_``,
    ``best_loss_`` and, under ``early_stopping``, ``validation_scores_[-1]`` and
    ``best_validation_score_`` describe that epoch; a callback that asks for
    ``fitted_estimator`` gets a predict-ready copy with the weights of that
    epoch. Returning True from ``on_fit_task_end`` of an epoch stops training
    after it (as if ``max_iter`` had been reached, without the warning).
    :mod:`sknextchar.callbacks` has a :class:`~sknextchar.callbacks.History`
    and a :class:`~sknextchar.callbacks.Checkpoint`. Callbacks are runtime
    hooks, not part of the model: pickling, joblib and skops files leave them
    out, so a model fitted with callbacks saves and loads like any other (a
    copy sent to another process by ``n_jobs`` runs without the callbacks set
    on it; set them on the outer search to follow the workers).

    Training has diverged when the loss or the weights stop being finite, or
    when an epoch's mean loss exceeds ten times that of a uniform prediction
    (Adam's bounded steps keep the weights finite even at absurd step sizes).
    Then a ValueError says so, names the setting to lower
    (``learning_rate_init`` when above its default, else ``alpha`` when the L2
    penalty outweighs the windows' weights, else ``learning_rate_init``) with a
    value below the one that failed (``partial_fit`` on weights far from 1: the
    factor that scales them to a mean of 1), and the estimator is left exactly
    as it was before the call: unfitted after a first ``fit``, with its previous weights
    after ``partial_fit`` or a warm-started ``fit``; a RandomState given as
    ``random_state`` (or NumPy's global one, for None) has advanced as for any
    fit, so a retry starts from other weights. Any other error, or a
    KeyboardInterrupt, during a training call leaves it unchanged too; to stop
    a long run early and keep the model, return True from a callback's
    ``on_fit_task_end``.

    **Sample weights.** ``fit(X, y, sample_weight=counts)`` takes one weight
    per name (each window of a name gets it; one per row for an array): how
    many times the name occurs, say. Each batch's loss is then
    ``sum_i w_i CE_i / (n * mean(w))`` plus the same L2 term, with ``mean(w)``
    the mean weight of the call's training windows: a name of weight 3 has
    the loss and gradient of three copies of it in the same batch, the
    expected batch loss is the weighted mean cross-entropy, and multiplying
    every weight by a constant gives the same model. An epoch is one pass over
    the distinct windows (weights do not lengthen it). Names of weight 0 are
    left out of the batches and of the early-stopping hold-out, as if absent;
    the held-out score is the weighted mean log-likelihood; the discriminative
    epochs weigh the label log-loss, the cross-entropy and the label priors
    alike. ``partial_fit`` uses the weights as given, so that calls on
    different names (the chunks of a file) weigh against each other as their
    counts say.

    References
    ----------
    Y. Bengio, R. Ducharme, P. Vincent and C. Jauvin, "A Neural Probabilistic
    Language Model", Journal of Machine Learning Research 3:1137-1155, 2003.

    D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization",
    ICLR 2015.

    L. R. Bahl, P. F. Brown, P. V. de Souza and R. L. Mercer, "Maximum mutual
    information estimation of hidden Markov model parameters for speech
    recognition", ICASSP 1986 (the discriminative epochs).

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

    A model of names by label, each label embedded in one number:

    >>> labels = ["male", "male", "female", "male", "male", "female", "male", "female"]
    >>> by_label = make_pipeline(
    ...     ContextWindowTransformer(context_length=3),
    ...     CharEmbeddingMLPClassifier(label_embedding_dim=1, max_iter=5,
    ...                                random_state=0),
    ... ).fit(names, labels)
    >>> by_label[-1].label_classes_.tolist(), by_label[-1].label_embeddings_.shape
    (['female', 'male'], (2, 1))
    >>> by_label.predict_proba(["asha"], labels="female").shape
    (5, 27)
    """

    _parameter_constraints = {
        "embedding_dim": [Interval(Integral, 1, None, closed="left")],
        "label_embedding_dim": [None, Interval(Integral, 1, None, closed="left")],
        "discriminative_epochs": [Interval(Integral, 0, None, closed="left")],
        "discriminative_weight": [Interval(Real, 0, None, closed="left")],
        "hidden_layer_sizes": [
            "array-like",
            Interval(Integral, 1, None, closed="left"),
        ],
        "activation": [StrOptions(set(ACTIVATIONS))],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "dropout": [Interval(Real, 0, 1, closed="left")],
        "batch_size": [Interval(Integral, 1, None, closed="left")],
        "learning_rate": [StrOptions(set(SCHEDULES))],
        "learning_rate_init": [Interval(Real, 0, None, closed="neither")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "shuffle": ["boolean"],
        "random_state": RANDOM_STATE,
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
        "average": [None, Interval(Real, 0, 1, closed="neither")],
    }

    # fmt: off
    def __init__(
        self, embedding_dim=10, *, hidden_layer_sizes=(500,), activation="relu",
        alpha=0.01, dropout=0.0, batch_size=128, learning_rate="cosine",
        learning_rate_init=0.005, max_iter=20, shuffle=True, random_state=None,
        tol=1e-4, verbose=False, warm_start=False, early_stopping=False,
        validation_fraction=0.1, beta_1=0.9, beta_2=0.999, epsilon=1e-8,
        n_iter_no_change=10, dtype="float32", label_embedding_dim=None,
        discriminative_epochs=0, discriminative_weight=10.0, average=None,
    ):
        # fmt: on
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
        self.label_embedding_dim = label_embedding_dim
        self.discriminative_epochs = discriminative_epochs
        self.discriminative_weight = discriminative_weight
        self.average = average

    # ------------------------------------------------------------------ fit

    @reports_fit
    @fit_context(prefer_skip_nested_validation=True)
    @with_callbacks
    def fit(self, X, y=None, sample_weight=None):
        """Learn the embeddings and the weights from training windows.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            The windows of :meth:`ContextWindowTransformer.transform`, or an
            array of context ids (non-negative integers).
        y : None or array-like
            For a :class:`CharWindows` (the targets are inside): None for the
            model of names, P(next | context); or one label per name (a style,
            a gender, a region) for the model of names by label, P(next |
            context, label), which then needs the labels to predict and score
            (see Notes). Required for an array: the label of the symbol after
            each context.
        sample_weight : float or array-like, default=None
            One weight per name for windows (each window of a name gets its
            weight: what a pipeline's ``fit(names, clf__sample_weight=...)``
            passes), one per row for arrays: how many times each occurs, say.
            Finite, >= 0, not all 0. The cross-entropy becomes the weighted mean
            (see "Sample weights" in Notes); None weighs every window alike.

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

        Names with counts: "asha" weighs as much as the other names together.

        >>> from sknextchar import ContextWindowTransformer
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "amit", "asha"])
        >>> clf = CharEmbeddingMLPClassifier(random_state=0, max_iter=5)
        >>> clf = clf.fit(windows, sample_weight=[1, 1, 2])
        >>> len(clf.loss_curve_)
        5
        """
        cold = not (self.warm_start and hasattr(self, "coefs_"))
        with self._atomic_call():
            data, weights = self._check_fit_input(X, y, sample_weight)
            rng = check_random_state(self.random_state)
            # The hold-out draws first, apart: the architecture cannot change it.
            seed = hold_out_seed(self.random_state) if self.early_stopping else None
            if cold:
                self._initialize(data, rng)
            start_records(self, new_run=True)
            self._train(X, y, data, weights, rng, partial=False, split_seed=seed)
        return self

    @reports_fit
    @fit_context(prefer_skip_nested_validation=True)
    @with_callbacks
    def partial_fit(self, X, y=None, classes=None, sample_weight=None):
        """Train for exactly one epoch over the given windows.

        The first call initialises the model; later calls continue from the
        current weights and optimizer state (Adam's moments and step count).
        After a ``fit`` whose early stopping restored the weights of an earlier
        epoch, the call goes on from that epoch: its one epoch takes the next
        place on the learning-rate schedule, and the records of the discarded
        epochs leave ``loss_curve_``.
        ``early_stopping`` is not supported here, as in
        :class:`~sklearn.neural_network.MLPClassifier`: hold out your own data
        and call :meth:`score`.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Training windows, as in :meth:`fit`.
        y : None or array-like
            For a :class:`CharWindows` (the targets are inside): None for the
            model of names, or one label per name, as in :meth:`fit` (a model
            first fitted with labels needs them in every call, and only the
            labels of its first fit). For an array: the label of the symbol
            after each context.
        classes : array-like of shape (n_classes,), default=None
            All the labels that any call may see. Required on the first call
            with an array ``X``; with a :class:`CharWindows`, the vocabulary is
            the classes and ``classes`` must be None or equal to it.
        sample_weight : float or array-like, default=None
            One weight per name for windows, one per row for arrays, as in
            :meth:`fit`, used as given (as in scikit-learn's
            ``SGDClassifier.partial_fit``): each
            window's cross-entropy is multiplied by its weight. Scale the
            weights of all your calls alike, to a mean of about 1 over all the
            windows (``fit`` divides by the mean; ``train_from_file`` does it
            for the whole file), so that a call of rare names weighs less than
            one of common names. ``loss_curve_`` records the weighted mean.

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
        >>> clf = clf.partial_fit(windows, sample_weight=[3, 1])  # "abid" thrice
        >>> len(clf.loss_curve_)
        4
        """
        check_params_together(self, partial=True)
        first = not hasattr(self, "coefs_")
        with self._atomic_call() as call:
            data = check_mlp_training_data(
                self, X, y, self._n_symbols(), first=first, partial=True,
                classes=classes,
            )  # fmt: skip
            weights = call["weights"] = window_weights(X, data, sample_weight)
            if not first:  # before any draw, as in fit
                check_architecture(self)
            rng = check_random_state(self.random_state)
            if first:
                self._initialize(data, rng)
            start_records(self, new_run=False)
            self._train(X, y, data, weights, rng, partial=True)
        return self

    def _check_fit_input(self, X, y=None, sample_weight=None):
        """What ``fit`` checks before its first draw: (data, window weights).

        What the user gave is checked before the first draw, so a fit refused
        for it leaves a RandomState given, and NumPy's global one, as they
        were (a run that diverges has drawn, as any fit does). A composite
        model calls it on an unfitted clone of its part before it draws
        anything (:func:`~sknextchar._fit_checks.check_fit_before_drawing`);
        ``fit`` in its atomic call, which undoes what it sets.
        """
        check_params_together(self, partial=False)
        cold = not (self.warm_start and hasattr(self, "coefs_"))
        if not cold:  # a clearer message than the data check's
            check_same_vocabulary(self, X)
        data = check_mlp_training_data(
            self, X, y, self._n_symbols(), first=cold, partial=False
        )
        weights = window_weights(X, data, sample_weight)
        check_labels_weighted(self, data, weights)
        check_discriminative_labels(self)
        if cold:
            check_initial_memory(self, data)
        else:  # new weights have the right shapes
            check_architecture(self)
        check_early_stopping_split(self, data, weights)
        return data, weights

    def _train(self, X, y, data, weights, rng, *, partial, split_seed=None):
        """Set up a training call, report it to the callbacks and run its epochs.

        ``fit`` restarts the learning-rate schedule and the optimizer; a
        ``partial_fit`` continues both, as its one epoch's place on the schedule
        is the number of epochs trained so far. ``weights`` are the windows'
        sample weights, or None; ``split_seed`` draws the hold-out of early
        stopping (:func:`~sknextchar._holdout.hold_out_seed`).
        """
        trainer = mlp_trainer(
            self, self._workspace(), len(data.targets), self._hidden_sizes(),
            self._optimizer if partial else None,
        )  # fmt: skip
        self._optimizer = trainer.optimizer
        train, val = split_for_early_stopping(
            self, data, split_seed, weights, rescale=not partial
        )
        n_epochs = 1 if partial else self.max_iter
        first = len(self.loss_curve_) if partial else 0
        n_tuning = 0 if partial else self.discriminative_epochs
        ctx = self._init_callback_context(max_subtasks=n_epochs + n_tuning)
        hooks = dict(estimator=self, X=X, y=y, reconstruction_attributes=self._fitted)
        ctx.call_on_fit_task_begin(**hooks)
        out = training_output("partial_fit" if partial else "fit")
        with one_blas_thread():
            best, reason = fit_epochs(
                self, trainer, train, val, rng, ctx, range(first, first + n_epochs),
                hooks, out,
            )  # fmt: skip
        if trainer.average is not None:  # the parameters become their average
            trainer.average.copy_to(trainer.workspace.flat)
        if not partial:
            end_fit(self, trainer, best, reason, out)
            self.label_loss_curve_ = []
            if n_tuning and reason != CALLBACK_STOP:
                fine_tune_labels(
                    self, self._workspace(), data, rng, task_starter(ctx, hooks),
                    sample_weight=weights, progress=out,
                )
        ctx.call_on_fit_task_end(**hooks)

    # ------------------------------------------------------ fit: the setup

    def _initialize(self, data, rng):
        """New random parameters and empty training history."""
        (
            self.embeddings_,
            self.coefs_,
            self.intercepts_,
            self.label_embeddings_,
        ) = initial_parameters(self, data, rng)
        self.n_iter_ = 0
        self.t_ = 0
        self.loss_curve_ = []
        self.best_loss_ = None
        self.validation_scores_ = None
        self.best_validation_score_ = None
        self._no_improvement_count = 0
        self._optimizer = None

    def _workspace(self):
        """Pack the parameters into a workspace; they become views of it.

        The public attributes are the source of truth (a pickled or loaded
        estimator has lost any memory sharing), so every training call repacks
        them.
        """
        ws = ParameterWorkspace(
            self.embeddings_, self.coefs_, self.intercepts_, np.dtype(self.dtype),
            **label_network(self),
        )  # fmt: skip
        self.embeddings_, self.coefs_, self.intercepts_ = (
            ws.embeddings,
            list(ws.coefs),
            list(ws.intercepts),
        )
        self.label_embeddings_ = ws.label_embeddings
        return ws

    def _fitted(self):
        """A copy of the fitted state: a callback's ``fitted_estimator`` gets it."""
        return fitted_state(self, _TRAINING_STATE)

    @contextlib.contextmanager
    def _atomic_call(self):
        """Leave the fitted state as it was if the training call fails.

        A diverged run becomes a ValueError that says what to change (the
        scale of ``partial_fit``'s weights, when the body puts them in the
        dict it is given as ``"weights"``); any other error is re-raised
        unchanged.
        """
        rollback, call = Rollback(self, _TRAINING_STATE), {}
        try:
            yield call
        except BaseException as exc:
            rollback.restore(self)
            if isinstance(exc, DivergenceError):
                raise ValueError(
                    f"Training diverged: {exc}"
                    f"{divergence_advice(self, call.get('weights'))} The estimator "
                    "was left as it was before this call."
                ) from None
            raise

    def _hidden_sizes(self):
        return hidden_sizes(self)

    # --------------------------------------------------------------- predict

    def predict_log_proba(self, X, labels=None):
        """Natural-log probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        labels : str, array-like or None, default=None
            For a model fitted with labels (and only then): the label of every
            name of the windows (one per name, as ``y`` in :meth:`fit`), or of
            every row of an array, or one label for all.

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
        contexts = check_predict_contexts(self, X, self._n_symbols())
        windows = X if isinstance(X, CharWindows) else None
        return self._log_proba(with_label_column(self, contexts, labels, windows))

    def next_log_proba(self, contexts, labels=None):
        """Log-probabilities of the next symbol, for contexts already validated.

        The fast path of the sampler/model protocol (see the Architecture page
        of the documentation): the same numbers as :meth:`predict_log_proba`,
        without its checks, for callers that built the contexts themselves
        (with :meth:`ContextWindowTransformer.encode_prefixes`, say) and call it
        many times, as generation does once per character. Ids outside the
        embedding table give an IndexError or wrong rows; use
        :meth:`predict_log_proba` for anything that did not come from the
        model's transformer.

        Parameters
        ----------
        contexts : ndarray of int of shape (n, context_length)
            Context ids, each below the vocabulary size.
        labels : str, array-like of shape (n,) or None, default=None
            For a model fitted with labels (and only then): one label for all
            rows, or one per row. Checked (an unknown label is an error that
            lists the known ones).

        Returns
        -------
        log_proba : ndarray of shape (n, n_classes)
            Natural-log probabilities, columns in the order of ``classes_``.
            Each row depends on its own context only, not on the other rows.

        Examples
        --------
        >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
        >>> t = ContextWindowTransformer().fit(["abid", "asha"])
        >>> clf = CharEmbeddingMLPClassifier(random_state=0).fit(
        ...     t.transform(["abid", "asha"]))
        >>> contexts = t.encode_prefixes(["ab", "as"])
        >>> log_proba = clf.next_log_proba(contexts)
        >>> log_proba.shape, clf.classes_[log_proba.argmax(axis=1)].tolist()
        ((2, 27), ['i', 'h'])
        """
        if "embeddings_" not in self.__dict__:  # a dict lookup: the sampler's hot path
            check_is_fitted(self)
        return self._log_proba(with_label_column(self, contexts, labels))

    def _log_proba(self, contexts):
        """The network's output for contexts with their label column, if any."""
        # One BLAS thread, as in training: a product split over threads sums in
        # another order, so scores would depend on the thread count (and differ
        # between GridSearchCV's n_jobs=1 and its workers).
        with one_blas_thread():
            return log_proba_by_row(
                contexts,
                self.embeddings_,
                self.coefs_,
                self.intercepts_,
                self.activation,
                **label_network(self),
            )

    def predict_proba(self, X, labels=None):
        """Probability of every class after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        labels : str, array-like or None, default=None
            The labels, for a model fitted with them (see
            :meth:`predict_log_proba`).

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
        >>> proba.shape, str(clf.classes_[proba.argmax()])
        ((1, 27), 'i')
        """
        return np.exp(self.predict_log_proba(X, labels))

    def predict(self, X, labels=None):
        """The most probable next symbol after each context.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        labels : str, array-like or None, default=None
            The labels, for a model fitted with them (see
            :meth:`predict_log_proba`).

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
        log_proba = self.predict_log_proba(X, labels)  # checks that it is fitted
        return self.classes_[np.argmax(log_proba, axis=1)]

    def score(self, X, y=None, sample_weight=None):
        """Mean natural-log likelihood per predicted character (higher is better).

        Every window counts once, the end-of-name marker included, so this is
        minus the held-out cross-entropy in nats per character. It is what
        :class:`~sklearn.model_selection.GridSearchCV` and
        :func:`~sklearn.model_selection.cross_val_score` maximise by default.

        Parameters
        ----------
        X : CharWindows or array-like of int of shape (n_windows, context_length)
            Windows, or context ids.
        y : None or array-like
            For a :class:`CharWindows`: None, or, for a model fitted with labels,
            the label of each name (as in :meth:`fit`). For an array: the true
            next symbols.
        sample_weight : float or array-like, default=None
            Weights of the names of a :class:`CharWindows` (every window of a
            name counts with its weight: what a pipeline's ``score(names,
            sample_weight=...)`` passes), or of the rows of an array; None
            weighs every window the same.

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
        labels, y = split_name_labels(X, y)
        contexts, targets = check_score_data(self, X, y, self._n_symbols())
        windows = X if isinstance(X, CharWindows) else None
        contexts = with_label_column(self, contexts, labels, windows, "y")
        # The network runs once per distinct context (and label): names share
        # most of theirs, and a row depends on its own context only, so the
        # mean is that of one pass over every window, bit for bit.
        distinct, inverse = distinct_rows(contexts, int(contexts.max(initial=0)) + 1)
        picked = self._log_proba(distinct)[inverse, targets]
        return weighted_log_likelihood(picked, X, sample_weight)

    def _n_symbols(self):
        """The number of symbol ids the embedding table has rows for."""
        return self.embeddings_.shape[0] if hasattr(self, "embeddings_") else None

    def _validate_params(self):
        refuse_generator(self)  # with what to pass instead
        super()._validate_params()

    def __setstate__(self, state):
        state = dict(state)
        state.pop("callback", None)  # a parameter until sknextchar 0.1
        state.setdefault("label_embedding_dim", None)  # not a parameter in 0.1
        state.setdefault("discriminative_epochs", 0)  # not parameters in 0.1
        state.setdefault("discriminative_weight", 10.0)
        state.setdefault("average", None)  # not a parameter before issue 16
        seed_of_saved_state(state, type(self).__name__)  # True loads as the seed 1
        super().__setstate__(state)
        # A pickled, joblib or skops copy checks its fitted arrays here, so a
        # damaged or edited file fails at load, not inside NumPy at first use.
        problem = network_array_problem(self)
        if problem is not None:
            raise DamagedModelError(
                f"This {type(self).__name__}'s fitted arrays do not fit together "
                f"({problem}): load an intact file, or fit the model again."
            )
