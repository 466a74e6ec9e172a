"""A prefix with capitals, given to a model of lowercased names, is told.

``sknextchar sample MODEL --prefix Ja`` on a model trained without
``--keep-case`` printed "jamue", "jane", "jark": the prefix was read as "ja"
without a word, and the user, who typed a capital, saw lowercase names. So did
``NameSampler.sample(prefix="Ja")`` and ``most_likely(prefix="Ja")``. Each
now warns, with what to do; the names are the same. A request refused after
the prefix is read (a pattern no name of the prefix matches, more distinct
names than there are) gets its refusal alone, no warning of names to come.
"""

import warnings

import pytest

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.cli import main
from sknextchar.cli._errors import cli_spelling

NAMES = ["James", "Jane", "Jack", "Jill", "Mary", "Mark", "Anna", "Alex"]


def sampler(lowercase):
    from sklearn.pipeline import make_pipeline

    windows = ContextWindowTransformer(
        context_length=3, lowercase=lowercase, alphabet="auto"
    )
    pipe = make_pipeline(windows, KneserNeyClassifier())
    return NameSampler(pipe).fit(NAMES)


@pytest.fixture(scope="module")
def lowered():
    return sampler(lowercase=True)


def test_sample_warns_and_draws_the_same_names(lowered):
    with pytest.warns(UserWarning) as caught:
        names = lowered.sample(5, prefix="Ja", random_state=0)
    [message] = [str(w.message) for w in caught]
    assert message.startswith("The prefix 'Ja' has capitals, which this model "), (
        message
    )
    assert "its names start with 'ja', in lowercase" in message, message
    assert "fit the model again with lowercase=False and alphabet='auto'" in message
    assert caught[0].filename == __file__  # the user's line
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert names == lowered.sample(5, prefix="ja", random_state=0)
    assert all(name.startswith("ja") for name in names), names


def test_most_likely_warns_too(lowered):
    with pytest.warns(UserWarning, match="The prefix 'JA' has capitals"):
        best = lowered.most_likely(2, prefix="JA")
    assert all(name.startswith("ja") for name in best), best


@pytest.mark.parametrize("prefix", ["", "ja", "jam"])
def test_no_warning_without_capitals(lowered, prefix):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lowered.sample(2, prefix=prefix, random_state=0)


def test_a_model_that_keeps_case_is_not_warned():
    kept = sampler(lowercase=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        names = kept.sample(3, prefix="Ja", random_state=0)
    assert all(name.startswith("Ja") for name in names), names


def test_the_command_line_says_it_with_flags(tmp_path, capsys):
    names, model = tmp_path / "names.txt", tmp_path / "m.skops"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(names), "--model", "kneser-ney", "-q", "-o", str(model)]
    assert main(argv) == 0
    capsys.readouterr()
    argv = ["sample", str(model), "--prefix", "Ja", "-n", "3", "--seed", "0"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert all(name.startswith("ja") for name in out.split()), out
    assert err == (
        "sknextchar: warning: The prefix 'Ja' has capitals, which this model "
        "reads as lowercase letters (it was trained without --keep-case): its "
        "names start with 'ja', in lowercase. To generate names with capitals, "
        "train it again with --keep-case --alphabet auto; to leave out this "
        "warning, pass --prefix in lowercase.\n"
    ), err


def test_the_spelling_leaves_other_messages_alone():
    text = "pass lowercase=False, or alphabet='auto'"
    assert cli_spelling(text) == "pass --keep-case, or --alphabet auto"


# Requests refused after the prefix is read: the refusal alone, no warning
# before it (the warning said how the names would start, and none came).
REFUSED = {
    "pattern": lambda s: s.sample(2, prefix="Ja", pattern="b.*"),
    "unique": lambda s: s.sample(10**6, prefix="Ja", unique=True),
    "most_likely": lambda s: s.most_likely(10**6, prefix="Ja"),
}


@pytest.mark.parametrize("request_", REFUSED.values(), ids=REFUSED)
def test_a_refused_request_is_not_warned(lowered, request_):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError):
            request_(lowered)
    assert [str(w.message) for w in caught] == []


@pytest.mark.parametrize(
    "flags",
    [["--pattern", "b.*"], ["-n", "1000000", "--unique"]],
    ids=["pattern", "unique"],
)
def test_the_command_line_gives_a_refusal_alone(tmp_path, capsys, flags):
    names, model = tmp_path / "names.txt", tmp_path / "m.skops"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(names), "--model", "kneser-ney", "-q", "-o", str(model)]
    assert main(argv) == 0
    capsys.readouterr()
    assert main(["sample", str(model), "--prefix", "Ja", *flags]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: ") and err.count("\n") == 1, err
    assert "warning" not in err and "capitals" not in err, err
