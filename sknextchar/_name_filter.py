"""The rejection tests of ``NameSampler.sample``: which drawn names it keeps.

A call draws names as rows of symbol ids and keeps those that pass, in this
order: not a training name (``novel``: the record of
:mod:`sknextchar._training_record`),
a full match of ``pattern``, ``P(label | name) >= min_label_proba`` (the test of
:mod:`sknextchar._label_posterior`), and the thinning to the training names'
lengths (``match_lengths``). The sampler builds each test from its fitted state;
this module checks the arguments of the tests, applies them to a batch of drawn
ids (:func:`name_filter`) and says what they reject, for the message of a request
that cannot be met. A request that no name can meet, whatever is drawn (a prefix
no match of ``pattern`` starts with, a character, or one of several, that every
match of ``pattern`` holds and the model never writes, lengths that neither
``pattern`` nor ``match_lengths`` allow), it refuses before any drawing
(:func:`check_meetable`). It knows no estimator.
"""

import math
import re
import unicodedata
from functools import partial
from numbers import Real

import numpy as np

from ._compat import Interval, validate_parameter_constraints
from ._limits import MAX_LETTERS
from ._pattern_needs import (
    inner_items,
    items_of,
    needs_words,
    one_parse,
    parsed_pattern,
    unwritten_advice,
    unwritten_needs,
    unwritten_words,
)
from ._text import describe_symbol, final_forms_learned_plain, fold_final_forms
from ._training_record import (
    RepeatedNames,
    contains,
    fold_map,
    folded_ids,
    hash_id_rows,
)
from ._vocabulary import decode_rows, shown_symbols, written_chars
from ._words import counted, quoted, quoted_pattern, quoted_value

__all__ = [
    "check_meetable",
    "check_min_label_proba",
    "check_pattern",
    "label_filter_words",
    "name_filter",
    "pattern_width",
    "required_chars",
    "unspaced_accept",
    "unspaced_names",
]


def check_pattern(pattern):
    """The test a name must pass to match a regular expression in full.

    Parameters
    ----------
    pattern : str or None
        A Python regular expression, or None for no pattern.

    Returns
    -------
    test : callable or None
        ``test(name)`` is truthy when ``pattern`` matches the whole name
        (``re.fullmatch``); None when ``pattern`` is None.

    Raises
    ------
    TypeError
        If ``pattern`` is not a str.
    ValueError
        If ``pattern`` is not a valid regular expression.

    Examples
    --------
    >>> test = check_pattern("a.*[^n]")
    >>> [bool(test(name)) for name in ["asha", "arun", "uma"]]
    [True, False, False]
    >>> bool(check_pattern("jose\u0301")("jos\u00e9"))  # NFD pattern, NFC name
    True
    >>> check_pattern("a(") is None
    Traceback (most recent call last):
    ...
    ValueError: pattern='a(' is not a valid regular expression (missing ...
    """
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise TypeError(
            f"pattern must be a str (a regular expression) or None; got "
            f"{type(pattern).__name__} {quoted_value(pattern)}."
        )
    try:  # in NFC, as the names are: a pattern typed in NFD matches them too
        return re.compile(unicodedata.normalize("NFC", pattern)).fullmatch
    except (re.error, OverflowError, RecursionError) as error:
        why = {  # what re says of a count past its limit, of groups too deep
            OverflowError: f"{error}: write a smaller count in braces",
            RecursionError: "its groups are nested too deep to be read",
        }.get(type(error), error)
        raise ValueError(
            f"pattern={quoted_pattern(pattern)} is not a valid regular expression "
            f"({why}); see https://docs.python.org/3/library/re.html for the "
            "syntax."
        ) from None


