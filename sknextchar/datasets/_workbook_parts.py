"""The XML parts of a workbook, scanned as bytes before openpyxl parses any:
whether a sheet holds a formula, the merged cells of each sheet, and a
document type declaration refused; then which part holds each sheet, and
which sheets are chart sheets, from the workbook's part and its
relationships (``xl/workbook.xml``, ``xl/_rels/workbook.xml.rels``).

No spreadsheet program writes a document type declaration (``<!DOCTYPE``) in
a workbook; in a file made to harm, its entities inflate a few bytes to
gigabytes as they are parsed ("billion laughs") or name another file to read.
The XML parser refuses those only if it is recent enough (expat 2.4 or
later, or defusedxml installed); the scan refuses them whatever the parser,
in a part written in UTF-16 too (which the parser reads). A part that cannot
be read to its end (damaged, encrypted) is refused: its declaration may be
in what is left unread, and the parser reads a part as it comes.
"""

import codecs
import posixpath
import re
import zipfile
from xml.etree import ElementTree

from .._shown_paths import shown_path

__all__ = ["WorkbookParts", "scan_parts"]

_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")  # <f>, <f t="shared" .../>
_MERGED = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]{0,200}?ref="([A-Za-z0-9:$]{1,40})"')
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_ROW = b"<row"  # a row's start tag (a <rowBreaks> too, no matter)
_PREFIXED_ROW = re.compile(rb"<\w+:row[\s/>]")  # <x:row>, not </x:row> or a text's
_BOM = b"\xef\xbb\xbf"
_TAIL = 512  # bytes of a block kept to find what the next block's start ends
_BLOCK = 1 << 20
_BOOK = "xl/workbook.xml"  # where the root relationships do not say otherwise
_OFFICE_DOCUMENT = "/officeDocument"
_CHART_SHEET = "/chartsheet"


class WorkbookParts:
    """What the parts of a workbook hold.

    Attributes
    ----------
    formulas : bool
        Whether a sheet holds a formula (an ``<f>`` element).
    merged : dict
        The path of each sheet's part (``"xl/worksheets/sheet1.xml"``) -> the
        ranges of its merged cells (``{"A2:A4", "B2:C2"}``).
    parts : dict
        The name of each sheet of cells -> the path of its part.
    charts : dict
        The name of each chart sheet (a chart alone, no cells) -> the path of
        its part.
    rows : dict
        The path of each sheet's part -> how many rows (``<row>`` elements)
        it holds.
    """

    def __init__(self, formulas, merged, parts, charts, rows):
        self.formulas, self.merged = formulas, merged
        self.parts, self.charts, self.rows = parts, charts, rows

    def merged_of(self, title):
        """The merged ranges of the sheet named ``title`` (none if its part
        is not known)."""
        return self.merged.get(self.parts.get(title), ())


def scan_parts(path, message):
    """The parts of the workbook ``path`` scanned (:class:`WorkbookParts`),
    a block at a time (the sizes of its parts were checked before).

    Parameters
    ----------
    path : str
        A zip archive of XML parts.
    message : str
        What to do when a part holds a document type declaration, at the end
        of the error.

    Raises
    ------
    ValueError
        If a part holds a document type declaration.
    zipfile.BadZipFile
        If a part cannot be read to its end (damaged, encrypted).

    Examples
    --------
    >>> import io, os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = os.path.join(tmp, "k.xlsx")
    ...     with zipfile.ZipFile(path, "w") as archive:
    ...         archive.writestr("xl/worksheets/sheet1.xml",
    ...                          '<mergeCells><mergeCell ref="A2:A4"/></mergeCells>')
    ...     scan_parts(path, "save it again").merged
    {'xl/worksheets/sheet1.xml': {'A2:A4'}}
    """
    formulas, merged, rows = False, {}, {}
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            sheet = member.startswith("xl/worksheets/")
            try:
                with archive.open(member) as xml:
                    found = _scan(xml, sheet and not formulas)
            except Exception as exc:  # damaged, encrypted: many kinds
                raise zipfile.BadZipFile(f"part {member!r}: {exc}") from exc
            if found is None:
                raise ValueError(
                    f"{shown_path(path)} holds a document type declaration "
                    f"(<!DOCTYPE) in its part {member!r}, which no spreadsheet "
                    "program writes (it may be made to fill the memory, or to "
                    f"read other files, as it is read): {message}."
                )
            formulas = formulas or found[0]
            if sheet and found[1]:
                merged[member] = found[1]
            if sheet:
                rows[member] = found[2]
        parts, charts = _sheet_parts(archive)  # no declaration: safe to parse
    return WorkbookParts(formulas, merged, parts, charts, rows)


