"""--force is the advice only when nothing else would fail: train in chunks and
train --resume refuse an existing -o after their other checks; plot tells what
no suffix changes (a stream, an empty path, a missing folder) before the suffix."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, save_model
from sknextchar.cli import main

NAMES = "asha\nravi\nsita\nomar\nanil\nmira\numa\nzoya\n"


@pytest.fixture
def files(tmp_path):
    """A names file, and a model file that -o names (a model: --force may
    replace it)."""
    names = tmp_path / "names.txt"
    names.write_text(NAMES, encoding="utf-8")
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    model = save_model(pipe.fit(NAMES.split()), tmp_path / "kn.skops")
    return str(names), model


def _run(capsys, *argv):
    status = main([*map(str, argv), "-q"])
    return status, capsys.readouterr().err


def test_chunked_training_tells_its_flags_before_force(files, capsys):
    names, output = files
    old = output.read_bytes()
    argv = ["train", names, "--chunk-size", "4", "--validation-fraction", "0.2"]
    status, err = _run(capsys, *argv, "-o", output)
    assert status == 1 and "--chunk-size holds out no names" in err, err
    assert "--force" not in err and output.read_bytes() == old


def test_resume_tells_a_model_it_cannot_continue_before_force(files, capsys):
    names, output = files
    old = output.read_bytes()
    copy = output.with_name("copy.skops")
    copy.write_bytes(old)
    status, err = _run(capsys, "train", names, "--resume", output, "-o", copy)
    assert status == 1 and "pass --force" not in err, err
    assert "kneser" in err.lower() or "count model" in err, err
    assert copy.read_bytes() == old


def test_an_existing_model_is_still_refused_without_force(files, capsys):
    names, output = files
    old = output.read_bytes()
    argv = ["train", names, "--chunk-size", "4", "--max-iter", "1", "-o", output]
    status, err = _run(capsys, *argv)
    assert status == 1 and "pass --force" in err and output.read_bytes() == old
    status, err = _run(capsys, *argv, "--force")
    assert status == 0 and output.read_bytes() != old, err


@pytest.mark.parametrize(
    ("output", "said"),
    [
        ("/dev/stdout", "names an open file of a process"),
        ("", "the path is empty. Give -o a picture file, such as 'loss.png'"),
        ("nodir/", "no such folder"),
    ],
)
def test_plot_tells_what_no_suffix_changes_before_the_suffix(
    files, capsys, output, said
):
    # A suffix would not help these: the advice to add one is not given.
    _, model = files
    status = main(["plot", str(model), "--loss", "-o", output])
    err = capsys.readouterr().err
    assert status == 1 and said in err, err
    assert "suffix" not in err
