"""match_lengths with a prefix: the lengths of the training names with that prefix.

Names starting "ra" in the bundled names are longer than most (6.97 letters
against 6.51): ``sample(prefix="ra", match_lengths=True)`` used to push them to
the lengths of all training names.
"""

import copy
from collections import Counter

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._prefix_lengths import (
    MIN_PREFIX_NAMES,
    prefix_counts,
    prefix_lengths,
)
from sknextchar.datasets import load_indian_names
from sknextchar.metrics import sample_report


@pytest.fixture(scope="module")
def names():
    return list(load_indian_names())


@pytest.fixture(scope="module")
def sampler(names):
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(names)


def _tv(a, b):
    width = max(max(a), max(b)) + 1
    a = np.bincount(a, minlength=width) / len(a)
    b = np.bincount(b, minlength=width) / len(b)
    return 0.5 * np.abs(a - b).sum()


def _lengths(names, prefix=""):
    return [len(n) for n in (name.lower() for name in names) if n.startswith(prefix)]


@pytest.mark.parametrize("prefix", ["ra", "ab"])
def test_match_lengths_follows_the_prefix_names(sampler, names, prefix):
    train = _lengths(names, prefix)
    assert len(train) >= MIN_PREFIX_NAMES
    everyone = _lengths(names)
    assert _tv(train, everyone) > 0.08  # the prefix's lengths differ
    out = sampler.sample(3000, prefix=prefix, match_lengths=True, random_state=0)
    assert all(n.startswith(prefix) for n in out)
    assert _tv([len(n) for n in out], train) < 0.04
    assert abs(np.mean([len(n) for n in out]) - np.mean(train)) < 0.1


def _without_table(sampler):
    """The sampler as saved before the table (or a prefix with no row)."""
    old = NameSampler(sampler.estimator).set_params(**sampler.get_params())
    state = {k: v for k, v in vars(sampler).items() if k != "training_prefix_lengths_"}
    vars(old).update(state)
    return old


@pytest.mark.parametrize(
    "request_, params",
    [
        ({}, {}),  # no prefix
        ({"pattern": "a.*"}, {}),
        ({"prefix": "moh"}, {}),  # fewer than MIN_PREFIX_NAMES names: all lengths
        ({"prefix": "moh"}, {"max_length": 8}),
    ],
)
def test_nothing_changes_without_a_prefix_that_has_enough_names(
    sampler, names, request_, params
):
    assert len(_lengths(names, "moh")) < MIN_PREFIX_NAMES
    sampler.set_params(**params)
    try:
        old = _without_table(sampler)
        got = sampler.sample(300, match_lengths=True, random_state=3, **request_)
        want = old.sample(300, match_lengths=True, random_state=3, **request_)
    finally:
        sampler.set_params(max_length=None)
    assert got == want


def test_an_old_sampler_matches_all_lengths(sampler):
    old = _without_table(sampler)
    out = old.sample(50, prefix="ra", match_lengths=True, random_state=0)
    assert len(out) == 50


def test_table_counts_every_common_prefix(names):
    transformer = ContextWindowTransformer().fit(names)
    encoded = transformer.encode(names)
    table = prefix_lengths(encoded)
    spelled = [name.strip().lower() for name in names]  # as the model spells
    by_prefix = Counter(n[:d] for n in spelled for d in range(1, len(n) + 1))
    common = [p for p, c in by_prefix.items() if c >= MIN_PREFIX_NAMES]
    assert len(table["keys"]) == len(common)
    for prefix in common + ["moh", "zzz"]:
        counts = prefix_counts(table, transformer.encode([prefix])[0])
        lengths = [len(n) for n in spelled if n.startswith(prefix)]
        if len(lengths) < MIN_PREFIX_NAMES:
            assert counts is None
        else:
            want = np.bincount(lengths, minlength=len(counts))
            np.testing.assert_array_equal(counts, want)


def test_table_weights_count_and_weight_zero_is_left_out():
    ids = [np.array(a) for a in ([1, 2], [1, 2, 3], [1, 3, 3, 3], [1])]
    table = prefix_lengths(ids, np.array([2.0, 0.0, 1.0, 1.0]), min_names=3)
    assert prefix_counts(table, [1]).tolist() == [0, 1, 2, 0, 1]
    assert prefix_counts(table, [1, 2]) is None  # one name of weight > 0


def test_the_record_survives_saving(sampler, tmp_path):
    from sknextchar import load_model, save_model

    path = tmp_path / "m.skops"
    save_model(sampler, path)
    loaded = load_model(path)
    kw = {"prefix": "ra", "match_lengths": True, "random_state": 1}
    assert loaded.sample(40, **kw) == sampler.sample(40, **kw)
    assert len(loaded.training_prefix_lengths_["keys"]) > 0


def test_report_says_which_lengths_it_compared(sampler, names):
    out = sampler.sample(500, prefix="ra", match_lengths=True, random_state=0)
    report = sample_report(out, sampler, prefix="ra")
    assert report.lengths_of == "the training names that start with 'ra'"
    assert "(vs the training names that start with 'ra')" in report.to_string()
    assert report.train_mean_length == pytest.approx(np.mean(_lengths(names, "ra")))
    listed = sample_report(out, [n.lower() for n in names], prefix="ra")
    assert listed.length_tv == pytest.approx(report.length_tv)
    rare = sample_report(["mohan"], sampler, prefix="moh")
    assert rare.lengths_of.startswith("all training names (fewer than")
    assert "lengths_of" not in sample_report(out, sampler).to_dict()
    unknown = sample_report(out, sampler, prefix="r9")  # no name has a 9
    assert unknown.lengths_of == "all training names (none starts with 'r9')"


def test_cli_report_says_which_lengths_it_compared(sampler, names, tmp_path, capsys):
    from sknextchar import save_model
    from sknextchar.cli import main

    path = str(tmp_path / "m.skops")
    save_model(sampler, path)
    capsys.readouterr()
    argv = ["sample", path, "-n", "300", "--seed", "0", "--match-lengths", "--report"]
    assert main([*argv, "--prefix", "ra"]) == 0
    out = capsys.readouterr().out
    assert "(vs the training names that start with 'ra')" in out
    assert f"(train {np.mean(_lengths(names, 'ra')):.3f})" in out
    assert main([*argv, "--prefix", "moh"]) == 0
    assert "(vs all training names (fewer than 100 start with 'moh'))" in (
        capsys.readouterr().out
    )
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "(vs " not in out and f"(train {np.mean(_lengths(names)):.3f})" in out


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t.pop("counts"),
        lambda t: t.update(keys=t["keys"][::-1].copy()),
        lambda t: t.update(counts=t["counts"][:-1]),
        lambda t: t.update(counts=-t["counts"]),
        lambda t: t.update(min_names=0),
    ],
)
def test_a_damaged_record_by_prefix_is_refused(sampler, tmp_path, damage):
    # As an edited file could hold it: refused at load (the check that
    # load_model runs) and at save, never an IndexError while sampling.
    from sknextchar import save_model
    from sknextchar._persistence import check_fitted_state
    from sknextchar.exceptions import DamagedModelError

    damaged = copy.deepcopy(sampler)
    damage(damaged.training_prefix_lengths_)
    with pytest.raises(DamagedModelError, match="training_prefix_lengths_"):
        check_fitted_state(damaged, "m.skops")
    with pytest.raises(ValueError, match="training_prefix_lengths_"):
        save_model(damaged, tmp_path / "m.skops")
    assert not (tmp_path / "m.skops").exists()
