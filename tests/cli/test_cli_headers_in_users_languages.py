"""``train`` on tables titled in the users' own languages: the column of
names found and named in the note, family names never offered as
``--labels``, a percentage refused as ``--counts`` with the reason, and a
workbook's date cells refused with ``--chunk-size`` as without it."""

import datetime

import pytest

from sknextchar.cli import main

KN = ["--model", "kneser-ney", "--context-length", "2", "--force"]


def _train(tmp_path, monkeypatch, capsys, text, *flags, name="k.csv"):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    status = main(["train", name, *KN, "-o", "m.skops", *flags])
    return status, capsys.readouterr().err


@pytest.mark.parametrize("header", ["नाम", "Όνομα", "İsim", "Tên", "名"])
def test_train_reads_the_column_of_names_in_another_language(
    tmp_path, monkeypatch, capsys, header
):
    text = f"{header},sex\nasha,F\nravi,M\nmira,F\n"
    status, err = _train(tmp_path, monkeypatch, capsys, text)
    assert status == 0
    assert f"read its column '{header}' (1 of 2) as the names" in err
    assert "pass --labels sex" in err


def test_train_offers_the_sex_not_the_french_nom_as_labels(
    tmp_path, monkeypatch, capsys
):
    rows = "dupont,marie,F\ndupont,paul,M\nmartin,anne,F\nmartin,luc,M\n"
    status, err = _train(tmp_path, monkeypatch, capsys, f"Nom,Prénom,Sexe\n{rows}")
    assert status == 0
    assert "read its column 'Prénom' (2 of 3) as the names" in err
    assert "to train by label, pass --labels Sexe." in err
    assert "Nom'" not in err and "--labels Nom" not in err


def test_train_refuses_a_percentage_as_counts_saying_why(tmp_path, monkeypatch, capsys):
    text = "name,share\nasha,12%\nravi,30%\n"
    status, err = _train(tmp_path, monkeypatch, capsys, text, "--counts", "share")
    assert status == 1
    assert "'12%' is a share of the names, not a count" in err
    assert "a count is how many times a name occurs" in err
    assert "Traceback" not in err and not (tmp_path / "m.skops").exists()


def test_train_offers_no_counts_with_separators_as_labels(
    tmp_path, monkeypatch, capsys
):
    text = 'name,count\nasha,"1,000"\nravi,"2,500"\nmira,"1,000"\n'
    status, err = _train(tmp_path, monkeypatch, capsys, text)
    assert status == 0 and "--labels" not in err
    status, err = _train(tmp_path, monkeypatch, capsys, text, "--counts", "count")
    assert status == 1 and "no thousands separators (1000, not 1,000)" in err


@pytest.mark.parametrize("chunked", [[], ["--chunk-size", "2"]])
def test_a_workbooks_dates_are_refused_in_chunks_too(
    tmp_path, monkeypatch, capsys, chunked
):
    openpyxl = pytest.importorskip("openpyxl")
    monkeypatch.chdir(tmp_path)
    book = openpyxl.Workbook()
    book.active.append(["name", "sex"])
    for i in range(6):
        book.active.append(["asha" if i % 2 else datetime.date(2020, 1, i + 1), "F"])
    book.save(tmp_path / "k.xlsx")
    argv = ["train", "k.xlsx", "--max-iter", "1", "-q", "-o", "m.skops", *chunked]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "cell A2 of sheet 'Sheet' of 'k.xlsx' holds a date (2020-01-01)" in err
    assert "Traceback" not in err and not (tmp_path / "m.skops").exists()
