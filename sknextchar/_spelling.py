"""The spelling of the training names, which generated names keep.

A next-character model gives every symbol some probability after every context
(a Kneser-Ney model backs off to how often each symbol occurs at all, a small
network spreads its mass), so a sampler draws now and then what no training
name has: a lowercase first letter in a list of capitalised names, a capital
inside a word, a Latin letter after a Cyrillic one, two hyphens in a row, a
name that ends with a space or a zero-width non-joiner; with ``unit="char"``,
a vowel sign or a virama at the start of a name, two vowel signs in a row, a
vowel sign on an independent vowel. :func:`spelling_record` keeps, at fit,
which *kinds* of symbols (:func:`~sknextchar._text.symbol_kind`: a script and
case, a combining mark of its own, an independent vowel, or a separator of its
own) follow each other in the training names, the start and the end of a name
included; :func:`spelling_test`
is the test a drawn name passes when each of its steps is one of those. With
the lowercase letters ``a`` to ``z`` every step is a seen one, and the test is
None: it rejects nothing.

Steps look at neighbours only: ``"Łukasz आशा"`` has none that a list of Latin
names and of Devanagari names lacks. So the record also keeps the sets of
scripts the training names use (a row ``("scripts", "DEVANAGARI LATIN")``
for a name written in both), and the test keeps the names whose set is one of
them. For the same reason it keeps the most capitals in one word of a
training name (a row ``("capitals", "2")`` for a list with ``McDonald``; a
word is a run of letters, marks and digits): ``McDonald`` and ``LaToya`` allow
a capital after a lowercase letter, but no ``MarieRoEllen``. When the steps
alone allow no capital inside a word, there is no test of them. Nor does the
count see the order of a word's capitals and lowercase letters: a list with
``JEAN`` and ``Jean`` has every step of ``JEan`` and ``JPaul``. So the record
keeps which *runs* of a word follow each other (rows ``("case", "capitals
lower")``): a word is read as runs of ``lower`` letters, of one ``capital``
and of ``capitals`` (two or more), from its ``start`` to its ``end``; a
symbol without case (a digit, a mark, a letter of a script without case)
belongs to the run it is in.

The record holds kinds as text, pairs of strings, so it reads as what it
means (``sampler.training_transitions_``) and does not depend on the ids. A
record saved before marks and independent vowels were kinds of their own has
``"DEVANAGARI mark"`` and ``"DEVANAGARI letter"`` for them, and the test reads
the vocabulary with those kinds.
"""

import unicodedata
from functools import partial

import numpy as np

from ._record_checks import transitions_problem
from ._text import letter_script, symbol_kind
from ._training_record import RepeatedNames
from ._validation import check_bool
from ._vocabulary import decode_rows
from .exceptions import DamagedModelError

__all__ = [
    "SPELLING_WORDS",
    "SpellingRecorder",
    "spelling_accept",
    "spelling_filter",
    "spelling_record",
    "spelling_test",
    "spelling_union",
]

#: The kind of the end marker: the start and the end of a name.
EDGE = ""

#: The first column of the record's rows that hold a set of scripts (no kind
#: is a word of lowercase letters).
SCRIPTS = "scripts"

#: The first column of the record's row that holds the most capitals in one
#: word of a training name (rows of several records merged: the largest).
CAPITALS = "capitals"

#: The first column of the record's rows that hold two runs of a word that
#: follow each other (the second column: their names, separated by a space).
CASE = "case"

#: The names of a word's runs, by the code of :func:`_case_runs`: the start
#: or the end of a word, lowercase letters, one capital, two capitals or more.
CASE_RUNS = ("start", "lower", "capital", "capitals")

# The sets of scripts are bit masks: up to this many scripts in a vocabulary.
_MAX_SCRIPTS = 63

#: What the test keeps, for the message of a request that cannot be met.
SPELLING_WORDS = (
    "spelled as the training names are (the kinds of characters that follow "
    "each other in them: capitals, scripts, separators, start and end; the "
    "order of a word's capitals and lowercase letters; the scripts a name is "
    "written in together; keep_spelling=False allows any)"
)


