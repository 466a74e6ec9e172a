"""The sample-quality report: how new, how varied and how long generated names are.

:func:`~sknextchar.metrics.sample_report` compares generated names with the
training names (and, optionally, held-out test names): the share of distinct
names, the shares found in the training and test sets and in neither (makemore's
"in train / in test / new"), and how far the length distribution of the samples
is from the training names'. :class:`~sknextchar.metrics.SampleReport` holds the
numbers; ``print(report)`` shows a table and ``report.to_dict()`` gives them as
a dict.
"""

import re
import unicodedata
import warnings
from collections.abc import Mapping
from dataclasses import asdict, dataclass

import numpy as np
from sklearn.feature_extraction.text import strip_accents_unicode
from sklearn.utils.validation import check_is_fitted

from ._consistency import check_steps_agree
from ._label_lengths import label_length_row
from ._left_out import read_names
from ._prefix_lengths import (
    BLEND_NAMES,
    MIN_PREFIX_NAMES,
    LengthsOf,
    prefix_or_all,
    target_lengths,
)
from ._steps import pipeline_steps, unfreeze
from ._text import fold_final_forms, split_symbols, without_invisible
from ._training_record import (
    REFIT_FOLDED,
    WITHOUT_FOLDED,
    folded_name,
    folds_case,
    lacks_folded,
)
from ._unknown_label import unknown_label_error
from ._validation import (
    check_elements,
    check_one_dimensional,
    check_prefix,
    series_index,
)
from ._words import element_place

__all__ = [
    "SampleReport",
    "chance_length_tv",
    "lengths_far",
    "report_note",
    "sample_report",
    "training_length_counts",
]


def report_note(note):
    """A note under the report, in its parentheses, within 80 columns as the
    report's rows are (a wide character, ``名``, takes two): wrapped at
    spaces, never inside a flag (``--match-lengths``) or a word, nor between
    a flag and its value (``--label female``), the lines below indented by
    one space.

    Parameters
    ----------
    note : str
        The note, in parentheses.

    Returns
    -------
    text : str

    Examples
    --------
    >>> print(report_note("(" + "the lengths are unlike the training names': "
    ...     "--match-lengths draws them as often as the training names have them)"))
    (the lengths are unlike the training names': --match-lengths draws them as
     often as the training names have them)
    """
    lines = [""]
    for unit in _FLAG_AND_VALUE.findall(note):
        if lines[-1] and _columns(lines[-1]) + 1 + _columns(unit) > 79:
            lines.append(" " + unit)
        else:
            lines[-1] += f" {unit}" if lines[-1] else unit
    return "\n".join(lines)


# The words a note is wrapped between: a flag with the value after it (a
# word, a quoted one, or none when a flag follows), or any other word.
_QUOTED = r"""'[^']*'|"[^"]*"|\$'(?:[^'\\]|\\.)*'"""
_FLAG_AND_VALUE = re.compile(
    rf"--[\w-]+(?:=(?:{_QUOTED}|\S*)| (?:{_QUOTED}|[^\s-]\S*))?\S*|\S+"
)


def _columns(text):
    """The columns ``text`` takes on a terminal: two for a wide character
    (East Asian wide or full-width, ``名``), none for a combining mark."""
    return sum(
        0 if unicodedata.combining(char)
        else 2 if unicodedata.east_asian_width(char) in "WF"
        else 1
        for char in text
    )  # fmt: skip


# What 0 and 1 of the length distance mean, in the report's rows.
_SCALE = "0 = same lengths, 1 = none shared"


