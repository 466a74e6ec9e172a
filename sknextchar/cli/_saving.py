"""Saving the model ``sknextchar train`` trained, and keeping it when that fails.

Training takes minutes; the save comes last. ``-o`` is checked before training
(:func:`~sknextchar.cli._commands.check_output`) and again just before the save,
but the disk may fill up, the folder may be removed or write-protected, or the
user may press Ctrl-C while the file is written. The target is then left as it
was (:func:`~sknextchar._file_safety.atomic_write`), and the trained model is
written to a fallback file of a new name instead: beside the target, else in
the temporary folder, else in the current folder, never over an existing file.
Its name is cut to fit the file system's limit on a name (the temporary file
written beside it first included); the error says where it is, why it is not
beside ``-o`` when it is elsewhere, and how to move it into place.
"""

import errno
import functools
import os
import secrets
import sys
import tempfile
from pathlib import Path

from .._file_safety import check_target, file_state, real_target
from .._name_limits import most_name_bytes
from .._persistence import save_model
from .._shown_paths import shown_path
from .._temp_files import new_file
from ._commands import check_output
from ._errors import PROG, USER_ERRORS, one_line
from ._what_was_saved import move_command, target_left

__all__ = [
    "Refused",
    "fallback_folders",
    "keep_elsewhere",
    "kept_instead",
    "save_trained",
]

# Between the target's stem and its suffix in the name of a fallback file.
_MARK = ".unsaved-"


def save_trained(model, args, inputs, fmt):
    """Check ``-o`` again and save the trained model there, or keep it elsewhere.

    Parameters
    ----------
    model : estimator
        The trained model (a NameSampler or a pipeline).
    args : argparse.Namespace
        The parsed command line, with ``output``.
    inputs : list of str
        The command's input files, never overwritten.
    fmt : {"skops", "joblib"}
        The format to write.

    Returns
    -------
    path : pathlib.Path
        ``-o``, written.

    Raises
    ------
    OSError, ValueError
        If ``-o`` could not be written: the error of the save, followed by
        where the model was kept (or why it could not be kept).
    Exception
        Any other error of the save (a bug) as it was, once the model was
        kept elsewhere where possible (where is printed first).
    SystemExit
        With status 130, if interrupted while saving (once the model was kept
        elsewhere, which a second Ctrl-C stops).

    Examples
    --------
    >>> import argparse, os, tempfile
    >>> from sknextchar import ContextWindowTransformer
    >>> model = ContextWindowTransformer().fit(["asha"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     args = argparse.Namespace(output=os.path.join(tmp, "m.skops"), force=False)
    ...     save_trained(model, args, [], "skops").name
    'm.skops'
    """
    before = file_state(args.output)
    try:
        check_output(args, inputs)  # as before training: nothing swapped in
        # Not over a model another train wrote there meanwhile, without --force.
        return save_model(model, Path(args.output), format=fmt, force=args.force)
    except KeyboardInterrupt:
        if file_state(args.output) != before:  # after the rename: -o holds the model
            raise
        try:
            note = _kept_note(model, args.output, fmt)
        except KeyboardInterrupt as again:  # drops the model: nothing was saved
            again.given_up = True  # not kept again by the training's handler
            raise
        print(
            f"{PROG}: interrupted while saving: nothing was saved "
            f"({target_left(args.output, before)}). {note}",
            file=sys.stderr,
        )
        raise SystemExit(130) from None  # the status of an interrupted command
    except USER_ERRORS as error:
        note = _kept_note(model, args.output, fmt, told=_reason(error, ()))
        kept = _with_note(error, note)
        if kept is None:  # an error that takes no message alone: told apart
            raise
        raise kept from error
    except Exception:  # a bug: its traceback follows, but the model is kept
        path, failures = keep_elsewhere(model, args.output, fmt)
        if path is not None:
            print(
                f"{PROG}: saving to -o failed by an internal error (below); the "
                f"trained model was {kept_instead(path, failures)}: move it into "
                f"place ({move_command(path, args.output)}), or use it where it is.",
                file=sys.stderr,
            )
        raise


def _with_note(error, note):
    """The error again, its message followed by ``note``; None (and the note
    printed) for an error that cannot be made again from a message."""
    try:
        if type(error).__module__ != "builtins" or isinstance(
            error,
            (ImportError, MemoryError),  # messages of their own in main
        ):
            raise TypeError(type(error).__name__)
        kept = type(error)(f"{one_line(error).rstrip()} {note}")
    except TypeError:  # UnicodeDecodeError, a class of a library
        print(f"{PROG}: {note}", file=sys.stderr)
        return None
    kept.errno = getattr(error, "errno", None)
    return kept


def _kept_note(model, output, fmt, told=None):
    """Keep the model in a fallback file; say where and how to move it (and
    why not beside ``output``, unless that is ``told``, the error's reason)."""
    path, failures = keep_elsewhere(model, output, fmt)
    if path is None:
        return (
            "The trained model could not be kept in another file either ("
            + "; ".join(failures)
            + "): it is lost. Free some space or choose a writable -o, and train "
            "again."
        )
    return (
        f"The trained model was not lost: it was {kept_instead(path, failures, told)}; "
        f"move it into place ({move_command(path, output)}), or use it where it is."
    )


