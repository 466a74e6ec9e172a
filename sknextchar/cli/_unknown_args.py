"""The error on the arguments a command does not take: the option meant by a
typo (``--temprature``) or by another tool's spelling (scikit-learn's
``--max_iter``, ``--epochs``), and the words argparse shifted left unnamed."""

import ast
import itertools
import os
import re

from .._shown_paths import close_word, ranked_words, shell_word
from .._words import one_or_many
from ._missing import completed, model_first, names_file_first, parses, value_shown
from ._typed_flags import FLAG, declared_options, options_named

__all__ = [
    "ambiguous_note",
    "known_words",
    "one_context_note",
    "to_stdout_note",
    "typo_note",
    "unknown_command",
    "unrecognized",
]

# Flags a user of scikit-learn or of deep-learning tools may type, each with
# what it sets and sknextchar's option for it.
_SYNONYMS = {
    "--epochs": ("the number of epochs", "--max-iter"),
    "--epoch": ("the number of epochs", "--max-iter"),
    "--n-epochs": ("the number of epochs", "--max-iter"),
    "--num-epochs": ("the number of epochs", "--max-iter"),
    "--random-state": ("the seed", "--seed"),
    "--lr": ("the learning rate", "--learning-rate-init"),
}


def unrecognized(extras, options=(), given=()):
    """The error on arguments no option of the command takes, with the
    option meant by a typo (``--temprature``) or by a flag of another
    tool's spelling (scikit-learn's ``--max_iter``, ``--epochs``), if the
    command has it (among its ``options``); a whole number left over as
    ``-n`` (the number of names) unless the words ``given`` hold ``-n``.

    The words argparse shifted are not named (:func:`_not_shifted`).

    Examples
    --------
    >>> unrecognized(["--epochs", "names.txt"], {"--max-iter"})
    'unrecognized argument: --epochs; the number of epochs is --max-iter'
    >>> unrecognized(["--random_state=0"], {"--seed"})
    'unrecognized argument: --random_state=0; the seed is --seed'
    >>> unrecognized(["--max_iter", "3"], {"--max-iter"})
    'unrecognized argument: --max_iter; --max_iter is spelled --max-iter'
    >>> unrecognized(["--epochs", "3", "--lr", "0.1"], {"--max-iter", "--seed"})
    'unrecognized arguments: --epochs --lr; the number of epochs is --max-iter'
    >>> unrecognized(["--lr", "0.1"], {"--seed"})  # a command that has none
    'unrecognized argument: --lr'
    >>> unrecognized(["b.txt", "-5"])  # no flag: every word left over
    'unrecognized arguments: b.txt -5'
    >>> unrecognized(["b.txt", "--bogus"])  # b.txt comes before any flag
    'unrecognized arguments: b.txt --bogus'
    >>> unrecognized(["--temprature", "0.8"], {"--temperature", "--top-k"})
    'unrecognized argument: --temprature; did you mean --temperature?'
    >>> unrecognized(["10"], {"-n", "--n-samples"})
    'unrecognized argument: 10; did you mean -n 10 (the number of names)?'
    >>> unrecognized(["10"], {"-n", "--n-samples"}, ["-n", "5", "10"])
    'unrecognized argument: 10'
    """
    flags = [arg for arg in extras if FLAG.match(arg)]
    named = _not_shifted(extras)
    told = [f"unrecognized {one_or_many(len(named), 'argument', 'arguments')}: "
            f"{' '.join(named)}"]  # fmt: skip
    guesses = []  # the options meant by typos, told in one question
    for arg in flags:
        flag = arg.partition("=")[0]
        spelled = flag.replace("_", "-").casefold()
        meant = _SYNONYMS.get(spelled)
        if flag.startswith("--") and spelled != flag and spelled in options:
            told.append(f"{flag} is spelled {spelled}")
        elif meant is not None and meant[1] in options:
            told.append(f"{meant[0]} is {meant[1]}")
        elif near := _near_option(flag, options):
            guesses.append(" or ".join(near))
    counts = [arg for arg in named if arg.isdecimal() and arg.isascii()]
    counted = any(re.match("-n|--n-", word) for word in given)  # -n 5 10
    if counts and "--n-samples" in options and not counted:  # sample m.skops 10
        guesses.append(f"-n {counts[0]} (the number of names)")
    if guesses:
        guesses = list(dict.fromkeys(guesses))
        listed = ", ".join(guesses[:-1]) + (" and " if len(guesses) > 1 else "")
        told.append(f"did you mean {listed}{guesses[-1]}?")
    told.append(to_stdout_note(flags, options, given))
    return "; ".join(dict.fromkeys(word for word in told if word))


