"""``train NAMES_FILE --labels LABELS_FILE``: a file of labels, one per line.

Line ``i`` of LABELS_FILE is the label of line ``i`` of NAMES_FILE, a file of
one name per line (:func:`paired_lines`); the names are checked as a file of
names is (a comment line, lines in double quotes, a spreadsheet's table).
"""

import csv
import os
import sys

from .._name_headers import LABEL_TITLES, header_key, is_name_header
from .._shown_paths import shell_word, shown_path
from .._words import MAX_REPORTED, capitalized, counted, quoted_row
from ..datasets._comment_lines import (
    numbered_lines,
    warn_comment_lines,
    warn_title_name,
)
from ..datasets._header_as_data import first_row_data_like
from ..datasets._opened_bytes import PipeError
from ..datasets._quoted_lines import warn_quoted_lines
from ..datasets._table_rows import (
    DELIMITER_NAMES,
    LINES_LOOKED_AT,
    ends_in_empty_fields,
)
from ..datasets._tables import find_table, headerless_table, lines_looked_at
from ..datasets._text_files import read_text

__all__ = [
    "PAIRED_QUOTES",
    "LabelsTableError",
    "header_rows",
    "paired_lines",
]


def paired_lines(names_file, labels_file, encoding, names_flag="NAMES_FILE"):
    """Line ``i`` of the labels file is the label of line ``i`` of the names file.

    Lines blank in both files are skipped, and so are the blank lines at the
    end of either (a byte-order mark and any line ending are read as
    ``read_text`` reads them). Header rows are read as such when their
    meaning is clear (:func:`header_rows`): a first line of NAMES_FILE that
    says "name" (``name``, ``First Name``), a first line of LABELS_FILE that
    is a header word (``label``, ``gender``), each judged in its own file;
    the lines left must pair up. A name without a label (or a label without a name)
    is an error that gives its line, and so are files of unequal lengths. A
    name line that starts with '#' (a comment or a title) warns once, as
    ``read_names_file`` does. The messages call the file of names
    ``names_flag`` (``classify``'s ``--names-file``).

    Returns
    -------
    names, labels : list of str
    lines : list of int
        The line of each name in NAMES_FILE.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     names, labels = os.path.join(tmp, "n.txt"), os.path.join(tmp, "l.txt")
    ...     with open(names, "w") as f, open(labels, "w") as g:
    ...         _ = f.write("Anna\\nBo\\n"), g.write("f\\r\\nm\\r\\n\\n")
    ...     paired_lines(names, labels, "utf-8")
    (['Anna', 'Bo'], ['f', 'm'], [1, 2])
    """
    names = _lines(names_file, encoding)
    _refuse_a_column_too(names, names_file, labels_file, names_flag)
    values = _lines(labels_file, encoding, flag="--labels")
    _refuse_no_label(values, labels_file, names_flag)
    _refuse_a_table_of_labels(values, labels_file, names_flag)
    read = header_rows(names, values, names_file, labels_file)
    if len(read[0]) != len(read[1]):
        headers = _header_line(names, read[0]), _header_line(values, read[1])
        files = names_file, labels_file
        raise ValueError(_unpaired_message(*read, *files, names_flag, headers))
    names, values = read
    pairs = [(n, v) for n, v in zip(names, values) if n[1] or v[1]]
    unpaired = [(n, v) for n, v in pairs if not n[1] or not v[1]]
    if unpaired:  # every such line at once, not one a run
        raise ValueError(_unpaired_lines(unpaired, names_file, labels_file))
    if not pairs:
        raise ValueError(
            f"{shown_path(names_file)} contains no names; expected one per line."
        )
    _refuse_empty_columns([n[1] for n in names[: LINES_LOOKED_AT + 1]], names_file)
    warn_comment_lines([n[1] for n, _ in pairs], names_file)
    label_lines = {n[0]: v[0] for n, v in pairs}  # the label of each name line
    warn_title_name(
        [n for n, _ in pairs],
        names_file,
        labels=lambda line: (shown_path(labels_file), label_lines[line]),
    )
    warn_quoted_lines([n[1] for n, _ in pairs], names_file, PAIRED_QUOTES)
    return [n[1] for n, _ in pairs], [v[1] for _, v in pairs], [n[0] for n, _ in pairs]


