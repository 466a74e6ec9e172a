"""A name of weight 0 is as if left out, in every estimator that fits names.

scikit-learn's rule (``check_sample_weight_equivalence``): fitting with a weight
of 0 equals fitting without the sample. NameSampler and NameLabelClassifier fit
their pipelines without such names, transformer included, so a character that
only they have is neither learned (``alphabet="auto"``) nor refused (a fixed
alphabet), whatever the model: the embedding MLP, PerLabelClassifier or the
Kneser-Ney counts.
"""

import pickle

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
    save_model,
    train_from_file,
)
from sknextchar._empty_names import EmptyNamesError
from sknextchar._shown_paths import shown_path
from sknextchar._validation import RefusedNameError
from sknextchar._vocabulary_pass import first_pass
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


def _table(path, names, weights):
    rows = [f"{name},{int(w)}" for name, w in zip(names, weights)]
    path.write_text("\n".join(["name,count", *rows]) + "\n", encoding="utf-8")
    return path


def _state(estimator):
    """Every attribute of a fitted estimator, as bytes (its parameters too)."""
    return {
        key: pickle.dumps(value)
        for key, value in vars(estimator).items()
        if key not in ("estimator", "estimator_")
    }


@pytest.mark.parametrize("chunk_size", [2, 3, 100])
@pytest.mark.parametrize("alphabet", ["fixed", "auto"])
def test_training_by_chunks_is_training_on_the_file_without_rows_of_count_0(
    tmp_path, alphabet, chunk_size
):
    # The chunks are those of the file without them: the same model, bit for
    # bit, with the same records of the names' lengths and spelling.
    def trained(names, weights):
        path = _table(tmp_path / f"{len(names)}.csv", names, weights)
        return train_from_file(
            path, _pipe(_mlp(), alphabet), chunk_size=chunk_size,
            names_column="name", counts_column="count", return_sampler=True,
        )  # fmt: skip

    with_zeros, without = trained(NAMES, WEIGHTS), trained(KEPT, KEPT_WEIGHTS)
    pipes = with_zeros.estimator_.estimator, without.estimator_.estimator
    for got, expected in [*zip(*pipes), (with_zeros, without)]:
        assert _state(got) == _state(expected)


def test_names_of_count_0_keep_their_places_in_the_errors_of_the_file(tmp_path):
    names, weights = ["asha", "zoë", "ravi", "josé", "uma"], [1, 0, 1, 1, 2]
    path = _table(tmp_path / "names.csv", names, weights)
    with pytest.raises(ValueError, match=r"\['é'\] in 'josé' \(line 5 of .*csv'\)\."):
        train_from_file(
            path, _pipe(_mlp(), "fixed"), chunk_size=2, names_column="name",
            counts_column="count",
        )  # fmt: skip


def test_the_first_pass_places_the_names_it_warns_about_among_names_of_count_0():
    chunks = [(["asha", "zo\te", "ra\tvi"], np.array([1.0, 0.0, 1.0]))]
    windows = ContextWindowTransformer(alphabet="auto")
    with pytest.warns(UserWarning, match=r"^1 name holds a tab.*names\[2\]='ra"):
        assert first_pass(windows, iter(chunks), "names.txt") == 2
    assert "\t" in windows.vocabulary_ and "z" not in windows.vocabulary_


@pytest.mark.parametrize("in_chunks", [False, True])
def test_train_counts_resume_trains_past_names_of_count_0_it_cannot_spell(
    tmp_path, capsys, in_chunks
):
    # "zoë" and "quix" hold letters the resumed model does not know: left out
    # of training as if absent, and recorded where it can write them ("sam").
    base = tmp_path / "base.skops"
    flags = ["--counts", "count", "-q", "--seed", "0"]
    kept = _table(tmp_path / "kept.csv", KEPT, KEPT_WEIGHTS)
    argv = ["train", str(kept), *flags, "--alphabet", "auto", "--max-iter", "1"]
    argv += ["--hidden-layer-sizes", "8"]
    assert main([*argv, "--validation-fraction", "0", "-o", str(base)]) == 0
    names, weights = [*NAMES, "sam"], [*WEIGHTS, 0]
    models = []
    for path in (_table(tmp_path / "all.csv", names, weights), kept):
        models.append(tmp_path / f"{path.stem}.skops")
        argv = ["train", str(path), *flags, "--resume", str(base), "--max-iter", "2"]
        argv += ["--chunk-size", "3"] * in_chunks
        assert main([*argv, "-o", str(models[-1])]) == 0, capsys.readouterr().err
    resumed, on_kept = map(load_model, models)
    pipes = resumed.estimator_.estimator, on_kept.estimator_.estimator
    for got, expected in zip(*pipes):
        assert _state(got) == _state(expected)
    if not in_chunks:  # the record of the names: --chunk-size keeps none
        assert resumed.in_training_set(["zoë", "quix", "sam"]).tolist() == [
            False,
            False,
            True,
        ]
        assert not on_kept.in_training_set(["sam"]).any()


