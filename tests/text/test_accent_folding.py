"""strip_accents='unicode' is advised only for accented Latin letters it folds
into the alphabet (not for Arabic "أ", which NFKD also decomposes but which
stays outside a-z), and ``fit`` warns when it removes the marks that letters
of other scripts are spelled with (أحمد read احمد, लक्ष्मी read लकषमी)."""

import warnings

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    _accent_folding,
    make_default_pipeline,
    train_from_file,
)
from sknextchar.cli import main

ARABIC = ["\u0623\u062d\u0645\u062f", "\u0645\u0624\u0645\u0646", "\u0639\u0645\u0631"]
DEVANAGARI = "\u0932\u0915\u094d\u0937\u094d\u092e\u0940"  # लक्ष्मी


def _unknown_message(names, **params):
    with pytest.raises(ValueError, match="outside the vocabulary") as e:
        ContextWindowTransformer(**params).fit(names)
    return str(e.value)


def test_no_fold_advice_for_letters_of_other_scripts():
    message = _unknown_message([*ARABIC, DEVANAGARI])
    assert "strip_accents" not in message
    assert "alphabet='auto'" in message


def test_fold_advice_names_the_latin_letters_it_folds_and_it_works():
    names = ["zoë", "josé"]
    message = _unknown_message(names)
    assert "strip_accents='unicode' to fold accented letters ('é' -> 'e', " in message
    assert "'ë' -> 'e')" in message
    advised = ContextWindowTransformer(strip_accents="unicode")
    advised.fit(names)  # the advice, followed on the same names, is enough
    assert advised.normalize(["zoë"]) == ["zoe"]


def test_no_fold_advice_when_names_of_other_scripts_would_still_fail():
    # Folding leaves the Arabic names unknown, and dropping then empties them:
    # neither setting, alone or together, lets these names through.
    message = _unknown_message(["zoë", "josé", *ARABIC])
    assert "strip_accents" not in message
    assert "handle_unknown='drop' would not do" in message
    assert "to remove unknown characters" not in message
    ContextWindowTransformer(alphabet="auto").fit(["zoë", "josé", *ARABIC])


def _advice(message):
    return message.split("Clean the names, or ", 1)[1]


def _said_once(advice, *settings):
    for setting in settings:
        assert advice.count(setting) == 1, (setting, advice)


def test_fold_and_drop_advice_names_each_setting_once():
    # Dropping alone works, and folding first keeps the accented letters.
    advice = _advice(_unknown_message(["zoë", "an7a"]))
    _said_once(advice, "handle_unknown='drop'", "strip_accents='unicode'")
    assert advice.endswith(
        "or handle_unknown='drop' to remove unknown characters (and "
        "strip_accents='unicode' to fold accented letters ('ë' -> 'e') rather "
        "than remove them)."
    )
    for params in ({"handle_unknown": "drop"},
                   {"handle_unknown": "drop", "strip_accents": "unicode"}):  # fmt: skip
        ContextWindowTransformer(**params).fit(["zoë", "an7a"])  # each works
    # Dropping alone would learn "émile" as "mile": folding and dropping.
    assert _advice(_unknown_message(["émile", "an7a"])).endswith(
        "or strip_accents='unicode' to fold accented letters ('é' -> 'e') and "
        "handle_unknown='drop' to remove the other unknown characters."
    )
    # With case kept, lowercasing is said once, then each setting once.
    advice = _advice(_unknown_message(["Zoë", "an7a"], lowercase=False))
    _said_once(
        advice, "lowercase=True", "handle_unknown='drop'", "strip_accents='unicode'"
    )


