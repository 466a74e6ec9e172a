"""A column of more than ``HOLD_LIMIT`` counts such as 17.728 of a
semicolon table is looked through a second time for a count that tells how
its points are read: that second look splits the rows below the counts held
into cells, no more (the rows are checked once, as they are read in order),
and the counts read are the same as a column told early reads.
"""

import warnings

import pytest

from sknextchar.cli._labelled import read_names_file
from sknextchar.datasets import _tables, load_names
from sknextchar.datasets._count_cells import HOLD_LIMIT
from sknextchar.datasets._tables import cells_below, find_table

N_ROWS = HOLD_LIMIT + 50


def _cells(n):
    return [f"{1 + i % 998}.{(7 * i) % 1000:03d}" for i in range(n)]


def _write(path, cells, last=None):
    rows = [f"N{i};{cell}\n" for i, cell in enumerate(cells)]
    tail = [] if last is None else [f"Emma;{last}\n", f"Zoë;{cells[0]}\n"]
    path.write_text("name;count\n" + "".join(rows + tail), encoding="utf-8")
    return str(path)


@pytest.mark.slow
@pytest.mark.parametrize(
    "last, read",
    [
        (None, float),  # no count tells: decimal points (with a warning)
        ("1.234.567", lambda cell: float(cell.replace(".", ""))),  # thousands
        ("2,5", lambda cell: float(cell.replace(".", ""))),  # a decimal comma
        ("2.5", float),  # a decimal point that cannot be between thousands
    ],
)
def test_a_column_told_late_reads_its_counts_as_told(tmp_path, last, read):
    cells = _cells(N_ROWS)
    path = _write(tmp_path / "namen.csv", cells, last)
    expected = [read(cell) for cell in cells]
    if last is not None:
        told = float(last.replace(".", "").replace(",", "."))
        expected += [float(last) if last == "2.5" else told, read(cells[0])]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, counts = load_names(path, names_column="name", counts_column="count")
        _, cli_counts = read_names_file(path, counts="count", with_counts=True)
    assert list(counts) == expected == list(cli_counts)
    assert len(caught) == (2 if last is None else 0)


def test_the_second_look_checks_no_row_again(tmp_path, monkeypatch):
    path = _write(tmp_path / "namen.csv", _cells(N_ROWS), "1.234.567")
    split = []

    def counted(lines, delimiter, source, rows=_tables.table_rows):
        for row in rows(lines, delimiter, source):
            split.append(row[0])
            yield row

    monkeypatch.setattr(_tables, "table_rows", counted)
    names, _ = load_names(path, names_column="name", counts_column="count")
    assert len(split) == N_ROWS + 3 == len(names) + 1  # each row once, the header


def test_the_cells_below_a_line_are_those_of_the_rows_read_in_order():
    table = find_table("id;name;count", "namen.csv")
    lines = ["\n", "id;name;count\n", '1;"Ana";17.728\n', "2;;1.234.567\n"]
    lines += ['3;"Bo\n', 'B";2,5\n', "4; Zoë ; 3.5 \n", "5\n", "Source: x; 2020\n"]
    assert list(cells_below(lines, table, 2, 0)) == [
        (2, "name", "count"),
        (3, "Ana", "17.728"),
        (5, "Bo\nB", "2,5"),
        (7, "Zoë", " 3.5 "),
    ]
    assert [line for line, _, _ in cells_below(lines, table, 2, 5)] == [7]
