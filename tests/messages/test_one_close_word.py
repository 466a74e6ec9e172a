"""One did-you-mean guesser for file names, labels, columns and commands
(:func:`sknextchar._shown_paths.close_word`): a number is no typo of another
number; and the notes under a sample report wrap by screen columns, never
between a flag and its value."""

import unicodedata

import pytest

from sknextchar._sample_report import report_note
from sknextchar._unknown_label import unknown_label_error
from sknextchar.cli._errors import cli_spelling
from sknextchar.cli._unknown_args import unknown_command
from sknextchar.datasets._table_rows import close_header


def _columns(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("typed", ["10", "20", "1,00", "-100"])
def test_a_number_is_no_typo_of_another_number(typed):
    # Before: "Unknown --label 10: ... did you mean --label 100?"
    message = cli_spelling(str(unknown_label_error(typed, ["100", "200"])))
    assert "did you mean" not in message, message
    assert close_header(typed, ["100", "name"]) == ""


def test_words_are_still_guessed_beside_numbers():
    message = cli_spelling(str(unknown_label_error("femal", ["female", "100"])))
    assert message.endswith("did you mean --label female?"), message
    assert close_header("nmae", ["name", "100"]) == " (did you mean 'name'?)"
    assert close_header("10a", ["100", "name"]) == " (did you mean '100'?)"
    invalid = "argument COMMAND: invalid choice: 'trian' (choose from ...)"
    told = unknown_command(invalid, ["train", "sample"], "sknextchar")
    assert told == "unknown command 'trian'; did you mean 'train'?"


def test_a_note_of_wide_characters_fits_80_screen_columns():
    # Before: wrapped at 79 characters, 2 columns each: 100 columns and more.
    note = report_note("(" + " ".join(["名前です"] * 30) + ")")
    assert len(note.splitlines()) > 1
    assert all(_columns(line) <= 79 for line in note.splitlines()), note
    assert note.replace("\n ", " ") == "(" + " ".join(["名前です"] * 30) + ")"


@pytest.mark.parametrize("before", range(60, 80))
def test_a_flag_is_never_wrapped_apart_from_its_value(before):
    # Before: "... --label" ending one line, "female ..." starting the next.
    text = "(" + "x" * (before - 10) + " names: --label female --min-label-proba 0.5)"
    lines = report_note(text).splitlines()
    assert not any(line.endswith("--label") for line in lines), lines
    assert any("--label female" in line for line in lines), lines
    assert all(len(line) <= 79 for line in lines), lines
    assert " ".join(lines).replace("  ", " ") == text  # nothing else moved


def test_a_flag_keeps_the_punctuation_after_it():
    note = report_note("(" + "x" * 50 + " changed by --max-length, leaves out 'a b')")
    assert note.replace("\n ", " ").endswith("--max-length, leaves out 'a b')"), note


@pytest.mark.parametrize(
    ("typed", "known"),
    [
        ("2024-03", ["2024-01", "1a"]),
        ("group 1", ["group 10", "x"]),
        ("1990s", ["2000s"]),
    ],
)
def test_no_guess_of_a_text_whose_numbers_have_other_values(typed, known):
    # Before: "Unknown --label 2024-03: did you mean --label 2024-01?"
    message = cli_spelling(str(unknown_label_error(typed, known)))
    assert "did you mean" not in message, message
    assert close_header(typed, known) == ""


def test_the_same_numbers_written_otherwise_are_still_guessed():
    message = cli_spelling(str(unknown_label_error("2024-1", ["2024-01", "1a"])))
    assert message.endswith("did you mean --label 2024-01?"), message
