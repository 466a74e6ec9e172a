"""NameLabelClassifier(cv=...) as (train, test) splits of the rows passed to fit.

As scikit-learn's searches and CalibratedClassifierCV take ``cv``: an iterable
of (train, test) index arrays, read once, whose indices refer to the rows given
to ``fit`` even when names of weight 0 are left out of the calibration.
"""

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar._compat import InvalidParameterError
from tests.labels.test_label_calibration import echo_corpus
from tests.labels.test_labels import small_pipe

NEW = ["nina", "nino", "bea", "kilo", "dema"]
# KFold ignores the names' groups that the calibration passes to a splitter.
pytestmark = pytest.mark.filterwarnings("ignore:The groups parameter is ignored")


@pytest.fixture(scope="module")
def corpus():
    names, labels = echo_corpus(30, seed=0)  # some names twice
    return names, np.array(labels)


def counts_pipe():
    return make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    )


def calibrated(cv, pipe=None, **params):
    pipe = counts_pipe() if pipe is None else pipe
    return NameLabelClassifier(pipe, calibration="temperature", cv=cv, **params)


def assert_same_model(got, want):
    assert len(got.pipelines_) == len(want.pipelines_)
    assert got.temperature_ == want.temperature_
    np.testing.assert_array_equal(got.class_prior_, want.class_prior_)
    np.testing.assert_array_equal(got.class_count_, want.class_count_)
    np.testing.assert_array_equal(got.log_likelihood(NEW), want.log_likelihood(NEW))
    np.testing.assert_array_equal(got.predict_proba(NEW), want.predict_proba(NEW))


@pytest.mark.parametrize("make_pipe", [counts_pipe, lambda: small_pipe(max_iter=3)])
@pytest.mark.parametrize("ensemble", [True, False])
def test_a_list_of_splits_gives_the_model_of_the_same_splitter(
    corpus, make_pipe, ensemble
):
    names, labels = corpus
    splitter = KFold(3, shuffle=True, random_state=0)
    by_splitter = calibrated(splitter, make_pipe(), ensemble=ensemble)
    by_splitter.fit(names, labels)
    splits = list(splitter.split(names))
    by_list = calibrated(splits, make_pipe(), ensemble=ensemble).fit(names, labels)
    assert_same_model(by_list, by_splitter)
    # Another split of the names gives another model: the splits are used.
    other = list(KFold(3, shuffle=True, random_state=1).split(names))
    moved = calibrated(other, make_pipe(), ensemble=ensemble).fit(names, labels)
    assert moved.temperature_ != by_list.temperature_


def test_a_generator_is_read_once(corpus):
    names, labels = corpus
    splits = list(KFold(3, shuffle=True, random_state=0).split(names))
    by_list = calibrated(splits).fit(names, labels)
    clf = calibrated(pair for pair in splits)
    assert_same_model(clf.fit(names, labels), by_list)
    # Used up by that fit: a second one says so rather than fit without folds.
    with pytest.raises(ValueError, match="cv gave no .*generator is used up"):
        clf.fit(names, labels)

    class Splits:
        """An iterable that counts how often it is read."""

        reads = 0

        def __iter__(self):
            Splits.reads += 1
            return iter(splits)

    assert_same_model(calibrated(Splits()).fit(names, labels), by_list)
    assert Splits.reads == 1


def test_the_indices_refer_to_the_rows_given_with_names_of_weight_0(corpus):
    names, labels = corpus
    n = len(names)
    weights = np.ones(n)
    weights[[0, 4, 9, 10, 17]] = 0.0  # weight-0 rows in train and test parts
    weights[[1, 12]] = 3.0
    splits = list(KFold(3, shuffle=True, random_state=0).split(names))
    got = calibrated(splits).fit(names, labels, sample_weight=weights)
    # The same model, fitted on the kept rows with the splits renumbered.
    kept = np.flatnonzero(weights > 0)
    renumber = np.full(n, -1)
    renumber[kept] = np.arange(len(kept))
    kept_splits = [
        (renumber[train][renumber[train] >= 0], renumber[test][renumber[test] >= 0])
        for train, test in splits
    ]
    want = calibrated(kept_splits).fit(
        [names[i] for i in kept], labels[kept], sample_weight=weights[kept]
    )
    assert_same_model(got, want)


