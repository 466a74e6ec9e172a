"""A new user's first hour at the command line: what a table ranks, a file that
cannot be read, and a request of distinct names that greedy decoding refuses."""

import builtins
import errno
import os

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names
from tests._command_runs import run

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
MLP = ["--max-iter", "1", "--hidden-layer-sizes", "4", "--seed", "0", "-q"]


@pytest.fixture(scope="module")
def names_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "names.txt"
    path.write_text("\n".join(load_indian_names()[::15]) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, names_file):
    path = tmp_path_factory.mktemp("model") / "model.skops"
    assert main(["train", names_file, *KN, "-o", str(path)]) == 0
    return str(path)


def assert_one_line_error(status, err, *fragments):
    assert status == 1
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("sknextchar: error: "), err
    for fragment in fragments:
        assert fragment in err, err


def table_rows(out):
    """The rows of ``sknextchar table``: (character, probabilities)."""
    lines = out.splitlines()[2:-1]  # no title, header or end-marker note
    return [(line.split()[0], [float(p) for p in line.split()[1:]]) for line in lines]


# --------------------------------------------------------------------------- #
# table: rows ranked by the model's own probabilities
# --------------------------------------------------------------------------- #
def test_table_ranks_rows_by_temperature_one_whatever_is_shown(model_file, capsys):
    status, out, _ = run(capsys, "table", model_file, "abi", "--temperatures", "1")
    assert status == 0
    by_model = table_rows(out)
    # Greedy decoding gives all but one character 0: the rest still come in
    # the model's order, not the vocabulary's.
    status, out, _ = run(
        capsys, "table", model_file, "abi", "--temperatures", "0", "1", "--top", "5"
    )
    assert status == 0
    rows = table_rows(out)
    assert [c for c, _ in rows] == [c for c, _ in by_model[:5]]
    assert sum(p[0] == 0 for _, p in rows) == 4  # the case where it mattered
    assert [p[1] for _, p in rows] == sorted((p[1] for _, p in rows), reverse=True)


# --------------------------------------------------------------------------- #
# A file the operating system refuses to open
# --------------------------------------------------------------------------- #
@pytest.fixture
def refused(monkeypatch, tmp_path):
    """A file whose opening is refused, as for a file of mode 000 (tests run as
    root, whom no mode stops)."""
    path = tmp_path / "x.txt"
    path.write_text("anna\nbela\n", encoding="utf-8")
    opener = builtins.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return opener(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    return str(path)


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "{x}", *KN, "-o", "{out}"],
        ["train", "{x}", *MLP, "--chunk-size", "10", "-o", "{out}"],
        ["sample", "{model}", "--exclude-file", "{x}"],
        ["sample", "{x}"],
    ],
    ids=["train", "train-chunk-size", "sample-exclude-file", "sample-model"],
)
def test_unreadable_file_is_named_with_what_to_do(
    argv, refused, model_file, tmp_path, capsys
):
    out = str(tmp_path / "m.skops")
    argv = [a.format(x=refused, model=model_file, out=out) for a in argv]
    status, _, err = run(capsys, *argv)
    assert_one_line_error(
        status, err, f"cannot read {refused!r}: Permission denied", "permissions"
    )
    assert "copy it somewhere readable" in err
    assert "[Errno" not in err


def _refuse_stat(monkeypatch, path):
    """os.stat refuses ``path`` as in a folder of another user's (tests run as
    root, whom no folder mode stops)."""
    stat = os.stat

    def refusing_stat(file, *args, **kwargs):
        if os.fspath(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return stat(file, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)


def test_a_file_in_a_folder_that_cannot_be_searched_is_not_called_missing(
    monkeypatch, tmp_path, capsys
):
    path = str(tmp_path / "locked" / "x.txt")
    _refuse_stat(monkeypatch, path)
    status, _, err = run(capsys, "train", path, *KN, "-o", str(tmp_path / "m.skops"))
    assert_one_line_error(status, err, f"cannot read {path!r}: Permission denied")
    assert "No such file" not in err


def test_an_output_in_a_folder_that_cannot_be_entered_is_no_unreadable_file(
    monkeypatch, tmp_path, capsys
):
    # The output file does not exist yet: "cannot read ... copy it" was wrong.
    names = tmp_path / "n.txt"
    names.write_text("anna\nasha\nravi\nsita\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    target = str(tmp_path / "locked" / "m.skops")
    _refuse_stat(monkeypatch, target)
    status, _, err = run(capsys, "train", str(names), *KN, "-o", target)
    assert_one_line_error(
        status, err, f"Cannot save to {target!r}", "cannot be entered"
    )
    assert "cannot read" not in err and "copy it" not in err


# --------------------------------------------------------------------------- #
# --unique at temperature 0
# --------------------------------------------------------------------------- #
def test_unique_at_temperature_zero_names_only_what_matters(model_file, capsys):
    status, _, err = run(
        capsys, "sample", model_file, "-n", "3", "--temperature", "0", "--unique"
    )
    assert_one_line_error(
        status, err, "--unique asks for 3", "at --temperature 0", "-n 1"
    )
    assert "--top-k" not in err and "prefix over" not in err
    assert "--max-length" not in err  # the lengths do not matter either
    # Python's own words, in Python's spelling.
    greedy = load_model(model_file).set_params(temperature=0)
    with pytest.raises(ValueError, match="unique=True asks for 3") as info:
        greedy.sample(3, unique=True)
    assert "temperature=0" in str(info.value) and "n_samples=1" in str(info.value)
    assert "top_k" not in str(info.value)


def test_unique_beyond_the_lengths_names_a_prefix_only_when_given(model_file, capsys):
    argv = ["sample", model_file, "-n", "1000", "--unique", "--max-length", "2"]
    status, _, err = run(capsys, *argv)
    assert_one_line_error(status, err, "--max-length 2", "letters to choose from")
    assert "--top-k" not in err and "prefix" not in err
    # It said "with --min-length 2, --max-length 2", a --min-length not given.
    # The default, the shortest training name, capped at --max-length 2.
    assert "--max-length 2, --min-length left at its default, 2 (" in err, err
    more = ["--prefix", "a", "--top-k", "2", "--min-length", "2"]
    status, _, err = run(capsys, *argv, *more)
    assert_one_line_error(
        status, err, "at most 2 can be generated", "--top-k 2", "a prefix of 1 letter"
    )
    assert "--min-length 2, --max-length 2, --top-k 2 (" in err, err


def test_a_labels_column_typed_in_another_case_is_read(tmp_path, capsys):
    # The names and counts columns are found with case ignored; the labels
    # column was matched exactly (session 32: as they are, when only one fits).
    table = tmp_path / "g.csv"
    table.write_text("name,Gender\nasha,F\nravi,M\nsita,F\nmira,F\n", encoding="utf-8")
    out = str(tmp_path / "g.skops")
    status, _, err = run(
        capsys, "train", str(table), "--labels", "gender", *KN, "-o", out
    )
    assert status == 0, err
    status, _, err = run(capsys, "train", str(table), "--labels", "sex", *KN, "-o", out)
    assert_one_line_error(status, err, "is neither a file nor a column")
    # A usual title of labels: the one column that reads as labels is offered.
    assert "(did you mean --labels Gender?)" in err and "--labels name" not in err
