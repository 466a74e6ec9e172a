"""A column of a table without a header row is named by its place.

Read with ``header=None`` (``--no-header``), a table's columns have no header,
but messages named the column of counts as if it were headed '3rd' ("in the
column '3rd'"), advised ``--counts 3rd`` on the command line, and showed a
header row '1st,2nd,3rd' the file does not have. They now say "the 3rd
column", and advice gives the column as the interface counts it.
"""

import warnings

import pytest

from sknextchar import train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
KN += ["--validation-fraction", "0", "--format", "joblib"]


def _file(tmp_path, text):
    path = tmp_path / "yob.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _cli(tmp_path, path, capsys, *flags):
    argv = ["train", str(path), "--no-header", "--names-column", "1", *flags, *KN]
    code = main([*argv, "-o", str(tmp_path / "m.joblib")])
    return code, capsys.readouterr().err


def _said(error):
    return str(error.value)


@pytest.mark.parametrize(
    "text, said",
    [
        ("Emma,F,3\nLiam,M,n/a\n", "'n/a' in the 3rd column for the name 'Liam'"),
        ("Emma;F;17.728\nLiam;M;2,5\nAva;F;2.5\n", "'2.5' in the 3rd column for"),
    ],
)
def test_python_names_the_column_of_counts_by_its_place(tmp_path, text, said):
    path = _file(tmp_path, text)
    with pytest.raises(ValueError) as error:
        load_names(path, header=None, names_column=0, counts_column=2)
    assert said in _said(error) and "'3rd'" not in _said(error)
    with pytest.raises(ValueError) as error:  # the file read in chunks
        train_from_file(path, header=None, names_column=0, counts_column=2)
    assert said in _said(error)


def test_the_command_line_names_the_column_of_counts_by_its_place(tmp_path, capsys):
    path = _file(tmp_path, "Emma,F,3\nLiam,M,1.5\n")
    code, err = _cli(tmp_path, path, capsys, "--counts", "3")
    assert code == 1 and "'1.5' in the 3rd column for the name 'Liam'" in err, err
    path = _file(tmp_path, "Emma,F,0\nLiam,M,0\n")
    code, err = _cli(tmp_path, path, capsys, "--counts", "3")
    assert code == 1 and "has the count 0 in its 3rd column, and" in err, err
    assert "'3rd'" not in err


@pytest.mark.parametrize(
    "counts, said",
    [
        ("1 0 1 1", ["Every count of --counts 3 (", "pass --labels 3 in place"]),
        ("1 2 3 4", ["The counts of --counts 3 (", "number its rows 1, 2, 3"]),
    ],
)
def test_the_command_line_advises_the_column_by_its_number(
    tmp_path, capsys, counts, said
):
    rows = zip(["Emma", "Liam", "Ava", "Noah"], counts.split())
    path = _file(tmp_path, "".join(f"{name},F,{n}\n" for name, n in rows))
    code, err = _cli(tmp_path, path, capsys, "--counts", "3")
    assert code == 0, err
    assert all(words in err for words in said), err
    assert "3rd" not in err, err


def test_a_footer_shows_no_header_row_the_file_lacks(tmp_path, capsys):
    path = _file(tmp_path, "Emma,F,3\nLiam,M,2\nAva,F,4\nsource: registry 2020\n")
    with warnings.catch_warnings(), pytest.raises(ValueError) as error:
        warnings.simplefilter("ignore")
        load_names(path, header=None, names_column=0, counts_column=2)
    assert "with one field where its rows have 3 (a footer?)" in _said(error)
    assert "header row" not in _said(error)
    code, err = _cli(tmp_path, path, capsys, "--counts", "3")
    assert code == 1 and "where its rows have 3 (a footer?)" in err, err
    assert "header row" not in err and "1st" not in err, err


def test_a_column_of_no_names_is_named_by_its_place(tmp_path):
    path = _file(tmp_path, ",F,3\n,M,2\n")
    with pytest.warns(UserWarning, match="likely in another column; pass its place"):
        with pytest.raises(ValueError) as error:
            load_names(path, header=None, names_column=0)
    said = "contains no names; expected names in its 1st column (names_column=0)."
    assert _said(error).endswith(said)  # as train_from_file says it