def to_stdout_note(flags, options, given):
    """The note on ``-o FILE`` (or ``--output``) given to a command that
    writes to standard output (it has no such option): the command line that
    saves its output with ``> FILE``; else "".

    Examples
    --------
    >>> print(to_stdout_note(["-o"], {"-n"}, ["sample", "m.skops", "-o", "n.txt"]))
    sample writes to standard output, not to a file given by -o: to save it, \
run: sknextchar sample m.skops > n.txt
    >>> to_stdout_note(["-o"], {"-o", "--output"}, ["plot", "-o", "p.png"])
    ''
    """
    flag = next((arg for arg in flags if _OUTPUT.fullmatch(arg)), None)
    if flag is None or "--output" in options or flag not in given:
        return ""
    from ._main import PROG

    at, (option, attached) = given.index(flag), _OUTPUT.fullmatch(flag).groups()
    after = given[at + 1 : at + 2]
    taken = not attached and after and after[0][:1] != "-" or after == ["-"]
    target = attached or (after[0] if taken else "-")
    target = "FILE" if target == "-" else shell_word(target)  # -o -: stdout
    rest = given[:at] + given[at + 1 + bool(taken) :]
    command = next((word for word in given if not word.startswith("-")), "it")
    return (
        f"{command} writes to standard output, not to a file given by {option}: "
        f"to save it, run: {PROG} {' '.join(map(shell_word, rest))} > {target}"
    )


# -o FILE, --output FILE, -oFILE, --output=FILE: the flag and a file joined.
_OUTPUT = re.compile(r"(-o|--output|--out)=?(.*)")


def one_context_note(namespace, extras, command):
    """What the error on the words ``extras`` left over adds when one of
    them is a second CONTEXT of ``table`` (``table m.skops abi ravi``): it
    takes one, read from ``namespace``; else "".

    Examples
    --------
    >>> import argparse
    >>> one_context_note(argparse.Namespace(context="abi"), ["ravi"], "table")
    "; table takes one CONTEXT ('abi' here): run it again for 'ravi'"
    >>> one_context_note(argparse.Namespace(context="abi"), ["--x"], "table")
    ''
    """
    context = getattr(namespace, "context", None)
    words = [word for word in _not_shifted(extras) if not FLAG.match(word)]
    if not isinstance(context, str) or not words:
        return ""
    again = " and ".join(map(repr, words)) if len(words) < 3 else "each of the others"
    return f"; {command} takes one CONTEXT ({context!r} here): run it again for {again}"


def _near_option(flag, options):
    """The long options of ``options`` that ``flag`` is a typo of, by one
    ranking (:func:`ranked_words`, folding case and accents): one holding
    the same characters in another order (``--to-pk`` is ``--top-k``
    swapped, not ``--top-p``); else the closest at a similarity of 0.75 or
    more; both of two as close; none of three. A short flag: the option
    that other tools spell so (``-V``, ``--version``).

    Examples
    --------
    >>> _near_option("--keepcase", {"--keep-case", "-q"})
    ['--keep-case']
    >>> _near_option("--labesl", {"--label", "--labels"})  # --label is closer
    ['--labels']
    >>> _near_option("--topx", {"--top-k", "--top-p"})
    ['--top-k', '--top-p']
    >>> _near_option("-seed", {"--seed"}), _near_option("--bogus", {"--seed"})
    (['--seed'], [])
    >>> _near_option("--MAX-ITRE", {"--max-iter", "--seed"})
    ['--max-iter']
    >>> _near_option("-V", {"-h", "--help", "--version"})
    ['--version']
    """
    if len(flag) <= 2:
        return [_SHORT[flag]] if _SHORT.get(flag) in options else []
    longs = sorted(option for option in options if option.startswith("--"))
    ranked = ranked_words(flag, longs, cutoff=_SWAPPED_CUTOFF)
    swapped = [option for option, _ in ranked if sorted(option) == sorted(flag)]
    if len(swapped) == 1:  # the same characters in another order: a typo
        return swapped
    close = [(option, ratio) for option, ratio in ranked if ratio >= _CUTOFF]
    if not close:
        return []
    ratios = [ratio for _, ratio in close] + [0, 0]
    if ratios[0] > ratios[1]:
        return [close[0][0]]
    return sorted(option for option, _ in close[:2]) if ratios[1] > ratios[2] else []


