"""A file that is no file of names is refused from its first megabyte.

A sparse file of a gigabyte (``truncate -s 1G``) was read whole, then failed
"out of memory"; a file of NUL bytes got the right message only after being
read whole. And ``sample --exclude-file`` accepted a "name" of millions of
characters that ``train`` and ``score`` refuse.
"""

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests._traced import tracing

SIZE = 64 * 2**20  # sparse: no disk used


@pytest.fixture
def sparse(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as file:
        file.truncate(SIZE)
    return str(path)


def test_load_names_refuses_a_sparse_file_from_its_start(sparse):
    with tracing() as traced, pytest.raises(ValueError, match=r"holds NUL chara"):
        load_names(sparse)
    assert traced.peak < SIZE // 8  # the first megabyte, not 64


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "10"]])
def test_train_refuses_a_sparse_file_from_its_start(sparse, tmp_path, capsys, chunks):
    argv = ["train", sparse, "-o", str(tmp_path / "m.skops"), "-q", *chunks]
    main(argv)  # the command's modules imported, not measured
    with tracing() as traced:
        main(argv)
    err = capsys.readouterr().err
    assert "holds NUL characters (line 1)" in err, err
    assert traced.peak < SIZE // 8


def test_sample_refuses_an_exclude_file_train_would_refuse(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\nmeena\nanil\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    assert main(["train", str(names), "-o", model, "--model", "kneser-ney", "-q"]) == 0
    long = tmp_path / "long.txt"
    long.write_text("asha\n" + "ravi, " * 400 + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["sample", model, "--exclude-file", str(long), "-n", "2"]) == 1
    err = capsys.readouterr().err
    assert "holds a name of 2,399 characters" in err, err
    assert main(["train", str(long), "-o", str(tmp_path / "l.skops"), "-q"]) == 1
    assert "holds a name of 2,399 characters" in capsys.readouterr().err