def _kinds(vocabulary, recorded=None):
    """The distinct kinds of a vocabulary's symbols and the kind of each id.

    With ``recorded``, the kinds of a record: a symbol whose kind is not
    among them but whose kind before marks and vowels were kinds of their
    own is (a record saved before) has that kind.
    """
    kinds = [EDGE, *map(symbol_kind, vocabulary[1:])]
    if recorded is not None:  # only a kind the record lacks is looked up again
        for i, symbol in enumerate(vocabulary[1:], start=1):
            if kinds[i] not in recorded:
                general = symbol_kind(symbol, detailed=False)
                kinds[i] = general if general in recorded else kinds[i]
    names = sorted(set(kinds))
    index = {kind: i for i, kind in enumerate(names)}
    return names, np.array([index[kind] for kind in kinds], dtype=np.intp)


def _steps(ids, kind_of_id):
    """The kinds of each step of names given as zero-padded rows of ids.

    Returns the kinds before and after each step, of shape ``(n, width + 1)``:
    from the start to the first letter, between letters, from the last letter
    to the end (and from the end to the padding after it).
    """
    edge = np.zeros((len(ids), 1), dtype=ids.dtype)
    kinds = kind_of_id[np.hstack([edge, ids, edge])]
    return kinds[:, :-1], kinds[:, 1:]


def _capital_bits(vocabulary):
    """Whether each id is a capital, and whether it is in a word.

    A word is a run of letters, marks and digits; the end marker is none.
    """
    categories = ["", *(unicodedata.category(s[0]) for s in vocabulary[1:])]
    capital = np.array([c in ("Lu", "Lt") for c in categories], dtype=np.int64)
    in_word = np.array([c[:1] in ("L", "M", "N") for c in categories], dtype=bool)
    return capital, in_word


def _capitals_per_word(ids, capital, in_word):
    """The most capitals in one word of each row of ids (zero-padded)."""
    counts = np.cumsum(capital[ids], axis=1)
    before = np.maximum.accumulate(np.where(in_word[ids], 0, counts), axis=1)
    return (counts - before).max(axis=1, initial=0)


def _most_capitals(flat_ids, first, capital, in_word):
    """The most capitals in one word of the names (their ids end to end).

    Only the names with two capitals or more are cut into words: a word of
    any other name has its name's capitals, and names of ``a`` to ``z`` have
    none (a million names cost no pass over their symbols).
    """
    if not len(flat_ids) or not capital.any():
        return 0
    per_name = np.add.reduceat(capital.astype(np.uint8)[flat_ids], first, dtype=np.intp)
    several = per_name > 1
    if not several.any():
        return int(per_name.max())
    lengths = np.diff(first, append=len(flat_ids))
    kept = lengths[several]
    ids = flat_ids[np.repeat(several, lengths)]
    apart = np.insert(ids, np.cumsum(kept[:-1]), 0)[None, :]  # the end between names
    return int(_capitals_per_word(apart, capital, in_word)[0])


def _case_codes(vocabulary):
    """The case of each id: 0 no word, 1 lowercase, 2 capital, -1 no case.

    -1 is a symbol of a word (a letter, a mark, a digit) without case.
    """
    capital, in_word = _capital_bits(vocabulary)
    lower = [False, *(unicodedata.category(s[0]) == "Ll" for s in vocabulary[1:])]
    codes = np.where(capital == 1, 2, np.where(lower, 1, -1))
    return np.where(in_word, codes, 0).astype(np.int8)


