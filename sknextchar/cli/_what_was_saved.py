"""What a ``train`` that stopped early left, in words: ``-o`` and the kept model.

A failed save, Ctrl-C while training and Ctrl-C after it each say whether the
file given to ``-o`` is as it was or was not created, and (once the trained
model was kept in a new file) the ``mv`` command that moves it into place. One
spelling for all three. The standard library only: the entry point uses it
when Ctrl-C stops a command whose modules are still loading.
"""

from .._shown_paths import shell_path, shown_path

__all__ = ["move_command", "target_left"]


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
    return f"{shown_path(path)} {state}"


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
