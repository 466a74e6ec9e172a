"""The error of a value of the wrong kind that a user gave: not a bug.

A ``TypeError`` is also what Python raises for a bug (a function called with
the wrong arguments, ``None`` used as a number), so the command line cannot
tell a user's mistake from it by its class. The package's checks of what a
user gives raise :class:`WrongKindError` instead where the command line can
meet them (a model file that holds a dict, or another package's model): a
``TypeError`` still, as Python users catch it, but one that the command line
prints as one line, while any other ``TypeError`` keeps its traceback.
"""

__all__ = ["WrongKindError"]


class WrongKindError(TypeError):
    """A value, or what a file holds, is not of the kind wanted.

    Examples
    --------
    >>> from sknextchar._wrong_kind import WrongKindError
    >>> issubclass(WrongKindError, TypeError)
    True
    >>> raise WrongKindError("'m.joblib' holds a dict, not a model")
    Traceback (most recent call last):
    ...
    sknextchar._wrong_kind.WrongKindError: 'm.joblib' holds a dict, not a model
    """
