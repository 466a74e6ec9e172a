"""Quoted lists in Python in one step, and inner quotes found in every chunk.

Before: ``load_names`` of a list under a header ``"name"`` (``"Asha"``...)
advised ``header=None, names_column=0``, which refuses that header row and
advises ``names_column='name'``: two steps where ``train`` takes one (the fit
and ``train_from_file`` advised the same refused reading).
``train_from_file`` and ``train --chunk-size`` named a quote mark inside a
quoted name (``"O""Neil"``) only among the names the message lists, or in the
first chunk that had one; the names read at once name every one.
"""

import ast
import re
import warnings

import pytest
from sklearn.pipeline import Pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    make_default_pipeline,
    train_from_file,
)
from sknextchar._shown_paths import shell_word
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._quoted_lines import QuotedLinesWarning

NAMES = ["Asha", "Bilal", "Chen", "Dana", "Esha", "Farid", "Gita", "Hari"]
INNER = ['"O""Neil"', '"Jo""Ann"']  # read as CSV: O"Neil, Jo"Ann
TINY = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--seed", "0", "-q"]


def _write(path, lines):
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


def _quoted(names):
    return [f'"{name}"' for name in names]


def _kn():
    windows = ("windows", ContextWindowTransformer())
    return Pipeline([windows, ("clf", KneserNeyClassifier())])


def _tiny():
    return make_default_pipeline().set_params(
        clf__max_iter=1, clf__hidden_layer_sizes=(8,)
    )


def _advised(message, reader):
    """The keyword arguments the message advises to pass to ``reader``."""
    found = re.search(rf"pass (names_column=('[^']*'|\"[^\"]*\")) to {reader}", message)
    assert found, message
    return {"names_column": ast.literal_eval(found[2])}


