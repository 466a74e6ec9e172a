"""The names a sampler counts as training names, and those it leaves out.

``in_training_set`` (and ``sample_report``) ask of any names whether they are
training names, each read as ``fit`` read the training names: a name with a
character the model does not know cannot be one (``handle_unknown="error"``),
so it is new rather than an error, or is read without that character
(``"drop"``: "jean-luc" is "jeanluc") (:func:`encodable_ids`; the report
reads each sample once for both its spelling and its answer:
:func:`read_names`). ``sample`` with
``novel=True`` or ``exclude`` leaves names out, ``exclude`` as the model writes
them (:func:`written_forms`), and its reachability check needs to know which
ones and how many (:func:`left_out_test`). They read the record of
:mod:`sknextchar._training_record` through a fitted transformer, which is why they live
above it.
"""

import copy
import math

import numpy as np
from sklearn.frozen import FrozenEstimator

from ._kept_names import names_as_given
from ._label_lengths import label_length_row
from ._labels import check_label_values, label_classes
from ._placed_names import PlacedNamesError
from ._steps import pipeline_steps, unfreeze
from ._training_record import (
    fold_map,
    folded_ids,
    hash_id_rows,
    padded_ids,
    record_contains,
)
from ._transformer import check_read_names, unknown_symbols
from ._validation import check_bool
from ._vocabulary import decode_rows, is_auto_alphabet

__all__ = [
    "check_unlearned_names",
    "encodable_ids",
    "in_record",
    "label_length_counts",
    "left_out_test",
    "training_hashes",
    "novelty_record",
    "read_names",
    "recorded_names",
    "with_case_readings",
    "written_forms",
]


def encodable_ids(transformer, X, *, ignore_case=False):
    """The padded ids of the names a fitted transformer can encode, and which.

    Names are read as ``fit`` read the training names. With
    ``handle_unknown="error"``, a name with a character outside the vocabulary
    is no training name (``fit`` would have refused it): it is left out here,
    where ``encode`` would fail. With ``handle_unknown="drop"``, ``fit`` read
    "jean-luc" as "jeanluc", so the character is dropped here too; only a name
    left without any character is left out (``fit`` refuses those). With
    ``ignore_case``, an unknown character is first read as another case of it
    that the vocabulary has ("JOSÉ" as "José" when it has "o", "s" and "é" but
    no "O", "S", "É"), which a folded record then finds.
    Other faults of the names still fail.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted.
    X : 1-D array-like of str
        Names.
    ignore_case : bool, default=False
        Read an unknown character as its other case when that one is known.

    Returns
    -------
    ids : ndarray of shape (n_encodable, width)
        The zero-padded ids of the names that can be encoded, in order.
    encodable : ndarray of bool of shape (n_names,)

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["ab"])
    >>> ids, encodable = encodable_ids(t, ["ab", "o'neil", "b"])
    >>> ids.tolist(), encodable.tolist()
    ([[1, 2], [2, 0]], [True, False, True])
    >>> dropping = ContextWindowTransformer(handle_unknown="drop").fit(["ab"])
    >>> ids, encodable = encodable_ids(dropping, ["a-b", "ë", "b"])
    >>> ids.tolist(), encodable.tolist()
    ([[1, 2], [2, 0]], [True, False, True])
    """
    drops = transformer.handle_unknown != "error"
    # encode reads the names as fit did, or fails; dropping would come before
    # the recasing, which then needs the unknown symbols first.
    unknown = unknown_symbols(transformer, X) if ignore_case and drops else {}
    if not unknown:
        try:
            encoded = transformer.encode(X)  # checks the names
        except ValueError:
            unknown, (emptied, _) = unknown_symbols(transformer, X, emptied=True)
            if not unknown:
                raise
        else:
            return padded_ids(encoded)[0], np.ones(len(encoded), dtype=bool)
    texts, unread = list(X), list(unknown)
    if ignore_case:  # read again once recased
        texts = transformer.normalize(texts)
        _other_case(texts, unknown, set(transformer.vocabulary_[1:]))
        unread = _unread(transformer, texts, unknown)
    elif drops:
        unread = emptied.tolist()
    encodable = np.ones(len(texts), dtype=bool)
    encodable[unread] = False
    known = [text for text, k in zip(texts, encodable) if k]
    encoded = transformer.encode(known) if known else []
    return padded_ids(encoded)[0], encodable


