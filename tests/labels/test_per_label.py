"""PerLabelClassifier: one next-character model per label, in every place labels go."""

import warnings

import joblib
import numpy as np
import pytest
import skops.io
from joblib import effective_n_jobs
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks
from sklearn.utils.parallel import Parallel

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    _per_label,
    get_trusted_types,
    load_model,
    make_default_pipeline,
    save_model,
)
from tests._sklearn_checks import EXTRA_CHECKS, FLOAT_X_WEIGHT_CHECKS
from tests.labels.test_labels import ending_corpus

NAMES = ["anna", "bella", "carla", "dora", "nina", "bruno", "carlo", "dino", "paolo"]
LABELS = ["f", "f", "f", "f", "f", "m", "m", "m", "m"]


def per_label_pipe(order=3, **params):
    return make_pipeline(
        ContextWindowTransformer(context_length=order - 1),
        PerLabelClassifier(KneserNeyClassifier(order=order, **params)),
    )


def test_each_label_is_the_model_fitted_on_that_labels_names():
    """Oracle: a KneserNeyClassifier fitted on the windows of one label's names."""
    pipe = per_label_pipe().fit(NAMES, LABELS)
    windows = pipe[0].transform(NAMES)
    labels = np.array(LABELS)
    for label in ("f", "m"):
        alone = KneserNeyClassifier(order=3).fit(windows.subset(labels == label))
        expected = alone.predict_log_proba(windows.contexts)
        got = pipe[-1].predict_log_proba(windows.contexts, labels=label)
        np.testing.assert_array_equal(got, expected)


def test_rows_with_different_labels_each_get_their_labels_model():
    pipe = per_label_pipe().fit(NAMES, LABELS)
    model = pipe[-1]
    windows = pipe[0].transform(NAMES)
    mixed = model.predict_log_proba(windows, labels=LABELS)  # one label per name
    per_row = np.array(LABELS)[windows.name_index]
    for j, label in enumerate(model.label_classes_):
        rows = per_row == label
        np.testing.assert_array_equal(
            mixed[rows], model.estimators_[j].predict_log_proba(windows.contexts[rows])
        )
    fast = model.next_log_proba(windows.contexts, labels=per_row)
    np.testing.assert_array_equal(fast, mixed)


def test_without_labels_it_is_the_wrapped_model_bit_for_bit():
    windows = ContextWindowTransformer(context_length=2).fit_transform(NAMES)
    wrapped = PerLabelClassifier(KneserNeyClassifier(order=3)).fit(windows)
    alone = KneserNeyClassifier(order=3).fit(windows)
    assert wrapped.label_classes_ is None and len(wrapped.estimators_) == 1
    np.testing.assert_array_equal(
        wrapped.predict_log_proba(windows), alone.predict_log_proba(windows)
    )
    assert wrapped.score(windows) == alone.score(windows)


def test_pipeline_score_is_the_mean_log_probability_under_each_names_label():
    pipe = per_label_pipe().fit(NAMES, LABELS)
    windows = pipe[0].transform(NAMES)
    per_row = np.array(LABELS)[windows.name_index]
    picked = [
        pipe[-1]
        .estimators_[int(label == "m")]
        .predict_log_proba(windows.contexts[i : i + 1])[0, target]
        for i, (label, target) in enumerate(zip(per_row, windows.targets, strict=True))
    ]
    assert pipe.score(NAMES, LABELS) == pytest.approx(np.mean(picked), abs=1e-12)


def test_default_estimator_is_kneser_ney():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    model = PerLabelClassifier().fit(windows, LABELS)
    assert all(type(m) is KneserNeyClassifier for m in model.estimators_)


def test_synthetic_endings_sampled_and_classified_by_label():
    """Label A names end in "a", label B names in "o": both directions see it."""
    names, labels = ending_corpus(n_per_label=60)
    held_names, held_labels = ending_corpus(n_per_label=30, seed=1)
    pipe = per_label_pipe(order=3, padding="continuation")
    sampler = NameSampler(pipe).fit(names, labels)
    for label, ending in (("A", "a"), ("B", "o")):
        best = sampler.most_likely(20, label=label)
        assert all(name.endswith(ending) for name in best)
        sampled = sampler.sample(300, label=label, random_state=0)
        share = np.mean([name.endswith(ending) for name in sampled])
        assert share > 0.8, (label, share)
    clf = NameLabelClassifier(pipe).fit(names, labels)
    assert clf.score(held_names, held_labels) >= 0.95


