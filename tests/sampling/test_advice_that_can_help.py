"""The advice of a sampling request that falls short, followed, helps.

A docs audit followed the advice of three failed requests and failed again
the same way. At ``temperature=0.01`` with the likeliest name in ``exclude``
every draw was that name, which the message did not name; it advised looser
length bounds and a looser pattern, which keep it. The message now names the
name and offers what draws others: a higher temperature, a ``min_length``
above the name's length (it masks the name's end), and more rounds with how
rare other names most likely are (fewer than 3 in the draws made, the rule of
three) while the draws ``sample`` still makes could find one: at
``temperature=0.015`` other names come once in 20,000 draws, and
``max_rounds=1000`` finds one. So does the message of the same name with
``novel=True``. A pattern whose every match needs one of several characters
the model never writes (``(Q|Z).*`` for a model of lowercase names) drew
names until the rounds gave up, then advised more rounds (200 rounds: 138,452
names, none matching); it is refused before any drawing, with what to write
instead.
"""

import pickle
import re

import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._decoding import SamplingControls
from sknextchar._shortfall import ExcludedDraws, shortfall_message
from sknextchar.cli import main

NAMES = [
    "sant", "santosh", "santa", "sanjay", "sanjana", "sunita", "suresh",
    "ramesh", "rakesh", "mahesh", "ganesh", "dinesh", "umesh", "asha",
]  # fmt: skip
USELESS = ("length bounds", "loosen the pattern", "drawn them again")


def count_model(names, **params):
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe, **params).fit(names)


@pytest.fixture(scope="module")
def cold():
    """A count model at a temperature so low that it draws one name."""
    return count_model(NAMES, temperature=0.01)


def pickled(sampler, path):
    """``sampler`` in a pickle file the command line reads (--trust-pickle)."""
    with open(path, "wb") as file:
        pickle.dump(sampler, file)
    return str(path)


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, cold):
    folder = tmp_path_factory.mktemp("advice")
    return folder, pickled(cold, folder / "kn.pkl")


def likeliest(sampler):
    (name,) = sampler.sample(1, random_state=0)
    return name


def rarer_than(message):
    """The words giving the bound on the rate of other names: under 3 in the
    names drawn (the rule of three), from the count the message gives."""
    drawn = int(re.search(r"after drawing ([\d,]+)", message)[1].replace(",", ""))
    return f"most likely come up less than once in {drawn // 3:,} draws"


def longer(name, where="min_length="):
    return (
        f"raise {where.rstrip('= ')} above {len(name)}, the length of {name!r} "
        f"({where}{len(name) + 1}"
    )


# How a name is left out, and the advice of the message that only that one
# can follow.
LEFT_OUT = {
    "exclude": (
        lambda name: {"exclude": [name]},
        ["exclude fewer names (exclude=...)", "allow more rounds (max_rounds=...)"],
    ),
    "novel": (lambda name: {"novel": True}, ["sample without novel=True"]),
}


@pytest.mark.parametrize("way", sorted(LEFT_OUT))
def test_a_likeliest_name_left_out_is_named_with_what_draws_others(cold, way):
    name = likeliest(cold)
    left_out, advice = LEFT_OUT[way][0](name), LEFT_OUT[way][1]
    if way == "novel":
        assert cold.in_training_set([name]).tolist() == [True]
    with pytest.raises(ValueError) as error:
        cold.sample(3, random_state=0, **left_out)
    message = str(error.value)
    assert f"names it rejected were {name!r}, drawn over and over" in message
    assert rarer_than(message) in message, message
    assert not [words for words in USELESS if words in message], message
    assert "Raise the temperature (temperature=...)" in message
    assert longer(name) in message
    assert all(words in message for words in advice), message
    # The advice followed: a higher temperature draws other names.
    hotter = clone(cold).set_params(temperature=1.0).fit(NAMES)
    names = hotter.sample(3, random_state=0, **left_out)
    assert len(names) == 3 and name not in names
    if way == "novel":
        assert not hotter.in_training_set(names).any()


