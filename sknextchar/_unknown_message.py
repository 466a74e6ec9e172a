"""The message on characters outside a transformer's vocabulary.

What :class:`~sknextchar.ContextWindowTransformer` says when a name (or a
prefix) holds a character its vocabulary does not know: the characters, the
names that hold them and their places, the vocabulary, and what to pass
instead (an alphabet here, the other settings from ``_unknown_advice``). It
reads the transformer's parameters and fitted vocabulary, never its names.
A fit that drops a space or hyphen between the letters of names warns of it
here too (``warn_parts_glued``), with the alphabet the message would offer.
"""

import inspect
import re
import unicodedata

import numpy as np

from ._gathered_names import NamesWarning
from ._look_alike_letters import look_alike_note
from ._pasted_lists import BULLETS, list_item, list_numbered
from ._quoted_advice import (
    QUOTES_REMOVED,
    QUOTES_REMOVED_TO_SCORE,
    fit_quotes,
    inner_quotes_note,
    quotes_note,
)
from ._shown_paths import shown_path
from ._symbol_notes import cut_cluster, unknown_symbols_note
from ._text import (
    FOLD_ALPHABET_NOTE,
    FOLD_GIVEN_NOTE,
    describe_symbol,
    fold_final_forms,
    holds_full_width,
    normalize_text,
)
from ._unknown_advice import (
    TRAIN_AGAIN,
    compatibility_note,
    drop_refused,
    names_left_empty,
    space_symbols,
    unknown_hints,
)
from ._validation import element_place
from ._vocabulary import is_auto_alphabet, shown_symbols
from ._words import MAX_REPORTED, and_more, counted, one_or_many, quoted

__all__ = [
    "TITLES_LABEL",
    "alphabet_hint",
    "bare_refused",
    "fold_note",
    "glued_note",
    "joints_hint",
    "PASSED_ON",
    "in_cross_validation",
    "letters_hint",
    "letters_kept",
    "marked_and_emptied",
    "numbering_note",
    "place_of",
    "placed_names",
    "title_note",
    "unknown_message",
    "unknown_text",
    "warn_parts_glued",
]

# How the transformer's own lists are called; any other ``what`` is one argument.
_LISTS = ("names", "prefixes")


def _is_mark(char):
    """Whether an unknown character can be part of a list's number or bullet."""
    return char.isdigit() or char in BULLETS


def numbering_note(culprits, n_culprits=None):
    """The note on names that all start with list numbers (or bullets), the
    first of the ``(place, name)`` ``culprits`` shown as an example; of
    ``n_culprits`` names (``len(culprits)`` if None).

    Examples
    --------
    >>> numbering_note([("names[0]", "1. Anna")], 2)  # doctest: +ELLIPSIS
    "; the names start with list numbers ('1. Anna'), which an alphabet ..."
    >>> numbering_note([("NAME", "• asha")])  # doctest: +ELLIPSIS
    "; the name starts with a list bullet ('• asha'), which an alphabet that ..."
    """
    n = len(culprits) if n_culprits is None else n_culprits
    first = culprits[0][1]
    kind = "number" if first.lstrip()[:1].isdigit() else "bullet"
    start = one_or_many(
        n, f"the name starts with a list {kind}", f"the names start with list {kind}s"
    )
    return (
        f"; {start} ({quoted(first)}), which an alphabet that holds "
        + one_or_many(n, "it would learn as letters of the name", "them would learn "
                      "as letters of the names")
    )  # fmt: skip


def glued_note(culprits, keep, lowercase=True):
    """The note on a name whose list mark dropping removes along with a
    hyphen or space inside it: the first of the ``(place, name)``
    ``culprits`` with a space or a dash between its first and its last letter
    that is not one of the symbols kept (``keep``), shown as it is learned.

    Examples
    --------
    >>> glued_note([("names[0]", "1. Анна-Мария")], "абв")
    "; dropping removes a hyphen or space inside a name too ('1. Анна-Мария' \
is learned as 'аннамария')"
    >>> glued_note([("names[0]", "1. Анна")], "абв")
    ''
    >>> glued_note([("names[0]", "1. Anna!"), ("names[1]", "3. ★")], "abc")
    ''
    """
    keep = set(keep)
    for _, name in culprits:
        rest = list_item(name) if list_numbered(name) else name.strip()
        rest = rest.lower() if lowercase else rest
        if any(_is_joint(c) and c not in keep for c in _inside(rest)):
            learned = "".join(c for c in rest if _is_letter(c) or c in keep)
            return (
                "; dropping removes a hyphen or space inside a name too "
                f"({quoted(name)} is learned as {quoted(learned)})"
            )
    return ""


# The words of a hint that offers dropping (``_unknown_advice.unknown_hints``).
_DROPS = "handle_unknown='drop'"
_DROP = f"{_DROPS} to remove unknown characters"


