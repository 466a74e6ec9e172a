"""Errors about some names of a list, made from the names, places and count.

A check that refuses several names at once (names read as empty, names that
start with a combining mark, names ``handle_unknown="drop"`` leaves without
any character) says how many there are and shows the first of them where they
are. :class:`PlacedNamesError` keeps the names, their positions, the places
shown and the count as attributes and makes its message from them, so that
the pass over a file (:mod:`sknextchar._vocabulary_pass`), which meets such
names chunk by chunk, gives the whole file's count and places
(:meth:`PlacedNamesError.placed`, and :meth:`PlacedNamesError.joined` for the
count of each chunk, keeping only the names shown) without rewording a
message; spelled as the owner of a pipeline spells its parameters, it keeps its
class (:meth:`PlacedNamesError.respelled`).
"""

from ._remade_errors import Respelled, remade
from ._words import quoted

__all__ = ["PlacedNamesError"]


class PlacedNamesError(Respelled, ValueError):
    """Some names of a list, refused; the message is made from the attributes.

    A subclass sets its own attributes before calling this ``__init__`` and
    defines :meth:`message`; ``check_order`` ranks the checks as a fit runs
    them (the lowest first), so that of several kinds in a file the one a fit
    on all its names gives is given.

    Parameters
    ----------
    names : list of str
        The names refused, as given (the first of them at least: those the
        message shows).
    places : list of str
        Where the first names are (``"names[3]"``): those the message shows.
    n_names : int or None, default=None
        How many names are refused; None: ``len(names)``.
    positions : list of int or None, default=None
        The position of each of ``names`` in the list checked; None: they
        are the list's first names.
    """

    check_order = 0

    def __init__(self, names, places, *, n_names=None, positions=None):
        self.names, self.places = list(names), list(places)
        self.n_names = len(self.names) if n_names is None else n_names
        self.positions = list(
            range(len(self.names)) if positions is None else positions
        )
        super().__init__(self.text())

    def message(self):
        """The message, made from the attributes."""
        raise NotImplementedError  # pragma: no cover

    def text(self):
        """The message as raised: :meth:`message`, spelled by ``spell``."""
        return self.spelled(self.message())

    def joined(self, later):
        """This error and ``later``, of the same check on other names (the
        next chunk of a file): the names counted together, those shown this
        error's (the caller places the names of both).

        Parameters
        ----------
        later : PlacedNamesError
            Of the same class.

        Returns
        -------
        error : PlacedNamesError
            Of the same class.
        """
        return remade(
            type(self),
            {
                **vars(self),
                **self.joined_attributes(later),
                "n_names": self.n_names + later.n_names,
            },
        )

    def joined_attributes(self, later):
        """The attributes (beside the count) that :meth:`joined` takes from
        both errors, summarised without keeping every name: none here (a
        subclass whose message tells more than the names shown adds them).

        Parameters
        ----------
        later : PlacedNamesError

        Returns
        -------
        attributes : dict
        """
        return {}

    def shown(self):
        """``names[3]='zoë', names[7]='zoé'``: the names shown, placed."""
        return ", ".join(
            f"{place}={quoted(name)}"
            for place, name in zip(self.places, self.names, strict=False)
        )

    def placed(self, places, names=None, positions=None, *, n_names=None):
        """The same error, of names placed and counted otherwise (in a file).

        Parameters
        ----------
        places : list of str
            Where the names shown are (their places in a whole file).
        names : list of str or None, default=None
            The names shown (None: the same).
        positions : list of int or None, default=None
            Their positions there (None: the same).
        n_names : int or None, default=None
            How many names are refused there (None: the same).

        Returns
        -------
        error : PlacedNamesError
            Of the same class.
        """
        changed = {**vars(self), "places": list(places)}
        if n_names is not None:
            changed["n_names"] = n_names
        if names is not None:
            changed["names"] = list(names)
        if positions is not None:
            changed["positions"] = list(positions)
        return remade(type(self), changed)

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))
