"""Plot's mark in its pictures, and telling a picture plot made from any
other file.

``sknextchar plot`` writes its mark, ``sknextchar plot (Matplotlib X.Y.Z)``,
as the program that made every picture it saves (:func:`plot_mark`), and
``plot -o PICTURE --force`` replaces an existing file only when it is a
picture of the format written there (the suffix of ``-o`` picks it) that
carries that mark. Drawing the loss curve again over ``loss.png`` is fine, but
a file of names, a model file, or a picture of the user's own (a scan, a
paper's figure, even one drawn with matplotlib, one edited since) would be
lost. The format is told by its signature (PNG's ``\\x89PNG``, PDF's
``%PDF-``, an SVG's ``<svg`` element after the XML prolog); the mark is the
``Software`` text of a PNG, the ``/Creator`` of a PDF's document information
(in a file written in one go, never updated since), the creator in an SVG's
metadata (and no editor's namespace, such as Inkscape's, on its root), and the
``%%Creator`` comment of PostScript. An empty file may be replaced too. The
formats that matplotlib writes through Pillow (JPEG, GIF, TIFF, WebP, AVIF),
PGF and the raw ones (``.raw``, ``.rgba``) cannot carry the mark: an existing
file is never replaced by one of them.
"""

import os
import re
import zlib

from .._model_files import not_a_model_file
from .._shown_paths import shown_path
from ..datasets._file_kinds import SIGNATURES

__all__ = ["PLOT_MARK", "keep_other_pictures", "picture_format", "plot_mark"]

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
# The program that made a picture, as plot names itself in every one it saves.
PLOT_MARK = "sknextchar plot"
# The key of savefig's metadata that names that program, by format: the
# formats that can carry plot's mark.
_MARK_KEYS = {
    "png": "Software",
    "pdf": "Creator",
    "svg": "Creator",
    "svgz": "Creator",
    "eps": "Creator",
    "ps": "Creator",
}
# The name of a format in a message, where it is not the suffix in capitals.
_NAMES = {"jpg": "JPEG", "tif": "TIFF", "svgz": "compressed SVG", "ps": "PostScript"}


def _inflated(head):
    """The first bytes of a gzip-compressed file, inflated (empty for none)."""
    if not head.startswith(b"\x1f\x8b"):
        return b""
    try:
        return zlib.decompressobj(31).decompress(head, _HEAD)
    except zlib.error:
        return b""


def _svgz(head):
    """Whether a head is a gzip-compressed SVG."""
    return _SVG.match(_inflated(head)) is not None


# Where a picture names plot as the program that made it, by format.
_MARK = re.escape(PLOT_MARK.encode()) + rb"(?![\w-])"
_PNG_MAKER = re.compile(_MARK)
_SVG_ROOT = re.compile(rb"<svg[\s>][^>]*>", re.DOTALL)
_SVG_EDITORS = re.compile(rb"xmlns:(?:inkscape|sodipodi)\b")
_SVG_MAKER = re.compile(rb"<dc:creator>\s*<cc:Agent>\s*<dc:title>\s*" + _MARK)
_PS_MAKER = re.compile(rb"^%%Creator:[ \t]*" + _MARK, re.MULTILINE)
_PDF_TRAILER = re.compile(
    rb"trailer\s*<<(.*?)>>\s*startxref\s+(\d+)\s*%%EOF\s*\Z", re.DOTALL
)
_PDF_MAKER = re.compile(rb"/Creator\s*\(" + _MARK)
_PDF_TAIL = 1024  # bytes at the end of a PDF read for its trailer
_XREF_ENTRY = 20  # bytes of an entry of a PDF's cross-reference table


def plot_mark(fmt):
    """The arguments of ``savefig`` that write plot's mark in a picture.

    Parameters
    ----------
    fmt : str
        The suffix of ``-o`` without the dot (``"png"``): the format written.

    Returns
    -------
    arguments : dict
        ``{"metadata": {key: "sknextchar plot (Matplotlib X.Y.Z)"}}``, the key
        that names the program that made a picture of that format; empty for
        a format that cannot carry it (``savefig`` refuses its metadata).

    Examples
    --------
    >>> plot_mark("png")["metadata"]["Software"].startswith("sknextchar plot (")
    True
    >>> plot_mark("jpg")
    {}
    """
    key = _MARK_KEYS.get(fmt.lower())
    if key is None:
        return {}
    import matplotlib

    return {"metadata": {key: f"{PLOT_MARK} (Matplotlib {matplotlib.__version__})"}}


def _png_made(head):
    """Whether the text chunks of a PNG, before its pixels, name plot as its
    ``Software``."""
    at = 8
    while at + 8 <= len(head):
        size = int.from_bytes(head[at : at + 4], "big")
        kind, data = head[at + 4 : at + 8], head[at + 8 : at + 8 + size]
        if kind == b"IDAT":
            return False
        if kind == b"tEXt" and data.startswith(b"Software\0"):
            return _PNG_MAKER.match(data, len(b"Software\0")) is not None
        at += 12 + size
    return False


