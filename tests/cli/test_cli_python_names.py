"""The command line names flags, not Python parameters, and counts in English.

1. A message of the estimators or loaders that names ``counts_column=``,
   ``prefix=...`` or ``exclude=...`` reaches the command line as ``--counts``,
   ``--prefix`` and ``--exclude-file``.
2. "No name can be returned" counts one name as one ("1 name exists ... and it
   is left out"), not "1 names ... all 1 of them is".
3. The control characters and line breaks that no name holds are defined once
   (``sknextchar._text``), not copied into each module that needs them.
"""

import ast
from pathlib import Path

import pytest

import sknextchar._text as _text
from sknextchar.cli import main

PACKAGE = Path(__file__).resolve().parents[2] / "sknextchar"
KN = ["--model", "kneser-ney", "--seed", "0", "-q"]
TINY = ["--max-iter", "1", "--hidden-layer-sizes", "8", "--seed", "0", "-q"]


def run(capsys, *argv):
    """The status and stderr of ``main(argv)``."""
    status = main([str(arg) for arg in argv])
    return status, capsys.readouterr().err


def one_line_error(status, err):
    assert status == 1, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("sknextchar: error: "), err
    return err


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    """A model of a few names of 4 letters or more, among them 'asha'."""
    folder = tmp_path_factory.mktemp("model")
    names = folder / "names.txt"
    names.write_text("asha\nravi\numa\nmeera\nkiran\n", encoding="utf-8")
    path = folder / "model.skops"
    assert main(["train", str(names), *KN, "-o", str(path)]) == 0
    return str(path)


def test_counts_past_2_to_53_name_the_counts_flag(tmp_path, capsys):
    big = tmp_path / "big.csv"
    big.write_text(
        "name,count\nasha,9007199254740992\nravi,9007199254740992\numa,3\n",
        encoding="utf-8",
    )
    for chunks, named in (  # read whole, and in chunks: each path's wording
        ([], "its column 'count'"),
        (["--chunk-size", "2"], "--counts count"),
    ):
        argv = ["train", big, "--counts", "count", *chunks, *TINY]
        status, err = run(capsys, *argv, "-o", tmp_path / "m.skops")
        error = err.splitlines()[-1]  # below a note that the file is a table
        one_line_error(status, error + "\n")
        assert "add up to" in error and "counts_column" not in error, error
        assert named in error, error
    assert not (tmp_path / "m.skops").exists()


def test_no_name_left_names_prefix_and_counts_one_name(model_file, capsys):
    argv = ["sample", model_file, "-n", "1", "--novel", "--prefix", "asha"]
    err = one_line_error(*run(capsys, *argv, "--max-length", "4"))
    assert "prefix=" not in err and "give a shorter --prefix" in err, err
    assert "1 name exists" in err and "it is left out" in err, err
    assert "1 names" not in err and "all 1 of them" not in err, err
    assert "(--novel)" in err and "novel=" not in err, err


def test_excluded_names_name_the_exclude_file_flag(model_file, tmp_path, capsys):
    excluded = tmp_path / "excluded.txt"
    excluded.write_text("asha\n", encoding="utf-8")
    argv = ["sample", model_file, "-n", "1", "--unique", "--prefix", "asha"]
    argv += ["--max-length", "4", "--exclude-file", excluded]
    err = one_line_error(*run(capsys, *argv))
    assert "exclude=" not in err, err
    assert "excluded names (--exclude-file ...)" in err, err
    assert "exclude fewer names (--exclude-file ...)" in err, err


def _string_constants(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


# The characters at which str.splitlines splits, and the control characters
# (Unicode category Cc) but the tab.
SHARED = {
    "LINE_BREAKS": "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    "CONTROL": "[\x00-\x08\x0a-\x1f\x7f-\x9f]",
}


@pytest.fixture(scope="module")
def string_constants():
    """The string constants of each module of the package, parsed once."""
    return {path: frozenset(_string_constants(path)) for path in PACKAGE.rglob("*.py")}


@pytest.mark.slow
@pytest.mark.parametrize("name", SHARED)
def test_the_characters_no_name_holds_are_defined_once(string_constants, name):
    # A copy could drift from the one the checks of names use.
    shared = SHARED[name]
    defined_in = sorted(
        str(path.relative_to(PACKAGE))
        for path, constants in string_constants.items()
        if shared in constants
    )
    assert defined_in == ["_text.py"]
    value = getattr(_text, name)
    assert getattr(value, "pattern", value) == shared