def in_record(transformer, X, record, folded=None, ignore_case=False):
    """Which names are training names, each read as ``fit`` read them.

    With ``ignore_case``, a name is also found when its reading with each
    unknown character in a known case (:func:`encodable_ids` with
    ``ignore_case``) is a training name (in any case, with ``folded``): a
    model that keeps case but has no "A" read "Anna" as "nna", which "Anna"
    still finds, as "ANNA" finds "Anna" when it knows "a" but not "A".
    :func:`read_names` gives the same answer with the names as the model
    writes them, from the same reading.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted.
    X : 1-D array-like of str
        Names.
    record : ndarray of uint64
        The sorted hashes of the training names.
    folded : ndarray of uint64 or None, default=None
        Their folded hashes, to ignore case; None compares exactly.
    ignore_case : bool, default=False
        Also read each unknown character as its other case when that is known.

    Returns
    -------
    found : ndarray of bool of shape (n_names,)

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._training_record import name_record
    >>> t = ContextWindowTransformer(handle_unknown="drop").fit(["ab", "b"])
    >>> record = name_record([t.encode(["a-b"])[0]])[0]
    >>> in_record(t, ["a-b", "ab", "b", "--"], record).tolist()
    [True, True, False, False]
    """
    reading = encodable_ids(transformer, X)
    return _found(transformer, X, reading, record, folded, ignore_case)


def read_names(transformer, X, record, folded=None, ignore_case=False):
    """The names as the model writes them, and which are training names.

    One reading of the names serves both: :func:`in_record`'s answer (what
    ``in_training_set`` gives) and :func:`written_forms`' spelling (what
    ``exclude`` compares), for the sample report, which needs both of every
    sample.

    Parameters
    ----------
    transformer, X, record, folded, ignore_case
        As for :func:`in_record` (``X`` a list of names).

    Returns
    -------
    written : list of str
        Each name as :func:`written_forms` writes it.
    found : ndarray of bool of shape (n_names,)
        As :func:`in_record` answers.

    Raises
    ------
    ValueError
        As :func:`in_record` refuses names (:func:`encodable_ids`): an
        :class:`~sknextchar._empty_names.EmptyNamesError` for a name of only
        invisible characters or only the Arabic tatweel (which
        :func:`written_forms` writes as ``""``), and, as :func:`written_forms`,
        an error for a blank name or one with a line break or a control
        character.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer as Reader
    >>> from sknextchar._training_record import name_record
    >>> ab = name_record([np.array([1, 2])])[0]  # the record of "ab"
    >>> written, found = read_names(Reader(handle_unknown="drop").fit(["ab"]),
    ...                             ["A-b", "b", "--"], ab)
    >>> written, found.tolist()
    (['ab', 'b', ''], [True, False, False])
    >>> written, found = read_names(Reader().fit(["ab"]), ["A-b", "AB"], ab)
    >>> written, found.tolist()
    (['a-b', 'ab'], [False, True])
    """
    reading = encodable_ids(transformer, X)
    if transformer.handle_unknown == "drop":  # the reading spells them
        written = _spelled(transformer, reading)
    else:  # the names it can write are written as they read
        written = transformer.normalize(list(X))
    return written, _found(transformer, X, reading, record, folded, ignore_case)


def _found(transformer, X, reading, record, folded, ignore_case):
    """Which names are training names, from their ``reading`` by
    :func:`encodable_ids` (and, with ``ignore_case``, recased)."""
    vocabulary = transformer.vocabulary_
    ids, found = reading
    found = found.copy()
    found[found] = record_contains(ids, record, folded, vocabulary)
    if ignore_case:  # or as read with the unknown letters recased
        ids, recased = encodable_ids(transformer, X, ignore_case=True)
        recased[recased] = record_contains(ids, record, folded, vocabulary)
        found |= recased
    return found


