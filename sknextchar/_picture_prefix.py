"""The checks of the context or prefix a picture of :mod:`sknextchar.plotting` shows.

:func:`~sknextchar.plotting.plot_temperature` and
:func:`~sknextchar.plotting.plot_generation_tree` ask a sampler about one
context. Before any drawing, these checks refuse, in the plotting function's
own argument names, a context of symbols the model lacks (offering a start of
a name it writes), one the picture would read past the most letters a name
may have, and one after which only the end may follow; the sampler's own
refusals of a prefix are told as the plotting function's argument. A prefix is
shown as the sampler reads it (:func:`spelled_as_read`, which
:meth:`~sknextchar.NameSampler.temperature_table` uses too). They need no
matplotlib.
"""

import contextlib

import numpy as np

from ._dead_ends import (
    NoRoomAfterError,
    PrefixError,
    UnknownSymbolsError,
    check_room_for_a_letter,
)
from ._decoding import length_bounds
from ._limits import MAX_LETTERS
from ._pipeline import split_pipeline
from ._symbol_notes import cut_cluster, unknown_symbols_note
from ._text import describe_symbol
from ._transformer import unknown_symbols
from ._vocabulary import END_ID, shown_symbols, spell_prefix

__all__ = [
    "check_picture_prefix",
    "check_room",
    "named_as",
    "read_prefix",
    "sampler_bound",
    "spelled_as_read",
]


def spelled_as_read(sampler, ids):
    """The letters ``ids`` of a prefix (or a context) as ``sampler``'s names
    spell them, as :meth:`~sknextchar.NameSampler.temperature_table` shows
    them (:func:`read_prefix` of a prefix not yet encoded; its examples
    show this function too).
    """
    transformer, _ = split_pipeline(sampler.estimator_)
    return spell_prefix(transformer.decode(ids), sampler.vocabulary_)


def read_prefix(sampler, prefix):
    """``prefix``, a checked one, as ``sampler`` reads it, as
    :meth:`~sknextchar.NameSampler.temperature_table` shows it: lowercased
    for a model of lowercased names, full-width letters as ASCII ones, the
    whitespace before it gone.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler)
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...                                     KneserNeyClassifier())).fit(["asha"])
    >>> read_prefix(sampler, "AS"), read_prefix(sampler, " \uff21\uff53")
    ('as', 'as')
    >>> spelled_as_read(sampler, [1, 19])  # the letters of 'as'
    'as'
    """
    transformer, _ = split_pipeline(sampler.estimator_)
    ids = transformer.encode_prefix_list([prefix], what="prefix")[0]
    return spelled_as_read(sampler, ids)


def check_picture_prefix(
    sampler, context, label, count_letters, what="context", depth=None
):
    """Refuse a ``context`` of symbols the model lacks (the default ``"abi"``
    for a model of other letters), offering a start of a name it writes, and
    one the picture would read past the most letters a name may have (a
    :class:`~sknextchar._dead_ends.NoRoomAfterError`, the limit of
    ``sknextchar table``): the next letter, or the tree's ``depth`` levels. Its
    letters are counted as the model reads them; it is refused before the
    sampler's own ``max_length`` could be (raising that alone would not help),
    and the advice says the shorter prefix that bound takes when it refuses
    the one the limit takes (lowering ``depth`` is offered only when it takes
    this prefix).

    The context is read as the sampler reads a prefix: the whitespace before it
    goes, the whitespace after it stays (a name may go on after a space, as
    ``"mary ann"``), so the picture is that of ``temperature_table(context)``.
    ``what`` is the argument's name (``"prefix"`` for the tree);
    ``count_letters(sampler, prefix)`` gives the letters of a prefix as the
    sampler reads it (:func:`~sknextchar._fitted.prefix_letters`).

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler)
    >>> from sknextchar._fitted import prefix_letters
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...                                     KneserNeyClassifier()),
    ...                       max_length=4).fit(["ann", "asha", "bea"])
    >>> check_picture_prefix(sampler, "as", None, prefix_letters)  # drawable
    >>> check_picture_prefix(sampler, "a1", None, prefix_letters)
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.UnknownSymbolsError: context='a1' holds '1', outside \
the vocabulary of the model, 'abcdefghijklmnopqrstuvwxyz': pass a context of its \
characters, such as context='ann' (the model's most probable start), or \
context='' (the start of a name).
    >>> check_picture_prefix(sampler, "as", None, prefix_letters, "prefix",
    ...                      depth=999)
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.NoRoomAfterError: prefix='as' has 2 letters, and 999 \
more letters would make a name of more than 1,000 letters, ...
    """
    transformer, _ = split_pipeline(sampler.estimator_)
    unknown = unknown_symbols(transformer, [context], prefixes=True).get(0)
    if unknown:
        chars = ", ".join(map(describe_symbol, sorted(unknown)))
        trailing = context[len(context.rstrip()) :]  # line breaks are no space
        spaces = {c for c in trailing if c in unknown and c.splitlines() == [c]}
        raise UnknownSymbolsError(
            what,
            None,
            context,
            symbols=chars,
            vocabulary=shown_symbols(sampler.vocabulary_),
            start=_likely_start(sampler, label),
            kept=bool(spaces),
            **_cut_note(transformer, sorted(unknown), context, what),
        )
    letters = count_letters(sampler, context)
    steps, lever = (1, None) if depth is None else (depth, "depth")
    if letters + steps > MAX_LETTERS:
        raise NoRoomAfterError(
            what,
            None,
            context,
            letters=letters,
            steps=steps,
            lever=lever,
            max_length=sampler_bound(sampler),  # the advice must not cross it
        )


