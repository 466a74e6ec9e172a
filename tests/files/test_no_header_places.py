"""Errors about the names of a table without a header row (``--no-header``)
point at their lines, in memory, in chunks and on ``--resume``."""

import pytest

from sknextchar.cli import main

NUMBERS = ["--no-header", "--names-column", "2", "--counts", "3"]
MLP = ["--seed", "0", "-q", "--validation-fraction", "0", "--max-iter", "1"]


def _table(tmp_path, name, bad):
    rows = ["F,Emma,3", "F,Olivia,2", "M,Liam,4", "M,Noah,1"]
    rows += [f"M,{bad},5"] * bool(bad)
    (tmp_path / name).write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
def test_a_bad_name_is_told_by_its_line(tmp_path, monkeypatch, capsys, chunks):
    monkeypatch.chdir(tmp_path)
    _table(tmp_path, "yob.txt", "O Brien")
    assert main(["train", "yob.txt", *NUMBERS, *MLP, *chunks, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    assert "'O Brien' (line 5 of 'yob.txt')" in err
    assert "names[" not in err


def test_a_bad_name_is_told_by_its_line_on_resume(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _table(tmp_path, "good.txt", "")
    _table(tmp_path, "yob.txt", "O Brien")
    chunks = ["--chunk-size", "2"]
    first = ["train", "good.txt", *NUMBERS, *MLP, *chunks, "--hidden-layer-sizes", "4"]
    assert main([*first, "-o", "a.skops"]) == 0
    capsys.readouterr()
    more = ["train", "yob.txt", *NUMBERS, *MLP[:-1], "2", *chunks]
    more += ["--resume", "a.skops"]
    assert main([*more, "-o", "b.skops"]) == 1
    err = capsys.readouterr().err
    assert "'O Brien' (line 5 of 'yob.txt')" in err
    assert "names[" not in err
