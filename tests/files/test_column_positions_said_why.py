"""A column given by its position where a header is wanted (session 60): on a
header row that mixes tabs and semicolons the mix is named, not a column
read from it ('sex;count'); and when no column of counts can be offered, the
message says why (no column holds a number in the rows looked at), in
Python's words and the command line's."""

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

MIXED = {
    # the header between tabs and semicolons, the rows between tabs
    "m1.tsv": "name\tsex;count\nAnna\tF\t3\nRavi\tM\t2\n",
    # the header between semicolons and a tab, the rows between semicolons
    "m3.tsv": "name;sex\tcount\nAnna;F;3\nRavi;M;2\n",
}
# A title above the header: no column of names found in the first row.
TITLED = "Baby names; 2024\nName;Gender\nasha;F\n"
NO_NUMBERS = "name,sex,note\nanna,F,x\nravi,M,y\n"
NUMBERS = "name,sex,n\nanna,F,3\nravi,M,2\n"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(MIXED))
@pytest.mark.parametrize(
    "columns",
    [
        {"labels_column": 1},
        {"names_column": "name", "labels_column": 1},
        {"counts_column": 1},
        {"names_column": 0},
    ],
)
def test_a_position_on_a_mixed_header_names_the_mix(tmp_path, name, columns):
    # Before: "labels_column must be the header ...; ... Column 1 is
    # 'sex;count' counted from 0 (labels_column='sex;count' reads it)", a
    # column that no reading has (the file is refused as mixed).
    path = write(tmp_path / name, MIXED[name])
    with pytest.raises(ValueError, match="mixes ") as error:
        load_names(path, **columns)
    said = str(error.value)
    assert said.startswith(f"The header row of '{path}', "), said
    assert "_column=" not in said and "reads it" not in said, said  # none offered
    assert ", as the rows are (name" in said, said


@pytest.mark.parametrize(
    ("text", "columns", "rows"),
    [
        (TITLED, {"counts_column": 1}, 2),
        (NO_NUMBERS, {"names_column": "name", "counts_column": 2}, 2),
        (
            NO_NUMBERS,
            {"names_column": "name", "labels_column": "sex", "counts_column": 2},
            2,
        ),
    ],
)
def test_python_says_why_no_column_of_counts_is_offered(tmp_path, text, columns, rows):
    # Before: "... pass the header of its column of counts." and no reason.
    path = write(tmp_path / "t.csv", text)
    with pytest.raises(TypeError) as error:
        load_names(path, **columns)
    said = str(error.value)
    assert (
        "pass the header of its column of counts (no column holds a number in "
        f"each of the {rows} rows looked at below it)"
    ) in said, said


@pytest.mark.parametrize(
    ("text", "flags"),
    [(TITLED, ["--counts", "1"]), (NO_NUMBERS, ["--counts", "3"])],
)
def test_the_command_line_says_why_no_column_of_counts_is_offered(
    tmp_path, capsys, text, flags
):
    path = write(tmp_path / "t.csv", text)
    status = main(["train", str(path), *flags, "-o", str(tmp_path / "m.skops")])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1, err
    assert "as that row spells it" in err, err
    assert "; no column holds a number in each of the 2 rows looked at below it" in err
    assert not (tmp_path / "m.skops").exists()


def test_a_column_of_numbers_is_offered_with_no_reason(tmp_path, capsys):
    path = write(tmp_path / "t.csv", NUMBERS)
    with pytest.raises(TypeError) as error:
        load_names(path, names_column="name", counts_column=2)
    assert "one of 'n'" in str(error.value) and "no column holds" not in str(
        error.value
    )
    status = main(["train", str(path), "--counts", "2", "-o", str(tmp_path / "m")])
    err = capsys.readouterr().err
    assert status == 1 and "no column holds" not in err, err


def test_no_numbers_but_in_the_column_of_labels_says_beside_them(tmp_path):
    # A column of 0 and 1 read as labels is no column of counts to offer.
    path = write(tmp_path / "t.csv", "name,vip,note\nanna,1,x\nravi,0,y\n")
    with pytest.raises(TypeError) as error:
        load_names(path, names_column="name", labels_column="vip", counts_column=2)
    assert "(no column beside the names and the labels holds a number in each of " in (
        str(error.value)
    ), str(error.value)


@pytest.mark.parametrize(
    "columns", [{"names_column": 0}, {"names_column": "name", "counts_column": 1}]
)
def test_counts_with_decimal_commas_are_no_mixed_header(tmp_path, columns):
    # Most rows split at commas too (1,000), as wide as the header split at
    # both: the rows at its semicolons are as wide as it, so it is no mix.
    path = write(tmp_path / "t.csv", "name;count\nAnna;1,000\nRavi;12,345\nLena;2\n")
    with pytest.raises(TypeError) as error:
        load_names(path, **columns)
    said = str(error.value)
    assert "mixes" not in said and "_column='" in said, said  # a header offered
