"""Every flag of the command line is named on docs/command_line.rst.

``test_docs`` checks that every flag the pages name exists; this is the other
way round: a flag added to a command's parser and named on no page fails here,
so that its users can find it (the page may say little and point to the page
that explains it).
"""

import re
from pathlib import Path

import pytest

from sknextchar.cli import build_parser

PAGE = Path(__file__).resolve().parents[2] / "docs" / "command_line.rst"

# Flags that docs/command_line.rst leaves out on purpose, as (command, flag),
# each with why. Empty: document a new flag rather than add it here.
UNDOCUMENTED_ON_PURPOSE = set()


def _named(flag, text):
    """Whether ``text`` names ``flag`` (``-n`` is not named by ``-n-samples``)."""
    return re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text) is not None


def undocumented_flags(parser, text):
    """``(command, flag)`` of every option of the program and of each command
    of which ``text`` names none of its spellings (``-n`` or ``--n-samples``);
    the program's options as ``("", flag)``."""
    parsers = {"": parser, **parser.commands.choices}
    found = []
    for command, each in parsers.items():
        for action in each._actions:  # argparse's record of the options
            spellings = action.option_strings
            if spellings and not any(_named(flag, text) for flag in spellings):
                found.append((command, max(spellings, key=len)))
    return found


def test_every_flag_of_every_command_is_named_on_the_command_line_page():
    if not PAGE.exists():
        pytest.skip("docs/ is not in this tree")
    found = undocumented_flags(build_parser(), PAGE.read_text(encoding="utf-8"))
    missing = [
        f"{command or 'sknextchar'} {flag}"
        for command, flag in found
        if (command, flag) not in UNDOCUMENTED_ON_PURPOSE
    ]
    assert not missing, (
        "name these flags on docs/command_line.rst (a line, and the page that "
        "explains them): " + ", ".join(missing)
    )


def test_a_flag_named_by_one_of_its_spellings_is_documented():
    parser = build_parser()
    text = "``-n`` names, ``--help``, ``--top-p``"
    found = undocumented_flags(parser, text)
    assert ("sample", "--n-samples") not in found  # as -n
    assert ("sample", "--top-p") not in found
    assert ("", "--help") not in found and ("train", "--help") not in found
    assert ("sample", "--top-k") in found  # --top-p names no --top-k
    assert ("", "--version") in found
