"""The bundled data: the Indian names, and the same names with their labels.

:func:`load_indian_names` reads them (the public
:func:`sknextchar.datasets.load_indian_names`); :func:`bundled_files` gives
their paths, which the command line never writes over; the SHA-256 of each
file is recorded here, and checked by the test suite.
"""

import os
from importlib import resources

__all__ = [
    "INDIAN_NAMES_SHA256",
    "INDIAN_NAME_LABELS_SHA256",
    "bundled_files",
    "load_indian_names",
]


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
