"""The discriminative epochs of ``CharEmbeddingMLPClassifier.fit``.

``discriminative_epochs`` fine-tunes a model of names by label on the label's
log-loss beside the cross-entropy (maximum mutual information); the math and the
loop over batches of names are in :mod:`sknextchar.nn.discriminative`. This
module sets them up from the estimator's parameters and the workspace its fitted
arrays live in.
"""

import time

import numpy as np

from ._blas import one_blas_thread
from ._labels import label_classes
from ._progress_output import ProgressOutput
from .nn.adam import AdamOptimizer
from .nn.discriminative import LabelFineTuner

__all__ = ["check_discriminative_labels", "fine_tune_labels"]

# Whole names per step (about 450 windows of the bundled names under each label).
NAMES_PER_BATCH = 64
# The fine-tuning starts at this fraction of learning_rate_init.
LEARNING_RATE_FRACTION = 0.2


def check_discriminative_labels(estimator):
    """Raise unless the model has labels or no discriminative epochs.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier
    >>> check_discriminative_labels(CharEmbeddingMLPClassifier())  # 0 epochs
    """
    if estimator.discriminative_epochs and label_classes(estimator) is None:
        raise ValueError(
            f"discriminative_epochs={estimator.discriminative_epochs} fine-tunes a "
            "model of names by label, and this fit has no labels: pass one label "
            "per name as y (pipe.fit(names, labels)), or set "
            "discriminative_epochs=0."
        )


def fine_tune_labels(
    estimator, workspace, data, rng, start_task=None, sample_weight=None,
    progress=None,
):  # fmt: skip
    """Run the estimator's discriminative epochs, recording the label loss of each.

    ``estimator.label_loss_curve_`` gets one value per epoch as it ends.

    Parameters
    ----------
    estimator : CharEmbeddingMLPClassifier
        Fitted with labels, with ``discriminative_epochs`` above 0.
    workspace : ParameterWorkspace
        The estimator's parameters (its fitted arrays are views of it), trained
        in place.
    data : TrainingData
        The training windows, the label ids as the last column of ``contexts``
        and the names as ``groups``.
    rng : numpy.random.RandomState
        Seeds the shuffling and the dropout masks.
    start_task : callable or None, default=None
        Called as each epoch starts (to report it to callbacks); it returns a
        function called as the epoch ends, which returns True to stop there.
    sample_weight : ndarray of shape (n_windows,) or None, default=None
        The weight of each window (its name's): the names of weight 0 are left
        out, the label log-loss and the cross-entropy are weighted means, and
        the priors are the weighted label frequencies. None for equal weights.
    progress : ProgressOutput or None, default=None
        Where ``verbose`` lines go (the fit's, stopped if a write of the fit
        failed); None for standard output.
    """
    out = ProgressOutput() if progress is None else progress
    n_epochs = estimator.discriminative_epochs
    contexts, targets, name_of_row, labels, name_weights = _names_and_labels(
        data, sample_weight
    )
    tuner = _tuner(estimator, workspace, labels, name_weights)
    generator = np.random.default_rng(rng.randint(np.iinfo(np.int32).max))
    curve = estimator.label_loss_curve_ = []
    with one_blas_thread():
        for epoch in range(n_epochs):
            end_task = start_task() if start_task is not None else None
            learning_rate = tuner.optimizer.set_epoch(epoch)
            start = time.perf_counter()
            curve.append(
                tuner.run_epoch(
                    contexts, targets, name_of_row, labels, generator, name_weights
                )
            )
            if estimator.verbose:
                out.line(
                    f"Discriminative epoch {epoch + 1}/{n_epochs}: label loss = "
                    f"{curve[-1]:.4f}, lr = {learning_rate:.2e}, "
                    f"{time.perf_counter() - start:.2f} s"
                )
            if end_task is not None and end_task():
                return


def _names_and_labels(data, sample_weight):
    """Contexts without the label column, targets, each window's name, each
    name's label and (with ``sample_weight``) weight; windows of weight 0 left out.
    """
    contexts, targets, groups = data.contexts, data.targets, data.groups
    if sample_weight is not None:
        kept = sample_weight > 0
        contexts, targets, groups = contexts[kept], targets[kept], groups[kept]
        sample_weight = sample_weight[kept]
    contexts, label_of_row = contexts[:, :-1], contexts[:, -1]
    names, name_of_row = np.unique(groups, return_inverse=True)
    labels = np.zeros(len(names), dtype=np.intp)
    labels[name_of_row] = label_of_row
    name_weights = None
    if sample_weight is not None:
        name_weights = np.zeros(len(names))
        name_weights[name_of_row] = sample_weight
    return contexts, targets, name_of_row, labels, name_weights


def _tuner(estimator, workspace, labels, name_weights=None):
    """The fine-tuner: a fresh Adam at a fraction of the step size, cosine schedule.

    The priors are the labels' frequencies among the names, weighted by
    ``name_weights`` when given.
    """
    n_labels = len(estimator.label_classes_)
    if name_weights is None:
        frequency = np.bincount(labels, minlength=n_labels) / len(labels)
    else:
        counts = np.bincount(labels, weights=name_weights, minlength=n_labels)
        frequency = counts / counts.sum()
    with np.errstate(divide="ignore"):  # a label without names: prior 0
        log_prior = np.log(frequency)
    optimizer = AdamOptimizer(
        [workspace.flat],
        learning_rate_init=LEARNING_RATE_FRACTION * estimator.learning_rate_init,
        beta_1=estimator.beta_1,
        beta_2=estimator.beta_2,
        epsilon=estimator.epsilon,
        schedule="cosine",
        n_epochs=estimator.discriminative_epochs,
    )
    return LabelFineTuner(
        workspace,
        optimizer,
        activation=estimator.activation,
        alpha=estimator.alpha,
        weight=estimator.discriminative_weight,
        log_prior=log_prior,
        names_per_batch=NAMES_PER_BATCH,
        dropout=estimator.dropout,
        hidden_layer_sizes=[coef.shape[1] for coef in workspace.coefs[:-1]],
    )
