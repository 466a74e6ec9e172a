"""Advice told in each interface's words from the error's parts, never by
rewriting its finished text: a resumed run's advice for a new model, and a
step's parameters spelled as the pipeline that holds it sets them."""

import pickle
import re
from unittest.mock import Mock

import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameSampler,
    make_default_pipeline,
    save_model,
    train_from_file,
)
from sknextchar._pipeline import fit_in_pipeline_words, in_pipeline_words
from sknextchar._step_words import StepError
from sknextchar._unknown_advice import TRAIN_A_NEW_MODEL, DroppedNamesError
from sknextchar._vocabulary_pass import UnknownSymbolsError
from sknextchar.cli import main

NAMES = ["asha", "ravi", "uma", "gita", "anil", "mohan"]


def saved_model(path, **params):
    """A tiny MLP pipeline trained for one epoch, saved to ``path``."""
    pipe = make_pipeline(
        ContextWindowTransformer(**params),
        CharEmbeddingMLPClassifier(
            embedding_dim=2, hidden_layer_sizes=(4,), max_iter=1, random_state=0
        ),
    )
    save_model(pipe.fit(NAMES), path)
    return str(path)


def resume_error(tmp_path, capsys, names, **params):
    """The error line of ``train --resume`` of a saved model on ``names``."""
    model = saved_model(tmp_path / "old.skops", **params)
    path = tmp_path / "new.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--resume", model, "--max-iter", "2", "-q"]
    assert main([*argv, "-o", str(tmp_path / "new.skops")]) != 0
    return capsys.readouterr().err


def test_a_resumed_runs_advice_leaves_a_name_that_quotes_it_as_given(tmp_path, capsys):
    # The advice was swapped into the text: inside the quoted name too, which
    # then no longer matched the name, so it was not placed by its line either.
    name = f"{TRAIN_A_NEW_MODEL}é"
    err = resume_error(tmp_path, capsys, ["asha", "zoë", name])
    assert f"{name!r} (line 3 of " in err, err
    assert "or train a new model (without --resume) with --alphabet auto" in err
    assert "names[" not in err


def test_a_resumed_runs_advice_on_dropped_names_is_in_flags(tmp_path, capsys):
    err = resume_error(tmp_path, capsys, ["asha", "иван"], handle_unknown="drop")
    assert "'иван' (line 2 of " in err, err
    assert "or train a new model (without --resume) with --alphabet auto" in err
    assert "resume=False" not in err


@pytest.mark.parametrize(
    "names, params, kind",
    [
        (["asha", "zoë"], {}, UnknownSymbolsError),
        (["asha", "иван"], {"windows__handle_unknown": "drop"}, DroppedNamesError),
    ],
)
def test_a_resumed_runs_errors_keep_their_parts(tmp_path, names, params, kind):
    old = make_default_pipeline().set_params(
        clf__max_iter=1, clf__hidden_layer_sizes=(4,), **params
    )
    old.fit(NAMES)
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    with pytest.raises(kind) as caught:
        train_from_file(path, old.set_params(clf__max_iter=2), resume=True)
    error = caught.value
    assert error.again == TRAIN_A_NEW_MODEL and not error.fitting
    assert f"{TRAIN_A_NEW_MODEL}windows__alphabet='auto'" in str(error)
    told = error.advising("train anew with ")
    assert type(told) is kind and "train anew with windows__alphabet=" in str(told)
    copy = pickle.loads(pickle.dumps(told))
    assert str(copy) == str(told) and copy.again == "train anew with "


class _Refusing(ClassifierMixin, BaseEstimator):
    """A model whose fit advises a parameter of its own and one of the
    transformer's, by name."""

    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y=None):
        raise ValueError("Too few windows: pass alpha=0.5, or alphabet='auto'.")


def test_a_steps_advice_is_spelled_by_the_step_that_failed():
    pipe = Pipeline([("windows", ContextWindowTransformer()), ("clf", _Refusing())])
    with pytest.raises(StepError) as caught:
        fit_in_pipeline_words(pipe, ["asha", "ravi"])
    error = caught.value
    assert error.step == "clf" and error.settings == ["clf__alpha=0.5"]
    assert str(error) == "Too few windows: pass clf__alpha=0.5, or alphabet='auto'."
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.step, copy.settings) == (str(error), "clf", error.settings)


def test_a_models_failure_is_its_own_though_the_transformer_rolled_back():
    # A failed clf puts the windows back unfitted too: "the first step left
    # unfitted" blamed the windows, and clf's advice was not spelled.
    pipe = make_default_pipeline().set_params(
        clf__learning_rate_init=1e12, clf__max_iter=3, clf__hidden_layer_sizes=(4,)
    )
    with pytest.raises(StepError, match="Training diverged") as caught:
        fit_in_pipeline_words(pipe, NAMES * 3)
    error = caught.value
    assert not hasattr(pipe[0], "vocabulary_")  # rolled back, as before the fit
    assert error.step == "clf", str(error)
    assert error.settings == ["clf__learning_rate_init=1000000000000.0"]
    assert " learning_rate_init=1" not in str(error)


