"""Validation of the arguments of public calls.

1-D string input (lists of names, prefixes) and the arguments of the sampler's
calls (counts, flags, names to exclude; temperatures are
``_temperature_checks``', random states ``_random_states``'). Each checker
returns the value in the form the caller uses, or raises a ``TypeError`` or
``ValueError`` that says what was wrong and what to pass instead.

scikit-learn's ``check_scalar`` is not used here: it accepts ``True`` as an int
and words its messages by type and bound, not by what the argument is.
"""

import enum
import numbers
import os
import re
import reprlib
from collections.abc import Iterator, MappingView, Set

import numpy as np
from sklearn.frozen import FrozenEstimator
from sklearn.utils.validation import check_is_fitted

from ._limits import MAX_LETTERS, long_name_words
from ._own_classes import own_class
from ._remade_errors import Respelled, remade
from ._shown_paths import path_text
from ._text import CONTROL, LINE_BREAKS, describe_symbol, normalize_texts
from ._words import (
    MAX_QUOTED,
    element_place,
    missing_value_message,
    one_or_many,
    quoted,
    quoted_value,
)

__all__ = [
    "NO_LABEL",
    "MissingNameError",
    "MissingValueError",
    "RefusedNameError",
    "check_bool",
    "check_elements",
    "check_exclude",
    "check_names",
    "check_one_dimensional",
    "check_path_then_pipeline",
    "check_positive_int",
    "check_prefix",
    "check_sampler_fitted",
    "element_place",
    "float_array",
    "is_missing_value",
    "missing_value_message",
    "other_type_message",
    "series_index",
]


def _wrapped(name):
    """How to wrap a single name in a list, for the error that refuses it where
    names are expected: ``['asha']``, or ``[name]`` for one too long to echo.

    Examples
    --------
    >>> _wrapped("asha"), _wrapped("a" * 1000)
    ("['asha']", '[name]')
    """
    return f"[{name!r}]" if len(name) <= MAX_QUOTED else "[name]"


def check_names(names, *, what="names", allow_empty_strings=False, longest=MAX_LETTERS):
    """Validate a 1-D collection of strings and return it as a list of str.

    Accepts a list, tuple, 1-D NumPy string/object array or pandas Series.

    Parameters
    ----------
    names : 1-D array-like of str
        The strings to validate.
    what : str, default="names"
        How to call the input in error messages.
    allow_empty_strings : bool, default=False
        Whether ``""`` is a valid element (a prefix may be empty; a name may not).
    longest : int or None, default=MAX_LETTERS
        The most characters of an element, whitespace around it left out: a
        longer one is no name, as a longer line of a file is none; None for
        no bound (a prefix too long is refused with what a model can do).

    Returns
    -------
    names : list of str

    Raises
    ------
    TypeError
        If ``names`` is a single string, not a collection, or holds non-strings.
    ValueError
        If ``names`` is empty, not 1-D, or holds empty or whitespace-only
        strings, line breaks, or control characters other than the tab (NUL,
        ESC, DEL, U+0080 to U+009F...): the message names the element and the
        index of the character in it; or an element of more than ``longest``
        characters.
    MissingValueError
        If ``names`` holds a missing value (None, NaN, ``pd.NA``): both a
        ValueError and a TypeError.

    Examples
    --------
    >>> check_names(("abid", "ali"))
    ['abid', 'ali']
    """
    if isinstance(names, (str, bytes)):
        raise TypeError(
            f"Expected a 1-D collection of {what} (list, tuple, array or Series of "
            f"str); got a single {type(names).__name__} {quoted_value(names)}. "
            f"Wrap it in a list: {_wrapped(names)}."
        )
    if own_class(names, {"CharWindows"}):  # not imported: a layer above
        raise TypeError(
            f"Expected a 1-D collection of {what}; got CharWindows, the windows a "
            "ContextWindowTransformer cuts from names. Pass the names themselves: "
            "the transformer cuts their windows (a pipeline's predict_log_proba "
            "takes names, its model the windows)."
        )
    if names is None or not hasattr(names, "__len__") or isinstance(names, dict):
        # A generator would be emptied by the first of the passes over the names.
        once = (
            ", which can be read only once (fit reads the names more than once, "
            "and a search splits them): pass list(...) of it"
            if isinstance(names, Iterator)
            else ""
        )
        raise TypeError(
            f"Expected a 1-D collection of {what} (list, tuple, array or Series of "
            f"str); got {type(names).__name__}{once}."
        )
    # A set's order is arbitrary; a dict's keys (a Set too) keep insertion order.
    if isinstance(names, Set) and not isinstance(names, MappingView):
        raise TypeError(
            f"Expected an ordered collection of {what}; got a "
            f"{type(names).__name__}, whose order is arbitrary, so labels and "
            f"results could not be matched to the {what}. Pass a list, e.g. "
            f"sorted({what})."
        )
    index = None
    if hasattr(names, "ndim") and hasattr(names, "shape"):  # ndarray, Series, frame
        check_one_dimensional(names, what)
        index = series_index(names)
        names = names.tolist()
    names = list(names)
    if not names:
        raise ValueError(f"Expected at least one string in {what}; got an empty input.")
    check_elements(names, what, allow_empty_strings, index, longest=longest)
    return names


