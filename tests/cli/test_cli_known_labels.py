"""``score`` and ``classify`` on a user's own file: known labels, unknown
characters, names given twice."""

import unicodedata

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, balanced_accuracy_score

from sknextchar._words import quoted
from sknextchar.cli import main

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
TRAIN = [("asha", "f"), ("priya", "f"), ("anita", "f"), ("meera", "f"),
         ("ravi", "m"), ("amit", "m"), ("rahul", "m"), ("arjun", "m")]  # fmt: skip


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("known")
    csv_file = folder / "train.csv"
    rows = "".join(f"{n},{lab}\n" for n, lab in TRAIN)
    csv_file.write_text("name,label\n" + rows, encoding="utf-8")
    path = folder / "m.skops"
    assert (
        main(["train", str(csv_file), "--labels", "label", *KN, "-o", str(path)]) == 0
    )
    return str(path)


def _names(out, command):
    """The names of the rows of score's or classify's table."""
    return [line.split()[command == "score"] for line in out.splitlines()[1:]]


def _file(tmp_path, rows, header="name,label"):
    path = tmp_path / "test.csv"
    path.write_text(header + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_classify_labels_reports_accuracy_against_sklearn(model, tmp_path, capsys):
    rows = ["asha,f", "ravi,m", "neha,f", "arjun,m", "asha,m", "rohit,m"]
    path = _file(tmp_path, rows)
    assert main(["classify", model, "--names-file", path, "--labels", "label"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["name", "label", "P(f)", "P(m)", "given", "right"]
    table = [line.split() for line in lines[1:]]
    assert [row[0] for row in table] == [r.split(",")[0] for r in rows]  # per line
    truth = [r.split(",")[1] for r in rows]
    assert [row[4] for row in table] == truth
    predicted = [row[1] for row in table]
    assert [row[5] for row in table] == [
        "yes" if t == p else "no" for t, p in zip(truth, predicted)
    ]
    accuracy = accuracy_score(truth, predicted)
    balanced = balanced_accuracy_score(truth, predicted)
    assert f"Accuracy: {accuracy:.3f} (" in err
    assert f"Balanced accuracy: {balanced:.3f} (" in err
    assert "--labels label" in err


def test_classify_labels_of_one_label_and_unknown_labels(model, tmp_path, capsys):
    path = _file(tmp_path, ["asha,F", "meera,F"], header="name,sex")
    assert main(["classify", model, "--names-file", path, "--labels", "sex"]) == 0
    err = capsys.readouterr().err
    assert "Accuracy: 0.000 (0 of the 2 names" in err
    assert "not trained with" in err and "'F' (2" in err


def test_classify_labels_refused_without_names_file_or_column(model, tmp_path, capsys):
    assert main(["classify", model, "asha", "--labels", "label"]) == 1
    assert "and NAME 'asha' was given" in capsys.readouterr().err
    path = _file(tmp_path, ["asha,f"])
    assert main(["classify", model, "--names-file", path, "--labels", "sex"]) == 1
    err = capsys.readouterr().err
    # A file of labels, as train reads it, is offered too
    assert "--labels sex is neither a file nor a column of" in err
    assert "a file with one label per line" in err and "Traceback" not in err
    path = _file(tmp_path, ["ravi,m"], header="asha,f")  # no header row
    assert main(["classify", model, "--names-file", path, "--labels", "label"]) == 1
    err = capsys.readouterr().err
    assert "write a header row above it" in err and "--no-header" not in err


def test_unknown_characters_leave_out_those_names_only(model, capsys):
    status = main(["score", model, "asha", "zoë", "ravi", "--label", "f"])
    out, err = capsys.readouterr()
    assert status == 1
    assert sorted(_names(out, "score")) == ["asha", "ravi"]
    assert "1 of the 3 names left out (the others are ranked above)" in err
    assert "NAME 'zoë'" in err and "'ë'" in err


def test_classify_shows_a_name_it_cannot_score_in_its_place(model, capsys):
    # Before, classify dropped 'zoë': its rows no longer followed the names.
    status = main(["classify", model, "asha", "zoë", "ravi", "asha"])
    out, err = capsys.readouterr()
    assert status == 1
    rows = [line.split() for line in out.splitlines()[1:]]
    assert [row[0] for row in rows] == ["asha", "zoë", "ravi", "asha"]
    assert rows[1] == ["zoë", "-", "-", "-"]
    assert "1 of the 4 rows not classified (it shows -; the others" in err
    assert "NAME 'zoë'" in err and "given more than once" not in err


def test_classify_labels_counts_a_name_it_cannot_score_wrong(model, tmp_path, capsys):
    # Before, 'zoë' left the accuracy: "4 of the 5 names", not of the 6 lines.
    rows = ["asha,f", "rahul,m", "kiran,m", "kiran,f", "zoë,f", "ravi,m"]
    path = _file(tmp_path, rows)
    assert main(["classify", model, "--names-file", path, "--labels", "label"]) == 1
    out, err = capsys.readouterr()
    table = [line.split() for line in out.splitlines()[1:]]
    assert [row[0] for row in table] == [r.split(",")[0] for r in rows]
    assert table[4] == ["zoë", "-", "-", "-", "f", "no"]
    truth = [r.split(",")[1] for r in rows]
    predicted = [row[1] for row in table]  # '-' is no label of the file
    accuracy = accuracy_score(truth, predicted)
    assert f"Accuracy: {accuracy:.3f} ({round(accuracy * 6)} of the 6 names" in err
    assert "1 of the 6 rows not classified (it shows -, counted wrong" in err
    assert "(line 6 of" in err


def test_unknown_characters_in_every_name_refused_as_before(model, capsys):
    assert main(["score", model, "zoë", "--label", "f"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("sknextchar: error: Found characters")


def test_score_ranks_a_name_given_twice_once(model, tmp_path, capsys):
    path = _file(tmp_path, ["asha,f", "ravi,m", "asha,m"])
    assert main(["score", model, "--names-file", path, "--label", "f"]) == 0
    out, err = capsys.readouterr()
    assert sorted(_names(out, "score")) == ["asha", "ravi"]
    assert "'asha' (2 times)" in err


def test_classify_prints_a_row_per_name_given_in_order(model, tmp_path, capsys):
    # Before, a name given twice was one row: the rows no longer matched the
    # lines of the file.
    path = _file(tmp_path, ["asha,f", "ravi,m", "asha,m"])
    assert main(["classify", model, "--names-file", path]) == 0
    out, err = capsys.readouterr()
    assert _names(out, "classify") == ["asha", "ravi", "asha"]
    assert "more than once" not in err


def test_score_ranks_a_name_written_two_ways_once(tmp_path, capsys):
    # 'zoë' with its 'ë' as one code point and as 'e' and a mark: before, two
    # rows with the same numbers.
    train = _file(tmp_path, [f"{n},{lab}" for n, lab in TRAIN] + ["zoë,f"])
    model = str(tmp_path / "auto.skops")
    assert main(["train", train, "--labels", "label", "--alphabet", "auto", *KN,
                 "-o", model]) == 0  # fmt: skip
    capsys.readouterr()
    nfd = unicodedata.normalize("NFD", "zoë")
    assert main(["score", model, "zoë", nfd, "asha", "--label", "f"]) == 0
    out, err = capsys.readouterr()
    assert _names(out, "score").count("zoë") == 1 and len(out.splitlines()) == 3
    assert "Note: 1 name given more than once is ranked once: 'zoë' (2 times)" in err
    assert main(["score", model, nfd, "zoë", "--label", "f"]) == 0
    assert _names(capsys.readouterr().out, "score") == [nfd]  # the first kept


def test_score_counts_the_rows_ranked_above(model, capsys):
    # 'asha' twice is one row: before, "(the others are ranked above)", then
    # "1 of the 3 names" with one other.
    assert main(["score", model, "asha", "zoë", "asha", "--label", "f"]) == 1
    err = capsys.readouterr().err
    assert "1 of the 2 names left out (the other is ranked above)" in err


@pytest.mark.parametrize("bad", ["zoë", "\u200b"])
def test_score_counts_a_name_left_out_twice_once(bad, model, tmp_path, capsys):
    # Before: "2 of the 4 names left out", 'zoë' counted and listed twice
    # beside two rows ranked; each line it is on is still told, once.
    path = tmp_path / "names.txt"
    path.write_text(f"asha\n{bad}\nravi\n{bad}\n", encoding="utf-8")
    assert main(["score", model, "--names-file", str(path), "--label", "f"]) == 1
    out, err = capsys.readouterr()
    assert len(_names(out, "score")) == 2
    assert "1 of the 3 names left out (the others are ranked above)" in err
    assert f"{quoted(bad)} (lines 2 and 4 of " in err and err.count(quoted(bad)) == 1
    # Before, "2 names hold only invisible characters", "Clean the names".
    told = "1 name holds only invisible" if bad == "\u200b" else "Clean the name, "
    assert told in err
    assert main(["classify", model, "--names-file", str(path), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{quoted(bad)} (lines 2 and 4 of " in err and told in err


def test_score_counts_each_kind_of_name_left_out_by_its_distinct_names(
    model, tmp_path, capsys
):
    # Before: "2 of the 4 names left out" (distinct names), then "2 names hold
    # only invisible characters" (lines); and on the command line "NAME 'zoë',
    # NAME 'zoë'", "Clean the names" for one name.
    path = tmp_path / "names.txt"
    path.write_text("asha\n\u200b\n\u200b\nzoë\n", encoding="utf-8")
    assert main(["score", model, "--names-file", str(path), "--label", "f"]) == 1
    err = capsys.readouterr().err
    assert "2 of the 3 names left out (the other is ranked above)" in err
    assert "1 name holds only invisible" in err and "Remove it." in err
    assert "(lines 2 and 3 of " in err and "Clean the name, " in err
    assert main(["score", model, "zoë", "asha", "zoë", "--label", "f", "-q"]) == 1
    err = capsys.readouterr().err
    assert "in NAME 'zoë' (given 2 times)." in err and err.count("'zoë'") == 1
    assert "Clean the name, " in err
    # classify gives each line its row, and counts rows (it said "names").
    assert main(["classify", model, "--names-file", str(path), "-q"]) == 1
    err = capsys.readouterr().err
    assert "3 of the 4 rows not classified (they show -; the other is" in err
    assert "1 name holds only invisible" in err and "Clean the name, " in err


@pytest.mark.parametrize("bad", ["\u200b", "zoë"])
def test_a_list_of_bad_names_only_is_refused_as_a_list_with_some(
    bad, model, tmp_path, capsys
):
    # Before, classify said "2 names hold only invisible characters ...
    # Remove them" or "in 'zoë' (line 1 ...), 'zoë' (line 2 ...). Clean the
    # names"; score named line 1 only. Now both say it as of a list with
    # some names kept: the name once, all its lines, in the singular.
    path = tmp_path / "bad.txt"
    path.write_text(f"{bad}\n{bad}\n", encoding="utf-8")
    told = "1 name holds only invisible" if bad == "\u200b" else "Clean the name, "
    said = []
    for argv in (["score", "--label", "f"], ["classify"]):
        command = [argv[0], model, *argv[1:], "-q"]
        assert main([*command, "--names-file", str(path)]) == 1
        out, err = capsys.readouterr()
        assert out == "" and f"{quoted(bad)} (lines 1 and 2 of " in err
        assert told in err and err.count(quoted(bad)) == 1 and " of the " not in err
        assert main([*command, bad, bad]) == 1
        given = capsys.readouterr().err
        assert f"NAME {quoted(bad)} (given 2 times)" in given and told in given
        said.append(err)
    assert said[0] == said[1]


def test_a_name_given_as_name_and_in_the_file_is_placed_in_each(
    model, tmp_path, capsys
):
    # Before: "in NAME 'zoë' (given 2 times)" (main: "NAME 'zoë', NAME 'zoë'"),
    # the second one being line 1 of the file.
    path = tmp_path / "z.txt"
    path.write_text("zoë\nasha\n", encoding="utf-8")
    argv = ["score", model, "zoë", "--names-file", str(path), "--label", "f"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "in NAME 'zoë', 'zoë' (line 1 of " in err and "(given" not in err
    assert main([*argv[:2], "zoë", *argv[2:]]) == 1
    err = capsys.readouterr().err
    assert "in NAME 'zoë' (given 2 times), 'zoë' (line 1 of " in err
    # A NAME before the file shifts no line (it said "lines 2, 3, 4, 5 and 6").
    path.write_text("zoë\n" * 8, encoding="utf-8")
    assert main(["score", model, "asha", *argv[3:]]) == 1
    assert "'zoë' (lines 1-8 of " in capsys.readouterr().err  # a run, as a range


def test_classify_shows_a_name_of_invisible_characters_escaped(model, capsys):
    # Before, its row's name cell looked empty (U+200B), and one name
    # classified was "the others".
    assert main(["classify", model, "asha", "\u200b"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[2].split() == [r"'\u200b'", "-", "-", "-"]
    assert r"NAME '\u200b'" in err
    assert "1 of the 2 rows not classified (it shows -; the other is classified)" in err


def test_score_of_the_names_kept_is_score_samples(model, capsys):
    from sknextchar import load_model

    assert main(["score", model, "ravi", "zoë", "asha", "--label", "m"]) == 1
    rows = {line.split()[1]: float(line.split()[2])
            for line in capsys.readouterr().out.splitlines()[1:]}  # fmt: skip
    expected = load_model(model).score_samples(["ravi", "asha"], label="m")
    np.testing.assert_allclose([rows["ravi"], rows["asha"]], expected, atol=5e-4)


def test_classify_labels_refuses_a_line_too_long_to_be_a_name(model, tmp_path, capsys):
    path = _file(tmp_path, ["a" * 5000 + ",f", "bob,m"])
    assert main(["classify", model, "--names-file", path, "--labels", "label"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Line 2 of" in err and "Traceback" not in err


def test_classify_labels_counts_a_name_of_no_label_wrong(tmp_path, capsys):
    # Unsmoothed counts (add-k 0) give 'zzzz' probability 0 under every label.
    train = _file(tmp_path, [f"{n},{lab}" for n, lab in TRAIN])
    model = str(tmp_path / "counts.skops")
    args = ["train", train, "--labels", "label", "--add-k", "0", *KN, "-o", model]
    assert main(args) == 0
    path = str(tmp_path / "known.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("name,label\nzzzz,f\nasha,f\n")
    capsys.readouterr()
    assert main(["classify", model, "--names-file", path, "--labels", "label"]) == 0
    out, err = capsys.readouterr()
    rows = [line.split() for line in out.splitlines()[1:]]
    assert rows[0] == ["zzzz", "-", "-", "-", "f", "no"]
    assert rows[1][0] == "asha" and rows[1][-1] == (
        "yes" if rows[1][1] == "f" else "no"
    )
    right = int(rows[1][-1] == "yes")
    assert f"Accuracy: {right / 2:.3f} ({right} of the 2 names" in err


def test_classify_compares_labels_in_nfc(tmp_path, capsys):
    # A model fitted in Python with a label in NFD (as files saved on macOS
    # hold it): before, every name of that label was counted wrong.
    from sklearn.pipeline import make_pipeline

    from sknextchar import (
        ContextWindowTransformer,
        KneserNeyClassifier,
        NameSampler,
        PerLabelClassifier,
        save_model,
    )

    nfd = unicodedata.normalize("NFD", "française")
    names = [n for n, _ in TRAIN]
    pipe = make_pipeline(ContextWindowTransformer(context_length=2),
                         PerLabelClassifier(KneserNeyClassifier()))  # fmt: skip
    sampler = NameSampler(pipe).fit(names, [nfd] * 4 + ["male"] * 4)
    model = str(tmp_path / "nfd.skops")
    save_model(sampler, model)
    path = _file(tmp_path, ["asha,française", "ravi,male"], header="name,lang")
    assert main(["classify", model, "--names-file", path, "--labels", "lang"]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[-1] for line in out.splitlines()[1:]] == ["yes", "yes"]
    assert "Accuracy: 1.000 (2 of the 2 names" in err
    assert "not trained with" not in err


def test_classify_refuses_label_not_read_as_labels(model, capsys):
    # argparse read --label (score's) as --labels: "--labels 'f' is not a
    # column" before.
    assert main(["classify", model, "asha", "--label", "f"]) == 2
    err = capsys.readouterr().err
    assert "classify has no --label" in err and "--labels COLUMN" in err
    assert "is not a column" not in err and "Traceback" not in err


def test_accuracy_lines_quote_the_column_as_its_errors(model, tmp_path, capsys):
    path = _file(tmp_path, ["asha,f"], header="name,sexé")
    assert main(["classify", model, "--names-file", path, "--labels", "sexé"]) == 0
    err = capsys.readouterr().err
    assert "names given their label of --labels sexé)." in err


def test_many_labels_are_shown_few_and_a_case_twin_told(model, tmp_path, capsys):
    rows = [f"asha,x{i}" for i in range(8)] + ["ravi,Female", "ravi,F"]
    path = _file(tmp_path, rows)
    capsys.readouterr()
    assert main(["classify", model, "--names-file", path, "--labels", "label"]) == 0
    err = capsys.readouterr().err
    balanced = next(line for line in err.splitlines() if "Balanced" in line)
    assert balanced.endswith(" and 5 more).") and "x7" not in balanced
    assert "'x2' (1) and 5 more; the model's labels are 'f', 'm'." in err


def test_a_label_differing_only_in_case_is_told(model, tmp_path, capsys):
    path = _file(tmp_path, ["asha,F", "ravi,m"])
    assert main(["classify", model, "--names-file", path, "--labels", "label"]) == 0
    err = capsys.readouterr().err
    assert "'F' (1; differs only in case from 'f')" in err


def test_classify_headings_stand_over_their_numbers(model, tmp_path, capsys):
    # "P(f)" is one column narrower than "0.603": each heading and the numbers
    # below it end in one column, with and without --labels.
    path = _file(tmp_path, ["asha,f", "ravi,m", "neha,f"])
    for extra in ([], ["--labels", "label"]):
        assert main(["classify", model, "--names-file", path, *extra]) == 0
        lines = capsys.readouterr().out.splitlines()
        for heading in ("P(f)", "P(m)"):
            end = lines[0].index(heading) + len(heading)
            assert all(
                line[end - 5 : end].strip().count(".") == 1 for line in lines[1:]
            )
            assert all(line[end : end + 1] in ("", " ") for line in lines[1:])


def test_classify_reads_a_file_of_labels_as_train_does(model, tmp_path, capsys):
    # Before: "--labels 'labels.txt' is not a column of 'names.txt'".
    rows = ["asha,f", "ravi,m", "neha,f", "rohit,m", "kiran,f"]
    table = _file(tmp_path, rows)
    assert main(["classify", model, "--names-file", table, "--labels", "label"]) == 0
    by_column = capsys.readouterr()
    names, labels = tmp_path / "names.txt", tmp_path / "labels.txt"
    names.write_text("".join(r.split(",")[0] + "\n" for r in rows), encoding="utf-8")
    labels.write_text("".join(r.split(",")[1] + "\n" for r in rows), encoding="utf-8")
    argv = ["classify", model, "--names-file", str(names), "--labels", str(labels)]
    assert main(argv) == 0
    by_file = capsys.readouterr()
    assert by_file.out == by_column.out
    accuracy = by_column.err.split("Accuracy: ")[1].split(" of")[0]
    assert by_file.err.split("Accuracy: ")[1].startswith(accuracy)


def test_classify_file_of_labels_refused_in_its_own_flags(model, tmp_path, capsys):
    names, labels = tmp_path / "names.txt", tmp_path / "labels.txt"
    names.write_text("asha\nravi\nneha\n", encoding="utf-8")
    labels.write_text("f\nm\n", encoding="utf-8")
    argv = ["classify", model, "--names-file", str(names), "--labels", str(labels)]
    assert main(argv) == 1
    assert main(["train", str(names), "--labels", str(labels), *KN, "-o",
                 str(tmp_path / "m.skops")]) == 1  # fmt: skip
    classify_err, train_err = capsys.readouterr().err.splitlines()
    assert "has 3 lines but" in classify_err and "line 3 of" in classify_err
    assert classify_err.replace("--names-file", "NAMES_FILE") == train_err
    assert main([*argv, "--names-column", "name"]) == 1
    err = capsys.readouterr().err
    assert "one per line of --names-file" in err and "NAMES_FILE" not in err


@pytest.mark.parametrize(
    "flags, line",
    [
        ([], "\u200b"),  # only a zero-width space
        (["--handle-unknown", "drop"], "..."),  # nothing left once dropped
        (["--strip-accents", "unicode"], "\u0301"),  # only a mark, removed
    ],
)
def test_names_read_as_empty_are_left_out_alone(flags, line, tmp_path, capsys):
    # Before, the whole list was refused for that one line.
    train = _file(tmp_path, [f"{n},{lab}" for n, lab in TRAIN])
    model = str(tmp_path / "m.skops")
    assert main(["train", train, "--labels", "label", *KN, *flags, "-o", model]) == 0
    path = tmp_path / "names.txt"
    path.write_text(f"asha\n{line}\nravi\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["classify", model, "--names-file", str(path)]) == 1
    out, err = capsys.readouterr()
    rows = [row.split() for row in out.splitlines()[1:]]
    assert [row[0] for row in rows] == [
        "asha",
        line.strip("\u200b\u0301") or quoted(line),
        "ravi",
    ]
    assert rows[1][-3:] == ["-", "-", "-"]
    assert "1 of the 3 rows not classified" in err and "(line 2 of" in err
    assert main(["score", model, "--names-file", str(path), "--label", "f"]) == 1
    out, err = capsys.readouterr()
    assert sorted(_names(out, "score")) == ["asha", "ravi"]
    assert "1 of the 3 names left out" in err and "(line 2 of" in err


def test_names_left_out_are_read_once(model, tmp_path, capsys, monkeypatch):
    # Before, the error on the name left out cost a transform of every name.
    from sknextchar import ContextWindowTransformer

    seen = []
    transform = ContextWindowTransformer.transform

    def counted(self, X):
        seen.append(len(X))
        return transform(self, X)

    monkeypatch.setattr(ContextWindowTransformer, "transform", counted)
    names = ["asha", "ravi", "zoë", "neha", "rohit"]
    assert main(["classify", model, *names]) == 1
    assert "1 of the 5 rows not classified" in capsys.readouterr().err
    assert sum(seen) == len(names) - 1  # the names classified, once


def test_classify_labels_column_shadowed_by_a_file_of_that_name(
    model, tmp_path, capsys, monkeypatch
):
    # Before (classify --labels FILE, integrated): a stray file 'label' in
    # the working folder turned 'classify --labels label', a column until
    # then, into a file of labels, and the header row 'name,label' and every
    # row were refused as names with a ','.
    table = _file(tmp_path, ["asha,f", "ravi,m"])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "label").write_text("f\nm\nm\n", encoding="utf-8")
    argv = ["classify", model, "--names-file", table, "--labels", "label"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "outside the vocabulary" not in err
    assert "--labels label is a file here ('label') and a column of" in err
    assert "--labels ./label" in err
    assert main(["classify", model, "--names-file", table, "--labels", "./label"]) == 1
    assert "a column of" not in capsys.readouterr().err  # ./label: the file