def joints_hint(chars, vocabulary, culprits, lowercase=True, drop=_DROP):
    """The alphabet that keeps the spaces and hyphens inside the ``(place,
    name)`` ``culprits`` among the unknown ``chars``: the known symbols of
    ``vocabulary`` (its end marker first) and those, as one hint in a list,
    with another end marker when the hyphen is the model's, and with ``drop``
    (the hint that offers dropping) for the other unknown characters; ``[]``
    when no such character joins the parts of a name, or a symbol is no one
    printable character (it could not be typed).

    Examples
    --------
    >>> joints_hint([" "], "-abc", [("names[0]", "Ab Ba")])
    ["alphabet='abc ' to keep the space inside the names"]
    >>> hint = joints_hint([" ", "-", "é"], "-abc", [("n", "A-b C")])[0]
    >>> print(hint.replace(" to keep", "\\nto keep"))  # doctest: +NORMALIZE_WHITESPACE
    alphabet='abc -' and end_symbol='.'
    to keep the space and the hyphen inside the names, with handle_unknown='drop'
    to remove the other unknown characters
    >>> joints_hint([" "], "-abc", [("names[0]", " Ab")]), joints_hint(["é"], "ab", [])
    ([], [])
    """
    read = str.lower if lowercase else str
    inside = {c for _, name in culprits for c in _inside(read(name.strip()))}
    joints = [c for c in chars if c in inside and _is_joint(c)]
    symbols = [*vocabulary[1:], *joints]
    if not joints or not all(len(s) == 1 and s.isprintable() for s in symbols):
        return []
    named = " and ".join("the space" if c == " " else "the hyphen" if c == "-"
                         else quoted(c) for c in joints)  # fmt: skip
    hint = f"alphabet={''.join(symbols)!r}"
    if vocabulary[0] in joints:  # the end marker shown as '-' is refused in it
        free = [c for c in "._|*~" if c not in symbols and c not in chars]
        if not free:
            return []
        hint += f" and end_symbol={free[0]!r}"
    hint += f" to keep {named} inside the names"
    if set(chars) - set(joints):
        hint += f", with {drop.replace(' remove unknown', ' remove the other unknown')}"
    return [hint]


def _inside(name):
    """The characters of ``name`` between its first and its last letter."""
    places = [i for i, c in enumerate(name) if _is_letter(c)]
    return name[places[0] + 1 : places[-1]] if places else ""


def _is_joint(char):
    """Whether ``char`` joins the words of a name: a space or a dash."""
    return char.isspace() or unicodedata.category(char) == "Pd"


def marked_and_emptied(chars, numbered, emptied):
    """Whether the names with the unknown ``chars`` all start with a list's
    number or bullet (``numbered``) that no setting but dropping removes, and
    dropping (alone) would leave some without any character (``emptied``, as
    :func:`unknown_text` takes it): ``"1. Анна"`` with a Latin alphabet. Then
    :func:`letters_hint` is the advice, and dropping alone is not refused
    apart.

    Examples
    --------
    >>> marked_and_emptied([" ", ".", "1", "а"], True, (1, 1))
    True
    >>> marked_and_emptied([" ", ".", "1"], True, (0, 0))
    False
    """
    marked = numbered and any(map(_is_mark, chars))
    return bool(marked and emptied is not None and emptied[0])


def _is_letter(symbol):
    """Whether a symbol is a letter (or a mark of one: a vowel sign)."""
    return unicodedata.category(symbol[:1])[:1] in ("L", "M")


def letters_kept(flat, bad, owner, n_names):
    """What an alphabet of the names' own letters keeps: the symbols the
    names use that are known or unknown letters (their list numbers and
    bullets left out, and spaces, which would begin the names), and the
    names it still leaves without any symbol (``"3. ★"``); ``flat``,
    ``bad`` and ``owner`` as in
    :func:`~sknextchar._unknown_advice.names_left_empty`.

    Examples
    --------
    >>> flat, bad = "1. я2. ★", np.array([1, 1, 1, 1, 1, 1, 1, 1], dtype=bool)
    >>> letters_kept(flat, bad, np.array([0, 0, 0, 0, 1, 1, 1, 1]), 2)
    (['я'], array([1]))
    """
    flat = np.asarray(list(flat), dtype=object)
    kept = ~bad  # and the unknown letters, looked at alone: few of a long list
    at = np.flatnonzero(bad)
    kept[at] = np.fromiter(map(_is_letter, flat[at]), bool, len(at))
    # no space: the one after "1." would begin every name (" анна")
    kept &= ~space_symbols(flat)
    bare = np.flatnonzero(np.bincount(owner[kept], minlength=n_names) == 0)
    return sorted(set(flat[kept].tolist())), bare


