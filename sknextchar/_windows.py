"""The immutable container of (context, next character) windows."""

import numpy as np

from ._vocabulary import END_ID

# What the windows are, in the messages that refuse to treat them as a table.
WINDOWS_TAKERS = (
    "the windows of names that a next-character model (CharEmbeddingMLPClassifier, "
    "KneserNeyClassifier, MixtureClassifier, PerLabelClassifier) takes"
)


class CharWindows:
    """Training windows cut from a list of names.

    The output of :meth:`ContextWindowTransformer.transform`. It holds, for every
    window, the ids of the ``context_length`` previous symbols, the id of the next
    symbol, and the index of the name it was cut from. A name of ``n`` letters gives
    ``n + 1`` windows, the last one predicting the end marker.

    The container is read-only and deliberately has no indexing, and its
    ``__array__`` raises a ``TypeError`` that says what to do: scikit-learn
    utilities that would split or convert it row by row (``FeatureUnion``,
    ``ColumnTransformer``, a model of tables) fail loudly instead of silently
    misaligning windows and names. Its ``shape`` and ``ndim`` (those of
    ``contexts``) let such utilities' checks of a 2-D output through to that
    conversion and its message.

    Parameters
    ----------
    contexts : ndarray of shape (n_windows, context_length), unsigned int
        Context ids; id 0 is the end marker (shown as ``"-"`` by default), which
        pads the context before a name starts.
    targets : ndarray of shape (n_windows,), unsigned int
        Id of the symbol that follows each context.
    name_index : ndarray of shape (n_windows,), int
        Position, in the transformed list, of the name each window came from.
    vocabulary : tuple of str
        ``vocabulary[i]`` is the symbol with id ``i``.
    n_names : int
        Number of names that were transformed.
    fit_link : object, default=None
        Set by :meth:`ContextWindowTransformer.fit_transform` inside a
        Pipeline: what :meth:`report_fit` tells whether a model fitted on these
        windows (an object with a ``report(succeeded)`` method and a
        ``model_fit()`` context). None for windows that report nothing.

    Attributes
    ----------
    context_length : int
        Number of symbols in each context.
    fit_link : object or None
        The ``fit_link`` given (see :meth:`report_fit`).
    shape : tuple of int
        ``(n_windows, context_length)``, the shape of ``contexts``.
    ndim : int
        2, the number of dimensions of ``contexts``.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> windows = ContextWindowTransformer(context_length=3).fit_transform(["abid"])
    >>> len(windows)
    5
    >>> windows.contexts.shape, windows.targets.tolist()
    ((5, 3), [1, 2, 9, 4, 0])
    """

    __slots__ = (
        "contexts",
        "targets",
        "name_index",
        "vocabulary",
        "n_names",
        "_fit_link",
    )

    def __init__(
        self, contexts, targets, name_index, vocabulary, n_names, fit_link=None
    ):
        contexts = np.asarray(contexts)
        targets = np.asarray(targets)
        name_index = np.asarray(name_index)
        if contexts.ndim != 2 or targets.ndim != 1 or name_index.ndim != 1:
            raise ValueError(
                "contexts must be 2-D and targets and name_index 1-D; got shapes "
                f"{contexts.shape}, {targets.shape}, {name_index.shape}."
            )
        if not (len(contexts) == len(targets) == len(name_index)):
            raise ValueError(
                "contexts, targets and name_index must have one row per window; got "
                f"{len(contexts):,}, {len(targets):,} and {len(name_index):,} rows."
            )
        for array in (contexts, targets, name_index):
            array.flags.writeable = False
        setter = object.__setattr__
        setter(self, "contexts", contexts)
        setter(self, "targets", targets)
        setter(self, "name_index", name_index)
        setter(self, "vocabulary", tuple(vocabulary))
        setter(self, "n_names", int(n_names))
        setter(self, "_fit_link", fit_link)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is read-only.")

    def __delattr__(self, name):
        raise AttributeError(f"{type(self).__name__} is read-only.")

    def __reduce__(self):
        return (
            type(self),
            (
                self.contexts,
                self.targets,
                self.name_index,
                self.vocabulary,
                self.n_names,
            ),
        )

    def __len__(self):
        return len(self.targets)

    def __array__(self, dtype=None, copy=None):
        raise TypeError(
            f"CharWindows are not a table: they are {WINDOWS_TAKERS}. Put the "
            "ContextWindowTransformer right before such a model in a Pipeline; "
            "FeatureUnion (make_union), ColumnTransformer and models of tables "
            "cannot take the windows (their arrays are windows.contexts and "
            "windows.targets)."
        )

    def report_fit(self, succeeded):
        """Tell the transformer that made these windows whether a model fit on them.

        Windows made by :meth:`ContextWindowTransformer.fit_transform` inside a
        meta-estimator (what a Pipeline's ``fit`` calls) are linked to the
        transformer's fit. When a model fails to fit on them, the transformer
        goes back to its state before that ``fit_transform``, as the model goes
        back to its own: a Pipeline whose refit failed in its model is exactly
        the pipeline it was before the call. Once a model has fitted on them,
        the transformer keeps its fit: a later failure changes nothing (and a
        success after a failure brings the fit back). Nothing happens if the
        transformer was fitted again in between. Other windows (from a
        ``fit_transform`` of your own, ``transform``, ``subset`` or unpickling)
        are not linked and the call does nothing.

        Parameters
        ----------
        succeeded : bool
            Whether the model's fit on these windows completed.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> transformer = ContextWindowTransformer()
        >>> windows = transformer.fit_transform(["abid"])
        >>> windows.fit_link is None  # made by you, not by a Pipeline
        True
        >>> windows.report_fit(False)  # nothing to tell: the fit stays
        >>> len(transformer.transform(["abid"]))
        5
        """
        if self._fit_link is not None:
            self._fit_link.report(succeeded)

    @property
    def fit_link(self):
        """The link to the transformer's fit that made the windows, or None.

        See :meth:`report_fit`.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> windows = ContextWindowTransformer().fit(["abid"]).transform(["abid"])
        >>> windows.fit_link is None  # only a Pipeline's fit_transform links them
        True
        """
        return self._fit_link

    def __repr__(self):
        return (
            f"{type(self).__name__}(n_windows={len(self)}, n_names={self.n_names}, "
            f"context_length={self.context_length}, n_symbols={len(self.vocabulary)})"
        )

    @property
    def context_length(self):
        """The characters before each target: the width of ``contexts``.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> windows = ContextWindowTransformer(context_length=4).fit_transform(["abid"])
        >>> windows.context_length
        4
        """
        return self.contexts.shape[1]

    @property
    def shape(self):
        """``(n_windows, context_length)``: the shape of ``contexts``.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> ContextWindowTransformer(context_length=3).fit_transform(["abid"]).shape
        (5, 3)
        """
        return self.contexts.shape

    @property
    def ndim(self):
        """2, as for the array of contexts.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> ContextWindowTransformer().fit_transform(["abid"]).ndim
        2
        """
        return self.contexts.ndim

    def subset(self, name_mask):
        """The windows of the names where ``name_mask`` is True.

        Splitting by name (never by window) is how held-out sets are made, so that
        no window of a held-out name is seen in training.

        Parameters
        ----------
        name_mask : array-like of bool of shape (n_names,)
            Which names to keep.

        Returns
        -------
        windows : CharWindows
            A new container; ``name_index`` still refers to the original names.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> windows = ContextWindowTransformer().fit_transform(["abid", "ali"])
        >>> len(windows.subset([False, True]))
        4
        """
        name_mask = np.asarray(name_mask, dtype=bool)
        if name_mask.shape != (self.n_names,):
            raise ValueError(
                f"name_mask must have one entry per name ({self.n_names:,}); "
                f"got shape {name_mask.shape}."
            )
        keep = name_mask[self.name_index]
        return CharWindows(
            self.contexts[keep],
            self.targets[keep],
            self.name_index[keep],
            self.vocabulary,
            self.n_names,
        )