@dataclass(frozen=True)
class SampleReport:
    """The numbers of :func:`~sknextchar.metrics.sample_report`.

    Parameters
    ----------
    n : int
        The number of samples.
    distinct : float
        The share of distinct names among the samples (1.0: no repeats).
    in_train : float
        The share of samples found among the training names.
    in_test : float or None
        The share of samples found among the test names; None without them.
    novel : float
        The share of samples in neither the training nor the test names.
    length_tv : float
        The total-variation distance between the length distributions of the
        samples and of the training names: half the sum over lengths of the
        absolute differences of the shares, 0 (same) to 1 (disjoint).
    mean_length, median_length : float
        Of the samples.
    train_mean_length, train_median_length : float
        Of the training names (of ``label`` only, when set).
    label : object or None, default=None
        The label whose training names the lengths were compared with (see
        :func:`~sknextchar.metrics.sample_report`); None: every training name.
        Shown in the table and the summary; left out of :meth:`to_dict` when
        None.
    lengths_of : str or None, default=None
        With a ``prefix``, whose lengths the samples' were compared with: the
        training names that start with it (blended with all names' lengths),
        or all of them (and why) when too few do (see
        :func:`~sknextchar.metrics.sample_report`). Shown in the table and the
        summary; left out of :meth:`to_dict` when None.

    Examples
    --------
    >>> from sknextchar.metrics import sample_report
    >>> report = sample_report(["ab", "abc", "ab"], ["ab", "xyz"])
    >>> report.n, report.distinct, report.in_train
    (3, 0.6666666666666666, 0.6666666666666666)
    """

    n: int
    distinct: float
    in_train: float
    in_test: float | None
    novel: float
    length_tv: float
    mean_length: float
    median_length: float
    train_mean_length: float
    train_median_length: float
    label: object = None
    lengths_of: str | None = None

    def to_dict(self):
        """The numbers as a dict, in field order (``label`` only when set).

        Returns
        -------
        numbers : dict

        Examples
        --------
        >>> from sknextchar.metrics import sample_report
        >>> sorted(sample_report(["ab"], ["ab"]).to_dict())[:3]
        ['distinct', 'in_test', 'in_train']
        """
        numbers = asdict(self)
        for name in ("label", "lengths_of"):
            if numbers[name] is None:
                del numbers[name]
        return numbers

    def summary(self):
        """The report in one line, as the main job prints it.

        Returns
        -------
        line : str

        Examples
        --------
        >>> from sknextchar.metrics import sample_report
        >>> print(sample_report(["ab", "cd"], ["ab", "xyz"]).summary())
        ... # doctest: +NORMALIZE_WHITESPACE
        2 names: 100% distinct, 50% training names, 50% new; length distance 0.50
        (0 = same lengths, 1 = none shared; mean 2.0 vs 2.5 of the training names)
        """
        test = "" if self.in_test is None else f", {self.in_test:.0%} test names"
        return (
            f"{self.n:,} names: {self.distinct:.0%} distinct, {self.in_train:.0%} "
            f"training names{test}, {self.novel:.0%} new; length distance "
            f"{self.length_tv:.2f} ({_SCALE}; mean {self.mean_length:.1f} "
            f"vs {self.train_mean_length:.1f} of {self._whose()})"
        )

    def _whose(self):
        """Whose lengths the samples' are compared with, in full."""
        if self.lengths_of is not None:
            return str(self.lengths_of)
        if self.label is not None:
            return f"the training names of label {self.label!r}"
        return "the training names"

    def _compared(self):
        """The short name of the names compared with, for the table's rows:
        "compared names" with a prefix (said in full under the table)."""
        if self.lengths_of is not None:
            return "compared names"
        return self._whose().removeprefix("the ")

    def to_string(self):
        """The report as an aligned table, each number said in words.

        Returns
        -------
        text : str

        Examples
        --------
        >>> from sknextchar.metrics import sample_report
        >>> print(sample_report(["ab", "cd"], ["ab", "xyz"]))
        names                2
        distinct         1.000  (share of different names; 1 = no repeats)
        training names   0.500  (share that are training names)
        new              0.500  (share that are not)
        length distance  0.500  (0 = same lengths, 1 = none shared)
        mean length      2.000  (training names 2.500)
        median length    2.000  (training names 2.500)
        """
        compared = self._compared()
        rows = [
            ("names", f"{self.n:>5,}"),
            ("distinct", f"{self.distinct:.3f}  (share of different names; "
             "1 = no repeats)"),
            ("training names", f"{self.in_train:.3f}  (share that are training "
             "names)"),
        ]  # fmt: skip
        if self.in_test is not None:
            rows.append(
                ("test names", f"{self.in_test:.3f}  (share that are test names)")
            )
        neither = "not" if self.in_test is None else "neither"
        rows += [
            ("new", f"{self.novel:.3f}  (share that are {neither})"),
            ("length distance", f"{self.length_tv:.3f}  ({_SCALE})"),
            ("mean length", f"{self.mean_length:.3f}  ({compared} "
             f"{self.train_mean_length:.3f})"),
            ("median length", f"{self.median_length:.3f}  ({compared} "
             f"{self.train_median_length:.3f})"),
        ]  # fmt: skip
        table = "\n".join(f"{label:<17}{value}" for label, value in rows)
        if self.lengths_of is None:
            return table
        legend = f"(compared names: {self.lengths_of})"
        return table + "\n" + report_note(legend)

    def __str__(self):
        return self.to_string()