def advised_bounds(message, cli=False):
    """The ``min_length`` and ``max_length`` the message advises, as numbers
    (``--min-length`` and ``--max-length`` with ``cli``)."""
    low, high = (
        ("--min-length ", "--max-length ") if cli else ("min_length=", "max_length=")
    )
    found = re.search(rf"{low}(\d+) and {high}(\d+), or a higher", message)
    assert found, message
    return int(found[1]), int(found[2])


def test_a_min_length_above_the_repeated_name_followed_gives_others(cold):
    name = likeliest(cold)
    with pytest.raises(ValueError) as error:
        cold.sample(3, exclude=[name], random_state=0)
    low, high = advised_bounds(str(error.value))
    assert low == len(name) + 1 < high  # above the default, the longest name
    names = (
        clone(cold)
        .set_params(min_length=low, max_length=high)
        .fit(NAMES)
        .sample(3, exclude=[name], random_state=0)
    )
    assert len(names) == 3 and all(len(each) > len(name) for each in names), names


@pytest.mark.parametrize("pattern", ["san.a", "sant.?", "[a-z]{4,5}"])
def test_no_min_length_is_offered_when_the_pattern_allows_no_longer_name(cold, pattern):
    name = likeliest(cold)  # 'santa': every match has at most 5 letters
    with pytest.raises(ValueError) as error:
        cold.sample(1, exclude=[name], pattern=pattern, random_state=0)
    message = str(error.value)
    assert f"were {name!r}, drawn over and over" in message, message
    assert "min_length" not in message.split("drawn over and over")[1], message
    assert "Raise the temperature (temperature=...)" in message
    # Such a min_length, followed, is refused: the pattern allows no such name.
    longer_bound = clone(cold).set_params(min_length=len(name) + 1, max_length=12)
    with pytest.raises(ValueError, match="lower min_length"):
        longer_bound.fit(NAMES).sample(1, exclude=[name], pattern=pattern)


def test_a_pattern_that_allows_longer_names_keeps_the_min_length(cold):
    name = likeliest(cold)
    with pytest.raises(ValueError) as error:
        cold.sample(1, exclude=[name], pattern="san.{2,9}", random_state=0)
    low, high = advised_bounds(str(error.value))
    names = (
        clone(cold)
        .set_params(min_length=low, max_length=high)
        .fit(NAMES)
        .sample(1, exclude=[name], pattern="san.{2,9}", random_state=0)
    )
    assert len(names[0]) > len(name) and names[0].startswith("san"), names


@pytest.fixture(scope="module")
def longest_drawn():
    """A model whose likeliest name, 'santosh', is as long as its longest
    training name: the default max_length leaves no longer name."""
    sampler = count_model([*NAMES, *["santosh"] * 10], temperature=0.01)
    assert likeliest(sampler) == "santosh"
    return sampler


def test_a_name_at_max_length_is_advised_a_min_length_and_a_max_length_above_it(
    longest_drawn,
):
    with pytest.raises(ValueError) as error:
        longest_drawn.sample(1, exclude=["santosh"], random_state=0)
    message = str(error.value)
    assert longer("santosh") in message, message
    low, high = advised_bounds(message)
    assert low == 8 and high > 8 and "max_length=7," in message  # the default
    names = (
        clone(longest_drawn)
        .set_params(min_length=low, max_length=high)
        .fit([*NAMES, *["santosh"] * 10])
        .sample(3, exclude=["santosh"], random_state=0)
    )
    assert len(names) == 3 and all(len(each) > 7 for each in names), names


def test_the_command_line_advice_of_a_name_at_max_length_followed_works(
    tmp_path, longest_drawn, capsys
):
    model = pickled(longest_drawn, tmp_path / "kn.pkl")
    excluded = tmp_path / "exclude.txt"
    excluded.write_text("santosh\n", encoding="utf-8")
    argv = ["sample", model, "--trust-pickle", "-n", "3", "--seed", "0"]
    argv += ["--exclude-file", str(excluded)]
    capsys.readouterr()
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert longer("santosh", "--min-length ") in err and "Traceback" not in err
    low, high = advised_bounds(err, cli=True)
    bounds = ["--min-length", str(low), "--max-length", str(high)]
    assert main([*argv, *bounds]) == 0  # the advice followed
    names = capsys.readouterr().out.split()
    assert len(names) == 3 and all(len(each) > 7 for each in names), names


