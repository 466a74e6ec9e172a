"""save_model of a model whose parameters were set after its fit.

An invalid parameter (``set_params(temperature=nan)``) was told as a file
"edited by hand or corrupted"; a network size set after the fit
(``set_params(clf__embedding_dim=5)``) as "an attribute was changed after
fitting: fit the model again". Both now name the parameter as ``set_params`` of
the saved model spells it, and what to set.
"""

import re

import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar._model_checks import invalid_parameter, validate_loaded_params
from sknextchar.exceptions import DamagedModelError

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi", "amit", "sita"]


def _pipe():
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=3, hidden_layer_sizes=(4,), max_iter=1, random_state=0
    )
    return Pipeline([("windows", ContextWindowTransformer()), ("clf", clf)])


@pytest.mark.parametrize(
    "params, told",
    [
        ({"temperature": float("nan")}, "temperature=nan is not valid (it must be"),
        ({"top_p": 0}, "top_p=0 is not valid (it must be a float"),
        ({"temperature": -1}, "temperature=-1 is not valid"),
    ],
)
@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_an_invalid_parameter_is_named_before_the_file_is_written(
    tmp_path, params, told, suffix
):
    sampler = NameSampler(_pipe()).fit(NAMES).set_params(**params)
    target = tmp_path / f"model{suffix}"
    with pytest.raises(ValueError) as caught:
        save_model(sampler, target)
    message = str(caught.value)
    assert told in message and "Got " not in message
    name = next(iter(params))
    assert f"set_params({name}=...) with a valid value" in message
    assert "edited by hand" not in message and "corrupted" not in message
    assert list(tmp_path.iterdir()) == []
    sampler.set_params(temperature=1.0, top_p=None)  # the way out it gives
    assert load_model(save_model(sampler, target), allow_pickle=True).sample(2)


def test_an_invalid_nested_parameter_is_spelled_as_the_pipeline_spells_it(tmp_path):
    pipe = _pipe().fit(NAMES).set_params(clf__max_iter=-1)
    with pytest.raises(ValueError, match=r"clf__max_iter=-1 is not valid") as caught:
        save_model(pipe, tmp_path / "m.skops")
    assert "set_params(clf__max_iter=...)" in str(caught.value)


@pytest.mark.parametrize(
    "param, value, fitted",
    [("embedding_dim", 5, "3"), ("hidden_layer_sizes", (7,), "(4,)")],
)
def test_a_size_set_after_the_fit_is_named_with_its_fitted_value(
    tmp_path, param, value, fitted
):
    pipe = _pipe().fit(NAMES)
    target = save_model(pipe, tmp_path / "m.skops")
    before = target.read_bytes()
    pipe.set_params(**{f"clf__{param}": value})
    with pytest.raises(ValueError) as caught:
        save_model(pipe, target)
    message = str(caught.value)
    assert f"clf__{param}={value!r} was set after the fit ({fitted} in the" in message
    assert f"set_params(clf__{param}={fitted}) to save this model, or fit" in message
    assert "attribute" not in message and target.read_bytes() == before
    with pytest.raises(ValueError, match=re.escape(f"{param}={value!r} was set")) as e:
        save_model(pipe[-1], target)  # the classifier alone: its own spelling
    assert f"set_params({param}={fitted})" in str(e.value)
    pipe.set_params(**{f"clf__{param}": eval(fitted)})  # the way out it gives
    assert load_model(save_model(pipe, target)).score(NAMES) < 0


def test_a_refit_refused_for_a_bad_size_leaves_a_model_that_says_what_to_set(
    tmp_path,
):
    pipe = _pipe().fit(NAMES)
    with pytest.raises(ValueError):
        pipe.set_params(clf__hidden_layer_sizes=(-3,)).fit(NAMES)
    with pytest.raises(ValueError) as caught:
        save_model(pipe, tmp_path / "m.skops")
    assert "set_params(clf__hidden_layer_sizes=(4,))" in str(caught.value)


def test_a_frozen_pipeline_in_a_sampler_is_told_by_its_own_set_params(tmp_path):
    pipe = _pipe().fit(NAMES)
    sampler = NameSampler(FrozenEstimator(pipe)).fit(NAMES)
    pipe.set_params(clf__embedding_dim=2)  # the sampler cannot set it: frozen
    with pytest.raises(ValueError) as caught:
        save_model(sampler, tmp_path / "m.skops")
    message = str(caught.value)
    assert "clf__embedding_dim=2 was set after the fit (3 in the fitted" in message
    assert "its Pipeline's set_params(clf__embedding_dim=3)" in message


@pytest.mark.parametrize(
    "where, name, value",
    [
        ("sampler", "temperature", -1.0),
        ("fitted transformer", "context_length", 0),
        ("fitted classifier", "alpha", -1.0),
    ],
)
def test_saving_and_loading_find_the_same_estimator_at_fault(where, name, value):
    # One walk: the save's check names the parameter at fault, and the load's
    # check of the same model refuses that estimator and that parameter.
    sampler = NameSampler(_pipe()).fit(NAMES)
    estimator = {
        "sampler": sampler,
        "fitted transformer": sampler.estimator_[0],
        "fitted classifier": sampler.estimator_[1],
    }[where]
    setattr(estimator, name, value)
    found, found_name, error = invalid_parameter(sampler)
    assert found is estimator and found_name == name
    assert f"'{name}' parameter of {type(estimator).__name__}" in str(error)
    with pytest.raises(DamagedModelError) as caught:
        validate_loaded_params(sampler, "m.skops")
    assert f"'{name}' parameter of {type(estimator).__name__}" in str(caught.value)
    setattr(estimator, name, {"temperature": 1.0, "context_length": 3}.get(name, 0.0))
    assert invalid_parameter(sampler) is None
    assert validate_loaded_params(sampler, "m.skops")[0] is sampler


def test_a_missing_parameter_is_damage_on_load_and_left_to_the_file_on_save():
    sampler = NameSampler(_pipe()).fit(NAMES)
    del sampler.estimator_[0].context_length
    assert invalid_parameter(sampler) is None  # the written file's check tells
    with pytest.raises(DamagedModelError, match="has no parameter 'context_length'"):
        validate_loaded_params(sampler, "m.skops")
