"""UTF-16 files without a byte-order mark, in either byte order, with LF, CRLF or
CR-only (old Mac) line ends: the advice names the byte order the file has, and
following it reads the names.

Names of a-z letters have a zero byte in every other place; Devanagari and
Cyrillic ones have none, only their line breaks do, which tells the order.
"""

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from tests.files.test_messy_files import both_readers, refused, write

SCRIPTS = {
    "a-z": ["asha", "ravi", "meena", "john"],
    "devanagari": ["आशा", "रवि", "मीना", "कमला"],
    "cyrillic": ["Анна", "Иван", "Мария", "Пётр"],
    # A first letter whose low byte is a line break (U+090A, U+040A) cuts the
    # first name: the chunked reader met the first NUL past line 2.
    "devanagari, U+090A first": ["ऊषा", "अमित", "सीता", "राम"],
    "cyrillic, U+040A first": ["Његош", "Иван", "Мария", "Пётр"],
}
ENDS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}
CODECS = ["utf-16-le", "utf-16-be"]


def other(codec):
    return "utf-16-be" if codec == "utf-16-le" else "utf-16-le"


@pytest.fixture(params=CODECS)
def codec(request):
    return request.param


@pytest.fixture(params=list(ENDS))
def end(request):
    return ENDS[request.param]


def names_file(tmp_path, names, codec, end):
    return write(tmp_path / "names.txt", (end.join(names) + end).encode(codec))


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_read_as_utf8_the_advice_names_the_byte_order(tmp_path, script, codec, end):
    names = SCRIPTS[script]
    path = names_file(tmp_path, names, codec, end)
    # Devanagari and Cyrillic were called binary or damaged before.
    message = refused(path, f"without a byte-order mark; pass encoding='{codec}'")
    assert "binary" not in message and other(codec) not in message
    assert both_readers(path, encoding=codec) == names


def _command_line_cases():
    """Every script in each byte order with LF; CRLF and CR with the scripts whose
    first letter holds a line break's byte. The other scripts' CRLF and CR files
    run among the slow tests (the readers' test above takes every one)."""
    for codec in CODECS:
        for end in ENDS:
            for script in SCRIPTS:
                sweep = end != "LF" and "first" not in script
                yield pytest.param(
                    codec, ENDS[end], script,
                    marks=[pytest.mark.slow] if sweep else [],
                    id=f"{codec}-{end}-{script}",
                )  # fmt: skip


@pytest.mark.parametrize(("codec", "end", "script"), list(_command_line_cases()))
def test_the_command_line_names_the_byte_order(tmp_path, capsys, script, codec, end):
    names = SCRIPTS[script]
    path, model = names_file(tmp_path, names, codec, end), tmp_path / "m.skops"
    assert main(["train", str(path), "-q", "-o", str(model)]) != 0
    err = capsys.readouterr().err
    assert f"pass --encoding {codec}." in err and "Traceback" not in err
    assert not model.exists()
    learned = ["--alphabet", "auto", "--model", "kneser-ney"]
    argv = ["train", str(path), "--encoding", codec, *learned, "-q", "-o", str(model)]
    assert main(argv) == 0
    assert load_model(model).in_training_set(names).all()


@pytest.mark.parametrize("script", ["devanagari", "cyrillic"])
def test_in_the_other_byte_order_the_swapped_line_breaks_are_named(
    tmp_path, script, codec, end
):
    path = names_file(tmp_path, SCRIPTS[script], codec, end)
    # CR-only was read as one name of swapped characters; CRLF said "letters".
    refused(
        path,
        rf"\(U\+0[AD]00\) in place of line breaks: .*pass encoding='{codec}'",
        encoding=other(codec),
    )


def test_the_message_names_the_swapped_line_breaks_that_told_the_order(tmp_path):
    # One a-z name among long Devanagari ones: too few swapped letters to
    # tell, the line breaks tell it; the message quoted 'o' swapped (U+6F00).
    names = ["om"] + ["राजेश्वरी", "प्रियंका"] * 5
    path = names_file(tmp_path, names, "utf-16-be", "\n")
    refused(
        path,
        r"'\\u0a00' \(U\+0A00\) in place of line breaks: .*'utf-16-be'",
        encoding="utf-16-le",
    )


def test_a_stray_nul_after_a_line_break_is_still_named_as_damage(tmp_path):
    # Its zero byte sits where a UTF-16 line break's would; the bytes around
    # it read in either order are no names (U+6E41...), so it is damage.
    for data in (b"Anne\n\x00Ravi\nZoe\n", b"\xd0\x90\xd0\xbd\n\x00Ravi\n"):
        path = write(tmp_path / "names.txt", data)
        message = refused(path, r"NUL characters \(line 2\)")
        assert "damaged there" in message and "looks like UTF-16" not in message
