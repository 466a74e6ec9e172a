"""Tests of the benchmark suite (benchmarks/): corpora splits, the runner, its count
models and mixtures, the Kneser-Ney scale benchmark and the tuning script."""

import random
import sys
from math import log
from pathlib import Path

import numpy as np
import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import _corpora  # noqa: E402
import run_benchmarks  # noqa: E402

from sknextchar.datasets import load_indian_names  # noqa: E402

# ------------------------------------------------------------------ count models


def test_uniform_reference_and_add_one_bigram_by_hand():
    assert run_benchmarks.UniformReference().fit(["abid"]).nll_per_char(["zz"]) == (
        pytest.approx(log(27))
    )
    # "ab" gives -a, ab, b-; "b" gives -b, b-. Counts: c(-a)=1, c(-b)=1, c(ab)=1,
    # c(b-)=2, so c(-.)=2, c(a.)=1, c(b.)=2, and P(w|v) = (c(vw)+1)/(c(v.)+27).
    spec = {s.key: s for s in run_benchmarks.MODELS}["bigram"]
    model = spec.factory().fit(["ab", "b"])
    expected = -(2 * log(2 / 29) + log(2 / 28) + 2 * log(3 / 29)) / 5
    assert model.nll_per_char(["ab", "b"]) == pytest.approx(expected)


def test_reference_values_of_issue_8_on_the_bundled_names():
    # Modified Kneser-Ney 5-gram, 'raw' padding, makemore split: val NLL 1.976.
    train, val, _ = _corpora.split_names(load_indian_names())
    spec = {s.key: s for s in run_benchmarks.MODELS}["kn5-raw"]
    nll = spec.factory().fit(train).nll_per_char(val)
    assert nll == pytest.approx(1.9760, abs=5e-5)


def test_mixture_registry_and_one_epoch_variant():
    from mixtures import MIXTURES, one_epoch

    keys = {s.key for s in run_benchmarks.MODELS}
    assert {"mix-linear", "mix-loglin", "mix-best"} <= keys
    assert run_benchmarks.BEST_MIXTURE in MIXTURES
    step = one_epoch(MIXTURES[run_benchmarks.BEST_MIXTURE]())
    params = step.get_params()
    assert params["n_jobs"] == 1
    max_iters = [v for k, v in params.items() if k.endswith("__max_iter")]
    assert max_iters and set(max_iters) == {1}


def test_kneser_ney_scale_row():
    import bench_kneser_ney

    row = bench_kneser_ney.measure(load_indian_names()[::20], 5, repeats=1)
    assert row["order"] == 5 and row["windows"] > 0 and row["n_ngrams"] > 0
    assert row["fit_s"] > 0 and row["peak_mib"] > 0


# ------------------------------------------------------------------ corpora


def test_split_is_deterministic_disjoint_80_10_10():
    names = load_indian_names()  # distinct names
    train, val, test = _corpora.split_names(names, method="numpy")
    assert (len(train), len(val), len(test)) == (12059, 1507, 1508)
    assert not set(train) & set(val) and not set(train) & set(test)
    assert not set(val) & set(test)
    assert sorted(train + val + test) == names
    assert _corpora.split_names(names, method="numpy") == (train, val, test)
    perm = np.random.default_rng(42).permutation(len(names))
    assert train[:3] == [names[i] for i in perm[:3]]


def test_split_keeps_duplicates_and_makemore_shuffle():
    names = ["ava", "ava", "mia", "zoe", "ivy", "eve", "amy", "kim", "lea", "ana"]
    parts = _corpora.split_names(names)  # the default
    assert parts == _corpora.split_names(names, method="makemore")
    assert [len(p) for p in parts] == [8, 1, 1]
    shuffled = list(names)
    random.seed(42)
    random.shuffle(shuffled)
    assert sum(parts, []) == shuffled
    with pytest.raises(ValueError, match="method must be one of"):
        _corpora.split_names(names, method="sklearn")


def test_missing_names_en_is_skipped(tmp_path):
    messages = []
    corpora, skipped = _corpora.load_corpora(
        tmp_path / "absent.txt", log=messages.append
    )
    assert [c.name for c in corpora] == ["indian"]
    assert skipped == messages and "names_en: skipped" in messages[0]


# ------------------------------------------------------------------ runner


def test_runner_quick_writes_report(tmp_path, capsys):
    out = tmp_path / "REPORT.md"
    code = run_benchmarks.main(
        [
            "--quick",
            "--no-memory",
            "--no-speed",
            "--models",
            "uniform,kn3",
            "--names-en",
            str(tmp_path / "absent.txt"),
            "--out",
            str(out),
        ]
    )
    assert code == 0
    report = out.read_text()
    assert "Quick run" in report and "names_en: skipped" in report
    assert "| uniform | 3.2958 | 3.2958 | 3.2958 | 4.7549 | 4.7549 |" in report
    assert "| Kneser-Ney 3-gram, modified |" in report
    assert f"scikit-learn {__import__('sklearn').__version__}" in report
    assert "wrote" in capsys.readouterr().out


def test_runner_rejects_unknown_model(capsys):
    assert run_benchmarks.main(["--models", "kn5,gpt"]) == 2
    assert "unknown model key(s) ['gpt']" in capsys.readouterr().err


def test_pipeline_adapter():
    class Scored:
        def fit(self, names):
            self.n_ = len(names)
            return self

        def score(self, names):
            return -1.5

    model = run_benchmarks.PipelineModel(Scored()).fit(["abid"])
    assert model.estimator.n_ == 1 and model.nll_per_char(["ali"]) == 1.5


