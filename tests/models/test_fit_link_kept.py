"""The link between a transformer's fit and the model fitted on its windows.

In a Pipeline, a failed model fit puts the transformer back (test_all_or_nothing).
These tests check the limits of that link: the user's own ``fit_transform`` is
never undone by another object's failure, a model that fitted on the windows
keeps the transformer fitted, and fits nested in a model's fit (a mixture's
members) leave the decision to the outermost fit.
"""

import joblib
import numpy as np
import pytest
from sklearn.base import BaseEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
)

FIRST = ["zoya", "quentin"]
SECOND = ["abid", "asha", "ravi"]  # other letters
HOOKS = ("_skl_callbacks", "_skl_callbacks_to_teardown", "_callback_fit_ctx")
HOOKS += ("_parent_callback_ctx",)


def state(estimator):
    return joblib.hash({k: v for k, v in vars(estimator).items() if k not in HOOKS})


class KeepsWindows(BaseEstimator):
    """A last step that keeps the windows its Pipeline made (linked to its fit)."""

    def fit(self, X, y=None):
        self.windows_ = X
        return self


def linked_windows(transformer, names):
    return make_pipeline(transformer, KeepsWindows()).fit(names)[-1].windows_


def small_clf(**params):
    return CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=1, random_state=0, **params
    )


def test_a_failed_fit_of_another_model_keeps_a_fitted_model_s_transformer():
    """Model A fitted on the windows; model B fails on them: A's transformer stays."""
    transformer = ContextWindowTransformer(alphabet="auto").fit(FIRST)
    windows = linked_windows(transformer, SECOND)
    fitted = state(transformer)
    model = KneserNeyClassifier().fit(windows)
    with pytest.raises(ValueError, match="whole numbers"):
        KneserNeyClassifier().fit(windows, sample_weight=[0.5, 1, 1])
    assert state(transformer) == fitted
    assert np.isfinite(model.score(transformer.transform(["abid"])))


def test_a_failed_fit_leaves_your_own_fit_transform_alone():
    """Outside a Pipeline, fit_transform is fit(X).transform(X): nothing undoes it."""
    for earlier in (FIRST, None):
        transformer = ContextWindowTransformer(alphabet="auto")
        if earlier is not None:
            transformer.fit(earlier)
        windows = transformer.fit_transform(SECOND)
        fitted = state(transformer)
        with pytest.raises(ValueError, match="learning_rate_init"):
            CharEmbeddingMLPClassifier(learning_rate_init=-1.0).fit(windows)
        with pytest.raises(ValueError, match="whole numbers"):
            KneserNeyClassifier().fit(windows, sample_weight=[0.5, 1, 1])
        assert state(transformer) == fitted
        assert len(transformer.transform(["abid"])) == 5


def test_a_pipeline_whose_model_has_a_wrong_parameter_is_left_as_it_was():
    """A parameter error of the model, after the transformer was refitted."""
    pipe = make_pipeline(ContextWindowTransformer(alphabet="auto"), small_clf())
    pipe.fit(FIRST)
    before = [state(step) for _, step in pipe.steps]
    pipe.set_params(charembeddingmlpclassifier__hidden_layer_sizes=(-4,))
    with pytest.raises(ValueError, match="hidden_layer_sizes"):
        pipe.fit(SECOND)
    assert state(pipe[0]) == before[0]


def test_a_member_failing_inside_a_mixture_puts_the_transformer_back_once():
    """The member's failure is the mixture's: the transformer goes back, and a
    later fit of the mixture on the same windows brings the new fit back."""
    transformer = ContextWindowTransformer(alphabet="auto").fit(FIRST)
    old = state(transformer)
    windows = linked_windows(transformer, SECOND)
    new = state(transformer)
    members = [("kn", KneserNeyClassifier()), ("mlp", small_clf(alpha=-1.0))]
    mixture = MixtureClassifier(members, random_state=0)
    with pytest.raises(ValueError, match="alpha"):
        mixture.fit(windows)
    assert state(transformer) == old
    mixture.set_params(mlp__alpha=0.0).fit(windows)
    assert state(transformer) == new
    link = windows.fit_link
    assert (link.depth, link.kept) == (0, True)
