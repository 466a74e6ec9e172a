"""A file of the user's that holds a model among other things is no model file.

A dict, list, set or tuple pickled with a model in it (``{"model": clf, "notes":
...}``, ``(vectorizer, clf)``), or a skops archive of a dict or an array, is the
user's data: load_model refuses it, and save_model, a Checkpoint and ``train
--force`` leave it untouched. A pickle or skops archive of a model itself is
still replaced.
"""

import io
import pathlib
import pickle
import zipfile

import joblib
import numpy as np
import pytest
import skops.io
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.utils import Bunch

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    _model_files,
    load_model,
    save_model,
)
from sknextchar._model_files import not_a_model_file
from sknextchar.callbacks import Checkpoint
from sknextchar.cli import main

NAMES = ["anna", "bob", "carla", "dave", "eve", "frank", "gina", "hugo"] * 3
DATA = pathlib.Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def model():
    return ContextWindowTransformer().fit(NAMES)


def containers(model):
    return {
        "dict": {"model": model, "notes": "kept for years"},
        "list": [LogisticRegression(), {"notes": "kept for years"}],
        "set": {model},
    }


@pytest.mark.parametrize("protocol", range(6))
@pytest.mark.parametrize("kind", ["dict", "list", "set"])
def test_a_pickled_container_of_a_model_is_kept(tmp_path, model, protocol, kind):
    path = tmp_path / "bundle.pkl"
    data = pickle.dumps(containers(model)[kind], protocol=protocol)
    path.write_bytes(data)
    # Protocols 0 to 3 pickle a set through builtins.set: a class of its own.
    with pytest.raises(FileExistsError, match="a Python pickle of data"):
        save_model(model, path)
    assert path.read_bytes() == data


TUPLE_HOWS = [f"pickle {p}" for p in range(6)] + ["joblib", "joblib zlib"]
TUPLE_HOWS += ["joblib gzip", "joblib bz2", "joblib lzma", "joblib xz"]


@pytest.mark.parametrize("size", [1, 2, 3, 4])
@pytest.mark.parametrize("how", TUPLE_HOWS)
def test_a_pickled_tuple_that_starts_with_a_model_is_kept(tmp_path, model, how, size):
    # The tuple is built last: its first class is the model's, its end is not.
    bundle = (model, LogisticRegression(), "kept for years", 4)[:size]
    path = tmp_path / "bundle.pkl"
    if how.startswith("joblib"):
        compress = (how.split()[-1], 3) if " " in how else 0
        joblib.dump(bundle, path, compress=compress)
    else:
        path.write_bytes(pickle.dumps(bundle, protocol=int(how[-1])))
    data = path.read_bytes()
    match = (
        "pickle of data .a tuple that holds a sknextchar[.\\w]+Transformer\\), not a"
    )
    with pytest.raises(FileExistsError, match=match):
        save_model(model, path)
    assert path.read_bytes() == data


@pytest.mark.parametrize("compress", [0, 3])
def test_a_joblib_dict_of_a_model_is_kept(tmp_path, model, compress):
    path = tmp_path / "bundle.joblib"
    joblib.dump({"model": model, "counts": np.ones(3)}, path, compress=compress)
    data = path.read_bytes()
    with pytest.raises(FileExistsError, match="pickle of data .a dict that holds"):
        save_model(model, path)
    assert path.read_bytes() == data


@pytest.mark.parametrize("compress", [0, 3, ("bz2", 3)])
@pytest.mark.parametrize("protocol", [0, 1])
def test_a_joblib_pickle_of_protocol_0_or_1_is_told_as_a_pickle(
    tmp_path, model, compress, protocol
):
    # Kept, but told as "a file of another kind (its first bytes: b'x^...')":
    # joblib writes an array's bytes raw, where pickletools reads no opcode,
    # and an inflated pickle without a PROTO opcode was not trusted.
    path = tmp_path / "bundle.joblib"
    bundle = {"model": model, "counts": np.ones(3)}
    joblib.dump(bundle, path, compress=compress, protocol=protocol)
    data = path.read_bytes()
    kind = "compressed" if compress else "Python"
    with pytest.raises(FileExistsError, match=f"a {kind} pickle of data .a dict that"):
        save_model(model, path)
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    "obj, shown",
    [({"model": "m", "notes": "x"}, "a dict"), (np.arange(3), "a numpy.ndarray")],
)
def test_a_skops_archive_of_data_is_kept(tmp_path, model, obj, shown):
    path = tmp_path / "data.skops"
    skops.io.dump(obj, path)
    data = path.read_bytes()
    with pytest.raises(FileExistsError, match=f"skops file of data .it holds {shown}"):
        save_model(model, path)
    windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)
    with pytest.raises(FileExistsError, match="skops file of data"):
        clf.set_callbacks(Checkpoint(path)).fit(windows)
    assert path.read_bytes() == data


