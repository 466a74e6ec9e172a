"""Spreadsheet exports read as they are, without hand-editing of the file."""

import re

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2"]
QUICK = [*KN, "--validation-fraction", "0", "-q", "--force"]
CHUNKS = ["--chunk-size", "2", "--max-iter", "1", "--alphabet", "auto"]
CHUNKS += ["--validation-fraction", "0", "-q", "--force"]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_no_header_reads_a_separator_line_as_the_delimiter(tmp_path, capsys):
    # --no-header read Excel's "sep=;" line as the name 'sep=' (refused for
    # its '=', or a row without a count); without --no-header it was the
    # delimiter already.
    path = write(tmp_path / "yob.csv", "sep=;\nAnna;F;3\nBo;M;2\nCara;F;x\n")
    model = str(tmp_path / "m.skops")
    names = load_names(path, header=None, names_column=0)
    assert names == ["Anna", "Bo", "Cara"]
    labelled = load_names(path, header=None, names_column=0, labels_column=1)
    assert labelled == (names, ["F", "M", "F"])
    argv = ["train", path, *QUICK, "-o", model, "--no-header", "--names-column", "1"]
    assert main(argv) == 0, capsys.readouterr().err
    assert main([*argv, "--counts", "3"]) == 1
    err = capsys.readouterr().err
    assert "Line 4 of" in err and "'x'" in err and "sep=" not in err


@pytest.mark.parametrize("labels", [[], ["--labels", "sex"]])
def test_a_wide_row_is_told_once_not_again_for_its_shifted_count(
    tmp_path, capsys, labels
):
    # "Smith, Bob" unquoted: its row has a field too many, and its count cell
    # ('M' or 'Bob') was also refused as no count: one cause, told twice.
    text = "name,sex,count\nAnna,F,3\nSmith, Bob,M,2\nCara,F,4\nDan,M,1\n"
    path = write(tmp_path / "kids.csv", text)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *QUICK, "--counts", "count", *labels, "-o", model]) == 1
    err = capsys.readouterr().err
    assert "Line 3 of" in err and "has 4 fields, more than the 3" in err
    assert "not a count" not in err and "no count" not in err
    with pytest.raises(ValueError, match="more than the 3") as caught:
        load_names(path, names_column="name", counts_column="count")
    assert "count" not in str(caught.value).split("header")[-1]


def test_a_note_of_two_lines_is_read_and_later_lines_keep_their_numbers(
    tmp_path, capsys
):
    # A spreadsheet's "notes" cell of two lines (RFC 4180) is one cell; a
    # row's place is the line it starts on.
    text = 'name,sex,count,notes\nAnna,F,3,"first\nsecond"\nBo,M,x,ok\n'
    text += 'Cara,F,4,"a\nb\nc"\nDan,M,y,\n'
    path = write(tmp_path / "kids.csv", text)
    assert load_names(path, names_column="name") == ["Anna", "Bo", "Cara", "Dan"]
    model = str(tmp_path / "m.skops")
    for how in (QUICK, CHUNKS):
        argv = ["train", path, *how, "--counts", "count", "-o", model]
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "line 4 has 'x' for the name 'Bo', line 8 has 'y'" in err


@pytest.mark.parametrize(
    "notes",
    [
        '"12 Main St, Apt 4\nSpringfield, IL, 62701\nPO Box 5, Town, ST"',
        '"said ""hi, yes, no""\nthen, left, again\nand, came, back"',
    ],
    ids=["address", "prose"],
)
def test_a_cell_of_lines_with_delimiters_in_them_is_no_quote_left_open(tmp_path, notes):
    # An address or a note over lines, commas in each, was refused as a quote
    # that swallowed rows of the table.
    path = write(tmp_path / "kids.csv", f"name,sex,notes\nAnna,F,{notes}\nBo,M,x\n")
    assert load_names(path, names_column="name") == ["Anna", "Bo"]


@pytest.mark.parametrize(
    "text, said",
    [
        (  # no closing quote: the rows below were one note, trained on without them
            'name,sex,notes\nAnna,F,"first line\nBo,M,ok\nCara,F,fine\n',
            "Line 2 of {} opens a quote, 'first line'..., that is not closed "
            "before the end of the file: its 3 lines would be one cell",
        ),
        (  # closed rows later: the rows between were one note
            'name,sex,notes\nAnna,F,"first\nBo,M,ok\nCara,F,fine\nDan,M,"\nEve,F,x\n',
            "Line 2 of {} opens a quote that runs over 4 lines, read as one cell "
            "that holds rows of the table ('Bo,M,ok', 'Cara,F,fine')",
        ),
    ],
    ids=["to-the-end", "over-rows"],
)
def test_a_quote_left_open_in_another_column_is_refused(tmp_path, capsys, text, said):
    path = write(tmp_path / "kids.csv", text)
    said = said.format(repr(path))
    with pytest.raises(ValueError, match=re.escape(said)):
        load_names(path, names_column="name")
    model = str(tmp_path / "m.skops")
    for how in ([*QUICK, "--labels", "sex"], CHUNKS):
        assert main(["train", path, *how, "-o", model]) == 1
        assert said in capsys.readouterr().err


def test_lists_of_lines_show_runs_as_ranges(tmp_path):
    # "Lines 2, 3, 4, 5, 6 and 1 more" hid the last line, and spent its room.
    rows = "Mary, Ann,F\nLee, Jo,M\nAl, Bo,M\nBo,M\nCy, Di,F\n"
    path = write(tmp_path / "kids.csv", "name,sex\n" + rows)
    with pytest.raises(ValueError, match="Lines 2-4 and 6 of .* have 3 fields, more"):
        load_names(path, names_column="name")


def test_no_header_labels_by_title_are_told_the_columns(tmp_path, capsys):
    # "--labels sex is no column number" gave no hint of which number.
    path = write(tmp_path / "kids.csv", "Anna,1,F\nBo,2,M\nCy,3,F\n")
    model = str(tmp_path / "m.skops")
    argv = ["train", path, *QUICK, "--no-header", "--names-column", "1"]
    assert main([*argv, "--labels", "sex", "-o", model]) == 1
    err = capsys.readouterr().err
    assert "2 ('1', '2', '3') and 3 ('F', 'M'), counted from 1" in err
    assert err.rstrip().endswith("likely in column 3: pass --labels 3.")
