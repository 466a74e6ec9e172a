"""The parts of a zipped spreadsheet read before any is parsed: a document
type declaration refused however the part is written (UTF-16, or across
the blocks the scan reads), and a part that cannot be read (damaged,
encrypted) refused as a damaged workbook, never as an internal error."""

import zipfile

import pytest

from sknextchar.cli import main
from sknextchar.datasets import _workbook_parts, load_names

openpyxl = pytest.importorskip(
    "openpyxl", reason='workbooks need openpyxl: pip install "sknextchar[excel]"'
)

_SHEET = (
    '<?xml version="1.0" encoding="{encoding}"?>{declaration}<worksheet '
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Asha{entity}</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Ravi</t></is></c></row>'
    "</sheetData>{merges}</worksheet>"
)


def _members(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _workbook(path, sheet=None):
    """A workbook of the names Asha and Ravi; ``sheet``: its sheet's XML."""
    book = openpyxl.Workbook()
    book.active.append(["Asha"])
    book.save(path)
    members = _members(path)
    if sheet is not None:
        members["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return str(path)


_DECLARED = dict(declaration='<!DOCTYPE worksheet [<!ENTITY x "Kumar">]>', entity="&x;")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
@pytest.mark.parametrize("start", ["", " "])
def test_a_declaration_in_a_part_written_in_utf16_is_refused(tmp_path, codec, start):
    # The XML parser reads UTF-16, with or without a byte-order mark, and
    # before the first "<" a space (the entity was expanded: 'Asha Kumar').
    sheet = _SHEET.format(encoding="UTF-16", merges="", **_DECLARED)
    if start:
        sheet = start + sheet[sheet.index("?>") + 2 :]  # no XML declaration
    path = _workbook(tmp_path / "k.xlsx", sheet.encode(codec))
    with pytest.raises(ValueError, match=r"holds a document type declaration"):
        load_names(path)


@pytest.mark.parametrize("part", ["sheet1.bin", "sheet1.XML", "sheet1"])
def test_a_declaration_in_a_sheet_part_named_otherwise_is_refused(tmp_path, part):
    # openpyxl parses the part the workbook's relations name, whatever its
    # name; a part that is no XML text (a picture, the macros) is not looked
    # into (tests/files/test_workbooks_libreoffice.py).
    sheet = _SHEET.format(encoding="UTF-8", merges="", **_DECLARED).encode()
    path = _workbook(tmp_path / "k.xlsx", sheet)
    members = _members(path)
    members[f"xl/worksheets/{part}"] = members.pop("xl/worksheets/sheet1.xml")
    for listing in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
        members[listing] = members[listing].replace(
            b"worksheets/sheet1.xml", f"worksheets/{part}".encode()
        )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(
        ValueError, match=rf"declaration .* part 'xl/worksheets/{part}'"
    ):
        load_names(path)


@pytest.mark.parametrize("block", [7, 16, 61])
def test_what_spans_two_blocks_of_the_scan_is_found(tmp_path, monkeypatch, block):
    # Read a few bytes at a time, a declaration or a merged range is cut
    # between two blocks somewhere: the end of one block is kept.
    monkeypatch.setattr(_workbook_parts, "_BLOCK", block)
    sheet = _SHEET.format(
        encoding="UTF-8", merges='<mergeCells><mergeCell ref="A1:A2"/></mergeCells>',
        declaration="", entity="",
    )  # fmt: skip
    path = _sheet_only(tmp_path / "k.xlsx", sheet)
    parts = _workbook_parts.scan_parts(path, "save it again")
    assert parts.merged == {"xl/worksheets/sheet1.xml": {"A1:A2"}}
    declared = _SHEET.format(encoding="UTF-8", merges="", **_DECLARED)
    for padding in range(block):  # the declaration at every place in a block
        sheet = declared.replace("?><!DOCTYPE", "?>" + " " * padding + "<!DOCTYPE")
        path = _sheet_only(tmp_path / "d.xlsx", sheet)
        with pytest.raises(ValueError, match="document type declaration"):
            _workbook_parts.scan_parts(path, "save it again")


def _sheet_only(path, sheet):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return str(path)


def _unreadable(path, member, how):
    """The zip archive ``path`` with the data of its entry ``member``
    damaged, or marked as encrypted."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = bytearray(open(path, "rb").read())
    local = info.header_offset
    if how == "damaged":
        start = local + 30 + int.from_bytes(data[local + 26 : local + 28], "little")
        start += int.from_bytes(data[local + 28 : local + 30], "little")
        for at in range(start, start + min(info.compress_size, 40)):
            data[at] ^= 0x5A
    else:  # the encrypted flag, in the local and the central header
        data[local + 6] |= 1
        central = data.find(b"PK\x01\x02" + bytes(data[local + 4 : local + 6]))
        while data[central + 46 : central + 46 + len(member)] != member.encode():
            central = data.find(b"PK\x01\x02", central + 4)
        data[central + 8] |= 1
    open(path, "wb").write(bytes(data))
    return str(path)


def _cli_error(path, tmp_path, capsys):
    status = main(["train", path, "-o", str(tmp_path / "m.skops")])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert not (tmp_path / "m.skops").exists()
    return err


@pytest.mark.parametrize("how", ["damaged", "encrypted"])
@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "docProps/app.xml"])
def test_a_part_that_cannot_be_read_is_a_damaged_workbook(
    tmp_path, capsys, member, how
):
    path = _unreadable(_workbook(tmp_path / "k.xlsx"), member, how)
    before = open(path, "rb").read()
    message = (
        rf"cannot be read as an Excel workbook \(BadZipFile: part '{member}': .*\): "
        "open it in Excel or LibreOffice and save it again as .xlsx"
    )
    with pytest.raises(ValueError, match=message):
        load_names(path)
    assert "cannot be read as an Excel workbook" in _cli_error(path, tmp_path, capsys)
    assert open(path, "rb").read() == before


@pytest.mark.parametrize("how", ["damaged", "encrypted"])
def test_an_ods_whose_type_cannot_be_read_is_an_office_document(tmp_path, capsys, how):
    path = tmp_path / "k.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    path = _unreadable(path, "mimetype", how)
    message = r"is an office document \(\.docx, \.ods, \.odt\.\.\.\), not a text file"
    with pytest.raises(ValueError, match=message):
        load_names(path)
    assert "is an office document" in _cli_error(path, tmp_path, capsys)
