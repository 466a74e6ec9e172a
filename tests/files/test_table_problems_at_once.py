"""A user's table read with every problem told at once and told once: the rows
whose count is no count all named, one warning per advice, a header cell's
invisible byte-order mark neither needed nor offered, and hidden characters
named (session 51, E2)."""

import warnings

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._codecs import encoding_file

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
# Seven rows without a count (nothing, a negative, a word), one with.
BAD_ROWS = "Anna,F,\nBob,M,\nCara,F,3\nDan,M,-1\nEve,F,n/a\nFay,F,\nGus,M,\nHal,M,\n"
SHOWN = (
    "line 2 has nothing for the name 'Anna', line 3 has nothing for the name "
    "'Bob', line 5 has '-1' for the name 'Dan', line 6 has 'n/a' for the name "
    "'Eve', line 7 has nothing for the name 'Fay' and 2 more rows."
)


@pytest.mark.parametrize(
    ("header", "arguments", "column"),
    [
        ("name,sex,count\n", {"names_column": "name"}, "the column 'count'"),
        ("name,sex,count\n", {"labels_column": "sex"}, "the column 'count'"),
        ("", {"header": None, "names_column": 0}, "the 3rd column"),
    ],
)
def test_load_names_names_every_row_without_a_count(
    tmp_path, header, arguments, column
):
    path = tmp_path / "kids.csv"
    path.write_text(header + BAD_ROWS, encoding="utf-8")
    counts_column = 2 if arguments.get("header", "infer") is None else "count"
    with pytest.raises(ValueError) as error:
        load_names(path, counts_column=counts_column, **arguments)
    message = str(error.value)
    assert message.startswith(f"7 rows of '{path}' have no count in {column} (a ")
    shift = header == ""  # without a header row, each name is a line higher
    expected = SHOWN if not shift else SHOWN.replace("line 2 ", "line 1 ")
    if shift:
        for line in (3, 5, 6, 7):
            expected = expected.replace(f"line {line} ", f"line {line - 1} ")
    assert expected in message
    assert message.endswith("(0 leaves it out of training).")


@pytest.mark.parametrize(
    ("header", "flags", "column"),
    [
        ("name,sex,count\n", ["--counts", "count"], "the column 'count'"),
        ("name,sex,count\n", ["--labels", "sex", "--counts", "count"], "the column"),
        ("", ["--no-header", "--names-column", "1", "--counts", "3"], "the 3rd column"),
    ],
)
def test_train_names_every_row_without_a_count(tmp_path, capsys, header, flags, column):
    path = tmp_path / "kids.csv"
    path.write_text(header + BAD_ROWS, encoding="utf-8")
    model = str(tmp_path / "m.skops")
    assert main(["train", str(path), *flags, *KN, "-o", model]) == 1
    err = capsys.readouterr().err
    assert f"error: 7 rows of '{path}' have no count in {column}" in err
    assert "'Dan'" in err and "'Fay' and 2 more rows." in err and "Traceback" not in err


