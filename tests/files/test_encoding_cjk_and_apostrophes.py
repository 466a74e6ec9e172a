"""Names that the encoding checks took for misread text: a Chinese or Korean
name in UTF-16 whose bytes hold a line break (U+840D, ``萍``) or whose
characters end in a zero byte (U+4E00, ``一``), and Dutch names with an
apostrophe that starts a word (``’t Hooft``) in cp1252."""

import itertools
import random
import warnings

import pytest

from sknextchar.datasets import load_names
from tests.files.test_encoding_advice import both_readers, refused, run, write

TINY = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--embedding-dim", "2"]


def _random_names(seed, count):
    """Names of 2 to 4 Chinese characters or Hangul syllables."""
    rng = random.Random(seed)
    blocks = [(0x4E00, 0x9FFF), (0xAC00, 0xD7A3)]
    names = []
    for at in range(count):
        low, high = blocks[at % 2]
        length = rng.randint(2, 4)
        names.append("".join(chr(rng.randint(low, high)) for _ in range(length)))
    return names


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("names", [["王丽萍"], ["李一", "王一"], ["萍王", "丽"]])
def test_chinese_names_in_utf16_are_read(tmp_path, codec, names):
    # 萍 is U+840D (a byte 0x0D, as CR), 一 is U+4E00 ('N' swapped).
    path = tmp_path / "names.txt"
    for end in ("", "\n"):
        path.write_bytes(("\n".join(names) + end).encode(codec))
        assert both_readers(path, encoding=codec) == names


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_random_chinese_and_korean_names_in_utf16_are_read(tmp_path, codec):
    # A new file for each read: rewriting one file waits for the disk (ext4).
    paths = (tmp_path / f"names{number}.txt" for number in itertools.count())
    refused_names = []
    for name in _random_names(seed=12, count=300):
        path = next(paths)
        path.write_bytes(name.encode(codec))  # one name, no line break
        try:
            assert load_names(path, encoding=codec) == [name]
        except ValueError:
            refused_names.append(name)
    for first, second in zip(*[iter(_random_names(seed=13, count=100))] * 2):
        path = next(paths)
        path.write_bytes(f"{first}\n{second}\n".encode(codec))
        assert load_names(path, encoding=codec) == [first, second]
    assert refused_names == []


def test_the_command_line_reads_a_chinese_name_in_utf16(tmp_path, capsys):
    path = tmp_path / "wlp.txt"
    path.write_bytes("王丽萍".encode("utf-16"))
    argv = ["train", path, "--alphabet", "auto", *TINY, "-q", "-o", tmp_path / "m"]
    argv += ["--encoding", "utf-16", "--validation-fraction", "0"]
    status, _, err = run(capsys, *argv)
    assert "not UTF-16" not in err and status == 0, err


@pytest.mark.parametrize("given", ["utf-16", "utf-16-le"])
def test_latin_names_in_the_other_byte_order_are_still_refused(tmp_path, given):
    path = write(tmp_path / "names.txt", ["asha", "ravi", "Zoë"], "utf-16-be")
    refused(path, "pass encoding='utf-16-be'", encoding=given)


DUTCH = ["Gerard ’t Hooft", "Anna de Vries", "Jan van ’t Hof", "Pieter ’s-Gravesande"]


@pytest.mark.parametrize("names", [DUTCH, DUTCH + ["Zoë", "Noël", "René"]])
def test_an_apostrophe_starting_a_word_reads_as_cp1252(tmp_path, names):
    path = write(tmp_path / "names.txt", names, "cp1252")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no code page but cp1252 advised
        assert both_readers(path, encoding="cp1252") == names
    message = refused(path, "not a utf-8 text file")
    assert message.endswith("pass encoding='cp1252'."), message
    assert "mac_roman" not in message and "cp850" not in message