def test_in_an_ensemble_with_the_embedding_mlp():
    names, labels = ending_corpus(n_per_label=40)
    mlp = make_default_pipeline(random_state=0).set_params(
        clf__hidden_layer_sizes=(32,), clf__max_iter=30
    )
    clf = NameLabelClassifier(
        [mlp, per_label_pipe(order=3)], calibration="temperature", cv=2
    ).fit(names, labels)
    assert len(clf.pipelines_) == 4
    alone = NameLabelClassifier(per_label_pipe(order=3)).fit(names, labels)
    np.testing.assert_allclose(
        clf.log_likelihood(["bina"]),
        np.mean([p_ll(p, ["bina"], clf.classes_) for p in clf.pipelines_], axis=0),
    )
    assert alone.predict(["bina", "bino"]).tolist() == ["A", "B"]


def p_ll(pipe, names, classes):
    """log P(name | label) of one fitted pipeline, by its windows (an oracle)."""
    windows = pipe[0].transform(names)
    model = pipe[-1]
    columns = []
    for label in classes:
        log_proba = model.predict_log_proba(windows, labels=[label] * len(names))
        picked = log_proba[np.arange(len(windows.targets)), windows.targets]
        columns.append(np.bincount(windows.name_index, picked, minlength=len(names)))
    return np.stack(columns, axis=1)


def test_grid_search_over_context_length_with_labels():
    names, labels = ending_corpus(n_per_label=30)
    search = GridSearchCV(
        per_label_pipe(order=2),
        {"contextwindowtransformer__context_length": [1, 2]},
        cv=KFold(3, shuffle=True, random_state=0),
    ).fit(names, labels)
    assert np.all(search.cv_results_["mean_test_score"] < 0)


def test_a_mixture_per_label():
    names, labels = ending_corpus(n_per_label=30)
    mixture = MixtureClassifier(
        [
            ("kn", KneserNeyClassifier(order=3)),
            ("mlp", CharEmbeddingMLPClassifier(max_iter=3, random_state=0)),
        ],
        weights=[0.5, 0.5],
    )
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2), PerLabelClassifier(mixture)
    ).fit(names, labels)
    assert pipe.score(names, labels) < 0
    assert [type(m).__name__ for m in pipe[-1].estimators_] == ["MixtureClassifier"] * 2


@pytest.mark.parametrize("fmt", ["skops", "joblib"])
def test_persistence_round_trip_is_bit_identical(tmp_path, fmt):
    pipe = per_label_pipe().fit(NAMES, LABELS)
    path = tmp_path / f"model.{fmt}"
    save_model(pipe, path)
    if fmt == "skops":
        assert set(skops.io.get_untrusted_types(file=path)) <= set(get_trusted_types())
    loaded = load_model(path, allow_pickle=fmt == "joblib")
    windows = pipe[0].transform(NAMES)
    for label in ("f", "m"):
        np.testing.assert_array_equal(
            loaded[-1].predict_log_proba(windows, labels=label),
            pipe[-1].predict_log_proba(windows, labels=label),
        )
    assert joblib.hash(loaded[-1].estimators_) == joblib.hash(pipe[-1].estimators_)


def test_label_errors_say_what_to_pass():
    pipe = per_label_pipe().fit(NAMES, LABELS)
    contexts = pipe[0].encode_prefixes(["an"])
    with pytest.raises(ValueError, match=r"Unknown label 'x'.*\['f', 'm'\]"):
        pipe[-1].next_log_proba(contexts, labels="x")
    with pytest.raises(ValueError, match=r"fitted with the labels \['f', 'm'\]"):
        pipe[-1].next_log_proba(contexts)
    with pytest.raises(ValueError, match="Unknown label 'x'"):
        NameSampler(pipe).fit(NAMES, LABELS).sample(3, label="x")
    unlabelled = per_label_pipe().fit(NAMES)
    with pytest.raises(ValueError, match="fitted without labels"):
        unlabelled[-1].next_log_proba(contexts, labels="f")


