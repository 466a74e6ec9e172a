"""ContextWindowTransformer: names -> (context, next character) windows."""

from numbers import Integral

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.callback import CallbackSupportMixin
from sklearn.utils.validation import check_is_fitted

from ._accent_folding import warn_other_scripts_folded
from ._atomic import all_or_nothing, learned_state, link_to_fit
from ._compat import (
    Interval,
    StrOptions,
    fit_context,
    reject_cross_val_predict,
)
from ._consistency import STEPS_DISAGREE
from ._dropped_capitals import warn_capitals_dropped
from ._empty_names import EmptyNamesError
from ._estimator import PackageEstimatorMixin
from ._learned_alphabet import (
    NOT_FITTED_TO_COPY,
    keeps_old_spellings,
    learned_alphabet_copy,
    learned_vocabulary,
    refuse_copy_read_otherwise,
)
from ._letter_forms import warn_look_alikes
from ._limits import MAX_LETTERS
from ._sizes import check_window_memory
from ._step_words import step_error
from ._text import (
    final_forms_learned_plain,
    fold_final_forms,
    holds_full_width,
    holds_idle_marks,
    holds_tatweel,
    normalize_text,
    normalize_texts,
    several_spaces,
    spell_spaces,
    split_each,
)
from ._unknown_advice import (
    TRAIN_AGAIN,
    DroppedNamesError,
    names_left_empty,
)
from ._unknown_message import (
    alphabet_hint,
    fold_note,
    letters_kept,
    place_of,
    unknown_message,
    unknown_text,
    warn_parts_glued,
)
from ._validation import check_names, element_place, series_index
from ._vocabulary import (
    DEFAULT_ALPHABET,
    END,
    SymbolTable,
    is_auto_alphabet,
    spell_names,
    vocabulary_of_parameters,
    warn_unseen_end_symbol,
)
from ._windows import CharWindows, check_windows_output, cut_windows, last_contexts
from ._words import MAX_REPORTED

# Parameters added after 0.1.0.dev0, with the values that give the behaviour of
# models saved before them (a model file stays loadable and predicts the same).
_SAVED_BEFORE = {"strip_accents": None, "unit": "char", "end_symbol": END}


