"""The first pass of training from a file: the vocabulary of all its names.

:func:`first_pass` reads a file of names one chunk at a time before any
training (:func:`~sknextchar.train_from_file`): it checks every chunk, reports
the characters outside a given alphabet in all of them at once, as a fit on all
the names would, and fits the transformer on a few names that hold every symbol
of the file, so that with ``alphabet="auto"`` its vocabulary is the whole
file's. A name of a chunk's error is numbered from the start of the file.
"""

import contextlib
import itertools
import re

from sklearn.base import clone

from ._gathered_names import GatheredWarnings
from ._pipeline import spelled_in_pipeline
from ._text import MAX_REPORTED, quoted
from ._transformer import unknown_symbols, unknown_symbols_message
from ._unknown_advice import drop_refused
from ._validation import element_place

__all__ = ["first_pass"]


def first_pass(windows, chunks, path, names_column=None, check_names=None, step=None):
    """Fix the vocabulary from every chunk; returns the chunk and name counts.

    Each chunk is checked by a clone of the transformer (an unknown character
    fails here, before any training: the unknown characters of every chunk,
    after the pass, as a fit on the whole file names them); the transformer is
    then fitted on one name of the file for each of its symbols, so that with
    ``alphabet="auto"`` its vocabulary is that of the whole file. A transformer
    that is already fitted (a resumed run) keeps its vocabulary: each chunk is
    encoded with it, and a symbol of the file outside it fails here, as it
    would in training. The names a fit warns about (those that hold a tab,
    those ``strip_accents="unicode"`` changes) are gathered from the chunks for
    one warning of each kind, as a fit on all the names warns.
    """
    fitted = getattr(windows, "vocabulary_", None)
    symbols, unknown, gathered = set(), _UnknownSymbols(), GatheredWarnings()
    names_of_symbols, n_chunks, n_names, weighed = [], 0, 0, False
    for chunk, weights in chunks:
        weighed = weighed or weights is None or bool(weights.any())
        if check_names is not None:
            check_names(chunk)
        with _names_of_the_file(n_names, fitted, windows, step):
            try:
                if fitted:
                    windows.encode(chunk)
                else:
                    with gathered.gathering(n_names):  # one warning for the file
                        checked = clone(windows).fit(chunk)
                    names_of_symbols += _names_with_new_symbols(checked, chunk, symbols)
            except ValueError:
                # An empty name is checked before the characters (as by a fit
                # on all the names): its error, even beside unknown characters.
                if not all(windows.normalize(chunk)):  # those of the whole file
                    raise _empty_names(windows, chunk, chunks, fitted) from None
                if not unknown.add(windows, chunk, n_names):
                    raise  # not an unknown character
        n_chunks += 1
        n_names += len(chunk)
    if unknown.n_names:  # all of them, in one message (not the first chunk's)
        with _names_of_the_file(0, fitted, windows, step):
            raise ValueError(unknown.message(windows, fitting=not fitted))
    if not n_names:
        expected = (
            "one name per line"
            if names_column is None
            else f"names below the header, in its column {names_column!r}"
        )
        raise ValueError(f"{path!r} contains no names; expected {expected}.")
    if not weighed:
        raise ValueError(
            f"Every name of {path!r} has the count 0, and a name of count 0 is "
            "left out of training: give some names a count above 0."
        )
    if not fitted:
        with gathered.gathering(None):  # names of the chunks, gathered
            windows.fit(names_of_symbols)
        gathered.warn()
    return n_chunks, n_names


