"""``sknextchar table MODEL CONTEXT`` with a file as CONTEXT: a names file or a
model file passed by mistake is pointed out, with advice that fits ``table``,
as score and classify point out a NAME that is a file."""

import shlex

import pytest

from sknextchar.cli import main


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("table")
    names = folder / "names.txt"
    names.write_text("abc\nbbc\nabd\nbbd\ncab\n", encoding="utf-8")
    model = str(folder / "m.skops")
    train = ["train", str(names), "--model", "kneser-ney", "-q", "-o", model]
    assert main(train) == 0
    return str(names), model


def test_a_names_file_as_context_is_pointed_out(files, capsys):
    names, model = files
    capsys.readouterr()
    assert main(["table", model, names]) == 1
    err = capsys.readouterr().err
    assert f"CONTEXT {names!r} is a file on disk" in err
    assert f"sknextchar score {shlex.quote(model)} --names-file" in err
    assert "Traceback" not in err and "outside the vocabulary" not in err


def test_a_model_file_as_context_says_model_comes_first(files, capsys):
    names, model = files
    capsys.readouterr()
    assert main(["table", names, model]) == 1
    err = capsys.readouterr().err
    assert f"CONTEXT {model!r} is a file on disk" in err
    advice = f"the model file is MODEL, the first argument: sknextchar table {model}"
    assert advice in err


def test_a_context_with_a_dot_beside_a_file_of_that_name_is_shown(
    files, capsys, tmp_path, monkeypatch
):
    # No "/" and a space: not shaped like a path, read as a context.
    _, model = files
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ab. c").write_text("x\n", encoding="utf-8")
    capsys.readouterr()
    main(["table", model, "ab. c"])
    assert "is a file on disk" not in capsys.readouterr().err


def test_a_plain_context_still_prints_the_table(files, capsys):
    _, model = files
    capsys.readouterr()
    assert main(["table", model, "ab"]) == 0
    assert "end marker" in capsys.readouterr().out
