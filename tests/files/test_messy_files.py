"""Files of names in the wrong encoding: the message says which line, and what
to pass, and following it reads the names (never a silent misreading).

Each case goes through ``load_names`` (the whole file at once) and
``read_name_chunks`` (``train --chunk-size``, in blocks), which must agree.
"""

import re
import sys

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._name_chunks import read_name_chunks
from sknextchar.datasets import load_names
from tests._command_runs import run

NAMES = ["José", "Zoë", "Anne", "Noël", "O'Brien", "Chloé"]
NATIVE = "utf-16-" + sys.byteorder[0] + "e"  # what "utf-16" reads without a BOM
SWAPPED = "utf-16-be" if NATIVE == "utf-16-le" else "utf-16-le"


def write(path, data):
    path.write_bytes(data)
    return path


def both_readers(path, **kwargs):
    """The names of ``path`` read whole and in chunks (which must agree)."""
    whole = load_names(path, **kwargs)
    assert sum(read_name_chunks(path, 2, **kwargs), []) == whole
    return whole


def refused(path, match, **kwargs):
    """The message of both readers, which must refuse ``path`` alike."""
    with pytest.raises(ValueError, match=match) as whole:
        load_names(path, **kwargs)
    with pytest.raises(ValueError, match=match) as chunked:
        list(read_name_chunks(path, 2, **kwargs))
    assert str(whole.value) == str(chunked.value)
    return str(whole.value)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("names", [NAMES, ["Asha", "Ravi", "Anne"]])
def test_utf16_without_a_byte_order_mark_is_named_in_its_order(tmp_path, codec, names):
    # Accented names fail to decode as UTF-8; ASCII ones decode with NULs.
    path = write(tmp_path / "names.txt", "\n".join(names).encode(codec))
    message = refused(
        path, f"UTF-16 text .*without a byte-order mark; pass encoding='{codec}'"
    )
    assert "latin-1" not in message
    assert both_readers(path, encoding=codec) == names


def test_utf16_in_the_other_byte_order_is_refused_not_misread(tmp_path):
    # "utf-16" without a BOM reads this machine's order; the other order would
    # give one "name" of CJK-looking characters, silently.
    for names in (NAMES, ["Asha"]):  # one name: no line end to tell it by
        path = write(tmp_path / "names.txt", "\n".join(names).encode(SWAPPED))
        refused(path, f"other byte order; pass encoding='{SWAPPED}'", encoding="utf-16")
        refused(path, f"other byte order; pass encoding='{SWAPPED}'", encoding=NATIVE)


@pytest.mark.parametrize(
    "names", [["राहुल", "प्रिया", "सुनीता"] * 10, ["Анна", "Борис", "Ирина"] * 400]
)
def test_utf16_of_another_script_in_the_other_order_is_refused(tmp_path, names):
    """Devanagari or Cyrillic letters swapped have no zero byte: the swapped line
    breaks (U+0A00) tell the order."""
    path = write(tmp_path / "names.txt", ("\n".join(names) + "\n").encode(SWAPPED))
    refused(path, f"line breaks: .*pass encoding='{SWAPPED}'", encoding="utf-16")


def test_utf16_without_a_mark_reads_the_same_whole_and_in_chunks(tmp_path):
    # The chunked reader failed: "UTF-16 stream does not start with BOM".
    path = write(tmp_path / "names.txt", "\n".join(NAMES).encode(NATIVE))
    assert both_readers(path, encoding="utf-16") == NAMES


def test_one_line_of_another_encoding_in_utf8_asks_for_that_line(tmp_path):
    # Passing latin-1, as the message used to say, would misread every other
    # accented letter ("JosÃ©"): the fix is the one line, which is shown.
    lines = ["Zoë"] + [f"name{i}" for i in range(1, 3000)]  # past a read's block
    lines[2499] = "Noël"
    data = "\n".join(lines).encode().replace("Noël".encode(), "Noël".encode("cp1252"))
    path = write(tmp_path / "names.txt", data)
    message = refused(path, r"at line 2500: b'No\\xebl'\)")
    assert "reads 'Noël'): write it again in UTF-8" in message
    assert "encoding='latin-1' would misread" in message
    # A file with no letter outside ASCII before the bad byte: its encoding.
    latin = write(tmp_path / "latin.txt", "Anne\nJosé\n".encode("latin-1"))
    refused(latin, r"at line 2: b'Jos\\xe9'\); .*pass encoding='latin-1'")


def test_windows_1252_read_as_latin_1_is_refused_for_cp1252(tmp_path):
    names = ["Anne", "O’Brien", "Zoë", "Œdipe"]
    path = write(tmp_path / "names.txt", "\n".join(names).encode("cp1252"))
    refused(path, r"line 2: b'O\\x92Brien'\); .*encoding='cp1252'")
    message = refused(path, "encoding='cp1252'", encoding="latin-1")
    assert message.startswith("Line 2 of ")
    assert "'\\x92' (U+0092), a control character" in message
    assert "read as names in cp1252 (Western European: 'O’Brien')" in message
    assert both_readers(path, encoding="cp1252") == names