def test_an_error_met_while_scoring_is_the_steps_that_raised_it():
    pipe = make_default_pipeline().set_params(
        clf__max_iter=1, clf__hidden_layer_sizes=(4,)
    )
    pipe.fit(NAMES)
    with pytest.raises(StepError) as caught, in_pipeline_words([pipe]):
        pipe.predict_log_proba(["asha", "zoë"])
    assert caught.value.step == "windows"
    assert caught.value.settings[0] == "windows__alphabet='auto'"
    with pytest.raises(ValueError) as caught, in_pipeline_words([]):
        pipe[0].transform(["asha", "zoë"])  # no pipeline runs it
    assert type(caught.value) is not StepError and "windows__" not in str(caught.value)


def test_a_transformers_advice_is_spelled_and_a_name_left_as_given():
    with pytest.raises(StepError) as caught:
        fit_in_pipeline_words(make_default_pipeline(), ["asha", "zoë alphabet=1"])
    error = caught.value
    assert error.step == "windows"
    assert error.settings[0] == "windows__alphabet='auto'"
    assert "names[1]='zoë alphabet=1'" in str(error)


def test_an_error_that_advises_no_step_parameter_is_raised_as_it_is():
    class Failing(_Refusing):
        def fit(self, X, y=None):
            raise ValueError("No windows at all.")

    pipe = Pipeline([("windows", ContextWindowTransformer()), ("clf", Failing())])
    with pytest.raises(ValueError, match="^No windows at all.$") as caught:
        fit_in_pipeline_words(pipe, ["asha"])
    assert type(caught.value) is ValueError


# A plain scikit-learn Pipeline, fitted or used by the user: the transformer
# finds the Pipeline that runs it and the name it has there.
def _tiny(pipe):
    return pipe.set_params(
        clf__max_iter=1, clf__hidden_layer_sizes=(4,), clf__embedding_dim=2
    )


PLAIN = {
    "fit": lambda pipe: pipe.fit(["asha", "zoë"]),
    "fit_predict_log_proba": lambda pipe: pipe.fit(NAMES).predict_log_proba(["zoë"]),
    "NameSampler.fit": lambda pipe: NameSampler(pipe).fit(["asha", "zoë"]),
}


@pytest.mark.parametrize("call", PLAIN.values(), ids=PLAIN.keys())
def test_a_plain_pipelines_step_advises_the_pipelines_parameters(call):
    pipe = _tiny(make_default_pipeline(random_state=0))
    with pytest.raises(StepError) as caught:
        call(pipe)
    error = caught.value
    assert error.step == "windows"
    assert error.settings[0] == "windows__alphabet='auto'"
    assert "windows__alphabet='auto'" in str(error)
    assert (
        re.search(r"(?<!__)(alphabet|strip_accents|handle_unknown)=", str(error))
        is None
    )
    pipe.set_params(windows__alphabet="auto").fit(["asha", "zoë"])  # as advised


def test_make_pipelines_step_name_is_the_one_advised():
    pipe = make_pipeline(ContextWindowTransformer(), CharEmbeddingMLPClassifier())
    with pytest.raises(StepError, match="pass contextwindowtransformer__alphabet="):
        pipe.fit(["asha", "zoë"])


def test_a_transformer_alone_or_frozen_keeps_its_own_words():
    with pytest.raises(ValueError, match="pass alphabet='auto'") as alone:
        ContextWindowTransformer().fit(["asha", "zoë"])
    assert type(alone.value) is ValueError
    frozen = Pipeline(
        [("windows", FrozenEstimator(ContextWindowTransformer().fit(NAMES)))]
    )
    with pytest.raises(ValueError, match="alphabet='auto'") as caught:
        frozen.transform(["zoë"])
    assert "windows__" not in str(caught.value)


def test_only_a_pipelines_own_method_spells_its_steps_advice():
    # A function's local named self is no Pipeline running the step: the
    # transformer, called alone, keeps its own words.
    pipe = make_default_pipeline().fit(NAMES)

    def alone():
        self = pipe  # noqa: F841 (a local, not a method's argument)
        return pipe[0].transform(["zoë"])

    with pytest.raises(ValueError, match="again with alphabet='auto'") as caught:
        alone()
    assert type(caught.value) is ValueError


def test_the_walk_runs_no_code_of_the_objects_it_meets():
    # A method whose self passes for a Pipeline (a mock's __class__, no steps):
    # the transformer's error, not the mock's AttributeError.
    transformer = ContextWindowTransformer().fit(NAMES)

    def method(self):
        return transformer.transform(["zoë"])

    with pytest.raises(ValueError, match="again with alphabet='auto'") as caught:
        method(Mock(spec=Pipeline))
    assert type(caught.value) is ValueError
