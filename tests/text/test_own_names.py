"""A user's own names: hyphens, apostrophes, spaces, accents, capitals, scripts, files.

The tests of issue 14: the end marker is a symbol of its own, text is normalised as
scikit-learn's text vectorizers do it, "drop" never empties a name, grapheme
clusters are never split, and names files read the same with or without a
byte-order mark and CRLF line ends, in the API and in every command.
"""

import math
import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.feature_extraction.text import (
    CountVectorizer,
    strip_accents_ascii,
    strip_accents_unicode,
)
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    load_model,
)
from sknextchar._text import FOLD_ALPHABET_NOTE, graphemes
from sknextchar.datasets import load_names
from tests._command_runs import run
from tests._messy import messy_names, write_names


def starts_with_mark(text):
    """Whether ``text`` starts with a combining mark (which cannot stand alone)."""
    return bool(text) and unicodedata.category(text[0]).startswith("M")


ACCENTED = [
    "José", "Zoë", "Ángel", "Renée", "Chloé", "François", "Björn", "Søren",
    "Łukasz", "Inés", "Noël", "Maëlle", "Siobhán", "Ciarán", "Dvořák", "Şükrü",
    "Ærøskøbing", "Çelik", "Ñuñez", "Mário", "ﬁona", "Jose\u0301",
]  # fmt: skip


def nfd(names):
    return [unicodedata.normalize("NFD", n) for n in names]


def windows_as_text(transformer, windows):
    return list(
        zip(
            transformer.decode(windows.contexts),
            transformer.decode(windows.targets),
            windows.name_index.tolist(),
        )
    )


# --------------------------------------------------------------------------- #
# 1. The end marker is a symbol of its own.
# --------------------------------------------------------------------------- #
def test_hyphens_apostrophes_and_spaces_round_trip_with_a_learned_alphabet():
    names = ["jean-luc", "o'brien", "mary ann", "anne-marie o'neil"]
    transformer = ContextWindowTransformer(alphabet="auto")
    windows = transformer.fit_transform(names)
    assert {"-", "'", " "} <= set(transformer.vocabulary_[1:])
    end = transformer.vocabulary_[0]
    assert end == "." and transformer.vocabulary_.index(end) == 0
    assert transformer.decode(transformer.encode(names)) == names
    assert len(windows) == sum(len(n) + 1 for n in names)
    # Each name is spelled by its windows' targets, ended by the end marker.
    targets = transformer.decode(windows.targets)
    spelled = ["".join(t for t, i in zip(targets, windows.name_index) if i == k)
               for k in range(len(names))]  # fmt: skip
    assert spelled == [name + end for name in names]
    # The first window of "jean-luc" is all padding; the hyphen is a character.
    rows = windows_as_text(transformer, windows)
    assert rows[0] == ("...", "j", 0) and rows[4] == ("ean", "-", 0)
    # Sampling and scoring work with these characters.
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(names)
    assert np.isfinite(sampler.score_samples(names)).all()
    sampled = sampler.sample(30, random_state=0)
    assert all(set(name) <= set(transformer.vocabulary_[1:]) for name in sampled)


def test_the_end_marker_display_is_a_parameter():
    transformer = ContextWindowTransformer(end_symbol="$").fit(["abid"])
    assert transformer.vocabulary_[0] == "$" and len(transformer.vocabulary_) == 27
    assert transformer.decode(transformer.transform(["abid"]).contexts)[:2] == [
        "$$$",
        "$$a",
    ]
    # Learned names that use the preferred display get the next free one.
    learned = ContextWindowTransformer(alphabet="auto", end_symbol="$")
    assert learned.fit(["a$b", "c.d"]).vocabulary_[0] == "-"
    assert (
        ContextWindowTransformer(alphabet="auto").fit(["a-b.c"]).vocabulary_[0] == "$"
    )
    # A given alphabet that contains the display: fit asks for another one.
    with pytest.raises(ValueError, match=r"pass another end_symbol.*end_symbol='\.'"):
        ContextWindowTransformer(alphabet="ab-").fit(["a-b"])
    ok = ContextWindowTransformer(alphabet="ab-", end_symbol=".").fit(["a-b"])
    assert ok.vocabulary_ == (".", "-", "a", "b")
    with pytest.raises(ValueError, match="one character"):
        ContextWindowTransformer(end_symbol="<e>").fit(["ab"])
    # With the default alphabet, "-" inside a name is an unknown character.
    with pytest.raises(ValueError, match="only displays the end marker"):
        ContextWindowTransformer().fit(["ab-id"])


