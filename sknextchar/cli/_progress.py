"""Training progress on stderr: a scikit-learn callback drawn with rich."""

import contextlib
import errno
import os
import time
import types

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .._progress_output import training_output

__all__ = ["EpochProgress"]


class EpochProgress:
    """Show a classifier's training, epoch by epoch, on stderr.

    A callback of scikit-learn's callback API (:mod:`sklearn.callback`): set it
    with ``clf.set_callbacks(EpochProgress())`` and clear it after ``fit`` with
    ``clf.set_callbacks()``. At the end of each epoch task it shows the epoch, the
    training loss and, under early stopping, the held-out negative log-likelihood
    per character. On a terminal that is a rich progress bar with the time
    elapsed and left; elsewhere (a log file, a pipe) one line per epoch. A
    display never stops a ``fit``: the first write that fails (a closed
    stderr, a pipe whose reader left) ends the display, with one warning, and
    the training goes on.

    Parameters
    ----------
    header : str or None, default=None
        A line written when training starts, so that an error found before
        (in the names, say) stays alone on stderr.
    console : rich.console.Console or None, default=None
        Where to draw; None for a console on ``sys.stderr``. During ``fit``, a
        reader of its pipe that leaves is a failed write (rich would end the
        program), unless the console handles that itself (a subclass's own
        ``on_broken_pipe``).
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
        self._restore = _raising_on_broken_pipe(self._console)  # for the fit
        self._out = training_output("fit")  # every write of this fit
        self._bar = None
        self._total = estimator.max_iter
        self._epoch = self.first_epoch
        self._start = time.perf_counter()
        if self.header is not None:  # one line, however long its file's path
            self._print(self.header)
        if self._console.is_terminal and not self._out.stopped:
            self._bar = _rich_bar(self._console)
            self._task = self._bar.add_task(
                "", total=self._total, completed=self._epoch, status=""
            )
            self._out.call(self._bar.start)

    def on_fit_task_begin(self, estimator, context, **kwargs):
        """Nothing to show when a task begins."""

    def on_fit_task_end(self, estimator, context, **kwargs):
        """Show the state of training after each epoch."""
        if context.task_name != "epoch":
            return False
        self._epoch += 1
        if self._out.stopped:
            return False
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
        self._print(line)
        return False

    def _print(self, line):
        """One line on the console, unless a write of this fit failed."""
        self._out.call(
            self._console.print, line, markup=False, highlight=False, soft_wrap=True
        )

    def teardown(self, estimator, context):
        """Stop the display when ``fit`` ends, whether it succeeded or not."""
        bar, self._bar = getattr(self, "_bar", None), None  # None: setup failed
        restore, self._restore = getattr(self, "_restore", None), None
        try:
            self._stop(bar)
        finally:
            if restore is not None:
                restore()

    def _stop(self, bar):
        if bar is None:
            return
        if self._out.stopped:  # end its refresh thread; its writes fail again
            with contextlib.suppress(OSError, ValueError):
                bar.stop()
        else:
            self._out.call(bar.stop)


def _broken_pipe_raised(console):
    """A console's reader leaving, as an error of the write (as a file's)."""
    console.quiet = True
    raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def _raising_on_broken_pipe(console):
    """Make ``console`` raise BrokenPipeError when its reader leaves, for a fit;
    returns what puts it back as it was (None if it is left as it is).

    rich's own handler ends the program (``SystemExit``) and puts the null
    device over the host program's standard output: inside ``fit``, that would
    lose the model. A handler of the user's own (a subclass's, a method set) is
    left alone.
    """
    if "on_broken_pipe" in vars(console):
        return None
    if type(console).on_broken_pipe is not Console.on_broken_pipe:
        return None  # the user's subclass: its handler is its own
    quiet = console.quiet
    console.on_broken_pipe = types.MethodType(_broken_pipe_raised, console)

    def restore():
        del console.on_broken_pipe
        console.quiet = quiet

    return restore


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