def sample_report(samples, train, test=None, *, label=None, prefix=""):
    """How new, varied and well-sized generated names are.

    Every name is taken without the whitespace around it, as the package
    reads names everywhere (a model, the file readers): ``" Anna "`` is the
    training name ``"Anna"``, and its lengths count its letters only. So are
    the invisible characters that every model removes from names given in
    lists (a soft hyphen, a right-to-left mark, that text copied from web pages
    holds: ``"\u200fmeena"`` is ``"meena"``, of 5 letters). The samples
    are compared with names given in lists (``train`` or ``test``) in any
    case and Unicode form (NFC), each letter in any case as a sampler's
    record of its names case-folded takes it: ``"anna"``, drawn by a model
    that lowercases, is a training name of a list that has ``"Anna"`` or
    ``"ANNA"``, as it is one of the model's, ``"ipek"`` of ``"İpek"``,
    ``"AYDIN"`` of ``"Aydın"``, but ``"STRASSE"`` is no ``"Straße"`` (a name
    of another length). Other differences (accents that
    the model strips, characters that it drops) only the model knows: pass
    the sampler as ``train``.

    A sampler as ``train`` tells training names as ``sample(novel=True)``
    does: on a model that keeps case (``lowercase=False``), a case variant of
    a training name ("HALEIGH" beside "Haleigh") is a training name, through
    the record of the names case-folded (``training_name_folded_hashes_``),
    so ``novel`` is the share of samples that ``novel=True`` would keep. A
    model that keeps case saved before that record compares exactly, as its
    ``novel=True`` does, and a warning says so. Test names are a list,
    compared in any case and Unicode form.

    Parameters
    ----------
    samples : sequence of str
        The generated names, at least one.
    train : sequence of str or NameSampler
        The training names, at least one; or a fitted
        :class:`~sknextchar.NameSampler`, whose record of its training names
        (:meth:`~sknextchar.NameSampler.in_training_set` and
        ``training_length_counts_``) stands for them, compared after its
        transformer's normalisation, as are the samples' repeats (``"Anna"``
        and ``"anna"`` are one name for a model that lowercases, "jean-luc"
        and "jeanluc" for one that drops the hyphen) and lengths, counted in
        its symbols as the training names' are (user-perceived characters
        with ``unit="grapheme"``: ``"राहुल"`` has 3); otherwise in code
        points, and found in any case and Unicode form. Not a DataFrame:
        its column of names, ``train=X['name']``.
    test : sequence of str or None, default=None
        Held-out names, for ``in_test``, found in any case and Unicode form
        (with a sampler as ``train`` too).
    label : object or None, default=None
        With a sampler fitted with labels, the label the samples were drawn
        for (``sampler.sample(..., label=label)``): the lengths are compared
        with the training names of that label only (its row of
        ``training_length_counts_by_label_``), as ``match_lengths=True``
        matches them. ``in_train`` and ``novel`` still look among the
        training names of every label, as ``novel=True`` does. None compares
        with every training name.
    prefix : str, default=""
        The prefix the samples were drawn with (``sampler.sample(...,
        prefix=prefix)``): the lengths are compared with those of the training
        names that start with it, as ``match_lengths=True`` matches them, when
        at least 20 do (as the model spells them with a sampler, as given
        with a list), blended with every training name's lengths (as 40 more
        names: a few names give a rough estimate); else with every training
        name's (of ``label``'s, with a label). ``report.lengths_of`` says
        which. ``""`` compares with every training name. A sample that does
        not start with it is refused: as the model writes it with a sampler,
        in any case and with or without accents with a list.

    Returns
    -------
    report : SampleReport
        ``print(report)`` shows a table, ``report.to_dict()`` gives the numbers,
        ``report.summary()`` one line.

    Raises
    ------
    TypeError
        If ``samples``, ``train`` or ``test`` is a single string, a dict, or
        holds an element that is no str (the message places the first, as
        ``train.iloc[81] (position 81, index label 100)`` of a Series indexed
        otherwise; a missing one, NaN or None, raises an error that is both
        a TypeError and a ValueError).
    ValueError
        If ``samples``, ``train`` or ``test`` is a DataFrame or a 2-D array (a
        loop over a DataFrame reads its column labels): pass its column of
        names, ``train=X['name']``. If ``samples`` or ``train`` is empty, or if
        a name of ``samples``, ``train`` or ``test`` is blank; if ``label`` is
        given with a list of names, with a sampler whose model has no labels or
        not this one, with a sampler that has no length counts by label (fitted
        without its labels), or with one that was given no training names of
        that label (a FrozenEstimator's sampler fitted on part of the names); if
        a sample does not start with ``prefix``; if ``train`` is a sampler
        without a record of its training names (that of ``train_from_file(...,
        return_sampler=True)``, which keeps only their lengths, one fitted on no
        names or saved before 0.2.0): pass the training names as ``train``
        instead.

    Examples
    --------
    >>> from sknextchar.metrics import sample_report
    >>> report = sample_report(["asha", "amit", "anu", "asha"],
    ...                        train=["asha", "ravi"], test=["anu"])
    >>> report.in_train, report.in_test, report.novel, report.distinct
    (0.5, 0.25, 0.25, 0.75)
    >>> report.length_tv
    0.25

    With labels, against the lengths of one label's training names:

    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...     NameSampler, PerLabelClassifier)
    >>> pipe = make_pipeline(ContextWindowTransformer(),
    ...                      PerLabelClassifier(KneserNeyClassifier()))
    >>> sampler = NameSampler(pipe).fit(["asha", "uma", "ravindra", "gopal"],
    ...                                 ["f", "f", "m", "m"])
    >>> sample_report(["anu", "amla"], sampler).length_tv
    0.5
    >>> sample_report(["anu", "amla"], sampler, label="f").length_tv
    0.0

    A model that keeps case: "ASHA" is a training name beside "Asha".

    >>> cased = NameSampler(make_pipeline(ContextWindowTransformer(
    ...     alphabet="auto", lowercase=False), KneserNeyClassifier()))
    >>> cased = cased.fit(["Asha", "Mira", "SAM", "HIRA"])
    >>> sample_report(["ASHA", "Mira", "Rasha"], cased).in_train
    0.6666666666666666
    """
    listed = not hasattr(train, "in_training_set")  # names compared as written
    samples = _names(samples, "samples", visible=listed)
    if listed:  # read once: a generator would be empty the second time
        train = _names(train, "train", visible=True)
    if test is not None:
        test = _names(test, "test", allow_empty=True, visible=True)
    spelled, found = _as_written(samples, train)  # distinct, lengths as it reads
    _check_drawn_with(samples, spelled, train, prefix)
    label = label.item() if isinstance(label, np.generic) else label
    in_train, train_counts, lengths = _train_side(samples, train, label, spelled, found)
    train_counts, lengths_of = _prefix_side(train, train_counts, prefix, label)
    in_test = None if test is None else _among(samples, test)
    return SampleReport(
        n=len(samples),
        distinct=len(set(spelled)) / len(samples),
        in_train=float(in_train.mean()),
        in_test=None if in_test is None else float(in_test.mean()),
        novel=float(np.mean(~in_train & (True if in_test is None else ~in_test))),
        length_tv=_counts_tv(np.bincount(lengths), train_counts),
        mean_length=float(lengths.mean()),
        median_length=float(np.median(lengths)),
        train_mean_length=_counts_mean(train_counts),
        train_median_length=_counts_median(train_counts),
        label=label,
        lengths_of=None if lengths_of is None else str(lengths_of),
    )


