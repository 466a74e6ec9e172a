"""The command line's start (what loads before ``main()`` can answer Ctrl-C) and
the help text of ``train``."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

import sknextchar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(sknextchar.__file__)))


def run_python(code):
    env = {**os.environ, "PYTHONPATH": ROOT}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )  # fmt: skip


def test_the_console_script_import_loads_only_the_entry_point():
    # What the console script runs before main(): 'from sknextchar.cli import main'.
    done = run_python(
        """
        import sys
        before = set(sys.modules)
        from sknextchar.cli import main
        print(" ".join(sorted(set(sys.modules) - before)))
        """
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    ours = {name for name in loaded if name.split(".")[0] == "sknextchar"}
    assert ours == {
        "sknextchar", "sknextchar._version", "sknextchar.cli", "sknextchar.cli._main"
    }  # fmt: skip
    # Nothing else but the import machinery itself (no argparse, re, NumPy...).
    assert {name.split(".")[0] for name in loaded - ours} <= {"importlib", "warnings"}


def test_every_documented_name_of_the_cli_package_still_imports():
    import sknextchar.cli as cli

    for name in cli.__all__:
        assert callable(getattr(cli, name))
    assert set(cli.__all__) <= set(dir(cli))
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        cli.nope  # noqa: B018


def test_help_and_usage_errors_load_no_command_module():
    # Parsing needs only the parser and the flag table; a command's module (and
    # the model files' and names' readers it imports) loads when it runs.
    done = run_python(
        """
        import contextlib, io, sys
        from sknextchar.cli import main

        def run(*argvs):
            with contextlib.redirect_stdout(io.StringIO()):
                with contextlib.redirect_stderr(io.StringIO()):
                    statuses = [main(list(argv)) for argv in argvs]
            print(statuses, " ".join(sorted(sys.modules)), sep="|")

        run(["--help"], ["--version"], ["score", "--help"], ["fly"],
            ["sample", "m.skops", "--temprature", "0.5"], ["score", "m.skops"])
        run(["score", "no-such-model.skops", "asha"])
        """
    )
    assert done.returncode == 0, done.stderr
    parsed, ran = (line.split("|") for line in done.stdout.splitlines())
    assert parsed[0] == "[0, 0, 0, 2, 2, 2]" and ran[0] == "[1]"
    commands = {
        "sknextchar.cli._commands", "sknextchar.cli._score",
        "sknextchar.cli._classify", "sknextchar.cli._plot", "sknextchar.cli._places",
        "sknextchar.datasets",
    }  # fmt: skip
    assert not commands & set(parsed[1].split())
    assert {"sknextchar.cli._score", "sknextchar.cli._places"} <= set(ran[1].split())


# A real SIGINT, raised by the interpreter's own handler while the module named
# TARGET is being imported: Ctrl-C at that moment of the start.
_INTERRUPTED_START = """
import signal, sys

# Python's own handler, as in a terminal: a run started in the background
# (``cmd &`` in a script) inherits SIGINT ignored, and no Ctrl-C would arrive.
signal.signal(signal.SIGINT, signal.default_int_handler)

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == TARGET:
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
from sknextchar.cli import main
sys.exit(main(["score", "no-such-model.skops", "asha"]))
"""


@pytest.mark.skipif(not hasattr(signal, "raise_signal"), reason="no raise_signal")
@pytest.mark.parametrize(
    "target", ["sknextchar.cli._commands", "sknextchar._persistence", "argparse"]
)
def test_ctrl_c_while_a_command_loads_prints_one_line(target):
    done = run_python(f"TARGET = {target!r}\n{_INTERRUPTED_START}")
    assert (done.returncode, done.stderr) == (130, "sknextchar: interrupted\n")
    assert done.stdout == ""


def test_train_help_lists_every_end_symbol_and_names_both_models(capsys):
    from sknextchar._end_symbols import END_SYMBOL_FALLBACKS
    from sknextchar.cli import main

    assert main(["train", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert f"the first of {' '.join(END_SYMBOL_FALLBACKS)} that" in shown
    assert "'¶'" not in shown and "¶" in shown
    assert "a CharEmbeddingMLPClassifier, or with --model" in shown
    assert "KneserNeyClassifier) on names" in shown
