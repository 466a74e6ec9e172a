"""_member_checks: a composite model read against the models it holds, as the
mixture reads its members' columns (all in its order, or some where its binary
search puts them)."""

import joblib
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from sknextchar import (
    KneserNeyClassifier,
    MixtureClassifier,
    PerLabelClassifier,
    load_model,
)
from sknextchar._member_checks import mixture_problem, per_label_models_problem
from sknextchar.exceptions import DamagedModelError

X, Y = np.array([[0], [1], [2], [1]]), np.array(["a", "b", "c", "b"])
NOT_READ = "its estimators_[1]'s classes_ are not the mixture's classes_ (all of"
REORDERED = (
    "its estimators_[1]'s classes_ are the mixture's classes_ in another order: the "
    "member names its predictions by other symbols than the mixture's"
)
NOT_1D = "its estimators_[1]'s classes_ is not a 1-d array of the mixture's classes_"


@pytest.fixture
def mixture():
    members = [("add", KneserNeyClassifier(add_k=1)), ("kn", KneserNeyClassifier())]
    return MixtureClassifier(members, weights=[0.5, 0.5]).fit(X, Y)


@pytest.mark.parametrize(
    ("classes", "problem"),
    [
        (["a", "b", "c"], None),
        (["a", "c"], None),  # some of them, sorted: read where they are
        (["b"], None),
        (["c", "a"], None),  # some, each found by a binary search
        (["a", "c", "b"], REORDERED),  # all, read by position
        (["c", "b", "a"], REORDERED),
        (["a", "x"], NOT_READ),
        (["a", "b", "x"], NOT_READ),
        ([0, 1, 2], NOT_READ),
        ([["a", "b", "c"]], NOT_1D),  # passed the comparisons, a table of them
        ([["a"], ["b"]], NOT_1D),
    ],
)
def test_a_member_s_classes_must_be_read_as_themselves(mixture, classes, problem):
    mixture.estimators_[1].classes_ = np.array(classes)
    got = mixture_problem(mixture)
    assert got is None if problem is None else got.startswith(problem)


def test_fewer_classes_are_looked_up_only_in_sorted_classes(mixture):
    # The mixture finds a member's fewer classes by a binary search of its own.
    mixture.classes_ = np.array(["c", "b", "a"])
    mixture.estimators_[0].classes_ = np.array(["c", "b", "a"])
    mixture.estimators_[1].classes_ = np.array(["c", "a"])
    assert mixture_problem(mixture).startswith(NOT_READ)


def test_a_member_without_n_features_in_is_not_compared(mixture):
    # Another package's member may not record it: nothing to compare.
    del mixture.estimators_[0].__dict__["n_features_in_"]
    assert mixture_problem(mixture) is None
    mixture.estimators_[1].n_features_in_ = 2
    assert (
        "its estimators_[1] has n_features_in_=2, not the mixture's n_features_in_=1"
        in mixture_problem(mixture)
    )


@pytest.mark.parametrize("value", [np.array([1, 1]), np.array([1]), "1", 1.0, True, 0])
def test_a_member_s_n_features_in_must_be_an_int(mixture, value):
    # An array has no single truth value: it was compared, and the comparison
    # raised a bare ValueError.
    mixture.estimators_[1].n_features_in_ = value
    assert mixture_problem(mixture) == (
        "its estimators_[1]'s n_features_in_ is not an int >= 1"
    )


def test_another_package_s_member_edited_by_hand_is_refused_at_load(tmp_path):
    # Its own state is not checked: what the mixture reads of it is.
    contexts = np.array([[0, 1], [1, 2], [2, 0], [0, 0], [1, 1], [2, 2]] * 5)
    targets = np.array(list("aabbab") * 5)
    members = [("kn", KneserNeyClassifier()), ("lr", LogisticRegression())]
    mixture = MixtureClassifier(members, weights=[0.5, 0.5]).fit(contexts, targets)
    path = tmp_path / "lr.joblib"
    joblib.dump(mixture, path)
    assert load_model(path, allow_pickle=True).n_features_in_ == 2
    for name, value in [
        ("n_features_in_", np.array([2, 2])),
        ("classes_", np.array([["a", "b"]])),
    ]:
        edited = joblib.load(path)
        setattr(edited.estimators_[1], name, value)
        joblib.dump(edited, tmp_path / "edited.joblib")
        with pytest.raises(
            DamagedModelError, match="MixtureClassifier is damaged"
        ) as e:
            load_model(tmp_path / "edited.joblib", allow_pickle=True)
        assert f"its estimators_[1]'s {name} is not" in str(e.value)


def test_every_label_s_model_reads_the_contexts_of_the_classifier():
    model = PerLabelClassifier(KneserNeyClassifier()).fit(
        np.array([[0, 1], [1, 0], [1, 1]]), ["a", "b", "a"]
    )
    assert per_label_models_problem(model) is None
    model.n_features_in_ = 1
    assert per_label_models_problem(model).startswith(
        "its estimators_[0] has n_features_in_=2, not the PerLabelClassifier's "
        "n_features_in_=1"
    )