def _among(samples, names):
    """Which samples are among ``names``, compared in any case, as a sampler's
    record of its names case-folded compares them
    (:func:`~sknextchar._training_record.folded_name`), and Unicode form, and
    without the invisible characters every model removes: ``"anna"``, drawn
    by a model that lowercases, is ``"Anna"`` of a list, as it is a training
    name of the model's."""
    known = {_case_key(name) for name in names}
    return np.array([_case_key(name) in known for name in samples], dtype=bool)


def _case_key(name):
    """A name of a list as :func:`_among` compares it."""
    return folded_name(unicodedata.normalize("NFC", without_invisible(name)))


def _prefix_start(train, prefix):
    """How the samples drawn with ``prefix`` start, and a function that reads a
    sample so: the model's letters of it with a sampler (None for a prefix it
    cannot read), case folded and without accents with a list (the samples may
    come from a model that lowercases or strips accents)."""
    if hasattr(train, "in_training_set"):
        transformer = pipeline_steps(train.estimator_)[0]
        try:
            ids = transformer.encode_prefix_list([prefix], what="prefix")[0]
        except ValueError:  # unknown to the model: the lengths say so
            return None, None
        return "".join(transformer.vocabulary_[i] for i in ids), str

    def loose(name):
        return strip_accents_unicode(_fold(name))

    return loose(prefix.lstrip()), loose


