"""Bundled name lists and a loader for your own."""

from . import _bundled
from ._base import load_names
from ._bundled import load_indian_names

__all__ = [
    "INDIAN_NAME_LABELS_SHA256",
    "INDIAN_NAMES_SHA256",
    "load_indian_names",
    "load_names",
]

#: The SHA-256 of the bundled names file (``indian_names.txt``, read by
#: :func:`~sknextchar.datasets.load_indian_names`): ``data/README.md`` records
#: the same value, and the test suite checks the installed file against it.
INDIAN_NAMES_SHA256 = _bundled.INDIAN_NAMES_SHA256

#: The SHA-256 of the bundled labels file (``indian_name_labels.csv``, read by
#: ``load_indian_names(return_X_y=True)``), recorded and checked the same way.
INDIAN_NAME_LABELS_SHA256 = _bundled.INDIAN_NAME_LABELS_SHA256
