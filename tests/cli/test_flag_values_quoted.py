"""A value a message offers for a flag is typed as one argument: a column name
with a space (``names_column='first name'``) is quoted for the shell."""

import shlex

import pytest

from sknextchar.cli._errors import cli_spelling


@pytest.mark.parametrize("value", ["first name", "naam (voornaam)", "a$b", "a;b"])
def test_a_value_with_shell_characters_is_one_argument(value):
    spelled = cli_spelling(f"pass names_column='{value}' to read them.")
    typed = spelled.split("pass ", 1)[1].split(" to read")[0]
    assert shlex.split(typed) == ["--names-column", value]


def test_a_plain_value_is_left_bare():
    assert cli_spelling("pass names_column='name'.") == "pass --names-column name."
