"""Training from a file in chunks: train_from_file, `sknextchar train --chunk-size`."""

import contextlib
import copy
import os
import re
import threading
import warnings
from pathlib import Path

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    NameSampler,
    load_model,
    make_default_pipeline,
    train_from_file,
)
from sknextchar._shown_paths import shown_path
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names
from sknextchar.exceptions import FileChangedWarning

NAMES = load_indian_names()[::50]  # 302 names, spread over the alphabet


def small_pipe(**params):
    settings = dict(clf__hidden_layer_sizes=(16,), clf__max_iter=3, clf__batch_size=32)
    settings.update(params)
    return make_default_pipeline(random_state=0).set_params(**settings)


def write(path, names):
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path


def assert_same_weights(a, b):
    np.testing.assert_array_equal(a.embeddings_, b.embeddings_)
    for x, y in zip(a.coefs_ + a.intercepts_, b.coefs_ + b.intercepts_):
        np.testing.assert_array_equal(x, y)


def test_one_chunk_gives_the_model_of_an_in_memory_fit(tmp_path):
    path = write(tmp_path / "names.txt", NAMES)
    in_memory = small_pipe().fit(NAMES)
    chunked = train_from_file(path, small_pipe(), chunk_size=len(NAMES))
    assert chunked["windows"].vocabulary_ == in_memory["windows"].vocabulary_
    assert_same_weights(chunked["clf"], in_memory["clf"])
    assert chunked["clf"].loss_curve_ == in_memory["clf"].loss_curve_
    assert chunked["clf"].n_iter_ == in_memory["clf"].n_iter_ == 3
    assert chunked["clf"].t_ == in_memory["clf"].t_
    # The records too, built in the passes over the one chunk (the later ones
    # from the names the first epoch read).
    sampler = train_from_file(
        path, small_pipe(), chunk_size=len(NAMES), return_sampler=True
    )
    expected = NameSampler(small_pipe()).fit(NAMES)
    table, want = sampler.training_prefix_lengths_, expected.training_prefix_lengths_
    assert table.keys() == want.keys()
    for key in want:
        np.testing.assert_array_equal(table[key], want[key])
    np.testing.assert_array_equal(
        sampler.training_length_counts_, expected.training_length_counts_
    )


class _EditAfter:
    """A callback that writes ``text`` over the file at the end of epoch 1."""

    def __init__(self, path, text):
        self.path, self.text, self.epochs = path, text, 0

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context, **kwargs):
        pass

    def on_fit_task_end(self, estimator, context, **kwargs):
        if context.task_name == "epoch":
            self.epochs += 1
            if self.epochs == 1:
                self.path.write_text(self.text, encoding="utf-8")
        return False

    def teardown(self, estimator, context):
        pass


@pytest.mark.parametrize(
    "edit",
    ["", "zoë\n" * 20, "xyzzy\nqwerty\n" * 20],
    ids=["emptied", "a_letter_outside", "other_names"],
)
def test_a_file_of_one_chunk_edited_after_the_first_epoch_trains_as_it_was(
    tmp_path, edit
):
    # Its later epochs train on the names the first read: before, each epoch
    # read the file again, and an emptied or edited file failed the run
    # ("holds no names any more", "outside the vocabulary") or changed its
    # later epochs.
    path = write(tmp_path / "names.txt", NAMES)
    expected = train_from_file(path, small_pipe(), chunk_size=len(NAMES))
    pipe = small_pipe().set_callbacks(_EditAfter(path, edit))
    sampler = train_from_file(path, pipe, chunk_size=len(NAMES), return_sampler=True)
    clf = sampler.estimator_.estimator["clf"]
    assert clf.loss_curve_ == expected["clf"].loss_curve_
    assert_same_weights(clf, expected["clf"])
    want = NameSampler(small_pipe()).fit(NAMES).training_prefix_lengths_
    assert sampler.training_prefix_lengths_.keys() == want.keys()


def test_a_file_that_grows_during_the_first_pass_is_refused(tmp_path, monkeypatch):
    # A file counted as one chunk that grew before the first epoch read it was
    # trained on as it grew: the names appended were in the epochs (read chunk
    # by chunk), not in the first pass's checks or counts.
    import sknextchar._name_chunks as name_chunks

    reads, real = [], name_chunks.read_name_chunks
    monkeypatch.setattr(
        name_chunks,
        "read_name_chunks",
        lambda *args, **kwargs: reads.append(1) or real(*args, **kwargs),
    )
    path = write(tmp_path / "names.txt", NAMES[:40])
    grown = []

    def grow(chunk):  # check_names: called in the first pass
        if not grown:
            with open(path, "a", encoding="utf-8") as f:
                f.write("\n".join(NAMES[40:240]) + "\n")
            grown.append(True)

    with pytest.raises(ValueError) as caught:
        train_from_file(path, small_pipe(), chunk_size=50, check_names=grow)
    message = str(caught.value)
    assert message.startswith(f"{str(path)!r} changed while training read it: ")
    assert "the end of the first pass found it grown from 296 to" in message
    assert len(reads) == 1  # the first pass only: no epoch trained


def test_epochs_are_passes_over_the_whole_file(tmp_path):
    path = write(tmp_path / "names.txt", NAMES)
    pipe = train_from_file(path, small_pipe(), chunk_size=80)  # 4 chunks
    clf = pipe["clf"]
    n_windows = len(pipe["windows"].transform(NAMES))
    assert clf.n_iter_ == 3 and len(clf.loss_curve_) == 3
    assert clf.t_ == 3 * n_windows
    # The schedule counts passes, not chunks: with one epoch, every chunk trains
    # at the cosine's first step size, which is learning_rate_init, so the
    # cosine run equals the constant one. Counting chunks as epochs would have
    # decayed chunks 2 to 4 to the floor of a one-epoch schedule.
    one = dict(clf__max_iter=1)
    cosine = train_from_file(path, small_pipe(**one), chunk_size=80)
    constant = small_pipe(**one, clf__learning_rate="constant")
    constant = train_from_file(path, constant, chunk_size=80)
    assert_same_weights(cosine["clf"], constant["clf"])


