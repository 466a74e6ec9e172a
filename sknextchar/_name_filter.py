"""The rejection tests of ``NameSampler.sample``: which drawn names it keeps.

A call draws names as rows of symbol ids and keeps those that pass, in this
order: not a training name (``novel``: the record of :mod:`sknextchar._novelty`),
a full match of ``pattern``, ``P(label | name) >= min_label_proba`` (the test of
:mod:`sknextchar._label_posterior`), and the thinning to the training names'
lengths (``match_lengths``). The sampler builds each test from its fitted state;
this module checks the arguments of the tests, applies them to a batch of drawn
ids (:func:`name_filter`) and says what they reject, for the message of a request
that cannot be met. It knows no estimator.
"""

import re
import unicodedata
from functools import partial
from numbers import Real

import numpy as np

from ._compat import Interval, validate_parameter_constraints
from ._novelty import RepeatedNames, contains, fold_map, folded_ids, hash_id_rows
from ._text import look_alikes
from ._vocabulary import decode_rows

__all__ = [
    "check_min_label_proba",
    "check_pattern",
    "label_filter_words",
    "length_matcher",
    "name_filter",
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
            f"{type(pattern).__name__} {pattern!r}."
        )
    try:  # in NFC, as the names are: a pattern typed in NFD matches them too
        return re.compile(unicodedata.normalize("NFC", pattern)).fullmatch
    except re.error as error:
        raise ValueError(
            f"pattern={pattern!r} is not a valid regular expression ({error}); "
            "see https://docs.python.org/3/library/re.html for the syntax."
        ) from None


def length_matcher(target_counts, *, min_length, max_length, rng):
    """A filter that gives kept names the length distribution of ``target_counts``.

    Rejection by length: a name of ``k`` letters is kept with probability
    ``w_k = (q_k / p_k) / max_j (q_j / p_j)``, where ``q`` is the target length
    distribution (restricted to ``[min_length, max_length]``) and ``p`` the
    length distribution of the names offered so far (estimated from every name
    the filter has seen). Within each length the names keep their proportions,
    so the names kept follow ``p(name | k) * q_k``: the sampler's names with the
    target's lengths. A length the sampler never produces cannot be matched.

    Parameters
    ----------
    target_counts : array-like of int
        ``target_counts[k]`` names of the target have ``k`` letters.
    min_length, max_length : int
        The length bounds; target lengths outside them are ignored.
    rng : numpy.random.Generator or numpy.random.RandomState
        Draws one uniform number per name offered.

    Returns
    -------
    keep : callable
        ``keep(names, lengths=None)`` returns the names kept, in order;
        ``lengths`` are their lengths in the model's symbols (graphemes for a
        grapheme model), the unit of ``target_counts``; None counts code points.

    Examples
    --------
    >>> import numpy as np
    >>> keep = length_matcher([0, 1, 1], min_length=1, max_length=2,
    ...                       rng=np.random.default_rng(0))
    >>> kept = keep(["a"] * 900 + ["ab"] * 100)  # offered 9:1, target 1:1
    >>> kept.count("ab"), 80 < kept.count("a") < 120
    (100, True)
    """
    # Sized by the target's lengths, not max_length: a longer name has q = 0.
    q = np.asarray(target_counts, dtype=np.float64)[: max_length + 1].copy()
    q[:min_length] = 0.0
    seen = np.zeros(len(q))

    def keep(names, lengths=None):
        if lengths is None:
            lengths = np.fromiter(map(len, names), dtype=np.intp, count=len(names))
        lengths = np.asarray(lengths, dtype=np.intp)
        inside = lengths < len(q)
        seen[:] += np.bincount(lengths[inside], minlength=len(q))
        ratio = np.divide(q, seen, out=np.zeros_like(q), where=seen > 0)
        if not ratio.any():
            return []
        weight = np.zeros(len(names))
        weight[inside] = (ratio / ratio.max())[lengths[inside]]
        kept = rng.random(len(names)) < weight
        return [name for name, k in zip(names, kept) if k]

    return keep