# A bare "First Name" (a space, out of quotes) lost the quotes advice: the
# fit counted it among the names, so they were not all in quotes.
@pytest.mark.parametrize("header", ['"name"', "name", '"First Name"', "First Name"])
def test_load_names_advises_the_header_and_its_advice_loads_the_names(tmp_path, header):
    path = _write(tmp_path / "kids.txt", [header, *_quoted(NAMES)])
    column = header.strip('"')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = load_names(path)
    quoted = [w.message for w in caught if w.category is QuotedLinesWarning]
    assert len(quoted) == 1
    assert str(quoted[0]).endswith(
        f"pass names_column={column!r} (a table of one column, its first line "
        f"its header {column!r})."
    )
    with pytest.raises(ValueError) as error:
        _kn().fit(names)
    message = str(error.value)
    assert "the names are in double quotes ('\"Asha\"')" in message
    assert "header=None" not in message
    advice = _advised(message, re.escape("sknextchar.datasets.load_names(path)"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # followed, it says nothing more
        assert load_names(path, **advice) == NAMES


@pytest.mark.parametrize("header", ['"name"', "First Name"])
def test_train_from_file_advises_the_header_and_its_advice_trains(tmp_path, header):
    path = _write(tmp_path / "kids.txt", [header, *_quoted(NAMES)])
    with pytest.raises(ValueError) as error:
        train_from_file(path, _tiny(), chunk_size=3)
    advice = _advised(str(error.value), "train_from_file")
    assert "header=None" not in str(error.value)
    assert "alphabet='auto'" not in str(error.value)
    fitted = train_from_file(path, _tiny(), chunk_size=3, **advice)
    assert set(fitted["windows"].vocabulary_) == set("-abcdefghijklmnopqrstuvwxyz")


def _inner_note(message):
    found = re.search(r"; read so, .*? as well", message)
    assert found, message
    return found[0]


@pytest.mark.parametrize("chunk_size", [1, 3, 100])
def test_train_from_file_finds_inner_quotes_in_every_chunk(tmp_path, chunk_size):
    # O"Neil is the 9th name, past the 5 the message lists; Jo"Ann the last.
    lines = [*_quoted(NAMES), INNER[0], '"Ivan"', INNER[1]]
    path = _write(tmp_path / "kids.txt", lines)
    with pytest.raises(ValueError) as at_once:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _kn().fit(load_names(path))
    with pytest.raises(ValueError) as in_chunks:
        train_from_file(path, _tiny(), chunk_size=chunk_size)
    note = _inner_note(str(at_once.value))
    assert note.startswith("; read so, 2 names still hold")
    assert _inner_note(str(in_chunks.value)) == note


@pytest.mark.parametrize("chunk", [[], ["--chunk-size", "2"]])
def test_train_in_chunks_names_every_inner_quote_as_at_once(tmp_path, capsys, chunk):
    # Before, with --chunk-size 2: only '"O""Neil"', of the first chunk.
    lines = [INNER[0], *_quoted(NAMES[:4]), INNER[1]]
    path = _write(tmp_path / "kids.txt", lines)
    assert main(["train", path, *chunk, *TINY, "-o", str(tmp_path / "m.joblib")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.rstrip().endswith(
        "read so, 2 names still hold a '\"' (a quote mark of the name itself, "
        'which a CSV file doubles), \'"O""Neil"\' is \'O"Neil\' and '
        '\'"Jo""Ann"\' is \'Jo"Ann\': take it out of the names as well.'
    )


@pytest.mark.parametrize("chunk", [[], ["--chunk-size", "2"]])
@pytest.mark.parametrize("header", ["name", "Kid's name"])
def test_train_says_the_header_in_its_flags_when_the_fit_refuses_more(
    tmp_path, capsys, chunk, header
):
    # "Zoë" keeps its ë once read as CSV: the fit's own error, whose advice
    # said --no-header --names-column 1, which refuses the header "name"; and
    # spelled "Kid's name" where the note above it says 'Kid'"'"'s name'.
    lines = [f'"{header}"', '"Zoë"', *_quoted(NAMES)]
    path = _write(tmp_path / "kids.txt", lines)
    # .joblib: refused before it is written, without loading skops
    assert main(["train", path, *chunk, *TINY, "-o", str(tmp_path / "m.joblib")]) == 1
    err = capsys.readouterr().err
    flag = f"--names-column {shell_word(header)}"
    assert (
        f"pass {flag} (a table of one column, its first line its header "
        f"{header!r}), which reads the names below it as fields of CSV" in err
    )
    assert err.count("--names-column ") == err.count(flag) == 2  # note, error
    assert "--no-header" not in err and "load_names" not in err
    assert "train_from_file" not in err and "names_column" not in err


def test_train_in_chunks_warns_of_the_header_in_its_flags(tmp_path, capsys):
    # An alphabet that takes '"': the warning, whose advice said --no-header.
    path = _write(tmp_path / "kids.txt", ['"name"', *_quoted(NAMES)])
    argv = ["train", path, "--chunk-size", "3", "--alphabet", "auto", *TINY]
    assert main([*argv, "-o", str(tmp_path / "m.joblib")]) == 0
    err = capsys.readouterr().err
    assert "pass --names-column name (a table of one column, its first line" in err
    assert "--no-header" not in err


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    """A labelled model, trained once for the tests that score with it."""
    folder = tmp_path_factory.mktemp("labelled")
    rows = "".join(f"{name.lower()},{'fm'[i % 2]}\n" for i, name in enumerate(NAMES))
    table = folder / "kids.csv"
    table.write_text("name,sex\n" + rows, encoding="utf-8")
    model = str(folder / "l.skops")
    argv = ["train", str(table), "--labels", "sex", "--model", "kneser-ney", "-q"]
    assert main([*argv, "-o", model]) == 0
    return model


# score reads --names-file as classify does: one command for each header.
@pytest.mark.parametrize(
    "command, header", [("score", "First Name"), ("classify", '"name"')]
)
def test_scoring_a_list_under_its_header_advises_the_header(
    tmp_path, capsys, labelled, command, header
):
    # Before: 'add a header row, a first line "name", ...' to a file that has
    # one; below a bare "First Name", no word of the quotes but --alphabet auto.
    path = _write(tmp_path / "kids.txt", [header, *_quoted(NAMES)])
    column = header.strip('"')
    label = ["--label", "f"] if command == "score" else []
    argv = [command, labelled, *label, "--names-file", path]
    assert main(argv) == 1
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("sknextchar: error: ")
    assert (
        f"pass --names-column {shell_word(column)} (a table of one column, its "
        f"first line its header {column!r})" in error
    )
    assert "add a header row" not in error and "load_names" not in error
    assert "--alphabet" not in error
    assert main([*argv, "--names-column", column]) == 0
    out, err = capsys.readouterr()
    assert '"' not in out and "double quotes" not in err


@pytest.mark.parametrize("header", ['"name"', "First Name"])
def test_python_scoring_a_list_under_its_header_advises_the_header(tmp_path, header):
    path = _write(tmp_path / "kids.txt", [header, *_quoted(NAMES)])
    pipe = _kn().fit([name.lower() for name in NAMES])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        names = load_names(path)
    with pytest.raises(ValueError) as error:
        pipe.score(names)
    message = str(error.value)
    assert "pass the names without their double quotes; the lines of a file" in message
    advice = _advised(message, re.escape("sknextchar.datasets.load_names(path)"))
    assert load_names(path, **advice) == NAMES
    assert pipe.score(load_names(path, **advice)) < 0


def test_a_quoted_title_is_still_told_to_be_deleted(tmp_path):
    # A title has digits, a header none: "Baby names 2024" is no header, and
    # the fit's error still says to delete it (the advice that reads each
    # line, not names_column).
    path = _write(tmp_path / "kids.txt", ['"Baby names 2024"', *_quoted(NAMES)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        names = load_names(path)
    with pytest.raises(ValueError) as error:
        _kn().fit(names)
    message = str(error.value)
    assert message.endswith(
        "; the first name, '\"Baby names 2024\"', reads as the list's title: "
        "delete it. Clean the names, or pass windows__handle_unknown='drop' to "
        "remove unknown characters."
    )  # the Pipeline's parameter, as pipe.set_params takes it
    assert "header=None, names_column=0" in message and "names_column='" not in message


@pytest.fixture(scope="module")
def sampler(tmp_path_factory):
    """A model of the names, trained once for the tests that sample with it."""
    folder = tmp_path_factory.mktemp("sampler")
    path = _write(folder / "kids.txt", [name.lower() for name in NAMES])
    model = str(folder / "m.skops")
    argv = ["train", path, "--model", "kneser-ney", "--order", "2", "-q"]
    assert main([*argv, "-o", model]) == 0
    return model


@pytest.mark.parametrize("header", ['"name"', "name"])
def test_sample_reads_an_exclude_files_header_as_train_does_and_says_so(
    tmp_path, capsys, sampler, header
):
    # As train: the header is read as a name, which a note says with the flag
    # that reads the names below it; followed, the names are left out and
    # nothing is said (no name counted twice, no header left out as a name).
    argv = ["sample", sampler, "-n", "20", "--seed", "0", "--unique"]
    assert main(argv) == 0
    drawn = capsys.readouterr().out.split()[:4]
    excluded = _write(tmp_path / "seen.txt", [header, *_quoted(drawn)])
    assert main([*argv, "--exclude-file", excluded]) == 0
    out, err = capsys.readouterr()
    assert not set(out.split()) & set(drawn)
    told, note = err.splitlines()
    assert told == (
        f"Note: '{excluded}' starts with '{header}', read as a name (only a .csv "
        "or .tsv file starts with a one-column header); if it is the header, pass "
        "--names-column name to read the names below it."
    )
    assert note.startswith("Note: read the ") and "as fields of CSV" in note
    assert main([*argv, "--exclude-file", excluded, "--names-column", "name"]) == 0
    out, err = capsys.readouterr()
    assert out.split() and not set(out.split()) & set(drawn) and err == ""
