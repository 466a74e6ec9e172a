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


def undecodable_names_file(tmp_path):
    """A file of names whose path holds the byte 0xff (no UTF-8), as
    ``os.fsdecode`` gives it (a lone surrogate); skipped where no such path
    can be made."""
    if os.fsencode("\udcff") != b"\xff":
        pytest.skip("file names here are not bytes decoded with surrogateescape")
    path = os.path.join(os.fsdecode(bytes(tmp_path)), "\udcffk.csv")
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(["asha", "anya", "aria", "bela", "cara", "dina"]) + "\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses a file name that is no UTF-8")
    return path


def train_in_chunks_argv(names, tmp_path):
    model = os.path.join(os.fsdecode(bytes(tmp_path)), "m\udcff.skops")
    argv = ["train", names, "--chunk-size", "2", "--max-iter", "1"]
    return [*argv, "-o", model], model


def test_a_path_that_is_no_utf8_is_printed_and_the_model_saved(tmp_path, monkeypatch):
    # A strict UTF-8 output (any UTF-8 locale but C/POSIX): the report of the
    # training named the file with a lone surrogate, which stopped the command
    # before its save.
    names = undecodable_names_file(tmp_path)
    argv, model = train_in_chunks_argv(names, tmp_path)
    status, stdout, stderr = run_in_process(monkeypatch, argv, "utf-8")
    assert status == 0, stderr.decode()
    assert os.path.exists(model)
    assert b"Trained on " in stdout and b"\\xffk.csv' in chunks" in stdout
    assert sys.stdout.errors == "strict"  # the stream as it was, after main


@pytest.mark.slow
def test_a_new_process_with_a_strict_utf8_output_saves_the_model(tmp_path):
    names = undecodable_names_file(tmp_path)
    argv, model = train_in_chunks_argv(names, tmp_path)
    status, stdout, stderr = run_cli(argv, "utf-8:strict")
    assert status == 0, stderr.decode()
    assert os.path.exists(model)
    assert b"\\xffk.csv' in chunks" in stdout
    assert b"Traceback" not in stderr


def test_names_an_ascii_output_cannot_hold_are_all_written_escaped(model, monkeypatch):
    # Each name escaped (\u0645...), none dropped or replaced by '?'; then one
    # error on stderr that says what to set, and status 1.
    argv = ["sample", model, "-n", "5", "--seed", "0"]
    status, stdout, stderr = run_in_process(monkeypatch, argv, "ascii")
    lines = stdout.decode("ascii").splitlines()
    assert len(lines) == 5 and all(line.startswith("\\u06") for line in lines)
    decoded = [line.encode().decode("unicode_escape") for line in lines]
    assert all(name and set(name) <= set("".join(NAMES)) for name in decoded)
    assert status == 1
    err = stderr.decode("ascii")
    assert err.count("sknextchar: error:") == 1 and "PYTHONUTF8=1" in err
    assert "encoded as ascii" in err and "written as \\u06" in err


def test_a_path_train_can_only_escape_keeps_status_0(tmp_path, monkeypatch):
    # Only messages were escaped (the -o path in "Saved the model to"): the
    # model is saved, so the status is 0, with a note (it was 1, an error).
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\nmeena\nkiran\n", encoding="utf-8")
    model = tmp_path / "\u0926\u0947\u0935.skops"
    argv = ["train", str(names), "--model", "kneser-ney", "-o", str(model)]
    status, stdout, stderr = run_in_process(monkeypatch, argv, "ascii")
    assert status == 0 and model.exists()
    assert "\\u0926\\u0947\\u0935.skops" in stdout.decode("ascii")
    err = stderr.decode("ascii")
    assert err.startswith("sknextchar: note:") and "error" not in err
    assert "U+0926 (DEVANAGARI LETTER DA)" in err


def test_an_escaping_block_inside_another_keeps_the_outer_notes(monkeypatch):
    # main() called inside main(): the inner run started with the notes of
    # the outer one cleared, so the outer one lost its error and status 1.
    from sknextchar.cli._streams import escaping_streams

    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", out)
    with escaping_streams() as outer:
        print("\u0915")
        with escaping_streams() as inner:
            print("\u0916")
    assert list(outer) == ["\u0915"] and list(inner) == ["\u0916"]


def test_an_output_that_is_also_the_error_stream_gets_its_handler_back(
    monkeypatch,
):
    # sys.stderr = sys.stdout (as some hosts set them): the handlers were put
    # back in the order they were set, which left stdout's escaping handler.
    from sknextchar.cli._streams import escaping_streams

    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", out)
    with escaping_streams():
        print("\u0915")
    assert out.errors == "strict"