def check_meetable(pattern, prefix_ids, vocabulary, controls, length_counts=None):
    """Refuse, before any drawing, a request of ``sample`` that no name can meet.

    A name starts with the prefix, matches ``pattern`` in full (prefix
    included), has ``min_length`` to ``max_length`` letters and, with
    ``match_lengths``, a length that some training name has. Settings that
    exclude one another would draw names until the rounds give up; here they
    fail at once, with the two that conflict. So does a pattern whose every
    match holds a character the model never writes (:func:`required_chars`),
    or one of several (``(Q|Z).*``,
    :func:`~sknextchar._pattern_needs.unwritten_needs`).
    The test is one-sided: a request it passes may still get too few names
    (letters the model rarely writes, a category such as ``\\d`` or a negated
    class of letters it never writes), and where it cannot tell (a pattern the
    ``regex`` package reads otherwise than ``re``) it passes.

    Parameters
    ----------
    pattern : str or None
        The pattern, already checked by :func:`check_pattern`.
    prefix_ids : ndarray of int of shape (n_prefix,)
        The letters of the prefix.
    vocabulary : tuple of str
        The symbols, in id order.
    controls : SamplingControls
        The length bounds, resolved (``min_length`` and ``max_length``).
    length_counts : array-like or None, default=None
        With ``match_lengths``: ``length_counts[k]`` training names have ``k``
        letters.

    Returns
    -------
    lengths : tuple of (int, int)
        The fewest and most symbols a name can have: the length bounds, the
        prefix's length and the lengths of the pattern's matches (the lengths
        ``match_lengths`` can match).

    Raises
    ------
    ValueError
        If no name can meet the request; the message names the settings that
        conflict and what to change.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._decoding import SamplingControls
    >>> vocabulary, ab = ("-", "a", "b", "x"), np.array([1, 2])
    >>> check_meetable("ab.*", ab, vocabulary, SamplingControls(max_length=10))
    (2, 10)
    >>> check_meetable("ab.{3}", ab, vocabulary, SamplingControls(max_length=10))
    (5, 5)
    >>> check_meetable("x.*", ab, vocabulary, SamplingControls(max_length=10))
    Traceback (most recent call last):
    ...
    ValueError: pattern='x.*' matches whole names, prefix included, and no name ...
    >>> check_meetable("x{12}", ab[:0], vocabulary, SamplingControls(max_length=10))
    Traceback (most recent call last):
    ...
    ValueError: pattern='x{12}' matches only names of 12 letters, but ...
    >>> check_meetable("ab7.*", ab, vocabulary, SamplingControls(max_length=10))
    Traceback (most recent call last):
    ...
    ValueError: pattern='ab7.*' matches only names that hold '7', which the model ...
    >>> check_meetable("(7|8)b", ab[:0], vocabulary, SamplingControls(max_length=9))
    Traceback (most recent call last):
    ...
    ValueError: pattern='(7|8)b' matches only names that hold '7' or '8', which ...
    """
    with one_parse():  # one parse for every check, forgotten after them
        return _check_meetable(pattern, prefix_ids, vocabulary, controls, length_counts)


def _check_meetable(pattern, prefix_ids, vocabulary, controls, length_counts):
    """:func:`check_meetable`, its pattern parsed once for all its checks."""
    prefix = "".join(vocabulary[i] for i in np.asarray(prefix_ids).tolist())
    bounds = _bounds_words(controls, prefix, len(prefix_ids))
    lengths = bounds[1:3]  # the fewest and most letters (symbols) of a name
    described = None
    if pattern is not None:
        applied = unicodedata.normalize("NFC", pattern)  # as check_pattern does
        _check_edges(pattern, applied)
        if not _may_start(applied, prefix, vocabulary):
            raise ValueError(
                f"pattern={quoted_pattern(pattern)} matches whole names, prefix "
                "included, and no name that starts with the prefix "
                f"{quoted(prefix)} can match it{unwritten_words(pattern, vocabulary)}: "
                "change the prefix, or the "
                "pattern (e.g. to one that starts as the prefix does)."
            )
        _check_written(pattern, applied, vocabulary)
        width = pattern_width(applied)
        lengths = _fitting(lengths, width, vocabulary)
        if lengths[0] > lengths[1]:
            raise ValueError(
                _pattern_bounds_message(
                    pattern, width, bounds, vocabulary, length_counts
                )
            )
        described = width and _pattern_words(pattern, width, vocabulary)
    if length_counts is not None:
        _check_match_lengths(length_counts, lengths, bounds, described)
    return lengths


