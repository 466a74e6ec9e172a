"""Errors whose message is made from their attributes, made anew when they are
copied, pickled or changed (:func:`remade`): the errors of a prefix no name can
go on from (:mod:`sknextchar._dead_ends`) and those about some names of a list
(:mod:`sknextchar._placed_names`); :class:`Respelled`, the part of such an
error that its owner spells in its own words."""

__all__ = ["Respelled", "remade"]


def remade(cls, attributes):
    """An error of class ``cls`` with ``attributes``, its message made anew by
    its ``text()`` (an error that keeps no message of its own: ``__reduce__``
    returns ``remade, (type(self), vars(self))``).

    Examples
    --------
    >>> class Late(ValueError):
    ...     def text(self):
    ...         return f"{self.minutes} minutes late"
    >>> error = remade(Late, {"minutes": 3})
    >>> error.args, isinstance(error, ValueError)
    (('3 minutes late',), True)
    """
    error = cls.__new__(cls)
    vars(error).update(attributes)
    error.args = (error.text(),)
    return error


class Respelled:
    """The part of an error made by :func:`remade` that its owner spells:
    ``spell`` (None: as made), which its ``text()`` applies, and
    :meth:`respelled`.

    Examples
    --------
    >>> class Late(Respelled, ValueError):
    ...     def text(self):
    ...         return self.spelled("3 minutes late")
    >>> print(remade(Late, {}).respelled(str.upper))
    3 MINUTES LATE
    """

    spell = None  # how the owner spells the message: see respelled

    def spelled(self, message):
        """``message`` spelled by ``spell``."""
        return message if self.spell is None else self.spell(message)

    def respelled(self, spell):
        """The same error, its message spelled by ``spell`` (a picklable
        function of the message: parameters as a pipeline sets them, a name
        by its line of a file), which its copies keep.

        Parameters
        ----------
        spell : callable
            Takes the message and returns it spelled.

        Returns
        -------
        error : Exception
            Of the same class, with the same attributes.
        """
        return remade(type(self), {**vars(self), "spell": spell})
