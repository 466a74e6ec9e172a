"""Writing files without destroying anything: target checks and atomic replaces.

Every file the package writes (a model, a picture) goes through
:func:`atomic_write`: it checks the target (:func:`check_target`), writes a
temporary file in the target's folder (:mod:`~sknextchar._temp_files`),
checks it, and only then renames it over the target. On any failure the
target is left byte-identical and the temporary file is removed.

:func:`check_target` refuses, before any work is done, a target that exists
and is not a regular file (a folder, a FIFO, a device, a socket), one of a
command's input files, a path that names a file this process has open
(/dev/stdout, /dev/fd/N: :mod:`~sknextchar._open_files`), a write-protected
file or folder (:mod:`~sknextchar._write_protection`), a path the file system
would refuse (:mod:`~sknextchar._path_flaws`), and an existing file without
``force``. A symbolic link as target is followed: the file it points to is
replaced and the link stays in place, still pointing to it.
"""

import contextlib
import errno
import os
import stat
from pathlib import Path

from ._name_limits import most_path_bytes
from ._open_files import open_file_path
from ._path_flaws import LINK_LOOP, file_on_the_way, name_too_long, unnamable_path
from ._shown_paths import shell_path, shown_path
from ._temp_files import new_file, temp_name
from ._write_protection import protected_message, protection

__all__ = [
    "atomic_write",
    "check_target",
    "current_umask",
    "file_state",
    "real_target",
]


# Kinds of file that are never replaced, by the name users know them by.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


# The file a refusal suggests unless the writer names its own: a model file.
_MODEL_FILE = ("a model file", "model.skops")


def real_target(path):
    """The file that writing to ``path`` would replace: symlinks followed.

    Parameters
    ----------
    path : str or os.PathLike
        The target as the user gave it.

    Returns
    -------
    path : pathlib.Path
        The absolute path with every symbolic link resolved (the file a link
        points to, even if it does not exist yet).

    Examples
    --------
    >>> from sknextchar._file_safety import real_target
    >>> real_target("/tmp/../tmp/m.skops").name
    'm.skops'
    """
    return Path(os.path.realpath(os.fspath(path)))


def _kind(mode):
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_target(
    path, *, inputs=(), force=True, command_line=False, keep=None, example=None
):
    """Refuse a target that must not be written, before any work is done.

    Parameters
    ----------
    path : str or os.PathLike
        Where a file is to be written.
    inputs : iterable of str or os.PathLike, default=()
        Files the caller reads: never overwritten, even with ``force``.
    force : bool, default=True
        Whether an existing regular file may be replaced (False: refused,
        with ``--force`` or ``force=True`` as the advice).
    command_line : bool, default=False
        Spell the advice of a refusal for the command line (``--force``,
        ``chmod``) rather than for Python.
    keep : callable or None, default=None
        ``keep(real_path, shown, command_line)`` says why an existing regular
        file must be kept whatever ``force`` says (the message of the
        FileExistsError), or returns None if it may be replaced; a model's
        writers pass :func:`sknextchar._model_files.keep_other_files`.
    example : tuple of (str, str) or None, default=None
        The kind of file to write and a name of one, such as ``("a picture
        file", "loss.png")``, which a refusal of a folder or of an empty path
        suggests (in the folder: ``'outdir/loss.png'``); None for a model
        file, ``'model.skops'``.

    Returns
    -------
    existing : os.stat_result or None
        The status of the regular file that would be replaced, or None.

    Raises
    ------
    IsADirectoryError
        If ``path`` is a folder.
    FileExistsError
        If ``path`` is a FIFO, a device or a socket (never replaced), names a
        file this process has open (/dev/stdout, /dev/fd/N), or is an existing
        file that ``keep`` keeps, or any existing file and ``force`` is False.
    FileNotFoundError
        If the folder of ``path`` does not exist (its ``why``: "no such
        folder", for a caller that tells it of another file).
    PermissionError
        If the folder of ``path``, or the file there, is write-protected: the
        process may not write it, or its mode lets no one write it (which
        protects it from root too). Even ``force`` does not replace it. For
        the folder, ``why`` says so in a few words, without the advice.
    OSError
        With ``errno.ENAMETOOLONG``, if the file system would refuse ``path``
        as too long, or the temporary file
        :func:`~sknextchar._file_safety.atomic_write` writes beside it first
        (a longer name): the message says what is too long (see
        :func:`~sknextchar._path_flaws.name_too_long`). Also if ``path`` is a
        loop of symbolic links.
    ValueError
        If ``path`` is one of ``inputs``, or holds a NUL character or a lone
        surrogate (:func:`~sknextchar._path_flaws.unnamable_path`).

    Examples
    --------
    >>> import tempfile
    >>> from sknextchar._file_safety import check_target
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     try:
    ...         check_target(tmp)
    ...     except IsADirectoryError as exc:
    ...         print(str(exc).split(": ")[1][:14])
    it is a folder
    """
    shown = os.fspath(path)
    advice = (command_line, example or _MODEL_FILE)  # what _give takes
    flaw = unnamable_path(shown)  # os.stat would say "embedded null byte"
    if flaw is not None:
        raise ValueError(
            f"Cannot save to {shown_path(shown)}: {flaw}. {_give(*advice)}."
        )
    _refuse_open_file(shown, advice)
    if str(shown).endswith(("/", os.sep)) and not os.path.isdir(shown):
        raise FileNotFoundError(
            f"Cannot save to {shown_path(shown)}: no such folder (a path ending in a "
            f"separator names a folder). {_give(*advice)}."
        )
    real = real_target(path)
    status = _status(real, shown, command_line)
    if status is not None:
        _check_existing(shown, real, status, inputs, advice)
    elif not real.parent.is_dir():
        raise _why(
            FileNotFoundError(
                f"Cannot save to {shown_path(shown)}: no such folder "
                f"({shown_path(real.parent)}). "
                "Create the folder first, or choose a file in a folder that exists."
            ),
            "no such folder",
        )
    _temp_too_long(real, shown, command_line)
    _refuse_protected_folder(real, shown, command_line)  # before training
    protected = None if status is None else protection(real, status)
    if protected is not None:
        raise PermissionError(protected_message(shown, protected, command_line))
    kept = None if status is None or keep is None else keep(real, shown, command_line)
    if kept is not None:
        raise FileExistsError(kept)
    if status is not None and not force:
        raise FileExistsError(_exists_message(shown, command_line))
    return status


