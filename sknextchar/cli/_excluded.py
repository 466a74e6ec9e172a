"""``sample --exclude-file``: names a spreadsheet wrote in double quotes.

A file of one column that a spreadsheet wrote (``"Asha"`` on each line) is
read one name per line, quote marks kept, as ``train`` reads it. A model
whose alphabet has no ``"`` never writes such a name, so leaving them out
would leave out nothing: each line that is one field of CSV in double quotes
is then read as that field, quotes removed (``"O""Neil"`` as ``O"Neil``),
with a note instead of the warning that says how a command reads it so. A
model that writes ``"`` (trained on the quoted names) has the warning, and
the names as written.

A table read from another column than the model's training names (a
"Surname, Given" column beside a "Given" one) leaves out nothing the model
was trained on: when no name read is one of its training names while
another column holds some, a warning names that column
(:func:`warn_other_column`).
"""

import contextlib
import csv
import os
import sys
import warnings

from .._quoted_advice import in_quotes
from .._shown_paths import flag_word, shown_path
from .._words import counted, quoted
from ..datasets._long_lines import MAX_ROW_LETTERS
from ..datasets._quoted_lines import quoted_lines, quoted_lines_held
from ..datasets._table_rows import text_lines
from ..datasets._tables import detect_table, table_of
from ..datasets._text_files import read_text
from ._errors import PROG

__all__ = ["excluded_as_sampled", "warn_other_column"]


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


def warn_other_column(args, names, sampler):
    """Warn on stderr when ``names``, read from a table by ``sample
    --exclude-file``, hold none of the model's training names while another
    column of the table holds some: the column that holds most is offered
    as ``--names-column``. Nothing is said for a model without a record of
    its training names, a file of one name per line, or a pipe (read once),
    nor for names given another way than ``--exclude-file`` (no file to
    look at: ``args.exclude_file`` is None).

    Examples
    --------
    >>> import argparse, io, contextlib, os, tempfile
    >>> from sknextchar import NameSampler, make_default_pipeline
    >>> sampler = NameSampler(make_default_pipeline().set_params(clf__max_iter=1))
    >>> sampler = sampler.fit(["asha", "ravi"])
    >>> err = io.StringIO()
    >>> with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stderr(err):
    ...     path = os.path.join(tmp, "kids.csv")
    ...     with open(path, "w") as f:
    ...         _ = f.write("name,given\\nRao Asha,Asha\\nRao Ravi,Ravi\\n")
    ...     args = argparse.Namespace(exclude_file=path, encoding="utf-8",
    ...                               names_column=None, model="m.skops")
    ...     warn_other_column(args, ["Rao Asha", "Rao Ravi"], sampler)
    >>> "pass --names-column given" in err.getvalue()
    True
    """
    path = args.exclude_file
    if path is None or not names:  # names to leave out from no file
        return
    if getattr(sampler, "training_name_hashes_", None) is None:
        return
    if not os.path.isfile(path):  # a pipe (standard input): read once only
        return
    table, lines = _table_of(path, args)
    if table is None:
        return
    try:
        if sampler.in_training_set(sorted(set(names))).any():
            return
    except ValueError:  # a name that is no name (a tatweel alone): left as it is
        return
    shared = _training_names_by_column(lines, table, sampler)
    if not shared:
        return
    best = max(shared, key=shared.get)
    print(
        f"{PROG}: warning: none of the {counted(len(set(names)), 'name')} read "
        f"from column {table.column!r} of {shown_path(path)} is one that "
        f"{shown_path(args.model)} was trained on, while its column "
        f"{table.header[best]!r} holds {shared[best]:,} of the model's training "
        "names: to leave those out, pass "
        f"{flag_word('--names-column', table.header[best])}.",
        file=sys.stderr,
    )


def _table_of(path, args):
    """The table of ``path`` as --exclude-file read it (None: a list of
    names), and its lines."""
    text = read_text(path, encoding=args.encoding, longest=MAX_ROW_LETTERS)
    lines = list(text_lines(text))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # given when the names were read
        if args.names_column is None:
            return detect_table(lines, path, warn=False), lines
        return table_of(lines, path, args.names_column, warn=False), lines


def _training_names_by_column(lines, table, sampler):
    """``{column index: how many distinct cells are training names}`` for
    each column but the one of names that holds some."""
    others = [at for at in range(len(table.header)) if at != table.name_at]
    cells = {at: set() for at in others}
    rows = csv.reader(lines[table.skipped + 1 :], delimiter=table.delimiter)
    for fields in rows:  # a row too short has no cell there
        for at in others:
            if at < len(fields) and fields[at].strip():
                cells[at].add(fields[at].strip())
    shared = {at: _training_count(sampler, cells[at]) for at in others if cells[at]}
    return {at: count for at, count in shared.items() if count}


def _training_count(sampler, cells):
    """How many of ``cells`` are training names of ``sampler``; a cell it
    cannot read (a tatweel alone, in a column of notes) is none."""
    try:
        return int(sampler.in_training_set(sorted(cells)).sum())
    except ValueError:  # one cell at a time: the others still count
        pass
    count = 0
    for cell in cells:
        with contextlib.suppress(ValueError):
            count += int(sampler.in_training_set([cell])[0])
    return count
