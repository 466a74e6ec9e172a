"""A spreadsheet writes an error value (``#N/A``, ``#VALUE!``, LibreOffice's
``Err:502``) in a cell whose formula failed, and its CSV export keeps it as
text. In a table's column of names such a cell is no name: the row is left out
as a row with an empty name is, and told; in its column of labels it is no
label: the row is refused as a row without a label is. Before, ``#N/A`` was
learned as a name (``na`` with ``--handle-unknown drop``) and as a label."""

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import UnnamedRowsWarning

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2", "-q"]
ERRORS = ["#N/A", "#VALUE!", "#ref!", "Err:502"]


def write(path, rows):
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8-sig")
    return str(path)


@pytest.mark.parametrize("error", ERRORS)
def test_an_error_value_in_the_names_column_is_no_name(tmp_path, capsys, error):
    rows = ["name,sex", "Anna,F", f"{error},M", "John,M", "Mary,F"]
    path = write(tmp_path / "kids.csv", rows)
    told = f"1 row of {path!r} has no name in column 'name' ({error!r}, the error"
    with pytest.warns(UnnamedRowsWarning, match="formula that failed") as caught:
        assert load_names(path, names_column="name") == ["Anna", "John", "Mary"]
    assert str(caught[0].message).startswith(told), caught[0].message
    model = str(tmp_path / "m.skops")
    for flags in ([], ["--labels", "sex"]):
        assert main(["train", path, *KN, *flags, "-o", model, "--force"]) == 0
        assert told in capsys.readouterr().err
        sampler = load_model(model)
        assert not sampler.in_training_set([error, error.strip("#!/:")]).any()
        assert sampler.in_training_set(["Anna", "John", "Mary"]).all()


@pytest.mark.parametrize("error", ERRORS)
def test_an_error_value_in_the_labels_column_is_no_label(tmp_path, capsys, error):
    rows = ["name,sex", "Anna,F", f"John,{error}", "Mary,F", "Paul,M"]
    path = write(tmp_path / "kids.csv", rows)
    told = (
        f"Line 3 of {path!r} has the name 'John' but no label in the column 'sex' "
        f"({error!r}, the error value a spreadsheet writes for a formula that "
        "failed, is no label); give every name a label."
    )
    with pytest.raises(ValueError) as caught:
        load_names(path, labels_column="sex")
    assert str(caught.value) == told
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "--labels", "sex", "-o", model]) == 1
    assert capsys.readouterr().err == f"sknextchar: error: {told}\n"


def test_error_labels_of_several_rows_are_refused_at_once(tmp_path):
    rows = ["name,sex", "Anna,#N/A", "John,M", "Mary,#N/A", "Paul,M"]
    path = write(tmp_path / "kids.csv", rows)
    with pytest.raises(ValueError, match="2 rows of .* no label in the column 'sex' "):
        load_names(path, labels_column="sex")


def test_a_labels_column_of_error_values_only_is_told_so(tmp_path):
    # A lookup that failed on every row fills the column with #N/A: the
    # message on a column of no labels says why they are none.
    rows = ["name,sex", *(f"Name{chr(97 + i % 26)}{i},#N/A" for i in range(101))]
    path = write(tmp_path / "kids.csv", rows)
    told = (
        f"{str(path)!r} has no labels in the column 'sex' ('#N/A', the error "
        "value a spreadsheet writes"
    )
    with pytest.raises(ValueError, match=r"has no labels") as caught:
        load_names(path, labels_column="sex")
    assert str(caught.value).startswith(told), caught.value


def test_rows_refused_together_show_which_label_is_an_error_value(tmp_path):
    # An empty label and an error value refused at once: each row says what
    # it holds, so the empty one is not taken for the error value.
    rows = ["name,sex", "Anna,#VALUE!", "Bob,", "John,M", "Eve,#REF!"]
    path = write(tmp_path / "kids.csv", rows)
    with pytest.raises(ValueError) as caught:
        load_names(path, labels_column="sex")
    shown = "line 2 ('Anna', label '#VALUE!'), line 3 ('Bob'), line 5 ('Eve', label"
    assert shown in str(caught.value), caught.value