def check_one_dimensional(names, what="names", *, param=None):
    """Refuse a table or an array of 2 or more dimensions where a 1-D
    collection of ``what`` is expected, saying which part of it to pass.

    Iterating a DataFrame gives its column labels, which are str: a caller
    that reads names with ``list()`` would take them for the names.

    Parameters
    ----------
    names : object
        The input; anything without ``ndim`` passes.
    what : str, default="names"
        What its elements are.
    param : str or None, default=None
        The parameter that takes it (``"exclude"``, ``"train"``), when the
        message speaks of a parameter other than ``X``.

    Raises
    ------
    ValueError
        If ``names`` has an ``ndim`` other than 1.

    Examples
    --------
    >>> import numpy as np
    >>> check_one_dimensional(["asha"])
    >>> check_one_dimensional(np.array([["asha"]]), param="exclude")
    Traceback (most recent call last):
    ...
    ValueError: Expected 1-D input of names for exclude; got an array of shape \
(1, 1). Pass its one column as a 1-D array, such as exclude=X[:, 0], or a list \
of str.
    """
    if hasattr(names, "ndim") and hasattr(names, "shape") and names.ndim != 1:
        raise ValueError(_not_one_d(names, what, param))


def check_elements(
    names, what, allow_empty_strings, index=None, ordered=True, longest=None
):
    """Check each of ``names`` (a list) as :func:`check_names` checks them,
    and raise the message of the first refused, placed in ``what``.

    A list of plain one-line ``str`` (non-blank unless allowed) is checked in
    a few passes in C, without a Python call per name; any other list is
    checked name by name, which raises the message of the first bad one.

    Parameters
    ----------
    names : list
        The elements, as given.
    what : str
        The input (or parameter) they came from, as messages name it.
    allow_empty_strings : bool
        Whether a blank string passes (a caller that ignores or words it).
    index : pandas.Index or None, default=None
        The index of the Series the names came from (:func:`series_index`):
        the message names both the position and the index label where they
        differ (:func:`~sknextchar._words.element_place`).
    ordered : bool, default=True
        False for names of no order (a set's): "an element of ``what``".
    longest : int or None, default=None
        The most characters of a name (None: any number).

    Raises
    ------
    RefusedNameError, MissingNameError
        As :func:`check_names` (ValueError; a missing value is a TypeError too).
    TypeError
        For an element of another type than str.

    Examples
    --------
    >>> check_elements(["asha", None], "train", False, index=[10, 11])
    Traceback (most recent call last):
    ...
    sknextchar._validation.MissingNameError: Input train contains None: \
train.iloc[1] (position 1, index label 11) = None is a missing value; remove it \
from train, or put a name in its place.
    """
    plain = set(map(type, names)) == {str}
    if plain and not allow_empty_strings:  # strip() is "" just for these
        plain = all(names) and not any(map(str.isspace, names))
    if plain:
        joined = "".join(names)
        plain = not any(brk in joined for brk in LINE_BREAKS)
        plain = plain and CONTROL.search(joined) is None
        plain = plain and _SURROGATE.search(joined) is None
    if plain and longest is not None:  # one pass in C, a length a name
        plain = max(map(len, names)) <= longest
    if not plain:
        for i, name in enumerate(names):
            place = (
                element_place(what, i, index) if ordered else f"an element of {what}"
            )
            try:
                _check_element(name, place, what, allow_empty_strings, longest)
            except ValueError as error:
                if not ordered:
                    raise
                label = NO_LABEL if index is None else index[i]
                missing = isinstance(error, MissingValueError)
                refused = MissingNameError if missing else RefusedNameError
                raise refused(
                    name, i, what=what, allow_empty_strings=allow_empty_strings,
                    label=label, longest=longest,
                ) from None  # fmt: skip


