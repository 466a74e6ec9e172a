"""KneserNeyClassifier: the formulas by hand, normalisation, the count-model API,
and the pipeline, grid search, sampler and persistence around it."""

import pickle
from collections import Counter

import numpy as np
import pytest
from scipy import stats
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar._ngram import modified_discounts
from sknextchar.datasets import load_indian_names
from tests._sklearn_checks import EXTRA_CHECKS, FLOAT_X_WEIGHT_CHECKS

V = 27
PADDINGS = ("single", "raw", "continuation")
NAMES = load_indian_names()[::10]  # 1,508 names
TRAIN, HELD_OUT = NAMES[::2], NAMES[1::2]
SYMBOLS = "-abcdefghijklmnopqrstuvwxyz"
ID = {s: i for i, s in enumerate(SYMBOLS)}


def ids(text):
    """Symbol ids of a string over "-" and a-z."""
    return [ID[s] for s in text]


def kn_pipeline(context_length, **params):
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=context_length)),
            ("clf", KneserNeyClassifier(**params)),
        ]
    )


def fit_windows(names, context_length, alphabet="abcdefghijklmnopqrstuvwxyz", **kw):
    transformer = ContextWindowTransformer(context_length, alphabet=alphabet)
    return KneserNeyClassifier(**kw).fit(transformer.fit_transform(names))


# ------------------------------------------------------------------ by hand


def test_modified_discounts_by_hand():
    # Chen & Goodman (1998): Y = n1/(n1+2n2), D1 = 1-2Y n2/n1, D2 = 2-3Y n3/n2,
    # D3+ = 3-4Y n4/n3. Counts 1, 2, 2, 3, 4, 4, 4, 7: n = (1, 2, 1, 3), Y = 1/5.
    discounts, cc, fell_back = modified_discounts(np.array([1, 2, 2, 3, 4, 4, 4, 7]))
    assert cc == (1, 2, 1, 3) and not fell_back
    np.testing.assert_allclose(discounts, (1 - 0.8, 2 - 0.3, 3 - 2.4))


@pytest.mark.parametrize("counts", [[1, 1, 2, 5], [2, 3, 4], [1, 1, 2, 2, 3]])
def test_modified_discounts_fallback(counts):
    # n3 = 0; n1 = 0; n = (2, 2, 1, 0): D1 = 1/3, D2 = 3/2 but D3+ = 3 - 0, not < 3.
    discounts, _, fell_back = modified_discounts(np.array(counts), (0.1, 0.2, 0.3))
    assert fell_back and discounts == (0.1, 0.2, 0.3)


