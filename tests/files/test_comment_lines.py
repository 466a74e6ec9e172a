"""A file of names whose lines include a comment or a title ('# my names').

Each line is a name as it is (no line is skipped by a guess), so a line that
starts with '#' is read as a name; no name starts with '#', so the readers
warn once, naming the line, and the user deletes it. With a learned alphabet,
``train`` trained "# my names" as a name, silently.
"""

import warnings

import pytest

from sknextchar._name_chunks import read_name_chunks
from sknextchar.cli import main
from sknextchar.datasets import load_names

NAMES = ["asha", "ravi", "meena", "john", "zoe"]
WARNING = r"has a line that starts with '#', '# my names', read as a name"


@pytest.fixture
def commented(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(["# my names", *NAMES]) + "\n", encoding="utf-8")
    return path


def test_load_names_warns_and_reads_the_line_as_it_is(commented):
    with pytest.warns(UserWarning, match=WARNING) as caught:
        names = load_names(commented)
    assert names == ["# my names", *NAMES] and len(caught) == 1


def test_the_chunks_warn_once_for_the_whole_file(tmp_path):
    path = tmp_path / "names.txt"
    lines = ["# girls", *NAMES[:3], "  # boys", *NAMES[3:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The first chunk cannot count the file's lines: it names the first one.
    match = r"has lines that start with '#' \(the first: '# girls'\), read as names"
    with pytest.warns(UserWarning, match=match) as caught:
        chunks = list(read_name_chunks(path, 2))
    assert sum(chunks, []) == [line.strip() for line in lines] and len(caught) == 1
    with pytest.warns(UserWarning, match=r"2 lines .* \(the first: '# girls'\)"):
        load_names(path)


def test_train_with_a_learned_alphabet_says_so(commented, tmp_path, capsys):
    model = tmp_path / "m.skops"
    argv = ["train", str(commented), "--alphabet", "auto", "--model", "kneser-ney"]
    assert main([*argv, "-q", "-o", str(model)]) == 0
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and "'# my names', read as a name" in err
    assert "delete it" in err


def test_a_hash_inside_a_name_is_no_comment(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\nc#\nravi\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(path) == ["asha", "c#", "ravi"]
        assert sum(read_name_chunks(path, 2), []) == ["asha", "c#", "ravi"]


def test_train_in_chunks_warns_once_not_once_a_pass(commented, tmp_path, capsys):
    model = tmp_path / "m.skops"
    argv = ["train", str(commented), "--alphabet", "auto", "--chunk-size", "2"]
    assert main([*argv, "--max-iter", "3", "-q", "-o", str(model)]) == 0
    assert capsys.readouterr().err.count("(the first: '# my names'), read as") == 1


def test_train_with_a_file_of_labels_warns_once(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("# girls\nasha\nmeena\n#boys\nravi\njohn\n", encoding="utf-8")
    labels = tmp_path / "labels.txt"
    labels.write_text("f\nf\nf\nm\nm\nm\n", encoding="utf-8")
    argv = ["train", str(names), "--labels", str(labels), "--alphabet", "auto"]
    model = tmp_path / "m.skops"
    assert main([*argv, "--model", "kneser-ney", "-q", "-o", str(model)]) == 0
    err = capsys.readouterr().err
    assert err.count("warning:") == 1
    assert "2 lines that start with '#' (the first: '# girls'), read as names" in err
