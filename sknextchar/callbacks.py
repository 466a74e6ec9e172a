"""Training callbacks for scikit-learn's callback API (``sklearn.callback``).

:class:`~sknextchar.CharEmbeddingMLPClassifier` reports ``fit`` as a task with
one subtask per epoch (``task_name="epoch"``). The callbacks here follow
scikit-learn's ``FitCallback`` protocol and act at the end of each epoch task:

- :class:`History` records the loss, the validation score, the learning rate
  and the time of every epoch;
- :class:`Checkpoint` saves a predict-ready copy of the classifier every few
  epochs.

Both propagate from a :class:`~sklearn.pipeline.Pipeline`, a search, a
:class:`~sknextchar.NameSampler` or a :class:`~sknextchar.NameLabelClassifier`
into the classifier, so set them on the outermost estimator you fit (setting
them on a classifier inside a pipeline is refused by scikit-learn when the
pipeline is fitted; set on the pipeline inside a NameSampler or
NameLabelClassifier that has none of its own, they run there too). Callbacks
are runtime hooks: a model saved with callbacks set does not contain them.

Examples
--------
>>> from sklearn.pipeline import make_pipeline
>>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
>>> from sknextchar.callbacks import History
>>> history = History()
>>> pipe = make_pipeline(
...     ContextWindowTransformer(),
...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=3,
...                                random_state=0),
... ).set_callbacks(history)
>>> pipe = pipe.fit(["abid", "asha", "ravi", "uma"])
>>> [record["epoch"] for record in history.records]
[1, 2, 3]
"""

import glob
import re
import time
import warnings
from numbers import Integral
from pathlib import Path

from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline
from sklearn.utils import check_scalar

from ._file_safety import check_target
from ._members import (
    estimator_parts,
    fills_label_names,
    fills_member_names,
    saves_nothing_message,
    trains_by_epochs,
)
from ._meta_callbacks import first_telling
from ._model_files import keep_other_files
from ._persistence import resolve_format, save_model
from ._shown_paths import shown_path
from ._skops_release import import_skops_io
from ._stacklevel import user_stacklevel

__all__ = ["Checkpoint", "History"]

# The task of one epoch, as CharEmbeddingMLPClassifier names it.
_EPOCH_TASK = "epoch"
# Up to this many checkpoint paths are each checked before training; past it
# (max_iter=100_000, every=1), the first, the last and the existing files only.
_MAX_CHECKED = 1000


def _fitted_classifiers(estimator, in_place=True):
    """Yield ``(classifier, in_place)`` for each classifier ``estimator``'s
    ``fit`` trains by epochs: ``in_place`` if that is the classifier itself
    (reached through pipeline steps only), not a clone of it.

    A :class:`~sklearn.pipeline.Pipeline` fits its last step in place (the
    others too, without ``memory``); a frozen estimator is not fitted; any
    other meta-estimator (a search, a NameSampler, a NameLabelClassifier) is
    taken to fit clones, as scikit-learn's do.
    """
    if isinstance(estimator, FrozenEstimator):
        return
    if trains_by_epochs(estimator):
        yield estimator, in_place
    elif isinstance(estimator, Pipeline):
        last = len(estimator.steps) - 1
        for i, (_, step) in enumerate(estimator.steps):
            kept = in_place and (i == last or estimator.memory is None)
            yield from _fitted_classifiers(step, kept)
    elif isinstance(estimator, (list, tuple)):
        for each in estimator:
            yield from _fitted_classifiers(each, in_place)
    elif isinstance(estimator, dict):  # a parameter grid, say
        yield from _fitted_classifiers(list(estimator.values()), in_place)
    elif hasattr(estimator, "get_params") and not isinstance(estimator, type):
        params = estimator.get_params(deep=False).values()
        yield from _fitted_classifiers(list(params), in_place=False)


