"""A Checkpoint set on the estimator around a PerLabelClassifier (a Pipeline, a
NameSampler, a NameLabelClassifier) reaches every label's model.

``{label}`` in its path was refused there ("this NameSampler is not fitted so",
although it was fitted with labels), and following that advice (no
``{label}``) fitted without writing any file: PerLabelClassifier took no
callbacks. A Checkpoint that can write nothing is refused before training,
with advice that works when followed.
"""

import warnings

import pytest
from joblib import parallel_config
from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
)
from sknextchar.callbacks import Checkpoint, History

NAMES = ["anna", "bella", "carla", "bruno", "carlo", "dino", "ella", "enzo"]
LABELS = ["f", "f", "f", "m", "m", "m", "f", "m"]
BY_LABEL = ["c-f-1.skops", "c-f-2.skops", "c-m-1.skops", "c-m-2.skops"]


def mlp(max_iter=2):
    return CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=max_iter, random_state=0
    )


def pipe(clf):
    return Pipeline([("cw", ContextWindowTransformer(context_length=2)), ("clf", clf)])


def files(folder):
    return sorted(path.name for path in folder.iterdir())


# Where a user sets the Checkpoint: the estimator it is set on, and the one fitted.
WRAPPERS = {
    "pipeline": lambda cb: pipe(PerLabelClassifier(mlp())).set_callbacks(cb),
    "sampler": lambda cb: NameSampler(pipe(PerLabelClassifier(mlp()))).set_callbacks(
        cb
    ),
    "pipeline in a sampler": lambda cb: NameSampler(
        pipe(PerLabelClassifier(mlp())).set_callbacks(cb)
    ),
    "classifier of names": lambda cb: NameLabelClassifier(
        pipe(PerLabelClassifier(mlp()))
    ).set_callbacks(cb),
}


@pytest.mark.parametrize("where", list(WRAPPERS))
def test_a_label_field_set_around_the_model_gives_each_label_files(tmp_path, where):
    checkpoint = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    fitted = WRAPPERS[where](checkpoint).fit(NAMES, LABELS)
    assert files(tmp_path) == BY_LABEL
    assert sorted(path.name for path in checkpoint.paths) == BY_LABEL
    for name in ("estimator_", "pipeline_"):  # a sampler's, a classifier's
        fitted = getattr(fitted, name, fitted)
    clf = fitted[-1]
    saved = load_model(tmp_path / "c-m-2.skops")
    assert saved.coefs_[0].tolist() == clf.estimators_[1].coefs_[0].tolist()


@pytest.mark.parametrize("where", ["pipeline", "sampler", "classifier of names"])
def test_a_path_without_the_label_is_refused_and_the_advice_works(tmp_path, where):
    checkpoint = Checkpoint(tmp_path / "c-{epoch}.skops")
    with pytest.raises(ValueError, match=r"same files.*Put \{label\} in its path"):
        WRAPPERS[where](checkpoint).fit(NAMES, LABELS)
    assert files(tmp_path) == [] and checkpoint.paths == []
    advised = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    WRAPPERS[where](advised).fit(NAMES, LABELS)
    assert files(tmp_path) == BY_LABEL


def test_a_label_field_without_labels_is_refused_and_the_advice_works(tmp_path):
    checkpoint = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    with pytest.raises(ValueError, match=r"fitted without labels.*remove \{label\}"):
        WRAPPERS["sampler"](checkpoint).fit(NAMES)
    assert files(tmp_path) == []
    WRAPPERS["sampler"](Checkpoint(tmp_path / "c-{epoch}.skops")).fit(NAMES)
    assert files(tmp_path) == ["c-1.skops", "c-2.skops"]  # one model of all names


def test_a_checkpoint_with_no_model_to_save_is_said(tmp_path):
    # A warning, not an error: a search may try models of both kinds.
    counts = pipe(PerLabelClassifier(KneserNeyClassifier()))
    sampler = NameSampler(counts).set_callbacks(Checkpoint(tmp_path / "c-{label}"))
    with pytest.warns(UserWarning, match="saves nothing.*Remove the Checkpoint"):
        sampler.fit(NAMES, LABELS)
    assert files(tmp_path) == []
    assert len(sampler.sample(2, label="f", random_state=0)) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sampler.set_callbacks().fit(NAMES, LABELS)  # the advice followed