def check_windows_output(transform):
    """Refuse any output container but the windows themselves.

    What ``ContextWindowTransformer.set_output`` checks, as scikit-learn's
    ``Pipeline.set_output`` and ``ColumnTransformer.set_output`` call it on
    every step: ``None`` and ``"default"`` leave the output as it is, the
    windows; a table (``"pandas"``, ``"polars"``) cannot hold them.

    Parameters
    ----------
    transform : object
        The ``transform`` given to ``set_output``.

    Raises
    ------
    ValueError
        For anything but ``None`` and ``"default"``, saying what the windows are
        and what to do instead.
    """
    if transform is None or (isinstance(transform, str) and transform == "default"):
        return
    raise ValueError(
        "ContextWindowTransformer.set_output accepts transform='default' or None "
        f"only; got transform={transform!r}. Its output is CharWindows, "
        f"{WINDOWS_TAKERS}: no table (each window keeps its target and its name), "
        "so no pandas or polars DataFrame can hold it. Pipeline.set_output and "
        "ColumnTransformer.set_output set the output of every step in turn, this "
        "one included, so the steps before it were set before this refusal: set "
        "them again as you need them (transform='default' for NumPy output), or "
        "leave the output unset. For a table of the windows, build one from their "
        "arrays: pd.DataFrame(windows.contexts, "
        "columns=transformer.get_feature_names_out()) and windows.targets. "
        "ColumnTransformer and FeatureUnion cannot take the windows at all: put "
        "the ContextWindowTransformer right before such a model in a Pipeline."
    )


