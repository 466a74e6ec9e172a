"""A CLI message that quotes a --pattern (a Python repr in the message) spells
the flag, not the Python parameter pattern=, with the value as the user typed
it, quoted for the shell: whatever its apostrophes, double quotes and
backslashes, the shell reads back the same pattern."""

import shlex
from itertools import product

import pytest

from sknextchar.cli._errors import cli_spelling


def _spelled(value):
    message = cli_spelling(f"pattern={value!r} matches only names that hold it")
    message = message.replace("--pattern=", "--pattern ", 1)  # a value of a dash
    flag, _, rest = message.partition(" ")
    assert flag == "--pattern", message
    return rest.removesuffix(" matches only names that hold it")


def test_a_value_in_double_quotes_is_spelled_as_a_flag():
    assert _spelled("O'.*") == '"O\'.*"'


def test_a_value_the_shell_reads_inside_double_quotes_is_quoted_for_it():
    assert _spelled("$'x") == "'$'\"'\"'x'"


@pytest.mark.parametrize(
    "typed",
    ["O'\\w+", "O'\"x.*", "O\\wZ", "x\\", "O'\\", "it's \\d", "a\\\\b", "J.*", "a b"],
)
def test_the_shell_reads_back_the_pattern_typed(typed):
    assert shlex.split(_spelled(typed)) == [typed]


def test_a_backslash_is_shown_once_as_typed():
    assert _spelled("O\\wZ") == "'O\\wZ'" and _spelled("O'\\w+") == '"O\'\\w+"'


_UNSHOWN = ["O'\n", "a\tb", "-x\n", "a\x1bb", "it's\r\\w"]


@pytest.mark.parametrize("typed", _UNSHOWN)
def test_a_line_end_or_tab_keeps_the_message_on_one_line(typed):
    spelled = _spelled(typed)
    assert spelled.isprintable() and spelled.startswith("$'"), spelled


@pytest.mark.slow
def test_bash_reads_back_a_pattern_with_a_line_end_or_tab():
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to read the $'...' words")
    words = " ".join(_spelled(typed) for typed in _UNSHOWN)
    script = f"for word in {words}; do printf '%s\\0' \"$word\"; done"
    read = subprocess.run([bash, "-c", script], capture_output=True, check=True)
    assert read.stdout.decode().split("\0")[:-1] == _UNSHOWN


@pytest.mark.parametrize("typed", ["-x", "-", "--a.*", "-a b"])
def test_a_value_that_starts_with_a_dash_is_joined_to_its_flag(typed):
    """argparse reads ``--pattern -x`` as a flag without its value; the advice
    is spelled ``--pattern=-x``, which it reads as the pattern typed."""
    from sknextchar.cli._parser import build_parser

    message = cli_spelling(f"pattern={typed!r} matches only names that hold it")
    advice = message.removesuffix(" matches only names that hold it")
    args = build_parser().parse_args(["sample", "m.skops", *shlex.split(advice)])
    assert args.pattern == typed, message


def _kneser_ney_sampler():
    from sklearn.pipeline import make_pipeline

    from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(pipe).fit(["asha", "ravi", "mira", "uma", "rahul", "sita"])


def test_the_shortfall_shows_the_pattern_as_typed_on_the_command_line(tmp_path, capsys):
    # "matching pattern 'a\\w*zq'" was a Python repr: its backslash doubled.
    from sknextchar import save_model
    from sknextchar.cli import main

    path = str(tmp_path / "m.skops")
    save_model(_kneser_ney_sampler(), path)
    flags = ["--pattern", "a\\w*zq", "--max-rounds", "1", "--seed", "0"]
    assert main(["sample", path, "-n", "5", *flags]) == 1
    err = capsys.readouterr().err
    assert "Could only generate 0 of the 5" in err
    assert "matching --pattern 'a\\w*zq'" in err, err
    assert "\\\\" not in err


# 4,005 characters: "vv" then any three letters of the names (rarely drawn).
_LONG_RARE = "vv(?:" + "|".join(map("".join, product("ahilmrstuv", repeat=3))) + ")"


@pytest.mark.parametrize(
    "pattern, words",
    [
        ("a" * 10**4, "matches only names of"),  # no length bound allows it
        (_LONG_RARE, "Could only generate 0"),  # shortfall
        ("Q" + "a" * 10**4, "matches only names that hold 'Q'"),  # unwritten
        (" " + "a" * 10**4, "matches only names that start with whitespace"),
    ],
)
def test_a_long_pattern_is_cut_in_the_message(pattern, words):
    # Echoed whole before: a message as long as the pattern (a megabyte's too).
    sampler = _kneser_ney_sampler()
    with pytest.raises(ValueError, match=words) as error:
        sampler.sample(5, pattern=pattern, max_rounds=1)
    message = str(error.value)
    assert len(message) < 1_000, message[:300]
    assert f"pattern={pattern[:200]!r}... ({len(pattern):,} characters)" in message
    # On the command line, the part shown is quoted, never joined to "...",
    # and said to be cut ("--pattern aaa...aaa... (N characters)" read as a
    # whole pattern).
    spelled = cli_spelling(message)
    cut = f" (cut after 200 of its {len(pattern):,} characters)"
    assert f"--pattern '{pattern[:200]}'{cut}" in spelled, spelled[:400]
    assert "..." not in spelled.replace(" ...", "") and len(spelled) < 1_000


