"""``sknextchar train`` says when the capitals of its names were lowercased.

A model lowercases its names by default (``lowercase=True``, as scikit-learn's
text vectorizers do), so a file of capitalised names trained a model whose
names came out lowercase (``"eyma"``) without a word on the command line,
which shows no parameter. The note names how many names had capitals and the
flags that keep them; following it gives a model that writes capitals.
"""

import re
import shlex

import pytest

from sknextchar.cli import main

NAMES = ["Emma", "Olivia", "ava", "Zoë", "Mia", "isla", "Noah", "Liam"] * 3


def _train(tmp_path, capsys, names, *flags):
    path = tmp_path / "names.txt"
    path.write_text("".join(name + "\n" for name in names), encoding="utf-8")
    model = tmp_path / "m.skops"
    argv = ["train", str(path), "-o", str(model), "--force", "--seed", "0"]
    fit = [] if "kneser-ney" in flags else ["--max-iter", "1"]
    status = main([*argv, "--alphabet", "auto", *fit, *flags])
    assert status == 0
    return capsys.readouterr().out, model


@pytest.mark.parametrize(
    "model", [pytest.param("mlp", marks=pytest.mark.slow), "kneser-ney"]
)  # the MLP's fit and its hold-out report take about 0.9 s
def test_train_notes_capitals_learned_as_lowercase(tmp_path, capsys, model):
    flags = ["--model", model] if model != "mlp" else []
    out, _ = _train(tmp_path, capsys, NAMES, *flags)
    notes = [line for line in out.splitlines() if line.startswith("Note:")]
    assert len(notes) == 1
    assert "18 of 24 names have capitals, learned as lowercase letters" in notes[0]
    assert "('Emma' as 'emma')" in notes[0]
    assert notes[0].endswith("train with --keep-case --alphabet auto.")


def test_one_capitalised_name_is_counted_in_the_singular(tmp_path, capsys):
    out, _ = _train(tmp_path, capsys, ["ava", "mia", "Noah", "liam"] * 4)
    assert "Note: 4 of 16 names have capitals" in out
    out, _ = _train(tmp_path, capsys, ["ava", "mia", "Noah", "liam"])
    assert "Note: 1 of 4 names has capitals" in out


@pytest.mark.parametrize("keep_case", [False, True])
def test_no_note_without_capitals_or_with_case_kept(tmp_path, capsys, keep_case):
    names = NAMES if keep_case else [name.lower() for name in NAMES]
    out, _ = _train(tmp_path, capsys, names, *(["--keep-case"] * keep_case))
    assert "Note:" not in out and "learned as lowercase" not in out


def test_the_flags_of_the_note_keep_capitals(tmp_path, capsys):
    out, _ = _train(tmp_path, capsys, NAMES)
    flags = re.search(r"train with (.*)\.$", out.splitlines()[-2]).group(1)
    _, model = _train(tmp_path, capsys, NAMES, *flags.split())
    main(["sample", str(model), "-n", "20", "--seed", "0"])
    sampled = capsys.readouterr().out.split()
    assert any(name != name.lower() for name in sampled)


@pytest.mark.parametrize("keep_case", [False, True])
def test_train_in_chunks_notes_capitals_of_every_chunk(tmp_path, capsys, keep_case):
    names = ["ava", "mia"] * 4 + ["Noah", "liam"]  # a capital in the last chunk
    flags = ["--chunk-size", "3", "--validation-fraction", "0"]
    out, _ = _train(tmp_path, capsys, names, *flags, *(["--keep-case"] * keep_case))
    if keep_case:
        assert "Note:" not in out
    else:
        assert "Note: 1 of 10 names has capitals, learned as lowercase" in out
        assert "('Noah' as 'noah')" in out


@pytest.mark.parametrize("model", ["mlp", "kneser-ney", "mlp-in-chunks"])
def test_names_of_count_0_are_not_counted(tmp_path, capsys, model):
    """A name of count 0 is not learned: its capitals are not either."""
    rows = [("Emma", 0), ("ava", 5), ("mia", 3), ("Noah", 2), ("liam", 4)]
    path = tmp_path / "names.csv"
    path.write_text("name,count\n" + "".join(f"{n},{c}\n" for n, c in rows))
    argv = ["train", str(path), "--counts", "count", "-o", str(tmp_path / "m.skops")]
    fit = ["--max-iter", "1"] if model != "kneser-ney" else ["--model", model]
    if model == "mlp-in-chunks":  # read in chunks of 2 names, "Emma" in the first
        fit += ["--chunk-size", "2", "--validation-fraction", "0"]
    status = main([*argv, "--seed", "0", "--alphabet", "auto", *fit])
    out = capsys.readouterr().out
    assert status == 0
    assert "Note: 1 of 4 names has capitals" in out and "('Noah' as 'noah')" in out


def test_the_note_shows_the_name_as_learned_when_characters_are_dropped(
    tmp_path, capsys
):
    # A list copied from a web page, "1. Adris": --handle-unknown drop learns
    # "adris", and the note shows that, not "1. adris".
    path = tmp_path / "web.txt"
    lines = [f"{i}. {name}" for i, name in enumerate(NAMES, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops")]
    flags = ["--model", "kneser-ney", "--handle-unknown", "drop"]
    assert main([*argv, *flags]) == 0
    out = capsys.readouterr().out
    assert "('1. Emma' as 'emma')" in out, out


def test_following_the_note_after_dropping_learns_no_list_numbers(tmp_path, capsys):
    # After --handle-unknown drop removed the numbers of "1. Emma", the note's
    # way to keep the capitals must not learn them back (--alphabet auto did).
    path = tmp_path / "web.txt"
    lines = [f"{i}. {name}" for i, name in enumerate(NAMES, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--model", "kneser-ney", "--seed", "0"]
    flags = ["--handle-unknown", "drop"]
    assert main([*argv, "-o", str(tmp_path / "m.skops"), *flags]) == 0
    out = capsys.readouterr().out
    advice = re.search(r"train with (--keep-case .*)\.$", out, re.MULTILINE)
    assert advice is not None, out
    kept = tmp_path / "kept.skops"
    assert main([*argv, "-o", str(kept), *shlex.split(advice.group(1))]) == 0
    capsys.readouterr()
    assert main(["sample", str(kept), "-n", "30", "--seed", "0"]) == 0
    samples = capsys.readouterr().out.split()
    assert len(samples) == 30
    assert not any(c.isdigit() or c in ". " for c in "".join(samples)), samples
    assert any(c.isupper() for c in "".join(samples)), samples
