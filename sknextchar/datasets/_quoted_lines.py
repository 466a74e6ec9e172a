"""The warning for names read one per line that a spreadsheet wrote in quotes.

A spreadsheet saved as CSV puts a field that holds a comma or a quote mark in
double quotes (``"Smith, Anna"``, ``"O""Brien"``). A file of one such column
without a header row is read one name per line, each line as it is, so those
names would keep their quote marks: ``--alphabet auto`` learns ``"`` and the
model writes it. :func:`warn_quoted_lines` tells the user, with what reads the
file as the spreadsheet wrote it, in the words of the interface.
"""

import contextlib
import contextvars
import re
import warnings

from .._name_headers import one_column_header
from .._remade_errors import remade
from .._shown_paths import shell_word, shown_path
from .._stacklevel import user_stacklevel
from .._words import quoted, quoted_row

__all__ = [
    "COMMAND_LINE_BY_HEADER",
    "COMMAND_LINE_ONE_COLUMN",
    "PYTHON_ONE_COLUMN",
    "QuotedLines",
    "QuotedLinesWarning",
    "by_header",
    "caller_decides",
    "quoted_lines",
    "quoted_lines_held",
    "release_held",
    "warn_quoted_lines",
]

#: How the Python readers (``load_names``, ``train_from_file``) read a file's
#: lines as fields of CSV, quotes removed: a table of one column.
PYTHON_ONE_COLUMN = "pass header=None, names_column=0 (a table of one column)"
#: The same in the words of ``sknextchar train``.
COMMAND_LINE_ONE_COLUMN = "pass --no-header --names-column 1 (a table of one column)"
#: The same for the commands that read a file of names by a header row only
#: (``score --names-file``, ``classify --names-file``).
COMMAND_LINE_BY_HEADER = (
    'add a header row, a first line "name", and pass --names-column name'
)


def by_header(header, setting):
    """What reads the names below a first line that is the ``header`` of
    their one column (``"name"``), quotes removed: ``setting``, the column
    in the words of the interface (``names_column='name'``).

    Examples
    --------
    >>> print(by_header("name", "--names-column name"))
    pass --names-column name (a table of one column, its first line its header 'name')
    """
    return (
        f"pass {setting} (a table of one column, its first line its header "
        f"{quoted(header)})"
    )


# The command line's words of what reads a file as a table of one column.
_COMMAND_LINE_HOWS = (COMMAND_LINE_ONE_COLUMN, COMMAND_LINE_BY_HEADER)

# The warnings held back within quoted_lines_held (None: given at once): those
# to give, and every one (given all the same within caller_decides).
_HELD = contextvars.ContextVar("sknextchar_quoted_lines_held", default=None)
# Whether a caller decides what to say of the warnings (see caller_decides).
_CALLER_DECIDES = contextvars.ContextVar("sknextchar_quotes_caller", default=False)

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


class QuotedLinesWarning(UserWarning):
    """Names read one per line that are fields in double quotes, with the
    parts of the message as data, so that an interface can say what to pass
    in its own words (:meth:`worded`).

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    found : list of str
        The lines in double quotes (of the names looked at).
    cut : str or None
        A line with a comma outside quotes, which CSV would cut; None if none.
    whole : bool
        Whether the names looked at are all those of the file.
    how : str
        What reads the file without the quotes, in the words of the interface
        that read it.
    count : int, optional
        How many lines are in double quotes, when ``found`` holds only the
        first of them (a file read in chunks); ``len(found)`` if not given.
    header : str, optional
        The header of the one column, when the file's first line is one
        (``"name"``): a table of one column is then read by it, in either
        interface's words (for ``how`` :data:`PYTHON_ONE_COLUMN`,
        :data:`COMMAND_LINE_ONE_COLUMN` or :data:`COMMAND_LINE_BY_HEADER`).

    Examples
    --------
    >>> warning = QuotedLinesWarning("kids.txt", ['"Anna"'], None, True, "pass X")
    >>> warning.worded("pass Y").endswith("as a field of CSV, quotes removed, pass Y.")
    True
    """

    def __init__(self, path, found, cut, whole, how, count=None, header=None):
        self.path, self.found, self.cut, self.whole = path, found, cut, whole
        self.how, self.count = how, len(found) if count is None else count
        self.header = header
        super().__init__(self.worded(how))

    def text(self):
        """The message, in the words it was given (for :func:`remade`)."""
        return self.worded(self.how)

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))

    def worded(self, how, reason=""):
        """The message, with ``how`` as what reads the file without quotes,
        and ``reason`` (``"; ..."``) before it: why that matters."""
        header = vars(self).get("header")  # None in a warning of older pickles
        if header is not None and how == PYTHON_ONE_COLUMN:
            how = by_header(header, f"names_column={header!r}")
        elif header is not None and how in _COMMAND_LINE_HOWS:
            how = by_header(header, f"--names-column {shell_word(header)}")
        first = quoted_row(self.found[0])  # a long line cut, as messages quote rows
        if self.cut is None:
            how = f"to read each line as a field of CSV, quotes removed, {how}"
        else:  # read as CSV, 'Smith, Anna' would lose 'Anna': no advice cuts names
            how = (
                f"no reading keeps every name whole, as other lines, such as "
                f"{quoted_row(self.cut)}, hold a comma outside quotes, which CSV "
                "reads as between two fields: to read the names without quote "
                "marks, quote every name that holds a comma or a quote mark, or none"
            )
        if not self.whole:
            what = f"lines in double quotes (the first: {first}), read as names "
            what += "with their"
        elif self.count == 1:
            what = f"a line in double quotes, {first}, read as a name with its"
        else:
            what = f"{self.count:,} lines in double quotes (the first: {first}), "
            what += "read as names with their"
        return (
            f"{shown_path(self.path)} has {what} quote marks, as a CSV file quotes a "
            "field (a spreadsheet quotes one that holds a comma or a quote mark)"
            f"{reason}: {how}."
        )


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
        Whether it warned (a :class:`QuotedLinesWarning`).

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
    cut = _CUT.search("\n".join(names))
    cut = cut and cut.group()
    header = one_column_header(names[0])
    _warn(QuotedLinesWarning(path, found, cut, whole, how, header=header))
    return True


