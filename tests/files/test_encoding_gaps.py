"""Encodings whose misreading looked like names: Turkish (cp1254) read as cp1252
or latin-1 ('Büþra', which looks Icelandic), a Cyrillic name in capitals that
cp1253 reads as Greek capitals ('ΡΕΠΓΕΙ'), and UTF-32 without a byte-order mark.

Each file goes through ``load_names`` and ``read_name_chunks``, which must agree.
"""

import codecs
import warnings

import pytest

from sknextchar.datasets._encoding import code_page_readings
from tests.files.test_encoding_advice import both_readers, refused, run, write

# The brief's names, and single names whose cp1252 reading has a letter of
# Icelandic with one that Icelandic lacks (Büþra, Çaðrý), or þ where no
# Icelandic stem starts (Ayþe, Barýþ, Iþýl), or ð with a c or a z (Aðca, Oðuz).
TURKISH = [
    ["Ayşe", "Büşra", "Gülşen", "İsmail", "Çağrı"],
    ["Büşra"], ["Gülşen"], ["Çağrı"], ["Şükrü"], ["Barış"], ["Işıl"],
    ["Çiğdem"], ["Ağca"], ["Oğuz"],
    ["Şule", "Barış", "Işıl", "Yıldız", "Fırat"],
    ["Oğuz", "Ağca", "Songül", "Kemal", "Nazlı"],
]  # fmt: skip
ICELANDIC = [
    "Þórður", "Guðrún", "Sigríður", "Ýr", "Hafþór", "Jón", "Sigurður",
    "Guðmundur", "Ólafur", "Kristján", "Björn", "Árni", "Þorsteinn", "Ingibjörg",
    "Ásdís", "Þóra", "Eyþór", "Arnþór", "Dýrleif", "Lýður", "Eiður", "Daði",
    "Ýmir", "Þröstur", "Bjarnheiður", "Arnþrúður", "Anna-Þóra", "Halldóra",
]  # fmt: skip
# Czech and Slovak names that cp1252 reads as cp1250 does (ý, á, í), and
# Faroese ones: their ý and ð read as ı and ğ in cp1254, and must not warn.
OTHERS = ["Novotný", "Malý", "Zelený", "Výborný", "Zíma", "Sjúrður", "Heðin",
          "Jógvan", "Bárður"]  # fmt: skip


