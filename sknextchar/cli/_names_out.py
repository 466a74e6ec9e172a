"""``sample``'s names written as they are drawn, batch by batch.

:meth:`~sknextchar.NameSampler.sample` hands each batch of names it accepts
to :class:`NamesOut` (its ``on_batch``) as soon as the batch is drawn, and
keeps none: the names reach the standard output (a pipe, a file, the
terminal) while more are drawn, and memory holds one batch, not them all
(``--unique`` keeps the set of the names printed, as it must; ``--novel``
alone keeps the set too, for the note on repeats: that memory grows with
the distinct names printed; ``--report``, which
needs them all, does not come here). The names and their order are those
of one call without it, for the same ``--seed``. A reader that leaves
(``| head``) stops the drawing at the next batch: the command ends quietly
(:func:`~sknextchar.cli.main`). Ctrl-C ends it with one line that says how
many names were written, and status 130; those written stay written.
"""

import contextlib
import sys

from .._words import counted
from ._errors import PROG
from ._streams import stdout_to_devnull

__all__ = ["NamesOut"]

# Names written at a time. A large write to a pipe whose reader leaves in the
# middle (``| head -3``) can end without an error (the rest is lost): the
# error comes at the next write, so a batch of a million names written at once
# went on to draw the next batch. About 100 KB a slice.
_SLICE = 10_000


class NamesOut:
    """Write each batch of names to the standard output, one per line.

    Parameters
    ----------
    n_samples : int
        The names asked for (for the line Ctrl-C prints).
    distinct : bool, default=False
        Keep the set of the names written, to count the distinct ones.

    Attributes
    ----------
    written : int
        The names written so far, counted slice by slice (a batch that Ctrl-C
        stopped in part counts its lines written).
    seen : set of str or None
        The names written (with ``distinct``).

    Examples
    --------
    >>> out = NamesOut(3, distinct=True)
    >>> out(["asha", "ravi"]); out(["asha"])
    asha
    ravi
    asha
    >>> out.written, out.counts()
    (3, (3, 2))
    """

    def __init__(self, n_samples, distinct=False):
        self.n_samples, self.written = n_samples, 0
        self.seen = set() if distinct else None

    def __call__(self, names):
        """Write ``names`` (a list of str), then flush: a reader gets them now.
        An output that cannot take them (``> /dev/full``) ends the command
        with status 1 and no more drawing; a reader that left, quietly."""
        try:  # in slices: a pipe's reader that left is seen at the next one
            for start in range(0, len(names), _SLICE):
                piece = names[start : start + _SLICE]
                sys.stdout.write("\n".join(piece) + "\n")
                # Counted slice by slice: Ctrl-C in a batch's later slices
                # says how many lines were written, not those of the batches
                # before it alone.
                self.written += len(piece)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # 'sample | head': the command ends quietly (cli.main)
        except (OSError, ValueError):
            stdout_to_devnull()  # no second error as Python exits
            raise  # said as cli.main says it ('no space left on the device')
        if self.seen is not None:
            self.seen.update(names)

    def counts(self):
        """How many names were written, and how many distinct ones (None
        without ``distinct``)."""
        return self.written, None if self.seen is None else len(self.seen)

    @contextlib.contextmanager
    def interruptible(self):
        """On Ctrl-C in the block: one line on stderr, how many names were
        written (they stay written), and ``SystemExit(130)``."""
        try:
            yield self
        except KeyboardInterrupt:
            asked = counted(self.n_samples, "name")
            if sys.stderr is not None:
                print(
                    f"{PROG}: interrupted; {self.written:,} of the {asked} asked "
                    "for were written",
                    file=sys.stderr,
                )
            raise SystemExit(130) from None
