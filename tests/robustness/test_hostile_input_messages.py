"""Hostile inputs get a message that says what is wrong and what to do.

A line past the CSV reader's field limit, a regular expression past ``re``'s
limits, priors that overflow a sum, a context longer than any name, a header
of a megabyte or of thousands of columns, and flags that read a file given
without it.
"""

import math
import re

import pytest

from sknextchar._limits import MAX_LETTERS
from sknextchar._name_filter import check_pattern
from sknextchar._words import quoted_fields, quoted_row
from sknextchar.cli import build_parser, main
from sknextchar.cli._arguments import check_reading_flags
from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import table_rows

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
# A field longer than the csv module's default limit (131,072 characters).
GIANT = 200_000


def _run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def _user_error(status, err):
    """One line on stderr, no traceback, status 1."""
    assert status == 1
    assert err.startswith("sknextchar: error: ")
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def labelled_model(tmp_path_factory):
    """A count model of names by label: A ends in "a", B in "o"."""
    folder = tmp_path_factory.mktemp("hostile")
    stems = ["asha", "ravi", "mira", "kiran", "lata", "gopal", "neel", "sita"]
    rows = [f"{s}a,A\n{s}o,B\n" for s in stems]
    table = folder / "names.csv"
    table.write_text("name,label\n" + "".join(rows), encoding="utf-8")
    model = folder / "by_label.skops"
    assert main(["train", str(table), "--labels", "label", *KN, "-o", str(model)]) == 0
    return model


