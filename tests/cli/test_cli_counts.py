"""``sknextchar train NAMES_FILE --counts COLUMN``: a table of names with counts."""

import os
import re
import threading

import numpy as np
import pytest

from sknextchar import load_model
from sknextchar.cli import build_parser, main
from sknextchar.cli._commands import training_names
from tests._traced import tracing

KN = ["--model", "kneser-ney", "--context-length", "2"]
MLP = ["--max-iter", "2", "--hidden-layer-sizes", "8", "--seed", "0"]
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
    assert load_model("c.skops").estimator_.estimator["clf"].n_iter_ == 2
    assert "Traceback" not in capsys.readouterr().err


def test_counts_when_resuming_add_to_the_record(us):
    flags = [*MLP, "--validation-fraction", "0"]
    assert main(["train", us, "--counts", "count", *flags, "-o", "a.skops"]) == 0
    more = ["--counts", "count", "--resume", "a.skops", "--max-iter", "3"]
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
        (
            "Olivia,F,17728\n",
            [],
            "not a column of .*--no-header --names-column 1 --counts 3",
        ),
        ("name,count\nasha,3\n", ["--chunk-size", "1"], "'abc'"),
        ("asha\nravi\n", [], "--counts count is not a column"),
        # Counts beyond 2**53 (not kept exactly) broke the sampler's record
        # after training, or overflowed to a traceback; a separator is advised.
        (f"name,count\nasha,1{'0' * 20}\nravi,2\n", MLP, "'10{20}' .* more than 9,0"),
        (f"name,count\nasha,1{'0' * 400}\n", [], "'10{400}' .* more than 9,007,199"),
        ("name,count\nasha,9007199254740993\n", [], "'9007199254740993' .* more than"),
        ("name,count\nasha,1e3\n", [], "'1e3' .* written with the digits 0 to 9"),
        (
            f"name,count\nasha,5{'0' * 15}\nravi,5{'0' * 15}\n",
            MLP,
            "add up to 1e\\+16, more",
        ),
        ('name,count\nasha,"17,728"\n', [], "no thousands separators"),
        (
            f"name,count\nasha,1{'0' * 20}\n",
            ["--chunk-size", "1"],
            "'10{20}' .* more than",
        ),
    ],
)
def test_bad_counts_fail_in_one_line_and_write_nothing(
    tmp_path, capsys, text, extra, message
):
    if extra == ["--chunk-size", "1"] and "abc" in message:  # a bad cell far down
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


def test_counts_column_is_not_the_labels_nor_the_names(us, capsys):
    for flag in ("--labels", "--names-column"):
        args = ["train", us, "--counts", "count", flag, "Count", *KN, "-o", "m.skops"]
        assert main(args) == 1
        err = capsys.readouterr().err
        assert f"--counts count and {flag} Count name the same column" in err
        assert len(err.splitlines()) == 1, err


def test_the_note_offers_no_counts_column_as_labels(us, capsys):
    assert main(["train", us, "--counts", "count", *KN, "-o", "m.skops"]) == 0
    note = capsys.readouterr().err.splitlines()[0]
    assert note.endswith("as the names; to train by label, pass --labels sex."), note


