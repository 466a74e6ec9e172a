"""Names with labels for ``train --labels``: a CSV column, or a file of labels.

``--labels COLUMN`` reads NAMES_FILE as a CSV file with a header row (a comma,
semicolon or tab between fields): the names are the column ``name`` (or the first
column that is not COLUMN), the labels the column COLUMN. A spreadsheet exported
as ``name,label`` is used as it is: ``--labels label``. Without NAMES_FILE, the
bundled names are read with their labels (``--labels label``, columns ``name`` and
``label``: ``female`` or ``male``). ``--labels FILE`` (an existing file) reads one
label per line, beside NAMES_FILE's one name per line.
"""

import codecs
import csv
import io
import os
from importlib import resources

__all__ = ["read_labelled_names"]

_BUNDLED = ("sknextchar.datasets", "data", "indian_name_labels.csv")


def read_labelled_names(names_file, labels, *, encoding="utf-8"):
    """The names and their labels for ``train --labels``.

    Parameters
    ----------
    names_file : str or None
        NAMES_FILE, or None for the bundled names.
    labels : str
        A column of NAMES_FILE (a CSV file with a header), or a file with one
        label per line.
    encoding : str, default="utf-8"
        The encoding of the files (a UTF-8 byte-order mark is skipped).

    Returns
    -------
    names, labels : list of str
        One label per name.

    Raises
    ------
    ValueError
        If the column does not exist, a row has no label, or the files do not
        have as many labels as names.

    Examples
    --------
    >>> names, labels = read_labelled_names(None, "label")
    >>> len(names), sorted(set(labels))
    (15185, ['female', 'male'])
    """
    if names_file is not None and os.path.isfile(labels):
        from ..datasets import load_names

        names = load_names(names_file, encoding=encoding)
        values = load_names(labels, encoding=encoding)
        if len(names) != len(values):
            raise ValueError(
                f"{names_file!r} has {len(names):,} names but {labels!r} has "
                f"{len(values):,} labels; give one label per line for each name."
            )
        return names, values
    if names_file is None:
        text = resources.files(_BUNDLED[0]).joinpath(*_BUNDLED[1:]).read_text("ascii")
        source = "the bundled names (columns 'name' and 'label')"
    else:
        text, source = _read(names_file, encoding), repr(names_file)
    return _columns(text, labels, source)


def _read(path, encoding):
    """The text of a file, without a UTF-8 byte-order mark."""
    if codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    try:
        with open(path, encoding=encoding, newline="") as f:
            return f.read()
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{path!r} is not a {encoding.removesuffix('-sig')} text file "
            f"({exc.reason}); pass --encoding, the file's encoding."
        ) from None


def _delimiter(text, column):
    """The CSV delimiter of ``text``: the one whose header row holds ``column``.

    A comma, a semicolon or a tab, tried in that order; when none gives such a
    header, what :class:`csv.Sniffer` guesses (for the error message). The
    header decides, not a guess from the rows: an apostrophe in a name
    (O'Brien) or a blank line can mislead the sniffer.
    """
    for delimiter in ",;\t":
        header = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
        if column in (field.strip() for field in header):
            return delimiter
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _columns(text, column, source):
    """The name column and the label column of a CSV text with a header."""
    delimiter = _delimiter(text, column)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [field.strip() for field in rows[0]] if rows else []
    if column not in header:
        raise ValueError(
            f"--labels {column!r} is neither a file nor a column of {source}, whose "
            f"first row (the header) is {header!r}. Pass the name of the label "
            "column (e.g. --labels label for a CSV file name,label), or a file "
            "with one label per line."
        )
    label_at = header.index(column)
    others = [i for i, field in enumerate(header) if i != label_at]
    if not others:
        raise ValueError(f"{source} has no column of names beside {column!r}.")
    name_at = header.index("name") if "name" in header else others[0]
    names, labels = [], []
    for line, row in enumerate(rows[1:], start=2):
        fields = [field.strip() for field in row] + [""] * len(header)
        if not fields[name_at]:
            continue  # a blank line, or a row without a name
        if not fields[label_at]:
            raise ValueError(
                f"Line {line} of {source} has the name {fields[name_at]!r} but no "
                f"label in column {column!r}; give every name a label."
            )
        names.append(fields[name_at])
        labels.append(fields[label_at])
    if not names:
        raise ValueError(f"{source} holds no names below its header.")
    return names, labels