# 1. A line past the CSV reader's field limit.
@pytest.mark.parametrize("first", ["a" * GIANT, "name,label"])
def test_labels_of_a_file_with_a_giant_field_is_an_error_not_a_traceback(
    tmp_path, capsys, first
):
    path = tmp_path / "giant.csv"
    rows = [first, "b" * GIANT + ",f" if first == "name,label" else "ravi"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "g.skops"
    status, _, err = _run(capsys, "train", path, "--labels", "label", "-o", out)
    _user_error(status, err)
    assert f"more than {131072:,} characters" in err
    assert "starts on line" in err and "give each row a line of its own" in err
    assert len(err) < 1000 and not out.exists()


def test_a_field_past_the_limit_is_named_with_its_line():
    lines = ["name\n", "asha\n", "x" * GIANT + "\n"]
    with pytest.raises(ValueError, match=r"a field of more than .* starts on line 3 "):
        list(table_rows(lines, ",", "'f.csv'"))


# 2. A pattern past the limits of re.
@pytest.mark.parametrize(
    "pattern, why",
    [("a{99999999999}", "smaller count"), ("(" * 5000 + ")" * 5000, "nested too deep")],
)
def test_a_pattern_past_the_limits_of_re_is_invalid(pattern, why):
    with pytest.raises(ValueError, match="not a valid regular expression") as info:
        check_pattern(pattern)
    assert why in str(info.value) and len(str(info.value)) < 400


def test_sample_pattern_past_the_limits_of_re_is_a_user_error(capsys, tmp_path):
    # The pattern is checked before the model file is read.
    argv = ["sample", tmp_path / "m.skops", "--pattern", "a{99999999999}"]
    status, _, err = _run(capsys, *argv)
    _user_error(status, err)
    assert "--pattern 'a{99999999999}' is not a valid regular expression" in err


# 3. Priors whose sum overflows.
def _probabilities(text):
    rows = [line.split() for line in text.splitlines()[1:]]
    return {row[0]: [float(cell) for cell in row[2:]] for row in rows}


@pytest.mark.parametrize("big", ["1e308", "1.7e308"])
def test_classify_priors_are_scaled_without_overflow(labelled_model, capsys, big):
    names = ["sita", "mirao", "kirana"]
    status, plain, _ = _run(
        capsys, "classify", labelled_model, *names, "--priors", "A=1", "B=1"
    )
    assert status == 0
    status, huge, err = _run(
        capsys, "classify", labelled_model, *names, "--priors", f"A={big}", f"B={big}"
    )
    assert status == 0 and "-" not in huge.split("\n", 1)[1]
    assert err == ""  # no warning of an overflow either
    expected, got = _probabilities(plain), _probabilities(huge)
    for name in names:
        assert got[name] == pytest.approx(expected[name], abs=1e-3)


def test_classify_priors_of_far_apart_sizes_keep_both_labels(labelled_model, capsys):
    status, out, _ = _run(
        capsys, "classify", labelled_model, "sita", "--priors", "A=1e308", "B=1e-300"
    )
    assert status == 0
    p_a, p_b = _probabilities(out)["sita"]
    assert math.isclose(p_a + p_b, 1.0, abs_tol=2e-3) and p_a > 0.99


# 4. A table context of more letters than a name has.
@pytest.mark.parametrize("letters", [MAX_LETTERS, MAX_LETTERS + 1])
def test_table_context_longer_than_a_name_is_told_in_the_flags(
    labelled_model, capsys, letters
):
    status, _, err = _run(capsys, "table", labelled_model, "a" * letters)
    _user_error(status, err)
    assert f"Shorten CONTEXT to {MAX_LETTERS - 1:,} letters or fewer" in err
    assert "max_length" not in err and "NameSampler" not in err


def test_table_context_of_the_longest_length_shows_the_models_own_end(
    labelled_model, capsys
):
    status, out, _ = _run(
        capsys, "table", labelled_model, "a" * (MAX_LETTERS - 1), "--label", "A"
    )
    assert status == 0
    end = [line.split()[1:] for line in out.splitlines() if line[:2] == "- "]
    # the end marker is not forced: the bound is one past the context
    assert len(end) == 1 and all(0 < float(p) < 1 for p in end[0])


def test_table_help_says_the_longest_context():
    text = build_parser()._subparsers._group_actions[0].choices["table"].format_help()
    assert f"CONTEXT has at most {MAX_LETTERS - 1:,} letters" in " ".join(text.split())


# 5. A header of a megabyte, or of thousands of columns.
def test_load_names_quotes_a_giant_header_cut(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("h" * GIANT + ",x\nasha,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="names_column='name' is not a column") as info:
        load_names(path, names_column="name")
    assert len(str(info.value)) < 1000
    assert f"({GIANT + 2:,} characters)" in str(info.value)


def test_train_names_column_not_in_a_giant_header_is_told_in_a_line(tmp_path, capsys):
    path = tmp_path / "giant.txt"
    path.write_text("h" * GIANT + "\nasha\n", encoding="utf-8")
    argv = ["train", path, "--names-column", "name", "-o", tmp_path / "g.skops"]
    status, _, err = _run(capsys, *argv)
    _user_error(status, err)
    assert "--names-column name is not a column" in err and len(err) < 1000


def test_labels_not_in_a_wide_header_is_told_in_a_line(tmp_path, capsys):
    path = tmp_path / "wide.csv"
    header = ",".join(f"q{i}" for i in range(5001))
    path.write_text(header + "\n" + ",".join("x" * 5001) + "\n", encoding="utf-8")
    argv = ["train", path, "--labels", "label", "-o", tmp_path / "w.skops"]
    status, _, err = _run(capsys, *argv)
    _user_error(status, err)
    assert "'q0', 'q1'" in err and "(4,981 more fields)" in err and len(err) < 1000


@pytest.mark.parametrize("wide", ["giant", "columns"])
def test_a_wide_header_above_rows_of_another_delimiter_is_told_in_a_line(
    tmp_path, capsys, wide
):
    # name,<a field of 120,000 letters> or 5,001 columns, above rows split at
    # a semicolon: the header, the rows' fields and the header to write are
    # each shown cut, once.
    n = 5001 if wide == "columns" else 2
    header = ["name", *(f"c{i}" for i in range(n - 1))]
    if wide == "giant":
        header = ["name", "h" * 120_000]
    rows = ["Anna;" + ";".join("F" * (n - 1)), "Ravi;" + ";".join("M" * (n - 1))]
    path = tmp_path / "mixed.csv"
    path.write_text(",".join(header) + "\n" + "\n".join(rows) + "\n", "utf-8")
    status, _, err = _run(capsys, "train", path, "-o", tmp_path / "m.skops")
    _user_error(status, err)
    assert err.count("\n") == 1 and len(err) < 2000, len(err)
    assert "Write the header with semicolons" in err
    if wide == "columns":
        assert err.count("(4,981 more fields)") == 2  # the header, the first row
        assert "has 5,001 fields between commas" in err
    else:
        assert "(120,000 characters)" in err and "(120,005 characters)" in err
    with pytest.raises(ValueError, match="between semicolons") as info:
        load_names(path, names_column="name")
    assert len(str(info.value)) < 2000


def test_quoted_helpers_keep_short_rows_whole():
    assert quoted_row(" name,sex \n") == "'name,sex'"
    assert quoted_fields(["name", "sex"]) == "['name', 'sex']"
    fields = [f"c{i}" for i in range(30)]
    shown = quoted_fields(fields, most=4)
    assert shown.startswith("['c0', 'c1', 'c2', 'c3', ...") and "26 more" in shown


# 6. Flags that read a file, given without it.
@pytest.mark.parametrize(
    "argv, flag, needed",
    [
        (["train", "--names-column", "nonsense"], "--names-column", "NAMES_FILE"),
        (["train", "--encoding", "utf-16"], "--encoding", "NAMES_FILE"),
        (["train", "--labels", "label", "--encoding", "latin-1"], "--encoding",
         "NAMES_FILE"),
        (["score", "M", "asha", "--names-column", "x"], "--names-column",
         "--names-file FILE"),
        (["classify", "M", "asha", "--encoding", "latin-1"], "--encoding",
         "--names-file FILE"),
        (["sample", "M", "--encoding", "latin-1"], "--encoding", "--exclude-file FILE"),
    ],
)  # fmt: skip
def test_reading_flags_without_their_file_are_refused(
    tmp_path, capsys, argv, flag, needed
):
    out = tmp_path / "n.skops"
    argv = [str(tmp_path / "m.skops") if a == "M" else a for a in argv]
    if argv[0] == "train":
        argv += ["-o", str(out), *KN]
    status, _, err = _run(capsys, *argv)
    _user_error(status, err)
    assert f"pass {needed}, or leave out {flag}." in err
    assert not out.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "--labels", "label", "--names-column", "name", "-o", "m.skops"],
        ["train", "names.csv", "--encoding", "latin-1", "-o", "m.skops"],
        ["score", "m.skops", "--names-file", "n.txt", "--names-column", "name"],
        ["sample", "m.skops", "--exclude-file", "n.txt", "--encoding", "latin-1"],
    ],
)
def test_reading_flags_with_their_file_pass(argv):
    check_reading_flags(build_parser().parse_args(argv))


