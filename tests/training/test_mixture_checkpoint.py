"""Checkpoints of a MixtureClassifier's members.

A Checkpoint set on the mixture (or on a pipeline around it) reached every
member: two members trained by epochs wrote the same files, each replacing the
other's, while ``paths`` listed every save; with n_jobs above 1 nothing was
written and nothing said so; a Checkpoint set on a member failed only when
that member's turn came, after the members before it had trained.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    PerLabelClassifier,
    load_model,
)
from sknextchar.callbacks import Checkpoint, History

NAMES = ["abid", "asha", "ravi", "mira", "amit", "sita", "gita", "ram", "lata", "anil"]


def mlp(seed):
    return CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=2, random_state=seed
    )


def two_mlps(**params):
    members = [("small", mlp(0)), ("v1.0", mlp(1))]  # a name with dots
    return MixtureClassifier(members, random_state=0, **params)


def windows():
    return ContextWindowTransformer().fit_transform(NAMES)


def names_in(folder):
    return sorted(path.name for path in folder.iterdir())


EXPECTED = [
    "c-small-1.skops",
    "c-small-2.skops",
    "c-v1%2E0-1.skops",
    "c-v1%2E0-2.skops",
]


def test_each_member_writes_files_of_its_own(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{member}-{epoch}.skops")
    mixture = two_mlps(weights=[1, 1]).set_callbacks(checkpoint)
    mixture.fit(windows())
    assert names_in(tmp_path) == EXPECTED
    assert sorted(path.name for path in checkpoint.paths) == EXPECTED
    assert mixture._skl_callbacks == [checkpoint]  # yours, as you set it
    for name, member in mixture.named_estimators_.items():
        assert not getattr(member, "_skl_callbacks", None)  # no copy left behind
        saved = load_model(tmp_path / f"c-{name.replace('.', '%2E')}-2.skops")
        assert saved.coefs_[0].tolist() == member.coefs_[0].tolist()


def test_from_a_pipeline_the_refit_s_files_are_the_last(tmp_path):
    # weights="fit": each member is fitted without the held-out names, then
    # again on all of them; the refit's checkpoints are the files left.
    checkpoint = Checkpoint(tmp_path / "c-{member}-{epoch}.skops")
    mixture = two_mlps(validation_fraction=0.3)
    pipe = make_pipeline(ContextWindowTransformer(), mixture)
    pipe.set_callbacks(checkpoint).fit(NAMES)
    assert names_in(tmp_path) == EXPECTED
    assert len(checkpoint.paths) == 8  # two fits of two members, two epochs each
    fitted = pipe[-1].named_estimators_["small"]
    saved = load_model(tmp_path / "c-small-2.skops")
    assert saved.coefs_[0].tolist() == fitted.coefs_[0].tolist()


def test_a_path_without_the_member_is_refused_before_any_training(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{epoch}.skops")
    mixture = two_mlps(validation_fraction=0.3).set_callbacks(checkpoint)
    match = r"members 'small' and 'v1.0' to the same files.*Put \{member\}"
    with pytest.raises(ValueError, match=match):
        mixture.fit(windows())
    assert names_in(tmp_path) == [] and checkpoint.paths == []
    assert not hasattr(mixture, "estimators_")


def test_a_member_s_file_that_is_no_model_is_refused_before_any_training(tmp_path):
    names = tmp_path / "c-v1%2E0-2.skops"  # the second member's last file
    names.write_text("abid\nasha\n")
    checkpoint = Checkpoint(tmp_path / "c-{member}-{epoch}.skops")
    pipe = make_pipeline(ContextWindowTransformer(), two_mlps(weights=[1, 1]))
    with pytest.raises(FileExistsError, match="c-v1%2E0-2.skops.*not a model"):
        pipe.set_callbacks(checkpoint).fit(NAMES)
    assert names_in(tmp_path) == [names.name] and checkpoint.paths == []
    assert names.read_text() == "abid\nasha\n"


def test_one_member_trained_by_epochs_needs_no_member_name(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{epoch}.skops")
    members = [("kn", KneserNeyClassifier()), ("mlp", mlp(0))]
    mixture = MixtureClassifier(members, weights=[1, 1]).set_callbacks(checkpoint)
    mixture.fit(windows())
    assert names_in(tmp_path) == ["c-1.skops", "c-2.skops"]


def test_several_processes_are_refused_rather_than_saving_nothing(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{member}-{epoch}.skops")
    mixture = two_mlps(weights=[1, 1], n_jobs=2).set_callbacks(checkpoint)
    with pytest.raises(ValueError, match="n_jobs=2.*Set n_jobs=1"):
        mixture.fit(windows())
    assert names_in(tmp_path) == []


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_member_s_own_checkpoint_is_refused_before_any_training(tmp_path, n_jobs):
    history = History()
    checkpoint = Checkpoint(tmp_path / "c-{epoch}.skops")
    members = [("first", mlp(0)), ("second", mlp(1).set_callbacks(checkpoint))]
    mixture = MixtureClassifier(members, weights=[1, 1], n_jobs=n_jobs)
    if n_jobs == 1:  # watches the members' epochs, as they are trained
        mixture.set_callbacks(history)
    with pytest.raises(
        ValueError, match=r"member 'second'.*of its own.*on the mixture.*\{member\}"
    ):
        mixture.fit(windows())
    assert history.records == []  # not even the first member trained
    assert names_in(tmp_path) == []


def test_the_member_field_is_refused_where_no_mixture_fills_it(tmp_path):
    clf = mlp(0).set_callbacks(Checkpoint(tmp_path / "c-{member}.skops"))
    with pytest.raises(ValueError, match=r"holds \{member\}.*Remove \{member\}"):
        clf.fit(windows())
    assert names_in(tmp_path) == []


def test_each_label_s_mixture_writes_each_member_s_files(tmp_path):
    checkpoint = Checkpoint(tmp_path / "{label}-{member}-{epoch}.skops")
    mixture = two_mlps(weights=[1, 1]).set_callbacks(checkpoint)
    labels = ["f", "m"] * (len(NAMES) // 2)
    PerLabelClassifier(mixture).fit(windows(), labels)
    expected = sorted(f"{label}-{name[2:]}" for label in "fm" for name in EXPECTED)
    assert names_in(tmp_path) == expected
    assert sorted(path.name for path in checkpoint.paths) == expected


def test_members_differing_only_in_case_are_refused_before_any_training(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{member}-{epoch}.skops")
    mixture = MixtureClassifier([("MLP", mlp(0)), ("mlp", mlp(1))], random_state=0)
    with pytest.raises(ValueError, match="members 'MLP' and 'mlp' differ only in"):
        mixture.set_callbacks(checkpoint).fit(windows())
    assert names_in(tmp_path) == [] and checkpoint.paths == []


def test_a_member_name_too_long_for_a_file_name_is_named(tmp_path):
    long = "m" * 300
    checkpoint = Checkpoint(tmp_path / "c-{member}.skops")
    mixture = MixtureClassifier([(long, mlp(0)), ("b", mlp(1))], random_state=0)
    with pytest.raises(ValueError, match=r"the member 'm{56}\.{3} \(percent.*Shorten"):
        mixture.set_callbacks(checkpoint).fit(windows())
    assert names_in(tmp_path) == []