def _warn(warning):
    """Give the warning, or hold it back within :func:`quoted_lines_held`."""
    held = _HELD.get()
    if held is None:
        warnings.warn(warning, stacklevel=user_stacklevel())
    else:
        held[0].append(warning)
        held[1].append(warning)


@contextlib.contextmanager
def quoted_lines_held():
    """Within the block, hold back the warnings of quoted lines: the list
    yielded gets them, and they are given at the end of the block (at the
    user's line, under the warnings filters of that moment, not held by an
    outer block) unless the block empties it (an error that says the same,
    with the same advice, is raised instead).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     with quoted_lines_held() as held:
    ...         _ = warn_quoted_lines(['"Anna"'], "kids.txt", "pass X")
    ...         print(len(held), len(caught))
    ...         held.clear()  # said by an error
    1 0
    >>> len(caught)
    0
    """
    held, every = [], []
    token = _HELD.set((held, every))
    try:
        yield held
    finally:
        _HELD.reset(token)
        for warning in every if _CALLER_DECIDES.get() else held:
            warnings.warn(warning, stacklevel=user_stacklevel())


def release_held():
    """Give now the warnings held back by :func:`quoted_lines_held`, and the
    later ones at once, till the end of its block: the names were accepted,
    and the user hears of their quotes before any result.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     with quoted_lines_held() as held:
    ...         _ = warn_quoted_lines(['"Anna"'], "kids.txt", "pass X")
    ...         release_held()
    ...         print(len(caught))
    1
    """
    held = _HELD.get()
    if held is None:
        return
    _HELD.set(None)
    pending = list(held[0] if not _CALLER_DECIDES.get() else held[1])
    held[0].clear()
    held[1].clear()
    for warning in pending:
        warnings.warn(warning, stacklevel=user_stacklevel())


@contextlib.contextmanager
def caller_decides():
    """Within the block, :func:`quoted_lines_held` gives every warning it
    held, even one that an error says: the caller (the command line, which
    says names in quotes its own way) decides what to tell.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught, caller_decides():
    ...     warnings.simplefilter("always")
    ...     with quoted_lines_held() as held:
    ...         _ = warn_quoted_lines(['"Anna"'], "kids.txt", "pass X")
    ...         held.clear()
    >>> len(caught)
    1
    """
    token = _CALLER_DECIDES.set(True)
    try:
        yield
    finally:
        _CALLER_DECIDES.reset(token)


class QuotedLines:
    """The lines in double quotes of a file read in parts (chunks), gathered
    in bounded memory (a count, the first such line and the first line CSV
    would cut), to warn once of the whole file as :func:`warn_quoted_lines`
    warns of names read at once.

    Examples
    --------
    >>> import warnings
    >>> gathered = QuotedLines()
    >>> gathered.add(['"Anna"', "Bo"])
    >>> gathered.add(["Smith, Anna"])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     gathered.warn("kids.txt", "pass X")
    True
    >>> "no reading keeps every name whole" in str(caught[0].message)
    True
    """

    def __init__(self):
        self.count, self.first, self.cut = 0, None, None
        self.top = None  # the file's first line, once read

    def add(self, names):
        """Gather the quoted lines of ``names`` (stripped lines) and, until
        one is found, a line with a comma outside quotes."""
        self.top = self.top if self.top is not None or not names else names[0]
        text = "\n".join(names)
        found = _QUOTED.findall(text) if '"' in text else []
        self.count += len(found)
        self.first = self.first or (found[0] if found else None)
        if self.cut is None and "," in text:
            cut = _CUT.search(text)
            self.cut = cut and cut.group()

    def warn(self, path, how):
        """Warn of the lines gathered (a :class:`QuotedLinesWarning`), if any;
        whether it warned."""
        if not self.count:
            return False
        header = None if self.top is None else one_column_header(self.top)
        found = [self.first]
        _warn(QuotedLinesWarning(path, found, self.cut, True, how, self.count, header))
        return True
