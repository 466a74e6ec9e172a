"""The errors of a prefix that no name can go on from, with their parts as data.

A sampler refuses a prefix after which the model and its controls allow no
next symbol (:class:`DeadEndError`), one that reaches ``max_length`` where the
model gives the end marker no probability (:class:`UnendingPrefixError`), one
longer than ``max_length`` (:class:`LongPrefixError`), the generation tree
one none of whose branches drawn can end (:class:`UnfinishedTreeError`), and a
table or a picture one they would read past the most letters a name may have
(:class:`NoRoomAfterError`), and a picture one of characters the model lacks
(:class:`UnknownSymbolsError`). Each
is a ``ValueError`` whose message is made from its attributes, here, so an
interface that tells it in its own terms (``sknextchar plot`` names its flags
and its own advice) reads the attributes, never the words of the message.
"""

from ._limits import MAX_LETTERS
from ._remade_errors import remade
from ._words import counted, one_or_many, quoted

__all__ = [
    "DeadEndError",
    "EndOnlyError",
    "LongPrefixError",
    "NoRoomAfterError",
    "PrefixError",
    "UnendingPrefixError",
    "UnfinishedTreeError",
    "UnknownSymbolsError",
    "check_room_for_a_letter",
    "long_prefix_message",
    "room_after_message",
    "unknown_symbols_message",
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

    @property
    def what(self):
        """What the advice calls the prefix: the argument (``"context"``), or
        ``"prefix"`` for one of ``prefixes``."""
        return "prefix" if self.argument == "prefixes" else self.argument

    def message(self):
        """The message, made from the attributes."""
        raise NotImplementedError

    def text(self):
        """The message as raised (:meth:`message`)."""
        return self.message()

    def with_argument(self, argument):
        """The same error of the one prefix a call named ``argument`` (not a
        list: the error places it by the argument alone).

        Parameters
        ----------
        argument : str
            The argument's name in that call (``plot_temperature``'s
            ``context``, where the sampler said ``prefix``).

        Returns
        -------
        error : PrefixError
            Of the same class, with the same attributes but ``argument`` and no
            ``index``.

        Examples
        --------
        >>> error = LongPrefixError("prefixes", 0, "abcd", letters=4, max_length=3)
        >>> print(error.with_argument("context"))
        context='abcd' has 4 letters, more than max_length=3; raise max_length or \
shorten the context.
        """
        changed = {**vars(self), "argument": argument, "index": None}
        return remade(type(self), changed)

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))


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
            f"the {self.what}."
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
        return long_prefix_message(
            f"{self.place}={quoted(self.prefix)}",
            self.letters,
            self.max_length,
            self.what,
        )


def long_prefix_message(shown, letters, max_length, what="prefix", bound="max_length"):
    """The message on a prefix of more letters than a ``max_length``, in the
    terms of an interface: raise the bound or shorten the prefix; only
    shorten it when raising cannot help, the prefix having more letters than
    any name may (:data:`~sknextchar._limits.MAX_LETTERS`), and without
    naming a bound at that limit (one the caller may not have set).

    Parameters
    ----------
    shown : str
        The prefix, as the message shows it (``"context='ab'"``,
        ``"--prefix 'ab'"``).
    letters : int
        Its letters, as the sampler counts them.
    max_length : int
        The bound it is past.
    what : str, default="prefix"
        What the advice calls it.
    bound : str, default="max_length"
        How the interface spells the bound: a parameter (``max_length=3``) or
        a flag (``"--max-length"``: ``--max-length 3``).

    Returns
    -------
    message : str

    Examples
    --------
    >>> print(long_prefix_message("--prefix 'abcd'", 4, 3, bound="--max-length"))
    --prefix 'abcd' has 4 letters, more than --max-length 3; raise --max-length \
or shorten the prefix.
    >>> print(long_prefix_message("context='aaa'", 1_005, 1_000, "context"))
    context='aaa' has 1,005 letters, more than a name may have (1,000): shorten \
the context to 1,000 letters or fewer.
    """
    shorten = f"shorten the {what} to {MAX_LETTERS:,} letters or fewer."
    if max_length >= MAX_LETTERS:  # no bound to raise
        return (
            f"{shown} has {letters:,} letters, more than a name may have "
            f"({MAX_LETTERS:,}): {shorten}"
        )
    setting = (
        f"{bound} {max_length}" if bound.startswith("-") else f"{bound}={max_length}"
    )
    said = f"{shown} has {letters:,} letters, more than {setting}"
    if letters <= MAX_LETTERS:
        return f"{said}; raise {bound} or shorten the {what}."
    return f"{said}, which is at most {MAX_LETTERS:,}: {shorten}"


