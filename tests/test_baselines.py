"""Tests of the benchmark baselines, corpora splits and runner (benchmarks/)."""

import random
import sys
from collections import Counter
from math import log
from pathlib import Path

import numpy as np
import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import _corpora  # noqa: E402
import baselines  # noqa: E402
import run_benchmarks  # noqa: E402
from baselines import (  # noqa: E402
    AddOneBigramModel,
    KneserNeyModel,
    UniformModel,
    modified_discounts,
)

from sknextchar.datasets import load_indian_names  # noqa: E402

V = 27
PADDINGS = ("single", "raw", "continuation")
ID = {s: i for i, s in enumerate(baselines.VOCABULARY)}


def ids(text):
    """Symbol ids of a string over "-" and a-z."""
    return [ID[s] for s in text]


@pytest.fixture(scope="module")
def small_split():
    train, val, _ = _corpora.split_names(load_indian_names()[::10])  # 1,508 names
    return train, val


# ------------------------------------------------------------------ uniform, bigram


def test_uniform_nll_is_log_27():
    model = UniformModel().fit(["abid", "ali"])
    assert model.nll_per_char(["zz", "q"]) == pytest.approx(log(27))
    assert model.proba(np.zeros((4, 0), dtype=int)).shape == (4, V)


def test_add_one_bigram_by_hand():
    # "ab" gives -a, ab, b-; "b" gives -b, b-. Counts: c(-a)=1, c(-b)=1, c(ab)=1,
    # c(b-)=2, so c(-.)=2, c(a.)=1, c(b.)=2, and P(w|v) = (c(vw)+1)/(c(v.)+27).
    model = AddOneBigramModel().fit(["ab", "b"])
    proba = model.proba([ids("-"), ids("a"), ids("b"), ids("z")])
    assert proba[0, ID["a"]] == pytest.approx(2 / 29)
    assert proba[0, ID["z"]] == pytest.approx(1 / 29)
    assert proba[1, ID["b"]] == pytest.approx(2 / 28)
    assert proba[1, ID["a"]] == pytest.approx(1 / 28)
    assert proba[2, ID["-"]] == pytest.approx(3 / 29)
    assert proba[3, ID["q"]] == pytest.approx(1 / 27)  # unseen context: uniform
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    # Training NLL: -a, ab, b-, -b, b- (5 predicted characters).
    expected = -(2 * log(2 / 29) + log(2 / 28) + 2 * log(3 / 29)) / 5
    assert model.nll_per_char(["ab", "b"]) == pytest.approx(expected)
    np.testing.assert_allclose(model.log_proba([ids("a")]), np.log(proba[[1]]))


# ------------------------------------------------------------------ discounts


def test_modified_discounts_by_hand():
    # Chen & Goodman (1998): Y = n1/(n1+2n2), D1 = 1-2Y n2/n1, D2 = 2-3Y n3/n2,
    # D3+ = 3-4Y n4/n3. Counts 1, 2, 2, 3, 4, 4, 4, 7: n = (1, 2, 1, 3), Y = 1/5.
    counts = np.array([1, 2, 2, 3, 4, 4, 4, 7])
    discounts, cc, fell_back = modified_discounts(counts)
    assert cc == (1, 2, 1, 3) and not fell_back
    np.testing.assert_allclose(discounts, (1 - 0.8, 2 - 0.3, 3 - 2.4))


@pytest.mark.parametrize("counts", [[1, 1, 2, 5], [2, 3, 4], [1, 1, 2, 2, 3]])
def test_modified_discounts_fallback(counts):
    # n3 = 0; n1 = 0; n = (2, 2, 1, 0): D1 = 1/3, D2 = 3/2 but D3+ = 3 - 0, not < 3.
    discounts, _, fell_back = modified_discounts(np.array(counts), (0.1, 0.2, 0.3))
    assert fell_back and discounts == (0.1, 0.2, 0.3)


