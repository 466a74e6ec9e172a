"""Workbooks whose sheets declare another size than their cells have (a
``<dimension>`` as large as a sheet can be, or smaller than its cells), too
many rows or cells, chart sheets, and the choice of a sheet: read at the cost
of the cells they hold, and refused with what to do when they hold more than
a sheet of names."""

import re
import shlex
import tracemalloc
import warnings
import zipfile

import numpy as np
import pytest

from sknextchar.cli import main
from sknextchar.datasets import (
    _bounded_rows,
    _opened_workbooks,
    _workbook_parts,
    _workbooks,
    load_names,
)
from tests._workbooks import written_workbook

openpyxl = pytest.importorskip(
    "openpyxl", reason='workbooks need openpyxl: pip install "sknextchar[excel]"'
)

_SHEET = "xl/worksheets/sheet1.xml"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _workbook(path, rows, title="Names"):
    return written_workbook(path, rows, title)


def _edited(path, *changes):
    """The first sheet of the workbook ``path`` with each (old, new) bytes
    change made (a file no spreadsheet program wrote, by hand)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for old, new in changes:
        assert old in members[_SHEET], old
        members[_SHEET] = members[_SHEET].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _moved_last_row(path, rows, row, column="XFD"):
    """The workbook of one column ``rows`` whose last cell is moved down to
    ``row``, and whose dimension says the sheet spans ``A1:<column><row>``."""
    _workbook(path, rows)
    last = len(rows)
    dimension = f'<dimension ref="A1:{column}{row}" />'
    return _edited(
        path,
        (f'<dimension ref="A1:A{last}" />'.encode(), dimension.encode()),
        (
            f'<row r="{last}"><c r="A{last}"'.encode(),
            f'<row r="{row}"><c r="A{row}"'.encode(),
        ),
    )


def _cli(argv, capsys):
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_a_declared_range_wider_than_the_cells_reads_the_cells_only(
    tmp_path, monkeypatch
):
    # Declared 16,384 columns wide, the cells were each padded to as many
    # and each empty one made text: 49,149 cells for 3 names.
    path = _moved_last_row(tmp_path / "k.xlsx", [["Asha"], ["Ravi"], ["Meena"]], 3)
    made_text = []
    cell_text = _bounded_rows._cell_text

    def counted(value):
        made_text.append(value)
        return cell_text(value)

    monkeypatch.setattr(_bounded_rows, "_cell_text", counted)
    assert load_names(path) == ["Asha", "Ravi", "Meena"]
    assert made_text == []  # the three cells are text: none made text


@pytest.mark.slow
def test_a_workbook_declared_as_large_as_a_sheet_is_read_in_seconds(tmp_path):
    # 4.9 KB declaring A1:XFD1048576, its last name at row 1,048,576: the
    # rows were padded to 16,384 columns (about 1.7e10 cells, hours).
    path = _moved_last_row(tmp_path / "k.xlsx", [["Asha"], ["Ravi"], ["Zed"]], 1 << 20)
    assert load_names(path) == ["Asha", "Ravi", "Zed"]
    text = _workbooks.sheet_cells(path).text
    assert text.count("\n") == 1 << 20 and text.endswith("\nZed\n")


@pytest.mark.slow
def test_a_message_names_the_row_of_a_cell_far_down(tmp_path):
    path = _moved_last_row(tmp_path / "k.xlsx", [["Asha"], ["Ra\nvi"]], 1 << 20)
    with pytest.raises(ValueError, match="cell A1048576 of sheet 'Names' of .* line"):
        load_names(path)


@pytest.mark.slow
def test_rows_without_cells_cost_no_memory_each(tmp_path):
    # A sheet declared 20,000 rows long (A1:A20000), its last name at row
    # 20,000: each row without cells was a list of its own, twice (a peak of
    # 2.5 MB here, 1.1 GB-like for 1,048,576 rows; 0.25 MB now).
    path = _moved_last_row(tmp_path / "k.xlsx", [["Asha"], ["Zed"]], 20_000, "A")
    tracemalloc.start()
    try:
        cells = _workbooks.sheet_cells(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert cells.text == "Asha\n" + "\n" * 19_998 + "Zed\n"
    assert peak < 1 << 20, f"{peak:,} bytes at most"


def test_a_declared_range_narrower_than_the_cells_loses_no_column(tmp_path):
    # Excel and LibreOffice show the cells whatever <dimension> says; a stale
    # A1:A5 left the column of names out of a two-column table, unsaid.
    rows = [["id", "name"], ["k0", "Asha"], ["k1", "Ravi"], ["k2", "Meena"]]
    path = _edited(
        _workbook(tmp_path / "k.xlsx", rows),
        (b'<dimension ref="A1:B4" />', b'<dimension ref="A1:A5" />'),
    )
    assert load_names(path, names_column="name") == ["Asha", "Ravi", "Meena"]


@pytest.mark.slow
def test_a_row_past_the_last_a_spreadsheet_holds_is_refused(tmp_path, capsys):
    path = _moved_last_row(tmp_path / "k.xlsx", [["Asha"], ["Zed"]], (1 << 20) + 1, "A")
    message = (
        "sheet 'Names' of .* has more than 1,048,576 rows, more than a "
        "spreadsheet program's sheet holds .*delete the rows and columns that "
        "hold no names, or save the names as a CSV file"
    )
    with pytest.raises(ValueError, match=message):
        load_names(path)


def test_more_cells_than_a_sheet_of_names_holds_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(_bounded_rows, "_MAX_CELLS", 100)
    rows = [[_LETTERS[row] + _LETTERS[column] * 2 for column in range(10)]
            for row in range(20)]  # fmt: skip
    path = _workbook(tmp_path / "k.xlsx", rows)
    with pytest.raises(
        ValueError,
        match=r"has 11 rows or more, 10 columns wide \(to its cell J1\): over 100",
    ):
        load_names(path)
    assert load_names(_workbook(tmp_path / "n.xlsx", rows[:10]), names_column="Aaa")


def _with_chart_sheet(path, first="Chart"):
    """A workbook of a sheet of names and a chart sheet (openpyxl writes it
    without relationships, on which openpyxl then fails to read it)."""
    book = openpyxl.Workbook()
    book.active.title = "Kids"
    book.active.append(["Asha"])
    book.create_chartsheet(first, 0)
    book.active = 1
    book.save(path)
    return str(path)


def test_a_chart_sheet_is_passed_over(tmp_path):
    path = _with_chart_sheet(tmp_path / "k.xlsx")
    assert load_names(path) == ["Asha"]
    assert load_names(path, sheet=0) == ["Asha"]


def test_a_chart_sheet_named_is_told_a_chart(tmp_path, capsys):
    path = _with_chart_sheet(tmp_path / "k.xlsx")
    with pytest.raises(
        ValueError,
        match=r"sheet 'Chart' of .* is a chart sheet \(a chart, no cells\), not a "
        r"sheet of names: its sheets of cells are 'Kids'\.",
    ):
        load_names(path, sheet="chart")
    status, out, err = _cli(
        ["train", path, "-o", str(tmp_path / "m.skops"), "--sheet", "Chart"], capsys
    )
    assert status == 1 and "is a chart sheet" in err and "are Kids." in err


def test_an_error_inside_openpyxl_is_not_shown_to_the_user(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "k.xlsx", [["Asha"]])

    def failing(*args, **kwargs):
        raise AttributeError("'list' object has no attribute 'find'")

    monkeypatch.setattr(openpyxl, "load_workbook", failing)
    with pytest.raises(ValueError) as raised:
        load_names(path)
    assert str(raised.value).startswith(
        f"{path!r} cannot be read as an Excel workbook:"
    )
    assert "find" not in str(raised.value)


def test_a_damaged_part_is_told_what_is_wrong(tmp_path):
    path = _edited(_workbook(tmp_path / "k.xlsx", [["Asha"]]), (b"</sheetData>", b""))
    with pytest.raises(
        ValueError, match=r"cannot be read as an Excel workbook \(ParseError: "
    ):
        load_names(path)


def test_a_sheet_position_may_be_any_integer_but_a_truth_value(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Asha"])
    book.create_sheet("Two").append(["Ravi"])
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    assert load_names(path, sheet=np.int64(1)) == ["Ravi"]
    with pytest.raises(TypeError, match="not True"):
        load_names(path, sheet=True)


def test_the_sheets_are_listed_as_the_interface_takes_them(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.title = 'Kid\'s "list"'
    book.active.append(["Asha"])
    book.create_sheet("Old 2").append(["Ravi"])
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    with pytest.raises(
        ValueError, match=r"""its sheets are 'Kid\\'s "list"', 'Old 2'\.$"""
    ):
        load_names(path, sheet="'")
    status, out, err = _cli(
        ["train", path, "-o", str(tmp_path / "m.skops"), "--sheet", "'"], capsys
    )
    listed = err.rstrip().removesuffix(".").split("its sheets are ")[1]
    assert status == 1 and "\\" not in listed
    assert [shlex.split(word)[0] for word in listed.split(", ")] == [
        'Kid\'s "list"', "Old 2"
    ]  # fmt: skip


