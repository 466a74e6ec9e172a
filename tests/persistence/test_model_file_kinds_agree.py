"""A file that is no model file is described alike by save_model, Checkpoint and
load_model: one reading of its first bytes (UTF-16 with its byte-order mark
included), one wording."""

import codecs

import pytest

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    load_model,
    save_model,
)
from sknextchar._model_files import PICKLE_MAGICS, ZIP_MAGIC, first_text_line
from sknextchar.callbacks import Checkpoint
from sknextchar.datasets._file_kinds import not_text_message

TEXTS = {
    "utf-16": ("Asha\nRavi\n".encode("utf-16"), "a text file (first line: 'Asha')"),
    "utf-16-be": (
        codecs.BOM_UTF16_BE + "Asha\nRavi\n".encode("utf-16-be"),
        "a text file (first line: 'Asha')",
    ),
    "latin-1": ("zoë\n".encode("latin-1"), "a text file (first line: 'zoë')"),
    "utf-8 then latin-1": (
        "Zoë\n".encode() + "zoë\n".encode("latin-1"),
        "a text file (first line: 'Zoë')",
    ),
    "blank": (b"\n  \n", "a text file of blank lines"),
    "bom then a blank line": (
        "\ufeff\nname\n".encode(),
        "a text file (first line: 'name')",
    ),
}


def refusals(path):
    """The messages of save_model, Checkpoint and load_model on ``path``."""
    windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
    with pytest.raises(FileExistsError) as saving:
        save_model(ContextWindowTransformer().fit(["abid"]), path)
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)
    with pytest.raises(FileExistsError) as checkpoint:
        clf.set_callbacks(Checkpoint(path)).fit(windows)
    with pytest.raises(ValueError) as loading:
        load_model(path)
    return str(saving.value), str(checkpoint.value), str(loading.value)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_text_file_is_named_alike_when_saving_and_loading(tmp_path, name):
    data, kind = TEXTS[name]
    path = tmp_path / "names.skops"
    path.write_bytes(data)
    saving, checkpoint, loading = refusals(path)
    assert f"it is {kind}, not a model file; a model replaces" in saving
    assert checkpoint == saving
    assert f"is not a skops file but {kind}, perhaps a file of names" in loading
    assert path.read_bytes() == data


def test_a_binary_file_is_named_once_as_no_model_file(tmp_path):
    path = tmp_path / "blob.skops"
    path.write_bytes(b"\x00\x01\x02\x03" * 16)
    saving, checkpoint, _ = refusals(path)
    assert saving.count("model file") == 2  # "not a model file", "existing model file"
    assert "it is a file of another kind (its first bytes: b'\\x00\\x01" in saving
    assert checkpoint == saving


def test_the_first_text_line_of_a_head():
    assert first_text_line(b"a" * 4095 + b"\xc3") == "a" * 37 + "..."  # a cut "é"
    assert first_text_line(b"zo\xeb") == "zoë"  # Latin-1, not a cut character
    assert first_text_line(b"\x1f\x8b\x08\x00") is None
    assert first_text_line(PICKLE_MAGICS[-1] + b"\x95") is None
    assert first_text_line(b"x" * 50, n_chars=10) == "xxxxxxx..."


@pytest.mark.parametrize("magic", [*PICKLE_MAGICS, ZIP_MAGIC])
def test_the_readers_of_names_tell_model_files_by_the_same_bytes(tmp_path, magic):
    path = tmp_path / "model.bin"
    path.write_bytes(magic + b"\x00" * 32)
    assert "not a text file of names" in not_text_message(str(path))
