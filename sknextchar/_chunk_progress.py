"""The progress lines of a training from a file, one chunk at a time."""

from ._progress_output import ProgressOutput
from ._words import counted, one_or_many

__all__ = ["ChunkProgress"]


class ChunkProgress:
    """One line per chunk, per epoch and per pass after the training (the
    lengths by prefix) on ``stream`` (``"stderr"``: standard error as it is at
    each write, none while it is None); the first write that fails stops them,
    with one warning, and the training goes on. ``out`` is the training's
    :class:`~sknextchar._progress_output.ProgressOutput` (shared with the
    classifier's ``verbose`` lines: one warning for the run), None for one of
    their own.

    Examples
    --------
    >>> import sys
    >>> progress = ChunkProgress(n_chunks=2, n_epochs=3, stream=sys.stdout)
    >>> progress.chunk(1, 2, 1500, 2.31234, 0.42)
    epoch 1/3  chunk 2/2: 1,500 names, loss 2.3123, 0.4 s
    >>> progress.prefix_pass(3, 12, 1.04)
    lengths by prefix, depth 3: a pass over the file, 12 prefixes kept, 1.0 s
    """

    def __init__(self, n_chunks, n_epochs, out=None, stream="stderr"):
        self.stream, self.n_chunks, self.n_epochs = stream, n_chunks, n_epochs
        if out is None:
            out = ProgressOutput(stream, training="train_from_file")
        self.out = out

    def chunk(self, epoch, index, n_names, chunk_loss, seconds):
        self._line(
            f"epoch {epoch}/{self.n_epochs}  chunk {index}/{self.n_chunks}: "
            f"{counted(n_names, 'name')}, loss {chunk_loss:.4f}, {seconds:.1f} s"
        )

    def prefix_pass(self, depth, n_kept, seconds):
        """A pass after the training, for the lengths by prefix of ``depth``
        symbols (:class:`~sknextchar._chunk_record.ChunkedRecord`)."""
        self._line(
            f"lengths by prefix, depth {depth}: a pass over the file, "
            f"{n_kept:,} {one_or_many(n_kept, 'prefix', 'prefixes')} kept, "
            f"{seconds:.1f} s"
        )

    def epoch(self, epoch, epoch_loss, learning_rate, seconds):
        self._line(
            f"epoch {epoch}/{self.n_epochs} done: loss {epoch_loss:.4f} nats per "
            f"character, lr {learning_rate:.2e}, {seconds:.1f} s"
        )

    def stopping(self, reason):
        """Why the training stopped before its last epoch."""
        self._line(f"Stopping: {reason}.")

    def _line(self, text):
        self.out.line(text, self.stream)
