"""Training progress on stderr: a scikit-learn callback drawn with rich."""

import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

__all__ = ["EpochProgress"]


class EpochProgress:
    """Show a classifier's training, epoch by epoch, on stderr.

    A callback of scikit-learn's callback API (:mod:`sklearn.callback`): set it
    with ``clf.set_callbacks(EpochProgress())`` and clear it after ``fit`` with
    ``clf.set_callbacks()``. At the end of each epoch task it shows the epoch, the
    training loss and, under early stopping, the held-out negative log-likelihood
    per character. On a terminal that is a rich progress bar with the time
    elapsed and left; elsewhere (a log file, a pipe) one line per epoch.

    Parameters
    ----------
    header : str or None, default=None
        A line written when training starts, so that an error found before
        (in the names, say) stays alone on stderr.
    console : rich.console.Console or None, default=None
        Where to draw; None for a console on ``sys.stderr``.
    first_epoch : int, default=0
        The epochs trained before this run: a resumed run (``train --resume``)
        counts its epochs on from them, up to ``max_iter``.

    Examples
    --------
    >>> import io
    >>> from rich.console import Console
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
    >>> from sknextchar.cli._progress import EpochProgress
    >>> log = io.StringIO()
    >>> progress = EpochProgress("Training...", console=Console(file=log))
    >>> pipe = make_pipeline(
    ...     ContextWindowTransformer(),
    ...     CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=2,
    ...                                random_state=0),
    ... )
    >>> pipe[-1].set_callbacks(progress)  # doctest: +ELLIPSIS
    CharEmbeddingMLPClassifier(...)
    >>> pipe = pipe.fit(["abid", "asha", "ravi", "uma"])
    >>> pipe[-1].set_callbacks()  # doctest: +ELLIPSIS
    CharEmbeddingMLPClassifier(...)
    >>> print(log.getvalue())  # doctest: +ELLIPSIS
    Training...
    epoch 1/2  loss ...
    epoch 2/2  loss ...
    """

    def __init__(self, header=None, console=None, first_epoch=0):
        self.header = header
        self.console = console
        self.first_epoch = first_epoch

    def __deepcopy__(self, memo):
        # A display is a runtime hook: a copy of the estimator that holds it (a
        # snapshot of its state, say) shares it rather than copying a live bar.
        return self

    def __getstate__(self):
        # Pickled (to a worker process, say): the settings, not the live display.
        return {"header": self.header, "console": None, "first_epoch": self.first_epoch}

    def setup(self, estimator, context):
        """Start the display when ``fit`` starts."""
        self._console = self.console or Console(stderr=True)
        if self.header is not None:  # one line, however long its file's path
            self._console.print(
                self.header, markup=False, highlight=False, soft_wrap=True
            )
        self._total = estimator.max_iter
        self._epoch = self.first_epoch
        self._start = time.perf_counter()
        self._bar = None
        if self._console.is_terminal:
            self._bar = _rich_bar(self._console)
            self._task = self._bar.add_task(
                "", total=self._total, completed=self._epoch, status=""
            )
            self._bar.start()

    def on_fit_task_begin(self, estimator, context, **kwargs):
        """Nothing to show when a task begins."""

    def on_fit_task_end(self, estimator, context, **kwargs):
        """Show the state of training after each epoch."""
        if context.task_name != "epoch":
            return False
        self._epoch += 1
        status = _status(estimator)
        if self._bar is not None:
            self._bar.update(self._task, completed=self._epoch, status=status)
            return False
        elapsed = time.perf_counter() - self._start
        line = f"epoch {self._epoch}/{self._total}  {status}  {elapsed:.0f} s"
        if self._epoch < self._total:
            run = self._epoch - self.first_epoch  # the epochs of this run
            left = elapsed / run * (self._total - self._epoch)
            line += f", ~{left:.0f} s left"
        self._console.print(line, markup=False, highlight=False, soft_wrap=True)
        return False

    def teardown(self, estimator, context):
        """Stop the display when ``fit`` ends, whether it succeeded or not."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _status(estimator):
    """The latest training loss and held-out NLL of an estimator being fitted."""
    status = f"loss {estimator.loss_curve_[-1]:.4f}"
    scores = getattr(estimator, "validation_scores_", None)
    if getattr(estimator, "early_stopping", False) and scores:
        status += f"  held-out NLL {-scores[-1]:.4f}"
    return status


def _rich_bar(console):
    return Progress(
        TextColumn("epoch {task.completed:.0f}/{task.total:.0f}"),
        BarColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        TextColumn("elapsed,"),
        TimeRemainingColumn(),
        TextColumn("left"),
        console=console,
    )
