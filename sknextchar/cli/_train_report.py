"""What ``sknextchar train`` prints once the MLP is fitted: the names it was
trained on, its epochs, and the held-out NLL of early stopping; and, for any
model, that the capitals of its names were learned as lowercase letters.

A model lowercases its names unless told not to (``lowercase=True``, as
scikit-learn's text vectorizers do, documented in Python), so a file of
capitalised names generates ``"eyma"``: the command line, which shows no
parameter, says so once the model is trained, with the flags that keep them.
"""

import math

import numpy as np

from .._letter_forms import LetterNotes
from .._shown_paths import shell_word
from .._training_record import fold_map, folded_ids, hash_id_rows, padded_ids
from .._vocabulary import is_auto_alphabet
from .._vocabulary_pass import ChunkChecks
from .._words import counted, one_or_many
from ._quiet import inform

__all__ = ["CapitalisedNames", "capitals_note", "keeping_case", "report_training"]


def report_training(pipe, names, weights, seconds, labels=None):
    """Print how training went and the held-out NLL.

    The classifier's early stopping holds out ``ceil(validation_fraction *
    n)`` of the ``n`` distinct names of count above 0, each with every copy of
    it (under its label, in a fit by label; in any case, for a model that
    keeps case): the units of :func:`~sknextchar._holdout.same_name_groups`,
    counted on the names' symbol ids, so the count is the classifier's,
    characters dropped by ``handle_unknown="drop"`` included.

    Parameters
    ----------
    pipe : Pipeline
        Fitted, with steps ``windows`` and ``clf``.
    names : list of str
        The names it was fitted on.
    weights : ndarray or None
        Their counts (``--counts``), or None.
    seconds : float
        The time the fit took.
    labels : list or None, default=None
        The label of each name (``--labels``), or None.

    Examples
    --------
    >>> from sknextchar.cli import build_pipeline
    >>> pipe = build_pipeline(clf__max_iter=1, clf__random_state=0)
    >>> names = ["ann", "bob", "cy", "ann"] * 5
    >>> report_training(pipe.fit(names), names, None, 0.5)  # doctest: +ELLIPSIS
    Trained on 2 of 3 distinct names (a name written more than once is held out
    with all its copies or not at all) for 1 epoch in 0.5 s.
    Held-out NLL: ... on 1 distinct held-out name (weights of epoch 1 kept).
    """
    clf = pipe["clf"]
    windows = pipe["windows"]
    n_distinct, n_kept = _distinct_names(windows, names, weights, labels)
    n_held_out = (
        math.ceil(clf.validation_fraction * n_distinct) if clf.early_stopping else 0
    )
    trained = counted(n_distinct - n_held_out, "name")
    if n_distinct < n_kept and n_held_out:
        in_any_case = _case_fold(windows) is not None
        trained = (
            f"{n_distinct - n_held_out:,} of {n_distinct:,} distinct names (a name "
            "written more than once"
            + (", in any case," if in_any_case else "")
            + " is held out with all its copies or not at all)"
        )
    epochs = counted(clf.n_iter_, "epoch")
    inform(f"Trained on {trained} for {epochs} in {seconds:.1f} s.")
    if clf.early_stopping:
        nll = -clf.best_validation_score_
        best = clf.validation_scores_.index(clf.best_validation_score_) + 1
        held = "distinct held-out name" if n_distinct < n_kept else "held-out name"
        inform(
            f"Held-out NLL: {nll:.4f} nats per character ({nll / math.log(2):.3f} "
            f"bits) on {counted(n_held_out, held)} (weights of epoch "
            f"{best} kept)."
        )
    else:
        inform(
            f"Training loss: {clf.loss_:.4f} nats per character (no names held out: "
            "--validation-fraction 0)."
        )
    note = capitals_note(windows, names, weights)
    if note is not None:
        inform(note)


def capitals_note(windows, names, weights=None):
    """The note that some of ``names`` had capitals, which the transformer
    ``windows`` learned as lowercase letters; None if it keeps case, or none
    had any. Then, a line each, the notes on full-width letters read as ASCII
    and on the Turkish ``"ı"`` and ``"İ"`` (:class:`CapitalisedNames`).

    Parameters
    ----------
    windows : ContextWindowTransformer
    names : list of str
        The names it was fitted on.
    weights : array-like or None, default=None
        Their counts (``--counts``): a name of count 0 is not learned, and
        not counted here.

    Returns
    -------
    note : str or None

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> print(capitals_note(ContextWindowTransformer(), ["Émma", "ava", "Zoë"]))
    ... # doctest: +NORMALIZE_WHITESPACE
    Note: 2 of 3 names have capitals, learned as lowercase letters ('Émma' as
    'émma'), so the names the model generates are lowercase; to keep the
    capitals, train with --keep-case --alphabet auto.
    >>> capitals_note(ContextWindowTransformer(lowercase=False), ["Ava"]) is None
    True
    """
    counter = CapitalisedNames()
    counter.learned(names, weights)
    return counter.note(windows)


