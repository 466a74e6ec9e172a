"""The warning for names read one per line that a spreadsheet wrote in quotes.

A spreadsheet saved as CSV puts a field that holds a comma or a quote mark in
double quotes (``"Smith, Anna"``, ``"O""Brien"``). A file of one such column
without a header row is read one name per line, each line as it is, so those
names would keep their quote marks: ``--alphabet auto`` learns ``"`` and the
model writes it. :func:`warn_quoted_lines` tells the user, with what reads the
file as the spreadsheet wrote it, in the words of the interface.
"""

import os
import re
import warnings

from .._stacklevel import user_stacklevel
from .._text import quoted_row

__all__ = ["quoted_lines", "warn_quoted_lines"]

# A whole line that is one CSV field in quotes: a quote mark inside is doubled.
_QUOTED = re.compile(r'^"(?:[^"\n]|"")+"$', re.MULTILINE)
# A line with a comma that is not such a field: CSV would cut it (Smith, Anna).
_CUT = re.compile(r'^(?!"(?:[^"\n]|"")+"$)[^\n]*,[^\n]*', re.MULTILINE)


def quoted_lines(names):
    """The names (lines, stripped) that are each one field in double quotes,
    as a spreadsheet writes a field with a comma or a quote mark in it.

    Examples
    --------
    >>> quoted_lines(["Anna", '"Smith, Anna"', '"O""Brien"', 'Jo "Jay" Li', '"'])
    ['"Smith, Anna"', '"O""Brien"']
    """
    text = "\n".join(names)
    if '"' not in text:  # one pass in C: most files have no quote
        return []
    return _QUOTED.findall(text)  # one pass over the lines, in C


def warn_quoted_lines(names, path, how, *, whole=True):
    """Warn once when names read one per line are fields in double quotes.

    Parameters
    ----------
    names : list of str
        Names read one per line, stripped.
    path : str or os.PathLike
        The file they were read from, for the message.
    how : str
        What reads the file without the quotes, in the words of the
        interface (``"pass header=None, names_column=0"``). Not given when
        another line holds a comma outside quotes (``Smith, Anna``), which
        that reading would cut: the warning says so instead.
    whole : bool, default=True
        Whether ``names`` are all the names of the file; False (its first
        lines) names the first such line without counting them.

    Returns
    -------
    warned : bool

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_quoted_lines(["Anna", '"Smith, Anna"'], "kids.csv", "pass X")
    True
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    'kids.csv' has a line in double quotes, '"Smith, Anna"', read as a name
    with its quote marks, as a CSV file quotes a field (a spreadsheet quotes
    one that holds a comma or a quote mark): to read each line as a field of
    CSV, quotes removed, pass X.
    """
    found = quoted_lines(names)
    if not found:
        return False
    first = quoted_row(found[0])  # a long line cut, as messages quote rows
    cut = _CUT.search("\n".join(names))
    if cut is None:
        how = f"to read each line as a field of CSV, quotes removed, {how}"
    else:  # read as CSV, 'Smith, Anna' would lose 'Anna': no advice cuts names
        how = (
            f"no reading keeps every name whole, as other lines, such as "
            f"{quoted_row(cut.group())}, hold a comma outside quotes, which CSV reads "
            "as between two fields: to read the names without quote marks, "
            "quote every name that holds a comma or a quote mark, or none"
        )
    if not whole:
        what = f"lines in double quotes (the first: {first}), read as names "
        what += "with their"
    elif len(found) == 1:
        what = f"a line in double quotes, {first}, read as a name with its"
    else:
        what = f"{len(found):,} lines in double quotes (the first: {first}), "
        what += "read as names with their"
    warnings.warn(
        f"{os.fspath(path)!r} has {what} quote marks, as a CSV file quotes a "
        f"field (a spreadsheet quotes one that holds a comma or a quote mark): {how}.",
        UserWarning,
        stacklevel=user_stacklevel(),
    )
    return True
