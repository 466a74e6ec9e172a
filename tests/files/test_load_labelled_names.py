"""load_names(path, labels_column=...) reads a table's names, labels and counts
as ``train --labels`` reads them (one reader: datasets/_labelled_table)."""

import numpy as np
import pytest

from sknextchar.cli import main
from sknextchar.cli._labelled import read_labelled_names, read_names_file
from sknextchar.datasets import load_names
from sknextchar.datasets._table_warning import warn_if_table

# A spreadsheet's export: BOM, CRLF, a quoted field with a comma, blank lines
# at the end, and a name given twice with two labels.
EXPORT = (
    "\ufeffName,Gender,Count\r\n"
    "Mary,F,120\r\n"
    '"Smith, Anna",F,30\r\n'
    "John,M,200\r\n"
    "Alex,F,5\r\n"
    "Alex,M,7\r\n"
    "\r\n"
    "\r\n"
)


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "names.csv"
    path.write_bytes(EXPORT.encode("utf-8"))
    return str(path)


def test_labels_and_counts_as_train_reads_them(export):
    names, labels, counts = load_names(
        export, labels_column="Gender", counts_column="Count"
    )
    assert names == ["Mary", "Smith, Anna", "John", "Alex", "Alex"]
    assert labels == ["F", "F", "M", "F", "M"]
    assert counts.dtype == np.float64
    assert counts.tolist() == [120.0, 30.0, 200.0, 5.0, 7.0]
    cli = read_labelled_names(export, "Gender", counts="Count")
    assert (names, labels) == tuple(cli[:2])
    assert counts.tolist() == cli[2].tolist()


def test_labels_without_counts_as_train_reads_them(export):
    names, labels = load_names(export, labels_column="gender")  # case told apart
    assert (names, labels) == tuple(read_labelled_names(export, "gender"))
    assert labels == ["F", "F", "M", "F", "M"]


def test_names_column_given(tmp_path):
    path = tmp_path / "kids.tsv"
    path.write_text("id\tgiven\tsex\n1\tZoë\tf\n2\tJosé\tm\n", encoding="utf-8")
    assert load_names(path, labels_column="sex") == (["1", "2"], ["f", "m"])
    got = load_names(path, labels_column="sex", names_column="given")
    assert got == (["Zoë", "José"], ["f", "m"])
    cli = read_labelled_names(str(path), "sex", names_column="given")
    assert got == tuple(cli)


