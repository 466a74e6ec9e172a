"""The errors of a prefix that no name can go on from, with their parts as data.

A sampler refuses a prefix after which the model and its controls allow no
next symbol (:class:`DeadEndError`), one that reaches ``max_length`` where the
model gives the end marker no probability (:class:`UnendingPrefixError`), one
longer than ``max_length`` (:class:`LongPrefixError`), and the generation tree
one none of whose branches drawn can end (:class:`UnfinishedTreeError`). Each
is a ``ValueError`` whose message is made from its attributes, here, so an
interface that tells it in its own terms (``sknextchar plot`` names its flags
and its own advice) reads the attributes, never the words of the message.
"""

from ._text import quoted

__all__ = [
    "DeadEndError",
    "LongPrefixError",
    "PrefixError",
    "UnendingPrefixError",
    "UnfinishedTreeError",
]


class PrefixError(ValueError):
    """A prefix refused, named as the call named it.

    Parameters
    ----------
    argument : str
        The argument that passed the prefix (``"prefix"``, ``"prefixes"``,
        ``"context"``).
    index : int or None
        The position of the prefix in ``argument``, None when the argument
        is the one prefix.
    prefix : str
        The prefix, as the call gave it.
    """

    def __init__(self, argument, index, prefix):
        self.argument, self.index, self.prefix = argument, index, prefix
        super().__init__(self.message())

    @property
    def place(self):
        """The argument, with the position of the prefix in it when it has one:
        ``prefixes[1]``, ``prefix``."""
        return self.argument if self.index is None else f"{self.argument}[{self.index}]"

    def message(self):
        """The message, made from the attributes."""
        raise NotImplementedError

    def with_argument(self, argument):
        """The same error of the one prefix a call named ``argument``.

        Parameters
        ----------
        argument : str
            The argument's name in that call (``plot_temperature``'s
            ``context``, where the sampler said ``prefix``).

        Returns
        -------
        error : PrefixError
            Of the same class, with the same attributes but ``argument``.
        """
        return _restored(type(self), {**vars(self), "argument": argument})

    def __reduce__(self):  # its class takes the attributes, not the message
        return _restored, (type(self), vars(self))


def _restored(cls, attributes):
    """An error of class ``cls`` with ``attributes``, its message made anew."""
    error = cls.__new__(cls)
    vars(error).update(attributes)
    error.args = (error.message(),)
    return error


class DeadEndError(PrefixError):
    """No name can continue a prefix: the model gives every next symbol
    probability 0 there, the end marker included or ruled out below
    ``min_length``.

    Parameters
    ----------
    argument, index, prefix
        As :class:`PrefixError`.
    min_length : int
        The sampler's ``min_length``.

    Attributes
    ----------
    reason : str
        What the model gives after the prefix.
    cause : str
        The model that does so, and where.
    smoothing : str
        The settings that smooth such a model.

    Examples
    --------
    >>> error = DeadEndError("prefixes", 1, "ab", min_length=3)
    >>> isinstance(error, ValueError), error.place, error.min_length
    (True, 'prefixes[1]', 3)
    >>> str(error)[:48]
    "No name can continue prefixes[1]='ab': the model"
    """

    reason = (
        "the model gives every next character probability 0 there, the end "
        "marker included or ruled out"
    )
    cause = (
        "A count model with add_k=0 does so after a context it only saw at the "
        "end of names"
    )
    smoothing = "add_k above 0, or Kneser-Ney"

    def __init__(self, argument, index, prefix, *, min_length):
        self.min_length = min_length
        super().__init__(argument, index, prefix)

    def message(self):
        """The message, made from the attributes."""
        return (
            f"No name can continue {self.place}={self.prefix!r}: {self.reason} "
            f"below min_length={self.min_length}. {self.cause}: smooth it "
            f"({self.smoothing}), or lower min_length."
        )


class UnendingPrefixError(PrefixError):
    """No name can continue a prefix of ``max_length`` letters: only the end
    marker may follow, and the model gives it probability 0 there.

    Parameters
    ----------
    argument, index, prefix
        As :class:`PrefixError`.
    max_length : int
        The sampler's ``max_length``, the letters of the prefix.

    Examples
    --------
    >>> print(UnendingPrefixError("prefix", None, "abc", max_length=3))
    ... # doctest: +NORMALIZE_WHITESPACE
    No name can continue prefix='abc': it has max_length=3 letters, so only the
    end marker may follow, and the model gives it probability 0 there. Raise
    max_length or shorten the prefix.
    """

    def __init__(self, argument, index, prefix, *, max_length):
        self.max_length = max_length
        super().__init__(argument, index, prefix)

    def message(self):
        """The message, made from the attributes."""
        return (
            f"No name can continue {self.place}={self.prefix!r}: it has max_length="
            f"{self.max_length} letters, so only the end marker may follow, and "
            "the model gives it probability 0 there. Raise max_length or shorten "
            "the prefix."
        )


class LongPrefixError(PrefixError):
    """A prefix of more letters than the sampler's ``max_length``.

    Parameters
    ----------
    argument, index, prefix
        As :class:`PrefixError`; the message quotes a long prefix cut.
    letters : int
        The letters of the prefix, as the sampler counts them.
    max_length : int
        The sampler's ``max_length``.

    Examples
    --------
    >>> print(LongPrefixError("prefix", None, "abcd", letters=4, max_length=3))
    prefix='abcd' has 4 letters, more than max_length=3; raise max_length or \
shorten the prefix.
    """

    def __init__(self, argument, index, prefix, *, letters, max_length):
        self.letters, self.max_length = letters, max_length
        super().__init__(argument, index, prefix)

    def message(self):
        """The message, made from the attributes."""
        return (
            f"{self.place}={quoted(self.prefix)} has {self.letters:,} letters, more "
            f"than max_length={self.max_length}; raise max_length or shorten the "
            "prefix."
        )


class UnfinishedTreeError(PrefixError):
    """No name that starts with a prefix can be finished along the branches
    a generation tree shows (the ``top_k`` most probable at each level).

    Parameters
    ----------
    prefix : str
        The tree's prefix (the argument ``prefix``).

    Examples
    --------
    >>> UnfinishedTreeError("ab").place
    'prefix'
    """

    def __init__(self, prefix):
        super().__init__("prefix", None, prefix)

    def message(self):
        """The message, made from the attributes."""
        return (
            f"No name that starts with {self.prefix!r} can be finished along the "
            "branches the tree shows (the top_k most probable at each level): "
            "each meets a point where the sampler's length bounds and the "
            "model allow no next character. Raise top_k, or give another prefix."
        )