def series_index(names):
    """The index of a pandas Series, or of a one-column DataFrame (labels
    ``y`` may be one), else None: its labels, not positions.

    What :func:`element_place` takes, for a caller that keeps the list
    :func:`check_names` returns (which refuses a DataFrame of names) and names
    an element of it later.

    Examples
    --------
    >>> series_index(["asha", "uma"]) is None  # a list's .index is a method
    True
    """
    if not hasattr(names, "iloc") or names.ndim not in (1, 2):
        return None
    return names.index if names.ndim == 1 or names.shape[1] == 1 else None


class _NoLabel:
    """The index label of an element of no Series (a list's, an array's):
    none, which ``None`` cannot mean, as a Series's index may hold it."""

    def __repr__(self):
        return "NO_LABEL"

    def __reduce__(self):  # the one object, pickled by its name
        return "NO_LABEL"


NO_LABEL = _NoLabel()


class RefusedNameError(Respelled, ValueError):
    """The element of a list that :func:`check_names` refuses, with its place.

    Its message is the check's (:func:`_check_element`) for the element placed
    by its attributes (``names[3]``), so that a caller that checked a part of
    a longer list (a chunk of a file) places it in the whole
    (:meth:`moved`) without rewording the message.

    Parameters
    ----------
    name : object
        The element, as given.
    position : int
        Its position in the list checked.
    what : str, default="names"
        How the list is called.
    allow_empty_strings : bool, default=False
        As :func:`check_names` was given.
    label : object, default=NO_LABEL
        Its index label, for the element of a Series (any label, None
        included); :data:`NO_LABEL` for the element of a list.
    longest : int or None, default=None
        As :func:`check_names` was given.

    Examples
    --------
    >>> error = RefusedNameError(" ", 3)
    >>> print(error)
    names[3] is ' ', an empty or whitespace-only string; remove it from names.
    >>> print(error.moved(100))
    names[103] is ' ', an empty or whitespace-only string; remove it from names.
    """

    def __init__(
        self, name, position, *, what="names", allow_empty_strings=False,
        label=NO_LABEL, longest=None,
    ):  # fmt: skip
        self.name, self.position, self.what, self.label = name, position, what, label
        self.allow_empty_strings, self.longest = allow_empty_strings, longest
        super().__init__(self.text())

    def text(self):
        """The message: the check's, of the element at its place (spelled by
        ``spell``: :meth:`respelled`, as a line of a file names it)."""
        index = None if self.label is NO_LABEL else {self.position: self.label}
        place = element_place(self.what, self.position, index)
        try:
            _check_element(
                self.name, place, self.what, self.allow_empty_strings, self.longest
            )
        except ValueError as error:
            return self.spelled(str(error))
        return f"{place} = {self.name!r} is refused."  # pragma: no cover

    def moved(self, offset):
        """The same error, of the element ``offset`` places further (in a list
        whose first ``offset`` elements came before the one checked).

        Parameters
        ----------
        offset : int

        Returns
        -------
        error : RefusedNameError
        """
        moved = {"position": self.position + offset, "label": NO_LABEL}
        return remade(type(self), {**vars(self), **moved})

    def __reduce__(self):  # its class takes the attributes, not the message
        return remade, (type(self), vars(self))


