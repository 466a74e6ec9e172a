"""A user's table as a spreadsheet writes it: a title or a blank line above
its header row, a header typed in decomposed Unicode or with a qualifier, a
column of row numbers, counts written other than with the digits 0 to 9, and a
tab inside a quoted name."""

import re
import warnings

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--context-length", "2", "--alphabet", "auto", "-q"]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return str(path)


def train(capsys, path, *flags):
    argv = [*KN, "--validation-fraction", "0", "-o", "m.skops", "--force", *flags]
    status = main(["train", path, *argv])
    return status, capsys.readouterr().err


def loaded(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = load_names(path, **kwargs)
    return names, " ".join(str(warning.message) for warning in caught)


TITLED = [
    ("t.csv", "Baby names 2024\nname,gender\nZoe,F\nJose,M\nAnna,F\n", "utf-8"),
    ("t.csv", "Baby names 2024;;\nname;gender;count\nZoe;F;3\nJose;M;2\n", "utf-8"),
    ("t.txt", "\ufeffMy names\r\nName\tGender\r\nZoë\tF\r\nJosé\tM\r\n", "utf-16-le"),
    ("t.csv", "Baby names\n\nnotes\nname,gender\nZoe,F\nJose,M\n", "utf-8"),
]


@pytest.mark.parametrize(("file", "text", "encoding"), TITLED)
def test_a_title_above_the_header_is_left_out_with_a_warning_naming_it(
    tmp_path, capsys, file, text, encoding
):
    # It was refused ("Delete line 1 ..."): the user had to edit the file.
    path = write(tmp_path / file, text, encoding)
    lines = text.lstrip("\ufeff").splitlines()
    at = next(i for i, line in enumerate(lines) if line.lower().startswith("name"))
    above = "line 1" if at == 1 else f"lines 1 to {at}"
    wanted = (
        f"{path!r} has its header row {lines[at]!r} (with the column of names "
        f"{lines[at][:4]!r}) on line {at + 1}, below {above}"
    )
    left_out = ": read as its title, left out."
    expected = ["Zoë", "José"] if encoding != "utf-8" else ["Zoe", "Jose"]
    status, err = train(capsys, path)
    assert status == 0 and err.count(wanted) == 1 and left_out in err, err
    status, err = train(capsys, path, "--names-column", lines[at][:4])
    assert status == 0 and err.count(wanted) == 1 and left_out in err, err
    label = "Gender" if "\t" in lines[at] else "gender"  # and by label
    status, err = train(capsys, path, "--labels", label)
    assert status == 0 and err.count(wanted) == 1 and left_out in err, err
    kwargs = {"names_column": lines[at][:4], "encoding": encoding}
    names, message = loaded(path, **kwargs)
    assert names[:2] == expected and wanted in message and left_out in message
    assert lines[0].lstrip("\ufeff") not in names
    if "count" in lines[at]:  # and with the counts of the rows below it
        names, message = loaded(path, counts_column="count", **kwargs)
        assert names[0] == expected and list(names[1]) == [3.0, 2.0], names
        assert wanted in message


@pytest.mark.parametrize(("file", "text", "encoding"), TITLED)
def test_a_title_above_the_header_is_left_out_in_chunks(tmp_path, file, text, encoding):
    from sknextchar import make_default_pipeline, train_from_file

    path = write(tmp_path / file, text, encoding)
    column = next(ln for ln in text.splitlines() if ln.lower().startswith("name"))
    pipe = make_default_pipeline(random_state=0).set_params(
        clf__hidden_layer_sizes=(4,), clf__max_iter=1, clf__validation_fraction=0.0,
        windows__alphabet="auto",
    )  # fmt: skip
    with pytest.warns(UserWarning, match="read as its title, left out") as caught:
        fitted = train_from_file(
            path, pipe, chunk_size=2, encoding=encoding, names_column=column[:4]
        )
    told = [w for w in caught if "title" in str(w.message)]
    assert len(told) == 1 and type(told[0].message).__name__ == "TitleLinesWarning"
    vocabulary = set(fitted[0].vocabulary_)
    assert not vocabulary & set("byt "), vocabulary  # the title's letters


def test_a_title_above_a_comma_header_of_a_list_offers_names_column(tmp_path, capsys):
    # In a .txt file "Name, Anna" below a title may be a name: refused, with
    # what to pass instead of deleting line 1 (it said "Delete line 1" alone).
    path = write(tmp_path / "list.txt", "My list\nName, Anna\nDoe, Jane\n")
    status, err = train(capsys, path)
    assert (
        status != 0 and "To read its column of names, pass --names-column Name" in err
    )
    names, message = loaded(path)
    assert "pass names_column='Name' (the lines above its header row are" in message
    assert message.endswith("so each whole line is a name.)"), message  # said once
    names, message = loaded(path, names_column="Name")
    assert names == ["Doe"] and "'My list'" in message


NAMES_ABOVE = [
    ("pasted.csv", "Zoe\nJose\nname,sex\nemma,F\nliam,M\n", "lines 1 to 2"),
    ("ma.csv", "Mary Ann\n\nname;sex\nemma;F\nliam;M\n", "lines 1 to 2"),
    ("acc.tsv", "Zoë\nJean-Luc\nname\tsex\nemma\tF\nliam\tM\n", "lines 1 to 2"),
]


@pytest.mark.parametrize(("file", "text", "above"), NAMES_ABOVE)
def test_names_above_a_header_row_are_refused_not_left_out_as_a_title(
    tmp_path, capsys, file, text, above
):
    # Lines that read as names above a header row were left out as a title,
    # the warning quoting the first alone: refused now, as before the title
    # was left out, every one of them quoted.
    path = write(tmp_path / file, text)
    first = text.splitlines()[0]
    refusal = f"(a title?). Delete {above}, so that the file starts with its header"
    with pytest.raises(ValueError, match=re.escape(refusal)) as caught:
        load_names(path, names_column="name")
    assert repr(first) in str(caught.value)
    names, message = loaded(path)  # one name per line, with the refusal's words
    assert names[0] == first and refusal in message and repr(first) in message
    assert "once those lines are deleted, names_column reads" in message
    for flags in ([], ["--names-column", "name"], ["--labels", "sex"]):
        status, err = train(capsys, path, *flags)
        assert status != 0 and refusal in err and repr(first) in err, (flags, err)
        assert "read as its title" not in err


def test_the_title_warning_quotes_every_line_it_leaves_out(tmp_path, capsys):
    text = "Baby names 2024\nSource: a survey\nZoe\nname,sex\nemma,F\nliam,M\n"
    path = write(tmp_path / "t.csv", text)
    quoted = "lines 1 to 3 ('Baby names 2024', 'Source: a survey', 'Zoe'), not rows"
    names, message = loaded(path, names_column="name")
    assert names == ["emma", "liam"] and quoted in message, message
    status, err = train(capsys, path)
    assert status == 0 and err.count(quoted) == 1, err


def test_a_wrong_counts_column_of_a_titled_table_names_its_header_row(tmp_path, capsys):
    # The error quoted the title left out as the header row.
    path = write(
        tmp_path / "t.csv", "Baby names 2024,,\n,,\nname,sex,count\nemma,F,5\n"
    )
    status, err = train(capsys, path, "--counts", "cnt")
    error = err[err.index("error:") :]
    assert status != 0 and "'name,sex,count'" in error, err
    assert "Baby names" not in error, err


def test_the_looks_like_a_table_warning_of_a_titled_table_quotes_its_header(tmp_path):
    path = write(tmp_path / "t.csv", "Baby names 2024\nname,count\nemma,5\nliam,3\n")
    names, message = loaded(path)
    assert "a header row 'name,count' with a column 'name'" in message, message
    assert "a header row 'Baby names 2024'" not in message


def test_a_list_with_a_comma_line_is_no_titled_table(tmp_path, capsys):
    path = write(tmp_path / "list.txt", "Zoë\nName, Anna\nJosé\nSmith, Bob\nAnn\n")
    names, message = loaded(path)
    assert names[1] == "Name, Anna" and message == ""
    status, err = train(capsys, path)
    assert status == 0 and "header row" not in err, err


@pytest.mark.parametrize("flags", [[], ["--names-column", "name"]])
def test_blank_lines_above_the_header_are_skipped(tmp_path, capsys, flags):
    path = write(tmp_path / "b.csv", "\n \nname,gender\nasha,F\nravi,M\n")
    status, err = train(capsys, path, *flags)
    assert status == 0, err
    assert load_names(path, names_column="name") == ["asha", "ravi"]
    names, counts = load_names(
        write(tmp_path / "c.csv", "\nname,count\nasha,3\n"),
        names_column="name",
        counts_column="count",
    )
    assert names == ["asha"] and counts.tolist() == [3.0]


def test_a_header_in_decomposed_unicode_is_found(tmp_path, capsys):
    path = write(tmp_path / "n.csv", "Pre\u0301nom;Sexe\nZoë;F\nJosé;M\n")
    assert load_names(path, names_column="Pr\u00e9nom") == ["Zoë", "José"]
    status, err = train(capsys, path)
    assert status == 0 and "read its column 'Pre\u0301nom'" in err, err
    status, err = train(capsys, path, "--names-column", "Pr\u00e9nom")
    assert status == 0, err


@pytest.mark.parametrize("header", ["Full name", "Baby Name", "Name:", "Name (first)"])
def test_a_one_column_header_saying_name_is_a_header(tmp_path, capsys, header):
    path = write(tmp_path / "n.csv", f"{header}\nasha\nravi\n")
    names, message = loaded(path)
    assert f"a header row {header!r}" in message, message
    status, err = train(capsys, path)
    assert status == 0 and f"starts with the header {header!r}" in err, err


def test_a_one_column_title_with_digits_stays_a_name(tmp_path):
    path = write(tmp_path / "n.csv", "Names 2024\nasha\nravi\n")
    assert loaded(path) == (["Names 2024", "asha", "ravi"], "")


@pytest.mark.parametrize("start", [0, 1])
def test_a_column_of_row_numbers_is_offered_as_nothing(tmp_path, capsys, start):
    rows = "".join(
        f"{start + i},{n},{g},{c}\n"
        for i, (n, g, c) in enumerate(
            [("asha", "F", 7), ("ravi", "M", 2), ("meena", "F", 5)]
        )
    )  # two labels: a column of one is offered as nothing either
    path = write(tmp_path / "n.csv", "id,name,gender,count\n" + rows)
    status, err = train(capsys, path)
    assert status == 0 and "--counts count" in err and "--labels gender" in err, err
    assert "id" not in err.split("read its column")[1], err


BAD_COUNTS = ["1_000", "\u0665", "\uff15", "1e3", "+5", "1e-400", "-0", "0x10"]


@pytest.mark.parametrize("cell", BAD_COUNTS)
def test_a_count_is_digits_as_the_message_says(tmp_path, capsys, cell):
    path = write(tmp_path / "n.csv", f"name,count\nasha,{cell}\nravi,2\n")
    message = f"{re.escape(repr(cell))} in the column 'count' .* with the digits 0 to 9"
    with pytest.raises(ValueError, match=message):
        load_names(path, names_column="name", counts_column="count")
    status, err = train(capsys, path, "--counts", "count")
    assert status != 0 and "written with the digits 0 to 9" in err, err


def test_a_count_beyond_two_to_the_53_is_refused_in_python_too(tmp_path):
    path = write(tmp_path / "n.csv", "name,count\nasha,9007199254740993\n")
    with pytest.raises(ValueError, match="more than 9,007,199,254,740,992"):
        load_names(path, names_column="name", counts_column="count")
    path = write(tmp_path / "m.csv", "name,count\nasha,9007199254740992\n")
    assert load_names(path, names_column="name", counts_column="count")[1][0] == 2**53


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", " "])
def test_a_space_between_thousands_gets_the_hint(tmp_path, space):
    path = write(tmp_path / "n.csv", f"name;count\nasha;17{space}728\n")
    with pytest.raises(ValueError, match="no thousands separators"):
        load_names(path, names_column="name", counts_column="count")


def test_a_tab_inside_a_quoted_name_is_refused(tmp_path, capsys):
    path = write(tmp_path / "n.txt", 'Name\tGender\n"Zoë\tAnn"\tF\nJosé\tM\n')
    with pytest.raises(ValueError, match="Line 2 of .* with a tab in it"):
        load_names(path, names_column="Name")
    status, err = train(capsys, path)
    assert status != 0 and "no name or label holds a tab" in err, err