def _spelled(transformer, reading):
    """The names of a reading by :func:`encodable_ids` as the model writes
    them; ``""`` (never written) for a name it cannot encode."""
    ids, encodable = reading
    words = iter(decode_rows(ids, transformer.vocabulary_))
    return [next(words) if known else "" for known in encodable.tolist()]


def recorded_names(transformer, names, labels, weights):
    """The names a weighted fit records, and the names of weight 0 read in any case.

    A name of weight 0 was not learned (as if left out): the model may not
    know some of its characters. It is recorded as ``fit`` reads a training
    name when the model can write it so (:func:`encodable_ids`), and also
    read with case ignored (each unknown character in a known case: "MIRA"
    as "mira" when the model knows "m", "i", "r", "a" only), for the record
    that ``novel=True`` and ``in_training_set(..., ignore_case=True)`` use
    (:func:`with_case_readings`). A name the model cannot write in any case
    is left out of both: no sample can be it. With ``handle_unknown="drop"``
    and ``alphabet="auto"``, so is one with a character the model does not
    know in any case: a weight-0 "Xara" is not "ara" (with a fixed alphabet,
    it is read without that character, as ``fit`` reads a training name).

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted (without the names of weight 0).
    names : list of str
        All the names, checked.
    labels : array-like of shape (n_names,) or None
    weights : ndarray of float64 of shape (n_names,)
        Their weights, checked.

    Returns
    -------
    names, labels, weights
        Those of the names the model can write as ``fit`` reads them.
    readings : ndarray of int of shape (n_readable, width)
        The padded ids of the names of weight 0 read with case ignored.

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer(lowercase=False).fit(["mira"])
    >>> names, _, weights, readings = recorded_names(
    ...     t, ["mira", "rima", "MIRA", "ZOË"], None, np.array([1.0, 0, 0, 0]))
    >>> names, weights.tolist(), decode_rows(readings, t.vocabulary_)
    (['mira', 'rima'], [1.0, 0.0], ['rima', 'mira'])
    """
    zero = np.flatnonzero(weights == 0)
    unlearned = [names[i] for i in zero]
    reader = transformer
    if transformer.handle_unknown == "drop" and is_auto_alphabet(transformer.alphabet):
        # It learned no letter of them: one it lacks is no reason to drop it.
        reader = copy.copy(transformer)
        reader.handle_unknown = "error"
    kept = weights > 0
    kept[zero] = encodable = encodable_ids(reader, unlearned)[1]
    rows = np.flatnonzero(kept)
    labels = None if labels is None else np.asarray(labels)[rows]
    readings = np.zeros((0, 0), dtype=np.intp)  # read alike: recorded already
    if reader.handle_unknown == "drop" or not encodable.all():
        readings = encodable_ids(reader, unlearned, ignore_case=True)[0]
    return [names[i] for i in rows], labels, weights[rows], readings


def check_unlearned_names(estimator, names, weights, *, given=None):
    """Refuse, before a fit, the names of weight 0 that the model reads as nothing.

    A name of weight 0 is not learned, and one the model cannot write is
    not recorded; but a name of only invisible characters (a zero-width
    space) or whitespace is no name at all, a fault of the data that a fit
    refuses in any name: it is refused here, before the training, as the
    check of each name refuses one of weight 0 that holds only spaces. The
    error names every name so read, whatever its weight, as a fit does.

    Parameters
    ----------
    estimator : Pipeline or FrozenEstimator
        The pipeline to fit, its transformer reading the names as its fit
        reads them; or a fitted one that is kept (a ``FrozenEstimator``, a
        resumed run's), reading them as its ``encode`` does.
    names : list of str or None
        All the names, checked; None: no name weighs 0.
    weights : ndarray of shape (n_names,) or None
        Their weights, checked; None: no name weighs 0.
    given : 1-D array-like of str or None, default=None
        The names as the caller passed them (a Series: placed by its index
        labels too).

    Raises
    ------
    EmptyNamesError
        Its names numbered among ``names``, as in ``given``.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
    >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    >>> check_unlearned_names(pipe, ["asha", "\u200b", "x"], np.array([1.0, 0, 1]))
    Traceback (most recent call last):
    ...
    sknextchar._empty_names.EmptyNamesError: ... names[1]='\u200b'. Remove it.
    """
    if names is None or weights is None:
        return
    zero = np.flatnonzero(np.asarray(weights) == 0)
    if not len(zero):
        return
    transformer = pipeline_steps(unfreeze(estimator))[0]
    fitting = not isinstance(estimator, FrozenEstimator)  # else kept: encoded
    with names_as_given(names if given is None else given):
        try:
            check_read_names(transformer, [names[i] for i in zero], fitting=fitting)
        except PlacedNamesError:  # with those of weight above 0, as a fit says
            check_read_names(transformer, names, fitting=fitting)
            raise  # pragma: no cover (the same reading refuses them)


