"""The same model, the same file: skops archives without addresses or times.

skops names each array of a model file after the Python address of the object
(``id()``), records every object's address as its ``__id__``, and stamps each
entry of the zip archive with the time of writing. So the file of one model
changes from one save to the next, and a checksum cannot tell whether a model
changed. :func:`write_canonical` writes skops's bytes of a model as such an
archive (as ``save_model`` does; :func:`canonical_skops` rewrites a file in
place the same way): the addresses become
0, 1, 2, ... in the order the schema first names them (the references between
objects are kept: one number for one object), every entry gets the same time,
and the arrays are written in that order. A file whose layout is not the one
expected (an entry that is not a numbered ``.npy`` named by the schema) is left
as skops wrote it.
"""

import io
import json
import os
import re
import tempfile
import zipfile

__all__ = ["canonical_skops", "write_canonical"]

_SCHEMA = "schema.json"
_ARRAY = re.compile(r"(\d+)\.npy")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_BLOCK = 1 << 20


def canonical_skops(path):
    """Rewrite the skops archive at ``path`` into its canonical bytes.

    Parameters
    ----------
    path : str or path-like
        A file written by ``skops.io.dump``; rewritten in place (through a
        new temporary file of a random name beside it) when its layout is the
        expected one.

    Returns
    -------
    rewritten : bool
        False when the file was left as it was (not a zip archive, no schema,
        or an unexpected layout).

    Examples
    --------
    >>> import os, tempfile, skops.io
    >>> from sknextchar import ContextWindowTransformer
    >>> model = ContextWindowTransformer().fit(["asha", "ravi"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     files = [os.path.join(tmp, name) for name in ("a.skops", "b.skops")]
    ...     for file, twin in zip(files, [model, ContextWindowTransformer().fit(
    ...             ["asha", "ravi"])]):
    ...         skops.io.dump(twin, file)
    ...         _ = canonical_skops(file)
    ...     [open(file, "rb").read() for file in files].count(
    ...         open(files[0], "rb").read())
    2
    """
    path = os.fspath(path)
    with open(path, "rb") as f:
        data = f.read()
    # A new file of a random name beside it, never one that exists: a failed
    # rewrite leaves nothing beside the file, and no file of the user's goes.
    folder, name = os.path.split(os.path.abspath(path))
    handle, rewritten = tempfile.mkstemp(prefix=f".{name[:40]}.", dir=folder)
    os.close(handle)
    try:
        done = write_canonical(data, rewritten)
        if done:
            os.chmod(rewritten, os.stat(path).st_mode & 0o7777)  # its mode kept
            os.replace(rewritten, path)
        return done
    finally:
        if os.path.exists(rewritten):
            os.remove(rewritten)


def write_canonical(data, target):
    """Write the canonical bytes of the skops archive ``data`` to ``target``.

    What :func:`canonical_skops` does to a file, done to the bytes that
    ``skops.io.dumps`` returns: the archive is written once, already
    canonical, with no file of skops' own bytes written and read back first.

    Parameters
    ----------
    data : bytes
        A skops archive, as ``skops.io.dumps`` returns it.
    target : str or path-like
        The file to write (created or truncated).

    Returns
    -------
    written : bool
        False when ``data`` is not a zip archive, has no schema or has an
        unexpected layout: ``target`` is then not opened, and the caller writes
        ``data`` as it is. An archive that passes those checks but fails while
        its members are copied raises, with ``target`` partly written.

    Examples
    --------
    >>> import os, tempfile, skops.io
    >>> from sknextchar import ContextWindowTransformer
    >>> model = ContextWindowTransformer().fit(["asha", "ravi"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     file, twin = os.path.join(tmp, "a.skops"), os.path.join(tmp, "b.skops")
    ...     skops.io.dump(model, twin)
    ...     _ = canonical_skops(twin)
    ...     write_canonical(skops.io.dumps(model), file)
    ...     open(file, "rb").read() == open(twin, "rb").read()
    True
    True
    >>> write_canonical(b"no zip", "never-written.skops")
    False
    """
    try:  # only the reading and the layout check: target is not opened yet
        archive = zipfile.ZipFile(io.BytesIO(data))  # in memory: nothing to close
        layout = _layout(archive)
    except (zipfile.BadZipFile, KeyError, ValueError):
        layout = None  # not skops' archive: left for the caller's check
    if layout is None:
        return False
    with archive:
        _write(archive, *layout, target)
    return True


def _layout(archive):
    """The renumbered schema and the arrays in canonical order, as
    ``(schema, [(new name, member), ...])``; None for an unexpected layout."""
    numbers = {}  # each address -> its rank of first appearance in the schema
    schema = _renumbered(json.loads(archive.read(_SCHEMA)), numbers)
    arrays = [info for info in archive.infolist() if info.filename != _SCHEMA]
    stems = [_ARRAY.fullmatch(info.filename) for info in arrays]
    if not all(stem and int(stem[1]) in numbers for stem in stems):
        return None
    ranked = sorted(
        zip((numbers[int(stem[1])] for stem in stems), arrays), key=lambda x: x[0]
    )
    return schema, [(f"{rank}.npy", info) for rank, info in ranked]


def _write(archive, schema, arrays, target):
    """Write ``schema`` and the ``arrays`` of ``archive`` to ``target``, in order."""
    with zipfile.ZipFile(target, "w") as out:
        out.writestr(zipfile.ZipInfo(_SCHEMA, _EPOCH), json.dumps(schema))
        for name, info in arrays:
            entry = zipfile.ZipInfo(name, _EPOCH)
            entry.compress_type = info.compress_type
            with archive.open(info) as src, out.open(entry, "w") as dst:
                while block := src.read(_BLOCK):
                    dst.write(block)


def _array_number(key, value):
    """The address a schema entry holds (an ``__id__`` or an array's file), or None."""
    if key == "__id__" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if key == "file" and isinstance(value, str):
        stem = _ARRAY.fullmatch(value)
        return int(stem[1]) if stem else None
    return None


def _renumbered(node, numbers):
    """The schema with every address replaced by its rank of first appearance,
    ranks given in ``numbers`` as the walk meets the addresses."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            address = _array_number(key, value)
            if address is None:
                out[key] = _renumbered(value, numbers)
            else:
                rank = numbers.setdefault(address, len(numbers))
                out[key] = rank if key == "__id__" else f"{rank}.npy"
        return out
    if isinstance(node, list):
        return [_renumbered(value, numbers) for value in node]
    return node
