"""``main`` parses with one parser a thread (``shared_parser``): nothing of one
parse reaches the next, as when each call built its own."""

import argparse
import threading

import pytest

from sknextchar.cli import build_parser, main
from sknextchar.cli._parser import shared_parser

# Each command, its options given and left to their defaults, and words that
# argparse leaves to the parser's own handling (names after an option, "--").
ARGVS = [
    ["train", "names.txt", "-o", "m.skops", "--max-iter", "3", "--seed", "1"],
    ["train", "-o", "m.skops"],
    ["sample", "m.skops", "-n", "5", "--seed", "0", "--novel"],
    ["sample", "m.skops"],
    ["score", "m.skops", "asha", "ravi"],
    ["score", "m.skops", "--by", "per-char", "ab", "--", "-x"],
    ["score", "m.skops", "--names-file", "names.txt"],
    ["classify", "m.skops", "asha"],
    ["table", "m.skops", "ab", "--temperatures", "1", "3"],
    ["table", "m.skops", "ab"],
    ["plot", "m.skops", "--embeddings", "-o", "p.png"],
    ["sample", "m.skops", "-n", "5", "-n", "6"],
]


def _parsers(parser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.values()


def _plain(namespace):
    """A namespace's values, comparable between two parsers: a function by its
    name, an argparse action by its flags."""

    def plain(value):
        if callable(value) and hasattr(value, "__name__"):
            return value.__name__
        if isinstance(value, argparse.Action):
            return tuple(value.option_strings) or value.dest
        if isinstance(value, (list, tuple)):
            return type(value)(map(plain, value))
        return value

    return {key: plain(value) for key, value in vars(namespace).items()}


def test_no_default_is_a_container_a_command_could_change_in_place():
    mutable = (list, dict, set, bytearray)
    found = [
        (parser.prog, action.dest, attribute)
        for parser in _parsers(build_parser())
        for action in parser._actions
        for attribute in ("default", "const")
        if isinstance(getattr(action, attribute), mutable)
    ]
    found += [
        (parser.prog, key, "set_defaults")
        for parser in _parsers(build_parser())
        for key, value in parser._defaults.items()
        if isinstance(value, mutable)
    ]
    assert found == []


def test_each_parse_of_the_shared_parser_is_that_of_a_new_parser():
    fresh = [_plain(build_parser().parse_args(argv)) for argv in ARGVS]
    parser = build_parser()
    for order in (ARGVS, ARGVS[::-1], ARGVS):
        for argv in order:
            namespace = parser.parse_args(argv)
            assert _plain(namespace) == fresh[ARGVS.index(argv)], argv
            for value in vars(namespace).values():  # what a command may do
                if isinstance(value, list):
                    value.append("changed")


def test_a_usage_error_leaves_the_next_parse_as_a_new_parser_s(capsys):
    assert main(["sample", "m.skops", "--no-such-flag"]) == 2
    assert main(["sample", "m.skops", "-n", "5", "-n", "6", "-x"]) == 2
    capsys.readouterr()
    parsed = shared_parser().parse_args(ARGVS[3])
    assert _plain(parsed) == _plain(build_parser().parse_args(ARGVS[3]))
    assert shared_parser().repeats.notes() == []


@pytest.mark.parametrize("where", ["this thread", "another thread"])
def test_the_parser_is_shared_within_a_thread_only(where):
    mine = shared_parser()
    theirs = []
    if where == "another thread":
        thread = threading.Thread(target=lambda: theirs.append(shared_parser()))
        thread.start()
        thread.join()
        assert theirs[0] is not mine
    else:
        assert shared_parser() is mine
