"""A spreadsheet's export given as a file of names: its column of names is read."""

import warnings

import pytest

from sknextchar import load_model, train_from_file
from sknextchar.cli import main
from sknextchar.cli._labelled import read_labelled_names, read_names_file
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2", "-q"]


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
    # A first line "name" alone heads a .csv file only.
    assert read_names_file(write(tmp_path / "n.txt", "name\nasha\n")) == [
        "name",
        "asha",
    ]
    assert capsys.readouterr().err == ""


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
    with pytest.raises(ValueError, match="--names-column 'nik' is not a column"):
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
    small = ["--validation-fraction", "0", "--hidden-layer-sizes", "8", "-q"]
    args = ["train", path, "--chunk-size", "15", *small, "--max-iter", "1"]
    assert main([*args, "--alphabet", "auto", "-o", model]) == 0
    assert "," not in load_model(model)["windows"].vocabulary_
    for extra in ([], ["--chunk-size", "15"]):  # both read the file twice
        argv = ["train", path, "--resume", model, "--max-iter", "2", "-q"]
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
    with pytest.raises(ValueError, match="no column 'first'"):
        load_names(path, names_column="first")
    rows = write(tmp_path / "rows.tsv", "Zoë\tf\nJosé\tm\n")
    with pytest.warns(UserWarning, match="2 tab-separated fields on every line"):
        load_names(rows)
    plain = write(tmp_path / "plain.csv", "O'Brien\nSmith, Anna\nJean-Luc\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(plain) == ["O'Brien", "Smith, Anna", "Jean-Luc"]
