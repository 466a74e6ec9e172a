"""Files read in the wrong encoding: UTF-8 read with a one-byte code page is
refused (not trained on as ``JosÃ©``), and a file that does not decode is
named its code page by the script of its letters (never the one in use).

Each case goes through ``load_names`` (the whole file at once) and
``read_name_chunks`` (``train --chunk-size``, in blocks), which must agree.
"""

import warnings

import pytest

from sknextchar._name_chunks import read_name_chunks
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._bundled import bundled_files
from sknextchar.datasets._text_files import read_text
from tests._command_runs import run

# Names of the languages each code page is for, capitals and all.
BY_CODE_PAGE = {
    "cp1252": ["José", "Zoë", "Renée", "Björn", "Søren", "Íñigo", "Þórunn",
               "Ægir", "François", "Müller", "JOSÉ", "ÅSA", "Œdipe", "O’Brien"],
    "cp1250": ["Łukasz", "Małgorzata", "Zdzisław", "Wójcik", "Dvořák", "Jiří",
               "Šťastný", "Růžena", "Ľubomír", "Ödön", "Győző", "RŮŽENA",
               "POSPÍŠIL", "NADĚŽDA"],
    "cp1251": ["Иван", "Пётр", "Ольга", "Наталья", "Віталій", "Ґанна", "Їжак",
               "Ђорђе", "Љиљана", "ЮРИЙ", "ЯН", "Ѓорѓи"],
    "cp1253": ["Γιώργος", "Ελένη", "Δημήτρης", "Αικατερίνη", "Σοφία", "ΗΏ",
               "ΝΙΚΟΣ"],
}  # fmt: skip


def write(path, names, codec):
    path.write_bytes(("\n".join(names) + "\n").encode(codec))
    return path


def refused(path, match, **kwargs):
    """The message of both readers, which must refuse ``path`` alike."""
    with pytest.raises(ValueError, match=match) as whole:
        load_names(path, **kwargs)
    with pytest.raises(ValueError, match=match) as chunked:
        list(read_name_chunks(path, 2, **kwargs))
    assert str(whole.value) == str(chunked.value)
    return str(whole.value)


def both_readers(path, **kwargs):
    whole = load_names(path, **kwargs)
    assert sum(read_name_chunks(path, 2, **kwargs), []) == whole
    return whole


@pytest.mark.parametrize("codec", ["latin-1", "cp1252", "cp1250", "cp1251"])
def test_utf8_read_with_a_code_page_is_refused_with_both_readings(tmp_path, codec):
    path = write(tmp_path / "kids.txt", ["Anne", "José", "Zoë"], "utf-8")
    garbled = "José".encode().decode(codec)  # 'JosÃ©' in latin-1
    message = refused(path, "is UTF-8 text", encoding=codec)
    assert f"encoding={codec!r} misreads (line 2: {garbled!r}, in UTF-8 'José')" in (
        message
    )
    assert str(path) in message and message.count("pass encoding='utf-8'") == 1
    assert both_readers(path, encoding="utf-8") == ["Anne", "José", "Zoë"]


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig"])
def test_utf8_of_every_script_read_with_any_code_page_is_never_read(tmp_path, codec):
    """Read with a code page, UTF-8 is refused as such, or does not decode and
    the advice says it is UTF-8: it is never read as names."""
    for page in [*BY_CODE_PAGE, "latin-1", "cp1254", "cp1257", "koi8-r"]:
        for names in BY_CODE_PAGE.values():
            path = write(tmp_path / "names.txt", names, codec)
            message = refused(path, "UTF-8 text", encoding=page)
            assert "pass encoding='utf-8'" in message, (page, names[0])


