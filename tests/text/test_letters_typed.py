"""Letters real users type, told where they are read.

Before: ``score MODEL Ａｓｈａ`` scored ``asha`` without the note ``train``
gives; the refusal of ``аsha`` (a Cyrillic ``а``) listed ``['а']`` without
saying what it is; a Greek ``ο`` inside a Cyrillic word, or a Latin ``a``
inside a Greek one, was not warned of; the advice on compatibility forms
cited full-width letters, which are read as ASCII; a ``--keep-case`` model
of ``Tel'Quessir`` offered no name for ``tel'quessir``.
"""

import warnings

import numpy as np
import pytest

from sknextchar import ContextWindowTransformer
from sknextchar._letter_forms import LetterNotes, full_width_read_note
from sknextchar._look_alike_letters import odd_letters
from sknextchar._unknown_advice import compatibility_note
from sknextchar._unknown_message import case_note
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names
from tests.cli.test_cli_classify import labelled_model  # noqa: F401 (a fixture)
from tests.text.test_letter_forms import _fit_warnings

KN = ["--model", "kneser-ney", "--seed", "0"]
WIDE = "full-width letters or digits, read as ASCII ones as the model learned them"


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("letters")
    names = folder / "names.txt"
    names.write_text("asha\namit\nabid\nmeena\nkiran\n", encoding="utf-8")
    path = folder / "m.skops"
    assert main(["train", str(names), "-o", str(path), "-q", *KN]) == 0
    return str(path)


def _run(capsys, argv):
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_score_notes_full_width_letters_once(model, capsys):
    status, out, err = _run(capsys, ["score", model, "Ａｓｈａ", "amit", "Ａｍｉｔ"])
    assert status == 0, err
    assert err.count("Note:") == 1, err
    assert f"Note: 2 of 3 names have {WIDE} ('Ａｓｈａ' as 'asha')." in err
    assert "Ａｓｈａ" in out  # the row shows the name as typed
    _, _, quiet = _run(capsys, ["score", "-q", model, "Ａｓｈａ"])
    assert quiet == ""  # informational, as train's note


def test_score_says_nothing_of_ascii_names(model, capsys):
    status, _, err = _run(capsys, ["score", model, "asha"])
    assert (status, err) == (0, "")


def test_sample_notes_a_full_width_prefix(model, capsys):
    argv = ["sample", model, "--prefix", "ａｓ", "-n", "3", "--seed", "0"]
    status, out, err = _run(capsys, argv)
    assert status == 0, err
    assert all(name.startswith("as") for name in out.split())
    assert err == f"Note: the prefix 'ａｓ' has {WIDE} ('ａｓ' as 'as').\n"
    status, _, err = _run(capsys, [*argv, "--report"])  # names drawn all at once
    assert status == 0, err
    assert err.count(f"Note: the prefix 'ａｓ' has {WIDE}") == 1, err


def test_classify_notes_full_width_letters(labelled_model, capsys):  # noqa: F811
    status, _, err = _run(capsys, ["classify", str(labelled_model), "Ｍａｒｉａ"])
    assert status == 0, err
    assert f"Note: the name 'Ｍａｒｉａ' has {WIDE} ('Ｍａｒｉａ' as 'maria')." in err


def test_no_note_for_a_model_that_learned_full_width_letters():
    """An alphabet of full-width letters keeps them: nothing is read as ASCII."""
    windows = ContextWindowTransformer(alphabet="ａｓｈ").fit(["ａｓｈａ"])
    assert full_width_read_note(["ａｓｈａ"], windows) is None
    plain = ContextWindowTransformer(alphabet="ash").fit(["asha"])
    assert full_width_read_note(["ａｓｈａ"], plain) is not None


