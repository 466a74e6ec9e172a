"""A control character in a table's other cells (a note whose line break an
export wrote as U+000B, an ESC) does not refuse the table: only a name that
holds one is refused (by ``fit``, or by its line in a list of names)."""

import pytest

from sknextchar._name_chunks import read_name_chunks
from sknextchar.cli import main
from sknextchar.datasets import load_names

TABLE = 'name,notes\nOlivia,"see\x0bpage 2"\nEmma,x\x1by\nAva,\n'


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_note_with_a_control_character_is_read(tmp_path, delimiter):
    path = tmp_path / "kids.csv"
    path.write_text(TABLE.replace(",", delimiter), encoding="utf-8")
    assert load_names(path, names_column="name") == ["Olivia", "Emma", "Ava"]
    chunks = read_name_chunks(path, 2, names_column="name")
    assert [name for chunk in chunks for name in chunk] == ["Olivia", "Emma", "Ava"]


def test_the_command_line_trains_on_such_a_table(tmp_path, capsys):
    path = tmp_path / "kids.csv"
    path.write_text(TABLE, encoding="utf-8")
    model = tmp_path / "m.skops"
    argv = ["train", str(path), "--names-column", "name", "--model", "kneser-ney"]
    assert main([*argv, "-q", "-o", str(model)]) == 0, capsys.readouterr().err
    assert model.is_file()


def test_a_list_of_names_still_refuses_one_by_its_line(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\nra\x1bvi\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"Line 2 of .* holds '\\x1b' \(ESCAPE\), a"):
        load_names(path)


def test_a_last_name_of_one_word_more_is_a_name_not_a_footer(tmp_path):
    # Names of one word, then "Mary Ann" without its empty cells: a name (a
    # footer has a digit, a colon or two words more than any name).
    path = tmp_path / "kids.csv"
    path.write_text("name,nickname\nRobert,Bob\nOlivia\nEmma\nMary Ann\n", "utf-8")
    assert load_names(path, names_column="name")[-1] == "Mary Ann"
    path.write_text("name,nickname\nRobert,Bob\nOlivia\nSource the registry\n", "utf-8")
    with pytest.raises(ValueError, match="a footer"):
        load_names(path, names_column="name")


def test_a_survey_export_of_7000_columns_is_read_by_its_column(tmp_path):
    # Rows of about 105,000 characters: a table, read by its column of names.
    header = "name," + ",".join(f"q{i}" for i in range(7000))
    rows = ["asha," + ",".join(["yes"] * 7000), "ravi," + ",".join(["no"] * 7000)]
    path = tmp_path / "survey.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert load_names(path, names_column="name") == ["asha", "ravi"]
    chunks = read_name_chunks(path, 10, names_column="name")
    assert [name for chunk in chunks for name in chunk] == ["asha", "ravi"]
