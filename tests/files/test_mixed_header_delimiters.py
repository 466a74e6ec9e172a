"""A header row that mixes two delimiters (``name<TAB>sex;count``) is named as
such: what was seen, the delimiter the rows use, and the header to write."""

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

# file: (its text, the words that name the mix, the header to write)
MIXED = {
    "tab_rows.tsv": (
        "name\tsex;count\nAnna\tF\t3\nRavi\tM\t2\n",
        "'name\\tsex;count', mixes tabs and semicolons",
        "Write the header with tabs only, as the rows are "
        "(name, a tab, sex, a tab, count)",
    ),
    "semicolon_rows.csv": (
        "name\tsex;count\nAnna;F;3\nRavi;M;2\n",
        "It mixes tabs and semicolons",
        "write it with semicolons only, as the rows are (name;sex;count)",
    ),
    "semicolon_header.csv": (
        "name;sex\tcount\nAnna;F;3\nRavi;M;2\n",
        "'name;sex\\tcount', mixes semicolons and tabs",
        "Write the header with semicolons only, as the rows are (name;sex;count)",
    ),
}


def _written(tmp_path, file, text):
    path = tmp_path / file
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("argv", [[], ["--counts", "count"], ["--chunk-size", "1"]])
@pytest.mark.parametrize("file", sorted(MIXED))
def test_the_command_line_names_a_header_that_mixes_delimiters(
    tmp_path, capsys, file, argv
):
    text, mix, write = MIXED[file]
    path, out = _written(tmp_path, file, text), tmp_path / "m.skops"
    assert main(["train", str(path), *argv, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert mix in err and write in err and "column3" not in err, err
    assert "did you mean" not in err and not out.exists()


@pytest.mark.parametrize("file", sorted(MIXED))
def test_python_names_a_header_that_mixes_delimiters(tmp_path, file):
    text, mix, write = MIXED[file]
    path = _written(tmp_path, file, text)
    with pytest.raises(ValueError, match="mixes") as caught:
        load_names(path, names_column="name", counts_column="count")
    assert mix in str(caught.value) and write in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "name\tnote;x\nAnna\ta;b\nRavi\tc\n",  # a semicolon in a header, rows as wide
        "name\tsex\nAnna\tF\nRavi\tM;x\n",  # a semicolon in a cell
        "name;sex\nAnna;F\nRavi;M\n",
    ],
)
def test_a_header_as_wide_as_its_rows_is_read(tmp_path, text):
    path = _written(tmp_path, "ok.tsv", text)
    assert load_names(path, names_column="name") == ["Anna", "Ravi"]


@pytest.mark.parametrize("file", sorted(MIXED))
def test_python_names_the_mix_for_a_column_of_labels(tmp_path, file):
    # It said labels_column='sex' is not a column, the header one field
    # (['name\tsex;count']).
    text, mix, write = MIXED[file]
    path = _written(tmp_path, file, text)
    for names_column in (None, "name"):
        with pytest.raises(ValueError, match="mixes") as caught:
            load_names(path, names_column=names_column, labels_column="sex")
        said = str(caught.value)
        assert "mixes" in said and write.partition(" with ")[2] in said, said
        assert "is not a column" not in said


@pytest.mark.parametrize("file", sorted(MIXED))
def test_the_command_line_names_the_mix_for_labels(tmp_path, capsys, file):
    text, mix, write = MIXED[file]
    path, out = _written(tmp_path, file, text), tmp_path / "m.skops"
    assert main(["train", str(path), "--labels", "sex", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "mixes" in err and write.partition(" with ")[2] in err, err
    assert "neither a file" not in err
    assert not out.exists()


# Rows of several widths below a mixed header: the widest as wide as its split.
UNEVEN = "name\tsex;count\nAnna\tF\t3\nRavi\tM\n"


@pytest.mark.parametrize("kwargs", [{}, {"labels_column": "sex"}])
def test_a_mixed_header_above_uneven_rows_is_named_first(tmp_path, kwargs):
    # It said "Line 2 of 'u.tsv' has 3 fields, more than the 2 of its header".
    path = _written(tmp_path, "u.tsv", UNEVEN)
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="name", **kwargs)
    said = str(caught.value)
    assert "'name\\tsex;count', mixes tabs and semicolons" in said, said
    assert "the widest rows below it have 3 (the first: 'Anna', 'F', '3')" in said
    assert "more than the 2 of its header" not in said


def test_the_command_line_names_a_mixed_header_above_uneven_rows(tmp_path, capsys):
    path, out = _written(tmp_path, "u.tsv", UNEVEN), tmp_path / "m.skops"
    assert main(["train", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "mixes tabs and semicolons" in err and "widest rows" in err, err


@pytest.mark.parametrize(
    "text",
    [
        "name\ta;b;c\nAnna\tF\t3\nRavi\tM\n",  # its split wider than any row
        "name\tsex\nAnna\tF\t3\nRavi\tM\n",  # no semicolon in the header
    ],
)
def test_uneven_rows_under_a_header_not_mixed_keep_the_wide_rows_words(tmp_path, text):
    path = _written(tmp_path, "w.tsv", text)
    with pytest.raises(ValueError, match="more than the 2 of its header") as caught:
        load_names(path, names_column="name")
    assert "mixes" not in str(caught.value)
