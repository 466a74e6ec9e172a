"""A Checkpoint in the model that PerLabelClassifier copies for each label.

Each label's model used to write the same files (the first label's checkpoints
were lost), and with n_jobs above 1 nothing was written and nothing said so.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
    load_model,
)
from sknextchar.callbacks import Checkpoint

NAMES = ["abid", "asha", "ravi", "mira"]
LABELS = ["m/x.", "f", "m/x.", "f"]  # a label that is no file name as it is


def small_clf(checkpoint):
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=2, random_state=0
    )
    return clf.set_callbacks(checkpoint)


def windows():
    return ContextWindowTransformer().fit_transform(NAMES)


def test_each_label_s_model_writes_files_of_its_own(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    estimator = small_clf(checkpoint)
    model = PerLabelClassifier(estimator, n_jobs=1).fit(windows(), LABELS)
    assert estimator._skl_callbacks == [checkpoint]  # yours, as you set it
    expected = [
        "c-f-1.skops",
        "c-f-2.skops",
        "c-m%2Fx%2E-1.skops",
        "c-m%2Fx%2E-2.skops",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == expected
    assert sorted(p.name for p in checkpoint.paths) == expected
    last = load_model(tmp_path / "c-f-2.skops")
    assert last.coefs_[0].tolist() == model.estimators_[0].coefs_[0].tolist()


@pytest.mark.parametrize(
    "nested, refused",
    [
        (False, r"same files.*Put \{label\} in its path"),
        # On a mixture's member, as the mixture fitted alone refuses it (with
        # {label} in its path too): not advice that leads to that refusal.
        (True, "The member 'mlp' of MixtureClassifier has a Checkpoint"),
    ],
)
def test_a_path_without_the_label_is_refused_before_any_training(
    tmp_path, nested, refused
):
    checkpoint = Checkpoint(tmp_path / "c-{epoch}.skops")
    estimator = small_clf(checkpoint)
    if nested:
        estimator = MixtureClassifier(
            [("kn", KneserNeyClassifier()), ("mlp", estimator)], random_state=0
        )
    with pytest.raises(ValueError, match=refused):
        PerLabelClassifier(estimator).fit(windows(), LABELS)
    assert list(tmp_path.iterdir()) == [] and checkpoint.paths == []


def test_several_processes_are_refused_rather_than_saving_nothing(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    model = PerLabelClassifier(small_clf(checkpoint), n_jobs=2)
    with pytest.raises(ValueError, match="n_jobs=2.*Set n_jobs=1"):
        model.fit(windows(), LABELS)
    assert list(tmp_path.iterdir()) == []


def test_one_model_of_all_names_needs_no_label(tmp_path):
    PerLabelClassifier(small_clf(Checkpoint(tmp_path / "c-{epoch}.skops"))).fit(
        windows()
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c-1.skops", "c-2.skops"]
    with pytest.raises(ValueError, match=r"holds \{label\}.*Remove \{label\}"):
        small_clf(Checkpoint(tmp_path / "{label}.skops")).fit(windows())


# Each label's files are checked when fit starts, before any label's model
# trains: they were checked only when that label's model started, after the
# models of the labels before it had trained and written their checkpoints.


def test_a_later_label_s_file_that_is_no_model_is_refused_before_training(tmp_path):
    (tmp_path / "c-m-2.skops").write_text("asha\nravi\n")
    checkpoint = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    with pytest.raises(FileExistsError, match="c-m-2.skops.*not a model file"):
        PerLabelClassifier(small_clf(checkpoint)).fit(windows(), ["f", "m"] * 2)
    assert names_in(tmp_path) == ["c-m-2.skops"] and checkpoint.paths == []
    assert (tmp_path / "c-m-2.skops").read_text() == "asha\nravi\n"


def test_a_label_in_a_folder_name_needs_each_label_s_folder(tmp_path):
    (tmp_path / "f").mkdir()  # the first label's folder only
    checkpoint = Checkpoint(tmp_path / "{label}" / "c.skops")
    with pytest.raises(FileNotFoundError, match="no such folder"):
        PerLabelClassifier(small_clf(checkpoint)).fit(windows(), ["f", "m"] * 2)
    assert names_in(tmp_path) == ["f"] and names_in(tmp_path / "f") == []


def test_a_label_too_long_for_a_file_name_is_named(tmp_path):
    long = "क" * 40  # 360 characters percent-encoded, past 255
    checkpoint = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    with pytest.raises(ValueError, match=f"the label '{long}'.*Shorten the path or"):
        PerLabelClassifier(small_clf(checkpoint)).fit(windows(), ["f", long] * 2)
    assert names_in(tmp_path) == []


@pytest.mark.parametrize("in_mixture", [False, True])
def test_labels_differing_only_in_case_are_refused(tmp_path, in_mixture):
    checkpoint = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    estimator = small_clf(checkpoint)
    if in_mixture:  # the Checkpoint set on the mixture: {member} too
        checkpoint.path = tmp_path / "c-{label}-{member}-{epoch}.skops"
        estimator = MixtureClassifier(
            [("kn", KneserNeyClassifier()), ("mlp", estimator.set_callbacks())],
            random_state=0,
        ).set_callbacks(checkpoint)
    with pytest.raises(ValueError, match="'A' and 'a' differ only in case.*in y"):
        PerLabelClassifier(estimator).fit(windows(), ["A", "a"] * 2)
    assert names_in(tmp_path) == []


def test_members_differing_only_in_case_are_refused_in_each_label_s_mixture(
    tmp_path,
):
    checkpoint = Checkpoint(tmp_path / "c-{label}-{member}.skops")
    members = [(name, small_clf(checkpoint).set_callbacks()) for name in "Aa"]
    mixture = MixtureClassifier(members, random_state=0).set_callbacks(checkpoint)
    with pytest.raises(ValueError, match="members 'A' and 'a'.*in estimators"):
        PerLabelClassifier(mixture).fit(windows(), LABELS)
    assert names_in(tmp_path) == []


def test_a_label_s_copy_keeps_every_setting_of_the_checkpoint(tmp_path):
    class NamedCheckpoint(Checkpoint):
        pass

    checkpoint = NamedCheckpoint(tmp_path / "c-{label}.skops", every=2)
    checkpoint.max_propagation_depth = 1
    model = PerLabelClassifier(small_clf(checkpoint)).fit(windows(), LABELS)
    for fitted in model.estimators_:
        (copy,) = fitted._skl_callbacks
        assert type(copy) is NamedCheckpoint and copy.every == 2
        assert copy.max_propagation_depth == 1
        assert copy.paths is checkpoint.paths


def names_in(folder):
    return sorted(path.name for path in folder.iterdir())


@pytest.mark.filterwarnings("ignore:The calibration found")  # tiny models
@pytest.mark.parametrize("ensemble", [True, False])
def test_a_calibrated_classifier_s_files_hold_its_last_fit_as_documented(
    tmp_path, ensemble
):
    # Each fold's fit writes the same files (NameLabelClassifier's ensemble).
    checkpoint = Checkpoint(tmp_path / "c-{label}.skops")
    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(small_clf(checkpoint))
    )
    names = [*NAMES, "arun", "devi", "sita", "gita", "amit", "lata"]
    labels = ["m", "f"] * 5
    clf = NameLabelClassifier(pipe, calibration="temperature", cv=2, ensemble=ensemble)
    clf.fit(names, labels)
    last = clf.pipelines_[-1] if ensemble else clf.pipeline_
    saved = load_model(tmp_path / "c-f.skops")
    assert saved.coefs_[0].tolist() == last[-1].estimators_[0].coefs_[0].tolist()
    assert len(checkpoint.paths) == 2 * 2 * (2 if ensemble else 3)  # labels, epochs