def with_case_readings(record, folded, readings, vocabulary):
    """The records of the training names with names read in any case added.

    The readings go to the record of the names case-folded; for a vocabulary
    without case (no such record), to the record itself, which then answers
    with case ignored: a model that knows only "m", "i", "r", "a" can write
    "MIRA" in one case only.

    Parameters
    ----------
    record : ndarray of uint64
        The sorted hashes of the training names.
    folded : ndarray of uint64 or None
        Their hashes case-folded; None for a vocabulary without case.
    readings : ndarray of int of shape (n, width)
        Padded ids of names (:func:`recorded_names`).
    vocabulary : sequence of str

    Returns
    -------
    record, folded : ndarray of uint64 or None

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar._training_record import name_record
    >>> record = name_record([np.array([1, 2])])[0]
    >>> more = with_case_readings(record, None, np.array([[2, 1]]), ("-", "a", "b"))
    >>> len(more[0]), more[1]
    (2, None)
    """
    fold = fold_map(vocabulary)
    if fold is None:
        return np.union1d(record, hash_id_rows(readings)), folded
    return record, np.union1d(folded, hash_id_rows(folded_ids(readings, fold)))


def written_forms(transformer, X):
    """The names as the model writes them, for ``exclude`` to compare.

    A sampled name is the string of its ids; a name to exclude is read as
    ``fit`` reads a training name (:func:`encodable_ids`) and written back, so
    that "jean-luc" excludes the "jeanluc" of a model that drops the hyphen
    (``handle_unknown="drop"``), as ``novel=True`` leaves it out when it was a
    training name.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted.
    X : list of str
        Names (checked: strings without line breaks).

    Returns
    -------
    written : list of str
        Each name as the model writes it. A name the model reads as nothing
        (only what :meth:`~ContextWindowTransformer.normalize` removes, or,
        with ``"drop"``, only characters it drops) is ``""``, one it never
        writes, for the caller to ignore. With ``handle_unknown="error"``,
        each name is its ``normalize`` form (a name with a character the
        model does not know is one it never writes).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> dropping = ContextWindowTransformer(handle_unknown="drop").fit(["ab"])
    >>> written_forms(dropping, ["A-b", "--", "b"])
    ['ab', '', 'b']
    >>> written_forms(ContextWindowTransformer().fit(["ab"]), ["A-b", "b"])
    ['a-b', 'b']
    """
    texts = transformer.normalize(list(X))
    if transformer.handle_unknown != "drop":
        return texts  # the names it can write are written as they read
    read = [i for i, text in enumerate(texts) if text]  # "" is never written
    if not read:
        return texts
    reading = encodable_ids(transformer, [texts[i] for i in read])
    for i, word in zip(read, _spelled(transformer, reading)):
        texts[i] = word
    return texts


def _unread(transformer, texts, unknown):
    """The positions of the names ``texts`` (normalised) that are no training
    name for what they hold outside the vocabulary (``unknown``, by position):
    every one with ``handle_unknown="error"``; with ``"drop"``, those that
    dropping leaves without any character."""
    unread = list(unknown)
    if transformer.handle_unknown != "drop" or not unread:
        return unread
    _, (emptied, _) = unknown_symbols(
        transformer, [texts[i] for i in unread], emptied=True
    )
    return [unread[i] for i in emptied.tolist()]


