"""A model replaces a model file only: never a file of names or any other file.

save_model and a Checkpoint re-save models over older ones (a checkpoint
rewrites its own file every epoch), but a target that exists and is no model
file (a file of names, a CSV table, a picture...) is refused and left
byte-identical, also through a symbolic link; a Checkpoint refuses it before
training.
"""

import gzip
import os
import pickle
import zipfile

import joblib
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    load_model,
    save_model,
)
from sknextchar._model_files import not_a_model_file
from sknextchar.callbacks import Checkpoint, History

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi"]
NAMES_TEXT = "asha\nravi\numa\n"


@pytest.fixture(scope="module")
def model():
    return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier()).fit(NAMES)


def _other_files(folder):
    """Files that are no model, each with its bytes."""
    files = {
        "names.txt": NAMES_TEXT.encode(),
        # Names starting with "c" are no old pickle's GLOBAL opcode.
        "c_names.txt": b"carlos\nclara\ncopy\n",
        "names.skops": NAMES_TEXT.encode(),  # a model's suffix changes nothing
        "latin1.txt": "José\nZoë\n".encode("latin-1"),
        "table.csv": b"name,count\nasha,3\n",
        "picture.png": b"\x89PNG\r\n\x1a\n" + bytes(range(40)),
        "names.gz": gzip.compress(NAMES_TEXT.encode()),  # gzip, but no pickle
    }
    with zipfile.ZipFile(folder / "names.zip", "w") as archive:
        archive.writestr("names.txt", NAMES_TEXT)
    files["names.zip"] = (folder / "names.zip").read_bytes()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def test_save_model_never_replaces_a_file_that_is_no_model(model, tmp_path):
    files = _other_files(tmp_path)
    for name, data in files.items():
        with pytest.raises(FileExistsError) as caught:
            save_model(model, tmp_path / name)
        message = str(caught.value)
        assert repr(str(tmp_path / name)) in message and "not a model file" in message
        assert "another path" in message and "delete the file first" in message
        assert (tmp_path / name).read_bytes() == data
    assert sorted(os.listdir(tmp_path)) == sorted(files)  # no temporary file


def test_the_message_shows_what_the_file_holds(model, tmp_path):
    (tmp_path / "names.txt").write_text(NAMES_TEXT)
    with pytest.raises(FileExistsError, match=r"a text file \(first line: 'asha'\)"):
        save_model(model, tmp_path / "names.txt")


def test_a_symlink_to_a_names_file_is_refused_and_both_are_kept(model, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text(NAMES_TEXT)
    link = tmp_path / "model.skops"
    link.symlink_to(names)
    with pytest.raises(FileExistsError, match="it leads to .*names.txt.*, a text file"):
        save_model(model, link)
    assert names.read_text() == NAMES_TEXT and link.is_symlink()


@pytest.mark.parametrize(
    "suffix, dump",
    [
        (".skops", lambda m, p: save_model(m, p)),
        (".joblib", lambda m, p: save_model(m, p)),
        (".pkl", lambda m, p: p.write_bytes(pickle.dumps(m, protocol=2))),
        # Protocols 0 and 1 have no PROTO opcode: told by their first GLOBAL.
        (".pkl", lambda m, p: p.write_bytes(pickle.dumps(m, protocol=0))),
        (".pkl", lambda m, p: p.write_bytes(pickle.dumps(m, protocol=1))),
        *(
            (".joblib", lambda m, p, c=c: joblib.dump(m, p, compress=(c, 3)))
            for c in ("zlib", "gzip", "bz2", "lzma", "xz")
        ),
        (".skops", lambda m, p: p.write_bytes(b"")),  # empty: nothing to lose
    ],
)
def test_a_model_file_or_an_empty_one_is_replaced(model, tmp_path, suffix, dump):
    path = tmp_path / f"m{suffix}"
    dump(ContextWindowTransformer().fit(["uma"]), path)
    assert not_a_model_file(path) is None
    save_model(model, path)
    loaded = load_model(path, allow_pickle=suffix != ".skops")
    assert loaded[0].vocabulary_ == model[0].vocabulary_


def test_the_same_model_saved_twice(model, tmp_path):
    first = save_model(model, tmp_path / "m.skops").read_bytes()
    assert save_model(model, tmp_path / "m.skops").read_bytes() == first


def _mlp_pipeline(max_iter=2):
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=max_iter, random_state=0
    )
    return make_pipeline(ContextWindowTransformer(), clf)


@pytest.mark.parametrize("through_link", [False, True])
def test_checkpoint_refuses_a_names_file_before_training(tmp_path, through_link):
    names = tmp_path / "names.txt"
    names.write_text(NAMES_TEXT)
    target = names
    if through_link:
        target = tmp_path / "last.skops"
        target.symlink_to(names)
    history = History()
    pipe = _mlp_pipeline().set_callbacks(Checkpoint(target), history)
    with pytest.raises(FileExistsError, match="not a model file"):
        pipe.fit(NAMES)
    assert history.records == []  # refused before the first epoch
    assert not hasattr(pipe[-1], "loss_curve_")
    assert names.read_text() == NAMES_TEXT


def test_checkpoint_rewrites_its_own_file_in_every_fit(tmp_path):
    checkpoint = Checkpoint(tmp_path / "last.skops")
    pipe = _mlp_pipeline().set_callbacks(checkpoint)
    pipe.fit(NAMES)
    pipe.fit(NAMES)  # the file of the first fit is a model: replaced
    assert [path.name for path in checkpoint.paths] == ["last.skops"] * 4
    assert len(load_model(tmp_path / "last.skops").loss_curve_) == 2
