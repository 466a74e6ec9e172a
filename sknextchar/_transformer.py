"""ContextWindowTransformer: names -> (context, next character) windows."""

from numbers import Integral

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.callback import CallbackSupportMixin
from sklearn.utils.validation import check_is_fitted

from ._compat import Interval, StrOptions, fit_context, reject_cross_val_predict
from ._estimator import PackageEstimatorMixin
from ._validation import check_names
from ._vocabulary import DEFAULT_ALPHABET, END, SymbolTable, make_vocabulary
from ._windows import CharWindows, cut_windows, last_contexts

_MAX_REPORTED = 5


class ContextWindowTransformer(
    PackageEstimatorMixin, CallbackSupportMixin, TransformerMixin, BaseEstimator
):
    """Cut names into (context, next character) windows.

    The first step of a character-level language model (Bengio et al. 2003): every
    name is read left to right, and each character is paired with the
    ``context_length`` characters before it. The symbol ``"-"`` (id 0) pads the
    context before the name starts and is the target after its last letter, so a
    name of ``n`` letters gives ``n + 1`` windows. With ``context_length=3``,
    ``"abid"`` gives ``---`` -> a, ``--a`` -> b, ``-ab`` -> i, ``abi`` -> d and
    ``bid`` -> ``-``.

    ``transform`` returns a :class:`CharWindows` container rather than an array, so
    that the row-expanding step fits a stock :class:`~sklearn.pipeline.Pipeline`:
    the next step (:class:`CharEmbeddingMLPClassifier`) reads the targets from it.

    Parameters
    ----------
    context_length : int, default=3
        Number of previous characters the next one is predicted from.
    alphabet : str or "auto", default="abcdefghijklmnopqrstuvwxyz"
        The characters a name may contain (the end marker ``"-"`` is added as id 0
        and must not be listed). ``"auto"`` learns the alphabet from the names
        passed to ``fit``, for names in other scripts.
    lowercase : bool, default=True
        Lowercase names before encoding. With ``False``, upper-case letters are
        unknown characters under the default alphabet.
    handle_unknown : {"error", "drop"}, default="error"
        What to do with characters outside the alphabet (and with ``"-"`` inside a
        name). ``"error"`` raises a ValueError listing the characters and the
        names they occur in. ``"drop"`` removes those characters; a name left
        empty gives no window.

    Attributes
    ----------
    vocabulary_ : tuple of str
        ``vocabulary_[i]`` is the symbol with id ``i``; ``vocabulary_[0]`` is
        ``"-"``, the letters follow in sorted order.

    See Also
    --------
    CharEmbeddingMLPClassifier : Predicts the next character of each window.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> transformer = ContextWindowTransformer(context_length=3)
    >>> windows = transformer.fit_transform(["abid"])
    >>> contexts = transformer.decode(windows.contexts)
    >>> targets = transformer.decode(windows.targets)
    >>> for context, target in zip(contexts, targets):
    ...     print(context, "->", target)
    --- -> a
    --a -> b
    -ab -> i
    abi -> d
    bid -> -
    """

    _parameter_constraints = {
        "context_length": [Interval(Integral, 1, None, closed="left")],
        "alphabet": [str, list, tuple],
        "lowercase": ["boolean"],
        "handle_unknown": [StrOptions({"error", "drop"})],
    }

    def __init__(
        self,
        context_length=3,
        *,
        alphabet=DEFAULT_ALPHABET,
        lowercase=True,
        handle_unknown="error",
    ):
        self.context_length = context_length
        self.alphabet = alphabet
        self.lowercase = lowercase
        self.handle_unknown = handle_unknown

    @fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y=None):
        """Fix the vocabulary.

        Parameters
        ----------
        X : 1-D array-like of str
            Names: a list, tuple, 1-D array or pandas Series of strings.
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        self : ContextWindowTransformer
            The fitted transformer.
        """
        names = self._prepare(X)
        context = self._begin_callbacks(X)
        self._learn_vocabulary(names)
        context.call_on_fit_task_end(estimator=self, X=X)
        if self._fixed_alphabet() and self.handle_unknown == "error":
            # As OneHotEncoder with given categories: refuse at fit the data
            # that transform would refuse, naming the characters and names.
            self._encode_names(names)
        return self

    @fit_context(prefer_skip_nested_validation=True)
    def fit_transform(self, X, y=None):
        """Fix the vocabulary and cut the names into windows, reading them once.

        The same result as ``fit(X).transform(X)``, with the names validated and
        encoded once instead of twice (this is what a Pipeline's ``fit`` calls).

        Parameters
        ----------
        X : 1-D array-like of str
            Names.
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        windows : CharWindows
            ``sum(len(name) + 1)`` windows (fewer when characters are dropped).

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> len(ContextWindowTransformer().fit_transform(["abid", "ali"]))
        9
        """
        names = self._prepare(X)
        context = self._begin_callbacks(X)
        self._learn_vocabulary(names)
        windows = self._cut(names)  # raises fit's error for unknown characters
        context.call_on_fit_task_end(estimator=self, X=X)
        return windows

    def _begin_callbacks(self, X):
        """Fitting is one task without subtasks for scikit-learn's callbacks."""
        context = self._init_callback_context()
        context.call_on_fit_task_begin(estimator=self, X=X)
        return context

    def transform(self, X):
        """Cut the names into windows.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        windows : CharWindows
            ``sum(len(name) + 1)`` windows (fewer when characters are dropped).
        """
        check_is_fitted(self)
        return self._cut(self._prepare(X))

    def encode(self, X):
        """Ids of the letters of each name (no padding, no end marker).

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        ids : list of ndarray
            One 1-D integer array per name.

        Examples
        --------
        >>> t = ContextWindowTransformer().fit(["abid"])
        >>> [a.tolist() for a in t.encode(["abid", "ali"])]
        [[1, 2, 9, 4], [1, 12, 9]]
        """
        check_is_fitted(self)
        names = self._prepare(X)
        ids, lengths, kept = self._encode_names(names)
        out = [np.zeros(0, dtype=ids.dtype) for _ in names]
        for i, part in zip(kept, np.split(ids, np.cumsum(lengths)[:-1])):
            out[i] = part
        return out

    def decode(self, ids):
        """Spell ids back as strings.

        Parameters
        ----------
        ids : array-like of int, 1-D or 2-D, or list of 1-D arrays
            A 1-D sequence gives one string; a 2-D array (for example
            ``windows.contexts``) or a list of sequences gives a list of strings.

        Returns
        -------
        text : str or list of str

        Examples
        --------
        >>> t = ContextWindowTransformer().fit(["abid"])
        >>> t.decode([1, 2, 9, 4])
        'abid'
        >>> t.decode(t.transform(["abid"]).contexts)
        ['---', '--a', '-ab', 'abi', 'bid']
        """
        check_is_fitted(self)
        n_symbols = len(self.vocabulary_)
        if isinstance(ids, np.ndarray) and ids.ndim == 2:
            return [self.decode(row) for row in ids]  # [] for zero rows
        if isinstance(ids, (str, bytes)) or not hasattr(ids, "__len__"):
            raise TypeError(
                "Expected integer ids in a 1-D or 2-D array or a list of sequences; "
                f"got {type(ids).__name__} {ids!r}. Wrap a single id in a list."
            )
        if len(ids) and np.ndim(ids[0]) == 1:
            return [self.decode(row) for row in ids]
        try:
            array = np.asarray(ids)
        except ValueError:  # NumPy's message on ragged input names no shape
            raise ValueError(
                "Expected integer ids in a 1-D or 2-D array or a list of sequences; "
                "got a mix of ids and sequences."
            ) from None
        if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
            raise ValueError(
                f"Expected integer ids in a 1-D or 2-D array; got {array.dtype} "
                f"values of shape {array.shape}."
            )
        if array.size and (array.min() < 0 or array.max() >= n_symbols):
            raise ValueError(
                f"ids must lie in [0, {n_symbols - 1}] for this vocabulary of "
                f"{n_symbols} symbols; got values from {array.min()} to {array.max()}."
            )
        return SymbolTable(self.vocabulary_).decode(array)

    def encode_prefixes(self, prefixes):
        """Context ids of the last ``context_length`` characters of each prefix.

        Shorter prefixes are left-padded with ``"-"``; the empty prefix is all
        padding. This is the context from which the character after the prefix
        is predicted. Unknown characters always raise, whatever
        ``handle_unknown`` says: a prefix is a request, not data.

        Parameters
        ----------
        prefixes : 1-D array-like of str
            Beginnings of names (``""`` allowed).

        Returns
        -------
        contexts : ndarray of shape (n_prefixes, context_length)
            :meth:`encode_prefix_list` gives the same contexts, and the letters
            and lengths of the prefixes, without input checks.

        Examples
        --------
        >>> t = ContextWindowTransformer(context_length=3).fit(["abid"])
        >>> t.encode_prefixes(["", "ab", "abid"]).tolist()
        [[0, 0, 0], [0, 1, 2], [2, 9, 4]]
        """
        check_is_fitted(self)
        prefixes = check_names(prefixes, what="prefixes", allow_empty_strings=True)
        return self.encode_prefix_list(prefixes)[2]

    def encode_prefix_list(self, prefixes):
        """Letter ids, letter counts and contexts of an already checked list.

        The unchecked core of :meth:`encode_prefixes`, for callers that have
        checked the fit and the list themselves and need more than the contexts
        (:class:`NameSampler` starts names from the letters and bounds their
        lengths). The list and the fit are not validated: pass a fitted
        transformer and a list of ``str``, or use :meth:`encode_prefixes`.
        Unknown characters raise as in :meth:`encode_prefixes`.

        Parameters
        ----------
        prefixes : list of str
            Beginnings of names (``""`` allowed), not validated.

        Returns
        -------
        ids : ndarray of shape (sum(lengths),)
            The letters of all prefixes, concatenated.
        lengths : ndarray of shape (n_prefixes,)
            The number of letters of each prefix.
        contexts : ndarray of shape (n_prefixes, context_length)
            The last ``context_length`` ids of each prefix, left-padded with 0:
            what :meth:`encode_prefixes` returns.

        Examples
        --------
        >>> t = ContextWindowTransformer(context_length=3).fit(["abid"])
        >>> ids, lengths, contexts = t.encode_prefix_list(["AB", ""])
        >>> ids.tolist(), lengths.tolist(), contexts.tolist()
        ([1, 2], [2, 0], [[0, 1, 2], [0, 0, 0]])
        """
        if self.lowercase:
            prefixes = [p.lower() for p in prefixes]
        ids, lengths, _ = self._encode_names(prefixes, policy="error", what="prefixes")
        return ids, lengths, last_contexts(ids, lengths, self.context_length)

    def _fixed_alphabet(self):
        return not (isinstance(self.alphabet, str) and self.alphabet == "auto")

    def _learn_vocabulary(self, names):
        """Set ``vocabulary_`` from the alphabet, or from the names under "auto"."""
        if self._fixed_alphabet():
            self.vocabulary_ = make_vocabulary(self.alphabet)
            return
        seen = set("".join(names))
        if END in seen:
            offending = [n for n in names if END in n][:_MAX_REPORTED]
            raise ValueError(
                f"The end marker {END!r} is reserved and cannot occur inside a "
                f"name; found in {offending!r}. Remove it from the names."
            )
        self.vocabulary_ = make_vocabulary(seen)

    def _cut(self, names):
        """The windows of already prepared names."""
        reject_cross_val_predict()
        ids, lengths, kept = self._encode_names(names)
        contexts, targets, name_index = cut_windows(
            ids, lengths, self.context_length, ids.dtype
        )
        return CharWindows(
            contexts, targets, kept[name_index], self.vocabulary_, len(names)
        )

    def _prepare(self, X):
        names = check_names(X)
        return [n.lower() for n in names] if self.lowercase else names

    def _encode_names(self, names, policy=None, what="names"):
        """Encode names in one vectorised pass; apply the unknown-character policy.

        Returns the concatenated letter ids, each kept name's length, and the
        positions of the kept names.
        """
        table = SymbolTable(self.vocabulary_)
        lengths = np.fromiter(map(len, names), dtype=np.intp, count=len(names))
        ids, bad = table.encode_letters("".join(names))
        kept = np.arange(len(names))
        if bad.any():
            owner = np.repeat(kept, lengths)  # name of each character
            if (policy or self.handle_unknown) == "error":
                raise ValueError(self._unknown_message(names, bad, owner, what))
            ids = ids[~bad]
            lengths = lengths - np.bincount(owner[bad], minlength=len(names))
            kept = kept[lengths > 0]
            lengths = lengths[kept]
        return ids, lengths, kept

    def _unknown_message(self, names, bad, owner, what):
        text = "".join(names)
        chars = sorted({text[i] for i in np.flatnonzero(bad)})
        culprits = np.unique(owner[bad])
        shown = ", ".join(f"{what}[{i}]={names[i]!r}" for i in culprits[:_MAX_REPORTED])
        more = len(culprits) - _MAX_REPORTED
        shown += f" and {more} more" if more > 0 else ""
        return (
            f"Found characters outside the vocabulary {chars!r} in {shown}. The "
            f"vocabulary is {''.join(self.vocabulary_[1:])!r} plus the reserved end "
            f"marker {END!r}. Clean the {what}, pass alphabet='auto' (or a larger "
            "alphabet) to fit, or pass handle_unknown='drop' to remove unknown "
            "characters."
        )

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        return tags
