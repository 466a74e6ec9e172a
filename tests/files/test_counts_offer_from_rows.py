"""The column of counts offered for a table read without a header row is one
whose cells are numbers in every row looked at, not in the first row alone:
``Baby names; 2024`` above ``Name;Gender`` (a title holding the delimiter)
or ``Emma,F,1`` above ``Ravi,M,x`` get no ``--counts`` / ``counts_column``
offer that would then be refused."""

import warnings

import pytest

from sknextchar import train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_names

# file: (its text, the offer of its last column, in Python's and the CLI's words)
WORDS_BELOW = {
    "w.csv": ("Emma,F,1\nRavi,M,x\n", "counts_column=2", "--counts 3"),
    "p8.csv": (
        "Baby names; 2024\r\nName;Gender\r\nasha;F\r\nravi;M\r\n",
        "counts_column=1",
        "--counts 2",
    ),
}
NUMBERS_BELOW = {"n.csv": ("Emma,F,1\nRavi,M,3\n", "counts_column=2", "--counts 3")}


def _written(tmp_path, files, file):
    text, python, cli = files[file]
    path = tmp_path / file
    path.write_text(text, encoding="utf-8", newline="")
    return path, python, cli


@pytest.mark.parametrize(
    "argv", [[], ["--labels", "sex"], ["--names-column", "Nmae"], ["--counts", "cnt"]]
)
@pytest.mark.parametrize("file", sorted(WORDS_BELOW))
def test_the_command_line_offers_no_counts_the_rows_below_refuse(
    tmp_path, capsys, file, argv
):
    path, _, offer = _written(tmp_path, WORDS_BELOW, file)
    out = tmp_path / "m.skops"
    assert main(["train", str(path), *argv, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--no-header --names-column 1" in err and offer not in err, err
    assert not out.exists()


@pytest.mark.parametrize(
    "argv", [[], ["--labels", "sex"], ["--names-column", "Nmae"], ["--counts", "cnt"]]
)
def test_the_command_line_still_offers_a_column_of_numbers(tmp_path, capsys, argv):
    path, _, offer = _written(tmp_path, NUMBERS_BELOW, "n.csv")
    assert main(["train", str(path), *argv, "-o", str(tmp_path / "m.skops")]) == 1
    assert offer in capsys.readouterr().err


PYTHON_CALLS = [
    {"names_column": "Nmae", "counts_column": "x"},
    {"names_column": 0, "counts_column": "x"},
    {"names_column": "Emma", "labels_column": 1, "counts_column": "c"},
    {"names_column": "name", "labels_column": "sex", "counts_column": "c"},
]


@pytest.mark.parametrize(
    ("file", "kwargs"),
    [("w.csv", kwargs) for kwargs in PYTHON_CALLS]
    + [("p8.csv", kwargs) for kwargs in PYTHON_CALLS[:3]],  # "name": below the title
)
def test_python_offers_no_counts_column_the_rows_below_refuse(tmp_path, file, kwargs):
    path, offer, _ = _written(tmp_path, WORDS_BELOW, file)
    with pytest.raises((TypeError, ValueError), match="header=None") as caught:
        load_names(path, **kwargs)
    assert offer not in str(caught.value)


@pytest.mark.parametrize("kwargs", PYTHON_CALLS)
def test_python_still_offers_a_column_of_numbers(tmp_path, kwargs):
    path, offer, _ = _written(tmp_path, NUMBERS_BELOW, "n.csv")
    with pytest.raises((TypeError, ValueError), match=offer):
        load_names(path, **kwargs)


@pytest.mark.parametrize("files", [WORDS_BELOW, NUMBERS_BELOW])
def test_the_warning_of_a_fit_offers_counts_only_below_numbers(tmp_path, files):
    file = "w.csv" if files is WORDS_BELOW else "n.csv"
    path, offer, _ = _written(tmp_path, files, file)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError):  # each whole line a name: commas unknown
            train_from_file(path, chunk_size=10)
    told = " ".join(str(warning.message) for warning in caught)
    assert "header=None, names_column=0" in told
    assert (offer in told) == (files is NUMBERS_BELOW), told


@pytest.mark.parametrize(
    ("files", "header"),
    [(WORDS_BELOW, "name,label,column3"), (NUMBERS_BELOW, "name,label,count")],
)
def test_score_titles_count_only_a_column_of_numbers(
    tmp_path, monkeypatch, capsys, files, header
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "l.txt").write_text("asha\nravi\n", encoding="utf-8")
    assert main(["train", "l.txt", "--model", "kneser-ney", "-q", "-o", "m.skops"]) == 0
    path, _, _ = _written(tmp_path, files, "w.csv" if files is WORDS_BELOW else "n.csv")
    assert main(["score", "m.skops", "--names-file", path.name]) == 1
    assert f"(e.g. {header})" in capsys.readouterr().err
