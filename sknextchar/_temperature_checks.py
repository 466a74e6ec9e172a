"""The temperatures of a call, checked: a sequence of numbers in ``[0, inf]``
(:meth:`~sknextchar.NameSampler.temperature_table`), and a number beyond the
largest float read as ``inf``.
"""

import numbers

import numpy as np

from ._words import MAX_QUOTED

__all__ = ["as_float", "check_temperatures"]


def check_temperatures(temperatures):
    """Validate a non-empty 1-D sequence of temperatures in ``[0, inf]``.

    Parameters
    ----------
    temperatures : sequence of float
        The temperatures.

    Returns
    -------
    temperatures : tuple of float

    Raises
    ------
    TypeError
        If ``temperatures`` is not a 1-D sequence of numbers.
    ValueError
        If it is empty or holds a negative number or NaN.

    Examples
    --------
    >>> check_temperatures([0.5, 1, float("inf")])
    (0.5, 1.0, inf)
    >>> check_temperatures((1.0, -1.0))
    Traceback (most recent call last):
    ...
    ValueError: temperatures must be ...; got (1.0, -1.0) (temperatures[1]=-1.0).
    """
    if isinstance(temperatures, (str, bytes)) or np.ndim(temperatures) != 1:
        raise TypeError(
            f"temperatures must be a sequence of floats; got {_shown(temperatures)}."
        )
    numbers_only = all(
        isinstance(t, numbers.Real) and not isinstance(t, (bool, np.bool_))
        for t in temperatures
    )  # as temperature=: no bool, no string that float() would read
    try:
        if not numbers_only:
            raise TypeError
        values = tuple(map(as_float, temperatures))
    except (TypeError, ValueError):
        raise TypeError(
            f"temperatures must be a sequence of floats; got {_shown(temperatures)}."
        ) from None
    bad = [i for i, t in enumerate(values) if not (t >= 0)][:1]  # NaN too
    if not values or bad:
        which = f" (temperatures[{bad[0]}]={values[bad[0]]!r})" if bad else ""
        raise ValueError(
            "temperatures must be a non-empty sequence of floats in [0, inf]; "
            f"got {_shown(temperatures)}{which}."
        )
    return values


def as_float(value):
    """``float(value)``, and ``inf`` for a number beyond the largest float.

    NumPy cannot take a Python int beyond 64 bits (``10**30``) as a number,
    and ``float`` refuses one beyond the largest float (``10**400``); as a
    temperature, it is as good as ``inf``.

    Examples
    --------
    >>> as_float(10**30), as_float(-(10**400)), as_float(2)
    (1e+30, -inf, 2.0)
    """
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


def _shown(value):
    """``repr(value)`` for a message, cut when long (a million temperatures)."""
    text = repr(value)
    if len(text) <= 2 * MAX_QUOTED:
        return text
    size = f"{len(value):,} values" if np.ndim(value) == 1 else "cut"
    return f"{text[:MAX_QUOTED]}... ({size})"
