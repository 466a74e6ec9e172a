"""The advice after Ctrl-C in ``train`` names only a command that works."""

import pytest

from sknextchar.cli import main
from sknextchar.cli._progress import EpochProgress
from sknextchar.datasets import load_indian_names

SMALL = ["--hidden-layer-sizes", "8", "--embedding-dim", "4", "--seed", "0"]


@pytest.fixture
def ctrl_c_after_epoch_1(monkeypatch):
    shown = EpochProgress.on_fit_task_end

    def on_fit_task_end(self, estimator, context, **kwargs):
        stop = shown(self, estimator, context, **kwargs)
        if context.task_name == "epoch" and self._epoch == 1:
            raise KeyboardInterrupt
        return stop

    monkeypatch.setattr(EpochProgress, "on_fit_task_end", on_fit_task_end)


def test_a_model_by_label_is_not_offered_resume(tmp_path, ctrl_c_after_epoch_1, capsys):
    names = tmp_path / "kids.csv"
    first = load_indian_names()[:60]
    rows = [f"{name},{'fm'[i % 2]}\n" for i, name in enumerate(first)]
    names.write_text("name,sex\n" + "".join(rows), encoding="utf-8")
    output = tmp_path / "model.skops"
    argv = ["train", str(names), "--labels", "sex", *SMALL, "--max-iter", "3"]
    assert main([*argv, "-o", str(output)]) == 130
    err = capsys.readouterr().err
    assert "saved to" in err and "mv " in err
    assert "--resume" not in err  # --resume refuses a model of names by label


def test_the_names_file_is_named_in_the_resume_advice(
    tmp_path, ctrl_c_after_epoch_1, capsys
):
    names = tmp_path / "my names.txt"
    names.write_text("\n".join(load_indian_names()[:60]) + "\n", encoding="utf-8")
    output = tmp_path / "model.skops"
    argv = ["train", str(names), *SMALL, "--max-iter", "3", "-o", str(output)]
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert f"(sknextchar train '{names}' --resume " in err
