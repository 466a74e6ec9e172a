"""TemperatureTable: the lecture's side-by-side table, as text."""

import dataclasses

import numpy as np
import pytest

from sknextchar import TemperatureTable
from sknextchar._text import display_width

SYMBOLS = ("-", "a", "b", "c")


@pytest.fixture
def table():
    proba = np.array(
        [[0.1, 0.2, 0.3], [0.6, 0.4, 0.3], [0.0, 0.1, 0.2], [0.3, 0.3, 0.2]]
    )
    return TemperatureTable(
        prefix="ab",
        context="-ab",
        symbols=SYMBOLS,
        temperatures=(0.5, 1.0, 2.0),
        proba=proba,
    )


def test_rows_sorted_by_the_first_column(table):
    lines = table.to_string().splitlines()
    assert lines[0] == "next character after prefix 'ab' (context '-ab')"
    assert lines[1].split() == ["next", "T=0.5", "T=1", "T=2"]
    assert [line.split()[0] for line in lines[2:]] == ["a", "c", "-", "b"]
    assert lines[2].split()[1:] == ["0.600", "0.400", "0.300"]
    assert len({len(line) for line in lines[1:]}) == 1  # aligned


def test_top_sort_and_decimals(table):
    lines = table.to_string(top=2, sort=False, decimals=1).splitlines()
    assert len(lines) == 4
    assert [line.split() for line in lines[2:]] == [
        ["-", "0.1", "0.2", "0.3"],
        ["a", "0.6", "0.4", "0.3"],
    ]


def test_ties_keep_vocabulary_order():
    table = TemperatureTable("", "--", ("-", "a", "b"), (1.0,), np.full((3, 1), 1 / 3))
    assert [line.split()[0] for line in table.to_string().splitlines()[2:]] == [
        "-",
        "a",
        "b",
    ]


def test_str_is_the_full_table(table):
    assert str(table) == table.to_string()
    assert len(str(table).splitlines()) == 2 + len(SYMBOLS)


def test_is_frozen(table):
    with pytest.raises(dataclasses.FrozenInstanceError, match="prefix"):
        table.prefix = "x"


def first_cells(text):
    return [line.split()[0] for line in text.splitlines()[2:]]


def test_a_greedy_first_column_does_not_rank_the_rows():
    # At temperature 0 all characters but one have probability 0: the others
    # come in the order of the model's own probabilities, not the vocabulary's.
    proba = np.array([[0.0, 0.2], [0.0, 0.1], [1.0, 0.4], [0.0, 0.3]])
    table = TemperatureTable("ab", "-ab", SYMBOLS, (0.0, 1.0), proba)
    assert first_cells(table.to_string(top=3)) == ["b", "c", "-"]


def test_model_proba_ranks_the_rows_whatever_the_temperatures():
    proba = np.array([[0.25] * 2, [0.25] * 2, [0.25] * 2, [0.25] * 2])
    model_proba = np.array([0.2, 0.1, 0.4, 0.3])
    table = TemperatureTable("ab", "-ab", SYMBOLS, (np.inf, 1e9), proba, model_proba)
    assert first_cells(table.to_string()) == ["b", "c", "-", "a"]


def test_a_joiner_is_shown_by_its_code_point_a_mark_on_a_dotted_circle():
    # A model of code points learns the zero-width non-joiner of Persian names
    # (علی‌رضا), a virama and vowel signs as symbols of their own: as they are,
    # the ZWNJ's row would have no visible label, a mark be drawn on the space.
    table = TemperatureTable(
        prefix="علی",
        context="علی",
        symbols=("-", "\u200c", "ر", "\u094d", "\u0941", "\u093e", "\xa0"),
        temperatures=(1.0,),
        proba=np.array([[0.4], [0.35], [0.25], [0.0], [0.0], [0.0], [0.0]]),
    )
    lines = table.to_string().splitlines()
    labels = [line.split()[0].strip("\u200e") for line in lines[2:]]
    circled = ["\u25cc\u094d", "\u25cc\u0941", "\u25cc\u093e"]
    assert labels == ["-", "U+200C", "ر", *circled, "U+00A0"]
    assert len({display_width(line) for line in lines[1:]}) == 1
