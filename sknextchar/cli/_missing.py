"""The command line that runs once its placeholders are filled: the words a
user gave a command, with what the command requires and they left out
(``MODEL``, ``CONTEXT``, ``-o FILE``, one of plot's pictures) added in its
place, and the line checked by parsing it."""

import argparse
import contextlib
import itertools
import os
import re

from ._repeated import last_kept
from ._typed_flags import FLAG, options_named

__all__ = [
    "completed",
    "count_first_note",
    "missing_note",
    "model_first",
    "model_note",
    "names_file_first",
    "parses",
    "value_shown",
]

_REQUIRED = "the following arguments are required: "
_ONE_OF = re.compile(r"one of the arguments (.+) is required")


def completed(parser, words):
    """The words ``words`` given to the command ``parser`` with the
    placeholders of what it requires and they lack (:func:`_filled`), and the
    usage errors that named them; ``(words, [])`` if nothing is missing or
    each line tried reads a placeholder in another's place.

    A missing positional goes after the first words that are no option, or
    else last; a missing option last, before a ``--``; of a group of which one
    option is required, its first.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> completed(commands["sample"], [])[0]
    ['MODEL']
    >>> completed(commands["table"], ["--top", "3"])[0]
    ['MODEL', 'CONTEXT', '--top', '3']
    >>> completed(commands["plot"], ["m.skops"])
    (['m.skops', '--embeddings', '-o', 'FILE'], ['the following arguments are \
required: -o/--output', 'one of the arguments --embeddings --loss --tree \
--distribution is required'])
    >>> completed(commands["score"], ["m.skops", "asha"])
    (['m.skops', 'asha'], [])
    """
    words = list(words)
    for at_end in (False, True):
        line, told = _filled(parser, words, at_end)
        if told and line is not None:
            return _given_once(parser, line), told
    return _given_once(parser, words), []


def _given_once(parser, words):
    """``words`` with each option given more than once only where it was
    given last (:func:`~._repeated.last_kept`), if ``parser`` reads that line
    as it reads ``words``; else ``words``."""
    namespace, message, extras = _attempt(parser, words)
    repeats = getattr(parser, "repeats", None)
    if message is not None or repeats is None:
        return words
    kept = last_kept(words, repeats, parser.options)
    if kept is None or kept == words:
        return words
    again, message, left = _attempt(parser, kept)
    return (
        kept
        if message is None and (vars(again), left) == (vars(namespace), extras)
        else words
    )


def _filled(parser, words, at_end):
    """``words`` with a placeholder for each argument a usage error of
    ``parser`` says is missing, until none is, and those errors; None for
    words if the line then parses with a placeholder in another's place
    (a line that fails on another error is not checked)."""
    told, placed, lenient = [], [], []
    for _ in range(2 * len(parser.actions)):
        with _lenient(lenient):
            namespace, message = _tried(parser, words)
        valued = _value_placed(parser, message, words)
        if valued is not None:  # plot m.skops --tree: --tree PREFIX
            told.append(message)
            words = valued
            continue
        actions = [] if message is None else _missing(parser, message)
        bad = None if message is None or actions else _of_value(parser, message)
        if bad is not None and bad not in lenient:  # told first: what is missing
            lenient.append(bad)
            continue
        if not actions:
            break
        told.append(message)
        for action in actions:
            words = _placed(words, action, at_end)
            placed.append(action)
    if namespace is None:  # another error (a bad value): the line as filled
        return words, told
    for action in placed:  # each placeholder where the command reads it
        value = getattr(namespace, action.dest, None)
        if not action.option_strings and action.metavar not in _listed(value):
            return None, told
    return words, told


def _of_value(parser, message):
    """The action of ``parser`` whose value its usage error ``message``
    refuses (``argument --max-iter: ...``), or None."""
    name = re.match(r"argument (\S+): ", message)
    return next(
        (
            action
            for action in parser.actions
            if name and name[1] in ("/".join(action.option_strings), action.metavar)
        ),
        None,
    )


