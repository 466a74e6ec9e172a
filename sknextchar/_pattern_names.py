"""The few names a pattern can match, counted before any name is drawn.

A ``pattern`` such as ``ab``, ``ab[cd]`` or ``(ann|bob)`` matches a handful of
names. ``NameSampler.sample(30, pattern="ab[cd]", unique=True)`` drew batches of
names until its rounds gave up, then said that the model rarely produces such
names, when no model could give more than two. :func:`pattern_names` lists the
strings of such a pattern from the parse of ``re`` (literals, classes of listed
characters, choices, groups and bounded repeats; anything else, such as ``.``,
``\\w``, a negated class, an unbounded repeat or a match in any case, is taken
as a pattern of many names, and nothing is counted), and
:func:`check_pattern_names` refuses a request that asks for more distinct names
than those left once the prefix, the length bounds, the model's letters and the
names left out (``novel``, ``exclude``) have had their say.
"""

import itertools
import re
import unicodedata

import numpy as np

from ._limits import MAX_LETTERS
from ._pattern_needs import MAX_CLASS, class_chars, items_of, parsed_pattern
from ._text import final_forms_learned_plain, fold_final_forms
from ._vocabulary import decode_rows
from ._words import capitalized, counted, or_list, quoted_pattern

__all__ = ["MAX_PATTERN_NAMES", "check_pattern_names", "pattern_names"]

# The most strings a pattern is expanded to; a pattern of more is one of many.
MAX_PATTERN_NAMES = 1000


class _Many(Exception):
    """The pattern matches more strings than are listed, or ones not listed."""


def pattern_names(pattern, limit=MAX_PATTERN_NAMES):
    """Every string that fully matches ``pattern``, when there are few.

    The pattern is read in NFC, as ``sample`` matches it (a ``é`` typed as
    ``e`` and a combining accent matches the names' ``é``).

    Parameters
    ----------
    pattern : str
        A regular expression, matched in full (``re.fullmatch``).
    limit : int, default=MAX_PATTERN_NAMES
        The most strings listed.

    Returns
    -------
    names : list of str or None
        Sorted; None when the pattern may match more than ``limit`` strings,
        or strings its parse does not list (``.``, ``\\w``, ``[^a]``, ``a+``,
        a back-reference, a match in any case).

    Examples
    --------
    >>> pattern_names("ab[cd]|x(y|z){1,2}")
    ['abc', 'abd', 'xy', 'xyy', 'xyz', 'xz', 'xzy', 'xzz']
    >>> pattern_names("a.*"), pattern_names("(?i)ab"), pattern_names("[a-z]{3}")
    (None, None, None)
    >>> pattern_names("jose\u0301") == ["jos\u00e9"]
    True
    """
    applied = unicodedata.normalize("NFC", pattern)  # as check_pattern reads it
    try:
        parsed, ops = parsed_pattern(applied)
        if parsed.state.flags & re.IGNORECASE:
            return None
        strings = _sequence(items_of(parsed), ops, limit)
    except (_Many, re.error, RecursionError):
        return None
    matches = re.compile(applied).fullmatch
    return sorted(s for s in strings if matches(s))


def _sequence(items, ops, limit):
    """The strings of a sequence of parsed items: a superset of its matches."""
    strings = {""}
    for op, value in items:
        if not strings:  # every string is longer than a name can be
            break
        strings = _joined(strings, _item(op, value, ops, limit), limit)
    return strings


def _joined(heads, tails, limit):
    if len(heads) * len(tails) > limit:
        raise _Many
    joined = (head + tail for head, tail in itertools.product(heads, tails))
    return {name for name in joined if len(name) <= MAX_LETTERS}  # no name longer


def _item(op, value, ops, limit):
    if op is ops.LITERAL:
        return {chr(value)}
    if op is ops.IN:
        return _class(value, ops, limit)
    if op is ops.BRANCH:
        return _branch(value[1], ops, limit)
    if op is ops.SUBPATTERN:
        if value[1] & re.IGNORECASE:
            raise _Many
        return _sequence(items_of(value[3]), ops, limit)
    if op is ops.ATOMIC_GROUP:
        return _sequence(items_of(value), ops, limit)
    if op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT):
        return _repeat(value, ops, limit)
    if op in (ops.AT, ops.ASSERT, ops.ASSERT_NOT):  # they match no character
        return {""}
    raise _Many


def _branch(branches, ops, limit):
    if len(branches) > limit:  # more choices than names listed: not expanded
        raise _Many
    strings = set()
    for branch in branches:
        strings |= _sequence(items_of(branch), ops, limit)
        if len(strings) > limit:
            raise _Many
    return strings


def _class(members, ops, limit):
    chars = class_chars(members, ops, widest=min(MAX_CLASS, limit))
    if chars is None:  # a negation, a category (\w), a wide range
        raise _Many
    return chars


