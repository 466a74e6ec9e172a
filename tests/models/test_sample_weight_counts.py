"""``sample_weight`` in the count models' fit: a whole-number weight is how many
times a name occurs (KneserNeyClassifier, PerLabelClassifier)."""

import numpy as np
import pytest
from sklearn import config_context
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import Pipeline

import sknextchar._ngram
from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    PerLabelClassifier,
    load_model,
    save_model,
)
from sknextchar._ngram import weighted_key_counts
from sknextchar._pipeline import fit_weighted
from sknextchar.datasets import load_indian_names

NAMES = np.asarray(load_indian_names()[::50])  # 302 names
WEIGHTS = np.random.default_rng(0).integers(0, 4, len(NAMES))  # zeros included
QUERIES = ContextWindowTransformer(context_length=4).fit_transform(
    list(NAMES[:40]) + ["zyxw", "qqq", "aaaaaaaa"]
)  # seen and unseen contexts


def windows(names, context_length=4):
    return ContextWindowTransformer(context_length=context_length).fit_transform(names)


def assert_same_model(weighted, repeated, X=QUERIES):
    """Equal counts at every order, discounts, and every predict_proba row."""
    np.testing.assert_allclose(
        weighted.predict_proba(X), repeated.predict_proba(X), rtol=0, atol=1e-12
    )
    for k in range(1, repeated.order_ + 1):
        assert weighted.ngram_counts(k) == repeated.ngram_counts(k)
    assert weighted.n_windows_ == repeated.n_windows_
    assert weighted.n_ngrams_ == repeated.n_ngrams_
    assert weighted.fallback_orders_ == repeated.fallback_orders_
    if repeated.discounts_ is None:
        assert weighted.discounts_ is None
    else:
        np.testing.assert_allclose(weighted.discounts_, repeated.discounts_)
        np.testing.assert_array_equal(
            weighted.count_of_counts_, repeated.count_of_counts_
        )


# ------------------------------------------------------------------ weights = repeats


@pytest.mark.parametrize(
    "params",
    [{"add_k": 0}, {"add_k": 1}]
    + [{"padding": p} for p in ("single", "raw", "continuation")],
)
@pytest.mark.parametrize("order", [1, 2, 3, 5])
def test_integer_weights_are_the_names_repeated(order, params):
    weighted = KneserNeyClassifier(order, **params)
    weighted.fit(windows(NAMES), sample_weight=WEIGHTS)
    repeated = KneserNeyClassifier(order, **params).fit(
        windows(np.repeat(NAMES, WEIGHTS))
    )
    assert_same_model(weighted, repeated)


def test_weight_zero_is_the_name_left_out():
    names = [*NAMES[:50], "xquzzy"]  # the only name with "xq", "uz", "zz"
    weights = [1] * 50 + [0]
    weighted = KneserNeyClassifier().fit(windows(names, 2), sample_weight=weights)
    without = KneserNeyClassifier().fit(windows(names[:50], 2))
    assert not {"xq", "uz", "zz"} & set(weighted.ngram_counts(2))
    assert_same_model(weighted, without, windows(names, 2))


def test_a_single_number_weighs_every_name():
    weighted = KneserNeyClassifier().fit(windows(NAMES), sample_weight=2)
    repeated = KneserNeyClassifier().fit(windows(np.repeat(NAMES, 2)))
    assert_same_model(weighted, repeated)


def test_weights_of_a_subset_of_windows_are_still_one_per_name():
    # What a mixture's hold-out passes: the windows of some names, every weight.
    X, mask = windows(NAMES), np.arange(len(NAMES)) % 3 > 0
    weighted = KneserNeyClassifier().fit(X.subset(mask), sample_weight=WEIGHTS)
    repeated = KneserNeyClassifier().fit(windows(np.repeat(NAMES[mask], WEIGHTS[mask])))
    assert_same_model(weighted, repeated)