def _other_case(texts, unknown, known):
    """Spell, in place, the unknown symbols of ``texts`` in another case that
    is ``known``; keep in ``unknown`` only the symbols that have none (which
    ``"drop"`` then drops), and drop the names that have none left."""
    for i, symbols in list(unknown.items()):
        text, left = texts[i], set()
        for symbol in symbols:
            cases = (symbol.lower(), symbol.upper(), symbol.title())
            other = next((case for case in cases if case in known), None)
            if other is None:
                left.add(symbol)
            else:
                text = text.replace(symbol, other)
        texts[i] = text
        if left:
            unknown[i] = left
        else:
            del unknown[i]


def left_out_test(sampler, novel, exclude):
    """What ``novel`` and ``exclude`` leave out, for the reachability check.

    Parameters
    ----------
    sampler : NameSampler
        Fitted; with ``novel``, with a record of its names (checked before).
    novel : bool
        Whether the training names are left out: in any case with the record
        of the names case-folded, as ``sample(novel=True)`` does.
    exclude : collection of str
        The names of ``exclude`` as the model writes them
        (:func:`written_forms`).

    Returns
    -------
    left_out : tuple of (callable, float, str) or None
        ``(test, at_most, words)`` for
        :func:`~sknextchar._generation.check_reachable`: ``test(ids)`` is True
        for the rows of ids that are left out, at most ``at_most`` names
        (infinite with the folded record: every case variant); None when
        nothing is.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...     NameSampler)
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...     KneserNeyClassifier())).fit(["ab"])
    >>> test, at_most, words = left_out_test(sampler, True, {"b"})
    >>> test(np.array([[1, 2], [2, 0], [1, 0]])).tolist(), at_most
    ([True, True, False], 2)
    >>> words
    'training names (novel=True) or excluded names (exclude=...)'
    """
    record = sampler.training_name_hashes_ if novel else None
    if record is None and not exclude:
        return None
    folded = getattr(sampler, "training_name_folded_hashes_", None)
    vocabulary = sampler.vocabulary_

    def test(ids):
        out = np.zeros(len(ids), dtype=bool)
        if record is not None:
            out |= record_contains(ids, record, folded, vocabulary)
        if exclude:
            names = decode_rows(ids, vocabulary)
            out |= np.fromiter((n in exclude for n in names), bool, len(names))
        return out

    n_record = 0 if record is None else len(record)
    words = [
        *(["training names (novel=True)"] if record is not None else []),
        *(["excluded names (exclude=...)"] if exclude else []),
    ]
    at_most = math.inf if record is not None and folded is not None else n_record
    return test, at_most + len(exclude), " or ".join(words)


# What each caller of training_hashes needs of the record, and what else to do.
_RECORD_USES = {
    "novel=True": ("names", "pass the names to exclude= instead"),
    "in_training_set": (
        "names",
        "compare the names with the training names themselves",
    ),
    "match_lengths=True": ("names' lengths", "leave out match_lengths=True"),
}