class CapitalisedNames(ChunkChecks):
    """The names that have capitals, counted a chunk at a time (``train
    --chunk-size``: the ``check_names`` of the first pass, which calls it
    with each chunk, then :meth:`learned` with the chunk's names of a count
    above 0, which it counts).

    Parameters
    ----------
    check : callable or None, default=None
        The check of each chunk (every name, those of count 0 too).
    """

    def __init__(self, check=None):
        self.check, self.n_names, self.n_capitalised, self.first = check, 0, 0, None
        self.n_rows = 0  # every name of the chunks, those of count 0 too
        self.letters = LetterNotes()  # full-width letters, Turkish ı and İ

    def __call__(self, names):
        if self.check is not None:
            self.check(names)
        self.n_rows += len(names)

    def left_out(self):
        """`` (3 names of count 0 left out)`` after the chunks, or ``""``."""
        n_zero = self.n_rows - self.n_names
        return f" ({counted(n_zero, 'name')} of count 0 left out)" if n_zero else ""

    def learned(self, names, weights=None):
        """Count the names learned among ``names`` (of ``weights`` above 0)."""
        if weights is not None:  # a name of count 0 is not learned
            names = [name for name, weight in zip(names, weights) if weight > 0]
        self.n_names += len(names)
        self.letters.learned(names)
        letters = "".join(names)
        if letters == letters.lower():  # no name has a capital: no loop over them
            return
        capitalised = [name for name in names if name != name.lower()]
        self.n_capitalised += len(capitalised)
        self.first = capitalised[0] if self.first is None else self.first

    def note(self, windows):
        """The notes, one a line, for the names the transformer ``windows``
        was fitted on: of their capitals (none if it keeps case, or none had
        any), then of their full-width and Turkish letters
        (:class:`~sknextchar._letter_forms.LetterNotes`); None if none."""
        notes = [self._capitals_note(windows), *self.letters.notes(windows)]
        return "\n".join(note for note in notes if note is not None) or None

    def _capitals_note(self, windows):
        """The note on capitals; None if it keeps case, or none had any."""
        if not windows.lowercase or self.first is None:
            return None
        first, verb = self.first, one_or_many(self.n_capitalised, "has", "have")
        learned = windows.normalize([first])[0]
        if windows.handle_unknown == "drop":  # without what it removed: "1. Adris"
            learned = windows.decode(windows.encode([first])[0])
        return (
            f"Note: {self.n_capitalised:,} of {counted(self.n_names, 'name')} "
            f"{verb} capitals, learned as lowercase letters ({first!r} as "
            f"{learned!r}), so the names the model "
            "generates are lowercase; to keep the capitals, train with "
            f"--keep-case {keeping_case(windows)}."
        )


def keeping_case(windows):
    """The flags, beside ``--keep-case``, of the alphabet that keeps the
    capitals of the names the transformer ``windows`` learned: ``--alphabet
    auto``; but the letters it knows and their capitals, with ``--handle-unknown
    drop``, when it dropped characters, which ``auto`` would learn (the
    numbers of ``"1. Adris"``).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> keeping_case(ContextWindowTransformer().fit(["ana"]))
    '--alphabet auto'
    >>> windows = ContextWindowTransformer(
    ...     alphabet="-ab", end_symbol=".", handle_unknown="drop"
    ... )
    >>> keeping_case(windows.fit(["ab"]))
    '--alphabet abAB- --handle-unknown drop'
    """
    if windows.handle_unknown != "drop" or is_auto_alphabet(windows.alphabet):
        return "--alphabet auto"
    known = windows.vocabulary_[1:]
    capitals = [c.upper() for c in known if len(c.upper()) == 1]
    # letters first: an alphabet that began with "-" would read as a flag
    letters = sorted([*known, *capitals], key=lambda c: not c.isalpha())
    letters = "".join(dict.fromkeys(letters))
    return f"--alphabet {shell_word(letters)} --handle-unknown drop"


def _case_fold(transformer):
    """The fold of case of the model's symbols, or None: early stopping holds
    out case variants of a name ("Asha", "asha") as one, as ``sample --novel``
    compares them (:func:`~sknextchar._epoch_records.case_fold`)."""
    return fold_map(tuple(transformer.vocabulary_))


def _distinct_names(transformer, names, weights, labels):
    """How many units the classifier's hold-out draws from (the distinct names
    of weight above 0 as its windows read them, in any case for a model that
    keeps case, under each label), and how many names of weight above 0 there
    are. The names are encoded, not cut into windows again, and compared by a
    hash of their ids (as the record of training names compares them)."""
    kept = range(len(names)) if weights is None else np.flatnonzero(weights > 0)
    ids, _ = padded_ids(transformer.encode([names[i] for i in kept]))  # (n, width)
    fold = _case_fold(transformer)
    if fold is not None:
        ids = folded_ids(ids, fold)
    if labels is not None:  # a name under two labels: a unit under each
        label_ids = np.unique([str(labels[i]) for i in kept], return_inverse=True)[1]
        ids = np.column_stack([ids, label_ids.ravel() + 1])  # the label last
    return np.unique(hash_id_rows(ids)).size, len(kept)