@pytest.mark.parametrize(
    "pattern",
    ["Q" + "[a-z]" * 30, "Q" + "a" * 199],  # 151 and 200 characters
)
def test_an_ordinary_long_pattern_is_shown_whole(pattern):
    # Cut after 60 characters, as a name is: less than the user typed.
    with pytest.raises(ValueError, match="matches only names that hold") as error:
        _kneser_ney_sampler().sample(5, pattern=pattern, max_rounds=1)
    message = str(error.value)
    assert f"pattern={pattern!r} matches" in message
    assert f"--pattern {shlex.quote(pattern)} matches" in cli_spelling(message)


def test_a_cut_value_of_a_dash_is_joined_and_quoted_in_the_cli():
    message = f"pattern={'-' + 'a' * 199!r}... (300 characters) matches none"
    assert cli_spelling(message) == (
        f"--pattern='-{'a' * 199}' (cut after 200 of its 300 characters) matches none"
    )


@pytest.mark.parametrize("pattern", [["a"] * 100_000, b"a" * 10**6])
def test_a_pattern_not_a_str_is_cut_in_the_message(pattern):
    # A list of 100,000 items or a megabyte of bytes was echoed whole.
    with pytest.raises(TypeError, match="pattern must be a str") as error:
        _kneser_ney_sampler().sample(1, pattern=pattern)
    message = str(error.value)
    assert len(message) < 300, message[:300]
    assert f"({len(pattern):,} " in message  # how long it was


def test_a_pattern_is_parsed_once_for_its_checks(monkeypatch):
    # Each check of a request (edges, characters needed, width) parsed the
    # pattern anew: six parses, 7-28 s for a pattern of a megabyte.
    import re

    sampler = _kneser_ney_sampler()
    calls = []
    parse = re._parser.parse
    monkeypatch.setattr(re._parser, "parse", lambda *a: calls.append(a[0]) or parse(*a))
    pattern = "(?:r|s)" + "a?" * 37 + ".*"  # a pattern no other test uses
    assert sampler.sample(3, pattern=pattern, random_state=0)
    # re.compile's own parse, and the checks' one (the package's fixed
    # expressions are parsed too on their first use in the process: not counted)
    assert calls.count(pattern) <= 2


def test_a_refused_pattern_leaves_no_parse_in_memory(monkeypatch):
    # The parse the checks share was kept in a module-wide cache until
    # another pattern came: ~50 MB for a refused pattern of a megabyte.
    import gc
    import re
    import weakref

    sampler = _kneser_ney_sampler()
    parses = []
    parse = re._parser.parse

    def kept_parse(*args):
        parsed = parse(*args)
        parses.append(weakref.ref(parsed))
        return parsed

    monkeypatch.setattr(re._parser, "parse", kept_parse)
    for pattern, refused in (("q" * 1001, ValueError), ("(?:r|s)a?.*", None)):
        if refused:
            with pytest.raises(refused, match="no name can have 1,001 letters"):
                sampler.sample(1, pattern=pattern)
        else:
            assert sampler.sample(2, pattern=pattern, random_state=0)
        re.purge()  # re's own cache of compiled patterns
        gc.collect()
        assert parses and all(ref() is None for ref in parses), pattern[:20]
        parses.clear()


def test_a_pattern_longer_than_any_name_says_no_max_length_allows_it():
    # "raise max_length to 100000 or more": max_length is at most 1,000.
    with pytest.raises(ValueError, match="no name can have 10,001 letters") as error:
        _kneser_ney_sampler().sample(1, pattern="a" * 10_001)
    assert "max_length is at most 1,000" in str(error.value)
    assert "raise max_length" not in str(error.value)


@pytest.mark.parametrize(
    "value, expected",
    [
        # bytes of 31-60 went through reprlib, cut and counted as "items"
        (b"a" * 50, repr(b"a" * 50)),
        (bytearray(b"ab"), "bytearray(b'ab')"),
        (["a" * 100], "['aaaaaaaaaaaa...aaaaaaaaaaaaa'] (1 item)"),  # "(1 items)"
    ],
)
def test_a_value_is_quoted_as_its_type_is_measured(value, expected):
    from sknextchar._words import quoted_value

    assert quoted_value(value) == expected


def test_a_series_passed_as_a_pattern_is_quoted_on_one_line():
    # Its repr put a line break (and the index) in the message.
    pd = pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="pattern must be a str") as error:
        _kneser_ney_sampler().sample(1, pattern=pd.Series(["a"] * 1000))
    message = str(error.value)
    assert "\n" not in message
    assert "['a', 'a', 'a', 'a', 'a', 'a', ...] (1,000 items)" in message


def test_a_pattern_too_long_for_any_name_spells_its_length_once():
    # "matches only names of 1001 letters, and no name can have 1,001 letters"
    with pytest.raises(ValueError, match="no name can have 1,001 letters") as error:
        _kneser_ney_sampler().sample(1, pattern="a" * 1001)
    assert "matches only names of 1,001 letters" in str(error.value)
    assert "1001" not in str(error.value)