class ContextWindowTransformer(
    PackageEstimatorMixin, CallbackSupportMixin, TransformerMixin, BaseEstimator,
    auto_wrap_output_keys=None,  # no table: the windows stay as they are
):  # fmt: skip
    """Cut names into (context, next character) windows.

    The first step of a character-level language model (Bengio et al. 2003): every
    name is read left to right, and each character is paired with the
    ``context_length`` characters before it. The end marker (id 0, shown as
    ``"-"``) pads the context before the name starts and is the target after its
    last letter, so a name of ``n`` letters gives ``n + 1`` windows. It is a
    symbol of its own, not a character of the text: a ``"-"`` inside a name is an
    ordinary character when the alphabet contains it. With ``context_length=3``,
    ``"abid"`` gives ``---`` -> a, ``--a`` -> b, ``-ab`` -> i, ``abi`` -> d and
    ``bid`` -> ``-``.

    ``transform`` returns a :class:`CharWindows` container rather than an array, so
    that the row-expanding step fits a stock :class:`~sklearn.pipeline.Pipeline`:
    the next step (:class:`CharEmbeddingMLPClassifier`) reads the targets from it.

    Parameters
    ----------
    context_length : int, default=3
        Number of previous characters the next one is predicted from, at most
        1000 (the most letters of a sampled name: a longer context adds only
        end markers before each name, and more memory).
    alphabet : str, list of str or "auto", default="abcdefghijklmnopqrstuvwxyz"
        The characters a name may contain (the end marker is added as id 0).
        ``"auto"`` learns the alphabet from the names passed to ``fit``: hyphens,
        apostrophes, spaces, capitals, accents and other scripts included. In
        a search or a cross-validation, each fold would learn that of its own
        names: :meth:`with_learned_alphabet` keeps the one learned from all.
    lowercase : bool, default=True
        Lowercase names before encoding. With ``False``, upper-case letters are
        unknown characters under the default alphabet. Lowercasing follows
        Unicode, which knows no language: the Turkish ``"İ"`` becomes ``"i"``,
        and ``"I"`` becomes ``"i"``, not the dotless ``"ı"`` (keep case to keep
        Turkish names as written).
    strip_accents : {None, "ascii", "unicode"}, default=None
        Remove accents as ``CountVectorizer`` (``sklearn.feature_extraction.text``)
        does, after lowercasing: both decompose names with NFKD (which also
        turns ligatures and full-width letters into plain ones); ``"unicode"``
        then removes every combining mark, whatever its script, and
        ``"ascii"`` every character without an ASCII equivalent as well.
        ``"unicode"`` folds ``"José"`` to ``"jose"``, so it is for names in
        Latin script: in other scripts the marks are part of the spelling
        (Arabic ``"أحمد"`` becomes ``"احمد"``, Devanagari loses its virama and
        nukta, Cyrillic ``"й"`` becomes ``"и"``), and ``fit`` warns, naming the
        names it changes; it warns too when ``"ascii"`` removes whole letters
        (``"Łukasz"`` read as ``"ukasz"``, ``"Straße"`` as ``"strae"``).
        Names are always put in Unicode NFC first,
        so composed and decomposed input give the same windows, read the
        full-width digits and Latin letters that CJK input methods type as
        ASCII ones (``"Ａｓｈａ"`` is ``"asha"``), and lose the
        whitespace around them, as :func:`~sknextchar.datasets.load_names`
        strips a file's lines (``"Asha "`` of a spreadsheet is ``"asha"``;
        the spaces inside a name stay: ``"mary ann"``).
    unit : {"auto", "char", "grapheme"}, default="auto"
        What one symbol is: a code point (``"char"``) or a user-perceived
        character (``"grapheme"``, an extended grapheme cluster: a letter with its
        combining marks, such as Devanagari ``"हु"``), so that no generated name
        starts with a mark that cannot stand alone. ``"auto"`` is ``"grapheme"``
        with ``alphabet="auto"`` and ``"char"`` with an alphabet you give.
    handle_unknown : {"error", "drop"}, default="error"
        What to do with characters outside the alphabet. ``"error"`` raises a
        ValueError listing the characters and the names they occur in.
        ``"drop"`` removes those characters; a name left without any character
        raises a ValueError (it could be neither learned nor scored).
    end_symbol : str, default="-"
        How the end marker is displayed (in ``vocabulary_``, :meth:`decode`,
        tables and plots): one character, not NUL, that shows on its own
        (``fit`` warns of a control or format character, such as a line
        break or a zero-width space, a space or a lone mark, and takes it, as
        models saved with one, and copies of their settings, fit again; the
        command line's ``--end-symbol`` refuses it). When ``alphabet="auto"``
        learns this character from the names, ``-`` is shown instead, or, if
        the names use ``-`` too, the first of ``. $ # | ~ ^ _ * @ ¶`` that
        they do not use; with an alphabet you give that contains it, ``fit``
        raises and asks for another ``end_symbol``.

    Attributes
    ----------
    vocabulary_ : tuple of str
        ``vocabulary_[i]`` is the symbol with id ``i``; ``vocabulary_[0]`` is
        the end marker's display symbol, the letters follow in sorted order.
    unit_ : {"char", "grapheme"}
        The unit the symbols are, ``unit`` resolved.

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
        "context_length": [Interval(Integral, 1, MAX_LETTERS, closed="both")],
        "alphabet": [str, list, tuple],
        "lowercase": ["boolean"],
        "strip_accents": [StrOptions({"ascii", "unicode"}), None],
        "unit": [StrOptions({"auto", "char", "grapheme"})],
        "handle_unknown": [StrOptions({"error", "drop"})],
        "end_symbol": [str],
    }

    def __init__(
        self,
        context_length=3,
        *,
        alphabet=DEFAULT_ALPHABET,
        lowercase=True,
        strip_accents=None,
        unit="auto",
        handle_unknown="error",
        end_symbol=END,
    ):
        self.context_length = context_length
        self.alphabet = alphabet
        self.lowercase = lowercase
        self.strip_accents = strip_accents
        self.unit = unit
        self.handle_unknown = handle_unknown
        self.end_symbol = end_symbol

    def __setstate__(self, state):
        if "vocabulary_" in state:  # fitted before unit_ existed: code points;
            # before names lost the whitespace around them: kept, as it was read;
            # before letters spelled the old way were read as letters (_keeps)
            before = {"_strips_whitespace": False, "_spells_old_letters": False}
            state = {"unit_": "char", **before, **state}
        super().__setstate__({**_SAVED_BEFORE, **state})

    @all_or_nothing
    @fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y=None):
        """Fix the vocabulary.

        Parameters
        ----------
        X : 1-D array-like of str
            Names: a list, tuple, 1-D array or pandas Series of strings, each
            of at most 1,000 characters (a longer one is refused, by its
            element: it is no name, but names run together).
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        self : ContextWindowTransformer
            The fitted transformer.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> transformer = ContextWindowTransformer(alphabet="auto").fit(["abid", "ana"])
        >>> transformer.vocabulary_
        ('-', 'a', 'b', 'd', 'i', 'n')
        """
        self._vocabulary_of_parameters()  # the parameters before the names
        warn_unseen_end_symbol(self)  # told, not refused: see its docstring
        names, texts, index = self._prepare(X, fitting=True)
        check_window_memory(texts, self.context_length)  # before any work
        self._later_step_failed = np.zeros((), dtype=bool)
        context = self._begin_callbacks(X)
        self._learn_vocabulary(names, texts, index)
        context.call_on_fit_task_end(estimator=self, X=X)
        # As OneHotEncoder with given categories: refuse at fit the data that
        # transform would refuse, naming the characters and names.
        self._encode_names(names, texts, fitting=True, index=index)
        return self

    @all_or_nothing
    @fit_context(prefer_skip_nested_validation=True)
    def fit_transform(self, X, y=None):
        """Fix the vocabulary and cut the names into windows, reading them once.

        The same result as ``fit(X).transform(X)``, with the names validated and
        encoded once instead of twice (this is what a Pipeline's ``fit`` calls).

        Inside a Pipeline (any meta-estimator of scikit-learn's callback API),
        the windows are linked to this fit, so that a failed ``Pipeline.fit``
        leaves every step as it was: if the model fitted on them fails (any
        error, a parameter error included, or a KeyboardInterrupt), this
        transformer goes back to its state before the call. A mixture's members
        or the label models of a :class:`PerLabelClassifier` fitted within that
        model do not count on their own: only the outcome of the model's whole
        fit does. Once a model's fit on the windows has completed, the
        transformer keeps this fit, whatever later fits on them do. A Pipeline
        callback that raises between the steps, before the model's fit starts,
        leaves this transformer refitted; the model then refuses windows of
        another vocabulary.

        Called by you, outside a meta-estimator, it is exactly
        ``fit(X).transform(X)``: no model's failure on the windows changes the
        transformer.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.
        y : None
            Ignored; present for API consistency.

        Returns
        -------
        windows : CharWindows
            One window per symbol of each name plus one for its end (fewer when
            characters are dropped).

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> len(ContextWindowTransformer().fit_transform(["abid", "ali"]))
        9
        """
        before = learned_state(self)
        self._vocabulary_of_parameters()  # the parameters before the names
        warn_unseen_end_symbol(self)  # told, not refused: see its docstring
        names, texts, index = self._prepare(X, fitting=True)
        self._later_step_failed = np.zeros((), dtype=bool)  # this fit's token
        context = self._begin_callbacks(X)
        self._learn_vocabulary(names, texts, index)
        # fit's unknown-character error
        windows = self._cut(names, texts, fitting=True, index=index)
        context.call_on_fit_task_end(estimator=self, X=X)
        # In a Pipeline, a model that fails to fit on these windows puts it back.
        return CharWindows(
            windows.contexts,
            windows.targets,
            windows.name_index,
            windows.vocabulary,
            windows.n_names,
            fit_link=link_to_fit(self, before),
        )

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
            Names, each of at most 1,000 characters.

        Returns
        -------
        windows : CharWindows
            One window per symbol of each name plus one for its end (fewer when
            characters are dropped).

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> transformer = ContextWindowTransformer(context_length=3).fit(["abid"])
        >>> windows = transformer.transform(["abid", "bad"])
        >>> len(windows), windows.n_names  # 4 + 1 windows of abid, 3 + 1 of bad
        (9, 2)
        """
        check_is_fitted(self)
        names, texts, index = self._prepare(X)
        return self._cut(names, texts, index=index)

    def set_output(self, *, transform=None):
        """Keep the output the windows: they cannot become a table.

        The windows (:class:`CharWindows`) are no table: a name gives
        ``len(name) + 1`` of them, read with their targets by the next-character
        model after this step. So ``"default"`` and ``None`` are the only
        outputs, and leave the transformer as it is; ``"pandas"`` and
        ``"polars"`` raise a ValueError that says what to do, also when
        ``Pipeline.set_output`` or ``ColumnTransformer.set_output`` passes them
        on. The global ``sklearn.set_config(transform_output=...)`` leaves the
        windows as they are, as for other outputs that are no table. A table
        of their contexts is ``pd.DataFrame(windows.contexts,
        columns=transformer.get_feature_names_out())``.

        Parameters
        ----------
        transform : {"default"} or None, default=None
            The output of ``transform`` and ``fit_transform``: ``"default"``
            (the windows) or ``None`` (unchanged, the windows too).

        Returns
        -------
        self : ContextWindowTransformer
            The transformer, unchanged.

        Raises
        ------
        ValueError
            For ``"pandas"``, ``"polars"`` or any other value.

        Examples
        --------
        >>> from sklearn.pipeline import make_pipeline
        >>> from sknextchar import ContextWindowTransformer, KneserNeyClassifier
        >>> pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
        >>> pipe.set_output(transform="default") is pipe
        True
        """
        check_windows_output(transform)
        return self

    def get_feature_names_out(self, input_features=None):
        """Names of the columns of the windows' contexts.

        Column ``j`` of ``windows.contexts`` holds the symbol ``context_length
        - j`` places before the window's target: ``"context_-3"`` (three places
        back), ``"context_-2"``, ``"context_-1"`` (the symbol just before) for
        ``context_length=3``. They name the columns the next-character model
        reads, as many as its ``n_features_in_``, as
        ``pipe[:-1].get_feature_names_out()`` gives them: a table of the
        contexts is ``pd.DataFrame(windows.contexts,
        columns=transformer.get_feature_names_out())``. The windows themselves
        stay no table (:meth:`set_output`).

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Not used: the input is a list of names, one column of text, as for
            scikit-learn's text vectorizers.

        Returns
        -------
        feature_names_out : ndarray of str objects
            ``context_length`` names, the farthest symbol first.

        Examples
        --------
        >>> import numpy as np
        >>> from sknextchar import ContextWindowTransformer
        >>> transformer = ContextWindowTransformer(context_length=2).fit(["ali"])
        >>> columns = transformer.get_feature_names_out()
        >>> columns.tolist()
        ['context_-2', 'context_-1']
        >>> windows = transformer.transform(["ali"])  # targets a, l, i, end
        >>> symbols = np.asarray(transformer.vocabulary_)[windows.contexts]
        >>> dict(zip(columns, symbols.T.tolist()))
        {'context_-2': ['-', '-', 'a', 'l'], 'context_-1': ['-', 'a', 'l', 'i']}
        """
        check_is_fitted(self)
        offsets = range(-self.context_length, 0)
        return np.asarray([f"context_{k}" for k in offsets], dtype=object)

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
        >>> from sknextchar import ContextWindowTransformer
        >>> t = ContextWindowTransformer().fit(["abid"])
        >>> [a.tolist() for a in t.encode(["abid", "ali"])]
        [[1, 2, 9, 4], [1, 12, 9]]
        """
        check_is_fitted(self)
        names, texts, index = self._prepare(X)
        ids, lengths = self._encode_names(names, texts, index=index)
        # A view per name, sliced in a comprehension: np.split makes the same
        # views 3.5 times slower (0.7 s for 1,000,000 names).
        ends = np.cumsum(lengths).tolist()
        return [ids[start:end] for start, end in zip([0, *ends], ends)]

    def normalize(self, X):
        """The names as the model reads them: NFC, lowercased, accents stripped.

        What ``lowercase`` and ``strip_accents`` make of each name (characters
        outside the alphabet are kept), without the whitespace around it, as
        :func:`~sknextchar.datasets.load_names` reads a file's lines (the
        spaces inside stay: ``"mary ann"``). Compare generated names with this
        form of a list, not with the list as typed.

        Parameters
        ----------
        X : 1-D array-like of str
            Names.

        Returns
        -------
        names : list of str

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> t = ContextWindowTransformer(strip_accents="unicode")
        >>> t.normalize(["José", "ZOË ", " Mary Ann"])
        ['jose', 'zoe', 'mary ann']
        """
        return self._prepare(X, allow_empty=True)[1]

    def with_learned_alphabet(self):
        """An unfitted transformer whose alphabet is the one this fit learned.

        For a search or a cross-validation: with ``alphabet="auto"``, each
        fold learns the alphabet of its own training names, so a character
        found only in the names a fold holds out is unknown to its model, and
        scikit-learn records its score as ``nan``. Fit this transformer on all
        the names, and give the pipeline this copy: whatever names it is fitted
        on, a fold's or all of them, its ``vocabulary_`` is this one, the same
        symbols with the same ids and end marker.

        The copy is a :func:`~sklearn.base.clone` of this transformer with
        ``alphabet`` set to the learned symbols (``vocabulary_[1:]``, a list),
        ``end_symbol`` to the end marker's display (``vocabulary_[0]``) and
        ``unit`` to ``unit_``; every other parameter (``context_length``,
        ``lowercase``, ``strip_accents``, ``handle_unknown``) is kept. The
        alphabet is the one read under this transformer's ``lowercase`` and
        ``strip_accents``: a search over the copy may vary ``context_length``,
        ``handle_unknown`` or the model's parameters, and needs a copy of its
        own for each ``lowercase`` or ``strip_accents`` it tries (under
        another, names hold symbols the alphabet lacks, or it keeps symbols
        the names no longer hold).

        Limits: it reads names as any fit does now, so a model saved by an
        older version that read them otherwise (kept the whitespace around
        them, say) is not copied so. With ``unit="char"``, code points that
        make up the old spelling of a letter (a consonant, the virama and the
        zero-width joiner, such as ``"\\u0d28\\u0d4d\\u200d"`` for ``"ൻ"``),
        learned from different names (``"നന്ദ"`` and ``"कर्\\u200dया"``), have
        no copy: given as an alphabet, they keep that spelling, and the
        joiners and variation selectors a fit removes (``"Lily\\ufe0f"``
        stays so), so it raises, naming them. Learned with
        ``unit="grapheme"`` (the default with ``alphabet="auto"``), the
        alphabet has a copy.

        Returns
        -------
        transformer : ContextWindowTransformer
            Unfitted; this transformer is left as it is.

        Raises
        ------
        NotFittedError
            If this transformer is not fitted.
        ValueError
            If no copy reads names as this transformer (see Limits above),
            naming the letters and their old spelling.

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> names = ["zoë", "jean-luc", "ana"]
        >>> learned = ContextWindowTransformer(alphabet="auto").fit(names)
        >>> fixed = learned.with_learned_alphabet()
        >>> "".join(fixed.alphabet), fixed.end_symbol, fixed.unit
        ('-acejlnouzë', '.', 'grapheme')
        >>> fixed.fit(["ana"]).vocabulary_ == learned.vocabulary_
        True
        """
        check_is_fitted(self, msg=NOT_FITTED_TO_COPY)
        refuse_copy_read_otherwise(self)
        return learned_alphabet_copy(self)

    def decode(self, ids):
        """Spell ids back as strings.

        Parameters
        ----------
        ids : array-like of int, 1-D or 2-D, or list of 1-D arrays
            A 1-D sequence gives one string; a 2-D array (for example
            ``windows.contexts``) or a list of sequences gives a list of strings.
            A 1-D sequence and a list of them are whole names (as
            :meth:`encode` gives them): a Greek ``σ`` or Hebrew letter that
            ends a word gets its final form, as the names were written. A 2-D
            array is spelled symbol by symbol (contexts are no whole names).

        Returns
        -------
        text : str or list of str

        Examples
        --------
        >>> from sknextchar import ContextWindowTransformer
        >>> t = ContextWindowTransformer().fit(["abid"])
        >>> t.decode([1, 2, 9, 4])
        'abid'
        >>> t.decode(t.transform(["abid"]).contexts)
        ['---', '--a', '-ab', 'abi', 'bid']
        """
        check_is_fitted(self)
        table = SymbolTable(self.vocabulary_)
        if isinstance(ids, np.ndarray) and ids.ndim == 2:  # checked once
            return table.decode_rows(self._checked_ids(ids, ndim=2))
        if isinstance(ids, (str, bytes)) or not hasattr(ids, "__len__"):
            raise TypeError(
                "Expected integer ids in a 1-D or 2-D array or a list of sequences; "
                f"got {type(ids).__name__} {ids!r}. Wrap a single id in a list."
            )
        if len(ids) and np.ndim(ids[0]) == 1:
            names = [table.decode(self._checked_ids(row)) for row in ids]
            return spell_names(names, self.vocabulary_)
        return spell_names([table.decode(self._checked_ids(ids))], self.vocabulary_)[0]

    def _checked_ids(self, ids, ndim=1):
        """``ids`` as an integer array of ``ndim`` dimensions within the vocabulary."""
        try:
            array = np.asarray(ids)
        except ValueError:  # NumPy's message on ragged input names no shape
            raise ValueError(
                "Expected integer ids in a 1-D or 2-D array or a list of sequences; "
                "got a mix of ids and sequences."
            ) from None
        if array.ndim != ndim or (array.size and array.dtype.kind not in "iu"):
            raise ValueError(
                f"Expected integer ids in a 1-D or 2-D array; got {array.dtype} "
                f"values of shape {array.shape}."
            )
        n_symbols = len(self.vocabulary_)
        if array.size and (array.min() < 0 or array.max() >= n_symbols):
            raise ValueError(
                f"ids must lie in [0, {n_symbols - 1}] for this vocabulary of "
                f"{n_symbols} symbols; got values from {array.min()} to {array.max()}."
            )
        return array

    def encode_prefixes(self, prefixes):
        """Context ids of the last ``context_length`` characters of each prefix.

        Shorter prefixes are left-padded with the end marker; the empty prefix is all
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
        >>> from sknextchar import ContextWindowTransformer
        >>> t = ContextWindowTransformer(context_length=3).fit(["abid"])
        >>> t.encode_prefixes(["", "ab", "abid"]).tolist()
        [[0, 0, 0], [0, 1, 2], [2, 9, 4]]
        """
        check_is_fitted(self)
        index = series_index(prefixes)  # a Series' labels, for the messages
        prefixes = check_names(
            prefixes, what="prefixes", allow_empty_strings=True, longest=None
        )
        return self.encode_prefix_list(prefixes, index=index)[2]

    def encode_prefix_list(self, prefixes, *, what="prefixes", index=None):
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
        what : str, default="prefixes"
            How messages name the list (``prefixes[1]='r1'``); for the one
            prefix a caller was given, the name of its argument, which
            messages then show alone (``prefix='r1'``).
        index : pandas.Index or None, default=None
            The index of the Series the prefixes came from, whose labels
            messages show with the positions (see ``element_place``).

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
        >>> from sknextchar import ContextWindowTransformer
        >>> t = ContextWindowTransformer(context_length=3).fit(["abid"])
        >>> ids, lengths, contexts = t.encode_prefix_list(["AB", ""])
        >>> ids.tolist(), lengths.tolist(), contexts.tolist()
        ([1, 2], [2, 0], [[0, 1, 2], [0, 0, 0]])
        """
        self._check_later_step()
        texts = [self._normalize(p) for p in prefixes]
        ids, lengths = self._encode_names(prefixes, texts, "error", what, index=index)
        return ids, lengths, last_contexts(ids, lengths, self.context_length)

    def _check_later_step(self):
        """Refuse to encode in a file saved when a model had failed on its windows.

        Earlier development builds of 0.2.0 flagged the transformer when a model
        failed to fit, instead of putting it back
        (:class:`~sknextchar._atomic.FitLink`); such a flag may still be in a
        saved file.
        """
        if bool(getattr(self, "_later_step_failed", False)):
            raise ValueError(
                f"{STEPS_DISAGREE}: a model failed to fit on the windows of this "
                "transformer's latest fit, so the model after it (if any) still "
                "holds weights of another vocabulary; fit the whole pipeline again."
            )

    def _fixed_alphabet(self):
        return not is_auto_alphabet(self.alphabet)

    def _vocabulary_of_parameters(self):
        """The unit and the vocabulary the parameters fix (None: the names'),
        refused as a fit refuses them before reading any name."""
        return vocabulary_of_parameters(self.alphabet, self.end_symbol, self.unit)

    def _learn_vocabulary(self, names, texts, index=None):
        """Set ``unit_`` and ``vocabulary_``, from the alphabet or the names."""
        unit, vocabulary = self._vocabulary_of_parameters()
        kept = keeps_old_spellings(unit, vocabulary)  # see _keeps
        if vocabulary is None:  # alphabet="auto": the names' symbols
            vocabulary = learned_vocabulary(names, texts, unit, self.end_symbol, index)
        self.unit_, self.vocabulary_ = unit, vocabulary
        self._strips_whitespace = True  # see _strips
        self._spells_old_letters = not kept

    def _cut(self, names, texts, fitting=False, index=None):
        """The windows of prepared names."""
        reject_cross_val_predict()
        check_window_memory(texts, self.context_length)
        ids, lengths = self._encode_names(names, texts, fitting=fitting, index=index)
        contexts, targets, name_index = cut_windows(
            ids, lengths, self.context_length, ids.dtype
        )
        return CharWindows(contexts, targets, name_index, self.vocabulary_, len(names))

    def _normalize(self, text):
        """A prefix as the model reads it: a name's start, whitespace before it
        removed (the whitespace after it may go on into the name)."""
        text = normalize_text(
            text,
            lowercase=self.lowercase,
            strip_accents=self.strip_accents,
            prefix=True,
            **self._keeps(),
        )
        text = text.lstrip() if self._strips() else text
        return spell_spaces([text], getattr(self, "vocabulary_", "-"))[0]

    def _keeps(self, fitting=False):
        """What names keep as typed (``normalize_text``'s ``keep_*``).

        What the model's alphabet holds, as its unit cuts it (the fitted
        vocabulary, or while fitting an alphabet given by hand): a
        no-break space among several spaces, the Arabic tatweel, ``"y\ufe0f"``,
        instead of losing it. Letters spelled the old way (a consonant, the
        virama, a joiner) stay so, and with code points the joiners and
        selectors the alphabet holds alone (``"y"``, ``"\ufe0f"``) too, in a
        model whose ``_spells_old_letters`` is False: one fitted on an
        alphabet of code points that spells such a letter so
        (``spells_old_letters_apart``), or one saved before those letters
        were read as letters (``__setstate__``), which so reads names as it
        was trained. A limit: a model of code points saved by a 0.2.0
        development build after the idle marks were removed and before this
        rule has nothing that tells it from an older one; if it learned a
        selector or joiner of its own (an emoji's, ``"\u2764\ufe0f"``), it
        now keeps one after a letter too (``"Lily\ufe0f"`` is
        ``"lily\ufe0f"``), which its fit removed.
        """
        if fitting or "vocabulary_" not in self.__dict__:  # as a fit reads them
            unit, vocabulary = self._parameters_of_fit(fitting)
            old = keeps_old_spellings(unit, vocabulary)
            symbols = vocabulary[1:] if fitting and vocabulary else ()
        else:
            unit, symbols = self.__dict__.get("unit_"), self.vocabulary_[1:]
            old = not self.__dict__.get("_spells_old_letters", True)
        return {
            "keep_spaces": several_spaces(symbols),
            "keep_tatweel": holds_tatweel(symbols),
            "keep_idle_marks": holds_idle_marks(symbols, alone=old and unit == "char"),
            "keep_old_spellings": old,
            "keep_full_width": holds_full_width(symbols),
        }

    def _parameters_of_fit(self, fitting):
        """The unit and the vocabulary the parameters fix; for an unfitted
        transformer whose parameters a fit refuses, none (it reads names as
        they are then, its fit refuses them)."""
        try:
            return self._vocabulary_of_parameters()
        except (TypeError, ValueError):
            if fitting:
                raise
            return None, None

    def _strips(self, fitting=False):
        """Whether names lose the whitespace around them, as the file readers
        strip their lines (``"Asha "`` of a DataFrame is ``"asha"``; inner
        spaces stay: ``"mary ann"``). Every fit does; a model saved before
        keeps the whitespace (``__setstate__``), so that it reads as then."""
        return fitting or self.__dict__.get("_strips_whitespace", True)

    def _prepare(self, X, allow_empty=False, fitting=False):
        """The checked names as given, as the model reads them, and the index
        of the Series they came from (or None), for the messages."""
        if not fitting:
            self._check_later_step()
        names, index = check_names(X), series_index(X)
        strip = self._strips(fitting)
        stripped = list(map(str.strip, names)) if strip else names  # before a ZWNJ
        keeps = self._keeps(fitting)
        texts = normalize_texts(
            stripped,
            lowercase=self.lowercase,
            strip_accents=self.strip_accents,
            **keeps,
        )
        if strip and not "".join(stripped).isascii():  # a space after a BOM
            texts = list(map(str.strip, texts))
        if not fitting:  # as the names the model writes (exclude, novelty)
            texts = spell_spaces(texts, getattr(self, "vocabulary_", "-"))
        empty = [] if all(texts) else [i for i, text in enumerate(texts) if not text]
        if empty and not allow_empty:
            raise EmptyNamesError(
                [names[i] for i in empty],
                [place_of("names", i, index) for i in empty[:MAX_REPORTED]],
                positions=empty,
                strip_accents=self.strip_accents,
                keep_tatweel=keeps["keep_tatweel"],
            )
        return names, texts, index

    def _encode_names(
        self, names, texts, policy=None, what="names", fitting=False, index=None
    ):
        """Encode normalised names in one pass; apply the unknown-character policy.

        ``names`` (as given) are quoted in messages; ``texts`` are encoded.
        Returns the concatenated ids and each name's number of symbols. An
        unknown character's message suggests other settings for this fit when
        ``fitting``, else training the model again with them (the vocabulary of
        a fitted model is fixed). ``index`` is the index of the Series the
        names came from (or None): messages give its labels too.
        """
        flat, lengths = self._symbols(texts)
        ids, bad = SymbolTable(self.vocabulary_).encode_letters(flat)
        if bad.any():
            owner = np.repeat(np.arange(len(texts)), lengths)  # name of each symbol
            # Scoring a fold of a search: say why a learned alphabet lacks them.
            note = fold_note(self.alphabet, what, fitting)
            if (policy or self.handle_unknown) == "error":
                symbols = (flat, bad, owner)
                message = unknown_message(self, names, symbols, what, fitting, index)
                raise step_error(self, message, note)  # in a Pipeline's words
            ids = ids[~bad]
            lengths = lengths - np.bincount(owner[bad], minlength=len(texts))
            if what == "names" and not lengths.all():
                emptied = np.flatnonzero(lengths == 0).tolist()
                raise DroppedNamesError(
                    [names[i] for i in emptied[:MAX_REPORTED]],
                    [place_of("names", i, index) for i in emptied[:MAX_REPORTED]],
                    alphabet_hint(self.alphabet, "its characters"),
                    fitting=fitting,
                    n_names=len(emptied),
                    positions=emptied[:MAX_REPORTED],
                    note=note,
                )
            if fitting and not self.lowercase:  # "Emma" learned as "mma"
                symbols = (flat, bad, owner)
                warn_capitals_dropped(names, symbols, self.vocabulary_[1:], index)
            if fitting:  # "Anna Maria" learned as "annamaria"
                symbols, lowercase = (flat, bad, owner), self.lowercase
                warn_parts_glued(
                    names, texts, symbols, self.vocabulary_, lowercase, index
                )
        if fitting:  # "аsha" with a Cyrillic "а", learned apart from "asha"
            warn_look_alikes(names, index, learns=self._learns_letter)
        if fitting and self.strip_accents:  # the names are learned changed
            strip, lowercase = self.strip_accents, self.lowercase
            warn_other_scripts_folded(names, index, lowercase=lowercase, strip=strip)
        return ids, lengths

    def _learns_letter(self, char):
        """Whether the fitted model learns ``char`` as a letter: not removed by
        ``strip_accents="ascii"`` nor dropped as unknown."""
        read = normalize_text(
            char, lowercase=self.lowercase, strip_accents=self.strip_accents
        )
        return bool(read) and set(read) <= set("".join(self.vocabulary_[1:]))

    def _symbols(self, texts):
        """The symbols of normalised names, one after another (a str or a
        list), and each name's number of symbols."""
        fold = final_forms_learned_plain(self.vocabulary_)  # ς read σ (see _text)
        texts = spell_spaces(texts, self.vocabulary_)
        if self.unit_ == "char":
            flat, lengths = "".join(texts), [len(t) for t in texts]
            flat = fold_final_forms(flat, fold) if fold else flat  # as long
        else:
            pieces = split_each(texts, self.unit_, fold)  # a repeated name once
            flat = [symbol for piece in pieces for symbol in piece]
            lengths = [len(piece) for piece in pieces]
        return flat, np.array(lengths, dtype=np.intp)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        return tags


def check_read_names(transformer, X, *, fitting):
    """Refuse the names that a transformer reads as nothing, before any fit.

    Each name is read as ``fit`` reads it (``fitting``), or as ``encode``
    reads it (a fitted transformer that is not fitted again): a name of only
    whitespace or invisible characters (a zero-width space), or of only what
    ``strip_accents`` removes, is refused as those methods refuse it. Nothing
    is learned or encoded.

    Parameters
    ----------
    transformer : ContextWindowTransformer
    X : 1-D array-like of str
        Names.
    fitting : bool
        Read them as ``fit`` reads them; else as ``encode`` does (fitted).

    Raises
    ------
    EmptyNamesError
        Its names numbered among ``X``.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> check_read_names(ContextWindowTransformer(), ["asha"], fitting=True)
    >>> check_read_names(ContextWindowTransformer(), ["asha", "\u200b"], fitting=True)
    Traceback (most recent call last):
    ...
    sknextchar._empty_names.EmptyNamesError: 1 name holds only invisible ...
    """
    transformer._prepare(X, fitting=fitting)


def unknown_symbols(
    transformer, X, *, prefixes=False, emptied=False, letters=False, read=False
):
    """The symbols of each name that are outside a transformer's vocabulary.

    What ``fit`` (or, fitted, ``transform``) refuses, found without raising: a
    transformer that is not fitted reads the names with the vocabulary of its
    alphabet (``alphabet="auto"`` learns every symbol, so none is unknown).

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted, or not.
    X : list of str
        Names.
    prefixes : bool, default=False
        Read ``X`` as prefixes, as :meth:`~ContextWindowTransformer.encode_prefixes`
        does (not validated): only the whitespace before each goes, since a
        name may go on after a space (``"mary "`` of ``"mary ann"``).
    emptied : bool, default=False
        Return too the names ``handle_unknown="drop"`` would leave empty
        (:func:`~sknextchar._unknown_advice.names_left_empty`).
    letters : bool, default=False
        Return too what an alphabet of the names' letters keeps
        (:func:`~sknextchar._unknown_message.letters_kept`).
    read : bool, default=False
        Return too what the one pass over the names read (a fitted
        transformer): each name as the model reads it, and the symbols of
        the names one after another, which of them are unknown and the name
        each is of, as ``transform`` would refuse them
        (:func:`~sknextchar._unknown_message.unknown_message` takes them).

    Returns
    -------
    unknown : dict
        For each name that holds unknown symbols, in the order of ``X``, its
        index mapped to the set of those symbols.
    dropped, folded : ndarray of int
        With ``emptied``: the positions of the names left empty by dropping,
        and by folding accents then dropping.
    used, bare : list of str, ndarray of int
        With ``letters``: the symbols an alphabet of the names' letters
        keeps, and the names it leaves without any.
    texts, (flat, bad, owner) : list of str, (str or list, ndarray, ndarray)
        With ``read``.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> unknown_symbols(ContextWindowTransformer(), ["asha", "o'neil", "zoë"])
    {1: {"'"}, 2: {'ë'}}
    """
    if not hasattr(transformer, "vocabulary_") and not transformer._fixed_alphabet():
        none = np.zeros(0, dtype=np.intp)  # every symbol is learned
        return ({}, (none, none)) if emptied else {}
    probe = _with_vocabulary(transformer)
    if prefixes:
        texts = [probe._normalize(prefix) for prefix in X]
    else:
        texts = probe._prepare(X, allow_empty=True)[1]
    flat, lengths = probe._symbols(texts)
    _, bad = SymbolTable(probe.vocabulary_).encode_letters(flat)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    unknown = {}
    for i in np.flatnonzero(bad).tolist():
        unknown.setdefault(int(owner[i]), set()).add(flat[i])
    found = (unknown,)
    if emptied:
        known = probe.vocabulary_[1:]
        found += (names_left_empty(flat, bad, owner, len(lengths), known),)
    if letters:
        found += (letters_kept(flat, bad, owner, len(lengths)),)
    if read:
        found += ((texts, (flat, bad, owner)),)
    return found if len(found) > 1 else unknown


def unknown_symbols_message(
    transformer, symbols, culprits, n_culprits, *, fitting, emptied=None,
    again=TRAIN_AGAIN, numbered=False, letters=None, title=False, quotes=None,
):  # fmt: skip
    """The message of ``fit`` (``fitting``) or ``transform`` on unknown symbols
    found in several lists (chunks of a file, say), as one list gives it.

    Parameters
    ----------
    transformer : ContextWindowTransformer
        Fitted, or not (then with a fixed alphabet).
    symbols : set of str
        The unknown symbols.
    culprits : list of (int, str)
        The first names that hold them, each with its index (at most
        ``MAX_REPORTED`` are shown).
    n_culprits : int
        The number of names that hold them.
    fitting : bool
        Whether the message advises settings of this fit (True) or of
        training the model again (False).
    emptied : tuple of (int, int), optional
        How many names ``handle_unknown="drop"`` would leave empty, alone and
        after folding (the sizes of what :func:`unknown_symbols` gives): a
        setting that leaves one is not advised.
    again : str, default=TRAIN_AGAIN
        How the advice to train the model again begins (not ``fitting``):
        a resumed run, which keeps the model, advises training a new one.
    numbered : bool, default=False
        Whether every name that holds them starts with a list number
        (``"1. Anna"``): then no alphabet is advised, which would learn it.
    letters : list of str, optional
        The symbols an alphabet of the names' letters keeps (of every list).
    title : bool, default=False
        Whether the first of ``culprits`` is the title above the list.
    quotes : tuple or None, default=None
        What the message says of their double quotes, as
        :func:`~sknextchar._quoted_advice.fit_quotes` gives it; None: not
        known.

    Returns
    -------
    message : str

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> message = unknown_symbols_message(
    ...     ContextWindowTransformer(), {"ë"}, [(7, "zoë")], 2, fitting=True
    ... )
    >>> print(message.split(". ")[0])
    Found characters outside the vocabulary ['ë'] in names[7]='zoë' and 1 more
    """
    shown = [(element_place("names", i), name) for i, name in culprits[:MAX_REPORTED]]
    return unknown_text(
        _with_vocabulary(transformer), sorted(symbols), shown, n_culprits, "names",
        fitting, emptied, again, numbered=numbered, letters=letters, title=title,
        quotes=quotes,
    )  # fmt: skip


def _with_vocabulary(transformer):
    """The transformer, or (not fitted) a clone with its alphabet's vocabulary."""
    if hasattr(transformer, "vocabulary_"):
        return transformer
    probe = clone(transformer)
    probe._learn_vocabulary([], [])  # a fixed alphabet's: no name is read
    return probe