def test_a_failed_fit_leaves_the_model_as_it_was():
    pipe = per_label_pipe().fit(NAMES, LABELS)
    model = pipe[-1]
    before = joblib.hash(model)
    windows = pipe[0].transform(NAMES)
    with pytest.raises(ValueError, match="one label per name"):
        model.fit(windows, LABELS[:-1])
    with pytest.raises(ValueError, match="missing"):
        model.fit(windows, [None] + LABELS[1:])
    assert joblib.hash(model) == before


def test_a_model_that_does_not_read_labels_points_to_the_wrapper():
    windows = ContextWindowTransformer(context_length=2).fit_transform(NAMES)
    wrapper = r"^KneserNeyClassifier was given y, .*PerLabelClassifier\(KneserNey"
    with pytest.raises(ValueError, match=wrapper):
        KneserNeyClassifier(order=3).fit(windows, LABELS)


def test_a_dataframe_of_context_ids_has_its_column_names_checked():
    """Recorded by the wrapper, which gives its models plain arrays: one check,
    no contradicting warnings, and swapped columns refused as by the models."""
    pd = pytest.importorskip("pandas")
    rng = np.random.RandomState(0)
    ids, y = rng.randint(0, 5, (60, 2)), np.array(list("abc") * 20)
    frame = pd.DataFrame(ids, columns=["c1", "c2"])
    model = PerLabelClassifier().fit(frame, y)
    assert model.feature_names_in_.tolist() == ["c1", "c2"]
    assert not hasattr(model.estimators_[0], "feature_names_in_")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(
            model.predict_log_proba(frame),
            model.estimators_[0].predict_log_proba(ids),
        )
    with pytest.raises(ValueError, match="feature names should match"):
        model.predict_proba(frame[["c2", "c1"]])
    with pytest.warns(UserWarning, match="PerLabelClassifier was fitted with"):
        model.predict_proba(ids)
    before = joblib.hash(model)
    with pytest.raises(ValueError, match="whole"):  # fails after the checks of X
        model.fit(ids, y, sample_weight=np.full(60, 0.5))
    assert joblib.hash(model) == before  # the column names kept
    assert not hasattr(model.fit(ids, y), "feature_names_in_")  # a refit forgets


def test_input_errors_name_the_wrapper_and_what_to_do():
    windows = ContextWindowTransformer(context_length=2).fit_transform(NAMES)
    model = PerLabelClassifier().fit(windows, LABELS)
    with pytest.raises(ValueError, match=r"Negative values .* PerLabelClassifier"):
        model.predict_proba(-np.ones((3, 2), dtype=int), labels="f")
    put_first = r"PerLabelClassifier predicts .* Put a ContextWindowTransformer"
    with pytest.raises(ValueError, match=put_first):
        model.predict_proba(["anna"], labels="f")
    with pytest.raises(ValueError, match=put_first):
        PerLabelClassifier().fit(["anna", "bruno"], ["f", "m"])


def test_an_estimator_that_is_no_next_character_model_is_named():
    from sklearn.linear_model import LogisticRegression

    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(LogisticRegression()),
    )
    with pytest.raises(
        TypeError,
        match=r"PerLabelClassifier's estimator \(LogisticRegression\) is not a "
        r"next-character model: its fit needs y.*PerLabelClassifier\(Kneser",
    ):
        pipe.fit(NAMES, LABELS)
    assert not hasattr(pipe[0], "vocabulary_")  # the transformer put back
    ids, y = np.array([[0, 1], [1, 2], [2, 0]]), ["a", "b", "a"]
    fitted = PerLabelClassifier(LogisticRegression()).fit(ids, y)  # an array: fine
    assert fitted.classes_.tolist() == ["a", "b"]


def test_clone_keeps_the_unfitted_estimator():
    model = PerLabelClassifier(KneserNeyClassifier(order=4))
    assert clone(model).get_params()["estimator__order"] == 4


@parametrize_with_checks(
    [PerLabelClassifier()],
    expected_failed_checks=lambda estimator: FLOAT_X_WEIGHT_CHECKS,
)
def test_sklearn_compatible_estimator(estimator, check):
    """On arrays (no labels) it is one wrapped model, and a scikit-learn classifier."""
    check(estimator)


@pytest.mark.parametrize("check", EXTRA_CHECKS)
def test_sklearn_checks_that_parametrize_with_checks_leaves_out(check):
    getattr(estimator_checks, check)("PerLabelClassifier", PerLabelClassifier())


