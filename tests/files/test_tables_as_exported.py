"""Tables as people export them, read by ``sknextchar train`` without a hand
edit: a column of labels left without a title in the header row (``name,``
above ``Anna,F``), a table without a header row whose columns are a name, a
count and a label (``Anna,1,F``), and the lines above a header row written as
every other list of lines is."""

import re

import pytest

from sknextchar.cli import build_parser, main
from sknextchar.cli._commands import training_names
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--context-length", "2", "-q", "--force"]
ROWS = [("Ravi", "M", 1), ("Anna", "F", 3), ("Maria", "F", 2), ("John", "M", 5)]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files


def write(name, text):
    with open(name, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return name


def read(*argv):
    """``train``'s names, labels and counts for these arguments."""
    return training_names(build_parser().parse_args(["train", *argv, "-o", "m.skops"]))


def failed(capsys, *argv):
    assert main(["train", *argv, *KN, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_labels_column_without_a_title_is_read_by_its_number(delimiter):
    # It was refused ("--labels 2 is neither a file nor a column of ..., whose
    # first row (the header) is ['name', '']"): the user had to type a title.
    text = f"name{delimiter}\n" + "".join(f"{n}{delimiter}{s}\n" for n, s, _ in ROWS)
    names, labels, counts = read(write("k.csv", text), "--labels", "2")
    assert names == [n for n, _, _ in ROWS] and labels == [s for _, s, _ in ROWS]
    assert counts is None
    assert main(["train", "k.csv", "--labels", "2", *KN, "-o", "m.skops"]) == 0


def test_an_untitled_labels_column_beside_counts_is_read_by_its_number():
    text = "name,,count\n" + "".join(f"{n},{s},{c}\n" for n, s, c in ROWS)
    names, labels, counts = read(
        write("k.csv", text), "--labels", "2", "--counts", "count"
    )
    assert labels == [s for _, s, _ in ROWS]
    assert counts.tolist() == [c for _, _, c in ROWS]


def test_the_refusal_of_another_labels_column_says_the_number_to_pass(capsys):
    text = "name,\n" + "".join(f"{n},{s}\n" for n, s, _ in ROWS)
    write("k.csv", text)
    err = failed(capsys, "k.csv", "--labels", "sex")
    assert "; its column 2 has no title: --labels 2 reads it." in err, err
    flags = re.search(r"(--labels \d+) reads it", err)[1].split()
    assert read("k.csv", *flags)[1] == [s for _, s, _ in ROWS]


def test_a_column_titled_as_a_number_is_still_read_by_its_title():
    text = "name,2,\n" + "".join(f"{n},{c},{s}\n" for n, s, c in ROWS)
    _, labels, _ = read(write("k.csv", text), "--labels", "2")
    assert labels == [str(c) for _, _, c in ROWS]  # the column titled 2, not the 2nd
    _, labels, _ = read("k.csv", "--labels", "3")  # the one left untitled
    assert labels == [s for _, s, _ in ROWS]


def test_a_row_without_a_label_names_the_untitled_column_by_its_number(capsys):
    text = "name,\nAnna,F\nRavi,\nMaria,F\nJohn,M\n"
    err = failed(capsys, write("k.csv", text), "--labels", "2")
    assert "Line 3 of 'k.csv' has the name 'Ravi' but no label in column 2;" in err


def test_a_name_count_label_table_without_a_header_gets_every_flag(capsys):
    # The advice left out --labels (it offered the 2nd column, a number, as
    # none) and --counts (it looked for counts last only): '--no-header
    # --names-column 1' trained on the names alone.
    text = "".join(f"{n},{c},{s}\n" for n, s, c in ROWS)
    write("k.csv", text)
    err = failed(capsys, "k.csv")
    assert "--no-header --names-column 1 --counts 2 (and --labels 3 to train by" in err
    flags = ["--no-header", "--names-column", "1", "--counts", "2", "--labels", "3"]
    names, labels, counts = read("k.csv", *flags)
    assert names == [n for n, _, _ in ROWS] and labels == [s for _, s, _ in ROWS]
    assert counts.tolist() == [c for _, _, c in ROWS]
    err = failed(capsys, "k.csv", "--labels", "3")  # given: among the flags
    assert err.endswith(": --no-header --names-column 1 --labels 3 --counts 2.\n"), err


def test_score_offers_a_header_row_that_titles_each_column(capsys):
    write("k.csv", "".join(f"{n},{c},{s}\n" for n, s, c in ROWS))
    assert main(["train", "--model", "kneser-ney", "-q", "-o", "m.skops"]) == 0
    assert main(["score", "m.skops", "--names-file", "k.csv"]) == 1
    assert "add one (e.g. name,count,label) first" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("above", "words"), [(1, "line 1"), (2, "lines 1 and 2"), (3, "lines 1-3")]
)
def test_the_lines_above_a_header_row_are_written_as_runs(above, words):
    text = "".join(f"Note {i}\n" for i in range(above)) + "name,sex\nAnna,F\nRavi,M\n"
    with pytest.warns(UserWarning, match=f"on line {above + 1}, below {words}"):
        load_names(write("k.csv", text), names_column="name")


@pytest.mark.parametrize("above", ["Baby names 2024\n", "# exported 2024\n"])
def test_an_untitled_labels_column_below_a_title_is_read_by_its_number(above):
    # Its refusal said "its column 2 has no title: --labels 2 reads it" to the
    # --labels 2 it refused: the number was looked for in the title line.
    text = above + "name,\n" + "".join(f"{n},{s}\n" for n, s, _ in ROWS)
    with pytest.warns(UserWarning, match="below line 1"):
        names, labels, _ = read(write("k.csv", text), "--labels", "2")
    assert names == [n for n, _, _ in ROWS] and labels == [s for _, s, _ in ROWS]


def test_an_untitled_column_of_numbers_is_not_offered_as_the_labels(capsys):
    # pandas' to_csv() leaves its index column without a title: not labels.
    text = ",name,sex\n" + "".join(f"{i},{n},{s}\n" for i, (n, s, _) in enumerate(ROWS))
    err = failed(capsys, write("k.csv", text), "--labels", "foo")
    assert "has no title" not in err and "--labels 1" not in err, err


def test_an_untitled_column_of_counts_is_not_offered_as_the_labels(capsys):
    text = "name,\n" + "".join(f"{n},{c}\n" for n, _, c in ROWS)  # counts, untitled
    err = failed(capsys, write("k.csv", text), "--labels", "sex")
    assert "has no title" not in err and "--labels 2" not in err, err


def test_the_note_offers_the_untitled_labels_column_by_its_number(capsys):
    # The note said only "read its column 'name' (1 of 2) as the names".
    write("k.csv", "name,\n" + "".join(f"{n},{s}\n" for n, s, _ in ROWS))
    assert read("k.csv") == ([n for n, _, _ in ROWS], None, None)
    note = capsys.readouterr().err
    assert note.endswith("; to train by label, pass --labels 2.\n"), note
    flags = re.search(r"pass (--labels \d+)\.", note)[1].split()
    assert read("k.csv", *flags)[1] == [s for _, s, _ in ROWS]


@pytest.mark.parametrize(
    "text", [",name\n0,Anna\n1,Ravi\n", "name,\nAnna,3\nRavi,1\n", "name,,\nAnna,F,M\n"]
)
def test_the_note_offers_no_untitled_column_of_numbers_or_of_two(capsys, text):
    read(write("k.csv", text))
    assert "--labels" not in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".tsv", ".csv", ".txt"])