def test_more_rounds_are_offered_and_find_a_rare_other_name():
    # At 0.015 other names come about once in 20,000 draws: max_rounds=20
    # draws 1,502 names, all the likeliest; max_rounds=1000 finds another.
    warm = count_model(NAMES, temperature=0.015)
    name = likeliest(warm)
    with pytest.raises(ValueError) as error:
        warm.sample(1, exclude=[name], random_state=0)
    message = str(error.value)
    assert "allow more rounds (max_rounds=...)" in message, message
    assert rarer_than(message) in message
    (other,) = warm.sample(1, exclude=[name], random_state=0, max_rounds=1000)
    assert other != name


def repeated_message(drawn, limit, max_length=20, stopped=None, name="sant"):
    """The message when every one of ``drawn`` draws was the excluded ``name``."""
    tally = ExcludedDraws()
    tally.add([name] * drawn)
    controls = SamplingControls(temperature=0.01, max_length=max_length)
    return shortfall_message(
        0, 3, drawn, False, {name}, controls, [], excluded=tally, limit=limit,
        stopped=stopped,
    )  # fmt: skip


def test_more_rounds_are_offered_only_while_the_draws_left_could_find_others():
    # Below 3 others in 1,000 draws: 3,000 draws more may well find one.
    assert "allow more rounds" in repeated_message(1_000, limit=4_000)
    message = repeated_message(1_000, limit=1_300)  # 300 draws left before the stop
    assert "so more rounds would draw them again" in message, message
    assert "max_rounds" not in message and "once in" not in message


def test_the_stopped_early_sentence_is_kept_when_drawing_stopped_early():
    stopped = (18, 18 * 1_027, 0)
    message = repeated_message(1_000, limit=10**6, stopped=stopped)
    assert message.endswith(
        "allow more rounds (max_rounds=...). Drawing stopped early: the 18 rounds "
        "left of max_rounds can draw at most 18,486 names more, which would give "
        "at most about 0 of the 3 names still missing even at a rate several "
        "times the one measured."
    ), message
    assert message.count(". Drawing stopped early") == 1
    assert repeated_message(1_000, limit=10**6).endswith("(max_rounds=...).")


def test_a_max_length_above_the_min_length_is_named_when_needed():
    # max_length (the longest training name when None) can be raised to 1,000.
    for max_length in (4, 5):
        message = repeated_message(1_000, limit=None, max_length=max_length)
        assert longer("sant") in message, message
        low, high = advised_bounds(message)
        assert low == 5 and high > max(low, max_length)
    roomy = repeated_message(1_000, limit=None, max_length=20)
    assert f"{longer('sant')}, and a higher max_length=..." in roomy, roomy


def test_no_min_length_is_offered_above_the_longest_name_allowed():
    for name in ("a" * 999, "a" * 1_000):
        message = repeated_message(1_000, limit=None, max_length=1_000, name=name)
        assert ("raise min_length" in message) == (len(name) < 1_000), message
        assert "Raise the temperature (temperature=...)" in message
        assert "max_length=1001" not in message and "a higher max_length" not in message


def test_a_few_excluded_names_among_others_leave_the_usual_advice(cold):
    # Some draws are names exclude does not hold: more rounds may help.
    name = likeliest(cold)
    warmer = clone(cold).set_params(temperature=0.3).fit(NAMES)
    with pytest.raises(ValueError) as error:
        warmer.sample(50, exclude=[name], max_rounds=1, random_state=0)
    message = str(error.value)
    assert "allow more rounds (max_rounds=...)" in message, message
    assert "loosen the length bounds" in message
    assert "once in" not in message and "would draw them again" not in message