def _cut_note(transformer, chars, context, what):
    """The note on a ``context`` that ends inside a symbol of the model
    (``"प्र"`` of ``"प्रि"``), told as ``table`` and ``sample`` tell it, with
    ``what`` for the prefix (:func:`~sknextchar._symbol_notes.unknown_symbols_note`),
    and whether ``chars``, its unknown symbols, are more than that cluster
    (``others``): the keywords of the error; none when it ends in none."""
    read = context.lower() if transformer.lowercase else context
    cut = cut_cluster(chars, transformer.vocabulary_[1:], [read])
    if cut is None:
        return {}
    note = unknown_symbols_note(chars, transformer.vocabulary_, [read], what)
    return {"note": note, "others": {char.lower() for char in chars} != {cut[0]}}


def sampler_bound(sampler):
    """The most letters of a name ``sampler`` takes: its ``max_length``, or
    the bound it resolves for None.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler)
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> sampler_bound(NameSampler(pipe, max_length=4).fit(["ann", "asha"]))
    4
    >>> sampler_bound(NameSampler(pipe).fit(["ann", "asha"]))  # the longest name
    4
    """
    return length_bounds(
        sampler.min_length, sampler.max_length, sampler.training_length_range()
    )[1]


def check_room(sampler, prefix, what, count_letters):
    """Refuse a ``prefix`` of the sampler's ``max_length`` letters, after which
    only the end may follow, at probability 1 whatever the model predicts
    (:func:`~sknextchar._dead_ends.check_room_for_a_letter`, as
    ``temperature_table`` refuses it): the picture would show nothing of the
    model. The root of a tree needs it: ``next_char_proba`` gives the end
    there, where ``temperature_table``
    (:func:`~sknextchar.plotting.plot_temperature`) refuses. Called once the
    model has been asked, so that a prefix whose end the model rules out there
    is told as such; ``count_letters`` as for :func:`check_picture_prefix`.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler)
    >>> from sknextchar._fitted import prefix_letters
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...                                     KneserNeyClassifier()),
    ...                       max_length=4).fit(["ann", "asha", "bea"])
    >>> check_room(sampler, "ash", "prefix", prefix_letters)  # one letter fits
    >>> check_room(sampler, "asha", "prefix", prefix_letters)
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.EndOnlyError: prefix='asha' has 4 letters, as many as \
max_length=4: only the end of a name may follow it, ...
    """
    check_room_for_a_letter(
        what,
        prefix,
        letters=count_letters(sampler, prefix),
        max_length=sampler_bound(sampler),
        given=sampler.max_length,
        recorded=sampler.training_length_range() is not None,
        min_length=sampler.min_length,
    )


@contextlib.contextmanager
def named_as(argument):
    """A refused prefix (a dead end, one at or past ``max_length``) named as
    the plotting function's argument: ``context=`` of
    :func:`~sknextchar.plotting.plot_temperature`, where the table calls it
    ``prefix=``; the ``prefix=`` of
    :func:`~sknextchar.plotting.plot_generation_tree`, one prefix where
    ``next_char_proba`` says ``prefixes[0]``.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler)
    >>> from sknextchar._fitted import prefix_letters
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...                                     KneserNeyClassifier()),
    ...                       max_length=4).fit(["ann", "asha", "bea"])
    >>> with named_as("context"):
    ...     check_room(sampler, "asha", "prefix", prefix_letters)
    Traceback (most recent call last):
    ...
    sknextchar._dead_ends.EndOnlyError: context='asha' has 4 letters, ...
    """
    try:
        yield
    except PrefixError as error:
        raise error.with_argument(argument) from None


def _likely_start(sampler, label, n_symbols=3):
    """The ``n_symbols`` most probable symbols to start a name, one by one
    (fewer where the sampler's bound leaves the end alone after them)."""
    start = ""
    for _ in range(min(n_symbols, sampler_bound(sampler) - 1)):
        proba = sampler.temperature_table(start, (1.0,), label=label).proba[:, 0]
        proba[END_ID] = 0.0  # a start, not a whole name
        start += sampler.vocabulary_[int(np.argmax(proba))]
    return start
