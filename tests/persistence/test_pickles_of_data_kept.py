"""A pickle or joblib file of the user's own data is never replaced by a model.

Only a pickle whose first class is scikit-learn's or sknextchar's is a model
file: its opcodes are read (never run), also inside joblib's compressed files.
"""

import io
import pickle

import joblib
import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar._model_files import not_a_model_file
from sknextchar.callbacks import Checkpoint
from sknextchar.cli import main

NAMES = ["anna", "bob", "carla", "dave", "eve", "frank", "gina", "hugo"] * 3
COMPRESSIONS = ["zlib", "gzip", "bz2", "lzma", "xz"]


@pytest.fixture(scope="module")
def model():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


def joblib_bytes(obj, **kwargs):
    buffer = io.BytesIO()
    joblib.dump(obj, buffer, **kwargs)
    return buffer.getvalue()


DATA = {
    **{
        f"{what} protocol {protocol}": pickle.dumps(obj, protocol=protocol)
        for protocol in range(6)
        for what, obj in [
            ("names", NAMES),
            ("dict", {"name": NAMES, "count": 3}),
            ("array", np.arange(24)),
            ("set", set(NAMES)),
            ("bytes", [b"anna", b"bob"]),
        ]
    },
    "joblib array": joblib_bytes(np.arange(24)),
    "joblib dict": joblib_bytes({"names": NAMES, "counts": np.ones(3)}),
    **{
        f"joblib {kind}": joblib_bytes({"names": NAMES}, compress=(kind, 3))
        for kind in COMPRESSIONS
    },
}


@pytest.mark.parametrize("name", sorted(DATA))
def test_a_pickle_of_data_is_kept(tmp_path, model, name):
    path = tmp_path / "data.pkl"
    path.write_bytes(DATA[name])
    with pytest.raises(FileExistsError, match="a (Python|compressed) pickle of data"):
        save_model(model, path)
    assert path.read_bytes() == DATA[name]


def model_bytes(model, how):
    if how.startswith("pickle"):
        return pickle.dumps(model, protocol=int(how[-1]))
    if how == "joblib":
        return joblib_bytes(model)
    return joblib_bytes(model, compress=(how.split()[-1], 3))


HOWS = [f"pickle {p}" for p in range(6)] + ["joblib"]
HOWS += [f"joblib {kind}" for kind in COMPRESSIONS]


@pytest.mark.parametrize("how", HOWS)
def test_a_model_of_any_pickle_protocol_is_replaced(tmp_path, model, how):
    path = tmp_path / "model.pkl"
    for old in [model, ContextWindowTransformer().fit(NAMES)]:
        path.write_bytes(model_bytes(old, how))
        assert not_a_model_file(path) is None
    save_model(model, path)
    assert isinstance(load_model(path, allow_pickle=True), NameSampler)


def test_a_large_compressed_model_is_told_from_its_first_bytes(tmp_path):
    # bz2 inflates nothing before a whole block: more than the first 4 KiB.
    rng = np.random.default_rng(0)
    names = ["".join(rng.choice(list("abcdefghij"), 8)) for _ in range(3000)]
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(64,), max_iter=1)
    big = make_pipeline(ContextWindowTransformer(), clf).fit(names)
    for kind in ["bz2", "zlib"]:
        data = joblib_bytes(big, compress=(kind, 3))
        assert len(data) > 4 * 4096  # more than the first bytes read
        path = tmp_path / f"big-{kind}.joblib"
        path.write_bytes(data)
        assert not_a_model_file(path) is None


def test_a_checkpoint_keeps_a_pickle_of_data(tmp_path):
    path = tmp_path / "data.pkl"
    path.write_bytes(DATA["names protocol 5"])
    windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)
    with pytest.raises(FileExistsError, match="a Python pickle of data"):
        clf.set_callbacks(Checkpoint(path)).fit(windows)
    assert path.read_bytes() == DATA["names protocol 5"]


def test_the_command_line_force_keeps_a_joblib_file_of_data(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n")
    path = tmp_path / "counts.joblib"
    path.write_bytes(DATA["joblib array"])
    argv = ["train", str(names), "--model", "kneser-ney", "-o", str(path)]
    assert main([*argv, "--force", "-q"]) != 0
    err = capsys.readouterr().err
    assert "a Python pickle of data" in err and "--force replaces" in err
    assert "Traceback" not in err
    assert path.read_bytes() == DATA["joblib array"]


@pytest.mark.parametrize("repeat", [1, 2000])
def test_a_file_of_names_that_starts_like_a_pickle_is_a_text_file(tmp_path, repeat):
    # "c" is pickle's GLOBAL opcode: "carlos\nmaria\n" reads as one, then no more.
    path = tmp_path / "names.txt"
    path.write_text("carlos\nmaria\nanna\n" * repeat)
    assert not_a_model_file(path) == "a text file (first line: 'carlos')"