def _case_runs(ids, codes):
    """The run of each symbol of rows of ids, edges added: a code of CASE_RUNS.

    Returns an array of shape ``(n, width + 2)``: a symbol without case takes
    the code of the symbol before it (the start, a word's first), and one
    capital beside another is of the run ``capitals``.
    """
    edge = np.zeros((len(ids), 1), dtype=np.int8)
    run = np.hstack([edge, codes[ids], edge])
    where = np.where(run >= 0, np.arange(run.shape[1]), 0)
    run = np.take_along_axis(run, np.maximum.accumulate(where, axis=1), axis=1)
    capital = run == 2
    beside = np.zeros_like(capital)
    beside[:, 1:] |= capital[:, :-1]
    beside[:, :-1] |= capital[:, 1:]
    run[capital & beside] = 3
    return run


def _case_rows(flat_ids, first, vocabulary):
    """The rows of the record that hold the runs of a word that follow each other."""
    codes = _case_codes(vocabulary)
    if not len(flat_ids) or not (codes > 0).any():
        return []
    apart = np.insert(flat_ids, first[1:], 0)[None, :]  # the end between names
    run = _case_runs(apart, codes)[0]
    seen = np.zeros((4, 4), dtype=bool)
    seen[run[:-1], run[1:]] = True
    seen[np.diag_indices(4)] = False  # within a run
    pairs = zip(*np.nonzero(seen))
    return sorted(
        [CASE, f"{CASE_RUNS[i]} {CASE_RUNS[j] if j else 'end'}"] for i, j in pairs
    )


def _script_bits(vocabulary):
    """The scripts of a vocabulary's letters, and the bit of each id's script.

    The bits are of the smallest unsigned type that holds them; None when
    there are more than :data:`_MAX_SCRIPTS` (no test of them).
    """
    script_of_id = ["", *map(letter_script, vocabulary[1:])]
    scripts = sorted(set(script_of_id) - {""})
    if len(scripts) > _MAX_SCRIPTS:
        return scripts, None
    bit = {script: 1 << i for i, script in enumerate(scripts)}
    bits = [bit.get(script, 0) for script in script_of_id]
    # The smallest unsigned type that holds them: a byte a letter for up to 8
    # scripts (the letters of ten million names, indexed, are 60 MB, not 480).
    return scripts, np.array(bits, dtype=np.min_scalar_type((1 << len(scripts)) - 1))


def spelling_record(vocabulary, encoded):
    """The pairs of kinds that follow each other in the training names.

    Parameters
    ----------
    vocabulary : tuple of str
        The symbols of the ids.
    encoded : list of ndarray of int or None
        The symbol ids of each training name
        (:meth:`ContextWindowTransformer.encode`); None for no names (no record).

    Returns
    -------
    pairs : ndarray of str of shape (n_pairs, 2) or None
        Each row a kind and a kind that follows it in some training name;
        ``""`` is the start (first column) or the end (second column). Then
        a row ``("capitals", ...)``, the most capitals in one word of a
        training name (a word: a run of letters, marks and digits), a row
        ``("case", ...)`` for each two runs that follow each other in a
        word of a training name (runs of ``lower`` letters, of one
        ``capital``, of ``capitals``, from the word's ``start`` to its
        ``end``; none without letters that have a case), and a row
        ``("scripts", ...)`` for each set of scripts of some training
        name's letters, in alphabetical order, separated by spaces (``""``
        for a name without letters).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer(alphabet="auto", lowercase=False)
    >>> t = t.fit(["Jean-Luc", "Anne"])
    >>> pairs = spelling_record(t.vocabulary_, t.encode(["Jean-Luc", "Anne"]))
    >>> for before, after in pairs.tolist():
    ...     print(repr(before), "->", repr(after))
    '' -> 'LATIN upper'
    '-' -> 'LATIN upper'
    'LATIN lower' -> ''
    'LATIN lower' -> '-'
    'LATIN lower' -> 'LATIN lower'
    'LATIN upper' -> 'LATIN lower'
    'capitals' -> '1'
    'case' -> 'capital lower'
    'case' -> 'lower end'
    'case' -> 'start capital'
    'scripts' -> 'LATIN'
    """
    if encoded is None:
        return None
    return SpellingRecorder(vocabulary).add(encoded).record()


