"""A pattern with accents, for a model that folds them (strip_accents)."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler

NAMES = ["josé", "joséphine", "renée", "zoë", "chloé"] * 3


def _sampler(**transformer):
    pipe = make_pipeline(ContextWindowTransformer(**transformer), KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


def test_a_pattern_with_accents_is_told_to_drop_them():
    sampler = _sampler(strip_accents="unicode")
    assert sampler.sample(2, prefix="jé", random_state=0)  # a prefix is folded
    with pytest.raises(ValueError, match="pattern=") as info:
        sampler.sample(2, pattern="jé.*", random_state=0)
    message = str(info.value)
    assert "without accents, folded by strip_accents" in message
    assert "write the pattern without accents (pattern='je.*')" in message
    assert "train a model on names that hold" not in message
    assert sampler.sample(2, pattern="je.*", random_state=0)  # as advised


def test_capitals_and_accents_are_both_named():
    with pytest.raises(ValueError, match="in lowercase and without accents"):
        _sampler(strip_accents="unicode").sample(2, pattern="Jé.*", random_state=0)


@pytest.mark.parametrize(
    ("pattern", "advised"), [("Jé.*", "(?i)Je.*"), ("Jé\\W?.*", "(?i)Je\\W?.*")]
)
def test_the_pattern_advised_for_capitals_and_accents_is_one_that_works(
    pattern, advised
):
    # It was the pattern without accents, its capital kept ('Je.*': refused
    # in turn), with "in lowercase" after it; lowercasing \W would make it \w.
    sampler = _sampler(strip_accents="unicode")
    with pytest.raises(ValueError) as info:
        sampler.sample(2, pattern=pattern, random_state=0)
    assert (
        "write the pattern without accents and in lowercase, or without accents "
        f"and starting with (?i), which ignores case (pattern={advised!r})."
    ) in str(info.value)
    assert sampler.sample(2, pattern=advised, random_state=0)  # as advised


@pytest.mark.parametrize("pattern", ["(?i)Jé.*", "(?i)JÉ.*"])
def test_a_pattern_that_ignores_case_is_told_to_drop_its_accents(pattern):
    # It drew names until the rounds gave up, and advised more rounds.
    sampler = _sampler(strip_accents="unicode")
    with pytest.raises(ValueError) as info:
        sampler.sample(2, pattern=pattern, random_state=0)
    advised = pattern.replace("é", "e").replace("É", "E")
    assert f"write the pattern without accents (pattern={advised!r})." in str(
        info.value
    )
    assert sampler.sample(2, pattern=advised, random_state=0)  # as advised


def test_a_model_that_writes_accents_is_not_told_it_folds_them():
    with pytest.raises(ValueError, match="train a model on names that hold") as info:
        _sampler(alphabet="auto").sample(2, pattern=".*ñ.*", random_state=0)
    assert "without accents" not in str(info.value)


@pytest.mark.parametrize("repeat", [10, 40])  # 120 and 390 characters
def test_the_pattern_advised_is_given_whole_to_copy(repeat):
    # It was cut after 60 characters, "...": no pattern to copy.
    pattern = "jé" + "(?:ab|ra)?" * repeat
    with pytest.raises(ValueError, match="pattern=") as info:
        _sampler(strip_accents="unicode").sample(2, pattern=pattern, random_state=0)
    advised = "je" + "(?:ab|ra)?" * repeat
    assert f"write the pattern without accents (pattern={advised!r})" in str(info.value)


def test_the_command_line_quotes_the_pattern_advised_as_the_one_typed(tmp_path, capsys):
    # The advice was a Python repr, its backslash doubled ('je\\w*'), after
    # the pattern typed quoted for the shell (--pattern 'jé\w*').
    from sknextchar import save_model
    from sknextchar.cli import main

    model = str(tmp_path / "m.skops")
    save_model(_sampler(strip_accents="unicode"), model)
    assert main(["sample", model, "--pattern", "jé\\w*"]) == 1
    err = capsys.readouterr().err
    assert "--pattern 'jé\\w*' matches only names that hold 'é'" in err, err
    assert "write the pattern without accents (--pattern 'je\\w*')" in err, err
    assert "\\\\" not in err and "pattern=" not in err
    assert main(["sample", model, "--pattern", "Jé\\w*"]) == 1
    err = capsys.readouterr().err
    assert "starting with (?i), which ignores case (--pattern '(?i)Je\\w*')." in err
    assert main(["sample", model, "-n", "2", "--pattern", "(?i)Je\\w*"]) == 0


def test_a_pattern_too_long_to_advise_is_told_how_to_write():
    pattern = "jé" + "(?:ab|ra)?" * 300  # 3,002 characters
    with pytest.raises(ValueError, match="pattern=") as info:
        _sampler(strip_accents="unicode").sample(2, pattern=pattern, random_state=0)
    message = str(info.value)
    assert (
        "write the pattern without accents: each accented letter of the pattern "
        "as its plain letter ('é' as 'e'; its 3,002 characters are too many to show)"
    ) in message
    assert len(message) < 1_000