def _empty_names(windows, chunk, later_chunks, fitted):
    """The error of the names read as empty from ``chunk`` (the first that
    holds one) to the end of the file, as a fit on all the names words it:
    every one counted, the first ``MAX_REPORTED`` shown, numbered from the
    start of ``chunk`` (:func:`_names_of_the_file` adds the names before it)."""
    found, total, offset = [], 0, 0
    for names in itertools.chain([chunk], (names for names, _ in later_chunks)):
        empty = [i for i, text in enumerate(windows.normalize(names)) if not text]
        total += len(empty)
        found += [(offset + i, names[i]) for i in empty[: MAX_REPORTED - len(found)]]
        offset += len(names)
    places, names = zip(*found)
    try:
        windows.encode(list(names)) if fitted else clone(windows).fit(list(names))
    except ValueError as error:
        message = re.sub(
            r"\bnames\[(\d+)\]", lambda m: f"names[{places[int(m.group(1))]}]",
            str(error).replace(f"{len(found)} name(s)", f"{total} name(s)", 1),
        )  # fmt: skip
        return ValueError(message)
    raise AssertionError("names read as empty were not refused")  # pragma: no cover


class _UnknownSymbols:
    """The symbols outside the vocabulary in a pass over a file, and the first
    names that hold them: the whole file's, in memory bounded by the symbols
    and ``MAX_REPORTED`` names (as a fit on all the names reports them); and
    the names ``handle_unknown="drop"`` would leave without any symbol (alone,
    and after folding accents), so that it is not advised then."""

    def __init__(self):
        self.symbols, self.culprits, self.n_names = set(), [], 0
        self.dropped, self.n_dropped, self.n_folded = [], 0, 0

    def add(self, windows, chunk, offset):
        """Record the unknown symbols of a chunk whose names start at name
        ``offset`` of the file; False when it holds none (or they are dropped)."""
        if windows.handle_unknown != "error":
            return False
        found, (dropped, folded) = unknown_symbols(windows, chunk, emptied=True)
        for i, symbols in found.items():
            self.symbols |= symbols
            if len(self.culprits) < MAX_REPORTED:
                self.culprits.append((offset + i, chunk[i]))
        self.n_names += len(found)
        self.dropped += [
            (offset + i, chunk[i]) for i in dropped[: MAX_REPORTED - len(self.dropped)]
        ]
        self.n_dropped += dropped.size
        self.n_folded += folded.size
        return bool(found)

    def message(self, windows, fitting):
        text = unknown_symbols_message(
            windows, self.symbols, self.culprits, self.n_names, fitting=fitting,
            emptied=(self.n_dropped, self.n_folded),
        )  # fmt: skip
        if not self.n_dropped:
            return text
        shown = ", ".join(
            f"{element_place('names', i)}={quoted(name)}" for i, name in self.dropped
        )
        return f"{text} {drop_refused(self.n_dropped, shown)}"


# A name of a chunk as the transformer's messages show it: names[3]='zoë'.
_NAME_IN_CHUNK = re.compile(r"\bnames\[(\d+)\](?==| is )")


@contextlib.contextmanager
def _names_of_the_file(offset, resumed, windows, step=None):
    """Number the names of a chunk's error from the start of the file.

    The transformer counts the names of the chunk it was given; ``names[i]``
    then counts those of the file (as :func:`~sknextchar.datasets.load_names`
    returns them). Its advice names its own parameters (``alphabet='auto'``),
    which the pipeline passed to ``train_from_file`` sets as ``step__alphabet``:
    they are spelled so. For a resumed model, its advice to train the model
    again is advice to train a new one.
    """
    try:
        yield
    except ValueError as error:
        if not _NAME_IN_CHUNK.search(str(error)):
            raise  # not about a name: a parameter, say
        message = _NAME_IN_CHUNK.sub(
            lambda match: f"names[{offset + int(match.group(1))}]", str(error)
        )
        if step is not None:
            message = spelled_in_pipeline(message, windows, step)
        if resumed:
            message = message.replace(
                "train the model again with", "train a new model (resume=False) with"
            )
        raise ValueError(message) from None


def _names_with_new_symbols(transformer, names, known):
    """Names of ``names`` that hold the symbols not yet in ``known`` (updated)."""
    missing = set(transformer.vocabulary_[1:]) - known
    picked = []
    if not missing:  # most chunks after the first: no encoding needed
        return picked
    for name, ids in zip(names, transformer.encode(names)):
        if not missing:
            break
        found = {transformer.vocabulary_[i] for i in ids} & missing
        if found:
            picked.append(name)
            missing -= found
            known |= found
    return picked