def test_the_vocabulary_comes_from_the_whole_file_before_training(tmp_path):
    names = [*NAMES, "zoë-ann", "mary ann"]  # the last chunk alone has "ë - "
    path = write(tmp_path / "names.txt", names)
    pipe = train_from_file(
        path, small_pipe(windows__alphabet="auto", clf__max_iter=1), chunk_size=100
    )
    assert {"ë", "-", " "} <= set(pipe["windows"].vocabulary_[1:])
    in_memory = small_pipe(windows__alphabet="auto").fit(names)["windows"]
    assert pipe["windows"].vocabulary_ == in_memory.vocabulary_
    assert list(pipe["clf"].classes_) == list(pipe["windows"].vocabulary_)
    # With the default alphabet, the last chunk's "ë" fails before training.
    with pytest.raises(ValueError, match="ë"):
        train_from_file(path, small_pipe(), chunk_size=100)


def test_errors_of_the_first_pass_name_the_file_and_the_name(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    expected = f"{str(empty)!r} contains no names; expected one name per line."
    with pytest.raises(ValueError, match=re.escape(expected)):
        train_from_file(empty, small_pipe(), chunk_size=10)
    argv = ["train", str(empty), "--chunk-size", "5", "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 1
    assert capsys.readouterr().err == f"sknextchar: error: {expected}\n"
    table = tmp_path / "header.csv"
    table.write_text("name,label\n")
    with pytest.raises(
        ValueError,
        match=f"{re.escape(repr(str(table)))} contains no "
        "names; expected names below the header, in its column 'name'",
    ):
        train_from_file(table, small_pipe(), chunk_size=10, names_column="name")
    # A name of the third chunk is named by its line of the file.
    path = write(tmp_path / "names.txt", [*NAMES, "zoë"])
    with pytest.raises(ValueError, match=r"\['ë'\] in 'zoë' \(line 303 of "):
        train_from_file(path, small_pipe(), chunk_size=100)


def test_refuses_early_stopping_and_reports_progress(tmp_path, capsys):
    path = write(tmp_path / "names.txt", NAMES)
    with pytest.raises(ValueError, match="early_stopping=False"):
        train_from_file(path, small_pipe(clf__early_stopping=True))
    with pytest.raises(ValueError, match="chunk_size"):
        train_from_file(path, small_pipe(), chunk_size=0)
    pipe = small_pipe(clf__max_iter=2)
    train_from_file(path, pipe, chunk_size=200, verbose=True)
    assert not hasattr(pipe["clf"], "coefs_")  # a clone was trained
    err = capsys.readouterr().err
    assert "epoch 2/2  chunk 2/2: 102 names" in err
    assert err.count("done: loss") == 2


def test_refuses_an_average_before_reading_the_file(tmp_path):
    # Each chunk's partial_fit would average its own steps and reset the
    # weights to that average: one chunk would not give pipeline.fit's model.
    advice = r"\(average=0\.99\): .* Set average=None .*\(pipeline\.fit\(names\)\)"
    pipe = small_pipe(clf__average=0.99)
    with pytest.raises(ValueError, match=advice):
        train_from_file(tmp_path / "not-written-yet.txt", pipe, chunk_size=len(NAMES))
    path = write(tmp_path / "names.txt", NAMES)
    fitted = small_pipe(clf__max_iter=1, clf__average=0.99).fit(NAMES)
    with pytest.raises(ValueError, match=advice):  # one more epoch, averaged alone
        train_from_file(path, fitted.set_params(clf__max_iter=2), resume=True)


def test_command_line_trains_in_chunks(tmp_path, capsys):
    path = write(tmp_path / "names.txt", NAMES)
    model = tmp_path / "m.skops"
    args = ["train", str(path), "-o", str(model), "--chunk-size", "100"]
    args += ["--max-iter", "2", "--hidden-layer-sizes", "16", "--seed", "0"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "in chunks of 100 names for 2 epochs" in out
    assert "epoch 2/2  chunk 4/4" in err
    fitted = load_model(model)  # a NameSampler with the names' spelling record
    assert len(fitted.estimator_.estimator["clf"].loss_curve_) == 2
    assert main([*args[:4], "--chunk-size", "100", "--validation-fraction", "0.1",
                 "--force"]) == 1  # fmt: skip
    assert "--validation-fraction 0" in capsys.readouterr().err
    # It keeps no record of the names: the flags that need one say what to do.
    for flag, instead in (
        ("--novel", "--exclude-file FILE"),
        ("--report", "cannot compare with them: train a model without --chunk"),
    ):
        assert main(["sample", str(model), flag, "-n", "2"]) == 1
        err = capsys.readouterr().err
        assert "trained with --chunk-size, which keeps none" in err and instead in err
    # It keeps their lengths: --match-lengths follows them.
    assert main(["sample", str(model), "--match-lengths", "-n", "2"]) == 0


def test_a_file_emptied_between_passes_is_an_error_and_changes_nothing(tmp_path):
    import sknextchar._name_chunks as name_chunks

    path = write(tmp_path / "names.txt", NAMES)
    reads = []
    real = name_chunks.read_name_chunks

    def emptied_after_the_first_pass(*args, **kwargs):
        reads.append(1)
        if len(reads) > 1:  # the first pass saw the names; then the file is empty
            path.write_text("\n")
        return real(*args, **kwargs)

    pipe = small_pipe(clf__max_iter=2)
    name_chunks.read_name_chunks = emptied_after_the_first_pass
    try:
        # It said "holds no names any more": now the smaller file is refused
        # before the epoch reads it.
        said = "changed while training read it: epoch 1 found it shrunk from"
        with pytest.raises(ValueError, match=f"^{re.escape(repr(str(path)))} {said}"):
            train_from_file(path, pipe, chunk_size=100)
    finally:
        name_chunks.read_name_chunks = real
    assert not hasattr(pipe["clf"], "coefs_")  # left unfitted


def test_a_reader_left_after_one_chunk_closes_its_file(tmp_path):
    import gc
    import warnings

    from sknextchar._name_chunks import read_name_chunks

    path = write(tmp_path / "names.txt", NAMES)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = read_name_chunks(path, 10)
        assert len(next(chunks)) == 10
        del chunks  # abandoned after one chunk, as a caller that stops early
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


class StopAfter:
    """A callback that records its calls and asks to stop after ``n`` epochs."""

    def __init__(self, n):
        self.n, self.calls, self.fitted = n, [], []

    def setup(self, estimator, context):
        self.calls.append("setup")

    def on_fit_task_begin(self, estimator, context):
        self.calls.append(f"begin {context.task_name}")

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        self.calls.append(f"end {context.task_name}")
        if context.task_name == "epoch":
            self.fitted.append(fitted_estimator)
            return len(self.fitted) >= self.n
        return False

    def teardown(self, estimator, context):
        self.calls.append("teardown")


def test_callbacks_see_the_passes_over_the_file_as_epochs(tmp_path):
    from sknextchar.callbacks import History

    path = write(tmp_path / "names.txt", NAMES)
    history = History()
    pipe = small_pipe().set_callbacks(history)  # propagated to the model
    chunked = train_from_file(path, pipe, chunk_size=80)  # 4 chunks, 3 epochs
    clf = chunked["clf"]
    assert [r["epoch"] for r in history.records] == [1, 2, 3]
    assert [r["loss"] for r in history.records] == clf.loss_curve_
    # The same records, but the seconds, as an in-memory fit's in one chunk.
    in_memory = History()
    pipe.set_callbacks(in_memory)
    train_from_file(path, pipe, chunk_size=len(NAMES))
    pipe.fit(NAMES)
    drop = lambda records: [{**r, "seconds": None} for r in records]  # noqa: E731
    assert len(in_memory.records) == 6
    assert drop(in_memory.records[:3]) == drop(in_memory.records[3:])
    assert not hasattr(clf, "_skl_callbacks")  # the model's own: none
    assert not hasattr(clf, "_callback_fit_ctx")


def test_a_callback_stops_training_from_a_file(tmp_path):
    path = write(tmp_path / "names.txt", NAMES)
    pipe = small_pipe(clf__max_iter=5)
    stop = StopAfter(2)
    pipe["clf"].set_callbacks(stop)
    clf = train_from_file(path, pipe, chunk_size=80)["clf"]
    assert clf.n_iter_ == 2 and len(clf.loss_curve_) == 2
    assert stop.calls == [
        "setup", "begin fit",
        "begin epoch", "end epoch", "begin epoch", "end epoch",
        "end fit", "teardown",
    ]  # fmt: skip
    first = stop.fitted[0]
    assert len(first.loss_curve_) == 1  # a copy as the first epoch left it
    assert first.predict_proba(chunked_windows(clf, pipe)).shape[1] == len(clf.classes_)


class ChangesTheFile(StopAfter):
    """A callback that changes the names file after the first epoch."""

    def __init__(self, path, change):
        super().__init__(n=99)
        self.path, self.change, self.done = path, change, False

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        if context.task_name == "epoch" and not self.done:
            self.done = True
            change = self.change
            if not callable(change):
                change = {**CHANGES, **CONTENT_CHANGES, **SAME_NAMES}[change]
            change(self.path)
        return False


def _to_dangling_link(path):
    target = path.with_suffix(".v2")
    path.rename(target)
    path.symlink_to(target)
    target.unlink()


def _to_folder(path):
    path.unlink()
    path.mkdir()


def _to_fifo(path):
    path.unlink()
    os.mkfifo(path)
    # Were the FIFO opened for reading (as it was), the pass would wait forever:
    # a writer that comes and goes after 10 s ends that wait, and the test fails.
    timer = threading.Timer(10, _open_and_close_for_writing, [path])
    timer.daemon = True
    timer.start()


def _open_and_close_for_writing(path):
    with contextlib.suppress(OSError):  # ENXIO: no reader waits, as it should be
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


CHANGES = {
    "removed": Path.unlink,
    "renamed": lambda path: path.rename(path.with_suffix(".old")),
    "dangling link": _to_dangling_link,
    "folder": _to_folder,
    "unreadable": lambda path: path.chmod(0),
    "fifo": _to_fifo,
}


@pytest.mark.parametrize(
    ("change", "error", "said"),
    [
        ("removed", FileNotFoundError, "it is gone"),
        ("renamed", FileNotFoundError, "it is gone"),
        ("dangling link", FileNotFoundError, "it is gone"),
        ("folder", IsADirectoryError, "a folder is now in its place"),
        ("unreadable", PermissionError, "permission to read it was taken away"),
        ("fifo", ValueError, "a FIFO (named pipe) is now in its place"),
    ],
)
def test_a_file_changed_between_passes_is_said_to_have_changed(
    tmp_path, change, error, said
):
    # It said "No such file of names: 'names.txt'. Did you mean ...?", as of a
    # path mistyped, after training had read the file for an epoch (and of a
    # link whose target was removed); "is a directory; pass a text file" of a
    # folder put in its place; and it waited forever on a FIFO put there.
    if change == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads a file without read permission")
    path, message = _changed_in_training(tmp_path, change, error)
    assert message.startswith(repr(str(path))) and said in message
    verb = "read" if change == "fifo" else "open"
    assert f"changed while training read it: epoch 2 could not {verb} it" in message
    assert "No such file of names" not in message and "Did you mean" not in message
    assert "train_from_file" not in message  # the FIFO's was check_rereadable's


def _changed_in_training(tmp_path, change, error, max_iter=3, **kwargs):
    """The path and the message of the ``error`` of a training in 4 chunks
    whose file had the ``change`` after its first epoch."""
    path = write(tmp_path / "names.txt", NAMES)
    pipe = small_pipe(clf__max_iter=max_iter)
    pipe["clf"].set_callbacks(ChangesTheFile(path, change))
    with pytest.raises(error) as caught:
        train_from_file(path, pipe, chunk_size=80, **kwargs)
    assert not hasattr(pipe["clf"], "coefs_")  # the caller's pipeline untouched
    return path, str(caught.value)


def _written_over(path, text):
    """Write ``text`` over the file, as a later write would date it."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:  # within the clock's tick: dated later
        os.utime(path, ns=(before, before + 1_000_000))


def _written_over_in_its_time(path):
    """Other names of the same size written in place, the file's time put back
    (as ``cp -p`` of a file of the same size, or ``touch -r``, leaves it)."""
    then = path.stat()
    names = path.read_text("utf-8").splitlines()
    path.write_text("\n".join(name[::-1] for name in names) + "\n", "utf-8")
    os.utime(path, ns=(then.st_atime_ns, then.st_mtime_ns))
    now = path.stat()
    assert (now.st_ino, now.st_size, now.st_mtime_ns) == (
        then.st_ino, then.st_size, then.st_mtime_ns
    )  # fmt: skip


def _appended(path, text):
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def _moved_into_place(path):
    other = write(path.with_suffix(".new"), NAMES[::-1])
    os.replace(other, path)


CONTENT_CHANGES = {
    "other names": lambda path: _written_over(path, "\n".join(NAMES[:150]) + "\n"),
    "same size": lambda path: _written_over(
        path, "\n".join(name[::-1] for name in NAMES) + "\n"
    ),
    "appended": lambda path: _appended(path, "asha\nzoe\n"),
    "moved into place": _moved_into_place,
    "same size and time": _written_over_in_its_time,
}


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("other names", "shrunk from"),
        ("same size", "modified: the same size, other bytes (written over)"),
        ("appended", "grown from"),
        ("moved into place", "replaced by another file (moved or renamed into"),
        ("same size and time", "modified: the same size, other bytes (written"),
    ],
)
def test_a_file_whose_names_change_between_epochs_is_refused(tmp_path, change, said):
    # It trained on the new names from the next epoch on, silently: the epochs
    # after the first learned another list (or the list and the names added);
    # one written over in place with its size and time kept was not seen.
    path, message = _changed_in_training(tmp_path, change, ValueError)
    assert message.startswith(repr(str(path)))
    assert "changed while training read it: epoch 2 found it" in message
    assert said in message and "Copy the file and train on the copy" in message
    assert "The epoch this training finished is not kept." in message
    assert "reads it more than once: its epochs would learn a mix" in message


def _touched(path):
    then = path.stat().st_mtime_ns
    os.utime(path, ns=(then, then + 1_000_000_000))


def _saved_anew(path):
    """The same bytes in a new file moved into its place, as editors save."""
    copy = path.with_suffix(".new")
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)


SAME_NAMES = {
    "touched": _touched,
    "saved again": lambda path: _written_over(path, path.read_text("utf-8")),
    "saved anew": _saved_anew,
}


@pytest.mark.parametrize("change", list(SAME_NAMES))
def test_a_file_touched_or_saved_with_the_same_names_trains_on(tmp_path, change):
    # A check of the file's time and identity alone refused these (no name
    # changed), and every epoch trained was lost: the bytes are compared.
    path = write(tmp_path / "names.txt", NAMES)
    want = train_from_file(path, small_pipe(), chunk_size=80)["clf"]
    then = path.stat()
    pipe = small_pipe()
    pipe["clf"].set_callbacks(ChangesTheFile(path, change))
    got = train_from_file(path, pipe, chunk_size=80)["clf"]
    now = path.stat()
    assert (now.st_ino, now.st_mtime_ns) != (then.st_ino, then.st_mtime_ns)
    assert got.loss_curve_ == want.loss_curve_ and len(got.loss_curve_) == 3
    assert_same_weights(got, want)


@pytest.mark.parametrize("there", ["no file", "other names"])
def test_a_relative_path_is_read_from_its_folder_after_a_change_of_folder(
    tmp_path, monkeypatch, there
):
    # The later passes opened 'names.txt' in the working folder of the time:
    # another file's names, trained on silently, or "changed while training
    # read it: epoch 2 could not open it again (it is gone ...)".
    write(tmp_path / "names.txt", NAMES)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if there == "other names":
        write(elsewhere / "names.txt", NAMES[:150])
    monkeypatch.chdir(tmp_path)  # back where it was after the test
    want = train_from_file("names.txt", small_pipe(), chunk_size=80)["clf"]
    pipe = small_pipe()
    pipe["clf"].set_callbacks(ChangesTheFile(None, lambda _: os.chdir(elsewhere)))
    got = train_from_file(Path("names.txt"), pipe, chunk_size=80)["clf"]
    assert Path.cwd() == elsewhere
    assert got.loss_curve_ == want.loss_curve_
    assert_same_weights(got, want)


def test_a_changed_file_is_said_in_the_spelling_of_its_path(tmp_path, monkeypatch):
    # The file's path as given, not as the passes find it (absolute).
    monkeypatch.chdir(tmp_path)
    path = write(Path("names.txt"), NAMES)
    pipe = small_pipe()
    pipe["clf"].set_callbacks(ChangesTheFile(path, "appended"))
    with pytest.raises(ValueError, match="^'names.txt' changed while training"):
        train_from_file("names.txt", pipe, chunk_size=80)


@pytest.mark.parametrize("chunk_size", [80, 1000])
def test_the_pass_that_weighs_the_counts_refuses_a_changed_file(
    tmp_path, monkeypatch, chunk_size
):
    # It weighed the counts of the file as it was then, unchecked, and the
    # epochs trained on the names appended.
    import sknextchar._chunked as chunked

    path = tmp_path / "names.csv"
    rows = "".join(f"{name},{i % 3 + 1}\n" for i, name in enumerate(NAMES))
    path.write_text("name,count\n" + rows, encoding="utf-8")
    first_pass = chunked.first_pass

    def then_append(*args, **kwargs):
        n_learned = first_pass(*args, **kwargs)
        _appended(path, "zoe,2\n")
        return n_learned

    monkeypatch.setattr(chunked, "first_pass", then_append)
    said = "changed while training read it: the pass that weighs the counts found it"
    columns = {"names_column": "name", "counts_column": "count"}
    with pytest.raises(ValueError, match=f"{said} grown from"):
        train_from_file(path, small_pipe(), chunk_size=chunk_size, **columns)


def test_a_resumed_training_of_a_changed_file_leaves_the_pipeline_as_it_was(tmp_path):
    # Its epochs are counted from those the pipeline had trained already.
    path = write(tmp_path / "names.txt", NAMES)
    fitted = train_from_file(path, small_pipe(clf__max_iter=2), chunk_size=80)
    fitted.set_params(clf__max_iter=5)
    kept = copy.deepcopy(fitted["clf"])
    fitted["clf"].set_callbacks(ChangesTheFile(path, "appended"))
    with pytest.raises(ValueError) as caught:
        train_from_file(path, fitted, chunk_size=80, resume=True)
    message = str(caught.value)
    assert "changed while training read it: epoch 4 found it grown from" in message
    assert "The epoch this training finished is not kept." in message
    assert fitted["clf"].loss_curve_ == kept.loss_curve_ == kept.loss_curve_[:2]
    assert_same_weights(fitted["clf"], kept)


def test_command_line_resume_without_chunks_gives_no_chunk_advice(
    tmp_path, capsys, monkeypatch
):
    # train --resume reads NAMES_FILE more than once without --chunk-size
    # too: a change was refused with "Training in chunks reads its file again
    # for each epoch ... or, if the names fit in memory, train without
    # --chunk-size", a flag not given.
    import sknextchar._chunked as chunked

    path, model = write(tmp_path / "names.txt", NAMES), tmp_path / "m.skops"
    argv = ["train", str(path), "--hidden-layer-sizes", "8", "-q", "-o", str(model)]
    assert main([*argv, "--max-iter", "1", "--validation-fraction", "0"]) == 0
    saved, first_pass = model.read_bytes(), chunked.first_pass

    def then_append(*args, **kwargs):
        n_learned = first_pass(*args, **kwargs)
        _appended(path, "zoe\n")
        return n_learned

    monkeypatch.setattr(chunked, "first_pass", then_append)
    out = tmp_path / "m2.skops"
    out.write_bytes(saved)
    resumed = ["train", "--resume", str(model), str(path), "-o", str(out)]
    assert main([*resumed, "--max-iter", "3", "-q", "--force"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {str(path)!r} changed while training")
    assert err.endswith(
        "Training from a file reads it more than once: its epochs would learn a "
        "mix of the old names and the new. Copy the file and train on the copy, "
        "which stays as it is.\n"
    )
    assert "chunk" not in err and "load_names" not in err
    assert out.read_bytes() == saved  # the model file untouched


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("appended", "grown from 2,282 to 2,286 bytes (written to or appended to)"),
        ("same size and time", "modified: the same size, other bytes (written"),
    ],
)
def test_command_line_resume_refuses_a_file_changed_after_its_names_were_read(
    tmp_path, capsys, monkeypatch, change, said
):
    # train --resume without --chunk-size read the names into memory, then
    # trained on the file as it was when training began (read again,
    # unchecked): the model learned the names changed while the model file
    # loaded, its record held the names read before, and it was saved. A
    # rewrite of the same size that kept the file's time was still not seen.
    import sknextchar.cli._resume as resume

    path, model = write(tmp_path / "names.txt", NAMES), tmp_path / "m.skops"
    argv = ["train", str(path), "--hidden-layer-sizes", "8", "-q", "-o", str(model)]
    assert main([*argv, "--max-iter", "1", "--validation-fraction", "0"]) == 0
    load_trained = resume.load_trained
    changed = {**CONTENT_CHANGES, "appended": lambda path: _appended(path, "zoe\n")}

    def then_change(*args, **kwargs):
        loaded = load_trained(*args, **kwargs)
        changed[change](path)
        return loaded

    monkeypatch.setattr(resume, "load_trained", then_change)
    out = tmp_path / "m2.skops"
    resumed = ["train", "--resume", str(model), str(path), "-o", str(out), "-q"]
    assert main([*resumed, "--max-iter", "3"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {str(path)!r} changed while training")
    assert (
        "read it: the pass after the one that read the names into memory found it "
        f"{said}" in err
    )
    assert "chunk" not in err and "load_names" not in err and "Traceback" not in err
    assert not out.exists()


def test_command_line_resume_names_a_change_while_the_names_are_read(
    tmp_path, capsys, monkeypatch
):
    # A change while the names were read into memory was said to be found by
    # "the end of the first pass", a pass the user never asked for.
    import sknextchar.cli._resume as resume

    path, model = write(tmp_path / "names.txt", NAMES), tmp_path / "m.skops"
    argv = ["train", str(path), "--hidden-layer-sizes", "8", "-q", "-o", str(model)]
    assert main([*argv, "--max-iter", "1", "--validation-fraction", "0"]) == 0
    training_names = resume.training_names

    def then_append(args):
        read = training_names(args)
        _appended(path, "zoe\n")
        return read

    monkeypatch.setattr(resume, "training_names", then_append)
    out = tmp_path / "m2.skops"
    resumed = ["train", "--resume", str(model), str(path), "-o", str(out), "-q"]
    assert main([*resumed, "--max-iter", "3"]) == 1
    err = capsys.readouterr().err
    assert (
        "changed while training read it: the reading of the names into memory "
        "found it grown from 2,282 to 2,286 bytes" in err
    )
    assert "first pass" not in err and not out.exists()


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("removed", "could not open it again (it is gone: removed or renamed"),
        ("appended", "found it grown from 2,282 to 2,291 bytes"),
        ("same size and time", "found it modified: the same size, other bytes"),
    ],
)
def test_a_change_found_after_the_last_epoch_keeps_the_model(tmp_path, change, said):
    # The passes that record the lengths by prefix refused the file: "The 1
    # epoch this training finished is not kept.", though it had trained on the
    # file as it was (and of a file removed, "No such file of names" before).
    path = write(tmp_path / "names.txt", NAMES)
    settings = {"chunk_size": 80, "return_sampler": True}
    want = train_from_file(path, small_pipe(clf__max_iter=1), **settings)
    pipe = small_pipe(clf__max_iter=1)
    pipe["clf"].set_callbacks(ChangesTheFile(path, change))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = train_from_file(path, pipe, **settings)
    [warning] = caught
    assert warning.category is FileChangedWarning  # its own class, to filter
    assert warning.filename == __file__  # the line that called train_from_file
    message = str(warning.message)
    assert message.startswith(
        f"{str(path)!r} changed after the last epoch of training: a pass after "
        "the last epoch (recording the lengths by prefix) "
    )
    assert said in message and "The trained model is kept" in message
    assert "not kept" not in message and "No such file of names" not in message
    got_clf, want_clf = (
        got.estimator_.estimator["clf"],
        want.estimator_.estimator["clf"],
    )
    assert got_clf.loss_curve_ == want_clf.loss_curve_
    assert_same_weights(got_clf, want_clf)
    assert want.training_prefix_lengths_ is not None  # what was left out
    assert got.training_prefix_lengths_ is None
    np.testing.assert_array_equal(
        got.training_length_counts_, want.training_length_counts_
    )
    np.testing.assert_array_equal(got.training_transitions_, want.training_transitions_)


def test_a_change_after_the_last_epoch_under_an_error_filter_is_its_warning(
    tmp_path,
):
    # The warning was a UserWarning given while the error of the change was
    # handled: under an "error" filter the traceback showed that error ("The
    # 1 epoch this training finished is not kept.") and, "during handling" of
    # it, the warning that "The trained model is kept".
    path = write(tmp_path / "names.txt", NAMES)
    pipe = small_pipe(clf__max_iter=1)
    pipe["clf"].set_callbacks(ChangesTheFile(path, "appended"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", FileChangedWarning)
        with pytest.raises(FileChangedWarning) as caught:
            train_from_file(path, pipe, chunk_size=80, return_sampler=True)
    assert "The trained model is kept" in str(caught.value)
    assert caught.value.__context__ is None  # not raised while handling another


def _changing_after_epoch(monkeypatch, path, change, epoch=0):
    """``train --chunk-size`` changes ``path`` after its epoch ``epoch``."""
    import sknextchar._chunked as chunked

    epoch_trainer = chunked._epoch_trainer

    def and_change(*args):
        train_epoch = epoch_trainer(*args)

        def then_change(at):
            stop = train_epoch(at)
            if at == epoch:
                change(path)
            return stop

        return then_change

    monkeypatch.setattr(chunked, "_epoch_trainer", and_change)


def test_a_change_found_after_two_epochs_says_both_are_lost(tmp_path, monkeypatch):
    # Nothing said that the epochs trained before the change were thrown away.
    path = write(tmp_path / "names.txt", NAMES)
    _changing_after_epoch(monkeypatch, path, CONTENT_CHANGES["appended"], epoch=1)
    with pytest.raises(ValueError) as caught:
        train_from_file(path, small_pipe(clf__max_iter=4), chunk_size=80)
    message = str(caught.value)
    assert "epoch 3 found it grown" in message
    assert (
        "found it grown from 2,282 to 2,291 bytes (written to or appended to)"
        in message
    )
    assert "The 2 epochs this training finished are not kept." in message


@pytest.mark.parametrize(
    ("change", "max_iter", "said"),
    [
        ("other names", 3, "epoch 2 found it shrunk"),
        ("fifo", 3, "epoch 2 could not read it again (a FIFO (named pipe)"),
    ],
)
def test_command_line_chunks_say_the_file_changed_in_its_words(
    tmp_path, capsys, monkeypatch, change, max_iter, said
):
    # Written over: trained on the new names and saved over the model. A FIFO
    # put in its place: "train_from_file ... (--max-iter) ... fit the pipeline
    # on them in memory", Python's advice.
    path, model = write(tmp_path / "names.txt", NAMES), tmp_path / "m.skops"
    argv = ["train", str(path), "--hidden-layer-sizes", "8", "-q", "-o", str(model)]
    assert main([*argv, "--max-iter", "1", "--validation-fraction", "0"]) == 0
    saved = model.read_bytes()
    _changing_after_epoch(monkeypatch, path, {**CHANGES, **CONTENT_CHANGES}[change])
    argv += ["--chunk-size", "80", "--max-iter", str(max_iter), "--force"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {str(path)!r} changed while training")
    assert said in err and "Traceback" not in err and err.count("\n") == 1
    for python in ("train_from_file", "load_names", "pipeline", "max_iter"):
        assert python not in err
    if change == "other names":
        assert "or, if the names fit in memory, train without --chunk-size" in err
    assert model.read_bytes() == saved  # the model file untouched


@pytest.mark.parametrize("change", ["removed", "fifo"])
def test_a_one_chunk_file_changed_after_its_first_epoch_trains_from_memory(
    tmp_path, change
):
    # Its later epochs read no file (its one chunk is kept): a FIFO put in its
    # place was refused, as if the next epoch would read it.
    path = write(tmp_path / "names.txt", NAMES)
    pipe = small_pipe(clf__max_iter=3)
    pipe["clf"].set_callbacks(ChangesTheFile(path, change))
    pipe = train_from_file(path, pipe, chunk_size=10_000)
    assert len(pipe["clf"].loss_curve_) == 3


def chunked_windows(clf, pipe):
    return pipe["windows"].fit(NAMES).transform(NAMES[:3])


@pytest.mark.parametrize("resume", [False, True])
def test_chunks_refuse_a_line_too_long_for_a_name(tmp_path, capsys, resume):
    # A line of 1,499 characters trained as one name with --chunk-size (and
    # --resume --chunk-size), which train without them refuses.
    model = tmp_path / "m.skops"
    argv = ["--validation-fraction", "0", "--hidden-layer-sizes", "8", "-q"]
    if resume:
        names = write(tmp_path / "ok.txt", NAMES[:20])
        first = ["train", str(names), *argv, "--max-iter", "1", "-o", str(model)]
        assert main(first) == 0
        argv = ["--resume", str(model), "-q", "--force"]
    path = write(tmp_path / "long.txt", [*NAMES[:5], "a" * 1499, "asha"])
    for extra in (["--chunk-size", "2"], []):
        out = tmp_path / "out.skops"
        assert main(["train", str(path), *argv, "--max-iter", "2", *extra,
                     "-o", str(out)]) == 1  # fmt: skip
        err = capsys.readouterr().err
        # In chunks, refused as it is read: "more than 1,000 characters".
        assert err.startswith(
            f"sknextchar: error: Line 6 of {str(path)!r} holds a name of "
        )
        assert "characters, starting 'aaaaaaaaaaaaaaaaaaaa'" in err
        assert "1,000" in err and "Give each name a line of its own" in err
        assert err.count("\n") == 1 and not out.exists()


def test_the_length_check_of_chunks_adds_no_pass_over_the_file(tmp_path, monkeypatch):
    path = write(tmp_path / "names.txt", NAMES)
    argv = ["train", str(path), "--chunk-size", "100", "--max-iter", "2"]
    argv += ["--hidden-layer-sizes", "8", "--validation-fraction", "0", "-q"]
    import sknextchar._name_chunks as name_chunks

    passes, read = [], name_chunks.read_name_chunks
    monkeypatch.setattr(
        name_chunks,
        "read_name_chunks",
        lambda *a, **k: passes.append(1) or read(*a, **k),
    )
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 0
    assert len(passes) == 3  # the first pass and 2 epochs
    seen = []
    train_from_file(path, small_pipe(clf__max_iter=1), chunk_size=100,
                    check_names=seen.append)  # fmt: skip
    assert [len(chunk) for chunk in seen] == [100, 100, 100, 2]  # once each


def test_advice_of_the_first_pass_names_the_pipelines_parameter(tmp_path, capsys):
    # It said alphabet='auto', which set_params of the pipeline refuses.
    path = write(tmp_path / "names.txt", [*NAMES[:20], "zoë"])
    with pytest.raises(ValueError) as caught:
        train_from_file(path, small_pipe(), chunk_size=10)
    message = str(caught.value)
    assert "pass windows__alphabet='auto' (or a larger alphabet), or " in message
    assert "windows__strip_accents='unicode'" in message
    assert "windows__handle_unknown='drop'" in message
    assert " alphabet=" not in message and "'zoë' (line 21 of " in message
    advice = {"windows__alphabet": "auto", "clf__max_iter": 1}
    fitted = train_from_file(path, small_pipe(**advice), chunk_size=10)  # it works
    assert "ë" in fitted["windows"].vocabulary_
    # A pipeline of other step names; a resumed run (a new model is the way).
    other = make_pipeline(ContextWindowTransformer(), small_pipe()["clf"])
    with pytest.raises(ValueError, match=r"pass contextwindowtransformer__alphabet="):
        train_from_file(path, other, chunk_size=10)
    old = train_from_file(write(tmp_path / "a.txt", NAMES[:20]), small_pipe())
    with pytest.raises(ValueError, match=r"\(resume=False\) with windows__alphabet="):
        train_from_file(path, old.set_params(clf__max_iter=4), resume=True)
    # The command line spells them as its flags.
    argv = ["train", str(path), "--chunk-size", "10", "--validation-fraction", "0"]
    assert main([*argv, "-q", "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "pass --alphabet auto (or a larger alphabet)" in err
    assert "--strip-accents unicode" in err and "__" not in err


def test_advice_in_the_pipelines_spelling_leaves_the_quoted_names_as_they_are(
    tmp_path,
):
    # A name that reads like a setting was quoted as names[20]='x windows__alphabet=1'.
    path = write(tmp_path / "names.txt", [*NAMES[:20], "x alphabet=1", 'y "unit=2'])
    with pytest.raises(ValueError) as caught:
        train_from_file(path, small_pipe(), chunk_size=10)
    message = str(caught.value)
    shown = shown_path(path)
    assert (
        f"'x alphabet=1' (line 21 of {shown}), 'y \"unit=2' (line 22 of {shown})"
        in message
    )
    assert "pass windows__alphabet='auto' (or a larger alphabet)" in message


def test_check_names_that_is_no_function_is_refused_before_reading(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\nravi\n")
    with pytest.raises(TypeError, match="check_names must be a function"):
        train_from_file(path, chunk_size=1, check_names=True)


def test_passes_stop_as_fit_stops_when_the_loss_no_longer_improves(tmp_path):
    # Before: train_from_file ran every one of max_iter passes, whatever tol and
    # n_iter_no_change said; fit stops (here after 8 epochs).
    names = list(load_indian_names()[:300])
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names))

    def pipe():
        return make_default_pipeline(random_state=0).set_params(
            clf__learning_rate="constant", clf__tol=0.05, clf__n_iter_no_change=2,
            clf__max_iter=30, clf__validation_fraction=0.0,
            clf__hidden_layer_sizes=(16,),
        )  # fmt: skip

    in_memory = pipe().fit(names)
    one_chunk = train_from_file(path, pipe(), chunk_size=1000)
    assert 2 < in_memory["clf"].n_iter_ < 30
    assert one_chunk["clf"].n_iter_ == in_memory["clf"].n_iter_
    assert one_chunk["clf"].loss_curve_ == in_memory["clf"].loss_curve_
    np.testing.assert_array_equal(
        one_chunk["clf"].coefs_[0], in_memory["clf"].coefs_[0]
    )
    assert one_chunk["clf"]._no_improvement_count == 2
    chunks = train_from_file(path, pipe(), chunk_size=100)["clf"]
    assert len(chunks.loss_curve_) < 30 and chunks._no_improvement_count == 2


def test_chunk_size_takes_numpy_integers_and_refuses_bools(tmp_path):
    # Before: np.int64(100) was refused and True trained in chunks of one name.
    path = write(tmp_path / "names.txt", NAMES)
    with pytest.raises(TypeError, match="chunk_size must be a positive integer"):
        train_from_file(path, small_pipe(), chunk_size=True)
    pipe = train_from_file(path, small_pipe(clf__max_iter=1), chunk_size=np.int64(200))
    assert pipe["clf"].n_iter_ == 1


def test_command_line_chunks_keep_a_model_whose_file_changed_after_training(
    tmp_path, capsys, monkeypatch
):
    # Removed after the last epoch: "No such file of names", then "changed
    # while training read it ... The 1 epoch this training finished is not
    # kept", and the model trained on the file as it was was lost.
    path, model = write(tmp_path / "names.txt", NAMES), tmp_path / "m.skops"
    _changing_after_epoch(monkeypatch, path, CHANGES["removed"])
    argv = ["train", str(path), "--hidden-layer-sizes", "8", "-q", "-o", str(model)]
    assert main([*argv, "--chunk-size", "80", "--max-iter", "1"]) == 0
    out, err = capsys.readouterr()
    assert err.startswith(
        f"sknextchar: warning: {str(path)!r} changed after the last epoch of "
        "training: a pass after the last epoch"
    )
    assert "The trained model is kept" in err and err.count("\n") == 1
    assert "sampling with --match-lengths after a prefix matches" in err
    assert out == ""  # -q: no report, the warning stays (sknextchar.cli._quiet)
    saved = load_model(model)
    assert saved.training_prefix_lengths_ is None
    assert saved.training_length_counts_ is not None


@pytest.mark.parametrize("resumed", [False, True])
def test_command_line_keeps_the_epochs_before_the_file_changed(
    tmp_path, capsys, monkeypatch, resumed
):
    # The 2 epochs finished before the names file changed read it as it was:
    # "The 2 epochs this training finished are not kept.", and the user
    # trained them again. Now they are saved beside -o, as after Ctrl-C.
    from sknextchar import load_model

    path, model = write(tmp_path / "names.txt", NAMES), tmp_path / "m.skops"
    argv = ["train", str(path), "--chunk-size", "80", "-o", str(model), "-q"]
    small = ["--hidden-layer-sizes", "8"]
    if resumed:  # 1 epoch before, then 2 of this run; the change in its third
        assert main([*argv, *small, "--max-iter", "1"]) == 0
        model, argv = model.with_name("more.skops"), [
            "train", str(path), "--chunk-size", "80", "--resume", str(model),
            "-o", str(model.with_name("more.skops")), "-q",
        ]  # fmt: skip
        small = []
    capsys.readouterr()
    _changing_after_epoch(
        monkeypatch, path, CONTENT_CHANGES["appended"], epoch=1 + resumed
    )
    assert main([*argv, *small, "--max-iter", "5"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "not kept" not in err
    n = 2 + resumed  # epochs in the kept model
    assert f"changed while training read it: epoch {n + 1} found it grown" in err
    (kept,) = set(tmp_path.glob("*.skops")) - {tmp_path / "m.skops"}
    assert f"The model after epoch {n}, its last finished epoch" in err
    assert f"saved to {str(kept)!r} instead, and {str(model)!r} was not created:" in err
    assert f"epochs {n + 1} to 5 are left to train" in err
    resume = f"--chunk-size 80 --resume {kept} -o {model}"
    assert f"(sknextchar train COPY {resume})" in err  # -o as this run's
    assert not model.exists()
    saved = load_model(kept)
    clf = saved.estimator_.estimator[-1]
    assert len(clf.loss_curve_) == n
    assert saved.training_length_counts_.sum() == len(NAMES) * (1 + resumed)
