"""same_name_groups against a plain reference: the same units, however the
names are numbered, labelled, folded or long (its matrix of names is packed
into words and sorted, for speed on a million names)."""

import numpy as np
import pytest

from sknextchar._holdout import same_name_groups


def _reference(targets, groups, strata=None, fold=None):
    """Each window's lowest name number among the names of its symbols (and label)."""
    if fold is not None:
        targets = fold[targets]
    rows_of = {}  # each name number's rows, in row order
    for row, number in enumerate(groups.tolist()):
        rows_of.setdefault(number, []).append(row)
    first = {}
    for number in sorted(rows_of):
        rows = rows_of[number]
        label = None if strata is None else strata[rows[0]]
        first.setdefault((tuple(targets[rows].tolist()), label), number)
    key = {}
    for number, rows in rows_of.items():
        label = None if strata is None else strata[rows[0]]
        key[number] = first[tuple(targets[rows].tolist()), label]
    return np.array([key[g] for g in groups.tolist()], dtype=groups.dtype)


def _names(rng, n_names, n_symbols, max_length):
    """Windows of random names (ids 1..n_symbols-1, then the end 0), their
    name numbers shuffled and their windows interleaved (a name is its
    windows' targets in row order, to the reference as to the function)."""
    lengths = rng.integers(1, max_length + 1, n_names)
    numbers = rng.permutation(10 * n_names)[:n_names]
    groups = np.repeat(numbers, lengths)
    targets = rng.integers(1, n_symbols, groups.size)
    targets[np.cumsum(lengths) - 1] = 0
    mixed = np.argsort(rng.random(groups.size) + np.arange(groups.size) / 50)
    return targets[mixed], groups[mixed], numbers, lengths


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(12))
def test_the_units_are_the_references(seed):
    rng = np.random.default_rng(seed)
    n_symbols = [3, 4, 28, 300][seed % 4]  # few symbols: many copies
    max_length = [4, 30, 60][seed % 3]  # up to several words per name
    targets, groups, numbers, lengths = _names(rng, 400, n_symbols, max_length)
    name_labels = rng.integers(0, 3, len(numbers))
    label_of = dict(zip(numbers.tolist(), name_labels.tolist()))
    ints = np.array([label_of[g] for g in groups.tolist()])
    fold = np.r_[0, rng.integers(1, n_symbols, n_symbols - 1)]  # some ids as one
    for strata in (None, ints, np.array(["f", "m", "x"])[ints], ints * 1000 - 7):
        for case_fold in (None, fold):
            got = same_name_groups(targets, groups, strata, case_fold)
            assert np.array_equal(got, _reference(targets, groups, strata, case_fold))


@pytest.mark.parametrize(
    "targets, groups, strata, expected",
    [
        ([0], [5], None, [5]),  # one name, of no letter
        ([1, 2, 0], [3, 3, 3], ["f", "f", "f"], [3, 3, 3]),  # one name
        ([1, 0] * 3, [2, 2, 0, 0, 1, 1], None, [0, 0, 0, 0, 0, 0]),
        ([1, 0] * 3, [2, 2, 0, 0, 1, 1], [1, 1, 2, 2, 1, 1], [1, 1, 0, 0, 1, 1]),
        ([0, 0], [0, 1], ["m", "f"], [0, 1]),  # one text, two labels
        ([], [], None, []),
    ],
)
def test_edge_cases(targets, groups, strata, expected):
    targets, groups = np.array(targets, dtype=np.intp), np.array(groups, dtype=np.intp)
    strata = None if strata is None else np.array(strata)
    assert same_name_groups(targets, groups, strata).tolist() == expected
    if len(groups):
        assert np.array_equal(
            same_name_groups(targets, groups, strata),
            _reference(targets, groups, strata),
        )


def test_names_of_every_length_and_identical_names():
    rng = np.random.default_rng(0)
    lengths = np.arange(1, 200)  # one name of each length, up to 199 windows
    groups = np.repeat(np.arange(lengths.size), lengths)
    targets = rng.integers(1, 60, groups.size)
    targets[np.cumsum(lengths) - 1] = 0
    assert np.array_equal(same_name_groups(targets, groups), groups)
    same = same_name_groups(np.tile([4, 1, 0], 50), np.repeat(np.arange(50) + 9, 3))
    assert same.tolist() == [9] * 150  # all one name: the lowest number
