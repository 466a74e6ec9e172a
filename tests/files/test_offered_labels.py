"""The columns that ``train``'s note on a table offers as ``--labels`` are
those that ``train --labels`` reads: never a column with a name left without
a label (an empty column above all), nor one whose every label is the same
(a model by label needs two); a column of one label in the first lines of a
longer file (sorted by label) is still offered. Each offer is followed. The
rows below a long file's first lines are looked at as the names are read: the
file is read once."""

import contextlib
import io
import re

import pytest

from sknextchar import load_model
from sknextchar.cli import _labelled, main
from sknextchar.cli._labelled import read_names_file
from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import LINES_LOOKED_AT, text_lines

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2"]
KN += ["--force"]
NAMES = ["Anna", "John", "Mary", "Paul", "Asha", "Ravi", "Zoe", "Omar"]
SEXES = ["F", "M", "F", "M", "F", "M", "F", "M"]


def _write(path, header, rows):
    path.write_text(header + "\n" + "".join(",".join(r) + "\n" for r in rows))
    return str(path)


def _offered(err):
    """The columns the note offers as --labels (none: an empty list)."""
    listed = re.search(r"by label, pass --labels COLUMN \(one of (.+?)\)", err)
    if listed is not None:
        return re.findall(r"'([^']*)'", listed.group(1))
    return re.findall(r"to train by label, pass --labels (\S+?)[.;]", err)


def _train(tmp_path, capsys, path, *more):
    model = str(tmp_path / "m.skops")
    status = main(["train", path, *KN, *more, "-o", model])
    return status, capsys.readouterr().err


def test_an_empty_column_and_one_of_a_single_label_are_not_offered(tmp_path, capsys):
    rows = [(n, s, "", "IN") for n, s in zip(NAMES, SEXES)]
    path = _write(tmp_path / "kids.csv", "name,sex,notes,country", rows)
    status, err = _train(tmp_path, capsys, path)
    assert status == 0, err
    assert _offered(err) == ["sex"], err
    # Why they are not offered: train --labels refuses each.
    for column in ("notes", "country"):
        status, err = _train(tmp_path, capsys, path, "--labels", column)
        assert status == 1 and "Traceback" not in err
    # The column offered is followed, and trains a model by label.
    status, err = _train(tmp_path, capsys, path, "--labels", "sex")
    assert status == 0, err
    labels = load_model(str(tmp_path / "m.skops")).estimator_[-1].label_classes_
    assert sorted(labels) == ["F", "M"]


def test_a_column_with_a_name_left_without_a_label_is_not_offered(tmp_path, capsys):
    rows = [(n, s, "x" if i else "", "1" if i % 2 else "0" * (i > 0))
            for i, (n, s) in enumerate(zip(NAMES, SEXES))]  # fmt: skip
    path = _write(tmp_path / "gaps.csv", "name,sex,group,flag", rows)
    status, err = _train(tmp_path, capsys, path)
    assert status == 0 and _offered(err) == ["sex"], err
    for column in ("group", "flag"):  # a blank cell on line 2
        status, err = _train(tmp_path, capsys, path, "--labels", column)
        assert status == 1 and "Line 2 of" in err and "no label" in err


def test_no_column_offered_says_nothing_of_labels(tmp_path, capsys):
    rows = [(n, "", "IN") for n in NAMES]
    path = _write(tmp_path / "plain.csv", "name,notes,country", rows)
    status, err = _train(tmp_path, capsys, path)
    assert status == 0, err
    assert "Note:" in err and "--labels" not in err


def test_one_label_in_the_first_lines_of_a_file_sorted_by_label_is_offered(
    tmp_path, capsys
):
    # The note sees only the first lines: a file sorted by label may have
    # the second label below them, and train --labels reads it all.
    n = LINES_LOOKED_AT + 50
    rows = [(f"{NAMES[i % 8]}{i}", "F" if i < LINES_LOOKED_AT else "M", "")
            for i in range(n)]  # fmt: skip
    path = _write(tmp_path / "sorted.csv", "name,sex,notes", rows)
    status, err = _train(tmp_path, capsys, path)
    assert status == 0 and _offered(err) == ["sex"], err
    status, err = _train(tmp_path, capsys, path, "--labels", "sex")
    assert status == 0, err


def test_a_label_only_on_names_of_count_0_is_not_offered(tmp_path, capsys):
    # train --labels --counts leaves out the names of count 0, and refuses
    # labels that are then all the same.
    rows = [(n, "F" if i else "M", "0" if i == 0 else "2", s)
            for i, (n, s) in enumerate(zip(NAMES, SEXES))]  # fmt: skip
    path = _write(tmp_path / "counts.csv", "name,sex,count,gender", rows)
    status, err = _train(tmp_path, capsys, path, "--counts", "count")
    assert status == 0 and _offered(err) == ["gender"], err
    status, err = _train(tmp_path, capsys, path, "--counts", "count", "--labels", "sex")
    assert status == 1 and "has the label 'F'" in err
    status, err = _train(
        tmp_path, capsys, path, "--counts", "count", "--labels", "gender"
    )
    assert status == 0, err


