"""Bundled name lists and a loader for your own."""

from ._base import (
    INDIAN_NAME_LABELS_SHA256,
    INDIAN_NAMES_SHA256,
    load_indian_names,
    load_names,
)

__all__ = [
    "INDIAN_NAME_LABELS_SHA256",
    "INDIAN_NAMES_SHA256",
    "load_indian_names",
    "load_names",
]