def pattern_width(pattern):
    """The fewest and the most characters of a full match of ``pattern``.

    Read from the parse of ``re`` (its private ``_parser``; bounds the matches
    of every construct: repeats, alternatives, back-references, lookarounds).

    Parameters
    ----------
    pattern : str

    Returns
    -------
    width : tuple of (int, int or None) or None
        ``(fewest, most)``, ``most`` None when a repeat has no bound; None when
        the parser cannot tell (a version of Python that parses otherwise).

    Examples
    --------
    >>> pattern_width("[xyz]{12}"), pattern_width("a(b|cd)?"), pattern_width("x.*")
    ((12, 12), (1, 3), (1, None))
    """
    try:
        parsed, parser = parsed_pattern(pattern)
        fewest, most = parsed.getwidth()
        unbounded = getattr(parser, "MAXWIDTH", parser.MAXREPEAT)
    except Exception:  # a private parser: when it changes, no bounds are known
        return None
    return fewest, None if most >= unbounded else most


def required_chars(pattern):
    """The characters that every full match of ``pattern`` holds, by its literals.

    Read from the parse of ``re`` (its private ``_parser``, as
    :func:`pattern_width`): a literal character counts unless it is optional
    (a repeat that may be absent), in one alternative only, or matched in any
    case (``(?i)``); a lookahead or lookbehind looks within the name, so its
    literals count. One-sided: what a character class, a back-reference or a
    conditional group requires is not counted.

    Parameters
    ----------
    pattern : str

    Returns
    -------
    chars : set of str
        Empty when the parser cannot tell (a version of Python that parses
        otherwise).

    Examples
    --------
    >>> sorted(required_chars("x*Q+")), sorted(required_chars("(ab|cb)d?[ef]"))
    (['Q'], ['b'])
    >>> required_chars("(?i)Q.*"), sorted(required_chars("(?=.*q)a"))
    (set(), ['a', 'q'])
    """
    try:
        parsed, parser = parsed_pattern(pattern)
        return _literals(parsed, parsed.state.flags & re.IGNORECASE, parser)
    except Exception:  # a private parser: when it changes, nothing is known
        return set()


def _literals(items, any_case, ops):
    """The literal characters every match of the parsed ``items`` holds;
    ``ops`` is the parser module, whose constants name the nodes."""
    found = set()
    for op, value in items_of(items):
        inner = inner_items(op, value, any_case, ops)
        if op is ops.LITERAL and not any_case:
            found.add(chr(value))
        elif op is ops.BRANCH:
            found |= set.intersection(*(_literals(b, any_case, ops) for b in value[1]))
        elif inner is not None:  # a group, a repeat of at least once, a lookaround
            found |= _literals(*inner, ops)
    return found


def _check_edges(pattern, applied):
    """Fail when every full match of ``pattern`` (``applied``: in NFC) starts or
    ends with whitespace, which no name does: names are read without the
    whitespace around them, as the training names were."""
    for end, edge in ((False, "start"), (True, "end")):
        try:
            parsed, parser = parsed_pattern(applied)
            spaced = _edge_space(items_of(parsed), parser, end)
        except Exception:  # a private parser: when it changes, nothing is known
            return
        if spaced:
            raise ValueError(
                f"pattern={quoted_pattern(pattern)} matches only names that "
                f"{edge} with whitespace, and no name does: a name is read "
                "without the whitespace around it (' Anna ' is 'Anna'), as the "
                f"training names were. Remove the whitespace at the {edge} of the "
                "pattern."
            )


def _edge_space(items, ops, end):
    """Whether every match of the parsed ``items`` starts (``end`` False) or ends
    (True) with whitespace, by its first (last) character; False when unsure.
    ``ops`` is the parser module, whose constants name the nodes."""
    for op, value in reversed(items) if end else items:
        if op in (ops.AT, ops.ASSERT, ops.ASSERT_NOT):  # no character of its own
            continue
        if op is ops.LITERAL:
            return chr(value).isspace()
        if op is ops.IN:  # a class: of whitespace only
            return all(
                (kind is ops.LITERAL and chr(member).isspace())
                or (kind is ops.CATEGORY and member is ops.CATEGORY_SPACE)
                for kind, member in value
            )
        if op is ops.SUBPATTERN:
            return _edge_space(items_of(value[3]), ops, end)
        if op is ops.BRANCH:
            return all(_edge_space(items_of(branch), ops, end) for branch in value[1])
        if op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT):
            return value[0] > 0 and _edge_space(items_of(value[2]), ops, end)
        return False
    return False


