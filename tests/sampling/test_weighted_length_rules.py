"""The length rules of ``match_lengths`` count weighted names as names.

A weight is how many times a name occurs: whole counts are the names repeated.
Weights of mean below 1 (0.5, or counts divided by their sum) cannot all be
counts of names that occur: a name of their mean weight counts as one. The
rules of the sampler that need enough names (20 names of a prefix for its own
lengths, the warning about lengths the names drawn lack) counted the weights as
names: weights of 0.5 halved the training names, counts divided by their sum
left one name, and the warning never came; and a prefix counted its distinct
names, not their counts. They now count names of ``training_name_weight_``
(``min(1, mean weight)``); a sampler saved before it counts as before.
"""

import copy

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._prefix_lengths import counts_by_key, prefix_counts
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names

# 960 names of 5 to 7 letters, and 40 of 2 letters (4%) starting with "z",
# which a sampler at top_k=2 and temperature 0.5 never draws: 3,000 names
# asked for lack about 120 of them, 30 counted at the size of the comparison
# with the 1,000 training names, above the 20 that the warning needs.
LONG = ["abcde", "abcdef", "abcdefg", "bcdef", "bcdefg", "bcdefgh"] * 160
SHORT = ["z" + letter for letter in "abcdefghij"] * 4
NAMES = LONG + SHORT
COLD = {"top_k": 2, "temperature": 0.5}


@pytest.fixture(scope="module")
def frozen():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return FrozenEstimator(pipe.fit(NAMES))


def _warnings(sampler, n=3000):
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sampler.sample(n, match_lengths=True, random_state=0)
    return [str(w.message) for w in caught if "cannot give" in str(w.message)]


@pytest.mark.parametrize("scale", [None, 1.0, 0.5, 1 / len(NAMES), 1000.0])
def test_scaled_weights_keep_the_warning_about_lacking_lengths(frozen, scale):
    weights = None if scale is None else np.full(len(NAMES), scale)
    sampler = NameSampler(frozen, **COLD).fit(NAMES, sample_weight=weights)
    (message,) = _warnings(sampler)
    assert "had 2 letters, the lengths of 4% of all training names" in message


def test_weights_of_mean_one_count_one_name_each(frozen):
    # 0.5 and 1.5 alternate: the mean is 1, as without weights.
    weights = np.resize([0.5, 1.5], len(NAMES))
    sampler = NameSampler(frozen, **COLD).fit(NAMES, sample_weight=weights)
    assert sampler.training_name_weight_ == 1.0
    assert _warnings(sampler) == _warnings(NameSampler(frozen, **COLD).fit(NAMES))


def _records(sampler):
    return sampler.training_length_counts_, sampler.training_prefix_lengths_


def assert_same_records(sampler, oracle):
    (counts, table), (want, table_want) = _records(sampler), _records(oracle)
    assert counts.dtype == want.dtype
    np.testing.assert_array_equal(counts, want)
    assert table.keys() == table_want.keys()
    for key in ("keys", "counts"):
        assert table[key].dtype == table_want[key].dtype
        np.testing.assert_array_equal(table[key], table_want[key])
    assert (table["min_names"], table["blend"]) == (
        table_want["min_names"], table_want["blend"]
    )  # fmt: skip
    assert sampler.training_name_weight_ == oracle.training_name_weight_ == 1.0


def test_oracle_counts_of_a_few_names_are_the_names_repeated(frozen):
    # The 1,000 names as 16 distinct names with counts of 160 and 4: they
    # are the 1,000 names, and warn as the names repeated do.
    distinct = sorted(set(NAMES))
    counts = np.array([NAMES.count(name) for name in distinct])
    assert len(distinct) == 16 and counts.sum() == len(NAMES)
    weighted = NameSampler(frozen, **COLD).fit(distinct, sample_weight=counts)
    repeated = NameSampler(frozen, **COLD).fit(NAMES)
    assert_same_records(weighted, repeated)
    assert len(repeated.training_prefix_lengths_["keys"]) > 0
    (message,) = _warnings(weighted)
    assert [message] == _warnings(repeated)


def test_a_sampler_saved_before_counts_a_weight_of_one_as_a_name(frozen):
    # Without training_name_weight_ (an older file), weights of 0.5 count half
    # names, as they did: 500 training names, too few for the warning.
    sampler = NameSampler(frozen, **COLD).fit(NAMES, sample_weight=0.5)
    assert sampler.training_name_weight_ == 0.5
    old = copy.deepcopy(sampler)
    del old.training_name_weight_
    assert _warnings(old) == []
    from sknextchar._persistence import check_fitted_state

    check_fitted_state(old, "m.skops")  # loads


