"""Every kind of problem of a table's rows refused in one run (session 52, E3):
fractions where the count model needs whole counts, rows lacking both a label
and a count, and the messages of a column holding none in plain words."""

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
# Seven rows with a fraction, two whole counts.
FRACTIONS = (
    "Anna,2.5\nBob,1.5\nCara,3\nDan,0.5\nEve,7.25\nFay,4.5\nGus,1\nHal,2.5\nIda,9.5\n"
)


def _train(tmp_path, rows, flags, capsys):
    path = tmp_path / "kids.csv"
    path.write_text(rows, encoding="utf-8")
    assert main(["train", str(path), *flags, *KN, "-o", str(tmp_path / "m")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return path, err


@pytest.mark.parametrize("header", ["name,count\n", ""])
def test_every_fraction_is_refused_in_one_run(tmp_path, capsys, header):
    flags = ["--counts", "count"]
    if not header:
        flags = ["--no-header", "--names-column", "1", "--counts", "2"]
    path, err = _train(tmp_path, header + FRACTIONS, flags, capsys)
    first = 2 if header else 1  # the line of Anna
    column = "the column 'count'" if header else "the 2nd column"
    assert (
        f"error: 7 rows of '{path}' have a fraction in {column}: line {first} has "
        f"'2.5' for the name 'Anna', line {first + 1} has '1.5' for the name 'Bob', "
        f"line {first + 3} has '0.5' for the name 'Dan', line {first + 4} has "
        f"'7.25' for the name 'Eve', line {first + 5} has '4.5' for the name 'Fay' "
        "and 2 more rows: --model kneser-ney counts names, so a count is a whole "
        "number. Round the counts, or train the MLP (--model mlp), which takes "
        "fractions.\n"
    ) in err


def test_a_column_of_fractions_is_refused_at_once(tmp_path, capsys):
    rows = "name,score\n" + "Nora,0.5\n" * 200 + "Olga,3\n"
    path, err = _train(tmp_path, rows, ["--counts", "score"], capsys)
    assert (
        f"error: '{path}' has no whole counts in the column 'score', none among "
        "its first 100 counts: line 2 has '0.5' for the name 'Nora'"
    ) in err
    assert "and 95 more rows. Is it the column of counts? --model kneser-ney " in err


def test_the_first_fractions_are_told_as_counts_not_rows(tmp_path, capsys):
    # Every other row without a count: 100 fractions in the first 200 rows.
    rows = "name,score\n" + "Nora,\nOlga,0.5\n" * 120
    path, err = _train(tmp_path, rows, ["--counts", "score"], capsys)
    assert "100 rows of" in err  # the rows without a count, told too
    assert (
        f"'{path}' has no whole counts in the column 'score', none among its "
        "first 100 counts: line 3 has '0.5' for the name 'Olga', line 5 has"
    ) in err


def test_a_fraction_read_from_points_that_could_be_either_says_so(tmp_path, capsys):
    rows = "name;count\nAnna;1.500\nBob;2.250\nCy;3\n"
    path, err = _train(tmp_path, rows, ["--counts", "count"], capsys)
    assert (
        f"2 rows of '{path}' have a fraction in the column 'count': line 2 has "
        "'1.500' (read as 1.5) for the name 'Anna', line 3 has '2.250' (read as "
        "2.25) for the name 'Bob': their points could be a decimal point or a "
        "point between thousands"
    ) in err
    assert "if the points are between thousands, write the counts without" in err


# Rows 2 and 4 lack a label and a count, row 5 a count, row 6 a label.
BOTH = "Anna,,\nBob,M,3\nCy,,\nDan,M,\nEve,,2\nFlo,F,1\n"


@pytest.mark.parametrize("header", ["name,sex,count\n", ""])
def test_a_row_without_a_label_or_a_count_is_refused_for_both(tmp_path, capsys, header):
    first = 2 if header else 1  # the line of Anna
    flags = ["--labels", "sex", "--counts", "count"]
    arguments = {"labels_column": "sex", "counts_column": "count"}
    labels, counts = "the column 'sex'", "the column 'count'"
    if not header:
        flags = ["--no-header", "--names-column", "1", "--labels", "2"]
        flags += ["--counts", "3"]
        arguments = {"header": None, "names_column": 0, "labels_column": 1}
        arguments["counts_column"] = 2
        labels, counts = "its 2nd column (--labels 2)", "the 3rd column"
    path, err = _train(tmp_path, header + BOTH, flags, capsys)
    expected = (
        f"3 rows of '{path}' have a name but no label in {labels}: line {first} "
        f"('Anna'), line {first + 2} ('Cy'), line {first + 4} ('Eve'); give every "
        f"name a label. 3 rows of '{path}' have no count in {counts} (a number >= "
        f"0, written with the digits 0 to 9): line {first} has nothing for the "
        f"name 'Anna', line {first + 2} has nothing for the name 'Cy', line "
        f"{first + 3} has nothing for the name 'Dan'. Give each name how many "
        "times it occurs (0 leaves it out of training)."
    )
    assert f"error: {expected}\n" in err
    with pytest.raises(ValueError) as error:
        load_names(path, **arguments)
    python = expected.replace("(--labels 2)", "(labels_column=1)")
    assert str(error.value) == python


def test_the_counts_first_when_their_row_comes_first(tmp_path, capsys):
    rows = "name,sex,count\nAnna,F,\nBob,,2\nCy,M,1.5\n"
    path, err = _train(tmp_path, rows, ["--labels", "sex", "--counts", "count"], capsys)
    count, label = err.index("has nothing in the column 'count'"), err.index("no label")
    assert count < label < err.index("'1.5'")  # top-down: line 2, 3, 4


@pytest.mark.parametrize("header", [True, False])
def test_a_column_holding_no_labels_is_told_in_plain_words(tmp_path, capsys, header):
    rows = "Nora,,4\n" * 200
    flags = ["--no-header", "--names-column", "1", "--labels", "2"]
    column = "its 2nd column (--labels 2)"
    if header:
        rows, flags = "name,sex,count\n" + rows, ["--labels", "sex"]
        column = "the column 'sex'"
    path, err = _train(tmp_path, rows, flags, capsys)
    first = 2 if header else 1
    assert (
        f"error: '{path}' has no labels in {column}, none in its first 100 rows "
        f"with a name: line {first} ('Nora'), line {first + 1} ('Nora'), "
    ) in err
    assert "and 95 more rows. Is it the column of labels? Give every name" in err
    if not header:
        with pytest.raises(ValueError, match=r"in its 2nd column \(labels_column=1\),"):
            load_names(path, header=None, names_column=0, labels_column=1)


def test_every_name_without_its_label_in_a_labels_file_is_told(tmp_path, capsys):
    names, labels = tmp_path / "n.txt", tmp_path / "l.txt"
    names.write_text("Anna\nBob\nCy\nDan\nEve\nFay\nGus\nHal\nIda\n", "utf-8")
    labels.write_text("F\n\nM\n\n\n\n\n\nF\n", "utf-8")  # 6 names without one
    argv = [
        "train",
        str(names),
        "--labels",
        str(labels),
        *KN,
        "-o",
        str(tmp_path / "m"),
    ]
    assert main(argv) == 1
    err = capsys.readouterr().err
    pairs = [
        f"line {line} of '{names}' holds {name!r} and line {line} of "
        f"'{labels}' holds ''"
        for line, name in [(2, "Bob"), (4, "Dan"), (5, "Eve"), (6, "Fay"), (7, "Gus")]
    ]
    assert (
        "error: 6 lines pair a name with no label, or a label with no name: "
        + "; ".join(pairs)
        + "; and 1 more. Give each name its label on the same line, and leave "
        "blank lines blank in both files.\n"
    ) in err