def test_modified_kneser_ney_on_five_names_by_hand():
    # Alphabet {a, b}, bigrams (context 1) of "a", "a", "a", "b", "abb":
    # -a 4, a- 3, -b 1, b- 2, ab 1, bb 1.
    model = fit_windows(["a", "a", "a", "b", "abb"], 1, alphabet="ab")
    assert model.ngram_counts() == {
        "-a": 4,
        "-b": 1,
        "a-": 3,
        "ab": 1,
        "b-": 2,
        "bb": 1,
    }
    # Order 2: n = (3, 1, 1, 1), Y = 3/5: D1 = 1 - 2Y/3 = 0.6, D2 = 2 - 3Y = 0.2,
    # D3+ = 3 - 4Y = 0.6.
    np.testing.assert_array_equal(model.count_of_counts_[1], (3, 1, 1, 1))
    np.testing.assert_allclose(model.discounts_[1], (0.6, 0.2, 0.6))
    # Order 1: continuation counts (distinct left neighbours): a {-}, b {-, a, b},
    # end {a, b}: n = (1, 1, 1, 0) gives D3+ = 3, outside (0, 3): the fallback.
    assert model.ngram_counts(1) == {"-": 2, "a": 1, "b": 3}
    assert model.fallback_orders_ == [1]
    np.testing.assert_allclose(model.discounts_[0], (0.5, 1.0, 1.5))
    # P1 = (c - D(c)) / 6 + gamma1 / 3, gamma1 = (0.5 + 1.5 + 1.0) / 6 = 1/2.
    p1 = {"-": 1 / 6 + 1 / 6, "a": 0.5 / 6 + 1 / 6, "b": 1.5 / 6 + 1 / 6}
    # P2(w | h) = (c(h w) - D) / c(h .) + gamma(h) P1(w):
    # h = "-": -a 4, -b 1, gamma = (0.6 + 0.6) / 5;
    # h = "a": a- 3, ab 1, gamma = (0.6 + 0.6) / 4;
    # h = "b": b- 2, bb 1, gamma = (0.2 + 0.6) / 3.
    expected = np.array(
        [
            [0.24 * p1["-"], 3.4 / 5 + 0.24 * p1["a"], 0.4 / 5 + 0.24 * p1["b"]],
            [2.4 / 4 + 0.3 * p1["-"], 0.3 * p1["a"], 0.4 / 4 + 0.3 * p1["b"]],
            [
                1.8 / 3 + 0.8 / 3 * p1["-"],
                0.8 / 3 * p1["a"],
                0.4 / 3 + 0.8 / 3 * p1["b"],
            ],
        ]
    )
    np.testing.assert_allclose(expected.sum(axis=1), 1.0)
    proba = model.predict_proba(np.array([[0], [1], [2]]))
    np.testing.assert_allclose(proba, expected, rtol=1e-12)
    assert proba[1, 0] == pytest.approx(0.7) and proba[0, 1] == pytest.approx(0.74)


def test_kn_counts_per_padding_by_hand():
    # Order 3 on "ab", "ab", "cb": windows --a, -ab, ab-, (twice), --c, -cb, cb-.
    names = ["ab", "ab", "cb"]
    single, raw, cont = (fit_windows(names, 2, padding=p) for p in PADDINGS)
    # Highest order: raw counts; "single" drops n-grams that begin with two pads.
    assert single.ngram_counts(3) == {"-ab": 2, "-cb": 1, "ab-": 2, "cb-": 1}
    assert (
        raw.ngram_counts()
        == cont.ngram_counts()
        == {
            **single.ngram_counts(),
            "--a": 2,
            "--c": 1,
        }
    )
    # Order 2: continuation counts (ab {-}, cb {-}, b- {a, c}), except that n-grams
    # beginning with one pad keep their raw counts unless padding="continuation".
    expected = {"-a": 2, "-c": 1, "ab": 1, "b-": 2, "cb": 1}
    assert single.ngram_counts(2) == raw.ngram_counts(2) == expected
    assert cont.ngram_counts(2) == {**expected, "-a": 1}
    # Order 1: distinct left neighbours of each symbol.
    assert single.ngram_counts(1) == {"-": 1, "a": 1, "b": 2, "c": 1}


def test_single_padding_probabilities_by_hand():
    model = fit_windows(["ab", "ab", "cb"], 2, padding="single")
    assert model.fallback_orders_ == [1, 2, 3]  # no order has n3 > 0
    # P1: counts - 1, a 1, b 2, c 1 (total 5); gamma1 = (0.5 * 3 + 1 * 1) / 5.
    p1 = {"a": 0.5 / 5 + 0.5 / 27, "b": 1 / 5 + 0.5 / 27}
    # First letter: "--" is not stored at order 3, so P3 = P2(. | -): -a 2, -c 1,
    # gamma2(-) = (1 + 0.5) / 3.
    p_a = (2 - 1) / 3 + 0.5 * p1["a"]
    # Second letter after "-a": P3 from -ab 2 (gamma 1/2), then P2(b | a) from ab 1.
    p_b = (2 - 1) / 2 + 0.5 * ((1 - 0.5) / 1 + 0.5 * p1["b"])
    proba = model.predict_proba([ids("--"), ids("-a")])
    assert proba[0, ID["a"]] == pytest.approx(p_a)
    assert proba[1, ID["b"]] == pytest.approx(p_b)


