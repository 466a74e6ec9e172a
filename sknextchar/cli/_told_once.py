"""Names in double quotes told once by the command whose error says them.

``score``, ``classify`` and ``train --resume`` read their names before the
model that refuses the ``"`` of names read with their quote marks; the error
then says the quotes itself, with what reads the names without them
(:mod:`sknextchar._quoted_advice`), so the reader's warning before it would
say the same twice. A model that takes the names (it knows ``"``) has the
warning given at once, before any row or epoch; names typed in quotes are
told to be typed without them. Only the standard library and light modules are
imported here: the command line imports this before a command runs.
"""

import contextlib

from .._quoted_advice import (
    QUOTES_NOTE_WORDS,
    QUOTES_REMOVED_TO_SCORE,
    QUOTES_TYPED,
    in_quotes,
)
from ..datasets._quoted_lines import quoted_lines_held, release_held

__all__ = ["quotes_told_once", "told_unless_refused"]


def told_unless_refused(windows):
    """Give the held warning of names in double quotes now (before any row
    or epoch) when the model of ``windows`` (its transformer) will not refuse
    their ``"``: it knows it, or drops what it does not know. Else the warning
    stays held until the check of the names, whose error says the quotes.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer(alphabet="auto").fit(['"Anna"'])
    >>> told_unless_refused(windows)  # nothing held: nothing given
    """
    if '"' in windows.vocabulary_ or windows.handle_unknown != "error":
        release_held()


@contextlib.contextmanager
def quotes_told_once(args):
    """Within the block (the run of a command), hold back the warning of
    names read in double quotes when the command is one whose error on
    unknown characters says their quotes itself, with what reads them
    (``score``, ``classify``, ``train --resume``): at such an error, the
    warning is left out; else it is given once the model is known to accept
    the names (:func:`told_unless_refused`, before any row or epoch), or at
    the end of the block (before the error that refuses them).

    Examples
    --------
    >>> import argparse
    >>> args = argparse.Namespace(run=lambda args: 0, resume="old.skops")
    >>> try:
    ...     with quotes_told_once(args):
    ...         raise ValueError("Found ... as a CSV file quotes a field, which an "
    ...                          "alphabet that holds it would learn ...")
    ... except ValueError as error:
    ...     print(str(error)[:9])
    Found ...
    """
    command = args.run.__name__
    if command not in ("score", "classify") and getattr(args, "resume", None) is None:
        yield
        return
    with quoted_lines_held() as held:
        try:
            yield
        except ValueError as error:
            if QUOTES_NOTE_WORDS in str(error):  # it says them: no warning before
                held.clear()
            typed = _typed_advice(args, error)
            if typed is not None:
                raise ValueError(typed) from None
            raise


def _typed_advice(args, error):
    """The message of ``error`` with the advice for names typed in double
    quotes (``score '"Mary"'``), which no --names-file reads; None: not one."""
    text = str(error)
    typed = any(in_quotes(name) for name in getattr(args, "names", None) or ())
    if type(error) is not ValueError or not typed:
        return None
    if QUOTES_REMOVED_TO_SCORE not in text:
        return None
    return text.replace(QUOTES_REMOVED_TO_SCORE, QUOTES_TYPED)