# The least similarity of a typo of a flag to its option: a flag starts with
# "--", so that even the short ones must share more (--n is no --novel); of
# a typo holding the option's characters in another order, less.
_CUTOFF, _SWAPPED_CUTOFF = 0.75, 0.6

# Short flags of other tools, each with sknextchar's option for it.
_SHORT = {"-V": "--version", "-v": "--version"}


def _not_shifted(extras):
    """The words left over but those argparse shifted: it takes the value
    typed after an unknown flag as the next positional argument and leaves a
    later word over in its place (``train --epochs 3 names.txt`` leaves
    ``--epochs names.txt``), so each unknown flag written without ``=``
    excuses one word left over after it; a word before any is named.

    Examples
    --------
    >>> _not_shifted(["--epochs", "--lr", "0.1", "names.txt"])
    ['--epochs', '--lr']
    >>> _not_shifted(["b.txt", "--bogus"]), _not_shifted(["--n=3", "b.txt"])
    (['b.txt', '--bogus'], ['--n=3', 'b.txt'])
    """
    named, shifted = [], 0
    for arg in extras:
        if FLAG.match(arg):
            shifted += "=" not in arg
        elif shifted:
            shifted -= 1
            continue
        named.append(arg)
    return named


def typo_note(message, given, options):
    """What a usage error ``message`` adds for a typo that argparse did not
    get to: an unknown flag among the words ``given`` when a required
    argument, or one of a group, is missing (``--ouput`` for
    ``-o/--output``); else "".

    Examples
    --------
    >>> typo_note("the following arguments are required: -o/--output",
    ...           ["n.txt", "--ouput", "m.skops", "--seed=0"], {"--output", "--seed"})
    ', and unrecognized argument: --ouput; did you mean --output?'
    >>> typo_note("one of the arguments --loss --tree is required",
    ...           ["m.skops", "--tee", "ab"], {"--loss", "--tree"})
    ', and unrecognized argument: --tee; did you mean --tree?'
    >>> typo_note("the following arguments are required: COMMAND", [], set())
    ''
    """
    if not re.match("the following arguments are required|one of the ", message):
        return ambiguous_note(message)
    unknown = _unknown_flags(given, options)
    return f", and {unrecognized(unknown, options)}" if unknown else ""


def ambiguous_note(message):
    """What argparse's error on an ambiguous flag adds: the one option it
    could match that it is a typo of (``--label`` on train, which has
    ``--labels`` and ``--label-embedding-dim``); else "".

    Examples
    --------
    >>> ambiguous_note("ambiguous option: --label could match --labels, "
    ...                "--label-embedding-dim")
    '; did you mean --labels?'
    >>> ambiguous_note("ambiguous option: --n=3 could match --n-samples, --novel")
    ''
    """
    found = re.match(r"ambiguous option: (--[^=\s]+)\S* could match (.+)", message)
    if not found:
        return ""
    near = _near_option(found.group(1), set(found.group(2).split(", ")))
    return f"; did you mean {near[0]}?" if len(near) == 1 else ""


def known_words(given, options):
    """The words ``given`` but the flags that are none of ``options``
    (:func:`_unknown_flags`): the words of a line offered to run.

    Examples
    --------
    >>> known_words(["m.skops", "--bogus", "-o", "x.png"], {"-o", "--output"})
    ['m.skops', '-o', 'x.png']
    """
    unknown = _unknown_flags(given, options)
    return [word for word in given if word not in unknown]