def _check_drawn_with(samples, spelled, train, prefix):
    """Refuse samples that do not start with the ``prefix`` they were drawn
    with: their lengths would be compared with those of other names."""
    if not check_prefix(prefix):  # no str, or of two lines: said as sample says
        return
    start, read = _prefix_start(train, prefix)
    if not start:
        return
    start = fold_final_forms(start)  # "מיכ" drawn alone is written "מיך"
    off = next(
        (
            i
            for i, name in enumerate(spelled)
            if not fold_final_forms(read(name)).startswith(start)
        ),
        None,
    )
    if off is not None:
        raise ValueError(
            f"samples[{off}] is {samples[off]!r}, which does not start with "
            f"prefix={prefix!r}: pass the names drawn with it "
            f"(sampler.sample(n, prefix={prefix!r})), or leave prefix='' to "
            "compare the lengths with every training name's."
        )


def _prefix_side(train, counts, prefix, label):
    """The length counts to compare with for ``prefix`` (those of the training
    names that start with it when enough do, blended with all names' lengths,
    as ``match_lengths`` matches), and whose they are (a
    :class:`~sknextchar._prefix_lengths.LengthsOf`; None without a prefix)."""
    check_prefix(prefix)  # the sampler's words
    if not prefix:
        return counts, None
    named = repr(prefix)
    if hasattr(train, "in_training_set"):  # as the model spells the prefix
        try:
            ids = pipeline_steps(train.estimator_)[0].encode([prefix])[0]
        except ValueError:  # a character the model does not know: no name has it
            return counts, LengthsOf(why=f"none starts with {named}")
        return target_lengths(train, ids, counts, label, named=named)
    names = _names(train, "train", visible=True)
    starting = [len(name) for name in names if name.startswith(prefix)]
    own = np.bincount(starting) if len(starting) >= MIN_PREFIX_NAMES else None
    return prefix_or_all(own, counts, named=named, blend=BLEND_NAMES, start=len(prefix))


# A sampler without the hashes of its training names: train_from_file keeps
# their lengths only (training_length_counts_), fit([]) and old files neither.
_NO_RECORD = (
    "This NameSampler has no record of its training names (it was trained by "
    "train_from_file, which keeps only their lengths, or fitted on no names, "
    "or saved by sknextchar before 0.2.0), so the report cannot tell which "
    "samples are training names: pass the training names as train, "
    "sample_report(samples, names)."
)