# A keep-case model that learned no capital, given capitalised names of
# weight 0: it records them case-folded only, more than its exact record.
CASED = ["Asha", "mina", "ravi", "MIRA", "NINA", "RAVI", "VINA", "HIMA"]
CASED_WEIGHTS = [1, 1, 1, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("labelled", [False, True])
def test_a_keep_case_sampler_saves_and_loads_its_names_of_weight_0(tmp_path, labelled):
    windows = ContextWindowTransformer(alphabet="auto", lowercase=False)
    model = _mlp() if labelled else KneserNeyClassifier()
    labels = ["f", "f", "m", "f", "f", "m", "f", "f"] if labelled else None
    sampler = NameSampler(make_pipeline(windows, model))
    sampler.fit(CASED, labels, sample_weight=CASED_WEIGHTS)
    assert len(sampler.training_name_folded_hashes_) > len(
        sampler.training_name_hashes_
    )
    save_model(sampler, tmp_path / "m.skops")
    loaded = load_model(tmp_path / "m.skops")
    asked = [*CASED, "Vina", "hima", "uma"]
    for ignore_case in (False, True):
        assert (
            loaded.in_training_set(asked, ignore_case=ignore_case).tolist()
            == sampler.in_training_set(asked, ignore_case=ignore_case).tolist()
        )
    assert loaded.in_training_set(["vina", "Hima"], ignore_case=True).all()


@pytest.mark.parametrize("run", ["counts", "labels", "resume"])
def test_train_counts_keep_case_saves_its_names_of_count_0(tmp_path, capsys, run):
    # It trained, then could not save: "its NameSampler is damaged ... lost".
    sexes = ["f", "f", "m", "f", "f", "m", "f", "f"]
    rows = [f"{n},{s},{w}" for n, s, w in zip(CASED, sexes, CASED_WEIGHTS)]
    path = tmp_path / "names.csv"
    path.write_text("\n".join(["name,sex,count", *rows]) + "\n", encoding="utf-8")
    flags = ["--names-column", "name", "--counts", "count", "-q", "--seed", "0"]
    new = ["--keep-case", "--alphabet", "auto", "--max-iter", "1"]
    new += ["--hidden-layer-sizes", "8", "--validation-fraction", "0"]
    if run == "labels":
        flags += ["--labels", "sex"]
    if run == "resume":
        base = tmp_path / "base.skops"
        kept = tmp_path / "kept.csv"
        kept.write_text("name,count\nAsha,1\nmina,1\nravi,1\n", encoding="utf-8")
        argv = ["train", str(kept), *flags, *new, "-o", str(base)]
        assert main(argv) == 0, capsys.readouterr().err
        new = ["--resume", str(base), "--max-iter", "2"]
    out = tmp_path / "m.skops"
    assert main(["train", str(path), *flags, *new, "-o", str(out)]) == 0, (
        capsys.readouterr().err
    )
    found = load_model(out).in_training_set(["Mira", "nina", "Asha"], ignore_case=True)
    assert found.all()


# A name of weight 0 of a zero-width space only is no name: refused before any
# training, where it is, as one of only spaces is (it trained first, then
# failed at names[0], its place among the names of weight 0; by chunks it
# trained without a word).
ZW = ["asha", "ravi", "\u200b", "mira", "uma"]
ZW_WEIGHTS = [1, 1, 0, 0, 2]


def _untrainable(monkeypatch):
    def trained(*args, **kwargs):
        raise AssertionError("trained")

    monkeypatch.setattr(KneserNeyClassifier, "fit", trained)


@pytest.mark.parametrize("kind", ["sampler", "series", "frozen", "by-label"])
def test_a_name_of_weight_0_that_is_no_name_is_refused_before_training(
    monkeypatch, kind
):
    pipe = _pipe(KneserNeyClassifier(), "fixed")
    X, place = ZW, r"names\[2\]='\\u200b'"
    if kind == "frozen":
        pipe = FrozenEstimator(pipe.fit(["asha", "ravi", "uma"]))
    _untrainable(monkeypatch)
    if kind == "series":
        pd = pytest.importorskip("pandas")
        X = pd.Series(ZW, index=[10, 11, 12, 13, 14])
        place = r"names.iloc\[2\] \(position 2, index label 12\)"
    with pytest.raises(EmptyNamesError, match=place):
        if kind == "by-label":
            NameLabelClassifier(pipe).fit(X, list("ffmfm"), sample_weight=ZW_WEIGHTS)
        else:
            NameSampler(pipe).fit(X, sample_weight=ZW_WEIGHTS)


def test_a_name_of_weight_0_that_is_no_name_is_refused_with_the_others():
    # As a fit names every name it reads as nothing, whatever its weight.
    sampler = NameSampler(_pipe(KneserNeyClassifier(), "fixed"))
    with pytest.raises(EmptyNamesError, match=r"2 names.*names\[1\].*names\[2\]"):
        sampler.fit(
            ["asha", "\u200b", "\u200b\u200b", "uma"], sample_weight=[1, 1, 0, 1]
        )


@pytest.mark.parametrize("chunk_size", [1, 2, 100])
def test_training_by_chunks_refuses_a_name_of_count_0_that_is_no_name(
    tmp_path, chunk_size
):
    path = _table(tmp_path / "names.csv", ZW, ZW_WEIGHTS)
    with pytest.raises(EmptyNamesError, match=r"'\\u200b' \(line 4 of .*names.csv'\)"):
        train_from_file(
            path, _pipe(_mlp(), "fixed"), chunk_size=chunk_size,
            names_column="name", counts_column="count",
        )  # fmt: skip


def test_training_by_chunks_refuses_a_name_of_count_0_with_a_control_character(
    tmp_path,
):
    # In a chunk whose names of count 0 come first: the check of each name
    # meets it, placed in the file (names[4]), named by its line.
    names = ["asha", "ravi", "zoë", "quix", "ab\x07c", "uma"]
    path = _table(tmp_path / "names.csv", names, [1, 1, 0, 0, 0, 2])
    with pytest.raises(
        RefusedNameError, match=r"^line 6 of .*names.csv' is 'ab\\x07c'"
    ):
        train_from_file(
            path, _pipe(_mlp(), "fixed"), chunk_size=2, names_column="name",
            counts_column="count",
        )  # fmt: skip


@pytest.mark.parametrize("run", ["mlp", "kneser-ney", "resume", "resume-in-chunks"])
def test_train_counts_refuses_a_name_of_count_0_that_is_no_name_before_training(
    tmp_path, capsys, run
):
    path = _table(tmp_path / "names.csv", ZW, ZW_WEIGHTS)
    flags = ["--names-column", "name", "--counts", "count", "--seed", "0"]
    out = ["-o", str(tmp_path / "m.skops")]
    if run.startswith("resume"):
        base = tmp_path / "base.skops"
        kept = _table(tmp_path / "kept.csv", KEPT, KEPT_WEIGHTS)
        argv = ["train", str(kept), "--counts", "count", "-q", "--max-iter", "1"]
        assert main([*argv, "--validation-fraction", "0", "-o", str(base)]) == 0
        flags += ["--resume", str(base), "--max-iter", "2"]
        flags += ["--chunk-size", "2"] * run.endswith("chunks")
    else:
        flags += ["--model", run, "--max-iter", "1"]
    capsys.readouterr()
    assert main(["train", str(path), *flags, *out]) == 1
    said = capsys.readouterr()
    assert "only invisible characters" in said.err
    assert "'\\u200b' (line 4 of" in said.err
    assert not said.out and "epoch" not in said.err  # nothing trained
    assert not (tmp_path / "m.skops").exists()


class _Seen:
    """A user's check that keeps the chunks it saw, in an attribute whose
    name the first pass once called (``learned``)."""

    def __init__(self):
        self.learned = []

    def __call__(self, chunk):
        self.learned += chunk


def test_a_check_names_with_a_learned_attribute_is_only_called(tmp_path):
    path = _table(tmp_path / "names.csv", NAMES, WEIGHTS)
    seen = _Seen()
    train_from_file(
        path, _pipe(_mlp(), "auto"), chunk_size=3, names_column="name",
        counts_column="count", check_names=seen,
    )  # fmt: skip
    assert seen.learned == NAMES  # every name, those of count 0 too


def test_train_counts_resume_says_how_many_names_of_count_0_are_left_out(
    tmp_path, capsys
):
    base = tmp_path / "base.skops"
    kept = _table(tmp_path / "kept.csv", KEPT, KEPT_WEIGHTS)
    argv = ["train", str(kept), "--counts", "count", "-q", "--max-iter", "1"]
    assert main([*argv, "--alphabet", "auto", "-o", str(base)]) == 0
    path = _table(tmp_path / "all.csv", NAMES, WEIGHTS)
    argv = ["train", str(path), "--counts", "count", "--resume", str(base)]
    assert main([*argv, "--max-iter", "2", "-o", str(tmp_path / "m.skops")]) == 0
    told = "Continuing the training on 8 names (9 with their counts; 2 of count 0,"
    assert f"{told} left out)" in capsys.readouterr().err


def test_train_counts_in_chunks_says_how_many_rows_of_count_0_are_left_out(
    tmp_path, capsys
):
    path = _table(tmp_path / "all.csv", NAMES, WEIGHTS)
    argv = ["train", str(path), "--counts", "count", "--chunk-size", "3"]
    assert main([*argv, "--max-iter", "1", "-o", str(tmp_path / "m.skops")]) == 0
    said = capsys.readouterr().out
    assert (
        f"Trained on {shown_path(path)} (2 names of count 0 left out) in chunks of 3"
        in said
    )
