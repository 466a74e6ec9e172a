"""A spreadsheet's export as users have it: a footer below the table, blank
lines above its header, counts that tell their way too late.

A footer line (``Source: national registry 2020``) neither turns the title
check off nor is read as a name; ``--labels COLUMN`` finds the header below
blank lines as the names do; a column of more than ``HOLD_LIMIT`` counts such
as 17.728 followed by 1.234.567, read once (a pipe), is refused with what to do.
"""

import warnings

import pytest

from sknextchar.cli import main
from sknextchar.cli._labelled import read_names_file
from sknextchar.datasets import _count_cells, load_names
from sknextchar.datasets._count_cells import HOLD_LIMIT, CountCells
from sknextchar.datasets._counted_rows import counted_rows
from sknextchar.datasets._table_footers import FOOTER_LINES
from sknextchar.datasets._tables import (
    TitleLinesError,
    check_no_title,
    find_table,
    named_rows,
)

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
ROWS = "anna,f\nbob,m\ncarl,m\ndora,f\n"
FOOTER = "Source: national registry 2020\n"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_footer_does_not_turn_the_title_check_off(tmp_path):
    lines = ["Baby names 2024\n", "name,sex\n", *ROWS.splitlines(True), FOOTER]
    with pytest.raises(TitleLinesError, match="on line 2, below line 1"):
        check_no_title(lines, "b.csv")
    path = write(tmp_path / "b.csv", "".join(lines))
    assert main(["train", path, *KN, "-o", str(tmp_path / "m.joblib")]) == 1
    assert not (tmp_path / "m.joblib").exists()


def test_a_list_with_one_comma_line_is_still_no_titled_table():
    lines = ["zoe\n", "Name, Anna\n", "bob\n", "carl\n"]
    check_no_title(lines, "list.txt")  # no rows that split below line 2


def test_a_footer_is_refused_naming_its_line(tmp_path, capsys):
    path = write(tmp_path / "kids.csv", "name,sex\n" + ROWS + FOOTER + "\n")
    model = tmp_path / "m.joblib"
    assert main(["train", path, *KN, "-o", str(model)]) == 1
    err = capsys.readouterr().err
    assert "'Source: national registry 2020' on line 6" in err
    assert "(a footer?)" in err and "Delete line 6" in err
    assert "Traceback" not in err and not model.exists()
    with pytest.raises(ValueError, match="on line 6, below the rows"):
        load_names(path, names_column="name")


def test_a_footer_below_counts_is_refused(tmp_path):
    text = "name,count\nanna,3\nbob,2\nNotes:\nSource: registry\n"
    path = write(tmp_path / "counts.csv", text)
    with pytest.raises(ValueError, match="'Notes:' on lines 4 and 5"):
        load_names(path, names_column="name", counts_column="count")


def test_a_row_of_one_field_between_rows_is_still_a_name():
    table = find_table("name,sex", "kids.csv")
    lines = ["name,sex\n", "anna,f\n", "bob\n", "carl,m\n"]
    assert [fields for _, fields in named_rows(lines, table, "")] == [
        ["anna", "f"],
        ["bob", ""],
        ["carl", "m"],
    ]


def test_the_footer_check_holds_a_few_rows_only():
    table = find_table("name,sex", "kids.csv")
    read = []

    def lines():
        for line in ["name,sex\n", "anna,f\n"] + ["bob\n"] * 10_000:
            read.append(line)
            yield line

    rows = named_rows(lines(), table, "")
    next(rows), next(rows)  # anna, then the first bob: a long run is rows
    assert len(read) <= 3 + FOOTER_LINES + 1
    assert sum(1 for _ in rows) == 10_000 - 1  # read to the end, none refused


@pytest.mark.parametrize("counts", [[], ["--counts", "count"]])
def test_labels_column_skips_blank_lines_above_the_header(tmp_path, counts):
    text = "\n\n  \nname,label,count\nanna,f,3\nbob,m,2\ncarl,m,1\ndora,f,4\n"
    path = write(tmp_path / "kids.csv", text)
    model = tmp_path / "m.joblib"
    args = ["train", path, "--labels", "label", *counts, *KN, "-o", str(model)]
    assert main(args) == 0
    assert model.exists()


def test_names_and_labels_read_the_same_header_line(tmp_path, capsys):
    # The names' reading and --labels agree on the header below blank lines:
    # a missing --names-column is named with the header they both found.
    path = write(tmp_path / "kids.csv", "\nfirst,label\nanna,f\nbob,m\n")
    args = ["train", path, "--labels", "label", "--names-column", "given", *KN]
    assert main([*args, "-o", str(tmp_path / "m.joblib")]) == 1
    assert "['first', 'label']" in capsys.readouterr().err


def _semicolon_counts(tmp_path, n_either, late):
    rows = [f"n{i};17.728\n" for i in range(n_either)]
    path = tmp_path / "namen.csv"
    path.write_text("name;count\n" + "".join(rows) + f"late;{late}\n", "utf-8")
    return path


