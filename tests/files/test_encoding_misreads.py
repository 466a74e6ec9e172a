"""Encodings that were read as names, or failed with a traceback: text of one
byte a letter read as UTF-16, UTF-32 or a codec that reads no file given for
ASCII, Hebrew named Russian, Excel's old "CSV (Macintosh)" and "CSV (MS-DOS)",
and a byte-order mark kept when the byte order was named.

Each file goes through ``load_names`` and ``read_name_chunks``, which must agree.
"""

import codecs
import warnings

import pytest

from sknextchar.datasets import load_names
from sknextchar.datasets._encoding import code_page_readings
from tests.files.test_encoding_advice import both_readers, refused, run, write

ASCII = ["asha", "ravi", "meena", "zoe"]
TINY = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--embedding-dim", "2"]


# One byte a letter, read as UTF-16: two letters a character, no line break.
@pytest.mark.parametrize("given", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "names, codec, advice",
    [
        (ASCII, "utf-8", "it is ASCII text; pass encoding='utf-8'"),
        (["Zoë", "José", "Anne"], "utf-8", "it is UTF-8 text; pass encoding='utf-8'"),
        (["Иван", "Ольга", "Пётр", "Анна"], "utf-8", "pass encoding='utf-8'"),
        (["Dvořák", "Jiří", "Zdeněk", "Čapek", "Růžena"], "cp1250", "='cp1250'."),
        (["ashaxyzw"], "ascii", "it is ASCII text; pass encoding='utf-8'"),
    ],
    ids=["ascii", "utf-8", "cyrillic", "cp1250", "one-name"],
)
def test_one_byte_text_read_as_utf16_is_refused(tmp_path, names, codec, advice, given):
    path = tmp_path / "names.txt"
    data = "".join(name + "\n" for name in names).encode(codec)
    path.write_bytes(data if len(names) > 1 else data.rstrip(b"\n"))
    message = refused(path, "not UTF-16 but text of one byte a letter", encoding=given)
    assert message.endswith(advice.rstrip(".") + "."), message
    assert both_readers(path, encoding=codec) == names


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "names",
    [
        ASCII,
        ["Иван", "Ольга"],
        ["上田", "欧阳娜娜"],
        ["上田"],
        ["欧阳娜娜"],
        ["山田太郎"],
    ],
)
def test_utf16_text_is_still_read(tmp_path, codec, names):
    # A name or two of another script has no zero byte, and one without a line
    # break, none at all: they are read, as before.
    path = tmp_path / "names.txt"
    path.write_bytes("\n".join(names).encode(codec))
    assert both_readers(path, encoding=codec) == names


