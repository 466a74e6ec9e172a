"""The alphabet a ContextWindowTransformer learns, and its copy for other fits.

With ``alphabet="auto"`` a fit learns the symbols of its names
(:func:`learned_vocabulary`): a name that starts a word with a lone mark is
refused, a tab is warned of, and the end marker is shown by a symbol the
names do not use. :meth:`ContextWindowTransformer.with_learned_alphabet`
gives an unfitted copy with that alphabet (:func:`learned_alphabet_copy`),
refused when no copy reads names as the fit did
(:func:`copy_reads_otherwise`: code points that spell a letter the old way).

The transformer itself, and how it reads and encodes names, are
``_transformer``'s; the symbols and ids of a vocabulary are ``_vocabulary``'s.
The functions take a transformer without importing its class.
"""

from sklearn.base import clone

from ._gathered_names import NamesWarning
from ._lone_marks import check_no_lone_marks
from ._text import (
    OLD_SPELLINGS,
    describe_symbol,
    fold_final_forms,
    spells_old_letters_apart,
    split_symbols,
)
from ._vocabulary import make_vocabulary, pick_end_symbol
from ._words import counted, one_or_many

__all__ = [
    "NOT_FITTED_TO_COPY",
    "copy_reads_otherwise",
    "keeps_old_spellings",
    "learned_alphabet_copy",
    "learned_vocabulary",
    "refuse_copy_read_otherwise",
]

# with_learned_alphabet's error on an unfitted transformer (check_is_fitted's msg).
NOT_FITTED_TO_COPY = (
    "This %(name)s has no learned alphabet yet: call fit with all the names "
    "first, then with_learned_alphabet() for an unfitted copy that keeps it."
)


def keeps_old_spellings(unit, vocabulary):
    """Whether names keep letters spelled the old way for an alphabet given by
    hand (``vocabulary``; None for ``alphabet="auto"``): one of code points
    that spells such a letter so, consonant, virama and joiner.

    Examples
    --------
    >>> keeps_old_spellings("char", ("-", "a", "b"))
    False
    >>> keeps_old_spellings("char", None)
    False
    """
    if unit != "char" or vocabulary is None:
        return False
    return spells_old_letters_apart(vocabulary[1:])


def learned_vocabulary(names, texts, unit, end_symbol, index=None):
    """The vocabulary ``alphabet="auto"`` learns from names.

    Parameters
    ----------
    names : list of str
        The names as given, for the messages.
    texts : list of str
        The names as the transformer reads them.
    unit : {"char", "grapheme"}
        What one symbol is.
    end_symbol : str
        How the end marker is shown, unless the names use it
        (:func:`~sknextchar._vocabulary.pick_end_symbol`).
    index : pandas.Index or None, default=None
        The index of the Series the names came from, for the messages.

    Returns
    -------
    vocabulary : tuple of str
        The end marker's display, then the symbols of the names.

    Raises
    ------
    ValueError
        With ``unit="grapheme"``, for a name or word that starts with a
        combining mark.

    Warns
    -----
    UserWarning
        For the names that hold a tab, which is learned as a letter.

    Examples
    --------
    >>> learned_vocabulary(["Ana", "bo"], ["ana", "bo"], "grapheme", "-")
    ('-', 'a', 'b', 'n', 'o')
    """
    seen = {
        s for text in set(texts) for s in split_symbols(fold_final_forms(text), unit)
    }
    if unit == "grapheme":
        check_no_lone_marks(names, texts, index)
    if "\t" in seen:
        tabbed = [i for i, text in enumerate(texts) if "\t" in text]
        _TabbedNames.found(names, tabbed, index)
    end = pick_end_symbol(seen, end_symbol)
    return make_vocabulary(seen, end, unit=unit)


def learned_alphabet_copy(transformer):
    """A fitted ``transformer``'s unfitted clone with the alphabet, end marker
    and unit it learned (:meth:`ContextWindowTransformer.with_learned_alphabet`
    without its checks, as the folds of ``with_vocabulary_of`` build it).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> fitted = ContextWindowTransformer(alphabet="auto").fit(["ana", "bo"])
    >>> copy = learned_alphabet_copy(fitted)
    >>> copy.alphabet, copy.end_symbol, copy.unit
    (['a', 'b', 'n', 'o'], '-', 'grapheme')
    """
    return clone(transformer).set_params(
        alphabet=list(transformer.vocabulary_[1:]),
        end_symbol=transformer.vocabulary_[0],
        unit=transformer.unit_,
    )


def copy_reads_otherwise(transformer):
    """Whether no copy of the fitted ``transformer`` with its learned alphabet
    given reads names as it does: its code points hold a letter's old
    spelling (consonant, virama, joiner) that it read as the letter, and an
    alphabet given so keeps that spelling, and the idle joiners and selectors
    (see the transformer's ``_keeps``).

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> copy_reads_otherwise(ContextWindowTransformer().fit(["ana"]))
    False
    """
    unit, vocabulary = transformer.unit_, transformer.vocabulary_
    spells = transformer.__dict__.get("_spells_old_letters", True)
    return spells and keeps_old_spellings(unit, vocabulary)


def refuse_copy_read_otherwise(transformer):
    """with_learned_alphabet's refusal when no copy reads names as the fitted
    ``transformer`` (:func:`copy_reads_otherwise`).

    Raises
    ------
    ValueError
        Naming the letters and their old spelling.

    Examples
    --------
    >>> from sknextchar import ContextWindowTransformer
    >>> refuse_copy_read_otherwise(ContextWindowTransformer().fit(["ana"]))
    """
    if not copy_reads_otherwise(transformer):
        return
    vocabulary = transformer.vocabulary_
    held = [old for old in OLD_SPELLINGS if set(vocabulary[1:]).issuperset(old)]
    shown = ", ".join(
        f"{describe_symbol(old)} for {OLD_SPELLINGS[old]!r}" for old in held
    )
    spelling = one_or_many(len(held), "the old spelling of a letter", "old spellings")
    raise ValueError(
        f"This {type(transformer).__name__} learned code points (unit='char') "
        f"that make up {spelling}: {shown}. Given as an alphabet, they keep that "
        "spelling, and the joiners and variation selectors this fit removed "
        "after a Latin letter, so no copy reads names as this fit did. Fit it "
        "with unit='grapheme' on all the names, then call with_learned_alphabet()."
    )


class _TabbedNames(NamesWarning):
    """The names that hold a tab, which a learned alphabet takes as a letter.

    A tab stays a character (whitespace a line of a file holds), but in a
    name it is most often a column's end (``ana<tab>5``) or a space typed
    with the tab key: generated names would hold it.
    """

    def message(self):
        return (
            f"{counted(self.n_names, 'name', ('holds', 'hold'))} a tab, which "
            "alphabet='auto' learns as a letter, so generated names may hold "
            f"tabs: {self.listed()}. If a tab ends a column of names (a count or "
            "a label after it), read that column only (a table with a header "
            "row); if it stands for a space, write a space."
        )