def _noted(path, counts=None):
    """The columns offered as --labels by train's note on a file, read as
    train reads it (no model trained)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        read_names_file(path, training=True, counts=counts)
    return _offered(err.getvalue())


def _long(tmp_path, header, row, n=LINES_LOOKED_AT + 20):
    """A file of ``n`` rows below ``header``, ``row(i)`` each."""
    rows = [row(i) for i in range(n)]
    return _write(tmp_path / "long.csv", header, rows)


def test_the_offer_reads_a_long_file_once(tmp_path, monkeypatch):
    # The note on a file longer than its first lines looks at the rest of
    # it as the names are read: the last line is read once, not twice.
    path = _long(tmp_path, "name,sex,land", lambda i: (f"{NAMES[i % 8]}{i}", "F", "IN"))
    last = f"{NAMES[(LINES_LOOKED_AT + 19) % 8]}{LINES_LOOKED_AT + 19},F,IN\n"
    reads = []

    def counted(text):
        for line in text_lines(text):
            reads.extend([line] * (line == last))
            yield line

    monkeypatch.setattr(_labelled, "text_lines", counted)
    assert _noted(path) == []
    assert reads == [last]


def test_the_offers_of_a_long_file_look_at_every_row(tmp_path):
    first = LINES_LOOKED_AT + 5  # a row below the first lines

    def row(i):  # sex sorted by label; land of one label; a blank group below
        sex, group = ("F" if i < first else "M"), "" if i == first else "gh"[i % 2]
        return f"{NAMES[i % 8]}{i}", sex, "IN", group, "x"

    path = _long(tmp_path, "name,sex,land,group,kind", row)
    assert _noted(path) == ["sex"]
    # The cells of a row without a name tell nothing.
    rows = [row(i) for i in range(LINES_LOOKED_AT + 20)]
    rows[first] = ("", "F", "IN", "", "y")  # no name: kind's "y" is no label
    path = _write(tmp_path / "unnamed.csv", "name,sex,land,group,kind", rows)
    assert _noted(path) == ["sex", "group"]


def test_a_second_label_below_only_on_names_of_count_0_is_not_offered(tmp_path):
    def row(i):
        below = i >= LINES_LOOKED_AT + 5
        return f"{NAMES[i % 8]}{i}", "M" if below else "F", "0" if below else "3"

    path = _long(tmp_path, "name,sex,count", row)
    assert _noted(path, counts="count") == []
    assert _noted(path) == ["sex"]  # without --counts, every row counts
    # A label written otherwise (in Unicode NFC, the same) is no second one.
    rows = [row(i) for i in range(LINES_LOOKED_AT + 9)]
    rows = [(n, "Zoé" if s == "F" else s, c) for n, s, c in rows]
    nfc = _write(
        tmp_path / "nfc.csv", "name,sex,count", [*rows, ("Ana", "Zoe\u0301", "1")]
    )
    assert _noted(nfc, counts="count") == []
    path = _write(tmp_path / "two.csv", "name,sex,count", [*rows, ("Ana", "M", "1")])
    assert _noted(path, counts="count") == ["sex"]


def test_one_label_below_first_lines_of_count_0_is_not_offered(tmp_path):
    # The first lines' names all of count 0 showed no label at all, and a
    # column of one label was offered, which train --labels refuses.
    def row(i):
        count = "0" if i < LINES_LOOKED_AT + 5 else "2"
        return f"{NAMES[i % 8]}{i}", SEXES[i % 8], "IN", count

    path = _long(tmp_path, "name,sex,land,count", row)
    assert _noted(path, counts="count") == ["sex"]
    assert _noted(path) == ["sex"]


def test_a_column_headed_with_a_byte_order_mark_is_offered_as_typed(tmp_path, capsys):
    # A mark inside a header cell (not at the start of the file) is invisible:
    # the note offers the column as it is typed, and that offer is followed.
    rows = [(n, s, "3") for n, s in zip(NAMES, SEXES)]
    path = _write(tmp_path / "kids.csv", "name,\ufeffsex,\ufeffcount", rows)
    status, err = _train(tmp_path, capsys, path)
    assert status == 0, err
    assert "\ufeff" not in err, err
    assert _offered(err) == ["sex"], err
    assert "pass --counts count" in err, err
    status, err = _train(tmp_path, capsys, path, "--labels", "sex")
    assert status == 0, err


def test_an_id_column_is_neither_offered_nor_guessed_as_the_labels(tmp_path, capsys):
    # id;name;sex: ids of their own on each row (P17) were offered beside sex,
    # ids out of order (17, 4) as counts, and --labels kind (or i) was
    # answered "did you mean --labels id?"; --labels gender (or label), nothing.
    ids = ["P17", "P04", "P33", "P09", "P12", "P21", "P02", "P40"]
    numbers = ["17", "4", "33", "9", "12", "21", "2", "40"]
    for column in (ids, numbers):
        rows = zip(column, NAMES, SEXES)
        path = _write(tmp_path / "kids.csv", "id,name,sex", rows)
        model = str(tmp_path / "m.skops")
        assert main(["train", path, *KN, "-o", model]) == 0
        err = capsys.readouterr().err
        assert _offered(err) == ["sex"] and "--counts" not in err
        for typed in ("gender", "label", "kind", "i"):
            assert main(["train", path, *KN, "--labels", typed, "-o", model]) == 1
            err = capsys.readouterr().err
            assert "--labels id?" not in err  # close to it, but no labels
            if typed in ("gender", "label"):  # a usual title of labels
                assert "(did you mean --labels sex?)" in err
        with pytest.raises(ValueError, match=re.escape("(did you mean 'sex'?)")):
            load_names(path, labels_column="Label")


def test_a_column_titled_as_labels_is_offered_with_a_label_on_each_row(
    tmp_path, capsys
):
    # A small file whose labels all differ: titled as labels (sex, origin),
    # the column is no id of the rows: still offered, and read.
    for title in ("sex", "origin"):
        path = _write(tmp_path / "s.csv", f"name,{title}", zip(NAMES, "FMX"))
        status, err = _train(tmp_path, capsys, path)
        assert status == 0 and _offered(err) == [title], err
        status, err = _train(tmp_path, capsys, path, "--labels", title)
        assert status == 0, err
