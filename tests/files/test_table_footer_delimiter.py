"""A footer that holds the table's delimiter is a footer; footers are told
by one rule, for the rows and for a title above the header.

``Source: national registry, 2020`` as the last line of a comma-separated
``name,count`` file was read as the name ``Source: national registry`` with
the count 2020 (``Quelle: Register; 2020`` likewise in a semicolon file):
it is now refused as a footer, as the same line without the comma is. The
check for a title above the header row counted the one-field lines at the
end of a table as a footer by their number (fewer than the rows above); it
now asks the rows' reader, so that a table of one row and a footer of two
lines below a title is refused for its title too.
"""

import pytest

from sknextchar.cli._labelled import read_labelled_names, read_names_file
from sknextchar.datasets import load_names
from sknextchar.datasets._tables import TitleLinesError, check_no_title


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "d, footer",
    [
        (",", "Source: national registry, 2020"),
        (";", "Quelle: Register; 2020"),
        (",", "Source: national registry, 2020, provisional figures"),
        ("\t", "Source: national registry\t2020"),
    ],
)
def test_a_footer_with_the_delimiter_is_refused_as_a_footer(tmp_path, d, footer):
    text = f"name{d}count\nAna{d}5\nBo{d}3\n{footer}\n"
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(ValueError, match="on line 4, below the rows of its table"):
        load_names(path, names_column="name", counts_column="count")
    with pytest.raises(ValueError, match="on line 4, below the rows of its table"):
        load_names(path, names_column="name")
    with pytest.raises(ValueError, match="a footer"):
        read_names_file(path)


_FOOTER = "name,sex\nAna,F\nBo,M\nSource: national registry, 2020\nNotes: none\n"


# Three lines were "lines 4 to 6", unlike every other list of lines ("2-7").
@pytest.mark.parametrize(
    "footer, said",
    [("", "lines 4 and 5, below the rows"), ("Total,2\n", "Delete lines 4-6, so")],
)
def test_footer_lines_with_and_without_the_delimiter_are_refused_together(
    tmp_path, footer, said
):
    path = write(tmp_path / "kids.csv", _FOOTER + footer)
    with pytest.raises(ValueError, match=said):
        load_names(path, names_column="name")


@pytest.mark.parametrize("last", ["Zoë,3", "Mary Ann,4", "Jean-Luc,1"])
def test_a_real_last_row_is_still_read(tmp_path, last):
    text = f"name,count\nAna,5\n{last}\n"
    path = write(tmp_path / "kids.csv", text)
    name, count = last.split(",")
    names, counts = load_names(path, names_column="name", counts_column="count")
    assert names == ["Ana", name] and list(counts) == [5.0, float(count)]


def test_a_row_below_a_line_like_a_footer_makes_it_a_row(tmp_path):
    text = "name,count\nAna,5\nSource: registry, 2020\nBo,3\n"
    path = write(tmp_path / "kids.csv", text)
    names = load_names(path, names_column="name")
    assert names == ["Ana", "Source: registry", "Bo"]


def test_names_with_a_colon_make_a_last_row_with_one_a_name(tmp_path):
    text = "name,count\nA:na,5\nBo,3\nZo:ë,2\n"
    path = write(tmp_path / "kids.csv", text)
    assert load_names(path, names_column="name") == ["A:na", "Bo", "Zo:ë"]


def test_a_title_above_a_table_that_ends_in_a_footer_is_refused():
    # One row, then a footer of two lines: as many one-field lines as rows,
    # which the count of lines took for rows of a list, not for a footer.
    lines = [
        "Baby names 2024\n",
        "name,sex\n",
        "Ana,F\n",
        "Source: national registry 2020\n",
        "Notes: provisional\n",
    ]
    with pytest.raises(TitleLinesError, match="on line 2, below line 1"):
        check_no_title(lines, "kids.csv")


def test_a_title_above_a_table_whose_last_name_is_alone_is_refused():
    lines = ["Baby names 2024\n", "name,sex\n", "Ana,F\n", "Bo,M\n", "Zoë\n"]
    with pytest.raises(TitleLinesError, match="on line 2, below line 1"):
        check_no_title(lines, "kids.csv")


def test_a_list_of_names_with_one_comma_has_no_title():
    lines = ["Zoë\n", "Name, Anna\n", "Eve\n", "Bo\n"]
    assert check_no_title(lines, "list.csv") is None


# A last row is refused as a footer by the label its name starts with
# (``Source:``, ``Notes:``, a web address), not by a digit or a colon alone:
# ``R2-D2,5`` or ``Jean:Paul,2`` below names without them is a name, as it
# was before footers with the delimiter were refused.
ODD_NAMES = ["R2-D2", "3ayesha", "7amza", "Name 2", "Jean:Paul", "A:1"]


