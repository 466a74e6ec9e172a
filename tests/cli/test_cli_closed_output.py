"""A standard output whose reader went (``train ... | head -c0``) loses no model."""

import contextlib
import os
import shlex
import subprocess
import sys

import pytest

import sknextchar
from sknextchar.cli import main
from tests._shared_files import kept_as_it_was

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(sknextchar.__file__)))
NAMES = ["asha", "ravi", "meena", "kiran", "anil", "sita", "gita", "raja"]


@pytest.fixture(scope="module")
def names(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "names.csv"
    rows = [f"{n},{'ab'[i % 2]}" for i, n in enumerate(NAMES)]
    path.write_text("name,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with kept_as_it_was(path):
        yield str(path)


@pytest.fixture(scope="module")
def resumable(names, tmp_path_factory):
    """A model trained once for the module: read, never written, by its tests."""
    path = tmp_path_factory.mktemp("first") / "first.skops"
    argv = ["train", names, "--names-column", "name", "--max-iter", "1", "-q"]
    assert main([*argv, "--validation-fraction", "0", "-o", str(path)]) == 0
    with kept_as_it_was(path):
        yield str(path)


KINDS = {
    "mlp": ["--max-iter", "1", "--validation-fraction", "0"],
    "chunks": ["--max-iter", "1", "--chunk-size", "3"],
    "kneser-ney": ["--model", "kneser-ney"],
    "labels": ["--max-iter", "1", "--labels", "label", "--validation-fraction", "0"],
    "resume": ["--max-iter", "2"],
}


def train_argv(kind, names, model, resumable=None):
    argv = ["train", names, "--names-column", "name", *KINDS[kind], "-q"]
    if kind == "resume":
        argv += ["--resume", resumable]
    return [*argv, "-o", model]


@pytest.fixture(params=["line-buffered", "buffered"])
def closed_stdout(request):
    """A pipe whose reading end was closed before the command started, for
    ``sys.stdout``: its first write fails with BrokenPipeError, every time
    (set in the test: pytest's capture replaces one set in a fixture). Line-buffered as
    ``python -u`` or PYTHONUNBUFFERED make it (the report fails before the
    save), or buffered as Python makes a pipe (it fails once flushed)."""
    read, write = os.pipe()
    os.close(read)
    buffering = 1 if request.param == "line-buffered" else -1
    stream = open(write, "w", encoding="utf-8", buffering=buffering)  # noqa: SIM115
    yield stream
    try:
        stream.close()
    except OSError:  # what was still buffered cannot be written
        pass


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_closed_output_still_saves_the_trained_model(
    kind, names, resumable, tmp_path, closed_stdout, capfd, monkeypatch
):
    # Before: line-buffered, the report of the training, printed before the
    # save, raised BrokenPipeError and the model was never saved (status 1);
    # buffered, the model was saved but the status was 0 and the error came
    # as Python exited ("Exception ignored ... BrokenPipeError", status 120).
    # Without -q, which leaves out the report (nothing to write, status 0).
    model = str(tmp_path / "b.skops")
    argv = [a for a in train_argv(kind, names, model, resumable) if a != "-q"]
    monkeypatch.setattr(sys, "stdout", closed_stdout)
    status = main(argv)
    monkeypatch.undo()
    assert os.path.exists(model)
    assert status == 1  # as a closed pipe ends 'sample | head' too
    err = capfd.readouterr().err  # the progress alone: no error, no traceback
    assert [line for line in err.splitlines() if not _progress(line)] == []


def _progress(line):
    """Whether ``line`` of stderr is one of training's progress display."""
    return line.startswith(("Training on ", "Continuing the training ", "epoch "))


def run_with_closed_stdout(argv, unbuffered):
    """``python -m sknextchar ARGV`` whose stdout is a pipe closed before it
    starts: (status, stderr text)."""
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "PYTHONPATH": ROOT}
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sknextchar", *argv],
            stdout=write, stderr=subprocess.PIPE, timeout=300, cwd=ROOT, env=env,
        )  # fmt: skip
    finally:
        os.close(write)
    return done.returncode, done.stderr.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.parametrize("unbuffered", [True, False])
