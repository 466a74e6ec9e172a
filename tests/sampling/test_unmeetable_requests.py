"""Requests that no name can meet are refused before any name is drawn.

A QA pass found that a prefix no match of the pattern starts with, a pattern
longer than ``max_length`` and ``match_lengths`` with bounds that leave out every
training length drew names until the rounds gave up, then advised raising the
temperature. Each is now refused at once, with the two settings that conflict;
requests that can be met are not refused, however the pattern is written.
"""

import copy

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
    save_model,
)
from sknextchar._decoding import SamplingControls
from sknextchar._name_filter import check_meetable, pattern_width
from sknextchar.cli import main

# 4 to 6 letters.
NAMES = [
    "abid", "asha", "arun", "amit", "anita", "aditi", "bina", "deepa", "divya",
    "kavita", "mohan", "sita", "vijay", "zoya",
]  # fmt: skip


def kneser_ney_pipe():
    return make_pipeline(ContextWindowTransformer(2), KneserNeyClassifier())


@pytest.fixture(scope="module")
def fitted_sampler():
    return NameSampler(kneser_ney_pipe()).fit(NAMES)


@pytest.fixture
def sampler(fitted_sampler):  # a model the command line loads
    # A copy for each test: tests set parameters on it (fitted once per module).
    return copy.deepcopy(fitted_sampler)


@pytest.mark.usefixtures("no_drawing")
@pytest.mark.parametrize(
    "params, kwargs, match",
    [
        ({}, {"prefix": "ab", "pattern": "x.*"},
         r"pattern='x\.\*' matches whole names, prefix included, and no name that "
         r"starts with the prefix 'ab' can match it: change the prefix"),
        # The prefix as the model spells it (lowercased), named in the message.
        ({}, {"prefix": "AB", "pattern": "AB.*"},
         r"the prefix 'ab' can match it \(it names 'A', 'B', which the model never "
         r"writes: it writes names in lowercase\)"),
        ({"max_length": 10}, {"pattern": "[xyz]{12}"},
         r"pattern='\[xyz\]\{12\}' matches only names of 12 letters, but "
         r"min_length=4 and max_length=10 allow names of 4 to 10 letters: raise "
         r"max_length to 12 or more, or change the pattern"),
        ({}, {"pattern": "a(b|c){0,2}"},  # 1 to 3 letters; min_length is 4
         r"matches only names of 1 to 3 letters, but min_length=4 and "
         r"max_length=6 allow names of 4 to 6 letters: lower min_length to 3"),
        ({"max_length": 3}, {"match_lengths": True},
         r"match_lengths=True keeps names of the lengths some training name has "
         r"\(from 4 to 6 letters\), and no training name has 3 letters, the lengths "
         r"that min_length=3 and max_length=3 allow: leave out match_lengths=True, "
         r"or raise max_length to 4 or more"),
        ({"min_length": 8, "max_length": 9}, {"match_lengths": True},
         r"no training name has 8 to 9 letters.*lower min_length to 6 or less"),
        ({"max_length": 10}, {"match_lengths": True, "prefix": "abcdefg"},
         r"no training name has 7 to 10 letters, the lengths that min_length=4 and "
         r"max_length=10 with the prefix 'abcdefg' of 7 letters allow: .*shorten "
         r"the prefix"),
        ({"max_length": 10}, {"match_lengths": True, "pattern": "[a-z]{8}.*"},
         r"pattern='\[a-z\]\{8\}\.\*' matches only names of at least 8 letters, and "
         r"match_lengths=True keeps names of the lengths some training name has "
         r"\(from 4 to 6 letters\); within min_length=4 and max_length=10, no name "
         r"can meet both"),
        # No array of every length allowed.
        ({"max_length": 1000}, {"match_lengths": True, "pattern": "[a-z]{8}.*"},
         r"\(from 4 to 6 letters\); within min_length=4 and max_length=1000,"),
    ],
)  # fmt: skip
@pytest.mark.filterwarnings("ignore:The prefix .* has capitals:UserWarning")  # "AB"
def test_a_request_no_name_can_meet_is_refused_before_drawing(
    sampler, params, kwargs, match
):
    with pytest.raises(ValueError, match=match):
        sampler.set_params(**params).sample(3, random_state=0, **kwargs)


