"""The first pass of training from a file: the vocabulary of all its names.

:func:`first_pass` reads a file of names one chunk at a time before any
training (:func:`~sknextchar.train_from_file`): it checks every chunk, reports
the characters outside a given alphabet in all of them at once, as a fit on all
the names would, and fits the transformer on a few names that hold every symbol
of the file, so that with ``alphabet="auto"`` its vocabulary is the whole
file's. A name of a chunk's error is numbered from the start of the file;
the names a check refuses several at a time (names read as empty, say) are
gathered from every chunk, counted and placed in the file as a fit on all the
names counts and places them.
"""

import contextlib
import functools

import numpy as np
from sklearn.base import clone

from ._gathered_names import GatheredWarnings
from ._name_headers import one_column_header
from ._pasted_lists import list_numbered, reads_as_title
from ._placed_names import PlacedNamesError
from ._quoted_advice import (
    QUOTES_REMOVED_IN_CHUNKS,
    header_quotes_removed,
    in_quotes,
    inner_quoted,
)
from ._remade_errors import Respelled, remade
from ._shown_paths import shown_path
from ._step_words import spelled_in_pipeline
from ._transformer import check_read_names, unknown_symbols, unknown_symbols_message
from ._unknown_advice import (
    TRAIN_A_NEW_MODEL,
    TRAIN_AGAIN,
    DroppedNamesError,
    drop_refused,
)
from ._unknown_message import bare_refused, marked_and_emptied
from ._validation import RefusedNameError, element_place
from ._validation import check_names as check_each_name
from ._vocabulary import check_transformer_settings, unseen_end_symbol_untold
from ._words import MAX_REPORTED, quoted
from .datasets._positions import NoNamesError

__all__ = ["ChunkChecks", "UnknownSymbolsError", "first_pass", "in_the_pipeline"]


def first_pass(windows, chunks, path, names_column=None, check_names=None, step=None):
    """Fix the vocabulary from every chunk; returns the number of names learned.

    Each chunk is checked by a clone of the transformer (an unknown character
    fails here, before any training: the unknown characters of every chunk,
    after the pass, as a fit on the whole file names them, and so the names
    read as empty, those that start with a combining mark and those
    ``handle_unknown="drop"`` leaves without any character); the transformer is
    then fitted on one name of the file for each of its symbols, so that with
    ``alphabet="auto"`` its vocabulary is that of the whole file. A transformer
    that is already fitted (a resumed run) keeps its vocabulary: each chunk is
    encoded with it, and a symbol of the file outside it fails here, as it
    would in training; its advice is to train a new model. The names a fit
    warns about (those that hold a tab, those ``strip_accents="unicode"``
    changes) are gathered from the chunks for one warning of each kind, as a
    fit on all the names warns. Of several errors in the file, the one a fit
    on all its names raises is raised (:class:`_FileErrors`).

    A name of count 0 (its weight in ``chunks``, ``(names, weights or
    None)``) is not learned, as if absent: neither fitted nor encoded, its
    characters neither in the vocabulary nor refused. ``check_names(chunk)``
    still meets it (a name too long for the file fails), and so does the
    check of each name; the errors place every name in the file, those of
    count 0 counted. A name of count 0 read as nothing (a zero-width space)
    is refused, before any training, as a fit in memory refuses it. A
    ``check_names`` that is a :class:`ChunkChecks` (the command line's, which
    counts the names with capitals) is then given the names of the chunk that
    are learned (:meth:`ChunkChecks.learned`); any other is only called.
    """
    fitted = hasattr(windows, "vocabulary_")
    if not fitted:  # as its fit does, before any name (and any other error)
        check_transformer_settings(windows)
    symbols, errors = set(), _FileErrors(windows, fitted)
    gathered = GatheredWarnings()
    names_of_symbols, n_learned, n_names, weighed = [], 0, 0, False
    for chunk, weights in chunks:
        weighed = weighed or weights is None or bool(weights.any())
        kept, rows = _learned_names(chunk, weights, n_names)
        refused = _check_chunk(chunk, weights, kept, check_names, n_names, errors)
        n_names, n_learned = n_names + len(chunk), n_learned + len(kept)
        if refused or not kept:
            continue  # refused, or names of count 0 only: nothing learned
        with _names_of_the_file(rows, windows, step):
            try:
                if fitted:
                    windows.encode(kept)
                else:
                    with gathered.gathering(rows), unseen_end_symbol_untold():
                        checked = clone(windows).fit(kept)  # one warning each
                    names_of_symbols += _names_with_new_symbols(checked, kept, symbols)
            except ValueError as error:
                errors.add(error, kept, rows)
    errors.raise_for_the_file(step, symbols)
    if not n_names:  # as load_names says it; the command line, in its words
        raise NoNamesError(path, names_column)
    if not weighed:
        raise ValueError(
            f"Every name of {shown_path(path)} has the count 0, and a name of count 0 "
            "is "
            "left out of training: give some names a count above 0."
        )
    if not fitted:
        with gathered.gathering(None):  # names of the chunks, gathered
            windows.fit(names_of_symbols)
        gathered.warn()
    return n_learned


