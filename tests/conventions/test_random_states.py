"""One rule for every random_state: the estimators, the sampler's sample and
train_from_file accept and refuse the same values (a Generator: sample only)."""

import pickle
import re
import warnings
from pathlib import Path

import joblib
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    load_model,
    make_default_pipeline,
    save_model,
    train_from_file,
)
from sknextchar._random_states import (
    MAX_SEED,
    check_random_generator,
    given_back_if_failed,
)
from sknextchar.cli import main
from sknextchar.exceptions import DamagedModelError

NAMES = ["abid", "amit", "asha", "sam", "rita", "ravi", "anil", "sunil"]
WINDOWS = ContextWindowTransformer(context_length=2).fit_transform(NAMES)

GOOD = {
    "None": lambda: None,
    "0": lambda: 0,
    "max": lambda: MAX_SEED,
    "int64": lambda: np.int64(3),
    "uint32": lambda: np.uint32(5),
    "RandomState": lambda: np.random.RandomState(0),
}
BAD = {  # value, error (InvalidParameterError is both a TypeError and a ValueError)
    "True": (True, TypeError),
    "False": (False, TypeError),
    "np.True_": (np.True_, TypeError),
    "negative": (-1, ValueError),
    "2**32": (2**32, ValueError),
    "float": (1.5, TypeError),
    "whole-float": (1.0, TypeError),
    "str": ("0", TypeError),
}


def _mlp(random_state, **params):
    return CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(3,), max_iter=2,
        random_state=random_state, **params,
    )  # fmt: skip


def _pipe(random_state):
    return make_default_pipeline(random_state=random_state).set_params(
        clf__embedding_dim=2, clf__hidden_layer_sizes=(3,), clf__max_iter=2
    )


def _mixture(random_state):
    members = [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))]
    return MixtureClassifier(members, random_state=random_state)


@pytest.fixture(scope="module")
def sampler():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return NameSampler(_pipe(0)).fit(NAMES)


@pytest.fixture(scope="module")
def names_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "names.txt"
    path.write_text("\n".join(NAMES * 2) + "\n", encoding="utf-8")
    return path


def _entry_points(sampler, names_file):
    """name: call(random_state), each an entry point that takes one."""
    return {
        "mlp.fit": lambda rs: _mlp(rs).fit(WINDOWS),
        "mlp.fit-early-stopping": lambda rs: _mlp(rs, early_stopping=True).fit(WINDOWS),
        "mlp.partial_fit": lambda rs: _mlp(rs).partial_fit(WINDOWS),
        "pipeline": lambda rs: _pipe(0).set_params(clf__random_state=rs).fit(NAMES),
        "mixture.fit": lambda rs: _mixture(rs).fit(WINDOWS),
        "sample": lambda rs: sampler.sample(2, random_state=rs),
        "train_from_file": lambda rs: train_from_file(names_file, _pipe(rs)),
    }


ENTRY_POINTS = [
    "mlp.fit",
    "mlp.fit-early-stopping",
    "mlp.partial_fit",
    "pipeline",
    "mixture.fit",
    "sample",
    "train_from_file",
]


def _call(sampler, names_file, entry, random_state):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _entry_points(sampler, names_file)[entry](random_state)


@pytest.mark.parametrize("value", list(GOOD))
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_every_entry_point_takes_the_same_random_states(
    sampler, names_file, entry, value
):
    _call(sampler, names_file, entry, GOOD[value]())


@pytest.mark.parametrize("value", list(BAD))
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_every_entry_point_refuses_the_same_random_states(
    sampler, names_file, entry, value
):
    random_state, error = BAD[value]
    with pytest.raises(error, match="random_state"):
        _call(sampler, names_file, entry, random_state)


@pytest.mark.parametrize("entry", [e for e in ENTRY_POINTS if e != "sample"])
def test_an_estimator_refuses_a_generator_as_scikit_learn_does(
    sampler, names_file, entry
):
    with pytest.raises(TypeError, match="random_state"):
        _call(sampler, names_file, entry, np.random.default_rng(0))


def test_sample_takes_a_generator_and_an_int_seeds_one(sampler):
    first = sampler.sample(3, random_state=np.random.default_rng(4))
    assert sampler.sample(3, random_state=4) == first