def test_train_from_files_advice_names_each_setting_once(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("zoë\nan7a\nanna\n", encoding="utf-8")
    with pytest.raises(ValueError, match="outside the vocabulary") as e:
        train_from_file(path, make_default_pipeline(), chunk_size=2)
    advice = _advice(str(e.value))
    _said_once(
        advice, "windows__handle_unknown='drop'", "windows__strip_accents='unicode'"
    )
    assert advice.endswith(
        "or windows__handle_unknown='drop' to remove unknown characters (and "
        "windows__strip_accents='unicode' to fold accented letters ('ë' -> 'e') "
        "rather than remove them)."
    )


@pytest.mark.parametrize(
    "names, folds",
    [
        # Mixed with accented letters, a ligature hid every fold of the advice
        # ("ﬁ" begins "ﬁona": no dropping is offered either).
        (["ﬁona", "josé", "anna"], "('é' -> 'e', 'ﬁ' -> 'fi')"),
        (["raﬀaele", "zoë", "anna"], "('ë' -> 'e', 'ﬀ' -> 'ff')"),
    ],
    ids=["fi-first", "ff-inside"],
)
def test_fold_advice_names_ligatures_mixed_with_accented_letters(names, folds):
    advice = _advice(_unknown_message(names))
    fold = f"strip_accents='unicode' to fold accented letters and ligatures {folds}"
    assert fold in advice, advice
    _said_once(advice, "strip_accents='unicode'")
    ContextWindowTransformer(strip_accents="unicode").fit(names)  # and it works


@pytest.mark.parametrize(
    "names, folds",
    [
        (["ſara", "josé"], "('é' -> 'e', 'ſ' -> 's')"),  # the long s
        (["ǆenan", "josé"], "('é' -> 'e', 'ǆ' -> 'dz')"),  # a digraph
    ],
    ids=["long-s", "digraph"],
)
def test_fold_advice_names_other_forms_of_letters_mixed_with_accented_ones(
    names, folds
):
    # At HEAD, full-width letters and the long s beside 'é' got no fold advice,
    # and 'ǆ' got the fold of 'é' alone ("and drop the others"). Full-width
    # letters are now read as ASCII ones (test_letter_forms.py).
    advice = _advice(_unknown_message(names))
    fold = "strip_accents='unicode' to fold accented letters and other forms of "
    assert f"{fold}letters {folds}" in advice, advice
    _said_once(advice, "strip_accents='unicode'")
    ContextWindowTransformer(strip_accents="unicode").fit(names)  # and it works


def test_ligatures_alone_are_told_once_as_compatibility_forms():
    # Ligatures alone keep the sentence on compatibility forms, which names
    # the fold: the hints do not say it again.
    message = _unknown_message(["ﬁona", "anna"])
    assert "all compatibility forms of other characters" in message
    _said_once(message, "strip_accents='unicode'")


def test_no_fold_advice_for_a_latin_letter_whose_fold_is_unknown():
    # 'ë' folds to 'e', which this alphabet does not hold.
    assert "strip_accents" not in _unknown_message(["zoë"], alphabet="zo")


def _fit_warnings(names, **params):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ContextWindowTransformer(alphabet="auto", **params).fit(names)
    return [w for w in caught if "combining mark" in str(w.message)]


def test_fit_warns_when_folding_changes_names_of_other_scripts():
    names = ["josé", *ARABIC, DEVANAGARI, "\u0439\u043e\u0441\u0438\u0444"]
    (warning,) = _fit_warnings(names, strip_accents="unicode")
    assert warning.category is UserWarning
    assert warning.filename == __file__  # the user's line, not the package's
    message = str(warning.message)
    assert "4 names are learned changed" in message
    assert "names[1]='أحمد' read as 'احمد'" in message
    assert f"names[4]={DEVANAGARI!r} read as 'लकषमी'" in message
    assert "names[2]='مؤمن'" in message and "'josé'" not in message
    assert "'أ' becomes 'ا'" in message and "'й' becomes 'и'" in message
    assert "'\u094d' (DEVANAGARI SIGN VIRAMA) is removed" in message
    assert "leave strip_accents=None (the default)" in message


def test_an_alphabet_given_in_the_script_warns_too():
    alphabet = sorted(set("".join(ARABIC)) | {"\u0627", "\u0648"})
    (warning,) = _fit_warnings_given(ARABIC, alphabet)
    assert "2 names are learned changed" in str(warning.message)


def test_no_warning_when_the_fit_fails():
    with pytest.raises(ValueError, match="outside the vocabulary"):
        _fit_warnings_given(ARABIC, "abc")  # which checks that none came


def _fit_warnings_given(names, alphabet):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ContextWindowTransformer(alphabet=alphabet, strip_accents="unicode").fit(
                names
            )
        except ValueError:
            assert not [w for w in caught if "combining mark" in str(w.message)]
            raise
    return [w for w in caught if "combining mark" in str(w.message)]


def test_a_pipeline_fit_warns_at_the_users_line():
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto", strip_accents="unicode"),
        KneserNeyClassifier(),
    )
    with pytest.warns(UserWarning, match="learned changed") as caught:
        pipe.fit(ARABIC)
    assert caught[0].filename == __file__