def letters_hint(letters, fitting):
    """An alphabet that holds the letters of the names but not their list
    numbers or bullets, with ``handle_unknown="drop"`` to remove those: the
    ``letters`` the names use (:func:`letters_kept`), written out when this
    fit's own names gave them (``fitting``; None: not known) and each symbol
    is one character.

    Examples
    --------
    >>> print(letters_hint(["a", "я"], True))
    alphabet='aя' and handle_unknown='drop', which keep the letters and remove \
the other characters
    """
    if fitting and letters and all(len(symbol) == 1 for symbol in letters):
        alphabet = f"alphabet={''.join(letters)!r}"
    else:  # a prefix or a score's names: not all the letters of the training names
        alphabet = "an alphabet that holds the letters of the names"
    return (
        f"{alphabet} and handle_unknown='drop', which keep the letters and "
        "remove the other characters"
    )


def bare_refused(n_bare, shown):
    """The names that even an alphabet of the names' letters leaves without
    any character (:func:`letters_kept`), ``shown`` placed: to remove.

    Examples
    --------
    >>> print(bare_refused(1, "names[2]='3. ★'"))  # doctest: +NORMALIZE_WHITESPACE
    Even then 1 name holds no letter, which can be neither learned nor scored:
    remove it: names[2]='3. ★'.
    """
    more = f" and {n_bare - MAX_REPORTED:,} more" if n_bare > MAX_REPORTED else ""
    return (
        f"Even then {counted(n_bare, 'name', ('holds', 'hold'))} no letter, which "
        "can be neither learned nor scored: "
        + one_or_many(n_bare, "remove it", "remove them")
        + f": {shown}{more}."
    )


def place_of(what, i, index=None):
    """Where element ``i`` of the list called ``what`` is, for a message.

    ``what`` names a list (``"names"``, ``"prefixes"``): ``names[3]``, with the
    index label of a Series (:func:`element_place`); or the one argument a
    caller was given (``"prefix"``, ``"context"``), which is named alone.

    Examples
    --------
    >>> place_of("names", 3), place_of("context", 3)
    ('names[3]', 'context')
    """
    return element_place(what, i, index) if what in _LISTS else what


def placed_names(what, positions, names, index=None):
    """``names[3]='zoë', names[7]='zoé'``: the names at ``positions``, placed.

    Examples
    --------
    >>> placed_names("names", [1], ["ana", "zoë"])
    "names[1]='zoë'"
    """
    return ", ".join(
        f"{place_of(what, i, index)}={quoted(names[i])}" for i in positions
    )


def alphabet_hint(alphabet, them):
    """The alphabet to fit with so that characters are known; ``alphabet`` is
    the transformer's parameter, ``them`` names those characters.

    Examples
    --------
    >>> alphabet_hint("abc", "them")
    "alphabet='auto' (or a larger alphabet)"
    """
    if not is_auto_alphabet(alphabet):
        return "alphabet='auto' (or a larger alphabet)"
    return (
        f"an alphabet that holds {them} (alphabet='auto' holds the characters "
        "of the training names only)"
    )


def fold_note(alphabet, what, fitting, in_folds=None):
    """The closing sentence of the error on names (``what``) that ``alphabet``
    lacks, out of a fit (not ``fitting``) and in a scikit-learn
    cross-validation or search (``in_folds``; None: as
    :func:`in_cross_validation` finds): a fold scores nan so, and why (for a
    given alphabet, if a fold failed: it may be a with_learned_alphabet()
    copy, or written by hand); else "" (a model loaded and scored has no
    fold).

    Examples
    --------
    >>> note = fold_note("auto", "names", False, in_folds=True)
    >>> print(note.strip())  # doctest: +NORMALIZE_WHITESPACE
    In a cross-validation or a search, each fold learns the alphabet of its own
    training names only: fit the ContextWindowTransformer on all the names, and
    give the pipeline its with_learned_alphabet(), a copy that keeps that alphabet.
    >>> print(fold_note("abc", "names", False, True).split(":")[0].strip())
    ... # doctest: +NORMALIZE_WHITESPACE
    If a fold of a cross-validation or a search fails so, the alphabet lacks
    letters of the names it holds out (and alphabet='auto' would learn those of
    each fold's training names only)
    >>> fold_note("auto", "prefixes", False, True), fold_note("abc", "names", True)
    ('', '')
    >>> fold_note("auto", "names", False)  # here, no cross-validation runs
    ''
    """
    if what != "names" or fitting:
        return ""
    if not (in_cross_validation() if in_folds is None else in_folds):
        return ""
    return FOLD_ALPHABET_NOTE if is_auto_alphabet(alphabet) else FOLD_GIVEN_NOTE


