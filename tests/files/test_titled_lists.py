"""A list copied with its title line above it (``Baby names 2024`` over
``1. Anna``, ``2) Ben``, ``- Chloe`` or ``"Dev"``): the title is told as one
(its numbers are no part of the names below), the error on unknown characters
keeps the advice of the list without its title and says to delete the title,
in memory and in chunks; ``train --labels FILE`` says the quoted lines at
once, as ``train`` does. Following the advice learns the names."""

import contextlib
import io
import warnings

import pytest

from sknextchar import ContextWindowTransformer, load_model, make_default_pipeline
from sknextchar._chunked import train_from_file
from sknextchar._pasted_lists import list_item, reads_as_title
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._comment_lines import TitleNameWarning
from tests._file_lines import by_line

NAMES = ["Anna", "Ben", "Carla", "Dev", "Emil", "Fatima", "Goran"]
CYRILLIC = ["Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна"]
TITLE = "Baby names 2024"
MARKS = {
    "dot": lambda i: f"{i}. ",
    "paren": lambda i: f"{i}) ",
    "bullet": lambda i: "- ",
}


def _list(names, mark="dot", title=TITLE):
    return [title] + [MARKS[mark](i) + name for i, name in enumerate(names, 1)]


def _write(path, lines, newline="\n", encoding="utf-8"):
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return str(path)


# Training in chunks, one epoch (the advice is what is tested, not the model);
# in chunks of one name, the title fills the first chunk alone.
_CHUNKS = ["--chunk-size", "3", "--model", "mlp", "--max-iter", "1"]
_ONE = ["--chunk-size", "1", "--model", "mlp", "--max-iter", "1"]


def _learned(path):
    """The symbols the model saved at ``path`` learned (the end marker left out)."""
    return set(load_model(path).estimator_.estimator["windows"].vocabulary_[1:])


def _error(names, **params):
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(**params).fit(names)
    return str(caught.value)


def test_a_title_reads_as_one_and_a_list_item_without_its_mark():
    assert reads_as_title(TITLE) and reads_as_title(f'"{TITLE}"')
    assert not reads_as_title("1. Anna Maria 2024") and not reads_as_title("Louis 14")
    assert [list_item(n) for n in ["1. Anna", "2) Ben", '"Dev"', "R2 D2"]] == [
        "Anna", "Ben", "Dev", "R2 D2"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "newline, encoding", [("\n", "utf-8"), ("\r\n", "utf-8"), ("\n", "utf-8-sig")]
)
@pytest.mark.parametrize("mark", ["dot", "paren"])
def test_load_names_tells_a_title_above_a_numbered_list(
    tmp_path, mark, newline, encoding
):
    # Before: the list's numbers were digits of the names below: no warning.
    path = _write(tmp_path / "web.txt", _list(NAMES, mark), newline, encoding)
    with pytest.warns(TitleNameWarning, match="Line 1 of .*'Baby names 2024'"):
        load_names(path)


