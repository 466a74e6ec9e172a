"""An end marker that does not show: refused by ``--end-symbol``, told by a
warning in Python, as NUL is refused.

``end_symbol="\\x00"`` was refused (NumPy's strings drop it), but a line break,
DEL, a zero-width space, a tab, a space or a lone combining mark trained
without a word: the end of every name was then a line break or nothing in
``vocabulary_``, the tables and ``score --explain``. The command line now
refuses each before any name is read; ``fit`` warns and takes it, as a model
saved with one, and a copy of its settings, must fit again
(test_saved_unseen_end_symbol.py).
"""

import unicodedata
import warnings

import pytest

from sknextchar import (
    ContextWindowTransformer,
    NameSampler,
    make_default_pipeline,
    train_from_file,
)
from sknextchar.cli import main

UNSEEN = ["\n", "\r", "\x01", "\x7f", "\x85", "\t", " ", "\xa0", "\u200b", "\u200d",
          "\ufeff", "\u2028", "\u2029", "\u0301", "\u20dd", "\udcff"]  # fmt: skip
NAMES = ["asha", "ravi", "meera", "anil"]


def told(caught):
    return [str(w.message) for w in caught if str(w.message).startswith("end_symbol")]


@pytest.mark.parametrize("symbol", UNSEEN, ids=[f"U+{ord(c):04X}" for c in UNSEEN])
def test_fit_warns_of_an_end_symbol_that_does_not_show(symbol):
    transformer = ContextWindowTransformer(end_symbol=symbol)
    with pytest.warns(UserWarning, match=r"^end_symbol is .*Pass a character that"):
        transformer.fit(NAMES)
    assert transformer.vocabulary_[0] == symbol


def test_the_warning_names_an_invisible_character():
    with pytest.warns(UserWarning) as caught:
        ContextWindowTransformer(end_symbol="\u200b").fit(["asha"])
    message = told(caught)[0]
    assert "'\\u200b' (ZERO WIDTH SPACE), a character that does not show" in message
    assert "Pass a character that shows, such as '-' or '.'" in message


# The names of the control characters of UNSEEN, as Unicode's aliases give them.
CONTROL_NAMES = {"\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\x7f": "DELETE",
                 "\x85": "NEXT LINE", "\t": "CHARACTER TABULATION"}  # fmt: skip


def said_name(symbol):
    """The name a message should give ``symbol``: Unicode's, or its alias."""
    if symbol in CONTROL_NAMES:
        assert unicodedata.lookup(CONTROL_NAMES[symbol]) == symbol
        return CONTROL_NAMES[symbol]
    return unicodedata.name(symbol, f"U+{ord(symbol):04X}")


@pytest.mark.parametrize(
    "symbol", UNSEEN[:-1], ids=[f"U+{ord(c):04X}" for c in UNSEEN[:-1]]
)
def test_each_character_is_named(symbol):
    # Only Cf characters, marks and spaces but the ASCII one were named:
    # '\u2028', ' ', '\t' and '\x7f' were told by their repr alone.
    with pytest.warns(UserWarning) as caught:
        ContextWindowTransformer(end_symbol=symbol).fit(NAMES)
    [message] = told(caught)
    assert message.startswith(f"end_symbol is {symbol!r} ({said_name(symbol)}), a "), (
        message
    )


def test_nul_is_still_refused():
    transformer = ContextWindowTransformer(end_symbol="\x00")
    with pytest.raises(ValueError, match=r"^end_symbol cannot be '\\x00' \(NUL\)"):
        transformer.fit(NAMES)
    assert not hasattr(transformer, "vocabulary_")


def test_a_pipeline_warns_once(tmp_path):
    pipeline = make_default_pipeline().set_params(
        windows__end_symbol="\n", clf__max_iter=1
    )
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES * 30) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        NameSampler(pipeline).fit(NAMES)
        fit_by_chunks = told(caught)
        train_from_file(names, pipeline, chunk_size=20)  # 6 chunks, one fit
    assert len(fit_by_chunks) == 1 and len(told(caught)) == 2, told(caught)
    assert fit_by_chunks[0].startswith("end_symbol is '\\n'")


@pytest.mark.parametrize("symbol", ["\n", "\x7f", "\u200b", "\u2028", " ", "\x01"])
def test_the_command_line_refuses_it(symbol, tmp_path, capsys):
    names, output = tmp_path / "names.txt", tmp_path / "o.skops"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(names), "--model", "kneser-ney", "--end-symbol", symbol]
    assert main([*argv, "-o", str(output)]) == 1
    err = capsys.readouterr().err
    kind = "control character" if symbol in "\n\x7f\x01" else "character"
    named = f"{symbol!r} ({said_name(symbol)}), a {kind} that does not show"
    assert err.startswith(f"sknextchar: error: --end-symbol cannot be {named}"), err
    assert "Traceback" not in err and "end_symbol" not in err and not output.exists()


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "2"]], ids=["memory", "file"])
def test_a_byte_that_is_no_utf8_is_told_as_a_byte(chunks, tmp_path, capsys):
    # $'\xff' of a shell: no character was typed (os.fsdecode's U+DCFF).
    names, output = tmp_path / "names.txt", tmp_path / "o.skops"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(names), "--end-symbol", "\udcff", *chunks]
    assert main([*argv, "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "sknextchar: error: --end-symbol cannot be the byte \\xff of the command "
        "line, which is no UTF-8 and so no character. Pass a character that shows"
    ), err
    assert "\\udcff" not in err and not output.exists()


@pytest.mark.parametrize("symbol", ["-", ".", "\u2022", "\u00b6", "\u0915", "\u0903"])
def test_a_character_that_shows_is_kept_without_a_word(symbol):
    transformer = ContextWindowTransformer(alphabet="abc", end_symbol=symbol)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert transformer.fit(["abc"]).vocabulary_[0] == symbol


@pytest.mark.parametrize(
    "settings",
    [{"calibration": "temperature", "cv": 3},
     {"calibration": "weights", "cv": 3, "ensemble": False}],
    ids=["folds", "folds-and-refit"],
)  # fmt: skip
def test_a_calibrated_classifier_warns_once_per_fit(settings):
    # Each fold's fit, and the refit on all the names, warned: 3 or 4 times.
    from sklearn.pipeline import make_pipeline

    from sknextchar import KneserNeyClassifier, NameLabelClassifier, PerLabelClassifier

    pipe = make_pipeline(
        ContextWindowTransformer(end_symbol="\n"),
        PerLabelClassifier(KneserNeyClassifier()),
    )
    names = ["asha", "ravi", "meera", "anil", "sita", "omar"] * 2
    labels = ["f", "m", "f", "m", "f", "m"] * 2
    classifier = NameLabelClassifier(pipe, **settings)
    for _ in range(2):  # each call of fit warns
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            classifier.fit(names, labels)
        assert len(told(caught)) == 1, told(caught)
        assert caught[0].filename == __file__