def in_cross_validation():
    """Whether a scikit-learn cross-validation or search runs the caller: a
    function of ``sklearn.model_selection`` on the call stack
    (``cross_val_score``, ``GridSearchCV``, ``learning_curve``, their
    ``_fit_and_score`` in a worker process of ``n_jobs``). A fitted search's
    own ``score`` or ``predict`` (:data:`PASSED_ON`) and the functions it
    calls do not count: they pass new names to the model refit on all the
    names, where no fold is held out (a function that calls the search's
    ``score``, such as an outer ``cross_val_score``, does).

    Examples
    --------
    >>> from sklearn.dummy import DummyClassifier
    >>> from sklearn.model_selection import cross_val_score
    >>> in_cross_validation()
    False
    >>> def scorer(estimator, X, y):
    ...     return float(in_cross_validation())
    >>> cross_val_score(DummyClassifier(), [[0]] * 4, [0, 1] * 2, cv=2,
    ...                 scoring=scorer).tolist()
    [1.0, 1.0]
    """
    names, frame = [], inspect.currentframe()  # its functions, innermost first
    while frame is not None:
        if frame.f_globals.get("__name__", "").startswith("sklearn.model_selection."):
            names.append(frame.f_code.co_name)
        frame = frame.f_back
    # Below a search's predict, its own helpers; above it, an outer fold.
    passed = next((i for i, name in enumerate(names) if name in PASSED_ON), -1)
    return len(names) > passed + 1


#: The methods by which a fitted search (``GridSearchCV``) or threshold
#: classifier passes new names on to the model it refit on all the names.
PASSED_ON = frozenset(
    {"score", "score_samples", "predict", "predict_proba", "predict_log_proba",
     "decision_function", "transform", "inverse_transform"}
)  # fmt: skip


def unknown_message(transformer, names, symbols, what, fitting, index):
    """The message of a fitted ``transformer`` on the unknown ``symbols``: the
    flat symbols, which of them are unknown, and the name of each (as
    ``ContextWindowTransformer`` encodes names).

    Examples
    --------
    >>> import numpy as np
    >>> from sknextchar import ContextWindowTransformer
    >>> fitted = ContextWindowTransformer().fit(["ana"])
    >>> symbols = ("zoë", np.array([False, False, True]), np.zeros(3, dtype=int))
    >>> text = unknown_message(fitted, ["zoë"], symbols, "names", False, None)
    >>> print(text.split(". ")[0])
    Found characters outside the vocabulary ['ë'] in names[0]='zoë'
    """
    flat, bad, owner = symbols
    chars = sorted({flat[i] for i in np.flatnonzero(bad)})
    culprits = np.unique(owner[bad]).tolist()
    shown = [(place_of(what, i, index), names[i]) for i in culprits[:MAX_REPORTED]]
    if what != "names":
        return unknown_text(transformer, chars, shown, len(culprits), what, fitting)
    known = transformer.vocabulary_[1:]
    # with case kept, dropping is offered only after lowercase=True: "J." "j"
    emptied = names_left_empty(
        flat, bad, owner, len(names), known, lowered=not transformer.lowercase
    )
    title = _title_above(names, culprits)  # "Popular names" above "1. Anna"
    emptied = [e[e > 0] for e in emptied] if title else emptied  # the list's
    counts = (emptied[0].size, emptied[1].size)
    starts = np.flatnonzero(np.diff(owner, prepend=-1))  # each name's first
    # dropping a first letter: "émile" "mile" (a quote or hyphen may go)
    starts = starts[int(title) :]  # the title's first letter goes with it
    firsts = {flat[i] for i in starts[bad[starts]] if flat[i].isalpha()}
    numbered = title or all(list_numbered(names[i]) for i in culprits)
    start = int(np.searchsorted(owner, 1)) if title else 0  # the list's letters
    letters, bare = letters_kept(
        flat[start:], bad[start:], owner[start:] - title, len(names) - title
    )
    bare = bare + title
    # Names read from a file, to fit or to score: each way says what reads them.
    how = QUOTES_REMOVED if fitting else QUOTES_REMOVED_TO_SCORE
    # a '"' inside any refused name, not only those shown; "name" above them
    quotes = fit_quotes(names, culprits, how) if '"' in chars else None
    text = unknown_text(
        transformer, chars, shown, len(culprits), what, fitting, counts, kept=firsts,
        numbered=numbered, letters=letters, title=title, quotes=quotes,
    )  # fmt: skip
    if marked_and_emptied(chars, numbered, counts):
        if not bare.size:
            return text
        some = placed_names("names", bare[:MAX_REPORTED].tolist(), names, index)
        return f"{text} {bare_refused(bare.size, some)}"
    if not emptied[0].size:
        return text
    some = placed_names("names", emptied[0][:MAX_REPORTED].tolist(), names, index)
    return f"{text} {drop_refused(emptied[0].size, some)}"


