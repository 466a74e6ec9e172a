"""A file that holds no names (empty, blank lines, only a Ctrl-Z end mark, a
table's header only) is refused alike by ``load_names`` and by the chunk
reader of ``train_from_file`` / ``train --chunk-size``, with the same message."""

import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar._name_chunks import read_name_chunks
from sknextchar.cli import main
from sknextchar.datasets import load_names

EMPTY = [("", None), ("\n \n\t\n", None), ("\x1a", None), ("name,count\n", "name")]


def _refusal(read):
    with pytest.raises(ValueError, match="contains no names") as caught:
        read()
    return str(caught.value)


@pytest.mark.parametrize("text, names_column", EMPTY)
def test_the_chunk_reader_refuses_a_file_without_names_as_load_names(
    tmp_path, text, names_column
):
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode())
    whole = _refusal(lambda: load_names(path, names_column=names_column))
    chunks = _refusal(
        lambda: list(read_name_chunks(path, 2, names_column=names_column))
    )
    assert chunks == whole
    trained = make_default_pipeline()
    msg = _refusal(lambda: train_from_file(path, trained, names_column=names_column))
    assert msg == whole
    assert not hasattr(trained[-1], "coefs_")  # left unfitted


def test_a_later_pass_over_an_emptied_file_yields_no_chunk(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n")
    assert list(read_name_chunks(path, 2, warn_comments=False)) == []


def test_the_command_line_refuses_an_empty_file_in_chunks(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_bytes(b"\x1a")
    argv = ["train", str(path), "--chunk-size", "2", "-o", str(tmp_path / "m")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "contains no names; expected one name per line" in err
    assert "Traceback" not in err and not (tmp_path / "m").exists()