@pytest.mark.parametrize(("bom", "end"), [("", "\n"), ("\ufeff", "\r\n")])
def test_a_header_ending_in_a_tab_heads_a_table_of_two_columns(suffix, bom, end):
    # A spreadsheet's `name<TAB>` above `Anna<TAB>F` was read at a comma, as a
    # table of one column: "Line 2 ... has 'Anna\tF', with a tab in it".
    text = bom + f"name\t{end}" + "".join(f"{n}\t{s}{end}" for n, s, _ in ROWS)
    path = write("k" + suffix, text)
    assert read(path) == ([n for n, _, _ in ROWS], None, None)
    assert read(path, "--labels", "2")[1] == [s for _, s, _ in ROWS]
    assert load_names(path, names_column="name") == [n for n, _, _ in ROWS]
    with pytest.warns(UserWarning, match="pass names_column='name'"):
        assert load_names(path)[1] == "Ravi\tM"  # whole lines, as documented


@pytest.mark.parametrize(
    "text",
    [
        "name\t\nAnna\nRavi\t\n",  # rows of one name
        "name\tsex\t\nAnna\tF\t\nRavi\tM\t\n",  # a trailing tab on every line
        "\tname\n0\tAnna\n1\tRavi\n",  # pandas' index, untitled
        "name\t\nAnna\t3\nRavi\t1\n",  # counts, untitled
    ],
)
def test_tables_with_a_tab_at_an_end_of_the_header_keep_their_names(text):
    path = write("k.tsv", text)
    assert read(path)[0] == ["Anna", "Ravi"]
    assert load_names(path, names_column="name") == ["Anna", "Ravi"]
