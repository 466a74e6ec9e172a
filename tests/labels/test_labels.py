"""Names by label: the conditional model, sampling by label, NameLabelClassifier."""

import pickle
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator
from sklearn.metrics import classification_report
from sklearn.model_selection import (
    GridSearchCV,
    KFold,
    cross_val_predict,
    cross_val_score,
)
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks as sk_checks

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
    make_default_pipeline,
    save_model,
)
from sknextchar._labels import with_training_labels
from sknextchar._model_input import check_training_data
from sknextchar.datasets import load_indian_names
from sknextchar.exceptions import DamagedModelError
from sknextchar.nn.functional import backward, forward, init_params, loss
from tests._recorded import assert_recorded
from tests.models.test_nn_functional import numerical_gradient

DATA = Path(__file__).parents[1] / "data"


def ending_corpus(n_per_label=40, seed=0):
    """Label "A" names end in "a", label "B" names in "o"; the stems are shared."""
    rng = np.random.default_rng(seed)
    consonants, vowels = list("bdklmnprst"), list("aeiu")
    stems = {
        "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(2))
        + rng.choice(consonants)
        for _ in range(3 * n_per_label)
    }
    stems = sorted(stems)[:n_per_label]
    names = [s + "a" for s in stems] + [s + "o" for s in stems]
    return names, ["A"] * len(stems) + ["B"] * len(stems)


def small_pipe(**params):
    clf = dict(
        embedding_dim=6,
        hidden_layer_sizes=(32,),
        max_iter=60,
        batch_size=32,
        learning_rate_init=0.02,
        random_state=0,
    )
    clf.update(params)
    return make_pipeline(
        ContextWindowTransformer(context_length=3), CharEmbeddingMLPClassifier(**clf)
    )


@pytest.fixture(scope="module")
def corpus():
    return ending_corpus()


@pytest.fixture(scope="module")
def sampler(corpus):
    names, labels = corpus
    return NameSampler(small_pipe()).fit(names, labels)


@pytest.fixture(scope="module")
def name_classifier(corpus):
    names, labels = corpus
    return NameLabelClassifier(small_pipe(max_iter=30)).fit(names, labels)


# ------------------------------------------------------------------ the data


def test_load_indian_names_return_x_y():
    names, labels = load_indian_names(return_X_y=True)
    assert len(names) == len(labels) == 15185
    assert set(labels) == {"female", "male"}
    assert labels.count("female") == 3568 and labels.count("male") == 11617
    # Every name once per source list: the 111 shared names twice, one per label.
    pairs = list(zip(names, labels))
    assert len(set(pairs)) == len(pairs) and pairs == sorted(pairs)
    assert sorted(set(names)) == load_indian_names()
    assert len(names) - len(set(names)) == 111
    assert {("priya", "female"), ("rahul", "male")} <= set(pairs)


def test_labels_resource_hash_is_recorded_with_its_provenance():
    import hashlib
    from importlib import resources

    from sknextchar.datasets import INDIAN_NAME_LABELS_SHA256

    data = resources.files("sknextchar.datasets").joinpath(
        "data", "indian_name_labels.csv"
    )
    assert hashlib.sha256(data.read_bytes()).hexdigest() == INDIAN_NAME_LABELS_SHA256
    repo = Path(__file__).resolve().parents[2]
    if (repo / "data").is_dir():  # the source tree
        assert INDIAN_NAME_LABELS_SHA256 in (repo / "data" / "README.md").read_text()
        script = (repo / "data" / "build_indian_names.py").read_text()
        assert INDIAN_NAME_LABELS_SHA256 in script


# ------------------------------------------------------- the conditional model


