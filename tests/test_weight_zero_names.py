"""A name of weight 0 is as if left out, in every estimator that fits names.

scikit-learn's rule (``check_sample_weight_equivalence``): fitting with a weight
of 0 equals fitting without the sample. NameSampler and NameLabelClassifier fit
their pipelines without such names, transformer included, so a character that
only they have is neither learned (``alphabet="auto"``) nor refused (a fixed
alphabet), whatever the model: the embedding MLP, PerLabelClassifier or the
Kneser-Ney counts.
"""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    load_model,
)
from sknextchar.cli import main

KEPT = ["asha", "ravi", "mira", "abid", "amit", "sita"]
KEPT_LABELS = ["f", "m", "f", "m", "m", "f"]
# "zoë": a letter no alphabet below has; "quix": letters only it has.
ZERO, ZERO_LABELS = ["zoë", "quix"], ["f", "m"]
NAMES, LABELS = (
    KEPT[:2] + ZERO + KEPT[2:],
    KEPT_LABELS[:2] + ZERO_LABELS + KEPT_LABELS[2:],
)
WEIGHTS = np.array([2.0, 1.0, 0.0, 0.0, 1.0, 3.0, 1.0, 1.0])
KEPT_WEIGHTS = WEIGHTS[WEIGHTS > 0]


def _mlp():
    return CharEmbeddingMLPClassifier(
        embedding_dim=4, hidden_layer_sizes=(8,), max_iter=2, random_state=0
    )


def _pipe(model, alphabet):
    alphabet = "auto" if alphabet == "auto" else "abcdefghijklmnopqrstuvwxyz"
    return make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet=alphabet), model
    )


def _sampler(model, alphabet, labelled):
    def fit(names, labels, weights):
        labels = labels if labelled else None
        sampler = NameSampler(_pipe(model(), alphabet))
        return sampler.fit(names, labels, sample_weight=weights)

    return fit, lambda sampler: (
        sampler.vocabulary_,
        sampler.score_samples(KEPT, label="f" if labelled else None),
        sampler.training_length_counts_,
    )


def _by_label(model, alphabet):
    def fit(names, labels, weights):
        return NameLabelClassifier(_pipe(model(), alphabet)).fit(
            names, labels, sample_weight=weights
        )

    return fit, lambda clf: (
        tuple(clf.pipeline_[0].vocabulary_),
        clf.predict_proba(KEPT),
        clf.class_count_,
    )


ESTIMATORS = {
    "sampler-mlp": lambda a: _sampler(_mlp, a, labelled=False),
    "sampler-mlp-labels": lambda a: _sampler(_mlp, a, labelled=True),
    "sampler-kneser-ney": lambda a: _sampler(KneserNeyClassifier, a, labelled=False),
    "sampler-per-label": lambda a: _sampler(
        lambda: PerLabelClassifier(KneserNeyClassifier()), a, labelled=True
    ),
    "by-label-mlp": lambda a: _by_label(_mlp, a),
    "by-label-per-label": lambda a: _by_label(
        lambda: PerLabelClassifier(KneserNeyClassifier()), a
    ),
}


@pytest.mark.parametrize("alphabet", ["fixed", "auto"])
@pytest.mark.parametrize("kind", sorted(ESTIMATORS))
def test_a_name_of_weight_0_is_as_if_left_out(kind, alphabet):
    fit, fitted = ESTIMATORS[kind](alphabet)
    with_zeros = fitted(fit(NAMES, LABELS, WEIGHTS))
    without = fitted(fit(KEPT, KEPT_LABELS, KEPT_WEIGHTS))
    assert with_zeros[0] == without[0]  # no letter of "zoë" or "quix" learned
    for got, expected in zip(with_zeros[1:], without[1:]):
        np.testing.assert_allclose(got, expected)


def test_the_sampler_still_knows_its_names_of_weight_0_that_it_can_spell():
    sampler = NameSampler(_pipe(KneserNeyClassifier(), "fixed"))
    sampler.fit(KEPT + ["sam", "zoë"], sample_weight=[1] * len(KEPT) + [0, 0])
    assert sampler.in_training_set(["sam", "zoë", "asha"]).tolist() == [
        True,
        False,  # no sample can hold "ë"
        True,
    ]


@pytest.mark.parametrize("alphabet", ["fixed", "auto"])
def test_a_frozen_pipeline_records_its_names_of_weight_0_as_a_refit_one(alphabet):
    # A pipeline fitted elsewhere without them: not refit, it only records them.
    pipe = _pipe(KneserNeyClassifier(), alphabet).fit(KEPT)
    frozen = NameSampler(FrozenEstimator(pipe)).fit(NAMES, sample_weight=WEIGHTS)
    refit = NameSampler(_pipe(KneserNeyClassifier(), alphabet))
    refit.fit(NAMES, sample_weight=WEIGHTS)
    assert frozen.vocabulary_ == refit.vocabulary_
    np.testing.assert_array_equal(
        frozen.training_name_hashes_, refit.training_name_hashes_
    )
    found = frozen.in_training_set(NAMES).tolist()
    assert found == refit.in_training_set(NAMES).tolist()
    assert found[:2] + found[4:] == [True] * len(KEPT)