@pytest.mark.parametrize("codec", sorted(BY_CODE_PAGE))
def test_genuine_code_page_files_still_read(tmp_path, codec):
    """Names in capitals whose bytes happen to be UTF-8 (RŮŽENA, POSPÍŠIL,
    ΗΏ, ЯН) read as the code page: their UTF-8 reading mixes scripts."""
    names = BY_CODE_PAGE[codec]
    assert both_readers(write(tmp_path / "all.txt", names, codec), encoding=codec) == (
        names
    )
    for name in names:  # one name a file: the least there is to tell by
        if name == "ΗΏ":  # UTF-8 'ǿ', as like a name: read, with others only
            continue
        path = write(tmp_path / "one.txt", [name], codec)
        assert both_readers(path, encoding=codec) == [name]
    if codec == "cp1252":
        latin = [name for name in names if "’" not in name and "Œ" not in name]
        path = write(tmp_path / "latin.txt", latin, "latin-1")
        assert both_readers(path, encoding="latin-1") == latin


@pytest.mark.parametrize(
    "codec, shown",
    [("cp1251", "Cyrillic: 'Иван'"), ("cp1253", "Greek: 'Γιώργος'"),
     ("cp1250", "Central European: 'Łukasz'")],
)  # fmt: skip
def test_a_file_that_is_not_utf8_is_named_its_code_page(tmp_path, codec, shown):
    names = BY_CODE_PAGE[codec][:6]
    path = write(tmp_path / "names.txt", names, codec)
    message = refused(path, "is not a utf-8 text file")
    assert message.endswith(
        f"its letters read as names in {codec} ({shown}); pass encoding={codec!r}."
    )
    assert "latin-1" not in message and "cp1252" not in message
    assert both_readers(path, encoding=codec) == names


def test_czech_is_named_central_european_not_western(tmp_path):
    # Read as cp1252 Czech is letters too ("Dvoøák"): the alphabets tell.
    names = ["Dvořák", "Jiří", "Čapek", "Růžena", "Kučera"]
    path = write(tmp_path / "names.txt", names, "cp1250")
    message = refused(path, "is not a utf-8 text file")
    assert message.endswith("(Central European: 'Dvořák'); pass encoding='cp1250'.")


def test_the_codec_in_use_is_never_the_advice(tmp_path):
    """A Macedonian file (Ѓ is byte 0x81, which cp1252 has no letter for) read
    as cp1252 was asked for ... cp1252; it is Cyrillic."""
    names = ["Ѓорѓи", "Ќирил", "Љупчо", "Иван"]
    path = write(tmp_path / "names.txt", names, "cp1251")
    message = refused(path, "is not a cp1252 text file", encoding="cp1252")
    assert "'cp1252'" not in message
    assert message.endswith("(Cyrillic: 'Ѓорѓи'); pass encoding='cp1251'.")


def test_utf8_that_a_code_page_cannot_decode_is_named_utf8(tmp_path):
    # Á is C3 81 in UTF-8; 0x81 is no letter of cp1252.
    path = write(tmp_path / "names.txt", ["Ágata", "Zoë"], "utf-8")
    message = refused(path, "is not a cp1252 text file", encoding="cp1252")
    assert message.endswith("it is UTF-8 text; pass encoding='utf-8'.")


def test_the_chunked_reader_looks_past_its_first_block(tmp_path):
    # The first accented name comes after 100 KB of ASCII ones.
    names = [f"name{i}" for i in range(12_000)] + ["José"]
    path = write(tmp_path / "names.txt", names, "utf-8")
    refused(path, r"misreads \(line 12001: 'JosÃ©'", encoding="latin-1")


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
def test_the_command_line_refuses_utf8_read_as_latin1(tmp_path, capsys, chunks):
    path = write(tmp_path / "names.txt", ["Anne", "José", "Zoë", "Chloé"], "utf-8")
    model = tmp_path / "m.skops"
    tiny = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--embedding-dim", "2"]
    argv = ["train", path, "--alphabet", "auto", *tiny, "-q", "-o", model, *chunks]
    status, _, err = run(capsys, *argv, "--encoding", "latin-1")
    assert status == 1 and err.count("\n") == 1 and not model.exists()
    assert "--encoding latin-1 misreads (line 2: 'JosÃ©', in UTF-8 'José')" in err
    assert "pass --encoding utf-8." in err
    assert "encoding=" not in err and "Traceback" not in err
    status, _, err = run(capsys, *argv, "--encoding", "utf-8")
    assert status == 0 and model.exists(), err


