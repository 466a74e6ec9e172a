"""Ctrl-C during ``sknextchar train`` keeps the finished epochs in a new file."""

import re

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.cli._progress import EpochProgress
from sknextchar.datasets import load_indian_names

SMALL = ["--hidden-layer-sizes", "8", "--embedding-dim", "4", "--seed", "0"]


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(load_indian_names()[::80]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def ctrl_c_at(monkeypatch):
    """Press Ctrl-C when the given epoch ends (0: before the first one ends)."""

    def press(epoch):
        shown = EpochProgress.on_fit_task_end

        def on_fit_task_end(self, estimator, context, **kwargs):
            stop = shown(self, estimator, context, **kwargs)
            if context.task_name == "epoch" and self._epoch == epoch:
                raise KeyboardInterrupt
            return stop

        def on_fit_task_begin(self, estimator, context, **kwargs):
            if context.task_name == "epoch":  # the first epoch starts
                raise KeyboardInterrupt

        if epoch:
            monkeypatch.setattr(EpochProgress, "on_fit_task_end", on_fit_task_end)
        else:
            monkeypatch.setattr(EpochProgress, "on_fit_task_begin", on_fit_task_begin)

    return press


def kept_files(folder):
    return sorted(folder.glob("model.unsaved-*.skops"))


def test_ctrl_c_keeps_the_finished_epochs_in_a_new_file(
    names_file, tmp_path, ctrl_c_at, capsys
):
    ctrl_c_at(2)
    output = tmp_path / "model.skops"
    status = main(["train", names_file, *SMALL, "--max-iter", "5", "-o", str(output)])
    err = capsys.readouterr().err
    assert status == 130 and "Traceback" not in err
    assert not output.exists()  # -o is never written by an interrupted run
    [kept] = kept_files(tmp_path)
    assert "after 2 finished epochs of 5" in err
    assert f"{str(output)!r} was not created" in err
    assert f"saved to {str(kept)!r}" in err and "--resume" in err
    assert "nothing was saved" not in err
    sampler = load_model(kept)
    assert len(sampler.estimator_.estimator["clf"].loss_curve_) == 2
    assert len(sampler.sample(3, random_state=0)) == 3  # a model that works


def test_the_kept_model_goes_on_training_with_resume(
    names_file, tmp_path, ctrl_c_at, capsys
):
    ctrl_c_at(2)
    output = tmp_path / "model.skops"
    argv = ["train", names_file, *SMALL, "--max-iter", "4", "-o", str(output)]
    assert main([*argv, "--validation-fraction", "0"]) == 130
    [kept] = kept_files(tmp_path)
    capsys.readouterr()
    more = tmp_path / "more.skops"
    argv = ["train", names_file, "--resume", str(kept), "--max-iter", "4", "-q"]
    assert main([*argv, "-o", str(more)]) == 0, capsys.readouterr().err
    clf = load_model(more).estimator_.estimator["clf"]
    assert len(clf.loss_curve_) == 4


def test_an_existing_output_is_left_as_it_was(names_file, tmp_path, ctrl_c_at, capsys):
    output = tmp_path / "model.skops"
    assert main(["train", names_file, *SMALL, "--max-iter", "1", "-o", str(output),
                 "-q"]) == 0  # fmt: skip
    before = output.read_bytes()
    ctrl_c_at(2)
    argv = ["train", names_file, *SMALL, "--max-iter", "3", "-o", str(output)]
    assert main([*argv, "--force"]) == 130
    err = capsys.readouterr().err
    assert output.read_bytes() == before
    assert f"{str(output)!r} is as it was" in err
    [kept] = kept_files(tmp_path)
    assert re.search(r"saved to '.*model\.unsaved-.*\.skops' instead", err)


def test_ctrl_c_before_an_epoch_ends_saves_nothing(
    names_file, tmp_path, ctrl_c_at, capsys
):
    ctrl_c_at(0)
    output = tmp_path / "model.skops"
    status = main(["train", names_file, *SMALL, "--max-iter", "3", "-o", str(output)])
    err = capsys.readouterr().err
    assert status == 130 and "nothing was saved" in err and "Traceback" not in err
    assert not output.exists() and kept_files(tmp_path) == []
