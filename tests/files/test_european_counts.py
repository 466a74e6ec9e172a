"""Counts of a semicolon-separated table written as a spreadsheet set to a
decimal comma writes them: 17.728 is seventeen thousand, 1,5 one and a half.

They were read as fractions (17.728), or refused (1.234.567, 1,5); now a
semicolon table's column of counts is read one way for the whole column, in
any order: a cell such as 17.728 that could be either way as the column's
other cells tell, as a decimal point when none tells (with a warning that
names both readings), and a column with decimal commas (or two points) and
decimal points is refused. Comma tables read a point as before. A tab table
(a spreadsheet's "Unicode text", written in any locale) was read as a comma
table: 17.728 of a German export was 17.728 with no word said, 2,5 refused;
it is now read as a semicolon table is, but a comma that may be between
thousands (17,728) is still refused.
"""

import warnings

import numpy as np
import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

GERMAN = {"Anna": ("17.728", 17728), "Lena": ("1.234.567", 1234567),
          "Mia": ("950", 950), "Emma": ("2.310,25", 2310.25)}  # fmt: skip


def _table(tmp_path, rows, name="namen.csv", delimiter=";"):
    path = tmp_path / name
    lines = [f"Vorname{delimiter}Anzahl"]
    lines += [f"{name}{delimiter}{cell}" for name, cell in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning unless a test asks for one
        return load_names(path, names_column="Vorname", counts_column="Anzahl")


def test_points_between_thousands_and_decimal_commas_are_read(tmp_path):
    path = _table(tmp_path, [(name, cell) for name, (cell, _) in GERMAN.items()])
    names, counts = _load(path)
    assert names == list(GERMAN)
    np.testing.assert_array_equal(counts, [value for _, value in GERMAN.values()])


def test_a_column_that_could_be_either_way_reads_decimal_points_with_a_warning(
    tmp_path,
):
    path = _table(tmp_path, [("Anna", "17.728"), ("Lena", "1.234"), ("Mia", "9")])
    with pytest.warns(UserWarning, match=r"'17.728' \(line 2\) is 17.728, not 17728"):
        _, counts = load_names(path, names_column="Vorname", counts_column="Anzahl")
    np.testing.assert_array_equal(counts, [17.728, 1.234, 9])


def test_a_point_before_a_fraction_elsewhere_keeps_17_728_a_fraction(tmp_path):
    path = _table(tmp_path, [("Anna", "2.5"), ("Lena", "17.728"), ("Mia", "0.125")])
    _, counts = _load(path)
    np.testing.assert_array_equal(counts, [2.5, 17.728, 0.125])


@pytest.mark.parametrize(
    "cells, first, second",
    [(["2,5", "2.5"], "a decimal comma", "a decimal point"),
     (["2.5", "1,5"], "a decimal point", "a decimal comma"),
     (["0.5", "1.234.567"], "a decimal point", "points between thousands")],
)  # fmt: skip
def test_a_column_mixing_both_ways_is_refused(tmp_path, cells, first, second):
    path = _table(tmp_path, [("Anna", cells[0]), ("Lena", cells[1])])
    with pytest.raises(ValueError, match="mixes two ways of writing numbers") as e:
        _load(path)
    message = str(e.value)
    assert f"Line 3 of {path!r} has {cells[1]!r}" in message
    assert f"written with {second}, but line 2 has {cells[0]!r}" in message
    assert f"with {first}: the column mixes" in message


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_other_tables_read_a_point_as_a_decimal_point(tmp_path, delimiter):
    path = _table(tmp_path, [("Anna", "17.728"), ("Lena", "17.5")], "n.csv", delimiter)
    _, counts = _load(path)
    np.testing.assert_array_equal(counts, [17.728, 17.5])


def test_a_tab_table_reads_them_as_a_semicolon_table(tmp_path):
    rows = [(name, cell) for name, (cell, _) in GERMAN.items()]
    path = _table(tmp_path, rows, "namen.txt", "\t")
    names, counts = _load(path)
    assert names == list(GERMAN)
    np.testing.assert_array_equal(counts, [value for _, value in GERMAN.values()])


def test_a_tab_table_warns_of_a_column_that_could_be_either_way(tmp_path):
    rows = [("Anna", "17.728"), ("Lena", "1.500"), ("Mia", "250")]
    path = _table(tmp_path, rows, "namen.txt", "\t")
    with pytest.warns(UserWarning, match=r"'17.728' \(line 2\) is 17.728, not 17728"):
        _, counts = load_names(path, names_column="Vorname", counts_column="Anzahl")
    np.testing.assert_array_equal(counts, [17.728, 1.5, 250])


@pytest.mark.parametrize(
    "cells, counts",
    [(["0,125", "1,125"], [0.125, 1.125]),  # three decimals, told by 0,125
     (["17,728", "2,5"], [17.728, 2.5]),  # told below it
     (["1.234.567", "17,728"], [1234567, 17.728])],  # points between thousands
)  # fmt: skip
def test_a_tab_table_reads_a_comma_as_its_column_tells(tmp_path, cells, counts):
    rows = [("Anna", cells[0]), ("Lena", cells[1])]
    _, read = _load(_table(tmp_path, rows, "n.txt", "\t"))
    np.testing.assert_array_equal(read, counts)


@pytest.mark.parametrize(
    "cells, told",
    [(["2.5", "17,728"], "but line 2 has '2.5', written with a decimal point"),
     (["17,728", "2.5"], "but line 3 has '2.5', written with a decimal point"),
     (["17,728", "1,500"], "and no count of the column tells which")],
)  # fmt: skip
def test_a_tab_table_refuses_a_comma_its_column_does_not_tell(tmp_path, cells, told):
    path = _table(tmp_path, [("Anna", cells[0]), ("Lena", cells[1])], "n.txt", "\t")
    with pytest.raises(ValueError) as e:
        _load(path)
    message = str(e.value)
    assert "has '17,728' in the column 'Anzahl'" in message
    assert "could be 17.728 (a decimal comma) or 17728 (a comma between" in message
    assert told in message and "a fraction with a point" not in message


def test_a_tab_table_refuses_commas_only_between_thousands(tmp_path):
    path = _table(tmp_path, [("Anna", "2,5"), ("Lena", "1,234,567")], "n.txt", "\t")
    with pytest.raises(ValueError, match="Line 3 .* '1,234,567' .* not a count"):
        _load(path)


def test_train_reads_a_tab_table_with_three_decimals(tmp_path, capsys):
    path = tmp_path / "namen.tsv"
    path.write_text("Name\tCount\nAnna\t0,125\nBob\t1,125\n", encoding="utf-8")
    argv = ["train", str(path), "--counts", "Count", "--max-iter", "1", "-q"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 0
    assert "error" not in capsys.readouterr().err


def test_a_unicode_text_export_with_decimal_commas_trains(tmp_path, capsys):
    path = tmp_path / "namen.txt"  # Excel's "Unicode text": UTF-16, tabs, CRLF
    text = "Name\tAnzahl\r\nAnna\t1,5\r\nLena\t2\r\nMia\t0,5\r\n"
    path.write_bytes(text.encode("utf-16"))
    model = str(tmp_path / "m.skops")
    assert main(["train", str(path), "--max-iter", "1", "-o", model]) == 0
    err = capsys.readouterr().err
    assert "pass --counts Anzahl" in err and "--labels Anzahl" not in err
    _, counts = load_names(path, names_column="Name", counts_column="Anzahl")
    np.testing.assert_array_equal(counts, [1.5, 2, 0.5])


def test_train_reads_them_and_says_so(tmp_path, capsys):
    rows = [("Anna", "17.728"), ("Lena", "2.310"), ("Mia", "1.000.000")]
    path = _table(tmp_path, rows)
    model = str(tmp_path / "m.skops")
    argv = ["train", path, "--counts", "Anzahl", "--model", "kneser-ney"]
    assert main([*argv, "-o", model]) == 0
    out, err = capsys.readouterr()
    assert f"({17728 + 2310 + 1000000:,} with their counts)" in out
    assert "warning" not in err  # 1.000.000 tells: points between thousands


def test_train_warns_of_a_column_that_could_be_either_way(tmp_path, capsys):
    path = _table(tmp_path, [("Anna", "17.728"), ("Lena", "2.310"), ("Mia", "9")])
    model = str(tmp_path / "m.skops")
    argv = ["train", path, "--counts", "Anzahl", "--max-iter", "1", "-q"]
    assert main([*argv, "-o", model]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: The counts of") == 1
    assert "'2.310' (line 3) is 2.31, not 2310" in err, err
    assert "write the counts without them (17728, 2310)" in err


def test_train_in_chunks_reads_them_and_warns_once(tmp_path, capsys):
    rows = [("Anna", "1.000"), ("Lena", "1.001"), ("Mia", "1.002")]
    model = str(tmp_path / "m.skops")
    argv = ["train", _table(tmp_path, rows), "--counts", "Anzahl", "--chunk-size"]
    assert main([*argv, "2", "--max-iter", "2", "-o", model]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: The counts of") == 1
    assert "'1.000' (line 2) is 1, not 1000" in err


def test_train_refuses_a_mixed_column_without_a_traceback(tmp_path, capsys):
    path = _table(tmp_path, [("Anna", "1.234.567"), ("Lena", "2.5")])
    argv = ["train", path, "--counts", "Anzahl", "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "mixes two ways of writing numbers" in err and "Traceback" not in err


def test_a_column_of_such_counts_is_offered_as_counts(tmp_path, capsys):
    path = _table(tmp_path, [("Anna", "1.234.567"), ("Lena", "2,5")])
    model = str(tmp_path / "m.skops")
    assert main(["train", path, "--max-iter", "1", "-o", model]) == 0
    assert "pass --counts Anzahl" in capsys.readouterr().err
    # The count model counts names: a column with a fraction (2,5) is no count.
    argv = ["train", path, "--model", "kneser-ney", "-o", model, "--force"]
    assert main(argv) == 0
    assert "--counts" not in capsys.readouterr().err


def test_train_with_labels_reads_them(tmp_path, capsys):
    path = tmp_path / "namen.csv"
    rows = ["Anna;w;1.234.567", "Lena;w;2.310,0", "Max;m;17.728", "Paul;m;950"]
    path.write_text("Vorname;Geschlecht;Anzahl\n" + "\n".join(rows), encoding="utf-8")
    argv = ["train", str(path), "--labels", "Geschlecht", "--counts", "Anzahl"]
    argv += ["--model", "kneser-ney"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 0
    out, err = capsys.readouterr()
    assert f"({1234567 + 2310 + 17728 + 950:,} with their counts)" in out
    assert "warning" not in err  # 1.234.567 and 2.310,0 can be read one way only
