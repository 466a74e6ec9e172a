"""Which of the package's classes an object is, told by the names of the classes
it inherits from, so that a low module can ask without importing the class (the
state checks of a loaded model, a Checkpoint's fields, the command line's check
of a model file that another package saved)."""

__all__ = ["own_class"]


def own_class(obj, names=None):
    """The first class of ``obj``'s method resolution order that the package
    defines and, when ``names`` is given, whose name is one of ``names``.

    A user's subclass of one of the package's classes is told as that class; a
    class of another package with the same name is not.

    Parameters
    ----------
    obj : object
        Any object, such as an estimator of a loaded model.
    names : collection of str, default=None
        The class names to look for (a set, or a dict keyed by them); None
        for any class of the package.

    Returns
    -------
    cls : type or None
        That class, or None if ``obj`` is of none of them.

    Examples
    --------
    >>> from sknextchar import KneserNeyClassifier, PerLabelClassifier
    >>> own_class(PerLabelClassifier(), {"PerLabelClassifier"}).__name__
    'PerLabelClassifier'
    >>> own_class(KneserNeyClassifier(), {"PerLabelClassifier"}) is None
    True
    >>> own_class(KneserNeyClassifier()).__name__
    'KneserNeyClassifier'
    >>> own_class(object()) is None
    True
    """
    for cls in type(obj).__mro__:
        if cls.__module__.partition(".")[0] == "sknextchar" and (
            names is None or cls.__name__ in names
        ):
            return cls
    return None
