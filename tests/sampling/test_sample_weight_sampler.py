"""``NameSampler.fit(..., sample_weight=...)`` and ``train_from_file(...,
counts_column=...)``: a list of names with counts is the list of repeated names."""

import warnings

import numpy as np
import pytest
from sklearn import config_context
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    load_model,
    save_model,
    train_from_file,
)
from sknextchar.cli._resume import merged_record
from sknextchar.metrics import sample_report
from tests._traced import tracing

NAMES = ["asha", "ravi", "amitabh", "uma", "zoe", "arun"]
COUNTS = [3, 1, 2, 1, 4, 1]


def kn_pipe():
    return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())


def mlp_pipe(**params):
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=2, hidden_layer_sizes=(8,), max_iter=2, random_state=0, **params
    )
    return make_pipeline(ContextWindowTransformer(), clf)


def repeated(names, counts):
    return [name for name, count in zip(names, counts) for _ in range(int(count))]


def test_counts_give_the_sampler_of_the_repeated_names():
    weighted = NameSampler(kn_pipe()).fit(NAMES, sample_weight=COUNTS)
    plain = NameSampler(kn_pipe()).fit(repeated(NAMES, COUNTS))
    assert weighted.training_length_counts_.dtype == np.int64
    np.testing.assert_array_equal(
        weighted.training_length_counts_, plain.training_length_counts_
    )
    np.testing.assert_array_equal(
        weighted.training_name_hashes_, plain.training_name_hashes_
    )
    np.testing.assert_array_equal(
        weighted.training_transitions_, plain.training_transitions_
    )
    for kwargs in ({}, {"match_lengths": True}, {"novel": True, "n_samples": 5}):
        kwargs = {"n_samples": 30, "random_state": 0, **kwargs}
        assert weighted.sample(**kwargs) == plain.sample(**kwargs)


def test_counts_by_label_are_weighted_too():
    from sknextchar import PerLabelClassifier

    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    labels = ["f", "m", "m", "f", "f", "m"]
    weighted = NameSampler(pipe).fit(NAMES, labels, sample_weight=COUNTS)
    plain = NameSampler(pipe).fit(repeated(NAMES, COUNTS), repeated(labels, COUNTS))
    np.testing.assert_array_equal(
        weighted.training_length_counts_by_label_,
        plain.training_length_counts_by_label_,
    )
    kwargs = {"label": "f", "match_lengths": True, "random_state": 0}
    assert weighted.sample(20, **kwargs) == plain.sample(20, **kwargs)


def test_no_sample_weight_is_todays_fit():
    sampler = NameSampler(mlp_pipe()).fit(NAMES, sample_weight=None)
    direct = mlp_pipe().fit(NAMES)
    for got, want in zip(sampler.estimator_[-1].coefs_, direct[-1].coefs_):
        np.testing.assert_array_equal(got, want)
    assert sampler.training_length_counts_.dtype == np.int64


def test_a_name_of_weight_0_is_left_out_of_training_but_not_of_novel():
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", lowercase=False),
        KneserNeyClassifier(),
    )
    without = NameSampler(pipe).fit(NAMES, sample_weight=COUNTS)
    drawn = without.sample(200, random_state=0)
    new = max(sorted(set(drawn) - set(NAMES)), key=drawn.count)  # it writes
    names = [*NAMES, "Jean-Luc", new]
    sampler = NameSampler(pipe).fit(names, sample_weight=[*COUNTS, 0, 0])
    # "J", "L" and "-" are not learned from a name of weight 0: no sample can
    # be "Jean-Luc", which the record leaves out; the other one it keeps.
    assert sampler.vocabulary_ == without.vocabulary_
    assert sampler.in_training_set([new, "Jean-Luc"]).tolist() == [True, False]
    assert sampler.sample(200, random_state=0) == drawn  # the same model
    assert new not in sampler.sample(200, random_state=0, novel=True)
    assert sampler.training_length_range() == without.training_length_range()
    np.testing.assert_array_equal(  # its lengths and spelling are not learned
        sampler.training_length_counts_, without.training_length_counts_
    )
    np.testing.assert_array_equal(
        sampler.training_transitions_, without.training_transitions_
    )