def unknown_command(message, commands, prog, given=(), options=()):
    """The error for argparse's usage error ``message`` on a command that is
    none of ``commands``: for a file given without its command, the command
    line to run (:func:`_command_for_file`, the words ``given`` with the
    command in front); for a word after options, that they follow the
    command; for ``help``, the option of the program's ``options`` meant;
    the command meant by a typo; else the commands. For a ``--`` before the
    command, what it does and the line meant (:func:`_options_ended`); for
    no command but a mistyped option of the program's (``-V``), the option
    meant. None for any other usage error.

    Examples
    --------
    >>> unknown_command("argument COMMAND: invalid choice: 'smaple' (choose "
    ...                 "from ...)", ["train", "sample"], "sknextchar")
    "unknown command 'smaple'; did you mean 'sample'?"
    >>> unknown_command("argument COMMAND: invalid choice: 'fly' (choose from "
    ...                 "...)", ["train", "sample"], "sknextchar")
    "unknown command 'fly' (the commands: train, sample)"
    >>> invalid = "argument COMMAND: invalid choice: 'n.txt' (choose from ...)"
    >>> unknown_command(invalid, ["train"], "sknextchar", ["n.txt", "-o", "m"])[25:]
    'to train a model on a file of names, run: sknextchar train n.txt -o m'
    """
    listed = f"the commands: {', '.join(commands)}"
    if commands and list(given[:1]) == ["--"]:  # no command parsed: any error
        return _options_ended(list(given[1:]), commands, prog, listed)
    if commands and message == "the following arguments are required: COMMAND":
        return _option_meant(given, options)
    choice = re.match(r"argument COMMAND: invalid choice: ('.*?'|\".*?\") \(", message)
    if choice is None:
        return None
    word = ast.literal_eval(choice[1])  # repr: "it's.txt" is in double quotes
    given = list(given) if word in given else [word]
    if given.index(word) > 0:  # an option's value, the options before any command
        return _options_first(given, commands, prog, listed)
    told = f"unknown command {word!r}"
    meant = _command_for_file(word)
    modelled = (
        meant
        and meant[0] == "sample"
        and _model_with_options(commands, given, told, prog, listed)
    )
    if modelled:
        return modelled
    if meant is not None:
        words = [prog, meant[0], *_completed(commands, meant[0], given)]
        typed = " ".join(shell_word(w) for w in words)
        return f"{told}: to {meant[1]}, run: {typed}"
    if f"--{word}" in options:  # sknextchar help, sknextchar version
        return f"{told}; did you mean '{prog} --{word}'?"
    if (flagged := _option_of_a_command(word, commands, given[1:])) is not None:
        typed = " ".join(shell_word(w) for w in [prog, *flagged])
        return f"{told}: --{word} is an option of {flagged[0]!r}; run: {typed}"
    near = close_word(word, commands, str, ties=True)
    return f"{told} ({listed})" if near is None else f"{told}; did you mean {near!r}?"


def _model_with_options(commands, given, told, prog, listed):
    """The error ``told`` goes on with for a model file given first, as a
    command, then the words ``given`` that ``sample`` (its command) does not
    read as typed: a flag several options start (:func:`_ambiguous_flag`),
    words after a ``--`` (:func:`_lines_after_the_end`), options before it
    that no command reading those words takes (:func:`_lines_split_at_the_end`),
    flags of another command or of several (:func:`_option_lines`), with the
    lines to run; else None."""
    ambiguous = _ambiguous_flag(commands, given)
    if ambiguous:  # m.skops --tr ab: --tree or --trust-pickle, as plot reads it
        flag, options, name = ambiguous
        return (
            f"{told}: {flag} could match {', '.join(options)} (as {name!r} reads "
            f"it); type the whole option, after the command that takes it ({listed})"
        )
    ended = _lines_after_the_end(commands, given)
    if ended:  # m.skops -- asha: words, no options; sample takes none
        more = _as_options(commands, given, prog, ended)
        return f"{told}: the words after '--' are not options{more}"
    split = _lines_split_at_the_end(commands, given)
    if split:  # m.skops -n 3 -- asha: sample's -n, score's names
        return (
            f"{told}: no one command reads both the options before '--' and the "
            f"words after it; run: {_offered(prog, split)}"
        )
    note, lines = _option_lines(commands, given)
    return f"{told}: {note}; run: {_offered(prog, lines)}" if note else None


def _as_options(commands, given, prog, ended):
    """What the error on words after a ``--`` (read by the lines ``ended``)
    goes on with: those lines, and, if a word after it is a flag, the lines
    that read them as options, ``--`` dropped (:func:`_option_lines`), when
    each is read whole by its command (else none); with no flag after it,
    that dropping it would.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> given = ["m.skops", "--", "-n", "3"]
    >>> _as_options(commands, given, "sk", _lines_after_the_end(commands, given))
    "; run: sk score m.skops -- -n 3, or: sk classify m.skops -- -n 3; to read \
them as options, drop the '--': sk sample m.skops -n 3"
    """
    run = f"run: {_offered(prog, ended)}"
    at = given.index("--")
    if not any(FLAG.match(word) for word in given[at + 1 :]):
        return f" (drop the '--' to read them as options); {run}"
    lines = _option_lines(commands, [*given[:at], *given[at + 1 :]])[1]
    if not all(parses(commands[line[0]], line[1:]) for line in lines):
        return f"; {run}"  # m.skops -- -x: no command has -x
    return f"; {run}; to read them as options, drop the '--': {_offered(prog, lines)}"