class SpellingRecorder:
    """The spelling record of names given a list at a time.

    What :func:`spelling_record` builds from all the names at once, built from
    them a chunk at a time (training from a file larger than memory): it
    holds which kinds follow each other, the most capitals in a word, which
    runs of a word follow each other and the sets of scripts seen, never the
    names, so its memory is bounded by the vocabulary, not by the names.

    Parameters
    ----------
    vocabulary : tuple of str
        The symbols of the ids.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer(alphabet="auto", lowercase=False)
    >>> t = t.fit(["Jean-Luc", "Anne", "McDonald"])
    >>> recorder = SpellingRecorder(t.vocabulary_).add(t.encode(["Jean-Luc"]))
    >>> recorder = recorder.add(t.encode(["Anne", "McDonald"]))  # the next chunk
    >>> [row for row in recorder.record().tolist() if row[0] == "capitals"]
    [['capitals', '2']]
    """

    def __init__(self, vocabulary):
        self.vocabulary = tuple(vocabulary)
        self._kinds, self._kind_of_id = _kinds(self.vocabulary)
        self._seen = np.zeros((len(self._kinds), len(self._kinds)), dtype=bool)
        self._capital_bits = _capital_bits(self.vocabulary)
        self._scripts, self._bits = _script_bits(self.vocabulary)
        self._capitals, self._case, self._masks = 0, set(), set()

    def add(self, encoded):
        """Record the spelling of more names.

        Parameters
        ----------
        encoded : list of ndarray of int
            The symbol ids of each name
            (:meth:`ContextWindowTransformer.encode`).

        Returns
        -------
        self : SpellingRecorder
        """
        names = [ids for ids in encoded if len(ids)]
        if not names:
            return self
        flat_ids = np.concatenate(names)
        first = np.cumsum([0, *map(len, names[:-1])])  # where each name starts
        flat = self._kind_of_id[flat_ids]  # (n_symbols,) every name's kinds
        before = np.roll(flat, 1)
        before[first] = 0  # a name starts after the start
        self._seen[before, flat] = True
        self._seen[flat[np.append(first[1:], len(flat)) - 1], 0] = True  # last letters
        most = _most_capitals(flat_ids, first, *self._capital_bits)
        self._capitals = max(self._capitals, most)
        self._case.update(map(tuple, _case_rows(flat_ids, first, self.vocabulary)))
        if self._bits is not None:
            masks = np.bitwise_or.reduceat(self._bits[flat_ids], first)
            self._masks.update(np.unique(masks).tolist())
        return self

    def record(self):
        """The record of the names added so far (:func:`spelling_record`).

        Returns
        -------
        pairs : ndarray of str of shape (n_pairs, 2)
        """
        kinds = self._kinds
        steps = [[kinds[i], kinds[j]] for i, j in zip(*np.nonzero(self._seen))]
        scripts = [
            [SCRIPTS, " ".join(s for i, s in enumerate(self._scripts) if mask >> i & 1)]
            for mask in sorted(self._masks)
        ]
        case = sorted(list(row) for row in self._case)
        rows = [*steps, [CAPITALS, str(self._capitals)], *case, *scripts]
        return np.array(rows, dtype=str).reshape(-1, 2)


def spelling_union(pairs, more):
    """The record of two lists of training names: the rows of both.

    A part of the record (the most capitals in a word, the runs of a word,
    the sets of scripts) that one of them lacks, saved before it was
    recorded, is left out: no test of it, rather than a test of the other
    list's names alone.

    Parameters
    ----------
    pairs, more : ndarray of str of shape (n_pairs, 2) or None
        :func:`spelling_record` of each list; None: no record.

    Returns
    -------
    pairs : ndarray of str of shape (n_pairs, 2) or None
        None when either is None.

    Examples
    --------
    >>> import numpy as np
    >>> old = np.array([["", "LATIN upper"], ["capitals", "1"]])
    >>> new = np.array([["", "LATIN lower"], ["capitals", "2"]])
    >>> spelling_union(old, new).tolist()
    [['', 'LATIN lower'], ['', 'LATIN upper'], ['capitals', '1'], ['capitals', '2']]
    >>> spelling_union(old[:1], new).tolist()  # old: saved before the capitals
    [['', 'LATIN lower'], ['', 'LATIN upper']]
    """
    if pairs is None or more is None:
        return None
    rows = np.unique(np.concatenate([pairs, more]), axis=0)
    for part in (CAPITALS, CASE, SCRIPTS):
        if not ((pairs[:, 0] == part).any() and (more[:, 0] == part).any()):
            rows = rows[rows[:, 0] != part]
    return rows


