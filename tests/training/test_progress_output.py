"""A progress display never loses a fit: the first write of progress that fails
(a closed stream, a pipe whose reader left) stops the progress, with one
warning, and the training goes on to the same model as without progress."""

import contextlib
import io
import os
import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest
from rich.console import Console
from sklearn.pipeline import make_pipeline

import sknextchar
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    train_from_file,
)
from sknextchar.cli._progress import EpochProgress
from sknextchar.exceptions import ProgressStoppedWarning
from tests.labels.test_labels import ending_corpus, small_pipe

NAMES = ["abid", "asha", "ravi", "uma", "sita", "omar"] * 3


def _closed():
    stream = io.StringIO()
    stream.close()
    return stream


@pytest.fixture
def broken_pipe():
    """A text file whose reader left: every flushed write raises
    BrokenPipeError; closed after the test (what it still holds is lost)."""
    read, write = os.pipe()
    os.close(read)
    stream = os.fdopen(write, "w", encoding="utf-8")
    yield stream
    with contextlib.suppress(OSError):
        stream.close()


@pytest.fixture(params=["closed", "broken_pipe"])
def failing_stream(request):
    """A stream whose writes fail: a closed file, or a pipe whose reader left."""
    if request.param == "closed":
        return _closed()
    return request.getfixturevalue("broken_pipe")


def _show_on_stderr(message, category, filename, lineno, file=None, line=None):
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno))


def _pipe(**params):
    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(8,), max_iter=3, random_state=0, **params
    )
    return make_pipeline(ContextWindowTransformer(), clf)


def _names_file(tmp_path, names=NAMES):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path


def _stopped_warnings(caught):
    return [w for w in caught if issubclass(w.category, ProgressStoppedWarning)]


def _fit_recording(pipe, names=NAMES, *args):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipe.fit(names, *args)
    return _stopped_warnings(caught)