def _lines_split_at_the_end(commands, given):
    """For a model file given first, as a command, then options before a
    ``--`` and words after it that no one command reads together: the lines
    of the options without the words (:func:`_option_lines`) and of the
    words without the options (:func:`_lines_after_the_end`), if each is read
    whole by its command; else None.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> [" ".join(line) for line in _lines_split_at_the_end(
    ...     commands, ["m.skops", "--tree", "ab", "--", "asha"])]
    ['plot m.skops --tree ab -o FILE', 'score m.skops -- asha', \
'classify m.skops -- asha', 'table m.skops -- asha']
    >>> _lines_split_at_the_end(commands, ["m.skops", "--bogus", "--", "asha"])
    """
    if not isinstance(commands, dict) or "--" not in given[2:-1]:
        return None
    at = given.index("--")  # after the model: options come before it
    options = _option_lines(commands, given[:at])[1]
    words = _lines_after_the_end(commands, [given[0], *given[at:]])
    if not words or not all(parses(commands[ln[0]], ln[1:]) for ln in options):
        return None
    return options + words


def _option_lines(commands, given):
    """For a model file given first, as a command, then the words ``given``:
    what their flags are options of and the lines to run, for flags of one
    command but ``sample`` (:func:`_command_of_options`) or of several
    (:func:`_lines_of_options`); else no note and ``sample``'s line.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _option_lines(commands, ["m", "--tree", "ab"])
    ("--tree is an option of 'plot'", [['plot', 'm', '--tree', 'ab', '-o', 'FILE']])
    >>> _option_lines(commands, ["m", "-n", "3"])
    (None, [['sample', 'm', '-n', '3']])
    """
    flagged = _command_of_options(commands, given)
    if flagged:  # m.skops --tree ab: plot's option, not sample's
        line = [flagged[0], *_completed(commands, flagged[0], given)]
        return f"{flagged[1]} is an option of {flagged[0]!r}", [line]
    lines = _lines_of_options(commands, given)
    if lines:  # m.skops -n 3 --tree ab: sample's -n, plot's --tree
        return f"{lines[0]}, which no one command takes together", lines[1]
    return None, [["sample", *_completed(commands, "sample", given)]]


def _offered(prog, lines):
    """The command lines ``lines`` (lists of words), each after ``prog``, as
    typed in a shell, joined by ", or: "."""
    return ", or: ".join(" ".join(map(shell_word, [prog, *line])) for line in lines)


def _option_meant(given, options):
    """The error for no command but flags ``given``, if one is a typo of an
    option of the program's ``options`` (``-V``, ``--verison``): the option
    meant, not that a command is missing; else None.

    Examples
    --------
    >>> _option_meant(["-V"], {"-h", "--help", "--version"})
    'unrecognized argument: -V; did you mean --version?'
    >>> _option_meant(["--bogus"], {"-h", "--help", "--version"}) is None
    True
    """
    unknown = _unknown_flags(given, options)
    told = unrecognized(unknown, options)
    return told if unknown and told != unrecognized(unknown) else None