def test_label_embedding_gradient_matches_finite_differences():
    # More sizes of the label embedding in tests/labels/test_label_embedding.py.
    windows = ContextWindowTransformer(context_length=2).fit_transform(
        ["abca", "bacb", "cab"]
    )
    model = CharEmbeddingMLPClassifier()
    data = check_training_data(model, windows, None, reset=True)
    data = with_training_labels(model, data, windows, ["x", "y", "x"], reset=True)
    rng = np.random.default_rng(0)
    X, y = data.contexts, data.targets
    for activation in ("tanh", "relu"):
        E, coefs, intercepts, LE = init_params(
            data.n_symbols, 3, 2, (5,), len(model.classes_), activation,
            np.float64, np.random.RandomState(0), labels=(2, 3),
        )  # fmt: skip
        coefs = [rng.normal(scale=0.7, size=c.shape) for c in coefs]

        def total(E=E, coefs=coefs, b=intercepts, LE=LE, activation=activation):
            _, log_proba = forward(X, E, coefs, b, activation, label_embeddings=LE)
            return loss(log_proba, y, [E, LE, *coefs], 0.1)

        hidden, log_proba = forward(
            X, E, coefs, intercepts, activation, label_embeddings=LE
        )
        _, g_coefs, _, g_LE = backward(
            X, y, E, coefs, hidden, log_proba, activation, 0.1, label_embeddings=LE
        )
        numeric = numerical_gradient(total, [LE, coefs[0]])
        # The label embeddings and the label's first-layer block (rows 6:).
        np.testing.assert_allclose(g_LE, numeric[0], atol=1e-6)
        np.testing.assert_allclose(g_coefs[0][6:], numeric[1][6:], atol=1e-6)
        assert np.abs(g_LE).min() > 0  # both labels get gradient


def test_fit_without_labels_is_bit_for_bit_the_model_before_labels():
    # Recorded with sknextchar at commit fc73234, before labels existed.
    reference = np.load(DATA / "unlabelled_fit_before_labels.npz")
    names = load_indian_names()[::50]
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=3),
        CharEmbeddingMLPClassifier(
            embedding_dim=4, hidden_layer_sizes=(16,), max_iter=3, batch_size=32,
            dropout=0.1, random_state=0, dtype="float64",
        ),
    )  # fmt: skip
    for fitted in (clone(pipe).fit(names), clone(pipe).fit(names, None)):
        clf = fitted[-1]
        assert clf.label_classes_ is None
        assert_recorded(clf.embeddings_, reference["embeddings"])
        for i in range(2):
            assert_recorded(clf.coefs_[i], reference[f"coef{i}"])
            assert_recorded(clf.intercepts_[i], reference[f"intercept{i}"])
        assert_recorded(clf.loss_curve_, reference["loss_curve"])


def test_conditional_pipeline_fit_score_predict(corpus, sampler):
    names, labels = corpus
    pipe = sampler.estimator_
    clf = pipe[-1]
    assert clf.label_classes_.tolist() == ["A", "B"]
    assert clf.embeddings_.shape == (len(clf.classes_), 6)
    assert clf.label_embeddings_.shape == (2, 6)  # label_embedding_dim=None: 6
    assert clf.coefs_[0].shape == (4 * 6, 32)  # 3 context positions and the label
    wrong = ["B" if label == "A" else "A" for label in labels]
    assert pipe.score(names, labels) > pipe.score(names, wrong) + 0.1
    proba = pipe.predict_proba(names[:2], labels=labels[:2])
    assert proba.shape == (2 * len(names[0]) + 2, len(clf.classes_))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-5)
    # The same label for every name, as a single value.
    np.testing.assert_array_equal(
        pipe.predict_proba(names[:2], labels="A"),
        pipe.predict_proba(names[:2], labels=["A", "A"]),
    )