def test_digits_in_the_names_of_a_list_still_keep_the_title_quiet(tmp_path):
    path = _write(tmp_path / "web.txt", _list(["R2 D2", "2Pac", "Anna"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error", TitleNameWarning)
        assert load_names(path)[1] == "1. R2 D2"


@pytest.mark.parametrize("mark", ["dot", "paren", "bullet"])
def test_the_fits_error_keeps_the_lists_advice_and_says_to_delete_the_title(mark):
    # Before: the title was a name without a list number, so the error
    # advised alphabet='auto', which learns "1. anna" as a name.
    message = _error(_list(NAMES, mark))
    assert "the first name, 'Baby names 2024', reads as the list's title" in message
    assert "alphabet='auto'" not in message
    assert message.endswith("pass handle_unknown='drop' to remove unknown characters.")
    fitted = ContextWindowTransformer(handle_unknown="drop").fit(_list(NAMES, mark)[1:])
    assert fitted.decode(fitted.encode(NAMES)) == [n.lower() for n in NAMES]


def test_another_scripts_list_below_a_title_gets_the_alphabet_of_its_letters():
    # Before: "drop would not do" and alphabet='auto'. The title's Latin
    # letters are no letters of the list.
    message = _error(_list(CYRILLIC))
    letters = "".join(sorted(set("".join(CYRILLIC).lower())))
    assert f"pass alphabet={letters!r} and handle_unknown='drop'" in message
    assert "reads as the list's title: delete it" in message
    fitted = ContextWindowTransformer(alphabet=letters, handle_unknown="drop")
    fitted.fit(_list(CYRILLIC)[1:])
    assert fitted.decode(fitted.encode(["1. Анна"])) == ["анна"]


@pytest.mark.parametrize("chunk_size", [1, 2, 100])
def test_train_from_file_tells_the_title_in_chunks_of_any_size(tmp_path, chunk_size):
    # Before: in chunks of one name, the title's chunk alone gave its own
    # error: 'Baby names 2024' only, and alphabet= instead of the list's advice.
    path = _write(tmp_path / "web.txt", _list(NAMES))
    with pytest.warns(TitleNameWarning), pytest.raises(ValueError) as caught:
        train_from_file(path, make_default_pipeline(), chunk_size=chunk_size)
    message = str(caught.value)
    assert "the first name, 'Baby names 2024', reads as the list's title" in message
    assert "alphabet=" not in message
    assert message.endswith(
        "pass windows__handle_unknown='drop' to remove unknown characters."
    )


def test_a_title_alone_is_no_list():
    message = _error([TITLE, "anna"])
    assert "title" not in message and "alphabet='auto'" in message


@pytest.mark.parametrize("chunks", [[], _CHUNKS, _ONE])
@pytest.mark.parametrize("mark", ["dot", "paren", "bullet"])
def test_cli_a_titled_list_is_told_and_the_advice_trains(
    tmp_path, capsys, mark, chunks
):
    path = _write(tmp_path / "web.txt", _list(NAMES, mark), "\r\n", "utf-8-sig")
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), "-q"]
    argv += chunks or ["--model", "kneser-ney"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "if it is a title, delete that line" in err
    assert "the first name, 'Baby names 2024', reads as the list's title" in err
    assert "--alphabet" not in err and "Traceback" not in err
    assert err.rstrip().endswith(
        "pass --handle-unknown drop to remove unknown characters."
    )
    _write(tmp_path / "web.txt", _list(NAMES, mark)[1:])  # the title deleted
    assert main([*argv, "--handle-unknown", "drop"]) == 0
    if not chunks:  # a model in chunks keeps no record of its names
        model = load_model(str(tmp_path / "m.skops"))
        assert model.in_training_set([n.lower() for n in NAMES]).all()


@pytest.mark.parametrize("chunks", [[], _CHUNKS, _ONE])
def test_cli_another_scripts_titled_list_is_told_in_flags(tmp_path, capsys, chunks):
    title = "Имена 2024"
    path = _write(tmp_path / "web.txt", _list(CYRILLIC, title=title))
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), "-q"]
    argv += chunks or ["--model", "kneser-ney"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    letters = "".join(sorted(set("".join(CYRILLIC).lower())))
    assert f"pass --alphabet {letters} and --handle-unknown drop" in err
    assert f"the first name, '{title}', reads as the list's title" in err
    assert "would not do" not in err
    _write(tmp_path / "web.txt", _list(CYRILLIC)[1:])
    assert main([*argv, "--alphabet", letters, "--handle-unknown", "drop"]) == 0
    # the letters alone: no space before them (' анна'), no list numbers
    assert _learned(str(tmp_path / "m.skops")) == set(letters)


@pytest.mark.parametrize("chunks", [[], _CHUNKS])
def test_cli_a_quoted_list_below_a_quoted_title_is_one_error(tmp_path, capsys, chunks):
    # Before: two warnings, then the fit's error advising --alphabet auto.
    lines = [f'"{TITLE}"'] + [f'"{name}"' for name in NAMES]
    path = _write(tmp_path / "kids.txt", lines)
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), "-q"]
    argv += chunks or ["--model", "kneser-ney"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("sknextchar: warning:") == 1 and "delete that line" in err
    assert err.count("sknextchar: error:") == 1 and "the alphabet has no '\"'" in err
    assert "--alphabet auto" not in err
    assert err.rstrip().endswith(
        "pass --no-header --names-column 1 (a table of one column)."
    )
    _write(tmp_path / "kids.txt", lines[1:])
    assert main([*argv, "--no-header", "--names-column", "1"]) == 0
    if not chunks:  # a model in chunks keeps no record of its names
        model = load_model(str(tmp_path / "m.skops"))
        assert model.in_training_set([n.lower() for n in NAMES]).all()


def test_cli_quoted_names_in_chunks_are_one_error(tmp_path, capsys):
    # Before: the warning, then the fit's error advising --alphabet auto,
    # where train without --chunk-size says the one error.
    path = _write(tmp_path / "kids.txt", [f'"{name}"' for name in NAMES])
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), "-q", *_CHUNKS]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sknextchar: error: "), err
    assert f"{len(NAMES)} lines in double quotes" in err
    assert err.rstrip().endswith(
        "pass --no-header --names-column 1 (a table of one column)."
    )