def _check_written(pattern, applied, vocabulary):
    """Fail when every match of ``pattern`` (``applied``: in NFC) holds a
    character that no name the model writes holds: one that every match
    holds (:func:`required_chars`), or one of several, each match one
    (:func:`~sknextchar._pattern_needs.unwritten_needs`: ``(Q|Z).*``)."""
    known = written_chars(vocabulary)
    missing = sorted(required_chars(applied) - known)
    held = ", ".join(map(describe_symbol, missing))
    if not missing:  # each match may need another one: (Q|Z).*
        missing = unwritten_needs(applied, known)
        held = needs_words(missing)
    if not missing:
        return
    why, fix = unwritten_advice(pattern, missing, known)
    raise ValueError(
        f"pattern={quoted_pattern(pattern)} matches only names that hold "
        f"{held}, which the model never writes "
        f"({why}{'; ' if why else ''}its vocabulary is {shown_symbols(vocabulary)}): "
        f"{fix}."
    )


# The classes whose members the regex package and re do not all agree on
# (\w: combining marks, '²', '½'; \s: the separators \x1c-\x1f).
_CLASSES = (r"\w", r"\s", r"\d")


def _may_start(pattern, prefix, vocabulary):
    """Whether a name that starts with ``prefix`` may match ``pattern`` in full.

    The ``regex`` package says whether a text can still be extended to a
    match (a partial match). Its verdict is taken only where it reads the
    prefix as ``re`` does; True when unsure.
    """
    finals = set(fold_final_forms(final_forms_learned_plain(vocabulary)))
    if not prefix or "[:" in pattern or not finals.isdisjoint(prefix):
        return True  # no prefix; POSIX classes; ς or σ by what comes next
    import regex  # a dependency, as for graphemes

    if re.search(r"\(\?[a-zA-Z-]*i", pattern) and not set("iIıİ").isdisjoint(prefix):
        return True  # re's ignored case pairs i with ı, regex's does not
    chars = set(prefix)
    if any(
        bool(re.fullmatch(c, char)) != bool(regex.fullmatch(c, char))
        for c in _CLASSES
        for char in chars
    ):
        return True
    try:
        return regex.fullmatch(pattern, prefix, partial=True) is not None
    except Exception:  # a syntax regex does not read as re does: no verdict
        return True


