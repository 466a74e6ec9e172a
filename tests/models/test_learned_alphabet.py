"""ContextWindowTransformer.with_learned_alphabet: a search or a cross-validation
over the alphabet learned from all the names.

With ``alphabet="auto"`` each fold learns the alphabet of its own training
names, so a character of one held-out name only fails that fold's score (nan);
the copy a transformer fitted on all the names gives keeps their alphabet, the
same vocabulary whatever names it is fitted on.
"""

import itertools
import pickle
import unicodedata
import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
    load_model,
    save_model,
)
from sknextchar._pipeline import with_vocabulary_of
from sknextchar._text import FOLD_ALPHABET_NOTE, FOLD_GIVEN_NOTE
from sknextchar.cli._errors import cli_spelling

# "ë", "Å", "-" and " " are each in one name only: some fold holds them out.
NAMES = ["Jean-Luc", "Mary Ann", "Zoë", "Ana", "Åsa", "Anna", "Lukas", "Mary",
         "Luc", "Jean", "Maria", "Anne"]  # fmt: skip
LABELS = ["fr", "en", "fr", "es", "sv", "en", "de", "en", "fr", "fr", "es", "en"]
CV = KFold(3, shuffle=True, random_state=0)
GRID = {"contextwindowtransformer__context_length": [1, 2, 3]}

# Names that every option reads: capitals, accents (one typed decomposed), a
# ligature, a letter that "ascii" removes, a hyphen (the end marker moves).
LATIN = ["Jean-Luc", "Mary Ann", unicodedata.normalize("NFD", "Zoë"), "Åsa",
         "O'Neil", "ﬁona", "ÉLODIE", "Łukasz", "ana"]  # fmt: skip
# Names of other scripts: symbols of several code points (Devanagari), a final
# sigma, a chillu typed the old way (with a joiner), a tatweel, a no-break space.
SCRIPTS = ["कृष्ण", "राम", "νίκος", "σοφία", "അവന്\u200d", "നന്ദ", "جميـلة",
           "mary\u00a0ann", "ana"]  # fmt: skip
OPTIONS = [
    *[(LATIN, *option) for option in itertools.product(
        ["auto", "char", "grapheme"], [True, False], [None, "ascii", "unicode"])],
    *[(SCRIPTS, unit, lowercase, None) for unit, lowercase in itertools.product(
        ["auto", "char", "grapheme"], [True, False])],
]  # fmt: skip


def pipeline(transformer, model=None):
    return make_pipeline(transformer, model or KneserNeyClassifier(order=2))


def learned_copy(names=NAMES, **params):
    learned = ContextWindowTransformer(alphabet="auto", lowercase=False, **params)
    return learned.fit(names).with_learned_alphabet()