def test_the_python_api_reads_full_width_letters_silently_as_fit_does():
    """``fit`` of ``"Ａｓｈａ"`` gives no warning (``train``'s note is the
    command line's), so neither does a transform of it."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        windows = ContextWindowTransformer().fit(["asha", "Ａｓｈａ"])
        windows.transform(["Ａｓｈａ"])  # no warning
    assert windows.normalize(["Ａｓｈａ"]) == ["asha"]


def test_a_cyrillic_letter_refused_is_named_with_the_latin_one(model, capsys):
    status, _, err = _run(capsys, ["score", model, "\u0430sha"])
    assert status == 1
    assert (
        "'а' (U+0430) is a Cyrillic letter drawn as the Latin 'a', which the "
        "model knows: type 'a' instead" in err
    )
    windows = ContextWindowTransformer().fit(["asha", "olga"])
    with pytest.raises(ValueError, match=r"the model knows 'a', 'o': type those"):
        windows.transform(["\u0430sh\u043e"])  # Cyrillic а and о


def test_a_letter_with_no_look_alike_is_refused_as_before():
    windows = ContextWindowTransformer().fit(["asha"])
    with pytest.raises(ValueError) as error:
        windows.transform(["жasha"])
    assert "drawn as" not in str(error.value)


@pytest.mark.parametrize(
    "fitted, typed",
    [
        (["asha", "anna"], "\u0410\u043d\u043d\u0430"),  # Russian Анна, a Latin model
        (["asha", "anna"], "\u0410\u041d\u041d\u0410"),  # АННА
        (["\u03bc\u03b1\u03c1\u03af\u03b1"], "Maria"),  # Latin Maria, a Greek model
    ],
    ids=["Анна", "АННА", "Maria"],
)
def test_a_name_of_another_script_is_not_told_to_retype_a_letter(fitted, typed):
    """Retyping the ``а`` of ``Анна`` would leave its ``н`` unknown: no
    look-alike advice for a name that needs more than that."""
    windows = ContextWindowTransformer(alphabet="auto").fit(fitted)
    with pytest.raises(ValueError) as error:
        windows.transform([typed])
    assert "drawn as" not in str(error.value)


def test_a_prefix_of_one_look_alike_is_told_what_to_type(model, capsys):
    argv = ["sample", model, "--prefix", "\u0430", "-n", "2"]  # Cyrillic а alone
    status, _, err = _run(capsys, argv)
    assert status == 1
    assert "'а' (U+0430) is a Cyrillic letter drawn as the Latin 'a'" in err
    status, _, err = _run(capsys, ["score", model, "\u0430sha!"])  # and a "!"
    assert status == 1
    assert "drawn as the Latin 'a', which the model knows: type 'a' instead" in err


@pytest.mark.parametrize(
    "name, odd",
    [
        ("Ив\u03bfн", {"\u03bf": "\u043e"}),  # Greek ο in a Cyrillic word
        ("ΑΝΝ\u0410", {"\u0410": "\u0391"}),  # Cyrillic А in a Greek word
        ("Μ\u0061ρία", {"a": "\u03b1"}),  # Latin a in a Greek word
        ("\u03bal\u03b1ra", {}),  # Greek κ, α: κ looks like no Latin letter
        ("\u03a0\u0451\u0442\u0440", {"\u03a0": "\u041f"}),  # Greek Π in Пётр
    ],
)
def test_look_alikes_of_greek_and_cyrillic(name, odd):
    assert odd_letters(name) == odd


def test_a_greek_letter_in_a_cyrillic_name_is_warned_of():
    told = _fit_warnings(["Иван", "Ив\u03bfн"])
    assert len(told) == 1, told
    assert "names[1]='Ивοн' with Greek 'ο' (U+03BF) for 'о'" in told[0]


REAL = [
    # Greek
    *["Γιώργος Παπαδόπουλος", "Μαρία", "Αικατερίνη", "Ιωάννης", "Ελένη"],
    *["Κωνσταντίνος", "Σοφία", "ΝΙΚΟΣ", "Δημήτρης Χ.", "Οδυσσέας"],
    # Russian
    *["Иван Петров", "Мария", "Ольга Сергеевна", "Алексей", "ЕКАТЕРИНА"],
    *["Юрий", "Наталья", "Maria Иванова", "J.R.R. Толкин"],
    # Serbian (Cyrillic and Latin), Bulgarian, Ukrainian
    *["Јован Јовановић", "Љиљана", "Đorđe Petrović", "Ђорђе", "Његош"],
    *["Стоян", "Цветелина", "Ъглен", "Їжак", "Іван", "Ґалаґан"],
    *["Χρήστος", "Παναγιώτης", "Ευάγγελος", "Θεόδωρος", "ΑΘΗΝΑ Ρόδου"],
    *["Фёдор Достоевский", "Пётр", "Христо Стоичков", "Божидар", "Никола Тесла"],
    *["Novak Đoković", "ЖЕНЯ"],
    # mixed lists, one script a word
    *["Ζωή Smith", "Anna-Мария", "Σπύρος Ivanov", "Olga Ольга Όλγα"],
]


def test_no_look_alike_warning_on_real_names():
    assert _fit_warnings(REAL) == []
    assert _fit_warnings(load_indian_names()) == []
    assert all(odd_letters(name) == {} for name in REAL)


def test_compatibility_advice_cites_what_stays_a_compatibility_form():
    note = compatibility_note(["\uff07"], "names", True)  # a full-width apostrophe
    assert "full-width punctuation, half-width kana" in note
    assert "full-width letters" not in note


@pytest.mark.parametrize(
    "known, typed, offered",
    [
        ("TelQusir'", "tel'quessir", 'type "Tel\'Quessir"'),
        ("TelQusir\u2019", "tel\u2019quessir", "type 'Tel\u2019Quessir'"),
        ("OoNeil'", "o'neil", 'type "O\'Neil"'),
    ],
)
def test_a_capital_after_an_apostrophe_is_offered(known, typed, offered):
    note = case_note(sorted(set(typed) - set(known)), set(known), typed)
    assert note.endswith(offered), note


def test_no_name_offered_for_a_letter_by_letter_switch():
    # "JÜrGen" needs a capital inside a word: no such guess.
    note = case_note(["j", "ü", "g"], set("JÜrGen"), "jürgen")
    assert "type" not in note


def test_keep_case_model_offers_the_name_with_its_capital(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("Tel'Quessir\nKa'Thar\nAlu'Ren\n", encoding="utf-8")
    path = str(tmp_path / "k.skops")
    flags = ["--keep-case", "--alphabet", "auto", "-q", *KN]
    assert main(["train", str(names), "-o", path, *flags]) == 0
    status, _, err = _run(capsys, ["score", path, "tel'quessir"])
    assert status == 1
    assert "knows 'Q' (for 'q'), 'T' (for 't'): type \"Tel'Quessir\"" in err


def test_letter_notes_keep_the_name_with_an_i_in_two_fields():
    letters = LetterNotes()
    letters.learned(["IVAN", "meena"])
    letters.learned(["Aydın", "Işıl", "IRMAK", "Işık"])
    assert (letters.with_i, letters.turkish_with_i) == ("IVAN", "Işıl")


def test_a_prefix_of_full_width_capitals_is_told_once(model, capsys):
    # Before: the warning on its capitals, then the note on its full-width
    # letters: two messages on one prefix
    argv = ["sample", model, "--prefix", "Ａｓ", "-n", "2", "--seed", "0"]
    status, out, err = _run(capsys, argv)
    assert status == 0, err
    assert all(name.startswith("as") for name in out.split())
    assert err.count("\n") == 1 and "Note:" not in err, err
    assert err.startswith(
        "sknextchar: warning: The prefix 'Ａｓ' has capitals, which this model "
        "reads as lowercase letters (it was trained without --keep-case), and "
        "full-width letters, read as ASCII ones as the model learned them: its "
        "names start with 'as', in lowercase."
    ), err
    _, _, err = _run(capsys, ["sample", model, "--prefix", "As", "-n", "1"])
    assert "full-width" not in err and "has capitals" in err  # capitals alone


@pytest.mark.parametrize(
    "argv",
    [
        # full-width capitals get sample's warning on capitals, which says
        # both (test_cli_prefix_as_read.py)
        ["table", "ａｓ", "--top", "1"],
        ["plot", "--distribution", "ａｓ", "-o", "d.png"],
        ["plot", "--tree", "ａｓ", "-o", "t.png"],
    ],
)
def test_table_and_plot_note_full_width_letters(argv, model, tmp_path, capsys):
    # Before: no note (only score, classify and sample --prefix gave it)
    argv = [argv[0], model, *argv[1:]]
    if "-o" in argv:
        argv[-1] = str(tmp_path / argv[-1])
    status, _, err = _run(capsys, argv)
    assert status == 0, err
    typed = next(word for word in argv if not word.isascii())
    note = f"Note: the prefix {typed!r} has {WIDE} ({typed!r} as 'as')."
    assert err.count(note) == 1, err
    again = ["--force"] if argv[0] == "plot" else []  # its picture is there
    _, _, quiet = _run(capsys, [*argv, "-q", *again])
    assert "Note:" not in quiet


def test_the_python_warning_on_a_prefix_says_both_too():
    from sknextchar._sample_request import warn_lowered_prefix

    windows = ContextWindowTransformer().fit(["asha"])
    for prefix, wide in (("Ａｓ", True), ("As", False)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ids = [list(windows.vocabulary_).index(char) for char in "as"]
            warn_lowered_prefix(windows, prefix, np.array(ids))
        assert len(caught) == 1
        assert ("full-width letters, read as ASCII" in str(caught[0].message)) is wide


def test_plot_notes_full_width_letters_for_a_pipeline_file(tmp_path, capsys):
    """A model file may hold a Pipeline (saved from Python), not a sampler."""
    from sklearn.pipeline import make_pipeline

    from sknextchar import KneserNeyClassifier, save_model

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    path = str(save_model(pipe.fit(["asha", "amit"]), tmp_path / "kn.skops"))
    argv = ["plot", path, "--distribution", "ａｓ", "-o", str(tmp_path / "d.png")]
    status, _, err = _run(capsys, argv)
    assert status == 0, err
    assert f"Note: the prefix 'ａｓ' has {WIDE} ('ａｓ' as 'as')." in err