def header_rows(names, values, names_file, labels_file):
    """The numbered lines of NAMES_FILE and LABELS_FILE (``names``,
    ``values``) without their header rows, noted on stderr. Each file's first
    line is judged on its own: NAMES_FILE's is a header row when it says
    "name" (``name``, ``First Name``, ``Full name``: :func:`is_name_header`
    of a field alone), LABELS_FILE's when it is a header word no label is
    (:data:`~sknextchar._name_headers.LABEL_TITLES`: ``label``, ``gender``,
    ``пол``), or, below a header of
    names and with as many lines, a value no other line holds. The lines
    left must then pair up (else :func:`paired_lines` refuses the files,
    naming the first line without a partner). A header word in LABELS_FILE
    alone, one line longer than NAMES_FILE, is refused with what to do:
    which file is off by a line is not known. The first lines are those
    after any lines blank in both files.

    Examples
    --------
    >>> import contextlib, io
    >>> names, err = [(1, "name"), (2, "Anna"), (3, "Bo")], io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     header_rows(names, [(1, "sex"), (2, "f"), (3, "m")], "n.txt", "l.txt")
    ([(2, 'Anna'), (3, 'Bo')], [(2, 'f'), (3, 'm')])
    >>> print(err.getvalue())  # doctest: +NORMALIZE_WHITESPACE
    Note: read line 1 of 'n.txt', 'name', and line 1 of 'l.txt', 'sex', as
    their header rows, not as a name and its label (if they are, add a first
    line 'name' to 'n.txt' and 'label' to 'l.txt').
    """
    while names and values and not names[0][1] and not values[0][1]:
        names, values = names[1:], values[1:]  # blank in both: skipped anyway
    named = bool(names) and is_name_header(names[0][1], alone=True)
    worded = bool(values) and header_key(_unquoted(values[0][1])) in LABEL_TITLES
    headed = worded or (named and len(names) == len(values) and _only_once(values))
    (line, name), (label_line, label) = (
        (names or [(0, "")])[0],
        (values or [(0, "")])[0],
    )
    if named and headed:
        print(
            f"Note: read line {line} of {shown_path(names_file)}, {name!r}, and line "
            f"{label_line} of {shown_path(labels_file)}, {label!r}, as their header "
            "rows, not as a name and its label (if they are, add a first line "
            f"'name' to {shown_path(names_file)} and 'label' to "
            f"{shown_path(labels_file)}).",
            file=sys.stderr,
        )
        return names[1:], values[1:]
    if named:
        print(
            f"Note: read line {line} of {shown_path(names_file)}, {name!r}, as its "
            "header "
            f"row, not as a name: {shown_path(labels_file)} has no header row.",
            file=sys.stderr,
        )
        return names[1:], values
    if worded and len(values) == len(names) + 1:
        raise ValueError(
            f"Line {label_line} of {shown_path(labels_file)}, {label!r}, reads as a "
            "header "
            f"row, and {shown_path(names_file)} has one line fewer, with no header "
            "row: add "
            f"a first line 'name' to {shown_path(names_file)} (its header row), or "
            "delete "
            f"line {label_line} of {shown_path(labels_file)} if it is no label."
        )
    return names, values


def _refuse_no_label(values, labels_file, names_flag):
    """Refuse a file of labels (numbered lines ``values``) that holds none:
    not "has 4 lines but 'l.txt' has 0", nor "has 1" for a header row alone."""
    filled = [text for _, text in values if text]
    if len(filled) > 1 or (
        filled and header_key(_unquoted(filled[0])) not in LABEL_TITLES
    ):
        return
    why = f"only a header row, {filled[0]!r}" if filled else "it is empty, or "
    why += "" if filled else "blank lines only"
    raise ValueError(
        f"--labels {shell_word(labels_file)} holds no label ({why}): pass a file "
        f"with the label of each name of {names_flag} on the name's line."
    )


