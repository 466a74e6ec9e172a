"""A spreadsheet's export given as a file of names: its column of names is read."""

import os
import re
import warnings

import pytest

from sknextchar import load_model, train_from_file
from sknextchar.cli import main
from sknextchar.cli._labelled import read_labelled_names, read_names_file
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2"]


def write(path, text, encoding="utf-8", newline=None):
    path.write_text(text, encoding=encoding, newline=newline)
    return str(path)


def test_train_reads_the_column_of_names_of_a_table_with_a_note(tmp_path, capsys):
    names = write(tmp_path / "names.csv", "name,label\nZoë,female\nJosé,male\n")
    model = str(tmp_path / "m.skops")
    assert main(["train", names, *KN, "-o", model]) == 0
    err = capsys.readouterr().err
    assert f"Note: {names!r} is a table (comma-separated, with a header)" in err
    assert "column 'name' (1 of 2)" in err and "pass --labels label" in err
    sampler = load_model(model)
    assert "," not in sampler.vocabulary_  # neither the header nor "zoë,female"
    assert sampler.in_training_set(["Zoë", "José"]).tolist() == [True, True]


def test_spreadsheet_exports_read_for_their_column(tmp_path, capsys):
    # A European Excel: semicolons, CRLF, quotes, empty columns at the end.
    path = write(
        tmp_path / "kids.csv",
        'Vorname;Geschlecht;;\r\n"Smith; Anna";f;;\r\nJosé;m;;\r\n\r\n'
        ";m;;\r\nZoë;f;;\r\n",
        newline="",
    )
    assert read_names_file(path) == ["Smith; Anna", "José", "Zoë"]
    assert "column 'Vorname' (1 of 4)" in capsys.readouterr().err
    # "Unicode text": UTF-16 with a byte-order mark, tabs, a .txt name.
    text = "id\tFirst_Name\tgender\r\n1\tZoë\tf\r\n2\tO'Brien\tm\r\n"
    path = write(tmp_path / "kids.txt", text, encoding="utf-16", newline="")
    assert read_names_file(path) == ["Zoë", "O'Brien"]
    assert "column 'First_Name' (2 of 3)" in capsys.readouterr().err
    # One column with its header, quoted as a spreadsheet quotes.
    path = write(tmp_path / "one.csv", 'name\nZoë\n"Smith, Anna"\n')
    assert read_names_file(path) == ["Zoë", "Smith, Anna"]


