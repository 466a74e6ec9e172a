"""Telling a model file from any other file, by its first bytes.

Saving a model replaces an existing file only when that file is a model file
(or empty): re-saving a model, or a checkpoint rewriting its own file every
epoch, is fine, but a file of names, a CSV table or a picture given as the
target by mistake would be lost. A model file is what ``skops.io.dump`` writes
(a zip archive that holds ``schema.json``) or a Python pickle of a model, as
``joblib.dump`` and ``pickle.dump`` write it, also compressed by joblib (zlib,
gzip, bz2, lzma, xz, lz4). A pickle is a model's if the first class it names
(past pickle's own helpers) is scikit-learn's or sknextchar's: its opcodes are
read, never run, so a pickle of the user's own data (a list of names, a dict, an
array) is kept. Everything else is described for the message that refuses it.
"""

import bz2
import codecs
import io
import lzma
import os
import pickletools
import re
import zipfile
import zlib

__all__ = [
    "PICKLE_MAGICS",
    "ZIP_MAGIC",
    "first_text_line",
    "keep_other_files",
    "not_a_model_file",
    "text_file_kind",
]

_HEAD = 4096  # bytes read to tell the kind of a file
_SHOWN = 40  # characters of a text file's first line shown
#: The first bytes of a pickle as ``pickle.dump`` and ``joblib.dump`` write it:
#: pickle's PROTO opcode with protocols 2 to 5.
PICKLE_MAGICS = tuple(b"\x80" + bytes([n]) for n in range(2, 6))
# The packages whose classes a model's pickle starts with.
_MODEL_PACKAGES = ("sklearn", "sknextchar")
# What pickle names to rebuild an object of any class (protocols 0 and 1 start
# with copyreg's _reconstructor, then the class, then object): not the class.
_HELPERS = frozenset(
    (module, name)
    for module in ("copyreg", "copy_reg", "builtins", "__builtin__")
    for name in ("_reconstructor", "__newobj__", "__newobj_ex__", "object")
)
# The opcodes that push a string (a module or class name for STACK_GLOBAL).
_STRINGS = frozenset(
    "STRING BINSTRING SHORT_BINSTRING UNICODE SHORT_BINUNICODE BINUNICODE "
    "BINUNICODE8".split()
)
# pickletools' errors for a pickle cut short (the head of a longer file).
_CUT = ("exhausted", "remain", "no newline")
_COMPRESSED_READ = 1 << 20  # compressed bytes read, at most, to inflate a head
#: The first bytes of a zip archive: a skops model file is one.
ZIP_MAGIC = b"PK\x03\x04"
# The byte-order marks of UTF-16 (little and big endian).
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters no text file holds: control characters but the whitespace ones.
# (Not C1's: Latin-1 reads them in a Windows-1252 file, "Š" or "Œ" say.)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _lz4():
    try:
        import lz4.frame
    except ImportError:  # joblib cannot have written it here either
        return None
    return lz4.frame.LZ4FrameDecompressor()


# The first bytes of joblib's compressed files, with a decompressor for them.
_COMPRESSED = (
    (b"\x78", zlib.decompressobj),
    (b"\x1f\x8b", lambda: zlib.decompressobj(31)),
    (b"BZh", bz2.BZ2Decompressor),
    (b"\xfd7zXZ\x00", lzma.LZMADecompressor),
    (b"\x5d\x00\x00", lzma.LZMADecompressor),
    (b"\x04\x22\x4d\x18", _lz4),
)


