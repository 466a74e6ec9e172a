"""All or nothing: a fit that fails leaves every estimator exactly as it was.

A failure late in a fit is made through the public API: a callback that raises
MemoryError when a fit task ends (after the vocabulary, the counts or the weights
were computed). For a Pipeline, scikit-learn refits the steps one by one; when the
model fails after the transformer was refitted, the windows' link puts the
transformer back too, so the whole pipeline is as it was before the call.
"""

import joblib
import numpy as np
import pytest
from sklearn.base import BaseEstimator
from sklearn.exceptions import NotFittedError
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
)

FIRST = ["abid", "asha", "ravi", "mira", "arun", "devi", "amit", "sita"]
SECOND = ["zoya", "quentin", "xavier", "yusuf", "wendy", "jack"]  # other letters
HOOKS = ("_skl_callbacks", "_skl_callbacks_to_teardown", "_callback_fit_ctx")
HOOKS += ("_parent_callback_ctx",)


class FailsAtTheEnd:
    """A callback that raises when any fit task ends: a late failure."""

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context, **kwargs):
        raise MemoryError("simulated: out of memory at the end of a fit task")

    def teardown(self, estimator, context):
        pass


def state(estimator):
    """A fingerprint of everything an estimator holds but its callbacks."""
    return joblib.hash({k: v for k, v in vars(estimator).items() if k not in HOOKS})


def small_clf(**params):
    return CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=2, random_state=0, **params
    )


def windows(names):
    return ContextWindowTransformer(alphabet="auto").fit_transform(names)


def mixture():
    return MixtureClassifier(
        [("kn", KneserNeyClassifier()), ("mlp", small_clf())], random_state=0
    )


