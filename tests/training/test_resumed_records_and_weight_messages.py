"""A hostile review of the day's features, as a user would meet them.

Training from a file leaves a frozen pipeline alone; ``train --resume`` of a
file saved before the record of training names; weighted scores of windows
whose names all weigh 0; a mixture's weights given as a mapping or as text,
and a parameter of a dropped member.
"""

import pickle

import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    load_model,
    make_default_pipeline,
    train_from_file,
)
from sknextchar.cli import main

NAMES = ["asha", "abid", "zoe", "ravi", "uma", "kiran", "anil", "sita"] * 10


@pytest.fixture(scope="module")
def names_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fitted():
    pipe = make_default_pipeline(random_state=0).set_params(
        clf__hidden_layer_sizes=(8,), clf__max_iter=2
    )
    return pipe.fit(NAMES)


@pytest.mark.parametrize("resume", [False, True])
@pytest.mark.parametrize("where", ["pipeline", "classifier"])
def test_training_from_a_file_never_trains_a_frozen_pipeline_in_place(
    fitted, names_file, resume, where
):
    pipe = pickle.loads(pickle.dumps(fitted)).set_params(clf__max_iter=3)
    before = pickle.dumps(pipe)
    frozen = (
        FrozenEstimator(pipe)
        if where == "pipeline"
        else Pipeline(
            [("windows", pipe["windows"]), ("clf", FrozenEstimator(pipe["clf"]))]
        )
    )
    trained = train_from_file(names_file, frozen, chunk_size=30, resume=resume)
    assert pickle.dumps(pipe) == before  # the frozen model is as it was
    assert isinstance(trained, Pipeline)
    assert not any(isinstance(step, FrozenEstimator) for _, step in trained.steps)
    assert len(trained["clf"].loss_curve_) == 3
    assert trained["clf"].n_iter_ == (1 if resume else 3)


# --------------------------------------------------------------------------- #
# train --resume of a file saved before the record of training names
# --------------------------------------------------------------------------- #
def test_resuming_a_file_saved_before_the_record_saves_the_trained_model(
    names_file, tmp_path, capsys
):
    old = "tests/data/sampler_v0.1.0.dev0.skops"  # no record of training names
    out = tmp_path / "more.skops"
    argv = ["train", str(names_file), "--resume", old, "--max-iter", "3"]
    assert main([*argv, "-o", str(out)]) == 0
    assert "keeps no record of its training names" in capsys.readouterr().out
    clf = load_model(out)["clf"]
    assert len(clf.loss_curve_) == 3 and clf.n_iter_ == 1


def test_a_merged_record_keeps_the_spelling_of_both_runs_or_none():
    from sknextchar.cli._resume import merged_record

    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", lowercase=False),
        KneserNeyClassifier(),
    ).fit(["Jean-Luc", "Anne", "asha"])
    old = NameSampler(FrozenEstimator(pipe)).fit(["Jean-Luc", "Anne"])
    merged = merged_record(old, pipe, ["asha"])
    steps = {tuple(row) for row in merged.training_transitions_.tolist()}
    assert {("LATIN lower", "-"), ("", "LATIN lower")} <= steps  # old; new
    del old.training_transitions_  # as a sampler saved before the record
    merged = merged_record(old, pipe, ["asha"])
    assert merged.training_transitions_ is None  # not "asha"'s spelling alone
    assert merged.sample(3, prefix="Jean-", random_state=0)  # capitals allowed


# --------------------------------------------------------------------------- #
# score(..., sample_weight=...) of windows of some names only
# --------------------------------------------------------------------------- #
def test_weights_zero_on_every_name_of_the_windows_say_so():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier()).fit(NAMES)
    windows = pipe[0].transform(["asha", "ravi", "uma"]).subset([True, False, False])
    model = pipe[-1]
    assert model.score(windows, sample_weight=[2, 0, 0]) == model.score(windows)
    with pytest.raises(ValueError, match="sample_weight is 0 for every name these"):
        model.score(windows, sample_weight=[0, 1, 1])


# --------------------------------------------------------------------------- #
# MixtureClassifier: weights by name or as text; a parameter of a dropped member
# --------------------------------------------------------------------------- #
def mixture(**params):
    members = [("kn", KneserNeyClassifier()), ("kn2", KneserNeyClassifier(order=2))]
    return MixtureClassifier(members, **params)


@pytest.mark.parametrize("weights", [{"kn": 1, "kn2": 3}, ["one", "three"]])
def test_weights_not_a_list_of_numbers_say_what_is_expected(weights):
    pipe = make_pipeline(ContextWindowTransformer(), mixture(weights=weights))
    expected = r"2 non-negative numbers \(a list\), one per member .* \(kn, kn2;"
    with pytest.raises(ValueError, match=expected):
        pipe.fit(NAMES)


def test_a_parameter_of_a_dropped_member_says_to_set_the_member_first():
    model = mixture(weights=[1, 1]).set_params(kn2="drop")
    with pytest.raises(ValueError, match="Cannot set kn2__order: the member 'kn2'"):
        model.set_params(kn2__order=3)
    with pytest.raises(ValueError, match="Cannot set kn__order: the member 'kn'"):
        model.set_params(kn="drop", kn__order=3)  # as a grid's point could
    assert model.get_params()["kn"] != "drop"  # a refused call changes nothing
    back = model.set_params(kn2=KneserNeyClassifier(), kn2__order=3)
    assert back.estimators[1][1].order == 3
    pipe = make_pipeline(ContextWindowTransformer(), back).fit(NAMES)
    assert len(pipe[-1].estimators_) == 2
