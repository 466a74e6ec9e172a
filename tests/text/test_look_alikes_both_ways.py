"""A name typed with the keyboard's ``'`` for a model that learned the curly
``’`` (or the modifier letter ``ʼ``) of a file a word processor wrote: the
message names the model's apostrophe to type, as it names ``'`` the other way
round (tests/files/test_messy_files.py)."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main

CURLY = ["O\u2019Neil", "D\u2019Arcy", "Anna", "Liam", "Emma", "Noah"]


@pytest.mark.parametrize("typed", ["O'Neil", "O\u02bcNeil"], ids=["ascii", "modifier"])
def test_a_typed_apostrophe_names_the_one_the_model_knows(typed):
    windows = ContextWindowTransformer(alphabet="auto", lowercase=False).fit(CURLY)
    with pytest.raises(ValueError, match="outside the vocabulary") as error:
        windows.transform([typed])
    told = f"{typed[1]!r} looks like '\u2019', which the model knows"
    assert told in str(error.value)


def test_the_plain_character_is_named_first_when_the_model_knows_it():
    windows = ContextWindowTransformer(alphabet="auto", lowercase=False)
    windows.fit(CURLY + ["O'Brien"])
    with pytest.raises(ValueError, match="outside the vocabulary") as error:
        windows.transform(["O\u02bcNeil"])
    assert 'looks like "\'", which the model knows' in str(error.value)


def test_a_pattern_with_the_plain_apostrophe_says_what_the_model_writes():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="auto", lowercase=False),
        KneserNeyClassifier(order=3),
    )
    sampler = NameSampler(pipe).fit(CURLY * 3)
    with pytest.raises(ValueError, match="it writes '\u2019' for \"'\""):
        sampler.sample(2, pattern="O'.*", max_rounds=3, random_state=0)


@pytest.mark.slow  # a model trained and saved in a file
def test_score_on_the_command_line_names_the_apostrophe_to_type(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(CURLY) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    common = ["--alphabet", "auto", "--keep-case", "--model", "kneser-ney", "-q"]
    assert main(["train", str(names), *common, "-o", str(model)]) == 0
    capsys.readouterr()
    assert main(["score", str(model), "O'Neil"]) == 1
    err = capsys.readouterr().err
    assert "\"'\" looks like '\u2019', which the model knows: type that instead" in err


DASHED = ["Jean\u2013Luc", "Marie\u2013Anne", "Anna", "Liam", "Emma", "Noah", "Abel"]


def test_the_dash_of_a_range_is_not_taken_for_a_typed_hyphen():
    # [a-b]: its "-" is the pattern's syntax, not a hyphen the model should write.
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="auto", lowercase=False),
        KneserNeyClassifier(order=3),
    )
    sampler = NameSampler(pipe).fit(DASHED * 3)
    with pytest.raises(ValueError, match="matching pattern") as error:
        sampler.sample(5, pattern="[a-b]n[a-b]n[a-b].*", max_rounds=2, random_state=0)
    assert "for '-'" not in str(error.value)
    with pytest.raises(ValueError, match="it writes '\u2013' for '-'"):
        sampler.sample(2, pattern="Jean-.*", max_rounds=2, random_state=0)


def test_a_typed_apostrophe_is_told_the_curly_one_before_the_modifier_letter():
    windows = ContextWindowTransformer(alphabet="auto", lowercase=False)
    windows.fit(CURLY + ["O\u02bcBrien"])  # both ’ and ʼ: ’ is the usual one
    with pytest.raises(ValueError, match="outside the vocabulary") as error:
        windows.transform(["O'Neil"])
    assert "\"'\" looks like '\u2019', which the model knows" in str(error.value)