@pytest.mark.parametrize("how", ["save_model", "skops.io.dump", "pickle", "joblib"])
def test_a_file_of_a_model_itself_is_still_replaced(tmp_path, model, how):
    path = tmp_path / ("m.pkl" if how in ("pickle", "joblib") else "m.skops")
    if how == "save_model":
        save_model(model, path)
    elif how == "skops.io.dump":  # skops' own layout: an indented schema
        skops.io.dump(model, path)
    elif how == "pickle":
        path.write_bytes(pickle.dumps(model))
    else:
        joblib.dump(model, path)
    assert not_a_model_file(path) is None
    save_model(model, path)
    assert load_model(path, allow_pickle=True).vocabulary_ == model.vocabulary_


def test_train_force_keeps_a_pickled_dict_of_a_model(tmp_path, capsys, model):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n")
    path = tmp_path / "bundle.pkl"
    buffer = io.BytesIO()
    pickle.dump({"model": model, "notes": "kept for years"}, buffer)
    path.write_bytes(buffer.getvalue())
    argv = ["train", str(names), "--model", "kneser-ney", "-o", str(path)]
    assert main([*argv, "--force", "-q"]) != 0
    err = capsys.readouterr().err
    assert "a dict that holds" in err and "--force replaces" in err
    assert "Traceback" not in err
    assert path.read_bytes() == buffer.getvalue()


def test_a_model_pickle_cut_short_is_told(tmp_path, model):
    path = tmp_path / "cut.pkl"
    data = pickle.dumps(model)[:-40]
    path.write_bytes(data)
    assert not_a_model_file(path).startswith("a Python pickle cut short")
    with pytest.raises(FileExistsError, match="cut short"):
        save_model(model, path)
    assert path.read_bytes() == data


# (bz2 inflates nothing of a block cut short: such a file is of "another kind".)
@pytest.mark.parametrize("kind", ["zlib", "gzip", "lzma", "xz"])
def test_a_compressed_model_pickle_cut_short_is_kept(tmp_path, model, kind):
    path = tmp_path / "cut.joblib"
    joblib.dump(model, path, compress=(kind, 3))
    assert not_a_model_file(path) is None
    data = path.read_bytes()[:-20]
    path.write_bytes(data)
    with pytest.raises(FileExistsError, match="a compressed pickle cut short"):
        save_model(model, path)
    assert path.read_bytes() == data


@pytest.mark.parametrize("how", ["pickle 0", "pickle 2", "pickle 5", "joblib", "skops"])
def test_a_bunch_of_results_is_kept(tmp_path, model, how):
    # A Bunch (what load_iris and permutation_importance return) is a dict.
    bunch = Bunch(model=model, scores=np.arange(3.0))
    path = tmp_path / "results.bin"
    if how == "skops":
        skops.io.dump(Bunch(scores=np.arange(3.0)), path)
    elif how == "joblib":
        joblib.dump(bunch, path, compress=3)
    else:
        path.write_bytes(pickle.dumps(bunch, protocol=int(how[-1])))
    data = path.read_bytes()
    with pytest.raises(FileExistsError, match=r"Bunch: a dict of results\), not a"):
        save_model(model, path)
    assert path.read_bytes() == data


