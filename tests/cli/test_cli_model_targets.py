"""The command line's -o and NAME: a model replaces a model file only, even
with --force, refused before training; a blank NAME is shown as given."""

import pytest

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    save_model,
)
from sknextchar.cli import main

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi", "amit", "sita"]
OTHER_NAMES = "zoya\nmira\n"


def _run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n")
    return path


def _no_training(*args, **kwargs):
    raise AssertionError("trained before the output was checked")


@pytest.mark.parametrize("force", [[], ["--force"]])
@pytest.mark.parametrize("how", [["--model", "kneser-ney"], ["--chunk-size", "4"], []])
def test_train_never_replaces_another_names_file(
    names_file, tmp_path, capsys, monkeypatch, force, how
):
    for method in ("fit", "partial_fit"):
        for model in (CharEmbeddingMLPClassifier, KneserNeyClassifier):
            monkeypatch.setattr(model, method, _no_training)
    other = tmp_path / "girls.txt"
    other.write_text(OTHER_NAMES)
    status, _, err = _run(capsys, "train", names_file, *how, "-o", other, *force)
    assert status == 1 and err.count("\n") == 1
    assert "girls.txt" in err and "a text file (first line: 'zoya')" in err
    assert "--force replaces a model file only" in err and "-o another file" in err
    assert other.read_text() == OTHER_NAMES


def test_train_with_force_replaces_a_model_file(names_file, tmp_path, capsys):
    output = tmp_path / "m.skops"
    save_model(ContextWindowTransformer().fit(["uma"]), output)
    argv = ["train", names_file, "--model", "kneser-ney", "-o", output, "-q"]
    status, _, err = _run(capsys, *argv)
    assert status == 1 and "pass --force to replace it" in err
    status, _, _ = _run(capsys, *argv, "--force")
    assert status == 0


@pytest.mark.parametrize("command", ["score", "classify"])
@pytest.mark.parametrize("blank", ["", "  ", "\t"])
def test_a_blank_name_argument_is_shown_as_given(tmp_path, capsys, command, blank):
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    path = save_model(model.fit(NAMES), tmp_path / "m.skops")
    status, _, err = _run(capsys, command, path, "asha", blank)
    assert status == 1 and err.count("\n") == 1
    assert f"NAME {blank!r} is blank" in err and "remove it from names" not in err
    assert "Leave it out" in err
