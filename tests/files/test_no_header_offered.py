"""The reading without a header row (``header=None``, ``--no-header``) is
offered only where it can help: not for a file whose first row is a header
row (which that reading refuses), and in Python with a ``counts_column`` only
when one was asked for (it changes what ``load_names`` returns)."""

import re

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

HEADED = "name,sex,count\nEmma,F,18688\nLiam,M,19837\n"
HEADERLESS = "Emma,F,18688\nLiam,M,19837\n"


@pytest.fixture
def headed(tmp_path):
    path = tmp_path / "yob.csv"
    path.write_text(HEADED, encoding="utf-8")
    return str(path)


@pytest.fixture
def headerless(tmp_path):
    path = tmp_path / "yob.txt"
    path.write_text(HEADERLESS, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "given",
    [
        {"names_column": "first"},
        {"names_column": "name", "counts_column": "xyz"},  # no guess: the header
        {"names_column": "first", "counts_column": "count"},
    ],
)
def test_a_header_row_is_not_offered_header_none(headed, given):
    with pytest.raises(ValueError) as refused:
        load_names(headed, **given)
    said = str(refused.value)
    assert "as that row spells it" in said
    assert "header=None" not in said and "no header row" not in said


@pytest.mark.parametrize(
    "flags",
    [
        ["--names-column", "first"],
        ["--names-column", "name", "--counts", "cnt"],
        ["--names-column", "name", "--labels", "gender"],
    ],
)
def test_a_header_row_is_not_offered_no_header(headed, flags, tmp_path, capsys):
    out = str(tmp_path / "m.skops")
    assert main(["train", headed, *flags, "--model", "kneser-ney", "-o", out]) == 1
    err = capsys.readouterr().err
    assert "error:" in err
    assert "--no-header" not in err and "no header row" not in err


def test_a_row_of_data_is_still_offered_no_header(headerless, tmp_path, capsys):
    out = str(tmp_path / "m.skops")
    flags = ["--names-column", "name", "--labels", "gender", "--model", "kneser-ney"]
    assert main(["train", headerless, *flags, "-o", out]) == 1
    assert "--no-header --names-column 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("given", "counts"),
    [
        ({"names_column": "first"}, False),
        ({"names_column": 0}, False),
        ({"names_column": "first", "counts_column": "cnt"}, True),
        ({"names_column": 0, "counts_column": "cnt"}, True),
    ],
)
def test_python_offers_counts_column_only_when_asked(headerless, given, counts):
    with pytest.raises((TypeError, ValueError)) as refused:
        load_names(headerless, **given)
    advice = re.search(
        r"header=None, names_column=(\d+)(, counts_column=(\d+))?", str(refused.value)
    )
    assert advice is not None and (advice[2] is not None) == counts
    columns = {"names_column": int(advice[1])}
    if counts:
        columns["counts_column"] = int(advice[3])
    read = load_names(headerless, header=None, **columns)  # the advice, followed
    assert (read if not counts else read[0]) == ["Emma", "Liam"]
