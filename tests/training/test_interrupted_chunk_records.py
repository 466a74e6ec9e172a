"""Ctrl-C in ``train --chunk-size`` keeps, with the finished epochs, the
records of the file's names complete by then (length counts and spelling after
the first pass; the prefix table only when whole), and ``train --resume`` from
the kept file keeps them."""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator

from sknextchar import NameSampler, load_model
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

SMALL = ["--hidden-layer-sizes", "8", "--embedding-dim", "4", "--seed", "0"]
NAMES = load_indian_names()[::80]


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    return str(path)


def _kept_in_chunks(names_file, tmp_path, capsys):
    output = tmp_path / "model.skops"
    chunk = str(len(NAMES) // 2 + 1)  # two chunks a pass
    argv = ["train", names_file, "--chunk-size", chunk, *SMALL, "--max-iter", "6"]
    assert main([*argv, "-o", str(output)]) == 130
    assert "Traceback" not in capsys.readouterr().err
    [kept] = sorted(tmp_path.glob("model.unsaved-*.skops"))
    return kept


def _full_fit(sampler):
    """A NameSampler fitted on all the names in memory, on the same pipeline."""
    return NameSampler(FrozenEstimator(sampler.estimator_.estimator)).fit(NAMES)


# 189 names in two chunks a pass: the prefix table of these names is whole
# after two passes (depth 1 keeps 2 prefixes, depth 2 none). Ctrl-C in the
# second pass (partial_fit 3): one depth counted, no table; in the third: whole.
@pytest.mark.parametrize("n_calls, whole", [(3, False), (5, True)])
def test_ctrl_c_in_chunks_keeps_the_length_counts_and_spelling(
    names_file, tmp_path, capsys, ctrl_c_at_partial_fit, n_calls, whole
):
    ctrl_c_at_partial_fit(n_calls)
    kept = _kept_in_chunks(names_file, tmp_path, capsys)
    sampler = load_model(kept)
    assert isinstance(sampler, NameSampler)
    full = _full_fit(sampler)
    np.testing.assert_array_equal(
        sampler.training_length_counts_, full.training_length_counts_
    )
    np.testing.assert_array_equal(
        sampler.training_transitions_, full.training_transitions_
    )
    table = sampler.training_prefix_lengths_  # only when every depth was counted
    assert (table is not None) == whole
    if whole:
        np.testing.assert_array_equal(
            table["counts"], full.training_prefix_lengths_["counts"]
        )
        np.testing.assert_array_equal(
            table["keys"], full.training_prefix_lengths_["keys"]
        )
    longest = len(full.training_length_counts_) - 1
    names = sampler.sample(30, random_state=0)
    assert names and max(map(len, names)) <= longest  # bounds from the lengths
    matched = sampler.sample(5, prefix=NAMES[0][:1], match_lengths=True, random_state=0)
    assert len(matched) == 5  # with or without a prefix table


def test_resume_from_the_kept_file_keeps_the_records(
    names_file, tmp_path, capsys, ctrl_c_at_partial_fit
):
    calls = ctrl_c_at_partial_fit(5)
    path = _kept_in_chunks(names_file, tmp_path, capsys)
    kept = load_model(path)
    calls[:] = [1] * 100  # no more Ctrl-C
    more = tmp_path / "more.skops"
    argv = ["train", names_file, "--resume", str(path), "--max-iter", "4", "-q"]
    assert main([*argv, "-o", str(more)]) == 0, capsys.readouterr().err
    resumed = load_model(more)
    full = _full_fit(resumed)
    np.testing.assert_array_equal(  # the kept run's and this run's, added
        resumed.training_length_counts_,
        kept.training_length_counts_ + full.training_length_counts_,
    )
    np.testing.assert_array_equal(
        resumed.training_transitions_, full.training_transitions_
    )


def test_ctrl_c_in_a_resumed_chunked_run_keeps_the_records(
    names_file, tmp_path, capsys, ctrl_c_at_partial_fit
):
    calls = ctrl_c_at_partial_fit(5)
    path = _kept_in_chunks(names_file, tmp_path, capsys)
    kept = load_model(path)
    path = path.rename(tmp_path / "kept.skops")
    calls.clear()
    ctrl_c_at_partial_fit(3)  # two chunks a pass: in the second resumed pass
    chunk = str(len(NAMES) // 2 + 1)
    argv = ["train", names_file, "--resume", str(path), "--chunk-size", chunk]
    output = tmp_path / "model.skops"
    assert main([*argv, "--max-iter", "6", "-q", "-o", str(output)]) == 130
    assert "Traceback" not in capsys.readouterr().err
    [again] = sorted(tmp_path.glob("model.unsaved-*.skops"))
    resumed = load_model(again)
    assert len(resumed.estimator_.estimator["clf"].loss_curve_) == 3
    full = _full_fit(resumed)
    np.testing.assert_array_equal(
        resumed.training_length_counts_,
        kept.training_length_counts_ + full.training_length_counts_,
    )
    np.testing.assert_array_equal(
        resumed.training_transitions_, full.training_transitions_
    )


def test_ctrl_c_after_the_chunked_fit_keeps_the_whole_records(
    names_file, tmp_path, capsys, monkeypatch
):
    import sknextchar.cli._in_chunks as in_chunks

    def interrupted(*args, **kwargs):  # the report after train_from_file
        raise KeyboardInterrupt

    monkeypatch.setattr(in_chunks, "counted", interrupted)
    output = tmp_path / "model.skops"
    chunk = str(len(NAMES) // 2 + 1)
    argv = ["train", names_file, "--chunk-size", chunk, *SMALL, "--max-iter", "2"]
    assert main([*argv, "-q", "-o", str(output)]) == 130
    assert "after the training ended" in capsys.readouterr().err
    [kept] = sorted(tmp_path.glob("model.unsaved-*.skops"))
    sampler = load_model(kept)
    full = _full_fit(sampler)
    for key in ("training_length_counts_", "training_transitions_"):
        np.testing.assert_array_equal(getattr(sampler, key), getattr(full, key))
    np.testing.assert_array_equal(
        sampler.training_prefix_lengths_["keys"], full.training_prefix_lengths_["keys"]
    )
