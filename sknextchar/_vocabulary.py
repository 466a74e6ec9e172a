"""The symbol vocabulary: reserved ids and vectorised character encoding."""

import contextlib
import contextvars
import itertools
import string
import unicodedata
import warnings

import numpy as np
from sklearn import get_config

from ._compat import InvalidParameterError, validate_declared_parameters
from ._end_symbols import END_SYMBOL_FALLBACKS
from ._shown_paths import escaped_byte, is_undecoded
from ._stacklevel import user_stacklevel
from ._text import (
    CONTROL,
    describe_symbol,
    final_forms_learned_plain,
    fold_final_forms,
    spell_final_forms,
    spell_old_letters,
    split_symbols,
)

# The one reserved symbol, the end marker, has id 0 and plays two roles: it pads
# the context before a name starts, and it is the target after the last letter
# (end of name). It is a symbol of its own, not a character of the text; "-" is
# how it is displayed by default (the lecture's convention). Id 0 comes first, so
# id order, ``classes_`` order and ``predict_proba`` column order are one order.
END = "-"
END_ID = 0

DEFAULT_ALPHABET = string.ascii_lowercase

# The categories of the characters an end marker should not be, as none shows on
# its own: control and format characters (a line break, DEL, a zero-width
# space), spaces, line and paragraph separators, lone surrogates (a byte of a
# command line that is no UTF-8), nonspacing and enclosing marks.
_UNSEEN = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"})
_TOLD = "end_symbol is"  # how warn_unseen_end_symbol's warning starts
# The end symbols warned of within unseen_end_symbol_told_once, or None outside.
_TOLD_ONCE = contextvars.ContextVar("sknextchar_end_symbols_told", default=None)


def make_vocabulary(alphabet, end_symbol=END, *, unit="char"):
    """Return the vocabulary tuple ``(end_symbol, *sorted(alphabet))``.

    Parameters
    ----------
    alphabet : iterable of str
        Distinct symbols: single characters (``unit="char"``) or single
        user-perceived characters (``unit="grapheme"``).
    end_symbol : str, default="-"
        How the end marker (id 0) is displayed. It is a symbol of its own, not a
        character of the text, so the alphabet must not contain it.
    unit : {"char", "grapheme"}, default="char"
        What one symbol is.

    Returns
    -------
    vocabulary : tuple of str
        ``vocabulary[i]`` is the symbol with id ``i``; ``vocabulary[0]`` is the
        end marker's display.

    Examples
    --------
    >>> make_vocabulary("cab")
    ('-', 'a', 'b', 'c')
    >>> make_vocabulary("a-b", end_symbol=".")
    ('.', '-', 'a', 'b')
    >>> try:
    ...     make_vocabulary("ab\\x00")
    ... except ValueError as error:  # an InvalidParameterError
    ...     print(error)  # doctest: +ELLIPSIS
    alphabet has '\\x00' ...
    """
    symbols = list(alphabet)
    _check_no_control(symbols)
    bad = sorted({s for s in symbols if not _is_one_symbol(s, unit)}, key=repr)
    if bad:
        what = "characters" if unit == "char" else "user-perceived characters"
        raise InvalidParameterError(
            f"alphabet must contain single {what} only; got {bad!r}. "
            "Pass a string such as 'abcdefghijklmnopqrstuvwxyz'."
        )
    if end_symbol in symbols:
        raise ValueError(
            "alphabet must not contain the reserved end marker's display symbol "
            f"{describe_symbol(end_symbol)}: pass another end_symbol, one the "
            "names do not use "
            f"(e.g. end_symbol={pick_end_symbol(symbols, end_symbol)!r}), or "
            f"remove {end_symbol!r} from the alphabet."
        )
    if len(set(symbols)) != len(symbols):
        dup = sorted({s for s in symbols if symbols.count(s) > 1})
        raise InvalidParameterError(
            f"alphabet has repeated characters {dup!r}; list each once."
        )
    if not symbols:
        raise InvalidParameterError(
            "alphabet is empty; it needs at least one character."
        )
    return (end_symbol, *sorted(symbols))


def is_auto_alphabet(alphabet):
    """Whether ``alphabet`` (a transformer's parameter) asks to learn the
    alphabet from the names, not a fixed one (a string, list or array).

    Examples
    --------
    >>> is_auto_alphabet("auto"), is_auto_alphabet("abc"), is_auto_alphabet(["auto"])
    (True, False, False)
    """
    return isinstance(alphabet, str) and alphabet == "auto"


