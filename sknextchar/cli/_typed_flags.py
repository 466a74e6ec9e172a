"""Which options a flag typed on the command line names, as argparse reads
it: the option itself, or, for a long flag, the options it is the start of
(argparse takes ``--names-fil`` for ``--names-file``), in the order argparse
names them. One answer serves the note on an option given twice
(:mod:`._repeated`) and the error on flags no option takes
(:mod:`._unknown_args`)."""

import re

__all__ = ["FLAG", "declared_options", "options_named"]

# A typed flag (matched at a word's start), not a negative number (-5, -.5)
# nor a lone "-" (standard input): the words argparse reads as options.
FLAG = re.compile(r"-[^\d.]")


def declared_options(parser):
    """The option strings of the arguments of ``parser`` (a
    :class:`~._command_parser.CommandParser`, which records them in
    ``parser.actions``), in the order they were added: the order of
    argparse's own messages ("could match --trust-pickle, --tree").

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> plot = build_parser().commands.choices["plot"]
    >>> [option for option in declared_options(plot) if option.startswith("--tr")]
    ['--trust-pickle', '--tree']
    """
    return [option for action in parser.actions for option in action.option_strings]


def options_named(flag, options):
    """The options of ``options`` that ``flag``, a typed flag without its
    ``=VALUE``, names: itself if it is one; else, for a long flag, every
    option it is the start of (one: argparse takes it for that option;
    several: argparse calls it ambiguous), in the order of ``options`` (of
    :func:`declared_options`: argparse's); else none (a short flag with its
    value joined, ``-n3``, is read by its first two characters: the caller's
    to tell).

    Examples
    --------
    >>> options = ["-n", "--n-samples", "--novel", "--names-file"]
    >>> options_named("--names-file", options), options_named("--names-f", options)
    (['--names-file'], ['--names-file'])
    >>> options_named("--n", options)  # the start of three: ambiguous
    ['--n-samples', '--novel', '--names-file']
    >>> options_named("-n", options), options_named("-n3", options)
    (['-n'], [])
    """
    if flag in options:
        return [flag]
    if not flag.startswith("--"):
        return []
    return [option for option in options if option.startswith(flag)]
