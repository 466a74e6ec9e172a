"""A name alone on the last row of a table, its empty cells left out, is a
name; a footer line is what no name of the column is; a quoted empty line
is blank to every reader of a header.

``name,origin`` / ``Ana,es`` / ``Zoë`` ended in a refusal of ``Zoë`` as a
footer, though six such rows were read as names: a last row of one field is
now a footer only when it has what no name above it has (a digit, a ``:``,
more words). ``"",""`` above the header row was the header to
``header_line`` and blank to ``header_row``.
"""

import pytest

from sknextchar.cli import main
from sknextchar.cli._labelled import read_names_file
from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import header_line, header_row, table_rows
from sknextchar.datasets._tables import find_table, named_rows

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2", "-q"]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("n_alone", [1, 2, 5, 6])
def test_names_without_their_empty_cells_are_read_however_many(tmp_path, n_alone):
    alone = ["Zoë", "Eve", "Luc", "Ida", "Max", "Bea"][:n_alone]
    text = "name,origin\nAna,es\nBo,fr\n" + "".join(f"{n}\n" for n in alone)
    path = write(tmp_path / "kids.csv", text)
    assert load_names(path, names_column="name") == ["Ana", "Bo", *alone]
    assert read_names_file(path) == ["Ana", "Bo", *alone]
    model = tmp_path / "m.skops"
    assert main(["train", path, *KN, "-o", str(model)]) == 0 and model.exists()


@pytest.mark.parametrize(
    "names, footer",
    [
        (["Ana", "Bo"], "Source: national registry 2020"),
        (["Ana", "Bo"], "Notes:"),  # a colon
        (["Ana", "Bo"], "2020"),  # a digit
        (["Ana", "Bo"], "From the registry"),  # two words more than any name
        (["Mary Ann", "Bo"], "from the national registry"),
    ],
)
def test_a_footer_is_what_no_name_of_the_column_is(names, footer):
    table = find_table("name,origin", "kids.csv")
    lines = ["name,origin\n", *(f"{n},es\n" for n in names), footer + "\n"]
    with pytest.raises(ValueError, match="below the rows of its table"):
        list(named_rows(lines, table, "'kids.csv'"))


@pytest.mark.parametrize(
    "names, last",
    [
        (["R2", "C3PO"], "K2SO"),  # names with digits: a digit is no footer
        (["Mary Ann Lee", "Bo"], "Jean Luc"),  # no more words than a name
        (["Ana", "Bo"], "Zoë"),
    ],
)
def test_a_last_row_like_the_names_is_a_name(names, last):
    table = find_table("name,origin", "kids.csv")
    lines = ["name,origin\n", *(f"{n},es\n" for n in names), last + "\n"]
    read = [fields[0] for _, fields in named_rows(lines, table, "'kids.csv'")]
    assert read == [*names, last]


def test_a_name_and_then_a_footer_is_refused_at_the_footer():
    table = find_table("name,origin", "kids.csv")
    lines = ["name,origin\n", "Ana,es\n", "Zoë\n", "Source: registry 2020\n"]
    rows = named_rows(lines, table, "'kids.csv'")
    assert [next(rows)[1][0], next(rows)[1][0]] == ["Ana", "Zoë"]
    with pytest.raises(ValueError, match="'Source: registry 2020' on line 4"):
        next(rows)


@pytest.mark.parametrize(
    "blank, d",
    [('"",""\n', ","), ('"";"" ;\n', ";"), ('""\t""\n', "\t"), ('""\n', ",")],
)
def test_a_quoted_empty_line_is_blank_to_every_reader_of_a_header(tmp_path, blank, d):
    lines = [blank, f"name{d}sex\n", f"Ana{d}F\n"]
    assert header_line(lines) == f"name{d}sex\n"
    assert header_row(table_rows(lines, d, "'f.csv'")) == (2, ["name", "sex"])
    path = write(tmp_path / "kids.csv", "".join(lines))
    assert read_names_file(path) == ["Ana"]
