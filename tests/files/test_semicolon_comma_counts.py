"""A count such as ``1,000`` in a semicolon-separated file could be 1 (a
decimal comma) or 1000 (a comma between thousands), as ``1.000`` could: both
are read the same way, by the column (another count such as ``2,5`` or
``1.234.567`` tells), and when no count tells, read with a decimal mark and
warned of, in the command line and in Python, read at once or in chunks."""

import warnings

import numpy as np
import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._count_cells import HOLD_LIMIT, CountCells

EITHER = {
    ",": "'1,000' (line 2) is 1, not 1000",
    ".": "'1.000' (line 2) is 1, not 1000",
}


def _table(tmp_path, rows):
    path = tmp_path / "namen.csv"
    path.write_text("name;count\n" + rows, encoding="utf-8")
    return path


def _train(path, capsys, *extra):
    out = path.parent / "m.skops"
    args = ["train", str(path), "--counts", "count", "--max-iter", "1", *extra]
    status = main([*args, "-o", str(out)])
    return status, capsys.readouterr().err, out


@pytest.mark.parametrize("mark", [",", "."])
def test_a_count_with_a_mark_that_could_group_thousands_is_read_and_warned(
    tmp_path, mark
):
    path = _table(tmp_path, f"Anna;1{mark}000\nRavi;3\n")
    with pytest.warns(UserWarning, match="no count tells which") as caught:
        names, counts = load_names(path, names_column="name", counts_column="count")
    assert names == ["Anna", "Ravi"] and np.array_equal(counts, [1.0, 3.0])
    told = [str(w.message) for w in caught if "no count tells" in str(w.message)]
    assert len(told) == 1 and EITHER[mark] in told[0], told
    assert "write the counts without them (1000)" in told[0], told


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "1"]])
@pytest.mark.parametrize("mark", [",", "."])
def test_the_command_line_warns_of_both_marks(tmp_path, capsys, mark, chunks):
    path = _table(tmp_path, f"Anna;1{mark}000\nRavi;3\n")
    status, err, out = _train(path, capsys, *chunks)
    assert status == 0 and out.exists(), err
    assert err.count("no count tells which") == 1 and EITHER[mark] in err, err


@pytest.mark.parametrize("mark", [",", "."])
def test_python_in_chunks_warns_of_both_marks(tmp_path, mark):
    path = _table(tmp_path, f"Anna;1{mark}000\nRavi;3\nLena;2\n")
    with pytest.warns(UserWarning, match="no count tells which") as caught:
        train_from_file(
            path,
            make_default_pipeline().set_params(clf__max_iter=1),
            names_column="name",
            counts_column="count",
            chunk_size=1,
        )
    assert any(EITHER[mark] in str(w.message) for w in caught)


def test_a_decimal_comma_of_the_column_tells_without_a_word(tmp_path):
    path = _table(tmp_path, "Anna;1,000\nRavi;2,5\nLena;1.234.567\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, counts = load_names(path, names_column="name", counts_column="count")
    assert np.array_equal(counts, [1.0, 2.5, 1234567.0])


@pytest.mark.parametrize("rows", ["Anna;1,000\nRavi;2.5\n", "Ravi;2.5\nAnna;1,000\n"])
def test_a_comma_beside_decimal_points_is_refused_with_both_readings(
    tmp_path, capsys, rows
):
    path = _table(tmp_path, rows)
    with pytest.raises(ValueError, match="could be 1.000 .a decimal comma. or 1000"):
        load_names(path, names_column="name", counts_column="count")
    status, err, out = _train(path, capsys)
    assert status != 0 and "Traceback" not in err and not out.exists()
    assert "'1,000'" in err and "Write the count 1000 if the comma" in err, err


def test_a_comma_and_a_point_that_could_each_group_thousands_are_refused(
    tmp_path, capsys
):
    path = _table(tmp_path, "Anna;1.000\nRavi;3\nLena;2,000\n")
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="name", counts_column="count")
    said = str(caught.value)
    assert "Line 2 of " in said and "has '1.000' in the column 'count'" in said
    assert "line 4 has '2,000'" in said, said
    assert "(1000, 2000)" in said, said
    status, err, out = _train(path, capsys)
    assert status != 0 and "Traceback" not in err and not out.exists()
    assert "line 4 has '2,000'" in err, err


@pytest.mark.parametrize("again", [False, True])
def test_past_the_counts_held_the_other_spelling_is_still_refused(again):
    # HOLD_LIMIT counts such as 1,000 and no count telling: a column read once
    # (a pipe) reads them with a decimal comma; one read again looks below.
    cells = [("1,000", 2 + i) for i in range(HOLD_LIMIT)] + [("3.000", HOLD_LIMIT + 2)]

    def ahead(line):
        return [(at, "N", cell) for cell, at in cells if at > line]

    reader = CountCells("'namen.csv'", "count", ";", ahead if again else None)
    taken = []
    with pytest.raises(ValueError, match="has '3.000'") as caught:
        for cell, line in cells:
            taken.append(line)
            reader.take(cell, "N", line)
        reader.finish()
    assert "Line 2 of 'namen.csv' has '1,000'" in str(caught.value)
    # read again: refused when the column is looked through, before 3.000
    assert len(taken) == (HOLD_LIMIT if again else HOLD_LIMIT + 1)


