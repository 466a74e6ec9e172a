"""The command line's parser reads argparse through its public surface only:
the arguments as ``add_argument`` adds them (``CommandParser.actions``, not
argparse's ``_actions``), its output through the public ``print_help``,
``print_usage`` and ``exit`` (not ``_print_message``); and one answer to
"which options does a typed flag name" serves the note on a repeated option
and the error on unknown flags, checked against argparse's own reading."""

import argparse
import re

import pytest

from sknextchar.cli import build_parser
from sknextchar.cli._command_parser import CommandParser
from sknextchar.cli._missing import _attempt
from sknextchar.cli._typed_flags import declared_options, options_named

PARSER = build_parser()
PARSERS = {"sknextchar": PARSER, **PARSER.commands.choices}


def test_the_parser_overrides_no_private_method_of_argparse():
    # It overrode _print_message, which a Python release may rename: the
    # error of '--help > /dev/full' would then be dropped again, unseen.
    private = [
        name
        for name in vars(CommandParser)
        if name.startswith("_")
        and not name.startswith("__")
        and hasattr(argparse.ArgumentParser, name)
    ]
    assert private == []


@pytest.mark.parametrize("name", list(PARSERS))
def test_the_arguments_recorded_are_those_argparse_shows(name):
    # If argparse stopped adding -h, or a group's arguments, through
    # add_argument, the record would miss them: this fails, loudly.
    parser = PARSERS[name]
    usage = parser.format_usage()
    shown = set(re.findall(r"[\[ (|](-{1,2}[A-Za-z][\w-]*)", usage))
    recorded = {
        action.option_strings[0]
        for action in parser.actions
        if action.option_strings and action.help != argparse.SUPPRESS
    }
    assert shown == recorded, (shown ^ recorded, usage)
    assert parser.options == {s for a in parser.actions for s in a.option_strings}
    assert "-h" in parser.options and len(parser.actions) == len(set(parser.actions))
    positionals = [a.metavar for a in parser.actions if not a.option_strings]
    assert all(metavar in usage for metavar in positionals), positionals


@pytest.mark.parametrize("name", list(PARSER.commands.choices))
def test_a_typed_flag_names_the_options_argparse_reads_it_as(name):
    # The shared answer (options_named) against argparse's: a start of several
    # options is ambiguous to argparse; of one, it is read as that option.
    parser = PARSERS[name]
    longs = sorted(option for option in parser.options if option.startswith("--"))
    checked = 0
    for option in longs:
        for end in range(3, len(option) + 1):
            typed = option[:end]
            named = options_named(typed, parser.options)
            message = _attempt(parser, [typed])[1] or ""
            ambiguous = "ambiguous option" in message
            assert (len(named) > 1) == ambiguous, (typed, named, message)
            assert named == [typed] if typed in parser.options else option in named
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("name", list(PARSER.commands.choices))
def test_an_ambiguous_flag_names_its_options_in_argparse_order(name):
    # They were sorted ("--tr could match --tree, --trust-pickle") where
    # argparse names them as declared ("--trust-pickle, --tree").
    parser = PARSERS[name]
    declared = declared_options(parser)
    starts = {option[:end] for option in declared for end in range(3, len(option))}
    checked = 0
    for typed in sorted(start for start in starts if start.startswith("--")):
        named = options_named(typed, declared)
        if len(named) > 1:
            message = _attempt(parser, [typed])[1]
            assert message.endswith(f"could match {', '.join(named)}"), message
            checked += 1
    assert checked >= 1


def test_version_and_help_are_written_by_the_public_methods(capsys):
    with pytest.raises(SystemExit) as exited:
        PARSER.parse_args(["--version"])
    assert exited.value.code == 0
    assert re.fullmatch(r"sknextchar \S+\n", capsys.readouterr().out)
    PARSER.print_usage()
    assert capsys.readouterr().out.startswith("usage: sknextchar ")
    with pytest.raises(SystemExit) as exited:
        PARSER.exit(3, "said\n")
    assert exited.value.code == 3 and capsys.readouterr().err == "said\n"
