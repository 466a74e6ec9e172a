"""strip_accents="ascii" removes whole letters that have no ASCII form
(Vietnamese "Đ", Polish "Ł", German "ß", Norwegian "Ø", a curly apostrophe):
a fit says which names it learns changed, and what they are read as, rather
than train on "ukasz" for "Łukasz" without a word."""

import warnings

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main

LOST = ["Đặng", "Łukasz", "Straße", "Øyvind", "O\u2019Neil"]


def _fit_warnings(names, **params):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        windows = ContextWindowTransformer(**params).fit(names)
    return windows, [str(w.message) for w in caught]


@pytest.mark.parametrize("name", LOST)
def test_a_letter_without_an_ascii_form_removed_is_told(name):
    windows, told = _fit_warnings(["Anna", name], strip_accents="ascii")
    (message,) = [text for text in told if "strip_accents='ascii'" in text]
    read = windows.normalize([name])[0]
    assert f"names[1]={name!r} read as {read!r}" in message
    assert "1 name is learned changed" in message
    assert "pass strip_accents='unicode'" in message


def test_accents_alone_and_characters_read_anyway_are_not_told():
    """An accent is what the fold is for; a no-break space is the space, a
    ligature has an ASCII form and a zero-width space goes in any case."""
    names = ["José", "Zoë\u00a0Ann", "\ufb01ona", "Asha\u200b", "\ufeffRavi"]
    _, told = _fit_warnings(names, strip_accents="ascii", alphabet="auto")
    assert told == []


def test_the_unicode_fold_keeps_such_letters_and_does_not_warn():
    windows, told = _fit_warnings(LOST, strip_accents="unicode", alphabet="auto")
    assert told == [] and windows.normalize(["Łukasz"]) == ["łukasz"]


@pytest.mark.slow  # a model trained and saved in a file
def test_train_names_each_changed_name_by_its_line(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("Nguyễn\nĐặng\nAnna\nĐinh\nLiam\n", encoding="utf-8")
    args = ["--strip-accents", "ascii", "--model", "kneser-ney", "-q"]
    code = main(["train", str(names), *args, "-o", str(tmp_path / "m.skops")])
    err = capsys.readouterr().err
    assert code == 0
    assert "'Đặng' (line 2 of" in err and "read as 'ang'" in err
    assert "'Đinh' (line 4 of" in err and "2 names are learned changed" in err
    assert "pass --strip-accents unicode" in err and "'Nguyễn'" not in err


@pytest.mark.parametrize("strip", ["ascii", "unicode"])
def test_only_the_names_that_may_change_are_read_one_by_one(strip, monkeypatch):
    """A long list with a few names that lose a letter is checked at the
    cost of those names, not of a call per name of the list."""
    from sknextchar import _accent_folding

    calls = []
    for name in ("normalize_text", "_nfc"):
        read = getattr(_accent_folding, name)
        monkeypatch.setattr(
            _accent_folding,
            name,
            lambda *args, _read=read, **kwargs: (
                calls.append(1) or _read(*args, **kwargs)
            ),
        )
    names = ["José", "Anna", "Zoë"] * 300 + ["Łukasz"]
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        _accent_folding.warn_other_scripts_folded(names, strip=strip)
    assert len(calls) <= 2, len(calls)


def test_names_that_all_lose_a_letter_are_not_read_one_by_one(monkeypatch):
    """With strip_accents="ascii", when most names lose a letter, only the few
    the warning shows are read one by one (to say what they are read as); all
    are counted."""
    from sknextchar import _accent_folding
    from sknextchar._words import MAX_REPORTED

    calls = []
    for name in ("normalize_text", "_nfc"):
        read = getattr(_accent_folding, name)
        monkeypatch.setattr(
            _accent_folding,
            name,
            lambda *args, _read=read, **kwargs: (
                calls.append(1) or _read(*args, **kwargs)
            ),
        )
    names = ["Łukasz", "Ola", "Straße", "Jerzy\u0301"] * 300
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _accent_folding.warn_other_scripts_folded(names, strip="ascii")
    (message,) = [str(warning.message) for warning in caught]
    assert "600 names are learned changed" in message, message
    assert len(calls) <= MAX_REPORTED + 2, len(calls)


@pytest.mark.parametrize(
    "name, told",
    [("\u013florenç", "'\u013f' becomes 'L'"), ("Louis½", "'½' becomes '12'")],
)
def test_a_character_that_leaves_ascii_behind_says_what_it_becomes(name, told):
    params = {"strip_accents": "ascii", "alphabet": "auto"}
    _, messages = _fit_warnings(["Anna", name], **params)
    (message,) = [text for text in messages if "strip_accents='ascii'" in text]
    assert told in message and "is removed" not in message


def test_a_zero_width_joiner_between_latin_letters_is_not_told():
    # It is read as nothing either way: no letter of the name is lost.
    _, told = _fit_warnings(["Anna", "Ma\u200dry"], strip_accents="ascii")
    assert told == []


def _label_pipe(order=2):
    from sklearn.pipeline import make_pipeline

    from sknextchar import KneserNeyClassifier, PerLabelClassifier

    return make_pipeline(
        ContextWindowTransformer(alphabet="auto", strip_accents="ascii"),
        PerLabelClassifier(KneserNeyClassifier(order=order)),
    )


@pytest.mark.parametrize(
    "params",
    [
        {"estimator": [_label_pipe(2), _label_pipe(3)]},
        {"estimator": _label_pipe(), "calibration": "temperature", "cv": 2},
        {"estimator": _label_pipe(), "calibration": "temperature", "ensemble": False},
    ],
    ids=["two pipelines", "folds", "refit"],
)
def test_a_label_classifier_tells_of_the_changed_names_once(params):
    from sknextchar import NameLabelClassifier

    names = ["Anna", "Łukasz", "Luc", "Paul", "Straße", "Otto", "Đinh", "Ola"] * 2
    labels = ["F", "M"] * 8
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        NameLabelClassifier(**params).fit(names, labels)
    told = [w for w in caught if "strip_accents='ascii'" in str(w.message)]
    assert len(told) == 1 and "6 names are learned changed" in str(told[0].message)
