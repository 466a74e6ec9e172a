"""Tables without a header row, read by column position: ``header=None`` in
Python (positions counted from 0), ``--no-header`` on the command line
(columns counted from 1). The US baby-name files (``yob2018.txt``: lines
``Emma,F,18688``, name, sex, count) were unusable without editing the file."""

import re

import numpy as np
import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar._name_chunks import chunk_reader, read_name_chunks
from sknextchar.cli import build_parser, main
from sknextchar.cli._commands import training_names
from sknextchar.datasets import load_names

ROWS = [
    ("Emma", "F", 18688),
    ("Olivia", "F", 17921),
    ("Ava", "F", 14924),
    ("Liam", "M", 19837),
    ("Noah", "M", 18267),
]
NAMES = [name for name, _, _ in ROWS]
COUNTS = [float(count) for _, _, count in ROWS]
MLP = ["--max-iter", "1", "--hidden-layer-sizes", "4", "--seed", "0", "-q"]
MLP += ["--validation-fraction", "0"]
KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files


@pytest.fixture
def yob(tmp_path):
    """An SSA baby-name file: no header row."""
    rows = "".join(f"{name},{sex},{count}\n" for name, sex, count in ROWS)
    return write(tmp_path / "yob2018.txt", rows)


@pytest.fixture
def headed(tmp_path, yob):
    """The same rows below a header row."""
    with open(yob, encoding="utf-8") as f:
        return write(tmp_path / "headed.csv", "name,sex,count\n" + f.read())


def _pipe():
    pipe = make_default_pipeline(random_state=0)
    return pipe.set_params(clf__max_iter=1, clf__hidden_layer_sizes=(4,))


# --------------------------------------------------------------------------- #
# Python
# --------------------------------------------------------------------------- #
def test_load_names_reads_the_ssa_file_by_position(yob, headed):
    names, counts = load_names(yob, header=None, names_column=0, counts_column=2)
    assert names == NAMES and counts.tolist() == COUNTS
    by_header = load_names(headed, names_column="name", counts_column="count")
    assert names == by_header[0] and np.array_equal(counts, by_header[1])
    assert load_names(yob, header=None, names_column=0) == NAMES
    assert load_names(yob, header=None, names_column=1) == ["F"] * 3 + ["M"] * 2


def test_the_first_row_is_a_name_and_lines_are_the_files(tmp_path):
    path = write(tmp_path / "y.txt", "Emma;F;3\n\nLiam;M;n/a\n")
    with pytest.raises(ValueError, match=r"^Line 3 of .*'n/a' in the 3rd column for"):
        load_names(path, header=None, names_column=0, counts_column=2)


def test_chunks_read_the_ssa_file_by_position(yob):
    chunks = list(chunk_reader(yob, 2, "utf-8", 0, 2, True)())
    assert [name for names, _ in chunks for name in names] == NAMES
    assert np.concatenate([w for _, w in chunks]).tolist() == COUNTS
    read = read_name_chunks(yob, 3, names_column=0, by_position=True)
    assert list(read) == [NAMES[:3], NAMES[3:]]


def test_train_from_file_by_position_is_training_by_header(yob, headed):
    by_position = train_from_file(
        yob, _pipe(), chunk_size=2, header=None, names_column=0, counts_column=2
    )
    by_header = train_from_file(
        headed, _pipe(), chunk_size=2, names_column="name", counts_column="count"
    )
    for ours, theirs in zip(by_position["clf"].coefs_, by_header["clf"].coefs_):
        np.testing.assert_array_equal(ours, theirs)


@pytest.mark.parametrize(
    ("given", "error", "said"),
    [
        ({"header": None}, ValueError, "pass names_column, the position of its"),
        ({"header": None, "names_column": 3}, ValueError, "names_column=3 is not a"
         " column of .*, whose first row 'Emma,F,18688' has 3 columns \\(counted "
         "from 0: 0 to 2\\)"),
        ({"header": None, "names_column": 0, "counts_column": 3}, ValueError,
         "counts_column=3 is not a column .* has 3 columns"),
        ({"header": None, "names_column": -1}, ValueError, "names_column=-1 is no"),
        ({"header": None, "names_column": True}, TypeError, "names_column=True is"),
        ({"header": None, "names_column": "name"}, TypeError,
         "a header names a column only without header=None"),
        ({"header": None, "names_column": 0, "counts_column": 0}, ValueError,
         "counts_column=0 is the column of names"),
        ({"header": "none", "names_column": 0}, ValueError, "header must be 'infer'"),
        ({"names_column": 0}, TypeError, "not its position; .* row of data .* "
         "header=None, names_column=0; or pass"),  # no counts_column: not asked
    ],
)  # fmt: skip
def test_positions_that_read_no_column_are_refused(yob, given, error, said):
    with pytest.raises(error, match=said):
        load_names(yob, **given)
    with pytest.raises(error, match=said):
        train_from_file(yob, _pipe(), chunk_size=2, **given)