def _as_written(samples, train):
    """The samples as a sampler's model writes them
    (:func:`~sknextchar._left_out.written_forms`: NFC, lowercased when it
    lowercases, without the characters that ``handle_unknown="drop"``
    drops), so that ``"Anna"`` and ``"anna"``, or
    "jean-luc" and "jeanluc", are one name of the same length, as they are one
    training name; as given for a list. Also which samples are training
    names, as ``in_training_set`` finds them (in any case when the sampler
    folds case, as ``novel=True``), from the same reading
    (:func:`~sknextchar._left_out.read_names`); None for a list. A sampler
    without a record of its names is refused here, with advice for the report
    (``in_training_set``'s refusal advises ``sample``'s ``exclude=``)."""
    if not hasattr(train, "in_training_set"):
        return samples, None
    check_is_fitted(train)  # an unfitted sampler: NotFittedError
    transformer, *_, model = pipeline_steps(train.estimator_)
    record = getattr(train, "training_name_hashes_", None)
    if record is None:
        raise ValueError(_NO_RECORD)
    check_steps_agree(transformer, model, train.vocabulary_)  # as in_training_set
    folded = getattr(train, "training_name_folded_hashes_", None)
    return read_names(transformer, samples, record, folded, folds_case(train))


def _train_side(samples, train, label=None, written=None, found=None):
    """Which samples are training names, the training names' length counts
    (of ``label``'s names only, when given), and the samples' lengths counted
    alike, in ``written``, the samples as the model writes them (``samples``
    when None). ``in_training_set`` reads the samples as given, as ``fit``
    reads names: a name the model writes as nothing is none of its names.
    ``found``, when given, says which samples are training names (read with
    ``written``).

    A sampler counts the symbols of its transformer (user-perceived characters
    with ``unit="grapheme"``), so the samples are measured in the unit its
    vocabulary shows.
    """
    if hasattr(train, "in_training_set"):
        check_is_fitted(train)  # an unfitted sampler: NotFittedError
    counts = getattr(train, "training_length_counts_", None)
    if hasattr(train, "in_training_set") and counts is not None:
        # Symbols of several code points come from unit="grapheme"; with single
        # code points, a symbol is a code point whatever the unit.
        grapheme = any(len(symbol) > 1 for symbol in train.vocabulary_)
        unit = "grapheme" if grapheme else "char"
        written = samples if written is None else written
        lengths = [len(split_symbols(name, unit)) for name in written]
        return (
            _in_training_set(train, samples, found),
            training_length_counts(train, label),
            np.array(lengths),
        )
    if hasattr(train, "in_training_set"):  # its hashes without the lengths
        raise ValueError(_NO_RECORD)
    if label is not None:
        raise ValueError(
            f"label={label!r} needs a NameSampler fitted with labels as train, "
            "whose length counts by label it reads; with a list of names, pass "
            "the training names of that label as train and leave label=None."
        )
    train = _names(train, "train", visible=True)
    in_train = _among(samples, train)
    lengths = np.array([len(name) for name in samples])
    return in_train, np.bincount([len(name) for name in train]), lengths


def _in_training_set(sampler, samples, found=None):
    """Which samples are training names, as ``novel=True`` tells them: in any
    case with the record of the names case-folded; exactly without it, with a
    warning for a model that keeps case. ``found``: already known."""
    if found is None:
        ignore_case = folds_case(sampler)
        found = sampler.in_training_set(samples, ignore_case=ignore_case)
    found = np.asarray(found)
    if not found.all() and lacks_folded(sampler):
        warnings.warn(
            "This NameSampler keeps case but has no record of its training "
            f"names with case ignored ({WITHOUT_FOLDED}): the shares of training "
            "names and new names compare names exactly, as novel=True on it does, so a "
            "case variant of a training name (HALEIGH beside Haleigh) counts "
            f"as new. {REFIT_FOLDED} to count case variants as training names.",
            UserWarning,
            stacklevel=4,
        )
    return found


def _fold(name):
    """A name in NFC, case folded, without invisible characters: a loose
    reading of the start of a sample (:func:`_prefix_start`); :func:`_among`
    tells names apart with the model's fold of case."""
    return unicodedata.normalize("NFC", without_invisible(name)).casefold()


