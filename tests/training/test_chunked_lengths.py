"""A model trained from a file in chunks keeps the record of its names'
lengths that a fit on all the names builds (the length counts, the counts by
common prefix), built a chunk at a time: it samples names of the training
names' lengths, ``--match-lengths`` works, and ``train --resume`` keeps them."""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator

from sknextchar import NameSampler, make_default_pipeline, train_from_file
from sknextchar._persistence import load_model
from sknextchar._prefix_lengths import counts_by_key, prefix_counts
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names


def small_pipe(**params):
    settings = dict(
        clf__hidden_layer_sizes=(16,), clf__max_iter=1, clf__batch_size=64,
    )  # fmt: skip
    return make_default_pipeline(random_state=0).set_params(**settings, **params)


def some_names(n, low=4, high=10):
    """Bundled names of ``low`` to ``high`` letters (some prefixes of 20+)."""
    names = [name for name in load_indian_names() if low <= len(name) <= high]
    return names[:: max(1, len(names) // n)][:n]


def one_shot(sampler, names, weights=None):
    """The sampler NameSampler.fit builds from all the names in memory."""
    pipe = sampler.estimator_.estimator
    return NameSampler(FrozenEstimator(pipe)).fit(names, sample_weight=weights)


def assert_same_lengths(chunked, fitted, exact=True):
    same = np.testing.assert_array_equal if exact else np.testing.assert_allclose
    counts, expected = chunked.training_length_counts_, fitted.training_length_counts_
    assert counts.dtype == expected.dtype
    np.testing.assert_array_equal(counts, expected)
    table, table_fit = chunked.training_prefix_lengths_, fitted.training_prefix_lengths_
    # Each key's row (fractional sums may differ in the last bits, and so
    # rows that are one in fit's table may be two in the chunks', shared or not).
    assert table.keys() - {"rows"} == table_fit.keys() - {"rows"}
    np.testing.assert_array_equal(table["keys"], table_fit["keys"])
    assert table["counts"].dtype == table_fit["counts"].dtype
    same(counts_by_key(table), counts_by_key(table_fit))
    assert table["min_names"] == table_fit["min_names"]
    same(table["blend"], table_fit["blend"])
    # One helper for both, on sums added in another order: equal to ulps.
    np.testing.assert_allclose(
        chunked.training_name_weight_, fitted.training_name_weight_, rtol=1e-12
    )
    assert chunked.training_length_range() == fitted.training_length_range()


@pytest.mark.slow
@pytest.mark.parametrize("chunk_size", [1, 4, 1000])
def test_the_length_records_built_in_chunks_are_those_of_all_the_names(
    tmp_path, chunk_size
):
    names = some_names(300)
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    sampler = train_from_file(
        path, small_pipe(), chunk_size=chunk_size, return_sampler=True
    )
    fitted = one_shot(sampler, names)
    assert len(fitted.training_prefix_lengths_["keys"]) > 3  # prefixes of depth 2
    assert_same_lengths(sampler, fitted)
    # The default length bounds are those of the names: not 1 to 20.
    assert sampler.max_length is None
    assert sampler.training_length_range() == (4, 10)


@pytest.mark.parametrize("fraction", [False, True])
def test_counts_weigh_the_lengths_as_fit_weighs_them(tmp_path, fraction):
    names = some_names(200) + ["abcdefghijklmn"]  # the longest, of count 0
    rng = np.random.default_rng(0)
    counts = rng.integers(0, 4, len(names)).astype(float)
    counts[-1] = 0
    if fraction:
        counts *= 0.7
    path = tmp_path / "names.csv"
    rows = [f"{name},{float(count)!r}" for name, count in zip(names, counts)]
    path.write_text("name,n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    sampler = train_from_file(
        path, small_pipe(), chunk_size=7, names_column="name",
        counts_column="n", return_sampler=True,
    )  # fmt: skip
    fitted = one_shot(sampler, names, counts)
    # Fractional counts are added in file order, fit's by prefix: the last bits.
    assert_same_lengths(sampler, fitted, exact=not fraction)
    assert len(sampler.training_length_counts_) == 11  # not the count-0 name's 15


@pytest.fixture
def chunk_model(tmp_path, capsys):
    names = some_names(300)
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    model = tmp_path / "ch.skops"
    argv = ["train", str(path), "--chunk-size", "50", "--max-iter", "2"]
    assert main([*argv, "--hidden-layer-sizes", "16", "-o", str(model), "-q"]) == 0
    capsys.readouterr()
    return model, names


def sampled_lengths(model, capsys, *flags):
    assert main(["sample", str(model), "-n", "40", "--seed", "1", *flags]) == 0
    return [len(name) for name in capsys.readouterr().out.split()]


def test_a_chunk_trained_model_samples_the_training_names_lengths(chunk_model, capsys):
    model, names = chunk_model
    lengths = sampled_lengths(model, capsys)
    assert len(lengths) == 40
    assert min(map(len, names)) <= min(lengths) and max(lengths) <= 10
    matched = sampled_lengths(model, capsys, "--match-lengths", "--prefix", "ra")
    assert len(matched) == 40 and max(matched) <= 10


def test_resume_keeps_the_length_records_of_both_runs(chunk_model, tmp_path, capsys):
    model, names = chunk_model
    more = some_names(120) + ["uma", "ramakrishnan"]  # 3 and 12 letters
    path = tmp_path / "more.txt"
    path.write_text("\n".join(more) + "\n", encoding="utf-8")
    out = tmp_path / "resumed.skops"
    argv = ["train", str(path), "--resume", str(model), "--max-iter", "3"]
    assert main([*argv, "--chunk-size", "40", "-o", str(out), "-q"]) == 0
    capsys.readouterr()
    old, new = load_model(model), load_model(out)
    pipe = new.estimator_.estimator
    this_run = NameSampler(FrozenEstimator(pipe)).fit(more)
    expected = np.zeros(13, dtype=np.int64)  # both runs' lengths, 3 to 12
    for counts in (old.training_length_counts_, this_run.training_length_counts_):
        expected[: len(counts)] += counts
    assert expected.sum() == len(names) + len(more)
    np.testing.assert_array_equal(new.training_length_counts_, expected)
    assert new.training_length_range() == (3, 12)
    assert new.max_length is None and new.training_transitions_ is not None
    table = new.training_prefix_lengths_  # this run's, as a resume in memory's
    np.testing.assert_array_equal(
        table["keys"], this_run.training_prefix_lengths_["keys"]
    )
    lengths = sampled_lengths(out, capsys)
    assert 3 <= min(lengths) and max(lengths) <= 12


def _by_hand(names, counts):
    """The length counts of the names that start with each prefix, weighted."""
    table, width = {}, max(map(len, names)) + 1
    for name, count in zip(names, counts):
        for depth in range(1, len(name) + 1):
            table.setdefault(name[:depth], np.zeros(width))[len(name)] += count
    return table


# Whole counts: test_prefix_lengths.py's heavy sampler checks their table fast.
@pytest.mark.parametrize("fraction", [pytest.param(0.0, marks=pytest.mark.slow), 0.25])
def test_heavy_counts_keep_each_distinct_row_once(tmp_path, capsys, fraction):
    # Counts of 1,000 or more: each name alone is 20 names, so every prefix
    # of every name has a row; a name's tail of prefixes repeated its row
    # (before: 340 rows for these 60 names, a row per key; 81 distinct).
    # Fractions (x.25) are kept through chunks and --resume.
    names = some_names(60)
    counts = np.random.default_rng(0).integers(1000, 5000, len(names)) + fraction
    path = tmp_path / "names.csv"
    rows = [f"{name},{count!r}" for name, count in zip(names, counts.tolist())]
    path.write_text("name,n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    first, resumed = tmp_path / "first.skops", tmp_path / "resumed.skops"
    argv = ["train", str(path), "--counts", "n", "--chunk-size", "25", "-q"]
    small = ["--hidden-layer-sizes", "16", "--max-iter", "1"]
    assert main([*argv, *small, "-o", str(first)]) == 0
    more = ["--max-iter", "2", "--resume", str(first), "-o", str(resumed)]
    assert main([*argv, *more]) == 0
    assert "Traceback" not in capsys.readouterr().err
    want = _by_hand(names, counts)
    pipe = load_model(first).estimator_.estimator
    for model in (first, resumed):  # the resumed run's table: this run's
        table = load_model(model).training_prefix_lengths_
        assert len(table["keys"]) == len(want)  # every prefix of every name
        assert len(np.unique(table["counts"], axis=0)) == len(table["counts"])
        assert len(table["counts"]) <= 2 * len(names)  # a row per name at most
        assert table["counts"].dtype == (np.float64 if fraction else np.int64)
        for prefix, lengths in want.items():
            got = prefix_counts(table, pipe[0].encode([prefix])[0])
            np.testing.assert_array_equal(got, lengths)