def spelling_test(pairs, vocabulary, n_prefix=0):
    """Which rows of drawn ids are spelled as the training names are.

    A step is checked when it leads to a drawn symbol or to the end: the
    letters of a prefix are the user's. A symbol of a kind that no training
    name has (in an alphabet given by hand) is never drawn, and after one (in a
    prefix) any kind may come. The scripts of a name's letters, the prefix's
    included, must be those of some training name (when the record has them),
    unless no training name has all the prefix's; no word may have more
    capitals than the record's most (or than a word of the prefix has); and
    each run of a word (lowercase letters, one capital, capitals) must follow
    the one before it as in some word of the record, unless it starts in the
    prefix.

    Parameters
    ----------
    pairs : ndarray of str of shape (n_pairs, 2) or None
        :func:`spelling_record` of the training names; None: no test.
    vocabulary : tuple of str
        The symbols of the ids.
    n_prefix : int, default=0
        The number of letters of the prefix every row starts with.

    Returns
    -------
    test : callable or None
        ``test(ids)`` is a boolean mask of the rows whose every drawn step is
        in the record, whose set of scripts is, and whose words have no more
        capitals than the record allows, in runs that follow each other as
        in its words; None when the record allows every step between the
        vocabulary's kinds, every set of its scripts and capitals anywhere
        (nothing to reject).

    Examples
    --------
    >>> import numpy as np
    >>> pairs = np.array([["", "LATIN upper"], ["LATIN upper", "LATIN lower"],
    ...                   ["LATIN lower", "LATIN lower"], ["LATIN lower", ""]])
    >>> test = spelling_test(pairs, ("-", "A", "B", "a", "b"))
    >>> test(np.array([[1, 3, 4], [3, 4, 0], [1, 3, 2]])).tolist()  # Aab ab AaB
    [True, False, False]
    >>> lowercase = [["", "LATIN lower"], ["LATIN lower", "LATIN lower"],
    ...              ["LATIN lower", ""]]
    >>> spelling_test(np.array(lowercase), ("-", "a", "b")) is None  # all seen
    True
    >>> from sknextchar import ContextWindowTransformer
    >>> t = ContextWindowTransformer(alphabet="auto").fit(["ab a", "αβ α"])
    >>> record = spelling_record(t.vocabulary_, t.encode(["ab a", "αβ α"]))
    >>> test = spelling_test(record, t.vocabulary_)  # steps seen, scripts not:
    >>> test(np.array([t.encode([n])[0] for n in ["ba ab", "ab αβ"]])).tolist()
    [True, False]
    >>> t = ContextWindowTransformer(alphabet="auto", lowercase=False)
    >>> t = t.fit(["McDonald"])
    >>> record = spelling_record(t.vocabulary_, t.encode(["McDonald"]))
    >>> test = spelling_test(record, t.vocabulary_)  # two capitals in a word
    >>> test(np.array(t.encode(["MaDona", "McDoMa"]))).tolist()
    [True, False]
    """
    if pairs is None:
        return None
    rows = np.asarray(pairs, dtype=str).reshape(-1, 2).tolist()
    steps = [row for row in rows if row[0] not in (SCRIPTS, CAPITALS, CASE)]
    sets = [after for before, after in rows if before == SCRIPTS]
    limits = [int(after) for before, after in rows if before == CAPITALS]
    runs = [after for before, after in rows if before == CASE]
    tests = [
        test
        for test in (
            _step_test(steps, vocabulary, n_prefix),
            _script_test(sets, vocabulary, n_prefix),
            _capitals_test(limits, steps, vocabulary, n_prefix),
            _case_test(runs, vocabulary, n_prefix),
        )
        if test is not None
    ]
    if len(tests) < 2:
        return tests[0] if tests else None
    return lambda ids: np.logical_and.reduce([test(ids) for test in tests])