def _label_length_counts(sampler, label):
    """The row of ``training_length_counts_by_label_`` of one label."""
    steps = pipeline_steps(unfreeze(sampler.estimator_))
    classes = getattr(steps[-1] if steps else None, "label_classes_", None)
    if classes is None:
        raise ValueError(
            f"label={label!r} was given, but this NameSampler's model was "
            "fitted without labels: leave label=None."
        )
    known = [value.item() if isinstance(value, np.generic) else value
             for value in classes]  # fmt: skip
    if label not in known:
        raise unknown_label_error(label, known)
    return label_length_row(sampler, known, known.index(label), label, "sample_report")


def training_length_counts(sampler, label=None, prefix=""):
    """The length counts of a fitted sampler's training names.

    Parameters
    ----------
    sampler : NameSampler
        Fitted, with its record of the training names.
    label : object or None, default=None
        Count the names of this label only.
    prefix : str, default=""
        Count the names that start with it, when enough do, blended with all
        names' lengths (as :func:`sample_report` compares with them: float64
        counts); ``""`` for all.

    Returns
    -------
    counts : ndarray of shape (max_length + 1,)
        ``counts[k]``: the training names (their weights) of ``k`` symbols.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sknextchar import (ContextWindowTransformer, KneserNeyClassifier,
    ...                         NameSampler)
    >>> sampler = NameSampler(make_pipeline(ContextWindowTransformer(),
    ...                                     KneserNeyClassifier()))
    >>> training_length_counts(sampler.fit(["anu", "amla", "ravi"])).tolist()
    [0, 0, 0, 1, 2]
    """
    if label is not None:
        counts = np.asarray(_label_length_counts(sampler, label))
    else:
        counts = np.asarray(sampler.training_length_counts_)
    return np.asarray(_prefix_side(sampler, counts, prefix, label)[0])


def chance_length_tv(counts, n, *, quantile=0.99, n_draws=2000, random_state=0):
    """The length distance (``length_tv``) that ``n`` names drawn from the
    lengths ``counts`` reach by chance: the ``quantile`` of its distribution.

    A sample of a few names has a length distribution far from any other by
    chance alone (10 names drawn from the training names themselves are often
    0.3 away); a length TV above this value is unlikely to be chance. Measured
    by drawing ``n_draws`` multinomial samples of ``n`` names (seeded: the same
    value every time).

    Parameters
    ----------
    counts : array-like of shape (n_lengths,)
        Names (or their weights) of each length.
    n : int
        The number of names in the sample.
    quantile : float, default=0.99
    n_draws : int, default=2000
    random_state : int, default=0

    Returns
    -------
    tv : float

    Examples
    --------
    >>> counts = [0, 0, 10, 30, 40, 20]
    >>> few, many = chance_length_tv(counts, 10), chance_length_tv(counts, 10_000)
    >>> bool(few > 0.3), bool(many < 0.03)
    (True, True)
    """
    p = np.asarray(counts, dtype=np.float64)
    p = p / p.sum()
    rng = np.random.default_rng(random_state)
    shares = rng.multinomial(n, p, size=n_draws) / n
    return float(np.quantile(0.5 * np.abs(shares - p).sum(axis=1), quantile))


# Above this total variation distance, drawn lengths are far from the training
# names' (the main job's draws with match_lengths=True: about 0.01).
_FAR_LENGTH_TV = 0.1


def lengths_far(report, train_counts):
    """Whether a report's length distance says the lengths are unlike the
    training names': above 0.1 and above what as many names drawn from the training
    lengths ``train_counts`` reach by chance (:func:`chance_length_tv`).

    Examples
    --------
    >>> from sknextchar.metrics import sample_report
    >>> train = ["ab", "abc", "abcd", "abcde"] * 50
    >>> lengths_far(sample_report(["xy"] * 200, train), [0, 0, 50, 50, 50, 50])
    True
    >>> lengths_far(sample_report(["xy", "xyz"], train), [0, 0, 50, 50, 50, 50])
    False
    """
    return report.length_tv > _FAR_LENGTH_TV and report.length_tv > (
        chance_length_tv(train_counts, report.n)
    )