def vocabulary_of_parameters(alphabet, end_symbol, unit):
    """The unit and the vocabulary that a transformer's parameters fix before
    any name is read, refused as its ``fit`` refuses them.

    Every check that needs no name is here, so that a fit (and the first pass
    of a training from a file) refuses a bad setting before reading the names,
    as scikit-learn validates the parameters before the data.

    Parameters
    ----------
    alphabet : str, list or tuple
        ``ContextWindowTransformer``'s: ``"auto"`` (the symbols of the names)
        or the symbols.
    end_symbol : str
        How the end marker is displayed: one character.
    unit : {"auto", "char", "grapheme"}
        What one symbol is; ``"auto"``: a character for a given alphabet, a
        user-perceived character for ``alphabet="auto"``. A symbol of
        user-perceived characters spelled the old way, with a joiner, is its
        letter (:func:`~sknextchar._text.spell_old_letters`), as in names.

    Returns
    -------
    unit : {"char", "grapheme"}
        What one symbol is.
    vocabulary : tuple of str or None
        :func:`make_vocabulary`'s, of a given alphabet; None for
        ``alphabet="auto"``, whose vocabulary (and end marker,
        :func:`pick_end_symbol`) the names decide.

    Raises
    ------
    ValueError
        If ``end_symbol`` is not one character or is NUL (which NumPy's
        strings drop), or :func:`make_vocabulary` refuses the alphabet. (Any
        other character that does not show on its own is taken, with a
        warning at ``fit``: :func:`warn_unseen_end_symbol`.)

    Examples
    --------
    >>> vocabulary_of_parameters("cab", "-", "auto")
    ('char', ('-', 'a', 'b', 'c'))
    >>> vocabulary_of_parameters("auto", ".", "auto")
    ('grapheme', None)
    >>> vocabulary_of_parameters(["\u0d28\u0d4d\u200d"], "-", "grapheme")  # ന്‍
    ('grapheme', ('-', '\u0d7b'))
    """
    if len(end_symbol) != 1:
        raise InvalidParameterError(
            "end_symbol must be one character, the end marker's display; got "
            f"{end_symbol!r}."
        )
    _refuse_nul_end(end_symbol)
    fixed = not is_auto_alphabet(alphabet)
    unit = unit if unit != "auto" else ("char" if fixed else "grapheme")
    if not fixed:
        return unit, None
    if isinstance(alphabet, str):
        alphabet = split_symbols(unicodedata.normalize("NFC", alphabet), unit)
    alphabet = [
        unicodedata.normalize("NFC", s) if isinstance(s, str) else s for s in alphabet
    ]
    if unit == "grapheme":  # a letter spelled the old way, as names read it
        alphabet = [spell_old_letters(s) if isinstance(s, str) else s for s in alphabet]
    return unit, make_vocabulary(alphabet, end_symbol, unit=unit)


def _refuse_nul_end(end_symbol):
    """Refuse NUL as the end marker: NumPy's strings drop it (classes_ '')."""
    if end_symbol == "\x00":
        raise InvalidParameterError(
            f"end_symbol cannot be {describe_symbol(end_symbol)}: NumPy's arrays "
            "of strings drop it, so the model's classes would not match the "
            "windows' vocabulary. Pass a character that shows, such as '-' or '.'."
        )


