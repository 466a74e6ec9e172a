"""A reread of the family-tree column rules: a column of births is counts
(the baby-name files' ``name,sex,births``), a label ``unknown`` is a label,
and a column headed as names of short names (``Li``, ``Wu``, ``李``) is not
warned of as labels."""

import warnings

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._family_records import is_date_column, names_look_words

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2"]


def train(tmp_path, capsys, text, *flags):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    model = str(tmp_path / "m.skops")
    code = main(["train", str(path), *KN, "-o", model, "--force", *flags])
    return code, capsys.readouterr().err, model, str(path)


BIRTHS = "name,sex,births\nOlivia,F,17728\nEmma,F,15581\nLiam,M,20456\nNoah,M,18252\n"


@pytest.mark.parametrize(
    "header", ["births", "Births", "Number of births", "Geburten", "Deaths", "Taufen"]
)
def test_a_column_of_births_is_offered_as_counts(tmp_path, capsys, header):
    text = BIRTHS.replace("births", header, 1)
    _, err, _, _ = train(tmp_path, capsys, text)
    assert "to weigh each name by how often it occurs, pass --counts" in err
    assert not is_date_column(header, ["17728", "15581"])


@pytest.mark.parametrize(
    "header", ["Birth Year", "Birthdate", "Geburtsjahr", "Sterbedatum", "Death", "DOB"]
)
def test_a_column_of_dates_is_still_no_counts(header):
    assert is_date_column(header, ["3", "12"])


UNKNOWN = "name,gender\nAnna,F\nBen,M\nAlex,unknown\nSam,unknown\nEva,F\nTom,M\n"


def test_a_label_unknown_is_a_label(tmp_path, capsys):
    code, err, model, path = train(tmp_path, capsys, UNKNOWN, "--labels", "gender")
    assert code == 0, err
    assert main(["sample", model, "-n", "2", "--label", "unknown", "--seed", "0"]) == 0
    names, labels = load_names(path, names_column="name", labels_column="gender")
    assert list(labels) == ["F", "M", "unknown", "unknown", "F", "M"]


def test_a_name_unknown_is_still_left_out(tmp_path, capsys):
    code, err, model, _ = train(tmp_path, capsys, "name\nAnna\nUnknown\nBen\nEva\n")
    assert code == 0 and "a placeholder written for a name not known" in err


SHORT = "name,sex\nLi,M\nWu,F\nLi,F\nXi,M\n"


def test_short_names_under_a_names_header_are_not_warned_of(tmp_path, capsys):
    code, err, _, path = train(tmp_path, capsys, SHORT, "--names-column", "name")
    assert code == 0 and "looks like labels" not in err
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_names(path, names_column="name")
    assert not [w for w in caught if "looks like labels" in str(w.message)]
    assert names_look_words(["李", "王", "李"], "名字", ["名字", "性别"], True) is None


def test_the_placeholder_column_is_quoted_in_python():
    words = names_look_words(["F", "M", "F"], "Sex", ["Sex", "Town"], True)
    assert "names_column='COLUMN', labels_column='Sex'" in words


TOP = "name,count\nEmma,1850\nAnna,1523\nLea,1204\nMia,1011\n"


def test_counts_of_four_digits_under_a_count_header_are_offered(tmp_path, capsys):
    _, err, _, _ = train(tmp_path, capsys, TOP)
    assert "pass --counts count." in err
    assert is_date_column("Ref", ["1850", "1901"])  # no count header: years


def test_headerless_surname_given_file_offers_column_2_alone(tmp_path, capsys):
    # Not --names-column 1 (the surnames) with --labels 2 (the given names
    # as labels) before saying column 2 holds the given names.
    text = "Kowalski, Jan\nNowak, Zofia\nSchmidt, Johann\n"
    code, err, _, _ = train(tmp_path, capsys, text)
    assert code != 0
    assert "pass --no-header --names-column 2" in err
    assert "--names-column 1" not in err and "--labels 2" not in err