def _title_above(names, culprits):
    """Whether the first of ``names`` reads as the title of the list below
    it: it has no list number or bullet, every other name of the
    ``culprits`` (positions of the names with unknown characters) starts
    with one, digits in the title or not: ``Baby names 2024`` or ``Popular
    names`` above ``1. Anna``."""
    return (
        len(culprits) > 1
        and culprits[0] == 0
        and not list_numbered(names[0])
        and all(list_numbered(names[i]) for i in culprits[1:])
    )


# The label of a list's title, in a file of labels line by line.
TITLES_LABEL = "its label, the first label of {}"


def title_note(title, labels=None):
    """The note on a first name that reads as the title of the list below
    it; ``labels``: the file of the names' labels, line by line, whose first
    label (the first, below any header row) goes with it.

    Examples
    --------
    >>> title_note("Baby names 2024")
    "; the first name, 'Baby names 2024', reads as the list's title: delete it"
    >>> title_note("Names 2024", "labels.txt").split(": ")[-1]
    "delete it and its label, the first label of 'labels.txt'"
    """
    also = "" if labels is None else f" and {TITLES_LABEL.format(shown_path(labels))}"
    return (
        f"; the first name, {quoted(title)}, reads as the list's title: delete it{also}"
    )


def unknown_text(
    transformer, chars, culprits, n_culprits, what, fitting, emptied=None,
    again=TRAIN_AGAIN, kept=(), numbered=False, letters=None, title=False,
    quotes=None,
):  # fmt: skip
    """The message of ``transformer`` (with a vocabulary) on unknown
    characters ``chars``: ``culprits`` are the ``(place, name)`` shown
    (``("names[3]", "zoë")``), of ``n_culprits`` names that hold them;
    ``emptied``: how many names dropping would leave empty, alone and after
    folding (None: not known); ``again``: how the advice to train again
    begins (not ``fitting``); ``kept``: the unknown symbols that begin names,
    which no dropping is offered for; ``numbered``: whether every name that
    holds them starts with a list number (:func:`list_numbered`);
    ``letters``: the symbols an alphabet of the names' letters keeps
    (:func:`letters_kept`; None: not known); ``title``: whether the first
    of ``culprits`` is the title above the list (a note says to delete it);
    ``quotes``: :func:`~sknextchar._quoted_advice.fit_quotes` of the names
    when ``'"'`` is unknown (None: not known), whose quote marks no alphabet
    is advised for.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> fitted = ContextWindowTransformer().fit(["ana"])
    >>> text = unknown_text(fitted, ["ë"], [("names[0]", "zoë")], 1, "names", True)
    >>> print(text.split(". ")[0])
    Found characters outside the vocabulary ['ë'] in names[0]='zoë'
    """
    vocabulary = transformer.vocabulary_
    chars, final_note = _finals_as_plain(chars, [name for _, name in culprits])
    shown_end, note = _end_marker(vocabulary[0], chars)
    shown = [f"{place}={quoted(name)}" for place, name in culprits]
    shown = and_more(shown, n_culprits, most=len(shown))
    strip_accents, lowercase = transformer.strip_accents, transformer.lowercase
    advice = unknown_hints(
        chars, vocabulary[1:], strip_accents=strip_accents,
        what=what, emptied=emptied, lowercase=lowercase, kept=kept,
    )  # fmt: skip
    # A prefix as the model reads it: advice for a model of lowercased names
    # gives a pattern in lowercase, which it does not refuse for its capitals.
    read = str.lower if lowercase else str
    prefixes = [] if what == "names" else [read(name) for _, name in culprits]
    hints = _alphabet_hints(transformer, chars, prefixes) + advice
    # Only a cluster cut inside a symbol: its note says what to type instead.
    whole_cluster_asked = what != "names" and not hints
    if what == "names" and numbered and any(map(_is_mark, chars)):
        list_note, hints = _marked_list_note(
            chars, culprits, n_culprits, vocabulary[1:], lowercase, hints,
            advice=advice, emptied=emptied, letters=letters, fitting=fitting,
            title=title,
        )  # fmt: skip
        note += list_note
    elif what == "names" and quotes and quotes[0]:  # dropping takes out quotes too
        note, hints = _quoted(note, culprits, n_culprits, quotes, hints, advice, chars)
    elif what == "names" and any(_DROPS in hint for hint in advice):
        note += glued_note(culprits, vocabulary[1:], lowercase)  # "Anna Maria"
        drop = next(hint for hint in advice if _DROPS in hint)
        if drop.startswith(_DROPS):  # not after lowercasing: a hint of its own
            hints += joints_hint(chars, vocabulary, culprits, lowercase, drop)
    note += final_note + unknown_symbols_note(chars, vocabulary, prefixes)
    names = [_as_read(name, transformer, what) for _, name in culprits]
    note += look_alike_note(chars, vocabulary[1:], names)  # "а" typed for "a"
    if not fitting and not lowercase:  # "ka" to a model of "Ka'thar"
        name = names[0] if n_culprits == 1 else None
        note += case_note(chars, vocabulary[1:], name)  # "type" whose name?
    if strip_accents != "unicode":
        note += compatibility_note(chars, what, fitting, again)
    found = (
        "Found characters outside the vocabulary "
        f"[{', '.join(map(describe_symbol, chars))}] in {shown}. The vocabulary is "
        f"{shown_symbols(vocabulary)} plus the end marker{shown_end}{note}."
    )
    if whole_cluster_asked:
        return found
    return f"{found} {_what_to_do(what, len(chars), n_culprits, hints, fitting, again)}"


