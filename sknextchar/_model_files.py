"""Telling a model file from any other file, by its first bytes.

Saving a model replaces an existing file only when that file is a model file
(or empty): re-saving a model, or a checkpoint rewriting its own file every
epoch, is fine, but a file of names, a CSV table or a picture given as the
target by mistake would be lost. A model file is what ``skops.io.dump`` writes
(a zip archive that holds ``schema.json``) or a Python pickle of a model, as
``joblib.dump`` and ``pickle.dump`` write it, also compressed by joblib (zlib,
gzip, bz2, lzma, xz, lz4). A pickle is a model's if the first class it names
(past pickle's own helpers) is scikit-learn's or sknextchar's but a ``Bunch``
(a dict of results), no dict, list or set is built before it, nor (protocols
2 and later) a tuple of four or more items or a frozenset begun, and it ends
by building that object: its opcodes are read, never run, so a pickle of the
user's own data (a list of names, an array, a dict that holds a model and
notes, a tuple ``(vectorizer, clf)``) is kept, and so is a pickle cut short.
Only the head and the last bytes are read; a compressed file is inflated to
its end only up to ``_WHOLE_READ`` compressed (``_WHOLE_INFLATED`` inflated)
bytes: past that, its head alone decides, and a tuple of one to three items
that starts with a model counts as a model. A skops archive whose object is
not a model (a dict, an array, a ``Bunch``), or whose ``schema.json`` is not in
skops' layout or cannot be read, is kept too. Everything else is described for
the message that refuses it.
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

from ._shown_paths import shown_path

__all__ = [
    "MODEL_SUFFIXES",
    "PICKLE_MAGICS",
    "PICKLE_SUFFIXES",
    "ZIP_MAGIC",
    "first_text_line",
    "keep_other_files",
    "keep_out_unfitted",
    "not_a_model_file",
    "text_file_kind",
]

#: The suffixes that ``save_model(format="auto")`` writes with joblib (a pickle).
PICKLE_SUFFIXES = (".joblib", ".pkl", ".pickle")
#: The suffixes of the names of model files, skops' and joblib's (a missing
#: model file's error offers a file of such a name beside it, and a missing
#: file of names' any other).
MODEL_SUFFIXES = (".skops", *PICKLE_SUFFIXES)
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
# The opcodes that build a dict, a list or a set: one before the first class
# makes the pickle that container's, not the class's object.
_CONTAINERS = {
    "EMPTY_DICT": "dict",
    "DICT": "dict",
    "EMPTY_LIST": "list",
    "LIST": "list",
    "EMPTY_SET": "set",
    "FROZENSET": "set",
}
# scikit-learn's dict of results (load_iris, permutation_importance): data.
_BUNCH = "Bunch"
# The bytes read at the end of a pickle: its last opcodes (a memo index, then
# the opcode that built its object, then STOP).
_TAIL = 16
# The last opcode but STOP (and a memo opcode) of a pickle, by what it built:
# a model's pickle ends by setting its state (BUILD); a tuple's by TUPLE, a
# frozenset's by FROZENSET, an object made by calling its class by REDUCE,
# NEWOBJ, NEWOBJ_EX or OBJ.
_ENDS = {
    **dict.fromkeys(b"t\x85\x86\x87)", "tuple"),
    ord("\x91"): "frozenset",
    **dict.fromkeys(b"R\x81\x92o", "object"),
}
# The opcodes of _ENDS, each a byte string.
_OPS = frozenset(bytes([op]) for op in _ENDS)
# The memo opcodes that may follow that last one: MEMOIZE (protocols 4 and
# 5), BINPUT and LONG_BINPUT (1 to 3), PUT (0 and 1).
_MEMO = re.compile(rb"(\x94|q.|r...\x00|p\d+\n)\Z", re.DOTALL)
# pickletools' errors for a pickle cut short (the head of a longer file).
_CUT = ("exhausted", "remain", "no newline")
# The class joblib pickles in place of an array: the array's bytes follow the
# BUILD of its state, raw, where pickletools can read no opcode.
_JOBLIB_ARRAY = ("joblib.numpy_pickle", "NumpyArrayWrapper")
_COMPRESSED_READ = 1 << 20  # compressed bytes read, at most, to inflate a head
_CHUNK = 1 << 16  # bytes read, and inflated, at a time
# A compressed file up to this size is inflated to its end (to tell how its
# pickle ends), stopping past _WHOLE_INFLATED bytes: a larger pickle (or a
# bomb) costs no more. 4 MiB inflate in 0.05 s with zlib, 0.15 s with lzma and
# 0.3 s with bz2 on a slow shared core; a model of sknextchar pickles to less.
_WHOLE_READ = 4 << 20
_WHOLE_INFLATED = 4 << 20
#: The first bytes of a zip archive: a skops model file is one.
ZIP_MAGIC = b"PK\x03\x04"
# The member of a skops archive that describes its objects, and its start: the
# class and the module of the object the archive holds.
_SCHEMA = "schema.json"
_SKOPS_TOP = re.compile(
    rb'\A\s*\{\s*"__class__"\s*:\s*"(?P<class>[\w.]*)"\s*,'
    rb'\s*"__module__"\s*:\s*"(?P<module>[\w.]*)"'
)
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


def _pieces(f, decompressor, n_chunks):
    """What ``n_chunks`` chunks of ``f`` inflate to, ``_CHUNK`` bytes at a time."""
    f.seek(0)
    for _ in range(n_chunks):
        data = f.read(_CHUNK)
        if not data:
            return
        while True:
            yield decompressor.decompress(data, _CHUNK)
            data = getattr(decompressor, "unconsumed_tail", b"")  # zlib's input left
            if not data and (
                decompressor.eof or getattr(decompressor, "needs_input", True)
            ):
                break  # bz2, lzma and lz4 keep output left until called again
        if decompressor.eof:
            return


def _inflated(f, make_decompressor, size):
    """The head and the tail of what a compressed file inflates to.

    Returns
    -------
    head : bytes
        The first ``_HEAD`` bytes (b"" if none).
    tail : bytes or None
        The last ``_TAIL`` bytes, if a file of ``size`` bytes up to
        ``_WHOLE_READ`` inflates to ``_WHOLE_INFLATED`` bytes at most (b"" if
        damaged or cut short); None if not inflated to its end. For the head
        alone, ``_COMPRESSED_READ`` bytes at most are read.
    """
    decompressor = make_decompressor()
    if decompressor is None:
        return b"", None
    whole = size <= _WHOLE_READ
    head, tail, n_inflated = b"", b"", 0
    n_chunks = (_WHOLE_READ if whole else _COMPRESSED_READ) // _CHUNK + 1
    try:
        for piece in _pieces(f, decompressor, n_chunks):
            head += piece[: _HEAD - len(head)]
            tail, n_inflated = (tail + piece)[-_TAIL:], n_inflated + len(piece)
            if len(head) >= _HEAD and (not whole or n_inflated > _WHOLE_INFLATED):
                return head, None
    except (zlib.error, OSError, EOFError, ValueError, RuntimeError, lzma.LZMAError):
        return head, b""  # not compressed after all, or damaged: no end
    if not whole:
        return head, None
    return head, tail if decompressor.eof else b""  # b"": cut short


def _read_pickle(head):
    """Read the opcodes of the start of a pickle, without running any.

    Returns
    -------
    first_class : tuple of str or None
        ``(module, name)`` of the first class (or function) the pickle names,
        past pickle's own helpers; None if it names none in ``head``.
    is_pickle : bool
        Whether all of ``head`` reads as (the start of) a pickle (a file of
        names may start like one: "carlos" is pickle's GLOBAL opcode), or
        as one of joblib's up to the raw bytes of an array.
    container : str or None
        ``"dict"``, ``"list"`` or ``"set"`` if one is built before the first
        class, ``"tuple"`` if a MARK comes before it with protocols 2 and
        later (their tuples of one to three items need none, nor does a model;
        a frozenset needs one too): the pickle is that container, which holds
        the class's object.
    """
    memo, pushed, first, container = {}, [None, None], None, None
    protocol, arrays, raw = 0, False, False
    try:
        for opcode, arg, _ in pickletools.genops(io.BytesIO(head)):
            name = opcode.name
            found = None
            if first is None and container is None:
                container = _CONTAINERS.get(name)
                if name == "MARK" and protocol >= 2:
                    container = "tuple"
            if name == "PROTO":
                protocol = arg
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
                return first, True, container
            elif name not in ("PROTO", "FRAME", "MARK"):
                pushed.append(
                    arg if name in _STRINGS and isinstance(arg, str) else None
                )
            if first is None and found is not None and found not in _HELPERS:
                first = found
            arrays = arrays or found == _JOBLIB_ARRAY
            raw = raw or (arrays and name == "BUILD")  # an array's bytes next
    except ValueError as exc:  # cut short, or no pickle at all
        cut = len(head) == _HEAD and any(word in str(exc) for word in _CUT)
        return first, cut or raw, container
    return first, False, container


def _ending(tail):
    """What the last opcode before STOP of a pickle ending in ``tail`` built.

    ``"model"`` for BUILD (a model's state set), ``"tuple"``, ``"frozenset"``
    or ``"object"`` (an object made by calling its class) for the others of
    ``_ENDS``, ``"cut"`` without STOP (a file cut short), None if not told.
    Protocols 1 to 3 memoize with BINPUT and its one-byte index: ``qb`` is
    BINPUT 98 (99 objects memoized) after a tuple's opcode, not BUILD.
    """
    if not tail.endswith(b"."):
        return "cut"
    body = tail[:-1]
    if body.endswith(b"b") and not (body[-2:-1] == b"q" and body[-3:-2] in _OPS):
        return "model"
    memo = _MEMO.search(body)
    body = body[: memo.start()] if memo else body
    return _ENDS.get(body[-1]) if body else None


def _pickle_kind(head, tail=None):
    """None for the start of a model's pickle; what it is for another pickle.

    Also what it is (a string) for bytes that are no pickle: ``""``. ``tail``,
    the last bytes of the file, or of what it inflates to (None: not read),
    tells a model's pickle, which ends by building its object (BUILD, then
    STOP), from a tuple's that starts with a model (``(vectorizer, clf)``).
    """
    first_class, is_pickle, container = _read_pickle(head)
    shown = ".".join(first_class) if first_class else ""
    of_model = first_class is not None and _is_model_module(first_class[0])
    bunch = of_model and first_class[1] == _BUNCH
    end = "model" if tail is None or not of_model or bunch else _ending(tail)
    if end == "cut":
        return "a Python pickle cut short (it does not end as a pickle does)"
    if of_model and not bunch and container is None and end == "model":
        return None
    if not (is_pickle or head.startswith(PICKLE_MAGICS)):
        return ""
    if first_class is None:
        return "a Python pickle of data (it names no class: a list, a dict...)"
    if bunch:
        return f"a Python pickle of data (a {shown}: a dict of results)"
    if end in ("tuple", "frozenset") or container is not None:
        container = end if end in ("tuple", "frozenset") else container
        return f"a Python pickle of data (a {container} that holds a {shown})"
    if end == "object":  # made by calling its class, as no model is
        return f"a Python pickle of data (a {shown})"
    if of_model:
        return (
            f"a Python pickle of data (it starts with a {shown} but does not "
            "end as a model's pickle does)"
        )
    return (
        f"a Python pickle of data (its first class is {shown}, not "
        "scikit-learn's or sknextchar's)"
    )


def _is_model_module(module):
    return module.split(".")[0] in _MODEL_PACKAGES


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
            size = f.seek(0, os.SEEK_END)
            f.seek(max(size - _TAIL, 0))
            tail = f.read()
            inflated = [
                _inflated(f, decompressor, size)
                for magic, decompressor in _COMPRESSED
                if head.startswith(magic)
            ]
    except OSError as exc:  # unreadable: what it holds cannot be told
        reason = exc.strerror or type(exc).__name__
        return f"a file that cannot be read to tell what it is ({reason})"
    if not head:
        return None
    if head.startswith(PICKLE_MAGICS):
        return _pickle_kind(head, tail)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    for first_bytes, last_bytes in inflated:  # a pickle of any protocol
        kind = _pickle_kind(first_bytes, last_bytes)
        if kind != "":
            return kind and kind.replace("a Python pickle", "a compressed pickle")
    kind = _pickle_kind(head, tail)  # protocols 0 and 1: no PROTO opcode
    if kind != "":  # a model's pickle (None), or one of data
        return kind
    line = first_text_line(head)
    if line is not None:
        return text_file_kind(line)
    return f"a file of another kind (its first bytes: {head[:8]!r})"


def _zip_kind(path):
    """None for skops' archive of a model; what it is for another zip archive.

    The object of a skops archive is named first in its ``schema.json``; an
    archive whose schema starts otherwise (another layout), or cannot be read
    (encrypted, compressed in a way zipfile cannot inflate), holds no model
    that can be told: it is kept (a refusal can be undone, a file lost cannot).
    """
    no_model = "a zip archive that holds no model"
    try:
        with zipfile.ZipFile(os.fspath(path)) as archive:
            if _SCHEMA not in archive.namelist():
                return no_model
            with archive.open(_SCHEMA) as schema:
                top = _SKOPS_TOP.match(schema.read(_HEAD))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return no_model  # damaged, or encrypted
    except (NotImplementedError, zlib.error, lzma.LZMAError):
        return no_model  # compressed in a way zipfile cannot inflate
    if top is None:
        return no_model
    module, name = top["module"].decode("ascii"), top["class"].decode("ascii")
    if _is_model_module(module) and name != _BUNCH:
        return None
    shown = name if module == "builtins" else f"{module}.{name}"
    results = ": a dict of results" if name == _BUNCH else ""
    return f"a skops file of data (it holds a {shown}{results})"


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
        kind = f"it leads to {shown_path(path)}, {kind}"
    else:
        kind = f"it is {kind}"
    if command_line:
        return (
            f"Cannot write the model to {shown_path(shown)}: {kind}, not a model "
            "file; --force replaces a model file only, never another file, so it "
            "was left untouched. Give -o another file, or delete this one first "
            "if it may go."
        )
    return (
        f"Cannot save a model to {shown_path(shown)}: {kind}, not a model file; a "
        "model replaces an existing model file only, so that nothing else is "
        "lost, and the file was left untouched. Save to another path, or delete "
        "the file first if it may go."
    )


def keep_out_unfitted(path, shown, command_line=False, *, model_name="model"):
    """Why an unfitted model must not replace an existing file, or None.

    What :func:`~sknextchar.save_model` takes as ``keep`` for a model that is
    not fitted: on top of :func:`keep_other_files`, a non-empty model file is
    kept too, as the fitted model it most likely holds would be lost to a
    model that forgot its ``fit`` (an empty file may go). The file is not
    read: whether its model is fitted is not known, and the message says so.

    Parameters
    ----------
    path, shown, command_line
        As in :func:`keep_other_files`.
    model_name : str, default="model"
        The class of the unfitted model, for the message.

    Returns
    -------
    message : str or None
        The message of the refusal; None if the file may be replaced.

    Examples
    --------
    >>> import os, tempfile
    >>> from sknextchar import ContextWindowTransformer, save_model
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save_model(ContextWindowTransformer().fit(["abid"]),
    ...                       os.path.join(tmp, "windows.skops"))
    ...     print(keep_out_unfitted(path, "windows.skops")[:48])
    Cannot save an unfitted model to 'windows.skops'
    """
    kept = keep_other_files(path, shown, command_line)
    if kept is not None or os.path.getsize(path) == 0:
        return kept
    return (
        f"Cannot save an unfitted {model_name} to {shown_path(shown)}: a model file is "
        "there, and replacing it with an unfitted model would lose the model it "
        "holds if that one is fitted (the file is not read to tell); the file "
        "was left untouched. Fit the model first, or save it to another path, or "
        "delete the file first if it may go."
    )
