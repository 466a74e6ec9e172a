"""The record of a file's names that a sampler keeps, built a pass at a time.

:meth:`NameSampler.fit <sknextchar.NameSampler.fit>` keeps a record of the
names it is given in memory: their length counts (``training_length_counts_``:
the default length bounds and ``match_lengths``), the length counts of the
names of each common prefix (``training_prefix_lengths_``) and their spelling
(``training_transitions_``). :func:`~sknextchar.train_from_file` reads its file
a chunk at a time, in passes over it: :class:`ChunkedRecord` builds the same
records from those passes, in memory bounded by the records themselves.

The length counts and the spelling are built in one pass (memory: the longest
name, the vocabulary). Each chunk's names are encoded, and a pass at depth
``d`` pads only the first ``d`` symbols of the names at least ``d`` long:
memory holds the chunk's symbols, never the chunk times its longest name (a
chunk of names of weight 0 only is skipped). The table of prefixes is built
one depth per pass: the pass at depth ``d`` counts the names of each prefix of
``d`` symbols whose first ``d - 1`` are a prefix kept at depth ``d - 1``, and
keeps those that at least
:data:`~sknextchar._prefix_lengths.MIN_PREFIX_NAMES` names start with (as
``fit`` counts them: their weights over the weight of one name). Memory
holds the kept prefixes and the counts of their one-symbol extensions
met in the file: at most the table that is kept (``total letters /
MIN_PREFIX_NAMES`` rows) times the vocabulary, whatever the number of names.
The training's passes over the file serve (a depth each); the depths left when
it ends take passes of their own (reading and encoding the names only; a
progress line each, given ``progress``): the longest common prefix's symbols
plus one in all, and never more than the longest name's symbols. They stop at
the first depth that keeps no prefix.

A name of weight 0 (a count of 0) is left out, as ``fit`` leaves it out. The
counts of whole weights are exactly ``fit``'s; fractional weights are added in
file order, where ``fit`` adds a prefix's in the order of the names' symbols:
the prefix table's sums may then differ from ``fit``'s in the last bits.
"""

import contextlib
import math
import time

import numpy as np

from ._prefix_lengths import BLEND_NAMES, MIN_PREFIX_NAMES, enough_names, prefix_table
from ._sample_weight import name_weight_of_sum
from ._spelling import SpellingRecorder
from ._training_record import hash_id_rows, padded_ids

__all__ = ["ChunkedRecord"]