def test_labels_are_required_exactly_when_the_model_was_fitted_with_them(
    corpus, sampler
):
    names, labels = corpus
    pipe = sampler.estimator_
    with pytest.raises(ValueError, match=r"fitted with the labels \['A', 'B'\]"):
        pipe.predict_proba(names[:1])
    plain = small_pipe(max_iter=2).fit(names)
    with pytest.raises(ValueError, match="fitted without labels"):
        plain.predict_proba(names[:1], labels=["A"])
    with pytest.raises(ValueError, match="one label per name"):
        pipe.score(names[:2], labels[:1])
    clf = pipe[-1]
    with pytest.raises(ValueError, match="first fitted without labels"):
        plain[-1].partial_fit(plain[0].transform(names), labels)
    with pytest.raises(ValueError, match=r"labels \['C'\], .*knows \['A', 'B'\]"):
        clf.partial_fit(pipe[0].transform(names[:1]), ["C"])


def test_partial_fit_and_warm_start_keep_the_labels(corpus):
    names, labels = corpus
    pipe = small_pipe(max_iter=2, warm_start=True).fit(names, labels)
    clf = pipe[-1]
    windows = pipe[0].transform(names)
    before = clf.embeddings_.copy()
    clf.partial_fit(windows, labels)
    clf.fit(windows, labels)
    assert clf.embeddings_.shape == before.shape and clf.label_classes_.size == 2
    with pytest.raises(ValueError, match="one label per name"):
        clf.fit(windows)


def test_grid_search_and_cross_validation_take_the_labels(corpus):
    names, labels = corpus
    search = GridSearchCV(
        small_pipe(max_iter=5),
        {"charembeddingmlpclassifier__embedding_dim": [4, 6]},
        cv=KFold(2, shuffle=True, random_state=0),
    ).fit(names, labels)
    assert np.isfinite(search.cv_results_["mean_test_score"]).all()
    assert search.best_estimator_[-1].label_classes_.tolist() == ["A", "B"]


def test_predict_proba_labels_with_metadata_routing(corpus, sampler):
    names, labels = corpus
    pipe = clone(sampler.estimator_)
    with sklearn.config_context(enable_metadata_routing=True):
        pipe[-1].set_predict_proba_request(labels=True)
        pipe.fit(names, labels)
        routed = pipe.predict_proba(names[:3], labels=labels[:3])
    np.testing.assert_array_equal(
        routed, pipe[-1].predict_proba(pipe[0].transform(names[:3]), labels[:3])
    )


# ------------------------------------------------------------ sampling by label


def test_sampling_by_label_gives_the_label_ending(sampler):
    # The label decides the last letter: the samples of each label end with its
    # letter (a small model makes the odd malformed name, never many).
    for label, ending, other in (("A", "a", "o"), ("B", "o", "a")):
        names = sampler.sample(1000, label=label, random_state=0)
        right = np.mean([name.endswith(ending) for name in names])
        wrong = np.mean([name.endswith(other) for name in names])
        assert right >= 0.97 and wrong <= 0.02, (label, right, wrong)
        best = sampler.most_likely(10, label=label)
        assert all(name.endswith(ending) for name in best)


def test_sampling_by_label_with_every_control(sampler):
    names, scores = sampler.sample(
        20, label="A", prefix="b", pattern="b.*", novel=True, unique=True,
        random_state=0, return_scores=True,
    )  # fmt: skip
    assert len(set(names)) == 20 and all(n.startswith("b") for n in names)
    assert not sampler.in_training_set(names).any()
    np.testing.assert_allclose(scores, sampler.score_samples(names, label="A"))
    tuned = clone(sampler).set_params(temperature=0.7, top_k=5, top_p=0.9)
    tuned.fit(*ending_corpus())
    assert all(n.endswith("o") for n in tuned.sample(50, label="B", random_state=1))
    proba = sampler.next_char_proba(["bak"], label="B")
    assert proba.shape == (1, len(sampler.vocabulary_))
    table = sampler.temperature_table("bak", label="A")
    assert table.proba.shape[1] == 3


