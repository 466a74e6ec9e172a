"""Letters spelled the old way, joiners and selectors of models saved before.

A Malayalam chillu (ൻ) or the Bengali khanda ta (ৎ) typed as a consonant, the
virama and a zero-width joiner is the letter; a model saved before reads names
as it was trained; a hand-given alphabet and the names agree on what a symbol is.
"""

import unicodedata

import pytest
import regex
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    _text,
    load_model,
    save_model,
)
from sknextchar._pipeline import name_keys, reading_groups
from sknextchar._text import OLD_SPELLINGS, normalize_text
from sknextchar.cli import main

ZWJ = "\u200d"
AVAN_OLD, AVAN = "അവന്" + ZWJ, "അവൻ"  # "he"; അവന് (no joiner) is "to him"
NAMES = [AVAN_OLD, "കമല്" + ZWJ + "രാജ്", "വിമല", "বিদ্যুত্" + ZWJ, "অমল"]


def sampler_of(names, **params):
    transformer = ContextWindowTransformer(alphabet="auto", **params)
    return NameSampler(make_pipeline(transformer, KneserNeyClassifier())).fit(names)


@pytest.mark.parametrize("spelling", sorted(OLD_SPELLINGS))
def test_each_old_spelling_is_its_letter_where_it_stands(spelling):
    letter = OLD_SPELLINGS[spelling]
    assert "CHILLU" in unicodedata.name(letter) or "KHANDA" in unicodedata.name(letter)
    for before, after in [("അ", ""), ("അ", "റെ"), ("അ", " രാജ്"), ("അ", "-രാജ്")]:
        name = before + spelling + after
        assert normalize_text(name) == before + letter + after
    assert normalize_text("അ" + spelling, prefix=True) == "അ" + letter


def test_the_joiner_at_the_end_no_longer_changes_the_letter():
    assert normalize_text(AVAN_OLD) == AVAN != normalize_text("അവന്")
    assert normalize_text("বিদ্যুত্" + ZWJ) == "বিদ্যুৎ"
    # Other joiners after a virama are kept between letters, as before.
    assert normalize_text("क्" + ZWJ + "ष") == "क्" + ZWJ + "ष"


@pytest.mark.parametrize("unit", ["grapheme", "char"])
def test_a_model_learns_one_letter_of_both_spellings(unit):
    sampler = sampler_of(NAMES, unit=unit)
    assert not any(ZWJ in symbol for symbol in sampler.vocabulary_)
    assert {"ൻ", "ൽ", "ৎ"} <= set(sampler.vocabulary_)
    assert sampler.in_training_set([AVAN, AVAN_OLD, "കമൽരാജ്"]).all()
    drawn = sampler.sample(300, random_state=0, exclude=[AVAN_OLD])
    assert AVAN in sampler.sample(300, random_state=0) and AVAN not in drawn


def fitted_before(monkeypatch, names, **params):
    """A sampler fitted and saved as before this rule: the old spellings kept,
    the joiners and selectors after Latin letters too (as before that rule)."""
    with monkeypatch.context() as patch:
        patch.setattr(_text, "OLD_SPELLINGS", {})
        patch.setattr(_text, "_idle_marks_pattern", lambda: regex.compile("(?!)"))
        sampler = sampler_of(names, **params)
        transformer = sampler.estimator_[0]
        del transformer.__dict__["_spells_old_letters"]  # no such record then
        then = (transformer.normalize(names), sampler.score(names))
    return sampler, then


@pytest.mark.parametrize("unit", ["grapheme", "char"])
def test_a_saved_model_reads_old_spellings_as_it_was_trained(
    monkeypatch, tmp_path, unit
):
    sampler, (read, score) = fitted_before(monkeypatch, NAMES, unit=unit)
    assert read[0] == "അവന്"  # the joiner went: the letter was lost then
    save_model(sampler, tmp_path / "old.skops")
    old = load_model(tmp_path / "old.skops")
    assert old.estimator_[0].normalize(NAMES) == read
    assert old.score(NAMES) == pytest.approx(score)
    assert old.in_training_set(NAMES).all()
    assert "അവന്" in old.sample(300, random_state=1)
    assert "അവന്" not in old.sample(300, random_state=1, exclude=[AVAN_OLD])


@pytest.mark.parametrize("unit", ["grapheme", "char"])
def test_a_saved_model_reads_its_idle_selectors_as_it_was_trained(
    monkeypatch, tmp_path, unit
):
    names = ["Lily\ufe0f", "Ma\u200dria", "Lola", "Mila", "Marina", "Anna"]
    sampler, (read, score) = fitted_before(monkeypatch, names, unit=unit)
    assert "\ufe0f" in "".join(sampler.vocabulary_)
    save_model(sampler, tmp_path / "old.skops")
    old = load_model(tmp_path / "old.skops")
    assert old.estimator_[0].normalize(names) == read == [
        "lily\ufe0f", "ma\u200dria", "lola", "mila", "marina", "anna",
    ]  # fmt: skip
    assert old.score(names) == pytest.approx(score)
    assert old.in_training_set(names).all()
    assert "lily\ufe0f" not in old.sample(300, random_state=1, exclude=names)