def test_kn_bigram_discounts_and_probability_by_hand():
    # Bigram counts: -a 7, ab 4, b- 6, ac 3, c- 4, -b 2, -c 1.
    names = ["ab"] * 4 + ["ac"] * 3 + ["b"] * 2 + ["c"]
    model = KneserNeyModel(2).fit(names)
    # Order 2: n = (1, 1, 1, 2), Y = 1/3: D = (1 - 2/3, 2 - 1, 3 - 8/3).
    assert model.count_of_counts_[2] == (1, 1, 1, 2)
    np.testing.assert_allclose(model.discounts_[2], (1 / 3, 1, 1 / 3))
    # Order 1, continuation counts (distinct left neighbours): a {-}, b {-, a},
    # c {-, a}, end {b, c}: n = (1, 3, 0, 0), so the fallback (0.5, 1, 1.5).
    assert model.counts(1) == {"-": 2, "a": 1, "b": 2, "c": 2}
    assert model.discounts_[1] == (0.5, 1.0, 1.5) and model.fallback_orders_ == [1]
    # P1(b) = (2 - 1)/7 + gamma1/27 with gamma1 = (0.5 * 1 + 1 * 3)/7 = 1/2.
    p1_b = 1 / 7 + 0.5 / 27
    # P2(b | a) = (4 - D3+)/7 + gamma2(a) P1(b), gamma2(a) = (D3+ + D3+)/7 (ab 4, ac 3).
    d3 = 1 / 3
    expected = (4 - d3) / 7 + (2 * d3 / 7) * p1_b
    assert model.proba([ids("a")])[0, ID["b"]] == pytest.approx(expected)
    # Unseen context "z": P2 = P1, e.g. P1(z) = 0/7 + gamma1/27.
    assert model.proba([ids("z")])[0, ID["z"]] == pytest.approx(0.5 / 27)


# ------------------------------------------------------------------ start padding


def test_kn_counts_per_padding_by_hand():
    # Order 3 on "ab", "ab", "cb": windows --a, -ab, ab-, (twice), --c, -cb, cb-.
    names = ["ab", "ab", "cb"]
    single, raw, cont = (KneserNeyModel(3, padding=p).fit(names) for p in PADDINGS)
    # Highest order: raw counts; "single" drops n-grams that begin with two pads.
    assert single.counts(3) == {"-ab": 2, "-cb": 1, "ab-": 2, "cb-": 1}
    assert raw.counts(3) == cont.counts(3) == {**single.counts(3), "--a": 2, "--c": 1}
    # Order 2: continuation counts (ab {-}, cb {-}, b- {a, c}), except that n-grams
    # beginning with one pad keep their raw counts unless padding="continuation".
    assert (
        single.counts(2)
        == raw.counts(2)
        == {"-a": 2, "-c": 1, "ab": 1, "b-": 2, "cb": 1}
    )
    assert cont.counts(2) == {"-a": 1, "-c": 1, "ab": 1, "b-": 2, "cb": 1}
    # Order 1: distinct left neighbours of each symbol.
    assert single.counts(1) == {"-": 1, "a": 1, "b": 2, "c": 1}


def test_kn_single_padding_probabilities_by_hand():
    names = ["ab", "ab", "cb"]
    model = KneserNeyModel(3, padding="single").fit(names)
    # Every order's count-of-counts lacks n3, so every order uses (0.5, 1, 1.5).
    assert model.fallback_orders_ == [3, 2, 1]
    # P1: counts - 1, a 1, b 2, c 1 (total 5); gamma1 = (0.5 * 3 + 1 * 1) / 5.
    gamma1 = 1 / 2
    p1 = {"a": 0.5 / 5 + gamma1 / 27, "b": 1 / 5 + gamma1 / 27}
    # First letter: "--" is not stored at order 3, so P3 = P2(. | -): -a 2, -c 1,
    # gamma2(-) = (1 + 0.5) / 3.
    p_a = (2 - 1) / 3 + 0.5 * p1["a"]
    # Second letter after "-a": P3 from -ab 2 (gamma 1/2), then P2(b | a) from ab 1.
    p2_b_given_a = (1 - 0.5) / 1 + 0.5 * p1["b"]
    p_b = (2 - 1) / 2 + 0.5 * p2_b_given_a
    proba = model.proba([ids("--"), ids("-a")])
    assert proba[0, ID["a"]] == pytest.approx(p_a)
    assert proba[1, ID["b"]] == pytest.approx(p_b)


