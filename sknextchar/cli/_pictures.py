"""The picture file of ``sknextchar plot``: its format, told by the suffix of
``-o``, checked before any work, and a format that cannot be written here
(``.pgf`` without LaTeX) said in one line."""

import os
from pathlib import Path

from .._shown_paths import shown_path
from ._errors import one_line

__all__ = ["check_picture_output", "save_picture"]

# The formats to suggest: matplotlib writes them without any other program.
_SUGGESTED = "such as .png, .svg or .pdf"


def check_picture_output(output):
    """Refuse ``-o`` without a suffix, or with one that matplotlib cannot
    write (``.txt``): the suffix picks the picture's format.

    Without matplotlib, the suffix is not checked here: drawing the picture
    says how to install it. Nor for a folder: its refusal
    (:func:`~sknextchar._file_safety.check_target`) suggests a picture file in
    it, not a suffix.

    Parameters
    ----------
    output : str
        ``-o``.

    Raises
    ------
    ValueError
        It names ``-o`` and suggests the usual suffixes.

    Examples
    --------
    >>> check_picture_output("loss.svg")
    >>> check_picture_output("loss.txt")
    Traceback (most recent call last):
    ...
    ValueError: -o 'loss.txt' has the suffix '.txt', which is no picture format ...
    """
    suffix = Path(output).suffix
    if os.path.isdir(output):
        return
    if not suffix:
        raise ValueError(
            f"-o {shown_path(output)} has no suffix, and the suffix picks the "
            "picture's "
            f"format: add one, {_SUGGESTED}."
        )
    try:
        from matplotlib.backend_bases import FigureCanvasBase
    except ImportError:
        return
    formats = FigureCanvasBase.get_supported_filetypes()
    if suffix[1:].lower() not in formats:
        raise ValueError(
            f"-o {shown_path(output)} has the suffix {suffix!r}, which is no picture "
            "format "
            f"that plot writes (the suffix picks the format): use one {_SUGGESTED}."
        )


def save_picture(output, save):
    """``save()``, the write of the picture to ``output`` (through a temporary
    file, removed if it fails); a format that needs what this machine lacks
    (``.pgf``: LaTeX; a format Pillow was built without) is a user's error.

    Parameters
    ----------
    output : str
        ``-o``.
    save : callable
        Writes the picture; takes no argument.

    Raises
    ------
    ValueError
        If matplotlib cannot write that format here.

    Examples
    --------
    >>> def save():
    ...     raise RuntimeError("'xelatex' not found")
    >>> save_picture("e.pgf", save)
    Traceback (most recent call last):
    ...
    ValueError: -o 'e.pgf': matplotlib cannot write a .pgf picture on this ...
    """
    try:
        save()
    except (RuntimeError, KeyError) as exc:  # pgf's LaTeX; Pillow's encoders
        suffix = Path(output).suffix
        why = f"{type(exc).__name__}: {one_line(exc)}"
        if suffix.lower() == ".pgf":  # not matplotlib's advice of rcParams
            failed = "it did not find" if "not found" in str(exc) else "failed"
            why = f"it writes one by running LaTeX, which {failed}"
        raise ValueError(
            f"-o {shown_path(output)}: matplotlib cannot write a {suffix} picture on "
            "this "
            f"machine ({why}). Nothing was written: pass -o with another suffix, "
            f"{_SUGGESTED}."
        ) from None