class MissingValueError(ValueError, TypeError):
    """A missing value (None, NaN, ``pd.NA``, ``pd.NaT``) where a str is due.

    A ``ValueError``, as scikit-learn's errors for a missing value in ``X``,
    and a ``TypeError``, the class raised before (the value is no str):
    ``except`` of either catches it, as scikit-learn's
    ``InvalidParameterError`` is both.

    Examples
    --------
    >>> issubclass(MissingValueError, ValueError), issubclass(
    ...     MissingValueError, TypeError)
    (True, True)
    """


class MissingNameError(RefusedNameError, MissingValueError):
    """The :class:`RefusedNameError` of a missing value, of both classes of
    :class:`MissingValueError`, placed and moved alike.

    Examples
    --------
    >>> print(MissingNameError(None, 1).moved(10))
    Input names contains None: names[11] = None is a missing value; remove it ...
    """


def _not_one_d(names, what, param=None):
    """Why a table (or a 2-D array) is no list of names, and which part to pass
    (as ``param=``, when given)."""
    shape = tuple(names.shape)
    given = "" if param is None else f"{param}="
    expected = f"Expected 1-D input of {what}" + (
        "" if param is None else f" for {param}"
    )
    columns = [str(c) for c in getattr(names, "columns", [])]
    if columns:  # a DataFrame: its column, a Series, holds the names
        named = [c for c in columns if "name" in c.lower()]
        column = repr((named or columns)[0])
        listed = ", ".join(map(repr, columns[:5])) + ", ..." * (len(columns) > 5)
        return (
            f"{expected}; got a {type(names).__name__} of shape "
            f"{shape} ({one_or_many(len(columns), 'column', 'columns')} {listed}). "
            f"Pass its column of {what} as a Series, with single brackets: "
            f"{given}X[{column}] (with double brackets, X[[{column}]] is a table "
            "of one column)."
        )
    if len(shape) == 2:
        part = "its one column" if shape[1] == 1 else f"the column of {what}"
        return (
            f"{expected}; got an array of shape {shape}. Pass "
            f"{part} as a 1-D array, such as {given}X[:, 0], or a list of str."
        )
    return (
        f"{expected}; got an array of shape {shape}. Pass one "
        "string per element: a list, a 1-D array or a pandas Series of str."
    )


def _check_element(name, where, what, allow_empty_strings, longest=None):
    """Raise unless ``name`` is a one-line string (non-blank unless allowed)
    of at most ``longest`` characters (None: any number)."""
    if isinstance(name, str):
        if not allow_empty_strings and not name.strip():
            raise ValueError(
                f"{where} is {name!r}, an empty or whitespace-only string; "
                f"remove it from {what}."
            )
        if longest is not None and len(name) > longest and len(name.strip()) > longest:
            raise ValueError(  # before a message that would show it whole
                f"{where} {long_name_words(name.strip())}. Give each name an "
                "element of its own (names between commas or spaces in one "
                f"string are one name), or remove it from {what}."
            )
        if name.splitlines() not in ([name], []):
            raise ValueError(
                f"{where} is {name!r}, which holds {line_break_words(name)}; "
                f"{_one_line_rule(what)}."
            )
        control = CONTROL.search(name)
        if control is not None:
            raise ValueError(_control_message(name, control.start(), where, what))
        lone = _SURROGATE.search(name)
        if lone is not None:
            raise ValueError(_surrogate_message(name, lone.start(), where, what))
        return
    if is_missing_value(name):  # np.ma.masked too, though an ndarray
        raise MissingValueError(_missing_message(where, what, name))
    if isinstance(name, _NESTED):  # a ValueError, as a 2-D array's
        raise ValueError(other_type_message(what, where, name))
    raise TypeError(other_type_message(what, where, name))


def is_missing_value(value):
    """Whether ``value`` is a missing value: None, NaN (of any float type),
    pandas' ``pd.NA`` or ``pd.NaT`` (known by type name: pandas is not
    imported), or NumPy's ``np.ma.masked``, an element of a masked array that
    its mask hides.

    Examples
    --------
    >>> [is_missing_value(v) for v in (None, float("nan"), "", 0, "nan")]
    [True, True, False, False, False]
    """
    return (
        value is None
        or (isinstance(value, numbers.Real) and value != value)
        or type(value).__name__ in _MISSING_TYPES
    )


