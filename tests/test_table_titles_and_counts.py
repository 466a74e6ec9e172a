"""A user's table as a spreadsheet writes it: a title or a blank line above
its header row, a header typed in decomposed Unicode or with a qualifier, a
column of row numbers, counts written other than with the digits 0 to 9, and a
tab inside a quoted name."""

import re
import warnings

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--context-length", "2", "--alphabet", "auto", "-q"]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return str(path)


def train(capsys, path, *flags):
    argv = [*KN, "--validation-fraction", "0", "-o", "m.skops", "--force", *flags]
    status = main(["train", path, *argv])
    return status, capsys.readouterr().err


def loaded(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = load_names(path, **kwargs)
    return names, " ".join(str(warning.message) for warning in caught)


TITLED = [
    ("t.csv", "Baby names 2024\nname,gender\nZoe,F\nJose,M\nAnna,F\n", "utf-8"),
    ("t.csv", "Baby names 2024;;\nname;gender;count\nZoe;F;3\nJose;M;2\n", "utf-8"),
    ("t.txt", "\ufeffMy names\r\nName\tGender\r\nZoë\tF\r\nJosé\tM\r\n", "utf-16-le"),
    ("t.csv", "Baby names\n\nnotes\nname,gender\nZoe,F\nJose,M\n", "utf-8"),
]


@pytest.mark.parametrize(("file", "text", "encoding"), TITLED)
def test_a_title_above_the_header_is_refused_by_its_lines(
    tmp_path, capsys, file, text, encoding
):
    path = write(tmp_path / file, text, encoding)
    lines = text.lstrip("\ufeff").splitlines()
    at = next(i for i, line in enumerate(lines) if line.lower().startswith("name"))
    above = "line 1" if at == 1 else f"lines 1 to {at}"
    wanted = f"has its header row {lines[at]!r} (with the column of names "
    status, err = train(capsys, path)
    assert status != 0 and wanted in err and f"on line {at + 1}" in err, err
    assert f"Delete {above}, so" in err and "Traceback" not in err, err
    status, err = train(capsys, path, "--names-column", lines[at][:4])
    assert status != 0 and wanted in err, err
    names, message = loaded(path)
    assert wanted in message and "once those lines are deleted" in message
    with pytest.raises(ValueError, match=f"Delete {above}, so that the file starts"):
        load_names(path, names_column="name")


def test_a_list_with_a_comma_line_is_no_titled_table(tmp_path, capsys):
    path = write(tmp_path / "list.txt", "Zoë\nName, Anna\nJosé\nSmith, Bob\nAnn\n")
    names, message = loaded(path)
    assert names[1] == "Name, Anna" and message == ""
    status, err = train(capsys, path)
    assert status == 0 and "header row" not in err, err


@pytest.mark.parametrize("flags", [[], ["--names-column", "name"]])
def test_blank_lines_above_the_header_are_skipped(tmp_path, capsys, flags):
    path = write(tmp_path / "b.csv", "\n \nname,gender\nasha,F\nravi,M\n")
    status, err = train(capsys, path, *flags)
    assert status == 0, err
    assert load_names(path, names_column="name") == ["asha", "ravi"]
    names, counts = load_names(
        write(tmp_path / "c.csv", "\nname,count\nasha,3\n"),
        names_column="name",
        counts_column="count",
    )
    assert names == ["asha"] and counts.tolist() == [3.0]


def test_a_header_in_decomposed_unicode_is_found(tmp_path, capsys):
    path = write(tmp_path / "n.csv", "Pre\u0301nom;Sexe\nZoë;F\nJosé;M\n")
    assert load_names(path, names_column="Pr\u00e9nom") == ["Zoë", "José"]
    status, err = train(capsys, path)
    assert status == 0 and "read its column 'Pre\u0301nom'" in err, err
    status, err = train(capsys, path, "--names-column", "Pr\u00e9nom")
    assert status == 0, err


@pytest.mark.parametrize("header", ["Full name", "Baby Name", "Name:", "Name (first)"])
def test_a_one_column_header_saying_name_is_a_header(tmp_path, capsys, header):
    path = write(tmp_path / "n.csv", f"{header}\nasha\nravi\n")
    names, message = loaded(path)
    assert f"a header row {header!r}" in message, message
    status, err = train(capsys, path)
    assert status == 0 and f"starts with the header {header!r}" in err, err


def test_a_one_column_title_with_digits_stays_a_name(tmp_path):
    path = write(tmp_path / "n.csv", "Names 2024\nasha\nravi\n")
    assert loaded(path) == (["Names 2024", "asha", "ravi"], "")


@pytest.mark.parametrize("start", [0, 1])
def test_a_column_of_row_numbers_is_offered_as_nothing(tmp_path, capsys, start):
    rows = "".join(
        f"{start + i},{n},{g},{c}\n"
        for i, (n, g, c) in enumerate(
            [("asha", "F", 7), ("ravi", "M", 2), ("meena", "F", 5)]
        )
    )  # two labels: a column of one is offered as nothing either
    path = write(tmp_path / "n.csv", "id,name,gender,count\n" + rows)
    status, err = train(capsys, path)
    assert status == 0 and "--counts count" in err and "--labels gender" in err, err
    assert "id" not in err.split("read its column")[1], err


BAD_COUNTS = ["1_000", "\u0665", "\uff15", "1e3", "+5", "1e-400", "-0", "0x10"]


@pytest.mark.parametrize("cell", BAD_COUNTS)
def test_a_count_is_digits_as_the_message_says(tmp_path, capsys, cell):
    path = write(tmp_path / "n.csv", f"name,count\nasha,{cell}\nravi,2\n")
    message = f"{re.escape(repr(cell))} in the column 'count' .* with the digits 0 to 9"
    with pytest.raises(ValueError, match=message):
        load_names(path, names_column="name", counts_column="count")
    status, err = train(capsys, path, "--counts", "count")
    assert status != 0 and "written with the digits 0 to 9" in err, err


def test_a_count_beyond_two_to_the_53_is_refused_in_python_too(tmp_path):
    path = write(tmp_path / "n.csv", "name,count\nasha,9007199254740993\n")
    with pytest.raises(ValueError, match="more than 9,007,199,254,740,992"):
        load_names(path, names_column="name", counts_column="count")
    path = write(tmp_path / "m.csv", "name,count\nasha,9007199254740992\n")
    assert load_names(path, names_column="name", counts_column="count")[1][0] == 2**53


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", " "])
def test_a_space_between_thousands_gets_the_hint(tmp_path, space):
    path = write(tmp_path / "n.csv", f"name;count\nasha;17{space}728\n")
    with pytest.raises(ValueError, match="no thousands separators"):
        load_names(path, names_column="name", counts_column="count")


def test_a_tab_inside_a_quoted_name_is_refused(tmp_path, capsys):
    path = write(tmp_path / "n.txt", 'Name\tGender\n"Zoë\tAnn"\tF\nJosé\tM\n')
    with pytest.raises(ValueError, match="Line 2 of .* with a tab in it"):
        load_names(path, names_column="Name")
    status, err = train(capsys, path)
    assert status != 0 and "no name or label holds a tab" in err, err
