"""Names with labels for ``train --labels``: a CSV column, or a file of labels.

``--labels COLUMN`` reads NAMES_FILE as a CSV file with a header row (a comma,
semicolon or tab between fields): the names are the column ``name`` (or the first
column that is not COLUMN), the labels the column COLUMN. A spreadsheet exported
as ``name,label`` is used as it is: ``--labels label``. Without NAMES_FILE, the
bundled names are read with their labels (``--labels label``, columns ``name`` and
``label``: ``female`` or ``male``). ``--labels FILE`` (an existing file) reads one
label per line, beside NAMES_FILE's one name per line.
"""

import csv
import io
import os
import unicodedata
from importlib import resources

from ..datasets._base import numbered_lines, read_text

__all__ = ["read_labelled_names"]

_BUNDLED = ("sknextchar.datasets", "data", "indian_name_labels.csv")


def read_labelled_names(names_file, labels, *, encoding="utf-8", places=None):
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
    places : Places or None, default=None
        Where to record the line of each name of NAMES_FILE, for error messages.

    Returns
    -------
    names, labels : list of str
        One label per name.

    Raises
    ------
    ValueError
        If the column does not exist, a row has no label or too many fields, or
        the files do not pair a label with each name line by line.

    Examples
    --------
    >>> names, labels = read_labelled_names(None, "label")
    >>> len(names), sorted(set(labels))
    (15185, ['female', 'male'])
    """
    names, values, lines = _read_pairs(names_file, labels, encoding)
    if places is not None and names_file is not None:
        places.add_lines("names", names_file, names, lines)
    return names, [unicodedata.normalize("NFC", value) for value in values]


def _read_pairs(names_file, labels, encoding):
    """The names, their labels as the files hold them, and the names' lines."""
    if os.path.isfile(labels):
        if names_file is None:
            raise ValueError(
                f"--labels {labels!r} is a file of labels, one per line of "
                "NAMES_FILE: pass NAMES_FILE too (or --labels label for the "
                "bundled names' labels)."
            )
        return _paired_lines(names_file, labels, encoding)
    if names_file is None:
        text = resources.files(_BUNDLED[0]).joinpath(*_BUNDLED[1:]).read_text("ascii")
        source = "the bundled names (columns 'name' and 'label')"
    else:
        text, source = read_text(names_file, encoding=encoding), repr(names_file)
    return _columns(text, labels, source)


def _paired_lines(names_file, labels_file, encoding):
    """Line ``i`` of the labels file is the label of line ``i`` of the names file.

    Lines blank in both files are skipped; a name without a label (or a label
    without a name) is an error that gives its line.
    """
    names = _lines(names_file, encoding)
    values = _lines(labels_file, encoding)
    if len(names) != len(values):
        raise ValueError(
            f"{names_file!r} has {len(names):,} lines but {labels_file!r} has "
            f"{len(values):,}; give one label per line for each name, line by line."
        )
    pairs = [(n, v) for n, v in zip(names, values) if n[1] or v[1]]
    for (name_line, name), (label_line, value) in pairs:
        if not name or not value:
            raise ValueError(
                f"Line {name_line} of {names_file!r} holds {name!r} and line "
                f"{label_line} of {labels_file!r} holds {value!r}: give each name "
                "its label on the same line, and leave blank lines blank in both "
                "files."
            )
    if not pairs:
        raise ValueError(f"{names_file!r} contains no names; expected one per line.")
    return [n[1] for n, _ in pairs], [v[1] for _, v in pairs], [n[0] for n, _ in pairs]


def _lines(path, encoding):
    """The numbered stripped lines of a file, less the blank lines at its end."""
    lines = list(numbered_lines(read_text(path, encoding=encoding)))
    while lines and not lines[-1][1]:
        lines.pop()
    return lines


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


def _rows(text, column, source):
    """The rows of a CSV text, each with the line it starts on.

    Every line end (CR, LF, CRLF) ends a row, unless it is inside quotes.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text, column))
    rows, line = [], 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ValueError(
            f"{source} is not a CSV file that can be read: {exc}."
        ) from None
    return rows


def _columns(text, column, source):
    """The name column, the label column and the names' lines of a CSV text."""
    rows = _rows(text, column, source)
    header = [field.strip() for field in rows[0][1]] if rows else []
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
    named = [i for i in others if header[i].casefold() == "name"]
    name_at = named[0] if named else others[0]
    names, labels, lines = [], [], []
    for line, row in rows[1:]:
        fields = [field.strip() for field in row]
        _check_width(fields, len(header), line, source)
        fields += [""] * len(header)
        if not fields[name_at]:
            continue  # a blank line, or a row without a name
        if not fields[label_at]:
            raise ValueError(
                f"Line {line} of {source} has the name {fields[name_at]!r} but no "
                f"label in column {column!r}; give every name a label."
            )
        names.append(fields[name_at])
        labels.append(fields[label_at])
        lines.append(line)
    if not names:
        raise ValueError(f"{source} holds no names below its header.")
    return names, labels, lines


def _check_width(fields, width, line, source):
    """Refuse a row with more fields than the header (empty ones aside)."""
    if len(fields) > width and any(fields[width:]):
        raise ValueError(
            f"Line {line} of {source} has {len(fields)} fields, more than the "
            f"{width} of its header: a name or label with the delimiter in it "
            'needs quotes ("Mary, Ann"), or the columns do not line up.'
        )
