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
import re
import warnings

from .._name_headers import is_name_header
from .._pasted_lists import reads_as_title
from .._quoted_advice import (
    QUOTES_NOTE_WORDS,
    QUOTES_REMOVED,
    inner_quoted,
    inner_quotes_note,
    quoted_list,
)
from .._shown_paths import shown_path
from .._transformer import unknown_symbols
from .._unknown_message import TITLES_LABEL, title_note
from .._vocabulary import is_auto_alphabet
from .._vocabulary_pass import UnknownSymbolsError
from .._words import MAX_REPORTED, quoted
from ..datasets._quoted_lines import (
    COMMAND_LINE_ONE_COLUMN,
    PYTHON_ONE_COLUMN,
    QuotedLinesWarning,
    caller_decides,
    quoted_lines,
)
from ._column_note import shell_word
from ._label_checks import is_labels_file
from ._paired import PAIRED_QUOTES

__all__ = ["labels_file_advice", "quotes_refused_at_once"]

# What reads the quoted lines without their quotes, in train's words, by the
# advice of the warning: train's own, with --labels FILE, or train_from_file's
# (train --chunk-size); other advice is not train's.
_COMMAND_LINE = {
    COMMAND_LINE_ONE_COLUMN: COMMAND_LINE_ONE_COLUMN,
    PAIRED_QUOTES: PAIRED_QUOTES,
    PYTHON_ONE_COLUMN: COMMAND_LINE_ONE_COLUMN,
}

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


def _read_as_csv(windows, names):
    """The first names whose reading as fields of CSV (``'"O""Neil"'`` is
    ``'O"Neil'``) the fit of the ``windows`` transformer still refuses, each
    for a quote mark inside its quotes, and how many there are in every
    chunk (the warning's advice would only lead to the fit's error on them;
    None, 0 when it refuses one for another character, which the fit's error
    says); the first line left out as the list's title
    (``"Baby names 2024"``, to delete), or None; the list's first quoted
    line (None: none); and the header of the one column, when the first
    line read as CSV says "name" (``"name"``), or None. ``names`` is a list,
    or (a file read in chunks) a function that reads it again as lists."""
    title = first = header = None
    left, n_left = [], 0
    for at, chunk in enumerate(names() if callable(names) else [names]):
        fields = [next(csv.reader([name]), [""]) for name in chunk]
        read = [row[0] if len(row) == 1 else n for row, n in zip(fields, chunk)]
        if at == 0 and chunk and reads_as_title(chunk[0]):
            title, chunk, read = chunk[0], chunk[1:], read[1:]
        elif at == 0 and chunk and is_name_header(read[0], alone=True):
            header, chunk, read = read[0], chunk[1:], read[1:]
        first = first or next(iter(quoted_lines(chunk)), None)
        refused = [chunk[i] for i in unknown_symbols(windows, read)]
        if not all(map(inner_quoted, refused)):
            return None, 0, title, first, header
        n_left += len(refused)
        left += refused[: MAX_REPORTED - len(left)]
    return left, n_left, title, first, header


def _may_refuse(message, windows):
    """Whether the quoted lines of the warning ``message`` may be said as
    one error: the ``windows`` transformer's fit would refuse them and the
    warning's advice (``train``'s: alone, with ``--labels FILE``, or in
    chunks, read by ``train_from_file``) reads every name whole. Only such a
    warning is held back: any other is shown as it comes (in chunks, before
    the first epoch)."""
    refused = message.whole and _refuses_quotes(windows)
    return refused and message.cut is None and message.how in _COMMAND_LINE


def _refusal(message, windows, names, labels):
    """The error that says the quoted lines of the warning ``message`` at
    once (:func:`_may_refuse`), when the fit takes every name read as CSV
    (or refuses only the quote marks that such a reading leaves, told to
    clean), the quoted title above them, if any, told to delete (with the
    first line of the ``labels`` file, when they are read from one), a
    header above them read as one; else None."""
    if not _may_refuse(message, windows):
        return None
    left, n_left, title, first, header = _read_as_csv(windows, names)
    how, reason = message.how, _REASON
    if left is None:
        return None  # the fit's error says what else it refuses
    top = title if header is None else _names_top(names)
    advice = _COMMAND_LINE[how] if header is None else _by_header(header, how)
    if top is not None and top == message.found[0]:  # the list's lines
        if first is None:
            return None  # the title alone is quoted: the fit's error says it
        if header is None:
            reason = title_note(title, labels if how == PAIRED_QUOTES else None)
            reason += _REASON
        message = QuotedLinesWarning(
            message.path, [first], None, True, how, message.count - 1
        )
    worded = message.worded(advice + inner_quotes_note(left, n_left), reason=reason)
    return ValueError(worded)