def reference_kn_proba(names, order, padding, context, symbol):
    """Kneser-Ney probability straight from the formulas, with dicts (the oracle)."""
    grams = Counter()
    for name in names:
        padded = "-" * (order - 1) + name + "-"
        for end in range(order, len(padded) + 1):
            grams[padded[end - order : end]] += 1
    counts, raw = {order: Counter(grams)}, {order: Counter(grams)}
    for k in range(order - 1, 0, -1):
        raw[k] = Counter()
        for gram, c in raw[k + 1].items():
            raw[k][gram[1:]] += c
        left = Counter(gram[1:] for gram in raw[k + 1])  # distinct left neighbours
        keep_raw = padding != "continuation" and k >= 2
        counts[k] = {
            g: raw[k][g] if keep_raw and g[0] == "-" else left[g] for g in raw[k]
        }
    if padding == "single":
        for k in range(3, order + 1):
            counts[k] = {g: c for g, c in counts[k].items() if g[:2] != "--"}

    def p(k):
        if k == 0:
            return 1 / V
        history = context[len(context) - (k - 1) :] if k > 1 else ""
        d = (0.0, *modified_discounts(np.array(list(counts[k].values())))[0])
        row = {g[-1]: c for g, c in counts[k].items() if g[:-1] == history}
        if not row:
            return p(k - 1)
        total = sum(row.values())
        gamma = sum(d[min(c, 3)] for c in row.values()) / total
        c = row.get(symbol, 0)
        return max(c - d[min(c, 3)], 0) / total + gamma * p(k - 1)

    return p(order)


@pytest.mark.parametrize("padding", PADDINGS)
def test_matches_dict_oracle(padding):
    names = load_indian_names()[::150]  # 101 names
    model = fit_windows(names, 3, padding=padding)
    contexts = ["---", "--a", "-ab", "ana", "zzz", "hit", "-sh"]
    proba = model.predict_proba([ids(c) for c in contexts])
    for row, context in enumerate(contexts):
        for symbol in "-aehz":
            expected = reference_kn_proba(names, 4, padding, context, symbol)
            assert proba[row, ID[symbol]] == pytest.approx(expected, rel=1e-12)


# ------------------------------------------------------------------ properties