def _value_placed(parser, message, words):
    """``words`` with the placeholder of the value an option lacks, after
    ``parser`` refused them (its usage error ``message``, whatever its
    wording): the first word, before a ``--``, that names one option taking
    a value (:func:`_valued`) and that has fewer words after it, before the
    next flag, than the option needs (``--tree -o t.png``: ``--tree PREFIX
    -o t.png``), if the line with the placeholder fails otherwise or not at
    all; else None.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> plot = build_parser().commands.choices["plot"]
    >>> _value_placed(plot, "(any words)", ["m", "--tre", "-o", "t.png"])
    ['m', '--tre', 'PREFIX', '-o', 't.png']
    >>> _value_placed(plot, "(any words)", ["m", "--tree", "ab"])  # it has one
    """
    end = words.index("--") if "--" in words else len(words)
    for at, word in enumerate(words[:end] if message is not None else ()):
        action, needs = _valued(parser, word)
        given = itertools.takewhile(lambda w: not FLAG.match(w), words[at + 1 : end])
        if action is not None and len(list(given)) < needs:
            line = [*words[: at + 1], value_shown(action), *words[at + 1 :]]
            return line if _tried(parser, line)[1] != message else None
    return None


def _valued(parser, word):
    """The option of ``parser`` that the typed ``word`` names alone
    (:func:`~._typed_flags.options_named`; a value joined by ``=`` or to a
    short flag, ``-n3``, names none), if it takes a value, with how many
    values it needs at least (its ``nargs``); else ``(None, 0)``."""
    named = [] if "=" in word else options_named(word, parser.options)
    action = next(
        (a for a in parser.actions if len(named) == 1 and named[0] in a.option_strings),
        None,
    )
    needs = {None: 1, "+": 1, "?": 0, "*": 0}
    least = None if action is None else needs.get(action.nargs, action.nargs)
    return (action, least) if isinstance(least, int) and least > 0 else (None, 0)


def value_shown(action, name=None):
    """The placeholder of the value of the option ``action`` in a line
    offered: its metavar; else its first choice (``--by total``: a value the
    line runs with, where argparse's usage shows ``{total,per-char}``, which
    a shell expands into two flags); else ``name`` or its dest, upper-cased.

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> score = build_parser().commands.choices["score"]
    >>> [value_shown(a) for a in score.actions if a.dest in ("by", "names_file")]
    ['FILE', 'total']
    """
    if action.metavar is not None:
        return action.metavar
    if action.choices:
        return str(next(iter(action.choices)))
    return (name or action.dest).upper()


@contextlib.contextmanager
def _lenient(actions):
    """Within the block, ``actions`` take any words as their values (no
    type, no choices): a bad value hides no missing argument."""
    saved = [(a, a.type, a.choices, getattr(a, "convert", None)) for a in actions]
    for action in actions:
        action.type = action.choices = None
        if hasattr(action, "convert"):  # a list flag converts its own words
            action.convert = None
    try:
        yield
    finally:
        for action, kind, choices, convert in saved:
            action.type, action.choices = kind, choices
            if hasattr(action, "convert"):
                action.convert = convert


def _listed(value):
    return value if isinstance(value, list) else [value]


def _tried(parser, words):
    """The namespace and the usage error (or None) of ``parser`` given
    ``words``, without printing or exiting; an error ends the namespace."""
    return _attempt(parser, words)[:2]


def _attempt(parser, words):
    """:func:`_tried`, and the words left over (``[]`` after an error)."""
    given = getattr(parser, "given", None)

    def refuse(message="", *args):  # a usage error, a help or an exit
        raise argparse.ArgumentError(None, message)

    parser.error = parser.exit = refuse  # a help printed nothing, exits not
    parser.print_help = lambda *args: None
    try:
        namespace, extras = parser.parse_known_args(words)
        return namespace, None, extras
    except argparse.ArgumentError as exc:
        return None, str(exc) or "exit", []
    finally:
        del parser.error, parser.exit, parser.print_help
        if given is not None:  # this parser's record of the words of its user
            parser.given = given


def _missing(parser, message):
    """The actions of ``parser`` that its usage error ``message`` says are
    missing: each one named after "required:" (``NAME or --names-file``: its
    first), or the first of a group of which one is required."""
    if message.startswith(_REQUIRED):
        names = [
            name.split(" or ")[0] for name in message[len(_REQUIRED) :].split(", ")
        ]
    elif group := _ONE_OF.fullmatch(message):
        names = group[1].split()[:1]
    else:
        return []
    return [
        action
        for name in names
        for action in parser.actions
        if name in ("/".join(action.option_strings), action.metavar, action.dest)
        or (action.option_strings and name == action.option_strings[0])
    ]


