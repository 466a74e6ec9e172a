"""The names a sampler counts as training names, and those it leaves out.

``in_training_set`` (and ``sample_report``) ask of any names whether they are
training names: a name with a character the model does not know cannot be one,
so it is new rather than an error (:func:`encodable_ids`). ``sample`` with
``novel=True`` or ``exclude`` leaves names out, and its reachability check needs
to know which ones and how many (:func:`left_out_test`). Both read the record of
:mod:`sknextchar._novelty` through a fitted transformer, which is why they live
above it.
"""

import math

import numpy as np

from ._novelty import padded_ids, record_contains
from ._transformer import unknown_symbols
from ._vocabulary import decode_rows

__all__ = ["encodable_ids", "left_out_test"]


def encodable_ids(transformer, X, *, ignore_case=False):
    """The padded ids of the names a fitted transformer can encode, and which.

    A name with a character outside the vocabulary is no training name: it is
    left out here, where ``encode`` would fail (``handle_unknown="error"``) or
    would drop the character (``handle_unknown="drop"``, which would read
    "zoë" as the training name "zo"). With ``ignore_case``, such a character
    is first read as another case of it that the vocabulary has ("JOSÉ" as
    "José" when it has "o", "s" and "é" but no "O", "S", "É"), which a folded
    record then finds.
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
    >>> encodable_ids(dropping, ["ab", "aëb"])[1].tolist()
    [True, False]
    """
    unknown = {}
    if transformer.handle_unknown != "error":  # encode would drop the symbols
        unknown = unknown_symbols(transformer, X)
    if not unknown:
        try:
            encoded = transformer.encode(X)  # checks the names
        except ValueError:
            unknown = unknown_symbols(transformer, X)
            if not unknown:
                raise
        else:
            return padded_ids(encoded)[0], np.ones(len(encoded), dtype=bool)
    texts = transformer.normalize(list(X))
    if ignore_case:
        _other_case(texts, unknown, set(transformer.vocabulary_[1:]))
    encodable = np.ones(len(texts), dtype=bool)
    encodable[list(unknown)] = False
    known = [text for text, k in zip(texts, encodable) if k]
    encoded = transformer.encode(known) if known else []
    return padded_ids(encoded)[0], encodable


def _other_case(texts, unknown, known):
    """Spell, in place, the unknown symbols of ``texts`` in another case that
    is ``known``; drop from ``unknown`` the names that have none left."""
    for i, symbols in list(unknown.items()):
        text = texts[i]
        for symbol in symbols:
            cases = (symbol.lower(), symbol.upper(), symbol.title())
            other = next((case for case in cases if case in known), None)
            if other is None:
                break
            text = text.replace(symbol, other)
        else:
            texts[i] = text
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
        The names of ``exclude``, normalised.

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
