"""How the command line reports errors and warnings: one line each, no traceback.

An error a user can cause (a missing or corrupt file, a bad value, a name with
unknown characters) is one of :data:`USER_ERRORS` and prints as
``sknextchar: error: ...``; anything else is a bug and keeps its traceback.
"""

import sys

__all__ = ["PROG", "USER_ERRORS", "error_message", "one_line", "show_warning"]

PROG = "sknextchar"
# Errors a user can cause (bad files, values, names): one line, no traceback.
# scikit-learn's InvalidParameterError and NotFittedError are ValueErrors.
USER_ERRORS = (OSError, ValueError, TypeError, ImportError)

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
    return one_line(exc)


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
    print(f"{PROG}: warning: {one_line(message)}", file=sys.stderr)