@pytest.mark.parametrize(
    ("text", "flags", "message"),
    [
        # One name of count above 0: too few to hold some out.
        ("name,count\nasha,3\nravi,0\numa,0\n", MLP, "(Names of count 0 (--counts)"),
        # Counts of count models above what they count exactly.
        (
            f"name,count\nasha,1{'0' * 15}\nravi,1{'0' * 15}\n",
            KN,
            "The counts (--counts) bring",
        ),
    ],
)
def test_model_errors_about_counts_speak_of_counts(
    tmp_path, capsys, text, flags, message
):
    path = write(tmp_path / "n.csv", text)
    assert main(["train", path, "--counts", "count", *flags, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err.splitlines()[-1]
    assert message in err and "sample_weight" not in err, err


@pytest.mark.slow
@pytest.mark.parametrize("labels", [[], ["--labels", "sex"]])
def test_counts_are_read_with_the_names_and_keep_no_cell(tmp_path, labels):
    # The counts were read by a second reader (the whole file again, its own
    # guess of the delimiter, cells matched to names by line): now each count
    # is read on its name's row of the names' own table, kept as a float.
    n = 20_000
    rows = "".join(f"asha,{'FM'[i % 2]},{i % 977}\n" for i in range(n))
    path = write(tmp_path / "n.csv", "name,sex,count\n" + rows)

    def parsed(*flags):
        argv = ["train", path, *labels, *flags, *KN, "-o", "m.skops"]
        return build_parser().parse_args(argv)

    def peak(*flags):
        args = parsed(*flags)
        with tracing() as traced:
            read = training_names(args)
        return read, traced.peak

    training_names(parsed())  # the imports of the first reading (not traced)
    (names, _, weights), counted = peak("--counts", "count")
    (_, _, none), plain = peak()
    assert none is None and len(names) == n
    assert weights.tolist() == [i % 977 for i in range(n)]
    assert counted - plain < 16 * n, (counted - plain) / n  # 8 bytes a count


@pytest.mark.parametrize("flags", [KN, MLP])
def test_names_of_count_0_take_no_place_among_the_held_out(tmp_path, capsys, flags):
    # 10 names of count 2 and 10 of count 0: a tenth held out is 1 name, as the
    # MLP's report said it trained on 20 - 2 and the count model held out 2
    # names drawn among all 20 (so a held-out name of count 0 took a place,
    # or left "none" as the held-out NLL of the example in the docs).
    rows = "".join(
        f"{a}{b}ya,{2 if b < 'f' else 0}\n" for a in "bc" for b in "abcdefghij"
    )
    path = write(tmp_path / "n.csv", "name,count\n" + rows)
    assert main(["train", path, "--counts", "count", *flags, "-o", "m.skops"]) == 0
    out = capsys.readouterr().out
    assert "on 1 held-out name " in out, out
    if flags is MLP:
        assert "Trained on 9 names for " in out, out
    else:
        assert "of 20 names (20 with their counts; 10 of count 0, left out)" in out


@pytest.mark.parametrize("labels", [[], ["--labels", "sex"]])
def test_counts_of_a_pipe_read_once(us, tmp_path, capsys, labels):
    # The counts were read by a reader of their own, the whole file first:
    # a pipe (/dev/stdin, <(...)) was then empty for the names ("'/dev/stdin'
    # contains no names; expected one name per line.").
    fifo = str(tmp_path / "us.fifo")
    os.mkfifo(fifo)
    text = open(us, encoding="utf-8").read()

    done = threading.Event()

    def feed():  # the text, then an empty pipe for each reader after the first
        data = text
        while not done.is_set():
            with open(fifo, "w", encoding="utf-8") as pipe:
                pipe.write(data)
            data = ""

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    args = ["train", fifo, "--counts", "count", *labels, *KN, "-o", "m.skops"]
    try:
        assert main(args) == 0, capsys.readouterr().err
    finally:
        done.set()
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # frees the writer
        writer.join(5)
    assert load_model("m.skops").training_length_counts_[6] == 5  # Olivia


def test_counts_naming_the_names_column_says_so(tmp_path, capsys):
    path = tmp_path / "nc.csv"
    path.write_text("name,count\nasha,3\nravi,1\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    status = main(["train", str(path), "--counts", "name", "--model", "kneser-ney",
                   "-o", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert status != 0 and not out.exists()
    assert "--counts name is the column of the names of" in err
    assert "Traceback" not in err


def test_one_name_with_its_count_is_told_in_the_singular(tmp_path, capsys):
    # Before: "Counted the ... n-grams ... of 1 names (3 with their counts)".
    path = write(tmp_path / "one.csv", "anna,3\n")
    argv = ["train", path, "--no-header", "--names-column", "1", "--counts", "2"]
    argv += ["--model", "kneser-ney", "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 0
    assert " of 1 name (3 with their counts) in " in capsys.readouterr().out