def test_fractional_weights_keep_float_counts_that_save_and_load(tmp_path):
    sampler = NameSampler(mlp_pipe()).fit(NAMES, sample_weight=[0.5, 1, 1, 1, 1, 1])
    counts = sampler.training_length_counts_
    assert counts.dtype == np.float64 and counts[4] == 2.5  # asha 0.5, arun 1...
    path = save_model(sampler, tmp_path / "m.skops")
    loaded = load_model(path)
    np.testing.assert_array_equal(loaded.training_length_counts_, counts)
    report = sample_report(["asha", "zoe"], loaded)
    weights = np.array([0.5, 1, 1, 1, 1, 1])
    lengths = np.array([len(name) for name in NAMES])
    assert report.train_mean_length == pytest.approx(weights @ lengths / weights.sum())


def test_the_report_of_large_counts_does_not_repeat_the_names():
    sampler = NameSampler(kn_pipe()).fit(NAMES, sample_weight=[10**7, 1, 1, 1, 1, 1])
    with tracing() as traced:
        report = sample_report(["asha", "zoe"], sampler)
    assert traced.peak < 5_000_000  # not one entry per counted name (80 MB)
    assert report.train_median_length == 4.0


def test_weights_are_checked_before_the_fit_and_leave_the_sampler_as_it_was():
    sampler = NameSampler(kn_pipe())
    with pytest.raises(ValueError, match="one per name.*got shape"):
        sampler.fit(NAMES, sample_weight=[1, 2])
    assert not hasattr(sampler, "estimator_")


def test_a_frozen_pipeline_is_not_refit_and_its_record_is_weighted():
    pipe = kn_pipe().fit(repeated(NAMES, COUNTS))
    sampler = NameSampler(FrozenEstimator(pipe)).fit(NAMES, sample_weight=COUNTS)
    assert sampler.estimator_.estimator is pipe
    expected = NameSampler(kn_pipe()).fit(repeated(NAMES, COUNTS))
    np.testing.assert_array_equal(
        sampler.training_length_counts_, expected.training_length_counts_
    )


def test_the_sampler_scores_names_with_counts_as_the_repeated_names():
    sampler = NameSampler(kn_pipe()).fit(NAMES)
    weighted = sampler.score(NAMES, sample_weight=COUNTS)
    assert weighted == pytest.approx(sampler.score(repeated(NAMES, COUNTS)), abs=1e-12)
    assert sampler.score(NAMES, sample_weight=None) == sampler.score(NAMES)
    with pytest.raises(ValueError, match="6 numbers, one per name"):
        sampler.score(NAMES, sample_weight=[1, 2])


def test_a_search_routes_the_counts_to_the_sampler_s_score_too():
    names, counts = NAMES * 3, COUNTS * 3
    with config_context(enable_metadata_routing=True):
        sampler = NameSampler(kn_pipe()).set_fit_request(sample_weight=True)
        sampler.set_score_request(sample_weight=True)
        cv = KFold(3)
        got = cross_val_score(sampler, names, cv=cv, params={"sample_weight": counts})
    want = [
        NameSampler(kn_pipe())
        .fit([names[i] for i in train], sample_weight=[counts[i] for i in train])
        .score([names[i] for i in test], sample_weight=[counts[i] for i in test])
        for train, test in KFold(3).split(names)
    ]
    np.testing.assert_allclose(got, want, rtol=1e-12)
    search = GridSearchCV(NameSampler(kn_pipe()), {"temperature": [1.0]}, cv=cv)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not "score does not support sample_weight"
        search.fit(names, sample_weight=counts)
    assert search.best_score_ == pytest.approx(np.mean(want), rel=1e-12)


def test_counts_with_names_that_are_not_a_list_get_the_names_message():
    with pytest.raises(TypeError, match="1-D collection of names.*list_iterator"):
        NameSampler(kn_pipe()).fit(iter(NAMES), sample_weight=COUNTS)
    with pytest.raises(TypeError, match="single str 'ab'"):
        NameSampler(kn_pipe()).fit("ab", sample_weight=COUNTS)


def test_a_resumed_record_adds_float_counts_to_int_ones():
    pipe = mlp_pipe().fit(NAMES)
    old = NameSampler(FrozenEstimator(pipe)).fit(NAMES)
    merged = merged_record(old, pipe, ["asha"], np.array([0.5]))
    assert merged.training_length_counts_[4] == 3.5  # asha, ravi, arun, half asha


