"""Names in double quotes that ``train``'s alphabet cannot hold, said once.

A file of one column that a spreadsheet wrote (``"Anna"`` on each line) is read
one name per line, quote marks kept, with a warning that says what reads it as
CSV (:class:`~sknextchar.datasets._quoted_lines.QuotedLinesWarning`). When the
alphabet has no ``"``, the fit would then refuse every such name, advising an
alphabet that learns the quote marks: two lines, the second wrong. Here the
warning becomes the one error instead, before any training.
"""

import contextlib
import csv
import warnings

from .._transformer import unknown_symbols
from .._vocabulary import is_auto_alphabet
from ..datasets._quoted_lines import COMMAND_LINE_ONE_COLUMN, QuotedLinesWarning

__all__ = ["quotes_refused_at_once"]

# Why the quoted names cannot be trained on as they are read.
_REASON = "; the alphabet has no '\"', so no such name can be learned as it is read"


def _refuses_quotes(windows):
    """Whether the ``windows`` transformer's fit refuses a ``"`` (a fixed
    alphabet without it, ``handle_unknown="error"``)."""
    return (
        windows.handle_unknown == "error"
        and not is_auto_alphabet(windows.alphabet)
        and '"' not in windows.alphabet
    )


def _learnable_as_csv(windows, names):
    """Whether the ``windows`` transformer's fit takes every one of ``names``
    read as a field of CSV (``'"O""Neil"'`` is ``'O"Neil'``): else the
    warning's advice would only lead to the fit's error on what is left."""
    fields = [next(csv.reader([name]), [""]) for name in names]
    read = [row[0] if len(row) == 1 else name for row, name in zip(fields, names)]
    return not unknown_symbols(windows, read)


@contextlib.contextmanager
def quotes_refused_at_once(windows):
    """Within the block (the reading of ``train``'s names, their list passed
    to the function it is given), hold back the warning of names in double
    quotes; after it, raise it as one error when the ``windows``
    transformer's fit would refuse them, the warning's advice reads every
    name whole and the fit takes every name so read; else show it as it came.

    Parameters
    ----------
    windows : ContextWindowTransformer
        The transformer ``train`` will fit.

    Raises
    ------
    ValueError
        The warning's message, with why the names cannot be learned.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar.datasets._quoted_lines import (
    ...     COMMAND_LINE_ONE_COLUMN, warn_quoted_lines)
    >>> try:
    ...     with quotes_refused_at_once(ContextWindowTransformer()) as read:
    ...         _ = read(['"Anna"'])
    ...         _ = warn_quoted_lines(['"Anna"'], "kids.txt", COMMAND_LINE_ONE_COLUMN)
    ... except ValueError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    'kids.txt' has a line in double quotes, '"Anna"', read as a name with its
    quote marks, as a CSV file quotes a field (a spreadsheet quotes one that
    holds a comma or a quote mark); the alphabet has no '"', so no such name
    can be learned as it is read: to read each line as a field of CSV, quotes
    removed, pass --no-header --names-column 1 (a table of one column).
    """
    held, show = [], warnings.showwarning

    def holding(message, category, *args, **kwargs):
        if isinstance(message, QuotedLinesWarning):
            held.append((message, category, *args))
        else:
            show(message, category, *args, **kwargs)

    names = []

    def read(got):
        names[:] = got
        return got

    warnings.showwarning = holding
    try:
        yield read
    except BaseException:  # the reading's own error: the warning as it came
        warnings.showwarning = show
        for message, *rest in held:
            show(message, *rest)
        raise
    warnings.showwarning = show
    for message, *rest in held:
        readable = message.cut is None and message.how == COMMAND_LINE_ONE_COLUMN
        refused = message.whole and _refuses_quotes(windows)
        if readable and refused and _learnable_as_csv(windows, names):
            raise ValueError(message.worded(message.how, reason=_REASON))
        show(message, *rest)
