"""Memory of ``classify`` over a long names file: a block of rows at a time.

``classify`` gives every line a row. It scored every line's windows at once
and made every row's numbers into Python lists before the first row was
printed: 297 and 219 bytes a line (traced, 100,000 lines) beside the 67 of
the names, so that its peak grew with the file beyond what reading it takes.
"""

import numpy as np
import pytest

from sknextchar.cli import _classify, main
from tests._traced import traced_peak
from tests.cli.test_cli_classify import KN, bayes, labelled_model  # noqa: F401

N_LINES = 10_000


@pytest.fixture(scope="module")
def long_file(tmp_path_factory):
    """10,000 lines of 500 names of the model's letters, in random order (a
    long list of names given many times, as a file of people's names is)."""
    rng = np.random.default_rng(0)
    letters = np.array(list("bdklmnprstaeiuo"))
    distinct = ["".join(rng.choice(letters, n)) for n in rng.integers(4, 9, 500)]
    names = [distinct[i] for i in rng.integers(0, 500, N_LINES)]
    path = tmp_path_factory.mktemp("long") / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path, names


def test_classify_holds_a_block_of_rows_not_every_line(
    labelled_model,  # noqa: F811
    long_file,
    monkeypatch,
):
    path, _ = long_file
    monkeypatch.setattr(_classify, "BLOCK_ROWS", 128, raising=False)  # 79 blocks
    peak = traced_peak(["classify", str(labelled_model), "--names-file", str(path)])
    # Reading the file peaks at 249 bytes a line (traced: the text, its lines
    # and the names); scoring every line at once and making every row's
    # numbers into lists took the peak to 444 (8be183d; 40,000 lines, blocks
    # of 4096). Here (8423cb6): 247 in blocks, 587 in one block.
    assert peak / N_LINES < 330


def test_rows_of_blocks_are_the_rows_of_the_whole(
    labelled_model,  # noqa: F811
    long_file,
    capsys,
    monkeypatch,
):
    path, names = long_file
    command = ["classify", str(labelled_model), "--names-file", str(path)]
    assert main(command) == 0
    whole = capsys.readouterr().out
    monkeypatch.setattr(_classify, "BLOCK_ROWS", 1_750)  # 6 blocks, the last short
    assert main(command) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == whole.splitlines() and len(lines) == N_LINES + 1
    oracle = bayes(labelled_model, names[6_998:7_003], [0.5, 0.5])  # across a block
    for line, expected in zip(lines[6_999:7_004], oracle):
        assert [float(cell) for cell in line.split()[2:]] == pytest.approx(
            expected, abs=5e-4
        )