@pytest.mark.parametrize("mark", [",", "."])
def test_the_count_model_asks_for_either_spelling_without_its_mark(
    tmp_path, capsys, mark
):
    path = _table(tmp_path, f"Anna;1{mark}500\nRavi;3\n")
    status, err, out = _train(path, capsys, "--model", "kneser-ney")
    assert status != 0 and "Traceback" not in err and not out.exists()
    word = "comma" if mark == "," else "point"
    assert f"its {word} could be a decimal {word} or a {word} between" in err, err
    assert "if it is 1500, write the counts without" in err, err
    assert "Round the counts" not in err


def _told(path):
    with pytest.warns(UserWarning, match="no count tells which") as caught:
        _, counts = load_names(path, names_column="name", counts_column="count")
    told = [str(w.message) for w in caught if "no count tells" in str(w.message)]
    assert len(told) == 1, told
    return counts, told[0]


@pytest.mark.parametrize("mark", [",", "."])
def test_every_count_read_with_a_decimal_mark_untold_is_named(tmp_path, mark):
    # the second cell was read quietly: a user fixing line 2 kept 12.345
    path = _table(tmp_path, f"Anna;1{mark}000\nRavi;12{mark}345\nLena;2\n")
    counts, told = _told(path)
    assert np.array_equal(counts, [1.0, 12.345, 2.0])
    assert EITHER[mark] in told, told
    assert "'12" + mark + "345' (line 3) is 12.345, not 12345" in told, told
    assert "write the counts without them (1000, 12345)" in told, told


@pytest.mark.parametrize("mark", [",", "."])
def test_many_counts_read_with_a_decimal_mark_end_with_how_many_more(tmp_path, mark):
    rows = "".join(f"N{i};{i + 1}{mark}500\n" for i in range(8))
    _, told = _told(_table(tmp_path, rows))
    assert f"'5{mark}500' (line 6) is 5.5, not 5500" in told, told
    assert f"'6{mark}500'" not in told and "; and 3 more" in told, told
    assert "without them (1500, 2500, 3500, 4500, 5500, ...)" in told, told


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "1"]])
def test_the_command_line_names_the_second_comma_too(tmp_path, capsys, chunks):
    path = _table(tmp_path, "Anna;1,000\nRavi;12,345\nLena;2\n")
    status, err, out = _train(path, capsys, *chunks)
    assert status == 0 and out.exists(), err
    assert err.count("no count tells which") == 1, err
    assert "'12,345' (line 3) is 12.345" in err, err


@pytest.mark.parametrize("mark", [",", "."])
@pytest.mark.parametrize("again", [False, True])
def test_past_the_counts_held_every_untold_count_is_counted_once(again, mark):
    cells = [(f"1{mark}000", 2 + i) for i in range(HOLD_LIMIT + 3)]

    def ahead(line):
        return [(at, "N", cell) for cell, at in cells if at > line]

    reader = CountCells("'namen.csv'", "count", ";", ahead if again else None)
    with pytest.warns(UserWarning, match="no count tells which") as caught:
        for cell, line in cells:
            reader.take(cell, "N", line)
        reader.finish()
    (told,) = [str(w.message) for w in caught]
    assert f"and {HOLD_LIMIT + 3 - 5:,} more" in told, told


def test_the_same_whole_count_of_both_spellings_is_asked_for_once(tmp_path):
    path = _table(tmp_path, "Anna;1.000\nRavi;1,000\n")
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="name", counts_column="count")
    said = str(caught.value)
    assert "(1000 for both)" in said and "(1000, 1000)" not in said, said


def test_commas_between_thousands_are_refused_as_in_any_other_table(tmp_path):
    # 1.000.000 is a spreadsheet set to a decimal comma's way; 1,000,000 is not
    path = _table(tmp_path, "Anna;1,000,000\nRavi;2\n")
    with pytest.raises(ValueError, match="has '1,000,000' in the column 'count'") as e:
        load_names(path, names_column="name", counts_column="count")
    assert "no thousands separators (1000000, not 1,000,000)" in str(e.value)


@pytest.mark.parametrize("cell", ["1.000", "1,000"])
def test_counts_read_with_a_mark_untold_are_warned_of_once(cell):
    # warn_untold forgets what it warned of: a second release warns no more
    cells = CountCells("'n.csv'", "count", ";")
    assert cells.take(cell, "Anna", 2, "Anna") == []
    with pytest.warns(UserWarning, match="no count tells which") as caught:
        assert cells.finish() == [("Anna", 1.0)]
    assert len(caught) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cells.finish() == []
