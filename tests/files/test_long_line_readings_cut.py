"""A message that shows how a code page reads a line shows the start of a long
line, not all of it (a row of a table may have a million characters)."""

import pytest

from sknextchar.datasets import load_names

SERBIAN = "Љиљана "  # Љ is 0x8A in cp1251: a C1 control character read as latin-1


@pytest.mark.parametrize("repeat", [1, 20_000])
def test_undecodable_line_after_utf8_shows_its_start(tmp_path, repeat):
    path = tmp_path / "names.txt"
    path.write_bytes("Zoë\n".encode() + b"Jos\xe9 " * repeat + b"\n")
    with pytest.raises(ValueError, match="in latin-1 it reads 'José") as error:
        load_names(path)
    assert len(str(error.value)) < 600


@pytest.mark.parametrize("repeat", [1, 20_000])
def test_code_page_converted_as_latin1_shows_the_line_start(tmp_path, repeat):
    path = tmp_path / "names.txt"
    line = (SERBIAN * repeat).strip().encode("cp1251").decode("latin-1")
    path.write_text(f"Ana\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="text of cp1251 .*'Љиљана") as error:
        load_names(path)
    assert len(str(error.value)) < 600