def kept_instead(path, failures, told=None):
    """Where a model was kept in place of ``-o``, and why there when it is not
    beside ``-o``.

    Parameters
    ----------
    path : str or os.PathLike
        The file the model was kept in.
    failures : list of str
        :func:`keep_elsewhere`'s, one per folder tried before, the folder of
        ``-o`` first.
    told : str or None, default=None
        The reason the error about ``-o`` just gave: not said again for the
        folder of ``-o`` when it is the same.

    Returns
    -------
    where : str
        "saved to PATH instead", and why not beside ``-o``.

    Examples
    --------
    >>> failures = [Refused("/data", "Permission denied")]
    >>> print(kept_instead("/tmp/m.unsaved-1f3a9c0e.skops", failures))
    ... # doctest: +NORMALIZE_WHITESPACE
    saved to '/tmp/m.unsaved-1f3a9c0e.skops' instead, as the folder of -o did
    not take it (in '/data': Permission denied)
    >>> print(kept_instead("/tmp/m.unsaved-1f3a9c0e.skops", failures,
    ...                    told="Permission denied"))
    ... # doctest: +NORMALIZE_WHITESPACE
    saved to '/tmp/m.unsaved-1f3a9c0e.skops' instead, as the folder of -o did
    not take it either
    """
    if not failures:
        return f"saved to {shown_path(path)} instead"
    folders = "the folder of -o" + " and the temporary folder" * (len(failures) > 1)
    said = told is not None and getattr(failures[0], "why", None) == told
    whys = "; ".join(failures[said:])
    why = f" ({whys})" if whys else " either"
    return f"saved to {shown_path(path)} instead, as {folders} did not take it{why}"


class Refused(str):
    """Why a folder did not take the fallback file, as told ("in FOLDER:
    WHY"), with the reason apart (``why``), recorded when it failed.

    Examples
    --------
    >>> refused = Refused("/data", "no such folder")
    >>> print(refused, "/", refused.why)
    in '/data': no such folder / no such folder
    """

    def __new__(cls, folder, why):
        refused = super().__new__(cls, f"in {shown_path(folder)}: {why}")
        refused.why = why
        return refused


def fallback_folders(output):
    """Where a model that could not be saved to ``output`` is kept, in order.

    Parameters
    ----------
    output : str or os.PathLike
        ``-o``.

    Returns
    -------
    folders : list of pathlib.Path
        The folder of ``output`` (where it exists), the temporary folder and
        the current folder, each once.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> Path(tempfile.gettempdir()) in fallback_folders("/no/such/folder/m.skops")
    True
    """
    folders = []
    candidates = [real_target(output).parent, tempfile.gettempdir(), os.getcwd()]
    for folder in candidates:
        folder = Path(os.path.realpath(folder))
        if folder.is_dir() and folder not in folders:
            folders.append(folder)
    return folders


def keep_elsewhere(model, output, fmt):
    """Save the model to a new file in the first fallback folder that takes it.

    The file is new (``<stem>.unsaved-<random><suffix>``), in the first of
    :func:`fallback_folders` where it can be written: nothing existing is
    ever replaced, ``output`` included.

    Parameters
    ----------
    model : estimator
        The model to keep.
    output : str or os.PathLike
        ``-o``, whose name and folder the file takes.
    fmt : {"skops", "joblib"}
        The format to write.

    Returns
    -------
    path : pathlib.Path or None
        The file written; None if every folder failed.
    failures : list of Refused
        Why each folder before it failed (strings, "in FOLDER: WHY").
    """
    real = real_target(output)
    # At most 40 + 17 + 20 characters, cut further where names are shorter.
    stem, suffix = real.stem[:40], real.suffix[:20]
    # A folder of -o that is gone is told as the first that did not take it.
    failures = [] if real.parent.is_dir() else [Refused(real.parent, "no such folder")]
    for folder in fallback_folders(output):
        drawn = []  # the names drawn in this folder, the last one tried
        fitting = _fitting_name(folder, stem, suffix)
        fresh = functools.partial(_fallback_name, folder, *fitting, drawn)
        try:
            # A new file of its own, removed unless the model was written in it.
            with new_file(fresh, 0o666, keep=os.path.getsize) as path:
                check_target(path, command_line=True)  # refused in -o's words
                return save_model(model, path, format=fmt), failures
        except Exception as error:  # noqa: BLE001 - said in the message
            failures.append(Refused(folder, _reason(error, drawn)))
    return None, failures


def _fitting_name(folder, stem, suffix):
    """``stem`` and ``suffix`` cut so that a fallback name in ``folder`` fits
    in a name there (143 bytes on eCryptfs; the temporary file written beside
    it first cuts its own name to fit,
    :func:`~sknextchar._temp_files.temp_name`): the stem first, to its first
    character (a name of a dot first would be hidden), then the suffix,
    whole."""
    most = most_name_bytes(folder)

    def fits(stem, suffix):
        return len(os.fsencode(f"{stem}{_MARK}{'0' * 8}{suffix}")) <= most

    while not fits(stem, suffix) and (len(stem) > 1 or suffix):
        stem, suffix = (stem[:-1], suffix) if len(stem) > 1 else (stem, "")
    return stem, suffix


def _fallback_name(folder, stem, suffix, drawn):
    """A new name in ``folder`` for a fallback file: ``m.unsaved-<random>.skops``,
    added to ``drawn``."""
    name = os.path.join(folder, f"{stem}{_MARK}{secrets.token_hex(4)}{suffix}")
    drawn.append(name)
    return name


def _reason(error, drawn):
    """Why a folder did not take the fallback file (or -o, with no ``drawn``):
    the system's words, or a refusal's own few (its ``why``), but for a path
    too long, which is the fallback's (``drawn[-1]``), not ``-o``'s."""
    code = getattr(error, "errno", None)
    if code == errno.ENAMETOOLONG and drawn:
        name = os.path.basename(drawn[-1])
        return (
            f"the name or path of a new file there ({shown_path(name)}: "
            f"{len(os.fsencode(drawn[-1])):,} bytes with its folder), or of the "
            "temporary file written beside it first, is too long for the file system"
        )
    if getattr(error, "why", None):
        return error.why
    return os.strerror(code) if code else one_line(error)