def _options_ended(rest, commands, prog, listed):
    """The error for a ``--`` typed before the command: what it does, and the
    command line likely meant, the words ``rest`` after it with their
    command in front (a file's, :func:`_command_for_file`), else the
    commands ``listed``.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _options_ended(["n.txt"], commands, "sk", "...")[-43:]
    'file of names, run: sk train n.txt -o MODEL'
    >>> _options_ended(["sample"], commands, "sk", "...")[-30:]
    'after it; run: sk sample MODEL'
    >>> _options_ended(["trian", "n.txt"], commands, "sk", "...")[-57:]
    "did you mean 'train'? If so, run: sk train n.txt -o MODEL"
    >>> _options_ended([], ["sample"], "sk", "the commands: sample")
    "'--' ends the options of a command, and comes after it (the commands: sample)"
    """
    told = "'--' ends the options of a command, and comes after it"
    meant = _command_for_file(rest[0]) if rest and rest[0] not in commands else None
    near = close_word(rest[0], commands, str, ties=True) if rest else None
    if rest and rest[0] in commands:
        command, rest, told = rest[0], rest[1:], f"{told};"
    elif meant is not None:
        command, told = meant[0], f"{told}: to {meant[1]},"
    elif near is not None:  # a typo, guessed as without '--'
        told = f"{told}; unknown command {rest[0]!r}; did you mean {near!r}? If so,"
        command, rest = near, rest[1:]
    else:
        return f"{told} ({listed})"
    if meant is not None and rest[0].startswith("-") and rest[0] != "-":
        rest = [os.path.join(os.curdir, rest[0]), *rest[1:]]  # never an option
    words = [shell_word(word) for word in _completed(commands, command, rest)]
    return f"{told} run: {prog} {command} {' '.join(words)}".rstrip()


def _options_first(given, commands, prog, listed):
    """The error for options typed before the command: the words ``given``
    after the command typed among them (with ``-o MODEL`` if ``train`` needs
    it), else after ``COMMAND``.

    Examples
    --------
    >>> _options_first(["--seed", "1", "sample", "m"], ["sample"], "sk", "...")
    'options come after the command: sk sample --seed 1 m'
    """
    command = next((w for w in given if w in commands), None)
    if command is not None:  # moved to the front
        given = given.copy()
        given.insert(0, given.pop(given.index(command)))
        given[1:] = _completed(commands, command, given[1:])
    typed = " ".join(shell_word(w) for w in given)
    if command is None:
        return f"options come after the command: {prog} COMMAND {typed} ({listed})"
    return f"options come after the command: {prog} {typed}"


def _completed(commands, command, words):
    """The words ``words`` given to ``command`` with placeholders for what it
    requires and they lack (:func:`~._missing.completed`: ``MODEL``, ``-o
    FILE``), a name or a file of names given where the model goes after
    ``MODEL`` (:func:`~._missing.model_first`, ``names_file_first``), as the
    command's own error offers them, if ``commands`` maps each command to its
    parser.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _completed(commands, "train", ["n.txt", "--out=m"])
    ['n.txt', '--out=m']
    >>> _completed(commands, "score", ["--by", "per-char"])
    ['MODEL', 'NAME', '--by', 'per-char']
    """
    if not isinstance(commands, dict):
        return list(words)
    parser = commands[command]
    words = names_file_first(parser, model_first(parser, words))  # score asha
    return completed(parser, words)[0]


def _option_of_a_command(word, commands, rest):
    """The line meant by a ``word`` typed as the command that is an option
    of one command only (``explain`` is ``score --explain``): the command,
    the words ``rest`` and the option, completed (:func:`_completed`); else
    None.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _option_of_a_command("explain", commands, ["m.skops", "asha"])
    ['score', 'm.skops', 'asha', '--explain']
    >>> _option_of_a_command("tree", commands, ["m.skops"])
    ['plot', 'm.skops', '--tree', 'PREFIX', '-o', 'FILE']
    >>> _option_of_a_command("label", commands, [])  # of several: None
    >>> _option_of_a_command("resume", commands, ["m.skops"])  # of a file: None
    """
    if not isinstance(commands, dict):
        return None
    having = [
        (name, action)
        for name, parser in commands.items()
        for action in parser.actions
        if f"--{word}" in action.option_strings
    ]
    # of a file (--resume MODEL), the file typed next is no value of it
    if len(having) != 1 or having[0][1].metavar in ("MODEL", "FILE"):
        return None
    command, action = having[0]
    flag = [f"--{word}", *[value_shown(action, word)][: action.nargs != 0]]
    if any(typed.split("=")[0] in action.option_strings for typed in rest):
        flag = []  # given too (tree m.skops --tree ab): not given twice
    return [command, *_completed(commands, command, [*rest, *flag])]  # explain asha


