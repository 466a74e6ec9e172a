"""Lists a spreadsheet wrote in double quotes: the advice that trains exactly
the names, one message for a quote mark inside a name, and ``sample
--exclude-file`` that leaves the quoted names out.

Before: a quoted title ``"name"`` above ``"Asha"``... was advised to be read
with ``--no-header --names-column 1``, which trained "name" as a name (and
``--no-header`` took it silently); ``"O""Neil"`` got an error whose advice
led to a second one on ``O"Neil``; ``--exclude-file`` of quoted names
compared them with their quote marks and left nothing out.
"""

import contextlib
import io

import pytest

from sknextchar import make_default_pipeline
from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests._shared_files import kept_as_it_was

NAMES = ["Asha", "Bilal", "Chen", "Dana", "Esha", "Farid", "Gita", "Hari"]
KN = ["--model", "kneser-ney", "-q"]


def _write(path, lines):
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


def _quoted(names):
    return [f'"{name}"' for name in names]


def _train(capsys, argv):
    status = main(["train", *argv, *KN])
    return status, capsys.readouterr().err


def _in_training(capsys, model, name):
    """score's train column for ``name``: whether the model was trained on it."""
    assert main(["score", model, name, "-q"]) == 0
    return capsys.readouterr().out.splitlines()[1].split()[-1] == "yes"


def test_a_quoted_header_is_advised_as_a_header_and_the_advice_trains_the_names(
    tmp_path, capsys
):
    path = _write(tmp_path / "kids.txt", ['"name"', *_quoted(NAMES)])
    model = str(tmp_path / "m.skops")
    status, err = _train(capsys, [path, "-o", model])
    assert status == 1
    note, error = err.splitlines()
    assert note.endswith("pass --names-column name to read the names below it.")
    assert error.startswith("sknextchar: error: ") and "(the first: '\"Asha\"')" in err
    assert f"{len(NAMES)} lines in double quotes" in error  # the header apart
    assert error.endswith("pass --names-column name (a table of one column, its "
                          "first line its header 'name').")  # fmt: skip
    assert "--no-header" not in err
    assert _train(capsys, [path, "--names-column", "name", "-o", model]) == (0, "")
    assert _in_training(capsys, model, "asha")
    assert not _in_training(capsys, model, "name")


@pytest.mark.parametrize("header", ["name", '"name"', "First Name"])
def test_no_header_refuses_a_first_line_that_is_the_header_of_names(
    tmp_path, capsys, header
):
    # Before: --no-header --names-column 1 trained the header as a name.
    path = _write(tmp_path / "kids.txt", [header, *_quoted(NAMES)])
    model = str(tmp_path / "m.skops")
    argv = [path, "--no-header", "--names-column", "1", "-o", model]
    status, err = _train(capsys, argv)
    column = header.strip('"')
    flag = f"--names-column {column!r}" if " " in column else f"--names-column {column}"
    assert status == 1 and err.count("\n") == 1
    assert f"leave out --no-header and pass {flag}." in err
    with pytest.raises(ValueError, match=f"pass names_column={column!r}"):
        load_names(path, header=None, names_column=0)
    assert load_names(path, names_column=column) == NAMES


def test_no_header_still_reads_a_first_line_that_is_a_name(tmp_path, capsys):
    path = _write(tmp_path / "kids.txt", _quoted(NAMES))
    model = str(tmp_path / "m.skops")
    argv = [path, "--no-header", "--names-column", "1", "-o", model]
    assert _train(capsys, argv) == (0, "")
    assert load_names(path, header=None, names_column=0) == NAMES


