"""One rule for ``-q``, for every command (:mod:`sknextchar.cli._quiet`).

Under ``-q`` a command prints its results, its warnings and its errors, no
informational line: each command is run on inputs that make it print notes
and reports, once without ``-q`` (they are there) and once with it (only
what the rule allows is left).
"""

import pytest

from sknextchar.cli import main

TINY = ["--max-iter", "2", "--hidden-layer-sizes", "8", "--seed", "0"]
NAMES = ["asha", "ravi", "mary", "anna", "kiran", "meena", "arjun", "divya"] * 3


def _run(capsys, argv):
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _allowed(err):
    """Every line of ``err`` is a warning or an error."""
    return all(
        line.startswith(("sknextchar: warning: ", "sknextchar: error: "))
        for line in err.splitlines()
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A table of names and labels (its column read with a note), a model
    trained on it with --labels and one without."""
    folder = tmp_path_factory.mktemp("quiet")
    table = folder / "kids.csv"
    rows = [f"{name},{'fm'[i % 2]}" for i, name in enumerate(NAMES)]
    table.write_text("name,sex\n" + "\n".join(rows) + "\n")
    plain, labelled = folder / "plain.skops", folder / "labelled.skops"
    assert main(["train", str(table), *TINY, "-q", "-o", str(plain)]) == 0
    argv = ["train", str(table), "--labels", "sex", *TINY, "-q"]
    assert main([*argv, "-o", str(labelled)]) == 0
    return folder, table, plain, labelled


def _training(files):
    folder, table, plain, _ = files
    out = ["-o", str(folder / "out.skops"), "--force"]
    return {
        "mlp": ["train", str(table), *TINY, *out],
        "kneser-ney": ["train", str(table), "--model", "kneser-ney", *out],
        "labels": ["train", str(table), "--labels", "sex", *TINY, *out],
        "chunks": ["train", str(table), "--chunk-size", "5", *TINY, *out],
        "resume": [
            "train",
            str(table),
            "--resume",
            str(plain),
            "--max-iter",
            "3",
            *out,
        ],
    }


@pytest.mark.parametrize("how", ["mlp", "kneser-ney", "labels", "chunks", "resume"])
def test_train_under_q_prints_nothing(files, capsys, how):
    argv = _training(files)[how]
    status, out, err = _run(capsys, argv)
    # a note on the table or the progress of training: informational
    assert status == 0 and "Saved the model to" in out and not _allowed(err)
    status, out, err = _run(capsys, [*argv, "-q"])
    assert (status, out, err) == (0, "", "")
    assert (files[0] / "out.skops").is_file()


def _using(files):
    folder, table, plain, labelled = files
    return {
        "sample": ["sample", str(plain), "-n", "3", "--seed", "0", "--exclude-file",
                   str(table)],
        "score": ["score", str(plain), "--names-file", str(table)],
        "classify": ["classify", str(labelled), "--names-file", str(table)],
    }  # fmt: skip


@pytest.mark.parametrize("command", ["sample", "score", "classify"])
def test_the_results_stay_and_the_notes_go(files, capsys, command):
    argv = _using(files)[command]
    status, out, err = _run(capsys, argv)
    assert status == 0 and err.startswith("Note: ") and out
    # score ranks each name once: the note on those given more than once
    # says which rows are not there, and stays (before: -q hid it)
    kept = [line for line in err.splitlines() if "given more than once" in line]
    assert bool(kept) == (command == "score")
    assert _run(capsys, [*argv, "-q"]) == (0, out, "".join(f"{k}\n" for k in kept))


def test_table_under_q_leaves_out_its_legend(files, capsys):
    argv = ["table", str(files[2]), "ab", "--top", "3"]
    status, out, err = _run(capsys, argv)
    rows, legend = out.splitlines()[:-1], out.splitlines()[-1]
    assert status == 0 and "is the end marker" in legend and not err
    assert _run(capsys, [*argv, "-q"]) == (0, "\n".join(rows) + "\n", "")


def test_plot_under_q_prints_nothing(files, capsys):
    pytest.importorskip("matplotlib")
    picture = files[0] / "loss.png"
    argv = ["plot", str(files[2]), "--loss", "-o", str(picture), "--force"]
    assert _run(capsys, argv)[1].startswith("Wrote ")
    assert _run(capsys, [*argv, "-q"]) == (0, "", "")
    assert picture.is_file()


def test_every_command_takes_q(files, capsys):
    """``-q`` is a flag of every command, with one help."""
    for command in ("train", "sample", "score", "classify", "table", "plot"):
        assert main([command, "--help"]) == 0
        words = " ".join(capsys.readouterr().out.split())
        help_words = "-q, --quiet print only the results, warnings, errors and"
        assert help_words in words


def test_warnings_and_errors_stay_under_q(files, capsys, tmp_path):
    quoted = tmp_path / "quoted.txt"
    quoted.write_text("".join(f'"{name}"\n' for name in NAMES))
    out = ["-o", str(tmp_path / "q.skops")]
    argv = ["train", str(quoted), "--alphabet", "auto", *TINY, "-q", *out]
    status, out, err = _run(capsys, argv)
    assert (status, out) == (0, "") and "warning: " in err and "double quotes" in err
    assert _allowed(err) and len(err.splitlines()) == 1
    status, out, err = _run(capsys, ["score", str(files[2]), "-q", "zoë"])
    assert (status, out) == (1, "") and _allowed(err) and "error: " in err


def _notes(err):
    return [line for line in err.splitlines() if line.startswith("Note: ")]


@pytest.mark.parametrize(
    "case, words",
    [
        ("titled", "starts with 'name', read as a name"),
        ("unnamed", "have no name"),
        ("headers", "as their header rows"),
    ],
)
def test_notes_on_what_was_read_stay_under_q(tmp_path, capsys, case, words):
    # A guess that changes what is trained stays, word for word: the first
    # line read as a name or as a header, rows left out. Before: -q hid them.
    titled = tmp_path / "titled.txt"
    titled.write_text("name\n" + "\n".join(NAMES) + "\n")
    unnamed = tmp_path / "unnamed.csv"
    rows = [f"{name},{'fm'[i % 2]}" for i, name in enumerate(NAMES)]
    unnamed.write_text("name,sex\n" + "\n".join([*rows, ",f", ",m"]) + "\n")
    labels = tmp_path / "labels.txt"
    labels.write_text("sex\n" + "".join(f"{'fm'[i % 2]}\n" for i in range(len(NAMES))))
    argv = {
        "titled": [str(titled)],
        "unnamed": [str(unnamed)],
        "headers": [str(titled), "--labels", str(labels)],
    }[case]
    argv = ["train", *argv, *TINY, "-o", str(tmp_path / "m.skops"), "--force"]
    status, _, err = _run(capsys, argv)
    assert status == 0
    notes = [note for note in _notes(err) if words in note]
    assert len(notes) == 1
    status, out, quiet = _run(capsys, [*argv, "-q"])
    assert (status, out) == (0, "")
    assert _notes(quiet) == notes