@pytest.mark.parametrize(
    "names, strip",
    [
        (["josé", "zoë", "ångström"], "unicode"),  # accents of Latin letters
        (ARABIC + [DEVANAGARI], None),  # nothing is folded
        (["\ud55c\uc9c0\ubbfc", "\u0628\u0633\u0645"], "unicode"),  # no mark
    ],
)
def test_no_warning_when_no_mark_of_another_script_goes(names, strip):
    assert _fit_warnings(names, strip_accents=strip) == []


def test_the_text_is_scanned_for_shared_marks_only_when_it_holds_one(monkeypatch):
    # A scan of every name of a long list made fit slower by half on ASCII names.
    scanned, scan = [], _accent_folding._SHARED_MARKS
    spy = type("Spy", (), {"findall": lambda _, text: scanned.append(text) or []})
    monkeypatch.setattr(_accent_folding, "_SHARED_MARKS", spy())
    ContextWindowTransformer(strip_accents="unicode").fit(["asha", "ravi"])
    assert _fit_warnings(["jose\u0301", "zoë", *ARABIC], strip_accents="unicode")
    assert scanned == []  # ASCII; then no mark of the shared blocks after NFC
    monkeypatch.setattr(_accent_folding, "_SHARED_MARKS", scan)
    stressed = "\u043c\u0430\u0301\u0448\u0430"  # Cyrillic а and a stress accent
    (warning,) = _fit_warnings(["asha", stressed], strip_accents="unicode")
    assert f"names[1]={stressed!r} read as 'маша'" in str(warning.message)


CYRILLIC = [
    "Андрей", "Оля", "Алёна", "Йосиф", "Иван", "Ёжик",
    "ма\u0301ша", "Сергей", "о\u0301ля", "Майя",  # two with a stress accent
]  # fmt: skip


@pytest.mark.parametrize("chunk_size", [2, 3, 100])
def test_training_from_a_file_in_chunks_warns_once_as_a_fit_on_all(
    tmp_path, chunk_size
):
    from sknextchar import make_default_pipeline, train_from_file

    path = tmp_path / "names.txt"
    path.write_text("\n".join(CYRILLIC) + "\n", encoding="utf-8")
    (in_memory,) = _fit_warnings(CYRILLIC, strip_accents="unicode")
    assert "8 names are learned changed" in str(in_memory.message)
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__alphabet="auto", windows__strip_accents="unicode",
        clf__hidden_layer_sizes=(8,), clf__max_iter=1,
    )  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        train_from_file(path, pipe, chunk_size=chunk_size)
    (warning,) = [w for w in caught if "combining mark" in str(w.message)]
    assert str(warning.message) == str(in_memory.message)  # numbered in the file
    assert warning.filename == __file__


def test_the_command_line_warns_once_for_a_file_in_chunks(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(CYRILLIC) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--alphabet", "auto", "--strip-accents", "unicode"]
    argv += ["--chunk-size", "2", "--max-iter", "1", "-q", "-o", str(tmp_path / "m")]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and err.count("are learned changed") == 1
    assert "'\u0401\u0436\u0438\u043a' (line 6 of" in err  # Ёжик


def test_the_command_line_advises_and_warns_in_flags(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join([*ARABIC, DEVANAGARI]) + "\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    argv = ["train", str(names), "--model", "kneser-ney", "-q", "-o", model]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "--alphabet auto" in err and "strip-accents" not in err
    assert main([*argv, "--alphabet", "auto", "--strip-accents", "unicode"]) == 0
    err = capsys.readouterr().err
    assert "'أحمد' (line 1 of" in err and "read as 'احمد'" in err
    assert "leave out --strip-accents" in err and "strip_accents" not in err