def _what_to_do(what, n_chars, n_culprits, hints, fitting, again):
    """The last sentence of :func:`unknown_text`: clean the names (remove
    the characters of a prefix), or follow one of ``hints``."""
    # A prefix is typed (a context of the table, a start of names).
    return (
        (
            one_or_many(n_culprits, "Clean the name", "Clean the names")
            if what == "names"
            else one_or_many(
                n_chars, "Remove that character", "Remove those characters"
            )
        )
        + (", or " + ("pass " if fitting else again) if hints else "")
        # Each hint of a fitted model's message is one for training again.
        + (", or " if fitting else ", or with ").join(hints)
        + "."
    )


def _alphabet_hints(transformer, chars, prefixes):
    """The hint of an alphabet that holds ``chars``; none when they are only
    the cluster one of ``prefixes`` ends with inside a symbol of the model
    (:func:`~sknextchar._symbol_notes.cut_cluster`), which it holds whole."""
    cut = cut_cluster(chars, transformer.vocabulary_[1:], prefixes)
    if cut is not None and {char.lower() for char in chars} == {cut[0]}:
        return []
    return [alphabet_hint(transformer.alphabet, "them")]


def _as_read(name, transformer, what):
    """``name`` (a prefix unless ``what`` is ``"names"``) as ``transformer``
    reads it: ``"ＩＶＡＮ"`` as ``"IVAN"`` (``"ivan"`` if it lowercases)."""
    return normalize_text(
        name, lowercase=transformer.lowercase, strip_accents=transformer.strip_accents,
        prefix=what != "names",
        keep_full_width=holds_full_width(transformer.vocabulary_),
    )  # fmt: skip


def case_note(chars, known, name=None):
    """The note on unknown letters whose other case a model that keeps the
    case of its names knows (``"ka"`` to a model of ``"Ka'thar"``), with
    ``name`` (None: several names hold them) retyped when that is all it
    lacks: capitalised, each part between hyphens and spaces capitalised,
    each part between these and apostrophes capitalised (``"Tel'Quessir"``),
    or in capitals, the first of these the model knows each character of, and
    none when it knows none of them (no other mix of cases is guessed); ""
    when there are no such letters. Advice to clean the name or train again
    follows.

    Examples
    --------
    >>> print(case_note(["k"], set("Kahrt'"), "ka'thar").replace(": ", ":\\n"))
    . The model keeps the case of its training names, and knows 'K' (for 'k'):
    type "Ka'thar"
    >>> case_note(["m", "g"], set("MGor-al"), "mor-gal")[-14:]
    "type 'Mor-Gal'"
    >>> print(case_note(["t", "q"], set("TelQusir'"), "tel'quessir")[-18:])
    type "Tel'Quessir"
    >>> case_note(["j", "ü", "r"], set("JÜRGENgen"), "jürgen")[-13:]
    "type 'JÜRGEN'"
    >>> case_note(["E", "G", "N"], set("Jegn"), "JEGEN")[54:]
    "knows 'e', 'g', 'n' in lowercase only: type 'Jegen'"
    >>> case_note(["k"], set("Kaen"), "aken")[-19:]  # not "aKen"
    "knows 'K' (for 'k')"
    >>> case_note(["k", "x"], {"K", "a"}, "kax"), case_note(["ß"], {"S"}, "ß")
    (". The model keeps the case of its training names, and knows 'K' (for 'k')", '')
    """
    other = {char: char.swapcase() for char in chars}
    other = {c: o for c, o in other.items() if len(o) == 1 and o != c and o in known}
    if not other:
        return ""
    told = ", ".join(f"{quoted(o)} (for {quoted(c)})" for c, o in other.items())
    for case, in_case in ((str.islower, "in lowercase"), (str.isupper, "in capitals")):
        if len(other) > 2 and all(map(case, other.values())):  # one short line
            told = f"{', '.join(map(quoted, other.values()))} {in_case} only"
    note = f". The model keeps the case of its training names, and knows {told}"
    if name is None or set(chars) != set(other):
        return note
    name = name.strip()
    parts, words = (
        "".join(part.capitalize() for part in re.split(edges, name))
        for edges in (r"([ -])", r"([ \-'\u2019])")  # "Mor-Gal", "Tel'Quessir"
    )
    for retyped in (name.capitalize(), parts, words, name.upper()):
        if len(retyped) == len(name) and all(char in known for char in retyped):
            return f"{note}: type {quoted(retyped)}"
    return note