def test_scores_by_label(corpus, sampler):
    names, labels = corpus
    right = sampler.score_samples(names, label=labels)
    wrong = sampler.score_samples(
        names, label=["B" if x == "A" else "A" for x in labels]
    )
    assert (right > wrong).mean() > 0.95
    assert sampler.score(names, labels) > sampler.score(names, np.array(labels)[::-1])
    assert sampler.predict_log_proba(names[:1], label="A").shape[0] == len(names[0]) + 1


def test_unknown_or_missing_label_at_sampling_time(sampler):
    with pytest.raises(ValueError, match=r"Unknown label 'C'.*\['A', 'B'\]"):
        sampler.sample(3, label="C", random_state=0)
    with pytest.raises(ValueError, match=r"Unknown label 'C'.*\['A', 'B'\]"):
        sampler.most_likely(3, label="C")
    with pytest.raises(ValueError, match=r"fitted with the labels \['A', 'B'\]"):
        sampler.sample(3, random_state=0)
    plain = NameSampler(small_pipe(max_iter=2)).fit(["abid", "asha"])
    with pytest.raises(ValueError, match="fitted without labels"):
        plain.sample(1, label="A")


# ----------------------------------------------------------- NameLabelClassifier


def test_name_label_classifier_is_near_perfect_on_the_ending_corpus(
    corpus, name_classifier
):
    held_names, held_labels = ending_corpus(20, seed=1)
    assert name_classifier.score(held_names, held_labels) >= 0.95
    proba = name_classifier.predict_proba(held_names)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_array_equal(
        name_classifier.classes_[proba.argmax(axis=1)],
        name_classifier.predict(held_names),
    )
    report = classification_report(held_labels, name_classifier.predict(held_names))
    assert "A" in report and "B" in report


def test_name_label_classifier_priors(corpus, name_classifier):
    names, labels = corpus
    assert name_classifier.class_prior_.tolist() == [0.5, 0.5]
    # The priors do not depend on the network: one epoch is enough to check them.
    quick = clone(name_classifier).set_params(
        estimator__charembeddingmlpclassifier__max_iter=1
    )
    skewed = clone(quick).set_params(priors=[0.9, 0.1]).fit(names, labels)
    joint = skewed.predict_joint_log_proba(names[:3])
    np.testing.assert_allclose(
        joint - skewed.log_likelihood(names[:3]), np.log([[0.9, 0.1]] * 3)
    )
    uneven = clone(quick).set_params(priors="uniform")
    uneven.fit(names[:50], labels[:50])  # 40 A and 10 B names
    assert uneven.class_prior_.tolist() == [0.5, 0.5]
    by_count = clone(quick).fit(names[:50], labels[:50])
    assert by_count.class_prior_.tolist() == [0.8, 0.2]
    with pytest.raises(ValueError, match="sum to 1"):
        clone(quick).set_params(priors=[0.5, 0.6]).fit(names, labels)
    with pytest.raises(ValueError, match="one value per label"):
        clone(quick).set_params(priors=[1.0]).fit(names, labels)
    # By label: a dict, or a Series indexed by the labels, in any order.
    for by_label in ({"B": 0.1, "A": 0.9}, pd.Series({"B": 0.1, "A": 0.9})):
        fitted = clone(quick).set_params(priors=by_label).fit(names, labels)
        np.testing.assert_allclose(fitted.class_prior_, [0.9, 0.1])
    with pytest.raises(ValueError, match=r"each label of y once.*\['A', 'C'\]"):
        clone(quick).set_params(priors={"A": 0.5, "C": 0.5}).fit(names, labels)
    with pytest.raises(ValueError, match=r"priors must be numbers.*\['A', 'B'\]"):
        clone(quick).set_params(priors=["x", "y"]).fit(names, labels)


