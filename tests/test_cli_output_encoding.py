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
COMMANDS = {"sample": ["sample", "-n", "5", "--seed", "0"], "score": ["score", "محمد"]}


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


def command_line(command, model):
    name, *flags = COMMANDS[command]
    return [name, model, *flags]


def run_cli(args, encoding):
    """``python -m sknextchar ARGS`` in a new process whose standard streams
    are in ``encoding``: (status, stdout bytes, stderr bytes)."""
    env = {**os.environ, "PYTHONPATH": ROOT, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        [sys.executable, "-m", "sknextchar", *args],
        capture_output=True, env=env, timeout=300, cwd=ROOT,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def run_in_process(monkeypatch, args, encoding):
    """``main(ARGS)`` with the standard streams as Python opens them under
    ``PYTHONIOENCODING=encoding`` (stdout strict, stderr backslashreplace):
    (status, stdout bytes, stderr bytes)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    err = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="backslashreplace")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    status = main(args)
    out.flush()
    err.flush()
    return status, out.buffer.getvalue(), err.buffer.getvalue()


def assert_says_what_to_do(status, stdout, stderr):
    err = stderr.decode("cp1252", "replace")
    assert status == 1, err
    assert "Traceback" not in err
    assert "codec can't encode" not in err
    assert "encoded as cp1252" in err
    assert "PYTHONUTF8=1" in err and "PYTHONIOENCODING=utf-8" in err
    assert "ARABIC LETTER" in err  # which character could not be written
    # Nothing replaced silently: no '?' stands for a letter in what was written.
    assert "?" not in stdout.decode("cp1252")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_in_a_code_page_says_what_to_do(model, monkeypatch, command):
    done = run_in_process(monkeypatch, command_line(command, model), "cp1252")
    assert_says_what_to_do(*done)


@pytest.mark.slow
def test_a_new_process_with_a_code_page_output_says_what_to_do(model):
    # The real standard output, as Python opens it from PYTHONIOENCODING, and
    # the status and stderr of 'python -m sknextchar' itself (no traceback).
    assert_says_what_to_do(*run_cli(command_line("sample", model), "cp1252"))


def test_the_same_command_in_utf8_prints_the_names(model, monkeypatch):
    status, stdout, stderr = run_in_process(
        monkeypatch, command_line("score", model), "utf-8"
    )
    assert status == 0, stderr.decode()
    assert "محمد" in stdout.decode("utf-8")


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
