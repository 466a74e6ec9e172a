"""Saving and loading: pickle, joblib, skops, atomic writes, trust, versions."""

import json
import os
import pickle
import subprocess
import sys
import warnings
import zipfile
from collections import Counter
from pathlib import Path

import joblib
import numpy as np
import pytest
import skops.io
from sklearn.base import BaseEstimator
from sklearn.pipeline import Pipeline

import sknextchar
from sknextchar import (
    CharEmbeddingMLPClassifier,
    CharWindows,
    ContextWindowTransformer,
    ModelVersionWarning,
    get_trusted_types,
    load_model,
    save_model,
)
from sknextchar.datasets import load_indian_names

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES = load_indian_names()[::75]
PROBE = ["abid", "ravi", "zoya"]


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=3)),
            (
                "clf",
                CharEmbeddingMLPClassifier(
                    embedding_dim=3, hidden_layer_sizes=(8,), max_iter=2, random_state=0
                ),
            ),
        ]
    ).fit(NAMES)


def _walk(obj, seen=None):
    """Every object reachable from a fitted estimator's state."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    yield obj
    if isinstance(obj, dict):
        children = list(obj.keys()) + list(obj.values())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        children = list(obj)
    elif isinstance(obj, BaseEstimator) or type(obj).__module__.startswith(
        "sknextchar"
    ):
        children = list(vars(obj).values()) if hasattr(obj, "__dict__") else []
    else:
        children = []
    for child in children:
        yield from _walk(child, seen)


def test_fitted_state_holds_only_plain_objects(pipe):
    allowed = (
        np.ndarray,
        np.generic,
        int,
        float,
        str,
        bool,
        type(None),
        dict,
        list,
        tuple,
        np.random.RandomState,
        np.random.Generator,
    )
    for obj in _walk(pipe):
        assert not isinstance(obj, CharWindows)
        ok = isinstance(obj, allowed) or isinstance(obj, BaseEstimator)
        ok = ok or type(obj).__module__.startswith("sknextchar")
        assert ok, f"unexpected {type(obj)} in the fitted state"


def test_pickle_round_trip_is_bit_identical(pipe):
    again = pickle.loads(pickle.dumps(pipe))
    np.testing.assert_array_equal(again.predict_proba(PROBE), pipe.predict_proba(PROBE))


def test_joblib_round_trip_is_bit_identical(pipe, tmp_path):
    path = tmp_path / "model.joblib"
    joblib.dump(pipe, path)
    again = joblib.load(path)
    np.testing.assert_array_equal(again.predict_proba(PROBE), pipe.predict_proba(PROBE))
    assert again.score(NAMES) == pipe.score(NAMES)


# One new process loads, as 'sknextchar sample' does, a model file while it
# records every attempt to import an array library skops never needs; then it
# loads the fitted pipeline from both formats and writes its probabilities.
_NEW_PROCESS = """
import json, sys
looked_up = []

class Recorder:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("torch", "dask", "cupy"):
            looked_up.append(name)

sys.meta_path.insert(0, Recorder())
from sknextchar import load_model
windows = load_model(sys.argv[1])
marks = [name for name, module in sys.modules.items() if module is None]