class _FileErrors:
    """The errors of the chunks of a file, raised as a fit on all its names
    raises them.

    A fit checks each name first (:func:`~sknextchar._validation.check_names`):
    the first name it refuses fails at once, numbered in the file. The names
    a check refuses several at a time are gathered (:class:`_RefusedNames`),
    and so are the unknown characters (:class:`_UnknownSymbols`), checked
    last. Any other error (a parameter that the names cannot satisfy, say)
    waits for the end of the pass, as a later chunk may hold a name that a fit
    on all the names refuses before it: the first such error is raised then,
    unless the names refused come first.

    Parameters
    ----------
    windows : ContextWindowTransformer
        The transformer of the pass.
    fitted : bool
        Whether it is fitted already (a resumed run): the chunks are encoded
        with its vocabulary, not fitted.
    """

    def __init__(self, windows, fitted):
        self.windows, self.fitted = windows, fitted
        self.refused, self.unknown = _RefusedNames(), _UnknownSymbols()
        self.other, self.other_chunk = None, None

    def add(self, error, chunk, rows):
        """Record the error of ``chunk``, whose names are the names ``rows``
        of the file (raise it, if it is about one name)."""
        if isinstance(error, PlacedNamesError):  # the names of every chunk
            self.refused.add(error, rows)
        elif isinstance(error, RefusedNameError):
            raise error  # the first name the check of each name refuses
        elif not self._unknown_symbols(chunk, rows) and self.other is None:
            self.other, self.other_chunk = error, chunk

    def _unknown_symbols(self, chunk, rows):
        """Whether the chunk's error is about characters outside the
        vocabulary (recorded): not if telling it fails (with the chunk's
        other error: a parameter's)."""
        try:
            return self.unknown.add(self.windows, chunk, rows)
        except ValueError:
            return False

    def raise_for_the_file(self, step, learned=()):
        """Raise the error of the whole file, if a chunk failed; the chunks
        that passed learned the symbols ``learned``."""
        refused, fitted = self.refused, self.fitted
        if self.other is not None and not (
            refused.come_first(self.windows, self.other_chunk, fitted)
        ):
            raise self.other  # before the names refused, as it is
        again = TRAIN_A_NEW_MODEL if fitted else TRAIN_AGAIN
        with _names_of_the_file(None, self.windows, step):
            refused.raise_for_the_file(again)
            if self.unknown.n_names:  # all of them, in one message
                raise self.unknown.error(self.windows, not fitted, again, learned)


