"""Validation of 1-D string input (lists of names, prefixes)."""

import numbers

import numpy as np


def check_names(names, *, what="names", allow_empty_strings=False):
    """Validate a 1-D collection of strings and return it as a list of str.

    Accepts a list, tuple, 1-D NumPy string/object array or pandas Series.

    Parameters
    ----------
    names : 1-D array-like of str
        The strings to validate.
    what : str, default="names"
        How to call the input in error messages.
    allow_empty_strings : bool, default=False
        Whether ``""`` is a valid element (a prefix may be empty; a name may not).

    Returns
    -------
    names : list of str

    Raises
    ------
    TypeError
        If ``names`` is a single string, not a collection, or holds non-strings.
    ValueError
        If ``names`` is empty, not 1-D, or holds empty or whitespace-only strings.

    Examples
    --------
    >>> check_names(("abid", "ali"))
    ['abid', 'ali']
    """
    if isinstance(names, (str, bytes)):
        raise TypeError(
            f"Expected a 1-D collection of {what} (list, tuple, array or Series of "
            f"str); got a single {type(names).__name__} {names!r}. "
            f"Wrap it in a list: [{names!r}]."
        )
    if names is None or not hasattr(names, "__len__") or isinstance(names, dict):
        raise TypeError(
            f"Expected a 1-D collection of {what} (list, tuple, array or Series of "
            f"str); got {type(names).__name__}."
        )
    if hasattr(names, "ndim") and hasattr(names, "shape"):  # ndarray, Series, frame
        if names.ndim != 1:
            raise ValueError(
                f"Expected 1-D input of {what}; got an array of shape "
                f"{tuple(names.shape)}. Pass one string per row, e.g. a list or a "
                "single column."
            )
        names = names.tolist()
    names = list(names)
    if not names:
        raise ValueError(f"Expected at least one string in {what}; got an empty input.")
    for i, name in enumerate(names):
        if isinstance(name, str):
            if not allow_empty_strings and not name.strip():
                raise ValueError(
                    f"{what}[{i}] is {name!r}, an empty or whitespace-only string; "
                    f"remove it from {what}."
                )
            continue
        if isinstance(name, (list, tuple, np.ndarray)):
            raise ValueError(
                f"Expected 1-D input of {what}, one str per element; {what}[{i}] is a "
                f"{type(name).__name__}. Flatten the input to a list of str."
            )
        missing = name is None or (isinstance(name, numbers.Real) and name != name)
        kind = "a missing value" if missing else f"of type {type(name).__name__}"
        raise TypeError(
            f"Expected every element of {what} to be a str; {what}[{i}] = {name!r} is "
            f"{kind}. Drop or convert it before fitting."
        )
    return names
