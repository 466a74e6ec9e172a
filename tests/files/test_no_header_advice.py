"""The advice of ``sknextchar train`` for a table without a header row (the
US baby-name files, ``Emma,F,18688``), followed: ``--no-header`` and the
numbers of its columns train on the file as it is (it said to add a header
row, by hand, first)."""

import re

import pytest

from sknextchar.cli import build_parser, main
from sknextchar.cli._commands import training_names

ROWS = [("Emma", "F", 18688), ("Olivia", "F", 17921), ("Ava", "F", 14924)]
ROWS += [("Liam", "M", 19837), ("Noah", "M", 18267)]
KN = ["--model", "kneser-ney", "--context-length", "2", "-q", "--force"]


@pytest.fixture
def yob(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files
    path = tmp_path / "yob2018.txt"
    path.write_text("".join(f"{n},{s},{c}\n" for n, s, c in ROWS), encoding="utf-8")
    return str(path)


def advice(err):
    """The flags of the advice: --no-header's, and --labels' (among them when
    --labels was given, else offered after them), each once."""
    flags = re.search(r"counted from 1: (--no-header [^.(]*)", err)[1].split()
    offered = re.search(r"and (--labels \d+) to train by label", err)
    labels = offered[1] if offered else " ".join(flags[flags.index("--labels") :][:2])
    numbers = [f for i, f in enumerate(flags) if "--labels" not in flags[i - 1 : i + 1]]
    return numbers, labels


@pytest.mark.parametrize("flags", [[], ["--labels", "sex"], ["--labels", "2"]])
def test_the_advice_trains_the_ssa_file_by_label_with_counts(yob, capsys, flags):
    assert main(["train", yob, *flags, *KN, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    assert "add one" not in err and "Traceback" not in err
    numbers, labels = advice(err)
    assert numbers == ["--no-header", "--names-column", "1", "--counts", "3"]
    typed = flags == ["--labels", "2"]  # the message names what was typed, too
    assert labels == "--labels 2" and err.count("--labels 2") == 1 + typed, err
    argv = ["train", yob, *numbers, *labels.split(), "-o", "m.skops"]
    names, sexes, counts = training_names(build_parser().parse_args(argv))
    assert names == [n for n, _, _ in ROWS] and sexes == [s for _, s, _ in ROWS]
    assert counts.tolist() == [c for _, _, c in ROWS]
    assert main([*argv, *KN]) == 0


def test_the_advice_trains_the_ssa_file_in_chunks(yob, capsys):
    chunks = ["--chunk-size", "2", "--max-iter", "1", "--hidden-layer-sizes", "4"]
    chunks += ["--validation-fraction", "0", "-q"]
    assert main(["train", yob, *chunks, "-o", "m.skops"]) == 1
    numbers, _ = advice(capsys.readouterr().err)
    assert main(["train", yob, *numbers, *chunks, "-o", "m.skops"]) == 0