def _repeat(value, ops, limit):
    low, high, items = value
    if high is ops.MAXREPEAT or high > limit:
        raise _Many
    one = _sequence(items_of(items), ops, limit)
    strings, each = set(), {""}
    for times in range(high + 1):
        if times >= low:
            strings |= each
        if times < high:
            each = _joined(each, one, limit)
        if len(strings) > limit:
            raise _Many
    return strings


def check_pattern_names(sampler, n_samples, unique, pattern, prefix_ids, controls,
                        left_out):  # fmt: skip
    """Refuse a request whose ``pattern`` leaves fewer names than it asks for.

    Parameters
    ----------
    sampler : NameSampler
        Fitted; its ``vocabulary_`` spells the names.
    n_samples : int
        The number of names asked for.
    unique : bool
        Whether they must be distinct; without it, one name is enough.
    pattern : str or None
        The request's pattern (checked before); None checks nothing.
    prefix_ids : ndarray of int
        The letters of the prefix.
    controls : SamplingControls
        The length bounds, resolved.
    left_out : tuple of (callable, float, str) or None
        What ``novel`` and ``exclude`` leave out
        (:func:`~sknextchar._left_out.left_out_test`).

    Raises
    ------
    ValueError
        If fewer names than asked for (none, without ``unique``) match the
        pattern, start with the prefix, have ``min_length`` to ``max_length``
        letters, are written with the model's letters and are not left out.
    """
    names = None if pattern is None else pattern_names(pattern)
    vocabulary = tuple(sampler.vocabulary_)
    if names is None or any(len(symbol) != 1 for symbol in vocabulary):
        return  # many names, or symbols of several characters: not counted
    ids = _written(names, vocabulary, prefix_ids, controls)
    n_written = len(ids)
    if left_out is not None and n_written:
        ids = ids[~np.asarray(left_out[0](ids), dtype=bool)]
    if len(ids) >= (n_samples if unique else 1):
        return
    counts = (len(names), n_written, len(ids))
    raise ValueError(_message(pattern, counts, n_samples, unique, left_out, controls,
                              len(prefix_ids)))  # fmt: skip


def _written(names, vocabulary, prefix_ids, controls):
    """The names the request can write, as rows of ids padded with the end.

    A name is kept when its ids, decoded as drawn names are, give it back: a
    model that learned ``σ`` for ``ς`` writes ``νας`` from ``νασ``'s ids, and
    never writes ``νασ``.
    """
    ids_of = {symbol: i for i, symbol in enumerate(vocabulary) if i}
    finals = final_forms_learned_plain(vocabulary)
    prefix = [int(i) for i in prefix_ids]
    kept, rows = [], []
    for name in names:
        ids = [ids_of.get(char) for char in fold_final_forms(name, finals)]
        if (
            None not in ids
            and controls.min_length <= len(ids) <= controls.max_length
            and ids[: len(prefix)] == prefix
        ):
            kept.append(name)
            rows.append(ids)
    width = max(map(len, rows), default=0) + 1
    padded = np.zeros((len(rows), width), dtype=np.int64)
    for row, ids in zip(padded, rows):
        row[: len(ids)] = ids
    back = decode_rows(padded, vocabulary)
    return padded[[name == text for name, text in zip(kept, back)]]


# What to change when novel or exclude leave a pattern's names out, by the
# words of left_out_test.
_LEAVING_OUT = (
    ("novel=True", "sample without novel=True"),
    ("exclude=", "exclude fewer names (exclude=...)"),
)


def _message(pattern, counts, n_samples, unique, left_out, controls, n_prefix):
    n_matches, n_written, n_left = counts
    low, high = controls.min_length, controls.max_length
    fits = [f"{low:,} to {high:,} letters (min_length={low}, max_length={high})"]
    if n_prefix:
        fits.append("the prefix")
    fits.append("the model's letters")
    found = (
        f"pattern={quoted_pattern(pattern)} matches {counted(n_matches, 'name')} "
        f"in all, {n_written:,} of them with {', '.join(fits[:-1])} and {fits[-1]}"
    )
    if left_out is not None:
        found += f", {n_left:,} of those not among the {left_out[2]}"
    asked = (
        f"unique=True asks for {counted(n_samples, 'distinct name')}, but"
        if unique and n_left
        else "No name can be returned:"  # fewer names would not help
    )
    advice = [*(["ask for fewer names"] if n_left else []),
              "loosen the pattern (pattern=...)"]  # fmt: skip
    if n_left < n_written:  # novel or exclude left names out
        advice += [words for key, words in _LEAVING_OUT if key in left_out[2]]
    return f"{asked} {found}. {capitalized(or_list(advice))}."