def zip_bytes(schema, method=zipfile.ZIP_STORED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr("schema.json", schema)
    return buffer.getvalue()


def encrypted(data):
    # Set the "encrypted" flag of the member in its two zip headers.
    data = bytearray(data)
    for signature, offset in [(b"PK\x03\x04", 6), (b"PK\x01\x02", 8)]:
        data[data.index(signature) + offset] |= 1
    return bytes(data)


def unsupported(data):
    # A compression method zipfile cannot inflate (99: AES).
    data = bytearray(data)
    for signature, offset in [(b"PK\x03\x04", 8), (b"PK\x01\x02", 10)]:
        at = data.index(signature) + offset
        data[at : at + 2] = (99).to_bytes(2, "little")
    return bytes(data)


SKOPS_LIKE = b'{"__class__": "Pipeline", "__module__": "sklearn.pipeline"}'
ZIPS = {
    "another layout": zip_bytes(b'{"pages": 3, "__class__": "Pipeline"}'),
    "no JSON": zip_bytes(b"my own notes"),
    "encrypted": encrypted(zip_bytes(SKOPS_LIKE)),
    "unsupported compression": unsupported(zip_bytes(SKOPS_LIKE)),
}


@pytest.mark.parametrize("name", sorted(ZIPS))
def test_a_zip_with_a_schema_not_of_skops_is_kept(tmp_path, model, name):
    path = tmp_path / "archive.zip"
    path.write_bytes(ZIPS[name])
    with pytest.raises(FileExistsError, match="a zip archive that holds no model"):
        save_model(model, path)
    assert path.read_bytes() == ZIPS[name]
    path.write_bytes(zip_bytes(SKOPS_LIKE))  # the same, readable and in skops' layout
    assert not_a_model_file(path) is None


@pytest.mark.parametrize("name", ["pipeline", "sampler"])
def test_the_model_files_of_sknextchar_0_1_are_replaced(tmp_path, name):
    for suffix in ["skops", "joblib"] if name == "pipeline" else ["skops"]:
        old = DATA / f"{name}_v0.1.0.dev0.{suffix}"
        path = tmp_path / old.name
        path.write_bytes(old.read_bytes())
        assert not_a_model_file(path) is None


def test_a_tuple_memoized_as_98_is_no_model(tmp_path, model):
    # Protocols 1 to 3 end such a tuple with BINPUT 98, STOP: b"qb.", the bytes
    # of BUILD, STOP that end a model's pickle.
    path = tmp_path / "bundle.pkl"
    for protocol, items in [(1, 2), (2, 3)]:
        for n in range(200):
            rest = ([f"note {i}" for i in range(n)], "kept")[: items - 1]
            data = pickle.dumps((model, *rest), protocol=protocol)
            if data.endswith(b"qb."):
                break
        assert data.endswith(b"qb."), protocol  # found one to try
        path.write_bytes(data)
        assert not_a_model_file(path).startswith("a Python pickle of data (a tuple")


def test_the_messages_name_the_object_and_say_no_model_once(tmp_path, model):
    path = tmp_path / "windows.pkl"
    path.write_bytes(pickle.dumps(model.transform(NAMES)))
    kind = "a Python pickle of data (a sknextchar._windows.CharWindows)"
    assert not_a_model_file(path) == kind
    for obj in [model.transform(NAMES), {"model": model}, [model]]:
        path.write_bytes(pickle.dumps(obj))
        with pytest.raises(FileExistsError) as info:
            save_model(model, path)
        assert str(info.value).count("not a model") == 1, str(info.value)


@pytest.mark.parametrize("kind", ["zlib", "bz2"])
def test_a_large_compressed_file_is_told_from_its_head(
    tmp_path, model, monkeypatch, kind
):
    # Past _WHOLE_READ compressed bytes, only the head is inflated: a tuple of
    # four items or more is still told (a MARK starts it), a shorter one is not.
    monkeypatch.setattr(_model_files, "_WHOLE_READ", 64)
    path = tmp_path / "bundle.joblib"
    joblib.dump((model, 1, 2, 3), path, compress=(kind, 3))
    assert path.stat().st_size > 64
    assert "a tuple that holds" in not_a_model_file(path)
    joblib.dump((model, 1), path, compress=(kind, 3))
    assert not_a_model_file(path) is None


@pytest.fixture(scope="module")
def every_model():
    def pipe(clf):
        return make_pipeline(ContextWindowTransformer(context_length=2), clf)

    def mlp():
        return CharEmbeddingMLPClassifier(
            embedding_dim=2, hidden_layer_sizes=(4,), max_iter=1, random_state=0
        )

    labels = ["f" if name[-1] in "aei" else "m" for name in NAMES]
    grid = GridSearchCV(
        pipe(KneserNeyClassifier()),
        {"contextwindowtransformer__context_length": [1, 2]},
    )
    mixture = MixtureClassifier([("mlp", mlp()), ("kn", KneserNeyClassifier())])
    return {
        "mlp": pipe(mlp()).fit(NAMES),
        "kneser-ney": pipe(KneserNeyClassifier()).fit(NAMES),
        "mixture": pipe(mixture).fit(NAMES),
        "per label": pipe(PerLabelClassifier(KneserNeyClassifier())).fit(NAMES, labels),
        "sampler": NameSampler(pipe(KneserNeyClassifier())).fit(NAMES),
        "labels": NameLabelClassifier(pipe(mlp())).fit(NAMES, labels),
        "frozen": FrozenEstimator(pipe(KneserNeyClassifier()).fit(NAMES)),
        "grid": grid.fit(NAMES),
        "transformer": ContextWindowTransformer().fit(NAMES),
    }


@pytest.mark.parametrize(
    "name",
    ["mlp", "kneser-ney", "mixture", "per label", "sampler", "labels", "frozen"]
    + ["grid", "transformer"],
)
def test_every_kind_of_model_is_a_model_file(tmp_path, every_model, name):
    path = tmp_path / "model.bin"
    for protocol in range(6):
        for compress in [0, 3]:
            joblib.dump(every_model[name], path, compress=compress, protocol=protocol)
            assert not_a_model_file(path) is None, (protocol, compress)
        path.write_bytes(pickle.dumps(every_model[name], protocol=protocol))
        assert not_a_model_file(path) is None, protocol