@pytest.mark.parametrize("params", [{}, {"add_k": 1}])
def test_partial_fit_adds_weighted_counts(params):
    a, b = NAMES[:150], NAMES[150:]
    wa, wb = WEIGHTS[:150], WEIGHTS[150:]
    transformer = ContextWindowTransformer(context_length=3).fit(NAMES)
    clf = KneserNeyClassifier(**params).fit(transformer.transform(a), sample_weight=wa)
    clf.partial_fit(transformer.transform(b), sample_weight=wb)
    together = KneserNeyClassifier(**params).fit(
        transformer.transform(NAMES), sample_weight=np.r_[wa, wb]
    )
    assert_same_model(clf, together, transformer.transform(NAMES[:40]))
    unweighted_b = clone(together).fit(transformer.transform(a), sample_weight=wa)
    unweighted_b.partial_fit(transformer.transform(b))  # weights in one call only
    repeated = KneserNeyClassifier(**params).fit(
        transformer.transform([*np.repeat(a, wa), *b])
    )
    assert_same_model(unweighted_b, repeated, transformer.transform(NAMES[:40]))


def test_arrays_take_one_weight_per_row():
    X = windows(NAMES, 2)
    contexts, targets = (
        X.contexts,
        np.array(list("-abcdefghijklmnopqrstuvwxyz"))[X.targets],
    )
    rows = np.random.default_rng(1).integers(0, 3, len(contexts))
    weighted = KneserNeyClassifier().fit(contexts, targets, sample_weight=rows)
    classes = np.unique(targets)  # a label of weight 0 stays a class, as in fit
    repeated = KneserNeyClassifier().partial_fit(
        np.repeat(contexts, rows, axis=0), np.repeat(targets, rows), classes=classes
    )
    assert_same_model(weighted, repeated, contexts[:200])
    half = len(contexts) // 2
    first = KneserNeyClassifier().partial_fit(
        contexts[:half], targets[:half], classes=classes, sample_weight=rows[:half]
    )
    first.partial_fit(contexts[half:], targets[half:], sample_weight=rows[half:])
    assert_same_model(first, weighted, contexts[:200])


def test_weights_of_ones_give_the_unweighted_model_bit_for_bit():
    X = windows(NAMES)
    plain = KneserNeyClassifier().fit(X)
    ones = KneserNeyClassifier().fit(X, sample_weight=np.ones(len(NAMES)))
    np.testing.assert_array_equal(plain.predict_proba(X), ones.predict_proba(X))


def test_without_weights_the_counting_is_unchanged(monkeypatch):
    """sample_weight=None takes the code path of before weights existed."""

    def refuse(*args):
        raise AssertionError("the weighted counting ran without weights")

    monkeypatch.setattr(sknextchar._ngram, "weighted_key_counts", refuse)
    clf = KneserNeyClassifier().fit(windows(NAMES[:30]))
    clf.partial_fit(windows(NAMES[30:60]))
    with pytest.raises(AssertionError, match="weighted counting ran"):
        clf.partial_fit(windows(NAMES[:2]), sample_weight=[1, 2])


def test_a_weighted_model_saves_and_loads(tmp_path):
    clf = KneserNeyClassifier().fit(windows(NAMES), sample_weight=WEIGHTS)
    path = tmp_path / "kn.skops"
    save_model(clf, path)  # load_model checks n_windows_ against the counts
    np.testing.assert_array_equal(
        load_model(path).predict_proba(QUERIES), clf.predict_proba(QUERIES)
    )


# ------------------------------------------------------------------ by hand