def write_table(path, rows, header="name,count"):
    path.write_text(header + "\n" + "".join(f"{a},{b}\n" for a, b in rows))
    return path


def test_one_chunk_of_a_weighted_file_is_the_weighted_fit(tmp_path):
    path = write_table(tmp_path / "n.csv", zip(NAMES, COUNTS))
    pipe = mlp_pipe(early_stopping=False)
    chunked = train_from_file(
        path, pipe, chunk_size=100, names_column="name", counts_column="count"
    )
    fitted = mlp_pipe(early_stopping=False).fit(
        NAMES, charembeddingmlpclassifier__sample_weight=COUNTS
    )
    for got, want in zip(chunked[-1].coefs_, fitted[-1].coefs_):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    np.testing.assert_allclose(chunked[-1].loss_curve_, fitted[-1].loss_curve_)


class _RecordingMLP(CharEmbeddingMLPClassifier):
    """Keeps the sample_weight of each partial_fit call (per window)."""

    def partial_fit(self, X, y=None, classes=None, sample_weight=None):
        seen = getattr(self, "seen_weights", [])
        self.seen_weights = [*seen, np.asarray(sample_weight)[X.name_index]]
        return super().partial_fit(X, y, classes, sample_weight)


def test_the_chunks_of_a_file_weigh_as_their_counts_say(tmp_path):
    # Common names first and rare ones last, as in a file sorted by count: a
    # chunk of rare names weighs less, not as much as a chunk of common ones.
    counts = [50, 40, 1, 1, 1, 1]
    path = write_table(tmp_path / "n.csv", zip(NAMES, counts))
    clf = _RecordingMLP(embedding_dim=2, hidden_layer_sizes=(8,), max_iter=1)
    fitted = train_from_file(
        path,
        make_pipeline(ContextWindowTransformer(), clf),
        chunk_size=2,
        names_column="name",
        counts_column="count",
    )[-1]
    first, second, third = fitted.seen_weights
    per_window = np.concatenate(fitted.seen_weights)
    assert per_window.mean() == pytest.approx(1.0)  # fit's scale, over the file
    assert first[0] / second[0] == pytest.approx(50.0)
    assert second[0] == pytest.approx(third[0])  # both of count 1


def test_a_chunk_of_names_of_count_0_is_skipped(tmp_path):
    rows = list(zip(NAMES, COUNTS))
    with_zeros = write_table(tmp_path / "z.csv", [*rows[:2], ("uma", 0), ("ravi", 0)])
    without = write_table(tmp_path / "w.csv", rows[:2])
    kwargs = {"chunk_size": 2, "names_column": "name", "counts_column": "count"}
    pipe = mlp_pipe(early_stopping=False)
    got = train_from_file(with_zeros, pipe, **kwargs)
    want = train_from_file(without, pipe, **kwargs)
    for a, b in zip(got[-1].coefs_, want[-1].coefs_):
        np.testing.assert_array_equal(a, b)


def test_train_from_file_refuses_bad_counts_with_their_line(tmp_path):
    path = write_table(tmp_path / "n.csv", [("asha", 2), ("ravi", "two")])
    pipe = mlp_pipe(early_stopping=False)
    with pytest.raises(ValueError, match=r"Line 3 of .*'two' in the column 'count'"):
        train_from_file(path, pipe, names_column="name", counts_column="count")
    with pytest.raises(ValueError, match="pass names_column too"):
        train_from_file(path, pipe, counts_column="count")
    zeros = write_table(tmp_path / "z.csv", [("asha", 0)])
    with pytest.raises(ValueError, match="Every name .* has the count 0"):
        train_from_file(zeros, pipe, names_column="name", counts_column="count")


def test_counts_beyond_2_to_the_53_are_kept_as_floats_that_save(tmp_path):
    # int64 would have wrapped 1e20 into a negative count: a "damaged" sampler.
    sampler = NameSampler(mlp_pipe()).fit(NAMES, sample_weight=[1e20, 1, 2, 1, 4, 1])
    counts = sampler.training_length_counts_
    assert counts.dtype == np.float64 and counts[4] == 1e20  # asha and ravi
    save_model(sampler, tmp_path / "big.skops")
    loaded = load_model(tmp_path / "big.skops")
    np.testing.assert_array_equal(loaded.training_length_counts_, counts)