def _exists_message(shown, command_line, meanwhile=False):
    """The refusal of an existing file without ``force``, in the caller's words;
    ``meanwhile``: it was made while this process wrote its own."""
    when = (
        " (another program wrote it while this one wrote its own; it was left "
        "untouched)"
    ) * meanwhile
    advice = (
        "pass --force to replace it, or choose another output file"
        if command_line
        else "pass force=True to replace it, or save to another path"
    )
    return f"{shown_path(shown)} already exists{when}; {advice}."


def _refuse_protected_folder(real, shown, command_line):
    """Refuse a target whose folder is write-protected."""
    protected = protection(real.parent)
    if protected is not None:
        why = f"cannot be written to (read-only or no permission: {protected})"
        raise _why(
            PermissionError(
                f"Cannot save to {shown_path(shown)}: its folder {why}. "
                f"{_another(command_line)}."
            ),
            why,
        )


def _why(error, why):
    """``error``, its ``why`` set: what is wrong with the target's folder, in
    a few words and no advice, for a caller that tells it of another file."""
    error.why = why
    return error


def _another(command_line):
    """What to do instead of writing the target, in the caller's words."""
    return "Choose another output file" if command_line else "Save to another path"


def _status(real, shown, command_line):
    """``os.stat`` of the target, None where there is no file yet; a folder
    that may not be entered, or a loop of symbolic links, refused."""
    try:
        return os.stat(real)
    except FileNotFoundError:
        return None
    except PermissionError:  # a folder on the way that may not be entered
        raise PermissionError(
            f"Cannot save to {shown_path(shown)}: its folder "
            f"{shown_path(real.parent)} cannot be entered (no permission); "
            f"nothing was saved. {_another(command_line)}."
        ) from None
    except NotADirectoryError:  # a file where the path has a folder
        raise NotADirectoryError(
            f"Cannot save to {shown_path(shown)}: "
            f"{shown_path(file_on_the_way(shown))} is a file, not a folder; "
            "nothing was saved. Choose a file in a folder that exists."
        ) from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise _too_long_error(shown, name_too_long(shown), command_line) from None
        if error.errno != errno.ELOOP:
            raise
        remove = f"rm {shell_path(shown)}" if command_line else "os.remove(path)"
        raise OSError(  # one argument: no "[Errno 40]" before the message
            f"Cannot save to {shown_path(shown)}: {LINK_LOOP}; remove it ({remove}) or "
            f"{_another(command_line).lower()}."
        ) from None