def _command_of_options(commands, given):
    """For a model file given first, as a command, then flags that
    ``sample`` (its command, :func:`_command_for_file`) lacks, among the
    words ``given``: the one command of ``commands`` that takes a model and
    every flag typed, with the first flag ``sample`` lacks (``--tree``:
    ``plot``); else None.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _command_of_options(commands, ["m.skops", "--tree=ab", "-o", "t.png"])
    ('plot', '--tree')
    >>> _command_of_options(commands, ["m.skops", "-n", "3"])  # sample's own
    >>> _command_of_options(commands, ["m.skops", "--names-file", "n.txt"])  # two
    """
    if not isinstance(commands, dict):
        return None
    lacked = _unknown_flags(given, commands["sample"].options)
    flags = _unknown_flags(given, ())  # every flag typed
    fits = [
        name
        for name, parser in commands.items()
        if _takes_a_model(parser) and not _unknown_flags(flags, parser.options)
    ]
    if not lacked or len(fits) != 1:
        return None
    return fits[0], lacked[0].partition("=")[0]


def _lines_of_options(commands, given):
    """For a model file given first, as a command, then flags of which no
    one command of ``commands`` takes all, among the words ``given``, each
    flag ``sample`` lacks taken by one command only: which command takes
    which flag (a flag another command offered takes too goes unnamed, and
    is not offered to ``sample``), and each command's line: the words
    without the flags it lacks and their values, completed
    (:func:`_completed`); else None.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _lines_of_options(commands, ["m", "-n3", "--tree", "a", "-q"])
    ("-n is an option of 'sample' and --tree of 'plot'", [['sample', 'm', '-n3', \
'-q'], ['plot', 'm', '--tree', 'a', '-q', '-o', 'FILE']])
    >>> _lines_of_options(commands, ["m", "-q", "--tree", "a"])  # plot's, -q too
    >>> _lines_of_options(commands, ["m", "--top", "3", "--tree", "a", "--bogus"])
    """
    models = {
        name: parser for name, parser in commands.items() if _takes_a_model(parser)
    }
    typed = _unknown_flags(given, ())  # -n3: -n, --tree=ab: --tree
    flags = dict.fromkeys(w[:2] if w[1] != "-" else w.partition("=")[0] for w in typed)
    owners = {f: [n for n, p in models.items() if _known(f, p.options)] for f in flags}
    if any(len(own) != 1 for own in owners.values() if "sample" not in own):
        return None  # a typo, or a flag of two commands: no one line for it
    others = {own[0] for own in owners.values() if "sample" not in own}
    picked = {}  # each command offered -> the flags it was picked for
    for flag, own in owners.items():
        if "sample" not in own or not others & {*own}:
            picked.setdefault("sample" if "sample" in own else own[0], []).append(flag)
    if len(picked) < 2:
        return None
    told = []
    for name, flags in picked.items():
        verb = "" if told else " is an option" if len(flags) == 1 else " are options"
        told.append(f"{' and '.join(flags)}{verb} of {name!r}")
    lines = [
        [name, *_completed(commands, name, _without_flags(given, models, name))]
        for name in picked
    ]
    return ", ".join(told[:-1]) + f" and {told[-1]}", lines


def _ambiguous_flag(commands, given):
    """For a model file given first, as a command, the first long flag among
    the words ``given`` (before a ``--``) that a command of ``commands``
    taking a model reads as the start of several of its options, as
    argparse does (:func:`~._typed_flags.options_named`), and none has as
    itself (``--top``, an option of ``table``), with those options (in
    argparse's order, :func:`~._typed_flags.declared_options`) and the
    command that has the most of them; else None.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _ambiguous_flag(commands, ["m", "-n", "3", "--tr", "ab"])
    ('--tr', ['--trust-pickle', '--tree'], 'plot')
    >>> _ambiguous_flag(commands, ["m", "--tre", "ab", "--top", "--", "--tr"])
    """
    if not isinstance(commands, dict):
        return None
    for word in _unknown_flags(given, ()):
        flag = word.partition("=")[0]
        read = [
            (options_named(flag, declared_options(parser)), name)
            for name, parser in commands.items()
            if _takes_a_model(parser) and flag.startswith("--")
        ]
        if any(options == [flag] for options, _ in read):
            continue  # an option itself (--top, table's): read as that one
        options, name = max(read, key=lambda pair: len(pair[0]), default=([], ""))
        if len(options) > 1:
            return flag, options, name
    return None