import joblib, numpy as np
probe = json.loads(sys.argv[4])
np.save(sys.argv[5], joblib.load(sys.argv[2]).predict_proba(probe))
np.save(sys.argv[6], load_model(sys.argv[3]).predict_proba(probe))
print(json.dumps([looked_up, marks, windows.vocabulary_]))
"""


@pytest.fixture(scope="module")
def new_process(pipe, tmp_path_factory):
    """What the new process reported, the windows it loaded, and the
    probabilities it got from the joblib and the skops file of ``pipe``."""
    tmp = tmp_path_factory.mktemp("new_process")
    windows = ContextWindowTransformer().fit(["abid", "asha"])
    save_model(windows, tmp / "windows.skops")
    joblib.dump(pipe, tmp / "model.joblib")
    save_model(pipe, tmp / "model.skops")
    files = [tmp / name for name in ("windows.skops", "model.joblib", "model.skops")]
    outputs = [tmp / "joblib.npy", tmp / "skops.npy"]
    done = subprocess.run(
        [sys.executable, "-c", _NEW_PROCESS, *map(str, files), json.dumps(PROBE)]
        + [str(path) for path in outputs],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), windows, [np.load(path) for path in outputs]


@pytest.mark.slow
def test_round_trip_in_a_new_process(pipe, new_process):
    *_, probabilities = new_process
    for loaded in probabilities:  # joblib, then skops
        np.testing.assert_array_equal(loaded, pipe.predict_proba(PROBE))


@pytest.mark.slow
def test_loading_a_model_imports_no_array_library(new_process):
    # skops lists scikit-learn's estimators when imported, walking every
    # package: its array-API adapters imported PyTorch and Dask (3 s and
    # 250 MB of each command that reads a model, where PyTorch is installed).
    (looked_up, marks, vocabulary), windows, _ = new_process
    assert looked_up == []
    assert [m for m in marks if "array_api_compat" in m] == []  # marks removed
    assert vocabulary == list(windows.vocabulary_)


def test_skops_needs_the_trust_list(pipe, tmp_path):
    path = tmp_path / "model.skops"
    skops.io.dump(pipe, path)
    untrusted = skops.io.get_untrusted_types(file=path)
    assert untrusted, "skops should not trust sknextchar's classes by default"
    assert set(untrusted) <= set(get_trusted_types())
    with pytest.raises(skops.io.exceptions.UntrustedTypesFoundException):
        skops.io.load(path)
    again = skops.io.load(path, trusted=get_trusted_types())
    np.testing.assert_array_equal(again.predict_proba(PROBE), pipe.predict_proba(PROBE))


def test_trust_list_names_only_the_package_own_classes():
    for name in get_trusted_types():
        module, _, attr = name.rpartition(".")
        assert module.startswith("sknextchar.")
        __import__(module)
        assert isinstance(getattr(sys.modules[module], attr), type)


def test_save_model_formats_and_atomicity(pipe, tmp_path):
    skops_path = save_model(pipe, tmp_path / "m.skops")
    joblib_path = save_model(pipe, tmp_path / "m.joblib")
    with open(skops_path, "rb") as f:
        assert f.read(2) == b"PK"
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())
    for path, kwargs in [(skops_path, {}), (joblib_path, {"allow_pickle": True})]:
        again = load_model(path, **kwargs)
        np.testing.assert_array_equal(
            again.predict_proba(PROBE), pipe.predict_proba(PROBE)
        )
    with pytest.raises(ValueError, match="format must be"):
        save_model(pipe, tmp_path / "m.bin", format="pickle")
    with pytest.raises(FileNotFoundError, match="no such folder"):
        save_model(pipe, tmp_path / "missing" / "m.skops")


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_an_unfitted_model_never_replaces_a_model_file(pipe, tmp_path, suffix):
    # A forgotten fit (sampler = NameSampler(pipe); save_model(sampler, path))
    # used to replace the fitted model's file with an unfitted model.
    path = save_model(pipe, tmp_path / f"names{suffix}")
    before = path.read_bytes()
    unfitted = sknextchar.NameSampler(pipe)
    with pytest.raises(FileExistsError, match="unfitted NameSampler.*Fit the model"):
        save_model(unfitted, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file


def test_an_unfitted_model_is_saved_to_a_new_or_an_empty_file(pipe, tmp_path):
    new = save_model(ContextWindowTransformer(), tmp_path / "new.skops")
    empty = tmp_path / "empty.skops"
    empty.write_bytes(b"")
    save_model(ContextWindowTransformer(context_length=2), empty)
    assert load_model(empty).context_length == 2
    assert not hasattr(load_model(new), "vocabulary_")
    save_model(pipe, new)  # a fitted model still replaces an unfitted one
    assert hasattr(load_model(new), "steps")


def test_an_unfitted_model_over_an_unfitted_file_is_refused_in_true_words(tmp_path):
    # The file is not read: the message said "a fitted model in it would be
    # lost" of a file that held an unfitted model.
    path = save_model(ContextWindowTransformer(), tmp_path / "config.skops")
    with pytest.raises(FileExistsError) as refused:
        save_model(ContextWindowTransformer(context_length=2), path)
    message = str(refused.value)
    assert "a fitted model in it would be lost" not in message
    assert "if that one is fitted (the file is not read to tell)" in message
    assert load_model(path).context_length == 3


class _NoBase:
    """An estimator by duck typing: get_params and fit, no BaseEstimator."""

    def get_params(self, deep=True):
        return {}

    def set_params(self, **params):
        return self

    def fit(self, X, y=None):
        self.fitted_ = True
        return self


@pytest.mark.parametrize("fitted", [False, True])
def test_a_model_not_made_from_base_estimator_saves_as_before(pipe, tmp_path, fitted):
    # scikit-learn cannot tell whether it is fitted (it has no tags); save_model
    # failed with scikit-learn's AttributeError, even to a new path.
    model = _NoBase().fit([]) if fitted else _NoBase()
    path = save_model(model, tmp_path / "m.joblib")
    assert isinstance(load_model(path, allow_pickle=True), _NoBase)
    over = save_model(pipe, tmp_path / "over.joblib")
    save_model(model, over)  # whether fitted is unknown: replaces as before
    assert isinstance(load_model(over, allow_pickle=True), _NoBase)


def test_failed_save_leaves_no_file(tmp_path):
    class Unpicklable(BaseEstimator):
        def __reduce__(self):
            raise RuntimeError("cannot save me")

    with pytest.raises(RuntimeError, match="cannot save me"):
        save_model(Unpicklable(), tmp_path / "m.joblib")
    assert list(tmp_path.iterdir()) == []


def test_load_model_refuses_pickles_without_consent(pipe, tmp_path):
    path = tmp_path / "m.joblib"
    joblib.dump(pipe, path)
    with pytest.raises(ValueError, match="allow_pickle=True"):
        load_model(path)


@pytest.mark.parametrize("kind", ["skops", "joblib"])
def test_corrupt_and_truncated_files(pipe, tmp_path, kind):
    path = save_model(pipe, tmp_path / f"m.{kind}")
    data = path.read_bytes()
    truncated = tmp_path / f"truncated.{kind}"
    truncated.write_bytes(data[: len(data) // 2])
    garbage = tmp_path / f"garbage.{kind}"
    garbage.write_bytes(data[:4] + b"\x00" * 200)
    for bad in (truncated, garbage):
        with pytest.raises(ValueError, match="corrupt"):
            load_model(bad, allow_pickle=True)
    with pytest.raises(FileNotFoundError, match="No such model file"):
        load_model(tmp_path / "absent.skops")


def test_skops_file_with_foreign_types_is_refused(tmp_path):
    from sklearn.linear_model import LogisticRegression  # trusted by skops

    class Foreign(BaseEstimator):
        pass

    path = tmp_path / "foreign.skops"
    skops.io.dump({"a": Foreign(), "b": LogisticRegression()}, path)
    with pytest.raises(ValueError, match="does not trust"):
        load_model(path)


def test_version_is_recorded_and_checked(pipe, monkeypatch):
    state = pipe.named_steps["clf"].__getstate__()
    assert state["_sknextchar_version"] == sknextchar.__version__
    data = pickle.dumps(pipe)
    monkeypatch.setattr(sknextchar._estimator, "__version__", "0.0.1")
    with pytest.warns(ModelVersionWarning, match=r"saved by sknextchar .* loaded by"):
        pickle.loads(data)


class _LockedRecorder:
    """A callback that cannot be pickled (it holds a lock), recording epochs."""

    def __init__(self):
        import threading

        self.lock = threading.Lock()
        self.epochs = 0

    max_propagation_depth = None  # auto-propagated from the outermost estimator

    def setup(self, estimator, context):
        pass

    def teardown(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context):
        self.epochs += context.task_name == "epoch"


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_callbacks_never_reach_a_model_file(tmp_path, suffix):
    """A pipeline fitted and saved with callbacks set loads like any other."""
    recorder = _LockedRecorder()
    model = Pipeline(
        [
            ("windows", ContextWindowTransformer()),
            ("clf", CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=2)),
        ]
    ).set_callbacks(recorder)
    model.fit(["abid", "asha", "ravi", "uma"])
    assert recorder.epochs == 2
    path = save_model(model, tmp_path / f"model{suffix}")
    loaded = load_model(path, allow_pickle=suffix == ".joblib")
    assert not hasattr(loaded, "_skl_callbacks")
    np.testing.assert_array_equal(
        loaded.predict_proba(["abid"]), model.predict_proba(["abid"])
    )
    assert model._skl_callbacks == [recorder]  # the user's object keeps its hooks


def test_a_file_of_another_version_gives_one_warning_naming_it():
    # Before: one warning per estimator in the file (three for a sampler), each
    # naming a class but not the file, some pointing inside skops.
    path = Path(__file__).parents[1] / "data" / "sampler_v0.1.0.dev0.skops"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_model(path)
    versions = [w for w in caught if issubclass(w.category, ModelVersionWarning)]
    assert len(versions) == 1, [str(w.message) for w in versions]
    message = str(versions[0].message)
    assert message.startswith(f"{str(path)!r} was saved by sknextchar 0.1.0.dev0")
    assert "ContextWindowTransformer, CharEmbeddingMLPClassifier and NameSampler" in (
        message
    )
    assert versions[0].filename == __file__  # points at the caller's line


def test_a_version_warning_turned_into_an_error_is_not_called_corruption():
    path = Path(__file__).parents[1] / "data" / "pipeline_v0.1.0.dev0.skops"
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        with pytest.raises(ModelVersionWarning, match="was saved by sknextchar 0.1"):
            load_model(path)


def test_saving_a_fitted_search_says_to_save_its_best_estimator(tmp_path):
    from sklearn.model_selection import GridSearchCV

    from sknextchar import make_default_pipeline

    names = load_indian_names()[:200]
    pipe = make_default_pipeline().set_params(clf__max_iter=1)
    search = GridSearchCV(pipe, {"clf__embedding_dim": [2, 3]}, cv=2).fit(names)
    path = tmp_path / "search.skops"
    with pytest.raises(ValueError, match=r"save_model\(search\.best_estimator_, path"):
        save_model(search, path)
    assert not path.exists()
    save_model(search.best_estimator_, path)
    assert load_model(path).score(names[:20]) == search.best_estimator_.score(
        names[:20]
    )


@pytest.mark.parametrize("path", [3, b"m.skops", None])
def test_a_path_of_another_type_is_refused_by_both(pipe, tmp_path, path):
    with pytest.raises(TypeError, match="save_model writes a model file: pass its"):
        save_model(pipe, path)
    with pytest.raises(TypeError, match="load_model reads a model file: pass its"):
        load_model(path)


def test_an_empty_path_is_named_as_empty_not_as_a_folder(pipe):
    for call in (lambda: save_model(pipe, ""), lambda: load_model("")):
        with pytest.raises(FileNotFoundError, match=r"got an empty path \(''\)"):
            call()


def test_a_home_tilde_is_explained(pipe, tmp_path, monkeypatch, capsys):
    from sknextchar.cli import main

    monkeypatch.chdir(tmp_path)  # no folder named "~" here
    for call in (lambda: save_model(pipe, "~/m.skops"), lambda: load_model("~/m")):
        with pytest.raises(FileNotFoundError) as info:
            call()
        assert "No such folder: '~' in '~/m" in str(info.value)
        assert "pass os.path.expanduser(path)" in str(info.value)
    assert list(tmp_path.iterdir()) == []
    assert main(["sample", "~/m.skops"]) == 1  # as quoted in a shell
    err = capsys.readouterr().err
    assert "write the path without quotes, or in full" in err
    assert "expanduser" not in err
    # A folder that is really named "~" is a folder like any other.
    (tmp_path / "~").mkdir()
    assert load_model(save_model(pipe, "~/m.skops")).steps[0][0] == "windows"


# ------------------------------------------- work done once in a save or a load
def _counted(monkeypatch, owner, name):
    """The arguments of every call of ``owner.name`` from now on."""
    calls, original = [], getattr(owner, name)

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_loading_reads_the_schema_once_for_the_checks_and_once_for_skops(
    pipe, tmp_path, monkeypatch
):
    # skops' get_untrusted_types read it a third time, and made every object
    # node of the file a second time; now skops.io.load refuses the untrusted
    # types itself, and get_untrusted_types only tells why it refused a file.
    path = save_model(pipe, tmp_path / "m.skops")
    reads = _counted(monkeypatch, zipfile.ZipFile, "read")
    asked = _counted(monkeypatch, skops.io, "get_untrusted_types")
    load_model(path)
    assert [args[1] for args in reads].count("schema.json") == 2
    assert asked == []


def test_loading_reads_each_estimators_parameters_once(pipe, tmp_path, monkeypatch):
    path = save_model(pipe, tmp_path / "m.skops")
    calls = _counted(monkeypatch, BaseEstimator, "get_params")
    loaded = load_model(path)
    read = Counter(id(args[0]) for args in calls)
    assert read[id(loaded)] == 1 and set(read.values()) == {1}, read.values()


def test_a_skops_file_is_written_once_and_renamed_once(pipe, tmp_path, monkeypatch):
    # It was written by skops, read back and written again canonically beside
    # it, then renamed over the first: two renames and two writes of the model.
    replaced = _counted(monkeypatch, os, "replace")
    path = save_model(pipe, tmp_path / "m.skops")
    assert [Path(args[1]).name for args in replaced] == ["m.skops"]
    assert load_model(path).steps[1][1].coefs_[0].shape == (9, 8)


def test_an_archive_of_an_unexpected_layout_is_saved_as_skops_wrote_it(
    pipe, tmp_path, monkeypatch
):
    # write_canonical declines (False) an archive it does not know: the save
    # then writes skops' bytes unchanged, and the file still loads.
    handed = []

    def declines(data, target):
        handed.append(data)
        return False

    monkeypatch.setattr(sknextchar._persistence, "write_canonical", declines)
    path = save_model(pipe, tmp_path / "m.skops")
    assert len(handed) == 1 and path.read_bytes() == handed[0]
    with zipfile.ZipFile(path) as archive:  # not the canonical times
        assert {info.date_time for info in archive.infolist()} != {
            (1980, 1, 1, 0, 0, 0)
        }
    windows = pipe.steps[0][1].transform(["asha", "ravi"])
    np.testing.assert_array_equal(
        load_model(path).steps[1][1].predict_proba(windows),
        pipe.steps[1][1].predict_proba(windows),
    )
    assert [p.name for p in tmp_path.iterdir()] == ["m.skops"]