def test_each_label_s_mixture_writes_each_member_s_files(tmp_path):
    members = [("a", mlp(max_iter=1)), ("b", mlp(max_iter=1))]
    mixture = MixtureClassifier(members, weights=[0.5, 0.5])
    checkpoint = Checkpoint(tmp_path / "c-{label}-{member}-{epoch}.skops")
    NameSampler(pipe(PerLabelClassifier(mixture))).set_callbacks(checkpoint).fit(
        NAMES, LABELS
    )
    assert files(tmp_path) == [f"c-{c}-{m}-1.skops" for c in "fm" for m in "ab"]


def test_a_label_field_in_a_mixture_is_refused_and_the_advice_works(tmp_path):
    def mixture():
        members = [("p", PerLabelClassifier(mlp())), ("m", mlp())]
        return MixtureClassifier(members, weights=[0.5, 0.5])

    checkpoint = Checkpoint(tmp_path / "c-{label}-{member}-{epoch}.skops")
    with pytest.raises(ValueError, match=r"without labels.*remove \{label\}"):
        NameSampler(pipe(mixture())).set_callbacks(checkpoint).fit(NAMES)
    assert files(tmp_path) == []
    advised = Checkpoint(tmp_path / "c-{member}-{epoch}.skops")
    NameSampler(pipe(mixture())).set_callbacks(advised).fit(NAMES)
    assert files(tmp_path) == [f"c-{m}-{e}.skops" for m in "mp" for e in (1, 2)]


def test_callbacks_set_around_the_model_reach_every_label_s_epochs():
    history = History()
    NameSampler(pipe(PerLabelClassifier(mlp()))).set_callbacks(history).fit(
        NAMES, LABELS
    )
    assert [record["epoch"] for record in history.records] == [1, 2, 1, 2]


def test_callbacks_in_two_places_are_refused_and_the_advice_works(tmp_path):
    inner = mlp().set_callbacks(History())
    outer = Checkpoint(tmp_path / "c-{label}-{epoch}.skops")
    sampler = NameSampler(pipe(PerLabelClassifier(inner))).set_callbacks(outer)
    with pytest.raises(ValueError, match="callbacks of its own.*Remove them from"):
        sampler.fit(NAMES, LABELS)
    assert files(tmp_path) == []
    inner.set_callbacks()
    sampler.fit(NAMES, LABELS)
    assert files(tmp_path) == BY_LABEL


def _warned(fit):
    """The messages of the warnings ``fit()`` gives, each one every time."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit()
    return [str(each.message) for each in caught]


@pytest.mark.parametrize("path", ["c-{epoch}.skops", "c-{label}-{epoch}.skops"])
def test_a_checkpoint_around_count_models_by_label_says_once_it_saves_nothing(
    tmp_path, path
):
    # No label's model trains by epochs: no label would write over another's,
    # so {label} is not asked for; the one thing to say is that nothing is
    # saved, once, with the path as it was written.
    written = str(tmp_path / path)
    model = pipe(PerLabelClassifier(KneserNeyClassifier()))
    model.set_callbacks(Checkpoint(written))
    messages = _warned(lambda: model.fit(NAMES, LABELS))
    said = [each for each in messages if "saves nothing" in each]
    assert len(said) == 1 and repr(written) in said[0]
    assert files(tmp_path) == [] and len(model[-1].estimators_) == 2


def test_callbacks_that_other_processes_would_not_reach_are_said():
    history = History()
    model = pipe(PerLabelClassifier(mlp(max_iter=1), n_jobs=2))
    with parallel_config(backend="threading"):  # cheap; callbacks pass no better
        messages = _warned(lambda: model.set_callbacks(history).fit(NAMES, LABELS))
    said = [each for each in messages if "History" in each]
    assert len(said) == 1 and history.records == []
    assert "n_jobs=2 fits the labels' models in other processes" in said[0]
    assert "n_jobs=1" in said[0]
    model[-1].set_params(n_jobs=1)  # the advice followed
    messages = _warned(lambda: model.fit(NAMES, LABELS))
    assert not [each for each in messages if "History" in each]
    assert [record["epoch"] for record in history.records] == [1, 1]
