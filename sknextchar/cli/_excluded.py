"""``sample --exclude-file``: names a spreadsheet wrote in double quotes.

A file of one column that a spreadsheet wrote (``"Asha"`` on each line) is
read one name per line, quote marks kept, as ``train`` reads it. A model
whose alphabet has no ``"`` never writes such a name, so leaving them out
would leave out nothing: each line that is one field of CSV in double quotes
is then read as that field, quotes removed (``"O""Neil"`` as ``O"Neil``),
with a note instead of the warning that says how a command reads it so. A
model that writes ``"`` (trained on the quoted names) has the warning, and
the names as written.
"""

import contextlib
import csv
import sys

from .._quoted_advice import in_quotes
from .._shown_paths import shown_path
from .._words import counted, quoted
from ..datasets._quoted_lines import quoted_lines, quoted_lines_held

__all__ = ["excluded_as_sampled"]


@contextlib.contextmanager
def excluded_as_sampled(path):
    """Within the block (the reading of the names of ``path`` and the load
    of the model), hold back the warning of its lines in double quotes; the
    function yielded takes the names read and the fitted
    :class:`~sknextchar.NameSampler` and gives the names to leave out: the
    quoted lines as fields of CSV, with a note, when the vocabulary of its
    model has no ``"``; else the names as read, the
    warning given at the end of the block.

    Examples
    --------
    >>> import contextlib, io
    >>> from sknextchar import NameSampler, make_default_pipeline
    >>> sampler = NameSampler(make_default_pipeline().set_params(clf__max_iter=1))
    >>> sampler = sampler.fit(["asha", "ravi"])
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err), excluded_as_sampled("x.txt") as left:
    ...     print(left(['"Asha"', "Ravi"], sampler))
    ['Asha', 'Ravi']
    >>> print(err.getvalue().strip())  # doctest: +NORMALIZE_WHITESPACE
    Note: read the line in double quotes of 'x.txt', '"Asha"', as a field of
    CSV, quotes removed ('Asha'), as the model writes no '"'.
    """
    if path is None:
        yield lambda names, sampler: names
        return
    with quoted_lines_held() as held:

        def leave_out(names, sampler):
            found = quoted_lines(names or [])
            if not found:
                return names
            from .._pipeline import split_pipeline  # loads scikit-learn

            if '"' in split_pipeline(sampler.estimator_)[0].vocabulary_:
                return names  # the warning, at the end of the block
            held.clear()
            _note(path, found)
            return [_field(name) if in_quotes(name) else name for name in names]

        yield leave_out


def _field(name):
    """``name``, one field of CSV in double quotes, read as that field."""
    return next(csv.reader([name.strip()]))[0]


def _note(path, found):
    """The note on the lines ``found`` in double quotes, read as fields."""
    what = (
        f"the line in double quotes of {shown_path(path)}, {quoted(found[0])}, as a "
        "field"
        if len(found) == 1
        else f"the {counted(len(found), 'line')} in double quotes of "
        f"{shown_path(path)} (the first: {quoted(found[0])}) as fields"
    )
    print(
        f"Note: read {what} of CSV, quotes removed ({quoted(_field(found[0]))}), "
        "as the model writes no '\"'.",
        file=sys.stderr,
    )
