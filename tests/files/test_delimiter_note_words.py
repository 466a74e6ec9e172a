"""A spreadsheet's first line ``sep=;`` (its note of the delimiter) above a
header row is named as such in every message that quotes it, in the command
line and in Python; a title line above a header row keeps its words."""

import warnings

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

HEADER = "Name;Gender;Count\r\nAnna;F;3\r\nRavi;M;2\r\n"
NOTE = "a spreadsheet's note of its delimiter (read as such)"


def _file(tmp_path, top):
    path = tmp_path / "excel.csv"
    path.write_text(top + HEADER, encoding="utf-8-sig")
    return path


def _cli(path, capsys, *extra):
    out = path.parent / "m.skops"
    status = main(["train", str(path), *extra, "--max-iter", "1", "-o", str(out)])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("top", ["sep=;\r\n", "sep=;\r\n\r\n"])
def test_a_wrong_names_column_below_the_note_names_the_note(tmp_path, capsys, top):
    path = _file(tmp_path, top)
    status, err = _cli(path, capsys, "--names-column", "nmae")
    assert status != 0 and "Traceback" not in err
    assert f"below line 1, 'sep=;', {NOTE}. That header row" in err, err
    assert "title" not in err and "--names-column Name" in err
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="nmae")
    said = str(caught.value)
    assert f"'sep=;', {NOTE}. That header row" in said and "title" not in said
    assert "names_column='Name'" in said or "'Name'" in said


def test_a_title_below_the_note_keeps_its_words(tmp_path, capsys):
    path = _file(tmp_path, "sep=;\r\nBaby names 2024\r\n")
    status, err = _cli(path, capsys, "--names-column", "nmae")
    assert status != 0 and "Traceback" not in err
    told = (
        f"below line 1, 'sep=;', {NOTE}, and line 2, 'Baby names 2024', which is "
        "not a row of the table (left out as its title)."
    )
    assert told in err, err
    status, err = _cli(path, capsys)
    assert status == 0, err
    assert (
        f"below line 1, 'sep=;', {NOTE}, and line 2, 'Baby names 2024', which is "
        "not a row of the table: read as its title, left out." in err
    ), err
    with pytest.warns(UserWarning, match="read as its title") as caught:
        assert load_names(path, names_column="Name") == ["Anna", "Ravi"]
    assert any(f"'sep=;', {NOTE}, and line 2" in str(w.message) for w in caught)


def test_lines_of_a_title_below_the_note_are_counted_from_the_note(tmp_path):
    path = _file(tmp_path, "sep=;\r\nKids 2024\r\nSource: SSA\r\n")
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="nmae")
    assert (
        f"{NOTE}, and lines 2 and 3 ('Kids 2024', 'Source: SSA'), not rows of "
        "the table (left out as its title)" in str(caught.value)
    ), caught.value


def test_a_title_alone_keeps_its_words(tmp_path, capsys):
    path = _file(tmp_path, "Baby names 2024\r\n")
    status, err = _cli(path, capsys, "--names-column", "nmae")
    assert status != 0
    assert (
        "below line 1, 'Baby names 2024', which is not a row of the table (left "
        "out as its title)." in err
    ), err
    assert "delimiter" not in err


def test_a_note_alone_is_read_without_a_word(tmp_path, capsys):
    path = _file(tmp_path, "sep=;\r\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(path, names_column="Name") == ["Anna", "Ravi"]
    status, err = _cli(path, capsys)
    assert status == 0 and "sep=" not in err, err