def _missing_message(where, what, name):
    """Why a missing value among the names ``what`` is refused."""
    return missing_value_message(what, where, name, _element_words(what)[2])


def other_type_message(
    what,
    where,
    value,
    kind="a str",
    *,
    beside="",
    flat="one str per element",
    instead=None,
):
    """Why an element of another type among names or labels is refused, and
    what to do, in the words of :func:`missing_value_message` (``what``,
    ``where`` and ``beside`` as there; ``value``, the element; ``kind``, what
    an element of ``what`` must be). A bytes element is told to be decoded,
    an Enum to be given by its ``.name`` or ``.value``, a list to be
    flattened (to ``flat``); a bool only to be removed (``str()`` would make
    it "True"). ``instead``, when given, replaces "remove it from ``what``"
    (a single value, not an element, cannot be removed).

    Examples
    --------
    >>> print(other_type_message("names", "names[1]", 3))
    names[1] is 3 (int), not a str: convert it with str(), or remove it from names.
    >>> print(other_type_message("names", "names[1]", b"ab"))
    names[1] is b'ab' (bytes), not a str: decode it with .decode(), or remove it
    from names.
    >>> print(other_type_message("names", "names[1]", True))
    names[1] is True (bool), not a str: remove it from names.
    >>> print(other_type_message("label", "label", b"f", instead="pass another"))
    label is b'f' (bytes), not a str: decode it with .decode(), or pass another.
    """
    tail = f"remove it from {what}{beside}" if instead is None else instead
    return (
        f"{where} is {_shown_element(value)} ({type(value).__name__}), not "
        f"{kind}: {_change_words(value, what, flat)}{tail}."
    )


def _shown_element(value):
    """An element as a message shows it: a list or an array cut short."""
    if isinstance(value, np.ndarray):
        value = value.tolist()  # its elements, as a list of them is shown
    return _CUT.repr(value) if isinstance(value, (list, tuple)) else repr(value)


def _change_words(value, what, flat):
    """What to make of an element of another type, before "remove it"."""
    if isinstance(value, (bool, np.bool_)):
        return ""  # no name or label is meant by a flag
    if isinstance(value, (bytes, bytearray)):
        return "decode it with .decode(), or "
    if isinstance(value, enum.Enum):
        return f"use its .name ({value.name!r}) or its .value ({value.value!r}), or "
    if isinstance(value, _NESTED):
        return f"flatten {what} to {flat}, or "
    return "convert it with str(), or "


def _element_words(what):
    """How a message speaks of the elements of ``what``: ``(each, whole,
    one)``, such as ``("each of the names", "the names", "name")``; for a
    parameter (``exclude``, and ``train`` and ``test`` of ``sample_report``),
    ``("each name in exclude", "exclude", "name")``."""
    if what in ("exclude", "train", "test"):  # a parameter, not a noun
        return f"each name in {what}", what, "name"
    one = "prefix" if what == "prefixes" else "name"
    return f"each of the {what}", f"the {what}", one


def line_break_words(text):
    """``"a line break"`` of ``text``, naming its first one unless it is
    ``\\n`` or ``\\r``: a rarer break does not show (a LINE SEPARATOR pasted
    from a web page or a PDF).

    Examples
    --------
    >>> print(line_break_words("ra\\n"), "/", line_break_words("ra\\u2028vi"))
    a line break / a line break, '\\u2028' (LINE SEPARATOR)
    """
    first = text[min(i for i in map(text.find, LINE_BREAKS) if i >= 0)]
    return (
        "a line break" if first in "\n\r" else f"a line break, {describe_symbol(first)}"
    )


def _one_line_rule(what):
    """Why an element of ``what`` must hold no line break, and what to do."""
    if what == "prefixes":  # as check_prefix says it of a prefix
        return "a prefix is the start of one name: remove the line break"
    each = _element_words(what)[0]
    return f"{each} must be one line: remove the line break, or split it in two"