# A name and its line break, four bytes, read as two characters of UTF-16.
@pytest.mark.parametrize("given", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("data", [b"Ana\n", b"Al\r\n", b"ivy\n"])
def test_a_name_of_two_characters_read_as_utf16_is_refused(tmp_path, data, given):
    path = tmp_path / "names.txt"
    path.write_bytes(data)
    message = refused(path, "not UTF-16 but text of one byte a letter", encoding=given)
    assert message.endswith("it is ASCII text; pass encoding='utf-8'."), message


# Common Chinese names of two characters, and of one, without a line break:
# read, as four letters ("Anna") or two ("Al") read as UTF-16 are left to be.
_CHINESE = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红浩宇轩涵欣怡梓晨博"
_SURNAMES = "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭潘袁蔡余"


@pytest.mark.slow
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_names_of_one_or_two_characters_are_still_read(tmp_path, codec):
    names = [a + b for a in _SURNAMES for b in _CHINESE] + list(_SURNAMES + _CHINESE)
    refused_names = []
    for number, name in enumerate(names):
        # A new file each time: rewriting one file waits for the disk (ext4).
        path = tmp_path / f"names{number}.txt"
        path.write_bytes(name.encode(codec))  # no byte-order mark, no line break
        try:
            load_names(path, encoding=codec)
        except ValueError:
            refused_names.append(name)
    assert refused_names == []


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
@pytest.mark.parametrize("given", ["utf-16", "utf-16-be"])
def test_the_command_line_refuses_ascii_read_as_utf16(tmp_path, capsys, chunks, given):
    path = write(tmp_path / "names.txt", ASCII, "ascii")
    argv = ["train", path, "--alphabet", "auto", *TINY, "-q", "-o", tmp_path / "m"]
    status, _, err = run(capsys, *argv, "--encoding", given, *chunks)
    assert status == 1 and "Traceback" not in err and "encoding=" not in err
    assert "not UTF-16" in err and err.rstrip().endswith("pass --encoding utf-8.")


# The encoding the user gave is named, not the byte order it was read in.
@pytest.mark.parametrize("data", ["Zoë\n".encode("latin-1"), "Иван\n".encode("cp1251")])
@pytest.mark.parametrize("given", ["utf-32", "UTF32"])
def test_a_file_that_fails_names_the_encoding_given(tmp_path, data, given):
    path = tmp_path / "names.txt"
    path.write_bytes(data)
    message = refused(path, f"is not a {given} text file \\(", encoding=given)
    assert f"{given}-le" not in message and f"{given}-be" not in message, message


# UTF-32 given for ASCII, and codecs that read no file.
@pytest.mark.parametrize("given", ["utf-32", "utf-32-le", "utf-32-be"])
def test_ascii_read_as_utf32_names_utf8(tmp_path, given):
    path = write(tmp_path / "names.txt", ASCII, "ascii")
    message = refused(path, "text file", encoding=given)
    assert message.endswith("it is ASCII text; pass encoding='utf-8'."), message


@pytest.mark.parametrize(
    "given, what",
    [("rot13", "turns bytes into other bytes"), ("base64", "into other bytes"),
     ("zlib", "into other bytes"), ("idna", "is not for files"),
     ("punycode", "is not for files")],
)  # fmt: skip
def test_codecs_that_read_no_file_are_refused(tmp_path, given, what):
    path = write(tmp_path / "names.txt", ["Zoë", "José"], "utf-8")
    message = refused(path, "is no encoding of text files", encoding=given)
    assert what in message and "pass the file's encoding" in message


def test_the_command_line_says_so_without_a_traceback(tmp_path, capsys):
    path = write(tmp_path / "names.txt", ASCII, "ascii")
    model = tmp_path / "m.skops"
    argv = ["train", path, "--alphabet", "auto", *TINY, "-q", "-o", model]
    for given, said in [
        ("utf-32", "it is ASCII text; pass --encoding utf-8."),
        ("rot13", "--encoding rot13 is no encoding of text files"),
        ("base64", "--encoding base64 is no encoding of text files"),
        ("idna", "--encoding idna is no encoding of text files"),
    ]:
        status, _, err = run(capsys, *argv, "--encoding", given)
        assert status == 1 and "Traceback" not in err, (given, err)
        assert said in err and "encoding=" not in err, (given, err)
    assert run(capsys, *argv)[0] == 0
    status, _, err = run(
        capsys, "classify", model, "--names-file", path, "--encoding", "utf-32"
    )
    assert status == 1 and "Traceback" not in err and "StopIteration" not in err
    assert "it is ASCII text; pass --encoding utf-8." in err


# Hebrew (cp1255), which koi8-r reads as Cyrillic capitals.
HEBREW = ["אברהם", "יצחק", "יעקב", "משה", "אהרן", "דוד", "שלמה", "יוסף", "מיכאל",
          "נתן", "שרה", "רבקה", "רחל", "לאה", "מרים", "אסתר", "רות", "חנה", "דבורה",
          "יהודית", "אליהו", "שמואל", "יונתן", "נועה", "תמר"]  # fmt: skip


def test_hebrew_is_named_hebrew_not_russian(tmp_path):
    names = ["אברהם", "נתן", "יוסף", "מיכאל", "שרה", "רחל"]  # the user's file
    path = write(tmp_path / "names.txt", names, "cp1255")
    message = refused(path, "is not a utf-8 text file")
    assert message.endswith("(Hebrew: 'אברהם'); pass encoding='cp1255'."), message
    assert both_readers(path, encoding="cp1255") == names


@pytest.mark.parametrize("names", [[name] for name in HEBREW] + [HEBREW])
def test_every_hebrew_name_names_cp1255_first(names):
    # A name alone may read as Cyrillic capitals too (ЦЕЦ): then both are named.
    readings = code_page_readings(("\n".join(names) + "\n").encode("cp1255"), "utf-8")
    assert readings[0][0] == "cp1255" and len(readings) <= 2
    assert len(names) == 1 or len(readings) == 1


@pytest.mark.parametrize(
    "names, page",
    [(["Иван", "Ольга", "Сергей", "ЮРИЙ", "ОЛЬГА", "ИВАН"], "koi8-r"),
     (["محمد", "أحمد", "فاطمة", "خديجة", "يوسف", "زينب"], "cp1256"),
     (["ΓΙΩΡΓΟΣ", "Ελένη", "Δημήτρης"], "cp1253")],
)  # fmt: skip
def test_russian_arabic_and_greek_are_still_named(names, page):
    readings = code_page_readings(("\n".join(names) + "\n").encode(page), "utf-8")
    assert [named[0] for named in readings] == [page]


# Excel's "CSV (Macintosh)" (mac_roman, lines ending in CR) and "CSV (MS-DOS)".
FRENCH = ["Zoë", "José", "François", "Renée", "Chloé", "Björn"]


def csv(names, codec, end):
    rows = ["Name,Gender", *(f"{name},F" for name in names)]
    return end.join(rows).encode(codec) + end.encode()


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_a_byte_that_fails_is_on_its_own_line(tmp_path, end):
    path = tmp_path / "names.csv"
    path.write_bytes(csv(["asha"] * 5000 + ["Zoë"] + ["ravi"] * 5000, "mac_roman", end))
    message = refused(path, "at line 5002: b'Zo\\\\x91,F'\\)", names_column="Name")
    assert "asha" not in message and "ravi" not in message


@pytest.mark.parametrize(
    "codec, end, shown",
    [("mac_roman", "\r", "Western European, old Mac: 'Zoë,F'"),
     ("cp850", "\r\n", "Western European, MS-DOS: 'Zoë,F'")],
)  # fmt: skip
def test_old_excel_csv_files_are_named(tmp_path, codec, end, shown):
    path = tmp_path / "names.csv"
    path.write_bytes(csv(FRENCH, codec, end))
    message = refused(path, "is not a utf-8 text file", names_column="Name")
    assert message.endswith(f"({shown}); pass encoding={codec!r}."), message
    assert both_readers(path, encoding=codec, names_column="Name") == FRENCH


@pytest.mark.parametrize(
    "names, codec",
    [(["asha"] * 50 + ["Zoë"] + ["ravi"] * 50, "mac_roman"),
     (["José", "Zoë"], "mac_roman"), (["Muñoz", "Peña"], "mac_roman"),
     (FRENCH, "cp850"), (["José"], "cp850")],
)  # fmt: skip
def test_old_excel_csv_read_as_cp1252_warns(tmp_path, names, codec):
    path = tmp_path / "names.csv"
    path.write_bytes(csv(names, codec, "\r"))
    with pytest.warns(UserWarning, match=f"pass encoding={codec!r}") as caught:
        read = both_readers(path, encoding="cp1252", names_column="Name")
    assert read == [name.encode(codec).decode("cp1252") for name in names]
    message, chunked = [
        str(w.message) for w in caught if "reads as names" in str(w.message)
    ]
    assert message == chunked and "not in encoding='cp1252'" in message


@pytest.mark.parametrize("name", ["Zoë", "Chloë"])
def test_a_lone_old_mac_name_read_as_cp1252_names_mac_roman_alone(tmp_path, name):
    # cp850 reads the byte of ë as æ, after a vowel: no language spells so.
    path = write(tmp_path / "names.txt", [name], "mac_roman")
    with pytest.warns(UserWarning, match="reads as names in") as caught:
        both_readers(path, encoding="cp1252")
    message = str(caught[0].message)
    assert f"reads as names in mac_roman (Western European, old Mac: {name!r})" in (
        message
    )
    assert message.endswith(
        "pass encoding='mac_roman' if it is Western European, old Mac text."
    ), message


WESTERN = ["O’Brien", "D’Arcy", "Jean–Luc", "„Bobby“", "‘Bob’", "“Zoé”", "Gaël",
           "Noëlle", "Muñoz", "François", "Björn", "Mäkelä", "Ørjan", "Siân",
           "bob…"]  # fmt: skip


@pytest.mark.parametrize("given", ["cp1252", "latin-1"])
def test_western_files_do_not_warn_of_old_code_pages(tmp_path, given):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for names in [*([name] for name in WESTERN), WESTERN]:
            data = csv(names, "cp1252", "\r\n")
            if given == "latin-1" and data.decode("cp1252") != data.decode("latin-1"):
                continue  # cp1252's punctuation: control characters in latin-1
            path = tmp_path / "names.csv"
            path.write_bytes(data)
            assert both_readers(path, encoding=given, names_column="Name") == names


# A byte-order mark, read with the byte order named.
@pytest.mark.parametrize(
    "given", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "gb18030", "utf-8"]
)
def test_a_byte_order_mark_is_skipped_whatever_the_encoding(tmp_path, given):
    path = tmp_path / "names.txt"
    text = "Name\tGender\r\nZoë\tF\r\nJosé\tM\r\n"
    path.write_bytes(("\ufeff" + text).encode(given))
    assert both_readers(path, encoding=given, names_column="Name") == ["Zoë", "José"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a table read one name per line
        assert both_readers(path, encoding=given)[0] == "Name\tGender"


def test_utf32_read_as_utf16_le_is_still_named(tmp_path):
    # Its byte-order mark starts with UTF-16's: not skipped, the reader says.
    path = tmp_path / "names.txt"
    path.write_bytes(codecs.BOM_UTF32_LE + "Zoë\nJosé\n".encode("utf-32-le"))
    message = refused(path, "pass encoding='utf-32'", encoding="utf-16-le")
    assert "UTF-32 text, with a byte-order mark" in message
