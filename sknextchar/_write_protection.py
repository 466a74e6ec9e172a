"""Whether a file or folder is write-protected, and the refusal that says so.

A mode that lets no one write (``chmod a-w``) is the user's protection, kept
from root too; a file the process may not write, and a file system mounted
read-only, count as well (:func:`protection`). :func:`protected_message` is
the refusal of a protected target, in the words of the caller's interface.
"""

import os
import stat

from ._shown_paths import shell_path, shown_path

__all__ = [
    "READ_ONLY_MOUNT",
    "protected_message",
    "protection",
]


# The write permission bits of a mode: owner, group and others.
_ANY_WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def protection(path, status=None):
    """Why ``path`` counts as write-protected, or None if it may be written.

    ``os.access`` answers for this process (and says no on a read-only disk),
    but it is True for root whatever the mode: a mode that lets no one write
    (``chmod a-w``, 0o444) is the user's protection, and is kept from root too.
    A read-only mount is named as such: its mode bits may let anyone write.
    """
    if _read_only_mount(path):
        return READ_ONLY_MOUNT
    status = os.stat(path) if status is None else status
    mode = stat.S_IMODE(status.st_mode)
    if not mode & _ANY_WRITE:
        return f"mode {mode:#o} lets no one write it"
    if not os.access(path, os.W_OK):
        return f"mode {mode:#o}, owner uid {status.st_uid}: you may not write it"
    return None


def _read_only_mount(path):
    """Whether ``path`` is on a file system mounted read-only (a CD, a
    snapshot, a container's read-only layer); False where that cannot be told."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows), or no such file
        return False


# Why a file on a read-only mount may not be written: no chmod changes that.
READ_ONLY_MOUNT = "it is on a file system mounted read-only"


def protected_message(shown, protected, command_line):
    if protected == READ_ONLY_MOUNT:  # only another file can help
        return (
            f"Cannot write to {shown_path(shown)}: {protected}, and nothing on "
            "it can be replaced; it was left untouched. "
            + (
                "Choose another output file, on a disk that is not read-only."
                if command_line
                else "Save to another path, on a disk that is not read-only."
            )
        )
    if command_line:
        return (
            f"Cannot write to {shown_path(shown)}: the file is write-protected "
            f"({protected}), and a protected file is never replaced, not even "
            "with --force; it was left untouched. To replace it, make it "
            f"writable first (chmod u+w {shell_path(shown)}), or choose another "
            "output file."
        )
    return (
        f"Cannot save to {shown_path(shown)}: the file is write-protected "
        f"({protected}), and a protected file is never replaced; it was left "
        "untouched. To replace it, make it writable first (os.chmod(path, "
        "0o644)), or save to another path."
    )
