"""A column of counts a header row leaves without a title (``name,`` above
``Anna,3``; ``name,sex,`` above ``Anna,F,3``), read by its number
(``--counts 2``, counted from 1) or its position (``counts_column=1``,
counted from 0), as an untitled column of labels is; a titled column's
number or position is refused with its title."""

import re

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests.files.test_tables_as_exported import (  # noqa: F401 (an autouse fixture)
    ROWS,
    failed,
    in_tmp_path,
    read,
    write,
)

NAMES = [n for n, _, _ in ROWS]
SEXES = [s for _, s, _ in ROWS]
COUNTS = [float(c) for _, _, c in ROWS]


def table(header, *columns, d=","):
    """``header`` above the rows of ROWS, their columns ``columns`` (0: the
    name, 1: the sex, 2: the count)."""
    rows = "".join(d.join(str(row[i]) for i in columns) + "\n" for row in ROWS)
    return header + "\n" + rows


@pytest.mark.parametrize("d", [",", ";", "\t"])
def test_an_untitled_column_of_counts_is_read_by_its_number(d):
    # It was refused: "--counts 2 is not a column (beside the names 'name')".
    write("k.csv", table(f"name{d}", 0, 2, d=d))
    names, labels, counts = read("k.csv", "--counts", "2")
    assert (names, labels, counts.tolist()) == (NAMES, None, COUNTS)


def test_untitled_counts_beside_labels_titled_or_not():
    write("t.csv", table("name,sex,", 0, 1, 2))
    names, labels, counts = read("t.csv", "--labels", "sex", "--counts", "3")
    assert (names, labels, counts.tolist()) == (NAMES, SEXES, COUNTS)
    write("u.csv", table("name,,", 0, 1, 2))
    names, labels, counts = read("u.csv", "--labels", "2", "--counts", "3")
    assert (names, labels, counts.tolist()) == (NAMES, SEXES, COUNTS)


def test_python_reads_an_untitled_column_of_counts_by_its_position():
    write("k.csv", table("name,", 0, 2))
    names, counts = load_names("k.csv", names_column="name", counts_column=1)
    assert (names, counts.tolist()) == (NAMES, COUNTS)
    write("t.csv", table("name,sex,", 0, 1, 2))
    names, labels, counts = load_names("t.csv", labels_column="sex", counts_column=2)
    assert (names, labels, counts.tolist()) == (NAMES, SEXES, COUNTS)
    write("u.csv", table("name,,", 0, 1, 2))
    names, labels, counts = load_names("u.csv", labels_column=1, counts_column=2)
    assert (names, labels, counts.tolist()) == (NAMES, SEXES, COUNTS)


def test_a_titled_column_is_refused_by_position_with_its_title(capsys):
    write("k.csv", table("name,sex,count", 0, 1, 2))
    with pytest.raises(TypeError, match=r"counts_column='count' reads it"):
        load_names("k.csv", labels_column="sex", counts_column=2)
    with pytest.raises(TypeError, match=r"counts_column='count' reads it"):
        load_names("k.csv", names_column="name", counts_column=2)
    err = failed(capsys, "k.csv", "--counts", "3")
    assert "--counts count" in err, err
    err = failed(capsys, "k.csv", "--counts", "2")  # its title, but no counts
    assert "title 'sex'" in err and "--counts sex" not in err, err


def test_the_refusal_offers_the_untitled_column_of_counts(capsys):
    write("k.csv", table("name,sex,", 0, 1, 2))
    with pytest.raises(TypeError) as e:
        load_names("k.csv", labels_column="sex", counts_column=1)
    said = str(e.value)
    given = re.search(r"(counts_column=\d) reads it", said)[1]
    assert given == "counts_column=2", said
    assert load_names("k.csv", labels_column="sex", counts_column=2)[1] == SEXES


def test_a_count_missing_in_an_untitled_column_is_told_by_its_place(capsys):
    write("k.csv", "name,\nAnna,3\nRavi,x\n")
    err = failed(capsys, "k.csv", "--counts", "2")
    assert "2nd column" in err and "''" not in err, err
    with pytest.raises(ValueError, match="2nd column") as e:
        load_names("k.csv", names_column="name", counts_column=1)
    assert "''" not in str(e.value)


def test_a_header_field_spelled_as_the_number_stays_that_column():
    write("k.csv", "name,,2\nAnna,7,3\nRavi,8,5\n")
    assert read("k.csv", "--counts", "2")[2].tolist() == [3.0, 5.0]