class NoRoomAfterError(PrefixError):
    """A prefix that a table or a picture would read the model past the most
    letters a name may have (:data:`~sknextchar._limits.MAX_LETTERS`).

    The one limit of ``sknextchar table`` (CONTEXT), ``sknextchar plot``
    (``--distribution``, ``--tree``), :func:`~sknextchar.plotting.plot_temperature`
    (``context``) and :func:`~sknextchar.plotting.plot_generation_tree`
    (``prefix``): after ``MAX_LETTERS`` letters only the end of a name may
    follow, so the model's own probabilities are shown for a prefix of at most
    ``MAX_LETTERS - steps`` letters. Each interface tells it in its own terms
    from the attributes (:func:`room_after_message`).

    Parameters
    ----------
    argument, index, prefix
        As :class:`PrefixError`; the message quotes a long prefix cut.
    letters : int
        The prefix's letters, as the model reads them (its symbols).
    steps : int
        The letters read past the prefix: 1 for the next one, the tree's
        ``depth`` for its levels.
    lever : str or None, default=None
        The setting that sets ``steps`` (``"depth"``), offered when lowering
        it helps; None when the next letter alone is read.
    max_length : int or None, default=None
        The most letters the sampler that reads the prefix takes (its
        ``max_length``, or the bound it resolves for None): told when it
        refuses the shorter prefix advised too. None for no such bound.

    Examples
    --------
    >>> print(NoRoomAfterError("context", None, "a" * 5, letters=1_000, steps=1))
    ... # doctest: +NORMALIZE_WHITESPACE
    context='aaaaa' has 1,000 letters, and one more letter would make a name of
    more than 1,000 letters, the most a name may have. Shorten the context to
    999 letters or fewer.
    """

    def __init__(
        self, argument, index, prefix, *, letters, steps, lever=None, max_length=None
    ):
        self.letters, self.steps, self.lever = letters, steps, lever
        self.max_length = max_length
        super().__init__(argument, index, prefix)

    def message(self):
        """The message, made from the attributes."""
        return room_after_message(
            f"{self.place}={quoted(self.prefix)}",
            self.letters,
            self.steps,
            f"the {self.what}",
            self.lever,
            self.max_length,
        )


def room_after_message(shown, letters, steps, what, lever=None, max_length=None):
    """The message of a :class:`NoRoomAfterError`, in the terms of an interface.

    Parameters
    ----------
    shown : str
        The prefix, as the message shows it (``"context='ab'"``,
        ``"CONTEXT 'ab'"``).
    letters, steps : int
        As :class:`NoRoomAfterError`.
    what : str
        What the advice shortens (``"the context"``, ``"CONTEXT"``).
    lever : str or None, default=None
        The setting that sets ``steps`` as the interface spells it
        (``"depth"``), offered when lowering it helps (the prefix has fewer
        than ``MAX_LETTERS`` letters, and fewer than ``max_length``); None
        for none.
    max_length : int or None, default=None
        The sampler's ``max_length`` (a Python parameter), past which it
        refuses a prefix: when it refuses the shorter prefix advised too, the
        advice tells the figure it takes (one letter fewer, after which more
        than the end may follow). None for no such bound.

    Returns
    -------
    message : str

    Examples
    --------
    >>> print(room_after_message("prefix='a...'", 998, 3, "the prefix", "depth"))
    ... # doctest: +NORMALIZE_WHITESPACE
    prefix='a...' has 998 letters, and 3 more letters would make a name of
    more than 1,000 letters, the most a name may have. Shorten the prefix to
    997 letters or fewer, or lower depth to 2.
    >>> print(room_after_message("prefix='a...'", 998, 3, "the prefix", "depth", 5))
    ... # doctest: +NORMALIZE_WHITESPACE
    prefix='a...' has 998 letters, and 3 more letters would make a name of
    more than 1,000 letters, the most a name may have. Shorten the prefix to
    997 letters or fewer (4 or fewer with this sampler's max_length=5, or
    raise max_length).
    """
    most = MAX_LETTERS - steps
    shorten = f"Shorten {what} to {most:,} letters or fewer"
    # Taken by the sampler's bound, with room for a letter after it.
    taken = max_length is None or letters < max_length
    if max_length is not None and max_length - 1 < most:  # it refuses `most` too
        shorten += (
            f" ({max_length - 1:,} or fewer with this sampler's "
            f"max_length={max_length}, or raise max_length)"
        )
    elif lever is not None and letters < MAX_LETTERS and taken:  # a level fits
        shorten += f", or lower {lever} to {MAX_LETTERS - letters}"
    more = one_or_many(steps, "one more letter", f"{steps:,} more letters")
    return (
        f"{shown} has {letters:,} letters, and {more} would make a name of "
        f"more than {MAX_LETTERS:,} letters, the most a name may have. {shorten}."
    )