def test_a_new_process_whose_output_is_closed_saves_its_model(
    names, tmp_path, unbuffered
):
    model = str(tmp_path / "b.skops")
    # Without -q, which leaves out the report (nothing to write, status 0).
    argv = [a for a in train_argv("chunks", names, model) if a != "-q"]
    status, err = run_with_closed_stdout(argv, unbuffered)
    assert os.path.exists(model)
    assert status == 1
    assert [line for line in err.splitlines() if not _progress(line)] == []


@pytest.mark.slow
@pytest.mark.parametrize("unbuffered", [True, False])
def test_sample_into_a_closed_output_ends_quietly(resumable, unbuffered):
    # 'sample | head -c0': buffered, Python said "Exception ignored ...
    # BrokenPipeError" as it exited, with status 120.
    argv = ["sample", resumable, "-n", "5"]
    status, err = run_with_closed_stdout(argv, unbuffered)
    assert (status, err) == (1, "")


def test_an_output_that_cannot_be_written_is_an_error(resumable, capfd, monkeypatch):
    # '> /dev/full': the names stayed in the buffer, status 0, and Python said
    # "Exception ignored ... No space left on device" as it exited.
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w", encoding="utf-8") as full:
        monkeypatch.setattr(sys, "stdout", full)
        status = main(["sample", resumable, "-n", "5"])
        monkeypatch.undo()
        err = capfd.readouterr().err
        assert status == 1
        # As the command says it in a subprocess: the names are flushed batch
        # by batch, so the error comes while they are written, not at the end.
        assert err.startswith("sknextchar: error: the output could not be written")
        assert err.count("\n") == 1 and "Errno" not in err
    # Closing the file flushed nothing more into /dev/full: the command sent
    # what it left unwritten to the null device (else close raised OSError).


def closed_pipe():
    """A line-buffered text stream on a pipe whose reading end is closed."""
    read, write = os.pipe()
    os.close(read)
    return open(write, "w", encoding="utf-8", buffering=1)  # noqa: SIM115