def test_plain_lists_read_one_name_per_line_as_before(tmp_path, capsys):
    text = "O'Brien\nJean-Luc\n\nMary Ann\nSmith, Anna\nName\n"
    for suffix in ("txt", "csv"):  # commas in some lines: names with commas
        path = write(tmp_path / f"names.{suffix}", text)
        expected = ["O'Brien", "Jean-Luc", "Mary Ann", "Smith, Anna", "Name"]
        assert read_names_file(path) == expected
    # A comma in every line of a .txt file: still whole lines.
    path = write(tmp_path / "commas.txt", "Smith, Anna\nJones, Bob\n")
    assert read_names_file(path) == ["Smith, Anna", "Jones, Bob"]
    assert capsys.readouterr().err == ""
    # A first line "name" alone heads a .csv file only: in a .txt file it
    # stays a name, with a note that says how to read it as the header.
    assert read_names_file(write(tmp_path / "n.txt", "name\nasha\n")) == [
        "name",
        "asha",
    ]
    assert "pass --names-column name" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text, whole",
    [
        ("Baby names; 2024\nName;Gender\nasha;F\nravi;M\n", False),
        ("ana;5\nravi;3\n", True),
        ("ana;5\n", True),
    ],
)
def test_whole_names_with_numbers_only_when_every_line_ends_with_one(
    tmp_path, capsys, text, whole
):
    # Decided from the first line's last field ('2024') alone, it said "If each
    # line is one whole name, semicolons and numbers included" above F and M.
    path = write(tmp_path / "p8.csv", text)
    assert main(["train", path, *KN, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert ("semicolons and numbers included" in err) is whole, err
    assert ("semicolons included, give the file a .txt name" in err) is not whole


def test_a_table_without_a_header_is_refused_with_the_flags(tmp_path, capsys):
    rows = write(tmp_path / "rows.csv", "Zoë,female\nJosé,male\n")
    model = tmp_path / "m.skops"
    assert main(["train", rows, *KN, "-o", str(model)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{rows!r} looks like a table of 2 columns" in err
    assert "--names-column COLUMN" in err and "--labels COLUMN" in err
    assert "give the file a .txt name" in err and not model.exists()
    tabs = write(tmp_path / "rows.txt", "Zoë\tf\nJosé\tm\n")  # no name has a tab
    assert main(["train", tabs, *KN, "-o", str(model)]) == 1
    assert "looks like a table of 2 columns" in capsys.readouterr().err
    # A header that is not in the list: --names-column names the column.
    other = write(tmp_path / "other.csv", "Nom,Genre\nZoë,f\nJosé,m\n")
    assert main(["train", other, *KN, "-o", str(model)]) == 1
    assert "e.g. --names-column Nom" in capsys.readouterr().err
    assert main(["train", other, *KN, "--names-column", "nom", "-o", str(model)]) == 0
    assert load_model(str(model)).in_training_set(["Zoë"]).tolist() == [True]


def test_labels_take_the_column_of_names_and_names_column(tmp_path):
    path = write(tmp_path / "a.csv", "id,first_name,gender\n1,asha,f\n2,ravi,m\n")
    assert read_labelled_names(path, "gender") == (["asha", "ravi"], ["f", "m"])
    path = write(tmp_path / "b.csv", "nick,name,gender\nash,asha,f\nrav,ravi,m\n")
    assert read_labelled_names(path, "gender", names_column="nick") == (
        ["ash", "rav"],
        ["f", "m"],
    )
    with pytest.raises(ValueError, match="--names-column nik is not a column"):
        read_labelled_names(path, "gender", names_column="nik")
    labels = write(tmp_path / "labels.txt", "f\nm\n")
    with pytest.raises(ValueError, match="leave out --names-column"):
        read_labelled_names(path, labels, names_column="name")


def test_error_lines_of_a_table_count_its_lines(tmp_path, capsys):
    path = write(tmp_path / "acc.csv", 'name,label\nasha,f\n\n"Zoë",f\nravi,m\n')
    model = str(tmp_path / "m.skops")
    chunks = ["--chunk-size", "2", "--validation-fraction", "0", "--max-iter", "1"]
    for extra in ([], chunks):
        assert main(["train", path, "-q", *extra, "-o", model]) == 1
        assert f"'Zoë' (line 4 of {path!r})" in capsys.readouterr().err


def test_chunks_and_resumed_runs_read_the_column(tmp_path, capsys):
    path = write(tmp_path / "big.csv", "name,label\n" + "asha,f\nravi,m\n" * 20)
    model, resumed = str(tmp_path / "c.skops"), str(tmp_path / "r.skops")
    small = ["--validation-fraction", "0", "--hidden-layer-sizes", "8"]
    args = ["train", path, "--chunk-size", "15", *small, "--max-iter", "1"]
    assert main([*args, "--alphabet", "auto", "-o", model]) == 0
    assert "," not in load_model(model).vocabulary_  # a NameSampler
    for extra in ([], ["--chunk-size", "15"]):  # both read the file twice
        argv = ["train", path, "--resume", model, "--max-iter", "2"]
        assert main([*argv, *extra, "-o", resumed, "--force"]) == 0
    assert capsys.readouterr().err.count("Note: ") == 3
    trained = train_from_file(path, chunk_size=15, names_column="Name")
    assert "," not in trained["windows"].vocabulary_


def test_score_classify_and_exclude_files_read_tables(tmp_path, capsys):
    model = str(tmp_path / "m.skops")
    assert (
        main(["train", write(tmp_path / "n.txt", "asha\nravi\n"), *KN, "-o", model])
        == 0
    )
    table = write(tmp_path / "score.csv", "name,label\nasha,f\nravi,m\n")
    assert main(["score", model, "--names-file", table]) == 0
    out, err = capsys.readouterr()
    assert "asha " in out and "name,label" not in out and "column 'name'" in err
    rows = write(tmp_path / "rows.csv", "asha,f\nravi,m\n")
    for argv in (["score", model, "--names-file", rows],
                 ["sample", model, "--exclude-file", rows]):  # fmt: skip
        assert main(argv) == 1
        assert "looks like a table of 2 columns" in capsys.readouterr().err


def test_load_names_warns_on_a_table_and_reads_a_column(tmp_path):
    path = write(tmp_path / "kids.csv", "name;gender\nZoë;f\nJosé;m\n")
    with pytest.warns(UserWarning, match="names_column='name'"):
        assert load_names(path) == ["name;gender", "Zoë;f", "José;m"]
    assert load_names(path, names_column="NAME") == ["Zoë", "José"]
    with pytest.raises(ValueError, match="names_column='first' is not a column"):
        load_names(path, names_column="first")
    rows = write(tmp_path / "rows.tsv", "Zoë\tf\nJosé\tm\n")
    with pytest.warns(UserWarning, match="2 tab-separated fields on every line"):
        load_names(rows)
    plain = write(tmp_path / "plain.csv", "O'Brien\nSmith, Anna\nJean-Luc\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(plain) == ["O'Brien", "Smith, Anna", "Jean-Luc"]


def test_a_header_that_heads_two_columns_is_refused_naming_them(tmp_path, capsys):
    # The second column 'name' used to be ignored without a word.
    dup = write(tmp_path / "dup.csv", "name,Name,label\nasha,Zed,f\nravi,Yan,m\n")
    twice = "has 2 columns headed 'name' (columns 1 and 2 of its header row)"
    with pytest.raises(ValueError, match=re.escape(twice)):
        load_names(dup, names_column="name")
    with pytest.warns(UserWarning, match=re.escape(twice)):
        assert load_names(dup)[0] == "name,Name,label"  # one name per line
    labels = write(tmp_path / "l.csv", "name,label,label\nasha,f,x\nravi,m,y\n")
    model = tmp_path / "m.skops"
    chunks = ["--chunk-size", "2", "--validation-fraction", "0", "-q"]
    for argv, shown in [
        ([dup, *KN], twice),
        ([dup, *KN, "--names-column", "NAME"], twice),
        ([dup, *KN, "--labels", "label"], twice),
        ([dup, *chunks], twice),
        (
            [labels, *KN, "--labels", "label"],
            "2 columns headed 'label' (columns 2 and 3",
        ),
    ]:
        assert main(["train", *argv, "-o", str(model)]) == 1
        err = capsys.readouterr().err
        assert shown in err and "then read the one you mean by its header" in err
        assert err.count("\n") == 1 and not model.exists()
    # The label column's header is compared as spelled: 'Name' is not 'name'.
    ok = write(tmp_path / "ok.csv", "name,Name\nasha,f\nravi,m\n")
    assert read_labelled_names(ok, "Name") == (["asha", "ravi"], ["f", "m"])


@pytest.mark.parametrize(
    "text, then, fixed, column",
    [
        (
            "name,Name,label\nasha,Zed,f\n",
            "once each column has a header of its own, names_column reads the one "
            "you mean.)",
            "name,name 2,label\nasha,Zed,f\n",
            "name 2",
        ),
    ],
    ids=["twin-headers"],
)
def test_load_names_warning_of_a_refused_table_gives_advice_that_works(
    tmp_path, text, then, fixed, column
):
    # Both warnings ended "names_column reads a column", which fails on these
    # files too (the same refusal, as an error).
    path = write(tmp_path / "kids.csv", text)
    with pytest.warns(UserWarning) as caught:
        load_names(path)
    assert len(caught) == 1 and str(caught[0].message).endswith(then)
    with pytest.raises(ValueError):
        load_names(path, names_column=column)
    path = write(tmp_path / "fixed.csv", fixed)  # the advice followed
    assert load_names(path, names_column=column) == ["Zed" if "2" in column else "asha"]


def test_a_headerless_table_is_told_by_its_first_lines_read_whole_or_in_chunks(
    tmp_path, capsys
):
    # Two columns without a header, and one stray row past the lines looked at:
    # read whole, the file used to train on its whole lines ("abcde,f") without
    # a word, while read in chunks it was refused as having 2 fields on "every
    # line". Now both refuse it, saying which lines were looked at.
    letters = "abcdefghijklmnopqrstuvwxyz"
    rows = [f"{a}{b}{c}na,f\n" for a in letters for b in "aeiouy" for c in "klmnrst"]
    rows[-1] = "zzzna,f,extra\n"
    assert len(rows) > 1001
    path = write(tmp_path / "rows.csv", "".join(rows))
    model = tmp_path / "m.skops"
    chunks = ["--chunk-size", "500", "--validation-fraction", "0", "-q"]
    for extra in (KN, chunks):
        assert main(["train", path, *extra, "-o", str(model)]) == 1
        err = capsys.readouterr().err
        assert "looks like a table of 2 columns: each of its first 1,000 lines " in err
        assert err.count("\n") == 1 and not model.exists()
    with pytest.warns(UserWarning, match="fields on each of its first 1,000 lines"):
        load_names(path)


def test_a_separator_line_before_the_header_is_read_as_the_delimiter(tmp_path, capsys):
    # An export for a spreadsheet: "sep=;" first, UTF-16, CRLF, a quoted field
    # with a comma and one with a line end. Every reading refused it ("delete
    # that line"): Excel writes that line in its CSV exports for some locales.
    text = 'sep=;\r\nName;Gender;Note\r\n"Smith, Anna";f;"likes\r\ncats"\r\nJosé;m;\r\n'
    path = write(tmp_path / "kids.csv", text, encoding="utf-16", newline="")
    model = tmp_path / "m.skops"
    chunks = ["--chunk-size", "2", "--validation-fraction", "0", "--max-iter", "1"]
    chunks += ["--alphabet", "auto"]
    for extra in ([], ["--names-column", "Name"], ["--labels", "Gender"], chunks):
        argv = ["train", path, *(KN if extra is not chunks else ()), *extra, "-q"]
        assert main([*argv, "-o", str(model), "--force"]) == 0, capsys.readouterr()
        assert "sep=" not in capsys.readouterr().err  # no warning of a title
        if extra is not chunks:  # a chunked fit keeps no names to look up
            assert load_model(str(model)).in_training_set(["José"]).tolist() == [True]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the line is no title: left out silently
        assert load_names(path, names_column="Name") == ["Smith, Anna", "José"]
        assert read_names_file(path) == ["Smith, Anna", "José"]
        labelled = (["Smith, Anna", "José"], ["f", "m"])
        assert read_labelled_names(path, "Gender") == labelled
    with pytest.warns(UserWarning, match="pass names_column='Name'"):
        load_names(path)  # one name per line: its advice is the table's reading
    # The rows keep the file's line numbers in messages.
    capsys.readouterr()
    counts = write(tmp_path / "n.csv", "sep=;\nname;count\nAnna;2\nBo;x\n")
    assert main(["train", counts, *KN, "--counts", "count", "-o", str(model)]) == 1
    assert "Line 4 of" in capsys.readouterr().err  # "x" is no count
    # Above a list of names (no header row below it), it is refused as before.
    path = write(tmp_path / "list.csv", "sep=,\nAnna\nBo\n")
    note = f"The first line of {path!r} is 'sep=,', a spreadsheet's note of"
    assert main(["train", path, *KN, "-o", str(tmp_path / "l.skops")]) == 1
    assert note in capsys.readouterr().err
    with pytest.raises(ValueError, match=re.escape(note)):
        load_names(path, names_column="name")


@pytest.mark.parametrize(
    "name, text",
    [
        ("d.csv", "sep=;\nVorname;Bemerkung, Name\nAnna;gut, sehr\nBo;ok, ja\n"),
        ("e.txt", "sep=;\nname;sex\nAnna;F\nBo;M\n"),
    ],
    ids=["comma-in-header", "txt"],
)
def test_a_separator_line_s_delimiter_is_the_one_read(tmp_path, name, text):
    # The header row below "sep=;" was split again at the first delimiter
    # that found names ('Bemerkung, Name': the names 'sehr', 'ja'); in a .txt
    # file, read_names_file failed with an AttributeError.
    path = write(tmp_path / name, text)
    column = text.split("\n")[1].split(";")[0]
    assert read_names_file(path) == ["Anna", "Bo"]
    assert load_names(path, names_column=column) == ["Anna", "Bo"]


@pytest.mark.parametrize(
    "packed, what",
    [
        (b"\x1f\x8b\x08\x00", "a gzip-compressed file"),
        (b"PK\x03\x04\x14\x00", "a zip archive (a model file, or a spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    ],
)
def test_compressed_files_archives_and_spreadsheets_say_what_they_are(
    tmp_path, capsys, packed, what
):
    # They used to fail at a byte, with the advice to pass another --encoding.
    path = tmp_path / "names.dat"
    path.write_bytes(packed + b"\x00\x01\xfe\xff" * 10)
    shown = f"{str(path)!r} is {what}"
    with pytest.raises(ValueError, match=re.escape(shown)):
        load_names(path)
    model = str(tmp_path / "m.skops")
    chunks = ["--chunk-size", "2", "--validation-fraction", "0", "-q"]
    for argv in (["train", str(path), *KN], ["train", str(path), *chunks]):
        assert main([*argv, "-o", model]) == 1
        err = capsys.readouterr().err
        assert shown in err and "encoding" not in err and err.count("\n") == 1


def test_a_pipe_is_refused_where_names_file_is_read_twice(
    tmp_path, capsys, monkeypatch
):
    # --chunk-size and --resume read NAMES_FILE again: a pipe would be empty
    # the second time ("contains no names"). The pipe is never opened here.
    import sknextchar.cli._labelled as labelled

    chunks = ["--chunk-size", "2", "--validation-fraction", "0", "-q"]
    names, model = write(tmp_path / "n.txt", "asha\nravi\n"), str(tmp_path / "m.skops")
    small = ["--hidden-layer-sizes", "4", "--max-iter", "1"]
    assert main(["train", names, *chunks, *small, "-o", model]) == 0

    def read(*args, **kwargs):
        raise AssertionError("the pipe was opened")

    monkeypatch.setattr(labelled, "names_column_of", read)
    fifo = tmp_path / "names.fifo"
    os.mkfifo(fifo)
    resume = ["--resume", model, "--max-iter", "2"]
    for extra, flag in ((chunks, "--chunk-size"), (resume, "--resume")):
        argv = ["train", str(fifo), *extra, "-o", str(tmp_path / "o.skops")]
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert f"{flag} reads NAMES_FILE more than once, and {str(fifo)!r}" in err


def test_a_dash_for_standard_input_gets_its_path(tmp_path, monkeypatch, capsys):
    # In Python; the command line reads standard input for '-'
    # (test_real_users_files.py), and a file named '-' as './-'.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="No such file of names: '-'"):
        load_names("-")
    assert main(["train", "./-", *KN, "-o", "m.skops"]) == 1
    assert "No such file of names: './-'" in capsys.readouterr().err
    write(tmp_path / "-", "asha\nravi\n")
    assert main(["train", "./-", *KN, "-o", "m.skops"]) == 0


def test_a_line_too_long_for_a_name_is_refused_not_a_traceback(tmp_path, capsys):
    # One line of 200,000 letters: the CSV reader's field limit (131,072) used
    # to escape as a traceback; a list of names on one line trained as a name.
    long = "ab" * 100_000
    path = write(tmp_path / "long.txt", f"{long}\nasha\n")
    shown = (
        "holds a name of more than 1,000 characters, starting 'abababababababababab'"
    )
    with pytest.raises(ValueError, match=re.escape(f"Line 1 of {path!r} {shown}")):
        load_names(path)  # refused as it is read, not returned as one name
    # The command line reads a file before it knows whether it is a table: a
    # line shorter than a row may be (1,000,000) is refused once read.
    shown = "holds a name of 200,000 characters, starting 'abababababababababab'"
    one_line = write(tmp_path / "one.txt", ", ".join(["asha", "ravi"] * 200))
    model = tmp_path / "m.skops"
    for argv, what in [
        ([path], shown),
        ([path, "--model", "kneser-ney"], shown),
        (
            [one_line],
            "holds a name of 2,398 characters, starting 'asha, ravi, asha, ra'",
        ),
    ]:
        assert main(["train", *argv, "-q", "-o", str(model)]) == 1
        err = capsys.readouterr().err
        assert what in err and "Give each name a line of its own" in err
        assert err.count("\n") == 1 and not model.exists()
    labelled = write(tmp_path / "l.csv", f"name,label\n{long[:5000]},f\nasha,m\n")
    assert main(["train", labelled, "--labels", "label", "-o", str(model)]) == 1
    assert "holds a name of 5,000 characters" in capsys.readouterr().err


def test_a_quote_left_open_is_refused_where_it_opens(tmp_path, capsys):
    # The open quote used to swallow the rows below it into one "name" with
    # line breaks in it, trained on without a word.
    opened = "opens a quote that runs over 3 lines, 'Zoë,f\\nasha\\nravi'..."
    path = write(tmp_path / "q.csv", 'name,label\n"Zoë,f\nasha\nravi",m\numa,f\n')
    with pytest.raises(ValueError, match=re.escape(f"Line 2 of {path!r} {opened}")):
        load_names(path, names_column="name")
    model = tmp_path / "m.skops"
    for extra in ([], ["--labels", "label"]):
        assert main(["train", path, *KN, *extra, "-o", str(model)]) == 1
        err = capsys.readouterr().err
        assert opened in err and err.count("\n") == 1 and not model.exists()
    # Past the CSV reader's field limit, the message says where the row starts.
    big = write(tmp_path / "big.csv", 'name,label\nasha,f\n"ravi,' + "a\n" * 70_000)
    assert main(["train", big, *KN, "-o", str(model)]) == 1
    assert "in the row that starts on line 3 (a quote left open" in (
        capsys.readouterr().err
    )


def test_rows_wider_than_the_header_are_refused_all_at_once(tmp_path, capsys):
    # Each run named the first wide row only: a file with two "Mary, Ann"
    # names unquoted took two runs to fix, three with a bad count below.
    text = "name,sex,count\nMary, Ann,F,3\nBo,M,2\nLee, Jo,M,1\nCy,F,x\n"
    path = write(tmp_path / "kids.csv", text)
    said = "Lines 2 and 4 of {} have 4 fields, more than the 3 of its header"
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "--counts", "count", "-o", model]) == 1
    err = capsys.readouterr().err
    assert said.format(repr(path)) in err  # and a count, not the wide rows' again
    assert f"Line 5 of {path!r} has 'x'" in err and "'F'" not in err
    for columns in ({"names_column": "name"}, {"labels_column": "sex"}):
        with pytest.raises(ValueError, match=re.escape(said.format(repr(path)))):
            load_names(path, **columns)
    # One wide row is told as before; many, at once (the columns do not line up).
    one = write(tmp_path / "one.csv", "name,sex\nMary, Ann,F\nBo,M\n")
    with pytest.raises(ValueError, match="Line 2 of .* has 3 fields, more than the 2"):
        load_names(one, names_column="name")
    rows = "".join(f"Ann{i}, Lee,F\n" for i in range(50))
    many = write(tmp_path / "many.csv", "name,sex\n" + rows)
    with pytest.raises(ValueError, match=r"Lines 2-7 \(read no further"):
        load_names(many, names_column="name")
