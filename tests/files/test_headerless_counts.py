"""A headerless list of names and counts is a table whatever its file's name.

``ana,5`` on every line of a ``.txt`` file was read as names of their own: a
learned alphabet took the comma and the digits as letters, and ``sample`` then
failed with advice about its settings. Every line that splits at a comma or a
semicolon into the same number of fields, the last a number, now makes the file
a table in any file, which the command line refuses with what to pass; a list
of ``Smith, Anna`` stays a list.
"""

import pytest

from sknextchar.cli import main
from sknextchar.cli._labelled import read_names_file
from sknextchar.datasets import load_names
from sknextchar.datasets._tables import headerless_table


@pytest.mark.parametrize(
    "lines, found",
    [
        (["ana,5", "eva,3", "bob, 2"], (",", 2)),
        (["ana;5", "eva;1,5"], (";", 2)),
        (["Smith, Anna, 5", "Jones, Bob, 7"], (",", 3)),
        (["Smith, Anna", "Jones, Bob"], None),  # names with a comma
        (["ana,5", "eva,x"], None),  # one line does not end with a number
        (["ana,5", "eva,3,1"], None),  # not one width
    ],
)
def test_lines_ending_with_a_count_are_a_table_in_any_file(lines, found):
    assert headerless_table(lines, "names.txt") == found


def test_the_command_line_refuses_names_with_counts_naming_the_flags(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("ana,5\neva,3\nbob,2\ntom,7\n", encoding="utf-8")
    argv = ["train", path, "--alphabet", "auto", "-q", "-o", tmp_path / "m.skops"]
    assert main([str(arg) for arg in argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {str(path)!r} looks like a table of 2")
    assert "--names-column" in err and ".txt name" not in err
    assert "pass --no-header and the numbers of its columns, counted from 1: " in err
    assert "--no-header --names-column 1 --counts 2." in err
    assert not (tmp_path / "m.skops").exists()


def test_with_the_header_it_asks_for_the_names_and_counts_are_read(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("name,count\nana,5\neva,3\nbob,2\ntom,7\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    argv = ["train", path, "--counts", "count", "--alphabet", "auto", "--model"]
    argv += ["kneser-ney", "-q", "-o", out]
    assert main([str(arg) for arg in argv]) == 0 and out.exists()


def test_load_names_warns_that_it_looks_like_a_table(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("ana,5\neva,3\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="looks like a table"):
        assert load_names(path) == ["ana,5", "eva,3"]


def _model(tmp_path):
    path = tmp_path / "train.txt"
    path.write_text("ana\neva\nbob\ntom\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    argv = ["train", path, "--alphabet", "auto", "--model", "kneser-ney", "-q"]
    assert main([str(arg) for arg in [*argv, "-o", out]]) == 0
    return str(out)


@pytest.mark.parametrize(
    "command, flag", [("score", "--names-file"), ("sample", "--exclude-file")]
)
def test_score_and_sample_advise_only_what_they_read(tmp_path, capsys, command, flag):
    # --counts and --labels are train's: score and sample are told how to
    # read the names (a header row), or whole lines such as R2,5 (quotes).
    path = tmp_path / "names.txt"
    path.write_text("R2,5\nC3,4\n", encoding="utf-8")
    argv = [command, _model(tmp_path), flag, str(path)]
    capsys.readouterr()
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "looks like a table of 2" in err and "Traceback" not in err
    assert "--names-column COLUMN" in err and "(e.g. name,count)" in err
    assert "--counts" not in err and "--labels" not in err
    assert "make it a .csv file whose first line is name" in err
    assert '(e.g. "R2,5")' in err


def test_whole_names_ending_in_a_number_are_read_as_advised(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text('name\n"R2,5"\n"C3,4"\n', encoding="utf-8")
    assert read_names_file(str(path)) == ["R2,5", "C3,4"]


@pytest.mark.parametrize("names", [["Anna2", "Bo"], ["R2-D2", "C-3PO"], ["Louis XIV"]])
def test_names_ending_in_digits_without_a_comma_are_still_names(tmp_path, names):
    path = tmp_path / "names.txt"
    path.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    assert load_names(path) == names and read_names_file(str(path)) == names
    out = tmp_path / "m.skops"
    argv = ["train", path, "--alphabet", "auto", "--model", "kneser-ney", "-q"]
    assert main([str(arg) for arg in [*argv, "-o", out]]) == 0 and out.exists()
