"""The passes of a chunked training that build the record of the names'
lengths (``sknextchar._chunk_record``): a chunk of names of count 0 only, the
memory a long name takes, the progress of the passes after the training, and
an in-memory ``train --resume`` that needs none of them."""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator

from sknextchar import (
    ContextWindowTransformer,
    NameSampler,
    make_default_pipeline,
    train_from_file,
)
from sknextchar._chunk_record import ChunkedRecord
from sknextchar._persistence import load_model
from sknextchar.cli import main
from sknextchar.metrics import sample_report
from tests._traced import tracing


def small_pipe(max_iter=1):
    settings = dict(clf__hidden_layer_sizes=(8,), clf__max_iter=max_iter)
    return make_default_pipeline(random_state=0).set_params(**settings)


def zero_chunk_file(tmp_path):
    """A table whose first chunk of 2 names has counts of 0 only."""
    path = tmp_path / "z.csv"
    path.write_text("name,count\nann,0\nbob,0\ncat,1\ndora,2\n", encoding="utf-8")
    return path


def test_a_chunk_of_names_of_count_0_only_is_trained_past(tmp_path, capsys):
    path, out = zero_chunk_file(tmp_path), tmp_path / "z.skops"
    argv = ["train", str(path), "--counts", "count", "--chunk-size", "2", "-q"]
    argv += ["--max-iter", "1"]
    assert main([*argv, "-o", str(out)]) == 0, capsys.readouterr().err
    model = load_model(out)
    assert model.training_length_counts_.tolist() == [0, 0, 0, 1, 2]
    more = tmp_path / "more.skops"
    argv = ["train", str(path), "--resume", str(out), "--max-iter", "3", "-q"]
    assert main([*argv, "--counts", "count", "--chunk-size", "2", "-o", str(more)]) == 0
    assert load_model(more).training_length_counts_.tolist() == [0, 0, 0, 2, 4]


def test_train_from_file_keeps_the_lengths_past_a_chunk_of_counts_0(tmp_path):
    path = zero_chunk_file(tmp_path)
    sampler = train_from_file(
        path, small_pipe(), chunk_size=2, names_column="name",
        counts_column="count", return_sampler=True,
    )  # fmt: skip
    fitted = NameSampler(FrozenEstimator(sampler.estimator_.estimator))
    fitted.fit(["ann", "bob", "cat", "dora"], sample_weight=[0, 0, 1, 2])
    np.testing.assert_array_equal(
        sampler.training_length_counts_, fitted.training_length_counts_
    )


def test_a_long_name_does_not_pad_every_name_of_its_chunk():
    names = ["ab" * 2] * 4000 + ["a" * 999]  # one long name in a chunk
    windows = ContextWindowTransformer().fit(names[-2:])
    record = ChunkedRecord(windows)
    weights = np.ones(len(names))
    with tracing() as traced:
        record.finish(lambda: iter([(names, weights)]))
    # Padded to the longest, the ids alone take 4,001 x 999 x 8 bytes (32 MB).
    assert traced.peak < 8_000_000, traced.peak
    assert record.length_counts()[[4, 999]].tolist() == [4000, 1]
    assert record.table()["keys"].size == 4  # "a", "ab", "aba", "abab"


def test_the_passes_after_the_training_print_a_line_each(tmp_path, capsys):
    names = ["abcdefgh"] * 30 + ["abcdxy"] * 25 + ["zed"]
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    train_from_file(path, small_pipe(), chunk_size=20, verbose=True,
                    return_sampler=True)  # fmt: skip
    lines = [
        line
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("lengths by prefix")
    ]
    # The epoch's pass counts depth 1; "abcd" is common to 55 names, then
    # "abcde" (30) and "abcdx" (25); depth 8 is the longest name's last.
    depths = [int(line.split("depth ")[1].split(":")[0]) for line in lines]
    assert depths == list(range(2, 9)), lines
    kept = [int(line.split("file, ")[1].split(" ")[0]) for line in lines]
    assert kept == [1, 1, 1, 2, 2, 1, 1], lines