class EndOnlyError(PrefixError):
    """A prefix of as many letters as the sampler's ``max_length``, shown where
    the model's own distribution is asked for (a temperature table, its
    picture, the root of a generation tree): only the end marker may follow,
    at probability 1 whatever the model predicts, so nothing of the model
    would be shown.

    Parameters
    ----------
    argument, index, prefix
        As :class:`PrefixError`.
    max_length : int
        The most letters of a name the sampler takes, the prefix's letters.
    resolved : bool, default=False
        Whether the sampler's ``max_length`` is None, which it resolves to the
        longest training name, or ``min_length`` if longer.
    recorded : bool, default=True
        Whether the sampler has a record of its training names' lengths; one
        without (fitted on no names, or saved before 0.2.0) resolves None to
        the default 20, or ``min_length`` if longer.
    min_length : int or None, default=None
        The sampler's ``min_length``: the bound resolved when it is as long.

    Examples
    --------
    >>> print(EndOnlyError("prefix", None, "abcd", max_length=4))
    ... # doctest: +NORMALIZE_WHITESPACE
    prefix='abcd' has 4 letters, as many as max_length=4: only the end of a
    name may follow it, at probability 1 whatever the model predicts, so
    nothing of the model would be shown. Raise max_length above 4, or shorten
    the prefix to 3 letters or fewer.
    >>> print(EndOnlyError("prefix", None, "a", max_length=1, resolved=True,
    ...                    min_length=1))  # doctest: +NORMALIZE_WHITESPACE
    prefix='a' has 1 letter, as many as max_length=None gives this sampler (1:
    its min_length): only the end of a name may follow it, at probability 1
    whatever the model predicts, so nothing of the model would be shown. Set
    max_length above 1, or pass prefix='' (the start of a name).
    """

    def __init__(
        self,
        argument,
        index,
        prefix,
        *,
        max_length,
        resolved=False,
        recorded=True,
        min_length=None,
    ):
        self.max_length, self.resolved = max_length, resolved
        self.recorded, self.min_length = recorded, min_length
        super().__init__(argument, index, prefix)

    @property
    def bound(self):
        """The bound, as the message tells it: the parameter given, or what
        ``max_length=None`` gives this sampler, and why."""
        high = self.max_length
        if not self.resolved:
            return f"max_length={high}"
        if self.min_length is not None and self.min_length >= high:
            why = f"{high}: its min_length"
        elif self.recorded:
            why = f"{high}: its longest training name"
        else:
            why = f"the default {high}, with no record of its training names' lengths"
        return f"max_length=None gives this sampler ({why})"

    def message(self):
        """The message, made from the attributes."""
        high = self.max_length
        shorter = (
            f"shorten the {self.what} to {counted(high - 1, 'letter')} or fewer"
            if high > 1
            else f"pass {self.place}='' (the start of a name)"
        )
        return (
            f"{self.place}={quoted(self.prefix)} has {counted(high, 'letter')}, as "
            f"many as {self.bound}: only the end of a name may follow it, at "
            "probability 1 whatever the model predicts, so nothing of the model "
            f"would be shown. {'Set' if self.resolved else 'Raise'} max_length "
            f"above {high}, or {shorter}."
        )


def check_room_for_a_letter(
    argument, prefix, *, letters, max_length, given, recorded=True, min_length=None
):
    """Refuse a prefix shown with the distribution of the letter after it when
    only the end of a name may follow it: one of the most letters a name may
    have (:class:`NoRoomAfterError`) or of ``max_length`` letters
    (:class:`EndOnlyError`). A prefix past ``max_length`` is the sampler's
    to refuse (:class:`LongPrefixError`), as is one of ``max_length`` letters
    whose end the model rules out (:class:`UnendingPrefixError`).

    Parameters
    ----------
    argument : str
        The argument that passed the prefix (``"prefix"``, ``"context"``).
    prefix : str
        The prefix, as the call gave it.
    letters : int
        Its letters, as the model reads them.
    max_length : int
        The most letters the sampler takes (its bound resolved).
    given : int or None
        The sampler's ``max_length`` parameter.
    recorded : bool, default=True
        Whether the sampler has a record of its training names' lengths
        (``training_length_range()`` is not None), by which it resolves None.
    min_length : int or None, default=None
        The sampler's ``min_length`` parameter.

    Examples
    --------
    >>> check_room_for_a_letter("prefix", "abc", letters=3, max_length=4, given=4)
    >>> check_room_for_a_letter("prefix", "abcd", letters=4, max_length=4, given=4)
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.EndOnlyError: prefix='abcd' has 4 letters, as many as ...
    """
    if letters >= MAX_LETTERS:
        raise NoRoomAfterError(
            argument, None, prefix, letters=letters, steps=1, max_length=max_length
        )
    if letters == max_length:
        raise EndOnlyError(
            argument,
            None,
            prefix,
            max_length=max_length,
            resolved=given is None,
            recorded=recorded,
            min_length=min_length,
        )


