"""Errors whose message is made from their attributes, made anew when they are
copied, pickled or changed (:func:`remade`): the errors of a prefix no name can
go on from (:mod:`sknextchar._dead_ends`) and those about some names of a list
(:mod:`sknextchar._placed_names`)."""

__all__ = ["remade"]


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
