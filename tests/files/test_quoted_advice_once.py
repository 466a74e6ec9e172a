"""Names in double quotes: one message on every path, whose advice works.

A one-column file a spreadsheet wrote (``"Anna"`` on each line), read one
name per line, keeps the quote marks. Before, the chunked path
(``train_from_file``, ``train --chunk-size``), ``train --resume``, ``score``
and ``classify`` gave a warning, then an error advising an alphabet, which
would learn the quotes. Now each says the quotes once, in one error, with what
reads the names without them in its own words; each test follows it.
"""

import warnings

import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_names

NAMES = ["asha", "ravi", "mary", "anna", "kiran", "meena", "arjun", "divya"] * 3
TINY = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--seed", "0"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quotes")
    quoted = folder / "quoted.txt"
    quoted.write_text("".join(f'"{name}"\n' for name in NAMES))
    plain = folder / "plain.txt"
    plain.write_text("".join(f"{name}\n" for name in NAMES))
    table = folder / "kids.csv"
    rows = "".join(f"{name},{'fm'[i % 2]}\n" for i, name in enumerate(NAMES))
    table.write_text("name,sex\n" + rows)
    model, labelled = folder / "m.skops", folder / "l.skops"
    assert main(["train", str(plain), *TINY, "-q", "-o", str(model)]) == 0
    argv = ["train", str(table), "--labels", "sex", *TINY, "-q"]
    assert main([*argv, "-o", str(labelled)]) == 0
    return folder, quoted, model, labelled


def test_train_from_file_says_the_quotes_once_and_its_advice_trains(files):
    quoted = files[1]
    pipe = make_default_pipeline().set_params(clf__max_iter=1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError) as error:
            train_from_file(quoted, pipe, chunk_size=5)
    assert not caught  # before: a warning, then the error
    message = str(error.value)
    assert "the names are in double quotes ('\"asha\"')" in message
    assert "pass header=None, names_column=0 to train_from_file" in message
    assert "alphabet" not in message.split("quotes removed")[1]
    fitted = train_from_file(quoted, pipe, chunk_size=5, header=None, names_column=0)
    assert '"' not in fitted["windows"].vocabulary_


def _one_error(capsys, argv):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sknextchar: error: "), err
    assert "--alphabet" not in err and " in double quotes (" in err
    return err


RESUME = ["--resume", "MODEL", "--max-iter", "2"]


@pytest.mark.parametrize(
    "how", [["--chunk-size", "5", *TINY], RESUME, [*RESUME, "--chunk-size", "5"]]
)
def test_train_says_the_quotes_once_and_its_advice_trains(files, capsys, how):
    folder, quoted, model, _ = files
    how = [str(model) if word == "MODEL" else word for word in how]
    argv = ["train", str(quoted), *how, "-o", str(folder / "new.skops")]
    err = _one_error(capsys, [*argv, "--force"])
    advice = "pass --no-header --names-column 1 (a table of one column)"
    assert advice in err
    assert main([*argv, "--force", "-q", "--no-header", "--names-column", "1"]) == 0


@pytest.mark.parametrize("command", ["score", "classify"])
def test_scoring_says_the_quotes_once_and_its_advice_reads_them(files, capsys, command):
    folder, quoted, model, labelled = files
    model = labelled if command == "classify" else model
    argv = [command, str(model), "--names-file"]
    err = _one_error(capsys, [*argv, str(quoted)])
    advice = 'add a header row, a first line "name", to --names-file and pass '
    assert advice + "--names-column name" in err
    headed = folder / "headed.txt"
    headed.write_text("name\n" + quoted.read_text())
    assert main([*argv, str(headed), "--names-column", "name"]) == 0
    assert '"' not in capsys.readouterr().out


def test_a_fitted_model_says_the_quotes_of_the_names_it_scores(files):
    quoted = files[1]
    pipe = make_default_pipeline().set_params(clf__max_iter=1).fit(NAMES)
    with pytest.raises(ValueError, match="the names are in double quotes") as error:
        pipe.score(quoted.read_text().split())
    message = str(error.value)
    assert (
        "pass the names without their double quotes (the lines of a file: " in message
    )
    assert "read it with sknextchar.datasets.load_names(path, header=None" in message
    names = load_names(quoted, header=None, names_column=0)
    assert names[:2] == ["asha", "ravi"] and pipe.score(names) < 0
    typed = ['"Mary"', '"anna"']  # names of no file: their quote marks removed
    with pytest.raises(ValueError, match="without their double quotes"):
        pipe.score(typed)
    assert pipe.score([name.strip('"') for name in typed]) < 0


@pytest.mark.parametrize("command", ["score", "classify"])
def test_names_typed_in_quotes_are_told_to_be_typed_without(files, capsys, command):
    # Before: "add a header row ... to --names-file", with no --names-file.
    folder, _, model, labelled = files
    model = labelled if command == "classify" else model
    err = _one_error(capsys, [command, str(model), '"Mary"', '"anna"'])
    assert "type the names without their double quotes ('\"Mary\"' keeps" in err
    assert "--names-file" not in err
    assert main([command, str(model), "Mary", "anna"]) == 0
    assert "Mary" in capsys.readouterr().out


def _first_warning_before(lines, results):
    """Whether the warning on quotes comes before the first of ``results``."""
    warned = next(i for i, line in enumerate(lines) if "double quotes" in line)
    first = next(i for i, line in enumerate(lines) if line.startswith(results))
    return warned < first


def test_the_quotes_warning_comes_before_rows_and_epochs(files, capfd):
    # Before: held to the end of the command, after every row or epoch.
    folder, quoted, _, _ = files
    auto = str(folder / "auto.skops")
    argv = ["train", str(quoted), "--alphabet", "auto", *TINY, "-q", "-o", auto]
    assert main(argv) == 0
    capfd.readouterr()
    assert main(["score", auto, "--names-file", str(quoted)]) == 0
    captured = capfd.readouterr()  # stdout, then stderr: the order of writing lost
    assert captured.err.count("double quotes") == 1
    argv = ["score", auto, "--names-file", str(quoted)]
    lines = _interleaved(argv)
    assert _first_warning_before(lines, "rank")
    argv = ["train", str(quoted), "--resume", auto, "--max-iter", "2"]
    lines = _interleaved([*argv, "-o", str(folder / "r.skops"), "--force"])
    assert _first_warning_before(lines, ("epoch ", "Continued "))


def _interleaved(argv):
    """The lines ``main(ARGV)`` writes, stdout and stderr in one stream as written.

    In this process: what is checked is the order in which the command writes,
    not the buffering of a terminal's process (a second Python process cost
    most of this file's time).
    """
    import contextlib
    import io

    both = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    with contextlib.redirect_stdout(both), contextlib.redirect_stderr(both):
        status = main(argv)
    both.seek(0)
    written = both.read()
    assert status == 0, written
    return written.splitlines()