def test_one_row_without_a_count_keeps_its_message(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,count\nAnna,2\nBob,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^Line 3 of .* has nothing in the column"):
        load_names(path, names_column="name", counts_column="count")


def test_a_quoted_list_under_its_header_is_told_once(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text('"Name"\n"Anna"\n"Smith, Bob"\n', encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load_names(path) == ['"Name"', '"Anna"', '"Smith, Bob"']
    [warning] = caught  # not also "looks like a table", with the same advice
    assert "pass names_column='Name'" in str(warning.message)
    assert load_names(path, names_column="Name") == ["Anna", "Smith, Bob"]


@pytest.mark.parametrize(
    ("encoding", "words"),
    [
        ("ascii", "an ASCII text file"),
        ("us-ascii", "a us-ascii text file"),
        ("utf-8-sig", "a utf-8 text file"),
        ("iso-8859-1", "an iso-8859-1 text file"),
        ("euc-kr", "an euc-kr text file"),
        ("cp1252", "a cp1252 text file"),
    ],
)
def test_an_encoding_gets_its_article(encoding, words):
    assert encoding_file(encoding) == words


def test_a_file_not_in_ascii_is_told_with_an(tmp_path, capsys):
    path = tmp_path / "kids.txt"
    path.write_bytes("Zoë\n".encode())
    with pytest.raises(ValueError, match=r"is not an ASCII text file \("):
        load_names(path, encoding="ascii")
    model = str(tmp_path / "m.skops")
    assert main(["train", str(path), "--encoding", "ascii", *KN, "-o", model]) == 1
    assert "is not an ASCII text file (" in capsys.readouterr().err


@pytest.mark.parametrize("header", ["\ufeff\ufeffname,count", "id,\ufeffname,count"])
def test_a_byte_order_mark_in_a_header_cell_is_not_needed(tmp_path, capsys, header):
    path = tmp_path / "kids.csv"
    row = "1,Anna,3" if header.startswith("id") else "Anna,3"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    names, counts = load_names(path, names_column="name", counts_column="count")
    assert names == ["Anna"] and counts.tolist() == [3.0]
    with pytest.raises(ValueError, match=r"\(did you mean '(name|Name)'\?\)"):
        load_names(path, names_column="nam")
    model = str(tmp_path / "m.skops")
    flags = ["--names-column", "name", "--counts", "count", *KN]
    assert main(["train", str(path), *flags, "-o", model]) == 0
    assert main(["train", str(path), "--names-column", "nam", *KN, "-o", model]) == 1
    err = capsys.readouterr().err
    assert "did you mean --names-column name?" in err.replace("Name", "name")


def test_the_table_warning_offers_a_header_without_its_mark(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("id,\ufeffname,count\n1,Anna,3\n2,Bob,4\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="pass names_column='name' "):
        load_names(path)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("ra\u2028vi", r"'\u2028' (LINE SEPARATOR)"),
        ("ra\x0bvi", r"'\x0b' (LINE TABULATION)"),
    ],
)
def test_a_rare_line_break_is_named(name, said):
    with pytest.raises(ValueError) as error:
        ContextWindowTransformer().fit(["asha", name])
    assert f"which holds a line break, {said}; each of the names" in str(error.value)


UNLABELLED = "Anna,,3\nBob,,2\nCy,M,1\nDi,F,1\nEd,,1\nFlo,,1\nGil,,1\nHu,,1\n"


@pytest.mark.parametrize("header", ["name,sex,count\n", ""])
def test_every_row_without_a_label_is_named(tmp_path, capsys, header):
    path = tmp_path / "kids.csv"
    path.write_text(header + UNLABELLED, encoding="utf-8")
    first = 2 if header else 1  # the line of Anna
    shown = f"line {first} ('Anna'), line {first + 1} ('Bob'), line {first + 4} "
    arguments = {"labels_column": "sex"}
    flags = ["--labels", "sex"]
    if not header:
        arguments = {"header": None, "names_column": 0, "labels_column": 1}
        flags = ["--no-header", "--names-column", "1", "--labels", "2"]
    with pytest.raises(ValueError, match=r"^6 rows of .* have a name but no label"):
        load_names(path, **arguments)
    model = str(tmp_path / "m.skops")
    assert main(["train", str(path), *flags, *KN, "-o", model]) == 1
    err = capsys.readouterr().err
    assert "error: 6 rows of " in err and "have a name but no label in" in err
    assert shown in err and "('Gil') and 1 more row; give every name a label." in err


@pytest.mark.parametrize(
    ("rows", "flags"),
    [  # the later problem on line 4, below two rows without a count or label
        ("name,count\nAnna,\nBob,\nCarl,2.5\n", ["--counts", "count"]),
        ("name,count\nAnna,\nBob,\nCarl,2,5\n", ["--counts", "count"]),
        ('name,sex\nAnna,\nBob,\nCarl,"M\nF"\n', ["--labels", "sex"]),
        (
            "Anna,,1\nBob,,2\nCarl,M,3,4\n",
            ["--no-header", "--names-column", "1", "--labels", "2"],
        ),
    ],
)
def test_rows_noted_are_refused_before_a_later_row(tmp_path, capsys, rows, flags):
    path = tmp_path / "kids.csv"
    path.write_text(rows, encoding="utf-8")
    model = str(tmp_path / "m.skops")
    assert main(["train", str(path), *flags, *KN, "-o", model]) == 1
    err = capsys.readouterr().err
    first = 1 if "--no-header" in flags else 2
    assert f"error: 2 rows of '{path}' have " in err, err
    assert f"line {first} " in err and f"line {first + 1} " in err
    if "--no-header" not in flags:
        arguments = {"labels_column": "sex"}
        if "count" in rows:
            arguments = {"names_column": "name", "counts_column": "count"}
        with pytest.raises(ValueError, match=r"^2 rows of .* line 2 .* line 3 "):
            load_names(path, **arguments)


@pytest.mark.parametrize("counts", [True, False])
def test_a_column_holding_none_is_told_at_once(tmp_path, capsys, counts):
    path = tmp_path / "kids.csv"
    rows = "Nama,F,3\n" if counts else "Nora,,4\n"
    path.write_text("name,sex,count\n" + rows * 200, encoding="utf-8")
    flags = ["--counts", "sex"] if counts else ["--labels", "sex"]
    assert main(["train", str(path), *flags, *KN, "-o", str(tmp_path / "m")]) == 1
    err = capsys.readouterr().err
    what = "counts" if counts else "labels"
    said = f"error: '{path}' has no {what} in the column 'sex', none in its first "
    assert said in err
    assert f"and 95 more rows. Is it the column of {what}?" in err


def test_a_separator_below_the_rows_shown_still_gets_its_hint(tmp_path):
    path = tmp_path / "kids.csv"
    path.write_text("name,sex,count\n" + BAD_ROWS + 'Ivy,F,"1,234"\n', "utf-8")
    with pytest.raises(ValueError, match=r"^8 rows .*\(17728, not 17,728\)"):
        load_names(path, names_column="name", counts_column="count")


def test_headers_alike_but_for_a_byte_order_mark(tmp_path, capsys):
    # name and \ufeffname look the same: refused as Name,name is, and never
    # offered as the header a misspelt one may have meant
    path = tmp_path / "two.csv"
    path.write_text("id,name,\ufeffname,count\n1,Anna,Bea,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"has 2 columns headed 'name'"):
        load_names(path, names_column="name")
    with pytest.raises(ValueError) as error:
        load_names(path, names_column="nam")
    assert "did you mean" not in str(error.value)
    model = str(tmp_path / "m.skops")
    assert main(["train", str(path), "--names-column", "nam", "-o", model]) == 1
    assert "did you mean" not in capsys.readouterr().err


def test_reading_in_chunks_names_every_row_without_a_count(tmp_path, capsys):
    from sknextchar import train_from_file

    path = tmp_path / "kids.csv"
    path.write_text("name,sex,count\n" + BAD_ROWS, encoding="utf-8")
    with pytest.raises(ValueError, match=r"^7 rows of .* have no count in the colu"):
        train_from_file(path, chunk_size=2, names_column="name", counts_column="count")
    model = str(tmp_path / "m.skops")
    flags = ["--counts", "count", "--chunk-size", "2"]
    assert main(["train", str(path), *flags, "-q", "-o", model]) == 1
    assert "error: 7 rows of " in capsys.readouterr().err
