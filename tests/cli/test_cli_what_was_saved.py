"""What ``train`` says of ``-o`` and of the kept model when it stops early.

Three paths say it: a failed save (or Ctrl-C while saving), Ctrl-C during the
training (or after it, once the finished epochs were kept) and Ctrl-C before
any epoch ended (the entry point). They say it in the same words, and the
``mv`` they advise works as it is copied.
"""

import os
import re
import shlex
import subprocess

import pytest

import sknextchar.cli._saving as saving
from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.cli._progress import EpochProgress
from sknextchar.cli._what_was_saved import move_command, target_left
from sknextchar.datasets import load_indian_names

SMALL = ["--hidden-layer-sizes", "4", "--embedding-dim", "2", "--seed", "0"]


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(load_indian_names()[:40]) + "\n", encoding="utf-8")
    return str(path)


def ctrl_c_when(monkeypatch, task):
    """Press Ctrl-C when the first ``task`` ("epoch" or "fit") ends."""
    shown = EpochProgress.on_fit_task_end

    def on_fit_task_end(self, estimator, context, **kwargs):
        stop = shown(self, estimator, context, **kwargs)
        if context.task_name == task:
            raise KeyboardInterrupt
        return stop

    monkeypatch.setattr(EpochProgress, "on_fit_task_end", on_fit_task_end)


def ctrl_c_before_an_epoch(monkeypatch):
    def on_fit_task_begin(self, estimator, context, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(EpochProgress, "on_fit_task_begin", on_fit_task_begin)


def fail_the_save(monkeypatch, error):
    """The save to -o fails with ``error``; the fallback file is written."""
    save = saving.save_model

    def save_model(model, path, **kwargs):
        if ".unsaved-" not in os.fspath(path):
            raise error
        return save(model, path, **kwargs)

    monkeypatch.setattr(saving, "save_model", save_model)


PATHS = {
    "before an epoch": ctrl_c_before_an_epoch,
    "after an epoch": lambda monkeypatch: ctrl_c_when(monkeypatch, "epoch"),
    "after the training": lambda monkeypatch: ctrl_c_when(monkeypatch, "fit"),
    "while saving": lambda monkeypatch: fail_the_save(monkeypatch, KeyboardInterrupt),
}


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("target", ["missing", "existing", "dangling link"])
def test_every_path_says_alike_what_became_of_the_output(
    names_file, tmp_path, capsys, monkeypatch, path, target
):
    output = tmp_path / "model.skops"
    force = []
    if target == "existing":
        assert main(["train", names_file, *SMALL, "--max-iter", "1", "-q",
                     "-o", str(output)]) == 0  # fmt: skip
        force = ["--force"]
    elif target == "dangling link":
        output.symlink_to(tmp_path / "nowhere.skops")
    capsys.readouterr()
    PATHS[path](monkeypatch)
    argv = ["train", names_file, *SMALL, "--max-iter", "2", "-o", str(output)]
    assert main([*argv, *force]) == 130
    err = capsys.readouterr().err
    # A dangling link names no file: -o "was not created", as the entry point
    # (Ctrl-C before an epoch) and the save say; the link is left as it was.
    assert target_left(str(output), target == "existing") in err, err
    assert target_left(str(output), target != "existing") not in err, err
    if target == "dangling link":
        assert output.is_symlink() and not output.exists()


@pytest.mark.parametrize("output", ["-model.skops", "my 'model'.skops"])
@pytest.mark.parametrize("path", ["failed save", "after the training"])
def test_the_advised_mv_moves_the_kept_model_into_place(
    names_file, tmp_path, capsys, monkeypatch, output, path
):
    monkeypatch.chdir(tmp_path)
    if path == "failed save":
        fail_the_save(monkeypatch, OSError(28, "No space left on device"))
    else:
        PATHS[path](monkeypatch)
    argv = ["train", names_file, *SMALL, "--max-iter", "2", f"--output={output}"]
    assert main(argv) in (1, 130)
    err = capsys.readouterr().err
    [command] = re.findall(r"\((mv .*?)\)", err)
    done = subprocess.run(
        command, shell=True, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, (command, done.stderr)
    assert list(tmp_path.glob("*.unsaved-*")) == []  # moved, not copied
    assert len(load_model(tmp_path / output).sample(2, random_state=0)) == 2


@pytest.mark.parametrize(
    "output", ["m.skops", "-m.skops", "--force", "my model.skops", "/abs/-m.skops"]
)
def test_move_command_names_the_two_files_and_no_option(output):
    kept = "/tmp/-m.unsaved-x1 y.skops"
    words = shlex.split(move_command(kept, output))
    assert words[0] == "mv" and len(words) == 3
    assert not any(word.startswith("-") for word in words[1:])
    assert os.path.normpath(words[2]) == os.path.normpath(output)
    assert words[1] == kept
