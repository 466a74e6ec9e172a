"""What a newcomer types in their first hour: each mistake gets a clear answer."""

import doctest

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
    TemperatureTable,
    load_model,
    metrics,
    save_model,
)

NAMES = ["abid", "asha", "ravi", "amit", "sita", "uma"]
LABELS = ["m", "f", "m", "m", "f", "f"]


def _pipe():
    return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())


@pytest.mark.parametrize("call", ["sample", "score_samples", "in_training_set"])
def test_unfitted_sampler_says_to_fit_or_freeze(call):
    # NameSampler(pipe) with a fitted pipe is still an unfitted sampler.
    sampler = NameSampler(_pipe().fit(NAMES))
    args = () if call == "sample" else (["asha"],)
    with pytest.raises(NotFittedError, match="is not fitted yet") as info:
        getattr(sampler, call)(*args)
    assert "sampler.fit(names)" in str(info.value)
    assert "NameSampler(FrozenEstimator(pipe)).fit(names)" in str(info.value)


def test_save_model_with_swapped_arguments_says_the_order(tmp_path):
    path = tmp_path / "model.skops"
    with pytest.raises(TypeError, match=r"comes first: save_model\(model, path\)"):
        save_model(str(path), _pipe().fit(NAMES))
    assert not path.exists()
    with pytest.raises(TypeError, match="got a dict.$"):
        save_model({}, path)  # no model at all: no word of an order
    save_model(_pipe().fit(NAMES), path)
    assert isinstance(load_model(path), type(_pipe()))


def test_labels_for_a_frozen_model_fitted_without_labels_are_refused():
    frozen = FrozenEstimator(_pipe().fit(NAMES))
    with pytest.raises(ValueError, match="fitted without labels, so they would be"):
        NameSampler(frozen).fit(NAMES, LABELS)
    assert NameSampler(frozen).fit(NAMES).sample(2, random_state=0)


@pytest.mark.parametrize(
    "labels, match",
    [
        (LABELS[:3], "y must hold one label per name: got 3 labels for 6 names"),
        (["x"] * 6, r"y holds the labels \['x'\], which the model was not fitted"),
        (["f", None, "m", "m", "f", "f"], r"y\[1\] = None is a missing value"),
        ("f", "y must hold one label per name; got the single label .f."),
    ],
)
def test_bad_labels_for_a_frozen_labelled_model_are_named(labels, match):
    by_label = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    frozen = FrozenEstimator(by_label.fit(NAMES, LABELS))
    with pytest.raises(ValueError, match=match):
        NameSampler(frozen).fit(NAMES, labels)
    by_label = NameSampler(frozen).fit(NAMES, LABELS)
    assert by_label.training_length_counts_by_label_.shape[0] == 2


@pytest.mark.parametrize(
    "obj",
    [
        NameSampler.sample,
        TemperatureTable,
        TemperatureTable.to_string,
        metrics.SampleReport,
        metrics.SampleReport.to_dict,
        metrics.SampleReport.summary,
        metrics.SampleReport.to_string,
        metrics.log_likelihood,
        metrics.neg_bits_per_char,
        metrics.neg_perplexity,
        ContextWindowTransformer.decode,
        ContextWindowTransformer.encode,
        ContextWindowTransformer.encode_prefix_list,
        ContextWindowTransformer.encode_prefixes,
        ContextWindowTransformer.normalize,
    ],
    ids=lambda obj: obj.__qualname__,
)
def test_docstring_examples_run_as_copied(obj):
    # help(obj) shows the example: pasted into a fresh session, it runs, so
    # it imports what it uses (the test suite's doctests see module globals).
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    tests = doctest.DocTestFinder().find(obj, obj.__qualname__, globs={})
    assert tests and any(test.examples for test in tests)
    runner = doctest.DocTestRunner(optionflags=flags)
    report = []
    failed = sum(runner.run(test, out=report.append).failed for test in tests)
    assert failed == 0, "".join(report)


@pytest.mark.parametrize("model", [KneserNeyClassifier(), CharEmbeddingMLPClassifier()])
def test_names_given_to_a_model_of_windows_say_to_put_a_transformer_first(model):
    with pytest.raises(ValueError, match="Put a ContextWindowTransformer before it"):
        model.fit(["asha", "abid"], ["a", "b"])
    fitted = (
        clone(model).set_params(max_iter=1)
        if hasattr(model, "max_iter")
        else clone(model)
    )
    fitted.fit(np.array([[0, 1], [1, 2]]), ["a", "b"])
    with pytest.raises(ValueError, match="holds names \\(strings\\) such as 'asha'"):
        fitted.predict_proba(["asha"])


def test_load_model_of_an_estimator_says_it_reads_a_path():
    with pytest.raises(TypeError, match="load_model reads a model file: pass its path"):
        load_model(KneserNeyClassifier())