def _unquoted(line):
    """A line as the one field of CSV it is (``"label"`` is ``label``), or as
    it is when it holds more than one field."""
    fields = next(csv.reader([line]), [])
    return fields[0] if len(fields) == 1 else line


def _header_line(lines, read):
    """The line of the header row :func:`header_rows` read in a file whose
    numbered lines are ``lines`` (``read``: those it left), or None."""
    left_out = lines[: len(lines) - len(read)]  # lines blank in both, a header
    return next((line for line, text in left_out if text), None)


def _only_once(values):
    """Whether the first of the lines ``values`` is no other's value."""
    first = values[0][1]
    return bool(first) and not any(value == first for _, value in values[1:])


def _unpaired_message(
    names, values, names_file, labels_file, names_flag, headers=(None, None)
):
    """The error of files of unequal lengths: the first line of the longer one
    without a line beside it, and what to do. ``headers``: the line of each
    file's header row read, or None; when one file has one and the other not,
    the lines below it are counted (``3 lines but 3`` said nothing)."""
    longer, shorter = (names, values) if len(names) > len(values) else (values, names)
    files = (names_file, labels_file) if longer is names else (labels_file, names_file)
    line, text = longer[len(shorter)]
    end = f"ends at line {shorter[-1][0]}" if shorter else "holds no line"
    lengths = f"{counted(_last(names), 'line')} but {shown_path(labels_file)} has "
    lengths += f"{_last(values):,}"
    if (headers[0] is None) != (headers[1] is None):  # below a header row: counted
        lengths = _lengths_below_header(names, values, labels_file, headers)
    return (
        f"{shown_path(names_file)} has {lengths}: line {line} of "
        f"{shown_path(files[0])} holds {text!r}, and "
        f"{shown_path(files[1])} {end}. Give one label per line for each "
        f"name, line by line (blank lines where {names_flag} has them), or put the "
        "names and labels in one CSV file with a header row (name,label) and "
        "pass --labels label."
    )


def _lengths_below_header(names, values, labels_file, headers):
    """``2 lines below its header row (line 1) but 'l.txt' has 3, with no
    header row``: the lengths of two files of which one has a header row
    (``headers``: its line, None for the other), counted below it."""
    sizes = [
        _last(lines) - (header or 0) for lines, header in zip((names, values), headers)
    ]
    words = [
        f" below its header row (line {header})" if header else ", with no header row"
        for header in headers
    ]
    return (
        f"{counted(sizes[0], 'line')}{words[0]}, but {shown_path(labels_file)} has "
        f"{sizes[1]:,}{words[1]}"
    )


def _last(lines):
    """The number of a file's lines (its header row counted), from its
    numbered lines less the blank ones at its end."""
    return lines[-1][0] if lines else 0


# How train reads a names file of quoted lines with its labels, quotes removed.
PAIRED_QUOTES = (
    "put the labels beside the names in one CSV file with a header row "
    "(name,label) and pass --labels label"
)


def _refuse_empty_columns(lines, path):
    """Refuse a names file given with a file of labels whose lines end in
    empty fields (``Anna,,,``): a spreadsheet's table, not one name a line."""
    head = lines[:LINES_LOOKED_AT]
    found = headerless_table(head, path)
    if found is None or not ends_in_empty_fields(head, found[0]):
        return
    character, width = found
    first = next(line for line in head if line.strip())
    raise ValueError(
        f"{shown_path(path)} looks like a table of {width} columns without a header "
        "row, "
        f"not one name a line: {lines_looked_at(len(lines))} ends in an empty "
        f"field after a {DELIMITER_NAMES[character]} ({quoted_row(first)}), as a "
        "spreadsheet writes its empty columns, and no name ends in one. Save its "
        "column of names alone, one name a line, or fill in a column of it with "
        "the labels, add a header row (e.g. name,label) and pass --labels label."
    )


