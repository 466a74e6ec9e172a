"""A value the user typed (a flag's value: --pattern, --prefix, --label, a
column; a path) is shown back in every command-line message by one rule, as
words a shell reads back as that value and argparse as the flag's; a guess
("did you mean") counts accents and case as close, and a label's typo too."""

import shlex
import shutil
import subprocess

import pytest

from sknextchar._shown_paths import shell_path
from sknextchar._unknown_label import unknown_label_error
from sknextchar.cli import main
from sknextchar.cli._errors import cli_spelling
from sknextchar.cli._parser import build_parser

# ASCII, accents, other scripts, spaces, apostrophes, what a shell expands or
# reads otherwise ($, *, ~, #, braces), the empty string, a leading "-".
VALUES = [
    "Zoe", "Zoë", "名前", "имя", "two words", "O'Brien", "it's $HOME", "$x",
    "a*", "", "-x", "-a b", "~x", "#x", "{a,b}", "a=b",
]  # fmt: skip


def _between(message, before, after):
    assert before in message and after in message, message
    return message.split(before, 1)[1].rsplit(after, 1)[0]


def _advice(value, capsys):
    """What each message says for ``value``, by flag: the flag and its value."""
    label = cli_spelling(str(unknown_label_error(f"{value} ", ["zzz", value])))
    said = {
        "--pattern": cli_spelling(f"pattern={value!r} matches none."),
        "--names-column": cli_spelling(f"or pass names_column={value!r}."),
        "--label": _between(label, "did you mean ", "?"),
    }
    said["--pattern"] = said["--pattern"].removesuffix(" matches none.")
    said["--names-column"] = _between(said["--names-column"], "or pass ", ".")
    if value.strip():  # refused before the model file is looked for
        argv = ["sample", "absent.skops", f"--prefix={value}", "--max-length", "1"]
        assert main(argv) == 1
        said["--prefix"] = _between(capsys.readouterr().err, "error: ", " has ")
    return said


def _parsed(words):
    """The value argparse reads from ``words``, after the flag it names."""
    parser = build_parser()
    if words[0].startswith("--names-column"):
        args = parser.parse_args(["train", "n.txt", "-o", "m.skops", *words])
        return args.names_column
    args = parser.parse_args(["sample", "m.skops", *words])
    return {"--patt": args.pattern, "--pref": args.prefix, "--labe": args.label}[
        words[0][:6]
    ]


@pytest.mark.parametrize("value", VALUES)
def test_a_value_is_shown_by_one_rule_that_reads_back(value, capsys):
    said = _advice(value, capsys)
    spelled = {advice.split(flag, 1)[1] for flag, advice in said.items()}
    assert len(spelled) == 1, said  # before: "O'Brien" one way, 'O'"'"'Brien' another
    for flag, advice in said.items():
        assert advice.startswith(flag), advice
        assert _parsed(shlex.split(advice)) == value, advice


def test_the_words_shown_are_pasteable_in_bash():
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to read the words back")
    words = [cli_spelling(f"pattern={value!r}") for value in VALUES]
    words = [word.split("--pattern", 1)[1].lstrip("=") for word in words]
    paths = [shell_path(value) for value in VALUES if value]
    script = "printf '%s\\0' " + " ".join(words + paths)
    read = subprocess.run([bash, "-c", script], capture_output=True, check=True)
    # Before: ~x, #x and {a,b} were shown bare, which bash expands or drops.
    expected = VALUES + [v if v[0] != "-" else f"./{v}" for v in VALUES if v]
    assert read.stdout.decode().split("\0")[:-1] == expected


def test_the_exact_wording_of_each_spelling():
    assert cli_spelling('pattern="O\'Brien" matches') == '--pattern "O\'Brien" matches'
    assert cli_spelling('names_column="O\'Brien".') == '--names-column "O\'Brien".'
    assert cli_spelling("pattern='~x' matches") == "--pattern '~x' matches"
    assert cli_spelling("pattern='Zoë' matches") == "--pattern Zoë matches"


def test_a_typo_of_a_label_is_guessed(capsys):
    error = unknown_label_error("femal", ["female", "male"])
    assert str(error) == "Unknown label 'femal': did you mean 'female'?"
    assert cli_spelling(str(error)).endswith("did you mean --label female?")
    # Two labels as close: no guess; nothing close: no guess.
    assert "did you mean" not in str(unknown_label_error("ab", ["ax", "xb"]))
    assert "did you mean" not in str(unknown_label_error("x", ["female", "male"]))


def test_an_unknown_label_with_a_dash_is_joined_to_its_flag():
    # Before: "Unknown --label -femal", which argparse reads as a flag of its own.
    message = cli_spelling(str(unknown_label_error("-femal", ["female", "male"])))
    assert message.startswith("Unknown --label=-femal: "), message


def test_a_missing_file_of_labels_is_guessed_with_accents_folded(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.txt").write_text("ana\numa\n", encoding="utf-8")
    for name in ("e.txt", "g.txt"):  # as close as each other, unfolded
        (tmp_path / name).write_text("f\nf\n", encoding="utf-8")
    for typed in ("é.txt", "É.TXT"):
        assert main(["train", "names.txt", "--labels", typed, "-o", "m.skops"]) == 1
        err = capsys.readouterr().err
        assert err.rstrip().endswith("Did you mean --labels e.txt?"), err  # not g.txt


def test_a_model_given_as_the_names_file_is_named_as_typed(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text("ana\numa\nasha\n", encoding="utf-8")
    assert main(["train", "n.txt", "--model", "kneser-ney", "-q", "-o", "m.skops"]) == 0
    assert main(["score", "m.skops", "--names-file", "m.skops"]) == 1
    err = capsys.readouterr().err  # before: --names-file 'm.skops', no shell word
    assert "error: --names-file m.skops is a model file, not a text file" in err, err
