"""TemperatureTable: the lecture's table of next-character probabilities."""

from dataclasses import dataclass
from numbers import Integral

import numpy as np

from ._column_text import column_symbol
from ._text import display_width, pad_right
from ._validation import check_positive_int


@dataclass(frozen=True)
class TemperatureTable:
    """Next-character distributions after one prefix, at several temperatures.

    Returned by :meth:`NameSampler.temperature_table`. ``print(table)`` shows an
    aligned text table; the arrays are there for plotting or further use.

    Parameters
    ----------
    prefix : str
        The beginning of the name (lowercased like the training names).
    context : str
        The last ``context_length`` symbols the model actually sees, ``"-"``
        padded.
    symbols : tuple of str
        The vocabulary, in id order (``"-"`` is the end marker).
    temperatures : tuple of float
        One per column.
    proba : ndarray of shape (n_symbols, n_temperatures)
        ``proba[i, j]`` is the probability of ``symbols[i]`` at
        ``temperatures[j]``; every column sums to 1.
    model_proba : ndarray of shape (n_symbols,) or None, default=None
        The probabilities at temperature 1, the model's own (those
        :meth:`NameSampler.temperature_table` fills in, whatever the
        temperatures shown): they rank the rows of :meth:`to_string`. None (a
        table built by hand) ranks them by the first column whose temperature
        is above 0 and finite, which orders them the same.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import TemperatureTable
    >>> table = TemperatureTable(
    ...     prefix="ab", context="-ab", symbols=("-", "a", "b"),
    ...     temperatures=(0.5, 1.0), proba=np.array([[0.1, 0.2], [0.9, 0.8], [0, 0]]))
    >>> print(table)
    next character after prefix 'ab' (context '-ab')
    next  T=0.5    T=1
    a     0.900  0.800
    -     0.100  0.200
    b     0.000  0.000
    """

    prefix: str
    context: str
    symbols: tuple
    temperatures: tuple
    proba: np.ndarray
    model_proba: np.ndarray | None = None

    def to_string(self, *, top=None, sort=True, decimals=3):
        """The table as aligned text.

        Parameters
        ----------
        top : int or None, default=None
            Show only this many rows.
        sort : bool, default=True
            Sort rows by the model's own probability (at temperature 1,
            ``model_proba``), most probable first, ties in vocabulary order,
            whatever the temperatures shown: at temperature 0 all but one
            character have probability 0 and would otherwise fall to vocabulary
            order. ``sort=False`` keeps vocabulary order.
        decimals : int, default=3
            Digits after the decimal point.

        Returns
        -------
        text : str
            A symbol that a terminal draws in no column is shown by its code
            points (a zero-width non-joiner: ``U+200C``), a mark learned alone
            on a dotted circle (a vowel sign: ``◌ु``), as the Unicode charts
            show them.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import TemperatureTable
        >>> table = TemperatureTable(
        ...     prefix="ab", context="-ab", symbols=("-", "a", "b"),
        ...     temperatures=(1.0, 2.0), proba=np.array([[0.25, 0.3], [0.75, 0.7],
        ...                                               [0.0, 0.0]]))
        >>> print(table.to_string(top=2, sort=False, decimals=2))
        next character after prefix 'ab' (context '-ab')
        next  T=1   T=2
        -     0.25  0.30
        a     0.75  0.70
        """
        if top is not None:
            top = check_positive_int(top, "top")
        if (
            isinstance(decimals, bool)
            or not isinstance(decimals, Integral)
            or (decimals < 0)
        ):
            raise ValueError(f"decimals must be an int of 0 or more; got {decimals!r}.")
        order = np.arange(len(self.symbols))
        if sort:
            order = np.argsort(-self._ranking_proba(), kind="stable")
        if top is not None:
            order = order[:top]
        header = ["next"] + [f"T={t:g}" for t in self.temperatures]
        rows = [
            [column_symbol(self.symbols[i])]
            + [f"{p:.{decimals}f}" for p in self.proba[i]]
            for i in order
        ]
        # Terminal columns, not code points: a Chinese symbol takes two, a
        # vowel sign none.
        widths = [
            max(display_width(r[j]) for r in [header, *rows])
            for j in range(len(header))
        ]
        lines = [
            f"next character after prefix {self.prefix!r} (context {self.context!r})"
        ]
        for row in [header, *rows]:
            cells = [pad_right(row[0], widths[0])]
            cells += [cell.rjust(w) for cell, w in zip(row[1:], widths[1:])]
            lines.append("  ".join(cells))
        return "\n".join(lines)

    def _ranking_proba(self):
        """The probabilities that rank the rows: the model's own (temperature 1).

        Any temperature above 0 and below infinity orders the characters as
        temperature 1 does (it raises each probability to the same power); 0
        keeps one character and infinity none.
        """
        if self.model_proba is not None:
            return np.asarray(self.model_proba, dtype=float)
        ranking = [j for j, t in enumerate(self.temperatures) if 0 < t < np.inf]
        return self.proba[:, ranking[0] if ranking else 0]

    def __str__(self):
        return self.to_string()