@pytest.mark.parametrize("order", [1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize(
    "params", [{"padding": p} for p in PADDINGS] + [{"add_k": 0.5}]
)
def test_distributions_sum_to_one_for_every_context(order, params, rng):
    transformer = ContextWindowTransformer(context_length=max(order - 1, 1))
    model = KneserNeyClassifier(order=order, **params).fit(
        transformer.fit_transform(TRAIN[:300])
    )
    seen = transformer.transform(TRAIN[:30]).contexts
    held_out = transformer.transform(HELD_OUT[:30]).contexts
    unseen = rng.integers(0, V, size=(200, transformer.context_length))
    contexts = np.vstack([seen, held_out, unseen])
    proba = model.predict_proba(contexts)
    assert proba.shape == (len(contexts), V) and (proba > 0).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    np.testing.assert_allclose(model.predict_log_proba(contexts), np.log(proba))


@pytest.mark.parametrize("k", [0.0, 0.5, 1.0])
def test_bigram_add_k_is_the_normalised_count_table(k):
    transformer = ContextWindowTransformer(context_length=1)
    windows = transformer.fit_transform(TRAIN)
    counts = np.zeros((V, V))
    np.add.at(counts, (windows.contexts[:, 0], windows.targets), 1)
    model = KneserNeyClassifier(add_k=k).fit(windows)
    proba = model.predict_proba(np.arange(V)[:, None])  # every context
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore"):
        expected = (counts + k) / (totals + k * V)
    expected[totals[:, 0] == 0] = 1 / V  # a context never seen: uniform
    np.testing.assert_allclose(proba, expected, rtol=1e-12)
    assert model.discounts_ is None and model.n_ngrams_ == np.count_nonzero(counts)
    # The lecture's count table is there to read, too.
    table = model.ngram_counts()
    assert table["-a"] == counts[0, ID["a"]] and sum(table.values()) == len(windows)


def test_add_k_zero_gives_zero_probabilities_and_minus_infinity():
    model = fit_windows(["ab"], 1, add_k=0)
    log_proba = model.predict_log_proba([ids("a")])
    assert log_proba[0, ID["b"]] == 0.0 and np.isneginf(log_proba[0, ID["a"]])


def test_partial_fit_adds_counts():
    transformer = ContextWindowTransformer(context_length=3).fit(TRAIN)
    whole = KneserNeyClassifier().fit(transformer.transform(TRAIN))
    parts = KneserNeyClassifier()
    for chunk in (TRAIN[:100], TRAIN[100:500], TRAIN[500:]):
        parts.partial_fit(transformer.transform(chunk))
    probe = transformer.transform(HELD_OUT[:50])
    np.testing.assert_allclose(parts.predict_proba(probe), whole.predict_proba(probe))
    assert parts.n_windows_ == whole.n_windows_ == len(transformer.transform(TRAIN))
    np.testing.assert_array_equal(parts.count_of_counts_, whole.count_of_counts_)
    with pytest.raises(ValueError, match="does not match the fitted order_=4"):
        parts.set_params(order=3).partial_fit(probe)


def test_training_score_beats_held_out_and_longer_orders_fit_better():
    scores = {}
    for order in (2, 4, 6):
        pipe = kn_pipeline(order - 1).fit(TRAIN)
        scores[order] = (pipe.score(TRAIN), pipe.score(HELD_OUT))
        assert scores[order][0] > scores[order][1] > -np.log(V)
    assert scores[2][0] < scores[4][0] < scores[6][0]


def test_lower_order_reads_the_last_columns_of_wider_contexts():
    windows8 = ContextWindowTransformer(context_length=8).fit_transform(TRAIN)
    windows3 = ContextWindowTransformer(context_length=3).fit_transform(TRAIN)
    wide = KneserNeyClassifier(order=4).fit(windows8)
    narrow = KneserNeyClassifier().fit(windows3)
    assert wide.order_ == narrow.order_ == 4 and wide.n_features_in_ == 8
    np.testing.assert_allclose(
        wide.predict_proba(windows8), narrow.predict_proba(windows3)
    )
    with pytest.raises(ValueError, match="needs contexts of at least 9 symbols"):
        KneserNeyClassifier(order=10).fit(windows8)


def test_score_with_a_column_of_labels_warns_at_the_callers_line():
    from sklearn.exceptions import DataConversionWarning

    X = np.array([[0, 1], [1, 2], [2, 0], [1, 2], [0, 1]])
    y = np.array(["b", "c", "end", "c", "b"])
    model = KneserNeyClassifier().fit(X, y)
    with pytest.warns(
        DataConversionWarning, match=r"^A column-vector y was passed"
    ) as caught:
        score = model.score(X, y.reshape(-1, 1))
    assert score == model.score(X, y)
    assert [w.filename for w in caught] == [__file__]  # it pointed inside sknextchar


def test_array_input_with_labels():
    X = np.array([[0, 1], [1, 2], [2, 0], [1, 2], [0, 1]])
    y = np.array(["b", "c", "end", "c", "b"])
    model = KneserNeyClassifier().fit(X, y)
    assert model.classes_.tolist() == ["b", "c", "end"]
    assert model.predict(X).tolist() == y.tolist()
    assert model.score(X, y) > model.score(X, np.roll(y, 1))
    assert model.ngram_counts()[(1, 2, "c")] == 2
    with pytest.raises(ValueError, match="classes must be passed"):
        KneserNeyClassifier().partial_fit(X, y)
    model = KneserNeyClassifier().partial_fit(X, y, classes=["b", "c", "end", "x"])
    assert model.predict_proba(X).shape == (5, 4)
    with pytest.raises(ValueError, match=r"Context ids \[7\] are not known"):
        model.predict_proba([[0, 7]])


@pytest.mark.parametrize(
    "params, match",
    [
        ({"discount_fallback": (0.5, 1.0)}, "discount_fallback must be 3 numbers"),
        ({"discount_fallback": (1.5, 1.0, 1.5)}, "0 < D1 <= 1"),
        ({"order": 14}, "at most 13"),
    ],
)
def test_bad_parameters_say_what_to_do(params, match):
    windows = ContextWindowTransformer(context_length=13).fit_transform(["abid"])
    with pytest.raises(ValueError, match=match):
        KneserNeyClassifier(**params).fit(windows)


@parametrize_with_checks(
    [KneserNeyClassifier(), KneserNeyClassifier(add_k=1)],
    expected_failed_checks=lambda estimator: FLOAT_X_WEIGHT_CHECKS,
)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)


@pytest.mark.parametrize("check", EXTRA_CHECKS)
def test_sklearn_checks_that_parametrize_with_checks_leaves_out(check):
    getattr(estimator_checks, check)("KneserNeyClassifier", KneserNeyClassifier())


# ------------------------------------------------------------------ composition


def test_grid_search_over_context_length():
    search = GridSearchCV(
        kn_pipeline(1), {"windows__context_length": [1, 3, 5]}, cv=3
    ).fit(TRAIN)
    scores = search.cv_results_["mean_test_score"]
    assert search.best_params_ == {"windows__context_length": 5}
    assert scores[0] < scores[1] < scores[2] < 0


@pytest.fixture(scope="module")
def kn_sampler():
    # Length bounds wide enough that sampling follows the model unconditioned
    # (the defaults are the training names' shortest and longest).
    return NameSampler(kn_pipeline(4), min_length=1, max_length=20).fit(TRAIN)


def test_sampled_next_characters_follow_predict_proba(kn_sampler):
    # Sampled first and second symbols against predict_proba of the fitted model,
    # chi-square at a tiny alpha with a fixed seed: the test cannot flake, and a
    # sampler that drew from anything else would fail it.
    names = kn_sampler.sample(20000, random_state=0)
    transformer, clf = kn_sampler.estimator_["windows"], kn_sampler.estimator_["clf"]
    letters = SYMBOLS[1:]
    first = clf.predict_proba(transformer.encode_prefixes([""]))[0, 1:]  # (26,)
    second = clf.predict_proba(transformer.encode_prefixes(list(letters)))  # (26, 27)
    expected = (first[:, None] * second).ravel() * len(names)
    index = {
        a + b: i for i, (a, b) in enumerate((a, b) for a in letters for b in SYMBOLS)
    }
    counts = np.bincount([index[(n + "-")[:2]] for n in names], minlength=len(index))
    keep = expected > 5  # rare pairs are pooled into one cell
    counts = np.r_[counts[keep], counts[~keep].sum()]
    expected = np.r_[expected[keep], expected[~keep].sum()]
    statistic = ((counts - expected) ** 2 / expected).sum()
    assert statistic < stats.chi2.isf(1e-9, df=len(counts) - 1)


def test_beam_search_and_temperature_table(kn_sampler):
    best = kn_sampler.most_likely(3, beam_width=10)
    scores = kn_sampler.score_samples(best)
    assert len(best) == 3 and np.all(np.diff(scores) <= 1e-12)
    table = kn_sampler.temperature_table("ab", temperatures=(0.5, 1.0))
    clf, transformer = kn_sampler.estimator_["clf"], kn_sampler.estimator_["windows"]
    np.testing.assert_allclose(
        table.proba[:, 1], clf.predict_proba(transformer.encode_prefixes(["ab"]))[0]
    )


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_persistence_round_trip(tmp_path, suffix):
    pipe = kn_pipeline(4, padding="raw").fit(TRAIN)
    path = save_model(pipe, tmp_path / f"kn{suffix}")
    loaded = load_model(path, allow_pickle=True)
    np.testing.assert_array_equal(
        loaded.predict_proba(HELD_OUT), pipe.predict_proba(HELD_OUT)
    )
    assert loaded["clf"].get_params() == pipe["clf"].get_params()
    copy = pickle.loads(pickle.dumps(clone(pipe).fit(TRAIN)))
    assert copy.score(HELD_OUT) == pipe.score(HELD_OUT)


class TaskRecorder:
    """A scikit-learn callback that records the tasks it is told about."""

    def __init__(self):
        self.tasks = []

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        self.tasks.append((type(estimator).__name__, context.task_name))
        self.fitted_estimator = fitted_estimator

    def teardown(self, estimator, context):
        pass


def test_counting_is_one_callback_task():
    recorder = TaskRecorder()
    clf = KneserNeyClassifier().set_callbacks(recorder)
    windows = ContextWindowTransformer().fit_transform(TRAIN)
    clf.fit(windows).partial_fit(windows)
    assert recorder.tasks == [("KneserNeyClassifier", "fit")] * 2
    assert recorder.fitted_estimator.n_windows_ == 2 * len(windows)


# ------------------------------------------------------------------ command line


def test_command_line_trains_a_count_model(tmp_path, capsys):
    from sknextchar.cli import main

    names_file = tmp_path / "names.txt"
    names_file.write_text("\n".join(TRAIN) + "\n", encoding="utf-8")
    path = tmp_path / "kn.skops"
    argv = ["train", str(names_file), "--model", "kneser-ney", "--context-length"]
    argv += ["4", "--order", "3", "--padding", "raw", "--seed", "0", "-o", str(path)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "n-grams (orders 1 to 3)" in out and "Held-out NLL" in out
    pipe = load_model(path).estimator_.estimator
    assert pipe["windows"].context_length == 4
    assert (pipe["clf"].order_, pipe["clf"].padding) == (3, "raw")
    assert main(["sample", str(path), "-n", "3", "--seed", "0"]) == 0
    assert len(capsys.readouterr().out.split()) == 3
    # The MLP's flags are refused, with the count model's named.
    assert main([*argv[:-2], "--max-iter", "2", "-o", str(tmp_path / "x.skops")]) == 1
    err = capsys.readouterr().err
    assert "--max-iter sets the MLP" in err and "leave it out" in err
    assert "--add-k" in err


def test_command_line_flags_are_the_estimators():
    import inspect

    from sknextchar._compat import (
        InvalidParameterError,
        StrOptions,
        validate_parameter_constraints,
    )
    from sknextchar.cli._flags import KN_FLAGS, Choice, Number

    def accepts(flag, value):
        constraints = KneserNeyClassifier._parameter_constraints[flag.param]
        try:
            validate_parameter_constraints(
                {flag.param: constraints}, {flag.param: value}, "KneserNeyClassifier"
            )
        except InvalidParameterError:
            return False
        return True

    signature = inspect.signature(KneserNeyClassifier).parameters
    for flag in KN_FLAGS:
        assert flag.step == "clf" and flag.default == signature[flag.param].default
        if isinstance(flag.type, Number):  # the ends of the range, and beyond
            low = flag.type.kind(flag.type.low)
            below = low - 1 if flag.type.kind is int else np.nextafter(low, -1)
            assert accepts(flag, low) and flag.type.accepts(low)
            assert not accepts(flag, below) and not flag.type.accepts(below)
        else:
            assert isinstance(flag.type, Choice)
            options = set()
            for constraint in KneserNeyClassifier._parameter_constraints[flag.param]:
                if isinstance(constraint, StrOptions):
                    options |= constraint.options
            assert set(flag.type.options) == options