def check_min_label_proba(label, min_label_proba):
    """Check ``min_label_proba``; whether it leaves out any name.

    Parameters
    ----------
    label : object or None
        The label of the request.
    min_label_proba : float in [0, 1] or None
        The least ``P(label | name)`` a name keeps.

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
        caller_name="NameSampler.sample",
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
        (:func:`~sknextchar._novelty.folded_hashes`): a name is then left out
        when its folded form is one of them, so "ANNA" goes with "Anna".
        None compares exactly.
    pattern : str or None
        The pattern, for the words.
    test : callable or None
        :func:`check_pattern` of ``pattern``.
    typical : tuple of (callable, str) or None
        The label test (``passes(ids)`` gives a bool per row) and its words.
    match : callable or None
        :func:`length_matcher` of the training names' lengths.

    Returns
    -------
    keep : callable
        ``keep(ids)`` gives the names of the rows of ``ids`` that pass every
        test, in order.
    words : list of str
        What the tests other than the length bounds reject; ``keep`` adds to
        the words of ``novel`` the training names it rejected, when they are
        a few drawn over and over (:class:`~sknextchar._novelty.RepeatedNames`).

    Examples
    --------
    >>> import numpy as np
    >>> keep, words = name_filter(("-", "a", "b"), record=None, pattern="a.*",
    ...     test=check_pattern("a.*"), typical=None, match=None)
    >>> keep(np.array([[1, 2], [2, 1], [1, 0]])), words
    (['ab', 'a'], ["matching pattern 'a.*'"])

    With the folded record, a case variant of a training name is no new name:

    >>> from sknextchar._novelty import name_record
    >>> vocabulary, anna = ("-", "A", "N", "a", "n"), [np.array([1, 4, 4, 3])]
    >>> record = name_record(anna, vocabulary=vocabulary)
    >>> keep, _ = name_filter(vocabulary, record=record[0], pattern=None,
    ...     test=None, typical=None, match=None, folded=record[3])
    >>> keep(np.array([[1, 2, 2, 1], [1, 4, 4, 3], [1, 4, 3, 0]]))
    ['Ana']
    """
    fold = None if folded is None else fold_map(vocabulary)
    words = _constraint_words(pattern, record, vocabulary, fold is not None)
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
        # Lengths in symbols, the unit of the training lengths (a grapheme
        # is several code points); one name has one length.
        length_of = dict(zip(names, np.count_nonzero(ids, axis=1).tolist()))
        if typical is not None:
            names = _typical_names(ids, names, test, typical[0])
        elif test is not None:
            names = list(filter(test, names))
        if match is None:
            return names
        return match(names, [length_of[name] for name in names])

    if typical is not None:
        words.append(typical[1])
    if match is not None:
        words.append("thinned to the training names' lengths")
    return keep, words


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
        words.append(f"matching pattern {pattern!r}" + _unwritten(pattern, vocabulary))
    if record is not None:
        words.append(_novel_words(record, any_case))  # last: keep() updates it
    return words


def _novel_words(record, any_case=False):
    return f"not among the {len(record):,} training names" + (
        " in any case" if any_case else ""
    )


# What a pattern spells other than letters to match: an escape (\\S), a
# group's name, a flag group.
_NOT_LETTERS = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?[a-zA-Z-]+[:)]")


def _unwritten(pattern, vocabulary):
    """Words on the letters ``pattern`` names that no drawn name holds: a
    capital for a model of lowercased names, a letter it never learned.

    Examples
    --------
    >>> _unwritten("José.*", ("-", "j", "o", "s", "é"))
    " (it names 'J', which the model never writes: it writes names in lowercase)"
    >>> _unwritten("jos[^x].*", ("-", "j", "o", "s")), _unwritten("(?i)J.*", ("-", "j"))
    ('', '')
    >>> print(_unwritten("o’b.*", ("-", "'", "b", "o")))
     (it names '’', which the model never writes: it writes "'" for '’')
    >>> "(?i)" in _unwritten("an.*", ("-", "A", "a", "n"))  # it writes "An..."
    True
    """
    if re.search(r"\(\?[a-zA-Z]*i", pattern):  # a flag that ignores case
        return ""
    known = set("".join(vocabulary[1:]))
    letters = _NOT_LETTERS.sub("", re.sub(r"\[\^[^]]*\]", "", pattern))
    chars = set(unicodedata.normalize("NFC", letters)) - known
    similar = look_alikes(sorted(chars), known)
    missing = sorted(
        char
        for char in chars
        if char.isalpha()
        and "FINAL" not in unicodedata.name(char, "")  # written at a word's end
    ) + [char for char, _ in similar]
    if not missing:
        return _case_words(letters, known)
    why = ""
    if all(not char.islower() and char.lower() in known for char in missing):
        why = ": it writes names in lowercase"
    elif similar:
        why = ": it writes " + ", ".join(
            f"{plain!r} for {char!r}" for char, plain in similar
        )
    shown = ", ".join(map(repr, missing))
    return f" (it names {shown}, which the model never writes{why})"


def _case_words(letters, known):
    """Words for a pattern in lowercase only, to a model that writes capitals."""
    cased = [char for char in letters if char.lower() != char.upper()]
    writes_capitals = any(char.isupper() for char in known)
    if not writes_capitals or not cased or any(map(str.isupper, cased)):
        return ""
    return (
        " (patterns tell case apart, and the model writes capitals: (?i) at the "
        "start of the pattern ignores case)"
    )