def _finals_as_plain(chars, names=()):
    """The unknown ``chars`` with each final form (Greek ``ς``, Hebrew ``ם``...)
    listed as its plain form, the one letter a model learns for both, so that
    an alphabet of the characters listed reads the names; and the note that
    says so ("" when neither ``chars`` nor the culprit ``names`` hold a final
    form of a letter listed: a lone 'ς' arrives already read as 'σ').

    Examples
    --------
    >>> _finals_as_plain(["ν", "ς"])
    (['ν', 'σ'], "; 'ς' is listed as 'σ', its form inside a word: a model learns one letter for both, so an alphabet with 'σ' reads 'ς' too")
    >>> _finals_as_plain(["σ"], ["ς"])[1][:24]
    "; 'ς' is listed as 'σ', "
    >>> _finals_as_plain(["ë"])
    (['ë'], '')
    """  # noqa: E501
    plain = {fold_final_forms(char) for char in chars}
    in_names = {char for name in names for char in name}
    finals = sorted(
        char
        for char in set(chars) | in_names
        if fold_final_forms(char) != char and fold_final_forms(char) in plain
    )
    if not finals:
        return chars, ""
    plains = [fold_final_forms(char) for char in finals]
    listed, shown = (", ".join(map(describe_symbol, c)) for c in (finals, plains))
    return sorted(plain), (
        f"; {listed} {one_or_many(len(finals), 'is', 'are')} listed as {shown}, "
        f"{one_or_many(len(finals), 'its form', 'their forms')} inside a word: a "
        "model learns one letter for both, so an alphabet with "
        f"{shown} reads {listed} too"
    )


def _end_marker(end, chars):
    """How the unknown characters' message shows the end marker ``end``,
    named once (``" (shown as '-')"``, ``", shown as '\\u200b' (ZERO WIDTH
    SPACE)"``), and its note when it is one of ``chars``."""
    shown = describe_symbol(end)
    shown = f" (shown as {shown})" if shown == repr(end) else f", shown as {shown}"
    note = (
        f"; {end!r} only displays the end marker, it is no character of the names"
        if end in chars
        else ""
    )
    return shown, note


def _quoted(note, culprits, n_culprits, quotes, hints, advice, chars):
    """The ``note`` and ``hints`` of names in double quotes, of the ``(place,
    name)`` ``culprits`` of ``n_culprits`` names: the note on their quotes
    added, and on the list's title (the first, to delete) if ``quotes``
    (:func:`~sknextchar._quoted_advice.fit_quotes`) says there is one; the
    header of their one column (``"name"``), if it is the first, not counted
    among them. The
    alphabet (``hints[0]``) is no choice beside the quotes' ``advice``, only
    a step after their removal, for other characters than ``'"'``."""
    _, title, how, inner, n_inner, headed = quotes
    above = int(title or headed)  # the list's title, or the header of its column
    note += quotes_note(culprits[above][1], n_culprits - above, how)
    note += inner_quotes_note(inner, n_inner)
    note += title_note(culprits[0][1]) if title else ""
    if advice or set(chars) == {'"'}:
        return note, advice
    return note, [f"{hints[0]} once they are read without their quote marks"]


def _marked_list_note(
    chars, culprits, n_culprits, symbols, lowercase, hints, *, advice, emptied,
    letters, fitting, title,
):  # fmt: skip
    """The note and hints of unknown characters that are a list's marks.

    "1. Anna", "• Anna": no setting but dropping lets a list's unknown numbers
    or bullets through, so each hint of ``advice`` removes them; an alphabet
    would learn them. When dropping alone empties names ("1. Анна"), an
    alphabet of the names' letters with dropping does. ``title``: the first
    of ``culprits`` is the title above the list (a note says to delete it).
    """
    note = ""
    items = culprits[1:] if title else culprits  # the list's, below its title
    emptying = marked_and_emptied(chars, True, emptied)
    if emptying or advice or title:
        note += numbering_note(items, n_culprits - title)
    if emptying:
        note += glued_note(items, letters or symbols, lowercase)
        hints = [letters_hint(letters, fitting)]
    elif advice:
        note += glued_note(items, symbols, lowercase)
        hints = advice
    if title:
        note += title_note(culprits[0][1])
    return note, hints