class _RefusedNames:
    """The names the chunks of a file refused with a
    :class:`~sknextchar._placed_names.PlacedNamesError`, as a fit on all the
    names refuses them: of the check it runs first, every one counted, the
    first ``MAX_REPORTED`` shown, placed in the file; in memory bounded by
    the names shown (:meth:`~sknextchar._placed_names.PlacedNamesError.joined`
    keeps counts, not names)."""

    def __init__(self):
        self.first, self.shown = None, []  # shown: (position in the file, name)

    def add(self, error, rows):
        """Record a chunk's error, its names the names ``rows`` of the file."""
        if self.first is None or error.check_order < self.first.check_order:
            self.first, self.shown = error, []  # a check a fit runs before
        elif error.check_order > self.first.check_order:
            return  # a check that a fit on all the names does not reach
        else:
            self.first = self.first.joined(error)
        room = MAX_REPORTED - len(self.shown)
        self.shown += [
            (int(rows[i]), name)
            for i, name in zip(error.positions[:room], error.names[:room], strict=True)
        ]

    def come_first(self, windows, chunk, fitted):
        """Whether a fit on all the names refuses these before it meets the
        other error ``chunk`` raised (a chunk before or after those of the
        names refused): a fit on the names shown and the chunk's tells which
        of the two checks it runs first."""
        if self.first is None:
            return False
        names = [name for _, name in self.shown] + list(chunk)
        try:
            windows.encode(names) if fitted else clone(windows).fit(names)
        except PlacedNamesError as error:
            return error.check_order <= self.first.check_order
        except ValueError:
            return False  # the chunk's error first
        return False  # pragma: no cover (the chunk alone failed)

    def raise_for_the_file(self, again):
        """Raise the error of the whole file, if a chunk refused names; its
        advice to train the model again begun by ``again``."""
        if self.first is None:
            return
        positions, names = map(list, zip(*self.shown, strict=True))
        places = [element_place("names", i) for i in positions]
        error = self.first.placed(places, names, positions)
        raise error.advising(again) if isinstance(error, DroppedNamesError) else error


def _list_letters(windows, chunk):
    """What an alphabet of the names' letters keeps of ``chunk`` without its
    first name (the list's title), and the positions in ``chunk`` of the
    names it empties; nothing when the title fills the chunk alone."""
    if len(chunk) == 1:
        return (), np.empty(0, dtype=int)
    used, bare = unknown_symbols(windows, chunk[1:], letters=True)[1]
    return used, bare + 1


