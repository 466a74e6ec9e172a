"""match_lengths with a prefix: the lengths of the training names with that prefix.

Names starting "ra" in the bundled names are longer than most (6.97 letters
against 6.51): ``sample(prefix="ra", match_lengths=True)`` used to push them to
the lengths of all training names. A prefix's lengths are blended with all
names' (as BLEND_NAMES more names), and kept from MIN_PREFIX_NAMES names.
"""

import copy
from collections import Counter
from types import SimpleNamespace

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._prefix_lengths import (
    BLEND_NAMES,
    MIN_PREFIX_NAMES,
    blend_lengths,
    counts_by_key,
    prefix_counts,
    prefix_lengths,
    target_lengths,
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


@pytest.fixture(scope="module")
def heavy(names):
    """Names of count 1,000: every prefix of each is kept, its tail's rows shared."""
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    some = names[::50]
    return NameSampler(pipe).fit(some, sample_weight=np.full(len(some), 1000))


def _tv(a, b):
    width = max(max(a), max(b)) + 1
    a = np.bincount(a, minlength=width) / len(a)
    b = np.bincount(b, minlength=width) / len(b)
    return 0.5 * np.abs(a - b).sum()


def _lengths(names, prefix=""):
    return [len(n) for n in (name.lower() for name in names) if n.startswith(prefix)]


def _blended(names, prefix):
    """The target by hand: the prefix's length counts plus BLEND_NAMES names
    spread as all names' lengths (all names are longer than the prefix)."""
    own, every = np.bincount(_lengths(names, prefix)), np.bincount(_lengths(names))
    assert min(_lengths(names)) >= len(prefix) and len(own) == len(every)
    return own + BLEND_NAMES * every / every.sum()


RARE = "aam"  # 10 names: fewer than MIN_PREFIX_NAMES, all names' lengths


@pytest.mark.parametrize("prefix", ["ra", "ab"])
def test_match_lengths_follows_the_prefix_names(sampler, names, prefix):
    train = _lengths(names, prefix)
    assert len(train) >= MIN_PREFIX_NAMES
    everyone = _lengths(names)
    assert _tv(train, everyone) > 0.08  # the prefix's lengths differ
    out = sampler.sample(3000, prefix=prefix, match_lengths=True, random_state=0)
    assert all(n.startswith(prefix) for n in out)
    assert _tv([len(n) for n in out], train) < 0.04  # 40 of 900+ names: near
    assert abs(np.mean([len(n) for n in out]) - np.mean(train)) < 0.1


def test_blend_by_hand():
    counts, every = np.array([0, 0, 1, 3]), np.array([0, 2, 4, 2])
    # lengths >= 2 only: shares [4, 2] / 6, as 4 names: [2.667, 1.333]
    got = blend_lengths(counts, every, 4.0, start=2)
    np.testing.assert_allclose(got, [0, 0, 1 + 8 / 3, 3 + 4 / 3])
    # all lengths: shares [2, 4, 2] / 8, as 4 names: [1, 2, 1]
    np.testing.assert_allclose(blend_lengths(counts, every, 4.0), [0, 1, 3, 4])
    longer = blend_lengths(np.array([0, 2]), every, 2.0)  # padded to the longer
    np.testing.assert_allclose(longer, [0, 2.5, 1, 0.5])
    assert blend_lengths(counts, every, 0.0) is counts  # no blend: as it was


def test_table_blend_is_in_units_of_one_name():
    ids = [np.array(a) for a in ([1, 2], [1, 2, 3], [1, 3, 3, 3], [1])]
    plain = prefix_lengths(ids, min_names=3)
    assert plain["blend"] == float(BLEND_NAMES)
    w = np.array([2.0, 0.0, 1.0, 3.0])  # counts: the names repeated, 1 each
    assert prefix_lengths(ids, w, min_names=3)["blend"] == float(BLEND_NAMES)
    # Weights of mean below 1 (0.2 and 0.002 over the three kept): a name of
    # their mean weight is one, so their scale changes nothing.
    tenth, scaled = (prefix_lengths(ids, w / c, min_names=3) for c in (10, 1000))
    assert tenth["blend"] == pytest.approx(0.2 * BLEND_NAMES)
    every = np.array([0, 2.0, 3, 0, 1])
    a, b = (target_lengths(SimpleNamespace(training_prefix_lengths_=t), [1], e)[0]
            for t, e in ((tenth, every / 10), (scaled, every / 1000)))  # fmt: skip
    np.testing.assert_allclose(a / a.sum(), b / b.sum())


def test_a_rare_prefix_gets_a_blended_target(sampler, names):
    assert MIN_PREFIX_NAMES <= len(_lengths(names, "moh")) < 100  # was all lengths
    ids = sampler.estimator_[0].encode(["moh"])[0]
    every = sampler.training_length_counts_
    counts, words = target_lengths(sampler, ids, every, named="'moh'")
    np.testing.assert_allclose(counts, _blended(names, "moh"))
    assert str(words) == (
        "the training names that start with 'moh', blended with all training "
        "names' lengths"
    )
    rare = target_lengths(sampler, sampler.estimator_[0].encode([RARE])[0], every)
    assert str(rare[1]).startswith("all training names (fewer than")
    out = sampler.sample(3000, prefix="moh", match_lengths=True, random_state=0)
    got = np.bincount([len(n) for n in out], minlength=len(counts))
    tv = 0.5 * np.abs(got / got.sum() - counts / counts.sum()).sum()
    assert tv < 0.04


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
        ({"prefix": RARE}, {}),  # fewer than MIN_PREFIX_NAMES names: all lengths
        ({"prefix": RARE}, {"max_length": 8}),
    ],
)
def test_nothing_changes_without_a_prefix_that_has_enough_names(
    sampler, names, request_, params
):
    assert len(_lengths(names, RARE)) < MIN_PREFIX_NAMES
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


