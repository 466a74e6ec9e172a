"""Loaders for name lists: the bundled Indian names and a user's own file."""

import codecs
import os
import stat
import warnings
from importlib import resources

from ._tables import (
    check_counts_column,
    check_not_separator_line,
    column_values,
    counted_rows,
    detect_table,
    find_table,
    headerless_table,
    lines_looked_at,
    text_lines,
)

# SHA-256 of the bundled file; data/README.md and data/build_indian_names.py
# record the same value, and the test suite checks the installed file against it.
INDIAN_NAMES_SHA256 = "e49c19496ee7f9640eced1c2f023c66112e32b6a93e5674177870a54951bad20"
# SHA-256 of the bundled labels (indian_name_labels.csv), recorded the same way.
INDIAN_NAME_LABELS_SHA256 = (
    "5d150cb0285170d04169ea1d58008f158b1fa22cbc92649f12e764d11cd9d858"
)


def load_indian_names(*, return_X_y=False):
    """Load the bundled list of 15,074 Indian first names.

    Male and female first names from the ``getindianname`` package, version 1.0.7
    (MIT licence, by Devesh Singh), lowercased, restricted to 4 to 10 letters a-z,
    de-duplicated and sorted. See ``data/README.md`` in the source tree for the
    provenance and the script that rebuilds the file.

    Parameters
    ----------
    return_X_y : bool, default=False
        If True, return ``(names, labels)``: each name with the label of the
        source list it comes from, ``"female"`` or ``"male"``. The 111 names
        found in both lists appear twice, once with each label (the model of
        names by label learns that such a name is likely under both), so there
        are 15,185 pairs, sorted by name then label. Split such data by name
        (e.g. with :class:`~sklearn.model_selection.GroupKFold` and
        ``groups=names``) to keep the two rows of a name together.

    Returns
    -------
    names : list of str
        Sorted unique names, each matching ``^[a-z]{4,10}$`` (with
        ``return_X_y``, sorted names, the 111 shared ones twice).
    labels : list of str
        Only with ``return_X_y``: ``"female"`` or ``"male"`` for each name.

    See Also
    --------
    load_names : Load names from your own file.

    Examples
    --------
    >>> from sknextchar.datasets import load_indian_names
    >>> names = load_indian_names()
    >>> len(names), names[0]
    (15074, 'aaba')
    >>> names, labels = load_indian_names(return_X_y=True)
    >>> len(names), labels.count("female"), labels.count("male")
    (15185, 3568, 11617)
    """
    if return_X_y:
        rows = _read_resource("indian_name_labels.csv").split()[1:]  # no header
        names, labels = zip(*(row.split(",") for row in rows))
        return list(names), list(labels)
    return _read_resource("indian_names.txt").split()


def bundled_files():
    """The paths of the bundled data files (names, and names with labels).

    The command line never writes over them: without NAMES_FILE, ``train``
    reads them.

    Returns
    -------
    paths : list of str
        Those that exist as files (an installed package may keep them in an
        archive, where they cannot be written over anyway).

    Examples
    --------
    >>> [os.path.basename(p) for p in bundled_files()]
    ['indian_names.txt', 'indian_name_labels.csv']
    """
    folder = resources.files(__package__).joinpath("data")
    paths = [
        folder.joinpath(name) for name in ("indian_names.txt", "indian_name_labels.csv")
    ]
    return [os.fspath(p) for p in paths if isinstance(p, os.PathLike) and p.is_file()]


def _read_resource(filename):
    """The text of a bundled ASCII file."""
    return (
        resources.files(__package__)
        .joinpath("data", filename)
        .read_text(encoding="ascii")
    )