def test_a_stray_nul_is_named_as_damage_not_as_utf16(tmp_path):
    path = write(tmp_path / "names.txt", b"Anne\nRa\x00vi\nZoe\n")
    message = refused(path, r"NUL characters \(line 2\)")
    assert "damaged there" in message and "looks like UTF-16" not in message


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2", "--max-iter", "1"]])
def test_the_command_line_says_the_same_in_its_spelling(tmp_path, capsys, chunks):
    model = tmp_path / "m.skops"
    names = [*NAMES, "D’Arcy"]
    path = write(tmp_path / "names.txt", "\n".join(names).encode("cp1252"))
    tiny = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--embedding-dim", "2"]
    argv = ["train", path, "--alphabet", "auto", *tiny, "-q", *chunks]
    status, _, err = run(capsys, *argv, "-o", model, "--encoding", "latin-1")
    assert status == 1 and err.count("\n") == 1 and not model.exists()
    assert "pass --encoding cp1252" in err
    status, _, err = run(capsys, *argv, "-o", model, "--encoding", "cp1252")
    assert status == 0 and model.exists(), err
    path = write(tmp_path / "names.txt", "\n".join(NAMES).encode("utf-16-be"))
    status, _, err = run(capsys, *argv, "-o", tmp_path / "n.skops")
    assert status == 1 and "pass --encoding utf-16-be." in err


def test_the_note_quotes_a_label_header_the_shell_would_split(tmp_path, capsys):
    path = tmp_path / "kids.csv"
    path.write_text("First Name,Birth Place\nAnna,Oslo\nJosé,Lima\n", encoding="utf-8")
    argv = ["train", path, "--model", "kneser-ney", "--alphabet", "auto"]
    status, _, err = run(capsys, *argv, "-o", tmp_path / "m.skops")
    assert status == 0 and "pass --labels 'Birth Place'." in err


def test_a_pattern_with_letters_no_drawn_name_holds_says_which():
    # A model of lowercased names never writes 'J': the request fails, and the
    # message says why instead of only "the model rarely produces such names"
    # (before drawing: every match holds 'J').
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit(NAMES * 3)
    names = sampler.sample(2, pattern="jos.*", random_state=0)
    assert all(name.startswith("jos") for name in names)
    lowercase = "hold 'J', which the model never writes (it writes names in lowercase"
    with pytest.raises(ValueError, match=re.escape(lowercase)):
        sampler.sample(2, pattern="José.*", max_rounds=1, random_state=0)
    with pytest.raises(ValueError, match=r"hold 'X', 'v', which the model never"):
        sampler.sample(2, pattern="Xav.*", max_rounds=1, random_state=0)
    # Each alternative needs a letter of its own: refused before drawing too.
    either = r"matches only names that hold 'X' or 'Y', which the model never writes"
    with pytest.raises(ValueError, match=either):
        sampler.sample(2, pattern="(X|Y)a.*", max_rounds=1, random_state=0)


# ----------------------------------------- look-alikes of characters it knows
LEARNED = ["O'Brien", "Mary Ann", "Jean-Luc", "D'Arcy", "Anne-Marie"]


# A no-break space is no longer a look-alike: it reads as the space
# (tests/text/test_space_look_alikes.py).
@pytest.mark.parametrize(
    "typed, plain",
    [("O\u2019Brien", "'"), ("Jean\u2013Luc", "-")],
    ids=["curly-apostrophe", "en-dash"],
)
def test_a_look_alike_of_a_known_character_is_named(typed, plain):
    """A curly apostrophe or a dash copied from a document: the message says
    which character of the model it looks like."""
    windows = ContextWindowTransformer(alphabet="auto", lowercase=False)
    windows.fit(LEARNED)
    with pytest.raises(ValueError, match=f"looks like {plain!r}, which the model") as e:
        windows.transform([typed])
    assert "type that instead" in str(e.value)


def test_a_look_alike_the_model_does_not_know_is_not_offered():
    windows = ContextWindowTransformer(alphabet="auto").fit(["anna", "ugo"])
    with pytest.raises(ValueError, match="outside the vocabulary") as e:
        windows.transform(["o\u2019a"])
    assert "looks like" not in str(e.value)


def test_a_pattern_with_a_look_alike_says_what_the_model_writes():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="auto", lowercase=False),
        KneserNeyClassifier(order=3),
    )
    sampler = NameSampler(pipe).fit(LEARNED * 4)
    with pytest.raises(ValueError, match="it writes \"'\" for '\u2019'"):
        sampler.sample(2, pattern="O\u2019.*", max_rounds=3, random_state=0)


def test_a_lowercase_pattern_to_a_model_of_capitals_is_told_about_case():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="auto", lowercase=False),
        KneserNeyClassifier(order=3),
    )
    sampler = NameSampler(pipe).fit(["Anna", "Anton", "Bella", "Bruno"] * 4)
    with pytest.raises(ValueError, match=r"\(\?i\) at the start of the pattern"):
        sampler.sample(2, pattern="an.*", max_rounds=3, random_state=0)
    assert sampler.sample(2, pattern="(?i)an.*", random_state=0)  # as it advises