def test_the_lecture_default_is_unchanged():
    transformer = ContextWindowTransformer(context_length=3)
    windows = transformer.fit_transform(["abid"])
    assert transformer.vocabulary_ == ("-", *"abcdefghijklmnopqrstuvwxyz")
    assert transformer.unit_ == "char"
    assert windows.contexts.tolist() == [
        [0, 0, 0],
        [0, 0, 1],
        [0, 1, 2],
        [1, 2, 9],
        [2, 9, 4],
    ]
    assert windows.targets.tolist() == [1, 2, 9, 4, 0]
    assert transformer.decode(windows.contexts) == ["---", "--a", "-ab", "abi", "bid"]


def test_models_saved_before_the_new_parameters_keep_their_behaviour():
    with pytest.warns(Warning):
        pipe = load_model("tests/data/pipeline_v0.1.0.dev0.skops")
    transformer = pipe[0]
    assert transformer.unit_ == "char" and transformer.vocabulary_[0] == "-"
    params = transformer.get_params()
    assert params["strip_accents"] is None and params["end_symbol"] == "-"
    assert params["unit"] == "char"
    assert clone(transformer).fit(["asha"]).vocabulary_ == transformer.vocabulary_
    expected = np.load("tests/data/pipeline_v0.1.0.dev0_logproba.npy")
    np.testing.assert_allclose(
        pipe.predict_log_proba(["asha", "ravi"]), expected, rtol=1e-5, atol=1e-6
    )
    assert transformer.normalize(["A\u0301SHA"]) == ["\u00e1sha"]  # NFC, lowercase


# --------------------------------------------------------------------------- #
# 2. Normalisation: NFC first, lowercase, strip_accents as CountVectorizer.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("strip", [None, "unicode"])
def test_nfc_and_nfd_input_give_identical_results(strip):
    names = ["José", "Zoë", "Renée-Claire", "Ángel", "राहुल", "Björn"]
    params = {"alphabet": "auto", "strip_accents": strip}
    composed = ContextWindowTransformer(**params)
    decomposed = ContextWindowTransformer(**params)
    a, b = composed.fit_transform(names), decomposed.fit_transform(nfd(names))
    assert composed.vocabulary_ == decomposed.vocabulary_
    np.testing.assert_array_equal(a.contexts, b.contexts)
    np.testing.assert_array_equal(a.targets, b.targets)
    # ...scores...
    pipe = make_pipeline(ContextWindowTransformer(**params), KneserNeyClassifier())
    sampler = NameSampler(pipe).fit(names)
    np.testing.assert_array_equal(
        sampler.score_samples(names), sampler.score_samples(nfd(names))
    )
    # ...and errors, which quote the input as the user typed it.
    fixed = ContextWindowTransformer(alphabet="abc")
    for typed in (names, nfd(names)):
        with pytest.raises(ValueError) as info:
            fixed.fit(typed)
        assert repr(typed[0]) in str(info.value)


@pytest.mark.parametrize("strip", ["ascii", "unicode"])
def test_strip_accents_matches_count_vectorizer(strip):
    fold = {"ascii": strip_accents_ascii, "unicode": strip_accents_unicode}[strip]
    vectorizer = CountVectorizer(strip_accents=strip, lowercase=True)
    preprocess = vectorizer.build_preprocessor()
    transformer = ContextWindowTransformer(strip_accents=strip)
    ours = transformer.normalize(ACCENTED)
    assert ours == [preprocess(unicodedata.normalize("NFC", n)) for n in ACCENTED]
    assert ours == [fold(n.lower()) for n in ACCENTED if n != "Jose\u0301"] + ["jose"]
    assert ours[:2] == ["jose", "zoe"]
    # Folded names train under the default a-z alphabet.
    latin = [
        n for n, folded in zip(ACCENTED, ours) if folded.isascii() and folded.isalpha()
    ]
    if strip == "ascii":  # "Søren" is learned as "sren": a fit says so
        with pytest.warns(UserWarning, match="'Søren' read as 'sren'"):
            transformer.fit(latin)
    else:
        transformer.fit(latin)
    assert len(transformer.vocabulary_) == 27