def _inflated_head(f, make_decompressor):
    """The first ``_HEAD`` bytes a compressed file inflates to (b"" if none).

    At most ``_COMPRESSED_READ`` bytes are read and ``_HEAD`` bytes inflated: a
    small file that would inflate to gigabytes costs no more.
    """
    decompressor = make_decompressor()
    if decompressor is None:
        return b""
    f.seek(0)
    out = b""
    try:
        for _ in range(_COMPRESSED_READ // 65536):
            chunk = f.read(65536)
            if not chunk:
                break
            out += decompressor.decompress(chunk, _HEAD - len(out))
            if len(out) >= _HEAD:
                break
    except (zlib.error, OSError, EOFError, ValueError, RuntimeError, lzma.LZMAError):
        pass  # not compressed after all, or damaged: what came out so far
    return out


def _read_pickle(head):
    """Read the opcodes of the start of a pickle, without running any.

    Returns
    -------
    first_class : tuple of str or None
        ``(module, name)`` of the first class (or function) the pickle names,
        past pickle's own helpers; None if it names none in ``head``.
    is_pickle : bool
        Whether all of ``head`` reads as (the start of) a pickle (a file of
        names may start like one: "carlos" is pickle's GLOBAL opcode).
    """
    memo, pushed, first = {}, [None, None], None
    try:
        for opcode, arg, _ in pickletools.genops(io.BytesIO(head)):
            name = opcode.name
            found = None
            if name in ("GLOBAL", "INST"):
                found = tuple(arg.split(" ", 1))
            elif name == "STACK_GLOBAL" and None not in pushed[-2:]:
                found = tuple(pushed[-2:])
            elif name == "MEMOIZE":
                memo[len(memo)] = pushed[-1]
            elif name in ("PUT", "BINPUT", "LONG_BINPUT"):
                memo[arg] = pushed[-1]
            elif name in ("GET", "BINGET", "LONG_BINGET"):
                pushed.append(memo.get(arg))
            elif name == "STOP":
                return first, True
            elif name not in ("PROTO", "FRAME"):
                pushed.append(
                    arg if name in _STRINGS and isinstance(arg, str) else None
                )
            if first is None and found is not None and found not in _HELPERS:
                first = found
    except ValueError as exc:  # cut short, or no pickle at all
        cut = len(head) == _HEAD and any(word in str(exc) for word in _CUT)
        return first, cut
    return first, False


def _pickle_kind(head):
    """None for the start of a model's pickle; what it is for another pickle.

    Also what it is (a string) for bytes that are no pickle: ``""``.
    """
    first_class, is_pickle = _read_pickle(head)
    if first_class is not None and first_class[0].split(".")[0] in _MODEL_PACKAGES:
        return None
    if not (is_pickle or head.startswith(PICKLE_MAGICS)):
        return ""
    if first_class is None:
        return "a Python pickle of data (it names no class: a list, a dict...)"
    return (
        f"a Python pickle of data (its first class is {'.'.join(first_class)}, "
        "not scikit-learn's or sknextchar's)"
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
        ``schema.json``) and a pickle of a model (plain, or compressed by
        joblib); else what the file is, for a message: ``"a text file (first
        line: 'asha')"`` (:func:`text_file_kind`), ``"a zip archive that holds
        no model"``, ``"a Python pickle of data (...)"`` or ``"a file of
        another kind (its first bytes: b'...')"``.

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
            inflated = [
                _inflated_head(f, decompressor)
                for magic, decompressor in _COMPRESSED
                if head.startswith(magic)
            ]
    except OSError as exc:  # unreadable: what it holds cannot be told
        reason = exc.strerror or type(exc).__name__
        return f"a file that cannot be read to tell what it is ({reason})"
    if not head:
        return None
    if head.startswith(PICKLE_MAGICS):
        return _pickle_kind(head)
    if head.startswith(ZIP_MAGIC):
        return None if _holds_schema(path) else "a zip archive that holds no model"
    for first_bytes in inflated:
        if first_bytes.startswith(PICKLE_MAGICS):
            kind = _pickle_kind(first_bytes)
            return kind and kind.replace("a Python pickle", "a compressed pickle")
    kind = _pickle_kind(head)  # protocols 0 and 1: no PROTO opcode
    if kind != "":  # a model's pickle (None), or one of data
        return kind
    line = first_text_line(head)
    if line is not None:
        return text_file_kind(line)
    return f"a file of another kind (its first bytes: {head[:8]!r})"


def _holds_schema(path):
    """Whether the zip archive at ``path`` is skops': it holds ``schema.json``."""
    try:
        with zipfile.ZipFile(os.fspath(path)) as archive:
            return "schema.json" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def first_text_line(head, n_chars=_SHOWN):
    """The first non-blank line of the start of a file that reads as text.

    The bytes are read as UTF-16 after its byte-order mark; else the line is
    read as UTF-8 (a character cut at the end of ``head`` is left out), else
    as Latin-1. Bytes that no text holds (control characters but whitespace)
    or pickle's PROTO opcode at the start make it no text.

    Parameters
    ----------
    head : bytes
        The first bytes of a file, or all of them (the first 4096 are read).
    n_chars : int, default=40
        The most characters returned; a longer line is cut and ends in "...".

    Returns
    -------
    line : str or None
        The line, stripped (``""`` if every line is blank); None if the bytes
        are no text (a pickle, a compressed or other binary file).

    Examples
    --------
    >>> first_text_line("\\nAsha\\nRavi\\n".encode("utf-16"))
    'Asha'
    >>> first_text_line(b"zo\\xeb\\n"), first_text_line(b"\\x80\\x04\\x95")
    ('zoë', None)
    """
    head = head[:_HEAD]
    if head.startswith(_UTF16_BOMS):
        text = head.decode("utf-16", errors="replace")
        if _CONTROL.search(text):
            return None
    elif head.startswith(b"\x80") or _CONTROL.search(head.decode("latin-1")):
        return None  # a pickle (its PROTO opcode), or bytes of no text
    else:
        lines = head.removeprefix(codecs.BOM_UTF8).splitlines()
        line = next((line for line in lines if line.strip()), b"")
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:  # cut in a character, or Latin-1
            cut = exc.reason == "unexpected end of data" and len(head) == _HEAD
            cut = cut and head.endswith(line)  # the line runs past the head
            text = line[: exc.start].decode("utf-8") if cut else ""
            text = text or line.decode("latin-1")
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= n_chars else line[: n_chars - 3] + "..."


def text_file_kind(line):
    """What a text file is, for a message, from its first non-blank line.

    Parameters
    ----------
    line : str
        What :func:`first_text_line` found (``""``: every line is blank).

    Returns
    -------
    kind : str

    Examples
    --------
    >>> text_file_kind("asha"), text_file_kind("")
    ("a text file (first line: 'asha')", 'a text file of blank lines')
    """
    if not line:
        return "a text file of blank lines"
    return f"a text file (first line: {line!r})"


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
