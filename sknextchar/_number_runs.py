"""Lists of line (or column) numbers in words, runs of them as ranges.

A message that names the rows of a file with a problem lists their lines:
``"lines 2-6 and 9"`` rather than ``"lines 2, 3, 4, 5, 6 and 1 more"``, which
hid line 9 and spent its room on the run. Every such list of the package is
written by :func:`runs_and_more`, so that they read alike. A line or column
number is written in digits alone, as editors and ``sed -n 1077p`` show it
(``"lines 989, 1077 and 3000"``: a separator inside a list between commas
reads as two numbers); a count keeps its separator (``"and 2,995 more"``).
"""

__all__ = ["runs_and_more"]

# The ranges and lone numbers shown at most: sknextchar._words.MAX_REPORTED
# (this module imports nothing of the package, so that the lowest may use it).
_MOST = 5


def runs_and_more(numbers, total=None, *, most=_MOST):
    """Whole numbers in ascending order (lines, columns) between commas, each
    run of three or more in a row as a range (``2-6``), the first ``most``
    ranges or numbers shown, and how many more numbers of ``total`` there are.
    The numbers are written in digits alone (``1077``), the count of those
    left out with a thousands separator (``2,995 more``).

    Parameters
    ----------
    numbers : iterable of int
        The numbers, ascending (the first of them, when ``total`` is larger).
    total : int or None, default=None
        How many numbers there are, those not in ``numbers`` too; None:
        as many as ``numbers`` holds.
    most : int, default=5
        The ranges and lone numbers shown at most.

    Returns
    -------
    text : str

    Examples
    --------
    >>> runs_and_more([2, 3, 4, 5, 6, 9])
    '2-6 and 9'
    >>> runs_and_more([2, 3, 7], 10)
    '2, 3, 7 and 7 more'
    >>> runs_and_more([1000, 1001, 1002, 1500])
    '1000-1002 and 1500'
    >>> runs_and_more(range(1, 30, 2))
    '1, 3, 5, 7, 9 and 10 more'
    >>> runs_and_more([989, 1077, 3000], 3000)
    '989, 1077, 3000 and 2,997 more'
    """
    runs = []  # [first, last] of each run of numbers in a row
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown, n_shown = [], 0
    for first, last in runs[:most]:
        if last - first >= 2:
            shown.append(f"{first}-{last}")
        else:  # one number, or two in a row: "2, 3" is as short as "2-3"
            shown.extend(str(n) for n in range(first, last + 1))
        n_shown += last - first + 1
    count = sum(last - first + 1 for first, last in runs)
    more = (count if total is None else total) - n_shown
    if more > 0:
        return ", ".join(shown) + f" and {more:,} more"
    if len(shown) > 1:
        return ", ".join(shown[:-1]) + f" and {shown[-1]}"
    return ", ".join(shown)