def _bad_splits(n, labels):
    half = np.arange(n // 2)
    rest = np.arange(n // 2, n)
    first_label = np.flatnonzero(labels == labels[0])
    others = np.flatnonzero(labels != labels[0])
    return [
        ([(half, np.array([n]))], r"cv's split 0 has test indices out of range: \["),
        ([(rest, half), (np.array([-1, 0]), rest)], "split 1 has train indices"),
        ([(np.array([], dtype=int), half)], "split 0 has no training names"),
        ([(first_label, others)], r"fold 0 has no name labelled .*splits \(cv\)"),
        ([(half.astype(float), rest)], "split 0 is not a pair"),
        ([(half < 3, rest)], "split 0 is not a pair .*np.flatnonzero"),
        ([half], "split 0 is not a pair"),
        ([], "cv gave no"),
    ]


def test_a_bad_split_is_refused_naming_cv(corpus):
    names, labels = corpus
    for cv, message in _bad_splits(len(names), labels):
        clf = calibrated(cv)
        with pytest.raises(ValueError, match=message):
            clf.fit(names, labels)
        assert not hasattr(clf, "pipelines_")


def test_a_split_whose_training_names_all_weigh_0_is_refused(corpus):
    names, labels = corpus
    weights = np.ones(len(names))
    weights[:3] = 0.0
    cv = [(np.arange(3), np.arange(3, len(names)))]
    with pytest.raises(ValueError, match="no training names of a weight above 0"):
        calibrated(cv).fit(names, labels, sample_weight=weights)


def test_a_string_is_no_cv(corpus):
    names, labels = corpus
    with pytest.raises(InvalidParameterError, match="or an iterable. Got 'abc'"):
        calibrated("abc").fit(names, labels)


def test_a_search_around_the_classifier_with_given_splits(corpus):
    names, labels = corpus
    n_train = len(names) // 2  # the rows each of the search's folds fits on
    inner = [
        (np.arange(0, n_train, 2), np.arange(1, n_train, 2)),
        (np.arange(1, n_train, 2), np.arange(0, n_train, 2)),
    ]
    order = np.r_[np.arange(0, len(names), 2), np.arange(1, len(names), 2)]
    names, labels = [names[i] for i in order], labels[order]  # both labels a fold
    search = GridSearchCV(
        calibrated(inner),
        {"priors": [None, "uniform"]},
        cv=KFold(2),
        error_score="raise",
    ).fit(names, labels)
    want = clone(search.best_estimator_).fit(names, labels)
    assert_same_model(search.best_estimator_, want)
    assert len(search.best_estimator_.pipelines_) == len(inner)


@pytest.mark.parametrize("cv", [[], {}, ()])
def test_no_splits_are_refused_plainly(corpus, cv):
    names, labels = corpus
    with pytest.raises(ValueError, match=r"^cv gave no \(train, test\) splits\. Give"):
        calibrated(cv).fit(names, labels)


@pytest.mark.parametrize("cv", [b"ab", bytearray(b"ab")])
def test_bytes_are_no_cv(corpus, cv):
    names, labels = corpus
    with pytest.raises(InvalidParameterError, match="The 'cv' parameter"):
        calibrated(cv).fit(names, labels)


def test_given_splits_are_unused_when_every_pipeline_is_frozen(corpus):
    names, labels = corpus
    fitted = counts_pipe().fit(names, labels)
    by_folds = calibrated(5, [FrozenEstimator(fitted)]).fit(names, labels)
    out_of_range = [(np.arange(len(names) + 6), [0])]  # never read
    clf = calibrated(out_of_range, [FrozenEstimator(fitted)]).fit(names, labels)
    assert_same_model(clf, by_folds)