def training_hashes(sampler, use="novel=True"):
    """The sorted hashes of a fitted sampler's training names; refused when it
    has none, saying why and what to do.

    A sampler of :func:`~sknextchar.train_from_file` (``return_sampler=True``)
    keeps the lengths of its names only; one fitted on no names, or saved
    before 0.2.0, keeps neither.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    use : {"novel=True", "in_training_set", "match_lengths=True"}, \
            default="novel=True"
        What asks for the record, as the user spelled it; the message says
        what it needs and what else to do. ``"match_lengths=True"`` needs
        the length counts only (call it when those are missing).

    Returns
    -------
    record : ndarray of uint64
        ``sampler.training_name_hashes_``.

    Raises
    ------
    ValueError
        When the sampler has no record of its training names.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> training_hashes(SimpleNamespace(training_name_hashes_=[7]))
    [7]
    >>> training_hashes(SimpleNamespace(training_name_hashes_=None,
    ...     training_length_counts_=[0, 4]), "in_training_set")
    Traceback (most recent call last):
    ...
    ValueError: This NameSampler has no record of its training names, which ...
    >>> training_hashes(SimpleNamespace(training_name_hashes_=None,
    ...     training_length_counts_=None), "match_lengths=True")
    Traceback (most recent call last):
    ...
    ValueError: ... or leave out match_lengths=True.
    """
    record = getattr(sampler, "training_name_hashes_", None)
    if record is not None:
        return record
    what, instead = _RECORD_USES[use]
    if getattr(sampler, "training_length_counts_", None) is not None:
        why = (
            "it was trained by train_from_file(..., return_sampler=True), which "
            "reads the names a chunk at a time and keeps only their lengths"
        )
    else:
        why = (
            "it was fitted on no names (e.g. a fitted pipeline wrapped with "
            "fit([])) or saved by sknextchar before 0.2.0"
        )
    raise ValueError(
        f"This NameSampler has no record of its training {what}, which {use} "
        f"needs: {why}. Fit it on the training names "
        "(NameSampler(FrozenEstimator(pipe)).fit(names) records them without "
        f"refitting the pipeline), or {instead}."
    )


def novelty_record(sampler, novel, label):
    """What ``novel=True`` leaves out: the record of the training names and
    its case-folded form, or ``(None, None)`` when ``novel`` is False.

    One check for ``NameSampler.sample`` and ``most_likely``: without a
    record (:func:`training_hashes`), or with a ``label`` the sampler was given
    no training names of, ``novel=True`` cannot tell the training names and
    fails.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    novel : bool
        Whether the training names are left out (checked).
    label : object or None
        The label asked for, or None.

    Returns
    -------
    record : ndarray of uint64 or None
        The sorted hashes of the training names; None when not ``novel``.
    folded : ndarray of uint64 or None
        Their hashes case-folded (None for a vocabulary without case).

    Raises
    ------
    ValueError
        When the sampler has no record of its training names, or none of
        ``label``'s.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> sampler = SimpleNamespace(training_name_hashes_=[7],
    ...     training_name_folded_hashes_=None, training_length_counts_=[0, 1])
    >>> novelty_record(sampler, True, None), novelty_record(sampler, False, None)
    (([7], None), (None, None))
    >>> novelty_record(sampler, "yes", None)
    Traceback (most recent call last):
    ...
    TypeError: novel must be True or False; got 'yes'.
    """
    if not check_bool(novel, "novel"):
        return None, None
    record = training_hashes(sampler)
    label_length_counts(sampler, label, "novel")  # no names of the label: fail
    return record, getattr(sampler, "training_name_folded_hashes_", None)


def label_length_counts(sampler, label, use="match_lengths"):
    """A fitted sampler's training names' length counts; with a label, of its
    names only.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    label : object or None
        A label of the sampler's model, or None for all the names.
    use : str, default="match_lengths"
        What the counts are for, named in the error when the sampler was
        given no training names of ``label`` (as ``sample_report`` says).

    Returns
    -------
    counts : ndarray of int64 or None
        ``counts[k]`` training names (of ``label``) have ``k`` letters; None
        for a sampler without them (fitted on no names, saved before 0.2.0).

    Raises
    ------
    ValueError
        For a label the model does not know, or one without training names.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import ContextWindowTransformer as Reader
    >>> from sknextchar import KneserNeyClassifier, NameSampler
    >>> pipe = make_pipeline(Reader(), KneserNeyClassifier())
    >>> sampler = NameSampler(pipe).fit(["ab", "abc", "b"])  # of 1, 2, 3 letters
    >>> label_length_counts(sampler, None).tolist()
    [0, 1, 1, 1]
    """
    if label is None:
        return sampler.training_length_counts_
    model = pipeline_steps(unfreeze(sampler.estimator_))[-1]
    index = check_label_values(model, label, 1)[0]
    return label_length_row(sampler, label_classes(model), index, label, use)