@pytest.mark.parametrize("closed", ["stdout", "stderr", "both"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_closed_progress_stream_still_trains_and_saves(
    kind, closed, names, resumable, tmp_path, monkeypatch
):
    # Without -q, the lines of the epochs and chunks are on stderr. Before,
    # with stderr closed ('train ... 2>&1 | head -1', or '|&'), the first
    # of them written after the reader went stopped the training: status 1
    # and no model saved. Now the training goes on quietly. (stdout alone
    # closed already kept the model: its report comes after the training.)
    model = str(tmp_path / "b.skops")
    argv = [a for a in train_argv(kind, names, model, resumable) if a != "-q"]
    pipe = closed_pipe()
    if closed != "stdout":
        monkeypatch.setattr(sys, "stderr", pipe)
    if closed != "stderr":  # 'both': one pipe for the two streams
        monkeypatch.setattr(sys, "stdout", pipe)
    status = main(argv)
    assert closed == "stdout" or sys.stderr is pipe  # given back as it was
    monkeypatch.undo()
    assert os.path.exists(model)
    assert status == (0 if kind == "kneser-ney" and closed == "stderr" else 1)
    with contextlib.suppress(OSError):
        pipe.close()


@pytest.mark.parametrize("missing", ["stdout", "stderr", "stdin"])
@pytest.mark.parametrize("quiet", [False, True])
def test_a_stream_closed_at_start_still_trains_and_saves(
    missing, quiet, names, tmp_path, monkeypatch
):
    # 'train ... 2>&-' (sys.stderr is None): before, announce_pipes raised
    # AttributeError ('NoneType' object has no attribute 'isatty') and no
    # model was saved; '1>&-' lost the report with status 0. A stream closed
    # at start is one whose reader left at once: status 1 when something was
    # to be written there.
    model = str(tmp_path / "b.skops")
    argv = train_argv("mlp", names, model)
    argv = argv if quiet else [a for a in argv if a != "-q"]
    monkeypatch.setattr(sys, missing, None)
    status = main(argv)
    assert getattr(sys, missing) is None  # given back as it was
    monkeypatch.undo()
    assert os.path.exists(model)
    # -q: nothing to write on either (sknextchar.cli._quiet)
    written = missing in ("stdout", "stderr") and not quiet
    assert status == (1 if written else 0)


@pytest.mark.parametrize("missing", ["stdout", "stderr", "stdin"])
def test_sample_with_a_stream_closed_at_start(missing, resumable, monkeypatch, capsys):
    # 'sample m.skops 2>&-' failed before it sampled (status 1, no names);
    # 'sample m.skops 1>&-' lost its names with status 0.
    monkeypatch.setattr(sys, missing, None)
    status = main(["sample", resumable, "-n", "5", "--seed", "0"])
    monkeypatch.undo()
    out = capsys.readouterr().out
    if missing == "stdout":
        assert (status, out) == (1, "")
    else:
        assert status == 0 and len(out.split()) == 5


@pytest.mark.slow
@pytest.mark.parametrize("redirect", ["2>&-", "1>&-", "0<&-"])
def test_a_process_started_with_a_stream_closed_saves_its_model(
    names, tmp_path, redirect
):
    model = str(tmp_path / "b.skops")
    argv = [a for a in train_argv("mlp", names, model) if a != "-q"]
    command = " ".join([shlex.quote(sys.executable), "-m", "sknextchar"])
    command += " " + " ".join(map(shlex.quote, argv)) + " " + redirect
    env = {**os.environ, "PYTHONPATH": ROOT}
    done = subprocess.run(
        ["/bin/sh", "-c", command], capture_output=True, timeout=300, cwd=ROOT,
        env=env,
    )  # fmt: skip
    assert os.path.exists(model)
    assert done.returncode == (0 if redirect == "0<&-" else 1)
    assert b"Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["train", "--help"]])
def test_help_with_stdout_closed_at_start_says_it_was_lost(argv, monkeypatch, capsys):
    # 'sknextchar --help 1>&-': status 1 as before (the help was lost, as GNU
    # ls and grep end non-zero), but no longer silently: one error line.
    monkeypatch.setattr(sys, "stdout", None)
    status = main(argv)
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and err.startswith("sknextchar: error: "), err
    assert "standard output was closed when the command started (1>&-)" in err


def test_stderr_closed_alone_is_not_said(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stderr", None)
    status = main(["--version"])
    monkeypatch.undo()
    assert status == 0 and capsys.readouterr().out.startswith("sknextchar ")


def test_train_with_stdout_closed_says_its_model_was_saved(
    tmp_path, monkeypatch, capsys
):
    # 'train ... 1>&-' saves its model: the error line says so, and 'sample'
    # into a closed standard output gets the same single line.
    path, model = tmp_path / "names.txt", tmp_path / "m.skops"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", None)
    status = main(["train", str(path), "--model", "kneser-ney", "-o", str(model)])
    sampled = main(["sample", str(model), "-n", "2"])
    monkeypatch.undo()
    lines = capsys.readouterr().err.splitlines()
    assert (status, sampled) == (1, 1) and model.exists()
    assert lines[0].endswith(f"({str(model)!r} was saved all the same)"), lines
    assert lines[1].startswith("sknextchar: error: the standard output was closed")
    assert "saved" not in lines[1] and len(lines) == 2


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["train", "--help"]])
def test_help_into_a_full_device_is_an_error(argv):
    # '--help > /dev/full': argparse dropped the write's error, so the help was
    # lost with status 0 and nothing said.
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sknextchar", *argv],
            stdout=full, stderr=subprocess.PIPE, check=False,
            cwd=os.path.dirname(os.path.dirname(sknextchar.__file__)),
        )  # fmt: skip
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert err.startswith("sknextchar: error: the output could not be written: no ")
    assert err.count("\n") == 1 and "Traceback" not in err