@pytest.mark.parametrize(
    "params, kwargs, check",
    [
        ({}, {"prefix": "AB", "pattern": "(?i)ab.*"}, lambda n: n.startswith("ab")),
        ({"max_length": 6}, {"pattern": "[a-z]{6}"}, lambda n: len(n) == 6),
        ({}, {"prefix": "a", "pattern": "(a|x{9})..."}, lambda n: len(n) == 4),
        ({"max_length": 4}, {"match_lengths": True}, lambda n: len(n) == 4),
        ({"max_length": 9}, {"match_lengths": True, "pattern": ".{5,}"},
         lambda n: len(n) in (5, 6)),
    ],
)  # fmt: skip
@pytest.mark.filterwarnings("ignore:The prefix .* has capitals:UserWarning")  # "AB"
def test_a_request_that_can_be_met_just_is_not_refused(sampler, params, kwargs, check):
    names = sampler.set_params(**params).sample(5, random_state=0, **kwargs)
    assert len(names) == 5 and all(map(check, names)), names


def test_match_lengths_with_a_label_follows_that_labels_lengths():
    short, long = ["abc", "bad", "cab", "dace"], ["fghijfghi", "ghijfghij"]
    pipe = make_pipeline(
        ContextWindowTransformer(2), PerLabelClassifier(KneserNeyClassifier())
    )
    sampler = NameSampler(pipe).fit(short + long, ["s"] * 4 + ["l"] * 2)
    request = {"match_lengths": True, "pattern": ".{9}", "random_state": 0}
    assert len(sampler.sample(2, label="l", **request)) == 2
    with pytest.raises(ValueError, match=r"\(from 3 to 4 letters\).*meet both"):
        sampler.sample(2, label="s", **request)


@pytest.mark.usefixtures("no_drawing")
@pytest.mark.parametrize(
    "pattern, missing, fix",
    [
        # Found by a QA pass: letters the model never writes drew names until
        # the rounds gave up, then advised raising the temperature.
        ("^x*Q+$", "'Q'", "it writes names in lowercase; its vocabulary is"),
        ("(xQ|Qy)z?", "'Q'", "start it with (?i) to ignore case"),
        ("a(?=.*7)b.*", "'7'", "train a model on names that hold it"),
        (r"ab\.c", "'.'", "train a model on names that hold it"),
    ],
)
def test_a_pattern_that_needs_a_letter_the_model_never_writes_is_refused(
    sampler, pattern, missing, fix
):
    with pytest.raises(ValueError) as error:
        sampler.sample(3, pattern=pattern, random_state=0)
    message = str(error.value)
    assert message.startswith(
        f"pattern={pattern!r} matches only names that hold {missing}, which the "
        "model never writes"
    ), message
    assert repr("".join(sampler.vocabulary_[1:])) in message and fix in message


@pytest.mark.parametrize(
    "pattern",
    # Letters it never writes that a match may leave out, or may match in
    # another case: only drawing can tell.
    ["(?i)A.*", "(a|Q)b", "Q?ab", "Q{0}ab", "[^Q]b", "(?!Q)ab", "(a)(?(1)b|Q)",
     "a(?i:B)", "[QZ]?ab"],
)  # fmt: skip
def test_a_letter_the_model_never_writes_that_a_match_may_miss_is_allowed(pattern):
    check_meetable(pattern, np.array([], np.intp), ("-", "a", "b"), controls(5))


def test_a_model_that_writes_capitals_is_not_said_to_write_lowercase():
    vocabulary, none = ("-", "A", "a", "q"), np.array([], np.intp)
    with pytest.raises(
        ValueError,
        match=r"'Q', which the model never writes \(it writes 'q' for 'Q'; its ",
    ):
        check_meetable("aQ", none, vocabulary, controls(5))
    # The message of a prefix that no match starts with ('A' against 'q').
    with pytest.raises(ValueError, match=r"'Q', which the model never writes\)"):
        check_meetable("qQ.*", np.array([1]), vocabulary, controls(5))


