"""All or nothing: a fit that fails leaves every estimator exactly as it was.

A failure late in a fit is made through the public API: a callback that raises
MemoryError when a fit task ends (after the vocabulary, the counts or the weights
were computed). For a Pipeline, scikit-learn refits the steps one by one, so a
failure in the model leaves the transformer refitted: every later call then says
that the pipeline's steps disagree, instead of giving silently wrong output.
"""

import joblib
import numpy as np
import pytest
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
def half_refitted():
    """A pipeline whose refit failed in the classifier, after the transformer."""
    pipe = _pipe().fit(FIRST)
    sampler = NameSampler(FrozenEstimator(pipe)).fit(FIRST)
    pipe[-1].set_callbacks(FailsAtTheEnd())
    with pytest.raises(MemoryError):
        pipe.fit(SECOND)
    del pipe[-1]._skl_callbacks
    return pipe, sampler


@pytest.mark.parametrize(
    "call",
    [
        lambda pipe, sampler: pipe.predict_proba(SECOND),
        # Names with letters the refitted transformer does not know: the
        # transformer itself says the steps disagree, before its unknown-letter
        # check could mislead.
        lambda pipe, sampler: pipe.predict_proba(FIRST),
        lambda pipe, sampler: pipe.score(FIRST),
        lambda pipe, sampler: pipe.predict(SECOND),
        lambda pipe, sampler: pipe.score(SECOND),
        lambda pipe, sampler: sampler.sample(3),
        lambda pipe, sampler: sampler.most_likely(2),
        lambda pipe, sampler: sampler.score_samples(FIRST),
        lambda pipe, sampler: sampler.next_char_proba(["a"]),
        lambda pipe, sampler: NameSampler(FrozenEstimator(pipe)).fit(FIRST),
    ],
    ids=["predict_proba", "predict_proba-unknown", "score-unknown", "predict",
         "score", "sample", "most_likely",
         "score_samples", "next_char_proba", "new-sampler"],
)  # fmt: skip
def test_a_half_refitted_pipeline_says_its_steps_disagree(half_refitted, call):
    pipe, sampler = half_refitted
    with pytest.raises(ValueError, match="steps disagree") as info:
        call(pipe, sampler)
    assert "fit the whole pipeline again" in str(info.value)


def test_refitting_the_whole_pipeline_mends_it(half_refitted):
    pipe, _ = half_refitted
    pipe.fit(SECOND)
    assert np.isfinite(pipe.score(SECOND))


def test_a_model_refit_on_the_same_windows_mends_the_link():
    """A failed model fit marks the transformer; a successful one clears it."""
    transformer = ContextWindowTransformer()
    windows = transformer.fit_transform(FIRST)
    with pytest.raises(ValueError, match="learning_rate_init"):
        CharEmbeddingMLPClassifier(learning_rate_init=-1.0).fit(windows)
    with pytest.raises(ValueError, match="steps disagree"):
        transformer.transform(FIRST)
    CharEmbeddingMLPClassifier(max_iter=1, hidden_layer_sizes=(4,)).fit(windows)
    assert len(transformer.transform(FIRST)) == len(windows)
    # Windows of transform are not linked: a failure on them changes nothing.
    held_out = transformer.transform(FIRST)
    with pytest.raises(ValueError, match="learning_rate_init"):
        CharEmbeddingMLPClassifier(learning_rate_init=-1.0).fit(held_out)
    assert len(transformer.transform(FIRST)) == len(windows)