def test_name_label_classifier_in_cross_validation(corpus):
    names, labels = corpus
    scores = cross_val_score(
        NameLabelClassifier(small_pipe(max_iter=20)), names, labels,
        cv=KFold(2, shuffle=True, random_state=0), scoring="balanced_accuracy",
    )  # fmt: skip
    assert scores.min() > 0.8
    search = GridSearchCV(
        NameLabelClassifier(small_pipe(max_iter=20)),
        {"priors": [None, [0.3, 0.7]]},
        cv=KFold(2, shuffle=True, random_state=0),
        scoring="neg_log_loss",
    ).fit(names, labels)
    assert search.best_params_["priors"] is None


def test_cross_val_predict_takes_the_name_label_classifier(corpus):
    # One row per name: unlike a pipeline's rows per window, what it stitches.
    names, labels = corpus
    clf = NameLabelClassifier(small_pipe(max_iter=20))
    cv = KFold(2, shuffle=True, random_state=0)
    got = cross_val_predict(clf, names, labels, cv=cv, method="predict_proba")
    expected = np.empty_like(got)
    for train, test in cv.split(names):
        fitted = clone(clf).fit([names[i] for i in train], np.take(labels, train))
        expected[test] = fitted.predict_proba([names[i] for i in test])
    np.testing.assert_array_equal(got, expected)
    with pytest.raises(TypeError, match="cross_val_predict cannot be used"):
        cross_val_predict(small_pipe(max_iter=1), names, cv=cv)  # still refused


# Checks of scikit-learn that never look at data apply to a string-input estimator
# as they are. The others (check_classifiers_train, check_fit2d_*, check_dtype_object,
# check_classifiers_one_label, check_supervised_y_2d, check_fit_idempotent, ...)
# generate numeric 2-D X, which a classifier of names does not take: its X is a 1-D
# list of strings, the input tag says so, and a 2-D array is refused. They are
# replaced by test_string_input_classifier_checks, which asks the same questions
# (fit returns self, idempotence, unfitted errors, label types, one label, length
# mismatch, missing and continuous labels) with names.
DATA_FREE_CHECKS = [
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_get_params_invariance",
    "check_no_attributes_set_in_init",
    "check_param_validation",
    "check_set_params",
    "check_parameters_default_constructible",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_estimator_tags_renamed",
    "check_mixin_order",
]


@pytest.mark.parametrize("check", DATA_FREE_CHECKS)
def test_sklearn_data_free_checks(check):
    getattr(sk_checks, check)("NameLabelClassifier", NameLabelClassifier())


def test_string_input_classifier_checks(corpus, name_classifier):
    from sklearn.exceptions import NotFittedError
    from sklearn.utils import get_tags

    names, labels = corpus
    tags = get_tags(NameLabelClassifier())
    assert tags.input_tags.string and not tags.input_tags.two_d_array
    assert tags.estimator_type == "classifier"
    with pytest.raises(NotFittedError):
        NameLabelClassifier().predict(["anna"])
    estimator = clone(name_classifier)
    assert estimator.fit(names, labels) is estimator  # fit returns self
    # Idempotent: a second fit gives the same predictions.
    again = clone(name_classifier).fit(names, labels)
    np.testing.assert_array_equal(
        estimator.predict_proba(names), again.predict_proba(names)
    )
    # Integer labels, a numpy array and a tuple of names work the same way.
    as_ints = clone(name_classifier).fit(tuple(names), np.array(labels) == "B")
    assert as_ints.classes_.tolist() == [False, True]
    with pytest.raises(ValueError, match="different lengths"):
        clone(name_classifier).fit(names, labels[:-1])
    with pytest.raises(ValueError, match="missing value"):
        clone(name_classifier).fit(names[:2], ["A", None])
    with pytest.raises(ValueError, match="Unknown label type"):
        clone(name_classifier).fit(names[:2], [0.5, 1.5])
    with pytest.raises(TypeError):
        clone(name_classifier).fit("anna", ["A"])  # a string is not a list of names
    # A single label is refused, as by scikit-learn's classifiers (its message
    # says "class", as check_classifiers_one_label asks).
    with pytest.raises(ValueError, match="at least 2 classes.* only one class: 'A'"):
        clone(name_classifier).fit(names[:10], ["A"] * 10)
    with pytest.raises((TypeError, ValueError)):
        clone(name_classifier).fit(np.array([names[:2], names[2:4]]), ["A", "B"])