def _step_test(pairs, vocabulary, n_prefix):
    """The test of the steps of :func:`spelling_test`, or None."""
    kinds, kind_of_id = _kinds(vocabulary, {kind for pair in pairs for kind in pair})
    index = {kind: i for i, kind in enumerate(kinds)}
    seen = np.zeros((len(kinds), len(kinds)), dtype=bool)
    for before, after in pairs:
        if before in index and after in index:
            seen[index[before], index[after]] = True
    seen[~seen.any(axis=1)] = True  # a kind with no step in the record: free
    seen[0, 0] = True  # the padding after a name's end
    if seen.all():
        return None

    def test(ids):
        before, after = _steps(ids, kind_of_id)
        ok = seen[before, after]
        ok[:, :n_prefix] = True  # steps into the prefix's letters
        return ok.all(axis=1)

    return test


def _script_test(sets, vocabulary, n_prefix):
    """The test of the sets of scripts of :func:`spelling_test`, or None.

    None without sets in the record (a sampler saved before them), with more
    scripts than a mask holds, or when every set the vocabulary can spell is
    one of them (a single script and no other symbol: ``a`` to ``z``).
    """
    scripts, bits = _script_bits(vocabulary)
    if bits is None or not sets:
        return None
    bit = {script: 1 << i for i, script in enumerate(scripts)}
    seen = {
        sum(bit[script] for script in text.split())
        for text in sets
        if bit.keys() >= set(text.split())
    }
    lowest = 0 if (bits[1:] == 0).any() else 1  # 0: a name without letters
    if len(scripts) <= 16 and seen.issuperset(range(lowest, 1 << len(scripts))):
        return None
    seen = np.array(sorted(seen), dtype=bits.dtype)  # unsigned, as the bits

    def test(ids):
        masks = np.bitwise_or.reduce(bits[ids], axis=1)
        prefix = np.bitwise_or.reduce(bits[ids[:1, :n_prefix]], axis=None)
        if not (seen & prefix == prefix).any():  # no name has all the prefix's
            return np.ones(len(ids), dtype=bool)
        return np.isin(masks, seen)

    return test


def _capitals_test(limits, pairs, vocabulary, n_prefix):
    """The test of the capitals in a word of :func:`spelling_test`, or None.

    None without a limit in the record (a sampler saved before it), and when
    no step of the record leads from a letter, mark or digit to a capital:
    a word's only capital is then its first symbol. A prefix with more
    capitals in a word than the limit is the user's: its count is the limit.
    """
    capital, in_word = _capital_bits(vocabulary)
    if not limits or not capital.any():
        return None
    kinds = [EDGE, *map(symbol_kind, vocabulary[1:])]
    capitals = {kind for kind, bit in zip(kinds, capital) if bit}
    inside = {kind for kind, word in zip(kinds, in_word) if word}
    if not any(before in inside and after in capitals for before, after in pairs):
        return None
    limit = max(limits)

    def test(ids):
        prefix = _capitals_per_word(ids[:1, :n_prefix], capital, in_word)
        most = max(limit, int(prefix.max(initial=0)))
        return _capitals_per_word(ids, capital, in_word) <= most

    return test