def test_bigram_probabilities_by_hand():
    # "ab" x2, "b" x1, "ba" x3. Bigram counts: after "-": a 2, b 1 + 3 = 4;
    # after "a": b 2, "-" 3; after "b": "-" 2 + 1 = 3, a 3.
    t = ContextWindowTransformer(context_length=1).fit(["ab"])
    X = t.transform(["ab", "b", "ba"])
    w = [2, 1, 3]
    after = t.encode_prefixes(["", "a", "b"])  # contexts "-", "a", "b"
    col = {s: i for i, s in enumerate("-abcdefghijklmnopqrstuvwxyz")}

    table = KneserNeyClassifier(add_k=0).fit(X, sample_weight=w).predict_proba(after)
    assert table[0, col["a"]] == pytest.approx(2 / 6)
    assert table[0, col["b"]] == pytest.approx(4 / 6)
    assert table[1, col["-"]] == pytest.approx(3 / 5)
    assert table[2, col["a"]] == pytest.approx(3 / 6)

    add1 = KneserNeyClassifier(add_k=1).fit(X, sample_weight=w).predict_proba(after)
    assert add1[0, col["b"]] == pytest.approx((4 + 1) / (6 + 27))
    assert add1[1, col["z"]] == pytest.approx(1 / (5 + 27))

    # Modified KN, order 2: no count of 1 at either order, so the fallback
    # discounts D1, D2, D3+ = 0.5, 1, 1.5. Order 1 counts the distinct symbols
    # before each symbol: "a" (after "-", "b"), "b" (after "-", "a"), "-" (after
    # "a", "b"): 2 each, total 6, so P1(s) = (2 - 1) / 6 + (3 * 1 / 6) / 27 for
    # "-", "a", "b" and P1(z) = (1 / 2) / 27. After "-": a 2, b 4, total 6.
    kn = KneserNeyClassifier().fit(X, sample_weight=w)
    assert kn.fallback_orders_ == [1, 2]
    p1_a, p1_z = 1 / 6 + 0.5 / 27, 0.5 / 27
    gamma = (1.0 + 1.5) / 6  # D(2) for "-a", D(3+) for "-b"
    proba = kn.predict_proba(after)
    assert proba[0, col["a"]] == pytest.approx((2 - 1.0) / 6 + gamma * p1_a)
    assert proba[0, col["z"]] == pytest.approx(gamma * p1_z)


def test_weighted_key_counts_sums_exactly_on_both_paths():
    rng = np.random.default_rng(2)
    for high, most in ((1000, 5), (2**62, 2**40)):  # packed sort; argsort
        keys = rng.integers(0, high, 500, dtype=np.int64)[rng.integers(0, 500, 5000)]
        weights = rng.integers(0, most, len(keys))
        distinct, counts = weighted_key_counts(keys, weights)
        expected = {}
        for key, weight in zip(keys.tolist(), weights.tolist(), strict=True):
            if weight:
                expected[key] = expected.get(key, 0) + weight
        assert distinct.tolist() == sorted(expected)
        assert counts.tolist() == [expected[k] for k in sorted(expected)]


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize("params", [{}, {"add_k": 1}])
def test_fractional_weights_are_refused_and_the_model_is_kept(params):
    X = windows(NAMES[:20])
    clf = KneserNeyClassifier(**params).fit(X, sample_weight=WEIGHTS[:20] + 1)
    before = (clf.predict_proba(QUERIES), clf.ngram_counts(), clf.n_windows_)
    fractional = np.r_[1.5, np.ones(19)]
    with pytest.raises(ValueError, match="whole numbers") as error:
        clf.fit(X, sample_weight=fractional)
    for phrase in ("got 1.5", "numpy.rint(sample_weight)", "CharEmbeddingMLP"):
        assert phrase in str(error.value)
    with pytest.raises(ValueError, match="whole numbers"):
        clf.partial_fit(X, sample_weight=fractional)
    with pytest.raises(ValueError, match="one per name"):
        clf.partial_fit(X, sample_weight=[1, 2])
    np.testing.assert_array_equal(clf.predict_proba(QUERIES), before[0])
    assert (clf.ngram_counts(), clf.n_windows_) == before[1:]


def test_windows_whose_names_all_weigh_zero_are_refused():
    X = windows(NAMES[:4])
    with pytest.raises(ValueError, match="nothing to count"):
        KneserNeyClassifier().fit(
            X.subset([True, True, False, False]), sample_weight=[0, 0, 1, 1]
        )


def test_weights_too_large_to_count_exactly_are_refused():
    with pytest.raises(ValueError, match="scale the weights down"):
        KneserNeyClassifier().fit(windows(["abid"]), sample_weight=2.0**60)


# ------------------------------------------------------------------ pipelines


def pipeline(**params):
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=3)),
            ("clf", KneserNeyClassifier(**params)),
        ]
    )