def _fitting(lengths, width, vocabulary):
    """The lengths (in symbols) of ``lengths`` that a full match can have.

    ``lengths`` and the result are ``(fewest, most)``; ``width`` is what
    :func:`pattern_width` gives, in code points.
    """
    if width is None:
        return lengths
    sizes = [len(symbol) for symbol in vocabulary[1:]] or [1]  # code points
    fewest = max(lengths[0], -(-width[0] // max(sizes)))
    if width[1] is None:
        return fewest, lengths[1]
    return fewest, min(lengths[1], width[1] // min(sizes))


def _bounds_words(controls, prefix, n_prefix):
    """The settings that bound the lengths, in words, and the bounds."""
    low, high = max(controls.min_length, n_prefix), controls.max_length
    words = f"min_length={controls.min_length} and max_length={high}"
    if n_prefix > controls.min_length:
        words += f" with the prefix {quoted(prefix)} of {n_prefix} letters"
    return words, low, high, n_prefix > controls.min_length


def _span(low, high, unit="letter"):
    """``"4 to 10 letters"``, ``"1 letter"``, ``"at least 3 letters"``."""
    if high is None:
        return f"at least {counted(int(low), unit)}"
    return counted(int(low), unit) if low == high else f"{low:,} to {high:,} {unit}s"


def _unit(vocabulary):
    """The unit of a pattern's width: letter, unless a symbol is several."""
    one = all(len(symbol) == 1 for symbol in vocabulary[1:])
    return "letter" if one else "character"


def _pattern_words(pattern, width, vocabulary):
    """What lengths ``pattern`` matches, in words for the errors."""
    span = _span(*width, _unit(vocabulary))
    return f"pattern={quoted_pattern(pattern)} matches only names of {span}"


def _pattern_bounds_message(pattern, width, bounds, vocabulary, length_counts):
    """The error of a pattern whose matches the length bounds all leave out
    (and, with ``match_lengths``, that no training name's length allows)."""
    words, low, high, by_prefix = bounds
    sizes = [len(symbol) for symbol in vocabulary[1:]] or [1]
    if width[1] == 0:
        return (
            f"pattern={quoted_pattern(pattern)} matches only the empty name, "
            "and a name has at least one letter: change the pattern."
        )
    needed = math.ceil(width[0] / max(sizes))
    if needed > MAX_LETTERS:  # no max_length allows it
        return (
            f"{_pattern_words(pattern, width, vocabulary)}, and no name can have "
            f"{needed:,} letters (max_length is at most {MAX_LETTERS:,}): change "
            "the pattern."
        )
    if width[0] > high * max(sizes):
        fix = f"raise max_length to {needed} or more"
    elif by_prefix:
        fix = "shorten the prefix"
    else:
        fix = f"lower min_length to {width[1] // min(sizes)} or less"
    if length_counts is not None:
        trained = np.flatnonzero(np.asarray(length_counts) > 0)
        fewest = -(-width[0] // max(sizes))
        most = np.inf if width[1] is None else width[1] // min(sizes)
        if not np.any((trained >= fewest) & (trained <= most)):
            fix += (
                " and leave out match_lengths=True (no training name has such a length)"
            )
    return (
        f"{_pattern_words(pattern, width, vocabulary)}, but {words} allow names "
        f"of {_span(low, high)}: {fix}, or change the pattern."
    )


def _check_match_lengths(counts, lengths, bounds, pattern_words):
    """Fail when no length that ``match_lengths`` keeps is allowed.

    ``lengths`` are the fewest and the most letters that the bounds and the
    pattern allow (none when the fewest is more); ``pattern_words``
    what the pattern matches (None without a pattern, or when unknown).
    """
    trained = np.flatnonzero(np.asarray(counts) > 0)
    words, low, high, by_prefix = bounds
    inside = trained[(trained >= low) & (trained <= high)]
    fits = (inside >= lengths[0]) & (inside <= lengths[1])
    if not len(trained) or fits.any():
        return  # a length to keep, or no training name to match
    kept = (
        "match_lengths=True keeps names of the lengths some training name has "
        f"(from {_span(trained[0], trained[-1])})"
    )
    if len(inside):  # the pattern's lengths are no training name's
        raise ValueError(
            f"{pattern_words}, and {kept}; within {words}, no name can meet "
            "both: leave out match_lengths=True, or change the pattern."
        )
    if trained[0] > high:
        fix = f"raise max_length to {trained[0]} or more"
    elif trained[-1] < low and not by_prefix:
        fix = f"lower min_length to {trained[-1]} or less"
    else:
        fix = "shorten the prefix" if by_prefix else "widen the length bounds"
    raise ValueError(
        f"{kept}, and no training name has {_span(low, high)}, the lengths that "
        f"{words} allow: leave out match_lengths=True, or {fix}."
    )


def check_min_label_proba(label, min_label_proba, caller="NameSampler.sample"):
    """Check ``min_label_proba``; whether it leaves out any name.

    Parameters
    ----------
    label : object or None
        The label of the request.
    min_label_proba : float in [0, 1] or None
        The least ``P(label | name)`` a name keeps.
    caller : str, default="NameSampler.sample"
        The method that was passed ``min_label_proba``, for the message.

    Returns
    -------
    rejects : bool
        False when the test keeps every name (no threshold, or 0).

    Raises
    ------
    ValueError
        If ``min_label_proba`` is out of ``[0, 1]``, or given without a label.

    Examples
    --------
    >>> check_min_label_proba("f", 0.5), check_min_label_proba("f", 0)
    (True, False)
    >>> check_min_label_proba(None, 0.5)
    Traceback (most recent call last):
    ...
    ValueError: min_label_proba=0.5 keeps the names whose P(label | name) reaches ...
    """
    validate_parameter_constraints(
        {"min_label_proba": [Interval(Real, 0, 1, closed="both"), None]},
        {"min_label_proba": min_label_proba},
        caller_name=caller,
    )
    if min_label_proba is None:
        return False
    if label is None:
        raise ValueError(
            f"min_label_proba={min_label_proba!r} keeps the names whose "
            "P(label | name) reaches it, so it needs label=... and a sampler "
            "fitted with labels (NameSampler(pipe).fit(names, labels)); pass "
            "a label, or leave min_label_proba=None."
        )
    return min_label_proba != 0


def label_filter_words(label, min_label_proba):
    """What the label test rejects, in words for the errors of a request.

    Examples
    --------
    >>> label_filter_words("f", 0.9)
    "with P('f' | name) >= min_label_proba=0.9 (lower it to accept more names)"
    """
    return (
        f"with P({label!r} | name) >= min_label_proba={min_label_proba} (lower it "
        "to accept more names)"
    )


def name_filter(vocabulary, *, record, pattern, test, typical, match, folded=None):
    """The function that turns drawn ids into kept names, and its words.

    Parameters
    ----------
    vocabulary : tuple of str
        The symbols, in id order.
    record : ndarray of uint64 or None
        The sorted hashes of the training names to leave out (``novel``).
    folded : ndarray of uint64 or None, default=None
        With ``record``, the sorted hashes of the training names case-folded
        (:func:`~sknextchar._training_record.folded_hashes`): a name is then left out
        when its folded form is one of them, so "ANNA" goes with "Anna".
        None compares exactly.
    pattern : str or None
        The pattern, for the words.
    test : callable or None
        :func:`check_pattern` of ``pattern``.
    typical : tuple of (callable, str) or None
        The label test (``passes(ids)`` gives a bool per row) and its words.
    match : callable or None
        :func:`~sknextchar._length_match.length_matcher` (whose ``tally``
        the returned ``keep`` holds too, None without it) of the training
        names' lengths.

    Returns
    -------
    keep : callable
        ``keep(ids)`` gives the names of the rows of ``ids`` that pass every
        test, in order.
    words : list of str
        What the tests other than the length bounds reject; ``keep`` adds to
        the words of ``novel`` the training names it rejected, when they are
        a few drawn over and over (:class:`~sknextchar._training_record.RepeatedNames`).

    Examples
    --------
    >>> import numpy as np
    >>> keep, words = name_filter(("-", "a", "b"), record=None, pattern="a.*",
    ...     test=check_pattern("a.*"), typical=None, match=None)
    >>> keep(np.array([[1, 2], [2, 1], [1, 0]])), words
    (['ab', 'a'], ["matching pattern='a.*'"])

    With the folded record, a case variant of a training name is no new name:

    >>> from sknextchar._training_record import name_record
    >>> vocabulary, anna = ("-", "A", "N", "a", "n"), [np.array([1, 4, 4, 3])]
    >>> record = name_record(anna, vocabulary=vocabulary)
    >>> keep, _ = name_filter(vocabulary, record=record[0], pattern=None,
    ...     test=None, typical=None, match=None, folded=record[3])
    >>> keep(np.array([[1, 2, 2, 1], [1, 4, 4, 3], [1, 4, 3, 0]]))
    ['Ana']
    """
    fold = None if folded is None else fold_map(vocabulary)
    words = _constraint_words(pattern, record, vocabulary, fold is not None)
    spaced = _has_space(vocabulary)
    novel_at = len(words) - 1  # where the words of novel are (when it tests)
    # The training names drawn, for those words.
    repeated = RepeatedNames(partial(decode_rows, vocabulary=vocabulary))

    def keep(ids):
        if record is not None:
            hashes = hash_id_rows(ids)
            if fold is None:
                known = contains(record, hashes)
            else:  # "ANNA" is no new name beside "Anna"
                known = contains(folded, hash_id_rows(folded_ids(ids, fold)))
            repeated.add(ids, known, hashes)
            words[novel_at] = repeated.words(_novel_words(record, fold is not None))
            ids = ids[~known]
        names = decode_rows(ids, vocabulary)
        if spaced:  # whatever keep_spelling: no name starts or ends with a space
            ids, names = unspaced_names(ids, names)
        # Lengths in symbols, the unit of the training lengths (a grapheme
        # is several code points); one name has one length. Only to match
        # them: a plain run of a million names kept a dict of them all.
        length_of = match and dict(zip(names, np.count_nonzero(ids, axis=1).tolist()))
        if typical is not None:
            names = _typical_names(ids, names, test, typical[0])
        elif test is not None:
            names = list(filter(test, names))
        if match is None:
            return names
        return match(names, [length_of[name] for name in names])

    keep.tally = None if match is None else match.tally  # what the thinning did
    if typical is not None:
        words.append(typical[1])
    if match is not None:
        words.append("thinned to the training names' lengths")
    if spaced:
        words.append("without whitespace at either end")
    return keep, words


def unspaced_names(ids, names):
    """The rows of ``ids`` and their ``names`` without whitespace at either end.

    Names never have any: the readers strip their lines, the transformer the
    names of a fit, and a pattern with whitespace at an edge is refused. A
    model whose vocabulary has a space (``"mary ann"``) may still draw one
    first or last; every sampling call leaves such a name out, whatever
    ``keep_spelling`` (whose test of the steps at a name's start and end
    rejects them too, when the sampler keeps the training names' spelling).

    Examples
    --------
    >>> import numpy as np
    >>> ids, names = unspaced_names(np.array([[1], [2], [3]]), ["ann", " ann", "ann "])
    >>> ids.tolist(), names
    ([[1]], ['ann'])
    """
    clean = _unspaced(names)
    if clean.all():
        return ids, names
    return ids[clean], [name for name, kept in zip(names, clean) if kept]


def unspaced_accept(vocabulary, accept=None):
    """The test of a beam search's finished names: ``accept`` (a bool per row
    of ids, or None) and no whitespace at either end (:func:`unspaced_names`).

    None when neither tests: no symbol of ``vocabulary`` is whitespace, and
    ``accept`` is None.

    Examples
    --------
    >>> import numpy as np
    >>> test = unspaced_accept(("-", " ", "a"))
    >>> test(np.array([[2, 1, 2], [1, 2, 2], [2, 2, 1]])).tolist()
    [True, False, False]
    >>> unspaced_accept(("-", "a")) is None
    True
    """
    if not _has_space(vocabulary):
        return accept

    def test(ids):
        clean = _unspaced(decode_rows(ids, vocabulary))
        return clean if accept is None else accept(ids) & clean

    return test


def _has_space(vocabulary):
    """Whether a symbol of ``vocabulary`` (the end marker's aside) has
    whitespace at an edge, so a name may start or end with it."""
    return any(symbol != symbol.strip() for symbol in vocabulary[1:])


def _unspaced(names):
    """A bool per name: True when it has no whitespace at either end."""
    return np.fromiter(
        (name == name.strip() for name in names), dtype=bool, count=len(names)
    )


def _typical_names(ids, names, test, passes):
    """The names that match ``test`` (when not None), then pass ``passes``."""
    keep = np.ones(len(names), dtype=bool)
    if test is not None:
        keep = np.fromiter(map(bool, map(test, names)), dtype=bool, count=len(names))
    keep[keep] = passes(ids[keep])
    return [name for name, kept in zip(names, keep) if kept]


def _constraint_words(pattern, record, vocabulary, any_case=False):
    """What a sampling call rejects besides lengths, in words for its errors."""
    words = []
    if pattern is not None:
        words.append(
            f"matching pattern={quoted_pattern(pattern)}"
            + unwritten_words(pattern, vocabulary)
        )
    if record is not None:
        words.append(_novel_words(record, any_case))  # last: keep() updates it
    return words


def _novel_words(record, any_case=False):
    return f"not among the {len(record):,} training names" + (
        " in any case" if any_case else ""
    )
