"""Names read one per line that a spreadsheet wrote in double quotes.

A spreadsheet's CSV of one column without a header row quotes a name that
holds a comma or a quote mark (``"Smith, Anna"``, ``"O""Brien"``). Read one
name per line, those names kept their quote marks with no word said:
``--alphabet auto`` learned ``"``, and the model wrote ``"O""Brien"``. They are
still read as the lines are (a list is read as it is), but a warning now names
them and says what reads them as the spreadsheet wrote them, in the words of
the interface.
"""

import warnings

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import load_names

EXPORT = 'Anna\r\n"Smith, Anna"\r\nJosé\r\n"O""Brien"\r\n'


def _export(tmp_path, name="names.csv"):
    path = tmp_path / name
    path.write_bytes(EXPORT.encode("utf-8-sig"))
    return str(path)


def test_load_names_warns_and_says_how_to_read_them(tmp_path):
    path = _export(tmp_path)
    with pytest.warns(UserWarning, match="2 lines in double quotes") as caught:
        names = load_names(path)
    assert names == ["Anna", '"Smith, Anna"', "José", '"O""Brien"']
    assert "pass header=None, names_column=0" in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read = load_names(path, header=None, names_column=0)
    assert read == ["Anna", "Smith, Anna", "José", 'O"Brien']


@pytest.mark.parametrize("names", [["Anna", 'Jo "Jay" Li'], ['"'], ['""']])
def test_no_warning_for_names_that_are_not_quoted_fields(tmp_path, names):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_names(path) == names


def test_train_warns_in_its_words_and_the_advice_reads_them(tmp_path, capsys):
    path, out = _export(tmp_path), str(tmp_path / "m.skops")
    argv = ["train", path, "--alphabet", "auto", "--model", "kneser-ney", "-q"]
    assert main([*argv, "-o", out]) == 0
    err = capsys.readouterr().err
    assert err.count("sknextchar: warning:") == 1 and "(the first: '\"Smith" in err
    assert "pass --no-header --names-column 1 (a table of one column)" in err
    assert '"' in load_model(out).vocabulary_
    argv += ["--no-header", "--names-column", "1", "--force"]
    assert main([*argv, "-o", out]) == 0
    assert "warning" not in capsys.readouterr().err
    assert '"' in load_model(out).vocabulary_  # O"Brien's own quote mark
    assert "," in load_model(out).vocabulary_


def test_train_in_chunks_warns_too(tmp_path, capsys):
    path, out = _export(tmp_path), str(tmp_path / "m.skops")
    argv = ["train", path, "--chunk-size", "2", "--max-iter", "1", "-q"]
    assert main([*argv, "--alphabet", "auto", "-o", out]) == 0
    err = capsys.readouterr().err
    assert "has 2 lines in double quotes (the first: '\"Smith, Anna\"')" in err
    assert "--no-header --names-column 1" in err and err.count("double quotes") == 1