def test_pipeline_routes_the_weights_of_names():
    repeated = pipeline().fit(np.repeat(NAMES, WEIGHTS))
    by_step = pipeline().fit(NAMES, clf__sample_weight=WEIGHTS)
    helper = fit_weighted(pipeline(), NAMES, sample_weight=WEIGHTS)
    with config_context(enable_metadata_routing=True):
        routed = fit_weighted(pipeline(), NAMES, sample_weight=WEIGHTS)
    X = NAMES[:40]
    for pipe in (by_step, helper, routed):
        np.testing.assert_allclose(
            pipe.predict_proba(X), repeated.predict_proba(X), rtol=0, atol=1e-12
        )
        assert pipe["clf"].n_windows_ == repeated["clf"].n_windows_


# ------------------------------------------------------------------ per label


class _NoWeights(KneserNeyClassifier):
    def fit(self, X, y=None):
        return super().fit(X, y)


def test_per_label_weights_are_the_names_repeated():
    labels = np.where(np.arange(len(NAMES)) % 3, "f", "m")
    X = windows(NAMES, 3)
    model = PerLabelClassifier(KneserNeyClassifier(add_k=1))
    weighted = model.fit(X, labels, sample_weight=WEIGHTS)
    repeated = clone(model).fit(
        windows(np.repeat(NAMES, WEIGHTS), 3), np.repeat(labels, WEIGHTS)
    )
    for a, b in zip(weighted.estimators_, repeated.estimators_, strict=True):
        assert_same_model(a, b, windows(NAMES[:40], 3))
    no_labels = clone(model).fit(X, sample_weight=WEIGHTS)
    assert_same_model(
        no_labels.estimators_[0], KneserNeyClassifier(add_k=1).fit(
            windows(np.repeat(NAMES, WEIGHTS), 3)
        ), windows(NAMES[:40], 3)
    )  # fmt: skip


def test_per_label_refuses_what_its_models_cannot_take():
    X, labels = windows(["ana", "ben", "cleo"]), ["x", "y", "y"]
    with pytest.raises(TypeError, match=r"\(_NoWeights\) takes no sample_weight"):
        PerLabelClassifier(_NoWeights()).fit(X, labels, sample_weight=[1, 2, 3])
    PerLabelClassifier(_NoWeights()).fit(X, labels)  # no weights: as before
    with pytest.raises(ValueError, match="0 for every name of the label 'x', so"):
        PerLabelClassifier().fit(X, labels, sample_weight=[0, 2, 3])
    with pytest.raises(ValueError, match="whole numbers"):
        PerLabelClassifier().fit(X, labels, sample_weight=[1, 0.5, 3])
    model = PerLabelClassifier().fit(X, labels)
    kept = model.estimators_
    with pytest.raises(ValueError, match="one per name"):
        model.fit(X, labels, sample_weight=[1, 2])
    assert model.estimators_ is kept


def test_per_label_in_a_pipeline_gets_the_weights_of_names():
    names, labels, weights = ["ana", "ben", "cleo", "dina"], list("fmff"), [1, 2, 3, 0]
    pipe = Pipeline(
        [("windows", ContextWindowTransformer()), ("clf", PerLabelClassifier())]
    )
    with config_context(enable_metadata_routing=True):
        routed = fit_weighted(clone(pipe), names, labels, sample_weight=weights)
    by_step = clone(pipe).fit(names, labels, clf__sample_weight=weights)
    for fitted in (routed, by_step):  # f: "ana" x1 (4 windows) + "cleo" x3 (5 x 3)
        assert [m.n_windows_ for m in fitted["clf"].estimators_] == [19, 8]


def test_a_search_fits_and_scores_with_the_weights_of_names():
    cv = KFold(2, shuffle=True, random_state=0)
    with config_context(enable_metadata_routing=True):
        model = KneserNeyClassifier(add_k=1).set_fit_request(sample_weight=True)
        model.set_score_request(sample_weight=True)
        search = GridSearchCV(pipeline().set_params(clf=model), {"clf__order": [2]})
        search.set_params(cv=cv).fit(NAMES, sample_weight=WEIGHTS)
    for i, (train, test) in enumerate(cv.split(NAMES)):
        fold = pipeline(add_k=1, order=2).fit(np.repeat(NAMES[train], WEIGHTS[train]))
        assert search.cv_results_[f"split{i}_test_score"][0] == pytest.approx(
            fold.score(NAMES[test], sample_weight=WEIGHTS[test])
        )