def _control_message(name, at, where, what):
    """Why a name that holds the control character ``name[at]`` is refused."""
    _, whole, one = _element_words(what)
    char = name[at]
    cause = (
        " (NUL comes from binary data, or from text decoded with the wrong encoding)"
        if char == "\x00"
        else " (one from U+0080 to U+009F comes from a code page such as "
        "Windows-1252 decoded as Latin-1)"
        if "\x80" <= char <= "\x9f"
        else ""
    )
    return (
        f"{where} is {name!r}, which holds {describe_symbol(char)} at index "
        f"{at} of the {one}: a control character, no letter of a name{cause}. "
        f"Remove it from {whole}, or fix how they were read."
    )


# A lone surrogate: no character, but (U+DC80 to U+DCFF) a byte that the
# encoding a file was read with does not decode, kept by errors="surrogateescape".
_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate_message(name, at, where, what):
    """Why a name that holds the lone surrogate ``name[at]`` is refused."""
    _, whole, one = _element_words(what)
    code = ord(name[at])
    cause = (
        f"the byte 0x{code - 0xDC00:02X}, which the encoding the text was read "
        "with does not decode, kept by errors='surrogateescape'"
        if 0xDC80 <= code <= 0xDCFF
        else "half of a UTF-16 surrogate pair, without its other half"
    )
    return (
        f"{where} is {name!r}, which holds a lone surrogate (U+{code:04X}) at "
        f"index {at} of the {one}: no character, but {cause}; it cannot be written "
        f"as UTF-8. Read the file with its own encoding (such as encoding="
        "'cp1252' or 'utf-16') instead of errors='surrogateescape', or remove "
        f"it from {whole}."
    )


# The missing values of pandas, known by type name (pandas is not imported).
# pandas' missing values, and an element a NumPy masked array's mask hides.
_MISSING_TYPES = frozenset({"NAType", "NaTType", "MaskedConstant"})
# An element that is itself a collection: a 2-D input given as nested lists.
_NESTED = (list, tuple, np.ndarray)
_CUT = reprlib.Repr()  # a nested list shown in a line: 4 elements of 2 levels
_CUT.maxlist = _CUT.maxtuple = 4
_CUT.maxlevel = 2


def check_path_then_pipeline(path, pipeline, caller):
    """Refuse a pipeline as ``path`` or a path as ``pipeline`` (swapped); give
    ``path`` as a str (bytes decoded as the operating system does).

    Parameters
    ----------
    path : object
        The first argument of ``caller(path, pipeline)``: a file's path.
    pipeline : object
        Its second argument: a pipeline, or None for the default one.
    caller : str
        The function's name, for the message.

    Returns
    -------
    path : str
        ``path`` as a str.

    Raises
    ------
    TypeError
        If ``path`` is an estimator (has ``get_params``) or ``pipeline`` a path,
        or ``path`` is no str, bytes or os.PathLike (a file descriptor too: the
        reading would close it).

    Examples
    --------
    >>> from sknextchar import make_default_pipeline
    >>> check_path_then_pipeline(b"names.txt", None, "fit_file")
    'names.txt'
    >>> check_path_then_pipeline(make_default_pipeline(), "names.txt", "fit_file")
    Traceback (most recent call last):
    ...
    TypeError: fit_file(path, pipeline) takes the path of a file of names first, \
then the pipeline (None for the default one); got a Pipeline as path and \
'names.txt' as pipeline: swap them.
    """
    is_path = isinstance(pipeline, (str, bytes, os.PathLike))
    if hasattr(path, "get_params") or is_path:
        swapped = ": swap them" if hasattr(path, "get_params") and is_path else ""
        shown = [
            f"a {type(a).__name__}" if hasattr(a, "get_params") else repr(a)
            for a in (path, pipeline)
        ]
        raise TypeError(
            f"{caller}(path, pipeline) takes the path of a file of names first, "
            "then the pipeline (None for the default one); got "
            f"{shown[0]} as path and {shown[1]} as pipeline{swapped}."
        )
    if not isinstance(path, (str, bytes, os.PathLike)):  # a descriptor: not read
        raise TypeError(
            "path must be the path of a file (a str, bytes or os.PathLike); got "
            f"{type(path).__name__}."
        )
    return path_text(path)