def test_each_sheet_part_is_found_from_the_workbooks_relationships(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Kids"
    book.create_sheet("Old")
    book.create_chartsheet("Chart")
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    parts = _workbook_parts.scan_parts(path, "")
    assert parts.parts == {
        "Kids": "xl/worksheets/sheet1.xml", "Old": "xl/worksheets/sheet2.xml"
    }  # fmt: skip
    assert parts.charts == {"Chart": "xl/chartsheets/sheet1.xml"}


def test_the_merges_of_a_second_sheet_are_its_own(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Bo"])
    book.active.merge_cells("A1:A3")
    second = book.create_sheet("Kids")
    for row in [["name", "sex"], ["Asha", "F"], ["Zoe", None], ["Ravi", "M"]]:
        second.append(row)
    second.merge_cells("B2:B3")
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    assert load_names(path, sheet="Kids", labels_column="sex") == (
        ["Asha", "Zoe", "Ravi"], ["F", "F", "M"]
    )  # fmt: skip


def test_text_named_as_a_workbook_is_read_as_text_and_told(tmp_path):
    path = tmp_path / "kids.xlsx"
    path.write_text("name\nAsha\nRavi\n", encoding="utf-8")
    with pytest.warns(
        UserWarning,
        match=r"kids.xlsx' is named as an Excel workbook \(.xlsx\) but holds text, "
        r"not a workbook: it is read as a text file of names, one a line, its "
        r"first line too; if that line is a header, pass names_column=, the header",
    ):
        assert load_names(str(path)) == ["name", "Asha", "Ravi"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(str(path), names_column="name") == ["Asha", "Ravi"]


@pytest.mark.slow
def test_a_sheet_of_more_rows_than_a_spreadsheet_is_refused_unparsed(tmp_path):
    # 1,048,577 rows in 7 MB of XML (10 KB zipped), no range declared: openpyxl
    # parsed the whole sheet as it opened the workbook, then it was read.
    path = _workbook(tmp_path / "k.xlsx", [["Asha"]])
    _edited(path, (b"</sheetData>", b"<row/>" * (1 << 20) + b"</sheetData>"))
    _edited(path, (b'<dimension ref="A1:A1" />', b""))
    with pytest.raises(ValueError, match="has more than 1,048,576 rows"):
        load_names(path)


def _drawn_rows(monkeypatch, path):
    """A list that grows by one for each row openpyxl gives the reading of
    the workbook ``path``."""
    book = openpyxl.load_workbook(path, read_only=True)
    sheet_class = type(book.active)
    book.close()
    iter_rows, drawn = sheet_class.iter_rows, []

    def counted(self, *args, **kwargs):
        for row in iter_rows(self, *args, **kwargs):
            drawn.append(1)
            yield row

    monkeypatch.setattr(sheet_class, "iter_rows", counted)
    return drawn


def test_a_row_numbered_far_down_is_refused_without_the_empty_rows_before_it(
    tmp_path, monkeypatch
):
    # A row numbered 1,000,000,000 in a 5 KB file: openpyxl gives an empty
    # row for each number before it, and they were all read (and kept) first.
    monkeypatch.setattr(_bounded_rows, "_MAX_ROWS", 1000)
    path = _moved_last_row(tmp_path / "k.xlsx", [["Asha"], ["Zed"]], 50_000, "A")
    drawn = _drawn_rows(monkeypatch, path)
    with pytest.raises(ValueError, match="has more than 1,000 rows"):
        load_names(path)
    assert 1000 < len(drawn) <= 1001


@pytest.mark.slow
def test_a_row_numbered_a_billion_is_refused_in_seconds(tmp_path):
    path = _moved_last_row(tmp_path / "k.xlsx", [["Asha"], ["Zed"]], 10**9, "A")
    with pytest.raises(ValueError, match="has more than 1,048,576 rows"):
        load_names(path)


def test_a_workbook_of_chart_sheets_alone_is_told_so(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.remove(book.active)
    book.create_chartsheet("Chart")
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    message = (
        "holds chart sheets only ('Chart'), no sheet of cells: put the names in "
        "a sheet of cells, or save the names as a CSV file"
    )
    for sheet in (None, 0, "Chart"):
        with pytest.raises(ValueError, match=re.escape(message)):
            load_names(path, sheet=sheet)
    status, out, err = _cli(["train", path, "-o", str(tmp_path / "m.skops")], capsys)
    assert status == 1 and message in err
    assert not (tmp_path / "m.skops").exists()


def _rows_counted(tmp_path, sheet_xml):
    path = tmp_path / "k.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(_SHEET, sheet_xml)
    return _workbook_parts.scan_parts(path, "save it again").rows[_SHEET]


def test_rows_are_counted_by_their_tags_whatever_their_prefix_or_text(tmp_path):
    # <x:row> ... </x:row> (as .NET's Open XML SDK writes) was counted twice,
    # and a cell's text "x:row" once more: 600,000 rows refused as over 1,048,576.
    cell = '<{p}c r="A{n}" t="inlineStr"><{p}is><{p}t>Note:row</{p}t></{p}is></{p}c>'
    for prefix, namespace in (("", ""), ("x:", ' xmlns:x="urn:x"')):
        rows = "".join(
            f'<{prefix}row r="{n}">{cell.format(p=prefix, n=n)}</{prefix}row>'
            for n in range(1, 4)
        )
        xml = (
            f"<{prefix}worksheet{namespace}><{prefix}sheetData>{rows}<{prefix}row/>"
            f"</{prefix}sheetData></{prefix}worksheet>"
        )
        assert _rows_counted(tmp_path, xml.encode()) == 4, prefix


def test_too_many_cells_names_the_cell_farthest_right(tmp_path, monkeypatch):
    # One stray cell far right makes every row as wide in the text read: the
    # message names it, so that it can be found and deleted.
    monkeypatch.setattr(_bounded_rows, "_MAX_CELLS", 1000)
    book = openpyxl.Workbook()
    for row in range(100):
        book.active.append([f"Name{row}"])
    book.active["AZ5"] = "note"
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    with pytest.raises(ValueError, match=r"52 columns wide \(to its cell AZ5\)"):
        load_names(path)


def test_text_named_as_a_workbook_is_told_what_reads_its_header(tmp_path):
    # Renaming it .csv, as was advised, reads the header as a name all the
    # same in Python: names_column is what reads it.
    path = tmp_path / "kids.xlsx"
    path.write_text("name\nAsha\nRavi\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="named as an Excel workbook") as caught:
        load_names(str(path))
    told = str(caught[0].message)
    assert "pass names_column=" in told and "rename" not in told
    renamed = path.rename(tmp_path / "kids.csv")
    with pytest.warns(UserWarning, match="looks like a table"):
        assert load_names(str(renamed))[0] == "name"


@pytest.mark.parametrize(
    "arguments", [{"counts_column": "count"}, {"header": None}], ids=str
)
def test_text_named_as_a_workbook_is_not_told_read_when_refused(tmp_path, arguments):
    path = tmp_path / "kids.xlsx"
    path.write_text("name,count\nAsha,3\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="pass names_column"):
            load_names(str(path), **arguments)
    assert [str(warning.message) for warning in caught] == []


def test_a_workbook_with_a_chart_sheet_is_not_copied_into_memory(tmp_path):
    # Its copy without the chart sheet was held in memory, each part of it
    # inflated whole: twice the sheet's 6 MB here, as much as the book is.
    path = _with_chart_sheet(tmp_path / "k.xlsx")
    _edited(path, (b"</sheetData>", b"<row/>" * (1 << 20) + b"</sheetData>"))
    charts = _workbook_parts.scan_parts(path, "save it again").charts.values()
    tracemalloc.start()
    try:
        with _opened_workbooks._without_parts(path, charts) as copy:
            peak = tracemalloc.get_traced_memory()[1]
            with zipfile.ZipFile(copy) as archive:
                kept = archive.namelist()
    finally:
        tracemalloc.stop()
    assert peak < 2 << 20, f"{peak:,} bytes"
    assert _SHEET in kept and not any(name in kept for name in charts)


def test_a_formatted_empty_cell_far_right_widens_no_row(tmp_path, monkeypatch):
    # A cell emptied but still formatted (bold) at AZ5 holds no text: the rows
    # read are one column wide, not 52, and the names are read.
    monkeypatch.setattr(_bounded_rows, "_MAX_CELLS", 1000)
    book = openpyxl.Workbook()
    for row in range(100):
        book.active.append([f"Name{row}"])
    book.active["AZ5"].font = openpyxl.styles.Font(bold=True)
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    assert b'r="AZ5"' in zipfile.ZipFile(path).read(_SHEET)
    assert load_names(path) == [f"Name{row}" for row in range(100)]


def test_formatted_empty_cells_far_right_in_each_row_are_bounded(tmp_path, monkeypatch):
    # openpyxl makes each row as long as its last cell, an empty one too: the
    # cells it makes are bounded as the text's are.
    monkeypatch.setattr(_bounded_rows, "_MAX_CELLS", 1000)
    book = openpyxl.Workbook()
    for row in range(1, 101):
        book.active.append([f"Name{row}"])
        book.active[f"AZ{row}"].font = openpyxl.styles.Font(bold=True)
    path = str(tmp_path / "k.xlsx")
    book.save(path)
    with pytest.raises(ValueError, match=r"52 columns wide \(to its cell AZ20\)"):
        load_names(path)
