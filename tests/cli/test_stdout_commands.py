"""``-o FILE`` given to a command that writes to standard output: the error
gives the command line that saves its output, which does."""

import re
import shlex
import subprocess
import sys

import pytest

from sknextchar.cli import main
from sknextchar.cli._unknown_args import to_stdout_note
from sknextchar.datasets import load_indian_names


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stdout")
    names = folder / "names.txt"
    names.write_text("\n".join(load_indian_names()[:200]) + "\n", encoding="utf-8")
    path = folder / "m.skops"
    assert main(["train", str(names), "--model", "kneser-ney", "-o", str(path)]) == 0
    return path


def _offered(err):
    """The command line the error offers, and the file it writes to."""
    line = re.search(r"to save it, run: (sknextchar .*?) \(see ", err).group(1)
    command, _, target = line.partition(" > ")
    return line, shlex.split(command)[1:], shlex.split(target)[0]


@pytest.mark.parametrize(
    "command, output",
    [
        (["sample", "-n", "5", "--seed", "0"], ["-o", "new names.txt"]),
        (["sample", "-n", "5", "--seed", "0"], ["--output=new names.txt"]),
        (["score", "asha", "ravi"], ["--output", "new names.txt"]),
        (["table", "--temperatures", "1", "2", "--", "as"], ["-onew names.txt"]),
    ],
)
def test_the_offered_line_writes_the_output(model, capsys, command, output):
    argv = [command[0], str(model), *command[1:]]
    assert main([*argv, *output]) == 2
    err = capsys.readouterr().err
    assert f"{command[0]} writes to standard output" in err
    _, words, target = _offered(err)
    assert target == "new names.txt"
    assert main(words) == 0
    offered = capsys.readouterr().out
    assert main(argv) == 0 and capsys.readouterr().out == offered


def test_the_shell_reads_the_offered_line_as_its_words_and_its_file(
    model, tmp_path, capsys
):
    # The shell's reading of the line, with printf in place of sknextchar (no
    # new Python process): its words, one after another, go to the file named.
    argv = ["sample", str(model), "-n", "5", "--seed", "0"]
    assert main([*argv, "-o", "my names.txt"]) == 2
    line = _offered(capsys.readouterr().err)[0]
    printf = "printf '%s\\0'" + line.removeprefix("sknextchar")
    done = subprocess.run(printf, shell=True, cwd=tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr
    words = (tmp_path / "my names.txt").read_bytes().decode().split("\0")[:-1]
    assert words == argv


@pytest.mark.slow  # a new Python process
def test_the_offered_line_saves_in_a_shell(model, tmp_path, capsys):
    argv = ["sample", str(model), "-n", "5", "--seed", "0"]
    assert main([*argv, "-o", "my names.txt"]) == 2
    line = _offered(capsys.readouterr().err)[0]
    python = f"{shlex.quote(sys.executable)} -m sknextchar"
    done = subprocess.run(
        python + line.removeprefix("sknextchar"), shell=True, cwd=tmp_path,
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert main(argv) == 0
    saved = (tmp_path / "my names.txt").read_text(encoding="utf-8")
    assert saved == capsys.readouterr().out


def test_commands_with_an_output_and_other_words_are_not_told():
    given = ["plot", "m.skops", "-o", "p.png"]
    assert to_stdout_note(["-o"], {"-o", "--output"}, given) == ""
    assert to_stdout_note(["--seed"], {"-n"}, ["sample", "m.skops", "--seed"]) == ""
    told = to_stdout_note(["-o"], {"-n"}, ["table", "m.skops", "ab", "-o"])
    assert told.endswith("run: sknextchar table m.skops ab > FILE")
    told = to_stdout_note(["-o"], {"-n"}, ["sample", "m.skops", "-o", "--seed", "1"])
    assert told.endswith("run: sknextchar sample m.skops --seed 1 > FILE")
