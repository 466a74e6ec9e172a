"""The ``ArgumentParser`` of the ``sknextchar`` command and of each subcommand:
how it reads, records and answers, apart from which arguments it has.

:class:`CommandParser` makes a usage error one line that names the command's
help and the flag meant by a typo or a missing argument, records the arguments
``add_argument`` adds (their option strings, and each value an option takes,
to tell of an option given twice), and writes its help, usage and errors
itself so that a failed write is raised, not dropped; :class:`VersionAction`
is ``--version``. The arguments themselves are :mod:`._parser`'s.
"""

import argparse
import sys

from .._shown_paths import shell_word
from .._version import __version__
from ._errors import PROG
from ._missing import count_first_note, missing_note, model_note
from ._repeated import Repeats, record
from ._unknown_args import (
    known_words,
    one_context_note,
    typo_note,
    unknown_command,
    unrecognized,
)

__all__ = ["CommandParser", "VersionAction"]


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line, and that names a
    command's help and the flag meant in an unknown argument's error; it
    keeps the option strings of its arguments as ``options``.

    Examples
    --------
    >>> from sknextchar.cli._command_parser import CommandParser
    >>> parser = CommandParser(prog="sknextchar")
    >>> _ = parser.add_argument("--seed", type=int)
    >>> sorted(parser.options)
    ['--help', '--seed', '-h']
    >>> parser.parse_args(["--seed", "3"]).seed
    3
    """

    def __init__(self, *args, **kwargs):
        self.options, self.commands = set(), None  # -h is added by __init__
        self.actions = []  # its arguments, recorded as add_argument adds them
        self.given = ()  # the words this parser was last given to parse
        self.repeats = Repeats()  # the values of the options of that parse
        super().__init__(*args, **kwargs)
        # Python 3.14's guess at a mistyped command (on by default from 3.15)
        # would come before unknown_command's: only unknown_command's is told
        self.suggest_on_error = False

    def error(self, message):
        commands = () if self.commands is None else self.commands.choices
        told = unknown_command(message, commands, self.prog, self.given, self.options)
        if told is None:  # what is missing, then the typos: both are told
            words = known_words(self.given, self.options)
            missing = missing_note(self, message, self.prog, shell_word, words)
            typo = typo_note(message, self.given, self.options)
            told = message + (
                missing + typo
                if missing and typo
                else typo or missing or model_note(self, message, self.prog, shell_word)
            )
            told += f" (see '{self.prog} --help')"
        self.exit(2, f"{PROG}: error: {told}\n")

    # argparse's own writes drop an OSError: '--help > /dev/full' would end
    # with status 0 and nothing said; these public methods write themselves,
    # so that the error goes on, said once (and --version is VersionAction's).
    def print_help(self, file=None):
        _write(sys.stdout if file is None else file, self.format_help())

    def print_usage(self, file=None):
        _write(sys.stdout if file is None else file, self.format_usage())

    def exit(self, status=0, message=None):
        _write(sys.stderr, message)
        sys.exit(status)

    def add_argument(self, *args, **kwargs):
        return self._recorded(super().add_argument(*args, **kwargs))

    def add_argument_group(self, *args, **kwargs):
        return self._recording(super().add_argument_group(*args, **kwargs))

    def add_mutually_exclusive_group(self, **kwargs):
        return self._recording(super().add_mutually_exclusive_group(**kwargs))

    def _recorded(self, action):
        self.actions.append(action)
        self.options.update(action.option_strings)
        return record(action, self)  # each value it takes: for the repeats

    def _recording(self, group):
        add = group.add_argument
        group.add_argument = lambda *args, **kwargs: self._recorded(
            add(*args, **kwargs)
        )
        return group

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:  # told with the help of the command they were given to
            command = getattr(namespace, "run", None)
            parser = self
            if command is not None and self.commands is not None:
                parser = self.commands.choices[command.__name__]
            message = unrecognized(extras, parser.options, self.given)
            message += count_first_note(
                parser, namespace, extras, parser.prog, shell_word
            ) + one_context_note(namespace, extras, parser.prog.split()[-1])
            if not self.exit_on_error:
                raise argparse.ArgumentError(None, message)
            parser.error(message)
        _tell_repeats(self, namespace)
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        self.given = sys.argv[1:] if args is None else list(args)
        self.repeats = Repeats()
        namespace, extras = super().parse_known_args(args, namespace)
        # "--" ends the options (score m.skops --by per-char -- ab -x): argparse
        # leaves it unknown, with the words after it, once the positionals
        # were filled before it. A "--" with nothing after it is harmless.
        after = []
        if "--" in extras:
            at = extras.index("--")
            extras, after = extras[:at], extras[at + 1 :]
        names = getattr(namespace, "names", None)
        if isinstance(names, list):  # score's NAME... list
            # argparse fills a "*" list at the first positional and returns the
            # names after an option (score m.skops --by per-char ab) as unknown.
            names += [arg for arg in extras if not arg.startswith("-")] + after
            extras, after = [arg for arg in extras if arg.startswith("-")], []
            if not names and namespace.names_file is None:
                self.error("the following arguments are required: NAME or --names-file")
        return namespace, extras + after


def _write(file, message):
    """Write ``message`` (none: nothing) to ``file``, its errors raised."""
    if message:
        file.write(message)


class VersionAction(argparse.Action):
    """``--version``: print the program's version to stdout and exit, the
    write's errors raised (argparse's own version action drops them)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, default=argparse.SUPPRESS, nargs=0,
                         help=help)  # fmt: skip

    def __call__(self, parser, namespace, values, option_string=None):
        _write(sys.stdout, f"{PROG} {__version__}\n")
        parser.exit()


def _tell_repeats(parser, namespace):
    """Tell of the options given twice with two values, on stderr, once the
    command line is read (the command's own parser read its options)."""
    command = getattr(namespace, "run", None)
    if command is not None and parser.commands is not None:
        parser = parser.commands.choices[command.__name__]
    for note in parser.repeats.notes():
        print(note, file=sys.stderr)
