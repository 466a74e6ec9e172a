"""The line that starts training, "Training on N names from PATH...", is one
line in a log however long PATH is: it was wrapped at 80 columns, so a long
path (a temporary folder of a parallel test run, a macOS home) was cut off
from its sentence onto a line of its own, as the epoch lines never were."""

import io
from types import SimpleNamespace

from rich.console import Console

from sknextchar._shown_paths import shown_path
from sknextchar.cli import main
from sknextchar.cli._progress import EpochProgress


def test_a_long_header_is_one_line_in_a_log():
    header = "Training on 201 names from /" + "/".join(["folder"] * 20) + "/n.txt..."
    stream = io.StringIO()
    progress = EpochProgress(header, console=Console(file=stream, width=80))
    clf = SimpleNamespace(max_iter=1, early_stopping=False, loss_curve_=[2.5])
    progress.setup(clf, SimpleNamespace(task_name="fit"))
    progress.on_fit_task_end(clf, SimpleNamespace(task_name="epoch"))
    progress.teardown(clf, SimpleNamespace(task_name="fit"))
    lines = stream.getvalue().splitlines()
    assert lines[0] == header, lines
    assert len(lines) == 2 and lines[1].startswith("epoch 1/1  loss 2.5000")


def test_the_command_line_names_a_long_path_on_the_first_line(tmp_path, capsys):
    folder = tmp_path / ("a_folder_whose_name_is_long_" * 3)
    folder.mkdir()
    path = folder / "names.txt"
    path.write_text("asha\nravi\nsita\nomar\nlena\nivan\n", encoding="utf-8")
    argv = ["train", str(path), "--max-iter", "1", "-o", str(tmp_path / "m.joblib")]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[0] == f"Training on 6 names from {shown_path(path)}...", err
