import hashlib
import os
import re
from importlib import resources
from pathlib import Path

import pytest

from sknextchar.datasets import INDIAN_NAMES_SHA256, load_indian_names, load_names

REPO = Path(__file__).resolve().parents[2]


def test_indian_names_count_charset_order():
    names = load_indian_names()
    assert len(names) == 15074
    assert all(re.fullmatch(r"[a-z]{4,10}", name) for name in names)
    assert names == sorted(set(names))


def test_indian_names_hash_of_installed_file():
    # The file the loader reads (wheel or editable install) is the canonical copy.
    data = resources.files("sknextchar.datasets").joinpath("data", "indian_names.txt")
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    assert digest == INDIAN_NAMES_SHA256


def test_indian_names_male_and_female():
    names = set(load_indian_names())
    # Spot checks from both source files of getindianname 1.0.7.
    assert {"abhishek", "rahul", "priya", "anjali"} <= names


@pytest.mark.skipif(not (REPO / "data").is_dir(), reason="source tree only")
def test_provenance_records_the_same_hash():
    readme = (REPO / "data" / "README.md").read_text()
    script = (REPO / "data" / "build_indian_names.py").read_text()
    assert INDIAN_NAMES_SHA256 in readme
    assert INDIAN_NAMES_SHA256 in script


def test_load_names_strips_and_skips_blank_lines(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("Asha\n\n  ravi \r\n\t\nzoya", encoding="utf-8")
    assert load_names(path) == ["Asha", "ravi", "zoya"]
    assert load_names(str(path)) == ["Asha", "ravi", "zoya"]


def test_load_names_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="No such file"):
        load_names(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError, match="is a directory"):
        load_names(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n")
    with pytest.raises(ValueError, match="contains no names"):
        load_names(empty)
    binary = tmp_path / "model.bin"
    binary.write_bytes(b"\x80\x81\xff\xfe")
    with pytest.raises(ValueError, match="not a utf-8 text file"):
        load_names(binary)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_unicode_byte_order_mark_selects_its_encoding(tmp_path, codec):
    from sknextchar._name_chunks import read_name_chunks

    path = tmp_path / "names.txt"
    bom = {"utf-16-be": "\ufeff"}.get(codec, "")  # "utf-16"/"utf-32" write their own
    path.write_bytes((bom + "Zoë\r\nअनु\r\n\r\nasha\r\n").encode(codec))
    assert load_names(path) == ["Zoë", "अनु", "asha"]
    assert list(read_name_chunks(path, 2)) == [["Zoë", "अनु"], ["asha"]]
    with pytest.raises(ValueError, match="not an ASCII text file"):  # the one given
        load_names(path, encoding="ascii")


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="needs /dev/fd (Linux)")
def test_names_from_a_pipe_are_read_once_and_whole():
    # A pipe cannot be read twice: a byte-order-mark check that reopened the
    # file lost its first block (4 KiB of names, a name cut in two).
    from sknextchar._name_chunks import read_name_chunks

    names = [f"name{'a' * (i % 7)}" for i in range(3000)]  # 30 KB, under a pipe's
    for read in (load_names, lambda path: sum(read_name_chunks(path, 1000), [])):
        fd_read, fd_write = os.pipe()
        os.write(fd_write, ("\n".join(names) + "\n").encode())
        os.close(fd_write)
        try:
            assert read(f"/dev/fd/{fd_read}") == names
        finally:
            os.close(fd_read)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_not_read_as_names():
    from sknextchar._name_chunks import read_name_chunks

    with pytest.raises(ValueError, match="is a device, not a file of names"):
        load_names("/dev/zero")  # it would be read until memory runs out
    with pytest.raises(ValueError, match="is a device, not a file of names"):
        next(read_name_chunks("/dev/zero", 10))