@pytest.mark.parametrize(
    "damage", [0.0, -1.0, 1.5, float("inf"), float("nan"), "1", None]
)
def test_a_damaged_mean_weight_is_refused(frozen, damage, tmp_path):
    # As an edited file could hold it: refused at load and at save.
    from sknextchar import save_model
    from sknextchar._persistence import check_fitted_state
    from sknextchar.exceptions import DamagedModelError

    sampler = NameSampler(frozen).fit(NAMES)
    sampler.training_name_weight_ = damage
    with pytest.raises(DamagedModelError, match="training_name_weight_ is not"):
        check_fitted_state(sampler, "m.skops")
    with pytest.raises(ValueError, match="training_name_weight_ is not"):
        save_model(sampler, tmp_path / "m.skops")
    assert not (tmp_path / "m.skops").exists()


@pytest.fixture(scope="module")
def counted():
    """Bundled names with whole counts of 1 to 4, and the names repeated."""
    names = load_indian_names()[::5]
    counts = np.random.default_rng(0).integers(1, 5, len(names))
    return names, counts, [n for n, c in zip(names, counts) for _ in range(c)]


def test_oracle_integer_weights_give_the_records_of_the_repeated_names(counted):
    # fit(names, counts) against fit(the names repeated by their counts): the
    # length counts and every row of the prefix table (the warnings: above,
    # with the 16 names; a sampler of these names draws every length).
    names, counts, repeated = counted
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    frozen = FrozenEstimator(pipe.fit(repeated))
    weighted = NameSampler(frozen, **COLD).fit(names, sample_weight=counts)
    plain = NameSampler(frozen, **COLD).fit(repeated)
    assert_same_records(weighted, plain)
    kept = len(plain.training_prefix_lengths_["keys"])
    assert kept > len(NameSampler(frozen).fit(names).training_prefix_lengths_["keys"])


def _scaled_below_one(counts):
    """Weights of the same shares, all of mean below 1."""
    relative = counts / counts.sum()
    return [relative, relative * 7, relative * 0.001, counts / (2 * counts.mean())]


def test_weights_of_mean_below_one_times_a_constant_keep_the_same_records(counted):
    names, counts, _ = counted
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    pipe = FrozenEstimator(pipe.fit(names, kneserneyclassifier__sample_weight=counts))
    fitted = [
        NameSampler(pipe).fit(names, sample_weight=w) for w in _scaled_below_one(counts)
    ]
    first = fitted[0].training_prefix_lengths_
    for sampler in fitted[1:]:
        table = sampler.training_prefix_lengths_
        np.testing.assert_array_equal(table["keys"], first["keys"])
        np.testing.assert_allclose(
            counts_by_key(table) / table["blend"],
            counts_by_key(first) / first["blend"],
        )
        ratio = sampler.training_length_counts_.sum() / sampler.training_name_weight_
        assert ratio == pytest.approx(len(names))  # each name counts one
    # Each name counts one: fewer prefixes than the counts keep.
    counted_table = NameSampler(pipe).fit(names, sample_weight=counts)
    assert len(first["keys"]) < len(counted_table.training_prefix_lengths_["keys"])


def test_light_names_of_a_prefix_are_not_20_names(frozen):
    # The 40 names of "z" weigh 0.01 each beside 1 for the others (mean
    # below 1): 0.4 names' worth, not the 40 rows that kept the prefix.
    weights = np.where([n.startswith("z") for n in NAMES], 0.01, 1.0)
    sampler = NameSampler(frozen).fit(NAMES, sample_weight=weights)
    z = sampler.estimator_.estimator[0].encode(["z"])[0]
    assert prefix_counts(sampler.training_prefix_lengths_, z) is None
    # Times 100, the weights are counts: 40 names once each, as repeated.
    heavy = NameSampler(frozen).fit(NAMES, sample_weight=weights * 100)
    assert prefix_counts(heavy.training_prefix_lengths_, z).tolist()[2] == 40


