"""The error of a weighted fit that leaves some labels without a name.

A fit whose ``sample_weight`` is 0 for every name of a label would leave that
label's model nothing to learn from: :class:`EmptiedLabelsError` says so, its
message made from its ``labels`` so that the command line words it in its own
terms (its ``--counts``). No NumPy here: the command line's error reporting
imports this module before any model does.
"""

from ._remade_errors import remade
from ._words import MAX_QUOTED_FIELDS, and_more, one_or_many, quoted

__all__ = ["EmptiedLabelsError", "emptied_labels_message"]


def _plain(label):
    """A NumPy scalar as the Python object it holds (``'f'``, not ``np.str_('f')``)."""
    return label.item() if type(label).__module__ == "numpy" else label


class EmptiedLabelsError(ValueError):
    """A fit whose ``sample_weight`` is 0 for every name of some labels: their
    models would have nothing to learn them from.

    Its message is made from its ``labels`` (:func:`emptied_labels_message`),
    so that the command line words it in its own terms (its ``--counts``).

    Parameters
    ----------
    labels : array-like
        The labels left without a name of positive weight.

    Attributes
    ----------
    labels : list
        The labels, as Python objects (``'f'``, not ``np.str_('f')``).

    Examples
    --------
    >>> import numpy as np
    >>> print(EmptiedLabelsError(np.array(["f"])))  # doctest: +NORMALIZE_WHITESPACE
    sample_weight is 0 for every name of the label 'f', so there would be
    nothing to learn it from; leave those names out of X and y, or give some of
    them a positive weight.
    >>> str(EmptiedLabelsError([1, 2])).split(",")[0]
    'sample_weight is 0 for every name of the labels 1'
    """

    def __init__(self, labels):
        self.labels = [_plain(each) for each in labels]
        super().__init__(self.text())

    def text(self):
        """The message, made from ``labels``."""
        return emptied_labels_message(self.labels)

    def __reduce__(self):  # its class takes the labels, not the message
        return remade, (type(self), vars(self))


def emptied_labels_message(
    labels,
    cause="sample_weight is 0 for every name of {labels}",
    advice="leave those names out of X and y, or give some of them a positive weight",
):
    """Why ``labels`` cannot be learnt, in the words of an interface.

    Parameters
    ----------
    labels : list
        The labels left with nothing to learn them from (the first
        :data:`~sknextchar._words.MAX_QUOTED_FIELDS` are listed).
    cause : str, default="sample_weight is 0 for every name of {labels}"
        What left them so, ``{labels}`` standing for "the label 'f'" (or
        "the labels 'f', 'm'").
    advice : str
        What to do.

    Returns
    -------
    message : str

    Examples
    --------
    >>> emptied_labels_message(["f", "m"], "{labels} have no rows", "add some")
    "the labels 'f', 'm' have no rows, so there would be nothing to learn them \
from; add some."
    """
    shown = [quoted(each) if isinstance(each, str) else repr(each) for each in labels]
    listed = and_more(shown, most=MAX_QUOTED_FIELDS)
    the_labels = one_or_many(len(labels), "the label", "the labels")
    named = cause.format(labels=f"{the_labels} {listed}")
    them = one_or_many(len(labels), "it", "them")
    return f"{named}, so there would be nothing to learn {them} from; {advice}."