@pytest.mark.parametrize("names", TURKISH, ids=lambda names: names[0])
@pytest.mark.parametrize("given", ["cp1252", "latin-1"])
def test_turkish_read_as_western_warns_naming_cp1254(tmp_path, names, given):
    path = write(tmp_path / "names.txt", names, "cp1254")
    first = next(name for name in names if name.encode("cp1254").decode(given) != name)
    with pytest.warns(UserWarning, match="reads as names in") as caught:
        assert both_readers(path, encoding=given) == [
            name.encode("cp1254").decode(given) for name in names
        ]  # read as asked
    message, chunked = [str(warning.message) for warning in caught]
    assert message == chunked
    assert f"cp1254 (Turkish: {first!r})" in message
    assert f"not in encoding={given!r} ({first.encode('cp1254').decode(given)!r})" in (
        message
    )
    assert "encoding='cp1254'" in message.rsplit("; pass ", 1)[1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert both_readers(path, encoding="cp1254") == names


def test_a_name_two_code_pages_read_alike_names_both(tmp_path):
    # 'Ayşe' in cp1254 is 'Ayţe' in cp1250 (a Romanian letter): both named.
    path = write(tmp_path / "names.txt", ["Ayşe"], "cp1254")
    with pytest.warns(UserWarning) as caught:
        both_readers(path, encoding="cp1252")
    message = str(caught[0].message)
    assert "cp1250 (Central European: 'Ayţe') or cp1254 (Turkish: 'Ayşe')" in message
    assert "pass encoding='cp1250' or encoding='cp1254'" in message
    assert message.endswith(", the one that reads them right.")


@pytest.mark.parametrize("given", ["cp1252", "latin-1"])
def test_icelandic_czech_and_faroese_names_do_not_warn(tmp_path, given):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for names in [*([name] for name in ICELANDIC + OTHERS), ICELANDIC, OTHERS]:
            path = write(tmp_path / "names.txt", names, "cp1252")
            assert both_readers(path, encoding=given) == names


def test_the_command_line_warns_of_turkish_with_flags(tmp_path, capsys):
    path = write(tmp_path / "names.txt", ["Barış", "Kemal"], "cp1254")
    model = tmp_path / "m.skops"
    tiny = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--embedding-dim", "2"]
    argv = ["train", path, "--alphabet", "auto", *tiny, "-q", "-o", model]
    status, _, err = run(capsys, *argv, "--encoding", "cp1252")
    assert status == 0 and "Traceback" not in err
    assert "(Turkish: 'Barış'), not in --encoding cp1252 ('Barýþ')" in err
    assert "pass --encoding cp1254 if it is Turkish text." in err


# Cyrillic capitals whose cp1253 reading is Greek capitals but spelled as no
# Greek name is: a voiceless and a voiced consonant together (ΡΕΠΓΕΙ), a last
# syllable in -ει (ΕΒΡΕΙ, ΕΛΘΡΕΙ).
CYRILLIC_CAPITALS = ["СЕРГЕЙ", "ЕВСЕЙ", "ЕЛИСЕЙ"]
# Greek names in capitals (no accents) and title case that were named Greek
# alone, and must stay so.
GREEK = ["ΓΙΩΡΓΟΣ", "ΝΙΚΟΣ", "ΔΗΜΗΤΡΗΣ", "ΓΙΑΝΝΗΣ", "ΕΥΑΓΓΕΛΟΣ", "ΜΑΡΙΑ",
         "ΑΓΓΕΛΙΚΗ", "ΧΑΡΙΚΛΕΙΑ", "Ευάγγελος", "Χαρίκλεια", "Αικατερίνη"]  # fmt: skip


@pytest.mark.parametrize("name", CYRILLIC_CAPITALS)
def test_one_cyrillic_name_in_capitals_is_named_cyrillic_not_greek(tmp_path, name):
    path = write(tmp_path / "names.txt", [name], "cp1251")
    message = refused(path, "is not a utf-8 text file")
    assert message.endswith(
        f"its letters read as names in cp1251 (Cyrillic: {name!r}); "
        "pass encoding='cp1251'."
    ), message


@pytest.mark.parametrize("name", GREEK)
def test_greek_names_are_still_named_greek(name):
    readings = code_page_readings((name + "\n").encode("cp1253"), "utf-8")
    assert [page for page, _, _ in readings] == ["cp1253"]


# Greek capitals whose cp1251 reading ends as no Cyrillic name does (КЩУФБУ,
# ЕЛЕНЗ), which named cp1251 beside cp1253.
GREEK_TIED = ["ΕΛΕΝΗ", "ΚΩΣΤΑΣ", "ΧΡΗΣΤΟΣ", "ΘΑΝΑΣΗΣ", "ΛΕΥΤΕΡΗΣ", "Θεοδώρα"]


@pytest.mark.parametrize("name", GREEK_TIED)
def test_greek_names_read_as_cp1252_name_cp1253_alone(tmp_path, name):
    path = write(tmp_path / "names.txt", [name], "cp1253")
    with pytest.warns(UserWarning, match="reads as names in") as caught:
        both_readers(path, encoding="cp1252")
    message = str(caught[0].message)
    assert f"reads as names in cp1253 (Greek: {name!r}), not in" in message
    assert message.endswith("pass encoding='cp1253' if it is Greek text."), message


# Russian names in small letters: cp1251's read as cp1252 were named koi8-r
# (whose capitals those bytes are: ЮММЮ for анна) or Hebrew, and koi8-r's
# were named cp1251, a whole file too; and АЛЕКСАНДР, whose ндр is no sign
# against it, must stay named koi8-r.
SMALL_CYRILLIC = {
    "cp1251": [["наталья"], ["ольга"], ["елена"], ["анна"], ["мария"], ["зоя"],
               ["андрей"], ["алексей"], ["александр"]],
    "koi8-r": [["наталья"], ["дмитрий"], ["мария"], ["юрий"], ["борис"],
               ["наталья", "ирина", "михаил", "анна", "мария", "елена", "павел"],
               ["АЛЕКСАНДР"]],
}  # fmt: skip


@pytest.mark.parametrize(
    "codec, names",
    [(codec, names) for codec, lists in SMALL_CYRILLIC.items() for names in lists],
)
def test_russian_names_in_small_letters_name_their_code_page(tmp_path, codec, names):
    path = write(tmp_path / "names.txt", names, codec)
    with pytest.warns(UserWarning, match="reads as names in") as caught:
        both_readers(path, encoding="cp1252")
    message = str(caught[0].message)
    what = {"cp1251": "Cyrillic", "koi8-r": "Russian, KOI8-R"}[codec]
    assert f"reads as names in {codec} ({what}: {names[0]!r}), not in" in message
    assert message.endswith(f"pass encoding={codec!r} if it is {what} text."), message
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert both_readers(path, encoding=codec) == names


SCRIPTS = {
    "a-z": ["asha", "ravi", "meena", "john"],
    "accents": ["Zoë", "José", "Müller", "Anne"],
    "cyrillic": ["Анна", "Иван", "Мария", "Пётр"],
    "devanagari": ["आशा", "रवि", "मीना", "कमला"],
}


@pytest.mark.parametrize("script", list(SCRIPTS))
@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("given", ["utf-8", "latin-1", "utf-16", "utf-16-be"])
def test_utf32_without_a_byte_order_mark_is_named(tmp_path, script, codec, given):
    names = SCRIPTS[script]
    path = write(tmp_path / "names.txt", names, codec)
    message = refused(path, f"pass encoding='{codec}'", encoding=given)
    order = "little" if codec.endswith("le") else "big"
    assert f"UTF-32 text ({order}-endian) without a byte-order mark" in message
    assert "UTF-16" not in message and "pass encoding='utf-16" not in message
    assert both_readers(path, encoding=codec) == names


@pytest.mark.parametrize("given", ["latin-1", "utf-16"])
def test_utf32_with_a_byte_order_mark_read_otherwise_is_named(tmp_path, given):
    path = write(tmp_path / "names.txt", SCRIPTS["accents"], "utf-32")
    message = refused(path, "pass encoding='utf-32'", encoding=given)
    assert "UTF-32 text, with a byte-order mark" in message
    assert both_readers(path) == SCRIPTS["accents"]  # the default reads it


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]])
def test_the_command_line_names_utf32_with_its_flag(tmp_path, capsys, chunks):
    path = write(tmp_path / "names.txt", SCRIPTS["cyrillic"], "utf-32-be")
    argv = ["train", path, "-q", "-o", tmp_path / "m.skops", *chunks]
    status, _, err = run(capsys, *argv)
    assert status == 1 and "Traceback" not in err and "encoding=" not in err
    assert "pass --encoding utf-32-be." in err


# Found by fuzzing: a byte-order mark of the other width (UTF-16's read with
# encoding='utf-32', UTF-32 big-endian's with 'utf-16') went to Python's
# reader of that width, whose bare "UTF-32 stream does not start with BOM"
# named neither the file nor the encoding to pass.
@pytest.mark.parametrize(
    "bom, codec, given, width",
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-32", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-32", "UTF-16"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-16", "UTF-32"),
    ],
)
def test_the_other_widths_byte_order_mark_is_named(tmp_path, bom, codec, given, width):
    path = tmp_path / "names.txt"
    path.write_bytes(bom + "\n".join(SCRIPTS["accents"]).encode(codec))
    message = refused(path, f"pass encoding='{width.lower()}'", encoding=given)
    assert f"not a {given} text file" in message
    assert f"{width} text, with a byte-order mark" in message
    assert both_readers(path) == SCRIPTS["accents"]  # the default reads it