def load_names(path, *, encoding="utf-8", names_column=None, counts_column=None):
    """Load names from a text file with one name per line, or a table's column.

    The file may start with a UTF-8 byte-order mark and may end its lines in any
    way (``\\n``, ``\\r\\n``, ``\\r``). Surrounding whitespace is stripped and
    blank lines are skipped; nothing else is changed (case, accents and the
    alphabet are the transformer's business). A line is a name as it is,
    commas, quotes and all: ``load_names`` guesses nothing. A file that looks
    like a spreadsheet's export (a header row with a column ``name``, ``first
    name``..., or the same number of tab-separated fields on every line, or of
    comma- or semicolon-separated ones in a ``.csv`` or ``.tsv`` file) is read
    so all the same, with a :class:`UserWarning` that says how to read its
    column of names: ``names_column``, or pandas' ``read_csv``.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    encoding : str, default="utf-8"
        The file's text encoding, e.g. ``"latin-1"`` or ``"utf-16"``. With UTF-8,
        a UTF-16 or UTF-32 byte-order mark selects that encoding. A UTF-8
        byte-order mark is skipped.
    names_column : str or None, default=None
        Read the file as a table (a CSV file: a header row, a comma, semicolon
        or tab between fields, quotes around a field that holds one) and return
        the values of the column with this header (compared without case, ``_``
        and ``-`` read as spaces), rows without a value skipped. None reads one
        name per line.
    counts_column : str or None, default=None
        The header of a column of counts of the table (compared as the names'
        header is): return each name's number, read on the name's own row, as
        well. ``names_column`` is then needed (the column of names is not
        guessed, as in :func:`~sknextchar.train_from_file`); a file without a
        header row needs one (e.g. ``name,count``). A count is a number >= 0
        (a fraction is kept, 0 is kept: ``fit`` leaves a name of count 0 out
        of training) of at most 2**53, written without thousands separators.
        The counts go to ``fit(names, sample_weight=counts)`` (not to
        ``fit(names, counts)``: the second argument is the labels). None
        returns the names only.

    Returns
    -------
    names : list of str
        The names, in file order.
    counts : ndarray of shape (n_names,), dtype float64
        Only with ``counts_column``: the count of each name.

    Raises
    ------
    FileNotFoundError
        If there is no such file.
    ValueError
        If the file is not text in ``encoding`` (it cannot be decoded, or it
        holds NUL characters), or holds no name; with ``names_column``, if the
        header has no such column or a row has more fields than the header;
        with ``counts_column``, if ``names_column`` is None, the header has no
        such column besides the names', or a row's cell in it is not a count
        (the message gives its line).

    Examples
    --------
    >>> import tempfile, os
    >>> from sknextchar.datasets import load_names
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "wb") as f:
    ...         _ = f.write("\\ufeffAsha\\r\\n\\r\\n  Zoë \\r\\n".encode("utf-8"))
    ...     load_names(path)
    ['Asha', 'Zoë']

    A spreadsheet's export, read for its column of names:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write('name;gender\\n"Smith, Anna";f\\nJosé;m\\n')
    ...     load_names(path, names_column="name")
    ['Smith, Anna', 'José']

    Names with how many times each occurs, for ``sample_weight``:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "births.csv")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("name,sex,count\\nOlivia,F,17728\\nLiam,M,20272\\n")
    ...     names, counts = load_names(path, names_column="name", counts_column="count")
    >>> names, counts
    (['Olivia', 'Liam'], array([17728., 20272.]))
    """
    if counts_column is not None:
        check_counts_column(counts_column, names_column)
    text = read_text(path, encoding=encoding)
    source = repr(os.fspath(path))
    if counts_column is not None:
        return _counted_names(text, path, names_column, counts_column)
    if names_column is not None:
        table = find_table(next(text_lines(text), ""), path, names_column)
        names = [name for _, name in column_values(text_lines(text), table, source)]
    else:
        names = [name for name in (line.strip() for line in text.splitlines()) if name]
        _warn_if_table(text, names, path)
    _check_not_empty(names, path, names_column)
    return names


def _counted_names(text, path, names_column, counts_column):
    """The names of a table's column and the counts of another, checked."""
    import numpy as np  # not at import: the command line's help does without it

    rows = counted_rows(text_lines(text), path, names_column, counts_column)
    names, counts = [], []
    for name, count in rows:
        names.append(name)
        counts.append(count)
    _check_not_empty(names, path, names_column)
    return names, np.array(counts, dtype=np.float64)