def _too_long_error(shown, reason, command_line):
    """The refusal of a target the file system would refuse as too long; its
    ``errno`` is ``ENAMETOOLONG``, which callers tell apart."""
    shorter = "Give -o a shorter one" if command_line else "Pass a shorter path"
    error = OSError(
        f"Cannot save to {shown_path(shown)}: {reason}; nothing was saved. {shorter}."
    )
    error.errno = errno.ENAMETOOLONG
    return error


def _temp_too_long(real, shown, command_line):
    """Refuse a target whose temporary file, beside it and longer than it
    (``.m.skops.1f3a9c0e.skops``), the system would refuse, before any work."""
    temp = len(os.fsencode(temp_name(real, "0" * 8)))  # no random drawn
    most = most_path_bytes(real)
    if temp > most:
        raise _too_long_error(
            shown,
            f"the path is {len(os.fsencode(real)):,} bytes long, and the temporary "
            f"file written beside it first would be {temp:,}, more than the "
            f"{most:,} the system takes",
            command_line,
        )


def _give(command_line, example, folder=None):
    """The advice to give a file of the kind written (``example``: its kind
    and a name), in ``folder`` if given: ``Give -o a picture file in it, such
    as 'outdir/loss.png'`` on the command line."""
    kind, name = example
    where = "" if folder is None else " in it"
    name = name if folder is None else os.path.join(folder, name)
    give = "Give -o" if command_line else "Pass the path of"
    return f"{give} {kind}{where}, such as {shown_path(name)}"


def _refuse_open_file(shown, advice):
    """Refuse /dev/stdout and the like (an open file, not a file of its own),
    and an empty path (``realpath('')`` is the current folder); ``advice``:
    what :func:`_give` takes (``-o`` alone on the command line, for a stream)."""
    command_line = advice[0]
    if not shown:
        empty = "Cannot save to '': the path is empty"
        raise FileNotFoundError(f"{empty}. {_give(*advice)}.")
    if command_line and shown == "-":  # the standard output, to many programs
        # ./- works for a model only: a picture's suffix picks its format.
        dash = " (or ./- for a file named '-')" if advice[1] == _MODEL_FILE else ""
        raise FileExistsError(
            f"Cannot write to '-': {advice[1][0].removesuffix(' file')} is written "
            f"to a file, never to the standard output. {_give(*advice)}{dash}."
        )
    stream = open_file_path(shown)
    if stream is not None:
        where = (
            "it"
            if stream == os.path.abspath(shown)
            else f"it leads to {shown_path(stream)}, which"
        )
        give = "Give -o the path of a file" if command_line else _give(*advice)
        raise FileExistsError(
            f"Cannot write to {shown_path(shown)}: {where} names an open file of a "
            "process (a standard stream or a descriptor it holds), not a file of "
            "its own; a model or a picture is written beside its file and renamed "
            f"into place, which a stream cannot take. {give}."
        )


def _check_existing(shown, real, status, inputs, advice):
    """Refuse an existing target that is no regular file, or an input file;
    the advice (what :func:`_give` takes) names a file of the kind written, in
    the folder given as the target."""
    kind = _kind(status.st_mode)
    folder = kind == "a folder"
    if kind is not None:
        raise (IsADirectoryError if folder else FileExistsError)(
            f"Cannot write to {shown_path(shown)}: it is {kind}, not a regular "
            "file; it was left untouched. "
            f"{_give(*advice, shown if folder else None)}."
        )
    for given in inputs:
        if (
            given is not None
            and os.path.exists(given)
            and os.path.samefile(given, real)
        ):
            raise ValueError(
                f"Cannot write to {shown_path(shown)}: it is one of the input "
                "files of this command, which are never overwritten (not even with "
                "--force). Choose another output file."
            )


def _owner(path):
    status = os.stat(path)
    return status.st_uid, status.st_gid


def file_state(path):
    """What tells a file written since from the file at ``path`` as it is now
    (None: no file there).

    Examples
    --------
    >>> file_state("/no/such/file") is None
    True
    """
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