def test_labels_in_nfc(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,group\nAnna,Ame\u0301lie\nBo,x\n", encoding="utf-8")
    assert load_names(path, labels_column="group")[1] == ["Am\u00e9lie", "x"]


def test_title_above_the_header_left_out_as_train_does(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("Baby names 2024\nname,sex\nZoë,F\nJosé,M\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="Baby names 2024"):
        got = load_names(path, labels_column="sex")
    assert got == (["Zoë", "José"], ["F", "M"])
    with pytest.warns(UserWarning, match="Baby names 2024"):
        assert got == tuple(read_labelled_names(str(path), "sex"))


def test_row_without_a_name_left_out_with_a_warning(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex\nZoë,F\n,M\nJosé,M\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="no name"):
        assert load_names(path, labels_column="sex") == (["Zoë", "José"], ["F", "M"])


def test_missing_labels_column_names_the_columns(export):
    with pytest.raises(ValueError) as caught:
        load_names(export, labels_column="xyz")  # no guess: the columns there are
    message = str(caught.value)
    assert "labels_column='xyz' is not a column of" in message
    assert "['Name', 'Gender', 'Count']" in message
    assert "--labels" not in message
    with pytest.raises(
        ValueError, match=r"did you mean 'Gender'\?\); its first row .*\.$"
    ):
        load_names(export, labels_column="gendr")


def test_missing_names_column_names_the_columns(export):
    with pytest.raises(ValueError, match=r"names_column='xyz' is not a column") as e:
        load_names(export, labels_column="Gender", names_column="xyz")
    assert "['Name', 'Gender', 'Count']" in str(e.value)
    with pytest.raises(ValueError, match=r"names_column='nmae' is not a column") as e:
        load_names(export, labels_column="Gender", names_column="nmae")
    assert "did you mean 'Name'?" in str(e.value)


MISSING = [  # (columns asked, the one missing, its column of, beside, near)
    ({"names_column": "nmae"}, "names", "", "Name"),
    ({"labels_column": "gendr"}, "labels", "", "Gender"),
    (
        {"names_column": "Name", "counts_column": "cnt"},
        "counts",
        "names 'Name'",
        "Count",
    ),
    (
        {"labels_column": "Gender", "names_column": "nmae"},
        "names",
        "labels 'Gender'",
        "Name",
    ),
    (
        {"labels_column": "Gender", "counts_column": "cnt"},
        "counts",
        "names 'Name'",
        "Count",
    ),
]
# After a guess, the header row too: a wrong guess (first_name, last_name for
# --names-column name) would hide the column meant.
HEADER_GUESSED = "; its first row (the header) is ['Name', 'Gender', 'Count']"
HEADER_SHOWN = "whose first row (the header) is ['Name', 'Gender', 'Count']"


@pytest.mark.parametrize("given, what, beside, near", MISSING)
def test_missing_columns_told_alike(export, given, what, beside, near):
    # One wording: what was asked, a did-you-mean, which says what to pass,
    # and the header row (no advice "as that row spells it").
    key, value = list(given.items())[-1]
    beside = f" (beside the {beside})" if beside else ""
    with pytest.raises(ValueError) as caught:
        load_names(export, **given)
    assert str(caught.value) == (
        f"{key}={value!r} is not a column{beside} of {export!r} "
        f"(did you mean {near!r}?){HEADER_GUESSED}."
    )


FLAGS = {"names_column": "--names-column", "labels_column": "--labels"}


@pytest.mark.parametrize("given, what, beside, near", MISSING)
def test_missing_columns_told_alike_on_the_command_line(
    export, given, what, beside, near, capsys, tmp_path
):
    # The command line's words, in the same sentence: every flag's value as
    # typed at a shell, the header row as Python shows it.
    argv = ["train", export, "-o", str(tmp_path / "m.skops")]
    for key, value in given.items():
        argv += [FLAGS.get(key, "--counts"), value]
    assert main(argv) == 1
    err = capsys.readouterr().err
    flag, value = argv[-2:]
    file = " is neither a file nor" if flag == "--labels" else " is not"
    beside = f" (beside the {beside})" if beside else ""
    assert err == (
        f"sknextchar: error: {flag} {value}{file} a column{beside} of {export!r} "
        f"(did you mean {flag} {near}?){HEADER_GUESSED}.\n"
    ), err


def test_missing_counts_column_names_the_header(export):
    with pytest.raises(
        ValueError, match=r"'cnt' .*\(did you mean 'Count'\?\); its first row"
    ):
        load_names(export, labels_column="Gender", counts_column="cnt")


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"names_column": "gender"}, "names_column='gender' is also the label column"),
        ({"counts_column": "GENDER"}, "counts_column='GENDER' is also labels_column"),
        ({"header": None}, "header=None reads a table without a header row"),
        ({"header": "yes"}, "header must be 'infer'"),
    ],
)
def test_columns_refused(export, kwargs, match):
    with pytest.raises(ValueError, match=match):
        load_names(export, labels_column="Gender", **kwargs)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"labels_column": 1}, "labels_column must be the header"),
        ({"labels_column": "Gender", "counts_column": 2}, "counts_column must be"),
        ({"labels_column": "Gender", "names_column": 0}, "names_column must be"),
    ],
)
def test_types_refused(export, kwargs, match):
    with pytest.raises(TypeError, match=match):
        load_names(export, **kwargs)


