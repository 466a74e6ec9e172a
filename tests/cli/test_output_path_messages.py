"""An empty -o and a loop of symbolic links are named as what they are."""

import os

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, save_model
from sknextchar.cli import main


@pytest.fixture
def names(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\nravi\nmeena\n", encoding="utf-8")
    return str(path)


def _train(names, output):
    return main(["train", names, "-o", output, "--model", "kneser-ney", "-q"])


def test_an_empty_output_is_called_empty_not_a_folder(names, capsys):
    assert _train(names, "") == 1
    err = capsys.readouterr().err
    assert "the path is empty" in err and "folder" not in err, err


@pytest.fixture
def loop(tmp_path):
    path = tmp_path / "loop.skops"
    os.symlink(path.name, path)  # a link to itself
    return str(path)


def test_a_loop_of_links_as_output_is_named(names, loop, capsys):
    assert _train(names, loop) == 1
    err = capsys.readouterr().err
    assert "loop of links" in err and "rm " in err, err
    assert "Errno" not in err


def test_save_model_names_a_loop_of_links(loop):
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    pipe.fit(["asha", "ravi"])
    with pytest.raises(OSError, match="loop of links") as info:
        save_model(pipe, loop)
    assert "Errno" not in str(info.value)
