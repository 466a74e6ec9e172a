"""Names the standard output's encoding cannot hold: one line that says what
happened and what to do, not a codec's error, for every command that prints
names."""

import io
import os
import re
import subprocess
import sys

import pytest

import sknextchar
from sknextchar.cli import main
from sknextchar.cli._errors import error_message, output_encoding_message

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(sknextchar.__file__)))
NAMES = ["محمد", "زهرا", "علی", "مریم", "حسین", "فاطمه", "رضا", "سارا"] * 5


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("enc")
    names = tmp / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    path = str(tmp / "m.skops")
    argv = ["train", str(names), "--model", "kneser-ney", "--alphabet", "auto"]
    argv += ["-o", path, "--quiet"]
    assert main(argv) == 0
    return path


def run_cli(args, encoding):
    env = {**os.environ, "PYTHONPATH": ROOT, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "sknextchar", *args],
        capture_output=True, env=env, timeout=300, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [["sample", "-n", "5", "--seed", "0"], ["score", "محمد"]],
    ids=["sample", "score"],
)
def test_an_output_in_a_code_page_says_what_to_do(model, command):
    done = run_cli([command[0], model, *command[1:]], "cp1252")
    err = done.stderr.decode("cp1252", "replace")
    assert done.returncode == 1, err
    assert "Traceback" not in err
    assert "codec can't encode" not in err
    assert "encoded as cp1252" in err
    assert "PYTHONUTF8=1" in err and "PYTHONIOENCODING=utf-8" in err
    assert "ARABIC LETTER" in err  # which character could not be written
    # Nothing replaced silently: no '?' stands for a letter in what was written.
    assert "?" not in done.stdout.decode("cp1252")


def test_the_same_command_in_utf8_prints_the_names(model):
    done = run_cli(["score", model, "محمد"], "utf-8")
    assert done.returncode == 0, done.stderr.decode()
    assert "محمد" in done.stdout.decode("utf-8")


def cp1252_stdout():
    return io.TextIOWrapper(io.BytesIO(), encoding="cp1252")


def encode_error(text, encoding):
    with pytest.raises(UnicodeEncodeError) as info:
        text.encode(encoding)
    return info.value


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("\udcff", "utf-8"), ("\u0645", "ascii"), ("\u0645", "latin-1")],
    ids=["lone-surrogate-utf8", "arabic-ascii", "arabic-latin1"],
)
def test_an_encoding_error_that_is_not_the_outputs_keeps_its_message(
    monkeypatch, text, encoding
):
    # The output (cp1252) cannot hold these characters either, but the error
    # is another encoding's: setting PYTHONUTF8=1 would not help.
    monkeypatch.setattr(sys, "stdout", cp1252_stdout())
    error = encode_error(text, encoding)
    message = error_message(error)
    assert "codec can't encode" in message
    assert "PYTHONUTF8" not in message
    assert output_encoding_message(error, cp1252_stdout()) is None


def test_the_outputs_own_error_names_each_character_once_in_order(monkeypatch):
    monkeypatch.setattr(sys, "stdout", cp1252_stdout())
    name = "\u062d\u064a\u062d\u064a"  # two letters, each written twice
    message = error_message(encode_error(f"Zoë {name}", "cp1252"))
    assert "encoded as cp1252" in message and "PYTHONUTF8=1" in message
    shown = re.findall(r"U\+[0-9A-F]{4}", message)
    assert shown == ["U+062D", "U+064A"]
    assert ", ..." not in message  # two characters: nothing left unshown
