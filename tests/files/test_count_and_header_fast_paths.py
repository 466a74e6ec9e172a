"""The checks of every row of a table, cheap for the rows that pass them.

A column of counts whose way of writing numbers is known reads its next
cells without asking again how each is written; a table's rows are compared
with its header and with a spreadsheet's total (``header_key``) only when
their first letter could match. The answers are those of the full checks:
a row that is the header again, a total, or a count that tells its way late
is refused as before.
"""

import pytest

from sknextchar.datasets import _tables, load_names
from sknextchar.datasets._count_cells import HOLD_LIMIT, CountCells
from sknextchar.datasets._counted_rows import counted_rows
from sknextchar.datasets._header_again import check_not_header
from sknextchar.datasets._tables import find_table, named_rows

# Names that start as a header or a total may (n, s, t, g), or not at all.
NAMES = ["Sofia", "Noah", "Tom", "Greta", "Sam", "Nora", "Zoë", "Mary-Ann", "Ida"]


def _counting(monkeypatch, owner, name):
    """Count the calls of ``owner.name`` from now on."""
    calls = []
    real = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_known_way_reads_cells_without_asking_again(monkeypatch):
    cells = CountCells("'namen.csv'", "Anzahl", ";")
    assert cells.take("1.234.567", "Anna", 2, "Anna") == [("Anna", 1234567.0)]
    asked = _counting(monkeypatch, cells, "_way_of")
    cells_of = [f"{n % 900 + 1}.{n % 1000:03d}" for n in range(3, 1003)]
    read = [cells.take(cell, "B", n, n) for n, cell in enumerate(cells_of, 3)]
    assert read[0] == [(3, 4003.0)] and read[-1] == [(1002, 103002.0)]
    assert len(asked) == 0
    with pytest.raises(ValueError, match="mixes two ways"):
        cells.take("2.5", "Bo", 1003, "Bo")


def test_point_column_reads_cells_without_asking_again(monkeypatch):
    cells = CountCells("'names.csv'", "count", ";")
    assert cells.take("2.5", "Ava", 2, "Ava") == [("Ava", 2.5)]
    asked = _counting(monkeypatch, cells, "_way_of")
    read = [cells.take("20.950", "Bo", n, n) for n in range(3, 1003)]
    assert read[-1] == [(1002, 20.95)] and len(asked) == 0


def test_a_point_that_tells_after_the_limit_is_still_heard():
    """A column read with decimal points because nothing told for
    ``HOLD_LIMIT`` counts, then ``2.5`` (which tells), then ``1.234.567``:
    the refusal names ``2.5``, not counts that "did not tell"."""
    cells = CountCells("'names.csv'", "count", ";")
    for line in range(2, HOLD_LIMIT + 3):
        cells.take("1.500", "Ava", line, line)
    assert cells.take("2.5", "Bo", HOLD_LIMIT + 3, "Bo") == [("Bo", 2.5)]
    with pytest.raises(ValueError, match=r"line 10003 has '2\.5'.*mixes two ways"):
        cells.take("1.234.567", "Cy", HOLD_LIMIT + 4, "Cy")


def test_ordinary_rows_are_not_keyed(monkeypatch):
    lines = ["name,count\n"] + [f"{NAMES[i % 9]},{i}\n" for i in range(2000)]
    keyed = _counting(monkeypatch, _tables, "header_key")
    rows = list(named_rows(lines, find_table(lines[0], "kids.csv"), "'kids.csv'"))
    assert len(rows) == 2000 and rows[-1] == (2001, [NAMES[1999 % 9], "1999"])
    assert len(keyed) < 10  # the header's fields, the first row's: not each row's


@pytest.mark.parametrize(
    ("header", "again"),
    [
        ("Prénom;n", "PRE\u0301NOM;N"),  # decomposed, upper case
        ("Ånavn;count", "A\u030aNAVN;Count"),  # a key that starts beyond ASCII
        ("name,count", "NAME,COUNT"),
        ("first_name,count", "First-Name,Count"),
        ("name,sex,count", " Name , SEX , count "),
    ],
)
def test_header_again_is_still_refused(tmp_path, header, again):
    path = tmp_path / "kids.csv"
    delimiter = ";" if ";" in header else ","
    width = header.count(delimiter)
    row = delimiter.join(["Anna"] + ["3"] * width)
    path.write_text(f"{header}\n{row}\n{again}\n{row}\n", encoding="utf-8")
    names_column = header.split(delimiter)[0]
    with pytest.raises(ValueError, match="header row again"):
        load_names(path, names_column=names_column)


@pytest.mark.parametrize("total", ["SUM", "Grand_Total", "gesamt", "Total"])
def test_total_row_is_still_refused(tmp_path, total):
    path = tmp_path / "kids.csv"
    path.write_text(f"name,count\nAnna,3\nSam,2\n{total},5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a total"):
        load_names(path, names_column="name")


def test_names_like_the_header_are_read(tmp_path):
    path = tmp_path / "kids.csv"
    names = ["Sumi", "Totti", "Names", "Nam", "Gesa", "Saul"]
    path.write_text(
        "name,count\n" + "".join(f"{n},1\n" for n in names), encoding="utf-8"
    )
    assert load_names(path, names_column="name") == names


def test_check_not_header_takes_the_keys():
    check_not_header(["Sam", "3"], ["name", "count"], 2, "'kids.csv'")
    with pytest.raises(ValueError, match="Line 9 .* header row again"):
        check_not_header(["Name", "Count"], ["name", "count"], 9, "'kids.csv'")


def _long_column(n_rows, last):
    """A semicolon table of ``n_rows`` counts such as 1.500, then ``last``."""
    rows = [f"N{i};{1 + i % 998}.{i % 1000:03d}\n" for i in range(n_rows)]
    return ["name;count\n", *rows, f"Emma;{last}\n"]


@pytest.mark.parametrize(
    ("last", "first", "emma"), [("1.234.567", 1000.0, 1234567.0), ("2,5", 1000.0, 2.5)]
)
def test_a_column_read_again_is_told_by_a_late_count(last, first, emma):
    """More than ``HOLD_LIMIT`` counts such as 1.000, then one that tells:
    a source that can be read again is looked through, nothing held."""
    lines = _long_column(HOLD_LIMIT + 1, last)
    rows = counted_rows(lines, "h.csv", "name", "count", again=lambda: iter(lines))
    rows = list(rows)
    assert rows[0] == ("N0", first) and rows[-1] == ("Emma", emma)
    assert len(rows) == HOLD_LIMIT + 2


def test_a_column_read_once_is_still_refused_when_told_late():
    lines = _long_column(HOLD_LIMIT + 1, "1.234.567")
    with pytest.raises(ValueError, match="no count told which"):
        list(counted_rows(iter(lines), "h.csv", "name", "count"))


def test_a_column_read_again_that_never_tells_reads_decimal_points():
    lines = _long_column(HOLD_LIMIT + 1, "7.250")
    with pytest.warns(UserWarning, match="read as decimal points"):
        rows = list(counted_rows(lines, "h.csv", "name", "count", again=lambda: lines))
    assert rows[0] == ("N0", 1.0) and rows[-1] == ("Emma", 7.25)