def cut_windows(ids, lengths, context_length, dtype):
    """Cut every (context, target) window out of concatenated name ids.

    Vectorised: no Python loop over names or over the context's positions.

    Parameters
    ----------
    ids : ndarray of shape (sum(lengths),)
        The ids of all names' letters, concatenated.
    lengths : ndarray of shape (n_names,)
        Number of letters of each name.
    context_length : int
        Number of previous symbols in a context.
    dtype : numpy dtype
        Integer dtype of the returned ids.

    Returns
    -------
    contexts : ndarray of shape (n_windows, context_length)
    targets : ndarray of shape (n_windows,)
    name_index : ndarray of shape (n_windows,)
        With ``n_windows = sum(lengths + 1)``.
    """
    lengths = np.asarray(lengths, dtype=np.intp)
    n_names, L = len(lengths), context_length
    n_windows = int(lengths.sum()) + n_names
    name_index = np.repeat(np.arange(n_names, dtype=np.intp), lengths + 1)
    # The k-th window of a name predicts its k-th letter, its last window the
    # end marker.
    targets = np.full(n_windows, END_ID, dtype=dtype)
    letter = np.ones(n_windows, dtype=bool)
    letter[np.cumsum(lengths + 1) - 1] = False
    targets[letter] = ids
    del letter
    # Each name becomes a block of the stream: L pads, its letters, its end
    # marker; window w of name i starts at w + i * L and is the L ids there,
    # followed by its target. Time and memory grow with the output: no loop
    # over the context's positions (which took minutes at context_length=10**6),
    # and indices (8 bytes a window) only for a chunk of windows at a time.
    stream = np.full(n_windows + n_names * L, END_ID, dtype=dtype)
    view = np.lib.stride_tricks.sliding_window_view(stream, L) if n_names else None
    contexts = np.empty((n_windows, L), dtype=dtype)
    for low in range(0, n_windows, _CHUNK):
        high = min(low + _CHUNK, n_windows)
        starts = np.arange(low, high) + name_index[low:high] * L
        stream[starts + L] = targets[low:high]  # before the windows that read it
        contexts[low:high] = view[starts]
    return contexts, targets, name_index


# Windows cut at a time: their indices take 8 bytes each.
_CHUNK = 2**16


def last_contexts(ids, lengths, context_length):
    """The context after the last letter of each text, left-padded with 0.

    The context from which the symbol following each text is predicted: its last
    ``context_length`` ids, with the end marker (id 0) before a short text.

    Parameters
    ----------
    ids : ndarray of shape (sum(lengths),)
        The ids of all texts' letters, concatenated.
    lengths : ndarray of shape (n_texts,)
        Number of letters of each text (0 for an empty text).
    context_length : int
        Number of symbols in a context.

    Returns
    -------
    contexts : ndarray of shape (n_texts, context_length)
        Of the dtype of ``ids``.

    Examples
    --------
    >>> import numpy as np
    >>> last_contexts(np.array([1, 2, 9, 4, 5]), np.array([0, 4, 1]), 3).tolist()
    [[0, 0, 0], [2, 9, 4], [0, 0, 5]]
    """
    lengths = np.asarray(lengths, dtype=np.intp)
    ends = np.cumsum(lengths)  # (n,)
    positions = ends[:, None] + np.arange(-context_length, 0)  # (n, L)
    inside = positions >= (ends - lengths)[:, None]  # False where padding
    contexts = np.zeros((len(lengths), context_length), dtype=ids.dtype)
    contexts[inside] = ids[positions[inside]]
    return contexts