def test_cli_counts_of_a_half_keep_the_warning(tmp_path, capsys):
    rows = "".join(f"{name},0.5\n" for name in NAMES)
    (tmp_path / "names.csv").write_text("name,count\n" + rows, encoding="utf-8")
    model = str(tmp_path / "m.skops")
    # 10 epochs of 16 units draw no 2-letter name here, as 30 epochs of the
    # default 500 units do, in a fifth of the CPU time (0.2 to 0.3 s of
    # training, not 1.3 to 1.4 s).
    flags = ["--max-iter", "10", "--hidden-layer-sizes", "16", "--seed", "0", "-q"]
    main(["train", str(tmp_path / "names.csv"), "--counts", "count", "-o", model,
          *flags])  # fmt: skip
    capsys.readouterr()
    main(["sample", model, "-n", "3000", "--match-lengths", "--top-k", "2",
          "--temperature", "0.5", "--seed", "0"])  # fmt: skip
    err = capsys.readouterr().err
    assert "--match-lengths cannot give the names the lengths" in err
    assert "had 2 letters" in err


def _write_counts(path, names, counts):
    rows = "".join(f"{name},{count}\n" for name, count in zip(names, counts))
    path.write_text("name,count\n" + rows, encoding="utf-8")


def test_cli_counts_of_a_few_names_warn_as_the_names_repeated(tmp_path, capsys):
    # 16 name,count rows for the 1,000 names: a Kneser-Ney model of them warns
    # as one of the names repeated does.
    distinct = sorted(set(NAMES))
    _write_counts(tmp_path / "c.csv", distinct, [NAMES.count(n) for n in distinct])
    (tmp_path / "rep.txt").write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    sample = ["-n", "3000", "--match-lengths", "--top-k", "2", "--temperature",
              "0.5", "--seed", "0"]  # fmt: skip
    errors = []
    for names, counts in (("c.csv", ["--counts", "count"]), ("rep.txt", [])):
        model = str(tmp_path / f"{names}.skops")
        main(["train", str(tmp_path / names), *counts, "--model", "kneser-ney",
              "-o", model, "-q"])  # fmt: skip
        capsys.readouterr()
        main(["sample", model, *sample])
        errors.append(capsys.readouterr().err)
    assert "--match-lengths cannot give the names the lengths" in errors[0]
    assert errors[0] == errors[1]


@pytest.mark.parametrize("chunk", [[], ["--chunk-size", "50"]])
def test_resume_counts_each_run_in_its_own_weight_of_a_name(tmp_path, chunk):
    # 1,000 names of count 0.5 (1,000 names of weight 0.5), then 100 plain
    # names: 1,100 names, not the 600 of this run's weight of a name (1.0).
    from sknextchar import load_model

    _write_counts(tmp_path / "a.csv", NAMES, [0.5] * len(NAMES))
    (tmp_path / "b.txt").write_text("\n".join(LONG[:100]) + "\n", encoding="utf-8")
    first, second = str(tmp_path / "a.skops"), str(tmp_path / "b.skops")
    flags = ["--max-iter", "2", "--seed", "0", "-q"]
    main(["train", str(tmp_path / "a.csv"), "--counts", "count", "-o", first,
          *flags])  # fmt: skip
    main(["train", str(tmp_path / "b.txt"), "--resume", first, "-o", second,
          *chunk, *flags])  # fmt: skip
    sampler = load_model(second)
    total = sampler.training_length_counts_.sum()
    assert total == pytest.approx(600)
    assert total / sampler.training_name_weight_ == pytest.approx(1100)


def test_the_weight_of_a_name_in_chunks_is_that_of_fit():
    # Sums of chunks' sums against the sum of all weights: to ulps, by the
    # one helper, for fractional weights of mean below 1 and above (22 chunks:
    # 21 of 47 names and one of 13).
    from sknextchar._chunk_record import ChunkedRecord
    from sknextchar._sample_weight import name_weight

    windows = ContextWindowTransformer().fit(NAMES)
    rng = np.random.default_rng(0)
    for scale in (0.01, 0.9, 3.0):
        weights = rng.random(len(NAMES)) * scale
        chunks = [(NAMES[i : i + 47], weights[i : i + 47]) for i in range(0, 1000, 47)]
        record = ChunkedRecord(windows)
        record.finish(lambda chunks=chunks: iter(chunks))
        assert record.unit == pytest.approx(name_weight(weights), rel=1e-12)
        assert record.unit == pytest.approx(min(1.0, weights.mean()), rel=1e-12)