def _warn_if_table(text, lines, path):
    """Warn when a file read one name per line looks like a table."""
    try:
        table = detect_table(text_lines(text), path)
    except ValueError as exc:  # a "sep=;" line, or a column of names with a twin
        try:
            check_not_separator_line(next(text_lines(text), ""), path)
            then = "once each column has a header of its own, names_column reads "
            then += "the one you mean"
        except ValueError:
            then = "once that first line is deleted, names_column reads the column "
            then += "of names by its header"
        warnings.warn(
            f"{exc} (load_names read it one name per line, so each whole line is "
            f"a name; {then}.)",
            UserWarning,
            stacklevel=3,
        )
        return
    if table is not None:
        first = next(text_lines(text)).strip()
        what = f"a header row {first!r} with a column {table.column!r}"
        column = table.column
    elif (found := headerless_table(lines, path)) is not None:
        what = (
            f"{found[1]} {found[0]}-separated fields on {lines_looked_at(len(lines))}"
        )
        column = "COLUMN"
    else:
        return
    warnings.warn(
        f"{os.fspath(path)!r} looks like a table ({what}), and load_names reads "
        "one name per line, so each whole line is a name. To read its column of "
        f"names, pass names_column={column!r} (a header row is needed), or use "
        f"pandas.read_csv(path, sep=None, engine='python')[{column!r}].",
        UserWarning,
        stacklevel=3,
    )


def _check_not_empty(names, path, names_column=None):
    if not names:
        expected = (
            "one name per line"
            if names_column is None
            else f"names below the header, in its column {names_column!r}"
        )
        raise ValueError(f"{os.fspath(path)!r} contains no names; expected {expected}.")


def load_numbered_names(path, *, encoding="utf-8"):
    """The names of a file as :func:`load_names` reads them, with their lines.

    For messages that point at a name in the file: the line numbers count
    every line, blank ones included, from 1.

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str, default="utf-8"

    Returns
    -------
    names : list of str
        What :func:`load_names` returns.
    lines : list of int
        The line of each name.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("asha\\n\\n  ravi\\n")
    ...     load_numbered_names(path)
    (['asha', 'ravi'], [1, 3])
    """
    pairs = [
        (name, number)
        for number, name in numbered_lines(read_text(path, encoding=encoding))
        if name
    ]
    _check_not_empty(pairs, path)
    names, lines = zip(*pairs)
    return list(names), list(lines)


def numbered_lines(text):
    """Each stripped line of ``text`` (as ``str.splitlines`` splits it), numbered.

    The numbers are those of a text editor: only ``\\n``, ``\\r\\n`` and ``\\r``
    start a new line (the rarer breaks ``splitlines`` also splits at, such as
    U+2028, do not), counted from 1.

    Parameters
    ----------
    text : str

    Yields
    ------
    number : int
    line : str
        Stripped; blank lines are yielded too (as ``""``).

    Examples
    --------
    >>> list(numbered_lines("asha\\r\\n\\nravi\\u2028uma\\rzoe"))
    [(1, 'asha'), (2, ''), (3, 'ravi'), (3, 'uma'), (4, 'zoe')]
    """
    number = 1
    for line in text.splitlines(keepends=True):
        yield number, line.strip()
        if line.endswith(("\n", "\r")):
            number += 1


def read_text(path, *, encoding="utf-8"):
    """The text of a file of names (or of names and labels), checked.

    Parameters
    ----------
    path : str or os.PathLike
    encoding : str, default="utf-8"
        As for :func:`load_names` (a UTF-8 byte-order mark is skipped).

    Returns
    -------
    text : str

    Raises
    ------
    OSError
        If the file is missing or a directory.
    ValueError
        If it does not decode, or holds NUL characters (binary, or UTF-16 read
        as another encoding).

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.csv")
    ...     with open(path, "wb") as f:
    ...         _ = f.write("\\ufeffname,label\\r\\n".encode("utf-8"))
    ...     read_text(path)
    'name,label\\r\\n'
    """
    path = check_names_path(path)
    text = _read_text(path, encoding)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ValueError(
            f"{path!r} holds NUL characters (line {line}), so it is not a "
            f"{encoding} text file: it may be binary, or UTF-16; pass "
            "encoding=..., the file's encoding (e.g. encoding='utf-16')."
        )
    return text


