"""``--model kneser-ney`` on counts such as 1.500 of a semicolon table, which
could be 1.5 or 1500: a count with a point is read as a decimal when no
count of the column tells otherwise, and the count model needs whole
numbers, so the error says to write 1500 without its point, not to round
1.5 to 2."""

import warnings

from sknextchar.cli import main

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]


def _train(tmp_path, capsys, rows):
    path = tmp_path / "namen.csv"
    path.write_text("name;count\n" + rows, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # read as decimal points: warned
        args = ["train", str(path), "--counts", "count", *KN, "-o"]
        status = main([*args, str(tmp_path / "m.skops")])
    return status, capsys.readouterr().err


def test_a_count_read_either_way_asks_for_it_without_its_point(tmp_path, capsys):
    status, err = _train(tmp_path, capsys, "Anna;1.500\nBen;2.250\n")
    assert status != 0 and "Traceback" not in err
    assert "'1.500'" in err and "read as 1.5" in err
    assert "without points between thousands (1500)" in err
    assert "Round the counts" not in err
    assert not (tmp_path / "m.skops").exists()


def test_a_told_fraction_is_still_to_be_rounded(tmp_path, capsys):
    status, err = _train(tmp_path, capsys, "Anna;1.500\nBen;2.5\n")
    assert status != 0 and "Traceback" not in err
    assert "'1.500'" in err and "Round the counts" in err
    assert "(1500)" not in err