def warn_parts_glued(names, texts, symbols, vocabulary, lowercase=True, index=None):
    """Warn about the names ``handle_unknown="drop"`` removes a space or a
    hyphen from, between two of their letters.

    Parameters
    ----------
    names : list of str
        The names as given to ``fit``.
    texts : list of str
        The names as encoded (normalised), in the same order.
    symbols : tuple of (str or list of str, ndarray of bool, ndarray of int)
        The symbols of the texts one after another, which of them are
        unknown, and the name each is of (in order).
    vocabulary : sequence of str
        The vocabulary, its end marker first.
    lowercase : bool, default=True
        Whether the names are lowercased before they are encoded.
    index : pandas.Index or None, default=None
        The index of the Series the names came from, for their places.

    Examples
    --------
    >>> import warnings
    >>> flat = "anna mariakarl"
    >>> bad, owner = np.array([c == " " for c in flat]), np.repeat([0, 1], [10, 4])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_parts_glued(["Anna Maria", "Karl"], ["anna maria", "karl"],
    ...                      (flat, bad, owner), "-aiklmnr")
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    handle_unknown='drop' removes a space or hyphen between the letters of 1
    name, which is learned as one word: names[0]='Anna Maria' is learned as
    'annamaria'. Pass alphabet='aiklmnr ' to keep the space inside the names.
    """
    flat, bad, owner = symbols
    at = np.flatnonzero(bad)
    dropped = {flat[j] for j in at.tolist()}
    joints = [c for c in dropped if len(c) == 1 and _is_joint(c)]
    if not joints:
        return
    hit, examples = _glued(flat, bad, owner, joints)
    if not hit:
        return
    start, stop = np.searchsorted(owner, [hit[0], hit[0] + 1]).tolist()
    learned = "".join(flat[j] for j in range(start, stop) if not bad[j])
    culprits = [("names", names[i]) for i in examples]
    chars = sorted(dropped, key=lambda c: (c not in joints, c))  # joints first
    hint = joints_hint(chars, vocabulary, culprits, lowercase=lowercase)
    _GluedParts.found(names, hit, index, learned=learned, hint=hint)


def _glued(flat, bad, owner, joints):
    """The names (in order) of which an unknown joint is between two letters,
    and one of them for each such joint."""
    if isinstance(flat, str):  # each character as its code: no loop over them
        codes = np.frombuffer(flat.encode("utf-32-le", "surrogatepass"), "<u4")
        distinct = np.unique(codes).tolist()
        symbols = [chr(code) for code in distinct]
        size = distinct[-1] + 1
    else:
        symbols = sorted(set(flat))
        codes = np.searchsorted(symbols, np.array(flat, dtype=object))
        distinct, size = range(len(symbols)), len(symbols)
    letter, joint = np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)
    letter[distinct] = [_is_letter(symbol) for symbol in symbols]
    joint[distinct] = [symbol in joints for symbol in symbols]
    letters = np.cumsum(letter[codes])  # the letters up to each symbol
    at = np.flatnonzero(bad & joint[codes])
    starts = np.searchsorted(owner, owner[at])  # the first symbol of its name
    stops = np.searchsorted(owner, owner[at], side="right")
    before = letters[at] - np.where(starts > 0, letters[starts - 1], 0)
    after = letters[stops - 1] - letters[at]
    inside = at[(before > 0) & (after > 0)]
    # One name for each joint glued: the hint reads which joints are inside.
    each = np.unique(codes[inside], return_index=True)[1]
    return np.unique(owner[inside]).tolist(), owner[inside[each]].tolist()


class _GluedParts(NamesWarning):
    """The names ``handle_unknown="drop"`` glues the parts of, the first
    shown as learned (of the names of a whole file, within
    :meth:`~sknextchar._gathered_names.GatheredWarnings.gathering`)."""

    order = 2  # after the capitals a fit drops

    def __init__(self):
        super().__init__()
        self.learned, self.hint = None, []

    def gather(self, names, positions, index, offset, *, learned, hint):
        """Gather the names at ``positions``; ``learned``: the first of them as
        learned; ``hint``: the alphabet that keeps the parts (or ``[]``)."""
        if not self.shown:  # the first name shown, of the first chunk
            self.learned = learned
            super().gather(names, positions[:1], index, offset)
            positions = positions[1:]
        self.hint = self.hint or hint
        self.n_names += len(positions)

    def told(self, name):
        return f"{quoted(name)} is learned as {quoted(self.learned)}"

    def message(self):
        advice = f" Pass {self.hint[0]}." if self.hint else ""
        return (
            "handle_unknown='drop' removes a space or hyphen between the letters "
            f"of {counted(self.n_names, 'name')}, "
            f"which {'is' if self.n_names == 1 else 'are'} learned as one word: "
            f"{self.shown[0]}.{advice}"
        )