def test_train_in_chunks_warns_once_of_a_quoted_line_past_the_first_lines(
    tmp_path, capsys
):
    # The command line looked at the first 1,000 lines only, warning of them
    # once (not twice now that train_from_file warns too).
    path, out = tmp_path / "late.txt", str(tmp_path / "m.skops")
    names = [f"Ana{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(1200)]
    path.write_text("\n".join([*names, '"Smith, Anna"']) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--chunk-size", "500", "--max-iter", "1", "-q"]
    assert main([*argv, "--alphabet", "auto", "-o", out]) == 0
    err = capsys.readouterr().err
    assert err.count("in double quotes") == 1, err
    assert "a line in double quotes, '\"Smith, Anna\"'," in err
    assert "pass --no-header --names-column 1 (a table of one column)" in err


@pytest.mark.parametrize("chunk_size", [2, 100])
def test_train_from_file_warns_as_load_names_does(tmp_path, chunk_size):
    # train_from_file (Python) read the lines in double quotes without a word.
    from sknextchar import make_default_pipeline, train_from_file

    path = _export(tmp_path)
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__alphabet="auto", clf__hidden_layer_sizes=(4,), clf__max_iter=2,
        clf__validation_fraction=0.0,
    )  # fmt: skip
    with pytest.warns(UserWarning) as caught:
        train_from_file(path, pipe, chunk_size=chunk_size)
    told = [str(w.message) for w in caught if "double quotes" in str(w.message)]
    assert told == [
        f"{path!r} has 2 lines in double quotes (the first: '\"Smith, Anna\"'), "
        "read as names with their quote marks, as a CSV file quotes a field (a "
        "spreadsheet quotes one that holds a comma or a quote mark): to read each "
        "line as a field of CSV, quotes removed, pass header=None, names_column=0 "
        "(a table of one column)."
    ]
    with warnings.catch_warnings():  # the advice reads them, without a warning
        warnings.simplefilter("error")
        train_from_file(path, pipe, chunk_size=chunk_size, header=None, names_column=0)


CUT_LATER = '"Anna"\n"Bo"\nCy\nDee\nEve\nFay\nSmith, Anna\nGus\n'


@pytest.mark.parametrize("chunk_size", [2, 100])
def test_train_from_file_sees_a_line_csv_would_cut_in_a_later_chunk(
    tmp_path, chunk_size
):
    # In chunks of 2, the advice header=None, names_column=0 came from the
    # first chunk alone, and that reading cuts 'Smith, Anna' to 'Smith'.
    from sknextchar import make_default_pipeline, train_from_file

    path = tmp_path / "cut.txt"
    path.write_text(CUT_LATER, encoding="utf-8")
    with pytest.warns(UserWarning, match="double quotes") as caught:
        load_names(str(path))
    expected = [str(w.message) for w in caught]
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__alphabet="auto", clf__hidden_layer_sizes=(4,), clf__max_iter=1,
        clf__validation_fraction=0.0,
    )  # fmt: skip
    with pytest.warns(UserWarning) as caught:
        train_from_file(str(path), pipe, chunk_size=chunk_size)
    told = [str(w.message) for w in caught if "double quotes" in str(w.message)]
    assert told == expected and "no reading keeps every name whole" in told[0]


def test_train_in_chunks_advises_no_reading_that_cuts_a_later_line(tmp_path, capsys):
    path, out = tmp_path / "cut.txt", str(tmp_path / "m.skops")
    path.write_text(CUT_LATER, encoding="utf-8")
    argv = ["train", str(path), "--chunk-size", "2", "--max-iter", "1", "-q"]
    assert main([*argv, "--alphabet", "auto", "-o", out]) == 0
    err = capsys.readouterr().err
    assert err.count("in double quotes") == 1, err
    assert "such as 'Smith, Anna'" in err and "--no-header" not in err


def test_the_warning_pickles_and_copies():
    import copy
    import pickle

    from sknextchar.datasets._quoted_lines import QuotedLinesWarning

    warning = QuotedLinesWarning("k.txt", ['"Anna"'], "A, B", True, "pass X", 3)
    for again in (pickle.loads(pickle.dumps(warning)), copy.copy(warning)):
        assert type(again) is QuotedLinesWarning and str(again) == str(warning)
        assert again.count == 3 and again.worded("pass Y") == warning.worded("pass Y")


def test_an_exclude_file_in_quotes_is_read_as_fields_of_csv(tmp_path, capsys):
    # Before: a warning that asked for a header row, the names compared with
    # their quote marks (none left out). Now a model that writes no '"' has
    # the quoted lines read as fields of CSV, with a note (tests of what is
    # left out: test_quoted_lists_left.py).
    path, model = _export(tmp_path, "names.txt"), str(tmp_path / "m.skops")
    (tmp_path / "kids.txt").write_text("anna\njose\nzoe\n", encoding="utf-8")
    argv = ["train", str(tmp_path / "kids.txt"), "--model", "kneser-ney", "-q"]
    assert main([*argv, "-o", model]) == 0
    capsys.readouterr()
    assert (
        main(["sample", model, "-n", "2", "--seed", "0", "--exclude-file", path]) == 0
    )
    err = capsys.readouterr().err
    assert "warning" not in err and err.startswith("Note: read the 2 lines in double")
    assert "as fields of CSV, quotes removed ('Smith, Anna')" in err
    (tmp_path / "named.txt").write_text("name\n" + EXPORT, encoding="utf-8")
    argv = ["sample", model, "-n", "2", "--seed", "0", "--names-column", "name"]
    assert main([*argv, "--exclude-file", str(tmp_path / "named.txt")]) == 0
    assert "warning" not in capsys.readouterr().err  # the advice reads it


def test_a_names_file_beside_a_labels_file_warns_too(tmp_path, capsys):
    path, model = _export(tmp_path, "names.txt"), str(tmp_path / "m.skops")
    (tmp_path / "labels.txt").write_text("f\nf\nm\nm\n", encoding="utf-8")
    argv = ["train", path, "--labels", str(tmp_path / "labels.txt"), "-q"]
    argv += ["--alphabet", "auto", "--model", "kneser-ney"]
    assert main([*argv, "-o", model]) == 0
    err = capsys.readouterr().err
    assert err.count("sknextchar: warning:") == 1 and "2 lines in double quotes" in err
    assert "one CSV file with a header row (name,label) and pass --labels label" in err


