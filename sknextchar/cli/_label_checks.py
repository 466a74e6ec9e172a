"""The labels of ``train --labels`` checked once read, whatever file or
column they come from: one spelling (Unicode NFC), at least two labels, a
warning for labels that look like counts or differ only in case.
"""

import errno
import os
import re
import stat
import unicodedata
import warnings

from .._path_flaws import LINK_LOOP, name_too_long
from .._shown_paths import close_file_note, dangling_link_note, shell_path, shown_path
from ..datasets._label_values import refuse_one_label, warn_case_twins
from ..datasets._names_path import is_device
from ..datasets._workbooks import is_workbook
from ._column_note import shell_word
from ._file_arguments import is_model_file

__all__ = [
    "check_labels_file",
    "checked_labels",
    "close_labels_file_note",
    "is_labels_file",
    "too_long_for_a_file",
]


def is_labels_file(flag):
    """Whether ``--labels COLUMN_OR_FILE`` names a file of labels, not a column.

    Any path that is there and is not a folder is a file: a regular file, and
    a pipe too (``--labels <(cut -d, -f2 kids.csv)``, read once, as NAMES_FILE
    is), and a loop of links or a device, which :func:`check_labels_file`
    then refuses.

    Parameters
    ----------
    flag : str
        The value of ``--labels``.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_labels_file("sex"), is_labels_file("/dev/stdin")
    (False, True)
    """
    return os.path.lexists(flag) and not os.path.isdir(flag)


def close_labels_file_note(flag, names_file):
    """`` Did you mean --labels labels.txt?`` for ``--labels lables.txt``, no file
    and no column: the file whose name is closest, as for a missing file of
    names or model file (:func:`~sknextchar._shown_paths.close_file_note`),
    never a model file nor ``names_file``; "" for a value that does not look
    like a file's path (``--labels gendr``: a column mistyped).

    Examples
    --------
    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> open(os.path.join(folder, "labels.txt"), "w").close()
    >>> note = close_labels_file_note(os.path.join(folder, "lables.txt"), None)
    >>> note.endswith("labels.txt?")
    True
    >>> close_labels_file_note("gender", None)
    ''
    """
    flag = os.fspath(flag)
    extension = os.path.splitext(flag)[1][1:]
    separated = os.sep in flag or (os.altsep is not None and os.altsep in flag)
    if not (separated or extension.isalnum()):
        return ""

    def offered(path):  # a text file, not the names themselves
        return not is_model_file(path) and not (
            names_file is not None and _same_file(path, names_file)
        )

    return close_file_note(flag, offered, _labels_flag)


def _labels_flag(path):
    """A file of labels offered as typed: ``--labels labels.txt``."""
    return f"--labels {shell_path(path)}"


def too_long_for_a_file(flag):
    """Why ``--labels flag``, no file, cannot name one: too long a name.

    :func:`is_labels_file` finds no file at a path the file system refuses as
    too long, so the value is read as a column; when it is no column either,
    the message says why no file could have that name.

    Parameters
    ----------
    flag : str
        The value of ``--labels``.

    Returns
    -------
    reason : str or None
        What is too long (:func:`~sknextchar._path_flaws.name_too_long`);
        None if the file system takes the path.

    Examples
    --------
    >>> print(too_long_for_a_file("sex"))
    None
    >>> print(too_long_for_a_file("x" * 300))  # doctest: +NORMALIZE_WHITESPACE
    the name 'xxxxxxxxxxxxxxxxxxxx...' is 300 bytes long, and a file or folder
    name may have at most 255 there
    """
    try:
        os.lstat(flag)
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            return name_too_long(flag)
    except ValueError:  # a NUL: a column's name, said as one
        pass
    return None


