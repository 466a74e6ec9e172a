"""The hold-out of a fit: which names (or rows) are set aside to judge it.

Early stopping (:mod:`sknextchar._epoch_records`) and the mixture's weights
(:class:`~sknextchar.MixtureClassifier`) hold out ``ceil(fraction * n_units)``
units, where a unit is a name (every window of a held-out name goes with it)
when the windows' names are known, and a row otherwise, drawn by
:class:`~sklearn.model_selection.GroupShuffleSplit` or
:class:`~sklearn.model_selection.ShuffleSplit`. Each refuses a hold-out that
leaves nothing on one side in its own words (:func:`too_small`).
"""

import math

import numpy as np
from sklearn.model_selection import GroupShuffleSplit, ShuffleSplit

__all__ = ["hold_out", "hold_out_units", "too_small", "validation_split"]


def hold_out_units(n_rows, groups):
    """The units a hold-out draws: how many, and what they are.

    Parameters
    ----------
    n_rows : int
        Number of rows (windows).
    groups : ndarray of shape (n_rows,) or None
        The name of each window; None to hold out rows.

    Returns
    -------
    n_units : int
    kind : {"names", "rows"}

    Examples
    --------
    >>> import numpy as np
    >>> hold_out_units(5, np.array([0, 0, 1, 1, 1])), hold_out_units(5, None)
    ((2, 'names'), (5, 'rows'))
    """
    if groups is not None:
        return np.unique(groups).size, "names"
    return n_rows, "rows"


def too_small(n_units, fraction):
    """Whether holding out ``fraction`` of ``n_units`` leaves a side empty.

    Examples
    --------
    >>> too_small(4, 0.25), too_small(4, 0.8), too_small(1, 0.1)
    (False, True, True)
    """
    return n_units < 2 or math.ceil(fraction * n_units) >= n_units


def hold_out(n_rows, groups, fraction, random_state):
    """The training and held-out rows, as the splitter draws them.

    Check :func:`too_small` first: this draws without checking.

    Parameters
    ----------
    n_rows : int
        Number of rows (windows).
    groups : ndarray of shape (n_rows,) or None
        The name of each window; None to hold out rows.
    fraction : float
        The fraction of the units to hold out, in (0, 1).
    random_state : int, numpy.random.RandomState or None
        Draws the held-out units.

    Returns
    -------
    train, held_out : ndarray of int
        Row indices, in the splitter's order (for rows, the order of its
        permutation: not sorted).

    Examples
    --------
    >>> train, held_out = hold_out(10, None, 0.2, 0)
    >>> len(train), len(held_out)
    (8, 2)
    """
    n_units, _ = hold_out_units(n_rows, groups)
    n_val = math.ceil(fraction * n_units)
    if groups is not None:
        splitter = GroupShuffleSplit(1, test_size=n_val, random_state=random_state)
    else:
        splitter = ShuffleSplit(1, test_size=n_val, random_state=random_state)
    return next(splitter.split(np.empty((n_rows, 0)), groups=groups))


def validation_split(n_rows, groups, fraction, random_state):
    """Which rows early stopping holds out: whole names, or rows.

    ``ceil(fraction * n_units)`` units are held out (see :func:`hold_out`).

    Parameters
    ----------
    n_rows : int
        Number of rows (windows).
    groups : ndarray of shape (n_rows,) or None
        The name of each window; None to hold out rows.
    fraction : float
        The fraction of the units to hold out, in (0, 1).
    random_state : numpy.random.RandomState
        Draws the held-out units.

    Returns
    -------
    is_validation : ndarray of bool of shape (n_rows,)

    Raises
    ------
    ValueError
        If fewer than two units, or none for training, would be left.

    Examples
    --------
    >>> import numpy as np
    >>> groups = np.array([0, 0, 0, 1, 1, 2, 2, 2, 3, 3])  # 4 names
    >>> held = validation_split(10, groups, 0.25, np.random.RandomState(0))
    >>> np.unique(groups[held]).size  # ceil(0.25 * 4) whole names
    1
    """
    units, kind = hold_out_units(n_rows, groups)
    if too_small(units, fraction):
        n_val = math.ceil(fraction * units)
        raise ValueError(
            f"The validation set is too small: validation_fraction={fraction!r} of "
            f"{units} {kind} leaves {units - n_val} for training. Use more data, a "
            "smaller validation_fraction, or early_stopping=False."
        )
    _, held_out = hold_out(n_rows, groups, fraction, random_state)
    is_validation = np.zeros(n_rows, dtype=bool)
    is_validation[held_out] = True
    return is_validation