class _UnknownSymbols:
    """The symbols outside the vocabulary in a pass over a file, and the first
    names that hold them: the whole file's, in memory bounded by the symbols
    and ``MAX_REPORTED`` names (as a fit on all the names reports them); and
    the names ``handle_unknown="drop"`` would leave without any symbol (alone,
    and after folding accents), so that it is not advised then."""

    def __init__(self):
        self.symbols, self.culprits, self.n_names = set(), [], 0
        self.dropped, self.n_dropped, self.n_folded = [], 0, 0
        self.n_unnumbered = 0  # names that hold them without a list number
        # the file's first name, if it may be the list's title: (name, its
        # letters, whether an alphabet of them, dropping, dropping after
        # folding accents leaves it empty), left out of the counts; else None
        self.title = None
        # what an alphabet of the names' letters keeps, and the names it empties
        self.letters, self.bare, self.n_bare = set(), [], 0
        # names that hold them out of double quotes, the file's first apart
        # (a title above a quoted list, if it reads as one), and whether it does
        self.n_unquoted, self.first_unquoted, self.first_title = 0, False, False
        # the header of the list's one column ("name"), if its first line is
        # one, and whether it holds them; the names with a quote mark inside
        # their quotes ('"O""Neil"'): the first, and how many
        self.header, self.header_refused, self.inner, self.n_inner = None, False, [], 0

    def add(self, windows, chunk, rows):
        """Record the unknown symbols of a chunk whose names are the names
        ``rows`` of the file; False when it holds none (or they are dropped)."""
        if windows.handle_unknown != "error":
            return False
        found, (dropped, folded), (used, bare) = unknown_symbols(
            windows, chunk, emptied=True, letters=True
        )
        if len(chunk) and int(rows[0]) == 0:
            self.header = one_column_header(chunk[0])
        title = int(rows[0]) == 0 and 0 in found and not list_numbered(chunk[0])
        if title:  # "Popular names" above "1. Anna": the list's own
            self.title = (chunk[0], set(used), 0 in bare, 0 in dropped, 0 in folded)
            used, bare = _list_letters(windows, chunk)
            dropped, folded = dropped[dropped != 0], folded[folded != 0]
        self.letters.update(used)
        self.bare += [
            (int(rows[i]), chunk[i]) for i in bare[: MAX_REPORTED - len(self.bare)]
        ]
        self.n_bare += bare.size
        for i, symbols in found.items():
            self.symbols |= symbols
            if len(self.culprits) < MAX_REPORTED:
                self.culprits.append((int(rows[i]), chunk[i]))
        self.n_names += len(found)
        self._count_unquoted(chunk, rows, found)
        self.n_unnumbered += sum(
            not list_numbered(chunk[i]) for i in found if not (title and i == 0)
        )
        self.dropped += [
            (int(rows[i]), chunk[i])
            for i in dropped[: MAX_REPORTED - len(self.dropped)]
        ]
        self.n_dropped += dropped.size
        self.n_folded += folded.size
        return bool(found)

    def _count_unquoted(self, chunk, rows, found):
        """Count the names of ``found`` (positions in ``chunk``, the names
        ``rows`` of the file) that are not in double quotes."""
        for i in found:
            if int(rows[i]) == 0:  # the file's first: maybe the quoted list's title
                self.first_unquoted = not in_quotes(chunk[i])
                self.first_title = reads_as_title(chunk[i])
                self.header_refused = self.header is not None
            else:
                self.n_unquoted += not in_quotes(chunk[i])
            if inner_quoted(chunk[i]):
                self.n_inner += 1
                self.inner += [chunk[i]][: MAX_REPORTED - len(self.inner)]

    def quotes(self):
        """What the error says of the double quotes of the names that hold
        unknown symbols, as :func:`~sknextchar._quoted_advice.fit_quotes`
        says it of names in memory, what reads them without their quote
        marks in ``train_from_file``'s words; None without a ``'"'``."""
        if '"' not in self.symbols:
            return None
        headed = self.header_refused and self.n_names > 1
        title = self.first_title and self.n_names > 1 and not headed
        # the list's title or its column's header ("First Name") is no name
        unquoted = self.n_unquoted + (self.first_unquoted and not (title or headed))
        quoted = not unquoted and self.n_names > title
        how = QUOTES_REMOVED_IN_CHUNKS
        if self.header is not None:
            how = header_quotes_removed(self.header, how)
        return quoted, title, how, self.inner, self.n_inner, headed

    def error(self, windows, fitting, again, learned=()):
        """The error of the whole file (:class:`UnknownSymbolsError`); the
        chunks that passed ``learned`` their symbols."""
        # a first name without a list number above names that all have one
        titled = bool(self.title) and self.n_names > 1 and not self.n_unnumbered
        letters, n_bare, bare = self.letters | set(learned), self.n_bare, self.bare
        emptied, dropped = (self.n_dropped, self.n_folded), self.dropped
        if self.title and not titled:  # a name after all: counted again
            name, used, empty, gone, folded = self.title
            letters = letters | used
            n_bare, bare = n_bare + empty, [(0, name)][:empty] + bare
            emptied = (emptied[0] + gone, emptied[1] + folded)
            dropped = ([(0, name)][:gone] + dropped)[:MAX_REPORTED]
        error = UnknownSymbolsError(
            windows, sorted(self.symbols), self.culprits, self.n_names,
            emptied=emptied, dropped=dropped,
            fitting=fitting, again=again, title=titled,
            numbered=not self.n_unnumbered and (titled or not self.title),
            letters=(sorted(letters), n_bare, bare[:MAX_REPORTED]),
            quotes=self.quotes(),
        )  # fmt: skip
        return error