def _placed(words, action, at_end):
    """``words`` with the placeholder of ``action``: a required option's flag
    and metavar last, before any ``--``; a positional's metavar, or the
    option of a group, after the first words that are no option, or last
    (``at_end``)."""
    words = list(words)
    shown = [action.metavar or action.dest]
    if action.option_strings:
        shown = [action.option_strings[0], *[value_shown(action)][: action.nargs != 0]]
    first_flag = (i for i, w in enumerate(words) if w.startswith("-") and w != "-")
    if action.required and action.option_strings:
        at = words.index("--") if "--" in words else len(words)
    else:
        at = len(words) if at_end else next(first_flag, len(words))
    words[at:at] = shown
    return words


def missing_note(parser, message, prog, shown, words=None):
    """What the usage error ``message`` of ``parser`` adds when an option or
    one of a group is missing: all that is missing, then the line to type
    (:func:`completed`; the words ``words``, by default ``parser.given``,
    with what they lack), its words shown by ``shown``, if that line parses
    with no word left over; else "".

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> plot = build_parser().commands.choices["plot"]
    >>> plot.given = ["m.skops"]
    >>> print(missing_note(plot, _REQUIRED + "-o/--output", "sk plot", str))
     and one of --embeddings --loss --tree --distribution, for example: sk plot \
m.skops --embeddings -o FILE
    """
    if not (message.startswith(_REQUIRED) or _ONE_OF.fullmatch(message)):
        return ""
    line, told = completed(parser, parser.given if words is None else words)
    if not any(a.option_strings for m in told for a in _missing(parser, m)):
        return ""  # positionals only: argparse's usage line shows their place
    typed = f"{prog} {' '.join(shown(word) for word in line)}"
    if not parses(parser, line):  # a word left over (a typo's value): no line
        typed = ""
    groups = [_ONE_OF.fullmatch(m) for m in told]
    if told == [_REQUIRED + "-o/--output"]:
        return typed and f", the file to write: {typed}"
    if not any(groups):
        return typed and f", run: {typed}"
    more = "".join(f" and one of {g[1]}" for g in groups[1:] if g is not None)
    return f"{more}, for example: {typed}" if typed else more


def parses(parser, words):
    """Whether ``parser`` reads all of ``words`` (placeholders as values)
    with no usage error and no word left over."""
    namespace, message, extras = _attempt(parser, words)
    return message is None and not extras


def model_note(parser, message, prog, shown):
    """What the usage error ``message`` of ``parser`` adds when an argument
    after MODEL is missing and the word taken for MODEL is no file and not
    named as a model (``score asha``, ``table abi``): that the model comes
    first, and the line, the words ``parser.given`` shown by ``shown``; else "".

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> table = build_parser().commands.choices["table"]
    >>> table.given = ["abi"]
    >>> model_note(table, _REQUIRED + "CONTEXT", "sk table", str)
    "; 'abi' is no file: the model file comes first, sk table MODEL abi"
    >>> table.given = ["m.skops"]
    >>> model_note(table, _REQUIRED + "CONTEXT", "sk table", str)
    ''
    """
    if not message.startswith(_REQUIRED) or "MODEL" in message:
        return ""
    given = list(parser.given)
    words = model_first(parser, given)
    if words == given:
        return _names_file_note(parser, given, prog, shown)
    at = next((i for i, word in enumerate(given) if words[i] != word), len(given))
    model = words[at + 1]  # the word MODEL was put before
    typed = " ".join(shown(word) for word in words)
    return f"; {model!r} is no file: the model file comes first, {prog} {typed}"