def test_name_label_classifier_persistence_is_bit_identical(
    corpus, name_classifier, sampler, tmp_path
):
    names, _ = corpus
    for model, output in (
        (name_classifier, lambda m: m.predict_proba(names)),
        (sampler, lambda m: m.score_samples(names, label="A")),
    ):
        expected = output(model)
        np.testing.assert_array_equal(
            output(pickle.loads(pickle.dumps(model))), expected
        )
        joblib.dump(model, tmp_path / "m.joblib")
        np.testing.assert_array_equal(
            output(joblib.load(tmp_path / "m.joblib")), expected
        )
        save_model(model, tmp_path / "m.skops")
        loaded = load_model(tmp_path / "m.skops")
        np.testing.assert_array_equal(output(loaded), expected)
    loaded = load_model(tmp_path / "m.skops")
    assert loaded.sample(5, label="B", random_state=0) == sampler.sample(
        5, label="B", random_state=0
    )


def test_frozen_pipeline_of_the_classifier_samples_by_label(corpus, name_classifier):
    names, labels = corpus
    sampler = NameSampler(FrozenEstimator(name_classifier.pipeline_)).fit(names, labels)
    assert all(n.endswith("o") for n in sampler.sample(20, label="B", random_state=0))


def test_default_estimator_is_the_default_pipeline():
    clf = NameLabelClassifier()
    assert clf.estimator is None
    assert make_default_pipeline().get_params().keys() >= {"clf__embedding_dim"}


# --------------------------------------------------------------- command line

CLI_TINY = ["--max-iter", "60", "--learning-rate-init", "0.02", "--seed", "0", "-q"]


