"""A TypeError on the command line is a bug, shown as one, unless a check of
what the user gave raised it (a WrongKindError): then it is one line.

Every TypeError printed as ``sknextchar: error: ...``, so a bug (a crash on a
Turkish capital I with a dot, a function called with the wrong arguments) hid
as a one-line error that looked like the user's mistake.
"""

import joblib
import pytest
from sklearn.pipeline import make_pipeline

import sknextchar._state_checks as state_checks
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    load_model,
    save_model,
)
from sknextchar._wrong_kind import WrongKindError
from sknextchar.cli import main

NAMES = ["abid", "asha", "ravi", "mira", "arun", "devi", "amit", "sita"]


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(4,), max_iter=1, random_state=0
    )
    pipe = make_pipeline(ContextWindowTransformer(), clf).fit(NAMES)
    return save_model(pipe, tmp_path_factory.mktemp("m") / "m.skops")


def _wrong_files(folder):
    joblib.dump({"weights": [1, 2]}, folder / "dict.joblib")
    alone = make_pipeline(ContextWindowTransformer()).fit(NAMES)
    return [
        (["--trust-pickle"], folder / "dict.joblib", "holds a dict, not a model"),
        ([], save_model(alone, folder / "alone.skops"), "needs a Pipeline of a"),
        ([], save_model(alone[0], folder / "t.skops"), "not a model saved by"),
    ]


@pytest.mark.parametrize("command", [["sample"], ["score", "{}", "asha"]])
def test_a_file_of_the_wrong_kind_is_one_line(tmp_path, capsys, command):
    for flags, path, told in _wrong_files(tmp_path):
        argv = [*command[:1], str(path), *command[2:], *flags]
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and told in err, err
        assert err.startswith("sknextchar: error: ")


def test_python_users_still_catch_a_type_error(tmp_path):
    joblib.dump({"weights": [1, 2]}, tmp_path / "dict.joblib")
    with pytest.raises(TypeError, match="holds a dict, not a model") as caught:
        load_model(tmp_path / "dict.joblib", allow_pickle=True)
    assert isinstance(caught.value, WrongKindError)


@pytest.mark.parametrize("command", [["sample", "-n", "2"], ["score", "asha"]])
def test_an_internal_type_error_is_not_told_as_the_users(
    model_file, monkeypatch, capsys, command
):
    """A bug deep inside: its traceback, not 'sknextchar: error: ...'."""

    def bug(model):
        return None + 1  # TypeError: unsupported operand type(s)

    monkeypatch.setattr(state_checks, "is_unfitted", bug)
    with pytest.raises(TypeError, match="unsupported operand"):
        main([command[0], str(model_file), *command[1:]])
    assert "sknextchar: error:" not in capsys.readouterr().err