def test_cli_in_chunks_says_the_quote_that_csv_reading_leaves(tmp_path, capsys):
    # Read as CSV, a later chunk's '"O""Neil"' keeps a quote mark: the one
    # error of the quoted names says so with its advice (once: before, a
    # warning said it too; then the fit's error, whose advice led to another
    # error on 'O"Neil').
    path = _write(tmp_path / "kids.txt", ['"Anna"', '"Maria"', '"O""Neil"'])
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), "-q", "--chunk-size", "2"]
    assert main([*argv, "--max-iter", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(the first: '\"Anna\"')" in err
    assert "pass --no-header --names-column 1 (a table of one column); read so, " in err
    assert "a name still holds a '\"'" in err and '\'"O""Neil"\' is \'O"Neil\'' in err


def test_cli_quoted_names_with_a_labels_file_are_one_error(tmp_path, capsys):
    # Before: the warning, then the fit's error advising --alphabet auto.
    path = _write(tmp_path / "kids.txt", [f'"{name}"' for name in NAMES])
    labels = _write(tmp_path / "labels.txt", ["f", "m"] * 3 + ["m"])
    argv = ["train", path, "--labels", labels, "-q", "--model", "kneser-ney"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sknextchar: error: "), err
    assert "the alphabet has no '\"'" in err and "--alphabet auto" not in err
    assert "(name,label) and pass --labels label." in err
    rows = ["name,label"] + [f'"{n}",{lab}' for n, lab in zip(NAMES, ["f", "m"] * 4)]
    table = _write(tmp_path / "kids.csv", rows)
    argv = ["train", table, "--labels", "label", "-q", "--model", "kneser-ney"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 0


def test_cli_in_chunks_says_a_warning_it_keeps_before_the_first_epoch(tmp_path):
    # Before: a quoted-lines warning that stays a warning (--alphabet auto)
    # was held through every epoch and shown only before "Trained on".
    path = _write(tmp_path / "kids.txt", [f'"{name}"' for name in NAMES])
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), *_CHUNKS]
    out = io.StringIO()  # both streams in one, in the order they are written
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        assert main([*argv, "--alphabet", "auto"]) == 0
    text = out.getvalue()
    assert 0 <= text.find("sknextchar: warning: ") < text.find("epoch 1/1"), text


@pytest.mark.parametrize("title", ["Popular names", "2024年人気の名前"])
@pytest.mark.parametrize("chunk_size", [None, 1, 3])
def test_a_title_without_a_number_above_a_list_is_told_too(tmp_path, title, chunk_size):
    # Before: only a title with a number was one: alphabet='auto' (learns
    # '1. anna'), or for a title no letter of which is kept, "would not do".
    if chunk_size is None:
        message = _error(_list(NAMES, title=title))
        end = "pass handle_unknown='drop' to remove unknown characters."
    else:
        path = _write(tmp_path / "web.txt", _list(NAMES, title=title))
        with pytest.raises(ValueError) as caught:
            train_from_file(path, make_default_pipeline(), chunk_size=chunk_size)
        message = str(caught.value)
        end = "pass windows__handle_unknown='drop' to remove unknown characters."
    assert f"the first name, '{title}', reads as the list's title" in message
    assert "alphabet=" not in message and "would not do" not in message
    assert message.endswith(end)


@pytest.mark.parametrize("chunks", [[], _CHUNKS])
def test_cli_a_title_without_a_number_is_told(tmp_path, capsys, chunks):
    path = _write(tmp_path / "web.txt", _list(NAMES, title="Popular names"))
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), "-q"]
    assert main(argv + (chunks or ["--model", "kneser-ney"])) == 1
    err = capsys.readouterr().err
    assert "the first name, 'Popular names', reads as the list's title" in err
    assert "--alphabet" not in err
    assert err.rstrip().endswith(
        "pass --handle-unknown drop to remove unknown characters."
    )


