"""Warnings and errors specific to sknextchar.

Every other error of the package is a built-in ``ValueError`` or ``TypeError`` (or
scikit-learn's ``NotFittedError``), as in scikit-learn.
"""

__all__ = ["ModelVersionWarning"]


class ModelVersionWarning(UserWarning):
    """A model file was saved by another version of sknextchar.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar.exceptions import ModelVersionWarning
    >>> issubclass(ModelVersionWarning, UserWarning)
    True
    """
