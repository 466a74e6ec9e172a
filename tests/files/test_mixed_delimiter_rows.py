"""A header row split at a comma above rows split at a semicolon is refused
even when a row or two also split at the comma (a name ``Smith, Anna`` among
them): each row was read as one name, and that row as the name ``Smith``
with the label ``Anna;F``. The advice is followed; tables whose rows split as
their header does (names with commas in quotes, rows shorter than the header)
are read as before."""

import re

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.cli._labelled import names_column_of, read_labelled_names
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2", "-q"]
KN += ["--force"]
ROWS = [("Anna", "F"), ("Ravi", "M"), ("Smith, Anna", "F"), ("Zoe", "F")]
ROWS += [("Bob", "M"), ("Mary", "F"), ("Paul", "M")]


def _write(path, header, rows, delimiter=";"):
    lines = [header] + [delimiter.join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("suffix", ["csv", "txt"])
def test_rows_nearly_all_split_at_another_delimiter_are_refused(
    tmp_path, capsys, suffix
):
    path = _write(tmp_path / f"mixed.{suffix}", "name,label", ROWS)
    model = tmp_path / "m.skops"
    for more in ([], ["--labels", "label"], ["--names-column", "name"]):
        assert main(["train", path, *KN, *more, "-o", str(model)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "has 2 fields between commas ('name', 'label')" in err
        assert "'Smith, Anna;F'" in err  # the row that splits at the comma
        assert not model.exists()
    with pytest.raises(ValueError, match="between semicolons"):
        names_column_of(path)  # --chunk-size reads the same first lines
    with pytest.raises(ValueError, match="between semicolons"):
        load_names(path, names_column="name")
    # Followed: the header written as the rows are reads every row right.
    header = re.search(r"as the rows are \((.+?)\)", err).group(1)
    fixed = _write(tmp_path / f"fixed.{suffix}", header, ROWS)
    assert read_labelled_names(fixed, "label") == tuple(map(list, zip(*ROWS)))
    assert main(["train", fixed, *KN, "--labels", "label", "-o", str(model)]) == 0
    sampler = load_model(str(model))
    assert sampler.in_training_set(["Smith, Anna", "Ravi"]).tolist() == [True, True]


def test_rows_that_mostly_split_as_their_header_are_read(tmp_path):
    # A comma table, its names with commas in quotes; one row's name holds a
    # semicolon, split at the comma as the header is.
    rows = [(f'"{name}"', label) for name, label in ROWS[:-1]]
    rows.append(("Jo;Ann", "F"))
    path = _write(tmp_path / "commas.csv", "name,label", rows, ",")
    expected = [name for name, _ in ROWS[:-1]] + ["Jo;Ann"]
    assert list(load_names(path, names_column="name")) == expected
    # Half the rows split at the comma: read at the comma, as the header is.
    rows = ["Anna;F", "Ravi;M", '"Smith, Anna",F', "Bob,M"]
    path = tmp_path / "half.csv"
    path.write_text("name,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    names = ["Anna;F", "Ravi;M", "Smith, Anna", "Bob"]
    assert list(load_names(path, names_column="name")) == names


@pytest.mark.parametrize("n_rows", [2, 4])
def test_rows_half_split_at_the_headers_delimiter_are_refused_too(
    tmp_path, capsys, n_rows
):
    # Half the rows split at the comma as well as at the semicolon: read at
    # the comma, 'Anna;F' would be a name and 'Smith, Anna;M' the name 'Smith'.
    rows = [("Anna", "F"), ("Smith, Anna", "M"), ("Ravi", "M"), ("Doe, Jo", "F")]
    rows = rows[:n_rows]
    path = _write(tmp_path / "half.csv", "name,label", rows)
    with pytest.raises(ValueError, match="between semicolons"):
        load_names(path, names_column="name")
    model = tmp_path / "m.skops"
    assert main(["train", path, *KN, "--labels", "label", "-o", str(model)]) == 1
    err = capsys.readouterr().err
    half = n_rows // 2
    assert f"{half} of the {n_rows} rows below it" in err
    assert "'Smith, Anna;M' would be split at its comma" in err
    # Followed: every row read right.
    header = re.search(r"as the rows are \((.+?)\)", err).group(1)
    fixed = _write(tmp_path / "fixed.csv", header, rows)
    assert read_labelled_names(fixed, "label") == tuple(map(list, zip(*rows)))