def model_first(parser, words):
    """``words`` given to ``parser`` with ``MODEL`` before the word taken for
    the model when that word is no file and not named as a model (``score
    asha``: ``score MODEL asha``) and is then read by another argument;
    else ``words`` as they are (a list).

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> commands = build_parser().commands.choices
    >>> model_first(commands["score"], ["asha", "--explain"])
    ['MODEL', 'asha', '--explain']
    >>> model_first(commands["score"], ["m.skops", "asha"])
    ['m.skops', 'asha']
    >>> model_first(commands["plot"], ["ab", "--tree", "x"])  # no place for it
    ['ab', '--tree', 'x']
    """
    from .._model_files import MODEL_SUFFIXES

    words = list(words)
    namespace, _ = _tried(parser, completed(parser, words)[0])
    model = getattr(namespace, "model", None)
    if (
        not isinstance(model, str)
        or model not in words
        or os.path.lexists(model)
        or model.casefold().endswith(MODEL_SUFFIXES)
    ):
        return words
    moved = list(words)
    moved.insert(moved.index(model), "MODEL")
    namespace, _ = _tried(parser, completed(parser, moved)[0])
    read = [
        value
        for action in parser.actions
        if not action.option_strings and action.dest != "model"
        for value in _listed(getattr(namespace, action.dest, None))
    ]
    return moved if model in read else words


def count_first_note(parser, namespace, extras, prog, shown):
    """What the error on the words ``extras`` left over adds when a number of
    names was typed before the model (``sample 10 m.skops``: 10 taken for
    MODEL): the line with the model first and the number as ``-n``, the
    words ``parser.given`` shown by ``shown``; else "".

    Examples
    --------
    >>> from sknextchar.cli import build_parser
    >>> sample = build_parser().commands.choices["sample"]
    >>> sample.given = ["10", "m.skops", "--seed", "0"]
    >>> namespace, extras = sample.parse_known_args(sample.given)
    >>> count_first_note(sample, namespace, extras, "sk sample", str)
    '; the model comes first, the number of names after -n: sk sample m.skops \
--seed 0 -n 10'
    """
    model, words = getattr(namespace, "model", None), list(parser.given)
    given = {action.dest for action in parser.repeats.given}  # in the user's words
    if (
        "--n-samples" not in parser.options
        or "n_samples" in given  # a second -n: which one is meant is not known
        or not isinstance(model, str)
        or not (model.isdecimal() and model.isascii())
        or os.path.lexists(model)
        or model not in words
        or not any(not word.startswith("-") for word in extras)
    ):
        return ""
    words.remove(model)
    words += ["-n", model]
    if not parses(parser, words):
        return ""
    typed = " ".join(shown(word) for word in words)
    return f"; the model comes first, the number of names after -n: {prog} {typed}"


def names_file_first(parser, words):
    """``words`` given to ``parser`` with the word taken for the model, when
    it is a text file and no names are given (``score n.txt``), read as the
    file of names: ``MODEL --names-file n.txt``; else ``words`` as they are.

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar.cli import build_parser
    >>> score = build_parser().commands.choices["score"]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     names = os.path.join(folder, "n.txt")
    ...     with open(names, "w", encoding="utf-8") as file:
    ...         _ = file.write("asha\\n")
    ...     moved = names_file_first(score, [names, "--by", "per-char"])
    >>> moved[0], moved[1], moved[3:]
    ('MODEL', '--names-file', ['--by', 'per-char'])
    >>> names_file_first(score, ["m.skops"])
    ['m.skops']
    """
    from .._model_files import not_a_model_file

    words = list(words)
    if "--names-file" not in parser.options:
        return words
    namespace, _ = _tried(parser, completed(parser, words)[0])
    model = getattr(namespace, "model", None)
    if (
        not isinstance(model, str)
        or model not in words
        or namespace.names not in ([], ["NAME"])
        or namespace.names_file is not None
        or not os.path.isfile(model)
        or not (not_a_model_file(model) or "").startswith("a text file")
    ):
        return words
    at = words.index(model)
    words[at : at + 1] = ["MODEL", "--names-file", model]
    return words


def _names_file_note(parser, given, prog, shown):
    """What :func:`model_note` says of a text file taken for the model when
    no names are given (:func:`names_file_first`), or ""."""
    words = names_file_first(parser, given)
    if words == given or not parses(parser, words):
        return ""
    model = given[words.index("MODEL")]
    typed = " ".join(shown(word) for word in words)
    return (
        f"; {model!r} is a text file, no model: to {prog.split()[-1]} its "
        f"names, run: {prog} {typed}"
    )