def unseen_end_symbol(end_symbol):
    """How an end marker that does not show on its own is told, or None.

    A control or format character, a space, a line or paragraph separator, a
    lone mark: the end of a name would be blank, or break the line, in the
    tables, ``score --explain`` and ``vocabulary_``. A lone surrogate of the
    ones a command line's bytes that are no UTF-8 are read as is told as that
    byte (the user typed no character).

    Parameters
    ----------
    end_symbol : str
        One character.

    Returns
    -------
    told : str or None
        The symbol and why it does not show; None if it shows.

    Examples
    --------
    >>> print(unseen_end_symbol("-"))
    None
    >>> print(unseen_end_symbol("\\u200b"))  # doctest: +NORMALIZE_WHITESPACE
    '\\u200b' (ZERO WIDTH SPACE), a character that does not show on its own:
    the end of a name would not be seen in the model's tables and explanations
    >>> print(unseen_end_symbol("\\udcff"))  # the byte 0xFF, read from argv
    the byte \\xff of the command line, which is no UTF-8 and so no character
    """
    if unicodedata.category(end_symbol) not in _UNSEEN:
        return None
    if is_undecoded(end_symbol):  # os.fsdecode's of a byte of argv
        return (
            f"the byte {escaped_byte(end_symbol)} of the command line, which is "
            "no UTF-8 and so no character"
        )
    kind = (
        "a control character that does not show"
        if unicodedata.category(end_symbol) == "Cc"
        else "a character that does not show on its own"
    )
    return (
        f"{describe_symbol(end_symbol, named=True)}, {kind}: the end of a name "
        "would not be seen in the model's tables and explanations"
    )


def refuse_unseen_end_symbol(end_symbol):
    """Refuse an end marker typed for a new model that does not show on its
    own (:func:`unseen_end_symbol`); the command line's ``--end-symbol``.

    Python's ``fit`` only warns (:func:`warn_unseen_end_symbol`): a model
    saved before this rule, and a copy of its settings, must fit again.

    Parameters
    ----------
    end_symbol : str
        One character.

    Raises
    ------
    InvalidParameterError
        If it does not show.

    Examples
    --------
    >>> try:
    ...     refuse_unseen_end_symbol("\\n")
    ... except ValueError as error:
    ...     print(error)  # doctest: +ELLIPSIS
    end_symbol cannot be '\\n' (LINE FEED), a control character that does not ...
    """
    told = unseen_end_symbol(end_symbol)
    if told is not None:
        raise InvalidParameterError(
            f"end_symbol cannot be {told}. Pass a character that shows, such as "
            "'-' or '.'."
        )


def warn_unseen_end_symbol(transformer):
    """Warn that a transformer about to be fitted has an end marker that does
    not show on its own (:func:`unseen_end_symbol`), unless it is fitted with
    that marker already (a model saved before this rule, fitted again to go
    on training: told nothing it cannot change).

    Parameters
    ----------
    transformer : ContextWindowTransformer
        About to be fitted; its ``end_symbol`` is one character.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unseen_end_symbol(ContextWindowTransformer(end_symbol="\\x7f"))
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    end_symbol is '\\x7f' (DELETE), a control character that does not show: ...
    """
    told = unseen_end_symbol(transformer.end_symbol)
    fitted = transformer.__dict__.get("vocabulary_", (None,))
    if told is None or fitted[0] == transformer.end_symbol:
        return
    once = _TOLD_ONCE.get()
    if once is not None:  # within unseen_end_symbol_told_once
        if transformer.end_symbol in once:
            return
        once.add(transformer.end_symbol)
    warnings.warn(
        f"{_TOLD} {told}. Pass a character that shows, such as '-' or "
        "'.'. (It is still taken, so that a model saved with it, and "
        "a copy of its settings, fit again.)",
        UserWarning,
        stacklevel=user_stacklevel(),
    )