def _counts_tv(counts, other_counts):
    """:func:`length_tv` of two length counts (of weighted names, too)."""
    size = max(len(counts), len(other_counts))
    p, q = (
        np.pad(np.asarray(c, dtype=np.float64), (0, size - len(c)))
        for c in (counts, other_counts)
    )
    return float(0.5 * np.abs(p / p.sum() - q / q.sum()).sum())


def _counts_mean(counts):
    """The mean length of names counted by length, without repeating them."""
    counts = np.asarray(counts, dtype=np.float64)
    return float(np.arange(len(counts)) @ counts / counts.sum())


def _counts_median(counts):
    """The median length of names counted by length (``np.median`` of the
    lengths repeated, for whole counts), without repeating them: a list
    with counts may stand for millions of names.

    Examples
    --------
    >>> _counts_median([0, 2, 0, 1]), _counts_median([0, 1, 1])
    (1.0, 1.5)
    >>> _counts_median([0, 0.5, 1.0])  # fractional: the weighted median
    2.0
    """
    counts = np.asarray(counts, dtype=np.float64)
    cumulative = np.cumsum(counts)
    if not np.all(counts == np.rint(counts)):
        return float(np.searchsorted(cumulative, cumulative[-1] / 2))
    middle = (cumulative[-1] - 1) / 2  # the rank of the median, from 0
    low, high = (
        int(np.searchsorted(cumulative, rank, side="right"))
        for rank in (np.floor(middle), np.ceil(middle))
    )
    return (min(low, len(cumulative) - 1) + min(high, len(cumulative) - 1)) / 2


def length_tv(lengths, other_lengths):
    """Total-variation distance between two samples' length distributions.

    Parameters
    ----------
    lengths, other_lengths : array-like of int
        The lengths of the names of each sample.

    Returns
    -------
    distance : float
        ``0.5 * sum_k |p_k - q_k|`` over lengths ``k``, in ``[0, 1]``.

    Examples
    --------
    >>> length_tv([4, 4, 5, 6], [4, 5, 5, 5])
    0.5
    """
    size = max(np.max(lengths), np.max(other_lengths)) + 1
    p = np.bincount(lengths, minlength=size) / len(lengths)
    q = np.bincount(other_lengths, minlength=size) / len(other_lengths)
    return float(0.5 * np.abs(p - q).sum())


def _names(names, what, *, allow_empty=False, visible=False):
    """A list of str from a collection of names, each without the whitespace
    around it (as every name the package reads), and with ``visible`` without
    the invisible characters every model removes (a soft hyphen, a direction
    mark: :func:`~sknextchar._text.without_invisible`); fails on a str, a
    table (whose column labels a loop reads), a dict, when empty, on an
    element that is no str (missing, placed as names are) and on a blank name
    (a fit refuses it too: no name of 0 letters)."""
    if isinstance(names, (str, bytes)):
        raise TypeError(
            f"{what} must be a collection of names, not a single string; got "
            f"{names!r}. Wrap it in a list."
        )
    if names is None or not hasattr(names, "__iter__"):
        raise TypeError(
            f"{what} must be a collection of names (a list of str); got "
            f"{type(names).__name__}."
        )
    check_one_dimensional(names, param=what)  # a DataFrame's labels are str
    if isinstance(names, Mapping):  # its keys, or its values? (name: count)
        raise TypeError(
            f"{what} must be a collection of names (a list of str); got a "
            f"{type(names).__name__}: pass the names as a list, such as "
            f"list({what}) for its keys (a count of each name is not read)."
        )
    index = series_index(names)
    names = list(names)
    if not names and not allow_empty:
        raise ValueError(f"{what} is empty: give at least one name.")
    if not all(isinstance(name, str) for name in names):
        check_elements(names, what, True, index)  # the first refused, placed
    kept = [(without_invisible(name) if visible else name).strip() for name in names]
    blank = next((i for i, name in enumerate(kept) if not name), None)
    if blank is not None:
        kind = "an empty or whitespace-only string"
        if names[blank].strip():
            kind = "a string of invisible characters only (no model reads them)"
        raise ValueError(
            f"{element_place(what, blank, index)} is {names[blank]!r}, {kind}; "
            f"remove it from {what}."
        )
    return kept
