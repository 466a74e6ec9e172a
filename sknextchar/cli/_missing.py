"""The command line that runs once its placeholders are filled: the words a
user gave a command, with what the command requires and they left out
(``MODEL``, ``CONTEXT``, ``-o FILE``, one of plot's pictures) added in its
place, and the line checked by parsing it."""

import argparse
import os
import re

__all__ = ["completed", "missing_note", "model_first", "model_note"]

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
            return line, told
    return words, []


def _filled(parser, words, at_end):
    """``words`` with a placeholder for each argument a usage error of
    ``parser`` says is missing, until none is, and those errors; None for
    words if the line then parses with a placeholder in another's place
    (a line that fails on another error is not checked)."""
    told, placed = [], []
    for _ in range(len(parser._actions)):
        namespace, message = _tried(parser, words)
        actions = [] if message is None else _missing(parser, message)
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


def _listed(value):
    return value if isinstance(value, list) else [value]


def _tried(parser, words):
    """The namespace and the usage error (or None) of ``parser`` given
    ``words``, without printing or exiting; an error ends the namespace."""
    given = getattr(parser, "given", None)

    def refuse(message="", *args):  # a usage error, a help or an exit
        raise argparse.ArgumentError(None, message)

    parser.error = parser.exit = refuse  # a help printed nothing, exits not
    parser.print_help = lambda *args: None
    try:
        return parser.parse_known_args(words)[0], None
    except argparse.ArgumentError as exc:
        return None, str(exc) or "exit"
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
        for action in parser._actions
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
        shown = [action.option_strings[0], *shown[: action.nargs != 0]]
    first_flag = (i for i, w in enumerate(words) if w.startswith("-") and w != "-")
    if action.required and action.option_strings:
        at = words.index("--") if "--" in words else len(words)
    else:
        at = len(words) if at_end else next(first_flag, len(words))
    words[at:at] = shown
    return words


def missing_note(parser, message, prog, shown):
    """What the usage error ``message`` of ``parser`` adds when an option or
    one of a group is missing: all that is missing, then the line to type
    (:func:`completed`), its words shown by ``shown``; else "".

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
    line, told = completed(parser, parser.given)
    if not any(a.option_strings for m in told for a in _missing(parser, m)):
        return ""  # positionals only: argparse's usage line shows their place
    typed = f"{prog} {' '.join(shown(word) for word in line)}"
    groups = [_ONE_OF.fullmatch(m) for m in told]
    if told == [_REQUIRED + "-o/--output"]:
        return f", the file to write: {typed}"
    if not any(groups):
        return f", run: {typed}"
    more = "".join(f" and one of {g[1]}" for g in groups[1:] if g is not None)
    return f"{more}, for example: {typed}"


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
        return ""
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
        for action in parser._actions
        if not action.option_strings and action.dest != "model"
        for value in _listed(getattr(namespace, action.dest, None))
    ]
    return moved if model in read else words
