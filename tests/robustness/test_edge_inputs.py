"""Absurd inputs to the sampler, its tables, reports and mixtures: clear errors."""

import re

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    metrics,
)
from sknextchar._compat import InvalidParameterError

NAMES = ["abid", "asha", "ravi", "amit", "sita", "uma"]


@pytest.fixture(scope="module")
def sampler():
    counts = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(counts).fit(NAMES)


def test_flags_and_temperatures_take_their_types_only(sampler):
    with pytest.raises(TypeError, match="per_char must be True or False"):
        sampler.score_samples(NAMES, per_char="yes")
    for temperatures in ([True, 2.0], ["2"], [1.0, None]):
        with pytest.raises(TypeError, match="temperatures must be a sequence"):
            sampler.temperature_table("ab", temperatures)
    assert sampler.temperature_table("ab", np.array([0.5, 1])).temperatures == (0.5, 1)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"top": -1}, ValueError, "top must be a positive int; got -1"),
        ({"top": 2.5}, TypeError, "top must be a positive int; got 2.5"),
        ({"decimals": -1}, ValueError, "decimals must be an int of 0 or more"),
        ({"decimals": 1.5}, ValueError, "decimals must be an int of 0 or more"),
    ],
)
def test_table_text_options(sampler, kwargs, error, match):
    table = sampler.temperature_table("ab", (1.0,))
    with pytest.raises(error, match=match):
        table.to_string(**kwargs)
    assert len(table.to_string(top=2, decimals=0).splitlines()) == 4


def test_a_report_on_an_unfitted_sampler_says_it_is_not_fitted():
    counts = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    with pytest.raises(NotFittedError):
        metrics.sample_report(["ab"], NameSampler(counts))


@pytest.mark.parametrize(
    "samples, train, test, where",
    [
        (["asha", "", "ravi"], "list", None, "samples[1] is ''"),
        (["asha", "", "ravi"], "sampler", None, "samples[1] is ''"),
        (["asha", "  "], "list", None, "samples[1] is '  '"),
        (["asha", "  "], "sampler", None, "samples[1] is '  '"),
        # Only a list can hold a blank training name (a sampler's fit refuses it).
        (["asha"], NAMES + [" "], None, "train[6] is ' '"),
        (["asha"], "list", ["uma", ""], "test[1] is ''"),
        (["asha"], "sampler", ["uma", ""], "test[1] is ''"),
    ],
)
def test_a_report_refuses_a_blank_name_by_its_argument(
    sampler, samples, train, test, where
):
    # A blank sample used to count as a new name of 0 letters with a list (a
    # sampler refused it as "names[1]", a name the user never passed).
    train = {"list": NAMES, "sampler": sampler}.get(str(train), train)
    with pytest.raises(ValueError, match=rf"^{re.escape(where)}, an empty or "):
        metrics.sample_report(samples, train, test)


def test_mixture_weights_and_jobs():
    X, y = np.array([[0, 1], [1, 0], [1, 1]]), ["a", "b", "a"]
    members = [("a", KneserNeyClassifier(order=2)), ("b", KneserNeyClassifier())]
    with pytest.raises(ValueError, match="above 1e\\+06 they overflow"):
        MixtureClassifier(members, combine="log-linear", weights=[1e308, 1]).fit(X, y)
    huge = MixtureClassifier(members, combine="linear", weights=[1e308, 1e308])
    np.testing.assert_allclose(huge.fit(X, y).weights_, [0.5, 0.5])
    assert np.isfinite(huge.predict_proba(X)).all()
    with pytest.raises(InvalidParameterError, match="n_jobs"):
        MixtureClassifier(members, n_jobs=0).fit(X, y)


def test_unique_counts_the_names_top_k_allows(sampler):
    # Two letters at most per step, names of exactly 2 letters: 4 names at most.
    bounded = sampler.set_params(top_k=2, min_length=2, max_length=2)
    with pytest.raises(ValueError, match="asks for 5 distinct names, but at most 4"):
        bounded.sample(5, unique=True)
    sampler.set_params(top_k=None, min_length=None, max_length=None)


def test_embeddings_for_fewer_symbols_than_the_vocabulary_are_refused():
    # As an edited model file may hold them: a clear error, not an IndexError.
    from sknextchar import make_default_pipeline

    pipe = make_default_pipeline(random_state=0).set_params(
        clf__max_iter=1, clf__hidden_layer_sizes=(8,), clf__embedding_dim=2
    )
    cut = NameSampler(pipe).fit(NAMES)
    cut.estimator_[-1].embeddings_ = cut.estimator_[-1].embeddings_[:3].copy()
    with pytest.raises(ValueError, match="embeddings for 3 symbols, and the"):
        cut.sample(2, random_state=0)