def check_positive_int(value, name):
    """Validate a count: an int of at least 1 (``bool`` is refused).

    Parameters
    ----------
    value : object
        The value to check.
    name : str
        The argument's name, for the message.

    Returns
    -------
    value : int

    Raises
    ------
    TypeError
        If ``value`` is not an integer, or is a bool.
    ValueError
        If ``value`` is below 1.

    Examples
    --------
    >>> import numpy as np
    >>> check_positive_int(np.int64(3), "n_samples")
    3
    >>> check_positive_int(0, "n_samples")
    Traceback (most recent call last):
    ...
    ValueError: n_samples must be a positive int; got 0.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive int; got {value!r}.")
    if value < 1:
        raise ValueError(f"{name} must be a positive int; got {value!r}.")
    return int(value)


def check_bool(value, name):
    """Validate a flag: ``True`` or ``False`` (a NumPy bool too).

    Parameters
    ----------
    value : object
        The value to check.
    name : str
        The argument's name, for the message.

    Returns
    -------
    value : bool

    Raises
    ------
    TypeError
        If ``value`` is not a bool.

    Examples
    --------
    >>> check_bool(True, "unique")
    True
    >>> check_bool("yes", "unique")
    Traceback (most recent call last):
    ...
    TypeError: unique must be True or False; got 'yes'.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False; got {value!r}.")
    return bool(value)


def check_prefix(prefix, name="prefix"):
    """Validate one prefix: a ``str``, ``""`` for none.

    Parameters
    ----------
    prefix : object
        The value to check.
    name : str, default="prefix"
        The argument that holds it, as the messages name it (``"context"``
        of :func:`~sknextchar.plotting.plot_temperature`).

    Returns
    -------
    prefix : str

    Raises
    ------
    TypeError
        If ``prefix`` is not a str.
    ValueError
        If ``prefix`` holds a line break (no name does).

    Examples
    --------
    >>> check_prefix("ab")
    'ab'
    >>> check_prefix(["ab"])
    Traceback (most recent call last):
    ...
    TypeError: prefix is ['ab'] (list), not a str: give the start of a name as a ...
    >>> check_prefix("ra\\n")
    Traceback (most recent call last):
    ...
    ValueError: prefix is 'ra\\n', which holds a line break; a prefix is the ...
    """
    if not isinstance(prefix, str):
        text = isinstance(prefix, (bytes, bytearray))
        change = "decode it with .decode(), or give" if text else (
            "give the start of a name as a str, or")  # fmt: skip
        raise TypeError(
            f"{name} is {_shown_element(prefix)} ({type(prefix).__name__}), not a "
            f"str: {change} '' for none."
        )
    if prefix.splitlines() not in ([prefix], []):
        raise ValueError(
            f"{name} is {quoted(prefix)}, which holds {line_break_words(prefix)}; a "
            f"{name} is the start of one name: remove the line break."
        )
    return prefix


def check_exclude(exclude, *, normalize):
    """Validate a collection of names to exclude; return it as a frozenset.

    Parameters
    ----------
    exclude : collection of str or None
        Names never to return; ``None`` for none.
    normalize : callable
        What the model writes of a list of names (its lowercasing, accent
        stripping and dropped characters included):
        :func:`~sknextchar._left_out.written_forms` of its transformer.

    Returns
    -------
    exclude : frozenset of str

    Raises
    ------
    TypeError
        If ``exclude`` is a single string, not iterable, or holds non-strings
        (the message names the first, ``exclude[2]`` of a list,
        ``exclude.iloc[2] (position 2, index label 7)`` of a Series indexed
        otherwise).
    ValueError
        If ``exclude`` is a DataFrame or an array of 2 or more dimensions
        (iterating a DataFrame gives its column labels: pass its column of
        names, ``exclude=X['name']``), or a name holds a line break or a
        control character.

    Notes
    -----
    A name the model reads as nothing (blank, only invisible characters, or
    only what its settings remove or drop) is one it never writes: it is
    ignored, as excluding it changes nothing.

    Examples
    --------
    >>> from functools import partial
    >>> from sknextchar import ContextWindowTransformer
    >>> from sknextchar._left_out import written_forms
    >>> model = ContextWindowTransformer().fit(["abid", "ali", "asha"])
    >>> forms = partial(written_forms, model)
    >>> sorted(check_exclude(["Abid", "ali"], normalize=forms))
    ['abid', 'ali']
    >>> check_exclude(None, normalize=forms)
    frozenset()
    >>> sorted(check_exclude(["asha", "\u200e", " "], normalize=forms))
    ['asha']
    """
    if exclude is None:
        return frozenset()
    if isinstance(exclude, (str, bytes)):
        raise TypeError(
            f"exclude must be a collection of names, not a single string; got "
            f"{quoted_value(exclude)}. Wrap it in a list: {_wrapped(exclude)}."
        )
    check_one_dimensional(exclude, param="exclude")  # a frame's labels are str
    try:
        names = list(exclude)
    except TypeError:
        raise TypeError(
            f"exclude must be a collection of names (list, set, array of str); got "
            f"{type(exclude).__name__}."
        ) from None
    ordered = not isinstance(exclude, (Set, MappingView))
    # Non-strings are refused by position (and a Series's index label); a blank
    # name is ignored below.
    index = series_index(exclude) if ordered else None
    check_elements(names, "exclude", True, index, ordered=ordered)
    # A name the model reads as nothing is none it writes: excluding it is moot.
    # What some model keeps stays here (the tatweel, idle marks); normalize
    # reads the names as typed, as the model reads them.
    texts = normalize_texts(
        names, lowercase=False, keep_tatweel=True, keep_idle_marks=True
    )
    names = [name for name, text in zip(names, texts) if text.strip()]
    return frozenset(filter(str.strip, normalize(names))) if names else frozenset()