@pytest.mark.parametrize("utf8", ["utf-8", "UTF8", "utf_8"])
def test_the_default_encoding_given_without_a_file_is_accepted(
    labelled_model, capsys, utf8
):
    # A script may always pass the default: it reads nothing differently.
    argv = ["score", labelled_model, "asha", "--label", "A"]
    status, out, err = _run(capsys, *argv, "--encoding", utf8)
    assert (status, err) == (0, "") and "asha" in out
    assert out == _run(capsys, *argv)[1]
    for command in (["sample", "M"], ["classify", "M", "asha"], ["train", "-o", "M"]):
        args = build_parser().parse_args([*command, "--encoding", utf8])
        check_reading_flags(args)
    # Another encoding, or a column, still asks for the file it reads.
    status, _, err = _run(capsys, *argv, "--encoding", "cp1252")
    _user_error(status, err)
    assert "pass --names-file FILE, or leave out --encoding." in err
    status, _, err = _run(capsys, *argv, "--encoding", utf8, "--names-column", "n")
    _user_error(status, err)
    assert "pass --names-file FILE, or leave out --names-column." in err


def test_pattern_message_quotes_a_long_pattern_cut():
    pattern = "(" * 5000 + ")" * 5000
    with pytest.raises(ValueError) as info:
        check_pattern(pattern)
    assert re.search(r"\(10,000 characters\)", str(info.value))