@pytest.mark.parametrize("others", [["Asha", "Bilal"], _quoted(["Asha", "Bilal"])])
def test_a_quote_mark_inside_a_quoted_name_is_said_in_the_one_error(
    tmp_path, capsys, others
):
    # '"O""Neil"' read as CSV is 'O"Neil': the error says so, and following
    # it (the quote mark taken out, the flags it gives) trains.
    path = tmp_path / "kids.txt"
    _write(path, [*others, '"O""Neil"', "Chen", '"Jo""Ann"'])
    model = str(tmp_path / "m.skops")
    status, err = _train(capsys, [str(path), "-o", model])
    assert status == 1 and err.count("\n") == 1
    assert "pass --no-header --names-column 1 (a table of one column)" in err
    # every such name is named, not only the first (before: O"Neil alone)
    assert "read so, 2 names still hold a '\"'" in err
    assert '\'"O""Neil"\' is \'O"Neil\' and \'"Jo""Ann"\' is \'Jo"Ann\'' in err
    assert "--alphabet" not in err
    _write(path, [*others, '"ONeil"', "Chen", '"JoAnn"'])
    argv = [str(path), "--no-header", "--names-column", "1", "-o", model]
    assert _train(capsys, argv) == (0, "")


def test_python_says_a_quote_mark_inside_a_quoted_name(tmp_path):
    path = _write(tmp_path / "kids.txt", ["Asha", '"O""Neil"', "Chen"])
    with pytest.warns(UserWarning, match="double quotes"):
        names = load_names(path)
    with pytest.raises(ValueError) as error:
        make_default_pipeline().fit(names)
    assert "header=None, names_column=0" in str(error.value)
    assert "a name still holds a '\"'" in str(error.value)
    assert '\'"O""Neil"\' is \'O"Neil\': take it out' in str(error.value)


def test_python_finds_every_quote_mark_inside_quoted_names_not_only_shown(tmp_path):
    # Before: only the 5 names the message shows were looked at, so
    # O"Neil (9th) and Jo"Ann (10th) went unsaid.
    lines = [*_quoted(NAMES), '"O""Neil"', '"Jo""Ann"']
    with pytest.warns(UserWarning, match="double quotes"):
        names = load_names(_write(tmp_path / "kids.txt", lines))
    with pytest.raises(ValueError) as error:
        make_default_pipeline().fit(names)
    assert "and 5 more" in str(error.value)
    assert "2 names still hold a '\"'" in str(error.value)
    assert '\'"O""Neil"\' is \'O"Neil\' and \'"Jo""Ann"\' is \'Jo"Ann\'' in str(
        error.value
    )


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    """A model trained once for the module, silently: read, never written."""
    folder = tmp_path_factory.mktemp("kids")
    path = _write(folder / "kids.txt", [name.lower() for name in NAMES])
    with contextlib.redirect_stderr(io.StringIO()) as err:
        assert (
            main(["train", path, "--order", "2", "-o", f"{folder}/m.skops", *KN]) == 0
        )
    assert err.getvalue() == ""
    with kept_as_it_was(folder / "m.skops"):
        yield str(folder / "m.skops")


def _sample(capsys, model, *flags):
    argv = ["sample", model, "-n", "30", "--seed", "0", "--unique", *flags]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    return out.split(), err


@pytest.mark.parametrize("flags", [[], ["--novel"], ["-q"]])
def test_sample_leaves_out_the_names_of_a_quoted_exclude_file(
    tmp_path, capsys, model, flags
):
    drawn = _sample(capsys, model)[0]
    excluded = _write(tmp_path / "seen.txt", _quoted(n.title() for n in drawn[:20]))
    names, err = _sample(capsys, model, "--exclude-file", excluded, *flags)
    assert names and not {name.title() for name in names} & set(drawn[:20])
    assert err == (
        f"Note: read the 20 lines in double quotes of '{excluded}' (the first: "
        f"'\"{drawn[0].title()}\"') as fields of CSV, quotes removed "
        f"('{drawn[0].title()}'), as the model writes no '\"'.\n"
    )


def test_a_model_that_writes_quote_marks_keeps_them_and_the_warning(tmp_path, capsys):
    path = _write(tmp_path / "kids.txt", _quoted(NAMES))
    model = str(tmp_path / "m.skops")
    assert _train(capsys, [path, "--alphabet", "auto", "-o", model])[0] == 0
    names, err = _sample(capsys, model, "--exclude-file", path)
    assert err.startswith("sknextchar: warning: ") and err.count("\n") == 1
    assert "8 lines in double quotes" in err and names