@pytest.mark.parametrize("d, suffix", [(",", "csv"), (";", "csv"), ("\t", "tsv")])
@pytest.mark.parametrize("last", ODD_NAMES)
def test_a_last_name_with_a_digit_or_a_colon_is_read(tmp_path, d, suffix, last):
    rows = ["name", "count"], ["Ana", "5"], ["Bo", "3"], [last, "2"]
    path = write(tmp_path / f"kids.{suffix}", "".join(f"{d.join(r)}\n" for r in rows))
    names, counts = load_names(path, names_column="name", counts_column="count")
    assert names == ["Ana", "Bo", last] and list(counts) == [5.0, 3.0, 2.0]
    assert read_names_file(path) == ["Ana", "Bo", last]


def test_a_last_name_with_a_digit_in_a_table_with_an_index_is_read(tmp_path):
    text = ",name,sex,count\n0,Emma,F,2\n1,Olivia,F,3\n15,R2-D2,M,3\n"
    path = write(tmp_path / "kids.csv", text)
    assert load_names(path, names_column="name") == ["Emma", "Olivia", "R2-D2"]
    names, labels = read_labelled_names(path, "sex")
    assert names == ["Emma", "Olivia", "R2-D2"] and labels == ["F", "F", "M"]


@pytest.mark.parametrize("last", ODD_NAMES)
def test_a_footer_below_a_last_name_is_refused_alone(tmp_path, last):
    text = f"name,count\nAna,5\nBo,3\n{last},2\nSource: national registry, 2020\n"
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(ValueError) as info:
        load_names(path, names_column="name")
    assert "Delete line 5," in str(info.value)  # not "lines 4 and 5": a name


@pytest.mark.parametrize(
    "d, footer",
    [
        (",", "Fuente: INE, 2020"),
        (";", "Quelle : Statistisches Landesamt; 2020"),
        (",", "https://example.org/names, 2020"),
        (",", "Notes:, none"),
    ],
)
def test_footer_labels_are_refused(tmp_path, d, footer):
    text = f"name{d}count\nAna{d}5\nR2-D2{d}3\n{footer}\n"
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(ValueError, match="on line 4, below the rows of its table"):
        load_names(path, names_column="name")


def test_a_label_like_the_names_above_it_is_a_name(tmp_path):
    text = "name,count\nSource: Ana,5\nBo,3\nSource: Eve,2\n"
    path = write(tmp_path / "kids.csv", text)
    assert load_names(path, names_column="name")[-1] == "Source: Eve"


@pytest.mark.parametrize(
    "footer",
    [
        "Source: national registry 2020,,,",
        "Quelle: Statistisches Landesamt,,,",
        "https://example.org/names,,,",
        "Notes:,,,",
    ],
)
def test_a_padded_footer_is_told_as_written(tmp_path, footer):
    text = f"name,sex,count,rank\nAna,F,5,1\nBo,M,3,2\n{footer}\n"
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(ValueError, match="on line 4, below the rows") as info:
        load_names(path, names_column="name")
    message = str(info.value)
    assert repr(footer) in message
    assert "one field" not in message and "empty cells" not in message
    semicolons = path.replace(".csv", "_semi.csv")
    write(tmp_path / "kids_semi.csv", text.replace(",", ";"))
    with pytest.raises(ValueError) as info:
        load_names(semicolons, names_column="name")
    assert repr(footer.replace(",", ";")) in str(info.value)


def test_a_footer_is_quoted_as_its_line_is_written(tmp_path):
    text = "name,count\nAna,5\nBo,3\nSource: national registry, 2020\n"
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(ValueError, match="'Source: national registry, 2020'"):
        load_names(path, names_column="name")


def test_the_advice_to_keep_a_name_refused_as_a_footer_works(tmp_path):
    text = "name,count\nAna,5\nBo,3\nSource: Eve,2\n"
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(ValueError, match="move it above the last row of the table"):
        load_names(path, names_column="name")
    write(tmp_path / "kids.csv", "name,count\nAna,5\nSource: Eve,2\nBo,3\n")
    assert load_names(path, names_column="name") == ["Ana", "Source: Eve", "Bo"]


def test_train_labels_refuses_a_footer_with_the_delimiter(tmp_path):
    text = "name,sex\nAna,F\nBo,M\nEve,F\nSource: national registry, 2020\n"
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(ValueError, match="on line 5, below the rows of its table"):
        read_labelled_names(path, "sex")
    write(tmp_path / "kids.csv", "name,sex\nAna,F\nBo,M\nR2-D2,M\n")
    assert read_labelled_names(path, "sex") == (["Ana", "Bo", "R2-D2"], list("FMM"))