def _unpaired_lines(unpaired, names_file, labels_file):
    """The message of the lines of a names file and its file of labels that
    pair a name with no label, or a label with no name, all of them.

    Examples
    --------
    >>> pairs = [((2, "Bob"), (2, "")), ((4, ""), (4, "F"))]
    >>> told = _unpaired_lines(pairs, "n.txt", "l.txt")
    >>> print(told)  # doctest: +NORMALIZE_WHITESPACE
    2 lines pair a name with no label, or a label with no name: line 2 of
    'n.txt' holds 'Bob' and line 2 of 'l.txt' holds ''; line 4 of 'n.txt'
    holds '' and line 4 of 'l.txt' holds 'F'. Give each name its label on the
    same line, and leave blank lines blank in both files.
    """
    names, labels = shown_path(names_file), shown_path(labels_file)
    shown = [
        f"line {name_line} of {names} holds {name!r} and line {label_line} of "
        f"{labels} holds {value!r}"
        for (name_line, name), (label_line, value) in unpaired[:MAX_REPORTED]
    ]
    advice = (
        "give each name its label on the same line, and leave blank lines blank "
        "in both files."
    )
    if len(unpaired) == 1:
        return f"{capitalized(shown[0])}: {advice}"
    more = len(unpaired) - len(shown)
    told = "; ".join(shown) + f"; and {more:,} more" * (more > 0)
    return (
        f"{len(unpaired):,} lines pair a name with no label, or a label with no "
        f"name: {told}. {capitalized(advice)}"
    )


def _refuse_a_column_too(names, names_file, labels_file, names_flag):
    """Refuse ``--labels WORD``, a file of the working folder, when the
    first row of NAMES_FILE (``names``, numbered lines) is a table's header
    with a column WORD too: ``classify --labels label`` meant the column
    until a stray file ``label`` was there. A path (``./label``) is the file."""
    flag = os.fspath(labels_file)
    if os.sep in flag or (os.altsep and os.altsep in flag):
        return
    first = next((text for _, text in names if text), "")
    for delimiter in ",;\t":
        fields = next(csv.reader([first], delimiter=delimiter), [])
        if len(fields) > 1 and header_key(flag) in map(header_key, fields):
            break
    else:
        return
    raise ValueError(
        f"--labels {shell_word(flag)} is a file here ({shown_path(flag)}) and a "
        f"column of {shown_path(names_file)}, whose first row is "
        f"{quoted_row(first)}: pass --labels {shell_word('./' + flag)} to read "
        f"the file, one label per line of {names_flag}, or move the file out of "
        "this folder to read the column."
    )


class LabelsTableError(ValueError):
    """A file of labels that is a table of names and their labels: the
    message ends with the command that reads that table alone, which names
    the model file (``MODEL`` until :meth:`for_model` knows it): ``None``
    among ``words``.

    Examples
    --------
    >>> error = LabelsTableError("--labels t.csv is a table", ["classify",
    ...     None, "--names-file", "t.csv", "--labels", "Kid's sex"])
    >>> print(error.for_model("my m.skops"))  # doctest: +NORMALIZE_WHITESPACE
    --labels t.csv is a table: sknextchar classify 'my m.skops' --names-file
    t.csv --labels "Kid's sex"
    """

    def __init__(self, said, words):
        self.said, self.words = said, list(words)
        super().__init__(self._message("MODEL"))

    def __reduce__(self):  # made again from its parts (pickle, copy)
        return type(self), (self.said, self.words), vars(self)

    def for_model(self, model):
        """The error with the model file ``model`` in its command."""
        return ValueError(self._message(shell_word(os.fspath(model))))

    def _message(self, model):
        words = [model if w is None else shell_word(w) for w in self.words]
        return f"{self.said}: sknextchar {' '.join(words)}"


