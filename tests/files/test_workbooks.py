"""Excel workbooks read as the table their sheet holds: ``load_names(path.xlsx)``,
``sheet=``, the command line's ``--sheet``, and the workbooks refused."""

import contextlib
import csv
import datetime
import hashlib
import re
import sys
import zipfile

import numpy as np
import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import _workbooks, load_names
from tests._workbooks import written_workbook

openpyxl = pytest.importorskip(
    "openpyxl", reason='workbooks need openpyxl: pip install "sknextchar[excel]"'
)

_LETTERS = "aeioulmnrstkdbv"
ROWS = [["Name", "Sex", "Count"]] + [
    [
        "".join(
            _LETTERS[(i * 7 + j * 3 + i // 5) % len(_LETTERS)] for j in range(3 + i % 4)
        ).title(),
        "FM"[i % 2],
        (i * 37) % 500 + 1,
    ]
    for i in range(80)
]


def _workbook(path, rows, title="Names", more=()):
    return written_workbook(path, rows, title, more)


def _csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return str(path)


def _digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.mark.parametrize(
    "arguments",
    [
        dict(names_column="Name"),
        dict(names_column="name", counts_column="count"),
        dict(labels_column="sex", counts_column="Count"),
        dict(labels_column="Sex"),
    ],
)
def test_same_as_the_csv_of_the_same_rows(tmp_path, arguments):
    book = _workbook(tmp_path / "kids.xlsx", ROWS)
    table = _csv(tmp_path / "kids.csv", ROWS)
    from_book, from_csv = load_names(book, **arguments), load_names(table, **arguments)
    if isinstance(from_csv, list):
        assert from_book == from_csv
    else:
        for read, expected in zip(from_book, from_csv, strict=True):
            np.testing.assert_array_equal(np.asarray(read), np.asarray(expected))


def test_same_without_header_by_position(tmp_path):
    book = _workbook(tmp_path / "kids.xlsx", ROWS[1:])
    table = _csv(tmp_path / "kids.csv", ROWS[1:])
    arguments = dict(header=None, names_column=0, labels_column=1, counts_column=2)
    names, labels, counts = load_names(book, **arguments)
    expected = load_names(table, **arguments)
    assert (names, labels) == tuple(expected[:2])
    np.testing.assert_array_equal(counts, expected[2])


def test_one_column_of_names_as_lines(tmp_path):
    rows = [["Smith, Anna"], ["José"], [None], ["Zoë"], ['Anna "Nan"']]
    assert load_names(_workbook(tmp_path / "k.xlsx", rows)) == [
        "Smith, Anna",
        "José",
        "Zoë",
        'Anna "Nan"',
    ]


def test_counts_stored_as_floats_are_whole(tmp_path):
    rows = [["name", "count"], ["Asha", 12.0], ["Ravi", 2.5], ["Zoe", 3]]
    path = _workbook(tmp_path / "k.xlsx", rows)
    names, counts = load_names(path, names_column="name", counts_column="count")
    assert names == ["Asha", "Ravi", "Zoe"]
    np.testing.assert_array_equal(counts, [12.0, 2.5, 3.0])
    assert "12\t" not in _workbooks.sheet_cells(path).text  # '12', not '12.0'
    assert "\n12\n" not in _workbooks.sheet_cells(path).text
    assert "Asha\t12\n" in _workbooks.sheet_cells(path).text


def _rewritten(path, old, new):
    """The first sheet of the workbook ``path`` with ``old`` bytes made ``new``
    (what a spreadsheet program writes and openpyxl does not)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert old in members[sheet]
    members[sheet] = members[sheet].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_whole_numbers_stored_with_a_point_read_whole(tmp_path):
    rows = [["name", "group"], ["Asha", 7], ["Ravi", 8]]
    path = _workbook(tmp_path / "k.xlsx", rows)
    _rewritten(path, b"<v>7</v>", b"<v>7.0</v>")
    _rewritten(path, b"<v>8</v>", b"<v>8E0</v>")
    assert load_names(path, labels_column="group") == (["Asha", "Ravi"], ["7", "8"])


def test_a_file_object_of_a_workbook(tmp_path):
    path = _workbook(tmp_path / "k.xlsx", [["Asha"], ["Ravi"]])
    with open(path, "rb") as f:
        assert load_names(f) == ["Asha", "Ravi"]


def test_a_date_read_as_a_name_is_refused(tmp_path):
    rows = [["Asha"], [datetime.datetime(2020, 1, 2)]]
    path = _workbook(tmp_path / "k.xlsx", rows)
    with pytest.raises(
        ValueError, match=r"cell A2 .* holds a date \(2020-01-02\), not a name"
    ):
        load_names(path)
    table = [["name", "born"], ["Asha", datetime.date(2020, 1, 2)]]
    table += [[datetime.datetime(2021, 3, 4), datetime.date(2020, 1, 2)]]
    path = _workbook(tmp_path / "t.xlsx", table)
    with pytest.raises(ValueError, match=r"cell A3 .*2021-03-04\), not a name"):
        load_names(path, names_column="name")


def test_a_column_of_dates_beside_the_names_is_read(tmp_path):
    rows = [["name", "born"], ["Asha", datetime.date(2020, 1, 2)], ["Ravi", None]]
    assert load_names(_workbook(tmp_path / "k.xlsx", rows), names_column="name") == [
        "Asha",
        "Ravi",
    ]


def _with_cached_value(path, formula, value):
    """The workbook ``path`` as a spreadsheet saves it: the formula's value
    stored beside it (openpyxl writes none)."""
    old = f"<f>{formula}</f><v />".encode()
    _rewritten(path, old, f"<f>{formula}</f><v>{value}</v>".encode())


def test_formulas_give_their_stored_values(tmp_path):
    rows = [["name", "count"], ["Asha", 2], ["Ravi", "=B2*3"]]
    path = _workbook(tmp_path / "k.xlsx", rows)
    _with_cached_value(path, "B2*3", 6)
    names, counts = load_names(path, names_column="name", counts_column="count")
    np.testing.assert_array_equal(counts, [2.0, 6.0])


def test_a_formula_never_computed_names_its_cell(tmp_path):
    rows = [["name", "count"], ["Asha", 2], ["Ravi", "=B2*3"]]
    path = _workbook(tmp_path / "k.xlsx", rows)
    with pytest.raises(ValueError, match=r"cell B3 .*\(=B2\*3\) whose value was never"):
        load_names(path, names_column="name")
    with pytest.raises(
        ValueError, match="open the file in Excel or LibreOffice and save"
    ):
        load_names(path, names_column="name")


def test_a_styled_empty_cell_is_empty(tmp_path):
    path = tmp_path / "k.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Asha"])
    book.active["A2"].font = openpyxl.styles.Font(bold=True)  # a cell, no value
    book.active.append(["Ravi"])
    book.save(path)
    assert load_names(str(path)) == ["Asha", "Ravi"]


def test_a_title_merged_above_the_header(tmp_path):
    path = tmp_path / "k.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["Class of 2024", None], ["name", "sex"], ["Asha", "F"], ["Ravi", "M"]]:
        sheet.append(row)
    sheet.merge_cells("A1:B1")
    book.save(path)
    with pytest.warns(UserWarning, match="title"):
        assert load_names(str(path), labels_column="sex") == (
            ["Asha", "Ravi"],
            ["F", "M"],
        )


def test_the_first_shown_sheet_is_read_and_named(tmp_path):
    more = [("Kids", [["Asha"], ["Ravi"]], "visible")]
    path = _workbook(tmp_path / "k.xlsx", [["lookup"], ["x"]], "Lookup", more)
    book = openpyxl.load_workbook(path)
    book["Lookup"].sheet_state = "hidden"
    book.save(path)
    with pytest.warns(UserWarning, match=r"Read sheet 'Kids' .*'Lookup' \(hidden\)"):
        assert load_names(path) == ["Asha", "Ravi"]
    assert load_names(path, sheet="lookup") == ["lookup", "x"]
    assert load_names(path, sheet=1) == ["Asha", "Ravi"]


def test_an_unknown_sheet_lists_the_sheets(tmp_path):
    path = _workbook(
        tmp_path / "k.xlsx", [["Asha"]], "Kids", [("Old", [["Bo"]], "hidden")]
    )
    with pytest.raises(
        ValueError,
        match=r"no such sheet \(sheet='Adults'\): its sheets are 'Kids', "
        r"'Old' \(hidden\)",
    ):
        load_names(path, sheet="Adults")
    with pytest.raises(ValueError, match=r"sheet=2"):
        load_names(path, sheet=2)
    with pytest.raises(TypeError, match="sheet must be"):
        load_names(path, sheet=1.0)


def test_a_sheet_of_a_file_that_is_no_workbook(tmp_path):
    table = _csv(tmp_path / "k.csv", [["Asha"]])
    with pytest.raises(
        ValueError,
        match=r"sheet='Kids' picks a sheet of an Excel workbook; '.*k.csv' is none",
    ):
        load_names(table, sheet="Kids")
    with pytest.raises(FileNotFoundError):
        load_names(str(tmp_path / "missing.xlsx"), sheet="Kids")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "is empty"),
        ([[1, 2], [3.5, None]], "numbers \\(or dates\\) only, no names"),
    ],
)
def test_a_sheet_without_names(tmp_path, rows, message):
    with pytest.raises(ValueError, match=message):
        load_names(_workbook(tmp_path / "k.xlsx", rows))


def test_an_xlsm_or_any_suffix_is_read_by_content(tmp_path):
    for name in ("k.xlsm", "k.dat"):
        path = _workbook(tmp_path / "k.xlsx", [["Asha"]])
        (tmp_path / name).write_bytes(open(path, "rb").read())
        assert load_names(str(tmp_path / name)) == ["Asha"]


def test_a_workbook_inflating_past_the_bound(tmp_path, monkeypatch):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (8 << 20))
    monkeypatch.setattr(_workbooks, "MIN_ALLOWED_BYTES", 1 << 20)
    with pytest.raises(ValueError, match="would inflate to 8,388,6.. bytes"):
        load_names(str(path))


@pytest.mark.parametrize(
    ("name", "entry", "message"),
    [
        ("k.xlsx", ("xl/workbook.xml", "<not a workbook"),
         "cannot be read as an Excel workbook.*save it again as .xlsx"),
        ("k.ods", ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
         r"LibreOffice \(OpenDocument\) spreadsheet \(\.ods\), not a text file "
         r"of names: open it in LibreOffice Calc and save it as an Excel workbook"),
        ("k.xlsb", ("xl/workbook.bin", b"\x83\x01\x00"),
         r"Excel binary workbook \(\.xlsb\), never read: open it in Excel and save "
         r"it as an Excel workbook or a CSV file"),
        ("k.numbers", ("Index/Document.iwa", b"\x00\x01"),
         r"Apple Numbers spreadsheet \(\.numbers\), not a text file of names: open "
         r"it in Numbers and export it \(File > Export To > Excel or CSV\)"),
    ],
)  # fmt: skip
def test_damaged_workbooks_and_other_workbooks(tmp_path, name, entry, message):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(*entry)
    with pytest.raises(ValueError, match=message):
        load_names(str(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 60, "zip archive"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 200 + "EncryptionInfo".encode("utf-16-le"),
         r"password-protected \(encrypted\).*remove its password"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 200 + "Workbook".encode("utf-16-le"),
         r"Excel 97-2003 workbook \(\.xls\), not a text file of names: open it .* "
         r"save it as \.xlsx"),
        (b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:o="x">',
         r"flat OpenDocument file \(\.fods, LibreOffice\), not a text file of "
         r"names: open it in LibreOffice Calc and save it as an Excel workbook"),
        (b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<W/>',
         r"Excel 2003 XML spreadsheet, not a text file of names: open it in Excel "
         r"or LibreOffice and save it as an Excel workbook \(\.xlsx\)"),
    ],
)  # fmt: skip
def test_files_refused_with_advice(tmp_path, content, message):
    path = tmp_path / "k.xlsx"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message):
        load_names(str(path))


def test_without_openpyxl_the_install_is_told(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "k.xlsx", [["Asha"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(
        ValueError,
        match=r'needs openpyxl \(pip install "sknextchar\[excel\]"\), or save',
    ):
        load_names(path)


def _cli(argv, capsys):
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def _held_out(out):
    return re.search(r"Held-out NLL: ([0-9.]+)", out)[1]


def test_cli_trains_from_a_workbook_as_from_its_csv(tmp_path, capsys):
    book = _workbook(tmp_path / "kids.xlsx", ROWS)
    table = _csv(tmp_path / "kids.csv", ROWS)
    before = _digest(book)
    flags = [
        "--model",
        "kneser-ney",
        "--counts",
        "count",
        "--labels",
        "sex",
        "--seed",
        "0",
    ]
    runs = []
    for path in (book, table):
        model = str(tmp_path / f"{path[-4:]}.skops")
        status, out, err = _cli(["train", path, "-o", model, *flags], capsys)
        assert status == 0, err
        runs.append(_held_out(out + err))
    assert runs[0] == runs[1]
    assert _digest(book) == before  # the user's file as it was
    status, out, err = _cli(
        [
            "score",
            str(tmp_path / "xlsx.skops"),
            "--names-file",
            book,
            "--names-column",
            "name",
            "--label",
            "F",
        ],
        capsys,
    )
    assert status == 0, err
    assert ROWS[1][0] in out


def test_cli_sheet_flag(tmp_path, capsys):
    more = [("Kids 2024", [["Asha"], ["Ravi"], ["Zoe"]] * 5, "visible")]
    path = _workbook(tmp_path / "k.xlsx", [["Bo"], ["Cy"]] * 5, "Old", more)
    model = str(tmp_path / "m.skops")
    status, out, err = _cli(
        ["train", path, "-o", model, "--model", "kneser-ney"], capsys
    )
    assert status == 0, err
    assert "Note: read sheet 'Old' of" in err and "pass --sheet 'Kids 2024'" in err
    for sheet in ("Kids 2024", "2", "kids 2024"):
        status, out, err = _cli(
            [
                "train",
                path,
                "-o",
                model,
                "--force",
                "--sheet",
                sheet,
                "--model",
                "kneser-ney",
            ],
            capsys,
        )
        assert status == 0, err
        assert "of 15 names" in out + err, out + err
        assert "Note: read sheet" not in err


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        ("Adults", "has no such sheet (--sheet Adults): its sheets are Old, New."),
        ("3", "has no such sheet (--sheet 3)"),
    ],
)
def test_cli_unknown_sheet(tmp_path, capsys, sheet, message):
    path = _workbook(
        tmp_path / "k.xlsx", [["Bo"]], "Old", [("New", [["Cy"]], "visible")]
    )
    status, out, err = _cli(
        ["train", path, "-o", str(tmp_path / "m.skops"), "--sheet", sheet], capsys
    )
    assert status == 1
    assert message in err
    assert not (tmp_path / "m.skops").exists()


def test_cli_errors_name_the_workbook(tmp_path, capsys):
    rows = [["name", "sex"], ["Asha", "F"], ["Ravi", None], ["Zoe", "M"]]
    path = _workbook(tmp_path / "kids\\2024.xlsx", rows)  # a backslash, shown doubled
    status, out, err = _cli(
        ["train", path, "-o", str(tmp_path / "m.skops"), "--labels", "sex"], capsys
    )
    assert status == 1
    assert "'Ravi'" in err and "kids\\\\2024.xlsx'" in err and ".tsv" not in err


def test_cli_sheet_without_a_workbook(tmp_path, capsys):
    table = _csv(tmp_path / "k.csv", [["Asha"]])
    status, out, err = _cli(
        ["train", table, "-o", str(tmp_path / "m.skops"), "--sheet", "2"], capsys
    )
    assert status == 1
    assert (
        "--sheet 2 picks a sheet of an Excel workbook" in err
        and "leave out --sheet" in err
    )
    status, out, err = _cli(
        ["score", str(tmp_path / "m.skops"), "asha", "--sheet", "2"], capsys
    )
    assert status == 1
    assert "--sheet 2 says which sheet of --names-file FILE" in err


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04" + b"\x00" * 60,
        b"\xd0\xcf\x11\xe0" + "EncryptionInfo".encode("utf-16-le"),
    ],
)
def test_cli_hostile_workbooks_without_traceback(tmp_path, capsys, content):
    path = tmp_path / "k.xlsx"
    path.write_bytes(content)
    status, out, err = _cli(
        ["train", str(path), "-o", str(tmp_path / "m.skops")], capsys
    )
    assert status == 1
    assert err.startswith("sknextchar: error: ")
    assert path.read_bytes() == content


def test_cli_without_openpyxl(tmp_path, capsys, monkeypatch):
    path = _workbook(tmp_path / "k.xlsx", [["Asha"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    status, out, err = _cli(["train", path, "-o", str(tmp_path / "m.skops")], capsys)
    assert status == 1
    assert 'pip install "sknextchar[excel]"' in err and "CSV" in err


def test_a_row_ending_in_empty_cells_reads_as_its_csv(tmp_path):
    # A CSV export writes every row as wide as the table: 'Ravi,' (no label).
    rows = [["Baby names"], ["name", "sex"], ["Asha", "F"], ["Ravi", None]]
    book = _workbook(tmp_path / "k.xlsx", rows)
    table = _csv(tmp_path / "k.csv", [[*row, *[None] * (2 - len(row))] for row in rows])
    for path in (book, table):
        with (
            pytest.warns(UserWarning, match="read as its title"),
            pytest.raises(ValueError, match="Line 4 of .* 'Ravi' but no label"),
        ):
            load_names(path, labels_column="sex")


@pytest.mark.parametrize("mark", [",", ";"])
def test_cells_holding_another_delimiter_keep_the_sheets_columns(
    tmp_path, capsys, mark
):
    # "Rao, Asha" in every row of a column (and in its header) made the sheet's
    # text look comma-separated: train read 'Rao' from the split cells, not the
    # column headed 'First name'.
    rows = [[f"Name{mark} full", "First name"]] + [
        [f"{s}{mark} {g}", g] for s, g in [("Rao", "Asha"), ("Iyer", "Ravi")] * 4
    ]
    path = _workbook(tmp_path / "tree.xlsx", rows)
    out = str(tmp_path / "m.skops")
    main(["train", path, "--model", "kneser-ney", "--alphabet", "auto", "-o", out])
    err = capsys.readouterr().err
    assert "read its column 'First name' (2 of 2) as the names" in err
    sampler = load_model(out)
    assert sampler.in_training_set(["asha", "ravi", "rao"]).tolist() == [
        True,
        True,
        False,
    ]
    names = load_names(path, names_column="First name")
    assert list(names) == [g for _, g in rows[1:]]
    # "Rao, Asha" is told as a surname before a given name; "Rao; Asha" is not.
    told = pytest.warns(UserWarning, match="written 'Surname, Given'")
    with told if mark == "," else contextlib.nullcontext():
        both = load_names(path, names_column=f"Name{mark} full")
    assert list(both) == [row[0] for row in rows[1:]]


def test_merged_cells_as_the_sheet_shows_them(tmp_path):
    # A label merged over the rows it applies to is each row's label; a name
    # merged over the rows of its counts each row's name; a title merged over
    # the columns gives no cell more.
    path = tmp_path / "k.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["Class of 2024"], ["name", "sex", "count"], ["Asha", "F", 3],
            [None, None, 4], ["Meera", None, 2], ["Ravi", "M", 5]]  # fmt: skip
    for row in rows:
        sheet.append(row)
    for merged in ("A1:C1", "A3:A4", "B3:B5"):
        sheet.merge_cells(merged)
    book.save(path)
    with pytest.warns(UserWarning, match="title"):
        names, labels, counts = load_names(
            str(path), labels_column="sex", counts_column="count"
        )
    assert list(zip(names, labels, counts.tolist())) == [
        ("Asha", "F", 3), ("Asha", "F", 4), ("Meera", "F", 2), ("Ravi", "M", 5),
    ]  # fmt: skip


def test_a_name_merged_over_rows_of_a_list_is_one_name(tmp_path):
    path = tmp_path / "k.xlsx"
    book = openpyxl.Workbook()
    for row in [["Asha"], [None], [None], ["Ravi"]]:
        book.active.append(row)
    book.active.merge_cells("A1:A3")
    book.save(path)
    assert load_names(str(path)) == ["Asha", "Ravi"]


@pytest.mark.parametrize("ref", [b"$A$2:$A$3", b"a2:a3", b"A2:a$3"])
def test_merged_ranges_written_otherwise_read_alike(tmp_path, ref):
    # openpyxl reads a range in lower case, or with $, as A2:A3.
    path = tmp_path / "k.xlsx"
    book = openpyxl.Workbook()
    for row in [["name", "count"], ["Asha", 3], [None, 4], ["Ravi", 2]]:
        book.active.append(row)
    book.active.merge_cells("A2:A3")
    book.save(path)
    _rewritten(path, b'ref="A2:A3"', b'ref="' + ref + b'"')
    names, counts = load_names(str(path), names_column="name", counts_column="count")
    assert list(zip(names, counts.tolist())) == [("Asha", 3), ("Asha", 4), ("Ravi", 2)]


class _LookedAt(list):
    """A row that counts how often it is looked into."""

    looks = 0

    def __getitem__(self, at):
        _LookedAt.looks += 1
        return super().__getitem__(at)


def test_merges_over_merges_fill_each_row_once(monkeypatch):
    # No program writes a merge over another; a file of thousands of them
    # (A1:A2000, A2:A2000, ...) took minutes, each looking at every row below.
    from sknextchar.datasets._merged_cells import fill_merged

    rows = [_LookedAt([f"N{i}", "F"]) for i in range(1, 2001)]
    monkeypatch.setattr(_LookedAt, "looks", 0)
    fill_merged(rows, [f"A{i}:A2000" for i in range(1, 2001)] + ["B1:B2"])
    assert _LookedAt.looks < 10 * len(rows)
    assert [row[0] for row in rows] == ["N1"] * 2000  # the first merge kept
    rows = [["Asha", "F"], ["", "M"], ["", "X"]]
    fill_merged(rows, ["A1:A2", "A2:A3"])  # A2:A3 over A1:A2: passed over
    assert rows == [["Asha", "F"], ["Asha", "M"], ["", "X"]]


def _entities_workbook(path, declaration, text):
    """A workbook whose sheet's XML starts with a document type declaration."""
    _workbook(path, [["Asha"]])
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{declaration}]><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{text}</t></is>'
        "</c></row></sheetData></worksheet>"
    )
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return str(path)


_LAUGHS = '<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
)  # &j; is 10**10 letters


@pytest.mark.parametrize(
    ("declaration", "text"),
    [(_LAUGHS, "&j;"), ('<!ENTITY x SYSTEM "file:///etc/hostname">', "&x;")],
    ids=["billion-laughs", "external-entity"],
)
def test_a_document_type_declaration_is_refused_unparsed(
    tmp_path, capsys, declaration, text
):
    path = _entities_workbook(tmp_path / "k.xlsx", declaration, text)
    message = (
        r"holds a document type declaration \(<!DOCTYPE\) in its part "
        r"'xl/worksheets/sheet1.xml', which no spreadsheet program writes"
    )
    with pytest.raises(ValueError, match=message):
        load_names(path)
    status, out, err = _cli(["train", path, "-o", str(tmp_path / "m.skops")], capsys)
    assert status == 1 and re.search(message, err)
    assert not (tmp_path / "m.skops").exists()