# Byte-order marks that name another encoding than UTF-8 (UTF-32 LE's starts
# with UTF-16 LE's, so it comes first).
_OTHER_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def file_encoding(start, encoding="utf-8"):
    """The codec to read a text file with, its byte-order mark skipped.

    For UTF-8 (the default), a UTF-16 or UTF-32 byte-order mark at the start of
    the file (a "Unicode" text file saved on Windows) selects that encoding:
    such a file needs no ``encoding``. Another encoding is used as given.

    Parameters
    ----------
    start : bytes
        The first bytes of the file (4 are enough), read from the stream that
        is then decoded: a pipe cannot be opened twice.
    encoding : str, default="utf-8"

    Returns
    -------
    codec : str

    Examples
    --------
    >>> file_encoding("asha".encode("utf-16")), file_encoding(b"asha", "latin-1")
    ('utf-16', 'latin-1')
    >>> file_encoding(b"asha")
    'utf-8-sig'
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(
            f"encoding={encoding!r} is not a text encoding Python knows; pass e.g. "
            "encoding='utf-8' or encoding='latin-1'."
        ) from None
    if name != "utf-8":
        return encoding
    for bom, codec in _OTHER_BOMS:
        if start.startswith(bom):
            return codec
    return "utf-8-sig"  # UTF-8, with a byte-order mark skipped


def check_names_path(path):
    """The path of a file of names to read, refused if it cannot be one.

    A folder, a missing path and a device (``/dev/zero`` would be read until
    memory runs out) are refused; a pipe and a terminal are read.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    path : str

    Examples
    --------
    >>> check_names_path("/dev/zero")
    Traceback (most recent call last):
    ...
    ValueError: '/dev/zero' is a device, not a file of names; pass a text file.
    """
    path = os.fspath(path)
    if os.path.isdir(path):
        raise IsADirectoryError(f"{path!r} is a directory; pass a text file of names.")
    if not os.path.exists(path):
        stdin = path == "-" and os.path.exists("/dev/stdin")
        hint = " (standard input is '/dev/stdin', not '-')" if stdin else ""
        raise FileNotFoundError(f"No such file of names: {path!r}{hint}.")
    mode = os.stat(path).st_mode
    if stat.S_ISBLK(mode) or (stat.S_ISCHR(mode) and not _is_terminal(path)):
        raise ValueError(
            f"{path!r} is a device, not a file of names; pass a text file."
        )
    if stat.S_ISREG(mode):  # a pipe cannot be peeked at without losing bytes
        _check_not_packed(path)
    return path


# The first bytes of files that are not text, and what to do with each.
_PACKED = (
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (e.g. gunzip -k)"),
    (b"PK\x03\x04", "a zip archive (a model file, or a spreadsheet such as .xlsx)",
     "save the names as a text or CSV file and pass that one"),
    (b"\xd0\xcf\x11\xe0", "an Office document (such as an .xls spreadsheet)",
     "save the names as a text or CSV file and pass that one"),
    (b"\xfd7zXZ", "an xz-compressed file", "decompress it first (e.g. unxz -k)"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file", "decompress it first"),
)  # fmt: skip


def _check_not_packed(path):
    """Refuse a compressed file, an archive or a spreadsheet, by its first bytes.

    Decoded as text, it would fail at a byte that says nothing of what it is,
    with the advice to change the encoding, which cannot help.
    """
    try:
        with open(path, "rb") as f:
            start = f.read(8)
    except OSError:
        return  # the reader says why
    for magic, what, how in _PACKED:
        if start.startswith(magic):
            raise ValueError(f"{path!r} is {what}, not a text file of names: {how}.")


def _is_terminal(path):
    try:
        with open(path, "rb", buffering=0) as f:
            return f.isatty()
    except OSError:
        return False


def _read_text(path, encoding):
    """The decoded text of the file, without its byte-order mark."""
    with open(path, "rb") as f:
        data = f.read()  # once: a pipe cannot be read twice
    encoding = file_encoding(data[:4], encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        shown = encoding.removesuffix("-sig")
        raise ValueError(
            f"{path!r} is not a {shown} text file ({exc.reason} at byte {exc.start}, "
            f"line {line}); pass encoding=..., the file's encoding (e.g. "
            "encoding='latin-1' for a Western European file that is not UTF-8)."
        ) from None
