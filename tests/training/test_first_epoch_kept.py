"""Early stopping that keeps the weights of the first epoch, every later one
scoring the held-out names worse (a yearly table: few distinct names, many rows
each), is warned of, with what to do, in the words of each interface."""

import warnings
from types import SimpleNamespace

import pytest

from sknextchar import ContextWindowTransformer, make_default_pipeline
from sknextchar._epoch_records import first_epoch_message

GIRLS = [
    "Emma",
    "Olivia",
    "Ava",
    "Sophia",
    "Isabella",
    "Mia",
    "Chloé",
    "Zoë",
    "Renée",
    "Amélie",
    "Léa",
    "Inès",
    "Anna",
    "Maria",
    "Sofía",
    "Lucía",
    "Ella",
    "Grace",
    "Lily",
    "Hannah",
    "Charlotte",
    "Amelia",
    "Harper",
    "Evelyn",
    "Abigail",
    "Emily",
    "Madison",
    "Aria",
    "Scarlett",
    "Victoria",
]
BOYS = [
    "Liam",
    "Noah",
    "Oliver",
    "Elijah",
    "James",
    "William",
    "Benjamin",
    "Lucas",
    "Henry",
    "Théo",
    "José",
    "Ángel",
    "Raphaël",
    "Noël",
    "Jean-Luc",
    "Mateo",
    "Jack",
    "Owen",
    "Leo",
    "Ethan",
    "Daniel",
    "Samuel",
    "David",
    "Joseph",
    "Carter",
    "Wyatt",
    "John",
    "Luke",
    "Dylan",
    "Isaac",
]
YEARS = (GIRLS + BOYS) * 6  # one row per name and year: 60 distinct names
# The command line's MLP (cosine schedule, 10 epochs of patience), smaller.
SETTINGS = dict(
    windows__alphabet="auto", clf__early_stopping=True, clf__max_iter=20,
    clf__hidden_layer_sizes=(100,), clf__learning_rate="cosine",
    clf__learning_rate_init=0.005, clf__alpha=0.01, clf__batch_size=128,
    clf__embedding_dim=10, clf__random_state=0,
)  # fmt: skip
MARK = "Early stopping kept the weights of epoch 1 of 11"


def _fit(pipe, names):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipe.fit(names)
    return [str(w.message) for w in caught if "Early stopping kept" in str(w.message)]


@pytest.mark.slow
def test_a_pipeline_is_told_in_its_parameters():
    pipe = make_default_pipeline().set_params(**SETTINGS)
    told = _fit(pipe, YEARS)
    assert pipe["clf"].n_iter_ == 11
    scores = pipe["clf"].validation_scores_
    assert pipe["clf"].best_validation_score_ == scores[0] > max(scores[1:])
    assert len(told) == 1 and told[0].startswith(MARK), told
    assert "worse after each of the 10 epochs" in told[0]
    assert told[0].endswith("without a hold-out: clf__early_stopping=False.")


def test_a_classifier_alone_is_told_in_its_own_parameters():
    pipe = make_default_pipeline().set_params(**SETTINGS)
    windows = ContextWindowTransformer(alphabet="auto").fit_transform(YEARS)
    told = _fit_classifier(pipe["clf"], windows)
    assert len(told) == 1 and told[0].endswith(": early_stopping=False."), told


def _fit_classifier(clf, windows):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clf.fit(windows)
    return [str(w.message) for w in caught if "Early stopping kept" in str(w.message)]


def test_a_later_best_epoch_is_not_warned_of():
    # Each name once: a later epoch scores the held-out names better.
    pipe = make_default_pipeline().set_params(**SETTINGS)
    pipe.set_params(clf__hidden_layer_sizes=(50,), clf__random_state=1)
    told = _fit(pipe, YEARS)
    scores = pipe["clf"].validation_scores_
    assert max(scores[1:]) > scores[0] and told == []


def test_a_warm_started_fit_counts_the_epochs_of_its_record():
    # One epoch more, worse, after a fit that kept epoch 1: its record holds
    # two epochs (n_iter_ counts this fit's one), and epoch 1's weights stay.
    clf = SimpleNamespace(
        early_stopping=True, n_iter_=1, validation_scores_=[-2.75, -2.9]
    )
    told = first_epoch_message(clf)
    assert told is not None and told.startswith(
        "Early stopping kept the weights of epoch 1 of 2:"
    ), told


@pytest.mark.slow
def test_a_warm_started_pipeline_is_told_the_epoch_of_the_whole_run():
    pipe = make_default_pipeline().set_params(**SETTINGS)
    _fit(pipe, YEARS)  # keeps epoch 1 of 11: its record is cut to that epoch
    pipe.set_params(clf__warm_start=True, clf__max_iter=3)
    told = _fit(pipe, YEARS)
    assert pipe["clf"].n_iter_ == 3 and len(pipe["clf"].validation_scores_) == 4
    assert len(told) == 1 and told[0].startswith(
        "Early stopping kept the weights of epoch 1 of 4: "
    ), told
    assert "worse after each of the 3 epochs" in told[0]
