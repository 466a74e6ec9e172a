"""Review of the semicolon counts and the titled tables.

Counts that could be read two ways wait for the column to tell, but only up to
``HOLD_LIMIT`` of them: reading a semicolon file in chunks must not hold the
whole file in memory (a file whose every count is like 5.500 did). A first line
that is itself a header of names is the header, not a title above one.
"""

import pytest

from sknextchar.datasets import _count_cells
from sknextchar.datasets._count_cells import CountCells


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(_count_cells, "HOLD_LIMIT", 5, raising=False)


def _take_all(cells, values, first_line=2):
    out = []
    for line, value in enumerate(values, first_line):
        out.append(cells.take(value, f"n{line}", line, line))
    return out


def test_untold_counts_are_released_after_the_limit(small_limit):
    cells = CountCells("'n.csv'", "count", ";")
    taken = _take_all(cells, ["5.500"] * 12)
    assert [len(t) for t in taken[:4]] == [0, 0, 0, 0]  # held, at most 5
    assert [len(t) for t in taken[4:]] == [5, 1, 1, 1, 1, 1, 1, 1]
    with pytest.warns(UserWarning, match="read as decimal points"):
        assert cells.finish() == []
    values = [count for t in taken for _, count in t]
    assert values == [5.5] * 12


def test_a_later_thousands_count_is_then_refused(small_limit):
    cells = CountCells("'n.csv'", "count", ";")
    _take_all(cells, ["5.500"] * 6)
    # Not a column that mixes two ways: 5.500 told none; what to do is said.
    with pytest.raises(ValueError, match=r"no count told which.*without points"):
        cells.take("1.234.567", "late", 9, 9)


def test_a_column_that_tells_in_time_is_read_its_way(small_limit):
    cells = CountCells("'n.csv'", "count", ";")
    taken = _take_all(cells, ["5.500", "1.234.567", "7"])
    assert [count for t in taken for _, count in t] == [5500.0, 1234567.0, 7.0]


def test_no_warning_when_finishing_without_warn(small_limit, recwarn):
    cells = CountCells("'n.csv'", "count", ";")
    _take_all(cells, ["5.500"] * 7)
    assert cells.finish(warn=False) == []
    assert not recwarn.list


@pytest.mark.parametrize("header", ["name", "First name", "Nombre", "names"])
def test_a_header_above_a_name_that_reads_as_one_is_the_header(tmp_path, header):
    # Line 2 "Name" is the first name of the list, not the header under a title.
    from sknextchar.datasets import load_names

    path = tmp_path / "a.csv"
    path.write_text(f"{header}\nName\nAnna\nBob\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="looks like a table") as caught:
        load_names(path)
    assert not any("title" in str(w.message) for w in caught)
    assert load_names(path, names_column=header) == ["Name", "Anna", "Bob"]


def test_too_few_new_names_names_every_lever():
    from sklearn.pipeline import make_pipeline

    from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler

    pipe = make_pipeline(ContextWindowTransformer(alphabet="ab"), KneserNeyClassifier())
    sampler = NameSampler(pipe, min_length=2, max_length=2).fit(["ab", "ba", "aa"])
    with pytest.raises(ValueError) as caught:
        sampler.sample(1, unique=True, novel=True, exclude=["bb"], random_state=0)
    message = str(caught.value)
    assert "asks for 1 distinct name," in message, message
    assert "ask for fewer names" not in message  # one name cannot be fewer
    assert "sample without novel=True" in message
    assert "exclude fewer names (exclude=...)" in message
    with pytest.raises(ValueError, match=r"give a shorter prefix \(prefix=\.\.\.\)"):
        sampler.sample(1, unique=True, novel=True, prefix="a", random_state=0)