def test_a_late_thousands_count_says_what_to_do(tmp_path):
    # Read once, as a pipe is (a file is read again: test_counts_told_late).
    path = _semicolon_counts(tmp_path, HOLD_LIMIT + 1, "1.234.567")
    lines = iter(path.read_text("utf-8").splitlines(True))
    with pytest.raises(ValueError) as caught:
        list(counted_rows(lines, path, "name", "count"))
    message = str(caught.value)
    assert f"Line {HOLD_LIMIT + 3} of" in message
    assert f"the {HOLD_LIMIT:,} counts from line 2 ('17.728') on" in message
    assert "without points between thousands (17728, 1234567)" in message
    assert "written with a decimal point" not in message  # 17.728 told nothing


def test_a_later_decimal_point_tells_the_column_its_way(monkeypatch):
    monkeypatch.setattr(_count_cells, "HOLD_LIMIT", 3)
    cells = CountCells("'n.csv'", "count", ";")
    counts = [c for i in range(4) for _, c in cells.take("17.728", "a", i + 2, i)]
    counts += [c for _, c in cells.take("2.5", "b", 6, 4)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # told: no warning of an untold column
        counts += [c for _, c in cells.finish()]
    assert counts == [17.728] * 4 + [2.5]
    with pytest.raises(ValueError, match="line 6 has '2.5', written with a decimal"):
        cells.take("1.234.567", "c", 7, 5)


def test_a_header_row_again_below_the_first_is_refused(tmp_path, capsys):
    # Two exports joined: the second header would be a name with its label.
    text = "name,label\nanna,f\nbob,m\nName,Label\ncarl,m\ndora,f\n"
    path = write(tmp_path / "joined.csv", text)
    with pytest.raises(ValueError, match="Line 4 of .* is its header row again"):
        load_names(path, names_column="name")
    for flags in [[], ["--labels", "label"]]:
        assert main(["train", path, *flags, *KN, "-o", str(tmp_path / "m")]) == 1
        err = capsys.readouterr().err
        assert "Line 4 of" in err and "delete every header row below the first" in err


@pytest.mark.parametrize("end", ["Total,10\n", "Grand total,10\n" + FOOTER])
def test_a_total_row_at_the_end_is_refused(tmp_path, end):
    path = write(tmp_path / "us.csv", "name,count\nanna,3\nbob,7\n" + end)
    with pytest.raises(ValueError, match=r"on line 4, the last row .*\(a total\?\)"):
        load_names(path, names_column="name", counts_column="count")
    with pytest.raises(ValueError, match="Delete line"):
        load_names(path, names_column="name")


def test_a_name_total_between_rows_is_read():
    table = find_table("name,count", "us.csv")
    lines = ["name,count\n", "anna,3\n", "Total,1\n", "bob,7\n"]
    names = [fields[0] for _, fields in named_rows(lines, table, "")]
    assert names == ["anna", "Total", "bob"]


@pytest.mark.parametrize("suffix", [".tsv", ".csv", ".txt"])
def test_a_tab_separated_header_is_split_at_its_tabs(tmp_path, suffix):
    # header_key reads the tab of 'name\tcount' as a space: not one field.
    path = write(tmp_path / f"counts{suffix}", "name\tcount\nanna\t3\nbob\t7\n")
    assert load_names(path, names_column="name") == ["anna", "bob"]
    table = find_table("name\tcount\n", path)
    assert (table.delimiter, table.header) == ("\t", ["name", "count"])
    assert read_names_file(path) == ["anna", "bob"]


@pytest.mark.parametrize("empty", [",,\n", " ; ;\n", ",,\n\n,,\n"])
def test_a_spreadsheets_empty_rows_above_the_header_are_blank(tmp_path, empty):
    # Both readings skip them as blank lines: no title, the same header.
    path = write(tmp_path / "kids.csv", empty + "name,label\nanna,f\nbob,m\n")
    assert read_names_file(path) == ["anna", "bob"]
    assert load_names(path, names_column="name") == ["anna", "bob"]
    args = ["train", path, "--labels", "label", *KN, "-o", str(tmp_path / "m")]
    assert main(args) == 0


@pytest.mark.parametrize("end", ["", FOOTER])
def test_labels_column_below_a_title_leaves_it_out(tmp_path, capsys, end):
    # It was refused ("Delete line 1"); the footer below is still refused.
    path = write(tmp_path / "kids.csv", "Baby names 2024\nname,label\n" + ROWS + end)
    args = ["train", path, "--labels", "label", *KN, "-o", str(tmp_path / "m")]
    assert main(args) == (1 if end else 0)
    err = capsys.readouterr().err
    told = "header row 'name,label' (with the column of names 'name') on line 2"
    assert err.count(told) == 1 and "read as its title, left out" in err, err
    assert "Delete line 1" not in err and ("line 7" in err) == bool(end), err
