"""Telling a picture file of one format from any other file, by its first bytes.

``sknextchar plot -o PICTURE --force`` replaces an existing file only when it
is a picture of the format that plot writes there (the suffix of ``-o`` picks
it): drawing the loss curve again over ``loss.png`` is fine, but a file of
names, a model file or a PDF given as ``-o loss.png`` by mistake would be lost.
Each format is told by its signature (PNG's ``\\x89PNG``, PDF's ``%PDF-``, an
SVG's ``<svg`` element after the XML prolog); an empty file may be replaced
too. The raw formats (``.raw``, ``.rgba``) have no signature: an existing file
is never replaced by one.
"""

import os
import re
import zlib

from .._model_files import not_a_model_file
from ..datasets._file_kinds import SIGNATURES

__all__ = ["keep_other_pictures", "picture_format"]

_HEAD = 4096  # bytes read to tell the kind of a file
_SVG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<svg[\s>]",
    re.DOTALL,
)
_PS = re.compile(rb"\A(?:%!PS-Adobe|\xc5\xd0\xd3\xc6)")


def _starts(fmt):
    """A pattern of the first bytes of ``fmt`` in the table of file kinds."""
    return re.compile(rb"\A(?:%b)" % b"|".join(map(re.escape, SIGNATURES[fmt])))


_JPEG = _starts("jpeg")
_TIFF = re.compile(rb"\A(?:II\*\x00|MM\x00\*)")
# The signature of each format plot writes, by the suffix that picks it.
_SIGNATURES = {
    "png": _starts("png"),
    "pdf": _starts("pdf"),
    "svg": _SVG,
    "eps": _PS,
    "ps": _PS,
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "gif": _starts("gif"),
    "tif": _TIFF,
    "tiff": _TIFF,
    "webp": re.compile(rb"\ARIFF....WEBP", re.DOTALL),
    "avif": re.compile(rb"\A....ftypavi[fs]", re.DOTALL),
    "pgf": re.compile(rb"\A%% Creator: Matplotlib, PGF backend"),
}
# Formats of raw pixels: no signature tells them, so no file is replaced by one.
_UNTOLD = ("raw", "rgba")
# The name of a format in a message, where it is not the suffix in capitals.
_NAMES = {"jpg": "JPEG", "tif": "TIFF", "svgz": "compressed SVG", "ps": "PostScript"}


def _svgz(head):
    """Whether a head is a gzip-compressed SVG."""
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        inflated = zlib.decompressobj(31).decompress(head, _HEAD)
    except zlib.error:
        return False
    return _SVG.match(inflated) is not None


def picture_format(head):
    """The suffixes of the picture formats whose signature ``head`` starts with.

    Parameters
    ----------
    head : bytes
        The first bytes of a file.

    Returns
    -------
    formats : list of str
        Lower-case suffixes without the dot (``["png"]``); empty for no picture.

    Examples
    --------
    >>> picture_format(b"%PDF-1.4\\n")
    ['pdf']
    >>> picture_format(b"asha\\nravi\\n")
    []
    """
    found = [fmt for fmt, signature in _SIGNATURES.items() if signature.match(head)]
    return found + ["svgz"] * _svgz(head)


def _name(fmt):
    return _NAMES.get(fmt, fmt.upper())


def _a(fmt):
    """``"a PNG picture"``, ``"an SVG picture"``."""
    name = _name(fmt)
    return f"{'an' if name in ('SVG', 'EPS', 'AVIF', 'RGBA') else 'a'} {name} picture"


def _kind(path, head):
    """What a file that is no picture of the format written is, for a message."""
    formats = picture_format(head)
    if formats:
        return _a(formats[0])
    kind = not_a_model_file(path)
    return "a model file" if kind is None else kind


def keep_other_pictures(fmt):
    """The ``keep`` of ``check_target`` for a picture of the format ``fmt``.

    Parameters
    ----------
    fmt : str
        The suffix of ``-o`` without the dot (``"png"``): the format written.

    Returns
    -------
    keep : callable
        ``keep(path, shown, command_line)``: None if the existing file at
        ``path`` is empty or a picture of that format (it may be replaced),
        else the message of the refusal. A suffix of no picture format is
        left to :func:`~sknextchar.cli._pictures.check_picture_output`.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "loss.png")
    ...     with open(path, "w") as f:
    ...         _ = f.write("asha\\n")
    ...     print(keep_other_pictures("png")(path, path).split(": ", 1)[1][:34])
    it is a text file (first line: 'as
    """
    fmt = fmt.lower()

    def keep(path, shown, command_line=True):
        if fmt not in _SIGNATURES and fmt not in ("svgz", *_UNTOLD):
            return None  # no picture format: refused by its suffix
        try:
            with open(path, "rb") as f:
                head = f.read(_HEAD)
        except OSError as exc:
            head, kind = None, f"a file that cannot be read ({exc.strerror or exc})"
        if head is not None:
            if not head or fmt in picture_format(head):
                return None
            kind = _kind(path, head)
        if os.path.abspath(shown) != os.fspath(path):  # a symbolic link on the way
            kind = f"it leads to {os.fspath(path)!r}, {kind}"
        else:
            kind = f"it is {kind}"
        replaces = f"replaces {_a(fmt)} only, told by its first bytes"
        if fmt in _UNTOLD:
            replaces = f"replaces no file with a .{fmt} picture (raw pixels, told by "
            replaces += "no first bytes)"
        return (
            f"Cannot write the picture to {shown!r}: {kind}, not {_a(fmt)}; "
            f"--force {replaces}, never another file, so it was left untouched. "
            "Give -o another file, or delete this one first if it may go."
        )

    return keep