class UnknownSymbolsError(PrefixError):
    """A prefix of characters outside the model's vocabulary, refused by a
    picture before the model is asked, with a start of a name to pass instead.

    Parameters
    ----------
    argument, index, prefix
        As :class:`PrefixError`.
    symbols : str
        The characters the model lacks, described (``"'1', '2'"``).
    vocabulary : str
        The model's characters, as shown.
    start : str
        The model's most probable start of a name, offered instead ("" when
        the sampler's bound leaves the end alone after any letter).
    kept : bool, default=False
        Whether whitespace after the prefix is among ``symbols`` (the
        whitespace after a prefix is kept).
    note : str, default=""
        The note on a prefix cut inside a symbol of the model
        (:func:`~sknextchar._symbol_notes.unknown_symbols_note`), told instead of a
        start to pass; "" for none.
    others : bool, default=False
        Whether ``symbols`` holds more than the cluster the note is on: the
        start to pass is then told after the note.

    Examples
    --------
    >>> print(UnknownSymbolsError("context", None, "ab1", symbols="'1'",
    ...                           vocabulary="'ab'", start="ba"))
    ... # doctest: +NORMALIZE_WHITESPACE
    context='ab1' holds '1', outside the vocabulary of the model, 'ab': pass a
    context of its characters, such as context='ba' (the model's most probable
    start), or context='' (the start of a name).
    """

    def __init__(
        self, argument, index, prefix, *, symbols, vocabulary, start, kept=False,
        note="", others=False,
    ):  # fmt: skip
        self.symbols, self.vocabulary = symbols, vocabulary
        self.start, self.kept, self.note = start, kept, note
        self.others = others
        super().__init__(argument, index, prefix)

    def message(self):
        """The message, made from the attributes."""
        return unknown_symbols_message(self, lambda value: f"{self.place}={value!r}")


def unknown_symbols_message(error, spelled):
    """The message of an :class:`UnknownSymbolsError`, in the terms of an
    interface: the prefix and the advice spelled by ``spelled``.

    Parameters
    ----------
    error : UnknownSymbolsError
        The error told.
    spelled : callable
        A prefix as passed in the interface: ``spelled("ab")`` is
        ``"context='ab'"`` in Python, ``"--tree 'ab'"`` for ``sknextchar plot``.

    Returns
    -------
    message : str

    Examples
    --------
    >>> error = UnknownSymbolsError("prefix", None, "a1", symbols="'1'",
    ...                             vocabulary="'ab'", start="")
    >>> print(unknown_symbols_message(error, lambda value: f"--tree {value!r}"))
    ... # doctest: +NORMALIZE_WHITESPACE
    --tree 'a1' holds '1', outside the vocabulary of the model, 'ab': pass a
    prefix of its characters, such as --tree '' (the start of a name).
    """
    what = error.what
    kept = (
        f" (the whitespace before a {what} goes, but the whitespace after it "
        "is kept, since a name may go on after a space, as 'mary ann')"
        if error.kept
        else ""
    )
    told = f"{spelled(error.prefix)} holds {error.symbols}, outside the vocabulary of "
    if error.note and not error.others:  # a cut cluster: its note says what to type
        return f"{told}the model, {error.vocabulary}{error.note}."
    such = f"{spelled('')} (the start of a name)"
    if error.start:
        such = f"{spelled(error.start)} (the model's most probable start), or {such}"
    if error.note:  # and other symbols: then what to pass for them
        return (
            f"{told}the model, {error.vocabulary}{kept}{error.note}. For the others, "
            f"pass a {what} of the model's characters, such as {such}."
        )
    return (
        f"{told}the model, {error.vocabulary}{kept}: pass a {what} of its characters, "
        f"such as {such}."
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
