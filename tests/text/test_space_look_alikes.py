"""Spaces of other widths are the space; a tab learned as a letter is told.

A list copied from a web page or a word processor writes "Jean Luc" with a
no-break space (U+00A0) and "Anne Marie" with a narrow one (U+202F). Read as
they are, a learned alphabet held three spaces that look alike, generated names
held invisible no-break spaces, and a model whose only space was U+00A0 refused
"Mary Ann" typed with the space bar. Every space separator whose compatibility
decomposition is the space (sknextchar._text.SPACES) now reads as " ". Models
saved before keep reading names as they were trained: one whose only space is
another reads a typed space as it; one with several spaces keeps them apart.
"""

import unicodedata
import warnings

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._text import SPACES, normalize_text
from sknextchar.cli import main

# Unicode's space separators but the space itself and the Ogham space mark.
OTHER_SPACES = [
    chr(c)
    for c in range(0x110000)
    if unicodedata.category(chr(c)) == "Zs" and chr(c) not in " \u1680"
]


def _windows(transformer, names):
    windows = transformer.transform(names)
    return windows.contexts.tolist(), windows.targets.tolist()


def test_the_spaces_read_as_the_space_are_the_separators_that_decompose_to_it():
    assert sorted(SPACES) == OTHER_SPACES
    assert all(unicodedata.normalize("NFKD", space) == " " for space in SPACES)


@pytest.mark.parametrize("space", OTHER_SPACES, ids=lambda s: f"U+{ord(s):04X}")
def test_another_space_is_the_space_of_a_learned_alphabet(space):
    windows = ContextWindowTransformer(alphabet="auto", lowercase=False)
    windows.fit(["Mary Ann", f"Jean{space}Luc"])
    assert [s for s in windows.vocabulary_ if s.isspace()] == [" "]
    assert _windows(windows, [f"Mary{space}Ann"]) == _windows(windows, ["Mary Ann"])
    assert windows.normalize([f"Anne{space}Marie"]) == ["Anne Marie"]


def test_the_ogham_space_mark_a_tab_and_line_breaks_are_no_such_space():
    # U+1680 is a visible stroke of Ogham script, with no decomposition.
    for char in "\u1680\t\u2028\u2029\u180e":
        assert normalize_text(f"a{char}b").strip("ab") in (char, "")


def test_a_sampler_of_mixed_spaces_never_writes_an_invisible_one():
    names = ["Mary Ann", "Jean\u00a0Luc", "Anne\u202fMarie", "Ana", "Eva", "Luc"]
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="auto"),
        KneserNeyClassifier(order=3),
    )
    sampler = NameSampler(pipe).fit(names * 5)
    drawn = "".join(sampler.sample(200, random_state=0))
    assert " " in drawn and not set(SPACES) & set(drawn)
    assert sampler.in_training_set(["Jean Luc", "Anne\u2009Marie"]).all()


def test_a_model_whose_only_space_is_a_no_break_space_reads_a_typed_space():
    # The vocabulary of a model trained before (alphabet="auto" learned U+00A0).
    old = ContextWindowTransformer(alphabet="abejlmnrucy\u00a0").fit(["mary ann"])
    assert "\u00a0" in old.vocabulary_ and " " not in old.vocabulary_
    typed = _windows(old, ["Mary Ann"])
    assert typed == _windows(old, ["Mary\u00a0Ann"])
    assert typed == _windows(old, ["Mary\u202fAnn"])
    nbsp = old.vocabulary_.index("\u00a0")
    assert typed[1][4] == nbsp  # the fifth symbol of "mary ann": the model's space
    ids, lengths, _ = old.encode_prefix_list(["Mary "])
    assert ids[-1] == nbsp and lengths.tolist() == [5]


def test_a_sampler_whose_only_space_is_a_no_break_space_knows_its_names():
    # Its names hold U+00A0 as it was trained: exclude and in_training_set
    # compare a typed name, whatever its space, with them.
    names = ["mary ann", "mary jo", "ann marie", "jo ann"] * 5
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="abeijmnory\u00a0"),
        KneserNeyClassifier(order=3),
    )
    sampler = NameSampler(pipe).fit(names)
    windows = sampler.estimator_[0]
    assert windows.normalize(["Mary Ann"]) == ["mary\u00a0ann"]
    assert sampler.in_training_set(["Mary Ann", "Mary\u202fJo"]).all()
    drawn = sampler.sample(50, random_state=0)
    assert "mary\u00a0ann" in drawn
    typed = ["Mary Ann", "Jo\u00a0Ann"]
    left = sampler.sample(50, random_state=0, exclude=typed, max_rounds=50)
    assert not {"mary\u00a0ann", "jo\u00a0ann"} & set(left)


def test_a_model_of_several_spaces_keeps_them_apart_as_trained():
    # Given so, or learned before spaces were one letter: read as it was trained.
    several = ContextWindowTransformer(alphabet="ab \u00a0\u202f").fit(["ab"])
    read = [_windows(several, [f"a{s}b"])[1] for s in " \u00a0\u202f"]
    assert read[0] != read[1] != read[2] != read[0]
    assert several.normalize(["A\u00a0b"]) == ["a\u00a0b"]
    unknown = "\u2009"  # a space the alphabet does not hold
    with pytest.raises(ValueError, match=r"THIN SPACE"):
        several.transform([f"a{unknown}b"])


def test_a_model_without_a_space_names_it_and_offers_no_accent_folding():
    windows = ContextWindowTransformer().fit(["mary"])  # a-z
    with pytest.raises(ValueError) as caught:
        windows.transform(["Mary\u00a0Ann"])
    message = str(caught.value)
    assert "[' '] in names[0]='Mary\\xa0Ann'" in message
    assert "strip_accents" not in message and "compatibility" not in message


# --------------------------------------------- a tab learned into an alphabet
def test_a_tab_learned_as_a_letter_is_told_naming_the_names():
    names = ["Mary\tAnn", "Eva", "Ana\t\t5"]
    for unit in ("char", "grapheme"):
        windows = ContextWindowTransformer(alphabet="auto", unit=unit)
        with pytest.warns(UserWarning, match="2 names hold a tab") as caught:
            windows.fit(names)
        message = str(caught[0].message)
        assert "names[0]='Mary\\tAnn', names[2]='Ana\\t\\t5'" in message
        assert "alphabet='auto'" in message and "\t" in windows.vocabulary_
        assert caught[0].filename == __file__  # it points at the call


def test_no_tab_or_a_given_alphabet_is_learned_without_a_word():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ContextWindowTransformer(alphabet="auto").fit(["Mary Ann", "Eva"])
        ContextWindowTransformer(alphabet="ab\t").fit(["a\tb"])


def test_the_command_line_names_the_lines_with_a_tab(tmp_path, capsys):
    path = tmp_path / "tabs.txt"
    path.write_text("Mary\tAnn\nJean  Luc\nEva\nTom\n", encoding="utf-8")
    argv = ["train", path, "--alphabet", "auto", "--model", "kneser-ney", "-q"]
    assert main([str(arg) for arg in [*argv, "-o", tmp_path / "m.skops"]]) == 0
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: warning: 1 name holds a tab, which ")
    assert f"'Mary\\tAnn' (line 1 of {str(path)!r})" in err
    assert "--alphabet auto learns" in err and "names[" not in err