def test_true_is_no_seed_1():
    # It was: CharEmbeddingMLPClassifier(random_state=True) fitted as seed 1.
    with pytest.raises(TypeError, match=r"'random_state' .* Got True instead"):
        _mlp(True).fit(WINDOWS)


def test_train_from_file_keeps_one_stream_for_a_numpy_int_seed(names_file):
    # A NumPy int seed restarted the stream at every epoch (the same shuffle).
    def curve(seed):
        pipe = _pipe(seed).set_params(clf__max_iter=3)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return train_from_file(names_file, pipe, chunk_size=4)["clf"].loss_curve_

    assert curve(np.int64(3)) == curve(3)


@pytest.mark.parametrize("value", list(BAD))
def test_the_sampler_check_names_the_allowed_values(value):
    random_state, error = BAD[value]
    match = r"^random_state must be None, an int in \[0, 4294967295\], a numpy "
    with pytest.raises(error, match=match):
        check_random_generator(random_state)


def _failing_block(random_state, draw_more=False):
    with pytest.raises(ValueError, match="refused"):
        with given_back_if_failed(random_state, lambda rs: rs.randint(10)):
            random_state.randint(10)  # the block's draw
            if draw_more:
                random_state.randint(10)
            raise ValueError("refused")


def test_a_failed_block_gives_the_draw_back():
    rng = np.random.RandomState(0)
    _failing_block(rng)
    assert rng.randint(2**31) == np.random.RandomState(0).randint(2**31)


def test_a_block_that_drew_keeps_every_draw():
    rng = np.random.RandomState(0)
    _failing_block(rng, draw_more=True)
    expected = np.random.RandomState(0)
    expected.randint(10, size=2)
    assert rng.randint(2**31) == expected.randint(2**31)


def test_random_generators():
    legacy = np.random.RandomState(0)
    assert check_random_generator(legacy) is legacy
    generator = np.random.default_rng(0)
    assert check_random_generator(generator) is generator
    # An int seeds a Generator: the stream of numpy.random.default_rng.
    np.testing.assert_array_equal(
        check_random_generator(5).random(4), np.random.default_rng(5).random(4)
    )
    # None: NumPy's global generator, as for the estimators' fit.
    assert check_random_generator(None) is np.random.mtrand._rand


# A model saved before bools were refused, with random_state=True (which fitted
# as the seed 1): saved by the code of commit f0d7593 with
# make_default_pipeline(random_state=True), clf__embedding_dim=2,
# clf__hidden_layer_sizes=(3,), clf__max_iter=2, fitted on NAMES.
SAVED_WITH_TRUE = (
    Path(__file__).parents[1] / "data" / "pipeline_random_state_true.skops"
)
BOOL_SEED_WARNING = (
    r"saved with the seed True, a bool, which is now refused: it is loaded with "
    r"the seed 1, as a fit read True before"
)