def _refuse_a_table_of_labels(values, labels_file, names_flag):
    """Refuse a file of labels (``values``, its numbered lines) that is a
    table with a header row and a column of names (``name,label``): its rows
    hold the names and their labels both, and the advice is the command that
    reads them so, with its own column titles: the column titled as labels
    are (``gender``), else the one column that can be labels (no column of
    numbers), else ``--labels COLUMN`` and the titles to choose from."""
    lines = [text for _, text in values if text][: LINES_LOOKED_AT + 1]
    try:
        table = find_table(lines[0] if lines else "", labels_file)
    except ValueError:  # not a table's header row
        table = None
    if table is None:  # Emma,F above Noah,M: a table without a header row?
        _refuse_headerless_labels(lines, labels_file, names_flag)
        return
    fields = table.header
    others = [f for i, f in enumerate(fields) if i != table.name_at and f.strip()]
    if not others:
        return
    column = next((f for f in others if header_key(f) in LABEL_TITLES), None)
    readable = _label_columns(lines, table) if column is None else [column]
    column = readable[0] if len(readable) == 1 else "COLUMN"
    said = (
        f"--labels {shell_word(labels_file)} is a table, not one label per line "
        f"of {names_flag}: its first row, {quoted_row(lines[0])}, is a header row "
        f"with a column of names ({table.column!r}) beside its labels"
    )
    if len(readable) > 1:
        said += f", in one of {', '.join(map(repr, readable))}"
    elif not readable:
        said += (
            f", though none of its other columns ({', '.join(map(repr, others))}) "
            "reads as labels (numbers, or a single label)"
        )
    said += (
        ". Pass that table alone, naming its column of labels (and any other "
        "options you gave)"
    )
    words = ["--labels", column]
    words = (
        ["train", labels_file, *words, "-o", None]
        if names_flag == "NAMES_FILE"
        else ["classify", None, "--names-file", labels_file, *words]
    )
    raise LabelsTableError(said, words)


def _refuse_headerless_labels(lines, labels_file, names_flag):
    """Refuse a file of labels whose first ``lines`` are a table without a
    header row, its first row a row of data (``Emma,F`` above ``Noah,M``): a
    name beside its label on each line, not one label per line."""
    found = headerless_table(lines, labels_file)
    if found is None or first_row_data_like(lines, found[0], labels_file) is None:
        return
    labels = "2" if found[1] == 2 else "N"  # a name, then its label
    said = (
        f"--labels {shell_word(labels_file)} is a table, not one label per line "
        f"of {names_flag}: its first row, {quoted_row(lines[0])}, looks like a "
        "row of data (a name beside its label), in a table without a header row"
    )
    if names_flag == "NAMES_FILE":
        words = ["train", labels_file, "--no-header", "--names-column", "1"]
        words += ["--labels", labels, "-o", None]
        said += ". Pass that table alone, its columns by number"
    else:  # classify reads a table by its header row
        words = ["classify", None, "--names-file", labels_file, "--labels", "label"]
        said += ". Write a header row above it (name,label), then pass that table"
    raise LabelsTableError(f"{said} (and any other options you gave)", words)


def _label_columns(lines, table):
    """The columns of a table (its first ``lines``) that ``--labels`` can
    read: not a column of numbers (counts, an id), nor one of a single label."""
    from ..datasets._column_choice import offered_columns

    try:
        return offered_columns(lines, table)[0]
    except ValueError:  # a row the table's reader refuses: it says so there
        return []


def _lines(path, encoding, flag=None):
    """The numbered stripped lines of a file, less the blank lines at its end;
    a pipe refused is said with the ``flag`` that gave it, if any."""
    try:
        text = read_text(path, encoding=encoding)
    except PipeError as error:
        if flag is None:
            raise
        raise PipeError(f"{flag} {error}") from None
    lines = list(numbered_lines(text))
    while lines and not lines[-1][1]:
        lines.pop()
    return lines