def current_umask():
    """The process's umask, read without changing it (``os.umask`` sets it,
    which races with threads): a new file's mode is ``0o666 & ~umask``.

    Examples
    --------
    >>> 0 <= current_umask() <= 0o777
    True
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(
    path, write, *, verify=None, inputs=(), force=True, command_line=False, keep=None
):
    """Write a file through a verified temporary file, then rename it into place.

    Parameters
    ----------
    path : str or os.PathLike
        The target; see :func:`check_target` for what is refused. A symbolic
        link is followed: the file it points to is replaced.
    write : callable
        ``write(temp_path)`` writes the whole file at ``temp_path`` (a path in
        the target's folder with the target's suffix).
    verify : callable or None, default=None
        ``verify(temp_path)`` raises if the written file is not right; the
        target is then left as it was.
    inputs, force, command_line, keep
        As in :func:`check_target`. Without ``force``, a file written at
        ``path`` by another program meanwhile is never replaced either: the
        file is put into place by a hard link, which fails if one is there
        (FileExistsError), rather than renamed over it.

    Returns
    -------
    path : pathlib.Path
        ``path`` as given.

    Raises
    ------
    OSError
        If the temporary file cannot be created, written or renamed (a full
        disk, a quota, an I/O error): the message names ``path``, not the
        temporary file, and says that nothing was changed. The error keeps its
        class and ``errno``.

    Notes
    -----
    A new file gets the mode the umask gives (``0o666 & ~umask``); a replaced
    file keeps its mode (and its owner, where the system allows it). No
    temporary file is left behind, whatever fails.

    Examples
    --------
    >>> import os, tempfile
    >>> from pathlib import Path
    >>> from sknextchar._file_safety import atomic_write
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = atomic_write(
    ...         os.path.join(tmp, "a.txt"), lambda p: Path(p).write_text("hi")
    ...     )
    ...     path.read_text(), os.listdir(tmp)
    ('hi', ['a.txt'])
    """
    checks = {"inputs": inputs, "command_line": command_line, "keep": keep}
    existing = check_target(path, force=force, **checks)
    real = real_target(path)
    with contextlib.ExitStack() as made:
        with _naming_target(path, existing):
            tmp = made.enter_context(new_file(lambda: temp_name(real)))
            write(tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            if verify is not None:
                verify(tmp)
            _copy_mode(existing, tmp)
        # Nothing swapped in meanwhile (a folder, a file of names); a file
        # made there by another program while this one wrote is replaced only
        # with force, as one found first: _place never replaces it otherwise.
        check_target(path, **checks)
        _place(tmp, real, path, existing, force, command_line)
    return Path(path)


# The errors of os.link on a file system without hard links (FAT, some
# network disks), where the rename is the only way into place.
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS}


def _place(tmp, real, path, existing, force, command_line):
    """Put the written file ``tmp`` at ``real``; without ``force``, never over
    a file that is there now: a hard link fails if there is one, so there is
    no moment between a check and the write (the temporary name is removed
    by :func:`~sknextchar._temp_files.new_file`)."""
    if not force:
        try:
            return os.link(tmp, real)
        except FileExistsError:
            meanwhile = _exists_message(path, command_line, meanwhile=True)
            raise FileExistsError(meanwhile) from None
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                with _naming_target(path, existing):
                    raise
        if os.path.lexists(real):  # no hard links: checked just before
            raise FileExistsError(_exists_message(path, command_line, True))
    with _naming_target(path, existing):
        os.replace(tmp, real)  # the temporary file is gone: nothing to remove


def _copy_mode(existing, tmp):
    """Give the temporary file the mode (and owner) of the file it replaces."""
    mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~current_umask()
    os.chmod(tmp, mode)
    if existing and (existing.st_uid, existing.st_gid) != _owner(tmp):
        with contextlib.suppress(OSError):  # only root may give files away
            os.chown(tmp, existing.st_uid, existing.st_gid)


# What to do when writing fails, by errno.
_WRITE_ADVICE = {
    errno.ENOSPC: "free some disk space, or write to another disk",
    errno.EDQUOT: "free some space within your disk quota, or write elsewhere",
    errno.EROFS: "write to a disk that is not read-only",
}


@contextlib.contextmanager
def _naming_target(path, existing):
    """Turn an OSError about the temporary file into one about ``path``.

    The temporary file is an implementation detail: the message names the file
    the user asked for, says why it could not be written and that nothing was
    changed. The class and ``errno`` of the error are kept.
    """
    try:
        yield
    except OSError as exc:
        shown = shown_path(path)
        kept = f"{shown} is as it was" if existing else f"{shown} was not created"
        advice = _WRITE_ADVICE.get(exc.errno, "try again, or write elsewhere")
        reason = exc.strerror or str(exc) or type(exc).__name__
        message = (
            f"Cannot write {shown}: {reason}. Nothing was changed ({kept}); {advice}."
        )
        kind = type(exc) if type(exc).__module__ == "builtins" else OSError
        error = kind(message)
        error.errno = exc.errno
        raise error from exc