def test_cli_train_on_a_csv_of_names_and_labels_and_sample_by_label(
    tmp_path, capsys, corpus
):
    from sknextchar.cli import main

    names, labels = corpus
    csv_file = tmp_path / "names.csv"
    rows = "".join(f"{n},{lab}\n" for n, lab in zip(names, labels))
    csv_file.write_text("name,label\n" + rows, encoding="utf-8")
    model = tmp_path / "m.skops"
    assert main(["train", str(csv_file), "--labels", "label", *CLI_TINY,
                 "-o", str(model)]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["sample", str(model), "--label", "B", "-n", "50", "--seed", "0"]) == 0
    out = capsys.readouterr().out.split()
    assert len(out) == 50 and np.mean([n.endswith("o") for n in out]) >= 0.9
    assert main(["sample", str(model), "--label", "C", "--seed", "0"]) == 1
    err = capsys.readouterr().err
    assert "Unknown --label C:" in err and "['A', 'B']" in err
    assert main(["sample", str(model), "--seed", "0"]) == 1
    err = capsys.readouterr().err
    assert "pass --label ..., one of them" in err and "label=" not in err
    assert main(["score", str(model), "bebuta", "bebuto", "--label", "B"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[1] == "bebuto"
    assert main(["table", str(model), "bebut", "--label", "A", "--top", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[2].split()[0] == "a"
    assert main(["train", str(csv_file), "--labels", "gender", "-q",
                 "-o", str(tmp_path / "x.skops")]) == 1  # fmt: skip
    assert "neither a file nor a column" in capsys.readouterr().err


def test_cli_labels_file_beside_the_names_file(tmp_path, capsys, corpus):
    from sknextchar.cli._labelled import read_labelled_names

    names, labels = corpus
    (tmp_path / "names.txt").write_text("\n".join(names) + "\n")
    (tmp_path / "labels.txt").write_text("\n".join(labels) + "\n")
    got = read_labelled_names(str(tmp_path / "names.txt"), str(tmp_path / "labels.txt"))
    assert got == (names, labels)
    (tmp_path / "short.txt").write_text("A\n")
    with pytest.raises(ValueError, match="one label per line"):
        read_labelled_names(str(tmp_path / "names.txt"), str(tmp_path / "short.txt"))
    # Semicolons, a byte-order mark, other columns and a name column not first.
    text = "\ufeffid;label;name\n1;f;anna\n2;m;bruno\n\n"
    (tmp_path / "other.csv").write_text(text, encoding="utf-8")
    assert read_labelled_names(str(tmp_path / "other.csv"), "label") == (
        ["anna", "bruno"],
        ["f", "m"],
    )
    # A spreadsheet's semicolon export with Windows line ends, a blank line and an
    # apostrophe in a name (which defeats csv.Sniffer): the header decides.
    text = "\ufeffname;gender\r\nJosé;m\r\nAnne-Marie;f\r\nO'Brien;m\r\n\r\nZoë;f\r\n"
    (tmp_path / "export.csv").write_text(text, encoding="utf-8", newline="")
    assert read_labelled_names(str(tmp_path / "export.csv"), "gender") == (
        ["José", "Anne-Marie", "O'Brien", "Zoë"],
        ["m", "f", "m", "f"],
    )
    (tmp_path / "tabs.tsv").write_text("label\tname\nf\tanna, maria\nm\tjean, luc\n")
    assert read_labelled_names(str(tmp_path / "tabs.tsv"), "label") == (
        ["anna, maria", "jean, luc"],
        ["f", "m"],
    )
    (tmp_path / "gap.csv").write_text("name,label\nanna,\n")
    with pytest.raises(ValueError, match="Line 2 .* no label"):
        read_labelled_names(str(tmp_path / "gap.csv"), "label")
    bundled = read_labelled_names(None, "label")
    assert bundled == load_indian_names(return_X_y=True)


def test_benchmark_split_keeps_the_rows_of_a_name_together():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import bench_labels

    names, labels = load_indian_names(return_X_y=True)
    (train, _), (test, _) = bench_labels.split_by_name(names, labels, 0.2, 0)
    assert not set(train) & set(test)
    assert len(train) + len(test) == len(names)
    assert bench_labels.nb_features("asha") == {
        "last1=a": 1, "last2=ha": 1, "last3=sha": 1,
        "count(a)": 2, "count(s)": 1, "count(h)": 1,
    }  # fmt: skip


def test_plot_embeddings_names_the_label_rows(sampler):
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from sknextchar.plotting import plot_embeddings

    fig = plot_embeddings(sampler)
    texts = {t.get_text() for ax in fig.axes for t in ax.texts}
    assert {"<A>", "<B>", "a", "o"} <= texts
    plt.close(fig)


def test_a_missing_label_is_named_where_it_is(corpus, sampler):
    names, labels = corpus
    column = np.array([*labels[:-1], None], dtype=object).reshape(-1, 1)
    last = len(names) - 1
    with pytest.raises(
        ValueError, match=rf"y contains None: y\[{last}\] = None .* name"
    ):
        NameLabelClassifier(small_pipe(max_iter=1)).fit(names, column)
    # score_samples takes them as label= (session 32: not "labels").
    with pytest.raises(ValueError, match=r"label contains None: label\[1\] = None"):
        sampler.score_samples(["bebuta", "bebuto"], label=["A", None])


def test_a_frozen_pipeline_must_know_the_labels_of_y(corpus):
    names, labels = corpus
    plain = FrozenEstimator(small_pipe(max_iter=1).fit(names))
    with pytest.raises(ValueError, match="fitted with no labels, but y holds"):
        NameLabelClassifier(plain).fit(names, labels)
    by_label = FrozenEstimator(small_pipe(max_iter=1).fit(names, labels))
    NameLabelClassifier(by_label).fit(names, labels)  # no refit, and it works
    other = ["C" if label == "A" else label for label in labels]
    with pytest.raises(ValueError, match=r"labels \['A', 'B'\], but y holds"):
        NameLabelClassifier(by_label).fit(names, other)


def test_a_single_label_for_the_fit_is_refused_with_the_way_to_say_it(corpus):
    names, _ = corpus
    message = r"one label per name; got the single label 'A'.*\['A'\] \* len\(names\)"
    with pytest.raises(ValueError, match=message):
        NameLabelClassifier(small_pipe(max_iter=1)).fit(names, "A")
    with pytest.raises(ValueError, match=message):
        small_pipe(max_iter=1).fit(names, "A")


def test_labels_as_a_column_warn_as_scikit_learn_classifiers_do(corpus):
    from sklearn.exceptions import DataConversionWarning

    names, labels = corpus
    counts = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    )
    with pytest.warns(DataConversionWarning, match="column-vector y") as caught:
        clf = NameLabelClassifier(counts).fit(names, [[label] for label in labels])
    assert clf.classes_.tolist() == ["A", "B"]
    # The warning points at this line, the user's call, not inside the package.
    warned = [w for w in caught if issubclass(w.category, DataConversionWarning)]
    assert [w.filename for w in warned] == [__file__]


def test_match_lengths_with_a_label_follows_that_labels_names():
    # Short vowel names under one label, long consonant names under the other.
    rng = np.random.default_rng(0)
    short = ["".join(rng.choice(list("aeiou"), 4)) for _ in range(300)]
    long_ = ["".join(rng.choice(list("bdgkt"), 9)) for _ in range(300)]
    counts = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    )
    sampler = NameSampler(counts).fit(short + long_, ["s"] * 300 + ["l"] * 300)
    by_label = sampler.training_length_counts_by_label_
    assert by_label[:, 4].tolist() == [0, 300] and by_label[:, 9].tolist() == [300, 0]
    for label, length in (("s", 4), ("l", 9)):
        names = sampler.sample(200, label=label, match_lengths=True, random_state=0)
        assert {len(name) for name in names} == {length}
    # A copy saved before the attribute existed is refused, as by sample_report.
    del sampler.training_length_counts_by_label_
    with pytest.raises(ValueError, match="keeps no length counts by label"):
        sampler.sample(400, label="s", match_lengths=True, random_state=0)
    sampler.training_length_counts_by_label_ = by_label[:1]  # a damaged file
    with pytest.raises(DamagedModelError, match="one row per label"):
        sampler.sample(5, label="s", match_lengths=True, random_state=0)


def test_partial_fit_learns_the_labels_in_its_first_call(corpus):
    names, labels = corpus
    transformer = ContextWindowTransformer(context_length=3).fit(names)
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,), random_state=0)
    clf.partial_fit(transformer.transform(names[:5]), labels[:5])  # label A only
    before = pickle.dumps(clf)
    with pytest.raises(ValueError, match=r"labels \['B'\], which this model was not"):
        clf.partial_fit(transformer.transform(names[-2:]), labels[-2:])
    with pytest.raises(ValueError, match="one label per name; got the single label"):
        clf.partial_fit(transformer.transform(names[:2]), "A")
    assert pickle.dumps(clf) == before  # the failed calls changed nothing


def test_a_label_table_beyond_memory_is_refused_naming_its_size():
    names, labels = ["abid", "asha", "ravi", "mira"], ["m", "f", "m", "f"]
    windows = ContextWindowTransformer().fit_transform(names)
    clf = CharEmbeddingMLPClassifier(label_embedding_dim=10**9, random_state=0)
    with pytest.raises(ValueError, match="label_embedding_dim=1000000000"):
        clf.fit(windows, labels)
    assert not hasattr(clf, "coefs_")


def test_lengths_of_one_are_counted_in_the_singular():
    # Before: "1 names and 2 labels".
    with pytest.raises(ValueError, match="lengths: 1 name and 2 labels"):
        NameLabelClassifier().fit(["anna"], ["A", "B"])
