"""Letters that are not the ones they look like: full-width letters, the
Turkish ı and İ, a Cyrillic "а" inside a Latin name.

Before, "Ａｓｈａ" (typed with a CJK input method) was refused by the default
alphabet and learned by ``alphabet="auto"`` as four letters of its own; a
file with "IŞIK" was learned as "işik" without a word; "аsha" with a Cyrillic
"а" was learned as another name than "asha" without a word.
"""

import warnings

import pytest

from sknextchar import ContextWindowTransformer, _text
from sknextchar._letter_forms import LetterNotes
from sknextchar._text import normalize_text
from sknextchar.cli import main


def test_full_width_letters_and_digits_are_read_as_ascii():
    assert normalize_text("Ａｓｈａ２") == "asha2"
    assert normalize_text("Ａｓｈａ", lowercase=False) == "Asha"
    # Other full-width and half-width forms stay: kana, punctuation.
    assert normalize_text("ｱｼｬ＇") == "ｱｼｬ＇"
    learned = ContextWindowTransformer(alphabet="auto").fit(["Ａｓｈａ", "meena"])
    assert learned.vocabulary_ == ("-", "a", "e", "h", "m", "n", "s")
    default = ContextWindowTransformer().fit(["Ａｓｈａ", "meena"])  # not refused
    assert default.normalize(["Ａｓｈａ"]) == ["asha"]


def test_an_alphabet_of_full_width_letters_keeps_them():
    """An alphabet given so, or learned by a model saved before the fold."""
    windows = ContextWindowTransformer(alphabet="ａｓｈ").fit(["Ａｓｈａ"])
    assert windows.normalize(["Ａｓｈａ"]) == ["ａｓｈａ"]


def _fit_warnings(names):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ContextWindowTransformer(alphabet="auto").fit(names)
    return [str(w.message) for w in caught]


def test_a_cyrillic_letter_in_a_latin_name_is_warned_of():
    told = _fit_warnings(["asha", "\u0430sha", "meena", "Ив\u0061н"])
    assert len(told) == 1, told
    assert told[0].startswith("2 names mix letters of two scripts that look alike")
    assert "names[1]='аsha' with Cyrillic 'а' (U+0430) for 'a'" in told[0]
    assert "names[3]='Ивaн' with Latin 'a' (U+0061) for 'а'" in told[0]


def test_a_cyrillic_letter_among_full_width_latin_ones_is_warned_of():
    """Full-width letters are learned as ASCII ones: "Ａｓｈа" (a Cyrillic
    "а" at the end) is learned as "ashа", apart from "asha"."""
    told = _fit_warnings(["asha", "Ａｓｈ\u0430"])
    assert len(told) == 1, told
    assert "names[1]='Ａｓｈа' with Cyrillic 'а' (U+0430) for 'a'" in told[0]


@pytest.mark.parametrize(
    "names",
    [
        ["Иван", "Asha", "Ζωή", "José"],  # one script a name
        ["Maria Иванова"],  # one script a word
        ["علی\u200cرضا", "Mary\u00a0Ann", "Mar\u00adia"],  # a ZWNJ, spaces, hyphens
        ["Ωmar"],  # no look-alike: a letter of its own
    ],
)
def test_names_of_one_script_a_word_are_not_warned_of(names):
    assert _fit_warnings(names) == []


def _train(tmp_path, capsys, names, *flags):
    path = tmp_path / "names.txt"
    path.write_text("".join(name + "\n" for name in names), encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "--force"]
    model = [] if "--model" in flags else ["--model", "kneser-ney"]  # given once
    status = main([*argv, "--seed", "0", *model, *flags])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out, captured.err


NAMES = ["Ａｓｈａ", "IŞIK", "Aydın", "meena", "kiran"]


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]], ids=["all", "chunks"])
def test_train_notes_full_width_and_turkish_letters(tmp_path, capsys, chunks):
    flags = ["--alphabet", "auto", *chunks]
    if chunks:  # in chunks, the MLP
        flags = [*flags, "--model", "mlp", "--max-iter", "1"]
        flags += ["--validation-fraction", "0"]
    out, _ = _train(tmp_path, capsys, NAMES, *flags)
    notes = [line for line in out.splitlines() if line.startswith("Note:")]
    assert (
        "Note: 1 of 5 names has full-width letters or digits, learned as ASCII "
        "ones ('Ａｓｈａ' as 'asha')." in notes
    )
    turkish = [note for note in notes if "Turkish" in note]
    assert len(turkish) == 1
    assert turkish[0].startswith("Note: 1 of 5 names holds the Turkish ı or İ")
    assert "('IŞIK' as 'işik', not 'ışık')" in turkish[0]
    assert turkish[0].endswith("train with --keep-case --alphabet auto.")


def test_no_turkish_note_with_case_kept(tmp_path, capsys):
    out, _ = _train(tmp_path, capsys, NAMES, "--alphabet", "auto", "--keep-case")
    assert "Turkish" not in out
    assert "full-width" in out  # read as ASCII in any case


def test_train_warns_of_a_cyrillic_letter_with_its_line(tmp_path, capsys):
    _, err = _train(tmp_path, capsys, ["asha", "\u0430sha"], "--alphabet", "auto")
    assert "1 name mixes letters of two scripts that look alike" in err
    assert "'аsha' (line 2 of " in err
    assert "with Cyrillic 'а' (U+0430) for 'a'" in err


@pytest.mark.parametrize(
    "chunks, noted",
    [
        ([["ravı", "ayşe", "meena"]], None),  # no "I": nothing lowercased amiss
        ([["İpek", "Meena"]], None),  # "İ" becomes "i" as in Turkish
        ([["ISIK", "Meena"], ["Aydın"]], "('ISIK' as 'isik', not 'ısık')"),
    ],
    ids=["no-capital", "dotted-capital", "I-in-an-ascii-chunk"],
)
def test_the_turkish_note_only_when_an_i_is_lowercased(chunks, noted):
    # Before, the first two were noted without an example, and the third
    # without one: the "I" of an ASCII chunk was not seen.
    letters = LetterNotes()
    for chunk in chunks:
        letters.learned(chunk)
    windows = ContextWindowTransformer(alphabet="auto").fit(sum(chunks, []))
    notes = [note for note in letters.notes(windows) if "Turkish" in note]
    assert notes == [] if noted is None else noted in notes[0], notes


def test_a_model_saved_before_that_learned_full_width_letters_keeps_them(
    monkeypatch,
):
    """A model fitted before full-width letters were read as ASCII reads names
    as it was trained: its scores and prefixes keep them."""
    with monkeypatch.context() as patch:  # the reading as ASCII undone
        undone = _text._TABLES[False, False, True]
        patch.setitem(_text._TABLES, (False, False, False), undone)
        old = ContextWindowTransformer(alphabet="auto").fit(["Ａｓｈａ", "meena"])
    assert "ａ" in old.vocabulary_
    assert old.normalize(["Ａｓｈａ"]) == ["ａｓｈａ"]
    assert old._normalize("Ａｓ") == "ａｓ"  # a prefix


@pytest.mark.parametrize(
    "params",
    [{"handle_unknown": "drop"}, {"alphabet": "auto", "strip_accents": "ascii"}],
    ids=["dropped", "removed"],
)
def test_no_look_alike_warning_for_letters_the_model_does_not_learn(params):
    # Before, "аsha" read as "sha" was said to be learned with its Cyrillic "а".
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ContextWindowTransformer(**params).fit(["asha", "\u0430sha"])
    assert not [w for w in caught if "look alike" in str(w.message)], caught
