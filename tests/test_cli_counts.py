"""``sknextchar train NAMES_FILE --counts COLUMN``: a table of names with counts."""

import re

import numpy as np
import pytest

from sknextchar import load_model
from sknextchar.cli import main

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
MLP = ["--max-iter", "2", "--hidden-layer-sizes", "8", "--seed", "0", "-q"]
ROWS = [("Olivia", "F", 5), ("Liam", "M", 3), ("Emma", "F", 2), ("Noah", "M", 1)]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files


@pytest.fixture
def us(tmp_path):
    """The US baby-name layout, with a header row."""
    lines = "".join(f"{name},{sex},{count}\n" for name, sex, count in ROWS)
    return write(tmp_path / "us.csv", "name,sex,count\n" + lines)


def test_counts_train_the_model_of_the_repeated_names(us, tmp_path):
    lines = "".join(f"{name}\n" * count for name, _, count in ROWS)
    plain = write(tmp_path / "plain.txt", lines)
    flags = [*KN, "--validation-fraction", "0"]
    assert main(["train", us, "--counts", "count", *flags, "-o", "c.skops"]) == 0
    assert main(["train", plain, *flags, "-o", "p.skops"]) == 0
    counted, repeated = load_model("c.skops"), load_model("p.skops")
    np.testing.assert_array_equal(
        counted.training_length_counts_, repeated.training_length_counts_
    )
    kwargs = {"n_samples": 20, "random_state": 0}
    assert counted.sample(**kwargs) == repeated.sample(**kwargs)


def test_counts_with_labels_and_a_count_model(us, capsys):
    args = ["train", us, "--counts", "count", "--labels", "sex", *KN, "-o", "m.skops"]
    assert main(args) == 0
    assert "one count model per label ('F', 'M')" in capsys.readouterr().out
    sampler = load_model("m.skops")
    by_label = sampler.training_length_counts_by_label_
    assert by_label[:, 4].tolist() == [2, 4]  # Emma; Liam and Noah
    assert by_label[:, 6].tolist() == [5, 0]  # Olivia


def test_counts_with_the_mlp_in_memory_and_in_chunks(us, capsys):
    assert main(["train", us, "--counts", "count", *MLP, "-o", "m.skops"]) == 0
    assert load_model("m.skops").training_length_counts_[6] == 5
    chunked = ["--chunk-size", "2", "--validation-fraction", "0"]
    args = ["train", us, "--counts", "count", *MLP, *chunked, "-o", "c.skops"]
    assert main(args) == 0
    assert load_model("c.skops")["clf"].n_iter_ == 2
    assert "Traceback" not in capsys.readouterr().err


def test_counts_when_resuming_add_to_the_record(us):
    flags = [*MLP, "--validation-fraction", "0"]
    assert main(["train", us, "--counts", "count", *flags, "-o", "a.skops"]) == 0
    more = ["--counts", "count", "--resume", "a.skops", "--max-iter", "3", "-q"]
    assert main(["train", us, *more, "-o", "b.skops"]) == 0
    assert load_model("b.skops").training_length_counts_[6] == 10  # Olivia twice


@pytest.mark.parametrize(
    ("text", "extra", "message"),
    [
        ("name,count\nasha,3\nravi,abc\n", [], "Line 3 of .* 'abc' in the column"),
        ("name,count\nasha,3\nravi,\n", [], "Line 3 of .* nothing in the column"),
        ("name,count\nasha,-1\n", [], "Line 2 of .* '-1' in the column 'count'"),
        ("name,count\nasha,nan\n", [], "Line 2 of .* 'nan' in the column"),
        ("name,count\nasha,2.5\n", KN, "Line 2 of .*--model kneser-ney counts"),
        ("name,count\nasha,0\n", [], "Every name of .* has the count 0"),
        ("Olivia,F,17728\n", [], "not a column of .*add a first line"),
        ("name,count\nasha,3\n", ["--chunk-size", "1"], "'abc'"),
        ("asha\nravi\n", [], "--counts 'count' is not a column"),
    ],
)
def test_bad_counts_fail_in_one_line_and_write_nothing(
    tmp_path, capsys, text, extra, message
):
    if extra == ["--chunk-size", "1"]:  # a bad cell far down, met in the first pass
        text += "ravi,1\n" * 5 + "uma,abc\n"
        extra = [*extra, "--validation-fraction", "0"]
        message = "Line 8 of .* 'abc' in the column 'count' for the name 'uma'"
    path = write(tmp_path / "n.csv", text)
    out = tmp_path / "out.skops"
    assert main(["train", path, "--counts", "count", *extra, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if not line.startswith("Note: ")]
    assert "Traceback" not in err and len(errors) == 1, err
    assert re.search(message, errors[0]), err
    assert not out.exists()


def test_counts_need_a_names_file(capsys):
    assert main(["train", "--counts", "count", "-o", "m.skops"]) == 1
    assert "the bundled names have none: pass NAMES_FILE" in capsys.readouterr().err


def test_help_shows_the_flag(capsys):
    assert main(["train", "--help"]) == 0
    assert "--counts COLUMN" in capsys.readouterr().out
