"""What a ``train`` that stopped early left, in words: ``-o`` and the kept model.

A failed save, Ctrl-C while training and Ctrl-C after it each say whether the
file given to ``-o`` is as it was or was not created, and (once the trained
model was kept in a new file) the ``mv`` command that moves it into place. One
spelling for all three. The standard library only: the entry point uses it
when Ctrl-C stops a command whose modules are still loading.
"""

import os
import shlex
import unicodedata

__all__ = ["move_command", "shell_path", "shell_word", "target_left"]

# The categories of characters a message of one line cannot show as themselves:
# controls (line ends, tabs), line and paragraph separators, lone surrogates.
_UNSHOWN = frozenset({"Cc", "Zl", "Zp", "Cs"})


def target_left(path, before):
    """Whether ``path`` is as it was or was not created, in words.

    Parameters
    ----------
    path : str or os.PathLike
        The ``-o`` file, as the user gave it.
    before : object
        What was at ``path`` before the command
        (:func:`~sknextchar._file_safety.file_state`): None (or anything
        false) if no file was there.

    Returns
    -------
    words : str
        ``path`` quoted, then ``is as it was`` or ``was not created``.

    Examples
    --------
    >>> target_left("m.skops", None)
    "'m.skops' was not created"
    >>> target_left("m.skops", (1, 2, 3, 4))
    "'m.skops' is as it was"
    """
    state = "is as it was" if before else "was not created"
    return f"{os.fspath(path)!r} {state}"


def shell_path(path):
    """``path`` as a shell command takes it: quoted, and never read as an option.

    Parameters
    ----------
    path : str or os.PathLike
        A file's path.

    Returns
    -------
    word : str
        The path quoted for a POSIX shell; a relative path that starts with
        ``-`` is given as ``./-...``, which no command reads as its options.
        A path with a character that cannot be shown (a line end, a tab, a
        byte that is no UTF-8) is quoted as ``$'...'``, that character
        spelled ``\\xHH``: a message of one line keeps it, and the shell
        (bash, zsh, ksh) reads it back as the byte it was.

    Examples
    --------
    >>> shell_path("my model.skops")
    "'my model.skops'"
    >>> shell_path("-m.skops")
    './-m.skops'
    >>> print(shell_path("new\\nline.skops"))
    $'new\\x0aline.skops'
    """
    path = os.fspath(path)
    if path.startswith("-"):
        path = os.path.join(os.curdir, path)
    return shell_word(path)


def shell_word(text):
    """``text`` as one word of a POSIX shell command, on one line.

    Parameters
    ----------
    text : str

    Returns
    -------
    word : str
        ``text`` quoted by :func:`shlex.quote`; as ``$'...'`` when it holds a
        character a message of one line cannot show (a line end, a tab, a byte
        that is no UTF-8), that character spelled ``\\xHH``, which bash, zsh
        and ksh read back as the byte it was.

    Examples
    --------
    >>> print(shell_word("a b"), shell_word("-x"), shell_word("a\\tb"))
    'a b' -x $'a\\x09b'
    """
    if all(_shown(char) for char in text):
        return shlex.quote(text)
    spelled = (
        ("\\" + char if char in "\\'" else char)
        if _shown(char)
        else "".join(f"\\x{byte:02x}" for byte in os.fsencode(char))
        for char in text
    )
    return "$'" + "".join(spelled) + "'"


def _shown(char):
    """Whether a message can show ``char`` as itself: not a control character
    (a line end, a tab), a line or paragraph separator, or a byte of a file name
    that is no UTF-8, decoded as a lone surrogate. An invisible character of a
    name (a zero-width joiner, a no-break space) is shown, quoted as any other,
    so that ``sh`` reads the command too."""
    return unicodedata.category(char) not in _UNSHOWN


def move_command(kept, output):
    """The ``mv`` command that moves the model kept at ``kept`` to ``output``.

    Parameters
    ----------
    kept : str or os.PathLike
        The new file the trained model was kept in.
    output : str or os.PathLike
        The ``-o`` file it was meant for.

    Returns
    -------
    command : str
        ``mv KEPT OUTPUT``, each path quoted for the shell.

    Examples
    --------
    >>> move_command("/tmp/m.unsaved-x1.skops", "my model.skops")
    "mv /tmp/m.unsaved-x1.skops 'my model.skops'"
    """
    return f"mv {shell_path(kept)} {shell_path(output)}"