def _scan(xml, formulas):
    """Whether the part ``xml`` holds a formula (looked for when
    ``formulas``) and its merged ranges, or None if it holds a declaration."""
    tail, found, ranges, rows = b"", False, set(), 0
    for block in _blocks(xml):
        seen = tail + block
        if _DECLARATION.search(seen):
            return None
        found = found or bool(formulas and _FORMULA.search(seen))
        if b"mergeCell" in seen:  # a quick look first: most sheets have none
            ranges.update(ref.decode("ascii") for ref in _MERGED.findall(seen))
        rows += _rows(seen) - _rows(tail)  # each once, in the block it ends in
        tail = seen[-_TAIL:]
    return found, ranges, rows


def _rows(xml):
    """How many rows (start tags) ``xml`` holds: counted at C speed, unless
    their tags have a namespace prefix (rare)."""
    if b":row" not in xml:
        return xml.count(_ROW)
    return xml.count(_ROW) + len(_PREFIXED_ROW.findall(xml))


def _sheet_parts(archive):
    """The name of each sheet of cells -> its part, and of each chart sheet
    -> its part (both empty if the workbook's part or its relationships are
    missing or damaged: openpyxl then says so)."""
    parts, charts = {}, {}
    try:
        root = _relationships(archive, "").values()
        book = next((p for p, kind in root if kind.endswith(_OFFICE_DOCUMENT)), _BOOK)
        targets = _relationships(archive, book)
        listed = _parsed(archive, book).iterfind("{*}sheets/{*}sheet")
    except (KeyError, ElementTree.ParseError):
        return parts, charts
    for sheet in listed:
        key = next((key for key in sheet.attrib if key.endswith("}id")), None)
        target, kind = targets.get(sheet.get(key), ("", ""))
        chart = kind.endswith(_CHART_SHEET)
        if target:
            (charts if chart else parts)[sheet.get("name")] = target
    return parts, charts


def _relationships(archive, part):
    """The relationships of ``part`` ("": of the package): their id ->
    ``(path of the part named, type)``, links to outside left out."""
    folder, name = posixpath.split(part)
    found = {}
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    for rel in _parsed(archive, rels).iterfind("{*}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found[rel.get("Id")] = (posixpath.normpath(path), rel.get("Type", ""))
    return found


def _parsed(archive, part):
    """The XML of ``part`` parsed (its size bounded, and no declaration in
    it: :func:`scan_parts`)."""
    return ElementTree.fromstring(archive.read(part))


def _blocks(xml):
    """The part ``xml`` a block at a time, in UTF-8 (a part in UTF-16
    decoded: the XML parser reads it, so the scan must see its text); none
    of a part that is no XML text, whatever its name (a picture, the macros:
    no parser reads one; XML starts with ``<``, perhaps after spaces)."""
    block = xml.read(_BLOCK)
    codec = _utf16(block[:2])
    decoder = codecs.getincrementaldecoder(codec)("replace") if codec else None
    started = False  # past a byte-order mark and the spaces before "<"
    while block:
        text = block if decoder is None else decoder.decode(block).encode()
        if not started:
            text = text.removeprefix(_BOM).lstrip(b" \t\r\n")
            if text and not text.startswith(b"<"):
                return
            started = bool(text)
        yield text
        block = xml.read(_BLOCK)


def _utf16(start):
    """The codec of a part starting with the two bytes ``start`` if it is
    written in UTF-16, as the XML parser (expat) tells it: a byte-order mark,
    or a 0 byte (``<`` or a space in UTF-16); else None."""
    if start in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if start[:1] == b"\x00":
        return "utf-16-be"
    return "utf-16-le" if start[1:2] == b"\x00" else None