class UnknownSymbolsError(Respelled, ValueError):
    """Characters outside the vocabulary in the names of a file, as a fit on
    all of them reports them; the message is made from the attributes.

    The advice to train the model again (not ``fitting``) begins with
    ``again`` (:data:`~sknextchar._unknown_advice.TRAIN_AGAIN`, or for a
    resumed run :data:`~sknextchar._unknown_advice.TRAIN_A_NEW_MODEL`), which
    an interface that says it in its own words replaces as a part
    (:meth:`advising`), never in the text; the owner of the pipeline spells
    the step's parameters (:meth:`respelled`).

    Parameters
    ----------
    windows : ContextWindowTransformer
        The transformer of the pass.
    symbols : list of str
        The unknown symbols.
    culprits : list of (int, str)
        The first names that hold them, each with its position in the file.
    n_names : int
        How many names hold them.
    emptied : tuple of (int, int)
        How many names ``handle_unknown="drop"`` leaves empty, alone and after
        folding accents.
    dropped : list of (int, str)
        The first of the names it leaves empty, each with its position.
    fitting : bool
        Whether the advice is for this fit, or for training again.
    again : str, default=TRAIN_AGAIN
        How the advice for training again begins (not ``fitting``).
    spell : callable or None, default=None
        How the owner of the pipeline spells the message.
    numbered : bool, default=False
        Whether every name that holds them starts with a list number.
    letters : tuple or None, default=None
        What an alphabet of the names' letters keeps: its symbols, how many
        names it leaves without any, and the first of them, each with its
        position (None: not known).
    title : bool, default=False
        Whether the first of ``culprits`` is the title above the list (a
        first name without a list number above names that all have one).
    quotes : tuple or None, default=None
        What the message says of their double quotes, as
        :func:`~sknextchar._quoted_advice.fit_quotes` gives it (None: not
        known, or no ``'"'`` among them).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer().fit(["asha"])
    >>> error = UnknownSymbolsError(windows, ["ë"], [(3, "zoë")], 1,
    ...     emptied=(0, 0), dropped=[], fitting=False)
    >>> "or train the model again with alphabet='auto'" in str(error)
    True
    >>> new = error.advising("train a new model with ")
    >>> "or train a new model with alphabet='auto'" in str(new), new.symbols
    (True, ['ë'])
    """

    def __init__(
        self, windows, symbols, culprits, n_names, *, emptied, dropped, fitting,
        again=TRAIN_AGAIN, spell=None, numbered=False, letters=None, title=False,
        quotes=None,
    ):  # fmt: skip
        self.numbered, self.letters, self.title = numbered, letters, title
        self.quotes = quotes
        self.windows, self.symbols, self.culprits = windows, symbols, culprits
        self.n_names, self.emptied, self.dropped = n_names, emptied, dropped
        self.fitting, self.again, self.spell = fitting, again, spell
        super().__init__(self.text())

    def message(self):
        """The message, made from the attributes."""
        text = unknown_symbols_message(
            self.windows, self.symbols, self.culprits, self.n_names,
            fitting=self.fitting, emptied=self.emptied, again=self.again,
            numbered=self.numbered, letters=(self.letters or (None,))[0],
            title=self.title, quotes=self.quotes,
        )  # fmt: skip
        n_left, left, refused = self.emptied[0], self.dropped, drop_refused
        if marked_and_emptied(self.symbols, self.numbered, self.emptied):
            _, n_left, left = self.letters or (None, 0, [])
            refused = bare_refused
        if not n_left:
            return text
        shown = ", ".join(
            f"{element_place('names', i)}={quoted(name)}" for i, name in left
        )
        return f"{text} {refused(n_left, shown)}"

    def text(self):
        """The message as raised: :meth:`message`, spelled by ``spell``."""
        return self.spelled(self.message())

    def advising(self, again):
        """The same error, its advice for training again begun by ``again``.

        Parameters
        ----------
        again : str

        Returns
        -------
        error : UnknownSymbolsError
        """
        return remade(type(self), {**vars(self), "again": again})

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))


@contextlib.contextmanager
def _names_of_the_file(rows, windows, step=None):
    """Number the name of a chunk's error from the start of the file (the
    place in it of each name of the chunk: ``rows``).

    The check of each name (:func:`~sknextchar._validation.check_names`)
    places the name it refuses in the chunk it was given
    (:class:`~sknextchar._validation.RefusedNameError`); ``names[i]`` then
    counts the names of the file (as :func:`~sknextchar.datasets.load_names`
    returns them, those of count 0 too); an error of the whole file
    (``rows`` None) is placed in it already. Its advice names its own
    parameters (``alphabet='auto'``), which the pipeline passed to
    ``train_from_file`` sets as ``step__alphabet``: they are spelled so.
    These errors of the file's
    names (:class:`~sknextchar._placed_names.PlacedNamesError`,
    :class:`UnknownSymbolsError`) keep their class and attributes, spelled so
    (:func:`in_the_pipeline`); any other is raised as it is.
    """
    try:
        yield
    except RefusedNameError as error:
        if rows is None:
            raise  # pragma: no cover (placed in the file already)
        moved = int(rows[error.position]) - error.position  # in the file
        raise error.moved(moved) from None
    except (PlacedNamesError, UnknownSymbolsError) as error:  # of the whole file
        spell = functools.partial(in_the_pipeline, windows=clone(windows), step=step)
        if step is None or spell(str(error)) == str(error):
            raise  # the error as it is
        raise error.respelled(spell) from None  # its class and attributes