def _names_top(names):
    """The first of ``names`` (a list, or a function that reads them again as
    lists), or None."""
    for chunk in names() if callable(names) else [names]:
        return chunk[0] if chunk else None
    return None


def _by_header(header, how):
    """What reads the names below a first line that is the ``header`` of
    their one column, quotes removed (the advice ``how`` with --labels FILE
    reads it as a header row already)."""
    if how == PAIRED_QUOTES:
        return how
    return (
        f"pass --names-column {shell_word(header)} (a table of one column, its "
        f"first line its header {quoted(header)})"
    )


@contextlib.contextmanager
def quotes_refused_at_once(windows, labels=None):
    """Within the block (the reading of ``train``'s names, their list passed
    to the function it is given, or for a file read in chunks a function
    that reads them again as lists), hold back the warning of names in double
    quotes that the fit would refuse (any other is shown at once); after the
    block, or at the fit's error on unknown characters, raise it as one error
    when the fit takes every name read as CSV; else show it as it came.

    Parameters
    ----------
    windows : ContextWindowTransformer
        The transformer ``train`` will fit.
    labels : str, optional
        The file of the names' labels (``--labels FILE``), whose first line
        goes with a title above the names.

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
        if isinstance(message, QuotedLinesWarning) and _may_refuse(message, windows):
            held.append((message, category, *args))
        else:
            show(message, category, *args, **kwargs)

    names = []

    def read(got):
        names[:] = [got]
        return got

    warnings.showwarning = holding
    try:
        with caller_decides():  # train_from_file's warning, said here
            yield read
    except UnknownSymbolsError as error:  # in chunks: the fit's, after the warning
        warnings.showwarning = show
        for message, *_ in held if names else ():
            refusal = _refusal(message, windows, names[0], labels)
            if refusal is not None:
                raise refusal from None
        if QUOTES_NOTE_WORDS in str(error):  # it says the quotes itself
            held.clear()
        for message, *rest in held:
            show(message, *rest)
        raise error
    except BaseException:  # the reading's own error: the warning as it came
        warnings.showwarning = show
        for message, *rest in held:
            show(message, *rest)
        raise
    warnings.showwarning = show
    for message, *rest in held:
        refusal = _refusal(message, windows, names[0] if names else [], labels)
        if refusal is not None:
            raise refusal
        if not _said_by_the_fit(windows, names[0] if names else None):
            show(message, *rest)


def _said_by_the_fit(windows, names):
    """Whether the fit of ``windows`` on ``names`` (a list; else not known)
    refuses them with a note on their double quotes and what reads them
    without (every name it refuses is in quotes, below a title or not): the
    warning would say it twice."""
    if not isinstance(names, list):
        return False
    culprits = list(unknown_symbols(windows, names))
    return bool(culprits) and quoted_list(names, culprits)[0]


# The fit's note on a list's title, which says nothing of its label.
_TITLE_ALONE = re.compile(r"reads as the list's title: delete it(?! and)")


@contextlib.contextmanager
def labels_file_advice(labels):
    """Within the block (the fit of ``train``), say the fit's advice on
    names in double quotes or on a list's title in the words of a file of
    labels (``--labels FILE``): no NAMES_FILE of one column read as CSV
    (``--no-header``, which refuses a file of labels) but the labels beside
    the names in one CSV file; the title's label deleted with it. Any other
    error, or ``labels`` a column (or None), passes as it is.

    Examples
    --------
    >>> try:
    ...     with labels_file_advice("/dev/stdin"):  # a file, not a column
    ...         raise ValueError("the first name, 'Names 2024', reads as the "
    ...                          "list's title: delete it.")
    ... except ValueError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    the first name, 'Names 2024', reads as the list's title: delete it and its
    label, the first label of '/dev/stdin'.
    """
    try:
        yield
    except ValueError as error:
        message = str(error)
        if labels is None or not is_labels_file(labels):
            raise
        said = _TITLE_ALONE.sub(
            lambda found: f"{found[0]} and {TITLES_LABEL.format(shown_path(labels))}",
            message.replace(QUOTES_REMOVED, PAIRED_QUOTES),
        )
        if said == message:
            raise
        raise ValueError(said) from None
