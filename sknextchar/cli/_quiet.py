"""What ``-q`` (``--quiet``) leaves out, one rule for every command.

Under ``-q`` a command prints its results and what went wrong, nothing
else: the names of ``sample``, the rows of ``score``, ``classify`` and
``table``, what a flag asks for (``--report``, ``--explain``), every
warning (``sknextchar: warning: ...``) and every error; the notes that
change what was read, trained or scored (a first line read as a name or
as a header row, rows left out for having no name, the epoch a resumed run
went on from, names given twice ranked once, the lines of ``--exclude-file``
read without their quote marks), printed as without ``-q``; and a line that
says where a model went when it is not ``-o`` (Ctrl-C, a failed save). The
informational lines go: the progress of training, the report of what was
done (``Trained on ...``, ``Held-out NLL ...``, ``Saved the model to ...``,
``Wrote FILE.``), the note on the column of a table that is read (``Note:
... is a table``) and the legend below ``table``'s rows. A command that
succeeds under ``-q`` with nothing to warn about prints its results alone:
``train`` and ``plot`` print nothing.

Every informational line is printed through :func:`inform`, which the
command's run (:func:`quiet_if`) silences.
"""

import contextlib
import contextvars

__all__ = ["QUIET_HELP", "add_quiet", "inform", "is_quiet", "quiet_if"]

# The flag's help, the same for every command.
QUIET_HELP = (
    "print only the results, warnings, errors and the notes that change what "
    "is trained or scored: no progress, no report of what was done"
)

# Whether the running command was given -q (a context variable: a command run
# from a thread of a program's own is not silenced by another's -q).
_QUIET = contextvars.ContextVar("sknextchar_cli_quiet", default=False)


def add_quiet(parser):
    """Give a command's ``parser`` the flag ``-q``/``--quiet``.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_quiet(parser)
    >>> parser.parse_args(["-q"]).quiet
    True
    """
    parser.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)


@contextlib.contextmanager
def quiet_if(quiet):
    """Within the block, :func:`inform` prints nothing if ``quiet``.

    Examples
    --------
    >>> with quiet_if(True):
    ...     inform("Saved the model.")
    >>> with quiet_if(False):
    ...     inform("Saved the model.")
    Saved the model.
    """
    token = _QUIET.set(bool(quiet))
    try:
        yield
    finally:
        _QUIET.reset(token)


def is_quiet():
    """Whether the running command was given ``-q``.

    Examples
    --------
    >>> is_quiet()
    False
    """
    return _QUIET.get()


def inform(*lines, file=None):
    """Print the informational ``lines`` (on ``file``, by default the
    standard output), one a line, unless the command was given ``-q``.

    Examples
    --------
    >>> inform("Trained on 2 names.", "Held-out NLL: 2.1")
    Trained on 2 names.
    Held-out NLL: 2.1
    """
    if not is_quiet():
        print(*lines, sep="\n", file=file)
