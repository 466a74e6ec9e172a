"""A CLI message that quotes a --pattern (a Python repr in the message) spells
the flag, not the Python parameter pattern=, with the value as the user typed
it, quoted for the shell: whatever its apostrophes, double quotes and
backslashes, the shell reads back the same pattern."""

import shlex

import pytest

from sknextchar.cli._errors import cli_spelling


def _spelled(value):
    message = cli_spelling(f"pattern={value!r} matches only names that hold it")
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
