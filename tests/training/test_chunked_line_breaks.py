"""Training in chunks splits a file's lines where ``load_names`` does.

``load_names`` splits a file of one name a line as ``str.splitlines`` does, so
``asha<U+2028>ravi`` is two names; the chunk reader read it as one name holding
the break (and a line of two 600-letter names as one of 1,201 characters, which
the fit then refused). Line numbers stay those of a text editor.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar._chunked import train_from_file
from sknextchar._name_chunks import read_name_chunks
from sknextchar.datasets import load_names


def _names_of_chunks(path, chunk_size):
    return [name for chunk in read_name_chunks(path, chunk_size) for name in chunk]


@pytest.mark.parametrize("brk", ["\u2028", "\u2029"])
@pytest.mark.parametrize("chunk_size", [1, 2, 100])
def test_chunks_split_the_lines_as_load_names_does(tmp_path, brk, chunk_size):
    path = tmp_path / "names.txt"
    text = f"asha{brk}ravi\nmeera\r\n{brk}uma{brk}\nzoe{brk}{brk}abid\rlila"
    path.write_text(text, encoding="utf-8", newline="")
    assert _names_of_chunks(path, chunk_size) == load_names(path)
    assert len(load_names(path)) == 7


def test_two_long_names_between_line_separators_are_two_names(tmp_path):
    path = tmp_path / "names.txt"
    first, second = "ra" * 300, "vi" * 300
    lines = [f"name{i}\n" for i in 30 * [0]]  # past the lines a table is told by
    path.write_text("".join(lines) + f"{first}\u2028{second}\nzoe\n", encoding="utf-8")
    names = _names_of_chunks(path, 7)
    assert names == load_names(path)
    assert names[-3:] == [first, second, "zoe"]
    assert max(map(len, names)) == 600


def test_a_line_after_line_separators_keeps_its_editor_number(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\u2028ravi\numa\u2028\u2028zoe\nmee\x01ra\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"Line 3 of ") as loaded:
        load_names(path)
    with pytest.raises(ValueError, match=r"Line 3 of ") as chunked:
        _names_of_chunks(path, 2)
    assert str(chunked.value) == str(loaded.value)


def test_training_from_a_file_with_line_separators_fits(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("asha\u2028ravi\nmeera\u2029uma\nzoe\n" * 10, encoding="utf-8")
    pipeline = make_pipeline(
        ContextWindowTransformer(), CharEmbeddingMLPClassifier(max_iter=1)
    )
    fitted = train_from_file(path, pipeline, chunk_size=4)
    assert "\u2028" not in fitted[0].vocabulary_
    assert set("ashravimeruzo") <= set(fitted[0].vocabulary_)