def _unblended(sampler, names):
    """The sampler as saved before the blend: rows of 100+ names, no blend."""
    old = _without_table(sampler)
    encoded = sampler.estimator_[0].encode(names)
    old.training_prefix_lengths_ = prefix_lengths(encoded, min_names=100)
    del old.training_prefix_lengths_["blend"]
    return old


def test_a_record_from_before_the_blend_loads_and_keeps_its_lengths(
    sampler, names, tmp_path
):
    from sknextchar import load_model, save_model

    old = _unblended(sampler, names)
    save_model(old, tmp_path / "old.skops")
    loaded = load_model(tmp_path / "old.skops")  # its record is checked
    assert "blend" not in loaded.training_prefix_lengths_
    every = loaded.training_length_counts_
    for prefix in ("ra", "moh"):
        ids = loaded.estimator_[0].encode([prefix])[0]
        counts, words = target_lengths(loaded, ids, every, named=repr(prefix))
        if prefix == "ra":  # its own lengths, as when it was saved
            np.testing.assert_array_equal(counts, np.bincount(_lengths(names, "ra")))
            assert str(words) == "the training names that start with 'ra'"
        else:  # no row: all names' lengths, as when it was saved
            assert counts is every and str(words).startswith("all training names")
    kw = {"prefix": "ra", "match_lengths": True, "random_state": 1}
    assert loaded.sample(40, **kw) == old.sample(40, **kw)