def test_a_new_model_of_code_points_with_an_emoji_still_drops_idle_selectors():
    # Its vocabulary holds the emoji's selector alone, as an old one could.
    names = ["\u2764\ufe0fLily", "Lily\ufe0f", "Lola"]
    sampler = sampler_of(names, unit="char")
    assert "\ufe0f" in sampler.vocabulary_
    assert sampler.estimator_[0].normalize(["Lily\ufe0f"]) == ["lily"]
    assert sampler.in_training_set(["Lily", "Lily\ufe0f"]).all()


def test_a_string_alphabet_of_graphemes_with_a_selector_reads_it_in_names():
    # "y\ufe0f" is one symbol of this alphabet: names keep the selector.
    transformer = ContextWindowTransformer(1, alphabet="liy\ufe0f", unit="grapheme")
    transformer.fit(["Lily\ufe0f"])
    assert transformer.vocabulary_ == ("-", "i", "l", "y\ufe0f")
    assert transformer.normalize(["Lily\ufe0f"]) == ["lily\ufe0f"]
    with pytest.raises(ValueError, match=r"outside the vocabulary \['y'\]"):
        transformer.transform(["Lily"])


def test_the_cli_trains_on_an_alphabet_with_a_selector_and_scores_it(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("Lily\ufe0f\nLoly\ufe0f\nIly\ufe0f\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    flags = ["--model", "kneser-ney", "-q", "--unit", "grapheme"]
    args = ["train", str(path), *flags, "--alphabet", "lioy\ufe0f", "-o", model]
    assert main(args) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["score", model, "Lily\ufe0f"]) == 0, capsys.readouterr().err
    assert "lily\ufe0f" in capsys.readouterr().out.lower()


# An unfitted transformer reads a name as its fit will learn it, so that the
# hold-out groups of a classifier of names keep the two spellings together.
def test_an_unfitted_transformer_reads_old_spellings_as_a_fit_does():
    transformer = ContextWindowTransformer(alphabet="auto")
    assert transformer.normalize([AVAN_OLD, AVAN]) == [AVAN, AVAN]
    assert transformer.fit([AVAN_OLD]).normalize([AVAN_OLD]) == [AVAN]


@pytest.mark.parametrize("lowercase", [True, False])
def test_name_keys_and_reading_groups_join_both_spellings(lowercase):
    transformer = ContextWindowTransformer(alphabet="auto", lowercase=lowercase)
    keys = name_keys(transformer, [AVAN_OLD, AVAN, "Asha"])
    assert keys[0] == keys[1] != keys[2]
    pipe = make_pipeline(transformer, KneserNeyClassifier())
    names = [AVAN_OLD, AVAN, "Asha", "asha"]
    assert reading_groups([pipe], names).tolist() == [
        AVAN_OLD,
        AVAN_OLD,
        "Asha",
        "Asha",
    ]


# An alphabet given by hand and the names agree on what a letter spelled the
# old way is: one symbol of user-perceived characters is its letter; code
# points that spell it (the consonant, the virama, the joiner) keep it so.
@pytest.mark.parametrize("alphabet", ["അവന്" + ZWJ, ["അ", "വ", "ന്" + ZWJ]])
def test_an_alphabet_of_graphemes_spelling_a_chillu_the_old_way_is_read_so(alphabet):
    transformer = ContextWindowTransformer(1, alphabet=alphabet, unit="grapheme")
    assert transformer.fit([AVAN_OLD]).vocabulary_ == ("-", "അ", "വ", "ൻ")
    assert transformer.normalize([AVAN_OLD, AVAN]) == [AVAN, AVAN]


def test_an_alphabet_of_code_points_spelling_a_chillu_the_old_way_keeps_it(tmp_path):
    name = "കമല്" + ZWJ + "രാജ്"
    transformer = ContextWindowTransformer(1, alphabet="കമലരാജ്" + ZWJ, unit="char")
    sampler = NameSampler(make_pipeline(transformer, KneserNeyClassifier()))
    sampler.fit([name, "കമല"])
    assert ContextWindowTransformer(alphabet="കമലരാജ്" + ZWJ, unit="char").normalize(
        [name]
    ) == [name]  # unfitted, as its fit reads it
    assert sampler.estimator_[0].normalize([name]) == [name]
    save_model(sampler, tmp_path / "m.skops")
    assert load_model(tmp_path / "m.skops").in_training_set([name]).all()
    # Without the joiner the alphabet cannot spell it: the letter is unknown.
    plain = ContextWindowTransformer(1, alphabet="കമലരാജ്", unit="char")
    with pytest.raises(ValueError, match="outside the vocabulary"):
        plain.fit([name])


# A model of code points that main saved after the idle-mark rule and before
# this one cannot be told from an older one (no record tells them apart): the
# selector it learned from an emoji keeps the one after "y" too, a documented
# limit, while a model fitted now reads the name as trained.
def test_a_code_point_model_main_saved_with_an_emoji_keeps_a_selector(tmp_path):
    names = ["\u2764\ufe0fLily", "Lily\ufe0f", "Lola", "Mila"]
    sampler = sampler_of(names, unit="char")
    assert sampler.estimator_[0].normalize(["Lily\ufe0f"]) == ["lily"]
    del sampler.estimator_[0].__dict__["_spells_old_letters"]  # as main saves it
    save_model(sampler, tmp_path / "main.skops")
    loaded = load_model(tmp_path / "main.skops")
    assert loaded.estimator_[0].normalize(["Lily\ufe0f"]) == ["lily\ufe0f"]
    assert not loaded.in_training_set(["Lily\ufe0f"]).any()
    assert loaded.in_training_set(["Lily", "\u2764\ufe0fLily"]).all()