CASES = {
    "transformer.fit": (
        lambda: ContextWindowTransformer(alphabet="auto"),
        lambda e: e.fit(FIRST),
        lambda e: e.fit(SECOND),
    ),
    "transformer.fit_transform": (
        lambda: ContextWindowTransformer(alphabet="auto"),
        lambda e: e.fit(FIRST),
        lambda e: e.fit_transform(SECOND),
    ),
    "classifier.fit": (
        small_clf,
        lambda e: e.fit(windows(FIRST)),
        lambda e: e.fit(windows(SECOND)),
    ),
    "classifier.warm-start-fit": (
        lambda: small_clf(warm_start=True),
        lambda e: e.fit(windows(FIRST)),
        lambda e: e.fit(windows(FIRST)),
    ),
    "classifier.partial_fit": (
        small_clf,
        lambda e: e.partial_fit(windows(FIRST)),
        lambda e: e.partial_fit(windows(FIRST)),
    ),
    "kneser-ney.fit": (
        KneserNeyClassifier,
        lambda e: e.fit(windows(FIRST)),
        lambda e: e.fit(windows(SECOND)),
    ),
    "kneser-ney.partial_fit": (
        KneserNeyClassifier,
        lambda e: e.partial_fit(windows(FIRST)),
        lambda e: e.partial_fit(windows(FIRST)),
    ),
    "mixture.fit": (
        mixture,
        lambda e: e.fit(windows(FIRST)),
        lambda e: e.fit(windows(SECOND)),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_failed_fit_leaves_the_estimator_as_it_was(case):
    make, first, again = CASES[case]
    estimator = make()
    first(estimator)
    before = state(estimator)
    estimator.set_callbacks(FailsAtTheEnd())
    with pytest.raises(MemoryError, match="simulated"):
        again(estimator)
    assert state(estimator) == before


@pytest.mark.parametrize("case", ["transformer.fit", "classifier.fit", "mixture.fit"])
def test_a_failed_first_fit_leaves_the_estimator_unfitted(case):
    make, first, _ = CASES[case]
    estimator = make()
    before = state(estimator)
    estimator.set_callbacks(FailsAtTheEnd())
    with pytest.raises(MemoryError, match="simulated"):
        first(estimator)
    assert state(estimator) == before


def _pipe():
    return make_pipeline(ContextWindowTransformer(alphabet="auto"), small_clf())


def test_a_failed_sampler_fit_leaves_the_sampler_as_it_was(monkeypatch):
    """The issue's case: a new model with the old vocabulary shifted the letters."""
    sampler = NameSampler(_pipe()).fit(FIRST)
    before = state(sampler)
    names = sampler.sample(5, random_state=0)

    def exhausted(*args, **kwargs):
        raise MemoryError("simulated")

    monkeypatch.setattr("sknextchar._sampler.training_record", exhausted)  # last step
    with pytest.raises(MemoryError):
        sampler.fit(SECOND)
    assert state(sampler) == before
    assert sampler.sample(5, random_state=0) == names


@pytest.fixture
def failed_refit():
    """A fitted pipeline, its outputs, and the same pipeline after a failed refit."""
    pipe = _pipe().fit(FIRST)
    sampler = NameSampler(FrozenEstimator(pipe)).fit(FIRST)
    outputs = _outputs(pipe, sampler)
    fingerprints = [state(step) for _, step in pipe.steps]
    pipe[-1].set_callbacks(FailsAtTheEnd())
    with pytest.raises(MemoryError):
        pipe.fit(SECOND)
    del pipe[-1]._skl_callbacks
    return pipe, sampler, outputs, fingerprints


def _outputs(pipe, sampler):
    return {
        "predict_proba": pipe.predict_proba(FIRST),
        "score": pipe.score(FIRST),
        "sample": sampler.sample(3, random_state=0),
        "most_likely": sampler.most_likely(2),
        "score_samples": sampler.score_samples(FIRST),
        "next_char_proba": sampler.next_char_proba(["a"]),
    }


def test_a_failed_refit_leaves_every_step_as_it_was(failed_refit):
    pipe, _, _, fingerprints = failed_refit
    assert [state(step) for _, step in pipe.steps] == fingerprints


def test_a_failed_refit_leaves_the_pipeline_working(failed_refit):
    pipe, sampler, outputs, _ = failed_refit
    again = _outputs(pipe, sampler)
    assert joblib.hash(again) == joblib.hash(outputs)
    with pytest.raises(ValueError, match="'q'"):  # the old alphabet, as before
        pipe.predict_proba(SECOND)
    assert NameSampler(FrozenEstimator(pipe)).fit(FIRST).sample(3, random_state=0)


def test_a_failed_first_fit_leaves_the_pipeline_unfitted():
    pipe = _pipe()
    pipe[-1].set_callbacks(FailsAtTheEnd())
    with pytest.raises(MemoryError):
        pipe.fit(FIRST)
    assert state(pipe[0]) == state(ContextWindowTransformer(alphabet="auto"))
    with pytest.raises(NotFittedError):
        pipe[0].transform(FIRST)


def test_refitting_the_whole_pipeline_after_a_failure_works(failed_refit):
    pipe = failed_refit[0]
    pipe.fit(SECOND)
    assert np.isfinite(pipe.score(SECOND))


class KeepsWindows(BaseEstimator):
    """A last step that keeps the windows its Pipeline made (linked to its fit)."""

    def fit(self, X, y=None):
        self.windows_ = X
        return self


def linked_windows(transformer, names):
    """The windows of ``transformer.fit_transform(names)`` called by a Pipeline."""
    windows = make_pipeline(transformer, KeepsWindows()).fit(names)[-1].windows_
    assert windows.fit_link is not None
    return windows


def test_a_model_refit_on_the_same_windows_brings_the_new_fit_back():
    """A failed model fit puts the transformer back; a successful one, forward."""
    transformer = ContextWindowTransformer(alphabet="auto").fit(FIRST)
    old = state(transformer)
    windows = linked_windows(transformer, SECOND)
    new = state(transformer)
    with pytest.raises(ValueError, match="learning_rate_init"):
        CharEmbeddingMLPClassifier(learning_rate_init=-1.0).fit(windows)
    assert state(transformer) == old
    model = CharEmbeddingMLPClassifier(max_iter=1, hidden_layer_sizes=(4,))
    model.fit(windows)
    assert state(transformer) == new
    assert list(transformer.vocabulary_) == list(windows.vocabulary)
    model.predict_proba(transformer.transform(SECOND))  # the two agree


def test_a_failure_after_another_fit_of_the_transformer_changes_nothing():
    transformer = ContextWindowTransformer(alphabet="auto")
    windows = linked_windows(transformer, SECOND)
    transformer.fit(FIRST)
    latest = state(transformer)
    with pytest.raises(ValueError, match="learning_rate_init"):
        CharEmbeddingMLPClassifier(learning_rate_init=-1.0).fit(windows)
    assert state(transformer) == latest
    CharEmbeddingMLPClassifier(max_iter=1, hidden_layer_sizes=(4,)).fit(windows)
    assert state(transformer) == latest


def test_a_mixture_failing_after_its_members_puts_the_transformer_back():
    """The members fitted on the windows; the mixture's fit as a whole failed."""
    transformer = ContextWindowTransformer(alphabet="auto").fit(FIRST)
    old = state(transformer)
    model = MixtureClassifier(
        [("kn", KneserNeyClassifier()), ("mlp", small_clf())],
        refit=True,
        random_state=0,
    )
    model.set_callbacks(FailsAtTheEnd())
    with pytest.raises(MemoryError):
        model.fit(linked_windows(transformer, SECOND))
    assert state(transformer) == old


def test_windows_not_from_a_pipeline_fit_transform_are_not_linked():
    transformer = ContextWindowTransformer(alphabet="auto")
    linked = linked_windows(transformer, SECOND)
    latest = state(transformer)
    mask = np.arange(len(SECOND)) < 3
    for unlinked in (transformer.transform(SECOND), linked.subset(mask)):
        with pytest.raises(ValueError, match="learning_rate_init"):
            CharEmbeddingMLPClassifier(learning_rate_init=-1.0).fit(unlinked)
    assert state(transformer) == latest


def test_a_saved_flag_of_a_failed_model_fit_is_still_refused():
    """Files of earlier 0.2.0 development versions flagged the transformer."""
    transformer = ContextWindowTransformer(alphabet="auto").fit(FIRST)
    transformer._later_step_failed = np.ones((), dtype=bool)
    with pytest.raises(ValueError, match="steps disagree"):
        transformer.transform(FIRST)