def test_an_untitled_column_of_counts_is_read_in_chunks(capsys):
    write("k.csv", table("name,", 0, 2))
    argv = ["train", "k.csv", "--counts", "2", "--chunk-size", "2", "-o", "m.skops"]
    assert main([*argv, "--max-iter", "1", "--validation-fraction", "0", "-q"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_the_note_offers_the_untitled_column_of_counts_not_an_index(capsys):
    write("k.csv", table("name,sex,", 0, 1, 2))
    read("k.csv")
    assert capsys.readouterr().err.endswith("occurs, pass --counts 3.\n")
    write(
        "i.csv",
        ",name,\n" + "".join(f"{i},{n},{c}\n" for i, (n, _, c) in enumerate(ROWS)),
    )  # pandas' index first
    read("i.csv")
    assert capsys.readouterr().err.endswith("occurs, pass --counts 3.\n")


def test_an_index_before_the_names_is_never_offered_as_counts():
    # pandas' to_csv() with its index: ",name,sex," above "0,Ravi,M,1"
    text = ",name,sex,\n" + "".join(
        f"{i},{n},{s},{c}\n" for i, (n, s, c) in enumerate(ROWS)
    )
    write("k.csv", text)
    with pytest.raises(TypeError) as e:
        load_names("k.csv", names_column="name", counts_column=1)
    assert "counts_column=3 reads it" in str(e.value)
    assert "counts_column=0" not in str(e.value)


def test_a_header_not_in_the_row_offers_the_untitled_column(capsys):
    # --counts count / counts_column='count' on "name,sex," said only "pass the
    # header of its column of counts, as that row spells it": it has none.
    write("k.csv", table("name,sex,", 0, 1, 2))
    err = failed(capsys, "k.csv", "--labels", "sex", "--counts", "count")
    flags = re.search(r"(--counts \d) reads it", err)[1].split()
    assert read("k.csv", "--labels", "sex", *flags)[2].tolist() == COUNTS
    for given in ({"labels_column": "sex"}, {"names_column": "name"}):
        with pytest.raises(ValueError) as e:
            load_names("k.csv", counts_column="count", **given)
        said = str(e.value)
        at = int(re.search(r"counts_column=(\d) reads it", said)[1])
        assert load_names("k.csv", counts_column=at, **given)[-1].tolist() == COUNTS


def test_a_labels_header_not_in_the_row_offers_the_untitled_column():
    write("k.csv", table("name,,count", 0, 1, 2))
    with pytest.raises(ValueError) as e:
        load_names("k.csv", labels_column="sex", counts_column="count")
    at = int(re.search(r"labels_column=(\d) reads it", str(e.value))[1])
    got = load_names("k.csv", labels_column=at, counts_column="count")
    assert got[1] == SEXES


@pytest.mark.parametrize("given", [{"labels_column": "sex"}, {"names_column": "name"}])
def test_a_refused_counts_position_offers_only_a_column_of_numbers(given):
    # labels_column="sex", counts_column=1 offered "counts_column='sex' reads
    # it": the labels, refused in turn as "also labels_column".
    write("k.csv", table("name,sex,count", 0, 1, 2))
    with pytest.raises(TypeError) as e:
        load_names("k.csv", counts_column=1, **given)
    advice = str(e.value).split("has 3 columns")[1]
    assert "one of 'count'" in advice and "'sex'" not in advice, advice
    assert load_names("k.csv", counts_column="count", **given)[-1].tolist() == COUNTS


def test_a_total_past_2_53_in_an_untitled_column_is_told_by_its_place(capsys):
    # With --chunk-size it said "in --counts 1" for --counts 2: the position
    # train_from_file reads (counted from 0) respelled as the flag.
    write("k.csv", "name,\nanna,9007199254740000\nravi,9007199254740000\n")
    for chunks in ([], ["--chunk-size", "1"]):
        argv = ["train", "k.csv", "--counts", "2", *chunks, "-o", "m.skops", "-q"]
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "The counts of 'k.csv' in its 2nd column add up to" in err, err


@pytest.mark.parametrize("above", ["sep=;\n", "Baby names 2024;\n"])
def test_an_untitled_column_of_counts_is_read_in_chunks_below_a_first_line(
    above, capsys
):
    # Below Excel's "sep=;" line it was refused with its own advice: "--counts
    # 2 is not a column ... its column 2 has no title: --counts 2 reads it".
    write("k.csv", above + table("name;", 0, 2, d=";"))
    argv = ["train", "k.csv", "--counts", "2", "--chunk-size", "2", "-o", "m.skops"]
    assert main([*argv, "--max-iter", "1", "--validation-fraction", "0", "-q"]) == 0
    assert "error" not in capsys.readouterr().err


def _error_line(capsys, *argv):
    """The error line of ``train`` for these arguments (a note may precede it)."""
    assert main(["train", *argv, "-q", "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    return [line for line in err.splitlines() if "error:" in line][0]


@pytest.mark.parametrize(
    "number, told", [("2", "title 'sex'"), ("3", "--counts count")]
)
def test_a_titled_column_by_number_is_refused_alike_in_chunks(number, told, capsys):
    # With --chunk-size, --counts 2 on "name,sex,count" ended at "as that row
    # spells it": the title 'sex' was told only when the file was read whole.
    write("k.csv", table("name,sex,count", 0, 1, 2))
    whole = _error_line(capsys, "k.csv", "--counts", number)
    chunked = _error_line(capsys, "k.csv", "--counts", number, "--chunk-size", "2")
    assert told in whole and chunked == whole, (whole, chunked)


def test_a_number_is_still_a_header_in_python():
    # Python reads a position as an int: counts_column="2" is a header.
    write("k.csv", table("name,sex,count", 0, 1, 2))
    with pytest.raises(ValueError) as e:
        load_names("k.csv", names_column="name", counts_column="2")
    assert "title" not in str(e.value) and "--counts" not in str(e.value)


def test_labels_by_number_of_a_titled_column_names_its_title(capsys):
    # --labels 2 on "name,sex,count" listed the header only; --counts 2 told
    # the title.
    write("k.csv", table("name,sex,count", 0, 1, 2))
    err = failed(capsys, "k.csv", "--labels", "2")
    flags = re.search(r"its column 2 has the title 'sex': (--labels \S+) reads it", err)
    assert flags, err
    assert read("k.csv", *flags[1].split())[1] == SEXES
    assert "title" not in failed(capsys, "k.csv", "--labels", "1")  # the names
    assert "title" not in failed(capsys, "k.csv", "--labels", "4")  # no column 4


def test_labels_by_number_of_an_empty_titled_column_offers_no_flag(capsys):
    write("k.csv", "name,sex\nAnna,\nRavi,\n")
    err = failed(capsys, "k.csv", "--labels", "2")
    assert "title 'sex' (a number reads a column without one)" in err, err


def test_a_title_typed_exactly_beats_a_number_in_both_interfaces():
    # "name,,2": --counts 2 and counts_column="2" read the column titled 2;
    # the untitled 2nd column is counts_column=1 (and --counts 02: no title
    # is spelled "02", so it is the number 2).
    write("k.csv", "name,,2\nAnna,7,3\nRavi,8,5\n")
    assert read("k.csv", "--counts", "2")[2].tolist() == [3.0, 5.0]
    by_title = load_names("k.csv", names_column="name", counts_column="2")
    assert by_title[1].tolist() == [3.0, 5.0]
    by_position = load_names("k.csv", names_column="name", counts_column=1)
    assert by_position[1].tolist() == [7.0, 8.0]
    assert read("k.csv", "--counts", "02")[2].tolist() == [7.0, 8.0]
    # A column titled "02" is read by "02"; "2" is the 2nd column's number.
    write("z.csv", "name,,02\nAnna,7,3\nRavi,8,5\n")
    assert read("z.csv", "--counts", "02")[2].tolist() == [3.0, 5.0]
    assert read("z.csv", "--counts", "2")[2].tolist() == [7.0, 8.0]
    by_title = load_names("z.csv", names_column="name", counts_column="02")
    assert by_title[1].tolist() == [3.0, 5.0]


def test_no_number_is_offered_that_reads_the_column_a_title_spells(capsys):
    # "name,,2" above "Anna,7,F": the note and a refusal offered --counts 2 for
    # the untitled 2nd column, which reads the column titled 2 (the labels).
    write("k.csv", "name,,2\nAnna,7,F\nRavi,8,M\nLena,9,F\n")
    read("k.csv")
    assert "--counts 2" not in capsys.readouterr().err
    assert "--counts 2" not in failed(capsys, "k.csv", "--counts", "1")
    assert "--counts 2" not in failed(capsys, "k.csv", "--counts", "3")
    write("l.csv", "name,,2\nAnna,F,7\nRavi,M,8\nLena,F,9\n")
    read("l.csv")
    assert "--labels 2" not in capsys.readouterr().err
    assert "--labels 2" not in failed(capsys, "l.csv", "--labels", "sex")
    # Where no title is spelled so, the number is still offered.
    write("m.csv", "name,,x\nAnna,7,F\nRavi,8,M\nLena,9,F\n")
    read("m.csv")
    assert "pass --counts 2" in capsys.readouterr().err


def test_python_offers_no_title_of_an_empty_column_for_a_labels_position(capsys):
    # labels_column=1 on "name,sex" above "Anna," offered labels_column='sex',
    # which is then refused (no label on any row); --labels 2 offers no flag.
    write("k.csv", "name,sex,count\nAnna,,3\nRavi,,2\n")
    with pytest.raises(TypeError) as e:
        load_names("k.csv", labels_column=1)
    assert "labels_column='sex'" not in str(e.value), e.value
    assert "(a number reads a column without one)" in failed(
        capsys, "k.csv", "--labels", "2"
    )
    write("t.csv", "name,sex,count\nAnna,F,3\nRavi,M,2\n")  # with labels: offered
    with pytest.raises(TypeError, match=r"labels_column='sex' reads it"):
        load_names("t.csv", labels_column=1)


def test_the_untitled_column_of_names_is_never_read_as_counts(capsys):
    # ",sex,count": the names are the untitled 1st column; --counts 1 is refused
    # as no column of counts (not read as counts: "no count in the 1st column").
    write("k.csv", ",sex,count\nAnna,F,3\nRavi,M,2\n")
    err = failed(capsys, "k.csv", "--labels", "sex", "--counts", "1")
    assert "--counts 1 is not a column of 'k.csv'" in err, err
