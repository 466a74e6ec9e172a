"""``train --resume`` on a table without a header row: ``--no-header`` and
the numbers of its columns, in memory and in chunks."""

import pytest

from sknextchar import load_model
from sknextchar.cli import main

ROWS = [("Emma", "F", 3), ("Olivia", "F", 2), ("Liam", "M", 4), ("Noah", "M", 1)]
MLP = ["--seed", "0", "-q", "--validation-fraction", "0"]
NUMBERS = ["--no-header", "--names-column", "1", "--counts", "3"]


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
def test_resume_reads_the_columns_by_number(tmp_path, monkeypatch, chunks):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "yob.txt").write_text(
        "".join(f"{n},{s},{c}\n" for n, s, c in ROWS), encoding="utf-8"
    )
    first = ["train", "yob.txt", *NUMBERS, *MLP, *chunks, "--max-iter", "1"]
    first += ["--hidden-layer-sizes", "4"]
    assert main([*first, "-o", "a.skops"]) == 0
    more = ["train", "yob.txt", *NUMBERS, *MLP, *chunks, "--max-iter", "2"]
    assert main([*more, "--resume", "a.skops", "-o", "b.skops"]) == 0
    model = load_model("b.skops")
    pipe = model.estimator_.estimator if hasattr(model, "estimator_") else model
    assert len(pipe["clf"].loss_curve_) == 2  # one epoch more