def reference_kn_proba(names, order, padding, context, symbol):
    """Kneser-Ney probability straight from the formulas, with dicts (the oracle)."""
    grams = Counter()
    for name in names:
        padded = "-" * (order - 1) + name + "-"
        for end in range(order, len(padded) + 1):
            grams[padded[end - order : end]] += 1
    counts = {order: Counter(grams)}
    raw = {order: Counter(grams)}
    for k in range(order - 1, 0, -1):
        raw[k] = Counter()
        for gram, c in raw[k + 1].items():
            raw[k][gram[1:]] += c
        left = Counter(gram[1:] for gram in raw[k + 1])  # distinct left neighbours
        keep_raw = padding != "continuation" and k >= 2
        counts[k] = Counter(
            {g: (raw[k][g] if keep_raw and g[0] == "-" else left[g]) for g in raw[k]}
        )
    if padding == "single":
        for k in range(3, order + 1):
            counts[k] = Counter({g: c for g, c in counts[k].items() if g[:2] != "--"})

    def p(k, symbol):
        if k == 0:
            return 1 / V
        history = context[len(context) - (k - 1) :] if k > 1 else ""
        d = (0.0, *modified_discounts(np.array(list(counts[k].values())))[0])
        row = {g[-1]: c for g, c in counts[k].items() if g[:-1] == history}
        if not row:
            return p(k - 1, symbol)
        total = sum(row.values())
        gamma = sum(d[min(c, 3)] for c in row.values()) / total
        c = row.get(symbol, 0)
        return max(c - d[min(c, 3)], 0) / total + gamma * p(k - 1, symbol)

    return p(order, symbol)


@pytest.mark.parametrize("padding", PADDINGS)
def test_kn_matches_dict_oracle(padding):
    names = load_indian_names()[::150]  # 101 names
    model = KneserNeyModel(4, padding=padding).fit(names)
    contexts = ["---", "--a", "-ab", "ana", "zzz", "hit", "-sh"]
    proba = model.proba([ids(c) for c in contexts])
    for row, context in enumerate(contexts):
        for symbol in "-aehz":
            expected = reference_kn_proba(names, 4, padding, context, symbol)
            assert proba[row, ID[symbol]] == pytest.approx(expected, rel=1e-12)


# ------------------------------------------------------------------ properties


@pytest.mark.parametrize("order", [3, 4, 5, 6])
@pytest.mark.parametrize("padding", PADDINGS)
def test_kn_distributions_sum_to_one(small_split, order, padding, rng):
    train, val = small_split
    model = KneserNeyModel(order, padding=padding).fit(train)
    seen, _ = baselines.cut_windows(train[:100], order - 1)
    held_out, targets = baselines.cut_windows(val[:100], order - 1)
    random_contexts = rng.integers(0, V, size=(300, order - 1))
    contexts = np.vstack([seen, held_out, random_contexts])  # (n, order - 1)
    proba = model.proba(contexts)
    assert proba.shape == (len(contexts), V)
    assert (proba > 0).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    # The per-target path agrees with the full rows.
    rows = proba[len(seen) : len(seen) + len(targets)]  # (n_held_out, V)
    np.testing.assert_allclose(
        model.target_proba(held_out, targets), rows[np.arange(len(targets)), targets]
    )


@pytest.mark.parametrize("order", [3, 6])
def test_kn_train_nll_below_held_out(small_split, order):
    train, val = small_split
    model = KneserNeyModel(order).fit(train)
    assert model.nll_per_char(train) < model.nll_per_char(val) < log(V)


def test_models_accept_wider_contexts():
    model = KneserNeyModel(3).fit(["abid", "ali"])
    narrow = model.proba([ids("bi")])
    np.testing.assert_array_equal(model.proba([ids("--abi")]), narrow)
    with pytest.raises(ValueError, match="at least 2 columns"):
        model.proba([ids("i")])
    with pytest.raises(ValueError, match="padding must be one of"):
        KneserNeyModel(3, padding="none")


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
    assert results[1].model.estimator[-1].callback is None


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