def in_the_pipeline(message, windows, step):
    """A message of the transformer as the owner of ``train_from_file``'s
    pipeline reads it: its parameters spelled ``step__alphabet`` (``step``
    None: as they are; a picklable spelling for
    :meth:`~sknextchar._placed_names.PlacedNamesError.respelled`)."""
    return message if step is None else spelled_in_pipeline(message, windows, step)


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


def _check_chunk(chunk, weights, kept, user_check, offset, errors):
    """The checks of every name of a chunk, from name ``offset`` of the file,
    those of count 0 too (the others, ``kept``, are checked as they are
    fitted): the caller's ``check_names`` (``user_check``), each name as a fit
    checks it (:func:`~sknextchar._validation.check_names`), and the names
    of count 0 read as nothing (a zero-width space), recorded in ``errors``
    with the names of the chunk so read (True: the chunk is refused); then
    ``user_check.learned(kept)`` of a :class:`ChunkChecks`."""
    if user_check is not None:
        user_check(chunk)
    refused = False
    if len(kept) < len(chunk):
        try:
            check_each_name(chunk)
        except RefusedNameError as error:
            raise error.moved(offset) from None  # in the file, not the chunk
        refused = _refuses_unlearned(chunk, weights, offset, errors)
    if isinstance(user_check, ChunkChecks):
        user_check.learned(kept)
    return refused


def _refuses_unlearned(chunk, weights, offset, errors):
    """Record, with every name of the chunk read as nothing, the names of count
    0 read as nothing (the reading of a fit, or of a resumed model's
    ``encode``), refused before any training as a fit in memory refuses them
    (:func:`~sknextchar._left_out.check_unlearned_names`); whether any is."""
    windows, fitting = errors.windows, not errors.fitted
    unlearned = [chunk[i] for i in np.flatnonzero(weights == 0)]
    try:
        check_read_names(windows, unlearned, fitting=fitting)
    except PlacedNamesError:
        try:  # the chunk's names read as nothing, whatever their count
            check_read_names(windows, chunk, fitting=fitting)
        except PlacedNamesError as error:
            errors.add(error, chunk, range(offset, offset + len(chunk)))
            return True
    return False


class ChunkChecks:
    """A check of the chunks of the first pass that also meets the names
    learned: an internal hook of the command line, not the public
    ``check_names`` of :func:`~sknextchar.train_from_file`, whose callable is
    only called (whatever its attributes).

    :func:`first_pass` calls the check with every chunk, then (only for an
    instance of this class) :meth:`learned` with the chunk's names of a count
    above 0.

    Examples
    --------
    >>> class Counted(ChunkChecks):
    ...     n_learned = 0
    ...     def learned(self, names):
    ...         self.n_learned += len(names)
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> check = Counted()
    >>> chunks = [(["asha", "zoë", "ravi"], np.array([1.0, 0.0, 2.0]))]
    >>> first_pass(ContextWindowTransformer(), iter(chunks), "names.csv",
    ...            check_names=check), check.n_learned
    (2, 2)
    """

    def __call__(self, names):
        """Check every name of a chunk (nothing here): raise to refuse."""

    def learned(self, names):
        """Meet the names of the chunk that are learned (nothing here)."""


def _learned_names(chunk, weights, offset):
    """The names of a chunk learned (of a count above 0), and their places in
    the file (the chunk's first name is name ``offset`` of it).

    Parameters
    ----------
    chunk : list of str
    weights : ndarray of shape (len(chunk),) or None
        Their counts, or None (every name learned).
    offset : int

    Returns
    -------
    names : list of str
    rows : range or ndarray of int
        The place in the file of each of ``names``.

    Examples
    --------
    >>> import numpy as np
    >>> names, rows = _learned_names(["asha", "uma", "ravi"], np.array([2, 0, 1]), 10)
    >>> names, rows.tolist()
    (['asha', 'ravi'], [10, 12])
    >>> _learned_names(["asha"], None, 3)
    (['asha'], range(3, 4))
    """
    if weights is None or weights.all():
        return chunk, range(offset, offset + len(chunk))
    at = np.flatnonzero(weights)  # by index: an array would pad every name
    return [chunk[i] for i in at], offset + at