@pytest.mark.parametrize(
    "given",
    [
        {"names_column": "name"},
        {"names_column": 0},
        {"names_column": "name", "counts_column": "count"},
    ],
)
def test_the_python_advice_reads_the_ssa_file(yob, given):
    # Followed literally, the advice reads what was asked for: the counts
    # only with a counts_column (else the names alone, as load_names returns).
    with pytest.raises((TypeError, ValueError)) as refused:
        load_names(yob, **given)
    advice = re.search(
        r"header=None, names_column=(\d+)(?:, counts_column=(\d+))?",
        str(refused.value),
    )
    assert (advice[2] is not None) == ("counts_column" in given)
    if advice[2] is None:
        assert load_names(yob, header=None, names_column=int(advice[1])) == NAMES
        return
    names, counts = load_names(
        yob, header=None, names_column=int(advice[1]), counts_column=int(advice[2])
    )
    assert names == NAMES and counts.tolist() == COUNTS


LABELS = [sex for _, sex, _ in ROWS]


@pytest.mark.parametrize("counts", [False, True])
def test_load_names_reads_labels_by_position_as_train_no_header_does(yob, counts):
    given = {"counts_column": 2} if counts else {}
    got = load_names(yob, header=None, names_column=0, labels_column=1, **given)
    numbers = ["--names-column", "1", "--labels", "2", *["--counts", "3"] * counts]
    cli = _names([yob, "--no-header", *numbers])
    assert got[:2] == (NAMES, LABELS) == tuple(cli[:2])
    assert len(got) == 2 + counts
    if counts:
        assert got[2].tolist() == COUNTS == cli[2].tolist()


@pytest.mark.parametrize(
    ("given", "error", "said"),
    [
        ({"labels_column": 0}, ValueError,
         r"labels_column=0 is the column of names \(names_column=0\)"),
        ({"labels_column": 1, "counts_column": 1}, ValueError,
         r"counts_column=1 is the column of labels \(labels_column=1\)"),
        ({"labels_column": 3}, ValueError,
         "labels_column=3 is not a column .* has 3 columns"),
        ({"labels_column": 1, "counts_column": 5}, ValueError,
         "counts_column=5 is not a column .* has 3 columns"),
        ({"labels_column": "sex"}, TypeError,
         "a header names a column only without header=None"),
    ],
)  # fmt: skip
def test_label_positions_that_read_no_column_are_refused(yob, given, error, said):
    with pytest.raises(error, match=said):
        load_names(yob, header=None, names_column=0, **given)


def test_a_name_without_its_label_is_refused_by_the_labels_place(tmp_path):
    path = write(tmp_path / "y.txt", "Emma,F\nLiam,\n")
    said = r"^Line 2 of .* 'Liam' but no label in its 2nd column \(labels_column=1\)"
    with pytest.raises(ValueError, match=said):
        load_names(path, header=None, names_column=0, labels_column=1)
    with pytest.raises(ValueError, match=said.replace("labels_column=1", "--labels 2")):
        _names([path, "--no-header", "--names-column", "1", "--labels", "2"])


@pytest.mark.parametrize(
    "given",
    [
        {"labels_column": "sex"},
        {"labels_column": 1},  # train --labels 2, as Python counts
        {"labels_column": "sex", "counts_column": "count"},
        {"labels_column": 2, "counts_column": 3},
    ],
)
def test_the_python_advice_reads_the_ssa_file_by_label(yob, given):
    # The labels of a file without a header row, refused by header: the
    # advice, followed literally, reads the names, labels (and counts).
    with pytest.raises((TypeError, ValueError)) as refused:
        load_names(yob, **given)
    advice = re.search(
        r"header=None, names_column=(\d+), labels_column=(\d+)"
        r"(?:, counts_column=(\d+))?\.$",
        str(refused.value),
    )
    assert (advice[3] is not None) == ("counts_column" in given)
    names = ("names_column", "labels_column", "counts_column")
    positions = zip(names, advice.groups())
    got = load_names(yob, header=None, **{k: int(v) for k, v in positions if v})
    assert got[:2] == (NAMES, LABELS)
    if advice[3] is not None:
        assert got[2].tolist() == COUNTS


# --------------------------------------------------------------------------- #
# The command line
# --------------------------------------------------------------------------- #
def _names(argv):
    return training_names(build_parser().parse_args(["train", *argv, "-o", "m.skops"]))


def test_cli_reads_the_ssa_file_by_label_with_counts(yob, headed):
    numbers = ["--names-column", "1", "--labels", "2", "--counts", "3"]
    names, labels, counts = _names([yob, "--no-header", *numbers])
    headers = ["--names-column", "name", "--labels", "sex", "--counts", "count"]
    by_header = _names([headed, *headers])
    assert names == NAMES == by_header[0] and labels == by_header[1]
    assert counts.tolist() == COUNTS == by_header[2].tolist()
    assert main(["train", yob, "--no-header", *numbers, *KN, "-o", "m.skops"]) == 0