def _loaded_with_one_warning(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = load_model(path, **kwargs)
    said = [str(w.message) for w in caught if "a bool" in str(w.message)]
    assert len(said) == 1, said
    assert re.search(BOOL_SEED_WARNING, said[0])
    assert caught[0].filename == __file__  # load_model's caller
    return model


def test_a_model_saved_with_random_state_true_loads_as_the_seed_1():
    # It was: DamagedModelError "it holds an invalid parameter ... Got True".
    pipe = _loaded_with_one_warning(SAVED_WITH_TRUE)
    assert pipe.get_params()["clf__random_state"] == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fresh = _pipe(1).fit(NAMES)
        # True fitted as 1, and the loaded model refits as 1.
        for saved, seed_1 in zip(pipe[-1].coefs_, fresh[-1].coefs_):
            np.testing.assert_array_equal(saved, seed_1)
        assert pipe.fit(NAMES)[-1].loss_curve_ == fresh[-1].loss_curve_


def test_the_command_line_samples_from_a_model_saved_with_random_state_true(capsys):
    assert main(["sample", str(SAVED_WITH_TRUE), "-n", "2", "--seed", "0"]) == 0
    out, err = capsys.readouterr()
    assert len(out.split()) == 2
    assert err.count("a bool") == 1 and "--seed True" not in err


def _saved_with_true(model, *estimators):
    for estimator in estimators:  # as a model of older code holds it
        estimator.__dict__["random_state"] = True
    return model


def test_a_sampler_saved_with_random_state_true_warns_once(sampler, tmp_path):
    copy = pickle.loads(pickle.dumps(sampler))
    copy = _saved_with_true(copy, copy.estimator[-1], copy.estimator_[-1])
    joblib.dump(copy, tmp_path / "sampler.joblib")
    loaded = _loaded_with_one_warning(tmp_path / "sampler.joblib", allow_pickle=True)
    assert loaded.estimator_[-1].random_state == 1
    assert loaded.estimator[-1].random_state == 1


def test_a_mixture_unpickled_with_random_state_true_warns():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mixture = _mixture(1).fit(WINDOWS)
    data = pickle.dumps(_saved_with_true(mixture, mixture))
    with pytest.warns(UserWarning, match="This MixtureClassifier was saved with the"):
        loaded = pickle.loads(data)
    assert loaded.random_state == 1
    np.testing.assert_array_equal(loaded.weights_, mixture.weights_)


def test_a_damaged_model_saved_with_random_state_true_does_not_say_it_loads(
    tmp_path,
):
    # The warning says the model "is loaded with the seed 1": not when a later
    # check of the load refuses the file.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mixture = _mixture(1).fit(WINDOWS)
    mixture = _saved_with_true(mixture, mixture)
    mixture.estimators_[1].classes_ = mixture.estimators_[1].classes_[::-1].copy()
    joblib.dump(mixture, tmp_path / "m.joblib")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(DamagedModelError, match=r"estimators_\[1\]"):
            load_model(tmp_path / "m.joblib", allow_pickle=True)
    assert not [w for w in caught if "saved with the seed" in str(w.message)]


def test_the_warning_does_not_say_a_bool_set_after_the_fit_fitted_as_1(tmp_path):
    # joblib saves what save_model refuses: a fit with the seed 7, then True.
    # It was: "... which fitted as the seed 1", untrue here; the file keeps no
    # record of the seed a model was fitted with.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = _pipe(7).fit(NAMES).set_params(clf__random_state=True)
    joblib.dump(pipe, tmp_path / "m.joblib")
    _loaded_with_one_warning(tmp_path / "m.joblib", allow_pickle=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_model(tmp_path / "m.joblib", allow_pickle=True)
    assert not [w for w in caught if "fitted as" in str(w.message)]


def test_save_model_refuses_a_random_state_true_set_after_the_fit(tmp_path):
    # It was: "the file written would not load (... edited by hand or corrupted)".
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = _pipe(0).fit(NAMES).set_params(clf__random_state=True)
    target = tmp_path / "m.skops"
    match = (
        r"^Cannot save the model to '.*m\.skops': its CharEmbeddingMLPClassifier "
        r"has random_state=True, which is no seed .* set an int seed, or None"
    )
    with pytest.raises(ValueError, match=match):
        save_model(pipe, target)
    assert not target.exists()


def test_save_model_keeps_saving_scikit_learn_s_estimators_seeded_true(tmp_path):
    # scikit-learn's own estimators take True as a seed: not refused for them.
    model = LogisticRegression(random_state=True).fit(np.eye(4), [0, 1, 0, 1])
    assert load_model(save_model(model, tmp_path / "m.skops")).random_state is True


@pytest.mark.parametrize("entry", [e for e in ENTRY_POINTS if e != "sample"])
def test_a_refused_generator_says_what_to_pass(sampler, names_file, entry):
    advice = re.escape("random_state=int(rng.integers(2**32)), or a numpy.random")
    with pytest.raises(TypeError, match=f"not a numpy Generator .*{advice}"):
        _call(sampler, names_file, entry, np.random.default_rng(0))


def test_a_seed_too_large_for_sample_says_what_to_pass(sampler):
    # sample(random_state=2**32) was taken: a seed above 2**32 - 1 is refused.
    with pytest.raises(ValueError, match=re.escape("e.g. random_state % 2**32")):
        sampler.sample(2, random_state=2**32)