def test_a_bad_name_is_numbered_as_given_among_names_of_weight_0():
    sampler = NameSampler(_pipe(KneserNeyClassifier(), "fixed"))
    with pytest.raises(ValueError, match=r"names\[2\]='x1'"):
        sampler.fit(["asha", "zoë", "x1"], sample_weight=[1, 0, 1])


def test_a_plain_pipeline_passes_the_weights_to_its_model_only():
    # As documented (docs/composition.rst): scikit-learn's Pipeline gives the
    # transformer every name, so leave names of weight 0 out of X there.
    pipe = _pipe(KneserNeyClassifier(), "fixed")
    with pytest.raises(ValueError, match=r"names\[2\]='zoë'"):
        pipe.fit(NAMES, kneserneyclassifier__sample_weight=WEIGHTS)
    sampler = NameSampler(_pipe(KneserNeyClassifier(), "fixed"))
    assert sampler.fit(NAMES, sample_weight=WEIGHTS).estimator_[0].vocabulary_


@pytest.mark.parametrize("model", ["kneser-ney", "mlp"])
@pytest.mark.parametrize("alphabet", ["fixed", "auto"])
def test_train_counts_leaves_rows_of_count_0_out_of_training_not_of_the_record(
    tmp_path, model, alphabet
):
    rows = [f"{name},{int(w)}" for name, w in zip(NAMES, WEIGHTS)]
    path = tmp_path / "names.csv"
    path.write_text("\n".join(["name,count", *rows]) + "\n", encoding="utf-8")
    flags = ["--model", model, "--seed", "0", "-q", "--counts", "count"]
    if model == "mlp":
        flags += ["--max-iter", "1", "--hidden-layer-sizes", "8"]
    if alphabet == "auto":
        flags += ["--alphabet", "auto"]
    assert main(["train", str(path), *flags, "-o", str(tmp_path / "m.skops")]) == 0
    sampler = load_model(tmp_path / "m.skops")
    kept = NameSampler(_pipe(KneserNeyClassifier(), alphabet)).fit(KEPT)
    assert sampler.vocabulary_ == kept.vocabulary_  # no letter of "zoë", "quix"
    # Still the user's names: "quix" where the model can write it.
    assert sampler.in_training_set(NAMES).tolist() == [
        *[True] * 2,
        False,
        alphabet == "fixed",
        *[True] * 4,
    ]


def test_a_hold_out_too_small_says_the_names_of_weight_0_do_not_count():
    clf = CharEmbeddingMLPClassifier(early_stopping=True, max_iter=2)
    sampler = NameSampler(_pipe(clf, "fixed"))
    with pytest.raises(ValueError, match="sample_weight 0 are left out before"):
        sampler.fit(["asha", "ravi", "uma"], sample_weight=[3, 0, 0])


def test_dropping_with_a_learned_alphabet_records_no_shortened_name_of_weight_0():
    # Its letters were not learned: "Xara" of weight 0 is no "ara" to keep out,
    # in any case, while "SAM" of weight 0 is still known as the model writes it.
    pipe = make_pipeline(
        ContextWindowTransformer(
            context_length=2, alphabet="auto", lowercase=False, handle_unknown="drop"
        ),
        KneserNeyClassifier(),
    )
    sampler = NameSampler(pipe).fit(
        KEPT + ["Xara", "SAM"], sample_weight=[1] * len(KEPT) + [0, 0]
    )
    names = ["ara", "ARA", "Xara", "sam", "SAM"]
    assert sampler.in_training_set(names).tolist() == [False, False, False, True, False]
    assert sampler.in_training_set(names, ignore_case=True).tolist() == [
        *[False] * 3,
        *[True] * 2,
    ]


@pytest.mark.parametrize("tara", [0, 1])
def test_in_training_set_finds_a_name_of_weight_0_as_its_docstring_says(tara):
    # "MIRA" of weight 0: exactly, only as "mira" while no capital is learned
    # (a learned "Tara" brings case); with ignore_case, in every case.
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="auto", lowercase=False),
        KneserNeyClassifier(),
    )
    names = ["mina", "rima", "sita", "ravi", "MIRA", "Tara"]
    sampler = NameSampler(pipe).fit(names, sample_weight=[1, 1, 1, 1, 0, tara])
    asked = ["MIRA", "mira", "Mira"]
    assert sampler.in_training_set(asked).tolist() == [False, not tara, False]
    assert sampler.in_training_set(asked, ignore_case=True).all()


def test_the_kneser_ney_held_out_nll_is_that_of_the_file_without_rows_of_count_0(
    tmp_path, capsys
):
    # The held-out model must not learn the letters of "zoë" and "quix" either.
    def held_out_nll(rows):
        path = tmp_path / "names.csv"
        path.write_text("\n".join(["name,count", *rows]) + "\n", encoding="utf-8")
        flags = ["--counts", "count", "--model", "kneser-ney", "--alphabet", "auto"]
        flags += ["--validation-fraction", "0.3", "--seed", "0", "--force"]
        assert main(["train", str(path), *flags, "-o", str(tmp_path / "m.skops")]) == 0
        return next(
            line for line in capsys.readouterr().out.splitlines() if "NLL" in line
        )

    rows = [f"{name},{int(w)}" for name, w in zip(NAMES, WEIGHTS)]
    assert held_out_nll(rows) == held_out_nll([r for r in rows if r[-2:] != ",0"])