def _lines_after_the_end(commands, given):
    """For a model file given first, as a command, then words after a
    ``--`` (argparse reads them as positional words, never as options),
    which ``sample`` takes none of: the lines of the commands of
    ``commands`` taking a model that read all the words ``given``
    (:func:`_completed`); else None.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _lines_after_the_end(commands, ["m.skops", "--", "-n", "3"])
    [['score', 'm.skops', '--', '-n', '3'], ['classify', 'm.skops', '--', '-n', '3']]
    >>> _lines_after_the_end(commands, ["m.skops", "--"])  # sample's own line
    """
    if not isinstance(commands, dict) or "--" not in given[:-1]:
        return None
    lines = [
        [name, *_completed(commands, name, given)]
        for name, parser in commands.items()
        if _takes_a_model(parser)
    ]
    read = [line for line in lines if parses(commands[line[0]], line[1:])]
    return None if not read or read[0][0] == "sample" else read


def _takes_a_model(parser):
    """Whether the command ``parser`` takes a model file: its ``MODEL``
    (``train``'s ``--model`` is the kind of model to train)."""
    return any(a.dest == "model" and not a.option_strings for a in parser.actions)


def _without_flags(given, models, name):
    """The words ``given`` without the flags the command ``name`` lacks and
    the values typed after them, each flag's as many as its option of one
    of ``models`` takes (before a ``--``: it ends the options).

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> _without_flags(["m", "-n", "3", "--tree=a", "-qn3"], commands, "table")
    ['m', '-qn3']
    >>> _without_flags(["m", "--temperatures", "1", "2", "-n", "3"], commands, "sample")
    ['m', '-n', '3']
    """
    options, end = (
        models[name].options,
        given.index("--") if "--" in given else len(given),
    )
    words, at = [], 0
    while at < len(given):
        word = given[at]
        at += 1
        if at > end or not FLAG.match(word) or _known(word, options):
            words.append(word)
        elif "=" not in word and (word.startswith("--") or len(word) == 2):
            at += _values_taken(word, given[at:end], models)
    return words


def _values_taken(flag, rest, models):
    """How many of the words ``rest`` typed after ``flag`` are its values,
    as its option of one of ``models`` takes them (none for an unknown
    flag)."""
    action = next(
        (
            action
            for parser in models.values()
            for action in parser.actions
            if {*options_named(flag, parser.options)} & {*action.option_strings}
        ),
        None,
    )
    values = len(list(itertools.takewhile(lambda word: not FLAG.match(word), rest)))
    if action is None or action.nargs in ("*", "+"):
        return values if action is not None else 0
    return min(values, 1 if action.nargs in (None, "?") else action.nargs)


def _command_for_file(word):
    """The command a file given first, as a command, was likely meant for,
    with what the command does with it, or None: ``sample`` for a model file
    (by its suffix or its content), ``train`` for any other file, or ``-``
    (standard input), or a word shaped like a path (``names.txt``).

    Examples
    --------
    >>> _command_for_file("m.skops"), _command_for_file("trian")
    (('sample', 'generate names with a model'), None)
    """
    from .._model_files import MODEL_SUFFIXES
    from ._file_arguments import is_model_file, path_shaped

    if word.casefold().endswith(MODEL_SUFFIXES) or is_model_file(word):
        return ("sample", "generate names with a model")
    if os.path.isdir(word):  # train reads no directory
        return None
    if word == "-" or path_shaped(word) or os.path.isfile(word):
        return ("train", "train a model on a file of names")
    return None


def _unknown_flags(given, options):
    """The flags among the words ``given`` that argparse takes for none of
    ``options`` (:func:`_known`), before a ``--``: it ends the options.

    Examples
    --------
    >>> _unknown_flags(["--ouput", "m", "--", "-x"], {"-o", "--output"})
    ['--ouput']
    """
    given = list(given)
    given = given[: given.index("--")] if "--" in given else given
    return [arg for arg in given if FLAG.match(arg) and not _known(arg, options)]


def _known(arg, options):
    """Whether argparse takes ``arg`` as an option of ``options``: the option
    (``--seed=0``), the start of one only (``--names-fil`` for
    ``--names-file``), or short options with a value or others after them
    (``-n3``, ``-qn3``: argparse reads the first two characters).

    Examples
    --------
    >>> [_known(arg, {"-n", "-q", "--names-file"})
    ...  for arg in ("-n3", "-qn3", "--names-fil", "-x3", "--names")]
    [True, True, True, False, True]
    """
    if not arg.startswith("--") and arg[:2] in options:
        return True
    return len(options_named(arg.partition("=")[0], options)) == 1
