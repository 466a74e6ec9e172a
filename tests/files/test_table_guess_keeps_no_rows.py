"""Telling a list of names from a table without a header holds no row: the
lists of a thousand rows held at once set off the garbage collector, which
then went over the caller's list of names (``load_names`` of a million names
took 15% longer)."""

import gc

from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import LINES_LOOKED_AT
from sknextchar.datasets._tables import headerless_table


def _collections_during(call):
    """The garbage collector's passes while ``call()`` runs."""
    passes = []

    def count(phase, info):
        if phase == "start":
            passes.append(info["generation"])

    threshold = gc.get_threshold()
    gc.collect()
    gc.set_threshold(700, 10, 10)  # Python's default
    gc.callbacks.append(count)
    try:
        result = call()
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    return passes, result


def test_headerless_table_holds_no_rows():
    names = [f"name{i}" for i in range(2 * LINES_LOOKED_AT)]
    passes, found = _collections_during(lambda: headerless_table(names, "a.txt"))
    assert found is None
    assert passes == []


def test_load_names_of_many_names_runs_no_collection(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("".join(f"name{i}\n" for i in range(20_000)))
    passes, names = _collections_during(lambda: load_names(path))
    assert len(names) == 20_000
    assert passes == []


def test_a_headerless_table_is_still_told(tmp_path):
    rows = [f"name{i},{i}" for i in range(2 * LINES_LOOKED_AT)]
    assert headerless_table(rows, "counts.txt") == (",", 2)
    assert headerless_table(rows[:5] + ["ana,five"], "counts.txt") is None
    assert headerless_table(rows[:5] + ["ana,five"], "counts.csv") == (",", 2)