def test_row_without_label_refused_with_its_line(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex\nZoë,F\nJosé,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Line 3 of .* 'José' but no label"):
        load_names(path, labels_column="sex")


def test_bad_count_refused_with_its_line(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex,n\nZoë,F,3\nJosé,M,many\n", encoding="utf-8")
    with pytest.raises(ValueError, match="[Ll]ine 3"):
        load_names(path, labels_column="sex", counts_column="n")


def test_no_names_below_the_header(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="holds no names below its header"):
        load_names(path, labels_column="sex")


def test_one_column_has_no_names_beside_the_labels(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("sex\nF\nM\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no column of names beside 'sex'"):
        load_names(path, labels_column="sex")


def test_existing_calls_unchanged(export):
    with pytest.warns(UserWarning, match="looks like a table"):
        assert load_names(export)[0] == "Name,Gender,Count"
    assert load_names(export, names_column="Name")[1] == "Smith, Anna"


def test_table_warning_offers_labels_and_counts_as_train_note_does(export, capsys):
    # The reported file, read one name per line: the warning names the
    # arguments that read its labels and counts, the columns that train's note
    # offers as --labels and --counts.
    with pytest.warns(UserWarning, match="looks like a table") as caught:
        load_names(export)
    message = str(caught[0].message)
    # The load_names arguments together, pandas last: the labels' and counts'
    # arguments came after the pandas call, as if they were pandas'.
    assert message.endswith(
        "To read its column of names, pass names_column='Name' (a header row is "
        "needed; labels_column='Gender' also returns their labels, and "
        "counts_column='Count' their counts), or use "
        "pandas.read_csv(path)['Name']."
    )
    read_names_file(export, training=True)
    note = capsys.readouterr().err
    assert "pass --labels Gender" in note and "pass --counts Count" in note


@pytest.mark.parametrize(
    "text, told",
    [
        (
            "name,sex\nAnna,F\nBob,M\n",
            "(a header row is needed; labels_column='sex' also returns their "
            "labels), or use",
        ),
        (
            "name,n\nAnna,3\nBob,4\n",
            "(a header row is needed; counts_column='n' also returns their "
            "counts), or use",
        ),
        ("name,sex\nAnna,F\nBob,F\n", "(a header row is needed), or use"),  # one label
        ("id,name\n1,Anna\n2,Bob\n", "(a header row is needed), or use"),  # row ids
    ],
)
def test_table_warning_offers_only_readable_columns(tmp_path, text, told):
    path = tmp_path / "kids.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning, match="looks like a table") as caught:
        load_names(path)
    assert told in str(caught[0].message)
    assert str(caught[0].message).endswith("['name'].")  # pandas last


def test_train_from_file_warning_offers_no_labels(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex\nAnna,F\nBob,M\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="looks like a table") as caught:
        warn_if_table(["name,sex\n", "Anna,F\n"], ["name,sex", "Anna,F"], path,
                      reader="train_from_file")  # fmt: skip
    assert "labels_column" not in str(caught[0].message)


def test_headerless_file_told_the_positions_of_its_columns(tmp_path):
    path = tmp_path / "yob.csv"
    path.write_text("Anna,F,3\nBob,M,4\nCid,F,5\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_names(path, labels_column="sex")
    assert str(caught.value).endswith(
        "pass the header of its column of labels, as that row spells it. If the "
        "file has no header "
        "row, pass header=None and the positions of its columns, counted from "
        "0: header=None, names_column=0, labels_column=1."
    )


def test_header_row_not_told_to_add_one(export):
    with pytest.raises(ValueError) as caught:
        load_names(export, labels_column="sex")
    assert "If the file has no header row" not in str(caught.value)


@pytest.mark.parametrize("text", ["", "\n\n"])
def test_empty_file_contains_no_names(tmp_path, text):
    path = tmp_path / "kids.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"contains no names; expected a header row"):
        load_names(path, labels_column="sex")


def test_did_you_mean_never_the_counts_column(export):
    with pytest.raises(ValueError) as caught:
        load_names(export, labels_column="Cunt", counts_column="Count")
    assert "did you mean" not in str(caught.value)
    with pytest.raises(ValueError, match="did you mean 'Count'"):  # without it
        load_names(export, labels_column="Cunt")


def test_two_headers_spelled_alike_both_offered_in_both_interfaces(tmp_path):
    # Python offered one of them ("did you mean 'SEX'?"), which is no more
    # the column than the other; the command line offered both.
    path = tmp_path / "twin.csv"
    path.write_text("name,Sex,SEX\nanna,f,f\nravi,m,m\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_names(path, labels_column="sex")
    assert "(did you mean 'Sex' or 'SEX'?)" in str(caught.value)
    with pytest.raises(ValueError) as cli:
        read_labelled_names(str(path), "sex")
    assert "(did you mean --labels Sex or --labels SEX?)" in str(cli.value)


def test_did_you_mean_never_a_value_of_a_data_row(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("Mabel,fem\nAnna,fem\nBob,mal\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_names(path, labels_column="femm")
    assert "did you mean" not in str(caught.value)
    with pytest.raises(ValueError) as cli:
        read_labelled_names(str(path), "femm")
    assert "did you mean" not in str(cli.value)


@pytest.mark.parametrize("column", ["", "  "])
@pytest.mark.parametrize(
    "given, blank",
    [
        ({"labels_column": None}, "labels_column"),
        ({"names_column": None}, "names_column"),
        ({"names_column": "name", "counts_column": None}, "counts_column"),
        ({"labels_column": "sex", "names_column": None}, "names_column"),
        ({"labels_column": "sex", "counts_column": None}, "counts_column"),
    ],
)
def test_blank_column_refused_naming_its_parameter(tmp_path, column, given, blank):
    # One rule: no parameter reads a column by a blank header (names_column=''
    # read the 'name' column, as if it had not been given).
    path = tmp_path / "kids.csv"
    path.write_text("name,sex,\nAnna,F,\nBob,M,\n", encoding="utf-8")  # trailing ,
    given = {key: column if value is None else value for key, value in given.items()}
    with pytest.raises(ValueError, match=f"^{blank}={column!r} is blank: pass the"):
        load_names(path, **given)


@pytest.mark.parametrize("flag", ["--names-column", "--labels", "--counts"])
def test_blank_column_flag_refused_as_python_refuses_it(tmp_path, flag, capsys):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex,n\nAnna,F,1\nBob,M,2\n", encoding="utf-8")
    out = str(tmp_path / "m.skops")
    names = [] if flag == "--names-column" else ["--names-column", "name"]  # once
    argv = ["train", str(path), *names, flag, "", "-o", out]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"error: {flag} '' is blank: pass the header of the column of" in err
    assert not (tmp_path / "m.skops").exists()


def test_one_label_refused_as_train_does(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex,n\nAnna,F,3\nBob,F,2\nCid,M,0\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_names(path, labels_column="sex", counts_column="n")
    assert str(caught.value) == (
        "Every name (of a count above 0) of labels_column='sex' has the label 'F', "
        "and a model by label needs at least 2 labels to tell apart (a classifier "
        "would give every name 'F' with P=1.000): pass labels_column=None to load "
        "the names alone, or add names of another label."
    )
    with pytest.raises(ValueError, match="Every name .* of --labels sex has"):
        read_labelled_names(str(path), "sex", counts="n")


def test_labels_differing_only_in_case_warned_as_train_does(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex\nAnna,F\nBob,f\nCid,M\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="differ only in case") as caught:
        assert load_names(path, labels_column="sex")[1] == ["F", "f", "M"]
    message = str(caught[0].message)
    assert message.startswith("Labels of labels_column='sex' differ only in case")
    assert caught[0].filename == __file__  # the user's call
    with pytest.warns(UserWarning, match="Labels of --labels sex differ only"):
        read_labelled_names(str(path), "sex")


def test_a_guessed_column_still_shows_the_others(tmp_path):
    # 'name' guesses last_name (the one close enough); first_name, likely the
    # one meant, stays in the message with the rest of the header row.
    path = tmp_path / "people.csv"
    path.write_text("first_name,last_name,sex\nAnna,Li,f\nBo,Ma,m\n", encoding="utf-8")
    with pytest.raises(ValueError, match="did you mean 'last_name'") as caught:
        load_names(path, names_column="name")
    assert "'first_name'" in str(caught.value)