class ChunkedRecord:
    """The records ``NameSampler.fit`` keeps, from passes over a file's chunks.

    Parameters
    ----------
    windows : ContextWindowTransformer
        Fitted: it spells the names as ``fit``'s sampler spells them.
    min_names : int, default=MIN_PREFIX_NAMES
        The fewest names a prefix of the table must have, counted in names
        of weight :attr:`unit`, as ``fit`` counts them.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer().fit(["ab"])
    >>> chunks = lambda: iter([(["ab", "abb"], None), (["b"], None)])
    >>> record = ChunkedRecord(t, min_names=2)
    >>> record.finish(chunks)
    >>> record.length_counts().tolist(), record.table()["keys"].size
    ([0, 1, 1, 1], 2)
    """

    def __init__(self, windows, min_names=MIN_PREFIX_NAMES):
        self.windows, self.min_names = windows, int(min_names)
        self.lengths = self.spelling = None  # after the first pass
        self.depth, self.done = 0, False  # the depths of the table counted
        self.n_kept = 0  # the prefixes kept at the last depth counted
        self._parents = np.zeros(0, dtype=np.uint64)  # the kept prefixes at depth
        self._keys, self._counts = [], []  # the kept rows, a list per depth
        self._whole, self._weights, self._n_names = True, [], 0

    def watching(self, chunks):
        """``chunks()`` (a pass of ``(names, weights or None)``), each pass of
        which records the next part, when the pass is read to its end."""

        def watched():
            passing = chunks()
            return passing if self.done else self._recorded(passing)

        return watched

    def finish(self, chunks, progress=None):
        """Read the passes over ``chunks()`` that the record still needs, each
        told to ``progress.prefix_pass(depth, n_kept, seconds)`` if given."""
        watched = self.watching(chunks)
        while not self.done:
            start = time.perf_counter()
            for _ in watched():
                pass
            if progress is not None:
                seconds = time.perf_counter() - start
                progress.prefix_pass(self.depth, self.n_kept, seconds)

    def _recorded(self, passing):
        first, depth = self.lengths is None, self.depth + 1
        tally = _PrefixTally()
        lengths, spelling = np.zeros(0), SpellingRecorder(self.windows.vocabulary_)
        for chunk, weights in passing:
            if weights is None:
                kept, w = chunk, np.ones(len(chunk))
            else:  # by index: an array of the chunk would pad every name
                at = np.flatnonzero(weights > 0)
                kept, w = [chunk[i] for i in at], weights[at]
            if len(kept):  # a chunk of names of count 0 only records nothing
                encoded = self.windows.encode(list(kept))
                n_symbols = np.fromiter(map(len, encoded), np.intp, len(encoded))
                if first:
                    spelling.add(encoded)
                    lengths = _grown(lengths, int(n_symbols.max()) + 1)
                    np.add.at(lengths, n_symbols, w)  # in file order, as bincount
                    self._whole &= bool(np.all(w == np.rint(w)))
                    self._weights.append(math.fsum(w))
                    self._n_names += len(w)
                self._tally(tally, encoded, n_symbols, w, depth)
            yield chunk, weights
        if first:  # the pass was read to its end
            self.lengths, self.spelling = lengths, spelling.record()
        self._commit(tally, depth)

    def _tally(self, tally, encoded, n_symbols, w, depth):
        """Count the names of each prefix of ``depth`` symbols of a chunk (only
        the first ``depth`` symbols of each name are padded and hashed)."""
        below = np.flatnonzero(n_symbols >= depth)
        ids, _ = padded_ids([encoded[i][:depth] for i in below])
        if depth > 1 and len(below):  # only under a prefix kept at the depth above
            under = np.isin(hash_id_rows(ids[:, : depth - 1]), self._parents)
            below, ids = below[under], ids[under]
        tally.add(hash_id_rows(ids), n_symbols[below], w[below])

    def _commit(self, tally, depth):
        common = enough_names(tally.counts.sum(axis=1), self.unit, self.min_names)
        self.depth, self.n_kept = depth, int(common.sum())
        if common.any():
            self._keys.append(tally.keys[common])
            self._counts.append(tally.counts[common])
            self._parents = tally.keys[common]  # sorted, as np.unique gives them
        longest = len(self.lengths) - 1
        self.done = not common.any() or depth >= longest

    @property
    def unit(self):
        """The weight of one name, ``training_name_weight_``, as ``fit``
        tells it (:func:`~sknextchar._sample_weight.name_weight_of_sum`);
        1.0 before any name."""
        return name_weight_of_sum(math.fsum(self._weights), self._n_names)

    @property
    def dtype(self):
        """int64 for whole weights (``fit``'s counts then), else float64."""
        return np.dtype(np.int64 if self._whole else np.float64)

    def length_counts(self):
        """``training_length_counts_``: ``counts[k]`` names have ``k`` symbols."""
        return self.lengths.astype(self.dtype)

    def table(self, blend_names=BLEND_NAMES):
        """``training_prefix_lengths_``, as :func:`prefix_lengths` builds it."""
        width = len(self.lengths)
        counts = [_grown(c, width, axis=1) for c in self._counts]
        keys = np.concatenate([np.zeros(0, dtype=np.uint64), *self._keys])
        counts = np.concatenate([np.zeros((0, width)), *counts]).astype(self.dtype)
        blend = float(blend_names) * self.unit
        return prefix_table(keys, counts, self.min_names, blend)

    @contextlib.contextmanager
    def given_when_stopped(self):
        """Run a block; a KeyboardInterrupt out of it, or the error of a file
        that changed after an epoch ended (its ``not_kept`` sentence said, see
        :class:`~sknextchar._file_passes.FilePasses`), carries this record
        (its ``chunk_record`` attribute), so the caller can keep what is
        complete."""
        try:
            yield self
        except KeyboardInterrupt as stop:
            stop.chunk_record = self
            raise
        except (ValueError, OSError) as error:
            if getattr(error, "not_kept", ""):  # its complete parts: the file as it was
                error.chunk_record = self
            raise

    def fill_finished(self, sampler):
        """Give a sampler fitted on no names the records complete so far.

        The length counts and the spelling once the first pass ended; the
        prefix table once all its depths are counted, else None (``sample``
        then matches all the names' lengths after a prefix). None (the sampler
        left as it was) before the first pass ended.
        """
        if self.lengths is None:
            return None
        sampler.training_length_counts_ = self.length_counts()
        sampler.training_name_weight_ = self.unit
        sampler.training_prefix_lengths_ = self.table() if self.done else None
        sampler.training_transitions_ = self.spelling
        return sampler

    def fill(self, sampler):
        """Give a sampler fitted on no names the records of the file's names."""
        sampler.training_length_counts_ = self.length_counts()
        sampler.training_name_weight_ = self.unit
        sampler.training_prefix_lengths_ = self.table()
        sampler.training_transitions_ = self.spelling
        return sampler


class _PrefixTally:
    """The length counts (weighted) of the names of each prefix of one depth,
    by hash of the prefix, summed over the chunks of a pass."""

    def __init__(self):
        self.keys = np.zeros(0, dtype=np.uint64)
        self.counts = np.zeros((0, 1))

    def add(self, keys, n_symbols, w):
        if not len(keys):
            return
        merged = np.union1d(self.keys, keys)
        width = max(self.counts.shape[1], int(n_symbols.max()) + 1)
        counts = np.zeros((len(merged), width))
        old = np.searchsorted(merged, self.keys)
        counts[old, : self.counts.shape[1]] = self.counts
        row = np.searchsorted(merged, keys)
        np.add.at(counts, (row, n_symbols), w)  # in file order
        self.keys, self.counts = merged, counts


def _grown(counts, width, axis=0):
    """``counts`` with zeros after it, up to ``width`` along ``axis``."""
    more = width - counts.shape[axis]
    if more <= 0:
        return counts
    pad = [(0, 0)] * counts.ndim
    pad[axis] = (0, more)
    return np.pad(counts, pad)
