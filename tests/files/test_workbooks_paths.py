"""Workbooks on the paths beside ``load_names(path.xlsx)``: warnings that
carry their parts (quoted names), a file object, ``train_from_file``,
``--labels FILE.xlsx``, a workbook on standard input, and dates in the
names column of a table read by the command line."""

import datetime
import os
import warnings
import zipfile

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._quoted_lines import QuotedLinesWarning
from tests._workbooks import written_workbook

openpyxl = pytest.importorskip(
    "openpyxl", reason='workbooks need openpyxl: pip install "sknextchar[excel]"'
)

NAMES = ["Asha", "Ravi", "Zoe", "Mira", "Omar", "Lena", "Ivan", "Nora"] * 3


def _cli(argv, capsys):
    status = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def _caught(load, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = load(*args, **kwargs)
    return result, caught


def test_quoted_names_of_a_sheet_warn_as_those_of_a_text_file(tmp_path):
    rows = [['"Asha"'], ['"Ravi"'], ["Zoe"]]
    text = tmp_path / "k.txt"
    text.write_text("".join(f"{row[0]}\n" for row in rows), encoding="utf-8")
    book = written_workbook(tmp_path / "k.xlsx", rows)
    expected, told = _caught(load_names, str(text))
    assert [w.category for w in told] == [QuotedLinesWarning]
    for source in (book, open(book, "rb"), open(text, "rb")):
        names, caught = _caught(load_names, source)
        assert names == expected
        assert [w.category for w in caught] == [QuotedLinesWarning]
        message = str(caught[0].message)
        assert "k.xlsx" in message or "k.txt" in message
        assert ".tsv" not in message
        assert caught[0].message.path in (book, str(text))  # its parts renamed too


def test_train_from_file_refuses_a_workbook_saying_what_reads_it(tmp_path):
    from sknextchar import train_from_file

    book = written_workbook(tmp_path / "k.xlsx", [[name] for name in NAMES])
    with pytest.raises(ValueError) as info:
        train_from_file(book)
    message = str(info.value)
    assert "k.xlsx' is an Excel workbook" in message
    assert "load_names(" in message and "chunk" in message and "CSV" in message
    assert "--" not in message  # Python's words


def test_cli_labels_file_that_is_a_workbook(tmp_path, capsys):
    names = tmp_path / "k.txt"
    names.write_text("".join(f"{name}\n" for name in NAMES), encoding="utf-8")
    labels = written_workbook(tmp_path / "sex.xlsx", [["FM"[i % 2]] for i in range(24)])
    model = tmp_path / "m.skops"
    argv = ["train", str(names), "--labels", labels, "-o", str(model)]
    status, out, err = _cli([*argv, "--model", "kneser-ney"], capsys)
    assert status == 1 and not model.exists()
    assert f"--labels {labels} is an Excel workbook" in err, err
    assert "--labels COLUMN" in err and "one per line" in err


def test_a_workbook_on_a_pipe_is_told_to_be_passed_by_path(
    tmp_path, capsys, monkeypatch
):
    # In this process (the slow test below runs the same in a new one).
    book = written_workbook(tmp_path / "k.xlsx", [[name] for name in NAMES])
    model = tmp_path / "m.skops"
    read, write = os.pipe()
    with open(book, "rb") as f:
        os.write(write, f.read())
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        monkeypatch.setattr("sys.stdin", pipe)
        monkeypatch.setattr(
            "sknextchar.cli._stdin_files.STDIN", f"/dev/fd/{pipe.fileno()}"
        )
        status, _, err = _cli(["train", "-", "-o", str(model)], capsys)
    assert status == 1 and not model.exists()
    assert "an Excel workbook" in err and "its path" in err, err
    assert "--encoding" not in err


@pytest.mark.slow  # a new Python process
def test_a_workbook_on_standard_input_is_told_to_be_passed_by_path(tmp_path):
    import subprocess
    import sys

    book = written_workbook(tmp_path / "k.xlsx", [[name] for name in NAMES])
    model = tmp_path / "m.skops"
    with open(book, "rb") as f:
        run = subprocess.run(
            [sys.executable, "-m", "sknextchar", "train", "-", "-o", str(model)],
            input=f.read(),
            capture_output=True,
            check=False,
        )
    err = run.stderr.decode()
    assert run.returncode == 1 and "Traceback" not in err and not model.exists()
    assert "an Excel workbook" in err and "its path" in err, err
    assert "--encoding" not in err


@pytest.mark.parametrize("labels", [[], ["--labels", "sex"]])
def test_cli_refuses_a_date_in_the_names_column_of_a_table(tmp_path, capsys, labels):
    rows = [["name", "sex"], *([name, "FM"[i % 2]] for i, name in enumerate(NAMES))]
    rows.append([datetime.datetime(2020, 1, 2), "F"])
    path = written_workbook(tmp_path / "k.xlsx", rows)
    model = tmp_path / "m.skops"
    argv = ["train", path, "-o", str(model), "--alphabet", "auto", *labels]
    status, out, err = _cli([*argv, "--model", "kneser-ney"], capsys)
    assert status == 1 and not model.exists()
    assert "cell A26 of sheet 'Sheet' of" in err and "holds a date (2020-01-02)" in err
    with pytest.raises(ValueError, match="cell A26 of sheet 'Sheet' .* a date"):
        load_names(path, names_column="name")


def test_cli_reads_a_date_beside_the_names_of_a_table(tmp_path, capsys):
    rows = [["name", "born"], *([name, datetime.date(2020, 1, 2)] for name in NAMES)]
    path = written_workbook(tmp_path / "k.xlsx", rows)
    model = tmp_path / "m.skops"
    argv = ["train", path, "-o", str(model), "--model", "kneser-ney"]
    status, out, err = _cli(argv, capsys)
    assert status == 0, err
    assert load_names(path, names_column="name") == NAMES


@pytest.mark.parametrize("cell", ["Bo\nb", "Bo\r\nb", "Bo\rb"])
def test_a_line_break_in_a_sheet_of_one_column_names_its_cell(tmp_path, capsys, cell):
    # Row N of the sheet is line N of its text: a cell of two lines would
    # silently be two names, and every line number below it one off.
    path = written_workbook(
        tmp_path / "k.xlsx", [[name] for name in NAMES] + [[cell], ["Cy"]]
    )
    with pytest.raises(ValueError, match="cell A25 of sheet 'Sheet' of .* line break"):
        load_names(path)
    model = tmp_path / "m.skops"
    status, out, err = _cli(["train", path, "-o", str(model)], capsys)
    assert status == 1 and not model.exists()
    assert "cell A25 of sheet 'Sheet' of" in err and "on one line" in err


def _sheet_xml_made(path, change):
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = change(members[sheet])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    "change",
    [
        lambda xml: xml.replace(b"</sheetData>", b"<row><c><v>1</c></row></sheetData>"),
        lambda xml: xml[: len(xml) // 2],
    ],
)
def test_a_sheet_of_damaged_xml_is_refused_without_traceback(tmp_path, capsys, change):
    path = written_workbook(tmp_path / "k.xlsx", [[name] for name in NAMES])
    _sheet_xml_made(path, change)
    before = open(path, "rb").read()
    with pytest.raises(ValueError, match="cannot be read as an Excel workbook"):
        load_names(path)
    status, out, err = _cli(["train", path, "-o", str(tmp_path / "m.skops")], capsys)
    assert status == 1 and "cannot be read as an Excel workbook" in err
    assert open(path, "rb").read() == before


def test_a_sheet_without_formulas_is_read_once(tmp_path, monkeypatch):
    # A styled empty cell has no value, as a formula never computed: only a
    # workbook holding formulas is read a second time to tell them apart.
    book = openpyxl.Workbook()
    for name in NAMES:
        book.active.append([name])
    book.active["B3"].font = openpyxl.styles.Font(bold=True)
    book.save(tmp_path / "k.xlsx")
    from sknextchar.datasets import _workbooks

    def second_pass(*args):
        raise AssertionError("read again")

    monkeypatch.setattr(_workbooks, "_check_formulas", second_pass)
    assert load_names(str(tmp_path / "k.xlsx")) == NAMES
    book.active["C1"] = "=1+1"  # never computed
    book.save(tmp_path / "k.xlsx")
    with pytest.raises(AssertionError, match="read again"):
        load_names(str(tmp_path / "k.xlsx"))


def test_a_formula_computed_as_empty_text_is_an_empty_cell(tmp_path):
    # Excel stores =IF(A1="x","y","") computed as "" as t="str" with an empty
    # value; a formula never computed has no type: it alone is refused.
    path = tmp_path / "k.xlsx"
    book = openpyxl.Workbook()
    for name in NAMES:
        book.active.append([name])
    book.active["B1"] = '=IF(A1="x","y","")'
    book.save(path)
    with pytest.raises(ValueError, match="cell B1 .* never computed"):
        load_names(str(path))
    _sheet_xml_made(path, lambda xml: xml.replace(b'<c r="B1">', b'<c r="B1" t="str">'))
    assert load_names(str(path)) == NAMES