def test_cli_trains_the_ssa_file_in_chunks_by_number(yob, headed, capsys):
    numbers = ["--no-header", "--names-column", "1", "--counts", "3"]
    chunks = ["--chunk-size", "2", *MLP]
    assert main(["train", yob, *numbers, *chunks, "-o", "a.skops"]) == 0
    headers = ["--names-column", "name", "--counts", "count"]
    assert main(["train", headed, *headers, *chunks, "-o", "b.skops"]) == 0
    from sknextchar import load_model

    ours, theirs = (load_model(f).estimator_.estimator for f in ("a.skops", "b.skops"))
    for a, b in zip(ours["clf"].coefs_, theirs["clf"].coefs_):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--no-header"], "pass --names-column N, the number of its column of names"),
        (["--no-header", "--names-column", "4"],
         "--names-column 4 is not a column of .* has 3 columns \\(counted from 1: "
         "1 to 3\\): pass the number of a column"),
        (["--no-header", "--names-column", "1", "--labels", "5"],
         "--labels 5 is not a column"),
        (["--no-header", "--names-column", "1", "--counts", "4", "--chunk-size",
          "2"], "--counts 4 is not a column of .* has 3 columns"),
        (["--no-header", "--names-column", "0"], "--names-column 0 is no column "
         "number: with --no-header, pass the number of a column, counted from 1"),
        (["--no-header", "--names-column", "-1"], "--names-column -1 is no column"),
        (["--no-header", "--names-column", "sex"],
         "a header names a column only without --no-header"),
        (["--no-header", "--names-column", "1", "--counts", "1"],
         "--names-column 1 and --counts 1 are the same column"),
    ],
)  # fmt: skip
def test_cli_numbers_that_read_no_column_are_refused(yob, capsys, flags, said):
    assert main(["train", yob, *flags, *MLP, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    assert re.search(said, err) and "Traceback" not in err


def test_cli_no_header_refuses_a_file_of_labels(yob, tmp_path, capsys):
    labels = write(tmp_path / "sexes.txt", "F\nF\nF\nM\nM\n")
    flags = ["--no-header", "--names-column", "1", "--labels", labels]
    assert main(["train", yob, *flags, *KN, "-o", "m.skops"]) == 1
    assert "pass --labels N, the number of its column" in capsys.readouterr().err


def test_cli_no_header_needs_names_file(capsys):
    assert main(["train", "--no-header", "-o", "m.skops"]) == 1
    assert "no NAMES_FILE was given" in capsys.readouterr().err


@pytest.mark.parametrize("flags", [["--names-column", "name"], ["--counts", "count"]])
def test_the_cli_advice_trains_the_ssa_file(yob, capsys, flags):
    assert main(["train", yob, *flags, *KN, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    advice = re.search(r"--no-header --names-column \d+ --counts \d+", err)[0]
    labels = re.search(r"and (--labels \d+) to train by label", err)[1]
    argv = ["train", yob, *advice.split(), *labels.split(), *KN, "-o", "m.skops"]
    assert main(argv) == 0
    names, labels, counts = _names([yob, *advice.split(), *labels.split()])
    assert (names, labels) == (NAMES, [sex for _, sex, _ in ROWS])
    assert counts.tolist() == COUNTS


@pytest.mark.parametrize("reader", ["load_names", "train_from_file"])
def test_the_warning_of_a_table_read_as_lines_gives_header_none(yob, reader):
    with pytest.warns(UserWarning, match="looks like a table") as caught:
        if reader == "load_names":
            load_names(yob)
        else:
            pipe = _pipe().set_params(windows__alphabet="auto")
            train_from_file(yob, pipe, chunk_size=2)
    said = str(caught[0].message)
    assert f"and {reader} reads one name per line" in said
    advice = re.search(r"header=None, names_column=(\d+)(, counts_column=(\d+))?", said)
    # load_names: the names alone, as asked (counts would change what it
    # returns); train_from_file: the counts too, which weigh its fit.
    assert (advice[2] is None) == (reader == "load_names")
    if advice[2] is None:
        assert load_names(yob, header=None, names_column=int(advice[1])) == NAMES
        return
    columns = {"names_column": int(advice[1]), "counts_column": int(advice[3])}
    names, counts = load_names(yob, header=None, **columns)
    assert names == NAMES and counts.tolist() == COUNTS


def test_a_header_row_read_by_position_is_refused(headed, tmp_path, capsys):
    with pytest.raises(ValueError, match="leave out header=None and pass names_co"):
        load_names(headed, header=None, names_column=0)
    argv = ["train", headed, "--no-header", "--names-column", "1", *KN]
    assert main([*argv, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    assert "leave out --no-header and pass --names-column name" in err
    # A first name "Name", with its count, is a row of data.
    path = write(tmp_path / "n.txt", "Name,F,5\nEmma,F,3\n")
    assert load_names(path, header=None, names_column=0) == ["Name", "Emma"]
