"""Points in semicolon counts decided by the whole column; "Last, First" lists
and one-column titles; where the counts' warning points; the counts' fast path."""

import warnings

import pytest

from sknextchar.cli._weights import CountsColumn
from sknextchar.datasets import load_names
from sknextchar.datasets._count_cells import CountCells, count_of
from sknextchar.datasets._tables import TitleLinesError, check_no_title, detect_table


def _load(tmp_path, rows, header="name;count"):
    path = tmp_path / "counts.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names, counts = load_names(path, names_column="name", counts_column="count")
    return dict(zip(names, counts.tolist())), caught


@pytest.mark.parametrize(
    "rows, expected",
    [
        (["Ava;17.728", "Bo;2.5"], {"Ava": 17.728, "Bo": 2.5}),
        (["Ava;1.500", "Bo;2.250", "Cy;0.750"], {"Ava": 1.5, "Bo": 2.25, "Cy": 0.75}),
        (["Ava;1.500", "Bo;17.7281"], {"Ava": 1.5, "Bo": 17.7281}),
        (["Ava;1.500", "Bo;1.234.567"], {"Ava": 1500.0, "Bo": 1234567.0}),
        (["Ava;17.728", "Bo;2,5", "Cy;3"], {"Ava": 17728.0, "Bo": 2.5, "Cy": 3.0}),
    ],
)
def test_the_whole_column_decides_in_any_order(tmp_path, rows, expected):
    for order in (rows, rows[::-1]):
        counts, caught = _load(tmp_path, order)
        assert counts == pytest.approx(expected)
        assert not caught  # a cell of the column told how its points read


def test_points_either_way_read_as_decimal_points_with_one_warning(tmp_path):
    for rows in (["Ava;1.500", "Bo;2.250", "Cy;7"], ["Cy;7", "Bo;2.250", "Ava;1.500"]):
        counts, caught = _load(tmp_path, rows)
        assert counts == {"Ava": 1.5, "Bo": 2.25, "Cy": 7.0}
        assert len(caught) == 1
        message = str(caught[0].message)
        assert "decimal points" in message and "thousands" in message
        assert "1500" in message or "2250" in message  # the other reading
        assert caught[0].filename == __file__  # the user's call, not the package


@pytest.mark.parametrize(
    "rows",
    [["Ava;2,5", "Bo;2.5"], ["Ava;1.234.567", "Bo;0.5"], ["Ava;1,5", "Bo;0.750"]],
)
def test_decimal_commas_beside_decimal_points_refused(tmp_path, rows):
    for order in (rows, rows[::-1]):
        with pytest.raises(ValueError, match="mixes two ways"):
            _load(tmp_path, order)


def test_cli_counts_column_reads_the_whole_column():
    column = CountsColumn("'kids.csv'", "count", whole=True, delimiter=";")
    for line, (cell, name) in enumerate([("1.500", "Ava"), ("7", "Bo")], 2):
        column.add(cell, name, line)
    column.add("1.234.567", "Cy", 4)  # tells: points between thousands
    assert column.weights().tolist() == [1500.0, 7.0, 1234567.0]
    column = CountsColumn("'kids.csv'", "count", whole=True, delimiter=";")
    column.add("1.500", "Ava", 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match="whole number"):
            column.weights()  # 1.5: a fraction, for kneser-ney


def test_counts_keep_their_order_while_a_cell_waits():
    cells = CountCells("'kids.csv'", "count", ";")
    taken = cells.take("17.728", "Ava", 2, "Ava") + cells.take("3", "Bo", 3, "Bo")
    taken += cells.take("2,5", "Cy", 4, "Cy") + cells.finish()
    assert taken == [("Ava", 17728.0), ("Bo", 3.0), ("Cy", 2.5)]


@pytest.mark.parametrize("cell", ["１２", "٣", "+5", "1_000"])
def test_fast_path_refuses_other_digits(cell):
    with pytest.raises(ValueError, match="not a count"):
        count_of(cell, "Ava", 2, "'kids.csv'", "count")
    cells = CountCells("'kids.csv'", "count", ",")
    assert cells.take(cell, "Ava", 2) == []  # refused with the others, at the end
    with pytest.raises(ValueError, match="not a count"):
        cells.finish()


def test_fast_path_reads_whole_numbers_as_before():
    assert count_of("007", "Ava", 2, "'k.csv'", "count") == 7.0
    assert count_of(str(2**53), "Ava", 2, "'k.csv'", "count") == 2.0**53
    with pytest.raises(ValueError, match="more than"):
        count_of(str(2**53 + 2), "Ava", 2, "'k.csv'", "count")
    cells = CountCells("'k.csv'", "count", ";")
    assert cells.take("9007199254740992", "Ava", 2) == [(None, 2.0**53)]


def test_a_list_of_last_first_names_is_no_table_below_a_title(tmp_path):
    rows = ["Smith, John", "Doe, Jane", "Name, Anna"]
    rows += [f"Last{i}, First{i}" for i in range(200)]
    lines = [row + "\n" for row in rows]
    assert detect_table(lines, "lf2.txt") is None
    path = tmp_path / "lf2.txt"
    path.write_text("".join(lines), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(path) == rows


TITLED = [
    ("Baby names 2024\nname,gender\nAva,F\nBo,M\n", "b.csv"),
    ("My list\nName, Anna\nDoe, Jane\n", "list.txt"),
    ("Baby Names\nname\nAnna\nBob\n", "titleone.csv"),
    ("Baby Names\n\nname\nAnna\nBob\n", "titleone.csv"),
    ("Names 2024\nname\nAnna\n", "one.csv"),
    ("Baby names 2024;;\nname;gender;count\nAva;F;3\n", "padded.csv"),
]


@pytest.mark.parametrize("text, path", TITLED)
def test_a_title_above_a_header_is_still_told(text, path):
    lines = text.splitlines(keepends=True)
    with pytest.raises(TitleLinesError):
        check_no_title(lines, path)
    if path.endswith(".txt"):  # "Name, Anna" may be a name: refused
        with pytest.raises(TitleLinesError, match="pass names_column='Name'"):
            detect_table(lines, path)
        return
    with pytest.warns(UserWarning, match="read as its title, left out"):
        table = detect_table(lines, path)  # the table below it, the title left out
    header = next(ln for ln in lines[1:] if ln.strip())
    assert table.column == header.split(table.delimiter)[0].strip()
    assert table.skipped == lines.index(header)


def test_a_name_above_a_one_column_header_is_no_title():
    lines = ["Anna\n", "name\n", "Bob\n"]
    check_no_title(lines, "kids.csv")
    check_no_title(["Baby Names\n", "name\n", "Anna\n"], "kids.txt")  # a list


def test_one_column_title_left_out_by_train(tmp_path, capsys):
    from sknextchar.cli import main

    path = tmp_path / "titleone.csv"
    path.write_text("Baby Names\nname\nAnna\nBob\n", encoding="utf-8")
    code = main(
        ["train", str(path), "--model", "kneser-ney", "-o", str(tmp_path / "m.skops")]
    )
    out, err = capsys.readouterr()
    assert code == 0 and "below line 1, 'Baby Names', which is not a row" in err, err
    assert "read as its title, left out" in err and " of 2 names " in out, out
    # The note said the file "starts with the header", right after the title.
    assert "has the header 'name' (line 2): read the names below it" in err, err