def test_traced_mlp_and_time_to_quality_table():
    from neural import TracedPipelineModel, lecture_pipeline
    from sklearn.pipeline import make_pipeline

    from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer

    train, val, test = _corpora.split_names(load_indian_names()[::50])  # 302 names
    corpus = _corpora.Corpus("indian", "test", train, val, test)
    lecture = run_benchmarks.ModelSpec(
        "mlp-lecture", "lecture", lambda: TracedPipelineModel(lecture_pipeline(3))
    )
    wide = run_benchmarks.ModelSpec(
        "mlp-x",
        "wide",
        lambda: TracedPipelineModel(
            make_pipeline(
                ContextWindowTransformer(),
                CharEmbeddingMLPClassifier(max_iter=4, random_state=0),
            )
        ),
    )
    results = [
        run_benchmarks.benchmark(spec, corpus, memory=False, log=lambda m: None)
        for spec in (lecture, wide)
    ]
    curve = results[1].curve
    assert [epoch for epoch, _, _ in curve] == [1, 2, 3, 4]
    assert all(b[1] > a[1] for a, b in zip(curve, curve[1:]))  # cumulative seconds
    assert curve[-1][2] == pytest.approx(results[1].nll["val"])
    assert results[1].epochs == 4
    table = run_benchmarks.time_to_quality_table(results, [corpus])
    assert len(table) == 4 and "| indian | wide |" in table[3]
    # The traced model no longer holds the callback, so it pickles and clones.
    assert not hasattr(results[1].model.estimator[-1], "_skl_callbacks")


def test_one_hot_mlp_baseline():
    from neural import OneHotMLPModel, matmul_floor_seconds

    names = load_indian_names()[::100]
    model = OneHotMLPModel(max_iter=2).fit(names)
    nll = model.nll_per_char(names[:20])
    assert 0 < nll < log(27) + 0.5 and model.n_epochs_ <= 2
    assert 0 < matmul_floor_seconds(32, n_steps=5) < 0.1


def test_tune_search_fits_train_scores_val(tmp_path, monkeypatch):
    import tune

    train, val, test = _corpora.split_names(load_indian_names()[::50])  # 302 names
    corpus = _corpora.Corpus("indian", "test", train, val, test)
    fixed = {
        tune.CTX: 3,
        tune.CLF + "embedding_dim": 4,
        tune.CLF + "hidden_layer_sizes": (16,),
        tune.CLF + "max_iter": 2,
    }
    rows = tune.search(corpus, fixed, {tune.CLF + "dropout": [0.0, 0.5]})
    assert [params["dropout"] for params, _, _ in rows] == [0.0, 0.5]
    # The val NLL is that of the pipeline fitted on train alone.
    pipe = tune.base_pipeline().set_params(**fixed).fit(train)
    assert rows[0][1] == pytest.approx(-pipe.score(val))

    monkeypatch.setattr(tune, "RESULTS", tmp_path / "results.md")
    monkeypatch.setattr(tune, "RECORDS", tmp_path / "results.jsonl")
    params = {k: repr(v) for k, v in rows[1][0].items()}
    tune.record(dict(kind="stage", stage="s", corpus="indian", params=params,
                     val_nll=rows[1][1], fit_s=rows[1][2]))  # fmt: skip
    text = (tmp_path / "results.md").read_text()
    assert "| s | indian | context_length=3, " in text
    assert f"dropout=0.5 | {rows[1][1]:.4f} |" in text


# ------------------------------------------------------------------ directions


def test_direction_scores_reproduce_the_classifier_calibration():
    # bench_directions does NameLabelClassifier's calibration by hand (so that a
    # member can read the names backwards): on the same folds, forward members
    # give the classifier's probabilities, with one member and with several.
    import bench_directions as bd
    from bench_labels import count_pipeline, split_by_name
    from sklearn.model_selection import StratifiedGroupKFold

    from sknextchar import NameLabelClassifier

    names, labels = load_indian_names(return_X_y=True)
    # 1 name in 40 (304 to train): both members still get a weight of their
    # own (0.31 and 0.07), at half the time of 1 in 10.
    train, test = split_by_name(names[::40], labels[::40], 0.2, 0)
    classes = np.unique(train[1])
    folds = list(StratifiedGroupKFold(5).split(*train, groups=train[0]))
    trigram = lambda: count_pipeline().set_params(  # noqa: E731
        windows__context_length=2, clf__estimator__order=3
    )
    scores = [
        bd.member_scores(make, (list(train[0]), train[1]), list(test[0]), folds)
        for make in (count_pipeline, trigram)
    ]
    y_index = np.searchsorted(classes, train[1])
    for calibration, members in (("temperature", [0]), ("weights", [0, 1])):
        proba, weights = bd.calibrated_proba(
            [scores[m][0] for m in members], [scores[m][1] for m in members], y_index
        )
        clf = NameLabelClassifier(
            [[count_pipeline(), trigram()][m] for m in members],
            calibration=calibration,
            cv=folds,
        ).fit(list(train[0]), train[1])
        assert proba == pytest.approx(clf.predict_proba(list(test[0])), abs=1e-6)
        assert weights.sum() == pytest.approx(clf.temperature_, rel=1e-4)


def test_direction_members_read_the_names_backwards():
    import bench_directions as bd

    assert bd.reversed_names(["asha", "ravi"]) == ["ahsa", "ivar"]
