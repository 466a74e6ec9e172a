"""A Checkpoint that saves nothing, set on the count model a PerLabelClassifier
copies for each label, is told once, in the process that fits, with its path
as written; and the places callbacks come from are all named."""

import os
import warnings

import pytest
from joblib import parallel_config
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar.callbacks import Checkpoint, History

NAMES = ["ana", "ben", "cal", "dora"]
LABELS = ["x", "y", "z", "z"]


def _said_nothing_saved(fit):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit()
    return [w for w in caught if "saves nothing" in str(w.message)]


def _refused_and_said(fit, error, match):
    """The "saves nothing" warnings given before ``fit`` raised ``error``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(error, match=match):
            fit()
    return [w for w in caught if "saves nothing" in str(w.message)]


def _fit_counts(tmp_path, name, n_jobs):
    checkpoint = Checkpoint(os.path.join(tmp_path, name))
    estimator = KneserNeyClassifier().set_callbacks(checkpoint)
    windows = ContextWindowTransformer().fit_transform(NAMES)
    model = PerLabelClassifier(estimator, n_jobs=n_jobs)
    said = _said_nothing_saved(lambda: model.fit(windows, LABELS))
    assert estimator._skl_callbacks == [checkpoint]  # yours, as you set it
    assert len(model.estimators_) == 3 and os.listdir(tmp_path) == []
    return said, repr(os.path.join(tmp_path, name))


@pytest.mark.parametrize("name", ["m-{label}-{epoch}.skops", "m.skops"])
def test_told_once_with_the_path_as_written(tmp_path, name):
    said, written = _fit_counts(tmp_path, name, n_jobs=1)
    assert len(said) == 1
    assert f"The Checkpoint path {written} saves nothing" in str(said[0].message)
    assert "KneserNeyClassifier trains by epochs" in str(said[0].message)
    assert said[0].filename == __file__  # the caller's line


@pytest.mark.parametrize("name", ["m-{label}.skops", "m.skops"])
def test_told_once_with_labels_fitted_in_parallel(tmp_path, name):
    with parallel_config(backend="threading"):  # each label's model as in a worker
        said, written = _fit_counts(tmp_path, name, n_jobs=2)
    assert len(said) == 1 and written in str(said[0].message)


@pytest.mark.slow
def test_told_once_in_this_process_with_labels_fitted_in_others(tmp_path):
    said, written = _fit_counts(tmp_path, "m-{label}.skops", n_jobs=2)
    assert len(said) == 1 and written in str(said[0].message)
    assert said[0].filename == __file__


def _pipe(model):
    return make_pipeline(ContextWindowTransformer(), model)


def test_callbacks_in_two_places_name_the_name_label_classifier():
    inner = PerLabelClassifier(KneserNeyClassifier().set_callbacks(History()))
    model = NameLabelClassifier(_pipe(inner)).set_callbacks(History())
    with pytest.raises(ValueError, match="scikit-learn takes them in one place") as e:
        model.fit(NAMES, LABELS)
    assert "the Pipeline, NameSampler, NameLabelClassifier or search" in str(e.value)


def test_a_checkpoint_passed_on_names_the_name_label_classifier(tmp_path):
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)
    model = NameLabelClassifier(_pipe(PerLabelClassifier(clf)))
    model.set_callbacks(Checkpoint(os.path.join(tmp_path, "m.skops")))
    with pytest.raises(ValueError, match="to the same files") as caught:
        model.fit(NAMES, LABELS)
    assert "the Pipeline, NameSampler, NameLabelClassifier or search" in str(
        caught.value
    )
    assert os.listdir(tmp_path) == []


def _mlp():
    return CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)


def _mixture(a, b, **params):
    return MixtureClassifier([("a", a), ("b", b)], weights=[0.5, 0.5], **params)


@pytest.mark.parametrize("file_name", ["k.skops", "k-{label}.skops"])
def test_a_failed_fit_leaves_the_checkpoint_of_a_frozen_member_on_your_model(
    tmp_path, file_name
):
    # With {label}, the paths filled in for the fit are undone in reverse order:
    # a FrozenEstimator's set_callbacks sets its model's, recorded twice.
    windows = ContextWindowTransformer().fit_transform(NAMES)
    checkpoint = Checkpoint(os.path.join(tmp_path, file_name))
    fitted = KneserNeyClassifier().fit(windows).set_callbacks(checkpoint)
    mixture = _mixture(FrozenEstimator(fitted), KneserNeyClassifier())
    model = PerLabelClassifier(mixture)
    frozen = "a frozen one is never fitted"  # so its Checkpoint never runs
    said = _refused_and_said(lambda: model.fit(windows, LABELS), TypeError, frozen)
    assert said == []
    assert fitted.__dict__.get("_skl_callbacks") == [checkpoint]


class _ClonedAsItself(KneserNeyClassifier):
    def __sklearn_clone__(self):
        return self


def test_a_model_that_clones_as_itself_keeps_its_checkpoint(tmp_path):
    checkpoint = Checkpoint(os.path.join(tmp_path, "m-{label}.skops"))
    estimator = _ClonedAsItself().set_callbacks(checkpoint)
    windows = ContextWindowTransformer().fit_transform(NAMES)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        PerLabelClassifier(estimator).fit(windows, LABELS)
    assert estimator.__dict__.get("_skl_callbacks") == [checkpoint]


def test_a_mixture_of_count_models_keeps_its_checkpoint_told_once(tmp_path):
    path = os.path.join(tmp_path, "mx-{label}.skops")
    mixture = _mixture(KneserNeyClassifier(), KneserNeyClassifier())
    mixture.set_callbacks(Checkpoint(path))
    own = mixture._skl_callbacks
    windows = ContextWindowTransformer().fit_transform(NAMES)
    said = _said_nothing_saved(lambda: PerLabelClassifier(mixture).fit(windows, LABELS))
    assert len(said) == 1 and repr(path) in str(said[0].message)
    assert "this MixtureClassifier trains" in str(said[0].message)
    assert mixture.__dict__.get("_skl_callbacks") is own


@pytest.mark.parametrize("other", [KneserNeyClassifier, _mlp])
@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_checkpoint_on_a_member_is_refused_as_in_the_mixture_alone(
    tmp_path, other, n_jobs
):
    checkpoint = Checkpoint(os.path.join(tmp_path, "mm-{label}.skops"))
    mixture = _mixture(KneserNeyClassifier().set_callbacks(checkpoint), other())
    windows = ContextWindowTransformer().fit_transform(NAMES)
    refused = "The member 'a' of MixtureClassifier has a Checkpoint"
    with pytest.raises(ValueError, match=refused):
        mixture.fit(windows)  # alone
    model = PerLabelClassifier(mixture, n_jobs=n_jobs)
    said = _refused_and_said(lambda: model.fit(windows, LABELS), ValueError, refused)
    assert said == []
    assert os.listdir(tmp_path) == [] and not hasattr(model, "estimators_")


def test_a_mixture_checkpoint_that_saves_an_mlp_member_warns_nothing(tmp_path):
    path = os.path.join(tmp_path, "mx-{label}-{member}.skops")
    mixture = _mixture(KneserNeyClassifier(), _mlp()).set_callbacks(Checkpoint(path))
    windows = ContextWindowTransformer().fit_transform(NAMES)
    said = _said_nothing_saved(lambda: PerLabelClassifier(mixture).fit(windows, LABELS))
    assert said == []
    assert sorted(os.listdir(tmp_path)) == [f"mx-{c}-b.skops" for c in "xyz"]