def test_the_command_line_refuses_a_labels_table_read_as_latin1(tmp_path, capsys):
    path = tmp_path / "kids.csv"
    path.write_text("name,label\nJosé,m\nZoë,f\nAnne,f\nLéo,m\n", encoding="utf-8")
    argv = ["train", path, "--labels", "label", "--alphabet", "auto", "-q"]
    status, _, err = run(
        capsys, *argv, "-o", tmp_path / "m.skops", "--encoding", "cp1252"
    )
    assert status == 1 and "'JosÃ©,m', in UTF-8 'José,m'" in err
    assert "pass --encoding utf-8." in err and "Traceback" not in err


def test_the_command_line_names_the_code_page_in_its_spelling(tmp_path, capsys):
    path = write(tmp_path / "names.txt", BY_CODE_PAGE["cp1251"], "cp1251")
    status, _, err = run(capsys, "train", path, "-q", "-o", tmp_path / "m.skops")
    assert status == 1 and err.count("\n") == 1
    assert err.rstrip().endswith("(Cyrillic: 'Иван'); pass --encoding cp1251.")


def test_a_byte_order_mark_read_as_a_code_page_is_refused_too(tmp_path):
    # The line shown is the first with a letter outside ASCII, past the mark;
    # a file whose only bytes outside ASCII are the mark shows the mark.
    path = write(tmp_path / "names.txt", ["Anne", "José"], "utf-8-sig")
    refused(path, r"\(line 2: 'JosÃ©', in UTF-8 'José'\)", encoding="latin-1")
    path = write(tmp_path / "names.txt", ["Anne", "Ravi"], "utf-8-sig")
    refused(path, r"\(line 1: 'ï»¿Anne', in UTF-8 'Anne'\)", encoding="latin-1")


def test_one_line_of_another_script_in_utf8_is_shown_in_its_code_page(tmp_path):
    # It was shown as Windows-1252 reads it: 'Èâàí'.
    data = "Zoë\nAnne\n".encode() + "Иван\n".encode("cp1251")
    path = tmp_path / "names.txt"
    path.write_bytes(data)
    message = refused(path, "at line 3")
    assert "(in cp1251 it reads 'Иван'): write it again in UTF-8" in message


# A file of one code page read with another: each reading (the letter wrong,
# 'Dvoøák'), and the code page that reads it as names.
READ_WRONG = {
    "polish": (["Łukasz", "Małgorzata", "Zdzisław", "Wójcik", "Żaneta"], "cp1250"),
    "czech": (["Dvořák", "Jiří", "Růžena", "Čapek", "Pospíšil"], "cp1250"),
    "russian": (BY_CODE_PAGE["cp1251"][:5], "cp1251"),
    "greek": (BY_CODE_PAGE["cp1253"][:5], "cp1253"),
}


@pytest.mark.parametrize(
    "language, given",
    [("polish", "cp1252"), ("czech", "cp1252"), ("russian", "koi8-r"),
     ("russian", "latin-1"), ("greek", "cp1251")],
)  # fmt: skip
def test_a_code_page_read_with_another_warns_naming_its_own(tmp_path, language, given):
    names, page = READ_WRONG[language]
    path = write(tmp_path / "names.txt", names, page)
    misread = names[0].encode(page).decode(given)  # '£ukasz', 'Dvoøák', 'Èâàí'
    with pytest.warns(UserWarning, match="reads as names in") as caught:
        assert both_readers(path, encoding=given) == [
            name.encode(page).decode(given) for name in names
        ]  # read all the same, as asked
    message, chunked = [str(warning.message) for warning in caught]
    assert message == chunked
    assert f"{str(path)!r} reads as names in {page} (" in message
    assert f": {names[0]!r}), not in encoding={given!r} ({misread!r})" in message
    assert f"pass encoding={page!r} if it is " in message
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert both_readers(path, encoding=page) == names


