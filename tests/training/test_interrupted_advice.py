"""The advice after Ctrl-C in ``train`` names only a command that works: the
``train --resume`` line it offers reads the names as the interrupted run read
them (its column, counts, header and encoding), writes the ``-o`` the run was
to write (as it was to: --format, --force), and trains the epochs left of
--max-iter; once every epoch trained, none is offered."""

import re
import shlex

import pytest

from sknextchar import load_model
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


def _offered_line(err, last=3):
    """The words of the offered ``sknextchar train ... --resume ...`` line,
    which goes on up to epoch ``last``."""
    line = re.search(
        rf"go on training it up to epoch {last} \((sknextchar train .*?)\)\.\n", err
    )
    assert line, err
    return shlex.split(line.group(1))


def _interrupt_and_resume(argv, tmp_path, capsys):
    """Interrupt ``train argv`` after epoch 1; run the line it offers."""
    first = tmp_path / "first.skops"
    assert main(["train", *argv, *SMALL, "--max-iter", "3", "-o", str(first)]) == 130
    words = _offered_line(capsys.readouterr().err)
    assert words[:2] == ["sknextchar", "train"] and words[-2:] == ["-o", str(first)]
    assert main(words[1:]) == 0
    return load_model(first), capsys.readouterr().err


def test_the_resume_line_reads_the_same_column(tmp_path, ctrl_c_after_epoch_1, capsys):
    names = load_indian_names()
    formal, nicknames = names[:60], names[100:160]
    table = tmp_path / "nick.csv"
    rows = "".join(f"{a},{b}\n" for a, b in zip(formal, nicknames))
    table.write_text("Name,Nickname\n" + rows, encoding="utf-8")
    model, _ = _interrupt_and_resume(
        [str(table), "--names-column", "Nickname"], tmp_path, capsys
    )
    assert model.in_training_set(nicknames).all()
    assert not model.in_training_set(sorted(set(formal) - set(nicknames))).any()


def test_the_resume_line_keeps_counts_header_and_encoding(
    tmp_path, ctrl_c_after_epoch_1, capsys
):
    names = [*load_indian_names()[:40], "josé"]
    table = tmp_path / "counts.csv"
    rows = "".join(f"{name};{i % 3 + 1}\n" for i, name in enumerate(names))
    table.write_bytes(rows.encode("latin-1"))
    argv = [str(table), "--no-header", "--names-column", "1", "--counts", "2"]
    argv += ["--encoding", "latin-1", "--alphabet", "auto"]
    model, err = _interrupt_and_resume(argv, tmp_path, capsys)
    total = sum(i % 3 + 1 for i in range(len(names)))
    assert f"on {len(names)} names ({total} with their counts) from" in err
    assert model.in_training_set(names).all()


def test_the_resume_line_of_a_pickle_loads_it(tmp_path, ctrl_c_after_epoch_1, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(load_indian_names()[:60]) + "\n", encoding="utf-8")
    first = tmp_path / "first.joblib"
    argv = ["train", str(names), *SMALL, "--max-iter", "3"]
    assert main([*argv, "-o", str(first)]) == 130
    words = _offered_line(capsys.readouterr().err)
    assert main(words[1:]) == 0 and first.exists()


def _classifier(path):
    return load_model(path, allow_pickle=True).estimator_.estimator["clf"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "output, flags",
    [("model.skops", []), ("model.bin", ["--format", "joblib"])],
)
def test_the_resume_line_writes_the_output_of_the_run_and_its_epochs_left(
    tmp_path, ctrl_c_after_epoch_1, capsys, monkeypatch, output, flags
):
    # It ended in "-o MODEL", a placeholder to fill in; --format was lost.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.txt").write_text(
        "\n".join(load_indian_names()[:60]) + "\n", encoding="utf-8"
    )
    argv = ["train", "names.txt", *SMALL, "--max-iter", "3", "-o", output, *flags]
    assert main(argv) == 130
    words = _offered_line(capsys.readouterr().err)
    assert words[-2 - len(flags) :] == ["-o", output, *flags]
    assert main(words[1:]) == 0
    assert "(epochs 2 to 3 of --max-iter 3)" in capsys.readouterr().out
    assert len(_classifier(tmp_path / output).loss_curve_) == 3


@pytest.mark.slow
def test_the_resume_line_replaces_what_the_run_was_to_replace(
    tmp_path, ctrl_c_after_epoch_1, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    names = tmp_path / "names.txt"
    names.write_text("\n".join(load_indian_names()[:60]) + "\n", encoding="utf-8")
    assert main(["train", "names.txt", "--model", "kneser-ney", "-o", "m.skops"]) == 0
    argv = ["train", "names.txt", *SMALL, "--max-iter", "3", "-o", "m.skops"]
    assert main([*argv, "--force"]) == 130
    words = _offered_line(capsys.readouterr().err)
    assert words[-3:] == ["-o", "m.skops", "--force"]
    assert main(words[1:]) == 0
    assert len(_classifier(tmp_path / "m.skops").loss_curve_) == 3


def test_no_resume_line_once_every_epoch_trained(tmp_path, monkeypatch, capsys):
    # Ctrl-C after the fit: the line offered used to answer "Nothing to resume".
    import sknextchar.cli._train_report as train_report

    def interrupted(*args, **kwargs):
        monkeypatch.undo()  # keeping the model reports it again
        raise KeyboardInterrupt

    monkeypatch.setattr(train_report, "report_training", interrupted)
    names = tmp_path / "names.txt"
    names.write_text("\n".join(load_indian_names()[:60]) + "\n", encoding="utf-8")
    output = tmp_path / "m.skops"
    argv = ["train", str(names), *SMALL, "--max-iter", "2", "-o", str(output)]
    assert main([*argv, "--validation-fraction", "0"]) == 130
    err = capsys.readouterr().err
    assert "after the training ended (2 epochs)" in err and "mv " in err
    assert "--resume" not in err and "go on training" not in err


def test_resuming_on_names_of_another_column_is_told(
    tmp_path, ctrl_c_after_epoch_1, capsys
):
    names = load_indian_names()
    table = tmp_path / "nick.csv"
    rows = "".join(f"{a},{b}\n" for a, b in zip(names[:60], names[100:160]))
    table.write_text("Name,Nickname\n" + rows, encoding="utf-8")
    first = tmp_path / "first.skops"
    argv = ["train", str(table), "--names-column", "Nickname", *SMALL]
    assert main([*argv, "--max-iter", "3", "-o", str(first)]) == 130
    kept = _offered_line(capsys.readouterr().err)[-3]
    resume = ["train", str(table), "--resume", kept, "-o"]
    assert main([*resume, str(tmp_path / "other.skops")]) == 0
    err = capsys.readouterr().err
    assert "warning: none of the 60 distinct names of" in err
    assert "--names-column" in err
    resume[2:2] = ["--names-column", "Nickname"]
    assert main([*resume, str(tmp_path / "same.skops")]) == 0
    assert "sknextchar: warning" not in capsys.readouterr().err