def _svg_made(head):
    """Whether an SVG names plot as its creator (in its metadata) and no
    editor's namespace is on its root."""
    root = _SVG_ROOT.search(head)
    if root is None or _SVG_EDITORS.search(root[0]):
        return False
    return _SVG_MAKER.search(head) is not None


def _ps_made(head):
    """Whether the header comments of a PostScript file name plot."""
    return _PS_MAKER.search(head.split(b"%%EndComments", 1)[0]) is not None


def _pdf_information(f):
    """The document information (``/Info``) of a PDF written in one go, with
    one cross-reference table from object 0, as matplotlib writes it; None
    for any other (an update since adds a trailer with ``/Prev``)."""
    size = f.seek(0, os.SEEK_END)
    f.seek(max(0, size - _PDF_TAIL))
    tail = f.read()
    trailer = _PDF_TRAILER.match(tail, max(tail.rfind(b"trailer"), 0))
    if trailer is None or b"/Prev" in trailer[1]:
        return None
    info = re.search(rb"/Info\s+(\d+)\s+(\d+)\s+R", trailer[1])
    f.seek(int(trailer[2]))
    table = re.match(rb"xref\r?\n0 (\d+)\s*?\r?\n", f.read(64))
    if info is None or table is None or int(info[1]) >= int(table[1]):
        return None
    f.seek(int(trailer[2]) + table.end() + _XREF_ENTRY * int(info[1]))
    entry = re.match(rb"(\d{10}) \d{5} n", f.read(_XREF_ENTRY))
    if entry is None:
        return None
    f.seek(int(entry[1]))
    start = rb"%b\s+%b\s+obj\s*<<(.*?)>>\s*endobj" % (info[1], info[2])
    found = re.match(start, f.read(_HEAD), re.DOTALL)
    return None if found is None else found[1]


def _made_by_plot(fmt, path, head):
    """Whether the picture at ``path`` (of the format ``fmt``, whose first
    bytes are ``head``) carries plot's mark; False for a format that cannot."""
    if fmt == "png":
        return _png_made(head)
    if fmt == "svg":
        return _svg_made(head)
    if fmt == "svgz":
        return _svg_made(_inflated(head))
    if fmt in ("eps", "ps"):
        return _ps_made(head)
    if fmt == "pdf":
        with open(path, "rb") as f:
            information = _pdf_information(f)
        return information is not None and _PDF_MAKER.search(information) is not None
    return False


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
        ``path`` is empty or a picture of that format that carries plot's
        mark (it may be replaced), else the message of the refusal. A suffix of no
        picture format is left to
        :func:`~sknextchar.cli._pictures.check_picture_output`.

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
            if not head or (
                fmt in picture_format(head) and _made_by_plot(fmt, path, head)
            ):
                return None
        except OSError as exc:
            kind = f"a file that cannot be read ({exc.strerror or exc})"
        else:
            kind = _kind(path, head, fmt)
        if os.path.abspath(shown) != os.fspath(path):  # a symbolic link on the way
            kind = f"it leads to {shown_path(path)}, {kind}"
        else:
            kind = f"it is {kind}"
        replaces = _replaces(fmt, shown)
        return f"Cannot write the picture to {shown_path(shown)}: {kind}; {replaces}"

    return keep


def _kind(path, head, fmt):
    """What an existing file that plot may not replace is, for a message."""
    formats = picture_format(head)
    if fmt in formats and fmt in _MARK_KEYS:
        return (
            f"{_a(fmt)} that plot did not make (it does not name {PLOT_MARK!r} as "
            "the program that made it, as every picture plot writes does: it may "
            "be a figure of yours, even one drawn with matplotlib, or one "
            "saved by a plot of sknextchar before 0.2.0, which wrote no mark)"
        )
    if fmt in formats or fmt in _UNTOLD:
        return _a(fmt) if fmt in formats else (not_a_model_file(path) or "a file")
    if formats:
        return f"{_a(formats[0])}, not {_a(fmt)}"
    kind = not_a_model_file(path)
    return f"{'a model file' if kind is None else kind}, not {_a(fmt)}"


def _replaces(fmt, shown):
    """What ``--force`` replaces, that it was kept, and what to do instead."""
    from .._shown_paths import shell_path

    if fmt in _MARK_KEYS:
        replaces = f"--force replaces only {_a(fmt)} that plot made, never another file"
    else:
        replaces = (
            f"plot cannot write its mark in a .{fmt} picture, so it cannot tell "
            "one it made from yours, and --force never replaces one"
        )
    return (
        f"{replaces}, so it was left untouched. Give -o another file, or remove "
        f"this one yourself (rm {shell_path(shown)}) if it may go."
    )