def test_cli_trains_a_count_model_per_label_and_samples_by_label(tmp_path, capsys):
    from sknextchar.cli import main

    names, labels = ending_corpus(n_per_label=60)
    csv_file = tmp_path / "names.csv"
    rows = "".join(f"{n},{lab}\n" for n, lab in zip(names, labels, strict=True))
    csv_file.write_text("name,label\n" + rows, encoding="utf-8")
    model = tmp_path / "m.skops"
    assert main(["train", str(csv_file), "--labels", "label", "--model",
                 "kneser-ney", "--context-length", "2", "--seed", "0",
                 "-o", str(model)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "one count model per label ('A', 'B')" in out and "Held-out NLL" in out
    fitted = load_model(model).estimator_["clf"]
    assert isinstance(fitted, PerLabelClassifier)
    assert fitted.estimators_[0].order_ == 3
    assert main(["sample", str(model), "--label", "B", "-n", "40", "--seed", "0"]) == 0
    sampled = capsys.readouterr().out.split()
    assert len(sampled) == 40 and np.mean([n.endswith("o") for n in sampled]) > 0.8
    assert main(["sample", str(model), "--label", "C", "--seed", "0"]) == 1
    assert "Unknown --label C:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "edit",
    [
        lambda model: model.estimators_.pop(),
        lambda model: setattr(model, "label_classes_", np.array(["f", "m", "x"])),
        lambda model: setattr(model.estimators_[1], "classes_", np.array(["a"])),
    ],
    ids=["a model missing", "a label added", "other symbols"],
)
def test_a_damaged_file_fails_at_load(tmp_path, edit):
    from sknextchar import DamagedModelError

    model = per_label_pipe().fit(NAMES, LABELS)[-1]
    edit(model)
    path = tmp_path / "damaged.joblib"
    joblib.dump(model, path)
    with pytest.raises(DamagedModelError, match="PerLabelClassifier is damaged"):
        joblib.load(path)


@pytest.mark.slow  # two worker processes (3 to 10 s to start them)
def test_labels_fitted_in_parallel_give_the_same_models():
    names, labels = ending_corpus(n_per_label=20)
    mlp = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(16,), max_iter=3, random_state=0
    )
    windows = ContextWindowTransformer(context_length=2).fit_transform(names)
    serial = PerLabelClassifier(mlp).fit(windows, labels)
    parallel = PerLabelClassifier(mlp, n_jobs=2).fit(windows, labels)
    for label in serial.label_classes_:
        np.testing.assert_array_equal(
            parallel.predict_log_proba(windows, labels=label),
            serial.predict_log_proba(windows, labels=label),
        )


@pytest.mark.parametrize("n_jobs", [10**18, 64, -1])
def test_no_more_workers_than_labels(monkeypatch, n_jobs):
    # Each worker is a process started at once: n_jobs=64 for 2 labels started
    # 64 processes, and n_jobs=10**18 ended in an OverflowError from joblib.
    asked = []

    def serial(n_jobs):
        asked.append(n_jobs)
        return Parallel(n_jobs=1)

    monkeypatch.setattr(_per_label, "Parallel", serial)
    per_label_pipe().set_params(perlabelclassifier__n_jobs=n_jobs).fit(NAMES, LABELS)
    assert asked == [min(2, effective_n_jobs(n_jobs))]


def test_rows_sum_to_one_in_float64_with_a_float32_model():
    # The MLP's float32 rows sum to 1 within 1e-7: cast to float64 as they are,
    # NumPy's Generator.choice would refuse them (it allows 1.5e-8 in float64).
    mlp = CharEmbeddingMLPClassifier(
        embedding_dim=3, hidden_layer_sizes=(8,), max_iter=2, random_state=0
    )
    windows = ContextWindowTransformer(context_length=2).fit_transform(NAMES)
    model = PerLabelClassifier(mlp).fit(windows, LABELS)
    for proba in (
        model.predict_proba(windows, labels=LABELS),
        np.exp(model.next_log_proba(windows.contexts, labels="f")),
    ):
        assert proba.dtype == np.float64
        np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=0, atol=1e-12)
    rng = np.random.default_rng(0)
    for row in proba:
        rng.choice(len(row), p=row)
