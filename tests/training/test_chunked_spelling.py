"""A model trained from a file in chunks keeps the spelling record of its
names, built a chunk at a time, as a fit on all the names builds it: its
samples are spelled as the names are (no name ends with a zero-width
non-joiner)."""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator

from sknextchar import NameSampler, make_default_pipeline, train_from_file
from sknextchar.cli import main

ZWNJ = "\u200c"
# Persian names, some of two parts joined by a zero-width non-joiner (U+200C).
PERSIAN = [
    "مهدی", "زهرا", f"علی{ZWNJ}رضا", f"محمد{ZWNJ}حسین", "فاطمه", "پرویز", "گلناز",
    "ژاله", "چنگیز", "نرگس", "کوروش", "شیرین", "بهرام", "آرش", "مهسا",
    f"امیر{ZWNJ}علی", "سیاوش", "یگانه", "پریسا", "نیلوفر", "داریوش", "فرهاد",
    "ستاره", "رضا", "کیمیا", "روزبه", "هانیه", "بردیا", "شقایق", "مژگان", "سپیده",
]  # fmt: skip
LATIN = ["McDonald", "Jean-Luc", "ANNE", "Zoë", "Mary Ann", "LaToya", "o'Neil"]


def small_pipe(**params):
    settings = dict(
        clf__hidden_layer_sizes=(16,), clf__max_iter=2, clf__batch_size=32,
        windows__alphabet="auto", windows__lowercase=False,
    )  # fmt: skip
    return make_default_pipeline(random_state=0).set_params(**settings, **params)


def one_shot(sampler, names, weights=None):
    """The record NameSampler.fit builds from all the names in memory."""
    pipe = sampler.estimator_.estimator
    fitted = NameSampler(FrozenEstimator(pipe)).fit(names, sample_weight=weights)
    return fitted.training_transitions_


@pytest.mark.slow
@pytest.mark.parametrize("chunk_size", [1, 4, 1000])
def test_the_record_built_in_chunks_is_the_one_of_all_the_names(tmp_path, chunk_size):
    names = PERSIAN + LATIN + ["αβγ Δ", "अनु", "日本"]
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    sampler = train_from_file(
        path, small_pipe(), chunk_size=chunk_size, return_sampler=True
    )
    assert isinstance(sampler, NameSampler)
    record = sampler.training_transitions_
    assert record is not None and len(record) > 10
    assert np.array_equal(record, one_shot(sampler, names))
    # Only the spelling is kept: no record of the names themselves.
    assert sampler.training_name_hashes_ is None


def test_names_of_count_0_are_left_out_of_the_record_as_by_fit(tmp_path):
    names = PERSIAN[:6] + ["McDonald", "Jean-Luc"]
    counts = [1, 2, 1, 1, 3, 1, 0, 1]  # McDonald, of count 0, is not learned
    path = tmp_path / "names.csv"
    rows = [f"{name},{count}" for name, count in zip(names, counts)]
    path.write_text("name,n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    sampler = train_from_file(
        path, small_pipe(), chunk_size=3, names_column="name",
        counts_column="n", return_sampler=True,
    )  # fmt: skip
    record = sampler.training_transitions_
    assert np.array_equal(record, one_shot(sampler, names, np.array(counts)))
    assert ["capitals", "1"] in record.tolist()  # not McDonald's 2


def test_return_sampler_must_be_a_bool(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\nabid\n", encoding="utf-8")
    with pytest.raises(TypeError, match="return_sampler must be True or False"):
        train_from_file(path, small_pipe(), return_sampler="yes")


@pytest.mark.parametrize("verbose", ["x", None, 1])
def test_verbose_must_be_a_bool(verbose, tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\nabid\n", encoding="utf-8")
    with pytest.raises(TypeError, match=r"^verbose must be True or False; got "):
        train_from_file(path, small_pipe(), verbose=verbose)


@pytest.fixture
def zwnj_counts(tmp_path, capsys):
    path = tmp_path / "fas.txt"
    path.write_text("\n".join(PERSIAN) + "\n", encoding="utf-8")
    model = str(tmp_path / "c.skops")
    argv = ["train", str(path), "--alphabet", "auto", "--chunk-size", "10"]
    # Seeded: an unseeded fit draws a few such names of 300, now and then none.
    assert main([*argv, "--max-iter", "2", "--seed", "0", "-q", "-o", model]) == 0
    capsys.readouterr()

    def ending_in_zwnj(*flags):
        assert main(["sample", model, "-n", "300", "--seed", "0", *flags]) == 0
        names = capsys.readouterr().out.splitlines()
        return sum(name.endswith(ZWNJ) for name in names)

    return ending_in_zwnj


def test_sample_leaves_out_names_spelled_as_no_training_name(zwnj_counts):
    assert zwnj_counts("--any-spelling") > 0  # the model draws them
    assert zwnj_counts() == 0  # and sample leaves them out by default


@pytest.mark.slow
@pytest.mark.parametrize("in_chunks", [True, False], ids=["chunks", "memory"])
def test_a_resumed_model_keeps_the_spelling_of_both_runs(tmp_path, in_chunks):
    from sknextchar import load_model
    from sknextchar._spelling import spelling_union

    first, more = tmp_path / "fas.txt", tmp_path / "more.txt"
    first.write_text("\n".join(PERSIAN) + "\n", encoding="utf-8")
    plain = [name for name in PERSIAN if ZWNJ not in name][:8]
    more.write_text("\n".join(plain) + "\n", encoding="utf-8")
    model, resumed = str(tmp_path / "c.skops"), str(tmp_path / "r.skops")
    argv = ["train", str(first), "--alphabet", "auto", "--chunk-size", "10"]
    assert main([*argv, "--max-iter", "1", "--quiet", "-o", model]) == 0
    again = ["train", str(more), "--resume", model, "--max-iter", "2", "--quiet"]
    again += ["--chunk-size", "3"] if in_chunks else []
    assert main([*again, "-o", resumed]) == 0
    old, new = load_model(model), load_model(resumed)
    expected = spelling_union(old.training_transitions_, one_shot(new, plain))
    assert np.array_equal(new.training_transitions_, expected)
    assert any(ZWNJ in after for _, after in expected.tolist())  # the first run's