def test_load_names_names_the_column_of_too_large_counts_as_the_others(tmp_path):
    big = 2**53
    path = _file(tmp_path, f"Emma,F,{big}\nLiam,M,{big}\n")
    with pytest.raises(ValueError) as error:
        load_names(path, header=None, names_column=0, counts_column=2)
    said = "in its 3rd column (counts_column=2) add up to"
    assert said in _said(error), _said(error)


def test_a_total_too_large_names_the_column_by_its_place_in_chunks(tmp_path, capsys):
    big = 2**53
    path = _file(tmp_path, f"Emma,F,{big}\nLiam,M,{big}\n")
    with pytest.raises(ValueError) as error:
        train_from_file(path, header=None, names_column=0, counts_column=2)
    assert "in its 3rd column add up" in _said(error), _said(error)
    for chunks in ([], ["--chunk-size", "1"]):  # --counts 3, never --counts 2
        argv = ["train", str(path), "--no-header", "--names-column", "1"]
        code = main([*argv, "--counts", "3", *chunks, "-o", str(tmp_path / "m.skops")])
        err = capsys.readouterr().err
        assert code == 1 and "in its 3rd column add up to" in err, err
        assert "--counts 2" not in err, err


@pytest.mark.parametrize("counts", [["--counts", "3"], []])
@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "1"]])
def test_no_names_names_the_column_by_its_place_in_every_route(
    tmp_path, capsys, chunks, counts
):
    path = _file(tmp_path, ",F,3\n,M,2\n")
    for counts_column in ({"counts_column": 2}, {}):
        with pytest.warns(UserWarning, match="likely in another column"):
            with pytest.raises(ValueError) as error:
                train_from_file(path, header=None, names_column=0, **counts_column)
        said = "contains no names; expected names in its 1st column"
        assert _said(error).endswith(f"{said} (names_column=0).")  # from 0
    argv = ["train", str(path), "--no-header", "--names-column", "1", "-q"]
    code = main([*argv, *counts, *chunks, "-o", str(tmp_path / "m.skops")])
    err = capsys.readouterr().err  # counted from 1, not respelled from Python's
    assert code == 1 and err.strip().endswith(f"{said} (--names-column 1)."), err


def test_the_column_of_labels_is_named_as_the_others(tmp_path, capsys):
    path = _file(tmp_path, "Emma,F\nLiam,\n")
    code, err = _cli(tmp_path, path, capsys, "--labels", "2")
    said = "but no label in its 2nd column (--labels 2); give"
    assert code == 1 and said in err, err
    rows = "".join(f"N{chr(97 + n)}x,{n}\n" for n in range(12))  # labels 0 to 11
    code, err = _cli(tmp_path, _file(tmp_path, rows), capsys, "--labels", "2")
    assert "Every label of --labels 2 is a whole number" in err, err
    assert "'2'" not in err, err


@pytest.mark.slow  # trains a model to resume (about 1 s)
def test_no_names_names_the_column_by_its_place_when_resuming_in_chunks(
    tmp_path, capsys
):
    flags = ["--no-header", "--names-column", "1", "--counts", "3", "-q"]
    flags += ["--validation-fraction", "0", "--force"]
    model = str(tmp_path / "m.skops")
    path = _file(tmp_path, "Emma,F,3\nLiam,M,2\n")
    assert main(["train", str(path), *flags, "--max-iter", "1", "-o", model]) == 0
    path.write_text(",F,3\n,M,2\n", encoding="utf-8")
    argv = ["train", str(path), *flags, "--resume", model, "--max-iter", "2"]
    capsys.readouterr()
    code = main([*argv, "--chunk-size", "1", "-o", str(tmp_path / "m2.skops")])
    err = capsys.readouterr().err  # counted from 1, not "--names-column 0"
    said = "contains no names; expected names in its 1st column (--names-column 1)."
    assert code == 1 and err.strip().endswith(said), err