def test_no_advice_that_would_cut_a_name_with_a_comma(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text('Anna\nSmith, Anna\n"O""Brien"\n', encoding="utf-8")
    with pytest.warns(UserWarning, match="a line in double quotes") as caught:
        load_names(path)
    message = str(caught[0].message)
    assert "names_column=0" not in message  # it would read 'Smith' alone
    assert "no reading keeps every name whole" in message
    assert "such as 'Smith, Anna', hold a comma outside quotes" in message


def test_a_long_quoted_line_is_cut_in_the_warning(tmp_path):
    """A line of up to 1,000 characters is a name; the warning quotes it cut,
    as messages quote the rows of a table, not whole."""
    path = tmp_path / "long.txt"
    long_line = '"' + "a" * 900 + '"'
    path.write_text(f"Anna\n{long_line}\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="a line in double quotes") as caught:
        load_names(str(path))
    message = str(caught[0].message)
    assert "a" * 900 not in message and "(902 characters)" in message
    assert len(message) < 600


@pytest.mark.parametrize("suffix", [".txt", ".csv"])
def test_train_says_quoted_names_its_alphabet_refuses_in_one_line(
    tmp_path, capsys, suffix
):
    # Before: the warning (read as CSV: --no-header --names-column 1) and then
    # the fit's error advising --alphabet auto, which learns the quote marks.
    path = tmp_path / f"kids{suffix}"
    path.write_text('"Anna"\n"Maria"\n"Olga"\n', encoding="utf-8")
    argv = ["train", str(path), "--model", "kneser-ney", "-q"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sknextchar: error: "), err
    assert "3 lines in double quotes" in err and "the alphabet has no '\"'" in err
    assert err.rstrip().endswith(
        "pass --no-header --names-column 1 (a table of one column)."
    )
    assert "--alphabet auto" not in err
    argv += ["--no-header", "--names-column", "1"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 0
    assert load_model(str(tmp_path / "m.skops")).in_training_set(["anna"]).all()


@pytest.mark.parametrize(
    "flags",
    [["--handle-unknown", "drop"], ["--alphabet", 'abcdefghijklmnopqrstuvwxyz"']],
)
def test_train_with_settings_that_take_quoted_names_keeps_the_warning(
    tmp_path, capsys, flags
):
    # Dropping removes the quote marks and an alphabet holding '"' learns
    # them: neither is refused, and the warning is shown as it came.
    path = tmp_path / "kids.txt"
    path.write_text('"Anna"\n"Maria"\n"Olga"\n', encoding="utf-8")
    argv = ["train", str(path), "--model", "kneser-ney", "-q", *flags]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 0
    err = capsys.readouterr().err
    assert "3 lines in double quotes" in err and "error" not in err
    assert "the alphabet has no" not in err


@pytest.mark.parametrize(
    "text", ['"Anna"\n"Maria"\n"O""Neil"\n', '"Anna"\n"Maria"\nO"Neil\n']
)
def test_train_says_the_quote_that_csv_reading_leaves(tmp_path, capsys, text):
    # Read as CSV, 'O"Neil' keeps a quote mark. When it is one of the lines in
    # quotes ('"O""Neil"'), the one error of quoted names says so too (before:
    # the fit's error, whose advice led to a second error on 'O"Neil').
    # Else (a line 'O"Neil'), the fit's error, and the warning tells of the
    # quoted lines.
    path = tmp_path / "kids.txt"
    path.write_text(text, encoding="utf-8")
    argv = ["train", str(path), "--model", "kneser-ney", "-q"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    if text.endswith('"O""Neil"\n'):
        assert err.count("\n") == 1 and err.startswith("sknextchar: error: ")
        advice = "pass --no-header --names-column 1 (a table of one column); read "
        assert advice + "so, a name still holds a '\"'" in err
        assert '\'"O""Neil"\' is \'O"Neil\': take it out of the name' in err
        return
    said = "the names are in double quotes" in err
    assert ("sknextchar: warning: " in err) != said and "the alphabet has no" not in err
    assert said == text.endswith('"O""Neil"\n')
    assert "Found characters outside the vocabulary ['\"']" in err
    assert "Neil" in err.split("sknextchar: error: ", 1)[1]
