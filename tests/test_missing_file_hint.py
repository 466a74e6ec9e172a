"""A file of names that is not there: the message names a file beside it whose
name is close (a typo, another extension), in Python and on the command line."""

import re

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names


def test_a_close_file_beside_the_missing_one_is_named(tmp_path):
    (tmp_path / "names.txt").write_text("asha\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError) as info:
        load_names(tmp_path / "names.tx")
    advised = re.search(r"Did you mean '([^']+)'\?", str(info.value))
    assert advised is not None, str(info.value)
    assert load_names(advised[1]) == ["asha"]  # the advice, followed, reads


@pytest.mark.parametrize("typed", ["names", "names.csv", "names.tx"])
def test_the_same_name_without_or_with_another_extension_is_named(tmp_path, typed):
    (tmp_path / "names.txt").write_text("asha\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError) as info:
        load_names(tmp_path / typed)
    assert f"Did you mean {str(tmp_path / 'names.txt')!r}?" in str(info.value)


def test_no_file_is_named_when_none_is_close(tmp_path):
    (tmp_path / "names.csv").write_text("name\nasha\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError) as info:
        load_names(tmp_path / "surnames_of_kerala.txt")
    assert "Did you mean" not in str(info.value)
    with pytest.raises(FileNotFoundError, match="No such file of names"):
        load_names(tmp_path / "no_folder" / "names.csv")


def test_the_command_line_names_it_too(tmp_path, capsys):
    (tmp_path / "names.txt").write_text("asha\nravi\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    assert main(["train", str(tmp_path / "names.tx"), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert f"Did you mean {str(tmp_path / 'names.txt')!r}?" in err
    assert "Traceback" not in err and not out.exists()


def test_loops_of_links_beside_the_missing_file_are_passed_over(tmp_path, capsys):
    # Before: one loop of links in the folder (``ln -s a b; ln -s b a``, or a
    # link to itself) made every close name go unsaid.
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "names").symlink_to(tmp_path / "names")  # the same stem, a loop
    (tmp_path / "names.txt").write_text("asha\nravi\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError) as info:
        load_names(tmp_path / "names.tx")
    assert f"Did you mean {str(tmp_path / 'names.txt')!r}?" in str(info.value)
    out = tmp_path / "m.skops"
    assert main(["train", str(tmp_path / "name"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "No such file of names" in err and "Traceback" not in err
    assert "Did you mean" not in err  # only loops are close to "name"