class History:
    """Record the state of training after every epoch.

    One dict per epoch is appended to ``records``, with the keys

    - ``"epoch"``: the number of epochs trained so far (``len(loss_curve_)``:
      1, 2, ... in a ``fit``, counting on across ``partial_fit`` calls and
      warm-started fits);
    - ``"loss"``: the epoch's training loss (``loss_curve_[-1]``);
    - ``"validation_score"``: the held-out mean log-likelihood per character
      under ``early_stopping`` (``validation_scores_[-1]``), else None;
    - ``"learning_rate"``: the optimizer's step size in the epoch, else None;
    - ``"seconds"``: the epoch's duration, callbacks excluded.

    Every fit run in this process appends to the same list (a copy sent to
    another process by ``n_jobs`` records there, not here); ``epoch`` starts
    again at 1 where a new ``fit`` starts.

    Attributes
    ----------
    records : list of dict
        One dict per epoch, oldest first.
    max_propagation_depth : None
        Propagated to sub-estimators at any depth (scikit-learn's
        ``AutoPropagatedCallback`` protocol).

    See Also
    --------
    sklearn.callback.ProgressBar : A progress bar of every task.

    Examples
    --------
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.callbacks import History
    >>> windows = ContextWindowTransformer().fit_transform(["abid", "asha", "ravi"])
    >>> history = History()
    >>> clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=2,
    ...                                  random_state=0).set_callbacks(history)
    >>> clf = clf.fit(windows)
    >>> sorted(history.records[0])
    ['epoch', 'learning_rate', 'loss', 'seconds', 'validation_score']
    >>> history.records[-1]["loss"] == clf.loss_curve_[-1]
    True
    """

    def __init__(self):
        self.records = []
        self.max_propagation_depth = None
        self._started = {}

    def setup(self, estimator, context):
        """Nothing to prepare.

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.
        """

    def on_fit_task_begin(self, estimator, context):
        """Note when an epoch starts.

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.
        """
        if context.task_name == _EPOCH_TASK:
            self._started[id(context)] = time.perf_counter()

    def on_fit_task_end(self, estimator, context):
        """Append the record of an epoch that ended.

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.

        Returns
        -------
        stop : bool
            False: it never asks to stop.
        """
        if context.task_name != _EPOCH_TASK:
            return False
        started = self._started.pop(id(context), None)
        scores = getattr(estimator, "validation_scores_", None)
        optimizer = getattr(estimator, "_optimizer", None)  # as MLPClassifier's
        self.records.append(
            {
                "epoch": len(estimator.loss_curve_),
                "loss": estimator.loss_curve_[-1],
                "validation_score": scores[-1] if scores else None,
                "learning_rate": getattr(optimizer, "learning_rate", None),
                "seconds": None if started is None else time.perf_counter() - started,
            }
        )
        return False

    def teardown(self, estimator, context):
        """Nothing to release.

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.
        """