@pytest.mark.parametrize("chunk_size", [1, 2])
def test_in_chunks_a_first_name_above_a_list_without_numbers_is_a_name(
    tmp_path, chunk_size
):
    # A first name without a list number is a title only above a numbered
    # list: above names without one, its letters are advised with theirs.
    path = _write(tmp_path / "cy.txt", ["Жанна", "Анна", "Борис"])
    with pytest.raises(ValueError) as caught:
        train_from_file(path, make_default_pipeline(), chunk_size=chunk_size)
    message = str(caught.value)
    assert "title" not in message
    assert "windows__alphabet='auto'" in message
    assert message == by_line(_error(["Жанна", "Анна", "Борис"]), path).replace(
        "alphabet=", "windows__alphabet="
    ).replace("handle_unknown=", "windows__handle_unknown=")


@pytest.mark.parametrize("chunks", [[], _CHUNKS])
def test_cli_the_quoted_lists_error_counts_its_names_and_says_to_delete_the_title(
    tmp_path, capsys, chunks
):
    # Before: "has 8 lines in double quotes (the first: '"Baby names 2024"')",
    # and no word of the title: its advice alone learned the title.
    lines = [f'"{TITLE}"'] + [f'"{name}"' for name in NAMES]
    path = _write(tmp_path / "kids.txt", lines)
    argv = ["train", path, "-o", str(tmp_path / "m.skops"), "-q"]
    assert main(argv + (chunks or ["--model", "kneser-ney"])) == 1
    err = capsys.readouterr().err.splitlines()[-1]
    assert f"has {len(NAMES)} lines in double quotes (the first: '\"Anna\"')" in err
    assert "the first name, '\"Baby names 2024\"', reads as the list's title: " in err
    assert "delete it; the alphabet has no" in err


def test_cli_the_quoted_lists_error_says_to_delete_the_labels_first_line_too(
    tmp_path, capsys
):
    # Before: "delete that line" alone, then "... has 7 lines but ... has 8".
    lines = [f'"{TITLE}"'] + [f'"{name}"' for name in NAMES]
    path = _write(tmp_path / "kids.txt", lines)
    labels = _write(tmp_path / "labels.txt", ["x"] + ["f", "m"] * 3 + ["m"])
    argv = ["train", path, "--labels", labels, "-q", "--model", "kneser-ney"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err.splitlines()[-1]
    assert f"delete it and its label, the first label of {labels!r}; the" in err


@pytest.mark.parametrize("chunks", [None, _CHUNKS], ids=["memory", "chunks"])
def test_a_title_in_another_script_keeps_the_advice_to_drop(tmp_path, capsys, chunks):
    # Before (in memory only): the title's first letter, unknown, was taken for a
    # name's first letter that dropping would remove, so "pass --alphabet auto
    # (or a larger alphabet)", which learns the list numbers; in chunks, drop.
    path = _write(tmp_path / "kids.txt", _list(CYRILLIC, title="Popular names"))
    alphabet = ["--alphabet", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"]
    argv = ["train", path, *alphabet, "-o", str(tmp_path / "m.skops"), "-q"]
    assert main(argv + (chunks or ["--model", "kneser-ney"])) == 1
    err = capsys.readouterr().err.splitlines()[-1]
    assert "'Popular names', reads as the list's title: delete it" in err
    assert err.endswith("or pass --handle-unknown drop to remove unknown characters.")
    assert "--alphabet auto" not in err
    with open(path, encoding="utf-8") as file:
        below = file.read().splitlines()[1:]
    _write(tmp_path / "kids.txt", below)  # the advice followed: the names learned
    assert main([*argv, "--handle-unknown", "drop", "--model", "kneser-ney"]) == 0
    assert _learned(tmp_path / "m.skops") <= set(alphabet[1])
