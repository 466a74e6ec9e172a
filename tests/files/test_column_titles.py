"""One vocabulary of column titles (``sknextchar._name_headers``), read by
every check: the titles of names, labels and counts in other scripts and
languages, and the corners where the lists of separate checks disagreed."""

import contextlib
import io
import re
import warnings
from pathlib import Path

import pytest

from sknextchar import _name_headers as titles
from sknextchar.cli import main
from sknextchar.cli._column_note import header_as_name_note
from sknextchar.cli._paired import header_rows
from sknextchar.datasets import load_names
from sknextchar.datasets._counted_rows import refuse_counts_of_names
from sknextchar.datasets._header_as_data import HeaderAsDataWarning, is_usual_title
from sknextchar.datasets._tables import find_table

ROOT = Path(__file__).resolve().parents[2]
KN = ["--model", "kneser-ney", "--context-length", "2", "-q", "--force"]
ROWS = "anna,f\nbob,m\ncora,f\ndan,m\n"


def test_each_word_is_spelled_as_compared_and_has_one_role():
    roles = [
        titles.NAME_WORDS,
        titles.FAMILY_NAME_WORDS,
        titles.LABEL_TITLES,
        titles.COUNT_TITLES,
    ]
    for words in [titles.NAME_HEADERS, *roles, titles.COLUMN_TITLES]:
        assert all(titles.header_key(word) == word for word in words)
    for i, words in enumerate(roles):
        for others in roles[i + 1 :]:
            assert not words & others
    assert not titles.NAME_HEADERS & titles.COLUMN_TITLES


@pytest.mark.parametrize(
    "header", ["имя,пол", "名前,性別", "이름,성별", "Vornamen,Geschlecht", "Imię,Płeć"]
)
def test_train_refuses_a_labels_file_titled_in_another_language(
    tmp_path, monkeypatch, capsys, header
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text("anna\nbob\ncora\ndan\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text(f"{header}\n{ROWS}", encoding="utf-8")
    assert main(["train", "n.txt", "--labels", "t.csv", *KN, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    name, label = header.split(",")
    assert f"its first row, '{header}', is a header row with a column of names " in err
    assert f"({name!r}) beside its labels" in err
    assert err.rstrip().endswith(f"train t.csv --labels {label} -o m.skops")
    assert "Traceback" not in err


def test_classify_refuses_it_too_and_its_advice_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text("anna\nbob\ncora\ndan\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text(f"名前,性別\n{ROWS}", encoding="utf-8")
    assert main(["train", "t.csv", "--labels", "性別", *KN, "-o", "m.skops"]) == 0
    capsys.readouterr()
    argv = ["classify", "m.skops", "--names-file", "n.txt", "--labels", "t.csv"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "--labels t.csv is a table, not one label per line of --names-file" in err
    assert err.rstrip().endswith("--names-file t.csv --labels 性別")
    argv = ["classify", "m.skops", "--names-file", "t.csv", "--labels", "性別"]
    assert main(argv) == 0


@pytest.mark.parametrize(
    "text, told",
    [  # one column titled in Japanese; a table of Russian or German titles
        ("名前\nhana\nmei\n", "starts with the header '名前': read the names"),
        ("Nimi\nhana\nmei\n", "(if it is a name, pass --no-header --names-column 1)"),
        (
            "Фамилия,Имя\nivanova,anna\npetrov,ivan\n",
            "read its column 'Имя' (2 of 2) as the names.",
        ),
        ("Vornamen;Anzahl\nanna;3\nben;2\n", "read its column 'Vornamen' (1"),
    ],
)
def test_train_reads_a_table_titled_in_another_language(
    tmp_path, monkeypatch, capsys, text, told
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    assert main(["train", "t.csv", *KN[:-2], "-o", "m.skops"]) == 0
    assert told in capsys.readouterr().err


def test_a_first_line_of_labels_in_another_language_is_a_header_row():
    names = [(1, "Имя"), (2, "Анна"), (3, "Иван")]
    values = [(1, "Пол"), (2, "ж"), (3, "м")]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        read = header_rows(names, values, "n.txt", "l.txt")
    assert read == (names[1:], values[1:])
    # and how to keep them as a name and its label
    assert "add a first line 'name' to 'n.txt' and 'label' to 'l.txt')" in (
        err.getvalue()
    )


def test_a_hebrew_or_arabic_header_is_the_whole_field_only():
    # שם ("name") is also the given name Shem; שם טוב is a full name
    assert titles.one_column_header("שם") == "שם"
    assert titles.one_column_header("שם טוב") is None
    assert titles.one_column_header("الاسم") == "الاسم"
    assert titles.one_column_header("اسم الطفل") is None
    assert titles.one_column_header("Nimi (etunimi)") == "Nimi (etunimi)"


def test_a_count_title_that_is_a_given_name_above_names_warns(tmp_path):
    # Antal: Swedish "count", and a Hungarian given name
    path = tmp_path / "hu.csv"
    path.write_text("Antal,M\nBéla,M\nÉva,F\nAnna,F\nZoltán,M\n", encoding="utf-8")
    with pytest.warns(HeaderAsDataWarning, match="'Antal,M', is read as its header"):
        load_names(path, names_column="Antal", labels_column="M")
    path.write_text("Namn;Antal\nanna;3\nbo;2\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # above counts: a header row
        names = load_names(path, names_column="Namn", counts_column="Antal")[0]
    assert names == ["anna", "bo"]


@pytest.mark.parametrize(
    "first", ["name,year", "name,origin", "Имя,Пол", "Nombre,Rank"]
)
def test_a_header_of_a_list_split_has_its_note(capsys, first):
    # "name,year" above single names: any usual title beside the names
    header_as_name_note([f"{first}\n", "Anna\n"], "names.txt")
    column = first.split(",")[0]
    assert f"pass --names-column {column} to read the names" in capsys.readouterr().err


def test_a_name_beside_the_header_still_has_no_note(capsys):
    header_as_name_note(["Name, Anna\n", "Bo\n"], "names.txt")
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("counts", ["anzahl", "cantidad", "количество"])
def test_a_count_title_of_another_language_is_suggested(counts):
    table = find_table(f"vorname,{counts}", "kids.csv")
    with pytest.raises(ValueError, match=f"counts_column='{counts}'"):
        refuse_counts_of_names(table, "Vorname", "'kids.csv'")


@pytest.mark.parametrize(
    "title", ["Name of the child", "Apellidos", "categories", "Пол", "Liczba"]
)
def test_a_usual_title_of_any_role(title):
    # a row with one is a header row, never a row of data read as one
    assert is_usual_title(title)


def test_the_guide_lists_every_header_of_names():
    guide = (ROOT / "docs" / "your_own_names.rst").read_text(encoding="utf-8")
    listed = set(re.findall(r"``([^`]+)``", " ".join(guide.split())))
    assert titles.NAME_HEADERS <= listed