def controls(max_length):
    return SamplingControls(min_length=1, max_length=max_length)


@pytest.mark.parametrize(
    "vocabulary, prefix, pattern, max_length",
    [
        # re ignores case pairing i with dotless ı; the regex package does not.
        (("-", "a", "ı"), "ı", "(?i)i.*", 5),
        # re's \w has '²' (a digit); the regex package's does not.
        (("-", "a", "²"), "²", r"\w+", 5),
        # re reads '[[:alpha:]' as a set of '[', ':', 'a'...; regex '[[:alpha:]]'
        # as a POSIX class.
        (("-", "]", "p"), "p]", "[[:alpha:]]", 5),
        # A Greek model that learned σ for ς writes ς at a word's end, so
        # the prefix "ασ α" starts the name "ας α...".
        (("-", " ", "α", "σ"), "ασ α", "ας α.*", 8),
        # A symbol of two code points: one letter matches .{2}.
        (("-", "ab", "c"), "", "(ab){2}", 2),
    ],
)
def test_only_what_re_cannot_match_is_refused(vocabulary, prefix, pattern, max_length):
    ids = np.array([vocabulary.index(char) for char in prefix], np.intp)
    check_meetable(pattern, ids, vocabulary, controls(max_length))


def test_pattern_width_bounds_the_length_of_full_matches():
    assert pattern_width(r"(ab)\1c?") == (4, 5)
    assert pattern_width("(?=abc)a|xy") == (1, 2)
    assert pattern_width("x+") == (1, None)


@pytest.mark.parametrize(
    "flags, fragments",
    [
        (["--prefix", "ab", "--pattern", "x.*"],
         ["--pattern 'x.*' matches whole names", "the prefix 'ab'"]),
        (["--pattern", "[xyz]{12}", "--max-length", "10"],
         ["--min-length 4 and --max-length 10", "raise --max-length to 12"]),
        (["--match-lengths", "--max-length", "3"],
         ["--match-lengths keeps", "leave out --match-lengths, or raise "
          "--max-length to 4 or more"]),
        (["--pattern", "x*Q+"],
         ["--pattern 'x*Q+' matches only names that hold 'Q'", "(?i)"]),
    ],
)  # fmt: skip
def test_the_command_line_names_its_flags_without_a_traceback(
    sampler, tmp_path, capsys, flags, fragments
):
    path = str(tmp_path / "m.skops")
    save_model(sampler, path)
    assert main(["sample", path, *flags]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "temperature" not in err
    for fragment in fragments:
        assert fragment in err, err


@pytest.mark.usefixtures("no_drawing")
@pytest.mark.parametrize(
    "params, kwargs, match",
    [
        # 14 letters: over max_length, and no training name (4 to 6) has them.
        ({"max_length": 10}, {"pattern": "a{14}", "match_lengths": True},
         r"raise max_length to 14 or more and leave out match_lengths=True"),
        ({"min_length": 4}, {"pattern": "a{2}", "match_lengths": True},
         r"lower min_length to 2 or less and leave out match_lengths=True"),
        # The advice alone, where a training name has the pattern's length.
        ({"max_length": 4}, {"pattern": "a{5}", "match_lengths": True},
         r"raise max_length to 5 or more, or change"),
        ({}, {"pattern": ""},
         r"matches only the empty name, and a name has at least one letter"),
        ({}, {"pattern": "a{0}"}, r"matches only the empty name"),
    ],
)  # fmt: skip
def test_the_advice_of_a_pattern_outside_the_bounds_can_be_followed(
    sampler, params, kwargs, match
):
    with pytest.raises(ValueError, match=match):
        sampler.set_params(**params).sample(2, random_state=0, **kwargs)