def test_the_command_line_names_the_excluded_name_and_the_flags(
    model_file, cold, capsys
):
    folder, model = model_file
    name = likeliest(cold)  # the same model, at the same temperature
    argv = ["sample", model, "--trust-pickle", "-n", "3", "--seed", "0"]
    excluded = folder / "exclude.txt"
    excluded.write_text(name + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main([*argv, "--exclude-file", str(excluded)]) == 1
    err = capsys.readouterr().err
    assert f"were {name!r}, drawn over and over" in err and "Traceback" not in err
    assert "Raise the temperature (--temperature ...)" in err, err
    assert longer(name, "--min-length ") in err
    assert "allow more rounds (--max-rounds ...)" in err
    assert "--min-length ...," not in err  # no looser length bounds


def test_the_command_line_advice_followed_gives_other_names(model_file, cold, capsys):
    folder, model = model_file
    name = likeliest(cold)
    argv = ["sample", model, "--trust-pickle", "-n", "3", "--seed", "0"]
    excluded = folder / "exclude.txt"
    excluded.write_text(name + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main([*argv, "--temperature", "1", "--exclude-file", str(excluded)]) == 0
    assert name not in capsys.readouterr().out.split()
    assert main([*argv, "--exclude-file", str(excluded)]) == 1
    low, high = advised_bounds(capsys.readouterr().err, cli=True)
    bounds = ["--min-length", str(low), "--max-length", str(high)]
    assert main([*argv, *bounds, "--exclude-file", str(excluded)]) == 0
    assert all(len(each) > len(name) for each in capsys.readouterr().out.split())


def test_the_command_line_with_novel_names_the_flags(model_file, capsys):
    _, model = model_file
    capsys.readouterr()
    cold = ["sample", model, "--trust-pickle", "-n", "3", "--seed", "0", "--novel"]
    assert main(cold) == 1
    err = capsys.readouterr().err
    assert "drawn over and over" in err and "Traceback" not in err
    assert "Raise the temperature (--temperature ...)" in err, err
    assert "--min-length ...," not in err
    assert main([*cold, "--temperature", "1"]) == 0  # the advice followed


@pytest.fixture(scope="module")
def zed():
    """A model of lowercase names, some of which start with z."""
    return count_model([*NAMES, "zoya", "zara", "zubin"])


@pytest.mark.usefixtures("no_drawing")
@pytest.mark.parametrize(
    "pattern, held",
    [
        ("(Q|Z).*", "'Q' or 'Z'"),
        ("[QZ].*", "'Q' or 'Z'"),
        ("a(X|Y)|Z", "'X', 'Y', or 'Z'"),
        ("(?=.*[A-F]).*", "'A', 'B', 'C', 'D', 'E', or 'F'"),
        ("(?=.*[A-G]).*", "'A', 'B', 'C', 'D', 'E', or one of 2 others"),
    ],
)
def test_a_pattern_whose_matches_each_need_an_unwritten_letter_is_refused(
    zed, pattern, held
):
    with pytest.raises(ValueError) as error:
        zed.sample(3, pattern=pattern, random_state=0)
    message = str(error.value)
    assert message.startswith(
        f"pattern={pattern!r} matches only names that hold {held}, which the "
        "model never writes (it writes names in lowercase"
    ), message
    assert "start it with (?i) to ignore case" in message
    assert "max_rounds" not in message


def test_the_advice_for_such_a_pattern_followed_gives_names(zed):
    for pattern in ("(q|z).*", "(?i)(Q|Z).*"):  # in lowercase, or any case
        names = zed.sample(3, pattern=pattern, random_state=0)
        assert len(names) == 3 and all(name[0] in "qz" for name in names), names


def test_digits_the_model_never_writes_are_refused_at_once(zed):
    with pytest.raises(ValueError) as error:
        zed.sample(3, pattern="[0-9]+", random_state=0)
    message = str(error.value)
    assert "hold '0', '1', '2', '3', '4', or one of 5 others, which" in message
    assert "train a model on names that hold them" in message
    assert "Could only generate" not in message  # nothing was drawn


def test_the_command_line_refuses_such_a_pattern_in_its_flags(tmp_path, zed, capsys):
    model = pickled(zed, tmp_path / "zed.pkl")
    capsys.readouterr()
    sample = ["sample", model, "--trust-pickle", "-n", "3", "--seed", "0", "--pattern"]
    assert main([*sample, "(Q|Z).*"]) == 1
    err = capsys.readouterr().err
    assert "--pattern '(Q|Z).*' matches only names that hold 'Q' or 'Z'" in err, err
    assert "--max-rounds" not in err and "Traceback" not in err
    assert main([*sample, "(?i)(Q|Z).*"]) == 0  # the advice followed
    assert all(name[0] == "z" for name in capsys.readouterr().out.split())