def _case_test(runs, vocabulary, n_prefix):
    """The test of the runs of a word of :func:`spelling_test`, or None.

    None without such rows in the record (a sampler saved before them) and
    when the record has every two runs that can follow each other. A run
    that starts in the prefix is the user's: so is the step into it.
    """
    codes = _case_codes(vocabulary)
    if not runs or not (codes > 0).any():
        return None
    index = {name: i for i, name in enumerate(CASE_RUNS)} | {"end": 0}
    seen = np.eye(4, dtype=bool)  # within a run
    for text in runs:
        before, _, after = text.partition(" ")
        seen[index[before], index[after]] = True
    # A run no training word leaves is entered only through a prefix: then free.
    seen[~(seen & ~np.eye(4, dtype=bool)).any(axis=1)] = True
    has = [True, (codes == 1).any(), (codes == 2).any(), (codes == 2).any()]
    can = np.outer(has, has) & ~np.eye(4, dtype=bool)
    can[2, 3] = can[3, 2] = can[0, 0] = False  # one capital beside another: capitals
    if not (can & ~seen).any():
        return None

    def test(ids):
        run = _case_runs(ids, codes)
        ok = seen[run[:, :-1], run[:, 1:]]
        ok[:, :n_prefix] = True  # into a run that starts in the prefix
        return ok.all(axis=1)

    return test


def _sampler_test(sampler, n_prefix):
    """:func:`spelling_test` of a fitted sampler's record (checked), or None."""
    pairs = getattr(sampler, "training_transitions_", None)
    problem = transitions_problem(pairs)  # the rule load_model checks
    if problem is not None:
        raise DamagedModelError(
            f"This NameSampler is damaged: {problem} (shape {np.shape(pairs)}). "
            "Load an intact file, or fit it again."
        )
    return spelling_test(pairs, sampler.vocabulary_, n_prefix)


def _request_test(sampler, n_prefix, keep_spelling):
    """The spelling test of a request, or None when it asks for none."""
    if not check_bool(keep_spelling, "keep_spelling"):
        return None
    return _sampler_test(sampler, n_prefix)


def spelling_filter(sampler, n_prefix, words, keep_spelling=True):
    """The drawn rows of ids a sampler keeps for their spelling.

    Parameters
    ----------
    sampler : NameSampler
        Fitted; its ``training_transitions_`` (absent from a sampler saved
        before it existed, or None without training names: no test).
    n_prefix : int
        The number of letters of the prefix of the request.
    words : list of str
        What the request's tests reject: :data:`SPELLING_WORDS` is appended
        when this one rejects anything, and ``keep`` adds to them the names
        it rejected when they are a few drawn over and over (a very low
        temperature: :class:`~sknextchar._training_record.RepeatedNames`).
    keep_spelling : bool, default=True
        False: no test (the request's ``keep_spelling``).

    Returns
    -------
    keep : callable
        ``keep(ids)`` gives the rows of ``ids`` that :func:`spelling_test`
        passes (all of them when there is no test).
    """
    test = _request_test(sampler, n_prefix, keep_spelling)
    if test is None:
        return lambda ids: ids
    decode = partial(decode_rows, vocabulary=sampler.vocabulary_)
    at, repeated = len(words), RepeatedNames(decode)
    words.append(SPELLING_WORDS)

    def keep(ids):
        spelled = test(ids)
        repeated.add(ids, ~spelled)
        words[at] = repeated.words(SPELLING_WORDS)
        return ids[spelled]

    return keep


def spelling_accept(sampler, n_prefix, accept=None, keep_spelling=True):
    """The test of the names a beam search keeps: ``accept`` and the spelling.

    Parameters
    ----------
    sampler : NameSampler
        Fitted.
    n_prefix : int
        The number of letters of the prefix of the request.
    accept : callable or None, default=None
        Another test of rows of ids (a bool per row).
    keep_spelling : bool, default=True
        False: no spelling test (the request's ``keep_spelling``).

    Returns
    -------
    accept : callable or None
        A bool per row of ids that passes both tests; None when neither tests.
    """
    test = _request_test(sampler, n_prefix, keep_spelling)
    if test is None or accept is None:
        return accept if test is None else test
    return lambda ids: accept(ids) & test(ids)
