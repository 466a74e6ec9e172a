"""Names drawn from users' own lists, and the report on them.

A list of capitalised names with some rows in capitals (``JEAN`` beside
``Jean``, as spreadsheets often have) has every step of ``JEan`` and of
``JPaul``; the record of the runs of a word keeps them out. A report that
compares a lowercasing model's names with such a list finds them in it.
"""

import re
import warnings

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._spelling import spelling_record, spelling_test, spelling_union
from sknextchar.exceptions import DamagedModelError
from sknextchar.metrics import sample_report

FIRST = "Jean Marie Anne Luc Paul Rose Mary Ann Sean Liam Aoife Chloe Noel".split()
FIRST += ["Ines", "Louis", "Claire", "Pierre"]
NAMES = FIRST + [name.upper() for name in FIRST[:8]] + ["O'Brien", "Jean-Luc"]

#: A word whose case is neither lower, Capitalised nor CAPITALS.
MIXED = re.compile(r"[A-Z]{2}[a-z]|[a-z][A-Z]")


def _sampler(names=NAMES):
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", lowercase=False),
        KneserNeyClassifier(),
    )
    return NameSampler(pipe).fit(names)


def _ids(transformer, names):
    encoded = transformer.encode(names)
    ids = np.zeros((len(names), max(map(len, encoded))), dtype=np.intp)
    for row, name in zip(ids, encoded):
        row[: len(name)] = name
    return ids


def test_capitals_then_lowercase_letters_are_not_drawn():
    drawn = _sampler().sample(1500, random_state=0)
    words = [word for name in drawn for word in re.split("[-' ]", name)]
    assert [word for word in words if MIXED.search(word)] == []
    assert any(name.isupper() for name in drawn)  # capitals stay possible
    assert any(name.istitle() for name in drawn)


def test_the_runs_of_a_word_are_tested():
    t = ContextWindowTransformer(alphabet="auto", lowercase=False).fit(NAMES)
    test = spelling_test(spelling_record(t.vocabulary_, t.encode(NAMES)), t.vocabulary_)
    names = [
        "JEan",
        "JPaul",
        "PAULa",
        "Jean",
        "JEAN",
        "O'Brien",
        "Jean-LUC",
        "Jean-Paul",
    ]
    assert test(_ids(t, names)).tolist() == [0, 0, 0, 1, 1, 1, 1, 1]
    # a run that starts in the prefix is the user's; the runs after it are not
    test = spelling_test(
        spelling_record(t.vocabulary_, t.encode(NAMES)), t.vocabulary_, n_prefix=2
    )
    assert test(_ids(t, ["rOSE", "JEan", "MArie"])).tolist() == [1, 0, 0]


def test_a_digit_inside_a_word_in_capitals_opens_no_lowercase_run():
    # A digit, a combining mark or a letter of a caseless script has no case:
    # it was taken for a lowercase letter, so LOUIS2 recorded capitals then
    # lowercase, and JEan passed.
    names = ["JEAN", "Jean", "LOUIS2", "Louis"]
    t = ContextWindowTransformer(alphabet="auto", lowercase=False).fit(names)
    record = spelling_record(t.vocabulary_, t.encode(names))
    assert ["case", "capitals lower"] not in record.tolist()
    test = spelling_test(record, t.vocabulary_)
    candidates = ["JEan", "JeAN", "LOUan", "JEAN2", "LOUIS", "Jean"]
    assert test(_ids(t, candidates)).tolist() == [0, 0, 0, 1, 1, 1]


def test_mcdonald_allows_its_own_runs_only():
    names = ["McDonald", "Anne", "Paul", "DAN"]
    t = ContextWindowTransformer(alphabet="auto", lowercase=False).fit(names)
    test = spelling_test(spelling_record(t.vocabulary_, t.encode(names)), t.vocabulary_)
    assert test(_ids(t, ["McAnne", "MDanne", "PAul", "NAD"])).tolist() == [1, 0, 0, 1]


def test_a_record_saved_before_the_runs_tests_none_and_merges_none():
    sampler = _sampler()
    record = sampler.training_transitions_
    old = record[record[:, 0] != "case"]
    assert old.shape[0] < record.shape[0]
    assert not (spelling_union(old, record)[:, 0] == "case").any()
    sampler.training_transitions_ = old  # as a file saved before: drawn as then
    assert len(sampler.sample(20, random_state=0)) == 20


def test_a_damaged_row_of_runs_is_named():
    sampler = _sampler()
    damaged = sampler.training_transitions_.copy()
    damaged[damaged[:, 0] == "case", 1] = "upper lower"
    sampler.training_transitions_ = damaged
    with pytest.raises(DamagedModelError, match=r"\('case', 'upper lower'\)"):
        sampler.sample(3, random_state=0)


def test_sample_report_counts_training_names_in_another_form():
    # It warned of them ("2 of the 3 samples (such as 'hana') ...") and counted
    # them as new.
    names = ["Hana", "Zoe\u0301", "Ravi"]  # a capitalised list, one name in NFD
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = sample_report(["hana", "Zoé", "amit"], names)
        tested = sample_report(["hana", "amit"], ["amit"], test=names)
    assert report.in_train == 2 / 3
    assert (tested.in_test, tested.novel) == (0.5, 0.0)


def test_sample_report_is_quiet_when_names_are_alike_or_new():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = sample_report(["hana", "Anu", "amit"], ["hana", "ravi"], ["amit"])
    assert (report.in_train, report.novel) == (1 / 3, 1 / 3)


def test_a_prefix_in_capitals_is_completed_on_a_list_of_capitalised_names():
    """A run no training word leaves (two capitals, here) is the prefix's own."""
    names = ["Jean", "Paul", "Marie", "Anne", "Louis", "Claire", "Julie"] * 5
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", lowercase=False, context_length=3),
        KneserNeyClassifier(),
    )
    sampler = NameSampler(pipe).fit(names)
    assert all(
        n.startswith("MC") for n in sampler.sample(5, prefix="MC", random_state=0)
    )
    with_caps = NameSampler(pipe).fit(names + ["JEAN"])
    # The runs of JEAN are recorded: a prefix JE goes on in capitals only.
    assert all(n.isupper() for n in with_caps.sample(5, prefix="JE", random_state=0))
