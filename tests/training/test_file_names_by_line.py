"""train_from_file names a refused name of the file by its line, as the CLI does
(it named it names[i], its place among the file's names, blank lines skipped)."""

import pickle

import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar._shown_paths import shown_path
from sknextchar._validation import RefusedNameError
from sknextchar._vocabulary_pass import UnknownSymbolsError
from sknextchar.cli import main

# A user's file: blank lines between the names (found in session 58).
GAPS = "asha\n\n\nravi\n\nzoë\n\nmeena\nkiran\njosé\n"


def _error(path, pipe=None, **params):
    pipe = make_default_pipeline(random_state=0) if pipe is None else pipe
    with pytest.raises(ValueError) as caught:
        train_from_file(path, pipe.set_params(clf__max_iter=1), **params)
    return caught.value


@pytest.mark.parametrize("chunk_size", [2, 1000])
def test_a_name_of_a_file_with_blank_lines_is_named_by_its_line(tmp_path, chunk_size):
    path = tmp_path / "gaps.txt"
    path.write_text(GAPS, encoding="utf-8")
    error = _error(path, chunk_size=chunk_size)
    where = shown_path(path)
    assert type(error) is UnknownSymbolsError
    assert f"in 'zoë' (line 6 of {where}), 'josé' (line 10 of {where})." in str(error)
    assert "names[" not in str(error)
    assert "pass windows__alphabet='auto'" in str(error)  # the pipeline's words
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is UnknownSymbolsError and str(copy) == str(error)


def test_the_command_line_names_the_same_lines(tmp_path, capsys):
    path = tmp_path / "gaps.txt"
    path.write_text(GAPS, encoding="utf-8")
    argv = ["train", str(path), "--chunk-size", "2", "-o", str(tmp_path / "m.skops")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    where = shown_path(path)
    assert f"in 'zoë' (line 6 of {where}), 'josé' (line 10 of {where})." in err
    assert not (tmp_path / "m.skops").exists()


@pytest.mark.parametrize("chunk_size", [None, "1000"])
def test_a_line_past_999_is_written_as_every_command_writes_it(
    tmp_path, capsys, chunk_size
):
    # Lines named by the first pass's errors are written as the command line's
    # places write them (line 1200, not 1,200), with --chunk-size or without.
    path = tmp_path / "far.txt"
    path.write_text("asha\n" * 1199 + "zoë\n", encoding="utf-8")
    argv = ["train", str(path), "--alphabet", "abcdefghijklmnopqrstuvwxyz"]
    argv += ["-o", str(tmp_path / "m.skops"), "--max-iter", "1"]
    argv += [] if chunk_size is None else ["--chunk-size", chunk_size]
    assert main(argv) == 1
    assert f"in 'zoë' (line 1200 of {shown_path(path)})." in capsys.readouterr().err
    pipe = make_default_pipeline(random_state=0)
    pipe.set_params(windows__alphabet="abcdefghijklmnopqrstuvwxyz")
    error = _error(path, pipe, chunk_size=100)
    assert f"in 'zoë' (line 1200 of {shown_path(path)})." in str(error)


def test_a_tables_names_are_named_by_their_lines(tmp_path):
    # A header row, a blank line and a name of count 0 above the one refused.
    path = tmp_path / "names.csv"
    path.write_text("name,count\nasha,1\n\numa,0\nzoë,2\nravi,1\n", encoding="utf-8")
    error = _error(path, chunk_size=2, names_column="name", counts_column="count")
    assert f"in 'zoë' (line 5 of {shown_path(path)})." in str(error)
    headless = tmp_path / "headless.csv"
    headless.write_text("asha,1\n\numa,0\nzoë,2\n", encoding="utf-8")
    error = _error(headless, header=None, names_column=0, counts_column=1)
    assert f"in 'zoë' (line 4 of {shown_path(headless)})." in str(error)


def test_names_that_share_a_line_and_a_long_name_are_named_by_their_lines(tmp_path):
    # U+2028 parts a line into two names; a CRLF file; a long name shown cut.
    long = "a" * 300 + "é"
    path = tmp_path / "names.txt"
    path.write_bytes(f"asha\r\n\r\n{long}\r\nravi\u2028zoë\r\numa\r\n".encode())
    message = str(_error(path, chunk_size=2))
    where = shown_path(path)
    assert f"'... (301 characters) (line 3 of {where}), 'zoë' (line 4 of {where})." in (
        message
    )


def test_names_left_empty_are_named_by_their_lines(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\n\nravi\n\n\u200b\numa\n", encoding="utf-8")
    message = str(_error(path, chunk_size=2))
    assert f": '\\u200b' (line 5 of {shown_path(path)}). Remove it." in message
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__handle_unknown="drop"
    )
    path.write_text("asha\n\nravi\n\nиван\n", encoding="utf-8")
    message = str(_error(path, pipe, chunk_size=2))
    where = shown_path(path)
    assert f"of the vocabulary: 'иван' (line 5 of {where})" in message


@pytest.mark.parametrize("count", [0, 1])
@pytest.mark.parametrize("chunk_size", [2, 1000])
def test_a_name_refused_alone_is_named_by_its_line(tmp_path, capsys, count, chunk_size):
    # A control character in a row (of count 0: checked, not learned): the
    # check of each name refuses it alone (RefusedNameError), which said names[2].
    path = tmp_path / "names.csv"
    path.write_text(f"name,count\nasha,1\n\numa,0\nra\x01vi,{count}\nzoe,2\n", "utf-8")
    error = _error(path, chunk_size=chunk_size, names_column="name",
                   counts_column="count")  # fmt: skip
    assert type(error) is RefusedNameError and error.position == 2
    where = shown_path(path)
    assert str(error).startswith(f"line 5 of {where} is 'ra\\x01vi', which holds")
    assert "names[" not in str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is RefusedNameError and str(copy) == str(error)
    argv = ["train", str(path), "--counts", "count", "--chunk-size", str(chunk_size)]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"sknextchar: error: {error}"