def test_table_counts_every_common_prefix(names):
    transformer = ContextWindowTransformer().fit(names)
    encoded = transformer.encode(names)
    table = prefix_lengths(encoded)
    spelled = [name.strip().lower() for name in names]  # as the model spells
    by_prefix = Counter(n[:d] for n in spelled for d in range(1, len(n) + 1))
    common = [p for p, c in by_prefix.items() if c >= MIN_PREFIX_NAMES]
    assert len(table["keys"]) == len(common)
    lengths_after = {}  # the lengths of the names that start with each prefix
    for n in spelled:
        for d in range(1, len(n) + 1):
            lengths_after.setdefault(n[:d], []).append(len(n))
    for prefix in common + ["moh", "zzz"]:
        counts = prefix_counts(table, transformer.encode([prefix])[0])
        lengths = lengths_after.get(prefix, [])
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
    words = "the training names that start with 'ra', blended with all training"
    assert report.lengths_of == f"{words} names' lengths"
    text = report.to_string()
    assert f"(compared names: {words} names' lengths)" in " ".join(text.split())
    assert max(map(len, text.splitlines())) <= 80
    want = _blended(names, "ra")
    want_mean = np.arange(len(want)) @ want / want.sum()
    assert report.train_mean_length == pytest.approx(want_mean)
    listed = sample_report(out, [n.lower() for n in names], prefix="ra")
    assert listed.length_tv == pytest.approx(report.length_tv)
    assert listed.lengths_of == report.lengths_of
    rare = sample_report(["aamir"], sampler, prefix=RARE)
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
    out = " ".join("".join(capsys.readouterr()).split())  # the report is on stderr
    assert "(compared names: the training names that start with 'ra', blended" in out
    want = _blended(names, "ra")
    assert f"(compared names {np.arange(len(want)) @ want / want.sum():.3f})" in out
    assert main([*argv, "--prefix", RARE]) == 0
    want = (
        f"names: all training names (fewer than {MIN_PREFIX_NAMES} start with 'aam'))"
    )
    assert want in " ".join("".join(capsys.readouterr()).split())  # on stderr
    assert main(argv) == 0
    out = "".join(capsys.readouterr())  # the report is on stderr
    assert "start with" not in out and "compared names" not in out
    assert f"(training names {np.mean(_lengths(names)):.3f})" in out


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t.pop("counts"),
        lambda t: t.update(keys=t["keys"][::-1].copy()),
        lambda t: t.update(counts=t["counts"][:-1]),
        lambda t: t.update(counts=-t["counts"]),
        lambda t: t.update(min_names=0),
        lambda t: t.update(blend=-1.0),
        lambda t: t.update(blend=float("nan")),
        lambda t: t.update(blend="40"),
        lambda t: t.update(extra=1),
    ],
)
def test_a_damaged_record_by_prefix_is_refused(sampler, tmp_path, damage):
    _assert_refused(sampler, tmp_path, damage)


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: t.update(rows=t["rows"][:-1]),
        lambda t: t.update(rows=t["rows"] + len(t["counts"])),  # past the rows
        lambda t: t.update(rows=t["rows"].astype(np.int64) - 1),  # one below 0
        lambda t: t.update(rows=t["rows"].astype(float)),
        lambda t: t.pop("rows"),  # fewer rows than keys: not a row per key
    ],
)
def test_a_damaged_record_of_shared_rows_is_refused(heavy, tmp_path, damage):
    _assert_refused(heavy, tmp_path, damage)


def _assert_refused(sampler, tmp_path, damage):
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


def test_a_record_missing_a_field_is_named_with_blend_optional(sampler):
    # blend and rows are absent from a record saved before them: it says so.
    from sknextchar._persistence import check_fitted_state
    from sknextchar.exceptions import DamagedModelError

    damaged = copy.deepcopy(sampler)
    damaged.training_prefix_lengths_.pop("blend", None)
    damaged.training_prefix_lengths_.pop("counts")
    want = r"not a dict of keys, counts and min_names \(blend and rows optional\)"
    with pytest.raises(DamagedModelError, match=want):
        check_fitted_state(damaged, "m.skops")


def test_a_table_shares_rows_only_where_they_repeat(sampler, heavy):
    # Every table held "rows", also where sharing saved nothing (the bundled
    # names: 409 rows, 408 distinct), which grew it (39,264 to 39,994 bytes)
    # and made versions from before call it damaged.
    table = sampler.training_prefix_lengths_
    assert "rows" not in table and len(table["counts"]) == len(table["keys"])
    shared = heavy.training_prefix_lengths_
    assert len(shared["counts"]) < len(shared["keys"]) == len(shared["rows"])
    assert shared["counts"].dtype == np.int64
    size = sum(shared[k].nbytes for k in ("counts", "rows"))
    assert size < counts_by_key(shared).nbytes


def test_a_record_from_before_the_shared_rows_loads_and_samples_alike(heavy, tmp_path):
    # A file saved before the rows were shared holds a row of counts per key.
    from sknextchar import load_model, save_model

    sampler = heavy
    old = _without_table(sampler)
    table = sampler.training_prefix_lengths_
    old.training_prefix_lengths_ = {
        **{k: v for k, v in table.items() if k != "rows"},
        "counts": counts_by_key(table),
    }
    save_model(old, tmp_path / "old.skops")
    loaded = load_model(tmp_path / "old.skops")  # its record is checked
    assert "rows" not in loaded.training_prefix_lengths_
    for prefix in ("ra", "moh", RARE):
        ids = loaded.estimator_[0].encode([prefix])[0]
        got, want = (prefix_counts(s.training_prefix_lengths_, ids)
                     for s in (loaded, sampler))  # fmt: skip
        assert (got is None and want is None) or got.tolist() == want.tolist()
    kw = {"prefix": "ra", "match_lengths": True, "random_state": 1}
    assert loaded.sample(40, **kw) == sampler.sample(40, **kw)