WESTERN = {
    "french": ["François", "Hélène", "Thérèse", "Jérôme", "Anaïs", "Noël", "Zoé"],
    "german": ["Müller", "Jürgen", "Schäfer", "Björn", "Strauß", "Öztürk"],
    "spanish": ["José", "Peña", "Íñigo", "Begoña", "Ramón", "Muñoz", "Ibáñez"],
    # French and German, which no one alphabet holds; Slovak holds the letters
    # cp1250 reads (Hélčne, Schäfer): one letter of another language is no sign.
    "swiss": ["Hélène", "Thérèse", "Schäfer", "Zoé"],
}


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_genuine_western_files_and_the_bundled_names_do_not_warn(tmp_path, codec):
    """One language or more in a file read as names in cp1252, whatever a
    Central European code page reads."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for names in [*WESTERN.values(), sum(WESTERN.values(), [])]:
            path = write(tmp_path / "names.txt", names, codec)
            assert both_readers(path, encoding=codec) == names
        for path in bundled_files():  # ASCII
            assert read_text(path, encoding=codec)


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
def test_the_command_line_warns_of_a_code_page_in_one_line(tmp_path, capsys, chunks):
    path = write(tmp_path / "names.txt", READ_WRONG["polish"][0] * 3, "cp1250")
    model = tmp_path / "m.skops"
    tiny = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--embedding-dim", "2"]
    argv = ["train", path, "--alphabet", "auto", *tiny, "-q", "-o", model, *chunks]
    status, _, err = run(capsys, *argv, "--encoding", "cp1252")
    assert status == 0 and model.exists() and err.count("\n") == 1, err
    assert err.startswith("sknextchar: warning: ") and "Traceback" not in err
    assert "(Central European: 'Łukasz'), not in --encoding cp1252 ('£ukasz')" in err
    assert "pass --encoding cp1250 if it is Central European text." in err


def test_a_file_refused_for_its_control_characters_does_not_warn_too(tmp_path):
    """cp1252's ’ read as latin-1 is a control character: the file is refused
    (asking for cp1252), with no warning before."""
    path = write(
        tmp_path / "names.txt", ["O’Brien", "D’Arcy", "Zoë", "N’Dour"], "cp1252"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "pass encoding='cp1252'" in refused(
            path, "control character", encoding="latin-1"
        )


MOSTLY_UTF8 = ["José", "Zoë", "Noël", "Françoise", "Hélène", "Anaïs"] * 4


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_a_utf8_file_with_one_line_of_a_code_page_is_refused_in_that_code_page(
    tmp_path, codec, capsys
):
    # Q2: one pasted cp1252 line made the file fail as UTF-8, and the misread
    # check, which needed the whole sample to decode, let latin-1 train on 'JosÃ©'.
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        ("\n".join(MOSTLY_UTF8) + "\n").encode() + "Müller\n".encode(codec)
    )
    with pytest.raises(ValueError, match="is UTF-8 text but for 1 line") as error:
        load_names(path, encoding=codec)
    assert "'JosÃ©', in UTF-8 'José'" in str(error.value)
    with pytest.raises(ValueError, match="is UTF-8 text but for 1 line"):
        list(read_name_chunks(path, 5, encoding=codec))
    out = str(tmp_path / "m.skops")
    assert main(["train", str(path), "--encoding", codec, "-o", out, "-q"]) == 1
    err = capsys.readouterr().err
    assert "read it with --encoding utf-8" in err and "Traceback" not in err


def test_a_code_page_file_with_a_few_utf8_looking_lines_is_read(tmp_path):
    # A latin-1 list in which one line happens to decode as UTF-8: the others
    # are no UTF-8, so it is no UTF-8 file (another rule may warn of its oddity).
    names = ["Zoë", "Noël", "Hélène", "Anaïs"] * 4 + ["Ã©ric"]
    path = tmp_path / "latin.txt"
    path.write_bytes(("\n".join(names) + "\n").encode("latin-1"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert load_names(path, encoding="latin-1") == names


# Session 32: the code page named for control characters, advice without a
# placeholder, and Cyrillic told from Greek in a file of a name or two.
CONTROL = {
    "czech": (["Šťastný", "Dvořák"], "cp1250", "Central European: 'Šťastný'"),
    "polish": (["Świątek", "Łukasz"], "cp1250", "Central European: 'Świątek'"),
    "serbian": (["Ђорђе", "Љиљана"], "cp1251", "Cyrillic: 'Ђорђе'"),
    # Ѓ is byte 0x81, which cp1252 has no letter for: 'pass encoding=...'.
    "macedonian": (["Ѓорѓи", "Ќирил"], "cp1251", "Cyrillic: 'Ѓорѓи'"),
}


@pytest.mark.parametrize("language", sorted(CONTROL))
@pytest.mark.parametrize("given", ["latin-1", "iso8859-2"])
def test_control_characters_name_the_code_page_that_reads_the_names(
    tmp_path, language, given
):
    # Each was asked for cp1252, whose reading of them is no names ('Šœastný').
    names, page, shown = CONTROL[language]
    path = write(tmp_path / "names.txt", names, page)
    message = refused(path, "a control character", encoding=given)
    assert message.endswith(f"({shown}); pass encoding={page!r}."), message
    assert "cp1252" not in message and "..." not in message
    assert both_readers(path, encoding=page) == names


@pytest.mark.parametrize("language", ["czech", "serbian"])
def test_a_code_page_converted_as_latin1_is_named_with_all_it_misreads(
    tmp_path, language
):
    # Saved as UTF-8 from a reading as latin-1: 'Dvořák' is 'DvoøÃ¡k' too.
    names, page, shown = CONTROL[language]
    path = tmp_path / "names.txt"
    text = ("\n".join(names) + "\n").encode(page).decode("latin-1")
    path.write_bytes(text.encode())
    message = refused(path, "a control character")
    assert f"the file is text of {page} ({shown}) converted as if it" in message
    assert f"convert the original file again from {page}, not latin-1." in message
    assert "Windows-1252" not in message


def test_cp1252_converted_as_latin1_still_asks_for_the_letter(tmp_path):
    path = tmp_path / "names.txt"
    path.write_bytes("O’Brien\nZoë\n".encode("cp1252").decode("latin-1").encode())
    message = refused(path, "a control character")
    assert message.endswith("in place of '’'; write '’' there.")


@pytest.mark.parametrize(
    "data, given",
    [(b"Ann\x81\x8d\x8f\n", "latin-1"),  # no code page has all three letters
     (b"ab\x00\x01\x02\xff\xfe\x00cd\n", "utf-8")],  # binary: no latin-1 'ÿþ'
)  # fmt: skip
def test_advice_where_no_code_page_fits_says_what_to_do(tmp_path, data, given):
    path = tmp_path / "names.txt"
    path.write_bytes(data)
    message = refused(
        path, "no common code page reads its letters as names", encoding=given
    )
    assert "..." not in message and "latin-1" not in message
    assert "(a text editor such as Notepad++ or VS Code shows it)" in message
    assert "encoding='utf-16'" in message and "pass encoding='utf-8'." in message


def test_a_stray_nul_names_the_encodings_to_try(tmp_path):
    path = tmp_path / "names.txt"
    path.write_bytes(b"Anne\nZo\x00e\n")
    message = refused(path, "holds NUL characters")
    assert "..." not in message
    assert "encoding='utf-16' or encoding='utf-32'" in message


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
def test_the_command_line_spells_the_new_advice_as_flags(tmp_path, capsys, chunks):
    names, page, shown = CONTROL["serbian"]
    path = write(tmp_path / "names.txt", names, page)
    out = tmp_path / "m.skops"
    argv = ["train", path, "-q", "-o", out, *chunks]
    status, _, err = run(capsys, *argv, "--encoding", "latin-1")
    assert status == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.rstrip().endswith(f"({shown}); pass --encoding {page}.")
    path.write_bytes(b"Ann\x81\x8d\x8f\n")
    status, _, err = run(capsys, *argv, "--encoding", "latin-1")
    assert status == 1 and "encoding=" not in err and "..." not in err
    assert "pass it, e.g. --encoding utf-16, --encoding shift_jis" in err
    assert "pass --encoding utf-8." in err


# Russian, Ukrainian and Bulgarian names whose cp1251 bytes cp1253 reads as
# Greek letters, a capital first ('Θβΰν', 'Ξλεγ', 'Υπθρςξ'); and 'Пётр', whose
# first bytes are UTF-8 ('ϸ'), was said to follow lines of UTF-8.
TINY_CYRILLIC = [
    ["Иван"], ["Ольга"], ["Олена"], ["Христо"], ["Олег", "Павел"], ["Михаил"],
    ["Пётр"], ["Богдан", "Любов"], ["Лев", "Денис"],
]  # fmt: skip


@pytest.mark.parametrize("names", TINY_CYRILLIC, ids=lambda names: names[0])
def test_a_name_or_two_of_cyrillic_is_named_cyrillic_not_greek(tmp_path, names):
    path = write(tmp_path / "names.txt", names, "cp1251")
    message = refused(path, "is not a utf-8 text file")
    assert message.endswith(
        f"its letters read as names in cp1251 (Cyrillic: {names[0]!r}); "
        "pass encoding='cp1251'."
    ), message


@pytest.mark.parametrize("names", [["Γιώργος"], ["Νίκος"], ["Ελένη", "Σοφία"]])
def test_a_name_or_two_of_greek_is_named_greek(tmp_path, names):
    path = write(tmp_path / "names.txt", names, "cp1253")
    message = refused(path, "is not a utf-8 text file")
    assert message.endswith(f"(Greek: {names[0]!r}); pass encoding='cp1253'."), message


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_code_page_file_whose_names_end_in_their_accent_is_read(tmp_path, encoding):
    # "José" in latin-1 ends in a byte that starts a UTF-8 letter: a line is
    # UTF-8 only if all of it decodes, not up to an unfinished last letter.
    names = ["André", "José", "Chloé", "Noé", "Zoé", "Aimé"] * 2 + ["Hélène", "Paul"]
    path = tmp_path / "fr.txt"
    path.write_bytes("\n".join(names).encode(encoding))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(path, encoding=encoding) == names


def test_one_line_in_another_encoding_is_counted_in_the_singular(tmp_path):
    good = ["Zoëy", "Renée", "Chloëa", "Noëlle", "Jérôme"] * 2
    path = tmp_path / "mixed.txt"
    path.write_bytes("\n".join(good).encode() + "\nNoëlla\n".encode("cp1252"))
    with pytest.raises(ValueError, match=r"UTF-8 text but for 1 line in"):
        load_names(path, encoding="cp1252")


@pytest.mark.parametrize(
    "text", ["Jean–Luc\nRenée\n", "bob…\nRenée\n", "“Zoé”\nRenée\n"]
)
@pytest.mark.parametrize("encoding", ["latin-1", "utf-8"])
def test_windows_punctuation_still_names_cp1252(tmp_path, text, encoding):
    # A dash, an ellipsis or curly quotes are cp1252's punctuation, no sign of
    # another code page: the advice names cp1252, not "no code page fits".
    path = tmp_path / "d.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(ValueError, match=r"pass encoding='cp1252'\.") as error:
        load_names(path, encoding=encoding)
    assert "shift_jis" not in str(error.value)