def test_strip_accents_ascii_that_empties_a_name_says_so():
    with pytest.raises(
        ValueError, match=r"strip_accents='ascii' removes every.*'राहुल'"
    ):
        ContextWindowTransformer(strip_accents="ascii", alphabet="auto").fit(
            ["asha", "राहुल"]
        )


def test_capitals_are_kept_with_lowercase_false():
    transformer = ContextWindowTransformer(alphabet="auto", lowercase=False)
    transformer.fit(["Asha", "ravi", "ÉMILE"])
    assert {"A", "É", "a"} <= set(transformer.vocabulary_)
    assert transformer.decode(transformer.encode(["ÉMILE"])[0]) == "ÉMILE"


# --------------------------------------------------------------------------- #
# 3. Unknown characters.
# --------------------------------------------------------------------------- #
def test_drop_never_empties_a_name_and_never_scores_nan():
    names = ["José", "Zoë", "ravi"]
    pipe = make_pipeline(
        ContextWindowTransformer(handle_unknown="drop"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(names)
    assert sampler.estimator_[0].decode(sampler.estimator_[0].encode(names)) == [
        "jos",
        "zo",
        "ravi",
    ]
    assert np.isfinite(sampler.score_samples(names)).all()
    with pytest.raises(ValueError, match=r"names\[0\]='राहुल'.*neither learned"):
        sampler.score_samples(["राहुल", "ravi"])
    with pytest.raises(ValueError, match=r"leaves 1 name"):
        clone(pipe).fit(["ravi", "राहुल"])


def test_unknown_character_messages_name_invisible_characters_and_suggest_folding():
    transformer = ContextWindowTransformer().fit(["asha"])
    with pytest.raises(ValueError) as info:
        transformer.transform(["श\u200dasha", "josé"])
    message = str(info.value)
    assert "ZERO WIDTH JOINER" in message  # kept: Persian and Indic words use it
    assert "names[0]='श\\u200dasha'" in message and "names[1]='josé'" in message
    with pytest.raises(ValueError, match="strip_accents='unicode'"):
        transformer.transform(["a\u200dsha", "josé"])
    # After a Latin letter it joins nothing: read as nothing, as the user sees it.
    assert transformer.normalize(["a\u200dsha"]) == ["asha"]


# --------------------------------------------------------------------------- #
# 4. Grapheme clusters.
# --------------------------------------------------------------------------- #
BASES = "aeknrtअकमरस"
MARKS = "\u0301\u0308\u0323\u093e\u093f\u0941\u094d\u0902"
cluster = st.tuples(st.sampled_from(BASES), st.text(alphabet=MARKS, max_size=2)).map(
    "".join
)
marked_name = st.lists(cluster, min_size=1, max_size=6).map("".join)


@settings(max_examples=40, deadline=None)
@given(names=st.lists(marked_name, min_size=1, max_size=6))
def test_grapheme_mode_never_splits_a_cluster(names):
    transformer = ContextWindowTransformer(alphabet="auto", unit="grapheme")
    windows = transformer.fit_transform(names)
    texts = transformer.normalize(names)
    assert transformer.unit_ == "grapheme"
    assert not any(starts_with_mark(s) for s in transformer.vocabulary_)
    assert len(windows) == sum(len(graphemes(t)) + 1 for t in texts)
    encoded = transformer.encode(names)
    assert [[transformer.vocabulary_[i] for i in ids] for ids in encoded] == [
        graphemes(t) for t in texts
    ]
    assert transformer.decode(encoded) == texts


def test_a_name_that_starts_with_a_combining_mark_is_refused_in_grapheme_mode():
    names = ["asha", "\u0941ravi"]
    match = r"names\[1\]='" + "\u0941" + r"ravi'.*VOWEL SIGN U"
    with pytest.raises(ValueError, match=match):
        ContextWindowTransformer(alphabet="auto").fit(names)
    chars = ContextWindowTransformer(alphabet="auto", unit="char").fit(names)
    assert "\u0941" in chars.vocabulary_  # code points: the user's choice


def test_a_combining_mark_after_a_space_or_hyphen_is_refused_in_grapheme_mode():
    # " \u0301" would be one grapheme: a symbol that puts a space and an accent
    # into generated names ("anna \u0301bob").
    names = ["Anna Bob", "Anna \u0301Bob", "Eve", "रवि \u0941मा", "Anna-\u0301Bob"]
    match = r"3 names .* start of a word.*names\[1\]=.*COMBINING ACUTE ACCENT"
    with pytest.raises(ValueError, match=match):
        ContextWindowTransformer(alphabet="auto").fit(names)
    ContextWindowTransformer(alphabet="auto").fit(["José María", "रवि कुमार"])


def test_sampled_names_never_start_with_a_combining_mark():
    names = [n for n in messy_names() if re.search("[\u0900-\u097f]", n)]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe, temperature=2.0).fit(names)
    vocabulary = set(sampler.vocabulary_[1:])
    for name in sampler.sample(200, random_state=0):
        assert not starts_with_mark(name)
        assert set(graphemes(name)) <= vocabulary
    # With code points, the same model family does start names with vowel signs;
    # the sampler leaves them out (no training name starts with a mark), unless
    # it has no record of the training names' spelling.
    chars = make_pipeline(
        ContextWindowTransformer(alphabet="auto", unit="char"), KneserNeyClassifier()
    ).fit(names)
    checked = NameSampler(FrozenEstimator(chars), temperature=2.0).fit(names)
    drawn = checked.sample(200, random_state=0)
    assert not any(starts_with_mark(name) for name in drawn)
    unchecked = NameSampler(FrozenEstimator(chars), temperature=2.0).fit([])
    drawn = unchecked.sample(200, random_state=0)
    assert any(starts_with_mark(name) for name in drawn)


# --------------------------------------------------------------------------- #
# 5. Files: byte-order marks, line ends, encodings; the command line.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [False, True])
def test_a_bom_and_any_line_end_read_the_same(tmp_path, bom, newline):
    names = messy_names()
    plain = load_names(
        write_names(tmp_path / "plain.txt", names, bom=False, newline="\n")
    )
    other = load_names(
        write_names(tmp_path / "other.txt", names, bom=bom, newline=newline)
    )
    assert plain == other == names


def test_other_encodings_and_clear_errors(tmp_path):
    names = ["José", "Zoë", "Ángel"]
    latin = write_names(tmp_path / "latin.txt", names, bom=False, encoding="latin-1")
    with pytest.raises(ValueError, match=r"not a utf-8 text file.*line 1.*encoding="):
        load_names(latin)
    assert load_names(latin, encoding="latin-1") == names
    utf16 = tmp_path / "utf16.txt"
    utf16.write_text("\n".join(names), encoding="utf-16")
    assert load_names(utf16, encoding="utf-16") == names
    with pytest.raises(ValueError, match="NUL characters.*encoding='utf-16'"):
        load_names(utf16, encoding="latin-1")
    with pytest.raises(ValueError, match="not a text encoding"):
        load_names(latin, encoding="klingon")


TINY = ["--max-iter", "3", "--hidden-layer-sizes", "16", "--embedding-dim", "4"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("own")
    names = messy_names()
    return {
        "names": names,
        "messy": write_names(tmp / "messy.txt", names),
        "plain": write_names(tmp / "plain.txt", names, bom=False, newline="\n"),
        "latin": write_names(
            tmp / "latin.txt",
            ["José", "Zoë", "Ángel", "Renée"],
            bom=False,
            encoding="latin-1",
        ),  # fmt: skip
        "model": tmp / "messy.skops",
    }


def test_the_messy_list_trains_in_one_command(files, capsys):
    assert len(files["names"]) >= 300
    status, out, err = run(
        capsys, "train", files["messy"], "--alphabet", "auto", "--keep-case",
        *TINY, "--seed", "0", "-o", files["model"],
    )  # fmt: skip
    assert status == 0, err
    nll = float(re.search(r"Held-out NLL: ([\d.]+|nan|inf)", out).group(1))
    assert math.isfinite(nll)
    status, out, err = run(capsys, "sample", files["model"], "-n", "100", "--seed", "0")
    assert status == 0, err
    sampled = out.splitlines()
    transformer = ContextWindowTransformer(alphabet="auto", lowercase=False)
    vocabulary = set(transformer.fit(files["names"]).vocabulary_[1:])
    assert len(sampled) == 100
    for name in sampled:
        assert set(graphemes(name)) <= vocabulary and not starts_with_mark(name)


def test_every_command_reads_a_bom_crlf_file_as_a_plain_one(files, capsys):
    model = files["model"]
    if not model.exists():
        test_the_messy_list_trains_in_one_command(files, capsys)
    # score --names-file
    _, plain, _ = run(capsys, "score", model, "--names-file", files["plain"])
    status, messy, err = run(capsys, "score", model, "--names-file", files["messy"])
    assert status == 0 and messy == plain, err
    assert "\ufeff" not in messy and "nan" not in messy
    # sample --exclude-file: the BOM file excludes exactly what the plain one does
    argv = ["sample", model, "-n", "20", "--seed", "1", "--unique", "--exclude-file"]
    _, plain, _ = run(capsys, *argv, files["plain"])
    status, messy, err = run(capsys, *argv, files["messy"])
    assert status == 0 and messy == plain, err
    normalized = set(
        ContextWindowTransformer(lowercase=False).normalize(files["names"])
    )
    assert not set(messy.splitlines()) & normalized


def test_undecodable_files_fail_clearly_with_and_without_encoding(
    files, capsys, tmp_path
):
    output = tmp_path / "latin.skops"
    status, _, err = run(capsys, "train", files["latin"], *TINY, "-q", "-o", output)
    assert status == 1 and err.count("\n") == 1
    assert "not a utf-8 text file" in err and "--encoding latin-1" in err
    assert "encoding=" not in err  # the command line's spelling
    status, _, err = run(
        capsys,
        "train",
        files["latin"],
        "--encoding",
        "utf-16",
        *TINY,
        "-q",
        "-o",
        output,
    )
    assert status == 1 and "utf-16" in err and "--encoding" in err
    status, _, err = run(
        capsys, "train", files["latin"], "--encoding", "latin-1", "--strip-accents",
        "unicode", *TINY, "-q", "--validation-fraction", "0", "-o", output,
    )  # fmt: skip
    assert status == 0, err


def test_cli_hints_use_flag_spelling(files, capsys, tmp_path):
    status, _, err = run(
        capsys, "train", files["messy"], *TINY, "-q", "-o", tmp_path / "m.skops"
    )
    assert status == 1 and "--alphabet auto" in err and "--handle-unknown drop" in err
    assert "alphabet='auto'" not in err and "handle_unknown" not in err
    assert "or pass --alphabet auto" in err  # train: a flag of this command
    # Its Devanagari names hold no letter of a-z: dropping would empty them, and
    # folding accents leaves them unknown, so neither is offered as a way out.
    assert "--handle-unknown drop would not do" in err
    assert "--strip-accents unicode" not in err


def test_cli_hints_for_a_saved_model_say_to_train_it_again(files, capsys, tmp_path):
    model = str(tmp_path / "m.skops")
    names = str(tmp_path / "plain.txt")
    Path(names).write_text("asha\nravi\nabid\n", encoding="utf-8")
    status, _, err = run(capsys, "train", names, *TINY, "-q", "-o", model)
    assert status == 0, err
    status, _, err = run(capsys, "score", model, "zoë")
    again = "or train the model again ('sknextchar train NAMES_FILE -o MODEL') with"
    assert status == 1 and f"{again} --alphabet auto" in err
    # score has no --handle-unknown: the hint is one for training again.
    assert "or with --handle-unknown drop" in err


def test_a_grapheme_vocabulary_is_listed_symbol_by_symbol_in_messages():
    transformer = ContextWindowTransformer(alphabet="auto").fit(["राहुल"])
    with pytest.raises(ValueError, match=re.escape("is ['रा', 'ल', 'हु'] plus")):
        transformer.transform(["रामु"])


@pytest.mark.parametrize(
    "handle_unknown, held_out", [("error", "Zoë"), ("drop", "Иван")]
)
def test_a_learned_alphabet_in_cross_validation_tells_why_a_fold_scores_nan(
    handle_unknown, held_out
):
    # Each fold learns the alphabet of its own training names, and a character
    # found only in the names it holds out fails its score: scikit-learn records
    # nan with the message, which has to say why and what to do, in a closing
    # sentence of its own (the advice's parenthesis closes before it).
    names = ["Ana", held_out, "Ivo", "Eva", "Ada", "Otto"]
    windows = ContextWindowTransformer(alphabet="auto", handle_unknown=handle_unknown)
    pipe = make_pipeline(windows, KneserNeyClassifier())
    with pytest.warns(UserWarning, match="Scoring failed") as caught:
        scores = cross_val_score(pipe, names, cv=KFold(2))
    assert np.isnan(scores).any()
    failed = " ".join(str(w.message) for w in caught)
    assert FOLD_ALPHABET_NOTE.startswith(" In a cross-validation or a search, each")
    assert "." + FOLD_ALPHABET_NOTE + "\n" in failed, failed  # the last sentence
    # The unknown-character error is told in the words of the pipeline the
    # folds fit; the error of a name left empty by handle_unknown='drop' in
    # the transformer's.
    step = "contextwindowtransformer__" if handle_unknown == "error" else ""
    assert (
        f"({step}alphabet='auto' holds the characters of the training names only)."
        in failed
    )


def test_only_the_error_on_names_tells_of_the_folds():
    # A prefix is typed, not held out by a fold: its error is the alphabet's.
    names = ["ana", "zoe", "ivo", "eva", "ada", "otto"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(names)
    with pytest.raises(ValueError, match=r"training names only\)\.$") as caught:
        sampler.sample(2, prefix="zø", random_state=0)
    assert "fold" not in str(caught.value)
    with pytest.raises(ValueError) as caught:
        sampler.score(["zoë"])
    assert str(caught.value).endswith("to remove unknown characters.")
    assert FOLD_ALPHABET_NOTE not in str(caught.value)  # no cross-validation runs


@pytest.mark.parametrize("how", ["loaded", "scored", "cross-validated"])
def test_the_folds_are_told_of_only_in_a_cross_validation(tmp_path, how):
    # The note on the folds of a cross-validation closed the error of a model
    # loaded from a file and scored, where no fold was held out.
    from sklearn.model_selection import KFold, cross_val_score

    from sknextchar import load_model, save_model

    names = ["ana", "ivo", "eva", "zoë"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    if how == "cross-validated":
        with pytest.warns(UserWarning, match="Scoring failed") as caught:
            cross_val_score(pipe, names, cv=KFold(2))
        assert FOLD_ALPHABET_NOTE in " ".join(str(w.message) for w in caught)
        return
    pipe.fit(names[:3])
    if how == "loaded":
        save_model(pipe, str(tmp_path / "m.skops"))
        pipe = load_model(str(tmp_path / "m.skops"))
    with pytest.raises(ValueError, match=r"training names only\)\.$"):
        pipe.score(names)


def test_a_search_refit_on_all_names_tells_of_no_fold():
    # A fitted GridSearchCV scores new names with the model refit on all the
    # names: no fold is held out there, though the search's score method is
    # a function of sklearn.model_selection on the stack.
    from sklearn.model_selection import GridSearchCV

    names = ["ana", "ivo", "eva", "ada", "otto", "emma"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    grid = {"kneserneyclassifier__order": [2, 3]}
    # Its folds lack letters of the names they hold out: each warns.
    with pytest.warns(UserWarning, match="Scoring failed|non-finite"):
        search = GridSearchCV(pipe, grid, cv=KFold(2)).fit(names)
    for method in (search.score, search.predict):
        with pytest.raises(ValueError, match=r"training names only\)\.$") as caught:
            method(["zoë"])
        assert FOLD_ALPHABET_NOTE not in str(caught.value)
    # The same search scored on the fold an outer cross-validation holds out:
    # told (its own folds all read their names, so the note is the outer's).
    plain = ["ana", "nan", "anna", "naan", "nana", "anan"]
    outer = [(np.arange(6), np.array([6]))]
    with pytest.warns(UserWarning, match="Scoring failed") as caught:
        scores = cross_val_score(
            GridSearchCV(pipe, grid, cv=KFold(2)), plain + ["zoë"], cv=outer
        )
    assert np.isnan(scores).all()
    failed = [str(w.message) for w in caught if "Scoring failed" in str(w.message)]
    assert len(failed) == 1 and FOLD_ALPHABET_NOTE in failed[0], failed


def test_cli_hints_for_a_learned_alphabet_leave_out_the_folds(files, capsys, tmp_path):
    model = str(tmp_path / "m.skops")
    status, _, err = run(
        capsys, "train", files["messy"], "--alphabet", "auto", *TINY, "-q", "-o", model
    )
    assert status == 0, err
    status, _, err = run(capsys, "score", model, "Xqz7")
    assert status == 1 and "(--alphabet auto holds the characters of the " in err
    assert "training names only)" in err and "fold" not in err
