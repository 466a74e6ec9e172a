"""Ctrl-C in ``train --resume`` (in memory or in chunks), once an epoch ended,
keeps the model with the records of the names of both runs: the kept file's
records are those the uninterrupted run saves, never the resumed file's alone
or none. ``train`` and ``train --labels`` stopped after their fit do the same."""

import shutil

import numpy as np
import pytest

from sknextchar import NameSampler, load_model
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

SMALL = ["--hidden-layer-sizes", "8", "--embedding-dim", "4", "--seed", "0"]
OLD_NAMES = load_indian_names()[::80]
NEW_NAMES = load_indian_names()[1::40]  # a prefix of 2 letters kept: 3 passes
RECORDS = (
    "training_length_counts_",
    "training_length_counts_by_label_",
    "training_prefix_lengths_",
    "training_transitions_",
    "training_name_hashes_",
    "training_name_folded_hashes_",
)


def _file(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _interrupt_first_call(monkeypatch, owner, name):
    """Ctrl-C in the first call of ``owner.name``; later calls run it."""
    done, calls = getattr(owner, name), []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return done(*args, **kwargs)

    monkeypatch.setattr(owner, name, interrupted)
    return calls


@pytest.fixture(scope="module")
def old_models(tmp_path_factory):
    """The models the resumed runs start from, each trained once for the module:
    one trained in chunks (no record of the names), one in memory."""
    folder = tmp_path_factory.mktemp("old")
    old_file = _file(folder, "old.txt", OLD_NAMES)
    argv = ["train", old_file, *SMALL, "--max-iter", "1", "-q"]
    chunked, in_memory = str(folder / "chunked.skops"), str(folder / "memory.skops")
    assert main([*argv, "--chunk-size", "50", "-o", chunked]) == 0
    assert main([*argv, "--validation-fraction", "0", "-o", in_memory]) == 0
    return {"chunked": chunked, "in memory": in_memory}


def _old_model(tmp_path, old_models, kind):
    """A copy of the old model in the test's folder, as the test had trained it."""
    old = str(tmp_path / "old.skops")
    shutil.copyfile(old_models[kind], old)
    return old


def _assert_same(kept, whole, key):
    if isinstance(whole, dict):
        assert isinstance(kept, dict) and kept.keys() == whole.keys(), key
        for part in whole:
            _assert_same(kept[part], whole[part], f"{key}[{part!r}]")
    elif isinstance(whole, np.ndarray):
        np.testing.assert_array_equal(kept, whole, err_msg=key)
    else:
        assert kept == whole, key


@pytest.fixture(scope="module")
def whole_runs():
    """The models of the whole runs, by the run: one run serves every place of
    Ctrl-C in it (the tests only read them)."""
    return {}


def _kept_and_whole(tmp_path, argv, capsys, stop, whole_runs=None, run=None):
    """Run ``argv`` once stopped by ``stop()`` (Ctrl-C set up), once whole:
    the kept file, the whole run's file and the message of the first run.
    With ``whole_runs``, the whole run is made once for each ``run`` (its
    ``argv`` but for the paths of the test's folder)."""
    calls = stop()
    assert main([*argv, "-o", str(tmp_path / "model.skops")]) == 130
    err = capsys.readouterr().err
    assert "Traceback" not in err and calls, err
    assert not (tmp_path / "model.skops").exists()
    [kept] = sorted(tmp_path.glob("model.unsaved-*.skops"))
    calls[:] = [1] * 100  # no more Ctrl-C
    if whole_runs is None:
        whole_runs, run = {}, None
    if run not in whole_runs:
        assert main([*argv, "-q", "-o", str(tmp_path / "whole.skops")]) == 0
        capsys.readouterr()
        whole_runs[run] = load_model(tmp_path / "whole.skops")
    return load_model(kept), whole_runs[run], err


def _assert_records_of_the_whole_run(kept, whole):
    assert isinstance(kept, NameSampler), type(kept).__name__
    assert whole.training_length_counts_ is not None  # something to compare
    for key in RECORDS:
        _assert_same(getattr(kept, key, None), getattr(whole, key, None), key)


def _stop(monkeypatch, ctrl_c_at_partial_fit, where):
    import sknextchar.cli._resume as resume
    from sknextchar._chunk_record import ChunkedRecord

    if where == "epoch":  # one chunk a pass: in the second resumed epoch
        return lambda: ctrl_c_at_partial_fit(2)
    owner, name = {
        "report": (resume, "counted"),  # "Continued ... for 2 epochs ..."
        "record": (resume, "_with_record"),  # what to save
        "passes": (ChunkedRecord, "finish"),  # train_from_file's last passes
    }[where]
    return lambda: _interrupt_first_call(monkeypatch, owner, name)


@pytest.mark.slow
@pytest.mark.parametrize(
    "where, chunk, told",
    [
        ("report", None, "after the training ended (3 epochs)"),
        ("record", None, "after the training ended (3 epochs)"),
        ("passes", None, "after the training ended (3 epochs)"),
        ("epoch", None, "after 2 finished epochs of 3"),
        ("report", "60", "after the training ended (3 epochs)"),
        ("record", "60", "after the training ended (3 epochs)"),
    ],
)
def test_ctrl_c_in_a_resumed_run_keeps_the_records_of_both_runs(
    tmp_path,
    capsys,
    monkeypatch,
    ctrl_c_at_partial_fit,
    old_models,
    whole_runs,
    where,
    chunk,
    told,
):
    # A model trained in chunks keeps its names' length counts and spelling
    # but no record of the names: the resumed run adds its own to them.
    old = _old_model(tmp_path, old_models, "chunked")
    argv = ["train", _file(tmp_path, "new.txt", NEW_NAMES), "--resume", old]
    argv += ["--max-iter", "3", *(["--chunk-size", chunk] if chunk else [])]
    stop = _stop(monkeypatch, ctrl_c_at_partial_fit, where)
    run = ("from a model trained in chunks", chunk)
    kept, whole, err = _kept_and_whole(tmp_path, argv, capsys, stop, whole_runs, run)
    assert told in err and "model.skops' was not created" in err, err
    _assert_records_of_the_whole_run(kept, whole)
    old_counts = load_model(old).training_length_counts_
    assert kept.training_length_counts_.sum() == old_counts.sum() + len(NEW_NAMES)
    assert kept.training_name_hashes_ is None  # the old file kept none


@pytest.mark.parametrize("where", ["report", "record"])
def test_ctrl_c_in_a_resumed_run_keeps_the_record_of_the_names(
    tmp_path, capsys, monkeypatch, ctrl_c_at_partial_fit, old_models, whole_runs, where
):
    old = _old_model(tmp_path, old_models, "in memory")
    argv = ["train", _file(tmp_path, "new.txt", NEW_NAMES), "--resume", old]
    stop = _stop(monkeypatch, ctrl_c_at_partial_fit, where)
    argv += ["--max-iter", "3"]
    run = ("from a model trained in memory", None)
    kept, whole, _ = _kept_and_whole(tmp_path, argv, capsys, stop, whole_runs, run)
    _assert_records_of_the_whole_run(kept, whole)
    assert kept.in_training_set([OLD_NAMES[0], NEW_NAMES[0]]).all()


@pytest.mark.parametrize("labelled", [False, True])
def test_ctrl_c_after_the_fit_of_train_keeps_the_whole_records(
    tmp_path, capsys, monkeypatch, labelled
):
    import sknextchar.cli._train_report as train_report

    argv = ["train", _file(tmp_path, "names.txt", OLD_NAMES), *SMALL]
    if labelled:
        labels = ["girl" if i % 3 else "boy" for i in range(len(OLD_NAMES))]
        argv += ["--labels", _file(tmp_path, "labels.txt", labels)]

    def stop():
        return _interrupt_first_call(monkeypatch, train_report, "report_training")

    kept, whole, err = _kept_and_whole(
        tmp_path, [*argv, "--max-iter", "2"], capsys, stop
    )
    assert "after the training ended (2 epochs)" in err, err
    _assert_records_of_the_whole_run(kept, whole)
    assert (kept.training_length_counts_by_label_ is not None) == labelled
