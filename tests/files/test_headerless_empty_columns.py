"""A headerless list whose every line ends with empty columns is a table.

A spreadsheet saved as CSV writes the empty columns beside a column of names
(``Anna,,,``). Saved under a ``.txt`` name, every name was read with its
commas: ``--alphabet auto`` learned the comma, and the model generated
``Zoë,,,,``, with no word said. No name ends with a comma, a semicolon or a
tab, so such a file is now a table without a header in any file: the command
line refuses it with the flags that read its names (and offers no empty column
as labels), and ``load_names`` warns.
"""

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._tables import headerless_table


@pytest.mark.parametrize(
    "lines, found",
    [
        (["Anna,,,", "José,,,", "Zoë,,,"], (",", 4)),
        (["Anna,", "", "José,"], (",", 2)),
        (["Anna;;", "José;;"], (";", 3)),
        (["Smith, Anna", "Jones, Bob"], None),  # names with a comma
        (["Anna,,", "Smith, Anna"], None),  # not one width
        (["Anna,,", "José,,m"], None),  # one line ends with a field
    ],
)
def test_lines_ending_in_empty_fields_are_a_table_in_any_file(lines, found):
    assert headerless_table(lines, "names.txt") == found


def test_the_command_line_refuses_them_with_what_reads_the_names(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("Anna,,,\nJosé,,,\nZoë,,,\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    argv = ["train", path, "--alphabet", "auto", "--model", "kneser-ney", "-q"]
    assert main([str(arg) for arg in [*argv, "-o", out]]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {str(path)!r} looks like a table of 4")
    assert err.rstrip().endswith("--no-header --names-column 1.")
    assert ".txt name" not in err and "--labels 2" not in err
    assert not out.exists()
    argv += ["--no-header", "--names-column", "1"]
    assert main([str(arg) for arg in [*argv, "-o", out]]) == 0 and out.exists()
    capsys.readouterr()
    assert main(["sample", str(out), "-n", "20", "--seed", "0"]) == 0
    assert "," not in capsys.readouterr().out


def test_load_names_warns_and_reads_them_by_position(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("Anna,,\r\nJosé,,\r\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="looks like a table .*names_column=0"):
        load_names(path)
    assert load_names(path, header=None, names_column=0) == ["Anna", "José"]


def test_a_names_file_with_a_labels_file_is_refused_too(tmp_path, capsys):
    path, labels = tmp_path / "names.txt", tmp_path / "labels.txt"
    path.write_text("Anna,,,\nJosé,,,\nZoë,,,\n", encoding="utf-8")
    labels.write_text("f\nm\nf\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    argv = ["train", path, "--labels", labels, "--alphabet", "auto", "--keep-case"]
    assert main([str(arg) for arg in [*argv, "-o", out]]) == 1
    err = capsys.readouterr().err
    assert f"{str(path)!r} looks like a table of 4 columns without a header" in err
    assert "every line ends in an empty field after a comma" in err
    assert "Traceback" not in err and not out.exists()


@pytest.mark.parametrize("line", ["Anna,,,", ",,"])
def test_the_header_advice_offers_no_empty_column(tmp_path, capsys, line):
    path = tmp_path / "names.txt"
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    assert main(["train", str(path), "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "If that line is its header, pass --names-column COLUMN" in err
    assert "--labels COLUMN" not in err and "--names-column ''" not in err
