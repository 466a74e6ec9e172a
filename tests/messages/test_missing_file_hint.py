"""A file of names or a model file that is not there: the message names a file
beside it whose name is close (a typo, another extension), of the kind asked
for (a model file for a model, another for names), in Python and on the
command line."""

import re
import zipfile

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    load_model,
    save_model,
)
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names, load_names


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


@pytest.mark.parametrize("typed", ["babies.tx", "babies.csv"])
def test_the_closest_file_of_names_is_named(tmp_path, capsys, typed):
    # Before: the first file of the same stem the folder listed was named
    # (in a folder's order, the model trained on babies.txt or the
    # spreadsheet it came from, before babies.txt); then the closest by name,
    # babies.xlsx for babies.csv, which train refuses.
    for suffix in (".txt", ".xlsx", ".ods", ".skops", ".pkl"):
        (tmp_path / f"babies{suffix}").write_text("asha\nravi\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "babies.xlsm", "w") as workbook:
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    (tmp_path / "babies.tsv").write_bytes(b"\x89PNG\r\n\x1a\nxx")  # no text
    typed = str(tmp_path / typed)
    assert main(["train", typed, "-o", str(tmp_path / "m.skops")])
    err = capsys.readouterr().err
    assert f"Did you mean {str(tmp_path / 'babies.txt')!r}?" in err


def test_only_a_model_file_offers_nothing_for_names(tmp_path):
    (tmp_path / "names.skops").write_bytes(b"")
    with pytest.raises(FileNotFoundError) as info:
        load_names(tmp_path / "names.txt")
    assert "Did you mean" not in str(info.value)


@pytest.mark.parametrize("typed", ["greek.skop", "grek.skops", "greek"])
def test_a_missing_model_file_names_the_model_beside_it(tmp_path, capsys, typed):
    # Before: "No such model file: 'grek.skops'." and nothing else, where a
    # missing file of names named the file meant.
    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    save_model(model.fit(load_indian_names()[:50]), tmp_path / "greek.skops")
    (tmp_path / "greek.txt").write_text("asha\n", encoding="utf-8")
    assert main(["sample", str(tmp_path / typed), "-n", "2"]) == 1
    err = capsys.readouterr().err
    advised = re.search(r"Did you mean '([^']+)'\?", err)
    assert advised is not None and "Traceback" not in err, err
    assert main(["sample", advised[1], "-n", "2", "--seed", "0", "-q"]) == 0
    with pytest.raises(FileNotFoundError, match="Did you mean"):
        load_model(tmp_path / typed)