def test_the_warning_is_public_and_filtered_by_its_class(monkeypatch):
    assert sknextchar.ProgressStoppedWarning is ProgressStoppedWarning
    assert issubclass(ProgressStoppedWarning, UserWarning)
    monkeypatch.setattr(sys, "stdout", _closed())
    pipe = _pipe(verbose=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # as 'python -W error'
        warnings.filterwarnings("ignore", category=ProgressStoppedWarning)
        pipe.fit(NAMES)
    assert len(pipe[-1].loss_curve_) == 3


def test_a_warning_shown_on_the_closed_stderr_itself_does_not_fail(
    tmp_path, monkeypatch
):
    # warnings lets a BrokenPipeError of stderr pass, not a closed file's error.
    path = _names_file(tmp_path)
    monkeypatch.setattr(sys, "stderr", _closed())
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        # shown as Python shows it outside pytest: written to sys.stderr
        monkeypatch.setattr(warnings, "showwarning", _show_on_stderr)
        pipe = train_from_file(path, _pipe(), chunk_size=5, verbose=True)
    assert len(pipe[-1].loss_curve_) == 3


def test_an_error_of_no_write_is_not_caught():
    class Failing(io.StringIO):
        def write(self, text):
            raise RuntimeError("not a failed write: a bug of the display")

    pipe = _pipe()
    pipe[-1].set_callbacks(EpochProgress(console=Console(file=Failing())))
    with pytest.raises(RuntimeError, match="a bug of the display"):
        pipe.fit(NAMES)


def test_verbose_on_a_closed_stdout_fits_the_same_model(monkeypatch):
    expected = _pipe().fit(NAMES)[-1].coefs_
    monkeypatch.setattr(sys, "stdout", _closed())
    pipe = _pipe(verbose=True, early_stopping=True, n_iter_no_change=1, tol=10.0)
    (warning,) = _fit_recording(pipe)
    assert "The progress of fit could not be written (ValueError" in str(
        warning.message
    )
    pipe = _pipe(verbose=True)
    assert len(_fit_recording(pipe)) == 1
    for got, want in zip(pipe[-1].coefs_, expected):
        np.testing.assert_array_equal(got, want)


def test_verbose_discriminative_epochs_on_a_broken_pipe_warn_once(
    monkeypatch, broken_pipe
):
    names, labels = ending_corpus()
    monkeypatch.setattr(sys, "stdout", broken_pipe)
    pipe = small_pipe(max_iter=1, discriminative_epochs=2, verbose=True)
    assert len(_fit_recording(pipe, names, labels)) == 1
    assert len(pipe[-1].label_loss_curve_) == 2


def test_epoch_progress_on_a_failing_stderr_keeps_the_fit(monkeypatch, failing_stream):
    expected = _pipe().fit(NAMES)[-1].coefs_
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # rich's exit takes its place
    monkeypatch.setattr(sys, "stderr", failing_stream)
    pipe = _pipe()
    pipe[-1].set_callbacks(EpochProgress("Training..."))
    assert len(_fit_recording(pipe)) == 1
    for got, want in zip(pipe[-1].coefs_, expected):
        np.testing.assert_array_equal(got, want)


def test_epoch_progress_on_a_console_closed_mid_fit_keeps_the_fit():
    stream = io.StringIO()
    seen = []

    class Closing(EpochProgress):
        def on_fit_task_end(self, estimator, context, **kwargs):
            seen.append(context.task_name)
            if len(seen) == 2:
                stream.close()
            return super().on_fit_task_end(estimator, context, **kwargs)

    pipe = _pipe()
    pipe[-1].set_callbacks(Closing("Training...", console=Console(file=stream)))
    assert len(_fit_recording(pipe)) == 1
    assert len(pipe[-1].loss_curve_) == 3


def test_a_console_of_the_users_on_a_broken_pipe_keeps_the_fit(
    monkeypatch, broken_pipe
):
    # rich's own handler ended the fit: SystemExit, after putting the null
    # device over the process's standard output (here: a StringIO, no fileno).
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    console = Console(file=broken_pipe)
    pipe = _pipe()
    pipe[-1].set_callbacks(EpochProgress("Training...", console=console))
    assert len(_fit_recording(pipe)) == 1
    assert len(pipe[-1].loss_curve_) == 3
    # the console is given back with its own handler, as it was
    assert "on_broken_pipe" not in vars(console) and not console.quiet


def test_train_from_file_verbose_on_a_failing_stderr_trains(
    tmp_path, monkeypatch, failing_stream
):
    path = _names_file(tmp_path)
    expected = train_from_file(path, _pipe(), chunk_size=5)[-1].coefs_
    monkeypatch.setattr(sys, "stderr", failing_stream)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipe = train_from_file(path, _pipe(), chunk_size=5, verbose=True)
    (warning,) = _stopped_warnings(caught)
    assert "progress of train_from_file could not be written" in str(warning.message)
    assert "train_from_file goes on" in str(warning.message)
    assert warning.filename == __file__  # it points at the caller, not the package
    for got, want in zip(pipe[-1].coefs_, expected):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("tff_verbose", [False, True])
def test_train_from_file_with_a_verbose_classifier_warns_once_per_run(
    tmp_path, monkeypatch, tff_verbose
):
    # One warning per chunk and epoch before (a partial_fit each), naming
    # partial_fit, which the user never called.
    path = _names_file(tmp_path)
    monkeypatch.setattr(sys, "stdout", _closed())  # the classifier's lines
    monkeypatch.setattr(sys, "stderr", _closed())  # train_from_file's lines
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipe = train_from_file(
            path, _pipe(verbose=True), chunk_size=5, verbose=tff_verbose
        )
    (warning,) = _stopped_warnings(caught)
    assert "The progress of train_from_file could not" in str(warning.message)
    assert len(pipe[-1].loss_curve_) == 3


def test_train_from_file_verbose_without_a_stderr_writes_nothing(
    tmp_path, monkeypatch, capsys
):
    # 'python script.py 2>&-' starts with sys.stderr None: the lines of the
    # chunks went to standard output (print's file=None), into the script's
    # own output.
    path = _names_file(tmp_path)
    monkeypatch.setattr(sys, "stderr", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipe = train_from_file(path, _pipe(), chunk_size=5, verbose=True)
    monkeypatch.undo()
    assert capsys.readouterr().out == ""
    assert not _stopped_warnings(caught)
    assert len(pipe[-1].loss_curve_) == 3


_SCRIPT = """
import sys
from sklearn.pipeline import make_pipeline
from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.cli._progress import EpochProgress
from rich.console import Console
clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), max_iter=3, random_state=0)
clf.set_callbacks(EpochProgress("Training...", console=CONSOLE))
pipe = make_pipeline(ContextWindowTransformer(), clf)
pipe.fit(["abid", "asha", "ravi", "uma"] * 5)
print("fitted", len(pipe[-1].loss_curve_), flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "console", ["None", "Console(stderr=True)", "Console(file=sys.stderr)"]
)
def test_a_script_whose_stderr_reader_left_keeps_its_fit_and_its_stdout(console):
    # rich's console ended the program (SystemExit) and put the null device in
    # place of its standard output; a console of the script's own too.
    cwd = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    script = textwrap.dedent(_SCRIPT).replace("CONSOLE", console)
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
    )  # fmt: skip
    proc.stderr.close()  # the reader leaves before anything is written
    out = proc.stdout.read()
    proc.stdout.close()
    assert proc.wait(timeout=120) == 0
    assert out == b"fitted 3\n"