class Checkpoint:
    """Save a predict-ready copy of the classifier every ``every`` epochs.

    At the end of every ``every``-th epoch (counted as in
    :class:`History`: ``len(loss_curve_)``), the classifier as it is after that
    epoch (the ``fitted_estimator`` of scikit-learn's callback API) is written
    with :func:`~sknextchar.save_model`: a skops file by default, a joblib
    pickle for the suffixes ``.joblib``, ``.pkl`` and ``.pickle``. Load it with
    :func:`~sknextchar.load_model`; it predicts, scores, and continues training
    with ``partial_fit`` from that epoch (the optimizer's state is saved too).
    A checkpoint holds the classifier only: inside a pipeline, put it back
    behind the fitted transformer, ``make_pipeline(pipe[0], load_model(path))``.

    Parameters
    ----------
    path : str or os.PathLike
        Where to save. ``{epoch}`` in it is replaced by the epoch's number (one
        file per checkpoint); otherwise each checkpoint replaces the previous one
        (atomically: a crash never leaves half a file). An existing file there
        is replaced only if it is a model file (or empty), as with
        :func:`~sknextchar.save_model`: any other file (a file of names, say;
        a symbolic link is followed) is refused when ``fit`` starts, before any
        training, and left untouched. With ``{epoch}``, that holds for every
        file the call will write: each ``every``-th epoch up to the classifier's
        ``max_iter`` (after the epochs already trained, for a warm start or a
        ``partial_fit`` of the classifier itself or in a pipeline you fit; a
        NameSampler, a NameLabelClassifier or a search fits a copy, from
        epoch 1). Set on a :class:`~sknextchar.PerLabelClassifier` fitted with
        labels (or, when it is a step of a Pipeline, on the Pipeline,
        NameSampler, NameLabelClassifier or search around it: scikit-learn
        refuses a callback set on a step), or on its ``estimator``, the
        Checkpoint reaches every
        label's model, and, if they train by epochs (nothing is saved
        otherwise), the path must hold ``{label}``, replaced by each
        label (percent-encoded, dots too: ``"a/b"`` is ``a%2Fb``), so that each
        label's model has files of its own (``paths`` lists them all); without
        it, or with ``n_jobs`` above 1 (other processes save nothing), that
        ``fit`` raises a ValueError before any training; every label's files
        are checked then too, and two labels differing only in case (one file
        on macOS and Windows) are refused. ``{label}`` is refused where no
        PerLabelClassifier fitted with labels fills it in (one fitted without
        labels, or in a mixture's member).
        Likewise ``{member}``: set on a :class:`~sknextchar.MixtureClassifier`
        (or on an estimator around it), the Checkpoint reaches every member,
        and ``{member}`` is replaced by each member's name (encoded as a
        label is: ``"v1.0"`` is ``v1%2E0``), so that each member's model has
        files of its own (member names differing only in case are refused,
        as labels are); it is needed when two members or more train by
        epochs, and is refused where no mixture fills it in. With ``weights="fit"`` and
        ``refit=True``, a member's files from its fit without the held-out
        names are replaced by those of its refit (``paths`` lists both).
        Likewise, in a :class:`~sknextchar.NameLabelClassifier` with
        ``calibration``, each fold's fit writes the same files as the others
        (see its ``ensemble``): they end up holding the last fit's model.
    every : int, default=1
        Save after every ``every``-th epoch.

    Attributes
    ----------
    paths : list of pathlib.Path
        The files written, oldest first.
    max_propagation_depth : None
        Propagated to sub-estimators at any depth (scikit-learn's
        ``AutoPropagatedCallback`` protocol).

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar import (CharEmbeddingMLPClassifier, ContextWindowTransformer,
    ...                         load_model)
    >>> from sknextchar.callbacks import Checkpoint
    >>> windows = ContextWindowTransformer().fit_transform(["abid", "asha", "ravi"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     checkpoint = Checkpoint(os.path.join(tmp, "clf-{epoch}.skops"), every=2)
    ...     clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=4,
    ...                                      random_state=0).set_callbacks(checkpoint)
    ...     clf = clf.fit(windows)
    ...     print([path.name for path in checkpoint.paths])
    ...     len(load_model(checkpoint.paths[0]).loss_curve_)
    ['clf-2.skops', 'clf-4.skops']
    2
    """

    def __init__(self, path, every=1):
        check_scalar(every, "every", Integral, min_val=1)
        self.path = path
        self.every = every
        self.paths = []
        self.max_propagation_depth = None

    def setup(self, estimator, context):
        """Check, before any training, that the checkpoints can be written.

        A missing or read-only folder, a path that is a folder, an existing
        file that is no model file (a file of names, say), a skops path with
        skops missing or older than the release it needs, ``{label}``
        outside a PerLabelClassifier (``{member}`` outside a mixture), fails
        here, not after the first epoch (which may be a long pass over a
        file); an estimator with no model that trains by epochs (nothing
        would be saved) warns here (a search may try models of both kinds).
        A :class:`~sknextchar.MixtureClassifier` checks the files of a path
        with ``{member}``, each member's, before it fits any member; a
        PerLabelClassifier those of a path with ``{label}``. With ``{epoch}``
        in the path, every path of the call is checked (past 1000 of them, the
        first, the last and those that exist).

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.
        """
        composite = self._check_fields(estimator)
        if resolve_format(self.path) == "skops":
            import_skops_io()  # a skops missing or too old, before any epoch
        if composite:
            return  # the composite model checks each of its models' files first
        if "{epoch}" not in str(self.path):
            check_target(self._path(self.every), keep=keep_other_files)
            return
        epochs = self._epochs(estimator, context)
        if sum(map(len, epochs)) <= _MAX_CHECKED:
            for epoch in (epoch for each in epochs for epoch in each):
                check_target(self._path(epoch), keep=keep_other_files)
            return
        for each in epochs:
            for epoch in {each[0], each[-1]}:
                check_target(self._path(epoch), keep=keep_other_files)
        for path in self._existing(epochs):
            check_target(path, keep=keep_other_files)

    def _check_fields(self, estimator):
        """Refuse ``{label}`` or ``{member}`` where no model fills it in, and a
        Checkpoint on an estimator with no model it could save; whether the
        path holds one of them (filled in by the model that checks its files)."""
        path, name = str(self.path), type(estimator).__name__
        parts = estimator_parts(estimator)
        for field, model, fills in (
            ("{label}", "PerLabelClassifier fitted with labels", fills_label_names),
            ("{member}", "MixtureClassifier", fills_member_names),
        ):
            if field in path and not any(map(fills, parts)):
                unit = "label" if field == "{label}" else "member's name"
                raise ValueError(
                    f"The Checkpoint path {shown_path(path)} holds {field}, which only "
                    "a "
                    f"{model} fills in (with each {unit}); there is none in this "
                    f"{name}. Remove {field} from the path."
                )
        message = saves_nothing_message(path, name)
        # A warning, not an error: a search may try models of both kinds. Once
        # per fit of a meta-estimator, which fits a clone per calibration fold.
        if next(_fitted_classifiers(estimator), None) is None and first_telling(
            message
        ):
            warnings.warn(message, UserWarning, stacklevel=user_stacklevel())
        return "{label}" in path or "{member}" in path

    def _path(self, epoch):
        return Path(str(self.path).replace("{epoch}", str(epoch)))

    def _epochs(self, estimator, context):
        """The epochs whose checkpoints the call will write: a list of ranges.

        Called on the classifier itself, its epochs so far are those its call
        goes on from (its ``fit`` or ``partial_fit`` set them up, as
        ``train_from_file`` does, which counts its passes in ``context``); on a
        pipeline or another meta-estimator, before the classifiers in it are
        fitted, each goes on from its trained epochs if it is fitted in place
        and will warm-start; one a meta-estimator fits a clone of (a search,
        a NameSampler) starts at epoch 1.
        """
        from .nn.training import trained_epochs

        if trains_by_epochs(estimator):
            done = len(getattr(estimator, "loss_curve_", ()))  # none: cold
            n_epochs = min(
                estimator.max_iter, context.max_subtasks or estimator.max_iter
            )
            spans = [(done, n_epochs)]
        else:
            spans = sorted(
                {
                    (trained_epochs(clf), clf.max_iter)
                    if in_place and clf.warm_start and hasattr(clf, "coefs_")
                    else (0, clf.max_iter)
                    for clf, in_place in _fitted_classifiers(estimator)
                }
            )
        every = self.every
        # The multiples of every in done + 1 ... done + n_epochs.
        epochs = [
            range((done // every + 1) * every, done + n_epochs + 1, every)
            for done, n_epochs in spans
        ]
        return [each for each in epochs if each] or [range(every, every + 1)]

    def _existing(self, epochs):
        """The existing files named as the checkpoint of one of ``epochs``."""
        parts = str(self.path).split("{epoch}")
        pattern = "*".join(glob.escape(part) for part in parts)
        named = re.compile(r"(\d+)".join(re.escape(part) for part in parts))
        for found in glob.iglob(pattern):
            match = named.fullmatch(found)
            if match is None or len(set(match.groups())) != 1:
                continue
            number = match[1]
            if str(int(number)) == number and any(int(number) in e for e in epochs):
                yield found

    def on_fit_task_begin(self, estimator, context):
        """Nothing to do when a task begins.

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.
        """

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        """Save the classifier after every ``every``-th epoch.

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.
        fitted_estimator : estimator or None, default=None
            The predict-ready copy of the estimator after the task, which
            scikit-learn builds for a callback that asks for it.

        Returns
        -------
        stop : bool
            False: it never asks to stop.
        """
        if context.task_name != _EPOCH_TASK or fitted_estimator is None:
            return False
        epoch = len(fitted_estimator.loss_curve_)
        if epoch % self.every == 0:
            self.paths.append(save_model(fitted_estimator, self._path(epoch)))
        return False

    def teardown(self, estimator, context):
        """Nothing to release.

        Parameters
        ----------
        estimator : estimator
            The estimator whose task it is.
        context : sklearn.callback.CallbackContext
            The task.
        """