def check_labels_file(flag, names_file, names_flag="NAMES_FILE"):
    """Refuse a file of labels that cannot be one, naming ``--labels``: a loop
    of links, a link to nothing, a path too long for the file system, a device
    (``/dev/zero``), a model file (``--labels m.skops``), or NAMES_FILE itself
    (both ``/dev/stdin``: the labels would be what is left of the names);
    the file of names called ``names_flag`` (``classify``'s ``--names-file``).

    Examples
    --------
    >>> check_labels_file("/dev/zero", "names.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: --labels /dev/zero is a device, not a file of labels (one ...
    """
    try:
        mode = os.stat(flag).st_mode
    except OSError as error:  # missing: left to the reader, which says so
        if error.errno == errno.ENAMETOOLONG:  # the reader would say "names"
            raise OSError(
                f"--labels {shell_word(flag)} cannot be a file of labels: "
                f"{name_too_long(flag)}. Check the path."
            ) from None
        if error.errno == errno.ENOENT and os.path.islink(flag):
            raise FileNotFoundError(
                f"No such file of labels: --labels {shell_word(flag)}"
                f"{dangling_link_note(flag)}."
            ) from None
        if error.errno != errno.ELOOP:
            return
        raise ValueError(
            f"--labels {shell_word(flag)} is not a file of labels: {LINK_LOOP}; "
            "pass a text file, one label per line."
        ) from None
    if is_device(flag, mode):
        raise ValueError(
            f"--labels {shell_word(flag)} is a device, not a file of labels (one "
            "label per line); pass a text file."
        )
    if stat.S_ISREG(mode) and is_model_file(flag):
        raise ValueError(
            f"--labels {shell_word(flag)} is a model file, not a file of labels "
            f"(one label per line of {names_flag}): pass --labels a text file of "
            f"labels, or the label column of {names_flag} (--labels COLUMN); a model "
            "file is the MODEL of 'sknextchar sample', 'score' or 'classify'."
        )
    if stat.S_ISREG(mode) and is_workbook(flag):
        raise ValueError(
            f"--labels {shell_word(flag)} is an Excel workbook, not a file of labels "
            f"(a text file, one label per line of {names_flag}): pass the labels as "
            f"a column of {names_flag} (--labels COLUMN, its header), or save them "
            "as a text file, one per line, and pass that one."
        )
    if names_file is not None and _same_file(flag, names_file):
        raise ValueError(
            f"--labels {shell_word(flag)} is {names_flag} itself "
            f"({shown_path(names_file)}): pass the labels in a file of their own, "
            f"one per line of {names_flag}, or as a column of {names_flag} (--labels "
            "COLUMN)."
        )


def _same_file(path, other):
    try:
        return os.path.samefile(path, other)
    except OSError:  # the other missing: said as it is read
        return False


def checked_labels(values, weights, flag, names_file, counts=None):
    """The labels ``values`` of the names of ``names_file``, in NFC, checked.

    Parameters
    ----------
    values : list of str
        The labels as read, one per name.
    weights : ndarray or None
        The names' counts (``--counts``), or None.
    flag : str
        ``--labels COLUMN_OR_FILE`` as given, for messages.
    names_file : str or None
        NAMES_FILE (None: the bundled names).
    counts : str or None, default=None
        ``--counts COLUMN``: labels that are numbers are then not taken for
        counts.

    Returns
    -------
    labels : list of str

    Raises
    ------
    ValueError
        If every label (of a name of a count above 0) is the same.

    Examples
    --------
    >>> checked_labels(["F", "M"], None, "sex", "kids.csv")
    ['F', 'M']
    """
    if counts is None and not is_labels_file(flag):  # a column of labels
        _warn_counts_as_labels(values, flag)
    values = [unicodedata.normalize("NFC", value) for value in values]
    _refuse_one_label(values, weights, flag)
    _warn_case_twins(values, flag, names_file)
    return values


def _refuse_one_label(labels, weights, flag):
    """Refuse labels that are all the same (of the names of a count above 0): a
    model by label would then give every name that label with P=1."""
    told = ("'classify'", "train without --labels for a model of these names")
    refuse_one_label(labels, weights, f"--labels {shell_word(flag)}", told)


def _warn_case_twins(labels, flag, names_file):
    """Warn of labels that differ only in case (``M`` and ``m``): two labels
    to the model, most often one label typed two ways."""
    where = shown_path(flag if is_labels_file(flag) else names_file or "the file")
    warn_case_twins(labels, f"--labels {shell_word(flag)}", where, stacklevel=2)


# More distinct whole-number labels than this look like counts (--counts).
_MANY_NUMBER_LABELS = 10


_NUMBER = re.compile(r"[0-9]+(\.[0-9]*)?")  # a count, or a weight


def _warn_counts_as_labels(labels, column):
    """Warn when every label of a column is a number (whole, or with a
    fraction: a share), and many differ: a column of how often each name
    occurs, read as labels (Python refuses such labels as floats)."""
    distinct = set(labels)
    if len(distinct) <= _MANY_NUMBER_LABELS or not all(
        _NUMBER.fullmatch(label) for label in distinct
    ):
        return
    whole = "whole " * all(label.isdigit() for label in distinct)
    warnings.warn(
        f"Every label of --labels {shell_word(column)} is a {whole}number, and "
        f"{len(distinct):,} of them differ: each is learned as a class of names "
        "(such as female or male). If that column says how often each name "
        f"occurs, did you mean --counts {shell_word(column)}?",
        UserWarning,
        stacklevel=2,
    )
