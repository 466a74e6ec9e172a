"""The symbol vocabulary: reserved ids and vectorised character encoding."""

import string

import numpy as np

# The one reserved symbol. "-" has id 0 and plays two roles: it pads the context
# before a name starts, and it is the target after the last letter (end of name).
# It sorts before "a", so id order, ``classes_`` order and ``predict_proba``
# column order are one order for the default alphabet.
END = "-"
END_ID = 0

DEFAULT_ALPHABET = string.ascii_lowercase


def make_vocabulary(alphabet):
    """Return the vocabulary tuple ``(END, *sorted(alphabet))``.

    Parameters
    ----------
    alphabet : iterable of str
        Distinct single characters, the end marker excluded.

    Returns
    -------
    vocabulary : tuple of str
        ``vocabulary[i]`` is the symbol with id ``i``; ``vocabulary[0]`` is ``END``.

    Examples
    --------
    >>> make_vocabulary("cab")
    ('-', 'a', 'b', 'c')
    """
    symbols = list(alphabet)
    bad = sorted({s for s in symbols if not isinstance(s, str) or len(s) != 1})
    if bad:
        raise ValueError(
            f"alphabet must contain single characters only; got {bad!r}. "
            "Pass a string such as 'abcdefghijklmnopqrstuvwxyz'."
        )
    if END in symbols:
        raise ValueError(
            f"alphabet must not contain the reserved end marker {END!r}; "
            "it is added automatically with id 0."
        )
    if len(set(symbols)) != len(symbols):
        dup = sorted({s for s in symbols if symbols.count(s) > 1})
        raise ValueError(f"alphabet has repeated characters {dup!r}; list each once.")
    if not symbols:
        raise ValueError("alphabet is empty; it needs at least one character.")
    return (END, *sorted(symbols))


def codepoints(text):
    """Unicode code points of ``text`` as a uint32 array (vectorised, no loop).

    Examples
    --------
    >>> codepoints("ab-").tolist()
    [97, 98, 45]
    """
    # "surrogatepass": a lone surrogate (from a file read with surrogateescape)
    # gets its code point and is reported as an unknown character, by name.
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def decode_rows(ids, vocabulary):
    """The strings spelled by the rows of an id matrix, each ended by id 0.

    Vectorised: one pass over the whole matrix, no loop over rows. Every id after
    a row's first end marker must be the end marker too (the padding of a
    shorter name).

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
    """
    if not ids.shape[1]:
        return [""] * len(ids)
    points = codepoints("".join(vocabulary)).astype("<u4")
    points[END_ID] = 0  # NUL: NumPy drops trailing NULs from str items
    chars = np.ascontiguousarray(points[ids])  # (n, width)
    return chars.view(f"<U{ids.shape[1]}")[:, 0].tolist()


def id_dtype(n_symbols):
    """Smallest unsigned integer dtype that holds ids ``0 .. n_symbols - 1``.

    Examples
    --------
    >>> id_dtype(27)
    dtype('uint8')
    """
    return np.min_scalar_type(max(n_symbols - 1, 0))


class SymbolTable:
    """Map characters to ids and back, vectorised over whole strings.

    Parameters
    ----------
    vocabulary : tuple of str
        As returned by :func:`make_vocabulary`.

    Examples
    --------
    >>> table = SymbolTable(make_vocabulary("abc"))
    >>> ids, bad = table.encode_letters("cab")
    >>> ids.tolist(), bad.any()
    ([3, 1, 2], np.False_)
    >>> table.decode([3, 1, 2, 0])
    'cab-'
    """

    def __init__(self, vocabulary):
        self.vocabulary = tuple(vocabulary)
        self.dtype = id_dtype(len(self.vocabulary))
        points = codepoints("".join(self.vocabulary))
        order = np.argsort(points)
        self._sorted_points = points[order]
        self._sorted_ids = order.astype(self.dtype)
        # object, not "<U1": NumPy's str arrays drop trailing NULs, so "\x00" (a
        # symbol of a learned alphabet) would decode to "".
        self._symbols = np.array(self.vocabulary, dtype=object)

    def encode_letters(self, text):
        """Ids of the characters of ``text``, and where they are not letters.

        Returns
        -------
        ids : ndarray of shape (len(text),)
            The id of each character (meaningless where ``bad`` is True).
        bad : ndarray of bool of shape (len(text),)
            True for characters outside the vocabulary and for the end marker,
            which is reserved and cannot occur inside a name.
        """
        points = codepoints(text)
        pos = np.searchsorted(self._sorted_points, points)
        pos = np.minimum(pos, len(self._sorted_points) - 1)
        ids = self._sorted_ids[pos]
        bad = (self._sorted_points[pos] != points) | (ids == END_ID)
        return ids, bad

    def decode(self, ids):
        """The string spelled by a 1-D sequence of ids."""
        return "".join(self._symbols[np.asarray(ids, dtype=np.intp)])