def check_sampler_fitted(sampler):
    """Raise scikit-learn's ``NotFittedError`` if ``sampler`` is not fitted.

    The message says how to fit it, and how to use a pipeline that is already
    fitted: ``NameSampler(pipe)`` does not look at whether ``pipe`` is fitted,
    only ``fit`` makes a sampler usable. A sampler of a ``FrozenEstimator``
    (what ``load_model`` gives, unfitted by ``clone``) is told to call ``fit``.

    Examples
    --------
    >>> from sknextchar import NameSampler, make_default_pipeline
    >>> from sknextchar._validation import check_sampler_fitted
    >>> check_sampler_fitted(NameSampler(make_default_pipeline()))
    Traceback (most recent call last):
    ...
    sklearn.exceptions.NotFittedError: This NameSampler instance is not fitted yet...
    """
    if isinstance(getattr(sampler, "estimator", None), FrozenEstimator):
        msg = (
            "This %(name)s instance is not fitted yet. Its pipeline is frozen "
            "(FrozenEstimator): call sampler.fit(names) with the training names, "
            "which does not refit the pipeline. A model from load_model is "
            "fitted: use it as loaded, as clone(model) gives an unfitted copy."
        )
    else:
        msg = (
            "This %(name)s instance is not fitted yet: call sampler.fit(names) "
            "before using it (this fits a clone of its pipeline). To sample from "
            "a pipeline you have already fitted, without refitting it, wrap it: "
            "NameSampler(FrozenEstimator(pipe)).fit(names), with "
            "FrozenEstimator from sklearn.frozen."
        )
    check_is_fitted(sampler, msg=msg)


def float_array(values):
    """``np.asarray(values, dtype=float)``, refusing bools and text.

    scikit-learn refuses a bool where a number is meant (``Interval`` excludes
    them); this extends that rule to the numbers of an array-like parameter,
    such as a mixture's weights, where ``[True, False]`` may be meant as a mask.

    Parameters
    ----------
    values : object
        The parameter's value.

    Returns
    -------
    array : ndarray of float64

    Raises
    ------
    TypeError
        If ``values`` holds a bool or a str (the caller words the message).
    ValueError
        If NumPy cannot read ``values`` as numbers.

    Examples
    --------
    >>> float_array([0.5, 1]).tolist()
    [0.5, 1.0]
    >>> float_array([True, False])
    Traceback (most recent call last):
    ...
    TypeError: bools and text are not numbers here
    """
    array = np.asarray(values, dtype=float)
    no_numbers = (bool, np.bool_, str, bytes)  # "0.5" would be read as a number
    if any(isinstance(v, no_numbers) for v in np.ravel(np.asarray(values, object))):
        raise TypeError("bools and text are not numbers here")
    return array