def scores_quietly(*args, **kwargs):
    """cross_val_score, with scikit-learn's warning on a failed fold kept out."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return cross_val_score(*args, **kwargs)


def test_a_cross_validation_scores_every_fold_with_the_learned_alphabet():
    auto = ContextWindowTransformer(alphabet="auto", lowercase=False)
    assert np.isnan(scores_quietly(pipeline(auto), NAMES, cv=CV)).all()
    scores = cross_val_score(pipeline(learned_copy()), NAMES, cv=CV)
    assert np.isfinite(scores).all() and len(scores) == 3


def test_a_search_over_context_length_picks_by_finite_scores():
    auto = ContextWindowTransformer(alphabet="auto", lowercase=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        failed = GridSearchCV(pipeline(auto), GRID, cv=CV).fit(NAMES)
    assert np.isnan(failed.cv_results_["mean_test_score"]).all()
    model = KneserNeyClassifier()  # its order follows context_length
    search = GridSearchCV(pipeline(learned_copy(), model), GRID, cv=CV).fit(NAMES)
    means = search.cv_results_["mean_test_score"]
    assert np.isfinite(means).all() and len(set(means.tolist())) == 3
    best = GRID["contextwindowtransformer__context_length"][int(np.argmax(means))]
    assert search.best_params_ == {"contextwindowtransformer__context_length": best}
    # the refit on all the names has the vocabulary learned from them
    refit = search.best_estimator_[0]
    assert refit.vocabulary_ == ContextWindowTransformer(
        alphabet="auto", lowercase=False).fit(NAMES).vocabulary_  # fmt: skip


def test_labels_and_weights_are_scored_in_every_fold():
    def by_label(transformer):
        return NameLabelClassifier(
            pipeline(transformer, PerLabelClassifier(KneserNeyClassifier(order=2)))
        )

    auto = ContextWindowTransformer(alphabet="auto", lowercase=False)
    assert np.isnan(scores_quietly(by_label(auto), NAMES, LABELS, cv=CV)).all()
    scores = cross_val_score(by_label(learned_copy()), NAMES, LABELS, cv=CV)
    assert np.isfinite(scores).all()
    weights = {"kneserneyclassifier__sample_weight": np.arange(1.0, 13.0)}
    assert np.isnan(scores_quietly(pipeline(auto), NAMES, cv=CV, params=weights)).all()
    weighted = cross_val_score(pipeline(learned_copy()), NAMES, cv=CV, params=weights)
    assert np.isfinite(weighted).all()
    plain = cross_val_score(pipeline(learned_copy()), NAMES, cv=CV)
    assert not np.allclose(weighted, plain)  # the weights reached the model


def option_id(option):
    names, unit, lowercase, accents = option
    return f"{'latin' if names is LATIN else 'scripts'}-{unit}-{lowercase}-{accents}"


@pytest.mark.parametrize(
    "names, unit, lowercase, strip_accents", OPTIONS, ids=map(option_id, OPTIONS)
)
def test_the_copy_learns_the_same_vocabulary_from_any_names(
    names, unit, lowercase, strip_accents
):
    params = {"unit": unit, "lowercase": lowercase, "strip_accents": strip_accents}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the names strip_accents folds
        learned = ContextWindowTransformer(alphabet="auto", **params).fit(names)
        copy = learned.with_learned_alphabet()
        for name in names:
            fitted = clone(copy).fit([name])
            assert fitted.vocabulary_ == learned.vocabulary_, name
            assert fitted.unit_ == learned.unit_
        # and it reads every name as the learned transformer does
        assert fitted.normalize(names) == learned.normalize(names)
        windows, expected = fitted.transform(names), learned.transform(names)
    np.testing.assert_array_equal(windows.contexts, expected.contexts)
    np.testing.assert_array_equal(windows.targets, expected.targets)


def test_the_copy_keeps_every_other_parameter_and_the_fitted_one_is_unchanged():
    learned = ContextWindowTransformer(
        5, alphabet="auto", lowercase=False, strip_accents="unicode",
        handle_unknown="drop", end_symbol="$",
    ).fit(["Zoë", "Jean-Luc"])  # fmt: skip
    before = {**learned.__dict__}
    copy = learned.with_learned_alphabet()
    assert learned.__dict__.keys() == before.keys()
    assert all(learned.__dict__[key] is value for key, value in before.items())
    assert learned.vocabulary_ == tuple("$-JLZacenou")
    assert copy.get_params() == {
        "context_length": 5, "alphabet": list("-JLZacenou"), "lowercase": False,
        "strip_accents": "unicode", "unit": "grapheme", "handle_unknown": "drop",
        "end_symbol": "$",
    }  # fmt: skip
    assert not hasattr(copy, "vocabulary_")
    with pytest.raises(NotFittedError):
        copy.transform(["zoe"])
    copy.alphabet.append("x")  # a list of its own
    assert learned.with_learned_alphabet().alphabet == list(learned.vocabulary_[1:])


def test_an_unfitted_transformer_says_to_fit_it_first():
    transformer = ContextWindowTransformer(alphabet="auto")
    with pytest.raises(NotFittedError, match=r"call fit with all the names first") as e:
        transformer.with_learned_alphabet()
    assert str(e.value).startswith("This ContextWindowTransformer has no learned")
    assert "with_learned_alphabet()" in str(e.value)
    assert transformer.get_params()["alphabet"] == "auto"


def test_a_given_alphabet_is_kept_as_its_vocabulary():
    learned = ContextWindowTransformer(alphabet="cab").fit(["ab"])
    copy = learned.with_learned_alphabet()
    assert (copy.alphabet, copy.end_symbol, copy.unit) == (["a", "b", "c"], "-", "char")
    assert copy.fit(["c"]).vocabulary_ == learned.vocabulary_


def test_the_copy_round_trips_through_clone_params_pickle_and_skops(tmp_path):
    copy = learned_copy(context_length=2)
    again = ContextWindowTransformer(**copy.get_params())
    for twin in (clone(copy), again, pickle.loads(pickle.dumps(copy))):
        assert twin.get_params() == copy.get_params()
        assert twin.fit(["Ana"]).vocabulary_ == clone(copy).fit(NAMES).vocabulary_
    fitted = pipeline(copy).fit(NAMES[:6])  # without "Lukas" and "Maria"
    path = tmp_path / "fold.skops"
    save_model(fitted, path)
    loaded = load_model(path)
    assert loaded[0].vocabulary_ == fitted[0].vocabulary_
    assert loaded.score(NAMES[6:]) == pytest.approx(fitted.score(NAMES[6:]))
    assert loaded[0].with_learned_alphabet().get_params() == copy.get_params()
    restored = pickle.loads(pickle.dumps(fitted[0]))
    assert restored.with_learned_alphabet().get_params() == copy.get_params()


def test_the_folds_helper_of_the_label_classifier_uses_the_copy():
    pipe = pipeline(ContextWindowTransformer(3, alphabet="auto", lowercase=False))
    shared = with_vocabulary_of(pipe, NAMES)
    assert shared is not pipe and pipe[0].alphabet == "auto"
    assert shared[0].get_params() == learned_copy().get_params()
    assert shared.steps[0][0] == "contextwindowtransformer"


def test_the_error_of_a_fold_names_the_way_out():
    auto = pipeline(ContextWindowTransformer(alphabet="auto"))
    with pytest.warns(UserWarning, match="Scoring failed") as caught:
        cross_val_score(auto, ["Ana", "Zoë", "Ivo", "Eva"], cv=KFold(2))
    failed = " ".join(str(w.message) for w in caught)
    assert FOLD_ALPHABET_NOTE in failed
    assert "give the pipeline its with_learned_alphabet()" in failed


@pytest.mark.parametrize(
    "given",
    [
        {"handle_unknown": "error"},
        {"handle_unknown": "drop"},
        {"alphabet": "abcdefghijklmnopqrstuvwxyz"},  # written by hand
    ],
    ids=["copy", "copy-drop", "by-hand"],
)
def test_a_given_alphabet_a_fold_lacks_letters_of_is_told_to_learn_from_all(given):
    # It was told only "pass alphabet='auto'", whose folds learn their own.
    if "alphabet" in given:
        part = ContextWindowTransformer(**given)  # a fold fit on "Zë" fails too
    else:
        part = learned_copy(["Ana", "Ivo", "Eva"], **given)
    with pytest.warns(UserWarning, match="failed") as caught:
        cross_val_score(pipeline(part), ["Ana", "Zë", "Ivo", "Eva"], cv=KFold(2))
    failed = " ".join(str(w.message) for w in caught)
    assert FOLD_GIVEN_NOTE in failed and FOLD_ALPHABET_NOTE not in failed


def test_the_command_line_which_runs_no_folds_leaves_the_note_out():
    assert cli_spelling("Clean the names." + FOLD_GIVEN_NOTE) == "Clean the names."


def test_a_calibrated_classifier_of_learned_alphabet_is_told_a_larger_one():
    # Its folds share the alphabet of all its names: a new letter to predict
    # needs a larger alphabet, not a with_learned_alphabet() to train with.
    names = ["anna", "marco", "dora", "dino", "ida", "ugo", "eva", "luca"]
    pipe = pipeline(ContextWindowTransformer(alphabet="auto"), PerLabelClassifier(
        KneserNeyClassifier(order=2)))  # fmt: skip
    clf = NameLabelClassifier(pipe, calibration="temperature", cv=2)
    with pytest.raises(ValueError) as e:
        clf.fit(names, list("fmfmfmfm")).predict(["zoë"])
    assert "train the model again with alphabet='auto' (or a larger alphabet)." in (
        str(e.value)
    )


# Code points of the old spelling of a letter (ന, the virama, a joiner) learned
# from different names, with unit="char": the joiner of "कर्\u200dया", the ന of
# "നന്ദ". Given as an alphabet, they keep that spelling, and idle marks too.
OLD_APART = ["നന്ദ", "कर्\u200dया", "Lily\ufe0f", "Ana", "Anna", "Mary"]
CHILLU = ["നന്ദ", "कर्\u200dया", "അവന്\u200d"]


@pytest.mark.parametrize("names", [OLD_APART, CHILLU])
def test_code_points_of_an_old_spelling_have_no_copy(names):
    learned = ContextWindowTransformer(alphabet="auto", unit="char").fit(names)
    vocabulary = learned.vocabulary_
    with pytest.raises(ValueError, match=r"Fit it with unit='grapheme'") as e:
        learned.with_learned_alphabet()
    message = str(e.value)
    assert "'ന്\\u200d' (U+0D28 U+0D4D U+200D) for 'ൻ'" in message
    assert message.startswith("This ContextWindowTransformer learned code points")
    assert learned.vocabulary_ == vocabulary and learned.unit == "char"


@pytest.mark.parametrize("unit", ["grapheme", "auto"])
def test_the_way_out_of_the_old_spelling_reads_names_as_the_fit(unit):
    learned = ContextWindowTransformer(alphabet="auto", unit=unit).fit(OLD_APART)
    copy = clone(learned.with_learned_alphabet()).fit(OLD_APART)
    assert copy.vocabulary_ == learned.vocabulary_
    tests = [*OLD_APART, *CHILLU, "A\u200dna"]
    assert copy.normalize(tests) == learned.normalize(tests)
    assert learned.normalize(["Lily\ufe0f", "അവന്\u200d"]) == ["lily", "അവൻ"]
    scores = cross_val_score(pipeline(copy), OLD_APART, cv=KFold(3))
    assert np.isfinite(scores).all()


def test_an_old_spelling_given_by_hand_is_copied_as_given():
    # given so, the fit keeps that spelling as its copy does
    given = ContextWindowTransformer(alphabet=list("നദ്\u200dअ")).fit(["നന്ദ"])
    copy = clone(given.with_learned_alphabet()).fit(["നന്ദ"])
    spelled = ["ന്\u200dദ"]
    assert copy.normalize(spelled) == given.normalize(spelled) == spelled
    # one of the code points missing (no joiner): nothing kept, a copy
    learned = ContextWindowTransformer(alphabet="auto", unit="char")
    learned.fit(["നന്ദ", "Ana"]).with_learned_alphabet()


@pytest.mark.parametrize("names", [OLD_APART, CHILLU])
def test_the_folds_helper_reads_an_old_spelling_as_the_fit(names):
    # The folds read "അവന്\u200d" as "അവന്" (another word: the joiner at the
    # end went, the virama stayed) and kept "lily\ufe0f", where the model of
    # all the names reads "അവൻ" and "lily".
    pipe = pipeline(ContextWindowTransformer(alphabet="auto", unit="char"))
    learned = clone(pipe[0]).fit(names)
    fold = clone(with_vocabulary_of(pipe, names)).fit(names[1:])  # no refusal
    tests = [*OLD_APART, *CHILLU, "A\u200dna"]
    assert fold[0].normalize(tests) == learned.normalize(tests)
    assert fold[0].vocabulary_ == learned.vocabulary_
    assert np.isfinite(fold.score(names[:1]))


def test_the_cli_held_out_score_of_an_old_spelling_is_that_of_its_letter(
    tmp_path, capsys
):
    # train --unit char counted the held-out names as the folds read them:
    # "അവന്\u200d" as "അവന്", though the saved model reads "അവൻ", and the
    # same names written with the letters got another held-out NLL.
    from sknextchar._text import spell_old_letters
    from sknextchar.cli import main

    stems = ["അവ", "മനു", "ലത", "രവി", "മേനോ", "കമ", "സു", "ഗീത", "ബാല", "ജയ"]
    old = [stem + ending for stem in stems for ending in ("ന്\u200d", "ര്\u200d", "")]
    old += ["നന്ദ", "कर्\u200dया"]  # the code points apart: no copy reads so
    reports = []
    for names in (old, [spell_old_letters(name) for name in old]):
        path = tmp_path / "names.txt"
        path.write_text("\n".join(names) + "\n", encoding="utf-8")
        argv = ["train", str(path), "--model", "kneser-ney", "--unit", "char",
                "--alphabet", "auto"]  # fmt: skip
        out = ["-o", str(tmp_path / "m.skops"), "--force", "--seed", "0"]
        assert main([*argv, *out, "--validation-fraction", "0.3"]) == 0
        (line,) = [x for x in "".join(capsys.readouterr()).splitlines() if "NLL" in x]
        reports.append(line)
    assert reports[0] == reports[1] and "Held-out NLL: " in reports[0]
