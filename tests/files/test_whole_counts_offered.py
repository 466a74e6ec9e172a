"""The note on a table offers as --counts only the columns that the model
takes: the count model (--model kneser-ney) counts names, so whole numbers."""

import pytest

from sknextchar.cli import main
from sknextchar.cli._column_note import number_columns
from sknextchar.datasets._tables import find_table

TABLE = "name,share,count\nasha,0.5,3\nravi,1.25,2\numa,2,1\nkai,0.75,4.0\n"


@pytest.mark.parametrize(
    "flags, offered",
    [(["--max-iter", "1"], "--counts COLUMN (one of 'share', 'count')"),
     (["--model", "kneser-ney"], "--counts count.")],
)  # fmt: skip
def test_the_note_offers_the_counts_the_model_takes(tmp_path, capsys, flags, offered):
    path = tmp_path / "names.csv"
    path.write_text(TABLE, encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops")]
    assert main([*argv, *flags]) == 0
    err = capsys.readouterr().err
    assert offered in err, err
    assert "--labels" not in err  # a column of numbers is no label


def test_whole_numbers_as_a_semicolon_table_writes_them():
    lines = ["name;a;b;c\n", "Anna;1.234;2,5;17.728\n", "Lena;1.000.000;1,0;3\n"]
    table = find_table(lines[0], "namen.csv")
    assert number_columns(lines, table, ["a", "b", "c"]) == ["a", "b", "c"]
    # a: 1.234 is 1234 (1.000.000 tells: points between thousands); b: 2,5 a
    # fraction; c: 17.728 could be either way, nothing tells: a decimal point
    assert number_columns(lines, table, ["a", "b", "c"], whole=True) == ["a"]
