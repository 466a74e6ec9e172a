"""Telling a model file from any other file, by its first bytes.

Saving a model replaces an existing file only when that file is a model file
(or empty): re-saving a model, or a checkpoint rewriting its own file every
epoch, is fine, but a file of names, a CSV table or a picture given as the
target by mistake would be lost. A model file is what ``skops.io.dump`` writes
(a zip archive that holds ``schema.json``) or a Python pickle, as ``joblib.dump``
and ``pickle.dump`` write it, also compressed by joblib (zlib, gzip, bz2, lzma,
xz, lz4). Everything else is described for the message that refuses it.
"""

import bz2
import lzma
import os
import re
import zipfile
import zlib

__all__ = ["keep_other_files", "not_a_model_file"]

_HEAD = 4096  # bytes read to tell the kind of a file
_SHOWN = 40  # characters of a text file's first line shown
# pickle's PROTO opcode with protocols 2 to 5: pickle.dump and joblib.dump.
_PICKLES = tuple(b"\x80" + bytes([n]) for n in range(2, 6))
# Protocols 0 and 1 have no PROTO opcode: an object's pickle starts with the
# GLOBAL opcode (c) of the function that rebuilds it, or of its class (in a
# MARK, "(c"). Only the modules a model's pickle starts with are taken, so that
# no file of names ("carlos") reads as one.
_OLD_PICKLE = re.compile(
    rb"\A\(?c(copy_reg|copyreg|__builtin__|builtins|sklearn|sknextchar|numpy|joblib)"
    rb"[\w.]*\n\w+\n"
)
_ZIP = b"PK\x03\x04"
# Characters no text file holds: control characters but the whitespace ones.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _inflate(decompress):
    """A function of the compressed head that gives its first bytes, or b""."""

    def first_bytes(head):
        try:
            return decompress(head)
        except (zlib.error, OSError, EOFError, ValueError, lzma.LZMAError):
            return b""

    return first_bytes


def _lz4(head):
    try:
        import lz4.frame
    except ImportError:  # joblib cannot have written it here either
        return b""
    try:
        return lz4.frame.LZ4FrameDecompressor().decompress(head, 16)
    except RuntimeError:
        return b""


# The first bytes of joblib's compressed files, with how to inflate their head.
_COMPRESSED = (
    (b"\x78", _inflate(lambda head: zlib.decompressobj().decompress(head, 16))),
    (b"\x1f\x8b", _inflate(lambda head: zlib.decompressobj(31).decompress(head, 16))),
    (b"BZh", _inflate(lambda head: bz2.BZ2Decompressor().decompress(head, 16))),
    (b"\xfd7zXZ\x00", _inflate(lambda h: lzma.LZMADecompressor().decompress(h, 16))),
    (b"\x5d\x00\x00", _inflate(lambda h: lzma.LZMADecompressor().decompress(h, 16))),
    (b"\x04\x22\x4d\x18", _lz4),
)


def not_a_model_file(path):
    """What the existing file at ``path`` is, if it is no model file; else None.

    Parameters
    ----------
    path : str or os.PathLike
        An existing regular file (a symbolic link is followed).

    Returns
    -------
    kind : str or None
        None for an empty file, a skops model file (a zip archive with
        ``schema.json``) and a pickle (plain, or compressed by joblib); else
        what the file is, for a message: ``"a text file (first line:
        'asha')"``, ``"a zip archive that holds no model"``, or ``"a file that
        is no model file (it starts with b'...')"``.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("asha\\nravi\\n")
    ...     not_a_model_file(path)
    "a text file (first line: 'asha')"
    """
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD)
    except OSError as exc:  # unreadable: what it holds cannot be told
        reason = exc.strerror or type(exc).__name__
        return f"a file that cannot be read to tell what it is ({reason})"
    if not head or head.startswith(_PICKLES) or _OLD_PICKLE.match(head):
        return None
    if head.startswith(_ZIP):
        return None if _holds_schema(path) else "a zip archive that holds no model"
    for magic, first_bytes in _COMPRESSED:
        if head.startswith(magic) and first_bytes(head).startswith(_PICKLES):
            return None
    line = _first_line(head)
    if line is not None:
        return f"a text file (first line: {line!r})"
    return f"a file that is no model file (it starts with {head[:8]!r})"


def _holds_schema(path):
    """Whether the zip archive at ``path`` is skops': it holds ``schema.json``."""
    try:
        with zipfile.ZipFile(os.fspath(path)) as archive:
            return "schema.json" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _first_line(head):
    """The first non-blank line of a head that reads as text, else None."""
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # cut in a character, or Latin-1
        cut = exc.start >= len(head) - 3
        text = head[: exc.start].decode("utf-8-sig") if cut else head.decode("latin-1")
    if _CONTROL.search(text):
        return None
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= _SHOWN else line[: _SHOWN - 3] + "..."


def keep_other_files(path, shown, command_line=False):
    """Why an existing file must not be replaced by a model, or None.

    What :func:`~sknextchar._file_safety.check_target` takes as ``keep`` for
    the targets of a model: a model file (or an empty file) may be replaced,
    any other file is kept, even with the command line's ``--force``.

    Parameters
    ----------
    path : str or os.PathLike
        The existing regular file (symbolic links resolved).
    shown : str
        The target as the user gave it, for the message.
    command_line : bool, default=False
        Say what to do in the command line's terms (``-o``, ``--force``).

    Returns
    -------
    message : str or None
        The message of the refusal; None if the file may be replaced.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "names.txt")
    ...     with open(path, "w") as f:
    ...         _ = f.write("asha\\n")
    ...     print(keep_other_files(path, path).split(": ", 1)[1][:34])
    it is a text file (first line: 'as
    """
    kind = not_a_model_file(path)
    if kind is None:
        return None
    if os.path.abspath(shown) != os.fspath(path):  # a symbolic link on the way
        kind = f"it leads to {os.fspath(path)!r}, {kind}"
    else:
        kind = f"it is {kind}"
    if command_line:
        return (
            f"Cannot write the model to {shown!r}: {kind}, not a model "
            "file; --force replaces a model file only, never another file, so it "
            "was left untouched. Give -o another file, or delete this one first "
            "if it may go."
        )
    return (
        f"Cannot save a model to {shown!r}: {kind}, not a model file; a "
        "model replaces an existing model file only, so that nothing else is "
        "lost, and the file was left untouched. Save to another path, or delete "
        "the file first if it may go."
    )