@contextlib.contextmanager
def unseen_end_symbol_untold():
    """Leave out :func:`warn_unseen_end_symbol`'s warning within: the fits of
    a file's chunks, which the fit of the transformer on the whole file tells.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     with unseen_end_symbol_untold():
    ...         warn_unseen_end_symbol(ContextWindowTransformer(end_symbol="\\x7f"))
    >>> caught
    []
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", f"{_TOLD} ", UserWarning)
        yield


@contextlib.contextmanager
def unseen_end_symbol_told_once():
    """Within, :func:`warn_unseen_end_symbol` warns of each end marker once:
    the fits of one call of a meta-estimator (the folds of a calibration, then
    the fit on all the names) tell the user once, not once each.

    Examples
    --------
    >>> import warnings
    >>> from sknextchar import ContextWindowTransformer
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     with unseen_end_symbol_told_once():
    ...         for _ in range(3):
    ...             warn_unseen_end_symbol(ContextWindowTransformer(end_symbol="\\x7f"))
    >>> len(caught)
    1
    """
    token = _TOLD_ONCE.set(set())
    try:
        yield
    finally:
        _TOLD_ONCE.reset(token)


def check_transformer_settings(transformer):
    """Refuse a transformer's settings as its ``fit`` does, before any name.

    Its declared parameter constraints (unless scikit-learn's
    ``skip_parameter_validation`` is set), then the vocabulary its settings fix
    (:func:`vocabulary_of_parameters`). An estimator that fits the transformer
    on names it checks itself (a classifier of names, a training from a file)
    calls this first, so that a bad setting is reported before a bad name, as
    by the transformer's own ``fit``.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Unfitted, or about to be fitted again.

    Returns
    -------
    unit : {"char", "grapheme"}
        What one symbol is.
    vocabulary : tuple of str or None
        That of a given alphabet; None for ``alphabet="auto"``.

    Raises
    ------
    InvalidParameterError
        Naming the first setting refused.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> check_transformer_settings(ContextWindowTransformer(alphabet="ba"))
    ('char', ('-', 'a', 'b'))
    >>> try:
    ...     check_transformer_settings(ContextWindowTransformer(end_symbol="ab"))
    ... except ValueError as error:  # an InvalidParameterError
    ...     print(error)
    end_symbol must be one character, the end marker's display; got 'ab'.
    """
    if not get_config()["skip_parameter_validation"]:
        validate_declared_parameters(transformer)
    return vocabulary_of_parameters(
        transformer.alphabet, transformer.end_symbol, transformer.unit
    )


def _check_no_control(symbols):
    """Refuse a control character (not the tab) in the alphabet: no name
    holds one (``fit`` refuses it in a name), so it can only be a mistake."""
    for symbol in symbols:
        found = CONTROL.search(symbol) if isinstance(symbol, str) else None
        if found is not None:
            char = found.group()
            raise InvalidParameterError(
                f"alphabet has {describe_symbol(char)}, a control character "
                "that no name holds (fit refuses names with one): remove it from "
                "the alphabet (a tab may stay)."
            )


def _is_one_symbol(symbol, unit):
    return isinstance(symbol, str) and split_symbols(symbol, unit) == [symbol]


def pick_end_symbol(alphabet, preferred=END):
    """The end marker's display: ``preferred`` unless the alphabet contains it.

    Otherwise ``"-"``, or the first of :data:`END_SYMBOL_FALLBACKS`
    (``. $ # | ~ ^ _ * @ ¶``) that the alphabet lacks.

    Parameters
    ----------
    alphabet : collection of str
        The symbols of the names.
    preferred : str, default="-"
        The display asked for.

    Returns
    -------
    end_symbol : str

    Raises
    ------
    ValueError
        If the alphabet contains every candidate.

    Examples
    --------
    >>> pick_end_symbol("abc"), pick_end_symbol("a-b"), pick_end_symbol("a-.b")
    ('-', '.', '$')
    """
    alphabet = set(alphabet)
    candidates = tuple(dict.fromkeys((preferred, END, *END_SYMBOL_FALLBACKS)))
    for symbol in candidates:
        if symbol not in alphabet:
            return symbol
    raise ValueError(
        f"The names use every display symbol the end marker could have "
        f"({' '.join(candidates)}); pass an end_symbol they do not use."
    )


def _codepoints(text):
    """Unicode code points of ``text`` as a uint32 array (vectorised, no loop).

    Examples
    --------
    >>> _codepoints("ab-").tolist()
    [97, 98, 45]
    """
    # "surrogatepass": a lone surrogate (from a file read with surrogateescape)
    # gets its code point and is reported as an unknown character, by name.
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def decode_rows(ids, vocabulary):
    """The strings spelled by the rows of an id matrix, each ended by id 0.

    Vectorised: one pass over the whole matrix, no loop over rows. Every id after
    a row's first end marker must be the end marker too (the padding of a
    shorter name). The strings are whole names: a vocabulary that has the Greek
    ``σ`` but not ``ς``, or a Hebrew ``מ`` but not ``ם`` (the model learned one
    letter, see :func:`~sknextchar._text.final_forms_learned_plain`), writes the
    final form where a word ends.

    Parameters
    ----------
    ids : ndarray of int of shape (n, width)
        Symbol ids; ``0`` (the end marker) ends a row's string.
    vocabulary : tuple of str
        ``vocabulary[i]`` is the symbol with id ``i``.

    Returns
    -------
    texts : list of str
        ``n`` strings of at most ``width`` symbols.

    Examples
    --------
    >>> import numpy as np
    >>> decode_rows(np.array([[1, 2, 0], [3, 0, 0]]), make_vocabulary("abc"))
    ['ab', 'c']
    >>> decode_rows(np.array([[2, 1, 3, 0], [3, 2, 1, 3]]), make_vocabulary("ασν"))
    ['νας', 'σνας']
    """
    return spell_names(_spelled_rows(ids, vocabulary), vocabulary)


def spell_names(texts, vocabulary):
    """Whole names decoded with ``vocabulary``, their final forms written.

    A model whose vocabulary has the Greek ``σ`` but not ``ς`` (or a Hebrew
    plain letter but not its final form) learned one letter for both; a whole
    name gets the final form where a word ends. Other vocabularies leave the
    names as they are. Not for contexts, which are no whole names.

    Examples
    --------
    >>> spell_names(["νικοσ", "ab"], make_vocabulary("ικνοσ")), spell_names(
    ...     ["νικοσ"], make_vocabulary("ικνοσς"))
    (['νικος', 'ab'], ['νικοσ'])
    """
    finals = final_forms_learned_plain(vocabulary)
    if finals:
        letters = fold_final_forms(finals)
        return [spell_final_forms(text, letters) for text in texts]
    return list(texts)


def spell_prefix(text, vocabulary):
    """A prefix decoded with ``vocabulary``, its final forms written.

    As :func:`spell_names` spells a whole name, but the prefix's last word
    goes on after it: its last letter keeps the plain form (the table after
    ``"מיכ"``, the start of ``"מיכאל"``, is after ``"מיכ"``, not ``"מיך"``).
    A text spelled as a whole name is spelled again as a prefix.

    Examples
    --------
    >>> spell_prefix("νικοσ παπ", make_vocabulary("ικνοσπα ")), spell_prefix(
    ...     "מיך", make_vocabulary("מיכאל"))
    ('νικος παπ', 'מיכ')
    """
    finals = final_forms_learned_plain(vocabulary)
    if not finals:
        return text
    return spell_final_forms(text, fold_final_forms(finals), open_end=True)


def written_chars(vocabulary):
    """The characters a decoded name can hold: its symbols', and the final
    forms :func:`spell_names` writes.

    Examples
    --------
    >>> sorted(written_chars(make_vocabulary("ασ"))), sorted(written_chars(("-", "ab")))
    (['α', 'ς', 'σ'], ['a', 'b'])
    """
    return set("".join(vocabulary[1:]) + final_forms_learned_plain(vocabulary))


# Messages quote at most this many symbols of the vocabulary: a Chinese or a
# Korean alphabet has thousands, which would bury what the message says.
MAX_SHOWN_SYMBOLS = 100


def shown_symbols(vocabulary):
    """A vocabulary's symbols (the end marker left out) for a message.

    A string, or a list when a symbol is more than one character (graphemes);
    the first :data:`MAX_SHOWN_SYMBOLS` of a larger vocabulary (Chinese, Korean).

    Examples
    --------
    >>> shown_symbols(make_vocabulary("cab")), shown_symbols(("-", "ab", "c"))
    ("'abc'", "['ab', 'c']")
    >>> shown_symbols(make_vocabulary(map(chr, range(0x4E00, 0x4F00))))[:31]
    "256 symbols (the first 100: '一丁"
    """
    symbols = list(vocabulary[1:])
    head = symbols[:MAX_SHOWN_SYMBOLS]
    if all(len(symbol) == 1 for symbol in head):
        shown = repr("".join(head))
    else:
        shown = repr(head)
    if len(symbols) > len(head):
        return f"{len(symbols)} symbols (the first {len(head)}: {shown})"
    return shown


# The rows :func:`_spelled_rows` decodes at a time (a few MB of code points).
_DECODED_ROWS = 1 << 16


def _spelled_rows(ids, vocabulary):
    """The strings of the rows of ids, symbol by symbol."""
    if not ids.shape[1]:
        return [""] * len(ids)
    if any(len(symbol) != 1 for symbol in vocabulary):  # grapheme clusters
        return _joined_symbols(ids, vocabulary)
    points = _codepoints("".join(vocabulary)).astype("<u4")
    points[END_ID] = 0  # NUL: NumPy drops trailing NULs from str items
    texts = []
    # A block at a time: the code points of every row at once took 4 bytes
    # per symbol of the widest name, for every name, beside the strings.
    for start in range(0, len(ids), _DECODED_ROWS):
        chars = np.ascontiguousarray(points[ids[start : start + _DECODED_ROWS]])
        texts += chars.view(f"<U{ids.shape[1]}")[:, 0].tolist()
    return texts


def _joined_symbols(ids, vocabulary):
    """The strings of the rows of ids, a symbol a Python string: a block of
    rows at a time, as the single code points are (every name's symbols as
    objects at once took about 15 bytes a letter beside the strings)."""
    symbols = np.array(("", *vocabulary[1:]), dtype=object)
    texts = []
    for start in range(0, len(ids), _DECODED_ROWS):
        rows = symbols[ids[start : start + _DECODED_ROWS]].tolist()
        texts += ["".join(row) for row in rows]
    return texts


def id_dtype(n_symbols):
    """Smallest unsigned integer dtype that holds ids ``0 .. n_symbols - 1``.

    Examples
    --------
    >>> id_dtype(27)
    dtype('uint8')
    """
    return np.min_scalar_type(max(n_symbols - 1, 0))


class SymbolTable:
    """Map symbols to ids and back, vectorised over whole strings.

    Parameters
    ----------
    vocabulary : tuple of str
        As returned by :func:`make_vocabulary`.

    Examples
    --------
    >>> table = SymbolTable(make_vocabulary("abc"))
    >>> ids, bad = table.encode_letters("cab")
    >>> ids.tolist(), bool(bad.any())
    ([3, 1, 2], False)
    >>> table.decode([3, 1, 2, 0])
    'cab-'
    """

    def __init__(self, vocabulary):
        self.vocabulary = tuple(vocabulary)
        self.dtype = id_dtype(len(self.vocabulary))
        # Single code points (every alphabet of unit="char") are encoded by a
        # vectorised search; grapheme clusters through a dictionary.
        self.single = all(len(symbol) == 1 for symbol in self.vocabulary)
        if self.single:
            points = _codepoints("".join(self.vocabulary))
            order = np.argsort(points)
            self._sorted_points = points[order]
            self._sorted_ids = order.astype(self.dtype)
        self._index = {s: i for i, s in enumerate(self.vocabulary) if i != END_ID}
        # object, not "<U1": NumPy's str arrays drop trailing NULs, so "\x00" (a
        # symbol of a learned alphabet) would decode to "".
        self._symbols = np.array(self.vocabulary, dtype=object)

    def encode_letters(self, text):
        """Ids of the characters of ``text``, and where they are not letters.

        Parameters
        ----------
        text : str or list of str
            A string of characters, or a list of symbols (grapheme clusters).

        Returns
        -------
        ids : ndarray of shape (len(text),)
            The id of each symbol (meaningless where ``bad`` is True).
        bad : ndarray of bool of shape (len(text),)
            True for symbols outside the alphabet; the end marker's display
            symbol is not a character of the alphabet, so it is one of them.
        """
        if not self.single or not isinstance(text, str):
            # map with the default repeated: no generator step per symbol
            found = map(self._index.get, text, itertools.repeat(END_ID, len(text)))
            ids = np.fromiter(found, self.dtype, len(text))
            return ids, ids == END_ID
        points = _codepoints(text)
        pos = np.searchsorted(self._sorted_points, points)
        pos = np.minimum(pos, len(self._sorted_points) - 1)
        ids = self._sorted_ids[pos]
        bad = (self._sorted_points[pos] != points) | (ids == END_ID)
        return ids, bad

    def decode(self, ids):
        """The string spelled by a 1-D sequence of ids."""
        return "".join(self._symbols[np.asarray(ids, dtype=np.intp)])

    def decode_rows(self, ids):
        """The strings spelled by the rows of a 2-D array of ids, one indexing.

        Unlike :func:`decode_rows`, the end marker is spelled (by its display),
        not taken as the end of the string.

        Examples
        --------
        >>> import numpy as np
        >>> SymbolTable(make_vocabulary("abc")).decode_rows(np.array([[0, 1], [2, 3]]))
        ['-a', 'bc']
        """
        return [
            "".join(row) for row in self._symbols[np.asarray(ids, np.intp)].tolist()
        ]
