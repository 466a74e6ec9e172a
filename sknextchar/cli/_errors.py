"""How the command line reports errors and warnings: one line each, no traceback.

An error a user can cause (a missing or corrupt file, a bad value, a name with
unknown characters) is one of :data:`USER_ERRORS` and prints as
``sknextchar: error: ...``; anything else is a bug and keeps its traceback.
"""

import re
import sys

__all__ = [
    "PROG",
    "USER_ERRORS",
    "cli_spelling",
    "error_message",
    "one_line",
    "show_warning",
]

PROG = "sknextchar"
# Errors a user can cause (bad files, values, names): one line, no traceback.
# scikit-learn's InvalidParameterError and NotFittedError are ValueErrors.
# MemoryError: a model file too large for this machine is the user's, not a bug.
USER_ERRORS = (OSError, ValueError, TypeError, ImportError, MemoryError)

# Optional dependencies: the package that is missing -> how to get it.
_INSTALL_HINTS = {
    "skops": 'this needs the skops package: pip install "sknextchar[skops]" (or '
    "use --format joblib when training)",
    "matplotlib": 'this needs matplotlib: pip install "sknextchar[plot]"',
}


def one_line(message):
    """A message with its line breaks and runs of spaces made single spaces.

    Parameters
    ----------
    message : object
        The message, or an exception or warning whose text is wanted.

    Returns
    -------
    text : str

    Examples
    --------
    >>> from sknextchar.cli._errors import one_line
    >>> one_line("Cannot load\\n  'm.skops'.")
    "Cannot load 'm.skops'."
    """
    return " ".join(str(message).split())


def error_message(exc):
    """The one-line message of a user's error, after ``sknextchar: error:``.

    Parameters
    ----------
    exc : Exception
        One of ``USER_ERRORS``.

    Returns
    -------
    message : str
        How to install a missing optional dependency, or the error's own text.

    Examples
    --------
    >>> from sknextchar.cli._errors import error_message
    >>> error_message(ImportError("No module named 'matplotlib'", name="matplotlib"))
    'this needs matplotlib: pip install "sknextchar[plot]"'
    >>> error_message(ValueError("bad\\nvalue"))
    'bad value'
    """
    if isinstance(exc, ImportError) and exc.name in _INSTALL_HINTS:
        return _INSTALL_HINTS[exc.name]
    if isinstance(exc, MemoryError):
        return f"out of memory ({one_line(exc) or 'MemoryError'}); try a smaller model"
    return cli_spelling(one_line(exc))


# A parameter and its value as the Python API's messages write them:
# alphabet='auto', encoding=..., max_iter=40.
_SETTING = re.compile(r"\b([a-z][a-z_]*)=('([^']*)'|\.\.\.|[\w.+-]+)")
# A parameter with an underscore in its name, named without a value (such names
# are not prose): end_symbol, validation_fraction.
_NAMED = re.compile(r"(?<![\w'\"=-])([a-z]+(?:_[a-z]+)+)(?![\w'\"=(])")


class _CallFlag:
    """A flag that passes an argument of a method call, not a parameter."""

    def __init__(self, flag, const=None):
        self.flag, self.const = flag, const  # const: a switch's value


# Arguments of NameSampler's methods that a command's own flag passes.
_CALL_FLAGS = {
    "label": _CallFlag("--label"),
    "min_label_proba": _CallFlag("--min-label-proba"),
    "max_bytes": _CallFlag("--max-bytes"),
    "max_rounds": _CallFlag("--max-rounds"),
    "pattern": _CallFlag("--pattern"),
    "novel": _CallFlag("--novel", const=True),
    "unique": _CallFlag("--unique", const=True),
}


# Python advice that the command line gives another way: (Python, command line).
_PYTHON_ADVICE = (
    ("a smaller validation_fraction, or early_stopping=False",
     "a smaller --validation-fraction, or --validation-fraction 0"),
    ("fit it on names and their labels (e.g. NameSampler(pipe).fit(names, labels))",
     "train it with 'sknextchar train NAMES_FILE --labels COLUMN_OR_FILE'"),
)  # fmt: skip


def cli_spelling(message):
    """A message with its parameter hints spelled as command-line flags.

    The estimators' messages name parameters (``alphabet='auto'``); on the
    command line the same hint is a flag (``--alphabet auto``). Settings that no
    flag sets are left as they are.

    Parameters
    ----------
    message : str

    Returns
    -------
    message : str

    Examples
    --------
    >>> from sknextchar.cli._errors import cli_spelling
    >>> cli_spelling("pass alphabet='auto', or handle_unknown='drop'.")
    'pass --alphabet auto, or --handle-unknown drop.'
    >>> cli_spelling("pass encoding=... (e.g. encoding='latin-1'); names[1]='x=y'")
    "pass --encoding ... (e.g. --encoding latin-1); names[1]='x=y'"
    >>> cli_spelling("P('f' | name) >= min_label_proba=0.9")
    "P('f' | name) >= --min-label-proba 0.9"
    >>> cli_spelling("Use a smaller validation_fraction, or early_stopping=False.")
    'Use a smaller --validation-fraction, or --validation-fraction 0.'
    >>> cli_spelling("end_symbol must be one character")
    '--end-symbol must be one character'
    """
    for python, command_line in _PYTHON_ADVICE:
        message = message.replace(python, command_line)
    from ._flags import SAMPLER_FLAGS, TRAIN_FLAGS

    flags = {flag.param: flag for flag in TRAIN_FLAGS + SAMPLER_FLAGS}
    flags.update(_CALL_FLAGS)

    def spell(match):
        param, text = match.group(1), match.group(2)
        value = match.group(3) if match.group(3) is not None else text
        if param == "encoding":  # of the names files
            return f"--encoding {value}"
        flag = flags.get(param)
        if flag is None:
            return match.group(0)
        if flag.const is not None:  # a switch such as --keep-case
            return flag.flag if text == repr(flag.const) else match.group(0)
        return f"{flag.flag} {value}"

    def spell_name(match):  # a parameter named without a value
        flag = flags.get(match.group(1))
        return match.group(0) if flag is None or flag.const is not None else flag.flag

    return _NAMED.sub(spell_name, _SETTING.sub(spell, message))


def show_warning(message, category, filename, lineno, file=None, line=None):
    """Print a warning as one line on stderr (a ``warnings.showwarning``).

    Parameters
    ----------
    message : Warning or str
        The warning.
    category : type
        Its class (not shown).
    filename, lineno, file, line : object
        Where it was raised (not shown).

    Examples
    --------
    >>> import sys
    >>> from sknextchar.cli._errors import show_warning
    >>> stderr, sys.stderr = sys.stderr, sys.stdout  # show it here
    >>> show_warning(UserWarning("careful\\n  now"), UserWarning, "x.py", 1)
    sknextchar: warning: careful now
    >>> sys.stderr = stderr
    """
    print(f"{PROG}: warning: {cli_spelling(one_line(message))}", file=sys.stderr)