def test_a_resume_in_memory_builds_no_record_it_discards(tmp_path, monkeypatch):
    names = ["asha", "abid", "zoe", "ravi"] * 10
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    old, out = tmp_path / "old.skops", tmp_path / "new.skops"
    argv = ["train", str(path), "--max-iter", "1", "--hidden", "8", "-q"]
    assert main([*argv, "-o", str(old)]) == 0  # in memory: a record of its names

    def refused(self, passing):
        raise AssertionError("a pass that builds a record the run discards")

    monkeypatch.setattr(ChunkedRecord, "_recorded", refused)
    argv = ["train", str(path), "--resume", str(old), "--max-iter", "2", "-q"]
    assert main([*argv, "-o", str(out)]) == 0
    assert load_model(out).training_name_hashes_ is not None


def test_match_lengths_on_a_bare_pipeline_names_ctrl_c_among_the_causes(
    tmp_path, capsys
):
    # What Ctrl-C keeps of a training with --chunk-size: the bare pipeline.
    from sknextchar._persistence import save_model

    names = ["asha", "abid", "zoe", "ravi"] * 10
    pipe = small_pipe().fit(names)
    path = tmp_path / "bare.skops"
    save_model(pipe, path)
    assert main(["sample", str(path), "--match-lengths"]) == 1
    err = capsys.readouterr().err
    assert "no record of its training names' lengths" in err
    assert "Ctrl-C stopped a training with --chunk-size" in err


def test_the_report_of_a_sampler_without_its_names_asks_for_them(tmp_path):
    # train_from_file keeps the lengths of the names, not the names: the
    # report asks for them as train (not in_training_set's exclude= of sample).
    path = tmp_path / "n.txt"
    path.write_text("ann\nbob\ncat\ndora\n", encoding="utf-8")
    sampler = train_from_file(path, small_pipe(), chunk_size=2, return_sampler=True)
    assert sampler.training_name_hashes_ is None
    assert sampler.training_length_counts_ is not None
    with pytest.raises(ValueError, match="no record of its training names") as error:
        sample_report(["ann", "eve"], sampler)
    assert "pass the training names as train" in str(error.value)
    assert "train_from_file" in str(error.value)
    assert "exclude" not in str(error.value)
    names = ["ann", "bob", "cat", "dora"]
    assert sample_report(["ann", "eve"], names).in_train == 0.5


def test_in_training_set_of_a_sampler_without_its_names_says_why(tmp_path):
    # The refusal named fit([]) and old files, not train_from_file, which
    # keeps the lengths of its names only; novel=True names it too.
    path = tmp_path / "n.txt"
    path.write_text("ann\nbob\ncat\ndora\n", encoding="utf-8")
    sampler = train_from_file(path, small_pipe(), chunk_size=2, return_sampler=True)
    with pytest.raises(ValueError, match="no record of its training names") as error:
        sampler.in_training_set(["ann"])
    assert "train_from_file" in str(error.value)
    assert "exclude=" not in str(error.value)  # no argument of in_training_set
    with pytest.raises(ValueError, match="train_from_file") as error:
        sampler.sample(1, novel=True)
    assert "exclude=" in str(error.value)


def test_match_lengths_without_length_counts_gives_its_own_advice():
    # A sampler fitted on no names keeps no length counts: the refusal of
    # match_lengths=True said it lacked "the record of its training names"
    # and gave in_training_set's advice (compare with the training names).
    pipe = small_pipe().fit(["ann", "bob", "cat"])
    sampler = NameSampler(FrozenEstimator(pipe)).fit([])
    with pytest.raises(ValueError, match="match_lengths=True needs") as error:
        sampler.sample(1, match_lengths=True)
    message = str(error.value)
    assert "no record of its training names' lengths" in message
    assert "fitted on no names" in message
    assert message.endswith("or leave out match_lengths=True.")
    assert "compare the names" not in message
